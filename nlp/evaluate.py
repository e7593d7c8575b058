"""evaluate: score extracted `Report`s against gold files with the rules of docs/spec.md §5.

    >>> from nlp.evaluate import evaluate, format_result
    >>> result = evaluate("corpora/gold")            # runs nlp.extract on every gold's doc
    >>> result.totals.claims.f1, result.totals.cells.accuracy
    >>> print(format_result(result))                 # the CLI prints; the library returns data
    >>> result.to_dict()                             # JSON-ready

Matching (spec §5):
- claims: a prediction matches a gold claim when the spans overlap and value and unit are equal;
  one-to-one (a maximum matching). P/R/F1 over non-optional gold claims. A prediction that
  overlaps an optional gold claim and matches no required one is neither TP nor FP. Predicted
  zero-in-words claims (`kind == "zero"`) are ignored.
- indicator accuracy: over matched claims whose gold gives `indicator` (gold null: the claim has
  no table counterpart, so any predicted id is wrong).
- citations: only predictions of kind `doc_number`; spans overlap and code, year, serial equal.
- cells: by indicator; value equal, null matches null; a gold cell with no predicted cell of
  that indicator is wrong.
- findings: predicted checks with status `fail`, matched to gold by (`check`, `indicator`) as a
  multiset.
Totals are micro-averaged: TP/FP/FN (and correct/total) are summed over documents.
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from nlp.errors import UsageError, XxgkError
from nlp.gold import Gold, GoldCitation, GoldClaim, gold_files, load_gold, reanchor
from nlp.records import Citation, Claim, Report

PathLike = str | os.PathLike[str]
Extractor = Callable[[Path], Report]


# --------------------------------------------------------------------------- figures


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1 (None: undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        n = self.tp + self.fp
        return self.tp / n if n else None

    @property
    def recall(self) -> float | None:
        n = self.tp + self.fn
        return self.tp / n if n else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __iadd__(self, other: Accuracy) -> Accuracy:
        self.correct += other.correct
        self.total += other.total
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass
class Item:
    """One miss, false hit or wrong value, with what a developer needs to find and fix it.

    `what`: claim | citation | indicator | cell | finding. `start`/`end`/`text` locate spans
    (-1/"" for cells and findings); `gold` and `predicted` say the values that were compared
    ("33 条", "active.total", "国办发〔2018〕23号"); `reason` says why it did not match.
    """

    what: str
    reason: str
    start: int = -1
    end: int = -1
    text: str = ""
    gold: str | None = None
    predicted: str | None = None


@dataclass
class DocResult:
    gold_path: str
    doc_path: str
    doc_id: str | None = None
    template: str | None = None
    claims: Counts = field(default_factory=Counts)
    indicators: Accuracy = field(default_factory=Accuracy)
    citations: Counts = field(default_factory=Counts)
    cells: Accuracy = field(default_factory=Accuracy)
    findings: Counts = field(default_factory=Counts)
    ignored_claims: int = 0  # predictions on optional gold claims, and zero-in-words claims
    misses: list[Item] = field(default_factory=list)  # gold not found (and wrong cells/ids)
    false_hits: list[Item] = field(default_factory=list)  # predicted, not in gold
    errors: list[str] = field(default_factory=list)  # extraction errors, lost gold anchors

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_path": self.gold_path, "doc_path": self.doc_path, "doc_id": self.doc_id,
            "template": self.template, "claims": self.claims.to_dict(),
            "indicators": self.indicators.to_dict(), "citations": self.citations.to_dict(),
            "cells": self.cells.to_dict(), "findings": self.findings.to_dict(),
            "ignored_claims": self.ignored_claims,
            "misses": [asdict(i) for i in self.misses],
            "false_hits": [asdict(i) for i in self.false_hits],
            "errors": list(self.errors),
        }


@dataclass
class Totals:
    documents: int = 0
    claims: Counts = field(default_factory=Counts)
    indicators: Accuracy = field(default_factory=Accuracy)
    citations: Counts = field(default_factory=Counts)
    cells: Accuracy = field(default_factory=Accuracy)
    findings: Counts = field(default_factory=Counts)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "claims": self.claims.to_dict(),
                "indicators": self.indicators.to_dict(), "citations": self.citations.to_dict(),
                "cells": self.cells.to_dict(), "findings": self.findings.to_dict()}


@dataclass
class EvalResult:
    documents: list[DocResult] = field(default_factory=list)

    @property
    def totals(self) -> Totals:
        """Micro-averaged totals: counts summed over the documents."""
        t = Totals(documents=len(self.documents))
        for d in self.documents:
            t.claims += d.claims
            t.indicators += d.indicators
            t.citations += d.citations
            t.cells += d.cells
            t.findings += d.findings
        return t

    def to_dict(self) -> dict[str, Any]:
        return {"totals": self.totals.to_dict(),
                "documents": [d.to_dict() for d in self.documents]}


# --------------------------------------------------------------------------- matching


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _fmt_num(v: float | None) -> str:
    if v is None:
        return "null"
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _max_matching(n_left: int, edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths); returns right → left."""
    match: dict[int, int] = {}

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges.get(u, ()):
            if v in seen:
                continue
            seen.add(v)
            if v not in match or augment(match[v], seen):
                match[v] = u
                return True
        return False

    for u in range(n_left):
        augment(u, set())
    return match


