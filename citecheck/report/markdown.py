"""Markdown blocks of a report, with exact offsets into the file.

Agent reports are loose markdown: ATX headings next to pseudo-headings such as
``（1）论文基本信息`` or ``【研究背景与目标】``, bullets with ``-``, ``1.`` or
``①``, tables whose cells carry citations, and paragraphs whose lines end in
two-space hard breaks. Each block keeps the offsets of its text with the
markdown markers (bullet, ``#``, table pipes) left out, split into segments
that no sentence crosses (lines, except soft-wrapped Latin text).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from citecheck.models import BlockKind
from citecheck.report.extract import Line, iter_lines

FENCE_RE = re.compile(r"^\s*(```|~~~)")
COMMENT_RE = re.compile(r"^\s*<!--(?:(?!-->).)*-->\s*$")  # one comment, the whole line
RULE_RE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=|-)\1*\s*$")
_SENTENCE_FINAL = "。！？.!?；;：:"
_ATX_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$")
TABLE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
QUOTE_RE = re.compile(r"^\s*>\s?")
_BULLET_RE = re.compile(
    r"^\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+|\d{1,2}、\s*|[①-⑳]\s*|[A-Za-z][.)]\s+|[（(]\d{1,2}[）)]\s*)"
)
_SECTION_ENUM_RE = re.compile(
    r"^(?:[（(【〔](?:\d{1,2}|[一二三四五六七八九十]+)[）)】〕]|[一二三四五六七八九十]+、"
    r"|第(?:\d{1,2}|[一二三四五六七八九十]+)部分)"
)
_ITEM_ENUM_RE = re.compile(r"^(?:\d{1,2}[.、)]|[①-⑳]|[A-Za-z][.)])")
_WRAPPED_RE = re.compile(r"^(?:【[^【】]+】|《[^《》]+》|\*\*[^*]+\*\*|__[^_]+__)$")
_SUBTITLED_RE = re.compile(r"^《[^《》]+》\s*(?:——|—|[:：]|-\s)")  # 《报告》——副标题
_SENTENCE_END = "。！？!?；;：:，,、.…"
_BOLD_RE = re.compile(r"\*\*|__|`")
_LINK_RE = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)")
_PSEUDO_HEADING_MAX = 40


def fence_end(lines: Sequence[Line], index: int) -> int:
    """The index of the line closing the code fence opened at ``lines[index]`` (the
    number of lines when it is never closed)."""
    fence = FENCE_RE.match(lines[index].text)
    assert fence is not None
    closing = index + 1
    while closing < len(lines) and not lines[closing].text.lstrip().startswith(fence.group(1)):
        closing += 1
    return closing


@dataclass(frozen=True)
class Segment:
    """A stretch of block text no sentence crosses; ``[start, end)`` in the file."""

    start: int
    end: int


@dataclass
class Block:
    """A markdown block: its kind, heading level (0 if none) and text segments."""

    kind: BlockKind
    segments: list[Segment] = field(default_factory=list)
    level: int = 0

    @property
    def start(self) -> int:
        """Offset of the block's first character in the file."""
        return self.segments[0].start

    @property
    def end(self) -> int:
        """Offset just past the block's last character."""
        return self.segments[-1].end


def plain_text(raw: str) -> str:
    """``raw`` without inline markdown: bold/italic markers, backticks, link targets."""
    return _BOLD_RE.sub("", _LINK_RE.sub(r"\1", raw)).strip()


def heading_title(raw: str) -> str:
    """A heading's title: the text without ``#`` markers, bold and enclosing 【】."""
    title = plain_text(_ATX_RE.sub(r"\2", raw))
    if title.startswith("【") and title.endswith("】"):
        title = title[1:-1]
    return title.strip()


def parse_blocks(
    text: str,
    start: int = 0,
    end: int | None = None,
    citations: Sequence[tuple[int, int]] = (),
) -> list[Block]:
    """The blocks of ``text[start:end]`` in reading order, offsets in ``text``.

    ``citations`` are the spans of the report's citations (sorted): a line holding
    nothing else (``【2†source】`` under a bullet) is never a pseudo-heading."""
    stop = len(text) if end is None else end
    lines = [line for line in iter_lines(text) if line.start >= start and line.start < stop]
    lines = [Line(ln.start, min(ln.end, stop), ln.text[: stop - ln.start]) for ln in lines]
    return _BlockBuilder(lines, citations).build()


