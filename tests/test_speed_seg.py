"""The promises the twentieth pass's shortcuts in nlp/segment/structure.py and
nlp/segment/blocks.py rest on, each compared with the plain way on the corpus texts."""

from __future__ import annotations

import re

from corpus import corpus_texts, normalized_views, texts_and_views


def _plain_classify(title: str, level1_only: bool = False) -> str:
    """`classify_title` as it was: every pattern of every kind searched, in file order."""
    from nlp.normalize import normalize
    from nlp.segment.structure import section_kinds

    t = normalize(title).text
    for kind in section_kinds():
        if level1_only and not kind.level1:
            continue
        if any(p.search(t) for p in kind.patterns):
            return kind.id
    return ""


def test_classify_title_searches_only_patterns_whose_literals_stand():
    """`classify_title` searches a pattern only in a title holding one of its
    `required_literals`, looked up by the title's characters (`_gated`): the same kind as the
    plain loop for every line and clause of every corpus view (what a heading's title is cut
    from), both ways of asking, and for every example and counter-example of sections.toml."""
    from nlp.scan import required_literals
    from nlp.segment.structure import _gated, classify_title, section_kinds

    for level1_only in (False, True):
        gates = _gated(level1_only)
        pats = [(kind.id, p) for kind in section_kinds() if kind.level1 or not level1_only
                for p in kind.patterns]
        assert list(zip(gates.kinds, gates.patterns, strict=True)) == pats
        assert not gates.ungated  # (every pattern is gated: the test means it)
        filed = {(w, i) for c, ws in gates.by_first.items() for w, ix in ws for i in ix
                 if w[0] == c}
        assert filed == {(w, i) for i, (_, p) in enumerate(pats) for w in required_literals(p)}
        assert gates.firsts == frozenset(gates.by_first)
    titles: set[str] = set()
    for kind in section_kinds():
        titles.update(kind.examples)
        titles.update(kind.counter)
    for nt in normalized_views():
        for line in nt.split("\n"):
            titles.update(p[:60] for p in re.split(r"[，,；;。！？]", line.strip()) if p)
    found = 0
    for title in sorted(titles):
        for level1_only in (False, True):
            want = _plain_classify(title, level1_only)
            assert classify_title.__wrapped__(title, level1_only=level1_only) == want, title
            found += want != ""
    assert found > 10000


def test_starting_with_asks_only_patterns_a_first_character_can_open():
    """`_starting_with` asks a pattern for a partial match only where `ch`'s first character is
    one its matches can begin with (`_openers`, from `first_chars`): the same indices as asking
    every pattern, for every pair of characters that opens a line, follows a heading marker or
    stands anywhere in a sample of every corpus view, and for every character alone."""
    from nlp.segment.structure import (
        _LOOKS_BACK,
        _canonical_patterns,
        _marker_candidates,
        _openers,
        _starting_with,
    )

    def plain(ch: str, level1_only: bool) -> tuple[int, ...]:
        pats, _ = _canonical_patterns(level1_only)
        return tuple(i for i, p in enumerate(pats)
                     if _LOOKS_BACK.search(p.pattern) or p.match(ch, partial=True) is not None)

    for level1_only in (False, True):
        gates = _openers(level1_only)
        assert sum(first is not None for _, first in gates) >= len(gates) - 2  # (gated: it means it)
    pairs: set[str] = set()
    for nt in normalized_views():
        pairs.update(line[:2] for line in nt.split("\n") if line)
        pairs.update(nt[c : c + 2] for c in _marker_candidates(nt, 0) if c < len(nt))
        pairs.update(nt[c : c + 2] for c in range(0, len(nt) - 1, 97))
        pairs.update(nt)
    pairs.discard("")
    opened = 0
    for ch in sorted(pairs):
        for level1_only in (False, True):
            want = plain(ch, level1_only)
            assert _starting_with.__wrapped__(ch, level1_only) == want, ch
            opened += bool(want)
    assert opened > 1000


