"""Plain-text reports: UTF-8 (with or without BOM), UTF-16 (BOM), GB18030/GBK/GB2312.

The encoding is decided, not guessed: a BOM wins; then strict UTF-8; then strict GB18030
(a superset of GBK and GB2312) when the result reads as Chinese text; otherwise
charset-normalizer is asked, and its answer is only accepted when it decodes cleanly into
text that looks like Chinese. Anything else raises `DecodeError` instead of producing mojibake.
`Document.text` is the decoded file, unchanged (the BOM is not part of the text).
"""

from __future__ import annotations

from pathlib import Path

import regex

from nlp.errors import DecodeError, UnsupportedFormat
from nlp.records import Document

_HAN = regex.compile(r"\p{Han}")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x7fELF", b"\x89PNG",
                        b"\xff\xd8\xff", b"GIF8")):
        return True
    return head.count(b"\x00") > len(head) // 100 + 1


def plausible(text: str) -> bool:
    """Decoded text reads as text: few control characters, and Han characters if it has
    many non-ASCII characters (mojibake from a wrong Chinese codec is mostly rare Han or
    Latin-1 symbols, which the checks below catch)."""
    if not text:
        return False
    if len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        return False
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if non_ascii == 0:
        return True
    han = len(_HAN.findall(text))
    return han / non_ascii > 0.5


def decode(data: bytes, path: Path | None = None) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding). Raises DecodeError."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodeError(path, f"has a UTF-16 byte-order mark but is not UTF-16: {exc}") from exc
    if _looks_binary(data):
        raise UnsupportedFormat(path, "is a binary file, not text (wrong extension?)")
    try:
        text = data.decode("utf-8")
        return text, "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
        if plausible(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if plausible(text):
            return text, best.encoding
    raise DecodeError(
        path,
        "cannot be decoded as UTF-8, UTF-16 or GB18030/GBK without errors "
        f"(first bad byte at offset {utf8_error.start}); save it as UTF-8 or give its encoding",
    )


def read_txt(data: bytes, path: Path | None, doc_id: str | None = None) -> Document:
    from nlp.pipeline import doc_id_for

    text, encoding = decode(data, path)
    return Document(
        doc_id=doc_id or doc_id_for(data),
        path=None if path is None else str(path),
        format="txt",
        text=text,
        meta={"encoding": encoding},
    )
