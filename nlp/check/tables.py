"""The tables' own checks (docs/spec.md section 4): `t3.balance`, `t3.results_sum`,
`t3.columns_sum`, `t4.block_sum`, `pre2019.children_sum`, `pre2019.part_le_total`.

Blanks are not zeros. A check whose cells are all blank (or missing from the table) is
`not_assessable`; one with some blank cells is `uncertain` (it would pass or fail only if the
blanks meant 0, and the message says so); only checks over printed numbers `pass` or `fail`.
Publishing channels may overlap and are never checked as a partition (see
`[checks.pre2019_partitions]` in `nlp/data/table_labels.toml`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from nlp.records import Cell, Check, Document
from nlp.tables.labels import table_labels

T3_COLS = ("natural", "commercial", "research", "nonprofit", "legal_services", "other_org")
T3_COL_NAMES = {"natural": "自然人", "commercial": "商业企业", "research": "科研机构",
                "nonprofit": "社会公益组织", "legal_services": "法律服务机构", "other_org": "其他",
                "total": "总计"}
T3_RESULT_ROWS = (
    "result.granted", "result.partial",
    "result.denied.state_secret", "result.denied.prohibited", "result.denied.security_stability",
    "result.denied.third_party", "result.denied.internal_affairs", "result.denied.process_info",
    "result.denied.enforcement_files", "result.denied.inquiry",
    "result.unable.not_held", "result.unable.needs_creation", "result.unable.unclear",
    "result.not_processed.petition", "result.not_processed.repeat",
    "result.not_processed.publication", "result.not_processed.mass_repeat",
    "result.not_processed.confirm",
)
T3_OTHER_2021 = ("result.other.no_correction", "result.other.no_fee", "result.other.other")
T4_BLOCKS = {"review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
             "litigation_after_review": "行政诉讼（复议后起诉）"}
T4_PARTS = ("upheld", "corrected", "other", "pending")


def _fmt(v: float | None) -> str:
    if v is None:
        return "blank"
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def first_by_indicator(cells: list[Cell]) -> dict[str, Cell]:
    """Each indicator of `cells` → its first cell (cells without one left out). (A plain loop:
    on Python 3.11 a dict built in C from `attrgetter` and the cells reversed costs more.)"""
    out: dict[str, Cell] = {}
    for c in cells:
        ind = c.indicator
        if ind and ind not in out:
            out[ind] = c
    return out


class _Builder:
    def __init__(self, doc_id: str, cells: list[Cell]) -> None:
        self.doc_id = doc_id
        self.by_id: dict[str, Cell] = first_by_indicator(cells)
        self.cells = cells
        self.out: list[Check] = []

    def unmapped_among(self, total: str, children: list[str]) -> list[Cell]:
        """Numbered rows with a value but no indicator standing between a total's row and the
        next mapped row that is not one of its items (e.g. a local 信函、传真申请数 row): the
        items that have ids are then not all of the total's items."""
        t = self.by_id[total]
        table = t.cell_id.rsplit("-", 2)[0]
        same = [c for c in self.cells if c.cell_id.rsplit("-", 2)[0] == table]
        others = [c.row for c in same if c.indicator and c.indicator not in children
                  and c.indicator != total and c.row > t.row]
        stop = min(others, default=max((c.row for c in same), default=t.row) + 1)
        return [c for c in same if t.row < c.row < stop and not c.indicator
                and c.value is not None and c.col == t.col
                and _NUMBERED_ITEM.match((c.row_label or "").rsplit(" / ", 1)[-1])]

    def has(self, ind: str) -> bool:
        return ind in self.by_id

    def equation(self, check: str, total_id: str, left: Sequence[str], right: Sequence[str],
                 what: str, relation: str = "eq") -> None:
        """Compare sum(left) (expected) with sum(right) (observed); `le`: right <= left."""
        ids = (*left, *right)
        cells = list(map(self.by_id.get, ids))  # (one list for both sides, cut where read)
        refs = [c.cell_id for c in cells if c is not None]
        if len(refs) < len(ids):  # a cell is missing
            missing = [i for i, c in zip(ids, cells, strict=True) if c is None]
            if len(missing) == len(ids):
                return  # nothing of it is in the document
            self._add(check, "not_assessable", None, None, refs, total_id,
                      f"{what}: {len(missing)} of its cells are not in the table "
                      f"({', '.join(missing[:3])}{'…' if len(missing) > 3 else ''}).")
            return
        values = [c.value for c in cells]
        lv, rv = values[:len(left)], values[len(left):]
        blanks = values.count(None)  # (values are numbers or None: compared in C)
        if blanks:
            exp = sum(v for v in lv if v is not None)
            obs = sum(v for v in rv if v is not None)
        else:  # (the same sums: no value to leave out)
            exp = sum(lv)
            obs = sum(rv)
        ok = obs <= exp + 1e-9 if relation == "le" else abs(exp - obs) < 1e-6
        if blanks == len(values) or (blanks and (all(v is None for v in lv)
                                                   or all(v is None for v in rv))):
            self._add(check, "not_assessable", None, None, refs, total_id,
                      f"{what}: one side is blank ({_fmt(exp if lv.count(None) < len(lv) else None)}"
                      f" vs {_fmt(obs if rv.count(None) < len(rv) else None)}), so it cannot be "
                      "checked.")
            return
        if blanks:
            self._add(check, "uncertain", exp, obs, refs, total_id,
                      f"{what}: {_fmt(exp)} vs {_fmt(obs)} with {blanks} blank cell(s), which "
                      f"{'would agree' if ok else 'would not agree'} if blank meant 0.")
            return
        if relation == "le":
            msg = (f"{what}: the part is {_fmt(obs)} and the total {_fmt(exp)}"
                   f"{'' if ok else ', so the part exceeds its total'}.")
        else:
            msg = f"{what}: {_fmt(exp)} {'=' if ok else '≠'} {_fmt(obs)}."
        self._add(check, "pass" if ok else "fail", exp, obs, refs, total_id, msg)

    def _add(self, check: str, status: str, exp: float | None, obs: float | None,
             refs: list[str], indicator: str, message: str) -> None:
        self.out.append(Check(self.doc_id, f"check-t{len(self.out) + 1}", check, status, exp, obs,
                              refs, message, indicator))  # (positional: the fields' order)