def test_line_spans_keep_the_last_half_of_each_blank_run():
    """`line_spans` of a double-spaced text keeps the last n // 2 lines of each run of n blank
    lines after a line, in one pass: the same spans as marking the lines to drop run by run (the
    way it was), on every corpus text, on each with two and three blank lines between its lines
    (double-spaced), and on runs before the first line and at the end."""
    from corpus import corpus_texts

    from nlp.segment.blocks import _empty_cell_line, line_spans

    def plain(text: str) -> list[tuple[int, int]]:
        spans, double = line_spans(text)
        if not double:
            return spans
        lines = text.split("\n")
        every, pos = [], 0
        for line in lines:
            every.append((pos, pos + len(line)))
            pos += len(line) + 1
        blank = [not line.strip() and not _empty_cell_line(line) for line in lines]
        keep = [True] * len(lines)
        for k in range(len(lines)):
            if blank[k]:
                continue
            n = 0
            while k + 1 + n < len(lines) and blank[k + 1 + n]:
                n += 1
            for d in range(n - n // 2):
                keep[k + 1 + d] = False
        return [s for s, k in zip(every, keep, strict=True) if k]

    double = 0
    for text in corpus_texts():
        for t in (text, text.replace("\n", "\n\n"), text.replace("\n", "\n \n\n"),
                  "\n\n\n" + text.replace("\n", "\n\n") + "\n\n\n\n"):
            spans, is_double = line_spans(t)
            if is_double:
                assert spans == plain(t)
                double += 1
    assert double > 3000


def _plain_toc_lines(nt: str, body: int, marks) -> list[tuple[int, int]]:
    """`_toc_lines` the plain way: every line with three 、 or `.` asked about its level-1
    markers, a line scanned alone by `_MARKER.finditer` (the `regex` engine, as it was)."""
    from nlp.segment.structure import (
        _MARKER,
        _line_marks,
        _lines,
        _toc_candidates,
        canonical_prefix,
    )

    out = []
    starts = [m.start() for m in marks] if marks is not None else None
    for pos, end in _lines(nt, body) if marks is None else _toc_candidates(nt, body, marks):
        line = nt[pos:end]
        n = 0
        if line.count("、") + line.count(".") < 3:
            continue
        found = _line_marks(marks, starts, pos, end) if pos > body or not body else None
        l1 = [m.end() - pos for m in found if m.group("l1")] if found is not None else [
            m.end() for m in _MARKER.finditer(line) if m.group("l1")]
        if len(l1) >= 3:
            n = sum(1 for e in l1 if canonical_prefix(line, e, level1_only=True))
        if n >= 3 and len(line) / n < 60:
            out.append((pos, end))
    return out


_MADE_CONTENTS = ["目录：一、概述二、主动公开政府信息情况三、收到和处理政府信息公开申请情况四、存在的主要问题及改进情况",
                  "一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况\n正文"]


def test_contents_lines_turn_down_lines_too_long_for_their_markers():
    """`_toc_lines` turns a line down before asking `canonical_prefix` about its level-1
    markers when even every 、 and `.` of it (each marker ends in one) could not stand closer
    than `_TOC_SPACING` characters apart: the same contents lines as asking every marker (the
    way it was), on every corpus view and on each made into one line (flattened crawler text,
    where the shortcut acts), with the whole text's markers and without them."""
    from nlp.segment.structure import _markers, _toc_candidates, _toc_lines

    found = skipped = 0
    for nt in [*normalized_views(), *_MADE_CONTENTS]:
        for view in (nt, nt.replace("\n", "")):
            marks = _markers(view, 0)
            for m in (marks, None):
                want = _plain_toc_lines(view, 0, m)
                assert _toc_lines(view, 0, m) == want
                found += bool(want)
            skipped += sum(1 for a, b in _toc_candidates(view, 0, marks)
                           if 3 <= view.count("、", a, b) + view.count(".", a, b) <= (b - a) / 60)
    assert found >= 4 and skipped > 200


def test_contents_lines_scanned_alone_by_the_marker_scanner():
    """A line `_toc_lines` scans alone (the body's first line where the whole text's scan saw
    something else than a line break before it, `_scanned_alone`; a line a marker crosses) has
    its markers found by `_markers` (the stdlib scanner in a BMP text) instead of
    `_MARKER.finditer`; the body's first line after a line break (a crawler header's end: the
    first line is then often the whole flattened report) has them from the whole text's scan,
    as every later line: the same contents lines as the plain way (`_plain_toc_lines`, which
    scans the body's first line alone), on every corpus view with its body starting after each
    of its first line breaks and one character further on, flattened too, told the view is in
    the BMP or left to find out, and on made contents lines. Both must act: first lines with
    three 、 or `.` are counted, scanned alone and taken from the whole text's markers."""
    from nlp.scan import bmp_only
    from nlp.segment.structure import _markers, _scanned_alone, _toc_lines

    alone = shared = found = 0
    for nt in [*normalized_views(), *_MADE_CONTENTS]:
        for view in (nt, "标题：某某\n" + nt.replace("\n", "")):
            bmp = bmp_only(view)
            cuts = [k + 1 for k, ch in enumerate(view[:400]) if ch == "\n"][:3]
            for body in [*cuts, *(k + 1 for k in cuts)]:
                marks = _markers(view, body)
                want = _plain_toc_lines(view, body, marks)
                assert _toc_lines(view, body, marks, bmp) == want, view[:40]
                assert _toc_lines(view, body, marks) == want
                found += bool(want)
                end = view.find("\n", body)
                line = view[body:end if end >= 0 else len(view)]
                if line.count("、") + line.count(".") >= 3:
                    if _scanned_alone(view, body) == body:
                        alone += 1
                    else:
                        shared += 1
    assert alone > 300 and shared > 300 and found >= 2


def _plain_splits(run: str, n: int) -> list[list[tuple[int, int]]] | None:
    """The splits of `nlp.tables.runs.splits` listed the plain way: every choice of parts per
    group (space-separated groups in order, each cut into parts in order of its cut positions),
    each part a `_valid` number (a part before another one that starts with 0 is 0 alone, as
    `_first_parts` reads them), counted before they are kept."""
    from itertools import combinations, pairwise

    from nlp.tables.runs import _COUNT_WORD, _MAX_SPLITS, _RUN_GROUP, _RUN_UNIT, _valid

    unit = _RUN_UNIT.search(run)
    body_end = unit.start() if unit else len(run)
    groups = [(a, b - 1 if run[b - 1] in _COUNT_WORD else b)
              for a, b in (m.span() for m in _RUN_GROUP.finditer(run, 0, body_end))]
    if not groups or len(groups) > n:
        return []
    if len(groups) == n:
        if not all(_valid(run[a:b]) for a, b in groups):
            return []
        return [[*groups[:-1], (groups[-1][0], len(run))]] if unit else [list(groups)]

    def cuts(a: int, b: int, k: int) -> list[tuple[tuple[int, int], ...]]:
        out = []
        for inner in combinations(range(a + 1, b), k - 1):
            edges = (a, *inner, b)
            parts = tuple(pairwise(edges))
            if all(_valid(run[p:q]) and (q == b or run[p] != "0" or q == p + 1) for p, q in parts):
                out.append(parts)
        return out

    def every(g: int, left: int) -> list[tuple[tuple[int, int], ...]]:
        if g == len(groups):
            return [()] if left == 0 else []
        a, b = groups[g]
        return [parts + rest for k in range(1, left + 1) for parts in cuts(a, b, k)
                for rest in every(g + 1, left - k)]

    found = [list(p) for p in every(0, n)]
    if len(found) > _MAX_SPLITS:
        return None
    return [[*p[:-1], (p[-1][0], len(run))] for p in found] if unit else found


def test_digit_run_splits_are_the_plain_ones():
    """`splits` reads which numbers can start at each digit once (`_part_ends`), asks a group
    only for the counts of parts a whole split can give it, and cuts a run of one group without
    the count of the groups' ways: the same splits, in the same order, as listing every choice
    of parts (`_plain_splits`) for every digit run of every corpus text into 2, 3, 7 and 15
    numbers, and for generated runs with zeros, spaces, points, minus signs and units."""
    import random

    from corpus import corpus_texts

    from nlp.tables.runs import _RUN, _splits

    runs: set[str] = set()
    for text in corpus_texts():
        runs.update(m.group() for m in _RUN.finditer(text) if 2 <= len(m.group()) <= 10)
    rnd = random.Random(21)
    for _ in range(1000):
        body = "".join(rnd.choice("0001234567 .-") for _ in range(rnd.randint(2, 11))).strip()
        if body[:1].isdigit():
            runs.add(body + rnd.choice(("", "", "元", "万元")))
    assert len(runs) > 2000
    many = 0
    for run in sorted(runs):
        for n in (2, 3, 7, 15):
            want = _plain_splits(run, n)
            assert _splits(run, n) == want, (run, n)
            many += want is not None and len(want) > 1
    # C(17, 8) = 24,310 ways over _MAX_SPLITS (20,000), C(17, 7) = 19,448 under it; the listing of
    # "1" * 30 into 10 (10M ways) is asked of `_splits` alone
    assert _splits("1" * 18, 9) is None and _plain_splits("1" * 18, 9) is None
    assert _splits("1" * 18, 8) == _plain_splits("1" * 18, 8) and len(_splits("1" * 18, 8)) == 19448
    assert _splits("1" * 30, 10) is None
    assert many > 1000


def test_digit_run_splits_are_read_from_the_run_shape():
    """`splits` reads a run's splits from its shape (the digits 2–9 as 1, `_NONZERO_AS_ONE`):
    the same spans as `_splits` of the run itself, for every digit run of every corpus text into
    1, 2, 3, 7 and 15 numbers and for generated runs with every digit, full-width and other
    digits, spaces, points, minus signs, count words and units (a change that made `_splits`
    read a digit's value would fail here)."""
    import random

    from corpus import corpus_texts

    from nlp.tables.runs import _NONZERO_AS_ONE, _RUN, _shape_splits, _splits, splits

    runs: set[str] = set()
    for text in corpus_texts():
        runs.update(m.group() for m in _RUN.finditer(text) if 1 <= len(m.group()) <= 12)
    rnd = random.Random(31)
    for _ in range(2000):
        body = "".join(rnd.choice("00123456789 .-－５٣笔") for _ in range(rnd.randint(1, 11)))
        run = body.strip() + rnd.choice(("", "", "元", "万元"))
        if _RUN.fullmatch(run):  # (what a run can be)
            runs.add(run)
    assert len(runs) > 3000
    shared = 0
    _shape_splits.cache_clear()
    for run in sorted(runs):
        shared += run.translate(_NONZERO_AS_ONE) != run
        for n in (1, 2, 3, 7, 15):
            want = _splits(run, n)
            got = splits(run, n)
            assert got == (None if want is None else tuple(map(tuple, want))), (run, n)
    assert shared > 2000
    _shape_splits.cache_clear()


def test_opener_scan_shares_leads_and_reads_words_with_the_stdlib_engine():
    """`_opener_scan` scans the two 第…条…项 titles as one pattern (one leading 第) and each
    opener word (`信\\s*息\\s*内\\s*容`) with the stdlib `re`: the spans of the opener regex's
    `finditer` on made text where every character `regex` reads as `\\s` stands inside each
    word (and those only `re` would read so, U+001C–U+001F, which must end no word), both
    titles, a corner note and an astral digit (every corpus text is compared in
    tests/test_digit_runs.py). The engines must be the ones described."""
    import re as stdlib_re

    import regex as regex_module

    from nlp.scan import REGEX_SPACE, TextGated
    from nlp.tables.runs import _opener_scan, _patterns, table_labels

    opener = _patterns()[1]
    scan = _opener_scan()
    # (a word a seldom character of which most texts lack is asked through `TextGated`)
    engines = [p.rx if isinstance(p, TextGated) else p for p in scan.patterns]
    assert [type(p) for p in engines].count(stdlib_re.Pattern) == len(table_labels()["runs"]["openers"])
    assert sum(p.pattern.startswith("第(?:") for p in engines) == 1
    spaces = REGEX_SPACE + "\x1c\x1d\x1e\x1f"
    made = ["第二十条第（一）项信息内容第二十条第五项（本列数据的勾稽关系为：一＋二）第2十条(六)项",
            "申请人情况行政复议指标名称统计指标第\U0001d7d8条第一项第二十条第\U0001d7d9项"]
    for w in table_labels()["runs"]["openers"]:
        made += [c.join(w) + "，" + w[:2] + c + c + w[2:] for c in spaces]
    made.append("".join(made))
    found = 0
    for text in made:
        want = [m.span() for m in opener.finditer(text)]
        assert scan.spans(text) == want, text
        found += len(want)
    assert found > 100
    assert regex_module.match(r"\s", "\x1c") is None and stdlib_re.match(r"\s", "\x1c")


# --------------------------------------------------------------------------- session 23


def test_spaces_only_means_no_other_white_space_of_either_engine():
    """`scan.spaces_only` rests on every white-space character but the space and the line
    break being unprintable: checked over every code point `regex`'s and `re`'s `\\s` (and
    `str.split`'s) match. A text holding any of them, or a tab, is not `spaces_only`."""
    import sys

    import regex

    from nlp.scan import REGEX_SPACE, spaces_only

    rx, std = regex.compile(r"\s"), re.compile(r"\s")
    spaces = {chr(c) for c in range(sys.maxunicode + 1)
              if rx.match(chr(c)) or std.match(chr(c)) or chr(c).isspace()}
    assert set(REGEX_SPACE) <= spaces
    assert {c for c in spaces if c.isprintable()} == {" "}
    assert spaces_only("一、概述\n二  2021 年 3 项\n")
    for c in spaces - {" ", "\n"}:
        assert not spaces_only(f"甲{c}乙\n丙"), repr(c)


def _lines_of(folded: str) -> list[tuple[int, int]]:
    from nlp.segment.blocks import line_spans

    return line_spans(folded)[0]


def _plain_count_pair_lines(folded: str, lines: list[tuple[int, int]]) -> list[int]:
    """`blocks._count_pair_lines` as it was: `_COUNT_PAIR` itself."""
    from bisect import bisect_right

    from nlp.segment.blocks import _COUNT_PAIR

    starts = [a for a, _ in lines]
    out = []
    m = _COUNT_PAIR.search(folded)
    while m is not None:
        k = bisect_right(starts, m.start()) - 1
        out.append(k)
        m = _COUNT_PAIR.search(folded, lines[k][1])
    return out


def test_count_pair_lines_by_the_spaces_are_the_plain_ones():
    """`_count_pair_lines` finds the lines of two counts by the spaces after a digit in a text
    of `spaces_only`: the same lines as `_COUNT_PAIR` on every corpus text and view, on each
    with its spaces turned into other white space (the plain scan then), and on made-up lines
    (a pair at a text's start and end, across a line break, after a full-width digit)."""
    from nlp.scan import spaces_only
    from nlp.segment.blocks import _count_pair_lines

    texts = [*texts_and_views(),
             "1 2", "甲\n1 2", "1 2\n3", "1\n2 3", "１ 2 x\n0 0\n", "a 1\n  2 3  \n4  5", "1 ", " 1",
             "七 0 0\n\n 8 9"]
    used = 0
    for text in texts:
        for t in (text, text.replace(" ", "\u3000"), text.replace(" ", "\t")):
            lines = _lines_of(t)
            assert _count_pair_lines(t, lines) == _plain_count_pair_lines(t, lines)
            used += spaces_only(t) and bool(_plain_count_pair_lines(t, lines))
    assert used > 100  # (the space-led scan found pairs: the test compares it)


def test_may_hold_text_rows_by_the_spaces_is_the_plain_test():
    """`may_hold_text_rows` looks for a spaced number by its spaces in a text of `spaces_only`:
    the answer of the class scan (`_SPACED_NUMBER`) on every corpus text and view, with their
    spaces as they are and turned into full-width ones, and on made-up texts."""
    from nlp.scan import spaces_only
    from nlp.segment.structure import _SPACED_NUMBER, _spaced_number_in, may_hold_text_rows

    def plain(text: str) -> bool:
        return "|" in text or "\t" in text or _SPACED_NUMBER.search(text) is not None

    answers = set()
    for text in [*texts_and_views(), "甲  1", "甲 1", "甲  \n1", "甲\u3000 1", "  ", "  １"]:
        for t in (text, text.replace(" ", "\u3000")):
            assert may_hold_text_rows(t) == plain(t)
            assert may_hold_text_rows(t, spaces_only(t)) == plain(t)  # (the caller's answer)
            # (`_zones` asks for the spaced number alone where it found no bar or tab)
            assert _spaced_number_in(t, spaces_only(t)) == (_SPACED_NUMBER.search(t) is not None)
            answers.add(plain(t))
    assert answers == {True, False}


def test_row_lines_skip_the_aligned_scan_only_where_it_finds_nothing():
    """`_row_lines` asks `_ALIGNED_NUMBER` only about a line with two spaces in a row or an
    unprintable character: on every other line of the corpus texts (with the spaces turned into
    full-width ones too) it finds nothing."""
    from nlp.segment.structure import _ALIGNED_NUMBER

    skipped = 0
    for text in corpus_texts():
        for t in (text, text.replace(" ", "\u3000")):
            for line in t.splitlines():
                s = line.strip(" \u3000\xa0")
                if "  " not in s and s.isprintable():
                    assert _ALIGNED_NUMBER.search(s) is None
                    skipped += " " in s
    assert skipped > 1000


def test_identity_sums_round_only_values_that_are_not_whole():
    """`runs._rounded` gives back a tuple of whole values unrounded (`round(v, 6)` changes no
    whole float) and rounds any other: the same values, signed zeros and all, as rounding each;
    and every corpus text's digit-run tables are the same cell for cell with the sums of
    `_signed_sums` and `_solve_rows` rounded value by value as before."""
    import math

    from nlp.tables import runs

    values = [0.0, -0.0, 1.0, -7.0, 123456789.0, 2.0 ** 53, 2.0 ** 60 + 2048, 0.5, -2.25,
              96171.6, 1e-7, 0.1 + 0.2, -1234.5678901, 3.0000001]
    for i in range(len(values)):
        for j in range(len(values)):
            t = (values[i], values[j], -values[i] + values[j])
            got, want = runs._rounded(t), tuple(round(v, 6) for v in t)
            assert got == want and [math.copysign(1, v) for v in got] == \
                [math.copysign(1, v) for v in want]

    def tables(text: str) -> list:
        return [[(c.row, c.col, c.text, c.start, c.end, c.note) for c in t.cells]
                for t in runs.run_tables(text, lambda a, b: True)]

    checked = 0
    for text in corpus_texts():
        if not any(w in text for w in ("第二十条", "勾稽关系", "申请人情况", "信息内容")):
            continue
        fast = tables(text)
        plain = runs._rounded
        runs._rounded = lambda t: tuple(round(v, 6) for v in t)
        try:
            assert tables(text) == fast
        finally:
            runs._rounded = plain
        checked += bool(fast)
    assert checked > 20


# --------------------------------------------------------------------------- session 24


def test_view_text_is_the_normalised_view_text():
    """`normalize.view_text` returns a short text without a character `normalize` may act on as
    it is (no view built): `normalize(t).text` for every line and clause of every corpus text
    and view (the titles `classify_title` folds are cut from views), and for made-up texts on
    either side of the length bound and with each kind of character `normalize` acts on."""
    from nlp.normalize import _SHORT_TEXT, _inert, normalize, view_text

    pieces: set[str] = set()
    for text in texts_and_views():
        for line in text.split("\n"):
            pieces.add(line[:_SHORT_TEXT + 5])
            pieces.update(p[:_SHORT_TEXT + 5] for p in re.split(r"[，,；;。！？]", line) if p)
    pieces.update(["", "主动公开政府信息情况", "複議、訴訟情況", "（一）概述", "１２", "甲\u3000乙",
                   "a", "?一、总体情况", "第1页", "&amp;", "甲" * (_SHORT_TEXT - 1),
                   "甲" * _SHORT_TEXT, "甲\n乙", "甲  乙", "**概述**"])
    inert = 0
    for t in pieces:
        assert view_text(t) == normalize(t).text, t
        inert += _inert(t)
    assert inert > 1000 and inert < len(pieces)  # (both ways are compared)


def test_spaced_row_lines_are_the_row_lines_of_a_text_of_spaces():
    """`_zones` finds the row lines of a text of `spaces_only` without a bar or a tab by
    `_spaced_row_lines` (the lines holding two spaces): the lines `_row_lines` gives, and no
    weak line, on every corpus text and view that is such a text, on each with its bars and
    tabs turned into spaces (tables of aligned columns), and on made-up texts."""
    from nlp.scan import spaces_only
    from nlp.segment.structure import _row_lines, _spaced_row_lines

    made_up = ["甲  1  2  3  4", "甲  1  2  3  4\n", "\n  甲  1  2  3  4  \n乙 1 2", "  ", "", "\n\n",
               "项目  本年  上年  增减\n收到  12  3  4\n合计 1 2 3 4\n  总计  5  6  7  8",
               # (cells counted by their gaps: single spaces, long gaps, three and four cells)
               "甲  1 2  3\n甲   1  2    3\n甲 乙  1  2 3  4\n甲  1  2  3 \n 甲1  2  3  4x"]
    compared = rows = 0
    for text in [*texts_and_views(), *made_up]:
        for t in (text, text.replace("|", "  ").replace("\t", "  ")):
            if "|" in t or "\t" in t or not spaces_only(t):
                continue
            tab, weak = _row_lines(t.splitlines(keepends=True))
            assert weak == [] and _spaced_row_lines(t) == tab
            compared += 1
            rows += bool(tab)
    assert compared > 1000 and rows > 50


def test_ones_hold_every_marker_numbered_one():
    """`_heading_end` looks for a deeper marker numbered 1 in a title only where `_ones` finds a
    character: every numeral string and every string of one or two BMP digits that `cn_number`
    reads as 1 holds one (`_MARKER` numbers: 1–3 numerals, 1–2 digits), and each character of
    the class is one of them."""
    from itertools import product

    from nlp.scan import bmp_digits
    from nlp.segment.structure import _CN, _ones, cn_number

    ones = _ones()
    numbers = [*("".join(p) for k in (1, 2, 3) for p in product(_CN, repeat=k)),
               *bmp_digits(), *("".join(p) for p in product("0123456789١٠१०", repeat=2))]
    numbered_one = [n for n in numbers if cn_number(n) == 1]
    assert "一" in numbered_one and "١" in numbered_one and "01" in numbered_one
    for n in numbers:
        if cn_number(n) == 1:
            assert ones.search(n) is not None, n
    for c in bmp_digits():  # (the digits of value 1, and no other)
        assert (ones.search(c) is not None) == (int(c) == 1)
