"""One stretch of report text as escaped HTML, with finding marks and light inline markdown.

The text is cut at every mark boundary and every inline marker, so marks never
nest: each piece is one ``<mark>`` naming all the findings that cover it, with
its bold or code styling inside. Markdown markers (``**``, backticks, a link's
target) are left out; everything shown is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from citecheck.emitters.html.marks import Mark

SEVERITY_ORDER = ("info", "warning", "error")
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_CODE_RE = re.compile(r"`([^`\n]+)`")
_LINK_RE = re.compile(r"(?<!!)\[([^\[\]\n]+)\](\([^()\s]*\))")


@dataclass(frozen=True)
class _Styles:
    """Inline markup found in a stretch: hidden marker ranges and styled ranges."""

    hidden: list[tuple[int, int]] = field(default_factory=list)
    bold: list[tuple[int, int]] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)


def _inline_styles(text: str, start: int, end: int) -> _Styles:
    styles = _Styles()
    chunk = text[start:end]
    for match in _CODE_RE.finditer(chunk):
        styles.hidden.extend([(start + match.start(), start + match.start(1))])
        styles.hidden.append((start + match.end(1), start + match.end()))
        styles.code.append((start + match.start(1), start + match.end(1)))
    for match in _BOLD_RE.finditer(chunk):
        if _inside(start + match.start(), styles.code):
            continue
        styles.hidden.append((start + match.start(), start + match.start(2)))
        styles.hidden.append((start + match.end(2), start + match.end()))
        styles.bold.append((start + match.start(2), start + match.end(2)))
    for match in _LINK_RE.finditer(chunk):
        styles.hidden.append((start + match.start(), start + match.start(1)))
        styles.hidden.append((start + match.end(1), start + match.end()))
    return styles


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(low <= offset < high for low, high in ranges)


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

    def render(self, start: int, end: int, *, markdown: bool = True) -> str:
        """``text[start:end]`` as HTML; ``markdown=False`` keeps every character (code)."""
        styles = _inline_styles(self.text, start, end) if markdown else _Styles()
        marks = [
            m
            for m in self.marks
            if m.start <= end and (m.end >= start or (m.start == m.end and m not in self.pinned))
        ]
        cuts = {start, end}
        for mark in marks:
            cuts.update(p for p in (mark.start, mark.end) if start <= p <= end)
        for low, high in styles.hidden + styles.bold + styles.code:
            cuts.update((low, high))
        points = sorted(cuts)
        html = []
        for low, high in zip(points, [*points[1:], end], strict=True):
            html.append(self._anchors(low, marks))
            html.append(self._pins(low, marks))
            if high > low and not _inside(low, styles.hidden):
                html.append(self._piece(low, high, styles, marks))
        return "".join(html)

    def _anchors(self, at: int, marks: list[Mark]) -> str:
        html = []
        for mark in marks:
            if mark.start <= at and not mark.citation and mark.finding_id not in self.anchored:
                self.anchored.add(mark.finding_id)
                html.append(f'<span class="anchor" id="at-{escape(mark.finding_id)}"></span>')
        return "".join(html)

    def _pins(self, at: int, marks: list[Mark]) -> str:
        """Empty marks at or before ``at`` not shown yet (their place may not be rendered)."""
        pins = [m for m in marks if m.start == m.end <= at and m not in self.pinned]
        if not pins:
            return ""
        self.pinned.update(pins)
        return (
            f'<mark class="hl pin sev-{_worst(pins)}" data-findings="{_ids(pins)}" '
            'title="finding at this place">⚑</mark>'
        )

    def _piece(self, low: int, high: int, styles: _Styles, marks: list[Mark]) -> str:
        html = escape(self.text[low:high])
        if _inside(low, styles.code):
            html = f"<code>{html}</code>"
        if _inside(low, styles.bold):
            html = f"<strong>{html}</strong>"
        covering = [m for m in marks if m.start <= low and m.end >= high and m.end > m.start]
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
