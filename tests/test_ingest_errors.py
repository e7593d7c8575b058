"""Bad input: one exception family, the path and the reason, never a library traceback."""

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

import nlp
from nlp.errors import (
    CorruptFile,
    DecodeError,
    EmptyInput,
    EncryptedPDF,
    FileTooLarge,
    InputError,
    MissingTool,
    NoTextLayer,
    UnsupportedFormat,
)
from nlp.ingest import read
from nlp.records import Report

CORPUS = Path(__file__).resolve().parents[1] / "corpora"
PDF = CORPUS / "full" / "ha_hongze_2024.pdf"


def _build_pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _cid_pdf() -> bytes:
    """Text in a CID font with Identity-H encoding and no ToUnicode map: (cid:NNN) only."""
    codes = "".join(f"{0x0100 + i:04X}" for i in range(40))
    content = f"BT /F1 12 Tf 72 700 Td <{codes}> Tj 0 -20 Td <{codes}> Tj ET".encode()
    return _build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+SimSun /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ])


def _image_pdf() -> bytes:
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig = plt.figure(figsize=(8.27, 11.69))
    fig.figimage(np.random.default_rng(0).random((200, 150)), xo=50, yo=50)
    bio = io.BytesIO()
    fig.savefig(bio, format="pdf")
    plt.close(fig)
    return bio.getvalue()


def _encrypted_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf", reason="pypdf (test extra) writes encrypted PDFs")
    reader = pypdf.PdfReader(io.BytesIO(PDF.read_bytes()))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt("secret")
    bio = io.BytesIO()
    writer.write(bio)
    return bio.getvalue()


def _zip_not_docx() -> bytes:
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w") as z:
        z.writestr("hello.txt", "不是Word文档")
    return bio.getvalue()


CASES = [
    # (file name, bytes or a function making them, error class, words the message must have)
    ("empty.txt", b"", EmptyInput, "empty"),
    ("blank.html", b"  \n\n ", EmptyInput, "white space"),
    ("empty.pdf", b"", EmptyInput, "empty"),
    ("report.xls", b"PK\x03\x04 whatever", UnsupportedFormat, "unsupported file type '.xls'"),
    ("report", "年度报告".encode(), UnsupportedFormat, "unsupported file type"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), UnsupportedFormat, "PNG image"),
    ("report.txt", lambda: PDF.read_bytes(), UnsupportedFormat, "rename it to .pdf"),
    ("random.txt", lambda: os.urandom(4000), (UnsupportedFormat, DecodeError), ""),
    ("latin1.txt", "résumé à la carte".encode("latin-1"), DecodeError, "GB18030"),
    ("truncated.pdf", lambda: PDF.read_bytes()[: len(PDF.read_bytes()) // 2], CorruptFile,
     "damaged or truncated PDF"),
    ("head.pdf", lambda: PDF.read_bytes()[:1000], CorruptFile, "damaged or truncated PDF"),
    ("random.pdf", lambda: os.urandom(5000), CorruptFile, "not a PDF"),
    ("renamed.pdf", "年度报告".encode(), CorruptFile, "not a PDF"),
    ("scanned.pdf", _image_pdf, NoTextLayer, "OCR is needed"),
    ("cid.pdf", _cid_pdf, NoTextLayer, "(cid:NNN)"),
    ("locked.pdf", _encrypted_pdf, EncryptedPDF, "password is needed"),
    ("random.docx", lambda: os.urandom(3000), CorruptFile, "not a DOCX"),
    ("truncated.docx",
     lambda: (CORPUS / "converted" / "fj_pingtan_2023.docx").read_bytes()[:4000], CorruptFile,
     "DOCX"),
    ("notword.docx", _zip_not_docx, CorruptFile, "DOCX"),
    ("random.doc", lambda: os.urandom(3000), CorruptFile, "not a Word/WPS document"),
    ("garbage.html", b"\x00\x01\x02\x03" * 300, (DecodeError, UnsupportedFormat), ""),
    ("blank.md", b" \n\n", EmptyInput, "white space"),
    ("report.md", lambda: PDF.read_bytes(), UnsupportedFormat, "rename it to .pdf"),
    ("latin1.md", "résumé à la carte".encode("latin-1"), DecodeError, "GB18030"),
    ("markup.md", b"# \n\n---\n\n<br>\n", EmptyInput, "no text"),
]


