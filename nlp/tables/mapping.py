"""Logical rows → canonical indicator ids, one mapper per layout.

Every number is placed by its row label (and the labels above it) and its column header path;
nothing is filled in reading order. Each mapper returns `(kind, assignments)` where an
assignment is `(row, slot, indicator | None)`; `map_table` runs them all and keeps the layout
that places the most numbers (header words such as 统计指标 or 指标名称 add weight, and
`doc.template` breaks ties).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

import regex

from nlp.records import Table
from nlp.tables.labels import (
    MATCH,
    Choices,
    _unscreened,
    indicators,
    keyed_labels,
    label_key,
    label_matches,
    match,
    table_labels,
)
from nlp.tables.layout import LogicalRow, Slot

Assignment = tuple[LogicalRow, Slot, str | None]

_TOP = regex.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_YEAR_COL = regex.compile(r"(?:19|20)\d\d年度?")
_SUB = regex.compile(r"^\s*(?:[(（]|\d|其中)")


def _known(ind: str) -> str | None:
    return ind if ind in indicators() else None


def _leaf(path: tuple[str, ...]) -> str:
    return label_key(path[-1]) if path else ""


@lru_cache(maxsize=1 << 12)
def _leaf_match(path: tuple[str, ...], choices: Choices, threshold: float) -> str | None:
    """`match` of the key of a header path's last word (the slots of a column share a path)."""
    return match(_leaf(path), choices, threshold=threshold)


def _unique(assignments: list[Assignment]) -> list[Assignment]:
    """An id goes to the first cell that claims it; later claims keep indicator null (the
    list is changed in place and returned)."""
    ids = [a[2] for a in assignments]
    named = len(ids) - ids.count(None)
    if len(set(ids)) - (named < len(ids)) == named:
        return assignments  # no id claimed twice (most tables)
    seen: set[str] = set()
    for k, (row, slot, ind) in enumerate(assignments):
        if ind is None:
            continue
        if ind in seen:
            assignments[k] = (row, slot, None)
        else:
            seen.add(ind)
    return assignments


# --------------------------------------------------------------------------- table 二
def map_t2(rows: list[LogicalRow]) -> list[Assignment]:
    rows_k, cols_k = keyed_labels("t2", "rows"), keyed_labels("t2", "cols")
    known = indicators()
    out: list[Assignment] = []
    for lr in rows:
        entity = match(label_key(lr.label), rows_k, threshold=0.9)
        measures = _cut_headers(tuple([s.path for s in lr.slots]), cols_k)
        for s, measure in zip(lr.slots, measures, strict=True):
            ind = f"t2.{entity}.{measure}" if entity and measure else None
            if ind not in known:  # (`_known`, without a call per slot)
                ind = None
            out.append((lr, s, ind))
    return _unique(out)


@lru_cache(maxsize=1 << 12)
def _cut_headers(paths: tuple[tuple[str, ...], ...], cols_k: Choices) -> tuple[str | None, ...]:
    """The column of each header path's leaf; headers cut short the same way (`本年新` | `本年新`
    for 本年新制作数量 | 本年新公开数量) take, in order, the columns whose labels start so, when
    there are as many of them as of the cut headers. (Cached: the rows of a table share their
    header paths.)"""
    leaves = [_leaf(p) for p in paths]
    measures = [_leaf_match(p, cols_k, 0.9) for p in paths]
    unmatched = [lf for lf, m in zip(leaves, measures, strict=True) if lf and m is None]
    for leaf in {lf for lf in unmatched if unmatched.count(lf) >= 2}:
        at = [k for k, lf in enumerate(leaves) if lf == leaf and measures[k] is None]
        cands = _columns_starting(leaf, cols_k)
        if len(cands) == len(at):
            for k, name in zip(at, cands, strict=True):
                measures[k] = name
    return tuple(measures)


