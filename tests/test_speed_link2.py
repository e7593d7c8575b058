"""The shortcuts of the link stage's second pass compared with the plain way.

`nlp.link._revisable` says which of the steps after `assign_indicators`' claim loop can change
anything in a document (the steps about totals and their parts, and the steps that revisit a few
rules' claims on the 2019 and 2021 forms); the others are not run. The promise: a step left out
would have changed nothing. Checked by running every step on the corpus texts and comparing.
"""

from __future__ import annotations

from benchmarks.bench_extract import texts
from nlp import link
from nlp.pipeline import extract_text


def test_steps_left_out_change_nothing_on_the_corpus(monkeypatch):
    corpus = texts()
    reports = [extract_text(t) for t in corpus]
    gates = [link._revisable(r.claims, r.document.template) for r in reports]
    assert sum(not parts for parts, _ in gates) > len(corpus) // 2  # the gates leave steps out
    assert sum(not revisited for _, revisited in gates) > len(corpus) // 2
    gated = [r.claims for r in reports]
    monkeypatch.setattr(link, "_revisable", lambda claims, template: (True, True))
    plain = [extract_text(t).claims for t in corpus]
    assert gated == plain  # (every field of every claim)
    # the steps do change things on the corpus (so the comparison can fail)
    said = "\n".join(c.extractor or "" for doc in plain for c in doc)
    for step in ("total-after-parts", "cumulative-beside-new", "year-within-cumulative",
                 "includes-carried-over", "nothing-carried-over", "by-balance",
                 "closed-part-of-a-balance", "among-other-mail"):
        assert step in said, step
