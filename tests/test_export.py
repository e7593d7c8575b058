"""The store's schema, `Report.to_frames()`, the file formats and `nlp.read_store`."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import duckdb
import pytest

import nlp
from nlp import export
from nlp.batch import run_batch
from nlp.pipeline import doc_id_for
from nlp.records import Cell, Check, Citation, Claim, Document, ErrorRecord, Link

SEED = Path("corpora/seeds/000_65d192663e1ca53a.txt")
CORPUS_TXT = [SEED, Path("corpora/full/fj_pingtan_2019.txt"), Path("corpora/more/fj_pingtan_2011.txt")]

# docs/spec.md section 3: the fields every export must carry (the records may add more)
SPEC_FIELDS = {
    "documents": ["doc_id", "path", "format", "title", "agency", "region", "year", "template",
                  "n_chars"],
    "claims": ["doc_id", "claim_id", "start", "end", "value", "unit", "approx", "subject",
               "qualifiers", "parent", "section", "sentence", "indicator", "confidence",
               "extractor"],
    "citations": ["start", "end", "kind", "text", "code", "year", "serial", "normalized",
                  "title", "refers_to", "issuer"],
    "cells": ["doc_id", "table", "row", "col", "row_label", "col_label", "indicator", "unit",
              "value", "raw"],
    "links": ["claim_id", "cell_id", "score", "method"],
    "checks": ["check", "status", "expected", "observed", "refs", "message"],
    "errors": ["path", "stage", "message"],
}
RECORDS = {"claims": Claim, "citations": Citation, "cells": Cell, "links": Link,
           "checks": Check, "errors": ErrorRecord}


def _fields(table: str) -> list[str]:
    if table == "documents":
        return list(Document.EXPORT)
    return [f.name for f in dataclasses.fields(RECORDS[table]) if not f.name.startswith("_")]


def _clean(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def _records(df) -> list[dict]:
    rows = [{k: _clean(v) for k, v in r.items()} for r in df.to_dict("records")]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False,
                                                 default=str))


# --------------------------------------------------------------------------- schema


@pytest.mark.parametrize("table", list(SPEC_FIELDS))
def test_columns_are_the_record_fields_and_cover_the_spec(table):
    cols = [c.name for c in export.table_columns(table)]
    assert cols == _fields(table)
    assert set(SPEC_FIELDS[table]) <= set(cols)


@pytest.mark.parametrize("table, column, duckdb_type", [
    ("documents", "doc_id", "VARCHAR"),
    ("documents", "region", "JSON"),          # dict: province / city / county
    ("documents", "year", "INTEGER"),
    ("documents", "n_chars", "INTEGER"),
    ("claims", "start", "INTEGER"),
    ("claims", "value", "DOUBLE"),            # 12.5万元 → 125000.0
    ("claims", "qualifiers", "VARCHAR[]"),
    ("claims", "sentence", "INTEGER[2]"),     # a span
    ("claims", "confidence", "DOUBLE"),
    ("citations", "serial", "INTEGER"),
    ("citations", "resolved", "BOOLEAN"),
    ("cells", "value", "DOUBLE"),
    ("checks", "refs", "VARCHAR[]"),
    ("links", "score", "DOUBLE"),
])
def test_documented_types_in_an_empty_store(tmp_path, table, column, duckdb_type):
    con = duckdb.connect(str(tmp_path / "empty.duckdb"))
    export.create_schema(con)
    types = dict(con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
        [table]).fetchall())
    con.close()
    assert types[column] == duckdb_type


def test_empty_store_has_every_table_with_its_columns(tmp_path):
    con = duckdb.connect(str(tmp_path / "empty.duckdb"))
    export.create_schema(con)
    con.close()
    frames = nlp.read_store(tmp_path / "empty.duckdb")
    for table in SPEC_FIELDS:
        assert list(frames[table].columns) == _fields(table)
        assert len(frames[table]) == 0


def test_schema_grows_when_a_record_gains_a_field(tmp_path):
    """An old store (made before a field was added) gets the new column, nothing else moves."""
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE links (doc_id VARCHAR, claim_id VARCHAR)")
    export.create_schema(con)
    cols = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'links' "
        "ORDER BY ordinal_position").fetchall()]
    con.close()
    assert cols[:2] == ["doc_id", "claim_id"]
    assert set(cols) == set(_fields("links"))


# --------------------------------------------------------------------------- to_frames


def test_to_frames_has_the_spec_columns_even_when_empty():
    report = nlp.extract_text("本年度未收到政府信息公开申请。")
    frames = report.to_frames()
    assert set(frames) >= set(SPEC_FIELDS)
    for table in SPEC_FIELDS:
        assert list(frames[table].columns) == _fields(table)
    assert len(frames["documents"]) == 1
    assert len(frames["cells"]) == 0


@pytest.mark.parametrize("path", CORPUS_TXT, ids=lambda p: p.name)
def test_to_frames_rows_match_the_records(path):
    report = nlp.extract(path)
    frames = report.to_frames()
    assert len(frames["claims"]) == len(report.claims)
    assert len(frames["citations"]) == len(report.citations)
    assert len(frames["cells"]) == len(report.cells)
    doc = frames["documents"].iloc[0]
    assert doc["doc_id"] == report.document.doc_id
    assert doc["n_chars"] == len(report.document.text)
    for row, claim in zip(frames["claims"].to_dict("records"), report.claims, strict=True):
        assert report.document.text[row["start"]:row["end"]] == claim.text
        assert row["qualifiers"] == list(claim.qualifiers)
        assert row["sentence"] == (None if claim.sentence is None else list(claim.sentence))


def test_region_dict_round_trips_as_json():
    report = nlp.extract_text("2018年，共收到政府信息公开申请1件。")
    report.document.region = {"province": "山东省", "city": "淄博市", "county": "高青县"}
    row = report.to_frames()["documents"].iloc[0]
    assert row["region"] == {"province": "山东省", "city": "淄博市", "county": "高青县"}


# --------------------------------------------------------------------------- formats


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """The same three reports written in every format."""
    base = tmp_path_factory.mktemp("stores")
    out = {}
    for fmt in ("duckdb", "parquet", "csv", "jsonl"):
        target = base / ("s.duckdb" if fmt == "duckdb" else fmt)
        summary = run_batch(CORPUS_TXT, target, format=fmt, workers=1)
        assert summary.documents == len(CORPUS_TXT)
        out[fmt] = target
    return out


@pytest.fixture(scope="module")
def expected():
    out: dict[str, list] = {}
    for p in CORPUS_TXT:
        for table, df in nlp.extract(p).to_frames().items():
            out.setdefault(table, []).extend(_records(df))
    return out


@pytest.mark.parametrize("fmt", ["duckdb", "parquet", "csv", "jsonl"])
def test_read_store_gives_what_to_frames_gives(stores, expected, fmt):
    frames = nlp.read_store(stores[fmt])
    for table in SPEC_FIELDS:
        assert list(frames[table].columns) == _fields(table), table
        got = _records(frames[table])
        want = sorted(expected[table], key=lambda r: json.dumps(r, sort_keys=True,
                                                                ensure_ascii=False, default=str))
        # documents.path is the path as given to the batch
        assert got == want, table


@pytest.mark.parametrize("table", list(SPEC_FIELDS))
def test_jsonl_lines_carry_exactly_the_field_names(stores, table):
    path = stores["jsonl"] / f"{table}.jsonl"
    assert path.exists()
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    for obj in lines:
        assert list(obj) == _fields(table)


def test_jsonl_nested_values_are_json(stores):
    lines = [json.loads(x) for x in
             (stores["jsonl"] / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {d["doc_id"] for d in lines} == {doc_id_for(p.read_bytes()) for p in CORPUS_TXT}
    for d in lines:
        assert isinstance(d["region"], (dict, type(None)))
        assert isinstance(d["n_chars"], int)


def test_csv_stores_lists_as_json_text(stores):
    import csv

    with open(stores["csv"] / "claims.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == _fields("claims") if rows else True
    for r in rows:
        assert isinstance(json.loads(r["qualifiers"]), list)


def test_parquet_tables_are_read_by_duckdb_directly(stores):
    n = duckdb.sql(f"SELECT count(*) FROM '{stores['parquet'] / 'documents.parquet'}'").fetchall()[0]
    assert n[0] == len(CORPUS_TXT)


def test_read_store_rejects_what_is_not_a_store(tmp_path):
    from nlp.errors import UsageError

    with pytest.raises(UsageError, match="no such store"):
        nlp.read_store(tmp_path / "missing.duckdb")
    with pytest.raises(UsageError, match="no tables found"):
        nlp.read_store(tmp_path)
