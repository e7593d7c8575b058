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

`LeftmostFirst` goes the other way: a long alternation whose branches begin differently (the
claim exclusions: idioms, ordinals, sessions …) is cut into its branches
(`top_level_branches`), each scanned on its own, and their matches merged as the alternation
would take them (3× faster on the corpus than the one regex).

`Words` looks up a fixed list of words (place names, aliases) in a text at the positions where
one of them can begin: those where some word's first two characters stand.
"""

from __future__ import annotations

import heapq
import re
import sys
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import repeat
from typing import Any

import regex


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Does `text` hold one of `words`? (The cheap test before a scan whose every match holds
    one of them: a plain loop, no generator, for the one to eight strings such gates have.)"""
    for w in words:
        if w in text:
            return True
    return False


def may_hold(text: str, needs: Sequence[str] | None) -> bool:
    """Can a pattern whose every match holds one of `needs` (`required_literals`; None: not
    known) match in `text`?"""
    return needs is None or holds_any(text, needs)


def anchored_finditer(pattern: regex.Pattern, anchor: regex.Pattern | None, lookback: int,
                      text: str, pos: int = 0, starts: re.Pattern | None = None
                      ) -> Iterator[regex.Match]:
    """The matches of `pattern.finditer(text, pos)`, found by trying `pattern` only near
    `anchor`. `starts` (`window_starts(pattern, lookback)`): where the text is of the Basic
    Multilingual Plane, the position where `pattern` matches in a window is found by the
    stdlib `re`, and `pattern` asked there alone."""
    if anchor is None:
        yield from pattern.finditer(text, pos)
        return
    window = lookback_window(pattern, lookback)
    bmp: bool | None = None
    tried = pos  # every start below this has been tried (and failed, or lies in a match)
    for a in anchor.finditer(text, pos, overlapped=True):
        at = a.start()
        s = max(pos, tried, at - lookback)
        if s <= at:
            # the first match from s on (no match starts in [pos, s)): finditer's next one
            if starts is not None and bmp is None:
                bmp = bmp_only(text)
            if bmp:
                k = starts.match(text, s)
                m = None if k is None else pattern.match(text, k.end())
            else:
                m = window.match(text, s)
            if m is not None:
                yield m
                pos = m.end() if m.end() > m.start() else m.start() + 1  # no overlaps
        tried = max(tried, at + 1)


@lru_cache(maxsize=64)
def lookback_window(pattern: regex.Pattern, lookback: int) -> regex.Pattern:
    """`pattern` tried at a position and each of the next `lookback` in turn, in one `match`.

    The lazy prefix takes the fewest characters that let `pattern` match after it, and for a
    given prefix the engine tries `pattern`'s paths in its own order, so the match is that of
    `pattern.match` at the first of those positions where it matches; `\\K` drops the prefix
    from the match (same span, groups and group numbers). tests/test_scan.py checks it on
    generated text, tests/test_patterns.py on every corpus text through `anchored_finditer`.
    """
    return regex.compile(rf"(?s:.){{0,{lookback}}}?\K(?:{pattern.pattern})", pattern.flags)


class Alternation:
    """Patterns tried in order, asked through one regex (`pattern_i` in group `p<i>`)."""

    __slots__ = ("_rx", "_scan", "patterns")

    def __init__(self, patterns: Sequence[regex.Pattern], *, stdlib_scan: bool = False) -> None:
        self.patterns = tuple(patterns)
        flags = {p.flags for p in self.patterns}
        if len(flags) > 1:
            raise ValueError("patterns of one alternation must share their flags")
        self._rx = regex.compile(
            "|".join(f"(?P<p{i}>{p.pattern})" for i, p in enumerate(self.patterns)),
            flags.pop() if flags else 0) if self.patterns else None
        # (`stdlib_scan`: the alternation by the stdlib `re` too, for BMP texts: see `first_match`)
        self._scan = whole_text_scanner(self._rx) if stdlib_scan and self._rx is not None else None

    def first_at(self, text: str, pos: int = 0) -> int | None:
        """Index of the first pattern that matches at `pos` (`pattern.match`), or None."""
        hit = self.first_match(text, pos)
        return None if hit is None else hit[0]

    def first_match(self, text: str, pos: int = 0, bmp: bool = False) -> tuple[int, int] | None:
        """(index, end) of the first pattern that matches at `pos`, or None: the end is where
        that pattern's own `match` ends (nothing follows it in the alternation). `bmp`: `text`
        has no character outside the BMP (`bmp_only`), so the `re` twin of a `stdlib_scan`
        alternation may answer (the same; about 1.6× faster on the units)."""
        rx = self._scan if bmp and self._scan is not None else self._rx
        m = rx.match(text, pos) if rx is not None else None
        return None if m is None else (int(m.lastgroup[1:]), m.end())

    def search(self, text: str) -> bool:
        """Does any of the patterns find something in `text`?"""
        return self._rx is not None and self._rx.search(text) is not None


def _syntax_chars(source: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, group depth before it) of each `(`, `)` and `|` of a regex's
    source outside escapes and sets (`[` … `]`, a `]` first in the set is literal)."""
    return ((i, ch, depth) for i, ch, depth in _plain_chars(source) if ch in "()|")


def source_elements(source: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each element of a regex's source, in order: an escape (`\\` and the
    character after it), a set (`[` … `]`, where a `]` first in the set, after an optional `^`,
    is literal and escapes are skipped; a set left open runs to the end) or one other
    character. The one reading of a source's escapes and sets that the walkers here share."""
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            j = i + 2
        elif ch == "[":
            j = i + 1
            j += source.startswith("^", j)
            j += source.startswith("]", j)
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            j += 1
        else:
            j = i + 1
        yield i, min(j, n)
        i = j


def _plain_chars(source: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, group depth before it) of each character of a regex's source
    outside escapes and sets (`source_elements`)."""
    depth = 0
    for i, j in source_elements(source):
        ch = source[i]
        if j == i + 1 and ch != "\\" and ch != "[":
            yield i, ch, depth
            depth += 1 if ch == "(" else -1 if ch == ")" else 0


def top_level_branches(source: str) -> list[str]:
    """The alternatives of a regex's source at its top level: `a|b(c|d)|[|]` → a, b(c|d), [|].

    Escapes, sets (`[` … `]`, a `]` first in the set is literal) and groups are skipped
    whole. Raises ValueError on syntax that a branch cannot carry alone (back-references,
    inline flags, nested or operator sets).
    """
    if _SPLIT_UNSAFE.search(source):
        raise ValueError(f"cannot split this pattern into branches: {source[:60]}")
    out: list[str] = []
    start = 0
    for i, ch, depth in _syntax_chars(source):
        if ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
    out.append(source[start:])
    return out


# nested sets, set operations and version flags of the `regex` module (`[[`, `--`, `&&`, `~~`,
# `(?V1)`): the branch splitter and the literal prefilter both leave such patterns alone
_SET_OPERATIONS = r"\[\[|--|&&|~~|\(\?V[01]"
# back-references and global inline flags, which a branch cannot carry alone
_SPLIT_UNSAFE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z]*\)|" + _SET_OPERATIONS)


class LeftmostFirst:
    """The matches of one alternation `p0|p1|…` (`finditer`, no overlaps), found by scanning
    with each pattern alone.

    The regex engine tries every branch of a long alternation at every position of a text
    when the branches begin with different characters or with lookbehinds; a scan per branch
    lets each use its own fast search. At every start the alternation takes the first branch
    that matches there, and after a match it looks again from the match's end: `spans` does
    the same with each branch's next match (leftmost start first, the earlier branch first at
    one start), asking a branch again from the end of the last match taken. Branches must not
    match the empty string (their empty matches are dropped).

    `literal_gate=True` (many branches, long texts: the claim exclusions) skips the branches
    that cannot match in a text: a branch whose every match holds one of a few words of two
    characters or more (`required_literals`, `in_text`) is searched only where one of them is
    in the text, and all of them are looked up in one `Words` scan; a branch that needs one of
    a few single characters (第, 前 or 后 …) only where `in` finds one. Most branches find
    nothing in most texts, and without the gate each would scan the whole text to say so.
    """

    __slots__ = ("_always", "_chars", "_owners", "_words", "bmp_searchers", "patterns")

    def __init__(self, patterns: Sequence[regex.Pattern], *, literal_gate: bool = False,
                 bmp_searchers: Sequence[Any] | None = None) -> None:
        self.patterns = tuple(patterns)
        # what `spans(text, bmp=True)` asks instead of `patterns`: each finds what its pattern
        # finds by `search(text, pos)` on a text of the BMP (`HeadFirst`; None: the patterns)
        self.bmp_searchers = None if bmp_searchers is None else tuple(bmp_searchers)
        self._always: list[int] = []  # branches searched in every text
        self._chars: list[tuple[int, tuple[str, ...]]] = []  # (branch, strings `in` gates it)
        self._owners: dict[str, list[int]] = {}  # a gate word -> the branches it lets through
        self._words: Words | None = None
        if not literal_gate:
            return
        for i, p in enumerate(self.patterns):
            need = required_literals(p, in_text=True)
            if need is None:
                self._always.append(i)
            elif any(len(w) < 2 for w in need):
                self._chars.append((i, need))
            else:
                for w in need:
                    self._owners.setdefault(w, []).append(i)
        self._words = Words(self._owners)

    def _live(self, text: str) -> Iterable[int]:
        """The indices of the branches that may match in `text`."""
        if self._words is None:
            return range(len(self.patterns))
        live = set(self._always)
        live.update(i for i, need in self._chars if holds_any(text, need))
        for w in self._words.present(text):
            live.update(self._owners[w])
        return live

    def first(self, text: str) -> int | None:
        """Where the alternation's `search(text)` finds its match (None: nowhere): the leftmost
        start of any branch's first match."""
        best = None
        for i in self._live(text):
            m = self.patterns[i].search(text)
            if m is not None and (best is None or m.start() < best):
                best = m.start()
        return best

    def spans(self, text: str, bmp: bool = False) -> list[tuple[int, int]]:
        """(start, end) of each match, in text order (`bmp`: `bmp_only(text)`, where the
        `bmp_searchers` are asked).

        A branch is asked for its next match (`search`) only when its last one has been taken
        or turned down, and from the end of the last match taken: the starts before it (which
        a scan with `overlapped=True` would list, to turn them down) are never looked at."""
        patterns = self.bmp_searchers if bmp and self.bmp_searchers is not None else self.patterns
        heap = [(m.start(), i, m.end()) for i in self._live(text)
                if (m := patterns[i].search(text)) is not None]
        heapq.heapify(heap)
        out: list[tuple[int, int]] = []
        pos = 0
        while heap:
            s, i, e = heap[0]  # the leftmost start; at one start, the first branch
            if s >= pos and e > s:
                out.append((s, e))
                pos = e
            m = patterns[i].search(text, max(s + 1, pos))
            if m is None:
                heapq.heappop(heap)
            else:
                heapq.heapreplace(heap, (m.start(), i, m.end()))
        return out


def find_all(text: str, sub: str) -> list[int]:
    """Every position of `text` where `sub` begins, overlaps included, in order (`str.find`
    from one past each: a few instructions a character passed over)."""
    out = []
    k = text.find(sub)
    while k >= 0:
        out.append(k)
        k = text.find(sub, k + 1)
    return out


