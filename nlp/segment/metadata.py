"""Title, agency, year, region and template. (Stub: filled by the metadata work.)"""

from __future__ import annotations

from nlp.records import Document


def fill_metadata(doc: Document) -> None:
    return None
