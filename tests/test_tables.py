"""Statistics tables → Cell records (nlp/tables/): labels, values, every layout.

Markup tables are rebuilt as HTML strings (and DOCX in tmp_path) for the layouts the corpus
lacks; `html_tables` below turns an HTML string into `Table`s the way a reader does (each
physical cell once, with rowspan/colspan) so the mapping is tested without the readers.
End-to-end tests through `nlp.ingest.read` skip while the readers are missing.
"""

import importlib.util
import json
import re
from pathlib import Path

import pytest

from nlp.ingest import read
from nlp.records import Document, Report, Table, TableCell
from nlp.segment.blocks import find_text_tables
from nlp.tables import format_tables, table_cells
from nlp.tables.labels import label_key, table_labels
from nlp.tables.values import parse_value

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
SEED = CORPORA / "seeds" / "000_65d192663e1ca53a.txt"


def html_tables(src: str) -> list[Table]:
    from lxml import html as lh

    out = []
    for ti, tb in enumerate(lh.fromstring(src).iter("table")):
        cells, taken, r = [], set(), 0
        for tr in tb.iter("tr"):
            c = 0
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                while (r, c) in taken:
                    c += 1
                rs, cs = int(td.get("rowspan") or 1), int(td.get("colspan") or 1)
                text = re.sub(r"\s+", " ", td.text_content()).strip()
                cells.append(TableCell(row=r, col=c, text=text, rowspan=rs, colspan=cs))
                taken.update((i, k) for i in range(r, r + rs) for k in range(c, c + cs))
                c += cs
            r += 1
        out.append(Table(index=ti, start=0, end=0, cells=cells, source="html"))
    return out


def cells_of(src: str, template: str | None = None):
    doc = Document(doc_id="t", path=None, format="html", text="", tables=html_tables(src),
                   template=template)
    return table_cells(doc)


def by_id(cells):
    return {c.indicator: c for c in cells if c.indicator}


def _rows(*rows):
    return "".join("<tr>" + "".join(r) + "</tr>" for r in rows)


def _td(text, rs=1, cs=1):
    return f'<td rowspan="{rs}" colspan="{cs}">{text}</td>'


# --------------------------------------------------------------------------- labels and values
@pytest.mark.parametrize("printed, key", [tuple(x) for x in table_labels()["examples"]["keys"]])
def test_label_key_examples_of_the_data_file(printed, key):
    assert label_key(printed) == key


@pytest.mark.parametrize("raw, value, unit", [
    ("17", 17, None), ("0", 0, None), ("", None, None), ("/", None, None), ("-", None, None),
    ("—", None, None), ("无", None, None), ("+2", 2, None), ("-1", -1, None),
    ("251000元", 251000, "元"), ("160.5964万元", 160.5964, "万元"), ("3*", 3, None),
    ("5①", 5, None), ("1,234", 1234, None), ("５９４９.０８８６６７", 5949.088667, None),
    # 本年增/减 in words (held-out 58, cq_rongchang_linye_2019: 增1423, 增52)
    ("增1423", 1423, None), ("减3", -3, None), ("增加 2", 2, None), ("新增5", 5, None),
    ("减少1项", -1, "项"),
    ("_", None, None), ("＿", None, None),  # _ as a blank (held-out 76, 龙华)
    ("1/0", 1, None), ("0/0", 0, None), ("3/1", 2, None),  # 本年增/减 as 增 over 减 (held-out 97, 大余)
])
def test_parse_value(raw, value, unit):
    v = parse_value(raw)
    assert v is not None and v.value == value and v.unit == unit


@pytest.mark.parametrize("raw", ["商业企业", "2018年度", "第二十条第（一）项", "本年增/减", "增长", "减少", "2019/2020"])
def test_parse_value_rejects_labels(raw):
    assert parse_value(raw) is None


# --------------------------------------------------------------------------- pre2019
def test_seed_table_maps_every_gold_cell():
    doc = read(SEED)
    doc.tables = find_text_tables(doc)
    cells = table_cells(doc)
    gold = json.loads((CORPORA / "gold" / "seed.gold.json").read_text("utf-8"))["cells"]
    got = {c.indicator: c.value for c in cells if c.indicator}
    assert {g["indicator"]: g["value"] for g in gold} == got
    for c in cells:
        assert c.table == "pre2019"
        assert doc.text[c.start:c.end] == c.raw
    c = by_id(cells)["meetings.trainees"]
    assert (c.value, c.unit, c.row_label, c.col_label) == (60, "人次", "（三）接受培训人员数", "统计数")
    assert by_id(cells)["fees.total"].unit == "万元"


PRE2019_HTML = "<table>" + _rows(
    [_td("统计指标"), _td("单位"), _td("统计数")],
    [_td("一、主动公开情况"), _td(""), _td("")],
    [_td("(一)主动公開政府信息數(不同渠道和方式公开相同信息计1条)"), _td("条"), _td("120")],
    [_td("其中:主动公开规范性文件数"), _td("条"), _td("8")],
    [_td("四、行政复议数量"), _td("件"), _td("3")],
    [_td("（一）维持具体行政行为数"), _td("件"), _td("2")],
    [_td("被依法纠错数"), _td("件"), _td("1")],  # numbering dropped
    [_td("（三）其他情形数"), _td("件"), _td("/")],
    [_td("五、行政诉讼数量"), _td("件"), _td("4")],
    [_td("（一）维持具体行政行为或者驳回原告诉讼请求数"), _td("件"), _td("4")],
    [_td("六、被举报投诉数量"), _td("件"), _td("6")],
    [_td("（一）维持具体行政行为数"), _td("件"), _td("5")],
    [_td("（二）被纠错数"), _td("件"), _td("1")],
    [_td("十、设置政府信息查阅点数"), _td("个"), _td("9")],
    [_td("（一）区县政府及其部门"), _td("个"), _td("7")],
    [_td("十一、查阅点接待人数"), _td("次"), _td("30")],
    [_td("（一）区县政府及其部门"), _td("次"), _td("20")],
    [_td("十二、依申请公开信息收取的费用"), _td("万元"), _td("0.5")],
    [_td("本单位自定义的其他事项"), _td("项"), _td("2")],
) + "</table>"


