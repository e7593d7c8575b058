"""Training and honest evaluation of the two models (`xxgk train`).

    >>> from nlp.ml.train import train
    >>> summary = train("corpora/gold", out_dir="models", seed=0)
    >>> summary["claim_scorer"]["metrics"]["cv"]["rules+ml"]["f1"]

Data:
- gold documents (`corpora/gold/*.gold.json`), read and extracted by the RULES only
  (ingest → segment → extract → tables; no model is loaded while training);
- claim scorer: every pattern candidate (`nlp.ml.features.candidates`), labelled 1 when it
  overlaps a non-optional gold claim with equal value and unit, 0 otherwise; candidates that
  touch an optional gold claim are left out;
- indicator classifier: gold labels of the matched claims (`null` → `<none>`), short
  synthetic rows from the indicator labels and table-label variants, and distant supervision
  from the report's own table (a claim whose value equals exactly one cell of compatible
  unit and section takes that cell's id).

Evaluation: `GroupKFold` by document, near-duplicate documents (the same report published
twice) in one group, so no report is in train and test. Thresholds are chosen inside each
training fold (inner `GroupKFold`), never on the test fold. Rules-only and rules + ML are
scored with `nlp.evaluate.score` on the same folds. A model part that does not beat the
rules is saved but switched off in its meta (`filter: false` / `enabled: false`).

Everything is deterministic for a given seed and data: same rows → same `data_hash`, same
metrics, same `meta.json`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from nlp.gold import Gold, GoldClaim, gold_files, load_gold, reanchor
from nlp.ml import artifacts
from nlp.ml.features import (
    FEATURE_SCHEMA,
    INDICATOR_COLUMNS,
    NONE_LABEL,
    SCORER_COLUMNS,
    candidates,
    indicator_row,
    scorer_row,
    synthetic_indicator_rows,
)
from nlp.records import Cell, Claim, Report

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))
NEAR_DUPLICATE = 0.6  # shingle containment above which two documents form one CV group


# --------------------------------------------------------------------------- data


@dataclass
class GoldDoc:
    """A gold document with its rules-only extraction and training rows."""

    name: str
    gold: Gold
    report: Report
    group: int = -1
    scorer_rows: list[tuple[str, ...]] = field(default_factory=list)
    scorer_labels: list[int] = field(default_factory=list)
    scorer_source: list[str] = field(default_factory=list)
    indicator_rows: list[tuple[str, ...]] = field(default_factory=list)
    indicator_labels: list[str] = field(default_factory=list)
    indicator_origin: list[str] = field(default_factory=list)  # gold | table
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)  # scores of evaluations


def rules_report(path: str | Path) -> Report:
    """ingest → segment → extract → tables with the rules only (no model is loaded)."""
    from nlp.extract import extract_citations, extract_claims
    from nlp.ingest import read
    from nlp.segment import segment
    from nlp.tables import table_cells

    doc = read(path)
    report = Report(document=doc)
    segment(doc)
    report.citations = extract_citations(doc)
    report.claims = extract_claims(doc, citations=report.citations)
    try:
        report.cells = table_cells(doc)
    except Exception:  # a table bug must not stop training; the claims are still usable
        report.cells = []
    return report


def rule_indicators(report: Report) -> list[Claim]:
    """Set the rule indicators (`nlp.link.assign_indicators` without the model); returns the
    claims the rules leave open."""
    from nlp.link import assign_indicators

    for c in report.claims:
        c.indicator = None
    assign_indicators(report, classify=False)
    return [c for c in report.claims
            if c.indicator is None and "indicator:rule:" not in c.extractor]


def _overlaps(a: Any, b: Any) -> bool:
    return a.start < b.end and b.start < a.end


def _same(g: GoldClaim, c: Claim) -> bool:
    return c.value is not None and math.isclose(g.value, c.value, rel_tol=1e-9, abs_tol=1e-9) \
        and g.unit == c.unit


def _gold_match(gold_claims: Sequence[GoldClaim], c: Claim) -> tuple[str, GoldClaim | None]:
    """('pos', g) | ('optional', g) | ('neg', None) for a candidate claim."""
    for g in gold_claims:
        if not g.optional and _overlaps(g, c) and _same(g, c):
            return "pos", g
    for g in gold_claims:
        if g.optional and _overlaps(g, c):
            return "optional", g
    return "neg", None


_SECTION_OF = {
    "active": {"active"}, "t2": {"active"}, "requests": {"requests"}, "t3": {"requests"},
    "review": {"review"}, "litigation": {"review"}, "complaints": {"review"}, "t4": {"review"},
    "fees": {"fees", "requests"}, "response": {"response", "active"},
    "meetings": {"training", "organization"}, "staff": {"organization"},
}
_NEUTRAL_SECTIONS = {"", "overview", "tables", "other"}


def _cell_value_in_claim_unit(cell: Cell) -> float | None:
    if cell.value is None:
        return None
    if cell.unit and "万元" in cell.unit:
        return cell.value * 10000
    return cell.value


def distant_labels(report: Report) -> dict[str, str]:
    """claim_id → indicator for claims whose value equals exactly one cell of compatible unit
    (money with money, counts with counts) and section in the same report."""
    doc = report.document
    cells = [c for c in report.cells if c.indicator and c.value is not None]
    out: dict[str, str] = {}
    for claim in report.claims:
        if claim.kind not in ("count", "money") or claim.value is None or claim.direction:
            continue
        sec = doc.section_at(claim.start)
        kind = sec.kind if sec is not None else ""
        money = claim.kind == "money"
        hits = []
        for cell in cells:
            if bool(cell.unit and "元" in cell.unit) != money:
                continue
            v = _cell_value_in_claim_unit(cell)
            if v is None or not math.isclose(v, claim.value, rel_tol=1e-9, abs_tol=1e-9):
                continue
            allowed = _SECTION_OF.get(cell.indicator.split(".", 1)[0])
            if kind not in _NEUTRAL_SECTIONS and allowed is not None and kind not in allowed:
                continue
            hits.append(cell)
        if len(hits) == 1:
            out[claim.claim_id] = hits[0].indicator
    return out


def build_doc(path: Path) -> GoldDoc:
    """Read one gold file, extract its report with the rules, and make its training rows."""
    gold = load_gold(path)
    report = rules_report(gold.doc_path)
    doc = report.document
    gold, _lost = reanchor(gold, doc.text)
    gd = GoldDoc(name=path.name.removesuffix(".gold.json"), gold=gold, report=report)
    for cand in candidates(doc, report.citations, report.claims):
        status, _ = _gold_match(gold.claims, cand.claim)
        if status == "optional":
            continue
        gd.scorer_rows.append(scorer_row(doc, cand.claim))
        gd.scorer_labels.append(1 if status == "pos" else 0)
        gd.scorer_source.append(cand.source)
    distant = distant_labels(report)
    for c in report.claims:
        if c.kind == "zero":
            continue
        status, g = _gold_match(gold.claims, c)
        if status == "pos" and g is not None and g.has_indicator:
            label, origin = (g.indicator or NONE_LABEL), "gold"
        elif c.claim_id in distant and not (g is not None and g.has_indicator):
            label, origin = distant[c.claim_id], "table"
        else:
            continue
        gd.indicator_rows.append(indicator_row(doc, c))
        gd.indicator_labels.append(label)
        gd.indicator_origin.append(origin)
    return gd


def _shingles(text: str, k: int = 8) -> set[str]:
    t = "".join(text.split())
    return {t[i:i + k] for i in range(0, max(len(t) - k + 1, 0))}


def near_duplicate_groups(texts: Sequence[str], threshold: float = NEAR_DUPLICATE) -> list[int]:
    """A group number per text: texts whose 8-character shingles are mostly shared (the
    containment of the smaller in the larger ≥ `threshold`) share a group (union-find)."""
    sh = [_shingles(t) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            small = min(len(sh[i]), len(sh[j]))
            if small and len(sh[i] & sh[j]) / small >= threshold:
                parent[find(j)] = find(i)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(texts))]


def load_docs(gold: str | Path | Iterable[str | Path]) -> list[GoldDoc]:
    """Every gold document of a folder (or the given files), sorted by file name, grouped."""
    if isinstance(gold, (str, Path)):
        files = gold_files(gold)
    else:
        files = [f for g in gold for f in gold_files(g)]
    files = sorted({Path(f) for f in files}, key=lambda p: p.name)
    docs = [build_doc(f) for f in files]
    for d, g in zip(docs, near_duplicate_groups([d.report.document.text for d in docs]),
                    strict=True):
        d.group = g
    return docs


# --------------------------------------------------------------------------- fitting


def _fit_scorer(docs: Sequence[GoldDoc], seed: int) -> Any:
    from nlp.ml.scorer import as_matrix, build_pipeline

    rows = [r for d in docs for r in d.scorer_rows]
    labels = [y for d in docs for y in d.scorer_labels]
    if len(set(labels)) < 2:
        return None
    return build_pipeline(seed).fit(as_matrix(rows), labels)


def _indicator_training(docs: Sequence[GoldDoc]) -> tuple[list[tuple[str, ...]], list[str]]:
    rows: list[tuple[str, ...]] = []
    labels: list[str] = []
    for r, y in synthetic_indicator_rows():
        rows.append(r)
        labels.append(y)
    for d in docs:
        rows.extend(d.indicator_rows)
        labels.extend(d.indicator_labels)
    return rows, labels


def _fit_indicator(docs: Sequence[GoldDoc], seed: int) -> Any:
    from nlp.ml.indicator import _matrix, build_pipeline

    rows, labels = _indicator_training(docs)
    return build_pipeline(seed).fit(_matrix(rows), labels)


def _folds(docs: Sequence[GoldDoc], k: int) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import GroupKFold

    groups = [d.group for d in docs]
    k = min(k, len(set(groups)))
    if k < 2:
        return []
    idx = list(range(len(docs)))
    return [(list(tr), list(te)) for tr, te in GroupKFold(n_splits=k).split(idx, groups=groups)]


# --------------------------------------------------------------------------- scoring


def _claims_with_scores(d: GoldDoc, pipeline: Any) -> list[tuple[Claim, float]]:
    from nlp.ml.scorer import ClaimScorer

    claims = d.report.claims
    if pipeline is None:
        return [(c, 1.0) for c in claims]
    return list(zip(claims, ClaimScorer(pipeline, {}).probabilities(d.report.document, claims),
                    strict=True))


def _claim_counts(d: GoldDoc, kept: list[Claim]) -> tuple[int, int, int]:
    """Claims tp/fp/fn of `kept` against the doc's gold (spec §5 scoring, cached)."""
    key = ("claims", tuple(c.claim_id for c in kept))
    if key not in d.cache:
        from nlp.evaluate import score

        res = score(d.gold, replace(d.report, claims=kept, checks=[], links=[]))
        d.cache[key] = (res.claims.tp, res.claims.fp, res.claims.fn)
    return d.cache[key]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4)}


