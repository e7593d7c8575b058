"""PDF reading: fake bold, page numbers, running headers, joined lines, tables over pages."""

import functools
import io
import re
import unicodedata
from pathlib import Path

import pytest
from corpus import prose_lines, squash

import nlp
from nlp.ingest import read

CORPUS = Path(__file__).resolve().parents[1] / "corpora"




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
        assert [[squash(x) for x in row] for row in t.rows_text()] == \
            [[squash(x) for x in row] for row in h.rows_text()]
    assert squash(pingtan.text) == squash(html.text)


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


def test_a_browsers_long_running_header_on_every_page_is_dropped(tmp_path):
    """A web page printed to PDF by a browser carries the date and the page's title over every
    page (`11/27/26, 8:07 AM 平潭综合实验区…年度报告_政府信息公开年报_…`), longer than the short
    headers of a report; inside a table it cut table 四 from its header (held-out 126 printed
    by Chromium: 170 → 185 of 198 cells)."""
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    head = ("11/27/26, 8:07 AM Pingtan State Assets Administration 2019 Government Information "
            "Disclosure Annual Report - Annual Reports - Pingtan")
    assert len(head.replace(" ", "")) > 60
    bio = io.BytesIO()
    with mpl.rc_context({"pdf.fonttype": 42}), PdfPages(bio) as pp:
        for n in range(1, 4):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.05, 0.97, head, fontsize=7)
            for k, word in enumerate(WORDS[n]):
                fig.text(0.1, 0.8 - 0.05 * k, f"Published {word} items;", fontsize=12)
            pp.savefig(fig)
            plt.close(fig)
    f = tmp_path / "printed.pdf"
    f.write_bytes(bio.getvalue())
    assert read(f).text.splitlines() == [
        f"Published {w} items;" for n in (1, 2, 3) for w in WORDS[n]]


def test_a_sentence_repeated_at_page_edges_is_text_not_a_running_header(tmp_path):
    """A short report says the same sentence under each heading (没有收到过相关申请。); on two
    pages it can be the last line of the first page and the first and last lines of the second.
    Only a line at the same height on most pages is a running header or footer (the title line
    here); until 26 Nov 2026 the repeated sentence was dropped from both pages."""
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    pages = [["(1) Requests received", "No request was received."],
             ["No request was received.", "(2) Requests answered", "No request was received."]]
    bio = io.BytesIO()
    with mpl.rc_context({"pdf.fonttype": 42}), PdfPages(bio) as pp:
        for n, lines in enumerate(pages):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.5, 0.96, "Water Bureau Annual Report", ha="center", fontsize=10)
            top = 0.12 + 0.05 * (len(lines) - 1) if n == 0 else 0.85  # page 1: at its foot
            for k, line in enumerate(lines):
                fig.text(0.1, top - 0.05 * k, line, fontsize=12)
            pp.savefig(fig)
            plt.close(fig)
    f = tmp_path / "repeated.pdf"
    f.write_bytes(bio.getvalue())
    text = read(f).text
    assert text.count("No request was received.") == 3
    assert "(2) Requests answered" in text and "Water Bureau" not in text


@pytest.mark.parametrize("name", ["full/ha_hongze_2024.pdf",
                                  "converted/sh_shanghai_office_2019_a5.pdf",
                                  "converted/fj_pingtan_2023.pdf"])
def test_own_dedupe_keeps_what_pdfplumber_keeps(name):
    """The reader's `_dedupe_chars` (no quadratic final sort) keeps exactly the characters of
    pdfplumber's `page.dedupe_chars(tolerance=1)`, in the same order, on every page."""
    import pdfplumber

    from nlp.ingest.pdf import _dedupe_chars

    with pdfplumber.open(CORPUS / name) as pdf:
        for page in pdf.pages:
            want = page.dedupe_chars(tolerance=1).chars
            got = _dedupe_chars(page.chars)
            assert [id(c) for c in got] == [id(c) for c in want]
            assert len(got) > 100



