"""The promises the claims stage's shortcuts rest on (session 16), each checked against the plain
way on the corpus texts or pinned where the code depends on a layout."""

from functools import lru_cache


def test_claims_are_built_positionally_in_the_field_order():
    """`_new_claim` (for `_quantity` and `_zero`) builds each `Claim` positionally (half a
    keyword call's cost): a new or moved field must be placed there too."""
    from dataclasses import MISSING, fields

    from nlp.records import Claim

    assert [f.name for f in fields(Claim)] == [
        "doc_id", "claim_id", "start", "end", "text", "value", "unit", "approx", "bound",
        "value_max", "kind", "subject", "qualifiers", "direction", "parent", "group", "whole",
        "part", "section", "sentence", "indicator", "confidence", "extractor"]
    defaults = {f.name: f.default for f in fields(Claim)}
    # what the positional calls pass for the fields they leave at their defaults
    assert all(defaults[k] is None for k in (
        "approx", "bound", "value_max", "subject", "direction", "parent", "group", "whole",
        "part", "section", "sentence", "indicator"))
    assert defaults["qualifiers"] is MISSING and defaults["confidence"] == 1.0


def test_positional_claims_equal_keyword_claims():
    """`_new_claim` gives what a keyword-built `Claim` of the same values is, every field
    compared (each argument a distinct value, so a swapped pair shows), and a text's claims
    are the records written out by keyword, every field compared."""
    from dataclasses import astuple

    import nlp
    from nlp.extract.claims import _new_claim
    from nlp.records import Claim, Document

    doc = Document(doc_id="d", path=None, format="text", text="0123456789")
    got = _new_claim(doc, 2, 5, 7.0, "件", "约", "以上", 9.0, "count", "申请", 0.5, "x@1")
    want = Claim(doc_id="d", claim_id="", start=2, end=5, text="234", value=7.0, unit="件",
                 approx="约", bound="以上", value_max=9.0, kind="count", subject="申请",
                 qualifiers=[], confidence=0.5, extractor="x@1")
    assert astuple(got) == astuple(want)

    r = nlp.extract_text("2018 年，县质监局共主动公开政府信息 33 条。其中，业务类信息 26 条，占 75%。"
                         "本年度未收到政府信息公开申请。")
    d = r.document.doc_id
    want_all = [
        Claim(doc_id=d, claim_id="claim-1", start=21, end=25, text="33 条", value=33, unit="条",
              kind="count", subject="主动公开政府信息", qualifiers=["共"], sentence=(0, 26),
              indicator="active.total", confidence=1.0,
              extractor="claim.quantity@1+u1+indicator:rule:active.total"),
        Claim(doc_id=d, claim_id="claim-2", start=35, end=39, text="26 条", value=26, unit="条",
              kind="count", subject="业务类信息", qualifiers=["其中"], parent="claim-1",
              group="其中@23", sentence=(26, 46), confidence=1.0, extractor="claim.quantity@1+u1"),
        Claim(doc_id=d, claim_id="claim-3", start=42, end=45, text="75%", value=75, unit="%",
              kind="percent", subject="业务类信息", qualifiers=["占"], parent="claim-1",
              whole="claim-1", part="claim-2", sentence=(26, 46), confidence=1.0,
              extractor="claim.quantity@1+u1"),
        Claim(doc_id=d, claim_id="claim-4", start=49, end=60, text="未收到政府信息公开申请",
              value=0, unit="件", kind="zero", subject="政府信息公开申请", qualifiers=[],
              sentence=(46, 61), indicator="requests.received", confidence=1.0,
              extractor="claim.zero.event@1+u1+indicator:rule:requests.received"),
    ]
    assert [astuple(c) for c in r.claims] == [astuple(c) for c in want_all]
    assert all(isinstance(c.qualifiers, list) for c in r.claims)
    assert len({id(c.qualifiers) for c in r.claims}) == len(r.claims)  # a new list each


def test_bracket_close_as_the_plain_walk():
    """`_bracket_close` returns at once where no bracket opens before the mark in its sentence:
    the same as the walk back over every character, at every 其中-like mark and every count's
    end of the corpus texts (normalised)."""
    from corpus import CORPORA

    from nlp.extract.claims import (
        _PARENT_MARK,
        _SENT_END,
        _bracket_close,
        _clause_end,
        _left_open,
        clause_start,
    )
    from nlp.normalize import normalize

    def plain(nt: str, q: int) -> int | None:  # (the walk, always)
        if _left_open(nt[clause_start(nt, q, _SENT_END):q]):
            return _clause_end(nt, q, "）)" + _SENT_END)
        return None

    inside = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        nt = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        marks = [m.start() for m in _PARENT_MARK.finditer(nt)]
        marks += [k for k, ch in enumerate(nt) if ch in "件条）)"][:200]
        for q in marks:
            got = _bracket_close(nt, q)
            assert got == plain(nt, q), (path.name, q)
            inside += got is not None
    assert inside > 100


def test_left_open_reads_nested_brackets():
    from nlp.extract.claims import _left_open

    assert _left_open("其中（一") and _left_open("(甲（乙）丙") and _left_open("（（a）")
    assert not _left_open("其中（一）") and not _left_open("") and not _left_open("a）b")
    assert not _left_open("（甲）(乙)") and _left_open("（甲)（")


def test_row_line_gate_as_the_line_test():
    """`find_claims` asks `_table_like_line` only of a text with a pipe or a tab
    (`_may_hold_row_lines`): where it says no, no line of the text is table-like (every line of
    every corpus text, raw as the test reads `doc.text`, and hand-made lines)."""
    from corpus import CORPORA

    from nlp.extract.claims import _may_hold_row_lines, _table_like_line

    rows = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
        like = [s for s in starts if s < len(text) and _table_like_line(text, s)]
        assert _may_hold_row_lines(text) or not like, path.name
        rows += len(like)
    assert rows > 100
    for text in ("申请\t12件\t办结", "| 申请 | 12件 |", "甲|乙|丙"):
        assert _may_hold_row_lines(text) and _table_like_line(text, 0)
    assert not _may_hold_row_lines("申请12件，办结12件。")


def _claims_of_segmented(text: str):
    from nlp.extract import extract_citations
    from nlp.extract.claims import find_claims
    from nlp.records import Document
    from nlp.segment import segment

    doc = Document(doc_id="t", path=None, format="text", text=text)
    segment(doc)
    return doc, find_claims(doc, extract_citations(doc))


def test_place_as_the_plain_lookups():
    """`_place` asks `section_at` again only where a section starts or ends between two claims,
    and `sentence_at` only for a claim outside the last sentence found: every claim of every
    corpus text has the section and sentence the plain lookups give it. (The second rests on
    sentences that never overlap, checked here too.)"""
    from itertools import pairwise

    from corpus import CORPORA

    shared = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        doc, claims = _claims_of_segmented(path.read_text(encoding="utf-8", errors="replace"))
        spans = sorted((s.start, s.end) for s in doc.sentences)
        assert all(s < e for s, e in spans) and all(a[1] <= b[0] for a, b in pairwise(spans))
        for k, c in enumerate(claims):
            sec = doc.section_at(c.start)
            sent = doc.sentence_at(c.start)
            assert c.section == (sec.heading if sec is not None else None), (path.name, c.claim_id)
            assert c.sentence == ((sent.start, sent.end) if sent is not None else None), \
                (path.name, c.claim_id)
            shared += k > 0 and c.sentence is not None and c.sentence == claims[k - 1].sentence
    assert shared > 1000


def test_place_asks_again_where_a_section_starts_or_ends():
    """Two claims of one sentence with a section edge between them (hand-made sections: the
    shortcut must not carry the first claim's section over it), and claims without a sentence."""
    from nlp.extract.claims import _place
    from nlp.records import Claim, Document, Section, Sentence

    text = "甲乙丙丁戊己庚辛壬癸" * 3
    doc = Document(doc_id="t", path=None, format="text", text=text)
    doc.sections = [Section(0, 30, "一、总", 0, 3, 1), Section(5, 12, "（一）分", 5, 8, 2),
                    Section(20, 30, "（二）末", 20, 23, 2)]
    doc.sentences = [Sentence(0, 15), Sentence(15, 25)]
    claims = [Claim("t", f"claim-{k}", s, s + 1, text[s], 1, "条", kind="count")
              for k, s in enumerate((1, 4, 5, 11, 12, 14, 16, 20, 26, 29))]
    _place(doc, claims)
    for c in claims:
        sec, sent = doc.section_at(c.start), doc.sentence_at(c.start)
        assert c.section == (sec.heading if sec is not None else None), c.start
        assert c.sentence == ((sent.start, sent.end) if sent is not None else None), c.start
    assert [c.section for c in claims] == ["一、总", "一、总", "（一）分", "（一）分", "一、总", "一、总",
                                           "一、总", "（二）末", "（二）末", "（二）末"]
    assert claims[-1].sentence is None and claims[-2].sentence is None


