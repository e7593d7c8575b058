"""ml: the scikit-learn extractors, beside the rules and under the same contract.

    >>> from nlp.ml import load_claim_scorer, load_indicator_classifier, score_claims
    >>> claims = score_claims(doc, claims)          # sets Claim.confidence (rules if no model)
    >>> clf = load_indicator_classifier()           # None → the rules decide alone
    >>> clf.predict_claims(report, claims)          # [(indicator or None, probability), …]

Both models are artifacts in `models/<name>/` (`model.skops`, `meta.json`, `CARD.md`), built
by `xxgk train` (`nlp.ml.train`). Loading checks the scikit-learn / skops versions and the
feature schema; a missing or incompatible model gives a `ModelWarning` (once per artifact
and process) and the rules work alone. Nothing here prints or configures logging.

A loaded model is a frozen wrapper that is only read after loading; the loaders cache it per
(folder, file modification time) so a batch does not reload it for every document.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from nlp.ml.artifacts import META_FILE, ModelWarning, default_dir, read_meta
from nlp.ml.features import FEATURE_SCHEMA

if TYPE_CHECKING:
    from nlp.ml.indicator import IndicatorClassifier
    from nlp.ml.scorer import ClaimScorer
    from nlp.records import Claim, Document

__all__ = [
    "FEATURE_SCHEMA", "ModelWarning", "load_claim_scorer", "load_indicator_classifier",
    "read_meta", "score_claims",
]


def _stamp(d: Path) -> tuple[str, float | None]:
    try:
        return str(d if d.is_absolute() else d.resolve()), (d / "model.skops").stat().st_mtime
    except OSError:
        return str(d), None


@lru_cache(maxsize=8)
def _load_scorer(path: str, mtime: float | None) -> ClaimScorer | None:
    from nlp.ml import artifacts
    from nlp.ml.scorer import NAME, ClaimScorer

    got = artifacts.load(path, NAME, FEATURE_SCHEMA)
    return None if got is None else ClaimScorer(got[0], got[1])


@lru_cache(maxsize=8)
def _load_indicator(path: str, mtime: float | None) -> IndicatorClassifier | None:
    from nlp.ml import artifacts
    from nlp.ml.indicator import NAME, IndicatorClassifier

    got = artifacts.load(path, NAME, FEATURE_SCHEMA)
    if got is None:
        return None
    if not got[1].get("enabled", True):  # cross-validation said the rules do better alone
        return None
    return IndicatorClassifier(got[0], got[1])


def load_claim_scorer(model_dir: str | Path | None = None) -> ClaimScorer | None:
    """The claim scorer of `model_dir` (default `models/claim_scorer`), or None (+ warning)."""
    d = Path(model_dir) if model_dir is not None else _default_model_dir("claim_scorer")
    return _load_scorer(*_stamp(d))


def load_indicator_classifier(model_dir: str | Path | None = None
                              ) -> IndicatorClassifier | None:
    """The indicator classifier of `model_dir` (default `models/indicator`), or None.

    None with a `ModelWarning` when the artifact is missing or incompatible; None without a
    warning when its meta says it is disabled (it did not beat the rules in cross-validation).
    """
    d = Path(model_dir) if model_dir is not None else _default_model_dir("indicator")
    if not _meta_says(d, "enabled"):
        return None  # decided from meta.json alone: scikit-learn is not even imported
    return _load_indicator(*_stamp(d))


def score_claims(doc: Document, claims: list[Claim], *, scorer: ClaimScorer | None = None,
                 only_if_enabled: bool = False) -> list[Claim]:
    """Confidences from the claim scorer, and its filter if the artifact enables it. Without a
    usable model the claims come back as they are.

    The pipeline calls it with `only_if_enabled=True`: a scorer whose filter is off (it did not
    beat the rules in cross-validation) is then not run at all, so the rules' confidences stand
    and the pipeline does not pay for a model that changes nothing; call it without the flag
    to get the model's probabilities on demand."""
    if not claims:
        return claims
    if scorer is None and only_if_enabled and not _scorer_filters():
        return claims  # decided from meta.json alone: the model is not even loaded
    model = scorer if scorer is not None else load_claim_scorer()
    if model is None or (only_if_enabled and not model.filters):
        return claims
    return model.apply(doc, claims)


def _scorer_filters() -> bool:
    """Does the default claim scorer's artifact filter (meta.json `filter`)?"""
    return _meta_says(_default_model_dir("claim_scorer"), "filter")


def _meta_says(model_dir: Path, key: str) -> bool:
    """The boolean `key` of the artifact's meta.json (read once per file version); True when
    the meta cannot be read or lacks it, so that the loader runs and warns about it."""
    path = _meta_path(model_dir)
    try:
        stamp = os.stat(path).st_mtime_ns  # (every call: a retrained model is seen)
    except OSError:
        return True
    return _meta_flag(path, stamp, key)


# The pipeline asks the two artifacts' meta for every document: the paths are built once
# (joining `Path`s cost twice the file's `stat`).
@lru_cache(maxsize=4)
def _default_model_dir(name: str) -> Path:
    return default_dir() / name


@lru_cache(maxsize=16)
def _meta_path(model_dir: Path) -> str:
    return str(model_dir / META_FILE)


@lru_cache(maxsize=16)
def _meta_flag(path: str, mtime_ns: int, key: str) -> bool:
    try:
        return bool(read_meta(Path(path).parent).get(key, True))
    except Exception:
        return True
