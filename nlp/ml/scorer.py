"""The claim scorer: P(a pattern candidate is a statistical claim).

A logistic regression over character n-grams of the left and right context (normalised view),
the number's shape (`DD条`, `C类`, `DDDD`), the unit, the pattern id, the claim kind, the
section kind, the relative position and the order of magnitude (`nlp.ml.features.scorer_row`).

`ClaimScorer.apply` sets `Claim.confidence` to that probability and, when the artifact says
its filter earned its place in cross-validation (`meta["filter"]`), drops the claims below
`meta["threshold"]`. Zeros stated in words are left alone (no number to score).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from nlp.ml.artifacts import LoadedModel
from nlp.ml.features import SCORER_CATEGORICAL, SCORER_TEXT, scorer_row
from nlp.records import Claim, Document

NAME = "claim_scorer"


def build_pipeline(seed: int = 0, C: float = 4.0) -> Any:
    """An unfitted scikit-learn pipeline for scorer rows."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder

    def chars() -> TfidfVectorizer:
        return TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2,
                               lowercase=False)

    features = ColumnTransformer(
        [("left", chars(), SCORER_TEXT[0]), ("right", chars(), SCORER_TEXT[1]),
         ("cat", OneHotEncoder(handle_unknown="ignore"), list(SCORER_CATEGORICAL))],
        sparse_threshold=1.0,
    )
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=1000,
                             class_weight="balanced", random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


def as_matrix(rows: list[tuple[str, ...]]) -> Any:
    import numpy as np

    return np.array(rows, dtype=object).reshape(len(rows), -1)


@dataclass(frozen=True)
class ClaimScorer(LoadedModel):
    """A loaded claim scorer: the fitted pipeline and its meta (read-only after loading)."""

    @property
    def filters(self) -> bool:
        """Whether `apply` drops claims below the threshold (decided by cross-validation)."""
        return bool(self.meta.get("filter", False))

    @property
    def tag(self) -> str:
        return f"{NAME}@{self.meta.get('data_hash', '?')[:8]}"

    def probabilities(self, doc: Document, claims: list[Claim]) -> list[float]:
        """P(claim) for each claim (zeros in words get 1.0)."""
        idx = [i for i, c in enumerate(claims) if c.kind != "zero"]
        out = [1.0] * len(claims)
        if not idx:
            return out
        proba = self.pipeline.predict_proba(as_matrix([scorer_row(doc, claims[i]) for i in idx]))
        pos = list(self.pipeline.classes_).index(1)
        for i, p in zip(idx, proba[:, pos], strict=True):
            out[i] = float(p)
        return out

    def apply(self, doc: Document, claims: list[Claim], *, filter: bool | None = None
              ) -> list[Claim]:
        """Claims with `confidence` set (new objects); below-threshold ones dropped if filtering.
        References (`parent`, `whole`, `part`) to a dropped claim are cleared."""
        do_filter = self.filters if filter is None else filter
        probs = self.probabilities(doc, claims)
        kept: list[Claim] = []
        for c, p in zip(claims, probs, strict=True):
            if c.kind == "zero":
                kept.append(c)
                continue
            if do_filter and p < self.threshold:
                continue
            kept.append(replace(c, confidence=round(p, 4), extractor=f"{c.extractor}+{self.tag}"))
        ids = {c.claim_id for c in kept}
        for c in kept:
            for ref in ("parent", "whole", "part"):
                if getattr(c, ref) is not None and getattr(c, ref) not in ids:
                    setattr(c, ref, None)
        return kept
