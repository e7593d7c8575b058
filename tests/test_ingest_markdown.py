"""The Markdown reader: reports that OCR and conversion tools (MinerU, marker, pandoc, docling)
turned into Markdown, with pipe tables or HTML tables."""

from __future__ import annotations

import html
from collections import Counter

import pytest
from corpus import CORPORA, claim_keys

import nlp
from nlp.ingest import read
from nlp.pipeline import run

# every corpus file whose reader finds the statistics tables (web pages and Word files)
SOURCES = sorted(p for p in CORPORA.glob("*/*") if p.suffix in (".html", ".docx"))


def _cells(report) -> Counter:
    return Counter((c.indicator, c.value) for c in report.cells if c.indicator)


def _as_markdown(doc, tables: str) -> str:
    """A read document as a converter writes it: a paragraph a line, and each table either as
    MinerU writes it (`<table>` on one line, merged cells with their spans) or as a GitHub pipe
    table (a merged cell's text repeated in every position it covers, as docling does)."""
    out: list[str] = []
    pos = 0

    def paragraphs(s: str) -> None:
        for line in s.split("\n"):
            if line.strip():
                out.extend((line.strip(), ""))

    for t in sorted(doc.tables, key=lambda t: t.start):
        paragraphs(doc.text[pos:t.start])
        if tables == "html":
            rows: dict[int, list] = {}
            for c in t.cells:
                rows.setdefault(c.row, []).append(c)
            out.append("<table>" + "".join(
                "<tr>" + "".join(
                    "<td" + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
                    + (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + ">"
                    + html.escape(" ".join(c.text.split())) + "</td>"
                    for c in sorted(rows.get(r, []), key=lambda c: c.col)) + "</tr>"
                for r in range(t.n_rows)) + "</table>")
        else:
            grid = [["" if i is None else " ".join(t.cells[i].text.split()).replace("|", "\\|")
                     for i in row] for row in t.grid()]
            out.append("| " + " | ".join(grid[0]) + " |")
            out.append("|" + "---|" * t.n_cols)
            out.extend("| " + " | ".join(row) + " |" for row in grid[1:])
        out.append("")
        pos = t.end
    paragraphs(doc.text[pos:])
    return "\n".join(out)


@pytest.mark.parametrize("tables", ["html", "pipe"])
def test_a_converted_report_gives_the_cells_and_claims_of_its_source(tmp_path, tables):
    """Each corpus web page and Word file, written as Markdown, gives the indicator cells and
    claims of the file itself. Until 27 Nov 2026 `.md` was refused, a table with an empty last
    column lost every column label, and a pipe table that repeats a merged header cell
    (行政复议 | 行政复议 | …) lost table 四."""
    total = 0
    for src in SOURCES:
        want = run(read(src))
        md = tmp_path / (src.stem + ".md")
        md.write_text(_as_markdown(want.document, tables), encoding="utf-8")
        got = run(read(md))
        assert got.document.format == "markdown"
        assert _cells(got) == _cells(want), src.name
        assert claim_keys(got) == claim_keys(want), src.name
        for t in got.document.tables:
            for c in t.cells:
                assert got.document.text[c.start:c.end] == c.text
        total += sum(_cells(want).values())
    assert len(SOURCES) >= 8 and total > 1500


def test_a_mineru_page_with_headings_emphasis_and_an_html_table(tmp_path):
    md = tmp_path / "report.md"
    md.write_text(
        "# 某县人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
        "2023年，我县主动公开**政府信息**1234条，其中政策文件56件。\n\n"
        "1. 属于国家秘密的不予公开\n\n"
        "![](images/3f2a.jpg)\n\n"
        "## 二、主动公开政府信息情况\n\n"
        '<table><tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td>'
        "<td>本年废止件数</td><td>现行有效件数</td><td></td></tr><tr><td>规章</td><td>0</td><td>0</td>"
        "<td>3</td><td></td></tr><tr><td>行政规范性文件</td><td>12</td><td>2</td><td>40</td><td></td></tr>"
        "</table>\n",
        encoding="utf-8")
    report = nlp.extract(md)
    doc = report.document
    assert doc.format == "markdown" and doc.year == 2023 and doc.template == "2021"
    assert doc.title == "某县人民政府2023年政府信息公开工作年度报告"
    assert [s.heading for s in doc.sections if s.level == 1] == ["一、总体情况", "二、主动公开政府信息情况"]
    assert "1. 属于国家秘密" in doc.text  # a numbered line keeps its number
    assert {(c.value, c.unit) for c in report.claims} >= {(1234, "条"), (56, "件")}
    cells = {c.indicator: c.value for c in report.cells if c.indicator}
    assert cells == {"t2.rules.issued": 0, "t2.rules.repealed": 0, "t2.rules.in_force": 3,
                     "t2.normative.issued": 12, "t2.normative.repealed": 2,
                     "t2.normative.in_force": 40}
    assert doc.doc_id == nlp.pipeline.doc_id_for(md.read_bytes())


def test_gbk_markdown_is_decoded(tmp_path):
    md = tmp_path / "gbk.md"
    md.write_bytes("## 一、总体情况\n\n本年度共收到政府信息公开申请33件。\n".encode("gb18030"))
    report = nlp.extract(md)
    assert report.document.meta["encoding"] == "gb18030"
    assert [(c.value, c.unit) for c in report.claims] == [(33, "件")]
