"""How a report measures up: its length, the lengths it states about itself, and the
required sections its headings lack.

There is no one true length of a Chinese text, so a report is measured several
reasonable ways (:func:`measure_report_length`) and a rule speaks only where all of
them agree. A length in 字 (and the rule pack's default, ``cjk_chars+latin_words``)
is counted first as a word processor's 字数 (Word, WPS: Han characters, CJK and
full-width punctuation, and every Latin word or number as one), then as Han
characters plus Latin words, then as all non-whitespace characters. A length in
words is counted as Latin words plus Chinese words as jieba segments them, and,
for an English report, as whitespace-separated words. Citation brackets are left
out unless the requirement says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from citecheck.models import Report, Section, Span
from citecheck.report.markdown import TABLE_SEPARATOR_RE
from citecheck.requirements.derive import (
    Counting,
    heading_number,
    region_bounds,
    report_language,
    to_int,
)
from citecheck.requirements.patterns import pack_owner, pack_patterns
from citecheck.rulepack import (
    LengthRequirement,
    Requirements,
    RulePack,
    SectionRequirement,
    TableRequirement,
)
from citecheck.textutil import (
    CJK_RE,
    CJK_RUN_RE,
    LATIN_WORD_RE,
    LineIndex,
    count_length,
    count_non_whitespace,
    count_whitespace_words,
    count_word_processor,
    detect_lang,
)

SECTION_NAME_MIN = 2 / 3
"""Share of a section name (Chinese characters, English content words) a heading
must hold, in order, to be a paraphrase of it."""


@dataclass(frozen=True)
class SelfReportedLength:
    """A length the report states about itself, e.g. ``共约2250字``."""

    value: int
    span: Span
    text: str


@dataclass(frozen=True)
class LengthCount:
    """The report's length by one way of counting."""

    value: int
    method: str


@dataclass(frozen=True)
class LengthMeasure:
    """The report's length by every reasonable way of counting it; the first is the
    word processor's, the one messages quote."""

    counts: tuple[LengthCount, ...]
    citations_excluded: bool

    @property
    def primary(self) -> LengthCount:
        """The word processor's count."""
        return self.counts[0]

    def outside(self, length: LengthRequirement) -> list[LengthCount]:
        """The counts outside ``length``'s bounds."""
        return [c for c in self.counts if _below(c.value, length) or _above(c.value, length)]

    def all_outside(self, length: LengthRequirement) -> bool:
        """Whether the report is too short, or too long, whichever way it is counted."""
        return all(_below(c.value, length) for c in self.counts) or all(
            _above(c.value, length) for c in self.counts
        )

    def describe(self, count: LengthCount) -> str:
        """``1863 (Han characters plus Latin words, citations excluded)``."""
        excluded = ", citations excluded" if self.citations_excluded else ""
        return f"{count.value} ({count.method}{excluded})"

    def others(self) -> str:
        """The counts after the first, for messages: ``1700 Han characters …; 2600 …``."""
        return "; ".join(f"{c.value} {c.method}" for c in self.counts[1:])


def _below(value: int, length: LengthRequirement) -> bool:
    return length.min is not None and value < length.min


def _above(value: int, length: LengthRequirement) -> bool:
    return length.max is not None and value > length.max


def region_start_span(report: Report) -> Span:
    """A zero-width span at the start of the report region (for report-level findings)."""
    start, _ = region_bounds(report)
    return LineIndex(report.text).span(start, start)


def count_words(text: str) -> int:
    """Latin words plus Chinese words (jieba's segmentation, imported on first use)."""
    from citecheck.attribution.chinese import chinese_words

    latin = len(LATIN_WORD_RE.findall(CJK_RE.sub(" ", text)))
    return latin + sum(len(chinese_words(run)) for run in CJK_RUN_RE.findall(text))


def report_body(report: Report, exclude_citations: bool = True) -> str:
    """The report region's text, citation brackets left out unless told otherwise."""
    start, end = region_bounds(report)
    if not exclude_citations:
        return report.text[start:end]
    pieces: list[str] = []
    cursor = start
    for citation in sorted(report.citations, key=lambda c: c.span.start):
        if citation.span.end <= cursor or citation.span.start >= end:
            continue
        pieces.append(report.text[cursor : max(cursor, citation.span.start)])
        cursor = citation.span.end
    pieces.append(report.text[cursor:end])
    return " ".join(pieces)


def measure_report_length(report: Report, length: LengthRequirement) -> LengthMeasure:
    """The report region's length by every reasonable count for ``length``'s unit."""
    body = report_body(report, length.exclude_citations)
    if length.counting == "words":
        counts = [LengthCount(count_words(body), "Latin words plus Chinese words")]
        if report_language(report) == "en":
            counts.append(LengthCount(count_whitespace_words(body), "whitespace-separated words"))
    else:
        counts = [
            LengthCount(
                count_word_processor(body),
                "word-processor 字数: Han characters, CJK punctuation, Latin words and numbers",
            ),
            LengthCount(count_length(body), "Han characters plus Latin words"),
            LengthCount(count_non_whitespace(body), "non-whitespace characters"),
        ]
    return LengthMeasure(tuple(counts), length.exclude_citations)


