"""Shared by the tests: where the corpus is, and a document read and segmented."""

import re
from pathlib import Path

from nlp.ingest import read
from nlp.records import Document
from nlp.segment import segment

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def segmented(rel: str) -> Document:
    """`corpora/<rel>` read and segmented (structure, tables in text, metadata)."""
    doc = read(CORPORA / rel)
    segment(doc)
    return doc


def squash(s: str) -> str:
    """`s` without any white space (readers differ in spaces and line breaks, not in text)."""
    return re.sub(r"\s", "", s)


def prose_lines(doc: Document) -> list[str]:
    """The text outside the tables, one squashed string per non-empty line."""
    parts, last = [], 0
    for t in sorted(doc.tables, key=lambda t: t.start):
        parts.append(doc.text[last:t.start])
        last = t.end
    parts.append(doc.text[last:])
    return [squash(ln) for ln in "".join(parts).splitlines() if ln.strip()]
