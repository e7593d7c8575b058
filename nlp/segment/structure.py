"""Sections, paragraphs and sentences of a read document.

`find_structure(doc)` fills `doc.sections`, `doc.paragraphs` and `doc.sentences` (all with
offsets into `doc.text`). Matching runs on the normalised view `doc.norm` (full-width digits and
brackets folded, simplified characters, spaces between Han characters dropped, line breaks
inside sentences joined) and every span is mapped back with `doc.norm.span`.

Headings
    level 1 ``一、``, 2 ``（一）``/``(一)``, 3 ``1.``/``1、``/``1．``, 4 ``（1）``/``(1)``,
    5 ``一是``/``二是`` (enumerations), full- or half-width.

    A numbered heading is accepted from where it stands and from its number:

    * at a line start, always (levels 2–5) or when its number continues the sequence or its
      title is a canonical section title (level 1, `nlp/data/sections.toml`);
    * after a sentence end (。！？) or after a run of spaces (crawler text flattens paragraphs
      into spaces), when its number continues the sequence of its level (一 after nothing,
      二 after 一 …), or, for level 1, when its title is canonical;
    * right after the end of the previous heading, when it is the first of a deeper level
      (``（二）主要做法1.加强组织领导…``);
    * after ``：``, when it is the first of its level and its second sibling starts a sentence
      later (``改进：（一）继续强化…。…。（二）继续完善…``);
    * after ``；``, when it continues an accepted enumeration (``一是…。…；二是…``);
    * anywhere else only as a level-1 heading with a canonical title whose number continues
      the sequence (``…394432.52元三、收到和处理政府信息公开申请情况``).

    Never: after 第 (``第（一）项``), before 项/款/条/目, inside `doc.tables` spans, on lines of a
    text table (tab- or ``|``-separated cells, or a cell line next to a ``|`` line), on a table
    of contents line (three or more canonical level-1 headings packed into one short line), or
    in a crawler header block (``标题: …`` lines closed by ``==== 正文 ====``).

    Where an inline heading ends: at the end of a canonical title, else at the line end, at
    。！？；：, or at a run of spaces within 40 characters, else at the next heading marker or a
    ``20XX年`` that starts the body, else the heading is *run-in*: it ends at its first ``，``
    and the sentence goes on (``一是积极推进教育领域信息公开，先后下发…。``).

    A table caption (``…统计表`` at a line start or after a sentence end or a space) opens an
    unnumbered level-1 section of kind ``tables``.

Paragraphs
    lines of the normalised view (so a PDF line broken mid-sentence is one paragraph), split
    again at headings and, in flattened crawler text, at a run of spaces after a sentence end.
    Table regions (`doc.tables`, text-table lines) and the crawler header are not paragraphs.

Sentences
    end at 。！？ (with closing quotes/brackets), at paragraph ends, before a heading and after
    a detached heading. ``；`` does not end a sentence: in these reports it separates the items
    of one statement (``148条，占34.8%；政策…21条，占4.9%；…``, ``一是…；二是…``), and
    the parts and the total of a breakdown must stay in one sentence. The one exception is an
    enumeration that was accepted as headings (``一是…。二是…；三是…``): every item starts a
    sentence, because sentences never cross a heading.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import regex

from nlp.normalize import NormalizedText, same_length, view_text
from nlp.records import Document, Paragraph, Section, Sentence
from nlp.scan import (
    REGEX_SPACE,
    WHITE_SPACE,
    anchored_finditer,
    bmp_digits,
    bmp_only,
    char_class,
    char_ranges,
    find_all,
    first_char_list,
    held_chars,
    match_reach,
    required_literals,
    spaces_only,
    whole_text_scanner,
)
from nlp.segment.blocks import cell_sized

MAX_TITLE = 40  # longest inline heading title, in characters of the normalised view

_CN = "一二三四五六七八九十"
# A heading marker: l1 一、 l2 (一) l3 1. l4 (1) l5 一是, each with its number (n1 … n5). What may
# not stand before a marker is tested after its first character (`(?<!X.)` there is `(?<!X)`
# before it): the engine then turns most positions down at their first character, not after a
# lookbehind (1.6× faster; tests/test_structure.py compares it with the plain form). White
# space is `\s` spelled out (`_WS`), so that the stdlib engine reads the pattern the same way:
# it scans a whole text for markers faster (`_marker_scanner`).
_WS = WHITE_SPACE
_MARKER = regex.compile(
    rf"(?P<l1>(?P<n1>[{_CN}](?<![{_CN}百零〇○第].)[{_CN}]{{0,2}}){_WS}*(?:、|\.(?!\d)))"
    rf"|(?P<l2>\((?<!第\(){_WS}*(?P<n2>[{_CN}]{{1,3}}){_WS}*\))"
    rf"|(?P<l3>(?P<n3>\d(?<![\d.A-Za-z/:%第-]\d)\d?){_WS}*(?:[、.](?![\d.])))"
    rf"|(?P<l4>\((?<!第\(){_WS}*(?P<n4>\d{{1,2}}){_WS}*\))"
    rf"|(?P<l5>(?P<n5>[{_CN}](?<![{_CN}百零〇○第].)[{_CN}]{{0,2}})是)"
)
_TITLE_START = regex.compile(r"[\p{Han}《“\"'‘\[A-Za-z]|(?:19|20)\d{2}\s*年")
_YEAR_DIGITS = "12"  # what the year branch of `_TITLE_START` begins with (`_title_at`)
# (stdlib `re` for these two: literal characters and `\s` spelled out read the same to both
# engines, and `re` is faster on the short spans they are asked about)
_TITLE_SUFFIX = re.compile(r"(?:情况|方面)(?![，,、])")
_NOT_HEADING_FIRST = "项款条目章节号批期"  # `_NOT_HEADING_AFTER` where no white space stands
_NOT_HEADING_AFTER = re.compile(rf"{_WS}*[{_NOT_HEADING_FIRST}]")
_SENT_END = set("。！？!?")
_CLOSERS = set("”’\"'）)」』】》")
_HEAD_PUNCT = set("。！？；：!?;:")
_SPACE = set(" \t\u3000\xa0\u2002\u2003\u2009\r")
_BLANK = _SPACE | {"\n"}
_YEAR_START = regex.compile(r"(?<=\p{Han})(?:19|20)\d{2}\s*年")
_HEADER_LINE = regex.compile(r"^[^\s:：]{2,8}\s*[:：]")
_HEADER_END = regex.compile(r"^=+\s*正文\s*=+\s*$")
_WORD = regex.compile(r"[\p{Han}\w]")
_TAB_CELL = regex.compile(r"\S\t")
_ALIGNED_NUMBER = regex.compile(r"\s{2,}\d")
# _ALIGNED_NUMBER inside one line (no character `str.splitlines` cuts at), searched in a whole text
_SPACED_NUMBER = regex.compile(r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]{2,}\d")
# the same for the stdlib engine in a text without characters outside the BMP (where the two
# `\d` agree): its white space spelled out, and led by a class, not a repeat, so that `re`
# skips to the next space in C (a whole-text search 4× faster)
_LINE_SPACE = "[" + "".join(c for c in REGEX_SPACE if len(f"a{c}a".splitlines()) == 1) + "]"
_SPACED_NUMBER_RE = re.compile(rf"{_LINE_SPACE}{_LINE_SPACE}+\d")
# the same in a text whose only white space within a line is the space (`spaces_only`)
_SPACES_NUMBER = regex.compile(r"  +\d")
_SPACE_RUNS = re.compile("  +")  # (`_spaced_row_lines`: the gaps between aligned cells)
# a cell of a whitespace-aligned line: a run of non-spaces, then 2+ spaces or the end. A match
# can only start where a run starts (`\S+` backtracking leaves a non-space before the spaces),
# so the lookbehind and the possessive `\S++` change nothing but the time (linear, not
# quadratic in the length of a long line without spaces).
_ALIGNED_CELL = regex.compile(r"(?<!\S)\S++(?:\s{2,}|$)")
_CAPTION = regex.compile(
    r"(?:附件\s{0,3}\d{0,3}\s{0,3}[:：]?\s{0,3})?(?:附表\s{0,3}\d{0,3}\s{0,3}[:：]?\s{0,3})?"
    r"[^\s。，；：:！？\n]{0,40}?(?:统计表|统计报表)"
)
# a caption is tried only up to 70 characters (2 × 15 for 附件/附表 + 40) before 统计(报)表
_CAPTION_ANCHOR = (regex.compile(r"统计表|统计报表"), 70)
_CAPTION_WORD = "统计"  # what every match of the anchor holds


# --------------------------------------------------------------------------- section kinds


@dataclass(frozen=True)
class SectionKind:
    id: str
    level1: bool
    patterns: tuple[regex.Pattern, ...]
    examples: tuple[str, ...]
    counter: tuple[str, ...]


@lru_cache(maxsize=1)
def section_kinds() -> tuple[SectionKind, ...]:
    """The section kinds of `nlp/data/sections.toml`, in file order."""
    from nlp.data import DATA_DIR, load_toml

    data = load_toml(DATA_DIR / "sections.toml")
    out = []
    for k in data["kind"]:
        out.append(SectionKind(
            id=k["id"],
            level1=bool(k.get("level1", False)),
            patterns=tuple(regex.compile(p) for p in k["patterns"]),
            examples=tuple(k.get("examples", ())),
            counter=tuple(k.get("counter", ())),
        ))
    return tuple(out)


@lru_cache(maxsize=1 << 12)
def classify_title(title: str, *, level1_only: bool = False) -> str:
    """The kind of a heading title (``"主动公开政府信息情况"`` → ``"active"``), or ``""``.
    A pattern is searched only in a title holding one of its `required_literals`, looked up
    by the title's characters (`_gated`): a heading's title is a document's own words, so new
    documents miss the cache (about 900 misses in a batch of 555 new reports), and a title
    holds the literals of one or two of the 33 patterns."""
    t = view_text(title)
    gates = _gated(level1_only)
    asked = set(gates.ungated)
    for c in gates.firsts.intersection(t):
        for literal, indices in gates.by_first[c]:
            if literal in t:
                asked.update(indices)
    for i in sorted(asked):
        if gates.patterns[i].search(t) is not None:
            return gates.kinds[i]
    return ""


class _Gates(NamedTuple):
    """`classify_title`'s patterns (every (level-1) kind's, in file order) and their literals."""
    kinds: tuple[str, ...]
    patterns: tuple[regex.Pattern, ...]
    # first character -> (a literal opening with it, the indices of the patterns that need it)
    by_first: dict[str, tuple[tuple[str, frozenset[int]], ...]]
    firsts: frozenset[str]  # the keys of `by_first`
    ungated: tuple[int, ...]  # patterns without `required_literals`: always searched


@lru_cache(maxsize=2)
def _gated(level1_only: bool) -> _Gates:
    """The patterns `classify_title` tries (`_canonical_patterns`: the first in file order that
    finds something names the kind), with each of their `required_literals` (strings one of
    which every match holds) filed under its first character."""
    patterns, kinds = _canonical_patterns(level1_only)
    needs: dict[str, set[int]] = {}
    ungated = []
    for i, p in enumerate(patterns):
        literals = required_literals(p)
        if not literals or not all(literals):
            ungated.append(i)
            continue
        for w in literals:
            needs.setdefault(w, set()).add(i)
    by_first: dict[str, list[tuple[str, frozenset[int]]]] = {}
    for w, indices in sorted(needs.items()):
        by_first.setdefault(w[0], []).append((w, frozenset(indices)))
    return _Gates(kinds, patterns, {c: tuple(ws) for c, ws in by_first.items()},
                  frozenset(by_first), tuple(ungated))


@lru_cache(maxsize=2)
def _canonical_patterns(level1_only: bool) -> tuple[tuple[regex.Pattern, ...], tuple[str, ...]]:
    """Every (level-1) kind's patterns in file order, and their kinds."""
    pats = [(p, kind.id) for kind in section_kinds() if kind.level1 or not level1_only
            for p in kind.patterns]
    return tuple(p for p, _ in pats), tuple(k for _, k in pats)