def count_report_length(
    report: Report, exclude_citations: bool = True, counting: Counting = "cjk_chars+latin_words"
) -> int:
    """The report region's length as a word processor counts it in ``counting``'s
    unit (the first count of :func:`measure_report_length`)."""
    requirement = LengthRequirement(counting=counting, exclude_citations=exclude_citations)
    return measure_report_length(report, requirement).primary.value


def self_reported_lengths(report: Report, pack: RulePack) -> list[SelfReportedLength]:
    """Every length the report region states about itself, in order, one per position."""
    start, end = region_bounds(report)
    region = report.text[start:end]
    found: dict[int, SelfReportedLength] = {}
    lines = LineIndex(report.text)
    for pattern in pack_patterns(pack.requirements.self_reported_length_patterns, pack_owner(pack)):
        for match in pattern.finditer(region):
            number = match.group("n") if "n" in pattern.groupindex else match.group(1)
            where = start + match.start()
            if where not in found:
                span = lines.span(where, start + match.end())
                found[where] = SelfReportedLength(to_int(number), span, match.group(0))
    return [found[k] for k in sorted(found)]


@dataclass(frozen=True)
class MissingSection:
    """A required section no heading matches; ``substitute`` is the heading that
    holds its number under another name (``（4）总结与思考`` where ``（4）视频补充要点``
    was asked for), None when there is none."""

    section: SectionRequirement
    substitute: Section | None = None


def missing_sections(
    report: Report, requirements: Requirements, owner: str = "rule pack"
) -> list[MissingSection]:
    """The required sections no heading of the report matches.

    Headings are the parser's sections, which include the plain-text headings
    these reports use (``（1）论文基本信息``, ``**Summary**``).

    A heading matches a section when one of its patterns is found in it or when it
    paraphrases the name (:func:`paraphrases`): ``（三）关键技术深度解析`` is the
    requested ``关键技术解析`` and ``（四）视频讲解与分析补充`` is ``视频补充要点``.

    A numbered section that is missing gets the heading with its number as its
    substitute, when that heading answers no other required section and is numbered
    in the style of the headings that do match numbered sections (so a sub-heading
    ``4. …`` under section 3 is never taken for section （4））.

    ``owner`` names the patterns' source in errors (:func:`pack_owner`).
    """
    sections = report.sections
    matched: dict[int, list[int]] = {}
    for index, section in enumerate(requirements.sections):
        matched[index] = [i for i, s in enumerate(sections) if _matches(section, s.title, owner)]
    used = {i for found in matched.values() for i in found}
    styles = {
        number[0]
        for index, found in matched.items()
        if requirements.sections[index].number is not None
        for i in found
        if (number := heading_number(sections[i].title)) is not None
    }
    missing: list[MissingSection] = []
    for index, section in enumerate(requirements.sections):
        if matched[index]:
            continue
        substitute = next(
            (
                s
                for i, s in enumerate(sections)
                if section.number is not None
                and i not in used
                and heading_number(s.title) in {(style, section.number) for style in styles}
            ),
            None,
        )
        missing.append(MissingSection(section, substitute))
    return missing


@dataclass(frozen=True)
class MissingTable:
    """A table the request asks for that the report does not hold where it is asked
    for: ``section`` is the report's heading of the section it was asked in (None when
    the request names none or no heading answers it); ``elsewhere`` whether the report
    holds a table outside that section."""

    requirement: TableRequirement
    section: Section | None
    elsewhere: bool
    rows: int | None = None  # the body rows of the longest table there, when too few


def table_lines(report: Report) -> list[int]:
    """The lines of the report region where a table starts: a Markdown table's
    separator row (``|---|---|``) or an HTML ``<table>``."""
    first = report.region_start_line
    last = report.region_end_line or len(report.text.splitlines())
    return [
        number
        for number, line in enumerate(report.text.splitlines(), start=1)
        if first <= number <= last
        and ((TABLE_SEPARATOR_RE.match(line) and "|" in line) or "<table" in line.casefold())
    ]


