"""DOCX reports: paragraphs and tables in body order, merged cells once.

The body XML is walked directly (`w:p`, `w:tbl`, and the paragraphs inside content controls
`w:sdt`; rows and cells inside controls too): python-docx's `row.cells` repeats a merged cell
in every grid position it covers, so it is never used for values. `w:gridSpan` is a colspan;
`w:vMerge restart` … `continue` is a rowspan; `w:gridBefore` shifts a row right. A text box is
read once (its `mc:Fallback` copy is skipped), after the paragraph it is anchored in, as body
of its own (a table in a text box is a table). Deleted text (`w:del`) is not read, a `w:tab`
stays a tab and a `w:br` ends a line (inside a cell both become a space). A table holding
tables is a layout table: its cells are read as body text, the tables inside them as tables.
A table right after another of the same width, with only empty paragraphs (a page break)
between, continues it (`nlp.ingest.join_continued`: repeated header rows dropped).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from nlp.errors import CorruptFile
from nlp.ingest import TextBuilder, clean_cell
from nlp.records import Document, TableCell

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TXBX = W + "txbxContent"
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", MC_FALLBACK,
         W + "rPr", W + "pPr", W + "tcPr", W + "trPr", W + "tblPr", W + "sectPr"}


def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    if el is None:
        return default
    child = el.find(tag)
    if child is None:
        return default
    return child.get(W + "val", "")


def _int(s: str | None, default: int = 1) -> int:
    try:
        return max(0, int(s)) if s is not None else default
    except ValueError:
        return default


def _paragraph_text(p: Any, in_cell: bool = False, boxes: bool = True) -> str:
    """Text of one paragraph, in order: w:t, w:tab → tab, w:br/w:cr → new line. Without
    `boxes`, the text boxes anchored in it are left out (they are read on their own)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or (not boxes and tag == TXBX):
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append(" " if in_cell else "\t")
            elif tag in (W + "br", W + "cr"):
                parts.append(" " if in_cell else "\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    lines = []
    for el in tc.iter(W + "p"):  # a text box's paragraphs come after the one it is anchored in
        if not any(a.tag == MC_FALLBACK for a in el.iterancestors()):
            lines.append(_paragraph_text(el, in_cell=True, boxes=False))
    return clean_cell(" ".join(lines))


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes (`w:txbxContent`) anchored in paragraph `p`, outermost only, the
    `mc:Fallback` (VML) copy of a DrawingML box left out."""
    out = []
    for box in p.iter(TXBX):
        up = []
        for a in box.iterancestors():
            if a is p:
                break
            up.append(a.tag)
        if MC_FALLBACK not in up and TXBX not in up:
            out.append(box)
    return out


_WRAPPERS = (W + "sdt", W + "sdtContent", W + "customXml")


def _children(el: Any, tag: str) -> list[Any]:
    """The `tag` children of `el`, in order, looking through the content controls and custom
    XML elements around them (`w:sdt`/`w:sdtContent`, `w:customXml`): a repeating-section
    control around table rows, a control around cells."""
    out = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out.extend(_children(child, tag))
    return out


def _row_cells(tr: Any) -> list[Any]:
    """The `w:tc` of a table row, in order (content controls around cells opened)."""
    return _children(tr, W + "tc")


def table_cells(tbl: Any) -> list[TableCell]:
    """The physical cells of a `w:tbl`, each once, with row/col/rowspan/colspan."""
    cells: list[TableCell] = []
    open_by_col: dict[int, TableCell] = {}  # vertical merges still open, by start column
    rows = _children(tbl, W + "tr")
    for r, tr in enumerate(rows):
        trpr = tr.find(W + "trPr")
        col = _int(_val(trpr, W + "gridBefore"), 0)
        for cell_el in _row_cells(tr):
            tcpr = cell_el.find(W + "tcPr")
            span = max(1, _int(_val(tcpr, W + "gridSpan"), 1))
            vmerge = _val(tcpr, W + "vMerge")
            text = _cell_text(cell_el)
            above = open_by_col.get(col)
            if vmerge is not None and vmerge != "restart" and above is not None \
                    and above.colspan == span and above.row + above.rowspan == r:
                above.rowspan += 1
                if text:
                    above.text = clean_cell(above.text + " " + text)
            else:
                cell = TableCell(row=r, col=col, text=text, rowspan=1, colspan=span)
                cells.append(cell)
                if vmerge is not None:  # restart (or a continue with nothing above)
                    open_by_col[col] = cell
                else:
                    open_by_col.pop(col, None)
            col += span
    return cells


def _walk_body(body: Any, out: TextBuilder) -> None:
    for el in body:
        tag = el.tag
        if tag == W + "p":
            boxes = _text_boxes(el)
            for line in _paragraph_text(el, boxes=not boxes).split("\n"):
                out.line(line)
            for box in boxes:  # a text box: paragraphs and tables of its own, as body
                _walk_body(box, out)
        elif tag == W + "tbl":
            if any(True for _ in el.iterdescendants(W + "tbl")):
                # a layout table: a frame or grid holding the report's tables; its cells are
                # read as body text, in order, and the tables inside them as tables
                for tr in _children(el, W + "tr"):
                    for tc in _row_cells(tr):
                        _walk_body(tc, out)
                continue
            cells = table_cells(el)
            n_cols = max((c.col + c.colspan for c in cells), default=0)
            if n_cols <= 1:  # a one-column table is a frame around text
                for c in sorted(cells, key=lambda c: (c.row, c.col)):
                    for p in c.text.split("\n"):
                        out.line(p)
            else:
                out.table(cells, source="docx", continued=True)  # split at a page break
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"):
            _walk_body(el.find(W + "sdtContent") if tag == W + "sdt" else el, out)


def read_docx(data: bytes, path: Path | None, doc_id: str | None = None) -> Document:
    """Read a .docx file into a `Document`."""
    import zipfile

    from nlp.pipeline import doc_id_for

    if not data.startswith(b"PK"):
        raise CorruptFile(path, "is not a DOCX file (not a zip archive; a renamed .doc?)")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            d = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise CorruptFile(path, f"is not a valid DOCX file: {exc}") from exc
    except CorruptFile:
        raise
    except Exception as exc:  # lxml XMLSyntaxError, zlib errors in a damaged archive, …
        raise CorruptFile(path, f"is a damaged DOCX file: {type(exc).__name__}: {exc}") from exc
    out = TextBuilder()
    try:
        _walk_body(d.element.body, out)
    except Exception as exc:
        raise CorruptFile(path, f"has a DOCX body that cannot be read: {exc}") from exc
    meta: dict[str, Any] = {"warnings": []}
    try:
        title = (d.core_properties.title or "").strip()
    except Exception:  # broken core properties are not worth failing the document
        title = ""
    if title:
        meta["title"] = title
    return Document(
        doc_id=doc_id or doc_id_for(data),
        path=None if path is None else str(path),
        format="docx",
        text=out.text(),
        tables=out.tables,
        meta=meta,
    )
