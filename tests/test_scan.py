"""`nlp.scan`: the literal prefilter asked before a costly regex, and alternations split into
branches (`top_level_branches`, `LeftmostFirst`).

The promise: where none of a pattern's required literals is in a text, the pattern finds
nothing there. Checked on hand-made patterns, on every indicator rule over every clause of
the corpus texts (raw and normalised) and on generated text.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.scan import required_literals


@pytest.mark.parametrize(("pattern", "want"), [
    ("主动公开(?:的)?政府信息", ("主动公开",)),  # the longest run every match passes through
    ("(?:政府|门户)网站", ("政府网站", "门户网站")),  # a branch of fixed strings joins the run
    ("(?:收到|接到)申请", ("接到申请", "收到申请")),  # (sorted by code point)
    ("(?:收到|接到)\\d+件", ("接到", "收到")),
    ("(?<!依)申请公开", ("申请公开",)),  # a lookbehind consumes nothing
    ("申请(?=公开)", ("申请",)),  # nor does a lookahead: 公开 is not required
    ("^受理(?:了)?\\d+件$", ("受理",)),
    ("\\p{Han}{2}局", ("局",)),  # regex-module classes read as no literal
    ("[复覆]议", ("复议", "覆议")),
    ("信息(?:公开)+", ("信息公开",)),
    ("a{3}b", ("aaab",)),
    ("行政许可[:：]", ("行政许可:", "行政许可：")),  # a set that opens with a colon is no POSIX class
])
def test_required_literals_of_patterns(pattern, want):
    assert required_literals(regex.compile(pattern)) == want


@pytest.mark.parametrize(("pattern", "want"), [
    ("申请(?=公开)", ("申请公开",)),  # a lookahead's strings glued to the run before it
    ("[所户]{1}(?=镇|乡)", ("户乡", "户镇", "所乡", "所镇")),
    ("(?<=政府|人大)\\d+次", ("人大", "政府")),  # a lookbehind's strings, outside the match
    ("(?<=政府)会议", ("政府会议",)),  # … opening the run after it
    ("\\d+次(?=\\s*(?:常务)?会议)", ("会议",)),  # what the lookahead needs after its free part
    ("(?<=(?:工程|项目)[一二\\d]{1,3})期", ("工程", "项目")),
    ("[一二](?<=一)二", ("一二", "二二")),  # a lookbehind within a run: the run goes on
    ("(?<!依)申请公开", ("申请公开",)),  # a negative lookaround needs nothing
    ("申请(?!公开)", ("申请",)),
])
def test_required_literals_in_text(pattern, want):
    assert required_literals(regex.compile(pattern), in_text=True) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["一", "二", "所", "户", "镇", "乡", "政府", "人大", "会议", "常务", "3",
                                 " ", "次", "工程", "期", "申请", "公开", "依"]), max_size=20))
def test_literals_in_text_hold_on_generated_text(pieces):
    """Where none of a pattern's `in_text` literals is in a text, the pattern finds nothing."""
    text = "".join(pieces)
    for src in ("[一二]{1,2}[所户](?=镇|乡)", "(?<=政府|人大)\\d+次(?=\\s*(?:常务)?会议)",
                "(?<=(?:工程|项目)[一二\\d]{1,3})期", "申请(?=公开)", "[一二](?:(?<=一)二)",
                "(?<=政府)会议"):
        p = regex.compile(src)
        need = required_literals(p, in_text=True)
        if p.search(text) is not None:
            assert need is not None and any(w in text for w in need), (src, text)


@pytest.mark.parametrize("pattern", [
    "\\d+",  # nothing literal
    "(?:收到)?\\d+件?",  # only optional literals
    "(?:收到|\\d)件?",  # a branch with no literal in one alternative
    "(?i)abc",  # case folding
    "[[:alpha:]]+",  # a POSIX class: the stdlib parser would read literals in it
    "[[a-z]--[aeiou]]",  # set operations
    "(?=受理)",  # zero width only
])
def test_no_literals_where_none_is_required_or_known(pattern):
    assert required_literals(regex.compile(pattern)) is None


