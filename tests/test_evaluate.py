"""evaluate: every matching rule of docs/spec.md §5, on hand-made gold and predicted records.

The document text is real report text (corpora/excerpts/cq_dazu_waiban_2022.txt and
gz_guizhou_province_2018.txt); gold and predictions are written by hand for each case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.errors import UsageError
from nlp.evaluate import EvalResult, evaluate, format_result, score
from nlp.gold import check_offsets, load_gold, reanchor
from nlp.records import Cell, Check, Citation, Claim, Document, Report

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "本单位对政府信息进行了梳理和编目,截至2022年12月31日,累计主动公开政府信息12条"
    "(均在政府网站我单位专栏中公开)。\n"
    "在主动公开的信息中,政务信息公开指南1条,占8%;其他公文5条,占41%;决算预算2条,占17%。\n"
    "本单位2022年度共受理信息公开申请1件。\n"
    "按照《国务院办公厅关于印发2018年政务公开工作要点的通知》(国办发〔2018〕23号)要求。\n"
)


def at(needle: str, after: str = "") -> tuple[int, int]:
    """Offsets of `needle` (searched after the first occurrence of `after`)."""
    s = TEXT.find(needle, TEXT.find(after) if after else 0)
    assert s >= 0, needle
    return s, s + len(needle)


def gclaim(needle: str, value: float, unit: str, after: str = "", **kw) -> dict:
    s, e = at(needle, after)
    return {"start": s, "end": e, "text": needle, "value": value, "unit": unit,
            "context": TEXT[max(0, s - 8):s], **kw}


def pclaim(needle: str, value: float | None, unit: str, after: str = "", **kw) -> Claim:
    s, e = at(needle, after)
    return Claim(doc_id="d", claim_id=f"c{s}", start=s, end=e, text=needle, value=value,
                 unit=unit, **kw)


def gcit(needle: str, code: str, year: int | None, serial: int | None) -> dict:
    s, e = at(needle)
    return {"start": s, "end": e, "text": needle, "code": code, "year": year, "serial": serial}


def pcit(needle: str, code: str, year: int | None, serial: int | None,
         kind: str = "doc_number") -> Citation:
    s, e = at(needle)
    return Citation(doc_id="d", citation_id=f"t{s}", start=s, end=e, kind=kind, text=needle,
                    code=code, year=year, serial=serial)


def cell(indicator: str, value: float | None) -> Cell:
    return Cell(doc_id="d", cell_id=indicator, table="三", row=0, col=0, row_label="",
                col_label="", indicator=indicator, unit="件", value=value, raw=str(value))


def fail(check: str, indicator: str | None, status: str = "fail") -> Check:
    return Check(doc_id="d", check_id=check, check=check, status=status, expected=None,
                 observed=None, indicator=indicator, message="stated 41%, computed 41.7%")


def write_gold(tmp_path: Path, name: str = "doc", text: str = TEXT, **gold) -> Path:
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    g = {"doc": f"{name}.txt", "template": "2021", **gold}
    p = tmp_path / f"{name}.gold.json"
    p.write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    return p


def run(tmp_path: Path, preds: dict, **gold) -> EvalResult:
    p = write_gold(tmp_path, **gold)
    report = Report(document=Document(doc_id="d", path=None, format="txt", text=TEXT), **preds)
    return evaluate(p, extractor=lambda path: report)


# --------------------------------------------------------------------------- claims

CLAIM_CASES = [
    # id, gold claims, predicted claims, (tp, fp, fn), reason of the first miss/false hit
    ("exact", [gclaim("12条", 12, "条")], [pclaim("12条", 12, "条")], (1, 0, 0), None),
    ("overlap_is_enough", [gclaim("12条", 12, "条")], [pclaim("信息12", 12, "条")], (1, 0, 0),
     None),
    ("value_differs", [gclaim("12条", 12, "条")], [pclaim("12条", 2, "条")], (0, 1, 1),
     "value differs"),
    ("unit_differs", [gclaim("1件", 1, "件")], [pclaim("1件", 1, "条")], (0, 1, 1),
     "unit differs"),
    ("no_overlap", [gclaim("12条", 12, "条")], [pclaim("5条", 5, "条")], (0, 1, 1),
     "no overlapping prediction"),
    ("one_to_one", [gclaim("12条", 12, "条")],
     [pclaim("12条", 12, "条"), pclaim("信息12条", 12, "条")], (1, 1, 0), "duplicate"),
    ("percent", [gclaim("41%", 41, "%")], [pclaim("41%", 41.0, "%")], (1, 0, 0), None),
    ("optional_found_counts_neither_way", [gclaim("41%", 41, "%", optional=True)],
     [pclaim("41%", 41, "%")], (0, 0, 0), None),
    ("optional_missed_counts_neither_way", [gclaim("41%", 41, "%", optional=True)], [],
     (0, 0, 0), None),
    ("optional_overlap_with_other_value_ignored", [gclaim("41%", 41, "%", optional=True)],
     [pclaim("41", 41, "个")], (0, 0, 0), None),
    ("zero_in_words_ignored", [gclaim("12条", 12, "条")],
     [pclaim("12条", 12, "条"), pclaim("5条", 0, "条", kind="zero")], (1, 0, 0), None),
]


@pytest.mark.parametrize("gold,preds,expected,reason", [c[1:] for c in CLAIM_CASES],
                         ids=[c[0] for c in CLAIM_CASES])
def test_claim_matching(tmp_path, gold, preds, expected, reason):
    d = run(tmp_path, {"claims": preds}, claims=gold).documents[0]
    assert (d.claims.tp, d.claims.fp, d.claims.fn) == expected
    if reason:
        items = [i for i in d.misses + d.false_hits if i.what == "claim"]
        assert any(reason in i.reason for i in items), [i.reason for i in items]


def test_claim_figures_and_miss_listing(tmp_path):
    gold = [gclaim("12条", 12, "条"), gclaim("1条", 1, "条"), gclaim("8%", 8, "%"),
            gclaim("5条", 5, "条")]
    preds = [pclaim("12条", 12, "条"), pclaim("8%", 8, "%"), pclaim("5条", 50, "条"),
             pclaim("17%", 17, "%")]
    d = run(tmp_path, {"claims": preds}, claims=gold).documents[0]
    assert (d.claims.tp, d.claims.fp, d.claims.fn) == (2, 2, 2)
    assert d.claims.precision == pytest.approx(0.5) and d.claims.recall == pytest.approx(0.5)
    miss = {(i.text, i.reason) for i in d.misses if i.what == "claim"}
    assert miss == {("1条", "no overlapping prediction"), ("5条", "value differs")}
    false = {(i.text, i.predicted, i.reason) for i in d.false_hits if i.what == "claim"}
    assert false == {("5条", "50 条", "value differs"), ("17%", "17 %", "no overlap with any gold item")}


# --------------------------------------------------------------------------- indicators

INDICATOR_CASES = [
    # gold claim kwargs, predicted indicator, (correct, total)
    ({"indicator": "t3.new.total"}, "t3.new.total", (1, 1)),
    ({"indicator": "t3.new.total"}, "t3.carried_over.total", (0, 1)),
    ({"indicator": "t3.new.total"}, None, (0, 1)),
    ({"indicator": None}, None, (1, 1)),
    ({"indicator": None}, "t3.new.total", (0, 1)),  # null: no table counterpart
    ({}, "t3.new.total", (0, 0)),  # key absent: the annotator was unsure, not scored
]


@pytest.mark.parametrize("gkw,pind,expected", INDICATOR_CASES)
def test_indicator_accuracy(tmp_path, gkw, pind, expected):
    d = run(tmp_path, {"claims": [pclaim("1件", 1, "件", indicator=pind)]},
            claims=[gclaim("1件", 1, "件", **gkw)]).documents[0]
    assert (d.indicators.correct, d.indicators.total) == expected


def test_indicator_only_over_matched_claims(tmp_path):
    d = run(tmp_path, {"claims": [pclaim("1件", 2, "件", indicator="t3.new.total")]},
            claims=[gclaim("1件", 1, "件", indicator="t3.new.total")]).documents[0]
    assert d.claims.tp == 0 and d.indicators.total == 0


# --------------------------------------------------------------------------- citations

CITATION_CASES = [
    ([pcit("国办发〔2018〕23号", "国办发", 2018, 23)], (1, 0, 0)),
    ([pcit("〔2018〕23号", "国办发", 2018, 23)], (1, 0, 0)),  # overlap is enough
    ([pcit("国办发〔2018〕23号", "国办函", 2018, 23)], (0, 1, 1)),
    ([pcit("国办发〔2018〕23号", "国办发", 2017, 23)], (0, 1, 1)),
    ([pcit("国办发〔2018〕23号", "国办发", 2018, 32)], (0, 1, 1)),
    ([pcit("国办发〔2018〕23号", "国办发", 2018, 23, kind="title")], (0, 0, 1)),
    ([pcit("《国务院办公厅关于印发2018年政务公开工作要点的通知》", "x", None, None,
           kind="title")], (0, 0, 1)),
]


@pytest.mark.parametrize("preds,expected", CITATION_CASES)
def test_citation_matching(tmp_path, preds, expected):
    gold = [gcit("国办发〔2018〕23号", "国办发", 2018, 23)]
    d = run(tmp_path, {"citations": preds}, citations=gold).documents[0]
    assert (d.citations.tp, d.citations.fp, d.citations.fn) == expected


def test_citation_reason_names_the_field(tmp_path):
    d = run(tmp_path, {"citations": [pcit("国办发〔2018〕23号", "国办发", 2017, 23)]},
            citations=[gcit("国办发〔2018〕23号", "国办发", 2018, 23)]).documents[0]
    assert d.misses[0].reason == "year differs"
    assert d.misses[0].gold == "国办发〔2018〕23号" and d.misses[0].predicted == "国办发〔2017〕23号"


# --------------------------------------------------------------------------- cells

CELL_CASES = [
    # gold value, predicted cells (indicator, value), correct
    (1, [("t3.new.total", 1)], True),
    (1, [("t3.new.total", 1.0)], True),
    (1, [("t3.new.total", 2)], False),
    (None, [("t3.new.total", None)], True),  # null matches null
    (0, [("t3.new.total", None)], False),  # blank is not zero
    (None, [("t3.new.total", 0)], False),
    (1, [], False),  # no predicted cell of that indicator
    (1, [("t3.new.natural", 1)], False),
    (1, [("t3.new.total", 1), ("t3.new.total", 3)], False),  # conflicting duplicates
]


@pytest.mark.parametrize("gval,pcells,correct", CELL_CASES)
def test_cell_accuracy(tmp_path, gval, pcells, correct):
    d = run(tmp_path, {"cells": [cell(i, v) for i, v in pcells]},
            cells=[{"indicator": "t3.new.total", "value": gval}]).documents[0]
    assert (d.cells.correct, d.cells.total) == (int(correct), 1)


def test_extra_predicted_cells_do_not_count(tmp_path):
    d = run(tmp_path, {"cells": [cell("t3.new.total", 1), cell("t3.new.natural", 1)]},
            cells=[{"indicator": "t3.new.total", "value": 1}]).documents[0]
    assert d.cells.accuracy == 1.0


# --------------------------------------------------------------------------- findings

FINDING_CASES = [
    # gold findings, predicted checks, (tp, fp, fn)
    ([("percent_of", None)], [fail("percent_of", None)], (1, 0, 0)),
    ([("percent_of", None)], [fail("percent_of", None, status="uncertain")], (0, 0, 1)),
    ([("percent_of", None)], [fail("percent_of", None, status="pass")], (0, 0, 1)),
    ([("percent_of", None)], [fail("percent_of", "active.total")], (0, 1, 1)),
    ([("percent_of", None)], [fail("parts_vs_total", None)], (0, 1, 1)),
    ([("percent_of", "active.total")] * 2, [fail("percent_of", "active.total")], (1, 0, 1)),
    ([], [fail("t3.balance", "t3.result.total.total")], (0, 1, 0)),
]


@pytest.mark.parametrize("gold,preds,expected", FINDING_CASES)
def test_findings(tmp_path, gold, preds, expected):
    d = run(tmp_path, {"checks": preds},
            findings=[{"check": c, "indicator": i} for c, i in gold]).documents[0]
    assert (d.findings.tp, d.findings.fp, d.findings.fn) == expected


# --------------------------------------------------------------------------- totals


def test_totals_are_micro_averaged(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    pa = write_gold(a, claims=[gclaim("12条", 12, "条"), gclaim("1条", 1, "条"),
                               gclaim("5条", 5, "条")])
    pb = write_gold(b, claims=[gclaim("1件", 1, "件")],
                    cells=[{"indicator": "t3.new.total", "value": 1}])
    reports = {
        pa.parent: Report(document=Document("a", None, "txt", TEXT), claims=[
            pclaim("12条", 12, "条"), pclaim("1条", 1, "条"), pclaim("5条", 5, "条")]),
        pb.parent: Report(document=Document("b", None, "txt", TEXT),
                          claims=[pclaim("17%", 17, "%")], cells=[cell("t3.new.total", 1)]),
    }
    res = evaluate([pa, pb], extractor=lambda path: reports[path.parent])
    t = res.totals
    assert (t.claims.tp, t.claims.fp, t.claims.fn) == (3, 1, 1)
    assert t.claims.precision == pytest.approx(0.75) and t.claims.recall == pytest.approx(0.75)
    # macro average of the two documents' F1 (1.0 and 0.0) would be 0.5
    assert t.claims.f1 == pytest.approx(0.75)
    assert (t.cells.correct, t.cells.total) == (1, 1)
    d = res.to_dict()
    json.dumps(d, ensure_ascii=False)
    assert d["totals"]["claims"]["tp"] == 3 and len(d["documents"]) == 2


def test_undefined_figures_are_none(tmp_path):
    d = run(tmp_path, {}).documents[0]
    assert d.claims.precision is None and d.claims.recall is None and d.claims.f1 is None
    assert d.cells.accuracy is None


# --------------------------------------------------------------------------- gold files


def test_reanchor_recomputes_shifted_offsets(tmp_path):
    p = write_gold(tmp_path, claims=[gclaim("5条", 5, "条")],
                   citations=[{**gcit("国办发〔2018〕23号", "国办发", 2018, 23),
                               "context": "工作要点的通知》("}])
    gold = load_gold(p)
    shifted = "政府信息公开年报\n" + TEXT
    assert len(check_offsets(gold, shifted)) == 2
    fixed, lost = reanchor(gold, shifted)
    assert lost == [] and check_offsets(fixed, shifted) == []
    assert fixed.claims[0].start == gold.claims[0].start + len("政府信息公开年报\n")


def test_reanchor_uses_context_to_pick_the_occurrence(tmp_path):
    # "2条" occurs in 12条 and in 决算预算2条: the context picks the right one
    p = write_gold(tmp_path, claims=[gclaim("2条", 2, "条", after="决算预算")])
    gold = load_gold(p)
    text = TEXT.replace("本单位对", "本单位（大足区外办）对")
    fixed, lost = reanchor(gold, text)
    assert lost == [] and text[fixed.claims[0].start - 4:fixed.claims[0].start] == "决算预算"


def test_reanchor_tolerates_whitespace_changes(tmp_path):
    p = write_gold(tmp_path, claims=[gclaim("41%", 41, "%")])
    text = TEXT.replace("其他公文5条,占41%", "其他公文 5 条, 占 41%")
    fixed, lost = reanchor(load_gold(p), text)
    assert lost == [] and text[fixed.claims[0].start:fixed.claims[0].end] == "41%"


def test_reanchor_reports_what_it_cannot_find(tmp_path):
    p = write_gold(tmp_path, claims=[gclaim("12条", 12, "条")])
    _, lost = reanchor(load_gold(p), TEXT.replace("12条", "十二条"))
    assert len(lost) == 1 and "'12条'" in lost[0]


def test_lost_anchor_is_reported_by_evaluate(tmp_path):
    p = write_gold(tmp_path, claims=[gclaim("12条", 12, "条")])
    text = TEXT.replace("12条", "十二条")
    report = Report(document=Document("d", None, "txt", text))
    d = evaluate(p, extractor=lambda path: report).documents[0]
    assert any("not found" in e for e in d.errors)


BAD_GOLD = [
    ({"claims": [{"start": 5, "end": 3, "text": "12条", "value": 12, "unit": "条"}]},
     "start < end"),
    ({"claims": [{"start": 0, "end": 3, "text": "12条", "value": "12", "unit": "条"}]},
     "value must be a number"),
    ({"claims": [{"start": 0, "end": 4, "text": "12条", "value": 12, "unit": "条"}]},
     "has 3 characters"),
    ({"claims": [{"start": 0, "end": 3, "text": "12条", "value": 12, "unit": "条",
                  "indicator": "active.totl"}]}, "unknown indicator id 'active.totl'"),
    ({"citations": [{"start": 0, "end": 3, "text": "国办发", "code": "国办发", "year": "2018",
                     "serial": 23}]}, "year must be an integer"),
    ({"cells": [{"indicator": "t3.new.total", "value": 1},
                {"indicator": "t3.new.total", "value": 2}]}, "listed twice"),
    ({"cells": [{"indicator": None, "value": 1}]}, "not null"),
    ({"findings": [{"check": "narrative_vs_tabel", "indicator": None}]}, "is not one of"),
    ({"template": "2020"}, "'2020' is not one of"),
    ({"claims": {"start": 0}}, "claims: must be a list"),
]


@pytest.mark.parametrize("gold,message", BAD_GOLD)
def test_invalid_gold_names_file_and_problem(tmp_path, gold, message):
    p = write_gold(tmp_path, **gold)
    with pytest.raises(UsageError) as exc:
        load_gold(p)
    assert str(p) in str(exc.value) and message in str(exc.value)


def test_missing_doc_and_bad_json(tmp_path):
    p = tmp_path / "x.gold.json"
    p.write_text('{"template": "2021"}', encoding="utf-8")
    with pytest.raises(UsageError, match="doc: missing"):
        load_gold(p)
    p.write_text('{"doc": ', encoding="utf-8")
    with pytest.raises(UsageError, match="not valid JSON"):
        load_gold(p)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UsageError, match=r"no \*\.gold\.json"):
        evaluate(empty)


def test_doc_path_resolves_relative_to_gold_file():
    g = load_gold(ROOT / "corpora/gold/cq_dazu_waiban_2022.gold.json")
    assert g.doc_path.resolve() == (ROOT / "corpora/excerpts/cq_dazu_waiban_2022.txt").resolve()
    # the key absent vs null distinction survives loading
    by_text = {c.text: c for c in g.claims}
    assert by_text["12条"].has_indicator and by_text["12条"].indicator is None
    assert not by_text["1件"].has_indicator


# --------------------------------------------------------------------------- end to end


def test_score_uses_report_text_offsets():
    g = load_gold(ROOT / "corpora/gold/cq_dazu_waiban_2022.gold.json")
    text = g.doc_path.read_text(encoding="utf-8")
    gc = next(c for c in g.claims if c.text == "41%")
    pred = Claim(doc_id="d", claim_id="c", start=gc.start, end=gc.end, text="41%", value=41,
                 unit="%", indicator=None)
    d = score(g, Report(document=Document("d", None, "txt", text), claims=[pred]))
    assert d.claims.tp == 1 and d.indicators.correct == 1
    assert d.claims.fn == sum(1 for c in g.claims if not c.optional) - 1


def test_evaluate_development_gold_end_to_end():
    """The real pipeline on corpora/gold: structure only (extractors are still changing)."""
    gold_dir = ROOT / "corpora/gold"
    res = evaluate(gold_dir)
    files = sorted(gold_dir.glob("*.gold.json"))
    assert [Path(d.gold_path).name for d in res.documents] == [f.name for f in files]
    for d, f in zip(res.documents, files, strict=True):
        g = load_gold(f)
        # recall's denominator is always the required gold claims, whatever was extracted
        assert d.claims.tp + d.claims.fn == sum(1 for c in g.claims if not c.optional)
        assert d.citations.tp + d.citations.fn == len(g.citations)
        assert d.cells.total == len(g.cells)
        assert d.findings.tp + d.findings.fn == len(g.findings)
    t = res.totals
    assert t.documents == len(files)
    assert t.claims.tp == sum(d.claims.tp for d in res.documents)
    out = format_result(res)
    assert "TOTAL" in out and "cq_dazu_waiban_2022" in out
    json.dumps(res.to_dict(), ensure_ascii=False)


def test_cli_evaluate_prints_and_writes_json(tmp_path):
    try:
        from nlp.cli import app
    except ModuleNotFoundError as exc:  # other command modules are still being written
        pytest.skip(f"CLI not complete yet: {exc}")
    from typer.testing import CliRunner

    p = write_gold(tmp_path, claims=[gclaim("12条", 12, "条")])
    out = tmp_path / "eval.json"
    res = CliRunner().invoke(app, ["evaluate", str(p), "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "TOTAL (1 documents, micro)" in res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["totals"]["claims"]["tp"] + data["totals"]["claims"]["fn"] == 1
    bad = CliRunner().invoke(app, ["evaluate", str(tmp_path / "missing.gold.json")])
    assert bad.exit_code == 2