WORDS_SLICED_MOST = 30  # characters: the longest text `Words.starts` reads pair by pair


class Words:
    """A fixed list of words, each of two characters or more, looked up in texts.

    `word in text` for every word of a list of hundreds is a scan of the text per word. A word
    can only begin where its first two characters stand, and few positions of a text hold such
    a pair: a class of first characters followed by a lookahead on the second ones finds the
    candidates (in the stdlib `re`, which runs it about 6× faster than `regex`; a pattern that
    opens on the class, not on the lookahead, lets `re` skip to the next first character in
    C), and a dict tells whether the pair there is one of the words' own and which lengths of
    word begin with it.
    """

    __slots__ = ("_candidates", "_frequent", "_pair_scan", "_pairs", "_rank", "words")

    def __init__(self, words: Iterable[str], frequent: str = "") -> None:
        """`frequent`: characters that stand second in many of the texts' own pairs, not the
        words' (`starts` finds the words' pairs that end in one of them another way)."""
        self.words = tuple(words)
        self._frequent = frozenset(frequent)
        if any(len(w) < 2 for w in self.words):
            raise ValueError("Words: every word needs two characters or more")
        self._rank: dict[str, int] = {}
        for i, w in enumerate(self.words):
            self._rank.setdefault(w, i)
        lengths: dict[str, set[int]] = {}
        for w in self.words:
            lengths.setdefault(w[:2], set()).add(len(w))
        # a word's first two characters -> the lengths of the words that begin with them
        self._pairs = {pair: tuple(sorted(ns)) for pair, ns in lengths.items()}
        first = "".join(sorted({w[0] for w in self._pairs}))
        second = "".join(sorted({w[1] for w in self._pairs}))
        # (a match is one character long, so `finditer` lists every such position)
        self._candidates = re.compile(f"[{re.escape(first)}](?=[{re.escape(second)}])") \
            if self.words else re.compile(r"(?!)")
        # (`starts`' scans and the pairs as a set, built on its first call)
        self._pair_scan: tuple[re.Pattern | None, frozenset[str],
                               tuple[tuple[str, tuple[str, ...]], ...]] | None = None

    def positions(self, text: str) -> Iterator[int]:
        """The positions of `text`, in order, where the first two characters of a word stand."""
        pairs = self._pairs
        for m in self._candidates.finditer(text):
            p = m.start()
            if text[p : p + 2] in pairs:
                yield p

    def starts(self, text: str) -> list[int]:
        """`list(self.positions(text))`, found another way: for words whose pairs rarely stand
        in a text though their characters often do (cpca's place names in a report's opening:
        26k positions of a first character before a second one, 1.5k of them a name's pair,
        the rest the genre's own words, 公开, 政府, 信息, 工作 …), where `positions` hands each
        candidate to Python as a match object. Here one `findall` lists the candidates' pairs
        as strings (a class of second characters, which `re` skips to in C, with a look-behind
        that captures the pair: each match takes one character, so the next pair's look-behind
        still sees it and no candidate is lost), the words' pairs among them are taken by a set
        intersection, and `find_all` finds every place of each (tests/test_speed_meta.py
        compares the two on the corpus and generated text).

        Each candidate costs `re` about 500 instructions (a match, its look-behind, the pair's
        string), a character it passes over a few dozen. The pairs that end in one of the
        `frequent` characters (公开, 政府, 信息 … in a report, most of the candidates) are left
        out of that scan: the pairs of each of their first characters that the text holds
        (`in`: a `memchr` pass over the text, a fraction of an instruction a character, where a
        class scan tests every character: few first characters, 13 for cpca's names) are looked
        for by `find_all`, which finds nothing of a pair the text lacks. A text of
        `WORDS_SLICED_MOST` characters or fewer (an agency's name, a title) has each of its pairs
        looked up in the dict instead: the scans, the intersection and the passes of each first
        character cost about 20k instructions whatever the text's length, a pair's lookup
        about 1k."""
        if not self._pairs:
            return []
        if len(text) <= WORDS_SLICED_MOST:  # (a name: each pair looked up, no scan set up)
            pairs = self._pairs
            return [p for p in range(len(text) - 1) if text[p : p + 2] in pairs]
        if self._pair_scan is None:
            self._pair_scan = self._pair_scans()
        scan, pairs, by_first = self._pair_scan
        # (a frozenset's `intersection` looks each pair found up; `keys() &` would copy the keys)
        hits = pairs.intersection(scan.findall(text)) if scan is not None else frozenset()
        for first, frequent_pairs in by_first:
            if first in text:
                hits = hits.union(frequent_pairs)
        out = [k for pair in hits for k in find_all(text, pair)]
        if len(hits) > 1:
            out.sort()
        return out

    def _pair_scans(self) -> tuple[re.Pattern | None, frozenset[str],
                                   tuple[tuple[str, tuple[str, ...]], ...]]:
        """`starts`' scan of the pairs that do not end in a `frequent` character, the pairs as a
        set and, for each first character of the others, its pairs that end in a `frequent`
        one."""
        rare = [p for p in self._pairs if p[1] not in self._frequent]
        scan = None
        if rare:
            first = "".join(sorted({p[0] for p in rare}))
            second = "".join(sorted({p[1] for p in rare}))
            scan = re.compile(f"[{re.escape(second)}](?<=([{re.escape(first)}].))")
        by_first: dict[str, list[str]] = {}
        for p in sorted(self._pairs):
            if p[1] in self._frequent:
                by_first.setdefault(p[0], []).append(p)
        return scan, frozenset(self._pairs), tuple((f, tuple(ps)) for f, ps in by_first.items())

    def lengths(self, pair: str) -> tuple[int, ...]:
        """The lengths of the words that begin with the two characters `pair`, shortest first."""
        return self._pairs.get(pair, ())

    def _found(self, text: str) -> Iterator[str]:
        """The words of the list at each place of `text` where they stand, in text order."""
        pairs, rank = self._pairs, self._rank
        for m in self._candidates.finditer(text):
            p = m.start()
            for n in pairs.get(text[p : p + 2], ()):
                if (w := text[p : p + n]) in rank:
                    yield w

    def present(self, text: str) -> set[str]:
        """The words that occur in `text`."""
        return set(self._found(text))

    def first(self, text: str) -> int | None:
        """The index in `words` of the first word (in list order) that occurs in `text`."""
        rank = self._rank
        return min((rank[w] for w in self._found(text)), default=None)


# --------------------------------------------------------------------------- literal prefilter
# Syntax of the `regex` module that the stdlib parser would misread as literals (POSIX and
# nested sets, set operations, named lists, fuzzy matching, version flags): no prefilter.
_UNSAFE = regex.compile(_SET_OPERATIONS + r"|\[:\^?[A-Za-z]+:\]|\\L<|\{[eisd]\s*<|\(\?[a-zA-Z]*[if]")
_MAX_ALTERNATIVES = 64  # fixed strings a run may stand for before it is cut
_PROPERTY = regex.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")


def _sre() -> Any:
    """The stdlib's own regex parser (both readers of a pattern's syntax tree use it)."""
    try:
        from re import _parser as sre
    except ImportError:  # Python < 3.11
        import sre_parse as sre
    return sre


def required_literals(pattern: regex.Pattern, *, in_text: bool = False
                      ) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (None: no such set is known).

    A cheap test before a costly one: where none of them is `in` a text, `pattern.search(text)`
    finds nothing. The set is read off the pattern's syntax tree (the stdlib `re` parser): runs
    of literal characters every match passes through, and sets of such runs, one from each
    branch of an alternation; the most selective is kept. Lookarounds consume nothing, so a
    literal inside one is never required, and the characters on either side of one still make
    one run. Case folding, verbose patterns and syntax that the stdlib parser does not read as
    the `regex` module does give None.

    `in_text=True` asks for less: strings one of which every text holds where `pattern` finds
    a match (a prefilter of texts, not of matches). What a positive lookaround requires then
    counts too: a lookahead's fixed strings glued to the run before it (`[所户]`(?=镇|乡) needs
    所镇, 所乡, 户镇 or 户乡 in the text) and a lookbehind's opening the run after it."""
    tree = _parsed(pattern)
    if tree is None:
        return None
    best = _factor(list(tree), _sre(), in_text)[1]
    return tuple(sorted(best)) if best else None


def match_reach(pattern: regex.Pattern) -> int | None:
    """The most characters a match of `pattern` can span (None: no bound, or not known). With
    `required_literals`, it says where a match starting at a position must find one of them.
    Lookarounds consume nothing: the stdlib parser's width leaves them out."""
    tree = _parsed(pattern)
    if tree is None:
        return None
    reach = tree.getwidth()[1]
    return reach if reach < _sre().MAXREPEAT else None


def _parsed(pattern: regex.Pattern) -> Any:
    """`pattern`'s syntax tree by the stdlib `re` parser, with `\\p{…}` read as one character
    like `\\d`; None where that parser would not read it as the `regex` module does (case
    folding, verbose patterns, syntax only `regex` has)."""
    if pattern.flags & (regex.IGNORECASE | regex.VERBOSE):
        return None
    src = pattern.pattern
    if not isinstance(src, str) or _UNSAFE.search(src):
        return None
    sre = _sre()
    try:
        tree = sre.parse(_PROPERTY.sub(r"\\d", src))
    except Exception:  # syntax only the `regex` module reads
        return None
    if tree.state.flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_VERBOSE):
        return None
    return tree


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two required sets: longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _factor(items: list, sre, in_text: bool = False
            ) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(the few fixed strings the sequence can match, or None; a required set, or None).
    `in_text`: the set may also be what a positive lookaround needs around the match."""
    run = frozenset([""])  # one of these was matched since the last break (of every match)
    whole = True  # `run` is all the sequence has matched so far
    best: frozenset[str] | None = None
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
    for op, av in items:
        if in_text and op is sre.ASSERT:
            # the text holds a match of the lookaround's pattern, ending (lookbehind) or starting
            # (lookahead) where the run does
            look_ones, look_alts = _factor(list(av[1]), sre, in_text)
            if look_ones is not None and all(look_ones):
                if av[0] < 0 and run == frozenset([""]):
                    run, whole = look_ones, False  # (the run goes on after it, outside the match)
                    continue
                if av[0] > 0 and len(run) * len(look_ones) <= _MAX_ALTERNATIVES:
                    look_alts = frozenset(a + b for a in run for b in look_ones)
                else:
                    look_alts = look_ones
            if look_alts is not None and all(look_alts):
                best = _better(best, look_alts)
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the characters on either side are next to each other
        ones: frozenset[str] | None = None  # the item matches one of these, nothing else
        alts: frozenset[str] | None = None  # the item's matches contain one of these
        more = False  # the item may match more after `ones` (a repeat)
        if op is sre.LITERAL:
            ones = frozenset([chr(av)])
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            ones, alts = _factor(list(av[3]), sre, in_text)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            ones, alts = _factor(list(av), sre, in_text)
        elif op is sre.BRANCH:
            branches = [_factor(list(a), sre, in_text) for a in av[1]]
            if all(o is not None for o, _ in branches):
                ones = frozenset().union(*(o for o, _ in branches))
            elif all(f is not None for _, f in branches):
                alts = frozenset().union(*(f for _, f in branches))
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):
            ones = frozenset(chr(v) for _, v in av)
        elif op in repeats and av[0] >= 1:
            lo, hi, sub = av
            sub_ones, alts = _factor(list(sub), sre, in_text)
            if sub_ones is not None and len(sub_ones) == 1:
                ones = frozenset([next(iter(sub_ones)) * lo])
            else:
                ones = sub_ones
            more = hi != lo
        if ones is not None and len(run) * len(ones) <= _MAX_ALTERNATIVES:
            run = frozenset(a + b for a in run for b in ones)
            if not more:
                continue
            ones = None
        best = _better(best, run if all(run) else None)
        run, whole = frozenset([""]), False
        if ones is not None:
            alts = ones
        if alts is not None and all(alts):
            best = _better(best, alts)
    best = _better(best, run if all(run) else None)
    return (run if whole else None), best


# --------------------------------------------------------------------------- whole-text scanner
# The escapes a pattern may use to be scanned by the stdlib `re` engine: `\d` (the same class
# as the `regex` module's in the Basic Multilingual Plane: tests/test_claims.py checks every code
# point), escaped punctuation and one character's escapes (`\t`, `\xa0`, `\u3000` …); `\s`
# (spell it out: `WHITE_SPACE` below), `\w`, `\b`, `\p{…}` … differ or are unknown to `re`.
# (This pattern finds the other escapes.)
_RE_SAFE_ESCAPES = regex.compile(r"\\(?![dtnvfr]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})\w")
REGEX_SPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + \
    "\u2028\u2029\u202f\u205f\u3000"
"""The characters `regex` reads as `\\s` (`re` and `str.strip` read U+001C–U+001F as white
space too; tests/test_normalize.py checks every code point): what `str` methods strip where
they stand for a `regex` pattern's `\\s`."""
# the same as a class, spelled out for both engines (literal characters: no escape to read)
WHITE_SPACE = f"[{REGEX_SPACE}]"
# where the two engines' `\d` may differ (`regex` scans a whole text for them 5× faster than `re`)
_ASTRAL = regex.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=4)
def bmp_only(text: str) -> bool:
    """Does `text` stay in the Basic Multilingual Plane (where a `whole_text_scanner` holds)?
    Cached (a pure test of the text): structure, citations and claims ask it of the same
    normalised text of a document, and a search costs about 15 instructions a character, where
    a hit costs hashing the text once (about 4)."""
    return _ASTRAL.search(text) is None


