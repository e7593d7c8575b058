"""Checks across years (`across_years`): same agency, consecutive years."""

from pathlib import Path

import duckdb
import pytest

import nlp
from nlp.check.years import YearFacts, agency_key, cross_year_checks, facts_from_report

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
P2022 = CORPORA / "more" / "fj_pingtan_2022.txt"
P2023 = CORPORA / "more" / "fj_pingtan_2023_article.html"
ZOUCHENG = CORPORA / "excerpts" / "sd_zoucheng_taiping_2024.txt"


@pytest.fixture(scope="module")
def pingtan():
    return nlp.extract(P2022), nlp.extract(P2023)


def test_in_force_stock_identity_across_years(pingtan):
    r22, r23 = pingtan
    # 2022 narrative: 现行有效698件; 2023 table 二: 制发 77, 废止 132, 现行有效 470
    checks = [c for c in cross_year_checks([r22, r23]) if c.indicator == "t2.normative.in_force"]
    assert len(checks) == 1
    c = checks[0]
    assert c.doc_id == r23.document.doc_id  # attributed to the later year
    assert c.status == "fail"
    assert c.expected == 698 + 77 - 132 and c.observed == 470
    for n in ("698", "77", "132", "470"):
        assert n in c.message


def test_no_check_without_the_previous_year(pingtan):
    _, r23 = pingtan
    assert cross_year_checks([r23]) == []


def test_office_and_government_reports_are_one_series():
    assert agency_key("平潭综合实验区管委会办公室") == agency_key("平潭综合实验区管委会")
    assert agency_key("原高青县质量技术监督局") == agency_key("高青县质量技术监督局")


@pytest.mark.parametrize(("last_year", "status"), [(1, "pass"), (3, "fail")])
def test_change_claim_against_last_years_figure(last_year, status):
    # sd_zoucheng_taiping_2024: 共收到…申请2件,比去年增加1件 → last year must have been 1
    report = nlp.extract(ZOUCHENG)
    cur = facts_from_report(report)
    assert cur is not None and cur.changes
    change = cur.changes[0]
    assert change.indicator == "t3.new.total" and change.current == 2 and change.value == 1
    prev = YearFacts("prev", cur.agency, cur.year - 1, {"t3.new.total": (last_year, "claim-x")})
    (chk,) = cross_year_checks([cur, prev])
    assert chk.status == status
    assert chk.observed == 1 and chk.expected == 2 - last_year


def test_batch_writes_cross_year_checks_once(tmp_path):
    from nlp.batch import run_batch

    out = tmp_path / "s.duckdb"
    for _ in range(2):  # a rerun recomputes them, never duplicates
        summary = run_batch([P2022, P2023], out, workers=1)
        assert summary.cross_year >= 1
    con = duckdb.connect(str(out), read_only=True)
    rows = con.execute("""SELECT status, indicator FROM checks WHERE "check" = 'across_years'
                          AND indicator = 't2.normative.in_force'""").fetchall()
    assert rows == [("fail", "t2.normative.in_force")]


def test_dask_run_writes_cross_year_checks(tmp_path):
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    from nlp.batch import extract_dask

    out = tmp_path / "panel"
    with LocalCluster(n_workers=1, processes=True, host="127.0.0.1", threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        summary = extract_dask([P2022, P2023], out, scheduler=client)
    assert summary.cross_year >= 1
    frames = nlp.read_store(out)
    checks = frames["checks"]
    ours = checks[(checks["check"] == "across_years")
                  & (checks["indicator"] == "t2.normative.in_force")]
    assert list(ours["status"]) == ["fail"]
