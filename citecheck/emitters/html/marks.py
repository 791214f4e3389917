"""Where each finding sits in its report text: offsets of its span and of its citation.

Findings carry 1-based lines and columns (code points) in the file as given;
the report text is the decoded file, so lines split at ``\\n`` exactly as the
parser's :class:`~citecheck.textutil.LineIndex` does.
"""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.models import Finding
from citecheck.textutil import LineIndex

CITATION_LOOKAHEAD = 600
"""How far past a claim's end its citation may close the paragraph (inherited citations)."""


@dataclass(frozen=True)
class Mark:
    """A stretch ``[start, end)`` of the report text that belongs to one finding.

    ``start == end`` marks a place rather than text (a missing section).
    """

    start: int
    end: int
    finding_id: str
    severity: str
    citation: bool = False


def _citation_offset(text: str, citation: str, start: int, end: int) -> int:
    """Where ``citation`` is written for a claim spanning ``[start, end)``, or -1."""
    inside = text.rfind(citation, start, end + len(citation))
    if inside >= 0:
        return inside
    return text.find(citation, start, end + CITATION_LOOKAHEAD)


def finding_marks(text: str, index: LineIndex, finding: Finding, finding_id: str) -> list[Mark]:
    """The span of ``finding`` in ``text`` (``index`` is its line index) and its citation."""
    start = index.offset(finding.line, finding.column)
    end = max(start, index.offset(finding.end_line, finding.end_column))
    severity = finding.severity.value
    marks = [Mark(start, end, finding_id, severity)]
    if finding.citation:
        at = _citation_offset(text, finding.citation, start, end)
        if at >= 0:
            marks.append(Mark(at, at + len(finding.citation), finding_id, severity, citation=True))
    return marks