def whole_text_scanner(rx: regex.Pattern, guard: str = "") -> re.Pattern | None:
    """`rx` compiled by the stdlib `re` engine behind a lookahead on the characters its matches
    can begin with (`first_chars`), or None where that is not known to give `rx`'s matches.
    A zero-width `guard` (`run_guard`) is asked right after that lookahead: the same matches
    where it turns down only starts at which `rx` cannot match.

    `regex` tries a pattern that opens on lookbehinds (the quantity pattern's start guard) at
    every position of a text; `re` turns down most positions at the lookahead's one character
    test (the quantity scan over the corpus: 150 → 80 ms). The scanner finds what `rx` finds
    on any text without characters outside the BMP (`finditer`, same spans and groups;
    tests/test_claims.py compares them on every corpus text): the lookahead only states what
    every match begins with, and the escapes allowed mean the same in both engines there."""
    body = _bmp_body(rx)
    first = first_chars(rx.pattern) if body is not None else None
    if first is None:
        return None
    # (`\d` spelled out: a class of characters is a bitmap to `re`, where a category makes it
    # look up each character's properties; the lookahead is tested at every position)
    first = first.replace("\\d", bmp_digits())
    if not guard:
        return _re_compiled(f"(?=[{first}])(?:{body})")
    # (the guard after the lookbehinds the pattern opens on: zero-width tests at one position,
    # true together in any order, and a start they turn down is not run through the guard; a
    # guarded pattern, tried at tens of thousands of starts, with its `\d` spelled out too)
    k = _lookbehinds_end(body)
    return _re_compiled(f"(?=[{first}])(?:{_digits_spelled(body[:k])}{guard}"
                        f"{_digits_spelled(body[k:])})")


def _digits_spelled(source: str) -> str:
    """A regex's source with each `\\d`, alone or in a class, spelled out (`bmp_digits`): the
    same characters on a text of the BMP, tested in a bitmap where `re` looks up a category."""
    out = []
    for i, j in source_elements(source):
        element = source[i:j]
        if element == "\\d":
            element = f"[{bmp_digits()}]"
        elif element[0] == "[":
            element = "".join(bmp_digits() if n and element[k:m] == "\\d" else element[k:m]
                              for n, (k, m) in enumerate(_with_head(element)))
        out.append(element)
    return "".join(out)


def _with_head(element: str) -> Iterator[tuple[int, int]]:
    """(0, where the parts begin), then `set_parts(element)`."""
    parts = list(set_parts(element))
    yield 0, parts[0][0] if parts else len(element)
    yield from parts


def _lookbehinds_end(source: str) -> int:
    """Where the lookbehinds (`(?<=…)`, `(?<!…)`, not repeated) that a regex's source opens on
    end, inside the non-capturing groups (`(?:`, not repeated) it opens on (0: none). A group
    or source with a `|` at its own level is not looked into (its lookbehinds lead one branch)."""
    close: dict[int, int] = {}  # (a group's `(` -> its `)`)
    barred: set[int] = set()  # (the `(` of each group with a `|` at its own level; -1: the top)
    opened: list[int] = [-1]
    for i, ch, _ in _syntax_chars(source):
        if ch == "(":
            opened.append(i)
        elif ch == "|":
            barred.add(opened[-1])
        elif len(opened) > 1:
            close[opened.pop()] = i
    if -1 in barred:
        return 0
    pos = end = 0
    while source.startswith("(?:", pos) and pos not in barred and pos in close \
            and source[close[pos] + 1:close[pos] + 2] not in QUANTIFIERS:
        pos = end = pos + 3
    while source.startswith(("(?<=", "(?<!"), pos) and pos in close \
            and source[close[pos] + 1:close[pos] + 2] not in QUANTIFIERS:
        pos = close[pos] + 1
    return pos if pos > end else 0


def _bmp_body(rx: regex.Pattern) -> str | None:
    """`rx`'s pattern written for the stdlib `re`, to give its matches on texts without
    characters outside the BMP (None: flags or syntax `re` would read otherwise)."""
    if rx.flags & ~(regex.UNICODE | regex.VERSION0):
        return None
    return _stdlib_source(rx.pattern, any_text=False)


@lru_cache(maxsize=1)
def bmp_digits() -> str:
    """The characters of the Basic Multilingual Plane that both engines read as `\\d`, spelled
    out (tests/test_claims.py checks them against each engine's class on every code point).
    Inside a class `re` tests them in a bitmap: faster than `\\d`, which it tests by looking up
    the character's category (the claims quantity scanner's lookahead: −17% of its time)."""
    return "".join(c for c in map(chr, range(0x10000)) if c.isdecimal())


def first_chars(src: str) -> str | None:
    """The characters a match of the regex `src` can begin with, as the inside of a character
    class (None: not known, or it can match the empty string). Read off the stdlib `re` parse
    tree: zero-width assertions are skipped, so the set may be larger than needed, never
    smaller."""
    sre = _sre()
    try:
        tree = sre.parse(src)
    except re.error:
        return None
    found, nullable = _edge_of(list(tree), sre)
    if found is None or nullable:
        return None
    return "".join(sorted(map(_class_text, found)))


def _edge_of(items: list, sre: Any, last: bool = False) -> tuple[set[tuple] | None, bool]:
    """(what a match of the sequence can begin with, or with `last` end with, as class items:
    `(code,)` a literal, `(low, high)` a range, `("d",)` `\\d`; None, unknown: a negated
    class, another category, any character …; whether the sequence can match the empty
    string). Zero-width assertions are skipped; an item that can match nothing lets the next
    one (the one before it, with `last`) stand at the edge too."""
    out: set[tuple] = set()
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
    for op, av in reversed(items) if last else items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width
        if op is sre.LITERAL:
            found, nullable = {(av,)}, False
        elif op is sre.IN:
            found, nullable = _class_items(av, sre), False
        elif op is sre.SUBPATTERN:
            found, nullable = _edge_of(list(av[3]), sre, last)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found, nullable = _edge_of(list(av), sre, last)
        elif op is sre.BRANCH:
            found, nullable = set(), False
            for branch in av[1]:
                f, n = _edge_of(list(branch), sre, last)
                if f is None:
                    return None, False
                found |= f
                nullable = nullable or n
        elif op in repeats:
            found, nullable = _edge_of(list(av[2]), sre, last)
            nullable = nullable or av[0] == 0
        else:  # any character, a negated literal, a back-reference, a conditional …
            return None, False
        if found is None:
            return None, False
        out |= found
        if not nullable:
            return out, False
    return out, True


def _class_items(av: Any, sre: Any) -> set[tuple] | None:
    """A class's items as `_edge_of` lists them (None: a negated class, another category)."""
    out: set[tuple] = set()
    for o, v in av:
        if o is sre.LITERAL:
            out.add((v,))
        elif o is sre.RANGE:
            out.add(tuple(v))
        elif o is sre.CATEGORY and v is sre.CATEGORY_DIGIT:
            out.add(("d",))
        else:
            return None
    return out


def _class_text(item: tuple) -> str:
    """An `_edge_of` item written inside a character class."""
    if item == ("d",):
        return "\\d"
    return "-".join(map(_class_char, item))


def _class_char(code: int) -> str:
    return f"\\U{code:08x}"


# --------------------------------------------------------------------------- stdlib anchors
_ASTRAL_RANGE = "\U00010000-\U0010ffff"


def stdlib_twin(src: str) -> re.Pattern | None:
    """The `regex` pattern `src` compiled by the stdlib `re`, matching wherever the `regex` one
    does (more, never less: an anchor's promise holds for it, see `StdlibAnchor`), or None.

    Written by `_stdlib_source` for any text: `\\s` spelled out as `regex` reads it, `\\d`
    widened beyond the BMP (there the two engines' Unicode versions may differ).
    tests/test_speed_meta.py checks the two classes over every code point."""
    return _re_compiled(_stdlib_source(src, any_text=True))


def _re_compiled(source: str | None) -> re.Pattern | None:
    """`source` compiled by the stdlib `re` (None for None, or for syntax only the `regex`
    module reads)."""
    if source is None:
        return None
    try:
        return re.compile(source)
    except re.error:
        return None


