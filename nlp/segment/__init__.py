"""segment: structure and metadata of a read document.

Fills `Document.sections`, `.paragraphs`, `.sentences`, `.tables` (table blocks found in plain
text are added to the tables the reader found), and the metadata `title`, `agency`, `year`,
`region` and `template`.
"""

from __future__ import annotations

from nlp.records import Document


def segment(doc: Document) -> Document:
    from nlp.segment.blocks import find_text_tables
    from nlp.segment.metadata import fill_metadata
    from nlp.segment.structure import find_structure

    # text table blocks first, so headings are never looked for inside a table
    doc.tables.extend(find_text_tables(doc, start_index=len(doc.tables)))
    doc.tables.sort(key=lambda t: t.start)
    for i, t in enumerate(doc.tables):
        t.index = i
    find_structure(doc)
    fill_metadata(doc)
    return doc
