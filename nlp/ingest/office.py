"""Legacy office files (.doc, .wps): converted to DOCX by LibreOffice, then read as DOCX.

`soffice --headless --convert-to docx --outdir TMP FILE` runs in a temporary folder with its
own user profile (so it works while another LibreOffice is open) and a timeout. Without
LibreOffice on PATH, `MissingTool` says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from nlp.errors import CorruptFile, MissingTool
from nlp.records import Document

TIMEOUT_S = 120
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def find_soffice() -> str | None:
    """The LibreOffice program on PATH (`soffice` or `libreoffice`), or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_docx(data: bytes, path: Path | None, timeout: float = TIMEOUT_S) -> bytes:
    """The bytes of a DOCX converted from a .doc/.wps file by LibreOffice."""
    exe = find_soffice()
    suffix = (path.suffix if path is not None else ".doc") or ".doc"
    if exe is None:
        raise MissingTool(
            path, f"{suffix} files are read by converting them with LibreOffice, which is not "
            "installed (no `soffice` or `libreoffice` on PATH): install LibreOffice "
            "(e.g. `apt-get install libreoffice-writer`) or save the file as .docx"
        )
    with tempfile.TemporaryDirectory(prefix="xxgk-office-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        outdir = Path(tmp) / "out"
        profile = Path(tmp) / "profile"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "docx", "--outdir", str(outdir), str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False,
                                  env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired as exc:
            raise CorruptFile(path, f"LibreOffice did not convert the file within {timeout:g} s") \
                from exc
        except OSError as exc:
            raise MissingTool(path, f"LibreOffice ({exe}) could not be started: {exc}") from exc
        out = outdir / "input.docx"
        if proc.returncode != 0 or not out.exists():
            err = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()
            raise CorruptFile(
                path, f"LibreOffice could not convert the file to DOCX (exit {proc.returncode}"
                f"{': ' + err[:300] if err else ''})"
            )
        return out.read_bytes()


def read_office(data: bytes, path: Path | None, doc_id: str | None = None) -> Document:
    """Read a .doc or .wps file (through LibreOffice) into a `Document` of format "docx"."""
    from nlp.ingest.docx import read_docx
    from nlp.ingest.txt import plausible
    from nlp.pipeline import doc_id_for

    if data.startswith(b"PK\x03\x04"):  # a .docx saved under an old extension
        doc = read_docx(data, path, doc_id=doc_id or doc_id_for(data))
        doc.meta.setdefault("warnings", []).append("a DOCX file with a legacy extension")
        return doc
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype html", b"<?xml")) or b"<html" in head:
        # "Word" files saved as web pages are common attachments: read them as HTML
        from nlp.ingest.html import read_html

        doc = read_html(data, path, doc_id=doc_id or doc_id_for(data))
        doc.meta.setdefault("warnings", []).append("an HTML page with a legacy office extension")
        return doc
    if not data.startswith((_OLE, b"{\\rtf")):
        raise CorruptFile(path, "is not a Word/WPS document (no OLE2 or RTF header)")
    converted = convert_to_docx(data, path)
    doc = read_docx(converted, path, doc_id=doc_id or doc_id_for(data))
    if doc.text.strip() and not plausible(doc.text):
        # LibreOffice imports what it cannot parse as raw text: a damaged file comes back
        # as a page of symbols instead of an error
        raise CorruptFile(
            path, "LibreOffice read the file, but the text is not Chinese or plain text "
            "(mostly other scripts and symbols): the file is damaged or not a Word/WPS document"
        )
    doc.meta["converted_by"] = "LibreOffice"
    doc.meta["source_format"] = (path.suffix.lstrip(".").lower() if path else "doc")
    return doc