@pytest.mark.parametrize(("name", "content", "error", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_bad_input_raises_a_named_error(tmp_path, name, content, error, words):
    f = tmp_path / name
    f.write_bytes(content() if callable(content) else content)
    with pytest.raises(error) as exc:
        read(f)
    assert isinstance(exc.value, InputError)
    assert exc.value.path == str(f) and str(f) in str(exc.value)
    assert words in str(exc.value)


def test_over_the_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes("年度报告。".encode() * 100)
    with pytest.raises(FileTooLarge, match="over the limit of 1,000"):
        read(f, max_bytes=1000)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="folder"):
        read(tmp_path)


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_legacy_office_without_libreoffice_names_the_tool(tmp_path, monkeypatch, suffix):
    monkeypatch.setenv("PATH", "")
    f = tmp_path / f"report{suffix}"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    with pytest.raises(MissingTool, match="LibreOffice") as exc:
        read(f)
    assert str(f) in str(exc.value)


def test_docx_under_a_doc_name_is_read(tmp_path):
    f = tmp_path / "report.doc"
    f.write_bytes((CORPUS / "converted" / "fj_pingtan_2023.docx").read_bytes())
    doc = read(f)
    assert len(doc.tables) == 3 and "主动公开政府信息13561条" in doc.text


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_doc_is_converted_by_libreoffice(tmp_path):
    import subprocess

    from nlp.ingest.office import find_soffice

    src = CORPUS / "converted" / "fj_pingtan_2023.docx"
    subprocess.run([find_soffice(), "--headless", "--convert-to", "doc", "--outdir",
                    str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    doc = read(tmp_path / "fj_pingtan_2023.doc")
    assert doc.meta["converted_by"] == "LibreOffice"
    assert "主动公开政府信息13561条" in doc.text and len(doc.tables) == 3


READER_FORMATS = {".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in READER_FORMATS)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_extract_reads_every_corpus_file_of_these_formats(path):
    report = nlp.extract(path)
    assert isinstance(report, Report)
    doc = report.document
    assert doc.format == READER_FORMATS[path.suffix.lower()]
    # (make_unruled.py prints one or two statistics tables alone: `*_tables_*.pdf`)
    assert "政府信息公开" in doc.text and len(doc.tables) >= (1 if "_tables_" in path.name else 3)
    assert not [e for e in report.errors if e.stage == "ingest"]
    for t in doc.tables:
        for c in t.cells:
            assert doc.text[c.start:c.end] == c.text


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    """Government PDFs are often 'protected' against copying and printing with an owner
    password and no user password: they open without one and must be read like any other."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf (test extra) writes encrypted PDFs")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(PDF.read_bytes())))
    writer.encrypt(user_password="", owner_password="owner-secret", permissions_flag=0)
    bio = io.BytesIO()
    writer.write(bio)
    f = tmp_path / "protected.pdf"
    f.write_bytes(bio.getvalue())
    plain, protected = read(PDF), read(f)
    assert protected.text == plain.text and len(protected.tables) == len(plain.tables) == 3


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_damaged_doc_that_libreoffice_imports_as_symbols_is_an_error(tmp_path):
    # an OLE2 header followed by noise: LibreOffice "converts" it into a page of symbols
    rnd = __import__("random").Random(7)
    f = tmp_path / "damaged.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rnd.randrange(256) for _ in range(3000)))
    with pytest.raises(CorruptFile, match=r"damaged\.doc.*not Chinese or plain text"):
        read(f)
