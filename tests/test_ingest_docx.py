"""DOCX reading: body order, merged cells counted once."""

from pathlib import Path

import pytest
from corpus import PUBLISHED, assert_same_tables, first_cell_values, prose_lines, squash

import nlp
from nlp.ingest import read

CORPUS = Path(__file__).resolve().parents[1] / "corpora"




def test_converted_report_matches_its_html_source():
    doc = read(CORPUS / "converted" / "fj_pingtan_2023.docx")
    html = read(CORPUS / "more" / "fj_pingtan_2023_article.html")
    assert doc.format == "docx"
    assert doc.meta["title"] == "平潭综合实验区2023年政府信息公开工作年度报告"
    assert squash(doc.text) == squash(html.text)
    assert [(t.n_rows, t.n_cols, len(t.cells)) for t in doc.tables] == [
        (14, 4, 30), (28, 10, 215), (4, 15, 34)]
    for t, h in zip(doc.tables, html.tables, strict=True):
        assert t.source == "docx"
        assert t.rows_text() == h.rows_text()
        assert [(c.row, c.col, c.rowspan, c.colspan) for c in t.cells] == [
            (c.row, c.col, c.rowspan, c.colspan) for c in h.cells]
        for c in t.cells:
            assert doc.text[c.start:c.end] == c.text
    t3 = doc.tables[1]
    labels = [c.text for c in t3.cells]
    assert labels.count("三、本年度办理结果") == 1  # python-docx's row.cells would give 22