def test_plain_stdlib_scanners():
    """`stdlib_scan = "plain"` patterns are scanned by `re` as they stand (`stdlib_scanner`: no
    leading lookahead, so `re` finds their leading literals by its prefix scan); the scanner is
    refused for syntax `re` reads otherwise (test_claims.py compares the matches on the corpus)."""
    import regex

    from nlp.extract.claims import rules
    from nlp.scan import stdlib_scanner

    plain = {p.id for p in rules().patterns if p.scan is not None and not p.scan.pattern.startswith("(?=")}
    assert {"claim.zero.event", "claim.zero.none"} <= plain
    assert stdlib_scanner(regex.compile(r"无[^，\s]{0,4}申请")) is None  # `\s` in a class
    assert stdlib_scanner(regex.compile(r"\p{Han}件")) is None
    got = stdlib_scanner(regex.compile(r"未(?:收到|接到)(?!\s)[^，]{0,4}申请"))
    assert got is not None and not got.pattern.startswith("(?=")
    assert got.search("本年度未收到 申请，未接到公开申请。").group() == "未接到公开申请"


def test_no_joins_among_fewer_than_two_quantities(monkeypatch):
    """`_relations` stops after the shares when a text has fewer than two claims that are no
    zero (`_FEWEST_TO_JOIN`: each later step joins one claim to another): the claims of every
    corpus text with one or none are what all the steps give them."""
    from corpus import CORPORA

    from nlp.extract import claims as C
    from nlp.extract import extract_citations

    docs = []
    for path in sorted(CORPORA.rglob("*.txt")):
        doc, claims = _claims_of_segmented(path.read_text(encoding="utf-8", errors="replace"))
        if sum(1 for c in claims if c.kind != "zero") < 2:
            docs.append((doc, claims))
    assert len(docs) > 300 and sum(1 for _, cs in docs if cs) > 200
    # (the shares still come first: a lone share keeps its 占)
    doc, (share,) = _claims_of_segmented("本年度主动公开的政府信息中，业务类信息占75%。")
    docs.append((doc, [share]))
    assert "占" in share.qualifiers
    monkeypatch.setattr(C, "_FEWEST_TO_JOIN", 0)
    for doc, claims in docs:
        assert C.find_claims(doc, extract_citations(doc)) == claims, doc.text[:40]


def test_list_leads_as_the_pattern_scan():
    """`_list_leads` looks for `_LIST_LEAD` only at the colons that end one of its words: the
    same matches as `_LIST_LEAD.finditer` on every corpus text, raw and normalised, and on
    hand-made cases (leads side by side, double colons, a colon first, words without one)."""
    from corpus import texts_and_views

    from nlp.extract.claims import (
        _LIST_LEAD,
        _LIST_LEAD_COLONS,
        _LIST_LEAD_WORDS,
        _list_leads,
    )

    assert _LIST_LEAD_WORDS and all(w[-1] in _LIST_LEAD_COLONS for w in _LIST_LEAD_WORDS)
    assert all(len(w) >= 2 for w in _LIST_LEAD_WORDS)  # (`_LIST_LEAD_TAILS` are their last two)
    cases = ["主要类别有：A类信息594条，B类信息281条", "类别有：类型有：包括:分为：：主要有：", "：包括：",
             "主要类别：", "主要包括：", "主要构成如下:", "类别有 ：", "包括", ":", ""]
    cases += texts_and_views()
    found = 0
    for text in cases:
        want = [m.span() for m in _LIST_LEAD.finditer(text)]
        assert [m.span() for m in _list_leads(text)] == want, text[:40]
        found += len(want)
    assert found > 300


def test_parent_marks_as_the_pattern_scan():
    """`_parent_marks` looks for `_PARENT_MARK` only where one of its words ends (`_ending_at`):
    the same matches as `_PARENT_MARK.finditer` on every corpus text, raw and normalised, and
    on hand-made cases (marks side by side, the optional 内容/主要, 具体包括 after a full stop,
    lookbehinds before the searched window)."""
    from corpus import texts_and_views

    from nlp.extract.claims import _PARENT_MARK, _PARENT_MARK_ENDS, _parent_marks

    assert set(_PARENT_MARK_ENDS) == {"其中", "涉及", "包括", "包含", "具体为", "具体有"}
    cases = ["共81件，涉及自然人80件", "21件，包括信函2件", "信息83条。\n具体包括履职依据1条", "其中其中",
             "12件， 主要涉及a，内容包括b", "3条。  主要包括c其中具体为d", "件，具体包括", "包括", "", "件,涉及涉及"]
    cases += texts_and_views()
    found = 0
    for text in cases:
        want = [(m.span(), m.group()) for m in _PARENT_MARK.finditer(text)]
        assert [(m.span(), m.group()) for m in _parent_marks(text)] == want, text[:40]
        found += len(want)
    assert found > 1000


def test_run_guard_of_the_quantity_scanner():
    """`run_guard = "number"`: the quantity scanner turns down a start in a run of number
    characters followed by one no quantity consumes (`scan.run_guard`). The same matches as the
    pattern on every corpus text, raw and normalised (BMP: where `find_claims` uses it), and on
    generated texts of number characters, units and other characters; and most of the starts
    the first-character lookahead lets through are turned down by the guard."""
    import random
    import re
    import sys

    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import bmp_only, whole_text_scanner

    p = rules().pattern_index["claim.quantity"]
    plain = whole_text_scanner(p.rx)
    # (the guard stands after the lookbehinds the pattern opens on: `whole_text_scanner`)
    guard = re.search(r"\(\?!\[[^\]]*\]\+\+?\(\?!\[[^\]]*\]\)\)", p.scan.pattern).group()
    assert p.scan.pattern.index("(?<![") < p.scan.pattern.index(guard)
    assert guard.startswith("(?![") and p.scan.pattern != plain.pattern
    turned = re.compile(plain.pattern.split("(?:", 1)[0] + guard.replace("(?!", "(?=", 1))
    exact, greedy = re.compile(guard), re.compile(guard.replace("]++(?!", "]+(?!", 1))
    assert exact.pattern != greedy.pattern or sys.version_info < (3, 11)  # (possessive: the same)
    cases = [t for t in texts_and_views() if bmp_only(t)]
    corpus = len(cases)
    assert corpus > 4000
    rng = random.Random(19)
    alphabet = [*"0123456789,.点一二两十百千万亿", "元", "万元", "美元", "平方米", "百分点", "%", "个", "件",
                "条", "年", "月", "、", "|", " ", "\n", "至", "余", "约", "多", "以上", "第", "号"]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    cases += ["2018年", "3万元", "3万美元", "12.5万平方米", "3.2个百分点", "1,234件", "3至5个工作日",
              "二百余万元", "十", "12", "一、", "9|9|"]
    lookahead = re.compile(plain.pattern.split("(?:", 1)[0])
    starts = guarded = 0
    for k, text in enumerate(cases):
        assert [(m.span(), m.groups()) for m in p.scan.finditer(text)] == \
            [(m.span(), m.groups()) for m in p.rx.finditer(text)], text[:40]
        if k >= corpus:
            assert all((greedy.match(text, i) is None) == (exact.match(text, i) is None)
                       for i in range(len(text) + 1)), text
        for m in turned.finditer(text):  # (starts the guard turns down: no match of the pattern)
            assert p.rx.match(text, m.start()) is None, text[:40]
            guarded += k < corpus
        starts += sum(1 for _ in lookahead.finditer(text)) if k < corpus else 0
    assert guarded > starts // 2 > 50000  # (corpus texts: 212k of 346k starts)


def test_run_guard_only_where_it_holds():
    """`run_guard` is refused where a match may lie inside a run (no character outside it
    required) or where the characters a match consumes are not spelled out (`.`, `\\s`,
    categories, negated classes); where it is given, it turns down a run no match goes on from."""
    import re

    import regex

    from nlp.scan import run_guard

    digits = regex.compile(r"\d+")
    assert run_guard(regex.compile(r"\d+(?:件|年)?"), digits) is None  # (a match of digits alone)
    assert run_guard(regex.compile(r"\d+.件"), digits) is None
    assert run_guard(regex.compile(r"\d+\s*件"), digits) is None
    assert run_guard(regex.compile(r"\d+[^年]件"), digits) is None
    assert run_guard(regex.compile(r"\d+\p{Han}"), digits) is None
    assert run_guard(regex.compile(r"\d+件"), regex.compile(r".")) is None
    guard = run_guard(regex.compile(r"(?<!\d)\d+(?:万)?(?:件|条(?!例))"), regex.compile(r"\d|万"))
    assert guard is not None
    rx = re.compile(guard + r"(?<!\d)\d+(?:万)?(?:件|条(?!例))")
    assert [m.group() for m in rx.finditer("2018年12件3万条例4万件")] == ["12件", "4万件"]
    assert re.match(guard, "2018年") is None and re.match(guard, "12万件") is not None
    assert re.match(guard, "12条例") is not None  # (条 is consumed by some match: not turned down)