def _stdlib_source(src: str, *, any_text: bool) -> str | None:
    """The regex `src` written for the stdlib `re` (None: `re` may read it otherwise).

    `\\s` outside a class is spelled out (`WHITE_SPACE`, the characters `regex` reads as `\\s`).
    `\\d` reads the same in both engines in the BMP (tests/test_claims.py checks every code
    point): kept as it is for a text of the BMP (`whole_text_scanner`), and, with `any_text`,
    widened to every character beyond it, so that the result matches wherever `src` does, maybe
    more (`stdlib_twin`). None for syntax only `regex` has (`_UNSAFE`), for `\\s` inside a class
    (and `\\d` there, with `any_text`) and for another escape `re` reads otherwise
    (`_RE_SAFE_ESCAPES`)."""
    if _UNSAFE.search(src):
        return None
    out: list[str] = []
    for i, j in source_elements(src):
        c = src[i]
        if c == "\\" and j == i + 2:
            e = src[i + 1]
            if e == "s" or (e == "d" and any_text):
                out.append(WHITE_SPACE if e == "s" else f"[\\d{_ASTRAL_RANGE}]")
            elif _RE_SAFE_ESCAPES.match(src, i):
                return None
            else:
                out.append(src[i:j])
            continue
        if c == "[":  # (a class stands as it is, unless it holds an escape `re` reads otherwise)
            for k, m in set_parts(src[i:j]):
                if m == k + 2 and src[i + k] == "\\":
                    e = src[i + k + 1]
                    if e == "s" or (e == "d" and any_text) or _RE_SAFE_ESCAPES.match(src, i + k):
                        return None
        out.append(src[i:j])
    return "".join(out)


class StdlibAnchor:
    """An anchor for `anchored_finditer` scanned by the stdlib `re` (`stdlib_twin`): a pattern
    led by a class, which `re` skips to in C (the document-number anchor of the citations, led
    by an opening bracket: about 2× faster than `regex` over the corpus). Its matches are a
    superset of the `regex` anchor's, so the anchor promise still holds: positions it adds are
    only tried.

    With `firsts`, the characters every match begins with (`first_char_list`), the overlapped
    scan asks `match` only where one of them stands, found by `str.find` (well under an
    instruction a character passed over, where `re`'s search tests each character against the
    set of first characters: about 50 instructions a character for the eight opening brackets
    of a document number). For an anchor whose first characters are rare in the texts. Where
    the anchor opens on one element (`led_by_each`), each first character the text holds is
    looked for by the anchor written with that character first, whose `search` skips to it in
    the engine's own loop and tries the rest there: no `match` call from Python at a place
    where the anchor fails (of the 3,324 brackets of the 555 new reports of the instruction
    benchmark, 288 open a document number's anchor; a place cost about 3.5k instructions)."""

    __slots__ = ("_firsts", "_led", "_rx", "pattern")

    def __init__(self, rx: re.Pattern, firsts: str | None = None) -> None:
        self._rx = rx
        self.pattern = rx.pattern
        self._firsts = firsts or None
        led = led_by_each(rx, firsts) if firsts else None
        self._led = None if led is None else dict(zip(firsts, (p.search for p in led), strict=True))

    def finditer(self, text: str, pos: int = 0, *, overlapped: bool = False) -> Iterator[re.Match]:
        """`regex`'s `finditer`: with `overlapped`, a match at every position where one starts."""
        if not overlapped:
            return self._rx.finditer(text, pos)
        if self._firsts is not None:
            return self._at_firsts(text, pos)
        return self._overlapped(text, pos)

    def _overlapped(self, text: str, pos: int) -> Iterator[re.Match]:
        search = self._rx.search
        m = search(text, pos)
        while m is not None:
            yield m
            m = search(text, m.start() + 1)

    def _at_firsts(self, text: str, pos: int) -> Iterator[re.Match]:
        """The overlapped scan from the places of the first characters (a match found by
        `search` from a position is `match`'s at the first position from there where `match`
        finds one, and every match begins at one of those places)."""
        match = self._rx.match
        # (only the characters the text holds: `in` costs a fraction of a `str.find` call that
        # finds nothing, whose arguments are parsed; most texts hold one or two of the eight
        # brackets a document number opens on)
        held = [ch for ch in self._firsts if ch in text]
        if not held:
            return
        if self._led is not None:
            yield from self._led_matches(text, pos, held)
            return
        # (one character: its places are in order already)
        for k in find_all(text, held[0]) if len(held) == 1 else first_places(text, held):
            if k >= pos:
                m = match(text, k)
                if m is not None:
                    yield m

    def _led_matches(self, text: str, pos: int, held: list[str]) -> list[re.Match]:
        """`_at_firsts`' matches by the searches `led_by_each` wrote, one a character `held`
        (a search from one past each match's start finds the next, overlaps included); those
        of several characters, which start at distinct places, put in order."""
        found = []
        for ch in held:
            search = self._led[ch]
            m = search(text, pos)
            while m is not None:
                found.append(m)
                m = search(text, m.start() + 1)
        if len(held) > 1:
            found.sort(key=re.Match.start)
        return found


# --------------------------------------------------------------------------- compiled prefilter
_RE2_LITERAL = "\\x{%x}"
_RE2_ANY = "(?s:.)"
_RE2_MAX_COUNT = 4  # a repeat's minimum count is kept up to this many (more: this many)


@lru_cache(maxsize=1 << 10)
def re2_superset(pattern: regex.Pattern) -> str | None:
    """An RE2 pattern that finds a match in every text where `pattern` does (None: not known).

    It is `pattern` loosened where RE2 lacks a feature or reads it otherwise: lookarounds and
    anchors are left out (they consume nothing, so the characters on either side of one are
    next to each other), a class that holds a category (`\\d`, `\\s`, `\\p{…}`) is any
    character, an atomic group or a possessive repeat is a plain one, and a repeat of more
    than once has no upper bound (`a{2,20}` is `a{2,}`). Each step only lets more texts match,
    so where the loosened pattern finds nothing, `pattern` finds nothing. Patterns the stdlib
    parser does not read as the `regex` module does (`required_literals`), case folding, and
    back-references give None.

    Cached (`regex` patterns compare by source and flags): a link rule's pattern goes into the
    filter of each unit it names, and the filter of a unit first met in a new document parsed
    its patterns again (封: 28 patterns, about 28M instructions of its 45M)."""
    tree = _parsed(pattern)
    if tree is None:
        return None
    return _re2_loose(list(tree), _sre())


def _re2_loose(items: list, sre: Any) -> str | None:
    """`re2_superset` of a sequence of the stdlib parse tree (None: an item it cannot loosen)."""
    out: list[str] = []
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
    for op, av in items:
        if op is sre.LITERAL:
            out.append(_RE2_LITERAL % av)
        elif op is sre.NOT_LITERAL:
            out.append("[^" + _RE2_LITERAL % av + "]")
        elif op in (sre.ANY, sre.CATEGORY):
            out.append(_RE2_ANY)
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: left out, the pattern matches more
        elif op is sre.IN:
            out.append(_re2_class(av, sre))
        elif op is sre.SUBPATTERN or op is getattr(sre, "ATOMIC_GROUP", None):
            if op is sre.SUBPATTERN and (av[1] | av[2]) & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_LOCALE):
                return None  # (case folding: `_parsed` turns it down already)
            inner = _re2_loose(list(av[3] if op is sre.SUBPATTERN else av), sre)
            if inner is None:
                return None
            out.append(f"(?:{inner})")
        elif op is sre.BRANCH:
            branches = [_re2_loose(list(b), sre) for b in av[1]]
            if any(b is None for b in branches):
                return None
            out.append("(?:" + "|".join(branches) + ")")  # type: ignore[arg-type]
        elif op in repeats:
            lo, hi, sub = av
            inner = _re2_loose(list(sub), sre)
            if inner is None:
                return None
            if lo == hi == 1:
                out.append(f"(?:{inner})")
            elif lo == 0 and hi == 1:
                out.append(f"(?:{inner})?")
            else:
                out.append(f"(?:{inner}){{{min(lo, _RE2_MAX_COUNT)},}}")
        else:  # a back-reference, a conditional group …
            return None
    return "".join(out)


def _re2_class(items: list, sre: Any) -> str:
    """A class of the stdlib parse tree in RE2's spelling; any character where it holds a
    category (a negated category too: any character is the loose reading of both)."""
    negate = False
    parts = []
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            parts.append(_RE2_LITERAL % av)
        elif op is sre.RANGE:
            parts.append(_RE2_LITERAL % av[0] + "-" + _RE2_LITERAL % av[1])
        else:
            return _RE2_ANY
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


class PatternFilter:
    """Which of many `regex` patterns may find a match in a text, in one call: a superset of
    those that do (`candidates`).

    Each pattern is loosened to RE2's syntax (`re2_superset`) and the loosened patterns go into
    one RE2 `FilteredRE2` (the `google-re2` package): RE2 reads off each the strings its
    matches need (an AND/OR formula of them, every one the pattern passes through, not just
    one set of alternatives as `required_literals` keeps), finds all of them in a text with one
    automaton and answers the patterns whose formula holds. A pattern RE2 cannot take is always
    a candidate. The formulas only ask whether strings are in the text, so a text's candidates
    hold those of every piece of it."""

    __slots__ = ("_always", "_empty", "_filter", "_index", "_match", "_own", "size")

    def __init__(self, patterns: Sequence[regex.Pattern]) -> None:
        import re2  # (a compiled library: imported where a filter is built, not at import)

        self.size = len(patterns)
        always: list[int] = []
        self._index: list[int] = []  # the filter's pattern number -> the pattern's index
        self._filter = re2.Filter()
        for i, p in enumerate(patterns):
            loose = re2_superset(p)
            try:
                if loose is None:
                    raise re2.error("no RE2 form")
                self._filter.Add(loose, re2.Options())
            except re2.error:
                always.append(i)
                continue
            self._index.append(i)
        if self._index:
            self._filter.Compile()
        # the compiled filter's `Match`, asked with a text's UTF-8 bytes: `re2.Filter.Match` only
        # encodes the text and calls it, at a cost in Python above RE2's own on a short text
        # (through the wrapper where it has no compiled filter; None: no pattern RE2 can take)
        self._match = getattr(self._filter, "_filter", self._filter).Match if self._index else None
        self._always = tuple(always)
        # (the filter's numbers are the patterns' own indices: RE2 took every pattern)
        self._own = not always
        # (an empty text: the patterns that match the empty string)
        self._empty = tuple(i for i, p in enumerate(patterns) if p.search("") is not None)

    def candidates(self, text: str) -> Sequence[int]:
        """The indices of the patterns that may find a match in `text`, in order (every one
        that does is among them)."""
        if not text:
            return self._empty
        if self._match is None:
            return self._always
        try:
            found = self._match(text.encode("utf-8"), True) or ()
        except UnicodeEncodeError:  # (lone surrogates: no UTF-8 for RE2)
            return range(self.size)
        index = self._index
        if not self._always:
            return [index[k] for k in found]
        return sorted([*self._always, *(index[k] for k in found)])

    def passed(self) -> tuple[int, ...]:
        """The indices of the patterns that are candidates in every text: those RE2 cannot take,
        and those it found no string their matches need for (the empty text, which holds none
        of the strings, lets them through), in order."""
        if self._match is None:
            return self._always
        return tuple(sorted({*self._always, *(self._index[k] for k in self._match(b"", True) or ())}))

    def union(self, texts: Iterable[str]) -> set[int]:
        """`set().union(*map(self.candidates, texts))`, in one call (asked once or more per
        claim: tests/test_speed_link.py compares both on every text the link rules ask about)."""
        out: set[int] = set()
        match = self._match
        for text in texts:
            if not text:
                if self._empty:  # (seldom any: the update is not asked for nothing)
                    out.update(self._empty)
                continue
            if match is None:
                out.update(self._always)
                continue
            try:
                found = match(text.encode("utf-8"), True)
            except UnicodeEncodeError:  # (lone surrogates: no UTF-8 for RE2)
                return set(range(self.size))
            if found:  # (the indices as they are where they are the patterns' own)
                out.update(found if self._own else map(self._index.__getitem__, found))
            if self._always:
                out.update(self._always)
        return out


