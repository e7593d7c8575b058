"""The shortcuts of the link stage compared with the plain way.

`nlp.scan.PatternFilter` (RE2's `FilteredRE2` over each pattern loosened by `re2_superset`) says
which indicator rules may match a text; `nlp.link.candidate_rules` asks it before the rules'
regexes. The promise: a pattern it leaves out finds nothing in the text. Checked on hand-made
patterns, on generated text and on every clause and sentence of the corpus texts.
"""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.scan import PatternFilter, re2_superset


def _loose(src: str) -> str | None:
    return re2_superset(regex.compile(src))


@pytest.mark.parametrize(("pattern", "want"), [
    ("申请", "\\x{7533}\\x{8bf7}"),
    ("(?<!依)申请(?=公开)", "\\x{7533}\\x{8bf7}"),  # lookarounds left out
    ("^受理$", "\\x{53d7}\\x{7406}"),  # anchors left out
    ("[件条]", "[\\x{4ef6}\\x{6761}]"),
    ("[^，,]", "[^\\x{ff0c}\\x{2c}]"),
    ("[^\\s，]", "(?s:.)"),  # a class with a category (negated too): any character
    ("\\p{Han}", "(?s:.)"),
    ("\\d", "(?s:.)"),
    ("a{2,20}", "(?:\\x{61}){2,}"),  # no upper bound
    ("a{9}", "(?:\\x{61}){4,}"),  # a long count: at least a few
    ("a?", "(?:\\x{61})?"),
    ("(?>ab)++", "(?:(?:\\x{61}\\x{62})){1,}"),  # atomic and possessive: plain
    ("(a)\\1", None),  # a back-reference
    ("(?i)abc", None),  # case folding
    ("(?i:a)bc", None),
    ("(a)?(?(1)b|c)", None),  # a conditional group
])
def test_re2_superset_of_patterns(pattern, want):
    assert _loose(pattern) == want


# patterns with the constructs `re2_superset` loosens, and some it refuses
_TRICKY = [
    "(?<![、和])微博(?:号)?(?:上|中)?(?:公开|发布)",
    "(?:^|[，,、])网站(?:[（(][^）)]{0,10}[）)])?$",
    "(?<=收到)\\d+件",
    "申请(?!公开)",
    "[^\\d，]{2,4}件",
    "\\p{Han}{2}局",
    "(?:政府|门户)?网站",  # what the empty text matches too
    "(?>公开)+信息",
    "网{2,3}",
    "(信息)\\1",  # refused: always a candidate
    "(?i)ab",
    "\\b公开\\b",
    "(?s:.)发布",
    ".?",  # matches the empty string
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(
    ["微博", "号", "上", "公开", "发布", "网站", "、", "，", ",", "（", "）", "(", ")", "收到", "3",
     "件", "申请", "政府", "门户", "信息", "局", "网", "a", "B", "\n", " ", "省"]), max_size=20))
def test_pattern_filter_keeps_every_match_on_generated_text(pieces):
    """A pattern `PatternFilter.candidates` leaves out finds nothing in the text."""
    text = "".join(pieces)
    patterns = [regex.compile(p) for p in _TRICKY]
    flt = PatternFilter(patterns)
    found = set(flt.candidates(text))
    for i, p in enumerate(patterns):
        if p.search(text) is not None:
            assert i in found, (p.pattern, text)


def test_pattern_filter_edge_texts():
    """An empty text: the patterns that match it; a text RE2 cannot read (a lone surrogate):
    every pattern; a pattern RE2 cannot take: always."""
    patterns = [regex.compile(p) for p in _TRICKY]
    flt = PatternFilter(patterns)
    assert list(flt.candidates("")) == [i for i, p in enumerate(patterns) if p.search("")]
    assert list(flt.candidates("微博\ud800发布")) == list(range(len(patterns)))
    assert _TRICKY.index("(信息)\\1") in flt.candidates("件")
    assert _TRICKY.index("(?i)ab") in flt.candidates("件")
    assert _TRICKY.index("(?<=收到)\\d+件") not in flt.candidates("收到3条")  # (it filters)


