"""Record snapshot: every record of every corpus document, to show that a speed change changes
no output.

    .venv/bin/python -m benchmarks.snapshot save before.json      # with the code before
    .venv/bin/python -m benchmarks.snapshot save after.json       # with the code after
    .venv/bin/python -m benchmarks.snapshot compare before.json after.json

`save` reads every corpus file of a format xxgk reads (txt, html, docx, pdf, md; gold files
and sources are not documents), runs the whole pipeline on it and writes its records as
`Report.rows()` gives them, keyed by the file's path under `corpora/`. A file that cannot be
read keeps its error message instead, so a reader's change shows too. `compare` prints how
many documents differ and, for each (up to `--most`), the record types that do; it exits 1
when any differs.

To compare two checkouts, run `save` in each (a `git worktree` of the old commit, run with
`python -m` from its own folder, imports its own `nlp`). Every speed pass of
docs/performance.md was gated on this snapshot and on the full gold evaluation
(`python -m benchmarks.snapshot gold`, which scores every gold folder under corpora/gold).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
FORMATS = {".txt", ".html", ".htm", ".docx", ".pdf", ".md"}


def corpus_files(root: Path = CORPUS) -> list[Path]:
    """The corpus documents under `root`, sorted (gold files and sources.jsonl left out)."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)


def records(paths: list[Path], root: Path = CORPUS) -> dict[str, Any]:
    """{path under `root`: the report's rows, or {"error": message}} for each file."""
    from nlp.errors import XxgkError
    from nlp.ingest import read
    from nlp.pipeline import run

    # a record's path (the documents' and errors' `path`, a reader's message) is written under
    # `root`, as the key is: two checkouts of the corpus (git worktrees) then compare alike
    here = json.dumps(str(root.resolve()) + os.sep, ensure_ascii=False)[1:-1]
    out: dict[str, Any] = {}
    for p in paths:
        key = p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)
        try:
            rows: Any = run(read(p)).rows()
        except XxgkError as exc:
            rows = {"error": f"{type(exc).__name__}: {exc}"}
        # (through JSON, so that a saved snapshot and a fresh one compare alike)
        out[key] = json.loads(json.dumps(rows, default=str, ensure_ascii=False).replace(here, ""))
    return out


def differences(a: dict[str, Any], b: dict[str, Any]) -> dict[str, list[str]]:
    """{document: the record types (or "missing") that differ} for the documents that do."""
    out: dict[str, list[str]] = {}
    for key in sorted(set(a) | set(b)):
        ra, rb = a.get(key), b.get(key)
        if ra == rb:
            continue
        if ra is None or rb is None:
            out[key] = ["missing"]
        else:
            out[key] = [k for k in sorted(set(ra) | set(rb)) if ra.get(k) != rb.get(k)]
    return out


def gold_totals() -> str:
    """The full gold evaluation's totals line (every gold folder under corpora/gold)."""
    from nlp.evaluate import evaluate

    gold = CORPUS / "gold"
    folders = [gold, *sorted(p for p in gold.iterdir() if p.is_dir())]
    t = evaluate([str(f) for f in folders]).totals
    return (f"documents {t.documents}; claims tp/fp/fn {t.claims.tp}/{t.claims.fp}/{t.claims.fn}; "
            f"indicators {t.indicators.correct}/{t.indicators.total}; citations tp/fp/fn "
            f"{t.citations.tp}/{t.citations.fp}/{t.citations.fn}; cells {t.cells.correct}/"
            f"{t.cells.total}; findings tp/fp/fn {t.findings.tp}/{t.findings.fp}/{t.findings.fn}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.snapshot", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save", help="write every corpus document's records to a JSON file")
    s.add_argument("out", type=Path)
    c = sub.add_parser("compare", help="count the documents whose records differ")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--most", type=int, default=40, help="documents listed at the most")
    sub.add_parser("gold", help="the full gold evaluation's totals")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")  # model-fallback warnings are not records

    if args.command == "save":
        snap = records(corpus_files())
        args.out.write_text(json.dumps(snap, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"{len(snap)} documents saved to {args.out}")
        return 0
    if args.command == "gold":
        print(gold_totals())
        return 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (args.a, args.b))
    diff = differences(a, b)
    print(f"differences: {len(diff)} of {len(set(a) | set(b))}")
    for key in list(diff)[: args.most]:
        print(f"  {key}: {', '.join(diff[key])}")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