def stdlib_scanner(rx: regex.Pattern) -> re.Pattern | None:
    """`rx` compiled by the stdlib `re` as it stands, without the lookahead `whole_text_scanner`
    puts first (None for flags or syntax `re` reads otherwise): the same matches on texts without characters
    outside the BMP, for the same reasons. For a pattern led by literals (未收到…, 无…申请), `re`
    finds where a match can begin by its own prefix scan in C, which a leading lookahead hides:
    there it is faster than both `regex` and the lookahead form (tests/test_claims.py compares
    the matches on every corpus text)."""
    return _re_compiled(_bmp_body(rx))


def run_guard(rx: regex.Pattern, run: regex.Pattern) -> str | None:
    """A negative lookahead in the stdlib `re` syntax that turns down a start where `rx` cannot
    match: a run of the characters `run` consumes, followed by one that no match of `rx`
    consumes, or by the text's end (None where that is not known to hold).

    It holds when every match of `rx` holds a character outside the run's class (each of its
    `required_literals` has one): a match starting inside a run must then go past the run's end,
    so it consumes the character there. A pattern consumes only the characters it spells when
    it has no `.`, negated class, category but `\\d`, or back-reference (lookarounds consume
    nothing): else None. For a scanner of BMP texts (`\\d` as both engines read it there)."""
    ran, rx_reads = _consumed_chars(run), _consumed_chars(rx)
    required = required_literals(rx)
    if ran is None or rx_reads is None or required is None:
        return None
    (run_chars, run_digits), (chars, digits) = ran, rx_reads

    def in_run(ch: str) -> bool:
        return ch in run_chars or (run_digits and ch.isdecimal())

    if (not run_chars and not run_digits) or any(all(map(in_run, w)) for w in required):
        return None

    def spelled(cs: set[str], d: bool) -> str:
        return "".join(sorted(map(re.escape, cs))) + (bmp_digits() if d else "")

    inside = spelled(run_chars, run_digits)
    # (possessive where `re` reads it, 3.11 on: a shorter run is followed by a character of the
    # run, which the lookahead's class holds, so only the whole run can be followed by none of
    # it, and giving characters back, one class test each, never helps)
    more = "++" if sys.version_info >= (3, 11) else "+"
    return f"(?![{inside}]{more}(?![{spelled(chars | run_chars, digits or run_digits)}]))"


def _consumed_chars(rx: regex.Pattern) -> tuple[set[str], bool] | None:
    """(the characters a match of `rx` can consume, whether `\\d` is among them), or None where
    they are not spelled out in the pattern (see `run_guard`)."""
    if _PROPERTY.search(rx.pattern):
        return None
    tree = _parsed(rx)
    if tree is None:
        return None
    sre = _sre()
    chars: set[str] = set()
    digits = False
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))

    def walk(items: list) -> bool:
        nonlocal digits
        for op, av in items:
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # zero width
            if op is sre.LITERAL:
                chars.add(chr(av))
            elif op is sre.IN:
                for kind, v in av:
                    if kind is sre.LITERAL:
                        chars.add(chr(v))
                    elif kind is sre.RANGE and v[1] - v[0] < 256:
                        chars.update(map(chr, range(v[0], v[1] + 1)))
                    elif kind is sre.CATEGORY and v is sre.CATEGORY_DIGIT:
                        digits = True
                    else:
                        return False
            elif op is sre.SUBPATTERN:
                if av[1] or av[2] or not walk(list(av[3])):
                    return False
            elif op is getattr(sre, "ATOMIC_GROUP", None):
                if not walk(list(av)):
                    return False
            elif op is sre.BRANCH:
                if not all(walk(list(b)) for b in av[1]):
                    return False
            elif op in repeats:
                if not walk(list(av[2])):
                    return False
            else:
                return False
        return True

    return (chars, digits) if walk(list(tree)) else None


def lookarounds_matched(rx: regex.Pattern) -> regex.Pattern:
    """`rx` with a positive lookbehind that opens it and a positive lookahead that closes it
    made part of the match (`(?<=政府)\\d+次(?=会议)` → `(?:政府)\\d+次(?:会议)`): it finds a match
    in every text where `rx` does, since the text holds what they look for right next to the
    match. For a filter of texts (`PatternFilter` leaves lookarounds out, so it could not ask for
    those strings). `rx` itself where it has neither, or a `|` at its top level."""
    src = rx.pattern
    groups: list[tuple[int, int]] = []  # (start, end) of the groups at the top level
    start = 0
    for i, ch, depth in _syntax_chars(src):
        if ch == "(" and depth == 0:
            start = i
        elif ch == ")" and depth == 1:
            groups.append((start, i + 1))
        elif ch == "|" and depth == 0:
            return rx
    n = len(src)
    head, tail = 0, n
    if groups and groups[0][0] == 0 and src.startswith("(?<=") and \
            src[groups[0][1]:groups[0][1] + 1] not in ("*", "+", "?", "{"):
        head = groups[0][1]
    if groups and groups[-1][1] == n and src.startswith("(?=", groups[-1][0]) and \
            groups[-1][0] >= head:
        tail = groups[-1][0]
    if head == 0 and tail == n:
        return rx
    before = "(?:" + src[4:head - 1] + ")" if head else ""
    after = "(?:" + src[tail + 3:n - 1] + ")" if tail < n else ""
    return regex.compile(before + src[head:tail] + after, rx.flags)


class FilteredLeftmostFirst(LeftmostFirst):
    """`LeftmostFirst` that asks a branch only in a text where RE2's filter (`PatternFilter`)
    finds the strings its matches need, what its opening lookbehind and closing lookahead look
    for included (`lookarounds_matched`): all of them found by one automaton, where the literal
    gate asks one set of strings per branch through a Python loop over the text's candidate
    positions. The literal gate is built too and answers for a text the filter lets every branch
    through (one RE2 cannot read: lone surrogates)."""

    __slots__ = ("_filter",)

    def __init__(self, patterns: Sequence[regex.Pattern],
                 bmp_searchers: Sequence[Any] | None = None,
                 filter_patterns: Sequence[regex.Pattern | None] | None = None) -> None:
        super().__init__(patterns, literal_gate=True, bmp_searchers=bmp_searchers)
        # (`filter_patterns`: for each branch, what the filter is given instead of it, None:
        # the branch; each must find a match in every text where its branch does, as its
        # `literal_led_rest` does: a rest whose head's strings cost RE2's automaton states
        # and narrow nothing the rest gate does not)
        given = self.patterns if filter_patterns is None else \
            [p if f is None else f for p, f in zip(self.patterns, filter_patterns, strict=True)]
        self._filter = PatternFilter([lookarounds_matched(p) for p in given])

    def _live(self, text: str) -> Iterable[int]:
        live = self._filter.candidates(text)
        return super()._live(text) if len(live) == len(self.patterns) else live


# --------------------------------------------------------------------------- anchored patterns
# inline flags that change what `^`, `$` or the pattern's white space mean
_ANCHOR_FLAGS = regex.compile(r"\(\?[a-zA-Z-]*[mxw]")


def _anchorable_branches(pattern: regex.Pattern) -> list[str] | None:
    """The top-level branches of `pattern`, or None where `^` and `$` may mean more than the
    text's start and end (MULTILINE, VERBOSE or WORD set, inline or not) or the pattern's
    grouping cannot be read."""
    src = pattern.pattern
    if pattern.flags & (regex.MULTILINE | regex.VERBOSE | regex.WORD) or _ANCHOR_FLAGS.search(src):
        return None
    try:
        return top_level_branches(src)
    except ValueError:
        return None


def start_anchored(pattern: regex.Pattern) -> bool:
    """Can a match of `pattern` begin only at the start of the text? True where every top-level
    branch opens with `^` and neither MULTILINE nor VERBOSE is set: then `pattern.match(text)`
    finds what `pattern.search(text)` does, without the search's tries at every later position
    (`sub(…, count=1)` likewise: the text after `match`'s end)."""
    branches = _anchorable_branches(pattern)
    return branches is not None and all(b.startswith("^") for b in branches)


def end_reach(pattern: regex.Pattern) -> int | None:
    """How far before a text's end a match of `pattern` can begin, for a pattern whose every
    match ends at the end: one top-level branch closing on an unescaped `$`, neither MULTILINE
    nor VERBOSE set (None otherwise, or where the width is not bounded). `$` also matches
    before a final newline, hence one more than `match_reach`. `pattern.search(text,
    max(len(text) - reach, 0))` finds what `pattern.search(text)` does (a lookbehind still
    sees the text before that position), without tries at every earlier one."""
    src = pattern.pattern
    branches = _anchorable_branches(pattern)
    body = src[:-1]
    # (a `$` last stands outside a set, which would end on `]`; escaped after an odd number of `\\`)
    if branches is None or len(branches) != 1 or not src.endswith("$") or (len(body) - len(body.rstrip("\\"))) % 2:
        return None
    reach = match_reach(pattern)
    return None if reach is None else reach + 1


def search_near_end(pattern: Any, text: str, reach: int | None) -> Any:
    """`pattern.search(text)` for a pattern whose matches begin at most `reach` characters
    before the text's end (`end_reach`): asked from there, or from the start where `reach` is
    None (a lookbehind still sees the text before that position)."""
    return pattern.search(text) if reach is None else pattern.search(text, max(len(text) - reach, 0))


# a property (`\p{Han}`), another escape, or a set (`[` … `]`, a `]` first in it literal)
_PROPERTY_OR_SET = regex.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]|\\.|\[\^?\]?(?:\\.|[^\]\\])*\]",
                                 regex.DOTALL)


def loose_twin(src: str) -> re.Pattern | None:
    """`stdlib_twin` of the regex `src` with each property (`\\p{Han}`), and each set holding
    one, read as any character: a stdlib `re` pattern that matches wherever `src` does, maybe
    more (None where `stdlib_twin` gives none, or where `src` has a negative lookaround, in
    which a wider class would turn down more). The cheap test before a `regex` pattern the
    stdlib cannot read as it stands (`re` asks a short text in about half the instructions)."""
    if "(?!" in src or "(?<!" in src:
        return None

    def widen(m: regex.Match[str]) -> str:
        t = m.group()
        if (t[0] == "[" and _PROPERTY.search(t) is None) or (t[0] == "\\" and t[1] not in "pP"):
            return t
        return "(?s:.)"

    return stdlib_twin(_PROPERTY_OR_SET.sub(widen, src))


# --------------------------------------------------------------------------- first-character starts
_SPELLED_CHAR = re.compile(r"\\U([0-9a-f]{8})")  # how `first_chars` spells a character


def first_char_list(src: str) -> str | None:
    """The characters a match of the regex `src` can begin with (`first_chars`), as a string of
    them, when that class is a list of characters (None: not known, or a class with a range or
    `\\d`, whose characters `str.find` could not look for one by one)."""
    first = first_chars(src)
    if first is None or _SPELLED_CHAR.sub("", first):
        return None
    return "".join(chr(int(h, 16)) for h in _SPELLED_CHAR.findall(first))