# --- page objects from pdfium against pdfplumber's (pdfminer's) --------------------------------
# The reader takes characters and rulings from pdfium (nlp.ingest.pdf_objects) in pdfplumber's
# geometry. These compare them with what pdfplumber builds from the same page, every page of
# every corpus PDF, and a page turned with /Rotate.

def _rotated(name: str) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(CORPUS / name))
    writer.pages[1].rotate(90)
    bio = io.BytesIO()
    writer.write(bio)
    return bio.getvalue()


# (the tables-only print of make_unruled.py is too short for its character-count check)
PDFS = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.pdf") if "_tables_" not in p.name)


@pytest.mark.parametrize("name", [*PDFS, "rotated"])
def test_pdfium_page_objects_are_pdfplumbers(name):
    import pdfplumber
    import pypdfium2 as pdfium
    from pdfplumber.utils import filter_edges

    from nlp.ingest.pdf_objects import iter_pages
    from nlp.normalize import same_length

    data = _rotated("converted/fj_pingtan_2023.pdf") if name == "rotated" else \
        (CORPUS / name).read_bytes()
    n_chars = n_edges = 0
    with pdfium.PdfDocument(data) as pdf, pdfplumber.open(io.BytesIO(data)) as pl:
        for ours, theirs in zip(iter_pages(pdf), pl.pages, strict=True):
            assert ours.bbox == pytest.approx(theirs.bbox, abs=0.01)
            # characters: the same text at the same place (each of ours matched to the nearest
            # of theirs with that text). Vertically pdfminer goes from the font's declared
            # descent, ours from the em square: within a quarter of the size. pdfium gives the
            # character where a font's map says a radical or a compatibility form (⼈ for 人,
            # 〈 U+2329 for U+3008, as in Chromium's PDFs), pdfminer that form: compared folded
            def text(c):
                return same_length(unicodedata.normalize("NFKC", c["text"]))

            mine = [c for c in ours.chars if c["text"].strip()]
            want: dict[str, list] = {}
            for c in theirs.chars:
                if c["text"].strip():
                    want.setdefault(text(c), []).append(c)
            assert len(mine) == sum(len(v) for v in want.values())
            for a in mine:
                pool = want[text(a)]
                b = min(pool, key=lambda b: abs(a["x0"] - b["x0"]) + abs(a["top"] - b["top"]))
                pool.remove(b)
                assert a["upright"] == b["upright"]
                if not b["upright"]:
                    # turned: the boxes' sides within a quarter of the size; pdfminer's size
                    # is then the box's height on the page (the advance), ours the font size
                    for k in ("x0", "x1", "top", "bottom"):
                        assert abs(a[k] - b[k]) < 0.25 * a["size"]
                    continue
                assert a["size"] == pytest.approx(b["size"], abs=0.01)
                # x1: pdfium's loose box, which follows the ink where it overhangs the advance
                # or falls short of it (Chromium's fonts): within a tenth of the size
                assert a["x0"] == pytest.approx(b["x0"], abs=0.1)  # pdfium: float32 origins
                assert abs(a["x1"] - b["x1"]) < 0.1 * b["size"]
                assert abs(a["top"] - b["top"]) < 0.25 * b["size"]
                assert a["bottom"] - a["top"] == pytest.approx(b["bottom"] - b["top"], abs=0.01)
            n_chars += len(mine)
            # rulings: the same horizontal and vertical edges (each matched to one of theirs)
            def edges(page_edges):
                return [(e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"])
                        for e in filter_edges(page_edges, min_length=1)]
            mine_e, want_e = edges(ours.edges), edges(theirs.edges)
            assert len(mine_e) == len(want_e)
            for a in mine_e:
                match = next(b for b in want_e if b[0] == a[0] and all(
                    abs(x - y) < 0.01 for x, y in zip(a[1:], b[1:], strict=True)))
                want_e.remove(match)
            n_edges += len(mine_e)
    assert n_chars > 1000
    if name != "converted/fj_pingtan_2025_article.pdf":
        assert n_edges > 20

# --- LibreOffice conversions of held-out HTML reports (corpora/converted/sources.jsonl) ------
# The same report as HTML (the reference), as PDF in four page layouts: the tables break over
# pages in different rows and columns of cells, so every table must come out as the HTML's.

HTML = {
    "sh_shanghai_office_2019": CORPUS / "heldout" / "sh_shanghai_office_2019.html",
    "js_shuyang_fgj_2023": CORPUS / "heldout2" / "js_shuyang_fgj_2023.html",
    "fj_pingtan_2025_article": CORPUS / "more" / "fj_pingtan_2025_article.html",
}
LAYOUTS = (".pdf", "_web.pdf", "_fromdocx.pdf", "_a5.pdf", "_chromium.pdf")
CONVERTED = [f"{stem}{lay}" for stem in HTML for lay in LAYOUTS]


@functools.cache
def _read(path: Path):
    return read(path)


def _stem(name: str) -> str:
    return next(s for s in HTML if name.startswith(s))


def _cells(table, max_col: int = 99) -> set[tuple[int, int, int, int, str]]:
    """A table as the set of its cells (position, spans, text without white space)."""
    return {(c.row, c.col, c.rowspan, c.colspan, squash(c.text)) for c in table.cells
            if c.col + c.colspan <= max_col}




@pytest.mark.parametrize("name", CONVERTED)
def test_converted_pdf_tables_equal_the_html_tables(name):
    doc = _read(CORPUS / "converted" / name)
    html = _read(HTML[_stem(name)])
    assert len(doc.tables) == len(html.tables) == 3
    for t, h in zip(doc.tables, html.tables, strict=True):
        for c in t.cells:
            assert doc.text[c.start:c.end] == c.text
        if name == "sh_shanghai_office_2019_chromium.pdf":
            # the HTML's table 二 has a column no cell needs (a colspan over it everywhere):
            # Chromium draws 4 columns, not 5; and it draws a row cut by a page break as two
            # strips, read as cells of rowspan 2. Compared by indicator below instead.
            continue
        if name == "js_shuyang_fgj_2023_fromdocx.pdf" and h.n_cols >= 10:
            # LibreOffice keeps this DOCX's 20 cm tables at 20 cm on an A4 page and clips
            # what runs off it: the 总计 column is not in the file; the cells left of the
            # last two columns must be right.
            assert _cells(t, h.n_cols - 2) == _cells(h, h.n_cols - 2)
            continue
        assert _cells(t) == _cells(h)
        assert (t.n_rows, t.n_cols) == (h.n_rows, h.n_cols)


@pytest.mark.parametrize("stem", list(HTML))
def test_chromium_pdf_cells_equal_the_html_cells(stem):
    """A browser's print to PDF draws tables cut by a page break open at the cut (walls to the
    margin, no border across) and maps some glyphs to radicals (⼈ for 人): every number of
    the HTML's tables comes out with the same indicator and value."""
    import nlp

    html = {c.indicator: c.value for c in nlp.extract(HTML[stem]).cells if c.indicator}
    pdf = {c.indicator: c.value for c in
           nlp.extract(CORPUS / "converted" / f"{stem}_chromium.pdf").cells if c.indicator}
    assert len(html) >= 190
    assert pdf == html


@pytest.mark.parametrize(("name", "table", "label", "rowspan"), [
    # a merged label cell cut between two rows by the page break, its text too
    ("sh_shanghai_office_2019_web.pdf", 1, "（五）不予处理", 5),  # （五）不予处 | 理
    ("js_shuyang_fgj_2023.pdf", 1, "（四）无法提供", 3),  # （四）无法提 | 供
    ("fj_pingtan_2025_article_a5.pdf", 1, "（三）不予公开", 8),  # （三 | ）不予公开
    # header rows cut by the page break: cells continued below, not new rows
    ("sh_shanghai_office_2019_a5.pdf", 2, "结果维持", 2),  # 结 | 果维持
    ("sh_shanghai_office_2019_fromdocx.pdf", 1, "自然人", 2),  # an empty strip below it
    ("js_shuyang_fgj_2023_fromdocx.pdf", 1,
     "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3),
])
def test_cells_cut_by_a_page_break_are_one_cell(name, table, label, rowspan):
    t = _read(CORPUS / "converted" / name).tables[table]
    assert len(t.pages) >= 2
    hits = [c for c in t.cells if squash(c.text) == label]
    assert [c.rowspan for c in hits][:1] == [rowspan]
    assert not [c for c in t.cells if c.text and c.text != label and label.startswith(c.text)]


@pytest.mark.parametrize(("name", "pages"), [
    # the title row 第二十条第（一）项 is a lone ruled box at the foot of the page before
    ("js_shuyang_fgj_2023_web.pdf", [3, 4]),  # its lower half is an empty strip on page 4
    ("fj_pingtan_2025_article.pdf", [1, 2]),  # the whole row on page 1
])
def test_table_title_row_alone_at_the_foot_of_a_page(name, pages):
    doc = _read(CORPUS / "converted" / name)
    t2 = doc.tables[0]
    assert t2.pages == pages
    assert [(c.row, c.col, c.colspan, c.text) for c in t2.cells if c.row == 0] == [
        (0, 0, 4, "第二十条第（一）项")]
    assert t2.rows_text()[1] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert "第二十条第（一）项" not in prose_lines(doc)


@pytest.mark.parametrize("name", [n for n in CONVERTED if not n.startswith("js_")
                                  and not n.endswith("_web.pdf")])
def test_converted_pdf_paragraphs_equal_the_html_paragraphs(name):
    """Lines are joined into the HTML's paragraphs: across page breaks, after a sentence that
    ends at the right margin, and never after a centred line (发布日期：…)."""
    assert prose_lines(_read(CORPUS / "converted" / name)) == \
        prose_lines(_read(HTML[_stem(name)]))


def test_web_export_loses_its_first_page():
    """LibreOffice's Writer/Web PDF export leaves page 1 empty: reported, not hidden."""
    doc = _read(CORPUS / "converted" / "fj_pingtan_2025_article_web.pdf")
    assert doc.meta["warnings"] == ["pages without a text layer (scanned?): [1]"]
    assert doc.text.startswith("公厅政府信息与政务公开办公室关于印发")


def _v(x, top, bottom):
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom, "doctop": top}


def _h(x0, x1, y):
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y, "doctop": y}


