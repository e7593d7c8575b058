"""Print table 四 of a report in narrow columns, its header one character a line, without rulings
(fourth PDF robustness run, docs/robustness_pdf.md). Tables only, to keep the file small
(Chromium embeds the fonts).

Run from the repository root (needs Chromium):

    .venv/bin/python corpora/converted/make_narrow.py

Word and WPS print the 2021 form's table 四 (15 value columns) in columns about one character
wide: `结`/`果`/`维`/`持` down one column, the five words under 行政复议 (two header rows high)
starting half a line below the first characters of the words under 行政诉讼.

- `sh_shanghai_office_2019_tables_narrow.pdf`: table 四 of
  `corpora/heldout/sh_shanghai_office_2019.html` (blank cells where nothing was counted), no
  rulings, cells padded so that one character fits a line.
- `sn_gaoling_shenpi_2021_tables_slashes.pdf`: table 三 of the 2021 form with every value `/`
  (nothing to report), as `corpora/heldout40/sn_gaoling_shenpi_2021_excerpt.txt` prints it: the
  form's rows and columns from table 三 of `corpora/more/fj_pingtan_2025_article.html`, each
  number replaced by `/`, no rulings.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpora" / "converted"))

import regex  # noqa: E402
from make_breaks import SERIF, tables  # noqa: E402
from make_unruled import print_pdf, table_html  # noqa: E402

SH = ROOT / "corpora" / "heldout" / "sh_shanghai_office_2019.html"
FORM = ROOT / "corpora" / "more" / "fj_pingtan_2025_article.html"
NARROW = "td{padding:2px 9px}"  # 15 columns on A4: about 17 pt of text a column, one character


def main() -> None:
    t4 = next(t for t in tables(SH) if any("行政复议" in c.text for c in t.cells))
    body = "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + table_html(t4)
    print_pdf(body, SERIF + NARROW, ROOT / "corpora" / "converted"
              / "sh_shanghai_office_2019_tables_narrow.pdf")

    t3 = next(t for t in tables(FORM) if any("本年新收" in c.text for c in t.cells))
    slashes = regex.sub(r"<td([^>]*)>\d+</td>", r"<td\1>/</td>", table_html(t3))
    print_pdf("<p>三、收到和处理政府信息公开申请情况</p>" + slashes, SERIF,
              ROOT / "corpora" / "converted" / "sn_gaoling_shenpi_2021_tables_slashes.pdf")


if __name__ == "__main__":
    main()