@lru_cache(maxsize=4096)
def _columns_starting(leaf: str, cols_k: Choices) -> tuple[str, ...]:
    """The columns (in print order) with a label that starts with `leaf` and is longer."""
    return tuple(name for name, labels in cols_k.items()
                 if any(lab.startswith(leaf) and lab != leaf for lab in labels))


# --------------------------------------------------------------------------- table 三
_ITEM = regex.compile(r"^\s*(?:其中\s*[:：]?\s*)?(\d{1,2})\s*[、.．](?!\d)")


def _chars_shared(a: str, b: str) -> float:
    """The share of the characters of `a` that occur in `b` (and at least half of `b`'s)."""
    sa, sb = set(a), set(b)
    if not sa or not sb or len(sa & sb) < 0.5 * len(sb):
        return 0.0
    return len(sa & sb) / len(sa)


@lru_cache(maxsize=1)
def _t3_groups() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, str]]:
    """`[t3.under]` with the groups' label keys, `[t3.groups]` by label key, and the group key of
    each of their items (do not mutate)."""
    data = table_labels()["t3"]
    under = {k: label_key(v) for k, v in data["under"].items()}
    groups = {label_key(g): tuple(items) for g, items in data["groups"].items()}
    group_of = {item: g for g, items in groups.items() for item in items}
    return under, groups, group_of


def t3_row_names(rows: list[LogicalRow]) -> tuple[list[str | None], dict[int, str]]:
    """The table-三 row name (`new`, `result.denied.prohibited`, …) of each row, or None, and a
    note for each row placed by its item number rather than by its label.

    A label is matched to `[t3.rows]` (a label named in `[t3.under]` also needs its group
    above it). A row that matches nothing but stands inside a group of `[t3.groups]` with an
    item number (`2.其他法律行政止公开` under （三）不予公开) takes that item's slot when the
    slot is unfilled, the row before it holds the item before (or the row after the item after)
    and the labels share most characters."""
    data = table_labels()["t3"]
    rows_k = keyed_labels("t3", "rows")
    under, groups, group_of = _t3_groups()
    names: list[str | None] = []
    row_keys: list[list[str]] = []  # each row's label keys (read again below)
    prev: str | None = None
    for lr in rows:
        keys = [label_key(x) for x in lr.labels]
        row_keys.append(keys)
        name = match(keys[-1] if keys else "", rows_k, threshold=0.88)
        if name in under:
            group = under[name]
            in_group = group in keys[:-1] or (prev or "").startswith(
                next((k for k, v in rows_k.items() if group in v), "?"))
            if not in_group:
                name = None
        if name:
            prev = name
        names.append(name)
    used = {n for n in names if n}
    notes: dict[int, str] = {}
    cur: str | None = None
    for i, lr in enumerate(rows):
        keys = row_keys[i]
        if keys and keys[-1] in groups:  # the group's own heading row
            cur = keys[-1]
            continue
        explicit = next((k for k in keys[:-1] if k in groups), None) if len(keys) > 1 else None
        if names[i] is not None:
            cur = explicit or group_of.get(names[i])
            continue
        g = explicit or cur
        m = _ITEM.match(lr.label)
        if g is None or m is None:
            continue
        items = groups[g]
        k = int(m.group(1))
        if not 1 <= k <= len(items) or items[k - 1] in used:
            continue
        before = k == 1 or (i > 0 and names[i - 1] == items[k - 2])
        after = k == len(items) or (i + 1 < len(rows) and names[i + 1] == items[k])
        slot = items[k - 1]
        share = max(_chars_shared(keys[-1], lab) for lab in rows_k[slot])
        if (before or after) and share >= 0.7:
            names[i] = slot
            used.add(slot)
            notes[i] = (f"row label {lr.label!r} matches no row; placed as item {k} of "
                        f"{g} ({data['rows'][slot][0]}) by its number and position")
    return names, notes