class _BlockBuilder:
    """Walks the lines once, closing a block at blank lines and block markers."""

    def __init__(self, lines: list[Line], citations: Sequence[tuple[int, int]] = ()) -> None:
        self.lines = lines
        self._starts = [line.start for line in lines]
        self._citations = list(citations)
        self._citation_starts = [s for s, _ in self._citations]
        self.blocks: list[Block] = []
        self.open: Block | None = None

    def build(self) -> list[Block]:
        index = 0
        while index < len(self.lines):
            index = self._take(index)
        self._close()
        return self.blocks

    def _take(self, index: int) -> int:
        line = self.lines[index]
        if FENCE_RE.match(line.text):
            return self._take_code(index)
        if not line.text.strip() or COMMENT_RE.match(line.text) or RULE_RE.match(line.text):
            self._close()
            return index + 1
        if line.text.lstrip().startswith("|"):
            return self._take_table(index)
        setext = self._setext_level(index)
        if setext:  # "Title\n=====": the underline is taken with it
            self._emit(
                Block("heading", [_trimmed(line, len(line.text) - len(line.text.lstrip()))], setext)
            )
            return index + 2
        heading = _ATX_RE.match(line.text)
        if heading:
            self._emit(Block("heading", [_trimmed(line, heading.start(2))], len(heading.group(1))))
            return index + 1
        quote = QUOTE_RE.match(line.text)
        if quote:
            self._continue_or_open("quote", line, quote.end())
            return index + 1
        level = self._pseudo_heading_level(index)
        if level:
            self._emit(
                Block("heading", [_trimmed(line, len(line.text) - len(line.text.lstrip()))], level)
            )
            return index + 1
        bullet = _BULLET_RE.match(line.text)
        if bullet:
            self._close()
            self.open = Block("bullet", [_trimmed(line, bullet.end())])
            return index + 1
        indented = line.text[:1].isspace()
        kind: BlockKind = (
            "bullet" if self.open and self.open.kind == "bullet" and indented else "paragraph"
        )
        self._continue_or_open(kind, line, len(line.text) - len(line.text.lstrip()))
        return index + 1

    def _take_code(self, index: int) -> int:
        self._close()
        closing = fence_end(self.lines, index)
        last = self.lines[min(closing, len(self.lines) - 1)]
        self._emit(Block("code", [Segment(self.lines[index].start, last.end)]))
        return closing + 1

    def _take_table(self, index: int) -> int:
        self._close()
        rows = index
        while rows < len(self.lines) and self.lines[rows].text.lstrip().startswith("|"):
            rows += 1
        for row in range(index, rows):
            line = self.lines[row]
            is_header = row + 1 < rows and TABLE_SEPARATOR_RE.match(self.lines[row + 1].text)
            if is_header or TABLE_SEPARATOR_RE.match(line.text):
                continue
            cells = _cells(line)
            if cells:  # one block per row: a citation cell cites the cells before it
                self._emit(Block("table_row", cells))
        return rows

    def _setext_level(self, index: int) -> int:
        """1 or 2 for a line underlined with ``===`` or ``---`` (a setext heading), 0
        otherwise; a ``---`` line under a sentence is taken for a rule, not a heading."""
        if index + 1 >= len(self.lines) or (self.open and self.open.kind != "heading"):
            return 0
        underline = _SETEXT_RE.match(self.lines[index + 1].text)
        text = self.lines[index].text.strip()
        if underline is None or not text or text.startswith(("|", ">", "-", "*", "+")):
            return 0
        if underline.group(1) == "=":
            return 1
        return 2 if len(text) <= 60 and text[-1] not in _SENTENCE_FINAL else 0

    def _only_citations(self, line: Line) -> bool:
        """Whether the line holds citations and nothing else but spaces and punctuation."""
        first = bisect.bisect_left(self._citation_starts, line.start)
        last = bisect.bisect_left(self._citation_starts, line.end)
        inside = [(s, e) for s, e in self._citations[first:last] if e <= line.end]
        if not inside:
            return False
        rest, position = [], line.start
        for span_start, span_end in inside:
            rest.append(line.text[position - line.start : span_start - line.start])
            position = span_end
        rest.append(line.text[position - line.start :])
        return not "".join(rest).strip(" \t.,;。，；、")

    def _pseudo_heading_level(self, index: int) -> int:
        """Heading level of a pseudo-heading line, 0 when the line is not one."""
        if self._only_citations(self.lines[index]):
            return 0
        content = self.lines[index].text.strip()
        if _SUBTITLED_RE.match(content) and content[-1] not in _SENTENCE_END:
            return 1  # 《报告》——副标题: the report's title, however long its subtitle
        if (
            not content
            or len(content) > _PSEUDO_HEADING_MAX
            or content[-1] in _SENTENCE_END
            or "[" in content
        ):
            return 0
        if content.startswith("《") and (
            _WRAPPED_RE.match(content) or _SUBTITLED_RE.match(content)
        ):
            return 1
        if _SECTION_ENUM_RE.match(content):
            return 2
        if _WRAPPED_RE.match(content):
            return 3
        if _ITEM_ENUM_RE.match(content) and self._body_follows(index):
            return 3
        return 0

    def _body_follows(self, index: int) -> bool:
        """Whether body text follows a numbered line that is not part of a numbered list."""
        if index + 1 >= len(self.lines):
            return False
        following = self.lines[index + 1].text.strip()
        previous = self.lines[index - 1].text.strip() if index else ""
        return bool(following) and not any(
            _ITEM_ENUM_RE.match(neighbour) for neighbour in (following, previous)
        )

    def _continue_or_open(self, kind: BlockKind, line: Line, content_start: int) -> None:
        segment = _trimmed(line, content_start)
        if self.open is not None and self.open.kind == kind:
            previous = self.open.segments[-1]
            if _soft_wrapped(self._line_at(previous.end), line, segment):
                self.open.segments[-1] = Segment(previous.start, segment.end)
            else:
                self.open.segments.append(segment)
            return
        self._close()
        self.open = Block(kind, [segment])

    def _line_at(self, offset: int) -> Line:
        """The line holding ``offset`` (a bisection: a paragraph of 100,000 lines
        stays linear)."""
        return self.lines[bisect.bisect_right(self._starts, offset) - 1]

    def _emit(self, block: Block) -> None:
        self._close()
        if block.segments[0].end > block.segments[0].start:
            self.blocks.append(block)

    def _close(self) -> None:
        if self.open is not None:
            self.blocks.append(self.open)
            self.open = None