def test_rule_filter_keeps_every_match_on_every_corpus_clause():
    """No indicator rule that `nlp.link._rule_filter` leaves out matches a clause, a sentence
    or a line of a corpus text (raw and normalised); and it leaves out most rules."""
    from corpus import clause_pieces

    from nlp.link import _rule_filter, _rules_for

    pieces = clause_pieces()
    rules = _rules_for(None)
    flt = _rule_filter(None)
    assert flt.size == len(rules) and not flt._always  # every rule has an RE2 form
    matched = asked = 0
    for p in pieces:
        found = set(flt.candidates(p))
        asked += len(found)
        for i, rule in enumerate(rules):
            if i not in found:
                assert rule.pattern.search(p) is None, (rule.id, p)
            else:
                matched += rule.pattern.search(p) is not None
    assert matched > 1000  # the rules matched, not only missed
    assert asked < len(pieces) * len(rules) * 0.05  # it spared most regexes


def test_a_sentence_start_is_looked_up_in_the_view_once_for_its_claims(monkeypatch):
    """`assign_indicators` looks the view offset of a claim's sentence start up only when it
    is not the claim before's (62% of claims share the sentence of the one before): on corpus
    reports, its lookups are two a claim (start and end), one a run of claims in a sentence,
    and a few others; not one more a claim. (The records: the snapshot gate.)"""
    from corpus import CORPORA

    import nlp
    from nlp.link import assign_indicators
    from nlp.normalize import NormalizedText

    calls: list[int] = []
    plain = NormalizedText.to_norm
    monkeypatch.setattr(NormalizedText, "to_norm",
                        lambda self, o: calls.append(o) or plain(self, o))
    # (a lookup with a guess counts as one: the guess is only checked)
    monkeypatch.setattr(NormalizedText, "to_norm_near",
                        lambda self, o, guess: calls.append(o) or plain(self, o))
    n = runs = starts = lookups = 0
    for path in sorted(CORPORA.glob("full/*.txt"))[:60]:
        report = nlp.extract(path)
        for c in report.claims:
            c.indicator, c.extractor = None, ""
        del calls[:]
        assign_indicators(report, classify=False)
        firsts = [c.sentence[0] for c in report.claims if c.sentence]
        n += len(report.claims)
        starts += len(firsts)
        runs += sum(1 for i, s in enumerate(firsts) if i == 0 or s != firsts[i - 1])
        lookups += len(calls)
    assert starts - runs > starts / 3  # (claims sharing a sentence: the lookups spared)
    assert 2 * n + runs <= lookups < 2 * n + runs + (starts - runs) / 4


def test_union_is_the_union_of_candidates_on_every_corpus_clause():
    """`PatternFilter.union` (the compiled filter called directly, as `candidate_rules`
    asks it) gives the set `candidates` gives for each text, for the rule filter of every unit:
    on every clause, sentence and line of the corpus texts, two at a time, with an empty text,
    and with a text RE2 cannot read (every rule then)."""
    from corpus import clause_pieces

    from nlp.link import _rule_filter, _rules_for, indicator_rules

    pieces = sorted(clause_pieces())
    units = sorted({u for r in indicator_rules() for u in r.units})
    found = 0
    for unit in [None, *units]:
        flt = _rule_filter(unit)
        assert flt.size == len(_rules_for(unit))
        step = 1 if unit in (None, "件", "条") else 7  # (every piece for the largest filters)
        for a, b in zip(pieces[::step], [*pieces[1::step], ""], strict=False):
            want = set(flt.candidates(a)) | set(flt.candidates(b))
            assert flt.union((a, b)) == want, (unit, a, b)
            assert flt.union((a,)) == set(flt.candidates(a)), (unit, a)
            found += bool(want)
        assert flt.union(("", "")) == set(flt.candidates(""))
        assert flt.union(("件", "微博\ud800发布")) == set(range(flt.size))
    assert found > 50_000  # the filters answered, not only with nothing


def test_union_on_edge_patterns():
    """`union` with patterns RE2 cannot take (always candidates), with one that matches the
    empty text, and with no pattern RE2 can take."""
    from nlp.scan import PatternFilter

    patterns = [regex.compile(p) for p in _TRICKY]
    flt = PatternFilter(patterns)
    for texts in [("",), ("件",), ("收到3条", "微博发布"), ("网站", ""), ("ab", "信息信息")]:
        assert flt.union(texts) == set().union(*map(set, map(flt.candidates, texts))), texts
    none = PatternFilter([regex.compile("(a)\\1"), regex.compile(".?")])
    assert none.union(("件", "")) == {0, 1} == set(none.candidates("件"))


