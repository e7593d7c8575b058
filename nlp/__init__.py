"""xxgk: structured, checked data from 政府信息公开工作年度报告.

    >>> import nlp
    >>> report = nlp.extract("corpora/seeds/000_65d192663e1ca53a.txt")
    >>> [(c.text, c.value, c.unit) for c in report.claims][:2]

Public verbs: `extract`, `extract_text`, `extract_many`, `read_store`. Everything is imported
lazily, so `import nlp` is cheap and quiet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "STAGES",
    "Cell",
    "Check",
    "Citation",
    "Claim",
    "Document",
    "ErrorRecord",
    "Link",
    "Report",
    "__version__",
    "extract",
    "extract_many",
    "extract_text",
    "read_store",
]

_LAZY = {
    "extract": "nlp.pipeline",
    "extract_text": "nlp.pipeline",
    "extract_many": "nlp.pipeline",
    "STAGES": "nlp.pipeline",
    "read_store": "nlp.export",
    "Report": "nlp.records",
    "Document": "nlp.records",
    "Claim": "nlp.records",
    "Citation": "nlp.records",
    "Cell": "nlp.records",
    "Link": "nlp.records",
    "Check": "nlp.records",
    "ErrorRecord": "nlp.records",
}

if TYPE_CHECKING:  # pragma: no cover
    from nlp.export import read_store
    from nlp.pipeline import STAGES, extract, extract_many, extract_text
    from nlp.records import Cell, Check, Citation, Claim, Document, ErrorRecord, Link, Report


def __getattr__(name: str) -> Any:
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'nlp' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(mod), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# `nlp.extract` is both the verb and the stage package `nlp/extract/`. The first import of the
# package (by any extractor) sets the attribute `nlp.extract` to the module, which would make
# `nlp.extract(path)` fail from then on. Import the (light) package first, then bind the verb.
import nlp.extract  # noqa: E402, F401
from nlp.pipeline import extract  # noqa: E402
