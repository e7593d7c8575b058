"""Citations. (Stub: filled by the citations work.)"""

from __future__ import annotations

from nlp.records import Citation, Document


def find_citations(doc: Document) -> list[Citation]:
    return []
