"""export: records → DataFrames and datasets (DuckDB by default; Parquet, CSV, JSONL).
(Minimal: the batch work extends this module.)"""

from __future__ import annotations

from typing import Any


def frames_from_rows(rows: dict[str, list[dict[str, Any]]]):
    """dict of record-type → list of row dicts  →  dict of pandas DataFrames."""
    import pandas as pd

    return {name: pd.DataFrame(r) for name, r in rows.items()}


def read_store(path: str):
    raise NotImplementedError("read_store is built by the batch work")
