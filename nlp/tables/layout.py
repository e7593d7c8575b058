"""A `Table` (grid of physical cells) → logical rows: label path, unit, and value slots with
their column header paths.

Rows are sorted into title rows (`第二十条第（一）项`, one cell across the table), header rows
(words after the row label) and data rows (a row label, then values or blanks). A run of header
rows sets the column paths of the data rows below it, so the blocks of table 二 each use their
own header. In markup tables the paths come from the grid (merged cells cover their columns);
in text tables, whose merges are lost, they are rebuilt from the header words and the groups of
`table_labels.toml` (申请人情况 → 自然人 / 法人或其他组织 / 总计, …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import regex

from nlp.normalize import same_length
from nlp.records import Table
from nlp.tables.labels import label_key, table_labels
from nlp.tables.values import is_unit, parse_value

TITLE = regex.compile(r"第[一二三四五六七八九十\d]+条第?[(（][一二三四五六七八九十\d]+[)）]项|第[一二三四五六七八九十\d]+条第[一二三四五六七八九十\d]+项")
NUMBERED = regex.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．](?!\d)|其中)")
_HEADER_UNIT = regex.compile(r"单位\s*[:：]\s*(万元|亿元|元|件|条|个|次|人次|人|项)")


@dataclass
class Slot:
    """One value cell of a data row."""

    cell: int  # index into Table.cells
    col: int  # grid column of the cell
    path: tuple[str, ...]  # header texts above the cell, outermost first
    unit: str | None = None  # unit named in the header (`（单位：万元）`)
    value: float | None = None  # the cell's number (None: blank or 无)


@dataclass
class LogicalRow:
    row: int
    labels: tuple[str, ...]  # row label path, outermost first (merged label cells included)
    block: str = ""  # the title row above (第二十条第（一）项), if any
    unit: str | None = None  # the row's unit cell (单位 column)
    slots: list[Slot] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # by mapper kind: how the row was placed
    caption: str = ""  # the table's caption (the heading above it), context for its mappers
    fixed: bool = False  # its table's reader placed every cell in the form's columns

    @property
    def label(self) -> str:
        return self.labels[-1] if self.labels else ""


@lru_cache(maxsize=1 << 14)
def _kind(text: str) -> str:
    if is_unit(text):
        return "unit"
    v = parse_value(text)
    if v is None:
        return "text"
    return "null" if v.value is None else "value"


@lru_cache(maxsize=1)
def _role_keys() -> tuple[tuple[str, frozenset[str]], ...]:
    """The label keys of the `[columns]` words of each role, in the order `_role` asks."""
    cols = table_labels()["columns"]
    return tuple((role, frozenset(label_key(x) for x in cols[role]))
                 for role in ("label", "unit", "skip"))


@lru_cache(maxsize=1 << 14)
def _role(text: str) -> str | None:
    key = label_key(text)
    for role, keys in _role_keys():
        if key in keys:
            return role
    if any(w in key or w in text for w in table_labels()["columns"]["corner"]):
        return "label"
    return None


@lru_cache(maxsize=1 << 12)
def header_unit(path: tuple[str, ...]) -> str | None:
    """The unit a slot's header path names (cached: the slots of a column share the path)."""
    for t in path:
        m = _HEADER_UNIT.search(t)
        if m:
            return m.group(1)
    return None


@lru_cache(maxsize=1 << 12)
def _is_title(text: str) -> bool:
    """A block's title (第二十条第（一）项) in the cell text."""
    return TITLE.search(same_length(text)) is not None


def _is_group_child(tok: str, group: str) -> bool:
    kids = table_labels()["header_groups"].get(group, ())
    return tok in {label_key(k) for k in kids}


@lru_cache(maxsize=1)
def _group_keys() -> dict[str, tuple[str, ...]]:
    """`[header_groups]` by label key: group → its children's keys (do not mutate)."""
    return {label_key(g): tuple(label_key(k) for k in kids)
            for g, kids in table_labels()["header_groups"].items()}


