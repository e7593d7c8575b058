"""Claims: the quantities a report's narrative states (docs/spec.md §3).

    >>> import nlp
    >>> r = nlp.extract_text("2018 年，县质监局共主动公开政府信息 33 条。其中，业务类信息 26 条，占 75%。")
    >>> [(c.text, c.value, c.unit, c.subject, c.parent) for c in r.claims]
    [('33 条', 33, '条', '主动公开政府信息', None), ('26 条', 26, '条', '业务类信息', 'claim-1'),
     ('75%', 75, '%', '业务类信息', 'claim-1')]

How it works, in order:

1. Mask what can never hold a claim: the citations found before (document numbers, titles),
   `doc.tables`, 《titles》, 〔…〕, short “quoted names”, table-like lines of plain text (tabs
   or `|` between cells), and the `exclude` patterns (ordinals, 号, sessions, idioms, slogans).
2. Find candidates with the `quantity` patterns of `nlp/patterns/claims.toml` on the normalised
   view `doc.norm.text` (units from `nlp/patterns/units.toml`), parse the number span only
   (`nlp.extract.numbers`), and map the span back to `doc.text` with `doc.norm.span`.
3. Find zeros stated in words (`zero` patterns: 未收到…申请, 无人大代表建议 …).
4. Add structure from the clause string (rules, no tokenizer): subject, qualifiers, direction,
   then relations: `其中` parts → `parent`; `占X%` → `part`/`whole`; `分别为` lists → subjects.

Every claim says which pattern made it (`extractor`, e.g. `claim.quantity@1`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from itertools import pairwise
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

import regex

from nlp.data import load_toml
from nlp.extract.numbers import half_unit, parse_number, parse_pair, to_python
from nlp.records import Citation, Claim, Document
from nlp.scan import (
    Alternation,
    HeadFirst,
    NeighbourGatedLeftmostFirst,
    any_text_scanner,
    bmp_only,
    char_class,
    end_reach,
    find_all,
    finditer_from_firsts,
    first_char_list,
    first_char_lookaheads,
    first_set_search,
    holds_any,
    least_needs,
    literal_led_rest,
    literal_prefixes,
    literal_words,
    loose_twin,
    match_reach,
    may_hold,
    prefix_anchors,
    required_literals,
    run_guard,
    search_near_end,
    start_anchored,
    stdlib_scanner,
    stdlib_twin,
    top_level_branches,
    whole_text_scanner,
)

PATTERN_DIR = Path(__file__).resolve().parent.parent / "patterns"
_FRAGMENT_REF = regex.compile(r"\{([a-z_][a-z0-9_]*)\}")

# --------------------------------------------------------------------------- pattern data


def expand(rx: str, fragments: dict[str, str], files: dict[str, list[str]] | None = None) -> str:
    """Replace `{name}` by its fragment (recursively) or, for a pattern file's name, by the
    alternation of that file's pattern regexes. Quantifiers like `{1,3}` are left alone."""

    def sub(m: regex.Match[str], depth: int = 0) -> str:
        name = m.group(1)
        if name in fragments:
            if depth > 20:
                raise ValueError(f"fragment {name!r} refers to itself")
            return "(?:" + _FRAGMENT_REF.sub(lambda k: sub(k, depth + 1), fragments[name]) + ")"
        if files and name in files:
            return "(?:" + "|".join(f"(?:{r})" for r in files[name]) + ")"
        raise KeyError(f"unknown fragment {{{name}}} in {rx!r}")

    return _FRAGMENT_REF.sub(sub, rx)


@cache
def read_pattern_file(name: str) -> dict[str, Any]:
    """The parsed TOML of `nlp/patterns/<name>.toml` (do not mutate)."""
    return load_toml(PATTERN_DIR / f"{name}.toml")


@dataclass(frozen=True)
class Unit:
    id: str
    rx: Any  # compiled regex
    unit: str | None
    kind: str
    scale: Decimal
    # `scale` as an int where it is one of `_INT_SCALES` (None: not), read once: `_value` asks
    # it of every new quantity, and a `Decimal` is hashed at a cost of about a thousand
    # instructions a lookup
    int_scale: int | None = None


@dataclass(frozen=True)
class Pattern:
    id: str
    role: str
    rx: Any
    data: tuple[tuple[str, Any], ...]
    scan: Any = None  # `whole_text_scanner(rx)` or `stdlib_scanner(rx)` (`stdlib_scan`): the same
    # matches, BMP texts
    # a few strings one of which every text holds where `rx` finds a match (`required_literals`,
    # `in_text`; None: too many to ask, or none known): the scan is skipped without them
    needs: tuple[str, ...] | None = None
    # how far before a text's end a match begins, for a pattern whose matches all end there
    # (`end_reach`: the `$`-ended direction patterns; None: searched from the text's start)
    reach: int | None = None
    # the characters every match begins with, when they are a few (`first_char_list`): the
    # text is scanned by `match` where they stand (`finditer_from_firsts`; None: by `finditer`)
    firsts: str | None = None
    # strings one of which every match begins with, where `firsts` are known (`literal_prefixes`:
    # a start is asked only where the text begins with one)
    prefixes: tuple[str, ...] | None = None
    # characters at offsets one of which every prefix holds (`prefix_anchors`): the starts are
    # found from their places, fewer `str.find` passes than the first characters need
    anchors: tuple[tuple[str, tuple[int, ...]], ...] | None = None
    # the groups `_value` reads (`_GROUP_KEYS`), by one call on `(None, *m.groups())`: each
    # group's number, 0 (that None) for a group the pattern does not have (`_keyed`)
    keyed: Any = None

    def search(self, text: str) -> Any:
        """`rx.search(text)`, asked from `reach` characters before the end where that is known."""
        return search_near_end(self.rx, text, self.reach)

    def finditer(self, text: str, bmp: bool = False, places: dict[str, list[int]] | None = None
                 ) -> Any:
        """The matches of `rx.finditer(text)`, by `scan` where `bmp` (`bmp_only(text)`) and
        only where a match can begin where `firsts` are known (`places`: where the first
        characters looked for before stand in `text`, `finditer_from_firsts`)."""
        rx = self.scan if self.scan is not None and bmp else self.rx
        return rx.finditer(text) if self.firsts is None else \
            finditer_from_firsts(rx, text, self.firsts, places, self.prefixes, self.anchors)

    def may_match(self, text: str) -> bool:
        """False where `rx` finds nothing in `text` for want of its `needs`."""
        return may_hold(text, self.needs)

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.data:
            if k == key:
                return v
        return default


@dataclass(frozen=True)
class Rules:
    version: str
    units: tuple[Unit, ...]
    patterns: tuple[Pattern, ...]
    strip_prefix: tuple[str, ...]
    strip_suffix: tuple[str, ...]
    agent: Any
    time: Any
    channel: Any
    post_reject: tuple[str, ...]

    roles: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()
    exclude: Any = None  # the `exclude` patterns' branches as one `nlp.scan.NeighbourGatedLeftmostFirst`
    unit_any: Any = None  # the unit regexes as one `nlp.scan.Alternation`
    # {character: ((unit, its `whole_text_scanner` or None), …)}: the units a match of which can
    # begin with that character (`first_char_list`), in order (`_unit_index`; None: not known)
    unit_firsts: Any = None
    # the `strip_prefix` words as one match (`_strip_prefixes` looks them up in `prefix_words`;
    # this is the plain way the tests compare it with)
    prefix_rx: Any = None
    suffix_rx: Any = None
    # `time` and `agent` match only at a clause's start (`start_anchored`: asked by `match`);
    # a `suffix_rx` match begins at most this far before the end (`end_reach`)
    time_at_start: bool = False
    agent_at_start: bool = False
    suffix_reach: int | None = None
    # strings one of which every match of `time` holds (`_needs`; None: not asked)
    time_needs: tuple[str, ...] | None = None
    # the characters the `prefix_rx` words begin with, and those the `suffix_rx` words end with
    # (with the newline `$` may stand before)
    prefix_firsts: frozenset[str] = frozenset()
    suffix_lasts: frozenset[str] = frozenset()
    # `agent` read by the stdlib `re`, its Han class as any character (`loose_twin`): asked
    # first, it matches wherever `agent` does (None: `agent` asked alone)
    agent_gate: Any = None
    # the direction patterns' gate (`_direction_gate`: None, none) and their matches' reach
    direction_gate: Any = None
    direction_reach: int = 0

    role_index: Any = None  # {role: patterns}, the same as `roles` (asked several times a claim)
    pattern_index: Any = None  # {id: pattern}
    unit_index: Any = None  # {id: unit}
    # the `qualifier` patterns' `findall`, each by its `any_text_scanner` where it has one
    # (`_qualifier_scan`: the same words)
    qualifier_scans: tuple[Any, ...] = ()
    # the first characters of strings one of which every text holds where a `change` pattern
    # matches, or `channel` does (`_literal_firsts`; None: not known), and a stdlib `re` class
    # of those of the strings one of which every `direction` match holds (a search of a few
    # characters: a third of the instructions of a set's `isdisjoint`)
    change_firsts: tuple[str, ...] | None = None
    channel_firsts: tuple[str, ...] | None = None
    direction_firsts: Any = None
    # the `strip_prefix` words as a set, and their lengths, longest first (what `prefix_rx`
    # matches, looked up without it: `_strip_prefixes`)
    prefix_words: frozenset[str] = frozenset()
    prefix_lengths: tuple[int, ...] = ()

    def by_role(self, role: str) -> tuple[Pattern, ...]:
        if self.role_index is not None:
            return self.role_index.get(role, ())
        for r, ps in self.roles:
            if r == role:
                return ps
        return ()


def _agent_gate(agent: regex.Pattern) -> re.Pattern | None:
    """`loose_twin(agent)` with a lookahead before each long alternation (`first_char_lookaheads`:
    the same matches; at each of the up to 12 lengths its lazy lead tries, the office words'
    first characters turn most down in one class test)."""
    gate = loose_twin(agent.pattern)
    return None if gate is None else re.compile(first_char_lookaheads(gate.pattern), gate.flags)


_MOST_NEEDS = 8  # (more `in` tests than that cost what the scan they may save does)


def _needs(rx: Any) -> tuple[str, ...] | None:
    """`required_literals(rx, in_text=True)` without the strings that hold another (a text
    holding 未收取 holds 未收), or None where there are more than `_MOST_NEEDS` (or none known)."""
    needs = required_literals(rx, in_text=True)
    if needs is None:
        return None
    needs = least_needs(needs)
    return None if len(needs) > _MOST_NEEDS else needs


_MOST_FIRSTS = 8  # (a `str.find` pass over the text each: more cost what the engine's scan does)


def _firsts(rx: Any) -> str | None:
    """`first_char_list(rx.pattern)` where it is known and holds at most `_MOST_FIRSTS`."""
    firsts = first_char_list(rx.pattern)
    return firsts if firsts is not None and len(firsts) <= _MOST_FIRSTS else None


class _WholeMatches:
    """`findall` giving the whole matches of a pattern with groups (as its `finditer` does)."""

    __slots__ = ("rx",)

    def __init__(self, rx: Any) -> None:
        self.rx = rx

    def findall(self, text: str) -> list[str]:
        return [m.group() for m in self.rx.finditer(text)]


def _qualifier_scan(rx: Any) -> Any:
    """What finds the words of the qualifier pattern `rx` in a clause, in order, by `findall`:
    its `any_text_scanner` (the same matches on any text; on a claim's clause about half the
    instructions of `rx`'s `finditer`), its lookahead's set searched by the engine's own loop
    (`first_set_search`: about half again), or `rx` itself, wrapped where it has groups."""
    scan = any_text_scanner(rx) if not rx.flags & ~(regex.UNICODE | regex.VERSION0) else None
    if scan is None:
        scan = rx
    else:
        scan = first_set_search(scan)
    return scan if not scan.groups else _WholeMatches(scan)


def _literal_firsts(rxs: list[Any], in_text: bool) -> tuple[str, ...] | None:
    """The first characters of the `required_literals` of each of `rxs`: one of them stands in
    every text where one of the patterns finds a match (`in_text`) or in every match (None
    where a pattern's are not known)."""
    out: dict[str, None] = {}
    for rx in rxs:
        words = required_literals(rx, in_text=in_text)
        if words is None or "" in words:
            return None
        out.update(dict.fromkeys(w[0] for w in words))
    return tuple(out)


def _direction_gate(patterns: list[Pattern]) -> tuple[Any, int]:
    """One stdlib `re` search for the `$`-ended direction patterns together (`stdlib_twin` of
    their alternation: it matches wherever one of them does, maybe more) and how far before a
    text's end their matches begin; (None, 0) where a pattern's matches may end elsewhere."""
    if not patterns or any(p.reach is None for p in patterns):
        return None, 0
    twin = stdlib_twin("|".join(f"(?:{p.rx.pattern})" for p in patterns))
    return twin, max(p.reach or 0 for p in patterns)


def _unit_index(units: tuple[Unit, ...]) -> dict[str, tuple[tuple[Unit, Any], ...]] | None:
    """The units by the characters their matches can begin with (`first_char_list`), each
    character's in the units' order, with each unit's stdlib scanner (`whole_text_scanner`: the
    same matches on a text of the BMP); None where a unit's first characters are not known."""
    out: dict[str, list[tuple[Unit, Any]]] = {}
    for u in units:
        firsts = first_char_list(u.rx.pattern)
        if firsts is None or u.rx.flags & ~(regex.UNICODE | regex.VERSION0):
            return None
        scan = whole_text_scanner(u.rx)
        for ch in firsts:
            out.setdefault(ch, []).append((u, scan))
    return {ch: tuple(us) for ch, us in out.items()}


def _bmp_searcher(p: dict[str, Any], rx: Any, fragments: dict[str, str]) -> Any:
    """The searcher of an exclusion's branch `rx` on a text of the BMP: `scan.HeadFirst` where
    its pattern `p` (of one branch) states its `head` and where it `goes_on` past it; else the
    stdlib `re` form of a branch led by a literal character (`stdlib_scanner`: the same matches;
    both engines skip to the literal, `re` at a smaller cost a call); else `rx`."""
    if "head" in p and top_level_branches(expand(p["regex"], fragments)) == [rx.pattern]:
        head = stdlib_scanner(regex.compile(expand(p["head"], fragments)))
        return rx if head is None else HeadFirst(rx, head, re.compile(p["goes_on"]))
    if rx.pattern[:1] in _NOT_LITERAL:
        return rx
    return stdlib_scanner(rx) or rx