def _filtered(scored: list[tuple[Claim, float]], threshold: float) -> list[Claim]:
    return [c for c, p in scored if c.kind == "zero" or p >= threshold]


def _best_threshold(per_doc: list[tuple[GoldDoc, list[tuple[Claim, float]]]],
                    counts: Callable[[GoldDoc, list[Claim]], tuple[int, int, int]]
                    ) -> tuple[float, float]:
    """The threshold with the best micro F1 over the given documents (ties: the lowest)."""
    best_t, best_f = 0.0, -1.0
    for t in (0.0, *THRESHOLDS):
        tot = [0, 0, 0]
        for d, scored in per_doc:
            for i, v in enumerate(counts(d, _filtered(scored, t))):
                tot[i] += v
        f = float(_prf(*tot)["f1"])
        if f > best_f + 1e-9:
            best_t, best_f = t, f
    return best_t, best_f


def _inner_oof(docs: list[GoldDoc], fit: Callable[[Sequence[GoldDoc]], Any], k: int
               ) -> list[tuple[GoldDoc, Any]]:
    """(doc, model trained without the doc's group) for each doc: out-of-fold models."""
    out: list[tuple[GoldDoc, Any]] = []
    for tr, te in _folds(docs, k):
        model = fit([docs[i] for i in tr])
        out.extend((docs[i], model) for i in te)
    return out


