"""`xxgk evaluate GOLD_DIR`: accuracy of the extraction against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app
from nlp.cli.display import console, fail

EPILOG = """\
[bold]Examples[/]

  xxgk evaluate corpora/gold
  xxgk evaluate corpora/gold --json scores.json
  xxgk evaluate my_gold/report_1.gold.json --brief

Gold files follow docs/spec.md §5 (one <name>.gold.json per report).
"""


@app.command(epilog=EPILOG)
def evaluate(
    gold: Annotated[Path, typer.Argument(
        help="A folder of *.gold.json files, or one gold file.", exists=True,
        show_default=False)],
    json_out: Annotated[Path | None, typer.Option(
        "--json", help="Also write every figure as JSON to this file.", show_default=False)
    ] = None,
    brief: Annotated[bool, typer.Option(
        "--brief", help="Only the per-document table and the totals (no misses).")] = False,
) -> None:
    """Score claims, citations, cells and findings against gold files (precision, recall, F1)."""
    from nlp import evaluate as ev
    from nlp.errors import UsageError

    try:
        result = ev.evaluate(gold)
    except UsageError as exc:
        raise fail(str(exc)) from None
    data = result.to_dict() if hasattr(result, "to_dict") else result
    if json_out:
        json_out.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str),
                            encoding="utf-8")
    fmt = getattr(ev, "format_result", None)
    if fmt is not None:
        typer.echo(fmt(result, details=not brief))
    else:  # pragma: no cover - older evaluate module
        console().print_json(json.dumps(data, ensure_ascii=False, default=str))
    if json_out:
        console(stderr=True).print(f"figures written to {json_out}", markup=False)