def positional_columns(slots: list[Slot], cols: list[str | None], order: list[str],
                       group: int, *, sums: bool = True, blanks: bool = False
                       ) -> list[str | None] | None:
    """Columns by position for a row whose header does not name them all: converters
    (PDF → Markdown, web excerpts) drop or garble the header of tables 三 and 四, or give
    placeholders (数据1 … 数据6). The row must hold exactly the numbers of `order` (the
    template's columns in print order; trailing blanks aside), every header that does name a
    column must name the one at its position, and each run of `group` columns must end with
    the sum of the others (总计), which ties each number to its place (`sums=False`: not asked,
    for a row whose table has proven its positions on other rows). Returns the columns of
    the row's slots, or None when position cannot be trusted."""
    n = len(order)
    k = len(slots)
    while k > n and slots[k - 1].value is None:
        k -= 1
    if blanks and all(s.value is None for s in slots) and not sums and len(slots) == n:
        k = n  # a row printed all blank, in a table whose other rows proved the positions
    if k != n or all(cols[:n]) or (sums and all(s.value is None for s in slots[:n])):
        return None
    if any(s.value is None for s in slots[:n]) and (not blanks or len(slots) != n):
        # a blank among the numbers holds its place only where the reader placed every cell in
        # the form's columns (56 | | | | | | 56, held-out 141), never in a converter's row
        return None
    if any(c is not None and c != order[j] for j, c in enumerate(cols[:n])):
        return None
    values = [float(s.value or 0) for s in slots[:n]]
    for g in range(0, n if sums else 0, group):
        run = values[g:g + group]
        if abs(run[-1] - sum(run[:-1])) > 1e-6:
            return None
    return list(order) + [None] * (len(slots) - n)


def _note(lr: LogicalRow, kind: str, note: str) -> None:
    lr.notes[kind] = f"{lr.notes[kind]}; {note}" if kind in lr.notes else note


def map_t3(rows: list[LogicalRow]) -> list[Assignment]:
    cols_k = keyed_labels("t3", "cols")
    known = indicators()
    order = list(table_labels()["t3"]["cols"])  # the printed order, 总计 last
    names, notes = t3_row_names(rows)
    out: list[Assignment] = []
    all_cols: list[list[str | None]] = []
    proven = False  # a row of the table was placed by position, its sums tying it
    # rows of the 7 numbers whose 总计 is not the sum of the others, and their columns
    unproven: list[tuple[int, list[str | None]]] = []
    read: dict[tuple[str, ...], str | None] = {}  # path → its column
    for i, (lr, name) in enumerate(zip(rows, names, strict=True)):
        if i in notes:
            lr.notes["三"] = notes[i]
        cols = []
        for s in lr.slots:  # (the slots of a column share their path)
            col = read.get(s.path, ...)
            if col is ...:
                col = read[s.path] = _leaf_match(s.path, cols_k, 0.95)
            cols.append(col)
        if name and not all(cols):
            placed = positional_columns(lr.slots, cols, order, len(order), blanks=lr.fixed)
            if placed is not None:
                cols, proven = placed, True
                _note(lr, "三", "columns placed by position: the header does not name them, "
                      "the row holds the 7 numbers of table 三 and its 总计 is the sum of the "
                      "others")
            elif (loose := positional_columns(lr.slots, cols, order, len(order),
                                              sums=False, blanks=lr.fixed)) is not None:
                unproven.append((i, loose))
        all_cols.append(cols)
    if proven:
        # the table's other rows proved the positions: a row that breaks 总计 sits the same way,
        # and t3.columns_sum then reports the break (会仪 新收 0 0 0 0 1 0 0)
        for i, loose in unproven:
            all_cols[i] = loose
            _note(rows[i], "三", "columns placed by position like the table's other rows; its "
                  "总计 is not the sum of the others")
    for lr, name, cols in zip(rows, names, all_cols, strict=True):
        for s, col in zip(lr.slots, cols, strict=True):
            ind = f"t3.{name}.{col}" if name and col else None
            if ind not in known:  # (`_known`, without a call per slot)
                ind = None
            out.append((lr, s, ind))
    return _unique(out)


