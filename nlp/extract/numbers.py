"""Numerals: turn a number span that a pattern has already found into a value.

Only spans are converted, never whole texts (cn2an's `transform` rewrites 统一零售价 as
统10售价; we never do that). Values are `Decimal`, so 百分之一点五七 is exactly 1.57.

    >>> parse_number("1,100万")
    Decimal('11000000')
    >>> parse_number("二十五万六千"), parse_number("3万4000"), parse_number("一千零一")
    (Decimal('256000'), Decimal('34000'), Decimal('1001'))
    >>> parse_pair("两三")
    (Decimal('2'), Decimal('3'))

Handled: Arabic digits with thousands separators (`1,234`), full-width digits, decimals;
Chinese digits 零〇一二两三…九 and capital forms 壹贰叁…玖 拾佰仟; place values 十百千万亿 (万亿
compose: 二十万亿 = 2×10^13); mixed forms (`1.5万`, `3万4000`, `25万6千`, `1,100万`, `1千零1`);
the colloquial tail (`一万五` = 15000, `三千五` = 3500); Chinese decimals (`三点二`); 廿 卅.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

import regex

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
# "洞" and "幺" are radio forms; they never start a number in the claim patterns.
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
TENS: dict[str, int] = {"廿": 20, "卅": 30}

_FULLWIDTH_DIGITS = {cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH_DIGITS[0xFF0E] = "."  # ．
_ARABIC = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_PAIR = regex.compile(r"[一两二三四五六七八九]{2}")


def _arabic(s: str) -> Decimal:
    return Decimal(s.replace(",", ""))


@lru_cache(maxsize=1 << 12)
def parse_number(span: str) -> Decimal:
    """Value of one numeral span (Arabic, Chinese or mixed). Raises `ValueError` if it is not one.
    (Cached: the same number texts come again and again; a `Decimal` is immutable.)

    `span` is what a pattern matched, e.g. `33`, `1,234`, `１２.５万`, `二十六`, `壹佰贰拾`.
    """
    if span.isascii() and span.isdigit():  # the common case: plain digits
        return Decimal(span)
    s = span.strip().translate(_FULLWIDTH_DIGITS).replace(" ", "")
    if not s:
        raise ValueError("empty numeral")
    if "点" in s:  # Chinese decimal: integer part 点 digit by digit
        head, _, tail = s.partition("点")
        if not tail or any(ch not in CN_DIGITS and not ch.isdigit() for ch in tail):
            raise ValueError(f"not a numeral: {span!r}")
        frac = "".join(str(CN_DIGITS[ch]) if ch in CN_DIGITS else ch for ch in tail)
        whole = parse_number(head) if head else Decimal(0)
        return whole + Decimal("0." + frac)
    return _parse_integer_like(s, span)


def _parse_integer_like(s: str, span: str) -> Decimal:
    if len(s) > 1 and all(ch in CN_DIGITS for ch in s):  # digit by digit: 一〇一, 二〇一八
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in s))
    result = Decimal(0)  # everything already multiplied by 亿
    big = Decimal(0)  # the 万 block below 亿
    section = Decimal(0)  # below 万
    num: Decimal | None = None
    last_unit = 0  # the place value just before `num`, for the colloquial tail (一万五)
    num_is_cn_digit = False
    after_zero = False
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch.isdigit():
            m = _ARABIC.match(s, i)
            if m is None or num is not None:
                raise ValueError(f"not a numeral: {span!r}")
            num = _arabic(m.group())
            num_is_cn_digit = False
            i = m.end()
        elif ch in CN_DIGITS:
            d = CN_DIGITS[ch]
            if d == 0:
                if num is not None:
                    raise ValueError(f"not a numeral: {span!r}")
                after_zero = True
            elif num is not None:
                raise ValueError(f"not a numeral: {span!r}")
            else:
                num = Decimal(d)
                num_is_cn_digit = True
            i += 1
        elif ch in TENS:
            section += TENS[ch]
            num, last_unit, after_zero = None, 10, False
            i += 1
        elif ch in SMALL_UNITS:
            u = SMALL_UNITS[ch]
            section += (num if num is not None else Decimal(1)) * u
            num, last_unit, after_zero = None, u, False
            i += 1
        elif ch in BIG_UNITS:
            u = BIG_UNITS[ch]
            block = section + (num if num is not None else Decimal(0))
            if u == 10_000:
                if block == 0 and big == 0 and result == 0:
                    block = Decimal(1)  # bare 万
                big += block * u
            else:
                block += big
                if block == 0 and result == 0:
                    block = Decimal(1)  # bare 亿
                result = (result + block) * u
                big = Decimal(0)
            section = Decimal(0)
            num, last_unit, after_zero = None, u, False
            i += 1
        else:
            raise ValueError(f"not a numeral: {span!r}")
    tail = Decimal(0)
    if num is not None:
        if num_is_cn_digit and last_unit >= 100 and not after_zero:
            tail = num * (last_unit // 10)  # 一万五 = 15000, 三千五 = 3500
        else:
            tail = num
    return result + big + section + tail


@lru_cache(maxsize=1 << 12)
def parse_pair(span: str) -> tuple[Decimal, Decimal] | None:
    """Approximate pairs written as two adjacent digits: 两三 → (2, 3), 三五 → (3, 5).

    Returns None when `span` is not such a pair (二十 is a number, not a pair).
    """
    s = span.strip()
    if len(s) != 2 or not _PAIR.fullmatch(s):  # (two characters, or no pair: no regex asked)
        return None
    a, b = CN_DIGITS[s[0]], CN_DIGITS[s[1]]
    if b <= a or (b - a > 1 and (a, b) != (3, 5)):
        return None
    return Decimal(a), Decimal(b)


def to_python(value: Decimal) -> int | float:
    """A `Decimal` as an int when integral, else a float (what the records and exporters store)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@lru_cache(maxsize=1)
def _same_length() -> Callable[[str], str]:
    """`nlp.normalize.same_length`, imported on first use (an import statement in every
    `printed_decimals` call cost about 7k instructions)."""
    from nlp.normalize import same_length

    return same_length


def printed_decimals(text: str) -> int:
    """Decimal places printed in a number's text (75% → 0, 51.85% → 2, 百分之六十点五 → 1)."""
    text = _same_length()(text)
    for sep in (".", "点"):
        if sep in text:
            n = 0
            for ch in text.split(sep, 1)[1]:
                if ch.isdigit() or ch in "零〇一二三四五六七八九":
                    n += 1
                else:
                    break
            return n
    return 0


def half_unit(text: str) -> float:
    """Half a unit of the last printed decimal (12.4% → 0.05): how far a correctly rounded
    printed value may lie from the exact one."""
    return half_unit_of(printed_decimals(text))


def half_unit_of(decimals: int) -> float:
    """Half a unit of the `decimals`-th decimal place (1 → 0.05): `half_unit` of a text whose
    `printed_decimals` are already known."""
    return 0.5 * 10 ** -decimals
