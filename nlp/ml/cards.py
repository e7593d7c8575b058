"""`CARD.md` of each model artifact, written from its `meta.json` (figures are never typed)."""

from __future__ import annotations

from typing import Any


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


def _groups(meta: dict[str, Any]) -> str:
    g = meta.get("cv_groups") or []
    if not g:
        return "every document is its own group"
    return "; ".join(" + ".join(names) for names in g) + " (near-duplicates, one group each)"


def scorer_card(meta: dict[str, Any]) -> str:
    cv = meta["metrics"]["cv"]
    r, m = cv["rules"], cv["rules+ml"]
    verdict = (
        "The filter raised claims F1 in cross-validation, so `score_claims` drops candidates "
        f"below the threshold {meta['threshold']}."
        if meta["filter"] else
        "The filter did NOT raise claims F1 in cross-validation, so it is switched off "
        "(`filter: false`): the rules decide which numbers are claims, and the model only "
        "sets `Claim.confidence`."
    )
    return f"""# claim_scorer

**Purpose.** For each number + unit the claim patterns propose, the probability that it is a
statistical claim (not a date, code, ordinal, idiom or name). It sets `Claim.confidence`
(`nlp.ml.score_claims`, called by the pipeline after `find_claims`).

**Model.** Logistic regression (scikit-learn {meta['versions']['sklearn']}, seed {meta['seed']})
over character 1–3-grams of the left ({12} chars) and right (8 chars) context, the number's shape,
unit, pattern id, claim kind, section kind, relative position and order of magnitude.
Feature schema {meta['feature_schema']}; saved with skops {meta['versions']['skops']}.

**Data.** {len(meta['gold_documents'])} gold documents (`corpora/gold`): every rule claim plus the
candidates the rules rejected (the same patterns run without masks). {meta['positives']}
positives (overlap a gold claim with equal value and unit), {meta['negatives']} negatives;
candidates touching an optional gold claim are left out. Training-data hash `{meta['data_hash']}`.

**Honest scores** (GroupKFold, {meta['folds']} folds by document; {_groups(meta)}; the
threshold is chosen inside each training fold):

| | precision | recall | F1 | tp / fp / fn |
|---|---|---|---|---|
| rules only | {_pct(r['precision'])} | {_pct(r['recall'])} | {_pct(r['f1'])} | {r['tp']} / {r['fp']} / {r['fn']} |
| rules + scorer filter | {_pct(m['precision'])} | {_pct(m['recall'])} | {_pct(m['f1'])} | {m['tp']} / {m['fp']} / {m['fn']} |

{verdict}

**Limits.** The gold set is small and dominated by one county (Pingtan, 18 of
{len(meta['gold_documents'])} documents, many years of the same wording); the rules were
written while reading these same documents, so the rules-only figure is optimistic too.
Rebuild with `xxgk train` after adding gold files.
"""


def indicator_card(meta: dict[str, Any]) -> str:
    cv = meta["metrics"]["cv"]
    r, m = cv["rules"], cv["rules+ml"]
    o = meta["rows_by_origin"]
    verdict = (
        "It raised indicator accuracy in cross-validation, so `nlp.link` uses it for the "
        "claims the rules leave open."
        if meta["enabled"] else
        "It did NOT raise indicator accuracy in cross-validation, so it is switched off "
        "(`enabled: false`) and the rules decide alone."
    )
    return f"""# indicator

**Purpose.** Map a claim the indicator rules (`nlp/patterns/indicators.toml`) leave open to a
canonical indicator id (`nlp/data/indicators.tsv`) or to none. Used by `nlp.link` through
`nlp.ml.load_indicator_classifier()`; it only chooses ids of the report's template with a
compatible unit, and answers none below the probability threshold {meta['threshold']}
(a confident null beats a wrong id).

**Model.** Logistic-loss linear classifier (SGD, one-vs-rest; scikit-learn
{meta['versions']['sklearn']}, seed {meta['seed']}) over character n-grams of the claim's subject + clause and of its section heading, plus unit,
template, claim kind and part/whole/change. Feature schema {meta['feature_schema']}.

**Data.** {meta['n_rows']} rows, {len(meta['labels'])} labels: {o['gold']} gold labels of
matched claims (null → `<none>`), {o['synthetic']} synthetic rows from the indicator labels and
table-label variants (one per template the id exists in), {o['table']} rows of distant
supervision (a claim whose value equals exactly one table cell of compatible unit and section).
Training-data hash `{meta['data_hash']}`.

**Honest scores** (GroupKFold, {meta['folds']} folds by document; {_groups(meta)}; accuracy over
matched claims whose gold indicator is given, spec §5):

| | correct / total | accuracy |
|---|---|---|
| rules only | {r['correct']} / {r['total']} | {_pct(r['accuracy'])} |
| rules + classifier | {m['correct']} / {m['total']} | {_pct(m['accuracy'])} |

{verdict}

**Limits.** Few documents have a table the toolkit reads, so distant supervision adds little on
this corpus; most labels come from the gold set, which is dominated by one county. Labels
depend on the template (`t3.new.total` vs `requests.received`); a report whose template is not
detected can get the id of another template. Rebuild with `xxgk train` after adding gold files.
"""
