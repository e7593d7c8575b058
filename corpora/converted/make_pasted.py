"""Make copies of two reports as they reach readers pasted from other programs (tests in
tests/test_ingest_html.py and tests/test_ingest_docx.py; docs/robustness_html_docx.md, round 2).

Run from the repository root (needs python-docx and lxml; no LibreOffice):

    .venv/bin/python corpora/converted/make_pasted.py

For each report of `make_published.SOURCES`, its paragraphs and tables are written again as:

- `<stem>_excel.html`: the statistics tables pasted from an Excel sheet saved as a web page
  (GB2312): `<col span>` widths, numbers as `<td x:num="…">`, zeros that the number format
  hides as `<td x:num="0">&nbsp;</td>` (and empty), a hidden helper column after the labels
  (`style='display:none'` in every row, counted in the colspan of a label merged across it);
  every table cut in two where a PDF page broke, the header not repeated, the page number
  (`- 3 -`) and the running header (the report's title) between the parts.
- `<stem>_rows.html`: every row of every table its own `<table>` (as some CMS editors paste),
  a merged cell cut at each row: its text in the first, empty cells below.
- `<stem>_boxes.docx`: every table inside a text box (DrawingML `wps:txbx` with its VML
  `mc:Fallback` copy), its rows below the first two inside a repeating-section content
  control (`w:sdt` around `w:tr`), every third cell's paragraph inside a cell content control.
"""

from __future__ import annotations

import copy
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "corpora" / "converted"
sys.path.insert(0, str(ROOT / "corpora" / "converted"))

from make_published import SOURCES, Cell, blocks, is_number, n_cols, n_rows, split  # noqa: E402

E = html.escape


def _rows(cells: list[Cell]) -> dict[int, list[Cell]]:
    out: dict[int, list[Cell]] = {}
    for c in sorted(cells, key=lambda c: (c["r"], c["c"])):
        out.setdefault(c["r"], []).append(c)
    return out


def excel_table(cells: list[Cell]) -> str:
    rows, n = _rows(cells), n_rows(cells)
    covered = {(y, c["c"]) for c in cells for y in range(c["r"], c["r"] + c["rs"])
               if c["c"] == 0 and c["cs"] == 1}
    s = ["<table border=0 cellpadding=0 cellspacing=0 width=600 style='border-collapse:collapse;"
         "table-layout:fixed;width:450pt'><col width=200 style='width:150pt'>"
         "<col width=0 style='display:none'>"
         f"<col width=72 span={n_cols(cells) - 1} style='width:54pt'>"]
    k = 0
    for r in range(n):
        s.append("<tr height=19 style='height:14.25pt'>")
        if (r, 0) in covered and not any(c["c"] == 0 for c in rows.get(r, [])):
            s.append(f"<td class=xl65 style='display:none' x:num=\"{r}\">{r}</td>")
        for c in rows.get(r, []):
            cs = c["cs"] + (1 if c["c"] == 0 and c["cs"] > 1 else 0)
            attrs = (f" rowspan={c['rs']}" if c["rs"] > 1 else "") + (f" colspan={cs}" if cs > 1 else "")
            x = c["x"]
            if is_number(x):
                k += 1
                shown = "&nbsp;" if float(x) == 0 and k % 2 else "" if float(x) == 0 else E(x)
                s.append(f'<td class=xl67{attrs} align=right x:num="{x}">{shown}</td>')
            else:
                s.append(f"<td class=xl65{attrs}>{E(x) if x else '&nbsp;'}</td>")
            if c["c"] == 0 and c["cs"] == 1:
                s.append(f"<td class=xl65 style='display:none' x:num=\"{r}\">{r}</td>")
        s.append("</tr>")
    s.append("</table>")
    return "".join(s)


def _td(c: Cell) -> str:
    rs = f" rowspan={c['rs']}" if c["rs"] > 1 else ""
    cs = f" colspan={c['cs']}" if c["cs"] > 1 else ""
    return f"<td{rs}{cs}>{E(c['x'])}</td>"


