"""export: records → DataFrames and datasets (DuckDB by default; Parquet, CSV, JSONL).

The last stage of the pipeline. A store has one table per record type:

    documents  claims  citations  cells  links  checks  errors  [citation_edges]

Columns are the record's fields (`Record.to_row()` keys, `Document.EXPORT` for documents), in
field order. Their types come from the dataclass annotations, so an empty table still has every
column:

    ==========================  ============  ==================  ===========================
    Python annotation           DuckDB        Arrow / Parquet     CSV / JSONL
    ==========================  ============  ==================  ===========================
    str                         VARCHAR       string              text / string
    int                         INTEGER       int32               number
    float                       DOUBLE        float64             number
    bool                        BOOLEAN       bool                true/false
    list[str]                   VARCHAR[]     list<string>        JSON array
    Span = tuple[int, int]      INTEGER[2]    fixed_size_list<2>  JSON array [start, end]
    dict (e.g. region)          JSON          string (JSON text)  JSON object
    ==========================  ============  ==================  ===========================

`frames_from_rows` (used by `Report.to_frames()`) and `read_store` give pandas DataFrames with
the same columns and conventions: lists and spans as Python lists, JSON columns as dicts.
"""

from __future__ import annotations

import dataclasses
import json
import os
import types
import typing
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp.errors import UsageError
from nlp.records import RECORD_TYPES, Document

TABLES: tuple[str, ...] = ("documents", *RECORD_TYPES)  # documents first: it is the commit mark
FORMATS: tuple[str, ...] = ("duckdb", "parquet", "csv", "jsonl")
FILE_SUFFIX = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}


@dataclasses.dataclass(frozen=True)
class Column:
    """One column of a store table: its name and its type in DuckDB and in Arrow."""

    name: str
    duckdb: str  # VARCHAR INTEGER DOUBLE BOOLEAN VARCHAR[] INTEGER[] INTEGER[2] JSON
    kind: str  # scalar | list | span | json

    @property
    def nested(self) -> bool:
        return self.kind != "scalar"


_SCALARS = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}


def _column(name: str, hint: Any) -> Column:
    """Map a dataclass annotation to a column (see the table in the module docstring)."""
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):  # X | None
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _column(name, rest[0])
        return Column(name, "JSON", "json")
    if hint in _SCALARS:
        return Column(name, _SCALARS[hint], "scalar")
    if origin is tuple and len(args) == 2 and all(a is int for a in args):
        return Column(name, "INTEGER[2]", "span")
    if origin is list and len(args) == 1 and args[0] in _SCALARS:
        return Column(name, f"{_SCALARS[args[0]]}[]", "list")
    return Column(name, "JSON", "json")


def columns_of(cls: type, names: tuple[str, ...] | None = None) -> tuple[Column, ...]:
    """The columns of a record dataclass (its public fields, or `names` in that order)."""
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")]
    return tuple(_column(n, hints[n]) for n in (names or fields))


def _infer_columns(rows: list[dict[str, Any]]) -> tuple[Column, ...]:
    """Columns for a table whose record class is unknown: from the first non-null values."""
    names: list[str] = []
    for r in rows:
        names.extend(k for k in r if k not in names)
    out = []
    for n in names:
        v = next((r[n] for r in rows if r.get(n) is not None), None)
        hint: Any = str
        if isinstance(v, bool):
            hint = bool
        elif isinstance(v, int):
            hint = int
        elif isinstance(v, float):
            hint = float
        elif isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v):
            hint = list[str]
        elif isinstance(v, (dict, list, tuple)):
            hint = dict
        out.append(_column(n, hint))
    return tuple(out)


# --------------------------------------------------------------------------- optional tables


@lru_cache(maxsize=1)
def _edges_function() -> Callable[[Any], list[Any]] | None:
    """`nlp.extract.citations.citation_edges(report)` when that module provides it."""
    try:
        from nlp.extract import citations
    except ImportError:  # pragma: no cover - the module is part of the package
        return None
    fn = getattr(citations, "citation_edges", None)
    return fn if callable(fn) else None


@lru_cache(maxsize=1)
def _edges_class() -> type | None:
    fn = _edges_function()
    if fn is None:
        return None
    try:
        ret = typing.get_type_hints(fn).get("return")
    except Exception:
        return None
    args = typing.get_args(ret)
    if args and dataclasses.is_dataclass(args[0]):
        return args[0]
    return None


