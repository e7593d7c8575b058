"""ingest: bytes on disk → `Document` (text, tables with offsets, reader facts).

`read(path)` picks the reader by extension (and sniffs content where the extension lies);
every reader returns a `Document` whose `text` is the coordinate system for all records.
Unreadable input raises an `nlp.errors.InputError` subclass naming the file and the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

from nlp.errors import EmptyInput, FileTooLarge, InputError, UnsupportedFormat
from nlp.records import Document

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
    data = p.read_bytes()
    if kind == "txt":
        from nlp.ingest.txt import read_txt

        doc = read_txt(data, p)
    elif kind == "html":
        from nlp.ingest.html import read_html

        doc = read_html(data, p)
    elif kind == "docx":
        from nlp.ingest.docx import read_docx

        doc = read_docx(data, p)
    elif kind == "pdf":
        from nlp.ingest.pdf import read_pdf

        doc = read_pdf(data, p)
    else:
        from nlp.ingest.office import read_office

        doc = read_office(data, p)
    if not doc.text.strip():
        raise EmptyInput(p, "no text could be read from the file")
    return doc