def _open_claims(d: GoldDoc) -> tuple[Report, list[Claim]]:
    """A copy of the doc's report with rule indicators set, and the claims left open."""
    if "open" not in d.cache:
        claims = [replace(c, qualifiers=list(c.qualifiers)) for c in d.report.claims]
        rep = replace(d.report, claims=claims, checks=[], links=[])
        d.cache["open"] = (rep, rule_indicators(rep))
    return d.cache["open"]


def _indicator_accuracy(d: GoldDoc, decided: list[str | None]) -> tuple[int, int]:
    """(correct, total) when the open claims take `decided` (spec §5 scoring, cached)."""
    rep, open_ = _open_claims(d)
    key = ("indicators", tuple(decided))
    if key not in d.cache:
        from nlp.evaluate import score

        saved = [c.indicator for c in open_]
        for c, ind in zip(open_, decided, strict=True):
            c.indicator = ind
        res = score(d.gold, rep)
        for c, ind in zip(open_, saved, strict=True):
            c.indicator = ind
        d.cache[key] = (res.indicators.correct, res.indicators.total)
    return d.cache[key]


def _ranked(d: GoldDoc, pipeline: Any) -> list[tuple[str | None, float]]:
    from nlp.ml.indicator import rank

    rep, open_ = _open_claims(d)
    return rank(pipeline, rep, open_) if pipeline is not None else [(None, 0.0)] * len(open_)


