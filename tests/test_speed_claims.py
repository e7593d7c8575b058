"""The promises the claims stage's shortcuts rest on (session 16), each checked against the plain
way on the corpus texts or pinned where the code depends on a layout."""


def test_claims_are_built_positionally_in_the_field_order():
    """`_new_claim` (for `_quantity` and `_zero`) builds each `Claim` positionally (half a
    keyword call's cost): a new or moved field must be placed there too."""
    from dataclasses import MISSING, fields

    from nlp.records import Claim

    assert [f.name for f in fields(Claim)] == [
        "doc_id", "claim_id", "start", "end", "text", "value", "unit", "approx", "bound",
        "value_max", "kind", "subject", "qualifiers", "direction", "parent", "group", "whole",
        "part", "section", "sentence", "indicator", "confidence", "extractor"]
    defaults = {f.name: f.default for f in fields(Claim)}
    # what the positional calls pass for the fields they leave at their defaults
    assert all(defaults[k] is None for k in (
        "approx", "bound", "value_max", "subject", "direction", "parent", "group", "whole",
        "part", "section", "sentence", "indicator"))
    assert defaults["qualifiers"] is MISSING and defaults["confidence"] == 1.0


def test_positional_claims_equal_keyword_claims():
    """A text's claims are what keyword-built claims would be (the records compared whole)."""
    import nlp

    r = nlp.extract_text("2018 年，县质监局共主动公开政府信息 33 条。其中，业务类信息 26 条，占 75%。"
                         "本年度未收到政府信息公开申请。")
    c = r.claims[0]
    assert (c.text, c.value, c.unit, c.kind, c.approx, c.bound, c.value_max, c.confidence) == \
        ("33 条", 33, "条", "count", None, None, None, 1.0)
    z = r.claims[-1]
    assert (z.kind, z.value, z.unit, z.confidence, z.subject) == ("zero", 0, "件", 1.0, "政府信息公开申请")
    assert all(isinstance(c.qualifiers, list) for c in r.claims)
    assert len({id(c.qualifiers) for c in r.claims}) == len(r.claims)  # a new list each


def test_bracket_close_as_the_plain_walk():
    """`_bracket_close` returns at once where no bracket opens before the mark in its sentence:
    the same as the walk back over every character, at every 其中-like mark and every count's
    end of the corpus texts (normalised)."""
    from corpus import CORPORA

    from nlp.extract.claims import (
        _PARENT_MARK,
        _SENT_END,
        _bracket_close,
        _clause_end,
        _left_open,
        clause_start,
    )
    from nlp.normalize import normalize

    def plain(nt: str, q: int) -> int | None:  # (the walk, always)
        if _left_open(nt[clause_start(nt, q, _SENT_END):q]):
            return _clause_end(nt, q, "）)" + _SENT_END)
        return None

    inside = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        nt = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        marks = [m.start() for m in _PARENT_MARK.finditer(nt)]
        marks += [k for k, ch in enumerate(nt) if ch in "件条）)"][:200]
        for q in marks:
            got = _bracket_close(nt, q)
            assert got == plain(nt, q), (path.name, q)
            inside += got is not None
    assert inside > 100


def test_left_open_reads_nested_brackets():
    from nlp.extract.claims import _left_open

    assert _left_open("其中（一") and _left_open("(甲（乙）丙") and _left_open("（（a）")
    assert not _left_open("其中（一）") and not _left_open("") and not _left_open("a）b")
    assert not _left_open("（甲）(乙)") and _left_open("（甲)（")


def test_row_line_gate_as_the_line_test():
    """`find_claims` asks `_table_like_line` only of a text with a pipe or a tab
    (`_may_hold_row_lines`): where it says no, no line of the text is table-like (every line of
    every corpus text, raw as the test reads `doc.text`, and hand-made lines)."""
    from corpus import CORPORA

    from nlp.extract.claims import _may_hold_row_lines, _table_like_line

    rows = 0
    for path in sorted(CORPORA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
        like = [s for s in starts if s < len(text) and _table_like_line(text, s)]
        assert _may_hold_row_lines(text) or not like, path.name
        rows += len(like)
    assert rows > 100
    for text in ("申请\t12件\t办结", "| 申请 | 12件 |", "甲|乙|丙"):
        assert _may_hold_row_lines(text) and _table_like_line(text, 0)
    assert not _may_hold_row_lines("申请12件，办结12件。")
