"""A self-contained HTML review page for one report (`xxgk show`, `Report._repr_html_`).

- The text with claims and citations highlighted, coloured by kind; hovering shows value, unit,
  indicator and confidence (a `title` tooltip, no script needed).
- Clicking a claim jumps to its table cell, and the cell's link jumps back (plain `#anchors`;
  `:target` styling marks where you landed).
- Failed checks are listed at the top, each linking to its spans and cells.
- Tables are shown with their indicator ids.

Report text is untrusted: every piece of it goes through `html.escape`, nothing from the report
ever becomes markup, an attribute name or a URL, and the page's Content-Security-Policy allows
no script at all and no network: it works offline and nothing in a report can run.
"""

from __future__ import annotations

from html import escape

from nlp.records import Cell, Citation, Claim, Report, Table

_CSS = """
body{font:15px/1.7 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;
margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#222}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#555;font-size:.9rem}.meta b{color:#222}
.text{white-space:pre-wrap;word-break:break-all}
mark{border-radius:3px;padding:0 1px;cursor:pointer;color:inherit}
a.claim,a.cite{text-decoration:none;color:inherit}
.k-count{background:#cfe8ff}.k-percent,.k-pp{background:#ffe2b8}.k-money{background:#d7f5d0}
.k-zero{background:#eee;border-bottom:2px dotted #888}.k-multiple,.k-duration{background:#f0dcff}
.c-doc_number{background:#ffd6e0}.c-title{background:#fff3b0}.c-alias{background:#fde6c8}
.fail mark,mark.fail{outline:2px solid #d33}
:target{outline:3px solid #e67e22!important;background:#ffeaa7!important}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.85rem}
td{border:1px solid #bbb;padding:2px 6px;vertical-align:top}
td.num{text-align:right}td .ind{display:block;color:#2a6;font-size:.7rem;font-family:monospace}
td.fail{background:#fdd}
ul.checks li{margin:.3rem 0}.st-fail{color:#c00;font-weight:bold}.st-uncertain{color:#b70}
.legend span{margin-right:.8rem;padding:0 .3rem}
"""

_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'")


def _e(x: object) -> str:
    return escape("" if x is None else str(x), quote=True)


def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:g}"


def _claim_title(c: Claim) -> str:
    bits = [f"值 value: {_fmt(c.value)}", f"单位 unit: {c.unit}"]
    if c.approx:
        bits.append(f"约数 approx: {c.approx}")
    if c.subject:
        bits.append(f"主语 subject: {c.subject}")
    bits.append(f"指标 indicator: {c.indicator or '—'}")
    bits.append(f"置信度 confidence: {c.confidence:.2f}")
    bits.append(f"来源 extractor: {c.extractor}")
    return "\n".join(bits)


def _cite_title(c: Citation) -> str:
    if c.kind == "doc_number":
        bits = [f"文号: {c.normalized or c.text}", f"机关代字: {c.code}", f"发文机关: {c.issuer or '—'}"]
    elif c.kind == "alias":
        bits = [f"简称: {c.title}", f"全称: {c.refers_to or '未定义 (unresolved)'}"]
    else:
        bits = [f"标题: {c.title}"]
    return "\n".join(bits)


def _spans(report: Report, claim_cells: dict[str, list[str]], failing: set[str]):
    """(start, end, open_html, close_html) for claims and citations, without overlaps."""
    items = []
    for c in report.claims:
        cells = claim_cells.get(c.claim_id, [])
        href = f"#{cells[0]}" if cells else f"#{c.claim_id}"
        cls = f"k-{c.kind}" + (" fail" if c.claim_id in failing else "")
        items.append((c.start, c.end, 1,
                      f'<a class="claim" href="{_e(href)}"><mark id="{_e(c.claim_id)}" '
                      f'class="{_e(cls)}" title="{_e(_claim_title(c))}" '
                      f'data-value="{_e(_fmt(c.value))}" data-unit="{_e(c.unit)}" '
                      f'data-indicator="{_e(c.indicator or "")}">', "</mark></a>"))
    for c in report.citations:
        items.append((c.start, c.end, 0,
                      f'<mark id="{_e(c.citation_id)}" class="cite c-{_e(c.kind)}" '
                      f'title="{_e(_cite_title(c))}">', "</mark>"))
    items.sort(key=lambda x: (x[0], -(x[1] - x[0]), x[2]))
    out, last_end = [], -1
    for s, e, _, o, cl in items:
        if s < last_end or e <= s:
            continue  # overlapping spans: keep the first, longest one
        out.append((s, e, o, cl))
        last_end = e
    return out


def _render_text(report: Report, claim_cells, failing, table_spans) -> str:
    text = report.document.text
    spans = _spans(report, claim_cells, failing)
    # table blocks are rendered as tables below; in the text they are replaced by a link
    cuts = sorted([(t.start, t.end, f'<a href="#table-{t.index}">［表格 {t.index + 1}］</a>')
                   for t in table_spans if t.start >= 0 and t.end > t.start])
    pieces, pos = [], 0
    events = sorted([(s, e, "span", (o, c)) for s, e, o, c in spans] +
                    [(s, e, "table", h) for s, e, h in cuts], key=lambda x: (x[0], x[2] != "table"))
    for s, e, kind, payload in events:
        if s < pos:
            continue
        pieces.append(_e(text[pos:s]))
        if kind == "table":
            pieces.append(payload)  # type: ignore[arg-type]
        else:
            o, c = payload  # type: ignore[misc]
            pieces.append(o + _e(text[s:e]) + c)
        pos = e
    pieces.append(_e(text[pos:]))
    return "".join(pieces)


