"""The promises the seventeenth pass's shortcuts in nlp/segment/structure.py rest on, each
compared with the plain way on the corpus texts."""

from __future__ import annotations

from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _views() -> list[str]:
    from nlp.normalize import normalize

    return [normalize(p.read_text(encoding="utf-8", errors="replace")).text
            for p in sorted(CORPORA.rglob("*.txt"))]


def test_title_at_is_the_title_start_pattern():
    """`_title_at` asks `_TITLE_START` only where its year branch can begin: the same answer
    as the pattern at every position of every corpus text (and of a text with a year, an
    astral character and a lone digit)."""
    from nlp.scan import first_chars, top_level_branches
    from nlp.segment.structure import _TITLE_START, _YEAR_DIGITS, _title_at

    _, year = top_level_branches(_TITLE_START.pattern)
    assert sorted(first_chars(year).encode().decode("unicode_escape")) == sorted(_YEAR_DIGITS)
    hits = 0
    for nt in [*_views(), "2019 年度报告\n1\U00020000、二0二0年\n《", "20１9年"]:
        for i in range(len(nt)):
            want = _TITLE_START.match(nt, i) is not None
            assert _title_at(nt, i) is want, (nt[i : i + 10], i)
            hits += want
    assert hits > 100000