def test_close_cut_tables_closes_only_open_ends():
    from nlp.ingest.pdf import _close_cut_tables

    xs = (50, 150, 250, 350)
    # a row cut by the page break: walls from the top margin, a border only below
    cut = [_v(x, 28, 60) for x in xs] + [_h(50, 350, 60)]
    added = _close_cut_tables(cut)
    assert [(e["x0"], e["x1"], e["top"]) for e in added] == [(50, 150, 28), (150, 250, 28),
                                                             (250, 350, 28)]
    # a closed row: nothing
    assert _close_cut_tables([*cut, _h(50, 350, 28)]) == []
    # a merged cell whose walls are drawn row by row (no border between the pieces): nothing
    merged = [_v(x, 28, 60) for x in xs] + [_v(x, 60, 90) for x in xs] + \
        [_h(50, 350, 28), _h(150, 350, 60), _h(50, 350, 90)]
    assert _close_cut_tables(merged) == []
    # two walls are a frame, not a table
    assert _close_cut_tables([_v(50, 28, 60), _v(150, 28, 60)]) == []


@pytest.mark.parametrize("name", ["full/ha_hongze_2024.pdf", "converted/fj_pingtan_2023.pdf",
                                  "converted/sh_shanghai_office_2019_chromium.pdf", "rotated"])