def test_reason_gate_lets_through_every_reason_match_on_every_corpus_position():
    """`link._reason_may_open(text, p)` holds wherever `_REASON_AFTER` or `_BRACKETED_REASON`
    matches at `p`, at every position of every corpus text after an opener or white space (raw
    and normalised), and on hand-made reasons with white space around the opener; and it
    turns most of those positions down (the regex calls it spares)."""
    from corpus import CORPORA

    from nlp.link import (
        _BRACKETED_REASON,
        _REASON_AFTER,
        _REASON_FIRST,
        _REASON_OPENERS,
        _reason_may_open,
    )
    from nlp.normalize import normalize
    from nlp.scan import REGEX_SPACE

    assert _REASON_FIRST is not None and not (_REASON_FIRST & set(REGEX_SPACE + _REASON_OPENERS))
    made = ["3件，因不掌握相关政府信息", "3件 ，\u3000由于涉及国家秘密", "10件(本机关不掌握相关政府信息)",
            "2件（ 属于内部事务信息）", "1名,负责政府信息公开的日常工作", "5件，原因为申请内容不明确",
            "4件\n（信访举报）", "6件，其中2件"]
    texts = made + [p.read_text(encoding="utf-8", errors="replace")
                    for p in sorted(CORPORA.rglob("*.txt"))]
    matched = asked = turned_down = 0
    for raw in texts:
        for text in (raw, normalize(raw).text):
            for p in range(len(text)):
                if text[p] not in _REASON_OPENERS and text[p] not in REGEX_SPACE:
                    continue
                asked += 1
                hit = _REASON_AFTER.match(text, p) or _BRACKETED_REASON.match(text, p)
                gate = _reason_may_open(text, p)
                assert gate or hit is None, (text[p : p + 20],)
                matched += hit is not None
                turned_down += not gate
    assert matched > 200 and turned_down > asked * 0.8


def test_a_claims_section_kind_is_its_sections_kind(monkeypatch):
    """`assign_indicators` reads a section's kind again only where the claim's section is not
    the claim before's: every `rule_indicator` call of the claim loop gets `section_kind` of
    its claim, on corpus reports."""
    from corpus import CORPORA

    import nlp
    import nlp.link as link

    seen: list[tuple[object, str]] = []
    plain = link.rule_indicator

    def spy(claim, context, template, sentence="", after="", section=""):
        if sys._getframe(1).f_code.co_name == "assign_indicators":  # (the channel rules ask with none)
            seen.append((claim, section))
        return plain(claim, context, template, sentence, after, section)

    monkeypatch.setattr(link, "rule_indicator", spy)
    checked, kinds = 0, set()
    for path in sorted(CORPORA.rglob("*.txt"))[::10]:
        report = nlp.extract(path)
        for c in report.claims:
            c.indicator, c.extractor = None, ""
        del seen[:]
        link.assign_indicators(report, classify=False)
        doc = report.document
        for claim, section in seen:
            assert section == link.section_kind(doc, claim.start), claim
            checked += 1
            kinds.add(section)
    assert checked > 500 and len(kinds) > 5, (checked, kinds)


def test_rules_ending_at_the_end_are_asked_from_their_reach_on_every_corpus_clause():
    """An indicator rule whose matches all end at the text's end (`reach`, `scan.end_reach`)
    finds from its reach what it finds from the start: `last_end` and `first_start` give what
    the plain `finditer` and `search` give, for every such rule that RE2's filter lets through,
    on every clause, sentence and line of the corpus texts (raw and normalised), and on each
    with a line break after it."""
    from corpus import clause_pieces

    from nlp.link import _rule_filter, _rules_for

    rules = _rules_for(None)
    reached = [i for i, r in enumerate(rules) if r.reach is not None]
    assert len(reached) > 20 and all(rules[i].branches is None for i in reached)
    flt = _rule_filter(None)
    compared, found = _compare_rule_ends(rules, reached, sorted(clause_pieces()), flt, every_below=0)
    assert found > 1000 and compared > found