_NOT_LITERAL = ("", *"()[]\\.^$*+?{}|")  # (a source opening on one of these opens on no literal)


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The claim rules compiled from the pattern files (cached, immutable)."""
    units_file = read_pattern_file("units")
    claims_file = read_pattern_file("claims")
    fragments = dict(claims_file.get("fragments", {}))
    files = {"units": [u["regex"] for u in units_file["pattern"]]}
    units = tuple(
        Unit(u["id"], regex.compile(u["regex"]), u.get("unit"), u["kind"], scale,
             _INT_SCALES.get(scale))
        for u in units_file["pattern"] for scale in (Decimal(str(u["scale"])),)
    )
    patterns = []
    for p in claims_file["pattern"]:
        rx = regex.compile(expand(p["regex"], fragments, files))
        extra = tuple((k, v) for k, v in p.items()
                      if k not in ("id", "role", "regex", "examples", "counter_examples",
                                   "stdlib_scan", "run_guard", "head", "goes_on",
                                   "filter_rest"))
        how = p.get("stdlib_scan")
        # (starts in a run of number characters that nothing of the match goes on with)
        guard = run_guard(rx, regex.compile(expand("{" + p["run_guard"] + "}", fragments))) \
            if how is True and "run_guard" in p else None
        scan = stdlib_scanner(rx) if how == "plain" else \
            whole_text_scanner(rx, guard or "") if how else None
        if how is True and scan is not None:  # (its lookahead's set searched by the engine's loop;
            # a lookahead before each long alternation: the unit's, tried after every number)
            scan = first_set_search(re.compile(first_char_lookaheads(scan.pattern), scan.flags))
        firsts = _firsts(rx) if p["role"] in ("quantity", "zero") else None
        # (no `needs` asked before a scan from the first characters: their `in` tests would
        # cost more than the scan, a `str.find` pass or two over the text)
        needs = _needs(rx) if p["role"] in ("quantity", "zero", "change") and not firsts else None
        prefixes = literal_prefixes(rx.pattern) \
            if firsts and not rx.flags & ~(regex.UNICODE | regex.VERSION0) else None
        patterns.append(Pattern(p["id"], p["role"], rx, extra, scan, needs, end_reach(rx), firsts,
                                prefixes, prefix_anchors(prefixes) if prefixes else None,
                                _keyed(rx)))
    subj = claims_file["subject"]
    roles = tuple((role, tuple(p for p in patterns if p.role == role))
                  for role in dict.fromkeys(p.role for p in patterns))
    branches = [(p, regex.compile(b)) for p in claims_file["pattern"] if p["role"] == "exclude"
                for b in top_level_branches(expand(p["regex"], fragments, files))]
    exclude = NeighbourGatedLeftmostFirst(
        [b for _, b in branches], [_bmp_searcher(p, b, fragments) for p, b in branches],
        [literal_led_rest(b) if p.get("filter_rest") else None for p, b in branches])
    pre_words = sorted(subj["strip_prefix"], key=len, reverse=True)
    suf_words = sorted(subj["strip_suffix"], key=len, reverse=True)
    suffix_rx = regex.compile("(?<=.)(?:" + "|".join(map(regex.escape, suf_words)) + ")$")
    prefix_rx = regex.compile("^(?:" + "|".join(map(regex.escape, pre_words)) + ")(?=.)")
    agent, time = regex.compile(subj["agent"]), regex.compile(subj["time"])
    channel = regex.compile(subj["channel"])
    direction_gate, direction_reach = _direction_gate([p for p in patterns if p.role == "direction"])
    direction_firsts = _literal_firsts([p.rx for p in patterns if p.role == "direction"], False)
    return Rules(
        roles=roles,
        role_index=dict(roles),
        pattern_index={p.id: p for p in patterns},
        unit_index={u.id: u for u in units},
        exclude=exclude,
        unit_any=Alternation([u.rx for u in units], stdlib_scan=True),
        unit_firsts=_unit_index(units),
        prefix_rx=prefix_rx,
        suffix_rx=suffix_rx,
        time_at_start=start_anchored(time),
        agent_at_start=start_anchored(agent),
        suffix_reach=end_reach(suffix_rx),
        agent_gate=None if agent.flags & ~(regex.UNICODE | regex.VERSION0) else
        _agent_gate(agent),
        time_needs=_needs(time),
        prefix_firsts=frozenset(w[0] for w in pre_words),
        suffix_lasts=frozenset([w[-1] for w in suf_words] + ["\n"]),
        direction_gate=direction_gate,
        direction_reach=direction_reach,
        qualifier_scans=tuple(_qualifier_scan(p.rx) for p in patterns if p.role == "qualifier"),
        change_firsts=_literal_firsts([p.rx for p in patterns if p.role == "change"], True),
        channel_firsts=_literal_firsts([channel], True),
        direction_firsts=None if direction_firsts is None else
        re.compile(char_class(direction_firsts)),
        prefix_words=frozenset(w for w in pre_words if w),
        prefix_lengths=tuple(sorted({len(w) for w in pre_words if w}, reverse=True)),
        version=str(claims_file.get("version", "1")) + "+u" + str(units_file.get("version", "1")),
        units=units,
        patterns=tuple(patterns),
        strip_prefix=tuple(pre_words),
        strip_suffix=tuple(suf_words),
        agent=agent,
        time=time,
        channel=channel,
        post_reject=tuple(subj["post_reject"]),
    )


# --------------------------------------------------------------------------- masks

# (the mask's three spans below are read by the stdlib `re`: literals and sets of them only, so
# both engines find the same, and `re` finds them 1.3-5× faster; a test compares them)
_TITLE = re.compile(r"《[^《》\n]{0,100}》")
_HAN = regex.compile(r"\p{Han}")
_POST_STOP = regex.compile(r"[\s\d均已并其]")
# 和 / 及 / 与 before the next count (1名专职人员和2名兼职…): where a count's words end
NEXT_COUNT = regex.compile(r"(?:和|及|与)(?=\s*[\d零〇一二两三四五六七八九十])")
RECEIVING = "收到|受理|接到|接收|收悉"  # verbs of what came in (requests, letters …)
# the applicant columns of the requests table (2019 and 2021 forms), by the words a part names
APPLICANTS = (
    ("natural", regex.compile(r"自然人|公民(?!、法人)")),
    ("commercial", regex.compile(r"商业企业|商业机构|企业(?!事业)")),
    ("research", regex.compile(r"科研机构")),
    ("nonprofit", regex.compile(r"社会公益组织|公益组织")),
    ("legal_services", regex.compile(r"法律服务机构")),
    ("other_org", regex.compile(r"(?<!法人或|法人和|法人、)其他组织")),  # not 法人或其他组织 (the 法人 group)
)
_BRACKET = re.compile(r"〔[^〔〕\n]{0,20}〕")
_QUOTED_NAME = re.compile(r"[“\"「][^“”\"「」\n]{1,14}[”\"」]")
# (a quoted name is looked for only where one of its opening quotes stands, found by `str.find`:
# `re` tests every character of a text against the set of them)
_QUOTED_FIRSTS = first_char_list(_QUOTED_NAME.pattern)
_BOUNDARY = "，。；、,;：:！？!?\n（）()"
_SENT_END = "。！？!?\n"
_ROW_LINE = regex.compile(r"\S\t+\S|\|[^|\n]*\|")
_PARENT_MARK = regex.compile(
    r"其中|(?<=[件条次个项人篇][，,]\s*)(?:内容|主要)?(?:涉及|包括|包含|具体为|具体包括|具体有)"
    r"|(?<=[件条次个项人篇]。\s*)(?:具体包括|主要包括|具体为|具体有)")
# 共81件，涉及自然人80件 / 21件，包括信函2件 / …信息83条。⏎具体包括履职依据1条,…(held-out 168)
# Every branch ends with its word (其中, or a verb after an optional 内容/主要), and the words that
# can match at one start end alike: `_parent_marks` looks for the marks where those words end.
_PARENT_MARK_WORDS = required_literals(_PARENT_MARK, in_text=True)
# (具体包括 ends where 包括 does: the words no other word ends)
_PARENT_MARK_ENDS = tuple(w for w in _PARENT_MARK_WORDS
                          if not any(v != w and w.endswith(v) for v in _PARENT_MARK_WORDS))
_PARENT_MARK_REACH = match_reach(_PARENT_MARK)
_BIGRAM_SKIP = set("的和及与等类信息")


def _mask(doc: Document, citations: list[Citation], r: Rules, bmp: bool = False) -> bytearray:
    norm = doc.norm
    nt = norm.text
    mask = bytearray(len(nt) + 1)
    # (each span set in place, not by a function a span: a call costs more than the setting;
    # through a view of the mask, whose slice assignment costs about 60% of the bytearray's:
    # every span ends within the text)
    view = memoryview(mask)
    # (`to_norm` of both ends, by one call for all: a citation is a span of the source, so no
    # end is past it; the spans as they are where the view is as long as the source, else a
    # `bisect` an end in C, cheaper than a method call an end)
    for s, e in norm.to_norm_spans([(c.start, c.end) for c in citations]):
        view[s:e] = b"\x01" * (e - s)
    for t in doc.tables:
        s, e = norm.to_norm(t.start), norm.to_norm(t.end)
        # a number glued to the table's end is a cell its reader could not split (政府集中采购
        # 2832995元 in a flattened table 二), not narrative
        glued = _GLUED_RUN.match(nt, e) if e > s else None
        if glued is not None:
            e = glued.end()
        view[s:e] = b"\x01" * (e - s)
    for rx in (_TITLE, _BRACKET):
        for m in rx.finditer(nt):
            s, e = m.span()
            view[s:e] = b"\x01" * (e - s)
    for m in finditer_from_firsts(_QUOTED_NAME, nt, _QUOTED_FIRSTS):
        s, e = m.span()
        view[s:e] = b"\x01" * (e - s)
    for s, e in r.exclude.spans(nt, bmp):
        view[s:e] = b"\x01" * (e - s)
    return mask


_GLUED_RUN = regex.compile(r"\d[\d.,]*")
# a zero stated in words and then as a number right after it (未收到…申请0件, 未受理…申请共0件)
_ZERO_COUNT_AFTER = regex.compile(r"\s*(?:共|为|共计)?\s*[0零〇]\s*(?:件|条|个|次|项|宗|起|份)")


def _may_hold_row_lines(text: str) -> bool:
    """Can `_table_like_line` be true anywhere in `text`? Not without a pipe or a tab."""
    return "|" in text or "\t" in text


def _table_like_line(text: str, start: int) -> bool:
    """A plain-text line with cells separated by tabs or pipes (a statistics table row)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = le if le >= 0 else len(text)
    if text.count("|", ls, le) >= 2:
        return True
    if text.find("\t", ls, le) < 0:  # (most lines: no tab, and no copy of the line)
        return False
    line = text[ls:le]
    return "\t" in line.strip() and bool(_ROW_LINE.search(line))


# --------------------------------------------------------------------------- finding


@dataclass(slots=True)
class _Found:
    """A claim while it is being built, in normalised coordinates."""

    ns: int
    ne: int
    pre_start: int  # where the match starts (approximation prefix included)
    claim: Claim
    cs: int  # where its clause starts, `clause_start(nt, pre_start)` (asked by many steps)


_APPROX_BOUND = {
    "余": "lower", "多": "lower", "几": "lower", "以上": "lower", "超过": "lower", "逾": "lower",
    "不少于": "lower", "不低于": "lower", "至少": "lower", "突破": "lower", "超": "lower",
    "近": "upper", "将近": "upper", "接近": "upper", "不到": "upper", "不足": "upper",
    "以内": "upper", "以下": "upper",
    "约": "about", "大约": "about", "左右": "about", "上下": "about", "来": "about",
}
_EXACT_PREFIX = {"多达", "高达"}  # emphasis, not approximation


def _unit_of(r: Rules, nt: str, us: int, ue: int, bmp: bool = False) -> Unit | None:
    """The first unit whose regex matches exactly nt[us:ue] (`bmp`: `bmp_only(nt)`): asked of
    the units a match of which can begin with nt[us] only (`Rules.unit_firsts`; no other matches
    there), in order, where the alternation of all of them tries each at every call."""
    index = r.unit_firsts
    if index is not None:
        for u, scan in index.get(nt[us:us + 1], ()):
            m = (scan if bmp and scan is not None else u.rx).match(nt, us)
            if m is not None and m.end() == ue:
                return u
        return None
    hit = r.unit_any.first_match(nt, us, bmp)  # the units before it do not match here at all
    if hit is None:
        return None
    first, end = hit
    if end == ue:  # (where the first unit's own match ends: the quantity patterns' case)
        return r.units[first]
    for u in r.units[first + 1:]:
        m = u.rx.match(nt, us)
        if m is not None and m.end() == ue:
            return u
    return None


def _quantity(doc: Document, p: Pattern, m: regex.Match[str], r: Rules, bmp: bool = False
              ) -> _Found | None:
    norm = doc.norm  # (a property: read once)
    nt = norm.text
    if p.get("unit"):  # the pattern fixes its unit (百分之…)
        unit_id, ns, ne = None, m.start(), m.end("num")
        if m.groupdict().get("pre"):
            ns = m.end("pre")
    else:
        u = _unit_of(r, nt, m.start("unit"), m.end("unit"), bmp)
        if u is None:
            return None
        unit_id, ns, ne = u.id, m.start("num"), m.end("unit")
    v = _value(p.id, unit_id, m.groups())
    if v is None:
        return None
    unit_name, kind, value, value_max, approx, bound, confidence, extractor = v
    s, e = norm.span(ns, ne)
    claim = _new_claim(doc, s, e, value, unit_name, approx, bound, value_max, kind, None,
                       confidence, extractor)
    start = m.start()
    return _Found(ns, ne, start, claim, clause_start(nt, start))


def _new_claim(doc: Document, s: int, e: int, value: float | None, unit: str, approx: str | None,
               bound: str | None, value_max: float | None, kind: str, subject: str | None,
               confidence: float, extractor: str) -> Claim:
    """A new claim of `doc[s:e]`, the fields a finder sets given, the others empty.

    Positional: half a keyword call's cost, for every claim (tests/test_speed_claims.py pins
    the field order): doc_id, claim_id, start, end, text, value, unit, approx, bound,
    value_max, kind, subject, qualifiers, direction, parent, group, whole, part, section,
    sentence, indicator, confidence, extractor."""
    return Claim(doc.doc_id, "", s, e, doc.text[s:e], value, unit, approx, bound, value_max,
                 kind, subject, [], None, None, None, None, None, None, None, None, confidence,
                 extractor)


# the named groups `_value` reads, in the order `Pattern.keyed` gives them
_GROUP_KEYS = ("num", "unit", "num2", "mid", "scale", "pre", "post", "rsep")


def _keyed(rx: Any) -> Any:
    """`itemgetter` of the numbers of `rx`'s groups named `_GROUP_KEYS` (0 for a name it does
    not have): on `(None, *m.groups())` it gives what `m.groupdict().get(name)` gives for each
    (a group's value, None where it took part in no match or is not in `rx`)."""
    return itemgetter(*(rx.groupindex.get(name, 0) for name in _GROUP_KEYS))


@lru_cache(maxsize=1 << 14)
def _value(pattern_id: str, unit_id: str | None, groups: tuple[str | None, ...]
           ) -> tuple[str, str, int | float, int | float | None, str | None, str | None, float,
                      str] | None:
    """What a quantity match says, from its pattern, its unit (None: the pattern's own) and its
    groups (`m.groups()`): (unit, kind, value, value_max, approx, bound, confidence, extractor),
    or None when its number is none. A pure function of them (cached: the same numbers and units come
    again and again)."""
    r = rules()
    p = r.pattern_index[pattern_id]
    # (the groups read by their numbers: no dict of all of them built, about 6k instructions)
    num, unit_words, num2, mid, times, pre, post, rsep = p.keyed((None, *groups))
    if unit_id is None:
        unit_name, kind, scale = p.get("unit"), p.get("kind", "percent"), Decimal(1)
        int_scale = None
    else:
        u = r.unit_index[unit_id]
        unit_name = u.unit if u.unit is not None else unit_words
        kind, scale, int_scale = u.kind, u.scale, u.int_scale
    value_max: Decimal | None = None
    if unit_id is not None and len(num) <= _PLAIN_DIGITS and num.isdigit() and num.isascii() \
            and not num2 and not (mid and times) and int_scale is not None:
        # plain digits (most matches): `parse_number` is `Decimal(num)`, `parse_pair` none, and
        # its product by an integral scale (`Unit.int_scale`: one of `_INT_SCALES`) is exact
        # within the context's 28 digits: what `to_python` gives is the int product
        # (tests/test_speed_claims.py compares)
        return _values(unit_name, kind, int(num) * int_scale, None, mid, pre, post, rsep, num,
                       unit_id or pattern_id, f"{pattern_id}@{r.version}")
    try:
        if num == "百" and p.get("unit"):
            value = Decimal(100)
        elif (pair := parse_pair(num)) is not None and not num2:
            value, value_max = pair
        else:
            value = parse_number(num)
        if num2:
            value_max = parse_number(num2)
            if value_max <= value:
                return None
    except ValueError:
        return None
    if mid and times:
        try:
            value *= parse_number(times)
        except ValueError:
            return None
    value *= scale
    if value_max is not None:
        value_max *= scale
    return _values(unit_name, kind, to_python(value),
                   None if value_max is None else to_python(value_max), mid, pre, post, rsep,
                   num, unit_id or pattern_id, f"{pattern_id}@{r.version}")


