"""Claims. (Stub: filled by the claims work.)"""

from __future__ import annotations

from nlp.records import Citation, Claim, Document


def find_claims(doc: Document, citations: list[Citation]) -> list[Claim]:
    return []
