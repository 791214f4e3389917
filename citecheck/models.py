"""The data citecheck passes between its stages.

Every stage reads and writes these pydantic models, and the JSON output is a plain
dump of :class:`Result`, so the Python API (:func:`citecheck.check`) and
``citecheck lint --format json`` always agree.

Positions are 1-based lines and columns in the report file *as given* (columns
count Unicode code points); ``start``/``end`` are 0-based offsets into the
decoded text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class Severity(StrEnum):
    """How bad a finding is; ordered ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Numeric order, for comparisons against ``--fail-on``."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Category(StrEnum):
    """The kind of defect a rule detects. Open: later rules add members here."""

    CITATION_UNRESOLVABLE = "citation-unresolvable"
    CITATION_OUT_OF_RANGE = "citation-out-of-range"
    UNGROUNDED_CITATION = "ungrounded-citation"
    REPORT_REQUIREMENT = "report-requirement"
    UNSUPPORTED_CLAIM = "unsupported-claim"
    CONTRADICTED_CLAIM = "contradicted-claim"
    UNCITED_CLAIM = "uncited-claim"
    WRONG_SPEAKER = "wrong-speaker"
    FABRICATED_VIDEO_DETAIL = "fabricated-video-detail"
    INPUT_QUALITY = "input-quality"
    INTERNAL_ERROR = "internal-error"  # a rule crashed (citecheck.checks._crash)


class Span(BaseModel):
    """A region of the report file."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int


# --------------------------------------------------------------------------- report


TargetKind = Literal["file", "collection", "reference", "url"]
DEFAULT_COLLECTION = "long_context"
"""The collection a citation that names none is read from (``long_context.json``)."""


class CitationTarget(BaseModel):
    """One source location named inside a citation bracket.

    ``[文档: pdf.pdf, page 3, 14–15]`` gives one target with ``source="pdf.pdf"``
    and ``pages=[3, 14, 15]``; ``[long_context: "T", chunk 1, chunk 2]`` gives
    one target with ``source="long_context"``, ``title="T"``, ``chunks=[1, 2]``.
    An empty ``pages``/``chunks`` list means the whole source.

    A numbered marker (``[3]``, ``【3†L10-L14】``) gives ``kind="reference"`` with
    ``key="3"`` (and ``lines=[10, …, 14]``): the report's reference list or the
    web store's numbering leads to a URL. A link gives ``kind="url"`` with ``url``.
    """

    kind: TargetKind
    source: str
    title: str | None = None
    pages: list[int] = Field(default_factory=list)
    chunks: list[int] = Field(default_factory=list)
    syntax: str = ""
    raw: str = ""
    key: str | None = None
    url: str | None = None
    lines: list[int] = Field(default_factory=list)
    times: list[int] = Field(
        default_factory=list,
        description="seconds into a video that the citation names (``video.mp4, 12:20–12:49``"
        " gives both ends), whole seconds",
    )


class ReferenceEntry(BaseModel):
    """One entry of the report's reference list: ``[1] Title: https://…``."""

    key: str | None
    url: str
    title: str | None = None
    line: int
    syntax: str = ""


class EmbeddedSource(BaseModel):
    """A web source carried inside the report file itself (a Perplexity response's
    ``search_results``): what the agent saw of the page, and its number, if any."""

    url: str
    title: str | None = None
    snippet: str = ""
    date: str | None = None
    number: int | None = None


class Attribution(BaseModel):
    """A person named as the origin of a statement, e.g. ``Holtzman et al. 2020``."""

    names: list[str]
    year: int | None = None
    et_al: bool = False
    raw: str = ""


class Citation(BaseModel):
    """A citation bracket as written in the report.

    ``id`` names the bracket within its report (``L3:17``: line 3, column 17), so a
    resolution finds its citation and a claim the citations it carries by id.
    """

    id: str
    text: str
    span: Span
    targets: list[CitationTarget] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    closed: bool = Field(default=True, description="False when the line ends before its ']'")


BlockKind = Literal["paragraph", "bullet", "heading", "table_row", "quote", "code"]


class Section(BaseModel):
    """A heading of the report and the lines it governs."""

    title: str
    level: int
    line: int
    end_line: int
    is_reference_list: bool = False


class Claim(BaseModel):
    """A sentence (or sentence part) of the report, with the citations that back it.

    ``citations`` holds the brackets written inside the sentence; when a
    paragraph closes with a citation that covers several sentences, the earlier
    sentences get it too and ``inherited`` is true.
    """

    id: str
    text: str
    raw: str
    span: Span
    citations: list[Citation] = Field(default_factory=list)
    inherited: bool = False
    section: str | None = None
    block: BlockKind = "paragraph"
    lang: Literal["zh", "en"] = "zh"
    in_reference_list: bool = False


class Suppression(BaseModel):
    """An inline ``citecheck: disable…`` comment. Empty ``codes`` means all rules."""

    scope: Literal["file", "next-line", "line"]
    line: int
    codes: list[str] = Field(default_factory=list)


class Report(BaseModel):
    """A parsed report: its text, structure, claims and citations."""

    path: str
    text: str
    encoding: str = "utf-8"
    damaged_encoding: bool = False
    region_start_line: int = 1
    region_end_line: int | None = None
    sections: list[Section] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    references: list[ReferenceEntry] = Field(default_factory=list)
    suppressions: list[Suppression] = Field(default_factory=list)
    query: str | None = None
    text_origin: str | None = Field(
        default=None,
        description="where in the file the report text is (``choices[0].message.content``"
        " of an API response); lines and columns are then positions in that text",
    )
    embedded_sources: list[EmbeddedSource] = Field(default_factory=list)