def optional_tables() -> tuple[str, ...]:
    """Tables written only when the code that fills them exists (`citation_edges`)."""
    return ("citation_edges",) if _edges_function() is not None else ()


def store_tables() -> tuple[str, ...]:
    return TABLES + optional_tables()


def table_columns(table: str, rows: list[dict[str, Any]] | None = None) -> tuple[Column, ...]:
    """The columns of a store table. For a table without a known record class, inferred from
    `rows` (and empty when there are none)."""
    if table == "documents":
        return _documents_columns()
    if table in RECORD_TYPES:
        return columns_of(RECORD_TYPES[table])
    if table == "citation_edges":
        if _edges_class() is not None:
            return columns_of(_edges_class())
        declared = _edges_declared()
        if declared:
            return declared
    return _infer_columns(rows or [])


@lru_cache(maxsize=64)
def known_columns(table: str) -> tuple[Column, ...]:
    """The columns of a store table whose columns do not depend on its rows (a record class
    or declared names); empty for a table whose columns are inferred from its rows."""
    return table_columns(table)


# types of the citation_edges columns when nlp.extract.citations declares only their names
# (EDGE_COLUMNS); a module-level EDGE_TYPES {name: type} there takes precedence
_EDGE_TYPES: dict[str, Any] = {
    "year": int, "cited_year": int, "cited_serial": int, "mentions": int, "first_start": int,
    "citation_ids": list[str],
}


@lru_cache(maxsize=1)
def _edges_declared() -> tuple[Column, ...]:
    from nlp.extract import citations

    names = getattr(citations, "EDGE_COLUMNS", None)
    if not names:
        return ()
    types_ = {**_EDGE_TYPES, **getattr(citations, "EDGE_TYPES", {})}
    return tuple(_column(n, types_.get(n, str)) for n in names)


@lru_cache(maxsize=1)
def _documents_columns() -> tuple[Column, ...]:
    return columns_of(Document, Document.EXPORT)


def extra_rows(report: Any) -> dict[str, list[dict[str, Any]]]:
    """Rows of the optional tables for one report (e.g. citation_edges)."""
    fn = _edges_function()
    if fn is None:
        return {}
    return {"citation_edges": [_as_row(e) for e in fn(report)]}


def _as_row(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return dict(obj)
    if hasattr(obj, "to_row"):
        return obj.to_row()
    if dataclasses.is_dataclass(obj):
        return {k: (list(v) if isinstance(v, tuple) else v)
                for k, v in dataclasses.asdict(obj).items() if not k.startswith("_")}
    raise TypeError(f"cannot turn {type(obj).__name__} into a table row")


# --------------------------------------------------------------------------- Arrow and pandas


def _arrow_type(col: Column):
    import pyarrow as pa

    base = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
            "BOOLEAN": pa.bool_()}
    if col.kind == "span":
        return pa.list_(pa.int32(), 2)
    if col.kind == "list":
        return pa.list_(base[col.duckdb[:-2]])
    if col.kind == "json":
        return pa.string()
    return base[col.duckdb]


def arrow_schema(cols: tuple[Column, ...]):
    import pyarrow as pa

    return pa.schema([pa.field(c.name, _arrow_type(c)) for c in cols])


def _json_text(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)


def column_data(rows: list[dict[str, Any]], cols: tuple[Column, ...]) -> dict[str, list[Any]]:
    """Row dicts → one list of values per column of `cols`, in the values Arrow takes (missing
    keys are null, JSON columns as text, spans and lists as lists). Lists of several documents'
    `column_data` for the same columns can be joined column by column."""
    data: dict[str, list[Any]] = {}
    for c in cols:
        values = [r.get(c.name) for r in rows]
        if c.kind == "json":
            values = [_json_text(v) for v in values]
        elif c.kind in ("span", "list"):
            values = [None if v is None else list(v) for v in values]
        data[c.name] = values
    return data


def columns_table(data: dict[str, list[Any]], cols: tuple[Column, ...]):
    """`column_data` → a `pyarrow.Table` with exactly `cols`."""
    import pyarrow as pa

    return pa.table({c.name: data[c.name] for c in cols}, schema=arrow_schema(cols))


