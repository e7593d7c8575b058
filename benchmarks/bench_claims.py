"""Claim extraction alone vs `jieba.lcut`, on every corpus text, in the same process.

    .venv/bin/python benchmarks/bench_claims.py

Both sides see the same texts. The claims side times `find_claims` on documents whose
normalised view is already built (normalisation is its own stage, shared by all extractors);
the figure with normalisation included is reported too. jieba runs warm, on its own
`jieba.Tokenizer` (default dictionary, HMM on, as `jieba.lcut` does). Target: claims ≥ 3×
jieba's characters per second.
"""

from __future__ import annotations

import logging
from pathlib import Path

from benchmarks.bench_extract import _best

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    out = []
    for p in sorted((ROOT / "corpora").rglob("*.txt")):
        out.append(p.read_text(encoding="utf-8", errors="replace"))
    return out


def run(repeat: int = 5) -> dict:
    import jieba

    from nlp.extract.claims import find_claims, rules
    from nlp.records import Document

    texts = _texts()
    n_chars = sum(len(t) for t in texts)
    rules()  # compile the patterns once, as a long-running process would
    docs = [Document(doc_id=str(i), path=None, format="text", text=t) for i, t in enumerate(texts)]
    for d in docs:
        _ = d.norm
    n_claims = sum(len(find_claims(d, [])) for d in docs)

    def claims_only() -> None:
        for d in docs:
            find_claims(d, [])

    def claims_with_norm() -> None:
        for t in texts:
            find_claims(Document(doc_id="x", path=None, format="text", text=t), [])

    logging.getLogger("jieba").setLevel(logging.WARNING)  # a benchmark may set this; the library won't
    jt = jieba.Tokenizer()
    jt.initialize()

    def jieba_lcut() -> None:
        for t in texts:
            jt.lcut(t)

    t_claims = _best(claims_only, repeat)
    t_norm = _best(claims_with_norm, repeat)
    t_jieba = _best(jieba_lcut, repeat)
    return {
        "texts": len(texts),
        "chars": n_chars,
        "claims": n_claims,
        "claims_chars_per_s": n_chars / t_claims,
        "claims_with_norm_chars_per_s": n_chars / t_norm,
        "jieba_chars_per_s": n_chars / t_jieba,
        "ratio": t_jieba / t_claims,
        "ratio_with_norm": t_jieba / t_norm,
    }


if __name__ == "__main__":
    r = run()
    print(f"{r['texts']} texts, {r['chars']:,} chars, {r['claims']} claims")
    print(f"claims only       {r['claims_chars_per_s'] / 1000:8.0f} kchar/s")
    print(f"claims + normalise{r['claims_with_norm_chars_per_s'] / 1000:8.0f} kchar/s")
    print(f"jieba.lcut        {r['jieba_chars_per_s'] / 1000:8.0f} kchar/s")
    print(f"ratio claims/jieba: {r['ratio']:.1f}x  (with normalisation: {r['ratio_with_norm']:.1f}x)"
          "  target >= 3x")
