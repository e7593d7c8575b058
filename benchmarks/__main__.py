"""Run every benchmark with one command and print the figures against their baselines.

    .venv/bin/python -m benchmarks                  # about a minute
    .venv/bin/python -m benchmarks --docs 10000     # memory over 10,000 documents
    .venv/bin/python -m benchmarks --json bench.json
    .venv/bin/python -m benchmarks --only read      # readers by format, PDF page objects

Baselines run in the same process on the same texts (jieba.lcut), so ratios compare like with
like on any machine. Targets (issue 8): end-to-end ≥ 3× jieba's characters per second, peak
RSS < 500 MB over 10,000 documents, 2 workers ≥ 1.7× one.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import warnings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200,
                    help="documents in the memory run (default 200; the target is for 10000)")
    ap.add_argument("--worker-docs", type=int, default=600,
                    help="documents in the 1 vs 2 workers run (default 600)")
    ap.add_argument("--worker-rounds", type=int, default=3,
                    help="alternated pairs of 1- and 2-worker runs (default 3; median ratio)")
    ap.add_argument("--json", help="also write all figures to this JSON file")
    ap.add_argument("--only", choices=["pipeline", "read", "claims"], help="run one benchmark")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")  # model-fallback warnings are not figures

    results: dict = {}
    if args.only in (None, "pipeline"):
        from benchmarks import bench_pipeline as bp

        sp = bp.speed()
        results["speed"] = sp
        print(f"end to end ({sp['documents']} corpus files, {sp['chars']:,} chars, all stages)")
        print(f"  xxgk        {sp['chars_per_s'] / 1000:9.1f} kchar/s  {sp['docs_per_s']:7.1f} docs/s")
        print(f"  jieba.lcut  {sp['jieba_chars_per_s'] / 1000:9.1f} kchar/s")
        print(f"  ratio       {sp['ratio_vs_jieba']:9.2f}x   (target >= 3x)")
        mem = bp.memory(args.docs)
        results["memory"] = mem
        print(f"memory over {mem['documents']} documents (one process, DuckDB store)")
        for s in mem["samples"]:
            print(f"  after {s['docs']:>6} docs  RSS {s['rss_mb']:7.1f} MB  "
                  f"({s['seconds']:.0f} s)")
        print(f"  peak        {mem['peak_mb']:7.1f} MB   (target < 500 MB)")
        wk = bp.workers(args.worker_docs, args.worker_rounds)
        results["workers"] = wk
        print(f"workers ({wk['documents']} documents, {wk['cores']} cores, "
              f"{wk['rounds']} alternated rounds, medians)")
        print(f"  1 worker  {wk['docs_per_s_1']:6.1f} docs/s   2 workers "
              f"{wk['docs_per_s_2']:6.1f} docs/s   speed-up {wk['speedup']:.2f}x   "
              "(steady state; target >= 1.7x)")
        print("  rounds    " + "  ".join(f"{x:.2f}x" for x in wk["speedups"]))
        print(f"  wall time 1 worker {wk['seconds_1']:.1f} s, 2 workers {wk['seconds_2']:.1f} s "
              f"(start-up included: {wk['speedup_wall']:.2f}x)")
        print(f"  parent CPU with 2 workers {wk['cpu_ms_per_doc_2']:.2f} ms a document, "
              f"{wk['parent_share']:.0%} of a document's CPU in 1 worker "
              f"({wk['cpu_ms_per_doc_1']:.2f} ms)")
    if args.only in (None, "read"):
        from benchmarks import bench_read

        results["read"] = bench_read.run()
        bench_read.report(results["read"])
    if args.only in (None, "claims"):
        try:
            bc = importlib.import_module("benchmarks.bench_claims")
        except ModuleNotFoundError:
            bc = None
        if bc is not None and hasattr(bc, "run"):
            r = bc.run()
            results["claims"] = r
            print("claims extraction alone")
            for k, v in r.items():
                print(f"  {k:<30} {v:,.2f}" if isinstance(v, float) else f"  {k:<30} {v}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
