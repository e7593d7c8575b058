"""Narrative checks (docs/spec.md section 4): what the text says against the tables and itself.

- `narrative_vs_table`: a claim linked to a cell states a different value. Units are converted
  (万元 cells against 元 claims); approximate claims fail only outside their bound; zeros stated
  in words count as 0. Where the claim matches a documented alternative reading of the table
  (e.g. 收到申请 = 新收 + 上年结转), or where another claim of the same indicator states the
  table's figure (the report's own total; this one is likely a sub-scope count such as one
  office's), the status is `uncertain`, not `fail`.
- `percent_of`: a share whose part and whole are both stated, with a tolerance that follows the
  precision printed (75% allows 74.5–75.5; 51.85% allows ±0.005). A value explained only by
  truncation instead of rounding (5/12 = 41.67% printed 41%) is `uncertain`: reports often cut
  shares so they add up to 100, and readers of the development and held-out sets did not count
  that as a contradiction.
- `parts_vs_total`: 其中 / 分别为 parts against their total: parts may not add up to more than
  the total; where the parts are exhaustive (a 分别为 list, or parts whose stated shares add up to
  100%), they must add up to it.

Statements that agree produce `pass`. Every check quotes both numbers and points at its claims
(claim_ids) and cells (cell_ids) in `refs`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

import regex

from nlp.check.tables import first_by_indicator
from nlp.extract.claims import PIECES, clause_start, same_counter
from nlp.extract.numbers import half_unit, half_unit_of, printed_decimals
from nlp.link import loose_reading
from nlp.normalize import open_bracket
from nlp.records import Cell, Check, Claim, Report
from nlp.scan import holds_any, literal_words

_SCALE = {"元": 1.0, "万元": 1e4, "亿元": 1e8, "千元": 1e3}

# Alternative readings of a table a narrative legitimately uses; a match makes the check
# `uncertain` instead of `fail`.
ALTERNATIVES: dict[str, tuple[tuple[str, ...], ...]] = {
    "requests.received": (("requests.closed",),),
    "t3.result.total.total": (("t3.new.total",), ("t3.new.total", "t3.carried_over.total")),
}


def alternatives(indicator: str | None) -> tuple[tuple[str, ...], ...]:
    """Readings of the table a narrative figure may follow instead of its own cell: requests
    "received" are often 新收 + 上年结转, in every applicant column (t3.new.<col>)."""
    if indicator and indicator.startswith("t3.new."):
        col = indicator.removeprefix("t3.new.")
        return ((indicator, f"t3.carried_over.{col}"),)
    return ALTERNATIVES.get(indicator or "", ())


def _fmt(x: float | None) -> str:
    if x is None:
        return "空"
    return f"{x:g}" if abs(x) < 1e15 else str(x)


def cell_value_in(cell: Cell, unit: str) -> float | None:
    """The cell's value converted to a claim's unit (money to 元); None if blank."""
    if cell.value is None:
        return None
    if unit == "元" and cell.unit in _SCALE:
        return cell.value * _SCALE[cell.unit]
    return cell.value


def _magnitude(value: float) -> float:
    """300 → 100, 1600 → 100, 90 → 10, 7 → 1: the step a 余/多 count can run to."""
    if value <= 0:
        return 1.0
    v = round(value)
    step = 1
    while v and v % 10 == 0:
        v //= 10
        step *= 10
    return float(step)


def claim_agrees(claim: Claim, observed: float) -> bool:
    """Does the observed number fall within what the claim states? A decrease stated as the
    2019 form's 本年增/减 (比2019年减少3项) is the table's −3."""
    value = claim.value if claim.value is not None else 0.0
    if claim.direction == "down" and (claim.indicator or "").endswith(".delta"):
        value = -value
    if claim.value_max is not None:
        return value <= observed <= claim.value_max
    if claim.bound == "lower":
        return value <= observed < value + _magnitude(value) or (
            claim.approx in ("超过", "超", "以上", "不少于", "不低于") and observed >= value
        )
    if claim.bound == "upper":
        return observed <= value
    if claim.bound == "about":
        return abs(observed - value) <= max(0.1 * abs(value), 1.0)
    return math.isclose(observed, value, rel_tol=0, abs_tol=1e-9)


def _claim_phrase(claim: Claim) -> str:
    return f"“{claim.text}”"


def narrative_vs_table(report: Report) -> list[Check]:
    if not report.links:
        return []  # nothing to compare (no lookups to build)
    claims = {c.claim_id: c for c in report.claims}
    cells = {c.cell_id: c for c in report.cells}
    out: list[Check] = []
    # (read only for a claim that disagrees with its cell: built for the first one)
    by_ind: dict[str, Cell] = {}
    of_indicator: dict[str | None, list[Claim]] | None = None
    agree_memo: dict[tuple[str | None, float], list[Claim]] = {}
    for ln in report.links:
        claim, cell = claims.get(ln.claim_id), cells.get(ln.cell_id)
        if claim is None or cell is None:
            continue
        unit = "元" if claim.kind == "money" else claim.unit
        observed = cell_value_in(cell, unit)
        stated = 0.0 if claim.kind == "zero" else claim.value
        refs = [claim.claim_id, cell.cell_id]
        where = f"表中“{cell.row_label}”" + (f"（{cell.col_label}）" if cell.col_label else "")
        if observed is None:
            out.append(Check(report.document.doc_id, "", "narrative_vs_table", "not_assessable",
                             stated, None, refs,
                             f"正文{_claim_phrase(claim)}无法核对：{where}为空（{cell.raw or '空白'}）。",
                             ln.indicator))
            continue
        if claim_agrees(claim, observed):
            out.append(Check(report.document.doc_id, "", "narrative_vs_table", "pass", stated,
                             observed, refs,
                             f"正文{_claim_phrase(claim)}与{where}的{_fmt(observed)}一致。",
                             ln.indicator))
            continue
        status, note = "fail", ""
        if of_indicator is None:
            of_indicator = {}
            for other in report.claims:
                of_indicator.setdefault(other.indicator, []).append(other)
            by_ind = first_by_indicator(report.cells)
        key = (ln.indicator, observed)
        if key not in agree_memo:  # (every failing claim of an indicator asks the same)
            agree_memo[key] = [c for c in of_indicator.get(ln.indicator, [])
                               if c.kind != "zero" and claim_agrees(c, observed)]
        agreeing = [c for c in agree_memo[key] if c.claim_id != claim.claim_id]
        if agreeing:  # the report states the table's figure elsewhere: this one is a sub-scope?
            status = "uncertain"
            note = f"，但正文另处“{agreeing[0].text}”与表一致，此处可能是部分口径"
            refs.append(agreeing[0].claim_id)
        alts = alternatives(ln.indicator)
        loose = (ln.indicator or "").startswith("t3.new.") and loose_reading(claim)
        if loose:  # 受理 N件 may also be the requests handled (办结), in the same column
            alts = (*alts, (ln.indicator.replace("t3.new.", "t3.result.total.", 1),))
        unknown = False  # a reading that cannot be checked: its cell is not in the table
        for alt in ([] if agreeing else alts):
            alt_cells = [by_ind.get(i) for i in alt]
            if any(c is None or c.value is None for c in alt_cells):
                unknown = True
                continue
            total = sum(cell_value_in(c, unit) or 0.0 for c in alt_cells)  # type: ignore[union-attr]
            if claim_agrees(claim, total):
                status = "uncertain"
                labels = "＋".join(c.row_label for c in alt_cells)  # type: ignore[union-attr]
                note = f"，但与{labels}之和{_fmt(total)}相符，可能口径不同"
                refs += [c.cell_id for c in alt_cells if c.cell_id not in refs]  # type: ignore[union-attr]
                break
        if status == "fail" and loose and unknown:
            status = "uncertain"
            note = "，但“受理”也可指办结数或含上年结转，表中缺少相应数据，无法核对"
        stated_txt = "0（文字表述）" if claim.kind == "zero" else _fmt(stated)
        out.append(Check(report.document.doc_id, "", "narrative_vs_table", status, stated,
                         observed, refs,
                         f"正文{_claim_phrase(claim)}为{stated_txt}，{where}为{_fmt(observed)}{note}。",
                         ln.indicator))
    return out


def percent_of(report: Report) -> list[Check]:
    shares = [c for c in report.claims
              if c.kind == "percent" and c.value is not None and c.part and c.whole]
    if not shares:
        return []  # (most reports: no lookup of their claims to build)
    claims = {c.claim_id: c for c in report.claims}
    out: list[Check] = []
    for c in shares:
        part, whole = claims.get(c.part), claims.get(c.whole)
        if part is None or whole is None or part.value is None or not whole.value:
            continue
        if part.unit != whole.unit or part.bound or whole.bound:
            status = "uncertain"
        else:
            status = None
        actual = part.value / whole.value * 100
        dec = printed_decimals(c.text)
        tol = half_unit_of(dec)  # (`half_unit(c.text)`: its decimals, not read again)
        refs = [c.claim_id, part.claim_id, whole.claim_id]
        ratio = f"{_fmt(part.value)}/{_fmt(whole.value)} = {actual:.{max(dec, 1) + 1}f}%"
        if abs(actual - c.value) <= tol + 1e-9:
            st, msg = status or "pass", f"“{c.text}”与{ratio}相符。"
        else:
            trunc = math.floor(actual * 10**dec) / 10**dec
            if math.isclose(trunc, c.value, abs_tol=1e-9):
                st, msg = "uncertain", f"“{c.text}”与{ratio}只在截尾（而非四舍五入）时相符。"
            elif math.isclose(_round_twice(actual, dec), c.value, abs_tol=1e-9):
                st, msg = "uncertain", (f"“{c.text}”与{ratio}只在两次四舍五入（先到小数点后"
                                        f"{dec + 1}位）时相符。")
            else:
                st, msg = status or "fail", f"“{c.text}”与{ratio}不符。"
                other = _overall_total(report, c, part, whole, tol)
                if other is not None:  # 占总数的70%: the share of the report's total, not of 9
                    st = "uncertain"
                    msg = (f"“{c.text}”与{ratio}不符，但与{_fmt(part.value)}/{_fmt(other.value)}"
                           f"（“{other.text}”，总数）相符。")
                    refs.append(other.claim_id)
        out.append(Check(report.document.doc_id, "", "percent_of", st, c.value,
                         round(actual, 6), refs, msg, whole.indicator))
    return out


def _round_twice(x: float, dec: int) -> float:
    """`x` rounded half up to dec + 1 decimals, then to dec (12.3497 → 12.35 → 12.4): how a
    share computed to two decimals and printed to one comes out."""
    once = Decimal(repr(x)).quantize(Decimal(1).scaleb(-(dec + 1)), rounding=ROUND_HALF_UP)
    return float(once.quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP))


_OF_TOTAL = regex.compile(r"占(?:总数|全部|总量|总计|合计)")
_TOTAL_WORDS = {"共", "共计", "合计", "总计", "累计", "全部", "全年"}


def _start(c: Claim) -> int:
    return c.start


def _claims_between(claims: list[Claim], lo: int, hi: int) -> list[Claim]:
    """The claims starting in [lo, hi) (claims are in text order: found by bisection)."""
    return claims[bisect_left(claims, lo, key=_start):bisect_left(claims, hi, key=_start)]


_TOTAL_REACH = 3000  # how far back a report's stated total may stand before a share


def _overall_total(report: Report, share: Claim, part: Claim, whole: Claim, tol: float
                   ) -> Claim | None:
    """When a share says 占总数 and its named whole does not fit, the report's stated total
    (an earlier 共/合计 claim of the same unit) that does fit: the whole was ambiguous."""
    text = report.document.text
    if not _OF_TOTAL.search(text[max(0, share.start - 8):share.start]):
        return None
    # (within the report's reach: a long document's every earlier claim would make it quadratic)
    for c in reversed(_claims_between(report.claims, max(0, part.start - _TOTAL_REACH), part.start)):
        if c.claim_id == whole.claim_id or not c.value:
            continue
        if c.unit != part.unit or c.kind not in ("count", "money") or c.parent:
            continue
        if not (_TOTAL_WORDS & set(c.qualifiers)):
            continue
        if abs(part.value / c.value * 100 - share.value) <= tol + 1e-9:  # type: ignore[operator]
            return c
    return None


def _shares_by_part(claims: list[Claim]) -> dict[str, Claim]:
    """part claim id → its share claim (the last one stated)."""
    return {c.part: c for c in claims if c.kind == "percent" and c.part}


def _share_sum(parts: list[Claim], by_part: dict[str, Claim]) -> float | None:
    """Sum of the shares (占X%) stated for the parts, when each part has one (`by_part`:
    `_shares_by_part` of the report's claims)."""
    vals = [by_part[p.claim_id].value if p.claim_id in by_part else None for p in parts]
    if not vals or not all(vals):
        return None
    return float(sum(Decimal(str(v)) for v in vals))  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _partition_data() -> tuple[dict[str, Any], ...]:
    """The entries of nlp/data/partitions.toml (read once)."""
    from nlp.data import DATA_DIR, load_toml

    return tuple(load_toml(DATA_DIR / "partitions.toml")["partition"])


@lru_cache(maxsize=1)
def partitions() -> tuple[tuple[str, tuple[regex.Pattern, ...]], ...]:
    """Known exhaustive breakdowns (nlp/data/partitions.toml)."""
    return tuple((p["id"], tuple(regex.compile(m) for m in p["members"]))
                 for p in _partition_data())


@lru_cache(maxsize=16)
def partition_kin(pid: str) -> tuple[regex.Pattern, ...]:
    """The words that name more members of partition `pid` beyond the ones it needs to be
    complete (a channel partition's 微博, 微信 … beside 网站 and 其他方式)."""
    return tuple(regex.compile(m) for p in _partition_data() if p["id"] == pid
                 for m in p.get("also", []))


@lru_cache(maxsize=1)
def _partition_words() -> tuple[tuple[str, tuple[tuple[regex.Pattern, tuple[str, ...] | None],
                                                 ...]], ...]:
    """`partitions()` with each member's fixed strings (`scan.literal_words`; None where the
    member is no alternation of fixed strings, or one holds a line break)."""
    out = []
    for pid, members in partitions():
        words = [literal_words(m.pattern) for m in members]
        out.append((pid, tuple((m, None if w is None or any("\n" in x for x in w) else w)
                               for m, w in zip(members, words, strict=True))))
    return tuple(out)


def covers_partition(subjects: list[str]) -> str | None:
    """The id of a known partition whose every member is named by one of `subjects`. A member
    of fixed strings is looked for by `in` in the subjects joined by line breaks (none of its
    strings holds one, so a string found there stands inside one subject), the others by their
    regex in each subject (tests/test_narrative_checks.py compares both ways)."""
    joined = "\n".join(subjects)
    for pid, members in _partition_words():
        for m, words in members:
            if not (holds_any(joined, words) if words is not None
                    else any(m.search(s) for s in subjects)):
                break
        else:
            return pid
    return None


_CHANNEL_WORDS = regex.compile(r"网站|专栏|微信|微博|公众号|平台|客户端|公报|新媒体|公开栏")
_JOINED = regex.compile(r"[和及与、]")


def _the_channels_it_names(total: Claim, parts: list[Claim]) -> bool:
    """Does the total's own subject name the channels it was published on (通过省政府网站信息公开
    专栏和厅网站主动公开各类信息15329条), two at least, and the parts are exactly those channels,
    one each (…专栏信息更新4288条, 厅网站…11040条)? Then they make up the total (held-out 181)."""
    keys = []
    for seg in _JOINED.split(total.subject or ""):
        words = list(_CHANNEL_WORDS.finditer(seg))
        if words:
            w = words[-1]
            keys.append(seg[max(0, w.start() - 1):w.end()])
    if len(keys) < 2 or len(parts) != len(keys):
        return False
    left = list(keys)
    for p in parts:
        hit = next((k for k in left if k in (p.subject or "")), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


# what a publishing channel's count is named by (a site, an account, an app, a board, other means).
# Not `_CHANNEL_WORDS`: a bare 平台 or 公报 names a count's subject, not a channel, too often (held-out
# 188's 兴国 农业农村局 list keeps its finding only without them)
_CHANNEL_PART = regex.compile(r"网站|网页|专栏|微信|微博|公众号|公众平台|抖音|头条|视频号|快手|小程序|客户端|APP|"
                              r"新媒体|公开栏|宣传栏|公告栏|电子屏|显示屏|报纸|报刊|电视|广播|其他方式|其他渠道")


def _channels_only(text: str, parts: list[Claim], total: Claim) -> bool:
    """Is every part of a list a count of one publishing channel (two parts or more), each less
    than the total? A count in brackets right after a part is that part's own breakdown
    (网站主动公开信息65条(公告公示3条)), not a part. (A channel at or over the total alone is a
    contradiction: held-outs 14, 94, 191, 239.)"""
    own = [p for k, p in enumerate(parts)
           if not (k and open_bracket(text[parts[k - 1].end:p.start]))]
    return len(own) >= 2 and all(_CHANNEL_PART.search(p.subject or "")
                                 and (p.value or 0) < total.value for p in own)


_TOTAL_LIKE = regex.compile(r"主动公开|政府信息|公开信息|各类信息")


def _restates_the_total(first: Claim, total: Claim) -> bool:
    """Is a list's first part the total again under a total's name (法定主动公开信息28条 after
    政府信息公开28条), not one category that happens to equal it (机构概况1条 of 1)?"""
    return first.value is not None and math.isclose(first.value, total.value or 0, abs_tol=1e-9) \
        and _TOTAL_LIKE.search(first.subject or "") is not None


def _partition_members(parts: list[Claim], total: float) -> tuple[list[Claim], list[Claim]]:
    """(the parts, the items left out): when the parts go over the total, name every member of
    a known partition (主动公开 + 依申请公开 + 不予公开) and also items that are none of its members
    (政府信息公开工作年度报告1条 beside 主动公开信息数28条), and the members alone do not go over,
    those items lie inside a member (the report is one of the items published) or classify the
    same total another way: the partition's members alone are checked (held-outs 172, 174)."""
    if sum([p.value or 0 for p in parts]) <= total + 1e-9:
        return parts, []
    subjects = [p.subject or "" for p in parts]
    pid = covers_partition(subjects)
    if pid is None:
        return parts, []
    members = dict(partitions())[pid] + partition_kin(pid)
    inside = [p for p in parts if not any(m.search(p.subject or "") for m in members)]
    members_only = [p for p in parts if p not in inside]
    if not inside or sum([p.value or 0 for p in members_only]) > total + 1e-9:
        return parts, []
    return members_only, inside


def _rounding_slack(parts: list[Claim], by_part: dict[str, Claim]) -> float:
    """How far stated shares may sum from 100% by rounding alone: half a unit of the last
    printed decimal per share (9 shares printed to 0.1% → 0.45; `by_part`: `_shares_by_part`
    of the report's claims)."""
    return sum(half_unit(by_part[p.claim_id].text) for p in parts
               if p.claim_id in by_part) + 1e-9


def _shares_fit(parts: list[Claim], total: Claim, by_part: dict[str, Claim]) -> bool:
    """Does each part's stated share agree with its count (to the share's printed decimals)?
    Shares that contradict their counts (12 of 14 “占100%”) prove nothing about the breakdown
    being complete: `percent_of` reports them."""
    for p in parts:
        sh = by_part.get(p.claim_id)
        if sh is None or sh.value is None or p.value is None or not total.value:
            return False
        if abs(p.value / total.value * 100 - sh.value) > half_unit(sh.text) + 1e-9:
            return False
    return True


def parts_vs_total(report: Report) -> list[Check]:
    # parts of one total may come as several breakdowns (其中 by unit, then 主要类别有： by
    # category, or 其中…、其中主站采用15条): each breakdown (Claim.group) is checked on its own
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in report.claims:
        if c.parent and c.kind not in ("percent", "pp") and c.value is not None:
            groups.setdefault((c.parent, c.group or ""), []).append(c)
    if not groups:  # (most reports: no lookups of their claims to build)
        return _channels_over_total(report, set())
    claims = {c.claim_id: c for c in report.claims}
    by_part: dict[str, Claim] | None = None  # (the shares' lookup: built when first asked)
    out: list[Check] = []
    for (parent_id, _), parts in groups.items():
        total = claims.get(parent_id)
        if total is None or total.value is None:
            continue
        unit = total.unit  # (`same_counter` of equal units is true: no call for them)
        same = [p for p in parts if p.unit == unit or same_counter(p.unit, unit)]
        if not same and total.unit == "条":
            # pieces of information counted as documents (…共42条。其中…年度报告1件,…40件)
            same = [p for p in parts if p.unit in PIECES]
        parts = same
        if not parts:
            continue
        parts, inside = _partition_members(parts, total.value)
        text = report.document.text
        times = {p.claim_id: _each(text, p) for p in parts}
        s = sum([p.value * times[p.claim_id] for p in parts if p.value is not None])
        approx = total.bound is not None or any([p.bound is not None for p in parts])
        over = s > total.value + 1e-9
        # whether the list names every part matters only to a sum that misses its total, and how
        # many leading parts make the total only to one over it: each is asked only then
        short = not math.isclose(s, total.value, abs_tol=1e-9)
        exhaustive = short and (
            any("分别" in p.qualifiers for p in parts)
            or any(_rest_item(p.subject) for p in parts)  # a rest
            or covers_partition([p.subject or "" for p in parts]) is not None
            or _the_channels_it_names(total, parts)
        )
        if short and not exhaustive:  # (the last way: stated shares that make 100%)
            if by_part is None:
                by_part = _shares_by_part(report.claims)
            exhaustive = ((share := _share_sum(parts, by_part)) is not None
                          and abs(share - 100) <= _rounding_slack(parts, by_part)
                          and _shares_fit(parts, total, by_part))
        refs = [total.claim_id] + [p.claim_id for p in parts]
        terms = "＋".join([_fmt(p.value) + (f"×{times[p.claim_id]}" if times[p.claim_id] > 1 else "")
                          for p in parts])
        prefix = _prefix_equal(parts, total.value) if over else 0
        # 100余条 / 100多条 make the sum a minimum, 不到/近 a total a maximum: over is then sure
        sure = not approx or (all(p.bound in (None, "lower") for p in parts)
                              and total.bound in (None, "upper"))
        if over and sum(1 for p in parts if math.isclose(p.value or 0.0, total.value,
                                                         abs_tol=1e-9)) >= 2:
            # 主动公开73条，其中网站73条、微信73条、公开栏73条: several parts are each the whole
            # total, so the items overlap (channels), they do not divide it
            st = "uncertain"
            msg = (f"分项{terms}＝{_fmt(s)}，超过总数“{total.text}”（{_fmt(total.value)}）；"
                   "但其中多项各自等于总数，各项应有重叠（如不同渠道）。")
        elif over and sure and _restates_the_total(parts[0], total):
            # 共发布政府信息公开28条。其中法定主动公开信息28条,财政信息3条,…: the first part is the
            # whole again, the others are its own breakdown (held-out 172)
            st = "uncertain"
            msg = (f"分项{terms}＝{_fmt(s)}，超过总数“{total.text}”（{_fmt(total.value)}）；"
                   f"但首项“{parts[0].text}”即等于总数，其后各项或为其细分。")
        elif over and sure and prefix:
            # 其中政务信息2657条，县直及各乡镇1377条，政策解读24条…: the first parts make up the
            # total exactly, the rest is a second breakdown of it run into the same list
            st = "uncertain"
            first = "＋".join(_fmt(p.value) for p in parts[:prefix])
            msg = (f"分项{terms}＝{_fmt(s)}，超过总数“{total.text}”（{_fmt(total.value)}）；"
                   f"但前{prefix}项{first}恰等于总数，其后各项或为另一种分类。")
        elif over and sure and not exhaustive and _channels_only(text, parts, total):
            # 其中网站主动公开信息65条,“上城普法”微信497条,“上城普法君”抖音157条 (held-out 37): one piece
            # of information goes out on several channels, so their counts may pass the total (no one
            # channel can). A list that names every channel (网站 + 其他方式: exhaustive) is held to it.
            st = "uncertain"
            msg = (f"分项{terms}＝{_fmt(s)}，超过总数“{total.text}”（{_fmt(total.value)}）；"
                   "但各项为不同公开渠道，同一信息可多渠道发布，且无一项达到总数。")
        elif over and sure:
            st = "fail"
            msg = f"分项{terms}＝{_fmt(s)}，超过总数“{total.text}”（{_fmt(total.value)}）。"
        elif over:
            st = "uncertain"
            msg = (f"分项{terms}＝{_fmt(s)}，超过总数“{total.text}”（{_fmt(total.value)}），"
                   "但其中有约数。")
        elif exhaustive and not math.isclose(s, total.value, abs_tol=1e-9) and (
                others := _other_counter(report.claims, total, parts, total.value - s)):
            # 其中：制发行政规范性文件2份，部门文件类107条；…: items counted in another word
            named = "＋".join(o.text for o in others)
            rest = sum(o.value or 0.0 for o in others)
            if math.isclose(s + rest, total.value, abs_tol=1e-9):
                st = "pass"
                msg = (f"分项{terms}＋{named}＝{_fmt(total.value)}，与总数“{total.text}”"
                       f"（{_fmt(total.value)}）相等（“{named}”另用量词）。")
            else:  # the list mixes counters: which items the total counts is not sure
                st = "uncertain"
                msg = (f"分项{terms}＝{_fmt(s)}，与总数“{total.text}”（{_fmt(total.value)}）不等；"
                       f"另有“{named}”用其他量词。")
        elif exhaustive and not math.isclose(s, total.value, abs_tol=1e-9):
            bare = _bare_number(text, report.claims, total, parts)
            st = "uncertain" if approx or bare else "fail"
            msg = f"分项{terms}＝{_fmt(s)}，与总数“{total.text}”（{_fmt(total.value)}）不等"
            msg += f"；列表中另有无量词的数字“{bare}”。" if bare else "。"
        else:
            st = "pass"
            msg = f"分项{terms}＝{_fmt(s)}，不超过总数“{total.text}”（{_fmt(total.value)}）。"
        if inside:
            named = "、".join(f"“{p.text}”" for p in inside)
            msg += f"（{named}不属于该划分，或为其中某项的细分、或为另一种分类，未计入。）"
        out.append(Check(report.document.doc_id, "", "parts_vs_total", st, total.value, s, refs,
                         msg, total.indicator))
    out.extend(_channels_over_total(report, {k[0] for k in groups}))
    return out


def _channels_over_total(report: Report, checked: set[str]) -> list[Check]:
    """Publishing channels stated apart from the year's total (1、政府网站。…1350条 under 主动公开
    政府信息622条): channels may overlap, so their sum may pass the total, but no single
    channel can. A total whose 其中 list was checked already is left to that check."""
    totals = [c for c in report.claims if c.indicator == "active.total"]
    if len(totals) != 1:  # (two figures for the year's total: which one the channels are of?)
        return []
    total = totals[0]
    if total.parent is not None or total.value is None or total.bound is not None or \
            total.claim_id in checked:
        return []
    over = [c for c in report.claims if (c.indicator or "").startswith("active.channel.")
            and c.parent != total.claim_id and c.value is not None
            and c.bound in (None, "lower") and c.value > total.value + 1e-9]
    if not over:
        return []
    named = "、".join(f"“{c.text}”" for c in over)
    msg = f"单一渠道{named}超过全年主动公开总数“{total.text}”（{_fmt(total.value)}）"
    text = report.document.text
    clause = _clause_before(text, total.start)
    if _ON_A_SITE.search(clause):  # 在…门户网站累计主动公开各类政府信息28条: the site's count?
        status, msg = "uncertain", msg + f"；但总数“{total.text}”是在网站上公开之数，或只是网站一个渠道。"
    else:
        status, msg = "fail", msg + "。"
    return [Check(report.document.doc_id, "", "parts_vs_total", status, total.value,
                  max(c.value for c in over if c.value is not None), [total.claim_id] + [c.claim_id for c in over],
                  msg, total.indicator)]


# a total stated as what a web site published (在安吉县人民政府门户网站累计主动公开…)
_ON_A_SITE = regex.compile(r"(?:门户|政府|官方)网站|网站(?:上|中|平台)")


_CLAUSE_STOPS = "，,；;。！？!?\n"
_CLAUSE_BACK = regex.compile(rf"[^{_CLAUSE_STOPS}]*$")


def _clause_before(text: str, end: int) -> str:
    """`_CLAUSE_BACK.search(text, 0, end)`'s text, searched only from after the last stop before
    `end - 1` (`clause_start`): from any start before it the run of non-stops ends at a stop before `end - 1`,
    where `$` cannot hold (it holds at `end`, and at `end - 1` before a final line break), so
    no match starts there. (From 0, each start ran to its clause's end: a long document's
    prefix took tens of milliseconds.) tests/test_speed_tt.py compares both on the corpus."""
    return _CLAUSE_BACK.search(text, clause_start(text, end - 1, _CLAUSE_STOPS), end).group()


def _each(text: str, part: Claim) -> int:
    """How many items one number counts for: `公共资金使用信息、机构调整和人员变动类信息各2条` is 2
    items of 2 (各 right before the number, items listed with 、 in its clause), else 1."""
    k = part.start
    if not k or (text[k - 1] != "各" and not text[k - 1].isspace()):
        return 1  # (the stripped window below ends with that character: no 各, no slice to cut)
    before = text[max(0, k - 80):k].rstrip()
    if not before.endswith("各"):
        return 1
    clause = _CLAUSE_BACK.search(before[:-1])
    items = clause.group() if clause else ""
    # only the items after the clause's last count share its 各 (…年报1条、意见征集及结果反馈各19条:
    # two items, held-out 135); 及 joins two of them as 、 does
    counts = list(_COUNT_IN.finditer(items))
    if counts:
        items = items[counts[-1].end():].lstrip("、及 ")
    return 1 + items.count("、") + items.count("及")


_COUNT_IN = regex.compile(r"\d+(?:\.\d+)?\s*[条件份篇个项次期]")
_ITEM_COUNTERS = frozenset("条件份篇个项期次")  # 征集调查16期 among 条 items (held-out 137)


def _other_counter(claims: list[Claim], total: Claim, parts: list[Claim], missing: float
                   ) -> list[Claim]:
    """Claims inside the list of `parts` (between the total and the last part) counted in
    another item counter (份 or 件 among 条): the one whose value is exactly what the parts
    fall short by, else all of them when together they make it up (会议信息220条,政策文件3302件,
    意见征集799件,建议提案2768件,其他信息72514条), else all of them, not adding up ([] when
    there are none)."""
    if total.unit not in _ITEM_COUNTERS or missing <= 0:
        return []
    last = max(p.start for p in parts)
    ids = {p.claim_id for p in parts}
    others = [c for c in _claims_between(claims, total.end, last)
              if c.claim_id not in ids and c.unit != total.unit and c.unit in _ITEM_COUNTERS
              and c.kind == "count" and c.value is not None and not c.parent]
    one = [c for c in others if math.isclose(c.value or 0.0, missing, abs_tol=1e-9)]
    return one[:1] or others


def _bare_number(text: str, claims: list[Claim], total: Claim, parts: list[Claim]) -> str:
    """A number inside the list (between the total and its last part, or after the last part
    in the rest of its clause) that is no claim: an item printed without its measure word
    (…会议活动类信息460条,部门动态402,其他信息248条; …年度报告1条,部门预决算3(…)条。, held-out 134);
    the list's sum cannot be trusted then. "" when there is none."""
    end = max(p.end for p in parts)
    stop = _CLAUSE_END.search(text, end)
    end = stop.start() if stop is not None else len(text)
    spans = [(c.start, c.end) for c in _claims_between(claims, total.end, end)]
    for m in _BARE.finditer(text, total.end, end):
        if not any(a <= m.start() < b for a, b in spans):
            return m.group()
    return ""


_BARE = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*[年月日号%％])")
_CLAUSE_END = regex.compile(r"[。；;\n]")


# 其他文件 (其他部门文件): the catalogue's category of documents beside 规章 and 规范性文件, not the
# rest of a list (held-out 80, 合水镇: 规章文件4条,规范计划5条,其他文件4条 …); so is 其他 before a
# kind of its own (其他概况类信息32条, held-out 203; not 其他各类信息, 其它类)
_NAMED_OTHER = regex.compile(
    r"^其[他它](?:\p{Han}{0,4}?文件|法律|(?!各|相关|有关|方面)\p{Han}{2,6}?类)")
# (其他法律行政法规禁止公开: a row of table 三's 不予公开, named, not the rest: held-out 217)


# the rest after the verb that publishes it (公开其他信息5条, …和公开资料提供其他信息公开5条:
# held-out 161)
_REST_AFTER_VERB = regex.compile(r"(?:公开|发布|提供|更新|报送)(?=其[他它])")
_REST_AFTER_DENG = regex.compile(r"等(?=其[他它])")


def _rest_item(subject: str | None) -> bool:
    """Does a list item's subject name the rest of the list (其他, 其他信息, 其它类)?"""
    s = subject or ""
    if "其" not in s:
        return False  # no 其他 / 其它: neither the rest nor a verb before it (the common case)
    if not s.startswith(("其他", "其它")):
        # …法定主动公开内容等其他信息20条: the rest after the named ones (held-out 168)
        verbs = list(_REST_AFTER_VERB.finditer(s)) or list(_REST_AFTER_DENG.finditer(s))
        s = s[verbs[-1].end():] if verbs else s
    return s.startswith(("其他", "其它")) and not _NAMED_OTHER.match(s)


def _prefix_equal(parts: list[Claim], total: float) -> int:
    """The number of leading parts (at least 2, fewer than all, in text order) whose sum is
    exactly `total`, or 0; 0 too when those parts include the rest item (其它): the list had
    closed there, and what follows is over the total, not a second breakdown. 0 also when the
    list is plainly one breakdown: it ends with its rest (…其他各类信息8条), or every part names
    the same kind (文字解读144篇,图片解读61篇,视频解读1篇 of 205)."""
    ordered = sorted(parts, key=lambda p: p.start)
    if _rest_item(ordered[-1].subject) or _one_kind(ordered):
        return 0
    run = 0.0
    for k, p in enumerate(ordered[:-1], start=1):
        run += p.value or 0.0
        if k >= 2 and math.isclose(run, total, abs_tol=1e-9):
            closed = any(_rest_item(q.subject) for q in ordered[:k])
            return 0 if closed else k
    return 0


def _one_kind(parts: list[Claim]) -> bool:
    """Do all parts' subjects end with the same two characters, a kind (…解读, …类信息 is not:
    信息 is too general a head to tell one breakdown)?"""
    heads = {(p.subject or "")[-2:] for p in parts}
    return len(heads) == 1 and len(next(iter(heads))) == 2 and heads != {"信息"}


def narrative_checks(report: Report) -> list[Check]:
    return narrative_vs_table(report) + percent_of(report) + parts_vs_total(report)