def test_ignorecase_flag_gives_no_literals():
    assert required_literals(regex.compile("abc", regex.IGNORECASE)) is None


@pytest.mark.parametrize(("pattern", "reach"), [
    ("[^。，；]{0,40}?(?:统计表|统计报表|情况表|附表)", 44),
    ("(?<=、)工作(?:开展)?情况(?!表)", 6),  # lookarounds consume nothing
    ("\\p{Han}{2}局", 3),  # a property is one character
    ("(?:\\d{4}年(?:度)?)?工作", 8),
    ("附件\\d*表", None),  # no bound
    ("(?i)abc", None),  # case folding may change lengths
])
def test_match_reach_is_the_longest_match(pattern, reach):
    from nlp.scan import match_reach

    assert match_reach(regex.compile(pattern)) == reach


def test_scanner_reads_escapes_of_one_character_as_regex_does():
    """`whole_text_scanner` admits `\\t \\n \\v \\f \\r \\xHH \\uHHHH` (white space spelled out,
    `WHITE_SPACE`): each names the same one character to both engines; other escapes of a
    letter are refused."""
    import re

    from nlp.scan import WHITE_SPACE, whole_text_scanner

    escapes = [(e, c) for e, c in zip(("\\t", "\\n", "\\v", "\\f", "\\r"), "\t\n\v\f\r", strict=True)]
    escapes += [(f"\\x{c:02x}", chr(c)) for c in range(256)]
    escapes += [(f"\\u{c:04x}", chr(c)) for c in range(0, 0x10000, 251)] + [("\\u3000", "\u3000")]
    for esc, ch in escapes:
        for rx in (re.compile(esc), regex.compile(esc)):
            assert rx.fullmatch(ch) and not rx.fullmatch(chr(ord(ch) ^ 1)), esc
        assert whole_text_scanner(regex.compile(f"件{esc}")) is not None, esc
    assert whole_text_scanner(regex.compile(f"件{WHITE_SPACE}*\\d")) is not None
    for src in ("件[\\s]", "件\\S", "件\\w", "件\\b", "件\\U00003000", "件\\N{SPACE}"):
        assert whole_text_scanner(regex.compile(src)) is None, src
    # `\s` outside a class is spelled out as `regex` reads it (the same translation as
    # `stdlib_twin`'s): the same matches over every BMP code point
    spaced = regex.compile("件\\s+\\d")
    scanner = whole_text_scanner(spaced)
    assert scanner is not None
    for cp in range(0x10000):
        text = f"件{chr(cp)}3"
        assert bool(scanner.match(text)) == bool(spaced.match(text)), hex(cp)


def _rules():
    from nlp.link import indicator_rules

    return indicator_rules()


def _sound(rx: regex.Pattern, literals: tuple[str, ...] | None, text: str) -> None:
    if literals is not None and rx.search(text) is not None:
        assert any(w in text for w in literals), (rx.pattern, text)


def test_every_indicator_rule_has_literals():
    """`required_literals` finds the literals of every indicator rule (the rules are real
    patterns of every kind of syntax the project writes)."""
    missing = [r.id for r in _rules() if required_literals(r.pattern) is None]
    assert not missing


def test_literals_hold_on_every_corpus_clause():
    """No rule matches a clause, a sentence or a line of a corpus text without one of its
    literals (raw and normalised text)."""
    from corpus import clause_pieces

    pieces = clause_pieces()
    matched = 0
    for rule in _rules():
        literals = required_literals(rule.pattern)
        for p in pieces:
            _sound(rule.pattern, literals, p)
            matched += literals is not None and rule.pattern.search(p) is not None
    assert matched > 1000  # the check saw the rules match, not only miss


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["主动公开", "公开", "政府信息", "信息", "收到", "受理", "申请", "依申请", "行政复议", "复议",
     "诉讼", "结转", "下一年度", "上年", "网站", "政务", "微博", "微信", "公众号", "规范性文件",
     "废止", "其中", "共", "件", "条", "1", "33", "，", "、", "（", "）", "的", "了", "本年", "新收"]),
    max_size=25))
