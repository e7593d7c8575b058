"""`xxgk show FILE`: a self-contained HTML review page of one report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app
from nlp.cli.display import console, load_report

EPILOG = """\
[bold]Examples[/]

  xxgk show corpora/seeds/000_65d192663e1ca53a.txt            writes 000_65d192663e1ca53a.html
  xxgk show report.pdf -o review/report.html

The page works offline (no CDN, no script): claims and citations are highlighted in the text,
hovering shows value, unit, indicator and confidence, clicking a claim jumps to its table cell
and back, and failed checks are listed at the top.
"""


@app.command(epilog=EPILOG)
def show(
    file: Annotated[Path, typer.Argument(help="One report file.", exists=True, dir_okay=False,
                                         show_default=False)],
    out: Annotated[Path | None, typer.Option(
        "-o", "--out", help="Where to write the page (default: FILE's name with .html, here).",
        show_default=False)] = None,
) -> None:
    """Write a self-contained HTML review page of one report."""
    from nlp.review import render_report

    report = load_report(file)
    target = out or Path(file.stem + ".html")
    if target.resolve() == file.resolve():
        target = target.with_name(target.stem + ".review.html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_report(report), encoding="utf-8")
    n_fail = len(report.findings)
    console().print(f"wrote {target} ({len(report.claims)} claims, {len(report.citations)} "
                    f"citations, {len(report.cells)} cells, {n_fail} failed checks)", markup=False)