def t3_order(names: set[str], template: str | None) -> list[str]:
    """Table 三's row names in print order: the 2021 format's three 其他处理 rows, or the 2019
    format's single one, as the rows found (`names`) or else `template` say."""
    rows = list(table_labels()["t3"]["rows"])
    three = [n for n in rows if n.startswith("result.other.")]
    if "result.other" in names or (not names & set(three) and template == "2019"):
        return [n for n in rows if n not in three]
    return [n for n in rows if n != "result.other"]


def t3_gap_rows(seq: list[str | None], template: str | None) -> dict[int, str]:
    """Rows of table 三 whose label a converter moved away from their numbers, by position.

    `seq` is table 三's rows in document order (over all the tables a converter cut it into):
    a row's name where its label matched, None for a row of exactly the 7 numbers whose 总计 is
    the sum of the others but whose label matched nothing. Between two named rows, the unnamed
    rows take the template's missing rows in print order when there are exactly as many of
    them; the named rows must stand in print order. Returns {index in seq: name}; the caller
    keeps the result only when table 三's sums hold with it."""
    names = {n for n in seq if n}
    pos = {n: i for i, n in enumerate(t3_order(names, template))}
    order = list(pos)
    anchors = [(k, pos[n]) for k, n in enumerate(seq) if n in pos]
    if any(b[1] <= a[1] for a, b in pairwise(anchors)):
        return {}  # the named rows are out of order: positions say nothing
    fills: dict[int, str] = {}
    for (ka, ia), (kb, ib) in pairwise(anchors):
        rows = [k for k in range(ka + 1, kb) if seq[k] is None]
        missing = [order[i] for i in range(ia + 1, ib) if order[i] not in names]
        if rows and len(rows) == len(missing):
            fills.update(zip(rows, missing, strict=True))
    return fills


Mapped = tuple[Table, list[LogicalRow], str | None, list[Assignment]]


def place_t3_gaps(mapped: list[Mapped], template: str | None) -> None:
    """Place the rows of table 三 that a converter cut from their labels (PDF → Markdown tools
    print the label as a loose line and the numbers as a table row of their own): by their
    position between labelled rows (`t3_gap_rows`), kept only when 三（七）总计 is then the sum
    of the result rows in all seven columns. `mapped` holds each table of the document in
    order with its logical rows, layout kind and assignments; it is changed in place."""
    if not any(kind == "三" for _, _, kind, _ in mapped):
        return  # no labelled table-三 rows to place others between
    order = list(table_labels()["t3"]["cols"])
    seq: list[str | None] = []
    where: list[tuple[int, LogicalRow]] = []
    for m, (_, rows, kind, assigned) in enumerate(mapped):
        named: dict[int, str] = {}
        if kind == "三":
            for lr, _, ind in assigned:
                if ind:
                    named[id(lr)] = ind[3:].rpartition(".")[0]
        has_ids = {id(lr) for lr, _, ind in assigned if ind}
        for lr in rows:
            if id(lr) in named:
                seq.append(named[id(lr)])
            elif id(lr) in has_ids or _seven(lr, order) is None:
                continue
            else:
                seq.append(None)
            where.append((m, lr))
    if None not in seq or not any(seq):
        return
    fills = t3_gap_rows(seq, template)
    if not fills:
        return
    values: dict[str, list[float]] = {}  # the numbers of the named rows, by column
    for _, _, kind, assigned in mapped:
        if kind != "三":
            continue
        for _, slot, ind in assigned:
            if ind:
                name, _, col = ind[3:].rpartition(".")
                if col in order and slot.value is not None:
                    values.setdefault(name, [0.0] * len(order))[order.index(col)] = slot.value
    filled = dict(values)
    for k, name in fills.items():
        filled[name] = [float(s.value or 0) for s in where[k][1].slots[:len(order)]]
    results = [n for n in t3_order(set(filled), template)
               if n.startswith("result.") and n != "result.total"]
    total = filled.get("result.total")
    zeros = [0.0] * len(order)
    if total is None or any(abs(sum(filled.get(n, zeros)[c] for n in results) - total[c]) > 1e-6
                            for c in range(len(order))):
        return  # the sums do not hold: the positions are not proven
    note = ("row placed by its position: its label is not beside its numbers (a converter "
            "moved it), and with it table 三's result rows add up to 三（七）总计 in every column")
    for k, name in fills.items():
        m, lr = where[k]
        table, rows, kind, assigned = mapped[m]
        kind = kind or "三"
        lr.notes[kind] = note
        ids = {id(s): f"t3.{name}.{c}"
               for s, c in zip(lr.slots, _seven(lr, order) or [], strict=False) if c}
        assigned = [(r, s, ids.get(id(s), ind) if r is lr else ind) for r, s, ind in assigned]
        mapped[m] = (table, rows, kind, assigned)


