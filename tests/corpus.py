"""Shared by the tests: where the corpus is, a document read and segmented, and what the
invariance tests compare."""

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from nlp.ingest import read
from nlp.records import Document
from nlp.segment import segment

CORPORA = Path(__file__).resolve().parent.parent / "corpora"

# the reports corpora/converted/make_published.py and make_pasted.py write again as publishers
# do: stem → (source HTML, gold of the source), relative to corpora/
PUBLISHED = {
    "fj_pingtan_2025_article": ("more/fj_pingtan_2025_article.html",
                                "gold/fj_pingtan_2025_article.gold.json"),
    "sh_shanghai_office_2019": ("heldout/sh_shanghai_office_2019.html",
                                "gold/heldout/sh_shanghai_office_2019.gold.json"),
}


def segmented(rel: str) -> Document:
    """`corpora/<rel>` read and segmented (structure, tables in text, metadata)."""
    doc = read(CORPORA / rel)
    segment(doc)
    return doc


def clause_pieces() -> set[str]:
    """Every clause, sentence and line of every corpus text, raw and normalised: what a link
    rule is asked of (the prefilters' promises are checked on them)."""
    import regex

    from nlp.normalize import normalize

    pieces: set[str] = set()
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for t in (text, normalize(text).text):
            pieces.update(regex.split(r"[，,；;。！？!?\n]", t))
            pieces.update(regex.split(r"[。\n]", t))
    return pieces


def squash(s: str) -> str:
    """`s` without any white space (readers differ in spaces and line breaks, not in text)."""
    return re.sub(r"\s", "", s)


def prose_lines(doc: Document) -> list[str]:
    """The text outside the tables, one squashed string per non-empty line."""
    parts, last = [], 0
    for t in sorted(doc.tables, key=lambda t: t.start):
        parts.append(doc.text[last:t.start])
        last = t.end
    parts.append(doc.text[last:])
    return [squash(ln) for ln in "".join(parts).splitlines() if ln.strip()]


def claim_keys(report) -> Counter:
    """What a report claims, without offsets: (value, unit, indicator) with multiplicity. The
    invariance tests compare a text with a rewritten copy of it (cut lines, web pages, page
    chrome) by these."""
    return Counter((c.value, c.unit, c.indicator) for c in report.claims)


@lru_cache(maxsize=1)
def corpus_texts() -> tuple[str, ...]:
    """Every corpus `.txt` text, in path order (read once: the texts `bench_extract` times)."""
    from benchmarks.bench_extract import texts

    return tuple(texts())


def normalized_views() -> list[str]:
    """The normalised view (`nlp.normalize`) of every corpus `.txt` text, in path order."""
    from nlp.normalize import normalize

    return [normalize(t).text for t in corpus_texts()]


def texts_and_views() -> list[str]:
    """Every corpus `.txt` text, each followed by its normalised view: what a pattern's fast
    form is compared with its plain form on."""
    from nlp.normalize import normalize

    out = []
    for text in corpus_texts():
        out += [text, normalize(text).text]
    return out


def plain_texts(step: int = 1) -> list[tuple[Path, str]]:
    """(path, text) of every `step`-th corpus text without pipe tables (a pipe table would be
    table markup in a web page or a Word file)."""
    out = []
    for path in sorted(CORPORA.glob("*/*.txt"))[::step]:
        text = path.read_text(encoding="utf-8")
        if "|" not in text:
            out.append((path, text))
    return out


def assert_same_tables(doc: Document, tables: list, source: Document) -> None:
    """`tables` (of `doc`) are `source`'s tables cell for cell (place, spans, text without white
    space), and every cell's offsets point at its text in `doc`."""
    assert len(tables) == len(source.tables)
    for t, s in zip(tables, source.tables, strict=True):
        assert [(c.row, c.col, c.rowspan, c.colspan, squash(c.text)) for c in t.cells] == [
            (c.row, c.col, c.rowspan, c.colspan, squash(c.text)) for c in s.cells]
        for c in t.cells:
            assert doc.text[c.start:c.end] == c.text


def first_cell_values(path: Path) -> dict:
    """indicator → value of the first cell `nlp.extract(path)` gives for it (as evaluate scores)."""
    import nlp

    first: dict = {}
    for c in nlp.extract(path).cells:
        first.setdefault(c.indicator, c.value)
    return first