@pytest.mark.parametrize("indicator, value", [
    ("active.total", 120), ("active.normative_docs", 8), ("review.total", 3),
    ("review.upheld", 2), ("review.corrected", 1), ("review.other", None),
    ("litigation.upheld", 4), ("complaints.upheld", 5), ("complaints.corrected", 1),
    ("reading_points.county", 7), ("reading_points.visitors.county", 20), ("fees.total", 0.5),
])
def test_pre2019_html_maps_by_position_in_the_hierarchy(indicator, value):
    cells = by_id(cells_of(PRE2019_HTML))
    assert cells[indicator].value == value
    assert cells[indicator].table == "pre2019"


def test_pre2019_extra_rows_keep_their_label_without_id():
    cells = cells_of(PRE2019_HTML)
    extra = [c for c in cells if c.indicator is None]
    assert [(c.row_label, c.value) for c in extra] == [("本单位自定义的其他事项", 2)]
    assert by_id(cells)["review.other"].raw == "/"


# --------------------------------------------------------------------------- 2019 format 二/三/四
T2_2019_HTML = "<table>" + _rows(
    [_td("第二十条第(一)项", cs=4)],
    [_td("信息内容"), _td("本年新 制作数量"), _td("本年新 公开数量"), _td("对外公开 总数量")],
    [_td("规章"), _td("0"), _td("0"), _td("3")],
    [_td("规范性文件"), _td("5"), _td("5"), _td("41")],
    [_td("第二十条第(五)项", cs=4)],
    [_td("信息内容"), _td("上一年项目数量"), _td("本年增/减"), _td("处理决定数量")],
    [_td("行政许可"), _td("36"), _td("+2"), _td("1200")],
    [_td("其他对外管理服务事项"), _td("10"), _td("-1"), _td("")],
    [_td("第二十条第(八)项", cs=4)],
    [_td("信息内容"), _td("上一年项目数量"), _td("本年增/减", cs=2)],
    [_td("行政事业性收费"), _td("4"), _td("0", cs=2)],
    [_td("第二十条第(九)项", cs=4)],
    [_td("信息内容"), _td("采购项目数量"), _td("采购总金额", cs=2)],
    [_td("政府集中采购"), _td("3"), _td("251000元", cs=2)],
) + "</table>"


@pytest.mark.parametrize("indicator, value, unit", [
    ("t2.rules.total_public", 3, "件"), ("t2.normative.new_made", 5, "件"),
    ("t2.licensing.delta", 2, "项"), ("t2.other_services.delta", -1, "项"),
    ("t2.other_services.decisions", None, "件"), ("t2.fees.delta", 0, "项"),
    ("t2.procurement.items", 3, "项"), ("t2.procurement.amount", 251000, "元"),
])
def test_t2_2019_blocks_use_their_own_headers(indicator, value, unit):
    cells = by_id(cells_of(T2_2019_HTML))
    assert (cells[indicator].value, cells[indicator].unit, cells[indicator].table) == (value, unit, "二")


def test_t2_2019_every_number_has_an_id():
    cells = cells_of(T2_2019_HTML)
    assert len(cells) == 16 and all(c.indicator for c in cells)


T3_ROWS_2019 = [
    ("（一）予以公开", "granted"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"),
]
T3_DENIED = ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
             "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"]
T3_UNABLE = ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]
T3_NOT_PROCESSED = ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
                    "要求行政机关确认或重新出具已获取信息"]


def _t3_html(values_of, sub_other=False):
    """Table 三 as published (merged headers, 商业 企业 split); `values_of(n)` gives the 7
    cells of data row n."""
    n_result = 20 + (2 if sub_other else 0)
    head = _rows(
        [_td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3),
         _td("申请人情况", cs=7)],
        [_td("自然人", rs=2), _td("法人或其他组织", cs=5), _td("总计", rs=2)],
        [_td("商业<br/>企业"), _td("科研 机构"), _td("社会公益组织"), _td("法律服务机构"), _td("其他")],
    )
    rows = []
    n = 0

    def vals():
        nonlocal n
        n += 1
        return [_td(v) for v in values_of(n - 1)]

    rows.append([_td("一、本年新收政府信息公开申请数量", cs=3), *vals()])
    rows.append([_td("二、上年结转政府信息公开申请数量", cs=3), *vals()])
    rows.append([_td("三、本年度办理结果", rs=n_result), _td("（一）予以公开", cs=2), *vals()])
    rows.append([_td(T3_ROWS_2019[1][0], cs=2), *vals()])
    for k, lab in enumerate(T3_DENIED):
        rows.append(([_td("（三）不予公开", rs=8)] if k == 0 else []) + [_td(f"{k + 1}.{lab}"), *vals()])
    for k, lab in enumerate(T3_UNABLE):
        rows.append(([_td("（四）无法提供", rs=3)] if k == 0 else []) + [_td(f"{k + 1}.{lab}"), *vals()])
    for k, lab in enumerate(T3_NOT_PROCESSED):
        rows.append(([_td("（五）不予处理", rs=5)] if k == 0 else []) + [_td(f"{k + 1}.{lab}"), *vals()])
    if sub_other:
        subs = ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"]
        for k, lab in enumerate(subs):
            rows.append(([_td("（六）其他处理", rs=3)] if k == 0 else []) + [_td(f"{k + 1}.{lab}"), *vals()])
    else:
        rows.append([_td("（六）其他处理", cs=2), *vals()])
    rows.append([_td("（七）总计", cs=2), *vals()])
    rows.append([_td("四、结转下年度继续办理", cs=3), *vals()])
    return "<table>" + head + _rows(*rows) + "</table>"