def test_own_text_assembly_is_pdfplumbers(name):
    """`_text` (line and cell text) and `_cluster_objects` give exactly pdfplumber's
    `extract_text` and `cluster_objects` on every line, and on every whole page, of real PDFs."""
    import pypdfium2 as pdfium
    from pdfplumber.utils import cluster_objects, extract_text

    from nlp.ingest.pdf import _cluster_objects, _text
    from nlp.ingest.pdf_objects import iter_pages

    data = _rotated("converted/fj_pingtan_2023.pdf") if name == "rotated" else \
        (CORPUS / name).read_bytes()
    n = 0
    with pdfium.PdfDocument(data) as pdf:
        for page in iter_pages(pdf):
            chars = page.chars

            def mid(c):
                return round((c["top"] + c["bottom"]) / 2)

            ours = _cluster_objects(chars, mid, 3)
            assert ours == cluster_objects(chars, mid, 3)
            for group in ours:
                assert _text(group, 3, 3) == extract_text(group, x_tolerance=3, y_tolerance=3)
                n += 1
            for x_tol in (1.5, 3):
                assert _text(chars, x_tol, 3) == extract_text(chars, x_tolerance=x_tol,
                                                              y_tolerance=3)
    assert n > 50


def test_rulings_inside_form_xobjects_are_placed_like_pdfplumber():
    """A table drawn inside a form XObject (its own /Matrix, used twice under different
    transformations, one stretched 2×): the rulings land where pdfplumber puts them."""
    import pdfplumber
    import pypdfium2 as pdfium
    from pdfplumber.utils import filter_edges
    from test_ingest_errors import _build_pdf

    from nlp.ingest.pdf_objects import iter_pages

    form = (b"0 0 m 100 0 l S 0 0 m 0 50 l S 0 50 m 100 50 l S 100 0 m 100 50 l S "
            b"50 0 m 50 50 l S")
    content = b"q 1 0 0 1 50 300 cm /Fm1 Do Q q 2 0 0 1 60 500 cm /Fm1 Do Q"
    data = _build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [1 0 0 1 10 20] "
        b"/Length %d >>\nstream\n" % len(form) + form + b"\nendstream",
    ])

    def edges(es):
        return sorted((e["orientation"], round(e["x0"], 2), round(e["top"], 2),
                       round(e["x1"], 2), round(e["bottom"], 2))
                      for e in filter_edges(es, min_length=1))

    with pdfium.PdfDocument(data) as pdf, pdfplumber.open(io.BytesIO(data)) as pl:
        ours = next(iter_pages(pdf))
        assert edges(ours.edges) == edges(pl.pages[0].edges)
        assert len(edges(ours.edges)) == 10
        assert ("h", 80.0, 272.0, 280.0, 272.0) in edges(ours.edges)  # the stretched copy


