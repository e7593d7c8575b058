"""End-to-end speed against jieba, memory over a long run, and the 1 → 2 workers speed-up.

    .venv/bin/python -m benchmarks                 # everything, small sizes (about a minute)
    .venv/bin/python -m benchmarks --docs 10000    # the memory run over 10,000 documents

- **speed**: `nlp.extract(path)` on every distinct corpus file (all readers, every stage on),
  warm, against `jieba.lcut` on the same documents' text in the same process. The ratio is
  our characters per second over jieba's (target ≥ 3×).
- **memory**: a child process runs `nlp.batch.run_batch` (one process: extraction and the
  DuckDB writer) over N replicated corpus files and samples its RSS as it goes; flat means
  the RSS at 50% and 100% of the run is close to the RSS at 10% (target: peak < 500 MB).
- **workers**: the same batch with 1 and with 2 worker processes (target ≥ 1.7×; needs
  2 free cores), and the CPU the 2-worker run's parent (the writer and the pool) spends a
  document, as a share of a document's CPU in one process: a share the workers' cores lose.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
REPLICABLE = {".txt", ".html", ".htm"}  # formats where a trailing newline changes nothing


def corpus_files(suffixes: set[str] | None = None) -> list[Path]:
    """Every distinct corpus report (by content), optionally only some formats."""
    from nlp.batch import collect_paths, file_doc_id

    seen, out = set(), []
    for p in collect_paths([CORPUS]):
        if suffixes and p.suffix.lower() not in suffixes:
            continue
        did = file_doc_id(p)
        if did not in seen:
            seen.add(did)
            out.append(p)
    return out


def replicate(folder: Path, n: int, min_chars: int = 0) -> list[Path]:
    """`n` files with distinct bytes made from the corpus (k trailing newlines each), from the
    corpus files of at least `min_chars` characters."""
    sources = [p for p in corpus_files(REPLICABLE)
               if not min_chars or len(p.read_text(encoding="utf-8", errors="replace")) >= min_chars]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        dst = folder / f"{i:06d}_{src.name}"
        dst.write_bytes(src.read_bytes() + b"\n" * (i // len(sources) + 1))
        out.append(dst)
    return out


# --------------------------------------------------------------------------- speed


def speed(repeat: int = 2) -> dict:
    import logging

    import jieba

    import nlp

    files = corpus_files()
    reports = [nlp.extract(p) for p in files]  # warm: patterns compiled, models loaded
    texts = [r.document.text for r in reports]
    n_chars = sum(len(t) for t in texts)

    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for p in files:
            nlp.extract(p)
        best = min(best, time.perf_counter() - t0)

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jt = jieba.Tokenizer()
    jt.initialize()
    jbest = float("inf")
    for _ in range(max(repeat, 3)):
        t0 = time.perf_counter()
        for t in texts:
            jt.lcut(t)
        jbest = min(jbest, time.perf_counter() - t0)
    return {
        "documents": len(files),
        "chars": n_chars,
        "seconds": best,
        "docs_per_s": len(files) / best,
        "chars_per_s": n_chars / best,
        "jieba_chars_per_s": n_chars / jbest,
        "ratio_vs_jieba": jbest / best,
        "records": {t: sum(len(getattr(r, t)) for r in reports)
                    for t in ("claims", "citations", "cells", "links", "checks", "errors")},
    }


# --------------------------------------------------------------------------- memory


def _child_memory(folder: str, store: str, checkpoints: list[int]) -> None:
    """Runs in the child: one batch in this process, RSS sampled at the checkpoints."""
    import psutil

    from nlp.batch import collect_paths, run_batch

    proc = psutil.Process()
    files = collect_paths([folder])
    samples: list[dict] = []
    peak = 0
    n = 0
    t0 = time.perf_counter()

    def on_result(res) -> None:
        nonlocal n, peak
        n += 1
        rss = proc.memory_info().rss
        peak = max(peak, rss)
        if n in checkpoints:
            samples.append({"docs": n, "rss_mb": rss / 2**20, "peak_mb": peak / 2**20,
                            "seconds": time.perf_counter() - t0})
            print(json.dumps(samples[-1]), file=sys.stderr, flush=True)

    summary = run_batch(files, store, workers=1, on_result=on_result)
    import resource

    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"samples": samples, "peak_mb": max(peak, maxrss_kb * 1024) / 2**20,
                      "documents": summary.documents, "failed": summary.failed,
                      "seconds": summary.seconds}))


def memory(docs: int = 200) -> dict:
    checkpoints = sorted({max(1, docs // 10), docs // 2, docs} | (
        {1000, 5000} if docs >= 5000 else set()))
    with tempfile.TemporaryDirectory(prefix="xxgk-bench-") as tmp:
        replicate(Path(tmp) / "in", docs)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_pipeline", "--child-memory",
             str(Path(tmp) / "in"), str(Path(tmp) / "m.duckdb"), json.dumps(checkpoints)],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- workers


def _child_workers(folder: str, store: str, workers: int) -> None:
    """Runs in the child: one batch with `workers`, from a cold start; prints its figures
    (and the CPU this process used a document over the same steady state: with workers, the
    writer's and the pool's share, which the workers' cores pay for)."""
    import resource

    from nlp.batch import collect_paths, run_batch

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)  # every thread of this process
        return r.ru_utime + r.ru_stime

    stamps: list[tuple[float, float]] = []
    s = run_batch(collect_paths([folder]), store, workers=workers, commit_seconds=0.2,
                  on_result=lambda _r: stamps.append((time.perf_counter(), cpu())))
    k = len(stamps) // 4
    n = len(stamps) - 1 - k
    print(json.dumps({"seconds": s.seconds,
                      "docs_per_s": n / (stamps[-1][0] - stamps[k][0]),
                      "cpu_ms_per_doc": 1000 * (stamps[-1][1] - stamps[k][1]) / n}))


