"""Flattened digit runs: crawler text whose tables lost their separators → `Table`s.

    二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量…规章000规范性文件898989…
    …一、本年新收政府信息公开申请数量230 000023二、上年结转…0000000三、本年度办理结果（一）予以公开7000007…

Each row is a label and its numbers glued into one digit run. A run is split into the table's
columns ONLY where the split is forced; nothing is guessed and the narrative is never used:

- the run splits one way only: as many digits as columns (`7000007`), space-separated numbers
  (`0 1 1 0 2`), a single column (`10690`), or leading zeros leave one way (`000`, `0100`);
  numbers never have leading zeros (except `0`) and spaces always separate numbers;
- or exactly one split satisfies the row's column total (`[runs] total_cols`: 总计 = the sum of
  the other leaves under its parent header: table 三 per row, table 四 per block);
- or, for table 三, exactly one split satisfies the identities between rows
  (`[[runs.row_identities]]`: 一 + 二 = （七）总计 + 四 and （七）总计 = the result rows, per column),
  given the candidate splits of the other rows.

A row whose run is still ambiguous keeps its label and gets no value cells (`规范性文件898989`
under 本年新制作/本年新公开/对外公开总数量, `主动公开信息数条4251516` under 本期/累计). A digit
right before an item number belongs to the next label (`70000072.没有现成信息` → `7000007` and
`2.没有…`). Every value cell keeps the span of its digits in the source and a note saying why
the split is forced. The header words, titles and row labels come from `table_labels.toml`, so
the resulting `Table` is mapped like any other text table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from math import comb
from operator import add

import regex

from nlp.records import Table, TableCell
from nlp.scan import (
    QUANTIFIERS,
    REGEX_SPACE,
    WHITE_SPACE,
    LeftmostFirst,
    TextGated,
    bmp_digits,
    digit_or,
    first_char_list,
    required_literals,
    seldom_char,
    stdlib_twin,
    top_level_branches,
)
from nlp.tables.labels import TYPO_LEN, label_key, table_labels
from nlp.tables.layout import TITLE, LogicalRow, expand_headers
from nlp.tables.values import UNITS

_CORNER = regex.compile(r"[(（][^()（）]{0,60}勾稽关系[^()（）]{0,60}[)）]")
_NOTE = regex.compile(r"\s*[(（][^()（）\d]{0,20}[)）]")  # （单位：万元） after a header word
_WS = regex.compile(r"[\s\u3000]*")
# the same runs by the stdlib engine (a set of literal characters, `\s` spelled out as `regex`
# reads it, U+3000 among them: the same match at any start of any text; a `re` call costs about
# a third of a `regex` call)
_WS_RUN = re.compile(WHITE_SPACE + "*")
_WS_CHARS = frozenset(REGEX_SPACE)  # what `_WS` can take (`\s` and U+3000: `scan.REGEX_SPACE`)
_TITLE_FIRST = "第"  # the character a `TITLE` match begins with
_CORNER_FIRST = ("(", "（")  # the characters a `_CORNER` match begins with
# a run of numbers; one may start with a minus sign glued to the number before it (the
# 本年增/减 column: 行政事业性收费35-15 is 35 | -15)
# A number may carry a count word before the space that ends it (政府集中采购 2笔 984361元).
_RUN = regex.compile(
    r"\d[\d.]*(?:[笔项个件次宗条家](?=[ \u00a0\u3000]+\d))?"
    r"(?:(?:[ \u00a0\u3000]+[-－−]?|[-－−])\d[\d.]*(?:[笔项个件次宗条家](?=[ \u00a0\u3000]+\d))?)*"
    r"(?:万元|亿元|元)?")
_COUNT_WORD = frozenset("笔项个件次宗条家")
_MARK = regex.compile(  # a numbering mark that starts a label part
    r"(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
    r"|其中\s*[:：]?)")
_ITEM_AFTER = regex.compile(r"\s*[.、．](?=\s*[^\d\s])")  # `2.` + a label: an item number
_ITEM = regex.compile(r"(?:其中\s*[:：]?\s*)?(\d{1,2})\s*[、.．](?!\d)")
_ITEM_FIRSTS = frozenset("其")  # (and `\d`) what an `_ITEM` match begins with
_STOP = frozenset("。；;！？!?")
_DATE_WORDS = ("年", "月", "日")
_NUMBER = regex.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_MAX_SPLITS = 20000
_NOT_NUMBER_CHAR = regex.compile(r"[^\d.]")
_MAX_COMBOS = 50000
_RUN_UNIT = regex.compile(r"(?:万元|亿元|元)$")
_RUN_GROUP = regex.compile(r"[-－−]?[^\s\u3000\xa0\-－−]+")  # a minus starts a number
_DIGITS = regex.compile(r"\d+")
_MINUS = frozenset("-－−")
_OTHER_LEAD = regex.compile(r"其中\s*[:：]?")

COL0_UNIT, COL0_VALUE = 3, 4  # grid columns: labels 0–2, the unit, then the values


def _word_pattern(word: str) -> str:
    return r"\s*".join(regex.escape(ch) for ch in word if not ch.isspace())


@lru_cache(maxsize=1)
def _header_words() -> tuple[tuple[str, ...], dict[str, str]]:
    """(the header words of `table_labels.toml`, longest first; the role of each header key)."""
    data = table_labels()
    words: set[str] = set()
    roles: dict[str, str] = {}
    for role in ("label", "unit", "skip"):
        for w in data["columns"][role]:
            words.add(w)
            roles[label_key(w)] = role
    for g, kids in data["header_groups"].items():
        words.add(g)
        words.update(kids)
    for sect, keys in (("t2", ("cols",)), ("t3", ("cols",)), ("t4", ("cols", "blocks"))):
        for key in keys:
            for labs in data[sect][key].values():
                words.update(labs)
    words.update(data["local"]["current_cols"])
    words.update(data["local"]["cumulative_cols"])
    words.update(data["runs"]["openers"])
    return tuple(sorted(words, key=len, reverse=True)), roles


def _long_keys() -> list[str]:
    """The keys of the header words long enough to be read with one character misprinted."""
    return [k for k in map(label_key, _header_words()[0]) if len(k) >= TYPO_LEN]


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, regex.Pattern, dict[str, str], regex.Pattern]:
    """(header word regex, opener regex, role of each header key, misprinted-word regex)."""
    alts, roles = _header_words()
    runs = table_labels()["runs"]
    header = regex.compile(
        rf"(?:{runs['period']}|(?:{'|'.join(_word_pattern(w) for w in alts)})(?:{_NOTE.pattern})?)")
    # a long header word with one character misprinted (本年废纸件数), after another header word
    misprint = regex.compile(rf"(?:{'|'.join(map(regex.escape, _long_keys()))}){{s<=1}}")
    opener = regex.compile(
        rf"{TITLE.pattern}|{_CORNER.pattern}|{'|'.join(_word_pattern(w) for w in runs['openers'])}")
    return header, opener, roles, misprint


@lru_cache(maxsize=1)
def _header_by_first() -> dict[str, regex.Pattern] | None:
    """The header-word regex (`_patterns()[0]`) cut by the character a match begins with: for
    each such character, the alternation of only the branches (the period, the words) that can
    begin with it, in their order, each word with its note after it. At a start holding that
    character every other branch fails on its first character, so the first branch that matches
    is the same, and so is the match; at a start holding none of them nothing matches. `regex`
    tries all 69 words at each token of a header scan; a cut tries one to twenty. None when a
    branch's first characters are not known (the whole regex is asked then)."""
    alts, _ = _header_words()
    period = table_labels()["runs"]["period"]
    branches = [(period, False), *((_word_pattern(w), True) for w in alts)]
    cut: dict[str, list[tuple[str, bool]]] = {}
    for src, word in branches:
        firsts = first_char_list(src)
        if not firsts:
            return None
        for ch in firsts:
            cut.setdefault(ch, []).append((src, word))
    out: dict[str, regex.Pattern] = {}
    for ch, bs in cut.items():
        words = "|".join(src for src, word in bs if word)
        alt = [src for src, word in bs if not word]
        if words:
            alt.append(rf"(?:{words})(?:{_NOTE.pattern})?")
        out[ch] = regex.compile(f"(?:{'|'.join(alt)})")
    return out


