"""extract: pattern (and ML) extractors over the narrative.

Citations are found first, so that claims can mask document numbers and 《titles》.
"""

from __future__ import annotations

from nlp.records import Citation, Claim, Document


def extract_citations(doc: Document) -> list[Citation]:
    from nlp.extract.citations import find_citations

    return find_citations(doc)


def extract_claims(doc: Document, citations: list[Citation] | None = None) -> list[Claim]:
    from nlp.extract.claims import find_claims

    return find_claims(doc, citations=citations or [])
