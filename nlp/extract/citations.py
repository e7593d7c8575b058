"""Citations: document numbers (发文字号), decree numbers, 《titles》 and their aliases.

    >>> from nlp.extract.citations import find_citations
    >>> [(c.kind, c.normalized or c.title, c.issuer) for c in find_citations(doc)]

Two steps, as in eyecite: *find* (every pattern of `nlp/patterns/citations.toml` runs once over
the normalised view `doc.norm.text`, offsets map back with `doc.norm.span`) and *resolve*
(pair numbers with titles, resolve aliases inside the document, resolve codes to issuers from
`nlp/data/issuers.tsv` + `nlp/data/provinces.tsv` or from a title that names its issuer). Nothing
is guessed: an alias never defined has `refers_to=None, resolved=False`; an unknown local code has
`issuer=None`.

Each `Citation.extractor` names the pattern id that produced it. Citation ids are `cite-1`,
`cite-2`, … in text order.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from nlp.data import load_toml
from nlp.normalize import same_length
from nlp.records import Citation, Document, Report
from nlp.scan import (
    StdlibAnchor,
    anchored_finditer,
    ends_at,
    first_char_list,
    holds_any,
    match_reach,
    stdlib_twin,
    window_starts,
)

_ROOT = Path(__file__).resolve().parent.parent
PATTERNS_FILE = _ROOT / "patterns" / "citations.toml"
ISSUERS_FILE = _ROOT / "data" / "issuers.tsv"
PROVINCES_FILE = _ROOT / "data" / "provinces.tsv"

_MAX_CODE = 12  # a 机关代字 longer than this after trimming has no certain left edge: code None
_MAX_TITLE = 200
_CN_DIGITS = MappingProxyType({"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9})
_CN_UNITS = MappingProxyType({"十": 10, "百": 100, "千": 1000})
_PRC = "中华人民共和国"
# what may sit between a title and its number (《T》（N）, 《T》N, the misplaced 《T》的通知（N）)
_GAP_TITLE_NUMBER = regex.compile(r"^\s*(?:的(?:通知|意见|决定|批复|办法|规定))?\s*[(\[【〔]?\s*(?:文号[:：]?)?\s*$")
# between a number and a following title (国办发〔2018〕23号《…》, 国务院令第711号：《…》)
_GAP_NUMBER_TITLE = regex.compile(r"^\s*[)\]】]?\s*(?:[:：]|文件|印发的|发布的)?\s*$")
# between a title (and its number) and an alias definition: brackets and commas only
_GAP_ALIAS = regex.compile(r"^[\s()\[\]【】〔〕,，、:：]*(?:以下|$)")
_WS = regex.compile(r"\s+")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class CitationPatterns:
    """The compiled patterns of `citations.toml`, by id."""

    compiled: MappingProxyType[str, regex.Pattern]
    number_ids: tuple[str, ...]  # document-number and decree patterns, in priority order
    # id → (anchor, lookback); the anchor by the stdlib `re` where the file asks for it
    anchors: MappingProxyType[str, tuple[regex.Pattern | StdlibAnchor, int]]
    requires: MappingProxyType[str, str]  # id → characters one of which every match holds
    generic_reach: int | None  # the most characters a match of `alias_generic` spans
    # id → (the anchor searched backwards, the character every anchor match ends with)
    anchor_ends: MappingProxyType[str, tuple[regex.Pattern, str]]
    # id → the stdlib search for the start of a match near an anchor (`window_engine = "re"`)
    windows: MappingProxyType[str, re.Pattern]
    # id → group name → group number: `regex` reads a group's name by first trying it as an
    # integer, and that error costs about 700 instructions a call (`groupdict`: one a group)
    groups: MappingProxyType[str, MappingProxyType[str, int]]
    # id → what `finditer` reads of the fields above, in one tuple: (pattern, requires, anchor
    # end, anchor, lookback, window); one lookup a call instead of five (`mappingproxy.get` is
    # a method call, about 400 instructions; `finditer` runs 9 times a document)
    plans: MappingProxyType[str, tuple[Any, ...]]

    def __getitem__(self, pid: str) -> regex.Pattern:
        return self.compiled[pid]

    def finditer(self, pid: str, text: str, held: dict[str, bool] | None = None
                 ) -> Iterator[regex.Match]:
        """`self[pid].finditer(text)`: not run on a text without any of the characters the
        pattern `requires`, tried only near the pattern's anchor when it has one. `held`
        keeps, for one text, whether it holds each `requires` string asked (the six decree
        patterns share 令: one scan of the text instead of six)."""
        rx, required, end, anchor, lookback, starts = self.plans[pid]
        if required is not None:
            ok = None if held is None else held.get(required)
            if ok is None:
                ok = holds_any(text, required)
                if held is not None:
                    held[required] = ok
            if not ok:
                return iter(())
        if end is not None and not ends_at(end[0], text, end[1]):
            return iter(())  # (no anchor match: none of the pattern either)
        return anchored_finditer(rx, anchor, lookback, text, 0, starts)


@lru_cache(maxsize=4)
def load_patterns(path: str | None = None) -> CitationPatterns:
    """Compile the citation patterns (cached; the result is immutable)."""
    data = load_toml(path or PATTERNS_FILE)
    compiled: dict[str, regex.Pattern] = {}
    anchors: dict[str, tuple[regex.Pattern | StdlibAnchor, int]] = {}
    requires: dict[str, str] = {}
    anchor_ends: dict[str, tuple[regex.Pattern, str]] = {}
    windows: dict[str, re.Pattern] = {}
    for p in data["pattern"]:
        compiled[p["id"]] = regex.compile(p["regex"])
        if "anchor" in p:
            anchors[p["id"]] = (_anchor(p), int(p["lookback"]))
            if p.get("window_engine") == "re":
                found = window_starts(compiled[p["id"]], int(p["lookback"]))
                if found is not None:
                    windows[p["id"]] = found
            if "anchor_end" in p:
                anchor_ends[p["id"]] = (regex.compile(p["anchor"], regex.REVERSE),
                                        str(p["anchor_end"]))
        if "requires" in p:
            requires[p["id"]] = str(p["requires"])
    number_ids = tuple(
        p["id"] for p in data["pattern"]
        if p["id"].startswith(("doc_number", "decree")) and p["id"] != "doc_number_list_tail"
    )
    return CitationPatterns(compiled=MappingProxyType(compiled), number_ids=number_ids,
                            anchors=MappingProxyType(anchors), requires=MappingProxyType(requires),
                            generic_reach=match_reach(compiled["alias_generic"]),
                            anchor_ends=MappingProxyType(anchor_ends),
                            windows=MappingProxyType(windows),
                            groups=MappingProxyType({k: MappingProxyType(dict(rx.groupindex))
                                                     for k, rx in compiled.items()}),
                            plans=MappingProxyType({
                                k: (rx, requires.get(k), anchor_ends.get(k),
                                    *anchors.get(k, (None, 0)), windows.get(k))
                                for k, rx in compiled.items()}))


def _anchor(p: dict[str, Any]) -> regex.Pattern | StdlibAnchor:
    """A pattern's anchor: by the stdlib `re` when the file says `anchor_engine = "re"` or
    `"re_find"` and `re` can read it (`nlp.scan.stdlib_twin`), else by `regex`; with `"re_find"`
    matched only where one of its first characters stands (`StdlibAnchor`'s `firsts`)."""
    engine = p.get("anchor_engine")
    if engine in ("re", "re_find"):
        twin = stdlib_twin(p["anchor"])
        if twin is not None:
            firsts = first_char_list(twin.pattern) if engine == "re_find" else None
            return StdlibAnchor(twin, firsts)
    return regex.compile(p["anchor"])


@dataclass(frozen=True)
class Province:
    abbr: str
    province: str
    government: str
    party: str
    stem: str
    ambiguous: str


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t")]


@dataclass(frozen=True)
class IssuerTable:
    """code → (issuer, province that makes the code ambiguous or "")."""

    codes: MappingProxyType[str, tuple[str, str, str]]  # code → (issuer, ambiguous, province)

    def lookup(self, code: str | None, province: str | None = None) -> tuple[str | None, str]:
        """(issuer, how) for an exact code; how is "table", "province" or "" when unknown."""
        if not code:
            return None, ""
        hit = self.codes.get(code)
        if hit is None:
            return None, ""
        issuer, ambiguous, prov = hit
        if not prov:
            return issuer, "table"
        if ambiguous and not (province and (province == prov or prov.startswith(province)
                                            or province.startswith(prov[:2]))):
            return None, ""
        return issuer, "province"


@lru_cache(maxsize=4)
def load_issuers(issuers: str | None = None, provinces: str | None = None) -> IssuerTable:
    """National codes plus the province forms expanded for every abbreviation with a stem."""
    provs = [Province(**{k: r.get(k, "") for k in
                         ("abbr", "province", "government", "party", "stem", "ambiguous")})
             for r in _read_tsv(Path(provinces or PROVINCES_FILE))]
    codes: dict[str, tuple[str, str, str]] = {}
    forms = []
    for row in _read_tsv(Path(issuers or ISSUERS_FILE)):
        if "{P}" in row["code"]:
            forms.append(row)
        else:
            codes[row["code"]] = (row["issuer"], "", "")
    for pv in provs:
        if not pv.stem:
            continue
        for row in forms:
            code = row["code"].replace("{P}", pv.abbr).replace("{S}", pv.stem)
            issuer = row["issuer"].format(government=pv.government, party=pv.party,
                                          province=pv.province)
            if not issuer or code in codes:  # explicit national / special rows win
                continue
            codes[code] = (issuer, pv.ambiguous, pv.province)
    return IssuerTable(codes=MappingProxyType(codes))


# --------------------------------------------------------------------------- helpers


def _cn_int(s: str) -> int | None:
    """Digits or a Chinese numeral up to 9999 (第六十六号) → int."""
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            cur = cur * 10 + _CN_DIGITS[ch] if ch in "〇零" or cur else _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (cur or 1) * _CN_UNITS[ch]
            cur = 0
        else:
            return None
    return total + cur


def _trim_code(run: str, pats: CitationPatterns, *, keep_tail: str = "") -> int:
    """Offset in `run` where the 机关代字 starts: after the last stop word (根据, 和, 政府 …).

    `中华人民共和国` is never cut (it contains 和). With `keep_tail`, a stop word that ends the run
    (山东省人民政府 before 令) does not count.
    """
    masked = run.replace(_PRC, "＿" * len(_PRC))
    cut, last = 0, None
    for m in pats.compiled["code_left_stop"].finditer(masked):
        if keep_tail and m.end() == len(masked):
            continue
        if m.end() > cut:
            cut, last = m.end(), m
    if last is not None and last.group() in ("办公厅", "办公室") and _BARE_TYPE.fullmatch(run, cut):
        # 办公厅便函〔2021〕477号: an office's own code is its name and the kind of paper; a bare
        # 便函 is no code (held-out 213)
        return last.start()
    return cut


_BARE_TYPE = regex.compile(r"(?:便函|函|发|字|文|电|明电|通知)")


@lru_cache(maxsize=4096)
def _title_text(norm: str) -> str:
    """A title as stored: simplified, no whitespace, inner 〈〉 <> 《》 written as 〈〉 (cached:
    the same titles and aliases recur across reports). A title without a space whose every
    character is printable holds no white space at all (every other character `regex` reads as
    `\\s` is unprintable: `nlp.scan.spaces_only`), and one without an inner bracket is kept as
    it is: most titles, where `sub` and `translate` cost about 1k instructions a character."""
    t = norm if " " not in norm and norm.isprintable() else _WS.sub("", norm)
    if "<" in t or ">" in t or "《" in t or "》" in t:
        return t.translate(_INNER_BRACKETS)
    return t


_INNER_BRACKETS = MappingProxyType(str.maketrans({"<": "〈", ">": "〉", "《": "〈", "》": "〉"}))


@dataclass(slots=True)
class _Hit:
    # (built positionally: a class called with keywords builds a dict of them, about 1k
    # instructions a hit; the fields a kind of hit sets come first, in this order, which
    # tests/test_citations.py pins)
    start: int  # offsets in the normalised text
    end: int
    kind: str
    extractor: str
    title: str | None = None
    nested: bool = False
    code: str | None = None
    year: int | None = None
    serial: int | None = None
    org: str | None = None
    refers_to: str | None = None
    resolved: bool | None = None
    issuer: str | None = None
    issuer_source: str | None = None
    alias_def: bool = False
    pair: int | None = None  # index into hits


# --------------------------------------------------------------------------- find


def _find_numbers(text: str, pats: CitationPatterns) -> list[_Hit]:
    cands: list[tuple[int, _Hit]] = []  # (pattern priority, hit)
    held: dict[str, bool] = {}
    plans = pats.plans
    for prio, pid in enumerate(pats.number_ids):
        if held.get(plans[pid][1]) is False:
            continue  # (the text holds none of the characters the pattern requires: the five
            # decree patterns share 令, and the first of them has looked)
        ix = pats.groups[pid]
        for m in pats.finditer(pid, text, held):
            if pid.startswith("decree"):
                org = m.group(ix["org"]) or ""
                # 第711号国务院令: the number comes first, and so does the citation
                s = m.start() if pid == "decree_state_council_number_first" else m.start(ix["org"])
                cut = 0
                if pid in ("decree", "decree_reversed"):
                    cut = _trim_code(org, pats, keep_tail="yes")
                    org, s = org[cut:], s + cut
                    if not org or org in ("部", "局", "署", "委", "委员会", "总局"):
                        continue
                bare = org[len(_PRC):] if org.startswith(_PRC) and org != _PRC + "主席" else org
                if bare in ("国", "国务院"):
                    code = "国务院令"
                elif bare == _PRC + "主席":
                    code = "主席令"
                else:
                    code = bare + "令"
                serial = _cn_int(m.group(ix["serial"]))
                # 2008年市人民政府令第3号: a year right before the body is the decree's year;
                # 2018年按照财政部令第87号 is a date (words were trimmed off the body)
                k0, ky = ix.get("year0"), ix.get("year")
                year0 = m.group(k0) if cut == 0 and k0 is not None else None
                year_given = m.group(ky) if ky is not None else None
                year_txt = year_given or year0
                year = int(year_txt) if year_txt else None
                if year0 and not year_given:
                    s = m.start(k0)
                hit = _Hit(s, m.end(), "doc_number", pid, None, False, code, year, serial,
                           None if code in ("国务院令", "主席令") else bare)
            else:
                run = m.group(ix["code"])
                cut = _trim_code(run, pats)
                code = run[cut:]
                if not code:
                    continue
                s = m.start(ix["code"]) + cut
                if len(code) > _MAX_CODE:
                    code = None
                hit = _Hit(s, m.end(), "doc_number", pid, None, False, code,
                           int(m.group(ix["year"])), int(m.group(ix["serial"])))
            cands.append((prio, hit))
    if not cands:
        return []
    # resolve overlaps: earliest start, then pattern priority, then the longest
    cands.sort(key=lambda ph: (ph[1].start, ph[0], ph[1].start - ph[1].end))
    out: list[_Hit] = []
    for _, h in cands:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    # shared-prefix lists: 岚综管办〔2016〕127号、149号 → the tail takes the code and year
    tail = pats.compiled["doc_number_list_tail"]
    tail_groups = pats.groups["doc_number_list_tail"]
    ty, ts = tail_groups["year"], tail_groups["serial"]
    result: list[_Hit] = []
    for i, h in enumerate(out):
        result.append(h)
        prev = h
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        while True:
            m = tail.match(text, prev.end, limit)
            if not m:
                break
            year = int(m.group(ty)) if m.group(ty) else prev.year
            t = _Hit(m.start() + _lead(m.group()), m.end(), "doc_number",
                     "doc_number_list_tail", None, False, prev.code, year,
                     int(m.group(ts)), prev.org)
            result.append(t)
            prev = t
    return result


def _lead(s: str) -> int:
    """Length of the separator (and spaces) at the head of a list tail."""
    i = 0
    while i < len(s) and (s[i].isspace() or s[i] in "、，,和及与"):
        i += 1
    return i


# a title without a nested 《: what `title` matches from a 《 whose 》 comes before any other 《
# (`title` takes the same characters, less the recursion; `_title_spans`)
_PLAIN_TITLE = re.compile(r"《(?:[^《》。；\n]++|\n(?![ \t\u3000]*\n))*+》")


def _title_spans(text: str, title: regex.Pattern) -> Iterator[tuple[int, int]]:
    """The spans of `title.finditer(text)`: `title` asked only at a 《 (every match begins with
    one, found by `str.find`), and first by the stdlib `_PLAIN_TITLE`, which matches there
    exactly where `title` matches without a nested title, with the same span (about a tenth of
    `regex`'s cost a title: the recursion's machinery); `title` itself where it does not
    (tests/test_citations.py compares the two on every corpus text)."""
    plain = _PLAIN_TITLE.match
    k = text.find("《")
    while k >= 0:
        m = plain(text, k) or title.match(text, k)
        if m is None:
            k = text.find("《", k + 1)
        else:
            e = m.end()
            yield k, e
            k = text.find("《", e)


def _find_titles(text: str, pats: CitationPatterns) -> list[_Hit]:
    out: list[_Hit] = []
    inner = pats.compiled["title_inner"]
    for s, e in _title_spans(text, pats.compiled["title"]):
        if e - s > _MAX_TITLE:
            continue
        body = text[s + 1 : e - 1]
        title = _title_text(body)
        if not title:
            continue
        out.append(_Hit(s, e, "title", "title", title))
        # nested titles: inner 《…》 (the recursion) and 〈…〉 / <…> (looked for only in a body
        # that holds their opening bracket)
        if "《" in body:
            starts = []
            for k in range(s + 1, e - 1):
                ch = text[k]
                if ch == "《":
                    starts.append(k)
                elif ch == "》" and starts:
                    ks = starts.pop()
                    t = _title_text(text[ks + 1 : k])
                    if t:
                        out.append(_Hit(ks, k + 1, "title", "title_inner", t, True))
        if "〈" in body or "<" in body:
            for im in inner.finditer(text, s + 1, e - 1):
                t = _title_text(im["inner"])
                out.append(_Hit(im.start(), im.end(), "title", "title_inner", t, True))
    return out


# --------------------------------------------------------------------------- resolve


def _pair(hits: list[_Hit], text: str) -> None:
    """Pair each outer title with the number right after it, else right before it."""
    titles = [i for i, h in enumerate(hits) if h.kind == "title" and not h.nested]
    numbers = [i for i, h in enumerate(hits) if h.kind == "doc_number"
               and h.extractor != "doc_number_list_tail"]
    if not numbers or not titles:
        return
    by_start = {hits[i].start: i for i in numbers}
    nstarts = sorted(by_start)
    for ti in titles:
        t = hits[ti]
        k = bisect.bisect_left(nstarts, t.end)
        if k < len(nstarts):
            ni = by_start[nstarts[k]]
            n = hits[ni]
            if n.pair is None and n.start - t.end <= 12 and _GAP_TITLE_NUMBER.match(
                text[t.end : n.start]
            ):
                t.pair, n.pair = ni, ti
    for ti in titles:
        t = hits[ti]
        if t.pair is not None:
            continue
        k = bisect.bisect_right(nstarts, t.start) - 1
        while k >= 0 and hits[by_start[nstarts[k]]].end > t.start:
            k -= 1
        if k >= 0:
            ni = by_start[nstarts[k]]
            n = hits[ni]
            if n.pair is None and t.start - n.end <= 8 and _GAP_NUMBER_TITLE.match(
                text[n.end : t.start]
            ):
                t.pair, n.pair = ni, ti


def _aliases(hits: list[_Hit], text: str, pats: CitationPatterns) -> list[_Hit]:
    """Mark alias definitions and uses; returns the added quoted-alias hits."""
    outer = [h for h in hits if h.kind == "title" and not h.nested]
    defs: list[tuple[int, str, str | None]] = []  # (position, alias, full title)
    added: list[_Hit] = []
    found = list(pats.finditer("alias_definition", text))
    ax = pats.groups["alias_definition"]["alias"]
    if found:  # (the lookups below only for a text with a definition: about half the corpus)
        numbers = sorted((h for h in hits if h.kind == "doc_number"), key=lambda h: h.start)
        number_starts = [h.start for h in numbers]
        by_start = {h.start: h for h in outer}
        outer_by_end = sorted(outer, key=lambda h: h.end)  # stable: text order among equal ends
        outer_ends = [h.end for h in outer_by_end]
    for m in found:
        alias = _title_text(m.group(ax))
        a_start, a_end = m.start(ax) - 1, m.end(ax) + 1  # with its brackets/quotes
        marker = m.start()
        # the full title: the last outer title before the marker, with only brackets, commas
        # and numbers in between
        full = None
        k = bisect.bisect_right(outer_ends, marker)  # the outer titles that end before the marker
        if k and marker - outer_by_end[k - 1].end <= 60:
            t = outer_by_end[k - 1]
            gap = list(text[t.end : marker])
            for n in numbers[bisect.bisect_left(number_starts, t.end):]:
                if n.start >= marker:
                    break
                if n.end <= marker:
                    gap[n.start - t.end : n.end - t.end] = " " * (n.end - n.start)
            if _GAP_ALIAS.match("".join(gap) + "以下"):
                full = t.title
        h = by_start.get(a_start)
        if h is None and full is None and not _is_generic(alias, pats):
            continue  # (下称“区(县)政府”): a quoted short name of a body, not of a document
        defs.append((a_start, alias, full))
        if h is None:  # quoted definition (“条例”): a hit of its own
            h = _Hit(a_start, a_end, "alias", "alias_definition", alias)
            added.append(h)
        h.kind, h.extractor, h.alias_def = "alias", "alias_definition", True
        h.refers_to, h.resolved = full, full is not None
    if not defs:
        defined: dict[str, list[tuple[int, str | None]]] = {}
    else:
        defined = {}
        for pos, alias, full in defs:
            defined.setdefault(alias, []).append((pos, full))

    def resolve(alias: str, pos: int) -> str | None:
        cands = defined[alias]  # in text order
        k = bisect.bisect_right(cands, pos, key=lambda c: c[0])
        return cands[k - 1][1] if k else cands[0][1]

    for h in outer:
        if h.alias_def or h.kind != "title":
            continue
        if h.title in defined:
            full = resolve(h.title, h.start)
            h.kind, h.extractor = "alias", "alias_use"
            h.refers_to, h.resolved = full, full is not None
        elif h.pair is None and _is_generic(h.title or "", pats):
            h.kind, h.extractor = "alias", "alias_unresolved"
            h.refers_to, h.resolved = None, False
    if defined:
        taken = {h.start for h in added}
        qx = pats.groups["quoted_short"]["alias"]
        for m in pats.compiled["quoted_short"].finditer(text):
            alias = _title_text(m.group(qx))
            if alias in defined and m.start() not in taken:
                full = resolve(alias, m.start())
                added.append(_Hit(m.start(), m.end(), "alias", "alias_use", alias, False, None,
                                  None, None, None, full, full is not None))
    return added


def _is_generic(title: str, pats: CitationPatterns) -> bool:
    """Is `title` a generic name (条例, 实施办法: `alias_generic`)? The pattern holds its whole text
    (`^…$`), so a title longer than its widest match, and the line break `$` may stand before,
    is none: most titles, which are not searched (tests/test_speed_meta.py compares the two on
    every title of the corpus)."""
    reach = pats.generic_reach
    if reach is not None and len(title) > reach + 1:
        return False
    return pats.compiled["alias_generic"].search(title) is not None


def _resolve_issuers(hits: list[_Hit], doc: Document, pats: CitationPatterns) -> None:
    numbers = [h for h in hits if h.kind == "doc_number"]
    if not numbers:
        return
    table = load_issuers()
    province = (doc.region or {}).get("province") if isinstance(doc.region, dict) else None
    org_re = pats.compiled["issuer_from_title"]
    from_title: dict[str, str] = {}
    for h in numbers:
        issuer, how = table.lookup(h.code, province)
        if issuer is None and h.org:
            issuer, how = h.org, "decree"
        h.issuer, h.issuer_source = issuer, how or None
        if issuer is None and h.code and h.pair is not None:
            org = _title_issuer(hits[h.pair], doc, org_re)
            if org:
                from_title.setdefault(h.code, org)
    if from_title:  # the same code elsewhere in the document has the same issuer
        for h in numbers:
            if h.issuer is None and h.code in from_title:
                h.issuer, h.issuer_source = from_title[h.code], "title"


def _title_issuer(t: _Hit, doc: Document, org_re: regex.Pattern) -> str | None:
    """The single body a title names before 关于 (《淄博市人民政府办公厅关于…》), else None.

    Read on the source with its spaces (folded to simplified): joint titles separate their
    bodies with a space or 、 (《中共X市委办公室 X市人民政府办公室关于…》) and name no single issuer.
    """
    s, e = doc.norm.span(t.start, t.end)
    body = same_length(doc.text[s + 1 : e - 1]).lstrip()
    m = org_re.match(body)
    if not m:
        return None
    org = m["org"]
    if org.startswith("中共") and ("政府" in org or "委员会" in org[2:]):
        return None  # party and government together
    return org


def _normalized(h: _Hit) -> str | None:
    if h.code is None or h.serial is None:
        return None
    if h.code.endswith("令"):  # decrees: 国务院令第711号, 商务部令2015年第2号
        return f"{h.code}{h.year}年第{h.serial}号" if h.year else f"{h.code}第{h.serial}号"
    if h.year is None:
        return f"{h.code}第{h.serial}号"
    return f"{h.code}〔{h.year}〕{h.serial}号"


# --------------------------------------------------------------------------- public


def find_citations(doc: Document) -> list[Citation]:
    """Every citation in `doc`, in text order, with numbers paired, aliases and issuers resolved."""
    norm = doc.norm
    text = norm.text
    pats = load_patterns()
    hits = _find_numbers(text, pats) + _find_titles(text, pats)
    hits.sort(key=lambda h: (h.start, -h.end))
    _pair(hits, text)
    added = _aliases(hits, text, pats)
    _resolve_issuers(hits, doc, pats)
    if added:
        # re-sort keeping pair links: map old indices to new ones
        allh = hits + added
        order = sorted(range(len(allh)), key=lambda i: (allh[i].start, -allh[i].end))
        new_index = {old: new for new, old in enumerate(order)}
        hits = [allh[i] for i in order]
        for h in hits:
            if h.pair is not None:
                h.pair = new_index[h.pair]
    out: list[Citation] = []
    doc_id, source, span = doc.doc_id, doc.text, norm.span
    for i, h in enumerate(hits):
        s, e = span(h.start, h.end)
        # the fields in their order (positional: a third of a keyword call's cost)
        out.append(Citation(
            doc_id,  # doc_id
            f"cite-{i + 1}",  # citation_id
            s,  # start
            e,  # end
            h.kind,  # kind
            source[s:e],  # text
            h.code,  # code
            h.year,  # year
            h.serial,  # serial
            _normalized(h) if h.kind == "doc_number" else None,  # normalized
            h.title,  # title
            h.refers_to,  # refers_to
            h.issuer,  # issuer
            h.issuer_source,  # issuer_source
            f"cite-{h.pair + 1}" if h.pair is not None else None,  # pair
            h.resolved,  # resolved
            h.extractor,  # extractor
        ))
    return out


EDGE_COLUMNS: tuple[str, ...] = (
    "doc_id", "agency", "year", "template", "cited_number", "cited_code", "cited_year",
    "cited_serial", "cited_issuer", "cited_title", "mentions", "first_start", "citation_ids",
)


def citation_edges(report: Report) -> list[dict[str, Any]]:
    """The citing report → cited document edges of one report (the `citation_edges` table).

    One row per cited document: a number (with the title it is paired with, if any), or a
    title cited without a number. Mentions of the same document are counted together: the same
    normalised number, the same title, a resolved alias of that title, or the title's paired
    number. Unresolved aliases are not edges (their target is unknown).
    """
    doc = report.document
    cites = sorted(report.citations, key=lambda c: c.start)
    by_id = {c.citation_id: c for c in cites}
    title_key: dict[str, str] = {}
    for c in cites:  # a title paired with a number is that number
        if c.kind == "title" and c.pair and by_id.get(c.pair) and by_id[c.pair].normalized:
            title_key.setdefault(c.title or "", by_id[c.pair].normalized or "")
    rows: dict[str, dict[str, Any]] = {}
    for c in cites:
        if c.kind == "doc_number":
            if not c.normalized:
                continue
            key = c.normalized
        elif c.kind == "title":
            key = title_key.get(c.title or "", "title:" + (c.title or ""))
        elif c.kind == "alias" and c.resolved and c.refers_to:
            key = title_key.get(c.refers_to, "title:" + c.refers_to)
        else:
            continue
        row = rows.get(key)
        if row is None:
            row = rows[key] = {
                "doc_id": doc.doc_id, "agency": doc.agency, "year": doc.year,
                "template": doc.template, "cited_number": None, "cited_code": None,
                "cited_year": None, "cited_serial": None, "cited_issuer": None,
                "cited_title": None, "mentions": 0, "first_start": c.start, "citation_ids": [],
            }
        row["citation_ids"].append(c.citation_id)
        paired_number = c.kind == "title" and c.pair and by_id.get(c.pair) is not None and \
            bool(by_id[c.pair].normalized)
        if not paired_number:  # 《T》（N） is one mention, counted on the number
            row["mentions"] += 1
        if c.kind == "doc_number":
            row["cited_number"], row["cited_code"] = c.normalized, c.code
            row["cited_year"], row["cited_serial"] = c.year, c.serial
            row["cited_issuer"] = row["cited_issuer"] or c.issuer
            if c.pair and by_id.get(c.pair) and row["cited_title"] is None:
                row["cited_title"] = by_id[c.pair].title
        elif c.kind == "title":
            row["cited_title"] = row["cited_title"] or c.title
        else:
            row["cited_title"] = row["cited_title"] or c.refers_to
    return list(rows.values())
