"""Make copies of two HTML reports as CMSs and offices publish them (tests/test_ingest_html.py,
tests/test_ingest_docx.py; docs/robustness_html_docx.md).

Run from the repository root (needs python-docx and lxml; no LibreOffice):

    .venv/bin/python corpora/converted/make_published.py

For each report in SOURCES, its paragraphs and tables as `nlp.ingest.read` gives them are
written again as:

- `<stem>_cms.html`: a CMS page in GBK (charset in `<meta http-equiv>`): navigation, share
  links and footer around a layout table whose cell holds `<div class="TRS_Editor">`; every
  paragraph and table cell is Word's pasted `<p class="MsoNormal"><span style=…>` (`&nbsp;` in
  empty cells, `<col>` widths); the statistics tables are split where a Word page broke: 二
  in two `<table>`s, the header not repeated; 三 and 四 in three, the header rows repeated as
  `<th>` in a `<thead>`, a `<p>&nbsp;</p>` between; labels of five or more characters cut in
  two by `<br>`.
- `<stem>_split.docx` (python-docx): the whole report inside a one-cell layout table; every
  table split at a page break (an empty paragraph with `w:br type=page`), the header rows
  repeated (`w:tblHeader`); merged cells as `w:gridSpan` / `w:vMerge`; labels in two
  paragraphs; numbers as tracked insertions over a deleted old value, as `w:fldSimple`
  formula results and as complex fields (`w:instrText` =SUM(ABOVE)).
- `<stem>_padded.docx` (python-docx): cells merged across columns are written unmerged, the
  text in the first and empty cells after it (`信息内容 | 本年处理决定数量 | | `), as word
  processors keep a row that has fewer cells than the table.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "corpora" / "converted"
sys.path.insert(0, str(ROOT))

SOURCES: dict[str, str] = {
    "fj_pingtan_2025_article": "corpora/more/fj_pingtan_2025_article.html",
    "sh_shanghai_office_2019": "corpora/heldout/sh_shanghai_office_2019.html",
}

Cell = dict  # r, c, rs, cs, x


def blocks(path: Path) -> tuple[str, list[tuple[str, object]]]:
    """The report's title and its paragraphs ("p", text) and tables ("t", cells) in order."""
    from nlp.ingest import read

    doc = read(path)
    out: list[tuple[str, object]] = []
    pos = 0
    for t in doc.tables:
        out.extend(("p", ln) for ln in doc.text[pos:t.start].splitlines() if ln.strip())
        out.append(("t", [dict(r=c.row, c=c.col, rs=c.rowspan, cs=c.colspan, x=c.text)
                          for c in t.cells]))
        pos = t.end
    out.extend(("p", ln) for ln in doc.text[pos:].splitlines() if ln.strip())
    return doc.meta.get("title", ""), out


def n_rows(cells: list[Cell]) -> int:
    return max(c["r"] + c["rs"] for c in cells)


def n_cols(cells: list[Cell]) -> int:
    return max(c["c"] + c["cs"] for c in cells)


def is_number(x: str) -> bool:
    return x.replace(".", "", 1).isdigit()


def header_rows(cells: list[Cell]) -> int:
    """Rows above the first one with a number right of the first column."""
    for r in range(n_rows(cells)):
        if any(c["r"] == r and c["c"] > 0 and is_number(c["x"]) for c in cells):
            return max(r, 1)
    return 1


