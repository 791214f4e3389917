"""Inline suppression comments: ``<!-- citecheck: disable-next-line CC201 -->``.

``disable-next-line`` and ``disable-line`` silence findings on one line,
``disable-file`` on the whole file. Codes may be rule codes or slugs; none
means every rule.
"""

from __future__ import annotations

import re

from citecheck.models import Finding, Suppression
from citecheck.textutil import LineIndex

_COMMENT_RE = re.compile(
    r"<!--\s*citecheck:\s*disable-(?P<scope>next-line|line|file)\b(?P<codes>[^>]*?)\s*-->",
    re.IGNORECASE,
)


def parse_suppressions(text: str) -> list[Suppression]:
    """Every suppression comment in ``text``; ``line`` is the line it applies to."""
    found: list[Suppression] = []
    lines = LineIndex(text)
    for match in _COMMENT_RE.finditer(text):
        line, _ = lines.position(match.start())
        scope = match.group("scope").lower()
        codes = [c for c in re.split(r"[\s,]+", match.group("codes")) if c]
        target = line + 1 if scope == "next-line" else line
        found.append(Suppression(scope=scope, line=target, codes=codes))
    return found


def is_suppressed(finding: Finding, suppressions: list[Suppression]) -> bool:
    """Whether a suppression covers ``finding`` (by line or file, and by code or slug)."""
    return any(_covers(s, finding) for s in suppressions)


def _covers(suppression: Suppression, finding: Finding) -> bool:
    if suppression.scope != "file" and not (finding.line <= suppression.line <= finding.end_line):
        return False
    if not suppression.codes:
        return True
    names = {finding.code.upper(), finding.slug.lower()}
    return any(code.upper() in names or code.lower() in names for code in suppression.codes)