@pytest.fixture
def merged_docx(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    t = d.add_table(rows=4, cols=4)
    values = [
        ["", "申请人情况", "", ""],
        ["", "自然人", "商业企业", "总计"],
        ["三、本年度办理结果", "（一）予以公开", "", ""],
        ["", "（二）部分公开", "", ""],
    ]
    for r, row in enumerate(values):
        for k, v in enumerate(row):
            if v:
                t.cell(r, k).text = v
    t.cell(0, 1).merge(t.cell(0, 3))  # horizontal: 申请人情况 over three columns
    t.cell(0, 0).merge(t.cell(1, 0))  # vertical: the empty corner over two rows
    t.cell(2, 0).merge(t.cell(3, 0))  # vertical: 三、本年度办理结果 over two rows
    t.cell(2, 2).text = "5"
    t.cell(2, 3).text = "5"
    t.cell(3, 2).text = "2"
    t.cell(3, 3).text = "2"
    d.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    f = tmp_path / "merged.docx"
    d.save(str(f))
    return f


def test_merged_cells_appear_once(merged_docx):
    doc = read(merged_docx)
    assert doc.text.splitlines()[0] == "三、收到和处理政府信息公开申请情况"
    assert doc.text.splitlines()[-1] == "四、政府信息公开行政复议、行政诉讼情况"
    (t,) = doc.tables
    cells = {c.text: c for c in t.cells}
    assert [c.text for c in t.cells].count("申请人情况") == 1
    assert [c.text for c in t.cells].count("三、本年度办理结果") == 1
    assert (cells["申请人情况"].row, cells["申请人情况"].col, cells["申请人情况"].colspan) == (0, 1, 3)
    assert (cells["三、本年度办理结果"].rowspan, cells["三、本年度办理结果"].col) == (2, 0)
    # corner + 申请人情况 + 3 headers + (三、… + 3) + 3 = 12 physical cells on a 4 x 4 grid
    assert len(t.cells) == 12 and (t.n_rows, t.n_cols) == (4, 4)
    assert t.rows_text()[3] == ["三、本年度办理结果", "（二）部分公开", "2", "2"]
    assert doc.text[t.start:t.end].splitlines() == [
        "\t申请人情况\t\t",
        "\t自然人\t商业企业\t总计",
        "三、本年度办理结果\t（一）予以公开\t5\t5",
        "\t（二）部分公开\t2\t2",
    ]
    assert t.caption == "三、收到和处理政府信息公开申请情况"


# --- LibreOffice HTML → DOCX of held-out reports (corpora/converted/sources.jsonl) ----------
HTML = {
    "sh_shanghai_office_2019": CORPUS / "heldout" / "sh_shanghai_office_2019.html",
    "js_shuyang_fgj_2023": CORPUS / "heldout2" / "js_shuyang_fgj_2023.html",
    "fj_pingtan_2025_article": CORPUS / "more" / "fj_pingtan_2025_article.html",
}




@pytest.mark.parametrize("stem", HTML)
def test_converted_docx_matches_its_html_source(stem):
    doc = read(CORPUS / "converted" / f"{stem}.docx")
    html = read(HTML[stem])
    tables = doc.tables
    if stem == "js_shuyang_fgj_2023":
        # the saved page's 名称/索引号 box sits outside the article, which the HTML reader
        # leaves out; LibreOffice converts the whole page
        assert [c.text for c in tables[0].cells[:3]] == [
            "名称", "沭阳县发展和改革局2023年政府信息公开年度报告", "索引号"]
        assert tables[0].cells[1].colspan == 3
        tables = tables[1:]
    assert len(tables) == 3
    assert_same_tables(doc, tables, html)
    lines, html_lines = prose_lines(doc), prose_lines(html)
    if stem == "js_shuyang_fgj_2023":
        assert lines[0] == "沭阳县发改局"  # the site name over the page
        lines = lines[1:]
    assert lines == html_lines


# --- Word files as offices make them (corpora/converted/make_published.py) ------------------


@pytest.mark.parametrize("stem", PUBLISHED)
def test_tables_split_at_page_breaks_inside_a_layout_table(stem):
    """The report inside a one-cell layout table; every table split at a page break with its
    header rows repeated (`w:tblHeader`); labels in two paragraphs of a cell; numbers as tracked
    insertions over a deleted value, `w:fldSimple` and `w:instrText` formula fields. The reader
    reads the frame as body text and joins the parts: the source page's tables, cell for cell,
    and its paragraphs. Until 27 Nov 2026 the frame was read as lines of text (no reader table)
    and a split table was two: sh lost 184 of its 198 gold cells, fj 2."""
    doc = read(CORPUS / "converted" / f"{stem}_split.docx")
    source = read(CORPUS / PUBLISHED[stem][0])
    assert len(doc.tables) == 3
    assert_same_tables(doc, doc.tables, source)
    assert prose_lines(doc) == prose_lines(source)


@pytest.mark.parametrize(("stem", "indicator", "value"), [
    # values of the gold (read from the report); tracked, field and plain numbers
    ("fj_pingtan_2025_article", "t2.licensing.decisions", 2418),
    ("fj_pingtan_2025_article", "t3.result.unable.not_held.natural", 49),
    ("fj_pingtan_2025_article", "t4.review.total", 36),
    ("fj_pingtan_2025_article", "t4.litigation_direct.upheld", 3),
    ("sh_shanghai_office_2019", "t3.result.total.total", 805),
    ("sh_shanghai_office_2019", "t3.result.unable.not_held.natural", 252),
    ("sh_shanghai_office_2019", "t4.review.upheld", 5),
    ("sh_shanghai_office_2019", "t4.litigation_direct.total", 9),
])
@pytest.mark.parametrize("kind", ["split", "padded", "boxes"])
def test_cells_of_office_tables(kind, stem, indicator, value):
    """`_padded.docx`: cells merged across columns written unmerged, the text in the first and
    empty cells after it (`信息内容 | 本年处理决定数量 | | `, `行政复议 | | | |`). Until 27 Nov
    2026 such a header row read as a data row and its block lost its cells (fj: 4 of 二,
    sh: 19 of 二 and 四)."""
    cells = nlp.extract(CORPUS / "converted" / f"{stem}_{kind}.docx").cells
    assert next(c.value for c in cells if c.indicator == indicator) == value


@pytest.mark.parametrize("kind", ["split", "padded", "boxes"])
@pytest.mark.parametrize("stem", PUBLISHED)
def test_office_copies_give_every_gold_cell_of_their_source(stem, kind):
    from nlp.gold import load_gold

    gold = load_gold(CORPUS / PUBLISHED[stem][1])
    first = first_cell_values(CORPUS / "converted" / f"{stem}_{kind}.docx")
    assert {g.indicator: first.get(g.indicator, "missing") for g in gold.cells} == {
        g.indicator: g.value for g in gold.cells}


@pytest.mark.parametrize("stem", PUBLISHED)
def test_tables_in_text_boxes_and_content_controls(stem):
    """`_boxes.docx` (corpora/converted/make_pasted.py): every table inside a text box (a
    DrawingML box with its VML fallback copy), its rows below the header in a repeating-section
    content control (`w:sdt` around `w:tr`), some cells' paragraphs in cell controls. The reader
    reads each box once, after its anchor paragraph, its table as a table: the source page's
    tables cell for cell, and its paragraphs. Until 27 Nov 2026 a box's table was one line of
    run-together text and rows inside a control were not read (sh: 14 of 198 gold cells)."""
    doc = read(CORPUS / "converted" / f"{stem}_boxes.docx")
    source = read(CORPUS / PUBLISHED[stem][0])
    assert len(doc.tables) == len(source.tables) == 3
    for t, s in zip(doc.tables, source.tables, strict=True):
        assert [(c.row, c.col, c.rowspan, c.colspan, squash(c.text)) for c in t.cells] == [
            (c.row, c.col, c.rowspan, c.colspan, squash(c.text)) for c in s.cells]
    assert prose_lines(doc) == prose_lines(source)
