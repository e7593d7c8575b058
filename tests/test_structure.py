"""Sections, paragraphs and sentences (nlp/segment/structure.py) on real reports."""

from __future__ import annotations

import re

import pytest
import regex
from corpus import CORPORA, corpus_texts, normalized_views, segmented
from hypothesis import given, settings
from hypothesis import strategies as st

import nlp
from nlp.segment.structure import classify_title, cn_number, find_structure, section_kinds

SEED = "seeds/000_65d192663e1ca53a.txt"
_doc = segmented


def _top(doc) -> list[tuple[str, str]]:
    return [(s.heading, s.kind) for s in doc.sections if s.level == 1]


SIX_2021 = ["overview", "active", "requests", "review", "problems", "other"]

# file → the level-1 sections, read off the text by hand
TOP = [
    (SEED, [
        ("一、概述", "overview"),
        ("二、主动公开政府信息情况", "active"),
        ("三、依申请公开政府信息情况", "requests"),
        ("四、政府信息公开复议诉讼和举报情况", "review"),
        ("五、存在的不足及改进措施", "problems"),
        ("2018年度高青县质量技术监督局政府信息公开工作情况统计表", "tables"),
    ]),
    ("full/fj_pingtan_2019.txt", [
        ("一、总体情况", "overview"),
        ("二、主动公开政府信息情况", "active"),
        ("三、收到和处理政府信息公开申请情况", "requests"),
        ("四、政府信息公开行政复议、行政诉讼情况", "review"),
        ("五、存在的主要问题及改进情况", "problems"),
        ("六、其他需要报告的事项", "other"),
    ]),
    ("full/fj_pingtan_county_2011.txt", [
        ("一、 概述", "overview"),
        ("二、主动公开政府信息情况", "active"),
        ("三、政府信息依申请公开工作情况", "requests"),
        ("四、政府信息公开工作存在的主要问题及改进情况", "problems"),
        ("附件1：平潭县人民政府2011年政府信息公开情况统计表", "tables"),
    ]),
    ("full/fj_pingtan_dishui_2013.txt", [
        ("一、概述", "overview"),
        ("二、主动公开政府信息情况", "active"),
        ("三、依申请公开、不予公开及咨询政府信息情况", "requests"),
        ("四、审批事项及处理情况", ""),
        ("五、申请行政复议、提起行政诉讼和申诉的情况", "review"),
        ("六、工作人员及信息公开事务支出情况", "organization"),
    ]),
    ("full/fj_pingtan_2015.txt", [
        ("一、 概述", "overview"),
        ("二、主动公开政府信息情况", "active"),
        ("三、政府信息依申请公开工作情况", "requests"),
        ("四、政府信息公开的收费及减免情况", "fees"),
        ("五、因政府信息公开申请行政复议、提起行政诉讼的情况", "review"),
        ("六、主要问题和改进措施", "problems"),
        ("七、平潭综合实验区政府信息公开情况统计表", "tables"),
    ]),
    ("excerpts/sd_jinxiang_shuiwu_2009.txt", [
        ("一、概述", "overview"),
        ("二、主动公开政府信息情况", "active"),
        ("三、因政府信息公开申请行政复议、提起行政诉讼的情况", "review"),
        ("四、政府信息公开收费及减免情况", "fees"),
        ("五、政府信息公开工作存在的主要问题和改进情况", "problems"),
        ("六、其他需要报告的事项", "other"),
    ]),
    # cells one per line between "|" lines: only the canonical headings are sections
    ("excerpts/sn_ankang_bureau_2019.txt", [
        ("一、总体情况", "overview"),
        ("二、主动公开政府信息情况", "active"),
        ("三、收到和处理政府信息公开申请情况", "requests"),
    ]),
    ("more/fj_pingtan_2014_gzyd_letter.txt", [
        ("一、2014年政府信息公开工作情况", "overview"),
        ("二、存在问题及下一步工作计划", "problems"),
    ]),
]


@pytest.mark.parametrize(("rel", "top"), TOP, ids=[t[0] for t in TOP])
def test_level1_sections(rel, top):
    assert _top(_doc(rel)) == top


