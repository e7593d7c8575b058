"""The shortcuts of the text-table, table and link stages (session 17) compared with the plain way
on the corpus texts and on generated text."""

from __future__ import annotations

from benchmarks.bench_extract import texts


def test_misprint_heads_turn_down_only_positions_where_the_fuzzy_regex_finds_nothing():
    """`_scan_header` asks the misprinted-word regex (`{s<=1}`) only where the position holds a
    long word's first character or the next one its second (`_misprint_heads`). Every word with
    each of its characters misprinted matches and passes the gate; at every start of every
    corpus text where the gate turns the position down, the regex finds nothing."""
    from nlp.tables.runs import _long_keys, _misprint_heads, _patterns

    misprint = _patterns()[3]
    first, second = _misprint_heads()

    def gate(s: str, j: int) -> bool:
        return s[j:j + 1] in first or s[j + 1:j + 2] in second

    keys = _long_keys()
    assert len(keys) > 10
    for k in keys:
        for i in range(len(k)):
            typo = k[:i] + "〇" + k[i + 1:]
            assert misprint.match(typo) is not None and gate(typo, 0), typo
    turned_down = 0
    for text in texts()[::3]:
        for m in misprint.finditer(text, overlapped=True):
            assert gate(text, m.start()), text[m.start():m.end()]
        # positions near header words, where `_scan_header` asks
        for j in range(0, len(text), 7):
            if not gate(text, j):
                assert misprint.match(text, j) is None
                turned_down += 1
    assert turned_down > 10000
