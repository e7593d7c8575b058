"""benchmarks.patterns: the per-pattern profile of the regex engines (docs/performance.md)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_proxies_time_calls_and_give_the_engines_answers():
    out = _python(
        "import re, regex\n"
        "from benchmarks.patterns import _Stats, install\n"
        "s = _Stats(); install(s)\n"
        "p, q = regex.compile(r'\\d+件'), re.compile('[一二三]')\n"
        "text = '收到申请12件，办结3件，其中一件转办'\n"
        "print([m.span() for m in p.finditer(text)], p.search(text).group(), q.findall(text))\n"
        "print(sorted(s.calls.items()))\n")
    found, calls = out.splitlines()
    assert found == "[(4, 7), (10, 12)] 12件 ['一']"
    # finditer: the call and three steps of its iterator (two matches, then the end)
    assert calls == "[(('re', '[一二三]'), 1), (('regex', '\\\\d+件'), 5)]"


def test_the_profile_names_the_patterns_of_nlp_and_where_they_were_compiled():
    out = _python("from benchmarks.patterns import run; print(run(top=5, every=100))")
    head, columns, *rows = out.splitlines()
    assert columns.split()[:3] == ["ms", "calls", "engine"]
    assert "texts" in head and "inside" in head
    assert len(rows) == 5
    assert all(".py:" in row for row in rows)  # a place in nlp/ for every pattern listed


def test_it_refuses_to_run_after_nlp_was_imported():
    out = _python("import nlp.pipeline\nfrom benchmarks.patterns import run\n"
                  "try:\n    run()\nexcept RuntimeError as e:\n    print('refused:', e)\n")
    assert out.startswith("refused:")
