"""Which of the pack's citation formats a report uses, and all its citations.

Without ``pack.syntax`` every format the report shows enough markers of is used
(a report may mix them); the labelled bracket grammar of ``pack.citations`` is
always used unless another format is forced. With ``pack.syntax`` (``--syntax``,
``syntax`` in the config) only that format is.
"""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.models import Citation, ReferenceEntry
from citecheck.report.citations import find_citations
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


def detect_formats(text: str, pack: RulePack) -> Formats:
    """The formats ``text`` (the report region) is written in."""
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
        if count_markers(body, f) >= max(1, f.format.detect_min)
        and (not f.format.requires_entries or any(e.entry.syntax == f.name for e in entries))
    )
    return Formats(labelled=bool(labelled_names) or not pack.formats, markers=used)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` blanked (lengths kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def find_all_citations(
    text: str, pack: RulePack, offset: int, index: LineIndex
) -> tuple[list[Citation], list[ReferenceEntry]]:
    """The citations of ``text`` (the report region starting at ``offset``) in every
    format it uses, in reading order, and its reference entries."""
    formats = detect_formats(text, pack)
    entry_lines = find_entries(text, formats.markers, offset, index)
    labelled = find_citations(text, pack, offset, index=index) if formats.labelled else []
    skip = [(e.start, e.end) for e in entry_lines] + [(c.span.start, c.span.end) for c in labelled]
    markers = find_markers(text, formats.markers, offset, index, skip)
    citations = sorted([*labelled, *markers], key=lambda c: c.span.start)
    return citations, [e.entry for e in entry_lines]
