"""Promises of the sixteenth pass's shortcuts in citations, normalize and metadata: each
compared with the plain way on every corpus text (and edge cases)."""

from __future__ import annotations

import regex
from corpus import CORPORA
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.normalize import normalize
from nlp.scan import StdlibAnchor, anchored_finditer, stdlib_twin


def _corpus_texts() -> list[str]:
    out = []
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        out += [text, normalize(text).text]
    return out


# --------------------------------------------------------------------------- stdlib anchors
def test_stdlib_twin_reads_space_as_regex_does_and_digits_at_least_as_regex_does():
    """`\\s` in the twin is exactly `regex`'s `\\s`; `\\d` takes every character `regex`'s
    does (over every code point), and in the BMP no other."""
    space, digit = stdlib_twin(r"\s"), stdlib_twin(r"\d")
    assert space is not None and digit is not None
    rs, rd = regex.compile(r"\s"), regex.compile(r"\d")
    for cp in range(0x110000):
        ch = chr(cp)
        assert bool(space.match(ch)) == bool(rs.match(ch)), hex(cp)
        if rd.match(ch):
            assert digit.match(ch), hex(cp)
        elif cp <= 0xFFFF:
            assert not digit.match(ch), hex(cp)


def test_stdlib_twin_turns_down_what_re_would_read_otherwise():
    for src in (r"[\s]", r"[a\d]", r"\p{Han}", r"a\Kb", r"\w+", r"[[:alpha:]]", r"(?i)a",
                r"\L<words>"):
        assert stdlib_twin(src) is None, src
    twin = stdlib_twin(r"[]x]\s[^]x]\d\\s")  # (a `]` first in a class is a literal)
    assert twin is not None
    assert twin.match("] a9\\s") and twin.match("x\u3000a\U0001d7d9\\s")
    assert not twin.match("x\u3000]9\\s") and not twin.match("a a9\\s")
    assert not twin.match("] a9s")


def _overlapped_starts(anchor, text: str) -> list[int]:
    return [m.start() for m in anchor.finditer(text, overlapped=True)]


def test_the_document_number_anchor_runs_on_re_and_finds_what_regex_finds():
    """The citations' `doc_number` anchor is a `StdlibAnchor`; on every corpus text (raw and
    normalised) it starts where the `regex` anchor of the pattern file starts (overlapped, as
    `anchored_finditer` asks), and the anchored scan gives `finditer`'s matches and groups."""
    from nlp.data import load_toml
    from nlp.extract.citations import PATTERNS_FILE, load_patterns

    pats = load_patterns()
    anchor, lookback = pats.anchors["doc_number"]
    assert isinstance(anchor, StdlibAnchor)
    spec = {p["id"]: p for p in load_toml(PATTERNS_FILE)["pattern"]}["doc_number"]
    plain = regex.compile(spec["anchor"])
    rx = pats["doc_number"]
    texts = [
        *_corpus_texts(), "国办发〔 2018〕23号〔〔2019〕1号", "（\u30002018）（2018）", "〔\u20282018〕5号",
        "根" * 40 + "国办发 〔2018〕23号，" + "发" * 21 + "  〔2018〕1号"]
    found = 0
    for text in texts:
        starts = _overlapped_starts(anchor, text)
        assert starts == _overlapped_starts(plain, text)
        for pos in (0, len(text) // 3):
            got = [(m.span(), m.groupdict()) for m in anchored_finditer(rx, anchor, lookback, text, pos)]
            assert got == [(m.span(), m.groupdict()) for m in rx.finditer(text, pos)]
        found += len(starts)
    assert found > 1000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["国办发", "鲁政办", "根据", "〔", "〕", "[", "]", "(", ")", "（", "）", "［", "【", "2018", "2049",
     "1940", "1939", "23", "7", "٣", "\U0001d7d9", " ", "\u3000", "\u2028", "\x1c", "\n", "号", "第",
     "文"]), max_size=40))
def test_the_document_number_anchor_on_generated_text(pieces):
    """The same on text made of the pieces of document numbers, odd digits and spaces too."""
    from nlp.data import load_toml
    from nlp.extract.citations import PATTERNS_FILE, load_patterns

    text = "".join(pieces)
    pats = load_patterns()
    anchor, lookback = pats.anchors["doc_number"]
    spec = {p["id"]: p for p in load_toml(PATTERNS_FILE)["pattern"]}["doc_number"]
    plain_starts = _overlapped_starts(regex.compile(spec["anchor"]), text)
    assert set(plain_starts) <= set(_overlapped_starts(anchor, text))
    rx = pats["doc_number"]
    got = [(m.span(), m.groupdict()) for m in anchored_finditer(rx, anchor, lookback, text)]
    assert got == [(m.span(), m.groupdict()) for m in rx.finditer(text)]