def expand_headers(tokens: list[str], n: int | None) -> list[tuple[str, ...]] | None:
    """Column paths for `n` columns (None: any number) from header words in reading order.

    Groups of `[header_groups]` take the run of their children when it comes up, so
    `申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他`
    gives 7 paths. Returns None when the words do not resolve to exactly `n` columns."""
    groups = _group_keys()
    keys = [label_key(t) for t in tokens]
    # first level: leading words that are not children of a group named before them
    level: list[tuple[str, ...]] = []
    i = 0
    while i < len(tokens):
        if any(keys[i] in groups.get(label_key(p[-1]), ()) for p in level):
            break
        level.append((tokens[i],))
        i += 1
    progress = True
    while i < len(tokens) and progress:
        progress = False
        new: list[tuple[str, ...]] = []
        for path in level:
            kids = groups.get(label_key(path[-1]))
            if kids and tuple(keys[i:i + len(kids)]) == kids:
                new.extend((*path, tokens[i + k]) for k in range(len(kids)))
                i += len(kids)
                progress = True
            else:
                new.append(path)
        level = new
    if i < len(tokens) or (n is not None and len(level) != n):
        return None
    return level


class _HeaderRun:
    """A run of header rows and what the data rows below it read of it: the column roles, the
    header words and their column paths, read once per run instead of once per data row."""

    def __init__(self, table: Table, grid: list[list[int | None]], rows: list[int]) -> None:
        self.table, self.grid, self.rows = table, grid, rows
        self._paths: dict[int | None, list[tuple[str, ...]] | None] = {}
        # `_fill_paths`: a slot's path read off the run's grid rows, by (column, the row's first
        # value column); a pure function of these for one table and run (do not mutate)
        self.col_paths: dict[tuple[int, int], tuple[str, ...]] = {}
        # the column roles (every data row asks), read at once; the rest when first asked
        # (plain attributes: `cached_property` takes a lock on every first read in 3.11)
        self.roles: dict[int, str] = _column_roles(table, grid, rows)
        self._tokens: list[str] | None = None
        self._full_grid: bool | None = None

    @property
    def tokens(self) -> list[str]:
        """The header words over value columns, in reading order (do not mutate)."""
        if self._tokens is None:
            cells = self.table.cells
            self._tokens = [" ".join(cells[i].text.split()) for h in self.rows
                            for i in self.grid[h] if i is not None and cells[i].text.strip()
                            and _role(cells[i].text) is None]
        return self._tokens

    def spreads(self) -> bool:
        """A header row leaves a blank before one of its words."""
        cells, grid = self.table.cells, self.grid
        for h in self.rows:
            words = [i is not None and bool(cells[i].text.split()) for i in grid[h]]
            if False in words and True in words[words.index(False) + 1:]:
                return True
        return False

    @property
    def full_grid(self) -> bool:
        """The table prints its blanks (every row's cells stand from its first column on: a row
        may end early, its trailing blanks dropped) and a header row leaves a blank before one of
        its words: `_full_grid_paths` reads paths by position (asked once per run, not per row)."""
        if self._full_grid is None:
            grid = self.grid
            self._full_grid = not (len(grid) < 2 or len(grid[0]) < 3 or any(
                None in row and row.count(None) != len(row) - row.index(None) for row in grid)
            ) and self.spreads()  # (not: a row with a cell after a gap, its Nones not all at its end)
        return self._full_grid

    def paths(self, n: int | None) -> list[tuple[str, ...]] | None:
        """`expand_headers(self.tokens, n)` (do not mutate)."""
        if n not in self._paths:
            self._paths[n] = expand_headers(self.tokens, n)
        return self._paths[n]


