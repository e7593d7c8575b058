"""Table blocks inside plain text → `Table`s (`source="text"`) with cell offsets.

Recognised line layouts:

- tab-separated: `（一）收到申请数\t件\t0` (the seed; readers render markup tables like this);
- `|`-separated, one row a line: `规章 | 3 | 0 | 15` (also `| a | b |` markdown rows);
- whitespace-aligned: cells separated by two or more spaces or an ideographic space;
- one cell a line with `|` lines between cells (a flattened web table): rows are rebuilt where a
  row label follows a number, header words are kept as one header row;
- a PDF page copied as text, a row's numbers separated by single spaces, read only in the two
  shapes whose columns the form fixes: a table-三 row label and its 7 numbers
  (`四、结转下年度继续办理 0 0 0 0 0 0 0`), and table 四's 15 numbers alone on a line under its
  行政复议 / 行政诉讼 header (`_spaced_row_tables`).

A block is a run of such lines (up to two blank lines inside it) with at least two rows and one
number. Its caption is the short line just before it (`2018年度…统计表`). Lines already covered
by a table of the reader (`doc.tables`) are skipped.

Crawler text that lost a table's separators (`规章000规范性文件898989第二十条第（五）项…`) is
handed to `nlp.tables.runs`, which rebuilds the table and splits a row's digit run only where
one split is forced (by the column count, spaces, or the table's sum identities).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from nlp.normalize import (
    PAGE_NUMBER,
    may_gloss,
    open_bracket,
    same_length_cached,
    unglossed,
)
from nlp.records import Document, Table, TableCell
from nlp.scan import REGEX_SPACE, digit_or, first_char_list, seldom_char, spaces_only

# (literal characters only: the same cuts by the stdlib engine, whose call costs a third)
_WS_SPLIT = re.compile(r"(?:[ \xa0]{2,}|\u3000+)")
_SENT_END = tuple("。；;，,：:！？")
# a row whose cells are runs of full-width spaces apart, one run longer than the shortest or a
# run after its last cell (blank cells printed as more separators: `821　　35　　　　　　2`)
_IDEO_ROW = regex.compile(r"[^\s\u3000]+(?:\u3000+[^\s\u3000]+)*(\u3000*)")
_IDEO_RUN = regex.compile(r"\u3000+")


class _Deps(NamedTuple):
    """What this module uses of `nlp.tables` and `nlp.segment.structure`, imported on first use
    (`nlp.tables` imports much; `structure` imports this module). The readers call these per cell,
    per line and per document: an import statement in the function (about 7.8k instructions)
    costs more than the cached lookup (about 60)."""
    parse_value: Callable[[str], Any]
    label_key: Callable[[str], str]
    keyed_labels: Callable[[str, str], Any]
    match: Callable[..., Any]
    numbered: regex.Pattern[str]
    title: regex.Pattern[str]
    classify_title: Callable[..., Any]
    run_tables: Callable[..., list[Table]]
    splits: Callable[[str, int], Any]


@lru_cache(maxsize=1)
def _deps() -> _Deps:
    from nlp.segment.structure import classify_title
    from nlp.tables.labels import keyed_labels, label_key, match
    from nlp.tables.layout import NUMBERED, TITLE
    from nlp.tables.runs import run_tables, splits
    from nlp.tables.values import parse_value

    return _Deps(parse_value, label_key, keyed_labels, match, NUMBERED, TITLE, classify_title,
                 run_tables, splits)


def _null_mark(text: str) -> bool:
    """A cell that only says "nothing" (/, -, —, 无): a blank value, not a word."""
    v = _deps().parse_value(text)
    return v is not None and v.value is None and bool(text.strip())


def _value_like(text: str) -> bool:
    v = _deps().parse_value(text)
    return v is not None and v.value is not None


def _value_or_blank(text: str) -> bool:
    """`_value_like(text) or _null_mark(text)`: a number or a blank mark, read once."""
    v = _deps().parse_value(text)
    return v is not None and (v.value is not None or bool(text.strip()))


def _split(line: str, base: int, *, blanks: bool = False
           ) -> tuple[str, list[tuple[int, int]]] | None:
    """(layout, cell spans) of a table line, or None. Empty cells at the end of a pipe or tab
    row are dropped, unless `blanks`: then only the nothing after its last pipe or tab is
    (`规范性文件 | 11 | ||` is four cells, two of them empty)."""
    raw = _raw_cells(line, base)
    return _trimmed(raw, blanks=blanks) if raw is not None else None


class _RawCells(NamedTuple):
    """A table line cut at its separators, before `_split` drops its outer empty cells."""
    kind: str  # "tab", "pipe", "ws" or "ideo" (`_counted_blank_cells`)
    line: str  # the line without its "\r"
    spans: list[tuple[int, int]]
    gap: int = 0  # an "ideo" row's separator run, when the row proved it
    fitted: bool = False  # an "ideo" row's values and blanks fill a row of the statistics tables


def _raw_cells(line: str, base: int, gap_before: int = 0,
               width_before: Callable[[], int] | None = None) -> _RawCells | None:
    """The cells of a table line as `_split` reads them (None: no table line), empty ones kept;
    `_trimmed` makes `_split`'s answer of it (a caller that needs the line with and without its
    blank cells cuts it once). `gap_before`, `width_before`: what the table's rows before tell
    `_counted_blank_cells`."""
    s = line.rstrip("\r")
    if not s.strip():
        return None
    if "\t" in s:
        parts = s.split("\t")
        kind = "tab"
    elif "|" in s or "｜" in s:
        if not s.replace("|", "").replace("｜", "").strip():
            # pipes alone (a page's empty grid, `|||…|` a thousand times): blank cells only,
            # which `_trimmed` drops (the row reader asks for the blanks of a row with a cell)
            return None
        parts = s.replace("｜", "|").split("|")  # (`_PIPE.split(s)`: the same parts)
        kind = "pipe"
    elif (counted := _counted_blank_cells(s, gap_before, width_before)) is not None:
        return _RawCells("ideo", s, [(base + a, base + b) for a, b in counted[0]], *counted[1:])
    else:
        if len(s.strip()) > 200:
            return None  # (prose, not a row: before the split)
        parts = _WS_SPLIT.split(s.strip())
        kind = "ws"
        if len(parts) < 2:
            return None
        if not any(_value_like(p) for p in parts[1:]) and not (
                len(parts) >= 3 and all(_header_sized(p) for p in parts)) and not (
                # a header line of two merged cells (table 四's `行政复议　　行政诉讼`): two words
                # of the forms' headers, not a caption
                len(parts) == 2 and all(map(_is_header_word, parts))):
            return None
    spans: list[tuple[int, int]] = []
    if kind == "ws":  # (parts cut from s.strip(), separators of any length: found)
        pos = len(s) - len(s.lstrip())
        for p in parts:
            i = s.find(p, pos)
            lead = len(p) - len(p.lstrip())
            spans.append((base + i + lead, base + i + lead + len(p.strip())))
            pos = i + len(p)
        return _RawCells(kind, s, spans)
    # parts of the whole line one separator character apart: each starts where the one before
    # ended plus one; an empty part stands at the end of the last part that is not empty (where
    # searching for it from there finds it)
    at = base  # where the part starts
    end = base  # the end of the last part that is not empty
    for p in parts:
        if p:
            st = at + len(p) - len(p.lstrip())
            spans.append((st, st + len(p.strip())))
            end = at + len(p)
        else:
            spans.append((end, end))
        at += len(p) + 1
    return _RawCells(kind, s, spans)


def _trimmed(raw: _RawCells, *, blanks: bool) -> tuple[str, list[tuple[int, int]]] | None:
    kind, s, spans = raw.kind, raw.line, list(raw.spans)
    if kind in ("pipe", "tab"):
        # a row copied out of a table often ends in its separator (`规章\t0\t0\t0\t`): the
        # nothing after it is no cell
        ends = _PIPES if kind == "pipe" else ("\t",)
        if blanks:
            if spans and spans[-1][0] == spans[-1][1] and s.rstrip(" ").endswith(ends):
                spans.pop()
        else:
            while spans and spans[-1][0] == spans[-1][1]:
                spans.pop()
    if kind == "pipe" and spans and spans[0][0] == spans[0][1] and s.lstrip().startswith(_PIPES):
        spans.pop(0)
    if not spans or (len(spans) < 2 and kind == "ws"):
        return None
    return kind, spans


_HEADER_WORD_MAX = 12  # a header cell of the forms is short (本年新制作数量, 未经复议直接起诉); prose is not


def _header_sized(word: str) -> bool:
    """Is `word` short enough to be one header cell of a line of header words: at most
    `_HEADER_WORD_MAX` characters once a mirror's pinyin glosses are left out (本年新制作數(shù)量 is
    7), or a header word of the forms whatever its length (本年收费金额（单位：万元）)."""
    return len(word) <= _HEADER_WORD_MAX or len(unglossed(word)) <= _HEADER_WORD_MAX or \
        _is_header_word(word)


def _value_width(text: str, rows: list[list[tuple[int, int]]]) -> int:
    """The cells from the first value or blank on of the last row that holds a value (0: none)."""
    for row in reversed(rows):
        for k, (a, b) in enumerate(row):
            if a == b or _value_like(text[a:b]):
                if any(_value_like(text[a2:b2]) for a2, b2 in row[k:]):
                    return len(row) - k
                break
    return 0


def _counted_blank_cells(s: str, gap_before: int = 0, width_before: Callable[[], int] | None = None
                         ) -> tuple[list[tuple[int, int]], int, bool] | None:
    """The cells of a row whose cells are separated by runs of full-width spaces and whose blank
    cells are printed as longer runs (`一、本年新收…　　821　　35　　　　　　2　　1　　859`: two
    blanks), as spans of `s` (a blank: an empty span inside its run), the gap the row proved
    (0: none) and whether its blanks were placed (the row fits); None when the row has no such run (every gap the shortest one and nothing after
    its last cell: `_WS_SPLIT` reads it).

    The gap is the shortest run between cells of a row with two or more of them, else the gap of
    the table's rows before (`gap_before`), else the row's one run; a run k gaps long stands for
    k − 1 blank cells (a run after the last cell: k blanks). Blanks are counted only where the
    count is unambiguous: every run a whole number of gaps, and of the ways to read the runs after
    the row's labels and after its last value (blank cells, or a merged label's columns and
    padding), one makes a row of the statistics tables (2, 3, 7 or 15 values; trailing blanks
    only in 7 or 15), or several do and one of them as many values as the table's row before
    (`width_before`); blanks between two values always count. A row that does not fit keeps
    only its labels (its values unread, never shifted), unless no blank stands between its
    values (it is then read as `_WS_SPLIT` reads it: `行政事业性收费　　　　　　　　4166.24　　　　`);
    a row without values keeps its words (a header row's runs are merged cells above or beside
    them, not blanks)."""
    if "\u3000" not in s:
        return None  # (no full-width space: no such run)
    ind = len(s) - len(s.lstrip())
    m = _IDEO_ROW.fullmatch(s, ind, len(s.rstrip(" ")))
    if m is None or "\u3000" not in s[ind:]:
        return None
    end = m.start(1)
    runs = [(r.start(), r.end()) for r in _IDEO_RUN.finditer(s, ind, end)]
    gaps = [b - a for a, b in runs]
    tail = m.end(1) - end
    if not gaps:
        # a label and a long run after it (a row printed all blank: `2.其他法律…　　　　　　…`)
        return ([(ind, end)], 0, False) if tail >= 4 else None
    proved = min(gaps) if len(gaps) >= 2 else 0
    gap = proved or gap_before or gaps[0]
    if tail == 0 and all(g == gap for g in gaps):
        return None
    cells = [(ind, runs[0][0])] + [(b, runs[k + 1][0] if k + 1 < len(runs) else end)
                                   for k, (_, b) in enumerate(runs)]
    texts = [s[a:b] for a, b in cells]
    vals = [_value_or_blank(t) for t in texts]
    first = vals.index(True) if True in vals else len(cells)
    if any(not v for v in vals[first:]) or any(g % gap for g in gaps) or tail % gap:
        # a word among the values, or a run that is no whole number of gaps
        return (cells[:first], 0, False) if first else None
    if first == len(cells):
        return cells, proved, False  # a header row: its words

    def blanks(at: int, n: int) -> list[tuple[int, int]]:  # n blanks in the run from `at`
        return [(at + gap * (i + 1), at + gap * (i + 1)) for i in range(n)]

    lead = gaps[first - 1] // gap - 1 if first else 0  # between the last label and the first value
    inner = sum(g // gap - 1 for g in gaps[first:])
    values = len(cells) - first
    fits = {(lb, tb) for lb in {0, lead} for tb in {0, tail // gap}
            if values + inner + lb + tb in (_ROW_WIDTHS if tb == 0 else _WIDE_ROWS)}
    if not fits and not inner:
        return cells, proved, False  # no blank between its values, no fit: as `_WS_SPLIT` reads it
    if len({values + inner + lb + tb for lb, tb in fits}) > 1 and width_before is not None:
        width = width_before()
        fits = {(lb, tb) for lb, tb in fits if values + inner + lb + tb == width}
    if len({values + inner + lb + tb for lb, tb in fits}) != 1:
        return cells[:first], proved, False
    lb, tb = fits.pop()
    out = cells[:first]
    if first:
        out += blanks(runs[first - 1][0], lb)
    for k in range(first, len(cells)):
        out.append(cells[k])
        if k < len(runs):
            out += blanks(runs[k][0], gaps[k] // gap - 1)
    return out + blanks(end - gap, tb), proved, True


_PIPES = ("|", "｜")
# what may follow a table the text ends inside (searched from the table's end: slicing the rest
# of the text for every table would be quadratic in a long document)
_AFTER_CUT_TABLE = regex.compile(r"[^ \t\r\n|｜]")


def find_text_tables(doc: Document, start_index: int = 0) -> list[Table]:
    """Table blocks in `doc.text` outside the tables the reader already found. Table words
    are looked for in the script-folded text (`Document.norm.folded`, same offsets): 信息內容,
    第二十條第(一)項 in traditional-script mirrors."""
    text = doc.text
    folded = doc.norm.folded
    taken = [(t.start, t.end) for t in doc.tables]
    lines, double = line_spans(text)
    free = _free_of(taken)

    tables: list[Table] = []
    i = 0
    n = len(lines)
    ahead: tuple[int, tuple[int, Table] | None] | None = None  # a block already read at a line
    # (the normalised view leaves out a mirror's pinyin glosses: shorter, and a toned vowel)
    shorter = len(doc.norm.text) < len(text)
    glossed = shorter and may_gloss(folded)
    # may a line hold a gloss's start? Not where the whole folded text holds none: a start is a
    # bracket and a lookahead, so one found in a line is found in the text (`_opens_table`)
    line_glosses = glossed or not shorter
    corners: set[int] = set()  # lines holding a word of `_T2_CORNERS`
    cut: set[int] = set()  # lines `_split` may cut into cells
    worth = _table_lines(text, folded, lines, glossed, corners, cut)
    while i < n:
        k = bisect_left(worth, i)  # (on the other lines both readers below find nothing)
        if k == len(worth):
            break
        i = worth[k]
        a, b = lines[i]
        if ahead is not None and ahead[0] == i:
            block = ahead[1]
        else:
            block = _cell_block(text, folded, lines, i, line_glosses) if free(a, b) else None
        if block is not None:
            i, t = block
            tables.append(t)
            continue
        got = _split(text[a:b], a) if i in cut and free(a, b) else None
        if got is None or (got[0] == "ideo" and len(got[1]) == 1):
            i += 1  # (a label and blank cells, or a title over its blank cells, opens no table)
            continue
        if len(got[1]) == 1 and i + 1 < n and free(*lines[i + 1]):
            ahead = (i + 1, _cell_block(text, folded, lines, i + 1, line_glosses))
            if ahead[1] is not None:
                # a caption with a pipe (`主动公开政府信息情况 |`) right before a one-cell-a-line
                # table: it is not that table's first row
                i += 1
                continue
        rows: list[list[tuple[int, int]]] = []
        fulls: list[list[tuple[int, int]] | None] = []  # each row's pipe cells, blanks kept
        fitted: list[bool] = []  # rows whose blanks `_counted_blank_cells` placed
        j = i
        blanks = 0
        last = i
        open_row = False  # the last row's line had pipes inside but none at either end
        width = 0  # cells of the last header row (two or more, no number)
        width_full = 0  # the same with its blank cells (a padding column: `… | 处理决定数量 | |`)
        ideo_gap = 0  # the separator run the block's rows of full-width-space runs proved

        def width_before(rows: list[list[tuple[int, int]]] = rows) -> int:
            return _value_width(text, rows)
        while j < n:
            a2, b2 = lines[j]
            line = text[a2:b2].strip()
            if not line:
                blanks += 1
                if blanks > 2:
                    break
                j += 1
                continue
            raw2 = _raw_cells(text[a2:b2], a2, ideo_gap, width_before) if free(a2, b2) else None
            if raw2 is not None and raw2.gap:
                ideo_gap = raw2.gap
            got2 = _trimmed(raw2, blanks=False) if raw2 is not None else None
            if got2 is None and open_row and _pipes_only(line):
                open_row, last, blanks = False, j, 0  # the broken row's closing pipe
                j += 1
                continue
            if got2 is None and rows and len(rows[-1]) < width and _one_pipe(line) and \
                    not any(_value_like(text[s:e]) for s, e in rows[-1]):
                # `规章 |` / `|` / `|` / `|`: a row printed blank, one empty cell a line (held-out 91)
                p = _text_start(text, a2, b2)
                rows[-1].append((p, p))
                fulls[-1] = None
                last, blanks = j, 0
                j += 1
                continue
            if got2 is None:
                break
            blanks = 0
            if open_row and rows and line.startswith(_PIPES) and len(got2[1]) <= 1:
                # a row broken before each pipe: `信息内容 | 上一年项目数量` / `| 本年增/减` / `|`
                # (one cell a line; `| 规章 | 0 | 0` is a row of its own)
                rows[-1].extend(got2[1])
                fulls[-1] = None
                open_row = not line.endswith(_PIPES)
            else:
                cells = got2[1]
                # the line's cells with its blank ones kept (`规范性文件 | 11 | ||`: four cells)
                got_full = _trimmed(raw2, blanks=True) if raw2 is not None else None
                full = got_full[1] if got_full is not None else None
                if got2[0] == "pipe" and 0 < len(cells) < width and any(
                        _value_like(text[s:e]) for s, e in cells):
                    # blank cells the page printed as bare pipes (`规范性文件 | 11 | ||`): kept
                    # where they make the row exactly as wide as its header, or as wide as the
                    # header with its padding column (`行政许可 | 0 | |||` under `… | 处理决定数量
                    # | |`, held-out 163), the padding then left out
                    if full is not None and len(full) == width:
                        cells = full
                    elif full is not None and width < width_full == len(full) and all(
                            s == e for s, e in full[width:]):
                        cells = full[:width]
                elif got2[0] == "pipe" and len(cells) == 1 and width >= 2 and not _value_like(
                        text[cells[0][0]:cells[0][1]]):
                    # a row printed all blank (`行政许可 | ||||`): its label and as many empty
                    # cells as its header has words (a padding column, printed by the header
                    # too, is left out)
                    if full is not None and len(full) in (width, width_full) and all(
                            s == e for s, e in full[1:]):
                        cells = full[:width]
                elif got2[0] == "tab" and full is not None and len(full) > len(cells) and any(
                        s == e for s, e in cells) and (
                        any(_value_like(text[s:e]) for s, e in cells)
                        or not any(_is_header_word(text[s:e]) for s, e in cells if e > s)):
                    # a tab row that prints its blank cells inside (a spreadsheet's copy:
                    # `（二）部分公开⇥⇥3⇥⇥⇥…`, `⇥（六）其他处理⇥⇥⇥…`) prints its trailing ones
                    # too: they are cells (not a header row's: 行政复议⇥⇥⇥⇥⇥行政诉讼⇥⇥…)
                    cells = full
                rows.append(cells)
                # (a row whose blanks were counted in runs of full-width spaces is its full row)
                fulls.append(full if got2[0] == "pipe" or raw2.kind == "ideo" else None)
                fitted.append(raw2.kind == "ideo" and raw2.fitted)
                if _header_row(text, cells):
                    width = len(cells)
                    width_full = len(full) if full is not None else width
                open_row = got2[0] == "pipe" and not line.startswith(_PIPES) and \
                    not line.endswith(_PIPES)
            last = j
            j += 1
        # every row with a value had its blanks counted into a full row: its cells stand in the
        # form's columns (a blank one is no converter's empty column)
        counted = any(fitted) and all(p for r, p in zip(rows, fitted, strict=True)
                                      if any(_value_like(text[s:e]) for s, e in r))
        kept = [(r, f) for r, f in zip(rows, fulls, strict=True) if r]
        rows = [r for r, _ in kept]
        # a table of blank marks only (every cell `/`: nothing to report) is a table too, as in
        # a stream of cells (`_MIN_NULLS`)
        if len(rows) >= 2 and (any(_value_like(text[s:e]) for r in rows for s, e in r) or sum(
                _null_mark(text[s:e]) for r in rows for s, e in r) >= _MIN_NULLS):
            placed = _t3_pipe_rows(text, kept)
            table = _make_table(text, lines, i, placed or rows)
            table.fixed_columns = placed is not None or counted
            tables.append(table)
            i = last + 1
        else:
            i = max(j, i + 1)
    def free_now() -> Callable[[int, int], bool]:
        """`free` outside the tables found so far too (`free` itself while none is: most texts)."""
        return _free_of(taken + [(t.start, t.end) for t in tables]) if tables else free

    heads = worth if glossed else sorted(corners)
    if heads:
        tables.extend(_t2_spaced_tables(text, folded, lines, heads, free_now()))
    tables.extend(_run_tables(text, free_now(), double))
    tables.extend(_spaced_row_tables(text, folded, lines, free_now()))
    tables.sort(key=lambda t: t.start)
    for k, t in enumerate(tables):
        t.index = start_index + k
        t.cut = _AFTER_CUT_TABLE.search(text, t.end) is None
    return tables


# what a line needs for `_cell_block` or `_split` to read anything on it: a pipe, a tab or a cell
# gap (two spaces, a no-break or an ideographic space) in the text, or the word of a table opener
# (`_LINE_TABLE_START`) in the folded text
_TABLE_LINE_SIGNS = ("|", "｜", "\t", "\xa0", "\u3000", "  ")
# the signs that separate cells only between a line's words: a paragraph's indent (`　　`) or
# the blanks after its last word make no cell (`_split` cuts the line without them)
_GAP_SIGNS = ("\xa0", "\u3000", "  ")
_OPENER_WORDS = ("第二十条", "第2十条", "信息内容", "申请人情况", "勾稽关系", "统计指标", "指标名称", "行政复议")


def _table_lines(text: str, folded: str, lines: list[tuple[int, int]],
                 glossed: bool | None = None, corners: set[int] | None = None,
                 cut: set[int] | None = None) -> list[int]:
    """The indices of the lines on which `find_text_tables`' readers may find a table row or the
    start of a one-cell-a-line table (a superset: on every other line `_cell_block` gives None
    and `_split` None or one "ideo" cell, which opens no table). Found with `str.find`, a line
    at a time once a sign is found on it; a white-space sign (`_GAP_SIGNS`) counts only between
    the line's first and last character that is not `regex` white space (a paragraph's indent
    is no cell gap), except in a glossed text, whose lines are also the table-二 header lines
    (all of them, as before). `glossed`: may the text hold a mirror's pinyin glosses (the opener
    words are then also looked for without them; None: found out here). `corners`, when given,
    receives the lines holding a word of `_T2_CORNERS` (a table-二 header's first word); `cut`
    the lines with a sign of `_TABLE_LINE_SIGNS` (`_split` gives None or one "ideo" cell on the
    others)."""
    if glossed is None:
        glossed = may_gloss(folded)
    starts = [a for a, _ in lines]
    out: set[int] = set()
    for raw, w, corner, gap, gate in _LINE_SIGN_PASSES:
        s = text if raw else folded
        if gate and gate not in s:
            continue  # (a text without one of the word's characters does not hold the word)
        p = s.find(w)
        if p < 0:
            continue  # (most signs: nothing more to set up)
        into_cut = cut if raw else None
        into = corners if corner else None
        inner = gap and not glossed
        while p >= 0:
            k = bisect_right(starts, p) - 1
            if k >= 0 and p < lines[k][1] and (
                    not inner or w in s[lines[k][0]:lines[k][1]].strip(REGEX_SPACE)):
                out.add(k)
                if into is not None:
                    into.add(k)
                if into_cut is not None:
                    into_cut.add(k)
            nxt = k + 1
            p = s.find(w, starts[nxt]) if nxt < len(starts) else -1
    if glossed:
        # a mirror's pinyin glosses inside the words (信息內(nèi)容): looked for without them, in
        # a line that holds every character of an opener word (leaving the glosses out only
        # drops characters; `unglossed` costs about 350 instructions a character of a glossed
        # line, the `in` tests a few)
        for k, (a, b) in enumerate(lines):
            if k not in out and may_gloss(folded, a, b) and _holds_letters_of_any(
                    line := folded[a:b], _OPENER_WORDS) and any(
                    w in bare for bare in (unglossed(line),) for w in _OPENER_WORDS):
                out.add(k)
    return sorted(out)


def _holds_letters_of_any(s: str, words: tuple[str, ...]) -> bool:
    """Does `s` hold every character of one of `words` (in any order)? A text that holds a
    word once some characters are dropped from it does."""
    for w in words:
        for c in w:
            if c not in s:
                break
        else:
            return True
    return False


def _opens_table(folded: str, a: int, b: int, glosses: bool = True) -> bool:
    """Does line [a, b) start a one-cell-a-line table (`_LINE_TABLE_START`), read without the
    pinyin glosses a mirror prints inside its words (信息內(nèi)容)? `glosses`: may the line hold
    a gloss's start (`normalize.may_gloss`; False when the whole folded text holds none: then no line of it
    does, and the line is read as it stands)."""
    s = folded[a:b]
    if s.lstrip(REGEX_SPACE)[:1] in _LINE_TABLE_FIRSTS and _LINE_TABLE_START.match(folded, a, b):
        return True
    return glosses and ("(" in s or "（" in s) and may_gloss(s) and \
        bool(_LINE_TABLE_START.match(unglossed(s)))


def _t3_pipe_rows(text: str, rows: list[tuple[list[tuple[int, int]], list[tuple[int, int]] | None]]
                  ) -> list[list[tuple[int, int]]] | None:
    """Table 三 a row a line with every empty cell printed as bare pipes (`一、本年新收… | 0 | | | |
    | | 0 |`, held-out 139) or as a run of full-width spaces (`_counted_blank_cells`): each row
    with a number ends in the form's seven columns, numbers or
    blanks, after its labels. The cells then stand in the form's columns and the blank ones are
    positions, not a converter's empty column (the rows with their blanks, or None)."""
    out: list[list[tuple[int, int]]] = []
    counted = 0
    gaps = False
    for cells, full in rows:
        if not any(_value_like(text[s:e]) for s, e in cells):
            out.append(cells)  # a header or title row
            continue
        if full is None or len(full) <= T3_WIDTH:
            return None
        values, labels = full[-T3_WIDTH:], full[:-T3_WIDTH]
        if not all(s == e or _value_or_blank(text[s:e]) for s, e in values) \
                or any(_value_like(text[s:e]) for s, e in labels) or all(s == e for s, e in labels):
            return None
        gaps = gaps or any(s == e for s, e in values)
        counted += 1
        out.append(full)
    return out if counted >= 3 and gaps else None


