"""ingest: bytes on disk → `Document` (text, tables with offsets, reader facts).

`read(path)` picks the reader by extension (and sniffs content where the extension lies);
every reader returns a `Document` whose `text` is the coordinate system for all records.
Unreadable input raises an `nlp.errors.InputError` subclass naming the file and the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import regex

from nlp.errors import CorruptFile, EmptyInput, FileTooLarge, InputError, UnsupportedFormat
from nlp.records import Document, Table, TableCell, grid_cols, grid_rows

MAX_BYTES = 100 * 1024 * 1024  # 100 MiB: larger files are refused, not read

EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".doc": "office",
    ".wps": "office",
    ".pdf": "pdf",
    ".md": "markdown",
    ".markdown": "markdown",
}


def read(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one report file into a `Document`."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a folder, not a file (the CLI walks folders; read() takes files)")
    kind = EXTENSIONS.get(p.suffix.lower())
    if kind is None:
        raise UnsupportedFormat(
            p, f"unsupported file type {p.suffix or '(none)'!r}; "
            f"supported: {', '.join(sorted(EXTENSIONS))}"
        )
    size = p.stat().st_size
    if size == 0:
        raise EmptyInput(p, "file is empty (0 bytes)")
    if size > max_bytes:
        raise FileTooLarge(p, f"file is {size:,} bytes, over the limit of {max_bytes:,}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot be read: {exc.strerror or exc}") from exc
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise EmptyInput(p, f"file has only white space ({size:,} bytes)")
    try:
        doc = _dispatch(kind, data, p)
    except InputError:
        raise
    except RecursionError as exc:
        raise CorruptFile(p, "is nested too deeply to be read") from exc
    except Exception as exc:  # a reader library failed on a bad file: never a raw traceback
        raise CorruptFile(p, f"cannot be read as {kind}: {type(exc).__name__}: {exc}") from exc
    if not doc.text.strip():
        raise EmptyInput(p, "no text could be read from the file")
    return doc


SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "PDF", ".pdf"),
    (b"PK\x03\x04", "zip (DOCX?)", ".docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word/WPS (OLE2)", ".doc"),
    (b"{\\rtf", "RTF", ".doc"),
    (b"\x89PNG", "PNG image", ".png"),
    (b"\xff\xd8\xff", "JPEG image", ".jpg"),
    (b"GIF8", "GIF image", ".gif"),
    (b"\x7fELF", "executable", ""),
    (b"Rar!", "RAR archive", ".rar"),
    (b"\x1f\x8b", "gzip archive", ".gz"),
)


def sniff(data: bytes) -> tuple[str, str] | None:
    """(what, usual extension) of a binary file recognised by its first bytes, or None."""
    head = data[:8]
    for magic, what, ext in SIGNATURES:
        if head.startswith(magic):
            return what, ext
    return None


def _dispatch(kind: str, data: bytes, p: Path) -> Document:
    if kind in ("txt", "markdown"):
        found = sniff(data)
        if found is not None:
            what, ext = found
            hint = f": rename it to {ext}" if ext in EXTENSIONS else ""
            raise UnsupportedFormat(p, f"is a {what} file, not text, under a {p.suffix} name{hint}")
    if kind == "txt":
        from nlp.ingest.txt import read_txt

        doc = read_txt(data, p)
    elif kind == "html":
        from nlp.ingest.html import read_html

        doc = read_html(data, p)
    elif kind == "markdown":
        from nlp.ingest.markdown import read_markdown

        doc = read_markdown(data, p)
    elif kind == "docx":
        from nlp.ingest.docx import read_docx

        doc = read_docx(data, p)
    elif kind == "pdf":
        from nlp.ingest.pdf import read_pdf

        doc = read_pdf(data, p)
    else:
        from nlp.ingest.office import read_office

        doc = read_office(data, p)
    return doc


# --------------------------------------------------------------------------- shared by readers

_CELL_SPACE = regex.compile(r"[\s\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")
_LINE_SPACE = regex.compile(r"[ \u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_CONTINUED = regex.compile(r"[（(]?(?:续上?表|接上表)[一二三四五六七八九十\d]*[）)]?[:：]?")
# a page's number where a page broke (`- 3 -`, `— 3 —`, `第3页 共9页`, `3/9`, `Page 3`), copied
# into a web page or a PDF-to-Word file between the parts of a table
_PAGE_NUMBER = regex.compile(
    r"[-－—–~～·\s]*(?:\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}"
    r"|(?:page|p\.)\s*\d{1,3}(?:\s*of\s*\d{1,3})?)[-－—–~～·\s]*", regex.IGNORECASE)
_NUMBER_CELL = regex.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
_NO_VALUE = regex.compile(r"[/／\\\-－—–]+|无")  # a value cell's "nothing": `/`, `—`, `无`
_CJK = regex.compile(r"[\p{Han}\p{Ideographic}\u3000-\u303f\uff00-\uffef]")


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one line that a layout wrapped: no space between CJK characters (or
    CJK punctuation), one space between two Latin/digit words."""
    if not left:
        return right
    if not right:
        return left
    if _CJK.match(left[-1]) or _CJK.match(right[0]) or left[-1] in "-/" or left[-1].isspace():
        return left + right
    return left + " " + right


