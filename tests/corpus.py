"""Shared by the tests: where the corpus is, and a document read and segmented."""

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
