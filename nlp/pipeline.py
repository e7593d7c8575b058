"""The pipeline, written once.

    ingest → normalize → segment → tokenize → extract → tables → link → check → export

`STAGES` is the order; `run()` applies the in-memory stages to a `Document` and returns a
`Report`. `export` is the batch writer's stage (`nlp.export`), not part of `run()`.
Each stage is a module of `nlp` named after it. Stage functions take the report being built and
fill their part; a failure in one stage becomes an `ErrorRecord` and the later stages still run
on what is there, so nothing already extracted is lost.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from nlp.errors import XxgkError
from nlp.records import Document, ErrorRecord, Report

STAGES: tuple[str, ...] = (
    "ingest", "normalize", "segment", "tokenize", "extract", "tables", "link", "check", "export",
)


def _segment(report: Report) -> None:
    from nlp.segment import segment

    segment(report.document)


def _extract(report: Report) -> None:
    from nlp.extract import extract_citations, extract_claims

    report.citations = extract_citations(report.document)
    report.claims = extract_claims(report.document, citations=report.citations)
    from nlp.ml import score_claims  # the claim scorer, when its artifact is enabled

    report.claims = score_claims(report.document, report.claims, only_if_enabled=True)


def _tables(report: Report) -> None:
    from nlp.tables import table_cells

    report.cells = table_cells(report.document)


def _link(report: Report) -> None:
    from nlp.link import link

    report.links = link(report)


def _check(report: Report) -> None:
    from nlp.check import check

    report.checks = check(report)


# normalize and tokenize are lazy views (Document.norm, nlp.tokenize) used by the stages above;
# they are named here so the order is complete, and have no step of their own in run().
_STEPS: tuple[tuple[str, Callable[[Report], None]], ...] = (
    ("segment", _segment),
    ("extract", _extract),
    ("tables", _tables),
    ("link", _link),
    ("check", _check),
)


def run(document: Document) -> Report:
    """Run segment → … → check on a read document."""
    report = Report(document=document)
    for stage, step in _STEPS:
        try:
            step(report)
        except Exception as exc:  # one stage's failure is a record, not a crash
            report.errors.append(
                ErrorRecord(document.doc_id, document.path, stage, type(exc).__name__, str(exc))
            )
    return report


def doc_id_for(data: bytes) -> str:
    """Stable document id: a hash of the source bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def extract(path: str | os.PathLike[str]) -> Report:
    """Read a report file (.txt .html .htm .docx .doc .wps .pdf) and extract everything.

    Raises an `nlp.errors.InputError` subclass, naming the file and the reason, when the file
    cannot be read as a report.
    """
    from nlp.ingest import read

    return run(read(path))


def extract_text(text: str, *, doc_id: str | None = None) -> Report:
    """Extract everything from a string of report text (e.g. pasted from a web page)."""
    if not isinstance(text, str):
        raise TypeError(f"extract_text expects str, got {type(text).__name__}")
    did = doc_id or doc_id_for(text.encode("utf-8"))
    return run(Document(doc_id=did, path=None, format="text", text=text))


def safe_extract(path: str | os.PathLike[str]) -> Report:
    """Like `extract`, but an unreadable file becomes a `Report` whose `errors` say why."""
    try:
        return extract(path)
    except XxgkError as exc:
        stage = "ingest"
        err = ErrorRecord(None, str(path), stage, type(exc).__name__, str(exc))
    except Exception as exc:  # a bug in a reader library must not kill a batch
        err = ErrorRecord(None, str(path), "ingest", type(exc).__name__, f"{path}: {exc}")
    doc = Document(doc_id=_path_id(path), path=str(path), format=Path(path).suffix.lstrip("."),
                   text="")
    return Report(document=doc, errors=[err])


def _path_id(path: str | os.PathLike[str]) -> str:
    try:
        return doc_id_for(Path(path).read_bytes())
    except OSError:
        return doc_id_for(str(path).encode("utf-8"))


def extract_many(
    paths: Iterable[str | os.PathLike[str]], workers: int = 1, *, window: int | None = None,
) -> Iterator[Report]:
    """Extract many files, yielding one `Report` each, in input order (errors are inside the
    reports: see `safe_extract`).

    `workers > 1` uses a process pool (workers start from a fork server; in a script, guard
    the call with `if __name__ == "__main__":`). At most `window` files (default
    4 × workers) are in flight, so memory stays flat however many paths there are. To build a
    dataset on disk, resumable, use `nlp.batch.run_batch` or `xxgk extract`.

        >>> for report in nlp.extract_many(Path("reports").rglob("*.pdf"), workers=4):
        ...     print(report.document.path, len(report.claims), len(report.findings))
    """
    if workers <= 1:
        for p in paths:
            yield safe_extract(p)
        return
    from collections import deque

    from nlp.batch import process_pool, stop_pool

    window = window or 4 * workers
    pool = process_pool(workers)
    queue: deque = deque()
    try:
        for p in paths:
            queue.append(pool.submit(safe_extract, p))
            if len(queue) >= window:
                yield queue.popleft().result()
        while queue:
            yield queue.popleft().result()
    finally:
        stop_pool(pool)
