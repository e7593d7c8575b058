"""PDF reading: fake bold, page numbers, running headers, joined lines, tables over pages."""

import io
import re
from pathlib import Path

import pytest

from nlp.ingest import read

CORPUS = Path(__file__).resolve().parents[1] / "corpora"


def _squash(s: str) -> str:
    return re.sub(r"\s", "", s)


@pytest.fixture(scope="module")
def pingtan():
    return read(CORPUS / "converted" / "fj_pingtan_2023.pdf")


@pytest.fixture(scope="module")
def hongze():
    return read(CORPUS / "full" / "ha_hongze_2024.pdf")


def test_offsets_round_trip(pingtan, hongze):
    for doc in (pingtan, hongze):
        assert doc.format == "pdf" and doc.meta["pages"] == 5
        for t in doc.tables:
            assert t.source == "pdf"
            for c in t.cells:
                assert doc.text[c.start:c.end] == c.text


def test_pingtan_tables_equal_the_html_tables(pingtan):
    html = read(CORPUS / "more" / "fj_pingtan_2023_article.html")
    assert [t.pages for t in pingtan.tables] == [[2, 3], [3, 4], [4]]
    assert [(t.n_rows, t.n_cols, len(t.cells)) for t in pingtan.tables] == [
        (14, 4, 30), (28, 10, 215), (4, 15, 34)]
    for t, h in zip(pingtan.tables, html.tables, strict=True):
        assert [[_squash(x) for x in row] for row in t.rows_text()] == \
            [[_squash(x) for x in row] for row in h.rows_text()]
    assert _squash(pingtan.text) == _squash(html.text)


def test_pingtan_table_three_split_over_pages_is_one_table(pingtan):
    t3 = pingtan.tables[1]
    rows = t3.rows_text()
    data = rows[3:]  # three header rows, then the data rows of the 2021 layout
    assert len(data) == 25
    for row in data:
        assert len(row[3:]) == 7 and all(v.isdigit() for v in row[3:])
    labels = {c.text: c for c in t3.cells}
    # cut by the page break: one cell each, with their full labels
    assert "1.本机关不掌握相关政府信息" in labels
    assert labels["（四）无法提供"].rowspan == 3
    assert labels["三、本年度办理结果"].rowspan == 22
    assert [r[3:] for r in rows if r[1] == "（七）总计"] == [["80", "1", "0", "0", "0", "0", "81"]]


def test_hongze_text(hongze):
    text = hongze.text
    assert not re.search(r"^-\s*\d+\s*-$", text, re.M)  # page numbers dropped
    lines = text.splitlines()
    assert lines[:2] == ["淮安市洪泽区人民政府", "2024 年政府信息公开工作年度报告"]
    # lines that broke mid-sentence are joined into the paragraph
    assert ("（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类"
            "政府信息。2024 年，我区在政府网站平台主动发布各类政府信息 2428 条，公开政府常务会议 7期，"
            "解读信息发布 7 条。") in lines
    # joined across the page break between pages 4 and 5
    assert "答复书模板，使各行政机关答复的方式" in text
    assert hongze.meta["title"] == "政府信息公开工作年度报告"


def test_hongze_tables(hongze):
    t2, t3, t4 = hongze.tables
    assert (t2.pages, t3.pages, t4.pages) == ([2, 3], [3, 4], [4])
    assert t2.rows_text()[3] == ["行政规范性文件", "3", "0", "8"]
    rows = t3.rows_text()
    assert len(rows) == 3 + 23  # 2019 layout: （六）其他处理 is one row
    assert [r[3:] for r in rows if r[2] == "2.没有现成信息需要另行制作"] == [
        ["1", "0", "0", "0", "0", "0", "1"]]
    assert rows[-1][0] == "四、结转下年度继续办理"
    assert t4.rows_text()[-1] == ["1", "1", "0", "0", "2", "1", "0", "0", "0", "1",
                                  "2", "0", "1", "0", "3"]
    # the ruled writing paper around the narrative is not a table
    assert "本报告由淮安市洪泽区人民政府办公室" in hongze.text.splitlines()[2]


def test_fake_bold_running_header_and_page_numbers(tmp_path):
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    bio = io.BytesIO()
    with mpl.rc_context({"pdf.fonttype": 42}), PdfPages(bio) as pp:
        for n in range(1, 4):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.5, 0.96, "Gaoqing County Government Gazette", ha="center", fontsize=10)
            for k, word in enumerate(WORDS[n]):
                for _ in range(2):  # the same text drawn twice: fake bold
                    fig.text(0.1, 0.8 - 0.05 * k, f"Published {word} items;", fontsize=12)
            fig.text(0.5, 0.03, f"- {n} -", ha="center", fontsize=10)
            pp.savefig(fig)
            plt.close(fig)
    f = tmp_path / "bold.pdf"
    f.write_bytes(bio.getvalue())
    doc = read(f)
    assert doc.text.splitlines() == [
        f"Published {w} items;" for n in (1, 2, 3) for w in WORDS[n]]


WORDS = {1: ["2428 new", "seven old", "many"], 2: ["few", "17 requested"], 3: ["all", "no"]}
