"""check: consistency checks (docs/spec.md section 4). (Stub.)"""

from __future__ import annotations

from nlp.records import Check, Report


def check(report: Report) -> list[Check]:
    return []
