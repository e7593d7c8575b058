"""batch: many report files → one store, safely (the `export` stage at scale).

    >>> from nlp.batch import collect_paths, run_batch
    >>> summary = run_batch(collect_paths(["reports/"]), "results.duckdb", workers=4)
    >>> summary.documents, summary.failed, summary.records["claims"]

How a run is kept safe:

- Extraction runs in a process pool (`workers`); one writer, in the calling process, owns the
  store. A document is never split across transactions: its `documents` row and all its rows
  in every other table are committed together, or not at all. (Finished documents are
  grouped, whole, into one transaction per second, because each commit costs a disk sync.)
  Killing the run (SIGINT, SIGKILL, power loss) at any moment leaves every committed document
  complete and no document half-written; at most the last second of work is redone.
- `doc_id` is a hash of the file bytes (`nlp.pipeline.doc_id_for`). A rerun skips the doc_ids
  already in `documents`; `force=True` deletes and rewrites them (in the same transaction).
  Identical files met twice in one run are extracted once (status `duplicate`).
- A file that cannot be read gets rows in `errors` only (no `documents` row), so a rerun tries
  it again and replaces its error rows. A document that was read but where a later stage failed
  is stored with what was extracted plus its `errors` rows.
- `--format parquet|csv|jsonl` runs go through the same DuckDB store, kept in the output folder
  as `_store.duckdb`, and the table files are (re)written from it at the end of the run, each
  through a temporary name and a rename. So those formats resume exactly like DuckDB; an
  interrupted run leaves the previous files untouched, and the next run finishes them.

`extract_dask` runs the same extraction on a Dask distributed cluster and writes partitioned
Parquet (one folder per table, one part per chunk of documents).

Library code: it never prints. Progress is reported through the `on_result` callback, which
the CLI turns into a rich progress bar.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import glob
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.errors import UsageError
from nlp.export import (
    FILE_SUFFIX,
    FORMATS,
    Column,
    arrow_table,
    column_data,
    columns_table,
    create_schema,
    ensure_table,
    export_tables,
    extra_rows,
    insert_rows,
    insert_table,
    known_columns,
    store_tables,
    table_columns,
)

STAGING = "_store.duckdb"  # the DuckDB store inside a parquet/csv/jsonl output folder
_GLOB_CHARS = frozenset("*?[")


# --------------------------------------------------------------------------- inputs


def collect_paths(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files, folders (walked recursively) and glob patterns → the report files to read.

    Folders and globs keep only the extensions `nlp.ingest` reads (`nlp.ingest.EXTENSIONS`)
    and skip hidden files and Office lock files (`~$…`); a file named explicitly is always
    kept (if it is not a report, it becomes an error row). Order is stable: inputs in the order
    given, each folder sorted; a file listed twice is kept once.
    Raises `UsageError` naming the inputs that match nothing.
    """
    from nlp.ingest import EXTENSIONS

    def wanted(p: Path) -> bool:
        return (p.suffix.lower() in EXTENSIONS and not p.name.startswith((".", "~$"))
                and p.is_file())

    out: list[Path] = []
    seen: set[Path] = set()
    missing: list[str] = []
    for raw in inputs:
        s = os.fspath(raw)
        p = Path(s)
        if p.is_file():
            found = [p]
        elif p.is_dir():
            found = sorted(
                (f for f in p.rglob("*") if wanted(f)
                 and not any(part.startswith(".") for part in f.relative_to(p).parts[:-1])),
                key=lambda f: f.as_posix(),
            )
        elif _GLOB_CHARS & set(s):
            found = [Path(f) for f in sorted(glob.glob(s, recursive=True)) if wanted(Path(f))]
        else:
            found = []
        if not found and not p.is_dir():
            missing.append(s)
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    if missing:
        raise UsageError("no report files at: " + ", ".join(missing)
                         + " (give files, folders or glob patterns such as 'reports/**/*.pdf')")
    return out


def file_doc_id(path: str | os.PathLike[str]) -> str:
    """The doc_id of a file: the hash of its bytes (of its path when it cannot be read)."""
    from nlp.pipeline import doc_id_for

    try:
        return doc_id_for(Path(path).read_bytes())
    except OSError:
        return doc_id_for(os.fspath(path).encode("utf-8"))


# --------------------------------------------------------------------------- one document


