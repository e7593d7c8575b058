"""Normalise text for matching without ever moving offsets.

`normalize(text)` returns a `NormalizedText`: a matching view (`.text`) plus an offset map
(`.index`) back into the source. The view:

- maps full-width digits, letters, ％ ． （ ） ［ ］ and the ideographic space to ASCII
  (clause punctuation ，；：、。 stays as it is, because it marks clause boundaries);
- maps the Kangxi radicals and radical forms that some PDF fonts put for whole characters
  (⼀⼆⼈⺠ in text extracted from such PDFs) to the characters (一二人民);
- converts traditional characters to simplified (國辦發 → 国办发), one character for one, and
  the Taiwan-usage 規範性檔案 of some mirrors to 规范性文件;
- drops spaces inside a line where they touch a digit or a Han character (`2018 年`, `33 条`), and
  the pinyin glosses some mirrors print inside words (`網(wǎng)站`);
- drops line breaks that cut a sentence in two (a line that does not end a sentence, or ends
  a clause with ；, followed by a line that is neither a heading nor an enumeration item).

Matchers run on `.text` and call `.span(i, j)` to get source offsets, so every record still
satisfies `source[start:end]` == what the file says. `tests/test_normalize.py` proves the
round trip.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache

import regex

from nlp.scan import (
    REGEX_SPACE,
    WHITE_SPACE,
    bmp_han,
    char_class,
    char_ranges,
    holds_any,
    stdlib_twin,
)

_FULLWIDTH_KEEP = set("，；：！？")
_SPACES = {" ", "\u3000", "\xa0", "\u2002", "\u2003", "\u2009", "\t"}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}
_SENTENCE_END = set("。！？；：:!?;」』”\"）)】")
# a line that ends with one of these keeps its break (`_join_break`: only a digit, a point, a
# clause's ；, a Han character or an open mark can end a line it joins)
_ENDS_SENTENCE = _SENTENCE_END - set("；;")
# a line that is only a page number of a PDF page: `— 6 —`, `- 9 -`, `第 6 页`, `第6页 共12页`,
# `3/12`, `Page 9 of 12`, `P. 9`, `·9·` (the PDF reader drops them; text readers skip them)
PAGE_NUMBER = regex.compile(
    r"^\s*(?:[-—–－\s]*[0-9０-９]{1,4}[-—–－\s]*|第\s*[0-9０-９一二三四五六七八九十]+\s*页"
    r"(?:\s*[，,/／]?\s*共\s*[0-9０-９]+\s*页)?|[0-9]{1,4}\s*[/／]\s*[0-9]{1,4}|"
    r"(?i:page)\s*\d+(?:\s*(?i:of)\s*\d+)?|P\.\s*\d{1,4}|[·•\-—]\s*[0-9]{1,4}\s*[·•\-—])\s*$"
)
# the page numbers of that list that cannot be a table cell or a line of prose: `第 6 页`,
# `第6页 共12页`, `共12页 第6页`, `— 6 —`, `- 9 -`, `·9·`, `Page 9 of 12` (not a lone `6`, which
# a web table printed one cell a line is made of, nor `3/12`). Text from PDFs (pdftotext, a
# copy from a viewer) keeps them between the lines of a paragraph: the view drops the line and
# joins the paragraph across it (`…主动公开政府信息121⏎第 9 页 共 9 页⏎510件` is 121510件).
# (stdlib `re`, three times faster here than `regex`; `_WS` spells out what `regex` reads as
# `\s`, which `re` reads differently at U+001C–U+001F. The match starts at the line break before
# the line, which `re` finds about twice as fast as a line start (`^`), and ends before the line
# break after it: `_page_lines` reads the line's span off it. `_PAGE_FIRST` asks for the first
# character of one of its branches before they are tried, one class where each branch was
# entered at every line: the scan 8.4M → 6.2M on the new texts.)
_WS = WHITE_SPACE
_PAGE_FIRST = r"(?=[第共\-—–－·•Pp])"  # (`(?i:p)` matches p and P only)
_PAGE_LINE = re.compile(
    rf"(?m)\n[ \t\u3000]*{_PAGE_FIRST}(?:第{_WS}*[0-9０-９]{{1,4}}{_WS}*页(?:{_WS}*[，,/／]?{_WS}*共{_WS}*[0-9０-９]{{1,4}}{_WS}*页)?"
    rf"|共{_WS}*[0-9０-９]{{1,4}}{_WS}*页{_WS}*[，,/／]?{_WS}*第{_WS}*[0-9０-９]{{1,4}}{_WS}*页"
    r"|[-—–－]+[ \t]*[0-9０-９]{1,4}[ \t]*[-—–－]+|[·•][ \t]*[0-9]{1,4}[ \t]*[·•]"
    r"|(?i:page)[ \t]*[0-9]{1,4}(?:[ \t]*(?i:of)[ \t]*[0-9]{1,4})?)[ \t\u3000]*\r?$")
HEADING_START = regex.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十0-9０-９]+[)）]|"
    r"[0-9０-９]+[、.．](?![0-9])|第[一二三四五六七八九十]+[部分章节条]|附件|[一二三四五六七八九十]是)"
)
"""A line that starts a heading or a list item (一、 （一） 1. 第一章 附件 一是): never joined to the
line before it, by this view or by the PDF reader."""
_MARKDOWN_MARKUP = regex.compile(
    r"(?m)^[ \t]*(?P<lead>#{1,6}[ \t]+|>[ \t]?)(?=\S)"
    r"|\*\*(?=[^\s*])[^\n*]{1,200}?(?<=[^\s*])\*\*(?!\*)")
"""Markdown markup a converter (PDF or Word → Markdown) leaves in text: a heading's `#`s, a
quote's `>`, and the `**` around bold text (not `__`: forms print blanks so). The view drops
it. `**` inside a line is bold only in a text that shows Markdown somewhere (`_MARKDOWN_SIGN`):
masked names print it too (《**市人民政府关于…》要求，由**市监察局…)."""
# where `_MARKDOWN_MARKUP` can match in a text without `**`: a `#` or `>` that opens a line after
# blanks (its `(?m)^` is the text's start or a "\n"); the `regex` scans of a whole text with a
# line-start pattern cost far more than these two (about 400 texts hold a `>` elsewhere)
_MARKDOWN_LEAD = re.compile(r"[ \t]*[#>]")
_MARKDOWN_LEADS = re.compile(r"\n[ \t]*[#>]")
_MARKDOWN_LINE = regex.compile(r"#{1,6}[ \t]|\*\*[^*\n]+\*\*\s*$")
_MARKDOWN_FIRST = "#*"  # what a `_MARKDOWN_LINE` match begins with
# a heading's #s, a line that opens in bold or a pipe table's rule: the text is Markdown
_MARKDOWN_SIGN = regex.compile(
    r"(?m)^[ \t]*(?:#{1,6}[ \t]+\S|\*\*[^*\s][^*\n]{0,60}\*\*|\|?[ \t]*:?-{3,}:?[ \t]*\|)")
_ENUMERATION = regex.compile(r"\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|[0-9]+[)）]|[①-⑳])")
# a title's or a table caption's last words (a stripped line ending so is a line of its own: one
# `str.endswith` where a `regex` search from the line's last three characters cost about 4k)
_TITLE_ENDS = ("报告", "年报", "统计表", "報告", "年報", "統計表")
_SENTENCE_INSIDE = regex.compile(r"[。！？!?]")
_HAN_OR_DIGIT = regex.compile(r"[\p{Han}0-9０-９%％]")
_HAN_ONLY = regex.compile(r"\p{Han}")
# a pinyin gloss after a Han character: lower-case letters in brackets with a tone mark
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"  # pinyin vowels with a tone mark
_TONED_VOWEL = re.compile(f"[{TONED}]")  # (every gloss holds one: a text without one has none)
_GLOSS_AFTER_BRACKET = rf"(?<=\p{{Han}}.)(?=[a-zü]*[{TONED}])[a-zü{TONED}]{{1,7}}[)）]"
_PINYIN_GLOSS = regex.compile(rf"[(（]{_GLOSS_AFTER_BRACKET}")
# the same in a folded text (`same_length`), whose brackets are ASCII (`_TABLE`): led by one
# character, which the engine finds twice as fast as a class of two
_FOLDED_GLOSS = regex.compile(rf"\({_GLOSS_AFTER_BRACKET}")


# where a gloss can begin, one pattern a bracket: the bracket, then at most six plain letters and
# a toned vowel (a match of `_PINYIN_GLOSS` takes at most seven letters before its closing
# bracket, and its lookahead's toned vowel is the first of them that is toned). `re` finds a
# pattern led by one literal character in a few instructions a character, where a search for
# `_TONED_VOWEL`'s class costs about 60; `may_gloss` (for `unglossed`, `normalize` and text tables) asks
# these (tests/test_metadata.py and tests/test_speed_tt.py compare them with the plain tests)
_GLOSS_START_AFTER = rf"(?=[a-zü]{{0,6}}[{TONED}])"  # (what follows the bracket)
GLOSS_STARTS = tuple((b, re.compile(re.escape(b) + _GLOSS_START_AFTER)) for b in ("(", "（"))


def may_gloss(s: str, a: int = 0, b: int | None = None) -> bool:
    """Does s[a:b] hold the start of a pinyin gloss (`GLOSS_STARTS`), where `_PINYIN_GLOSS` (or
    `_FOLDED_GLOSS`) may match? Each pattern is searched from its bracket's first place, found by
    `str.find` (a few instructions a character less than the engine's scan; in a folded text,
    whose brackets are ASCII, the full-width one is never there): no match starts before it."""
    end = len(s) if b is None else b
    for bracket, p in GLOSS_STARTS:
        k = s.find(bracket, a, end)
        if k >= 0 and p.search(s, k, end) is not None:
            return True
    return False


def unglossed(text: str) -> str:
    """`text` without the pinyin glosses some mirrors print after characters (管理局堅(jiān)持 →
    管理局堅持); offsets are not kept."""
    return _PINYIN_GLOSS.sub("", text) if may_gloss(text) else text


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# CJK Radicals Supplement forms that stand for a whole character (Unicode's
# EquivalentUnifiedIdeograph.txt); the Kangxi radicals (U+2F00–U+2FD5) fold by NFKC.
_RADICAL_FORMS = {
    0x2E9F: "母", 0x2EA0: "民", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC9: "贝",
    0x2ECB: "车", 0x2ED1: "長", 0x2ED3: "长", 0x2ED4: "门", 0x2ED8: "青", 0x2ED9: "韦",
    0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE1: "首", 0x2EE2: "马",
    0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦",
    0x2EE9: "黄", 0x2EEA: "黾", 0x2EEC: "齐", 0x2EEE: "齿", 0x2EF0: "龙", 0x2EF3: "龟",
}


# variant glyphs OpenCC's t2s leaves alone (陜 U+965C for 陕, held-out 79: a mirror's 陜西省)
_VARIANT_FORMS = {0x965C: "陕"}


def _char_table() -> dict[int, str]:
    import unicodedata

    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):
        ch = chr(cp)
        if ch in _FULLWIDTH_KEEP:
            continue
        table[cp] = chr(cp - 0xFEE0)
    table[0x3000] = " "
    # radicals some PDF fonts map their glyphs to (⼀⼆⼈⺠ for 一二人民, in text that PDF tools
    # extracted): the character they stand for, one for one
    for cp in range(0x2F00, 0x2FD6):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1 and folded != chr(cp):
            table[cp] = folded
    for cp, ch in (*_RADICAL_FORMS.items(), *_VARIANT_FORMS.items()):
        table[cp] = ch
    return table


_TABLE = _char_table()


def _runs_of(chars: str) -> re.Pattern:
    """A stdlib `re` pattern for the runs of `chars`, written `[…][…]*`, not `[…]+`: `re` skips
    to a pattern's first character in a tight loop only when the pattern opens with a class,
    and a repeat hides it (a whole-text scan for space runs 2× faster, same matches)."""
    one = char_class(chars)
    return re.compile(one + one + "*")


# runs of the characters `_TABLE` maps (stdlib `re`: several times faster than `str.translate`
# with a dict over a whole text, because it only touches the matches)
_FOLDABLE = _runs_of("".join(map(chr, _TABLE)))
_LOST_INDENT = re.compile(r"^[?？]{1,4}(?=[^\s?？])", re.MULTILINE)
_ZERO_WIDTH_RE = re.compile("[" + "".join(sorted(_ZERO_WIDTH)) + "]")
# space entities left in scraped text (253&nbsp;条): read as the space they stand for
_SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#x?3000|#12288);", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#[xX][0-9A-Fa-f]{2,5});")


def _entity_char(entity: str) -> str | None:
    """The one character an HTML entity stands for (&ldquo; → “, &#8220; → “), else None."""
    ch = html.unescape(entity)
    return ch if len(ch) == 1 and ch != entity else None


# a number alone in brackets between the words of a count and its unit (信息(1386)条): some
# sites print every figure so. Only after a Han character: a list mark opens a line or a clause
# ((1)条例…), and the unit's own guards in the claim patterns keep 条例, 个人 and 项目 out.
_COUNT_AFTER_BRACKET = (
    r"(?<=\p{Han}.)\s*(?P<n>\d+(?:[.,]\d+)*)\s*[)\]]"
    r"(?=\s*(?:[条件项次个人名位篇期份场起家批户所处张册套台部封例类种轮幅页块栏卷盒宗倍天%]|万|亿|元|百分点|工作日|小时|分钟))")
# one pattern a bracket, each led by one character (twice as fast as a class of two): a match
# holds no opening bracket after its first character, so the two never overlap and together
# find what `[(\[]` would
_BRACKETS = "(["
_BRACKETED_COUNTS = tuple(regex.compile(re.escape(b) + _COUNT_AFTER_BRACKET) for b in _BRACKETS)
# where a bracketed count can begin, for the stdlib `re`: its bracket after a character at
# U+2E80 or beyond (where `\p{Han}` begins: tests/test_normalize.py tries every code point
# below), then white space and a digit (`stdlib_twin`: `regex`'s `\s` spelled out, `\d` widened
# beyond the BMP). `re` finds the bracket by its literal prefix: the `regex` scan, which tries
# its lookbehind at each bracket (about 4.3k in 540 of 555 new texts), runs only in a text
# where one of these stands (24)
_HAN_FROM = "\u2e80"


def _count_start_after(b: str) -> str:
    """What follows bracket `b` where a bracketed count begins (`_COUNT_STARTS`)."""
    return rf"(?<=[{_HAN_FROM}-\U0010ffff]{re.escape(b)})" + stdlib_twin(r"\s*\d").pattern


_COUNT_STARTS = tuple(re.compile(re.escape(b) + _count_start_after(b)) for b in _BRACKETS)
# where a gloss (`GLOSS_STARTS`) or a bracketed count (`_COUNT_STARTS`) can begin after `(`, in
# one scan: a text without either (most) is scanned once for its brackets, not twice
_AFTER_BRACKET = re.compile(rf"\((?:{_GLOSS_START_AFTER}|{_count_start_after('(')})")
# a letter-spaced line (全 年 共 公 开 信 息 2 5 3 条): one space between every two characters
_SPACED_PAIR = regex.compile(r"(?<=\S) (?=\S)")
# three spaced pairs in a row (`(?<=\S) \S \S \S` in `regex`): a line whose pairs are at least
# 80% spaced holds them (of its k ≥ 7 pairs at most k/5 are not, which leaves a run of three
# spaced ones). For the stdlib engine: `regex`'s `\S` spelled out (`re` reads U+001C–U+001F as
# white space), and led by the space, which `re` finds by its literal-prefix search instead of
# trying the lookbehind at every position (tests/test_speed_struct.py compares the two)
_NOT_WS = "[^" + "".join(re.escape(c) for c in REGEX_SPACE) + "]"
# (`(?=. )` first: the character after next must be a space, a literal the engine tests far
# faster than the class, and most blanks stand alone: `_letter_spaced`'s scan 7.1M → 6.6M)
_SPACED_RUN_RE = re.compile(rf" (?=. )(?<={_NOT_WS} ){_NOT_WS} {_NOT_WS} {_NOT_WS}")
_SPACE_RUN = _runs_of("".join(_SPACES))
# the same runs in a text holding no space character but " " (`_space_runs`): led by one
# character, which `re` finds as fast as `str.find` (a class costs it ten times more a character)
_BLANK_RUN = _runs_of(" ")
# (those a folded text can hold: the fold maps the ideographic space, and no t2s value holds a
# character `_TABLE` maps, tests/test_normalize.py reads the dictionaries)
_OTHER_SPACES = "".join(sorted(_SPACES - {" "} - set(map(chr, _TABLE))))


def _space_runs(folded: str) -> re.Pattern:
    """`_SPACE_RUN`, or `_BLANK_RUN` where `folded` holds none of `_OTHER_SPACES` (the same runs
    there: 546 of 550 texts in every fourth of the corpus; a look for each of the six rare
    characters costs less than the class does)."""
    return _SPACE_RUN if holds_any(folded, _OTHER_SPACES) else _BLANK_RUN


# characters: a title, a name, a cell (what is asked about short texts only: a document holds a
# foldable character, or a character `normalize` acts on, within its first lines, so the tests
# would only add a scan to it)
_SHORT_TEXT = 64


def _fold_width(text: str) -> str:
    if len(text) < _SHORT_TEXT:
        # (`str.translate` with a dict looks every character up, and one it does not map costs
        # a `KeyError`: about 1k instructions a character, where the search that finds no
        # foldable character, as in nearly every title, name and cell, costs a few dozen)
        return text.translate(_TABLE) if _FOLDABLE.search(text) else text
    return _FOLDABLE.sub(_translate_match, text)


def _translate_match(m: re.Match) -> str:
    return m.group().translate(_TABLE)


# The characters of GB2312 that OpenCC's t2s can change (in OpenCC 1.4.2): those of its
# dictionaries' keys (t2s.json: the CJK compatibility ideographs, TSPhrases, TSCharactersExt,
# TSCharacters) that differ from a value at their place (乾燥 → 干燥: 乾), or every character
# of a key whose value has another length. A text written in GB2312 without them is simplified
# already: t2s returns it unchanged (7 in 10 corpus texts). tests/test_normalize.py derives the
# list again from the installed dictionaries.
_T2S_IN_GB2312 = ("1.4.2", "么乾仝俱像吒哩坏夥彷後徵拚捱摺於榘沈淼甯菸薹藉袷覆醣阪麴麽")


@lru_cache(maxsize=1)
def _t2s_keeps() -> frozenset[str] | None:
    """The characters t2s leaves as they are: those of GB2312 but `_T2S_IN_GB2312`'s (a text of
    them alone is simplified already); None when the installed OpenCC is not the version the
    list was read from."""
    import opencc

    version, chars = _T2S_IN_GB2312
    if opencc.__version__ != version:
        return None
    kept = {chr(c) for c in range(0x80)}  # (GB2312's one-byte codes: ASCII)
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                kept.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(kept - set(chars))


# Of `_T2S_IN_GB2312`, those t2s changes only inside a phrase (the character's own entry's first
# value, the one OpenCC writes, is itself: 覆盖 stays, 答覆 is 答复), then every key that holds one of
# them where its first value differs (in the OpenCC `_T2S_IN_GB2312` names). A line whose only
# characters t2s may change are of the first and that holds none of the phrases is returned as it
# is: `_next_change` passes it by (of 78 OpenCC calls on the new texts 19 changed nothing, for
# 覆, 沈 or 么 alone). tests/test_normalize.py derives both from the installed dictionaries.
_T2S_PHRASE_ONLY = ("么仝俱像哩坏彷沈淼甯藉覆阪", (
    "一坏 么麼 么麽 以免藉口 傢俱 凌藉 函覆 反反覆覆 反覆 反覆思維 "
    "反覆思量 反覆性 名覆金甌 回覆 土坏 坏土 坏子 坏布 坏戶 墨沈沈 彷彿 "
    "意志消沈 憑藉 憑藉着 打坏 批覆 找藉口 折戟沈沙 折戟沈河 拉坏 拜覆 "
    "捏坏 擊沈 明覆 昏沈 暗沈沈 死氣沈沈 毛坏 沈下 沈不住氣 沈住氣 沈冤 "
    "沈厚 沈吟 沈寂 沈得住氣 沈思 沈思往事 沈悶 沈沒 沈沒成本 沈浮 沈浸 "
    "沈浸於 沈淪 沈湎 沈湎酒色 沈溺 沈滯 沈滯性 沈澱 沈澱出來 沈澱劑 "
    "沈澱法 沈澱物 沈濁 沈甸甸 沈痛 沈痼 沈痾 沈睡 沈睡不醒 沈砂池 沈積 "
    "沈積岩 沈積石 沈筒 沈船 沈落 沈迷 沈迷不醒 沈醉 沈重 沈降 沈陷 沈靜 "
    "沈靜下來 沈香 沈鬱 沈魚落雁 沈默 沈默不語 沈默寡言 浮沈 海哩 深沈 "
    "深沈不露 滑藉 烏沈沈 狐藉虎威 申覆 破釜沈舟 磚坏 示覆 稟覆 答覆 素藉 "
    "耳沈 脫坏 英哩 茵藉 落雁沈魚 藉代 藉以 藉助 藉助於 藉卉 藉口 藉喻 "
    "藉寇兵 藉寇兵齎盜糧 藉手 藉據 藉故 藉故推辭 藉方 藉條 藉槁 藉機 藉此 "
    "藉此機會 藉甚 藉由 藉着 藉端 藉端生事 藉箸代籌 藉草枕塊 藉詞 藉讀 "
    "藉資 製坏 覆信 覆呈 覆命 覆墓 覆帳 覆按 覆文 覆校 覆電 見覆 躪藉 "
    "載沈載浮 載浮載沈 醞藉 重覆 鈞覆 鋼坏 鑿坏 陰沈 陰沈沈 陰陰沈沈 陶坏 "
    "雁杳魚沈 電覆 顧藉 魚沈雁杳 麪坏兒 黑沈沈"
).split())


def _none_of(chars: frozenset[str]) -> re.Pattern:
    """A search for a character not in `chars` (one class)."""
    return re.compile(char_class(chars, negate=True))


# where the characters of t2s's dictionary keys stand (in OpenCC 1.4.2: those outside GB2312 are
# ideographs of CJK Extension A and the unified block, the compatibility block and the
# supplementary planes): a character elsewhere (•, ●, ①, an accented letter) is in no key, and
# t2s passes it as it is. tests/test_normalize.py reads the dictionaries again.
_T2S_KEY_BLOCKS = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
_T2S_KEY_ASTRAL = "\U00020000-\U0003ffff"
_NOT_T2S_KEY_ASTRAL = "\U00010000-\U0001ffff\U00040000-\U0010ffff"  # (the rest of the planes)
_ASTRAL = "\U00010000-\U0010ffff"  # (every plane beyond the BMP, for a class)


def _t2s_or(kept: frozenset[str], also: frozenset[str] = frozenset()) -> re.Pattern:
    """A search for a character of `_T2S_KEY_BLOCKS` (or `_T2S_KEY_ASTRAL`) not in `kept`, or one
    of `also` (BMP characters), written as the negated class of the other characters (runs:
    about 3.5k). `re` tests a class's parts in turn and stops at the first that holds the
    character: the BMP bitmap holds nearly every character of a text (a kept one), where the
    class of the characters searched for tested each of them against the astral range after
    the bitmap too (about 8 instructions a character: a document's scan 26.7M → 22.3M)."""
    keys = {c for a, b in _T2S_KEY_BLOCKS for c in range(a, b + 1)}
    codes = (keys - set(map(ord, kept))) | set(map(ord, also))
    others = (c for c in range(0x10000) if c not in codes)
    return re.compile(f"[^{char_ranges(others)}{_NOT_T2S_KEY_ASTRAL}]")


@lru_cache(maxsize=1)
def _t2s_may_change() -> re.Pattern | None:
    """A search for the characters t2s may change: those of its keys' blocks outside GB2312, and
    those of `_T2S_IN_GB2312` (one class: a text without them is simplified already, as a
    text of GB2312 without the latter is; 76 of the 150 new texts t2s was asked about held
    only a character outside GB2312 that no key holds, like •); None when the installed OpenCC
    is not the version they were read from."""
    kept = _t2s_keeps()
    return None if kept is None else _t2s_or(kept)


@lru_cache(maxsize=1)
def _t2s_phrases() -> tuple[frozenset[str], re.Pattern, int]:
    """`_T2S_PHRASE_ONLY`'s characters, a search for its phrases, and how far a phrase holding
    a character can reach on either side of it (its longest phrase's length less one)."""
    chars, phrases = _T2S_PHRASE_ONLY
    return frozenset(chars), re.compile("|".join(phrases)), max(map(len, phrases)) - 1


def _next_change(text: str, pos: int, may_change: re.Pattern) -> re.Match | None:
    """`may_change.search(text, pos)`, passing by each character it finds that is one of
    `_T2S_PHRASE_ONLY`'s and stands in none of its phrases (looked for within a phrase's reach
    of it): t2s changes a line only by a key it changes, which holds another character
    `may_change` finds or is one of those phrases, so a line of which only such characters
    are found is returned unchanged. (Passing a character by may find one on a later line.)"""
    found = may_change.search(text, pos)
    while found is not None and found.group() in _t2s_phrases()[0]:
        _, phrases, reach = _t2s_phrases()
        k = found.start()
        if phrases.search(text, max(k - reach, 0), k + reach + 1) is not None:
            return found
        found = may_change.search(text, k + 1)
    return found


# lines between two that t2s may change, up to this many characters, are converted with them
# (one OpenCC call instead of two)
_T2S_GAP = 512


def _t2s_lines(text: str, found: re.Match, may_change: re.Pattern) -> str:
    """t2s of `text`, by converting only the lines that hold a character it may change (`found`
    is the first one; `_next_change` finds the next). t2s converts a text line by line: no phrase of its dictionaries holds a
    line break (tests/test_normalize.py reads them), so neither its segments nor its
    replacements reach across one, and a line without such a character it returns unchanged
    (tests/test_normalize.py checks it on corpus texts and lines). tests/test_normalize.py compares it with one call on the whole
    text on every corpus text."""
    convert = _t2s().convert
    n = len(text)
    out: list[str] = []
    done = 0
    start = text.rfind("\n", 0, found.start()) + 1
    while True:
        end = text.find("\n", found.end())
        end = n if end < 0 else end
        nxt = _next_change(text, end, may_change)
        if nxt is not None:
            next_start = text.rfind("\n", end, nxt.start()) + 1
            if next_start - end < _T2S_GAP:
                found = nxt  # (the next such line joins this piece)
                continue
        out.append(text[done:start])
        out.append(convert(text[start:end]))
        done = end
        if nxt is None:
            break
        found, start = nxt, next_start
    out.append(text[done:])
    return "".join(out)


def to_simplified(text: str, start: int = 0) -> str:
    """Traditional → simplified, one character for one (length is kept). `start`: where a
    character t2s may change can first stand (none before it)."""
    if not text or text.isascii():
        return text
    may_change = _t2s_may_change()
    if may_change is None:
        conv = _t2s().convert(text)
    else:
        found = _next_change(text, start, may_change)
        if found is None:
            return text
        conv = _t2s_lines(text, found, may_change)
    if len(conv) == len(text):
        return conv
    out = []
    for ch in text:  # a phrase rule changed the length: fall back to single characters
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


# Taiwan-usage words that traditional-script mirrors put for the mainland ones, the same length
# (gateway copies write 資訊 for every 信息: 資訊內容 heads table 二, held-out 160)
_TW_WORDS = (("规范性档案", "规范性文件"), ("入口网站", "门户网站"), ("政府资讯", "政府信息"),
             ("资讯公开", "信息公开"), ("资讯内容", "信息内容"))
# each word with a character of its Taiwan-usage part (档 of 档案 for 文件, 入 of 入口 for 门户, 资 of
# 资讯 for 信息): the word is looked for only in a text that holds it (`str` finds one character
# by `memchr`, several times faster than a word; tests/test_speed_struct.py compares the two ways)
_TW_GATES = tuple((tw, cn, next(c for c in tw if c not in cn)) for tw, cn in _TW_WORDS)


@lru_cache(maxsize=1)
def _folds_or_t2s() -> re.Pattern | None:
    """A search for a character `_fold_width` folds or t2s may change (`_t2s_may_change`), in
    one class; None with another OpenCC than the one `_T2S_IN_GB2312` was read from."""
    kept = _t2s_keeps()
    return None if kept is None else _t2s_or(kept, frozenset(map(chr, _TABLE)))


def _folded_simplified(text: str) -> str:
    """`to_simplified(_fold_width(text))`. A document is searched once for a character either
    may act on (`_folds_or_t2s`), where the two scans of a text that needs neither (396 of 555
    new texts) tested each of its characters twice: `_fold_width` is the identity before the
    first such character, and t2s may first change one there."""
    either = _folds_or_t2s() if len(text) >= _SHORT_TEXT else None
    if either is None:
        return to_simplified(_fold_width(text))
    first = either.search(text)
    if first is None:
        return text
    return to_simplified(_fold_width(text), first.start())


def same_length(text: str) -> str:
    """Width and script folding only: same length as `text`, so offsets are shared."""
    out = _folded_simplified(text)
    for tw, cn, key in _TW_GATES:
        if key in out and tw in out:
            out = out.replace(tw, cn)
    return out


def same_length_slice(text: str, folded: str, start: int, end: int) -> str:
    """`same_length(text[start:end])`, given `folded == same_length(text)`: the whole lines of
    the slice are cut from `folded`, and only the partial lines at its ends are folded again.

    `same_length` works line by line: a character's width, a t2s phrase (none holds a line
    break) and a `_TW_WORDS` word (nor does any of them) stay inside a line, as long as t2s
    keeps every phrase's length (the dictionaries of the OpenCC that `_T2S_IN_GB2312` names
    do; then `to_simplified` never falls back per character). tests/test_normalize.py checks
    both promises on the dictionaries and the slices on every corpus text."""
    if _t2s_may_change() is None:  # (another OpenCC: the promises are not checked)
        return same_length(text[start:end])
    if start > 0 and text[start - 1] != "\n":
        a = text.find("\n", start, end) + 1  # the first whole line's start
        if a == 0:
            return same_length(text[start:end])
    else:
        a = start
    b = text.rfind("\n", a, end) + 1  # the end of the last whole line
    if b <= a:
        return same_length(text[start:end])
    head = same_length(text[start:a]) if a > start else ""
    tail = same_length(text[b:end]) if b < end else ""
    return head + folded[a:b] + tail


@lru_cache(maxsize=1 << 14)
def same_length_cached(text: str) -> str:
    """`same_length` of a short text asked for again and again (a title, an agency, a table
    cell's words), cached; whole documents go through `same_length`."""
    return same_length(text)


@dataclass(frozen=True)
class NormalizedText:
    source: str
    text: str
    index: tuple[int, ...]  # index[i] = source offset of text[i]; index[len(text)] = len(source)
    folded: str = ""  # `same_length(source)`: the source folded, offsets unchanged
    # source ends of the view characters that stand for more than one source character (an
    # HTML entity read as its character: view offset -> the entity's end)
    wide: dict[int, int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the normalised span [start, end)."""
        if end <= start:
            s = self.index[start]
            return s, s
        last = end - 1
        if self.wide and last in self.wide:
            return self.index[start], self.wide[last]
        return self.index[start], self.index[last] + 1

    def to_norm(self, source_offset: int) -> int:
        """Normalised offset of the first kept character at or after `source_offset`."""
        i = bisect_right(self.index, source_offset - 1)
        n = len(self.text)
        return i if i < n else n

    def to_norm_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`(to_norm(a), to_norm(b))` of each span of the source (no offset past its end, where
        `to_norm`'s cap does nothing), without a method call an offset; the spans themselves
        where the view is as long as its source, whose index is then 0, 1, … (structure's
        zones: tables and row lines)."""
        if len(self.text) == len(self.source):
            return spans
        index = self.index
        return [(bisect_right(index, a - 1), bisect_right(index, b - 1)) for a, b in spans]

    def to_norm_near(self, source_offset: int, guess: int) -> int:
        """`to_norm(source_offset)`, given a `guess` of it (the offset of a nearby character
        plus the distance, where nothing between was dropped): `bisect_right` is the one
        position whose entries before it are at most `source_offset - 1` and whose entry is
        more, so a guess that passes this test is its answer (two lookups instead of a search
        of the whole index); else `to_norm`."""
        index, x = self.index, source_offset - 1
        if 0 <= guess < len(index) and index[guess] > x and (guess == 0 or index[guess - 1] <= x):
            n = len(self.text)
            return guess if guess < n else n
        return self.to_norm(source_offset)


def _view(source: str, text: str, index: tuple[int, ...], folded: str,
          wide: dict[int, int] | None = None) -> NormalizedText:
    """`NormalizedText(source, text, index, folded, wide)`, its attributes set in its `__dict__`
    in the order of its fields: the same object, without the frozen dataclass's `__init__`
    (five `object.__setattr__` calls, about 10k instructions a view where this costs about 3k;
    tests/test_normalize.py compares the two and pins the fields)."""
    view = object.__new__(NormalizedText)
    attrs = view.__dict__
    attrs["source"], attrs["text"], attrs["index"], attrs["folded"] = source, text, index, folded
    attrs["wide"] = wide
    return view


@lru_cache(maxsize=1 << 12)
def _is_hd(ch: str) -> bool:
    """Is the character Han, a digit or a percent sign? (cached: asked at every space run)"""
    return bool(_HAN_OR_DIGIT.match(ch))


_SHARED_OFFSETS = 1 << 16


@lru_cache(maxsize=1)
def _offsets() -> tuple[int, ...]:
    """0, 1, … up to `_SHARED_OFFSETS`: the offset maps of texts shorter than that are cut from
    it, so they share its int objects instead of making one per character (the index of the
    corpus views is built 4× faster; 2.4 MB held once)."""
    return tuple(range(_SHARED_OFFSETS))


# what `normalize` acts on besides the characters `same_length` folds: a lost indent's question
# marks, a pinyin gloss's or a bracketed count's bracket, an entity's `&`, Markdown's `*#>`, a page
# number line's 页 - — · and `age` (of Page), and a line break it may join (with `_SPACES` for the
# space runs and `_ZERO_WIDTH`)
_ACTED_ON = "?？(（[&*#>页-—·a\n"


@lru_cache(maxsize=1)
def _may_act() -> re.Pattern | None:
    """A search for a character `normalize` may act on (`same_length` may fold it, or a step of
    the view starts from it): a text without one is its own view, offsets unchanged
    (tests/test_speed_meta.py tries every code point). None with another OpenCC than the one
    `_T2S_IN_GB2312` was read from."""
    kept = _t2s_keeps()
    if kept is None:
        return None
    inert = kept - set(map(chr, _TABLE)) - {key for _, _, key in _TW_GATES} - set(_ACTED_ON)
    return _none_of(frozenset(inert - _SPACES - _ZERO_WIDTH))


def normalize(text: str) -> NormalizedText:
    if _inert(text):  # (a title, a name: nothing to do)
        n = len(text)
        offsets = _offsets() if n < _SHARED_OFFSETS else range(n + 1)
        return _view(text, text, tuple(offsets[:n + 1]), text)
    folded = same_length(text)
    n = len(folded)
    # spans of `folded` the view leaves out (overlaps allowed: merged when the view is cut)
    drop: list[tuple[int, int]] = []
    if "?" in folded or "？" in folded:
        # an indent of full-width spaces an encoding lost to question marks (??一、总体情况,
        # held-out 84's mirror): not in the view, so the line opens with its words
        for m in _LOST_INDENT.finditer(folded):
            drop.append(m.span())
    # zero-width characters go everywhere (most texts hold none: five `in` tests are faster
    # than the class search)
    if any(z in folded for z in _ZERO_WIDTH):
        drop += [m.span() for m in _ZERO_WIDTH_RE.finditer(folded)]
    # pinyin glosses some mirrors print inside words: 網(wǎng)站, 國辦發(fā)〔2017〕24號
    # (a full-width bracket only where OpenCC would have put one back: the pattern of both)
    # (each scan below only where the character its matches begin with stands: a short text
    # holds none, and a `regex` scan costs some µs to start)
    # (and only where a bracket stands before letters and a toned vowel: 24 of 555 new texts;
    # `_AFTER_BRACKET` first, which asks for either start in one scan of the brackets)
    opens = "(" in folded and _AFTER_BRACKET.search(folded) is not None
    if ("（" in folded or opens) and may_gloss(folded):
        gloss = _PINYIN_GLOSS if "（" in folded else _FOLDED_GLOSS
        drop += [m.span() for m in gloss.finditer(folded)]
    if "&" in folded:
        drop += [m.span() for m in _SPACE_ENTITY.finditer(folded)]
    # other HTML entities a scraper left in the text (&ldquo;公告栏&rdquo;): the view reads the
    # character, which stands where the entity's `&` was
    view = folded
    entity_ends: dict[int, int] = {}  # source offset of an entity's `&` -> the entity's end
    if "&" in folded:
        chars_of = list(folded)
        for m in _ENTITY.finditer(folded):
            ch = _entity_char(m.group())
            if ch is not None:
                chars_of[m.start()] = ch
                drop.append((m.start() + 1, m.end()))
                entity_ends[m.start()] = m.end()
        view = "".join(chars_of)
    # Markdown markup of text converted from PDF or Word (`## 一、总体情况`, `**二、…**`, `> `)
    markup: set[int] = set()
    if _may_hold_markdown(folded):
        inline = _MARKDOWN_SIGN.search(folded) is not None
        for m in _MARKDOWN_MARKUP.finditer(folded):
            if m.group("lead"):
                markup.update(range(*m.span("lead")))
            elif inline or _MARKDOWN_LINE.fullmatch(_line_at(folded, m.start()).strip()):
                markup.update((m.start(), m.start() + 1, m.end() - 2, m.end() - 1))
        drop += [(k, k + 1) for k in markup]
    # a count whose number is printed in brackets: 发布政务信息(1386)条, 概况类信息( 22 )条
    for bracket, rx, start in zip(_BRACKETS, _BRACKETED_COUNTS, _COUNT_STARTS, strict=True):
        if not (opens if bracket == "(" else bracket in folded):
            continue
        for m in rx.finditer(folded) if start.search(folded) else ():
            drop += ((m.start(), m.start("n")), (m.end("n"), m.end()))
    spaced = _letter_spaced(folded)
    # spaces between a digit/Han char and a digit/Han char (skipping other spaces)
    runs = _space_runs(folded)
    if runs is _BLANK_RUN and not markup and not spaced:
        drop += _dropped_blanks(folded)  # (what the loop below drops there, by one scan)
    else:
        for m in runs.finditer(folded):
            i, j = m.span()
            if _drops_run(folded, n, i, j, markup, spaced):
                drop.append((i, j))
    # page-number lines of a PDF's text: not in the view, and no end of a paragraph
    pages: dict[int, int] = {}
    if "-" in folded or "页" in folded or "—" in folded or "·" in folded or "age" in folded:
        pages = _page_lines(folded)
        drop += pages.items()
    # line breaks inside a sentence
    tabs = "\t" in folded
    for m in _join_candidates().finditer(folded):  # (each line a line break ends that may join)
        nl = m.start()
        start = folded.rfind("\n", 0, nl) + 1
        line = folded[start:nl].strip()
        if (len(line) >= 15 or line[-1:].isdigit()) and start not in pages \
                and line[-1] not in _ENDS_SENTENCE:  # (`_join_break`'s first tests)
            _join_break(folded, n, nl, line, drop, pages, tabs)
    offsets = _offsets() if n < _SHARED_OFFSETS else range(n + 1)
    if not drop:
        return _view(text, folded, tuple(offsets[:n + 1]), folded)
    chars: list[str] = []
    index: list[int] = []
    prev_end = 0
    for a, b in sorted(drop):
        if a > prev_end:
            chars.append(view[prev_end:a])
            index += offsets[prev_end:a]
        if b > prev_end:
            prev_end = b
    if prev_end < n:
        chars.append(view[prev_end:])
        index += offsets[prev_end:n]
    index.append(n)
    wide = None
    if entity_ends:
        wide = {i: entity_ends[src] for i, src in enumerate(index[:-1]) if src in entity_ends}
    return _view(text, "".join(chars), tuple(index), folded, wide)


def _drops_run(folded: str, n: int, i: int, j: int, markup: Set[int], spaced: Set[int]) -> bool:
    """Does the view drop the space run `folded[i:j]`? Where it stands between a character and
    another, one of them Han, a digit or a percent sign (`_is_hd`), looking past the markup the
    view drops (首页** >); "12 34" stays two numbers, except in a letter-spaced line (`spaced`:
    "2 5 3 条")."""
    p, q = i - 1, j
    if markup:
        while p in markup:
            p -= 1
        while q in markup:
            q += 1
    prev = folded[p] if p >= 0 else ""
    nxt = folded[q] if q < n else ""
    if prev and nxt and prev != "\n" and nxt != "\n" and (_is_hd(prev) or _is_hd(nxt)):
        return not (prev.isdigit() and nxt.isdigit()) or i in spaced
    return False


def _dropped_blanks(folded: str) -> list[tuple[int, int]]:
    """The runs of " " that `_drops_run` drops in `folded`, a text whose only space is " ", with
    no markup or letter-spaced line (both empty), found by `_blank_drops`."""
    n, none = len(folded), frozenset()
    return [m.span() for m in _blank_drops().finditer(folded)
            if m.lastindex is None or _drops_run(folded, n, *m.span(), none, none)]


@lru_cache(maxsize=1)
def _blank_drops() -> re.Pattern:
    """The runs of " " `_drops_run` drops in a text without markup or letter-spaced lines, for
    the stdlib `re` (led by the blank, which it finds in a few instructions a character, where
    the loop over every run cost about 5k instructions a run). A run is maximal (no class below
    holds the blank) and drops where `prev` or `nxt`, the characters around it, is Han, a digit
    or a percent sign (H: `_is_hd`), unless both are digits (D: `str.isdigit`), and neither is
    a line break nor missing. Over the BMP, by `prev`: in H but not D, any `nxt`; in H and D, a
    `nxt` not in D; in neither, a `nxt` in H; in D but not H, a `nxt` in H but not D. A run next
    to a character beyond the BMP is matched with the last group set and tested by
    `_drops_run` (tests/test_speed_struct.py compares the two on every code point and corpus text).
    A blank after a blank is no run's start, and every branch's lookbehind refuses it: `(?<!  )`
    turns it down by two literals first, before the six classes (the scan 18.2M → 17.3M)."""
    han = bmp_han() + "%％"  # (H is these and the digits 0-9 ０-９, which no Han character is)
    digit = {c for c in range(0x10000) if chr(c).isdigit()}
    both = "0-9０-９"  # (in H and in D)
    d_not_h = char_ranges(sorted(digit - set(map(ord, "0123456789０１２３４５６７８９"))))
    not_d = char_ranges(sorted(digit | {10, 32}))  # (and no line break or blank)
    any_, astral = "[^\n ]", f"[{_ASTRAL}]"
    return re.compile(
        f" (?<!  )(?:(?<=[{han}] ) *(?={any_})|(?<=[{both}] ) *(?=[^{not_d}{_ASTRAL}])"
        f"|(?<=[^{han}{not_d}{_ASTRAL}] ) *(?=[{han}{both}])|(?<=[{d_not_h}] ) *(?=[{han}])"
        f"|(?:(?<={astral} ) *(?={any_})|(?<={any_} ) *(?={astral}))())")



@lru_cache(maxsize=1)
def _join_candidates() -> re.Pattern:
    """The line breaks `normalize` may ask `_join_break` about, and more: a break after a line
    of at least 15 characters whose last is no sentence end (`_ENDS_SENTENCE`: `_join_break`
    keeps the break after one), or after white space or a digit (`str.isspace`, `str.isdigit`;
    beyond the BMP any character), which a stripped line of fewer may end with. The caller
    strips the line and tests it as before: of 9.6k lines of the new texts 2.2k are found, 2.0k
    asked about, where each line's tests in Python cost about 3k instructions. For the stdlib
    `re`, led by the break: it finds the literal in a few instructions a character. The line's
    last character is tested first, alone (neither a sentence end nor a break: the short
    characters are neither), which turns down blank lines and ended sentences before the
    14 characters before it are read (the scan 12.9M → 11.8M)."""
    short = char_ranges(c for c in range(0x10000) if c != 10 and (chr(c).isspace() or chr(c).isdigit()))
    return re.compile(f"\n(?<={char_class(_ENDS_SENTENCE | {chr(10)}, negate=True)}\n)"
                      f"(?:(?<=[{short}{_ASTRAL}]\n)|(?<=[^\n]{{15}}\n))")


def _may_hold_markdown(folded: str) -> bool:
    """Can `_MARKDOWN_MARKUP` match in `folded`? Only where `**` stands, or a `#` or `>` opens a
    line after blanks (`_MARKDOWN_LEAD`, `_MARKDOWN_LEADS`); the two `in` tests first: most
    texts hold neither character, and they scan a text far faster than the line-start search."""
    return ("*" in folded and "**" in folded) or (holds_any(folded, "#>") and bool(
        _MARKDOWN_LEAD.match(folded) or _MARKDOWN_LEADS.search(folded)))


def _page_lines(folded: str) -> dict[int, int]:
    """The page-number lines (`_PAGE_LINE`) of `folded` but one that opens it: the start of each
    -> its end, past its line break."""
    pages: dict[int, int] = {}
    # (a line break put before the text: every line has one before it, where a match starts,
    # and the start of a match is the start of its line in `folded`)
    for m in _PAGE_LINE.finditer("\n" + folded):
        if m.start() > 0:
            end = m.end() - 1
            pages[m.start()] = end + 1 if folded.startswith("\n", end) else end
    return pages


def _line_at(text: str, i: int) -> str:
    """The line of `text` holding offset i."""
    end = text.find("\n", i)
    return text[text.rfind("\n", 0, i) + 1:end if end >= 0 else len(text)]


def _letter_spaced(folded: str) -> set[int]:
    """Offsets of the single spaces of letter-spaced lines: lines of at least 8 characters and
    4 Han characters where a single space stands between (nearly) every two characters, as
    some PDF text layers print them. A table row of numbers (0 0 0 0) has no Han run of this
    kind and keeps its spaces."""
    out: set[int] = set()
    if " " not in folded:
        return out
    found = _SPACED_RUN_RE.search(folded)
    while found is not None:  # (only lines with three spaced pairs in a row can qualify)
        a = folded.rfind("\n", 0, found.start()) + 1
        b = folded.find("\n", found.end())
        b = len(folded) if b < 0 else b
        t = folded[a:b]
        chars = len(t) - t.count(" ")
        if chars >= 8 and t.count(" ") >= 0.8 * (chars - 1):
            gaps = [m.start() for m in _SPACED_PAIR.finditer(t)]
            han = sum(1 for k in gaps if _HAN_ONLY.match(t[k - 1]))
            if len(gaps) >= 0.8 * (chars - 1) and han >= 4:
                out.update(a + k for k in gaps)
        found = _SPACED_RUN_RE.search(folded, b)
    return out


def _join_break(folded: str, n: int, i: int, line: str, drop: list[tuple[int, int]],
                pages: dict[int, int] | None = None, tabs: bool = True) -> None:
    """Drop the line break at `i` (and the spaces, breaks and page-number lines after it) when
    it cuts a sentence; `line` is the stripped line it ends, `pages` the page-number lines
    (start -> end), `tabs` whether `folded` holds a tab (False: no line is a tab row)."""
    if len(line) < 15 and not line[-1:].isdigit():
        return
    j = i + 1
    while j < n:
        if folded[j] in _SPACES or folded[j] in "\r\n":
            j += 1
        elif pages and j in pages:
            j = pages[j]
        else:
            break
    if j >= n:
        return
    if line[-1:].isdigit() and folded[j] in _UNIT_FIRST and _UNIT_LINE.match(folded, j):
        # 主动公开政府信息⏎5928⏎条,…: a number printed on a line of its own, its measure word on
        # the next (forum and PDF line cuts)
        _drop_break(folded, i, j, drop)
        return
    if len(line) < 15:
        return
    if tabs:
        next_end = folded.find("\n", j)
        if folded.find("\t", j, next_end if next_end > 0 else n) >= 0:
            return  # the next line is a tab row of a table
    if _splits_number(line, folded[j : j + 2]) and not HEADING_START.match(folded[j : j + 12]):
        # 4.\n5亿次, 占48\n.4%, 网络申请2\n1件: a number cut by the line's end is one number,
        # even in a line that opens like a heading (一是…) or a clause (…；)
        _drop_break(folded, i, j, drop)
        return
    semi = line[-1] in "；;"  # a clause of a longer sentence (PDF lines end so)
    if line[-1] in _SENTENCE_END and not semi:
        return
    # (every test from here on only turns the join down: the two cheap ones first)
    if not (semi or _is_hd(line[-1]) or line[-1] in _OPEN_ENDS):
        return
    if not _is_hd(folded[j]) and not (folded[j] in _CLOSE_STARTS and not semi):
        return  # a line that opens with ，。、) continues the sentence before it (申请21条\n，其中)
    # (each `regex` pattern below only where a character every match holds stands: a call
    # costs thousands of instructions, and most joined lines hold none)
    if (":" in line or "：" in line) and _PAGE_FIELD.match(line):
        return  # a web page's own field (热搜词:…, 来源:…, 当前位置:…) is no sentence
    if line.endswith(_TITLE_ENDS) or (line[0] in _MARKDOWN_FIRST and _MARKDOWN_LINE.match(line)):
        return  # a title or a table caption ("…年度报告", "…统计表"), a Markdown heading or bold
        # line (`## 一、概述`, `**（一）主动公开**`) is a line of its own
    if HEADING_START.match(line) and not _SENTENCE_INSIDE.search(line) and not open_bracket(line) \
            and not (_TEXT_AFTER_COLON.search(line) and "\n" not in folded[i + 1:j]):
        return  # a heading line ("四、政府信息公开复议诉讼和举报情况") ends its paragraph; one cut
        # inside a bracket (…围绕新修订的《…条例》(国务⏎院令第711号)) runs on, and so does one whose
        # paragraph starts after a colon on the same line ((二)依申请公开:…本年度我镇收到0份政府⏎信息…,
        # no blank line between)
    rest = folded[j : j + 12]
    if semi and _ENUMERATION.match(rest):
        return  # 一是…；\n二是…: list items keep their lines
    if HEADING_START.match(rest) or (rest[0] in _MARKDOWN_FIRST and _MARKDOWN_LINE.match(rest)):
        return
    _drop_break(folded, i, j, drop)


_TEXT_AFTER_COLON = regex.compile(r"[：:]\s*\S")


def open_bracket(line: str) -> bool:
    """Does the line leave a bracket or a title mark open (more opened than closed)?"""
    return (line.count("(") + line.count("（") > line.count(")") + line.count("）")
            or line.count("《") > line.count("》"))


# a line that opens with a measure word and goes on as a sentence (条,其中… / 件。 / 人次)
_UNIT_LINE = regex.compile(r"(?:人次|件次|条|件|项|人|次|篇|个|份|场|期|家|名|户|宗|起|万|亿|元|%)(?=[，,。；;、\s]|$|\p{Han})")
_UNIT_FIRST = frozenset("人件条项次篇个份场期家名户宗起万亿元%")  # what a `_UNIT_LINE` match begins with
_PAGE_FIELD = regex.compile(
    r"\s*(?:热搜词|热门搜索|搜索热词|热门关键词|热词|热搜|来源|信息来源|发布时间|发布日期|发布机构|浏览次数|"
    r"阅读次数|点击数|字号|索引号|当前位置|您的位置|您现在的位置)\s*[:：]")
# a line that ends with one of these ends inside a sentence (…邮寄、\n网络提交, …政策，\n规章)
_OPEN_ENDS = set("，,、（(《“‘")
# a line that opens with one of these continues the line before
_CLOSE_STARTS = set("，,、。；;：:）)》”’%〔﹝")  # (〔: a document number cut from its code, 永川府办发⏎〔2019〕95号)
_NUMBER_CUT = regex.compile(r"\d\.?$")


def _splits_number(line: str, nxt: str) -> bool:
    """The break between `line` and `nxt` (the next line's first characters) falls inside a
    number: digit | digit, digit. | digit, digit | .digit."""
    last = line[-1:]
    if not nxt or not (last == "." or last.isdecimal() or last > "\uffff"):
        return False  # (`_NUMBER_CUT` needs a line ending in a digit or a point: what `regex` reads
        # as a digit is a decimal to Python, or beyond U+FFFF where its Unicode is newer)
    if not _NUMBER_CUT.search(line, max(0, len(line) - 2)):  # (a match ends the line)
        return False
    if line[-1] == ".":
        return nxt[0].isdigit() and nxt[0].isascii()
    return (nxt[0].isdigit() and nxt[0].isascii()) or (
        nxt[0] == "." and len(nxt) > 1 and nxt[1].isdigit() and nxt[1].isascii())


def _drop_break(folded: str, i: int, j: int, drop: list[tuple[int, int]]) -> None:
    """Drop the break at `i` and what follows it up to `j`, and the spaces before it unless
    they stand between two digits ("26 \n条" is "26条"; "12 \n34" stays two numbers)."""
    a = i - 1 if i > 0 and folded[i - 1] == "\r" else i
    b = a
    while b > 0 and folded[b - 1] in _SPACES:
        b -= 1
    if b < a and b > 0 and not (folded[b - 1].isdigit() and folded[j].isdigit()):
        a = b
    drop.append((a, j))


def _inert(text: str) -> bool:
    """Is `text` short and without a character `normalize` may act on (`_may_act`)? Such a
    text is its own view, offsets unchanged."""
    acts = _may_act() if len(text) < _SHORT_TEXT else None
    return acts is not None and acts.search(text) is None


def view_text(text: str) -> str:
    """`normalize(text).text`, without building the view of a text that is its own (`_inert`:
    a heading's title asked for its kind, 868 of 905 on new reports; the view's frozen
    object and offsets cost about 14k instructions)."""
    return text if _inert(text) else normalize(text).text