@pytest.mark.parametrize("rel", [
    "full/fj_pingtan_2023.txt", "full/fj_pingtan_2025.txt", "more/fj_pingtan_2022.txt",
    "more/fj_pingtan_2023_article.html", "more/fj_pingtan_2025_article.html",
    "converted/fj_pingtan_2023.docx", "converted/fj_pingtan_2023.pdf", "full/ha_hongze_2024.pdf",
])
def test_six_sections_of_the_2021_format(rel):
    doc = _doc(rel)
    assert [k for _, k in _top(doc)] == SIX_2021
    assert [s.number for s in doc.sections if s.level == 1] == list("一二三四五六")


def test_seed_subsections_and_parents():
    doc = _doc(SEED)
    subs = [(s.heading, doc.sections[s.parent].number) for s in doc.sections if s.level == 2]
    assert subs == [
        ("（一）加强组织领导，优化队伍建设", "一"),
        ("（二）完善制度机制，强力部署推进", "一"),
        ("(三) 加强平台建设，拓展公开渠道", "一"),
        ("（一）依申请公开处理情况", "三"),
        ("（二）收费及减免情况", "三"),
    ]
    assert doc.sections[-1].kind == "tables"
    # rows of the tab-separated table are not sections ("一、主动公开情况\t\t", "十三、…")
    assert not any("\t" in doc.text[s.heading_start : s.heading_end + 2] for s in doc.sections)


def test_inline_headings_in_flattened_crawler_text():
    doc = _doc("full/fj_pingtan_2019.txt")
    heads = [s.heading for s in doc.sections]
    # "（二）主要做法1.加强组织领导…": the heading ends where the first deeper item starts
    assert "（二）主要做法" in heads
    assert "2.把握工作重点，扎实推进信息公开" in heads
    assert [h for h in heads if h.startswith("（1）")] == ["（1）加强政策解读信息公开"]
    assert sum(1 for s in doc.sections if s.level == 4) == 14  # （1）…（14）
    # the flattened table rows are not sections
    for bad in ("一、本年新收", "三、本年度办理结果", "四、结转下年度继续办理", "（一）予以公开"):
        assert not any(h.startswith(bad) for h in heads), bad


def test_enumeration_inside_a_sentence_is_not_a_heading():
    # seed: "以下三方面开展工作：一是坚持…；二是…" runs inside one sentence
    doc = _doc(SEED)
    assert not any(s.level == 5 for s in doc.sections)
    # pingtan 2019: "2020年，我们将采取以下措施加以改进：（一）继续强化…。…（二）继续完善…"
    doc = _doc("full/fj_pingtan_2019.txt")
    problems = next(i for i, s in enumerate(doc.sections) if s.kind == "problems")
    kids = [s.heading for s in doc.sections if s.parent == problems and s.level == 2]
    assert kids == ["（一）继续强化信息公开责任", "（二）继续完善信息公开机制", "（三）继续加强督导协调工作"]


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        # 第（一）项 and 第三十二条 are references, not headings
        ("一、主动公开政府信息情况\n依据《条例》第二十条第（一）项和第三十二条规定公开。\n", ["一、主动公开政府信息情况"]),
        # a list number inside a sentence, and a decimal
        ("一、总体情况\n全年公开信息1.2万条，涉及1、2两类。\n", ["一、总体情况"]),
        # full-width numbers and brackets
        ("一、总体情况\n（１）加强领导。\n（２）完善制度。\n", ["一、总体情况", "（１）加强领导", "（２）完善制度"]),
        ("二、主动公开政府信息情况\n1．门户网站。全年公开5条。\n2、政务微博。\n", ["二、主动公开政府信息情况", "1．门户网站", "2、政务微博"]),
        # a table of contents line is not a list of sections
        ("一、概述,二、主動公開政府信息情況,三、依申請公開政府信息情況,四、複議、訴訟情況,\n一、概述\n內容。\n", ["一、概述"]),
    ],
)
def test_heading_cases(text, headings):
    doc = nlp.extract_text(text).document
    assert [s.heading for s in doc.sections] == headings


