"""The promises the seventeenth pass's shortcuts in nlp/segment/structure.py rest on, each
compared with the plain way on the corpus texts."""

from __future__ import annotations

import re
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


def test_line_text_is_each_line_stripped():
    """`_LINE_TEXT` gives each non-blank line of a span stripped (`\\S` of the stdlib engine is
    what `str.isspace` is not, at every code point): the lines `str.split` and `str.strip`
    give, on every corpus text, from a position inside a line, and on white-space edge cases."""
    from nlp.segment.structure import _LINE_TEXT

    assert all((re.match(r"\s", chr(c)) is not None) is chr(c).isspace() for c in range(0x110000))

    def plain(nt: str, a: int, b: int) -> list[tuple[int, int]]:
        out, pos = [], a
        for line in nt[a:b].split("\n"):
            s = len(line) - len(line.lstrip())
            if s < len(line):
                out.append((pos + s, pos + len(line.rstrip())))
            pos += len(line) + 1
        return out

    cases = [*_views(), " a \n\n\x1c b\x1f\n\u3000c\u2028d \r\n", "\n \n", "", "x"]
    for nt in cases:
        for a, b in ((0, len(nt)), (len(nt) // 3, len(nt) - 5), (7, 7)):
            got = [m.span() for m in _LINE_TEXT.finditer(nt, a, max(a, b))]
            assert got == plain(nt, a, max(a, b)), nt[:30]
