"""Crawler text whose tables lost their separators (nlp/tables/runs.py): digit runs are split
only where one split is forced, on real fj_pingtan reports. Expected values are read off the
source text and its arithmetic (see the notes of corpora/gold/fj_pingtan_*.gold.json)."""

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nlp
from nlp.ingest import read
from nlp.records import Document
from nlp.segment import segment
from nlp.tables import table_cells
from nlp.tables.labels import table_labels
from nlp.tables.runs import _values, splits, total_columns

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
T3_COLS = ("natural", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
T4 = [f"t4.{b}.{m}" for b in ("review", "litigation_direct", "litigation_after_review")
      for m in ("upheld", "corrected", "other", "pending", "total")]


@lru_cache(maxsize=16)
def _cells(name: str, text: str | None = None):
    doc = read(CORPORA / name)
    if text is not None:
        doc = Document(doc_id=doc.doc_id, path=None, format="text", text=text)
    segment(doc)
    return doc, table_cells(doc)


def _by_id(cells):
    return {c.indicator: c for c in cells if c.indicator}


@pytest.mark.parametrize("run, n, total, expected", [tuple(x) for x in
                                                     table_labels()["runs"]["examples"]])
def test_split_examples_of_the_data_file(run, n, total, expected):
    cands = splits(run, n) or []
    if total:
        paths = [("申请人情况", f"c{i}") for i in range(n - 1)] + [("申请人情况", "总计")]
        assert total_columns(paths) == [(total - 1, tuple(range(n - 1)))]
        cands = [c for c in cands if _values(run, c)[total - 1]
                 == sum(_values(run, c)[: total - 1])] if len(cands) > 1 else cands
    got = [list(_values(run, c)) for c in cands]
    assert (got == [list(expected)]) if expected else len(got) != 1


@pytest.mark.parametrize("name, row, values", [
    # '230 000023': the space is a boundary; only 23|0|0|0|0|0|23 has 总计 = the six columns
    ("full/fj_pingtan_2019.txt", "new", [23, 0, 0, 0, 0, 0, 23]),
    # '70000072.没有现成信息…': the 2 is item 2's number
    ("full/fj_pingtan_2019.txt", "result.unable.not_held", [7, 0, 0, 0, 0, 0, 7]),
    ("full/fj_pingtan_2019.txt", "result.other", [0, 0, 0, 0, 0, 0, 0]),  # '0 0 0 0 0 00'
    ("full/fj_pingtan_2019.txt", "result.total", [23, 0, 0, 0, 0, 0, 23]),  # '23 0 00 0 023'
    ("more/fj_pingtan_2022.txt", "new", [71, 3, 0, 0, 0, 0, 74]),  # '713000074'
    ("more/fj_pingtan_2022.txt", "result.other.other", [0, 2, 0, 0, 0, 0, 2]),  # '3.其他 0200002'
    ("more/fj_pingtan_2022.txt", "result.unable.not_held", [37, 0, 0, 0, 0, 0, 37]),
    # '220000022' is 22|0…|22 or 2|20|0…|22; only the first lets the natural-person results
    # add up to （七）总计 80 (t3.results_sum across rows)
    ("full/fj_pingtan_2023.txt", "result.granted", [22, 0, 0, 0, 0, 0, 22]),
    ("full/fj_pingtan_2023.txt", "result.partial", [19, 1, 0, 0, 0, 0, 20]),
    ("full/fj_pingtan_2025.txt", "new", [151, 3, 0, 0, 0, 0, 154]),  # '15130000154'
    ("full/fj_pingtan_2025.txt", "carried_forward", [4, 2, 0, 0, 0, 0, 6]),
])
def test_table_three_rows_split_by_the_column_total(name, row, values):
    _, cells = _cells(name)
    by = _by_id(cells)
    got = [by[f"t3.{row}.{c}"] for c in T3_COLS]
    assert [c.value for c in got] == values
    assert all(c.note.startswith("digit run") for c in got)


@pytest.mark.parametrize("name, values", [
    ("full/fj_pingtan_2019.txt", [0] * 15),  # '000000000000000': one digit a column
    ("more/fj_pingtan_2022.txt", [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]),  # spaces
    # '25380363300630003': 17 digits, 15 cells, one split where each block's 总计 adds up
    ("full/fj_pingtan_2025.txt", [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]),
])
def test_table_four_split_by_the_block_sums(name, values):
    _, cells = _cells(name)
    by = _by_id(cells)
    assert [by[i].value for i in T4] == values


@pytest.mark.parametrize("name, indicator, value", [
    ("more/fj_pingtan_2022.txt", "t2.licensing.decisions", 10690),  # one column
    ("more/fj_pingtan_2022.txt", "t2.coercion.decisions", 0),
    ("full/fj_pingtan_2025.txt", "t2.fees.amount", 4166.241619),
    ("full/fj_pingtan_2023.txt", "t2.rules.issued", 0),  # '规章000'
    ("more/fj_pingtan_2011.txt", "active.total", 425),  # '条 425 1516': space-separated
    ("more/fj_pingtan_2011.txt", "active.channel.website", 418),  # '418 1509 2.政府…'
    ("full/fj_pingtan_county_2011.txt", "active.channel.gazette", 7),  # '条77'
    ("full/fj_pingtan_county_2011.txt", "requests.received", 0),  # '条00'
])
def test_forced_rows_of_tables_two_and_local(name, indicator, value):
    _, cells = _cells(name)
    assert _by_id(cells)[indicator].value == value


@pytest.mark.parametrize("name, indicator", [
    ("full/fj_pingtan_2019.txt", "t2.normative.new_made"),  # 898989 under 3 columns
    ("full/fj_pingtan_2019.txt", "t2.fees.prev_items"),  # 350 under 2 columns
    ("full/fj_pingtan_2019.txt", "t2.procurement.amount"),  # 13575394432.52元
    ("full/fj_pingtan_2023.txt", "t2.normative.issued"),  # 77132470 (the narrative is not used)
    ("full/fj_pingtan_county_2011.txt", "active.total"),  # 4251516: 本期 | 累计 unknown
    ("more/fj_pingtan_county_2012.txt", "requests.received"),  # 2121: 2|121 or 21|21
])
def test_ambiguous_runs_are_left_unparsed(name, indicator):
    _, cells = _cells(name)
    assert indicator not in _by_id(cells)


@pytest.mark.parametrize("name", ["full/fj_pingtan_2019.txt", "more/fj_pingtan_2022.txt",
                                  "full/fj_pingtan_county_2011.txt"])
def test_cells_point_at_their_digits(name):
    doc, cells = _cells(name)
    assert cells
    for c in cells:
        assert doc.text[c.start:c.end] == c.raw
        assert c.note


def test_a_forced_split_that_breaks_the_total_is_kept_for_the_checks():
    # one digit a column: '7000008' is 7|0|0|0|0|0|8 even though 8 != 7 (t3.columns_sum fails)
    doc = read(CORPORA / "full/fj_pingtan_2019.txt")
    text = doc.text.replace("（一）予以公开7000007", "（一）予以公开7000008")
    _, cells = _cells("full/fj_pingtan_2019.txt", text)
    by = _by_id(cells)
    assert [by[f"t3.result.granted.{c}"].value for c in T3_COLS] == [7, 0, 0, 0, 0, 0, 8]


def test_a_split_by_length_alone_is_not_forced_where_the_table_lost_its_blanks():
    # a row with fewer digits than columns (`…不计其他情形）1`) shows the page lost blank cells:
    # then '7000008', whose 总计 is not the sum, is no longer one digit a column (a table of
    # blanks flattened: 258 | 12 | | | 1 | 1 | → `2581211`)
    doc = read(CORPORA / "full/fj_pingtan_2019.txt")
    text = doc.text.replace("（一）予以公开7000007", "（一）予以公开7000008").replace(
        "不计其他情形）1000001", "不计其他情形）1")
    _, cells = _cells("full/fj_pingtan_2019.txt", text)
    by = _by_id(cells)
    assert "t3.result.granted.natural" not in by
    assert by["t3.result.denied.state_secret.total"].value == 0  # rows that add up stay


def test_an_identity_the_table_breaks_does_not_choose_splits():
    # with 8.属于行政查询事项 changed from 2 to 3, no split of '220000022' lets the results add
    # up to （七）总计, so t3.results_sum is not used and 予以公开 stays unparsed
    doc = read(CORPORA / "full/fj_pingtan_2023.txt")
    text = doc.text.replace("8.属于行政查询事项2000002", "8.属于行政查询事项3000003")
    _, cells = _cells("full/fj_pingtan_2023.txt", text)
    by = _by_id(cells)
    assert "t3.result.granted.natural" not in by
    assert by["t3.result.denied.inquiry.total"].value == 3


@pytest.mark.parametrize("text", [
    "依据《条例》第二十条第（一）项，本年制发规范性文件12件，废止3件。",  # a citation, not a table
    "四、因政府信息公开申请行政复议、提起行政诉讼情况。本年度行政复议2件，行政诉讼1件。",
])
def test_narrative_is_not_a_digit_run_table(text):
    doc = Document(doc_id="t", path=None, format="text", text=text)
    segment(doc)
    assert table_cells(doc) == []


def _brute_splits(run: str, n: int) -> list[list[tuple[int, int]]]:
    """Reference for `splits`: every choice of cut positions, kept when each part is a number
    without a leading zero and no part crosses a space (sorted as `splits` lists them)."""
    from itertools import combinations, pairwise

    unit = len(run) - len(run.rstrip("元万亿")) if run.endswith("元") else 0
    body = run[:len(run) - unit]
    out = []
    for cuts in combinations(range(1, len(body)), n - 1):
        bounds = [0, *cuts, len(body)]
        parts = []
        for a, b in pairwise(bounds):
            s = body[a:b].strip()
            if not s or not s.isdigit() or (len(s) > 1 and s[0] == "0") or " " in s:
                break
            parts.append((a + len(body[a:b]) - len(body[a:b].lstrip()),
                          b - len(body[a:b]) + len(body[a:b].rstrip())))
        else:  # no space inside a part: every space is at a cut
            out.append(parts)
    if unit:
        out = [[*p[:-1], (p[-1][0], len(run))] for p in out]
    return sorted({tuple(p) for p in out})


@given(st.text(alphabet="0001235 ", min_size=1, max_size=11), st.integers(1, 6),
       st.sampled_from(["", "元", "万元"]))
@settings(max_examples=300, deadline=None)
def test_splits_are_every_valid_cut(body, n, unit):
    run = " ".join(body.split()) + unit
    if not run.strip(unit) or not run[0].isdigit():
        return
    got = splits(run, n)
    assert got is not None  # at most 11 digits: never more than _MAX_SPLITS
    assert sorted(tuple(p) for p in got) == _brute_splits(run, n)
    assert len({tuple(p) for p in got}) == len(got)  # no split listed twice


def test_first_character_sets_cover_every_opener_and_mark():
    """`_scan_label` asks the opener and mark regexes only at characters they can start with;
    every match in the corpus texts starts with one of those characters."""
    from nlp.tables.runs import _MARK, _MARK_FIRST, _opener_first, _patterns

    _, opener, _, _ = _patterns()
    first = _opener_first()
    seen = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in opener.finditer(text, overlapped=True):
            assert text[m.start()] in first, m.group()
            seen += 1
        for m in _MARK.finditer(text, overlapped=True):
            assert text[m.start()] in _MARK_FIRST, m.group()
    assert seen > 50


def test_label_parts_ask_the_item_pattern_only_where_it_can_start():
    """A label part asks `_ITEM` only where it begins with 其 or a character `regex` may read as
    `\\d` (a decimal in the BMP, or any character beyond it): the pattern's first characters
    are 其 and `\\d`, and every match at any start of every corpus text begins with one. (The
    label loop's item test asks it by the same rule, and `_OTHER_LEAD` only of a label starting
    with the 其中 every match of it starts with.)"""
    from nlp.scan import first_chars
    from nlp.tables.runs import _ITEM, _OTHER_LEAD

    assert first_chars(_ITEM.pattern) == "\\U00005176\\d"  # 其, then `\\d`
    assert _OTHER_LEAD.pattern.startswith("其中") and _OTHER_LEAD.pattern[2:3] not in "?*{|"
    seen = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in _ITEM.finditer(text, overlapped=True):
            c = text[m.start()]
            assert c == "其" or c.isdecimal() or c > "\uffff", m.group()
            seen += 1
    assert seen > 1000


def test_scan_label_stops_at_every_character_its_loop_acts_on():
    """`_scan_label` skips to the next character `_label_stops` matches: every character at
    which its loop can do more than step on (a stop, a bracket, a comma, an opener's or a mark's
    first character, the gap's first character, a digit) is one, over every code point."""
    from nlp.tables.runs import (
        _LABEL_CLOSE,
        _LABEL_COMMAS,
        _LABEL_OPEN,
        _MARK_FIRST,
        _STOP,
        _label_stops,
        _opener_first,
    )

    acts = {*_STOP, *_LABEL_OPEN, *_LABEL_CLOSE, *_LABEL_COMMAS, *_opener_first(), *_MARK_FIRST}
    for gap in ("\n\n", "\n\n\n", "x"):
        stops = _label_stops(gap[0])
        missed = [c for c in map(chr, range(0x110000))
                  if (c in acts or c == gap[0] or c.isdigit()) and stops.fullmatch(c) is None]
        assert missed == []


def test_scan_label_skipping_finds_the_tables_of_the_plain_loop(monkeypatch):
    """The digit-run tables of every corpus text are the same when `_scan_label` visits every
    character (a stop pattern that matches any)."""
    import re

    from nlp.tables import runs

    def tables(text: str) -> list:
        got = runs.run_tables(text, lambda a, b: True)
        return [[(c.row, c.col, c.start, c.end, c.note) for c in t.cells] for t in got]

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPORA.rglob("*.txt"))]
    fast = [tables(t) for t in texts]
    monkeypatch.setattr(runs, "_label_stops", lambda gap_first: re.compile(r"[\s\S]"))
    plain = [tables(t) for t in texts]
    assert fast == plain
    assert sum(map(len, fast)) > 50