# --------------------------------------------------------------------------- unruled tables

# corpora/converted/fj_pingtan_2025_tables_norules.pdf (make_unruled.py): the report's table 三
# and 第二十条第（一）项 printed by Chromium with no rulings at all, values read off the page


@pytest.fixture(scope="module")
def norules():
    return read(CORPUS / "converted" / "fj_pingtan_2025_tables_norules.pdf")


@pytest.mark.parametrize("row", [
    # a row of numbers is never joined to the next line as running text
    "规章\t0\t0\t0",
    "行政规范性文件\t58\t45\t546",
    # a label wrapped above and below its numbers
    "5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0",
    # a label wrapped onto the line of its numbers and the line after
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t8\t0\t0\t0\t0\t0\t8",
    # a merged label beside three rows, its two lines above and below the middle row (the
    # middle row of table 三 also gets 三、本年 of the block label beside all its rows)
    "（四）无法提供\t2.没有现成信息需要另行制作\t3\t0\t0\t0\t0\t0\t3",
    "（七）总计\t147\t1\t0\t0\t0\t0\t148",
])
def test_unruled_table_rows_are_one_line_each(norules, row):
    assert any(line == row or line.endswith("\t" + row) for line in norules.text.split("\n"))


def test_unruled_table_cells_equal_the_html_cells(norules):
    html = {(c.indicator, c.value) for c in
            nlp.extract(CORPUS / "more" / "fj_pingtan_2025_article.html").cells
            if c.indicator and c.indicator.startswith(("t3.", "t2.normative.", "t2.rules."))}
    got = {(c.indicator, c.value) for c in
           nlp.extract(CORPUS / "converted" / "fj_pingtan_2025_tables_norules.pdf").cells
           if c.indicator}
    assert len(html) > 150
    assert html <= got


