"""Which of the pack's citation formats a report uses, and all its citations.

Without ``pack.syntax`` every format the report shows enough markers of is used
(a report may mix them); the labelled bracket grammar of ``pack.citations`` is
always used unless another format is forced. With ``pack.syntax`` (``--syntax``,
``syntax`` in the config) only that format is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.models import Citation, CitationTarget, ReferenceEntry
from citecheck.report.authordate import author_date_citations
from citecheck.report.citations import citation_id, find_citations
from citecheck.report.definitions import follow, read_definitions
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


@dataclass(frozen=True)
class Found:
    """A report's citations, its reference entries, and the file lines of its
    reference and source lists (never claims)."""

    citations: list[Citation]
    references: list[ReferenceEntry]
    list_lines: frozenset[int]


def find_all_citations(
    text: str,
    pack: RulePack,
    offset: int,
    index: LineIndex,
    given: tuple[Sequence[Citation], Sequence[ReferenceEntry]] = ((), ()),
) -> Found:
    """The citations of ``text`` (the report region starting at ``offset``) in every
    format it uses, in reading order (markers of a source list that cites the sources
    itself followed to what it cites: :mod:`citecheck.report.definitions`), its
    reference entries, and the lines of its lists.

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
    dated, dated_lines = author_date_citations(text, offset, index)
    spans = [*skip, *((c.span.start, c.span.end) for c in markers)]
    dated = [c for c in dated if not any(c.span.start < e and s < c.span.end for s, e in spans)]
    citations = sorted([*taken, *markers, *dated], key=lambda c: c.span.start)
    defined = read_definitions(text, offset, citations, pack, index.position(offset)[0])
    entries = [*given_entries, *(e.entry for e in entry_lines)]
    lines = (
        frozenset(defined.lines) | dated_lines | {e.entry.line for e in entry_lines if e.entry.line}
    )
    return Found(follow(citations, defined), entries, lines)


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
