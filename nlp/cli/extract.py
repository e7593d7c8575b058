"""`xxgk extract`: many report files → one dataset (DuckDB, Parquet, CSV or JSONL)."""

from __future__ import annotations

import enum
import json
import signal
import time
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app
from nlp.cli.display import console, fail

EPILOG = """\
[bold]Examples[/]

  xxgk extract reports/                                  → results.duckdb
  xxgk extract 'reports/**/*.pdf' a.docx --out panel.duckdb --workers 8
  xxgk extract reports/ --format parquet --out panel/    → panel/claims.parquet …
  xxgk extract reports/ --force                          redo documents already stored
  xxgk extract reports/ --engine dask --scheduler tcp://10.0.0.5:8786 --out /shared/panel

[bold]Tables[/]: documents, claims, citations, cells, links, checks, errors, citation_edges
(columns: the fields of docs/spec.md §3). After the run, checks across years (across_years)
are computed over the whole store. Read them back with nlp.read_store(OUT) or any DuckDB/Parquet
tool.

[bold]Safe to interrupt[/]: each document is committed with all its rows at once; run the
same command again to resume (documents already stored are skipped).

[bold]Exit codes[/]: 0 all documents extracted; 1 some documents have rows in `errors`
(unreadable file, or a stage failed); 2 bad arguments or nothing to read; 130 interrupted.
"""


class Format(str, enum.Enum):
    duckdb = "duckdb"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


class Engine(str, enum.Enum):
    local = "local"
    dask = "dask"


@app.command(epilog=EPILOG)
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Report files, folders (searched recursively for .txt .text .html .htm .shtml "
        ".xhtml .docx .doc .wps .pdf .md .markdown) and glob patterns (quote them: 'reports/**/*.pdf').",
        show_default=False)],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Output: a .duckdb file, or a folder for parquet/csv/jsonl and "
        "the dask engine. [default: results.duckdb, or results/]", show_default=False)] = None,
    format: Annotated[Format, typer.Option(
        "--format", "-f", help="duckdb: one database file; parquet|csv|jsonl: one file per "
        "table in the --out folder.")] = Format.duckdb,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="Worker processes. [default: number of cores]",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Re-extract documents already in the store (replacing their rows).")
    ] = False,
    engine: Annotated[Engine, typer.Option(
        help="local: a process pool on this machine; dask: a Dask distributed cluster "
        "(writes partitioned Parquet).")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786. Without it, --engine dask "
        "starts a local cluster of --workers processes.", show_default=False)] = None,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Print one line per document: status, doc_id, path, records.")
    ] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no summary (errors are still printed).")
    ] = False,
    commit_every: Annotated[float, typer.Option(
        "--commit-every", min=0.0, help="Seconds of finished documents committed together "
        "(whole documents; 0 = one transaction per document, slower on slow disks).")
    ] = 1.0,
    summary_json: Annotated[Path | None, typer.Option(
        "--summary-json", help="Also write the run summary as JSON to this file.",
        show_default=False)] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0.0, help="Seconds one document may take; a slower one becomes an "
        "error row (stage timeout) and the run goes on. 0 = no limit.")] = 300.0,
) -> None:
    """Extract many reports into one dataset: claims, citations, table cells, links, checks."""
    from nlp.batch import collect_paths
    from nlp.errors import UsageError

    fmt = format.value
    if engine is Engine.dask and fmt not in ("duckdb", "parquet"):
        raise fail("--engine dask writes partitioned Parquet; drop --format or use parquet")
    if scheduler and engine is not Engine.dask:
        raise fail("--scheduler needs --engine dask")
    if engine is Engine.dask:
        fmt = "parquet"
    if out is None:
        out = Path("results.duckdb" if fmt == "duckdb" else "results")
    try:
        files = collect_paths(paths)
    except UsageError as exc:
        raise fail(str(exc)) from None
    if not files:
        raise fail("no report files found in: " + ", ".join(paths))

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            n, t = task.fields.get("extracted", 0), task.elapsed or 0.0
            return Text(f"{n / t:6.1f} docs/s" if t > 0.5 and n else "     - docs/s")

    con = console()
    progress = Progress(
        TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), Rate(),
        TextColumn("[red]{task.fields[errors]} errors"), TimeElapsedColumn(),
        TextColumn("eta"), TimeRemainingColumn(), console=con, disable=quiet,
        transient=False,
    )
    task = progress.add_task("extract", total=len(files), errors=0, extracted=0)
    failures: list[dict] = []

    def on_result(res) -> None:
        extracted = progress.tasks[0].fields["extracted"] + (res.status in ("ok", "error"))
        if res.status == "error":
            failures.extend(res.errors)
        progress.update(task, advance=1, errors=len({e["doc_id"] for e in failures}),
                        extracted=extracted)
        if verbose:
            counts = " ".join(f"{t}={n}" for t, n in res.counts.items()
                              if n and t != "documents")
            line = f"{res.status}\t{res.doc_id}\t{res.path}\t{counts}"
            if con.is_terminal:
                progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
            else:  # tab-separated and flushed per document, for scripts reading the pipe
                print(line, flush=True)

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # started with SIGINT ignored (a parent that ignores it, a shell's background job): a
        # SIGINT must still stop the run cleanly, every committed document kept
        signal.signal(signal.SIGINT, signal.default_int_handler)
    t0 = time.perf_counter()
    try:
        with progress:
            if engine is Engine.dask:
                from nlp.batch import extract_dask

                summary = extract_dask(files, out, scheduler, force=force, workers=workers,
                                       on_result=on_result)
            else:
                from nlp.batch import run_batch

                summary = run_batch(files, out, format=fmt, workers=workers, force=force,
                                    on_result=on_result, commit_seconds=commit_every,
                                    timeout=timeout or None)
    except UsageError as exc:
        raise fail(str(exc)) from None
    except BaseException as exc:
        from nlp.batch import is_interrupt

        if not is_interrupt(exc):  # Ctrl-C, also as DuckDB reports it outside a transaction
            raise
        done = progress.tasks[0].fields["extracted"]
        con.print(f"\n[yellow]interrupted[/] after {time.perf_counter() - t0:.1f}s: "
                  f"{done} documents committed to {out}. Run the same command again to "
                  "resume.", markup=True)
        raise typer.Exit(130) from None

    if summary_json:
        summary_json.write_text(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2),
                                encoding="utf-8")
    if failures:
        _print_failures(failures)
    if not quiet:
        _print_summary(summary)
    raise typer.Exit(summary.exit_code)


