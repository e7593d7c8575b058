"""Where the regex engines' time goes, by compiled pattern.

    .venv/bin/python -m benchmarks.patterns [--top 40] [--every 1]

About a third of an `extract_text` pass is spent inside the `regex` and `re` engines (cachegrind
on every sixteenth corpus text: 23% of the instructions in `_regex`, 13% in the stdlib `sre`
matcher, mostly character-class tests), and cProfile shows those calls only as
`{method 'search' of '_regex.Pattern' objects}`, without saying which pattern. This tool wraps
`regex.compile` and `re.compile` before `nlp` is imported, so that every pattern the library
compiles (at import, or later through a cache) is a proxy that adds up the time of its calls
(`search`, `match`, `fullmatch`, `finditer` and each step of its iterator, `sub`, …), and
prints the patterns that took longest over one warm pass of the corpus `.txt` texts, with the
place in `nlp/` that compiled them. The proxy's own cost (about 0.3 µs a call) is inside the
figures, so read them as a ranking, not as exact times; the total at the top is the pass's
wall time with the proxies on.

Run it in a process of its own (the patching must come before `nlp` is imported).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
            "splititer")
_ITERATING = ("finditer", "splititer")


class _Stats:
    """Seconds and calls by pattern key, and where each pattern was compiled."""

    def __init__(self) -> None:
        self.seconds: dict[tuple[str, str], float] = {}
        self.calls: dict[tuple[str, str], int] = {}
        self.origin: dict[tuple[str, str], str] = {}

    def add(self, key: tuple[str, str], seconds: float) -> None:
        self.seconds[key] = self.seconds.get(key, 0.0) + seconds
        self.calls[key] = self.calls.get(key, 0) + 1

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()


def _origin() -> str:
    """Where in `nlp/` the pattern was compiled: the innermost frame there, and when that is in
    `nlp/scan.py` (a scanner built for another module) the innermost frame outside it too."""
    frames = [f"{f.filename.split('/nlp/')[-1]}:{f.lineno}"
              for f in reversed(traceback.extract_stack()) if "/nlp/" in f.filename]
    if not frames:
        return "?"
    caller = next((f for f in frames if not f.startswith("scan.py:")), None)
    return frames[0] if caller in (None, frames[0]) else f"{frames[0]} < {caller}"


def _timed_iter(it: Iterator[Any], key: tuple[str, str], stats: _Stats) -> Iterator[Any]:
    clock = time.perf_counter
    while True:
        t = clock()
        try:
            item = next(it)
        except StopIteration:
            stats.add(key, clock() - t)
            return
        stats.add(key, clock() - t)
        yield item


def _proxy_class(stats: _Stats) -> type:
    clock = time.perf_counter

    class Pattern:
        """A compiled pattern that times its calls (everything else is forwarded)."""

        def __init__(self, inner: Any, engine: str) -> None:
            self._inner = inner
            src = inner.pattern
            self._key = (engine, src if isinstance(src, str) else repr(src))
            stats.origin.setdefault(self._key, _origin())

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

        def __hash__(self) -> int:
            return hash(self._inner)

        def __eq__(self, other: object) -> bool:
            return self._inner == getattr(other, "_inner", other)

        def __reduce__(self) -> Any:
            return self._inner.__reduce__()

    def timed(name: str) -> Callable[..., Any]:
        def call(self: Any, *args: Any, **kwargs: Any) -> Any:
            t = clock()
            try:
                got = getattr(self._inner, name)(*args, **kwargs)
            finally:
                stats.add(self._key, clock() - t)
            return _timed_iter(got, self._key, stats) if name in _ITERATING else got
        return call

    for name in _METHODS:
        setattr(Pattern, name, timed(name))
    return Pattern


def install(stats: _Stats) -> None:
    """Make `regex.compile` and `re.compile` return timing proxies (call before importing nlp)."""
    import regex

    proxy = _proxy_class(stats)

    def patch(module: ModuleType, engine: str) -> None:
        original = module.compile

        def compile(pattern: Any, flags: int = 0, **kwargs: Any) -> Any:
            pattern = getattr(pattern, "_inner", pattern)
            return proxy(original(pattern, flags, **kwargs), engine)

        module.compile = compile  # type: ignore[attr-defined]

    patch(re, "re")
    patch(regex, "regex")


def run(top: int = 40, every: int = 1) -> str:
    if any(name == "nlp" or name.startswith("nlp.") for name in sys.modules):
        raise RuntimeError("benchmarks.patterns must patch the engines before nlp is imported: "
                           "run it in a process of its own")
    stats = _Stats()
    install(stats)
    from benchmarks.bench_extract import texts
    from nlp.pipeline import extract_text

    items = texts()[::every]
    for t in items:  # warm: patterns compiled, caches filled
        extract_text(t)
    stats.reset()
    t0 = time.perf_counter()
    for t in items:
        extract_text(t)
    total = time.perf_counter() - t0
    inside = sum(stats.seconds.values())
    lines = [f"{len(items)} texts, {sum(map(len, items)):,} chars: pass {total:.2f} s with the "
             f"proxies on, {inside:.2f} s ({inside / total:.0%}) inside {len(stats.seconds)} "
             f"patterns",
             f"{'ms':>8} {'calls':>8} {'engine':6} {'compiled at':44} pattern"]
    for key, sec in sorted(stats.seconds.items(), key=lambda kv: -kv[1])[:top]:
        engine, src = key
        lines.append(f"{sec * 1000:8.1f} {stats.calls[key]:8d} {engine:6} "
                     f"{stats.origin.get(key, '?'):44} {src[:90]!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=40, help="patterns to list (default 40)")
    ap.add_argument("--every", type=int, default=1,
                    help="take every N-th corpus text (default 1: all)")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    print(run(args.top, args.every))


if __name__ == "__main__":
    main()