def test_literals_hold_on_generated_text(pieces):
    text = "".join(pieces)
    for rule in _rules():
        _sound(rule.pattern, required_literals(rule.pattern), text)


def test_top_level_branches_split_only_at_the_top():
    from nlp.scan import top_level_branches

    assert top_level_branches(r"a|b(c|d)|[|]x|\||[]|]") == ["a", "b(c|d)", "[|]x", r"\|", "[]|]"]
    assert top_level_branches(r"(?<!第|届)一批|[^|]") == ["(?<!第|届)一批", "[^|]"]
    assert top_level_branches("abc") == ["abc"]
    for unsafe in (r"(a)\1|b", "(?i)a|b", "(?P<x>a)(?P=x)|b", "[[a]]|b"):
        with pytest.raises(ValueError):
            top_level_branches(unsafe)



@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["一", "二", "个", "批", "次", "起", "篇", "文章", "做好", "是", "没有", "发生", "未", "第", "届", "3",
     "件", "号", "〔2018〕", "每月", "新", "轮", "时期", "今后", "阶段", "，", "。", "\n", "案件", "无",
     "例", "七台河", "一场", "革命", "24小时", "服务", "热搜词：", "部分", "两", "维护", "一体",
     "所", "镇", "街道", "政府", "常务会议", "会议", "工程", "期"]),
    max_size=40))
def test_leftmost_first_equals_one_alternation_on_generated_text(pieces):
    """The claim exclusions, scanned branch by branch, give the spans of their one alternation."""
    from nlp.extract.claims import rules

    text = "".join(pieces)
    split = rules().exclude
    one = regex.compile("|".join(f"(?:{p.pattern})" for p in split.patterns))
    assert split.spans(text) == [m.span() for m in one.finditer(text)]
    m = one.search(text)
    assert split.first(text) == (m.start() if m is not None else None)


def test_literal_gate_leaves_out_only_branches_without_their_words():
    """`LeftmostFirst(literal_gate=True)` searches a branch only where one of its required
    words (two characters or more: one `Words` scan; one character: `in`) is in the text; a
    branch without a known one is searched everywhere. Same spans and first match as without
    it."""
    from nlp.scan import LeftmostFirst, top_level_branches

    branches = [regex.compile(b) for b in top_level_branches(
        r"ab|abc|bcd|d|\d+号|(?:前|后)\d|\d+")]
    gated, plain = LeftmostFirst(branches, literal_gate=True), LeftmostFirst(branches)
    assert gated._always == [6] and gated._owners == {"ab": [0], "abc": [1], "bcd": [2]}
    assert gated._chars == [(3, ("d",)), (4, ("号",)), (5, ("前", "后"))]
    assert sorted(gated._live("xbcd 12号")) == [2, 3, 4, 6]
    assert sorted(gated._live("后来")) == [5, 6]
    for text in ("abcd abc", "bcd3号", "前1 ab", "", "xyz", "后3号d"):
        assert gated.spans(text) == plain.spans(text)
        assert gated.first(text) == plain.first(text)


def test_words_present_equal_a_loop_over_the_exclusion_gate_words_on_corpus_text():
    """`Words.present` over the words that gate the claim exclusions' branches finds what a
    loop of `in` over them finds, and `Words.positions` every place where a word's first two
    characters stand, on every corpus text, raw and normalised."""
    from corpus import CORPORA

    from nlp.extract.claims import rules
    from nlp.normalize import normalize

    scan = rules().exclude._words
    assert scan is not None and len(scan.words) > 100
    hits = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for t in (text, normalize(text).text):
            got = scan.present(t)
            assert got == {w for w in scan.words if w in t}, path.name
            assert list(scan.positions(t)) == [p for p in range(len(t))
                                               if t[p : p + 2] in scan._pairs], path.name
            hits += bool(got)
    assert hits > 100


