"""Extraction speed by stage, against `jieba.lcut` over the same texts in the same process.

    .venv/bin/python -m benchmarks.bench_extract

`bench_pipeline.speed` is the file-level figure (readers included, every corpus file). This
one takes the corpus `.txt` texts (no reader), runs the same stages as `nlp.pipeline.run`
(`extract_text`) and times each one, so a regression shows where it happened:

- **end to end**: `extract_text` per text, warm, best of `repeat` passes; the ratio is our
  characters per second over jieba's (issue 8 target: ≥ 3×);
- **cold caches**: the same, after clearing the caches of pure functions (label keys, label
  matches, cell values, place-name lookups, …) before every pass: the worst case, where no
  text has been seen and no cache has been filled;
- **new documents**: caches cleared, filled by a pass over the texts of every other corpus
  folder, then one pass over the texts of the other folders, which the process has not seen:
  what a batch of new reports costs once the genre's repeated words (headings, table labels,
  units) are cached; jieba timed on the same texts;
- **stages**: normalise (`doc.norm`), segment (text tables, structure, metadata), extract
  (citations, claims, claim scorer), tables, link, check; each with its characters per second;
- **claims**: claim extraction alone on normalised documents (issue 3 target: ≥ 3× jieba).

jieba runs warm on its own `jieba.Tokenizer` (default dictionary, HMM on, as `jieba.lcut`).
"""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def text_paths() -> list[Path]:
    return sorted((ROOT / "corpora").rglob("*.txt"))


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in text_paths()]


def folder_halves(paths: list[Path], step: int = 1) -> tuple[list[int], list[int]]:
    """Indexes of `paths` split by folder: the texts of every other folder (in sorted order),
    and those of the rest. No folder has texts in both halves, so the second half holds only
    reports the first never showed (another year, another agency, another excerpt set). With
    `step` > 1, only the folders of ranks 0, 2·step, 4·step… and step, 3·step… are taken."""
    folders = sorted({p.parent for p in paths})
    rank = {f: i for i, f in enumerate(folders)}
    seen = [i for i, p in enumerate(paths) if rank[p.parent] % (2 * step) == 0]
    new = [i for i, p in enumerate(paths) if rank[p.parent] % (2 * step) == step]
    return seen, new


def new_documents(seen: list[str], new: list[str], repeat: int = 3) -> float:
    """Seconds for one `extract_text` pass over `new` in a process whose caches were cleared
    and then filled by a pass over `seen` (best of `repeat`)."""
    from nlp.pipeline import extract_text

    def fill() -> None:
        clear_caches()
        for t in seen:
            extract_text(t)

    return _best(lambda: [extract_text(t) for t in new], repeat, before=fill)


def clear_caches() -> None:
    """Empty the lru caches of pure functions the stages use (results do not change)."""
    from nlp import check, link
    from nlp.check import tables as check_tables
    from nlp.extract import claims, numbers
    from nlp.normalize import _offsets, same_length_cached
    from nlp.scan import lookback_window
    from nlp.segment import blocks, metadata, structure
    from nlp.tables import labels, layout, mapping, runs, values

    for fn in (labels.label_key, labels._best_match, labels._match, layout._role,
               mapping._ids_named_by, metadata._cpca, runs._shape_splits, runs._opener_scan,
               values.parse_value, values.is_unit, structure.classify_title, structure._tries,
               structure._marker_starts, structure._marker_ends, structure._is_word, structure.heading_title,
               structure._title_char, structure._twins, structure._gated,
               structure._openers,
               same_length_cached, _offsets, layout._kind, layout._is_title, layout.header_unit,
               mapping._leaf_match, mapping._path_block, mapping._cut_headers,
               blocks._block_title, blocks._is_corner, blocks._t2_row_label,
               blocks._t3_row_label, numbers.parse_number, numbers.parse_pair, link._channel_title,
               link._reason_rules, link._rule_filter, claims._lead_words, claims._value,
               claims._carried_over, lookback_window, runs._header_words, runs._misprint_heads,
               runs._units_longest_first, runs._header_columns,
               link._since_needs,
               check._families, check_tables._t3_equations):
        fn.cache_clear()


def _best(fn: Callable[[], object], repeat: int, before: Callable[[], None] | None = None
          ) -> float:
    best = float("inf")
    for _ in range(repeat):
        if before is not None:
            before()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _stage_steps(doc, report) -> list[tuple[str, Callable[[], None]]]:
    """The stages of `nlp.pipeline.run`, split finer, in pipeline order."""
    from nlp.check import check
    from nlp.extract import extract_citations, extract_claims
    from nlp.link import link
    from nlp.segment.blocks import find_text_tables
    from nlp.segment.metadata import fill_metadata
    from nlp.segment.structure import find_structure
    from nlp.tables import table_cells

    def blocks() -> None:  # as nlp.segment.segment does
        doc.tables.extend(find_text_tables(doc, start_index=len(doc.tables)))
        doc.tables.sort(key=lambda t: t.start)
        for i, t in enumerate(doc.tables):
            t.index = i

    def citations() -> None:
        report.citations = extract_citations(doc)

    def claims() -> None:
        report.claims = extract_claims(doc, citations=report.citations)

    def scorer() -> None:
        from nlp.ml import score_claims

        report.claims = score_claims(doc, report.claims, only_if_enabled=True)  # as the pipeline

    def cells() -> None:
        report.cells = table_cells(doc)

    def links() -> None:
        report.links = link(report)

    def checks() -> None:
        report.checks = check(report)

    return [
        ("normalize", lambda: doc.norm),
        ("segment.text_tables", blocks),
        ("segment.structure", lambda: find_structure(doc)),
        ("segment.metadata", lambda: fill_metadata(doc)),
        ("extract.citations", citations),
        ("extract.claims", claims),
        ("extract.claim_scorer", scorer),
        ("tables", cells),
        ("link", links),
        ("check", checks),
    ]