def _compare_rule_ends(rules, indices, pieces, flt, every_below: int) -> tuple[int, int]:
    """Assert that each rule's `last_end` and `first_start` give what its plain pattern's
    `finditer` and `search` give, on each piece and on it with a line break after it: every
    rule of `indices` on a text shorter than `every_below`, the filter's candidates on the
    others. Returns (rules compared, of them with a match)."""
    compared = found = 0
    for piece in pieces:
        for text in (piece, piece + "\n"):
            maybe = flt.union((text,))
            for i in indices:
                if len(text) >= every_below and i not in maybe:
                    continue
                rule = rules[i]
                plain = [m.end() for m in rule.pattern.finditer(text)]
                assert rule.last_end(text) == (plain[-1] if plain else None), (rule.id, text)
                first = rule.pattern.search(text)
                assert rule.first_start(text) == (first.start() if first else None), (rule.id, text)
                compared += 1
                found += bool(plain)
    return compared, found


def test_last_group_start_is_the_last_match_on_every_corpus_sentence():
    """`part_scope` finds the last match of `_GROUP_START` from the end (`_LAST_GROUP_START`):
    the same end as the last match `finditer` lists, on every clause, sentence and line of the
    corpus texts (raw and normalised) and on hand-made ones."""
    from corpus import clause_pieces

    from nlp.link import _GROUP_START, _LAST_GROUP_START

    made = ["其中其中", "其中；其", "；其中。", "中其中", "其；中", "a;b。c其中d", ""]
    found = 0
    for s in [*made, *sorted(clause_pieces())]:
        heads = list(_GROUP_START.finditer(s))
        last = _LAST_GROUP_START.search(s)
        assert (last.end() if last is not None else None) == (heads[-1].end() if heads else None), s
        found += last is not None
    assert found > 1_000


def test_since_needs_are_the_patterns_strings_less_those_holding_another():
    """`_since_needs` drops a string that holds another of them (the shorter is in every text
    the longer is in): the same sentences pass `holds_any` with either set."""
    from corpus import clause_pieces

    from nlp.link import _scope, _since_needs
    from nlp.scan import holds_any, required_literals

    full = required_literals(_scope()["since"])
    assert full is not None and len(_since_needs()) < len(full)
    passed = 0
    for s in sorted(clause_pieces()):
        assert holds_any(s, _since_needs()) == holds_any(s, full), s
        passed += holds_any(s, full)
    assert passed > 100


def _plain_of_another_year(sentence: str, year: int | None) -> bool:
    """`link._of_another_year` without its gate on the years a sentence names."""
    from nlp.link import _last_opener_of_another_year

    return "年" in sentence and _last_opener_of_another_year(sentence, year)


def test_of_another_year_gives_what_the_plain_way_gives_on_every_corpus_sentence():
    """`_of_another_year` answers as `_plain_of_another_year` on every clause, sentence and
    line of the corpus texts holding 年 (raw and normalised) and on hand-made ones, for the
    report years each names, one it does not name, and none; the gate answers most of them."""
    from corpus import clause_pieces

    from nlp.link import _YEAR_NUMBER, _of_another_year

    made = ["2022年,共收到", "上年度，收到", "20192020年，", "2202019年，", "截至2020年底，累计",
            "２０２１年，", "2021年收到申请", "去年,", "2021年度，2020年，", "2020年 受理"]
    pieces = [p for p in [*made, *sorted(clause_pieces())] if "年" in p]
    asked = another = 0
    for p in pieces:
        years = {int(y) for y in _YEAR_NUMBER.findall(p, overlapped=True)}
        for year in [None, 1999, *sorted(years)]:
            got = _of_another_year(p, year)
            assert got == _plain_of_another_year(p, year), (p, year)
            asked += 1
            another += got
    assert asked > 20_000 and 100 < another < asked / 2


def test_one_applicant_gives_what_the_plain_way_gives_on_every_corpus_clause():
    """`_one_applicant` asks no regex of a clause without one of `_FORM_APPLICANTS` (what it
    answers is one of them, cut from the clause): the same answer as `_named_applicant` on
    every clause, sentence and line of the corpus texts (raw and normalised) and on hand-made
    ones."""
    from corpus import clause_pieces

    from nlp.link import _named_applicant, _one_applicant

    made = ["共收到自然人依申请公开事项", "收到商业企业申请", "收到公民、法人或其他组织申请", "受理科研机构",
            "收到自然人和商业企业", "收到社会公益组织", "受理法律服务机构申请", "收到企业申请", ""]
    named = 0
    for p in [*made, *sorted(clause_pieces())]:
        got = _one_applicant(p)
        assert got == _named_applicant(p), p
        named += got is not None
    assert named > 20


