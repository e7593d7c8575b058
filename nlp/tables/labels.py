"""Label keys and the label data (`nlp/data/table_labels.toml`, `nlp/data/indicators.tsv`).

`label_key` folds a printed row or column label to the form the data files compare: width and
script folded (`nlp.normalize.same_length`), numbering and `其中：` stripped, bracketed notes
dropped, whitespace and punctuation removed, 合计 read as 总计.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator, Mapping
from difflib import SequenceMatcher
from functools import lru_cache
from operator import ne
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from nlp.normalize import same_length
from nlp.scan import digit_or, holds_any

DATA = Path(__file__).resolve().parent.parent / "data"

_NUMBERING = regex.compile(
    r"^(?:其中\s*[:：]?|[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]"
    r"|\d+\s*[、.．](?!\d)|[①-⑳⑴-⒇]|[:：])\s*"
)
_BRACKETED = regex.compile(r"[(（【\[][^()（）【】\[\]]*[)）】\]]")
# what a `_NUMBERING` match can start with besides a digit (`\d`: `str.isdecimal` in the Basic
# Multilingual Plane), and the brackets a `_BRACKETED` match starts with (tests/test_speed_tt.py
# reads both off the patterns)
_NUMBERING_FIRSTS = frozenset("其一二三四五六七八九十(（:：" + "".join(map(chr, range(0x2460, 0x2488))))
_BRACKET_OPENS = "(（【["
_DROP = regex.compile(r"[\s\u3000:：、，,。;；“”\"'‘’《》<>〈〉·.．]+")


@lru_cache(maxsize=1 << 16)
def label_key(text: str) -> str:
    """The comparison key of a printed label (see the module docstring)."""
    s = same_length(text or "").strip()
    # (each pattern asked only where it can match: `_NUMBERING` where the label starts with one
    # of its first characters, the bracket patterns where a bracket they start with stands)
    for _ in range(3):  # `其中：1.` has two numbering marks
        c = s[:1]
        if not digit_or(c, _NUMBERING_FIRSTS):
            break
        new = _NUMBERING.sub("", s, count=1)
        if new == s:
            break
        s = new
    if holds_any(s, _BRACKET_OPENS):
        prev = None
        while prev != s:  # nested notes
            prev = s
            s = _BRACKETED.sub("", s)
    if "(" in s or "（" in s:
        # a note a line break cut before its closing bracket (（二）部分公开（区分处理的，⏎…)
        cut = _OPEN_NOTE.sub("", s)
        s = cut if len(cut) >= 2 else s
    s = _DROP.sub("", s)
    s = s.replace("合计", "总计").replace("其它", "其他").replace("\\", "/")  # 本年增\减 (held-out 91)
    return s


_OPEN_NOTE = regex.compile(r"[（(][^（()）]*$")


def _settled(a: str, b: str) -> float | None:
    """The score of the cases decided without difflib (empty, equal, contained), else None."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4 and short in long_ and len(short) >= 0.7 * len(long_):
        return 0.95
    if len(a) == len(b) >= TYPO_LEN and sum(map(ne, a, b)) == 1:
        return 0.9  # one character misprinted (本年废纸件数 for 本年废止件数)
    return None


# a label this long with one character misprinted is still that label; shorter ones differ in
# meaning by one character (历年累计 / 本年累计)
TYPO_LEN = 6


def similarity(a: str, b: str) -> float:
    """How alike two keys are: 1 for equal keys, 0.95 when one holds the other, 0.9 for one
    misprinted character in six or more, else difflib's ratio × 0.94."""
    settled = _settled(a, b)
    if settled is not None:
        return settled
    return SequenceMatcher(None, a, b).ratio() * 0.94