def table_checks(doc: Document | str, cells: list[Cell]) -> list[Check]:
    """Evaluate the table checks on the cells of one document (`check_id` = `check-t<n>`)."""
    if not cells:
        return []  # (most documents: no table)
    doc_id = doc if isinstance(doc, str) else doc.doc_id
    b = _Builder(doc_id, cells)
    if not b.by_id:
        return []  # no cell has an indicator: every identity has nothing to compare
    # (each family's checks only where one of their cells is: `equation` adds nothing for an
    # identity none of whose cells the document has)
    if not b.by_id.keys().isdisjoint(_t3_ids()):
        _t3(b)
    if not b.by_id.keys().isdisjoint(_t4_ids()):
        _t4(b)
    if not b.by_id.keys().isdisjoint(_pre2019_ids()):  # (else no total and no part is here)
        _pre2019(b)
    return b.out


@lru_cache(maxsize=1)
def _t3_ids() -> frozenset[str]:
    """The indicators of every cell of table 三's equations, whatever its 其他处理 rows."""
    return frozenset().union(*(ids for rows in (T3_OTHER_2021, ("result.other",))
                               for ids, _ in _t3_equations(rows)))


def _t3(b: _Builder) -> None:
    other_rows = tuple(r for r in T3_OTHER_2021
                       if b.has(f"t3.{r}.total") or b.has(f"t3.{r}.natural"))
    for ids, args in _t3_equations(other_rows or ("result.other",)):
        if not b.by_id.keys().isdisjoint(ids):  # (none of its cells here: `equation` would add
            # nothing; the view looks each of `ids` up, where the set would walk the dict)
            b.equation(*args)


_Equation = tuple[str, str, tuple[str, ...], tuple[str, ...], str]


