"""Table blocks inside plain text. (Stub: filled by the tables work.)"""

from __future__ import annotations

from nlp.records import Document, Table


def find_text_tables(doc: Document, start_index: int = 0) -> list[Table]:
    return []
