"""check: consistency checks (docs/spec.md section 4).

`check(report)` concatenates the checks of each family; table checks are numbered
`check-t<n>` (nlp/check/tables.py).
"""

from __future__ import annotations

from nlp.records import Check, Report


def check(report: Report) -> list[Check]:
    from nlp.check.tables import table_checks

    return [*table_checks(report.document, report.cells)]
