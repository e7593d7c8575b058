"""The shortcuts of the text-table, table and link stages (session 17) compared with the plain way
on the corpus texts and on generated text."""

from __future__ import annotations

from benchmarks.bench_extract import texts


def test_misprint_heads_turn_down_only_positions_where_the_fuzzy_regex_finds_nothing():
    """`_scan_header` asks the misprinted-word regex (`{s<=1}`) only where the position holds a
    long word's first two characters, its second and third, or its first and third stand there
    (`_misprint_heads`: one substitution leaves one pair in place). Every word with each of its
    characters misprinted matches and passes the gate; at every start of every corpus text
    where the gate turns the position down, the regex finds nothing."""
    from nlp.tables.runs import _long_keys, _misprint_heads, _patterns

    misprint = _patterns()[3]
    one_two, two_three, one_three = _misprint_heads()

    def gate(s: str, j: int) -> bool:  # (as `_scan_header` asks it)
        return s[j:j + 2] in one_two or s[j + 1:j + 3] in two_three or \
            s[j:j + 1] + s[j + 2:j + 3] in one_three

    keys = _long_keys()
    assert len(keys) > 10
    for k in keys:
        for i in range(len(k)):
            typo = k[:i] + "〇" + k[i + 1:]
            assert misprint.match(typo) is not None and gate(typo, 0), typo
    matched = 0  # (every start where the regex finds something: the gate must let it through)
    for text in texts()[::3]:
        for m in misprint.finditer(text, overlapped=True):
            assert gate(text, m.start()), text[m.start():m.end()]
            matched += 1
    assert matched > 200


def test_reason_patterns_begin_only_where_claim_after_asks_them():
    """`claim_after` asks the two reason patterns only where the count is followed by white
    space (`scan.REGEX_SPACE`) or one of `_REASON_OPENERS`: every match of either, at any start
    of every corpus text (raw and normalised), begins there; and the gate changes no answer of
    `claim_after` on the corpus claims."""
    from corpus import texts_and_views

    from nlp import link
    from nlp.pipeline import extract_text
    from nlp.scan import REGEX_SPACE

    seen = 0
    for s in texts_and_views():
        for rx in (link._REASON_AFTER, link._BRACKETED_REASON):
            for m in rx.finditer(s, overlapped=True):
                assert s[m.start()] in link._REASON_OPENERS + REGEX_SPACE, m.group()
                seen += 1
    assert seen > 100

    def plain(text, claim, limit=15):  # the function without the gate
        if claim.kind == "zero":
            return ""
        reason = link._REASON_AFTER.match(text, claim.end) or \
            link._BRACKETED_REASON.match(text, claim.end)
        if reason is not None and not link._OWN_COUNT.search(reason.group(1)):
            return link.NEXT_COUNT.split(reason.group(1), maxsplit=1)[0]
        if text[claim.end:claim.end + 1] in link._BREAK_CHARS:
            return ""
        return link._words_after(text, claim.end, limit)

    reasons = 0
    for text in texts()[::2]:
        report = extract_text(text)
        nt = report.document.norm.text
        for c in report.claims:
            for s, claim in ((text, c), (nt, link._At(report.document.norm.to_norm(c.start),
                                                      report.document.norm.to_norm(c.end),
                                                      c.kind))):
                want = plain(s, claim)
                assert link.claim_after(s, claim) == want
                reasons += bool(link._REASON_AFTER.match(s, claim.end))
    assert reasons > 10


def test_table_cell_fields_are_in_the_order_the_text_readers_pass_them():
    """`blocks._make_table` and the digit-run reader build each `TableCell` positionally: a new
    or moved field must be placed there too."""
    from dataclasses import fields

    from nlp.records import TableCell

    assert [f.name for f in fields(TableCell)] == [
        "row", "col", "text", "rowspan", "colspan", "start", "end", "note"]
    # (they pass 1, 1 for the spans: a text table's cells are never merged)
    assert [f.default for f in fields(TableCell)][3:5] == [1, 1]


