"""benchmarks.bench_extract's new-documents figure: its split and its cache handling."""

from __future__ import annotations

from benchmarks.bench_extract import folder_halves, new_documents, text_paths
from nlp.segment import structure


def test_folder_halves_split_the_corpus_by_folder():
    paths = text_paths()
    seen, new = folder_halves(paths)
    assert sorted(seen + new) == list(range(len(paths)))
    seen_folders = {paths[i].parent for i in seen}
    new_folders = {paths[i].parent for i in new}
    assert not seen_folders & new_folders
    assert len(seen_folders) > 10 and len(new_folders) > 10  # both halves span many folders
    assert 0.3 < len(new) / len(paths) < 0.7


def test_new_documents_clears_then_fills_the_caches():
    texts = [p.read_text(encoding="utf-8") for p in text_paths()[:6]]
    structure.classify_title("一、总体情况")
    assert structure.classify_title.cache_info().currsize > 0
    assert new_documents([], [], repeat=1) >= 0.0
    assert structure.classify_title.cache_info().currsize == 0  # cleared, nothing seen
    assert new_documents(texts[:3], texts[3:], repeat=1) > 0.0
    filled = structure.classify_title.cache_info()
    assert filled.currsize > 0 and filled.hits + filled.misses > 0