def test_words_first_is_the_first_word_in_list_order_that_occurs():
    from nlp.scan import Words

    w = Words(["宁夏回族", "回族自治区", "宁夏", "西宁"])
    assert w.first("宁夏回族自治区银川市") == 0  # several occur: the earliest in the list wins
    assert w.first("青海省西宁市，宁夏") == 2  # not the earliest in the text
    assert w.first("回族自治区") == 1  # overlapping words are all seen
    assert w.first("宁 夏") is None and w.first("") is None
    assert list(w.positions("西宁夏回族")) == [0, 1, 3]  # 西宁, 宁夏, 回族 stand there
    assert w.present("西宁夏回族自治区") == {"西宁", "宁夏", "宁夏回族", "回族自治区"}
    assert Words([]).first("宁夏") is None
    with pytest.raises(ValueError):
        Words(["宁夏", "区"])


def _first_in(words: list[str], text: str) -> int | None:
    return next((i for i, w in enumerate(words) if w in text), None)


def test_words_equal_a_loop_over_the_region_aliases_on_corpus_text():
    """The region aliases (what `nlp.segment.metadata.find_region` asks) found by `Words` are
    those a loop of `in` over the list finds, on every corpus text, raw and normalised, whole
    and in the opening the region search reads."""
    from corpus import CORPORA

    from nlp.normalize import normalize
    from nlp.scan import Words
    from nlp.segment.metadata import region_aliases

    words = [row[0] for row in region_aliases()]
    scan = Words(words)
    hits = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for t in (text, text[:1500], normalize(text).text):
            got = scan.first(t)
            assert got == _first_in(words, t), path.name
            hits += got is not None
    assert hits > 20  # the corpus names autonomous places by their short names


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["宁夏", "回族", "自治区", "广西", "壮族", "延边", "朝鲜族", "自治州", "恩施", "州", "县", "和",
     "西宁", "夏", "宁", "，", "区", "市", "政府", "\n"]), max_size=30))
def test_words_equal_a_loop_on_generated_text(pieces):
    from nlp.scan import Words
    from nlp.segment.metadata import region_aliases

    words = [row[0] for row in region_aliases()] + ["宁夏回族", "回族自治区", "西宁"]
    text = "".join(pieces)
    assert Words(words).first(text) == _first_in(words, text)


_WINDOW_PATTERNS = [
    r"(?P<code>\p{Han}{1,5}+)\s{0,2}+〔(?P<year>\d{4})〕",  # possessive runs (the citations' code)
    r"(?:附件\d?)?[^\s。]{0,6}?统计表",  # a lazy run (structure's caption)
    r"(?<=第)\d+号|\d+(?=号)",  # look-arounds read the text outside the window
    r"(a|ab)(c|bcd)(d*)",  # the first path that matches, not the longest
    r"x*",  # empty matches
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="国办发〔〕2018号第统计表附件 。abcdx", max_size=40),
       st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=12))
def test_lookback_window_matches_where_the_first_position_of_the_window_matches(text, pos, lookback):
    """`lookback_window(p, L).match(text, s)` is `p.match(text, k)` at the first k in
    [s, s + L] where p matches (span, groups), or None where none does."""
    from nlp.scan import lookback_window

    for src in _WINDOW_PATTERNS:
        p = regex.compile(src)
        want = next((m for k in range(pos, min(pos + lookback, len(text)) + 1)
                     if (m := p.match(text, k)) is not None), None)
        got = lookback_window(p, lookback).match(text, pos) if pos <= len(text) else None
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def test_anchored_caption_scans_find_what_finditer_finds_on_corpus_text():
    """The caption patterns of structure and metadata, scanned near their anchors
    (`anchored_finditer`, one `lookback_window` match per anchor), give `finditer`'s matches
    on every normalised corpus text."""
    from corpus import CORPORA

    from nlp.normalize import normalize
    from nlp.scan import anchored_finditer
    from nlp.segment import metadata, structure

    cases = [(structure._CAPTION, *structure._CAPTION_ANCHOR),
             (metadata._CAPTION_AGENCY, *metadata._CAPTION_AGENCY_ANCHOR)]
    seen = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        for rx, anchor, lookback in cases:
            want = [(m.span(), m.groups()) for m in rx.finditer(text)]
            got = [(m.span(), m.groups()) for m in anchored_finditer(rx, anchor, lookback, text)]
            assert got == want, path
            seen += len(want)
    assert seen > 40  # (80 captions over the corpus)


