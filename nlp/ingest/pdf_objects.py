"""A PDF page's characters and ruling edges, read with pdfium (pypdfium2), in the dict form that
pdfplumber's table finder (`TableFinder`) and text helpers (`extract_text`, `cluster_objects`)
take.

pdfplumber builds the same objects by parsing every content stream in Python (pdfminer), which
is about ten times slower than pdfium's C++ parser and dominated the reading of PDF reports.
The objects follow pdfminer's geometry, so the table finder and the line builder see what they
saw before:

- coordinates are points from the top left of the page as displayed: the media box's origin
  is moved to 0 and `/Rotate` is applied as pdfminer applies it;
- a character's box spans its advance horizontally (pdfminer's `LTChar`: one em for a
  full-width character, pdfium's loose box capped at an em for the others) and, vertically, the
  em square of CJK type: from 0.12 of the size below the baseline to 0.88 above it. pdfminer
  starts the box at the descent the font declares, which varies by font and is 0 in every
  LibreOffice PDF, while pdfium substitutes the font's bounding box when it is 0; one box for
  every font keeps the characters of one baseline on one line, with their centre where CJK ink
  is. `size` is the font size scaled by the text matrix; `upright` is pdfminer's test on the
  character's matrix (with the page rotation in it); white space is left out (the reader
  never used it, and pdfium adds spaces and line breaks it infers), and a glyph without a
  Unicode map is U+FFFD (pdfminer's `(cid:NNN)`);
- every straight piece of every path (rectangles, lines, polylines, the control polygon of a
  curve), in page objects and in form XObjects, is an edge; pieces that are neither horizontal
  nor vertical are dropped, as pdfplumber's `filter_edges` drops them.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from unicodedata import east_asian_width

Matrix = tuple[float, float, float, float, float, float]
DESCENT = -0.12  # of the font size: the baseline's place in a CJK em square


@dataclass
class PageObjects:
    """What the PDF reader needs of one page: `chars` and `edges` as pdfplumber dicts, and
    `bbox` (0, 0, width, height) as pdfplumber's `Page.bbox`."""

    page_number: int
    bbox: tuple[float, float, float, float]
    chars: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """`m` then `n` (PDF row-vector convention: a point is transformed by m, then by n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _page_ctm(rotate: int, box: tuple[float, float, float, float]) -> tuple[Matrix, float, float]:
    """pdfminer's page matrix for a media box and `/Rotate`, with the displayed width and
    height."""
    x0, y0, x1, y1 = box
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1), y1 - y0, x1 - x0
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1), x1 - x0, y1 - y0
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0), y1 - y0, x1 - x0
    return (1, 0, 0, 1, -x0, -y0), x1 - x0, y1 - y0


def iter_pages(pdf: Any) -> Iterator[PageObjects]:
    """The pages of an open `pypdfium2.PdfDocument`, in order, each closed after use."""
    doctop = 0.0
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            out = read_page(page, index + 1, doctop)
        finally:
            page.close()
        doctop += out.bbox[3]
        yield out


def read_page(page: Any, page_number: int, doctop: float = 0.0) -> PageObjects:
    """Characters and edges of one `pypdfium2.PdfPage`; `doctop` is the height of the pages
    before it (pdfplumber's `doctop` = `top` + that)."""
    ctm, width, height = _page_ctm(page.get_rotation() % 360, tuple(page.get_mediabox()))
    out = PageObjects(page_number=page_number, bbox=(0.0, 0.0, width, height))
    textpage = page.get_textpage()
    try:
        out.chars = _chars(textpage.raw, ctm, height, doctop, page_number)
    finally:
        textpage.close()
    out.edges = _edges(page.raw, ctm, height, doctop, page_number)
    return out


def _chars(tp: Any, ctm: Matrix, height: float, doctop: float, page_number: int
           ) -> list[dict[str, Any]]:
    import pypdfium2.raw as R

    m = R.FS_MATRIX()
    box = R.FS_RECTF()
    ox = ctypes.c_double()
    oy = ctypes.c_double()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    fontnames: dict[bytes, str] = {}
    ca, cb, cc, cd, ce, cf = ctm
    chars = []
    flags_ref = ctypes.byref(flags)
    for k in range(R.FPDFText_CountChars(tp)):
        code = R.FPDFText_GetUnicode(tp, k)
        if code >= 0x110000 or R.FPDFText_HasUnicodeMapError(tp, k) == 1:
            text = "\ufffd"  # a glyph without a Unicode map (pdfminer's "(cid:NNN)")
        else:
            text = chr(code)
            if text.isspace():  # spaces and line breaks (those pdfium infers among them)
                continue
        size = R.FPDFText_GetFontSize(tp, k)
        if not R.FPDFText_GetMatrix(tp, k, m) or not R.FPDFText_GetLooseCharBox(tp, k, box):
            continue
        n = R.FPDFText_GetFontInfo(tp, k, name, 256, flags_ref)
        raw = name.value if n else b""
        fontname = fontnames.get(raw)
        if fontname is None:
            fontname = fontnames[raw] = raw.decode("utf-8", "replace")
        R.FPDFText_GetCharOrigin(tp, k, ox, oy)
        a, b, c, d, e, f = m.a, m.b, m.c, m.d, ox.value, oy.value
        if b == 0 and c == 0:
            sx, sy = a * size, d * size
            if box.left < e - 0.25 * abs(sx):
                # vertical writing: the glyph is centred on its origin and advances down
                # (pdfminer's box for a vertical font with default metrics); pdfium's loose
                # box is not scaled by the text matrix for these
                pts = ((e - sx / 2, f - (1 + DESCENT) * sy), (e + sx / 2, f - DESCENT * sy))
            else:  # the advance across, the em square up from DESCENT
                # a full-width character (CJK, full-width punctuation) advances one em;
                # for the others pdfium's loose box, which follows the ink where it overhangs
                # the advance or falls short of it, capped at an em
                if east_asian_width(text) in "WF" or box.right <= e:
                    right = e + sx
                else:
                    right = min(box.right, e + sx)
                pts = ((e, f + DESCENT * sy), (right, f + (1 + DESCENT) * sy))
        else:  # turned text: pdfium's loose box
            pts = ((box.left, box.bottom), (box.right, box.top))
        # the page matrix turns by a multiple of 90°: opposite corners stay opposite
        (ux0, uy0), (ux1, uy1) = pts
        px0, px1 = ca * ux0 + cc * uy0 + ce, ca * ux1 + cc * uy1 + ce
        py0, py1 = cb * ux0 + cd * uy0 + cf, cb * ux1 + cd * uy1 + cf
        x0, x1 = (px0, px1) if px0 <= px1 else (px1, px0)
        top, bottom = (height - py1, height - py0) if py0 <= py1 else (height - py0, height - py1)
        # the character's matrix on the page as pdfminer sees it (page rotation included)
        pa, pb, pc, pd = a * ca + b * cc, a * cb + b * cd, c * ca + d * cc, c * cb + d * cd
        chars.append({
            "object_type": "char", "page_number": page_number, "text": text,
            "fontname": fontname, "size": size * (c * c + d * d) ** 0.5,
            "upright": pa * pd > 0 and pb * pc <= 0,
            "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": doctop + top,
        })
    return chars


def _edges(page: Any, ctm: Matrix, height: float, doctop: float, page_number: int
           ) -> list[dict[str, Any]]:
    import pypdfium2.raw as R

    om = R.FS_MATRIX()
    px = ctypes.c_float()
    py = ctypes.c_float()
    edges: list[dict[str, Any]] = []

    def add(p0: tuple[float, float], p1: tuple[float, float]) -> None:
        if p0[0] == p1[0]:
            orientation = "v"
        elif p0[1] == p1[1]:
            orientation = "h"
        else:
            return
        x0, x1 = sorted((p0[0], p1[0]))
        top, bottom = sorted((p0[1], p1[1]))
        edges.append({
            "object_type": "line", "page_number": page_number, "orientation": orientation,
            "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": doctop + top,
            "width": x1 - x0, "height": bottom - top,
        })

    def path(obj: Any, m: Matrix) -> None:
        a, b, c, d, e, f = m
        start = prev = None
        for s in range(R.FPDFPath_CountSegments(obj)):
            seg = R.FPDFPath_GetPathSegment(obj, s)
            if not seg or not R.FPDFPathSegment_GetPoint(seg, px, py):
                continue
            x, y = px.value, py.value
            pt = (a * x + c * y + e, height - (b * x + d * y + f))
            if R.FPDFPathSegment_GetType(seg) == R.FPDF_SEGMENT_MOVETO or prev is None:
                start = pt
            else:
                add(prev, pt)
            prev = pt
            if R.FPDFPathSegment_GetClose(seg) and start is not None and start != pt:
                add(pt, start)
                prev = start

    def walk(count: int, get: Any, outer: Matrix, depth: int) -> None:
        for i in range(count):
            obj = get(i)
            if not obj:
                continue
            kind = R.FPDFPageObj_GetType(obj)
            if kind not in (R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_FORM):
                continue
            own: Matrix = (1, 0, 0, 1, 0, 0)
            if R.FPDFPageObj_GetMatrix(obj, om):
                own = (om.a, om.b, om.c, om.d, om.e, om.f)
            m = _mul(own, outer)
            if kind == R.FPDF_PAGEOBJ_PATH:
                path(obj, m)
            elif depth < 15:
                walk(R.FPDFFormObj_CountObjects(obj),
                     lambda j, form=obj: R.FPDFFormObj_GetObject(form, j), m, depth + 1)

    walk(R.FPDFPage_CountObjects(page), lambda j: R.FPDFPage_GetObject(page, j), ctm, 0)
    return edges
