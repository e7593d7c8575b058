"""benchmarks.instructions: stage costs as valgrind instruction counts (docs/performance.md)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import instructions

ROOT = Path(__file__).resolve().parent.parent


def test_the_count_is_read_from_cachegrind_summary():
    stderr = ("==123== Cachegrind, a high-precision tracing profiler\n"
              "==123== \n==123== I   refs:      12,364,011,072\n")
    assert instructions.instructions_of(stderr) == 12_364_011_072
    with pytest.raises(RuntimeError, match="no instruction count"):
        instructions.instructions_of("==1== error: no such file\n")


def test_each_figure_is_the_difference_of_its_two_runs():
    asked = []

    def runner(what: str, mode: str, every: int, new: bool) -> int:  # costs that tell runs apart
        asked.append((what, mode, every, new))
        return 1000 * len(what) + (7 if mode == "upto" else 0) + every + 100 * new

    got = instructions.measure(["extract.claims", "all", "jieba"], every=9, jobs=2, runner=runner)
    assert got == {"extract.claims": 7, "all": 7, "jieba": 7}
    assert sorted(asked) == sorted((w, m, 9, False) for w in ("extract.claims", "all", "jieba")
                                   for m in ("upto", "before"))
    asked.clear()
    assert instructions.measure(["link"], every=3, runner=runner, new=True) == {"link": 7}
    assert sorted(asked) == [("link", "before", 3, True), ("link", "upto", 3, True)]
    with pytest.raises(ValueError, match="unknown stage 'claims'"):
        instructions.measure(["claims"], runner=runner)


def test_stage_names_are_the_pipeline_stages_in_order():
    names = instructions.stage_names()
    assert names[0] == "normalize" and names[-1] == "check"
    assert {"segment.structure", "extract.claims", "tables", "link"} <= set(names)


def test_new_documents_come_from_folders_the_warm_pass_never_saw():
    from benchmarks.bench_extract import text_paths, texts

    folders = [p.parent for p in text_paths()]
    for every in (2, 4):
        warm, new = instructions.pass_indexes(every, new=True)
        assert warm and new
        warm_folders = {folders[i] for i in warm}
        assert warm_folders.isdisjoint(folders[i] for i in new)
        # a folder is wholly on one side: every text of a warm folder is in the warm pass
        assert sum(f in warm_folders for f in folders) == len(warm)
    ranks = sorted(set(folders))
    warm, new = instructions.pass_indexes(4, new=True)
    assert {ranks.index(folders[i]) % 4 for i in warm} == {0}
    assert {ranks.index(folders[i]) % 4 for i in new} == {2}
    warm, measured = instructions.pass_texts(4)
    assert warm == measured == texts()[::4]


def test_a_child_pass_runs_each_kind_of_measurement():
    # (the children's bodies without valgrind, on every 400th text: they must run to the end)
    for what, mode in (("all", "upto"), ("segment.metadata", "before"), ("link", "upto")):
        done = subprocess.run([sys.executable, "-m", "benchmarks.instructions", "--child", what,
                               mode, "--every", "400"], cwd=ROOT, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-m", "benchmarks.instructions", "--child", "all", "upto",
                           "--every", "80", "--new"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_valgrind_counts_a_pass_and_the_same_code_counts_the_same():
    # the whole pipeline on every 100th text (22 texts, ~300M instructions), twice: the hash
    # seed and the addresses are fixed, so the counts agree to about 1M (the children's warm
    # parts differ by that much), where wall-clock times here vary by tens of percent
    first = instructions.measure(["all"], every=100)["all"]
    again = instructions.measure(["all"], every=100)["all"]
    assert first > 100_000_000
    assert abs(first - again) <= 0.02 * first