def arrow_table(rows: list[dict[str, Any]], cols: tuple[Column, ...]):
    """Row dicts → a `pyarrow.Table` with exactly `cols` (missing keys are null)."""
    return columns_table(column_data(rows, cols), cols)


def _to_pandas(table, cols: tuple[Column, ...]):
    """Arrow → pandas with our conventions: lists/spans as lists, JSON columns parsed."""
    df = table.to_pandas()
    for c in cols:
        if c.name not in df.columns:
            continue
        if c.kind == "json":
            df[c.name] = df[c.name].map(_json_load).astype(object)
        elif c.kind in ("span", "list"):
            df[c.name] = df[c.name].map(_as_list).astype(object)
    return df


def _json_load(v: Any) -> Any:
    if isinstance(v, str):
        return json.loads(v)
    return None if v is None or v != v else v  # NaN → None


def _as_list(v: Any) -> Any:
    if v is None or (isinstance(v, float) and v != v):
        return None
    return [x.item() if hasattr(x, "item") else x for x in v]


def frames_from_rows(rows: dict[str, list[dict[str, Any]]]):
    """dict of table → list of row dicts  →  dict of pandas DataFrames with every column of the
    table, in the store's types, even when a table has no rows."""
    return {name: _to_pandas(arrow_table(r, cols := table_columns(name, r)), cols)
            for name, r in rows.items()}


# --------------------------------------------------------------------------- DuckDB schema


def create_schema(con, tables: tuple[str, ...] | None = None) -> None:
    """Create the store's tables in a DuckDB connection; add columns a newer version of the
    records has (fields are only ever added, never renamed), so an old store stays writable."""
    for table in tables or store_tables():
        cols = table_columns(table)
        if not cols:
            continue
        ensure_table(con, table, cols)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ensure_table(con, table: str, cols: tuple[Column, ...]) -> None:
    body = ", ".join(f"{_q(c.name)} {c.duckdb}" for c in cols)
    con.execute(f"CREATE TABLE IF NOT EXISTS {_q(table)} ({body})")
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()}
    for c in cols:
        if c.name not in have:
            con.execute(f"ALTER TABLE {_q(table)} ADD COLUMN {_q(c.name)} {c.duckdb}")


def insert_rows(con, table: str, rows: list[dict[str, Any]], cols: tuple[Column, ...]) -> None:
    """Insert row dicts into an existing table (inside the caller's transaction)."""
    if rows:
        insert_table(con, table, arrow_table(rows, cols), cols)


def insert_table(con, table: str, data, cols: tuple[Column, ...]) -> None:
    """Insert a `pyarrow.Table` with the columns `cols` into an existing table (inside the
    caller's transaction). The query names the local `_xxgk_rows`, which DuckDB's replacement
    scan finds in the frame that calls `execute` (cheaper than `register`/`unregister`, a
    catalog change each): `con` must be a DuckDB connection itself, not a Python wrapper."""
    _xxgk_rows = data  # (read by DuckDB's replacement scan)
    names = ", ".join(_q(c.name) for c in cols)
    con.execute(f"INSERT INTO {_q(table)} ({names}) SELECT {names} FROM _xxgk_rows")


def list_tables(con) -> list[str]:
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()]
    order = {t: i for i, t in enumerate(store_tables())}
    return sorted(names, key=lambda t: (order.get(t, len(order)), t))


def export_tables(con, out_dir: str | os.PathLike[str], fmt: str) -> dict[str, Path]:
    """Write every table of a DuckDB store as `<out_dir>/<table>.<parquet|csv|jsonl>`.

    Each file is written to a temporary name and renamed, so a file is either the old one or
    the complete new one. CSV stores lists, spans and JSON columns as JSON text."""
    if fmt not in FILE_SUFFIX:
        raise UsageError(f"unknown file format {fmt!r}; valid: {', '.join(FILE_SUFFIX)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in list_tables(con):
        cols = _store_columns(con, table)
        target = out / f"{table}{FILE_SUFFIX[fmt]}"
        tmp = target.with_name(f".{target.name}.tmp")
        if fmt == "csv":
            select = ", ".join(
                f"CAST(to_json({_q(n)}) AS VARCHAR) AS {_q(n)}" if nested else _q(n)
                for n, nested in cols
            )
            opts = "FORMAT csv, HEADER true"
        else:
            select = "*"
            opts = "FORMAT parquet" if fmt == "parquet" else "FORMAT json"
        path = str(tmp).replace("'", "''")
        con.execute(f"COPY (SELECT {select} FROM {_q(table)}) TO '{path}' ({opts})")
        os.replace(tmp, target)
        written[table] = target
    return written


def _store_columns(con, table: str) -> list[tuple[str, bool]]:
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position", [table]
    ).fetchall()
    return [(n, t.endswith("]") or t.startswith(("STRUCT", "MAP")) or t == "JSON") for n, t in rows]


