"""Cell text → number: `parse_value("251000元") == Value(251000.0, "元", "")`.

Blank, `/`, `-`, `—`, `无` and the like are null (the raw text is kept by the caller). Signed
deltas (`+2`, `-1`, and in words `增1423`, `减3`, `增加2`), thousands separators, a unit inside the cell and footnote marks (`3*`,
`5①`) are read; anything else is not a value.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from nlp.normalize import same_length
from nlp.scan import digit_or

NULL_MARKS = frozenset({"", "/", "-", "—", "——", "–", "－", "无", "空", "\\", "、", "--", "／", "…",
                        "_", "__", "＿", "＿＿"})  # _ as a blank (held-out 76)

UNITS = (
    "万元", "亿元", "元", "人次", "条", "件", "次", "个", "人", "篇", "期", "份", "项", "家", "场",
    "起", "天", "%", "万人次", "万条", "笔", "宗", "例",  # 笔: procurement items (held-out 113)
)
_UNIT_ALT = "|".join(sorted((regex.escape(u) for u in UNITS), key=len, reverse=True))
_VALUE = regex.compile(
    rf"^(?P<sign>[+\-±]|增加|新增|增|减少|减)?\s*(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{_UNIT_ALT})?\s*(?P<note>[*※#①-⑳⑴-⒇¹²³⁴⁵⁶⁷⁸⁹]+|[(（]\s*注\s*\d*\s*[)）])?$"
)


# what a `_VALUE` match can start with besides a digit (`\d`: `str.isdecimal` in the Basic
# Multilingual Plane, tests/test_tables.py checks every code point): its sign's first characters
_VALUE_FIRSTS = frozenset("+-±增新减")

_SPACES = regex.compile(r"\s+")
# three or more numbers apart in one cell are several numbers (a PDF row: `8 0 0 0 0 0 8`); two
# may be one number a narrow cell wrapped (`85 9` for 859)
_SPACED_NUMBERS = regex.compile(r"\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?){2,}")
_THOUSANDS = regex.compile(r"\d{1,3}(?:\s\d{3})+(?:\.\d+)?")  # 1 234 567


class Value(NamedTuple):
    value: float | None
    unit: str | None
    note: str


def is_null(text: str) -> bool:
    return same_length(text).strip().replace(" ", "") in NULL_MARKS


# 增 over 减 in one cell (held-out 97, 大余县民政局: 1/0, 0/0); small counts only, so no date or year pair
_CHANGE_PAIR = regex.compile(r"(\d{1,3})/(\d{1,3})")


@lru_cache(maxsize=1 << 16)
def parse_value(text: str) -> Value | None:
    """A number read from a cell, `Value(None, None, "")` for a blank/null mark, or None when
    the text is not a value (a label, a header word)."""
    s = same_length(text or "").strip()
    # (both patterns below only where the stripped cell holds white space: `_SPACED_NUMBERS`
    # needs some and `_SPACES` takes nothing else; `str.split` cuts at every character `regex`
    # reads as `\s`, `scan.REGEX_SPACE`, so a cell it leaves whole holds none)
    if len(s.split()) > 1:
        if _SPACED_NUMBERS.fullmatch(s) and not _THOUSANDS.fullmatch(s):
            return None  # several numbers in one cell, not 8000008
        s = _SPACES.sub("", s)
    if s in NULL_MARKS:
        return Value(None, None, "")
    s = s.replace("，", ",").replace("−", "-")
    pair = _CHANGE_PAIR.fullmatch(s) if "/" in s else None
    if pair is not None:  # 本年增/减 printed as a pair, 增 over 减 (1/0, 0/0): the net change
        return Value(float(int(pair[1]) - int(pair[2])), None, "增/减")
    c = s[0]  # (not empty: "" is a null mark; no white space is left in `s`)
    if not digit_or(c, _VALUE_FIRSTS):
        return None  # (`_VALUE` starts with a sign or a digit: most labels are turned down here)
    m = _VALUE.match(s)
    if not m:
        return None
    num = float(m["num"].replace(",", ""))
    if m["sign"] in ("-", "减", "减少"):  # 本年增/减 printed in words: 增1423, 减3
        num = -num
    return Value(num, m["unit"], m["note"] or "")


@lru_cache(maxsize=1 << 14)
def is_unit(text: str) -> bool:
    """A cell that is only a unit (the 单位 column of a pre2019 list)."""
    s = _SPACES.sub("", same_length(text or ""))
    return s in UNITS or s in {"人/次", "次/人"}
