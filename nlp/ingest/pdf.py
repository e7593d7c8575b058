"""PDF reports with a text layer.

Each page's characters and rulings are read with pdfium (`nlp.ingest.pdf_objects`, in
pdfplumber's object form and pdfminer's geometry); pdfplumber's table finder and text helpers
work on them. Per page: fake-bold duplicate characters are removed (pdfplumber's
`dedupe_chars`); ruled tables are found (`find_tables`), their cells placed on a grid from the cell boxes (a merged cell is one box
covering several grid lines, so it is read once with its rowspan/colspan), and the characters
inside a table are kept out of the running text. Text boxes drawn as one-column "tables"
(ruled writing paper, frames) are read as text; prose rows that a table finder glued to the
top or bottom of a real table are cut off again.

Over the document: page numbers (`- 1 -`, `第1页`, `1/5`, lone digits) and running headers or
footers repeated on most pages are dropped; a line that is full width, does not end a
sentence and is followed by a line that is neither a heading nor indented is joined to it;
a table that ends one page and continues at the top of the next (same width, compatible
columns) is one `Table` whose `pages` lists both (1-based page numbers), with a row split by
the page break and cells merged across it read once: a label cut mid-text (`（五）不予处` |
`理`), header rows cut by the break, and a title row left alone in a ruled box at the foot of
the page before (pdfplumber never reports a one-cell table) are rejoined. A sentence ending
at the right margin continues on a flush next line when paragraphs are indented or the line
gap is ordinary; a centred line (date, signature) is never joined to the next.

A PDF without a text layer (scanned), or whose text is mostly `(cid:NNN)` or unmapped glyphs,
raises `NoTextLayer`; a password-protected one `EncryptedPDF`; a damaged one `CorruptFile`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any

import regex

from nlp.errors import CorruptFile, EncryptedPDF, InputError, NoTextLayer
from nlp.ingest import TextBuilder, join_wrapped
from nlp.ingest.pdf_objects import iter_pages
from nlp.normalize import HEADING_START, PAGE_NUMBER
from nlp.records import Document, TableCell, grid_cols, grid_rows

_SENTENCE_END = set("。！？；：!?;:")
_CLOSERS = set("”」』\"'）)")
_BAD_GLYPH = regex.compile(r"^\(cid:\d+\)$|^[\ue000-\uf8ff\ufffd]$|^[\x00-\x08\x0e-\x1f]$")
_DIGITS = regex.compile(r"[0-9０-９]+")
_NUMBER = regex.compile(r"[-+]?[0-9０-９][0-9０-９,，.．]*\s*[%％]?")
# a value cell left blank on purpose (`/`; not a dash: page numbers are printed `— 3 —`)
_BLANK_MARK = regex.compile(r"[/／\\]")
_HAN = regex.compile(r"\p{Han}")
_WS = regex.compile(r"\s+")
_CJK_GAP = regex.compile(
    r"(?<=[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’])\s+(?=[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’])"
)
_NUMBERED = regex.compile(
    r"^\s*(?:[0-9０-９]+[.、．]|[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、)"
)
# a sub-table's caption in 主动公开政府信息情况 (第二十条第（九）项): starts a row, never ends one
_ARTICLE = regex.compile(r"^\s*第[一二三四五六七八九十百零〇0-9]+条")

TOL = 2.5  # points: two rulings closer than this are the same grid line


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    size: float
    # the line's pieces cut at column gaps (x0, x1, text): two or more in a row of an
    # unruled table
    segs: list[tuple[float, float, str]] = field(default_factory=list)
    chars: list[dict[str, Any]] = field(default_factory=list, repr=False)


@dataclass
class _Cell:
    row: int
    col: int
    rowspan: int
    colspan: int
    bbox: tuple[float, float, float, float]
    text: str = ""
    chars: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Frag:
    """A table (or the part of one on a page): cells on a grid of x and y rulings."""

    cells: list[_Cell]
    xs: list[float]
    ys: list[float]
    page: int
    pages: list[int] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def n_rows(self) -> int:
        return grid_rows(self.cells)

    @property
    def n_cols(self) -> int:
        return grid_cols(self.cells)


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= TOL:
            continue
        out.append(v)
    return out


def _index(grid: list[float], v: float) -> int:
    """Index of the grid line nearest to v."""
    i = bisect_right(grid, v)
    if i > 0 and (i == len(grid) or v - grid[i - 1] <= grid[i] - v):
        return i - 1
    return i


def _frag_from_boxes(boxes: list[tuple[float, float, float, float]], page: int) -> _Frag:
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    cells = []
    for b in boxes:
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append(_Cell(row=r0, col=c0, rowspan=r1 - r0, colspan=c1 - c0, bbox=b))
    frag = _Frag(cells=cells, xs=xs, ys=ys, page=page, pages=[page])
    return frag


def _cluster_objects(objs: list[Any], key: Callable[[Any], float], tol: float
                     ) -> list[list[Any]]:
    """pdfplumber's `cluster_objects(objs, key, tol)`: the distinct key values chained into
    clusters (each within `tol` of the one before), objects in cluster order, in their own
    order inside a cluster."""
    values = sorted({key(o) for o in objs})
    index: dict[float, int] = {}
    k, last = 0, None
    for v in values:
        if last is not None and v > last + tol:
            k += 1
        index[v] = k
        last = v
    groups: list[list[Any]] = [[] for _ in range(k + 1)] if values else []
    for o in objs:
        groups[index[key(o)]].append(o)
    return groups


_TOP = itemgetter("top")
_X0 = itemgetter("x0")


def _text(chars: list[dict[str, Any]], x_tol: float, y_tol: float) -> str:
    """pdfplumber's `extract_text(chars, x_tolerance=x_tol, y_tolerance=y_tol)`, computed
    directly for upright text (the reader's case; pdfplumber's own otherwise): lines by `top`,
    characters by x0, a new word where a character starts left of the one before, more than
    `x_tol` right of its end or more than `y_tol` off its top; words joined by a space, lines
    by a line break, ligatures expanded."""
    if not chars:
        return ""
    if not all(c["upright"] for c in chars):
        from pdfplumber.utils import extract_text

        return extract_text(chars, x_tolerance=x_tol, y_tolerance=y_tol)
    from pdfplumber.utils.text import LIGATURES

    words: list[tuple[float, str]] = []
    for line in _cluster_objects(chars, _TOP, y_tol):
        line.sort(key=_X0)
        prev = line[0]
        word = [LIGATURES.get(prev["text"], prev["text"])]
        top = prev["top"]
        for c in line[1:]:
            if (c["x0"] < prev["x0"] or c["x0"] > prev["x1"] + x_tol
                    or abs(c["top"] - prev["top"]) > y_tol):
                words.append((top, "".join(word)))
                word, top = [], c["top"]
            word.append(LIGATURES.get(c["text"], c["text"]))
            top = min(top, c["top"])
            prev = c
        words.append((top, "".join(word)))
    return "\n".join(" ".join(w[1] for w in line)
                     for line in _cluster_objects(words, itemgetter(0), y_tol))


def _cell_text(chars: list[dict[str, Any]]) -> str:
    if not chars:
        return ""
    lines = _text(chars, 1.5, 3).split("\n")
    text = ""
    for line in lines:
        text = join_wrapped(text, line.strip())
    # letter-spaced or justified cells ("总  计", "只计这一情 形"): no space between CJK
    return _CJK_GAP.sub("", text)


def _centered(cell: _Cell) -> bool:
    if not cell.chars:
        return True
    x0, _, x1, _ = cell.bbox
    width = x1 - x0
    left = min(c["x0"] for c in cell.chars) - x0
    right = x1 - max(c["x1"] for c in cell.chars)
    return left > 0.08 * width and abs(left - right) < 0.2 * width


def _trim(frag: _Frag) -> _Frag | None:
    """Cut prose rows (full-width single cells, not centred, two or more in a run) off the
    top and bottom of a table; None when what is left is not a table of 2+ columns."""
    n_cols = frag.n_cols
    by_row: dict[int, list[_Cell]] = {}
    for c in frag.cells:
        by_row.setdefault(c.row, []).append(c)
    rows = sorted(by_row)

    def single(r: int) -> _Cell | None:
        cs = by_row[r]
        if len(cs) == 1 and cs[0].colspan == n_cols and cs[0].rowspan == 1:
            return cs[0]
        return None

    keep = set(rows)
    for order in (rows, rows[::-1]):
        run = []
        for r in order:
            if single(r) is None:
                break
            run.append(r)
        if len(run) >= 2:
            # keep the centred title rows next to the table body, cut the rest
            inner = run[::-1]
            k = 0
            while k < len(inner) and _centered(by_row[inner[k]][0]) and k < 2:
                k += 1
            for r in inner[k:]:
                keep.discard(r)
    cells = [c for c in frag.cells if c.row in keep]
    if not cells:
        return None
    boxes = [c.bbox for c in cells]
    out = _frag_from_boxes(boxes, frag.page)
    # carry the chars over (boxes are unchanged)
    by_box = {id(c.bbox): c for c in cells}
    for c in out.cells:
        src = by_box.get(id(c.bbox))
        if src is not None:
            c.chars = src.chars
    if out.n_cols < 2 or (out.n_rows < 2 and len(out.cells) < 2):
        return None
    return out


def _assign_chars(frag: _Frag, chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each char whose centre is inside the table to its cell; return the others."""
    x0, top, x1, bottom = frag.bbox
    grid: dict[tuple[int, int], _Cell] = {}
    for c in frag.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                grid.setdefault((r, k), c)
    rest = []
    for ch in chars:
        cx = (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            rest.append(ch)
            continue
        r = min(max(bisect_right(frag.ys, cy) - 1, 0), len(frag.ys) - 2)
        k = min(max(bisect_right(frag.xs, cx) - 1, 0), len(frag.xs) - 2)
        cell = grid.get((r, k))
        if cell is None:
            rest.append(ch)
        else:
            cell.chars.append(ch)
    return rest


_COLUMN_GAP = 1.0  # ems: a wider gap inside a line separates two table columns, not words
_NUMBER_GAP = 0.4  # ems: between a number and text, in a line that has column gaps
_CELL_GAP = 0.6  # ems: between two cells' text, in a line that has column gaps (a word space
# is about 0.25 em; cell paddings put 0.7–1 em between cells)


def _column_segments(chars: list[dict[str, Any]], size: float, row: bool = False
                     ) -> list[list[dict[str, Any]]]:
    """The chars of one line cut where the gap to the next is wider than `_COLUMN_GAP` ems
    (the cells of an unruled table row: `行政规范性文件      58      45      546`); running text
    is one segment. In a line with such gaps, or a line known to be part of a table row
    (`row`), narrower gaps beside a number or between two cells cut too."""
    if not all(c["upright"] for c in chars):
        return [chars]
    segs: list[list[dict[str, Any]]] = []
    end = None
    for c in sorted(chars, key=_X0):
        if end is None or c["x0"] - end > _COLUMN_GAP * max(size, 1.0):
            segs.append([])
        segs[-1].append(c)
        end = c["x1"] if end is None else max(end, c["x1"])
    if len(segs) < 2 and not row:
        return segs
    # in a table row, a number set off by a narrower gap is a cell of its own too (a label
    # that fills its column: `…不再处理其政府信  8`; narrow columns: `0  0  2`), and so is
    # text set off by more than a word space (two cells' text only their paddings apart:
    # `（四）无法 2.没有现成信息需要另`, 0.75 em)
    out: list[list[dict[str, Any]]] = []
    for seg in segs:
        out.append([seg[0]])
        for a, b in pairwise(seg):
            gap = (b["x0"] - a["x1"]) / max(size, 1.0)
            if gap > _CELL_GAP or (gap > _NUMBER_GAP
                                   and (a["text"].isdigit() or b["text"].isdigit())):
                out.append([])
            out[-1].append(b)
    return out


def _lines(chars: list[dict[str, Any]], page: int) -> list[_Line]:
    out = []
    for group in _cluster_objects(chars, lambda c: round((c["top"] + c["bottom"]) / 2), 3):
        sizes = sorted(c.get("size", 10.0) for c in group)
        segs = _segs(group, sizes[len(sizes) // 2])
        text = "\t".join(sg[2] for sg in segs)
        if not text:
            continue
        out.append(_Line(text=text, x0=min(c["x0"] for c in group),
                         x1=max(c["x1"] for c in group), top=min(c["top"] for c in group),
                         bottom=max(c["bottom"] for c in group), page=page,
                         size=sizes[len(sizes) // 2], segs=segs, chars=group))
    out.sort(key=lambda ln: (ln.top, ln.x0))
    out = _unruled_rows(out)
    # two text boxes side by side on one baseline come out as one line: fine for reports
    return out


def _segs(chars: list[dict[str, Any]], size: float, row: bool = False
          ) -> list[tuple[float, float, str]]:
    """A line's column pieces (x0, x1, text)."""
    segs = [(min(c["x0"] for c in seg), max(c["x1"] for c in seg),
             _text(seg, 3, 3).replace("\n", " ").strip())
            for seg in _column_segments(chars, size, row)]
    return [sg for sg in segs if sg[2]]


def _value_seg(text: str) -> bool:
    """A table cell's value: a number, or `/` for none (one of `nlp.tables.values.NULL_MARKS`,
    read as blank)."""
    text = text.strip()
    return bool(_NUMBER.fullmatch(text) or _BLANK_MARK.fullmatch(text))


def _has_value(ln: _Line) -> bool:
    """Does one of the line's column pieces hold a value?"""
    return any(_value_seg(t) for _, _, t in ln.segs)


def _unruled_rows(lines: list[_Line]) -> list[_Line]:
    """The rows of unruled tables (booktabs, a frame only, no rulings) rebuilt from a page's
    lines: a row whose numbers stand on one line (an anchor: two or more column pieces, one
    of them a number) takes the pieces of the lines next to it that its own line leaves empty
    (a label wrapped above and below its numbers: `5.要求行政机关确认或重新出具` / `0 0 0` /
    `已获取信息`; a merged label beside several rows: `（四）无` / `2.没有现成信息…` / `法提供`),
    and the wrapped lines of a label on its own line (`1.申请人无正当理由逾期不补` over
    `正、行政机关…`). Each rebuilt row is one line, its cells separated by tabs, the pieces of
    one cell joined top to bottom. Lines that are not rows of such a table are left alone."""
    anchors = [i for i, ln in enumerate(lines) if _is_row(ln)]
    if not anchors:
        return lines
    # a row whose one number stands alone on its line, its label wrapped above and below
    # (`（二）部分公开（区分处理的，只计` / `3` / `这一情形，不计其他情形）`: the other columns
    # blank): a number in the column of a number of a row nearby
    # within 3 ems, or anywhere on the page when the number stands beside the label's lines
    # (its height overlaps theirs: centred beside a label wrapped over two lines)
    def in_column(ln: _Line, a: int, beside: bool) -> bool:
        return lines[a].page == ln.page and (
            beside or abs(lines[a].top - ln.top) <= 3 * max(ln.size, 1.0)) \
            and any(x0 < b1 and b0 < x1 and _value_seg(u) for x0, x1, _ in ln.segs
                    for b0, b1, u in lines[a].segs)

    def beside_text(ln: _Line) -> bool:
        return any(o is not ln and o.top < ln.bottom - 1 and ln.top < o.bottom - 1
                   and not _has_value(o) for o in lines)

    anchors += [i for i, ln in enumerate(lines) if i not in anchors and ln.segs and all(
        _value_seg(t) for _, _, t in ln.segs)
        and any(in_column(ln, a, beside_text(ln)) for a in anchors)]
    owner: dict[int, int] = {}  # line index → the anchor line it is read into
    for i, ln in enumerate(lines):
        if i in anchors or _has_value(ln) or _ends_sentence(ln.text) \
                or _section_heading(ln.text):
            continue  # (a heading of the report under a table is no label of its last row)
        mid = (ln.top + ln.bottom) / 2
        near = [a for a in anchors if lines[a].page == ln.page
                and abs((lines[a].top + lines[a].bottom) / 2 - mid) <= 2.2 * max(ln.size, 1.0)]
        if not near:
            continue
        a = min(near, key=lambda k: abs((lines[k].top + lines[k].bottom) / 2 - mid))
        anchor = lines[a]
        close = abs(anchor.top - ln.top) <= 1.6 * max(ln.size, 1.0)
        clash = any(x0 < b1 and b0 < x1 for x0, x1, _ in ln.segs for b0, b1, _ in anchor.segs)
        if not (clash and close) and min(x0 for x0, _, _ in ln.segs) > min(
                x0 for x0, _, t in anchor.segs if _value_seg(t)):
            continue  # words over the value columns only, not a cell's next line: a header line
        # a piece where the anchor line has one of its own is another row's (or a title row)
        # unless it is the next line of a wrapped cell (one line pitch away)
        if clash and not close:
            continue
        if clash and ln.top > anchor.top and any(
                _NUMBERED.match(t) for x0, x1, t in ln.segs
                if any(x0 < b1 and b0 < x1 for b0, b1, _ in anchor.segs)):
            continue  # a new numbered label under a row starts a row of its own
        owner[i] = a
    _wrapped_lines(lines, anchors, owner)
    if not owner:
        return lines
    for i in owner:  # a label line of a row: two cells' text may stand closer than a column gap
        if lines[i].chars:
            lines[i].segs = _segs(lines[i].chars, lines[i].size, row=True)
    groups: dict[int, list[int]] = {a: [a] for a in set(owner.values())}
    for i, a in owner.items():
        groups[a].append(i)
    out = []
    for i, ln in enumerate(lines):
        if i in owner:
            continue
        if i not in groups:
            out.append(ln)
            continue
        members = sorted(groups[i], key=lambda k: lines[k].top)
        pieces = sorted(((x0, x1, lines[k].top, t) for k in members
                         for x0, x1, t in lines[k].segs), key=lambda p: (p[0], p[2]))
        cells: list[list[Any]] = []  # [x0, x1, [(top, text)]]
        for x0, x1, top, t in pieces:
            for c in cells:
                if x0 < c[1] and c[0] < x1:
                    c[0], c[1] = min(c[0], x0), max(c[1], x1)
                    c[2].append((top, t))
                    break
            else:
                cells.append([x0, x1, [(top, t)]])
        texts = []
        for c in sorted(cells, key=lambda c: c[0]):
            text = ""
            for _, t in sorted(c[2], key=itemgetter(0)):
                text = join_wrapped(text, t)
            texts.append(text)
        segs = [(c[0], c[1], t) for c, t in zip(sorted(cells, key=lambda c: c[0]), texts, strict=True)]
        out.append(_Line(text="\t".join(texts), x0=min(lines[k].x0 for k in members),
                         x1=max(lines[k].x1 for k in members), top=ln.top, bottom=ln.bottom,
                         page=ln.page, size=ln.size, segs=segs))
    return out


def _wrapped_lines(lines: list[_Line], anchors: list[int], owner: dict[int, int]) -> None:
    """The lines of a label wrapped over more lines than reach a row's numbers (`1.申请人无正当理`
    / `由逾期不补正、行政机关不再处` / `行政机关…  2  0  0 …` / `理其政府信息公` / `开申请`): a line
    without a number one line pitch from a line of a row, all its pieces under or over that
    line's pieces and aligned with them (left or centre, within half an em), in the row's type
    size, is that row's (in place, in `owner`). Not a numbered label under a row (the next row's first line), nor the
    line over a cell's numbered first line."""
    for _ in range(8):
        added = {}
        for i, ln in enumerate(lines):
            if i in owner or i in anchors or not ln.segs or _ends_sentence(ln.text) or \
                    _has_value(ln) or _section_heading(ln.text):
                continue
            best = None
            em = 0.5 * max(ln.size, 1.0)
            for k in (i + 1, i - 1, i + 2, i - 2):  # neighbours in reading order
                if not 0 <= k < len(lines) or (k not in owner and k not in anchors):
                    continue
                nb = lines[k]
                if nb.page != ln.page or abs(nb.top - ln.top) > 1.6 * max(ln.size, 1.0):
                    continue
                over = [(b0, b1, u) for b0, b1, u in nb.segs
                        if any(x0 < b1 and b0 < x1 for x0, x1, _ in ln.segs)]
                # each piece the next line of a piece there: aligned with it, left or centre
                if not over or not all(any(
                        x0 < b1 and b0 < x1 and (abs(x0 - b0) <= em or abs(x0 + x1 - b0 - b1) <= em)
                        for b0, b1, _ in over) for x0, x1, _ in ln.segs):
                    continue
                if any(_value_seg(u) for _, _, u in over):
                    continue
                below = ln.top > nb.top
                if below and any(_NUMBERED.match(t) for _, _, t in ln.segs):
                    continue  # the next row's first line
                if not below and any(_NUMBERED.match(u) for _, _, u in over):
                    continue  # the line over a cell's first line is not that cell's
                a = owner.get(k, k)
                if abs(ln.size - lines[a].size) > 0.05 * max(lines[a].size, 1.0):
                    continue  # text in another size (body text after the table) is no cell's
                if best is None or (below and not best[1]):
                    best = (a, below)
            if best is not None:
                added[i] = best[0]
        if not added:
            return
        owner.update(added)


_TABLE_GAP_LINES = 8  # lines without numbers that may stand between two rows of one table
_HEADER_LINES = 20  # lines of an unruled table's header, at most (a header written down one character a line)
_SECTION = regex.compile(r"^\s*[一二三四五六七八九十]{1,2}[、．.]\s*")


def _section_heading(text: str) -> bool:
    """A section heading of the report (三、收到和处理政府信息公开申请情况): it ends a table; a
    row numbered 一、 (一、本年新收…) does not."""
    from nlp.segment.structure import classify_title

    m = _SECTION.match(text)
    return bool(m) and "\t" not in text and bool(
        classify_title(text[m.end():], level1_only=True))


def _is_row(ln: _Line) -> bool:
    """A row of an unruled table: two or more column pieces, one of them a number."""
    return len(ln.segs) >= 2 and _has_value(ln)


def _value_spans(ln: _Line) -> list[tuple[float, float]]:
    return [(x0, x1) for x0, x1, t in ln.segs if _value_seg(t)]


def _header_line(ln: _Line, values_x0: float) -> bool:
    """A line of column headers (`信息内容⇥本年处理决定数量`): two or more pieces, no number,
    words over the value columns (right of `values_x0`)."""
    return len(ln.segs) >= 2 and not _has_value(ln) and any(
        x0 >= values_x0 for x0, _, _ in ln.segs[1:])


def _words(ln: _Line) -> list[tuple[float, float, str]]:
    """The line's pieces, a piece with spaces cut into its words (a header line whose narrow
    columns stand closer than the column gap: `商业 科研`), each word's x range estimated from
    its place in the piece."""
    out = []
    for x0, x1, t in ln.segs:
        parts = t.split(" ")
        if len(parts) < 2:
            out.append((x0, x1, t))
            continue
        step = (x1 - x0) / max(len(t), 1)
        pos = 0
        for p in parts:
            if p:
                out.append((x0 + pos * step, x0 + (pos + len(p)) * step, p))
            pos += len(p) + 1
    return out


def _columns(pieces: list[tuple[float, float, str]]) -> tuple[list[list[float]], list[int]]:
    """Column x ranges of an unruled table from its pieces, and each piece's column. The
    numbers come first (the numbers of one column overlap each other, whatever their
    alignment), then the other pieces, narrowest first: a piece over no column so far starts
    one, a piece over one column is in it, a piece over two or more (a header spread over
    several columns: 法人或其他组织, a label over the label columns) is placed in the first."""
    order = sorted(range(len(pieces)), key=lambda k: (not _value_seg(pieces[k][2]),
                                                      pieces[k][1] - pieces[k][0]))
    cols: list[list[float]] = []
    spread: list[int] = []
    for k in order:
        x0, x1, t = pieces[k]
        over = [c for c in cols if x0 < c[1] and c[0] < x1]
        if not over:
            cols.append([x0, x1])
        elif len(over) == 1 and (_value_seg(t) or not any(
                c is not over[0] and min(x1, c[1]) > max(x0, c[0]) for c in cols)):
            over[0][0], over[0][1] = min(over[0][0], x0), max(over[0][1], x1)
        else:
            spread.append(k)
    cols.sort(key=itemgetter(0))
    where = []
    for x0, x1, _ in pieces:
        over = [i for i, c in enumerate(cols) if x0 < c[1] and c[0] < x1]
        if over:
            where.append(over[0])
        else:  # nearest
            mid = (x0 + x1) / 2
            where.append(min(range(len(cols)), key=lambda i: abs((cols[i][0] + cols[i][1]) / 2 - mid)))
    return cols, where


def _aligned(rows: list[_Line]) -> bool:
    """Do the numbers of the table's rows stand in columns (the rows with the most numbers all
    in the same ones)? Rows printed ragged, each row's numbers right after its labels, are read
    by count as they stand."""
    spans: list[list[float]] = []
    for x0, x1 in sorted((x0, x1) for ln in rows for x0, x1, t in ln.segs if _value_seg(t)):
        if spans and x0 < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    used = [frozenset(k for x0, x1, t in ln.segs if _value_seg(t)
                      for k, sp in enumerate(spans) if x0 < sp[1] and sp[0] < x1) for ln in rows]
    most = max(len(u) for u in used)
    return len({u for u in used if len(u) == most}) == 1


def _blank_cells(header: list[_Line], rows: list[_Line]) -> bool:
    """Does the table leave cells blank? Some row has fewer numbers than the columns its
    numbers stand in, or the rows fill at most half of the columns right of the labels (the
    header's columns that no number stands in: 商业企业 … 其他 of a table whose requests all
    came from 自然人)."""
    if any(_BLANK_MARK.fullmatch(t.strip()) for ln in rows for _, _, t in ln.segs):
        return True  # blanks marked `/`, `—`
    counts = [sum(1 for _, _, t in ln.segs if _value_seg(t)) for ln in rows]
    if min(c for c in counts if c) < max(counts):
        return True
    cols, _ = _columns([w for ln in header + rows for w in _words(ln)])
    start = min(x0 for ln in rows for x0, _, t in ln.segs if _value_seg(t))
    return 2 * max(counts) <= sum(1 for c in cols if c[1] > start)


def _grid_line(fields: list[str]) -> str:
    # a blank last cell is kept by a tab after it (the nothing after a row's last tab is no cell)
    return "\t".join(fields) + ("\t" if fields and not fields[-1] else "")


def _unruled_tables(blocks: list[Any]) -> list[Any]:
    """The rows of each unruled table (in place): every cell in its column, blanks included,
    the columns found from the x positions of the table's pieces (`_columns`), and the header
    lines rebuilt into header rows (`_header_rows`). A row with blank cells has fewer numbers
    than the table has columns, so its numbers are placed by position, not by count: `一、本年
    新收…⇥821⇥35⇥⇥⇥2⇥1⇥859`."""
    n = len(blocks)
    i = 0
    end = 0  # the line after the table before: a header never reaches back into it
    drop: set[int] = set()
    header_rows: dict[int, list[_Line]] = {}  # the header's first line → its rebuilt rows
    while i < n:
        if not (isinstance(blocks[i], _Line) and _is_row(blocks[i])):
            i += 1
            continue
        first = last = i
        j, gap = i + 1, 0
        spans = _value_spans(blocks[i])
        header = False  # a line of column headers since the last row
        while j < n and isinstance(blocks[j], _Line):
            ln = blocks[j]
            if _is_row(ln):
                # a header line, then numbers in none of the columns so far: another table
                # (the sub-tables of 主动公开政府信息情况 printed each with its own columns)
                own = _value_spans(ln)
                if header and not any(a < y and x < b for a, b in own for x, y in spans):
                    break
                last, gap, header = j, 0, False
                spans += own
            elif (gap >= _TABLE_GAP_LINES or _ends_sentence(ln.text) or _section_heading(ln.text)
                  or max(len(t) for _, _, t in ln.segs) > 40):
                break
            else:
                gap += 1
                header = header or _header_line(
                    ln, min(x for x, _ in spans) - 0.5 * max(ln.size, 1.0))
            j += 1
        lines = blocks[first:last + 1]
        i = last + 1
        start, end = end, last + 1
        if not _aligned(lines):
            continue  # ragged rows: read by count as they stand
        nums = [x0 for ln in lines for x0, _, t in ln.segs if _value_seg(t)]
        left_of_values = min(nums) - max(lines[0].size, 1.0)
        head = first
        while head > start and first - head < _HEADER_LINES and isinstance(blocks[head - 1], _Line):
            ln, below = blocks[head - 1], blocks[head]
            if (_has_value(ln)  # a row above: another table's
                    or ln.page not in (below.page, below.page - 1)  # a header at the foot of a page
                    or (ln.page == below.page and below.top - ln.bottom > 3 * max(ln.size, 1.0))
                    or _ends_sentence(ln.text) or _section_heading(ln.text)):
                break
            head -= 1
        # the header's top line is a header cell, not the table's caption (第二十条第（一）项)
        while head < first and len(_words(blocks[head])) < 2 and blocks[head].x0 < left_of_values:
            head += 1
        if not _blank_cells(blocks[head:first], lines):
            continue  # every row fills its columns: read by count as it stands
        for ln in _place(blocks[head:first], lines):
            header_rows.setdefault(id(blocks[head]), []).append(ln)
        drop.update(id(b) for b in blocks[head:first])
    out: list[Any] = []
    for b in blocks:
        out.extend(header_rows.get(id(b), []))
        if id(b) not in drop:
            out.append(b)
    return out


def _place(header: list[_Line], rows: list[_Line]) -> list[_Line]:
    """Rewrite the text of an unruled table's lines as full-width tab rows (see
    `_unruled_tables`)."""
    words = [_words(ln) for ln in header + rows]
    pieces = [w for ws in words for w in ws]
    cols, where = _columns(pieces)
    if len(cols) < 2:
        return list(header)
    k = 0
    placed: list[list[tuple[int, tuple[float, float, str]]]] = []
    for ws in words:
        placed.append([(where[k + m], w) for m, w in enumerate(ws)])
        k += len(ws)
    def span(x0: float, x1: float) -> set[int]:
        return {m for m, c in enumerate(cols) if x0 < c[1] and c[0] < x1}

    # header: the pieces over the same columns on consecutive lines are one cell (`自然` / `人`;
    # not 法人或其他组织 over 商业 / 企业)
    cells: list[list[Any]] = []  # [col, x0, x1, top, bottom, text]
    for ln, ps in zip(header, placed[:len(header)], strict=True):
        for col, (x0, x1, t) in ps:
            for c in cells:
                if c[0] == col and abs(ln.top - c[4]) <= 0.8 * max(ln.size, 1.0) \
                        and span(x0, x1) == span(c[1], c[2]):
                    c[1], c[2], c[4] = min(c[1], x0), max(c[2], x1), ln.bottom
                    c[5] = join_wrapped(c[5], t)
                    break
            else:
                cells.append([col, x0, x1, ln.top, ln.bottom, t])
    # a header cell's row: how many cells stand above it (over one of its columns). A cell
    # spread over several columns may be printed narrower than them (`行政复议` at the left of
    # its five columns): it reaches to the next cell that starts on its line, and back to the
    # one before
    right_edge = max(x1 for _, x1, _ in pieces)

    def reach(ci: int) -> tuple[float, float]:
        c = cells[ci]
        # cells starting on its first line: within half a line (the shorter cell's height; a
        # word printed one character a line is tall: `结`/`果`/`维`/`持` beside `行政复议`
        # starts on a lower line, its top within half its own height)
        same = [d for d in cells if d is not c and abs(d[3] - c[3]) <= 0.5 * max(
            min(d[4] - d[3], c[4] - c[3]), 1.0)]
        left = max((d[2] for d in same if d[2] <= c[1]), default=c[1])
        right = min((d[1] for d in same if d[1] >= c[2]), default=right_edge)
        return left, right

    reaches = [reach(ci) for ci in range(len(cells))]
    depth: dict[int, int] = {}
    for ci in sorted(range(len(cells)), key=lambda m: cells[m][3]):
        c = cells[ci]
        above = [depth[m] for m in depth if cells[m][4] <= c[3] + 1
                 and reaches[m][0] < c[2] and c[1] < reaches[m][1]]
        depth[ci] = 1 + max(above) if above else 0
    texts: list[str] = []
    if cells:
        grid = [[""] * len(cols) for _ in range(max(depth.values()) + 1)]
        for ci, c in enumerate(cells):
            row = grid[depth[ci]]
            row[c[0]] = join_wrapped(row[c[0]], c[5]) if row[c[0]] else c[5]
        texts = [_grid_line(r) for r in grid]
    for ln, ps in zip(rows, placed[len(header):], strict=True):
        fields = [""] * len(cols)
        for col, (_, _, t) in sorted(ps, key=lambda p: p[1][0]):
            fields[col] = f"{fields[col]} {t}" if fields[col] else t
        ln.text = _grid_line(fields)
    top = header[0] if header else None
    return [] if top is None else [
        _Line(text=t, x0=top.x0, x1=top.x1, top=top.top, bottom=top.bottom, page=top.page,
              size=top.size) for t in texts]


def _title(raw: str) -> str:
    """The document title from the PDF info dict (pdfium decodes PDFDocEncoding and UTF-16 with
    either byte-order mark), kept only when it is Chinese text without replacement marks."""
    title = raw.replace("\x00", "").strip()
    return title if title and _HAN.search(title) and "\ufffd" not in title else ""


def _split_row(prev: _Frag, cont: _Frag) -> bool:
    """Does the continuation's first row finish the previous fragment's last row (a row the
    page break cut in two)? Yes when it leaves cells empty that the last row filled, and its
    filled cells do not start a new numbered label."""
    last = prev.n_rows - 1
    prev_by_col = {c.col: c for c in prev.cells if c.row + c.rowspan - 1 == last}
    first = [c for c in cont.cells if c.row == 0]
    empty_where_full = any(not c.text and prev_by_col.get(c.col) is not None
                           and prev_by_col[c.col].text for c in first)
    if not any(c.text for c in first):
        return True  # an empty strip at the top of the page: the rest of the row above
    if any(_value_seg(c.text) and prev_by_col.get(c.col) is not None
           and prev_by_col[c.col].text and not _value_seg(prev_by_col[c.col].text)
           for c in first):
        return False  # a number under words (a row of values under a header row) is a new row
    starts_label = any(c.text and (_NUMBERED.match(c.text) or _ARTICLE.match(c.text))
                       for c in first)
    return empty_where_full and not starts_label


# points: one column wall of a table on two pages. The table finder snaps the walls of a page
# (within 3 points, chained) to their mean, so a wall can move by up to ~3 points towards the
# walls of another table on the same page (a column wall at 445.7 on one page, 449.8 on the
# page where the table above has a wall at 449.5)
_SAME_WALL = 6.5


def _compatible(prev: _Frag, cont: _Frag) -> bool:
    if abs(prev.xs[0] - cont.xs[0]) > 4 or abs(prev.xs[-1] - cont.xs[-1]) > 4:
        return False
    a = prev.xs[1:-1]
    b = cont.xs[1:-1]

    def subset(small: list[float], big: list[float]) -> bool:
        return all(any(abs(x - y) <= _SAME_WALL for y in big) for x in small)

    return subset(a, b) or subset(b, a)


def _merge(prev: _Frag, cont: _Frag) -> _Frag:
    """One table from a fragment and its continuation on the next page."""
    # a wall of the continuation is the fragment's wall nearby (each the other's nearest)
    def nearest(x: float, walls: list[float]) -> float:
        return min(walls, key=lambda y: abs(x - y))

    cont.xs = [y if abs(x - y) <= _SAME_WALL and nearest(y, cont.xs) == x else x
               for x, y in ((x, nearest(x, prev.xs)) for x in cont.xs)]
    xs = _cluster(prev.xs + cont.xs)

    def recol(c: _Cell, frag: _Frag) -> None:
        x0 = frag.xs[c.col]
        x1 = frag.xs[c.col + c.colspan]
        c.col = _index(xs, x0)
        c.colspan = max(1, _index(xs, x1) - c.col)

    for c in prev.cells:
        recol(c, prev)
    for c in cont.cells:
        recol(c, cont)
    # a repeated header row on the new page is not data
    prev_rows = _row_texts(prev)
    cont_rows = _row_texts(cont)
    drop = 0
    while drop < len(cont_rows) - 1 and drop < len(prev_rows) and cont_rows[drop] == prev_rows[drop] \
            and not all(_DIGITS.fullmatch(t) for t in cont_rows[drop] if t):
        drop += 1
    if drop:
        cont.cells = [c for c in cont.cells if c.row >= drop]
        for c in cont.cells:
            c.row -= drop
    n_prev = prev.n_rows
    ending = {(c.col, c.colspan): c for c in prev.cells if c.row + c.rowspan == n_prev}
    first = [c for c in cont.cells if c.row == 0]
    # the same cells on both sides of the break; an empty cell of the continuation may have
    # no box above (a narrow empty cell cut at the foot of the page is not found there)
    split = _split_row(prev, cont) and (not any(c.text for c in first) or set(ending) == {
        (c.col, c.colspan) for c in first if c.text or (c.col, c.colspan) in ending})
    # the break fell inside the header: the first row cuts a header cell above into parts
    # (申请人情况 → 自然人 | 法人或其他组织 …); cells lined up with one above continue it
    header = not split and not any(c.text and _NUMBERED.match(c.text) for c in first) and any(
        sum(1 for c in first if a.col <= c.col and c.col + c.colspan <= a.col + a.colspan) > 1
        for a in ending.values())
    offset = n_prev - 1 if split else n_prev
    cells = list(prev.cells)
    for c in cont.cells:
        above = ending.get((c.col, c.colspan)) if c.row == 0 else None
        if above is not None and (
                split or (not c.text and (c.rowspan > 1 or above.rowspan > 1))
                or (header and _wordy(above.text) and (not c.text or _wordy(c.text)))
                # a merged label cell cut between two rows, its text too: （五）不予处 | 理
                or (c.rowspan > 1 and _wordy(c.text) and _wordy(above.text)
                    and not _NUMBERED.match(c.text))):
            above.text = join_wrapped(above.text, c.text)
            above.rowspan += c.rowspan - (1 if split else 0)
            continue
        if split and c.row == 0 and c.rowspan == 1:
            # the rest of a cut row whose cells do not line up: add its text to the cell
            # above that overlaps it, never a second cell in the same grid position
            over = [a for a in ending.values()
                    if a.col < c.col + c.colspan and c.col < a.col + a.colspan]
            if over:
                over[0].text = join_wrapped(over[0].text, c.text)
                continue
        c.row += offset
        cells.append(c)
    ys = prev.ys + [y + 10_000 for y in cont.ys]  # only the count matters after a merge
    return _Frag(cells=cells, xs=xs, ys=ys, page=prev.page, pages=prev.pages + cont.pages)


def _wordy(text: str) -> bool:
    """Text that is not empty and not a number (a label, not a value)."""
    return bool(_HAN.search(text)) and not _NUMBER.fullmatch(text)


def _row_texts(frag: _Frag) -> list[tuple[str, ...]]:
    rows: dict[int, list[tuple[int, str]]] = {}
    for c in frag.cells:
        rows.setdefault(c.row, []).append((c.col, c.text))
    return [tuple(t for _, t in sorted(rows[r])) for r in sorted(rows)]


def _ends_sentence(text: str) -> bool:
    t = text.rstrip()
    while t and t[-1] in _CLOSERS:
        if len(t) >= 2 and t[-2] in _SENTENCE_END:
            return True
        t = t[:-1]
    return bool(t) and t[-1] in _SENTENCE_END


def _percentile(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, max(0, int(q * (len(v) - 1))))]


def read_pdf(data: bytes, path: Path | None, doc_id: str | None = None) -> Document:
    """Read a PDF with a text layer into a `Document`."""
    from nlp.pipeline import doc_id_for

    if b"%PDF" not in data[:1024]:
        raise CorruptFile(path, "is not a PDF file (no %PDF header)")
    try:
        blocks, meta = _read_blocks(data, path)
    except InputError:
        raise
    except Exception as exc:
        raise _classify(exc, path) from exc
    out = TextBuilder()
    _render(blocks, out)
    return Document(
        doc_id=doc_id or doc_id_for(data),
        path=None if path is None else str(path),
        format="pdf",
        text=out.text(),
        tables=out.tables,
        meta=meta,
    )


@contextmanager
def _open(data: bytes, path: Path | None) -> Iterator[Any]:
    """The PDF open in pdfium, closed after use; an encrypted or unparsable file raises the
    `InputError` that names it."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedPDF(
                path, "is an encrypted PDF: a password is needed to open it "
                "(save an unprotected copy, then read that)"
            ) from exc
        raise CorruptFile(
            path, f"is a damaged or truncated PDF that cannot be parsed ({exc})"
        ) from exc
    try:
        yield pdf
    finally:
        pdf.close()


def _classify(exc: Exception, path: Path | None) -> InputError:
    """An error met while reading an opened PDF's pages."""
    detail = str(exc) or type(exc).__name__
    return CorruptFile(path, f"is a damaged or truncated PDF that cannot be parsed ({detail})")


def _dedupe_chars(chars: list[dict[str, Any]], tolerance: float = 1) -> list[dict[str, Any]]:
    """pdfplumber's `page.dedupe_chars(tolerance=…)` on a page's characters: one character per
    cluster of equal text, font and size within `tolerance` (fake bold drawn twice), in page
    order; without its final `sorted(…, key=chars.index)`, which is quadratic in the
    characters of a page."""
    from itertools import groupby
    from operator import itemgetter

    key = itemgetter("upright", "text", "fontname", "size")
    pos_key = itemgetter("doctop", "x0")
    keep: set[int] = set()
    for _, grp in groupby(sorted(chars, key=key), key=key):
        group = list(grp)
        if len(group) == 1:  # most characters: nothing to cluster
            keep.add(id(group[0]))
            continue
        for y_cluster in _cluster_objects(group, itemgetter("doctop"), tolerance):
            if len(y_cluster) == 1:
                keep.add(id(y_cluster[0]))
                continue
            for x_cluster in _cluster_objects(y_cluster, itemgetter("x0"), tolerance):
                keep.add(id(min(x_cluster, key=pos_key)))
    return [c for c in chars if id(c) in keep]


def _close_cut_tables(edges: list[dict[str, Any]], tol: float = 1.0
                      ) -> list[dict[str, Any]]:
    """Horizontal edges that close the cells a page break left open.

    Some producers (Chromium's print to PDF among them) draw the walls of a row cut by a page
    break, or of a merged cell that goes on over the page, up to the page margin but no border
    across them, so the table finder cannot close those cells and their text falls out of the
    table. Where at least three vertical edges (walls at three distinct places) start, or end,
    at one height, each gap between two neighbouring walls that both stop there (no piece of
    either goes on past that height) and that no horizontal edge covers there (at most a tenth
    of it) gets one edge across it. A closed cell has its border there already, and a merged
    cell whose walls are drawn row by row goes on: neither gets anything."""
    from operator import itemgetter

    walls = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= 3]
    rules = [e for e in edges if e["orientation"] == "h"]
    out: list[dict[str, Any]] = []
    for end in ("top", "bottom"):
        for group in _cluster_objects(walls, itemgetter(end), tol):
            places = [sum(c) / len(c) for c in
                      _cluster_objects([e["x0"] for e in group], float, 2.0)]
            if len(places) < 3:
                continue
            y = min(e[end] for e in group) if end == "top" else max(e[end] for e in group)
            near = [e for e in rules if abs(e["top"] - y) <= 2]
            # a wall drawn in pieces (a merged cell's, row by row) goes on past y: not an end
            other = "bottom" if end == "top" else "top"
            going_on = [e["x0"] for e in walls if abs(e[other] - y) <= tol]
            ends = [x for x in places if not any(abs(x - g) <= 2 for g in going_on)]
            for x0, x1 in pairwise(places):
                if x0 not in ends or x1 not in ends:
                    continue
                covered = sum(max(0.0, min(e["x1"], x1) - max(e["x0"], x0)) for e in near)
                if covered > 0.1 * (x1 - x0):
                    continue
                out.append({"object_type": "line", "orientation": "h", "x0": x0, "x1": x1,
                            "top": y, "bottom": y,
                            "doctop": group[0]["doctop"] - group[0]["top"] + y,
                            "width": x1 - x0, "height": 0.0})
    return out


def _read_blocks(data: bytes, path: Path | None) -> tuple[list[Any], dict[str, Any]]:
    from pdfplumber.table import TableFinder, TableSettings

    warnings: list[str] = []
    pages_blocks: list[list[Any]] = []
    lone_boxes: list[list[tuple[float, float, float, float]]] = []
    n_chars = n_bad = 0
    empty_pages: list[int] = []
    with _open(data, path) as pdf:
        title = _title(pdf.get_metadata_value("Title"))
        n_pages = len(pdf)
        if n_pages == 0:
            raise CorruptFile(path, "is a PDF with no pages")
        for page in iter_pages(pdf):
            pno = page.page_number
            chars = [c for c in _dedupe_chars(page.chars) if c["text"].strip()]
            bad = sum(1 for c in chars if _BAD_GLYPH.match(c["text"]))
            n_chars += len(chars)
            n_bad += bad
            if not chars:
                empty_pages.append(pno)
                pages_blocks.append([])
                lone_boxes.append([])
                continue
            frags: list[_Frag] = []
            rest = chars
            page.edges = page.edges + _close_cut_tables(page.edges)
            # page.debug_tablefinder(): find_tables() without dropping lone cells
            finder = TableFinder(page, TableSettings.resolve(None))
            in_tables = {tuple(b) for t in finder.tables for b in t.cells}
            lone_boxes.append([tuple(b) for b in finder.cells if tuple(b) not in in_tables])
            for t in finder.tables:
                frag = _frag_from_boxes([tuple(b) for b in t.cells], pno)
                if frag.n_cols < 2:
                    continue
                tmp = _assign_chars(frag, rest)
                frag_t = _trim(frag)
                if frag_t is None:
                    for c in frag.cells:
                        c.chars = []
                    continue
                # chars of the cut prose rows go back to the running text
                kept = {id(ch) for c in frag_t.cells for ch in c.chars}
                rest = tmp + [ch for c in frag.cells for ch in c.chars if id(ch) not in kept]
                for c in frag_t.cells:
                    c.text = _cell_text(c.chars)
                if any(c.text for c in frag_t.cells):
                    frags.append(frag_t)
                else:  # an empty ruled box: drawing, not data
                    rest = rest + [ch for c in frag_t.cells for ch in c.chars]
            blocks: list[Any] = _lines(rest, pno)
            blocks += frags
            blocks.sort(key=lambda b: b.top)
            pages_blocks.append(blocks)
    if n_chars == 0:
        raise NoTextLayer(
            path, f"has no text layer on any of its {n_pages} page(s) (a scanned document?): "
            "OCR is needed to read it"
        )
    if n_bad > 0.3 * n_chars:
        raise NoTextLayer(
            path, f"has a text layer that cannot be decoded ({n_bad} of {n_chars} characters "
            "are (cid:NNN) codes or unmapped glyphs: fonts without a Unicode map): OCR is needed"
        )
    if n_bad:
        warnings.append(f"{n_bad} undecodable glyphs ((cid:NNN)) in the text layer")
    if empty_pages:
        warnings.append(f"pages without a text layer (scanned?): {empty_pages}")
    _drop_running(pages_blocks, n_pages)
    blocks = _unruled_tables(_join_tables(pages_blocks, lone_boxes))
    meta: dict[str, Any] = {"pages": n_pages, "warnings": warnings}
    if title:
        meta["title"] = title
    return blocks, meta


def _drop_running(pages_blocks: list[list[Any]], n_pages: int) -> None:
    """Drop page numbers and headers/footers repeated on most pages (in place)."""

    def edge_lines(blocks: list[Any]) -> list[_Line]:
        lines = [b for b in blocks if isinstance(b, _Line)]
        if not lines:
            return []
        heads = [b for b in blocks[:2] if isinstance(b, _Line)]
        tails = [b for b in blocks[-2:] if isinstance(b, _Line)]
        return heads + [t for t in tails if t not in heads]

    # a running header or footer stands at the same height on every page it is on; the same
    # sentence at the foot of one page and the head of the next (没有收到过相关申请。 under
    # each heading of a short report) is text
    seen: dict[str, list[tuple[int, float]]] = {}
    for blocks in pages_blocks:
        for ln in edge_lines(blocks):
            seen.setdefault(_DIGITS.sub("#", _WS.sub("", ln.text)), []).append((ln.page, ln.top))
    need = max(2, (n_pages + 1) // 2)

    def running(key: str, top: float) -> bool:
        pages = {p for p, t in seen.get(key, ()) if abs(t - top) <= _SAME_HEIGHT}
        # a short line on most pages; a long one (a browser's date and page title over each
        # printed page) on nearly every page
        return len(pages) >= need if len(key) <= 60 else \
            len(key) <= 200 and len(pages) >= max(3, n_pages - 1)

    def beside_text(ln: _Line, blocks: list[Any]) -> bool:
        # a number at the height of other text is a cell of a table row (a row's number
        # centred beside its label wrapped over two lines at the foot of a page: `5.属于三类
        # 内部事务信` / `5` / `息`), not a page number, which stands on a line of its own
        return any(b is not ln and isinstance(b, _Line) and b.top < ln.bottom - 1
                   and ln.top < b.bottom - 1 for b in blocks)

    for i, blocks in enumerate(pages_blocks):
        drop = set()
        for ln in edge_lines(blocks):
            key = _DIGITS.sub("#", _WS.sub("", ln.text))
            if _DIGITS.fullmatch(ln.text.strip()) and beside_text(ln, blocks):
                continue
            if PAGE_NUMBER.match(ln.text) or (n_pages >= 2 and running(key, ln.top)):
                drop.add(id(ln))
        pages_blocks[i] = [b for b in blocks if id(b) not in drop]


_SAME_HEIGHT = 4.0  # points: a running header's top moves less than this from page to page


def _stub(out: list[Any], boxes: list[tuple[float, float, float, float]],
          table: _Frag) -> _Frag | None:
    """The first row of `table` left alone at the bottom of the page before: a ruled box as
    wide as the table holding the last text lines of that page (a table finder never reports
    a table of one cell). The lines are taken off `out` and returned as a one-cell fragment."""
    k = len(out)
    while k > 0 and isinstance(out[k - 1], _Line) and out[k - 1].page == table.page - 1:
        k -= 1
    tail = out[k:]
    if not tail:
        return None
    for x0, top, x1, bottom in boxes:
        if abs(x0 - table.xs[0]) > 4 or abs(x1 - table.xs[-1]) > 4:
            continue
        inside = [ln for ln in tail if x0 <= (ln.x0 + ln.x1) / 2 <= x1
                  and top <= (ln.top + ln.bottom) / 2 <= bottom]
        # the box must hold the page's last lines, and nothing may follow it
        if not inside or inside[-1] is not tail[-1] or tail[len(tail) - len(inside):] != inside:
            continue
        text = ""
        for ln in inside:
            text = join_wrapped(text, ln.text)
        del out[len(out) - len(inside):]
        cell = _Cell(row=0, col=0, rowspan=1, colspan=1, bbox=(x0, top, x1, bottom), text=text)
        return _Frag(cells=[cell], xs=[x0, x1], ys=[top, bottom], page=table.page - 1,
                     pages=[table.page - 1])
    return None


def _join_tables(pages_blocks: list[list[Any]],
                 lone_boxes: list[list[tuple[float, float, float, float]]]) -> list[Any]:
    out: list[Any] = []
    for pi, blocks in enumerate(pages_blocks):
        for j, b in enumerate(blocks):
            if j == 0 and isinstance(b, _Frag) and pi > 0 and out and isinstance(out[-1], _Line):
                stub = _stub(out, lone_boxes[pi - 1], b)
                if stub is not None:
                    out.append(stub)
            if (j == 0 and isinstance(b, _Frag) and out and isinstance(out[-1], _Frag)
                    and out[-1].pages[-1] == b.page - 1 and _compatible(out[-1], b)):
                out[-1] = _merge(out[-1], b)
            else:
                out.append(b)
    return out


@dataclass
class _Layout:
    """Page geometry of the running text: margins, line pitch, paragraph style."""

    left: float
    right: float
    pitch: float  # the usual distance from one line's top to the next, inside a paragraph
    indents: bool  # paragraphs start with a first-line indent (so a flush line continues)


def _layout(lines: list[_Line]) -> _Layout:
    if not lines:
        return _Layout(0.0, 0.0, 0.0, False)
    left = _percentile([ln.x0 for ln in lines], 0.1)
    right = _percentile([ln.x1 for ln in lines], 0.9)
    steps = [b.top - a.top for a, b in pairwise(lines)
             if a.page == b.page and 0 < b.top - a.top < 3 * max(a.size, 1.0)]
    pitch = _percentile(steps, 0.25) if steps else 0.0
    indented = sum(1 for ln in lines if 1.5 * ln.size <= ln.x0 - left <= 2.6 * ln.size)
    return _Layout(left, right, pitch, indented >= 3)


def _render(blocks: list[Any], out: TextBuilder) -> None:
    geo = _layout([b for b in blocks if isinstance(b, _Line)])
    para: str | None = None
    prev: _Line | None = None
    for b in blocks:
        if isinstance(b, _Frag):
            if para is not None:
                out.line(para)
            para, prev = None, None
            cells = [TableCell(row=c.row, col=c.col, text=c.text, rowspan=c.rowspan,
                               colspan=c.colspan) for c in b.cells]
            out.table(cells, source="pdf", pages=b.pages)
            continue
        if para is not None and prev is not None and _joins(prev, b, geo):
            para = join_wrapped(para, b.text)
        else:
            if para is not None:
                out.line(para, keep_tabs=True)
            para = b.text
        prev = b
    if para is not None:
        out.line(para, keep_tabs=True)


def _joins(a: _Line, b: _Line, geo: _Layout) -> bool:
    """Is line b the continuation of line a's sentence?"""
    left, right = geo.left, geo.right
    if "\t" in a.text or "\t" in b.text:  # a row of an unruled table
        return False
    if HEADING_START.match(b.text):
        return False
    size = max(a.size, b.size, 1.0)
    if size > 1.15 * max(min(a.size, b.size), 1.0):  # a title over body text
        return False
    if b.x0 > left + 1.2 * max(b.size, 1.0):  # indented: a new paragraph (or a centred title)
        return False
    if a.x0 > left + 3 * size:  # a centred or right-aligned line (title, date, signature)
        return False
    if _ends_sentence(a.text):
        # a sentence that ends at the right margin, followed by a flush line: the paragraph
        # goes on where paragraphs start indented, or where the gap is an ordinary line's
        if a.x1 < right - 1.5 * size or a.x0 > left + 2.6 * size:
            return False
        if geo.indents:
            return True
        # paragraphs told apart by spacing only: a page break hides the gap, keep the break
        return a.page == b.page and geo.pitch > 0 and b.top - a.top <= 1.15 * geo.pitch
    width = max(right - left, 1.0)
    full = a.x1 >= right - 2 * size
    long_line = (a.x1 - left) >= 0.6 * width and not HEADING_START.match(a.text)
    return full or long_line