@dataclass
class DocResult:
    """What happened to one input file. `rows` holds the store rows (empty when skipped).

    A result `packed()` for the writer holds the rows of the tables with known columns as
    `columns` instead (one list of values a column, see `export.column_data`), which a worker
    process sends to the writer in about half the time row dicts take to pickle and unpickle;
    `rows` then keeps only the `errors` rows and the tables whose columns are inferred."""

    path: str
    doc_id: str
    status: str  # ok | error | skipped | duplicate
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    seconds: float = 0.0
    tally: dict[str, int] | None = None  # row counts, when `rows` was dropped or packed
    columns: dict[str, dict[str, list[Any]]] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        if self.tally is not None:
            return dict(self.tally)
        return {t: len(r) for t, r in self.rows.items()}

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.rows.get("errors", [])

    def packed(self) -> DocResult:
        """This result with the rows of every table of known columns but `errors` as
        `columns` (the same rows, in the form the writer inserts)."""
        if self.columns or self.tally is not None:
            return self
        rows: dict[str, list[dict[str, Any]]] = {}
        columns: dict[str, dict[str, list[Any]]] = {}
        for t, r in self.rows.items():
            cols = known_columns(t) if t != "errors" else ()
            if cols:
                columns[t] = column_data(r, cols)
            else:
                rows[t] = r
        return dataclasses.replace(self, rows=rows, columns=columns, tally=self.counts)


DEFAULT_TIMEOUT = 300.0  # seconds one document may take before it becomes an error row


