"""The promises the seventeenth pass's shortcuts in nlp/segment/structure.py rest on, each
compared with the plain way on the corpus texts."""

from __future__ import annotations

import re

from corpus import CORPORA, corpus_texts, normalized_views, texts_and_views


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


def test_line_cut_is_each_line_stripped():
    """`find_structure` takes the lines of a run outside the zones by `str.split`, each stripped
    by `str.strip` and placed by `find` (a line with nothing to strip is the line itself): the
    spans of the stdlib `finditer` of ``\\S(?:[^\\n]*\\S)?`` it replaced (`\\S` of the stdlib
    engine is what `str.isspace` is not, at every code point), on every corpus text, from a
    position inside a line, and on white-space edge cases."""
    line_text = re.compile(r"\S(?:[^\n]*\S)?")
    assert all((re.match(r"\s", chr(c)) is not None) is chr(c).isspace() for c in range(0x110000))

    # (the loop is read out of `find_structure`'s source, from the run's first line to the
    # empty-line test, and run with each line's span collected: the test runs the code itself)
    import inspect
    import textwrap

    from nlp.segment import structure

    source = inspect.getsource(structure.find_structure)
    first = source.index("        j = f0 - 1\n")
    last = source.index("                continue  # (an empty line)\n", first)
    last = source.index("\n", last) + 1
    loop = textwrap.dedent(source[first:last]) + "    out.append((a, b))\n"
    body = textwrap.indent(f"out = []\n{loop}return out\n", "    ")
    space: dict = {}
    exec(f"def cut(nt, f0, f1):\n{body}", space)
    cut = space["cut"]

    cases = [*normalized_views(), " a \n\n\x1c b\x1f\n\u3000c\u2028d \r\n", "\n \n", "", "x", "a\n"]
    lines = 0
    for nt in cases:
        for a, b in ((0, len(nt)), (len(nt) // 3, len(nt) - 5), (7, 7)):
            got = cut(nt, a, max(a, b))
            assert got == [m.span() for m in line_text.finditer(nt, a, max(a, b))], nt[:30]
            lines += len(got)
    assert lines > 10000


def test_join_break_gates_hold_what_every_match_holds():
    """`_join_break` asks three `regex` patterns only where a character every match holds
    stands: a `_UNIT_LINE` match begins with one of `_UNIT_FIRST`, a `_MARKDOWN_LINE` match
    with one of `_MARKDOWN_FIRST`, and a `_PAGE_FIELD` match holds a colon. Read off the
    patterns and checked on every line and position of every corpus text."""
    import regex

    from nlp import normalize as nz
    from nlp.scan import first_chars, required_literals

    assert set(nz._UNIT_FIRST) == {w[0] for w in required_literals(nz._UNIT_LINE)}
    assert nz._UNIT_LINE.pattern.startswith("(?:")
    assert first_chars(nz._MARKDOWN_LINE.pattern).encode().decode("unicode_escape") == "#*"
    assert nz._PAGE_FIELD.pattern.endswith(r"\s*[:：]")
    seen = [0, 0, 0]
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
    # (the corpus's counts: 44,556 / 144 / 675; a pattern that stopped matching, or a check
    # that no longer reached its lines, would fall far below these)
    assert seen[0] > 40000 and seen[1] > 100 and seen[2] > 500, seen


class _Gate:
    """A gate's characters (`c in gate`) that counts the characters it turns away, or (`plain`)
    lets every character through, so that the pattern behind it decides alone."""

    def __init__(self, chars: str | frozenset[str]) -> None:
        self.chars, self.plain, self.turned_away = chars, False, 0

    def __contains__(self, ch: str) -> bool:
        if self.plain:
            return True
        ok = ch in self.chars
        self.turned_away += not ok
        return ok


def test_join_break_gates_change_no_view(monkeypatch):
    """`normalize` with `_join_break`'s character gates gives the view and offsets it gives with
    every gate open (the patterns alone decide), on every corpus text; and each gate turns away
    a meaningful number of calls (a gate that let everything through would turn none away)."""
    from nlp import normalize as nz

    gates = {name: _Gate(getattr(nz, name))
             for name in ("_UNIT_FIRST", "_MARKDOWN_FIRST")}
    for name, gate in gates.items():
        monkeypatch.setattr(nz, name, gate)
    texts = list(corpus_texts())
    gated = [nz.normalize(t) for t in texts]
    for gate in gates.values():
        gate.plain = True
    for text, got in zip(texts, gated, strict=True):
        want = nz.normalize(text)
        assert (got.text, got.index) == (want.text, want.index), text[:40]
    # (the corpus's counts: 3,181 / 2,490)
    turned = {name: gate.turned_away for name, gate in gates.items()}
    assert min(turned.values()) > 1000, turned


def test_markdown_markup_only_where_a_lead_opens_a_line_or_bold_stands(monkeypatch):
    """`normalize` scans for Markdown markup only where `_may_hold_markdown` says it can match
    (`**`, or a `#`/`>` that opens a line after blanks): no `_MARKDOWN_MARKUP` match in a text
    it turns away, on every corpus text and where `(?m)^` might see other line breaks; the
    view and offsets of every corpus text are those of the scan run on every text; and the
    gate turns away most texts (a gate that let everything through would turn none away)."""
    from nlp import normalize as nz

    texts = list(corpus_texts())
    cases = [nz.same_length(t) for t in texts]
    cases += [f"正文{sep}{lead} 标题" for sep in "\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"
              for lead in ("#", ">", "##")]
    cases += ["# 一、概述", " \t> 引文", "正文\n  ## 二、主动公开", "a **粗体** b", "a > b # c"]
    opened = turned_away = 0
    for t in cases:
        if not nz._may_hold_markdown(t):
            assert nz._MARKDOWN_MARKUP.search(t) is None, t[:40]
            turned_away += 1
        else:
            opened += nz._MARKDOWN_MARKUP.search(t) is not None
    # (the corpus's counts: 29 texts with markup, 2,167 of 2,197 turned away)
    assert opened >= 29 + 4 and turned_away > 2000, (opened, turned_away)
    gated = [nz.normalize(t) for t in texts]
    monkeypatch.setattr(nz, "_may_hold_markdown", lambda folded: True)
    for text, got in zip(texts, gated, strict=True):
        want = nz.normalize(text)
        assert (got.text, got.index) == (want.text, want.index), text[:40]


def test_spaced_run_on_the_stdlib_engine_is_the_regex_pattern():
    """`_letter_spaced` looks for three spaced pairs with `_SPACED_RUN_RE` (stdlib `re`, led by
    the space, `regex`'s `\\S` spelled out): the same match as the `regex` pattern from every line
    start of every folded corpus text, and on white space both engines read differently
    (U+001C–U+001F) and beyond the BMP."""
    import regex

    from nlp import normalize as nz

    spaced_run = regex.compile(r"(?<=\S) \S \S \S")  # (what `_letter_spaced` looked for before)
    cases = [nz.same_length(t) for t in corpus_texts()]
    cases += ["全 年 共 公 开", "\x1c 年 共 公", "全 \x1d 共 公 开", "\U00020000 a b c", " a b c",
              "全\u3000年 共 公 开", "a  b c d e"]
    found = 0
    for t in cases:
        for pos in (0, *(i + 1 for i, c in enumerate(t) if c == "\n")):
            m1, m2 = spaced_run.search(t, pos), nz._SPACED_RUN_RE.search(t, pos)
            assert (m1 and m1.span()) == (m2 and m2.span()), (t[pos : pos + 30], pos)
            found += m1 is not None
    assert found > 1000


def test_not_heading_after_is_one_character_past_the_title_start():
    """`find_headings` reads `_NOT_HEADING_AFTER.match(nt, m_end)` as `nt[m_end] in
    _NOT_HEADING_FIRST` once `_title_at(nt, m_end)` holds: no white space can start a title,
    so the pattern's `\\s*` is empty there. Checked at every marker end of every corpus text."""
    from nlp.scan import REGEX_SPACE
    from nlp.segment import structure as st

    assert not any(st._title_at(c + "2019年报告", 0) for c in REGEX_SPACE + "\x1c\x1d\x1e\x1f")
    assert st._NOT_HEADING_AFTER.pattern == rf"{st._WS}*[{st._NOT_HEADING_FIRST}]"
    checked = refused = 0
    for nt in [*normalized_views(), "一、项目\n(二)款\n3.条 (4)目 五是章\n一、 批"]:
        for m in st._MARKER.finditer(nt):
            e = m.end()
            if e < len(nt) and st._title_at(nt, e):
                want = st._NOT_HEADING_AFTER.match(nt, e) is not None
                assert (nt[e] in st._NOT_HEADING_FIRST) is want, nt[m.start() : e + 5]
                checked += 1
                refused += want
    assert checked > 10000 and refused >= 5 + 5, (checked, refused)  # (5 in the corpus)


def test_piece_spans_read_off_the_index_are_the_span_method():
    """`find_structure` reads a paragraph's or a sentence's source span off the view's index
    (`(index[a], index[b - 1] + 1)`) in a view without wide characters: `NormalizedText.span`
    for pieces of 1, 9 and 50 characters from every 7th offset of every fifth corpus view (the
    view `extract_text` segments), and a view with an entity (wide) keeps the
    method (`plain` is false there). Section spans are read so too, and `find_headings` skips
    the zone lookup in a text without zones."""
    import nlp
    from nlp.normalize import normalize
    from nlp.segment.structure import _Zones

    pieces = 0
    for text in [p.read_text(encoding="utf-8", errors="replace")
                 for p in sorted(CORPORA.rglob("*.txt"))[::5]]:
        doc = nlp.extract_text(text).document
        norm = doc.norm
        if norm.wide:
            continue
        idx, nt = norm.index, norm.text
        for a in range(0, len(nt), 7):
            for b in (a + 1, a + 9, a + 50):
                if b <= len(nt):
                    assert (idx[a], idx[b - 1] + 1) == norm.span(a, b), (a, b)
                    pieces += 1
    assert pieces > 100000
    # (`find_headings` skips the zone lookup where there are no zones: an empty `_Zones` holds
    # no offset)
    assert not any(i in _Zones([]) for i in range(-2, 50))
    wide = normalize("公开&ldquo;信息&rdquo;")
    assert wide.wide and wide.span(2, 3) != (wide.index[2], wide.index[2] + 1)


def test_taiwan_words_are_looked_for_only_where_their_key_stands():
    """`same_length` replaces a Taiwan-usage word only in a text holding its key character
    (`_TW_GATES`): each key is a character of its word, and the fold of every corpus text (and
    of texts holding each word) is that of replacing every word unconditionally; most texts
    hold no key."""
    from nlp import normalize as nz

    assert [(tw, cn) for tw, cn, _ in nz._TW_GATES] == list(nz._TW_WORDS)
    assert all(key in tw for tw, _, key in nz._TW_GATES)

    def plain(text: str) -> str:
        out = nz.to_simplified(nz._fold_width(text))
        for tw, cn in nz._TW_WORDS:
            out = out.replace(tw, cn)
        return out

    cases = list(corpus_texts())
    cases += [f"本机关{tw}及{tw}" for tw, _ in nz._TW_WORDS] + ["政府資訊公開與規範性檔案、入口網站"]
    turned_away = 0
    for text in cases:
        assert nz.same_length(text) == plain(text), text[:40]
        folded = nz.to_simplified(nz._fold_width(text))
        turned_away += sum(key not in folded for _, _, key in nz._TW_GATES)
    assert turned_away > 4 * 2000, turned_away  # (of 5 words × 2,197 texts)


def test_marker_candidates_hold_every_marker_start():
    """`_marker_candidates` (the ends and brackets of markers found in the text and read
    backwards) holds every position from the body start on where `_MARKER` matches, on every
    corpus text, from its start and from inside it, and on generated edge cases (white space
    before the end, four digits, a decimal point, full-width and Arabic-Indic digits, a text
    ending in a marker's end); it is sorted, and most candidates are starts."""
    from nlp.scan import bmp_only
    from nlp.segment.structure import _MARKER, _marker_candidates

    edge = ["一 、二\u3000\n.三是十二、 (\t一 )(12)1.5 2021. 3.４、٣、", "（一）概述\n1.", "是",
            "第一、第(二) 12 、第3.十二是"]
    starts = candidates = 0
    for nt in [*normalized_views(), *edge]:
        if not bmp_only(nt):
            continue
        for body in (0, nt.find("\n") + 1, len(nt) // 2):
            got = _marker_candidates(nt, body)
            assert got == sorted(got)
            want = [p for p in range(body, len(nt)) if _MARKER.match(nt, p)]
            assert set(want) <= set(got), (nt[:30], sorted(set(want) - set(got)))
            starts += len(want)
            candidates += len(got)
    assert starts > 3000 and candidates < 1.5 * starts


def test_level_of_reads_the_group_index_as_the_group_name():
    """`_level_of` reads a marker's level and number off its last group's index (`_LEVELS`):
    the same as off the group's name `l<level>` and its group `n<level>`, for every marker
    `_markers` gives (the stdlib scanner's matches) and every `_MARKER` match on every corpus
    text."""
    from nlp.segment.structure import _MARKER, _level_of, _markers

    seen = set()
    for nt in normalized_views():
        for m in [*_markers(nt, 0), *_MARKER.finditer(nt)]:
            lv = m.lastgroup[1]
            assert _level_of(m) == (int(lv), m.group("n" + lv))
            seen.add(int(lv))
    assert seen == {1, 2, 3, 4, 5}


def test_title_like_needs_its_last_two_characters():
    """`_title_line` asks whether a segment ends in one of `_TITLE_LAST` for `_TITLE_LIKE`: every
    part of the pattern before them is optional and a segment is stripped (no line break for
    `$` to stand before), so the pattern finds a match exactly there; checked on every
    stripped line of every corpus text, each of its first 80 characters, and edge cases."""
    from nlp.segment.structure import _TITLE_LAST, _TITLE_LIKE

    titles = 0
    for nt in [*normalized_views(), "年报", "报告\n", "2020年度报告 ", "告", "年度工作报"]:
        for line in nt.split("\n"):
            for seg in {line.strip(), line[:80].strip()}:
                want = _TITLE_LIKE.search(seg) is not None
                assert seg.endswith(_TITLE_LAST) is want, seg
                titles += want
    assert titles > 500


def test_space_runs_led_by_the_blank_where_no_other_space_stands():
    """`normalize` scans a folded text for space runs with `_BLANK_RUN` (runs of " ") where it
    holds none of `_OTHER_SPACES` (the other spaces but those the fold maps, which a folded text
    does not hold): the same runs as `_SPACE_RUN` on every corpus text and on texts holding
    each other space character, folded; most corpus texts take the one-character scan."""
    from nlp.normalize import (
        _BLANK_RUN,
        _OTHER_SPACES,
        _SPACE_RUN,
        _SPACES,
        _TABLE,
        _space_runs,
        same_length,
    )

    assert set(_OTHER_SPACES) | {" "} == set(_SPACES) - set(map(chr, _TABLE))
    texts = [same_length(t) for t in corpus_texts()]
    edge = [same_length(f"一 二{c}三 {c} 4{c}{c}5  六") for c in _SPACES]
    blank = 0
    for text in [*texts, *edge]:
        rx = _space_runs(text)
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in _SPACE_RUN.finditer(text)]
        blank += rx is _BLANK_RUN
    assert blank > 0.9 * len(texts)


def test_tab_row_test_only_in_a_text_with_a_tab(monkeypatch):
    """`_join_break` looks for a tab on the next line only in a text holding one (`tabs`): the
    view and offsets of `normalize` are those it gives with the look made in every text, on
    every corpus text (some of which hold tab rows)."""
    from nlp import normalize as nz

    texts = list(corpus_texts())
    assert sum("\t" in t for t in texts) >= 1
    gated = [nz.normalize(t) for t in texts]
    plain = nz._join_break

    def always(folded, n, i, line, drop, pages=None, tabs=True):
        return plain(folded, n, i, line, drop, pages, True)

    monkeypatch.setattr(nz, "_join_break", always)
    for text, got in zip(texts, gated, strict=True):
        want = nz.normalize(text)
        assert (got.text, got.index) == (want.text, want.index), text[:40]


def test_row_lines_by_bars_first_are_the_plain_ones():
    """`_row_lines` turns a bar or tab line into a row before it asks whether the line is weak or
    aligned (neither can change its answer): the rows and weak lines of the plain loop, which
    asks everything of every line, on every corpus text and view (with their spaces as they are
    and turned into full-width ones, their bars into tabs) and on made-up texts."""
    from nlp.segment.blocks import cell_sized
    from nlp.segment.structure import _ALIGNED_CELL, _ALIGNED_NUMBER, _TAB_CELL, _row_lines

    def plain(lines: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        tab, weak_out, pos, prev_bar, cells = [], [], 0, False, []
        for line in lines:
            content = line.rstrip("\r\n")
            cells.append((pos, pos + len(content), content.strip(" \u3000\xa0")))
            pos += len(line)
        for i, (a, b, s) in enumerate(cells):
            if not s:
                continue
            tabular = ("\t" in s and bool(_TAB_CELL.search(s))) or (
                "|" in s and (s.count("|") >= 2 or s.startswith("|") or s.endswith("|")))
            nxt = cells[i + 1][2] if i + 1 < len(cells) else ""
            weak = not tabular and (prev_bar or nxt == "|" or (
                not nxt and i + 2 < len(cells) and cells[i + 2][2] == "|")) and cell_sized(s)
            if not tabular and _ALIGNED_NUMBER.search(s) and len(_ALIGNED_CELL.findall(s)) >= 4:
                tabular = True
            prev_bar = s == "|" or s.endswith("|")
            if tabular:
                tab.append((a, b))
            elif weak:
                weak_out.append((a, b))
        return tab, weak_out

    made_up = ["|\n甲\n|", "| 甲 | 1 |\n项目\n\n|\n乙|\n短\n|丙\n\t甲\t1\n甲\t", "甲 | 乙\n1\n||\n2",
               "a\tb\n|\n\n|\n甲  1  2  3  4\n|", "甲|\n乙\r\n\r\n|\r\n丙", "|"]
    weak = rows = 0
    for text in [*texts_and_views(), *made_up]:
        for t in (text, text.replace(" ", "\u3000"), text.replace("|", "\t")):
            lines = t.splitlines(keepends=True)
            got = _row_lines(lines)
            assert got == plain(lines), t[:40]
            rows += bool(got[0])
            weak += bool(got[1])
    assert rows > 100 and weak > 5


def test_held_chars_are_all_a_match_reads():
    """`scan.held_chars`: None for a pattern with a zero-width item or a class it cannot spell
    out; else every match holds only those characters, and the match at a position is the
    match on the stretch up to the first other character cut out (what `_keyed_prefix` caches
    by), checked for every keyed canonical pattern after each 、 . ) 是 of every corpus text."""
    import regex

    from nlp.scan import bmp_only, held_chars
    from nlp.segment.structure import _canonical_patterns, _keyed

    for src in (r"a$", r"(?<=x)a", r"\ba", r"a(?=b)", r"[^a]b", r"\p{Han}", r"\w+"):
        assert held_chars(regex.compile(src)) is None, src
    assert held_chars(regex.compile(r"ab*(?:[cd]|e)\d")) == (frozenset("abcde"), True)
    assert held_chars(regex.compile(r"(a|b)+")) == (frozenset("ab"), False)
    pats, _ = _canonical_patterns(False)
    keyed = _keyed()
    live = {i for ps in (*keyed.by_first.values(), keyed.any_first) for i, *_ in ps}
    assert len(keyed.keyed) > 25 and len(live) < 5
    tried = 0
    for nt in normalized_views():
        if not bmp_only(nt):
            continue
        for m in re.finditer(r"[、.)是]", nt):
            pos = m.end()
            q = keyed.stop.search(nt, pos)
            stretch = nt[pos : q.start() if q is not None else len(nt)]
            for i in keyed.keyed:
                got = pats[i].match(nt, pos)
                cut = pats[i].match(stretch)
                assert (got and got.end() - pos) == (cut and cut.end()), (nt[pos : pos + 20], i)
                tried += got is not None
    assert tried > 1000


def test_to_norm_spans_are_to_norm_of_each_end():
    """`NormalizedText.to_norm_spans` (the index read by `bisect_right`, or the spans themselves where the view
    is as long as its source) gives `to_norm` of both ends of every span of a source's lines and
    of its whole, on every corpus text and its view normalised again."""
    from nlp.normalize import normalize

    same = 0
    for text in texts_and_views():
        norm = normalize(text)
        spans, pos = [(0, len(text))], 0
        for line in text.splitlines(keepends=True):
            spans += [(pos, pos + len(line)), (pos + 1, pos + len(line.rstrip()))]
            pos += len(line)
        want = [(norm.to_norm(a), norm.to_norm(b)) for a, b in spans]
        assert norm.to_norm_spans(spans) == want
        same += len(norm.text) == len(text)
    assert 0 < same < len(texts_and_views())


def test_blank_runs_dropped_by_one_scan_as_by_the_loop():
    """`_dropped_blanks` (one stdlib scan, `_blank_drops`) drops the runs of " " that
    `_drops_run` drops, run by run: with every BMP code point before and after a run, next to
    Han, digits (ASCII, full-width, circled, superscript), %, letters, a line break, a carriage
    return and characters beyond the BMP (Han and not), at the text's ends, and on every corpus
    text, folded, whose only space is " "."""
    from nlp.normalize import _BLANK_RUN, _dropped_blanks, _drops_run, _space_runs, same_length

    def plain(text: str) -> list[tuple[int, int]]:
        n, none = len(text), frozenset()
        return [m.span() for m in _BLANK_RUN.finditer(text) if _drops_run(text, n, *m.span(), none, none)]

    others = "一1０①²%a\n\r\U00020000\U0001f600"
    pieces = []
    for cp in [*range(0xD800), *range(0xE000, 0x10000)]:
        c = chr(cp)
        pieces += [f"{c} {r}" for r in others] + [f"{r}  {c}" for r in others]
    text = "|".join(pieces)
    want = plain(text)
    assert _dropped_blanks(text) == want and len(want) > 500_000
    for t in [" 一", "一 ", " ", "一 1", "1 1", "1 ①", "① 一", "\U00020000 1", "1 \U00020000", "a \U0001f600"]:
        assert _dropped_blanks(t) == plain(t), t
    texts = [f for f in map(same_length, corpus_texts()) if " " in f and _space_runs(f) is _BLANK_RUN]
    assert len(texts) > 1000
    for t in texts:
        assert _dropped_blanks(t) == plain(t)


def test_a_letter_is_a_word_character():
    """`find_structure` asks `str.isalpha` of a piece's first character before `_is_word`: every
    code point `str.isalpha` calls a letter, `_WORD` matches (else a piece opening with one
    would be taken without the test). Digits are not letters and go on to `_is_word`."""
    from nlp.segment.structure import _WORD, _is_word

    letters = [chr(i) for i in range(0x110000) if chr(i).isalpha()]
    assert len(letters) > 100000
    assert all(_WORD.match(c) is not None for c in letters)
    assert not "1".isalpha() and _is_word("1") and not "（".isalpha() and not _is_word("（")