@lru_cache(maxsize=1)
def _misprint_heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Pairs of the first three characters of the words the misprinted-word regex reads
    (`_long_keys`, six characters or more): the first two, the second and third, the first and
    third. That regex allows one substitution and nothing else, so a match keeps one of those
    pairs in place (the one without the misprinted character): at a position holding none of
    them it finds nothing, and the fuzzy matcher (the slowest step of a header scan, about 24k
    instructions a call) need not be asked. (The first or the second character alone, the gate
    before, let 205 calls through on the new documents, the pairs 18.)"""
    keys = _long_keys()
    return (frozenset(k[:2] for k in keys), frozenset(k[1:3] for k in keys),
            frozenset(k[0] + k[2] for k in keys))


@lru_cache(maxsize=1)
def _opener_scan() -> LeftmostFirst:
    """The opener regex cut into its branches (titles, the corner note, each opener word), each
    scanned on its own: the matches of `finditer` (tests/test_digit_runs.py), found a third
    faster than by the alternation, which the engine tries at every character. Every text is
    scanned (about 9% of the text-table stage on new reports), so two more cuts:

    - branches that open on the same literal character are scanned as one, `c(?:rest|rest…)`
      (the two 第…条…项 titles): at one start the first of them that matches wins, as in the
      alternation, and branches that open on other characters never start there;
    - a branch led by a literal character and without `\\d` (an opener word, `申\\s*请\\s*人…`)
      is scanned by the stdlib `re` (`stdlib_twin`: `\\s` spelled out as `regex` reads it; only
      `\\d` it would widen, so the same matches in any text), whose search for the leading
      character costs about 35% less. (A branch led by a class, the corner note's bracket, is
      slower on `re`, which tests the class at every character.)

    And a scanner whose every match holds a character most texts lack (`scan.seldom_char`: of
    the characters in every string `required_literals` gives, or of an opener word, which
    `_word_pattern` spells out) is asked only of a text holding it (`TextGated`: an `in` test
    costs a tenth of the corner note's search, led by a bracket class, and about a tenth of
    信息内容's, whose 信 stands in every report).
    """
    opener = _patterns()[1]
    groups: dict[str, list[str]] = {}  # a leading literal (or "", a branch alone) -> branches
    alone: list[str] = []
    for b in top_level_branches(opener.pattern):
        lead = first_char_list(b)
        if lead is not None and len(lead) == 1 and b.startswith(lead) and \
                b[1:2] not in QUANTIFIERS:
            groups.setdefault(lead, []).append(b)
        else:
            alone.append(b)
    words = {_word_pattern(w): w for w in table_labels()["runs"]["openers"]}

    def gated(scanner: regex.Pattern | re.Pattern, held: str) -> regex.Pattern | re.Pattern | TextGated:
        c = seldom_char(held)
        return TextGated(scanner, (c,)) if c else scanner

    scanners: list[regex.Pattern | re.Pattern | TextGated] = []
    for b in alone:
        rx = regex.compile(b)
        need = required_literals(rx, in_text=True) or ("",)
        scanners.append(gated(rx, "".join(c for c in need[0] if all(c in w for w in need))))
    for lead, bs in groups.items():
        src = bs[0] if len(bs) == 1 else lead + "(?:" + "|".join(b[1:] for b in bs) + ")"
        twin = stdlib_twin(src) if "\\d" not in src else None
        scanners.append(gated(twin if twin is not None else regex.compile(src),
                              words.get(src, "")))
    return LeftmostFirst(scanners)


@lru_cache(maxsize=1)
def _opener_first() -> frozenset[str]:
    """The characters an opener match can start with: 第 (titles), brackets (the corner note)
    and the first character of each opener word (`[runs] openers`)."""
    words = table_labels()["runs"]["openers"]
    return frozenset("第(（") | {w.replace(" ", "").replace("\u3000", "")[0] for w in words}


_MARK_FIRST = frozenset("一二三四五六七八九十(（其")  # the characters a `_MARK` can start with
_LABEL_OPEN, _LABEL_CLOSE = "（(", "）)"  # what `_scan_label` counts the depth of brackets by
_LABEL_COMMAS = "，,"  # a clause's comma, outside brackets, ends a label


@lru_cache(maxsize=4)
def _label_stops(gap_first: str) -> re.Pattern:
    """The characters at which `_scan_label`'s loop may do more than step on (a superset): every
    character outside the CJK ideographs U+4E00–U+9FFF (no digit stands there: tested) and the
    ideographs among the stops, brackets, commas, opener and mark first characters and the
    first character of the gap. At any other character the loop only moves to the next, so
    it is skipped to the next of these by one search (a label is mostly ideographs)."""
    chars = {*_STOP, *_LABEL_OPEN, *_LABEL_CLOSE, *_LABEL_COMMAS, *_opener_first(), *_MARK_FIRST, gap_first}
    han = "".join(sorted(c for c in chars if "\u4e00" <= c <= "\u9fff"))
    return re.compile(r"[\x00-\u4dff\ua000-\U0010ffff" + han + "]")


# --------------------------------------------------------------------------- splitting
def _valid(part: str) -> bool:
    if part[:1] in _MINUS:
        part = part[1:]
    if part.isascii() and part.isdigit():  # the common case, without the regex
        return len(part) == 1 or part[0] != "0"
    return bool(_NUMBER.fullmatch(part))


def _first_parts(s: str, c0: int, b: int, k: int) -> Iterator[int]:
    """Ends c of the numbers s[c0:c] that can start a cut of s[c0:b] into k numbers."""
    for c in range(c0 + 1, b - k + 2):
        if not _valid(s[c0:c]):
            if s[c0] == "0":
                return  # a part starting with 0 is `0` or nothing
            continue
        yield c


def _part_ends(s: str, a: int, b: int) -> tuple[list[tuple[int, ...]], list[bool]]:
    """For each start c0 of s[a:b]: the ends c of the numbers s[c0:c] that can open a cut of
    s[c0:b] (what `_first_parts` yields with k = 1, in order: with k parts, those up to
    b - k + 1), and whether s[c0:b] is one number. Read once for every count of parts and
    start, not by a `_valid` call each time; a run of plain digits without the calls at all
    (a number is one digit or does not start with 0: `_valid`)."""
    body = s[a:b]
    if body.isascii() and body.isdigit():
        return ([(c0 + 1,) if s[c0] == "0" else tuple(range(c0 + 1, b + 1)) for c0 in range(a, b)],
                [c0 == b - 1 or s[c0] != "0" for c0 in range(a, b)])
    return ([tuple(_first_parts(s, c0, b, 1)) for c0 in range(a, b)],
            [_valid(s[c0:b]) for c0 in range(a, b)])


def _cuts(s: str, a: int, b: int, ends: tuple[list[tuple[int, ...]], list[bool]] | None = None
          ) -> Callable[[int], list[tuple[tuple[int, int], ...]]]:
    """`cuts(k)`: every way to cut s[a:b] into k numbers without leading zeros, in order
    (shortest first part first). Memoized by (start, parts): the work is the size of the
    answer, not the number of dead ends. `ends`: `_part_ends(s, a, b)`, when read already."""
    firsts, whole = ends if ends is not None else _part_ends(s, a, b)
    memo: dict[tuple[int, int], list[tuple[tuple[int, int], ...]]] = {}

    def cuts(k: int, c0: int = a) -> list[tuple[tuple[int, int], ...]]:
        key = (c0, k)
        if key in memo:
            return memo[key]
        out: list[tuple[tuple[int, int], ...]] = []
        if k == 1:
            if whole[c0 - a]:
                out.append(((c0, b),))
        else:
            last = b - k + 1
            for c in firsts[c0 - a]:
                if c > last:
                    break
                out.extend(((c0, c), *rest) for rest in cuts(k - 1, c))
        memo[key] = out
        return out

    return cuts


def _counter(s: str, a: int, b: int, ends: tuple[list[tuple[int, ...]], list[bool]] | None = None
             ) -> Callable[[int], int]:
    """`count(k)`: how many ways `_cuts` has (counted, not listed; one memo for every k).
    `ends`: `_part_ends(s, a, b)`, when read already."""
    firsts, whole = ends if ends is not None else _part_ends(s, a, b)
    memo: dict[tuple[int, int], int] = {}

    def n(k: int, c0: int = a) -> int:
        key = (c0, k)
        if key not in memo:
            if k == 1:
                memo[key] = int(whole[c0 - a])
            else:
                last = b - k + 1
                total = 0
                for c in firsts[c0 - a]:
                    if c > last:
                        break
                    total += n(k - 1, c)
                memo[key] = total
        return memo[key]

    return n


# the digits 2–9 read as 1: `_splits` tells a digit apart only from 0 (a leading zero) and from
# the other characters, so runs of one shape split alike (`723000075`, `413000042`: 111000011)
_NONZERO_AS_ONE = str.maketrans("23456789", "11111111")


def splits(run: str, n: int) -> tuple[tuple[tuple[int, int], ...], ...] | None:
    """All splits of a digit run into `n` numbers, as spans inside `run` (a trailing unit such
    as 元 stays with the last number); None when there are more than `_MAX_SPLITS`. The spans
    depend only on where the run holds a 0, another digit or another character: read from its
    shape (`_NONZERO_AS_ONE`; tests/test_speed_seg.py compares both on the corpus), cached."""
    return _shape_splits(run.translate(_NONZERO_AS_ONE), n)


@lru_cache(maxsize=4096)
def _shape_splits(shape: str, n: int) -> tuple[tuple[tuple[int, int], ...], ...] | None:
    """`splits` of a run's shape. Cached (a pure function: `0000000` into 7 recurs in every
    table 三, a row's counts of one shape in many), so immutable."""
    found = _splits(shape, n)
    return None if found is None else tuple(tuple(s) for s in found)


def _splits(run: str, n: int) -> list[list[tuple[int, int]]] | None:
    unit = _RUN_UNIT.search(run)
    body_end = unit.start() if unit else len(run)
    groups = [(a, b - 1 if run[b - 1] in _COUNT_WORD else b)
              for a, b in (m.span() for m in _RUN_GROUP.finditer(run, 0, body_end))]
    if not groups or len(groups) > n:
        return []  # a space always separates numbers: each group is one number or more
    if len(groups) == n:  # space-separated: each group is one number
        if not all(_valid(run[a:b]) for a, b in groups):
            return []
        out1 = list(groups)
        return [[*out1[:-1], (out1[-1][0], len(run))]] if unit else [out1]
    if len(groups) == 1:  # (most runs: the cuts of the one group, counted only where their
        # number could pass `_MAX_SPLITS`: there are at most C(width - 1, n - 1) of them)
        a, b = groups[0]
        ends1 = _part_ends(run, a, b)
        if comb(b - a - 1, n - 1) > _MAX_SPLITS and _counter(run, a, b, ends1)(n) > _MAX_SPLITS:
            return None
        out = [list(p) for p in _cuts(run, a, b, ends1)(n)]
        return [[*p[:-1], (p[-1][0], len(run))] for p in out] if unit else out
    # ways[g][left]: splits of groups g… into `left` numbers; counted first, so a run with too
    # many splits is refused without listing them
    # (a group takes at least the numbers the other groups' digits cannot: n less all of them,
    # one a digit; no split gives it fewer, so those counts are not asked: one group, one count)
    width = sum(b - a for a, b in groups)
    ks = [range(max(1, n - (width - (b - a))), min(b - a, n - (len(groups) - 1 - g)) + 1)
          for g, (a, b) in enumerate(groups)]
    ends = [_part_ends(run, a, b) for a, b in groups]
    counters = [_counter(run, a, b, e) for (a, b), e in zip(groups, ends, strict=True)]
    counts = [{k: count(k) for k in kr} for count, kr in zip(counters, ks, strict=True)]
    ways: list[dict[int, int]] = [{} for _ in range(len(groups) + 1)]
    ways[len(groups)][0] = 1
    for g in range(len(groups) - 1, -1, -1):
        for left in range(n + 1):
            w = sum(c * ways[g + 1].get(left - k, 0) for k, c in counts[g].items() if k <= left)
            if w:
                ways[g][left] = w
    if ways[0].get(n, 0) > _MAX_SPLITS:
        return None
    cutters = [_cuts(run, a, b, e) for (a, b), e in zip(groups, ends, strict=True)]
    out: list[list[tuple[int, int]]] = []

    def rec(g: int, left: int, acc: tuple[tuple[int, int], ...]) -> None:
        if g == len(groups):
            if left == 0:
                out.append(list(acc))
            return
        rest = len(groups) - g - 1
        for k in ks[g]:
            if k > left - rest or not counts[g][k] or not ways[g + 1].get(left - k):
                continue
            for parts in cutters[g](k):
                rec(g + 1, left - k, acc + parts)

    rec(0, n, ())
    if unit:
        out = [[*p[:-1], (p[-1][0], len(run))] for p in out]
    return out


def _values(run: str, spans: list[tuple[int, int]]) -> tuple[float, ...]:
    if run.isascii() and run.isdigit():  # (every part plain digits: `_value` is `float`)
        return tuple([float(run[a:b]) for a, b in spans])
    return tuple(_value(run[a:b]) for a, b in spans)


def _value(part: str) -> float:
    if part.isascii() and part.isdigit():  # the common case, without the regex
        return float(part)
    return (-1.0 if part[:1] in _MINUS else 1.0) * float(_NOT_NUMBER_CHAR.sub("", part))


def total_columns(paths: list[tuple[str, ...]]) -> list[tuple[int, tuple[int, ...]]]:
    """(total column, the columns it sums) for each leaf header in `[runs] total_cols` that has
    sibling leaves under the same parent header."""
    totals = {label_key(w) for w in table_labels()["runs"]["total_cols"]}
    out = []
    for t, p in enumerate(paths):
        if len(p) < 2 or label_key(p[-1]) not in totals:
            continue
        parts = tuple(i for i, q in enumerate(paths) if i != t and len(q) > len(p) - 1
                      and q[:len(p) - 1] == p[:-1])
        if parts:
            out.append((t, parts))
    return out


# --------------------------------------------------------------------------- text → rows
@dataclass
class _Part:
    start: int
    end: int
    level: int  # 0: 一、 1: （一） 2: 1. / 其中 / unnumbered after a heading
    item: int | None = None


@dataclass
class _Row:
    parts: list[_Part]
    unit: tuple[int, int] | None = None
    run: tuple[int, int] | None = None
    bad: str = ""  # why the run cannot be split at all
    labels: list[_Part] = field(default_factory=list)  # with the ancestors above it
    cands: list[list[tuple[int, int]]] | None = None
    why: str = ""


@dataclass
class _Block:
    family: str
    start: int
    caption: str = ""
    titles: list[tuple[int, int]] = field(default_factory=list)
    header: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, role)
    items: list[tuple[str, object]] = field(default_factory=list)  # ("title"/"header"/"row", …)

    @property
    def has_rows(self) -> bool:
        return any(k == "row" for k, _ in self.items)