def clean_cell(text: str) -> str:
    """Cell text on one line: every run of white space (line breaks included) → one space."""
    return _CELL_SPACE.sub(" ", text).strip()


def place_cells(rows: Sequence[Sequence[tuple[str, int, int]]]) -> list[TableCell]:
    """The HTML table occupancy algorithm: place `(text, rowspan, colspan)` cells, given row by
    row in source order, on a grid. A cell goes to the first free column of its row, so a
    rowspan from an earlier row pushes later cells right. Spans running past the last row are
    cut at the last row."""
    taken: set[tuple[int, int]] = set()
    cells: list[TableCell] = []
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            rowspan, colspan = max(1, rowspan), max(1, colspan)
            while (r, c) in taken:
                c += 1
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    taken.add((rr, cc))
            cells.append(TableCell(row=r, col=c, text=text, rowspan=rowspan, colspan=colspan))
            c += colspan
    n_rows = len(rows)
    for cell in cells:
        cell.rowspan = max(1, min(cell.rowspan, n_rows - cell.row))
    return cells


def join_continued(prev: Sequence[TableCell], cont: Sequence[TableCell]) -> list[TableCell] | None:
    """One table from a table and the table right after it that continues it (a Word table
    split at a page break, pasted into a CMS or saved as a web page: two `<table>`s or two
    `w:tbl`s with nothing but blank lines between; or every row a table of its own). None
    unless both have the same number of grid columns (two or more), or the continuation is
    narrower (its rows end early, as hand-written and LibreOffice HTML rows do) and either
    repeats the first part's header or starts with a row of values (numbers, `/`, `—`). Header rows the
    continuation repeats at its top are dropped. An empty cell at its top under a cell that
    ends the first part continues that cell: a row label cut by the break
    (`三、本年度办理结果` over both parts: merged, or the continuation is one row), or, while
    the first part has no numbers yet and the continuation's first row has none either, a
    header cell (`自然人` over two header rows)."""
    n_cols = grid_cols(prev)
    if n_cols < 2 or grid_cols(cont) > n_cols or grid_cols(cont) < 2:
        return None

    def rows(cells: Sequence[TableCell]) -> list[tuple[tuple[int, str], ...]]:
        by_row: dict[int, list[tuple[int, str]]] = {}
        for c in cells:
            by_row.setdefault(c.row, []).append((c.col, _CELL_SPACE.sub("", c.text)))
        return [tuple(sorted(by_row.get(r, []))) for r in range(grid_rows(cells))]

    prev_rows, cont_rows = rows(prev), rows(cont)
    drop = 0  # repeated header rows: the same words at the same columns, not only numbers
    while drop < min(len(prev_rows), len(cont_rows) - 1) and cont_rows[drop] == prev_rows[drop] \
            and any(_CJK.search(t) for _, t in cont_rows[drop]):
        drop += 1
    first = [t for col, t in cont_rows[drop]] if drop < len(cont_rows) else []
    first_numbers = any(_NUMBER_CELL.fullmatch(t) or _NO_VALUE.fullmatch(t)
                        for col, t in cont_rows[drop][1:]) if first else False
    if grid_cols(cont) < n_cols:
        if not drop and not first_numbers:
            return None  # a narrower table of its own (it has a header), not a ragged part
    n_prev = grid_rows(prev)
    # row labels stand left of every number; header cells (merged down over header rows) and
    # blank value cells are not continued, but in a header cut row by row
    numbers = [c.col for c in prev if _NUMBER_CELL.fullmatch(c.text.strip())]
    label_end = min(numbers, default=0)
    header_cut = not numbers and not drop and first and not first_numbers \
        and not any(_NUMBER_CELL.fullmatch(t) for t in first)
    one_row = grid_rows(cont) - drop == 1
    out = [TableCell(row=c.row, col=c.col, text=c.text, rowspan=c.rowspan, colspan=c.colspan,
                     note=c.note) for c in prev]
    ending = {(c.col, c.colspan): c for c in out if c.row + c.rowspan == n_prev}
    for c in sorted(cont, key=lambda c: (c.row, c.col)):
        if c.row < drop:
            continue
        row, span = c.row - drop, c.rowspan
        above = ending.get((c.col, c.colspan)) if row == 0 else None
        if above is not None and not c.text.strip() and above.row >= drop and (
                header_cut or (above.col + above.colspan <= label_end
                               and (above.rowspan > 1 or span > 1 or one_row))):
            above.rowspan += span
            continue
        out.append(TableCell(row=row + n_prev, col=c.col, text=c.text, rowspan=span,
                             colspan=c.colspan, note=c.note))
    return out


