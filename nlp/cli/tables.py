"""`xxgk tables FILE`: the statistics cells of one report, with their indicator ids."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app
from nlp.cli.display import WIDE, console, fmt_value, load_report, print_jsonl, stage_errors

EPILOG = """\
[bold]Examples[/]

  xxgk tables corpora/full/fj_pingtan_2019.txt
  xxgk tables report.pdf --unmapped          only the cells without an indicator id
  xxgk tables report.docx --json > cells.jsonl
"""


@app.command(epilog=EPILOG)
def tables(
    file: Annotated[Path, typer.Argument(help="One report file.", exists=True, dir_okay=False,
                                         show_default=False)],
    unmapped: Annotated[bool, typer.Option(
        "--unmapped", help="Show only cells with no canonical indicator id.")] = False,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the cells as JSON lines (the `cells` table's columns).")] = False,
) -> None:
    """Show every number of the report's statistics tables with its indicator id."""
    from rich.table import Table

    report = load_report(file)
    cells = [c for c in report.cells if not unmapped or c.indicator is None]
    if as_json:
        print_jsonl([c.to_row() for c in cells])
        return
    stage_errors(report)
    con = console()
    if not cells:
        con.print(f"no table cells found in {file}"
                  + (f" ({len(report.document.tables)} tables read)"
                     if report.document.tables else ""), markup=False)
        return
    groups: dict[str, list] = {}
    for c in cells:
        groups.setdefault(c.cell_id.rsplit("-", 2)[0] if c.cell_id.count("-") >= 3
                          else c.table, []).append(c)
    for cs in groups.values():
        if con.width < WIDE:  # one line per cell: id, value and unit first, then the labels
            con.print(f"table {cs[0].table}", style="bold", markup=False)
            for c in sorted(cs, key=lambda c: (c.row, c.col)):
                ind = c.indicator or "—"
                con.print(f"  {ind:<34} {fmt_value(c.value):>8} {c.unit or '':<2}  "
                          f"{c.row_label} | {c.col_label}", markup=False, overflow="fold",
                          style=None if c.indicator else "red")
            continue
        t = Table(title=f"table {cs[0].table}", title_justify="left")
        for name, kw in (("cell", {"style": "dim"}), ("row", {}), ("column", {}),
                         ("indicator", {"style": "cyan"}), ("value", {"justify": "right"}),
                         ("unit", {}), ("raw", {"style": "dim"})):
            t.add_column(name, **kw)
        for c in sorted(cs, key=lambda c: (c.row, c.col)):
            t.add_row(c.cell_id, c.row_label, c.col_label, c.indicator or "[red]—[/]",
                      fmt_value(c.value), c.unit or "", c.raw)
        con.print(t)
    mapped = sum(c.indicator is not None for c in cells)
    con.print(f"{len(cells)} cells, {mapped} with an indicator id", markup=False)