def _decide(ranked: list[tuple[str | None, float]], threshold: float) -> list[str | None]:
    return [ind if ind is not None and p >= threshold else None for ind, p in ranked]


def _best_indicator_threshold(pairs: list[tuple[GoldDoc, list[tuple[str | None, float]]]]
                              ) -> float:
    best_t, best_acc = 0.5, -1.0
    for t in THRESHOLDS:
        corr = tot = 0
        for d, ranked in pairs:
            c, n = _indicator_accuracy(d, _decide(ranked, t))
            corr, tot = corr + c, tot + n
        acc = corr / tot if tot else 0.0
        if acc > best_acc + 1e-9:
            best_t, best_acc = t, acc
    return best_t


def cross_validate(docs: list[GoldDoc], seed: int = 0, folds: int = 5, inner: int = 2
                   ) -> dict[str, Any]:
    """Rules-only against rules + ML, by document, thresholds chosen inside training folds."""
    rules_c = [0, 0, 0]
    ml_c = [0, 0, 0]
    ind_rules = [0, 0]
    ind_ml = [0, 0]
    chosen_scorer: list[float] = []
    chosen_ind: list[float] = []
    oof_scores: list[tuple[GoldDoc, list[tuple[Claim, float]]]] = []
    oof_ind: list[tuple[GoldDoc, list[tuple[str | None, float]]]] = []
    for tr, te in _folds(docs, folds):
        train_docs = [docs[i] for i in tr]
        # claim scorer: threshold from the training fold's own out-of-fold scores
        inner_pairs = _inner_oof(train_docs, lambda ds: _fit_scorer(ds, seed), inner)
        t, _ = _best_threshold([(d, _claims_with_scores(d, m)) for d, m in inner_pairs],
                               _claim_counts)
        chosen_scorer.append(t)
        scorer = _fit_scorer(train_docs, seed)
        # indicator classifier
        inner_ind = _inner_oof(train_docs, lambda ds: _fit_indicator(ds, seed), inner)
        ti = _best_indicator_threshold([(d, _ranked(d, m)) for d, m in inner_ind])
        chosen_ind.append(ti)
        clf = _fit_indicator(train_docs, seed)
        for i in te:
            d = docs[i]
            scored = _claims_with_scores(d, scorer)
            oof_scores.append((d, scored))
            ranked = _ranked(d, clf)
            oof_ind.append((d, ranked))
            for k, v in enumerate(_claim_counts(d, d.report.claims)):
                rules_c[k] += v
            for k, v in enumerate(_claim_counts(d, _filtered(scored, t))):
                ml_c[k] += v
            c, n = _indicator_accuracy(d, [None] * len(ranked))
            ind_rules[0] += c
            ind_rules[1] += n
            c, n = _indicator_accuracy(d, _decide(ranked, ti))
            ind_ml[0] += c
            ind_ml[1] += n
    scorer_t, _ = _best_threshold(oof_scores, _claim_counts)
    ind_t = _best_indicator_threshold(oof_ind)
    return {
        "folds": len(_folds(docs, folds)),
        "documents": len(docs),
        "groups": len({d.group for d in docs}),
        "claims": {"rules": _prf(*rules_c), "rules+ml": _prf(*ml_c),
                   "fold_thresholds": chosen_scorer, "oof_threshold": scorer_t},
        "indicators": {
            "rules": {"correct": ind_rules[0], "total": ind_rules[1],
                      "accuracy": round(ind_rules[0] / ind_rules[1], 4) if ind_rules[1] else None},
            "rules+ml": {"correct": ind_ml[0], "total": ind_ml[1],
                         "accuracy": round(ind_ml[0] / ind_ml[1], 4) if ind_ml[1] else None},
            "fold_thresholds": chosen_ind, "oof_threshold": ind_t,
        },
    }


