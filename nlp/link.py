"""link: claims → indicators → cells. (Stub.)"""

from __future__ import annotations

from nlp.records import Link, Report


def link(report: Report) -> list[Link]:
    return []