def split(cells: list[Cell], k: int, repeat: bool) -> list[list[Cell]]:
    """The table cut into k parts between rows below the header; a merged cell crossing a cut
    keeps its text above and goes on empty below; the header rows repeated or not."""
    h, n = header_rows(cells), n_rows(cells)
    if n - h < 2 * k:  # too short to run over a page
        return [cells]
    cuts = [h + (n - h) * i // k for i in range(1, k)] + [n]
    parts, top = [], 0
    for cut in cuts:
        part = []
        for c in cells:
            r0, r1 = max(c["r"], top), min(c["r"] + c["rs"], cut)
            if r0 < r1:
                part.append(dict(c, r=r0 - top, rs=r1 - r0, x=c["x"] if r0 == c["r"] else ""))
        parts.append(part)
        top = cut
    if repeat:
        head = [dict(c) for c in cells if c["r"] + c["rs"] <= h]
        parts = [parts[0]] + [head + [dict(c, r=c["r"] + h) for c in p] for p in parts[1:]]
    return parts


# --------------------------------------------------------------------------- the CMS page

E = html.escape
P_WORD = ('<p class="MsoNormal" align="center" style="text-align:center;line-height:15.0pt">'
          '<span style="font-size:10.5pt;font-family:仿宋_GB2312">{}</span></p>')


def cell_html(x: str) -> str:
    if not x:
        return P_WORD.format("&nbsp;")
    if len(x) >= 5 and not is_number(x):
        m = len(x) // 2
        return P_WORD.format(f"{E(x[:m])}<br>{E(x[m:])}")
    return P_WORD.format(E(x))


def table_html(cells: list[Cell], head: int) -> str:
    rows: dict[int, list[Cell]] = {}
    for c in sorted(cells, key=lambda c: (c["r"], c["c"])):
        rows.setdefault(c["r"], []).append(c)

    def tr(r: int, tag: str) -> str:
        tds = []
        for c in rows.get(r, []):
            span = (f' rowspan="{c["rs"]}"' if c["rs"] > 1 else "") + (
                f' colspan="{c["cs"]}"' if c["cs"] > 1 else "")
            tds.append(f'<{tag}{span} style="border:solid windowtext 1.0pt">{cell_html(c["x"])}'
                       f"</{tag}>")
        return "<tr>" + "".join(tds) + "</tr>"

    cols = "".join(f'<col width="{48 + 9 * i}">' for i in range(n_cols(cells)))
    thead = "".join(tr(r, "th") for r in range(head))
    tbody = "".join(tr(r, "td") for r in range(head, n_rows(cells)))
    return ('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" '
            f'style="border-collapse:collapse"><colgroup>{cols}</colgroup>'
            + (f"<thead>{thead}</thead>" if thead else "") + f"<tbody>{tbody}</tbody></table>")


def cms_page(title: str, content: list[tuple[str, object]]) -> bytes:
    body, k = [], 0
    for kind, v in content:
        if kind == "p":
            body.append('<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">'
                        f'<span style="font-size:16.0pt;font-family:仿宋_GB2312">{E(v)}</span></p>')
            continue
        k += 1
        cells = v
        if k == 1:  # 二: two parts, the header not repeated
            parts, head = split(cells, 2, repeat=False), 0
        else:  # 三, 四: three parts, the header repeated as <th> in a <thead>
            parts, head = split(cells, 3, repeat=True), header_rows(cells)
        for i, part in enumerate(parts):
            if i:
                body.append('<p class="MsoNormal">&nbsp;</p>')
            body.append(table_html(part, head if (i == 0 or head) else 0))
    menu = "".join(f'<li><a href="/l{i}">{t}</a></li>' for i, t in enumerate(
        ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"]))
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n<html><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>{E(title)}_政府信息公开年报_某某网</title></head><body>"
        '<div class="header"><div class="logo">某某市人民政府门户网站</div></div>'
        '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>'
        '</ul></div><div class="crumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开年报</div>'
        '<table width="1000" border="0" cellpadding="0" cellspacing="0"><tr>'
        f'<td class="left" width="200"><h3>信息公开目录</h3><ul>{menu}</ul></td>'
        '<td class="right" valign="top"><div class="article">'
        f'<h1 class="title">{E(title)}</h1><div class="info">发布时间：2024-01-20 浏览次数：1024</div>'
        '<div class="zoom"><div class="TRS_Editor"><div class="Custom_UnionStyle">'
        + "\n".join(body) +
        "</div></div></div></div></td></tr></table>"
        '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>'
        '<div class="footer"><p>主办单位：某某市人民政府办公室 网站标识码：1234000001</p></div>'
        "</body></html>\n")
    return page.encode("gbk", "xmlcharrefreplace")


# --------------------------------------------------------------------------- Word files


def _el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(k.replace("_", ":", 1)), v)
    return el


def _run(text: str, deleted: bool = False):
    from docx.oxml.ns import qn

    r = _el("w:r")
    t = _el("w:delText" if deleted else "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    return r


def _number(p, x: str, k: int) -> None:
    """A number as Word may hold it: plain, a tracked change, a simple or a complex field."""
    mode = k % 4
    if mode == 0:
        p.add_run(x)
    elif mode == 1:  # tracked: the old value deleted, the new one inserted
        d = _el("w:del", w_id=str(2 * k), w_author="a", w_date="2024-01-01T00:00:00Z")
        d.append(_run("9" + x, deleted=True))
        i = _el("w:ins", w_id=str(2 * k + 1), w_author="a", w_date="2024-01-01T00:00:00Z")
        i.append(_run(x))
        p._p.append(d)
        p._p.append(i)
    elif mode == 2:
        f = _el("w:fldSimple", w_instr=" =SUM(LEFT) ")
        f.append(_run(x))
        p._p.append(f)
    else:
        for part in ("begin", "instr", "separate", "result", "end"):
            if part == "instr":
                r = _el("w:r")
                it = _el("w:instrText")
                it.text = ' =SUM(ABOVE) \\# "0" '
                r.append(it)
            elif part == "result":
                r = _run(x)
            else:
                r = _el("w:r")
                r.append(_el("w:fldChar", w_fldCharType=part))
            p._p.append(r)


def _table(container, cells: list[Cell], *, header: int = 0, fancy: bool = False,
           merge: bool = True, counter: list[int] | None = None):
    t = container.add_table(rows=n_rows(cells), cols=n_cols(cells))
    t.style = "Table Grid"
    for r in range(header):
        t.rows[r]._tr.get_or_add_trPr().append(_el("w:tblHeader"))
    for c in sorted(cells, key=lambda c: (c["r"], c["c"])):
        cell, x = t.cell(c["r"], c["c"]), c["x"]
        if fancy and is_number(x) and counter is not None:
            counter[0] += 1
            _number(cell.paragraphs[0], x, counter[0])
        elif fancy and len(x) >= 5 and not is_number(x):  # a label in two paragraphs
            cell.text = x[: len(x) // 2]
            cell.add_paragraph(x[len(x) // 2:])
        else:
            cell.text = x
    for c in cells:
        if merge and (c["rs"] > 1 or c["cs"] > 1):
            t.cell(c["r"], c["c"]).merge(t.cell(c["r"] + c["rs"] - 1, c["c"] + c["cs"] - 1))
        elif not merge and c["rs"] > 1:  # keep the vertical merges, unmerge across columns
            t.cell(c["r"], c["c"]).merge(t.cell(c["r"] + c["rs"] - 1, c["c"]))
    return t


def split_docx(title: str, content: list[tuple[str, object]], path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.core_properties.title = title
    frame = d.add_table(rows=1, cols=1).cell(0, 0)  # the layout table around the report
    counter = [0]
    for kind, v in content:
        if kind == "p":
            frame.add_paragraph(v)
            continue
        cells = v
        for i, part in enumerate(split(cells, 2, repeat=True)):
            if i:
                frame.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _table(frame, part, header=header_rows(cells), fancy=True, counter=counter)
        frame.add_paragraph()
    d.save(str(path))


def padded_docx(title: str, content: list[tuple[str, object]], path: Path) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = title
    for kind, v in content:
        if kind == "p":
            d.add_paragraph(v)
        else:
            _table(d, v, merge=False)
    d.save(str(path))


def main() -> None:
    for stem, src in SOURCES.items():
        title, content = blocks(ROOT / src)
        (OUT / f"{stem}_cms.html").write_bytes(cms_page(title, content))
        split_docx(title, content, OUT / f"{stem}_split.docx")
        padded_docx(title, content, OUT / f"{stem}_padded.docx")
        for suffix in ("_cms.html", "_split.docx", "_padded.docx"):
            f = OUT / f"{stem}{suffix}"
            print(f"{f.relative_to(ROOT)}  {f.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
