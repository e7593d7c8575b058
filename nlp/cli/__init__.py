"""The `xxgk` command line: one module per command, all printing done here (never in `nlp`).

    xxgk extract reports/ --out results.duckdb     # a folder of reports → one dataset
    xxgk tables report.pdf                          # the statistics cells of one report
    xxgk check report.pdf                           # its consistency checks, failures first
    xxgk citations report.pdf                       # the policy documents it cites
    xxgk evaluate corpora/gold                      # accuracy against gold annotations
    xxgk info                                       # versions, models, where data lives

A command module defines its function and registers it with `@app.command()` on the `app`
below; optional command modules (`show`, `train`) are picked up when they exist.
Heavy libraries are imported inside the commands, so `xxgk --help` is fast.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="xxgk",
    help="Structured, checked data from 政府信息公开工作年度报告 "
    "(government information-disclosure annual reports).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

# the order of `xxgk --help`
COMMANDS: tuple[str, ...] = ("extract", "tables", "check", "citations", "evaluate", "info")
OPTIONAL_COMMANDS: tuple[str, ...] = ("show", "train")


def _load_commands() -> None:
    for name in COMMANDS:
        importlib.import_module(f"nlp.cli.{name}")
    for name in OPTIONAL_COMMANDS:
        try:
            importlib.import_module(f"nlp.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"nlp.cli.{name}":  # the module exists but is broken: say so
                raise


_load_commands()


def main() -> None:
    """Entry point of the `xxgk` console script."""
    app()


__all__ = ["app", "main"]
