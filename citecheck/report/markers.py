"""Inline citation markers and reference-list entries described by a pack's formats.

A format of kind ``markers`` (``rules/default.toml``: ``numbered``, ``chatgpt``,
``footnotes``, ``links`` …) is nothing but regular expressions: its markers
(``[2]``, ``【5†L10-L14】``, ``([Title](https://…))``) become :class:`Citation` s
whose targets carry a key or a URL, and its entries (``[1] Title: https://…``)
become the report's :class:`ReferenceEntry` list. No agent's shape is written here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pydantic import TypeAdapter

from citecheck.errors import InputError
from citecheck.models import Citation, CitationTarget, ReferenceEntry
from citecheck.report.citations import citation_id, expand_numbers
from citecheck.rulepack import CitationFormat
from citecheck.textutil import LineIndex

_FORMATS = TypeAdapter(list[CitationFormat])


@dataclass(frozen=True)
class CompiledFormat:
    """A format's marker and entry patterns, compiled once."""

    format: CitationFormat
    markers: tuple[tuple[re.Pattern[str], str], ...]
    entries: tuple[re.Pattern[str], ...]

    @property
    def name(self) -> str:
        """The format's name (``numbered``, ``chatgpt`` …)."""
        return self.format.name


def compile_formats(formats: Sequence[CitationFormat]) -> tuple[CompiledFormat, ...]:
    """The ``markers`` formats of ``formats`` compiled; :class:`InputError` for a bad regex."""
    return _compile(_FORMATS.dump_json(list(formats)).decode())


@lru_cache(maxsize=16)
def _compile(formats_json: str) -> tuple[CompiledFormat, ...]:
    compiled = []
    for fmt in _FORMATS.validate_json(formats_json):
        if fmt.kind != "markers":
            continue
        try:
            markers = tuple((re.compile(m.pattern), m.route) for m in fmt.markers)
            entries = tuple(re.compile(p, re.MULTILINE) for p in fmt.entries)
        except re.error as error:
            raise InputError(fmt.name, f"invalid citation pattern: {error}") from None
        compiled.append(CompiledFormat(fmt, markers, entries))
    return tuple(compiled)


@dataclass(frozen=True)
class EntryLine:
    """A reference entry found in the text and the offsets of its line."""

    entry: ReferenceEntry
    start: int
    end: int


def find_entries(
    text: str, formats: Sequence[CompiledFormat], offset: int, index: LineIndex
) -> list[EntryLine]:
    """Every line of ``text`` that one of ``formats``' entry patterns matches (first wins)."""
    found: list[EntryLine] = []
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        entry = _entry(body, formats)
        if entry is not None:
            start = offset + position
            entry.line = index.position(start)[0]
            found.append(EntryLine(entry, start, start + len(body)))
        position += len(line)
    return found


def _entry(line: str, formats: Sequence[CompiledFormat]) -> ReferenceEntry | None:
    for fmt in formats:
        for pattern in fmt.entries:
            match = pattern.match(line)
            if match is None or not match.groupdict().get("url"):
                continue
            groups = match.groupdict()
            title = (groups.get("title") or "").strip(" \t*_\"'“”") or None
            return ReferenceEntry(
                key=groups.get("n"), url=groups["url"], title=title, line=0, syntax=fmt.name
            )
    return None


def count_markers(text: str, fmt: CompiledFormat) -> int:
    """How many of ``fmt``'s markers ``text`` holds."""
    return sum(len(pattern.findall(text)) for pattern, _ in fmt.markers)


def find_markers(
    text: str,
    formats: Sequence[CompiledFormat],
    offset: int,
    index: LineIndex,
    skip: Sequence[tuple[int, int]] = (),
) -> list[Citation]:
    """Every marker of ``formats`` in ``text`` as a :class:`Citation` (spans in the file).

    A marker overlapping a span of ``skip`` (file offsets: reference entry lines,
    citations already found) or an earlier marker is left out.
    """
    taken = list(skip)
    found: list[Citation] = []
    for fmt in formats:
        for pattern, route in fmt.markers:
            for match in pattern.finditer(text):
                start, end = offset + match.start(), offset + match.end()
                if any(start < other_end and other_start < end for other_start, other_end in taken):
                    continue
                targets = _targets(match, route, fmt.name)
                if not targets:
                    continue
                taken.append((start, end))
                span = index.span(start, end)
                found.append(
                    Citation(id=citation_id(span), text=match.group(0), span=span, targets=targets)
                )
    return sorted(found, key=lambda citation: citation.span.start)


def _targets(match: re.Match[str], route: str, syntax: str) -> list[CitationTarget]:
    groups = match.groupdict()
    raw = match.group(0)
    if route == "url":
        url = groups.get("url")
        if not url:
            return []
        title = (groups.get("title") or "").strip() or None
        chunks: list[int] = []
        if title and (chunked := _TITLE_CHUNKS.match(title)):
            title, chunks = chunked["title"].strip(), expand_numbers(chunked["chunks"])
        return [
            CitationTarget(
                kind="url", source=url, url=url, title=title, chunks=chunks, syntax=syntax, raw=raw
            )
        ]
    keys = [str(n) for n in expand_numbers(groups["refs"])] if groups.get("refs") else []
    if groups.get("ref"):
        keys.append(groups["ref"])
    lines = _lines(groups.get("line_start"), groups.get("line_end"))
    return [
        CitationTarget(kind="reference", source=key, key=key, lines=lines, syntax=syntax, raw=raw)
        for key in dict.fromkeys(keys)
    ]


_TITLE_CHUNKS = re.compile(
    r"^(?P<title>.+?)[,，]\s*(?:chunks?|块)\s*(?P<chunks>\d+(?:\s*[-–,，、]\s*\d+)*)\s*$",
    re.IGNORECASE,
)
"""A link's text that names the chunks of the page it cites: ``Title, chunk 2``."""


def _lines(first: str | None, last: str | None) -> list[int]:
    if not first:
        return []
    return expand_numbers(f"{first}-{last}" if last else first)