def _span_overlap(a: Any, b: Any) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _claim_str(value: float | None, unit: str | None) -> str:
    return f"{_fmt_num(value)} {unit or ''}".strip()


def _cit_str(code: str | None, year: int | None, serial: int | None) -> str:
    return f"{code}〔{year if year is not None else '-'}〕{serial if serial is not None else '-'}号"


def _score_spans(
    gold: list[Any], preds: list[Any], same: Callable[[Any, Any], bool],
    describe_gold: Callable[[Any], str], describe_pred: Callable[[Any], str], what: str,
    res: DocResult,
) -> tuple[Counts, list[tuple[Any, Any]], list[Any]]:
    """One-to-one matching of spans (overlap + `same`) for claims and citations.

    Returns counts over required gold items, the matched (gold, pred) pairs, and the
    predictions left unmatched that overlap an optional gold item (ignored).
    """
    required = [g for g in gold if not g.optional]
    optional = [g for g in gold if g.optional]
    edges: dict[int, list[int]] = {}
    for gi, g in enumerate(required):
        cands = [pi for pi, p in enumerate(preds)
                 if _overlap(g.start, g.end, p.start, p.end) and same(g, p)]
        cands.sort(key=lambda pi: -_span_overlap(g, preds[pi]))
        edges[gi] = cands
    match = _max_matching(len(required), edges)  # pred index → gold index
    matched_gold = {gi: pi for pi, gi in match.items()}
    pairs = [(required[gi], preds[pi]) for gi, pi in sorted(matched_gold.items())]
    counts = Counts(tp=len(pairs))
    ignored = []
    for gi, g in enumerate(required):
        if gi in matched_gold:
            continue
        counts.fn += 1
        near = [p for p in preds if _overlap(g.start, g.end, p.start, p.end)]
        if not near:
            reason, pred = "no overlapping prediction", None
        else:
            p = near[0]
            pred = describe_pred(p)
            if same(g, p):
                reason = "the overlapping prediction matched another gold item"
            else:
                reason = _why_differs(g, p, what)
        res.misses.append(Item(what, reason, g.start, g.end, g.text, describe_gold(g), pred))
    for pi, p in enumerate(preds):
        if pi in match:
            continue
        if any(_overlap(g.start, g.end, p.start, p.end) for g in optional):
            ignored.append(p)
            continue
        counts.fp += 1
        near = [g for g in required if _overlap(g.start, g.end, p.start, p.end)]
        if not near:
            reason, gd = "no overlap with any gold item", None
        else:
            g = near[0]
            gd = describe_gold(g)
            reason = "duplicate: the gold item is matched by another prediction" \
                if same(g, p) else _why_differs(g, p, what)
        res.false_hits.append(Item(what, reason, p.start, p.end, p.text, gd, describe_pred(p)))
    return counts, pairs, ignored


def _why_differs(g: Any, p: Any, what: str) -> str:
    if what == "claim":
        diffs = []
        if not _same_number(g.value, p.value):
            diffs.append("value differs")
        if g.unit != p.unit:
            diffs.append("unit differs")
        return ", ".join(diffs) or "differs"
    diffs = [f"{k} differs" for k in ("code", "year", "serial")
             if getattr(g, k) != getattr(p, k)]
    return ", ".join(diffs) or "differs"


