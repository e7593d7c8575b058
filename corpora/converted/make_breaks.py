"""Print statistics tables of a report so that a page break and a ruling style hit them where they
hit the full report in the third PDF robustness run (docs/robustness_pdf.md), tables only, to
keep the file small (Chromium embeds the fonts).

Run from the repository root (needs Chromium):

    .venv/bin/python corpora/converted/make_breaks.py

Each table is read with `nlp.extract` (reader tables, or the text tables of a .txt) and written
back as an HTML `<table>` (rowspan/colspan kept), as `make_unruled.py` does; a blank block of
`SPACER` points before the tables moves the page break to the row named below.

- `sh_shanghai_office_2019_tables_threeline.pdf`: tables 三 and 四 of
  `corpora/heldout/sh_shanghai_office_2019.html` as three-line tables (a rule over and under
  each table and under its header); the page ends after `5.属于三类内部事务信息`, whose
  only number `5` stands beside the label's two lines at the foot of the page.
- `fj_pingtan_2022_tables_frame.pdf`: table 三 of `corpora/more/fj_pingtan_2022.txt` in a
  frame only, the next section's heading under it: the labels of （六）其他处理 wrap over five
  and six lines, more than reach the line of their numbers.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpora" / "converted"))

from make_unruled import print_pdf, table_html  # noqa: E402

# the robustness run's page: a serif face, the tables in 10.5 pt with 2 px × 4 px paddings
SERIF = ("body{font-family:'Noto Serif CJK SC',serif;font-size:12pt;line-height:1.5} "
         "p{text-indent:2em;margin:0} table{width:100%;font-size:10.5pt;border-collapse:collapse} "
         "td{padding:2px 4px;vertical-align:middle} @page{size:A4;margin:2cm} ")

FRAME = "table{border:1pt solid #000}"
THREE_LINE = ("table{border-top:1.5pt solid #000;border-bottom:1.5pt solid #000}"
              "tr.h td{border-bottom:0.75pt solid #000}")


def tables(source: Path) -> list:
    import nlp

    return nlp.extract(source).document.tables


def with_header_class(html: str, rows: int) -> str:
    """The three-line style's middle rule goes under the header: its last row gets class h."""
    parts = html.split("<tr>")
    if len(parts) > rows:
        parts[rows] = "<tr class='h'>" + parts[rows]
        return parts[0] + "<tr>".join(parts[1:rows]) + parts[rows] + "<tr>" + "<tr>".join(parts[rows + 1:])
    return html


def spacer(points: float) -> str:
    return f"<div style='height:{points}pt'></div>" if points else ""


SH = ROOT / "corpora" / "heldout" / "sh_shanghai_office_2019.html"
PINGTAN = ROOT / "corpora" / "more" / "fj_pingtan_2022.txt"
SPACER = {"sh": 420.0}


def main() -> None:
    out_dir = ROOT / "corpora" / "converted"
    sh = tables(SH)
    t3 = next(t for t in sh if any("本年新收" in c.text for c in t.cells))
    t4 = next(t for t in sh if any("行政复议" in c.text for c in t.cells))
    body = (spacer(SPACER["sh"]) + "<p>三、收到和处理政府信息公开申请情况</p>"
            + with_header_class(table_html(t3), 3)
            + "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + with_header_class(table_html(t4), 3))
    print_pdf(body, SERIF + THREE_LINE, out_dir / "sh_shanghai_office_2019_tables_threeline.pdf")

    pt = tables(PINGTAN)
    t3 = next(t for t in pt if any("本年新收" in c.text for c in t.cells))
    body = ("<p>三、收到和处理政府信息公开申请情况</p>" + table_html(t3)
            + "<p>四、政府信息公开行政复议、行政诉讼情况</p>")
    print_pdf(body, SERIF + FRAME, out_dir / "fj_pingtan_2022_tables_frame.pdf")


if __name__ == "__main__":
    if len(sys.argv) > 2:  # tuning: make_breaks.py sh POINTS
        SPACER[sys.argv[1]] = float(sys.argv[2])
    main()