def first_places(text: str, firsts: Iterable[str], places: dict[str, list[int]] | None = None,
                 anchors: tuple[tuple[str, tuple[int, ...]], ...] | None = None) -> list[int]:
    """The positions of `text` where one of the characters or strings `firsts` stands, in
    order (`str.find`; `places`: each one's positions, filled for those looked for and reused);
    with `anchors` (`prefix_anchors`), the places of each anchor character less each of its
    offsets instead. Where a pattern whose matches begin with one of `firsts` can begin
    (`finditer_from_firsts`, `StdlibAnchor`)."""
    if places is None:
        places = {}
    starts: list[int] = []
    for ch, offsets in anchors if anchors is not None else zip(firsts, repeat((0,))):
        found = places.get(ch)
        if found is None:
            found = places[ch] = find_all(text, ch)
        starts += found if offsets == (0,) else [k - o for k in found for o in offsets if k >= o]
    starts.sort()
    return starts


def finditer_from_firsts(pattern: Any, text: str, firsts: Iterable[str],
                         places: dict[str, list[int]] | None = None,
                         prefixes: tuple[str, ...] | None = None,
                         anchors: tuple[tuple[str, tuple[int, ...]], ...] | None = None,
                         preceded_by: frozenset[str] | None = None) -> Iterator[Any]:
    """The matches of `pattern.finditer(text)` (a `regex` or a stdlib `re` pattern) for a
    pattern whose every match begins with one of the characters `firsts` (`first_char_list`),
    or with one of the strings `firsts` (the words of the alternation it opens on):
    `pattern.match` is asked only where one of them stands, found by `str.find` (`places`:
    where each character or string stands in `text`, filled for those looked for, for the next
    pattern asked about the same text).

    No match begins elsewhere, so the first match from a position on is the one `match` finds
    at the first of those places where it finds one; a match is never empty (it holds its
    first character), so the next is looked for from its end, as `finditer` does. `str.find`
    passes over a character in a few instructions; the engines' own search for a set of first
    characters tests each character against the set (30-90 instructions a character).
    `prefixes` (`literal_prefixes`): strings one of which every match begins with; `match` is
    not asked where the text begins with none of them (`str.startswith`: a small part of what
    a `regex` match turning the start down costs). `anchors` (`prefix_anchors(prefixes)`):
    the starts are found from the places of characters that stand in every prefix at a known
    offset instead of from those of the first characters (fewer `str.find` passes).
    `preceded_by`: characters one of which stands right before every match that does not open
    the text (what a lookbehind the pattern holds asks for); `match` is not asked elsewhere."""
    pos = 0
    for k in first_places(text, firsts, places, anchors):
        if k >= pos and (prefixes is None or text.startswith(prefixes, k)) and (
                preceded_by is None or k == 0 or text[k - 1] in preceded_by):
            m = pattern.match(text, k)
            if m is not None:
                yield m
                pos = m.end()


# --------------------------------------------------------------------------- literal-led rests
QUANTIFIERS = ("*", "+", "?", "{")  # (what may follow a literal and repeat it)
_NO_REST = regex.compile(r"\\[1-9K]|\\g<|\(\?P=|\(\?\(|\(\?[a-zA-Z]*\)")  # (back-references, \K,
# conditionals, global flags: what the rest cannot carry alone)


def literal_led_rest(pattern: regex.Pattern) -> regex.Pattern | None:
    """The part of a pattern of one branch from its first literal character at the top level
    on (`\\d+\\s*页\\s*\\d+KB` → `页\\s*\\d+KB`), compiled with its flags: every match of
    `pattern` holds a match of it (what stands before the literal only narrows where the match
    begins), so a text where it finds nothing holds no match of `pattern`. It is searched by
    the engine's fast scan for its leading literal. None where `pattern` opens on a literal
    already, holds no literal at its top level (outside groups, sets and escapes, and not
    repeated), has a `|` there, or refers back to a group or sets a flag."""
    src = pattern.pattern
    if _NO_REST.search(src) or any(ch == "|" and d == 0 for _, ch, d in _syntax_chars(src)):
        return None
    count_until = -1  # (inside a repeat's counts, `{1,3}`, up to its `}`)
    for i, ch, depth in _plain_chars(src):
        if i <= count_until:
            continue
        if ch == "{":
            close = src.find("}", i)
            count_until = len(src) if close < 0 else close
        elif depth == 0 and ch not in ".^$*+?{}]()|" and src[i + 1:i + 2] not in QUANTIFIERS:
            return None if i == 0 else regex.compile(src[i:], pattern.flags)
    return None


class RestGatedLeftmostFirst(FilteredLeftmostFirst):
    """`FilteredLeftmostFirst` that asks a branch not led by a literal only in a text where its
    `literal_led_rest` finds a match: a branch led by a class or a lookbehind (a number, then
    页…KB: the size of a shared document) is tried by its engine at every position that can
    begin it, its rest only where its literal stands."""

    __slots__ = ("_rests",)

    def __init__(self, patterns: Sequence[regex.Pattern],
                 bmp_searchers: Sequence[Any] | None = None,
                 filter_patterns: Sequence[regex.Pattern | None] | None = None) -> None:
        super().__init__(patterns, bmp_searchers, filter_patterns)
        self._rests = self._with_char_gates(tuple(literal_led_rest(p) for p in self.patterns))

    def _with_char_gates(self, rests: tuple[Any, ...]) -> tuple[Any, ...]:
        """`rests` with a gate for a branch that has none and needs one of a few single
        characters (the literal gate's `_chars`), which RE2's filter passes in most texts or all:
        a stdlib `re` search for those characters where the filter asks for none of its strings
        (`PatternFilter.passed`: `\\[\\d{4}\\]…`, whose `[` is one byte), else its `loose_twin`
        where it has one (`一\\p{Han}一\\p{Han}`: 一 is in every text, 一.一 in few). Each matches
        in every text where the branch does."""
        passed = set(self._filter.passed())
        out = list(rests)
        for i, need in self._chars:
            if out[i] is None:
                out[i] = re.compile(char_class(need)) if i in passed else \
                    loose_twin(self.patterns[i].pattern)
        return tuple(out)

    def _live(self, text: str) -> Iterable[int]:
        rests = self._rests
        return [i for i in super()._live(text) if rests[i] is None or rests[i].search(text) is not None]