def _render_table(t: Table, cells_at: dict[tuple[int, int, int], Cell], cell_claims,
                  failing: set[str]) -> str:
    rows: dict[int, list] = {}
    for tc in t.cells:
        rows.setdefault(tc.row, []).append(tc)
    html = [f'<table id="table-{t.index}">']
    if t.caption:
        html.append(f"<caption>{_e(t.caption)}</caption>")
    for r in range(t.n_rows):
        html.append("<tr>")
        for tc in sorted(rows.get(r, []), key=lambda c: c.col):
            cell = cells_at.get((t.index, tc.row, tc.col))
            attrs = []
            if tc.rowspan > 1:
                attrs.append(f'rowspan="{tc.rowspan}"')
            if tc.colspan > 1:
                attrs.append(f'colspan="{tc.colspan}"')
            inner = _e(tc.text)
            if cell is not None:
                cls = "num" + (" fail" if cell.cell_id in failing else "")
                attrs.append(f'id="{_e(cell.cell_id)}" class="{cls}"')
                attrs.append(f'title="{_e(f"{cell.row_label} × {cell.col_label}")}"')
                back = cell_claims.get(cell.cell_id, [])
                if back:
                    inner = f'<a class="back" href="#{_e(back[0])}">{inner}</a>'
                inner += f'<span class="ind">{_e(cell.indicator or "—")}</span>'
            html.append(f"<td {' '.join(attrs)}>{inner}</td>")
        html.append("</tr>")
    html.append("</table>")
    return "".join(html)


def render_report(report: Report, standalone: bool = True) -> str:
    """The review page as one HTML string (a full page, or a fragment for notebooks)."""
    doc = report.document
    claim_cells: dict[str, list[str]] = {}
    cell_claims: dict[str, list[str]] = {}
    for ln in report.links:
        claim_cells.setdefault(ln.claim_id, []).append(ln.cell_id)
        cell_claims.setdefault(ln.cell_id, []).append(ln.claim_id)
    failing = {r for ch in report.checks if ch.status == "fail" for r in ch.refs}
    cells_at: dict[tuple[int, int, int], Cell] = {}
    for c in report.cells:
        parts = c.cell_id.split("-")
        if len(parts) == 4 and parts[1].isdigit():
            cells_at[(int(parts[1]), c.row, c.col)] = c
    head = [f"<h1>{_e(doc.title or doc.path or '政府信息公开工作年度报告')}</h1>",
            '<p class="meta">'
            f"<b>机关</b> {_e(doc.agency or '—')} · <b>年度</b> {_e(doc.year or '—')} · "
            f"<b>地区</b> {_e(' '.join(v for v in (doc.region or {}).values() if isinstance(v, str)) or '—')} · "
            f"<b>格式</b> {_e(doc.template or '—')} · <b>字数</b> {doc.n_chars} · "
            f"<b>数字</b> {len(report.claims)} · <b>引用</b> {len(report.citations)} · "
            f"<b>表格数字</b> {len(report.cells)}</p>"]
    problems = [c for c in report.checks if c.status in ("fail", "uncertain")]
    problems.sort(key=lambda c: c.status != "fail")
    head.append(f"<h2>核对结果 Checks: {sum(c.status == 'fail' for c in report.checks)} 处不一致</h2>")
    if problems:
        head.append('<ul class="checks">')
        for ch in problems:
            links = " ".join(f'<a href="#{_e(r)}">{_e(r)}</a>' for r in ch.refs)
            head.append(f'<li><span class="st-{_e(ch.status)}">{_e(ch.status)}</span> '
                        f"<code>{_e(ch.check)}</code> {_e(ch.message)} {links}</li>")
        head.append("</ul>")
    else:
        head.append("<p>没有发现不一致。</p>")
    if report.errors:
        head.append("<h2>错误 Errors</h2><ul>" + "".join(
            f"<li>{_e(e.stage)}: {_e(e.message)}</li>" for e in report.errors) + "</ul>")
    legend = ('<p class="legend"><span class="k-count">数量</span><span class="k-percent">百分比</span>'
              '<span class="k-money">金额</span><span class="k-zero">零（文字）</span>'
              '<span class="c-doc_number">文号</span><span class="c-title">标题</span>'
              '<span class="c-alias">简称</span></p>')
    body = [*head, "<h2>正文 Text</h2>", legend,
            f'<div class="text">{_render_text(report, claim_cells, failing, doc.tables)}</div>']
    if doc.tables:
        body.append("<h2>统计表 Tables</h2>")
        body += [_render_table(t, cells_at, cell_claims, failing) for t in doc.tables]
    content = "\n".join(body)
    if not standalone:
        return f'<div class="xxgk-review"><style>{_CSS}</style>{content}</div>'
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
            f"<title>{_e(doc.title or doc.path or 'xxgk review')}</title>"
            f"<style>{_CSS}</style></head><body>\n{content}\n</body></html>\n")