def test_sentences_do_not_cross_headings_and_map_back():
    for rel in ("full/fj_pingtan_2019.txt", SEED, "full/fj_pingtan_dishui_2013.txt"):
        doc = _doc(rel)
        starts = {s.heading_start for s in doc.sections}
        for sent in doc.sentences:
            assert doc.text[sent.start : sent.end].strip() == doc.text[sent.start : sent.end]
            assert not any(sent.start < h < sent.end for h in starts), doc.text[sent.start : sent.end]
            para = doc.paragraphs[sent.paragraph]
            assert para.start <= sent.start and sent.end <= para.end
            if sent.section is not None:
                sec = doc.sections[sent.section]
                assert sec.start <= sent.start < sec.end


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # ；does not end a sentence: the parts and the total stay together
        ("共公开信息33条，其中业务类26条，占75%；其他7条，占25%。全年未收到申请。",
         ["共公开信息33条，其中业务类26条，占75%；其他7条，占25%。", "全年未收到申请。"]),
        # a line break inside a sentence (PDF) does not end it; a line end after 。 does
        ("2018年，县质监局共主动公开政府信息33条，其中业务类信息\n26条。\n未收到申请\n",
         ["2018年，县质监局共主动公开政府信息33条，其中业务类信息\n26条。", "未收到申请"]),
        # a closing quote stays with its sentence
        ("坚持“公开为常态。”全年公开5条！", ["坚持“公开为常态。”", "全年公开5条！"]),
    ],
)
def test_sentence_cases(text, sentences):
    doc = nlp.extract_text(text).document
    assert [doc.text[s.start : s.end] for s in doc.sentences] == sentences


def test_crawler_header_is_not_text():
    doc = _doc("full/fj_pingtan_2019.txt")
    body = doc.text.index("==== 正文")
    assert all(p.start > body for p in doc.paragraphs)
    first = doc.sentences[0]
    assert doc.text[first.start : first.end] == "平潭综合实验区2019年政府信息公开工作年度报告"


def test_tables_are_not_sentences():
    doc = _doc(SEED)
    assert not any("\t" in doc.text[s.start : s.end] for s in doc.sentences)


def test_find_structure_is_safe_on_odd_text():
    for text in ["", "\n\n", "一、", "（一）", "一是", "1.", "标题: x\n==== 正文 ====\n", "。。。"]:
        doc = nlp.extract_text(text or " ").document
        find_structure(doc)


@pytest.mark.parametrize("kind", section_kinds(), ids=lambda k: k.id)
def test_section_kind_examples(kind):
    for ex in kind.examples:
        assert classify_title(ex) == kind.id, ex
    for ex in kind.counter:
        assert classify_title(ex) != kind.id, ex


@pytest.mark.parametrize(("s", "n"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("7", 7)])
def test_cn_number(s, n):
    assert cn_number(s) == n


@pytest.mark.parametrize("level1_only", [False, True])
def test_canonical_prefix_tries_only_the_patterns_its_first_characters_can_start(level1_only):
    """`canonical_prefix` tries only the patterns that a partial match of the position's
    first two characters admits (or of its first, at the text's last position): none of the
    others matches there, and the answer is the longest match of all the patterns (the first
    in file order of equally long ones), at every position of three real reports and of every
    corpus text's headings' surroundings."""
    from nlp.normalize import normalize
    from nlp.scan import bmp_only
    from nlp.segment.structure import _canonical_patterns, _starting_with, canonical_prefix

    pats, kinds = _canonical_patterns(level1_only)
    assert list(pats) == [p for k in section_kinds() if k.level1 or not level1_only
                          for p in k.patterns]
    assert list(kinds) == [k.id for k in section_kinds() if k.level1 or not level1_only
                           for _ in k.patterns]

    def longest(nt: str, pos: int) -> tuple[int, str] | None:
        best = None
        for p, kind in zip(pats, kinds, strict=True):
            m = p.match(nt, pos)
            if m and m.end() - pos >= 2 and (best is None or m.end() > best[0]):
                best = (m.end(), kind)
        return best

    hits = 0
    for name in ("full/fj_pingtan_2019.txt", "more/fj_pingtan_2011.txt",
                 "seeds/000_65d192663e1ca53a.txt"):
        nt = normalize((CORPORA / name).read_text(encoding="utf-8")).text
        for pos in range(len(nt) + 1):
            if pos < len(nt):
                tried = set(_starting_with(nt[pos : pos + 2], level1_only))
                assert tried <= set(_starting_with(nt[pos], level1_only))
                assert not any(pats[i].match(nt, pos) for i in range(len(pats)) if i not in tried), (
                    name, pos)
            found = canonical_prefix(nt, pos, level1_only=level1_only)
            assert found == longest(nt, pos), (name, pos)
            if bmp_only(nt):  # (the patterns' stdlib twins)
                assert canonical_prefix(nt, pos, level1_only=level1_only, bmp=True) == found
            hits += found is not None
    assert hits > 20  # real headings were among the positions
    for nt in normalized_views():  # every corpus text, after each 、 . ) and 是
        bmp = bmp_only(nt)
        for m in regex.finditer(r"[、.)是]", nt):
            want = longest(nt, m.end())
            assert canonical_prefix(nt, m.end(), level1_only=level1_only) == want
            assert canonical_prefix(nt, m.end(), level1_only=level1_only, bmp=bmp) == want


