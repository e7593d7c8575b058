"""Checks across years (check id `across_years`, an extension of docs/spec.md section 4).

When a batch holds the same agency's reports for consecutive years:

- a change claim (同比增长12.3%, 较上年减少3件, 比去年增加1件) is checked against last year's
  figure for the same indicator (a table cell if last year's report has one, else a claim);
- current-in-force counts (table 二, 2021 format: 现行有效件数) must equal last year's count
  plus this year's issued minus repealed. Revisions and clean-ups (清理) can break this
  legitimately, so the message says so.

The checks work on `YearFacts`, which can be built from `Report`s (`facts_from_report`) or
from a DuckDB store (`facts_from_store`), so a batch runs them after extraction.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from nlp.records import Check, Report

CHECK_ID = "across_years"

# stock = stock(prev) + issued - repealed
STOCK_IDENTITIES: tuple[tuple[str, str, str], ...] = (
    ("t2.normative.in_force", "t2.normative.issued", "t2.normative.repealed"),
    ("t2.rules.in_force", "t2.rules.issued", "t2.rules.repealed"),
)


@dataclass
class ChangeFact:
    claim_id: str
    text: str
    indicator: str
    value: float  # the stated change (a count, or a percentage for kind "percent")
    kind: str  # count | percent
    direction: str  # up | down | same
    current: float | None  # this year's level, when stated or in the table


@dataclass
class YearFacts:
    doc_id: str
    agency: str
    year: int
    values: dict[str, tuple[float, str]] = field(default_factory=dict)  # id → (value, ref)
    changes: list[ChangeFact] = field(default_factory=list)


def agency_key(agency: str | None) -> str:
    """The reporting body, for matching years: simplified, without spaces, without a leading
    原 and a trailing 办公室/办公厅 (a government's annual report is often signed by its office
    one year and by the government the next: 平潭综合实验区管委会(办公室))."""
    from nlp.normalize import same_length

    if not agency:
        return ""
    key = same_length(agency).replace(" ", "").removeprefix("原")
    return regex.sub(r"(?:办公室|办公厅)$", "", key)


def facts_from_report(report: Report) -> YearFacts | None:
    doc = report.document
    if not doc.year or not doc.agency:
        return None
    facts = YearFacts(doc.doc_id, agency_key(doc.agency), doc.year)
    for cell in report.cells:
        if cell.indicator and cell.value is not None and cell.indicator not in facts.values:
            facts.values[cell.indicator] = (cell.value, cell.cell_id)
    level_claims = [c for c in report.claims if c.indicator and c.direction is None
                    and c.bound is None and c.value is not None and c.kind in ("count", "zero")]
    for c in level_claims:
        facts.values.setdefault(c.indicator, (c.value or 0.0, c.claim_id))  # type: ignore[arg-type]
    for c in report.claims:
        if c.direction not in ("up", "down", "same") or c.value is None:
            continue
        base = _level_before(report, c)
        if base is None:
            continue
        current = facts.values.get(base.indicator, (None, ""))[0]  # type: ignore[arg-type]
        facts.changes.append(ChangeFact(c.claim_id, c.text, base.indicator, c.value,  # type: ignore[arg-type]
                                        "percent" if c.kind == "percent" else "count",
                                        c.direction, current))
    return facts


def _level_before(report: Report, change):
    """The level claim a change refers to: the nearest earlier claim with an indicator in the
    same sentence (收到申请2件，比去年增加1件)."""
    best = None
    for c in report.claims:
        if c.start >= change.start:
            break
        if c.indicator and c.direction is None and c.sentence == change.sentence:
            best = c
    return best


_CLAIM_COLUMNS = ("claim_id", "start", "end", "text", "value", "unit", "kind", "bound",
                  "direction", "indicator", "sentence", "qualifiers")
_CELL_COLUMNS = ("cell_id", "table", "row", "col", "indicator", "value")


def store_series(con) -> list[list[str]]:
    """doc_ids of a store grouped by reporting body, only for bodies with reports for two
    consecutive years (the only documents `across_years` can check)."""
    keyed: dict[str, dict[int, list[str]]] = {}
    for doc_id, agency, year in con.execute("SELECT doc_id, agency, year FROM documents").fetchall():
        key, y = agency_key(agency), _int(year)
        if key and y is not None:
            keyed.setdefault(key, {}).setdefault(y, []).append(doc_id)
    out = []
    for by_year in keyed.values():
        # two reports for one body and year are ambiguous (cross_year_checks skips them), so
        # only years with one report, next to another such year, are worth reading
        single = {y: ids[0] for y, ids in by_year.items() if len(ids) == 1}
        keep = sorted(y for y in single if y - 1 in single or y + 1 in single)
        if keep:
            out.append([single[y] for y in keep])
    return out


def facts_from_store(con, doc_ids: list[str] | None = None) -> list[YearFacts]:
    """YearFacts for the documents `doc_ids` of a DuckDB store (all when None). Only the
    columns the checks need are read, so a series of a few reports costs a few rows."""
    from nlp.records import Cell, Claim, Document

    where, params = ("", []) if doc_ids is None else (" AND doc_id IN (SELECT unnest(?))",
                                                        [doc_ids])
    docs = con.execute("SELECT doc_id, agency, year FROM documents WHERE true" + where,
                       params).fetchall()
    cells: dict[str, list[Cell]] = {}
    for row in con.execute(f"SELECT doc_id, {', '.join(_q(c) for c in _CELL_COLUMNS)} "
                           "FROM cells WHERE indicator IS NOT NULL" + where, params).fetchall():
        kw = dict(zip(_CELL_COLUMNS, row[1:], strict=True))
        cells.setdefault(row[0], []).append(
            Cell(doc_id=row[0], row_label="", col_label="", unit=None, raw="", **kw))
    claims: dict[str, list[Claim]] = {}
    for row in con.execute(f"SELECT doc_id, {', '.join(_q(c) for c in _CLAIM_COLUMNS)} "
                           "FROM claims WHERE true" + where + ' ORDER BY doc_id, "start"',
                           params).fetchall():
        kw = dict(zip(_CLAIM_COLUMNS, row[1:], strict=True))
        kw["sentence"] = tuple(kw["sentence"]) if kw["sentence"] is not None else None
        kw["qualifiers"] = list(kw["qualifiers"] or [])
        claims.setdefault(row[0], []).append(Claim(doc_id=row[0], **kw))
    out = []
    for doc_id, agency, year in docs:
        doc = Document(doc_id=doc_id, path=None, format="", text="", agency=agency,
                       year=_int(year))
        rep = Report(document=doc, cells=cells.get(doc_id, []), claims=claims.get(doc_id, []))
        f = facts_from_report(rep)
        if f:
            out.append(f)
    return out


def store_cross_year_checks(con) -> list[Check]:
    """`across_years` over a whole store, one reporting body at a time (memory stays that of
    one body's reports, whatever the size of the store)."""
    out: list[Check] = []
    for series in store_series(con):
        out += cross_year_checks(facts_from_store(con, series))
    for i, c in enumerate(out, 1):
        c.check_id = f"check-y{i}"
    return out


def _q(name: str) -> str:
    return f'"{name}"'


def _int(x) -> int | None:
    try:
        return int(x)
    except (TypeError, ValueError):
        return None


def _fmt(x: float) -> str:
    return f"{x:g}"


def cross_year_checks(items: Iterable[Report | YearFacts]) -> list[Check]:
    """`across_years` checks for every agency with reports for consecutive years.

    Checks are attributed to the later year's document."""
    facts = []
    for it in items:
        f = facts_from_report(it) if isinstance(it, Report) else it
        if f is not None and f.agency:
            facts.append(f)
    by_key: dict[tuple[str, int], YearFacts | None] = {}
    for f in facts:  # two reports for one body and year (a 区政府 and its 办公室): ambiguous
        by_key[(f.agency, f.year)] = None if (f.agency, f.year) in by_key else f
    out: list[Check] = []
    for f in facts:
        if by_key.get((f.agency, f.year)) is None:
            continue
        prev = by_key.get((f.agency, f.year - 1))
        if prev is None:
            continue
        out += _change_checks(f, prev) + _stock_checks(f, prev)
    for i, c in enumerate(out, 1):
        c.check_id = f"check-y{i}"
    return out


def _change_checks(cur: YearFacts, prev: YearFacts) -> list[Check]:
    out = []
    for ch in cur.changes:
        if ch.indicator not in prev.values or ch.current is None:
            continue
        last, last_ref = prev.values[ch.indicator]
        sign = {"up": 1, "down": -1, "same": 0}[ch.direction]
        refs = [ch.claim_id, f"{prev.doc_id}:{last_ref}"]
        if ch.kind == "count":
            expected = ch.current - last
            stated = sign * ch.value
            ok = math.isclose(expected, stated, abs_tol=1e-9)
            msg = (f"“{ch.text}”：今年{_fmt(ch.current)}，上年（{prev.year}）{_fmt(last)}，"
                   f"实际变化{_fmt(expected)}" + ("，相符。" if ok else "，不符。"))
        else:
            if last == 0:
                continue
            expected = (ch.current / last - 1) * 100
            stated = sign * ch.value
            dec = len(str(ch.value).split(".")[1]) if "." in str(ch.value) else 0
            ok = abs(expected - stated) <= 0.5 * 10 ** (-dec) + 1e-9
            msg = (f"“{ch.text}”：今年{_fmt(ch.current)}，上年（{prev.year}）{_fmt(last)}，"
                   f"实际变化{expected:.2f}%" + ("，相符。" if ok else "，不符。"))
        out.append(Check(cur.doc_id, "", CHECK_ID, "pass" if ok else "fail", expected, stated,
                         refs, msg, ch.indicator))
    return out


def _stock_checks(cur: YearFacts, prev: YearFacts) -> list[Check]:
    out = []
    for stock, issued, repealed in STOCK_IDENTITIES:
        need = [(cur, stock), (prev, stock), (cur, issued), (cur, repealed)]
        if any(ind not in f.values for f, ind in need):
            continue
        now, now_ref = cur.values[stock]
        last, last_ref = prev.values[stock]
        add, add_ref = cur.values[issued]
        rem, rem_ref = cur.values[repealed]
        expected = last + add - rem
        ok = math.isclose(expected, now, abs_tol=1e-9)
        msg = (f"现行有效{_fmt(now)}件；上年{_fmt(last)}＋本年制发{_fmt(add)}－废止{_fmt(rem)}"
               f"＝{_fmt(expected)}" + ("，相符。" if ok else "，不符（修改、清理或口径变化也可能造成差异）。"))
        out.append(Check(cur.doc_id, "", CHECK_ID, "pass" if ok else "fail", expected, now,
                         [now_ref, f"{prev.doc_id}:{last_ref}", add_ref, rem_ref], msg, stock))
    return out