def _family(text: str, first: str) -> str:
    if TITLE.match(first) or label_key(first) == "信息内容":
        return "t2"
    if _CORNER.match(first) or label_key(first) == "申请人情况":
        return "t3"
    if label_key(first) == "行政复议":
        return "t4"
    return label_key(first)


def _scan_header(text: str, i: int, most: int | None = None, opened: bool = False
                 ) -> tuple[list[tuple[int, int, str]], int]:
    """Header tokens (start, end, kind) from position i: titles, the corner note and header
    words, in a row; empty unless they open a table (title, corner or an opener word). `most`:
    the first so many tokens only (each token is read from where the one before ended, so they
    are the first tokens of the whole run). `opened`: the opener regex is known to match at i
    (the caller found it there), so it is not asked again at i."""
    header, opener, roles, misprint = _patterns()
    heads = _misprint_heads()
    by_first = _header_by_first()
    starts = _opener_first()
    toks: list[tuple[int, int, str]] = []
    j = i
    first = True
    n = len(text)
    while j < n and (most is None or len(toks) < most):
        if text[j] in _WS_CHARS:  # (`_WS` takes nothing at any other character)
            j = _WS_RUN.match(text, j).end()
        # (each pattern is asked only at a character its matches begin with)
        ch = text[j] if j < n else ""
        m = TITLE.match(text, j) if ch == _TITLE_FIRST else None
        kind = "title"
        if m is None:
            m = _CORNER.match(text, j) if ch in _CORNER_FIRST else None
            kind = "corner"
        if m is None:
            if first and not (opened and j == i) and (
                    ch not in starts or not opener.match(text, j)):
                break
            if by_first is None:
                m = header.match(text, j)
            else:
                m = (hp := by_first.get(ch)) and hp.match(text, j)
            if not first and (m is None or m.end() - m.start() < TYPO_LEN) and (
                    text[j:j + 2] in heads[0] or text[j + 1:j + 3] in heads[1]
                    or ch + text[j + 2:j + 3] in heads[2]):
                # a misprinted long word (本年废纸件数) that a short one (本年) would cut
                m2 = misprint.match(text, j)
                if m2 is not None and (m is None or m2.end() > m.end()):
                    m = m2
            if m is None:
                break
            kind = roles.get(label_key(m[0]), "word")
        toks.append((m.start(), m.end(), kind))
        j = m.end()
        first = False
    return toks, (toks[-1][1] if toks else i)


