"""The `xxgk` commands, run through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nlp
from nlp.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seeds" / "000_65d192663e1ca53a.txt"
EXCERPTS = sorted((ROOT / "corpora" / "excerpts").glob("*.txt"))
runner = CliRunner()


@pytest.mark.parametrize("command", ["extract", "tables", "check", "citations", "evaluate",
                                     "info"])
def test_every_command_has_help_with_examples(command):
    res = runner.invoke(app, [command, "--help"])
    assert res.exit_code == 0
    assert "Examples" in res.output
    assert f"xxgk {command}" in res.output


def test_extract_good_and_bad_files(tmp_path):
    (tmp_path / "in").mkdir()
    for p in EXCERPTS[:3]:
        (tmp_path / "in" / p.name).write_bytes(p.read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    store = tmp_path / "out.duckdb"
    res = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(store),
                              "--workers", "1", "--summary-json", str(tmp_path / "s.json")])
    assert res.exit_code == 1  # one document failed
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert (summary["documents"], summary["failed"]) == (4, 1)
    assert "with errors" in res.output
    frames = nlp.read_store(store)
    assert len(frames["documents"]) == 3
    assert [Path(p).name for p in frames["errors"]["path"]] == ["empty.txt"]
    # a rerun skips the three stored documents and fails again on the empty file
    res = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(store), "-w", "1",
                              "--summary-json", str(tmp_path / "s.json")])
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert (res.exit_code, summary["skipped"], summary["documents"]) == (1, 3, 1)


def test_extract_all_good_exits_zero_and_writes_jsonl(tmp_path):
    res = runner.invoke(app, ["extract", *map(str, EXCERPTS[:2]), "--format", "jsonl",
                              "--out", str(tmp_path / "o"), "-w", "1", "-q"])
    assert res.exit_code == 0, res.output
    docs = (tmp_path / "o" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(docs) == 2
    assert list(json.loads(docs[0])) == list(nlp.Document.EXPORT)


@pytest.mark.parametrize("args, message", [
    (["extract", "no/such/folder"], "no report files"),
    (["extract", str(SEED), "--engine", "dask", "--format", "csv"], "Parquet"),
    (["extract", str(SEED), "--scheduler", "tcp://127.0.0.1:1"], "--engine dask"),
])
def test_extract_usage_errors_exit_2(args, message):
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert message in res.output


def test_tables_json_lists_every_cell_of_the_report():
    res = runner.invoke(app, ["tables", str(SEED), "--json"])
    assert res.exit_code == 0
    rows = [json.loads(x) for x in res.output.splitlines() if x.strip()]
    report = nlp.extract(SEED)
    assert [r["cell_id"] for r in rows] == [c.cell_id for c in report.cells]


def test_tables_shows_indicator_ids():
    report = nlp.extract(SEED)
    res = runner.invoke(app, ["tables", str(SEED)], env={"COLUMNS": "250"})
    assert res.exit_code == 0
    for c in report.cells:
        if c.indicator:
            assert c.indicator in res.output


def test_check_lists_failures_first_and_exit_code_says_if_any_failed():
    report = nlp.extract(SEED)
    res = runner.invoke(app, ["check", str(SEED), "--json"])
    rows = [json.loads(x) for x in res.output.splitlines() if x.strip()]
    assert len(rows) == len(report.checks)
    statuses = [r["status"] for r in rows]
    order = ["fail", "uncertain", "not_assessable", "pass"]
    assert statuses == sorted(statuses, key=order.index)
    assert res.exit_code == (1 if "fail" in statuses else 0)
    human = runner.invoke(app, ["check", str(SEED)], env={"COLUMNS": "250"})
    assert human.exit_code == res.exit_code


@pytest.mark.parametrize("columns", ["80", "250"])
def test_check_shows_every_failed_message_whole_at_any_width(columns):
    # a narrow terminal gets one block per check, a wide one a table; either way a finding's
    # message is printed whole (folded, never cut with an ellipsis)
    report = nlp.extract(SEED)
    res = runner.invoke(app, ["check", str(SEED), "--failed"], env={"COLUMNS": columns})
    flat = "".join(ch for ch in res.output if not ch.isspace() and ch not in "│┃")
    fails = [c for c in report.checks if c.status == "fail"]
    assert fails
    for c in fails:
        assert "".join(c.message.split()) in flat


@pytest.mark.parametrize("columns", ["80", "250"])
def test_tables_and_citations_show_whole_ids_at_any_width(columns):
    # every indicator id and every document number is printed whole, in a narrow terminal too
    report = nlp.extract(SEED)
    flat = lambda out: "".join(ch for ch in out if not ch.isspace() and ch not in "│┃")  # noqa: E731
    tables = flat(runner.invoke(app, ["tables", str(SEED)], env={"COLUMNS": columns}).output)
    for c in report.cells:
        if c.indicator:
            assert c.indicator in tables
    cites = flat(runner.invoke(app, ["citations", str(SEED)], env={"COLUMNS": columns}).output)
    for c in report.citations:
        assert "".join(c.text.split()) in cites


def test_short_refs():
    from nlp.cli.check import short_refs

    assert short_refs(["claim-1", "cell-0-1-2"]) == "claim-1 cell-0-1-2"
    assert short_refs([f"claim-{i}" for i in range(1, 13)]) == "claim-1 … claim-12 (12)"


def test_citations_shows_the_document_numbers_of_the_seed():
    # line 7 of the seed cites 国办发〔2018〕23号, 鲁政办发〔2018〕21号 and 淄政办字〔2018〕118号
    res = runner.invoke(app, ["citations", str(SEED), "--kind", "doc_number", "--json"])
    assert res.exit_code == 0
    rows = [json.loads(x) for x in res.output.splitlines() if x.strip()]
    got = {(r["code"], r["year"], r["serial"]) for r in rows}
    assert {("国办发", 2018, 23), ("鲁政办发", 2018, 21), ("淄政办字", 2018, 118)} <= got
    human = runner.invoke(app, ["citations", str(SEED)], env={"COLUMNS": "250"})
    assert "国办发〔2018〕23号" in human.output


def test_one_report_commands_say_why_a_file_cannot_be_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = runner.invoke(app, ["citations", str(empty)])
    assert res.exit_code == 1
    assert "empty" in res.output


def test_info_reports_versions_and_paths():
    res = runner.invoke(app, ["info", "--json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["xxgk"] == nlp.__version__
    assert data["libraries"]["duckdb"]
    assert Path(data["paths"]["package"]) == Path(nlp.__file__).resolve().parent
    human = runner.invoke(app, ["info"])
    assert "duckdb" in human.output and "models" in human.output


def test_evaluate_prints_figures_and_writes_json(tmp_path):
    gold = ROOT / "corpora" / "gold"
    one = sorted(gold.glob("*.gold.json"))[0]
    res = runner.invoke(app, ["evaluate", str(one), "--json", str(tmp_path / "e.json"),
                              "--brief"])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert data["totals"]["documents"] == 1


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), RuntimeError("Query interrupted")],
                         ids=["KeyboardInterrupt", "duckdb-RuntimeError"])
def test_extract_interrupted_exits_130_and_says_how_to_resume(tmp_path, monkeypatch, exc):
    """Ctrl-C, also when DuckDB reports it as its own error outside a transaction (opening the
    store, reading which documents are done), ends with exit code 130 and a resume hint."""
    import nlp.batch

    def interrupted(*_a, **_k):
        raise exc

    monkeypatch.setattr(nlp.batch, "run_batch", interrupted)
    res = runner.invoke(app, ["extract", str(EXCERPTS[0]), "--out", str(tmp_path / "s.duckdb"),
                              "-w", "1"])
    assert res.exit_code == 130, res.output
    assert "interrupted" in res.output and "resume" in res.output


def test_extract_other_errors_are_not_taken_for_an_interrupt(tmp_path, monkeypatch):
    import nlp.batch

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(nlp.batch, "run_batch", broken)
    res = runner.invoke(app, ["extract", str(EXCERPTS[0]), "--out", str(tmp_path / "s.duckdb"),
                              "-w", "1"])
    assert res.exit_code != 130
    assert isinstance(res.exception, RuntimeError)