def _same_claim(g: GoldClaim, p: Claim) -> bool:
    return _same_number(g.value, p.value) and g.unit == p.unit


def _same_citation(g: GoldCitation, p: Citation) -> bool:
    return g.code == p.code and g.year == p.year and g.serial == p.serial


def score(gold: Gold, report: Report) -> DocResult:
    """Score one extracted `Report` against one `Gold` (offsets must index the same text)."""
    doc = report.document
    res = DocResult(gold_path=str(gold.path), doc_path=str(gold.doc_path), doc_id=doc.doc_id,
                    template=gold.template)
    res.errors.extend(f"{e.stage}: {e.error}: {e.message}" for e in report.errors)
    if doc.text:
        gold, lost = reanchor(gold, doc.text)
        res.errors.extend(f"gold span not found in the document text: {m}" for m in lost)

    # claims
    preds = [c for c in report.claims if c.kind != "zero"]
    res.ignored_claims = len(report.claims) - len(preds)
    res.claims, pairs, ignored = _score_spans(
        list(gold.claims), preds, _same_claim,
        lambda g: _claim_str(g.value, g.unit), lambda p: _claim_str(p.value, p.unit),
        "claim", res,
    )
    res.ignored_claims += len(ignored)
    for g, p in pairs:
        if not g.has_indicator:
            continue
        res.indicators.total += 1
        if g.indicator == p.indicator:
            res.indicators.correct += 1
        else:
            reason = "predicted an id for a claim without table counterpart" \
                if g.indicator is None else ("no id predicted" if p.indicator is None
                                             else "wrong id")
            res.misses.append(Item("indicator", reason, g.start, g.end, g.text,
                                   g.indicator or "null", p.indicator or "null"))

    # citations
    cits = [c for c in report.citations if c.kind == "doc_number"]
    res.citations, _, _ = _score_spans(
        list(gold.citations), cits, _same_citation,
        lambda g: _cit_str(g.code, g.year, g.serial), lambda p: _cit_str(p.code, p.year, p.serial),
        "citation", res,
    )

    # cells
    by_ind: dict[str, list[float | None]] = defaultdict(list)
    for c in report.cells:
        if c.indicator:
            by_ind[c.indicator].append(c.value)
    for g in gold.cells:
        if g.indicator is None:
            continue
        res.cells.total += 1
        got = by_ind.get(g.indicator)
        if not got:
            res.misses.append(Item("cell", "no predicted cell with this indicator",
                                   gold=f"{g.indicator} = {_fmt_num(g.value)}"))
        elif all(_same_number(g.value, v) for v in got):
            res.cells.correct += 1
        else:
            shown = ", ".join(_fmt_num(v) for v in got)
            reason = "value differs" if len(got) == 1 else \
                f"{len(got)} predicted cells with this indicator, not all equal to gold"
            res.misses.append(Item("cell", reason, gold=f"{g.indicator} = {_fmt_num(g.value)}",
                                   predicted=f"{g.indicator} = {shown}"))

    # findings
    want = Counter((f.check, f.indicator) for f in gold.findings)
    fails = [c for c in report.checks if c.status == "fail"]
    got_f = Counter((c.check, c.indicator) for c in fails)
    tp = sum(min(n, got_f[k]) for k, n in want.items())
    res.findings = Counts(tp=tp, fp=sum(got_f.values()) - tp, fn=sum(want.values()) - tp)
    for (chk, ind), n in want.items():
        for _ in range(n - min(n, got_f[(chk, ind)])):
            res.misses.append(Item("finding", "no failing check with this (check, indicator)",
                                   gold=f"{chk} {ind or 'null'}"))
    extra = dict(got_f - want)
    for c in fails:
        k = (c.check, c.indicator)
        if extra.get(k, 0) > 0:
            extra[k] -= 1
            res.false_hits.append(Item("finding", f"not in gold: {c.message}".strip(),
                                       predicted=f"{c.check} {c.indicator or 'null'}"))
    return res


# --------------------------------------------------------------------------- driver


def _default_extractor(path: Path) -> Report:
    from nlp.pipeline import extract

    return extract(path)


