"""From a report file to a :class:`Report`: sections, claims and citations.

decode → locate the report region → markdown blocks → sentences → claims. Every
span is in the whole file, so a finding's line is the file's line. A citation
that closes a paragraph or bullet also covers the uncited sentences before it
(``inherited=True``); a line that holds only citations yields no claim: its
citations close the text above it in the same block (``【2†source】`` under a bullet).
A reference-list entry (``[3] Title — url``) is never a claim, with or without a
heading above the list.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from citecheck.gcpause import collector_paused
from citecheck.models import Citation, Claim, Report, Section
from citecheck.report.envelope import Envelope, read_report_file
from citecheck.report.extract import locate_report
from citecheck.report.formats import annotation_citations, find_all_citations
from citecheck.report.markdown import Block, heading_title, parse_blocks, plain_text
from citecheck.report.repair import map_back, repaired_view
from citecheck.report.sentences import split_sentences
from citecheck.report.suppress import parse_suppressions
from citecheck.rulepack import RulePack
from citecheck.textutil import LineIndex, detect_lang, looks_damaged

_NO_CONTENT_RE = re.compile(r"[\W_]+")
_LIST_MARK_RE = re.compile(r"^(?:[-*+•]|\d{1,2}[.)、](?!\d)|[①-⑳])\s*")


def parse_report(path: str | Path, pack: RulePack) -> Report:
    """Read and parse the report file at ``path``; :class:`InputError` if unusable.

    Mojibake is parsed on its repair, with spans mapped back to the file as written
    (see :mod:`citecheck.report.repair`); ``damaged_encoding`` stays set. An API
    response (``.json``) is parsed on its answer text (:mod:`citecheck.report.envelope`).
    """
    read = read_report_file(path)
    decoded = read.decoded
    if read.envelope is not None:
        report = parse_text(read.envelope.text, str(path), pack, read.envelope)
    else:
        view = repaired_view(decoded.text) if decoded.damaged else None
        report = parse_text(view.text if view else decoded.text, str(path), pack)
        if view is not None:
            report = map_back(report, view)
        report.damaged_encoding = decoded.damaged
    report.encoding = decoded.encoding
    return report


def parse_text(text: str, path: str, pack: RulePack, envelope: Envelope | None = None) -> Report:
    """Parse already decoded ``text``; ``path`` is only recorded in the result.
    ``envelope`` is the API response ``text`` came from, if it did."""
    with collector_paused():
        return _parse(text, path, pack, envelope)


def _parse(text: str, path: str, pack: RulePack, envelope: Envelope | None) -> Report:
    region = locate_report(text, pack.layout)
    index = LineIndex(text)
    annotated = annotation_citations(text, envelope.annotations, index) if envelope else []
    found = find_all_citations(
        text[region.start : region.end],
        pack,
        region.start,
        index,
        given=(
            [c for c in annotated if region.start <= c.span.start < region.end],
            envelope.references if envelope else [],
        ),
    )
    spans = [(c.span.start, c.span.end) for c in found.citations]
    blocks = parse_blocks(text, region.start, region.end, spans)
    code = [(b.start, b.end) for b in blocks if b.kind == "code"]
    citations = [
        c for c in found.citations if not any(start <= c.span.start < end for start, end in code)
    ]
    sections = _sections(text, blocks, index, pack, region.end)
    entry_lines = found.list_lines
    references = found.references
    builder = _ClaimBuilder(text, index, citations, sections, entry_lines)
    for block in blocks:
        if block.kind != "code":
            builder.add_block(block)
    return Report(
        path=path,
        text=text,
        damaged_encoding=looks_damaged(text[region.start : region.end]),
        region_start_line=index.position(region.start)[0],
        region_end_line=index.position(max(region.start, region.end - 1))[0],
        sections=sections,
        claims=builder.claims,
        citations=citations,
        references=references,
        suppressions=parse_suppressions(text),
        query=region.query,
        text_origin=envelope.origin if envelope else None,
        embedded_sources=envelope.sources if envelope else [],
    )


def _sections(
    text: str, blocks: list[Block], index: LineIndex, pack: RulePack, region_end: int
) -> list[Section]:
    """One section per heading; it ends before the next heading of its level or above."""
    headings = [b for b in blocks if b.kind == "heading"]
    last_line = index.position(max(0, region_end - 1))[0]
    reference_titles = [t.casefold() for t in pack.layout.reference_section_titles]
    sections: list[Section] = []
    for block, following in zip(headings, _next_at_or_above(headings), strict=True):
        title = heading_title(text[block.start : block.end])
        end_line = index.position(following.start)[0] - 1 if following else last_line
        sections.append(
            Section(
                title=title,
                level=block.level,
                line=index.position(block.start)[0],
                end_line=end_line,
                is_reference_list=any(t in title.casefold() for t in reference_titles),
            )
        )
    return sections


def _next_at_or_above(headings: list[Block]) -> list[Block | None]:
    """For each heading, the next heading of its level or above (None at the end)."""
    following: list[Block | None] = [None] * len(headings)
    waiting: list[int] = []  # headings still looking, levels strictly increasing
    for position, heading in enumerate(headings):
        while waiting and headings[waiting[-1]].level >= heading.level:
            following[waiting.pop()] = heading
        waiting.append(position)
    return following


@dataclass
class _ClaimBuilder:
    """Turns blocks into claims, numbering them per line (``L12.1``, ``L12.2``)."""

    text: str
    index: LineIndex
    citations: list[Citation]
    sections: list[Section]
    entry_lines: frozenset[int] = frozenset()  # reference-list entries, wherever they stand

    def __post_init__(self) -> None:
        self.claims: list[Claim] = []
        self._per_line: dict[int, int] = {}
        self._citation_starts = [c.span.start for c in self.citations]
        self._section_lines = [s.line for s in self.sections]
        self._parents = _section_parents(self.sections)

    def add_block(self, block: Block) -> None:
        """Add the claims of one block and let a closing citation cover earlier sentences."""
        block_claims: list[Claim] = []
        for segment in block.segments:
            held = self._citation_spans(segment.start, segment.end)
            found = 0
            for start, end in split_sentences(self.text[segment.start : segment.end], held):
                claim = self._claim(block, segment.start + start, segment.start + end)
                if claim is not None:
                    block_claims.append(claim)
                    found += 1
            if block.kind == "table_row" and found:  # a cell's closing citation covers the cell
                _inherit_closing_citations(block_claims[-found:])
            if held and not found and block_claims:  # a line of citations closes the text above
                cited = self._citations_in(segment.start, segment.end)
                if block.kind == "table_row":  # a source column cites its row's uncited cells
                    for claim in block_claims:
                        if not claim.citations:
                            claim.citations = list(cited)
                            claim.inherited = True
                else:
                    block_claims[-1].citations.extend(cited)
        if block.kind not in ("heading", "table_row"):  # a cell's own citation is its own
            _inherit_closing_citations(block_claims)
        self.claims.extend(block_claims)

    def _citations_in(self, start: int, end: int) -> list[Citation]:
        """The citations inside ``[start, end)``."""
        first = bisect.bisect_left(self._citation_starts, start)
        last = bisect.bisect_left(self._citation_starts, end)
        return [c for c in self.citations[first:last] if c.span.end <= end]

    def _citation_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The citations inside ``[start, end)``, relative to ``start``."""
        return [(c.span.start - start, c.span.end - start) for c in self._citations_in(start, end)]

    def _claim(self, block: Block, start: int, end: int) -> Claim | None:
        raw = self.text[start:end]
        inside = self._citations_in(start, end)
        stripped = raw
        for citation in inside:
            stripped = stripped.replace(citation.text, " ")
        claim_text = re.sub(r"\s+", " ", plain_text(_LIST_MARK_RE.sub("", stripped))).strip()
        if block.kind == "heading":
            claim_text = heading_title(claim_text)
        if not _NO_CONTENT_RE.sub("", claim_text):
            return None
        span = self.index.span(start, end)
        number = self._per_line.get(span.line, 0) + 1
        self._per_line[span.line] = number
        section = self._section_at(span.line, block)
        return Claim(
            id=f"L{span.line}.{number}",
            text=claim_text,
            raw=raw,
            span=span,
            citations=inside,
            section=section.title if section else None,
            block=block.kind,
            lang=detect_lang(claim_text),
            in_reference_list=bool(section and section.is_reference_list)
            or span.line in self.entry_lines,
        )

    def _section_at(self, line: int, block: Block) -> Section | None:
        """The innermost section holding ``line`` (a heading belongs to its parent)."""
        position: int | None = bisect.bisect_right(self._section_lines, line) - 1
        while position is not None and position >= 0:
            section = self.sections[position]
            heading_itself = block.kind == "heading" and section.line == line
            if section.end_line >= line and not heading_itself:
                return section
            position = self._parents[position]
        return None


def _section_parents(sections: list[Section]) -> list[int | None]:
    """The index of each section's enclosing section (a heading of a lower level)."""
    parents: list[int | None] = []
    open_sections: list[int] = []
    for position, section in enumerate(sections):
        while open_sections and sections[open_sections[-1]].level >= section.level:
            open_sections.pop()
        parents.append(open_sections[-1] if open_sections else None)
        open_sections.append(position)
    return parents


def _inherit_closing_citations(claims: list[Claim]) -> None:
    """Give each run of uncited claims the citations of the cited claim that closes it."""
    closing: Claim | None = None
    for claim in reversed(claims):
        if claim.citations:
            closing = claim
        elif closing is not None:
            claim.citations = list(closing.citations)
            claim.inherited = True