class Choices(Mapping[str, tuple[str, ...]]):
    """An immutable {name: label keys} that hashes once: the match caches look it up by
    hash, so a mapper asking about every row does not rebuild and rehash its choices."""

    __slots__ = ("_d", "_hash", "_items")

    def __init__(self, mapping: Mapping[str, tuple[str, ...]]) -> None:
        self._items = tuple((k, tuple(v)) for k, v in mapping.items())
        self._d = dict(self._items)
        self._hash = hash(self._items)

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self._d[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, Choices) and self._items == other._items)

    def pairs(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return self._items


def _choices(choices: Mapping[str, tuple[str, ...]]) -> Choices:
    return choices if isinstance(choices, Choices) else Choices(choices)


MATCH = 0.86  # the mappers' threshold: `best_match`'s, `match`'s and `matches_one`'s


def best_match(key: str, choices: Mapping[str, tuple[str, ...]], threshold: float = MATCH
               ) -> tuple[str | None, float]:
    """The choice whose label keys are most like `key` (ties: the first), or (None, score)."""
    return _best_match(key, _choices(choices), threshold)


@lru_cache(maxsize=1 << 16)
def _best_match(key: str, choices: Choices, threshold: float) -> tuple[str | None, float]:
    best, best_score = None, 0.0
    for name, labels in choices.pairs():
        for lab in labels:
            if _upper_bound(key, lab) <= best_score:
                continue  # cannot beat the best so far: the exact score is not needed
            sc = similarity(key, lab)
            if sc > best_score:
                best, best_score = name, sc
    if best_score < threshold:
        return None, best_score
    return best, best_score


def match(key: str, choices: Mapping[str, tuple[str, ...]], threshold: float = MATCH
          ) -> str | None:
    """`best_match(key, choices, threshold)[0]`, without computing scores that cannot reach
    `threshold` (the name is the same; use `best_match` for the score)."""
    return _match(key, _choices(choices), threshold)


@lru_cache(maxsize=1 << 16)
def _match(key: str, choices: Choices, threshold: float) -> str | None:
    best, best_score = None, 0.0
    lengths = _unscreened(len(key), threshold)
    for name, labels in choices.pairs():
        for lab in labels:
            if len(lab) not in lengths:
                continue  # one under 0.7 of the other's length: see `SCREENED`
            ub = _upper_bound(key, lab)
            if ub < threshold or ub <= best_score:
                continue  # cannot be the answer: a winner scores >= threshold and > the rest
            sc = similarity(key, lab)
            if sc >= threshold and sc > best_score:
                best, best_score = name, sc
    return best


def matches_one(key: str, labels: Iterable[str], threshold: float = MATCH) -> bool:
    """Does `key` match one of `labels` (`match(key, {name: labels}, threshold)` is the name)?
    Asked without the mapping and the caches, for a caller that asks it of many names at once:
    the first of `labels` whose bound and score reach `threshold` answers (before it, `_match`
    has no best score to skip by)."""
    lengths = _unscreened(len(key), threshold)
    for lab in labels:
        if len(lab) not in lengths:
            continue
        if label_matches(key, lab, threshold):
            return True
    return False


def label_matches(key: str, lab: str, threshold: float = MATCH) -> bool:
    """Does `key` match the label key `lab` (`similarity` at `threshold` or more, asked only
    where `_upper_bound` reaches it)? The test `matches_one` makes of each label."""
    return _upper_bound(key, lab) >= threshold and similarity(key, lab) >= threshold


# Two keys one of which is under 0.7 of the other's length score under this, bound included:
# they are neither equal, nor one inside the other (that needs 0.7), nor one misprint apart (the
# same length), so `_upper_bound` is 0.94 × 2·short / (short + long) < 0.94 × 2 / (1 + 1 / 0.7)
# = 0.7742 (0 for an empty one). `_match` and `matches_one` skip such a label, with a threshold
# of this or more, by the lengths alone.
SCREENED = 0.78


def _unscreened(n: int, threshold: float) -> range:
    """The lengths of the labels a key of length `n` is compared with: with a `threshold` of
    `SCREENED` or more, those m with neither of m and n under 0.7 of the other (7n ≤ 10m and
    7m ≤ 10n), else every length."""
    if threshold < SCREENED:
        return range(sys.maxsize)
    return range((7 * n + 9) // 10, 10 * n // 7 + 1)


def _upper_bound(a: str, b: str) -> float:
    """A float never below `similarity(a, b)`: exact for the equal, empty and contained cases,
    else `0.94 ×` an upper bound of `SequenceMatcher.ratio` (matched characters <= the shorter
    length and <= the characters the two share, counted with multiplicity)."""
    settled = _settled(a, b)
    if settled is not None:
        return settled
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    total = len(a) + len(b)
    if 2.0 * len(short) / total * 0.94 < 0.86:  # below every threshold the mappers use
        return 2.0 * len(short) / total * 0.94
    chars = set(short)
    if len(chars) == len(short):  # no character twice: each is shared once or not at all
        shared = len(chars.intersection(long_))
    else:
        shared = sum(min(short.count(ch), long_.count(ch)) for ch in chars)
    return 2.0 * shared / total * 0.94


def _freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return MappingProxyType({k: _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


@lru_cache(maxsize=1)
def table_labels() -> Any:
    """`table_labels.toml`, read once, as read-only mappings and tuples."""
    from nlp.data import load_toml

    return _freeze(load_toml(DATA / "table_labels.toml"))


@lru_cache(maxsize=1)
def indicators() -> Any:
    """`indicators.tsv` as {id: {templates, unit, label, parent}} (read-only)."""
    out = {}
    with open(DATA / "indicators.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["id"]] = MappingProxyType({
                "templates": tuple(row["templates"].split(",")),
                "unit": row["unit"] or None,
                "label": row["label"],
                "parent": row["parent"] or None,
            })
    return MappingProxyType(out)


def keyed(mapping: Any) -> Choices:
    """{name: labels} with each label replaced by its key."""
    return Choices({name: tuple(label_key(x) for x in labels) for name, labels in mapping.items()})


@lru_cache(maxsize=64)
def keyed_labels(*path: str) -> Choices:
    """`keyed` of the section of `table_labels()` at `path` (e.g. "t2", "rows"), made once."""
    node: Any = table_labels()
    for part in path:
        node = node[part]
    return keyed(node)