# (a number of at most this many digits times a scale of at most 9 digits has at most 28: the
# default `Decimal` context multiplies it exactly; tests/test_speed_claims.py sets it to 0)
_PLAIN_DIGITS = 19
_INT_SCALES = {Decimal(1): 1, Decimal(10_000): 10_000, Decimal(100_000_000): 100_000_000}


def _values(unit_name: str, kind: str, value: int | float, value_max: int | float | None,
            mid: str | None, pre: str | None, post: str | None, rsep: str | None, num: str,
            confidence_id: str, extractor: str
            ) -> tuple[str, str, int | float, int | float | None, str | None, str | None, float,
                       str]:
    """`_value`'s answer from the value (and upper value) its number gives and its match's
    `mid`, `pre`, `post` and `rsep` groups: the approximation word (the first of `mid`, `pre`,
    `post` that is not emphasis, else a range's separator or pair), its bound, and the
    confidence (`confidence_id`: the unit's id, else the pattern's)."""
    approx = None
    for w in (mid, pre, post):
        if w and w not in _EXACT_PREFIX:
            approx = w
            break
    if approx is None and value_max is not None:
        approx = rsep if rsep else num
    bound = _APPROX_BOUND.get(approx or "")
    if kind == "count" and _is_chinese_one(num):
        confidence = 0.6
    elif confidence_id in ("unit.count.aspect", "unit.count.other"):
        confidence = 0.7
    else:
        confidence = 1.0
    return unit_name, kind, value, value_max, approx, bound, confidence, extractor


def _is_chinese_one(num: str) -> bool:
    return num in ("一", "壹")


_OBJ_LEAD = ("有关", "任何形式的", "任何", "相关", "关于")


def _zero(doc: Document, p: Pattern, m: regex.Match[str], r: Rules) -> _Found:
    ns, ne = m.start(), m.end("obj")
    obj = m.group("obj")
    for w in _OBJ_LEAD:
        if obj.startswith(w):
            obj = obj[len(w):]
    if obj.endswith("情况") and len(obj) > 2:
        obj = obj[:-2]
    if "的" in obj[:-1] and len(obj) - obj.rfind("的") > 2:
        obj = obj[obj.rfind("的") + 1:]
    norm = doc.norm  # (a property: read once)
    s, e = norm.span(ns, ne)
    claim = _new_claim(doc, s, e, 0, p.get("unit", ""), None, None, None, "zero", obj or None,
                       1.0, f"{p.id}@{r.version}")
    return _Found(ns, ne, ns, claim, clause_start(norm.text, ns))


def find_claims(doc: Document, citations: list[Citation]) -> list[Claim]:
    """All claims of `doc`'s narrative in text order, with ids `claim-1`, `claim-2`, …"""
    r = rules()
    nt = doc.norm.text
    if not nt:
        return []
    bmp = bmp_only(nt)
    places: dict[str, list[int]] = {}  # (the first characters' places, shared by the patterns)
    counts = [(p, m) for p in r.by_role("quantity") if p.may_match(nt)
              for m in p.finditer(nt, bmp, places)]
    zeros = [(p, m) for p in r.by_role("zero") if p.may_match(nt)
             for m in p.finditer(nt, bmp, places)]
    if not counts and not zeros:
        return []  # (no mask needed: its exclusion scan is most of the cost of such a text)
    mask = _mask(doc, citations, r, bmp)
    found: list[_Found] = []
    taken = bytearray(len(nt) + 1)
    claimed = memoryview(taken)  # (set through a view, as `_mask` does)
    rows = _may_hold_row_lines(doc.text)  # (most texts: no line to look at for each claim)
    for p, m in counts:
        if mask.find(1, m.start("num"), m.end()) != -1:
            continue
        if taken.find(1, m.start(), m.end()) != -1:
            continue
        f = _quantity(doc, p, m, r, bmp)
        if f is None or (rows and _table_like_line(doc.text, f.claim.start)):
            continue
        found.append(f)
        claimed[f.ns:f.ne] = b"\x01" * (f.ne - f.ns)
    for p, m in zeros:
        ns, ne = m.start(), m.end("obj")
        if mask.find(1, ns, ne) != -1 or taken.find(1, ns, ne) != -1:
            continue
        if _ZERO_COUNT_AFTER.match(nt, ne) and taken.find(1, ne, ne + 8) != -1:
            continue  # 未收到政府信息公开申请0件: the printed 0件 is the claim
        f = _zero(doc, p, m, r)
        if rows and _table_like_line(doc.text, f.claim.start):
            continue
        found.append(f)
        claimed[ns:ne] = b"\x01" * (ne - ns)
    found.sort(key=lambda f: f.ns)
    for i, f in enumerate(found, 1):
        f.claim.claim_id = f"claim-{i}"
    for k, f in enumerate(found):
        _structure(nt, f, found, r, k)
    _relations(nt, found, r)
    _place(doc, [f.claim for f in found])
    return [f.claim for f in found]


_START, _END = attrgetter("start"), attrgetter("end")


def _place(doc: Document, claims: list[Claim]) -> None:
    """Set each claim's section (`doc.section_at`) and sentence (`doc.sentence_at`), asking
    them again only where the answer can change: claims come in runs in one sentence.

    The innermost section holding an offset is the same for every offset up to the next place
    where a section starts or ends (the same sections hold them all), and a sentence holding
    an offset is the one `sentence_at` finds, since sentences never overlap (tests:
    tests/test_speed_claims.py)."""
    # (one set of both ends by `map`: no comprehension's frame, about 3k instructions a text)
    edges = sorted({*map(_START, doc.sections), *map(_END, doc.sections)})
    lo, hi = 0, -1  # the section found last holds for the offsets in [lo, hi)
    heading: str | None = None
    sent = None
    span: tuple[int, int] | None = None
    for c in claims:
        off = c.start
        if not lo <= off < hi:
            sec = doc.section_at(off)
            heading = sec.heading if sec is not None else None
            k = bisect_right(edges, off)
            lo, hi = off, edges[k] if k < len(edges) else len(doc.text) + 1
        c.section = heading
        if sent is None or not sent.start <= off < sent.end:
            sent = doc.sentence_at(off)
            span = (sent.start, sent.end) if sent is not None else None
        c.sentence = span


# --------------------------------------------------------------------------- structure


def clause_start(nt: str, pos: int, stops: str = _BOUNDARY) -> int:
    """Where the clause (the text after the last of `stops`) holding `pos` starts.

    The last of `stops` before `pos` is the first at or after `len(nt) - pos` in the reversed
    text (`_reversed`: made once a text), found by the stdlib `re`, which has no backward
    search: its call costs about half a `regex` one (the plain way, `regex`'s backward search
    of `nt[:pos]`, is `_clause_start_back`; tests/test_speed_claims.py compares them)."""
    if pos <= 0:
        return 0
    n = len(nt)
    m = (_STOP_SCAN if stops is _BOUNDARY else _stops_re(stops)).search(_reversed(nt), n - pos)
    return n - m.start() if m is not None else 0


@lru_cache(maxsize=4)
def _reversed(text: str) -> str:
    """`text` reversed (the last few texts' kept: `clause_start` is asked many times a text)."""
    return text[::-1]


def _clause_start_back(nt: str, pos: int, stops: str = _BOUNDARY) -> int:
    """`clause_start` the plain way: the last of `stops` before `pos` by `regex`'s backward
    search."""
    m = _stops_rx(stops, True).search(nt, 0, max(pos, 0))
    return m.end() if m is not None else 0


def _clause_end(nt: str, pos: int, stops: str = _BOUNDARY) -> int:
    """Where the clause holding `pos` ends (at the next of `stops`, or the text's end). From a
    `pos` not before the text's start, searched by the stdlib `re` (`_stops_re`: a class of
    literal characters means the same to both engines, and a `re` call costs about half a
    `regex` one); `regex` reads a negative `pos` from the end."""
    if pos < 0:
        m = _stops_rx(stops, False).search(nt, pos)
    else:
        m = (_STOP_SCAN if stops is _BOUNDARY else _stops_re(stops)).search(nt, pos)
    return m.start() if m is not None else len(nt)


@lru_cache(maxsize=16)
def _stops_re(stops: str) -> re.Pattern:
    """One of the characters `stops`, for the stdlib `re` (`_clause_end`)."""
    return re.compile(char_class(stops))


@lru_cache(maxsize=16)
def _stops_rx(stops: str, backwards: bool) -> regex.Pattern:
    """One of the characters `stops`, searched from the end (`backwards`) or from the start."""
    return regex.compile("[" + regex.escape(stops) + "]", regex.REVERSE if backwards else 0)



def _strip_prefixes(s: str, r: Rules) -> str:
    """Remove the words of `r.prefix_rx` from the start repeatedly, never the whole string.
    The pattern, `^(?:words, longest first)(?=.)`, matches the longest word `s` opens with that
    a character other than a newline follows: looked up by length in `r.prefix_words` where `s`
    opens with a word's first character (no regex: tests/test_speed_subject.py compares)."""
    words, lengths = r.prefix_words, r.prefix_lengths
    while s[:1] in r.prefix_firsts:
        for n in lengths:
            if len(s) > n and s[:n] in words and s[n] != "\n":
                s = s[n:]
                break
        else:
            return s
    return s


def _strip_suffixes(s: str, r: Rules) -> str:
    """Remove the words of `r.suffix_rx` from the end repeatedly, never the whole string (the
    pattern, `(?<=.)(?:words)$`, is asked only where `s` ends with a word's last character or
    with the newline `$` may stand before, and from `r.suffix_reach` characters before it)."""
    while s[-1:] in r.suffix_lasts:
        m = search_near_end(r.suffix_rx, s, r.suffix_reach)
        if m is None or m.end() == m.start():
            return s
        s = s[: m.start()] + s[m.end():]
    return s


# 共 as a total word, not inside a word (公共资源, 共享, 共同, 共建, 共产党, 共青团)
_GONG = r"(?<!公)共(?![享同建产青识性])"
_TOTAL_MARK = regex.compile(rf"共计|合计|总计|累计|{_GONG}")
_TOTAL_MARK_WORDS = _needs(_TOTAL_MARK)  # (one stands in every match)
_LEAD_IN = {"其中", "另外", "另", "此外", "同时"}
_LEAD_IN_ENDS = {w[-1] for w in _LEAD_IN}
_COUNTED = {"count", "money"}  # kinds that can be parts of a total


def _drop_first(s: str, rx: Any, at_start: bool, needs: tuple[str, ...] | None = None,
                gate: Any = None) -> str:
    """`rx.sub("", s, count=1)`: not asked where `s` holds none of `needs` or where `gate` (a
    pattern matching wherever `rx` does) finds nothing, by `match` where `rx` can match only at
    the start."""
    if needs is not None and not holds_any(s, needs):
        return s
    if gate is not None and (gate.match(s) if at_start else gate.search(s)) is None:
        return s
    if not at_start:
        return rx.sub("", s, count=1)
    m = rx.match(s)
    return s if m is None else s[m.end():]


def _clean_subject(pre: str, r: Rules) -> str:
    s = pre.strip()
    marks = list(_TOTAL_MARK.finditer(s)) if holds_any(s, _TOTAL_MARK_WORDS) else None
    m = marks[-1] if marks else None
    if m is not None and len(s) - m.end() >= 2:  # 县质监局共主动公开政府信息 → after 共
        s = s[m.end():]
    m = r.channel.match(s) if r.channel_firsts is None or holds_any(s, r.channel_firsts) else None
    if m is not None and len(s) - m.end() >= 4:
        s = s[m.end():]
    # (where `time` and `agent` match only at the start, each step below cuts a start off `s`,
    # so a string the first `s` does not hold no later one holds: `time`'s needs asked once)
    timed = r.time_needs is None or holds_any(s, r.time_needs) or \
        not (r.time_at_start and r.agent_at_start)
    agent, at_start, gate = r.agent, r.agent_at_start, r.agent_gate
    for i in range(3):
        before = s
        if timed:
            s = _drop_first(s, r.time, r.time_at_start)
        if gate is None or (gate.match(s) if at_start else gate.search(s)) is not None:
            s = _drop_first(s, agent, at_start)
        if i and s == before:
            break  # (`before` is what `_strip_prefixes` left: it would leave it as it stands)
        if s[:1] in r.prefix_firsts:
            s = _strip_prefixes(s, r)
        if s == before:
            break
    if s[-1:] in r.suffix_lasts:  # (`_strip_suffixes` returns any other as it stands)
        s = _strip_suffixes(s, r)
    if "的" in s[:-1]:
        tail = s[s.rfind("的") + 1:]
        if len(tail) >= 2:
            s = tail
    if len(s) > 20:
        s = s[-20:]
    return s


# (`_BOUNDARY` for the stdlib `re`: a search of a few characters costs half the instructions)
_STOP_SCAN = re.compile(char_class(_BOUNDARY))


def _structure(nt: str, f: _Found, found: list[_Found], r: Rules, k: int) -> None:
    """Subject, qualifiers and direction of `f` (= found[k]) in the normalised text `nt` (passed
    in: `Document.norm` is a property, a call a claim)."""
    c = f.claim
    if c.kind == "zero":
        return
    cs = f.cs
    if k > 0 and cs <= found[k - 1].ns and found[k - 1].ne <= f.pre_start:
        cs = found[k - 1].ne  # 行政复议案件6件和行政诉讼案件3件: the clause restarts after a claim
    pre = nt[cs:f.pre_start]
    # qualifiers: this clause, plus a bare lead-in clause such as "其中，"
    ctx_start = cs
    # (the words before, nt[prev_start:cs - 1], end on nt[cs - 2] unless it is a blank: they are
    # looked at only where a lead-in word can end)
    if cs >= 2 and (nt[cs - 2] in _LEAD_IN_ENDS or nt[cs - 2].isspace()):
        prev_start = clause_start(nt, cs - 1)
        if nt[prev_start:cs - 1].strip() in _LEAD_IN:
            ctx_start = prev_start
    # (up to the clause's end, at most 4 characters after the unit: looked for there only)
    end = _STOP_SCAN.search(nt, f.ne, f.ne + 4)
    ctx = nt[ctx_start:f.ne + 4 if end is None else end.start()]
    quals: list[str] = []
    for scan in r.qualifier_scans:
        for w in scan.findall(ctx):
            if w not in quals:
                quals.append(w)
    c.qualifiers = quals
    c.direction, pre, subject = _lead_words(pre)
    if subject is None:  # a total word alone: what it totals
        subject = _clean_subject(_lead_of_a_bare_total(nt, f, found, k, cs) or pre, r)
    post = _post_noun(nt, f.ne, r)
    if post and (len(subject) < 2 or subject in r.strip_prefix or c.kind == "count"):
        subject = (subject + post) if subject in ("公开", "发布") else post
    if (not subject or subject.strip(_SAME_THING_GAP) == "") and k > 0 and not c.direction:
        # 业务工作培训2次300余人次: a count right after a count of another unit counts the same
        # thing (sessions, then attendances)
        g = found[k - 1]
        if g.claim.subject and g.claim.kind == c.kind and g.claim.unit != c.unit and \
                not nt[g.ne:f.pre_start].strip(_SAME_THING_GAP):
            subject = g.claim.subject
    if not subject and c.direction:  # 比去年增加1件: what the sentence was counting
        ss = clause_start(nt, f.ns, _SENT_END)
        for g in reversed(found):
            if g.ns < f.ns and g.ns >= ss and g.claim.subject and g.claim.kind != "zero":
                subject = g.claim.subject
                break
    c.subject = subject or None


