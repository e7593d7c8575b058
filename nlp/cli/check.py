"""`xxgk check FILE`: the consistency checks of one report, failures first."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app
from nlp.cli.display import console, fmt_value, load_report, print_jsonl, stage_errors

EPILOG = """\
[bold]Examples[/]

  xxgk check corpora/full/fj_pingtan_2019.txt
  xxgk check report.pdf --failed             only the findings (status fail)
  xxgk check report.pdf --json > checks.jsonl

Exit code 1 when at least one check fails, so scripts can use it.
"""

ORDER = {"fail": 0, "uncertain": 1, "not_assessable": 2, "pass": 3}
STYLE = {"fail": "bold red", "uncertain": "yellow", "not_assessable": "dim", "pass": "green"}


@app.command(epilog=EPILOG)
def check(
    file: Annotated[Path, typer.Argument(help="One report file.", exists=True, dir_okay=False,
                                         show_default=False)],
    failed: Annotated[bool, typer.Option("--failed", help="Show only failed checks.")] = False,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the checks as JSON lines (the `checks` table's columns).")] = False,
) -> None:
    """Run the consistency checks (docs/spec.md §4) on one report; failures first."""
    from rich.table import Table

    report = load_report(file)
    checks = sorted(report.checks, key=lambda c: (ORDER.get(c.status, 9), c.check))
    if failed:
        checks = [c for c in checks if c.status == "fail"]
    n_fail = sum(c.status == "fail" for c in report.checks)
    if as_json:
        print_jsonl([c.to_row() for c in checks])
        raise typer.Exit(1 if n_fail else 0)
    stage_errors(report)
    con = console()
    if checks:
        t = Table(title=f"checks of {file}", title_justify="left")
        for name, kw in (("status", {}), ("check", {"style": "bold"}), ("indicator", {}),
                         ("expected", {"justify": "right"}), ("observed", {"justify": "right"}),
                         ("message", {}), ("refs", {"style": "dim"})):
            t.add_column(name, **kw)
        for c in checks:
            t.add_row(f"[{STYLE.get(c.status, '')}]{c.status}[/]", c.check, c.indicator or "",
                      fmt_value(c.expected), fmt_value(c.observed), c.message,
                      " ".join(c.refs))
        con.print(t)
    counts = {s: sum(c.status == s for c in report.checks) for s in ORDER}
    con.print(", ".join(f"{n} {s}" for s, n in counts.items()) or "no checks", markup=False)
    raise typer.Exit(1 if n_fail else 0)
