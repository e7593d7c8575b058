"""Records: the dataclasses every stage produces (the data contract, docs/spec.md section 3).

Offsets (`start`, `end`) are character offsets into `Document.text`, end exclusive, so
`document.text[rec.start:rec.end]` is always the source text of a record.

Records are plain dataclasses. `to_row()` gives the flat dict that the exporters write (one
column per spec field); nested values (lists, dicts, spans) are kept as Python objects and the
exporters decide how to store them.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

Span = tuple[int, int]


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name in skip or f.name.startswith("_"):
            continue
        v = getattr(obj, f.name)
        if isinstance(v, tuple):
            v = list(v)
        out[f.name] = v
    return out


# --------------------------------------------------------------------------- structure


@dataclass
class Section:
    """A heading and the text it governs. `level` 1 = 一、, 2 = （一）, 3 = 1. , 4 = (1) / 一是."""

    start: int
    end: int
    heading: str
    heading_start: int
    heading_end: int
    level: int
    number: str = ""
    parent: int | None = None  # index into Document.sections
    kind: str = ""  # canonical section kind, e.g. "active", "requests", "review", "problems"


@dataclass
class Paragraph:
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int = -1
    section: int | None = None


@dataclass
class TableCell:
    """One physical cell of a table as read from the source (merged cells appear once)."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    start: int = -1  # offsets of the cell text inside Document.text (-1 when not rendered)
    end: int = -1
    note: str = ""  # how the cell was cut from its source (digit runs: the split evidence)


def grid_rows(cells: Iterable[Any]) -> int:
    """Rows of the grid that cells with `row` and `rowspan` occupy."""
    return max([c.row + c.rowspan for c in cells], default=0)  # (a list: no generator)


def grid_cols(cells: Iterable[Any]) -> int:
    """Columns of the grid that cells with `col` and `colspan` occupy."""
    return max([c.col + c.colspan for c in cells], default=0)  # (a list: no generator)


@dataclass
class Table:
    """A table: from HTML/DOCX/PDF markup, or a table block found inside plain text.

    `cells` holds each physical cell once. `grid()` expands rowspan/colspan into a rectangle
    whose entries are indices into `cells`, so a merged cell is one object seen from several
    grid positions and is never counted twice.
    """

    index: int
    start: int
    end: int
    cells: list[TableCell] = field(default_factory=list)
    source: str = "text"  # text | html | docx | pdf
    caption: str = ""
    pages: list[int] = field(default_factory=list)
    # the text ends inside the table (an excerpt cut mid-row): its last row may be incomplete
    cut: bool = False
    # the reader placed every row's cells in the form's own columns, the ones printed empty
    # included (a column blank from top to bottom is then a column, not a converter's artefact)
    fixed_columns: bool = False

    @property
    def n_rows(self) -> int:
        return grid_rows(self.cells)

    @property
    def n_cols(self) -> int:
        return grid_cols(self.cells)

    def grid(self) -> list[list[int | None]]:
        n_cols = self.n_cols
        g: list[list[int | None]] = [[None] * n_cols for _ in range(self.n_rows)]
        for i, c in enumerate(self.cells):
            if c.rowspan == 1 and c.colspan == 1:  # most cells: one position, no ranges to build
                row = g[c.row]
                if row[c.col] is None:
                    row[c.col] = i
                continue
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    if g[r][k] is None:
                        g[r][k] = i
        return g

    def rows_text(self) -> list[list[str]]:
        """The expanded grid as text (merged cells repeated, for display only)."""
        return [[self.cells[i].text if i is not None else "" for i in row] for row in self.grid()]


@dataclass
class Document:
    """A report read from a file or a string. `text` is the coordinate system of every record."""

    doc_id: str
    path: str | None
    format: str
    text: str
    title: str | None = None
    agency: str | None = None
    region: dict[str, str | None] = field(default_factory=dict)
    year: int | None = None
    template: str | None = None
    n_chars: int = 0
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # reader facts: encoding, pages, warnings
    _norm: Any = field(default=None, repr=False, compare=False)
    _cache: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    EXPORT: ClassVar[tuple[str, ...]] = (
        "doc_id", "path", "format", "title", "agency", "region", "year", "template", "n_chars",
    )

    def __post_init__(self) -> None:
        if not self.n_chars:
            self.n_chars = len(self.text)

    @property
    def norm(self):  # -> nlp.normalize.NormalizedText
        """The normalised view of `text` (same length, see `nlp.normalize`)."""
        if self._norm is None:
            from nlp.normalize import normalize

            self._norm = normalize(self.text)
        return self._norm

    def to_row(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.EXPORT}

    def section_at(self, offset: int) -> Section | None:
        """The innermost (highest level) section containing `offset`."""
        order = self._order("sections", self.sections)
        starts = self._starts["sections"]
        i = bisect_right(starts, offset) - 1
        best: Section | None = None
        while i >= 0:  # back from the last section starting at or before `offset`
            s = self.sections[order[i]]
            if s.start <= offset < s.end:
                if best is None or s.level > best.level:
                    best = s
                if s.level <= 1:  # its top-level ancestor: every deeper one starts later
                    break
            i -= 1
        return best

    def sentence_at(self, offset: int) -> Sentence | None:
        order = self._order("sentences", self.sentences)
        i = bisect_right(self._starts["sentences"], offset) - 1
        if i >= 0:
            s = self.sentences[order[i]]
            if s.start <= offset < s.end:
                return s
        return None

    def _order(self, name: str, items: list) -> list[int]:
        """Indices of `items` sorted by start (and their starts), cached while the list is
        unchanged in length (structure is filled once, by `segment`)."""
        cached = self._cache.get(name)
        if cached is None or len(cached) != len(items):
            starts = [it.start for it in items]
            # (structure lists them in text order: then the stable sort is the identity, found
            # by one sort of the starts in C instead of a key call an item)
            if starts == sorted(starts):
                cached = list(range(len(items)))
            else:
                cached = sorted(range(len(items)), key=starts.__getitem__)
                starts = [starts[j] for j in cached]
            self._cache[name] = cached
            self._starts[name] = starts
        return cached