@lru_cache(maxsize=1)
def _period() -> regex.Pattern:
    return regex.compile(table_labels()["runs"]["period"])


_STRONG_TOKENS = 3  # `_strong` reads no token after the third: a run's first three decide


def _strong(toks: list[tuple[int, int, str]], text: str) -> bool:
    """A header run that opens a table: two tokens or more (a 第…条第…项 title alone may be a
    citation in the narrative), or the corner note of table 三. An opener word and a year
    alone are no header: `(一)主动公开信息内容⏎2019年度共主动公开…` is a heading and its
    sentence (held-out 115)."""
    if len(toks) == 2 and toks[0][2] != "title" and _period().fullmatch(text, *toks[1][:2]):
        return False
    return len(toks) >= 2 or bool(toks and toks[0][2] == "corner")


def _scan_label(text: str, i: int, max_label: int, gap: str = "\n\n"
                ) -> tuple[list[_Part], int, str]:
    """Label parts from i up to the next digit run; (parts, run start, stop) where stop is
    "" (a run follows), "opener" (a table header starts at the returned position) or "end"
    (`gap`, the blank lines that end a label, among others)."""
    _, opener, _, _ = _patterns()
    first = _opener_first()
    parts: list[_Part] = []
    cur = i
    j = i

    def close(at: int) -> None:
        s = text[cur:at]
        if s.strip():
            a = cur + len(s) - len(s.lstrip())
            b = cur + len(s.rstrip())
            # (each pattern asked only where the part begins with a character its matches can
            # begin with: most labels begin with neither)
            c = text[a]
            item_m = _ITEM.match(text, a, b) if digit_or(c, _ITEM_FIRSTS) else None
            lvl = 2 if item_m or text[a:b].startswith("其中") else 0
            mk = _MARK.match(text, a, b) if c in _MARK_FIRST else None
            if mk and not text[a:b].startswith("其中"):
                lvl = 1 if text[a] in "(（" else 0
            elif not item_m and parts and not text[a:b].startswith("其中"):
                lvl = 2
            parts.append(_Part(a, b, lvl, int(item_m.group(1)) if item_m else None))

    depth = 0  # brackets open in the label (（二）部分公开（区分处理的，只计…）)
    stops = _label_stops(gap[0]) if gap else None
    limit = min(len(text), i + max_label + 1)  # (from here on the loop returns at once)
    while j < len(text):
        if stops is not None and j < limit:
            m = stops.search(text, j, limit)
            if m is None:
                j = limit
                continue
            j = m.start()
        ch = text[j]
        if ch in _STOP or j - i > max_label or text.startswith(gap, j):
            return parts, j, "end"
        if ch in _LABEL_OPEN:
            depth += 1
        elif ch in _LABEL_CLOSE:
            depth = max(0, depth - 1)
        elif ch in _LABEL_COMMAS and not depth:  # a clause of running text: the table has ended
            return parts, j, "end"
        if j > i and ch in first and opener.match(text, j):
            toks, _ = _scan_header(text, j, _STRONG_TOKENS, opened=True)
            if _strong(toks, text):
                close(j)
                return parts, j, "opener"
        if ch.isdigit():
            d = _digit_run(text, j)
            e = d.end()
            if text[e:e + 1] in _WS_CHARS:  # (`_WS_RUN` takes nothing at any other character)
                e = _WS_RUN.match(text, e).end()
            if text.startswith(_DATE_WORDS, e):
                return parts, j, "end"  # 2021年: a date of the text after the table, not a cell
            # an item number (`2.` + a label) of one or two digits, alone or a first `1.` after
            # words that are not an item (`其中：1.`); asked in the order of cost (most runs are
            # a row's numbers, longer than two digits: neither pattern is asked of them)
            if len(d[0]) <= 2 and (after := _ITEM_AFTER.match(text, d.end())):
                own = text[cur:j].strip()
                # (`_ITEM` asked only where its first character stands, as in `close`;
                # `_OTHER_LEAD` only where its 其中 does)
                if not own or (d[0] == "1" and not (
                        digit_or(own[0], _ITEM_FIRSTS)
                        and _ITEM.match(own))):
                    if not (own.startswith("其中") and _OTHER_LEAD.fullmatch(own)):
                        # `其中：1.` stays one part
                        close(j)
                        cur = j
                    j = after.end()
                    continue
            close(j)
            return parts, j, ""
        mk = _MARK.match(text, j) if ch in _MARK_FIRST else None
        if mk and j > cur and text[j - 1] not in "第":
            close(j)
            cur = j
            j = mk.end()
            continue
        j += 1
    return parts, j, "end"