@lru_cache(maxsize=16)
def _t3_equations(other_rows: tuple[str, ...]) -> tuple[tuple[frozenset[str], _Equation], ...]:
    """Table 三's equations (`_Builder.equation` arguments, each after the indicators of its
    cells) for its 其他处理 rows, built once per set of those rows rather than once per document
    (immutable: shared by the documents)."""
    out: list[_Equation] = []
    cols = (*T3_COLS, "total")
    result_rows = [*T3_RESULT_ROWS, *other_rows]
    for c in cols:
        name = T3_COL_NAMES[c]
        out.append(("t3.balance", f"t3.result.total.{c}",
                    (f"t3.new.{c}", f"t3.carried_over.{c}"),
                    (f"t3.result.total.{c}", f"t3.carried_forward.{c}"),
                    f"Table 三, column {name}: 一 新收 + 二 上年结转 against 三（七）总计 + 四 结转下年度"))
    for c in cols:
        name = T3_COL_NAMES[c]
        out.append(("t3.results_sum", f"t3.result.total.{c}",
                    (f"t3.result.total.{c}",), tuple(f"t3.{r}.{c}" for r in result_rows),
                    f"Table 三, column {name}: 三（七）总计 against the sum of the result rows"))
    rows = ["new", "carried_over", *result_rows, "result.total", "carried_forward"]
    for r in rows:
        out.append(("t3.columns_sum", f"t3.{r}.total",
                    (f"t3.{r}.total",), tuple(f"t3.{r}.{c}" for c in T3_COLS),
                    f"Table 三, row {r}: 总计 against the sum of the six applicant columns"))
    return tuple((frozenset((*left, *right)), (check, total, left, right, what))
                 for check, total, left, right, what in out)


def _t4(b: _Builder) -> None:
    for args in _t4_equations():
        b.equation(*args)


@lru_cache(maxsize=1)
def _t4_equations() -> tuple[_Equation, ...]:
    """Table 四's equations (`_Builder.equation` arguments), one a block, built once."""
    return tuple(("t4.block_sum", f"t4.{block}.total", (f"t4.{block}.total",),
                  tuple(f"t4.{block}.{p}" for p in T4_PARTS),
                  f"Table 四, {name}: 总计 against 结果维持 + 结果纠正 + 其他结果 + 尚未审结")
                 for block, name in T4_BLOCKS.items())


@lru_cache(maxsize=1)
def _t4_ids() -> frozenset[str]:
    """The indicators of every cell of table 四's equations."""
    return frozenset(i for _, _, left, right, _ in _t4_equations() for i in (*left, *right))


# an item row of a pre-2019 table: 1.同意公开答复数, （2）…, ③…
_NUMBERED_ITEM = regex.compile(r"\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）]|[①-⑳])")


def _sum(b: _Builder, ids: list[str]) -> float:
    return sum(b.by_id[i].value or 0 for i in ids)


@lru_cache(maxsize=1)
def _pre2019_ids() -> frozenset[str]:
    """The partitions' totals and the parts of the pre-2019 checks: each check needs one of
    them in the document (a partition its total, a part itself)."""
    data = table_labels()["checks"]
    return frozenset((*data["pre2019_partitions"], *data["pre2019_parts"]))


def _pre2019(b: _Builder) -> None:
    data = table_labels()["checks"]
    for total, children in data["pre2019_partitions"].items():
        if not b.has(total):
            continue
        present = [c for c in children if b.has(c)]
        if len(present) < 2:
            continue
        extra = b.unmapped_among(total, children)
        if extra and _sum(b, present) > (b.by_id[total].value or 0):
            # the items with ids already exceed the total: the rest can only add to that
            b.equation("pre2019.children_sum", total, [total], present,
                       f"{b.by_id[total].row_label}: the total against its numbered items with an "
                       f"indicator (others: {'、'.join(c.row_label for c in extra[:3])})",
                       relation="le")
            continue
        if extra:
            b._add("pre2019.children_sum", "not_assessable", None, None,
                   [b.by_id[total].cell_id, *(c.cell_id for c in extra)], total,
                   f"{b.by_id[total].row_label}: its items include rows without an indicator "
                   f"({'、'.join(c.row_label for c in extra[:3])}), so the sum cannot be checked.")
            continue
        b.equation("pre2019.children_sum", total, [total], present,
                   f"{b.by_id[total].row_label}: the total against the sum of its "
                   f"{len(present)} numbered items")
    for part, total in data["pre2019_parts"].items():
        if not (b.has(part) and b.has(total)):
            continue
        b.equation("pre2019.part_le_total", total, [total], [part],
                   f"{b.by_id[part].row_label} within {b.by_id[total].row_label}", relation="le")
