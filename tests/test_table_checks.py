"""Table checks (nlp/check/tables.py), worked out by hand from the tables."""

from collections import Counter
from pathlib import Path

import pytest
from test_tables import HTML_2023, T4_HTML, _grid_values, _t3_html, cells_of

from nlp.check import check
from nlp.check.tables import (
    T3_OTHER_2021,
    _Builder,
    _t3,
    _t3_equations,
    _t3_ids,
    _t4,
    _t4_ids,
    first_by_indicator,
    table_checks,
)
from nlp.ingest import read
from nlp.records import Cell, Report
from nlp.segment.blocks import find_text_tables
from nlp.tables import table_cells

SEED = Path(__file__).resolve().parent.parent / "corpora" / "seeds" / "000_65d192663e1ca53a.txt"


def _cell(ind, value, n=[0]):  # noqa: B006 - a counter for distinct cell ids
    n[0] += 1
    return Cell(doc_id="t", cell_id=f"cell-0-{n[0]}-2", table="pre2019", row=n[0], col=2,
                row_label=ind, col_label="统计数", indicator=ind, unit="件", value=value,
                raw="" if value is None else str(value))


def test_seed_checks_as_a_reader_computes_them():
    doc = read(SEED)
    doc.tables = find_text_tables(doc)
    checks = table_checks(doc, table_cells(doc))
    # 11 partitions (received, closed, answered, 复议, 诉讼, 投诉, 报送, 网站, 查阅点, 接待, 人员)
    # and 9 其中 parts (规范性文件 5 ≤ 17, two 主要负责同志 rows, six refusal grounds)
    assert Counter(c.check for c in checks) == {"pre2019.children_sum": 11,
                                                "pre2019.part_le_total": 9}
    assert {c.status for c in checks} == {"pass"}
    part = next(c for c in checks if c.indicator == "active.total")
    assert (part.expected, part.observed) == (17, 5)
    assert "5" in part.message and "17" in part.message
    # the channels (0 + 12 + 0 + 0 + 0 = 12 vs 17) overlap by definition: never a partition
    assert not any("channel" in r for c in checks for r in [c.indicator])
    assert len({c.check_id for c in checks}) == len(checks)
    assert all(c.check_id.startswith("check-t") for c in checks)


def test_check_returns_table_checks_of_the_report():
    doc = read(SEED)
    doc.tables = find_text_tables(doc)
    report = Report(document=doc, cells=table_cells(doc))
    assert [c.check for c in check(report)][:1] == ["pre2019.children_sum"]


@pytest.mark.parametrize("cells, status, expected, observed", [
    ([("requests.received", 5), ("requests.received.in_person", 2),
      ("requests.received.online", 2)], "fail", 5, 4),
    ([("requests.received", 5), ("requests.received.in_person", 2),
      ("requests.received.online", 3)], "pass", 5, 5),
    ([("requests.received", 5), ("requests.received.in_person", 2),
      ("requests.received.online", None)], "uncertain", 5, 2),
    ([("requests.received", None), ("requests.received.in_person", None),
      ("requests.received.online", None)], "not_assessable", None, None),
])
def test_children_sum_blanks_are_not_zeros(cells, status, expected, observed):
    checks = table_checks("t", [_cell(i, v) for i, v in cells])
    assert len(checks) == 1
    c = checks[0]
    assert (c.check, c.status, c.expected, c.observed) == (
        "pre2019.children_sum", status, expected, observed)
    assert c.indicator == "requests.received"
    assert len(c.refs) == 3


def test_part_larger_than_total_fails():
    checks = table_checks("t", [_cell("active.total", 17), _cell("active.normative_docs", 20)])
    assert [(c.check, c.status, c.expected, c.observed) for c in checks] == [
        ("pre2019.part_le_total", "fail", 17, 20)]
    assert "20" in checks[0].message and "17" in checks[0].message


def test_channels_are_never_a_partition():
    cells = [_cell("active.total", 10), _cell("active.channel.website", 8),
             _cell("active.channel.weibo", 7)]
    assert table_checks("t", cells) == []


def test_real_2023_tables_pass_every_check():
    checks = table_checks("t", cells_of(HTML_2023.read_text("utf-8")))
    # 7 columns × (balance, results_sum) + 25 rows + 3 blocks of table 四
    assert Counter(c.check for c in checks) == {"t3.balance": 7, "t3.results_sum": 7,
                                                "t3.columns_sum": 25, "t4.block_sum": 3}
    assert {c.status for c in checks} == {"pass"}
    bal = next(c for c in checks if c.check == "t3.balance" and c.indicator.endswith(".total"))
    assert (bal.expected, bal.observed) == (81, 81)  # 81 + 0 = 81 + 0


def test_t3_fails_where_the_numbers_do_not_add_up():
    # _grid_values: row n holds 100n + k in column k, so nothing adds up
    checks = table_checks("t", cells_of(_t3_html(_grid_values)))
    bal = next(c for c in checks if c.indicator == "t3.result.total.natural"
               and c.check == "t3.balance")
    # 一 0 + 二 100 vs （七）2100 + 四 2200
    assert (bal.status, bal.expected, bal.observed) == ("fail", 100, 4300)
    cols = next(c for c in checks if c.check == "t3.columns_sum"
                and c.indicator == "t3.new.total")
    assert (cols.expected, cols.observed) == (6, 0 + 1 + 2 + 3 + 4 + 5)
    assert cols.status == "fail"