def test_scan_header_asks_each_pattern_only_where_it_can_match():
    """`_scan_header` runs `_WS` only at a character it can take (`_WS_CHARS`), `TITLE` only at
    `_TITLE_FIRST`, `_CORNER` only at `_CORNER_FIRST` and, for a first token, the opener regex
    only at `_opener_first()` (checked above): the first characters read off each pattern's
    parse tree (`scan.first_chars`) are exactly those, over every code point, and every match of
    the two in the corpus texts starts with one."""
    import re

    import regex

    from nlp.scan import first_chars
    from nlp.tables.layout import TITLE
    from nlp.tables.runs import _CORNER, _CORNER_FIRST, _TITLE_FIRST, _WS, _WS_CHARS

    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    one_ws = regex.compile(_WS.pattern[:-1])  # (the class without its `*`)
    assert {c for c in every if one_ws.fullmatch(c)} == _WS_CHARS
    for pattern, chars in ((TITLE, {_TITLE_FIRST}), (_CORNER, set(_CORNER_FIRST))):
        first = re.compile(f"[{first_chars(pattern.pattern)}]")
        assert {c for c in every if first.fullmatch(c)} == chars
    seen = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern, chars in ((TITLE, _TITLE_FIRST), (_CORNER, _CORNER_FIRST)):
            for m in pattern.finditer(text, overlapped=True):
                assert text[m.start()] in chars, m.group()
                seen += 1
    assert seen > 100


