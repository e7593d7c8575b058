"""spaCy adapter: our tokens as a `Doc`, claims and citations as spans in `doc.spans["xxgk"]`.

Importing this module imports spaCy and registers the pipeline component `xxgk_spans` and the
Span extensions (`value`, `unit`, `kind`, `approx`, `bound`, `subject`, `indicator`,
`claim_id`, `code`, `year`, `serial`, `normalized`, `record`). `import nlp` does neither.

    >>> from nlp.tokenize import to_spacy
    >>> doc = to_spacy("2018年，共收到政府信息公开申请 1 件。")
    >>> [(s.text, s.label_, s._.value, s._.unit) for s in doc.spans["xxgk"]]
    [('1 件', 'CLAIM', 1, '件')]
    >>> from spacy import displacy
    >>> html = displacy.render(doc, style="span", options={"spans_key": "xxgk"})

The `Doc` is built with `spacy.blank("zh")`'s vocab from `nlp.tokenize` tokens; words and
spaces are aligned like `spacy.util.get_words_and_spaces` (which raises on misalignment), and
every claim/citation boundary must fall on a token boundary, or `ValueError` is raised.
The component also works on a Doc made by another tokenizer (`zh = spacy.blank("zh");
zh.add_pipe("xxgk_spans"); zh("…")`): it extracts the records itself and snaps spans to tokens.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import get_words_and_spaces

SPANS_KEY = "xxgk"
CLAIM_LABEL = "CLAIM"
CITATION_LABEL = "CITATION"
_USER_KEY = "xxgk_records"
_ATTRS = ("value", "value_max", "unit", "kind", "approx", "bound", "subject", "indicator",
          "claim_id", "citation_id", "code", "year", "serial", "normalized", "title", "record")

for _name in _ATTRS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.factory("xxgk_spans", default_config={"spans_key": SPANS_KEY})
def make_xxgk_spans(nlp: Language, name: str, spans_key: str) -> XxgkSpans:
    return XxgkSpans(spans_key=spans_key)


class XxgkSpans:
    """Pipeline component: put claims and citations into `doc.spans[spans_key]`.

    Records come from `doc.user_data["xxgk_records"]` (set by `to_spacy`), else they are
    extracted from `doc.text` with `nlp.extract_text`.
    """

    def __init__(self, spans_key: str = SPANS_KEY) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        records = doc.user_data.get(_USER_KEY)
        if records is None:
            from nlp.pipeline import extract_text

            rep = extract_text(doc.text)
            records = {"claims": [c.to_row() for c in rep.claims],
                       "citations": [c.to_row() for c in rep.citations]}
        spans = []
        for row in records["citations"]:
            sp = doc.char_span(row["start"], row["end"], label=CITATION_LABEL,
                               alignment_mode="expand")
            if sp is None:
                continue
            for k in ("citation_id", "code", "year", "serial", "normalized", "title"):
                sp._.set(k, row.get(k))
            sp._.kind = row.get("kind")
            sp._.record = row
            spans.append(sp)
        for row in records["claims"]:
            sp = doc.char_span(row["start"], row["end"], label=CLAIM_LABEL,
                               alignment_mode="expand")
            if sp is None:
                continue
            for k in ("claim_id", "value", "value_max", "unit", "kind", "approx", "bound",
                      "subject", "indicator"):
                sp._.set(k, row.get(k))
            sp._.record = row
            spans.append(sp)
        spans.sort(key=lambda s: (s.start_char, s.end_char))
        doc.spans[self.spans_key] = spans
        return doc


def to_spacy(report_or_text: Any, tokenizer: Any = None, zh: Language | None = None) -> Doc:
    """A `Doc` of `nlp.tokenize` tokens, with claims and citations in `doc.spans["xxgk"]`.

    `report_or_text`: a `Report` (its claims and citations are used), a `Document` or a str
    (records are extracted). `zh`: a spaCy `Language` to take the vocab from (default
    `spacy.blank("zh")`, no download).
    """
    import spacy

    from nlp.records import Report
    from nlp.tokenize import Tokenizer

    if isinstance(report_or_text, Report):
        rep = report_or_text
    elif isinstance(report_or_text, str):
        from nlp.pipeline import extract_text

        rep = extract_text(report_or_text)
    else:
        from nlp.pipeline import run

        rep = run(report_or_text)
    text = rep.document.text
    tok = tokenizer or Tokenizer()
    tokens = tok.tokenize(rep)
    words, spaces = get_words_and_spaces([t.text for t in tokens], text)
    # every protected span must start and end on a token boundary
    starts, ends, pos = set(), set(), 0
    for w, sp in zip(words, spaces, strict=True):
        starts.add(pos)
        ends.add(pos + len(w))
        pos += len(w) + (1 if sp else 0)
    for t in tokens:
        if t.kind in ("claim", "citation") and (t.start not in starts or t.end not in ends):
            raise ValueError(f"token {t.text!r} at {t.start}:{t.end} is not aligned with the Doc")
    if zh is None:
        zh = spacy.blank("zh")
    doc = Doc(zh.vocab, words=words, spaces=spaces)
    if doc.text != text:
        raise ValueError("the Doc text differs from the document text (misaligned tokens)")
    doc.user_data[_USER_KEY] = {"claims": [c.to_row() for c in rep.claims],
                                "citations": [c.to_row() for c in rep.citations]}
    return XxgkSpans()(doc)
