"""Promises of the sixteenth pass's shortcuts in citations, normalize and metadata: each
compared with the plain way on every corpus text (and edge cases)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest
import regex
from corpus import CORPORA, texts_and_views
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.scan import StdlibAnchor, anchored_finditer, stdlib_twin


def _found(matches: Iterable[Any]) -> list[tuple[Any, ...]]:
    """Each match's span, groups and named groups."""
    return [(m.span(), m.groups(), m.groupdict()) for m in matches]


def _same_matches(fast: regex.Pattern | Callable[[str], Iterable[Any]],
                  plain: regex.Pattern | Callable[[str], Iterable[Any]], texts: Iterable[str]) -> int:
    """Assert that `fast` and `plain` (patterns, asked for `finditer`, or functions of a text
    that give matches) find the same matches, spans and groups, in every text; the number of
    matches found."""
    fast_of = fast.finditer if isinstance(fast, regex.Pattern) else fast
    plain_of = plain.finditer if isinstance(plain, regex.Pattern) else plain
    found = 0
    for text in texts:
        got = _found(fast_of(text))
        assert got == _found(plain_of(text)), text[:60]
        found += len(got)
    return found


# --------------------------------------------------------------------------- stdlib anchors
def test_stdlib_twin_reads_space_as_regex_does_and_digits_at_least_as_regex_does():
    """`\\s` in the twin is exactly `regex`'s `\\s`; `\\d` takes every character `regex`'s
    does (over every code point), and in the BMP no other."""
    space, digit = stdlib_twin(r"\s"), stdlib_twin(r"\d")
    assert space is not None and digit is not None
    rs, rd = regex.compile(r"\s"), regex.compile(r"\d")
    for cp in range(0x110000):
        ch = chr(cp)
        assert bool(space.match(ch)) == bool(rs.match(ch)), hex(cp)
        if rd.match(ch):
            assert digit.match(ch), hex(cp)
        elif cp <= 0xFFFF:
            assert not digit.match(ch), hex(cp)


def test_stdlib_twin_turns_down_what_re_would_read_otherwise():
    for src in (r"[\s]", r"[a\d]", r"\p{Han}", r"a\Kb", r"\w+", r"[[:alpha:]]", r"(?i)a",
                r"\L<words>"):
        assert stdlib_twin(src) is None, src
    twin = stdlib_twin(r"[]x]\s[^]x]\d\\s")  # (a `]` first in a class is a literal)
    assert twin is not None
    assert twin.match("] a9\\s") and twin.match("x\u3000a\U0001d7d9\\s")
    assert not twin.match("x\u3000]9\\s") and not twin.match("a a9\\s")
    assert not twin.match("] a9s")


def _overlapped_starts(anchor, text: str) -> list[int]:
    return [m.start() for m in anchor.finditer(text, overlapped=True)]


@pytest.mark.parametrize("pid", ["doc_number", "doc_number_unclosed", "alias_definition"])
def test_the_document_number_anchor_runs_on_re_and_finds_what_regex_finds(pid):
    """The citations' bracket-led number anchors are `StdlibAnchor`s, matched where one of their
    first characters stands (`anchor_engine = "re_find"`); on every corpus text (raw and normalised) each starts where the `regex`
    anchor of the pattern file starts (overlapped, as `anchored_finditer` asks), and the
    anchored scan gives `finditer`'s matches and groups."""
    from nlp.data import load_toml
    from nlp.extract.citations import PATTERNS_FILE, load_patterns

    pats = load_patterns()
    anchor, lookback = pats.anchors[pid]
    assert isinstance(anchor, StdlibAnchor)
    assert anchor._firsts  # (the `str.find` path)
    spec = {p["id"]: p for p in load_toml(PATTERNS_FILE)["pattern"]}[pid]
    plain = regex.compile(spec["anchor"])
    rx = pats[pid]
    texts = [
        *texts_and_views(), "国办发〔 2018〕23号〔〔2019〕1号", "（\u30002018）（2018）", "〔\u20282018〕5号",
        "根" * 40 + "国办发 〔2018〕23号，" + "发" * 21 + "  〔2018〕1号", "国办发2018 23号闽政办2018〕43号",
        "20192020年12号1920192号", "国办公开办函〔202130﹝20168号〔〔2019〕1",
        "\U00020000国办发〔2018〕23号", "国办发\U00020000〔2018〕23号\U0001d7d9", "国务院办公厅国办发〔2018〕23号"]
    found = 0
    for text in texts:
        starts = _overlapped_starts(anchor, text)
        assert starts == _overlapped_starts(plain, text)
        for pos in (0, len(text) // 3):
            _same_matches(lambda t, pos=pos: anchored_finditer(rx, anchor, lookback, t, pos),
                          lambda t, pos=pos: rx.finditer(t, pos), [text])
            _same_matches(lambda t, pos=pos: anchored_finditer(rx, anchor, lookback, t, pos,
                                                               pats.windows.get(pid)),
                          lambda t, pos=pos: rx.finditer(t, pos), [text])
        found += len(starts)
    assert found > (1000 if pid == "doc_number" else 10)


def test_the_han_class_spelled_for_re_is_regex_s_on_every_bmp_code_point():
    """`bmp_han`: the BMP characters `regex` reads as `\\p{Han}`, and no other; the document
    number's window start is found by `re` (`window_starts`)."""
    import re

    from nlp.extract.citations import load_patterns
    from nlp.scan import bmp_han

    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    assert re.findall(f"[{bmp_han()}]", bmp) == regex.findall(r"\p{Han}", bmp)
    assert len(re.findall(f"[{bmp_han()}]", bmp)) > 20000
    assert set(load_patterns().windows) == {"doc_number"}


def test_an_anchor_asked_backwards_from_its_last_character_finds_what_its_search_finds():
    """`anchor_end`: the reverse anchor matched just after each place of its last character
    (`nlp.scan.ends_at`) says a text holds an anchor match exactly where the anchor's `regex`
    search finds one, on every corpus text (raw and normalised) and on made-up ones; a text
    without one is not scanned."""
    from nlp.data import load_toml
    from nlp.extract.citations import PATTERNS_FILE, load_patterns
    from nlp.scan import ends_at

    pats = load_patterns()
    assert set(pats.anchor_ends) == {"doc_number_unbracketed"}
    specs = {p["id"]: p for p in load_toml(PATTERNS_FILE)["pattern"]}
    made = ["国办发2018 23号", "闽政办2018〕43号", "国家税务总局公告2018年第31号", "号国办发2018号",
            "苏政办发 \u3000 2017 ] 第 64  号号", "发2018年12号", "2018年12号", "号", "", "发2018 1号2号"]
    for pid, (reverse, last) in pats.anchor_ends.items():
        plain = regex.compile(specs[pid]["anchor"])
        hits = 0
        for text in [*texts_and_views(), *made, *specs[pid]["examples"]]:
            want = plain.search(text) is not None
            assert ends_at(reverse, text, last) == want, text[:80]
            hits += want
        assert hits >= len(specs[pid]["examples"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["国办发", "鲁政办", "根据", "〔", "〕", "[", "]", "(", ")", "（", "）", "［", "【", "2018", "2049",
     "1940", "1939", "23", "7", "٣", "\U0001d7d9", " ", "\u3000", "\u2028", "\x1c", "\n", "号", "第",
     "文", "年", "﹝", "〔2", "发", "办", "\U00020000", "国务院办公厅"]), max_size=40))
def test_the_document_number_anchor_on_generated_text(pieces):
    """The same on text made of the pieces of document numbers, odd digits and spaces too."""
    from nlp.data import load_toml
    from nlp.extract.citations import PATTERNS_FILE, load_patterns

    text = "".join(pieces)
    pats = load_patterns()
    for pid in ("doc_number", "doc_number_unclosed"):
        anchor, lookback = pats.anchors[pid]
        spec = {p["id"]: p for p in load_toml(PATTERNS_FILE)["pattern"]}[pid]
        plain_starts = _overlapped_starts(regex.compile(spec["anchor"]), text)
        assert set(plain_starts) <= set(_overlapped_starts(anchor, text))
        rx = pats[pid]
        _same_matches(lambda t, rx=rx, anchor=anchor, lookback=lookback, pid=pid:
                      anchored_finditer(rx, anchor, lookback, t, 0, pats.windows.get(pid)),
                      rx, [text])