@lru_cache(maxsize=1 << 12)
def _starting_with(ch: str, level1_only: bool) -> tuple[int, ...]:
    """Indices of the canonical patterns that can match at a position where the text goes on
    with `ch` (its first character, or its first two: `canonical_prefix` asks with two): a
    partial match of `ch` alone is None only when no string that starts with `ch` (nor a
    prefix of it) matches. Most characters start two or three of the 32 patterns; a second
    character turns a fifth of those tries down (政府… and 政务… start different patterns).
    A pattern that looks at what stands before the position (a lookbehind, a word boundary)
    is always tried: `ch` alone has nothing before it. A pattern none of whose matches can
    begin with `ch`'s first character (`_openers`) is not asked: a miss (a pair of characters
    new to the process: about a hundred in a batch of new reports) made 33 partial matches."""
    pats, _ = _canonical_patterns(level1_only)
    c = ch[:1]
    return tuple(i for i, (p, (back, first)) in enumerate(zip(pats, _openers(level1_only), strict=True))
                 if back or ((first is None or c in first) and p.match(ch, partial=True) is not None))


@lru_cache(maxsize=2)
def _openers(level1_only: bool) -> tuple[tuple[bool, frozenset[str] | None], ...]:
    """For each canonical pattern (`_canonical_patterns`): whether it looks at what stands
    before its match (`_LOOKS_BACK`), and the characters its matches can begin with
    (`first_char_list`), when that class is a list of characters (None: not known, or a class
    such as `\\d`; the pattern is then asked)."""
    pats, _ = _canonical_patterns(level1_only)
    out = []
    for p in pats:
        first = first_char_list(p.pattern)
        chars = None if first is None else frozenset(first)
        out.append((_LOOKS_BACK.search(p.pattern) is not None, chars))
    return tuple(out)


@lru_cache(maxsize=2)
def _windows(level1_only: bool) -> tuple[tuple[int, str] | None, ...]:
    """For each canonical pattern (`_canonical_patterns`): (reach, character) when every match
    spans at most `reach` characters (`match_reach`) and holds `character` (one that each of
    its `required_literals` holds), else None. The table titles' free run
    (``[^。，；]{0,40}?…统计表``) can start at any character, so the first-character test
    (`_starting_with`) lets it through everywhere; this one turns it down where no 表 stands
    within 44 characters (−40% of `canonical_prefix`'s time on the corpus)."""
    pats, _ = _canonical_patterns(level1_only)
    out = []
    for p in pats:
        reach, literals = match_reach(p), required_literals(p)
        common = sorted(set.intersection(*map(set, literals))) if literals else ()
        out.append((reach, common[0]) if reach is not None and common else None)
    return tuple(out)


_LOOKS_BACK = regex.compile(r"\(\?<[=!]|\\[bBAG]")  # (a false hit only costs a try)


def canonical_prefix(text: str, pos: int = 0, *, level1_only: bool = False, bmp: bool = False
                     ) -> tuple[int, str] | None:
    """Longest canonical title starting at `text[pos]` (normalised text): (end, kind) or None
    (of equally long ones, the first in file order). `bmp`: the text is known to stay in the
    BMP, where a pattern's stdlib-engine twin (`whole_text_scanner`) gives its matches with
    less work a call."""
    if pos >= len(text):
        return None  # (no title of two characters fits)
    if bmp and not level1_only:  # (a heading's title: `_heading_end`)
        return _keyed_prefix(text, pos)
    best: tuple[int, str] | None = None
    for pattern, kind, w, twin in _tries(text[pos : pos + 2], level1_only):
        if w is not None and w[1] not in text[pos : pos + w[0]]:
            continue  # a character every match holds is not within its reach (`in` on a
            # short slice: `str.find` with bounds parses its arguments from a format string)
        m = (twin if bmp else pattern).match(text, pos)
        if m and m.end() - pos >= 2 and (best is None or m.end() > best[0]):
            best = (m.end(), kind)
    return best


def _keyed_prefix(text: str, pos: int) -> tuple[int, str] | None:
    """`canonical_prefix(text, pos, bmp=True)` (a BMP text, every kind; pos < len(text)). The
    patterns of `_Keyed.keyed` are asked, through a cache, about the stretch of the text from
    pos up to the first character none of their matches can hold (`held_chars`): their matches
    there are their matches on the stretch cut out, and a heading's title is mostly a report's
    stock words followed by a line break or 。, so new reports ask about stretches the cache
    has seen (about nine in ten). The others (the live patterns of `_Keyed.by_first`: the tables titles, whose free run
    holds nearly any character, and a title asked to end the text) are asked as
    `canonical_prefix` asks them; of equally long matches the first in file order wins."""
    keyed = _keyed()
    q = keyed.stop.search(text, pos)
    q = q.start() if q is not None else len(text)
    # (the live patterns a match of which can begin with text[pos], looked up with the stretch's
    # matches where the stretch is not empty (it begins with text[pos]): most characters begin
    # only the tables title's free run)
    if q > pos:
        best, live = _stretch_prefix(text[pos:q])
        if best is not None:
            best = (pos + best[0], best[1], best[2])
    else:
        best, live = None, keyed.by_first.get(text[pos], keyed.any_first)
    for i, twin, kind, w in live:
        if w is not None and w[1] not in text[pos : pos + w[0]]:
            continue
        m = twin.match(text, pos)
        if m and m.end() - pos >= 2 and (
                best is None or m.end() > best[0] or (m.end() == best[0] and i < best[1])):
            best = (m.end(), i, kind)
    return None if best is None else (best[0], best[2])


