"""Anchored scanning: `finditer` for patterns that begin with a long free run.

A pattern such as `\\p{Han}{1,20}\\s{0,8}〔2018〕23号` is tried by the regex engine at every Han
character of a document, twenty steps each, though it can only match a few characters before a
bracketed year. A pattern file may name such a required piece (`anchor`) and the furthest the
match can start before it (`lookback`); `anchored_finditer` then tries the pattern only at the
positions up to `lookback` characters before each anchor, and yields exactly what
`pattern.finditer(text)` (not overlapped) yields, provided that every match contains an anchor
match starting at most `lookback` characters after the match's own start. tests/test_patterns.py
checks that promise on the examples and on every corpus text.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex


def anchored_finditer(pattern: regex.Pattern, anchor: regex.Pattern | None, lookback: int,
                      text: str, pos: int = 0) -> Iterator[regex.Match]:
    """The matches of `pattern.finditer(text, pos)`, found by trying `pattern` only near
    `anchor`."""
    if anchor is None:
        yield from pattern.finditer(text, pos)
        return
    tried = pos  # every start below this has been tried (and failed, or lies in a match)
    for a in anchor.finditer(text, pos, overlapped=True):
        at = a.start()
        for s in range(max(pos, tried, at - lookback), at + 1):
            m = pattern.match(text, s)
            if m is not None:
                yield m
                pos = m.end() if m.end() > m.start() else m.start() + 1  # no overlaps
                break
        tried = max(tried, at + 1)
