"""check: consistency checks (docs/spec.md section 4, plus `across_years`).

`check(report)` concatenates the checks of each family for one document:
table checks (`nlp/check/tables.py`, numbered `check-t<n>`) and narrative checks
(`nlp/check/narrative.py`, numbered `check-n<n>`). Checks across years need several reports
and run over a batch (`nlp/check/years.py`, numbered `check-y<n>`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from nlp.records import Cell, Check, Document, Report


@lru_cache(maxsize=1)
def _families() -> tuple[Callable[[Report], list[Check]],
                         Callable[[Document, list[Cell]], list[Check]]]:
    """(narrative_checks, table_checks), imported on first use rather than by two import
    statements per document (about half of `check`'s cost on a report without claims)."""
    from nlp.check.narrative import narrative_checks
    from nlp.check.tables import table_checks

    return narrative_checks, table_checks


def check(report: Report) -> list[Check]:
    narrative_checks, table_checks = _families()
    narrative = narrative_checks(report)
    for i, c in enumerate(narrative, 1):
        c.check_id = f"check-n{i}"
    return [*table_checks(report.document, report.cells), *narrative]