class _Keyed(NamedTuple):
    """The canonical patterns of every kind split for `_keyed_prefix`."""
    keyed: frozenset[int]  # the indices of the patterns with `held_chars`
    stop: re.Pattern  # a character none of their matches holds (in a BMP text)
    # (index, twin, kind, window) of the others, the live patterns, to ask where the text goes
    # on with a character: by that character for the characters some live pattern's first
    # characters hold, else `any_first` (the live patterns whose first characters are not known)
    by_first: dict[str, tuple[tuple[int, _Pattern, str, tuple[int, str] | None], ...]]
    any_first: tuple[tuple[int, _Pattern, str, tuple[int, str] | None], ...]


@lru_cache(maxsize=1)
def _keyed() -> _Keyed:
    """Every kind's canonical patterns (`_canonical_patterns(False)`) split by `held_chars`."""
    pats, kinds = _canonical_patterns(False)
    keyed, live, held, digits = set(), [], set(), False
    for i, (p, twin, w, (back, first)) in enumerate(
            zip(pats, _twins(False), _windows(False), _openers(False), strict=True)):
        chars = held_chars(p)
        if chars is None:
            live.append((i, twin, kinds[i], w, None if back else first))
        else:
            keyed.add(i)
            held |= chars[0]
            digits = digits or chars[1]
    # (`\d` as the twins read it: the stdlib engine's, in a BMP text the `regex` one's)
    digit = r"\d" if digits else ""
    stop = re.compile(f"[^{char_ranges(sorted(map(ord, held)))}{digit}]")
    firsts = set().union(*(first for *_, first in live if first is not None))
    by_first = {c: tuple((i, twin, kind, w) for i, twin, kind, w, first in live
                         if first is None or c in first) for c in sorted(firsts)}
    any_first = tuple((i, twin, kind, w) for i, twin, kind, w, first in live if first is None)
    return _Keyed(frozenset(keyed), stop, by_first, any_first)


@lru_cache(maxsize=1 << 12)
def _stretch_prefix(stretch: str) -> tuple[tuple[int, int, str] | None, tuple[_Live, ...]]:
    """(end, index, kind) of the longest match at the start of `stretch` (not empty) of the
    patterns of `_Keyed.keyed` (of equally long ones, the first in file order), as
    `canonical_prefix` finds it in a BMP text, or None when none is two characters long or
    more; and the live patterns to ask where the text goes on with `stretch` (`_Keyed.by_first`
    by its first character, cached here: not looked up at every call)."""
    k = _keyed()
    live = k.by_first.get(stretch[0], k.any_first)
    if len(stretch) < 2:
        return None, live
    kinds = _canonical_patterns(False)[1]
    keyed = k.keyed
    windows, twins = _windows(False), _twins(False)
    best = None
    for i in _starting_with(stretch[:2], False):
        w = windows[i]
        if i not in keyed or (w is not None and w[1] not in stretch[: w[0]]):
            continue
        m = twins[i].match(stretch)
        if m and m.end() >= 2 and (best is None or m.end() > best[0]):
            best = (m.end(), i, kinds[i])
    return best, live


@lru_cache(maxsize=1 << 12)
def _tries(ch: str, level1_only: bool
           ) -> tuple[tuple[regex.Pattern, str, tuple[int, str] | None, _Pattern], ...]:
    """(pattern, kind, window, twin) of the canonical patterns `canonical_prefix` tries at a
    position where the text goes on with `ch` (its first two characters: `_starting_with`,
    `_windows`, `_twins`), in file order: one cached call, not four."""
    pats, kinds = _canonical_patterns(level1_only)
    windows = _windows(level1_only)
    twins = _twins(level1_only)
    return tuple((pats[i], kinds[i], windows[i], twins[i])
                 for i in _starting_with(ch, level1_only))


_Pattern = regex.Pattern | re.Pattern
_Live = tuple[int, _Pattern, str, tuple[int, str] | None]  # (index, twin, kind, window)


@lru_cache(maxsize=2)
def _twins(level1_only: bool) -> tuple[_Pattern, ...]:
    """Each canonical pattern's stdlib-engine twin (`whole_text_scanner`: the same matches in a
    text that stays in the BMP), or the pattern itself where it has none."""
    pats, _ = _canonical_patterns(level1_only)
    return tuple(whole_text_scanner(p) or p for p in pats)


# --------------------------------------------------------------------------- helpers


