"""The toolkit's data files (lookup tables, label variants, section titles …) and the one reader
of its TOML files, here and in `nlp/patterns/`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent
PATTERNS_DIR = DATA_DIR.parent / "patterns"


def load_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A TOML file as a dict (tomllib, or tomli on Python 3.10). Callers cache and freeze."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def installed_version(dist: str) -> str | None:
    """The installed release of the distribution `dist` (None: not installed). Code and data
    tied to a library's release check it (`xxgk info` lists them)."""
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None
