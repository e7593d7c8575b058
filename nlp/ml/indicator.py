"""The indicator classifier: claim → canonical indicator id, or None.

A logistic-loss linear model (SGD, one-vs-rest) over character n-grams of the claim's subject and clause and of its
section heading, plus the unit, the report's template, the claim kind and whether it is a
`其中` part (`nlp.ml.features.indicator_row`). The label `<none>` stands for "no table
counterpart".

`predict_claims` only chooses among ids that exist in the report's template (when known) and
whose unit is compatible with the claim's (counts with counts, money with money); percentages,
multiples and durations never get an id. Below `meta["threshold"]` it answers None: a
confident null beats a wrong id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nlp.ml.artifacts import LoadedModel
from nlp.ml.features import INDICATOR_CATEGORICAL, INDICATOR_TEXT, NONE_LABEL, indicator_row
from nlp.records import Claim, Report

NAME = "indicator"
NO_ID_KINDS = frozenset({"percent", "pp", "multiple", "duration"})


def build_pipeline(seed: int = 0, alpha: float = 1e-4) -> Any:
    """An unfitted scikit-learn pipeline for indicator rows."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder

    features = ColumnTransformer(
        [("words", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2,
                                   lowercase=False), INDICATOR_TEXT[0]),
         ("heading", TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                                     lowercase=False), INDICATOR_TEXT[1]),
         ("cat", OneHotEncoder(handle_unknown="ignore"), list(INDICATOR_CATEGORICAL))],
        sparse_threshold=1.0,
    )
    # logistic loss (probabilities), one-vs-rest: fast with ~300 labels, deterministic by seed
    clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=30, tol=None, random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


def _is_money(unit: str | None) -> bool:
    return bool(unit) and "元" in unit


@lru_cache(maxsize=8)
def _allowed(template: str | None, money: bool) -> frozenset[str]:
    from nlp.tables.labels import indicators

    out = set()
    for ind, row in indicators().items():
        if template is not None and template not in row["templates"] and not (
                template == "local" and "pre2019" in row["templates"]):
            continue  # local tables map their rows to pre2019 ids where they mean the same
        if _is_money(row["unit"]) != money:
            continue
        out.add(ind)
    return frozenset(out)


def allowed_ids(template: str | None, claim: Claim) -> frozenset[str]:
    """The ids a claim may take in a report of `template` (None: any template)."""
    if claim.kind in NO_ID_KINDS:
        return frozenset()
    return _allowed(template, claim.kind == "money" or _is_money(claim.unit))


@dataclass(frozen=True)
class IndicatorClassifier(LoadedModel):
    """A loaded indicator classifier: the fitted pipeline and its meta (read-only)."""

    def predict_claims(self, report: Report, claims: list[Claim]
                       ) -> list[tuple[str | None, float]]:
        """(indicator or None, probability) for each claim, in order."""
        return predict(self.pipeline, report, claims, self.threshold)


def predict(pipeline: Any, report: Report, claims: list[Claim], threshold: float
            ) -> list[tuple[str | None, float]]:
    """The classifier's decision for each claim (see the module docstring)."""
    return [(ind if ind is not None and p >= threshold else None, p)
            for ind, p in rank(pipeline, report, claims)]


def rank(pipeline: Any, report: Report, claims: list[Claim]) -> list[tuple[str | None, float]]:
    """The most probable allowed label of each claim (None for `<none>` or no allowed id) and
    its probability, renormalised over the allowed labels."""
    if not claims:
        return []
    doc = report.document
    template = doc.template if doc.template in ("pre2019", "2019", "2021", "local") else None
    proba = pipeline.predict_proba(_matrix([indicator_row(doc, c) for c in claims]))
    classes = list(pipeline.classes_)
    none_i = classes.index(NONE_LABEL) if NONE_LABEL in classes else None
    out: list[tuple[str | None, float]] = []
    for c, p in zip(claims, proba, strict=True):
        allowed = allowed_ids(template, c)
        if not allowed:
            out.append((None, 1.0))
            continue
        keep = [i for i, k in enumerate(classes) if k in allowed or i == none_i]
        total = float(sum(p[i] for i in keep)) or 1.0
        best = max(keep, key=lambda i: (p[i], -i))
        prob = round(float(p[best]) / total, 4)
        out.append((None if best == none_i else classes[best], prob))
    return out


def _matrix(rows: list[tuple[str, ...]]) -> Any:
    import numpy as np

    return np.array(rows, dtype=object).reshape(len(rows), -1)