# corpora/converted/<stem>_tables_blanks.pdf (make_unruled.py): table 三 with blank cells (nothing
# printed where nothing was counted), no rulings; values read off the printed page


@functools.lru_cache(maxsize=4)
def _t3_cells(stem: str) -> dict[str, float | None]:
    cells: dict[str, float | None] = {}
    for c in nlp.extract(CORPUS / "converted" / f"{stem}_tables_blanks.pdf").cells:
        if c.indicator:
            cells.setdefault(c.indicator, c.value)
    return cells


@pytest.mark.parametrize("stem, indicator, value", [
    # 821 35 _ _ 2 1 859: the two blank columns between 35 and 2 keep their places
    ("sh_shanghai_office_2019", "t3.new.natural", 821),
    ("sh_shanghai_office_2019", "t3.new.commercial", 35),
    ("sh_shanghai_office_2019", "t3.new.research", None),
    ("sh_shanghai_office_2019", "t3.new.nonprofit", None),
    ("sh_shanghai_office_2019", "t3.new.legal_services", 2),
    ("sh_shanghai_office_2019", "t3.new.other_org", 1),
    ("sh_shanghai_office_2019", "t3.new.total", 859),
    # 18 … 18: only the first and the last column printed
    ("sh_shanghai_office_2019", "t3.carried_over.natural", 18),
    ("sh_shanghai_office_2019", "t3.carried_over.commercial", None),
    ("sh_shanghai_office_2019", "t3.carried_over.total", 18),
    # a row's one number alone on its line, its label wrapped above and below it
    ("sh_shanghai_office_2019", "t3.result.partial.natural", 3),
    # requests from 自然人 only: five of the seven columns blank in every row
    ("js_shuyang_fgj_2023", "t3.new.natural", 26),
    ("js_shuyang_fgj_2023", "t3.new.commercial", None),
    ("js_shuyang_fgj_2023", "t3.new.other_org", None),
    ("js_shuyang_fgj_2023", "t3.new.total", 26),
    ("js_shuyang_fgj_2023", "t3.result.granted.total", 26),
    ("js_shuyang_fgj_2023", "t3.carried_over.natural", 0),
])
def test_unruled_table_blank_cells_keep_their_columns(stem, indicator, value):
    cells = _t3_cells(stem)
    assert indicator in cells
    assert cells[indicator] == value


# corpora/converted/sh_shanghai_office_2019_tables_threeline.pdf (make_breaks.py): tables 三 and
# 四 as three-line tables, the first page ending at 5.属于三类内部事务信息; values read off the
# printed pages


@functools.lru_cache(maxsize=4)
def _converted_cells(name: str) -> dict[str, float | None]:
    """The first cell of each indicator of a rendering in corpora/converted."""
    cells: dict[str, float | None] = {}
    for c in nlp.extract(CORPUS / "converted" / name).cells:
        if c.indicator:
            cells.setdefault(c.indicator, c.value)
    return cells


@pytest.mark.parametrize("indicator, value", [
    # `5` centred beside `5.属于三类内部事务信` / `息`, the last line of page 1: a row's
    # number, not a page number
    ("t3.result.denied.internal_affairs.natural", 5),
    ("t3.result.denied.process_info.natural", 3),  # the first row of page 2
    # `（四）无法` and `2.没有现成信息需要另` printed 0.75 em apart: two cells, not one label
    ("t3.result.unable.needs_creation.natural", 44),
    ("t3.result.unable.needs_creation.commercial", 3),
    ("t3.result.unable.needs_creation.total", None),
    # table 四: 行政复议 and 行政诉讼 printed at the left of the columns they head; the
    # sub-headers of 行政复议 (two lines each) stand beside 未经复议直接起诉
    ("t4.review.upheld", 5),
    ("t4.review.corrected", None),
    ("t4.review.pending", 2),
    ("t4.review.total", 7),
    ("t4.litigation_direct.upheld", 8),
    ("t4.litigation_direct.pending", 1),
    ("t4.litigation_direct.total", 9),
    ("t4.litigation_after_review.total", None),
])
def test_three_line_table_over_a_page_break(indicator, value):
    cells = _converted_cells("sh_shanghai_office_2019_tables_threeline.pdf")
    assert indicator in cells
    assert cells[indicator] == value