# --------------------------------------------------------------------------- metadata (pass 17)
def _openings() -> list[str]:
    """The opening (4,000 characters, the agency readers' `head`) of every corpus text, raw and
    folded, and hand-made openings."""
    from nlp.normalize import same_length

    out = ["台吉镇根据条例。\n\n  某某县人民政府依据条例\n一、总体情况\n北京市统计局按照要求",
           "一、总体情况：某某区人民政府严格按照要求\n某某局认真贯彻\n某某局 根据\n某局依据",
           "2021年,某某市人民政府坚持公开。\n2022年度某某县坚持。在2023年,某某区认真落实",
           "。 在 2019年以来，在市委领导下，某某县人民政府办公室认真\n192019年某某局坚持\n"
           "2020年度某某镇（街道）为民\n20192020年某某局坚持"]
    for path in sorted(CORPORA.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")[:4000]
        out += [raw, same_length(raw)]
    return out


def _widths(src: str) -> tuple[int, int | None]:
    """The fewest and most characters a match of the pattern `src` spans."""
    from nlp.scan import _parsed, match_reach

    rx = regex.compile(src)
    return _parsed(rx).getwidth()[0], match_reach(rx)


def test_opening_subject_s_verb_lookahead_changes_no_match():
    """`_OPENING_SUBJECT` looks ahead for a verb after 3 to 48 Han characters (the shortest and
    longest name with its suffix) before it tries the name's lengths and suffixes: the same
    matches (spans and groups) as without the lookahead on the opening of every corpus text,
    raw and folded."""
    from nlp.segment.metadata import _NAME_WIDTH, _OPENING_NAME, _OPENING_SUBJECT, _OPENING_VERBS

    assert _NAME_WIDTH == _widths(_OPENING_NAME)
    low, high = _NAME_WIDTH
    lookahead = rf"(?=\p{{Han}}{{{low},{high}}}?(?:{_OPENING_VERBS}))"
    plain = regex.compile(_OPENING_SUBJECT.pattern.replace(lookahead, "", 1))
    assert plain.pattern != _OPENING_SUBJECT.pattern
    assert _same_matches(_OPENING_SUBJECT, plain, _openings()) > 50


def test_overview_subject_s_lookbehind_after_the_digits_changes_no_match():
    """`_OVERVIEW_SUBJECT` looks behind for the sentence's opening after the year's first two
    digits: the same matches as the look-behind before the year, on the opening of every corpus
    text, raw and folded."""
    from nlp.segment.metadata import _OVERVIEW_SUBJECT

    after = r"(?:19|20)(?<=(?:^|[\n。])[\s?？]*(?:在\s*)?..)\d{2}"
    assert _OVERVIEW_SUBJECT.pattern.startswith(after)
    plain = regex.compile(r"(?<=(?:^|[\n。])[\s?？]*(?:在\s*)?)(?:19|20)\d{2}"
                          + _OVERVIEW_SUBJECT.pattern[len(after):])
    assert _same_matches(_OVERVIEW_SUBJECT, plain, _openings()) > 500


def test_overview_subject_asked_only_after_its_lookbehind_s_last_characters():
    """`find_agency` asks `_OVERVIEW_SUBJECT` at a year only where the text opens there or one of
    `_OVERVIEW_BEFORE` stands before it (the lookbehind's last characters: `\\s`, ?, ？, 。, 在):
    the same matches as `finditer` on the opening of every corpus text, raw and folded, and on
    hand-made openings (a year after each kind of character, at the text's start)."""
    from nlp.scan import REGEX_SPACE, finditer_from_firsts
    from nlp.segment.metadata import _LEADS, _OVERVIEW_BEFORE, _OVERVIEW_SUBJECT

    assert _OVERVIEW_SUBJECT.pattern.startswith(r"(?:19|20)(?<=(?:^|[\n。])[\s?？]*(?:在\s*)?..)")
    assert _OVERVIEW_BEFORE == frozenset(REGEX_SPACE + "?？。在")
    made = [f"{c}2019年，某某县人民政府坚持公开。" for c in ("。", "\n", " ", "\u3000", "?", "？", "在", "，", "x", "于")]
    made += ["2019年，某某县人民政府坚持公开。", "。在 2020年度某某局认真落实\n?2021年某某区深入推进"]
    texts = [*made, *_openings()]

    def gated(text: str) -> list[regex.Match]:
        return list(finditer_from_firsts(_OVERVIEW_SUBJECT, text, _LEADS[_OVERVIEW_SUBJECT],
                                         preceded_by=_OVERVIEW_BEFORE))

    assert _same_matches(gated, _OVERVIEW_SUBJECT, texts) > 500
    assert _same_matches(gated, _OVERVIEW_SUBJECT, made) >= 8


def test_report_words_cut_from_the_end_equal_the_substitution():
    """`_without_report_words` is `_REPORT_WORDS.sub("", s)`: on the stripped opening of every
    corpus text's first lines (the title prefixes it is asked of are such strings) and of its
    title, and on hand-made ones (the words alone, twice, before a line break, none)."""
    from nlp.normalize import same_length
    from nlp.segment.metadata import (
        _REPORT_ENDINGS,
        _REPORT_LASTS,
        _REPORT_WORDS,
        _first_lines,
        _without_report_words,
    )

    made = ["", "关于", "某某县政府信息公开工作", "某某县关于政务公开", "信息公开信息公开", "某某县工作\n",
            "某某县信息公开\n", "关于政府信息公开工作关于政府信息公开工作", "某某县", "工作 ", "公开工作"]
    texts = [*made]
    for path in sorted(CORPORA.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for line in _first_lines(same_length(raw), 12)[:12]:
            line = line.strip()
            texts += [line[:k].strip() for k in range(0, min(len(line), 40) + 1, 3)]
    cut = 0
    for text in texts:
        want = _REPORT_WORDS.sub("", text)
        assert _without_report_words(text) == want, text
        cut += want != text
    assert cut > 100
    # the endings are the pattern's three optional parts spelled out, each ends on one of
    # `_REPORT_LASTS`
    parts = regex.findall(r"\(\?:([^()]*)\)\?", _REPORT_WORDS.pattern)
    assert _REPORT_WORDS.pattern == "".join(f"(?:{p})?" for p in parts) + "$"
    spelled = {""}
    for p in parts:
        spelled = {w + v for w in spelled for v in ("", *p.split("|"))}
    assert set(_REPORT_ENDINGS) == spelled - {""}
    assert all(w.endswith(_REPORT_LASTS) for w in _REPORT_ENDINGS)
    assert [len(w) for w in _REPORT_ENDINGS] == sorted(map(len, _REPORT_ENDINGS), reverse=True)


def test_spam_and_format_notice_gates_hold_what_every_match_needs():
    """`clean_agency` searches `_SPAM` only in a name holding one of `_SPAM_FIRST`'s characters:
    every code point a match can begin with (a branch's first character, case-blind) is in
    that class; `find_template` searches `_FORMAT_NOTICE` only in a text holding 函, which
    every match holds."""
    from nlp.segment.metadata import _FORMAT_NOTICE, _SPAM, _SPAM_FIRST

    firsts = regex.compile("(?:" + "|".join(b[:1] for b in _SPAM.pattern.split("|")) + ")", regex.I)
    assert all(_SPAM_FIRST.match(chr(c)) for c in range(0x110000) if firsts.match(chr(c)))
    for name in ("新葡京博彩官网区人民政府", "英国威廉希尔公司市统计局", "某某BET局", "某某Bet局", "体育APP中心"):
        assert _SPAM.search(name) and _SPAM_FIRST.search(name)
    assert _FORMAT_NOTICE.pattern.startswith("国办公开办函")


def test_title_prefix_by_a_search_for_the_year_equals_the_lazy_match():
    """`_title_prefix` is `_TITLE_PREFIX.match(t).group(1)`: the pattern is its year part behind
    `^(.*?)`, and on every corpus text's stripped first lines, folded, (the titles it is asked
    of are such lines) and hand-made ones (a year after a line break, Chinese numerals, a bare
    year before the report's words, none) both give the same prefix."""
    from nlp.normalize import same_length
    from nlp.segment.metadata import _TITLE_PREFIX, _TITLE_PREFIX_YEAR, _first_lines, _title_prefix

    assert _TITLE_PREFIX.pattern == "^(.*?)" + _TITLE_PREFIX_YEAR.pattern
    made = ["", "某某县2020年政府信息公开工作年度报告", "某某县\n2020年报告", "某某县二〇二〇年报告",
            "国资委2020政府信息公开", "某某县 2020 \n年度报告", "2020年", "某某县报告", "某某1999年\n2020年",
            "某某\n县2020年报告"]
    texts = [*made]
    for path in sorted(CORPORA.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        folded = same_length(raw)
        texts += [ln.strip() for ln in _first_lines(folded, 12)] + [folded[:200]]
    found = 0
    for t in texts:
        m = _TITLE_PREFIX.match(t)
        assert _title_prefix(t) == (m.group(1) if m else None), t
        found += m is not None
    assert found > 500


def test_title_line_tests_by_in_equal_their_patterns():
    """`find_title` looks for a clause's marks and the disclosure's words by `in` (once a class
    and an alternation, `regex` calls of about 5k instructions each), and
    asks `_BREADCRUMB` only of a line holding one of `_BREADCRUMB_MARKS`; `clean_agency` takes a
    name of unified ideographs alone as `_ALL_HAN` would: each the same answer as the pattern on
    every corpus text's first lines, raw and folded, and on hand-made lines."""
    from nlp.normalize import same_length
    from nlp.scan import holds_any
    from nlp.segment.metadata import (
        _ALL_HAN,
        _BREADCRUMB,
        _BREADCRUMB_MARKS,
        _CLAUSE_MARKS,
        _DISCLOSURE_WORDS,
        _UNIFIED,
        _first_lines,
    )

    clause_mark, disclosure = regex.compile(r"[。，,；]"), regex.compile(r"政府信息公开|政务公开")
    assert set(_CLAUSE_MARKS) == set("。，,；") and set(_DISCLOSURE_WORDS) == {"政府信息公开", "政务公开"}
    made = ["首页 > 政务公开 > 年报", "当前位置：首页›信息公开", "a » b » c", "某某县政府信息公开年度报告",
            "2020年，某某", "某某；", "某某,", "〇某某", "某某㐀", "某\u9fff", "\u4e00某", "某某 ", "某某（"]
    lines = [*made]
    for path in sorted(CORPORA.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for text in (raw, same_length(raw)):
            lines += [ln.strip() for ln in _first_lines(text, 12)]
    crumbs = 0
    for s in lines:
        assert holds_any(s, _CLAUSE_MARKS) == bool(clause_mark.search(s))
        assert holds_any(s, _DISCLOSURE_WORDS) == bool(disclosure.search(s))
        crumb = bool(_BREADCRUMB.search(s))
        assert (holds_any(s, _BREADCRUMB_MARKS) and crumb) == crumb
        crumbs += crumb
        if s and _UNIFIED[0] <= min(s) and max(s) <= _UNIFIED[1]:
            assert _ALL_HAN.fullmatch(s)
    assert crumbs > 10


def test_relative_names_asked_only_from_their_first_characters():
    """`clean_agency` asks `_RELATIVE` only of a name opening on one of its first characters
    (`_relative_first`): every match opens on one, for each branch's hand-made name and on the
    openings of every corpus text's first lines."""
    from nlp.normalize import same_length
    from nlp.segment.metadata import _RELATIVE, _first_lines, _relative_first

    firsts = _relative_first()
    assert firsts is not None and "我" in firsts and "市" in firsts
    names = ["市政府办公室", "区管委会", "我局", "本单位", "本局", "该局", "各部门", "全市", "政府办公室",
             "人民政府", "党政办", "办公室", "综合科", "局网站", "委门户网站", "县财政局", "某某县人民政府"]
    for path in sorted(CORPORA.rglob("*.txt")):
        raw = same_length(path.read_text(encoding="utf-8", errors="replace"))
        for line in _first_lines(raw, 12):
            line = line.strip()
            names += [line[k:k + 12] for k in range(0, min(len(line), 30))]
    matched = 0
    for name in names:
        if _RELATIVE.match(name):
            matched += 1
            assert name[:1] in firsts, name
    assert matched > 100


def test_year_count_tests_equal_their_patterns():
    """`find_year`'s tests of a year found in the opening: `_since_year` is `_SINCE_YEAR.match`
    from four characters before it, `_opens_clause` is `_CLAUSE_OPEN.search` up to it: at every
    19 or 20 of the first 3,000 characters of every corpus text's normalised and folded views,
    and at every position of hand-made texts."""
    from nlp.segment.metadata import _CLAUSE_OPEN, _SINCE_YEAR, _opens_clause, _since_year

    assert _CLAUSE_OPEN.pattern == r"(?:^|[。\n；;])\s*$"
    made = ["自2008年起", "成立于 1990 年", "从\n2019年", "始于2010年", "某某建于2001年", "起于\u30002002年",
            "。 \n 2019年", "；2019年", ";\t2019", "某某\n  2019年", "某某 2019年", "\n", "2019", " 2019",
            "某某。\u3000\u20002019年", "自自自自自2019年", "x自 2019年"]
    texts = [*made]
    for text in texts_and_views():
        texts.append(text[:3000])
    since = opens = 0
    for text in texts:
        places = range(len(text) + 1) if text in made else \
            [k for k in range(len(text)) if text.startswith(("19", "20"), k)]
        for k in places:
            want = _SINCE_YEAR.match(text, max(0, k - 4)) is not None
            assert _since_year(text, k) == want, (text[:40], k)
            since += want
            want = _CLAUSE_OPEN.search(text, 0, k) is not None
            assert _opens_clause(text, k) == want, (text[:40], k)
            opens += want
    assert since > 20 and opens > 200


def test_a_name_after_its_verb_is_the_whole_han_run_that_follows_it():
    """`_PUBLISHED_BY` and `_COMPILED_NAMED` look ahead over the Han run after the verb (the
    name, which a bracket, a blank or the year follows) before they try the name's lengths:
    the same matches as the plain form on the opening of every corpus text, raw and folded,
    and on hand-made names (a bracketed alias, blanks, a run longer than a name)."""
    from nlp.segment.metadata import _COMPILED_NAMED, _NAME_WORD, _PUBLISHED_BY, _YEAR

    texts = [
        *_openings(),
        "现将某某县人民政府（县政府）2019年度政府信息公开工作报告公布如下",
        "特编制《 某某市地方志办公室 2023 年政务公开年报》，发布某某局2019年信息公开",
        "公布" + "某" * 39 + "局2020年度政府信息公开 公布" + "某" * 41 + "2020年信息公开",
        "发布某某局(某局)2020年信息公开；公布某某公开局2020年信息公开；编制某某局20年信息公开"]
    found = 0
    for fast, verbs in ((_PUBLISHED_BY, "公布|发布"), (_COMPILED_NAMED, "编制|现将")):
        plain = regex.compile(
            rf"(?:{verbs})《?[^\p{{Han}}]*({_NAME_WORD}{{2,40}}?)(?:[（(][^）)\n]{{1,20}}[）)])?\s*"
            rf"(?:{_YEAR})\s*年度?(?:政府信息公开|政务公开|信息公开)")
        assert plain.pattern != fast.pattern
        found += _same_matches(fast, plain, texts)
    assert found > 300


def test_compiled_by_s_lookahead_for_its_verb_changes_no_match():
    """`_COMPILED` looks ahead for 编制 after 3 to 48 Han characters (its name with an agency
    suffix) before it tries the name's lengths: the same matches as the plain form on the
    opening of every corpus text, raw and folded."""
    from nlp.segment.metadata import _COMPILED, _COMPILED_NAME, _NAME_WIDTH

    assert _NAME_WIDTH == _widths(_COMPILED_NAME)
    low, high = _NAME_WIDTH
    plain = regex.compile(_COMPILED.pattern.replace(rf"(?=\p{{Han}}{{{low},{high}}}?编制)", "", 1))
    assert plain.pattern != _COMPILED.pattern
    texts = [*_openings(), "，某某县人民政府办公室编制了2017年报告。某某管理委员会办公室编制本报告"]
    assert _same_matches(_COMPILED, plain, texts) > 20


# --------------------------------------------------------------------------- citations (pass 17)
def test_a_title_longer_than_the_generic_names_is_not_searched_for_one():
    """`_is_generic` answers as `alias_generic.search` on every title (and quoted alias) of every
    corpus text, raw and normalised, and on hand-made names: the pattern holds a whole text, so
    a title longer than its widest match (and a final line break) is none."""
    from nlp.extract.citations import _find_titles, _is_generic, load_patterns

    pats = load_patterns()
    generic = pats["alias_generic"]
    assert generic.pattern.startswith("^") and generic.pattern.endswith("$")
    assert pats.generic_reach is not None
    names = ["条例", "实施办法", "条例\n", "实施条例\n", "暂行规定", "管理办法细则", "", "若干意见",
             "意见\n\n", "《条例》"]
    quoted = pats["quoted_short"]
    for text in texts_and_views():
        names += [h.title or "" for h in _find_titles(text, pats)]
        names += [m["alias"] for m in quoted.finditer(text)]
    generic_names = 0
    for name in names:
        assert _is_generic(name, pats) == (generic.search(name) is not None), name
        generic_names += _is_generic(name, pats)
    assert generic_names > 20


def test_patterns_sharing_a_required_string_ask_the_text_once():
    """`CitationPatterns.finditer` with one `held` dict for a text (as `_find_numbers` asks every
    number pattern) finds what it finds without it, on every corpus text."""
    from nlp.extract.citations import load_patterns

    pats = load_patterns()
    shared = [r for r in pats.requires.values() if list(pats.requires.values()).count(r) > 1]
    assert shared  # (the decree patterns share 令)
    found = 0
    for text in texts_and_views():
        held: dict[str, bool] = {}
        for pid in pats.number_ids:
            found += _same_matches(lambda t, pid=pid, held=held: pats.finditer(pid, t, held),
                                   lambda t, pid=pid: pats.finditer(pid, t), [text])
        assert held == {r: any(c in text for c in r) for r in held}
    assert found > 1000


# --------------------------------------------------------------------------- metadata (pass 18)
def test_a_line_holds_han_as_the_han_search_says():
    """`_holds_han` answers as `_HAN.search` on every line of every corpus text, raw and
    normalised (the lines `_first_lines` reads), and on hand-made lines; every character of the
    unified block it takes without a search is Han to the `regex` module."""
    from nlp.segment.metadata import _HAN, _UNIFIED, _holds_han

    lo, hi = map(ord, _UNIFIED)
    assert all(_HAN.match(chr(cp)) for cp in range(lo, hi + 1))
    lines = ["", " ", "abc", "（一）概述", "〇", "\u3007年", "㐀", "\U00020000", "（）", "2019年",
             "<p>", "\u4dff一", "\u9fff", "\ua000", "々", "\u2e80"]
    for text in texts_and_views():
        lines += text.splitlines()
    han = 0
    for line in lines:
        assert _holds_han(line) == (_HAN.search(line) is not None), line[:40]
        han += _holds_han(line)
    assert han > 10000 and len(lines) - han > 1000


def _name_pieces() -> list[str]:
    """Name-like pieces of every corpus text, raw and normalised (its clauses, and each clause
    cut after every character an office or a unit ends in), and hand-made office names, some
    with the line break before which a pattern's `$` also matches."""
    offices = ["某某市人民政府信息公开办公室", "商务部信息化司综合处", "青阳县杜村乡办公室",
               "南昌县政务公开和政府信息公开领导小组办公室", "某某县党政综合办公室", "某某镇党政办",
               "吉林市人民政府外事办公室综合处", "某某局办公室综合科", "某某市发展和改革委员会法规股",
               "章贡区人民政府水东镇办公室", "某某县政务公开政府信息公开办"]
    out = [*offices, *(o + "\n" for o in offices), *(o + "\n(某)" for o in offices), "办", "\n",
           "室\n\n", ""]
    clause = regex.compile(r"[^，。；、,;：:\s]{2,60}")
    for text in texts_and_views():
        for m in clause.finditer(text):
            piece = m.group()
            out.append(piece)
            out += [piece[:i + 1] for i, c in enumerate(piece) if c in "室办司处科股"]
    return out


def test_clean_agency_tries_the_office_patterns_only_on_an_office_s_ending(monkeypatch):
    """`clean_agency` asks the four office patterns only of a name `_office_ending` lets
    through, and each only where the words it needs stand (`_office_gates`): the same answers as asking them of every name, on the
    pieces of every corpus text and hand-made office names; and the office patterns find
    offices among them, also where a gate turns other names down."""
    import nlp.segment.metadata as meta

    pieces = [*_name_pieces(), "某某县某某镇政务公开政府信息公开工作领导小组办公室", "某某乡办公室\n", "城乡办公室",
              "某某街道办公室", "某某市某某局党政综合办", "某某省某某厅某某处\n", "某某县人民政府办公室"]
    fast = [meta.clean_agency(p) for p in pieces]
    offices = sum(bool(meta._UNIT_TAIL.match(p) or meta._BARE_INFO_OFFICE.match(p)) for p in pieces)
    towns = sum(bool(meta._TOWN_OFFICE.match(p)) for p in pieces)
    gated = sum(not all(meta._office_gates(p)) for p in pieces if meta._office_ending(p))
    assert towns > 10 and gated > 1000, (towns, gated)
    monkeypatch.setattr(meta, "_office_ending", lambda s: True)
    monkeypatch.setattr(meta, "_office_gates", lambda s: (True, True, True, True))
    meta_plain = [meta.clean_agency(p) for p in pieces]
    assert fast == meta_plain
    assert offices > 100 and sum(a is not None for a in fast) > 1000


# --------------------------------------------------------------------------- metadata (pass 20)
def _cleaning_pieces() -> list[str]:
    """What `clean_agency` reads after folding: the name pieces of every corpus text, and
    hand-made names each of its cleaning patterns changes."""
    from nlp.normalize import same_length

    made = ["puroview.com沙头镇", "  2019某某县人民政府", "原高青县质量技术监督局", "本某某市统计局", "我某某县",
            "原局", "某某县人民政府（原某某县政府）", "某某(某)局", "某某局（", "市发改委下属事业单位某某中心",
            "某某所属单位", "属", "(某)市政府", "", "（", "某某街\n", "某某州", "某州", "ab街", "新区"]
    return [same_length(p).strip() for p in [*made, *_name_pieces()]]


def test_clean_agency_s_patterns_are_skipped_only_where_they_cannot_match():
    """`clean_agency` asks `_NON_HAN_LEAD` only of a name that does not open on a unified
    ideograph, `_BRACKETED` only of one with a bracket, `_FORMER` only of one opening on one of
    its words and `_SUBORDINATE` only of one holding 属: on every name piece of the corpus, a
    pattern never matches where it is skipped, and each is skipped and matches often."""
    from nlp.segment.metadata import (
        _BRACKETED,
        _FORMER,
        _FORMER_WORDS,
        _NON_HAN_LEAD,
        _SUBORDINATE,
        _UNIFIED,
    )

    guards = {
        _NON_HAN_LEAD: lambda s: not _UNIFIED[0] <= s[:1] <= _UNIFIED[1],
        _BRACKETED: lambda s: "(" in s or "（" in s,
        _FORMER: lambda s: s.startswith(_FORMER_WORDS),
        _SUBORDINATE: lambda s: "属" in s,
    }
    skipped = dict.fromkeys(guards, 0)
    matched = dict.fromkeys(guards, 0)
    for s in _cleaning_pieces():
        for pattern, asked in guards.items():
            found = pattern.search(s) is not None
            if not asked(s):
                assert not found, (pattern.pattern, s)
                skipped[pattern] += 1
            matched[pattern] += found
    assert min(skipped.values()) > 1000, skipped
    assert min(matched.values()) >= 3, matched


def test_a_suffix_at_the_end_is_searched_from_its_reach():
    """`_at_end` finds what `search` finds for each `…$` pattern of `_END_REACH` (every one with
    a known reach), on every name piece of the corpus, each with a final line break too, and on
    names whose `(?<=\\p{Han}{2})[街州]` looks back before the search's start."""
    from nlp.segment.metadata import _END_REACH, _at_end

    assert _END_REACH and all(r is not None for r in _END_REACH.values())
    names = [*_cleaning_pieces(), "某某某某某某某某某州", "某某某某某某某a州", "某某某某人民政府办公室\n",
             "某某某管理委员会办公室", "某某高新区", "某某", "州"]
    names += [n + "\n" for n in names]
    found = 0
    for pattern in _END_REACH:
        for name in names:
            m = _at_end(pattern, name)
            plain = pattern.search(name)
            assert (m and (m.span(), m.group())) == (plain and (plain.span(), plain.group())), name
            found += m is not None
    assert found > 1000


def test_the_characters_a_title_line_can_end_on_are_those_t2s_and_the_width_table_fold_to_it(tmp_path):
    """`_TITLE_LAST` holds every character whose fold is 告 or 报 (the last of 报告 and 年报):
    derived again from the installed OpenCC's t2s dictionaries (a key's character where one of
    its values has one of them, repeated until nothing is added) and, over every code point,
    the width table; and no folding step turns a character that is not white space into one
    (so a stripped line's fold ends where the line does)."""
    from test_normalize import _t2s_dictionary_lines

    from nlp.normalize import _fold_width, same_length
    from nlp.segment.metadata import _TITLE_LAST, _title_last

    entries = _t2s_dictionary_lines(tmp_path)
    assert _title_last() == _TITLE_LAST[1]
    folds_to = set("告报")
    while True:
        more = {key[j] for key, values in entries for v in values if len(v) == len(key)
                for j, ch in enumerate(v) if ch in folds_to} - folds_to
        more |= {c for key, values in entries for v in values if len(v) != len(key)
                 and set(v) & folds_to for c in key} - folds_to
        if not more:
            break
        folds_to |= more
    code_points = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    assert {c for c in code_points if _fold_width(c) in folds_to} == _TITLE_LAST[1]
    assert not any(ch.isspace() for _, values in entries for v in values for ch in v)
    assert not any(same_length(c).isspace() for c in code_points if not c.isspace())


def _title_documents() -> list[Any]:
    """Every corpus text as the pipeline reads it before the metadata (normalised, its text
    tables and structure found), and hand-made openings with traditional, glossed and spaced
    title lines."""
    from corpus import corpus_texts

    from nlp.records import Document
    from nlp.segment.blocks import find_text_tables
    from nlp.segment.structure import find_structure

    made = ["政府資訊公開\n某某縣人民政府2019年政府資訊公開工作年度報告\n正文", "某某市2019年\n政府信息公开工作年报\n",
            "標題：某某局2020年政府信息公開年報　　\n", "某某县2021年政府信息公开工作年度報(bào)告(gào)\n一、",
            "某某区2022年政府信息公开工作年度\U0002F857告\n", "某某镇2018年政务公开报 告\n", "2023年度报告\n"]
    docs = []
    for text in [*corpus_texts(), *made]:
        doc = Document(doc_id="t", path=None, format="text", text=text)
        doc.tables.extend(find_text_tables(doc, start_index=0))
        find_structure(doc)
        docs.append(doc)
    return docs


def test_only_lines_ending_as_a_title_can_are_folded_for_the_title(monkeypatch):
    """`find_title` folds only the lines whose last character is one of `_TITLE_LAST`, and reads
    (glosses and field labels dropped) only those that end so or in a gloss's bracket and the
    lines before them: the same title and source as reading every line and folding every line
    of a title's length, on every corpus text and on hand-made titles (traditional, glossed,
    with wide blanks)."""
    import nlp.segment.metadata as meta

    docs = _title_documents()
    folded: list[int] = []
    each = meta._same_length_each
    monkeypatch.setattr(meta, "_same_length_each", lambda texts: folded.append(len(texts)) or each(texts))
    fast = [meta.find_title(d, meta.crawler_header(d.text)[0]) for d in docs]
    gated = sum(folded)
    folded.clear()
    monkeypatch.setattr(meta, "_title_last", lambda: None)
    plain = [meta.find_title(d, meta.crawler_header(d.text)[0]) for d in docs]
    assert fast == plain
    assert sum(t is not None for t, _ in fast) > 500
    assert sum(folded) > 3 * gated, (sum(folded), gated)


# --------------------------------------------------------------------------- metadata (pass 21)
def test_the_opening_subject_s_gate_reads_every_han_character_as_a_name_s():
    """`_verb_after_name` reads the three characters before a verb in a class that holds every
    character `regex` reads as `\\p{Han}` (on the installed `regex`, every code point), and none
    of the ASCII and punctuation it leaves out."""
    from nlp.segment.metadata import _THREE_HAN, _verb_after_name

    han = regex.compile(r"\p{Han}")
    for code in range(0x110000):
        c = chr(code)
        if han.match(c):
            assert _THREE_HAN.match(c * 3), hex(code)
    assert _verb_after_name("某某局根据") and _verb_after_name("，某某局按照") and not _verb_after_name("某局根据")
    for c in "a1 \u3000，。、；：！？（）《》【】“”‘’\n":
        assert not _verb_after_name("某某" + c + "根据"), c


def test_the_opening_subject_is_searched_only_where_a_verb_follows_three_han_characters():
    """Every match of `_OPENING_SUBJECT` holds one of its verbs right after three Han characters
    or more (its lookahead), so a text where `_verb_after_name` finds none has no match: on the
    opening of every corpus text (raw and folded; its first 600 characters, as `find_agency`
    asks, and all 4,000) the gate finds a verb in every text with a match, and turns most of the
    others away."""
    from nlp.segment.metadata import _OPENING_SUBJECT, _verb_after_name

    texts = _openings()
    texts += [t[:600] for t in texts] + [
        "某某县人民政府根据条例", "\n\u3000\u3000某某局按照要求", "一、总体情况：某某区严格按照",
        "（一）某某镇依据", "某某，根据条例", "2023年，某局根据", "某某局严格按照要求", "，局严格按照"]
    matched = turned_away = 0
    for t in texts:
        gate = _verb_after_name(t)
        if _OPENING_SUBJECT.search(t) is not None:
            assert gate, t[:80]
            matched += 1
        turned_away += not gate
    assert matched > 100, matched
    assert turned_away > 3000, turned_away


# --------------------------------------------------------------------------- normalize (pass 22)
def _heading_and_line_texts() -> list[str]:
    """Every line of every corpus text (headings, names and titles among them), its folded
    form, and it with the two lines after it."""
    from nlp.normalize import same_length

    out: set[str] = set()
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines()
        for i, line in enumerate(lines):
            out.add(line)
            out.add(same_length(line))
            out.add("\n".join(lines[i:i + 3]))  # (line breaks a view may join)
    return sorted(out)


def test_a_short_text_without_a_foldable_character_is_not_translated():
    """`_fold_width` of a short text asks `_FOLDABLE` before `str.translate`: the same as the
    translation for every code point of the BMP and every corpus line."""
    from nlp.normalize import _TABLE, _fold_width

    changed = 0
    for cp in range(0x10000):
        ch = chr(cp)
        assert _fold_width(ch) == ch.translate(_TABLE), hex(cp)
        changed += _fold_width(ch) != ch
    assert changed > 200
    for line in _heading_and_line_texts():
        assert _fold_width(line) == line.translate(_TABLE)


def test_normalize_returns_a_text_without_a_character_it_acts_on_as_its_own_view(monkeypatch):
    """`normalize` answers a text in which `_may_act` finds nothing (most titles and names) as
    its own view, without the steps: the same as the steps give, for every code point the
    search lets through (in texts of them, after a Han character, between digits, and each
    alone) and for every corpus line; and the search finds every character of `_ACTED_ON`,
    every foldable one and every one t2s may change."""
    import nlp.normalize as nz

    acts = nz._may_act()
    assert acts is not None
    inert = [chr(cp) for cp in range(0x10000) if acts.search(chr(cp)) is None]
    assert 6000 < len(inert) < 7500  # (GB2312 and ASCII, less what folds or starts a step)
    for ch in [*nz._ACTED_ON, *map(chr, nz._TABLE), *nz._SPACES, *nz._ZERO_WIDTH]:
        assert acts.search(ch) is not None, hex(ord(ch))
    may_change = nz._t2s_may_change()
    assert may_change is not None
    assert all(may_change.search(ch) is None for ch in inert)
    texts = ["".join(inert[i:i + 9]) for i in range(0, len(inert), 9)]
    texts += ["中" + ch + "文" for ch in inert] + ["1" + ch + "2" for ch in inert] + inert
    texts += _heading_and_line_texts()
    # (what each step acts on, each text with no other such character)
    texts += ["??一、总体情况", "？？一、总体情况", ">一、总体情况", "网（wǎng）站", "网(wǎng)站", "公开信息&lt;条", "# 一、总体情况",
              "> 一、总体情况", "**一、总体情况**", "信息[12]条", "信息(12)条", "全 年 共 公 开 信 息 十 条",
              "本机关全年主动公开政府信息一千二百条其中\n规范性文件十二件。", "正文\n第6页\n正文",
              "正文\n-9-\n正文", "正文\n—9—\n正文", "正文\n·9·\n正文", "正文\nPage9\n正文"]
    quick = sum(acts.search(t) is None for t in texts)
    assert quick > 10000
    got = [nz.normalize(t) for t in texts]
    monkeypatch.setattr(nz, "_may_act", lambda: None)  # (every text through every step)
    assert [nz.normalize(t) for t in texts] == got


# --------------------------------------------------------------------------- metadata (pass 22)
def _place_texts() -> list[str]:
    """What the cpca scan reads: the folded opening (1,500 characters) of every corpus text, a
    slice from its middle, and its end."""
    from nlp.normalize import same_length

    out = []
    for path in sorted(CORPORA.rglob("*.txt")):
        t = same_length(path.read_text(encoding="utf-8", errors="replace"))
        out += [t[:1500], t[len(t) // 2:len(t) // 2 + 800], t[-800:]]
    return out


def _cpca_words(frequent: str = ""):
    import cpca

    from nlp.scan import Words

    return Words({k for m in (cpca.province_map, cpca.city_map, cpca.area_map) for k in m
                  if isinstance(k, str) and k}, frequent)


def test_pair_starts_are_the_positions_words_finds_on_the_corpus():
    """`Words.starts` of the place names lists the positions `Words.positions` yields, on
    what the cpca scan reads of every corpus text and on hand-made overlaps."""
    from nlp.scan import WORDS_SLICED_MOST, Words
    from nlp.segment.metadata import _REPORT_SECONDS

    words, split = _cpca_words(), _cpca_words(_REPORT_SECONDS)
    found, sliced = 0, 0
    texts = [*_place_texts(), "北京北京市市辖区", "江西西江西", "", "北", "广州州市广州广州",
             "南开封开和政府忻府区焦作市合作"]
    # (and the names and titles the scan reads, pair by pair: `WORDS_SLICED_MOST`)
    texts += [t[k:k + n] for t in texts[:300:3] for k in (0, 17) for n in (8, 13, 30, 31)]
    for text in texts:
        got = words.starts(text)
        assert got == list(words.positions(text)), text[:40]
        assert split.starts(text) == got, text[:40]
        found += len(got)
        sliced += len(got) if len(text) <= WORDS_SLICED_MOST else 0
    assert found - sliced > 10000 and sliced > 100
    with pytest.raises(ValueError):
        Words(["北"])
    assert Words([]).starts("北京") == []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["北京", "京北", "北", "京", "市", "江西", "西江", "西", "江", "安",
                                 "公安", "和", "共和国", "\U0001d7d9", "\n", " ", "政府", "州"]),
                max_size=30))
def test_pair_starts_on_generated_text(pieces):
    """The same on text made of overlapping pairs, repeats and characters of both classes."""
    from nlp.scan import Words

    names = ["北京", "京北市", "江西", "西江", "西西", "公安", "共和国", "和国", "州市"]
    words = Words(names)
    text = "".join(pieces)
    assert words.starts(text) == list(words.positions(text))
    # (the pairs ending in a frequent character found from their first characters: some, all, none)
    for frequent in ("西", "京安国", "京北市江西安和国", "政"):
        assert Words(names, frequent).starts(text) == list(words.positions(text)), frequent


# --------------------------------------------------------------------------- metadata (pass 24)
def test_the_agency_patterns_open_on_their_lead_words():
    """Every pattern of `_LEADS` opens on a group that is the alternation of its lead words and
    is not repeated or optional: every match begins with one of them."""
    from nlp.segment.metadata import _LEADS

    for pattern, leads in _LEADS.items():
        opening = "(?:" + "|".join(leads) + ")"
        assert pattern.pattern.startswith(opening), pattern.pattern[:40]
        assert pattern.pattern[len(opening):][:1] not in ("?", "*", "+", "{"), pattern.pattern[:40]
    assert all("|" not in lead and "\\" not in lead for leads in _LEADS.values() for lead in leads)


def test_agency_patterns_asked_at_their_lead_words_find_what_finditer_finds():
    """`finditer_from_firsts` with a pattern's `_LEADS` (and the places shared between the
    patterns, as `find_agency` shares them) finds `finditer`'s matches, spans and groups, in
    the opening of every corpus text, raw, normalised and folded, and in hand-made openings."""
    from nlp.normalize import same_length
    from nlp.scan import finditer_from_firsts
    from nlp.segment.metadata import _LEADS

    made = ["现将2019年某某县人民政府信息公开工作年度报告公布如下", "请与某某县人民政府办公室联系。",
            "可直接与可与请与", "公布发布《某某市统计局（某某调查队）2020年度政府信息公开工作年度报告》",
            "2019年，某某县人民政府坚持", "。2020年度某某局认真", "20192020"]
    texts = [*made]
    for text in texts_and_views():
        texts += [text[:4000], same_length(text[:4000])]
    found = {pattern: 0 for pattern in _LEADS}
    for text in texts:
        places: dict[str, list[int]] = {}
        for pattern, leads in _LEADS.items():
            got = _found(finditer_from_firsts(pattern, text, leads, places))
            assert got == _found(pattern.finditer(text)), (pattern.pattern[:20], text[:60])
            found[pattern] += len(got)
    assert all(n > 20 for n in found.values()), found


def test_line_led_patterns_asked_at_line_starts_find_what_finditer_finds():
    """`finditer_at_line_starts` finds `finditer`'s matches, spans and groups, for each pattern
    of `_LINE_LED` (led by `(?m:^)`, no `regex.WORD`, no empty match), in the opening of every
    corpus text, raw, normalised and folded, and in hand-made texts with other line breaks."""
    from nlp.normalize import same_length
    from nlp.scan import finditer_at_line_starts
    from nlp.segment.metadata import _LINE_LED

    for pattern in _LINE_LED:
        assert pattern.pattern.startswith("(?m:^)") and not pattern.flags & regex.WORD
        assert pattern.match("") is None
    made = ["某某县人民政府政府信息公开工作年度报告", "\n某某县人民政府政府信息公开工作年度报告\n",
            "x\r某某县人民政府政府信息公开工作年度报告", "x\u2028某某县人民政府依据《条例》",
            "\n\n  某某县人民政府\n2019年政府信息公开工作年度报告", "某某县人民政府依据\n某某局根据\n", "\n", "",
            "(一)某某县人民政府依据\n\t某某局根据\n\x1c某某局根据\n~某某局根据\n\x7f某某局根据\n 一、总体情况某某局根据",
            "2019年某某县人民政府政府信息公开工作年度报告\n\v某某县人民政府政府信息公开工作年度报告\n"]
    texts = [*made]
    for text in texts_and_views():
        texts += [text[:300], text[:600], same_length(text[:600])]
    found = dict.fromkeys(_LINE_LED, 0)
    for text in texts:
        for pattern in _LINE_LED:
            want = _found(pattern.finditer(text))
            got = _found(finditer_at_line_starts(pattern, text))
            assert got == want, (pattern.pattern[:20], text[:60])
            # (every match opens on blanks and a Han character: lines opening on other ASCII skipped)
            got = _found(finditer_at_line_starts(pattern, text, han_after_blanks=True))
            assert got == want, (pattern.pattern[:20], text[:60])
            found[pattern] += len(got)
    assert all(n > 20 for n in found.values()), found


def test_year_patterns_asked_at_their_lead_words_find_what_finditer_to_3000_finds():
    """Every match of a `_YEAR_LEADS` pattern begins with one of its words (read from the
    source), and `finditer_from_firsts` over the first 3,000 characters (places shared, as
    `find_year` shares them) finds what `finditer(text, 0, 3000)` finds, on every corpus text,
    raw and normalised, and on hand-made ones."""
    from nlp.scan import finditer_from_firsts
    from nlp.segment.metadata import (
        _CARRIED_TO,
        _PAGE_DATE,
        _REPORT_YEAR,
        _YEAR,
        _YEAR_LEADS,
        _YEAR_WORD,
    )

    assert _YEAR == "(?:19|20)\\d{2}"
    assert _REPORT_YEAR.pattern.startswith("((?:19|20)") and _YEAR_WORD.pattern.startswith("((?:19|20)")
    assert _YEAR_LEADS[_REPORT_YEAR] == _YEAR_LEADS[_YEAR_WORD] == ("19", "20")
    verbs, words, links = "发布|更新|成文|印发|生成|录入", "日期|时间", "上一篇|下一篇|上一条|下一条"
    assert _PAGE_DATE.pattern.startswith(f"(?:{verbs})?(?:{words})")
    assert f"|(?:{links})" in _PAGE_DATE.pattern and _PAGE_DATE.pattern.count("|(?:") == 1
    assert set(_YEAR_LEADS[_PAGE_DATE]) == set("|".join((verbs, words, links)).split("|"))
    carried = "结转|转结|顺延|转入|转"
    assert _CARRIED_TO.pattern.startswith(f"(?:{carried})(")
    assert all(w.startswith(_YEAR_LEADS[_CARRIED_TO]) for w in carried.split("|"))
    made = ["发布日期：2024年01月18日 上一篇：关于2022年度部门决算的公告", "2019年度政府信息公开工作年度报告",
            "x" * 2990 + "2019年度政府信息公开工作报告", "x" * 2995 + "上一篇:某某", "1920 2019 年", "",
            "转办，结转至2023年办理，转结 2022 年度继续处理；顺延到2021年答复，转入2020年处理，转2019年度办理",
            "结转结转2023年办理转转2022年答复", "x" * 2985 + "转入2020年处理"]
    found = dict.fromkeys(_YEAR_LEADS, 0)
    for text in [*made, *texts_and_views()]:
        places: dict[str, list[int]] = {}
        for pattern, leads in _YEAR_LEADS.items():
            got = _found(finditer_from_firsts(pattern, text[:3000], leads, places))
            assert got == _found(pattern.finditer(text, 0, 3000)), (pattern.pattern[:20], text[:60])
            found[pattern] += len(got)
    assert all(n > 20 for n in found.values()), found


# --------------------------------------------------------------------------- metadata (pass 26)
def test_name_endings_are_what_the_name_end_pattern_matches():
    """`_name_ending_start` is where `_at_end(_NAME_END, s)` starts (None where it finds none), on
    every piece of every ending with Han characters before and after it, and on the agency
    names the corpus texts give `clean_agency`; and every ending is a whole match."""
    import itertools

    from nlp.segment.metadata import _NAME_END, _NAME_ENDINGS, _at_end, _name_ending_start

    for w in _NAME_ENDINGS:
        assert _NAME_END.fullmatch("一二" + w, 2)
    pieces = {w[i:j] for w in _NAME_ENDINGS for i, j in itertools.combinations(range(max(map(len, _NAME_ENDINGS)) + 1), 2)
              if j <= len(w)}
    texts = {pre + w + post for pre in ("", "一", "一二", "一二三", "人民", "委员", "自治", "街")
             for w in pieces for post in ("", "办", "区", "局", "一", "州")}
    for path in sorted(CORPORA.rglob("*.txt"))[::7]:
        texts.update(regex.findall(r"\p{Han}{2,40}", path.read_text(encoding="utf-8", errors="replace")[:600]))
    for s in texts:
        m = _at_end(_NAME_END, s)
        assert _name_ending_start(s) == (None if m is None else m.start()), s
    assert len(texts) > 5000



# --------------------------------------------------------------------------- metadata (pass 29)
def test_a_header_field_is_what_the_header_line_pattern_reads():
    """`_header_field` gives `_HEADER_LINE.match`'s two groups (None where it does not match) on
    every line of the opening of every corpus text (as `splitlines` keeps them) and on made
    lines: keys of 1 to 10 characters, blanks and both colons around them, empty values, each
    line break `splitlines` splits at; and a crawler header's fields are found."""
    import itertools

    from nlp.scan import REGEX_SPACE
    from nlp.segment.metadata import _HEADER_LINE, _header_field, crawler_header

    lines = []
    for path in sorted(CORPORA.rglob("*.txt")):
        lines += path.read_text(encoding="utf-8")[:3000].splitlines(keepends=True)
    keys = ["", "标", "标题", "发布机构", "abcdefgh", "abcdefghi", "原文链接", "a b", "网址：x"]
    for pre, key, mid, colon, value, end in itertools.product(
            ["", " ", "\u3000\t"], keys, ["", " ", "\xa0"], [":", "：", "", "::"],
            ["", " ", "x", " https://x.cn/a b ", "值\x1c", " 值 \u3000"],
            ["", "\n", "\r\n", "\r", "\x1c", "\u2028", " \n"]):
        lines.append(pre + key + mid + colon + value + end)
    found = 0
    for line in lines:
        m = _HEADER_LINE.match(line)
        assert _header_field(line) == (None if m is None else m.groups()), repr(line)
        found += m is not None
    assert found > 1000 and "\x1c" not in REGEX_SPACE
    text = "标题: 某某县2020年报告\n发布时间: 2021-01-12 16:08\n文号: \n==================== 正文 ====================\n正文"
    assert crawler_header(text) == ({"标题": "某某县2020年报告", "发布时间": "2021-01-12 16:08", "文号": ""},
                                    len(text) - 2)


def test_a_place_s_ending_is_searched_only_after_its_last_character():
    """`_resolve_place` searches `_PLACE_END` only in a name whose last character (before a final
    line break) is one of `_PLACE_LAST`: on every name piece of the corpus, each with a final line
    break too, the pattern never matches another, and the gate turns many down."""
    from nlp.segment.metadata import _PLACE_END, _PLACE_LAST, _at_end, _last_char

    names = [*_cleaning_pieces(), "某某州", "州", "某某街道", "某某旗\n", "某街"]
    skipped = matched = 0
    for s in [*names, *(n + "\n" for n in names)]:
        found = _at_end(_PLACE_END, s) is not None
        if _last_char(s) not in _PLACE_LAST:
            assert not found, s
            skipped += 1
        matched += found
    assert skipped > 1000 and matched > 100, (skipped, matched)


def test_signature_searched_near_its_year_finds_what_the_whole_search_finds():
    """`_signature_in` is `_SIGNATURE.search`: the name's widest match is
    `_SIGNATURE_NAME_MOST`, and on made-up tails (blanks between name, year and 年, a year
    of Chinese numerals, names of every width and longer Han runs, 年 inside the name, a final
    line break, 附件下载, too short a tail) both give the same match."""
    from nlp.segment.metadata import (
        _SIGNATURE,
        _SIGNATURE_NAME,
        _SIGNATURE_NAME_MOST,
        _signature_in,
    )

    assert _widths(_SIGNATURE_NAME)[1] == _SIGNATURE_NAME_MOST
    names = ["某" * k + suffix for k in (1, 3, 4, 5, 39, 40, 41, 60)
             for suffix in ("局", "人民政府办公室", "管理委员会办公室", "中心")]
    names += ["某年某县人民政府", "2019年某某县教育局", "县局"]
    dates = ["2023年3月5日", "2023 年 12 月 31 日", "二〇二三年三月五日", "2023\u3000\n年1月1日附件下载",
             "2023年1月1日 附件下载\n", "23年1月1日", "2023年1月1日。", "〇二三年1月1日"]
    found = 0
    for name in names:
        for gap in ("", " ", "\n\n  \t"):
            for date in dates:
                for lead in ("", "某某", "。", "年"):
                    tail = lead + name + gap + date
                    m, got = _SIGNATURE.search(tail), _signature_in(tail)
                    assert (got and (got.span(), got.groups())) == (m and (m.span(), m.groups())), tail
                    found += m is not None
    for tail in ("", "年", "1月1日", "某某局年1月1日", "某某某某局2023年1月1日年"):
        assert _signature_in(tail) is None and _SIGNATURE.search(tail) is None
    assert found > 100


def test_compiled_by_asked_before_its_verbs_finds_what_the_search_finds():
    """`_compiled_matches` is `_COMPILED.finditer`: on the opening of every corpus text (raw and
    folded) and on made-up texts (marks, blanks and line feeds before the name, the text's
    start, names of 2 to 49 characters and longer Han runs, two verbs in a run, matches in a
    row, a verb right after a mark)."""
    from nlp.segment.metadata import _COMPILED, _compiled_matches

    made = []
    for lead in ("", "，", "。 ", "某\n", "某 \n \n", "  ", "\n", "某", "某 ", ",\u3000"):
        for name in ("某局", "某县人民政府办公室", "某" * 39 + "局", "某" * 40 + "办公室", "某" * 41 + "局",
                     "某" * 60 + "局", "某某局编制某某局", "根据某局", "某编", ""):
            for after in ("编制了2017年报告", "编制本报告", "编制 的", "编制完成2020 年", "编制"):
                made.append(lead + name + after)
                made.append(lead + name + after + "。" + name + after + "\n" + name + after)
    texts = [*made, *_openings()]
    assert _same_matches(lambda t: _compiled_matches(t), _COMPILED, made) > 100
    assert _same_matches(lambda t: _compiled_matches(t), _COMPILED, texts) > 120


# --------------------------------------------------------------------------- metadata (pass 31)
def test_lead_gates_drop_only_words_the_text_lacks():
    """Each `_LEAD_GATES` character stands in its word, a lead word of `_LEADS` or `_YEAR_LEADS`;
    `_leads_in` keeps a pattern's leads in order and drops a word only where its text lacks it
    (every corpus opening, raw, normalised and folded, and made-up texts), so
    `finditer_from_firsts` with the leads kept finds what `finditer` finds. The test fails when a
    gate is not a character of its word."""
    from nlp.normalize import same_length
    from nlp.scan import finditer_from_firsts
    from nlp.segment.metadata import _LEAD_GATES, _LEADS, _YEAR_LEADS, _leads_in

    leads = {w for ws in (*_LEADS.values(), *_YEAR_LEADS.values()) for w in ws}
    assert all(len(g) == 1 and g in w and w in leads for w, g in _LEAD_GATES.items())
    made = ["请与某某县人民政府办公室联系。", "可直接与可与请与请致电可致电", "更新时间:2024年1月1日 上一篇:某某",
            "现将2019年某某县人民政府信息公开工作年度报告公布如下", "顺延至2021年答复", "1920 2019 年", ""]
    texts = [*made]
    for text in texts_and_views():
        texts += [text[:4000], same_length(text[:4000])]
    dropped = 0
    for text in texts:
        places: dict[str, list[int]] = {}
        for pattern, words in (*_LEADS.items(), *_YEAR_LEADS.items()):
            kept = _leads_in(text, words)
            assert kept == [w for w in words if w in kept]
            assert all(w not in text for w in words if w not in kept)
            dropped += len(words) - len(kept)
            got = _found(finditer_from_firsts(pattern, text, kept, places))
            assert got == _found(pattern.finditer(text)), (pattern.pattern[:20], text[:60])
    assert dropped > 1000


def test_renamed_county_asked_only_of_a_name_with_a_county_end():
    """`_COUNTY_NAMED`'s county end is the class of `_COUNTY_ENDS`, which every match holds:
    `_renamed_county` answers as the plain search on made-up names and on the first lines of
    every corpus text (a search finds nothing in a text without one of them)."""
    from nlp.segment import metadata
    from nlp.segment.metadata import _COUNTY_ENDS, _COUNTY_NAMED, _renamed_county

    assert f"[{_COUNTY_ENDS}]" in _COUNTY_NAMED.pattern
    made = ["湖南省祁阳县人民政府", "萧山市政府", "通化市", "省政务公开办公室", "巴州人民政府", "某某镇", ""]
    texts = [*made]
    for text in texts_and_views():
        texts += text[:600].splitlines()[:8]
    plain = 0
    for text in texts:
        found = list(_COUNTY_NAMED.finditer(text))
        if not any(c in text for c in _COUNTY_ENDS):
            assert not found
        saved = metadata._COUNTY_ENDS
        try:
            metadata._COUNTY_ENDS = "\n" + text  # (no text lacks all its characters: the plain way)
            want = _renamed_county(text) if text else None
        finally:
            metadata._COUNTY_ENDS = saved
        assert _renamed_county(text) == want, text
        plain += want is not None
    assert plain > 10


def test_title_lines_read_by_their_last_character():
    """`_read_last` holds a line's last character where the line ends in one of `_title_last()`
    or with one of `_GLOSS_ENDS` (single characters), and no other: on every corpus text's
    first lines and on made-up lines."""
    from nlp.segment.metadata import _GLOSS_ENDS, _first_lines, _read_last, _title_last

    last = _title_last()
    assert last is not None and all(len(e) == 1 for e in _GLOSS_ENDS)
    ends = _read_last()
    lines = ["", "报告", "年报", "報(bào)", "报告（gào）", "某某", ")", "）", " ", "告 "]
    for text in texts_and_views():
        lines += [ln.strip() for ln in _first_lines(text, 12)]
    hits = 0
    for ln in lines:
        want = ln[-1:] in last or ln.endswith(_GLOSS_ENDS)
        assert (ln[-1:] in ends) == want, ln
        hits += want
    assert hits > 100
