"""The promises the subject part of the claims stage (`claims._structure`, `_lead_words`,
`_clean_subject`) rests on (session 23), each checked against the plain way on corpus text."""

from functools import lru_cache


@lru_cache(maxsize=1)
def _leads() -> list[str]:
    """What the words before a number can be: every clause piece of the corpus (raw and
    normalised) up to 60 characters, each cut before each of its last six characters too, and
    hand-made ones (newlines, a word alone, words a newline follows)."""
    from corpus import clause_pieces

    out: set[str] = set()
    for piece in clause_pieces():
        if len(piece) > 60:
            continue
        out.add(piece)
        out.update(piece[:k] for k in range(max(len(piece) - 6, 0), len(piece)))
    out.update(["共", "共计", "共\n计", "其中\n", "全年度", "全年度收到", "本年度\n", "另外已经",
                "截至", "主动在网站", "以及", "及", "同比增加了", "较上年度减少", "基本持平\n",
                "\n增加", "通过网站等形式", "等形式", "其中", "并已"])
    return sorted(out)


def test_strip_prefixes_as_the_regex():
    """`_strip_prefixes` looks the `strip_prefix` words up by length: it removes what
    `prefix_rx` (`^(?:words, longest first)(?=.)`) removes, asked again and again, on every
    lead of `_leads` and on each with its first characters cut one by one."""
    from nlp.extract.claims import _strip_prefixes, rules

    r = rules()

    def plain(s: str) -> str:
        while True:
            m = r.prefix_rx.match(s)
            if m is None or m.end() == m.start():
                return s
            s = s[m.end():]

    texts = {t[k:] for t in _leads() for k in range(min(len(t), 4))}
    stripped = 0
    for t in texts:
        got = _strip_prefixes(t, r)
        assert got == plain(t), t
        stripped += got != t
    assert stripped > 1000  # (the words are exercised, not only turned down)


def test_qualifier_scans_find_what_the_patterns_find():
    """Each `qualifier` pattern's scan (`any_text_scanner`: the stdlib `re`, its lookahead's set
    searched by `first_set_search`) finds the words its `regex` pattern finds, in order, on
    every clause piece of the corpus, on every corpus text and its normalised view, and on
    made-up texts with characters beyond the BMP."""
    from corpus import texts_and_views

    from nlp.extract.claims import rules
    from nlp.scan import any_text_scanner

    r = rules()
    patterns = r.by_role("qualifier")
    assert patterns and len(r.qualifier_scans) == len(patterns)
    assert all(scan is not p.rx for scan, p in zip(r.qualifier_scans, patterns, strict=True))
    # (their lookahead's set searched by the engine's loop: `first_set_search`, not the lookahead form)
    assert all(scan != any_text_scanner(p.rx) for scan, p in zip(r.qualifier_scans, patterns, strict=True))
    made_up = ["公共\U00020000共计", "\U0001d7d8共同其中占\U00020000含包含", "均为\U00020000均\n在共"]
    found = 0
    for t in [*_leads(), *texts_and_views(), *made_up]:
        for scan, p in zip(r.qualifier_scans, patterns, strict=True):
            words = scan.findall(t)
            assert words == [m.group() for m in p.rx.finditer(t)], t[:80]
            found += len(words)
    assert found > 10_000


def test_any_text_scanner():
    """`scan.any_text_scanner` gives None for a pattern with `\\d` (the engines' digits may
    differ beyond the BMP) and the `regex` matches for one without, on any text."""
    import regex

    from nlp.scan import any_text_scanner

    assert any_text_scanner(regex.compile(r"共\d+")) is None
    assert any_text_scanner(regex.compile(r"\\d共")) is not None  # (an escaped backslash)
    rx = regex.compile(r"(?<!公)共(?![享同])|均(?=为|达)|含\s*有")
    scan = any_text_scanner(rx)
    assert scan is not None
    for t in ["公共共同共计", "\U00020000共 \u3000含\u3000有均为", "均\U00020000均达", "共"]:
        assert scan.findall(t) == [m.group() for m in rx.finditer(t)], t


def test_context_end_as_the_clause_end():
    """`_structure`'s qualifier context ends where `min(_clause_end(nt, ne), ne + 4)` says,
    found by `_STOP_SCAN` within the 4 characters after the unit: checked after every
    character of every normalised corpus text (every 7th text) and at its end."""
    from corpus import normalized_views

    from nlp.extract.claims import _STOP_SCAN, _clause_end

    for nt in normalized_views()[::7]:
        for ne in range(len(nt) + 1):
            m = _STOP_SCAN.search(nt, ne, ne + 4)
            assert nt[:ne + 4 if m is None else m.start()] == \
                nt[:min(_clause_end(nt, ne), ne + 4)], (nt[ne - 10:ne + 10])


def test_lead_word_character_gates_hold():
    """The character gates of `_lead_words` and `_clean_subject` (`_literal_firsts`) are
    promises about their patterns: where a `change` pattern or `channel` matches, the text
    holds one of their first characters; a `direction` match holds one of its own within the
    reach of the end. Checked on every lead of `_leads`, with and without a final newline."""
    from nlp.extract.claims import rules
    from nlp.scan import holds_any

    r = rules()
    assert r.change_firsts and r.channel_firsts and r.direction_firsts
    changes, dirs = r.by_role("change"), r.by_role("direction")
    hits = 0
    for t in _leads():
        for s in (t, t + "\n"):
            if any(p.rx.search(s) for p in changes):
                assert holds_any(s, r.change_firsts), s
                hits += 1
            if r.channel.search(s):
                assert holds_any(s, r.channel_firsts), s
            for p in dirs:
                m = p.rx.search(s)
                if m is not None:
                    assert r.direction_firsts.search(m.group()), s
                    assert r.direction_firsts.search(s, len(s) - r.direction_reach), s
                    hits += 1
    assert hits > 100


def test_next_count_words_stand_in_every_match():
    """`_post_noun` splits at `NEXT_COUNT` only where one of its `required_literals` stands:
    every match of it on every corpus text and its normalised view holds one."""
    from corpus import texts_and_views

    from nlp.extract.claims import _NEXT_COUNT_WORDS, NEXT_COUNT
    from nlp.scan import holds_any

    assert _NEXT_COUNT_WORDS and "" not in _NEXT_COUNT_WORDS
    matches = 0
    for t in texts_and_views():
        for m in NEXT_COUNT.finditer(t):
            assert holds_any(m.group(), _NEXT_COUNT_WORDS), m.group()
            matches += 1
    assert matches > 100