def test_t4_block_sums_with_blank_cells():
    checks = {c.indicator: c for c in table_checks("t", cells_of(T4_HTML))}
    # 复议 5 + blank + blank + 2 = 7: would agree if blank meant 0, so uncertain, not pass
    assert checks["t4.review.total"].status == "uncertain"
    assert (checks["t4.review.total"].expected, checks["t4.review.total"].observed) == (7, 7)
    assert checks["t4.litigation_direct.total"].status == "uncertain"
    assert checks["t4.litigation_after_review.total"].status == "not_assessable"


def test_items_without_an_id_make_the_children_sum_not_assessable():
    # corpora/more/fj_pingtan_2014.txt: 受理依申请公开信息总数 1 = 当面 0 + 网上 0 + 信函、传真 1;
    # the combined 信函、传真 row has no canonical id, so the two mapped items are not all items
    import nlp

    report = nlp.extract(SEED.parent.parent / "more" / "fj_pingtan_2014.txt")
    sums = [c for c in report.checks if c.check == "pre2019.children_sum"
            and c.indicator == "requests.received"]
    assert len(sums) == 1
    assert sums[0].status == "not_assessable"
    assert "信函" in sums[0].message


def _row(label, ind, value, row):
    return Cell(doc_id="t", cell_id=f"cell-0-{row}-2", table="local", row=row, col=2,
                row_label=label, col_label="年度", indicator=ind, unit="条", value=value,
                raw=str(value))


def test_numbered_items_without_an_id_and_an_over_sum():
    # held-out 113 (fj_pingtan_gaj_2018): 对申请的答复总数 0 with 1.同意公开答复数 1, 4.其他类型 unmapped,
    # then an unnumbered fee row (no item of the total)
    total = _row("对申请的答复总数", "requests.answered", 0, 1)
    granted = _row("对申请的答复总数 / 1.同意公开答复数", "requests.answered.granted", 1, 2)
    partial = _row("对申请的答复总数 / 2.同意部分公开答复数", "requests.answered.partial", 0, 3)
    other = _row("对申请的答复总数 / 4.其他类型答复数", None, 0, 4)
    fee = _row("政府信息公开收费减免金额(元)", None, 0, 5)
    [c] = table_checks("t", [total, granted, partial, other, fee])
    assert (c.check, c.status, c.expected, c.observed) == ("pre2019.children_sum", "fail", 0, 1)
    assert "4.其他类型答复数" in c.message and "收费" not in c.message
    # under the total, the unmapped item leaves the sum open …
    [c] = table_checks("t", [_row("对申请的答复总数", "requests.answered", 2, 1), granted, partial,
                             other, fee])
    assert c.status == "not_assessable" and "收费" not in c.message
    # … and an unnumbered row is no item: the ids' items are all of them
    [c] = table_checks("t", [_row("对申请的答复总数", "requests.answered", 1, 1), granted, partial, fee])
    assert (c.status, c.expected, c.observed) == ("pass", 1, 1)


def test_first_by_indicator_keeps_each_indicators_first_cell():
    # the shared lookup (the table and narrative checks' own loops before) against the loop
    # they wrote, on real tables and on made-up cells with repeated, empty and missing
    # indicators; the first cell of an indicator is kept, not the last
    made = [_row("a", "x.total", 1, 1), _row("b", None, 2, 2), _row("c", "x.total", 3, 3),
            _row("d", "", 4, 4), _row("e", "x.part", 5, 5), _row("f", "x.part", None, 6)]
    for cells in (made, cells_of(HTML_2023.read_text("utf-8")), cells_of(T4_HTML),
                  cells_of(_t3_html(_grid_values)), []):
        plain: dict = {}
        for c in cells:
            if c.indicator and c.indicator not in plain:
                plain[c.indicator] = c
        fast = first_by_indicator(cells)
        assert fast == plain and all(fast[k] is plain[k] for k in plain)
    assert first_by_indicator(made)["x.total"].value == 1


def test_the_families_ids_hold_every_cell_of_their_equations():
    # a table family is asked only where one of these ids is: every cell its checks read is one
    for rows in ((), ("result.other",), T3_OTHER_2021, T3_OTHER_2021[:1]):
        for ids, (_, total, left, right, _) in _t3_equations(rows or ("result.other",)):
            assert ids == {*left, *right} and ids <= _t3_ids() and total in ids
    b = _Builder("t", [])
    b.equation = lambda check, total, left, right, what, relation="eq": seen.update(  # type: ignore
        [total, *left, *right])
    seen: set[str] = set()
    _t4(b)
    assert seen == _t4_ids()
    assert _t3_ids().isdisjoint(_t4_ids()) and all(i.startswith("t3.") for i in _t3_ids())


def test_t3_equations_left_out_only_where_none_of_their_cells_is_there():
    # every equation asked, against the ones `_t3` asks: the same checks on tables that lack
    # rows, columns or everything but one cell
    full = cells_of(_t3_html(_grid_values))
    for keep in (lambda c: True, lambda c: ".natural" not in (c.indicator or ""),
                 lambda c: "result" not in (c.indicator or ""),
                 lambda c: (c.indicator or "").endswith(".total"),
                 lambda c: c.indicator == "t3.new.natural"):
        cells = [c for c in full if keep(c)]
        b, plain = _Builder("t", cells), _Builder("t", cells)
        _t3(b)
        for _, args in _t3_equations(("result.other",)):
            plain.equation(*args)
        assert b.out == plain.out and b.out
