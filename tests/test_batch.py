"""Batch extraction: inputs, resume, --force, bad files, workers, and a kill in mid-run.

Record counts are never hard-coded: the extractors grow. A stored document is complete when
every table holds as many rows for it as `nlp.extract` gives for the same file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb
import pytest

import nlp
from nlp.batch import DocResult, collect_paths, file_doc_id, imap_unordered, run_batch
from nlp.errors import UsageError
from nlp.pipeline import doc_id_for

ROOT = Path(__file__).resolve().parent.parent
EXCERPTS = sorted((ROOT / "corpora" / "excerpts").glob("*.txt"))
TABLES = ("claims", "citations", "cells", "links", "checks")


def _expected(path: Path) -> dict[str, int]:
    r = nlp.extract(path)
    return {t: len(getattr(r, t)) for t in TABLES}


def _stored(store: Path) -> tuple[dict[str, str], dict[str, Counter]]:
    """(doc_id → path of the documents table, table → Counter of doc_id)."""
    con = duckdb.connect(str(store), read_only=True)
    try:
        docs = dict(con.execute("SELECT doc_id, path FROM documents").fetchall())
        counts = {t: Counter(dict(con.execute(
            f"SELECT doc_id, count(*) FROM {t} GROUP BY doc_id").fetchall())) for t in TABLES}
        counts["errors"] = Counter(dict(con.execute(
            "SELECT doc_id, count(*) FROM errors GROUP BY doc_id").fetchall()))
    finally:
        con.close()
    return docs, counts


def _assert_complete(store: Path) -> dict[str, str]:
    """Every stored document has exactly the rows `nlp.extract` gives; no orphan rows."""
    docs, counts = _stored(store)
    for did, path in docs.items():
        assert did == doc_id_for(Path(path).read_bytes())
        want = _expected(Path(path))
        got = {t: counts[t].get(did, 0) for t in TABLES}
        assert got == want, path
    for t in TABLES:
        orphans = set(counts[t]) - set(docs)
        assert not orphans, f"{t} has rows of documents not in documents: {orphans}"
    return docs


def _copies(folder: Path, sources: list[Path], n: int) -> list[Path]:
    """`n` files with distinct bytes (and so distinct doc_ids): sources + k trailing newlines."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        dst = folder / f"{i:04d}_{src.name}"
        dst.write_bytes(src.read_bytes() + b"\n" * (i // len(sources) + 1))
        out.append(dst)
    return out


# --------------------------------------------------------------------------- inputs


def test_collect_paths_walks_folders_and_globs(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "r1.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "b" / "r2.PDF").write_bytes(b"%PDF")
    (tmp_path / "a" / "b" / "notes.odt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "b" / "r4.md").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "~$r3.docx").write_bytes(b"lock")
    (tmp_path / "a" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "data.csv").write_text("x", encoding="utf-8")
    found = collect_paths([tmp_path / "a"])
    assert [p.name for p in found] == ["r2.PDF", "r4.md", "r1.txt"]  # by path: a/b/ < a/r
    assert [p.name for p in collect_paths([str(tmp_path / "a" / "**" / "*")])] == [
        "r2.PDF", "r4.md", "r1.txt"]
    # an explicit file is kept whatever its extension (it will become an error row)
    assert [p.name for p in collect_paths([tmp_path / "a" / "data.csv"])] == ["data.csv"]
    # the same file twice is read once
    assert len(collect_paths([tmp_path / "a", tmp_path / "a" / "r1.txt"])) == 3


def test_collect_paths_names_missing_inputs(tmp_path):
    with pytest.raises(UsageError, match="nothere"):
        collect_paths([tmp_path / "nothere"])
    with pytest.raises(UsageError, match=r"\*\.pdf"):
        collect_paths([str(tmp_path / "*.pdf")])


# --------------------------------------------------------------------------- resume / force


@pytest.fixture()
def corpus(tmp_path):
    return _copies(tmp_path / "in", EXCERPTS[:8], 8)


def test_store_is_complete_and_ids_are_file_hashes(tmp_path, corpus):
    s = run_batch(corpus, tmp_path / "r.duckdb", workers=1)
    assert (s.documents, s.skipped, s.failed, s.exit_code) == (8, 0, 0, 0)
    docs = _assert_complete(tmp_path / "r.duckdb")
    assert set(docs) == {file_doc_id(p) for p in corpus}


def test_rerun_resumes_and_force_redoes(tmp_path, corpus):
    store = tmp_path / "r.duckdb"
    first = run_batch(corpus[:5], store, workers=1)
    assert first.documents == 5
    before = _stored(store)
    again = run_batch(corpus, store, workers=1)  # 5 stored, 3 new
    assert (again.documents, again.skipped) == (3, 5)
    after = _stored(store)
    for t in TABLES:  # the 5 first documents were not touched
        for did in before[0]:
            assert after[1][t][did] == before[1][t][did]
    forced = run_batch(corpus, store, workers=1, force=True)
    assert (forced.documents, forced.skipped) == (8, 0)
    assert _stored(store) == after  # redone, not duplicated
    _assert_complete(store)


def test_identical_files_are_one_document(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(EXCERPTS[0].read_bytes())
    b.write_bytes(EXCERPTS[0].read_bytes())
    s = run_batch([a, b], tmp_path / "r.duckdb", workers=1)
    assert (s.documents, s.duplicates) == (1, 1)


# --------------------------------------------------------------------------- failures


BAD = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\x03" * 200,
    "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n% truncated",
    "notes.xyz": "这不是报告".encode(),
}


def test_bad_files_become_error_rows_and_the_run_goes_on(tmp_path):
    good = _copies(tmp_path / "in", EXCERPTS[:4], 4)
    bad = []
    for name, data in BAD.items():
        (tmp_path / "in" / name).write_bytes(data)
        bad.append(tmp_path / "in" / name)
    files = [*good[:2], *bad, *good[2:]]
    store = tmp_path / "r.duckdb"
    s = run_batch(files, store, workers=2)
    assert s.documents == len(files)
    assert s.failed == len(bad)
    assert s.exit_code == 1
    frames = nlp.read_store(store)
    errors = frames["errors"]
    assert sorted(Path(p).name for p in errors["path"]) == sorted(BAD)
    assert set(errors["stage"]) == {"ingest"}
    assert all(isinstance(m, str) and m for m in errors["message"])
    # the good documents are stored, the bad ones are not documents
    assert {Path(p).name for p in frames["documents"]["path"]} == {p.name for p in good}
    _assert_complete(store)
    # a rerun retries the unreadable files and replaces their error rows
    again = run_batch(files, store, workers=1)
    assert (again.skipped, again.documents, again.failed) == (4, 4, 4)
    assert len(nlp.read_store(store)["errors"]) == len(bad)


def test_a_worker_crash_is_an_error_row_not_a_dead_run(tmp_path):
    items = [(str(p), file_doc_id(p)) for p in EXCERPTS[:3]]
    crash = (str(tmp_path / "crash.txt"), "crash")
    results = list(imap_unordered(_crash_on, [items[0], crash, items[1], items[2]], 2))
    by_id = {r.doc_id: r for r in results}
    assert set(by_id) == {d for _, d in items} | {"crash"}
    assert by_id["crash"].status == "error"
    assert by_id["crash"].errors[0]["stage"] == "worker"
    assert all(by_id[d].status == "ok" for _, d in items)


def _crash_on(path: str, doc_id: str) -> DocResult:
    if doc_id == "crash":
        os._exit(3)  # a segfault in a reader library looks like this to the pool
    return DocResult(path, doc_id, "ok", {"documents": [{"doc_id": doc_id}]})


def test_workers_give_the_same_store_as_one_process(tmp_path, corpus, monkeypatch):
    from nlp.batch import DuckDBWriter

    threads: dict[str, list[int]] = {"write": [], "cross_year": []}
    for name in threads:  # DuckDB's threads while the workers run, and after them
        real = getattr(DuckDBWriter, name)

        def spy(self, *a, _real=real, _name=name, **kw):
            threads[_name].append(self.con.execute(
                "SELECT current_setting('threads')").fetchone()[0])
            return _real(self, *a, **kw)

        monkeypatch.setattr(DuckDBWriter, name, spy)
    run_batch(corpus, tmp_path / "one.duckdb", workers=1)
    default = threads["cross_year"][0]
    threads["write"].clear()
    run_batch(corpus, tmp_path / "two.duckdb", workers=2)
    assert _stored(tmp_path / "one.duckdb") == _stored(tmp_path / "two.duckdb")
    assert set(threads["write"]) == {1}
    assert threads["cross_year"] == [default, default]


def test_file_formats_resume_through_their_store(tmp_path, corpus):
    out = tmp_path / "out"
    s1 = run_batch(corpus[:3], out, format="jsonl", workers=1)
    s2 = run_batch(corpus, out, format="jsonl", workers=1)
    assert (s1.documents, s2.documents, s2.skipped) == (3, 5, 3)
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(corpus)


def test_wrong_output_kind_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="folder"):
        run_batch([EXCERPTS[0]], tmp_path, format="duckdb")
    (tmp_path / "f.parquet").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="is a file"):
        run_batch([EXCERPTS[0]], tmp_path / "f.parquet", format="parquet")


# --------------------------------------------------------------------------- kill -9


def _xxgk(*args: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "nlp.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kw)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_run_leaves_only_complete_documents_and_resumes(tmp_path, sig):
    n = 1200  # many more than the run gets through before the signal, even on a fast machine
    _copies(tmp_path / "in", EXCERPTS, n)
    store = tmp_path / "k.duckdb"
    # one transaction per document: the most commit boundaries for the kill to fall between
    proc = _xxgk("extract", str(tmp_path / "in"), "--out", str(store), "--workers", "2",
                 "--commit-every", "0", "-v", "-q")
    committed = []
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(("ok\t", "error\t")):
            committed.append(line.split("\t")[1])
        if len(committed) >= 25 or time.monotonic() > deadline:
            break
    if sig == signal.SIGKILL:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole run, workers included
    else:
        os.kill(proc.pid, signal.SIGINT)  # Ctrl-C goes to the main process
    out, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err
        assert "interrupted" in out
    assert len(committed) >= 25, "the run did not get going"
    docs = _assert_complete(store)
    assert set(committed) <= set(docs)  # everything reported committed survived
    assert len(docs) < n, "the run finished before the kill: nothing was tested"
    if sig == signal.SIGINT:
        return  # resuming is the same after either signal: tested once, after SIGKILL
    # rerunning the same command resumes and completes
    rerun = _xxgk("extract", str(tmp_path / "in"), "--out", str(store), "--workers", "2",
                  "--summary-json", str(tmp_path / "s.json"), "-q")
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    import json

    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert summary["skipped"] == len(docs)
    assert summary["documents"] == n - len(docs)
    final, counts = _stored(store)
    assert len(final) == n
    # spot-check completeness of the resumed part too (all of it is slow once extractors grow)
    for did in list(set(final) - set(docs))[:20]:
        want = _expected(Path(final[did]))
        assert {t: counts[t].get(did, 0) for t in TABLES} == want


def test_extract_many_yields_reports_in_input_order():
    paths = EXCERPTS[:6]
    many = list(nlp.extract_many(paths, workers=2, window=2))
    assert [r.document.path for r in many] == [str(p) for p in paths]
    assert [len(r.claims) for r in many] == [len(nlp.extract(p).claims) for p in paths]


def test_time_limit_interrupts_a_stuck_document():
    import time as _time

    from nlp.batch import DocumentTimeout, time_limit

    t0 = _time.perf_counter()
    with pytest.raises(DocumentTimeout), time_limit(0.2):
        _time.sleep(5)
    assert _time.perf_counter() - t0 < 2


def test_a_document_that_hangs_becomes_a_timeout_error_row(tmp_path, monkeypatch):
    # a reader library stuck on one file must not hold the batch: the file becomes an error
    # row with stage "timeout" and the other files are extracted
    import time as _time

    import nlp.pipeline
    from nlp.batch import run_batch

    real = nlp.pipeline.safe_extract
    stuck = tmp_path / "stuck.txt"
    stuck.write_text("2018年，共收到政府信息公开申请1件。", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("2018年，共主动公开政府信息33条。", encoding="utf-8")

    def slow(path):
        if str(path).endswith("stuck.txt"):
            _time.sleep(30)
        return real(path)

    real(good)  # warm (the first document in a process loads the dictionaries)
    monkeypatch.setattr(nlp.pipeline, "safe_extract", slow)
    out = tmp_path / "s.duckdb"
    summary = run_batch([stuck, good], out, workers=1, timeout=1.0)
    assert summary.exit_code == 1
    con = duckdb.connect(str(out), read_only=True)
    errors = con.execute("SELECT path, stage FROM errors").fetchall()
    assert errors == [(str(stuck), "timeout")]
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


# --------------------------------------------------------------------------- Ctrl-C inside DuckDB


class _InterruptOnce:
    """A DuckDB connection whose next `begin` (or first insert) is hit by Ctrl-C, the way
    DuckDB reports it: the transaction may already be open, the error is not a
    KeyboardInterrupt."""

    def __init__(self, con, where: str) -> None:
        self._con, self._where, self.fired = con, where, False

    def begin(self):
        self._con.begin()
        if self._where == "begin" and not self.fired:
            self.fired = True
            raise RuntimeError("Query interrupted")

    def _execute(self, sql, *args):
        if sql.lstrip().upper().startswith("INSERT"):
            self.fired = True
            raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        # once fired, the connection's own `execute`: an insert reads its Arrow data through
        # DuckDB's replacement scan, which looks in the frame that calls `execute`
        if name == "execute" and self._where == "insert" and not self.fired:
            return self._execute
        return getattr(self._con, name)


@pytest.mark.parametrize("where", ["begin", "insert"])
def test_ctrl_c_inside_a_duckdb_write_is_an_interrupt_and_keeps_the_store_whole(
        tmp_path, corpus, where):
    from nlp.batch import DuckDBWriter, extract_rows

    store = tmp_path / "c.duckdb"
    writer = DuckDBWriter(store)
    first, second = extract_rows(corpus[0]), extract_rows(corpus[1])
    writer.write([first])
    real = writer.con
    writer.con = _InterruptOnce(real, where)
    with pytest.raises(KeyboardInterrupt):
        writer.write([second])
    assert writer.con.fired
    writer.write([second])  # the connection is usable again: nothing was left open
    writer.con = real
    writer.close()
    assert set(_assert_complete(store)) == {first.doc_id, second.doc_id}


def _after_the_second_write(monkeypatch, then) -> list[int]:
    """Make `DuckDBWriter.write` call `then()` right after its second write has committed; the
    sizes of the groups written, in order."""
    from nlp.batch import DuckDBWriter

    real = DuckDBWriter.write
    writes: list[int] = []

    def write(self, results, **kw):
        real(self, results, **kw)
        writes.append(len(results))
        if len(writes) == 2:
            then()

    monkeypatch.setattr(DuckDBWriter, "write", write)
    return writes


def test_a_ctrl_c_right_after_a_commit_does_not_store_the_documents_twice(tmp_path, corpus,
                                                                         monkeypatch):
    """A KeyboardInterrupt that lands after a group's commit, before `write` returns, sends the
    group back to the interrupt handler's flush: written again, it replaces its rows."""
    def interrupt():
        raise KeyboardInterrupt

    writes = _after_the_second_write(monkeypatch, interrupt)
    store = tmp_path / "t.duckdb"
    with pytest.raises(KeyboardInterrupt):
        run_batch(corpus, store, workers=1, max_group=1)
    assert len(writes) == 3  # the interrupted group, once more
    assert len(_assert_complete(store)) == 2


@pytest.fixture
def python_ctrl_c():
    """Python's own SIGINT handler for the test: a process started in the background by a
    shell without job control (`make test &`) inherits SIGINT ignored, and then a library
    run leaves Ctrl-C alone (`sigint_latch`: an application's handler is not replaced)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_a_ctrl_c_that_duckdb_swallows_still_stops_the_run(tmp_path, corpus, monkeypatch,
                                                           python_ctrl_c):
    """DuckDB runs the SIGINT handler inside a query and may drop its KeyboardInterrupt; the
    run must stop all the same after that document, every committed document kept whole."""
    def swallowed_ctrl_c():
        try:  # as the query would: the handler runs, its exception is dropped
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            pass

    _after_the_second_write(monkeypatch, swallowed_ctrl_c)
    store = tmp_path / "s.duckdb"
    with pytest.raises(KeyboardInterrupt):
        run_batch(corpus, store, workers=1, max_group=1)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored
    docs = _assert_complete(store)
    assert len(docs) == 2 and len(corpus) == 8


def test_a_run_started_with_sigint_ignored_still_stops_on_sigint(tmp_path):
    """A parent that ignores SIGINT (and so its children, across exec) must not make the run
    unstoppable: the CLI restores Ctrl-C before it starts."""
    n = 1200
    _copies(tmp_path / "in", EXCERPTS, n)
    store = tmp_path / "i.duckdb"
    proc = _xxgk("extract", str(tmp_path / "in"), "--out", str(store), "--workers", "2",
                 "--commit-every", "0", "-v", "-q",
                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    committed = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        committed += line.startswith(("ok\t", "error\t"))
        if committed >= 25:
            break
    os.kill(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in out
    assert len(_assert_complete(store)) < n


# --------------------------------------------------------------------------- packed results


def _table_rows(store: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))
                for t in tables}
    finally:
        con.close()


def test_a_packed_result_is_stored_exactly_as_its_row_dicts(tmp_path):
    """What a worker sends (`packed()`: the rows of the tables of known columns as column
    lists) is stored row for row as the row dicts are, errors and citation edges included;
    packing leaves the result's counts and errors as they were."""
    from nlp.batch import DuckDBWriter, extract_rows

    full = sorted((ROOT / "corpora" / "full").glob("*.txt"))[:3]
    bad = tmp_path / "binary.txt"
    bad.write_bytes(BAD["binary.txt"])
    results = [extract_rows(p) for p in [*full, *EXCERPTS[:3], bad]]
    packed = [r.packed() for r in results]
    assert any(r.rows.get("citation_edges") for r in results)
    assert any(r.status == "error" for r in packed)
    for r, p in zip(results, packed, strict=True):
        assert p.counts == r.counts
        assert p.errors == r.errors
        assert set(p.columns) | set(p.rows) <= set(r.rows)
        assert "errors" not in p.columns
    assert all(r.status != "ok" or r.columns["documents"]["doc_id"] == [r.doc_id]
               for r in packed)
    stores = {}
    for name, batch in (("rows", results), ("packed", packed)):
        w = DuckDBWriter(tmp_path / f"{name}.duckdb")
        try:
            w.write(batch[:4])
            w.write(batch[4:])
        finally:
            w.close()
        stores[name] = _table_rows(tmp_path / f"{name}.duckdb")
    assert stores["packed"] == stores["rows"]
    assert sum(len(v) for v in stores["rows"].values()) > len(results)


def test_writing_a_packed_batch_again_does_not_grow_it(tmp_path, corpus):
    """A batch written again (as after a Ctrl-C that came right after its commit) replaces its
    rows: the writer does not extend the results' own column lists."""
    from nlp.batch import DuckDBWriter, extract_packed

    batch = [extract_packed(p) for p in corpus[:3]]
    lengths = [{t: len(v["doc_id"]) for t, v in r.columns.items()} for r in batch]
    w = DuckDBWriter(tmp_path / "r.duckdb")
    try:
        w.write(batch)
        w.write(batch, replace=[r.doc_id for r in batch])
    finally:
        w.close()
    assert [{t: len(v["doc_id"]) for t, v in r.columns.items()} for r in batch] == lengths
    _assert_complete(tmp_path / "r.duckdb")