@lru_cache(maxsize=1 << 14)
def _lead_words(pre: str) -> tuple[str | None, str, str | None]:
    """What the words of a clause before its number say: (the direction their verb gives, the
    words without that verb and the change words, the subject they name, or None when they are
    a total word alone). A pure function of the words (cached: the same leads come again and
    again)."""
    r = rules()
    direction = None
    firsts = r.change_firsts
    change = (firsts is None or holds_any(pre, firsts)) and \
        any(p.may_match(pre) and p.rx.search(pre) is not None for p in r.by_role("change"))
    gate, reach, firsts = r.direction_gate, r.direction_reach, r.direction_firsts
    # (a direction word stands within the reach before the end: one of its first characters;
    # `re` reads a negative start as 0)
    for p in r.by_role("direction") if gate is None or (
            (firsts is None or firsts.search(pre, len(pre) - reach) is not None) and
            search_near_end(gate, pre, reach)) else ():
        m = p.search(pre)  # (the `$`-ended patterns: searched near the end only)
        if m is not None and (len(m.group().rstrip("了为达到")) > 1 or change):
            direction = p.get("direction")
            pre = pre[: m.start()]
            change = True  # (a cut text: its change words asked again below)
            break
    if change:  # (no change word in the words, nothing for the substitutions to remove)
        for p in r.by_role("change"):
            pre = p.rx.sub("", pre)
    words = pre.strip()
    if (_TOTAL_ONLY_REACH is None or len(words) <= _TOTAL_ONLY_REACH) and \
            _TOTAL_ONLY.fullmatch(words):
        return direction, pre, None
    return direction, pre, _clean_subject(pre, r)


_SAME_THING_GAP = " \t,，、共计累达"
# a clause that is a total word alone before its number (…主动公开政府信息28大项、79小项,共计6657条)
_SUM_WORDS = "共计|合计|总计|总共|一共|共"  # the words of a sum, alone before its number
_TOTAL_ONLY = regex.compile(rf"(?:{_SUM_WORDS}|累计)(?:为|达|有)?")  # (used whole: fullmatch)
_TOTAL_ONLY_REACH = match_reach(_TOTAL_ONLY)  # (a longer text is never the whole match)
_FIRST_NUMBER = regex.compile(r"[\d零〇一二两三四五六七八九十百千]")
_LEADING_DATE = regex.compile(r"^\s*(?:截至|截止|至)?\s*(?:19|20)\d{2}[\d年月日号底末止\s]*(?:以来)?[，,]?\s*")


def _lead_of_a_bare_total(nt: str, f: _Found, found: list[_Found], k: int, cs: int) -> str:
    """The words a bare 共计 count is a total of: the lead of its ；-clause up to the first number
    (我县主动公开政府信息28大项、79小项,共计6657条 → 我县主动公开政府信息), when no earlier count stands
    in that clause (then it totals those, 网上申请105件，快递17件，合计122件, or counts another thing:
    收到申请共84条,总计68人)."""
    start = clause_start(nt, f.pre_start, SEMI_STOPS)
    if k > 0 and found[k - 1].ns >= start:  # (found is in text order: the nearest one decides)
        return ""
    lead = _LEADING_DATE.sub("", nt[start:cs])  # 2012年12月31日,我县…网站发布…信息28大项
    m = _FIRST_NUMBER.search(lead)
    return lead[:m.start()] if m else lead.rstrip(" \t，,、：:")


# what most often follows a unit, none of it Han (a test checks): no regex asked there
_NEVER_HAN = _BOUNDARY + _SENT_END + "；;、 \t%.0123456789"
_NEXT_COUNT_WORDS = required_literals(NEXT_COUNT) or ("",)
_WORDS_ENDING_IN_AND = {"参与", "给与", "赋与", "涉及", "普及", "顾及", "触及", "危及", "惠及"}


def _post_noun(nt: str, pos: int, r: Rules) -> str:
    """The noun phrase right after a unit (共受理36件政府信息公开申请), or ''."""
    if pos >= len(nt) or nt[pos] in _NEVER_HAN or not _HAN.match(nt, pos):
        return ""
    post = nt[pos:_clause_end(nt, pos)]
    if post.startswith(r.post_reject):
        return ""
    if holds_any(post, _NEXT_COUNT_WORDS):  # (one stands in every match)
        post = NEXT_COUNT.split(post, maxsplit=1)[0]  # 专职人员和2名兼职…
    post = _POST_STOP.split(post, maxsplit=1)[0][:16]
    while post[-1:] in ("和", "及", "与") and post[-2:] not in _WORDS_ENDING_IN_AND:
        post = post[:-1]  # 专职人员和, but not 工作人员参与
    if "的" in post[:-1]:
        post = post[post.rfind("的") + 1:]
    return post if len(post) >= 2 else ""


@lru_cache(maxsize=4096)
def _bigrams(s: str | None) -> frozenset[str]:
    """The character bigrams of a subject, but those made only of 的和及与等类信息 (cached: the
    same subjects are compared again and again)."""
    if not s:
        return frozenset()
    # (a pair is made only of those characters when both of its characters are: no set built
    # for each pair)
    return frozenset(a + b for a, b in pairwise(s)
                     if a not in _BIGRAM_SKIP or b not in _BIGRAM_SKIP)


def _sentence_bounds(nt: str, pos: int) -> tuple[int, int]:
    return clause_start(nt, pos, _SENT_END), _clause_end(nt, pos, _SENT_END)


_FEWEST_TO_JOIN = 2  # (tests/test_speed_claims.py sets it to 0 to compare)


def _relations(nt: str, found: list[_Found], r: Rules) -> None:
    by_id = {f.claim.claim_id: f for f in found}
    quantities = [f for f in found if f.claim.kind != "zero"]
    starts = [f.ns for f in quantities]  # sorted: ranges of claims by bisection
    share_rx = r.by_role("share")
    respective = _respective_shares(nt, quantities, starts)
    # 占X%: part = nearest earlier non-percent claim of the sentence
    for i, f in enumerate(quantities):
        c = f.claim
        if c.kind != "percent":
            continue
        cs = f.cs
        pre = nt[cs:f.pre_start]
        if c.claim_id in respective:  # …4条,…1600条,分别占0.25%和99.75%: in order
            part, named = by_id[respective[c.claim_id]], False
        elif any(p.rx.search(pre) for p in share_rx):
            ss = clause_start(nt, f.ns, _SENT_END)
            part = _nearest_count(quantities, i, ss, nt)
            named = part is None
            if named:  # …198条…。主动公开的政府信息占41.5%: the count it names, before
                part = _named_before(nt, pre, ss, quantities[:i])
            else:
                part = _the_part_it_names(pre, part, quantities[bisect_left(starts, ss):i])
                if part is None:
                    continue  # 主动公开及依申请公开政府信息占比90.62%: of two parts together
        else:
            continue
        if part is not None:
            c.part = part.claim.claim_id
            if named or not c.subject or c.subject.startswith("占"):
                c.subject = part.claim.subject
        if "占" not in c.qualifiers:
            c.qualifiers.append("占")
    if len(quantities) < _FEWEST_TO_JOIN:
        return  # (each step below joins a claim to another: no whole-text scan for them)
    # 含 / 包括 in brackets right after a claim: parts of that claim
    for i, f in enumerate(quantities):
        after = nt[f.ne:f.ne + 4]
        if after[:1] not in "（(":
            continue
        close = _clause_end(nt, f.ne + 1, "）)\n")
        extra = _EXTRA_MARK.search(nt, f.ne, close)  # （含…18件，另有72件…）: 72 is not a part
        if extra is not None:
            close = extra.start()
        inside = quantities[i + 1:max(i + 1, bisect_left(starts, close))]
        same = [g for g in inside if g.claim.kind == f.claim.kind and g.claim.unit == f.claim.unit]
        # （含…） / （包括…） / （其中…）, also after a share (26.78%，含…157件), or a bracketed
        # list of counts of the same unit: 预决算公开197条（政府预决算32条、部门预决算公开165条）
        mark = _BRACKET_PART.search(nt, f.ne, close)
        if mark is not None:
            inside = [g for g in inside if g.ns > mark.start()]
        # 省政府工作报告2条(中英文各1条): 各 in the bracket breaks the count down, item by item
        each = _EACH_IN.search(nt, f.ne, close) is not None
        if _COMPARED.match(nt, f.ne):
            continue  # 共计6628项(比2017年底的9078项减少2450项): a comparison, not a breakdown
        if mark is not None or len(same) >= 2 or each:
            for g in inside:
                if g.claim.parent is None and g.claim.kind == f.claim.kind:
                    g.claim.parent = f.claim.claim_id
                    g.claim.group = f"bracket@{f.ne}"
    # 其中: parts in the rest of the sentence belong to an earlier total
    marks = [m.start() for m in _parent_marks(nt)
             if not _next_item_mark(nt, m, quantities, starts)]
    inner = {q: _bracket_close(nt, q) for q in marks}
    outer = [q for q in marks if inner[q] is None]
    for q in marks:
        ss, se = _sentence_bounds(nt, q)
        if inner[q] is not None:  # （其中…）: the scope is the bracket
            scope_end = min(se, inner[q])
        else:
            after = bisect_right(outer, q)  # (the marks are in text order)
            nxt = outer[after] if after < len(outer) else len(nt)
            scope_end = min(se, nxt)
            if nxt < se:  # 其中A，B；对…答复总数21条，其中…: the next total starts after the ；
                semi = max(nt.rfind("；", q, nxt), nt.rfind(";", q, nxt))
                if semi > q:
                    scope_end = semi
        lead = nt[ss:q].strip(" \t（(")
        look_from = clause_start(nt, _prev_text_end(nt, ss), _SENT_END) if (not lead and ss > 0) \
            else ss
        if not lead and look_from > 0 and _ITEM_HEADING.fullmatch(nt, look_from, ss) and \
                not _in_range(quantities, starts, look_from, ss):
            # 1、…共主动公开政府信息105条。⏎2、主要公开信息分类。其中…: a numbered heading of its own
            # between the count and the 其中 that breaks it down
            look_from = clause_start(nt, _prev_text_end(nt, look_from), _SENT_END)
        # (a change is no total: 与2023年相比增加了5件。其中,信函申请6件…, held-out 223)
        totals = [f for f in _in_range(quantities, starts, look_from, q)
                  if f.ne <= q and f.claim.kind in _COUNTED and f.claim.direction is None]
        since = [f for f in totals if _since_start(nt, f, _BOUNDARY)]
        if since and len(since) < len(totals):
            # 共计38条,历年累计…665条。其中机构职能类信息5条,占13.2%: the year's categories are of
            # the year's count, not of the count since the start (held-out 226)
            totals = [f for f in totals if f not in since]
        if totals and not nt.startswith("其中", q) and _list_item(nt, totals[-1], ss, quantities,
                                                                starts):
            continue  # 动态3718条,涉及…350条,民生类信息713条: 涉及 names the next item's topic
        scope_end = _parallel_end(nt, q, scope_end, quantities, starts)
        from_to = _from_to(nt, quantities, starts, q, scope_end)
        parts = _until_rest([f for f in _in_range(quantities, starts, q + 1, scope_end)
                             if f.claim.kind in _COUNTED and f.claim.claim_id not in from_to])
        parts = _until_new_statement(nt, q, parts, totals)
        parts = [g for g in _outcomes_to_their_case(parts)
                 if not (_RESTATED.intersection(g.claim.qualifiers)
                         and len((g.claim.subject or "").strip()) <= 1)]
        parts = _group_heads(nt, parts, totals)
        # 公开114条，其中网站公开72条，其中包括…3条、…10条: a list right after a part is that
        # part's breakdown (nested), not a second breakdown of the outer total, when that part
        # is its list's only one or holds the new parts (…法制新闻12条，其中主站采用15条: 15 of
        # the 27, not of the 12)
        nested = bool(totals) and totals[-1].claim.parent is not None and \
            not nt[totals[-1].ne:q].strip(_NESTED_GAP) and _holds(totals[-1], parts, quantities)
        if nested:
            totals = totals[-1:]
            parts, back = _beyond_the_head(parts, totals[0])
            _back_to_the_outer_list(back, totals[0], by_id)
        # parts that add up to exactly all the candidate totals together are of none of them
        together = not nested and _of_all_together(parts, totals)
        default = totals[0] if nested else None if together else _default_total(
            parts, totals, opens=not lead,
            right_after=bool(totals) and not nt[totals[-1].ne:q].strip(" \t，,：:"))
        loose = _pieces_in_jian(parts) and not any(t.claim.unit in PIECES for t in totals)
        if default is None and loose and not nested and not together:
            default = next((t for t in reversed(totals)
                            if _information_in_tiao(t) and t.claim.parent is None), None)
        for g in parts:
            cands = [t for t in totals if (same_counter(t.claim.unit, g.claim.unit)
                                           or (loose and g.claim.unit in PIECES
                                               and _information_in_tiao(t)))
                     and t.claim.kind == g.claim.kind
                     and (t.claim.parent is None or nested)
                     and not _carried_both_ways(t, g)]
            if not cands or _of_the_caseload(totals, g):
                continue
            gb = _bigrams(g.claim.subject)
            scores = sorted((len(gb & _bigrams(t.claim.subject)) for t in cands), reverse=True)
            if default is not None and default in cands and not (
                    scores[0] >= 2 and (len(scores) == 1 or scores[0] > scores[1])):
                best = default  # no subject names another total: the list's common total
            elif default is None and (not lead or together) and not nested and scores[0] < 2:
                continue  # the previous sentence's counts, or all the counts before together:
                # none can hold the list alone, none is named
            else:  # 行政复议6件和行政诉讼3件，其中行政复议结果维持5件…: by subject
                best = max(reversed(cands), key=lambda t: len(gb & _bigrams(t.claim.subject)))
                if default is not None and default in cands and best is not default and \
                        len(gb & _bigrams(best.claim.subject) - _DISCLOSURE_BIGRAMS) < 2:
                    # 政府信息公开制度4条,…内容51条,包括…标准目录信息公开11条: what every count
                    # here is about (信息公开) names no other total (held-out 218)
                    best = default
            if g.claim.parent is None:
                g.claim.parent = best.claim.claim_id
                g.claim.group = f"其中@{q}"
            if "其中" not in g.claim.qualifiers:
                g.claim.qualifiers.append("其中")
    # percent shares: the whole is the part's total
    for f in quantities:
        c = f.claim
        if c.part and c.part in by_id:
            whole = by_id[c.part].claim.parent
            if whole:
                c.whole = whole
                c.parent = whole
    _implicit_wholes(nt, quantities, starts, by_id)
    _category_lists(nt, quantities, starts)
    _applicant_lists(nt, quantities, starts)
    _totals_after(nt, quantities, starts)
    _subtotals_within(nt, quantities)
    _frame_lists(nt, quantities, starts)
    _rates(nt, quantities, starts)
    _respectively(nt, quantities, starts, r)


PIECES = ("件", "份")  # document counters that pieces of information are also counted in
# the pairs of characters of the words every count of a report is about
_DISCLOSURE_BIGRAMS = frozenset(
    w[k:k + 2] for w in ("政府信息公开", "主动公开", "依申请公开") for k in range(len(w) - 1))


def _pieces_in_jian(parts: list[_Found]) -> bool:
    """Are the parts of a list counted in 件 or 份, two at least, the others (if any) in 类 (其中…
    年度报告1件,政策文件类3件,工作动态类40件,…解读回应类4类 under 主动公开政府信息共42条: the
    pieces of information counted as documents)? (The caller asks also that no candidate total
    counts in 件 or 份.)"""
    units = [g.claim.unit for g in parts if g.claim.kind == "count"]
    # (categories of information, 政策文件类3件, 工作动态类40件: not documents of their own, 新制定
    # 行政规范性文件15件, 现行有效的…102件, which a count of information does not hold)
    kinds = sum(1 for g in parts if g.claim.unit in PIECES and _CATEGORY_END.search(g.claim.subject or ""))
    return kinds >= 2 and all(u in ("件", "份", "类") for u in units)


_CATEGORY_END = regex.compile(r"(?:类|类信息|信息)$")


def _information_in_tiao(total: _Found) -> bool:
    """A count of information in 条 (主动公开政府信息共42条)."""
    return total.claim.unit == "条" and "信息" in (total.claim.subject or "")


# a short numbered heading sentence: 2、主要公开信息分类。 / （二）公开内容：
_ITEM_HEADING = regex.compile(
    r"\s*(?:\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])[^，。；,;\n\d]{1,16}[。：:]?\s*")