def test_exclusion_filter_lets_through_every_branch_that_matches():
    """The claim exclusions' gate (`FilteredLeftmostFirst`: RE2's filter over the branches with
    their opening lookbehind and closing lookahead made part of the match) lets through every
    branch that finds a match, on every corpus text, raw and normalised, and on the examples of
    the exclusion patterns; it lets fewer through than the literal gate did; the spans are those
    of the ungated scan."""
    from corpus import texts_and_views

    from nlp.data import load_toml
    from nlp.extract.claims import PATTERN_DIR, rules
    from nlp.scan import LeftmostFirst

    split = rules().exclude
    plain, literal = LeftmostFirst(split.patterns), LeftmostFirst(split.patterns, literal_gate=True)
    examples = [e if isinstance(e, str) else e["text"]
                for p in load_toml(PATTERN_DIR / "claims.toml")["pattern"] if p["role"] == "exclude"
                for e in p.get("examples", [])]
    assert len(examples) > 50
    ours = gated = matched = 0
    for text in examples + texts_and_views():
        live = set(split._live(text))
        for i, p in enumerate(split.patterns):
            if p.search(text) is not None:
                matched += 1
                assert i in live, (i, text[:40])
        ours += len(live)
        gated += len(set(literal._live(text)))
        assert split.spans(text) == plain.spans(text), text[:40]
    assert matched > 5000 and ours < 0.95 * gated


def test_lookarounds_matched():
    """An opening positive lookbehind and a closing positive lookahead become part of the match;
    other lookarounds, quantified ones, and patterns with a `|` at the top level stay as they
    are; the result finds a match wherever the pattern does (hand-made texts)."""
    import regex

    from nlp.scan import lookarounds_matched

    def loose(src: str) -> str:
        return lookarounds_matched(regex.compile(src)).pattern

    assert loose(r"(?<=政府)\d+次(?=会议)") == r"(?:政府)\d+次(?:会议)"
    assert loose(r"(?<=(?:政府|市委))\d+次(?=\s*(?:常务)?会议)") == r"(?:(?:政府|市委))\d+次(?:\s*(?:常务)?会议)"
    assert loose(r"(?<![共])[一二]{1,2}[所户](?=镇|乡)") == r"(?<![共])[一二]{1,2}[所户](?:镇|乡)"
    assert loose(r"[(?=]x(?=y)") == r"[(?=]x(?:y)" and loose(r"(?<=\d)则") == r"(?:\d)则"
    for same in (r"a(?=b)c", r"(?<=a)?b", r"x(?=y)?", r"a|(?<=b)c", r"\(?=a\)", r"(?<!a)b(?!c)",
                 r"(?:(?<=a)b)(?:c(?=d))"):
        assert loose(same) == same
    for src, text in ((r"(?<=政府)\d+次(?=会议)", "市政府12次会议"), (r"(?<=\d)则", "3则"),
                      (r"(?<![共])[一二]{1,2}[所户](?=镇|乡)", "二所镇")):
        m = regex.search(src, text)
        assert m is not None and lookarounds_matched(regex.compile(src)).search(text) is not None


def test_exclusion_gate_for_a_text_re2_cannot_read():
    """A text with a lone surrogate cannot be given to RE2: the filter lets every branch through
    and the literal gate answers instead (the rests' gates may turn down more: the branches they
    turn down find nothing); the spans are those of the ungated scan."""
    from nlp.extract.claims import rules
    from nlp.scan import LeftmostFirst

    split = rules().exclude
    text = "第3条\ud800，国办发〔2018〕23号，每月更新1次"
    assert len(split._filter.candidates(text)) == len(split.patterns)
    live = set(split._live(text))
    gated = set(LeftmostFirst(split.patterns, literal_gate=True)._live(text))
    assert live <= gated and {0, 4, 6, 9} <= live
    assert all(split.patterns[i].search(text) is None for i in gated - live)
    assert split.spans(text) == LeftmostFirst(split.patterns).spans(text) != []


# --------------------------------------------------------------------------- lead words (session 20)


def _plain_lead_words(pre: str):
    """`claims._lead_words` the plain way (as before session 20): every pattern searched from
    the text's start, `time` and `agent` by `sub`, the word lists by `search`, no gates."""
    from nlp.extract.claims import _TOTAL_MARK, _TOTAL_ONLY, rules

    r = rules()

    def strip_words(s, rx):
        while s:
            m = rx.search(s)
            if m is None or m.end() == m.start():
                return s
            s = s[: m.start()] + s[m.end():]
        return s

    def clean_subject(pre):
        s = pre.strip()
        marks = list(_TOTAL_MARK.finditer(s))
        m = marks[-1] if marks else None
        if m is not None and len(s) - m.end() >= 2:
            s = s[m.end():]
        m = r.channel.match(s)
        if m is not None and len(s) - m.end() >= 4:
            s = s[m.end():]
        for _ in range(3):
            before = s
            s = r.time.sub("", s, count=1)
            s = r.agent.sub("", s, count=1)
            s = strip_words(s, r.prefix_rx)
            if s == before:
                break
        s = strip_words(s, r.suffix_rx)
        if "的" in s[:-1]:
            tail = s[s.rfind("的") + 1:]
            if len(tail) >= 2:
                s = tail
        if len(s) > 20:
            s = s[-20:]
        return s

    direction = None
    change = any(p.rx.search(pre) for p in r.by_role("change"))
    for p in r.by_role("direction"):
        m = p.rx.search(pre)
        if m is not None and (len(m.group().rstrip("了为达到")) > 1 or change):
            direction = p.get("direction")
            pre = pre[: m.start()]
            break
    for p in r.by_role("change"):
        pre = p.rx.sub("", pre)
    if _TOTAL_ONLY.fullmatch(pre.strip()):
        return direction, pre, None
    return direction, pre, clean_subject(pre)


@lru_cache(maxsize=1)
def _lead_texts() -> list[str]:
    """What a clause before a number can be: every clause piece of the corpus (raw and
    normalised) up to 60 characters, each also cut before its first numeral and before each
    of its last four characters (the words before a number end anywhere), and hand-made leads
    for the direction, change and suffix words at the end, with and without a final newline."""
    import regex
    from corpus import clause_pieces

    out: set[str] = set()
    for piece in clause_pieces():
        if len(piece) > 60:
            continue
        out.add(piece)
        out.add(regex.split(r"[\d零〇一二两三四五六七八九十]", piece, maxsplit=1)[0])
        out.update(piece[:k] for k in range(max(len(piece) - 4, 0), len(piece)))
    out.update(["比去年增加了", "同比下降", "较上年减少", "持平", "基本持平\n", "增加\n", "共计\n",
                "2018年我局共", "我局累计达", "截至2018年12月31日共受理", "县政府办公室全年",
                "通过门户网站和政务新媒体等形式发布", "共计为", "较2017年增长", "减少了为"])
    return sorted(out)


def test_lead_words_as_the_plain_way():
    """`_lead_words` (its direction patterns searched near the end behind one stdlib gate, the
    change substitutions skipped without a change word, `time`/`agent`/word lists asked by
    `match` or from near the end behind character and word tests) gives what the plain way
    gives on every lead of `_lead_texts` (about 200k strings)."""
    from nlp.extract.claims import _lead_words

    texts = _lead_texts()
    assert len(texts) > 100_000
    bad = [t for t in texts if _lead_words.__wrapped__(t) != _plain_lead_words(t)]
    assert not bad, bad[:5]
    directions = sum(_plain_lead_words(t)[0] is not None for t in texts)
    assert directions > 100  # (the direction patterns are exercised, not only turned down)


def test_lead_word_gates_hold():
    """Each gate of `_clean_subject`/`_lead_words` is a promise about its pattern: `time`,
    `agent` and `prefix_rx` match only at the start; `suffix_rx` and the direction patterns
    only within their reach of the end; the direction gate matches wherever one of them does,
    the agent's gate (`loose_twin`) wherever `agent` does; `time` and `channel` matches hold
    one of their `needs`."""
    from nlp.extract.claims import _needs, rules
    from nlp.scan import holds_any

    r = rules()
    channel_needs = _needs(r.channel)  # (`_clean_subject` now gates by their first characters)
    assert r.time_at_start and r.agent_at_start and r.suffix_reach is not None
    assert r.direction_gate is not None and r.time_needs and channel_needs
    assert r.agent_gate is not None
    dirs = r.by_role("direction")
    assert dirs and all(p.reach is not None for p in dirs)
    for t in _lead_texts():
        for rx in (r.time, r.agent, r.prefix_rx):
            assert all(m.start() == 0 for m in rx.finditer(t)), (rx.pattern, t)
        for rx, reach in [(r.suffix_rx, r.suffix_reach)] + [(p.rx, p.reach) for p in dirs]:
            m = rx.search(t)
            assert m is None or m.start() >= len(t) - reach, (rx.pattern, t)
            if rx is not r.suffix_rx and m is not None:
                assert r.direction_gate.search(t, max(len(t) - r.direction_reach, 0)), t
        if r.agent.match(t):
            assert r.agent_gate.match(t), t
        if r.time.search(t):
            assert holds_any(t, r.time_needs), t
        if r.channel.search(t):
            assert holds_any(t, channel_needs), t


