"""HTML reports (.html/.htm): the main content of a government CMS page, tables as tables.

Charset: a byte-order mark, then `<meta charset>` / `http-equiv` in the first bytes, else
`nlp.ingest.txt.decode` (strict UTF-8, GB18030, checked detection). Scripts, styles,
navigation, headers, footers, forms and comments (Word's `<!--[if …]>` too) are dropped. The
main content is the element named like a CMS article body (`nlp/data/html_content.toml`), or
else the deepest element holding most of the page's Chinese text. Inline elements never break
a line (`<span>154</span>件` reads `154件`); block elements end one. `&nbsp;` is a space.
Data tables are rendered into the text by `nlp.ingest.TextBuilder`; layout tables (one column,
or tables holding tables) are read as running text. A `<table>` right after another of the same
width (only blank paragraphs between, no `<caption>` of its own) continues it: a Word table split
at a page break and pasted so (`nlp.ingest.join_continued`: repeated header rows dropped).
Tables pasted from Excel's web pages: a blank cell with `x:num` reads as that number, and a
hidden (`display:none`) column is taken out of the grid (`_visible_cells`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from nlp.errors import CorruptFile, DecodeError
from nlp.ingest import TextBuilder, clean_cell, place_cells
from nlp.records import Document, TableCell

_META_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", regex.IGNORECASE
)
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]*\?>")
_HAN = regex.compile(r"\p{Han}")
_WS = regex.compile(r"[ \t\n\r\f\v\u00a0]+")
_TITLE_SPLIT = regex.compile(r"\s*(?:_|\||｜|——|--|\s-\s)\s*")

BLOCK_TAGS = frozenset(
    "address article blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr html li main menu ol p pre section summary ul caption tr td th "
    "tbody thead tfoot table legend".split()
)
_CELL_TAGS = frozenset({"td", "th"})


@dataclass(frozen=True)
class ContentRules:
    drop_tags: frozenset[str]
    tiers: tuple[tuple[str, frozenset[str]], ...]
    examples: tuple[dict[str, str], ...]


@lru_cache(maxsize=1)
def content_rules() -> ContentRules:
    """The content-container names and dropped tags of `nlp/data/html_content.toml`."""
    from nlp.data import DATA_DIR, load_toml

    raw: dict[str, Any] = load_toml(DATA_DIR / "html_content.toml")
    return ContentRules(
        drop_tags=frozenset(raw["drop_tags"]),
        tiers=tuple((t["name"], frozenset(n.lower() for n in t["names"])) for t in raw["tiers"]),
        examples=tuple(raw.get("examples", ())),
    )


def decode_html(data: bytes, path: Path | None = None) -> tuple[str, str]:
    """(text, encoding) of an HTML page: BOM, then the declared charset, then detection."""
    from nlp.ingest.txt import decode

    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, path)
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        codec = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
                 "utf8": "utf-8"}.get(declared, declared)
        try:
            return data.decode(codec), declared
        except LookupError:
            pass
        except UnicodeDecodeError:
            # The declaration is wrong (common after a site migration): detect instead.
            text, enc = decode(data, path)
            return text, enc
    return decode(data, path)


def _tokens(el: Any) -> set[str]:
    out = {t.lower() for t in (el.get("class") or "").split()}
    ident = (el.get("id") or "").strip().lower()
    if ident:
        out.add(ident)
    if el.tag == "article":
        out.add("article")
    return out


def _han(el: Any) -> int:
    return len(_HAN.findall(el.text_content()))


def _main_content(body: Any) -> Any:
    total = _han(body)
    if total == 0:
        return body
    rules = content_rules()
    elements = [el for el in body.iter() if isinstance(el.tag, str)]
    for _name, names in rules.tiers:
        cands = [el for el in elements if _tokens(el) & names]
        scored = [(h, el) for el in cands if (h := _han(el)) >= max(20, 0.3 * total)]
        if scored:
            best = max(scored, key=lambda x: x[0])[1]
            # a container of the same tier inside it that leaves out only a few words of its
            # own (link text not counted: a sidebar of news titles, related pages) and none of
            # its tables is the article itself: <div class="main"> holds <div class="content">,
            # a breadcrumb and a sidebar
            own = _own_han(best)
            tables = list(best.iter("table"))
            inner = [el for _h, el in scored if el is not best and _inside(el, best)
                     and all(_inside(t, el) for t in tables)
                     and max(own - _FEW_WORDS, own / 2) <= _own_han(el)]
            return inner[-1] if inner else best  # document order: the deepest comes last
    # fallback: the deepest container (2+ block children) that still holds most of the
    # page's Chinese text
    best = body
    for el in elements:
        blocks = sum(1 for ch in el if isinstance(ch.tag, str) and ch.tag in BLOCK_TAGS)
        if blocks >= 2 and _han(el) >= 0.8 * total:
            best = el  # iter() is document order: a descendant comes after its ancestor
    return best


_FEW_WORDS = 60  # Chinese characters a page's chrome may add around its article


def _own_han(el: Any) -> int:
    """Chinese characters of `el` outside links (a page's own words, not its menus)."""
    return _han(el) - sum(_han(a) for a in el.iter("a"))


def _inside(el: Any, ancestor: Any) -> bool:
    return any(p is ancestor for p in el.iterancestors())


def _is_layout_table(table: Any) -> bool:
    if any(True for _ in table.iterdescendants("table")):
        return True
    rows = _rows_of(table)
    max_cols = max((sum(_span(c, "colspan") for c in r) for r in rows), default=0)
    return max_cols <= 1


def _rows_of(table: Any) -> list[list[Any]]:
    rows = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return [[c for c in tr if isinstance(c.tag, str) and c.tag in _CELL_TAGS] for tr in rows]


def _span(cell: Any, attr: str) -> int:
    raw = (cell.get(attr) or "1").strip()
    m = regex.match(r"\d+", raw)
    if not m:
        return 1
    return max(1, min(int(m.group()), 1000))


class _Flow:
    """Collects the text of a run of inline content; block boundaries call `flush`."""

    def __init__(self, out: TextBuilder) -> None:
        self.out = out
        self.buf: list[str] = []

    def add(self, s: str | None) -> None:
        if s:
            self.buf.append(_WS.sub(" ", s))

    def flush(self) -> None:
        if self.buf:
            self.out.line("".join(self.buf))
            self.buf = []


def _inline_text(el: Any) -> str:
    """All text of an element on one line (a table cell): breaks and blocks become spaces."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                if child.tag == "br" or child.tag in BLOCK_TAGS:
                    parts.append(" ")
                walk(child)
                if child.tag in BLOCK_TAGS:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return clean_cell(_WS.sub(" ", "".join(parts)))


_HIDDEN = "data-xxgk-hidden"  # set by `_clean_tree` on a `display:none` table cell
_X_NUM = regex.compile(r"-?\d+(?:\.\d+)?")


def _cell_text(cell: Any) -> str:
    """A table cell's text; a blank cell of an Excel sheet saved as a web page holding a number
    (`<td x:num="0">&nbsp;</td>`: a zero its number format hides) reads as that number."""
    text = _inline_text(cell)
    if not text:
        value = (cell.get("x:num") or "").strip()
        if _X_NUM.fullmatch(value):
            return value
    return text


def _visible_cells(rows: list[list[tuple[str, int, int, bool]]]) -> list[TableCell]:
    """Placed cells of a table whose rows hold hidden (`display:none`) cells. An Excel sheet
    saved as a web page writes a hidden column as a hidden cell in every row, and a merged
    cell over it still counts it in its colspan: such columns are taken out of the grid. Else
    the hidden cells are only left out (what the page shows); so too when the rows come out
    more even that way (a sheet whose merged cells leave the hidden column out)."""
    shown = place_cells([[(t, rs, cs) for t, rs, cs, h in row if not h] for row in rows])
    placed = place_cells([[(t, rs, cs) for t, rs, cs, _h in row] for row in rows])
    hidden = [h for row in rows for *_x, h in row]
    cover: dict[tuple[int, int], int] = {}
    for i, c in enumerate(placed):
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                cover[r, k] = i
    cols = {placed[i].col for i, h in enumerate(hidden) if h}
    n_rows = max((c.row + c.rowspan for c in placed), default=0)
    if all(placed[i].colspan == 1 for i, h in enumerate(hidden) if h) and all(
            (i := cover.get((r, k))) is None or hidden[i] or placed[i].colspan > 1
            for k in cols for r in range(n_rows)):
        out = []
        for i, c in enumerate(placed):
            if hidden[i]:
                continue
            inside = sum(1 for k in cols if c.col <= k < c.col + c.colspan)
            c.col -= sum(1 for k in cols if k < c.col)
            c.colspan -= inside
            out.append(c)
        if _even_rows(out) >= _even_rows(shown):
            return out
    return shown


def _even_rows(cells: list[TableCell]) -> int:
    """Rows of placed cells that reach the grid's right edge."""
    ends: dict[int, int] = {}
    for c in cells:
        for r in range(c.row, c.row + c.rowspan):
            ends[r] = max(ends.get(r, 0), c.col + c.colspan)
    width = max(ends.values(), default=0)
    return sum(1 for e in ends.values() if e == width)


def _walk(el: Any, flow: _Flow) -> None:
    tag = el.tag
    if el.get(_HIDDEN):
        return
    if tag == "table" and not _is_layout_table(el):
        flow.flush()
        rows = [[(_cell_text(c), _span(c, "rowspan"), _span(c, "colspan"), bool(c.get(_HIDDEN)))
                 for c in row] for row in _rows_of(el)]
        cells = _visible_cells(rows) if any(h for row in rows for *_x, h in row) \
            else place_cells([[(t, rs, cs) for t, rs, cs, _h in row] for row in rows])
        caption_el = el.find("caption")
        caption = _inline_text(caption_el) if caption_el is not None else ""
        # a table right after another of the same width continues it (a Word table split at a
        # page break and pasted so), unless it has a caption of its own
        flow.out.table(cells, source="html", caption=caption, continued=not caption)
        return
    block = tag in BLOCK_TAGS
    if block:
        flow.flush()
    flow.add(el.text)
    for child in el:
        if isinstance(child.tag, str):
            if child.tag == "br":
                flow.flush()
            else:
                _walk(child, flow)
        flow.add(child.tail)
    if block:
        flow.flush()


def _clean_tree(root: Any) -> None:
    from lxml import etree

    drop = content_rules().drop_tags
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            doomed.append(el)
        elif el.tag in drop:
            doomed.append(el)
        elif regex.search(r"display\s*:\s*none", el.get("style") or "", regex.IGNORECASE):
            if el.tag in _CELL_TAGS:
                el.set(_HIDDEN, "1")  # kept while the table is placed (`_visible_cells`)
            else:
                doomed.append(el)
    for el in doomed:
        if el.getparent() is None:
            continue
        tail = el.tail
        parent = el.getparent()
        prev = el.getprevious()
        if tail:
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)
    etree.strip_tags(root, "font", "o:p")  # keep their text