def _prev_text_end(nt: str, pos: int) -> int:
    """The last non-space position before `pos` (or 0)."""
    k = pos - 1
    while k > 0 and nt[k].isspace():
        k -= 1
    return max(k, 0)


def _next_item_mark(nt: str, m: regex.Match, quantities: list[_Found], starts: list[int]) -> bool:
    """收到申请12件，涉及规划的5件，涉及征收的7件: a word mark (涉及, 包括 …) after a count that
    the same word opened names the next item of one list, not a breakdown of that count; so does
    one after a 其中 item when its own count is larger (其中…解读109条，涉及…信息196条)."""
    word = m.group()
    if word == "其中":
        return False
    comma = nt.rfind("，", 0, m.start())
    comma = max(comma, nt.rfind(",", 0, m.start()))
    if comma < 0:
        return False
    lead = nt[clause_start(nt, comma):comma].lstrip()
    if lead.startswith(word):
        return True
    if not lead.startswith("其中"):
        return False
    before = _in_range(quantities, starts, comma - len(lead), comma)
    after = _in_range(quantities, starts, m.end(), _clause_end(nt, m.end()))
    return bool(before and after) and after[0].claim.value > before[-1].claim.value


def _group_heads(nt: str, parts: list[_Found], totals: list[_Found]) -> list[_Found]:
    """其中，省政府及其部门受理申请527件，答复525件，同意公开211件…；市、县政府及其部门受理申请
    8862件，答复8820件…: a 其中 list in ；-groups, each opened by a count that restates the
    total's words for one part of it and goes on with that part's own figures, breaks the total
    down by its group heads only. Else the parts as they are."""
    if len(parts) < 4 or not totals:
        return parts
    whole = _bigrams(totals[-1].claim.subject)
    groups: list[list[_Found]] = [[parts[0]]]
    for g in parts[1:]:
        if _SEMI.search(nt, groups[-1][-1].ne, g.ns):
            groups.append([g])
        else:
            groups[-1].append(g)
    if len(groups) < 2 or any(len(gr) < 2 for gr in groups):
        return parts
    heads = [gr[0] for gr in groups]
    if all(len(_bigrams(h.claim.subject) & whole) >= 2 for h in heads) and not any(
            len(_bigrams(g.claim.subject) & whole) >= 2 for gr in groups for g in gr[1:]):
        return heads
    return parts


_SEMI = regex.compile(r"[；;]")
_EACH_IN = regex.compile(r"各\s*\d")
# a bracket that compares with another year (比2017年底的9078项减少2450项, 较上年…, 同比…): held-out 183
_COMPARED = regex.compile(r"\s*[（(]\s*(?:比|较|同比|与)")
_BRACKET_PART = regex.compile(r"(?<=[（(]|[（(][^（）()]{0,12}[，,])\s*(?:包含|含|包括|其中)")
_EXTRA_MARK = regex.compile(r"[，,；;、]\s*(?:另有|另外|另|此外|以及另)")
_IN_WHOLE = regex.compile(r"在[^，。；,;]{1,40}?中[，,]?")
# the same container without 在, opening its sentence: 公开信息中，…19条，占比47.5%
_CLAUSE_WHOLE = regex.compile(r"\s*[^，。；,;\d]{2,20}?中[，,]")
_SINCE_START = regex.compile(r"历年|自\s*\d{4}\s*年以来|截至目前|截止目前")


def _since_start(nt: str, f: _Found, stops: str = _SENT_END) -> bool:
    """Is `f` a count since the start (历年累计…665条, 自2008年以来…), by the words of its
    clause (up to the last of `stops` before it)? (`f.cs` is that clause's start for the
    default stops: no search for it again.)"""
    start = f.cs if stops is _BOUNDARY else clause_start(nt, f.pre_start, stops)
    return _SINCE_START.search(nt, start, f.ns) is not None
_LIST_LEAD = regex.compile(
    r"(?:主要)?(?:类别|种类|类型|构成)(?:有|为|包括|如下)[：:]|(?:包括|分为|主要有)[：:]"
    r"|主要(?:类别|种类|类型|构成)[：:]")  # （二）主动公开政府信息的主要类别：…
# A list lead ends at a colon and holds no other: so every match ends at the first colon after
# its start, within `_LIST_LEAD_REACH` characters, and ends with one of the words every match
# holds (each of them ends with that colon).
_LIST_LEAD_COLONS = ("：", ":")
_LIST_LEAD_WORDS = required_literals(_LIST_LEAD, in_text=True)
_LIST_LEAD_REACH = match_reach(_LIST_LEAD)
# (the words' last two characters: most colons stand after none of them, and a lookup turns
# them down where `str.endswith` would try all 48 words)
_LIST_LEAD_TAILS = frozenset(w[-2:] for w in _LIST_LEAD_WORDS)


def _list_leads(nt: str) -> list[regex.Match[str]]:
    """The matches of `_LIST_LEAD.finditer(nt)` (`_ending_at` the colons)."""
    return _ending_at(_LIST_LEAD, nt, _LIST_LEAD_COLONS, _LIST_LEAD_WORDS, _LIST_LEAD_REACH,
                      _LIST_LEAD_TAILS)


def _parent_marks(nt: str) -> list[regex.Match[str]]:
    """The matches of `_PARENT_MARK.finditer(nt)` (`_ending_at` their words)."""
    return _ending_at(_PARENT_MARK, nt, _PARENT_MARK_ENDS, _PARENT_MARK_ENDS, _PARENT_MARK_REACH)


def _ending_at(rx: regex.Pattern, nt: str, anchors: tuple[str, ...], words: tuple[str, ...],
               reach: int, tails: frozenset[str] | None = None) -> list[regex.Match[str]]:
    """The matches of `rx.finditer(nt)`, looked for only where they can end, for a pattern whose
    every match is at most `reach` characters long, ends where one of `anchors` ends and ends
    with one of `words`, and whose matches at one start all end alike (so that no search cut at
    such an end finds a shorter one). The anchors are found by `str.find`, the words asked by
    `str.endswith`, and `rx` searched only in the `reach` characters before such an end, from
    the end of the last match (a match ending earlier was found at its own end): no regex scan
    of the whole text. (Each anchor's places are among those of its first character, found by
    one `str.find` pass for the anchors that share it: a pass costs about 4.5 instructions a
    character passed over looking for a character, about 7 for a longer string.) `tails`: the
    last two characters of each of `words` (each of two characters or more), one of which the
    text ends with where it ends with a word, looked up first."""
    out: list[regex.Match[str]] = []
    pos = 0  # (where the last match ended)
    for e in sorted(_anchor_ends(nt, anchors)):
        if (tails is None or nt[e - 2:e] in tails) and nt.endswith(words, 0, e):
            m = rx.search(nt, max(pos, e - reach), e)
            if m is not None:
                out.append(m)
                pos = m.end()
    return out


def _anchor_ends(nt: str, anchors: tuple[str, ...]) -> list[int]:
    """Where each place of each of `anchors` in `nt` ends (overlaps included, each anchor's
    places once), not in order: `[k + len(a) for a in anchors for k in find_all(nt, a)]`, with
    one `str.find` pass for the anchors that share a first character."""
    ends: list[int] = []
    for first, group in _by_first(anchors):
        places = find_all(nt, first)
        if group == (first,):  # (an anchor of one character: its places)
            ends += [k + 1 for k in places]
        else:
            ends += [k + len(a) for k in places for a in group if nt.startswith(a, k)]
    return ends


