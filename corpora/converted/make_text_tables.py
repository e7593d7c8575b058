"""Make a report's statistics tables flattened into text as web pages give them: one cell a line,
each cell the page left empty printed as a line of a space alone (tests in
tests/test_ingest_html.py; docs/robustness_text_tables.md).

Run from the repository root:

    .venv/bin/python corpora/converted/make_text_tables.py

From `corpora/more/fj_pingtan_2022.txt` (tables one cell a line, empty cells dropped), each text
table is written again in place, its cells one a line in the order the page has them:

- `fj_pingtan_2022_ideo.txt`: every row as wide as the table (a page prints each column of each
  row); an empty cell is a line holding one ideographic space (`　`);
- `fj_pingtan_2022_nbsp.txt`: an empty cell is a line holding `&nbsp;` (a scraper that did not
  decode the entity).

The cells are those the reader finds in the source (`find_text_tables`), so a rendering carries
only the source's values.

From `corpora/heldout/sh_shanghai_office_2019.html` (tables with cells left empty inside rows:
`821 | 35 | | | 2 | 1 | 859`), each HTML table is written in its place one cell a line, a cell
that spans others once, an empty cell as a line of `　`: `sh_shanghai_office_2019_ideo.txt`.

Rows a line (docs/robustness_text_tables.md, layouts e and f), each table of the source written
again in place from its grid, a cell that spans others once:

- `*_ideosep.txt` (from the page and from `SOURCE`): a row's cells two full-width spaces apart,
  an empty cell as two more (`821　　35　　　　　　2`; the page's empty cells after a row's last
  value too);
- `js_shuyang_2025_pdf2md_colon.txt` (from `corpora/heldout/js_shuyang_2025_pdf2md.txt`,
  whose row labels carry no numbering mark):
  `label：v1 v2 …`, the values one space apart, empty cells left out.

Second round (docs/robustness_text_tables.md, "Session 13, second round"), from reports whose
text tables the reader finds (`find_text_tables`) or whose page tables the HTML reader finds:

- `xx_county_chengnanqu_2019_mirror_{ideosep,para2}.txt` (from the traditional-script mirror
  `corpora/heldout144/xx_county_chengnanqu_2019_zh_hant_mirror_excerpt.txt`, whose words carry
  pinyin glosses: `信息內(nèi)容　　本年新制作數(shù)量`) and `hb_wuhan_sthjj_2020_mirror_{ideosep,colon}.txt`
  (from `corpora/heldout5/hb_wuhan_sthjj_2020_zh_hant_mirror_excerpt.txt`, whose header words
  carry notes: `上一年項目數量(指2019年事項數)`);
- `sn_xian_yanliang_wenlv_2020_colon.txt` (from `corpora/heldout205/…_excerpt.txt`: signed
  本年增/减 counts, `行政许可：14 +3 17`);
- `*_para2.txt`: a cell a paragraph (the cell, then a blank line), an empty cell an empty
  paragraph (two more line breaks): `hi_qionghai_town_2022_para2.txt` (from
  `corpora/heldout12/…_excerpt.txt`) and `js_shuyang_fgj_2023_para2.txt` (from the page
  `corpora/heldout2/js_shuyang_fgj_2023.html`);
- `gd_shenzhen_longgang_2024_para.txt`: a cell a paragraph, an empty cell one more line break
  (from `corpora/heldout22/gd_shenzhen_longgang_bureau_2024_excerpt.txt`);
- `fj_pingtan_2019_rowblank.txt` (from `corpora/full/fj_pingtan_2019.txt`): a cell a line, a
  blank line after each row, empty cells left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "corpora" / "more" / "fj_pingtan_2022.txt"
PAGE = ROOT / "corpora" / "heldout" / "sh_shanghai_office_2019.html"
EMPTY = {"ideo": "\u3000", "nbsp": "&nbsp;"}


def render(text: str, empty: str) -> str:
    from nlp.ingest import read
    from nlp.segment.blocks import find_text_tables

    tables = find_text_tables(read(SOURCE))
    out, pos = [], 0
    for t in sorted(tables, key=lambda t: t.start):
        nrows = max(c.row + c.rowspan for c in t.cells)
        ncols = max(c.col + c.colspan for c in t.cells)
        grid: list[list[str | None]] = [[None] * ncols for _ in range(nrows)]
        for c in t.cells:
            grid[c.row][c.col] = "".join(c.text.split())
        out.append(text[pos:t.start])
        out.append("\n" + "\n".join(x or empty for row in grid for x in row) + "\n")
        pos = t.end
    out.append(text[pos:])
    return "".join(out)


def render_page() -> str:
    """`PAGE`'s text with its tables one cell a line (a merged cell once, empty ones `　`)."""
    from nlp.ingest import read

    doc = read(PAGE)
    out, pos = [], 0
    for t in sorted((t for t in doc.tables if t.start >= 0), key=lambda t: t.start):
        cells = sorted(t.cells, key=lambda c: (c.row, c.col))
        out.append(doc.text[pos:t.start])
        out.append("\n" + "\n".join("".join(c.text.split()) or "\u3000" for c in cells) + "\n")
        pos = t.end
    out.append(doc.text[pos:])
    return "".join(out)