def test_start_anchored_and_end_reach():
    """`scan.start_anchored` and `scan.end_reach` on hand-made patterns: an escaped `$`, a `$`
    in a set, several branches, MULTILINE (inline or by flag) and VERBOSE are turned down."""
    import regex

    from nlp.scan import end_reach, start_anchored

    assert start_anchored(regex.compile(r"^a|^bc"))
    assert not start_anchored(regex.compile(r"^a|bc"))
    assert not start_anchored(regex.compile(r"(?m)^a"))
    assert not start_anchored(regex.compile(r"^a", regex.MULTILINE))
    assert not start_anchored(regex.compile(r"\^a"))
    assert end_reach(regex.compile(r"(?:ab|c)d?$")) == 4
    assert end_reach(regex.compile(r"a\\$")) == 3  # (an escaped backslash, then the anchor)
    assert end_reach(regex.compile(r"a\$")) is None
    assert end_reach(regex.compile(r"a[$]")) is None
    assert end_reach(regex.compile(r"a$|b$")) is None
    assert end_reach(regex.compile(r"a+$")) is None
    assert end_reach(regex.compile(r"(?m)a$")) is None
    assert end_reach(regex.compile(r"a $", regex.VERBOSE)) is None
    rx = regex.compile(r"(?:增加|减少)了?$")
    reach = end_reach(rx)
    for t in ["增加了", "x减少", "减少了\n", "增加了y", "abc", "减少\n\n", "", "增加减少了"]:
        m, n = rx.search(t), rx.search(t, max(len(t) - reach, 0))
        assert (m and m.span()) == (n and n.span()), t


def test_loose_twin():
    """`scan.loose_twin` reads a property, and a set holding one, as any character (an escaped
    backslash before `p{…}` stays a literal), keeps the other sets and escapes, and gives
    nothing for a pattern with a negative lookaround (a wider class there would turn down
    more); the twin matches wherever the `regex` pattern does on hand-made texts."""
    import regex

    from nlp.scan import loose_twin

    assert loose_twin(r"(?<!a)\p{Han}") is None and loose_twin(r"\p{Han}(?!b)") is None
    src = r"^[我本]\p{Han}{0,2}?[^x\p{Han}]\\p{Han}[a-c\]](?=\d|共)"
    twin = loose_twin(src)
    assert twin is not None
    assert twin.pattern.count("(?s:.)") == 2 and "\\\\p{Han}" in twin.pattern
    assert "[我本]" in twin.pattern and "[a-c\\]]" in twin.pattern
    rx = regex.compile(src)
    for t in ["我县a\\p{Han}]共", "本市区y\\p{Han}b1", "我县x\\p{Han}a共", "他县a\\p{Han}]共", "我"]:
        if rx.match(t):
            assert twin.match(t), t
    assert rx.match("我县a\\p{Han}]共") and not rx.match("我县x\\p{Han}a共")


# --------------------------------------------------------------------------- first characters (session 21)


def test_first_char_list():
    """`first_char_list` spells out the characters `first_chars` lists one by one, and gives
    None where the class holds a range or `\\d` (or nothing is known)."""
    from nlp.scan import first_char_list

    assert first_char_list(r"(?:未|没有)(?:收到|接到)") == "未没"
    assert first_char_list(r"(?<=年)(?P<neg>无|暂无)申请") == "无暂"
    assert first_char_list(r"(?:未)?收到") == "收未"
    assert first_char_list(r"\d+件") is None
    assert first_char_list(r"[a-z]件") is None
    assert first_char_list(r".件") is None
    assert first_char_list(r"(?:未)?") is None  # (it matches the empty string)


def test_scans_from_first_characters_as_finditer():
    """A pattern whose matches begin with a few characters (`Pattern.firsts`: the zero
    patterns, `scale_only`) is scanned by `match` only where one of them stands
    (`finditer_from_firsts`): the same matches, spans and groups as `finditer`, by `regex` and
    by the stdlib scanner, on every corpus text (raw and normalised) and on texts where one
    candidate lies inside the match of another. Its `needs` are not asked (test_claims.py)."""
    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import bmp_only, finditer_from_firsts

    scanned = [p for p in rules().patterns if p.firsts]
    assert {p.id for p in scanned} >= {"claim.zero.event", "claim.zero.none", "claim.zero.fee",
                                       "claim.scale_only"}
    assert all(p.needs is None for p in scanned)
    made = ["本年度未未收到申请，没有没有收到申请。", "从未收到过任何申请未收到申请",
            "暂无暂无申请，无无投诉；未收取未收费用", "二百余人，三千多件，万余条",
            "并未收到申请，均未发生复议；暂未接到举报", "千余人次，千多条信息",
            "暂无政府信息公开申请"]
    matched = 0
    for text in [*texts_and_views(), *made]:
        places: dict[str, list[int]] = {}  # (shared by the patterns, as find_claims does)
        for p in scanned:
            want = [(m.span(), m.groups()) for m in p.finditer(text)]
            assert [(m.span(), m.groups()) for m in p.finditer(text, False, places)] == want
            for rx in (p.rx, p.scan if p.scan is not None and bmp_only(text) else p.rx):
                want = [(m.span(), m.groups()) for m in rx.finditer(text)]
                got = [(m.span(), m.groups()) for m in finditer_from_firsts(rx, text, p.firsts)]
                assert got == want, (p.id, text[:80])
                got = [(m.span(), m.groups()) for m in p.finditer(text, bmp_only(text))]
                assert got == want, (p.id, text[:80])
                matched += len(want)
    assert matched > 1000


def test_parse_pair_by_length_as_the_pattern():
    """`parse_pair` turns down a span of other than two characters (after `strip`) without its
    pattern: the same answers as the pattern alone on every string of up to three characters
    of digits, place words and blanks."""
    from itertools import product

    from nlp.extract import numbers
    from nlp.extract.numbers import CN_DIGITS, parse_pair

    def plain(span):
        s = span.strip()
        if not numbers._PAIR.fullmatch(s):
            return None
        a, b = CN_DIGITS[s[0]], CN_DIGITS[s[1]]
        if b <= a or (b - a > 1 and (a, b) != (3, 5)):
            return None
        return a, b

    alphabet = "一两二三四五六七八九十零0 "
    spans = ["".join(t) for n in range(4) for t in product(alphabet, repeat=n)]
    pairs = 0
    for span in spans:
        want = plain(span)
        assert parse_pair.__wrapped__(span) == want, span
        pairs += want is not None
    assert pairs > 10


def test_literal_led_rest():
    """`literal_led_rest` cuts a pattern of one branch at its first literal at the top level
    (not in a group, a set, an escape or a repeat's counts, and not repeated), and gives None
    where the pattern opens on a literal, holds none, or carries what the rest cannot alone."""
    import regex

    from nlp.scan import literal_led_rest

    def rest(src):
        got = literal_led_rest(regex.compile(src))
        return None if got is None else got.pattern

    assert rest(r"\d+\s*页\s*\d+(?:KB|MB)") == r"页\s*\d+(?:KB|MB)"
    assert rest(r"(?<=政府)[\d一二]+次(?=会议)") == "次(?=会议)"
    assert rest(r"(?:一|二)个(?:意识|自信)") == "个(?:意识|自信)"
    assert rest(r"[一二]{1,2}[所户]镇") == "镇"
    assert rest(r"a?b") == "b"
    assert rest(r"\[\d{4}\]") is None  # (escapes only)
    assert rest(r"页\d+") is None  # (led by its literal already)
    assert rest(r"(\d)页\1") is None and rest(r"(?i)\d页") is None and rest(r"\d页|x") is None


def test_exclusion_rests_turn_branches_down():
    """The exclusion branches not led by a literal are asked only where their literal-led rest
    finds a match (`RestGatedLeftmostFirst`): on every corpus text, raw and normalised, a
    branch that matches has a rest that matches (test_exclusion_filter_lets_through_every_
    branch_that_matches compares the spans), and the rests turn down many branches RE2's
    filter lets through (the page-size branch among them)."""
    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import FilteredLeftmostFirst

    split = rules().exclude
    rests = split._rests
    page = next(i for i, p in enumerate(split.patterns) if "页" in p.pattern and "KB" in p.pattern)
    assert rests[page] is not None and rests[page].pattern.startswith("页")
    assert sum(r is not None for r in rests) > 20
    turned = page_turned = 0
    for text in texts_and_views():
        live = set(split._live(text))
        before = set(FilteredLeftmostFirst._live(split, text))  # (what its own filter lets through)
        assert live <= before
        turned += len(before - live)
        page_turned += page in before - live
        for i in before - live:
            assert split.patterns[i].search(text) is None, (i, text[:40])
    assert turned > 1000 and page_turned > 50


