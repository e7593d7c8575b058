"""`xxgk train`: rebuild the claim scorer and the indicator classifier from gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app
from nlp.cli.display import console, fail

EPILOG = """\
[bold]Examples[/]

  xxgk train                                   # corpora/gold → models/
  xxgk train my_gold/ --out /tmp/models --seed 1
  xxgk train --folds 3

Same gold files and seed → the same models/<name>/meta.json (data hash and metrics).
"""


@app.command(epilog=EPILOG)
def train(
    gold: Annotated[Path, typer.Argument(
        help="A folder of *.gold.json files (docs/spec.md §5).", exists=True)
    ] = Path("corpora/gold"),
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where models/<name>/ are written (default: the repository's models/).",
        show_default=False)] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the learners.")] = 0,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds (by document).")
                     ] = 5,
) -> None:
    """Train both models, cross-validate them against the rules, and write the artifacts."""
    import warnings

    from nlp.errors import UsageError
    from nlp.ml.artifacts import default_dir
    from nlp.ml.train import train as run

    err = console(stderr=True)
    target = out or default_dir()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=UserWarning)
            summary = run(gold, target, seed=seed, folds=folds,
                          progress=lambda msg: err.print(msg, markup=False))
    except UsageError as exc:
        raise fail(str(exc)) from None
    con = console()
    s, i = summary["claim_scorer"], summary["indicator"]
    cs, ci = s["metrics"]["cv"], i["metrics"]["cv"]
    con.print(f"cross-validated by document ({s['folds']} folds, {len(s['gold_documents'])} "
              "documents)", markup=False)
    for name in ("rules", "rules+ml"):
        c = cs[name]
        con.print(f"  claims  {name:<9} P {c['precision']:.4f}  R {c['recall']:.4f}  "
                  f"F1 {c['f1']:.4f}", markup=False)
    for name in ("rules", "rules+ml"):
        c = ci[name]
        con.print(f"  indicators {name:<9} accuracy {c['accuracy']}  "
                  f"({c['correct']}/{c['total']})", markup=False)
    con.print(f"claim_scorer: threshold {s['threshold']}, filter "
              f"{'on' if s['filter'] else 'off (rules kept)'}; data {s['data_hash']}",
              markup=False)
    con.print(f"indicator: threshold {i['threshold']}, "
              f"{'enabled' if i['enabled'] else 'disabled (rules kept)'}; data {i['data_hash']}",
              markup=False)
    con.print(f"written to {target}/claim_scorer and {target}/indicator", markup=False)
