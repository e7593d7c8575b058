"""Print the statistics tables of a report as unruled PDF tables (robustness of the PDF reader).

Run from the repository root (needs Chromium):

    .venv/bin/python corpora/converted/make_unruled.py

Real report PDFs come from Word/WPS with tables in many rulings: three-line (booktabs) tables,
a frame only, or no rulings at all. This script reads table 三 and the first part of table 二 (第二十条第（一）项) of
`corpora/more/fj_pingtan_2025_article.html` with `nlp.ingest.read`, writes them back as HTML
`<table>`s (rowspan/colspan kept, their section headings as paragraphs) and prints them with
headless Chromium on A4 in two styles:

- `fj_pingtan_2025_tables_norules.pdf`: no rulings at all;
- `fj_pingtan_2025_tables_booktabs.pdf`: top and bottom rules, and a rule under every row.

Only the tables are printed, to keep the files small (the fonts are embedded).

Two more show blank cells (empty cells, not 0, where nothing was counted): table 三 of
`corpora/heldout/sh_shanghai_office_2019.html` and of `corpora/heldout2/js_shuyang_fgj_2023.html`
(requests from 自然人 only: five of seven columns blank), printed without rulings as
`<stem>_tables_blanks.pdf`.
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SOURCE = ROOT / "corpora" / "more" / "fj_pingtan_2025_article.html"
BASE = ("body{font-family:'Noto Sans CJK SC',sans-serif;font-size:12pt;line-height:1.5}"
        "p{margin:0} table{width:100%;font-size:10.5pt;border-collapse:collapse}"
        "td{padding:2px 4px;vertical-align:middle} @page{size:A4;margin:2cm}")
STYLES = {
    "norules": "",
    "booktabs": "table{border-top:1.5pt solid #000;border-bottom:1.5pt solid #000}"
                "td{border-bottom:0.5pt solid #000}",
}


def table_html(table) -> str:
    from nlp.records import grid_cols, grid_rows

    start = {(c.row, c.col): c for c in table.cells}
    covered = {(r, k) for c in table.cells for r in range(c.row, c.row + c.rowspan)
               for k in range(c.col, c.col + c.colspan)}
    rows = []
    for r in range(grid_rows(table.cells)):
        tds = []
        for k in range(grid_cols(table.cells)):
            c = start.get((r, k))
            if c is not None:
                span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                    f' colspan="{c.colspan}"' if c.colspan > 1 else "")
                tds.append(f"<td{span}>{html.escape(c.text)}</td>")
            elif (r, k) not in covered:
                tds.append("<td></td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


BLANKS = [ROOT / "corpora" / "heldout" / "sh_shanghai_office_2019.html",
          ROOT / "corpora" / "heldout2" / "js_shuyang_fgj_2023.html"]


def print_pdf(body: str, css: str, out: Path) -> None:
    page = (f"<html><head><meta charset='utf-8'><style>{BASE} {css}</style></head>"
            f"<body>{body}</body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(page, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(out.relative_to(ROOT), out.stat().st_size)


def main() -> None:
    from nlp.ingest import read

    for source in BLANKS:
        t3 = next(t for t in read(source).tables if any("本年新收" in c.text for c in t.cells))
        print_pdf("<p>三、收到和处理政府信息公开申请情况</p>" + table_html(t3), STYLES["norules"],
                  ROOT / "corpora" / "converted" / f"{source.stem}_tables_blanks.pdf")

    doc = read(SOURCE)
    t2, t3 = doc.tables[0], doc.tables[1]
    rows_t2 = table_html(t2).split("</tr>")  # its first part only: 第二十条第（一）项
    body = ("<p>二、主动公开政府信息情况</p>" + "</tr>".join(rows_t2[:4]) + "</tr></table>"
            + "<p>三、收到和处理政府信息公开申请情况</p>" + table_html(t3))
    for name, css in STYLES.items():
        page = (f"<html><head><meta charset='utf-8'><style>{BASE} {css}</style></head>"
                f"<body>{body}</body></html>")
        out = ROOT / "corpora" / "converted" / f"fj_pingtan_2025_tables_{name}.pdf"
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"{name}.html"
            src.write_text(page, encoding="utf-8")
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                           check=True, capture_output=True, timeout=120)
        print(out.relative_to(ROOT), out.stat().st_size)


if __name__ == "__main__":
    main()