# the tables kind's title pattern as one (sections.toml has it as two: 附件-led, and the free
# run, whose reach is bounded)
_TABLES_ONE = r"(?:附件\d*[:：]?)?[^。，；]{0,40}?(?:统计表|统计报表|情况表|附表)"
_TABLES_FREE = r"[^。，；]{0,40}?(?:统计表|统计报表|情况表|附表)"


def test_canonical_prefix_tries_a_pattern_with_a_reach_only_where_its_character_is_near():
    """`_windows`: every match of a canonical pattern with a reach holds its character within
    the reach (so `canonical_prefix` skips the pattern where the character is not there);
    checked at every match start of each such pattern on every third corpus text."""
    from nlp.segment.structure import _canonical_patterns, _windows

    pats, _ = _canonical_patterns(False)
    windows = _windows(False)
    assert windows[[p.pattern for p in pats].index(_TABLES_FREE)] == (44, "表")
    assert sum(w is not None for w in windows) > 20
    for k, nt in enumerate(normalized_views()[::3]):
        for p, w in zip(pats, windows, strict=True):
            if w is not None:
                for m in p.finditer(nt, overlapped=True):
                    assert m.end() - m.start() <= w[0] and w[1] in m.group(), (k, m.start())


def test_the_tables_title_patterns_match_as_the_one_pattern():
    """The two patterns of the tables kind find, at a position, the end the one pattern finds
    (the longer of theirs), on every corpus text where either can match: at 附件, or within 44
    characters before a 表 (every match of the three holds one of their 表 words)."""
    kind = next(k for k in section_kinds() if k.id == "tables")
    assert [p.pattern for p in kind.patterns] == [
        r"附件\d*[:：]?[^。，；]{0,40}?(?:统计表|统计报表|情况表|附表)", _TABLES_FREE]
    one = regex.compile(_TABLES_ONE)
    for k, nt in enumerate(normalized_views()):
        starts = {m.start() for m in regex.finditer("附件", nt)}
        for m in regex.finditer("表", nt):
            starts.update(range(max(0, m.start() - 44), m.start()))
        for pos in sorted(starts):
            m1 = one.match(nt, pos)
            ends = [m.end() for p in kind.patterns if (m := p.match(nt, pos))]
            assert (m1 and m1.end()) == (max(ends) if ends else None), (k, pos)


@given(st.lists(st.integers(min_value=1, max_value=4), max_size=40))
def test_section_nesting_matches_the_direct_search(levels):
    from nlp.segment.structure import _nesting

    ends, parents = _nesting(levels)
    for k, lv in enumerate(levels):
        assert ends[k] == next((j for j in range(k + 1, len(levels)) if levels[j] <= lv), None)
        assert parents[k] == next((j for j in range(k - 1, -1, -1) if levels[j] < lv), None)


def test_paragraph_after_a_table_row_ending_in_a_pipe_keeps_its_sentences():
    # heldout14/sd_jining_renshe_2020: `3次 | 2次 | 21条 | 400余条 |` then the 依申请公开 paragraph
    text = ("(一)主动公开。全年发布政府信息1200余条。\n政策解读情况\n新闻发布会 | 电视采访 | 数字图文 | 微信 |\n"
            "3次 | 2次 | 21条 | 400余条 |\n(二)依申请公开。全年受理依申请信息公开21件,全部在规定时间内办结。"
            "全年共收到行政复议1件,维持结果1件。\n")
    report = nlp.extract_text(text)
    sents = [text[s.start:s.end] for s in report.document.sentences]
    assert any(s.startswith("全年共收到行政复议1件") for s in sents), sents


