"""tokenize: words with offsets, where citations and quantities stay single tokens.

    >>> from nlp.tokenize import Tokenizer
    >>> tok = Tokenizer()
    >>> [t.text for t in tok.tokenize("根据国办发〔2018〕23号，共收到申请 1 件。")]
    ['根据', '国办发〔2018〕23号', '，', '共', '收到', '申请', ' ', '1 件', '。']

`Tokenizer` owns its own `jieba.Tokenizer` (the global jieba is never touched) with the domain
dictionary `nlp/data/jieba_dict.txt`, built the first time it is needed. jieba cannot keep
punctuation inside a dictionary word (its chunking regex splits 〔〕 and spaces first), so the
text is cut at the protected spans (claims, citations) and only the gaps go through jieba.

`to_spacy(...)` builds a spaCy `Doc` from these tokens (see `nlp.spacy_adapter`; spaCy is only
imported there).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from nlp.records import Citation, Claim, Document, Report

DICT_PATH = Path(__file__).resolve().parent / "data" / "jieba_dict.txt"


@dataclass(frozen=True)
class Token:
    """One token: `text == source[start:end]`. `kind` is word | space | claim | citation."""

    text: str
    start: int
    end: int
    kind: str = "word"
    ref: str | None = None  # claim_id / citation_id for protected tokens


@contextmanager
def _quiet_jieba():
    """jieba logs "Building prefix dict…" at DEBUG to stderr; a library must not print."""
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Tokenizer:
    """Words with offsets. Holds one private `jieba.Tokenizer` (created lazily).

    Parameters: `dictionary` (extra user dictionary, jieba format: word [freq] [tag] per line;
    default `nlp/data/jieba_dict.txt`), `hmm` (jieba's HMM for unknown words).
    """

    def __init__(self, dictionary: str | Path | None = None, hmm: bool = True) -> None:
        self.dictionary = Path(dictionary) if dictionary is not None else DICT_PATH
        self.hmm = hmm
        self._jieba: Any = None

    @property
    def jieba(self) -> Any:
        """The private `jieba.Tokenizer`, built (and its dictionary loaded) on first use."""
        if self._jieba is None:
            import jieba

            tk = jieba.Tokenizer()
            with _quiet_jieba():
                tk.initialize()
                tk.load_userdict(str(self.dictionary))
            self._jieba = tk
        return self._jieba

    def cut(self, text: str) -> list[str]:
        """Plain jieba words of `text` (no protected spans)."""
        return list(self.jieba.cut(text, HMM=self.hmm))

    def tokenize(
        self,
        doc_or_text: str | Document | Report,
        claims: Iterable[Claim] | None = None,
        citations: Iterable[Citation] | None = None,
    ) -> list[Token]:
        """Tokens covering the whole text, in order, with source offsets.

        Claims and citations are kept as one token each. When both are None they are extracted
        first (a `Report` brings its own). Overlapping protected spans: the earlier (then the
        longer) one wins.
        """
        text, claims, citations = _resolve(doc_or_text, claims, citations)
        spans: list[tuple[int, int, str, str | None]] = []
        for c in citations or ():
            spans.append((c.start, c.end, "citation", c.citation_id))
        for c in claims or ():
            spans.append((c.start, c.end, "claim", c.claim_id))
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        tokens: list[Token] = []
        pos = 0
        for s, e, kind, ref in spans:
            if s < pos or e <= s or e > len(text):
                continue  # overlaps an earlier protected span
            tokens.extend(self._words(text, pos, s))
            tokens.append(Token(text[s:e], s, e, kind, ref))
            pos = e
        tokens.extend(self._words(text, pos, len(text)))
        return tokens

    def _words(self, text: str, start: int, end: int) -> list[Token]:
        if start >= end:
            return []
        out = []
        pos = start
        for w in self.jieba.cut(text[start:end], HMM=self.hmm):
            if not w:
                continue
            out.append(Token(w, pos, pos + len(w), "space" if w.isspace() else "word"))
            pos += len(w)
        return out


def _resolve(doc_or_text: Any, claims: Any, citations: Any) -> tuple[str, Any, Any]:
    from nlp.records import Document, Report

    if isinstance(doc_or_text, Report):
        rep = doc_or_text
        return (rep.document.text,
                rep.claims if claims is None else claims,
                rep.citations if citations is None else citations)
    if isinstance(doc_or_text, Document):
        doc = doc_or_text
    elif isinstance(doc_or_text, str):
        if claims is not None or citations is not None:
            return doc_or_text, claims, citations
        from nlp.pipeline import extract_text

        rep = extract_text(doc_or_text)
        return doc_or_text, rep.claims, rep.citations
    else:
        from nlp.errors import UsageError

        raise UsageError(
            f"tokenize expects str, Document or Report, got {type(doc_or_text).__name__}"
        )
    if claims is None and citations is None:
        from nlp.extract import extract_citations, extract_claims

        citations = extract_citations(doc)
        claims = extract_claims(doc, citations=citations)
    return doc.text, claims, citations


def tokenize(
    doc_or_text: str | Document | Report,
    claims: Iterable[Claim] | None = None,
    citations: Iterable[Citation] | None = None,
    tokenizer: Tokenizer | None = None,
) -> list[Token]:
    """`Tokenizer().tokenize(...)`; pass a `tokenizer` to reuse its loaded dictionary."""
    return (tokenizer or Tokenizer()).tokenize(doc_or_text, claims=claims, citations=citations)


def to_spacy(report_or_text: Any, tokenizer: Tokenizer | None = None, zh: Any = None) -> Any:
    """A spaCy `Doc` of the same tokens with claims and citations in `doc.spans["xxgk"]`.

    See `nlp.spacy_adapter.to_spacy` (imported here lazily: spaCy is heavy).
    """
    from nlp.spacy_adapter import to_spacy as _to_spacy

    return _to_spacy(report_or_text, tokenizer=tokenizer, zh=zh)
