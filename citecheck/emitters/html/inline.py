"""One stretch of report text as escaped HTML, with finding marks and light inline markdown.

The text is cut at every mark boundary and every inline marker, so marks never
nest: each piece is one ``<mark>`` naming all the findings that cover it, with
its bold or code styling inside. Markdown markers (``**``, backticks, a link's
target) are left out; everything shown is escaped.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from html import escape

from citecheck.emitters.html.marks import Mark

SEVERITY_ORDER = ("info", "warning", "error")
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_CODE_RE = re.compile(r"`([^`\n]+)`")
_LINK_RE = re.compile(r"(?<!!)\[([^\[\]\n]+)\](\([^()\s]*\))")


class _RangeSet:
    """Half-open ranges ``[low, high)`` answering "is this offset inside any of them"
    by bisection: a line with thousands of inline spans stays linear."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._lows = [low for low, _ in ordered]
        self._reach = list(itertools.accumulate((high for _, high in ordered), max))

    def __contains__(self, offset: int) -> bool:
        last = bisect.bisect_right(self._lows, offset) - 1
        return last >= 0 and self._reach[last] > offset


@dataclass(frozen=True)
class _Styles:
    """Inline markup found in a stretch: hidden marker ranges and styled ranges."""

    hidden: list[tuple[int, int]] = field(default_factory=list)
    bold: list[tuple[int, int]] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def hidden_set(self) -> _RangeSet:
        """:attr:`hidden` for lookups."""
        return _RangeSet(self.hidden)

    @cached_property
    def bold_set(self) -> _RangeSet:
        """:attr:`bold` for lookups."""
        return _RangeSet(self.bold)

    @cached_property
    def code_set(self) -> _RangeSet:
        """:attr:`code` for lookups."""
        return _RangeSet(self.code)


def _inline_styles(text: str, start: int, end: int) -> _Styles:
    styles = _Styles()
    chunk = text[start:end]
    for match in _CODE_RE.finditer(chunk):
        styles.hidden.extend([(start + match.start(), start + match.start(1))])
        styles.hidden.append((start + match.end(1), start + match.end()))
        styles.code.append((start + match.start(1), start + match.end(1)))
    code = _RangeSet(styles.code)
    for match in _BOLD_RE.finditer(chunk):
        if start + match.start() in code:
            continue
        styles.hidden.append((start + match.start(), start + match.start(2)))
        styles.hidden.append((start + match.end(2), start + match.end()))
        styles.bold.append((start + match.start(2), start + match.end(2)))
    for match in _LINK_RE.finditer(chunk):
        styles.hidden.append((start + match.start(), start + match.start(1)))
        styles.hidden.append((start + match.end(1), start + match.end()))
    return styles


class InlineRenderer:
    """Renders stretches of one report text; remembers which findings got an anchor.

    Each finding's first piece is preceded by an empty ``<span id="at-…">`` so a
    link to ``#at-<finding id>`` lands on its span. Stretches must be rendered in
    text order: a mark that starts where nothing is shown (a table bar, a blank
    line) gets its anchor, and an empty mark its pin, at the next stretch shown.
    """

    def __init__(self, text: str, marks: list[Mark]) -> None:
        self.text = text
        self.marks = sorted(marks, key=lambda mark: (mark.start, mark.end))
        self.anchored: set[str] = set()
        self.pinned: set[Mark] = set()
        self._next = 0  # the first mark no stretch has reached yet
        self._open: list[Mark] = []  # marks reached that a later stretch may still touch

    def render(self, start: int, end: int, *, markdown: bool = True) -> str:
        """``text[start:end]`` as HTML; ``markdown=False`` keeps every character (code)."""
        styles = _inline_styles(self.text, start, end) if markdown else _Styles()
        marks = self._touching(start, end)
        cuts = {start, end}
        for mark in marks:
            cuts.update(p for p in (mark.start, mark.end) if start <= p <= end)
        for low, high in styles.hidden + styles.bold + styles.code:
            cuts.update((low, high))
        points = sorted(cuts)
        html = []
        reached = 0
        covering: dict[int, Mark] = {}  # marks over the current piece, in mark order
        ends: list[tuple[int, int]] = []  # (end, position) of the covering marks
        for low, high in zip(points, [*points[1:], end], strict=True):
            pins: list[Mark] = []
            while reached < len(marks) and marks[reached].start <= low:
                mark = marks[reached]
                html.append(self._anchor(mark))
                if mark.start == mark.end:
                    pins += [mark] if mark not in self.pinned else []
                else:
                    covering[reached] = mark
                    heapq.heappush(ends, (mark.end, reached))
                reached += 1
            while ends and ends[0][0] <= low:
                del covering[heapq.heappop(ends)[1]]
            html.append(self._pin(pins))
            if high > low and low not in styles.hidden_set:
                html.append(self._piece(low, high, styles, list(covering.values())))
        return "".join(html)

    def _touching(self, start: int, end: int) -> list[Mark]:
        """The marks that reach ``[start, end]``, and empty ones not pinned yet; stretches
        come in text order, so each mark is looked at while it can still matter."""
        while self._next < len(self.marks) and self.marks[self._next].start <= end:
            self._open.append(self.marks[self._next])
            self._next += 1
        self._open = [
            m for m in self._open if m.end >= start or (m.start == m.end and m not in self.pinned)
        ]
        return list(self._open)

    def _anchor(self, mark: Mark) -> str:
        if mark.citation or mark.finding_id in self.anchored:
            return ""
        self.anchored.add(mark.finding_id)
        return f'<span class="anchor" id="at-{escape(mark.finding_id)}"></span>'

    def _pin(self, pins: list[Mark]) -> str:
        """Empty marks reached and not shown yet (their place may not be rendered)."""
        if not pins:
            return ""
        self.pinned.update(pins)
        return (
            f'<mark class="hl pin sev-{_worst(pins)}" data-findings="{_ids(pins)}" '
            'title="finding at this place">⚑</mark>'
        )

    def _piece(self, low: int, high: int, styles: _Styles, covering: list[Mark]) -> str:
        html = escape(self.text[low:high])
        if low in styles.code_set:
            html = f"<code>{html}</code>"
        if low in styles.bold_set:
            html = f"<strong>{html}</strong>"
        if not covering:
            return html
        kind = " cite" if any(m.citation for m in covering) else ""
        return (
            f'<mark class="hl sev-{_worst(covering)}{kind}" data-findings="{_ids(covering)}">'
            f"{html}</mark>"
        )


def _worst(marks: list[Mark]) -> str:
    return max((m.severity for m in marks), key=SEVERITY_ORDER.index)


def _ids(marks: list[Mark]) -> str:
    """The distinct finding ids of ``marks``, worst severity first."""
    ordered = sorted(marks, key=lambda m: -SEVERITY_ORDER.index(m.severity))
    return escape(" ".join(dict.fromkeys(m.finding_id for m in ordered)))
