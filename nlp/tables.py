"""tables: statistics tables → `Cell` records with canonical indicator ids. (Stub.)"""

from __future__ import annotations

from nlp.records import Cell, Document


def table_cells(doc: Document) -> list[Cell]:
    return []