class TextBuilder:
    """Builds `Document.text` line by line and renders tables into it.

    A table is written at its place in reading order, one grid row per line, grid columns
    separated by a tab; each physical cell's text is written once, in its top-left grid
    position (positions covered by a merge stay empty), and `TableCell.start/end` and
    `Table.start/end` are set to their offsets in the text being built.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self._last_line = ""
        self.tables: list[Table] = []
        self._table_part: int | None = None  # where the last table's text starts, while
        # nothing has been written after it but lines a page break leaves (`_between`)
        self._between: list[bool] = []  # those lines: True for a 续表 or page-number line,
        # False for a repeat of an earlier line (a running header: the report's title)
        self._seen: set[str] = set()  # lines of running text written so far (and two short
        # ones after another: a running header repeats a title printed in two lines)

    def _write(self, s: str) -> None:
        self._parts.append(s)
        self._pos += len(s)

    @property
    def pos(self) -> int:
        return self._pos

    def line(self, text: str, *, keep_tabs: bool = False) -> None:
        """Add one line of running text (spaces trimmed; empty lines are skipped). With
        `keep_tabs`, tabs at either end stay: the blank cells of a table row written as tab
        text (`⇥⇥1.属于国家秘密⇥14⇥⇥`)."""
        text = _LINE_SPACE.sub(" ", text.replace("\n", " ").replace("\r", " "))
        text = text.strip(" ") if keep_tabs else text.strip()
        if not text.strip():
            return
        self._write(text + "\n")
        if self._table_part is not None:
            # what a page break leaves between the parts of a table: the table may go on
            if _CONTINUED.fullmatch(text):  # `续表` over the rest
                self._between.append(True)
                return
            if _PAGE_NUMBER.fullmatch(text) or (len(text) <= 60 and text in self._seen):
                self._between.append(bool(_PAGE_NUMBER.fullmatch(text)))
                self._last_line = text
                return
        self._seen.add(text)
        if self._last_line and len(self._last_line) + len(text) <= 60:
            self._seen.add(self._last_line + text)  # a title printed in two lines
        self._last_line = text
        self._table_part = None
        self._between = []

    def table(
        self,
        cells: Iterable[TableCell],
        *,
        source: str,
        caption: str = "",
        pages: Sequence[int] = (),
        continued: bool = False,
    ) -> Table | None:
        """Render a table of placed cells; returns the `Table` (also kept in `.tables`).
        A table with no text at all is skipped (None). `continued`: when nothing was written
        since the last table but what a page break leaves (blank lines, a `续表` line, page
        numbers `- 3 -`, and a running header that repeats an earlier line, such as the title,
        next to a page number or `续表`), and these cells continue it (`join_continued`), the
        two are rendered as one table in its place and those lines are dropped."""
        cells = [c for c in cells]
        for c in cells:
            c.text = clean_cell(c.text)
        if not any(c.text for c in cells):
            return None
        if continued and self._table_part is not None and self.tables \
                and (not self._between or any(self._between)):
            last = self.tables[-1]
            joined = join_continued(last.cells, cells)
            if joined is not None:
                del self._parts[self._table_part:]
                self._pos = last.start
                self.tables.pop()
                cells, caption = joined, last.caption
                pages = [*last.pages, *(p for p in pages if p not in last.pages)]
        part = len(self._parts)
        if not caption and self._last_line and len(self._last_line) <= 60 \
                and not self._last_line.endswith("。"):
            caption = self._last_line
        table = Table(index=len(self.tables), start=self._pos, end=self._pos, cells=[],
                      source=source, caption=caption, pages=list(pages))
        table.cells = sorted(cells, key=lambda c: (c.row, c.col))
        starts: dict[tuple[int, int], TableCell] = {(c.row, c.col): c for c in table.cells}
        n_rows, n_cols = table.n_rows, table.n_cols
        for r in range(n_rows):
            for k in range(n_cols):
                if k:
                    self._write("\t")
                cell = starts.get((r, k))
                if cell is not None:
                    cell.start = self._pos
                    self._write(cell.text)
                    cell.end = self._pos
            self._write("\n")
        table.end = self._pos - 1
        self.tables.append(table)
        self._last_line = ""
        self._table_part = part
        self._between = []
        return table

    def text(self) -> str:
        return "".join(self._parts)