def _seven(lr: LogicalRow, order: list[str]) -> list[str | None] | None:
    """Table 三's columns for a row of exactly its 7 numbers whose 总计 is their sum."""
    return positional_columns(lr.slots, [None] * len(lr.slots), order, len(order))


# --------------------------------------------------------------------------- table 四
_T4_CONTEXT = regex.compile(r"复议|诉讼")
_SPACES = regex.compile(r"\s+")


@lru_cache(maxsize=1024)
def _caption_block(caption: str) -> str | None:
    """The block of table 四 a heading names (`### 行政诉讼（复议后起诉）`), when a converter
    split the table into one small table per block under its own heading."""
    text = _SPACES.sub("", caption)
    if "复议后起诉" in text:
        return "litigation_after_review"
    if "未经复议" in text or "直接起诉" in text:
        return "litigation_direct"
    if "行政复议" in text and "诉讼" not in text:
        return "review"
    return None


@lru_cache(maxsize=1 << 12)
def _path_block(path: tuple[str, ...], blocks_k: Choices) -> str | None:
    """The block of table 四 that the last word naming one in a header path names."""
    block = None
    for part in path:
        block = match(label_key(part), blocks_k, threshold=0.95) or block
    return block


def map_t4(rows: list[LogicalRow]) -> list[Assignment]:
    blocks_k, cols_k = keyed_labels("t4", "blocks"), keyed_labels("t4", "cols")
    block_order, col_order = list(blocks_k), list(cols_k)
    out: list[Assignment] = []
    read: dict[tuple[str, ...], tuple[str | None, str | None]] = {}  # path → (block, column)
    for lr in rows:
        names: list[str | None] = []
        caption_block = _caption_block(lr.caption)
        for s in lr.slots:
            got = read.get(s.path)
            if got is None:  # (the slots of a column share their path)
                got = read[s.path] = (_path_block(s.path, blocks_k),
                                      _leaf_match(s.path, cols_k, 0.95))
            block, measure = got[0] or caption_block, got[1]
            names.append(f"{block}.{measure}" if block and measure else None)
        n_values = sum(1 for s in lr.slots if s.value is not None)
        if not all(names) and n_values in (len(col_order), len(col_order) * len(block_order)):
            # the whole table in one row (15 numbers), or one block under a heading naming it
            whole = [f"{b}.{m}" for b in block_order for m in col_order]
            placed = None
            context = " ".join((lr.caption, *lr.labels, *(p for s in lr.slots for p in s.path)))
            if _T4_CONTEXT.search(context) or any(s.value for s in lr.slots):
                placed = positional_columns(lr.slots, names, whole, len(col_order))
            if placed is None and caption_block:
                one = [f"{caption_block}.{m}" for m in col_order]
                placed = positional_columns(lr.slots, names, one, len(col_order))
            if placed is not None:
                names = placed
                _note(lr, "四", "columns placed by position: the header does not name them all, "
                      "the row holds the numbers of table 四 in print order and each 总计 is "
                      "the sum of the four before it")
        out.extend((lr, s, _known(f"t4.{n}") if n else None)
                   for s, n in zip(lr.slots, names, strict=True))
    return _unique(out)