def _grid_values(n):
    # a distinct number per cell (row n, column k) so a misplaced number shows
    return [str(100 * n + k) for k in range(7)]


@pytest.mark.parametrize("sub_other, n_rows", [(False, 23), (True, 25)])
def test_t3_every_cell_maps_by_row_and_column(sub_other, n_rows):
    cells = cells_of(_t3_html(_grid_values, sub_other))
    assert len(cells) == n_rows * 7
    assert all(c.indicator and c.table == "三" for c in cells)
    ids = by_id(cells)
    assert ids["t3.new.natural"].value == 0
    assert ids["t3.new.total"].value == 6
    assert ids["t3.carried_over.commercial"].value == 101
    assert ids["t3.result.denied.state_secret.research"].value == 402
    assert ids["t3.result.not_processed.confirm.other_org"].value == 1905
    assert ids["t3.carried_forward.total"].value == 100 * (n_rows - 1) + 6
    if sub_other:
        assert ids["t3.result.other.other.nonprofit"].value == 2203
        assert "t3.result.other.natural" not in ids
    else:
        assert ids["t3.result.other.legal_services"].value == 2004
    c = ids["t3.result.partial.commercial"]
    assert c.col_label == "申请人情况 / 法人或其他组织 / 商业企业"
    assert c.row_label.startswith("三、本年度办理结果 / （二）部分公开")


T4_HTML = "<table>" + _rows(
    [_td("行政复议", rs=2, cs=5), _td("行政诉讼", cs=10)],
    [_td("未经复议直接起诉", cs=5), _td("复议后起诉", cs=5)],
    [_td(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3],
    [_td(x) for x in ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]],
) + "</table>"


def test_t4_fifteen_cells_under_two_header_levels():
    cells = cells_of(T4_HTML)
    assert len(cells) == 15 and all(c.table == "四" for c in cells)
    ids = by_id(cells)
    assert ids["t4.review.upheld"].value == 5
    assert ids["t4.review.corrected"].value is None
    assert ids["t4.review.total"].value == 7
    assert ids["t4.litigation_direct.upheld"].value == 8
    assert ids["t4.litigation_direct.total"].value == 9
    assert ids["t4.litigation_after_review.total"].value is None


# --------------------------------------------------------------------------- local (2009 style)
LOCAL_HTML = "<table>" + _rows(
    [_td("指标名称"), _td("计量单位"), _td("2009年度"), _td("历年累计")],
    [_td("主动公开信息数"), _td("条"), _td("425"), _td("1516")],
    [_td("其中:1.政府网站"), _td("条"), _td("300"), _td("1100")],
    [_td("全文电子化的主动公开信息数"), _td("条"), _td("400"), _td("1400")],
    [_td("受理依申请公开信息总数"), _td("条"), _td("3"), _td("9")],
    [_td("1.当面申请数"), _td("条"), _td("1"), _td("4")],
    [_td("行政复议数"), _td("件"), _td("0"), _td("0")],
) + "</table>"


def test_local_table_maps_current_period_and_keeps_other_rows():
    cells = cells_of(LOCAL_HTML)
    assert {c.table for c in cells} == {"local"}
    ids = by_id(cells)
    assert ids["active.total"].value == 425
    assert ids["active.channel.website"].value == 300
    assert ids["requests.received"].value == 3
    assert ids["requests.received.in_person"].value == 1
    assert ids["review.total"].value == 0
    kept = [(c.row_label, c.col_label, c.value) for c in cells if c.indicator is None]
    assert ("全文电子化的主动公开信息数", "2009年度", 400) in kept
    assert ("主动公开信息数", "历年累计", 1516) in kept  # cumulative column: no id


@pytest.mark.parametrize("label", ["受理政府信息公开申请总数", "受理政府信息公开申请数", "政府信息公开申请总数"])
def test_local_table_request_total_wordings(label):
    # held-out 113 (fj_pingtan_gaj_2018): 受理政府信息公开申请总数 | 条 | 1
    html = LOCAL_HTML.replace("受理依申请公开信息总数", label)
    assert by_id(cells_of(html))["requests.received"].value == 3


# --------------------------------------------------------------------------- the real 2023 report
HTML_2023 = CORPORA / "more" / "fj_pingtan_2023_article.html"


def test_real_2021_format_html_tables_map_completely():
    cells = cells_of(HTML_2023.read_text("utf-8"))
    kinds = [c.table for c in cells]
    assert (kinds.count("二"), kinds.count("三"), kinds.count("四")) == (10, 175, 15)
    assert all(c.indicator for c in cells)
    ids = by_id(cells)
    assert ids["t2.normative.in_force"].value == 470
    assert (ids["t2.fees.amount"].value, ids["t2.fees.amount"].unit) == (5949.088667, "万元")
    assert ids["t3.new.total"].value == 81
    assert ids["t3.result.unable.not_held.natural"].value == 31
    assert ids["t3.result.other.no_correction.total"].value == 1
    assert ids["t4.litigation_direct.total"].value == 5
    assert ids["t4.litigation_after_review.other"].value == 1


