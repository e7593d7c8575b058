"""extract: pattern (and ML) extractors over the narrative.

Citations are found first, so that claims can mask document numbers and 《titles》.

The extractors' modules are imported on first use, by a cached builder rather than by an import
statement in each call: an import statement costs about 7k instructions a document, as much as
a short report's title search.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from nlp.records import Citation, Claim, Document


@cache
def _citation_finder() -> Callable[[Document], list[Citation]]:
    from nlp.extract.citations import find_citations

    return find_citations


@cache
def _claim_finder() -> Callable[[Document, list[Citation]], list[Claim]]:
    from nlp.extract.claims import find_claims

    return find_claims


def extract_citations(doc: Document) -> list[Citation]:
    return _citation_finder()(doc)


def extract_claims(doc: Document, citations: list[Citation] | None = None) -> list[Claim]:
    return _claim_finder()(doc, citations or [])