def _trimmed(line: Line, content_start: int) -> Segment:
    """The segment of ``line`` from ``content_start``, trailing whitespace excluded."""
    content = line.text[content_start:]
    stripped = content.rstrip()
    lead = len(content) - len(content.lstrip())
    return Segment(line.start + content_start + lead, line.start + content_start + len(stripped))


def _cells(line: Line) -> list[Segment]:
    """The non-empty cells of a table row, trimmed; ``\\|`` does not split."""
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", line.text)]
    cells: list[Segment] = []
    for left, right in itertools.pairwise(bounds):
        cell = Line(line.start + left + 1, line.start + right, line.text[left + 1 : right])
        segment = _trimmed(cell, 0)
        if segment.end > segment.start:
            cells.append(segment)
    return cells


def _soft_wrapped(line: Line, segment_line: Line, segment: Segment) -> bool:
    """Whether ``line`` and the segment that follows it on ``segment_line`` are one
    wrapped Latin sentence (no hard break between them)."""
    if line.text.endswith("  ") or line.text.endswith("\\"):
        return False
    before = line.text.rstrip()[-1:]
    offset = segment.start - segment_line.start
    after = segment_line.text[offset : offset + 1]
    return bool(re.match(r"[A-Za-z0-9,;(\-]", before) and re.match(r"[A-Za-z0-9(]", after))