def test_exclusion_branches_split_by_their_first_characters():
    """exclude.rank (`前…位|后…位`), the 号 of exclude.doc_number (`(?<=…)号|(?<=…)\\s+号`) and
    exclude.page_counter (`…阅读…|…浏览…|…`) are written as one branch per way a match begins,
    so that `regex` finds each by its literal: the spans of all the exclusions are those of the
    patterns written as before (`(?:前|后)…`, `(?<=…)\\s*号`, `…(?:阅读|浏览|…)…`), on every
    corpus text, raw and normalised, and on made-up texts with blanks before 号 and around the
    rank's number, and with page counters."""
    import regex
    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import LeftmostFirst

    split = rules().exclude
    sources = [p.pattern for p in split.patterns]
    rank = next(i for i, s in enumerate(sources) if s.startswith("前\\s*"))
    assert sources[rank + 1] == "后" + sources[rank][1:]
    hao = sources.index("号(?<=[\\d零〇一二两三四五六七八九十]号)")  # (its lookbehind after its 号)
    assert sources[hao + 1] == "(?<=[\\d零〇一二两三四五六七八九十])\\s+号"
    # exclude.page_counter: one branch per counter word (阅读…|浏览…|点击…|访问…|查看…)
    lead = "(?:(?<!总|网站|网|平台|累计|页面|全年|年度))"
    counter = next(i for i, s in enumerate(sources) if s.startswith(lead + "阅读"))
    words = ["阅读", "浏览", "点击", "访问", "查看"]
    assert [sources[counter + k][len(lead):len(lead) + 2] for k in range(5)] == words
    assert all(sources[counter + k] == sources[counter].replace("阅读", w, 1) for k, w in enumerate(words))
    merged = {rank: "(?:前|后)" + sources[rank][1:], hao: "(?<=[\\d零〇一二两三四五六七八九十])\\s*号",
              counter: sources[counter].replace("阅读", "(?:阅读|浏览|点击|访问|查看)", 1)}
    after = {rank: 1, hao: 1, counter: 4}  # (the branches a merged one stands for after it)
    plain = LeftmostFirst([regex.compile(merged.get(i, s)) for i, s in enumerate(sources)
                           if not any(m < i <= m + k for m, k in after.items())])
    assert len(plain.patterns) == len(split.patterns) - 6
    made_up = ["清河路9 号", "清河路9\t 号院", "第3号 9号", "前 十 位", "后3名", "排名前 3 位，后十名",
               "〔2018〕 23 号", "9号", "号", "9 \n号", "全省前十位和后十位", "阅读次数：256次",
               "总浏览量: 88次", "网站访问量:12次", "点击数：3次查看量:4次", "页面查看数 :5"]
    n = 0
    for text in made_up + texts_and_views():
        spans = split.spans(text)
        assert spans == plain.spans(text), text[:40]
        n += len(spans)
    assert n > 10000


def test_first_set_search_as_the_lookahead_scanner():
    """The quantity scanner is `first_set_search` of `whole_text_scanner`'s: the lookahead on
    the first characters moved into the engine's search. The same matches as the lookahead form
    (`finditer`, spans and groups; `search` and `match` from every position of short texts) on
    every corpus text, raw and normalised, in the BMP, and on made-up texts; its search skips
    to the first characters (the information block holds the set); a pattern that does not open
    on a lookahead on one set, or holds an empty match, is given back as it is."""
    import random
    import re

    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import bmp_only, first_set_search, whole_text_scanner

    p = rules().pattern_index["claim.quantity"]
    slow = re.compile(p.scan.pattern)  # (the lookahead form, as `re.compile` reads the source)
    assert p.scan is not slow and p.scan.pattern == slow.pattern and p.scan != slow
    assert p.scan.groupindex == slow.groupindex and p.scan.groups == slow.groups
    cases = [t for t in texts_and_views() if bmp_only(t)]
    assert len(cases) > 4000
    rng = random.Random(23)
    alphabet = [*"0123456789,.点一二两十百千万亿约近超多大不至高", "元", "万元", "以上", "左右", "%",
                "个", "件", "条", "年", "、", " ", "\n", "至", "余", "第", "号", "将近", "不到"]
    short = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    n = 0
    for text in cases + short:
        got = [(m.span(), m.groups()) for m in p.scan.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in slow.finditer(text)], text[:40]
        n += len(got)
    assert n > 20000
    for text in short:
        for k in range(len(text) + 1):
            for ask in ("search", "match", "fullmatch"):
                a, b = getattr(p.scan, ask)(text, k), getattr(slow, ask)(text, k)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text
    plain = whole_text_scanner(p.rx)
    assert first_set_search(plain) is not plain
    for source in ("(?<=x)[ab]c", "[ab]c", "(?=[ab])(?=c)", "(?=[ab]|c)ac", "(?=a)b?", "(?![ab])c"):
        rx = re.compile(source)
        assert first_set_search(rx) is rx, source
    rx = first_set_search(re.compile("(?=[ab])(?P<x>a|b)c"))
    assert [m.group("x") for m in rx.finditer("acbcab bc")] == ["a", "b", "b"]


def test_neighboured_rest():
    """`neighboured_rest` puts a lookbehind on the element before the literal-led rest where
    that is one character of a class, an escape or a literal taken once or more, and keeps
    `literal_led_rest` otherwise (a group, an optional or counted repeat, `.`)."""
    import regex

    from nlp.scan import neighboured_rest

    def rest(src):
        got = neighboured_rest(regex.compile(src))
        return None if got is None else got.pattern

    assert rest(r"(?<=[\d十])\s+号") == r"(?<=\s)号"
    assert rest(r"(?<=政府)[\d一二]+次(?=会议)") == r"(?<=[\d一二])次(?=会议)"
    assert rest(r"[一二]台(?=区)") == r"(?<=[一二])台(?=区)"
    assert rest(r"(?<=y)\d+?页") == r"(?<=\d)页" and rest(r"(?<=y)[^]a]++页") == r"(?<=[^]a])页"
    assert rest(r"\d+\s*页\s*\d+") == r"页\s*\d+"  # (`*`: maybe no blank before 页)
    assert rest(r"[一二]{1,2}[所户]?镇") == "镇" and rest(r"(?:一|二)个") == "个"
    assert rest(r"\d.页") == "页" and rest(r"\d\.页") == "页" and rest(r"\d\\s页") == "s页"
    assert rest(r"\d{2}页") == "页" and rest(r"\p{Han}页") == "页"
    assert rest(r"页\d+") is None and rest(r"\d页|x") is None


def test_exclusion_filter_given_rests_lets_through_what_it_did():
    """The branches of the exclusion patterns marked `filter_rest` are given to RE2's filter as
    their literal-led rests (`FilteredLeftmostFirst(filter_patterns=…)`), and the gate then asks
    about as many branches in the corpus texts, raw and normalised (under 2% more), as with the branches
    themselves (what the rests leave out cost the filter's automaton states, and turned few texts
    down that the rest gates let through); the spans are the same."""
    from corpus import texts_and_views

    from nlp.data import load_toml
    from nlp.extract.claims import PATTERN_DIR, rules
    from nlp.scan import NeighbourGatedLeftmostFirst

    split = rules().exclude
    whole = NeighbourGatedLeftmostFirst(split.patterns, split.bmp_searchers)
    marked = [p["id"] for p in load_toml(PATTERN_DIR / "claims.toml")["pattern"]
              if p["role"] == "exclude" and p.get("filter_rest")]
    assert "exclude.idiom" in marked and "exclude.idiom.led" not in marked
    assert len(split._filter._index) == len(split.patterns)  # (RE2 takes every rest given)
    # (the meeting number's rest, 次…会议, is what the filter asks for, not the body's name too)
    meeting = next(i for i, p in enumerate(split.patterns) if p.pattern.startswith("(?<=(?:政府"))
    assert meeting in split._filter.candidates("举行3次会议")
    assert meeting not in whole._filter.candidates("举行3次会议")
    ours = theirs = 0
    for text in texts_and_views():
        ours += len(split._live(text))
        theirs += len(whole._live(text))
        assert split.spans(text) == whole.spans(text), text[:40]
    assert theirs <= ours <= 1.02 * theirs, (ours, theirs)  # (12,115 against 11,931)


def test_exclusion_gates_by_the_neighbour_before_the_rest():
    """The exclusions are gated by their `neighboured_rest`s (`NeighbourGatedLeftmostFirst`):
    on every corpus text, raw and normalised, and on made-up texts, each match of a branch holds
    a match of its gate (at or after its start, within it), the spans are those of the
    literal-led rests' gate (`RestGatedLeftmostFirst`), and the gate turns the `\\s+号` branch
    down in most texts where its 号 stands."""
    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import RestGatedLeftmostFirst

    split = rules().exclude
    plain = RestGatedLeftmostFirst(split.patterns)
    gates = split._rests
    apart = split.patterns.index(
        next(p for p in split.patterns if p.pattern.endswith(r"\s+号")))
    assert gates[apart].pattern == r"(?<=\s)号" and plain._rests[apart].pattern == "号"
    assert sum(g is not None and g.pattern.startswith("(?<=") for g in gates) > 5
    made_up = ["清河路9 号", "9\n号院", "〔2018〕 23 号", "三台县", "一 台区", "两张清单", "十 部曲",
               "政府12次常务会议", "第3号 9号", "号", " 号"]
    turned = matched = 0
    for text in made_up + texts_and_views():
        assert split.spans(text) == plain.spans(text), text[:40]
        for i, p in enumerate(split.patterns):
            if gates[i] is None:
                continue
            for m in p.finditer(text, overlapped=True):
                matched += 1
                found = gates[i].search(text, m.start())
                assert found is not None and found.end() <= m.end(), (i, text[:40])
        turned += "号" in text and apart not in split._live(text) and apart in plain._live(text)
    # (the 号 and 部分 branches are led by their literal now, without a gate: fewer matches here)
    assert matched > 500 and turned > 1000