@lru_cache(maxsize=1)
def _bmp_digit_run() -> re.Pattern:
    """`_DIGITS` (`\\d+`) for the stdlib engine, its class the BMP digits both engines read as
    `\\d` (`scan.bmp_digits`)."""
    return re.compile(f"[{bmp_digits()}]+")


def _digit_run(text: str, j: int) -> regex.Match | re.Match | None:
    """`_DIGITS.match(text, j)`: by the stdlib engine, unless a character outside the BMP (where
    the engines' `\\d` may differ) stands at j or right after the run it finds."""
    d = _bmp_digit_run().match(text, j)
    if d is None or text[d.end():d.end() + 1] > "\uffff":
        return _DIGITS.match(text, j)
    return d


def _parse_region(text: str, start: int, free: Callable[[int, int], bool], gap: str = "\n\n"
                  ) -> tuple[list[_Block], int]:
    """Blocks (one per table) of a flattened region starting with a table header at `start`
    (`gap`: the blank lines that end a row label)."""
    max_label = int(table_labels()["runs"]["max_label"])
    blocks: list[_Block] = []
    cur: _Block | None = None
    unit_col = False  # a header of `cur` names a unit column (read as headers come: `_split_unit`)
    i = start
    caption = ""
    while i < len(text):
        if text[i:i + 1] in _WS_CHARS:  # (`_WS_RUN` takes nothing at any other character)
            i = _WS_RUN.match(text, i).end()
        toks, j = _scan_header(text, i)
        if toks and _strong(toks, text) and free(i, j):
            fam = _family(text, text[toks[0][0]:toks[0][1]])
            if cur is None or (cur.has_rows and (fam != cur.family or fam != "t2")):
                cur = _Block(family=fam, start=toks[0][0], caption=caption)
                blocks.append(cur)
                unit_col = False
            titles = [t for t in toks if t[2] == "title"]
            for t in titles:
                cur.items.append(("title", (t[0], t[1])))
            rest = [t for t in toks if t[2] != "title"]
            if rest:
                cur.items.append(("header", rest))
                unit_col = unit_col or any(r == "unit" for *_, r in rest)
            i = j
            caption = ""
        elif cur is None:
            break
        parts, k, stop = _scan_label(text, i, max_label, gap)
        if stop == "opener":  # a heading between two tables, or a row with no numbers
            caption = " ".join(text[p.start:p.end] for p in parts)[:60]
            i = k
            continue
        if stop == "end" or not free(i, k):
            break
        m = _RUN.match(text, k)
        end = m.end()
        while text[end - 1] == ".":
            end -= 1
        row = _Row(parts=parts)
        nxt = end
        if _ITEM_AFTER.match(text, end):
            own = parts[-1].item if parts and parts[-1].item is not None else 0
            num = str(own + 1)
            body = text[k:end]
            if body.endswith(num) and len(body) > len(num):
                nxt = end - len(num)
                end = nxt
                while text[end - 1] in " \u00a0\u3000":
                    end -= 1
            else:
                row.bad = f"the run before item {text[end - 2:end + 1]!r} does not end in {num}"
        row.run = (k, end)
        _split_unit(text, row, unit_col)
        cur.items.append(("row", row))
        i = nxt
    return blocks, i


