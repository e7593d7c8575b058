"""Sections, paragraphs and sentences. (Stub: filled by the structure work.)"""

from __future__ import annotations

from nlp.records import Document, Paragraph, Sentence


def find_structure(doc: Document) -> None:
    text = doc.text
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            doc.paragraphs.append(Paragraph(pos, pos + len(line.rstrip("\r\n"))))
            doc.sentences.append(Sentence(pos, pos + len(line.rstrip("\r\n")), len(doc.paragraphs) - 1))
        pos += len(line)