def test_exclusion_char_gates():
    """A branch without a rest that needs one of a few single characters gets a gate
    (`RestGatedLeftmostFirst._with_char_gates`): a stdlib search for the characters where RE2's
    filter passes it in every text (`PatternFilter.passed`: `\\[\\d{4}\\]…`), its `loose_twin`
    otherwise (`一\\p{Han}一\\p{Han}`). On every corpus text, raw and normalised, a branch the gate
    turns down finds no match (test_exclusion_gates_by_the_neighbour_before_the_rest checks
    every match holds its gate's), and the gates turn both branches down in most texts."""
    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import FilteredLeftmostFirst, PatternFilter

    split = rules().exclude
    year = next(i for i, p in enumerate(split.patterns) if p.pattern.startswith(r"\[\d{4}\]"))
    twice = split.patterns.index(next(p for p in split.patterns if p.pattern == r"一\p{Han}一\p{Han}"))
    assert split._filter.passed() == (year,)
    assert split._rests[year].search("川办函[2016]31号") and split._rests[year].search("2016年") is None
    assert split._rests[twice].pattern == "一(?s:.)一(?s:.)"
    assert PatternFilter([]).passed() == ()
    filtered = FilteredLeftmostFirst(split.patterns)
    turned = {year: 0, twice: 0}
    for text in texts_and_views():
        live, before = set(split._live(text)), set(filtered._live(text))
        for i in turned:
            if i in before - live:
                turned[i] += 1
                assert split.patterns[i].search(text) is None, (i, text[:40])
    assert min(turned.values()) > 1000


def test_quoted_names_from_their_opening_quotes():
    """The mask's short quoted names are looked for where an opening quote stands (`str.find`,
    `finditer_from_firsts`): the same matches as `_QUOTED_NAME.finditer` on every corpus text,
    raw and normalised, and on made-up texts of quotes, names and line ends."""
    import random

    from corpus import texts_and_views

    from nlp.extract.claims import _QUOTED_FIRSTS, _QUOTED_NAME
    from nlp.scan import finditer_from_firsts

    assert sorted(_QUOTED_FIRSTS) == sorted("“\"「")
    rng = random.Random(23)
    alphabet = [*"“”\"「」\n名称甲乙，", "公开指南", "一二三"]
    made_up = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
               for _ in range(5000)]
    n = 0
    for text in made_up + texts_and_views():
        want = [m.span() for m in _QUOTED_NAME.finditer(text)]
        assert [m.span() for m in finditer_from_firsts(_QUOTED_NAME, text, _QUOTED_FIRSTS)] == \
            want, text[:40]
        n += len(want)
    assert n > 10000


def test_literal_prefixes():
    """`literal_prefixes`: strings one of which every match begins with, read off the parse
    tree up to the first item that is not a fixed string; None where a match may begin with
    anything (an optional start), where a flag changes what a literal matches, or where there
    are too many."""
    from nlp.scan import literal_prefixes

    assert literal_prefixes(r"(?<![千])(?P<neg>未|没有|无|不)(?P<verb>收取|收)(?:过)?") == \
        ("不收", "无收", "未收", "没有")
    assert literal_prefixes(r"[万千百](余|多)\d") == ("万余", "万多", "千余", "千多", "百余", "百多")
    assert literal_prefixes(r"ab|a") == ("a", "ab")  # (a match may end after a)
    assert literal_prefixes(r"a(?:b|)c") == ("ab", "ac")
    assert literal_prefixes(r"a\d+") == ("a",)
    assert literal_prefixes(r"a(?=b)c", n=3) == ("ac",)  # (zero width: skipped)
    assert literal_prefixes(r"(?:未)?收到") is None
    assert literal_prefixes(r"\d+件") is None
    assert literal_prefixes(r"(?i)ab") is None
    assert literal_prefixes(r"(?i:a)b") is None
    assert literal_prefixes(r"[^a]b") is None
    assert literal_prefixes(r"[a-c]b") is None
    assert literal_prefixes(r"\p{Han}a") is None  # (not the stdlib's syntax)
    assert literal_prefixes(r"[ab][cd][ef]", n=3, most=4) is None


def test_scans_from_literal_prefixes_as_finditer():
    """The patterns scanned from their first characters are asked only where the text begins
    with one of their `literal_prefixes` (`Pattern.prefixes`): the same matches, spans and
    groups as `finditer` on made-up texts dense in those prefixes and their first characters
    (the corpus texts: test_scans_from_first_characters_as_finditer)."""
    import random

    from nlp.extract.claims import rules
    from nlp.scan import bmp_only

    scanned = [p for p in rules().patterns if p.firsts]
    assert all(p.prefixes for p in scanned)
    pieces = sorted({w for p in scanned for w in p.prefixes} | {ch for p in scanned for ch in p.firsts}
                    | {"收到申请", "费", "人", "件", "，", "政府信息公开申请", "投诉", "过", "任何"})
    rng = random.Random(24)
    n = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for p in scanned:
            want = [(m.span(), m.groups()) for m in p.rx.finditer(text)]
            assert [(m.span(), m.groups()) for m in p.finditer(text, bmp_only(text))] == want, text
            assert [(m.span(), m.groups()) for m in p.finditer(text, False, {})] == want, text
            n += len(want)
    assert n > 500


def test_unit_of_by_first_character_as_the_plain_way():
    """`_unit_of` asks only the units that can begin with the character at the unit's start
    (`Rules.unit_firsts`), each by its stdlib scanner in a text of the BMP: the unit it names
    is the first in order whose own match there ends where asked (None: none), at every
    position after a digit of every corpus text (raw and normalised), for every end a unit's
    match gives there and one no unit gives."""
    from corpus import texts_and_views

    from nlp.extract.claims import _unit_of, rules
    from nlp.scan import bmp_only

    r = rules()
    assert r.unit_firsts is not None
    assert all(scan is not None for units in r.unit_firsts.values() for _, scan in units)

    def plain(nt: str, us: int, ue: int):
        return next((u for u in r.units if (m := u.rx.match(nt, us)) is not None
                     and m.end() == ue), None)

    seen = 0
    for nt in [*texts_and_views(), "3则", "第3期", "5个百分点", "2个工作日", "4件次", "7日内"]:
        bmp = bmp_only(nt)
        for pos in range(1, len(nt)):
            if not nt[pos - 1].isdigit():
                continue
            ends = {m.end() for u in r.units if (m := u.rx.match(nt, pos)) is not None}
            for ue in ends | {pos + 1}:
                want = plain(nt, pos, ue)
                assert _unit_of(r, nt, pos, ue) is want, nt[pos:pos + 8]
                assert _unit_of(r, nt, pos, ue, bmp) is want, nt[pos:pos + 8]
                seen += want is not None
    assert seen > 1000


def test_prefix_anchors():
    """`prefix_anchors`: characters at offsets one of which every prefix holds, the most shared
    first, the smallest offset where they tie; the claims patterns' anchors cover their
    prefixes, with fewer characters than their first characters."""
    from nlp.extract.claims import rules
    from nlp.scan import prefix_anchors

    assert prefix_anchors(("不收", "无收", "未收", "没有")) == (("收", (1,)), ("没", (0,)))
    assert prefix_anchors(("万余", "万多", "千余")) == (("万", (0,)), ("千", (0,)))
    assert prefix_anchors(("万余", "千余", "万多")) == (("万", (0,)), ("千", (0,)))
    assert prefix_anchors(("万余", "千余", "百余", "百多")) == (("余", (1,)), ("百", (0,)))
    assert prefix_anchors(("ab", "a")) == (("a", (0,)),)
    assert prefix_anchors(()) == ()
    scanned = [p for p in rules().patterns if p.firsts]
    for p in scanned:
        assert p.anchors == prefix_anchors(p.prefixes)
        assert all(any(w[o:o + 1] == ch for ch, offsets in p.anchors for o in offsets)
                   for w in p.prefixes)
    assert len({ch for p in scanned for ch, _ in p.anchors}) < \
        len({ch for p in scanned for ch in p.firsts})