def test_words_after_gives_what_the_plain_way_gives_at_every_corpus_count():
    """`_words_after` asks its search and splits only where one of the strings their matches
    hold stands: the same words as `_plain_words_after` after every count of the corpus texts
    (raw and normalised; where `_OWN_COUNT` ends) and of hand-made ones."""
    from corpus import texts_and_views

    from nlp.link import _OWN_COUNT, _plain_words_after, _words_after

    made = ["3件已按规定予以答复", "3件申请件其中2件依法答复", "3件和2名兼职", "3件（含上年度结转）",
            "3件、专、2项", "3件专、兼职", "3件在法定期限内办结", "3件均及时答复，2件", "3件"]
    asked = cut = 0
    for text in [*made, *texts_and_views()]:
        for m in _OWN_COUNT.finditer(text):
            got = _words_after(text, m.end(), 15)
            assert got == _plain_words_after(text, m.end(), 15), text[m.start():m.end() + 30]
            asked += 1
            cut += got != text[m.end():m.end() + 15]
    assert asked > 20_000 and cut > asked / 4


@pytest.mark.parametrize(("src", "want"), [
    ("信息$", "息"),
    (r"(?:刊登|发布)(?:各类)?(?:信息|文件)$", "件息"),
    (r"网站(?:公众号)?(?:[（(][^）)]{0,10}[）)])?$", ")号站）"),  # optional items: the one before too
    (r"公开(?!率)$", "开"),  # a lookaround consumes nothing
    (r"[a-c]x?$", "abcx"),
    (r"(?:a|bc)+$", "ac"),
    (r"信息[^，]$", None),  # a negated class
    (r"信\d$", None),  # a category
    (r"信\p{Han}$", None),
    (r"信.$", None),
    (r"信?$", None),  # can match the empty string
    (r"(?i)ab$", None),  # case folding
])
def test_last_chars_examples(src, want):
    from nlp.scan import last_chars

    got = last_chars(regex.compile(src))
    assert (None if got is None else "".join(sorted(got))) == want


def test_last_chars_hold_every_rule_match_on_every_corpus_clause():
    """Every match of every indicator rule whose `last_chars` are known ends with one of them,
    on every clause, sentence and line of the corpus texts; and the rules ending on `$` get
    them (`IndicatorRule.ends`, the gate of `last_end` and `first_start`: asked on a text that
    does not end with one, they return None without a search)."""
    from corpus import clause_pieces

    from nlp.link import _rule_filter, _rules_for
    from nlp.scan import last_chars, may_end

    rules = _rules_for(None)
    ends = {i: e for i, r in enumerate(rules) if (e := last_chars(r.pattern)) is not None}
    assert sum(r.ends is not None for r in rules) > 30
    assert all(r.ends == ends.get(i) for i, r in enumerate(rules) if r.reach is not None)
    flt = _rule_filter(None)
    checked = turned = 0
    for piece in sorted(clause_pieces()):
        for text in (piece, piece + "\n"):
            for i in flt.union((text,)):
                if i not in ends:
                    continue
                for m in rules[i].pattern.finditer(text):
                    assert text[m.end() - 1] in ends[i], (rules[i].id, text)
                    checked += 1
                if rules[i].reach is not None and not may_end(text, ends[i]):
                    assert rules[i].pattern.search(text) is None, (rules[i].id, text)
                    turned += 1
    assert checked > 1000 and turned > 1000


