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
from nlp.tables.labels import indicators, label_key, table_labels
from nlp.tables.layout import LogicalRow, logical_rows
from nlp.tables.mapping import (
    Assignment,
    map_table,
    positional_columns,
    t3_gap_rows,
    t3_order,
)
from nlp.tables.values import parse_value

__all__ = ["format_tables", "map_document_table", "table_cells"]


def table_cells(doc: Document) -> list[Cell]:
    """Every number of every table in `doc`, mapped to a canonical id where the labels say so."""
    mapped = [(table, *_map(doc, table)) for table in doc.tables]
    _place_t3_gaps(doc, mapped)
    out: list[Cell] = []
    for table, _, kind, assigned in mapped:
        out.extend(_cells(doc, table, kind, assigned))
    return out


def map_document_table(doc: Document, table: Table) -> list[Cell]:
    """The `Cell`s of one table (`cell_id` = `cell-<table index>-<row>-<col>`)."""
    _, kind, assigned = _map(doc, table)
    return _cells(doc, table, kind, assigned)


Mapped = tuple[Table, list[LogicalRow], str | None, list[Assignment]]


def _map(doc: Document, table: Table) -> tuple[list[LogicalRow], str | None, list[Assignment]]:
    rows = logical_rows(table)
    if not rows:
        return rows, None, []
    header_words = {label_key(c.text) for c in table.cells if parse_value(c.text) is None}
    kind, assigned = map_table(rows, header_words, doc.template)
    return rows, kind, assigned


def _place_t3_gaps(doc: Document, mapped: list[Mapped]) -> None:
    """Place the rows of table 三 that a converter cut from their labels (PDF → Markdown tools
    print the label as a loose line and the numbers as a table row of their own): by their
    position between labelled rows (`t3_gap_rows`), kept only when 三（七）总计 is then the sum
    of the result rows in all seven columns. Changes `mapped` in place."""
    order = list(table_labels()["t3"]["cols"])
    seq: list[str | None] = []
    where: list[tuple[int, LogicalRow]] = []
    values: dict[str, list[float]] = {}
    for m, (_, rows, kind, assigned) in enumerate(mapped):
        named: dict[int, str] = {}
        for lr, slot, ind in assigned:
            if kind == "三" and ind:
                name, _, col = ind[3:].rpartition(".")
                named[id(lr)] = name
                if col in order and slot.value is not None:
                    values.setdefault(name, [0.0] * len(order))[order.index(col)] = slot.value
        has_ids = {id(lr) for lr, _, ind in assigned if ind}
        for lr in rows:
            if id(lr) in named:
                seq.append(named[id(lr)])
            elif id(lr) in has_ids or _seven(lr, order) is None:
                continue
            else:
                seq.append(None)
            where.append((m, lr))
    if None not in seq or not any(seq):
        return
    fills = t3_gap_rows(seq, doc.template)
    if not fills:
        return
    filled = dict(values)
    for k, name in fills.items():
        filled[name] = [float(s.value or 0) for s in where[k][1].slots[:len(order)]]
    results = [n for n in t3_order(set(filled), doc.template)
               if n.startswith("result.") and n != "result.total"]
    total = filled.get("result.total")
    zeros = [0.0] * len(order)
    if total is None or any(abs(sum(filled.get(n, zeros)[c] for n in results) - total[c]) > 1e-6
                            for c in range(len(order))):
        return  # the sums do not hold: the positions are not proven
    note = ("row placed by its position: its label is not beside its numbers (a converter "
            "moved it), and with it table 三's result rows add up to 三（七）总计 in every column")
    for k, name in fills.items():
        m, lr = where[k]
        table, rows, kind, assigned = mapped[m]
        kind = kind or "三"
        lr.notes[kind] = note
        ids = {id(s): f"t3.{name}.{c}"
               for s, c in zip(lr.slots, _seven(lr, order) or [], strict=False) if c}
        assigned = [(r, s, ids.get(id(s), ind) if r is lr else ind) for r, s, ind in assigned]
        mapped[m] = (table, rows, kind, assigned)


def _seven(lr: LogicalRow, order: list[str]) -> list[str | None] | None:
    """Table 三's columns for a row of exactly its 7 numbers whose 总计 is their sum."""
    return positional_columns(lr.slots, [None] * len(lr.slots), order, len(order))


def _cells(doc: Document, table: Table, kind: str | None, assigned: list[Assignment]
           ) -> list[Cell]:
    table_name = kind or str(table.index)
    inds = indicators()
    cells: list[Cell] = []
    for lr, slot, ind in assigned:
        tc = table.cells[slot.cell]
        v = parse_value(tc.text)
        value = v.value if v else None
        if ind is None and value is None:
            continue  # an unmapped blank (a heading row's empty 统计数) says nothing
        unit = (v.unit if v else None) or slot.unit or lr.unit or (
            inds[ind]["unit"] if ind else None)
        labels = ((lr.block,) if lr.block else ()) + lr.labels
        cells.append(Cell(
            doc_id=doc.doc_id,
            cell_id=f"cell-{table.index}-{tc.row}-{tc.col}",
            table=table_name,
            row=tc.row,
            col=tc.col,
            row_label=" / ".join(labels),
            col_label=" / ".join(slot.path),
            indicator=ind,
            unit=unit,
            value=value,
            raw=tc.text,
            start=tc.start,
            end=tc.end,
            note="; ".join(n for n in (tc.note, lr.notes.get(table_name, "")) if n),
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
