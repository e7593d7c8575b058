"""Every pattern file in `nlp/patterns/` runs its own examples and counter-examples.

Schema of a pattern file (TOML), shared by claims, units, citations, indicators …:

    version = "1"                 # optional; extractors put it into `extractor`
    [fragments]                   # optional named regex fragments
    number = '\\d+'
    [[pattern]]                   # one table per pattern, in priority order
    id = "claim.quantity"         # unique in the file
    regex = '{number}条'          # `regex` module syntax; searched, not full-matched
    examples = ["共33条", {text = "共33条。", match = "33条"}]
    counter_examples = ["条例"]
    anchor = '条'                 # optional: a piece every match contains, and how far before
    lookback = 30                 # it a match can start (nlp/scan.py tries only there)
    requires = '条'               # optional: characters one of which every match holds (a text
                                  # without any of them is not scanned)
    # … any other fields the extractor reads (role, unit, kind, scale, indicators …)

`{name}` inside a regex is replaced by the fragment `name` of the same file (recursively), or,
when `name` is the stem of another pattern file (e.g. `{units}`), by the alternation of that
file's pattern regexes in file order. Quantifiers like `{1,3}` are untouched.

An example must be *found* (`regex.search`); when written as `{text, match}` the first match
must be exactly `match`. A counter-example must not be found at all. An anchored pattern must
give, through `nlp.scan.anchored_finditer`, exactly the matches of `finditer` (examples, edge
cases and every corpus text). Every match of a pattern that `requires` characters holds one of
them (examples and every corpus text).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.data import PATTERNS_DIR, load_toml
from nlp.extract.claims import expand

FILES = sorted(PATTERNS_DIR.glob("*.toml"))


def _load(path: Path) -> dict:
    return load_toml(path)


def _compiled(path: Path) -> list[tuple[str, regex.Pattern, dict]]:
    data = _load(path)
    others = {p.stem: [x["regex"] for x in _load(p).get("pattern", []) if "regex" in x]
              for p in FILES if p != path}
    frags = data.get("fragments", {})
    return [(p["id"], regex.compile(expand(p["regex"], frags, others)), p)
            for p in data.get("pattern", []) if "regex" in p]


def _cases():
    for path in FILES:
        for pid, rx, p in _compiled(path):
            for ex in p.get("examples", []):
                yield pytest.param(rx, ex, True, id=f"{path.stem}:{pid}:+{_txt(ex)[:20]}")
            for ex in p.get("counter_examples", []):
                yield pytest.param(rx, ex, False, id=f"{path.stem}:{pid}:-{_txt(ex)[:20]}")


def _txt(ex) -> str:
    return ex["text"] if isinstance(ex, dict) else ex


def test_there_are_pattern_files():
    assert {"claims", "units"} <= {p.stem for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_pattern_file_is_well_formed(path):
    data = _load(path)
    ids = [p.get("id") for p in data.get("pattern", [])]
    assert all(ids), f"{path.name}: every [[pattern]] needs an id"
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids"
    for pid, _rx, p in _compiled(path):
        assert p.get("examples"), f"{path.name}:{pid} has no examples"


@pytest.mark.parametrize(("rx", "example", "should_match"), list(_cases()))
def test_pattern_example(rx, example, should_match):
    text = _txt(example)
    m = rx.search(text)
    if should_match:
        assert m is not None, f"{rx.pattern[:80]!r} does not find {text!r}"
        if isinstance(example, dict) and "match" in example:
            assert m.group() == example["match"]
    else:
        assert m is None, f"counter-example {text!r} matched {m.group()!r}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_example_is_shut_out_by_its_own_exclude(path):
    """A pattern's `exclude` must let its own examples through: `确认或重新出具` under an exclude
    of `或` could never give its id (held-out 220)."""
    import regex

    for pid, _rx, p in _compiled(path):
        if not p.get("exclude"):
            continue
        ex = regex.compile(p["exclude"])
        shut = [e for e in map(_txt, p.get("examples", [])) if ex.search(e)]
        assert not shut, f"{path.name}:{pid} excludes its own examples {shut}"


@pytest.mark.parametrize(
    ("rx", "fragments", "files", "expected"),
    [
        ("{a}条", {"a": r"\d+"}, {}, r"(?:\d+)条"),
        ("{a}", {"a": "{b}x", "b": "y"}, {}, "(?:(?:y)x)"),
        (r"\d{1,3}{u}", {}, {"u": ["条", "件"]}, r"\d{1,3}(?:(?:条)|(?:件))"),
    ],
)
def test_expand_fragments(rx, fragments, files, expected):
    assert expand(rx, fragments, files) == expected


def test_expand_unknown_fragment_raises():
    with pytest.raises(KeyError):
        expand("{nope}", {}, {})


# --------------------------------------------------------------------------- anchored patterns
def _anchored() -> list[tuple[str, regex.Pattern, regex.Pattern, int, dict]]:
    """Anchored patterns: those of the pattern files, and those anchored in code."""
    from nlp.segment import metadata, structure

    out = []
    for path in FILES:
        for pid, rx, p in _compiled(path):
            if "anchor" in p:
                out.append((f"{path.stem}:{pid}", rx, regex.compile(p["anchor"]),
                            int(p["lookback"]), p))
    captions = {"examples": ["附表：2019年度政府信息公开工作情况统计表", "附件 1： 统计报表",
                             "政府信息公开情况统计表"], "counter_examples": ["统计。表"]}
    out.append(("structure:_CAPTION", structure._CAPTION, *structure._CAPTION_ANCHOR, captions))
    agencies = {"examples": ["附件：平潭综合实验区2023年政府信息公开工作情况统计表",
                             "2019年度 高青县质量技术监督局政府信息公开情况统计表"],
                "counter_examples": ["政府信息公开工作报告"]}
    out.append(("metadata:_CAPTION_AGENCY", metadata._CAPTION_AGENCY,
                *metadata._CAPTION_AGENCY_ANCHOR, agencies))
    return out


_ANCHORED = _anchored()


def _same(rx: regex.Pattern, anchor: regex.Pattern, lookback: int, text: str) -> None:
    from nlp.scan import anchored_finditer

    for pos in (0, len(text) // 3):
        want = [(m.span(), m.groupdict()) for m in rx.finditer(text, pos)]
        got = [(m.span(), m.groupdict()) for m in anchored_finditer(rx, anchor, lookback, text, pos)]
        assert got == want


def test_some_patterns_are_anchored():
    assert {"citations:doc_number", "citations:doc_number_unbracketed", "citations:decree",
            "structure:_CAPTION", "metadata:_CAPTION_AGENCY"} <= {a[0] for a in _anchored()}


@pytest.mark.parametrize(("rx", "anchor", "lookback", "p"),
                         [pytest.param(*a[1:], id=a[0]) for a in _anchored()])
def test_anchored_scan_finds_what_finditer_finds(rx, anchor, lookback, p):
    """The anchor promise (nlp/scan.py): the same matches on the examples, on edge
    cases (a code longer than the lookback, numbers back to back, spaces) and on every corpus
    text, raw and normalised."""
    from corpus import CORPORA

    from nlp.normalize import normalize

    cases = [_txt(e) for e in p.get("examples", []) + p.get("counter_examples", [])]
    joined = "，".join(cases)
    cases += [joined, "".join(cases), "根" * 40 + cases[0], cases[0] + cases[0],
              "根据" + "  ".join(cases), "\n\n".join(cases) * 3]
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        cases += [text, normalize(text).text]
    for text in cases:
        _same(rx, anchor, lookback, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["国办发", "鲁政办", "根据", "人民政府", "财政部", "主席", "令", "第", "号", "年", "度", "〔", "〕",
     "[", "]", "(", ")", "（", "）", "2018", "2021", "1999", "23", "7", " ", "  ", "\n", "、", "，",
     "情况统计表", "统计表", "附件", "附表", "：", "政府信息公开", "工作", "平潭", "文"]),
    max_size=40))
def test_anchored_scan_equals_finditer_on_generated_text(pieces):
    """The anchor promise on text made of the pieces these patterns are built from."""
    text = "".join(pieces)
    for _, rx, anchor, lookback, _p in _ANCHORED:
        _same(rx, anchor, lookback, text)


# --------------------------------------------------------------------------- required characters
def _requiring() -> list[tuple[str, regex.Pattern, str, dict]]:
    return [(f"{path.stem}:{pid}", rx, p["requires"], p)
            for path in FILES for pid, rx, p in _compiled(path) if "requires" in p]


def test_some_patterns_require_characters():
    assert {"citations:doc_number_unclosed", "citations:decree"} <= {r[0] for r in _requiring()}


@pytest.mark.parametrize(("rx", "required", "p"),
                         [pytest.param(*r[1:], id=r[0]) for r in _requiring()])
def test_every_match_holds_a_required_character(rx, required, p):
    """The promise of `requires` (a text without any of the characters is skipped): every
    match holds one, on the examples and on every corpus text, raw and normalised."""
    from corpus import CORPORA

    from nlp.normalize import normalize
    from nlp.scan import anchored_finditer

    anchor = (regex.compile(p["anchor"]), int(p["lookback"])) if "anchor" in p else (None, 0)
    cases = [_txt(e) for e in p.get("examples", []) + p.get("counter_examples", [])]
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        cases += [text, normalize(text).text]
    found = 0
    for text in cases:  # (anchored: the same matches, tested above)
        for m in anchored_finditer(rx, *anchor, text):
            assert any(ch in m.group() for ch in required), m.group()
            found += 1
    assert found


def test_alternation_names_the_first_pattern_in_order_not_the_longest():
    from nlp.scan import Alternation

    alt = Alternation([regex.compile("ab"), regex.compile("abc"), regex.compile("b")])
    assert alt.first_at("abc") == 0  # "abc" is longer, but "ab" comes first
    assert alt.first_at("abc", 1) == 2
    assert alt.first_at("xyz") is None
    assert alt.search("xxbx") and not alt.search("xyz")
    assert Alternation([]).first_at("ab") is None and not Alternation([]).search("ab")
    with pytest.raises(ValueError, match="flags"):
        Alternation([regex.compile("a"), regex.compile("a", regex.IGNORECASE)])


def _exclude_sources() -> list[str]:
    path = PATTERNS_DIR / "claims.toml"
    roles = {p["id"]: p.get("role") for p in _load(path)["pattern"]}
    return [rx.pattern for pid, rx, _ in _compiled(path) if roles[pid] == "exclude"]


def test_leftmost_first_finds_what_one_alternation_finds():
    """`nlp.scan.LeftmostFirst` over the claim exclusions' branches (what `nlp.extract.claims`
    masks) gives the spans of the one alternation of the patterns, on every corpus text
    (raw and normalised), on the examples run together, and on overlapping branches."""
    from corpus import CORPORA

    from nlp.extract.claims import rules
    from nlp.normalize import normalize
    from nlp.scan import LeftmostFirst, top_level_branches

    sources = _exclude_sources()
    one = regex.compile("|".join(f"(?:{s})" for s in sources))
    split = rules().exclude
    assert len(split.patterns) > len(sources)  # the idiom list is split into its branches
    data = load_toml(PATTERNS_DIR / "claims.toml")
    cases = ["".join(_txt(e) for e in p.get("examples", []) + p.get("counter_examples", []))
             for p in data["pattern"] if p["role"] == "exclude"]
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        cases += [text, normalize(text).text]
    for text in cases:
        assert split.spans(text) == [m.span() for m in one.finditer(text)]
    # the earlier branch wins at a start; a later start inside a match is skipped
    alt = LeftmostFirst([regex.compile(b) for b in top_level_branches("ab|abc|bcd|d")])
    assert alt.spans("abcd abc") == [(0, 2), (3, 4), (5, 7)]
    assert [m.span() for m in regex.finditer("ab|abc|bcd|d", "abcd abc")] == alt.spans("abcd abc")


def test_a_digit_run_is_one_number():
    """The claims' `arabic` fragment never stops inside a run of digits, so the `number` loop
    cannot try the cuts of a phone number or a date one by one."""
    frag = _load(PATTERNS_DIR / "claims.toml")["fragments"]["arabic"]
    cut = regex.compile(f"(?:{frag})(?=\\d)")  # a number that ends where a digit follows
    for run in ("2018", "0533-6961496", "12.5", "1,234", "20180101日"):
        assert not any(cut.match(run, i) for i in range(len(run)))
    assert regex.match(f"(?:{frag})", "20180101日").group() == "20180101"
    assert regex.match(f"(?:{frag})", "1,234.5件").group() == "1,234.5"