def test_to_norm_near_is_to_norm_for_every_guess_on_corpus_views():
    """`NormalizedText.to_norm_near` gives `to_norm`'s offset whatever the guess (right, one
    off either way, the source offset, out of range), at every offset of the full corpus
    texts' views; and with the guesses `assign_indicators` makes
    (from the claim before, and from the claim's start for its end), most are right."""
    from corpus import CORPORA

    import nlp
    from nlp.normalize import normalize

    paths = sorted(CORPORA.glob("full/*.txt"))
    checked = 0
    for path in paths:
        norm = normalize(path.read_text(encoding="utf-8"))
        for o in range(len(norm.source) + 2):
            want = norm.to_norm(o)
            for guess in {want, want - 1, want + 1, o, 0, -3, len(norm.index), len(norm.index) + 5}:
                assert norm.to_norm_near(o, guess) == want, (path.name, o, guess)
                checked += 1
    assert checked > 100_000
    right = asked = 0
    for path in paths:
        report = nlp.extract(path)
        norm, prev_end, prev_at = report.document.norm, 0, 0
        for c in report.claims:
            ns = norm.to_norm(c.start)
            right += ns == prev_end + c.start - prev_at
            ne = norm.to_norm(c.end)
            right += ne == ns + c.end - c.start
            prev_end, prev_at, asked = ne, c.end, asked + 2
    assert right > asked * 0.6


def test_rules_scan_finds_what_their_pattern_finds_on_every_corpus_clause():
    """`IndicatorRule.last_end` and `first_start` search with the rule's stdlib scanner
    (`IndicatorRule.scan`, `scan.any_text_scanner`) where it has one: the same last end as the
    pattern's `finditer` and the same start as its `search`, for every rule that is not split,
    on every clause, sentence and line of the corpus texts (raw and normalised), on each with a
    line break after it, and on texts with characters beyond the BMP."""
    from corpus import clause_pieces

    from nlp.link import _rule_filter, _rules_for

    rules = _rules_for(None)
    scanned = [i for i, r in enumerate(rules) if r.branches is None and r.scan is not r.pattern]
    assert len(scanned) > 80
    flt = _rule_filter(None)
    extra = ["政务微博𠀀发布信息3", "𠀀网站发布", "通过政府网站𠀀公开", "依申请公开𠀀", "𠀀"]
    # (every rule on the short pieces; the filter's candidates on the long ones)
    pieces = sorted(clause_pieces()) + extra
    compared, found = _compare_rule_ends(rules, scanned, pieces, flt, every_below=41)
    assert found > 1000 and compared > 10 * found


def test_rules_condition_scans_find_what_their_patterns_find_on_every_corpus_clause():
    """`_meets_conditions` searches a rule's `sentence` and `exclude` patterns by their scanners
    (`IndicatorRule.sentence_scan`, `exclude_scan`: `scan.any_text_scanner`, or the pattern):
    the same first match as the pattern's `search` on every clause, sentence and line of the
    corpus texts (raw and normalised) and on texts with characters beyond the BMP."""
    from corpus import clause_pieces

    from nlp.link import indicator_rules

    pairs = [(r.id, rx, scan) for r in indicator_rules()
             for rx, scan in ((r.sentence, r.sentence_scan), (r.exclude, r.exclude_scan))
             if rx is not None]
    assert sum(scan is not rx for _, rx, scan in pairs) > 40
    assert all((rx is None) == (scan is None) for r in indicator_rules()
               for rx, scan in ((r.sentence, r.sentence_scan), (r.exclude, r.exclude_scan)))
    extra = ["等𠀀", "𠀀、", "信息公开申请𠀀等", "𠀀"]
    found = 0
    for text in sorted(clause_pieces()) + extra:
        for rid, rx, scan in pairs:
            m, s = rx.search(text), scan.search(text)
            assert (m and m.span()) == (s and s.span()), (rid, text)
            found += m is not None
    assert found > 1000


