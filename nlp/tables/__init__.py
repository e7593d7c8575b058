"""tables: statistics tables → `Cell` records with canonical indicator ids.

    >>> from nlp.tables import table_cells
    >>> cells = table_cells(doc)          # doc.tables from the reader and from text blocks
    >>> [(c.indicator, c.value) for c in cells][:2]
    [('active.total', 17.0), ('active.normative_docs', 5.0)]

Each table is read into logical rows (`nlp.tables.layout`), then mapped by the layout whose
labels fit it best (`nlp.tables.mapping`: 二 / 三 / 四 of the 2019 and 2021 formats, the pre2019
list, local tables). Labels and header words are data: `nlp/data/table_labels.toml`.
"""

from __future__ import annotations

from typing import Any

from nlp.records import Cell, Document, Report, Table
from nlp.tables.labels import indicators, label_key
from nlp.tables.layout import LogicalRow, logical_rows
from nlp.tables.mapping import Assignment, map_table, place_t3_gaps
from nlp.tables.values import parse_value

__all__ = ["format_tables", "map_document_table", "table_cells"]


def table_cells(doc: Document) -> list[Cell]:
    """Every number of every table in `doc`, mapped to a canonical id where the labels say so."""
    if not doc.tables:
        return []  # (most documents)
    mapped = [(table, *_map(doc, table)) for table in doc.tables]
    place_t3_gaps(mapped, doc.template)
    out: list[Cell] = []
    for table, _, kind, assigned in mapped:
        out.extend(_cells(doc, table, kind, assigned))
    return out


def map_document_table(doc: Document, table: Table) -> list[Cell]:
    """The `Cell`s of one table (`cell_id` = `cell-<table index>-<row>-<col>`)."""
    _, kind, assigned = _map(doc, table)
    return _cells(doc, table, kind, assigned)


def _map(doc: Document, table: Table) -> tuple[list[LogicalRow], str | None, list[Assignment]]:
    rows = logical_rows(table)
    if not rows:
        return rows, None, []
    header_words = {label_key(c.text) for c in table.cells if parse_value(c.text) is None}
    kind, assigned = map_table(rows, header_words, doc.template)
    return rows, kind, assigned


def _cells(doc: Document, table: Table, kind: str | None, assigned: list[Assignment]
           ) -> list[Cell]:
    table_name = kind or str(table.index)
    inds = indicators()
    doc_id, tcells, prefix = doc.doc_id, table.cells, f"cell-{table.index}-"
    rows: dict[int, tuple[str, str]] = {}  # id(logical row) → its row label and note
    cells: list[Cell] = []
    for lr, slot, ind in assigned:
        tc = tcells[slot.cell]
        v = parse_value(tc.text)
        value = v.value if v else None
        if ind is None and value is None:
            continue  # an unmapped blank (a heading row's empty 统计数) says nothing
        unit = (v.unit if v else None) or slot.unit or lr.unit or (
            inds[ind]["unit"] if ind else None)
        row = rows.get(id(lr))
        if row is None:  # the cells of a row share its label and note
            labels = ((lr.block,) if lr.block else ()) + lr.labels
            row = rows[id(lr)] = (" / ".join(labels), lr.notes.get(table_name, ""))
        row_label, row_note = row
        note = tc.note
        # positional (the field order of `Cell`): 14 keywords cost a µs a cell to match
        cells.append(Cell(
            doc_id, f"{prefix}{tc.row}-{tc.col}", table_name, tc.row, tc.col, row_label,
            " / ".join(slot.path), ind, unit, value, tc.text, tc.start, tc.end,
            f"{note}; {row_note}" if note and row_note else note or row_note,
        ))
    return cells


def format_tables(report: Report) -> list[dict[str, Any]]:
    """Data for showing the cells of a report table by table (the CLI prints it).

    One dict per table: `table` (二 / 三 / 四 / pre2019 / local / index), `index`, `caption`,
    `columns` (names of the row fields) and `rows`: one list per cell, in table order.
    """
    by_index: dict[int, list[Cell]] = {}
    for c in report.cells:
        idx = int(c.cell_id.split("-")[1])
        by_index.setdefault(idx, []).append(c)
    captions = {t.index: t.caption for t in report.document.tables}
    columns = ["cell_id", "row_label", "col_label", "indicator", "value", "unit", "raw"]
    out = []
    for idx in sorted(by_index):
        cells = sorted(by_index[idx], key=lambda c: (c.row, c.col))
        out.append({
            "table": cells[0].table,
            "index": idx,
            "caption": captions.get(idx, ""),
            "columns": columns,
            "rows": [[c.cell_id, c.row_label, c.col_label, c.indicator or "",
                      "" if c.value is None else _fmt(c.value), c.unit or "", c.raw]
                     for c in cells],
        })
    return out


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)