_DOUBLE_SPACED = 0.8  # share of text lines followed by a blank line that makes a text double-spaced


def line_spans(text: str) -> tuple[list[tuple[int, int]], bool]:
    """(start, end) of each line of `text`, without the newline. In a double-spaced text (a
    blank line after nearly every line: Markdown from an OCR or Word converter, a page with a
    paragraph per line, a table whose cells stood each in a paragraph) the one blank line after
    each line is left out, so that table cells a blank line apart read as the lines they were,
    and a run of n blank lines keeps n // 2 of them. Second: whether the text is
    double-spaced."""
    lines = text.split("\n")
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in lines:
        end = pos + len(line)
        spans.append((pos, end))
        pos = end + 1
    if len(_BLANK_LINE.findall(text)) < _MIN_BLANK_SHARE * len(lines):
        return spans, False  # too few blank lines to be double-spaced (most texts: no scan)
    # (a paragraph holding only the space a page printed in an empty cell, `　` or a no-break
    # space, is that cell: not one of the blank lines between paragraphs)
    # (`str.strip` mapped in C; a line of an empty cell's space needs U+3000 or U+00A0 in it,
    # so only a text holding one asks `_empty_cell_line`)
    blank = [not s for s in map(str.strip, lines)]
    if "\u3000" in text or "\xa0" in text:
        blank = [b and not _empty_cell_line(line) for b, line in zip(blank, lines, strict=True)]
    # rows of a pipe or tab table stand without blank lines between them in any spacing
    if "|" in text or "｜" in text or "\t" in text:
        plain = [k for k, line in enumerate(lines) if not blank[k] and not (
            ("|" in line or "｜" in line or "\t" in line) and _ROW_MARK.search(line))]
    else:
        plain = [k for k, b in enumerate(blank) if not b]
    if len(plain) < 8:
        return spans, False
    after = [*blank[1:], False]  # (whether the line after each is blank; none after the last)
    followed = sum(map(after.__getitem__, plain))
    if followed < _DOUBLE_SPACED * len(plain):
        return spans, False
    # a run of n blank lines after a line stands for n // 2 of them: its last ones (the blank
    # lines before the first line that is not blank are all kept)
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # the blank lines since the last line that is not blank
    seen = False  # a line that is not blank came before
    for span, is_blank in zip(spans, blank, strict=True):
        if is_blank:
            (run if seen else out).append(span)
            continue
        if run:
            out += run[len(run) - len(run) // 2:]
            run = []
        seen = True
        out.append(span)
    out += run[len(run) - len(run) // 2:]
    return out, True


_ROW_MARK = regex.compile(r"[^\s|｜]\s*[|｜\t]+\s*[^\s|｜]|^\s*[|｜]\s*:?-{3}")  # cells | cells; |---
# a double-spaced text has a blank line after ≥ 80 % of its plain lines; when even the pipe rows
# of a Markdown table are counted, more than a fifth of all its lines are blank
_MIN_BLANK_SHARE = 0.2
# (literal characters only: the same matches in both engines; the stdlib `re` counts them in a
# quarter of the time, skipping to the next line break in C)
_BLANK_LINE = re.compile(r"\n[ \t\r\u3000\xa0]*(?=\n)")


def _cell_block(text: str, folded: str, lines: list[tuple[int, int]], i: int,
                glosses: bool = True) -> tuple[int, Table] | None:
    """A table whose cells stand one a line, starting at line i (the line after it, and the
    table), by the first layout that fits: cells with a trailing pipe and pipe-only row ends,
    cells between `|` lines, or cells between blank lines under a statistics-table opener.
    `glosses`: may a line hold a pinyin gloss (`_opens_table`)."""
    a, b = lines[i]
    if "|" not in text[a:b] and "｜" not in text[a:b] and not _opens_table(folded, a, b, glosses):
        return None  # every layout below starts at a line with a pipe or a table opener
    got = _read_cells(text, folded, lines, i, glosses)
    if got is not None or i + 1 >= len(lines) or text[slice(*lines[i + 1])].strip():
        return got
    # the cells a blank line apart in a text that is not double-spaced as a whole (`|`, blank,
    # `規章 |`, blank, `0 |` …, held-out 165): read with the single blank lines left out
    kept = _without_single_blanks(text, lines, i)
    got = _read_cells(text, folded, [lines[k] for k in kept], 0, glosses)
    if got is None or got[0] <= 1:
        return None
    return kept[got[0] - 1] + 1, got[1]


def _read_cells(text: str, folded: str, lines: list[tuple[int, int]], i: int,
                glosses: bool = True) -> tuple[int, Table] | None:
    a, b = lines[i]
    readers = (
        (lambda: _pipe_rows_start(text, lines, i), _pipe_cell_block),
        (lambda: text[a:b].strip() in _PIPES, _stream_block),
        (lambda: _opens_table(folded, a, b, glosses) and _cells_on_lines(text, lines, i),
         _line_block),
    )
    for fits, read in readers:
        if fits():
            j, t = read(text, lines, i)
            if t is not None:
                return j, t
    return None


_MAX_CELL_LINES = 1500  # table 三 one cell a line with its row ends: about 30 × 9 lines


def _without_single_blanks(text: str, lines: list[tuple[int, int]], i: int) -> list[int]:
    """The indices of the lines from line i on, without the blank lines that stand alone (two
    blank lines in a row end the run; so does the length of the longest table, one cell a line)."""
    kept: list[int] = []
    k = i
    while k < len(lines) and len(kept) < _MAX_CELL_LINES:
        if text[slice(*lines[k])].strip():
            kept.append(k)
        elif k + 1 < len(lines) and not text[slice(*lines[k + 1])].strip():
            break
        k += 1
    return kept


def _run_tables(text: str, free: Callable[[int, int], bool], double: bool) -> list[Table]:
    """Tables of crawler text that glued each row's numbers into one digit run
    (`nlp.tables.runs`: split only where the split is forced), outside the spans `free` rejects."""
    return _deps().run_tables(text, free, gap="\n\n\n" if double else "\n\n")


def _free_of(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """`free(a, b)`: does [a, b) overlap none of `spans`? (bisection over the spans sorted by
    start, with the running maximum of their ends, so any overlap is found)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    max_end: list[int] = []
    for _, e in ordered:
        max_end.append(max(e, max_end[-1]) if max_end else e)

    def free(a: int, b: int) -> bool:
        k = bisect_left(starts, b)  # the spans that start before b
        return k == 0 or max_end[k - 1] <= a

    return free


_MD_RULE = regex.compile(r"\s*:?-{3,}:?\s*")


def _make_table(text: str, lines: list[tuple[int, int]], first: int,
                rows: list[list[tuple[int, int]]],
                notes: dict[tuple[int, int], str] | None = None) -> Table:
    # a Markdown header rule (|---|---|, as PDF-to-Markdown converters write) is not a row
    # (every match holds `---`: a cell without it is turned down by `in`, not by a `regex` call)
    rows = [r for r in rows
            if not all("---" in text[s:e] and _MD_RULE.fullmatch(text[s:e]) for s, e in r)] or rows
    notes = notes or {}
    # (positional, in `TableCell`'s field order: row, col, text, rowspan, colspan, start, end,
    # note; half a keyword call's cost, a cell of every text table)
    cells = [TableCell(r, c, text[s:e], 1, 1, s, e, notes.get((s, e), ""))
             for r, spans in enumerate(rows) for c, (s, e) in enumerate(spans)]
    start = min(s for r in rows for s, _ in r[:1])
    end = max(e for r in rows for _, e in r[-1:])
    return Table(index=0, start=start, end=end, cells=cells, source="text",
                 caption=_caption(text, lines, first))


def _caption(text: str, lines: list[tuple[int, int]], first: int) -> str:
    for k in range(first - 1, max(first - 4, -1), -1):
        s = text[lines[k][0]:lines[k][1]].strip()
        if not s:
            continue
        if "|" in s or "｜" in s:  # a cell of the block before, not a caption
            return ""
        if len(s) <= 60 and not s.endswith(_SENT_END):
            return s
        return ""
    return ""


# (after a Markdown heading's `#`s or bold's `**`: `## 三、收到和处理…`, `**三、…**`)
_HEADING_NUMBER = regex.compile(r"^\s*(?:#{1,6}\s+|\*\*)?[一二三四五六七八九十]{1,2}[、．.]\s*")


def _is_report_heading(line: str) -> bool:
    """A section heading of the report (三、收到和处理政府信息公开申请情况), which ends a
    flattened table; table rows numbered 一、 (一、本年新收…) are not report section titles.
    (Every match of `_HEADING_NUMBER` holds 、, ． or .: a line without them, most cells, is
    turned down by three `in` tests, about a quarter of the pattern's cost.)"""
    if "、" not in line and "．" not in line and "." not in line:
        return False
    m = _HEADING_NUMBER.match(line)
    return bool(m) and bool(_deps().classify_title(line[m.end():].rstrip("* "), level1_only=True))


def _stream_block(text: str, lines: list[tuple[int, int]], i: int
                  ) -> tuple[int, Table | None]:
    """A flattened web table: cells one a line, `|` lines between them (starting at line i,
    which is a `|` line; the cell before it belongs to the block)."""
    toks: list[tuple[int, int]] = []
    k = i - 1
    while k >= 0 and not text[lines[k][0]:lines[k][1]].strip():
        k -= 1
    if k >= 0:
        a, b = lines[k]
        s = text[a:b]
        toks.append((a + len(s) - len(s.lstrip()), a + len(s.rstrip())))
    j = i
    n = len(lines)
    while j + 1 < n and _pipes_only(text, *lines[j]):
        a, b = lines[j + 1]
        s = text[a:b]
        if s.strip() and s.strip() not in _PIPES and _pipes_only(s):
            j += 1  # `|||` after a `|`: the empty cells of a merged header, one more separator
            continue
        if not s.strip() or s.strip() in _PIPES or _is_report_heading(s):
            break
        if s.lstrip(REGEX_SPACE)[:1] in _PIPES:  # (a `_LEAD_PIPE` match's first character but
            # white space is a pipe, as in `_cell_text`)
            s = _LEAD_PIPE.sub(lambda m: " " * len(m.group()), s)  # `| 规章`: a row opened by a pipe
        # a cell whose text has a line break (商业⏎企业) runs on to the next `|` line
        k = j + 2
        while (k < n and k <= j + 3 and text[lines[k][0]:lines[k][1]].strip()
               and text[lines[k][0]:lines[k][1]].strip() not in _PIPES
               and cell_sized(text[lines[k][0]:lines[k][1]].strip())
               and k + 1 < n and text[lines[k + 1][0]:lines[k + 1][1]].strip() in _PIPES):
            k += 1
        last = text[lines[k - 1][0]:lines[k - 1][1]]
        toks.append((a + len(s) - len(s.lstrip()), lines[k - 1][0] + len(last.rstrip())))
        j = k
    t = _stream_table(text, lines, toks)
    return (j + 1, t) if t is not None else (i + 1, None)


# a web table copied one cell a line, each cell followed by a pipe (several after a merged
# cell: `第二十条第(一)项 | |||`), rows closed (or opened) by a line of pipes only
# (`规章 |` / `0 |` / `0 |` / `0 |` / `||`). The three shapes of line are told by `str` methods,
# each exactly as a pattern's `fullmatch` of s[a:b] (`\s`: `REGEX_SPACE`; tests/test_blocks.py
# compares them on every corpus line): a `regex` call costs about four times as much, and the
# readers ask them of every line they pass.
_PIPES_AND_SPACE = "|｜" + REGEX_SPACE


def _cell_pipe(s: str, a: int = 0, b: int | None = None) -> bool:
    r"""`\s*[^|｜\s][^|｜]*[|｜][|｜\s]*` (a cell, then its pipes): the first pipe opens a tail
    of pipes and white space alone, and something not white space stands before it."""
    s = s[a:b]
    p, q = s.find("|"), s.find("｜")
    first = q if p < 0 or 0 <= q < p else p
    return first >= 0 and not s[first:].strip(_PIPES_AND_SPACE) and bool(s[:first].strip(REGEX_SPACE))


def _pipes_only(s: str, a: int = 0, b: int | None = None) -> bool:
    r"""`\s*[|｜][|｜\s]*`: pipes and white space alone, a pipe among them."""
    s = s[a:b]
    return ("|" in s or "｜" in s) and not s.strip(_PIPES_AND_SPACE)


def _one_pipe(s: str, a: int = 0, b: int | None = None) -> bool:
    r"""`\s*[|｜]\s*`: one pipe and white space around it."""
    return s[a:b].strip(REGEX_SPACE) in _PIPES


_LEAD_PIPE = regex.compile(r"^\s*[|｜]\s*(?=[^|｜\s])")


def _pipe_rows_start(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Does a table of pipe-ended cells start at line i: a cell, or a pipe-only line that
    opens the first row, with rows closed by pipe-only lines ahead?"""
    a, b = lines[i]
    if _pipes_only(text, a, b):
        if i + 1 >= len(lines) or not _cell_pipe(text, *lines[i + 1]):
            return False
        i += 1
    elif not _cell_pipe(text, a, b):
        return False
    return _pipe_rows_ahead(text, lines, i)


def _pipe_rows_ahead(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Do the lines from i on hold at least two rows closed by pipe-only lines?"""
    closes = 0
    for a, b in lines[i:i + 40]:
        if _pipes_only(text, a, b):
            closes += 1
            if closes >= 2:
                return True
        elif not _cell_pipe(text, a, b):
            return False
    return False


def _pipe_cell_block(text: str, lines: list[tuple[int, int]], i: int
                     ) -> tuple[int, Table | None]:
    """The table of one-cell-a-line rows with trailing pipes (see `_CELL_PIPE`), from line i to
    the first line that is neither a cell nor a row end, or to table 三's opening cell when the
    block already holds data (table 三 printed right after table 二). A row the page did not
    close (a label after the numbers: `规章 |` `0 |` … `行政规范性文件 |` …) is split by the
    header words, as a cell stream is (`_stream_rows`)."""
    slots = _t3_slot_rows(text, lines, i)
    if slots is not None:
        table = _make_table(text, lines, i, slots[1])
        # one label column per label level: a row of fewer labels spans its last label over
        # the missing ones, so that every row's seven values stand in the same columns
        depth = max(len(r) for r in slots[1]) - T3_WIDTH
        for r, row in enumerate(slots[1]):
            short = depth - (len(row) - T3_WIDTH)
            for c in table.cells:
                if c.row == r and c.col == len(row) - T3_WIDTH - 1:
                    c.colspan += short
                elif c.row == r and c.col >= len(row) - T3_WIDTH:
                    c.col += short
        table.fixed_columns = True
        return slots[0], table
    rows: list[list[tuple[int, int]]] = []
    row: list[tuple[int, int]] = []
    split: set[int] = set()  # rows to cut by their header words (`_stream_rows`)
    width = 0  # cells of the last header row (two or more cells, no number)
    j = i
    while j < len(lines):
        a, b = lines[j]
        if _pipes_only(text, a, b):
            blanks = _blank_run(text, lines, j, row)
            if blanks:
                # `规章 |` / `|` / `|` / `|` / `规范性文件 |`, `行政许可 |` / `| ||`: after a row's
                # label, each line of pipes is one empty cell, and the row ends there
                for k in range(j, j + blanks):
                    p = _text_start(text, *lines[k])
                    row.append((p, p))
                split.add(len(rows))
                rows.append(row)
                row = []
                j += blanks
                continue
            if (row and width and len(row) + 1 == width and _one_pipe(text, a, b)
                    and j + 1 < len(lines) and _pipes_only(text, *lines[j + 1])
                    and any(_value_like(text[s:e]) for s, e in row)):
                # `0 |` / `|` / `|`: an empty cell (the data row is then as wide as its
                # header), then the row's end
                p = _text_start(text, a, b)
                row.append((p, p))
            elif row and width > len(row) + 1 and _one_pipe(text, a, b) and \
                    _lone_pipe_width(text, lines, j, len(row)) == width:
                # `行政许可 |` / `0 |` / `|` / `0 |` / `|`: a lone pipe before a number is an
                # empty cell when the row then closes exactly as wide as its header
                p = _text_start(text, a, b)
                row.append((p, p))
            elif row:
                rows.append(row)
                width = _header_width(text, row, width)
                row = []
        elif _cell_pipe(text, a, b):
            cell = _cell_text(text, a, b)
            if j > i and same_length_cached(text[cell[0]:cell[1]]).lstrip(REGEX_SPACE).startswith(
                    _T3_OPENERS) and any(
                    _value_like(text[s:e]) for r in [*rows, row] for s, e in r):
                break
            row.append(cell)
        elif row and not text[b:].strip() and _value_like(text[a:b].strip(REGEX_SPACE)):
            # `(一)予以公开 |` / `4 |` / `0 |` / `2 |` / `1`: the text ends inside the table, on a
            # number its pipe was cut from
            row.append(_cell_text(text, a, b))
        else:
            break
        j += 1
    if row:
        rows.append(row)
    if len(rows) < 2 or not any(_value_like(text[s:e]) for r in rows for s, e in r):
        return i + 1, None
    out: list[list[tuple[int, int]]] = []
    notes: dict[tuple[int, int], str] = {}
    for k, r in enumerate(rows):
        if _unclosed(text, r) or k in split or (k == len(rows) - 1 and _header_then_row(text, r)):
            sub, n = _stream_rows(text, r)
            out.extend(sub)
            notes.update(n)
        else:
            out.append(r)
    return j, _make_table(text, lines, i, out, notes)


_T3_SLOT_LOOKAHEAD = 40  # header lines before table 三's first row


def _t3_slot_rows(text: str, lines: list[tuple[int, int]], i: int
                  ) -> tuple[int, list[list[tuple[int, int]]]] | None:
    """Table 三 one cell a line, each cell closed by a pipe, an empty cell a bare pipe line
    (`一、本年新收… |` / `56 |` / `|` ×5 / `56 |` / `||`, held-out 141): after each row's label
    line(s), the form's seven columns as seven slots, then one line of pipes that closes the
    row. The rows are read by position, as the form fixes them ((end line, rows) or None when
    the block from line i is not laid out so: its first table-三 row must be)."""
    k, n = i, len(lines)
    while k < min(n, i + _T3_SLOT_LOOKAHEAD):
        a, b = lines[k]
        if _cell_pipe(text, a, b) and _t3_row_label(
                same_length_cached(text[slice(*_cell_text(text, a, b))])):
            break
        k += 1
    else:
        return None
    rows: list[list[tuple[int, int]]] = []
    while k < n:
        labels: list[tuple[int, int]] = []
        while k < n and _cell_pipe(text, *lines[k]):
            cell = _cell_text(text, *lines[k])
            word = text[slice(*cell)]
            if _value_or_blank(word):
                break
            labels.append(cell)
            k += 1
        values: list[tuple[int, int]] = []
        while k < n and len(values) < T3_WIDTH:
            a, b = lines[k]
            if _pipes_only(text, a, b):
                p = _text_start(text, a, b)
                values.append((p, p))
            elif _cell_pipe(text, a, b) and _value_or_blank(
                    text[slice(*(cell := _cell_text(text, a, b)))]):
                values.append(cell)
            else:
                break
            k += 1
        closed = k < n and _pipes_only(text, *lines[k])
        if not labels or len(values) < T3_WIDTH or not closed or not any(
                _t3_row_label(same_length_cached(text[s:e])) for s, e in labels):
            break
        rows.append([*labels, *values])
        k += 1
    values = [(s, e) for r in rows for s, e in r[-T3_WIDTH:]]
    if len(rows) < 2 or all(s == e for s, e in values) or all(s < e for s, e in values):
        return None  # (rows of numbers only: the cell-pipe reader reads them with their header)
    return k, rows


def _text_start(text: str, a: int, b: int) -> int:
    """Where the text of the line [a, b) starts, past its leading white space."""
    return a + len(text[a:b]) - len(text[a:b].lstrip())


def _blank_run(text: str, lines: list[tuple[int, int]], j: int, row: list[tuple[int, int]]) -> int:
    """How many lines of pipes from line j are the empty cells of a row whose label is the cell
    before them (a row printed blank, one cell a line): the run of pipe-only lines, when the
    cell before it is a row label (text, not a header word or a block title) and what follows
    the run is not a number (the next row's label, a title, or the end of the table); else 0."""
    if not row:
        return 0
    s, e = row[-1]
    label = text[s:e]
    if e == s or _value_or_blank(label) or _is_header_word(label):
        return 0
    k = j
    while k < len(lines) and _pipes_only(text, *lines[k]):
        k += 1
    if k < len(lines) and _cell_pipe(text, *lines[k]):
        nxt = text[slice(*_cell_text(text, *lines[k]))]
        if _value_or_blank(nxt):
            return 0  # `行政许可 |` / `|` / `0 |`: a blank before a number (see below)
    return k - j


def _is_header_word(cell: str) -> bool:
    """A header word of the statistics tables (本年制发件数, 信息内容) or a block title."""
    words = _stream_words()
    key = _deps().label_key(cell)
    return key in words.vocab or key in words.cut or _block_title(cell)


@lru_cache(maxsize=1 << 14)
def _block_title(cell: str) -> bool:
    """A block title of table 二 (第二十条第(五)项), also cut short (第二十条第). (Every match of
    either pattern holds 第: a cell without it, folded or not, is none, and neither is asked.)"""
    folded = same_length_cached(cell)
    if "第" not in folded and "第" not in cell:
        return False
    return bool(_deps().title.search(folded)) or bool(_CUT_TITLE.fullmatch(cell))


def _lone_pipe_width(text: str, lines: list[tuple[int, int]], j: int, cells: int) -> int:
    """The width a row of `cells` cells so far reaches if each run of lone `|` lines from line j
    that is followed by a number cell stands for that many empty cells; the row closes at the
    first run of lone pipes followed by anything else (a label, another layout, the end)."""
    k, n = j, len(lines)
    while k < n:
        run = k
        while k < n and _one_pipe(text, *lines[k]):
            k += 1
        number = k < n and bool(_cell_pipe(text, *lines[k])) and _value_like(
            text[slice(*_cell_text(text, *lines[k]))])
        if not number:
            return cells  # the last run of lone pipes closed the row
        cells += k - run + 1  # the lone pipes were empty cells, then the number
        k += 1
    return cells


# table 三's first cell: its corner note or 申请人情况
# what a cell opening table 三 starts with after its white space (`regex`'s `\s*` then one of
# them, read by `str` methods: a `regex` call costs about 3k instructions)
_T3_OPENERS = ("（本列数据的勾稽关系", "(本列数据的勾稽关系", "申请人情况")


def _header_row(text: str, row: list[tuple[int, int]]) -> bool:
    """A header row: two or more cells, no number."""
    return len(row) >= 2 and not any(_value_like(text[s:e]) for s, e in row)


def _header_width(text: str, row: list[tuple[int, int]], width: int) -> int:
    """The width a closed row sets for the rows after it: its own when it is a header row, else
    the last header's."""
    return len(row) if _header_row(text, row) else width


def _header_then_row(text: str, row: list[tuple[int, int]]) -> bool:
    """Does a row hold a header (two header words or more) and then a row of numbers, the block
    cut before the line that would have closed them (`信息内容 |` … `处理决定数量 |` `行政许可 |`
    `0 |` ×3, then the text's end: held-out 168)?"""
    first = next((k for k, (s, e) in enumerate(row) if _value_like(text[s:e])), None)
    return first is not None and sum(_is_header_word(text[s:e]) for s, e in row[:first]) >= 2


def _unclosed(text: str, row: list[tuple[int, int]]) -> bool:
    """Does a row hold a label after a number (several rows the page did not close)?"""
    seen_value = False
    for s, e in row:
        if e == s:
            continue
        if _value_like(text[s:e]):
            seen_value = True
        elif seen_value:
            return True
    return False


_LINE_TABLE_BODY = (r"(?:第[二2]十条第[（(][一二三四五六七八九十]+[)）]项|信息内容|申请人情况|"
                    r"[（(]本列数据的勾稽关系|统计指标|指标名称|行政复议\s*[|｜]?\s*$)")
_LINE_TABLE_START = regex.compile(r"\s*" + _LINE_TABLE_BODY)
# what a match begins with after its white space (`_opens_table` asks the pattern only on a line
# whose first character but white space is one of them: a `regex` call costs about 3k
# instructions, the test a tenth)
_LINE_TABLE_FIRSTS = frozenset(first_char_list(_LINE_TABLE_BODY) or "")
# (行政复议 alone on its line: table 四's first header cell, its 19 header words before the numbers)
_FULL_STOP = ("。", "！", "？")  # a line that ends a sentence is narrative, not a cell
_LINE_CELL_MAX = 40  # a table cell on its own line is short; narrative lines are not
_MIN_NULLS = 6  # blank marks that make a stream of cells a table without a single number
_NOTE = regex.compile(r"[（(][^（()）\n]{0,200}[)）]")


def cell_sized(s: str) -> bool:
    """Is the (stripped) line short enough to be one table cell: at most `_LINE_CELL_MAX`
    characters once the bracketed notes that local forms print in row labels are left out
    (规范性文件（行政机关制定发布的决定、公告、通告…一般情况下属于规范性文件）), with no sentence
    end outside them."""
    if len(s) <= _LINE_CELL_MAX:
        return True
    bare = _NOTE.sub("", s)
    return len(bare) <= _LINE_CELL_MAX and not any(ch in bare for ch in "。；;！？")




def _cell_text(text: str, a: int, b: int) -> tuple[int, int]:
    """The span of a one-cell line without its white space and the pipes some pages print after
    each cell (`0 |`, `本年处理决定数量 | ||`)."""
    s = text[a:b]
    if "|" not in s and "｜" not in s:  # (both cuts below need a pipe)
        return a + len(s) - len(s.lstrip()), a + len(s.rstrip())
    # the pipes and white space that end the line (`regex`'s `\s*[|｜][|｜\s]*$`, its first match:
    # the run of them at the end, when it holds a pipe; cut with `str` methods, twice as fast)
    k = len(s.rstrip(_PIPES_AND_SPACE))
    if k > 0 and ("|" in s[k:] or "｜" in s[k:]):
        s = s[:k]
    # `| 规章`: a row the page opened with a pipe
    # (a match's first character but white space is a pipe)
    lead = _LEAD_PIPE.match(s) if s.lstrip(REGEX_SPACE)[:1] in _PIPES else None
    st = a + (lead.end() if lead else len(s) - len(s.lstrip()))
    return st, a + len(s.rstrip())


def _cells_on_lines(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Do the next lines look like one cell each (short, several of them numbers)? Of the cells
    on the next 39 lines (a line's `_cell_text`, when not empty nor an empty cell's space), the
    first six are each `cell_sized` and three of the first 24 are values or blanks. (One loop
    that stops once both are known: chained generators cost about 500 instructions a cell a
    stage; tests/test_blocks.py compares it with them on every corpus line.)"""
    seen = found = 0
    for a, b in lines[i + 1:i + 40]:
        s, e = _cell_text(text, a, b)
        if e <= s:
            continue
        cell = text[s:e]
        if _empty_cell_line(cell):
            continue
        if seen < 6 and not cell_sized(cell):
            return False
        seen += 1
        if _value_or_blank(cell):
            found += 1
        if seen >= 6 and found >= 3:
            return True
        if seen == 24:
            break
    return False


def _line_block(text: str, lines: list[tuple[int, int]], i: int
                ) -> tuple[int, Table | None]:
    """A web table copied as text with each cell on its own line, blank lines between cells
    or none, and no `|` lines (a pipe some pages print after each cell is dropped): from a line that starts a statistics table (第二十条第（一）项, 信息内容,
    申请人情况, the 勾稽关系 corner note …) to the first long line, report heading or run of
    blank lines."""
    toks: list[tuple[int, int]] = []
    j, n, blanks, last = i, len(lines), 0, i
    gaps: list[int] = []  # blank lines between consecutive cells
    runs: list[tuple[int, int]] = []  # (index in toks, length) of the runs of extra line breaks
    while j < n:
        a, b = lines[j]
        s = text[a:b]
        empty = _empty_cell_line(s)  # (a space the page printed in a cell)
        gap = _empty_cell_gap(text, toks, gaps, a) if empty and toks and last == j - 1 else -1
        if gap >= 0:
            # cells on consecutive lines (or paragraphs), an empty one printed as a line of a
            # space alone (`　`, `&nbsp;`): a cell the page left empty, not a break in the table
            toks.append((a, a))
            gaps.append(gap)
            last = j
            j += 1
            continue
        cell = s.strip()
        if not cell or empty:
            blanks += 1
            if blanks > 2 and not _blank_cells_ahead(text, toks, gaps) and \
                    not _header_holes_ahead(text, toks):
                # header words the block ends in (`第二十条第（八）项` / `信息内容`, then its empty
                # cells) open the next table: it starts at them
                k = len(toks)
                while k > 1 and toks[k - 1][0] < toks[k - 1][1] and _is_header_word(
                        text[slice(*toks[k - 1])]):
                    k -= 1
                if k < len(toks) and any(_value_like(text[x:y]) for x, y in toks[:k]):
                    last = bisect_right(lines, (toks[k][0], len(text) + 1)) - 2
                    del toks[k:]
                break
            j += 1
            continue
        if toks and last == j - 1 and _pipes_only(s):
            last = j  # the pipe of the cell above, printed on its own line (`本年增/减` / `|`)
            j += 1
            continue
        if cell in _PIPES or not cell_sized(cell) or cell.endswith(_FULL_STOP) or (
                toks and _is_report_heading(s)):
            break
        if toks and blanks > 2 and _is_header_word(text[slice(*toks[-1])]):
            pass  # (a header row's empty cells: no gap of the cells)
        elif toks:
            gap = _blank_lines_between(text, toks[-1][1], a)
            if _even_gaps(gaps) and gap > gaps[0]:
                # cells an even number of line breaks apart, more before this one: each extra
                # break is a cell the page left empty (`一、本年新收…数量` / 7 blank lines / `0`,
                # cells one blank line apart: six blank cells and the 总计)
                runs.append((len(toks), gap - gaps[0]))
                toks.extend([(a, a)] * (gap - gaps[0]))
                gap = gaps[0]
            gaps.append(gap)
        blanks = 0
        toks.append(_cell_text(text, a, b))
        last = j
        j += 1
    t = _stream_table(text, lines, _break_cells(text, toks, runs, gaps[0] if gaps else 0))
    return (last + 1, t) if t is not None else (i + 1, None)


def _break_cells(text: str, toks: list[tuple[int, int]], runs: list[tuple[int, int]], unit: int
                 ) -> list[tuple[int, int]]:
    """`toks` with its blank cells fitted (`_fitting_blank_cells`). A run of extra line breaks
    (`runs`: where in `toks`, how many) is a blank cell a break (a page that prints an empty cell
    as one more line break), or a blank cell per `unit` + 1 breaks (an empty paragraph, as many
    breaks as a cell and the gap after it: `规章` / 3 blank lines / `0` in a text whose cells stand a
    blank line apart is one blank cell). The second reading is taken only where the text allows
    it (every run a whole number of paragraphs) and it alone makes rows of the statistics tables
    of the runs: under it some run fills a row, under the first none does."""
    one = _fitting_blank_cells(text, toks)
    if unit < 1 or not runs or any(n % (unit + 1) for _, n in runs):
        return one
    halved: list[tuple[int, int]] = []
    prev = 0
    for at, n in runs:
        halved.extend(toks[prev:at + n // (unit + 1)])
        prev = at + n
    halved.extend(toks[prev:])
    two = _fitting_blank_cells(text, halved)
    # (a run's blank cells are one empty span each, at the line of the cell after the run)
    marks = {toks[at] for at, _ in runs}
    if any(t in marks for t in one) or not any(t in marks for t in two):
        return one
    return two


# a line holding only a space a web page printed in an empty cell: an ideographic or no-break
# space, or its entity left in the text by a scraper
_EMPTY_CELL_LINE = regex.compile(r"[ \t\r]*(?:[\u3000\xa0]|&(?:nbsp|#160|#xa0|#12288);)+[ \t\r]*",
                                 regex.IGNORECASE)


def _empty_cell_line(line: str) -> bool:
    """Is the line only an empty cell's space (`_EMPTY_CELL_LINE`)? (Most lines asked hold none
    of its characters: three `in` tests turn them down faster than the regex.)"""
    return ("\u3000" in line or "\xa0" in line or "&" in line) and \
        _EMPTY_CELL_LINE.fullmatch(line) is not None


def _empty_cell_gap(text: str, toks: list[tuple[int, int]], gaps: list[int], a: int) -> int:
    """The blank lines before the line at offset a, a line holding only an empty cell's space
    (`_EMPTY_CELL_LINE`), when it stands as far from the cell before as every cell so far from
    the one before it; else -1."""
    gap = _blank_lines_between(text, toks[-1][1], a)
    return gap if gap >= 0 and gaps.count(gap) == len(gaps) else -1


def _fitting_blank_cells(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`toks` without the runs of empty cells (blank lines) that do not make a full row: a run
    stands after a label, and with the values after it fills a row of the statistics tables
    (2 or 3 columns of table 二, 7 of table 三, 15 of table 四), or it stands between a row's
    values (after them: only in a row of table 三 or 四) in a row that fills one; otherwise it
    is left out, and so is a run after a header word with no value after it."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        a, b = toks[k]
        if a != b:
            out.append(toks[k])
            k += 1
            continue
        e = k
        while e < len(toks) and toks[e][0] == toks[e][1]:
            e += 1
        v = e
        while v < len(toks) and toks[v][0] < toks[v][1] and _value_like(text[slice(*toks[v])]):
            v += 1
        after_label = bool(out) and not _value_like(text[slice(*out[-1])])
        if after_label and v == e and _is_header_word(text[slice(*out[-1])]):
            pass  # blanks in a header row (`信息内容` / 　 / 　 / 　 / `本年处理决定数量`)
        elif after_label and (e - k) + (v - e) in _ROW_WIDTHS:
            out.extend(toks[k:e])
        elif not after_label and out and _row_width_around(text, toks, k) in (
                _ROW_WIDTHS if v > e else _WIDE_ROWS):
            # blank cells between a row's values (`一、本年新收… / 821 / 35 / 　 / 　 / 2 / 1 /
            # 859`): kept when the row, from its label to the next label, fills a row; blank
            # cells after its last value only in the wide rows of tables 三 and 四 (in table 二
            # they may be a padding column its header leaves blank too: `行政事业性收费 / 0 / 0 /`)
            out.extend(toks[k:e])
        k = e
    return out


def _row_width_around(text: str, toks: list[tuple[int, int]], k: int) -> int:
    """The cells (values and blanks) of the row that holds the blank cell `toks[k]`: from the
    label before it to the next label or the end (0 when no label opens the row)."""
    def is_label(t: tuple[int, int]) -> bool:
        return t[0] < t[1] and not _value_like(text[slice(*t)])

    first = k
    while first > 0 and not is_label(toks[first - 1]):
        first -= 1
    if first == 0:
        return 0
    end = k
    while end < len(toks) and not is_label(toks[end]):
        end += 1
    return end - first


_MAX_BLANK_CELLS = 14  # blank cells in a row of table 四 (15 columns) but its one value
_ROW_WIDTHS = frozenset((2, 3, 7, 15))  # value columns a row of tables 二, 三, 四 can have
_WIDE_ROWS = frozenset((7, 15))  # those of tables 三 and 四
_NEXT_TEXT = regex.compile(r"\S")


def _blank_lines_between(text: str, a: int, b: int) -> int:
    """The blank lines between the line ending after offset a and the line of offset b, or -1
    when a line between them holds something (a pipe)."""
    if text.count("\n", a, b) <= 1:
        return 0  # (the next line, or the same one)
    between = text[a:b].split("\n")[1:-1]
    return -1 if any(ln.strip() for ln in between) else len(between)


def _even_gaps(gaps: list[int]) -> bool:
    """Were the cells so far one or more blank lines apart, always as many (four gaps or more)?"""
    return len(gaps) >= 4 and gaps[0] >= 1 and gaps.count(gaps[0]) == len(gaps)


def _blank_cells_ahead(text: str, toks: list[tuple[int, int]], gaps: list[int]) -> bool:
    """Does the run of blank lines after the last cell, in cells evenly apart, end at a value
    within the blank cells a row can hold (the run is empty cells, not the table's end)?"""
    if not toks or not _even_gaps(gaps):
        return False
    m = _NEXT_TEXT.search(text, toks[-1][1])
    if m is None:
        return False
    gap = _blank_lines_between(text, toks[-1][1], m.start())
    end = text.find("\n", m.start())
    # (a blank cell is one more line break, or an empty paragraph: as many as a cell and its gap)
    return gaps[0] < gap <= gaps[0] + (gaps[0] + 1) * _MAX_BLANK_CELLS and \
        _value_like(text[m.start():end if end >= 0 else len(text)])


@lru_cache(maxsize=1 << 14)
def _is_corner(line: str) -> bool:
    """Does the line hold the corner note of table 三 (（本列数据的勾稽关系为：…）)?"""
    return any(w[0] in line and w in same_length_cached(line) for w in _stream_words().corner)


def _header_holes_ahead(text: str, toks: list[tuple[int, int]]) -> bool:
    """Does the run of blank lines after the last cell, a header word (`信息内容`, a
    第二十条第（五）项 title), end at another header word or the first row's label within the
    blank cells a row can hold, as many breaks as a cell and its gap each (a header row whose
    empty cells are empty paragraphs: `信息内容` / 7 blank lines / `本年处理决定数量`, `其他` / 9
    blank lines / `一、本年新收政府信息公开申请数量`, in a block that holds no value yet)? Its
    blanks are no cells (`_fitting_blank_cells` leaves out blanks in a header row)."""
    if not toks or toks[-1][0] == toks[-1][1] or not _is_header_word(text[slice(*toks[-1])]):
        return False
    m = _NEXT_TEXT.search(text, toks[-1][1])
    if m is None:
        return False
    end = text.find("\n", m.start())
    nxt = text[m.start():end if end >= 0 else len(text)].strip()
    if _blank_lines_between(text, toks[-1][1], m.start()) > 2 * _MAX_BLANK_CELLS + 1 or \
            not cell_sized(nxt):
        return False
    # (a row label only after a header that opens the block: a block with values ends at its
    # header words, which open the next table)
    return _is_header_word(nxt) or ((_t3_row_label(nxt) or _t2_row_label(nxt)) and not any(
        _value_like(text[a:b]) for a, b in toks))


def _stream_table(text: str, lines: list[tuple[int, int]], toks: list[tuple[int, int]]
                  ) -> Table | None:
    """A table from a stream of cells (one per line), rows recovered by `_stream_rows`."""
    if len(toks) < 4 or not (any(_value_like(text[s:e]) for s, e in toks)
                             or sum(_null_mark(text[s:e]) for s, e in toks) >= _MIN_NULLS):
        return None  # (a table of nothing but blanks, `/` in every cell, is still a table)
    rows, notes = _stream_rows(text, toks)
    first_line = bisect_right(lines, (toks[0][0], len(text) + 1)) - 1  # the line holding it
    return _make_table(text, lines, first_line, rows, notes)


class _StreamWords(NamedTuple):
    vocab: frozenset[str]  # label keys of every header word of the statistics tables
    cut: frozenset[str]  # the same printed without their last character (现行有效件)
    corner: tuple[str, ...]  # words of a table's corner cell
    label_words: frozenset[str]  # header words of label columns (信息内容 …)
    groups: frozenset[str]  # header groups (申请人情况, 法人或其他组织 …)
    digit_free: bool  # no word of `vocab` holds an ASCII digit (`_stream_rows`' merge)


@lru_cache(maxsize=1)
def _stream_words() -> _StreamWords:
    """The header vocabulary `_stream_rows` splits a cell stream by (table_labels.toml, made
    once)."""
    from nlp.tables.labels import label_key, table_labels

    data = table_labels()
    vocab: set[str] = set()
    for sect in ("t2", "t3", "t4"):
        for key in ("cols", "blocks"):
            for labs in data[sect].get(key, {}).values():
                vocab.update(label_key(x) for x in labs)
    for g, kids in data["header_groups"].items():
        vocab.add(label_key(g))
        vocab.update(label_key(k) for k in kids)
    for role in ("label", "unit", "skip"):
        vocab.update(label_key(x) for x in data["columns"][role])
    return _StreamWords(
        vocab=frozenset(vocab),
        # a header word printed without its last character (现行有效件 for 现行有效件数)
        cut=frozenset(v[:-1] for v in vocab if len(v) >= 5),
        corner=tuple(data["columns"]["corner"]),
        label_words=frozenset(label_key(x) for x in data["columns"]["label"]),
        groups=frozenset(label_key(g) for g in data["header_groups"]),
        digit_free=not any(c in "0123456789" for v in vocab for c in v),
    )


_CUT_TITLE = regex.compile(r"\s*第[一二三四五六七八九十\d]+条第?\s*")  # 第二十条第(五)项 cut short


def _last_where(items: list[Any], test: Callable[[Any], bool]) -> int:
    """The index of the last item that passes `test` (-1: none): asked from the end, so `test`
    is not asked of the items before it (`max` of every index that passes asked them all)."""
    for p in range(len(items) - 1, -1, -1):
        if test(items[p]):
            return p
    return -1


_NUMBERED_FIRSTS = frozenset("一二三四五六七八九十(（其")  # (and `\d`) what `layout.NUMBERED` begins with


def _may_be_numbered(t: str) -> bool:
    r"""Can `layout.NUMBERED` (`^\s*` then a numeral, a bracket, a digit or 其中) match `t`: is
    its first character but white space one of those (`\d`: `isdecimal` in the BMP, the digits
    both engines read as `\d`; any character outside it)? A `regex` call costs about 3k
    instructions, this test a tenth."""
    c = t.lstrip(REGEX_SPACE)[:1]
    return digit_or(c, _NUMBERED_FIRSTS)


def _stream_rows(text: str, toks: list[tuple[int, int]]
                 ) -> tuple[list[list[tuple[int, int]]], dict[tuple[int, int], str]]:
    """Split a cell stream into rows: a run of words then its numbers is one data row, whose
    label is the words after the last header word (header words of table_labels.toml without
    numbering); the header words before it form a header row, a 第…条第…项 word a title row.

    A data row that holds one digit run under a header of several plain columns (`规章` /
    `104` under 本年制发件数 / 本年废止件数 / 现行有效件数: the page lost the cell breaks) is
    split into the columns only where the split is forced (`nlp.tables.runs.splits`: one way
    only, e.g. one digit a column), and keeps no value where it is not (`2729318`); the second
    value returned notes each split cell."""
    deps = _deps()
    label_key, numbered, splits, parse_value = deps.label_key, deps.numbered, deps.splits, \
        deps.parse_value
    words = _stream_words()
    vocab, digit_free = words.vocab, words.digit_free

    def is_header(span: tuple[int, int]) -> bool:
        t = text[span[0]:span[1]]
        if _may_be_numbered(t) and numbered.match(t):
            return False
        k = label_key(t)
        return k in vocab or k in words.cut or any(w in k for w in words.corner)

    # a header word split over two cells by a line break (商业 / 企业, 科研 / 机构) is one cell
    merged: list[tuple[int, int]] = []
    for span in toks:
        if merged:
            prev = merged[-1]
            a_txt, b_txt = text[prev[0]:prev[1]], text[span[0]:span[1]]
            if digit_free and b_txt.isdigit() and b_txt.isascii():
                # (a second cell of plain digits, a count after its label or another count: most
                # pairs. No word holds a digit, and `label_key(a_txt + b_txt)` is `label_key(a_txt)`
                # with the digits or without them: they stand at the end, where the numbering and
                # bracket cuts need a mark or a bracket after them, an open note cut off at the end
                # takes the same characters of both, and folding keeps ASCII digits. So the pair is
                # a word only where `a_txt` alone is one, which the test below turns down; the key
                # of every new count is not built. tests/test_speed_tt.py compares both ways.)
                pass
            elif (label_key(a_txt + b_txt) in vocab and label_key(a_txt) not in vocab
                    and label_key(b_txt) not in vocab):
                merged[-1] = (prev[0], span[1])
                continue
        merged.append(span)
    toks = merged

    rows: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    vals: list[tuple[int, int]] = []
    notes: dict[tuple[int, int], str] = {}
    label_words, groups = words.label_words, words.groups
    width = [0]  # value columns of the last header row (0: unknown, or grouped)

    def split_run(span: tuple[int, int]) -> list[tuple[int, int]]:
        digits = text[span[0]:span[1]]
        if width[0] < 2 or len(digits) < 2 or not digits.isdigit():
            return [span]
        cuts = splits(digits, width[0])
        if not cuts or len(cuts) != 1:
            return []  # split not forced: the row keeps its label, no value is guessed
        out = [(span[0] + a, span[0] + b) for a, b in cuts[0]]
        for sub in out:
            notes[sub] = (f"digit run {text[span[0]:span[1]]!r} split into {width[0]} (the only "
                          "split): the page lost the breaks between the cells")
        return out

    def flush() -> None:
        nonlocal vals
        if not run and not vals:
            return
        words = list(run)
        # a block title (第二十条第(五)项) starts a new block wherever it stands in the run: the
        # words before it are a row whose cells the page dropped (规范性文件 with no numbers)
        while (k := next((p for p, (a, b) in enumerate(words)
                          if _block_title(text[a:b])), None)) is not None:
            if k and not blank_rows(words[:k]):
                rows.append(words[:k])
            rows.append([words[k]])
            width[0] = 0
            words = words[k + 1:]
        # the corner note of table 三 (（本列数据的勾稽关系…）) opens that table's header row
        # wherever it stands: the words before it are the rows of the table before (a page that
        # glued the two: `政府集中采购` / `…元三、收到和处理…` / `（本列数据的勾稽关系…）` / `申请人情况`)
        k = next((p for p, (a, b) in enumerate(words) if p and _is_corner(text[a:b])), None)
        if k is not None:
            rows.append(words[:k])
            width[0] = 0
            words = words[k:]
        last_h = _last_where(words, is_header)
        if last_h >= 0:
            known = plain_width(words[:last_h + 1])
            extra = len(words) - last_h - 1
            if extra >= 2 and known and len(vals) == known + extra - 1:
                # 信息内容 / 本年新制作数量 / 本年新公开数量 / 对外公开数目 / 规章 / 0 / 0 / 0: a
                # header word the vocabulary lacks stands between the known ones and the row's
                # label; the count of numbers proves it a column (the row label is one cell)
                last_h += extra - 1
                known = plain_width(words[:last_h + 1])
            width[0] = known
            rows.append(words[:last_h + 1])
        if len(vals) == 1 and words[last_h + 1:]:
            vals = split_run(vals[0])
        rest = words[last_h + 1:]
        if rest or vals:
            rows.append(rest + vals)

    def plain_width(header: list[tuple[int, int]]) -> int:
        """The value columns a header row names: its words but the label columns' (信息内容), or
        0 when it names header groups (申请人情况 …), whose columns the words do not count."""
        keys = [label_key(text[a:b]) for a, b in header]
        return 0 if any(k in groups for k in keys) else sum(1 for k in keys if k not in label_words)

    def blank_rows(words: list[tuple[int, int]]) -> bool:
        """`信息内容` / `上一年项目数量` / `本年增/减` / `处理决定数量` / `行政许可` / `其他对外管理服务
        事项` before the next block title: a block whose rows the page printed blank, their labels
        one after another (held-out 231). Each becomes a row of empty cells as wide as the header
        (True), or nothing is done (False)."""
        last_h = _last_where(words, is_header)
        rest = words[last_h + 1:]
        if last_h < 0 or not rest or not all(_t2_row_label(text[a:b]) for a, b in rest):
            return False
        n = plain_width(words[:last_h + 1])
        if not n:
            return False
        rows.append(words[:last_h + 1])
        rows.extend([(a, b)] + [(b, b)] * n for a, b in rest)
        return True

    for span in toks:
        v = parse_value(text[span[0]:span[1]])
        if v is not None:
            vals.append(span)
            continue
        if vals:
            flush()
            run, vals = [], []
        run.append(span)
    flush()
    return [r for r in rows if r], notes


# --------------------------------------------------------------------------- PDF rows
# A PDF page copied as text (pdftotext) prints a statistics row as one line, its numbers
# separated by single spaces: `四、结转下年度继续办理 0 0 0 0 0 0 0`, or table 四 as one line of
# 15 numbers under a header the page scattered over several lines. A line like that is read only
# in the two shapes the 2019 and 2021 forms fix, so narrative numbers (`2020 年`, `第 3 条`),
# page footers (`- 9 -`) and phone numbers never become rows:
# - table 三: a row label of the form (`（一）予以公开`, `一、本年新收政府信息公开申请数量`) and
#   exactly its 7 numbers (自然人, five 法人或其他组织 kinds, 总计);
# - table 四: exactly its 15 numbers with no label, under a header that starts with 行政复议 and
#   names 行政诉讼, only header-like lines (short, no digit, no sentence end) in between.
# The mapping places the numbers by position only where the sums tie them to their columns (总计
# the sum of the others: `nlp.tables.mapping.positional_columns`).
_ROW_NUMBER = regex.compile(r"0|[1-9]\d{0,9}")  # a count: no leading zero (0631 is a phone)
# a word, a colon ending it cut from what follows (`规章：0 0 0`: the label's colon and a count)
_TOKEN = regex.compile(r"[^\s:：]+[:：]*|[:：]+")
# a number of table 二: a count, signed in 本年增/减 (`+3`, `-14`), or an amount (96171.6 万元)
_T2_NUMBER = regex.compile(r"[+-]?(?:0|[1-9]\d{0,9})(?:\.\d+)?")
_GAP = regex.compile(r"\s+")
T3_WIDTH, T4_WIDTH = 7, 15
_T4_HEADER_LINES = 16  # how far above the numbers table 四's header may start
_T4_HEAD = ("行政复议", "行政诉讼")
_ITEM_MARK = regex.compile(r"(?<![\d.])\d{1,2}[.．、](?!\d)")  # 1.属于国家秘密
_SENT_STOP = frozenset((*_SENT_END, "!", "?"))  # what no line of header words holds


# two counts of `_spaced_row` one after the other: a digit, white space within the line, a count's
# first digit (a line without it has one count at most)
_COUNT_PAIR = regex.compile(r"\d[^\S\n]+[0-9]")
# the same in a text whose only white space within a line is the space (`scan.spaces_only`),
# found one character later, at the spaces after the digit: a run of spaces, then a digit, by
# the stdlib engine, which skips to the leading literal space in its own loop (`regex` tried the
# lookbehind `(?<=\d)` at every character: 8.7M instructions over the new documents' texts
# against 3.3M), the digit before the run asked of each match (`_space_pair`)
_SPACE_DIGIT = re.compile(r"  *[0-9]")
_DIGIT = regex.compile(r"\d")


def _space_pair(folded: str, pos: int) -> int:
    r"""Where `regex`'s `(?<=\d) +[0-9]` finds its first match in `folded` from `pos` (-1:
    nowhere; `pos` is 0 or a line's start, never inside a run of spaces). A match of
    `_SPACE_DIGIT` starts at the first space of a run (from `pos` on), where the other starts
    too when a `\d` digit stands before it; where none does, no match of the other starts
    within the run or at the digit after it, so the search goes on after that digit."""
    m = _SPACE_DIGIT.search(folded, pos)
    while m is not None:
        p = m.start()
        if p:
            c = folded[p - 1]
            if c.isdigit() if c.isascii() else _DIGIT.fullmatch(c) is not None:
                return p
        m = _SPACE_DIGIT.search(folded, m.end())
    return -1


def _count_pair_lines(folded: str, lines: list[tuple[int, int]]) -> list[int]:
    """The index of each line (`lines`) on which `_COUNT_PAIR` finds a match in `folded`, in
    order: the line of the first match, then of the first after that line, and so on. In a
    text of `spaces_only`, by `_space_pair`, whose match begins one character after the
    digit the other's begins with (tests/test_speed_seg.py compares the two on the corpus)."""
    if spaces_only(folded):
        p = _space_pair(folded, 0)
        if p < 0:
            return []
        starts = [a for a, _ in lines]
        out = []
        while p >= 0:
            k = bisect_right(starts, p - 1) - 1
            out.append(k)
            p = _space_pair(folded, lines[k][1] + 1)
        return out
    m = _COUNT_PAIR.search(folded)
    if m is None:
        return []
    starts = [a for a, _ in lines]
    out = []
    while m is not None:
        k = bisect_right(starts, m.start()) - 1
        out.append(k)
        m = _COUNT_PAIR.search(folded, lines[k][1])
    return out


def _spaced_row(line: str, count: regex.Pattern[str] = _ROW_NUMBER) -> tuple[int, list[tuple[int, int]]]:
    """(end of the label, spans of the counts) of a line that ends in whitespace-separated
    counts, relative to the line (no trailing count: the end of its last word and []). A colon
    may end the label (`一、本年新收…数量：151 3 0 0 0 0 154`, a row printed `label：values`): it
    is not part of it."""
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
    k = len(toks)
    while k and count.fullmatch(line, *toks[k - 1]):
        k -= 1
    if not k:
        return 0, toks
    end = toks[k - 1][1]
    if k < len(toks):
        end = toks[k - 1][0] + len(line[toks[k - 1][0]:end].rstrip(":："))
    return end, toks[k:]


def _label_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The label text[a:b] cut before each numbering mark that follows a space (`三、本年度办理结果
    （一）予以公开`, `（三）不予公开 1.属于国家秘密`): one cell each, as a grid prints them."""
    numbered = _deps().numbered
    parts: list[tuple[int, int]] = []
    cur = a
    for m in _GAP.finditer(text, a, b):
        if numbered.match(text[m.end():b]):
            parts.append((cur, m.start()))
            cur = m.end()
    parts.append((cur, b))
    return parts


def _names_a_row(label: str, table: str) -> bool:
    """Does the label name a row of `table` ("t2", "t3") of the forms?"""
    d = _deps()
    key = d.label_key(label)
    return bool(key) and d.match(key, d.keyed_labels(table, "rows"), threshold=0.88) is not None


@lru_cache(maxsize=1 << 14)
def _t2_row_label(label: str) -> bool:
    """Is the label a row of table 二 (规章, 行政许可, 其他对外管理服务事项 …)?"""
    return _names_a_row(label, "t2")


@lru_cache(maxsize=1 << 14)
def _t3_row_label(label: str) -> bool:
    """Does a row label name a row of table 三? A bare short word (总计, 其他) needs its
    numbering mark (（七）总计, 3.其他): alone it may be any table's."""
    if not _names_a_row(label, "t3"):
        return False
    return len(_deps().label_key(label)) >= 4 or bool(_deps().numbered.match(label))


def _t3_label(text: str, folded: str, lines: list[tuple[int, int]], i: int, label_end: int,
              free: Callable[[int, int], bool]) -> list[tuple[int, int]] | None:
    """The label cells of line i's table-三 row (its label ends at `label_end`), or None when
    the label names no row of table 三. A label the page wrapped (`（二）部分公开（区分处理的，只计
    这一情` / `形，不计其他情形） 447 7 0 0 0 0 454`) starts on the line above when that line is
    label text only (no digit, short, no sentence end)."""
    a = lines[i][0]
    own = a + len(text[a:label_end]) - len(text[a:label_end].lstrip())
    starts = [own]
    above = _label_line(folded, lines, i - 1, free, _LINE_CELL_MAX)
    if above is not None:
        starts.append(above[0])
    for st in starts:
        parts = _label_parts(text, st, label_end)
        if _t3_row_label(folded[parts[-1][0]:parts[-1][1]]):
            return parts
    if above is not None and len(text[own:label_end].strip()) <= 4:
        # `2.没有现成信息需要另行` / `无法提 0 0 0 0 0 0 0` / `制作`: the few characters before
        # the numbers are a merged cell's (（四）无法提供) wrapped text; the row's label is above
        parts = _label_parts(text, *above)
        if _t3_row_label(folded[parts[-1][0]:parts[-1][1]]):
            return parts
    return None


def _t4_header(text: str, folded: str, lines: list[tuple[int, int]], i: int) -> str | None:
    """The first line of table 四's header above line i (行政复议 at its start, 行政诉讼 in it or
    in the header lines below it), when only lines of header words (no digit, no punctuation,
    each word `_header_sized`) stand between; else None."""
    seen = ""
    for k in range(i - 1, max(i - 1 - _T4_HEADER_LINES, -1), -1):
        a, b = lines[k]
        s = folded[a:b].strip()
        if not s or PAGE_NUMBER.match(s):
            continue  # (a page break between the header and the numbers: `— 6 —`)
        words = s.split()
        if any(ch.isdigit() or ch in _SENT_STOP for ch in s) or not all(map(_header_sized, words)):
            return None  # not a line of header words
        compact = "".join(words)
        seen = compact + seen
        if compact.startswith(_T4_HEAD[0]):
            return text[a:b].strip() if _T4_HEAD[1] in seen else None
    return None


def _spaced_row_tables(text: str, folded: str, lines: list[tuple[int, int]],
                       free: Callable[[int, int], bool]) -> list[Table]:
    """Tables of the space-separated rows of a PDF page (see above), on lines no other reader
    took: consecutive table-三 rows form one table; a table-四 line is a table of its own, its
    header's first line the caption. Two page layouts of the same rows are read too: a label
    alone on its line with its 7 numbers on the next (never the other way round, which would
    give every row the numbers of the next), and table 四's 15 numbers wrapped over two lines."""
    # every shape below needs a line with two counts or more (7, 15, or 15 over two lines): no
    # table opens but on such a line or the line before it (most texts have none)
    near: set[int] = set()
    found = _count_pair_lines(folded, lines)
    if not found:
        return []
    for k in found:
        near.update((k - 1, k))
    tables: list[Table] = []
    rows: list[list[tuple[int, int]]] = []
    first = 0
    below: set[int] = set()  # lines of numbers read under the label above them

    def close() -> None:
        if rows:
            tables.append(_make_table(text, lines, first, rows[:]))
            rows.clear()

    def counts_only(k: int) -> list[tuple[int, int]] | None:
        """The counts of line k when it holds counts and nothing else."""
        if k >= len(lines):
            return None
        ka, kb = lines[k]
        if not folded[ka:kb].strip() or not free(ka, kb):
            return None
        label_end, nums = _spaced_row(folded[ka:kb])
        return [(ka + s, ka + e) for s, e in nums] if nums and not label_end else None

    skip_to = -1
    for i, (a, b) in enumerate(lines):
        if i < skip_to or (not rows and i not in near):
            continue
        glued = _GLUED_AFTER_COUNT.search(folded, max(a, b - 12), b) if _may_end_in_han(folded, a, b) \
            else None
        if glued is not None and len(_spaced_row(folded[a:glued.start(1)])[1]) == T3_WIDTH:
            # `（一）予以公开 5 0 0 0 0 0 5度办理结`: a merged label cell's wrapped text glued to the
            # row's last count is no part of the row
            b = glued.start(1)
        last = text[b - 1] if b > a else ""  # the line's last character but white space
        if last.isspace():
            last = text[a:b].rstrip()[-1:]
        if not last.isdigit():  # a row ends in a count
            if rows and not ((nxt := counts_only(i + 1)) is not None and len(nxt) == T3_WIDTH
                             and _label_above(text, folded, lines, i + 1, free, below) is not None):
                close()  # (a label whose numbers follow on the next line keeps the table open)
            continue
        line = text[a:b]
        label_end, nums = _spaced_row(folded[a:b])
        shape = len(nums)
        if not free(a, b) or any(ch in line for ch in "\t|｜"):
            close()
            continue
        spans = [(a + s, a + e) for s, e in nums]
        label = folded[a:a + label_end].strip()
        if shape == T3_WIDTH:
            parts = _t3_label(text, folded, lines, i, a + label_end, free) if label else \
                _label_above(text, folded, lines, i, free, below)
            if parts is not None:
                if not rows:  # (a label from the line above follows no row)
                    first = i - 1 if parts[0][0] < a else i
                if not label:
                    below.add(i)
                rows.append([*parts, *spans])
                continue
        close()
        if label:
            continue
        if shape < T4_WIDTH:  # table 四's 15 numbers wrapped over two lines (10 + 5)?
            more = counts_only(i + 1)
            if more is None or shape + len(more) != T4_WIDTH:
                continue
            spans = spans + more
        elif shape != T4_WIDTH:
            continue
        header = _t4_header(text, folded, lines, i)
        if header is None:
            continue
        t = _make_table(text, lines, i, [spans])
        t.caption = header
        tables.append(t)
        if shape < T4_WIDTH:
            skip_to = i + 2  # the wrapped line is read
    close()
    return tables


def _t2_spaced_tables(text: str, folded: str, lines: list[tuple[int, int]], heads: list[int],
                      free: Callable[[int, int], bool]) -> list[Table]:
    """Blocks of table 二 whose rows are a label and its numbers one space or more apart, the
    label's colon glued to it or not (`规章：0 0 0`, `行政许可 14 +3 17`), read only under their
    header (`信息内容 本年新制作数量 本年新公开数量 对外公开总数量`, `_t2_header`): as many numbers as
    the header has columns, each row's label a row of table 二. Blocks one after another, a
    第二十条第（八）项 title between, are one table (as a page prints them). `heads`: the lines
    that may hold a header (lines holding one of `_T2_CORNERS`; in a mirror's glossed text, the
    lines of `_table_lines`)."""
    label_key = _deps().label_key
    blocks: list[tuple[int, int, list[list[tuple[int, int]]]]] = []  # (header, last row, rows)
    label_words = _stream_words().label_words
    for k in heads:
        nxt = _line_after(text, lines, k)
        if nxt < 0 or not text[lines[nxt][0]:lines[nxt][1]].rstrip()[-1:].isdigit():
            continue  # (a row ends in a number)
        first = _WORD.search(folded, *lines[k])
        if first is None or label_key(first.group()) not in label_words or not free(*lines[k]):
            continue  # (a header opens with its label column's word: 信息内容)
        rows: list[list[tuple[int, int]]] = []
        width, i, last = 0, k, k
        while (i := _line_after(text, lines, i)) >= 0 and free(*lines[i]):
            a, b = lines[i]
            label_end, nums = _spaced_row(folded[a:b], _T2_NUMBER)
            label = folded[a:a + label_end].strip()
            if not nums or not label or len(nums) > _T2_MAX_COLS or (width and len(nums) != width) \
                    or any(ch.isdigit() for ch in label) or not _t2_row_label(label):
                break
            if not width:
                width = len(nums)
                head = _t2_header(text, folded, lines, k, width, free)
                if head is None:
                    break
                rows.append(head)
            rows.append([*_label_parts(text, a, a + label_end), *[(a + x, a + y) for x, y in nums]])
            last = i
        if len(rows) >= 2:
            blocks.append((k, last, rows))

    def title_row(t: int) -> list[tuple[int, int]] | None:
        """Line t as a row of its own when it is a block title (`第二十条 第（八）项`)."""
        if t < 0 or not free(*lines[t]) or not _block_title(
                "".join(folded[lines[t][0]:lines[t][1]].split())):
            return None
        ta, tb = lines[t]
        return [(ta + len(text[ta:tb]) - len(text[ta:tb].lstrip()), ta + len(text[ta:tb].rstrip()))]

    tables: list[Table] = []
    k = 0
    while k < len(blocks):
        first, last, rows = blocks[k][0], blocks[k][1], list(blocks[k][2])
        above = next((t for t in range(first - 1, max(first - 3, -1), -1)
                      if text[lines[t][0]:lines[t][1]].strip()), -1)
        if (head := title_row(above)) is not None:
            first, rows = above, [head, *rows]  # the block's title above its header
        while k + 1 < len(blocks) and (title := _line_after(text, lines, last)) >= 0 and \
                _line_after(text, lines, title) == blocks[k + 1][0] and \
                (head := title_row(title)) is not None:
            # the next block under its title: `第二十条 第（八）项` / `信息内容 本年收费金额…`
            rows += [head, *blocks[k + 1][2]]
            last = blocks[k + 1][1]
            k += 1
        tables.append(_make_table(text, lines, first, rows))
        k += 1
    return tables


# the label column's header words that open a table: a table-二 header opens with one (信息内容)
_T2_CORNERS = ("信息内容", "统计指标", "指标名称")
# `_table_lines`' passes, read once: (in the raw text, or else the folded one; the sign or word;
# is it a word of `_T2_CORNERS`; of `_GAP_SIGNS`; a character of the word most texts lack,
# `scan.seldom_char`, looked for first: the word only in a text that holds it; "" for a sign),
# not by two tuple tests a sign a text
_LINE_SIGN_PASSES = tuple((raw, w, w in _T2_CORNERS, w in _GAP_SIGNS, "" if raw else seldom_char(w))
                          for raw, signs in ((True, _TABLE_LINE_SIGNS), (False, _OPENER_WORDS))
                          for w in signs)
_T2_MAX_COLS = 4  # the most count columns a block of table 二 has (most have 1 to 3)


def _line_after(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """The index of the first line after line i that is not blank (-1: none within two)."""
    for k in range(i + 1, min(i + 3, len(lines))):
        if text[lines[k][0]:lines[k][1]].strip():
            return k
    return -1


def _t2_header(text: str, folded: str, lines: list[tuple[int, int]], k: int, width: int,
               free: Callable[[int, int], bool]) -> list[tuple[int, int]] | None:
    """The cells of line k when it is the header of a table-二 block with `width` count
    columns, its words one space or more apart (`信息内容 本年新制作数量 本年新公开数量 对外公开总数量`):
    a label column's word, then `width` words, no number, one of them a column of table 二;
    else None."""
    deps = _deps()
    keyed_labels, label_key, match = deps.keyed_labels, deps.label_key, deps.match
    if k < 0:
        return None
    a, b = lines[k]
    s = folded[a:b]
    words = [(m.start(), m.end()) for m in _WORD.finditer(s)]
    if len(words) != width + 1 or not free(a, b) or any(ch in "\t|｜" for ch in s):
        return None
    if label_key(s[slice(*words[0])]) not in _stream_words().label_words:
        return None
    # (a column word may be cut, as a page wrapped it: `本年增/`, `本年新`; one names a column)
    cols = keyed_labels("t2", "cols")
    if not any(match(label_key(s[x:y]), cols, threshold=0.88) for x, y in words[1:]) or any(
            _value_like(s[x:y]) for x, y in words[1:]):
        return None
    return [(a + x, a + y) for x, y in words]


_WORD = regex.compile(r"\S+")


_GLUED_AFTER_COUNT = regex.compile(r"(?<=\d)(\p{Han}{1,5})\s*$")
# characters below U+2E80 (where the Han script starts) or CJK punctuation: not Han
_NOT_HAN_END = "。，；：！？、》」』】"


def _may_end_in_han(folded: str, a: int, b: int) -> bool:
    """Can line [a, b) end in a Han character (and white space)? False when its last character
    is neither white space nor possibly Han (a cheap test before `_GLUED_AFTER_COUNT`)."""
    if b <= a:
        return False
    ch = folded[b - 1]
    return ch.isspace() or not (ch < "\u2e80" or ch in _NOT_HAN_END)


def _label_above(text: str, folded: str, lines: list[tuple[int, int]], i: int,
                 free: Callable[[int, int], bool], below: set[int]) -> list[tuple[int, int]] | None:
    """The label cells of a line of 7 numbers with no label (line i) from the line above it: a
    table-三 row label alone on its line. Not when the line above that is a line of numbers this
    reader did not take as a row: then the page may print each label after its numbers."""
    above = _label_line(folded, lines, i - 1, free, _LINE_CELL_MAX * 2)
    if above is None:
        return None
    if i >= 2 and (i - 2) not in below:
        ua, ub = lines[i - 2]
        end, nums = _spaced_row(folded[ua:ub])
        if nums and not end:
            return None
    parts = _label_parts(text, *above)
    return parts if _t3_row_label(folded[parts[-1][0]:parts[-1][1]]) else None


def _label_line(folded: str, lines: list[tuple[int, int]], k: int,
                free: Callable[[int, int], bool], limit: int) -> tuple[int, int] | None:
    """The span of line k without its outer spaces when it holds label text only: no digit
    but item numbers (`1.属于国家秘密`), no tab or pipe, no sentence end, at most `limit`
    characters, not inside another table."""
    if k < 0:
        return None
    a, b = lines[k]
    s = folded[a:b].strip()
    if not s or not free(a, b) or len(s) > limit or (s.endswith(_SENT_END) and not open_bracket(s)):
        return None  # (a label cut inside its note, `（二）部分公开（区分处理的，`, may end in ，)
    if any(ch.isdigit() or ch in "\t|｜" for ch in _ITEM_MARK.sub("", s)):
        return None
    st = a + len(folded[a:b]) - len(folded[a:b].lstrip())
    return st, st + len(s)
