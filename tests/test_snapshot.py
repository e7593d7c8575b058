"""benchmarks.snapshot: the record snapshot that gates speed work (docs/performance.md)."""

from __future__ import annotations

import copy
import json
import shutil

from benchmarks.snapshot import CORPUS, corpus_files, differences, main, records

FILES = [CORPUS / "full" / "fj_pingtan_2018.txt",
         CORPUS / "converted" / "fj_pingtan_2025_article_cms.html",
         CORPUS / "converted" / "fj_pingtan_2023.pdf"]


def test_corpus_files_are_the_documents_of_every_format():
    files = corpus_files()
    suffixes = {p.suffix for p in files}
    assert {".txt", ".html", ".pdf", ".docx"} <= suffixes
    assert not any(p.name.endswith(".gold.json") or p.name == "sources.jsonl" for p in files)
    assert all(f in files for f in FILES)


def test_the_same_code_gives_the_same_snapshot_and_a_changed_record_shows():
    a = records(FILES)
    assert list(a) == ["full/fj_pingtan_2018.txt", "converted/fj_pingtan_2025_article_cms.html",
                       "converted/fj_pingtan_2023.pdf"]
    assert all(a[k]["claims"] and a[k]["documents"] for k in a)  # real reports, real records
    assert differences(a, records(FILES)) == {}

    b = copy.deepcopy(a)
    b["full/fj_pingtan_2018.txt"]["claims"][0]["value"] = -1
    del b["converted/fj_pingtan_2023.pdf"]
    assert differences(a, b) == {"full/fj_pingtan_2018.txt": ["claims"],
                                 "converted/fj_pingtan_2023.pdf": ["missing"]}


def test_an_unreadable_file_keeps_its_error(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 not really")
    snap = records([bad], root=tmp_path)
    assert list(snap) == ["broken.pdf"]
    assert "broken.pdf" in snap["broken.pdf"]["error"]


def test_compare_exits_1_on_a_difference(tmp_path, capsys):
    a = records(FILES[:1])
    (tmp_path / "a.json").write_text(json.dumps(a, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(a, ensure_ascii=False), encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 0
    assert "differences: 0 of 1" in capsys.readouterr().out
    a["full/fj_pingtan_2018.txt"]["cells"] = []
    (tmp_path / "b.json").write_text(json.dumps(a, ensure_ascii=False), encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 1
    assert "full/fj_pingtan_2018.txt: cells" in capsys.readouterr().out


def test_two_checkouts_of_the_corpus_give_the_same_snapshot(tmp_path):
    """Paths in the records are written under the corpus root, as the keys are: a copy of a
    document in another checkout (a git worktree's corpora/) has the same snapshot."""
    src = FILES[0]
    rel = src.relative_to(CORPUS)
    (tmp_path / rel).parent.mkdir(parents=True)
    shutil.copyfile(src, tmp_path / rel)
    here, there = records([src]), records([tmp_path / rel], root=tmp_path)
    assert here == there
    assert here[rel.as_posix()]["documents"][0]["path"] == rel.as_posix()