def evaluate(
    gold: PathLike | Iterable[PathLike], *, extractor: Extractor | None = None,
) -> EvalResult:
    """Score `extractor` (default `nlp.extract`) on gold files: a folder of `*.gold.json`,
    one file, or a list of files. Returns per-document figures and micro-averaged totals.

    A gold file that is invalid raises `UsageError`; a report that cannot be read is scored
    as an empty extraction, with the reason in `DocResult.errors`.
    """
    if isinstance(gold, (str, os.PathLike)):
        files = gold_files(gold)
    else:
        files = []
        for g in gold:
            files.extend(gold_files(g))
        if not files:
            raise UsageError("evaluate: no gold files given")
    run = extractor or _default_extractor
    result = EvalResult()
    for f in files:
        g = load_gold(f)
        if not g.doc_path.exists():
            raise UsageError(f"{f}: doc {g.doc!r} not found (resolved to {g.doc_path})")
        try:
            report = run(g.doc_path)
        except XxgkError as exc:
            from nlp.records import Document

            report = Report(document=Document(doc_id="", path=str(g.doc_path), format="",
                                              text=""))
            doc_res = score(g, report)
            doc_res.errors.append(f"extraction failed: {type(exc).__name__}: {exc}")
            result.documents.append(doc_res)
            continue
        result.documents.append(score(g, report))
    return result


# --------------------------------------------------------------------------- display


def _pct(v: float | None) -> str:
    return "   -  " if v is None else f"{100 * v:5.1f}%"


def format_result(result: EvalResult, *, details: bool = True, max_items: int = 50) -> str:
    """Plain-text rendering for the CLI: a per-document table, totals, then misses and false
    hits per document (at most `max_items` of each per document)."""
    head = (f"{'document':<40} {'claims P':>8} {'R':>7} {'F1':>7} {'ind acc':>8} "
            f"{'cit P':>7} {'R':>7} {'F1':>7} {'cells':>7} {'find R':>7} {'P':>7}")
    lines = [head, "-" * len(head)]

    def row(name: str, c: Counts, ind: Accuracy, cit: Counts, cells: Accuracy,
            fnd: Counts) -> str:
        return (f"{name[:40]:<40} {_pct(c.precision):>8} {_pct(c.recall):>7} {_pct(c.f1):>7} "
                f"{_pct(ind.accuracy):>8} {_pct(cit.precision):>7} {_pct(cit.recall):>7} "
                f"{_pct(cit.f1):>7} {_pct(cells.accuracy):>7} {_pct(fnd.recall):>7} "
                f"{_pct(fnd.precision):>7}")

    for d in result.documents:
        name = Path(d.gold_path).name.removesuffix(".gold.json")
        lines.append(row(name, d.claims, d.indicators, d.citations, d.cells, d.findings))
    t = result.totals
    lines.append("-" * len(head))
    lines.append(row(f"TOTAL ({t.documents} documents, micro)", t.claims, t.indicators,
                     t.citations, t.cells, t.findings))
    lines.append(
        f"claims tp/fp/fn {t.claims.tp}/{t.claims.fp}/{t.claims.fn}; indicators "
        f"{t.indicators.correct}/{t.indicators.total}; citations tp/fp/fn {t.citations.tp}/"
        f"{t.citations.fp}/{t.citations.fn}; cells {t.cells.correct}/{t.cells.total}; findings "
        f"tp/fp/fn {t.findings.tp}/{t.findings.fp}/{t.findings.fn}"
    )
    if not details:
        return "\n".join(lines)
    for d in result.documents:
        if not (d.misses or d.false_hits or d.errors):
            continue
        lines.append("")
        lines.append(f"== {d.doc_path}")
        for e in d.errors:
            lines.append(f"  ! {e}")
        for label, plural, items in (("miss", "misses", d.misses),
                                     ("false hit", "false hits", d.false_hits)):
            for it in items[:max_items]:
                where = f"{it.start}..{it.end} {it.text!r} " if it.start >= 0 else ""
                vals = []
                if it.gold is not None:
                    vals.append(f"gold {it.gold}")
                if it.predicted is not None:
                    vals.append(f"predicted {it.predicted}")
                lines.append(f"  {label:<9} {it.what:<9} {where}{'; '.join(vals)} — {it.reason}")
            if len(items) > max_items:
                lines.append(f"  … {len(items) - max_items} more {plural}")
    return "\n".join(lines)
