"""Plain-text reading: encodings are detected, never guessed into mojibake."""

from pathlib import Path

import pytest

from nlp.errors import DecodeError, UnsupportedFormat
from nlp.ingest import read
from nlp.ingest.txt import decode

CORPUS = Path(__file__).resolve().parents[1] / "corpora"
SEED = CORPUS / "seeds" / "000_65d192663e1ca53a.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encode", "expected_encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),  # with BOM
        (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: t.encode("gb18030"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gbk", "gb18030"],
)
def test_seed_reads_back_unchanged_in_every_encoding(tmp_path, encode, expected_encoding):
    f = tmp_path / "report.txt"
    f.write_bytes(encode(SEED_TEXT))
    doc = read(f)
    assert doc.text == SEED_TEXT  # the decoded file, unchanged, BOM not part of the text
    assert doc.meta["encoding"] == expected_encoding
    assert doc.format == "txt"


@pytest.mark.parametrize(
    "sentence",
    [
        "2018年，高青县质监局共主动公开政府信息 33 条。",
        "㐀㐁 是GB18030才有的扩展汉字，本年度收到申请12件。",  # not in GBK
    ],
)
def test_gb18030_text_is_decoded(sentence):
    text, enc = decode(sentence.encode("gb18030"))
    assert text == sentence
    assert enc == "gb18030"


@pytest.mark.parametrize(
    "data",
    [
        b"abc caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la carte",  # Latin-1, not Chinese
        b"\x80\x81\xfe\xff\x80\x90" * 20,  # bytes of no text encoding
    ],
    ids=["latin1", "garbage"],
)
def test_bytes_that_are_neither_utf8_nor_gb_raise(tmp_path, data):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(DecodeError) as exc:
        read(f)
    assert str(f) in str(exc.value) and "UTF-8" in str(exc.value)


def test_pdf_renamed_txt_is_refused_with_a_hint(tmp_path):
    f = tmp_path / "report.txt"
    f.write_bytes((CORPUS / "full" / "ha_hongze_2024.pdf").read_bytes())
    with pytest.raises(UnsupportedFormat, match=r"PDF file.*rename it to \.pdf"):
        read(f)
