"""Table blocks found in plain text (nlp/segment/blocks.py), on real corpus text."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nlp
from nlp.ingest import read
from nlp.records import Document, Table
from nlp.segment.blocks import find_text_tables

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
SEED = CORPORA / "seeds" / "000_65d192663e1ca53a.txt"


def _doc(text: str) -> Document:
    return Document(doc_id="t", path=None, format="text", text=text)


def _values_by_id(text: str) -> dict[str, float | None]:
    """{indicator: value} of the cells `nlp.extract_text` reads in `text` (cells with an id)."""
    return {c.indicator: c.value for c in nlp.extract_text(text).cells if c.indicator}


def _offsets_round_trip(doc: Document, tables: list[Table]) -> None:
    for t in tables:
        for c in t.cells:
            assert doc.text[c.start:c.end] == c.text


def test_seed_tab_table_is_one_block_with_caption():
    doc = read(SEED)
    tables = find_text_tables(doc)
    assert len(tables) == 1
    t = tables[0]
    assert t.source == "text"
    assert t.caption == "2018年度高青县质量技术监督局政府信息公开工作情况统计表"
    rows = t.rows_text()
    assert rows[0] == ["统计指标", "单位", "统计数"]
    # the block runs over the blank lines inside the table, to its last row
    assert rows[-1] == ["（三）接受培训人员数", "人次", "60"]
    assert ["（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "17"] in rows
    _offsets_round_trip(doc, tables)


def test_pipe_rows_with_block_titles_stay_one_table():
    doc = read(CORPORA / "excerpts" / "hb_chibi_pufang_2020.txt")
    tables = find_text_tables(doc)
    assert [t.caption for t in tables] == ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
    rows = tables[0].rows_text()
    assert rows[0][0] == "第二十条第(一)项"
    assert ["规范性文件", "33", "8", "8"] in rows
    assert ["政府集中采购", "0", "0", ""] in rows
    _offsets_round_trip(doc, tables)


def test_one_cell_a_line_stream_is_rebuilt_into_rows():
    doc = read(CORPORA / "excerpts" / "sn_ankang_bureau_2019.txt")
    tables = find_text_tables(doc)
    assert len(tables) == 1
    rows = [[x for x in r if x] for r in tables[0].rows_text()]
    assert ["第二十条第(一)项"] in rows
    assert ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"] in rows
    assert ["规范性文件", "30", "30", "30"] in rows
    assert ["政府集中采购", "8", "160.5964万元"] in rows
    _offsets_round_trip(doc, tables)


@pytest.mark.parametrize("text, expected_rows", [
    ("二、主动公开政府信息情况\n规章 | 3 | 0 | 15\n行政规范性文件 | 12 | 2 | 40\n三、收到申请\n",
     [["规章", "3", "0", "15"], ["行政规范性文件", "12", "2", "40"]]),
    ("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n",
     [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"]]),
    ("统计表\n指标名称    计量单位    本期    累计\n主动公开信息数    条    425    1516\n"
     "申请总数　件　3　9\n",
     [["指标名称", "计量单位", "本期", "累计"], ["主动公开信息数", "条", "425", "1516"],
      ["申请总数", "件", "3", "9"]]),
])
def test_pipe_and_whitespace_layouts(text, expected_rows):
    doc = _doc(text)
    tables = find_text_tables(doc)
    assert len(tables) == 1
    assert tables[0].rows_text() == expected_rows
    _offsets_round_trip(doc, tables)


@pytest.mark.parametrize("text", [
    "2018年，共收到申请 1 件，已全部办结。\n2019年，我们将继续  推进公开。\n",  # narrative
    "一、概述\n二、主动公开情况\n",  # headings only, no numbers
])
def test_narrative_is_not_a_table(text):
    assert find_text_tables(_doc(text)) == []


@pytest.mark.parametrize("name, forced, ambiguous", [
    # '规章000' splits one way; '规范性文件898989' (3 columns, no identity) does not
    ("full/fj_pingtan_2019.txt", ["规章", "0", "0", "0"], "规范性文件"),
    # '2.政府公报公开条77' (本期 | 累计): one digit a column; '主动公开信息数条4251516' is a guess
    ("full/fj_pingtan_county_2011.txt", ["主动公开信息数", "2.政府公报公开", "条", "7", "7"],
     "主动公开信息数"),
])
def test_crawler_digit_runs_split_only_where_forced(name, forced, ambiguous):
    doc = read(CORPORA / name)
    tables = find_text_tables(doc)
    rows = [[x for x in r if x] for t in tables for r in t.rows_text()]
    assert forced in rows
    assert [ambiguous] in rows  # its label stays, with no value cell
    assert not any(r[0] == ambiguous and len(r) > 1 and r[1].isdigit() for r in rows)
    _offsets_round_trip(doc, tables)


def test_lines_of_reader_tables_are_skipped_and_indices_continue():
    text = "规章\t0\t0\t0\n规范性文件\t1\t2\t3\n"
    doc = _doc(text)
    doc.tables = [Table(index=0, start=0, end=len(text), source="html")]
    assert find_text_tables(doc, start_index=1) == []
    doc.tables = []
    assert [t.index for t in find_text_tables(doc, start_index=3)] == [3]


def test_markdown_header_rule_is_not_a_row():
    # corpora/heldout/js_shuyang_2025_pdf2md.txt: a PDF converted to Markdown by a converter
    import nlp

    path = Path(__file__).resolve().parent.parent / "corpora" / "heldout" / "js_shuyang_2025_pdf2md.txt"
    report = nlp.extract(path)
    by_ind = {c.indicator: c for c in report.cells if c.indicator}
    # | 行政规范性文件 | 6 | 1 | 32 | under | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    assert by_ind["t2.normative.issued"].value == 6
    assert by_ind["t2.normative.repealed"].value == 1
    assert by_ind["t2.normative.in_force"].value == 32
    assert by_ind["t2.normative.in_force"].col_label == "现行有效件数"
    assert not any(set(c.raw) <= set("-: ") and c.raw for c in report.cells)


def test_one_cell_per_line_web_table_without_pipes():
    # corpora/heldout/sn_xixian_taiping_2022_excerpt.txt: a web table copied as text, each cell
    # on its own line with blank lines between, 商业 / 企业 split over two lines
    import nlp

    path = Path(__file__).resolve().parent.parent / "corpora" / "heldout" / "sn_xixian_taiping_2022_excerpt.txt"
    report = nlp.extract(path)
    by_ind = {c.indicator: c for c in report.cells if c.indicator}
    assert by_ind["t2.rules.in_force"].value == 0
    assert by_ind["t2.fees.amount"].col_label.startswith("本年收费金额")
    assert by_ind["t3.new.commercial"].value == 0
    assert "商业" in by_ind["t3.new.commercial"].col_label
    # the narrative before and after is not swallowed: its headings are still sections
    assert any("收到和处理政府信息公开申请" in s.heading for s in report.document.sections)


def test_pipe_stream_cell_with_a_line_break_is_one_cell():
    # corpora/heldout2/xj_nilka_town_2023_excerpt.txt: "|⏎商业⏎企业⏎|" is one header cell
    import nlp

    path = Path(__file__).resolve().parent.parent / "corpora" / "heldout2" / "xj_nilka_town_2023_excerpt.txt"
    report = nlp.extract(path)
    t3 = [c for c in report.cells if c.table == "三"]
    assert t3 and all(c.indicator for c in t3)
    assert {c.indicator for c in t3} >= {"t3.new.commercial", "t3.new.research", "t3.new.total"}


@pytest.mark.parametrize("stream", [
    # held-out 74 (安义县林业局): a `|||` line (a merged header's empty cells) after a `|` line
    "第二十条第(一)项\n|\n|||\n信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n现行有效件数\n|\n规章\n|\n1\n|\n2\n|\n3\n|\n"
    "行政规范性文件\n|\n4\n|\n5\n|\n6\n|\n",
    # held-out 74 (安居区综合行政执法局): rows opened by a pipe (`| 规章`)
    "第二十条第(一)项\n|\n| 信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n现行有效件数\n|\n| 规章\n|\n1\n|\n2\n|\n3\n|\n"
    "| 行政规范性文件\n|\n4\n|\n5\n|\n6\n|\n",
])
def test_pipe_stream_with_pipe_only_lines_and_row_opening_pipes(stream):
    text = "2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + stream
    by_ind = _values_by_id(text)
    assert by_ind == {"t2.rules.issued": 1, "t2.rules.repealed": 2, "t2.rules.in_force": 3,
                      "t2.normative.issued": 4, "t2.normative.repealed": 5, "t2.normative.in_force": 6}


def test_one_cell_per_line_header_word_cut_before_its_last_character():
    # corpora/heldout5/xz_shenjiting_2025_excerpt.txt (the xizang.gov.cn page template prints
    # 现行有效件 for 现行有效件数): still a header word, so 规章 / 行政规范性文件 are data rows
    import nlp

    path = Path(__file__).resolve().parent.parent / "corpora" / "heldout5" / \
        "xz_shenjiting_2025_excerpt.txt"
    by_ind = {c.indicator: c for c in nlp.extract(path).cells if c.indicator}
    assert by_ind["t2.rules.repealed"].value == 1
    assert by_ind["t2.normative.in_force"].value == 2
    assert by_ind["t2.normative.in_force"].col_label == "现行有效件"


_RUN_STREAM = ("二、主动公开政府信息情况\n\n第二十条第(一)项\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n"
               "现行有效件数\n\n规章\n\n{rules}\n\n行政规范性文件\n\n{normative}\n\n第二十条第(五)项\n\n"
               "信息内容\n\n本年处理决定数量\n\n行政许可\n\n5\n\n第二十条第(六)项\n\n信息内容\n\n"
               "本年处理决定数量\n\n行政处罚\n\n7\n\n")


def test_one_cell_per_line_digit_run_split_only_where_forced():
    # corpora/heldout5/hb_jingmen_office_2021_excerpt.txt: the page lost the breaks between a
    # row's cells, 规章 / 104 under three columns (one digit a column: forced)
    from nlp.tables import table_cells

    doc = _doc(_RUN_STREAM.format(rules="104", normative="2729318"))
    doc.tables = find_text_tables(doc)
    by_ind = {c.indicator: c for c in table_cells(doc) if c.indicator}
    assert [by_ind[f"t2.rules.{k}"].value for k in ("issued", "repealed", "in_force")] == [1, 0, 4]
    assert "split into 3" in by_ind["t2.rules.issued"].note
    # 2729318 splits into three numbers many ways: no value is placed for that row
    assert not [k for k in by_ind if k.startswith("t2.normative.")]
    assert by_ind["t2.licensing.decisions"].value == 5
    _offsets_round_trip(doc, doc.tables)


def test_one_cell_a_line_with_trailing_pipes_and_pipe_only_row_ends():
    # corpora/heldout7/bj_tongzhou_xinhua_2019_excerpt.txt: `规章 |` / `0 |` … rows closed by `||`,
    # headers cut to 本年新 twice (本年新制作数量, 本年新公开数量 in print order)
    import nlp

    path = Path(__file__).resolve().parent.parent / "corpora" / "heldout7" / \
        "bj_tongzhou_xinhua_2019_excerpt.txt"
    report = nlp.extract(path)
    by_ind = {c.indicator: c for c in report.cells if c.indicator}
    assert [by_ind[f"t2.normative.{k}"].value for k in
            ("new_made", "new_published", "total_public")] == [1, 1, 1]
    assert by_ind["t2.normative.new_made"].col_label == "本年新"
    assert by_ind["t2.licensing.decisions"].value == 0
    _offsets_round_trip(report.document, report.document.tables)
    # a single cut header (本年新 once) is not guessed
    doc = _doc("第二十条第(一)项 |\n|||||\n信息内容 |\n本年新 |\n对外公开总数量 |\n||\n规章 |\n3 |\n"
               "5 |\n||\n规范性文件 |\n1 |\n2 |\n||\n")
    doc.tables = find_text_tables(doc)
    assert doc.tables and doc.tables[0].rows_text()[2][:3] == ["规章", "3", "5"]
    from nlp.tables import table_cells

    ids = {c.indicator for c in table_cells(doc) if c.indicator}
    assert "t2.rules.total_public" in ids and "t2.rules.new_made" not in ids


def test_one_cell_a_line_with_a_pipe_after_each_cell_and_no_row_ends():
    # corpora/heldout9/cn_xinwenchuban_2022_mirror_excerpt.txt: `规章 |` / `0 |` / `25 |` with no
    # pipe-only lines between rows: the rows come from the header words, the pipes are dropped
    import nlp

    path = Path(__file__).resolve().parent.parent / "corpora" / "heldout9" / \
        "cn_xinwenchuban_2022_mirror_excerpt.txt"
    report = nlp.extract(path)
    by_ind = {c.indicator: c for c in report.cells if c.indicator}
    assert [by_ind[f"t2.normative.{k}"].value for k in ("issued", "repealed", "in_force")] == \
        [3, 0, 291]
    assert by_ind["t2.licensing.decisions"].value == 46209
    assert by_ind["t2.licensing.decisions"].raw == "46209"
    _offsets_round_trip(report.document, report.document.tables)


def test_pipe_cells_in_rows_opened_by_a_pipe_line_with_empty_cells():
    # heldout11/hb_hanyang_office_2022: `|` opens each row, `第二十条第(一)项 | |||` is a merged
    # cell, and an empty cell is a bare `|` before the next row's `|` (规章 0 0 <empty>)
    import nlp

    report = nlp.extract(CORPORA / "heldout11" / "hb_hanyang_office_2022_excerpt.txt")
    by_ind = {c.indicator: c for c in report.cells if c.indicator}
    assert [by_ind[f"t2.normative.{k}"].value for k in ("issued", "repealed", "in_force")] == \
        [5, 12, 8]
    assert [by_ind[f"t2.rules.{k}"].value for k in ("issued", "repealed")] == [0, 0]
    assert by_ind.get("t2.rules.in_force") is None or by_ind["t2.rules.in_force"].value is None
    assert by_ind["t3.new.natural"].value == 8 and by_ind["t2.fees.amount"].value == 0
    _offsets_round_trip(report.document, report.document.tables)
    # a pipe-only line between two rows closed by `||` is no empty cell
    doc = _doc("信息内容 |\n本年处理决定数量 |\n||\n|\n行政许可 |\n105 |\n||\n|\n行政处罚 |\n56 |\n||\n")
    doc.tables = find_text_tables(doc)
    assert doc.tables[0].rows_text() == [["信息内容", "本年处理决定数量"], ["行政许可", "105"],
                                         ["行政处罚", "56"]]


def test_row_label_with_a_long_bracketed_note_stays_in_a_one_cell_a_line_table():
    # heldout11/hb_tianmen_tuoshi_2020: 规范性文件(行政机关制定发布的决定、公告…) is 78 characters
    import nlp

    report = nlp.extract(CORPORA / "heldout11" / "hb_tianmen_tuoshi_2020_excerpt.txt")
    by_ind = {c.indicator: c.value for c in report.cells if c.indicator}
    assert [by_ind[f"t2.normative.{k}"] for k in ("new_made", "new_published", "total_public")] \
        == [34, 4, 47]
    # a long line that is a sentence still ends the table
    from nlp.segment.blocks import cell_sized

    assert cell_sized("规范性文件（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”"
                       "“细则”等字样的公文，一般情况下属于规范性文件）")
    assert not cell_sized("2020年，全镇累计主动公开政府信息114条（其中网站72条），涉及扶贫、公共卫生、"
                           "社会保障、环境保护、安全生产、禁毒等各个方面。")


@pytest.mark.parametrize("tail", ["", "\n\n（本页完）\n"], ids=["text ends in the row", "text goes on"])
def test_last_row_cut_by_the_end_of_the_text_fills_the_first_columns(tail):
    # heldout11/gd_haizhu_guanzhou_2023: the excerpt ends inside table 三's row
    # `6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0` (6 of its 7 numbers)
    import nlp

    text = (CORPORA / "heldout11" / "gd_haizhu_guanzhou_2023_excerpt.txt").read_text(encoding="utf-8")
    report = nlp.extract_text(text + tail)
    ids = {c.indicator: c.value for c in report.cells if c.indicator}
    assert ids["t3.result.denied.internal_affairs.total"] == 0  # the row before is complete
    cut = {k for k in ids if k.startswith("t3.result.denied.process_info.")}
    if tail:  # the row is complete as printed: a short row is not guessed
        assert cut == set()
    else:
        assert cut == {f"t3.result.denied.process_info.{k}" for k in
                       ("natural", "commercial", "research", "nonprofit", "legal_services",
                        "other_org")}


@pytest.mark.parametrize("tail", ["", "\n\n（本页完）\n"], ids=["text ends in the row", "text goes on"])
def test_a_first_data_row_cut_by_the_end_of_the_text_fills_the_first_columns_of_its_header(tail):
    # held-out 58 (yn_yuanmou_jiaoti_2020): the excerpt ends inside table 二's first row; with no
    # complete row before it, the header says how wide a row is
    text = ("二、主动公开政府信息情况\n第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
            "规章 | 1 | 2" + tail)
    ids = _values_by_id(text)
    assert ids == ({} if tail else {"t2.rules.issued": 1, "t2.rules.repealed": 2})


def test_cut_row_ending_in_the_next_rows_number_drops_it():
    # heldout11/he_qianan_dawuli_2020: the text ends `… 0` (7 values) then `2` (of 2.其他法律…)
    import nlp

    report = nlp.extract(CORPORA / "heldout11" / "he_qianan_dawuli_2020_excerpt.txt")
    assert report.document.tables[-1].cut
    ids = {c.indicator for c in report.cells if c.indicator}
    assert {f"t3.result.denied.state_secret.{k}" for k in
            ("natural", "commercial", "research", "nonprofit", "legal_services", "other_org",
             "total")} <= ids
    assert not [c for c in report.cells if c.raw == "2" and c.indicator]


def test_one_cell_a_line_table_in_traditional_script():
    # heldout12/hb_wuhan_tuiyijunren_2021 (a traditional-script mirror): 第二十條第(一)項, 信息內容,
    # 申請人情況 open the tables; the words are looked for in the script-folded text
    import nlp

    report = nlp.extract(CORPORA / "heldout12" / "hb_wuhan_tuiyijunren_2021_zh_hant_mirror_excerpt.txt")
    ids = {c.indicator: c.value for c in report.cells if c.indicator}
    assert (ids["t3.new.natural"], ids["t3.new.commercial"], ids["t3.new.total"]) == (11, 1, 12)
    assert ids["t2.rules.issued"] == 0 and len(ids) >= 31
    _offsets_round_trip(report.document, report.document.tables)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), max_size=12),
       st.integers(0, 70), st.integers(1, 15))
def test_free_of_matches_the_direct_overlap_test(spans, a, width):
    from nlp.segment.blocks import _free_of

    spans = [(s, s + w) for s, w in spans]
    b = a + width
    assert _free_of(spans)(a, b) == (not any(a < e and s < b for s, e in spans))


def test_pipe_cells_without_row_ends_and_table_three_right_after_table_two():
    # heldout15/bj_haidian_unit_2022: `信息内容 |` … `规章 |` `0 |` … `行政规范性文件 |` with no
    # pipe-only line between the rows, and table 三's corner note right after 行政事业性收费's `0 |`
    import nlp

    report = nlp.extract(CORPORA / "heldout15" / "bj_haidian_unit_2022_mirror_excerpt.txt")
    assert len(report.document.tables) == 2
    ids = {c.indicator: c.value for c in report.cells if c.indicator}
    assert [ids[f"t2.normative.{k}"] for k in ("issued", "repealed", "in_force")] == [0, 1, 4]
    assert ids["t2.fees.amount"] == 0 and ids["t3.new.total"] == 83
    assert ids["t3.result.unable.not_held.total"] == 55
    assert all(c.indicator for c in report.cells)
    _offsets_round_trip(report.document, report.document.tables)


def test_two_pipe_lines_after_a_full_row_are_no_empty_cell():
    # heldout15/sn_lueyang_2021: `行政事業性收費 |` `0 |` `0 |` `|` `|` under a 3-cell header
    import nlp

    report = nlp.extract(CORPORA / "heldout15" /
                         "sn_lueyang_ziranziyuan_2021_zh_hant_mirror_excerpt.txt")
    ids = {c.indicator: c.value for c in report.cells if c.indicator}
    assert (ids["t2.fees.prev_items"], ids["t2.fees.delta"]) == (0, 0)
    assert (ids["t2.procurement.items"], ids["t2.procurement.amount"]) == (0, 0)
    assert ids["t2.licensing.decisions"] == 97


def test_cell_with_its_pipe_on_the_next_line():
    # heldout15/hb_hannan_yibao_2020: `上一年项目数量` / `|` / `本年增/减` / `| |`
    import nlp

    report = nlp.extract(CORPORA / "heldout15" / "hb_hannan_yibao_2020_excerpt.txt")
    ids = {c.indicator: c.value for c in report.cells if c.indicator}
    assert (ids["t2.other_services.prev_items"], ids["t2.other_services.delta"],
            ids["t2.other_services.decisions"]) == (0, 1, 0)
    assert ids["t2.fees.delta"] == 0 and ids["t2.procurement.amount"] == 0


def test_block_title_inside_a_cell_stream_and_no_digit_split_across_blocks():
    # heldout22/he_dingxing_xiaocun_2021: empty cells dropped, `规范性文件` then `第二十条第(五)项`
    # in one run; 270 under 本年处理决定数量 was split as 2 | 7 | 0 by the block before's width
    import nlp

    report = nlp.extract(CORPORA / "heldout22" / "he_dingxing_xiaocun_2021_excerpt.txt")
    texts = [row for t in report.document.tables for row in t.rows_text()]
    assert any(row[:2] == ["行政许可", "270"] for row in texts)
    assert not [c for c in report.cells if c.raw in ("2", "7", "0") and c.row_label.endswith("行政许可")]


def test_pipe_row_broken_before_each_pipe():
    # heldout22/hb_qianjiang_zhouji_2020: `信息内容 | 上一年项目数量` / `| 本年增/减` / `| 处理决定数量` / `|`
    import nlp

    report = nlp.extract(CORPORA / "heldout22" / "hb_qianjiang_zhouji_2020_excerpt.txt")
    ids = {c.indicator: c.value for c in report.cells if c.indicator}
    assert {f"t2.licensing.{k}" for k in ("prev_items", "delta", "decisions")} <= set(ids)
    assert {f"t2.punishment.{k}" for k in ("prev_items", "delta", "decisions")} <= set(ids)
    # rows that start with a pipe and end without one are rows, not continuations
    doc = _doc("信息内容 | 本年制发件数 | 本年废止件数\n| 规章 | 0 | 0\n| 规范性文件 | 3 | 1\n")
    doc.tables = find_text_tables(doc)
    assert [row[0] for row in doc.tables[0].rows_text()] == ["信息内容", "规章", "规范性文件"]


# --------------------------------------------------------------------------- PDF rows
# pdftotext prints a statistics row as one line with single spaces between its numbers
# (heldout22/sd_wendeng_shenji_2020_page9, sd_wendeng_xinfang_2022_page8)
_T4_HEADER = ("行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结果 结果 其他 尚未 总\n"
              "维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总\n"
              "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计\n")
_T4_VERTICAL = ("行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结 结 其 尚\n结 结 其 尚 结 结 其 尚\n"
                "果 果 他 未\n总计 果 果 他 未 总 果 果 他 未 总\n维 纠 结 审\n"
                "维 纠 结 审 计 维 纠 结 审 计\n持 正 果 结\n持 正 果 结 持 正 果 结\n")
_ZEROS15 = " ".join(["0"] * 15) + "\n"
_T4_IDS = [f"t4.{b}.{c}" for b in ("review", "litigation_direct", "litigation_after_review")
           for c in ("upheld", "corrected", "other", "pending", "total")]


def _ids(text: str) -> dict[str, float | None]:
    from nlp.pipeline import extract_text

    cells = extract_text(text).cells
    ids = [c.indicator for c in cells if c.indicator]
    assert len(ids) == len(set(ids)), "an id placed twice"
    return {c.indicator: c.value for c in cells if c.indicator}


@pytest.mark.parametrize("text, rows, expected", [
    ("P. 9\n四、结转下年度继续办理 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况\n",
     [["四、结转下年度继续办理"] + ["0"] * 7],
     {"t3.carried_forward.natural": 0, "t3.carried_forward.total": 0}),
    ("一、本年新收政府信息公开申请数量 12 3 0 0 1 0 16\n二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n",
     [["一、本年新收政府信息公开申请数量", "12", "3", "0", "0", "1", "0", "16"],
      ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]],
     {"t3.new.natural": 12, "t3.new.commercial": 3, "t3.new.legal_services": 1,
      "t3.new.total": 16, "t3.carried_over.total": 1}),
    # a label printed with its group before it: one cell each
    ("三、本年度办理结果 （一）予以公开 5 1 0 0 0 0 6\n（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0\n",
     [["三、本年度办理结果", "（一）予以公开", "5", "1", "0", "0", "0", "0", "6"],
      ["（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"]],
     {"t3.result.granted.natural": 5, "t3.result.granted.total": 6,
      "t3.result.denied.state_secret.total": 0}),
    # a label the page wrapped onto the row's line (heldout2/xx_city_2024_pdf_table_fragment)
    ("（二）部分公开（区分处理的，只计这一情\n形，不计其他情形） 447 7 0 0 0 0 454\n",
     [["（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）", "447", "7", "0", "0", "0", "0", "454"]],
     {"t3.result.partial.natural": 447, "t3.result.partial.commercial": 7,
      "t3.result.partial.total": 454}),
    ("（七）总计 9 1 0 0 0 0 10\n", [["（七）总计", "9", "1", "0", "0", "0", "0", "10"]],
     {"t3.result.total.natural": 9, "t3.result.total.total": 10}),
    # one line in another spacing: the whitespace reader needs two rows, so it is read here
    ("四、结转下年度继续办理  2  0  0  0  0  0  2\n",
     [["四、结转下年度继续办理", "2", "0", "0", "0", "0", "0", "2"]],
     {"t3.carried_forward.natural": 2, "t3.carried_forward.total": 2}),
    # table 四: 15 numbers under its header, two-character words or one character a line
    ("四、因政府信息公开工作被申请行政复议提起行政诉讼情况\n" + _T4_HEADER + "1 0 0 1 2 0 1 0 0 1 3 0 0 0 3\n",
     [["1", "0", "0", "1", "2", "0", "1", "0", "0", "1", "3", "0", "0", "0", "3"]],
     {"t4.review.upheld": 1, "t4.review.pending": 1, "t4.review.total": 2,
      "t4.litigation_direct.corrected": 1, "t4.litigation_direct.total": 1,
      "t4.litigation_after_review.upheld": 3, "t4.litigation_after_review.total": 3}),
    ("未出现申请行政复议、提起行政诉讼的情况。\n" + _T4_VERTICAL + _ZEROS15 + "五、存在的主要问题及改进情况\n",
     [["0"] * 15], dict.fromkeys(_T4_IDS, 0)),
], ids=["carried forward", "new and carried over", "group before the label", "wrapped label",
        "total", "double spaces, one line", "table four", "table four, vertical header"])
def test_pdf_row_with_single_spaces(text, rows, expected):
    doc = _doc(text)
    tables = find_text_tables(doc)
    assert [r for t in tables for r in t.rows_text()] == rows
    _offsets_round_trip(doc, tables)
    ids = _ids(text)
    assert {k: ids.get(k) for k in expected} == expected
    kind = "t4." if next(iter(expected)).startswith("t4.") else "t3."
    assert len([k for k in ids if k.startswith(kind)]) == 7 * len(rows) if kind == "t3." else 15


@pytest.mark.parametrize("text", [
    "2020 年,我单位对形成的政府信息实现了依法、有序公开,\n2021 年,我局将根据我区部署的政务公开工作具体要求,\n",
    "- 9 -\nPage 9 - 2020年报_审计局\nP. 9\n",
    "联系电话 0631 8451 2345\n咨询电话：0737 2691 838 0737 2691 839 1\n",
    "2019 2020 2021 2022 2023 2024 2025\n",  # years: seven numbers, no label
    "依据《条例》第 3 条 第 5 款 第 7 项 办理 1 2 3 4 5 6 21\n",
    "行政许可 1 2 3 4 5 6 21\n",  # seven numbers under a label of another table
    "总计 1 2 3 4 5 6 21\n其他 0 0 0 0 0 0 0\n",  # a bare short word may be any table's
    "四、结转下年度继续办理 0 0 0 0 0 0 0 0\n四、结转下年度继续办理 0 0 0 0 0 0\n",  # 8 and 6 numbers
    "一、本年新收政府信息公开申请数量 0631 0 0 0 0 0 0\n",  # not a count
    "未出现申请行政复议、提起行政诉讼的情况。\n" + _ZEROS15,  # no table-四 header
    "行政复议 行政诉讼\n本年度未发生行政复议、行政诉讼案件。\n" + _ZEROS15,  # a sentence between
    _T4_HEADER + " ".join(["0"] * 14) + "\n",  # 14 numbers
    _T4_HEADER + "四、结转下年度继续办理 " + " ".join(["0"] * 15) + "\n",  # a label before 15
], ids=["years in narrative", "page footers", "phone numbers", "year line", "article numbers",
        "table-two label", "bare total and other", "8 and 6 numbers", "leading zero",
        "15 numbers, no header", "15 numbers, sentence between", "14 numbers", "labelled 15"])
def test_spaced_numbers_that_are_not_pdf_rows(text):
    assert find_text_tables(_doc(text)) == []
    assert not [k for k in _ids(text) if k.startswith(("t3.", "t4."))]


@pytest.mark.parametrize("text", [
    "一、本年新收政府信息公开申请数量 3 0 0 0 1 0 3\n",  # 总计 is not the sum of the six
    _T4_HEADER + "1 0 0 1 2 0 1 0 0 1 4 0 0 0 3\n",  # 未经复议直接起诉: 0 + 1 + 0 + 0 ≠ 4
])
def test_pdf_row_whose_sums_fail_is_read_but_not_placed(text):
    tables = find_text_tables(_doc(text))
    assert len(tables) == 1 and len(tables[0].rows_text()) == 1
    assert not [k for k in _ids(text) if k.startswith(("t3.", "t4."))]


def test_pdf_rows_of_the_two_flip_book_pages():
    import nlp

    shenji = nlp.extract(CORPORA / "heldout22" / "sd_wendeng_shenji_2020_page9_excerpt.txt")
    ids = {c.indicator: c.value for c in shenji.cells if c.indicator}
    t3 = {f"t3.carried_forward.{c}" for c in ("natural", "commercial", "research", "nonprofit",
                                              "legal_services", "other_org", "total")}
    assert set(ids) == t3 | set(_T4_IDS) and set(ids.values()) == {0}
    xinfang = nlp.extract(CORPORA / "heldout22" / "sd_wendeng_xinfang_2022_page8_excerpt.txt")
    assert sorted(c.indicator for c in xinfang.cells if c.indicator) == sorted(_T4_IDS)
    # the years and page numbers of the narrative around the tables are no cell
    assert not [c for c in shenji.cells + xinfang.cells if c.raw in ("2020", "2021", "9", "8")]


def test_rows_another_reader_took_are_not_read_again():
    # two rows separated by two spaces: the whitespace reader's table, not a second one
    text = ("一、本年新收政府信息公开申请数量  3  0  0  0  0  0  3\n"
            "二、上年结转政府信息公开申请数量  1  0  0  0  0  0  1\n")
    assert len(find_text_tables(_doc(text))) == 1
    assert _ids(text)["t3.new.total"] == 3
    # rows under a table-三 header: rebuilt by the digit-run reader with their header
    doc = read(CORPORA / "heldout2" / "xx_city_2024_pdf_table_fragment.txt")
    tables = find_text_tables(doc)
    assert len(tables) == 2
    numbers = [(c.start, c.end) for t in tables for c in t.cells if c.text.isdigit()]
    assert len(numbers) == len(set(numbers)) == 2 + 7 * 13  # 3985758, 88283; 13 rows of 三


@pytest.mark.parametrize("text, expected_rows", [
    # held-out 26 (西藏国资委): blank cells printed as bare pipes; the data row keeps them where
    # that makes it exactly as wide as its header, so 11 stays under 本年新制作数量; the row
    # printed all blank keeps its empty cells too (held-out 60)
    ("第二十条第(一)项 | |||\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | |||\n"
     "规范性文件 | 11 | ||\n",
     [["第二十条第(一)项"], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
      ["规章", "", "", ""], ["规范性文件", "11", "", ""]]),
    # a row whose bare pipes do not make the header's width keeps only its printed cells
    ("信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规范性文件 | 11 | |\n规章 | 2 | 2 | 5 |\n",
     [["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规范性文件", "11"],
      ["规章", "2", "2", "5"]]),
])
def test_bare_pipes_of_blank_cells_in_a_data_row(text, expected_rows):
    doc = _doc(text)
    tables = find_text_tables(doc)
    assert len(tables) == 1
    cells = tables[0].cells  # the cells each row holds (rows_text() pads every row)
    assert [[c.text for c in cells if c.row == r] for r in range(len(expected_rows))] == \
        expected_rows
    _offsets_round_trip(doc, tables)


def test_bare_pipe_blank_cells_reach_their_column_ids():
    ids = _ids(
        "2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项 | |||\n"
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | |||\n规范性文件 | 11 | ||\n"
        "第二十条第(五)项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n")
    assert ids.get("t2.normative.new_made") == 11


_LONE_PIPE_BLOCK = ("第二十条第(五)项 |\n||||\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n|\n"
                    "行政许可 |\n12 |\n|\n5 |\n|\n其他对外管理服务事项 |\n3 |\n|\n0 |\n|\n")


def test_a_lone_pipe_before_a_number_is_an_empty_middle_cell():
    """held-out 28 (得荣卫健): an empty 本年增/减 cell printed as a lone `|` inside the row; the
    row then closes exactly as wide as its header, so 5 stays under 处理决定数量."""
    doc = _doc(_LONE_PIPE_BLOCK)
    tables = find_text_tables(doc)
    assert len(tables) == 1
    rows = {}
    for c in tables[0].cells:
        rows.setdefault(c.row, []).append(c.text)
    assert ["行政许可", "12", "", "5"] in rows.values()
    assert ["其他对外管理服务事项", "3", "", "0"] in rows.values()
    _offsets_round_trip(doc, tables)
    ids = _ids("2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + _LONE_PIPE_BLOCK)
    assert ids["t2.licensing.decisions"] == 5 and ids["t2.licensing.prev_items"] == 12


def test_a_lone_pipe_before_a_label_still_closes_the_row():
    # the row is as wide as its header without the lone pipe: the pipe ends it
    text = ("信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n|\n行政许可 |\n12 |\n0 |\n5 |\n|\n"
            "行政处罚 |\n3 |\n|\n")
    rows = {}
    for c in find_text_tables(_doc(text))[0].cells:
        rows.setdefault(c.row, []).append(c.text)
    assert ["行政许可", "12", "0", "5"] in rows.values() and ["行政处罚", "3"] in rows.values()


# more PDF page layouts of the same rows (held-out 28, probed on copies of real values)
_T3_HEAD = ("三、收到和处理政府信息公开申请情况\n申请人情况\n法人或其他组织\n自然人 商业 科研 社会公 法律服 总计\n其他\n"
            "企业 机构 益组织 务机构\n")


@pytest.mark.parametrize("text, expected", [
    # each label alone on its line, its 7 numbers on the next
    (_T3_HEAD + "一、本年新收政府信息公开申请数量\n8 0 0 0 0 0 8\n二、上年结转政府信息公开申请数量\n0 0 0 0 0 0 0\n"
     "（一）予以公开\n3 0 0 0 0 0 3\n",
     {"t3.new.natural": 8, "t3.new.total": 8, "t3.carried_over.total": 0,
      "t3.result.granted.natural": 3, "t3.result.granted.total": 3}),
    # a wrapped label whose first line starts with its item number
    (_T3_HEAD + "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理\n其政府信息公开申请 0 0 0 0 0 0 0\n"
     "3.其他 0 2 0 0 0 0 2\n",
     {"t3.result.other.no_correction.total": 0, "t3.result.other.other.commercial": 2,
      "t3.result.other.other.total": 2}),
    # table 四's 15 numbers wrapped 10 + 5
    (_T4_HEADER + "0 1 1 0 2 1 0 0 0 1\n0 0 0 0 0\n五、存在的主要问题及改进情况\n",
     {"t4.review.corrected": 1, "t4.review.other": 1, "t4.review.total": 2,
      "t4.litigation_direct.upheld": 1, "t4.litigation_direct.total": 1,
      "t4.litigation_after_review.total": 0}),
    # a page number between table 四's header and its numbers
    (_T4_HEADER + "— 6 —\n" + _ZEROS15, dict.fromkeys(_T4_IDS, 0)),
], ids=["label above its numbers", "item number on a wrapped label", "table four wrapped",
        "page number after the header"])
def test_pdf_rows_in_other_page_layouts(text, expected):
    ids = _ids(text)
    assert {k: ids.get(k) for k in expected} == expected


def test_pdf_numbers_printed_above_their_labels_are_not_guessed():
    """Numbers before each label (a vertically centred label): read under the label above, every
    row would take the next row's numbers; no cell is placed and no value is wrong."""
    text = (_T3_HEAD + "8 0 0 0 0 0 8\n一、本年新收政府信息公开申请数量\n0 0 0 0 0 0 0\n二、上年结转政府信息公开申请数量\n")
    assert not [k for k in _ids(text) if k.startswith("t3.")]