class DocumentTimeout(BaseException):
    """Raised inside a worker when one document takes too long (a BaseException, so that the
    pipeline's per-stage error handling does not swallow it and go on to the next stage)."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in this thread after `seconds` (Unix main thread only; a no-op
    elsewhere or for 0/None)."""
    import signal
    import threading

    if (not seconds or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise DocumentTimeout

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def extract_rows(path: str | os.PathLike[str], doc_id: str | None = None,
                 timeout: float | None = DEFAULT_TIMEOUT) -> DocResult:
    """Extract one file into store rows (the worker's job; never raises for a bad file).

    A file that cannot be read has no `documents` row, only `errors` rows; their `doc_id` is
    the file's id so a rerun can replace them. A file that takes longer than `timeout` seconds
    (a reader library stuck on a malformed PDF) becomes an error row with stage `timeout`."""
    from nlp.pipeline import safe_extract
    from nlp.records import ErrorRecord

    t0 = time.perf_counter()
    try:
        with time_limit(timeout):
            report = safe_extract(path)
    except DocumentTimeout:
        did = doc_id or file_doc_id(path)
        err = ErrorRecord(did, os.fspath(path), "timeout", "DocumentTimeout",
                          f"{os.fspath(path)}: extraction took longer than {timeout:g} s and "
                          "was stopped (raise --timeout for very large files)")
        return DocResult(os.fspath(path), did, "error", {"errors": [err.to_row()]},
                         time.perf_counter() - t0)
    did = doc_id or report.document.doc_id
    rows = report.rows()
    try:
        rows.update(extra_rows(report))
    except Exception as exc:  # an optional table must not lose the document
        rows["errors"].append(ErrorRecord(did, os.fspath(path), "citation_edges",
                                          type(exc).__name__, str(exc)).to_row())
    if not report.document.text:  # not read: keep only the error rows
        rows = {"errors": rows["errors"]}
    for r in rows["errors"]:
        r["doc_id"] = r.get("doc_id") or did
        r["path"] = r.get("path") or os.fspath(path)
    status = "error" if rows["errors"] else "ok"
    return DocResult(os.fspath(path), did, status, rows, time.perf_counter() - t0)


def extract_packed(path: str | os.PathLike[str], doc_id: str | None = None,
                   timeout: float | None = DEFAULT_TIMEOUT) -> DocResult:
    """`extract_rows(...).packed()`: what a worker process sends the writer."""
    return extract_rows(path, doc_id, timeout).packed()


# --------------------------------------------------------------------------- the writer


def is_interrupt(exc: BaseException) -> bool:
    """Ctrl-C, as Python or as DuckDB reports it when it lands inside a query (an
    InterruptException, or a RuntimeError "Query interrupted" from `begin`)."""
    return (isinstance(exc, KeyboardInterrupt) or type(exc).__name__ == "InterruptException"
            or (isinstance(exc, RuntimeError) and "interrupted" in str(exc).lower()))


@contextlib.contextmanager
def _transaction(con: Any) -> Iterator[None]:
    """BEGIN … COMMIT, or ROLLBACK on any error. Ctrl-C anywhere in it, BEGIN included,
    comes out as KeyboardInterrupt with nothing of the transaction kept."""
    try:
        con.begin()
        yield
        con.commit()
    except BaseException as exc:
        with contextlib.suppress(Exception):  # an interrupted transaction may be gone
            con.rollback()
        if is_interrupt(exc) and not isinstance(exc, KeyboardInterrupt):
            raise KeyboardInterrupt from exc
        raise


class DuckDBWriter:
    """The single writer of a run: one DuckDB connection, one transaction per document."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        import duckdb

        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path))
        create_schema(self.con)
        self._tables = set(self._existing_tables())

    def set_threads(self, threads: int | None) -> None:
        """Let DuckDB use `threads` threads for this store's queries (None: its default, one
        a core). A run with worker processes sets 1 while they extract: they keep every core
        busy, and DuckDB's own threads writing small groups only add CPU to take from them."""
        self.con.execute("RESET threads" if threads is None else f"SET threads = {int(threads)}")

    def _existing_tables(self) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()]

    def done_ids(self) -> set[str]:
        """doc_ids of the documents completely stored."""
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def error_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute(
            "SELECT DISTINCT doc_id FROM errors WHERE doc_id IS NOT NULL").fetchall()}

    def write(self, results: list[DocResult], *, replace: Iterable[str] = ()) -> None:
        """Commit whole documents in one transaction: delete the old rows of the doc_ids in
        `replace`, insert every row of `results`. All of it or, on any error, none of it."""
        con = self.con
        data: dict[str, dict[str, list[Any]]] = {}  # table -> its rows, column by column
        inferred: dict[str, list[dict[str, Any]]] = {}  # tables whose columns the rows give
        for res in results:
            for t, rows in res.rows.items():
                if cols := known_columns(t):
                    _extend_columns(data, t, column_data(rows, cols))
                else:
                    inferred.setdefault(t, []).extend(rows)
            for t, values in res.columns.items():
                _extend_columns(data, t, values)
        tables = {t: (known_columns(t), values) for t, values in data.items()}
        for t, rows in inferred.items():
            if rows:
                cols = table_columns(t, rows)
                tables[t] = (cols, column_data(rows, cols))
        old = sorted(set(replace))
        try:
            self._write(con, tables, old)
        except BaseException:
            with contextlib.suppress(Exception):  # tables created in the rolled-back transaction
                self._tables = set(self._existing_tables())
            raise

    def _write(self, con: Any, tables: dict[str, tuple[tuple[Column, ...], dict[str, list[Any]]]],
               old: list[str]) -> None:
        with _transaction(con):
            if old:
                for t in self._tables:
                    con.execute(f'DELETE FROM "{t}" WHERE doc_id IN (SELECT unnest(?))', [old])
            for t, (cols, values) in tables.items():
                if not cols or not values[cols[0].name]:
                    continue  # (no row: the documents' tables were empty)
                if t not in self._tables:
                    ensure_table(con, t, cols)
                    self._tables.add(t)
                insert_table(con, t, columns_table(values, cols), cols)

    def cross_year(self) -> int:
        """Recompute the `across_years` checks over every document in the store (same agency,
        consecutive years) in one transaction; returns how many checks were written."""
        from nlp.check.years import CHECK_ID, store_cross_year_checks

        checks = store_cross_year_checks(self.con)
        rows = [c.to_row() for c in checks]
        con = self.con
        with _transaction(con):
            con.execute('DELETE FROM "checks" WHERE "check" = ?', [CHECK_ID])
            if rows:
                insert_rows(con, "checks", rows, table_columns("checks", rows))
        return len(rows)

    def export(self, out_dir: str | os.PathLike[str], fmt: str) -> dict[str, Path]:
        self.con.execute("CHECKPOINT")
        return export_tables(self.con, out_dir, fmt)

    def close(self) -> None:
        self.con.close()