def _as_markdown(text: str, doc, bold: bool = False) -> str:
    """`text` as a PDF/Word → Markdown converter gives it: the title a `#` heading, a heading
    that fills its line a heading of its level (`##`, `###` …) or a bold line, one that opens a
    paragraph in bold, and a blank line after each line but inside pipe and tab tables."""
    heads = {s.heading_start: s for s in doc.sections}
    out, pos = [], 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        s = line.strip()
        if not s:
            continue
        if "\t" in line or len([c for c in s.split("|") if c.strip()]) >= 2:
            out.append(line)  # a table row
            continue
        lead = start + len(line) - len(line.lstrip())
        head = heads.get(lead)
        if doc.title and not out and s.replace(" ", "") in doc.title.replace(" ", ""):
            s = "# " + s
        elif head is not None:
            k = head.heading_end - lead
            gloss = re.match(r"[(（][a-zü\u00e0-\u01dc]{1,7}[)）]", s[k:])  # 責(zé): pinyin stays
            k += gloss.end() if gloss else 0
            if k < len(s.rstrip("。：:")):  # a heading that opens its paragraph
                s = f"**{s[:k]}**{s[k:]}"
            else:
                s = f"**{s}**" if bold else "#" * min(head.level + 1, 6) + " " + s
        out.extend((s, ""))
    return "\n".join(out)


@pytest.mark.parametrize("bold", [False, True], ids=["headings", "bold"])
def test_markdown_from_a_converter_gives_the_records_of_the_text(bold):
    """PDF and Word reports converted to Markdown (`## 一、总体情况`, `**二、…**`, blank lines
    between paragraphs) give the sections, cells and claims of the text they came from. Until 27
    Nov 2026 a bold or `#` heading did not end the table before it (356 of 5,801 cells lost)."""
    from collections import Counter

    from corpus import claim_keys

    from nlp.segment.blocks import line_spans

    def cells(report) -> Counter:
        return Counter((c.indicator, c.value) for c in report.cells if c.indicator)

    def headings(report) -> list[str]:
        # (a heading over two lines, 附件:⏎政府信息公开情况统计表, holds the markup and the blank
        # line the converter put between them)
        return ["".join(re.sub(r"[*#]", "", s.heading).split()) for s in report.document.sections]

    checked = total = 0
    for path in sorted(CORPORA.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        if line_spans(text)[1] or "pdf2md" in path.name or path.parent.name == "converted":
            continue  # double-spaced or Markdown already, or a table layout written by a script
        want = nlp.extract_text(text)
        got = nlp.extract_text(_as_markdown(text, want.document, bold))
        assert cells(got) == cells(want), path.name
        assert Counter((v, u) for v, u, _ in claim_keys(got)) == Counter(
            (v, u) for v, u, _ in claim_keys(want)), path.name
        assert headings(got) == headings(want), path.name
        checked += 1
        total += sum(cells(want).values())
    assert checked >= 400 and total > 4000


def test_an_item_that_opens_with_a_section_title_takes_its_kind():
    # held-out 63 (ln_chaoyang_ziranziyuan_2025): 二是依申请公开情况。 scopes the request rules
    text = ("2025年朝阳市自然资源局政府信息公开工作年度报告\n一、总体情况\n一是主动公开情况。全年主动公开信息120条。\n"
            "二是依申请公开情况。2025年度市自然资源局接收到申请书55份,申请公开的政府信息主要涉及土地。\n"
            "三是狠抓落实。全年组织培训3次。\n")
    report = nlp.extract_text(text)
    kinds = {s.heading: s.kind for s in report.document.sections}
    assert kinds["一是主动公开情况"] == "active" and kinds["二是依申请公开情况"] == "requests"
    assert kinds["三是狠抓落实"] == ""
    assert {c.text: c.indicator for c in report.claims}["55份"] == "t3.new.total"


def _rows_found(text: str) -> bool:
    from nlp.segment.structure import _row_lines

    tab, weak = _row_lines(text.splitlines(keepends=True))
    return bool(tab or weak)


def test_texts_without_bar_tab_or_spaced_number_hold_no_row_lines():
    """`may_hold_text_rows` lets `_zones` skip the per-line scan: where it says no, the scan finds
    nothing (every corpus text, and texts where it says yes do find rows)."""
    from nlp.segment.structure import may_hold_text_rows

    skipped = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if not may_hold_text_rows(text):
            skipped += 1
            assert not _rows_found(text), path.name
    assert skipped > 100
    for text in ("主动公开\t条\t17\n", "| 行政许可 | 0 |\n", "收到申请  3   0   2   1\n"):
        assert may_hold_text_rows(text) and _rows_found(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["申请", "行政许可", "3", "17", " ", "  ", "\u3000", "\xa0", "\t", "|", "\n", "\r\n", "\v", "\f", "\x1c",
     "\u2028", "\x85", "条", "。"]), max_size=30))