def test_head_first_searches_as_the_exclusion_it_stands_for():
    """An exclusion branch with a `head` and a `goes_on` (the ordinal: 第 and a number, the list
    after it optional) is searched on a text of the BMP by `scan.HeadFirst`: the stdlib `re`
    finds the head, and `regex` is asked only where the list can go on after it. The same
    matches as the branch's `search` from every place one may begin, on every corpus text, raw
    and normalised, and on made-up texts of its parts; and the exclusions' spans with and
    without the `bmp_searchers` (this one, and the stdlib `re` forms of the branches led by a
    literal character). Most matches are the head's alone."""
    import random

    import regex
    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import HeadFirst, bmp_only

    x = rules().exclude
    searchers = [(i, s) for i, s in enumerate(x.bmp_searchers) if isinstance(s, HeadFirst)]
    assert len(searchers) == 1 and searchers[0][1].rx is x.patterns[searchers[0][0]]
    assert sum(not isinstance(s, (HeadFirst, regex.Pattern)) for s in x.bmp_searchers) > 20
    head_first = searchers[0][1]
    rng = random.Random(26)
    alphabet = [*"第0123456789一二十百条條款项項、和及至到 ,.点", "第二十", "条例", "\n"]
    made_up = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(20000)]
    cases = [t for t in texts_and_views() if bmp_only(t)]
    corpus = len(cases)
    matches = heads = 0
    for k, text in enumerate(cases + made_up):
        if k < corpus:
            assert x.spans(text, True) == x.spans(text), text[:40]
        starts = [i for i, ch in enumerate(text) if ch == "第"] if k < corpus else range(len(text) + 1)
        for pos in starts:
            got, want = head_first.search(text, pos), head_first.rx.search(text, pos)
            assert (got is None) == (want is None), (text, pos)
            if want is not None:
                assert got.span() == want.span(), (text, pos)
                matches += k < corpus
                heads += k < corpus and not isinstance(got, regex.Match)
    assert matches > 3000 and heads > matches // 4


def test_lookbehinds_written_after_their_literal_find_what_they_did():
    """`exclude.doc_number`'s 号 and `exclude.report_parts` are written led by their literal, the
    lookbehind after it (`号(?<=[…]号)`; `个部分(?<=[…]个部分)|部分(?<=[…]部分)`, one branch per
    first character): both engines skip to the literal, and the stdlib `re` form is asked on a
    text of the BMP. The same spans as the lookbehind-led forms they replace, on every corpus
    text, raw and normalised, and on made-up texts."""
    import random

    import regex
    from corpus import texts_and_views

    from nlp.extract.claims import rules

    before = "[\\d零〇一二两三四五六七八九十]"
    pairs = [(f"(?<={before})号", f"号(?<={before}号)"),
             (f"(?<={before})个?部分", f"个部分(?<={before}个部分)|部分(?<={before}部分)")]
    sources = [p.pattern for p in rules().exclude.patterns]
    rng = random.Random(26)
    alphabet = [*"0123456789一二十百号个部分第 \n", "部分", "个部分"]
    cases = texts_and_views() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
                                 for _ in range(20000)]
    for old, new in pairs:
        assert old not in sources and all(b in sources for b in new.split("|"))
        old_rx, new_rx = regex.compile(old), regex.compile(new)
        found = 0
        for text in cases:
            want = [m.span() for m in old_rx.finditer(text)]
            assert [m.span() for m in new_rx.finditer(text)] == want, text[:40]
            found += len(want)
        assert found > 1000


def test_bigrams_as_the_set_test():
    """`_bigrams` skips a pair when both its characters are of `_BIGRAM_SKIP`: the pairs the
    test `set(pair) <= _BIGRAM_SKIP` keeps, on every subject-like string over an alphabet of
    skipped and kept characters (all of up to 5 characters)."""
    from itertools import product

    from nlp.extract.claims import _BIGRAM_SKIP, _bigrams

    def plain(s: str | None) -> frozenset[str]:
        if not s:
            return frozenset()
        return frozenset(s[i:i + 2] for i in range(len(s) - 1)
                         if not (set(s[i:i + 2]) <= _BIGRAM_SKIP))

    alphabet = "的信息申a "
    strings = ["", None, "的的", "信息公开", "主动公开的政府信息", "等类和及与"]
    strings += ["".join(p) for n in range(1, 6) for p in product(alphabet, repeat=n)]
    for s in strings:
        assert _bigrams.__wrapped__(s) == plain(s), s


def test_until_new_statement_gates():
    """`_until_new_statement` asks `in` for `_REVIEW_WORDS`' words (a literal alternation: it
    finds a match where one of them stands) and asks `_CHANNEL_LED` only of a lead that holds
    one of its verbs (`_CHANNEL_LED_NEEDS`): the same answers as the searches on every comma
    and semicolon clause of every corpus text (normalised) and on hand-made leads."""
    import regex
    from corpus import CORPORA

    from nlp.extract.claims import (
        _CHANNEL_LED,
        _CHANNEL_LED_NEEDS,
        _REVIEW_NEEDS,
        _REVIEW_WORDS,
    )
    from nlp.normalize import normalize
    from nlp.scan import holds_any, may_hold

    assert _REVIEW_NEEDS is not None and _CHANNEL_LED_NEEDS is not None
    leads = ["行政复议1件", "诉讼", "通过微信公众号发布", "在网站上公开", "单位公示栏上公开财务", "其中文件类"]
    for path in sorted(CORPORA.rglob("*.txt")):
        nt = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        leads += regex.split(r"[，,；;。\n]", nt)
    channel = 0
    for own in leads:
        assert holds_any(own, _REVIEW_NEEDS) == (_REVIEW_WORDS.search(own) is not None), own
        m = _CHANNEL_LED.match(own.lstrip(" \t"))
        assert may_hold(own, _CHANNEL_LED_NEEDS) or m is None, own
        channel += m is not None
    assert channel > 50


def test_record_order_as_the_keyed_sort():
    """`Document._order` (asked by `section_at` and `sentence_at`, first by the claims' `_place`)
    gives what `sorted(range(n), key=lambda j: items[j].start)` gives, and their starts in that
    order: for items in text order (the identity, found by sorting the starts alone), shuffled,
    with ties, and empty."""
    import random
    from types import SimpleNamespace

    from nlp.records import Document

    rng = random.Random(7)
    for n in range(60):
        for case in range(6):
            starts = sorted(rng.randrange(0, 40) for _ in range(n))
            if case >= 3:
                rng.shuffle(starts)
            items = [SimpleNamespace(start=s, tag=k) for k, s in enumerate(starts)]
            doc = Document(doc_id="d", path=None, format="text", text="")
            want = sorted(range(n), key=lambda j: items[j].start)
            assert doc._order("sentences", items) == want
            assert doc._starts["sentences"] == [items[j].start for j in want]


def test_clause_end_by_the_stdlib_as_the_regex_search():
    """`_clause_end` searches its stops by the stdlib `re` from a position at or after the
    start: the same end as the `regex` search, for every set of stops the claims ask, at every
    stop of every corpus text (normalised), the positions next to it and every 7th position,
    past both ends included (a negative position is left to `regex`)."""
    from corpus import CORPORA

    from nlp.extract.claims import _BOUNDARY, _SENT_END, SEMI_STOPS, _clause_end, _stops_rx
    from nlp.normalize import normalize

    def plain(nt: str, pos: int, stops: str) -> int:
        m = _stops_rx(stops, False).search(nt, pos)
        return m.start() if m is not None else len(nt)

    asked = 0
    texts = [normalize(p.read_text(encoding="utf-8", errors="replace")).text
             for p in sorted(CORPORA.rglob("*.txt"))]
    texts += ["", "。", "甲，乙。丙", "\n\n", "（一）甲：乙!?", "a\U00020000，b"]
    for nt in texts:
        for stops in (_BOUNDARY, _SENT_END, "）)\n", "）)" + _SENT_END, SEMI_STOPS):
            near = {k + d for k, ch in enumerate(nt) if ch in stops for d in (-1, 0, 1)}
            for pos in sorted(near | set(range(-3, len(nt) + 4, 7))):
                assert _clause_end(nt, pos, stops) == plain(nt, pos, stops), (nt[:20], pos)
                asked += 1
    assert asked > 100_000


def test_anchor_ends_by_their_first_characters():
    """`_ending_at` finds its anchors from the places of their first characters (`_anchor_ends`):
    the same ends, each as often, as a `find_all` pass for each anchor, on every corpus text
    (raw and normalised) and on hand-made ones, for both patterns' anchors and made-up sets
    that share first characters."""
    from corpus import texts_and_views

    from nlp.extract.claims import _LIST_LEAD_COLONS, _PARENT_MARK_ENDS, _anchor_ends, find_all

    sets = [_PARENT_MARK_ENDS, _LIST_LEAD_COLONS, ("具体为", "具体", "具", "体为"), ("aa", "a", "aaa")]
    cases = ["具体为具体有包含包括涉及其中", "aaaa", "", "其", "具体为：包括:", *texts_and_views()]
    for anchors in sets:
        for nt in cases:
            want = sorted(k + len(a) for a in anchors for k in find_all(nt, a))
            assert sorted(_anchor_ends(nt, anchors)) == want, (anchors, nt[:30])