def test_claim_context_break_is_the_last_break_on_every_corpus_window():
    """`claim_context` finds the last clause break of its window by a greedy match from the
    window's start (`_UP_TO_LAST_CLAUSE_BREAK`): the same place as the last break found from the
    end (`regex.REVERSE`), for a window ending at every fifth position of every corpus text (raw
    and normalised) with each floor the window may have, and on hand-made texts."""
    import regex
    from corpus import CORPORA

    from nlp.link import _UP_TO_LAST_CLAUSE_BREAK
    from nlp.normalize import normalize

    last_break = regex.compile(r"[，,；;。！？!?\n]", regex.REVERSE)

    def same(text: str, lo: int, end: int) -> bool:
        plain = last_break.search(text, lo, end)
        m = _UP_TO_LAST_CLAUSE_BREAK.match(text, lo, end)
        assert (m and m.end()) == (plain and plain.end()), (text[lo:end], lo, end)
        return plain is not None

    found = 0
    for t in ("", "，", "a，b", "𠀀，𠀀\n𠀀", "共3件。\n其中", "!?！？", "无"):
        for end in range(len(t) + 1):
            for lo in range(end + 1):
                found += same(t, lo, end)
    for path in sorted(CORPORA.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for text in (raw, normalize(raw).text):
            for end in range(0, len(text) + 1, 5):
                for lo in {max(0, end - 60), max(0, end - 7), end}:
                    found += same(text, lo, end)
    assert found > 10000


def test_section_at_is_the_same_between_two_section_bounds_on_corpus_reports():
    """`assign_indicators` asks `Document.section_at` only where a section's start or end lies
    between the claim and the claim before (`link._section_bounds`): every offset of a corpus
    report (every second one, and each bound and the offset before it) gets the same section
    as the other offsets of its place among the bounds."""
    from bisect import bisect_right

    from corpus import CORPORA

    import nlp
    import nlp.link as link

    checked = places = 0
    for path in sorted(CORPORA.rglob("*.txt"))[::10]:
        doc = nlp.extract(path).document
        bounds = link._section_bounds(doc)
        offsets = {*range(0, len(doc.text) + 2, 2), *bounds, *(b - 1 for b in bounds if b)}
        first: dict[int, object] = {}
        for x in sorted(offsets):
            sec = doc.section_at(x)
            assert first.setdefault(bisect_right(bounds, x), sec) is sec, (path.name, x)
            checked += 1
        places += sum(sec is not None for sec in first.values())
    assert checked > 50000 and places > 500, (checked, places)


def test_sibling_before_is_the_search_at_every_mark_of_every_corpus_clause():
    """`link._sibling_before` asks `_SIBLING_BEFORE` only of a text whose last character but
    white space is one of 、和及与: the same answer as the search, for every clause, sentence and
    line of the corpus texts cut after each of their characters that is a mark, white space or
    a character after one, and on hand-made texts."""
    from corpus import clause_pieces

    from nlp.link import _SIBLING_BEFORE, _sibling_before
    from nlp.scan import REGEX_SPACE

    marks = "、和及与" + REGEX_SPACE
    found = asked = 0
    texts = ["", "、", " ", "和", "甲、", "甲 、 ", "甲、\n", "甲\u3000和\u3000", "a、", "甲、乙", "与与",
             "甲、\n\n", "甲\x1c、", "甲、\x1c"]
    for p in clause_pieces():
        texts.append(p)
        texts.extend(p[:k + 2] for k, ch in enumerate(p) if ch in marks)
    for t in texts:
        plain = _SIBLING_BEFORE.search(t) is not None
        assert _sibling_before(t) == plain, t
        found += plain
        asked += 1
    assert found > 300 and asked > 100000, (found, asked)


def test_list_gap_is_the_fullmatch_at_every_corpus_clause_break():
    """`link._list_gap` asks `_LIST_GAP.fullmatch` only where the gap's first character but
    white space is 、, or a comma with 规 after it: the same answer as the plain `fullmatch`, for
    gaps from every break, mark and white space of the normalised corpus texts (and every
    seventh position) to several ends, and on hand-made gaps."""
    from corpus import CORPORA

    from nlp.link import _LIST_GAP, _list_gap
    from nlp.normalize import normalize
    from nlp.scan import REGEX_SPACE

    def same(text: str, a: int, b: int) -> bool:
        plain = _LIST_GAP.fullmatch(text, a, b) is not None
        assert _list_gap(text, a, b) == plain, (text[a:b], a, b)
        return plain

    found = asked = 0
    for t in ("", "、", "，", ",", " ", "、甲", "，规章", " ，行政规范性文件 ", "\u3000、省政府规章",
              "，\n政府规章", ",、部门规范性文件", "，规", "\x1c、甲", "规，"):
        for b in range(len(t) + 1):
            for a in range(len(t) + 2):
                found += same(t, a, b)
    starts = "、，,；;。" + REGEX_SPACE
    for path in sorted(CORPORA.rglob("*.txt"))[::3]:
        text = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        for a in range(len(text)):
            if text[a] in starts or a % 7 == 0:
                for b in {a, a + 1, a + 4, a + 9, a + 16, a + 30}:
                    found += same(text, a, min(b, len(text)))
                    asked += 1
    assert found > 500 and asked > 100000, (found, asked)