def test_may_hold_text_rows_is_never_wrong_on_generated_text(pieces):
    from nlp.segment.structure import may_hold_text_rows

    text = "".join(pieces)
    if not may_hold_text_rows(text):
        assert not _rows_found(text)


def test_spaced_number_on_the_stdlib_engine_finds_what_regex_finds():
    """`may_hold_text_rows` searches BMP texts with `_SPACED_NUMBER_RE`: its white space is the
    class of `_SPACED_NUMBER` at every code point, and it finds a match in the same corpus
    texts (and the same first match)."""
    from nlp.scan import bmp_only
    from nlp.segment.structure import _LINE_SPACE, _SPACED_NUMBER, _SPACED_NUMBER_RE

    cls, one = regex.compile(_SPACED_NUMBER.pattern[:-6]), re.compile(_LINE_SPACE)
    assert all(bool(cls.match(c)) == bool(one.match(c))
               for c in map(chr, range(0x110000)) if not "\ud800" <= c <= "\udfff")
    found = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if bmp_only(text):  # (what `may_hold_text_rows` asks first)
            m1, m2 = _SPACED_NUMBER.search(text), _SPACED_NUMBER_RE.search(text)
            assert (m1 and m1.span()) == (m2 and m2.span()), path.name
            found += m1 is not None
    assert found > 100


def test_a_heading_line_padded_with_spaces_is_one_title():
    # held-out 202 (福州 2019): a heading line padded with spaces to the page width kept only its
    # words up to the known heading (基本情况), the rest of its line lost
    text = "一、总体情况\n  (一)政府信息公开工作基本情况、主要亮点和成效        \n  1.基本情况。2019年以来,福州市委坚持。\n"
    heads = [s.heading for s in nlp.extract_text(text).document.sections]
    assert heads[1] == "(一)政府信息公开工作基本情况、主要亮点和成效"


# --------------------------------------------------------------------------- speed-up promises

_CN = "一二三四五六七八九十"
# `_MARKER` as it was written before its lookbehinds moved after each branch's first character
_MARKER_PLAIN = regex.compile(
    rf"(?P<l1>(?<![{_CN}百零〇○第])(?P<n1>[{_CN}]{{1,3}})\s*(?:、|\.(?!\d)))"
    rf"|(?P<l2>(?<!第)\(\s*(?P<n2>[{_CN}]{{1,3}})\s*\))"
    r"|(?P<l3>(?<![\d.A-Za-z/:%第-])(?P<n3>\d{1,2})\s*(?:[、.](?![\d.])))"
    r"|(?P<l4>(?<!第)\(\s*(?P<n4>\d{1,2})\s*\))"
    rf"|(?P<l5>(?<![{_CN}百零〇○第])(?P<n5>[{_CN}]{{1,3}})是)"
)


def _marks(rx, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple]:
    end = len(text) if endpos is None else endpos
    return [(m.span(), m.lastgroup, [m.span(g) for g in range(1, 11)])
            for m in rx.finditer(text, pos, end)]


def _same_markers(text: str) -> None:
    from nlp.scan import bmp_only
    from nlp.segment.structure import _MARKER, _level_of, _marker_scanner, _markers

    def found(marks: list) -> list[tuple]:
        return [(m.span(), m.lastgroup, [m.span(g) for g in range(1, 11)]) for m in marks]

    assert _marks(_MARKER, text) == _marks(_MARKER_PLAIN, text)
    if bmp_only(text):  # the stdlib engine's scan of a whole text, from its start or a body start
        for pos in (0, text.find("\n") + 1):
            assert _marks(_marker_scanner(), text, pos) == _marks(_MARKER, text, pos)
    for pos in (0, text.find("\n") + 1, 1):  # the scanner tried where a marker can start
        assert found(_markers(text, pos)) == _marks(_MARKER, text, pos)
    for m in _MARKER.finditer(text):  # the level is the first branch that matched
        lv = next(k for k in range(1, 6) if m.group(f"l{k}"))
        assert _level_of(m) == (lv, m.group(f"n{lv}"))
    for a in range(0, len(text), 97):  # from a position, up to an end, and at a position
        assert _marks(_MARKER, text, a, a + 40) == _marks(_MARKER_PLAIN, text, a, a + 40)
        for k in (2, 12, 40):  # (a heading's title window: `_heading_end`)
            assert found(_markers(text, a, a + k)) == _marks(_MARKER, text, a, a + k)
        m1, m2 = _MARKER.match(text, a), _MARKER_PLAIN.match(text, a)
        assert (m1 and m1.span()) == (m2 and m2.span())