@lru_cache(maxsize=8)
def _by_first(anchors: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`anchors` (strings of one character or more) grouped by their first characters, in
    order (`_ending_at`)."""
    groups: dict[str, list[str]] = {}
    for a in anchors:
        groups.setdefault(a[0], []).append(a)
    return tuple((first, tuple(group)) for first, group in groups.items())


_RATE = regex.compile(r"(\p{Han}{1,5})率$")
# a rate whose base is a condition (到期/按期/按时/及时/期限内 办结率), not the stated counts
_TIMED_RATE = regex.compile(r"到期|按期|按时|及时|期限内|期内|时限内")
_LOOK_BACK = 600  # how far back (normalised characters) a stated whole may stand


def _overlap(a: str | None, b: str | None) -> int:
    return len(_bigrams(a) & _bigrams(b))


def _whole_before(nt: str, before: int, unit: str, probe: str | None, quantities: list[_Found],
                  starts: list[int], exclude: set[str], need: float = 0,
                  share: Claim | None = None) -> _Found | None:
    """The claim a share or a list is measured against when the sentence does not repeat it:
    the nearest earlier claim (same unit, within _LOOK_BACK) whose subject shares at least two
    character bigrams with `probe` (the part's subject, or the 在…中 phrase). Among those sharing
    as many, one that `share` (the part's 占X%, of a part of value `need`) fits to its printed
    decimals comes first. A whole smaller than its part is kept: that is the report's error."""
    best, best_key = None, (False, 2, False, False)
    head = _head(probe)
    tol = half_unit(share.text) + 1e-9 if share is not None and share.value is not None and need \
        else None
    for f in quantities[bisect_left(starts, before - _LOOK_BACK):]:
        if f.ne > before:
            break
        if f.claim.claim_id in exclude:
            continue
        if f.claim.unit != unit or f.claim.kind not in _COUNTED:
            continue
        fits = tol is not None and bool(f.claim.value) and \
            abs(need / f.claim.value * 100 - share.value) <= tol  # type: ignore[operator,union-attr]
        # (a count since the start, 历年累计…665条, only when no count of the year will do: a
        # year's categories are of the year's count, held-out 226)
        this_year = not _since_start(nt, f)
        key = (this_year, _overlap(head, _head(f.claim.subject)), fits, f.claim.parent is None)
        if key[1] >= 2 and key >= best_key:  # most shared words, a whole the share fits, a
            best, best_key = f, key  # total, the nearer
    return best


def _head(phrase: str | None) -> str:
    """The head of a noun phrase: its last 8 characters, without 在…中 / 的 around it."""
    if not phrase:
        return ""
    p = phrase.strip("，,：: ")
    p = _FRAME_WORDS.sub("", p)
    return p[-8:]


_FRAME_WORDS = regex.compile(r"^在|中$|的$")


def _implicit_wholes(nt: str, quantities: list[_Found], starts: list[int],
                     by_id: dict[str, _Found]) -> None:
    """占X% whose whole is stated earlier (县直各单位主动公开政府信息2475条，占62.2%; or
    在主动公开的信息中，…1条，占8%): find the whole, and make the part a part of it."""
    shared_parts = {f.claim.part for f in quantities if f.claim.part}
    containers: dict[int, _Found | None] = {}
    for f in quantities:
        c = f.claim
        if c.kind != "percent" or not c.part or c.whole or c.part not in by_id:
            continue
        g = by_id[c.part]
        ss = clause_start(nt, g.ns, _SENT_END)
        m = _IN_WHOLE.search(nt, ss, g.ns) or _CLAUSE_WHOLE.match(nt, ss, g.ns)
        whole = None
        if m is not None:  # 在…的2026条政府信息中: the whole is inside the phrase
            inside = [q for q in _in_range(quantities, starts, m.start(), m.end())
                      if q.ne <= m.end() and q.claim.unit == g.claim.unit]
            whole = inside[-1] if inside else None
        if whole is None:
            probe = m.group() if m is not None else g.claim.subject
            # a container the sentence names may itself be a part with a share of its own
            # (主动公开信息数40条，占比32.8%。公开信息中，…19条，占比47.5%)
            skip = {g.claim.claim_id} if m is not None else shared_parts
            whole = _whole_before(nt, ss, g.claim.unit, probe, quantities, starts, skip,
                                  need=g.claim.value or 0, share=c)
        if whole is None:
            key = clause_start(nt, f.ns, _SENT_END)
            if key not in containers:  # one container for all shares of the sentence
                containers[key] = _container_before(nt, f, quantities, starts, by_id,
                                                    shared_parts)
            whole = containers[key]
        if whole is None or whole is g:
            continue
        c.whole = c.parent = whole.claim.claim_id
        if g.claim.parent is None:
            g.claim.parent = whole.claim.claim_id
            g.claim.group = f"share@{whole.claim.claim_id}"


def _container_before(nt: str, share: _Found, quantities: list[_Found], starts: list[int],
                      by_id: dict[str, _Found], shared_parts: set[str]) -> _Found | None:
    """A list of shares with no whole named (予以公开…258件，占33.9%；不予公开35件，占4.34%；…):
    the whole is the nearest earlier total, in this or the previous sentence, of the same unit
    that can hold every listed part (答复…申请805件)."""
    ss = clause_start(nt, share.ns, _SENT_END)
    listed = [by_id[q.claim.part]
              for q in _in_range(quantities, starts, ss, _clause_end(nt, share.ns, _SENT_END))
              if q.claim.kind == "percent" and q.claim.part in by_id and not q.claim.whole]
    if len(listed) < 2:
        return None
    unit = listed[0].claim.unit
    need = sum(p.claim.value or 0 for p in listed if p.claim.unit == unit)

    def holds(c: Claim, exact: bool) -> bool:
        return (c.unit == unit and c.kind in _COUNTED and c.parent is None
                and c.claim_id not in shared_parts
                and ((c.value or 0) == need if exact else (c.value or 0) >= need))

    # the same sentence, before the first listed part: only a total the parts make up exactly
    # (接听154次来电，业务咨询126次(占比81.8%)，投诉28次(占比18.1%))
    first = min(p.ns for p in listed)
    for f in reversed(_in_range(quantities, starts, ss, first)):
        if f.ne <= first and holds(f.claim, exact=True):
            return f
    back = ss - 1  # past the stop (and a line break after it: 。\n) to the previous sentence
    while back > 0 and (nt[back - 1] in _SENT_END or nt[back - 1].isspace()):
        back -= 1
    prev_start = clause_start(nt, max(back, 0), _SENT_END)
    fitting = [f for f in reversed(_in_range(quantities, starts, prev_start, ss))
               if f.ne <= ss and holds(f.claim, exact=False)]
    if fitting:
        # the count the parts make up exactly first (申请共161件,办结168件。…信函申请133件,占82.6%;
        # 网络申请28件,占17.4%: of the 161, held-out 233), then the year's count before a count
        # since the start (共计38条,历年累计…665条), then the nearest
        return next((f for f in fitting if f.claim.value == need), None) or next(
            (f for f in fitting if not _since_start(nt, f)), fitting[0])
    # further back (a second breakdown after another one: 共收到申请1046件。其中，通过网站…。
    # 公民个人提出申请1030件，占98.5%；法人…16件，占1.5%): only a total the parts make up exactly
    for f in reversed(_in_range(quantities, starts, max(0, ss - _LOOK_BACK), prev_start)):
        if f.ne <= prev_start and holds(f.claim, exact=True):
            return f
    return None


def _category_lists(nt: str, quantities: list[_Found], starts: list[int]) -> None:
    """主要类别有：A类信息594条，B类信息281条… : the listed counts are parts of the total the
    lead-in names (…主动公开政府信息的主要类别有：)."""
    for m in _list_leads(nt):
        ss, se = _sentence_bounds(nt, m.start())
        parts = [f for f in _in_range(quantities, starts, m.end(), se)
                 if f.claim.kind in _COUNTED and f.claim.parent is None]
        if len(parts) < 2:
            continue
        lead = nt[ss:m.start()]
        # (not a count since the start, 历年累计主动公开…21264条: a list of a year's categories is of
        # the year's count, held-out 185)
        since = {q.claim.claim_id for q in _in_range(quantities, starts, max(0, ss - _LOOK_BACK), ss)
                 if _since_start(nt, q)}
        total = _whole_before(nt, ss, parts[0].claim.unit, lead, quantities, starts,
                              {p.claim.claim_id for p in parts} | since)
        if total is None:
            continue
        for p in parts:
            if p.claim.unit == total.claim.unit:
                p.claim.parent = total.claim.claim_id
                p.claim.group = f"list@{m.start()}"
                if "类别" not in p.claim.qualifiers:
                    p.claim.qualifiers.append("类别")


# any of the applicant words, or 法人 (one search for the alternation finds a match exactly
# when one of its branches matches somewhere)
_ANY_APPLICANT = regex.compile("|".join([rx.pattern for _, rx in APPLICANTS] + ["法人"]))


def _names_an_applicant(f: _Found) -> bool:
    return _ANY_APPLICANT.search(f.claim.subject or "") is not None


def _applicant_lists(nt: str, quantities: list[_Found], starts: list[int]) -> None:
    """收到政府信息公开申请3件,2件为自然人申请,1件为商业机构申请: counts that name applicants, clause
    after clause right after a count of requests in the same sentence, are its parts though no
    其中 says so (each in the total's counter, two at least or the whole list)."""
    for k, t in enumerate(quantities):
        c = t.claim
        if c.kind != "count" or c.parent is not None or \
                "申请" not in nt[t.cs:t.ns] + (c.subject or "") or _names_an_applicant(t):
            continue  # (the cheap test first: most counts name no request)
        se = _clause_end(nt, t.ns, _SENT_END)
        parts: list[_Found] = []
        for j in range(k + 1, len(quantities)):  # (islice would step over the k before)
            f = quantities[j]
            if f.ns >= se or f.claim.parent is not None or f.claim.unit != c.unit or \
                    not _names_an_applicant(f) or f.cs < (
                        parts[-1].ne if parts else t.ne):
                break
            parts.append(f)
        if len(parts) < 2 and not (parts and parts[0].claim.value == c.value):
            continue
        for f in parts:
            f.claim.parent, f.claim.group = c.claim_id, f"applicants@{t.ns}"


_TOTAL_AFTER = regex.compile(
    rf"(?:以上|上述|两项|三项|[两二三四五六七八九]类)?(?:{_SUM_WORDS})"
    r"(发布|公开|更新|办理|受理|收到|答复|报送|推送|录入)?")  # (used whole: fullmatch)
_TOTAL_AFTER_REACH = match_reach(_TOTAL_AFTER)  # (a longer lead is none)
_TOTAL_AFTER_NEEDS = _needs(_TOTAL_AFTER)  # (one stands in every match)


def _totals_after(nt: str, quantities: list[_Found], starts: list[int]) -> None:
    """网上申请105件，快递17件，合计122件: a total printed after the counts it sums is their
    parent. The total's clause is only the total word (and a verb: 共发布102条) and the count;
    the parts are the counts of the same counter right before it, one a clause, clause after
    clause, none a change; two at least. Parts already in a 其中 list of a larger total make a
    sublist with its own subtotal (…共188条。其中A1条、…其他3条,共发布102条;专栏包括…,共发布86条):
    the subtotal takes them and becomes the part of that total."""
    shared = {f.claim.part for f in quantities if f.claim.part}
    by_id = {f.claim.claim_id: f for f in quantities}
    for i, f in enumerate(quantities):
        c = f.claim
        if i < 2 or c.kind not in _COUNTED or c.direction is not None:
            continue
        cs = f.cs
        lead = nt[cs:f.pre_start].strip()
        m = _TOTAL_AFTER.fullmatch(lead) if len(lead) <= _TOTAL_AFTER_REACH and \
            may_hold(lead, _TOTAL_AFTER_NEEDS) else None
        # (a verb after the total word: only after a comma; ；共办理718件 states a new total)
        if m is None or (m.group(1) and nt[max(cs - 1, 0)] in "；;"):
            continue
        ss = clause_start(nt, cs, _SENT_END)
        parts: list[_Found] = []
        edge = cs  # the start of the clause after the next part
        for g in reversed(_in_range(quantities, starts, ss, cs)):
            gs = g.cs
            # (a part must end right before the next part's clause: so one a clause)
            if (g.ne > edge or nt[g.ne:edge].strip(" ，,、；;") or gs < ss
                    or g.claim.kind != c.kind or not same_counter(g.claim.unit, c.unit)
                    or g.claim.direction is not None
                    or (g.claim.parent is not None and not _of_a_larger_total(g, by_id, c))
                    or not _same_list(g, parts)):
                break
            parts.append(g)
            edge = gs
        if len(parts) < 2:
            continue
        outer = parts[0].claim.parent
        if outer is not None:  # a sublist of a larger total's list
            if any(g.claim.claim_id in shared for g in parts) or c.parent not in (None, outer) \
                    or sum(g.claim.value or 0 for g in parts) > (c.value or 0):
                continue
            c.parent, c.group = outer, parts[0].claim.group
            if "其中" in parts[0].claim.qualifiers and "其中" not in c.qualifiers:
                c.qualifiers.append("其中")
        for g in parts:
            g.claim.parent = c.claim_id
            g.claim.group = f"合计@{cs}"


def _subtotals_within(nt: str, quantities: list[_Found]) -> None:
    """其中网站发布信息3832篇,概况类269条,动态435条,目录3128条;微信14220篇,微博1083篇 under 19135条:
    a part followed by parts that add up to it exactly is their subtotal, when the list then
    makes up its total exactly and the flat list goes over it (held-out 179). The run becomes
    the part's own list. The first part may also head all the others without the total made up
    exactly when it counts the requests closed (共收到37件,其中33件已办结,答复27件,主动撤回6件:
    27 + 6 = 33, and 33 ≤ 37; held-out 203): the flat list goes over its total, the nested one
    does not. (Parallel kinds that happen to add up, A类5件,B类2件,C类3件, stay one list.)"""
    by_id = {f.claim.claim_id: f for f in quantities}
    groups: dict[tuple[str, str], list[_Found]] = {}
    for f in quantities:
        c = f.claim
        if c.parent and c.group and c.kind == "count" and c.value is not None:
            groups.setdefault((c.parent, c.group), []).append(f)
    for (parent, _), parts in groups.items():
        total = by_id.get(parent)
        if total is None or total.claim.value is None or len(parts) < 3:
            continue
        flat = sum(p.claim.value or 0 for p in parts)
        if flat <= total.claim.value:
            continue
        for i, head in enumerate(parts[:-2]):
            if not head.claim.value:
                continue
            run, acc = _run_under(parts, i)
            if len(run) < 2 or acc != head.claim.value:
                continue
            if flat - acc != total.claim.value and not (
                    i == 0 and len(run) == len(parts) - 1 and flat - acc < total.claim.value
                    and _CLOSED_LEAD.match(nt[head.ne:head.ne + 12].lstrip(" \t")) is not None):
                continue
            for g in run:
                g.claim.parent, g.claim.group = head.claim.claim_id, f"within@{head.ns}"
            break
        else:
            _subtotal_groups(parts, total.claim.value)


def _run_under(parts: list[_Found], i: int) -> tuple[list[_Found], float]:
    """The parts after parts[i] taken until they add up to parts[i]'s value or more, and their
    sum: the run parts[i] may be the subtotal of."""
    run, acc = [], 0.0
    for g in parts[i + 1:]:
        acc += g.claim.value or 0
        run.append(g)
        if acc >= (parts[i].claim.value or 0):
            break
    return run, acc


def _subtotal_groups(parts: list[_Found], total: float) -> None:
    """其中新闻栏目…5条,…2条,…3条;政策栏目…14条,…3条,…1条,…1条,…9条;信息公开栏目…85条,…2条,…1条,
    …82条 under 104条: several parts each followed by parts that add up to it exactly, the heads
    (and the parts no head takes) making up the total exactly (held-out 240). Each run becomes
    its head's own list; nothing changes unless the whole list is accounted for so."""
    nests: list[tuple[_Found, list[_Found]]] = []
    tops = 0.0
    i = 0
    while i < len(parts):
        head = parts[i]
        run, acc = _run_under(parts, i)
        tops += head.claim.value or 0
        if head.claim.value and len(run) >= 2 and acc == head.claim.value:
            nests.append((head, run))
            i += len(run) + 1
        else:
            i += 1
    if len(nests) < 2 or tops != total:
        return
    for head, run in nests:
        for g in run:
            g.claim.parent, g.claim.group = head.claim.claim_id, f"within@{head.ns}"


def _of_a_larger_total(g: _Found, by_id: dict[str, _Found], total: Claim) -> bool:
    """Whether `g`, a part already, may join a sublist closed by `total`: its own total is
    larger (that it stands in the list of the parts taken so far, `_same_list` asks)."""
    parent = by_id.get(g.claim.parent or "")
    return parent is not None and (parent.claim.value or 0) > (total.value or 0)


def _same_list(g: _Found, parts: list[_Found]) -> bool:
    """Whether `g` stands in the list of the parts taken so far: all of one parent (or none)."""
    return not parts or (g.claim.parent == parts[0].claim.parent
                         and g.claim.group == parts[0].claim.group)


def _frame_lists(nt: str, quantities: list[_Found], starts: list[int]) -> None:
    """在主动公开的90条政府信息中，…A类信息1条；B类信息10条；…: a frame that holds a count opens
    its sentence's list of that counter (no 其中 needed). Restatements of the frame's count
    (…信息数共90条) and changes are not items; two items at least, none already a part of
    another count."""
    if _FRAME_NEEDS is not None and not holds_any(nt, _FRAME_NEEDS):
        return
    for m in _FRAME.finditer(nt):
        inside = [f for f in _in_range(quantities, starts, m.start(), m.end())
                  if f.claim.kind == "count" and f.ne <= m.end()]
        if len(inside) != 1:
            continue
        total = inside[0]
        se = _clause_end(nt, m.end(), _SENT_END)
        items = [f for f in _in_range(quantities, starts, m.end(), se)
                 if f.claim.kind == "count" and same_counter(f.claim.unit, total.claim.unit)
                 and f.claim.direction is None]
        items = [f for f in items if not (f.claim.value == total.claim.value
                                          and _STATED_TOTAL.intersection(f.claim.qualifiers))]
        # an item a share already named as a part of the frame's count (…其他类信息1600条,占全年
        # 信息总数的99.98%) is still one of its items
        if len(items) < 2 or any(f.claim.parent not in (None, total.claim.claim_id) for f in items):
            continue
        if items[0].claim.value == total.claim.value:
            # 在受理的3件…中，3件属于网络平台申请，且2件…不属于…: the first item is all of them
            # (by one breakdown); what follows is another breakdown, not more of the same list
            continue
        for f in items:
            f.claim.parent = total.claim.claim_id
            f.claim.group = f"在…中@{m.start()}"
    for m in _BARE_FRAME.finditer(nt):
        se = _clause_end(nt, m.end(), _SENT_END)
        items = [f for f in _in_range(quantities, starts, m.end(), se)
                 if f.claim.kind == "count" and f.claim.direction is None]
        if len(items) < 2 or any(f.claim.parent is not None for f in items) or \
                any(not same_counter(f.claim.unit, items[0].claim.unit) for f in items):
            continue
        # the whole it names: the nearest earlier count whose words share two pairs with it
        total = _whole_before(nt, m.start(), items[0].claim.unit, m.group(1), quantities,
                              starts, {f.claim.claim_id for f in items})
        if total is None:
            continue
        for f in items:
            f.claim.parent = total.claim.claim_id
            f.claim.group = f"在…中@{m.start()}"


_FRAME = regex.compile(r"在[^，。；,;\n]{0,30}?\d[^，。；,;\n]{0,20}?中[，,]")
# 在主动公开的信息中, …: a frame that names its whole without its count (held-out 142)
_BARE_FRAME = regex.compile(r"在([^，。；,;\n\d]{2,20}?)(?:之)?中[，,]")
# one of these is in every text either frame is found in (中， or 中,): the others are skipped
# (`_BARE_FRAME` needs the same: tests/test_claims.py)
_FRAME_NEEDS = required_literals(_FRAME, in_text=True)


def _rates(nt: str, quantities: list[_Found], starts: list[int]) -> None:
    """办结率100% after 受理117件，办结171件: the rate is 办结 / 受理 (part / whole), both
    stated earlier in the same sentence."""
    for i, f in enumerate(quantities):
        c = f.claim
        if c.kind != "percent" or c.part:
            continue
        ss = clause_start(nt, f.ns, _SENT_END)
        m = _RATE.search(nt[max(ss, f.pre_start - 6):f.pre_start].rstrip("为达到是均"))
        if m is None or _TIMED_RATE.search(m.group(1)):
            # 到期办结率100%: of the requests already due, a base the sentence does not state
            continue
        stem = m.group(1)[-2:]
        earlier = [g for g in quantities[bisect_left(starts, ss):i] if g.claim.kind in _COUNTED]
        part_k = next((k for k in range(len(earlier) - 1, -1, -1)
                       if stem in nt[earlier[k].cs:earlier[k].ns]), None)
        if part_k is None or part_k == 0:
            continue
        part = earlier[part_k]
        # …受理5件,予以公开4件,不予公开1件,办结5件,办结率100%: a request outcome is no rate's base
        whole = next((g for g in reversed(earlier[:part_k]) if g.claim.unit == part.claim.unit
                      and not _OUTCOME_END.search(nt, g.cs, g.ns)),
                     None)
        if whole is not None and not _a_base_of(nt, whole, part):
            continue  # 发布政策解读信息28条;办结网民留言857条,办结率…: 28 is no base of 857
        if whole is None or _carried_over(whole.claim.subject):
            # …申请81件,上年结转申请2件,办结80件,办结率96.4%: the base is 81 + 2, not stated
            continue
        if _narrower_base(nt, f, stem, part, whole):
            continue
        c.part, c.whole = part.claim.claim_id, whole.claim.claim_id


# what came in, and totals: the counts a rate's base may be before the part's own ；-clause
_RECEIVED_WORDS = regex.compile(
    rf"{RECEIVING}|申请|来信|来访|来电|留言|诉求|咨询|投诉|举报|建议|提案|登记|总数|共计|合计|总计")
SEMI_STOPS = "。；;！？!?\n"


def _a_base_of(nt: str, whole: _Found, part: _Found) -> bool:
    """Can `whole` be the base of a rate over `part`? Yes in the part's own ；-clause; before
    it, when it counts what came in (受理, 收到, 留言 …) or a total, or names what the part's
    ；-clause names (a shared pair of characters)."""
    part_from = clause_start(nt, part.pre_start, SEMI_STOPS)
    if _published_only(nt, whole) and not _published_only(nt, part):
        return False  # 发布信息51条,回复在线留言60条,回复率100%: what went out is no base of replies
    if whole.ns >= part_from:
        return True
    lead = nt[clause_start(nt, whole.pre_start, SEMI_STOPS):whole.ns]
    if _RECEIVED_WORDS.search(lead) or _RECEIVED_WORDS.search(whole.claim.subject or ""):
        return True
    return bool(_bigrams(lead) & _bigrams(nt[part_from:part.ns]))


def _published_only(nt: str, f: _Found) -> bool:
    """Is `f`'s own clause led by publishing (发布, 公开 …) and by no receiving or handling?"""
    lead = nt[f.cs:f.ns]
    return _ACTIONS[0].search(lead) is not None and not any(
        rx.search(lead) for rx in _ACTIONS[1:])


def _narrower_base(nt: str, rate: _Found, stem: str, part: _Found, whole: _Found) -> bool:
    """发布…文件41件,配文解读32件,政策文件多形式解读率达到100%: the rate names its own base (政策
    文件…) that neither the part's nor the whole's clause names, so it is not part / whole of the
    counts before (主动公开13件,主动公开率 names the part; 公开率和解读率: one rate of a list)."""
    # the part names what it counts after the rate's stem, and the whole does not: 公开政府信息
    # 43条,其中主动公开公文信息2条,主动公开率100%: a rate of 公文, whose base is not stated (held-out
    # 211)
    part_words = nt[part.cs:part.ns]
    k = part_words.rfind(stem)
    own = _GENERIC_OBJECT.sub("", part_words[k + len(stem):]) if k >= 0 else ""
    if len(own) >= 2 and own not in nt[whole.cs:whole.ns]:
        return True
    cs = rate.cs
    lead = nt[cs:rate.pre_start]
    k = lead.rfind(stem + "率")
    lead = lead[:k] if k >= 0 else ""
    lead = _RATE_LEAD.sub("", _RATE_LIST.split(lead)[-1])
    if len(lead) < 2:
        return False
    return all(lead not in nt[g.cs:g.ns] for g in (part, whole))


# the words any count of information or requests has after its verb: no narrower object
_GENERIC_OBJECT = regex.compile(r"[的了各类等共计为]|政府|信息|申请|事项|件数|数量|情况|\s")


# words before a rate's stem that name no base of their own (全年办结率, 总体答复率)
_RATE_LEAD = regex.compile(r"^(?:全年|本年度?|年度|整体|总体|综合|平均|其中|的)+|的$")
_RATE_LIST = regex.compile(r"率(?:和|及|与|、)")


# counters of one kind of thing: items of information (其中…篇 parts of a total in 条)
# pieces of information: 条 / 篇 / 则, and 部 for documents among them (信息151条，其中…规范性文件14部)
_COUNTER_FAMILIES = (frozenset("条篇则部"),)


def same_counter(a: str | None, b: str | None) -> bool:
    """Do two units count the same kind of thing (equal, or 条 / 篇 / 则 / 部 for pieces of
    information)?"""
    return a == b or any(a in f and b in f for f in _COUNTER_FAMILIES if a and b)


_ITEM_LEAD = 12  # an enumerated part names itself in a few characters: ；不予公开5件
# (在微信公众号公布…: a channel of its own named with 在, held-out 143)
_MEANS = regex.compile(
    r"\s*(?:通过|依托|利用|借助|在(?=[^，,；;。]{0,12}(?:网站|公众号|微博|微信|客户端|公报|头条号|抖音|视频号)))")
# … or names a request outcome after its reason: ；因本机关不掌握相关信息而无法提供2件
# the outcomes of a request, as the forms name them
_OUTCOMES = "予以公开|部分公开|不予公开|无法提供|不予处理|其他处理"
_OUTCOME_END = regex.compile(rf"(?:{_OUTCOMES})(?:的)?$")


_NESTED_GAP = " \t，,：:；;。"
# 新增21项，总计21项: a count a list item restates as a row's total (总计 and no noun of its own) is
# no part of the list's total
_RESTATED = frozenset({"总计", "合计", "共计", "累计"})
_STATED_TOTAL = _RESTATED | {"共"}  # the qualifiers of a count stated as a total
# the outcome of a 复议 / 诉讼 count (结果维持6件, 尚未审结1件) counts cases of that count
_CASE = regex.compile(r"复议|诉讼")
_OUTCOME = regex.compile(r"(?:结果)?(?:维持|纠正|撤销|驳回|确认违法|责令履行|尚未审结|未审结|正在审理|其他结果)")


def _outcomes_to_their_case(parts: list[_Found]) -> list[_Found]:
    """因信息公开引发行政争议11件，其中，行政复议7件，结果维持6件，尚未审结1件；行政诉讼4件，…:
    the outcomes are parts of the 复议 / 诉讼 count before them, not of the list's total. Returns
    the list without them (their parent set)."""
    out: list[_Found] = []
    case: _Found | None = None
    for g in parts:
        if case is not None and _OUTCOME.match(g.claim.subject or "") and \
                same_counter(g.claim.unit, case.claim.unit):
            if g.claim.parent is None:
                g.claim.parent = case.claim.claim_id
                g.claim.group = f"outcome@{case.ns}"
            continue
        out.append(g)
        case = g if _CASE.search(g.claim.subject or "") else None
    return out
_REST = ("其他", "其它", "其余")
# a clause that names the channel it publishes on: 单位公示栏上公开…, 通过微信公众号发布…
_CHANNEL = (r"(?:公示栏|公开栏|宣传栏|公告栏|网站|微信公众号|公众号|微信|微博|政务新媒体|新媒体|报刊|报纸|"
            r"电视台?|电台|广播)")
# any word of a channel, for the list's first item (东莞税务局网页专栏主动公开2153条: a list of
# channels, whose later items name theirs too)
_CHANNEL_WORD = regex.compile(r"网|专栏|平台|栏|微信|微博|公众号|新媒体|抖音|头条|客户端|媒体|报|电视|电台|广播")
_CHANNEL_LED = regex.compile(
    rf"(?:通过|在|利用|依托|借助)?(?:[“\"「][^”\"」]{{1,14}}[”\"」])?\p{{Han}}{{0,6}}?{_CHANNEL}(?:上|中)?"
    rf"(?:平均)?(?:每[日天周月年]|日均|周均|月均)?(?:共|累计)?(?:公开|发布|张贴|公示|推送|刊登)")
# (通过“某某发布”微信公众号发布…, held-out 172; 微信公众号平均每周发布信息24条, held-out 186)
# (one of its verbs stands in every match: a lead without them is not asked)
_CHANNEL_LED_NEEDS = _needs(_CHANNEL_LED)
_RECEIVED_LED = regex.compile(rf"(?:共|全年|累计)?(?:{RECEIVING})")
_VERB_LED = regex.compile(r"(?:主动)?(?:公开|发布|印发|制发|开展|举办|召开|编制|报送|受理|收到|办理)")
# 其中(被市政府网站)采用5条: the share of the total that others took up, a part of its own
_TAKEN_UP = regex.compile(r"(?:被[^，,；;。、]{0,20})?(?:采用|采纳|转载|刊用|录用|刊发)")


def _until_rest(parts: list[_Found]) -> list[_Found]:
    """A 其中 list whose catch-all item (其他信息2084条) is followed by a clause led by a verb
    ends at the catch-all: the counts from there on are other facts (…其他信息2084条,主动公开
    文件597份,发布政策解读14篇)."""
    for k, f in enumerate(parts[:-1]):
        if (f.claim.subject or "").startswith(_REST) and \
                _VERB_LED.match(parts[k + 1].claim.subject or ""):
            return parts[:k + 1]
    return parts


def _nearest_count(quantities: list[_Found], i: int, ss: int, nt: str = "") -> _Found | None:
    """The nearest claim before quantities[i], from `ss` on, that is no share or change, nor
    inside a bracket closed before the share (子站信息3357条(机关信息633条、直属单位信息2724条),
    占…15.52%: the share is of 3357)."""
    opened, closed = -1, -1  # the last bracket that closes before the share
    if nt:
        closed = max(nt.rfind("）", ss, quantities[i].ns), nt.rfind(")", ss, quantities[i].ns))
        if closed >= 0:
            opened = max(nt.rfind("（", ss, closed), nt.rfind("(", ss, closed))
    for j in range(i - 1, -1, -1):
        g = quantities[j]
        if g.ns < ss:
            return None
        if opened >= 0 and opened < g.ns < closed:
            continue
        if g.claim.kind not in ("percent", "pp"):
            return g
    return None


_SHARE_AT = regex.compile(r"占")
_BOTH = regex.compile(r"以及|及|和|与")
_INFO_TAIL = regex.compile(r"(?:的)?(?:政府)?信息$")


def _names(words: str, g: _Found) -> bool:
    """Do `words` name what count `g` counts (one holds the other, 政府信息 aside)?"""
    subject = _INFO_TAIL.sub("", (g.claim.subject or "").strip())
    return len(subject) >= 2 and (subject in words or words in subject)


def _the_part_it_names(pre: str, nearest: _Found, earlier: list[_Found]) -> _Found | None:
    """…主动公开政府信息55条、依申请公开341条、不予公开41条，主动公开政府信息占比12.59%: a share whose
    own words name one of the sentence's counts is of that count, not of the nearest one
    (held-out 126); None when its words name two of them joined by 及/和 (a share of both,
    which no single count is)."""
    m = _SHARE_AT.search(pre)
    words = pre[:m.start()].strip() if m else ""
    if len(words) < 4:
        return nearest
    counts = [g for g in earlier if g.claim.kind in _COUNTED]

    def overlap(text: str, g: _Found) -> int:
        return len(_bigrams(text) & _bigrams(g.claim.subject))

    sides = [_INFO_TAIL.sub("", w) for w in _BOTH.split(words)]
    if len(sides) >= 2 and all(len(w) >= 2 for w in sides):
        named = [next((g for g in counts if _names(w, g)), None) for w in sides]
        if all(g is not None for g in named) and len({id(g) for g in named}) == len(named):
            return None
    best = max(counts, key=lambda g: overlap(words, g), default=nearest)
    return best if overlap(words, best) > overlap(words, nearest) + 1 else nearest


def _named_before(nt: str, words: str, ss: int, earlier: list[_Found]) -> _Found | None:
    """The count a share names when its own sentence has none (…其中主动公开政府信息198条，…。
    主动公开的政府信息占41.5%): the earlier count of the same paragraph, within `_NAMED_BACK`
    characters, whose subject shares the most character bigrams (at least `_NAMED_MIN`) with
    the share's words; the nearest of those."""
    lo = max(nt.rfind("\n", 0, ss) + 1, ss - _NAMED_BACK)
    probe = _bigrams(words)
    best, best_n = None, _NAMED_MIN - 1
    for g in reversed(earlier):
        if g.ns < lo:
            break
        if g.claim.kind != "count":
            continue
        n = len(probe & _bigrams(g.claim.subject))
        if n > best_n:
            best, best_n = g, n
    return best


_NAMED_BACK = 300
_NAMED_MIN = 3


def _carried_both_ways(total: _Found, part: _Found) -> bool:
    """Is `part` carried forward (结转下年度9件) and `total` carried over (上一年度结转2件)? The
    requests moved into next year are never a part of those moved in from last year."""
    return _carried_over(total.claim.subject) and _carried_forward(part.claim.subject)


def _of_the_caseload(totals: list[_Found], part: _Found) -> bool:
    """收到申请59件,上年度结转2件,其中结转2024年度7件,其余54件全部按时答复: after last year's
    carry-over, what was carried forward or done with the rest is a part of the year's whole
    caseload (59 + 2), which the text does not state; no count before it is its total."""
    if totals and _carried_over(totals[-1].claim.subject) and totals[-1].claim.parent is None \
            and (part.claim.value or 0) > (totals[-1].claim.value or 0):
        # 收到…19件,上年结转1件,其中自然人提交申请20件,…: a part larger than the carry-over it
        # follows is of the whole caseload (held-out 211); not so after 办结177件(含…结转的3件)
        return True
    return any(_carried_over(t.claim.subject) for t in totals) and (
        _carried_forward(part.claim.subject)
        or _THE_REST.match((part.claim.subject or "").lstrip()) is not None)


@lru_cache(maxsize=2)
def _carry_rx(rule: str) -> regex.Pattern:
    """The words of last year's carry-over (`requests.carried_over`) or of the carry into next
    year (`requests.carried_forward`): the indicator rules' own patterns, one place for both."""
    return next(regex.compile(p["regex"]) for p in read_pattern_file("indicators")["pattern"]
                if p["id"] == rule)


@lru_cache(maxsize=1 << 12)
def _carried_over(words: str | None) -> bool:
    """Do `words` name last year's carry-over? (A pure function of them, cached: a list's
    totals are asked about for each of its parts, 15,760 calls and 2,798 strings a corpus pass.)"""
    return _carry_rx("requests.carried_over").search(words or "") is not None


def _carried_forward(words: str | None) -> bool:
    return _carry_rx("requests.carried_forward").search(words or "") is not None


_THE_REST = regex.compile(r"其余|剩余|余下")


_REVIEW_WORDS = regex.compile(r"复议|诉讼")  # (行政复议, 行政诉讼)
# (its words: a literal alternation finds a match where one of them stands, `in` tests asked
# for each item of a list instead of a `regex` search)
_REVIEW_NEEDS = literal_words(_REVIEW_WORDS.pattern)
_CLOSING = "办结|答复|办理完毕|完成办理"
_CLOSED_WORDS = regex.compile(_CLOSING)  # a count of the requests closed
# a clause led by a request's outcome (予以公开2件, 部分公开1件 …)
_OUTCOME_LEAD = regex.compile(rf"(?:其中)?(?:同意公开|{_OUTCOMES})")
# a clause led by closing the requests (已办结68件, 均已答复): their outcome, not where they came from
_CLOSED_LEAD = regex.compile(rf"(?:已经|已|均已|全部|共|累计)?(?:按时|按期|及时|依法)?(?:{_CLOSING}|回复)")


def _until_new_statement(nt: str, q: int, parts: list[_Found], totals: list[_Found]
                         ) -> list[_Found]:
    """A 其中 list ends, after a count of a counter no total has (新开设专栏6个, 发布规范性文件2件,
    征集调查11期), at a comma clause led by a verb (发布解读信息44条) or by its own means of
    publishing (利用电子屏发布信息108条) where the list's first item was not: another fact of the
    sentence, not one more item (…信息更新量为5403条,新开设专栏6个,发布解读信息44条).
    It also ends, whatever the counters, at a ；-clause led by a verb of receiving where the
    first item was not (…目录信息更新量1100条;收到县长信箱留言51条,回复办理51条): what came
    in is not a part of what went out. Other verbs may lead items of a ；-list
    (…;主动公开规范性文件信息50条; …;发布震情信息48条,科普信息13条;答复公众留言33条). And
    it ends at a clause that publishes on a channel of its own where the first item named none
    (…其中文件类6条,…行政执法类30条,单位公示栏上公开财务公开15条). A first item that others
    took up (其中采用5条) ends the list at the next ；-clause (…;发布工作动态32条: a new fact)."""
    if len(parts) < 2:
        return parts  # (every test below is of an item after the first: none ends a list of one)
    first = nt[q:parts[0].pre_start].removeprefix("其中").lstrip(" \t，,：:") if parts else ""
    verb_led, means = _VERB_LED.match(first), _MEANS.match(first)
    taken_up = _TAKEN_UP.match(first) is not None
    received, channel = _RECEIVED_LED.match(first), _CHANNEL_WORD.search(first)
    carried_first = _carried_over(first)
    # (only a list of requests: 不予公开信息数9条 is an item of a list of information made)
    outcome_first = _OUTCOME_LEAD.search(first) is not None or not (
        totals and "申请" in (totals[-1].claim.subject or ""))
    review_first = _REVIEW_WORDS.search(first) is not None
    # 共办结…733件,其中予以公开238件,…,转接下年度办理45件: what is carried into next year is no
    # outcome of the requests closed (held-out 125)
    closed_total = bool(totals) and _CLOSED_WORDS.search(
        nt, totals[-1].cs, totals[-1].ns) is not None
    for k in range(1, len(parts)):
        gap = nt[parts[k - 1].ne:parts[k].pre_start]
        semi = max(gap.rfind("；"), gap.rfind(";"))
        cs = parts[k].cs
        own = nt[cs:parts[k].pre_start] if cs > parts[k - 1].ns else None  # its own clause's lead
        if own is not None and not review_first and holds_any(own, _REVIEW_NEEDS):
            return parts[:k]  # …信函申请5件,发生行政复议1件: another table block, not one more part
        if own is not None and closed_total and _carried_forward(own) and not _carried_forward(first):
            return parts[:k]
        if own is not None and not carried_first and _carried_over(own):
            # 其中自然人申请件12件,法人或其他组织申请件0件,上年度结转…申请0件: last year's requests
            # are the balance's next row, not one more applicant
            return parts[:k]
        if own is not None and (carried_first or received or channel) and \
                _CLOSED_LEAD.match(own.lstrip(" \t")):
            # 其中上年结转3件,已办结68件 / 其中通过政府网站申请9件、…邮寄…申请2件,…,按时办结11件
            # (held-out 201): what was closed is no origin or channel of the requests
            return parts[:k]
        if semi >= 0 and not outcome_first and _OUTCOME_LEAD.match(gap[semi + 1:].lstrip(" \t")):
            return parts[:k]  # …系统收到11件,局长信箱收到2件;予以公开2件,…: the outcomes are another
            # breakdown of the same requests, not more channels (held-out 169)
        if not received and semi >= 0 and _RECEIVED_LED.match(gap[semi + 1:].lstrip(" \t")):
            return parts[:k]
        if taken_up and semi >= 0:
            return parts[:k]  # 发布部门动态38条,其中采用5条;发布工作动态32条: not one more part
        if own is not None and not channel and may_hold(own, _CHANNEL_LED_NEEDS) and \
                _CHANNEL_LED.match(own.lstrip(" \t")):
            return parts[:k]  # …行政执法类30条,单位公示栏上公开财务公开15条: another channel's count
    # …概况类信息数9条,发布政策解读稿件5篇: a verb-led clause in another counter than the first
    # item's is another fact, not an item (the items after it stay)
    parts = [f for k, f in enumerate(parts) if not (
        k > 0 and not verb_led and f.claim.unit != parts[0].claim.unit
        and f.cs > parts[k - 1].ns
        and _VERB_LED.match(nt[f.cs:f.pre_start].lstrip(" \t")))]
    units = [t.claim.unit for t in totals]
    if all(any(same_counter(u, f.claim.unit) for u in units) for f in parts):
        return parts  # no count of another counter: nothing interrupts the list
    interrupted = False
    for k, f in enumerate(parts):
        if not any(same_counter(u, f.claim.unit) for u in units):
            interrupted = True
            continue
        cs = f.cs
        if not interrupted or k == 0 or cs <= parts[k - 1].ns:
            continue  # (in the previous item's clause: 行政复议6件和行政诉讼3件)
        lead = nt[cs:f.pre_start].lstrip(" \t")
        if (not verb_led and _VERB_LED.match(lead)) or (not means and _MEANS.match(lead)):
            return parts[:k]
    return parts


def _list_item(nt: str, total: _Found, ss: int, quantities: list[_Found],
               starts: list[int]) -> bool:
    """Is `total` itself the third item or later of a flat list? Two counts of the same counter
    stand before it in earlier comma clauses of its sentence or ；-clause (政务要闻285条,通知公告
    303条,部门、镇动态3718条). One count before it may be its own total (收到申请81件，办结81件，
    涉及自然人80件)."""
    cs = total.cs
    ss = max(ss, clause_start(nt, cs, "；;"))  # a ；-clause is a sentence here
    return sum(1 for g in _in_range(quantities, starts, ss, cs)
               if g.ne <= cs and g.claim.kind in _COUNTED
               and same_counter(g.claim.unit, total.claim.unit)) >= 2


def _from_to(nt: str, quantities: list[_Found], starts: list[int], lo: int, hi: int
             ) -> set[str]:
    """The claim ids of the counts of from→to pairs in [lo, hi) (流程由原来的11条精简为5条,
    从10项减少到4项): a change of one thing, never two parts of a list."""
    out: set[str] = set()
    found = _in_range(quantities, starts, lo, hi)
    for a, b in pairwise(found):
        gap, lead = nt[a.ne:b.pre_start], nt[a.cs:a.pre_start]
        # (each pattern asked only where one of the strings its matches hold stands)
        if may_hold(gap, _TO_NEEDS) and may_hold(lead, _FROM_NEEDS) and _TO.search(gap) and \
                _FROM.search(lead):
            out.update((a.claim.claim_id, b.claim.claim_id))
    return out


_FROM = regex.compile(r"(?:由|从)(?:原来|原先|过去|原)?(?:的)?$")
_TO = regex.compile(r"^(?:[^，,；;。\d]{0,6})?(?:精简|减少|压缩|缩短|缩减|降低|下降|降|增加|增|提高|"
                    r"提升|扩大|调整|优化)(?:了)?(?:为|到|至)$")
_FROM_NEEDS, _TO_NEEDS = _needs(_FROM), _needs(_TO)


def _upper_bound(c: Claim) -> float:
    """The largest value a count may stand for: 200余篇 for less than 300, 1600多 for less than 1700."""
    v = float(c.value or 0)
    if c.value_max is not None:
        return float(c.value_max)
    if c.approx is None or v <= 0 or v != int(v):
        return v
    step = 1
    while int(v) % (step * 10) == 0:
        step *= 10
    return v + step


def _beyond_the_head(parts: list[_Found], head: _Found) -> tuple[list[_Found], list[_Found]]:
    """…新闻媒体200余篇,其中国家级媒体55篇,…,微信公众号共发布文章473篇,门户网站发布信息265条: the
    first count of the head's counter that is larger than the head cannot be one of its parts;
    the nested list ends before it (the counts from there on are (parts, the rest))."""
    bound = _upper_bound(head.claim)
    for k, f in enumerate(parts):
        if same_counter(f.claim.unit, head.claim.unit) and float(f.claim.value or 0) > bound:
            return parts[:k], parts[k:]
    return parts, []


def _back_to_the_outer_list(rest: list[_Found], head: _Found, by_id: dict[str, _Found]) -> None:
    """The counts after a nested list's end are more items of the list the head belongs to."""
    outer = by_id.get(head.claim.parent or "")
    if outer is None:
        return
    for g in rest:
        if g.claim.parent is None and g.claim.kind == head.claim.kind and \
                same_counter(g.claim.unit, outer.claim.unit):
            g.claim.parent, g.claim.group = outer.claim.claim_id, head.claim.group
            if "其中" not in g.claim.qualifiers:
                g.claim.qualifiers.append("其中")


def _holds(part: _Found, parts: list[_Found], quantities: list[_Found]) -> bool:
    """Can `part` (itself a part of an earlier list) be the total of `parts`?"""
    if sum(1 for f in quantities if f.claim.group == part.claim.group) == 1:
        return True
    same = [f.claim.value or 0 for f in parts if same_counter(f.claim.unit, part.claim.unit)]
    return bool(same) and sum(same) <= (part.claim.value or 0)


def _list_sum(parts: list[_Found], totals: list[_Found]) -> tuple[float, list[_Found]]:
    """The sum of a 其中 list's free parts in the first part's unit, and the free candidate
    totals in that unit (none without parts)."""
    if not parts:
        return 0, []
    unit = parts[0].claim.unit
    total = sum(p.claim.value or 0 for p in parts if p.claim.unit == unit and p.claim.parent is None)
    return total, [t for t in totals if t.claim.parent is None and t.claim.kind in _COUNTED
                   and t.claim.unit == unit]


def _of_all_together(parts: list[_Found], totals: list[_Found]) -> bool:
    """共公开信息35条,更新1条,其中…1条…19条…16条: parts that add up to exactly all the
    candidate totals of their unit together (two or more), and to none of them alone, are of
    no one of them."""
    total, same_unit = _list_sum(parts, totals)
    return len(same_unit) >= 2 and total == sum(t.claim.value or 0 for t in same_unit) and \
        not any(t.claim.value == total for t in same_unit)


def _default_total(parts: list[_Found], totals: list[_Found], *, opens: bool = False,
                   right_after: bool = False) -> _Found | None:
    """The total a 其中 list belongs to when its parts do not name one: the candidate whose
    value the parts add up to, if exactly one does (受理1295件，办结1191件。其中，… = 1191);
    otherwise the nearest total before the 其中. When the 其中 opens its sentence (`opens`: the
    candidates are the previous sentence's counts), the nearest that can hold the parts comes
    first (受理57件…；完成答复54件,转下一年度3件。其中…6件: not the 3); when none of several can
    but all of them together can, none is the total (按时办结517件,延期办结8件。其中… = 525: the
    parts are of both); when not even all together can, the nearest stays (a contradiction).
    (Parts that add up to exactly all the candidates together, `_of_all_together`, are of none
    of them: the caller asks that first.) A 其中 right after a count (`right_after`: nothing but
    a comma between) is that count's."""
    total, same_unit = _list_sum(parts, totals)
    last = totals[-1] if totals else None
    if right_after and parts and last is not None and last.claim.value and last.claim.parent is None \
            and last.claim.kind in _COUNTED and same_counter(last.claim.unit, parts[0].claim.unit):
        # (not a zero: 被行政复议5宗、行政诉讼0宗,其中2宗维持…: the parts are the 5's; a count in
        # 篇 holds parts in 条: 网站发布政务信息1024篇,其中…696条, held-out 187)
        # 主动公开信息数72条,其中在网站公开12条,…72条: the count the 其中 follows in its clause,
        # even when an earlier total happens to equal the parts (held-out 191)
        return last
    fits = [t for t in same_unit if t.claim.value == total]
    if len(fits) == 1:
        return fits[0]
    if opens:
        holding = [t for t in same_unit if (t.claim.value or 0) >= total]
        if holding:
            return holding[-1]
        if len(same_unit) >= 2 and total <= sum(t.claim.value or 0 for t in same_unit):
            return None  # 按时办结517件,延期办结8件。其中…(525): of both together, of no one
    return same_unit[-1] if same_unit else None


def _in_range(quantities: list[_Found], starts: list[int], lo: int, hi: int) -> list[_Found]:
    """The claims with lo <= start < hi (normalised offsets), in text order (`starts` are
    their sorted starts)."""
    return quantities[bisect_left(starts, lo):bisect_left(starts, hi)]


# sent to another body (；向荆州市政务网报送信息81篇): no item of a list of what was published
_SENT_TO = regex.compile(r"\s*(?:共|累计|全年)?向[^，,；;。]{1,20}?(?:报送|上报|报)")
# a total word followed by more words (共办理, 累计发布): a clause that states a new total; one right
# before the number (财政预算、决算报告共7条) is the item's own
_NEW_TOTAL_LEAD = regex.compile(rf"(?:{_GONG}|累计|合计|总计)(?!计?\s*$)")


def _parallel_end(nt: str, q: int, scope_end: int, quantities: list[_Found],
                  starts: list[int]) -> int:
    """Cut a 其中 scope at the first ；-clause that is not one more item of the list: its first
    number comes after a long lead (；因政府信息公开引起的行政复议案件2件 starts a new topic)."""
    pos = q
    head = next(iter(_in_range(quantities, starts, q + 1, scope_end)), None)
    tail = (head.claim.subject or "")[-2:] if head is not None else ""
    while True:
        semi = min((x for x in (nt.find("；", pos, scope_end), nt.find(";", pos, scope_end))
                    if x >= 0), default=-1)
        if semi < 0:
            return scope_end
        first = next(iter(_in_range(quantities, starts, semi + 1, scope_end)), None)
        if first is None:
            return scope_end
        lead = nt[semi + 1:first.pre_start]
        if "其他" in lead or "其它" in lead:  # the rest category closes the list: a part
            pos = semi + 1
            continue
        # ；通过“高淳发布”新浪微博发布…6012条: a clause that names its own means of publishing
        # starts a new statement when the list's first item did not
        first_lead = nt[q:head.pre_start].lstrip("其中，,：: ") if head is not None else ""
        if _MEANS.match(lead) and head is not None and not _MEANS.match(first_lead):
            return semi
        # 其中发布原创微博11条,转发微博109条;收到微博投诉12条: what was received is not one of the
        # items published (nor the other way round)
        # (the first item names no action: 其中当面申请10件 — the total's clause does)
        action = first_lead if _action_of(first_lead) is not None else \
            nt[clause_start(nt, max(q - 1, 0)):q]
        if _other_action(action.lstrip(" \t"), lead.lstrip(" \t")):
            return semi
        # a long item still belongs to the list when it ends like the list's first item
        # (…社保就业类信息152条 after 行政许可类信息137条) or names a request outcome
        parallel = len(tail) == 2 and lead.endswith(tail)
        too_long = len(lead) > _ITEM_LEAD and not _OUTCOME_END.search(lead) and not parallel
        if too_long or _LEAD_STOP.search(lead):
            return semi
        if _NEW_TOTAL_LEAD.search(lead) and not (
                _NEW_TOTAL_LEAD.search(first_lead) and not _NEW_TOTAL_LEAD.match(lead.lstrip(" \t"))):
            # ；共办理718件: a new total (…；决算报告共7条: an item; …；政策解读共解读25条 after
            # 其中财政资金信息共公开257条: an item worded as the first one, held-out 199)
            return semi
        if _SENT_TO.match(lead):  # (held-out 187)
            return semi
        pos = semi + 1


_LEAD_STOP = regex.compile(r"[，,：:]")
# the actions a list's items and a ；-clause may be led by: publishing, receiving, handling
_ACTIONS = (
    regex.compile(r"(?:主动)?(?:公开|发布|转发|推送|更新|上传|刊登|刊发|印发|制发)"),
    regex.compile(r"(?:共|累计|全年共?)?(?:收到|接到|受理|新收)"),
    regex.compile(r"(?:已|共|累计)?(?:办理|答复|回复|办结)"),
)


def _action_of(s: str) -> int | None:
    """Which of `_ACTIONS` `s` starts with (None: no verb of them)."""
    return next((k for k, rx in enumerate(_ACTIONS) if rx.match(s)), None)


def _other_action(first: str, lead: str) -> bool:
    """Do `first` and `lead` start with verbs of two different actions (publishing, receiving,
    handling)?"""
    a, b = _action_of(first), _action_of(lead)
    return a is not None and b is not None and a != b


def _bracket_close(nt: str, q: int) -> int | None:
    """If `q` is inside an open （ of its sentence, the offset of the closing bracket."""
    before = nt[clause_start(nt, q, _SENT_END):q]
    # (no bracket opens before it, as before most marks: no walk)
    if ("（" in before or "(" in before) and _left_open(before):
        return _clause_end(nt, q, "）)" + _SENT_END)
    return None


def _left_open(before: str) -> bool:
    """Does `before` leave a bracket open at its end?"""
    depth = 0
    for ch in reversed(before):
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return True
            depth -= 1
    return False


_LIST_SEP = regex.compile(r"、|以及|和|及|与|或")


def _respective_shares(nt: str, quantities: list[_Found], starts: list[int]) -> dict[str, str]:
    """{share claim id: part claim id} for shares listed after 分别 (…本局信息4条,采购信息1600条,
    占…比例分别为2%和98%): the k-th share is of the k-th of as many counts, of one unit, that
    stand before 分别 in the sentence."""
    out: dict[str, str] = {}
    if "分别" not in nt:
        return out
    for m in _RESPECTIVELY_MARK.finditer(nt):
        ss, se = _sentence_bounds(nt, m.start())
        shares: list[_Found] = []
        pos = m.end()
        for f in quantities[bisect_left(starts, m.end()):]:
            if f.ns >= se or f.claim.kind != "percent" or _NOT_A_SHARE_GAP.search(nt, pos, f.pre_start):
                break
            shares.append(f)
            pos = f.ne
        if len(shares) < 2:
            continue
        counts = [f for f in _in_range(quantities, starts, ss, m.start()) if f.ne <= m.start()
                  and f.claim.kind not in ("percent", "pp")]
        if len(counts) < len(shares):
            continue
        counts = counts[-len(shares):]
        if len({g.claim.unit for g in counts}) != 1:
            continue
        for share, g in zip(shares, counts, strict=True):
            out[share.claim.claim_id] = g.claim.claim_id
    return out


_RESPECTIVELY_MARK = regex.compile(r"分别")
_NOT_A_SHARE_GAP = regex.compile(r"[^、，,和及与为是占达\s]")
_NOT_A_LIST_GAP = regex.compile(r"[^、，,和及与为是\s]")


def _respectively(nt: str, quantities: list[_Found], starts: list[int], r: Rules) -> None:
    for p in r.by_role("respectively"):
        for m in p.rx.finditer(nt):
            se = _clause_end(nt, m.start(), _SENT_END)
            # the listed claims: right after 分别, separated only by list punctuation
            items: list[_Found] = []
            pos = m.end()
            for f in quantities[bisect_left(starts, pos):]:  # (those from `pos` on)
                if f.ns >= se or _NOT_A_LIST_GAP.search(nt, pos, f.pre_start):
                    break
                items.append(f)
                pos = f.ne
            if len(items) < 2:
                continue
            cs = clause_start(nt, m.start(), "，。；,;：:\n（）()")
            head = _clean_subject(nt[cs:m.start()], r)
            names = [n for n in _LIST_SEP.split(head) if n]
            if len(names) != len(items):
                continue
            # a shared head noun: 网络申请和信函申请 → fine as is; 网络和信函申请 → add it
            for f, name in zip(items, names, strict=True):
                f.claim.subject = name
                if "分别" not in f.claim.qualifiers:
                    f.claim.qualifiers.append("分别")