def _extend_columns(data: dict[str, dict[str, list[Any]]], table: str,
                    values: dict[str, list[Any]]) -> None:
    """Append one document's `column_data` to the group's, column by column."""
    have = data.get(table)
    if have is None:
        data[table] = {k: list(v) for k, v in values.items()}
    else:
        for k, v in values.items():
            have[k].extend(v)


# --------------------------------------------------------------------------- the run


@dataclass
class BatchSummary:
    """The outcome of a run. `exit_code`: 0 all done, 1 some documents have errors."""

    out: str
    format: str
    files: int = 0
    documents: int = 0  # documents committed by this run (ok + error)
    skipped: int = 0  # already in the store
    duplicates: int = 0  # same bytes as another file of this run
    failed: int = 0  # documents with at least one error row
    records: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    written: dict[str, str] = field(default_factory=dict)  # table → file (file formats)
    cross_year: int = 0  # across_years checks over the whole store after the run

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def add(self, res: DocResult) -> None:
        if res.status == "skipped":
            self.skipped += 1
        elif res.status == "duplicate":
            self.duplicates += 1
        else:
            self.documents += 1
            self.failed += res.status == "error"
            for t, n in res.counts.items():
                self.records[t] = self.records.get(t, 0) + n

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"exit_code": self.exit_code}


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def store_path(out: str | os.PathLike[str], fmt: str) -> Path:
    """Where the DuckDB store of a run lives (the file itself, or `_store.duckdb` in DIR)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    out = Path(out)
    if fmt == "duckdb":
        if out.is_dir():
            raise UsageError(f"{out} is a folder; --format duckdb writes one file, "
                             "e.g. --out results.duckdb")
        return out
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file; --format {fmt} writes a folder of tables")
    return out / STAGING


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str] = "results.duckdb",
    *,
    format: str = "duckdb",
    workers: int | None = None,
    force: bool = False,
    on_result: Callable[[DocResult], None] | None = None,
    commit_seconds: float = 1.0,
    max_group: int = 256,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> BatchSummary:
    """Extract every file in `paths` (files, as from `collect_paths`) into a store.

    `format="duckdb"` writes the file `out`; `parquet`, `csv` and `jsonl` write the folder
    `out` with one file per table. `workers` processes extract (default: the number of cores;
    1 runs in this process). Finished documents are committed together every
    `commit_seconds` (or `max_group` documents), whole documents per transaction, because
    each commit costs a disk sync. A document taking more than `timeout` seconds becomes an
    error row (stage `timeout`) and the run goes on. `on_result(DocResult)` is called once a document is
    committed, or skipped. On KeyboardInterrupt the document being written is rolled back,
    the workers are stopped and the interrupt is re-raised: everything committed stays.
    """
    t0 = time.perf_counter()
    spath = store_path(out, format)
    files = [Path(p) for p in paths]
    summary = BatchSummary(out=os.fspath(out), format=format, files=len(files))
    summary.records = dict.fromkeys(store_tables(), 0)
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise UsageError(f"workers must be at least 1, got {workers}")
    writer = DuckDBWriter(spath)
    try:
        if workers > 1:
            writer.set_threads(1)  # the cores are the workers'
        done = writer.done_ids()
        had_errors = writer.error_ids()
        seen: set[str] = set()

        def report(res: DocResult) -> None:
            summary.add(res)
            if on_result is not None:
                on_result(res)

        def todo() -> Iterator[tuple[str, str]]:
            for p in files:
                did = file_doc_id(p)
                if did in seen:
                    report(DocResult(os.fspath(p), did, "duplicate"))
                elif did in done and not force:
                    seen.add(did)
                    report(DocResult(os.fspath(p), did, "skipped"))
                else:
                    seen.add(did)
                    yield os.fspath(p), did

        pending: list[DocResult] = []
        requeued: set[str] = set()  # doc_ids whose write a Ctrl-C interrupted
        since = time.monotonic()

        def commit_alone(res: DocResult) -> None:
            replace = [res.doc_id] if res.doc_id in done or res.doc_id in had_errors else []
            try:
                writer.write([res], replace=replace)
            except Exception as exc:  # its rows cannot be stored: say so, go on
                from nlp.records import ErrorRecord

                err = ErrorRecord(res.doc_id, res.path, "export", type(exc).__name__, str(exc))
                res = DocResult(res.path, res.doc_id, "error", {"errors": [err.to_row()]},
                                res.seconds)
                writer.write([res], replace=replace)
            report(res)

        def flush() -> None:
            nonlocal since
            since = time.monotonic()
            if not pending:
                return
            batch = list(pending)
            pending.clear()
            replace = [r.doc_id for r in batch
                       if r.doc_id in done or r.doc_id in had_errors or r.doc_id in requeued]
            try:
                writer.write(batch, replace=replace)
            except KeyboardInterrupt:
                # not stored, or stored and interrupted right after its commit: the interrupt
                # handler's flush writes it again, replacing whatever of it is there
                pending[:0] = batch
                requeued.update(r.doc_id for r in batch)
                raise
            except Exception:  # find the document at fault: one transaction each
                for res in batch:
                    commit_alone(res)
                return
            for res in batch:
                report(res)

        try:
            work = functools.partial(extract_packed, timeout=timeout)
            with sigint_latch() as interrupted, \
                    contextlib.closing(imap_unordered(work, todo(), workers)) as results:
                for res in results:
                    pending.append(res)
                    if (len(pending) >= max_group
                            or time.monotonic() - since >= commit_seconds):
                        flush()
                    if interrupted():  # a Ctrl-C that DuckDB swallowed (see sigint_latch)
                        raise KeyboardInterrupt
            flush()
        except KeyboardInterrupt:
            flush()  # what is extracted is worth keeping; a second Ctrl-C rolls it back
            raise
        writer.set_threads(None)  # the workers are gone: queries over the whole store
        summary.cross_year = writer.cross_year()  # needs every year of an agency: at the end
        if format != "duckdb":
            summary.written = {t: os.fspath(f) for t, f in writer.export(out, format).items()}
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - t0
    return summary


@contextlib.contextmanager
def sigint_latch() -> Iterator[Callable[[], bool]]:
    """While inside, a Ctrl-C (SIGINT) is remembered as well as raised, and the function
    yielded says whether one came. DuckDB runs Python's signal handlers while a query runs
    and may drop the KeyboardInterrupt they raise, the query finishing as if nothing had
    happened (duckdb 2.0, a 2-worker run on a loaded machine: 3 Ctrl-Cs of 6 lost); the batch
    loop asks the latch after each document. Installed only in the main thread over Python's
    own handler (an application's handler is left alone), and restored on the way out."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield lambda: False
        return
    came: list[int] = []

    def on_sigint(signum: int, frame: Any) -> None:
        came.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_sigint)
    try:
        yield lambda: bool(came)
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


