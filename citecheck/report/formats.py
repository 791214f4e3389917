"""Which of the pack's citation formats a report uses, and all its citations.

Without ``pack.syntax`` every format the report shows enough markers of is used
(a report may mix them); the labelled bracket grammar of ``pack.citations`` is
always used unless another format is forced. With ``pack.syntax`` (``--syntax``,
``syntax`` in the config) only that format is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.models import Citation, CitationTarget, ReferenceEntry
from citecheck.report.citations import citation_id, find_citations
from citecheck.report.envelope import ENVELOPE_SYNTAX, Annotation
from citecheck.report.markers import (
    CompiledFormat,
    compile_formats,
    count_markers,
    find_entries,
    find_markers,
)
from citecheck.rulepack import RulePack
from citecheck.textutil import LineIndex


@dataclass(frozen=True)
class Formats:
    """The formats used for one report."""

    labelled: bool
    markers: tuple[CompiledFormat, ...]

    @property
    def names(self) -> list[str]:
        """The names of the formats used, the labelled one first."""
        return (["labelled"] if self.labelled else []) + [f.name for f in self.markers]


def detect_formats(text: str, pack: RulePack, known: frozenset[str] = frozenset()) -> Formats:
    """The formats ``text`` (the report region) is written in; ``known`` names formats
    the report file itself declares (an API response's numbered ``citations``)."""
    compiled = compile_formats(pack.formats)
    labelled_names = {f.name for f in pack.formats if f.kind == "labelled"}
    if pack.syntax is not None:
        chosen = tuple(f for f in compiled if f.name == pack.syntax)
        return Formats(labelled=pack.syntax in labelled_names, markers=chosen)
    index = LineIndex(text)
    entries = find_entries(text, compiled, 0, index)
    body = _without(text, [(e.start, e.end) for e in entries])
    used = tuple(
        f
        for f in compiled
        if f.name in known
        or (
            count_markers(body, f) >= max(1, f.format.detect_min)
            and (not f.format.requires_entries or any(e.entry.syntax == f.name for e in entries))
        )
    )
    return Formats(labelled=bool(labelled_names) or not pack.formats, markers=used)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` blanked (lengths kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def find_all_citations(
    text: str,
    pack: RulePack,
    offset: int,
    index: LineIndex,
    given: tuple[Sequence[Citation], Sequence[ReferenceEntry]] = ((), ()),
) -> tuple[list[Citation], list[ReferenceEntry]]:
    """The citations of ``text`` (the report region starting at ``offset``) in every
    format it uses, in reading order, and its reference entries.

    ``given`` holds the citations and entries the report file states outside its text
    (an API response's annotations and ``citations`` list); they come first, and a
    marker over a given citation's span is not found a second time."""
    given_citations, given_entries = given
    formats = detect_formats(text, pack, frozenset(e.syntax for e in given_entries))
    entry_lines = find_entries(text, formats.markers, offset, index)
    labelled = find_citations(text, pack, offset, index=index) if formats.labelled else []
    taken = [*given_citations, *labelled]
    skip = [(e.start, e.end) for e in entry_lines] + [(c.span.start, c.span.end) for c in taken]
    markers = find_markers(text, formats.markers, offset, index, skip)
    citations = sorted([*taken, *markers], key=lambda c: c.span.start)
    return through_definitions(citations, text, offset), [
        *given_entries,
        *(e.entry for e in entry_lines),
    ]


def through_definitions(citations: list[Citation], text: str, offset: int) -> list[Citation]:
    """Markers whose definition cites the sources itself (``[^4]`` with ``[^4]: [文档:
    pdf.pdf, page 2]`` below) cite what the definition cites, where they stand; the
    definitions' own citations, which no marker leaves unused, are left out (a
    definition line is a reference list, not a claim)."""
    defined: dict[str, list[Citation]] = {}
    for citation in citations:
        line = _line_at(text, citation.span.start - offset)
        found = _DEFINITION.match(line)
        if found and not any(t.kind == "reference" for t in citation.targets):
            defined.setdefault(found.group("key"), []).append(citation)
    if not defined:
        return citations
    used: set[str] = set()
    through: list[Citation] = []
    for citation in citations:
        keys = [t.key for t in citation.targets if t.kind == "reference" and t.key in defined]
        if not keys:
            through.append(citation)
            continue
        used.update(k for k in keys if k is not None)
        targets = [
            cited
            for target in citation.targets
            for cited in (
                [c for d in defined[target.key] for c in d.targets]
                if target.kind == "reference" and target.key in defined
                else [target]
            )
        ]
        through.append(citation.model_copy(update={"targets": targets}))
    dropped = {id(c) for key in used for c in defined[key]}
    return [c for c in through if id(c) not in dropped]


_DEFINITION = re.compile(r"^\s*\[\^?(?P<key>[\w-]+)\]\s*[:：]")
"""A footnote or reference definition line: ``[^4]: …``, ``[4]: …``."""


def definition_lines(text: str, offset: int, index: LineIndex) -> frozenset[int]:
    """The file lines of ``text`` (starting at ``offset``) that define a footnote or
    reference (``[^4]: …``): a reference list, whatever they hold, never claims."""
    lines: set[int] = set()
    position = 0
    for line in text.splitlines(keepends=True):
        if _DEFINITION.match(line):
            lines.add(index.position(offset + position)[0])
        position += len(line)
    return frozenset(lines)


def _line_at(text: str, position: int) -> str:
    """The line of ``text`` holding ``position``."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


def annotation_citations(
    text: str, annotations: Sequence[Annotation], index: LineIndex
) -> list[Citation]:
    """One URL citation per ``url_citation`` annotation, over the text range it names."""
    citations = []
    for note in annotations:
        span = index.span(note.start, note.end)
        raw = text[note.start : note.end]
        target = CitationTarget(
            kind="url",
            source=note.url,
            url=note.url,
            title=note.title,
            syntax=ENVELOPE_SYNTAX,
            raw=raw,
        )
        citations.append(Citation(id=citation_id(span), text=raw, span=span, targets=[target]))
    return citations
