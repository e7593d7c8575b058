"""Normalise text for matching without ever moving offsets.

`normalize(text)` returns a `NormalizedText`: a matching view (`.text`) plus an offset map
(`.index`) back into the source. The view:

- maps full-width digits, letters, ％ ． （ ） ［ ］ and the ideographic space to ASCII
  (clause punctuation ，；：、。 stays as it is, because it marks clause boundaries);
- converts traditional characters to simplified (國辦發 → 国办发), one character for one;
- drops spaces inside a line where they touch a digit or a Han character (`2018 年`, `33 条`);
- drops line breaks that cut a sentence in two (a line that does not end a sentence, followed
  by a line that is not a heading).

Matchers run on `.text` and call `.span(i, j)` to get source offsets, so every record still
satisfies `source[start:end]` == what the file says. `tests/test_normalize.py` proves the
round trip.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

_FULLWIDTH_KEEP = set("，；：！？")
_SPACES = {" ", "\u3000", "\xa0", "\u2002", "\u2003", "\u2009", "\t"}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}
_SENTENCE_END = set("。！？；：:!?;」』”\"）)】")
_HEADING_START = regex.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十0-9]+[)）]|\d+[、.．]\D|"
    r"第[一二三四五六七八九十]+[部分章节条])"
)
_TITLE_END = regex.compile(r"(?:报告|年报|统计表|報告|年報|統計表)$")
_SENTENCE_INSIDE = regex.compile(r"[。！？!?]")
_HAN_OR_DIGIT = regex.compile(r"[\p{Han}0-9０-９%％]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _char_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):
        ch = chr(cp)
        if ch in _FULLWIDTH_KEEP:
            continue
        table[cp] = chr(cp - 0xFEE0)
    table[0x3000] = " "
    return table


_TABLE = _char_table()


def to_simplified(text: str) -> str:
    """Traditional → simplified, one character for one (length is kept)."""
    if not text or text.isascii():
        return text
    conv = _t2s().convert(text)
    if len(conv) == len(text):
        return conv
    out = []
    for ch in text:  # a phrase rule changed the length: fall back to single characters
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def same_length(text: str) -> str:
    """Width and script folding only: same length as `text`, so offsets are shared."""
    return to_simplified(text.translate(_TABLE))


@dataclass(frozen=True)
class NormalizedText:
    source: str
    text: str
    index: tuple[int, ...]  # index[i] = source offset of text[i]; index[len(text)] = len(source)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the normalised span [start, end)."""
        if end <= start:
            s = self.index[start]
            return s, s
        return self.index[start], self.index[end - 1] + 1

    def to_norm(self, source_offset: int) -> int:
        """Normalised offset of the first kept character at or after `source_offset`."""
        i = bisect_right(self.index, source_offset - 1)
        return min(i, len(self.text))


def _is_hd(ch: str) -> bool:
    return bool(_HAN_OR_DIGIT.match(ch))


def normalize(text: str) -> NormalizedText:
    folded = same_length(text)
    n = len(folded)
    keep = [True] * n
    # zero-width characters go everywhere
    for i, ch in enumerate(folded):
        if ch in _ZERO_WIDTH:
            keep[i] = False
    # spaces between a digit/Han char and a digit/Han char (skipping other spaces)
    i = 0
    while i < n:
        if folded[i] in _SPACES:
            j = i
            while j < n and folded[j] in _SPACES:
                j += 1
            prev = folded[i - 1] if i > 0 else ""
            nxt = folded[j] if j < n else ""
            if prev and nxt and (_is_hd(prev) or _is_hd(nxt)) and prev != "\n" and nxt != "\n":
                if not (prev.isdigit() and nxt.isdigit()):  # "12 34" stays two numbers
                    for k in range(i, j):
                        keep[k] = False
            i = j
        else:
            i += 1
    # line breaks inside a sentence
    lines_start = 0
    for i, ch in enumerate(folded):
        if ch != "\n":
            continue
        line = folded[lines_start:i].strip()
        lines_start = i + 1
        if len(line) < 15 or line[-1] in _SENTENCE_END:
            continue
        if _TITLE_END.search(line):
            continue  # a title or a table caption ("…年度报告", "…统计表") is a line of its own
        if _HEADING_START.match(line) and not _SENTENCE_INSIDE.search(line):
            continue  # a heading line ("四、政府信息公开复议诉讼和举报情况") ends its paragraph
        j = i + 1
        while (j < n and folded[j] in _SPACES) or (j < n and folded[j] in "\r\n"):
            j += 1
        if j >= n or not _is_hd(line[-1]):
            continue
        rest = folded[j : j + 12]
        if _HEADING_START.match(rest) or "\t" in folded[j : folded.find("\n", j) if folded.find("\n", j) > 0 else n]:
            continue
        if not _is_hd(folded[j]):
            continue
        for k in range(i, j):
            keep[k] = False
        # also drop "\r" before the break
        if i > 0 and folded[i - 1] == "\r":
            keep[i - 1] = False
    chars = []
    index = []
    for i, ch in enumerate(folded):
        if keep[i]:
            chars.append(ch)
            index.append(i)
    index.append(n)
    return NormalizedText(source=text, text="".join(chars), index=tuple(index))