# held-out 27 (fj_pingtan_caijin_2021, fj_pingtan_caijin_2019): where a flattened table ends
_T2_FLAT = ("四、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
            "行政规范性文件303第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容"
            "本年处理决定数量行政处罚0行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）"
            "行政事业性收费7816")


def test_running_text_after_a_flattened_table_is_not_table_rows():
    """The text after the last run (a heading, a date, a comma clause) ends the table: its
    counts are claims, not cells hidden under labels."""
    import nlp

    report = nlp.extract_text(
        _T2_FLAT + " (二)主动公开政府信息的主要类别 2021年，在主动公开的198条政府信息中，全文电子化的主动公开"
        "信息数共198条，其中:财税金融等政策及解读共7条；财政预算、决算报告共3条。")
    assert [c.text for c in report.claims] == ["198条", "198条", "7条", "3条"]
    cells = {c.indicator: c.value for c in report.cells if c.indicator}
    assert cells["t2.fees.amount"] == 7816
    table = report.document.tables[0]
    assert report.document.text[table.end - 4:table.end] == "7816"


def test_a_bracketed_comma_stays_inside_a_flattened_label():
    """（区分处理的，只计这一情形，不计其他情形）: a comma inside brackets is part of the label."""
    from nlp.tables.runs import _scan_label

    text = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开"
    parts, k, stop = _scan_label(text, 0, 80)
    assert stop == "" and text[k:k + 7] == "0000000"
    assert [text[p.start:p.end] for p in parts] == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]


