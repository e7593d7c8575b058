"""Development gold set (corpora/gold/*.gold.json): every file is well-formed against docs/spec.md.

For every gold file: the document exists; every claim and citation span round-trips
(`text == doc.text[start:end]`, and `context` is the text just before the span); every indicator
id exists in nlp/data/indicators.tsv; every check id is one of docs/spec.md §4; claims do not
overlap; values are numbers. A gold file whose reader module (nlp/ingest/<format>.py) does not
exist yet is skipped for the offset tests only.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from nlp.ingest import EXTENSIONS, read

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "corpora" / "gold"
GOLD_FILES = sorted(GOLD_DIR.rglob("*.gold.json"))  # dev set and corpora/gold/heldout


def _gold_id(path: Path) -> str:
    """heldout68/xx.gold.json: `pytest -k heldout68` selects one set's files."""
    return str(path.relative_to(GOLD_DIR))
TEMPLATES = {"pre2019", "2019", "2021", "local", None}


def _ids() -> frozenset[str]:
    lines = (ROOT / "nlp" / "data" / "indicators.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t")[0] for line in lines[1:] if line.strip())


def _check_ids() -> frozenset[str]:
    """Check ids listed in the tables of docs/spec.md from §4 up to §5 (new ones included)."""
    spec = (ROOT / "docs" / "spec.md").read_text(encoding="utf-8")
    start = spec.index("## 4.")
    end = spec.index("## 5.", start)
    return frozenset(re.findall(r"^\|\s*`([^`]+)`\s*\|", spec[start:end], flags=re.M))


IDS = _ids()
CHECK_IDS = _check_ids()


@cache
def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _doc_path(path: Path) -> Path:
    return (path.parent / _gold(path)["doc"]).resolve()


@cache
def _text(doc: Path) -> str:
    return read(doc).text


def _reader_exists(doc: Path) -> bool:
    kind = EXTENSIONS.get(doc.suffix.lower())
    return kind is not None and importlib.util.find_spec(f"nlp.ingest.{kind}") is not None


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _ids_used(g: dict) -> list[tuple[str, str]]:
    out = []
    for part in ("claims", "cells", "findings"):
        for rec in g.get(part, []):
            ind = rec.get("indicator")
            if ind is not None:
                out.append((part, ind))
    return out


def test_gold_set_is_not_empty() -> None:
    assert len(GOLD_FILES) >= 10
    assert CHECK_IDS >= {"narrative_vs_table", "percent_of", "parts_vs_total", "t3.balance"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_doc_exists_and_fields(path: Path) -> None:
    g = _gold(path)
    assert _doc_path(path).is_file(), g["doc"]
    assert g.get("template") in TEMPLATES
    for key in ("claims", "citations", "cells", "findings"):
        assert isinstance(g.get(key, []), list), key


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_spans_round_trip(path: Path) -> None:
    doc = _doc_path(path)
    if not _reader_exists(doc):
        pytest.skip(f"no reader yet for {doc.suffix}")
    text = _text(doc)
    g = _gold(path)
    for rec in g.get("claims", []) + g.get("citations", []):
        s, e = rec["start"], rec["end"]
        assert 0 <= s < e <= len(text), rec
        assert text[s:e] == rec["text"], (rec, text[s:e])
        if "context" in rec:
            assert text[max(0, s - len(rec["context"])):s] == rec["context"], rec


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_indicator_ids_exist(path: Path) -> None:
    unknown = [(part, ind) for part, ind in _ids_used(_gold(path)) if ind not in IDS]
    assert not unknown


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_check_ids_exist(path: Path) -> None:
    for f in _gold(path).get("findings", []):
        assert f["check"] in CHECK_IDS, f


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_claims_do_not_overlap(path: Path) -> None:
    claims = sorted(_gold(path).get("claims", []), key=lambda c: (c["start"], c["end"]))
    for a, b in pairwise(claims):
        assert a["end"] <= b["start"], (a["text"], b["text"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_values_are_numbers(path: Path) -> None:
    g = _gold(path)
    for c in g.get("claims", []):
        assert _is_number(c["value"]) and isinstance(c["unit"], str) and c["unit"], c
    for c in g.get("cells", []):
        assert c["value"] is None or _is_number(c["value"]), c
    for c in g.get("citations", []):
        assert isinstance(c["code"], str) and c["code"], c
        assert c["year"] is None or isinstance(c["year"], int), c
        assert isinstance(c["serial"], int), c


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_one_cell_per_indicator(path: Path) -> None:
    inds = [c["indicator"] for c in _gold(path).get("cells", [])]
    assert len(inds) == len(set(inds))


# Spot checks written from reading the reports: (gold file, claim text, value, unit, indicator).
SPOT = [
    ("fj_pingtan_county_2011.gold.json", "425条", 425, "条", "active.total"),
    ("fj_pingtan_dishui_2013.gold.json", "219062.78元", 219062.78, "元", None),
    ("fj_pingtan_dishui_2013.gold.json", "约4900人次", 4900, "人次", None),
    ("fj_pingtan_2022.gold.json", "698件", 698, "件", "t2.normative.in_force"),
    ("fj_pingtan_2023.gold.json", "51.85%", 51.85, "%", None),
    ("fj_pingtan_2025.gold.json", "154件", 154, "件", "t3.new.total"),
]


@pytest.mark.parametrize(("name", "text", "value", "unit", "indicator"), SPOT)
def test_spot_claims(name: str, text: str, value: float, unit: str, indicator: str | None) -> None:
    path = GOLD_DIR / name
    if not path.exists():
        pytest.skip(f"{name} not written")
    hits = [c for c in _gold(path)["claims"] if c["text"] == text]
    assert hits, text
    assert any(c["value"] == value and c["unit"] == unit and c.get("indicator") == indicator
               for c in hits)
