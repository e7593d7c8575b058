"""Markdown reports: what OCR and conversion tools (MinerU, marker, pandoc, docling) make of a
scanned or PDF report. Tables come as GitHub pipe tables or, from MinerU, as HTML `<table>`
elements with their row and column spans.

The Markdown is rendered to HTML by markdown-it-py (CommonMark with tables and raw HTML, every
line break kept) and that HTML is read by `nlp.ingest.html.read_html`, so a table in either
form becomes a reader table with its cells, like a table of a web page. Two CommonMark rules
are left off because reports are not written for them: list items (`1. 属于国家秘密` would lose
its number, which heads a row or a section) and indented code blocks (a paragraph indented by
four spaces is a paragraph). `Document.text` is the rendered text, as for a web page; `doc_id`
is the hash of the Markdown file's bytes.
"""

from __future__ import annotations

from pathlib import Path

from nlp.records import Document


def markdown_to_html(text: str) -> str:
    """The HTML page of a Markdown report (see the module note for the rules used)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "breaks": True}).enable("table")
    md.disable(["list", "code"])
    return "<html><body>\n" + md.render(text) + "</body></html>"


def read_markdown(data: bytes, path: Path | None, doc_id: str | None = None) -> Document:
    """Read a Markdown report into a `Document` (format "markdown")."""
    from nlp.ingest.html import read_html
    from nlp.ingest.txt import decode
    from nlp.pipeline import doc_id_for

    text, encoding = decode(data, path)
    doc = read_html(markdown_to_html(text).encode("utf-8"), path, doc_id or doc_id_for(data))
    doc.format = "markdown"
    doc.meta["encoding"] = encoding
    return doc