def _page_title(root: Any, raw_title: str) -> str:
    """The report title: an <h1>/<h2> that names a 报告, else the part of <title> that does
    (CMS titles are "报告标题_栏目_网站"), else the first part of <title>."""
    for h in root.iter("h1", "h2"):
        t = _inline_text(h)
        if 4 <= len(t) <= 80 and "报告" in t:
            return t
    parts = [p for p in _TITLE_SPLIT.split(raw_title) if p]
    for p in parts:
        if "报告" in p:
            return p
    return parts[0] if parts else ""


def read_html(data: bytes, path: Path | None, doc_id: str | None = None) -> Document:
    """Read an HTML page (or fragment) into a `Document`."""
    import lxml.html
    from lxml import etree

    from nlp.pipeline import doc_id_for

    text, encoding = decode_html(data, path)
    text = _XML_DECL.sub("", text, count=1)
    if "\x00" in text:
        raise DecodeError(path, "contains NUL characters: not an HTML text file")
    try:
        root = lxml.html.document_fromstring(text) if text.strip() else None
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFile(path, f"cannot be parsed as HTML: {exc}") from exc
    if root is None:
        raise CorruptFile(path, "cannot be parsed as HTML (no content)")
    title_el = root.find(".//title")
    raw_title = clean_cell(title_el.text_content()) if title_el is not None else ""
    _clean_tree(root)
    body = root.find("body")
    if body is None:
        body = root
    content = _main_content(body)
    out = TextBuilder()
    page_title = _page_title(root, raw_title)
    content_text = clean_cell(content.text_content())
    if page_title and clean_cell(page_title) not in content_text:
        out.line(page_title)
    flow = _Flow(out)
    _walk(content, flow)
    flow.flush()
    meta: dict[str, Any] = {"encoding": encoding, "warnings": []}
    if page_title:
        meta["title"] = page_title
    if raw_title:
        meta["html_title"] = raw_title
    if content is not body:
        meta["content_element"] = (
            f"{content.tag}" + (f"#{content.get('id')}" if content.get("id") else "")
            + (f".{'.'.join((content.get('class') or '').split())}" if content.get("class") else "")
        )
    return Document(
        doc_id=doc_id or doc_id_for(data),
        path=None if path is None else str(path),
        format="html",
        text=out.text(),
        tables=out.tables,
        meta=meta,
    )
