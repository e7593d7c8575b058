"""Instructions executed by the extraction stages, and by `jieba.lcut` on the same texts (valgrind).

    .venv/bin/python -m benchmarks.instructions                   # the pipeline and jieba
    .venv/bin/python -m benchmarks.instructions extract.claims link --every 4
    .venv/bin/python -m benchmarks.instructions --stages          # every stage, one by one
    .venv/bin/python -m benchmarks.instructions all jieba --new   # on texts new to the caches

Times on a shared machine vary by ±20%, and passes of the same code have varied by 40% within
minutes. The number of instructions a pass executes does not vary, for the same code, texts and
hash seed, so this is the figure to compare two versions of a stage by.

Each figure is the difference of two child processes run under
`valgrind --tool=cachegrind --cache-sim=no` with `PYTHONHASHSEED=0` (a different seed changes
the order of sets and the figures by tens of millions) and, where `setarch -R` works, without
address randomisation. Both children first run one warm pass
over every `--every`-th corpus `.txt` text (patterns compiled, caches filled, models loaded).
Then:
- for a stage, one child runs the stages up to and including it, and the other up to just
  before it;
- for `all`, one child runs `extract_text` once more, and the other stops after the warm pass;
- for `jieba`, both children also warm jieba's own `Tokenizer` (its dictionary built from the
  dictionary file in each, with a cache folder of its own), and one then runs `lcut` once more.

With `all` and `jieba` both measured, jieba's instructions over ours is the issue 8 ratio
(target ≥ 3), free of the machine's noise.

`--new` measures new documents, as `bench_extract`'s row of that name times them: the corpus
folders are ranked, the warm pass runs over the texts of every `2h`-th folder (h = every // 2,
at least 1) and the measured pass over those of the folders h further on, so no measured text
shares a folder (a year's or an agency's set) with the texts that filled the caches. A child takes one to three minutes on every fourth
text; `--jobs` of them run at once (default: the number of cores). The count does not depend on
what else the machine is doing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def stage_names() -> list[str]:
    """The stages `bench_extract` times, in pipeline order."""
    from benchmarks.bench_extract import _stage_steps
    from nlp.records import Document, Report

    doc = Document(doc_id="names", path=None, format="text", text="")
    return [name for name, _ in _stage_steps(doc, Report(document=doc))]


def pass_indexes(every: int, new: bool = False) -> tuple[list[int], list[int]]:
    """Indexes into `bench_extract.text_paths()` of the warm pass's texts and of the measured
    pass's: every `every`-th text for both, or with `new` the texts of two disjoint sets of
    folders (see the module's text)."""
    from benchmarks.bench_extract import folder_halves, text_paths

    paths = text_paths()
    if new:
        return folder_halves(paths, max(every // 2, 1))
    return list(range(0, len(paths), every)), list(range(0, len(paths), every))


def pass_texts(every: int, new: bool = False) -> tuple[list[str], list[str]]:
    """The texts of `pass_indexes`."""
    from benchmarks.bench_extract import texts

    items = texts()
    warm, measured = pass_indexes(every, new)
    return [items[i] for i in warm], [items[i] for i in measured]


def child(what: str, mode: str, every: int, new: bool = False) -> int:
    """The body of one measured process: warm pass, then the pass of `what` (see the module's
    text). Returns the number of texts measured."""
    import logging
    import warnings

    from benchmarks.bench_extract import _stage_steps
    from nlp.pipeline import extract_text
    from nlp.records import Document, Report

    warnings.simplefilter("ignore")
    logging.getLogger("jieba").setLevel(logging.WARNING)  # (a benchmark may; the library won't)
    warm, items = pass_texts(every, new)
    for t in warm:
        extract_text(t)
    if what == "jieba":
        import jieba

        tok = jieba.Tokenizer()
        # (a private, empty cache folder: both children build the dictionary the same way; a
        # shared /tmp/jieba.cache written by another process between the two children made one
        # load it and the other build it, about 900M instructions of difference)
        tok.tmp_dir = tempfile.mkdtemp(prefix="xxgk-bench-jieba-")
        tok.initialize()
        for t in warm:
            tok.lcut(t)
        if mode == "upto":
            for t in items:
                tok.lcut(t)
        shutil.rmtree(tok.tmp_dir, ignore_errors=True)
        return len(items)
    if what == "all":
        if mode == "upto":
            for t in items:
                extract_text(t)
        return len(items)
    for t in items:
        doc = Document(doc_id="bench", path=None, format="text", text=t)
        for name, step in _stage_steps(doc, Report(document=doc)):
            if name == what and mode == "before":
                break
            step()
            if name == what:
                break
    return len(items)


def instructions_of(stderr: str) -> int:
    """The total instruction count ("I refs") of valgrind's cachegrind summary."""
    found = _REFS.search(stderr)
    if found is None:
        raise RuntimeError("valgrind printed no instruction count:\n" + stderr[-2000:])
    return int(found.group(1).replace(",", ""))


@lru_cache(maxsize=1)
def _fixed_addresses() -> tuple[str, ...]:
    """`setarch -R` where it works: without address randomisation the counts of the same code
    agree to about 0.1M instructions, with it they wander by about 0.4M (objects hashed by
    address land in other orders)."""
    if shutil.which("setarch") is None:
        return ()
    probe = subprocess.run(["setarch", "-R", "true"], capture_output=True, check=False)
    return ("setarch", "-R") if probe.returncode == 0 else ()


def _valgrind(what: str, mode: str, every: int, new: bool = False) -> int:
    """Instructions of one child process under cachegrind."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [*_fixed_addresses(), "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-m", "benchmarks.instructions", "--child", what, mode,
         "--every", str(every), *(["--new"] if new else [])],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the child for {what} ({mode}) failed:\n{done.stderr[-2000:]}")
    return instructions_of(done.stderr)


def measure(whats: Sequence[str], every: int = 4, jobs: int | None = None,
            runner: Callable[[str, str, int, bool], int] = _valgrind,
            new: bool = False) -> dict[str, int]:
    """Instructions of one pass of each of `whats` (stage names, `all`, `jieba`) over every
    `every`-th corpus text, or with `new` over texts of folders the warm pass never saw: each
    the difference of two `runner` calls (see the module's text). The baseline of `all` (the
    warm pass alone) is the `before` of `all`."""
    known = {*stage_names(), "all", "jieba"}
    unknown = [w for w in whats if w not in known]
    if unknown:
        raise ValueError(f"unknown stage {unknown[0]!r}; known: {', '.join(sorted(known))}")
    runs = sorted({(w, m) for w in whats for m in ("upto", "before")})
    with ThreadPoolExecutor(jobs or os.cpu_count() or 1) as pool:
        counts = dict(zip(runs, pool.map(lambda r: runner(r[0], r[1], every, new), runs), strict=True))
    return {w: counts[w, "upto"] - counts[w, "before"] for w in whats}


def report(figures: dict[str, int], every: int, new: bool = False) -> str:
    warm, items = pass_texts(every, new)
    n_chars = sum(map(len, items))
    what = (f"new documents: {len(items):,} texts, {n_chars:,} chars, after a warm pass over "
            f"{len(warm):,} texts of other folders" if new else
            f"every {every}th corpus text: {len(items):,} texts, {n_chars:,} chars")
    lines = [f"{what} (valgrind cachegrind, PYTHONHASHSEED=0)",
             f"  {'measured':22} {'instructions':>14} {'per char':>10}"]
    for what, n in figures.items():
        lines.append(f"  {what:22} {n / 1e6:13,.0f}M {n / max(n_chars, 1):10,.0f}")
    if "all" in figures and "jieba" in figures and figures["all"] > 0:
        ratio = figures["jieba"] / figures["all"]
        lines.append(f"  jieba / xxgk instructions: {ratio:.2f}x  (target >= 3x)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.instructions", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", nargs="*", help="stages, `all`, `jieba` (default: all jieba)")
    ap.add_argument("--stages", action="store_true", help="every stage, one by one")
    ap.add_argument("--every", type=int, default=4, help="every N-th corpus text (default 4)")
    ap.add_argument("--jobs", type=int, default=None, help="children at once (default: cores)")
    ap.add_argument("--new", action="store_true",
                    help="measure texts of folders the warm pass never saw (see above)")
    ap.add_argument("--child", nargs=2, metavar=("WHAT", "MODE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.every < 1:
        ap.error("--every must be at least 1")
    if args.child:
        child(args.child[0], args.child[1], args.every, args.new)
        return 0
    if shutil.which("valgrind") is None:
        print("benchmarks.instructions needs valgrind (Debian: apt-get install valgrind)",
              file=sys.stderr)
        return 2
    whats = list(args.what) or ["all", "jieba"]
    if args.stages:
        names = stage_names()
        whats = [*names, *(w for w in whats if w not in names)]
    try:
        figures = measure(whats, args.every, args.jobs, new=args.new)
    except ValueError as exc:
        ap.error(str(exc))
    print(report(figures, args.every, args.new))
    return 0


if __name__ == "__main__":
    sys.exit(main())