@lru_cache(maxsize=1)
def _units_longest_first() -> tuple[str, ...]:
    """The unit words `_split_unit` looks for at a label's end, longest first (sorted once, not
    for every row)."""
    return tuple(sorted((*UNITS, "人/次"), key=len, reverse=True))


def _split_unit(text: str, row: _Row, unit_col: bool) -> None:
    """Move a unit word at the end of the label (`主动公开信息数条`) into the unit column, when
    the table has one (`unit_col`: a header of the row's block names it, 计量单位 / 单位; kept
    by `_parse_region` as headers come, not read again from every item of the block for every
    row)."""
    if not row.parts or not unit_col:
        return
    last = row.parts[-1]
    s = text[last.start:last.end]
    for u in _units_longest_first():
        if s.endswith(u) and len(s.rstrip()[:-len(u)].strip()) > 0:
            b = last.end
            row.unit = (b - len(u), b)
            new_end = b - len(u)
            while new_end > last.start and text[new_end - 1].isspace():
                new_end -= 1
            last.end = new_end
            return


# --------------------------------------------------------------------------- solving
def _block_paths(text: str, toks: list[tuple[int, int, str]]
                 ) -> tuple[list[tuple[str, ...]] | None, list[tuple[int, tuple[int, ...]]]]:
    """(the column paths of a header's words, None when it has none; their `total_columns`)."""
    words = tuple([" ".join(text[a:b].split()) for a, b, r in toks if r == "word"])
    return _header_columns(words) if words else (None, [])