def logical_rows(table: Table) -> list[LogicalRow]:
    """The data rows of `table` with their label paths and value slots."""
    cells = table.cells
    grid = table.grid()
    n_cols = len(grid[0]) if grid else table.n_cols
    markup = table.source != "text"
    printed = _printed_columns(table, grid) if markup else []
    # every cell one grid position (text tables): a grid row holds each of its cells once, and
    # only cells of that row
    single = True
    for c in cells:
        if c.rowspan != 1 or c.colspan != 1:
            single = False
            break
    text_mode = not markup or single
    kinds = [_kind(c.text) for c in cells]
    # per cell, read once: it has text, its grid row and column
    has = [bool(c.text.strip()) for c in cells]
    rows_of = [c.row for c in cells]
    out: list[LogicalRow] = []
    header = _HeaderRun(table, grid, [])
    header_closed = True  # the next header row starts a new run
    block = ""
    # a column blank from top to bottom (a Word or MinerU table's empty last column) is no column
    blank_cols: set[int] = set()
    if not table.fixed_columns:
        filled = {col for g in grid for col, i in enumerate(g) if i is not None and has[i]}
        blank_cols = {col for col in range(n_cols) if col not in filled}
    for r, grow in enumerate(grid):
        # the row's cells once each, in column order (a merged cell where it first stands)
        if single:  # (the same cells, in the same order, as below)
            seq = ([i for i in grow if i is not None] if not blank_cols else
                   [i for col, i in enumerate(grow) if i is not None and col not in blank_cols])
        else:
            ids = dict.fromkeys([i for col, i in enumerate(grow) if col not in blank_cols]
                                if blank_cols else grow)
            seq = [i for i in ids if i is not None and (has[i] or rows_of[i] == r)]
        # empty cells that pad a short row out to the table's width (a word processor's table
        # is a rectangle: `信息内容 | 本年处理决定数量 | | ` in a block of table 二 whose other
        # blocks are wider) are no columns: nothing in their block is printed there (in a text
        # table a blank between tabs is a printed blank of its column)
        while markup and seq and not cells[seq[-1]].text.strip() and not any(
                c in printed[r] for c in range(cells[seq[-1]].col, n_cols)):
            seq.pop()
        nonnull = [i for i in seq if kinds[i] != "null"]
        if not nonnull:
            continue
        if not single and r not in [rows_of[i] for i in nonnull]:
            continue  # only cells merged down from above (a row a page break cut in two)
        if len(nonnull) == 1 and kinds[nonnull[0]] == "text":
            only = cells[nonnull[0]]
            spans_all = n_cols > 1 and only.colspan >= n_cols
            if _is_title(only.text) or spans_all:
                block = " ".join(only.text.split())
                header, header_closed = _HeaderRun(table, grid, []), True
                continue
            if len(seq) == 1 and _role(only.text) is None:  # a heading row: 一、主动公开情况
                out.append(LogicalRow(row=r, labels=(only.text.strip(),), block=block))
                continue
        roles = header.roles
        # the last label-like cell outside a value column (`_column_roles` names no column a
        # value column: its roles are label, unit and skip)
        last_label = -1
        for p in range(len(seq) - 1, -1, -1):
            if kinds[seq[p]] in ("text", "unit"):
                last_label = p
                break
        trailing = seq[last_label + 1:]
        is_data = bool(trailing) and (last_label >= 0 or "value" in [kinds[i] for i in trailing])
        if is_data and markup and all(kinds[i] != "value" for i in seq) and _word_after_blank(
                [cells[i].text.strip() for i in seq], [kinds[i] for i in seq]):
            # words, blank cells, words (`行政复议 | | | | | 行政诉讼 | | …`): a header row whose
            # words were written in the first of the cells they head, the rest left unmerged
            is_data = False
        if not is_data:
            # a header row: it opens a run, or the run above it grows by a row
            header = _HeaderRun(table, grid, ([] if header_closed else header.rows) + [r])
            header_closed = False
            continue
        header_closed = True
        labels: list[str] = []
        unit = None
        slots: list[Slot] = []
        for p, i in enumerate(seq):
            c = cells[i]
            role = roles.get(c.col) if roles else None
            if p <= last_label or role is not None:  # (a role is label, unit or skip)
                if kinds[i] == "unit" or role == "unit":
                    unit = c.text.strip() or unit
                elif role != "skip" and has[i]:
                    labels.append(" ".join(c.text.split()))
                continue
            if c.row != r:  # a value merged down from the row above is counted there
                continue
            v = parse_value(c.text) if kinds[i] == "value" else None
            # positional (the field order of `Slot`, pinned by a test): a keyword call builds a
            # dict of its arguments first, about half the cost of building a slot
            slots.append(Slot(i, c.col, (), None, v.value if v else None))
        full = None  # a row cut by the end of the text: as many columns as the row before
        if table.cut and r == len(grid) - 1 and text_mode:
            full = next((len(o.slots) for o in reversed(out) if o.slots), None)
            if full is None and header.rows and slots:  # the first data row, cut short: as
                # many columns as its header has over its values (never fewer than it printed)
                first = slots[0].col
                width = sum(1 for i in dict.fromkeys(grid[header.rows[-1]][first:])
                            if i is not None and cells[i].text.strip()
                            and _role(cells[i].text) is None)
                full = width if width > len(slots) else None
            if full is not None and len(slots) == full + 1 and slots[-1].value is not None:
                slots.pop()  # `… 0 | 0` then `2` (the next row's 2.其他法律…, cut to its number)
        _fill_paths(table, grid, header, slots, text_mode, full)
        out.append(LogicalRow(r, tuple(labels), block, unit, slots, {}, table.caption,
                              table.fixed_columns))  # (positional, as `Slot` above)
    return out