@pytest.mark.parametrize("raw, value", [
    ("8 0 0 0 0 0 8", None),  # several numbers in one cell
    ("0 0 0", None),
    ("85 9", 859.0),  # a number a narrow PDF cell wrapped
    ("1 234 567", 1234567.0),  # thousands apart
])
def test_spaced_digits_in_one_cell(raw, value):
    from nlp.tables.values import parse_value

    v = parse_value(raw)
    assert (v.value if v is not None else None) == value


def test_a_row_that_breaks_its_total_sits_like_the_rows_that_proved_the_positions():
    """held-out 22 error 4a / held-out 28 copy G: the carried-over row's sums place table 三's
    columns by position; the new-requests row, whose 总计 is not the sum of the others, is placed
    the same way and t3.columns_sum reports the break (alone, it is still not placed)."""
    from nlp.pipeline import extract_text

    text = ("一、本年新收政府信息公开申请数量 0 0 0 0 1 0 0\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n")
    report = extract_text(text)
    ids = {c.indicator: c.value for c in report.cells if c.indicator}
    assert ids["t3.new.legal_services"] == 1 and ids["t3.new.total"] == 0
    assert [(k.status, k.indicator) for k in report.checks if k.check == "t3.columns_sum"
            and k.status == "fail"] == [("fail", "t3.new.total")]


