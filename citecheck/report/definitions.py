"""Source lists whose entries cite the sources themselves, followed from their markers.

Agents that number their citations define each number in a list: a Markdown footnote
``[^4]: [文档: pdf.pdf, page 2]``, or a numbered source list ``[4] pdf.pdf, page 2`` /
``[7] long_context: "<title>", chunk 1`` / ``4. video.mp4, 06:00``. An entry whose text
reads as a citation (bracketed or not) defines its number: every marker of that number
(``[^4]``, ``[4]``) cites those targets where it stands, the entry's own bracket is left
out, and the entry's line is a reference list, never a claim. An entry that is a URL is
the marker formats' business (:mod:`citecheck.report.markers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.models import Citation, CitationTarget
from citecheck.report.citations import find_citations
from citecheck.rulepack import RulePack

_ENTRY = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\[\^?(?P<key>[\w-]+)\]\s*[:：]?|【(?P<mark>\d{1,3})†[^】]*】\s*[:：]?"
    r"|(?P<number>\d{1,3})[.)、])\s*(?P<body>\S.*?)\s*$"
)
"""A source-list entry: ``[^4]: …``, ``[4]: …``, ``[4] …``, ``【4†source】 …``, ``4. …``."""
_SENTENCE_END = re.compile(r"[。！？!?]\s*$|\.\s*$")
"""A line ending like a sentence is prose that opens with a marker, not a list entry."""
_SOURCE_LABEL = "Source: "
"""A label put before an unlabelled entry (``pdf.pdf, page 2``) so that it reads as a
file citation."""


@dataclass
class Definitions:
    """What each number of a report's source list cites, and the lines defining them."""

    targets: dict[str, list[CitationTarget]] = field(default_factory=dict)
    lines: set[int] = field(default_factory=set)
    own: dict[str, set[str]] = field(default_factory=dict)  # key: ids of its entry's brackets
    openers: set[int] = field(default_factory=set)  # lines opening with an entry's number


def read_definitions(
    text: str, offset: int, citations: list[Citation], pack: RulePack, first_line: int
) -> Definitions:
    """The entries of ``text`` (the report region, starting at file ``offset`` on file
    line ``first_line``) that cite sources: their bracketed citations among
    ``citations``, else their text read as a citation."""
    found = Definitions()
    by_line: dict[int, list[Citation]] = {}
    for citation in citations:
        if not any(t.kind == "reference" for t in citation.targets):
            by_line.setdefault(citation.span.line, []).append(citation)
    for number, line in enumerate(text.splitlines(), start=first_line):
        entry = _ENTRY.match(line)
        if entry is None:
            continue
        key = entry.group("key") or entry.group("mark") or entry.group("number")
        body = entry.group("body")
        if not _SENTENCE_END.search(
            body
        ):  # a list entry, whatever it names: its number cites nothing
            found.openers.add(number)
        written = by_line.get(number, []) if body.startswith("[") else []
        targets = [t for c in written for t in c.targets] or _read_as_citation(body, pack)
        if not targets or (entry.group("number") and not written and not _names_a_file(targets)):
            continue
        found.targets.setdefault(key, []).extend(targets)
        found.lines.add(number)
        found.own.setdefault(key, set()).update(c.id for c in written)
    return found


def _read_as_citation(body: str, pack: RulePack) -> list[CitationTarget]:
    """The targets of an entry's text read as a bracket (``long_context: "T", chunk 1``),
    or as a file citation when it opens with a file name (``pdf.pdf, page 2``)."""
    for candidate in (body, _SOURCE_LABEL + body):
        if "[" in candidate or "]" in candidate:
            return []
        parsed = find_citations(f"[{candidate}]", pack)
        targets = [t for c in parsed for t in c.targets if t.kind != "reference"]
        if targets:
            return targets
    return []


def _names_a_file(targets: list[CitationTarget]) -> bool:
    """Whether a numbered line's targets name a source (a file or a collection): a
    numbered list item of prose ("1. Lee and Kim (2023) …") defines nothing."""
    return any(t.kind in ("file", "collection") for t in targets)


def follow(citations: list[Citation], definitions: Definitions) -> list[Citation]:
    """Markers of a defined number cite its targets where they stand; an entry's own
    citations are left out once a marker uses its number (an unused one stays)."""
    if not definitions.targets and not definitions.openers:
        return citations
    followed: list[Citation] = []
    used: set[str] = set()
    for citation in citations:
        on_entry = citation.span.line in definitions.lines | definitions.openers
        if on_entry and all(t.kind == "reference" for t in citation.targets):
            continue  # the number opening an entry ("[4] pdf.pdf, page 2") cites nothing
        if not any(_defined(t, definitions) for t in citation.targets):
            followed.append(citation)
            continue
        targets: list[CitationTarget] = []
        for target in citation.targets:
            if _defined(target, definitions) and target.key is not None:
                used.add(target.key)
                targets.extend(definitions.targets[target.key])
            else:
                targets.append(target)
        followed.append(citation.model_copy(update={"targets": targets}))
    dropped = {ident for key in used for ident in definitions.own.get(key, ())}
    return [c for c in followed if c.id not in dropped]


def _defined(target: CitationTarget, definitions: Definitions) -> bool:
    return target.kind == "reference" and target.key in definitions.targets