@lru_cache(maxsize=256)
def _header_columns(words: tuple[str, ...]
                    ) -> tuple[list[tuple[str, ...]] | None, list[tuple[int, tuple[int, ...]]]]:
    """`expand_headers` of the header words and the `total_columns` of its paths ([] without
    paths): pure functions of the words and the label data, cached because reports print the
    form's same few headers (83 of the 98 headers of the new documents were seen before).
    Shared: not to be mutated."""
    paths = expand_headers(list(words), None)
    return paths, (total_columns(paths) if paths is not None else [])


def _solve(text: str, block: _Block) -> None:
    """Fill `cands` and `why` of every row of the block (one candidate left: the split)."""
    paths: list[tuple[str, ...]] | None = None
    totals: list[tuple[int, tuple[int, ...]]] = []
    rows: list[_Row] = []
    ctx: dict[int, _Part] = {}
    unsure: list[_Row] = []  # rows split only by their length, their 总计 not the sum
    short = False
    for kind, obj in block.items:
        if kind == "title":
            paths = None
            continue
        if kind == "header":
            paths, totals = _block_paths(text, obj)  # type: ignore[arg-type]
            continue
        row: _Row = obj  # type: ignore[assignment]
        own_min = min((p.level for p in row.parts), default=3)
        row.labels = [ctx[lv] for lv in sorted(ctx) if lv < own_min] + row.parts
        for p in row.parts:
            for lv in [x for x in ctx if x >= p.level]:
                del ctx[lv]
            ctx[p.level] = p
        rows.append(row)
        row.cands = None
        if row.bad or paths is None or row.run is None:
            row.why = row.bad or "no column headers"
            continue
        run = text[row.run[0]:row.run[1]]
        cands = splits(run, len(paths))
        if cands is None:
            row.why = "too many splits"
            continue
        n_all = len(cands)
        if n_all == 1:
            row.why = ("one column" if len(paths) == 1 else
                       "space-separated" if len(run.split()) == len(paths) else
                       "one digit a column" if len(run) == len(paths) else "the only split")
        if n_all > 1:  # a forced split is kept even when its total disagrees (a finding)
            cands = [c for c in cands if _adds_up(run, c, totals)]
        if n_all > 1 and len(cands) == 1:
            row.why = f"the only one of {n_all} splits whose 总计 is the sum of its columns"
        row.cands = cands
        if n_all == 1 and not _adds_up(run, cands[0], totals):
            unsure.append(row)
        if len(run.replace(" ", "")) < len(paths):
            short = True  # fewer digits than columns: the page printed blank cells, now lost
    if short:
        # a run one digit a column whose 总计 is not the sum, in a table that lost its blank
        # cells (258 | 12 | | | 1 | 1 | → `2581211`): the digits are not forced into columns
        for row in unsure:
            row.cands, row.why = [], "blank cells lost: the split is not forced"
    _solve_rows(text, rows)