def test_a_one_cell_a_line_table_of_blank_marks_is_read():
    """held-out 40 (高陵审批局): every cell but one is `/`; a table of blank marks is still a table,
    and its rows keep their ids (null values)."""
    cells2 = ["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
              "规章", "/", "/", "/", "行政规范性文件", "/", "/", "/"]
    cells3 = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人",
              "法人或其他组织", "总计", "商业", "企业", "科研", "机构", "社会公益组织", "法律服务机构", "其他",
              "一、本年新收政府信息公开申请数量", *["/"] * 7, "二、上年结转政府信息公开申请数量", *["/"] * 7]
    text = ("2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\n" + "\n\n".join(cells2)
            + "\n\n三、收到和处理政府信息公开申请情况\n\n" + "\n\n".join(cells3) + "\n")
    ids = _ids(text)
    assert ids.get("t2.normative.issued", "missing") is None
    assert ids.get("t3.new.total", "missing") is None and ids.get("t3.carried_over.natural", "x") is None
    assert "t3.new.natural" in ids


def _pipe_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_pipe_row(line: str) -> bool:
    return line.count("|") >= 3 and not set(line.replace("|", "").strip()) <= set("-: ")


def test_a_table_copied_as_tab_rows_gives_the_cells_of_its_pipe_rows():
    """A table copied out of a web page or a Word file into plain text comes as one row a line,
    cells separated by tabs, the row often ending in a tab. Every corpus text whose tables are
    whole pipe rows (converter-damaged pdf2md texts aside), rewritten with tabs, gives the same
    indicator cells. Until 26 Nov 2026 the trailing tab made an empty last column and table 二's
    column labels were lost (141 of 1,060 cells)."""
    from collections import Counter

    from corpus import CORPORA

    import nlp

    def cells(text: str) -> Counter:
        return Counter((c.indicator, c.value) for c in nlp.extract_text(text).cells if c.indicator)

    def as_tabs(text: str) -> str:
        out = []
        for line in text.split("\n"):
            if line.count("|") >= 2 and set(line.replace("|", "").strip()) <= set("-: "):
                continue  # a Markdown rule line
            out.append("\t".join(_pipe_cells(line)) + "\t" if _is_pipe_row(line) else line)
        return "\n".join(out)

    checked = total = 0
    for path in sorted(CORPORA.glob("*/*.txt")):
        if "pdf2md" in path.name:
            continue
        text = path.read_text(encoding="utf-8")
        rows = [ln for ln in text.split("\n") if _is_pipe_row(ln)]
        if len(rows) < 5 or sum(len([c for c in _pipe_cells(ln) if c]) >= 3 for ln in rows) < 0.7 * len(rows):
            continue
        want = cells(text)
        assert cells(as_tabs(text)) == want, path.name
        checked += 1
        total += sum(want.values())
    assert checked >= 10 and total > 400


