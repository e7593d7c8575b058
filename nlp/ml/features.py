"""Features of the two models, as rows of strings (one column per feature).

Rows are plain tuples of strings so the fitted pipelines hold nothing but scikit-learn,
NumPy and SciPy objects (a `ColumnTransformer` picks the columns by position): skops can load
them with a short allow-list and no custom code. Change a row's layout → bump
`FEATURE_SCHEMA`; loading a model trained on another schema falls back to the rules.

Candidates for the claim scorer are built with the claims module's own compiled rules
(`nlp.extract.claims.rules()`): the same `quantity` patterns, run without the masks, so the
scorer also sees what the rules rejected (dates such as `1月`, codes, ordinals, idioms) as
negatives.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from nlp.records import Citation, Claim, Document

FEATURE_SCHEMA = 1

# --------------------------------------------------------------------------- claim scorer

SCORER_COLUMNS: tuple[str, ...] = (
    "left", "right", "shape", "unit", "pattern", "kind", "section", "position", "value",
)
SCORER_TEXT = (0, 1)  # char n-gram columns
SCORER_CATEGORICAL = (2, 3, 4, 5, 6, 7, 8)
LEFT, RIGHT = 12, 8  # characters of context on either side (normalised view)

_HAN_DIGITS = set("零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟")
_DIGIT_RUN = regex.compile(r"D+")


@dataclass
class Candidate:
    """A number + unit the patterns propose: a rule claim, or one the rules rejected."""

    claim: Claim
    source: str  # "rule" | "masked" | "overlap"


def number_shape(text: str) -> str:
    """`33 条` → `DD条`, `二十六条` → `CCC条`, `12.5万元` → `DD.D万元`, `2018` → `DDDD`
    (only the number is shaped; the unit is kept)."""
    out = []
    for i, ch in enumerate(text):
        if ch.isdigit():
            out.append("D")
        elif ch in _HAN_DIGITS:
            out.append("C")
        elif ch.isspace():
            continue
        elif ch in ".,点" and i:
            out.append(".")
        else:  # the unit and what follows stay as they are
            out.append(text[i:].replace(" ", ""))
            break
    s = "".join(out)
    return _DIGIT_RUN.sub(_digit_run, s)


def _digit_run(m: regex.Match[str]) -> str:
    n = len(m.group())
    return "D" if n == 1 else "DD" if n <= 3 else "DDDD"


def _value_bin(value: float | None, text: str) -> str:
    if value is None:
        return "none"
    v = float(value)
    tag = ""
    if v.is_integer() and 1949 <= v <= 2035 and any(ch.isdigit() for ch in text):
        tag = "yearlike:"
    if v == 0:
        return tag + "0"
    return tag + str(min(int(math.log10(abs(v))), 9) if abs(v) >= 1 else -1)


def _section_kind(doc: Document, offset: int) -> str:
    sec = doc.section_at(offset)
    if sec is None:
        return "none"
    return sec.kind or f"level{sec.level}"


def scorer_row(doc: Document, claim: Claim) -> tuple[str, ...]:
    """The scorer's feature row of one claim or candidate."""
    norm = doc.norm
    nt = norm.text
    ns, ne = norm.to_norm(claim.start), norm.to_norm(claim.end)
    left = nt[max(0, ns - LEFT):ns]
    right = nt[ne:ne + RIGHT]
    n = max(len(doc.text), 1)
    return (
        left,
        right,
        number_shape(claim.text),
        claim.unit or "",
        claim.extractor.split("@", 1)[0].split("+", 1)[0],
        claim.kind,
        _section_kind(doc, claim.start),
        str(min(int(10 * claim.start / n), 9)),
        _value_bin(claim.value, claim.text),
    )