def test_a_number_glued_to_a_flattened_tables_end_is_not_a_claim():
    """政府集中采购2832995元: a cell the digit-run reader could not split (项目数量 + 总金额 is
    ambiguous) is still table text, not narrative."""
    import nlp

    text = ("2019年度政府信息公开工作年度报告\n" + _T2_FLAT.replace("行政事业性收费7816", "行政事业性收费00")
            + "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购2832995元三、收到和处理政府信息"
            "公开申请情况")
    report = nlp.extract_text(text)
    assert "2832995元" not in [c.text for c in report.claims]


def test_a_minus_sign_inside_a_run_starts_a_number():
    """The 本年增/减 column of a flattened table 二 (held-out 27, fj_pingtan_region_2020):
    `35-15` is 35 | -15, never 3 | 5; `2648-18538` (three columns) has several splits: no cell."""
    assert splits("35-15", 2) == (((0, 2), (2, 5)),)
    assert _values("35-15", [(0, 2), (2, 5)]) == (35.0, -15.0)
    assert splits("35－15", 2) == (((0, 2), (2, 5)),)
    assert len(splits("2648-18538", 3)) > 1
    assert not splits("3-", 2)
    import nlp

    report = nlp.extract_text(
        "2020年政府信息公开工作年度报告\n" + _T2_FLAT.replace("行政事业性收费7816", "行政处罚2648-18538")
        .replace("本年收费金额（单位：万元）", "上一年项目数量本年增/减")
        + "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15第二十条第（九）项"
        "信息内容采购项目数量采购总金额政府集中采购00元三、收到和处理政府信息公开申请情况")
    cells = {c.indicator: c.value for c in report.cells if c.indicator}
    assert cells["t2.fees.prev_items"] == 35 and cells["t2.fees.delta"] == -15