# --------------------------------------------------------------------------- process pool


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us


def process_pool(workers: int):
    """A process pool whose workers ignore SIGINT, started by a fork server (never by
    forking this process, which may hold DuckDB and progress-bar threads)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                               initializer=_ignore_sigint)


def stop_pool(pool) -> None:
    """Shut a pool down now: cancel what has not started, end the workers."""
    pool.shutdown(wait=False, cancel_futures=True)
    for p in list((getattr(pool, "_processes", None) or {}).values()):
        if p.is_alive():  # a worker may be deep in one document: don't wait for it
            p.terminate()


def imap_unordered(
    fn: Callable[[str, str], DocResult],
    items: Iterable[tuple[str, str]],
    workers: int,
    *,
    window: int | None = None,
) -> Iterator[DocResult]:
    """`fn(path, doc_id)` over `items` in `workers` processes, yielding results as they finish.

    At most `window` tasks are in flight (memory stays flat over any number of files). If a
    worker process dies (segfault in a reader library, out of memory) the pool is rebuilt and
    the documents in flight are retried one at a time; one that kills a worker again becomes
    an error row."""
    if workers <= 1:
        for path, did in items:
            yield fn(path, did)
        return
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    window = window or workers * 4
    it = iter(items)
    exhausted = False
    suspects: set[str] = set()  # doc_ids in flight when a worker died
    retry: list[tuple[str, str]] = []
    pending: dict[Any, tuple[str, str]] = {}
    successes = breaks = 0
    pool = process_pool(workers)
    try:
        while True:
            # fill the window; a suspect is retried alone, so a second crash names it
            while len(pending) < window and not (retry and pending):
                if retry:
                    item = retry.pop()
                else:
                    item = None if exhausted else next(it, None)
                    if item is None:
                        exhausted = True
                        break
                try:
                    pending[pool.submit(fn, *item)] = item
                except BrokenProcessPool:  # died while idle: count it as broken below
                    retry.append(item)
                    break
                if item[1] in suspects:
                    break
            if not pending and not retry:
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = not pending  # the pool broke before taking the task
            for fut in finished:
                item = pending.pop(fut)
                try:
                    res = fut.result()
                    successes += 1
                except BrokenProcessPool:
                    broken = True
                    if item[1] in suspects:
                        yield _crashed(item, "the worker process died while extracting this "
                                       "file (a crash in a reader library, or out of memory)")
                    else:
                        suspects.add(item[1])
                        retry.append(item)
                    continue
                except Exception as exc:  # e.g. a result that cannot be pickled
                    res = _crashed(item, f"{type(exc).__name__}: {exc}")
                yield res
            if broken:
                breaks = 0 if successes else breaks + 1
                successes = 0
                if breaks >= 3:
                    raise RuntimeError(
                        "worker processes keep dying before finishing any document; if you "
                        "run this from a script, guard it with `if __name__ == '__main__':` "
                        "(workers start from a fork server), or use workers=1")
                for item in pending.values():
                    suspects.add(item[1])
                    retry.append(item)
                pending.clear()
                stop_pool(pool)
                pool = process_pool(workers)
    finally:
        stop_pool(pool)


def _crashed(item: tuple[str, str], message: str) -> DocResult:
    from nlp.records import ErrorRecord

    path, did = item
    err = ErrorRecord(did, path, "worker", "WorkerCrashed", f"{path}: {message}")
    return DocResult(path, did, "error", {"errors": [err.to_row()]})


# --------------------------------------------------------------------------- Dask


def _dask_client(scheduler: Any, workers: int | None):
    """(client, things to close) for a Client, an address, or None (a local cluster)."""
    from distributed import Client, LocalCluster

    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, []
    if scheduler:
        client = Client(scheduler)
        return client, [client]
    cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                           processes=True, host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    return client, [client, cluster]


def _part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def write_parts(out_dir: str, index: int, results: list[DocResult]) -> None:
    """Write one partition: `<out_dir>/<table>/part-NNNNNN.parquet` for every table, each
    through a temporary name; the `documents` part goes last and marks the chunk complete."""
    import pyarrow.parquet as pq

    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in store_tables()}
    for res in results:
        for t, rows in res.rows.items():
            tables.setdefault(t, []).extend(rows)
    order = [t for t in tables if t != "documents"] + ["documents"]
    for t in order:
        cols = table_columns(t, tables[t])
        if not cols:
            continue
        d = Path(out_dir) / t
        d.mkdir(parents=True, exist_ok=True)
        tmp = d / f".{_part_name(index)}.tmp"
        pq.write_table(arrow_table(tables[t], cols), tmp)
        os.replace(tmp, d / _part_name(index))


def _dask_chunk(items: list[tuple[str, str]], index: int, out_dir: str) -> list[DocResult]:
    """Runs on a Dask worker: extract a chunk of files and write its partition."""
    results = [extract_rows(p, did) for p, did in items]
    write_parts(out_dir, index, results)
    for r in results:  # only the counts and the errors travel back to the client
        r.tally = r.counts
        r.rows = {"errors": r.errors}
    return results


def _dask_state(out: Path) -> tuple[set[str], int]:
    """(doc_ids committed in `out`, next free part index); removes parts of unfinished chunks."""
    import pyarrow.parquet as pq

    docs = out / "documents"
    committed = {p.name for p in docs.glob("part-*.parquet")} if docs.is_dir() else set()
    done: set[str] = set()
    for name in committed:
        done.update(pq.read_table(docs / name, columns=["doc_id"]).column(0).to_pylist())
    indices = [int(n[5:11]) for n in committed]
    for d in out.iterdir() if out.is_dir() else []:
        if d.is_dir() and d.name != "documents":
            for part in d.glob("part-*.parquet"):
                if part.name not in committed:  # written by a chunk that never finished
                    part.unlink()
    return done, max(indices, default=-1) + 1


def extract_dask(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    scheduler: Any = None,
    *,
    force: bool = False,
    chunk_size: int = 16,
    workers: int | None = None,
    on_result: Callable[[DocResult], None] | None = None,
) -> BatchSummary:
    """Run the extraction on a Dask distributed cluster; write partitioned Parquet.

    `paths`: files, folders or globs (expanded here, on the client). The workers must see the
    same paths and `out_dir` (a shared file system). `scheduler`: a `distributed.Client`, an
    address such as ``"tcp://10.0.0.5:8786"``, or None to start a local cluster of `workers`
    processes. The output is one folder per table of `part-NNNNNN.parquet` files, readable by
    ``pandas.read_parquet("out/claims")``, ``duckdb.sql("FROM 'out/claims/*.parquet'")`` and
    `nlp.read_store("out")`.

    Resumable per chunk: a chunk's `documents` part is written last, so a rerun skips the
    doc_ids it holds and deletes the parts of chunks that never finished. `force=True`
    deletes every part first. Files that could not be read are retried by a rerun (their old
    error rows are replaced only with `force`; otherwise a retried failure adds error rows).
    """
    t0 = time.perf_counter()
    from distributed import as_completed

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file; the Dask engine writes a folder of Parquet tables")
    files = collect_paths(paths)
    out.mkdir(parents=True, exist_ok=True)
    if force:
        for t in store_tables():
            for part in (out / t).glob("part-*.parquet") if (out / t).is_dir() else []:
                part.unlink()
    done, next_index = _dask_state(out)
    summary = BatchSummary(out=os.fspath(out), format="parquet", files=len(files))
    summary.records = dict.fromkeys(store_tables(), 0)

    def report(res: DocResult) -> None:
        summary.add(res)
        if on_result is not None:
            on_result(res)

    items: list[tuple[str, str]] = []
    seen: set[str] = set()
    for p in files:
        did = file_doc_id(p)
        if did in seen:
            report(DocResult(os.fspath(p), did, "duplicate"))
        elif did in done:
            seen.add(did)
            report(DocResult(os.fspath(p), did, "skipped"))
        else:
            seen.add(did)
            items.append((os.fspath(p), did))
    chunks = [items[i:i + chunk_size] for i in range(0, len(items), chunk_size)]
    client, owned = _dask_client(scheduler, workers)
    try:
        futures = {
            client.submit(_dask_chunk, chunk, next_index + i, os.fspath(out.resolve()),
                          pure=False): (chunk, next_index + i)
            for i, chunk in enumerate(chunks)
        }
        for fut in as_completed(futures):
            chunk, index = futures[fut]
            try:
                results = fut.result()
            except Exception as exc:  # e.g. KilledWorker: record the chunk's files, go on
                from nlp.records import ErrorRecord

                results = [DocResult(p, did, "error", {"errors": [ErrorRecord(
                    did, p, "worker", type(exc).__name__, str(exc)).to_row()]})
                    for p, did in chunk]
                write_parts(os.fspath(out), index, results)
            for res in results:
                report(res)
    finally:
        for obj in owned:
            obj.close()
    summary.cross_year = dask_cross_year(out)
    summary.written = {t: os.fspath(out / t) for t in store_tables() if (out / t).is_dir()}
    summary.seconds = time.perf_counter() - t0
    return summary


def dask_cross_year(out: Path) -> int:
    """`across_years` over a partitioned Parquet output (after a Dask run), written to
    `<out>/checks/across_years.parquet` (recomputed each run); returns how many checks."""
    import duckdb
    import pyarrow.parquet as pq

    from nlp.check.years import store_cross_year_checks
    from nlp.export import arrow_table

    con = duckdb.connect()
    try:
        for t in ("documents", "claims", "cells"):
            d = out / t
            if not d.is_dir() or not any(d.glob("part-*.parquet")):
                return 0
            glob_ = str(d / "part-*.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{glob_}', "
                        "union_by_name = true)")
        rows = [c.to_row() for c in store_cross_year_checks(con)]
    finally:
        con.close()
    d = out / "checks"
    d.mkdir(parents=True, exist_ok=True)
    tmp = d / ".across_years.parquet.tmp"
    pq.write_table(arrow_table(rows, table_columns("checks", rows)), tmp)
    os.replace(tmp, d / "across_years.parquet")
    return len(rows)


__all__ = [
    "FILE_SUFFIX", "STAGING", "BatchSummary", "DocResult", "DuckDBWriter", "collect_paths",
    "default_workers", "extract_dask", "extract_rows", "file_doc_id", "imap_unordered",
    "process_pool", "run_batch", "store_path", "write_parts",
]