def test_text_pipe_table_three_rebuilds_merged_headers():
    doc = read(CORPORA / "excerpts" / "hb_chibi_pufang_2020.txt")
    doc.tables = find_text_tables(doc)
    ids = by_id(table_cells(doc))
    assert ids["t2.normative.new_made"].value == 33
    assert ids["t2.normative.new_published"].value == 8
    assert ids["t3.new.other_org"].col_label == "申请人情况 / 法人或其他组织 / 其 他"
    assert ids["t3.carried_over.total"].value == 0
    # the excerpt stops inside 予以公开 (3 of 7 numbers): the text ends there, so they are the
    # first three columns; the four cut off get no cell
    assert [ids[f"t3.result.granted.{k}"].value for k in ("natural", "commercial", "research")] \
        == [0, 0, 0]
    assert "t3.result.granted.nonprofit" not in ids and "t3.result.granted.total" not in ids


def test_format_tables_returns_rows_per_table():
    doc = read(SEED)
    doc.tables = find_text_tables(doc)
    report = Report(document=doc, cells=table_cells(doc))
    out = format_tables(report)
    assert len(out) == 1 and out[0]["table"] == "pre2019"
    assert out[0]["caption"].endswith("统计表")
    assert out[0]["rows"][0][:5] == ["cell-0-2-2", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
                                     "统计数", "active.total", "17"]


# --------------------------------------------------------------------------- end to end (readers)
def _has(mod: str) -> bool:
    try:
        return importlib.util.find_spec(mod) is not None
    except ModuleNotFoundError:
        return False


@pytest.mark.parametrize("path, reader", [
    (CORPORA / "converted" / "fj_pingtan_2023.pdf", "nlp.ingest.pdf"),
    (CORPORA / "converted" / "fj_pingtan_2023.docx", "nlp.ingest.docx"),
    (HTML_2023, "nlp.ingest.html"),
])
def test_end_to_end_2023_tables(path, reader):
    if not _has(reader):
        pytest.skip(f"{reader} not written yet")
    from nlp.pipeline import run

    report = run(read(path))
    kinds = [c.table for c in report.cells if c.indicator]
    assert (kinds.count("二"), kinds.count("三"), kinds.count("四")) == (10, 175, 15)
    ids = by_id(report.cells)
    assert ids["t3.result.total.total"].value == 81
    assert ids["t4.review.total"].value == 2
    for c in report.cells:
        if c.start >= 0:
            assert report.document.text[c.start:c.end].strip() == c.raw.strip()


def test_end_to_end_docx_rebuilt_2019_table_three(tmp_path):
    if not _has("nlp.ingest.docx"):
        pytest.skip("nlp.ingest.docx not written yet")
    import docx

    d = docx.Document()
    t = d.add_table(rows=4, cols=9)
    t.cell(0, 0).merge(t.cell(2, 1)).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    t.cell(0, 2).merge(t.cell(0, 8)).text = "申请人情况"
    t.cell(1, 2).merge(t.cell(2, 2)).text = "自然人"
    t.cell(1, 3).merge(t.cell(1, 7)).text = "法人或其他组织"
    t.cell(1, 8).merge(t.cell(2, 8)).text = "总计"
    for k, lab in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        t.cell(2, 3 + k).text = lab
    t.cell(3, 0).merge(t.cell(3, 1)).text = "一、本年新收政府信息公开申请数量"
    for k, v in enumerate(["3", "1", "0", "0", "0", "1", "5"]):
        t.cell(3, 2 + k).text = v
    path = tmp_path / "t3.docx"
    d.save(path)
    from nlp.pipeline import run

    ids = by_id(run(read(path)).cells)
    assert ids["t3.new.natural"].value == 3
    assert ids["t3.new.other_org"].value == 1
    assert ids["t3.new.total"].value == 5


# --------------------------------------------------------------------------- garbled labels
_DENIED = "三、本年度办理结果", "（三）不予公开"


def _denied_rows(*labels: str):
    from nlp.tables.layout import LogicalRow

    return [LogicalRow(row=k, labels=(*_DENIED, lab)) for k, lab in enumerate(labels)]