def test_part_scope_turns_down_sentences_without_a_since_word_as_the_pattern_does():
    """`part_scope` looks for the `since` scope only in a sentence holding one of the strings
    every match of it holds (`_since_needs`, read off the pattern): on every clause and sentence
    of the corpus texts the answer is the one of the function without that test, and the strings
    are not empty (so the test turns sentences down)."""
    from corpus import clause_pieces

    from nlp import link

    assert link._since_needs() and all(link._since_needs())
    since = link._scope()["since"]
    pieces = sorted(clause_pieces())
    turned_down = found = 0
    for s in pieces:
        gated = link.part_scope(s, s)
        # the function's last step, ungated (the steps before it are unchanged)
        restart = list(link._SCOPE_RESTART.finditer(s))
        plain_since = since.search(s, restart[-1].end() if restart else 0) is not None
        if not any(w in s for w in link._since_needs()):
            turned_down += 1
            assert not plain_since, s
        if gated != "level":
            assert (gated == "since") == plain_since, s
            found += plain_since
    assert turned_down > 1000 and found > 5


def test_map_table_skips_only_layouts_that_cannot_win(monkeypatch):
    """`map_table` does not run a mapper whose best possible score (every slot placed, its hint
    words, its template) cannot beat the best so far. The promise: every mapper gives each slot
    of the rows exactly one assignment. Checked on every table of every corpus text, with the
    answer (kind, assignments, and the winner's notes) compared with running every mapper."""
    from nlp.pipeline import extract_text
    from nlp.tables import mapping
    from nlp.tables.labels import label_key
    from nlp.tables.layout import logical_rows
    from nlp.tables.values import parse_value

    def plain(rows, header_words, template):  # every mapper run, the best kept
        best = (0.0, None, [])
        for kind, mapper in mapping.MAPPERS.items():
            assigned = mapper(rows)
            assert len(assigned) == sum(len(lr.slots) for lr in rows)  # one a slot
            assert [s for _, s, _ in assigned] == [s for lr in rows for s in lr.slots]
            score = float(sum(1 for _, _, ind in assigned if ind))
            if not score:
                continue
            score += 3 * sum(1 for w in mapping._HINTS.get(kind, ())
                             if label_key(w) in header_words)
            if template and template in mapping._TEMPLATE_OF[kind]:
                score += 0.5
            if score > best[0]:
                best = (score, kind, assigned)
        if best[1] is None:
            kind = "local" if any(label_key(w) in header_words
                                  for w in mapping._HINTS["local"]) else None
            return kind, [(lr, s, None) for lr in rows for s in lr.slots]
        return best[1], best[2]

    def seen(rows, kind, assigned):
        return kind, [(lr.row, s.col, ind) for lr, s, ind in assigned], \
            [lr.notes.get(kind or "") for lr in rows]

    calls = {"n": 0}
    for kind, mapper in list(mapping.MAPPERS.items()):
        def counted(rows, mapper=mapper):
            calls["n"] += 1
            return mapper(rows)
        monkeypatch.setitem(mapping.MAPPERS, kind, counted)
    tables = 0
    run = 0
    for text in texts():
        doc = extract_text(text).document
        for table in doc.tables:
            header_words = {label_key(c.text) for c in table.cells if parse_value(c.text) is None}
            rows_a, rows_b = logical_rows(table), logical_rows(table)
            if not rows_a:
                continue
            before = calls["n"]
            got = mapping.map_table(rows_a, header_words, doc.template)
            run += calls["n"] - before
            want = plain(rows_b, header_words, doc.template)
            assert seen(rows_a, *got) == seen(rows_b, *want)
            tables += 1
    assert tables > 300 and run < 0.6 * tables * len(mapping.MAPPERS)  # (most layouts skipped)