def missing_tables(
    report: Report, requirements: Requirements, owner: str = "rule pack"
) -> list[MissingTable]:
    """The required tables the report lacks: none in the section the request names (when
    a heading answers it), or none at all."""
    tables = table_lines(report)
    sections = {s.name: s for s in requirements.sections}
    missing: list[MissingTable] = []
    for requirement in requirements.tables:
        name = requirement.section
        wanted = sections.get(name, SectionRequirement(name=name, patterns=[])) if name else None
        heading = next(
            (s for s in report.sections if wanted and _matches(wanted, s.title, owner)), None
        ) or (_numbered_in_another_language(report, wanted, requirement.number) if wanted else None)
        inside = [n for n in tables if heading and heading.line <= n <= heading.end_line]
        if heading is None and not tables:
            missing.append(MissingTable(requirement, None, False))
        elif heading is not None and not inside:
            missing.append(MissingTable(requirement, heading, bool(tables)))
        elif requirement.min_rows:
            rows = max(_body_rows(report, n) for n in inside or tables)
            if rows < requirement.min_rows:
                missing.append(MissingTable(requirement, heading, False, rows))
    return missing


def _body_rows(report: Report, separator: int) -> int:
    """How many entries the Markdown table whose separator row is line ``separator``
    lists: its body rows when its first column names them (``| System | Top-1 |``),
    else the more of its rows and its columns after the first (it may list them across:
    ``| 指标 | PestLens | GPT-4o |``)."""
    lines = report.text.splitlines()
    body = lines[separator:]
    rows = next((i for i, line in enumerate(body) if not line.strip().startswith("|")), len(body))
    header = (lines[separator - 2] if separator >= 2 else "").strip().strip("|").split("|")
    if _ENTRY_COLUMN.search(header[0]):
        return rows
    return max(rows, len(header) - 1)


_ENTRY_COLUMN = re.compile(
    r"系统|模型|方法|基线|算法|\b(?:systems?|models?|methods?|baselines?|approach(?:es)?)\b",
    re.IGNORECASE,
)


def _numbered_in_another_language(
    report: Report, wanted: SectionRequirement, number: int | None
) -> Section | None:
    """The heading numbered as the required part when the part is named in the other
    language ("三、实验结果" of a Chinese list, "3. Results" in an English report)."""
    number = wanted.number or number
    if number is None:
        return None
    return next(
        (
            s
            for s in report.sections
            if _number_of(s.title) == number
            and detect_lang(heading_name(s.title)) != detect_lang(wanted.name)
        ),
        None,
    )


_BARE_NUMBER = re.compile(r"^[\s#*]*(\d{1,2})\s+\S")


def _number_of(title: str) -> int | None:
    """A heading's number: its enumerator's, or a bare leading number (``## 3 Results``)."""
    numbered = heading_number(title)
    if numbered is not None:
        return numbered[1]
    bare = _BARE_NUMBER.match(title)
    return int(bare.group(1)) if bare else None


def heading_span(report: Report, section: Section) -> Span:
    """The span of a heading's line."""
    lines = LineIndex(report.text)
    start = lines.line_start(min(max(section.line, 1), lines.line_count))
    end = report.text.find("\n", start)
    return lines.span(start, len(report.text) if end < 0 else end)


def heading_name(title: str) -> str:
    """A heading without its enumerator and markup: ``（4）总结与思考`` → ``总结与思考``."""
    text = title.strip(" #*")
    text = re.sub(
        r"^(?:[（(【〔]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)】〕]|\d{1,2}\s*[.．、)]"
        r"|[一二三四五六七八九十]{1,3}\s*、|[①②③④⑤⑥⑦⑧⑨⑩]"
        r"|第\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:部分|章|节)[:：]?)\s*",
        "",
        text,
    )
    return re.sub(r"[（(]\s*对应要求\s*[（(]\s*\d+\s*[）)]\s*[）)]", "", text).strip(" *")


def _matches(section: SectionRequirement, heading: str, owner: str) -> bool:
    if any(p.search(heading) for p in pack_patterns(section.patterns, owner)):
        return True
    return paraphrases(section.name, heading_name(heading))


_STOPWORDS = frozenset(["a", "an", "and", "the", "of", "from", "in", "on", "for", "to", "with"])


def paraphrases(name: str, heading: str) -> bool:
    """Whether ``heading`` is a rewording of the section ``name``.

    Chinese: the heading holds at least :data:`SECTION_NAME_MIN` of the name's
    characters in order, two of them side by side as in the name (``关键技术深度解析``
    for ``关键技术解析``; not ``总结与思考`` for ``视频补充要点``, nor a heading that
    only shares two scattered characters). English: it holds that share of the
    name's content words (by their first five letters).
    """
    if not heading:
        return False
    if detect_lang(name) == "zh":
        enough = LCSseq.similarity(name, heading) >= SECTION_NAME_MIN * len(name)
        return enough and any(name[i : i + 2] in heading for i in range(len(name) - 1))
    wanted = _content_stems(name)
    have = _content_stems(heading)
    return bool(wanted) and len(wanted & have) >= SECTION_NAME_MIN * len(wanted)


def _content_stems(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return {w[:5] for w in words if w not in _STOPWORDS}
