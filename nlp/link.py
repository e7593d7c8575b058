"""link: claims → canonical indicators → table cells.

Every claim gets `indicator` (a canonical id or None), whether or not the report has a table:
rules first (`nlp/patterns/indicators.toml`: subject and clause wording, unit, template), then
the indicator classifier, when a trained model is available, decides claims the rules leave
open. Where the report has cells, each claim with an indicator links to the cell of that id
(several claims may link to one cell; a 其中 part has its own id, so it links to the part's cell).

Zero statements in words that name two things (未发生行政复议和行政诉讼) link to both cells.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

import regex

from nlp.data import load_toml
from nlp.extract.claims import APPLICANTS, NEXT_COUNT, RECEIVING, SEMI_STOPS, clause_start
from nlp.records import Cell, Claim, Link, Report, Section
from nlp.scan import (
    REGEX_SPACE,
    LeftmostFirst,
    PatternFilter,
    any_text_scanner,
    end_reach,
    first_char_list,
    holds_any,
    last_chars,
    least_needs,
    may_end,
    may_hold,
    required_literals,
    search_near_end,
    top_level_branches,
)
from nlp.segment.structure import heading_title  # (it imports nothing of link)

PATTERNS = Path(__file__).parent / "patterns" / "indicators.toml"
# a window up to its last clause break: `.*` takes the whole window, then gives back characters
# until a break ends the match (None: no break); the stdlib `re` does it in fewer instructions
# than a search from the end by `regex` (tests/test_speed_link.py compares both)
_UP_TO_LAST_CLAUSE_BREAK = re.compile(r".*[，,；;。！？!?\n]", re.S)
_NEXT_COUNT_AFTER = regex.compile(r"其中|\d+(?:\.\d+)?\s*(?:件|条|项|个|宗|份|次|人|篇)")
# how a verb after the number is done: on time, by law, within the legal time limit
_MANNER = regex.compile(r"(?:已经?|均已|均|全部|都)?(?:按(?:照)?(?:规定|要求|时|期)|依法(?:依规)?|在法定(?:期限|时限)内|及时)")
_CUTS = "，,；;。！？!?\n（(【["
_AFTER_BREAK = regex.compile(f"[{regex.escape(_CUTS)}]|(?<!专)、")  # not 专、兼职
# the characters `_AFTER_BREAK` cuts at where they open a text (、 too: nothing before it)
_BREAK_CHARS = _CUTS + "、"
# a reason clause right after a count (…3件，因不掌握相关政府信息 / （因属于国家秘密）)
# (or the role of the people just counted: 安排工作人员1名,负责政府信息公开的日常工作, held-out 187)
_REASON_WORDS = r"(?:因|由于|原因(?:是|为)|系|(?<=[，,]\s*)(?:专门|具体)?负责)"
_REASON_AFTER = regex.compile(rf"\s*[，,（(]\s*({_REASON_WORDS}[^，,；;。！？!?\n（()）]{{1,30}})")
# a result's reason in brackets after its count, in the form's words (无法提供10件(本机关不掌握相关政府
# 信息), held-out 241)
_BRACKETED_WORDS = r"(?:本(?:机关|单位|部门)|不属于|属于|没有现成|信访|重复申请|申请内容)"
_BRACKETED_REASON = regex.compile(rf"\s*[（(]\s*({_BRACKETED_WORDS}[^，,；;。！？!?\n（()）]{{1,30}})[)）]")
# what a match of `_REASON_AFTER` or `_BRACKETED_REASON` begins with, after its white space
_REASON_OPENERS = "，,（("
# and the characters their words begin with, after the opener and white space (None: not known)
_REASON_FIRSTS = (first_char_list(_REASON_WORDS), first_char_list(_BRACKETED_WORDS))
_REASON_FIRST = None if None in _REASON_FIRSTS else frozenset("".join(_REASON_FIRSTS))
_OWN_COUNT = regex.compile(r"[\d零〇一二两三四五六七八九十百千]+\s*(?:件|条|次|个|项|宗|起|人|份|例)")
TEMPLATES = ("pre2019", "2019", "2021", "local")


_NOT_A_LEVEL = ("percent", "pp", "multiple", "duration")  # shares and rates: never a cell's level


@dataclass(frozen=True)
class IndicatorRule:
    id: str
    pattern: regex.Pattern
    units: frozenset[str]
    indicators: tuple[tuple[str, str], ...]  # (template, indicator id)
    sentence: regex.Pattern | None = None  # must match the sentence before the claim
    sections: frozenset[str] = frozenset()  # section kinds the rule is limited to (empty: any)
    exclude: regex.Pattern | None = None  # must NOT match the clause before it nor the subject
    # the id is a reading of a looser word (受理 N件 as 本年新收): a 其中 part whose own rule names
    # the same id (其中本年新收N件) takes it over
    yields: bool = False
    part: bool = False  # only for 其中 parts (claims with a parent)
    whole: bool = False  # gives no id to 其中 parts (其中按期办结36件 is not the handled total)
    # `split = true`: the pattern's top-level branches, scanned one by one (same matches)
    branches: LeftmostFirst | None = None
    # how far before a text's end a match can begin, for a pattern whose every match ends at
    # the end (`nlp.scan.end_reach`; None: anywhere): it is asked from there
    reach: int | None = None
    # with a `reach`: the characters a match ends with (`nlp.scan.last_chars`; None: not known):
    # a text whose last one (before a final line break) is none of them holds no match
    ends: frozenset[str] | None = None
    # what `last_end` and `first_start` search with: the pattern's `nlp.scan.any_text_scanner`
    # (the stdlib `re`: the same matches on any text, in about half the instructions of `regex`
    # on a clause), or the pattern itself where it has none (None: the pattern)
    scan: Any = None
    # `sentence` and `exclude` as `_meets_conditions` searches them: each one's
    # `any_text_scanner`, or the pattern itself (None: no condition)
    sentence_scan: Any = None
    exclude_scan: Any = None

    def last_end(self, text: str) -> int | None:
        """The end of the last match of `pattern.finditer(text)` (None: no match). (With a
        `reach`, no match begins before it, so the matches found from there are the same; with
        `ends`, a text that does not end on one of them is not searched.)"""
        if self.ends is not None and not may_end(text, self.ends):
            return None
        if self.branches is not None:
            spans = self.branches.spans(text)
            return spans[-1][1] if spans else None
        end = None
        for m in self.scan.finditer(text, 0 if self.reach is None else max(len(text) - self.reach, 0)):
            end = m.end()
        return end

    def first_start(self, text: str) -> int | None:
        """Where `pattern.search(text)` finds its match (None: nowhere)."""
        if self.branches is not None:
            return self.branches.first(text)
        if self.ends is not None and not may_end(text, self.ends):
            return None
        m = search_near_end(self.scan, text, self.reach)
        return m.start() if m is not None else None

    def indicator_for(self, template: str | None) -> str | None:
        """The rule's id for a template. Local tables (2008–2013 and provincial variants) have
        no ids of their own: a claim in such a report takes the pre2019 id of the same meaning
        (spec §1: map what means the same as a canonical id)."""
        ids = dict(self.indicators)
        if template in ids:
            return ids[template]
        if template == "local":
            return ids.get("pre2019")
        return None


@lru_cache(maxsize=4)
def indicator_rules(path: Path = PATTERNS) -> tuple[IndicatorRule, ...]:
    """The claim → indicator rules, in priority order (immutable, cached)."""
    data = load_toml(path)
    rules = []
    for p in data["pattern"]:
        pattern = regex.compile(p["regex"])
        rules.append(
            IndicatorRule(
                id=p["id"],
                pattern=pattern,
                units=frozenset(p.get("units", [])),
                indicators=tuple(sorted(p.get("indicators", {}).items())),
                sentence=regex.compile(p["sentence"]) if "sentence" in p else None,
                sections=frozenset(p.get("sections", [])),
                exclude=regex.compile(p["exclude"]) if "exclude" in p else None,
                yields=bool(p.get("yields", False)),
                part=bool(p.get("part", False)),
                whole=bool(p.get("whole", False)),
                branches=_branches(pattern) if p.get("split") else None,
                reach=(reach := None if p.get("split") else end_reach(pattern)),
                ends=None if reach is None else last_chars(pattern),
                scan=_scanner(pattern),
                sentence_scan=_scanner(regex.compile(p["sentence"])) if "sentence" in p else None,
                exclude_scan=_scanner(regex.compile(p["exclude"])) if "exclude" in p else None,
            )
        )
    return tuple(rules)


def _scanner(pattern: regex.Pattern) -> Any:
    """What searches `pattern` in a rule's clause: its `any_text_scanner` (the stdlib `re`, the
    same matches on any text), or the pattern itself where it has none."""
    return any_text_scanner(pattern) or pattern


def _branches(pattern: regex.Pattern) -> LeftmostFirst:
    """The top-level branches of a rule's pattern as a `LeftmostFirst` scan, each searched by
    its `_scanner` (the stdlib `re` where it finds the same matches: 6 of the 8 branches of
    requests.received, about 15% fewer instructions on a claim's clause). Each branch needs
    literals (`required_literals`), so none matches the empty string (which `spans` would drop
    and `finditer` would not)."""
    branches = [regex.compile(b, pattern.flags) for b in top_level_branches(pattern.pattern)]
    if any(required_literals(b) is None for b in branches):
        raise ValueError(f"split: a branch may match the empty string: {pattern.pattern[:60]}")
    return LeftmostFirst([_scanner(b) for b in branches])


@lru_cache(maxsize=1)
def _scope() -> dict[str, regex.Pattern]:
    """The scope patterns (`patterns/scope.toml`): level (a part of the reporting body) and
    since (accumulated over the years)."""
    data = load_toml(PATTERNS.parent / "scope.toml")
    return {p["id"]: regex.compile(p["regex"]) for p in data["pattern"]}


@lru_cache(maxsize=1)
def _since_needs() -> tuple[str, ...]:
    """Strings one of which every match of the `since` scope pattern holds (`required_literals`;
    `("",)` where none are known, which every sentence holds)."""
    need = required_literals(_scope()["since"])
    if need is None:
        return ("",)
    return least_needs(need)  # (累计至今 holds 累计: one test fewer)


def part_scope(context: str, sentence: str) -> str | None:
    """`level` or `since` when the count's wording makes it a part of the reporting body or a
    total over the years (not the year's figure), else None."""
    scope = _scope()
    if scope["level"].search(context):
        return "level"
    head = _LAST_GROUP_START.search(sentence)  # (the last match of `_GROUP_START`)
    group = sentence[head.end():].lstrip(" ，,：:") if head is not None else sentence.lstrip()
    # (各级行政机关 opening a sentence is the whole body, all its levels)
    if group != context and scope["level"].match(group) and \
            (head is not None or not group.startswith("各级")):
        return "level"  # the level heads the ；-group, 其中 list or sentence the count is in
    if not holds_any(sentence, _since_needs()):
        return None  # (the `since` pattern finds nothing in a sentence without one of them)
    restart = list(_SCOPE_RESTART.finditer(sentence))
    if scope["since"].search(sentence, restart[-1].end() if restart else 0):
        return "since"
    return None


# where a ；-group or a 其中 list starts (its first clause names the level its counts are of)
_GROUP_START = regex.compile(r"[；;。]|其中")
# its last match, found from the end (its matches cannot overlap: the one ending last is the last;
# tests/test_speed_link.py compares both on the corpus sentences)
_LAST_GROUP_START = regex.compile(_GROUP_START.pattern, regex.REVERSE)
# a clause that opens on the year's own figure: 历年累计52条，其中2010年新增…14条
_SCOPE_RESTART = regex.compile(r"[，,；;](?=\s*(?:其中|本年度?|新增|(?:19|20)\d\d年))")


class _At(NamedTuple):
    """A claim's span (and kind) in another text of the document, such as its normalised view."""

    start: int
    end: int
    kind: str


_new_at = tuple.__new__  # (`_new_at(_At, (start, end, kind))` is `_At(start, end, kind)`)


def claim_context(text: str, claim: Claim | _At, floor: int = 0) -> str:
    """The clause before the claim's number (back to the previous clause break, and not before
    `floor`: the end of an earlier count in the clause, whose words are its own)."""
    if claim.kind == "zero":  # the phrase itself names what is zero
        return text[claim.start : claim.end].strip()
    lo = max(0, claim.start - 60, floor)
    stop = _UP_TO_LAST_CLAUSE_BREAK.match(text, lo, claim.start)  # to the last break before the number
    return text[stop.end() if stop is not None else lo : claim.start].strip()


def claim_after(text: str, claim: Claim | _At, limit: int = 15) -> str:
    """The rest of the claim's clause after it (剩余3件 → 结转下一年度处理), without the manner
    words a verb may stand behind (37件申请件已按规定在法定期限内予以答复 → 申请件予以答复,
    held-out 202)."""
    if claim.kind == "zero":
        return ""
    nxt = text[claim.end : claim.end + 1]
    # (both reason patterns open with white space or one of `_REASON_OPENERS`: elsewhere, not asked)
    reason = (_REASON_AFTER.match(text, claim.end) or _BRACKETED_REASON.match(text, claim.end)) \
        if nxt and (nxt in _REASON_OPENERS or nxt in REGEX_SPACE) and _reason_may_open(text, claim.end) \
        else None
    # 无法提供3件,因不掌握相关政府信息: the reason names the row; a 因-clause with a count of its
    # own (…投诉举报5件,因依申请公开引发的行政复议案件10件) is that count's words
    if reason is not None and not _OWN_COUNT.search(reason.group(1)):
        return NEXT_COUNT.split(reason.group(1), maxsplit=1)[0]
    if nxt in _BREAK_CHARS:
        return ""  # …3件，/ …3件。/ the text's end: the clause ends with the count (half the claims)
    return _words_after(text, claim.end, limit)


def _reason_may_open(text: str, end: int) -> bool:
    """Can `_REASON_AFTER` or `_BRACKETED_REASON` match at `end`? Each is white space, one of
    `_REASON_OPENERS`, white space, then words that begin with one of `_REASON_FIRST`; none of
    these characters is white space, so the opener and the words' first character are the
    first ones past each run of it (two regex calls spared after most counts, where a comma
    is followed by other words: tests/test_speed_link.py compares at every corpus position)."""
    if _REASON_FIRST is None:
        return True
    n, i = len(text), end
    while i < n and text[i] in REGEX_SPACE:
        i += 1
    if i >= n or text[i] not in _REASON_OPENERS:
        return False
    i += 1
    while i < n and text[i] in REGEX_SPACE:
        i += 1
    return i < n and text[i] in _REASON_FIRST


def _words_after(text: str, end: int, limit: int) -> str:
    """`claim_after`'s words after the count at `end` when no reason follows it. When the
    character at `end` is one of `_BREAK_CHARS`, they are "" (no manner word, 其中 or digit
    begins with a break, so the first split piece starts with it and `_AFTER_BREAK` cuts it
    to nothing; tests/test_link.py checks this at every break character of the corpus texts)."""
    after = text[end : end + limit]
    if may_hold(after, _MANNER_NEEDS) and _MANNER.search(after):
        after = _MANNER.sub("", text[end : end + 2 * limit])[:limit]
    # the next count's words are its own (226件申请件其中224件已按规定予以答复: 答复 is the 224's)
    after = _first_piece(_NEXT_COUNT_AFTER, _NEXT_COUNT_AFTER_NEEDS, after)
    # （含上年度结转…） is about another number, and so is …和2名兼职 after 专职人员
    # (`_AFTER_BREAK` is asked of every text: one of its strings, mostly a comma, stands in nine
    # of ten of them)
    return _first_piece(NEXT_COUNT, _NEXT_COUNT_NEEDS, _AFTER_BREAK.split(after)[0])


# strings one of which every match of each pattern `_words_after` asks holds (`required_literals`;
# None: not known): in a text without one, the search finds nothing and the split cuts nothing,
# so neither is asked (most of the short texts asked; tests/test_speed_link.py compares with
# `_plain_words_after` at every count of the corpus texts)
_MANNER_NEEDS = required_literals(_MANNER)
_NEXT_COUNT_AFTER_NEEDS = required_literals(_NEXT_COUNT_AFTER)
_NEXT_COUNT_NEEDS = required_literals(NEXT_COUNT)


def _first_piece(pattern: regex.Pattern, needs: tuple[str, ...] | None, text: str) -> str:
    """`pattern.split(text)[0]`: `text` up to `pattern`'s first match (all of it without one),
    the split asked only where one of `needs` stands."""
    return pattern.split(text, maxsplit=1)[0] if may_hold(text, needs) else text


def _plain_words_after(text: str, end: int, limit: int) -> str:
    """`_words_after` the plain way: every search and split asked."""
    after = text[end : end + limit]
    if _MANNER.search(after):
        after = _MANNER.sub("", text[end : end + 2 * limit])[:limit]
    after = _NEXT_COUNT_AFTER.split(after, maxsplit=1)[0]
    return NEXT_COUNT.split(_AFTER_BREAK.split(after)[0], maxsplit=1)[0]


def section_kind(doc, offset: int) -> str:
    """The kind of the innermost section around `offset` that has one (or "")."""
    return _kind_of(doc, doc.section_at(offset))


def _section_bounds(doc: Any) -> list[int]:
    """Every start and end of the document's sections, in order: between two of them (the same
    `bisect_right` place) `Document.section_at` gives the same section, as the sections it walks
    back through (those starting at or before the offset) and which of them hold the offset are
    the same there (tests/test_speed_link.py checks it on corpus reports)."""
    return sorted({s.start for s in doc.sections} | {s.end for s in doc.sections})


def _kind_of(doc, sec) -> str:
    """The kind of `sec` or of the innermost section around it that has one (or "")."""
    while sec is not None:
        if sec.kind:
            return sec.kind
        sec = doc.sections[sec.parent] if sec.parent is not None else None
    return ""


@lru_cache(maxsize=64)
def _rules_for(unit: str | None) -> tuple[IndicatorRule, ...]:
    """The rules that apply to claims in `unit` (None: every rule), in priority order."""
    return tuple(r for r in indicator_rules() if unit is None or unit in r.units)


@lru_cache(maxsize=64)
def _rule_filter(unit: str | None) -> PatternFilter:
    """Which of `_rules_for(unit)` may match a text (`nlp.scan.PatternFilter`: one compiled
    call asks all of them)."""
    return PatternFilter([r.pattern for r in _rules_for(unit)])


def candidate_rules(unit: str | None, *texts: str) -> set[int]:
    """Positions in `_rules_for(unit)` of the rules that may match one of `texts`: the others'
    patterns find nothing there (`_rule_filter`, a cheap test before the regexes)."""
    return _rule_filter(unit).union(texts)


_LIST_MARKS = "、，,；;：: \t"
# a clause that ends on a verb of receiving, and the words after a count that name requests
_RECEIVED_THEN_OBJECT = regex.compile(rf"(?:{RECEIVING})(?:了)?$")
_REQUEST_OBJECT = regex.compile(r"[^，,；;。]{0,12}?(?:政府信息公开|依申请公开)(?:的)?申请")
_SIBLING_BEFORE = regex.compile(r"\p{Han}\s*[、和及与]\s*$")
_SIBLING_MARKS = frozenset("、和及与")  # what the last character of a match is, but white space


def _sibling_before(text: str) -> bool:
    """Does `_SIBLING_BEFORE` find a match in `text`? Every match ends with one of
    `_SIBLING_MARKS` and white space only (`\\s*$`: `$` also stands before a final line break,
    itself white space), so the text's last character but white space is one of them; in
    other texts (seven of eight asked) the regex is not asked (tests/test_speed_link.py
    compares with the search at the end of every clause of the corpus texts)."""
    return text.rstrip(REGEX_SPACE)[-1:] in _SIBLING_MARKS and _SIBLING_BEFORE.search(text) is not None


_Best = tuple[float, IndicatorRule] | None  # (score, rule) of the winner so far


def _may_win(score: float, reason: bool, best: _Best, best_reason: _Best) -> bool:
    """Could a rule with `score` still win (beat `best`), or, a reason rule, beat
    `best_reason`? (A tie goes to the rule asked first.)"""
    return best is None or score > best[0] or (
        reason and (best_reason is None or score > best_reason[0]))


def _winners(score: float, rule: IndicatorRule, reason: bool, best: _Best, best_reason: _Best
             ) -> tuple[_Best, _Best]:
    """(best, best_reason) after a rule with `score` that meets its conditions."""
    if reason and (best_reason is None or score > best_reason[0]):
        best_reason = (score, rule)
    if best is None or score > best[0]:
        best = (score, rule)
    return best, best_reason


def _winning_rules(maybe: set[int], unit: str | None, claim: Claim, context: str,
                   template: str | None, sentence: str, after: str, section: str
                   ) -> tuple[_Best, _Best]:
    """(score, rule) of the winner among the candidate rules `maybe` (positions in
    `_rules_for(unit)`) and of the best reason row (result.*) among them; None where none
    matches and meets its conditions. (`rule_indicator`'s arguments.)"""
    pre = context + (claim.subject or "")
    rules = _rules_for(unit)
    reasons = _reason_rules(unit, template)
    whole = (sentence or context) + (claim.subject or "") + after  # for `sentence` conditions
    # The winner is the first rule (in priority order) of the highest score among the rules
    # that match and meet their conditions, and the best reason row (result.*) likewise among
    # the reason rules; neither depends on the order the rules are asked in. So every rule is
    # asked of the clause first (scores ≥ 0), then the rules that found nothing there of the
    # subject and the words after (scores ≤ −1), and a rule is not asked at all when even its
    # best possible score could not win (a match in the clause ends at its end at the latest).
    best: _Best = None
    best_reason: _Best = None
    top = float(len(context))
    rest = []  # (rule, reason) of the rules with no match in the clause, in order
    for i in sorted(maybe):
        rule = rules[i]
        if (rule.sections and section not in rule.sections) or (rule.part and not claim.parent):
            continue
        reason = i in reasons
        if not _may_win(top, reason, best, best_reason):
            continue  # (nor, below, of the subject or after the number)
        if (end := rule.last_end(context)) is None:
            rest.append((rule, reason))
            continue
        score = float(end)  # the clause itself names it: the nearer to the number, the better
        if _may_win(score, reason, best, best_reason) and \
                _meets_conditions(rule, claim, context, whole):
            best, best_reason = _winners(score, rule, reason, best, best_reason)
    if rest:
        # a subject the clause ends with, after a sibling joined by 、 in the same clause,
        # repeats its words: a match inside that copy alone is one the clause turned down
        # (运用微信、微博发布信息 + 微博发布信息: two channels). A 、-item that is the whole clause
        # (、部分公开1件) keeps the copy.
        echo = len(pre)
        if claim.subject and context.endswith(claim.subject) and \
                _sibling_before(context[: len(context) - len(claim.subject)]):
            echo = len(context)
        for rule, reason in rest:
            # (the scores below: −1 and less with the subject, −2 and less after the number)
            if not _may_win(-1.0, reason, best, best_reason):
                continue
            if (at := rule.first_start(pre)) is not None and at < echo:  # only with the subject after it
                score = -1.0 - at / 1000  # the words nearest the clause's start first
            elif after and _may_win(-2.0, reason, best, best_reason) and \
                    (at := rule.first_start(after)) is not None:
                score = -2.0 - at / 1000  # after the number: the nearer, the better
            else:
                continue
            if _may_win(score, reason, best, best_reason) and \
                    _meets_conditions(rule, claim, context, whole):
                best, best_reason = _winners(score, rule, reason, best, best_reason)
    return best, best_reason


def rule_indicator(
    claim: Claim, context: str, template: str | None, sentence: str = "", after: str = "",
    section: str = "",
) -> tuple[str | None, str | None]:
    """(indicator, rule id) for a claim by the rules; (None, None) when no rule decides.

    `context` is the claim's clause before it, `sentence` the sentence up to the claim,
    `after` the rest of its clause, `section` the kind of its section. Of the rules that match,
    the one whose words stand nearest before the number wins (全年收到因政府信息公开申请引起的
    行政复议1件 counts 行政复议, not 申请); words after the number count least."""
    if claim.kind in _NOT_A_LEVEL:
        return None, None
    if claim.direction is not None or "同比" in claim.qualifiers:
        return None, None  # a change is not the level the table states
    if claim.unit in ("项", "个") and _KINDS_COUNTED.match(after):
        return None, None  # …申请情况…等六项内容, 从五个方面: kinds of content, not items
    unit = None if claim.kind == "zero" else claim.unit  # None: every rule applies
    pre = context + (claim.subject or "")  # 主动公开的 + 政府信息中 (it begins with `context`)
    maybe = candidate_rules(unit, pre, after)  # the others' words are nowhere around the claim
    if not maybe:
        return None, None
    best, best_reason = _winning_rules(maybe, unit, claim, context, template, sentence, after,
                                       section)
    if best is None:
        if after and _RECEIVED_THEN_OBJECT.search(context) and _REQUEST_OBJECT.match(after):
            # 接到2项政府信息公开的申请 / 收到2件…申请: the verb before the count, its object after it
            # (held-out 223): read as one clause, verb and object
            return rule_indicator(claim, context + after, template, sentence, "", section)
        return None, None
    if best_reason is not None and best[1].id.startswith("requests.") and \
            best[1].indicator_for(template) is None:
        # 属于三类内部事务信息不予公开的1件: the outcome word (不予公开) names a row of the pre-2019
        # form only; the reason next to it names the 2019/2021 row
        best = best_reason
    if part_scope(context, sentence or context) is not None:
        return None, None  # 自治区直属机关…, …以来，累计…: not the report's figure for the year
    if best[1].whole and claim.parent:
        return None, best[1].id  # the rule's words, in a 其中 part: no row of its own
    return best[1].indicator_for(template), best[1].id


def _meets_conditions(rule: IndicatorRule, claim: Claim, context: str, whole: str) -> bool:
    """Does a rule that would win meet its conditions (asked only then): its `sentence` pattern
    in the sentence, its `exclude` pattern nowhere in the clause nor the subject?"""
    if rule.sentence_scan is not None and not rule.sentence_scan.search(whole):
        return False
    # (a 、 that opens the clause after the count before it separates two items,
    # 仍不明确2件、要求…确认或重新出具…2件: no list of kinds in one count)
    exclude = rule.exclude_scan
    return exclude is None or not (exclude.search(context.lstrip(_LIST_MARKS))
                                   or exclude.search(claim.subject or ""))


@lru_cache(maxsize=64)
def _reason_rules(unit: str | None, template: str | None) -> frozenset[int]:
    """Positions in `_rules_for(unit)` of the reason rows' rules (result.*) with an id for
    `template`."""
    return frozenset(i for i, r in enumerate(_rules_for(unit))
                     if r.id.startswith("result.") and r.indicator_for(template) is not None)


# after a count of kinds (六项内容, 五个方面): the count is of the report's topics, not of items
_KINDS_COUNTED = regex.compile(r"\s*(?:的)?(?:内容|方面)")

# a year (or 上年度) that opens a clause of the sentence: what follows is of that year
_PREV_YEAR = r"上年度|上一年度?|去年"
_YEAR_OPENER = regex.compile(
    r"(?:(?:截至|截止|至)\s*)?(?P<y>(?:19|20)\d{2})\s*年(?:度|底|末|全年)?\s*[,，]"
    rf"|(?P<prev>{_PREV_YEAR})\s*[,，]")
# a clause that opens with a year and the count's verb (2021年收到…申请1件, held-out 139)
_YEAR_VERB = regex.compile(
    r"(?:^|(?<=[。；;，,\s]))(?P<y>(?:19|20)\d{2})\s*年(?:度)?(?=\s*(?:共|全年|累计)?"
    r"(?:收到|受理|接到|办理|办结|答复|主动公开|公开|发布|制发|印发))")


_CARRIED_TO_YEAR = regex.compile(
    r"(?P<x>(?:19|20)\d{2})\s*年度?\s*(?:结转|转结|转)(?:至|到|入)?\s*(?P<y>(?:19|20)\d{2})\s*年")


def _into_the_year(words: str, year: int | None) -> bool:
    """Do `words` carry requests from the year before into the report's own (2023年结转至2024年 in
    the 2024 report)? (结转2024年 alone, in the 2024 report, may be a template's slip.)"""
    return year is not None and any(
        int(m.group("y")) == year and int(m.group("x")) == year - 1
        for m in _CARRIED_TO_YEAR.finditer(words))


# what the `y` groups of `_YEAR_OPENER` and `_YEAR_VERB` match, and strings one of which every
# match of the `prev` group holds
_YEAR_NUMBER = regex.compile(r"(?:19|20)\d{2}")
_PREV_YEAR_NEEDS = required_literals(regex.compile(_PREV_YEAR))


def _of_another_year(sentence: str, year: int | None) -> bool:
    """Does the last year that opens a clause of `sentence` (the sentence up to the claim) name
    another year than the report's (`2022年,` in a 2023 report), or last year (`上年度,`)?"""
    if "年" not in sentence:
        return False
    if year is not None and _PREV_YEAR_NEEDS is not None and \
            not holds_any(sentence, _PREV_YEAR_NEEDS) and \
            all(int(y) == year for y in _YEAR_NUMBER.findall(sentence, overlapped=True)):
        # (no opener names last year, and each names one of these years, all the report's: most
        # sentences asked, which the two scans below would read through to say so)
        return False
    return _last_opener_of_another_year(sentence, year)


def _last_opener_of_another_year(sentence: str, year: int | None) -> bool:
    """`_of_another_year` the plain way: every opener found, the last one asked."""
    openers = sorted([*_YEAR_OPENER.finditer(sentence), *_YEAR_VERB.finditer(sentence)],
                     key=lambda m: m.start())
    if not openers:
        return False
    last = openers[-1]
    return bool(last.groupdict().get("prev")) or (
        year is not None and int(last.group("y")) != year)


# table-二 rows that count decisions or items (never pieces of published information)
_INFO_ITEM_ROW = regex.compile(r"t2\.\w+\.(?:decisions|prev_items|delta)$")
# what a total lists whose parts are kinds, not a row's decisions: information, a list of powers
_A_LISTING = regex.compile(r"信息|清单")


def _listed_before(doc: Any, nt: str, claim: Claim, sent: str) -> str | None:
    """The sentence before a sentence that opens with 其中 (发布权力清单230个。其中行政许可13项,…:
    the parts of a total in another counter, which the claims stage does not group), or None."""
    if not claim.sentence or not sent.lstrip(" \t").startswith("其中"):
        return None
    before = doc.sentence_at(claim.sentence[0] - 1)
    if before is None:
        return None
    norm = doc.norm
    text = nt[norm.to_norm(before.start):norm.to_norm(before.end)]
    return text if any(ch.isdigit() for ch in text) else None  # (a total, not a heading)
# a total of items, not of information (主动公开政府信息中新增项目事项88项，其中行政许可事项本年新增21项)
_ITEM_ROW_WORD = regex.compile(r"(?:事项|项目)$")

# a sentence that opens by pointing back at the one before (为此, 对此, 据此)
_FOLLOWS_ON = regex.compile(r"\s*(?:为此|对此|据此)")


def _cumulative_beside_the_years(claims: list[Claim]) -> None:
    """累计主动公开政府信息272条。2010年新增主动公开政府信息57条: when the year's total is
    stated twice, once as 累计 and once as 新增 (the year's new items), the 累计 one is the count
    since the start and loses the id."""
    totals = [c for c in claims if c.indicator == "active.total"]
    new = [c for c in totals if "新增" in c.qualifiers and "累计" not in c.qualifiers]
    if not new:
        return
    for c in totals:
        if "累计" in c.qualifiers and "新增" not in c.qualifiers and \
                all(n.value != c.value for n in new):
            c.indicator = None
            c.extractor = _with(c.extractor, "indicator:cumulative-beside-new")


# 其中2018年度…, 其中本年度…: a part that is the report's year
_YEAR_PART = regex.compile(r"其中[，,：:\s]*(?:(?:19|20)\d\d|本|今|当)年")


def _the_year_within_a_cumulative(claims: list[Claim], by_id: dict[str, Claim], text: str
                                  ) -> None:
    """累计主动公开政府信息1568条，…其中2018年度…共主动公开政府信息181条: the year's count is the
    part, so it takes the id its 累计 total was given (held-out 113)."""
    for c in claims:
        total = by_id.get(c.parent or "")
        if total is None or c.indicator is not None or total.indicator is None or \
                "累计" not in total.qualifiers or c.unit != total.unit or c.start < total.end:
            continue
        if _YEAR_PART.search(text, total.end, c.start):
            c.indicator, total.indicator = total.indicator, None
            c.extractor = _with(c.extractor, "indicator:rule:year-within-cumulative")
            total.extractor = _with(total.extractor, "indicator:yielded:year-within-cumulative")


def _total_after_its_parts(claims: list[Claim], by_id: dict[str, Claim]) -> None:
    """共收到网上申请105件，快递17件，合计122件: the words before the first part frame the whole
    list, so the id they gave the first part is the total's, printed after its parts, when no
    other part has one of its own (行政许可5件，行政处罚3件，合计8件 keeps its rows)."""
    before: dict[str, list[Claim]] = {}
    for c in claims:
        whole = by_id.get(c.parent or "")
        if whole is not None and c.end <= whole.start:
            before.setdefault(whole.claim_id, []).append(c)
    for wid, parts in before.items():
        total, first = by_id[wid], parts[0]
        if total.indicator is None and first.indicator and len(parts) >= 2 and \
                not any(p.indicator for p in parts[1:]):
            total.indicator, first.indicator = first.indicator, None
            total.extractor = _with(total.extractor, "indicator:rule:total-after-parts")
            first.extractor = _with(first.extractor, "indicator:yielded:total-after-parts")


def assign_indicators(report: Report, *, classify: bool = True) -> None:
    """Set `Claim.indicator` for every claim (rules, then the classifier if a model loads;
    `classify=False`: the rules alone, as `xxgk train` needs)."""
    doc = report.document
    template = doc.template
    # the rules read the normalised view, as the claim extractor does: script and width folded
    # (复议 in 復議), broken lines joined, pinyin glosses and stray spaces dropped
    norm = doc.norm
    nt = norm.text
    undecided: list[Claim] = []
    by_id = {c.claim_id: c for c in report.claims}
    yielding = _yielding_rules()
    prev_end = prev_at = 0  # where the claim before ends in the view, and in the source
    row: tuple[str, int] | None = None  # the last table-二 row id named, and where its count ends
    last: tuple[int, str, str] | None = None  # the claim before: its end, clause and subject
    # where the claim before's sentence starts, in the source and in the view (62% of claims
    # share the sentence of the claim before: its start is looked up in the view once)
    sent_at = (-1, 0)
    # the claim before's section, its kind and the channel its heading names (`_item_channel`)
    kind_of: tuple[Section | None, str, str | None] = (None, "", None)
    # the claim before's place among the sections' bounds, and its section (most claims are in
    # the section of the claim before: `section_at` is asked only where a bound lies between)
    bounds = _section_bounds(doc)
    at_sec: tuple[int, Section | None] = (-1, None)
    for claim in report.claims:
        # (guessed from the claim before's end and from the claim's start: most claims' views
        # drop nothing between; `to_norm_near` checks the guess)
        ns = norm.to_norm_near(claim.start, prev_end + claim.start - prev_at)
        ne = norm.to_norm_near(claim.end, ns + claim.end - claim.start)
        prev_at = claim.end
        floor, prev_end = (prev_end if prev_end <= ns else 0), ne
        if claim.indicator is not None:
            continue
        # the claim's span in the view (built by `tuple.__new__`: the same tuple, without the
        # Python-level `__new__` a NamedTuple's call runs, about 1.3k instructions a claim)
        view = _new_at(_At, (ns, ne, claim.kind))
        if claim.sentence and claim.sentence[0] != sent_at[0]:
            sent_at = (claim.sentence[0], norm.to_norm(claim.sentence[0]))
        sent = nt[sent_at[1]:ns] if claim.sentence else ""
        if claim.sentence and "此" in sent and _FOLLOWS_ON.match(sent):  # (its words hold 此)
            # 开始开展政府信息公开工作。为此,指定1名工作人员负责日常工作: 为此 carries the
            # sentence before into this one's conditions
            before_sent = doc.sentence_at(claim.sentence[0] - 1)
            if before_sent is not None:
                sent = nt[norm.to_norm(before_sent.start):ns]
        # 制发的省政府规章5件、…行政规范性文件5件: the words before the first 5件 are its own
        context = claim_context(nt, view, floor)
        if (k := bisect_right(bounds, claim.start)) != at_sec[0]:
            at_sec = (k, doc.section_at(claim.start))
        sec = at_sec[1]
        if sec is not kind_of[0]:  # (most claims are in the section of the claim before)
            kind_of = (sec, _kind_of(doc, sec), _item_channel(sec))
        after, kind = claim_after(nt, view), kind_of[1]
        delta = item_delta(claim, context, template)
        if delta is not None:
            ind, rule = delta, "t2.item-delta"
        else:
            ind, rule = rule_indicator(claim, context, template, sent, after, kind)
            if kind_of[2] is not None and not (rule or "").startswith("channel."):
                ind, rule = _channel_of_item_heading(kind_of[2], claim, context, template, sent) \
                    or (ind, rule)
            if rule is None:
                ind, rule = _channel_opened_before(sent, context, claim, template) or (ind, rule)
        if rule is None and last is not None and _list_gap(nt, last[0], ns) and \
                not _LIST_VERB.search(context):
            # 制发的省政府规章2件、省政府及省政府办公厅行政规范性文件2件: an item of a 、-list that
            # names no verb of its own takes the verb before the first item (not its noun)
            lead = _verb_lead(last[1], last[2])
            if lead:
                ind, rule = rule_indicator(claim, lead + context, template, sent, after, kind)
        last = (ne, context, claim.subject or "")
        if ind is not None and claim.parent is None and (one := _one_applicant(context)):
            # 共收到自然人依申请公开事项0项: the applicants named between the verb and the noun
            ind = applicant_part(ind, one) or ind
        if ind is not None and _of_another_year(sent, doc.year):
            # 2022年,…共制定规范性文件0件 in the 2023 report: last year's figure, not this table's
            ind, rule = None, f"{rule}:another-year"
        if ind == "t3.carried_forward.total" and _into_the_year(context + after, doc.year):
            # 含2023年结转至2024年办理的3件 in the 2024 report: carried into this year, not out of it
            ind, rule = "t3.carried_over.total", f"{rule}:into-the-year"
        parent = by_id.get(claim.parent or "")
        listing = None
        if ind is not None and _INFO_ITEM_ROW.match(ind):
            listing = (parent.subject or "") if parent is not None else (
                None if _LIST_VERB.search(context) else _listed_before(doc, nt, claim, sent))
        if listing is not None and _A_LISTING.search(listing) and not _ITEM_ROW_WORD.search(listing) \
                and not (rule or "").endswith(".named"):
            # 网站累计发布信息313条,其中…行政许可93条: a category of the information published,
            # not the row's count of decisions (nor of a power list's: 权力清单230个。其中行政许可13项,
            # held-out 223)
            ind, rule = None, f"{rule}:part-of-information"
        if ind is not None and parent is not None and parent.indicator == ind:
            if rule_id(parent) in yielding and rule not in yielding:
                parent.indicator = None  # 受理33件，其中本年新收33件: the part is named
                parent.extractor = _with(parent.extractor, f"indicator:yielded:{rule}")
            else:
                ind = None  # a part (其中…, 类别…) is not its total
        if rule is None and row is not None and floor:
            # 上年度行政许可1026项，本年增加138项，处理决定1164件: the row named once, its columns
            # after it in the same clause of ； (past a count of no row: …新增57项，总计57项，处理
            # 决定数量0件)
            same_row = row_column(row[0], context)
            if same_row is not None and not _CLAUSE_STOP.search(nt, row[1], ns):
                ind, rule = same_row, "same-row"
        if ind is None and parent is not None and claim.kind not in _NOT_A_LEVEL:
            by_applicant = applicant_part(parent.indicator, claim.subject)
            if by_applicant is not None:
                ind, rule = by_applicant, "applicant"
        if rule is not None:
            claim.indicator = ind
            claim.extractor = _with(claim.extractor, f"indicator:rule:{rule}")
        else:
            undecided.append(claim)
        if ind is not None and ind.startswith("t2."):
            row = (ind, ne)
        elif row is not None and _CLAUSE_STOP.search(nt, row[1], ns):
            row = None
    # (most documents have no part of a total, or no claim of a rule the template steps revisit:
    # their steps are not run, as they would change nothing)
    parts, revisited = _revisable(report.claims, doc.template)
    if parts:
        _total_after_its_parts(report.claims, by_id)
    _cumulative_beside_the_years(report.claims)
    if parts:
        _the_year_within_a_cumulative(report.claims, by_id, doc.text)
        _totals_with_carry_over(report.claims)
    if revisited:
        _handled_with_nothing_carried_over(report.claims, doc.template)
        _handled_by_balance(report.claims, doc.template)
    if parts:
        by_parent = _parts_by_parent(report.claims)
        if revisited:
            _handled_made_of_outcomes(report.claims, by_parent, doc.template)
            _closed_part_of_a_balance(by_id, by_parent, doc.template)
        _requests_among_other_mail(report.claims, by_parent, nt, norm)
    if undecided and classify:
        _classify(report, undecided)


# the rules whose claims four steps after the claim loop revisit, on these forms only
_HANDLED_CARRY = "requests.handled.carry"
_CLOSED_ON_TIME = "requests.closed.on_time"
_REVISITED_RULES = (_HANDLED_CARRY, _CLOSED_ON_TIME)
_REVISED_FORMS = ("2019", "2021")


def _revisable(claims: list[Claim], template: str | None) -> tuple[bool, bool]:
    """Which of the steps after `assign_indicators`' claim loop can change anything: (a claim has
    a parent: the seven steps that read totals and their parts need one; the form is 2019 or 2021
    and a claim's extractor names a rule of `_REVISITED_RULES`: the four steps that revisit those
    rules' claims need one). Both hold through the steps: none sets a parent, and what they add
    to an extractor names none of those rules (tests/test_speed_link2.py runs every step on the
    corpus and compares)."""
    parts = any(map(_parent_of, claims))
    if template not in _REVISED_FORMS:
        return parts, False
    # (the extractors joined by a line break, which no rule id holds: a rule id is in the
    # joined text where it is in one extractor; two searches in C, not two a claim)
    held = "\n".join(filter(None, map(_extractor_of, claims)))
    return parts, any(map(held.__contains__, _REVISITED_RULES))


_parent_of = attrgetter("parent")
_extractor_of = attrgetter("extractor")


# the columns of a table-二 row of the 2019 form, named alone after the row's first count
_ROW_COLUMNS = (
    ("delta", regex.compile(r"^(?:本年(?:度)?)?(?:增加|新增)$")),
    ("decisions", regex.compile(r"^(?:本年(?:度)?)?(?:处理决定|作出决定|决定)(?:数|数量)?$")),
)
_CLAUSE_STOP = regex.compile(r"[；;。\n]")


@lru_cache(maxsize=1)
def _item_rows() -> tuple[regex.Pattern, dict[str, str]]:
    """Table 二's rows that count items on the 2019 form (the rows with a 本年增/减 column), as a
    pattern of their printed names followed by 事项/项目, and the row key of each name."""
    from nlp.tables.labels import indicators, table_labels

    names: dict[str, str] = {}
    for row, labels in table_labels()["t2"]["rows"].items():
        if f"t2.{row}.delta" in indicators():
            names.update((lab.removesuffix("事项"), row) for lab in labels)
    alternation = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(f"({alternation})(?:事项|项目)"), names

# the change of the year: 本年新增 / 新增 / 增加 right before the number, or 比2019年减少 opening
# its clause after the row's count (行政许可事项13项，比2019年减少3项)
_ITEM_CHANGE = regex.compile(
    r"(?:本年(?:度)?)?(?:新增|增加)$"
    r"|^(?:比|较)(?:上年度?|上一年度?|去年|(?:19|20)\d\d年)(?:同期)?(?:增加|减少|新增|增长)$")


_LIST_GAP = regex.compile(
    r"\s*、[^，,；;。！？!?\n、]*"  # 、 and the next item's words
    # or a comma before a kind of document alone (制发规章6件,行政规范性文件9件: held-out 182)
    r"|\s*[，,]\s*、?\s*(?:省政府|市政府|县政府|区政府|本级|部门)?(?:行政)?(?:规范性文件|规章|政府规章)\s*")

# the characters `_LIST_GAP`'s branches begin with after white space: 、 (the first), a comma (the
# second, whose every match holds 规: 规范性文件, 规章, 政府规章)
_GAP_COMMAS = frozenset("，,")


def _list_gap(text: str, start: int, end: int) -> bool:
    """Is `text[start:end]` a gap `_LIST_GAP` matches whole (`fullmatch(text, start, end)`)?
    The regex is asked only where its first character but white space is 、, or a comma with
    规 after it (nine of ten gaps asked are neither: tests/test_speed_link.py compares with
    the plain `fullmatch` at every clause break of the corpus texts)."""
    i = start
    while i < end and text[i] in REGEX_SPACE:
        i += 1
    if i >= end:
        return False  # (every match holds 、 or a comma)
    first = text[i]
    if first != "、" and (first not in _GAP_COMMAS or text.find("规", i, end) < 0):
        return False
    return _LIST_GAP.fullmatch(text, start, end) is not None


# the verbs a list's first item may lend the items after it
_LIST_VERB = regex.compile(r"(?:制发|印发|制定|出台|发布|公开|公布|废止|宣布失效|受理|收到|办结|答复|办理)(?:了)?(?:的)?")


def _verb_lead(context: str, subject: str) -> str:
    """The words of a list item's clause up to its verb (主动公开本年度制发的 of 主动公开本年度制发的
    省政府规章; 本年度制发 of 本年度制发规章), when the clause has a verb; else ""."""
    lead = context[: -len(subject)] if subject and context.endswith(subject) else ""
    if lead and _LIST_VERB.search(lead):
        return lead
    verbs = list(_LIST_VERB.finditer(context))
    return context[: verbs[-1].end()] if verbs else ""


# the words a channel rule needs (a cheap test before asking the rules again)
_CHANNEL_WORD = regex.compile(
    r"网|微博|微信|公众号|客户端|头条|抖音|新媒体|公报|报刊|报纸|电视|广播|公开栏|公示栏|宣传栏|公告栏|"
    r"揭示板|其[他它](?:方式|媒体|渠道|形式)|热线|查阅")
_YEAR_LEAD = regex.compile(r"^(?:(?:19|20)\d\d年(?:度)?|全年|本年度?|今年)[，,]?")


def _item_channel(sec: Section | None) -> str | None:
    """The channel a short numbered item heading names (`_channel_title` of `sec`, the section
    around a claim, when it is an item: level 2 or deeper), else None."""
    if sec is None or sec.level < 2:
        return None
    return _channel_title(sec.heading)


def _channel_of_item_heading(title: str | None, claim: Claim, context: str,
                             template: str | None, sentence: str) -> tuple[str | None, str] | None:
    """2、政务微博。2017年发布信息38条: a short numbered item heading that names a channel
    (`title`: `_item_channel` of the section around the claim) is that channel's count (the
    sentence under it names only the verb); else None."""
    if title is None:
        return None
    return _channel_rule(claim, title + _YEAR_LEAD.sub("", context), template, sentence,
                         "item-heading")


@lru_cache(maxsize=1 << 10)
def _channel_title(heading: str) -> str | None:
    """A heading's title when it is short (2–8 characters) and names a channel (2、政务微博 →
    政务微博), else None (cached: asked for every claim under a heading)."""
    title = heading_title(heading).rstrip("。：: ")
    return title if 2 <= len(title) <= 8 and _CHANNEL_WORD.search(title) else None


def _channel_rule(claim: Claim, context: str, template: str | None, sentence: str, tag: str
                  ) -> tuple[str | None, str] | None:
    """`rule_indicator` asked with a context built from where the channel is named, kept only
    when a channel rule answers (its rule tagged with how the channel was found); else None."""
    ind, rule = rule_indicator(claim, context, template, sentence)
    return (ind, f"{rule}:{tag}") if rule is not None and rule.startswith("channel.") else None


# a clause that opens a channel (开通了“四川气象”官方微博 / 开通政务微信“今日”), then the count's clause
_OPENS_CHANNEL = regex.compile(r"(?:开通|开设|建立|创建|注册|开办)(?:了)?[^，,；;。]{0,20}$")
_OPENING_VERBS = required_literals(_OPENS_CHANNEL)  # one of them is in every match
_PUBLISH_VERB = regex.compile(r"^(?:共|累计|全年|先后)?(?:发布|推送|公开|更新|公布|刊发)")
_LAST_CLAUSE = regex.compile(r"[^，,；;。]*[，,]\s*$")
_LAST_STOP = regex.compile(r"[，,；;。]", regex.REVERSE)
_SPACE_TO_END = regex.compile(r"\s*$")


def _last_clause(text: str, end: int) -> str | None:
    """`_LAST_CLAUSE.search(text, 0, end)`'s text, found from the end: a match ends in the last
    of the stop characters before `end` (a comma, only blanks after it), and starts right
    after the stop before that (the leftmost start whose run of non-stops reaches the comma).
    tests/test_link.py compares both on the sentences of the corpus."""
    comma = _LAST_STOP.search(text, 0, end)
    if comma is None or text[comma.start()] not in "，,":
        return None
    tail = _SPACE_TO_END.match(text, comma.end(), end)
    if tail is None:
        return None
    stop = _LAST_STOP.search(text, 0, comma.start())
    return text[stop.end() if stop is not None else 0 : tail.end()]
_INFO_ONLY = regex.compile(r"(?:共|累计)?(?:各类|各种)?(?:政务|政府)?(?:信息|稿件|文章)")


def _channel_opened_before(sentence: str, context: str, claim: Claim, template: str | None
                           ) -> tuple[str | None, str] | None:
    """开通了“四川气象”官方微博,发布各种气象类信息3600余条: a clause that opens a channel, right
    before the count's clause, names the channel the count was published on; else None."""
    # (the clause that opens the channel is a piece of the sentence: without a verb of opening
    # in the sentence, `_OPENS_CHANNEL` turns it down; 249 of 9,057 corpus sentences have one)
    # (six `in` tests: 4.1k instructions a sentence against 5.1k for one `re` alternation of
    # the six words, whose first characters, 开 of 公开 above all, stand in most sentences)
    if not sentence.endswith(context) or not holds_any(sentence, _OPENING_VERBS):
        return None
    before = _last_clause(sentence, len(sentence) - len(context))
    if before is None:
        return None
    opened = before.rstrip("，, ")
    if not _OPENS_CHANNEL.search(opened) or not _CHANNEL_WORD.search(opened):
        return None
    words = _YEAR_LEAD.sub("", context)  # 全年推送信息 → 推送信息
    if _PUBLISH_VERB.match(words):
        verb = ""
    elif _INFO_ONLY.fullmatch(words):
        verb = "发布"  # 开通政务微信“今日”,信息45条: the count of what it published
    else:
        return None  # 开通了政务微博,受理群众留言120条: another verb, not publishing
    return _channel_rule(claim, opened + verb + words, template, sentence, "channel-opened-before")


def item_delta(claim: Claim, context: str, template: str | None) -> str | None:
    """`t2.<row>.delta` for the 2019 form's 本年增/减 of a row's items, stated in words
    (行政许可事项本年新增21项; 行政许可事项13项，比2019年减少3项: −3, the claim's direction),
    when the claim's clause is the change and its subject names the row; else None."""
    if template != "2019" or claim.unit not in ("项", "个") or not _ITEM_CHANGE.search(context):
        return None
    item_row, row_of = _item_rows()
    rows = item_row.findall(claim.subject or "") or item_row.findall(context)
    return f"t2.{row_of[rows[-1]]}.delta" if rows else None


def row_column(row_indicator: str, context: str) -> str | None:
    """`t2.<row>.<column>` for a count whose clause names only a column of the row of
    `row_indicator` (本年增加, 处理决定), when the id exists; else None. A decrease (减少) is not
    read: the table prints it as a negative number."""
    parts = row_indicator.split(".")
    if len(parts) != 3 or parts[0] != "t2":
        return None
    for col, rx in _ROW_COLUMNS:
        if rx.match(context.strip()):
            from nlp.tables.labels import indicators

            candidate = f"t2.{parts[1]}.{col}"
            return candidate if candidate in indicators() else None
    return None


def _handled_with_nothing_carried_over(claims: list[Claim], template: str | None) -> None:
    """办理…申请110件,上年度结转0件: requests handled may include last year's (so 办理 alone has no
    2019/2021 id), but with nothing carried over, stated in the same sentence, they are the year's
    new requests (held-out 174)."""
    if template not in _REVISED_FORMS:
        return
    zero = {tuple(c.sentence) for c in claims if c.sentence and c.value == 0
            and c.indicator == "t3.carried_over.total"}
    for c in claims:
        if zero and c.indicator is None and c.sentence and tuple(c.sentence) in zero \
                and rule_id(c) == _HANDLED_CARRY:
            c.indicator = "t3.new.total"
            c.extractor = _with(c.extractor, "indicator:nothing-carried-over")


def _handled_by_balance(claims: list[Claim], template: str | None) -> None:
    """共收到…申请27件,依法办理…申请25件,结转下年度继续办理2件: requests handled that are what
    was received (and carried over, if stated) less what goes on into next year, all in one
    sentence, are the year's results total (held-outs 177 and 198)."""
    if template not in _REVISED_FORMS:
        return
    by_sentence: dict[tuple[int, ...], dict[str, float]] = {}
    for c in claims:
        if c.sentence and c.value is not None and c.indicator in _BALANCE:
            by_sentence.setdefault(tuple(c.sentence), {}).setdefault(c.indicator, c.value)
    for c in claims:
        if c.indicator is not None or c.value is None or not c.sentence \
                or rule_id(c) != _HANDLED_CARRY:
            continue
        got = by_sentence.get(tuple(c.sentence), {})
        if "t3.new.total" not in got or "t3.carried_forward.total" not in got:
            continue
        came = got["t3.new.total"] + got.get("t3.carried_over.total", 0)
        if c.value != came and math.isclose(c.value + got["t3.carried_forward.total"], came):
            c.indicator = "t3.result.total.total"
            c.extractor = _with(c.extractor, "indicator:by-balance")


_BALANCE = frozenset({"t3.new.total", "t3.carried_over.total", "t3.carried_forward.total"})


def _closed_part_of_a_balance(by_id: dict[str, Claim], by_parent: dict[str, list[Claim]],
                              template: str | None) -> None:
    """收到依申请公开16件,其中15件按时办结完毕,1件结转下年度继续办理: a part closed on time whose
    other parts are only what goes on into next year, together the whole, is every request
    closed: the year's results total (held-out 207). (A part closed on time beside others closed
    late, or alone, stays without an id: `whole` of requests.closed.on_time.)"""
    if template not in _REVISED_FORMS:
        return
    for parent_id, parts in by_parent.items():
        closed = [p for p in parts if p.indicator is None and rule_id(p) == _CLOSED_ON_TIME]
        if len(closed) != 1 or closed[0].value is None:
            continue
        rest = [p for p in parts if p is not closed[0]]
        parent = by_id.get(parent_id)
        if parent is None or parent.value is None or not rest or any(
                p.indicator != "t3.carried_forward.total" or p.value is None for p in rest):
            continue
        if math.isclose(closed[0].value + sum(p.value or 0 for p in rest), parent.value):
            closed[0].indicator = "t3.result.total.total"
            closed[0].extractor = _with(closed[0].extractor, "indicator:closed-part-of-a-balance")


def _parts_by_parent(claims: list[Claim]) -> dict[str, list[Claim]]:
    """{claim id: the claims whose parent it is}."""
    out: dict[str, list[Claim]] = {}
    for c in claims:
        if c.parent:
            out.setdefault(c.parent, []).append(c)
    return out


def _handled_made_of_outcomes(claims: list[Claim], by_parent: dict[str, list[Claim]],
                              template: str | None) -> None:
    """共办理…申请34件,其中予以公开7件,部分公开5件,本机关不掌握22件: requests handled whose
    parts are request outcomes (two at least) adding up to them exactly are the year's results
    total (held-out 175)."""
    if template not in _REVISED_FORMS:
        return
    for c in claims:
        if c.indicator is not None or rule_id(c) != _HANDLED_CARRY or c.value is None:
            continue
        parts = by_parent.get(c.claim_id, [])
        if len(parts) >= 2 and all((p.indicator or "").startswith("t3.result.") for p in parts) \
                and math.isclose(sum(p.value or 0 for p in parts), c.value):
            c.indicator = "t3.result.total.total"
            c.extractor = _with(c.extractor, "indicator:made-of-outcomes")


# what a body receives beside requests (letters, hotline tickets, messages, petitions)
_OTHER_MAIL = regex.compile(r"来信|12345|信访|留言|热线|来访|信件|诉求")
_NAMES_REQUESTS = regex.compile(r"依申请|信息公开申请|公开申请")


def _requests_among_other_mail(claims: list[Claim], by_parent: dict[str, list[Claim]], nt: str,
                               norm: Any) -> None:
    """收到12345群众来信、依申请信息公开等26件,其中依申请公开7件: a count received that also holds
    letters or hotline tickets is not the new requests; its part that names the requests is
    (held-out 192)."""
    for c in claims:
        if c.indicator != "t3.new.total" or c.claim_id not in by_parent:
            continue
        ns = norm.to_norm(c.start)
        if not _OTHER_MAIL.search(nt, clause_start(nt, ns, SEMI_STOPS), ns):
            continue
        named = [p for p in by_parent[c.claim_id] if p.indicator is None
                 and _NAMES_REQUESTS.search(p.subject or "")]
        if len(named) != 1:
            continue
        c.indicator, named[0].indicator = None, "t3.new.total"
        c.extractor = _with(c.extractor, "indicator:among-other-mail")
        named[0].extractor = _with(named[0].extractor, "indicator:rule:requests.among-other-mail")


def _totals_with_carry_over(claims: list[Claim]) -> None:
    """A request total one of whose parts is last year's carry-over (申请124宗(含2021年度结转
    5宗)) is 本年新收 + 上年结转, not the new requests: it loses t3.new.*."""
    carried = {c.parent for c in claims
               if c.parent and (c.indicator or "").startswith("t3.carried_over.")}
    for c in claims:
        if c.claim_id in carried and (c.indicator or "").startswith("t3.new."):
            c.indicator = None
            c.extractor = _with(c.extractor, "indicator:includes-carried-over")


# table 三's applicant columns, named in the narrative as the parts of a row's total
# (共计81件，涉及自然人80件、商业企业1件)
_REQUEST_VERB = regex.compile(rf"(?:{RECEIVING}|新收)")


def _one_applicant(context: str) -> str | None:
    """The one applicant class named after the clause's verb of receiving (共收到自然人依申请公开
    事项0项: 自然人; held-out 176), or None (none, several, or 公民、法人或其他组织 together)."""
    if not holds_any(context, _FORM_APPLICANTS):
        # (the class named is one of them, a piece of the clause: without one, no regex asked;
        # most clauses asked. tests/test_speed_link.py compares on the corpus clauses)
        return None
    return _named_applicant(context)


def _named_applicant(context: str) -> str | None:
    """`_one_applicant` the plain way: the clause's verbs, then each applicant class asked."""
    verbs = list(_REQUEST_VERB.finditer(context))
    if not verbs:
        return None
    words = context[verbs[-1].end():]
    named = [m.group() for _, rx in APPLICANTS if (m := rx.search(words))]
    # (公民 and a bare 企业 often stand loosely for the public: only the form's own words count)
    if len(named) != 1 or "法人" in words or named[0] not in _FORM_APPLICANTS:
        return None
    return named[0]


_FORM_APPLICANTS = frozenset({"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"})


def applicant_part(total_indicator: str | None, subject: str | None) -> str | None:
    """`t3.<row>.total` + a part named 自然人/商业企业/… → `t3.<row>.<column>` (an existing id)."""
    if not total_indicator or not subject or not total_indicator.startswith("t3."):
        return None
    if not total_indicator.endswith(".total"):
        return None
    for col, rx in APPLICANTS:
        if rx.search(subject):
            candidate = total_indicator[: -len("total")] + col
            from nlp.tables.labels import indicators

            return candidate if candidate in indicators() else None
    return None


def _with(extractor: str, part: str) -> str:
    return f"{extractor}+{part}" if extractor else part


_RULE_IN_EXTRACTOR = regex.compile(r"(?:^|\+)indicator:rule:([^+]+)")


def rule_id(claim: Claim) -> str | None:
    """The indicator rule that decided the claim, as `Claim.extractor` records it."""
    if "indicator:rule:" not in (claim.extractor or ""):
        return None  # (most claims asked: the pattern's words are not there)
    m = _RULE_IN_EXTRACTOR.search(claim.extractor)
    return m.group(1) if m is not None else None


@lru_cache(maxsize=1)
def _yielding_rules() -> frozenset[str]:
    """Ids of the rules with `yields` (their word has several readings)."""
    return frozenset(r.id for r in indicator_rules() if r.yields)


def loose_reading(claim: Claim) -> bool:
    """Did the claim get its id from a rule whose word has several readings (受理 N件: 本年新收,
    or the requests handled; rule field `yields`)?"""
    return rule_id(claim) in _yielding_rules()


@lru_cache(maxsize=1)
def _ml() -> Any:
    """The `nlp.ml` module, imported once (None: it cannot be imported). An import statement in
    `_classify` ran the import machinery for every document (about 8k instructions: the module
    is a package, so `from nlp.ml import …` goes through importlib's Python code each time)."""
    try:
        import nlp.ml
    except ImportError:
        return None
    return nlp.ml


def _classify(report: Report, claims: list[Claim]) -> None:
    """Let the trained indicator classifier decide claims the rules leave open."""
    ml = _ml()
    if ml is None:
        return
    model = ml.load_indicator_classifier()
    if model is None:
        return
    for claim, (ind, prob) in zip(claims, model.predict_claims(report, claims), strict=True):
        if ind is not None:
            claim.indicator = ind
            claim.extractor = _with(claim.extractor, f"indicator:model:{prob:.2f}")


# Zero statements naming both 行政复议 and 行政诉讼 (未发生行政复议和行政诉讼): every indicator
# they cover, per template.
_ZERO_REVIEW_LITIGATION = {
    "pre2019": ("review.total", "litigation.total"),
    "local": ("review.total", "litigation.total"),
    "2019": ("t4.review.total", "t4.litigation_direct.total", "t4.litigation_after_review.total"),
    "2021": ("t4.review.total", "t4.litigation_direct.total", "t4.litigation_after_review.total"),
}


def _extra_zero_indicators(claim: Claim, template: str | None, text: str) -> list[str]:
    if claim.kind != "zero" or claim.indicator is None:
        return []
    phrase = text[claim.start : claim.end]
    if "复议" in phrase and "诉讼" in phrase:
        covered = _ZERO_REVIEW_LITIGATION.get(template or "", ())
        if claim.indicator in covered:
            return [i for i in covered if i != claim.indicator]
    return []


def link(report: Report) -> list[Link]:
    """Assign indicators, then link each claim with an indicator to its cell(s)."""
    assign_indicators(report)
    by_id: dict[str, list[Cell]] = {}
    for cell in report.cells:
        if cell.indicator:
            by_id.setdefault(cell.indicator, []).append(cell)
    links: list[Link] = []
    doc = report.document
    for claim in report.claims:
        if claim.indicator is None:
            continue
        targets = [(claim.indicator, 1.0)]
        targets += [(x, 0.9) for x in _extra_zero_indicators(claim, doc.template, doc.text)]
        for ind, score in targets:
            for cell in by_id.get(ind, [])[:1]:  # one cell per indicator
                method = "indicator-model" if "indicator:model" in claim.extractor else "indicator-rule"
                links.append(Link(doc.doc_id, claim.claim_id, cell.cell_id, ind, score, method))
    return links
