"""`xxgk citations FILE`: the policy documents one report cites."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app
from nlp.cli.display import WIDE, console, load_report, print_jsonl, stage_errors

EPILOG = """\
[bold]Examples[/]

  xxgk citations corpora/seeds/000_65d192663e1ca53a.txt
  xxgk citations report.pdf --kind doc_number
  xxgk citations report.html --json > citations.jsonl
"""


@app.command(epilog=EPILOG)
def citations(
    file: Annotated[Path, typer.Argument(help="One report file.", exists=True, dir_okay=False,
                                         show_default=False)],
    kind: Annotated[str | None, typer.Option(
        help="Only this kind: doc_number, title or alias.", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print as JSON lines (the `citations` table's columns).")] = False,
) -> None:
    """List the document numbers (国办发〔2018〕23号), 《titles》 and aliases a report cites."""
    from rich.table import Table

    report = load_report(file)
    cites = [c for c in report.citations if kind is None or c.kind == kind]
    if as_json:
        print_jsonl([c.to_row() for c in cites])
        return
    stage_errors(report)
    con = console()
    if not cites:
        con.print(f"no citations found in {file}", markup=False)
        return
    ordered = sorted(cites, key=lambda c: c.start)
    if con.width < WIDE:  # one line per citation: its text, then what it was read as
        con.print(f"citations in {file}", style="bold", markup=False)
        for c in ordered:
            parts = [f"{c.start}-{c.end}", c.kind, c.text]
            if (detail := _detail(c)) and detail not in c.text:
                parts.append(f"= {detail}")
            if c.issuer:
                parts.append(f"({c.issuer})")
            con.print("  " + "  ".join(parts), markup=False, overflow="fold")
    else:
        t = Table(title=f"citations in {file}", title_justify="left")
        for name, kw in (("span", {"style": "dim", "justify": "right"}), ("kind", {}),
                         ("text", {"style": "bold"}), ("code", {}), ("year", {}),
                         ("serial", {}), ("normalized / title", {}), ("issuer", {})):
            t.add_column(name, **kw)
        for c in ordered:
            t.add_row(f"{c.start}-{c.end}", c.kind, c.text, c.code or "",
                      "" if c.year is None else str(c.year),
                      "" if c.serial is None else str(c.serial), _detail(c), c.issuer or "")
        con.print(t)
    by_kind = Counter(c.kind for c in cites)
    con.print(", ".join(f"{n} {k}" for k, n in sorted(by_kind.items())), markup=False)


def _detail(c) -> str:
    """What a citation was read as: its normalised number or title, or an alias's referent."""
    if c.kind == "alias" and c.refers_to:
        return f"{c.title or c.text} → {c.refers_to}"
    return c.normalized or c.title or ""