# --------------------------------------------------------------------------- artifacts


def _meta(kind: str, seed: int, columns: Sequence[str], rows: list[Any], labels: list[Any],
          extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": kind,
        "feature_schema": FEATURE_SCHEMA,
        "columns": list(columns),
        "versions": artifacts.versions(),
        "seed": seed,
        "data_hash": artifacts.data_hash([rows, labels]),
        "n_rows": len(rows),
        "labels": sorted({str(y) for y in labels}),
        **extra,
    }


def train(gold: str | Path | Iterable[str | Path] = "corpora/gold",
          out_dir: str | Path | None = None, *, seed: int = 0, folds: int = 5,
          progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Build both models from the gold documents, cross-validate them, and (if `out_dir`)
    write `out_dir/claim_scorer/` and `out_dir/indicator/`. Returns both metas."""
    say = progress or (lambda _msg: None)
    say("reading and extracting the gold documents (rules only)")
    docs = load_docs(gold)
    say(f"{len(docs)} documents in {len({d.group for d in docs})} groups; cross-validating")
    cv = cross_validate(docs, seed=seed, folds=folds)
    cl, ind = cv["claims"], cv["indicators"]
    scorer_filter = cl["rules+ml"]["f1"] > cl["rules"]["f1"]
    ind_enabled = (ind["rules+ml"]["accuracy"] or 0) > (ind["rules"]["accuracy"] or 0)
    say("fitting the final models on all documents")
    s_rows = [r for d in docs for r in d.scorer_rows]
    s_labels = [y for d in docs for y in d.scorer_labels]
    scorer = _fit_scorer(docs, seed)
    i_rows, i_labels = _indicator_training(docs)
    clf = _fit_indicator(docs, seed)
    origins = [o for d in docs for o in d.indicator_origin]
    common = {"gold_documents": [d.name for d in docs], "cv_groups": _group_names(docs),
              "folds": cv["folds"]}
    scorer_meta = _meta("claim_scorer", seed, SCORER_COLUMNS, s_rows, s_labels, {
        **common, "threshold": cl["oof_threshold"], "filter": scorer_filter,
        "positives": sum(s_labels), "negatives": len(s_labels) - sum(s_labels),
        "metrics": {"cv": {"rules": cl["rules"], "rules+ml": cl["rules+ml"],
                           "fold_thresholds": cl["fold_thresholds"]}},
    })
    ind_meta = _meta("indicator", seed, INDICATOR_COLUMNS, i_rows, i_labels, {
        **common, "threshold": ind["oof_threshold"], "enabled": ind_enabled,
        "rows_by_origin": {"synthetic": len(i_rows) - len(origins),
                           "gold": origins.count("gold"), "table": origins.count("table")},
        "metrics": {"cv": {"rules": ind["rules"], "rules+ml": ind["rules+ml"],
                           "fold_thresholds": ind["fold_thresholds"]}},
    })
    if out_dir is not None:
        from nlp.ml.cards import indicator_card, scorer_card

        base = Path(out_dir)
        artifacts.save(base / "claim_scorer", scorer, scorer_meta, scorer_card(scorer_meta))
        artifacts.save(base / "indicator", clf, ind_meta, indicator_card(ind_meta))
        say(f"written to {base / 'claim_scorer'} and {base / 'indicator'}")
    return {"claim_scorer": scorer_meta, "indicator": ind_meta}


def _group_names(docs: Sequence[GoldDoc]) -> list[list[str]]:
    groups: dict[int, list[str]] = {}
    for d in docs:
        groups.setdefault(d.group, []).append(d.name)
    return [names for _, names in sorted(groups.items()) if len(names) > 1]