@pytest.mark.parametrize("word", ["笔", "项", "个", ""])
def test_a_count_word_after_a_number_in_a_spaced_row(word):
    # held-out 113 (fj_pingtan_czj_2020): 政府集中采购 2笔 984361元
    text = f"第二十条第（九）项\n信息内容 采购项目数量 采购总金额\n政府集中采购 2{word} 984361元\n"
    report = nlp.extract_text(text)
    got = {c.indicator: (c.value, text[c.start:c.end]) for c in report.cells}
    assert got == {"t2.procurement.items": (2, "2"), "t2.procurement.amount": (984361, "984361元")}


@given(st.lists(st.sampled_from(["0", "7", "12", "05", "-", "－", ".", "０", "٣", ",", " "]),
                min_size=1, max_size=6).map("".join))
def test_a_value_read_without_the_regex_is_the_same(part):
    """`_value` reads a part of ASCII digits with `float` alone: the regex (`[^\\d.]` dropped)
    leaves such a part as it is, and its sign is +."""
    from nlp.tables.runs import _MINUS, _NOT_NUMBER_CHAR, _value

    kept = _NOT_NUMBER_CHAR.sub("", part)
    try:
        want = (-1.0 if part[:1] in _MINUS else 1.0) * float(kept)
    except ValueError:
        with pytest.raises(ValueError):
            _value(part)
        return
    assert _value(part) == want and str(_value(part)) == str(want)