def test_a_caption_with_a_pipe_before_a_one_cell_a_line_table_is_not_its_first_row():
    # held-out 45, hl_shangzhi_maoershan_2020: the caption line ends in a pipe like the cells
    text = ("二、行政机关主动公开政府信息情况\n主动公开政府信息情况 |\n第二十条第(一)项 |\n信息内容 |\n"
            "本年新制作数量 |\n本年新公开数量 |\n对外公开总数量 |\n规章 |\n0 |\n0 |\n0 |\n规范性文件 |\n"
            "2 |\n1 |\n5 |\n")
    cells = _values_by_id(text)
    assert cells == {"t2.rules.new_made": 0, "t2.rules.new_published": 0, "t2.rules.total_public": 0,
                     "t2.normative.new_made": 2, "t2.normative.new_published": 1,
                     "t2.normative.total_public": 5}


def _double_spaced(text: str) -> str:
    """`text` as a page or converter that puts each line in a paragraph of its own gives it: a
    blank line after every line (the blank lines it had are kept as well)."""
    return "\n\n".join(text.split("\n"))


def test_a_double_spaced_text_gives_the_cells_and_claims_of_the_text():
    """Copied from a web page whose every line and every table cell is a paragraph, or converted
    from Word with paragraph spacing, a report comes with a blank line after each line. Every
    single-spaced corpus text rewritten so gives the same indicator cells and claims. Until 27 Nov 2026 the
    blank lines cut one-cell-a-line tables apart (669 of 5,793 cells lost) and ended the row
    labels of digit-run tables."""
    from collections import Counter

    from corpus import CORPORA, claim_keys

    import nlp
    from nlp.segment.blocks import line_spans

    def cells(report) -> Counter:
        return Counter((c.indicator, c.value) for c in report.cells if c.indicator)

    checked = total = 0
    for path in sorted(CORPORA.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        if line_spans(text)[1]:
            continue  # double-spaced already
        want, got = nlp.extract_text(text), nlp.extract_text(_double_spaced(text))
        assert cells(got) == cells(want), path.name
        assert claim_keys(got) == claim_keys(want), path.name
        checked += 1
        total += sum(cells(want).values())
    assert checked >= 400 and total > 5000


def test_blank_lines_are_counted_as_the_regex_engine_counts_them():
    """`_BLANK_LINE` runs on the stdlib `re`: the same matches as the `regex` pattern it was, on
    every corpus text and on edge cases."""
    import regex

    from nlp.segment.blocks import _BLANK_LINE

    plain = regex.compile(_BLANK_LINE.pattern)
    extra = ["", "\n", "\n\n", "a\n \n\u3000\xa0\t\r\nb\n\n", "\n\u2003\n\x1c\n", "x\n\r\n\r\n"]
    counted = 0  # (blank lines found: the comparison must have had some to compare)
    for text in [*(doc.text for doc in _corpus_docs()), *extra]:
        spans = [m.span() for m in _BLANK_LINE.finditer(text)]
        assert spans == [m.span() for m in plain.finditer(text)]
        counted += len(spans)
    assert counted > 1000


def test_line_spans_leave_out_the_blank_line_after_each_line_of_a_double_spaced_text():
    from nlp.segment.blocks import line_spans

    single = "信息内容\n本年制发件数\n规章\n0\n行政规范性文件\n3\n\n三、收到和处理政府信息公开申请情况\n甲\n乙"
    spans, double = line_spans(single)
    assert not double and len(spans) == single.count("\n") + 1
    text = _double_spaced(single)
    spans, double = line_spans(text)
    assert double
    # every line of the single-spaced text, and the one blank line it had (3 in a row → 1)
    assert [text[a:b] for a, b in spans] == single.split("\n")
    # pipe rows stand together in any spacing and do not count against it
    md = text + "\n\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n| 规范性文件 | 3 |\n| 合计 | 3 |"
    assert line_spans(md)[1]


def test_a_block_title_cut_short_starts_a_block_and_is_no_value_column():
    # held-out 22, sn_hantai_xuwang_2025 (double-spaced): the page cut 第二十条第(五)项 to 第二十条第;
    # taken as a header column it made 行政许可's one number a digit run to split (124 lost)
    text = ("信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n0\n0\n0\n行政规范性文件\n0\n0\n0\n"
            "第二十条第\n信息内容\n本年处理决定数量\n行政许可\n124\n第二十条第\n信息内容\n本年处理决定数量\n"
            "行政处罚\n0\n行政强制\n2\n")
    cells = _values_by_id(text)
    assert cells["t2.licensing.decisions"] == 124
    assert cells["t2.coercion.decisions"] == 2 and cells["t2.normative.in_force"] == 0


@pytest.mark.parametrize(("rel", "blank", "printed"), [
    # pipe rows: `行政许可 | ||||` under `信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |`
    ("heldout60/hn_hengdong_yanglin_2023_excerpt.txt",
     {"t2.licensing.prev_items", "t2.licensing.delta", "t2.licensing.decisions", "t2.fees.prev_items",
      "t2.fees.delta"},
     {"t2.rules.new_made": 1, "t2.normative.total_public": 22}),
    # one cell a line: `规章 |` then `|` `|` `|`; `行政许可 |` then `| ||`
    ("heldout60/he_shijiazhuang_gaoxin_shehuifazhan_2022_excerpt.txt",
     {"t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force", "t2.normative.in_force",
      "t2.licensing.decisions", "t2.coercion.decisions", "t2.fees.amount"},
     {"t2.punishment.decisions": 3}),
])
def test_a_row_printed_blank_gives_its_cells_as_null(rel, blank, printed):
    """A row the page printed with no figure at all is read: its cells are there, with value null
    (spec §3), so that a reader sees the report left them empty. Until 27 Nov 2026 such a row gave
    no cell (held-out 60: 23 of 146 cells)."""
    from corpus import CORPORA

    import nlp

    cells = {c.indicator: c for c in nlp.extract(CORPORA / rel).cells if c.indicator}
    assert all(cells[k].value is None and cells[k].raw == "" for k in blank)
    assert {k: cells[k].value for k in printed} == printed


def test_a_one_cell_a_line_table_that_the_text_ends_inside_on_a_bare_number():
    # held-out 63 (jl_siping_shengtai_2022): `(一)予以公开 |` / `4 |` / `0 |` / `2 |` / `1`
    from corpus import CORPORA

    import nlp

    cells = {c.indicator: c.value for c in nlp.extract(
        CORPORA / "heldout63" / "jl_siping_shengtai_2022_excerpt.txt").cells if c.indicator}
    assert [cells[f"t3.result.granted.{k}"] for k in ("natural", "commercial", "research", "nonprofit")] \
        == [4, 0, 2, 1]


def test_blank_cells_printed_as_underscores_in_a_paragraph_table():
    # held-out 76 (深圳市龙华区重点区域建设推进中心 2020): one cell a paragraph, `_` for a blank
    text = ("2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条第(一)项\n\n信息内容\n\n"
            "本年新制作数量\n\n本年新公开数量\n\n对外公开总数量\n\n规章\n\n_\n\n_\n\n_\n\n规范性文件\n\n_\n\n3\n\n3\n\n")
    cells = _values_by_id(text)
    assert cells["t2.normative.new_published"] == 3 and cells["t2.normative.total_public"] == 3
    assert cells["t2.rules.new_made"] is None and cells["t2.normative.new_made"] is None


def test_a_blank_row_printed_one_empty_cell_a_line_in_a_pipe_table():
    # held-out 91 (胡市镇 2019): `规章 |` then `|` `|` `|`, then the next row on one line; and the
    # header's 本年增\减 with a backslash
    text = ("2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项\n"
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 |\n|\n|\n|\n"
            "规范性文件 | 2 | 0 | 83 |\n第二十条第(五)项\n信息内容 | 上一年项目数量 | 本年增\\减 | 处理决定数量 |\n"
            "行政许可 | 5 | 1 | 7 |\n")
    cells = _values_by_id(text)
    assert cells["t2.normative.new_made"] == 2 and cells["t2.normative.total_public"] == 83
    assert "t2.rules.new_made" in cells and cells["t2.rules.new_made"] is None
    assert cells["t2.licensing.delta"] == 1 and cells["t2.licensing.decisions"] == 7


def test_table_three_one_cell_a_line_with_bare_pipes_for_empty_cells():
    # held-out 141 (jl_changchun_erdao_fangwuzhengshou_2022): only individuals applied, the other
    # columns printed empty, one cell a line; each row closes with one more line of pipes
    rows = [("一、本年新收政府信息公开申请数量", ["56"] + [""] * 5 + ["56"], "||"),
            ("二、上年结转政府信息公开申请数量", ["0"] + [""] * 5 + ["0"], "||"),
            ("三、本年度办理结果 |\n(一)予以公开", ["18"] + [""] * 6, "|"),
            ("(二)部分公开(区分处理的,只计这一情况,不计其他情形)", [""] * 7, "||")]
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况 |", "自然人 |", "|||||||"]
    for label, cells, end in rows:
        lines += [f"{label} |", *[f"{c} |" if c else "|" for c in cells], end]
    got = _values_by_id("\n".join(lines) + "\n四、政府信息公开行政复议、行政诉讼情况\n")
    assert got["t3.new.natural"] == 56 and got["t3.new.total"] == 56
    assert got["t3.carried_over.total"] == 0 and got["t3.result.granted.natural"] == 18
    assert "t3.new.commercial" in got and got["t3.new.commercial"] is None  # printed empty
    assert got["t3.result.partial.total"] is None


def test_table_three_a_row_a_line_with_bare_pipes_for_empty_cells():
    # held-out 139 (gd_zhanjiang_xuwen_sifa_2023): the header split over three lines (商业 | 科研 …
    # then 企业 | 机构), each row a line with its empty cells as bare pipes
    text = ("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n"
            "自然人 | 法人或其他组织 | 总计 |\n商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 |\n企业 | 机构 |\n"
            "一、本年新收政府信息公开申请数量 | 3 | | | | | | 3 |\n二、上年结转政府信息公开申请数量 | | | | | | | 0 |\n"
            "三、本年度办理结果 | (一)予以公开 | 2 | | | | | | 2 |\n"
            "| (二)部分公开(区分处理的,只计这一情形,不计其他情形) | | | | | | | 0 |\n"
            "| (三)不予公开 | 1.属于国家秘密 | | | | | | | 0 |\n"
            "| | 2.其他法律行政法规禁止公开 | 1 | | | | | | 1 |\n四、政府信息公开行政复议、行政诉讼情况\n")
    got = _values_by_id(text)
    assert got["t3.new.natural"] == 3 and got["t3.new.total"] == 3
    assert "t3.new.commercial" in got and got["t3.new.commercial"] is None
    assert got["t3.carried_over.total"] == 0 and got["t3.carried_over.natural"] is None
    assert got["t3.result.granted.natural"] == 2 and got["t3.result.denied.prohibited.natural"] == 1


def test_a_row_with_a_value_then_bare_pipes_under_a_header_with_a_padding_column():
    # held-out 163 (黄花乡 2019): `行政许可 | 0 | |||` under `… | 处理决定数量 | |`
    text = ("2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项 | ||||\n"
            "信息内容 | 上一年 项目数量 | 本年增/减 | 处理决定数量 | |\n行政许可 | 4 | |||\n"
            "其他对外管理服务事项 | 0 | |||\n第二十条第(六)项 | ||||\n"
            "信息内容 | 上一年 项目数量 | 本年增/减 | 处理决定数量 | |\n行政处罚 | 0 | 0 | 2 | |\n")
    got = _values_by_id(text)
    assert got["t2.licensing.prev_items"] == 4 and got["t2.licensing.delta"] is None
    assert got["t2.licensing.decisions"] is None and got["t2.punishment.decisions"] == 2


def test_a_one_cell_a_line_table_with_a_blank_line_between_its_cells():
    # held-out 165 (宁强 2023): `|`, blank, `规章 |`, blank, `0 |` … in a text that is not
    # double-spaced as a whole (its prose has no blank lines)
    cells = ["信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |", "|", "规章 |", "0 |", "1 |",
             "2 |", "|", "行政规范性文件 |", "3 |", "0 |", "15 |", "|"]
    text = ("2023年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻落实《条例》。\n二、主动公开政府信息情况\n"
            "第二十条第(一)项\n|\n      \n" + "\n      \n".join("       " + c for c in cells)
            + "\n第二十条第(五)项\n")
    got = _values_by_id(text)
    assert got["t2.rules.issued"] == 0 and got["t2.rules.in_force"] == 2
    assert got["t2.normative.issued"] == 3 and got["t2.normative.in_force"] == 15


def test_a_one_cell_a_line_block_cut_by_the_text_end_keeps_its_last_rows_labels():
    # held-out 168 (文昌湖 2020): the (五)项 block's header and first row, then the text ends
    # inside the next row's label
    cells = ["第二十条第(一)项 |", "|||", "信息内容 |", "本年新制作数量 |", "本年新 公开数量 |", "对外公开 总数量 |",
             "规章 |", "0 |", "0 |", "0 |", "规范性文件 |", "2 |", "0 |", "5 |", "第二十条第(五)项 |", "|||",
             "信息内容 |", "上一年项目数量 |", "本年增/减 |", "处理决定数量 |", "行政许可 |", "3 |", "1 |", "4 |",
             "其他对外管理服务事"]
    text = "2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + "\n".join(cells)
    got = _values_by_id(text)
    assert got["t2.normative.total_public"] == 5
    assert (got["t2.licensing.prev_items"], got["t2.licensing.delta"], got["t2.licensing.decisions"]) == (3, 1, 4)


def test_table_two_header_without_zong_and_an_unknown_header_word():
    # held-out 200 (乌兰察布 区域经济合作局 2020): one cell a line, rows not closed by pipe lines;
    # its third column is headed 对外公开数量 (the form prints 对外公开总数量)
    text = (CORPORA / "heldout200" / "nm_wulanchabu_quyujingji_2020_excerpt.txt").read_text(
        encoding="utf-8")
    got = _values_by_id(text)
    for row in ("rules", "normative"):
        for col in ("new_made", "new_published", "total_public"):
            assert got[f"t2.{row}.{col}"] == 0
    # a header word no vocabulary knows: the count of numbers after the row label proves it a
    # column, so the known columns keep their ids and the unknown one gets none
    odd = _values_by_id(text.replace("对外公开数量", "对外公开数目合计"))
    assert {k for k in odd if k.startswith(("t2.rules.", "t2.normative."))} == {
        "t2.rules.new_made", "t2.rules.new_published",
        "t2.normative.new_made", "t2.normative.new_published"}


# held-out 126's 海洋与渔业… report (fj_pingtan_hzs_2021) printed to PDF by LibreOffice without
# rulings: table 三 as text lines, labels wrapped around their numbers
_WRAPPED_T3 = """平潭综合实验区2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项 申请人情况
之和，等于第三项加第四项之和）
自然人 法人或其他组织 总计
商业企业 科研 社会 法律服务 其他
机构 公益
组织 机构
一、本年新收政府信息公开申请数量 6 0 0 0 0 0 6
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年 （一）予以公开 5 0 0 0 0 0 5度办理结
果 （二）部分公开（区分处理的，
0 0 0 0 0 0 0
只计这一情形，不计其他情形）
1.属于国家秘密 0 0 0 0 0 0 0
8.属于行政查询事项 1 0 0 0 0 0 1
（四）
2.没有现成信息需要另行
无法提 4 0 0 0 0 0 4
制作
供
"""


def test_table_three_rows_whose_labels_a_pdf_wrapped_around_their_numbers():
    got = _values_by_id(_WRAPPED_T3)
    # a merged cell's text glued after the last count (5度办理结)
    assert got["t3.result.granted.natural"] == 5 and got["t3.result.granted.total"] == 5
    # a label cut inside its note, ending in ，, above its numbers
    assert got["t3.result.partial.total"] == 0
    # a few characters of a merged cell before the numbers, the row's label above
    assert got["t3.result.unable.needs_creation.natural"] == 4
    assert got["t3.result.unable.needs_creation.total"] == 4


def test_blank_rows_of_a_one_cell_a_line_table_two_give_empty_cells():
    # held-out 231 (广州国资委 2020): the (五)项 block printed blank, its row labels one after
    # another with no value lines, before the next block title
    text = ("2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n  第二十條第(五)項\n  信息內容\n上一年項目數量\n"
            "本年增/減\n處理決定數量\n  行政許可\n其他對外管理服務事項\n  第二十條第(六)項\n  信息內容\n上一年項目數量\n"
            "本年增/減\n處理決定數量\n  行政處罰\n3\n0\n5\n行政強制\n")
    cells = _values_by_id(text)
    for row in ("licensing", "other_services"):
        for col in ("prev_items", "delta", "decisions"):
            assert f"t2.{row}.{col}" in cells and cells[f"t2.{row}.{col}"] is None
    assert (cells["t2.punishment.prev_items"], cells["t2.punishment.decisions"]) == (3, 5)


def test_table_three_one_cell_a_paragraph_with_blank_paragraphs_for_empty_cells():
    # held-out 219 (舟山市政务服务办公室 2020): cells one blank line apart; a row prints its six
    # applicant cells as bare line breaks (7 blank lines between the label and the 总计)
    cells = _values_by_id((CORPORA / "heldout219/zj_zhoushan_zhengwufuwu_2020_excerpt.txt")
                          .read_text("utf-8"))
    for row in ("new", "carried_over", "result.granted", "result.partial",
                "result.denied.state_secret", "result.denied.prohibited"):
        assert cells[f"t3.{row}.total"] == 0
        for col in ("natural", "commercial", "research", "nonprofit", "legal_services", "other_org"):
            assert f"t3.{row}.{col}" in cells and cells[f"t3.{row}.{col}"] is None


@pytest.mark.parametrize(("blank_lines", "natural", "total"), [
    (7, None, 4),  # six empty cells, then the 总计
    # the usual one blank line, or two empty cells that make no full row: nothing is guessed
    (1, "missing", "missing"),
    (3, "missing", "missing"),
])
def test_blank_paragraphs_count_as_empty_cells_only_when_the_row_then_fits(blank_lines, natural, total):
    head = "\n\n".join(["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织",
                        "法律服务机构", "其他"])
    full = "\n\n".join(["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"])
    text = ("2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\n" + head
            + "\n\n一、本年新收政府信息公开申请数量" + "\n" * (blank_lines + 1) + "4\n\n" + full + "\n\n四、行政复议\n")
    cells = _values_by_id(text)
    assert cells.get("t3.new.natural", "missing") == natural
    assert cells.get("t3.new.total", "missing") == total
    assert cells["t3.carried_over.total"] == 1


# --------------------------------------------------------------------------- speed-up promises

def _corpus_docs() -> list[Document]:
    return [_doc(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(CORPORA.rglob("*.txt"))]


def test_lines_without_a_table_sign_give_no_cell_block_and_no_row():
    """`find_text_tables` reads only the lines `_table_lines` names, and cuts only those of
    them it puts in `cut`: on every other line of every corpus text (and of generated lines)
    `_cell_block` finds nothing and `_split` nothing or one "ideo" cell (which opens no table),
    indented lines and lines with blanks after their last word included. The glossed form (every
    line with a white-space sign, as before) names a superset."""
    from nlp.normalize import may_gloss
    from nlp.segment.blocks import _cell_block, _split, _table_lines, line_spans

    extra = "\n".join(["规章 3 0 15", "信 息 内 容", "第二十条第(一)项", "（本列数据的勾稽关系）", "行政复议 |",
                       "a\xa0 b  0", "收到申请\u30003", "\t", "|", "｜", "统计指标 本年", " 申请人情况",
                       "\u3000\u3000正文的一段。", "  缩进的一行", "行末的空白\u3000\u3000\u3000\u3000\u3000",
                       "\xa0\xa0行首", "a\u3000\u3000\x1c\u3000\x1c", "\u3000收到\u3000\u30003\u3000",
                       "\u3000\u3000规章\u3000\u30003\u3000\u30000\u3000\u300015", "\t缩进"])
    nothing = 0
    for doc in [*_corpus_docs(), _doc(extra)]:
        text, folded = doc.text, doc.norm.folded
        lines, _ = line_spans(text)
        cut: set[int] = set()
        glossed = len(doc.norm.text) < len(text) and may_gloss(folded)  # (as `find_text_tables`)
        worth = set(_table_lines(text, folded, lines, glossed, None, cut))
        assert cut <= worth
        assert worth <= set(_table_lines(text, folded, lines, True))
        for i, (a, b) in enumerate(lines):
            if i not in worth:
                assert _cell_block(text, folded, lines, i) is None, text[a:b]
            if i not in cut:
                got = _split(text[a:b], a)
                assert got is None or (got[0] == "ideo" and len(got[1]) == 1), text[a:b]
                nothing += i in set(_table_lines(text, folded, lines, True))
    assert nothing > 1000  # (the lines the white-space signs named before: indents, openers)


def test_the_han_end_test_keeps_every_glued_label():
    """`_may_end_in_han` only skips lines that cannot end in a Han character: what it turns down
    is never Han (every code point below U+2E80 and the CJK marks it names), and on every corpus
    line the glued-label search finds the same with and without it."""
    import regex

    from nlp.segment.blocks import _GLUED_AFTER_COUNT, _NOT_HAN_END, _may_end_in_han, line_spans

    han, space = regex.compile(r"\p{Han}"), regex.compile(r"\s")
    assert not any(han.match(chr(c)) for c in range(0x2E80))
    assert all(chr(c).isspace() for c in range(0x110000) if space.match(chr(c)))
    assert not any(han.match(c) for c in _NOT_HAN_END)
    for doc in _corpus_docs():
        folded = doc.norm.folded
        for a, b in line_spans(doc.text)[0]:
            if not _may_end_in_han(folded, a, b):
                assert _GLUED_AFTER_COUNT.search(folded, max(a, b - 12), b) is None


@pytest.mark.parametrize(("row", "cells"), [
    # a row copied with its cells two full-width spaces apart and its blank cells kept: two more
    # for each (docs/robustness_text_tables.md, layout e; the values were read one column off)
    ("一、本年新收政府信息公开申请数量　　821　　35　　　　　　2　　1　　859",
     ["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859"]),
    # every gap one separator: the cells as before
    ("规章　　13　　13　　524", ["规章", "13", "13", "524"]),
])
def test_blank_cells_between_full_width_space_pairs(row, cells):
    from nlp.segment.blocks import _split

    _, spans = _split(row, 0, blanks=True)
    assert [row[a:b] for a, b in spans] == cells


def test_the_opener_words_cover_every_start_of_a_one_cell_a_line_table():
    """`_table_lines` finds the lines that can start a one-cell-a-line table by `_OPENER_WORDS`
    instead of `_LINE_TABLE_START`: every string one of which a match of the pattern contains
    holds one of the words (a word the pattern gains must be added there too)."""
    from nlp.scan import required_literals
    from nlp.segment.blocks import _LINE_TABLE_START, _OPENER_WORDS

    literals = required_literals(_LINE_TABLE_START)
    assert literals
    assert all(any(w in lit for w in _OPENER_WORDS) for lit in literals)


def _cells_by_search(s: str, parts: list[str], base: int) -> list[tuple[int, int]]:
    """The spans of the parts of a line as `_raw_cells` once found them: each part searched for
    from the end of the one before."""
    spans, pos = [], 0
    for p in parts:
        i = s.find(p, pos)
        st = i + len(p) - len(p.lstrip())
        spans.append((base + st, base + st + len(p.strip())))
        pos = i + len(p)
    return spans


@pytest.mark.parametrize("extra", [["a||b", "|  |x", "｜a｜ ｜", "a\t\tb\t", "\t\tx", "||", "x | 1 | ||",
                                    " |\u3000a\xa0|\t", "|||a|", "\t \t"]])
def test_pipe_and_tab_cells_are_placed_as_a_search_places_them(extra):
    """`_raw_cells` places the parts of a pipe or tab line by arithmetic (one separator character
    between parts; an empty part at the end of the last part that is not empty): the spans a
    search for each part from the end of the one before gives, on every pipe or tab line of
    every corpus text and on edge cases."""
    import regex

    from nlp.segment.blocks import _raw_cells, line_spans

    pipe = regex.compile(r"[|｜]")
    lines = [*extra]
    for doc in _corpus_docs():
        lines += [doc.text[a:b] for a, b in line_spans(doc.text)[0]
                  if any(c in doc.text[a:b] for c in "|｜\t")]
    checked = 0
    for line in lines:
        raw = _raw_cells(line, 7)
        if raw is None or raw.kind not in ("pipe", "tab"):
            continue
        s = raw.line
        parts = s.split("\t") if raw.kind == "tab" else pipe.split(s)
        assert raw.spans == _cells_by_search(s, parts, 7), line
        checked += 1
    assert checked > 1000


def _two_counts_hold_a_count_pair(line: str) -> None:
    from nlp.segment.blocks import _COUNT_PAIR, _spaced_row

    if len(_spaced_row(line)[1]) >= 2:
        assert _COUNT_PAIR.search(line) is not None, line


def test_a_line_with_two_counts_holds_a_count_pair():
    """`_spaced_row_tables` opens a table only on a line that holds `_COUNT_PAIR` or the line
    before one (and reads nothing in a text without it): each of its shapes needs a line on which
    `_spaced_row` finds two counts or more (7, 15, or 15 over two lines), and such a line holds
    the pattern. Checked on every line of every corpus text (folded, as read) and on generated
    lines."""
    from nlp.segment.blocks import line_spans

    checked = 0
    for doc in _corpus_docs():
        folded = doc.norm.folded
        for a, b in line_spans(doc.text)[0]:
            _two_counts_hold_a_count_pair(folded[a:b])
            checked += 1
    assert checked > 10000


@given(st.lists(st.sampled_from(["0", "7", "12", "０", "٣", " ", "\u3000", "\t", "\r", "：", ":", "规章",
                                 "一、", "-", ".", "05"]), max_size=14).map("".join))
def test_generated_lines_with_two_counts_hold_a_count_pair(line):
    _two_counts_hold_a_count_pair(line)


_PIPE_EDGES = ["0 |", "| 规章 |", "规章\x1c|", "规章 |\x1c", "|\x1c规章", "||", "| ||", "a|b|", "\u3000|\u3000",
               "本年处理决定数量 | ||", "规章\u2028|", "x |\n", " | a", "|\u3000 规章", "规章｜ ｜", "|a", "| |a |",
               "\xa0｜规章\u3000|\u205f", "规 章 \u3000| |", "规章 | x", "\x1c|", "", " ", "\u3000", "&nbsp;",
               "&NBSP;", " \xa0 ", "&#160;&nbsp;", "a\u3000", "｜", "a｜|", "｜a|", " ｜ ", "a | b |", "|a｜",
               "\x1c", "| \x1c |"]


def _corpus_lines() -> list[str]:
    from nlp.segment.blocks import line_spans

    return [doc.text[a:b] for doc in _corpus_docs() for a, b in line_spans(doc.text)[0]]


def test_one_cell_lines_are_read_as_the_patterns_read_them():
    """The tests of a one-cell line, made cheaper, give what the patterns gave, on every line of
    every corpus text and on edge cases: `_cell_text` cuts the pipes and white space that end a
    line with `str` methods (the white space `regex` reads as `\\s`, `REGEX_SPACE`) where the
    first match of `\\s*[|｜][|｜\\s]*$` cut it, then `_LEAD_PIPE`; `_empty_cell_line` (three `in`
    tests first) is `_EMPTY_CELL_LINE.fullmatch`; `_cell_pipe` (`str` methods) matches the lines
    the greedy pattern and the lazy form matched, `_pipes_only` and `_one_pipe` those their
    patterns did (a line alone and inside a text, by offsets)."""
    import regex

    from nlp.segment.blocks import (
        _EMPTY_CELL_LINE,
        _LEAD_PIPE,
        _cell_pipe,
        _cell_text,
        _empty_cell_line,
        _one_pipe,
        _pipes_only,
    )

    cell_pipe = regex.compile(r"\s*[^|｜\s][^|｜]*[|｜][|｜\s]*")
    pipes_only = regex.compile(r"\s*[|｜][|｜\s]*")
    one_pipe = regex.compile(r"\s*[|｜]\s*")

    trailing = regex.compile(r"\s*[|｜][|｜\s]*$")
    lazy = regex.compile(r"\s*[^|｜\s][^|｜]*?\s*[|｜][|｜\s]*")

    def by_patterns(s: str) -> tuple[int, int]:
        if "|" not in s and "｜" not in s:
            return len(s) - len(s.lstrip()), len(s.rstrip())
        m = trailing.search(s)
        if m is not None and m.start() > 0:
            s = s[:m.start()]
        lead = _LEAD_PIPE.match(s)
        return (lead.end() if lead else len(s) - len(s.lstrip())), len(s.rstrip())

    piped = 0
    for line in [*_corpus_lines(), *_PIPE_EDGES]:
        assert _cell_text("xy" + line, 2, 2 + len(line)) == tuple(2 + k for k in by_patterns(line))
        assert _empty_cell_line(line) == (_EMPTY_CELL_LINE.fullmatch(line) is not None), line
        assert (cell_pipe.fullmatch(line) is None) == (lazy.fullmatch(line) is None), line
        for shortcut, rx in ((_cell_pipe, cell_pipe), (_pipes_only, pipes_only), (_one_pipe, one_pipe)):
            assert shortcut(line) == (rx.fullmatch(line) is not None), (shortcut, line)
            inside = "x|" + line + "|y"
            assert shortcut(inside, 2, 2 + len(line)) == (
                rx.fullmatch(inside, 2, 2 + len(line)) is not None), (shortcut, line)
        piped += "|" in line
    assert piped > 1000


def test_a_line_of_pipes_alone_is_no_row():
    """`_raw_cells` turns down a line of pipes and white space before cutting it: every cell of
    it is blank, and `_trimmed` drops blank cells after the last one that holds something, so
    the row reader and `_split` found no row on it (the lines of every corpus text, edge
    cases)."""
    import regex

    from nlp.segment.blocks import _raw_cells, _RawCells, _split, _trimmed

    pipe = regex.compile(r"[|｜]")
    lines = [ln for ln in [*_corpus_lines(), *_PIPE_EDGES, "|" * 1000, " |\x1c| "]
             if pipe.search(ln) and "\t" not in ln and not pipe.sub("", ln).strip()]
    assert any(len(ln) >= 1000 for ln in lines)
    for line in lines:
        parts = pipe.split(line.rstrip("\r"))
        assert not any(p.strip() for p in parts)
        assert _trimmed(_RawCells("pipe", line, [(0, 0)] * len(parts)), blanks=False) is None
        assert _raw_cells(line, 0) is None and _split(line, 0) is None


def test_report_heading_gate_turns_down_only_lines_the_pattern_turns_down():
    """`_is_report_heading` turns a line without 、, ． or . down before `_HEADING_NUMBER`: every
    match of the pattern holds one of them (its required strings are exactly these), and on
    every corpus line and on edge cases the answer is the one the pattern gives."""
    from nlp.scan import required_literals
    from nlp.segment.blocks import _HEADING_NUMBER, _deps, _is_report_heading

    assert set(required_literals(_HEADING_NUMBER)) == {"、", "．", "."}

    def plain(line: str) -> bool:
        m = _HEADING_NUMBER.match(line)
        return bool(m) and bool(_deps().classify_title(line[m.end():].rstrip("* "), level1_only=True))

    gated = 0
    for line in [*_corpus_lines(), "三、收到和处理政府信息公开申请情况", "## 三．行政复议", "**三.其他**",
                 "一、本年新收政府信息公开申请数量", "三收到和处理政府信息公开申请情况"]:
        assert _is_report_heading(line) == plain(line), line
        gated += "、" not in line and "．" not in line and "." not in line
    assert gated > 10000


def test_cells_on_lines_is_the_chained_generators_reading():
    """`_cells_on_lines` (one loop) answers as the chained generators it replaced, at every line
    of every corpus text and of made-up streams of cells."""
    from itertools import chain, islice

    from nlp.segment.blocks import (
        _cell_text,
        _cells_on_lines,
        _empty_cell_line,
        _value_or_blank,
        cell_sized,
        line_spans,
    )

    def plain(text: str, lines: list[tuple[int, int]], i: int) -> bool:
        cells = (text[s:e] for s, e in (_cell_text(text, a, b) for a, b in lines[i + 1:i + 40]) if e > s)
        following = (c for c in cells if not _empty_cell_line(c))
        first = list(islice(following, 6))
        if len(first) < 6 or not all(cell_sized(x) for x in first):
            return False
        values = (x for x in chain(first, islice(following, 18)) if _value_or_blank(x))
        return next(islice(values, 2, None), None) is not None

    made = ["规章\n0\n0\n0\n规范性文件\n1\n2\n3", "a\nb\nc\nd\ne\nf\n1\n2\n3", "a\nb\nc\nd\ne\nf\n" + "g\n" * 18 + "1\n2\n3",
            "1\n2\n\u3000\n3\n|\n4\n5\n6", "x" * 50 + "\n1\n2\n3\n4\n5\n6\n7", "1\n2\n3\n4\n5\n" + "x" * 50 + "\n6",
            "\n".join(["/"] * 30), "\n".join(["0 |"] * 8)]
    answers = set()
    for text in [doc.text for doc in _corpus_docs()] + ["head\n" + m for m in made]:
        lines = line_spans(text)[0]
        for i in range(len(lines)):
            got = _cells_on_lines(text, lines, i)
            assert got == plain(text, lines, i), (text[lines[i][0]:lines[i][1]], i)
            answers.add(got)
    assert answers == {True, False}
