"""`xxgk check FILE`: the consistency checks of one report, failures first."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app
from nlp.cli.display import WIDE, console, fmt_value, load_report, print_jsonl, stage_errors

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
    if checks and con.width < WIDE:
        # a narrow terminal: one block per check, the message on lines of its own
        con.print(f"checks of {file}", markup=False, style="bold")
        for c in checks:
            head = f"[{STYLE.get(c.status, '')}]{c.status:<8}[/] [bold]{c.check}[/]"
            if c.indicator:
                head += f"  {c.indicator}"
            if c.expected is not None or c.observed is not None:
                head += f"  expected {fmt_value(c.expected)}  observed {fmt_value(c.observed)}"
            con.print(head)
            con.print(f"         {c.message}", markup=False, overflow="fold")
            if c.refs:
                con.print(f"         refs: {short_refs(c.refs)}", style="dim", markup=False)
    elif checks:
        t = Table(title=f"checks of {file}", title_justify="left")
        # the message says what is wrong: it gets the width; the rest stays on one line or folds
        for name, kw in (("status", {"no_wrap": True}),
                         ("check", {"style": "bold", "overflow": "fold", "max_width": 22}),
                         ("indicator", {"overflow": "fold", "max_width": 26}),
                         ("expected", {"justify": "right", "no_wrap": True}),
                         ("observed", {"justify": "right", "no_wrap": True}),
                         ("message", {"ratio": 1, "min_width": 24, "overflow": "fold"}),
                         ("refs", {"style": "dim", "max_width": 24, "overflow": "fold"})):
            t.add_column(name, **kw)
        for c in checks:
            t.add_row(f"[{STYLE.get(c.status, '')}]{c.status}[/]", c.check, c.indicator or "",
                      fmt_value(c.expected), fmt_value(c.observed), c.message,
                      short_refs(c.refs))
        con.print(t)
    counts = {s: sum(c.status == s for c in report.checks) for s in ORDER}
    con.print(", ".join(f"{n} {s}" for s, n in counts.items()) or "no checks", markup=False)
    raise typer.Exit(1 if n_fail else 0)


def short_refs(refs: list[str]) -> str:
    """The records a check read, short: all of them up to three, else the first and the last
    and how many (``claim-1 … claim-12 (12)``); `--json` gives every one."""
    if len(refs) <= 3:
        return " ".join(refs)
    return f"{refs[0]} … {refs[-1]} ({len(refs)})"