# --------------------------------------------------------------------------- pre2019
@lru_cache(maxsize=1)
def _pre2019_labels() -> tuple[list[dict], dict[str, tuple[str, ...]], dict[str, int]]:
    """(sections, label keys of each id, section of each id); shared: do not mutate."""
    data = table_labels()["pre2019"]
    inds = indicators()
    sections = []
    id_labels: dict[str, tuple[str, ...]] = {}
    section_of: dict[str, int] = {}
    for n, sec in enumerate(data["sections"]):
        labels = [label_key(x) for x in sec["labels"]]
        if sec.get("id"):
            labels.append(label_key(inds[sec["id"]]["label"]))
        sections.append({"id": sec.get("id"), "labels": tuple(labels), "ids": tuple(sec["ids"])})
        for i in sec["ids"]:
            section_of[i] = n
            extra = data["variants"].get(i, ())
            id_labels[i] = (label_key(inds[i]["label"]), *(label_key(x) for x in extra))
    return sections, id_labels, section_of


@lru_cache(maxsize=1)
def _pre2019_sections() -> Choices:
    """The pre2019 sections as match choices: section number → its label keys."""
    return Choices({str(n): s["labels"] for n, s in enumerate(_pre2019_labels()[0])})


@lru_cache(maxsize=1)
def _pre2019_by_length() -> dict[int, tuple[tuple[int, str], ...]]:
    """The label keys of the pre2019 ids by length: length → (the id's place in data order,
    key), in data order (do not mutate)."""
    out: dict[int, list[tuple[int, str]]] = {}
    for k, labs in enumerate(_pre2019_labels()[1].values()):
        for lab in labs:
            out.setdefault(len(lab), []).append((k, lab))
    return {n: tuple(v) for n, v in out.items()}


@lru_cache(maxsize=1 << 12)
def _ids_named_by(key: str) -> tuple[str, ...]:
    """The pre2019 ids one of whose labels `key` matches, in data order (`matches_one(key, its
    labels)` for each id: no mapping and cache entry per id, which made a label new to the
    process cost 67 of each). Only the labels of the lengths `matches_one` compares are read,
    from `_pre2019_by_length`, and an id named once is not asked again."""
    by_length = _pre2019_by_length()
    named: set[int] = set()
    for n in _unscreened(len(key), MATCH):
        for k, lab in by_length.get(n, ()):
            if k not in named and label_matches(key, lab):
                named.add(k)
    if not named:
        return ()
    ids = list(_pre2019_labels()[1])
    return tuple(ids[k] for k in sorted(named))


def map_pre2019(rows: list[LogicalRow]) -> list[Assignment]:
    sections, id_labels, section_of = _pre2019_labels()
    sec_choices = _pre2019_sections()
    cur: int | None = None
    used: set[str] = set()
    out: list[Assignment] = []
    for lr in rows:
        raw = lr.label
        key = label_key(raw)
        ind: str | None = None
        sec = match(key, sec_choices, threshold=0.88) if not _SUB.match(raw) else None
        if sec is not None:
            cur = int(sec)
            ind = sections[cur]["id"]
        else:
            if cur is not None:
                cand = {i: id_labels[i] for i in sections[cur]["ids"] if i not in used}
                ind = match(key, cand)
            if ind is None:  # a row outside its section: only a label that names one id
                hits = [i for i in _ids_named_by(key) if i not in used]
                if len(hits) == 1:
                    ind = hits[0]
                    cur = section_of[ind]
        if ind in used:
            ind = None
        if ind:
            used.add(ind)
        vs = _value_slot(lr)
        for k, s in enumerate(lr.slots):
            out.append((lr, s, ind if k == vs else None))
    return out