_SPAN = object()  # a grid place a merged cell covers: a page prints nothing there


def _rows(table) -> list[list[str]]:
    """The table's grid rows as a page prints them: a merged cell once, at its first place."""
    nrows = max(c.row + c.rowspan for c in table.cells)
    ncols = max(c.col + c.colspan for c in table.cells)
    grid: list[list[object]] = [[""] * ncols for _ in range(nrows)]
    for c in table.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                grid[r][k] = _SPAN
        grid[c.row][c.col] = "".join(c.text.split())
    return [[x for x in row if isinstance(x, str)] for row in grid]


def _row_line(row: list[str], layout: str) -> str:
    from nlp.segment.blocks import _value_like

    if layout == "ideosep":
        return "\u3000\u3000".join(row)
    k = 0
    while k < len(row) and not _value_like(row[k]):
        k += 1
    labels, values = [x for x in row[:k] if x], [x for x in row[k:] if x]
    return "".join(labels) + "：" + " ".join(values) if values else " ".join(labels)


def _cells_text(rows: list[list[str]], layout: str) -> str:
    """A table's grid rows written a cell a line in `layout` ("para", "para2" or "rowblank")."""
    if layout == "rowblank":
        return "\n\n".join("\n".join(x for x in row if x) for row in rows if any(row))
    empty = "\n" if layout == "para" else "\n\n"
    return "".join(x + "\n\n" if x else empty for row in rows for x in row)


def render_rows(doc, tables, layout: str) -> str:
    """`doc`'s text with `tables` written a row a line in `layout` ("ideosep" or "colon") or a
    cell a line ("para", "para2", "rowblank": `_cells_text`)."""
    out, pos = [], 0
    for t in sorted((t for t in tables if t.start >= 0), key=lambda t: t.start):
        if t.start < pos:
            continue
        out.append(doc.text[pos:t.start])
        rows = _rows(t)
        out.append("\n" + (_cells_text(rows, layout) if layout in ("para", "para2", "rowblank")
                            else "\n".join(_row_line(r, layout) for r in rows)) + "\n")
        pos = t.end
    out.append(doc.text[pos:])
    return "".join(out)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    text = SOURCE.read_text(encoding="utf-8")
    for name, empty in EMPTY.items():
        dst = ROOT / "corpora" / "converted" / f"fj_pingtan_2022_{name}.txt"
        dst.write_text(render(text, empty), encoding="utf-8")
    dst = ROOT / "corpora" / "converted" / "sh_shanghai_office_2019_ideo.txt"
    dst.write_text(render_page(), encoding="utf-8")

    from nlp.ingest import read
    from nlp.segment.blocks import find_text_tables

    page = read(PAGE)
    dst = ROOT / "corpora" / "converted" / "sh_shanghai_office_2019_ideosep.txt"
    dst.write_text(render_rows(page, page.tables, "ideosep"), encoding="utf-8")
    source = read(SOURCE)
    dst = ROOT / "corpora" / "converted" / "fj_pingtan_2022_ideosep.txt"
    dst.write_text(render_rows(source, find_text_tables(source), "ideosep"), encoding="utf-8")
    md = read(ROOT / "corpora" / "heldout" / "js_shuyang_2025_pdf2md.txt")
    dst = ROOT / "corpora" / "converted" / "js_shuyang_2025_pdf2md_colon.txt"
    dst.write_text(render_rows(md, find_text_tables(md), "colon"), encoding="utf-8")

    converted = ROOT / "corpora" / "converted"
    for src, stem, layouts in (
            ("heldout144/xx_county_chengnanqu_2019_zh_hant_mirror_excerpt.txt",
             "xx_county_chengnanqu_2019_mirror", ("ideosep", "para2")),
            ("heldout5/hb_wuhan_sthjj_2020_zh_hant_mirror_excerpt.txt", "hb_wuhan_sthjj_2020_mirror",
             ("ideosep", "colon")),
            ("heldout205/sn_xian_yanliang_wenlv_2020_excerpt.txt", "sn_xian_yanliang_wenlv_2020",
             ("colon",)),
            ("heldout12/hi_qionghai_town_2022_excerpt.txt", "hi_qionghai_town_2022", ("para2",)),
            ("heldout22/gd_shenzhen_longgang_bureau_2024_excerpt.txt", "gd_shenzhen_longgang_2024",
             ("para",)),
            ("full/fj_pingtan_2019.txt", "fj_pingtan_2019", ("rowblank",))):
        doc = read(ROOT / "corpora" / src)
        for layout in layouts:
            (converted / f"{stem}_{layout}.txt").write_text(
                render_rows(doc, find_text_tables(doc), layout), encoding="utf-8")
    page = read(ROOT / "corpora" / "heldout2" / "js_shuyang_fgj_2023.html")
    (converted / "js_shuyang_fgj_2023_para2.txt").write_text(
        render_rows(page, page.tables, "para2"), encoding="utf-8")


if __name__ == "__main__":
    main()