# --------------------------------------------------------------------------- first-set searches
def first_set_search(scanner: re.Pattern) -> re.Pattern:
    """`scanner`, a stdlib `re` pattern that opens on a lookahead on one set of characters
    (`(?=[…])…`, as `whole_text_scanner` writes it), compiled again without the lookahead and
    with the set given to the engine as the characters a match begins with. Where the
    lookahead only states what every match of the rest begins with (`whole_text_scanner`'s
    does), both find the same matches by every method; `search` and `finditer` now skip to
    those characters in the engine's own loop over the text (a few instructions a character),
    where the lookahead is a match started, and turned down, at every position (the claims
    quantity scan over new texts: 198M → 134M instructions).

    The stdlib compiler puts such a set in the code's information block only for a pattern
    that opens on a set or a literal; this builds the block from its parts (the private
    `re._compiler` and `_sre.compile`, called as `re.compile` calls them). `scanner` itself
    where it opens otherwise or those parts are not the ones known (tests/test_speed_claims.py
    compares the matches with `scanner`'s on every corpus text and on made-up ones)."""
    try:
        import _sre
        from re import _compiler as compiler
        from re import _constants as const
        from re import _parser as parser
    except ImportError:  # (Python 3.10: sre_compile; the lookahead form then)
        return scanner
    try:
        tree = parser.parse(scanner.pattern, scanner.flags)
        items = tree.data
        if not items or items[0][0] is not const.ASSERT or items[0][1][0] != 1:
            return scanner
        looked = list(items[0][1][1])
        if len(looked) != 1 or looked[0][0] is not const.IN:
            return scanner
        del items[0]
        flags = scanner.flags | tree.state.flags
        code = compiler._code(tree, flags)
        # [INFO, skip, mask, shortest, longest, …]: no prefix or set known, no empty match
        if code[0] != const.INFO or code[2] != 0 or code[3] == 0:
            return scanner
        charset, cased = compiler._optimize_charset(looked[0][1])
        if cased:
            return scanner
        info = [const.INFO, 0, const.SRE_INFO_CHARSET, code[3], code[4]]
        compiler._compile_charset(charset, flags, info)
        info[1] = len(info) - 1
        groupindex = tree.state.groupdict
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, k in groupindex.items():
            indexgroup[k] = name
        fast = _sre.compile(scanner.pattern, flags, info + code[1 + code[1]:],
                            tree.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:  # (another version's compiler: the lookahead form)
        return scanner
    if fast.groups != scanner.groups or fast.groupindex != scanner.groupindex:
        return scanner
    return fast


# --------------------------------------------------------------------------- rests and their neighbours
def _one_before(source: str) -> str | None:
    """The last element of a regex's source where it is one character of a class, an escape
    of one (`\\s`, `\\d`, `\\w` and their negations) or a literal character, taken once or
    more (`+`, `+?`, `++` or no repeat): that element's source; else None (a group, a
    lookaround, an optional or counted repeat, a set holding a `[`, anything else)."""
    last: str | None = None
    skip_to = 0  # (past a repeat's counts, `{1,3}`, or a `+`'s `?` or `+`)
    for i, j in source_elements(source):
        if i < skip_to:
            continue
        ch, element = source[i], source[i:j]
        if ch == "\\":
            last = element if element[1:] in ("s", "d", "w", "S", "D", "W") else None
        elif ch == "[":
            plain = [element[k] for k, m in set_parts(element) if m == k + 1 and element[k] != "\\"]
            last = element if plain[-1:] == ["]"] and "[" not in plain else None
        elif ch == "+":  # (once or more: the element before is still the last one)
            skip_to = i + (2 if source[i + 1:i + 2] in ("?", "+") else 1)
        elif ch == "{":
            last = None
            close = source.find("}", i)
            skip_to = len(source) if close < 0 else close + 1
        else:
            last = ch if ch not in "()|*?.^$" else None
    return last


def set_parts(element: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each part of a set's source (`[` … `]`, a `source_elements` element)
    after its opening (`[`, an optional `^`, a literal `]` first): an escape or one character
    (the closing `]` last, where the set is closed)."""
    k = 1 + element.startswith("^", 1)
    k += element.startswith("]", k)
    n = len(element)
    while k < n:
        m = k + 2 if element[k] == "\\" else k + 1
        yield k, min(m, n)
        k = m


def neighboured_rest(pattern: regex.Pattern) -> regex.Pattern | None:
    """`literal_led_rest(pattern)` behind a lookbehind on the element before its literal in
    `pattern`, where that is one character of a class or escape taken once or more
    (`(?<=\\d)\\s+号` → `(?<=\\s)号`): every match of `pattern` holds a match of the rest whose
    character before is one of that element's, so a text where it finds nothing holds no match
    of `pattern`; `literal_led_rest(pattern)` where no such element stands before the literal
    (or None where that is None). `regex` still finds it by its literal."""
    rest = literal_led_rest(pattern)
    if rest is None:
        return None
    before = _one_before(pattern.pattern[:len(pattern.pattern) - len(rest.pattern)])
    if before is None:
        return rest
    return regex.compile(f"(?<={before}){rest.pattern}", pattern.flags)


class NeighbourGatedLeftmostFirst(RestGatedLeftmostFirst):
    """`RestGatedLeftmostFirst` whose gates are the `neighboured_rest`s: a branch led by a
    lookbehind and a run of white space before its literal (`(?<=…)\\s+号`: a document number
    written apart) is asked only in a text where white space stands before that literal, not
    wherever the literal stands (its 号 is in most reports, the blank before it in few)."""

    __slots__ = ()

    def __init__(self, patterns: Sequence[regex.Pattern],
                 bmp_searchers: Sequence[Any] | None = None,
                 filter_patterns: Sequence[regex.Pattern | None] | None = None) -> None:
        super().__init__(patterns, bmp_searchers, filter_patterns)
        self._rests = self._with_char_gates(tuple(map(neighboured_rest, self.patterns)))


def any_text_scanner(rx: regex.Pattern) -> re.Pattern | None:
    """`whole_text_scanner(rx)` where it finds what `rx` finds on any text, not only on a text
    of the BMP: for a pattern without `\\d`, the one escape `_stdlib_source` lets through that
    the two engines may read otherwise beyond the BMP (None otherwise). For a short text asked
    once (a claim's clause), `re` turns down the positions no match begins at by its
    lookahead's one class test, where `regex` tries a long alternation of words at each."""
    src = rx.pattern
    if _stdlib_source(src, any_text=True) != _stdlib_source(src, any_text=False):
        return None
    return whole_text_scanner(rx)


@lru_cache(maxsize=4)
def spaces_only(text: str) -> bool:
    """Is the ASCII space the only white space of `text` outside its ``\\n`` line breaks? Every
    other character `regex` reads as `\\s` (`REGEX_SPACE`; `re` and `str.split` add U+001C–
    U+001F) is unprintable, so a text whose characters but its line breaks are all printable
    holds none of them (tests/test_speed_seg.py checks every code point of both engines'
    classes). In such a text a scan for white space within a line can look for ``" "`` alone, a
    literal the engines find about as fast as `str.find` instead of testing a class of
    characters at every position (about 36 instructions a character for this test, against 60–
    80 for a class-led scan). Cached (a pure test of the text): text tables and structure ask
    it of the same source text of most documents (406 of 555 new reports)."""
    return text.replace("\n", "").isprintable()


def least_needs(words: Sequence[str]) -> tuple[str, ...]:
    """The strings of `words` that hold none of the others, in order: a text holding one of
    `words` holds one of these (累计至今 holds 累计), so a test for them asks fewer `in`s."""
    return tuple(w for w in words if not any(v != w and v in w for v in words))


def char_class(chars: Iterable[str], negate: bool = False) -> str:
    """The source of a class of `chars` (`[…]`, or `[^…]` with `negate`), for either engine: a
    set of literal characters, written as `char_ranges` writes them, means the same to both."""
    return ("[^" if negate else "[") + char_ranges(sorted(set(map(ord, chars)))) + "]"


# --------------------------------------------------------------------------- literal prefixes
class _TooMany(Exception):
    pass


def _literal_step(sre: Any, op: Any, av: Any, grown: set[str],
                  walk: Callable[[list, set[str]], set[str]]) -> set[str] | None:
    """`grown` with each string followed by each string the stdlib parse item (`op`, `av`)
    matches, where that is a literal, a set of literals, a plain group or an alternation (their
    items read by `walk`); None for any other item. The one step of `literal_prefixes` and
    `literal_words`."""
    if op is sre.LITERAL:
        return {p + chr(av) for p in grown}
    if op is sre.IN and all(o is sre.LITERAL for o, _ in av):
        return {p + chr(v) for p in grown for _, v in av}
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return walk(list(av[3]), grown)
    if op is sre.BRANCH:
        return set().union(*(walk(list(alt), set(grown)) for alt in av[1]))
    return None


def literal_prefixes(src: str, n: int = 2, most: int = 32) -> tuple[str, ...] | None:
    """Strings of at most `n` characters one of which every match of the regex `src` begins
    with, read off the stdlib `re` parse tree (`(?P<neg>未|没有)(?:收取|收)` → 未收, 没有), or None
    (not known: a flag that changes what a literal matches, syntax `re` does not read, more than
    `most` strings, or a match that may begin with anything). A start where the text begins
    with none of them holds no match: `str.startswith` with them turns it down before the
    engine is asked (`finditer_from_firsts`). Zero-width items are skipped (they only narrow
    the matches); the strings stop growing at the first item that is not a literal, a set of
    literals, a group or an alternation of such, and where the pattern may end."""
    sre = _sre()
    try:
        tree = sre.parse(src)
    except re.error:
        return None
    if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    done: set[str] = set()

    def walk(items: list, grown: set[str]) -> set[str]:
        for op, av in items:
            if not grown:
                break
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # zero width
            longer = _literal_step(sre, op, av, grown, walk)
            if longer is None:  # what follows is not one of a few fixed strings: they stop here
                done.update(grown)
                return set()
            grown = longer
            full = {p for p in grown if len(p) >= n}
            done.update(full)
            grown -= full
            if len(grown) + len(done) > most:
                raise _TooMany
        return grown

    try:
        done.update(walk(list(tree), {""}))
    except _TooMany:
        return None
    if not done or "" in done or len(done) > most:
        return None
    return tuple(sorted(done))


def prefix_anchors(prefixes: Sequence[str]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Characters, each with offsets, such that every string of `prefixes` (none empty) holds
    one of them at one of its offsets (`literal_prefixes` 未收, 无收, 不收, 没有 → 收 at 1, 没 at
    0): a text position where a match begins is one of those characters' places less an offset,
    so `finditer_from_firsts` finds its starts by a `str.find` pass a character, fewer than the
    first characters need. Chosen greedily: the character that stands in the most strings left,
    at the smallest offset where they tie."""
    left = list(prefixes)
    out: list[tuple[str, tuple[int, ...]]] = []
    while left:
        counts: dict[str, int] = {}
        for w in left:
            for ch in dict.fromkeys(w):
                counts[ch] = counts.get(ch, 0) + 1
        best = max(counts, key=lambda ch: (counts[ch], -min(w.index(ch) for w in left if ch in w)))
        out.append((best, tuple(sorted({w.index(best) for w in left if best in w}))))
        left = [w for w in left if best not in w]
    return tuple(out)


# --------------------------------------------------------------------------- matches at line starts
def finditer_at_line_starts(pattern: Any, text: str, han_after_blanks: bool = False) -> Iterator[Any]:
    """The matches of `pattern.finditer(text)` for a `regex` pattern whose every match begins
    at a line's start and holds a character: one that opens on `(?m:^)`, compiled without
    `regex.WORD` (then `^` stands at the text's start and right after a line feed alone), and
    cannot match the empty string. `pattern.match` is asked at each line's start from the end
    of the last match on, found by `str.find`; the engine's own scan tries `^` at every
    position, and its start-up costs about as much as a match (`metadata._NAMED_REPORT` over a
    report's first 300 characters: a quarter fewer instructions). tests/test_speed_meta.py
    compares the two on the corpus. `han_after_blanks`: every match opens on blanks (`\\s*`)
    and then a Han character, so a line whose first character is ASCII and not a blank is
    passed over without a `match` (a third of the lines of a report's opening: 2023年…, (一)…)."""
    pos = 0
    while True:
        if pos and text[pos - 1] != "\n":
            k = text.find("\n", pos)
            if k < 0:
                return
            pos = k + 1
        if han_after_blanks and "\x20" < text[pos:pos + 1] < "\x80":
            m = None  # (an ASCII character above the space: neither a blank nor Han)
        else:
            m = pattern.match(text, pos)
        if m is not None:
            yield m
            pos = m.end()
            continue
        k = text.find("\n", pos)
        if k < 0:
            return
        pos = k + 1


# --------------------------------------------------------------------------- matches ending on a character
def ends_at(reverse: regex.Pattern, text: str, last: str) -> bool:
    """Does `reverse` (a `regex` pattern compiled with `regex.REVERSE`, whose every match ends
    with the character `last`) match in `text`? Asked only where `last` stands (`str.find`), by
    one backwards `match` from just after it: a pattern that opens on a look-behind is tried by
    `regex`'s own search at every position of a text (the citations' unbracketed number anchor:
    about 70k instructions a report, where it matches in almost none)."""
    k = text.find(last)
    while k >= 0:
        if reverse.match(text, 0, k + 1) is not None:
            return True
        k = text.find(last, k + 1)
    return False


# --------------------------------------------------------------------------- windows found by the stdlib
@lru_cache(maxsize=1)
def bmp_han() -> str:
    """The characters of the Basic Multilingual Plane that `regex` reads as `\\p{Han}`, as the
    inside of a class of ranges (read off the installed `regex`'s own table, so the same by
    construction; tests/test_speed_meta.py checks every code point)."""
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    return char_ranges(ord(c) for c in regex.findall(r"\p{Han}", bmp))


_HAN = regex.compile(r"\\p\{Han\}")


def window_starts(pattern: regex.Pattern, lookback: int) -> re.Pattern | None:
    """A stdlib `re` pattern that, matched at a position of a text of the Basic Multilingual
    Plane, ends at the first of that position and the next `lookback` where `pattern` matches
    (a lazy prefix, then `pattern` read by `re` in a lookahead: `\\p{Han}` spelled out by
    `bmp_han`, the rest as `whole_text_scanner` reads it), or None (a pattern `re` could read
    otherwise). `anchored_finditer` then asks `pattern.match` there once, where
    `lookback_window` has `regex` try `pattern` at each position in turn: about 70k
    instructions a window for the citations' document number, whose code is a run of up to 20
    Han characters, against about 20k."""
    if pattern.flags & ~(regex.UNICODE | regex.VERSION0):
        return None
    if "\x00" in pattern.pattern:
        return None
    body = _stdlib_source(_HAN.sub("\x00", pattern.pattern), any_text=False)  # (a mark it passes)
    if body is None or "\\p" in body or "\\P" in body:
        return None
    han = bmp_han()
    # inside a class the ranges stand as they are; outside, as a class of their own
    parts = []
    for i, j in source_elements(body):
        el = body[i:j]
        parts.append(el.replace("\x00", han) if el.startswith("[") else
                     (f"[{han}]" if el == "\x00" else el))
    return _re_compiled(f"(?s:.){{0,{lookback}}}?(?={''.join(parts)})")


def literal_words(src: str, most: int = 64) -> tuple[str, ...] | None:
    """Every string the regex `src` can match, when it matches only a few fixed ones (literals,
    sets of literals, groups and alternations of them, each maybe optional:
    `其他(?:方式|渠道|途径)` → 其他方式, 其他渠道, 其他途径; `局(?:办)?` → 局, 局办), read off the
    stdlib `re` parse tree; else None (another repeat, a class, an anchor or a lookaround, a flag, syntax `re` does not read, the empty string, more than `most` strings).
    A search for such a pattern matches in a text exactly where one of the strings stands, so
    `str`'s `in` answers it without the engine."""
    sre = _sre()
    try:
        tree = sre.parse(src)
    except re.error:
        return None
    if tree.state.flags & ~re.UNICODE:  # (a str pattern's parse holds UNICODE: nothing else)
        return None

    def walk(items: list, grown: set[str]) -> set[str]:
        for op, av in items:
            longer = _literal_step(sre, op, av, grown, walk)
            if longer is None and op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[:2] == (0, 1):
                longer = grown | walk(list(av[2]), set(grown))  # (`?`: the item, or nothing)
            if longer is None:  # not a fixed string
                raise _TooMany
            grown = longer
            if len(grown) > most:
                raise _TooMany
        return grown

    try:
        words = walk(list(tree), {""})
    except _TooMany:
        return None
    if not words or "" in words:
        return None
    return tuple(sorted(words))


def last_chars(pattern: regex.Pattern, most: int = 64) -> frozenset[str] | None:
    """The characters a match of `pattern` can end with (None: not known, more than `most`, or
    the pattern can match the empty string). Read off the stdlib `re` parse tree (`_parsed`)
    from its end, as `first_chars` reads it from its start: zero-width assertions (anchors,
    lookarounds) consume nothing and are skipped, so the last character of a match is one the
    last consuming item can match; an item that can match nothing lets the one before it end
    the match too. A negated class, a category (`\\d`, `\\p{…}`), any character and a range of
    more than `most` characters give None. With `end_reach` it tests a text cheaply: a match
    of a pattern that ends on `$` ends at the text's end or before a final line break
    (`may_end`)."""
    tree = _parsed(pattern)
    if tree is None:
        return None
    found, nullable = _edge_of(list(tree), _sre(), last=True)
    if found is None or nullable or ("d",) in found:
        return None
    chars: set[str] = set()
    for item in found:
        if item[-1] - item[0] >= most:  # (a range of more than `most` characters)
            return None
        chars.update(map(chr, range(item[0], item[-1] + 1)))
    return frozenset(chars) if len(chars) <= most else None


def may_end(text: str, ends: frozenset[str]) -> bool:
    """Can a match of a pattern ending on `$` (`end_reach`) whose matches end with one of
    `ends` (`last_chars`) stand in `text`? `$` matches at the end and before a final line
    break, so the match's last character is the text's last one, or the one before a final
    line break."""
    last = text[-1:]
    return last in ends or (last == "\n" and text[-2:-1] in ends)


class HeadFirst:
    """`rx.search(text, pos)` on a text of the BMP, for a `regex` pattern whose every match
    begins with a match of `head` (a stdlib `re` pattern: what `rx` reads first, all of it
    required, the rest optional) and is that match where `goes_on` (a stdlib `re` pattern)
    does not match at its end: the start of `rx`'s first match from `pos` is that of `head`'s,
    and `rx` is asked only where `goes_on` matches there. `regex` costs tens of thousands of
    instructions a match of a pattern with optional repeats and lookarounds (the claim
    exclusions' ordinal), `re` a few thousand for the head. The caller states that `head` and
    `goes_on` are such (tests compare `search` with `rx.search` on every corpus text)."""

    __slots__ = ("_goes_on", "_head", "rx")

    def __init__(self, rx: regex.Pattern, head: re.Pattern, goes_on: re.Pattern) -> None:
        self.rx, self._head, self._goes_on = rx, head, goes_on

    def search(self, text: str, pos: int = 0) -> Any:
        """A match with `rx.search(text, pos)`'s span (a `re` match where `head`'s is it)."""
        m = self._head.search(text, pos)
        if m is None or self._goes_on.match(text, m.end()) is None:
            return m
        return self.rx.search(text, m.start())


def char_ranges(codes: Iterable[int]) -> str:
    """The inside of a class of the code points `codes` (rising), written as runs of characters
    (`一-龥`, each end escaped where a class needs it): for either engine, and faster to compile
    than each character escaped (`re` reads a class of thousands of scattered ideographs in
    about a third of the time when its runs' ends are written as characters, not `\\u` escapes)."""
    out: list[str] = []
    run: list[int] = []  # (the first and last code point of the run being read)
    for c in codes:
        if run and c == run[1] + 1:
            run[1] = c
            continue
        if run:
            out.append(_run_text(*run))
        run = [c, c]
    if run:
        out.append(_run_text(*run))
    return "".join(out)


def _run_text(a: int, b: int) -> str:
    """A run of code points `a`…`b` inside a class."""
    return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"


def held_chars(rx: regex.Pattern) -> tuple[frozenset[str], bool] | None:
    """(the characters a match of `rx` can hold, whether `\\d` is among them) for a pattern of
    literals, sets of literals and digits, groups, alternations and repeats alone
    (`_consumed_chars`), without a zero-width item (an anchor, a lookaround, `\\b`); None
    otherwise. Such a pattern's match at a position reads no character past the first one
    outside them (that one fails it as the text's end would), so it is its match at the start
    of that stretch cut out of the text: a cache key that holds all the match depends on
    (`structure.canonical_prefix`)."""
    chars, tree = _consumed_chars(rx), _parsed(rx)
    if chars is None or tree is None:
        return None
    sre = _sre()
    zero_width = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))

    def plain(items: list) -> bool:
        for op, av in items:
            if op in zero_width:
                return False
            inner = ([av[3]] if op is sre.SUBPATTERN else av[1] if op is sre.BRANCH else
                     [av[2]] if op in repeats else [av] if op is getattr(sre, "ATOMIC_GROUP", None)
                     else [])
            if not all(plain(list(sub)) for sub in inner):
                return False
        return True

    return (frozenset(chars[0]), chars[1]) if plain(list(tree)) else None


def first_char_lookaheads(source: str, fewest: int = 4) -> str:
    """`source` with a lookahead on the characters a match of it can begin with (`first_chars`)
    put before each group of `fewest` top-level branches or more: the same matches. The stdlib
    `re` tries the branches of an alternation one by one at a position where none can begin
    (it skips only a branch that opens on a literal, and a group or an optional character
    first hides that), where the lookahead turns the position down by one class test.

    A group is left as it stands where its first characters are not known (`first_chars`: it
    may match the empty string, or begin with any character), where a quantifier follows it
    (it may be skipped: its first characters need not stand there), and where it is a negative
    or a look-behind assertion, or holds inline flags that change what a class matches. For patterns tried at many positions of short texts (the
    claims agent gate)."""
    spans: list[tuple[int, int]] = []  # (open, close) of the groups with `fewest` branches
    stack: list[list[int]] = []  # [open position, branches so far]
    for i, ch, _ in _syntax_chars(source):
        if ch == "(":
            stack.append([i, 1])
        elif ch == "|" and stack:
            stack[-1][1] += 1
        elif ch == ")" and stack:
            start, branches = stack.pop()
            if branches >= fewest:
                spans.append((start, i))
    out: list[str] = []
    done = 0
    for start, end in sorted(spans):
        head = _GROUP_HEAD.match(source, start + 1)
        if head is None or source[end + 1:end + 2] in ("?", "*", "+", "{"):
            continue
        body = source[head.end():end]
        firsts = None if _CASE_FLAGS.search(body) else first_chars(body)
        if firsts is None:
            continue
        out.append(source[done:start])
        out.append(f"(?=[{firsts}])")
        done = start
    out.append(source[done:])
    return "".join(out)


# how a group whose first characters `first_char_lookaheads` may state opens, after its `(`: a
# plain or named group, a non-capturing one, a positive lookahead
_GROUP_HEAD = re.compile(r"\?:|\?P<\w+>|\?=|(?!\?)")
# inline flags that change which characters a class matches (`(?i:`, `(?a)` …): a group holding
# them is left as it stands, since a lookahead before it would read its characters otherwise
_CASE_FLAGS = re.compile(r"\(\?[-imsxauL]*[iauLx]")


class TextGated:
    """`rx.search(text, pos)`, asked only of a text that holds one of `needs` (None where it
    holds none): for a pattern every match of which holds one of them (the caller states it;
    `required_literals` can tell). A `regex` search led by a class tests every character of the
    text, an `in` test of a character the texts seldom hold costs a tenth of that (the corner
    note of `tables.runs`' opener scan: 稽, of 勾稽关系)."""

    __slots__ = ("needs", "rx")

    def __init__(self, rx: Any, needs: Sequence[str]) -> None:
        self.rx, self.needs = rx, tuple(needs)

    def search(self, text: str, pos: int = 0) -> Any:
        return self.rx.search(text, pos) if holds_any(text, self.needs) else None


# Han characters most government-report texts lack (of the 555 new reports of the instruction
# benchmark, folded: 稽 38 hold it, 名 71, 标 198, 十 204, 容 344; rarest first): a word holding
# one is looked for only in a text that holds it, by a one-character `in` test (about a sixth of
# a word's `str.find`, a tenth of a `regex` search led by a class)
SELDOM_HAN = "稽名标十容"


def seldom_char(chars: str) -> str:
    """The first of `SELDOM_HAN` among `chars` (the characters every match of a pattern holds,
    or a word's), or "" where none is."""
    for c in SELDOM_HAN:
        if c in chars:
            return c
    return ""


def first_word_at(words: Words, text: str, places: Iterable[int]) -> int | None:
    """`words.first(text)` asked only at `places`, positions of `text` (in any order, repeats
    allowed) among which are all those where the first two characters of one of the words
    stand (found by another scan of the same text, e.g. the `starts` of a `Words` whose pairs
    hold these words' pairs): no scan of its own."""
    pairs, rank = words._pairs, words._rank
    best = None
    for p in places:
        for n in pairs.get(text[p : p + 2], ()):
            r = rank.get(text[p : p + n])
            if r is not None and (best is None or r < best):
                best = r
    return best


def led_by_each(rx: re.Pattern, firsts: str) -> tuple[re.Pattern, ...] | None:
    """`rx`, a stdlib pattern whose source opens on one element that matches one character (a
    set, an escape or a literal) and whose matches begin with one of `firsts`
    (`first_char_list`), written once for each character of `firsts`, in order, with that
    character in the element's place: at a position where the character stands, each matches
    exactly where `rx` matches, with the same span and groups (the element has none). Opened
    by a literal, a `search` skips to it in the engine's tightest loop (a few instructions a
    character, where a set's characters are tested one by one at each: about 50 for the eight
    brackets a document number opens on). None: a source that opens otherwise, holds a `|`
    at its top level, or a pattern with flags that change how the source reads."""
    if not firsts or rx.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    src = rx.pattern
    sre = _sre()
    try:
        items = list(sre.parse(src, rx.flags))
    except re.error:
        return None
    if not items or items[0][0] not in (sre.LITERAL, sre.IN):
        return None
    i, j = next(source_elements(src))
    if src[i] in "()|^$.*+?{" or any(ch == "|" and depth == 0 for _, ch, depth in _plain_chars(src)):
        return None
    try:
        return tuple(re.compile(re.escape(ch) + src[j:], rx.flags) for ch in firsts)
    except re.error:
        return None


def digit_or(c: str, chars: Container[str]) -> bool:
    r"""Can a match of a pattern whose first element is `\d` or one of `chars` (a set) begin
    with the character `c`? `\d` of either engine is what `str.isdecimal` is in the Basic
    Multilingual Plane (tests/test_scan.py checks every code point); a character beyond it
    passes, as Unicode may be newer there in one than in the other. "" (no character) does not.
    A `regex` call costs about 3k instructions, this test a tenth: the gate before one."""
    return c in chars or c.isdecimal() or c > "\uffff"