def test_holds_any_is_whether_one_of_the_words_is_in_the_text():
    from nlp.scan import holds_any

    text = "本年度收到政府信息公开申请12件"
    assert holds_any(text, ("条", "申请"))
    assert holds_any(text, "件")  # (a string: its characters)
    assert not holds_any(text, ("条", "申请书"))
    assert not holds_any(text, ())


def test_source_elements_read_escapes_and_sets_once():
    """`source_elements` cuts a regex's source into escapes, sets and single characters (a `]`
    first in a set, after `^`, is literal; escapes inside a set do not close it), and the
    walkers built on it agree: `_plain_chars` skips escapes and sets, `_one_before` takes a set
    as one element and turns a set holding a `[` down, `_stdlib_source` keeps a set as it
    stands unless it holds an escape the stdlib reads otherwise."""
    from nlp.scan import _one_before, _plain_chars, _stdlib_source, set_parts, source_elements

    src = r"a\d[]x\]][^]]+(b|c)\s"
    parts = [src[i:j] for i, j in source_elements(src)]
    assert parts == ["a", r"\d", r"[]x\]]", "[^]]", "+", "(", "b", "|", "c", ")", r"\s"]
    assert "".join(parts) == src
    assert [(i, j) for i, j in source_elements("[ab")] == [(0, 3)]  # (left open: to the end)
    assert [r"[]x\]]"[k:m] for k, m in set_parts(r"[]x\]]")] == ["x", r"\]", "]"]
    assert [ch for _, ch, _ in _plain_chars(src)] == ["a", "+", "(", "b", "|", "c", ")"]
    assert [d for _, ch, d in _plain_chars(src) if ch in "bc"] == [1, 1]
    assert _one_before(r"x[^]a]+") == "[^]a]" and _one_before(r"x[a[]+") is None
    assert _one_before(r"x[ab") is None and _one_before(r"[ab]{2}") is None
    assert _one_before(r"\d++") == r"\d" and _one_before(r"\p") is None
    assert _stdlib_source(r"[\d]\s", any_text=False) == r"[\d]" + _stdlib_source(r"\s", any_text=False)
    assert _stdlib_source(r"[\d]", any_text=True) is None and _stdlib_source(r"[\s]", any_text=False) is None
    assert _stdlib_source(r"[\w]", any_text=False) is None and _stdlib_source(r"[\t\]]a", any_text=True) == r"[\t\]]a"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab〔120 9", max_size=30), st.integers(min_value=0, max_value=5))
def test_a_stdlib_anchor_asked_at_its_first_characters_finds_what_its_search_finds(text, pos):
    """`StdlibAnchor`'s overlapped scan from its first characters' places (`str.find`), and
    by the searches `led_by_each` writes where the anchor opens on one element, gives a match
    at every position where its `search` loop gives one, overlapping matches included."""
    import re

    from nlp.scan import StdlibAnchor, first_char_list

    for src, led in ((r"(?:19|20)\d", False), (r"〔\s*(?:19|20)", True), (r"a(?:a|b)?1", True),
                     (r"[a〔](?:ab|a)", True), (r"aa", True), (r"(?:ab|ba)", False),
                     (r"(?:1|12)", False), (r"[b2]\d*", True), (r"a1|b2", False),
                     (r"[ab]0|[ab]9", False), (r"\(?a", False), (r"[a〔]a?", True)):
        firsts = first_char_list(src)
        assert firsts
        anchor = StdlibAnchor(re.compile(src), firsts)
        assert (anchor._led is not None) == led
        want = [(m.span(), m.group()) for m in anchor._overlapped(text, pos)]
        got = [(m.span(), m.group()) for m in anchor.finditer(text, pos, overlapped=True)]
        assert got == want
        anchor._led = None  # (the places found by `str.find`, `match` at each)
        got = [(m.span(), m.group()) for m in anchor.finditer(text, pos, overlapped=True)]
        assert got == want
        assert StdlibAnchor(re.compile(src))._firsts is None  # (without: the search loop)


