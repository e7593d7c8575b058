"""Label keys and the label data (`nlp/data/table_labels.toml`, `nlp/data/indicators.tsv`).

`label_key` folds a printed row or column label to the form the data files compare: width and
script folded (`nlp.normalize.same_length`), numbering and `其中：` stripped, bracketed notes
dropped, whitespace and punctuation removed, 合计 read as 总计.
"""

from __future__ import annotations

import csv
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from nlp.normalize import same_length

DATA = Path(__file__).resolve().parent.parent / "data"

_NUMBERING = regex.compile(
    r"^(?:其中\s*[:：]?|[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]"
    r"|\d+\s*[、.．](?!\d)|[①-⑳⑴-⒇]|[:：])\s*"
)
_BRACKETED = regex.compile(r"[(（【\[][^()（）【】\[\]]*[)）】\]]")
_DROP = regex.compile(r"[\s\u3000:：、，,。;；“”\"'‘’《》<>〈〉·.．]+")


def label_key(text: str) -> str:
    """The comparison key of a printed label (see the module docstring)."""
    s = same_length(text or "").strip()
    for _ in range(3):  # `其中：1.` has two numbering marks
        new = _NUMBERING.sub("", s, count=1)
        if new == s:
            break
        s = new
    prev = None
    while prev != s:  # nested notes
        prev = s
        s = _BRACKETED.sub("", s)
    s = _DROP.sub("", s)
    s = s.replace("合计", "总计").replace("其它", "其他")
    return s


def similarity(a: str, b: str) -> float:
    """How alike two keys are: 1 for equal keys, else a ratio in [0, 1)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4 and short in long_ and len(short) >= 0.7 * len(long_):
        return 0.95
    return SequenceMatcher(None, a, b).ratio() * 0.94


def best_match(key: str, choices: dict[str, tuple[str, ...]], threshold: float = 0.86
               ) -> tuple[str | None, float]:
    """The choice whose label keys are most like `key` (ties: the first), or (None, score)."""
    best, best_score = None, 0.0
    for name, labels in choices.items():
        for lab in labels:
            sc = similarity(key, lab)
            if sc > best_score:
                best, best_score = name, sc
    if best_score < threshold:
        return None, best_score
    return best, best_score


def _freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return MappingProxyType({k: _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


@lru_cache(maxsize=1)
def table_labels() -> Any:
    """`table_labels.toml`, read once, as read-only mappings and tuples."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    with open(DATA / "table_labels.toml", "rb") as fh:
        return _freeze(tomllib.load(fh))


@lru_cache(maxsize=1)
def indicators() -> Any:
    """`indicators.tsv` as {id: {templates, unit, label, parent}} (read-only)."""
    out = {}
    with open(DATA / "indicators.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["id"]] = MappingProxyType({
                "templates": tuple(row["templates"].split(",")),
                "unit": row["unit"] or None,
                "label": row["label"],
                "parent": row["parent"] or None,
            })
    return MappingProxyType(out)


def keyed(mapping: Any) -> dict[str, tuple[str, ...]]:
    """{name: labels} with each label replaced by its key."""
    return {name: tuple(label_key(x) for x in labels) for name, labels in mapping.items()}