@pytest.mark.parametrize("labels, k, expected", [
    # the typo of ha_hongze_2024.pdf: item 2 of （三）不予公开, between items 1 and 3
    (["1.属于国家秘密", "2.其他法律行政止公开", "3.危及“三安全一稳定”"], 1,
     "result.denied.prohibited"),
    # counter-examples: a label unlike the slot's, a slot already taken, a number out of place
    (["1.属于国家秘密", "2.本年度新增事项", "3.危及“三安全一稳定”"], 1, None),
    (["1.属于国家秘密", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开"], 2, None),
    (["1.属于国家秘密", "5.其他法律行政止公开", "3.危及“三安全一稳定”"], 1, None),
])
def test_garbled_row_label_takes_its_numbered_slot(labels, k, expected):
    from nlp.tables.mapping import t3_row_names

    names, notes = t3_row_names(_denied_rows(*labels))
    assert names[k] == expected
    assert (k in notes) == (expected is not None)


@pytest.mark.skipif(importlib.util.find_spec("pdfplumber") is None, reason="pdfplumber missing")
def test_hongze_pdf_typo_row_is_placed_by_its_item_number():
    from nlp.segment import segment

    doc = segment(read(CORPORA / "full" / "ha_hongze_2024.pdf"))
    by = {c.indicator: c for c in table_cells(doc) if c.indicator}
    cell = by["t3.result.denied.prohibited.total"]
    assert cell.value == 0 and "其他法律行政止公开" in cell.row_label
    assert "item 2 of 不予公开" in cell.note
    # its 2021-format table prints （六）其他处理 as one row: kept under the 2019 single-row id
    assert "t3.result.other.total" in by and "t3.result.other.no_fee.total" not in by


# --- columns by position where a converter lost the header (tables 三 and 四) ------------------
# PDF → Markdown converters and web excerpts drop, garble or replace (数据1 … 数据6) the column
# header. A row then takes the template's columns by position only when it holds exactly the
# template's numbers and every 总计 is the sum of the numbers before it.

def _md_cells(text: str):
    doc = Document(doc_id="t", path=None, format="text", text=text)
    doc.tables = find_text_tables(doc)
    return by_id(table_cells(doc))


_PLACEHOLDER = ("### 一、本年新收政府信息公开申请数量\n"
                "| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
                "|---|---|---|---|---|---|---|---|\n"
                "| 本年新收政府信息公开申请数量 | {} |\n\n")


def test_placeholder_header_takes_table_three_columns_by_position():
    ids = _md_cells(_PLACEHOLDER.format("705 | 3 | 0 | 0 | 5 | 0 | 713"))
    assert [ids[f"t3.new.{c}"].value for c in table_labels()["t3"]["cols"]] == \
        [705, 3, 0, 0, 5, 0, 713]
    assert "by position" in ids["t3.new.natural"].note
    assert ids["t3.new.natural"].col_label == "数据1"  # the printed header stays


@pytest.mark.parametrize("row", [
    "705 | 3 | 0 | 0 | 5 | 0 | 714",  # 总计 is not the sum: the places are not proven
    "705 | 3 | 0 | 0 | 5 | 713",  # six numbers for seven columns
    "705 | 3 | 0 | 0 | 5 | 0 | 713 | 9",  # eight numbers
    "705 | 3 | 0 | 无 | 5 | 0 | 713",  # a blank inside the row
])
def test_placeholder_header_without_proof_leaves_the_row_unmapped(row):
    ids = _md_cells(_PLACEHOLDER.format(row))
    assert not [k for k in ids if k.startswith("t3.new.") and k != "t3.new.total"]


def test_a_header_naming_another_column_forbids_position():
    text = _PLACEHOLDER.replace("数据1", "商业企业").format("705 | 3 | 0 | 0 | 5 | 0 | 713")
    ids = _md_cells(text)
    assert "t3.new.natural" not in ids and ids["t3.new.commercial"].value == 705


_T4_ONE_ROW = ("四、政府信息公开行政复议、行政诉讼情况\n"
               "| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |\n|---|---|---|---|---|---|\n"
               "| {} |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")


def test_table_four_in_one_row_under_a_garbled_header():
    # sh_shanghai_office_2025_pdf2md: six header words over fifteen numbers
    ids = _md_cells(_T4_ONE_ROW.format(
        "40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 12 | 6 | 0 | 9 | 7 | 22"))
    got = {k: c.value for k, c in ids.items() if k.startswith("t4.")}
    assert got["t4.review.upheld"] == 40 and got["t4.review.total"] == 55
    assert got["t4.litigation_direct.pending"] == 6
    assert got["t4.litigation_after_review.total"] == 22
    assert len(got) == 15


def test_table_four_one_row_with_a_wrong_block_sum_is_not_placed():
    ids = _md_cells(_T4_ONE_ROW.format(
        "40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 13 | 6 | 0 | 9 | 7 | 22"))
    assert not [k for k in ids if k.startswith("t4.")]


def test_table_four_split_into_blocks_under_headings():
    # js_shuyang_2025_pdf2md: one small table per block, the block named by the heading
    head = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n"
    text = ("### 行政复议\n" + head + "| 27 | 10 | 9 | 15 | 61 |\n\n"
            "### 行政诉讼（未经复议直接起诉）\n" + head + "| 3 | 0 | 0 | 0 | 3 |\n\n"
            "### 行政诉讼（复议后起诉）\n" + head + "| 8 | 0 | 1 | 1 | 10 |\n\n")
    ids = _md_cells(text)
    assert ids["t4.review.total"].value == 61 and ids["t4.review.corrected"].value == 10
    assert ids["t4.litigation_direct.upheld"].value == 3
    assert ids["t4.litigation_after_review.pending"].value == 1


@pytest.mark.parametrize("name", ["heldout/js_shuyang_2025_pdf2md",
                                  "heldout3/sh_kewei_2024_pdf2md",
                                  "heldout4/sh_shanghai_office_2025_pdf2md"])
def test_converter_damaged_reports_place_no_cell_wrongly(name):
    """The three PDF → Markdown reports of the held-out sets: every cell placed by position is
    the gold's value, and table 三's identities hold on what was placed."""
    from nlp.evaluate import evaluate

    gold_dir = CORPORA / "gold" / name.split("/")[0]
    result = evaluate(gold_dir)
    doc = next(d for d in result.documents if name in d.doc_path)
    assert not [m for m in doc.misses if m.what == "cell" and m.predicted]
    assert doc.cells.accuracy >= 0.95
    import nlp

    report = nlp.extract(CORPORA / f"{name}.txt")
    placed = [c for c in report.cells if "by position" in c.note or "by its position" in c.note]
    assert len(placed) >= 50
    t3_checks = [c for c in report.checks if c.check.startswith("t3.")]
    assert t3_checks and all(c.status != "fail" for c in t3_checks)


@pytest.mark.parametrize("seq, template, expected", [
    # a row between 予以公开 and 1.属于国家秘密: 部分公开
    (["new", "carried_over", "result.granted", None, "result.denied.state_secret"], "2021",
     {3: "result.partial"}),
    # three rows between 4.无正当理由… and 3.其他: 5.要求…确认, then 其他处理 1 and 2 (2021)
    (["result.not_processed.mass_repeat", None, None, None, "result.other.other"], "2021",
     {1: "result.not_processed.confirm", 2: "result.other.no_correction",
      3: "result.other.no_fee"}),
    # one row where two are missing: no position is proven
    (["result.not_processed.mass_repeat", None, "result.other.other"], "2021", {}),
    # labelled rows out of print order: positions say nothing
    (["result.denied.state_secret", None, "result.granted"], "2021", {}),
    # no row before the first or after the last label is placed
    ([None, "new", "carried_over", None], "2021", {}),
])
def test_t3_gap_rows(seq, template, expected):
    from nlp.tables.mapping import t3_gap_rows

    assert t3_gap_rows(seq, template) == expected


_T3_LOOSE = """三、收到和处理政府信息公开申请情况
| 一、本年新收政府信息公开申请数量 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |
|---|---|---|---|---|---|---|---|
| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| （一）予以公开 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |

（二）部分公开（区分处理的，只计这一情
形，不计其他情形）
| 2 | 0 | 0 | 0 | 0 | 0 | 2 |
|---|---|---|---|---|---|---|
| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|---|
| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 1.本机关不掌握相关政府信息 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
| 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| （七）总计 | {total} |
| 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
"""


def test_t3_row_cut_from_its_label_is_placed_when_the_sums_hold():
    # sh_shanghai_office_2025_pdf2md: the label of 部分公开 is a loose line, its numbers a row
    ids = _md_cells(_T3_LOOSE.format(total="20 | 1 | 0 | 0 | 0 | 0 | 21"))
    assert ids["t3.result.partial.natural"].value == 2
    assert ids["t3.result.partial.total"].value == 2
    assert "by its position" in ids["t3.result.partial.natural"].note


def test_t3_row_cut_from_its_label_stays_unplaced_when_the_sums_fail():
    # 总计 one short in 自然人: the row's place is not proven
    ids = _md_cells(_T3_LOOSE.format(total="19 | 1 | 0 | 0 | 0 | 0 | 20"))
    assert "t3.result.partial.natural" not in ids
    assert ids["t3.result.granted.natural"].value == 10  # the labelled rows stay


def test_a_header_word_with_one_misprinted_character_still_names_its_column():
    # held-out 47, fj_pingtan_gongan_2021: 本年废纸件数 (a homophone of 本年废止件数) in a
    # flattened table 二; held-out 22, yn_suijiang_huiyi_2021: 行政事业型收费
    import nlp

    text = ("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废纸件数现行有效件数规章000"
            "行政规范性文件002第二十条第（五）项信息内容本年处理决定数量行政许可0")
    cells = {c.indicator: c.value for c in nlp.extract_text(text).cells if c.indicator}
    assert cells["t2.normative.repealed"] == 0 and cells["t2.normative.in_force"] == 2
    assert cells["t2.rules.issued"] == 0


def test_one_misprinted_character_counts_only_in_long_labels():
    from nlp.tables.labels import similarity

    assert similarity("本年废纸件数", "本年废止件数") >= 0.86
    assert similarity("历年累计", "本年累计") < 0.86  # four characters: a different column


def _with_tables_as_text(gold_rel: str, render) -> tuple[list, dict]:
    """(the gold cells, {indicator: value} read back) of a gold report whose markup tables are
    written into its text by `render(table)`, as a copy into plain text leaves them."""
    from nlp.gold import load_gold
    from nlp.pipeline import extract_text

    gold = load_gold(CORPORA / "gold" / gold_rel)
    doc = read(gold.doc_path)
    out, pos = [], 0
    for t in sorted((t for t in doc.tables if t.source != "text"), key=lambda t: t.start):
        out += [doc.text[pos:t.start], "\n", render(t), "\n"]
        pos = t.end
    out.append(doc.text[pos:])
    cells = {c.indicator: c.value for c in extract_text("".join(out)).cells if c.indicator}
    return gold.cells, cells


def _tab_rows(t) -> str:
    """A spreadsheet's copy: a row a line, cells between tabs, a merged cell once, blanks where
    it spreads."""
    grid = [[""] * t.n_cols for _ in range(t.n_rows)]
    for c in t.cells:
        grid[c.row][c.col] = " ".join(c.text.split())
    return "\n".join("\t".join(r) for r in grid)


def _cell_lines(t) -> str:
    """A page's or a PDF viewer's copy: one cell a line, blanks left out."""
    cells = sorted(t.cells, key=lambda c: (c.row, c.col))
    return "\n".join(" ".join(c.text.split()) for c in cells if c.text.strip())


@pytest.mark.parametrize("gold_rel", [
    "heldout/sh_shanghai_office_2019.gold.json",  # blanks for zeros, merged labels and headers
    "heldout2/js_shuyang_fgj_2023.gold.json",
    "heldout126/fj_pingtan_gyz_2019.gold.json",
])
def test_html_tables_copied_as_tab_text_with_their_blanks(gold_rel):
    """A report's tables copied from a spreadsheet or a word processor into plain text: a row a
    line, cells between tabs, a merged cell printed once and blank where it spreads. Every
    number of the HTML report's gold is read the same (blanks in the last column, whose tab
    a copy drops, may go missing)."""
    gold, cells = _with_tables_as_text(gold_rel, _tab_rows)
    numbers = [g for g in gold if g.value is not None]
    assert len(numbers) > 40
    assert [g.indicator for g in numbers if cells.get(g.indicator) != g.value] == []


@pytest.mark.parametrize("gold_rel", [
    "heldout126/fj_pingtan_gyz_2019.gold.json",
    "heldout118/fj_pingtan_czj_2024.gold.json",
])
def test_html_tables_copied_one_cell_a_line(gold_rel):
    """The same reports' tables copied from a page or a PDF viewer one cell a line, no
    separators (their cells all print a number, so nothing is lost): every gold cell is read,
    table 四 too, whose 19 header words stand before its 15 numbers."""
    gold, cells = _with_tables_as_text(gold_rel, _cell_lines)
    assert any(g.indicator.startswith("t4.") for g in gold)
    assert [g.indicator for g in gold if cells.get(g.indicator) != g.value] == []


def _corpus_grids() -> list[tuple[Table, list[list[int | None]]]]:
    out = []
    for path in sorted(Path(__file__).resolve().parent.parent.joinpath("corpora").rglob("*.txt")):
        doc = Document(doc_id=path.stem, path=None, format="text",
                       text=path.read_text(encoding="utf-8", errors="replace"))
        out.extend((t, t.grid()) for t in find_text_tables(doc))
    return out


def test_layout_shortcuts_answer_as_their_plain_forms_on_the_corpus_tables():
    """`logical_rows` reads a grid's gaps with list methods and a header run's blanks once per
    run (`_HeaderRun.spreads`): the same answers as the plain scans, on every grid row of the
    corpus text tables and on hand-made rows."""
    from nlp.tables.layout import _HeaderRun

    grids = _corpus_grids()
    assert len(grids) > 300
    rows = [(t, g, r) for t, g in grids for r in range(len(g))]
    extra = Table(index=0, start=0, end=0, cells=[TableCell(0, 0, "a"), TableCell(0, 2, " "),
                                                  TableCell(0, 3, "b")])
    for row in ([None, 0, 1], [0, None], [None], [], [0, None, None, 1], [0, 1, None, None]):
        gap = any(i is None and any(j is not None for j in row[c:]) for c, i in enumerate(row))
        assert (None in row and row.count(None) != len(row) - row.index(None)) == gap
    for t, g, r in [*rows, (extra, extra.grid(), 0)]:
        row = g[r]
        gap = any(i is None and any(j is not None for j in row[c:]) for c, i in enumerate(row))
        assert (None in row and row.count(None) != len(row) - row.index(None)) == gap

        def word(c, t=t, row=row):
            return "" if row[c] is None else " ".join(t.cells[row[c]].text.split())

        plain = any(not word(c) and any(word(d) for d in range(c + 1, len(row)))
                    for c in range(len(row)))
        assert _HeaderRun(t, g, [r]).spreads() == plain


def test_header_run_column_paths_reused_as_read_afresh_on_the_corpus_tables(monkeypatch):
    """`_fill_paths` keeps a slot's path per header run by (column, first value column): the
    same logical rows as reading every slot's path afresh, on the corpus text tables."""
    from nlp.tables import layout

    class Forgetful(dict):
        def __setitem__(self, key, value):
            pass  # nothing kept: every slot's path read afresh

    tables = [t for t, _ in _corpus_grids()]
    cached = [[(lr.row, lr.labels, [(s.cell, s.path, s.unit) for s in lr.slots])
               for lr in layout.logical_rows(t)] for t in tables]
    init = layout._HeaderRun.__init__

    def forgetting(self, *args):
        init(self, *args)
        self.col_paths = Forgetful()

    monkeypatch.setattr(layout._HeaderRun, "__init__", forgetting)
    afresh = [[(lr.row, lr.labels, [(s.cell, s.path, s.unit) for s in lr.slots])
               for lr in layout.logical_rows(t)] for t in tables]
    assert sum(len(s) for rows in cached for _, _, s in rows) > 3000
    assert cached == afresh


def test_local_rows_by_key_as_the_first_row_naming_it():
    from nlp.tables.labels import keyed_labels
    from nlp.tables.mapping import _local_row_of

    rows_k = keyed_labels("local", "rows")
    keys = {k for labs in rows_k.values() for k in labs} | {"", "合计"}
    for key in keys:
        assert _local_row_of().get(key) == next(
            (i for i, labs in rows_k.items() if key in labs), None)


def _plain_match(key, choices, threshold):
    """`labels._match` as it was before the length screen: every label's bound asked."""
    from nlp.tables.labels import _upper_bound, similarity

    best, best_score = None, 0.0
    for name, labels in choices.pairs():
        for lab in labels:
            ub = _upper_bound(key, lab)
            if ub < threshold or ub <= best_score:
                continue
            sc = similarity(key, lab)
            if sc >= threshold and sc > best_score:
                best, best_score = name, sc
    return best


def _corpus_label_keys() -> list[str]:
    """The key of every cell text of the corpus text tables, and of every label of the data
    (what the mappers are asked about), sorted."""
    from nlp.tables.labels import keyed_labels

    keys = {label_key(c.text) for t, _ in _corpus_grids() for c in t.cells}
    for path in (("t2", "rows"), ("t2", "cols"), ("t3", "rows"), ("t3", "cols"),
                 ("t4", "blocks"), ("t4", "cols"), ("local", "rows")):
        keys.update(k for labs in keyed_labels(*path).values() for k in labs)
    return sorted(keys)


def test_labels_too_short_or_too_long_for_a_key_are_below_the_screen():
    """`SCREENED`'s promise: a key and a label one of which is under 0.7 of the other's length
    have `_upper_bound` (and so `similarity`) under `SCREENED`; checked on every corpus cell key
    against every label of the data, and on hand-made pairs at the edges."""
    from nlp.tables.labels import SCREENED, _upper_bound, keyed_labels, similarity
    from nlp.tables.mapping import _pre2019_labels

    labels = {k for p in (("t2", "rows"), ("t2", "cols"), ("t3", "rows"), ("t3", "cols"),
                          ("t4", "blocks"), ("t4", "cols"), ("local", "rows"))
              for labs in keyed_labels(*p).values() for k in labs}
    labels |= {k for labs in _pre2019_labels()[1].values() for k in labs}
    pairs = [(k, lab) for k in _corpus_label_keys() for lab in labels]
    pairs += [("一二三四五六七", "一二三四五六七八九十"), ("一二三四五六七", "一二三四五六七八九十一"),
              ("ab", "abc"), ("ab", "abcd"), ("", "a"), ("abcd", "abcdef")]
    screened = 0
    for a, b in pairs:
        short, long_ = sorted((len(a), len(b)))
        if 10 * short < 7 * long_:
            screened += 1
            assert _upper_bound(a, b) < SCREENED and similarity(a, b) < SCREENED, (a, b)
    assert screened > 50_000


def test_label_matches_by_the_length_screen_as_by_the_plain_loop():
    """`match` (`_match`, which skips a label by the lengths alone) names what the plain loop over
    every label's bound names, and `_ids_named_by` (`matches_one`) the ids for which `match` of
    that id alone names it: for every corpus cell key, against the choices the mappers ask, at
    their thresholds."""
    from nlp.tables.labels import Choices, _match, keyed_labels
    from nlp.tables.mapping import _ids_named_by, _pre2019_labels, _pre2019_sections

    asked = [(keyed_labels("t2", "rows"), 0.9), (keyed_labels("t2", "cols"), 0.9),
             (keyed_labels("t3", "rows"), 0.88), (keyed_labels("t3", "cols"), 0.95),
             (keyed_labels("t4", "blocks"), 0.95), (keyed_labels("t4", "cols"), 0.95),
             (_pre2019_sections(), 0.88)]
    sections, id_labels, _ = _pre2019_labels()
    asked += [(Choices({i: id_labels[i] for i in s["ids"]}), 0.86) for s in sections]
    named = 0
    for key in _corpus_label_keys():
        for choices, threshold in asked:
            want = _plain_match(key, choices, threshold)
            assert _match.__wrapped__(key, choices, threshold) == want, (key, threshold)
            named += want is not None
        plain = tuple(i for i, labs in id_labels.items()
                      if _plain_match(key, Choices({i: labs}), 0.86) is not None)
        assert _ids_named_by.__wrapped__(key) == plain, key
    assert named > 150  # (keys that match: the comparison can fail both ways)


def test_label_bounds_by_sets_as_by_counting_every_character():
    """`_upper_bound` counts the characters two keys share by a set intersection when the
    shorter holds no character twice, and `_settled` the misprints by `map(ne, …)`: the values
    of the plain counts, for every corpus cell key against every label of the data (and the
    keys against each other, so that repeated characters and misprints are among them)."""
    from nlp.tables.labels import TYPO_LEN, _settled, _upper_bound, keyed_labels

    def plain_settled(a, b):
        if not a or not b:
            return 0.0
        if a == b:
            return 1.0
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        if len(short) >= 4 and short in long_ and len(short) >= 0.7 * len(long_):
            return 0.95
        if len(a) == len(b) >= TYPO_LEN and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
            return 0.9
        return None

    def plain_bound(a, b):
        settled = plain_settled(a, b)
        if settled is not None:
            return settled
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        total = len(a) + len(b)
        if 2.0 * len(short) / total * 0.94 < 0.86:
            return 2.0 * len(short) / total * 0.94
        shared = sum(min(short.count(ch), long_.count(ch)) for ch in set(short))
        return 2.0 * shared / total * 0.94

    keys = _corpus_label_keys()
    labels = sorted({k for p in (("t2", "rows"), ("t2", "cols"), ("t3", "rows"), ("t3", "cols"))
                     for labs in keyed_labels(*p).values() for k in labs})
    pairs = [(k, lab) for k in keys for lab in labels] + [(a, b) for a in keys[::7] for b in keys]
    pairs += [("本年废纸件数", "本年废止件数"), ("申请人申请数", "申请人的申请数"), ("", "")]
    repeated = misprinted = 0
    for a, b in pairs:
        assert _settled(a, b) == plain_settled(a, b), (a, b)
        assert _upper_bound(a, b) == plain_bound(a, b), (a, b)
        short = min(a, b, key=len)
        if plain_settled(a, b) is None and len(set(short)) < len(short):
            repeated += 1
        misprinted += plain_settled(a, b) == 0.9
    assert repeated > 1000 and misprinted >= 10  # (both ways of counting are compared)


def test_slot_and_row_fields_are_in_the_order_logical_rows_passes_them():
    """`logical_rows` builds each `Slot` and each data row's `LogicalRow` positionally (a
    keyword call builds a dict of its arguments first: half the cost of a slot): a new or moved
    field must be placed there too."""
    from dataclasses import fields

    from nlp.tables.layout import LogicalRow, Slot

    assert [f.name for f in fields(Slot)] == ["cell", "col", "path", "unit", "value"]
    assert [f.name for f in fields(LogicalRow)] == [
        "row", "labels", "block", "unit", "slots", "notes", "caption", "fixed"]
