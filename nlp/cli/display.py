"""What the commands share: reading one report for display, and writing rows as JSON lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

# columns from which a command prints a table; below, one line (or block) per record, so that
# ids, numbers and messages are never cut
WIDE = 140


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `message` as an error and return the Exit to raise."""
    console(stderr=True).print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    return typer.Exit(code)


def load_report(path: Path):
    """`nlp.extract(path)`, turning an unreadable file into a clean exit 1 with the reason."""
    from nlp.errors import XxgkError
    from nlp.pipeline import extract

    try:
        return extract(path)
    except XxgkError as exc:
        raise fail(str(exc), 1) from None


def print_jsonl(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        typer.echo(json.dumps(r, ensure_ascii=False, default=str))


def stage_errors(report) -> None:
    """Warn (on stderr) about stages that failed on this report."""
    if report.errors:
        err = console(stderr=True)
        for e in report.errors:
            err.print(f"[yellow]warning:[/] stage {e.stage} failed: {e.error}: {e.message}",
                      markup=True, soft_wrap=True)


def fmt_value(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