def test_led_by_each_writes_the_pattern_led_by_each_first_character():
    """`led_by_each`: the source with its opening element replaced by each first character, in
    order; None where the source does not open on one element, or has a top-level `|` (the
    stdlib parser factors `[ab]0|[ab]9` into a set then a set)."""
    import re

    from nlp.scan import led_by_each

    assert [p.pattern for p in led_by_each(re.compile(r"[(〔]\s*\d"), "(〔")] == [r"\(\s*\d", r"〔\s*\d"]
    assert [p.pattern for p in led_by_each(re.compile(r"称"), "称")] == ["称"]
    for src in (r"(?:19|20)\d", r"a1|b2", r"[ab]0|[ab]9", r"a*b", r"(?i)ab", r"^ab", r".b"):
        assert led_by_each(re.compile(src), "ab12") is None, src


def test_ends_at_says_whether_a_reverse_pattern_matches():
    """`ends_at` on a few texts, against the forward search."""
    from nlp.scan import ends_at

    src = r"(?<=[ab]\s{0,2})\d+\s*号"
    forward, reverse = regex.compile(src), regex.compile(src, regex.REVERSE)
    for text in ("a12号", "a 1 号", "c12号", "号a12", "a12号c3号", "c3号a1号", "a   1号", "", "号号"):
        assert ends_at(reverse, text, "号") == (forward.search(text) is not None), text


@pytest.mark.parametrize(("pattern", "want"), [
    ("网站", ("网站",)),
    ("其他(?:方式|渠道|途径)", ("其他方式", "其他渠道", "其他途径")),
    ("不予公开|免予公开|免于公开", ("不予公开", "免予公开", "免于公开")),  # (by code point)
    ("[ab]c", ("ac", "bc")),
    ("(a)(b|c)", ("ab", "ac")),
    ("局(?:办)?", ("局", "局办")), ("a(?:b|c)?c", ("abc", "ac", "acc")),  # (an optional item)
    # not only fixed strings: None
    ("a+", None), ("^ab", None), ("[^a]", None), ("(?i)ab", None), ("(?i:a)b", None),
    ("a(?=b)", None), ("", None), ("a|", None), ("\\d", None), ("a.b", None),
    ("\\p{Han}", None), ("a{2}", None), ("(?:ab)?", None),
])
def test_literal_words(pattern, want):
    from nlp.scan import literal_words

    assert literal_words(pattern) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["其他", "方式", "渠道", "公开", "不予", "免予", "a", "b", "c", "\n"]),
                max_size=8))
def test_literal_words_find_what_the_pattern_finds(parts):
    from nlp.scan import literal_words

    text = "".join(parts)
    for src in ("其他(?:方式|渠道|途径)", "不予公开|免予公开|免于公开", "[ab]c", "(a)(b|c)", "其他(?:方式)?渠道",
                "a(?:b|c)?c"):
        words = literal_words(src)
        assert words is not None
        assert (regex.search(src, text) is not None) == any(w in text for w in words)