def plain_table(cells: list[Cell]) -> str:
    rows = _rows(cells)
    out = ["<table border=\"1\">"]
    for r in range(n_rows(cells)):
        out.append("<tr>" + "".join(_td(c) for c in rows.get(r, [])) + "</tr>")
    return "".join(out) + "</table>"


def page(title: str, body: list[str], charset: str) -> bytes:
    text = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{E(title)}</title></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
    return text.encode("gbk" if charset != "utf-8" else "utf-8", "xmlcharrefreplace")


def excel_page(title: str, content: list[tuple[str, object]]) -> bytes:
    body, pg = [], 2
    for kind, v in content:
        if kind == "p":
            body.append(f"<p>{E(str(v))}</p>")
            continue
        for i, part in enumerate(split(v, 2, repeat=False)):  # type: ignore[arg-type]
            if i:
                pg += 1
                body.append(f'<p align="center">- {pg} -</p><p align="right">{E(title)}</p>')
            body.append(excel_table(part))
    return page(title, body, "gb2312")


def rows_page(title: str, content: list[tuple[str, object]]) -> bytes:
    body = []
    for kind, v in content:
        if kind == "p":
            body.append(f"<p>{E(str(v))}</p>")
            continue
        cells: list[Cell] = v  # type: ignore[assignment]
        for r in range(n_rows(cells)):
            row = [dict(c, r=0, rs=1, x=c["x"] if c["r"] == r else "") for c in cells
                   if c["r"] <= r < c["r"] + c["rs"]]
            body.append(plain_table(row))
    return page(title, body, "utf-8")


NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def _box_paragraph(k: int):
    from lxml import etree

    return etree.fromstring(
        f'<w:p {NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:extent cx="5400000" cy="3000000"/>'
        f'<wp:docPr id="{k}" name="文本框 {k}"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
        '<w:pict><v:shape style="width:425pt;height:236pt"><v:textbox><w:txbxContent/>'
        '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')


def _sdt(children: list, alias: str):
    from lxml import etree

    s = etree.fromstring(f'<w:sdt {NS}><w:sdtPr><w:alias w:val="{alias}"/></w:sdtPr>'
                         '<w:sdtContent/></w:sdt>')
    content = s[1]
    for ch in children:
        content.append(ch)
    return s


def boxes_docx(title: str, content: list[tuple[str, object]], path: Path) -> None:
    import docx
    from docx.oxml.ns import qn
    from make_published import _table

    d = docx.Document()
    d.core_properties.title = title
    body = d.element.body
    k = 0
    for kind, v in content:
        if kind == "p":
            d.add_paragraph(str(v))
            continue
        k += 1
        tbl = _table(d, v)._tbl  # type: ignore[arg-type]
        body.remove(tbl)
        for tr in tbl.findall(qn("w:tr")):  # every third cell's paragraphs in a content control
            for j, tc in enumerate(tr.findall(qn("w:tc"))):
                ps = tc.findall(qn("w:p"))
                if j % 3 == 2 and ps:
                    at = list(tc).index(ps[0])
                    for p in ps:
                        tc.remove(p)
                    tc.insert(at, _sdt(ps, "数值"))
        trs = tbl.findall(qn("w:tr"))
        if len(trs) > 3:  # the rows below the header in a repeating section
            at = list(tbl).index(trs[2])
            for tr in trs[2:]:
                tbl.remove(tr)
            tbl.insert(at, _sdt(trs[2:], "重复节"))
        p = _box_paragraph(k)
        boxes = p.findall(".//" + qn("w:txbxContent"))
        boxes[0].append(tbl)
        boxes[1].append(copy.deepcopy(tbl))
        body.insert(list(body).index(body.find(qn("w:sectPr"))), p)
    d.save(str(path))


def main() -> None:
    for stem, src in SOURCES.items():
        title, content = blocks(ROOT / src)
        (OUT / f"{stem}_excel.html").write_bytes(excel_page(title, content))
        (OUT / f"{stem}_rows.html").write_bytes(rows_page(title, content))
        boxes_docx(title, content, OUT / f"{stem}_boxes.docx")
        for suffix in ("_excel.html", "_rows.html", "_boxes.docx"):
            f = OUT / f"{stem}{suffix}"
            print(f"{f.relative_to(ROOT)}  {f.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