# --------------------------------------------------------------------------- corpus


UnitKind = Literal[
    "page",
    "passage",
    "table-row",
    "chunk",
    "segment",
    "keyframe",
    "meta",
    "document",
    "snippet",
    "lines",
]


class SourceUnit(BaseModel):
    """An addressable piece of a source: a PDF page or passage, a chunk, a segment."""

    source: str
    kind: UnitKind
    locator: str
    text: str
    page: int | None = None
    chunk: int | None = None
    title: str | None = None
    start: float | None = None
    end: float | None = None
    speaker: str | None = None

    @property
    def labelled_text(self) -> str:
        """The text with what labels it (a transcript turn's speaker, a chunk's
        document title): every fact the unit states, for checks of what it lacks."""
        return " ".join(part for part in (self.speaker, self.title, self.text) if part)


@dataclass(frozen=True)
class ScoredUnit:
    """A source unit (or a window of one) and how well it matches a claim.

    ``score`` is what ranking sorts by. Evidence retrieval fills in both parts of
    its blend (``embed_score``, ``lexical_score``); token overlap alone, as the
    attribution rules rank transcripts, is a lexical score with no embedding part.
    """

    unit: SourceUnit
    score: float
    embed_score: float = 0.0
    lexical_score: float = 0.0


class Evidence(BaseModel):
    """What a finding shows the reader: where it looked and what it found there."""

    source: str
    locator: str
    text: str


class TitleMatch(BaseModel):
    """How a cited document title was matched against the collection's index."""

    title: str
    method: Literal["exact", "normalised", "demojibaked", "prefix", "fuzzy"]
    score: float
    doc_index: int


class ScoredCandidate(BaseModel):
    """A source the citation may have meant, nearest first, with its match score (0-100)
    when the lookup gives one (a file-name suggestion has none)."""

    name: str
    score: float | None = None


ResolutionStatus = Literal["resolved", "unresolvable", "out-of-range", "outside-corpus", "vague"]


class Resolution(BaseModel):
    """One citation target resolved to the exact source units it names, or why not.

    ``retrieved`` says whether the agent trace shows the agent saw the cited
    chunks: ``True``/``False`` when the trace settles it, ``None`` when there is
    no trace or the relevant log was truncated.
    """

    citation: Citation
    target: CitationTarget
    status: ResolutionStatus
    units: list[SourceUnit] = Field(default_factory=list)
    match: TitleMatch | None = None
    candidates: list[ScoredCandidate] = Field(default_factory=list)
    missing: list[int] = Field(default_factory=list)
    unit_count: int | None = None
    retrieved: bool | None = None
    never_retrieved: list[int] = Field(default_factory=list)
    detail: str = ""


# --------------------------------------------------------------------------- judgement


Label = Literal["supported", "contradicted", "unsupported"]


class Conflict(BaseModel):
    """A concrete disagreement between claim and evidence (a number, a name…)."""

    kind: str
    claim_value: str
    evidence_value: str | None = None


class Verdict(BaseModel):
    """A judge's decision on one claim against its evidence."""

    label: Label
    score: float  # P(supported)
    backend: str
    # whether the label is beyond the judge's calibrated grey zone: rules report
    # confident verdicts as errors and the rest as prompts
    confident: bool = True
    p_contradicted: float | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    evidence_span: str | None = None
    reason: str = ""
    conflicts: list[Conflict] = Field(default_factory=list)
    replaced: bool = Field(
        default=False,
        description="an unconfirmed contradiction resting on one signal: a number of the claim"
        " the cited text never states, with another value of the same measure in its place",
    )


class ClaimJudgement(BaseModel):
    """The decision on one claim, with what was searched and where support was found.

    ``verdict`` is the combined verdict at the cited location; ``parts`` holds
    one verdict per clause in ``part_texts``. ``elsewhere`` is set when the
    cited location does not support the claim but a neighbouring unit or
    another page of the same source does.
    """

    claim_id: str
    verdict: Verdict
    parts: list[Verdict] = Field(default_factory=list)
    part_texts: list[str] = Field(default_factory=list)
    units_checked: list[SourceUnit] = Field(default_factory=list)
    best_unit: SourceUnit | None = None
    elsewhere: SourceUnit | None = None


# --------------------------------------------------------------------------- findings


class Finding(BaseModel):
    """One problem in a report, with everything needed to fix it."""

    code: str
    slug: str
    category: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    claim: str | None = None
    citation: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    score: float | None = None
    fix: str | None = None
    backend: str | None = None
    origin: str | None = Field(
        default=None,
        description="the field of ``path`` holding the report text when it is not the whole"
        " file (an API response); line and column are positions in that text",
    )


class Summary(BaseModel):
    """Counts over all findings of a run."""

    files: int
    claims: int
    citations: int
    findings: int
    by_severity: dict[str, int]
    by_code: dict[str, int]
    judge_backend: str | None = None


class Result(BaseModel):
    """The outcome of a lint run; ``--format json`` prints exactly this."""

    version: str
    corpus: str | None
    files: list[str]
    findings: list[Finding]
    summary: Summary