def test_the_first_header_tokens_decide_strength_as_the_whole_run():
    """`run_tables` and the label reader ask `_strong` of a header run's first `_STRONG_TOKENS`
    tokens only: the same answer as of the whole run, at every opener of every corpus text."""
    from nlp.tables.runs import _STRONG_TOKENS, _patterns, _scan_header, _strong

    opener = _patterns()[1]
    strong = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in opener.finditer(text):
            whole, _ = _scan_header(text, m.start())
            first, _ = _scan_header(text, m.start(), _STRONG_TOKENS)
            assert first == whole[:_STRONG_TOKENS]
            assert _strong(first, text) == _strong(whole, text), text[m.start():m.start() + 40]
            strong += _strong(whole, text) and len(whole) > _STRONG_TOKENS
    assert strong > 50


def test_opener_branches_scanned_apart_find_what_the_alternation_finds():
    """`run_tables` finds the openers with `_opener_scan` (the opener regex's branches scanned
    apart and merged): the branches make the regex again, and on every corpus text the spans
    are those of the regex's `finditer`."""
    from nlp.scan import TextGated, top_level_branches
    from nlp.tables.runs import _opener_scan, _patterns

    opener = _patterns()[1]
    assert "|".join(top_level_branches(opener.pattern)) == opener.pattern
    assert len(_opener_scan().patterns) > 5
    # (the corner note's branch and three opener words are asked only of a text holding a
    # character of theirs most texts lack, `TextGated`: the same spans below)
    assert sum(isinstance(p, TextGated) for p in _opener_scan().patterns) >= 3
    found = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        want = [m.span() for m in opener.finditer(text)]
        assert _opener_scan().spans(text) == want, path.name
        found += len(want)
    assert found > 1000


def test_a_header_scan_where_the_opener_is_known_to_match_is_the_plain_scan():
    """`run_tables` and `_scan_label` tell `_scan_header` that the opener regex matches where it
    starts (`opened`: the opener scan's match, or the label loop's own `opener.match`), and it
    does not ask the regex again there: the regex has no lookbehind nor anchor, so it matches at
    every start of its `finditer` matches, and at each of them, on every corpus text, the scan
    gives what the plain scan gives (at every character too: a start where it does not match
    may only be passed with `opened` by a caller that found it there)."""
    from nlp.tables.runs import _STRONG_TOKENS, _opener_scan, _patterns, _scan_header

    opener = _patterns()[1]
    bare = opener.pattern.replace("[^", "[")  # (a negated class is no anchor)
    assert not any(x in bare for x in ("(?<", "^", "$", "\\b", "\\A", "\\G"))
    seen = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for start, _ in _opener_scan().spans(text):
            assert opener.match(text, start) is not None
            for most in (_STRONG_TOKENS, None):
                assert _scan_header(text, start, most, opened=True) == \
                    _scan_header(text, start, most), text[start:start + 40]
            seen += 1
    assert seen > 1000