# corpora/converted/fj_pingtan_2022_tables_frame.pdf (make_breaks.py): table 三 in a frame, the
# labels of （六）其他处理 wrapped over five and six lines around their numbers, the heading of
# section 四 right under the table; values read off the printed page


@pytest.mark.parametrize("indicator, value", [
    # `1.申请人无正当理` / `由逾期不补正、行政机关不再处` / … `2 0 0 0 0 0 2` … / `开申请`
    ("t3.result.other.no_correction.natural", 2),
    ("t3.result.other.no_correction.total", 2),
    ("t3.result.other.no_fee.natural", 0),  # six lines, `2.申请人逾期未` … `请`
    ("t3.result.other.other.commercial", 2),
    ("t3.result.total.total", 75),
    # `四、结转下年度` / `继续办理`, then the heading `四、政府信息公开行政复议…`: not its label
    ("t3.carried_forward.natural", 0),
    ("t3.carried_forward.total", 0),
])
def test_frame_table_labels_wrapped_over_many_lines(indicator, value):
    cells = _converted_cells("fj_pingtan_2022_tables_frame.pdf")
    assert indicator in cells
    assert cells[indicator] == value


# corpora/converted/sh_shanghai_office_2019_tables_narrow.pdf (make_narrow.py): table 四 in
# columns one character wide, no rulings: `结`/`果`/`维`/`持` down each column, the five words
# under 行政复议 starting half a line below the first characters of those under 行政诉讼;
# values read off the printed page (blank cells where nothing was counted)


@pytest.mark.parametrize("indicator, value", [
    ("t4.review.upheld", 5),
    ("t4.review.corrected", None),
    ("t4.review.other", None),  # 其他结果 beside 未经复议直接起诉's line: not a top header word
    ("t4.review.pending", 2),
    ("t4.review.total", 7),
    ("t4.litigation_direct.upheld", 8),
    ("t4.litigation_direct.other", None),
    ("t4.litigation_direct.pending", 1),
    ("t4.litigation_direct.total", 9),
    ("t4.litigation_after_review.upheld", None),
    ("t4.litigation_after_review.pending", None),
    ("t4.litigation_after_review.total", None),
])
def test_table_four_header_one_character_a_line(indicator, value):
    cells = _converted_cells("sh_shanghai_office_2019_tables_narrow.pdf")
    assert indicator in cells
    assert cells[indicator] == value


# corpora/converted/sn_gaoling_shenpi_2021_tables_slashes.pdf (make_narrow.py): table 三 of the
# 2021 form with `/` in every value cell (nothing to report, as the sn_gaoling report prints it),
# no rulings: 25 rows of seven `/` each, read off the printed page


@pytest.mark.parametrize("indicator", [
    "t3.new.natural",  # 一、本年新收… `/`
    "t3.new.total",
    "t3.carried_over.research",  # 二、上年结转… under 科研机构
    "t3.result.partial.nonprofit",  # （二）部分公开 (label over two lines)
    "t3.result.other.no_fee.legal_services",  # 2.申请人逾期未按收费… (three lines)
    "t3.result.total.other_org",  # （七）总计 under 其他
    "t3.carried_forward.total",  # 四、结转下年度继续办理, the last row
])
def test_table_of_blank_marks_only(indicator):
    cells = _converted_cells("sn_gaoling_shenpi_2021_tables_slashes.pdf")
    assert indicator in cells
    assert cells[indicator] is None


def test_table_of_blank_marks_only_reads_every_cell():
    cells = _converted_cells("sn_gaoling_shenpi_2021_tables_slashes.pdf")
    assert sum(k.startswith("t3.") for k in cells) == 25 * 7  # the form's rows × columns