def _print_failures(failures: list[dict], limit: int = 20) -> None:
    err = console(stderr=True)
    for e in failures[:limit]:
        err.print(f"[red]failed[/] {e['path']} [dim]({e['stage']})[/]: {e['error']}: "
                  f"{e['message']}", markup=True, soft_wrap=True, highlight=False)
    if len(failures) > limit:
        err.print(f"… and {len(failures) - limit} more: see the errors table", markup=False)


def _print_summary(s) -> None:
    from rich.table import Table

    con = console()
    t = Table(title=f"xxgk extract → {s.out} ({s.format})", show_header=False,
              title_justify="left", box=None, pad_edge=False)
    t.add_column(style="bold")
    t.add_column(justify="right")
    t.add_row("files", f"{s.files:,}")
    t.add_row("extracted", f"{s.documents:,}")
    t.add_row("already stored (skipped)", f"{s.skipped:,}")
    if s.duplicates:
        t.add_row("duplicates (same bytes)", f"{s.duplicates:,}")
    t.add_row("with errors", f"[red]{s.failed:,}[/]" if s.failed else "0")
    for table, n in s.records.items():
        if table != "errors":
            t.add_row(f"  {table} rows", f"{n:,}")
    rate = s.documents / s.seconds if s.seconds else 0.0
    t.add_row("time", f"{s.seconds:.1f} s ({rate:.1f} docs/s)")
    con.print(t)
    where = s.out if s.format == "duckdb" else f"{s.out}/"
    con.print(f"Read it with: [bold]nlp.read_store({where!r})[/]", markup=True)