def candidates(doc: Document, citations: list[Citation], claims: list[Claim]
               ) -> Iterator[Candidate]:
    """The rule claims (except zeros in words), then every other number + unit the `quantity`
    patterns match when nothing is masked, outside tables, not overlapping a rule claim."""
    from nlp.extract import claims as cl

    r = cl.rules()
    nt = doc.norm.text
    taken = bytearray(len(doc.text) + 1)
    for c in claims:
        if c.kind == "zero":
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        yield Candidate(c, "rule")
    if not nt:
        return
    mask = cl._mask(doc, citations, r)
    in_table = bytearray(len(doc.text) + 1)
    for t in doc.tables:
        in_table[t.start:t.end] = b"\x01" * (t.end - t.start)
    seen: set[tuple[int, int]] = set()
    for p in r.by_role("quantity"):
        for m in p.rx.finditer(nt):
            f = cl._quantity(doc, p, m, r)
            if f is None:
                continue
            c = f.claim
            if (c.start, c.end) in seen or c.start >= c.end:
                continue
            if in_table.find(1, c.start, c.end) != -1 or cl._table_like_line(doc.text, c.start):
                continue
            if taken.find(1, c.start, c.end) != -1:
                continue
            seen.add((c.start, c.end))
            masked = mask.find(1, m.start("num"), m.end()) != -1
            c.claim_id = f"candidate-{len(seen)}"
            yield Candidate(c, "masked" if masked else "overlap")


# --------------------------------------------------------------------------- indicator classifier

INDICATOR_COLUMNS: tuple[str, ...] = (
    "words", "heading", "unit", "template", "kind", "part",
)
INDICATOR_TEXT = (0, 1)
INDICATOR_CATEGORICAL = (2, 3, 4, 5)
NONE_LABEL = "<none>"


def indicator_row(doc: Document, claim: Claim) -> tuple[str, ...]:
    """The classifier's feature row: subject + clause, heading, unit, template, kind, part."""
    from nlp.link import claim_context

    nt = doc.norm.text
    ns, ne = doc.norm.to_norm(claim.start), doc.norm.to_norm(claim.end)
    shifted = Claim(doc_id=claim.doc_id, claim_id=claim.claim_id, start=ns, end=ne,
                    text=claim.text, value=claim.value, unit=claim.unit, kind=claim.kind)
    clause = claim_context(nt, shifted)
    words = f"{claim.subject or ''} | {clause}"
    part = "part" if (claim.parent or "其中" in claim.qualifiers) else "whole"
    if claim.direction or "同比" in claim.qualifiers:
        part = "change"
    return (words, claim.section or "", claim.unit or "", doc.template or "none",
            claim.kind, part)


def synthetic_indicator_rows() -> list[tuple[tuple[str, ...], str]]:
    """Short examples from the indicator labels and their table-label variants:
    (row, id) for every template an id exists in."""
    from nlp.tables.labels import indicators, label_key, table_labels

    inds = indicators()
    labels: dict[str, set[str]] = {}

    def add(ind: str, text: str) -> None:
        if ind in inds and text:
            labels.setdefault(ind, set()).add(text)

    for ind, row in inds.items():
        add(ind, row["label"])
    tl = table_labels()
    t2 = tl.get("t2", {})
    for rk, rlabs in t2.get("rows", {}).items():
        for ck, clabs in t2.get("cols", {}).items():
            for a in rlabs:
                for b in clabs:
                    add(f"t2.{rk}.{ck}", f"{a}{b}")
    t3 = tl.get("t3", {})
    for rk, rlabs in t3.get("rows", {}).items():
        for a in rlabs:
            add(f"t3.{rk}.total", a)
    t4 = tl.get("t4", {})
    for bk, blabs in t4.get("blocks", {}).items():
        for a in blabs:
            add(f"t4.{bk}.total", a)
    pre = tl.get("pre2019", {})
    for ind, labs in pre.get("variants", {}).items():
        for a in labs:
            add(ind, a)
    for sec in pre.get("sections", ()):
        if sec.get("id"):
            for a in sec.get("labels", ()):
                add(sec["id"], a)
    out: list[tuple[tuple[str, ...], str]] = []
    for ind in sorted(labels):
        row = inds[ind]
        unit = row["unit"] or "件"
        kind = "money" if "元" in unit else "count"
        unit = "元" if kind == "money" else unit
        part = "part" if row["parent"] else "whole"
        for text in sorted(labels[ind]):
            key = label_key(text)
            for tpl in row["templates"]:
                out.append(((f"{key} | {text}", "", unit, tpl, kind, part), ind))
    return out
