"""The exception family. Misuse and unreadable input raise these; a batch turns them into
`ErrorRecord`s and goes on. Every message names the file (when there is one) and the reason."""

from __future__ import annotations


class XxgkError(Exception):
    """Base class of every error the toolkit raises on purpose."""


class InputError(XxgkError):
    """A file cannot be read as a report. `path` and `reason` say which and why."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class EmptyInput(InputError):
    """The file has no bytes, or no text after reading."""


class FileTooLarge(InputError):
    """The file is over the size limit (`nlp.ingest.MAX_BYTES`)."""


class UnsupportedFormat(InputError):
    """The file type is not one we read (or it is a binary under a text extension)."""


class DecodeError(InputError):
    """The bytes are not text in any encoding we can tell apart with confidence."""


class CorruptFile(InputError):
    """The file claims a format but its bytes are broken (truncated PDF, bad zip …)."""


class NoTextLayer(InputError):
    """A PDF without usable text: scanned pages or (cid:NNN) glyphs. OCR is needed."""


class EncryptedPDF(InputError):
    """A PDF that needs a password."""


class MissingTool(InputError):
    """An external program (LibreOffice for .doc/.wps) is needed and not installed."""


class ModelError(XxgkError):
    """A model artifact is missing or incompatible (callers fall back to rules)."""


class UsageError(XxgkError):
    """Wrong arguments to a library function; the message says what is valid."""
