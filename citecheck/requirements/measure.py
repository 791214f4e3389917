"""How a report measures up: its length, the lengths it states about itself, and the
required sections its headings lack.

Length is counted the way the request measures it: a length in 字 (and the
rule pack's default) counts ``cjk_chars+latin_words``: every CJK character
counts one, every run of Latin letters/digits counts one; a length in words
counts ``words``: Latin words plus Chinese words as jieba segments them. Markup
and punctuation count nothing, and citation brackets are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from citecheck.errors import InputError
from citecheck.models import Report, Span
from citecheck.requirements.derive import Counting, to_int
from citecheck.rulepack import LengthRequirement, Requirements, RulePack, SectionRequirement
from citecheck.textutil import (
    CJK_RE,
    CJK_RUN_RE,
    LATIN_WORD_RE,
    LineIndex,
    count_length,
    detect_lang,
)

SECTION_NAME_MIN = 2 / 3
"""Share of a Chinese section name's characters a heading must hold, in order."""


@dataclass(frozen=True)
class SelfReportedLength:
    """A length the report states about itself, e.g. ``共约2250字``."""

    value: int
    span: Span
    text: str


def region_bounds(report: Report) -> tuple[int, int]:
    """Offsets ``(start, end)`` of the report region inside ``report.text``."""
    lines = LineIndex(report.text)
    start = lines.line_start(min(max(report.region_start_line, 1), lines.line_count))
    last = report.region_end_line
    end = (
        len(report.text) if last is None or last >= lines.line_count else lines.line_start(last + 1)
    )
    return start, end


def region_start_span(report: Report) -> Span:
    """A zero-width span at the start of the report region (for report-level findings)."""
    start, _ = region_bounds(report)
    return LineIndex(report.text).span(start, start)


def count_words(text: str) -> int:
    """Latin words plus Chinese words (jieba's segmentation, imported on first use)."""
    from citecheck.attribution.chinese import chinese_words

    latin = len(LATIN_WORD_RE.findall(CJK_RE.sub(" ", text)))
    return latin + sum(len(chinese_words(run)) for run in CJK_RUN_RE.findall(text))


def count_report_length(
    report: Report, exclude_citations: bool = True, counting: Counting = "cjk_chars+latin_words"
) -> int:
    """The report region's length as ``counting`` measures it, citations left out."""
    measure = count_words if counting == "words" else count_length
    start, end = region_bounds(report)
    if not exclude_citations:
        return measure(report.text[start:end])
    pieces: list[str] = []
    cursor = start
    for citation in sorted(report.citations, key=lambda c: c.span.start):
        if citation.span.end <= cursor or citation.span.start >= end:
            continue
        pieces.append(report.text[cursor : max(cursor, citation.span.start)])
        cursor = citation.span.end
    pieces.append(report.text[cursor:end])
    return measure(" ".join(pieces))


def describe_counting(length: LengthRequirement) -> str:
    """The counting convention in words, for messages."""
    words = (
        "Latin words plus Chinese words"
        if length.counting == "words"
        else "CJK characters plus Latin words"
    )
    return f"{words}, citations excluded" if length.exclude_citations else words


def self_reported_lengths(report: Report, pack: RulePack) -> list[SelfReportedLength]:
    """Every length the report region states about itself, in order, one per position."""
    start, end = region_bounds(report)
    region = report.text[start:end]
    found: dict[int, SelfReportedLength] = {}
    lines = LineIndex(report.text)
    for pattern in _compile_all(pack.requirements.self_reported_length_patterns, pack.name):
        for match in pattern.finditer(region):
            number = match.group("n") if "n" in pattern.groupindex else match.group(1)
            where = start + match.start()
            if where not in found:
                span = lines.span(where, start + match.end())
                found[where] = SelfReportedLength(to_int(number), span, match.group(0))
    return [found[k] for k in sorted(found)]


def missing_sections(report: Report, requirements: Requirements) -> list[SectionRequirement]:
    """The required sections no heading of the report matches.

    Headings are the parser's sections, which include the plain-text headings
    these reports use (``（1）论文基本信息``, ``**Summary**``).

    A heading matches a section when one of its patterns is found in it or, for a
    Chinese section name, when the heading holds at least :data:`SECTION_NAME_MIN`
    of the name's characters in order: ``（三）关键技术深度解析`` is the requested
    ``关键技术解析`` and ``（四）视频讲解与分析补充`` is ``视频补充要点``.
    """
    headings = [section.title for section in report.sections]
    return [s for s in requirements.sections if not any(_matches(s, h) for h in headings)]


def _matches(section: SectionRequirement, heading: str) -> bool:
    if any(p.search(heading) for p in _compile_all(section.patterns, section.name)):
        return True
    name = section.name
    if detect_lang(name) != "zh":
        return False
    return LCSseq.similarity(name, heading) >= SECTION_NAME_MIN * len(name)


def _compile_all(patterns: list[str], owner: str) -> list[re.Pattern[str]]:
    try:
        return [re.compile(p, re.IGNORECASE) for p in patterns]
    except re.error as error:
        raise InputError(f"rule pack ({owner})", f"invalid pattern: {error}") from None
