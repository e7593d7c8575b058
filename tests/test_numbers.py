"""Numeral parsing (`nlp.extract.numbers`): spans already found → exact Decimal values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.extract.numbers import parse_number, parse_pair, to_python


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        # Arabic: separators, full-width digits, decimals
        ("33", "33"),
        ("1,234", "1234"),
        ("123,244.2", "123244.2"),
        ("３３", "33"),
        ("１２.５", "12.5"),
        ("16.13", "16.13"),
        ("0", "0"),
        # Chinese numerals
        ("二十六", "26"),
        ("三十三", "33"),
        ("十", "10"),
        ("十五", "15"),
        ("一千二百", "1200"),
        ("一千零一", "1001"),
        ("两", "2"),
        ("两千", "2000"),
        ("二百", "200"),
        ("一万零一十二", "10012"),
        ("一万零十二", "10012"),  # Recognizers-Text #1556: both are 10012
        ("二十万亿", "20000000000000"),  # Recognizers-Text #2325
        ("一万五千亿", "1500000000000"),  # Recognizers-Text #759
        ("二〇一八", "2018"),
        # capital forms
        ("壹佰贰拾", "120"),
        ("叁拾叁", "33"),
        ("壹仟零伍", "1005"),
        # mixed forms
        ("1.5万", "15000"),
        ("3万4000", "34000"),  # Recognizers-Text #2302
        ("25万6千", "256000"),
        ("1,100万", "11000000"),  # Recognizers-Text #2297
        ("1,100.9亿", "110090000000"),
        ("1千零1", "1001"),
        ("26.8万", "268000"),
        ("1.18万", "11800"),
        ("13万2", "130002"),  # Arabic tail is literal (cn2an #57 reads it as 132000: ambiguous)
        # colloquial tail and Chinese decimals
        ("一万五", "15000"),
        ("三千五", "3500"),
        ("三点二", "3.2"),
        ("一点五七", "1.57"),  # exact, not 1.5699999999999998
    ],
)
def test_parse_number(span, expected):
    assert parse_number(span) == Decimal(expected)


@pytest.mark.parametrize("span", ["", "条", "3.2.1", "统一", "一五三点", "3条"])
def test_parse_number_rejects_non_numerals(span):
    with pytest.raises(ValueError):
        parse_number(span)


@pytest.mark.parametrize(
    ("span", "expected"),
    [("两三", (2, 3)), ("三四", (3, 4)), ("三五", (3, 5)), ("七八", (7, 8)), ("一两", (1, 2)),
     ("二十", None), ("三三", None), ("五三", None), ("33", None)],
)
def test_parse_pair(span, expected):
    got = parse_pair(span)
    assert (None if got is None else tuple(int(x) for x in got)) == expected


@pytest.mark.parametrize(
    ("value", "expected", "typ"),
    [(Decimal("33"), 33, int), (Decimal("125000.0"), 125000, int), (Decimal("1.57"), 1.57, float)],
)
def test_to_python(value, expected, typ):
    got = to_python(value)
    assert got == expected and type(got) is typ


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_with_separators_round_trips(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点壹贰叁拾佰仟0123456789.,", max_size=12))
def test_parse_number_never_raises_anything_but_valueerror(s):
    try:
        parse_number(s)
    except ValueError:
        pass


@pytest.mark.parametrize(("text", "decimals"), [
    ("75%", 0), ("51.85%", 2), ("百分之六十点五", 1), ("１２．４％", 1), ("12.40%", 2),
])
def test_printed_decimals_and_half_unit(text, decimals):
    from nlp.extract.numbers import half_unit, printed_decimals

    assert printed_decimals(text) == decimals
    assert half_unit(text) == pytest.approx(0.5 / 10 ** decimals)