@lru_cache(maxsize=1 << 12)
def cn_number(s: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23; ASCII digits pass through (cached: asked for every
    heading marker)."""
    if s.isdigit():
        return int(s)
    vals = {c: i + 1 for i, c in enumerate(_CN)}
    if "十" in s:
        a, _, b = s.partition("十")
        return (vals.get(a, 1) if a else 1) * 10 + (vals.get(b, 0) if b else 0)
    return vals.get(s, 0)


@dataclass
class _Head:
    start: int  # normalised offsets
    end: int  # end of the heading text
    sent_end: int  # where the sentence holding the heading ends (after its 。 if any)
    level: int
    number: str
    num: int
    detached: bool  # the heading is a sentence of its own
    kind: str = ""
    title_start: int = 0  # where the marker ends (numbered headings)


def _zones(doc: Document, norm: NormalizedText
           ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], int]:
    """Normalised spans that hold no headings or sentences; spans of lines that are probably
    table cells (a line between ``|`` lines: only a canonical level-1 heading is found there);
    and where the body starts."""
    text = doc.text
    zones: list[tuple[int, int]] = []
    weak_zones: list[tuple[int, int]] = []
    body = 0
    # crawler header: "标题: …" lines closed by "==== 正文 ===="
    header = "正文" in text  # (no crawler header without its end line)
    cells = "|" in text or "\t" in text
    # (`spaces_only` asked once, of a text without a bar or a tab: `may_hold_text_rows` and the
    # rows below; None lets `may_hold_text_rows` ask it where it needs to)
    spaced = None if cells else spaces_only(text)
    # (most web texts hold no table rows: the per-line scan is skipped; `may_hold_text_rows`,
    # without its look for a bar or a tab again: two scans of the text)
    rows = cells or _spaced_number_in(text, spaced)
    # (a text of `spaces_only` without a bar or a tab: its row lines are found from its double
    # spaces, `_spaced_row_lines`, not by a visit to every line)
    by_spaces = rows and spaced and not cells
    lines = text.splitlines(keepends=True) if (rows and not by_spaces) or header else []
    pos = 0
    keys = 0
    for line in lines[:40] if header else ():
        s = line.strip()
        if _HEADER_END.match(s):
            if keys >= 2:
                body = pos + len(line)
            break
        if _HEADER_LINE.match(s):
            keys += 1
        pos += len(line)
    if body:
        zones.append((0, norm.to_norm(body)))
    spans = [(t.start, t.end) for t in doc.tables if t.end > t.start]
    # text-table lines (source lines: tabs are dropped by the normalised view)
    if rows:
        tab, weak = (_spaced_row_lines(text), []) if by_spaces else _row_lines(lines)
        spans += tab
        weak_zones = norm.to_norm_spans(weak)
    zones += norm.to_norm_spans(spans)
    zones.sort()
    return zones, weak_zones, norm.to_norm(body) if body else 0


def may_hold_text_rows(text: str, spaced: bool | None = None) -> bool:
    """Can `_row_lines` find anything in `text`? Not without a bar, a tab or a spaced number.
    In a text whose only white space within a line is the space (`spaces_only`: nearly every
    report) a spaced number is two spaces or more and a digit, looked for by the literal spaces
    (a class-led scan of the whole text, the rest, costs about twice as much). `spaced`:
    `spaces_only(text)`, when the caller has it (the test costs about 36 instructions a
    character; the text tables of the same document can ask it once for both)."""
    if "|" in text or "\t" in text:
        return True
    return _spaced_number_in(text, spaced)


def _spaced_number_in(text: str, spaced: bool | None = None) -> bool:
    """Does `text` hold a spaced number (`_SPACED_NUMBER`: two white space characters or more
    within a line, then a digit)? `spaced`: `spaces_only(text)`, as `may_hold_text_rows`."""
    if spaces_only(text) if spaced is None else spaced:
        return "  " in text and _SPACES_NUMBER.search(text) is not None
    return bool((_SPACED_NUMBER_RE if bmp_only(text) else _SPACED_NUMBER).search(text))


def _row_lines(lines: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Source spans of the lines that are table rows (tab, bar or whitespace-aligned cells with
    numbers), and of the cell-sized lines between bar lines (weak: only a canonical level-1
    heading is found there)."""
    tab: list[tuple[int, int]] = []
    weak_out: list[tuple[int, int]] = []
    pos = 0
    prev_bar = False
    cells: list[tuple[int, int, str]] = []
    for line in lines:
        content = line.rstrip("\r\n")
        cells.append((pos, pos + len(content), content.strip(" \u3000\xa0")))
        pos += len(line)
    n = len(cells)
    for i, (a, b, s) in enumerate(cells):
        if not s:
            continue
        # a bar or a tab line is tabular, neither weak nor asked for aligned cells (bar lines
        # are half the lines of a text with bars); `bar`: the line sets `prev_bar` (a line
        # that is "|" ends with one)
        bar = False
        if "|" in s:
            bar = s.endswith("|")
            if bar or s.count("|") >= 2 or s.startswith("|"):
                tab.append((a, b))
                prev_bar = bar
                continue
        if "\t" in s and _TAB_CELL.search(s) is not None:
            tab.append((a, b))
            prev_bar = bar
            continue
        # a cell line between "|" lines (cell-sized: not the paragraph after a table's last row)
        # (the next non-empty of the two lines after it is a bar)
        nxt = cells[i + 1][2] if i + 1 < n else ""
        weak = (prev_bar or nxt == "|" or (not nxt and i + 2 < n and cells[i + 2][2] == "|")) and \
            cell_sized(s)
        prev_bar = bar
        if ("  " in s or not s.isprintable()) and _ALIGNED_NUMBER.search(s) and \
                len(_ALIGNED_CELL.findall(s)) >= 4:
            # (a printable line holds no white space but the space, `spaces_only`: without two
            # spaces in a row no `\s{2,}`, and no regex scan of the line)
            tab.append((a, b))  # whitespace-aligned columns with numbers
        elif weak:
            weak_out.append((a, b))
    return tab, weak_out


def _spaced_row_lines(text: str) -> list[tuple[int, int]]:
    """`_row_lines(text.splitlines(keepends=True))[0]` for a text without a bar or a tab whose
    only white space but its ``\n`` line breaks is the space (`spaces_only`), where its second
    list is empty: such a text breaks its lines at ``\n`` alone (the other line breaks are
    unprintable), a line of it is a row only by its whitespace-aligned cells (no bar, no tab; no
    bar line for a weak line to stand next to), and a stripped printable line holds two white
    space characters in a row only where it holds two spaces. So only the lines holding two
    spaces are looked at, each found by `str.find` (43 of 123 new reports that may hold rows:
    1,525 lines, 275 with two spaces)."""
    out: list[tuple[int, int]] = []
    i = text.find("  ")
    while i >= 0:
        a = text.rfind("\n", 0, i) + 1
        b = text.find("\n", i)
        if b < 0:
            b = len(text)
        s = text[a:b].strip(" \u3000\xa0")
        # (where the only white space is the space, s stripped: `_ALIGNED_NUMBER` is
        # `_SPACES_NUMBER`, and `_ALIGNED_CELL` matches each run of non-spaces followed by two
        # spaces or more, and the last: one more than the runs of two spaces or more, found by
        # the literal spaces they open with instead of a lookbehind at every character)
        if "  " in s and _SPACES_NUMBER.search(s) and len(_SPACE_RUNS.findall(s)) >= 3:
            out.append((a, b))
        i = text.find("  ", b)
    return out


class _Zones:
    """Spans (possibly overlapping) with O(log n) membership and next-start queries."""

    def __init__(self, zones: list[tuple[int, int]]) -> None:
        self.spans = sorted(zones)
        self.starts = [a for a, _ in self.spans]
        self.reach: list[int] = []  # reach[k] = the furthest end among spans[0..k]
        far = -1
        for _, b in self.spans:
            far = b if b > far else far  # (`max` of two ints: ten times the instructions)
            self.reach.append(far)

    def __contains__(self, i: int) -> bool:
        k = bisect_right(self.starts, i) - 1
        return k >= 0 and self.reach[k] > i

    def next_start(self, i: int, default: int) -> int:
        k = bisect_right(self.starts, i)
        return self.starts[k] if k < len(self.starts) else default


def _merge(zones: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of the non-empty spans of `zones`, as sorted disjoint, non-touching spans."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(zones):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _free_runs(merged: list[tuple[int, int]], starts: list[int], a: int, b: int
               ) -> list[tuple[int, int]]:
    """The maximal runs of [a, b) outside the spans of `merged` (see `_merge`)."""
    out: list[tuple[int, int]] = []
    k = bisect_right(starts, a)
    i = a
    if k and merged[k - 1][1] > i:
        i = merged[k - 1][1]
    while i < b:
        nxt = starts[k] if k < len(merged) else b
        j = nxt if nxt < b else b
        if j > i:
            out.append((i, j))
        if nxt >= b:
            break
        i = merged[k][1]
        k += 1
    return out


def _source_space_between(norm: NormalizedText, i: int, j: int) -> bool:
    """Whether the source has dropped whitespace (not a line break) between norm i-1 and j."""
    if i <= 0 or j >= len(norm.text) + 1:
        return False
    a = norm.index[i - 1] + 1
    b = norm.index[j] if j < len(norm.index) else len(norm.source)
    gap = norm.source[a:b]
    return bool(gap) and "\n" not in gap and not _SPACE.isdisjoint(gap)


def _next_space_gap(norm: NormalizedText, lo: int, hi: int) -> int | None:
    """The first j in [lo, hi) with `_source_space_between(norm, j, j)`, or None. The number of
    source characters the view drops before offset j (`index[j] - j`) never decreases, so the
    next offset after a drop is found by bisection, not by a test at every offset, and a range
    without any drop (most: 9,935 of the corpus's 10,766 calls) is known by its last offset.
    (`_heading_end` and `_title_line` write that first test out before calling: change them with it.)
    The bisection is written out: `bisect_right` over a `range` with a `key` function calls
    the key from C, a Python call a step (on new reports 6.4M instructions in 266 calls
    against 4.4M)."""
    idx = norm.index
    # (conditional expressions, not `min` and `max`: asked at every heading, where the two
    # builtins cost about 1,200 instructions a call, their tuple and iterator included)
    if lo < 1:
        lo = 1
    end = len(norm.text) + 1
    if hi > end:
        hi = end
    while lo < hi:
        drops = idx[lo - 1] - (lo - 1)
        if idx[hi - 1] - (hi - 1) == drops:
            return None
        # the first j in [lo, hi) that drops more (one does: the last)
        j, b = lo, hi - 1
        while j < b:
            mid = (j + b) // 2
            if idx[mid] - mid > drops:
                b = mid
            else:
                j = mid + 1
        if _source_space_between(norm, j, j):
            return j
        lo = j + 1
    return None


def _boundary(nt: str, norm: NormalizedText, p: int, body: int) -> str:
    """What precedes a heading candidate at normalised offset p."""
    q = p - 1
    while q >= body and nt[q] in _SPACE:
        q -= 1
    if q < body or nt[q] == "\n":
        return "line"
    c = nt[q]
    if c in _SENT_END or (c in _CLOSERS and q > 0 and nt[q - 1] in _SENT_END):
        return "sent"
    if _source_space_between(norm, q + 1, p):
        return "space"
    if c in "：:":
        return "colon"
    if c in "；;":
        return "semi"
    return "none"


def _chained(nt: str, p: int, last_end: int | None) -> bool:
    return last_end is not None and last_end <= p and not nt[last_end:p].strip(" ：:\u3000\t")


_Match = regex.Match | re.Match  # a marker found by `_MARKER` or by its scanner


@lru_cache(maxsize=1)
def _marker_scanner() -> re.Pattern | None:
    """`_MARKER` for the stdlib engine (`whole_text_scanner`): the same matches in a text without
    characters outside the BMP, found faster (the five branches are tried only where a match
    can begin)."""
    return whole_text_scanner(_MARKER)


@lru_cache(maxsize=1)
def _marker_starts() -> re.Pattern:
    """Where a `_MARKER` match can start, for the stdlib engine in a BMP text: a character a
    marker begins with (digits spelled out: `re` then tests a bitmap, not a category), then what
    its branch needs after that character, without what may not stand before the marker (the
    lookbehinds). Every start of a marker matches (a superset: 13.9k matches for 11.9k markers
    on the corpus). Led by a class, so `re` skips to the next such character in C (`_markers`
    asks it in a heading's title window; a whole text: `_marker_candidates`)."""
    return re.compile(
        rf"[{_CN}({bmp_digits()}](?:(?<=\d)(?=\d?{_WS}*[、.](?![\d.]))"
        rf"|(?<=[{_CN}])(?=[{_CN}]{{0,2}}(?:{_WS}*(?:、|\.(?!\d))|是))"
        rf"|(?<=\()(?={_WS}*(?:[{_CN}]{{1,3}}|\d{{1,2}}){_WS}*\)))")


@lru_cache(maxsize=1)
def _marker_ends() -> tuple[re.Pattern, tuple[tuple[str, re.Pattern], ...]]:
    """For `_marker_candidates`: a ``(`` before white space and a numeral or a digit (where a
    marker of levels 2 and 4 starts); and, in the reversed text, an end of a marker of levels
    1, 3 and 5 (、 or a ``.`` no digit follows, then white space; 是) with the one to three
    numerals or digits before it (group 1), each with the character it opens on. Each pattern
    opens on one character, which `re` finds as fast as `str.find` (a pattern led by a class
    of characters costs it about ten times more per character of the text)."""
    run = f"[{_CN}{bmp_digits()}]"
    ends = (rf"、{_WS}*({run}{{1,3}})", rf"\.(?<!\d\.){_WS}*({run}{{1,3}})", rf"是({run}{{1,3}})")
    return re.compile(rf"\((?={_WS}*{run})"), tuple(zip("、.是", map(re.compile, ends), strict=True))


def _marker_candidates(nt: str, body: int) -> list[int]:
    """Where a `_MARKER` match in `nt[body:]` (a BMP text) can start, in order: a superset. A
    marker opens with ``(`` (levels 2 and 4) or is one to three numerals or digits, white
    space (none before 是) and 、, ``.`` or 是 (levels 1, 3 and 5; no digit after the ``.``).
    The ends are looked for in the reversed text (`_marker_ends`), where each comes before
    the numerals or digits of its marker, and every one of those is a candidate. Numerals and
    digits are the most common characters a marker begins with (in dates, counts and words:
    43.9k in every fourth corpus text, where 10.6k ends stand, 4.9k of them after a numeral
    or a digit): a scan led by them (`_marker_starts`) tests its lookarounds at each one."""
    bracket, ends = _marker_ends()
    out = [m.start() for m in bracket.finditer(nt, body)]
    n = len(nt)
    rev = nt[::-1]
    for lead, rx in ends:
        if lead in nt:  # (a scan of the reversed text only for an end the text holds: half the
            # new reports hold no `.`, half no 是; `in` costs a tenth of a scan)
            for m in rx.finditer(rev, 0, n - body):
                out.extend(range(n - m.end(), n - m.start(1)))
    out.sort()
    return out


def _markers(nt: str, body: int, end: int | None = None, bmp: bool | None = None
             ) -> list[_Match]:
    """`list(_MARKER.finditer(nt, body, end))` (`end`: the text's end when None). In a BMP text
    (`bmp`: whether it is, when the caller knows) the scanner is tried only where a marker can
    start: at `_marker_candidates` in a whole text (half the instructions of trying it where
    `_marker_starts` finds a start: 53.8M against 111.5M over every fourth corpus text), and
    where `_marker_starts` finds one in a heading's title window (`end` given), where most
    windows hold no such character: one `re` search."""
    scanner = _marker_scanner()
    if scanner is None or not (bmp_only(nt) if bmp is None else bmp):
        return list(_MARKER.finditer(nt, body, len(nt) if end is None else end))
    out = []
    match = scanner.match
    if end is None:
        end = len(nt)
        pos = body
        for c in _marker_candidates(nt, body):
            if c >= pos:
                m = match(nt, c, end)
                if m is not None:
                    out.append(m)
                    pos = m.end()  # (a marker is never empty)
        return out
    find = _marker_starts().search
    c = find(nt, body, end)
    while c is not None:
        m = match(nt, c.start(), end)
        if m is None:
            c = find(nt, c.start() + 1, end)
        else:
            out.append(m)
            c = find(nt, m.end(), end)  # (a marker is never empty)
    return out


def _level_of(m: _Match) -> tuple[int, str]:
    """The level and number of a `_MARKER` match: its branch's group `l<level>` is the last
    group it closes (`_LEVELS`: by the group's index, which its scanner shares)."""
    lv, n = _LEVELS[m.lastindex]
    return lv, m.group(n)


# the index of each group `l<level>` of `_MARKER` -> (level, index of its number's group `n<level>`)
_LEVELS = {i: (int(g[1:]), _MARKER.groupindex["n" + g[1:]])
           for g, i in _MARKER.groupindex.items() if g[0] == "l"}


def _toc_lines(nt: str, body: int, marks: list[_Match] | None = None, bmp: bool | None = None
               ) -> list[tuple[int, int]]:
    """Lines that list three or more canonical level-1 headings close together (a contents list).

    `marks`: `_MARKER.finditer(nt, body)`, when the caller has it: a line's markers are then
    taken from it (`_line_marks`) instead of being looked for again. A line scanned alone (the
    body's first line where the whole text's scan saw something else than a line break before
    it, `_scanned_alone`; a line a marker crosses) is scanned by `_markers` (`bmp`: whether `nt`
    stays in the BMP, when the caller knows)."""
    out = []
    starts: list[int] | None = None  # (the marks' starts: listed for the first line that asks)
    alone = _scanned_alone(nt, body)
    for pos, end in _lines(nt, body) if marks is None else _toc_candidates(nt, body, marks):
        ends = nt.count("、", pos, end) + nt.count(".", pos, end)
        if ends < 3 or end - pos >= _TOC_SPACING * ends:
            # a level-1 marker ends in 、 or .: fewer than three cannot make a list, and as many
            # canonical titles as there are such ends would stand too far apart (n ≤ ends)
            continue
        line = nt[pos:end]
        n = 0
        found = None
        if pos != alone:
            if starts is None and marks is not None:
                starts = [m.start() for m in marks]
            found = _line_marks(marks, starts, pos, end)
        l1 = [m.end() - pos for m in found if m.group("l1")] if found is not None else [
            m.end() for m in _markers(line, 0, bmp=bmp) if m.group("l1")]
        if len(l1) >= 3 and len(line) < _TOC_SPACING * len(l1):  # (else too few or too far apart)
            n = sum(1 for e in l1 if canonical_prefix(line, e, level1_only=True))
        if n >= 3 and len(line) / n < _TOC_SPACING:
            out.append((pos, end))
    return out


_TOC_SPACING = 60  # a contents line has a canonical level-1 title every fewer characters than this


def _scanned_alone(nt: str, body: int) -> int:
    """Where the line `_toc_lines` scans alone whatever the whole text's markers are starts: the
    body's first line (body > 0), whose markers the whole text's scan found with what stands
    before the body in view (a character a lookbehind of `_MARKER` may look at), unless that is
    a line break, which no lookaround of `_MARKER` looks for (every crawler header of the
    corpus: its first line is often the whole flattened report, 15% of the new reports' text
    scanned twice); else -1 (no line)."""
    return body if body and nt[body - 1] != "\n" else -1


def _lines(nt: str, body: int) -> list[tuple[int, int]]:
    """The spans of the lines of `nt[body:]`."""
    out = []
    pos = body
    for line in nt[body:].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _toc_candidates(nt: str, body: int, marks: list[_Match]) -> list[tuple[int, int]]:
    """The lines of `nt[body:]` (`_lines`) that `_toc_lines` can find to be contents lines from
    the whole text's markers `marks`: the first, when it is scanned alone (`_scanned_alone`); those where
    a level-1 marker starts; and those a marker crossing a line break touches (`_line_marks`
    sends them to a scan of their own). On any other line `_line_marks` gives the line's
    markers, none of level 1: no contents line. (Lines are found around the markers, not cut
    from the whole text: most lines hold no marker.)"""
    found: list[int] = []  # offsets on the lines, in text order
    if _scanned_alone(nt, body) >= 0:
        found.append(body)
    for m in marks:
        a, b = m.span()
        if m.lastgroup == "l1":
            found.append(a)
        if "\n" in m.group():  # (`\s*` crosses line breaks)
            found.append(a)
            found.extend(i + 1 for i in range(a, b) if nt[i] == "\n")
    out: list[tuple[int, int]] = []
    for p in found:
        if out and p <= out[-1][1]:
            continue  # (on the line found last)
        start = nt.rfind("\n", body, p) + 1 or body
        end = nt.find("\n", p)
        out.append((start, end if end >= 0 else len(nt)))
    return out


def _line_marks(marks: list[_Match] | None, starts: list[int] | None, a: int, b: int
                ) -> list[_Match] | None:
    """The matches of `_MARKER.finditer(nt[a:b])` (the line [a, b), a line not scanned alone,
    `_scanned_alone`) taken from the whole text's `marks`, shifted by a; None when a mark runs
    into the line or out of it (`\\s*` crosses line breaks): the line is then scanned alone.
    Elsewhere the context a line's scan cannot see is a line break, which no lookaround of
    `_MARKER` looks for."""
    if marks is None or starts is None:
        return None
    lo, hi = bisect_left(starts, a), bisect_left(starts, b)
    if (lo and marks[lo - 1].end() > a) or (hi > lo and marks[hi - 1].end() > b):
        return None
    return marks[lo:hi]


def _heading_end(nt: str, norm: NormalizedText, m_end: int, level: int, hard_end: int,
                 bmp: bool | None = None) -> tuple[int, int, bool]:
    """(end of heading text, end of its sentence, detached) for a heading whose marker ends at
    m_end (`bmp`: whether `nt` stays in the BMP, when the caller knows)."""
    # (limits by conditional expressions: `min` of two ints costs about ten times more)
    title_end = m_end + MAX_TITLE
    limit = hard_end if hard_end < title_end else title_end
    line_end = nt.find("\n", m_end)
    if line_end < 0:
        line_end = len(nt)
    if line_end < limit:
        limit = line_end
    if level == 5:
        p = _ITEM_END.search(nt, m_end, line_end if line_end < title_end else title_end)
        if p is not None:
            i = p.start()
            return (i, i + 1, True) if nt[i] in _SENT_END else (i, i, False)
        if line_end <= m_end + MAX_TITLE:
            return line_end, line_end, True
        return m_end, m_end, False
    # natural end: punctuation, a run of source spaces (from the third character), or the line end
    p = _HEAD_PUNCT_RE.search(nt, m_end, limit)
    q = p.start() if p else limit
    # (`_next_space_gap(norm, m_end + 2, q)`, called only where its first test, whether the
    # view drops any source character between, does not answer None: most titles)
    idx = norm.index
    e = None if q <= m_end + 2 or idx[q - 1] - q == idx[m_end + 1] - m_end - 2 else \
        _next_space_gap(norm, m_end + 2, q)
    if e is None and p is not None:
        e = p.start()
    content_end = line_end  # (spaces a line is padded with do not make its title longer)
    while content_end > m_end and nt[content_end - 1] in _SPACE:
        content_end -= 1
    if e is None and content_end <= m_end + MAX_TITLE and content_end <= hard_end:
        e = content_end
    # a first marker of a deeper level inside the title starts the next heading (in a BMP
    # text, looked for only in a title holding a character of a number 1, `_ones`: 119 of 2,313
    # titles of new reports)
    hi = e if e is not None else limit
    if not bmp or _ones().search(nt, m_end + 2, hi) is not None:
        for mm in _markers(nt, m_end + 2, hi, bmp):
            lv, n = _level_of(mm)
            if lv > level and cn_number(n) == 1 and mm.end() < len(nt) and _title_at(nt, mm.end()):
                return mm.start(), mm.start(), True
    # (`canonical_prefix(nt, m_end, bmp=True)` is `_keyed_prefix` where m_end < len(nt): asked
    # without the call between)
    canon = _keyed_prefix(nt, m_end) if bmp and m_end < len(nt) else canonical_prefix(nt, m_end, bmp=bool(bmp))
    c = canon[0] if canon else None
    if c is not None and c <= line_end:
        gap = nt[c:e] if e is not None else ""
        if e is None or e <= c or len(gap) > 8 or _GAP_STOP.search(gap):
            if c < len(nt) and nt[c] in "，,":
                return c, c, False
            se = c + 1 if c < len(nt) and nt[c] in _HEAD_PUNCT else c
            return c, se, True
    suf = _TITLE_SUFFIX.search(nt, m_end + 2, e if e is not None else limit)
    if suf:
        return suf.end(), suf.end(), True
    if e is not None:
        se = e + 1 if e < len(nt) and nt[e] in _HEAD_PUNCT else e
        return e, se, True
    y = _YEAR_START.search(nt, m_end + 2, limit)
    if y:
        return y.start(), y.start(), True
    p = _COMMA.search(nt, m_end, limit)
    if p is not None:
        return p.start(), p.start(), False
    return m_end, m_end, False


@lru_cache(maxsize=1)
def _ones() -> re.Pattern:
    """A search for a character every `_MARKER` match numbered 1 (`cn_number`) holds in a BMP
    text: 一 (一一 is 0, 十一 11, 一十 10), or a BMP digit of value 1 (1, ١, १ …: a number of
    digits is 1 only as that digit alone or after a 0)."""
    return _one_of("一" + "".join(c for c in bmp_digits() if int(c) == 1))


def _one_of(chars: set[str] | str) -> re.Pattern:
    """A regex matching one of `chars` (to find the first of them with one search). Stdlib `re`:
    a set of literal characters means the same to both engines, and `re` searches the short
    spans these are asked about in half the time."""
    return re.compile(char_class(chars))


# (compiled once: `regex.search(source, …)` costs 6 µs a call even when the module's cache
# holds the source, a compiled pattern's `search` 0.5 µs)
_TABLE_HEADER_WORD = regex.compile(r"\s*(?:指标|统计指标|项目|单位|\(|（)")  # after a caption
_LISTING = regex.compile(r"[、和及与]")
_DIGIT = regex.compile(r"\d")
_GAP_STOP = regex.compile(r"[，,\d(（第]")  # what ends a title at its canonical part
_ITEM_END = _one_of(_SENT_END | set("，,；;：:"))
_HEAD_PUNCT_RE = _one_of(_HEAD_PUNCT)
_COMMA = _one_of("，,")


# --------------------------------------------------------------------------- headings


def find_headings(doc: Document, _found: tuple | None = None) -> list[_Head]:
    """Accepted numbered headings and table captions, in text order (normalised offsets).

    `_found`: `(zones, weak zones, body, contents lines, _MARKER matches from the body on,
    whether the text stays in the BMP)` when the caller has them already."""
    norm = doc.norm
    nt = norm.text
    zones, weak, body, toc, cands, bmp = (
        _found if _found is not None else (*_zones(doc, norm), None, None, bmp_only(nt)))
    if cands is None:
        cands = _markers(nt, body, bmp=bmp)
    if toc is None:
        toc = _toc_lines(nt, body, cands, bmp)
    # (most texts: no zone to look up at each marker, nor where the next one starts: `next_start`
    # of no spans is its default; and no weak zone: 474 of 555 new reports; neither is built,
    # and each is asked only where `zoned`, `weak_zoned`)
    zoned = bool(zones or toc)
    in_zones = _Zones(zones + toc) if zoned else None
    weak_zoned = bool(weak)
    in_weak = _Zones(weak) if weak_zoned else None
    heads: list[_Head] = []
    last_num: dict[int, int] = {}
    deepest = 0  # the level of the last heading (no key of `last_num` is deeper)
    last_end: int | None = None
    # (most texts hold no caption's anchor: known without a regex scan)
    captions = list(anchored_finditer(_CAPTION, *_CAPTION_ANCHOR, nt, body)) if _CAPTION_WORD in nt else []
    events: list[tuple[int, str, _Match]] = [(m.start(), "m", m) for m in cands]
    if captions:  # (markers come in text order; no two events share a start and a kind)
        events += [(m.start(), "c", m) for m in captions]
        events.sort(key=lambda e: (e[0], e[1]))
    taken_until = body
    for pos, what, m in events:
        if pos < taken_until or (zoned and pos in in_zones):
            continue
        if what == "c":
            if _boundary(nt, norm, pos, body) not in ("line", "sent", "space") and not _chained(
                nt, pos, last_end
            ):
                continue
            end = m.end()
            # a caption is a line or a segment of its own
            after = nt[end : end + 1]
            if after and after not in "\n" and not _source_space_between(norm, end, end) and not \
                    _TABLE_HEADER_WORD.match(nt[end : end + 6]):
                continue
            # not a sentence that mentions the table ("…和统计表共七个部分组成")
            if _LISTING.search(nt[pos:end][-8:]):
                continue
            heads.append(_Head(pos, end, end, 1, "", 0, True, "tables"))
            last_num = {1: last_num.get(1, 0)}
            deepest = 1
            last_end = end
            taken_until = end
            continue
        level, n = _LEVELS[m.lastindex]  # (`_level_of(m)`, without a call a marker)
        n = m.group(n)
        num = cn_number(n)
        m_end = m.end()
        if m_end >= len(nt):
            continue
        ch = nt[m_end]
        # (`_title_at(nt, m_end)`, without a call a marker)
        if not (_title_char(ch) or (ch in _YEAR_DIGITS and _TITLE_START.match(nt, m_end) is not None)):
            continue
        if ch in _NOT_HEADING_FIRST:  # (`_NOT_HEADING_AFTER.match(nt, m_end)`: past
            continue  # `_title_at`, nt[m_end] is no white space, so its `\s*` is empty)
        b = _boundary(nt, norm, pos, body)
        prev = last_num.get(level)
        fits = num == (prev + 1 if prev is not None else 1)
        memo: dict[int, bool] = {}  # a canonical title follows the marker? (asked if needed)
        if b == "line":
            ok = fits or level > 1 or _canonical_after(nt, m_end, level, memo)
        elif b == "sent":
            ok = fits or (level == 1 and num > (prev or 0) and _canonical_after(nt, m_end, level, memo))
        elif b == "colon":
            ok = num == 1 and level > 1 and _sibling_follows(nt, norm, m, level, body)
        elif b == "semi":
            ok = level > 1 and fits and prev is not None and bool(heads) and heads[-1].level >= level
        else:
            ok = level <= 2 and num > (prev or 0) and (level == 1 or fits) and _canonical_after(nt, m_end, level, memo)
            if not ok and level == 1 and fits:
                # a canonical title with a typo ("行政法复议、行政诉讼情况") still names its kind
                window = _DIGIT.split(nt[m_end : m_end + 20])[0]
                ok = classify_title(window, level1_only=True) != ""
        if not ok and _chained(nt, pos, last_end) and heads:
            ok = (level > heads[-1].level and num == 1) or (level == heads[-1].level and fits)
        if ok and weak_zoned and pos in in_weak:
            ok = level == 1 and fits and _canonical_after(nt, m_end, level, memo)
        if not ok:
            continue
        hard_end = in_zones.next_start(m_end, len(nt)) if zoned else len(nt)
        h_end, s_end, detached = _heading_end(nt, norm, m_end, level, hard_end, bmp)
        while h_end > m_end and nt[h_end - 1] in _SPACE:
            h_end -= 1
        heads.append(_Head(pos, h_end, s_end, level, n, num, detached, "", m_end))  # (positional)
        last_num[level] = num
        if deepest > level:  # (the keys are the levels up to the last heading's, `deepest`)
            for lv in list(last_num):
                if lv > level:
                    del last_num[lv]
        deepest = level
        last_end = s_end if detached else None
        taken_until = m_end
    for h in heads:
        if not h.kind and h.level < 5:
            # (the title after the marker: `_MARKER` matches the heading's text as it matched
            # the whole text there, tests/test_structure.py)
            h.kind = classify_title(nt[h.title_start : h.end])
        elif not h.kind and h.level == 5:
            # 二是依申请公开情况。…: an 一是/二是 item that opens with a section's title (after
            # its marker, which ends at `title_start`)
            lead = _ITEM_TITLE.match(nt, h.title_start)
            if lead is not None:
                h.kind = classify_title(lead.group(1))
    return heads


@lru_cache(maxsize=1 << 12)
def heading_title(heading: str) -> str:
    """A section heading without its number (2、政务微博 → 政务微博; （一）主动公开 → 主动公开);
    cached: it is asked for every claim under a heading."""
    s = same_length(heading).strip()
    m = _MARKER.match(s)
    return s[m.end():].strip() if m else s


_ITEM_TITLE = re.compile(r"([^。，,；;：:\n]{2,12})[。：:]")  # the short title an item opens with


def _canonical_after(nt: str, m_end: int, level: int, memo: dict[int, bool]) -> bool:
    if m_end not in memo:
        memo[m_end] = canonical_prefix(nt, m_end, level1_only=(level == 1)) is not None
    return memo[m_end]


def _sibling_follows(nt: str, norm: NormalizedText, m: _Match, level: int, body: int) -> bool:
    """For a first item after a colon: is its second sibling at a sentence start further on?"""
    mm = _SECOND_ITEM[level].search(nt[m.end() : m.end() + 3000])
    return mm is not None and _boundary(nt, norm, m.end() + mm.start(), body) in ("line", "sent")


_SECOND_ITEM = {2: regex.compile(r"\(\s*二\s*\)"), 3: regex.compile(r"(?<![\d.])2\s*[、.](?!\d)"),
                4: regex.compile(r"\(\s*2\s*\)"), 5: regex.compile(r"(?<![一二三四五六七八九十])二是")}


# --------------------------------------------------------------------------- entry point


def _nesting(levels: list[int]) -> tuple[list[int | None], list[int | None]]:
    """For each heading: the index of the next heading of the same or a higher level (where
    its section ends) and of the nearest earlier heading of a higher level (its parent), in
    one pass with a stack (linear in the number of headings)."""
    n = len(levels)
    ends: list[int | None] = [None] * n
    parents: list[int | None] = [None] * n
    stack: list[int] = []
    for k, lv in enumerate(levels):
        while stack and levels[stack[-1]] >= lv:
            ends[stack.pop()] = k
        parents[k] = stack[-1] if stack else None
        stack.append(k)
    return ends, parents


def find_structure(doc: Document) -> None:
    """Fill `doc.sections`, `doc.paragraphs` and `doc.sentences`."""
    norm = doc.norm
    nt = norm.text
    if not nt or nt.isspace():  # (`not nt.strip()` without a copy of the text)
        return
    zones, weak, body = _zones(doc, norm)
    bmp = bmp_only(nt)
    marks = _markers(nt, body, bmp=bmp)
    toc = _toc_lines(nt, body, marks, bmp)
    found = (zones, weak, body, toc, marks, bmp)
    zones = sorted(zones + weak + toc)
    doc.meta.setdefault("body_start", norm.index[body] if body < len(norm.index) else len(doc.text))
    heads = find_headings(doc, found)
    title_end = _title_line(doc, norm, body)

    # ---- sections
    n_end = len(nt)
    idx = norm.index
    span = norm.span
    # (`span(a, b)` of a piece (b > a) in a view without wide characters is (idx[a],
    # idx[b - 1] + 1): read off the index, not by a method call per piece)
    plain = not norm.wide
    sections: list[Section] = []
    ends, parents = _nesting([h.level for h in heads])
    for k, h in enumerate(heads):
        end = heads[ends[k]].start if ends[k] is not None else n_end
        while end > h.start and nt[end - 1] in _BLANK:
            end -= 1
        parent = parents[k]
        s, e = (idx[h.start], idx[end - 1] + 1) if plain and end > h.start else span(h.start, end)
        he = h.end if h.end > h.start else h.start + 1  # (`max(h.end, h.start + 1)`)
        hs, he = (idx[h.start], idx[he - 1] + 1) if plain else span(h.start, he)
        # (positional: a class called with keywords builds a dict of them, 2.5k instructions
        # a section; tests/test_structure.py pins the order of `Section`'s fields)
        sections.append(Section(s, e, doc.text[hs:he], hs, he, h.level, h.number, parent, h.kind))
    doc.sections = sections

    # ---- cut points for paragraphs and sentences (normalised offsets)
    para_cuts: set[int] = set()
    sent_cuts: set[int] = set()
    if title_end:
        para_cuts.add(title_end)
        sent_cuts.add(title_end)
    for h in heads:
        para_cuts.add(h.start)
        sent_cuts.add(h.start)
        if h.detached:
            para_cuts.add(h.sent_end)
            sent_cuts.add(h.sent_end)
    n_nt = len(nt)
    sent_ends = _sentence_ends(nt)
    sent_cuts.update(sent_ends)
    # (a dropped space needs a gap in the offsets: most characters are contiguous, and a view
    # as long as its source has none: its offsets rise by one from 0 to `idx[n_nt]`, the
    # source's length; 220 of 555 new reports)
    if idx[n_nt] != n_nt:
        para_cuts.update(j for j in sent_ends if j < n_nt and idx[j] != idx[j - 1] + 1
                         and _source_space_between(norm, j, j))
    # (each list of offsets below ends with a sentinel past them all, n_nt + 1 (no cut lies
    # past the text's end): the loops that step over them stop at it without testing the index
    # against the list's length)
    para_sorted = sorted(para_cuts)
    para_sorted.append(n_nt + 1)
    sent_sorted = sorted(sent_cuts)
    sent_sorted.append(n_nt + 1)
    merged = _merge(zones)
    merged_starts = [a for a, _ in merged]

    # paragraphs: lines of the normalised view, minus zones, cut at headings
    paragraphs: list[tuple[int, int]] = []
    is_word = _is_word
    # (the cuts at or before a line's start, `bisect_right(para_sorted, a)`, counted as the
    # lines go: their starts rise; below, the cuts and heading starts at or before a
    # paragraph's or a sentence's start likewise: a step of Python where a cut or a heading
    # is passed, not a call of `bisect_right` a line, paragraph and sentence)
    lo = 0
    # (the lines of each run outside the zones: a table inside a line splits it, and the lines
    # of a table are never looked at; each line [a, b) is taken stripped (`str.strip`: the
    # white space `_strip` tests), none for a blank one, and a cut at or outside a line's
    # stripped ends cuts nothing off it. Cut by `str.split`: `str.strip` returns a line with
    # nothing to strip as it is, and a stripped line starts where `find` finds its text; about
    # 0.7k instructions a line fewer than a step of a stdlib `finditer` of ``\S(?:[^\n]*\S)?``,
    # the same spans: tests/test_speed_struct.py compares the two on every corpus text)
    for f0, f1 in _free_runs(merged, merged_starts, body, len(nt)):
        j = f0 - 1
        for line in nt[f0:f1].split("\n"):
            a = j + 1
            j = b = a + len(line)
            t = line.strip()
            if t is not line:
                if not t:
                    continue  # (a blank line)
                a += line.find(t)  # (the first character that is not white space)
                b = a + len(t)
            elif b == a:
                continue  # (an empty line)
            while para_sorted[lo] <= a:
                lo += 1
            if para_sorted[lo] >= b:  # (most lines: no cut inside, one piece)
                if nt[a].isalpha() or is_word(nt[a]) or _holds_word(nt, a, b):  # (`_is_word`)
                    paragraphs.append((a, b))
                continue
            start = a
            for c in [*para_sorted[lo : bisect_left(para_sorted, b, lo)], b]:
                if start < c and not nt[start].isspace() and not nt[c - 1].isspace():
                    s, e = start, c  # (`_strip`'s first test, without the call: most pieces)
                else:
                    s, e = _strip(nt, start, c)
                if e > s and (nt[s].isalpha() or is_word(nt[s]) or _holds_word(nt, s, e)):
                    paragraphs.append((s, e))
                start = c
    sentences: list[Sentence] = []
    paras: list[Paragraph] = []
    head_starts = [h.start for h in heads]
    head_starts.append(n_nt + 1)
    lo = hk = 0  # (`bisect_right(sent_sorted, a)`; `bisect_right(head_starts, s)`)
    for pi, (a, b) in enumerate(paragraphs):
        pa, pb = (idx[a], idx[b - 1] + 1) if plain else span(a, b)
        paras.append(Paragraph(pa, pb))
        while sent_sorted[lo] <= a:
            lo += 1
        if sent_sorted[lo] >= b:
            # one sentence: the paragraph (stripped, with a word: what the loop tests)
            while head_starts[hk] <= a:
                hk += 1
            sentences.append(Sentence(pa, pb, pi, hk - 1 if hk else None))
            continue
        start = a
        for c in [*sent_sorted[lo : bisect_left(sent_sorted, b, lo)], b]:
            if start < c and not nt[start].isspace() and not nt[c - 1].isspace():
                s, e = start, c  # (`_strip`'s first test, without the call: most sentences)
            else:
                s, e = _strip(nt, start, c)
            start = c
            if e <= s:
                continue
            if not (nt[s].isalpha() or is_word(nt[s]) or _holds_word(nt, s, e)):
                if sentences and sentences[-1].paragraph == pi:  # stray punctuation
                    sentences[-1].end = span(s, e)[1]
                continue
            ss, se = (idx[s], idx[e - 1] + 1) if plain else span(s, e)
            # the innermost section holding s: the last heading at or before it
            while head_starts[hk] <= s:
                hk += 1
            sentences.append(Sentence(ss, se, pi, hk - 1 if hk else None))
    doc.paragraphs = paras
    doc.sentences = sentences


@lru_cache(maxsize=1 << 12)
def _title_char(ch: str) -> bool:
    """Does `_TITLE_START` match the character alone? (only its one-character branch can: the
    year branch needs five)"""
    return _TITLE_START.match(ch) is not None


def _title_at(nt: str, i: int) -> bool:
    """`_TITLE_START.match(nt, i)` for i < len(nt): the one-character branch by a cached test
    of the character (`_title_char`), the `regex` engine only where the year branch can begin
    (asked after every heading marker: a `regex` call costs several thousand instructions)."""
    ch = nt[i]
    return _title_char(ch) or (ch in _YEAR_DIGITS and _TITLE_START.match(nt, i) is not None)


def _holds_word(nt: str, s: int, e: int) -> bool:
    """Does `nt[s:e]` (not empty) hold a `_WORD` character? Most pieces open with one, and most
    others with a bracket or a mark before one: the cached `_is_word` answers those, `_WORD`
    searches the rest. (Every caller has asked `_is_word(nt[s])` first: not asked again.)"""
    return (s + 1 < e and _is_word(nt[s + 1])) or _WORD.search(nt, s, e) is not None


@lru_cache(maxsize=1 << 12)
def _is_word(ch: str) -> bool:
    """Does `_WORD` match the character? (cached: asked for the first character of every
    paragraph and sentence, where a search of the piece would find it at once). The loops of
    `find_structure` ask `str.isalpha` first: every letter (Han included) is a `_WORD`
    character (tests/test_speed_struct.py checks every code point), and the method answers
    most first characters for about half the instructions of this cached call."""
    return _WORD.match(ch) is not None


def _sentence_ends(nt: str) -> list[int]:
    """Where sentences end in `nt`, in order: after each of `_SENT_END` and the closing quotes
    and brackets (`_CLOSERS`) after it (no closer ends a sentence, so every sentence end makes
    one). Found with `str.find`, a character at a time (a `re` class scan tests every character
    of the text: 3× the time), the other ends than 。 only in a text holding one; the closers
    are stepped over only in a text where one follows an end (5 of 6,112 ends of new reports:
    elsewhere each end is one past its character)."""
    ends = []
    i = 0
    for piece in nt.split("。")[:-1]:  # (the common end: the pieces' lengths are cheaper than a
        i += len(piece) + 1  # `str.find` call for each; one past each 。)
        ends.append(i)
    for ch in _OTHER_ENDS:
        if ch in nt:
            ends += [j + 1 for j in find_all(nt, ch)]
    ends.sort()
    n = len(nt)
    # (the characters after the ends, read in C by one `itemgetter`: a tuple of them, or the
    # one character; the last end may be the text's end)
    after = ends[:-1] if ends and ends[-1] == n else ends
    if after and not _CLOSERS.isdisjoint(itemgetter(*after)(nt)):
        for k, i in enumerate(ends):
            while i < n and nt[i] in _CLOSERS:
                i += 1
            ends[k] = i
    return ends


_OTHER_ENDS = tuple(sorted(_SENT_END - {"。"}))  # (`_sentence_ends`: 。 is cut by `str.split`)


_TITLE_YEAR = regex.compile(r"\d{4}|[〇○零一二]{4}")
_TITLE_LIKE = regex.compile(r"(?:年度?|年度工作)?(?:政府)?(?:信息公开|政务公开)?(?:工作)?(?:年度)?(?:报告|年报)$")
# how a `_TITLE_LIKE` match ends: a stripped segment ends so exactly where the pattern finds a
# match (everything before is optional), so `_title_line` asks this alone
_TITLE_LAST = ("报告", "年报")


def _title_line(doc: Document, norm: NormalizedText, body: int) -> int | None:
    """If the body opens with the report's title (a line, or a segment ended by spaces in
    flattened crawler text), record its source span in ``doc.meta["title_span"]`` and return
    its normalised end, so that it is a paragraph and a sentence of its own."""
    nt = norm.text
    i = body
    while i < len(nt) and nt[i].isspace():
        i += 1
    hi = min(len(nt), i + 80)
    stop = _TITLE_STOP.search(nt, i + 1, hi)  # the first line break or clause mark
    h = stop.start() if stop else hi
    # or a dropped space before it (`_next_space_gap`, called only where its first test, whether
    # the view drops any source character between, does not answer None)
    idx = norm.index
    gap = None if h <= i + 1 or idx[h - 1] - h == idx[i] - i - 1 else _next_space_gap(norm, i + 1, h)
    j = gap if gap is not None else stop.start() if stop else None
    if j is None:
        return None
    seg = nt[i:j].strip()
    if nt[j] in "\n " or _source_space_between(norm, j, j):
        # (`_TITLE_LIKE.search(seg)` is `seg.endswith(_TITLE_LAST)`: tests/test_speed_struct.py)
        if 6 <= len(seg) <= 70 and seg.endswith(_TITLE_LAST) and \
                _TITLE_YEAR.search(seg):
            doc.meta.setdefault("title_span", norm.span(i, j))
            return j
    return None


_TITLE_STOP = _one_of("\n。，；：")


def _strip(nt: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without the white space at either end (`_SPACE` is white space to `str.strip`);
    (b, b) when it is all white space."""
    if a < b and not nt[a].isspace() and not nt[b - 1].isspace():
        return a, b  # (most spans: nothing to strip, no slice made)
    s = nt[a:b]
    lead = len(s) - len(s.lstrip())
    if lead == len(s):
        return b, b
    return a + lead, a + len(s.rstrip())