@lru_cache(maxsize=1)
def _cumulative_keys() -> frozenset[str]:
    return frozenset(label_key(x) for x in table_labels()["local"]["cumulative_cols"])


def _value_slot(lr: LogicalRow) -> int:
    """The slot holding the row's own number: the first one not in a 累计 column."""
    cum = _cumulative_keys()
    for k, s in enumerate(lr.slots):
        if not s.path or _leaf(s.path) not in cum:
            return k
    return -1


# --------------------------------------------------------------------------- local
@lru_cache(maxsize=1)
def _local_row_of() -> dict[str, str]:
    """Label key → the first local row (in data order) with that key (do not mutate)."""
    out: dict[str, str] = {}
    for name, labs in keyed_labels("local", "rows").pairs():
        for lab in labs:
            out.setdefault(lab, name)
    return out


def map_local(rows: list[LogicalRow]) -> list[Assignment]:
    data = table_labels()["local"]
    row_of = _local_row_of()
    cur_cols = {label_key(x) for x in data["current_cols"]}
    out: list[Assignment] = []
    current_col: dict[tuple[str, ...], bool] = {}  # path → it heads the current figures
    for lr in rows:
        ind = row_of.get(label_key(lr.label))
        for s in lr.slots:
            current = current_col.get(s.path)
            if current is None:  # (the slots of a column share their path)
                leaf = _leaf(s.path)
                current = current_col[s.path] = leaf in cur_cols or bool(
                    _YEAR_COL.fullmatch(leaf))
            current = current or (len(lr.slots) == 1 and not s.path)
            out.append((lr, s, ind if current else None))
    return _unique(out)


MAPPERS: dict[str, Callable[[list[LogicalRow]], list[Assignment]]] = {
    "二": map_t2, "三": map_t3, "四": map_t4, "pre2019": map_pre2019, "local": map_local,
}
_TEMPLATE_OF = {"二": ("2019", "2021"), "三": ("2019", "2021"), "四": ("2019", "2021"),
                "pre2019": ("pre2019",), "local": ("local",)}
_HINTS = {"pre2019": ("统计指标", "统计数"), "local": ("指标名称", "计量单位", "本期", "累计")}


def map_table(rows: list[LogicalRow], header_words: set[str], template: str | None = None
              ) -> tuple[str | None, list[Assignment]]:
    """The layout that places the most numbers, and its assignments (kind None: none fits).

    Every mapper gives each slot one assignment, so a layout places at most as many numbers as
    the rows have slots: a mapper whose best possible score (all of them, its hint words and its
    template) cannot beat the best so far is not run (most tables: one layout places every
    number). Its notes (`LogicalRow.notes`, by kind) would not be read: only the winner's are."""
    best: tuple[float, str | None, list[Assignment]] = (0.0, None, [])
    n_slots = sum(len(lr.slots) for lr in rows)
    for kind, mapper in MAPPERS.items():
        hints = _HINTS.get(kind)
        bonus = 3 * sum(1 for w in hints if label_key(w) in header_words) if hints else 0
        if template and template in _TEMPLATE_OF[kind]:
            bonus += 0.5
        if best[1] is not None and n_slots + bonus <= best[0]:
            continue  # (it could not win: score > best[0] is needed)
        assigned = mapper(rows)
        # (unpacked to three names: a starred target builds a list for every assignment)
        score = float(len([1 for _, _, ind in assigned if ind]))
        if not score:
            continue
        score += bonus
        if score > best[0]:
            best = (score, kind, assigned)
    if best[1] is None:
        kind = "local" if any(label_key(w) in header_words for w in _HINTS["local"]) else None
        return kind, [(lr, s, None) for lr in rows for s in lr.slots]
    return best[1], best[2]