def test_from_to_and_total_after_gates():
    """`_from_to` asks `_TO` and `_FROM`, and `_totals_after` asks `_TOTAL_AFTER`, only of a
    string that holds one of the strings their matches hold (`_needs`): no string turned down
    holds a match, on every clause of every corpus text (normalised) and each of its last 12
    endings and first 12 beginnings, and on hand-made leads and gaps."""
    import regex
    from corpus import CORPORA

    from nlp.extract.claims import (
        _FROM,
        _FROM_NEEDS,
        _TO,
        _TO_NEEDS,
        _TOTAL_AFTER,
        _TOTAL_AFTER_NEEDS,
    )
    from nlp.normalize import normalize
    from nlp.scan import may_hold

    assert _FROM_NEEDS and _TO_NEEDS and _TOTAL_AFTER_NEEDS
    pieces = ["流程由原来的", "精简为", "从", "减少到", "共计", "合计发布", "以上共", "两类总计", "累计"]
    for path in sorted(CORPORA.rglob("*.txt")):
        nt = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        for clause in regex.split(r"[，,；;。\n\d]", nt):
            pieces += [clause[k:] for k in range(min(len(clause), 12))]
            pieces += [clause[:k] for k in range(1, min(len(clause), 12))]
    held = 0
    for s in pieces:
        for rx, needs, ask in ((_TO, _TO_NEEDS, "search"), (_FROM, _FROM_NEEDS, "search"),
                               (_TOTAL_AFTER, _TOTAL_AFTER_NEEDS, "fullmatch")):
            m = getattr(rx, ask)(s)
            assert may_hold(s, needs) or m is None, (rx.pattern[:20], s)
            held += m is not None
    assert held > 100


def test_first_char_lookaheads():
    """`scan.first_char_lookaheads` puts a lookahead on its first characters before each group
    of four branches or more, and only there: not before an optional or repeated group, a
    negative or look-behind assertion, a group that may match the empty string or begin with
    any character, or one holding a flag that changes what a class matches. The same matches
    (spans and groups, by `finditer`, `match` and `search` from every position) as the pattern
    as written, on made-up texts."""
    import random
    import re

    from nlp.scan import first_char_lookaheads

    assert first_char_lookaheads("x(?:ab|c|d|e)") == "x(?=[\\U00000061\\U00000063\\U00000064\\U00000065])(?:ab|c|d|e)"
    assert first_char_lookaheads("(?P<u>a|b|c|d)(e|f|g|h)(?=i|j|k|l)").count("(?=[") == 3
    for same in ("(?:a|b|c|d)?x", "(?:a|b|c|d)*x", "(?:a|b|c|d){2}", "(?:a|b|c|d)+", "x(?!a|b|c|d)",
                 "(?<=a|b|c|d)x", "(?<!a|b|c|d)x", "(?:a|b|c|d|)x", "(?:a|b|c|.)x", "(?:(?i:a)|b|c|d)",
                 "(?:a|b|c)x", "[(?:a|b|c|d)]", r"\(?:a|b|c|d\)"):
        assert first_char_lookaheads(same) == same, same
    sources = [r"(?:ab|c|d|\d)e?", r"x{0,3}?(?:街道|政府|局|委)(?=[\d]|共|累计|在)", r"(?P<u>个?百分点|%|万元|元)",
               r"(?:a(?:b|c|d|e)|f|g|h)+?", r"(?=(?:a|b|c|d))\w", r"(?:[ab]|c|d|e)(?:f|g|h|i|j)?"]
    rng = random.Random(29)
    alphabet = [*"abcdefghijx0129个元%", "街道", "政府", "局", "委", "共", "累计", "在", "百分点", "万元"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
    for source in sources:
        plain, fast = re.compile(source), re.compile(first_char_lookaheads(source))
        assert fast.pattern != plain.pattern, source
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], (source, text)
            for k in range(len(text) + 1):
                for ask in (fast.match, fast.search):
                    a, b = ask(text, k), getattr(plain, ask.__name__)(text, k)
                    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text


def test_agent_gate_with_first_char_lookaheads():
    """The agent's gate is `loose_twin(agent)` with a lookahead before each long alternation
    (`first_char_lookaheads`): the same matches on every lead of `_lead_texts`, and the quantity
    scanner holds such lookaheads too (its matches: `test_run_guard_of_the_quantity_scanner`)."""
    from nlp.extract.claims import rules
    from nlp.scan import loose_twin

    r = rules()
    plain = loose_twin(r.agent.pattern)
    assert plain is not None and r.agent_gate.pattern != plain.pattern
    assert r.agent_gate.pattern.count("(?=[") > plain.pattern.count("(?=[")
    assert r.pattern_index["claim.quantity"].scan.pattern.count("(?=[") > 2
    n = 0
    for t in _lead_texts():
        a, b = r.agent_gate.match(t), plain.match(t)
        assert (a and a.span()) == (b and b.span()), t
        n += a is not None
    assert n > 1000


def test_clause_start_on_the_reversed_text_as_the_backward_search():
    """`clause_start` finds the last of its stops before a position as the first in the reversed
    text, by the stdlib `re`: the same start as `regex`'s backward search (`_clause_start_back`),
    for every set of stops the claims, link and check ask, at every stop of every corpus text
    (normalised), the positions next to it and every 7th position, past both ends included;
    and the reversed texts are made once a text."""
    from corpus import CORPORA

    from nlp.check.narrative import _CLAUSE_STOPS
    from nlp.extract.claims import (
        _BOUNDARY,
        _SENT_END,
        SEMI_STOPS,
        _clause_start_back,
        _reversed,
        clause_start,
    )
    from nlp.normalize import normalize

    asked = 0
    texts = [normalize(p.read_text(encoding="utf-8", errors="replace")).text
             for p in sorted(CORPORA.rglob("*.txt"))]
    texts += ["", "。", "甲，乙。丙", "\n\n", "（一）甲：乙!?", "a\U00020000，b", "\\]^-[，"]
    for nt in texts:
        for stops in (_BOUNDARY, _SENT_END, "；;", SEMI_STOPS, "。；;！？!?\n", _CLAUSE_STOPS, "]\\^-"):
            near = {k + d for k, ch in enumerate(nt) if ch in stops for d in (-1, 0, 1)}
            for pos in sorted(near | set(range(-3, len(nt) + 4, 7))):
                assert clause_start(nt, pos, stops) == _clause_start_back(nt, pos, stops), (nt[:20], pos)
                asked += 1
    assert asked > 100_000
    before = _reversed.cache_info().misses
    for pos in range(0, len(texts[0]), 5):
        clause_start(texts[0], pos)
    assert _reversed.cache_info().misses <= before + 1


def test_found_clause_start_as_asked(monkeypatch):
    """Every claim being built holds its clause's start, `clause_start(nt, pre_start)` (`_Found.cs`,
    which `_since_start` takes for the default stops instead of searching again), and
    `_since_start` answers as it does with the search: every claim of every corpus text."""
    from corpus import CORPORA

    from nlp.extract import claims as C

    seen = []
    relations = C._relations

    def checked(nt, found, r):
        for f in found:
            assert f.cs == C.clause_start(nt, f.pre_start), (nt[:20], f.pre_start)
            plain = C._SINCE_START.search(nt, C.clause_start(nt, f.pre_start, C._BOUNDARY), f.ns)
            assert C._since_start(nt, f, C._BOUNDARY) == (plain is not None)
            seen.append(plain is not None)
        return relations(nt, found, r)

    monkeypatch.setattr(C, "_relations", checked)
    for path in sorted(CORPORA.rglob("*.txt")):
        _claims_of_segmented(path.read_text(encoding="utf-8", errors="replace"))
    assert len(seen) > 10000 and sum(seen) > 20


def test_plain_digit_values_as_the_decimal_way(monkeypatch):
    """`_value` gives a unit's match of plain digits (at most `_PLAIN_DIGITS` of them) as the
    int product of the number and the unit's integral scale: the same answer, type included,
    as the `Decimal` way (`_PLAIN_DIGITS` 0) for every quantity match of every corpus text,
    raw and normalised, and for made-up numbers (a long run, scales of 万 and 亿, ranges,
    approximations, a scale after 余)."""
    from corpus import texts_and_views

    from nlp.extract import claims as C

    r = C.rules()
    assert set(C._INT_SCALES) >= {u.scale for u in r.units}
    made_up = ["收到申请1234567890123456789件", "支出12345678901234567890万元", "经费3亿元",
               "结余1234567890123456789012345亿元", "共12345678901234567890123456789件",
               "3至5个工作日", "300余条", "2万余元", "约300条", "30多万元", "100%", "0件",
               "12.5万元", "3千余人次", "007件"]
    calls = []
    for nt in [*texts_and_views(), *made_up]:
        for p in r.by_role("quantity"):
            for m in p.rx.finditer(nt):
                u = None if p.get("unit") else C._unit_of(r, nt, m.start("unit"), m.end("unit"))
                if u is not None or p.get("unit"):
                    calls.append((p.id, None if u is None else u.id, m.groups()))
    C._value.cache_clear()
    fast = [C._value(*a) for a in calls]
    C._value.cache_clear()
    monkeypatch.setattr(C, "_PLAIN_DIGITS", 0)
    plain = [C._value(*a) for a in calls]
    C._value.cache_clear()
    assert [tuple(map(type, v)) if v else v for v in fast] == \
        [tuple(map(type, v)) if v else v for v in plain]
    assert fast == plain
    digits = sum(1 for _, _, g in calls if any(x and x.isascii() and x.isdigit() for x in g))
    assert len(calls) > 5000 and digits > 3000
