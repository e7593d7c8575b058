"""Model artifacts: `models/<name>/` = `model.skops` + `meta.json` + `CARD.md`.

`meta.json` is plain JSON, readable without loading the model: library versions, feature
schema, labels, training-data hash, seed, threshold and cross-validated metrics.

Loading never raises and never prints: a missing, unreadable or incompatible artifact gives
`None` and a `warnings.warn` saying why, and the caller keeps its rules. Compatible means the
same scikit-learn and skops major.minor, and the same feature schema. The skops file is
loaded only when every type it needs is on `ALLOWED_PREFIXES` (scikit-learn, NumPy, SciPy
and builtins): an artifact that asks for anything else is refused.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_FILE = "model.skops"
META_FILE = "meta.json"
CARD_FILE = "CARD.md"

ALLOWED_PREFIXES: tuple[str, ...] = ("sklearn.", "numpy.", "scipy.", "builtins.")


class ModelWarning(UserWarning):
    """A model could not be used; the rules decide instead."""


@lru_cache(maxsize=1)
def default_dir() -> Path:
    """`models/` beside the `nlp` package (the repository's models folder)."""
    return Path(__file__).resolve().parent.parent.parent / "models"


def versions() -> dict[str, str]:
    from importlib import metadata

    import sklearn
    import skops

    import nlp

    return {"sklearn": sklearn.__version__, "skops": skops.__version__,
            "xxgk": nlp.__version__, "numpy": metadata.version("numpy"),
            "scipy": metadata.version("scipy")}


def data_hash(rows: list[Any]) -> str:
    """A stable hash of training rows (JSON of the rows and labels, in order)."""
    blob = json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]


def read_meta(model_dir: str | Path) -> dict[str, Any] | None:
    """The artifact's `meta.json` as a dict, or None when it is missing or unreadable."""
    path = Path(model_dir) / META_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def save(model_dir: str | Path, estimator: Any, meta: dict[str, Any], card: str) -> Path:
    """Write the three files of an artifact; returns the folder."""
    import zipfile

    import skops.io as sio

    d = Path(model_dir)
    d.mkdir(parents=True, exist_ok=True)
    sio.dump(estimator, d / MODEL_FILE, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    (d / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True)
                               + "\n", encoding="utf-8")
    (d / CARD_FILE).write_text(card, encoding="utf-8")
    return d


def _major_minor(v: str) -> tuple[str, ...]:
    return tuple(str(v).split(".")[:2])


def incompatibility(meta: dict[str, Any], kind: str, schema: int) -> str | None:
    """Why an artifact with this meta cannot be used here, or None."""
    if meta.get("kind") != kind:
        return f"it is a {meta.get('kind')!r} model, not {kind!r}"
    if meta.get("feature_schema") != schema:
        return (f"it was trained on feature schema {meta.get('feature_schema')}, this xxgk "
                f"computes schema {schema}; retrain with `xxgk train`")
    have = versions()
    built = meta.get("versions", {})
    for lib in ("sklearn", "skops"):
        if _major_minor(built.get(lib, "")) != _major_minor(have[lib]):
            return (f"it was saved with {lib} {built.get(lib)}, this environment has "
                    f"{have[lib]}; retrain with `xxgk train`")
    return None


def load(model_dir: str | Path, kind: str, schema: int) -> tuple[Any, dict[str, Any]] | None:
    """(estimator, meta) of a compatible artifact, else None with a `ModelWarning`."""
    d = Path(model_dir)
    meta = read_meta(d)
    if meta is None:
        warnings.warn(f"xxgk: no usable {kind} model in {d} (meta.json missing or unreadable); "
                      "using the rules only", ModelWarning, stacklevel=3)
        return None
    why = incompatibility(meta, kind, schema)
    if why is not None:
        warnings.warn(f"xxgk: the {kind} model in {d} is not used: {why}; using the rules only",
                      ModelWarning, stacklevel=3)
        return None
    try:
        import skops.io as sio

        path = d / MODEL_FILE
        untrusted = sio.get_untrusted_types(file=path)
        refused = [t for t in untrusted if not t.startswith(ALLOWED_PREFIXES)]
        if refused:
            raise ValueError(f"types outside the allow-list: {', '.join(refused)}")
        estimator = sio.load(path, trusted=untrusted)
    except Exception as exc:  # a broken artifact must never stop extraction
        warnings.warn(f"xxgk: the {kind} model in {d} could not be loaded "
                      f"({type(exc).__name__}: {exc}); using the rules only",
                      ModelWarning, stacklevel=3)
        return None
    return estimator, meta


@dataclass(frozen=True)
class LoadedModel:
    """A loaded artifact: the fitted pipeline and its meta.json (read-only)."""

    pipeline: Any
    meta: Mapping[str, Any]

    @property
    def threshold(self) -> float:
        return float(self.meta.get("threshold", 0.5))