def test_marker_pattern_matches_as_its_plain_form():
    """`_MARKER` tests what may stand before a marker after the marker's first character (a
    faster scan): the same matches, groups and levels as the plain form on every corpus text;
    so does its stdlib-engine scanner (`_marker_scanner`: white space spelled out)."""
    for text in normalized_views():
        _same_markers(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["一", "二", "十", "百", "第", "零", "〇", "(", ")", "（", "）", "1", "12", "2019", "、", ".", "是", " ",
     "\n", "a", "/", ":", "%", "-", "情况", "。", "\x1c", "\u3000", "\xa0", "٣", "１"]), max_size=30))
def test_marker_pattern_matches_as_its_plain_form_on_generated_text(pieces):
    _same_markers("".join(pieces))


def test_stdlib_patterns_find_what_regex_finds():
    """The short patterns structure runs on stdlib `re` (literal characters, `\\s` spelled out)
    find what the same source read by `regex` (with `\\s`) finds, on every corpus text."""
    from nlp.segment import structure as st

    pats = [st._TITLE_SUFFIX, st._NOT_HEADING_AFTER, st._HEAD_PUNCT_RE, st._ITEM_END, st._COMMA,
            st._TITLE_STOP, st._ITEM_TITLE]
    plain = [regex.compile(p.pattern.replace(st._WS, r"\s")) for p in pats]
    for text in [*normalized_views(), "项\x1c项 \u3000款\n条情况，方面。”）"]:
        for p, q in zip(pats, plain, strict=True):
            assert [m.span() for m in p.finditer(text)] == [m.span() for m in q.finditer(text)], p.pattern


def test_contents_lines_from_the_whole_text_markers_are_those_of_a_line_scan():
    """`_toc_lines` takes each line's markers from the whole text's scan (`_line_marks`): the
    same contents lines as scanning every line alone, on every corpus text and from a body
    start inside the text."""
    from nlp.segment.structure import _MARKER, _toc_lines

    cases = normalized_views()
    cases += ["一、概述二、主动公开政府信息情况三、依申请公开情况四、复议诉讼情况\n" * 3,
              "目录\n一、总体情况 二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况 四、其他",
              "一\n、总体情况二、主动公开政府信息情况三、收到和处理政府信息公开申请情况四、其他需要报告的事项"]
    for text in cases:
        for body in (0, text.find("\n") + 1, 3):
            marks = list(_MARKER.finditer(text, body))
            assert _toc_lines(text, body, marks) == _toc_lines(text, body), text[:40]


def test_a_heading_title_starts_where_the_marker_matched_in_the_whole_text_ends():
    """`find_headings` classifies a numbered heading by its text after the marker, taken from
    where the marker found in the whole text ends: `_MARKER` matched on the heading's text
    alone ends there too (every numbered heading of every corpus text)."""
    from nlp.records import Document
    from nlp.segment import segment
    from nlp.segment.structure import _MARKER, find_headings

    numbered = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        doc = Document(doc_id="t", path=None, format="text",
                       text=path.read_text(encoding="utf-8", errors="replace"))
        segment(doc)
        nt = doc.norm.text
        for h in find_headings(doc):
            if h.kind != "tables":
                mm = _MARKER.match(nt[h.start : h.end])
                assert mm is not None and h.start + mm.end() == h.title_start, (path.name, h)
                # (and the marker matched at the heading's start in the whole text, whose end
                # an 一是 item's title is read from)
                mm = _MARKER.match(nt, h.start)
                assert mm is not None and mm.end() == h.title_start, (path.name, h)
                numbered += 1
    assert numbered > 10000


def test_sentence_ends_found_by_find_are_those_of_the_pattern():
    """`_sentence_ends` finds each sentence end (。 by the lengths of the pieces `str.split`
    cuts, the others with `str.find`) and steps over the closers after it: the ends of a class
    scan's matches (a sentence end, then closers), on every corpus text (no closer ends a
    sentence)."""
    from nlp.segment.structure import _CLOSERS, _SENT_END, _one_of, _sentence_ends

    sent_end = re.compile(_one_of(_SENT_END).pattern + _one_of(_CLOSERS).pattern + "*")
    assert not _SENT_END & _CLOSERS
    for text in [*normalized_views(), "。。”！？)」a!", "", "”。", "好。”", "。", "a?", "!”", "？）a。",
                 "a！b?c!d？e。”’"]:
        assert _sentence_ends(text) == [m.end() for m in sent_end.finditer(text)]