def stages(items: list[str], repeat: int = 3) -> dict[str, float]:
    """Seconds per stage over all texts (per stage, the best of `repeat` passes)."""
    from nlp.records import Document, Report

    best: dict[str, float] = {}
    for _ in range(repeat):
        acc: dict[str, float] = {}
        for t in items:
            doc = Document(doc_id="bench", path=None, format="text", text=t)
            for name, step in _stage_steps(doc, Report(document=doc)):
                t0 = time.perf_counter()
                step()
                acc[name] = acc.get(name, 0.0) + time.perf_counter() - t0
        for k, v in acc.items():
            best[k] = min(best.get(k, float("inf")), v)
    return best


def run(repeat: int = 3) -> dict:
    import jieba

    from nlp.extract.claims import find_claims
    from nlp.pipeline import extract_text
    from nlp.records import Document

    warnings.simplefilter("ignore")  # model-fallback warnings are not figures
    logging.getLogger("jieba").setLevel(logging.WARNING)  # a benchmark may; the library won't
    paths = text_paths()
    items = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    n_chars = sum(len(t) for t in items)
    jt = jieba.Tokenizer()
    jt.initialize()
    for t in items:  # warm: patterns compiled, data and models loaded
        extract_text(t)
        jt.lcut(t)

    def jieba_all() -> None:
        for t in items:
            jt.lcut(t)

    def extract_all() -> None:
        for t in items:
            extract_text(t)

    t_jieba = _best(jieba_all, repeat)
    t_warm = _best(extract_all, repeat)
    t_cold = _best(extract_all, repeat, before=clear_caches)
    seen_ix, new_ix = folder_halves(paths)
    new = [items[i] for i in new_ix]
    n_new = sum(len(t) for t in new)
    t_new = new_documents([items[i] for i in seen_ix], new, repeat)
    t_jieba_new = _best(lambda: [jt.lcut(t) for t in new], repeat)
    per_stage = stages(items, repeat)
    docs = [Document(doc_id=str(i), path=None, format="text", text=t) for i, t in enumerate(items)]
    for d in docs:
        _ = d.norm
    t_claims = _best(lambda: [find_claims(d, []) for d in docs], repeat)
    jieba_cps = n_chars / t_jieba
    # scaling: one document made of every text, then four times that; linear code gives ~4x
    one = "\n".join(items)
    t_one = _best(lambda: extract_text(one), 1)
    t_four = _best(lambda: extract_text(one * 4), 1)
    return {
        "scaling_1x_s": t_one,
        "scaling_4x_s": t_four,
        "scaling_ratio": t_four / t_one,
        "texts": len(items),
        "chars": n_chars,
        "jieba_chars_per_s": jieba_cps,
        "chars_per_s": n_chars / t_warm,
        "docs_per_s": len(items) / t_warm,
        "ratio_vs_jieba": t_jieba / t_warm,
        "cold_chars_per_s": n_chars / t_cold,
        "cold_ratio_vs_jieba": t_jieba / t_cold,
        "new_texts": len(new),
        "new_chars_per_s": n_new / t_new,
        "new_ratio_vs_jieba": t_jieba_new / t_new,
        "claims_chars_per_s": n_chars / t_claims,
        "claims_ratio_vs_jieba": t_jieba / t_claims,
        "stages": {k: {"ms": v * 1000, "chars_per_s": n_chars / v if v else float("inf"),
                       "ratio_vs_jieba": t_jieba / v if v else float("inf")}
                   for k, v in per_stage.items()},
    }


def report(r: dict) -> str:
    lines = [
        f"{r['texts']} corpus texts, {r['chars']:,} chars (extract_text, every stage on)",
        f"  jieba.lcut     {r['jieba_chars_per_s'] / 1000:8.1f} kchar/s",
        f"  xxgk warm      {r['chars_per_s'] / 1000:8.1f} kchar/s  {r['docs_per_s']:6.1f} docs/s"
        f"  ratio {r['ratio_vs_jieba']:.2f}x  (target >= 3x)",
        f"  xxgk cold      {r['cold_chars_per_s'] / 1000:8.1f} kchar/s"
        f"  ratio {r['cold_ratio_vs_jieba']:.2f}x  (caches of pure functions cleared each pass)",
        f"  xxgk new docs  {r['new_chars_per_s'] / 1000:8.1f} kchar/s"
        f"  ratio {r['new_ratio_vs_jieba']:.2f}x  ({r['new_texts']} texts of folders the"
        " caches never saw)",
        f"  claims alone   {r['claims_chars_per_s'] / 1000:8.1f} kchar/s"
        f"  ratio {r['claims_ratio_vs_jieba']:.2f}x  (target >= 3x)",
        f"  one long document of {r['chars']:,} chars: {r['scaling_1x_s']:.2f} s; four times as "
        f"long: {r['scaling_4x_s']:.2f} s (x{r['scaling_ratio']:.1f}; linear would be x4)",
        "  by stage                ms    kchar/s   x jieba",
    ]
    total = sum(s["ms"] for s in r["stages"].values())
    for name, s in r["stages"].items():
        lines.append(f"    {name:<20} {s['ms']:7.1f} {s['chars_per_s'] / 1000:10.0f} "
                     f"{s['ratio_vs_jieba']:8.2f}  {100 * s['ms'] / total:4.0f}%")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