def _word_after_blank(texts: list[str], kinds: list[str]) -> bool:
    """A word, then an empty cell, then another word."""
    state = 0
    for t, k in zip(texts, kinds, strict=True):
        if k == "text" and t:
            if state == 2:
                return True
            state = 1
        elif not t and state == 1:
            state = 2
    return False


def _printed_columns(table: Table, grid: list[list[int | None]]) -> list[set[int]]:
    """For each grid row, the columns in which its block (the rows from one title row,
    `第二十条第（五）项`, to the next) has any text."""
    cells = table.cells
    blocks: list[list[int]] = [[]]
    for r, grow in enumerate(grid):
        texts = [cells[i].text for i in dict.fromkeys(grow) if i is not None and cells[i].text.strip()]
        if len(texts) == 1 and _is_title(texts[0]):
            blocks.append([])
        blocks[-1].append(r)
    out: list[set[int]] = [set() for _ in grid]
    for rows in blocks:
        cols = {col for r in rows for col, i in enumerate(grid[r])
                if i is not None and cells[i].text.strip()}
        for r in rows:
            out[r] = cols
    return out


def _column_roles(table: Table, grid: list[list[int | None]], header_rows: list[int]
                  ) -> dict[int, str]:
    roles: dict[int, str] = {}
    for h in header_rows:
        for col, i in enumerate(grid[h]):
            if i is None:
                continue
            c = table.cells[i]
            if c.colspan > 1 and col != c.col:
                continue
            role = _role(c.text)
            if role and c.colspan == 1:
                roles.setdefault(col, role)
    return roles


def _fill_paths(table: Table, grid: list[list[int | None]], header: _HeaderRun,
                slots: list[Slot], text_mode: bool, full: int | None = None) -> None:
    """Header paths of a data row's slots. `full`: the row is the last of a table the text
    ends inside (`Table.cut`) and complete rows have `full` slots; its printed values are the
    first columns, left to right."""
    cells = table.cells
    header_rows = header.rows
    first = min([sl.col for sl in slots]) if slots else 0
    known = header.col_paths  # the run's paths by (column, first value column)
    for s in slots:
        got = known.get((s.col, first))
        if got is not None:
            s.path = got
            continue
        path: list[str] = []
        for h in header_rows:
            i = grid[h][s.col] if s.col < len(grid[h]) else None
            if i is None:
                continue
            t = " ".join(cells[i].text.split())
            if not t and not text_mode and cells[i].colspan == 1:
                # a header written in the first of several cells left unmerged, blanks after
                # it (`行政复议 | | | |`): the word to the left over the values spreads right
                t = _left_word(table, grid, h, s.col, first)
            if t and t not in path and _role(t) is None:
                path.append(t)
        s.path = known[(s.col, first)] = tuple(path)
    if not text_mode or not slots or not header_rows:
        _set_units(slots)
        return
    # text tables: positional paths are right only when the header rows line up with the row
    n = len(slots)
    tokens = header.tokens
    aligned = len(header_rows) == 1 and len(tokens) == n and all(len(s.path) == 1 for s in slots)
    if not aligned and (grid_paths := _full_grid_paths(table, grid, header, slots)):
        for s, p in zip(slots, grid_paths, strict=True):
            s.path = p
        _set_units(slots)
        return
    if not aligned and not _repeated_header(table, grid, header_rows, slots):
        cut = full is not None and full > n  # the printed values are the first `full` columns
        whole = header.paths(full) if cut else None
        paths = whole[:n] if whole is not None else header.paths(n)
        if paths is None:
            last = [" ".join(cells[i].text.split()) for i in grid[header_rows[-1]]
                    if i is not None and cells[i].text.strip() and _role(cells[i].text) is None]
            if cut and len(last) == full:
                last = last[:n]
            paths = [(t,) for t in last] if len(last) == n else [()] * n
        for s, p in zip(slots, paths, strict=True):
            s.path = tuple(p)
    _set_units(slots)


