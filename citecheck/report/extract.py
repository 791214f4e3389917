"""Finding the report inside files that hold more than a report.

Task files hold a ``## Query`` and a ``## Final Report`` section; agent run logs
end with a ``FINAL ANSWER`` banner; reasoning models open their answer with a
``<think>…</think>`` block, which is not report text. Offsets stay relative to the
whole file so that line numbers in findings are the file's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from citecheck.rulepack import ReportLayout

_BANNER_RE = re.compile(r"^\s*([=\-*#~_])\1{2,}\s*$")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s")
_THINK_RE = re.compile(r"\A\s*<think>.*?</think>[ \t]*\n?", re.DOTALL)


@dataclass(frozen=True)
class ReportRegion:
    """The report's offsets ``[start, end)`` in the file, the user's query if any, and
    whether a report start marker (``## Final Report``) opened it."""

    start: int
    end: int
    query: str | None = None
    marked: bool = False


@dataclass(frozen=True)
class Line:
    """One line of a file: offsets of its content (newline excluded) and the content."""

    start: int
    end: int
    text: str


def iter_lines(text: str) -> Iterator[Line]:
    """Each line of ``text`` with its offsets; only ``\\n`` ends a line, ``\\r`` is dropped."""
    start = 0
    for raw in text.split("\n"):
        content = raw[:-1] if raw.endswith("\r") else raw
        yield Line(start, start + len(content), content)
        start += len(raw) + 1


def _is_marker(line: Line, markers: list[str]) -> bool:
    stripped = line.text.strip()
    return any(stripped == marker.strip() for marker in markers)


def locate_report(text: str, layout: ReportLayout) -> ReportRegion:
    """The report region of ``text`` (see the module docstring); the whole text otherwise."""
    lines = list(iter_lines(text))
    query = _query(lines, layout)
    starts = [i for i, line in enumerate(lines) if _is_marker(line, layout.report_start_markers)]
    if not starts:
        thinking = _THINK_RE.match(text)
        return ReportRegion(thinking.end() if thinking else 0, len(text), query)
    first = starts[-1] + 1
    while first < len(lines) and (
        not lines[first].text.strip() or _BANNER_RE.match(lines[first].text)
    ):
        first += 1
    if first >= len(lines):
        return ReportRegion(len(text), len(text), query, marked=True)
    end = len(text)
    for line in lines[first:]:
        if _is_marker(line, layout.report_end_markers):
            end = line.start
            break
    return ReportRegion(lines[first].start, end, query, marked=True)


def _query(lines: list[Line], layout: ReportLayout) -> str | None:
    """The text under the first query marker, up to the next markdown heading."""
    for index, line in enumerate(lines):
        if not _is_marker(line, layout.query_markers):
            continue
        body: list[str] = []
        for following in lines[index + 1 :]:
            if _HEADING_RE.match(following.text) or _is_marker(
                following, layout.report_start_markers
            ):
                break
            body.append(following.text)
        query = "\n".join(body).strip()
        return query or None
    return None