def workers(docs: int = 600, rounds: int = 3) -> dict:
    """Steady-state docs/s with 1 and 2 workers: the rate from the moment 25% of the
    documents are committed to the end, so process start-up and warm-up (imports, data
    loaded on first use) are left out of both. Total wall times are reported too.

    Each run is a fresh process, so both start with cold caches: a 1-worker run inside this
    process would reuse the caches the other benchmarks warmed on the same texts, and look
    faster than a fresh worker can be. 600 documents: at about 150 documents a second per
    worker, fewer leave too short a steady state to measure.

    `rounds` pairs of runs, the order alternating (1 then 2 workers, then 2 then 1, …), so a
    host that drifts slower or faster during the benchmark favours neither; the speed-up is
    the median of the rounds' ratios, and every round's is reported. (On a shared 2-core
    virtual machine one pair alone ranged 1.5-1.9x from run to run of the same code.)

    Only whole reports are replicated (at least 2,000 characters): most corpus files are
    web-page excerpts of about 750 characters, on which the run measures the writer's cost per
    document more than extraction, and a researcher's batch is of whole reports."""
    out: dict = {"documents": docs, "cores": os.cpu_count(), "rounds": rounds}
    runs: dict[int, list[dict]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix="xxgk-bench-") as tmp:
        replicate(Path(tmp) / "in", docs, min_chars=2000)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        for r in range(rounds):
            for w in ((1, 2) if r % 2 == 0 else (2, 1)):
                store = Path(tmp) / f"w{w}-{r}.duckdb"
                res = subprocess.run(
                    [sys.executable, "-m", "benchmarks.bench_pipeline", "--child-workers",
                     str(Path(tmp) / "in"), str(store), str(w)],
                    cwd=ROOT, env=env, capture_output=True, text=True, check=True)
                runs[w].append(json.loads(res.stdout.strip().splitlines()[-1]))
                store.unlink()
    speedups = [b["docs_per_s"] / a["docs_per_s"] for a, b in zip(runs[1], runs[2], strict=True)]
    walls = [a["seconds"] / b["seconds"] for a, b in zip(runs[1], runs[2], strict=True)]
    for w in (1, 2):
        out[f"seconds_{w}"] = statistics.median(g["seconds"] for g in runs[w])
        out[f"docs_per_s_{w}"] = statistics.median(g["docs_per_s"] for g in runs[w])
        out[f"cpu_ms_per_doc_{w}"] = statistics.median(g["cpu_ms_per_doc"] for g in runs[w])
    # the 2-worker parent's CPU a document over the whole of a document's CPU in one process
    out["parent_share"] = out["cpu_ms_per_doc_2"] / out["cpu_ms_per_doc_1"]
    out["speedups"] = [round(x, 3) for x in speedups]
    out["speedup"] = statistics.median(speedups)
    out["speedup_wall"] = statistics.median(walls)
    return out


def run(docs: int = 200, worker_docs: int = 600) -> dict:
    return {"speed": speed(), "memory": memory(docs), "workers": workers(worker_docs)}


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-memory":
        _child_memory(sys.argv[2], sys.argv[3], json.loads(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-workers":
        _child_workers(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        print(json.dumps(run(), indent=2))