def test_every_caption_anchor_holds_the_word_that_gates_it():
    # `find_headings` looks for captions only in a text holding `_CAPTION_WORD`
    from nlp.scan import top_level_branches
    from nlp.segment.structure import _CAPTION_ANCHOR, _CAPTION_WORD

    assert all(_CAPTION_WORD in b for b in top_level_branches(_CAPTION_ANCHOR[0].pattern))


def test_next_space_gap_is_the_first_offset_with_a_dropped_space():
    """`_next_space_gap` bisects the offsets' drop count; it finds what testing every offset
    with `_source_space_between` finds, on every corpus text."""
    from bisect import bisect_left

    from nlp.normalize import normalize
    from nlp.segment.structure import _next_space_gap, _source_space_between

    for path in sorted(CORPORA.rglob("*.txt")):
        norm = normalize(path.read_text(encoding="utf-8", errors="replace"))
        n = len(norm.text)
        gaps = [j for j in range(1, n + 1) if _source_space_between(norm, j, j)]
        for lo in range(0, n + 1, 13):
            for hi in (lo + 3, lo + 42, lo + 80, n + 5):
                k = bisect_left(gaps, lo)
                want = gaps[k] if k < len(gaps) and gaps[k] < min(hi, n + 1) else None
                assert _next_space_gap(norm, lo, hi) == want, (path.name, lo, hi)


def test_strip_strips_what_the_spaces_set_names():
    """`_strip` uses `str.strip`: every character of `_SPACE` is white space to it."""
    from nlp.segment.structure import _SPACE, _strip

    assert all(not c.strip() for c in _SPACE)
    for s in ("", " ", " a ", "\u3000a\xa0b\u2009", "ab", "\r\n a\t"):
        a, b = 0, len(s)
        while a < b and s[a].isspace():
            a += 1
        while b > a and s[b - 1].isspace():
            b -= 1
        assert _strip(s, 0, len(s)) == ((a, b) if a < b else (len(s), len(s)))


@pytest.mark.parametrize(("pattern", "looks_back"), [
    (r"(?<=、)工作情况", True), (r"(?<!第)一", True), (r"\b总体", True), (r"\B情况", True),
    (r"(?P<n>一)、", False), (r"[^。，；]{0,40}?(?:统计表|附表)", False), (r"主动公开", False),
])
def test_a_canonical_pattern_that_looks_back_is_always_tried(pattern, looks_back):
    # `_starting_with` asks a pattern about a character alone, with nothing before it: one that
    # looks at what stands before its position must not be turned down by that question
    from nlp.segment.structure import _LOOKS_BACK

    assert bool(_LOOKS_BACK.search(pattern)) is looks_back


def test_a_view_as_long_as_its_source_keeps_every_offset():
    """`find_structure` looks for no dropped space where the view is as long as its source
    (`index[len(view)]`, the source's length, is the view's): its offsets rise by one from 0,
    so no two neighbours stand apart. Checked on every corpus text and on made-up ones."""
    from nlp.normalize import normalize

    for text in [*corpus_texts(), "", "a b", "2018 年", "一、总体情况\n本年度", "&nbsp;x"]:
        norm = normalize(text)
        n = len(norm.text)
        assert norm.index[n] == len(text)
        if norm.index[n] == n:
            assert list(norm.index) == list(range(n + 1))


def test_record_fields_are_in_the_order_find_structure_passes_them():
    """`find_structure` and `find_headings` build sections, paragraphs, sentences and their
    headings positionally (a class called with keywords builds a dict of them): a new or moved
    field must be placed there too."""
    from dataclasses import fields

    from nlp.records import Paragraph, Section, Sentence
    from nlp.segment.structure import _Head

    assert [f.name for f in fields(Section)] == [
        "start", "end", "heading", "heading_start", "heading_end", "level", "number", "parent", "kind"]
    assert [f.name for f in fields(Paragraph)] == ["start", "end"]
    assert [f.name for f in fields(Sentence)] == ["start", "end", "paragraph", "section"]
    assert [f.name for f in fields(_Head)] == [
        "start", "end", "sent_end", "level", "number", "num", "detached", "kind", "title_start"]
