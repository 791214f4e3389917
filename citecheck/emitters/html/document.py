"""A report's markdown as HTML blocks (headings, lists, tables, quotes, code, paragraphs).

Agent reports are loose markdown, so this is a line-by-line reading that never
drops text: every line that is not blank, a rule or an HTML comment shows up in
exactly one block. Each block carries ``data-line`` and an id ``<prefix>-L<n>``
for its first line; the text inside goes through :class:`InlineRenderer` so
findings are highlighted where their spans are.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from html import escape

from citecheck.emitters.html.inline import InlineRenderer
from citecheck.report.extract import Line, iter_lines
from citecheck.report.markdown import (
    COMMENT_RE,
    FENCE_RE,
    QUOTE_RE,
    RULE_RE,
    TABLE_SEPARATOR_RE,
    fence_end,
)

_ATX_RE = re.compile(r"^\s{0,3}(#{1,6})\s+")
_BULLET_RE = re.compile(r"^(\s*)([-*+•])\s+")
_NUMBERED_RE = re.compile(r"^(\s*)(\d{1,3}[.)](?!\d)|\d{1,2}、|[①-⑳])\s*")
_CELL_BAR_RE = re.compile(r"(?<!\\)\|")
HEADING_SHIFT = 2
"""Report headings sit under the page's h1 and the report's h2: ``#`` becomes h3."""


class DocumentRenderer:
    """Turns one report text into HTML; ``prefix`` makes its line ids unique on the page."""

    def __init__(self, text: str, inline: InlineRenderer, prefix: str) -> None:
        self.lines = list(iter_lines(text))
        self.inline = inline
        self.prefix = prefix

    def render(self) -> str:
        """Every block of the text, in reading order."""
        html: list[str] = []
        index = 0
        while index < len(self.lines):
            index = self._block(index, html)
        return "".join(html)

    def _attrs(self, index: int) -> str:
        line = index + 1
        return f'id="{escape(self.prefix)}-L{line}" data-line="{line}"'

    def _content(self, line: Line, skip: int) -> str:
        """``line`` from column ``skip`` on, trailing whitespace left out."""
        stripped = line.text.rstrip()
        return self.inline.render(line.start + min(skip, len(stripped)), line.start + len(stripped))

    def _block(self, index: int, html: list[str]) -> int:
        """Renders the block starting at line ``index`` and returns the next line's index."""
        text = self.lines[index].text
        if not text.strip() or COMMENT_RE.match(text):
            return index + 1
        if FENCE_RE.match(text):
            return self._code(index, html)
        if RULE_RE.match(text):
            html.append("<hr>")
            return index + 1
        heading = _ATX_RE.match(text)
        if heading:
            level = min(len(heading.group(1)) + HEADING_SHIFT, 6)
            content = self._content(self.lines[index], heading.end())
            html.append(f'<h{level} class="md" {self._attrs(index)}>{content}</h{level}>')
            return index + 1
        if text.lstrip().startswith("|"):
            return self._table(index, html)
        if QUOTE_RE.match(text):
            return self._run(index, html, "blockquote", lambda t: bool(QUOTE_RE.match(t)))
        if _BULLET_RE.match(text) or _NUMBERED_RE.match(text):
            return self._list(index, html)
        return self._run(index, html, "p", _is_plain)

    def _run(self, index: int, html: list[str], tag: str, belongs: Callable[[str], bool]) -> int:
        """Consecutive lines of one kind, joined by line breaks (reports use hard breaks)."""
        end = index + 1
        while end < len(self.lines) and belongs(self.lines[end].text):
            end += 1
        parts = []
        for line in self.lines[index:end]:
            quote = QUOTE_RE.match(line.text) if tag == "blockquote" else None
            skip = quote.end() if quote else len(line.text) - len(line.text.lstrip())
            parts.append(self._content(line, skip))
        html.append(f'<{tag} class="md" {self._attrs(index)}>{"<br>".join(parts)}</{tag}>')
        return end

    def _list(self, index: int, html: list[str]) -> int:
        """A run of bullet and numbered items; indented lines continue the item above.

        A numbered item keeps its number as text (``1.``, ``①``, ``2、``), since a
        finding's span may start on it; a bullet's marker becomes the list's disc.
        """
        items: list[str] = []
        end = index
        while end < len(self.lines):
            line = self.lines[end]
            marker = _BULLET_RE.match(line.text) or _NUMBERED_RE.match(line.text)
            if marker:
                depth = min(len(marker.group(1).expandtabs(4)) // 2, 3)
                numbered = marker.re is _NUMBERED_RE
                skip = len(marker.group(1)) if numbered else marker.end()
                items.append(
                    f'<li class="depth-{depth}{" numbered" if numbered else ""}" '
                    f"{self._attrs(end)}>{self._content(line, skip)}"
                )
            elif items and line.text[:1].isspace() and line.text.strip():
                items[-1] += "<br>" + self._content(line, len(line.text) - len(line.text.lstrip()))
            else:
                break
            end += 1
        html.append('<ul class="md">' + "".join(item + "</li>" for item in items) + "</ul>")
        return end

    def _table(self, index: int, html: list[str]) -> int:
        end = index
        while end < len(self.lines) and self.lines[end].text.lstrip().startswith("|"):
            end += 1
        rows = []
        for row in range(index, end):
            line = self.lines[row]
            if TABLE_SEPARATOR_RE.match(line.text):
                continue
            header = row + 1 < end and bool(TABLE_SEPARATOR_RE.match(self.lines[row + 1].text))
            tag = "th" if header else "td"
            cells = "".join(f"<{tag}>{cell}</{tag}>" for cell in self._cells(line))
            rows.append(f"<tr {self._attrs(row)}>{cells}</tr>")
        html.append(f'<div class="table-wrap"><table class="md">{"".join(rows)}</table></div>')
        return end

    def _cells(self, line: Line) -> list[str]:
        bars = [m.start() for m in _CELL_BAR_RE.finditer(line.text)]
        if line.text.rstrip()[-1:] != "|" or len(bars) == 1:
            bars.append(len(line.text.rstrip()))
        cells = []
        for left, right in itertools.pairwise(bars):
            raw = line.text[left + 1 : right]
            lead = len(raw) - len(raw.lstrip())
            start = line.start + left + 1 + lead
            cells.append(self.inline.render(start, line.start + left + 1 + len(raw.rstrip())))
        return cells

    def _code(self, index: int, html: list[str]) -> int:
        end = fence_end(self.lines, index)
        body = "\n".join(
            self.inline.render(line.start, line.end, markdown=False)
            for line in self.lines[index + 1 : end]
        )
        html.append(f'<pre class="md" {self._attrs(index)}><code>{body}</code></pre>')
        return end + 1


def _is_plain(text: str) -> bool:
    """Whether a line continues a paragraph: not blank and not another block's start."""
    return bool(
        text.strip()
        and not FENCE_RE.match(text)
        and not _ATX_RE.match(text)
        and not RULE_RE.match(text)
        and not COMMENT_RE.match(text)
        and not QUOTE_RE.match(text)
        and not text.lstrip().startswith("|")
        and not _BULLET_RE.match(text)
        and not _NUMBERED_RE.match(text)
    )