# --------------------------------------------------------------------------- extracted records


@dataclass
class Claim:
    """A quantity stated in the narrative (spec 3). `value` has 万/亿 applied; money is in 元."""

    doc_id: str
    claim_id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str
    approx: str | None = None  # 余 多 约 近 超过 以上 左右 不到 …
    bound: str | None = None  # "lower" (value is a minimum), "upper", "about", or None (exact)
    value_max: float | None = None  # upper end of a range (3至5件, 两三个)
    kind: str = "count"  # count | percent | pp | money | multiple | duration | zero
    subject: str | None = None
    qualifiers: list[str] = field(default_factory=list)
    direction: str | None = None  # up | down | same (change claims)
    parent: str | None = None  # claim_id of the total a 其中 / 占 claim belongs to
    group: str | None = None  # parts listed together (one 其中, one bracket, one list) share it
    whole: str | None = None  # for 占X%: claim_id of the whole it is a share of
    part: str | None = None  # for 占X%: claim_id of the part it describes
    section: str | None = None  # heading of the innermost section
    sentence: Span | None = None
    indicator: str | None = None
    confidence: float = 1.0
    extractor: str = ""

    def to_row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class Citation:
    """A policy-document citation: a document number, a 《title》, or an alias of a title."""

    doc_id: str
    citation_id: str
    start: int
    end: int
    kind: str  # doc_number | title | alias
    text: str
    code: str | None = None
    year: int | None = None
    serial: int | None = None
    normalized: str | None = None
    title: str | None = None
    refers_to: str | None = None
    issuer: str | None = None
    issuer_source: str | None = None  # table | province | decree | title (how issuer was found)
    pair: str | None = None  # citation_id of the title/number this one is paired with
    resolved: bool | None = None  # for aliases: was the definition found in this document?
    extractor: str = ""

    def to_row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class Cell:
    """One number of a statistics table, mapped to a canonical indicator id where possible."""

    doc_id: str
    cell_id: str
    table: str  # "二" / "三" / "四" for 2019+, "pre2019", "local", or the table index
    row: int
    col: int
    row_label: str
    col_label: str
    indicator: str | None
    unit: str | None
    value: float | None
    raw: str
    start: int = -1
    end: int = -1
    note: str = ""  # how the cell was placed when not by plain labels (digit-run split, slot)

    def to_row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class Link:
    doc_id: str
    claim_id: str
    cell_id: str
    indicator: str | None
    score: float
    method: str

    def to_row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class Check:
    """One consistency check evaluated on one document; status `fail` is a finding."""

    doc_id: str
    check_id: str
    check: str
    status: str  # pass | fail | uncertain | not_assessable
    expected: float | None
    observed: float | None
    refs: list[str] = field(default_factory=list)  # claim_ids and cell_ids involved
    message: str = ""
    indicator: str | None = None  # the indicator (for table checks: the total) the check is about

    def to_row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class ErrorRecord:
    """A problem with one document: the batch records it and goes on."""

    doc_id: str | None
    path: str | None
    stage: str
    error: str  # exception class name
    message: str

    def to_row(self) -> dict[str, Any]:
        return _row(self)


RECORD_TYPES: dict[str, type] = {
    "claims": Claim,
    "citations": Citation,
    "cells": Cell,
    "links": Link,
    "checks": Check,
    "errors": ErrorRecord,
}


@dataclass
class Report:
    """Everything extracted from one document."""

    document: Document
    claims: list[Claim] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)

    @property
    def findings(self) -> list[Check]:
        return [c for c in self.checks if c.status == "fail"]

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        """Flat rows per record type, keyed like the store's tables."""
        out = {"documents": [self.document.to_row()]}
        for name in RECORD_TYPES:
            out[name] = [r.to_row() for r in getattr(self, name)]
        return out

    def to_frames(self):  # -> dict[str, pandas.DataFrame]
        """A dict of pandas DataFrames, one per record type, with the spec's columns."""
        from nlp.export import frames_from_rows

        return frames_from_rows(self.rows())

    def _repr_html_(self) -> str:
        from nlp.review import render_report

        return render_report(self, standalone=False)