def test_a_guard_goes_after_the_lookbehinds_a_pattern_opens_on():
    """`whole_text_scanner` puts a guard after the lookbehinds the pattern opens on, inside the
    non-capturing groups it opens on (`_lookbehinds_end`), with their `\\d` spelled out
    (`_digits_spelled`): never into a group or a source with a `|` at its level, or past a
    repeated group. The scanner finds what the pattern finds, guard or not."""
    import random

    from nlp.scan import (
        _digits_spelled,
        _lookbehinds_end,
        bmp_digits,
        run_guard,
        whole_text_scanner,
    )

    cases = {
        r"(?:(?<![\d.])(?<!\d,)(?!x)a)b": r"(?:(?<![\d.])(?<!\d,)",
        r"(?<!a)x(?<!b)": r"(?<!a)",
        r"(?<!a(b))(?<=c)d": r"(?<!a(b))(?<=c)",
        r"(?:(?:(?<=\))x))": r"(?:(?:(?<=\))",
        r"x(?<!a)": "", r"(?<!a)|b": "", r"(?:(?<!a)|b)c": "", r"(?:(?<!a)c)?": "",
        r"(?<=a)?b": "", r"(?<=a)*b": "", r"(?P<x>a)": "", r"(?<x>a)b": "", "": "", r"(?:a)": "",
    }
    for src, lead in cases.items():
        assert src[:_lookbehinds_end(src)] == lead, src
    d = bmp_digits()
    assert _digits_spelled(r"(?<![\d.A-Z])(?<!\d,)[^\d]\\d[]\d]") == \
        rf"(?<![{d}.A-Z])(?<![{d}],)[^{d}]\\d[]{d}]"
    rx = regex.compile(r"(?:(?<![\d.A-Za-z])(?<!\d,)(?!(?<=[几数])十))(?P<n>\d+|[一二十]+)(?:件|条)")
    guard = run_guard(rx, regex.compile(r"[\d一二十]+"))
    assert guard is not None
    guarded, plain = whole_text_scanner(rx, guard), whole_text_scanner(rx)
    assert guarded.pattern.index("(?<![") < guarded.pattern.index(guard)
    rng = random.Random(26)
    alphabet = [*"0123456789,.一二十数几Ax", "件", "条", "年", " "]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        want = [(m.span(), m.groups()) for m in rx.finditer(text)]
        assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == want, text
        assert [(m.span(), m.groups()) for m in plain.finditer(text)] == want, text


@settings(max_examples=200, deadline=None)
@given(st.sets(st.one_of(st.integers(0, 0x300), st.integers(0x4DF0, 0x4E10), st.integers(0xFFF0, 0x10010),
                         st.integers(0x10FFF0, 0x10FFFF)).filter(lambda c: not 0xD800 <= c < 0xE000),
               max_size=40))
def test_char_ranges_is_the_class_of_its_code_points(codes):
    """`char_ranges`: the class of runs holds exactly the code points given, for both engines."""
    import re

    from nlp.scan import char_ranges

    if not codes:
        return
    inside = char_ranges(sorted(codes))
    probe = "".join(chr(c) for c in sorted({*codes, *(c + 1 for c in codes), *(c - 1 for c in codes)})
                    if 0 <= c <= 0x10FFFF and not 0xD800 <= c < 0xE000)
    want = [ch for ch in probe if ord(ch) in codes]
    assert re.findall(f"[{inside}]", probe) == want
    assert regex.findall(f"[{inside}]", probe) == want


def test_digit_or_is_what_either_engine_reads_as_a_digit_or_one_of_the_chars():
    """`digit_or`: in the Basic Multilingual Plane, exactly the characters both engines match
    with `\\d`, and those of `chars`; beyond it every character; never the empty string."""
    import re

    import regex

    from nlp.scan import digit_or

    std, rx = re.compile(r"\d"), regex.compile(r"\d")
    digits = 0
    for code in range(0x10000):
        c = chr(code)
        want = std.match(c) is not None
        assert want == (rx.match(c) is not None), hex(code)
        assert digit_or(c, frozenset()) is want, hex(code)
        assert digit_or(c, frozenset("其")) is (want or c == "其"), hex(code)
        digits += want
    assert digits > 300
    assert digit_or("\U0001d7ce", frozenset())  # (MATHEMATICAL BOLD DIGIT ZERO: beyond the BMP)
    assert not digit_or("", frozenset("其"))