def _adds_up(run: str, cand: list[tuple[int, int]],
             totals: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Is every 总计 of the split the sum of its columns (`totals`: `total_columns` of the
    header; True when it has none)?"""
    if not totals:
        return True  # (no value to read: most headers have no 总计)
    v = _values(run, cand)
    for t, parts in totals:  # (a loop and lists: no generator frame a total and a part)
        if not abs(v[t] - sum([v[i] for i in parts])) < 1e-6:
            return False
    return True


def _solve_rows(text: str, rows: list[_Row]) -> None:
    """Narrow the candidates of table-三 rows by the identities between rows."""
    if not any(r.cands is not None and len(r.cands) > 1 for r in rows):
        return  # (only a row of several candidates is narrowed; naming the rows changes nothing)
    from nlp.tables.mapping import t3_row_names

    lrs = [LogicalRow(row=k, labels=tuple(text[p.start:p.end] for p in r.labels))
           for k, r in enumerate(rows)]
    names, _ = t3_row_names(lrs)
    by_name: dict[str, _Row] = {}
    for name, r in zip(names, rows, strict=True):
        if name and name not in by_name:
            by_name[name] = r
    idents = []
    for ident in table_labels()["runs"]["row_identities"]:
        members = [(n, 1) for n in ident["left"]] + [(n, -1) for n in ident["right"]]
        if not all(n in by_name and by_name[n].cands for n, _ in members):
            continue
        rows_signs = [(by_name[n], s) for n, s in members]
        sums = _signed_sums(text, rows_signs)
        if sums is not None and tuple(0.0 for _ in next(iter(sums))) in sums:
            idents.append((ident["check"], rows_signs))  # a table that breaks it: not used
    changed = True
    while changed:
        changed = False
        for check, members in idents:
            for k, (r, sign) in enumerate(members):
                if r.cands is None or len(r.cands) <= 1:
                    continue
                others = members[:k] + members[k + 1:]
                sums = _signed_sums(text, others)
                if sums is None:
                    continue
                run = text[r.run[0]:r.run[1]]  # type: ignore[index]
                keep = [c for c in r.cands
                        if _rounded(tuple(-sign * v for v in _values(run, c))) in sums]
                if len(keep) < len(r.cands):
                    if len(keep) == 1:
                        r.why = f"the only split that satisfies {check} with the other rows"
                    r.cands = keep
                    changed = True


def _rounded(values: tuple[float, ...]) -> tuple[float, ...]:
    """`tuple(round(v, 6) for v in values)`: `values` itself when every value is whole (the
    counts of nearly every row), which `round` gives back unchanged (a whole float's decimal
    digits are exact; `round` with digits converts through them, about a thousand instructions a
    value, and the sums of table 三's identities round every value of every combination)."""
    return values if all(map(float.is_integer, values)) else tuple(round(v, 6) for v in values)


def _signed_sums(text: str, members: list[tuple[_Row, int]]) -> set[tuple[float, ...]] | None:
    acc: set[tuple[float, ...]] | None = None
    for r, sign in members:
        run = text[r.run[0]:r.run[1]]  # type: ignore[index]
        vals = [tuple(sign * v for v in _values(run, c)) for c in r.cands or []]
        if acc is None:
            acc = {_rounded(x) for x in vals}
        else:
            # (each sum by `map(add, …)`, the same float additions without a generator's frame a
            # combination; every split of a row has as many parts, so one test of the lengths
            # does what `zip(strict=True)` did for each pair)
            if acc and vals and len(next(iter(acc))) != len(vals[0]):
                raise ValueError("_signed_sums: rows split into different numbers of columns")
            acc = {_rounded(tuple(map(add, s, x))) for s in acc for x in vals}
        if len(acc) > _MAX_COMBOS:
            return None
    return acc


# --------------------------------------------------------------------------- → Table
def _table(text: str, block: _Block) -> Table | None:
    cells: list[TableCell] = []
    r = 0

    def cell(col: int, a: int, b: int, note: str = "") -> None:
        # (positional, in `TableCell`'s field order, as `blocks._make_table` builds them)
        cells.append(TableCell(r, col, text[a:b], 1, 1, a, b, note))

    n_values = 0
    items = list(block.items)
    while items and items[-1][0] == "row" and not items[-1][1].cands:  # type: ignore[union-attr]
        items.pop()  # text after the table that ended in a run (五、… 2022年): not a row
    for kind, obj in items:
        if kind == "title":
            a, b = obj  # type: ignore[misc]
            cell(0, a, b)
        elif kind == "header":
            col = COL0_VALUE
            for a, b, role in obj:  # type: ignore[union-attr]
                if role in ("label", "corner", "skip"):
                    cell(0, a, b)
                elif role == "unit":
                    cell(COL0_UNIT, a, b)
                else:
                    cell(col, a, b)
                    col += 1
        else:
            row: _Row = obj  # type: ignore[assignment]
            if row.cands is not None and len(row.cands) == 1:
                labels = row.labels[-COL0_UNIT:]
                for c, p in enumerate(labels):
                    cell(c, p.start, p.end)
                if row.unit:
                    cell(COL0_UNIT, *row.unit)
                a0 = row.run[0]  # type: ignore[index]
                run = text[a0:row.run[1]]  # type: ignore[index]
                note = f"digit run {run!r} split into {len(row.cands[0])}: {row.why}"
                for c, (a, b) in enumerate(row.cands[0]):
                    cell(COL0_VALUE + c, a0 + a, a0 + b, note)
                    n_values += 1
            else:  # the labels alone, one a row: no value cell for an ambiguous run
                for p in row.parts:
                    cell(0, p.start, p.end)
                    r += 1
                continue
        r += 1
    if not n_values:
        return None
    return Table(index=0, start=min(c.start for c in cells), end=max(c.end for c in cells),
                 cells=cells, source="text", caption=block.caption)


def run_tables(text: str, free: Callable[[int, int], bool], gap: str = "\n\n") -> list[Table]:
    """Tables rebuilt from flattened digit runs in `text` (outside the spans `free` rejects).
    `gap`: the blank lines that end a row label ("\n\n\n" in a double-spaced text)."""
    out: list[Table] = []
    pos = 0
    for start, stop in _opener_scan().spans(text):
        if start < pos or not free(start, stop):
            continue
        # (the opener scan's match starts at `start`: `_scan_header` need not ask it again)
        toks, _ = _scan_header(text, start, _STRONG_TOKENS, opened=True)
        if not _strong(toks, text):
            continue
        blocks, end = _parse_region(text, start, free, gap)
        made = False
        for b in blocks:
            _solve(text, b)
            t = _table(text, b)
            if t is not None:
                out.append(t)
                made = True
        if made or blocks:
            pos = max(end, stop)
    return out
