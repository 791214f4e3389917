"""Builders of reports, claims, citations and units, made directly (no parser run)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.models import (
    Citation,
    CitationTarget,
    Claim,
    Report,
    Resolution,
    Section,
    SourceUnit,
    Span,
)
from citecheck.report.citations import citation_id, find_citations
from citecheck.rulepack import RulePack, load_pack
from citecheck.textutil import LineIndex
from tests.fakes.pdf import FakePdf

_BULLET = re.compile(r"^\s*(?:[-*+]\s+|>\s*)")


def make_report(text: str, pack: RulePack, path: str = "report.md") -> Report:
    """One claim per non-empty line, citations found by the real parser; '#' lines
    are headings that open sections; bullets are stripped."""
    claims: list[Claim] = []
    sections: list[Section] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            heading = re.match(r"^(#+)\s*(.*)$", stripped)
            body = heading.group(2) if heading else _BULLET.sub("", stripped)
            start = offset + line.index(body)
            span = Span(
                line=number,
                column=line.index(body) + 1,
                end_line=number,
                end_column=len(line) + 1,
                start=start,
                end=offset + len(line),
            )
            if heading:
                sections.append(
                    Section(title=body, level=len(heading.group(1)), line=number, end_line=number)
                )
            claims.append(
                Claim(
                    id=f"c{number}",
                    text=body,
                    raw=line,
                    span=span,
                    citations=find_citations(body, pack, offset=start),
                    section=sections[-1].title if sections else None,
                    block="heading" if heading else "paragraph",
                    lang="zh" if re.search(r"[\u4e00-\u9fff]", body) else "en",
                )
            )
        offset += len(line) + 1
    return Report(
        path=path,
        text=text,
        sections=sections,
        claims=claims,
        citations=[c for claim in claims for c in claim.citations],
    )


def build_report(text: str, query: str | None = None, **fields: object) -> Report:
    """A report whose every line is one claim carrying the brackets written on it."""
    citations = find_citations(text, load_pack("default"))
    lines = LineIndex(text)
    claims: list[Claim] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        end = offset + len(line)
        own = [c for c in citations if offset <= c.span.start < end]
        if line.strip():
            span = lines.span(offset, end)
            claims.append(Claim(id=f"c{number}", text=line, raw=line, span=span, citations=own))
        offset = end + 1
    return Report(
        path="report.md",
        text=text,
        claims=claims,
        citations=citations,
        query=query,
        **fields,  # type: ignore[arg-type]
    )


def make_span(line: int, column: int = 1, length: int = 20) -> Span:
    """A one-line span."""
    return Span(
        line=line, column=column, end_line=line, end_column=column + length, start=0, end=length
    )


def make_citation(
    text: str = "[文档: pdf.pdf, page 3]",
    source: str = "pdf.pdf",
    pages: Sequence[int] = (3,),
    line: int = 1,
    column: int = 30,
) -> Citation:
    """A citation bracket naming pages of one file."""
    target = CitationTarget(kind="file", source=source, pages=list(pages), raw=text)
    span = make_span(line, column, len(text))
    return Citation(id=citation_id(span), text=text, span=span, targets=[target])


def make_claim(
    text: str,
    line: int = 1,
    citations: Sequence[Citation] = (),
    **fields: object,
) -> Claim:
    """A claim on one line."""
    return Claim(
        id=f"c{line}",
        text=text,
        raw=text,
        span=make_span(line, length=len(text)),
        citations=list(citations),
        **fields,  # type: ignore[arg-type]
    )


def make_unit(text: str, page: int, source: str = "pdf.pdf", index: int = 0) -> SourceUnit:
    """A PDF passage."""
    return SourceUnit(
        source=source, kind="passage", locator=f"page {page}", text=text, page=page, chunk=index
    )


def make_resolution(
    citation: Citation, units: Sequence[SourceUnit] = (), **fields: object
) -> Resolution:
    """A resolution of the citation's first target, resolved unless told otherwise."""
    values: dict[str, object] = {"status": "resolved", **fields}
    return Resolution(
        citation=citation,
        target=citation.targets[0],
        units=list(units),
        **values,  # type: ignore[arg-type]
    )


def pdf_with_pages(texts: dict[int, str]) -> FakePdf:
    """A fake PDF whose page N holds one passage with ``texts[N]``."""
    return FakePdf({page: [make_unit(text, page)] for page, text in texts.items()})
