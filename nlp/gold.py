"""Gold annotations: load, validate and re-anchor `<name>.gold.json` files (docs/spec.md §5).

    >>> from nlp.gold import load_gold, reanchor
    >>> gold = load_gold("corpora/gold/seed.gold.json")
    >>> gold.doc_path.name
    '000_65d192663e1ca53a.txt'
    >>> fixed, lost = reanchor(gold, text)   # offsets recomputed from `text` + `context`

A gold file is one JSON object: `doc` (path relative to the gold file), `template`, and the
lists `claims`, `citations`, `cells`, `findings` (each may be absent or empty), plus free
`notes`. Validation errors raise `nlp.errors.UsageError` naming the file and the problem.

A claim's `indicator` key has three states, and they score differently: a canonical id, `null`
(the claim has no table counterpart, so predicting any id is wrong), or absent (the annotator
was not sure; indicator accuracy skips the claim). `GoldClaim.has_indicator` keeps that apart.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp.errors import UsageError

TEMPLATES: tuple[str, ...] = ("pre2019", "2019", "2021", "local")
CHECKS: tuple[str, ...] = (
    "narrative_vs_table", "percent_of", "parts_vs_total", "t3.balance", "t3.results_sum",
    "t3.columns_sum", "t4.block_sum", "pre2019.children_sum", "pre2019.part_le_total",
)


@dataclass(frozen=True)
class GoldClaim:
    start: int
    end: int
    text: str
    value: float
    unit: str
    indicator: str | None = None
    has_indicator: bool = False  # False: the key was absent (annotator unsure), not scored
    optional: bool = False
    context: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class GoldCitation:
    start: int
    end: int
    text: str
    code: str
    year: int | None
    serial: int | None
    optional: bool = False
    context: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class GoldCell:
    indicator: str | None
    value: float | None
    note: str | None = None


@dataclass(frozen=True)
class GoldFinding:
    check: str
    indicator: str | None
    note: str | None = None


@dataclass(frozen=True)
class Gold:
    """One gold file. `doc_path` is `doc` resolved against the gold file's folder."""

    path: Path
    doc: str
    doc_path: Path
    template: str | None
    claims: tuple[GoldClaim, ...] = ()
    citations: tuple[GoldCitation, ...] = ()
    cells: tuple[GoldCell, ...] = ()
    findings: tuple[GoldFinding, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def indicator_ids() -> frozenset[str]:
    """The canonical ids of `nlp/data/indicators.tsv`."""
    path = Path(__file__).parent / "data" / "indicators.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.split("\t", 1)[0] for ln in lines[1:] if ln.strip())


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


class _Checker:
    """Collects validation problems of one file so the error lists all of them at once."""

    def __init__(self, path: Path, check_ids: bool) -> None:
        self.path = path
        self.check_ids = check_ids
        self.problems: list[str] = []

    def need(self, ok: bool, where: str, what: str) -> bool:
        if not ok:
            self.problems.append(f"{where}: {what}")
        return ok

    def indicator(self, v: Any, where: str, allow_null: bool = True) -> None:
        if v is None:
            self.need(allow_null, where, "indicator must be a canonical id, not null")
            return
        if self.need(isinstance(v, str), where, f"indicator must be a string, got {v!r}") and \
                self.check_ids:
            self.need(v in indicator_ids(), where,
                      f"unknown indicator id {v!r} (see nlp/data/indicators.tsv)")

    def span(self, item: dict[str, Any], where: str) -> bool:
        s, e = item.get("start"), item.get("end")
        ok = self.need(_int(s) and _int(e), where, f"start/end must be integers, got {s!r}/{e!r}")
        ok = ok and self.need(0 <= s < e, where, f"need 0 <= start < end, got {s}..{e}")
        t = item.get("text")
        ok = self.need(isinstance(t, str) and t != "", where, "text must be a non-empty string") \
            and ok
        if ok:
            self.need(len(t) == e - s, where,
                      f"text {t!r} has {len(t)} characters but the span {s}..{e} has {e - s}")
        ctx = item.get("context")
        self.need(ctx is None or isinstance(ctx, str), where, "context must be a string")
        return ok


def _list(raw: dict[str, Any], key: str, chk: _Checker) -> list[Any]:
    v = raw.get(key, [])
    if v is None:
        return []
    if not isinstance(v, list):
        chk.need(False, key, f"must be a list, got {type(v).__name__}")
        return []
    return v


def _parse(raw: Any, path: Path, check_ids: bool) -> Gold:
    chk = _Checker(path, check_ids)
    if not isinstance(raw, dict):
        raise UsageError(f"{path}: a gold file is a JSON object, got {type(raw).__name__}")
    doc = raw.get("doc")
    chk.need(isinstance(doc, str) and doc != "", "doc",
             "missing or empty; give the report's path relative to the gold file")
    template = raw.get("template")
    chk.need(template is None or template in TEMPLATES, "template",
             f"{template!r} is not one of {', '.join(TEMPLATES)}")

    claims: list[GoldClaim] = []
    for i, c in enumerate(_list(raw, "claims", chk)):
        where = f"claims[{i}]"
        if not chk.need(isinstance(c, dict), where, "must be an object"):
            continue
        ok = chk.span(c, where)
        ok = chk.need(_number(c.get("value")), where,
                      f"value must be a number, got {c.get('value')!r}") and ok
        ok = chk.need(isinstance(c.get("unit"), str) and c.get("unit") != "", where,
                      "unit must be a non-empty string") and ok
        chk.need(isinstance(c.get("optional", False), bool), where, "optional must be true/false")
        if "indicator" in c:
            chk.indicator(c["indicator"], where)
        if ok:
            claims.append(GoldClaim(
                start=c["start"], end=c["end"], text=c["text"], value=c["value"], unit=c["unit"],
                indicator=c.get("indicator"), has_indicator="indicator" in c,
                optional=bool(c.get("optional", False)), context=c.get("context"),
                note=c.get("note"),
            ))

    citations: list[GoldCitation] = []
    for i, c in enumerate(_list(raw, "citations", chk)):
        where = f"citations[{i}]"
        if not chk.need(isinstance(c, dict), where, "must be an object"):
            continue
        ok = chk.span(c, where)
        ok = chk.need(isinstance(c.get("code"), str) and c.get("code") != "", where,
                      "code must be a non-empty string") and ok
        ok = chk.need(c.get("year") is None or _int(c.get("year")), where,
                      f"year must be an integer or null, got {c.get('year')!r}") and ok
        ok = chk.need(c.get("serial") is None or _int(c.get("serial")), where,
                      f"serial must be an integer or null, got {c.get('serial')!r}") and ok
        if ok:
            citations.append(GoldCitation(
                start=c["start"], end=c["end"], text=c["text"], code=c["code"],
                year=c.get("year"), serial=c.get("serial"),
                optional=bool(c.get("optional", False)), context=c.get("context"),
                note=c.get("note"),
            ))

    cells: list[GoldCell] = []
    seen: set[str] = set()
    for i, c in enumerate(_list(raw, "cells", chk)):
        where = f"cells[{i}]"
        if not chk.need(isinstance(c, dict) and "indicator" in c, where,
                        "must be an object with 'indicator' and 'value'"):
            continue
        chk.indicator(c.get("indicator"), where, allow_null=False)
        v = c.get("value")
        ok = chk.need(v is None or _number(v), where, f"value must be a number or null, got {v!r}")
        ind = c.get("indicator")
        if isinstance(ind, str):
            ok = chk.need(ind not in seen, where, f"indicator {ind!r} is listed twice") and ok
            seen.add(ind)
        if ok and isinstance(ind, str):
            cells.append(GoldCell(indicator=ind, value=v, note=c.get("note")))

    findings: list[GoldFinding] = []
    for i, f in enumerate(_list(raw, "findings", chk)):
        where = f"findings[{i}]"
        if not chk.need(isinstance(f, dict), where, "must be an object"):
            continue
        ok = chk.need(f.get("check") in CHECKS, where,
                      f"check {f.get('check')!r} is not one of {', '.join(CHECKS)}")
        chk.indicator(f.get("indicator"), where)
        if ok:
            findings.append(GoldFinding(check=f["check"], indicator=f.get("indicator"),
                                        note=f.get("note")))

    notes = raw.get("notes", [])
    chk.need(isinstance(notes, list) and all(isinstance(n, str) for n in notes), "notes",
             "must be a list of strings")
    if chk.problems:
        shown = "; ".join(chk.problems[:10])
        more = f" (and {len(chk.problems) - 10} more)" if len(chk.problems) > 10 else ""
        raise UsageError(f"{path}: invalid gold file: {shown}{more}")
    return Gold(
        path=path, doc=doc, doc_path=Path(os.path.normpath(path.parent / doc)), template=template,
        claims=tuple(claims), citations=tuple(citations), cells=tuple(cells),
        findings=tuple(findings), notes=tuple(notes),
    )


def load_gold(path: str | os.PathLike[str], *, check_ids: bool = True) -> Gold:
    """Read and validate one gold file. `check_ids` also checks every indicator id exists.

    Raises `UsageError` (naming the file) for unreadable JSON or invalid content. The report
    itself is not opened: use `check_offsets`/`reanchor` with its text for the spans.
    """
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UsageError(f"{p}: no such gold file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{p}: cannot read gold file: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"{p}: not valid JSON: {exc}") from exc
    return _parse(raw, p, check_ids)


def gold_files(path: str | os.PathLike[str]) -> list[Path]:
    """The gold files of a folder (`*.gold.json`, sorted), or `[path]` for a file."""
    p = Path(path)
    if p.is_dir():
        files = sorted(p.glob("*.gold.json"))
        if not files:
            raise UsageError(f"{p}: no *.gold.json files in this folder")
        return files
    if not p.exists():
        raise UsageError(f"{p}: no such gold file or folder")
    return [p]


# --------------------------------------------------------------------------- offsets


def check_offsets(gold: Gold, text: str) -> list[str]:
    """Spans whose `text[start:end]` differs from the stored `text` (empty list: all fine)."""
    out = []
    for kind, items in (("claim", gold.claims), ("citation", gold.citations)):
        for it in items:
            got = text[it.start:it.end]
            if got != it.text:
                out.append(f"{kind} {it.start}..{it.end}: gold {it.text!r}, document {got!r}")
    return out


def _ws_pattern(s: str) -> str:
    import regex

    return r"\s*".join(regex.escape(ch) for ch in s if not ch.isspace())


def _find_anchor(text: str, span: str, context: str | None, near: int) -> tuple[int, int] | None:
    """Where `context + span` occurs in `text` (closest to `near` when several do).

    Exact search first; then a whitespace-tolerant search (readers differ in whitespace).
    Without a context (or if it is not found), `span` alone is accepted only when unique.
    """
    import regex

    from nlp.scan import find_all

    def closest(hits: list[tuple[int, int]]) -> tuple[int, int] | None:
        return min(hits, key=lambda h: abs(h[0] - near)) if hits else None

    if context:
        hits = [(i + len(context), i + len(context) + len(span))
                for i in find_all(text, context + span)]
        if hits:
            return closest(hits)
        pat = regex.compile(f"(?:{_ws_pattern(context)})\\s*({_ws_pattern(span)})")
        hits = [(m.start(1), m.end(1)) for m in pat.finditer(text, overlapped=True)]
        if hits:
            return closest(hits)
    hits = [(m.start(), m.end()) for m in regex.finditer(regex.escape(span), text, overlapped=True)]
    if len(hits) == 1:
        return hits[0]
    return None


def reanchor(gold: Gold, text: str) -> tuple[Gold, list[str]]:
    """Recompute the `start`/`end` of claims and citations whose stored offsets no longer
    match `text`, from their `text` and `context`.

    Returns the fixed `Gold` and a list of the spans that could not be re-anchored (those keep
    their old offsets). Spans that already match are left alone.
    """
    lost: list[str] = []

    def fix(kind: str, items: tuple[Any, ...]) -> tuple[Any, ...]:
        out = []
        for it in items:
            if text[it.start:it.end] == it.text:
                out.append(it)
                continue
            hit = _find_anchor(text, it.text, it.context, it.start)
            if hit is None:
                why = "context and text not found" if it.context else "no context and text " \
                    "not unique"
                lost.append(f"{kind} {it.start}..{it.end} {it.text!r}: {why}")
                out.append(it)
            else:
                s, e = hit
                out.append(dataclasses.replace(it, start=s, end=e, text=text[s:e]))
        return tuple(out)

    fixed = dataclasses.replace(gold, claims=fix("claim", gold.claims),
                                citations=fix("citation", gold.citations))
    return fixed, lost
