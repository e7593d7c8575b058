"""Issue 7's acceptance on the seed: exactly its real contradictions, no false alarm.

The expected findings are read from the seed's gold file (annotated by reading the report),
not from the program."""

import json
from collections import Counter
from pathlib import Path

import pytest

import nlp

ROOT = Path(__file__).parent.parent
SEED = ROOT / "corpora" / "seeds" / "000_65d192663e1ca53a.txt"
GOLD = json.loads((ROOT / "corpora" / "gold" / "seed.gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def report():
    return nlp.extract(SEED)


def test_seed_findings_are_exactly_the_real_contradictions(report):
    got = Counter((c.check, c.indicator) for c in report.findings)
    want = Counter((f["check"], f["indicator"]) for f in GOLD["findings"])
    assert got == want


def test_each_finding_quotes_both_numbers_and_points_at_spans_and_cells(report):
    claims = {c.claim_id: c for c in report.claims}
    cells = {c.cell_id: c for c in report.cells}
    for f in report.findings:
        assert f.refs and all(r in claims or r in cells for r in f.refs)
        if f.check == "narrative_vs_table":
            claim = next(claims[r] for r in f.refs if r in claims)
            cell = next(cells[r] for r in f.refs if r in cells)
            assert f"{claim.value:g}" in f.message and f"{cell.value:g}" in f.message
        if f.check == "percent_of":
            pct = next(claims[r] for r in f.refs if claims[r].kind == "percent")
            assert f"{pct.value:g}%" in f.message


def test_zero_statement_in_words_agrees_with_zero_cells(report):
    # 未发生政府信息公开行政复议和行政诉讼 vs 四、行政复议数量 0 and 五、行政诉讼数量 0
    zero = [c for c in report.claims if c.kind == "zero" and "复议" in c.text]
    assert len(zero) == 1
    checks = [c for c in report.checks if zero[0].claim_id in c.refs]
    assert {c.indicator for c in checks} == {"review.total", "litigation.total"}
    assert all(c.status == "pass" for c in checks)


def test_claims_link_to_their_own_cells(report):
    cells = {c.cell_id: c for c in report.cells}
    linked = {ln.claim_id: cells[ln.cell_id] for ln in report.links}
    by_text = {c.text: c for c in report.claims}
    assert linked[by_text["33 条"].claim_id].indicator == "active.total"
    assert linked[by_text["1 件"].claim_id].indicator == "requests.received"
    # parts and shares have no pre2019 id: they must not link to the total's cell
    for t in ("26 条", "7 条", "75%", "25%"):
        assert by_text[t].claim_id not in linked
