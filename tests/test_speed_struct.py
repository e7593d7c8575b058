"""The promises the seventeenth pass's shortcuts in nlp/segment/structure.py rest on, each
compared with the plain way on the corpus texts."""

from __future__ import annotations

import re

from corpus import CORPORA, normalized_views


def test_title_at_is_the_title_start_pattern():
    """`_title_at` asks `_TITLE_START` only where its year branch can begin: the same answer
    as the pattern at every position of every corpus text (and of a text with a year, an
    astral character and a lone digit)."""
    from nlp.scan import first_chars, top_level_branches
    from nlp.segment.structure import _TITLE_START, _YEAR_DIGITS, _title_at

    _, year = top_level_branches(_TITLE_START.pattern)
    assert sorted(first_chars(year).encode().decode("unicode_escape")) == sorted(_YEAR_DIGITS)
    hits = 0
    for nt in [*normalized_views(), "2019 年度报告\n1\U00020000、二0二0年\n《", "20１9年"]:
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

    cases = [*normalized_views(), " a \n\n\x1c b\x1f\n\u3000c\u2028d \r\n", "\n \n", "", "x"]
    for nt in cases:
        for a, b in ((0, len(nt)), (len(nt) // 3, len(nt) - 5), (7, 7)):
            got = [m.span() for m in _LINE_TEXT.finditer(nt, a, max(a, b))]
            assert got == plain(nt, a, max(a, b)), nt[:30]


def test_join_break_gates_hold_what_every_match_holds():
    """`_join_break` asks four `regex` patterns only where a character every match holds
    stands: a `_UNIT_LINE` match begins with one of `_UNIT_FIRST`, a `_MARKDOWN_LINE` match
    with one of `_MARKDOWN_FIRST`, a `_PAGE_FIELD` match holds a colon, and a stripped line
    that `_TITLE_END` matches ends with one of `_TITLE_END_LAST`. Read off the patterns and
    checked on every line and position of every corpus text."""
    import regex

    from nlp import normalize as nz
    from nlp.scan import first_chars, required_literals

    assert set(nz._UNIT_FIRST) == {w[0] for w in required_literals(nz._UNIT_LINE)}
    assert nz._UNIT_LINE.pattern.startswith("(?:")
    assert set(nz._TITLE_END_LAST) == {w[-1] for w in required_literals(nz._TITLE_END)}
    assert nz._TITLE_END.pattern.startswith("(?:") and nz._TITLE_END.pattern.endswith(")$")
    assert first_chars(nz._MARKDOWN_LINE.pattern).encode().decode("unicode_escape") == "#*"
    assert nz._PAGE_FIELD.pattern.endswith(r"\s*[:：]")
    seen = [0, 0, 0, 0]
    for path in sorted(CORPORA.rglob("*.txt")):
        folded = nz.same_length(path.read_text(encoding="utf-8", errors="replace"))
        for m in nz._UNIT_LINE.finditer(folded, overlapped=True):
            assert folded[m.start()] in nz._UNIT_FIRST
            seen[0] += 1
        for raw in regex.split(r"\n", folded):
            line = raw.strip()
            if not line:
                continue
            for t in (line, line[:12]):
                if nz._MARKDOWN_LINE.match(t):
                    assert t[0] in nz._MARKDOWN_FIRST
                    seen[1] += 1
            if nz._PAGE_FIELD.match(line):
                assert ":" in line or "：" in line
                seen[2] += 1
            if nz._TITLE_END.search(line, max(0, len(line) - 3)):
                assert line[-1] in nz._TITLE_END_LAST
                seen[3] += 1
    assert min(seen) > 0, seen


def test_markdown_markup_only_where_a_lead_opens_a_line_or_bold_stands():
    """`normalize` scans for Markdown markup only in a text holding `**` or a `#`/`>` that
    opens a line after blanks (`_MARKDOWN_LEAD`, `_MARKDOWN_LEADS`): no `_MARKDOWN_MARKUP`
    match elsewhere, on every corpus text and where `(?m)^` might see other line breaks."""
    from nlp import normalize as nz

    def gate(t: str) -> bool:
        return "**" in t or bool(nz._MARKDOWN_LEAD.match(t) or nz._MARKDOWN_LEADS.search(t))

    cases = [nz.same_length(p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted(CORPORA.rglob("*.txt"))]
    cases += [f"正文{sep}{lead} 标题" for sep in "\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"
              for lead in ("#", ">", "##")]
    cases += ["# 一、概述", " \t> 引文", "正文\n  ## 二、主动公开", "a **粗体** b"]
    opened = 0
    for t in cases:
        if not gate(t):
            assert nz._MARKDOWN_MARKUP.search(t) is None, t[:40]
        else:
            opened += nz._MARKDOWN_MARKUP.search(t) is not None
    assert opened >= 4