# --------------------------------------------------------------------------- read_store


def read_store(path: str | os.PathLike[str], tables: list[str] | None = None):
    """Read a batch output back as a dict of pandas DataFrames, one per table.

    `path` is a DuckDB file (`xxgk extract … --out results.duckdb`) or a folder written with
    `--format parquet|csv|jsonl` or by the Dask engine (one folder of Parquet parts per table).
    Lists and spans come back as Python lists and JSON columns (region) as dicts, like
    `Report.to_frames()`.

        >>> frames = nlp.read_store("results.duckdb")
        >>> frames["claims"].groupby("unit").size()
    """
    p = Path(path)
    if not p.exists():
        raise UsageError(f"{p}: no such store (a .duckdb file or an output folder)")
    import duckdb

    if p.is_file():
        con = duckdb.connect(str(p), read_only=True)
        try:
            names = [t for t in list_tables(con) if tables is None or t in tables]
            return {t: _frame(con.sql(f"SELECT * FROM {_q(t)}").to_arrow_table(), t)
                    for t in names}
        finally:
            con.close()
    con = duckdb.connect()
    try:
        found = _folder_tables(p)
        if not found:
            raise UsageError(f"{p}: no tables found (expected e.g. documents.parquet, "
                             "claims.csv, claims.jsonl or a claims/ folder of Parquet parts)")
        return {t: _frame(_read_file(con, f, t), t)
                for t, f in found.items() if tables is None or t in tables}
    finally:
        con.close()


def _folder_tables(folder: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for f in sorted(folder.iterdir()):
        if f.name.startswith((".", "_")):
            continue
        if f.is_dir() and any(f.glob("*.parquet")):
            out.setdefault(f.name, f)
        elif f.suffix in (".parquet", ".csv", ".jsonl"):
            out.setdefault(f.stem, f)
    order = {t: i for i, t in enumerate(store_tables())}
    return dict(sorted(out.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def _lit(p: Path | str) -> str:
    return "'" + str(p).replace("'", "''") + "'"


def _read_file(con, f: Path, table: str):
    """One table of an output folder as a `pyarrow.Table`."""
    if f.is_dir():
        return con.sql(f"SELECT * FROM read_parquet({_lit(f / '*.parquet')})").to_arrow_table()
    if f.suffix == ".parquet":
        return con.sql(f"SELECT * FROM read_parquet({_lit(f)})").to_arrow_table()
    cols = table_columns(table)
    if f.suffix == ".csv":
        if not cols:
            return con.sql(f"SELECT * FROM read_csv({_lit(f)}, header=true)").to_arrow_table()
        spec = ", ".join(f"{_lit(c.name)}: {_lit('VARCHAR' if c.nested else c.duckdb)}"
                         for c in cols)
        select = ", ".join(f"CAST({_q(c.name)} AS {c.duckdb}) AS {_q(c.name)}" if c.nested
                           else _q(c.name) for c in cols)
        return con.sql(f"SELECT {select} FROM read_csv({_lit(f)}, header=true, "
                       "allow_quoted_nulls=false, "
                       f"columns={{{spec}}})").to_arrow_table()
    # JSONL: parsed here, so the columns are exactly the field names in the lines
    with open(f, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return arrow_table(rows, cols or _infer_columns(rows))


def _frame(at, table: str):
    known = {c.name: c for c in table_columns(table)}
    cols = []
    for field in at.schema:
        c = known.get(field.name)
        if c is None or (c.kind == "json" and str(field.type) not in ("string", "large_string")):
            kind = "list" if hasattr(field.type, "value_type") else "scalar"
            c = Column(field.name, "", kind)
        cols.append(c)
    return _to_pandas(at, tuple(cols))