def test_clause_before_is_the_clause_back_search_from_the_text_start():
    """`narrative._clause_before(text, end)` searches `_CLAUSE_BACK` only from after the last stop
    before `end - 1`: the same clause as the search from 0, at the start of every line, right
    after every line break (where `$` holds before the final break), after a stop and at the
    end of every corpus text (raw and normalised), and on generated text of stops and words."""
    import random

    from corpus import texts_and_views

    from nlp.check.narrative import _CLAUSE_BACK, _clause_before

    def plain(t: str, e: int) -> str:
        return _CLAUSE_BACK.search(t, 0, e).group()

    checked = before_break = 0
    for t in texts_and_views()[::3]:
        lf = t.find("\n", len(t) // 2)
        stop = t.find("，", len(t) // 3)
        for e in {len(t), lf, lf + 1, stop + 1, stop + 2, len(t) // 4}:
            if 0 <= e <= len(t):
                assert _clause_before(t, e) == plain(t, e), (e, t[max(0, e - 40):e])
                checked += 1
                before_break += e > 0 and t[e - 1] == "\n"
    assert checked > 3000 and before_break > 300
    rng = random.Random(18)
    for _ in range(20000):
        t = "".join(rng.choice("ab，。\n!x") for _ in range(rng.randint(0, 12)))
        e = rng.randint(0, len(t))
        assert _clause_before(t, e) == plain(t, e), (t, e)


def test_header_words_cut_by_first_character_match_as_the_whole_regex():
    """`_scan_header` asks, at a start, only the branches of the header-word regex that can begin
    with the character there (`_header_by_first`). At every start of every corpus text where the
    whole regex matches, a cut is kept for the character there; and at every start holding a
    cut's character, the cut and the whole regex give the same match or both none."""
    from nlp.scan import find_all
    from nlp.tables.runs import _header_by_first, _patterns

    header = _patterns()[0]
    cut = _header_by_first()
    assert cut is not None and len(cut) > 20
    found = asked = 0
    for text in texts():
        for m in header.finditer(text, overlapped=True):
            assert text[m.start()] in cut, m.group()
        for ch, sub in cut.items():
            for p in find_all(text, ch):
                got, whole = sub.match(text, p), header.match(text, p)
                assert (got and got.span()) == (whole and whole.span()), text[p:p + 20]
                found += whole is not None
                asked += 1
    assert found > 10000 and asked > 2 * found


def test_first_character_gates_turn_down_only_lines_the_patterns_do_not_match():
    """The text-table readers ask four patterns only where a cheap test passes: the one-cell
    table opener (`_LINE_TABLE_START`), `layout.NUMBERED` in `_stream_rows`, the pipe that opens
    a cell (`_LEAD_PIPE`) where the first character but white space is one a match begins with,
    and the Markdown rule (`_MD_RULE`) where `---` stands. On every line of every corpus text,
    raw and folded, and on made-up lines, each pattern matches only where its gate passes."""
    from nlp.normalize import same_length
    from nlp.scan import REGEX_SPACE
    from nlp.segment import blocks as B
    from nlp.tables.layout import NUMBERED

    assert B._LINE_TABLE_FIRSTS >= {"第", "信", "申", "（", "(", "统", "指", "行"}

    def check(line: str) -> int:
        first = line.lstrip(REGEX_SPACE)[:1]
        hits = 0
        if B._LINE_TABLE_START.match(line):
            assert first in B._LINE_TABLE_FIRSTS, line
            hits += 1
        if NUMBERED.match(line):
            assert B._may_be_numbered(line), line
            hits += 1
        if B._LEAD_PIPE.match(line):
            assert first in B._PIPES, line
            hits += 1
        if B._MD_RULE.fullmatch(line):
            assert "---" in line, line
            hits += 1
        return hits

    made = ["　（一）予以公开", " \t１.其中", "\u3000第二十条第（一）项", "  | 规章", " :---: ", "٣. 其他",
            "\U0001d7d8、", "一、", "（二）", "12、", "其中：", "行政复议 |", "  信息内容"]
    assert all(check(s) for s in made)
    hits = 0
    for text in texts():
        for s in (text, same_length(text)):
            for line in s.split("\n"):
                hits += check(line)
    assert hits > 5000


def test_values_of_a_run_of_plain_digits_are_the_plain_values():
    """`runs._values` reads a run of ASCII digits by `float` alone: the values `_value` gives
    each part, for every split of made-up runs (and the same error for an empty part); and
    `_adds_up`'s loop answers as the generator it replaced."""
    import random

    import pytest

    from nlp.tables.runs import _adds_up, _value, _values, splits

    rng = random.Random(7)
    seen = 0
    for _ in range(400):
        run = "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 9)))
        n = rng.randint(2, min(4, len(run)))
        for cut in splits(run, n) or ():
            spans = [list(c) for c in cut]
            want = tuple(_value(run[a:b]) for a, b in spans)
            assert _values(run, spans) == want
            totals = [(n - 1, tuple(range(n - 1)))]
            assert _adds_up(run, spans, totals) == all(
                abs(want[t] - sum(want[i] for i in parts)) < 1e-6 for t, parts in totals)
            seen += 1
    assert seen > 300
    with pytest.raises(ValueError):
        _value("")
    with pytest.raises(ValueError):
        _values("123", [(0, 0)])


def test_last_where_is_the_largest_index_that_passes():
    """`_stream_rows` finds a run's last header word by `_last_where` (from the end, asking no
    word before it) where it took the `max` of every index that passes."""
    import random

    from nlp.segment.blocks import _last_where

    rng = random.Random(3)
    for _ in range(500):
        items = [rng.random() < 0.3 for _ in range(rng.randint(0, 12))]
        asked: list[int] = []

        def test(x: bool, asked: list[int] = asked) -> bool:
            asked.append(1)
            return x

        want = max((p for p, x in enumerate(items) if x), default=-1)
        assert _last_where(items, test) == want
        assert len(asked) == len(items) - want if want >= 0 else len(asked) == len(items)


def test_digit_and_space_runs_by_the_stdlib_engine_match_as_regex():
    """`runs._scan_label` and `_parse_region` read digit runs (`_digit_run`) and white space
    (`_WS_RUN`) by the stdlib engine: at every digit and every white-space character of every
    corpus text, and of made-up texts with digits outside the BMP (where the engines' `\\d` may
    differ), the same match as `regex`'s `_DIGITS` and `_WS`."""
    from nlp.tables import runs as R

    made = ["12\U00011f503年", "\U00011f5012 件", "٣٤5　 \u2003年", "7\U0001d7d8", "0\n\n1"]
    seen = 0
    for t in [*made, *texts()]:
        for j, ch in enumerate(t):
            if ch.isdigit() or ch > "\uffff":
                a, b = R._digit_run(t, j), R._DIGITS.match(t, j)
                assert (a and a.span()) == (b and b.span()), t[j:j + 10]
                seen += 1
            if ch in R._WS_CHARS or ch.isspace():
                assert R._WS_RUN.match(t, j).span() == R._WS.match(t, j).span()
    assert seen > 100000


def test_line_spans_reads_double_spacing_as_the_plain_comprehensions():
    """`line_spans` reads which lines are blank with `str.strip` mapped in C (asking
    `_empty_cell_line` only of a text holding U+3000 or U+00A0), which are plain without a pipe
    test where the text has no pipe or tab, and which plain lines a blank one follows by one
    lookup list: the same spans and the same answer as the plain comprehensions, on every
    corpus text and on made-up ones."""
    from nlp.segment import blocks as B

    def plain_way(text):
        lines = text.split("\n")
        spans, pos = [], 0
        for line in lines:
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        if len(B._BLANK_LINE.findall(text)) < B._MIN_BLANK_SHARE * len(lines):
            return spans, False
        blank = [not line.strip() and not B._empty_cell_line(line) for line in lines]
        plain = [k for k, line in enumerate(lines) if not blank[k] and not (
            ("|" in line or "｜" in line or "\t" in line) and B._ROW_MARK.search(line))]
        if len(plain) < 8:
            return spans, False
        followed = sum(1 for k in plain if k + 1 < len(lines) and blank[k + 1])
        if followed < B._DOUBLE_SPACED * len(plain):
            return spans, False
        got = B.line_spans(text)  # (the reading of a double-spaced text is unchanged)
        assert got[1]
        return got

    made = ["a\n\nb\n\n" * 10, "a\n\u3000\nb\n\n" * 10, "a | b\n\nc\n\n" * 12, "x\n \xa0 \n" * 20,
            "\n\n\na\n\n" * 9 + "z", "规章\t0\n\n" * 9, "a\n\n" * 7 + "b"]
    double = 0
    for text in [*made, *texts()]:
        assert B.line_spans(text) == plain_way(text)
        double += B.line_spans(text)[1]
    assert double > 100


def test_glossed_searched_from_each_brackets_first_place_answers_as_the_patterns():
    """`may_gloss` searches each gloss pattern from its bracket's first place (`str.find`): the
    answer of the two patterns searched over the whole span, on every corpus text, raw and
    folded, whole and in parts, and on made-up glosses."""
    import re

    from nlp.normalize import TONED, may_gloss, same_length

    plain = tuple(re.compile(rf"{b}(?=[a-zü]{{0,6}}[{TONED}])") for b in (r"\(", "（"))

    def want(s, a=0, b=None):
        end = len(s) if b is None else b
        return any(p.search(s, a, end) is not None for p in plain)

    made = ["信息內(nèi)容", "內（nèi）容", "(abc) 內(nèi", "（）(", "內(nèi)", "ab(", ""]
    found = 0
    for text in [*made, *texts()]:
        for s in (text, same_length(text)):
            n = len(s)
            for a, b in ((0, None), (0, n // 2), (n // 3, n), (n // 4, 3 * n // 4), (1, 8)):
                assert may_gloss(s, a, b) == want(s, a, b), s[:40]
            found += want(s)
    assert found > 50


def test_row_cuts_by_str_methods_and_the_stdlib_engine_are_regexs():
    """`_raw_cells` cuts a pipe row by `str.replace` and `str.split` where it called `regex`'s
    split at `[|｜]`, and a row of white-space gaps by `_WS_SPLIT` on the stdlib engine (literal
    characters: the same pattern to both engines): the same parts on every line of every corpus
    text, raw and folded, and on made-up rows."""
    import regex

    from nlp.normalize import same_length
    from nlp.segment.blocks import _WS_SPLIT

    pipe = regex.compile(r"[|｜]")
    gaps = regex.compile(_WS_SPLIT.pattern)
    made = ["|a｜b||", "｜", "规章 | 0 ｜ 1", "a　　b  c\xa0\xa0d \xa0e", "　", "  x  "]
    lines = 0
    for text in [*made, *texts()]:
        for s in (text, same_length(text)):
            for line in s.split("\n"):
                assert line.replace("｜", "|").split("|") == pipe.split(line)
                assert _WS_SPLIT.split(line.strip()) == gaps.split(line.strip())
                lines += 1
    assert lines > 50000


def test_lines_of_a_text_without_a_gloss_start_are_read_without_asking_each():
    """`find_text_tables` tells `_opens_table` that no line holds a pinyin gloss's start where
    the whole folded text holds none (`may_gloss`: a bracket and a lookahead, so a start found
    in a line is found in the text). On every line of every corpus text (and of made-up
    mirrors' lines) a line's start implies the text's, and where the text has none the answer
    without the per-line look is the answer with it."""
    from nlp.normalize import may_gloss
    from nlp.records import Document
    from nlp.segment.blocks import _opens_table, line_spans

    made = ["信息內(nèi)容\n规章\n0\n1", "申請(qǐng)人情況\n(nà)", "(abc) 內(nèi\n信息内容"]
    lines_seen = skipped = glossed_lines = 0
    for text in [*made, *texts()]:
        doc = Document(doc_id="t", path=None, format="text", text=text)
        folded = doc.norm.folded
        whole = may_gloss(folded)
        free = len(doc.norm.text) < len(text) and not whole  # (find_text_tables' test)
        for a, b in line_spans(text)[0]:
            lines_seen += 1
            if may_gloss(folded[a:b]):
                glossed_lines += 1
                assert whole, folded[a:b]
            if free:
                skipped += 1
                assert _opens_table(folded, a, b, False) == _opens_table(folded, a, b), folded[a:b]
    assert lines_seen > 30000 and skipped > 20000 and glossed_lines > 100


def test_glossed_lines_unglossed_only_where_they_hold_an_opener_words_characters():
    """`_table_lines` leaves a glossed line's glosses out (`unglossed`, the costly step) only
    where the line holds every character of an opener word (`_holds_letters_of_any`): on every
    line with a gloss start of every corpus text, raw and folded, and of made-up mirrors' lines,
    a line the test turns down holds no opener word once unglossed."""
    from nlp.normalize import may_gloss, same_length, unglossed
    from nlp.segment.blocks import _OPENER_WORDS, _holds_letters_of_any

    made = ["信息內(nèi)容", "申(shēn)請(qǐng)人情況", "行(xíng)政复(fù)議(yì)", "信息(xī)内", "第(dì)二十條"]
    glossed = kept = found = 0
    for text in [*made, *texts()]:
        for s in (text, same_length(text)):
            for line in s.split("\n"):
                if not may_gloss(line):
                    continue
                glossed += 1
                holds = any(w in unglossed(line) for w in _OPENER_WORDS)
                found += holds
                if _holds_letters_of_any(line, _OPENER_WORDS):
                    kept += 1
                else:
                    assert not holds, line
    assert _holds_letters_of_any("容内息信", ("信息内容",)) and not _holds_letters_of_any("信息内", ("信息内容",))
    assert glossed > 1000 and found > 50 and kept < glossed


def test_stream_cells_of_plain_digits_join_no_header_word(monkeypatch):
    """`_stream_rows` asks whether two cells are one header word split by a line break (the key
    of both together a word, neither one's alone) only where the second is not plain ASCII
    digits (no word of the vocabulary holds a digit, so `label_key(a + digits)` is no word where
    `label_key(a)` is none). On every cell stream of every corpus text (and made-up ones whose
    first cell ends in a numbering mark or an open note), the pairs it skips join no word, and
    the rows are those of the plain way (every pair asked)."""
    from itertools import pairwise

    from nlp.records import Document
    from nlp.segment import blocks
    from nlp.tables.labels import label_key

    words = blocks._stream_words()
    assert words.digit_free and words.vocab
    streams: list[tuple[str, list[tuple[int, int]]]] = []
    plain_rows = blocks._stream_rows

    def record(text: str, toks: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
        streams.append((text, list(toks)))
        return plain_rows(text, toks)

    monkeypatch.setattr(blocks, "_stream_rows", record)
    for text in texts():
        blocks.find_text_tables(Document(doc_id="t", path=None, format="text", text=text))
    monkeypatch.undo()
    made = ["商业\n1.\n2\n企业\n0", "规章（\n0\n科研\n机构\n3", "其中：\n1\n法人或其他组织（注\n12"]
    for m in made:
        streams.append((m, [(k, k + len(line)) for k, line in zip(
            [i for i, c in enumerate("\n" + m) if c == "\n"], m.split("\n"), strict=True)]))
    skipped = 0
    for text, toks in streams:
        for (a, b), (c, d) in pairwise(toks):
            second = text[c:d]
            if second.isdigit() and second.isascii():
                skipped += 1
                first = text[a:b]
                assert not (label_key(first + second) in words.vocab
                            and label_key(first) not in words.vocab
                            and label_key(second) not in words.vocab), (first, second)
    assert len(streams) > 100 and skipped > 2000
    plain = words._replace(digit_free=False)
    for text, toks in streams:
        fast = blocks._stream_rows(text, toks)
        monkeypatch.setattr(blocks, "_stream_words", lambda: plain)
        assert blocks._stream_rows(text, toks) == fast, text[toks[0][0]:toks[-1][1]][:80]
        monkeypatch.undo()


def _plain_parse_value(text):
    """`values.parse_value` as it was before its gates: every pattern asked of every cell."""
    from nlp.normalize import same_length
    from nlp.tables import values as v

    s = same_length(text or "").strip()
    if v._SPACED_NUMBERS.fullmatch(s) and not v._THOUSANDS.fullmatch(s):
        return None
    s = v._SPACES.sub("", s)
    if s in v.NULL_MARKS:
        return v.Value(None, None, "")
    s = s.replace("，", ",").replace("−", "-")
    pair = v._CHANGE_PAIR.fullmatch(s)
    if pair is not None:
        return v.Value(float(int(pair[1]) - int(pair[2])), None, "增/减")
    m = v._VALUE.match(s)
    if not m:
        return None
    num = float(m["num"].replace(",", ""))
    if m["sign"] in ("-", "减", "减少"):
        num = -num
    return v.Value(num, m["unit"], m["note"] or "")


def test_parse_value_gates_give_what_every_pattern_gives():
    """`parse_value` asks the spaced-number patterns only of a cell `str.split` cuts, the change
    pair only of a cell with a slash, and `_VALUE` only of a cell that starts with a digit or a
    sign's first character (`_VALUE_FIRSTS`). The same answers as the plain way for every
    code point of the Basic Multilingual Plane alone, before and after a digit and between
    spaced digits, and for every line, and every cell of every line, of every corpus text."""
    import regex

    from nlp.tables.values import _VALUE, _VALUE_FIRSTS, parse_value

    plain_value = parse_value.__wrapped__
    sign = regex.search(r"\(\?P<sign>(.*?)\)\?", _VALUE.pattern).group(1)
    assert {m[0] for m in regex.finditer(r"\[\+\\-±\]|[^|\[\]]+", sign)} == {
        "[+\\-±]", "增加", "新增", "增", "减少", "减"}
    assert set(_VALUE_FIRSTS) == {"+", "-", "±", "增", "新", "减"}
    digit = regex.compile(r"\d")
    for code in range(0x10000):
        c = chr(code)
        assert (digit.match(c) is not None) == c.isdecimal(), hex(code)
        for s in (c, c + "1", "1" + c, "1" + c + "2" + c + "3", c + "1/2", "增" + c + "1"):
            assert plain_value(s) == _plain_parse_value(s), (hex(code), s)
    assert _agree_on_corpus_cells(plain_value, _plain_parse_value) > 50000


def _corpus_cells():
    """Every line of every corpus text, and the cells a split at bars, tabs or runs of two or
    more spaces cuts it into (each distinct piece of a line once)."""
    import regex

    for text in texts():
        for line in text.splitlines():
            yield from {line, *regex.split(r"[|｜\t]|\s{2,}", line)}


def _agree_on_corpus_cells(fast, plain) -> int:
    """Asserts `fast` and `plain` give the same answer for every `_corpus_cells` piece; how many."""
    cells = 0
    for s in _corpus_cells():
        assert fast(s) == plain(s), s
        cells += 1
    return cells


def _plain_label_key(text):
    """`labels.label_key` as it was before its gates: every pattern asked of every label."""
    from nlp.normalize import same_length
    from nlp.tables import labels as lb

    s = same_length(text or "").strip()
    for _ in range(3):
        new = lb._NUMBERING.sub("", s, count=1)
        if new == s:
            break
        s = new
    prev = None
    while prev != s:
        prev = s
        s = lb._BRACKETED.sub("", s)
    cut = lb._OPEN_NOTE.sub("", s)
    s = cut if len(cut) >= 2 else s
    s = lb._DROP.sub("", s)
    return s.replace("合计", "总计").replace("其它", "其他").replace("\\", "/")


def test_label_key_gates_give_what_every_pattern_gives():
    """`label_key` asks `_NUMBERING` only of a label that starts with one of its first
    characters (`_NUMBERING_FIRSTS`, a digit), and the bracket patterns only of a label holding
    a bracket they start with: the sets are those the patterns' parse gives (`scan.first_chars`)
    on every code point of the Basic Multilingual Plane, and the keys are those of the plain way
    for every code point alone and in numbered and bracketed labels, and for every line and cell
    of every corpus text."""
    import regex

    from nlp.scan import first_char_list, first_chars
    from nlp.tables import labels as lb

    key = lb.label_key.__wrapped__
    firsts = regex.compile(f"[{first_chars(lb._NUMBERING.pattern)}]")
    for code in range(0x10000):
        c = chr(code)
        assert (firsts.match(c) is not None) == (c in lb._NUMBERING_FIRSTS or c.isdecimal()), \
            hex(code)
        for s in (c, c + "、规章", "（" + c + "）其他", "其中" + c + "1.规章", "规章（" + c, "1" + c):
            assert key(s) == _plain_label_key(s), (hex(code), s)
    assert set(first_char_list(lb._BRACKETED.pattern)) == set(lb._BRACKET_OPENS)
    assert set(first_char_list(lb._OPEN_NOTE.pattern)) == set("(（")
    assert _agree_on_corpus_cells(key, _plain_label_key) > 50000


def test_t3_openers_read_by_str_methods_are_the_regex():
    """`_pipe_cell_block` tells a cell that opens table 三 by `str` methods: its white space
    (`REGEX_SPACE`) left out, it starts with one of `_T3_OPENERS`. The same answer as the
    regex it replaced, for every line and cell of every corpus text, and for the openers after
    every white-space character of either engine and str.strip's."""
    import regex

    from nlp.scan import REGEX_SPACE
    from nlp.segment.blocks import _T3_OPENERS

    plain = regex.compile(r"\s*(?:[（(]本列数据的勾稽关系|申请人情况)")

    def by_str(s: str) -> bool:
        return s.lstrip(REGEX_SPACE).startswith(_T3_OPENERS)

    spaces = {chr(c) for c in range(0x10000) if chr(c).isspace() or plain.match(chr(c) + "申请人情况")}
    for sp in spaces:
        for w in ("（本列数据的勾稽关系为", "(本列数据的勾稽关系", "申请人情况", "申请人", "其他"):
            for s in (sp + w, sp * 2 + w, w + sp):
                assert by_str(s) == bool(plain.match(s)), (hex(ord(sp)), s)
    seen = 0
    for text in texts():
        for line in text.splitlines():
            for s in {line, *regex.split(r"[|｜\t]", line)}:
                assert by_str(s) == bool(plain.match(s)), s
                seen += by_str(s)
    assert seen > 20


def test_table_lines_gate_characters_leave_the_lines_as_they_were(monkeypatch):
    """`_table_lines` looks for an opener word only in a text holding its gate character
    (`scan.seldom_char` of the word): a character of the word, so a text without it holds no
    such word. The lines (and corner and cut lines) are those of the passes without gates on
    every corpus text."""
    from nlp.records import Document
    from nlp.segment import blocks

    gated = blocks._LINE_SIGN_PASSES
    assert all(len(p[4]) == 1 and p[4] in p[1] and not p[0] for p in gated if p[4])
    assert sum(1 for p in gated if p[4]) >= 4
    plain = tuple((*p[:4], "") for p in gated)
    assert plain != gated
    for text in texts():
        doc = Document(doc_id="t", path=None, format="text", text=text)
        folded = doc.norm.folded
        lines, _ = blocks.line_spans(text)
        got = []
        for passes in (gated, plain):
            monkeypatch.setattr(blocks, "_LINE_SIGN_PASSES", passes)
            corners, cut = set(), set()
            got.append((blocks._table_lines(text, folded, lines, None, corners, cut), corners, cut))
        assert got[0] == got[1]


def test_seldom_char_is_a_character_of_the_word():
    """`scan.seldom_char` gives the first of `SELDOM_HAN` the word holds, or "" (a gate must be
    a character of what it gates)."""
    from nlp.scan import SELDOM_HAN, seldom_char

    assert seldom_char("勾稽关系") == "稽" and seldom_char("指标名称") == "名"
    assert seldom_char("申请人情况") == "" and seldom_char("") == ""
    for w in ("第二十条", "信息内容", "统计指标", "本年新收政府信息公开申请数量"):
        c = seldom_char(w)
        assert c == "" or (c in w and c in SELDOM_HAN)


def test_block_title_and_lead_pipe_gates_give_what_the_patterns_give():
    """`_block_title` asks its two patterns only of a cell holding 第 (folded or not), and
    `_stream_block` cuts a leading pipe only from a line whose first character but white space
    is a pipe: on every line and cell of every corpus text the answers are the plain ones."""
    import regex

    from nlp.normalize import same_length_cached
    from nlp.scan import REGEX_SPACE
    from nlp.segment.blocks import _CUT_TITLE, _LEAD_PIPE, _PIPES, _block_title, _deps

    def plain(cell: str) -> bool:
        return bool(_deps().title.search(same_length_cached(cell))) or bool(_CUT_TITLE.fullmatch(cell))

    titles = 0
    for text in texts():
        for line in text.splitlines():
            assert line.lstrip(REGEX_SPACE)[:1] in _PIPES or _LEAD_PIPE.match(line) is None, line
            for s in {line, *regex.split(r"[|｜\t]|\s{2,}", line)}:
                assert _block_title.__wrapped__(s) == plain(s), s
                titles += plain(s)
    assert titles > 20
