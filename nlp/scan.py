"""Anchored scanning: `finditer` for patterns that begin with a long free run.

A pattern such as `\\p{Han}{1,20}\\s{0,8}〔2018〕23号` is tried by the regex engine at every Han
character of a document, twenty steps each, though it can only match a few characters before a
bracketed year. A pattern file may name such a required piece (`anchor`) and the furthest the
match can start before it (`lookback`); `anchored_finditer` then tries the pattern only at the
positions up to `lookback` characters before each anchor, and yields exactly what
`pattern.finditer(text)` (not overlapped) yields, provided that every match contains an anchor
match starting at most `lookback` characters after the match's own start. tests/test_patterns.py
checks that promise on the examples and on every corpus text.

`Alternation` is the other shortcut: code that tries a list of regexes in order (section
titles, units, indicator rules) asks one alternation of them first. It matches at a position
exactly when one of them does, and its group names the first that does, so most positions
are turned down with one match and the ordered search starts at the right pattern.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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


class Alternation:
    """Patterns tried in order, asked through one regex (`pattern_i` in group `p<i>`)."""

    __slots__ = ("_rx", "patterns")

    def __init__(self, patterns: Sequence[regex.Pattern]) -> None:
        self.patterns = tuple(patterns)
        flags = {p.flags for p in self.patterns}
        if len(flags) > 1:
            raise ValueError("patterns of one alternation must share their flags")
        self._rx = regex.compile(
            "|".join(f"(?P<p{i}>{p.pattern})" for i, p in enumerate(self.patterns)),
            flags.pop() if flags else 0) if self.patterns else None

    def first_at(self, text: str, pos: int = 0) -> int | None:
        """Index of the first pattern that matches at `pos` (`pattern.match`), or None."""
        m = self._rx.match(text, pos) if self._rx is not None else None
        return None if m is None else int(m.lastgroup[1:])

    def search(self, text: str) -> bool:
        """Does any of the patterns find something in `text`?"""
        return self._rx is not None and self._rx.search(text) is not None