def _left_word(table: Table, grid: list[list[int | None]], h: int, col: int, first: int) -> str:
    """The nearest word left of `col` in header row `h`, over the value columns (from `first`),
    when only blank unmerged cells stand between."""
    for c in range(col - 1, first - 1, -1):
        i = grid[h][c]
        if i is None:
            return ""
        cell = table.cells[i]
        t = " ".join(cell.text.split())
        if t:
            return t if cell.colspan == 1 and cell.rowspan == 1 else ""
        if cell.colspan > 1:
            return ""
    return ""


def _full_grid_paths(table: Table, grid: list[list[int | None]], header: _HeaderRun,
                     slots: list[Slot]) -> list[tuple[str, ...]] | None:
    """Header paths by position in a text table that keeps every cell of its grid, blanks
    included (tab-separated text copied from a spreadsheet or a word processor: `三、本年度办理结果⇥
    （一）予以公开⇥⇥258⇥12…`, the merged cells printed once and blank where they spread).
    A blank header cell under a word of a row above is that word's, spread down (总计 over two
    header rows); another blank is the word to its left spread right (申请人情况 over the seven
    columns, 法人或其他组织 over five). None unless every row of the table is as wide as the
    table and every value of the row gets a path."""
    if not header.full_grid:
        return None  # (before `word` is defined: most calls)
    cells = table.cells
    header_rows = header.rows

    def word(h: int, col: int) -> str:
        i = grid[h][col] if col < len(grid[h]) else None
        return "" if i is None else " ".join(cells[i].text.split())

    out: list[tuple[str, ...]] = []
    for sl in slots:
        path: list[str] = []
        for k, h in enumerate(header_rows):
            t = word(h, sl.col)
            if not t:
                if any(word(above, sl.col) for above in header_rows[:k]):
                    continue  # the word above spread down
                left = next((c for c in range(sl.col - 1, -1, -1) if word(h, c)), None)
                t = word(h, left) if left is not None else ""
            if t and t not in path and _role(t) is None:
                path.append(t)
        if sl.value is not None and not path:
            return None
        out.append(tuple(path))
    # a header word spread over a blank and a number (本年增/减 over `⇥0`): the number's
    valued = {p for p, sl in zip(out, slots, strict=True) if sl.value is not None}
    return [() if sl.value is None and p in valued else p for p, sl in zip(out, slots, strict=True)]


def _repeated_header(table: Table, grid: list[list[int | None]], header_rows: list[int],
                     slots: list[Slot]) -> bool:
    """Header rows of a reader table (a Markdown pipe table, a table of a converted page) that
    print a word over every value column and repeat a merged cell's word in each column it
    spans (行政复议 | 行政复议 | …): their paths by position are right."""
    if table.source == "text":
        return False
    def word(h: int, col: int) -> str:
        i = grid[h][col] if col < len(grid[h]) else None
        return "" if i is None else " ".join(table.cells[i].text.split())

    texts = [[word(h, s.col) for s in slots] for h in header_rows]
    return all(all(row) for row in texts) and any(
        a == b for row in texts for a, b in pairwise(row))


def _set_units(slots: list[Slot]) -> None:
    for s in slots:
        s.unit = header_unit(s.path)
