"""Declarative rule packs: citation syntaxes, thresholds and report requirements.

A rule pack is a TOML file (the shipped ones live in the repository's top-level
``rules/`` folder and inside the wheel as ``citecheck/_rules``). A pack may name
another with ``extends``; tables merge key by key and lists are replaced, so an
agent with a new citation format needs a data change, not a code change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from citecheck.errors import InputError
from citecheck.tomlfile import read_toml


class CitationSyntax(BaseModel):
    """One way of naming a source inside a bracket, e.g. ``文档: pdf.pdf``."""

    name: str
    kind: Literal["file", "collection"]
    labels: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(
        default_factory=list,
        description="whole-bracket names such as 'Long Context Document Collection'",
    )
    collection: str | None = Field(
        default=None, description="for kind=collection: the collection's source name"
    )


class MarkerPattern(BaseModel):
    """One inline citation marker as a regular expression, and where it leads.

    Named groups: ``refs`` (numbers such as ``1, 3`` or ``1–3``, one target each),
    ``ref`` (one key, e.g. a footnote label), ``url`` and ``title`` (a link),
    ``line_start`` / ``line_end`` (a line range of the numbered source).
    ``route="reference"``: key → the report's reference entry (or the web store's
    numbering) → URL → store; ``route="url"``: the marker's URL → store.
    """

    pattern: str
    route: Literal["reference", "url"] = "reference"


class CitationFormat(BaseModel):
    """An agent's citation format: inline markers plus reference-list entries.

    ``kind="labelled"`` is the bracket grammar of the pack's ``citations``
    (``[文档: pdf.pdf, page 9]``); ``kind="markers"`` is described wholly by
    ``markers`` and ``entries`` (regexes with named groups ``n``, ``title``,
    ``url``, matched against each line of the report).
    """

    name: str
    description: str = ""
    kind: Literal["labelled", "markers"] = "markers"
    markers: list[MarkerPattern] = Field(default_factory=list)
    entries: list[str] = Field(default_factory=list)
    detect_min: int = Field(
        default=2, description="markers a report must hold for the format to be detected"
    )
    requires_entries: bool = Field(
        default=False, description="detected only when a reference entry is present too"
    )


class Locators(BaseModel):
    """Words that introduce page and chunk numbers inside a bracket."""

    page: list[str] = Field(default_factory=lambda: ["page", "pages", "pp.", "p.", "页", "第"])
    chunk: list[str] = Field(default_factory=lambda: ["chunk", "chunks", "块"])


class Thresholds(BaseModel):
    """Numbers the rules compare against; every one is documented in ``rules/``."""

    title_fuzzy_min: float = 85.0
    title_candidates: int = 3
    title_suggestion_min: float = 60.0
    # support decisions: None leaves them to the judge's own calibration
    supported_min: float | None = None
    unsupported_max: float | None = None
    contradicted_min: float | None = None
    length_tolerance: float = 0.1
    neighbour_chunks: int = 1
    neighbour_pages: int = 1


class SectionRequirement(BaseModel):
    """A section the report must contain, recognised by any of ``patterns`` (regex)."""

    name: str
    patterns: list[str]
    number: int | None = None
    """Its place in a numbered list of the request (``（4）视频补充要点`` → 4), if any."""


class TableRequirement(BaseModel):
    """A table the report must contain, in the named section when ``section`` is set
    (the request's part ``number`` when it numbers its parts: a heading of that number
    answers it in a report of the other language)."""

    section: str | None = None
    number: int | None = None
    min_rows: int | None = None
    """The fewest body rows it may have ("至少列出三个系统", "at least three systems")."""


class LengthRequirement(BaseModel):
    """Length bounds and how length is counted."""

    min: int | None = None
    max: int | None = None
    counting: Literal["cjk_chars+latin_words", "words"] = "cjk_chars+latin_words"
    exclude_citations: bool = True


class Requirements(BaseModel):
    """What a finished report must satisfy."""

    sections: list[SectionRequirement] = Field(default_factory=list)
    length: LengthRequirement | None = None
    tables: list[TableRequirement] = Field(default_factory=list)
    derive_from_query: bool = True
    self_reported_length_patterns: list[str] = Field(default_factory=list)


class ReportLayout(BaseModel):
    """How to find the report inside files that hold more than a report."""

    reference_section_titles: list[str] = Field(default_factory=list)
    report_start_markers: list[str] = Field(default_factory=list)
    report_end_markers: list[str] = Field(default_factory=list)
    query_markers: list[str] = Field(default_factory=list)


class VideoCues(BaseModel):
    """Words that mark video content, visual detail and speculation."""

    section_patterns: list[str] = Field(default_factory=list)
    visual_terms: list[str] = Field(default_factory=list)
    shown_kinds: list[list[str]] = Field(
        default_factory=list,
        description="kinds of visual a claim can say the video showed (an animation, a "
        "radar chart), each as the names it goes by in either language: one that no "
        "keyframe note or transcript segment mentions by any of them was not seen",
    )

    @field_validator("shown_kinds", mode="before")
    @classmethod
    def _one_name_is_a_group(cls, kinds: Any) -> Any:
        """A kind given as one name ("whiteboard") is a group of one."""
        if isinstance(kinds, list):
            return [[kind] if isinstance(kind, str) else kind for kind in kinds]
        return kinds

    speculative_terms: list[str] = Field(default_factory=list)
    video_tools: list[str] = Field(default_factory=list)
    visual_tools: list[str] = Field(
        default_factory=list,
        description="words in the name of a video tool that looks at the picture "
        "(scene, frame): when every such call failed, the agent saw no frame",
    )


class RulePack(BaseModel):
    """A whole rule pack after ``extends`` has been applied."""

    name: str
    citations: list[CitationSyntax] = Field(default_factory=list)
    formats: list[CitationFormat] = Field(default_factory=list)
    syntax: str | None = Field(
        default=None, description="the one format to use (--syntax); None detects them"
    )
    locators: Locators = Field(default_factory=Locators)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    requirements: Requirements = Field(default_factory=Requirements)
    layout: ReportLayout = Field(default_factory=ReportLayout)
    video: VideoCues = Field(default_factory=VideoCues)
    severity: dict[str, str] = Field(default_factory=dict)
    source: str | None = Field(default=None, exclude=True, description="the pack's file")


def with_syntax(pack: RulePack, syntax: str | None) -> RulePack:
    """``pack`` forced to the format named ``syntax`` (``None`` leaves detection on);
    :class:`InputError` for a name the pack does not define."""
    if syntax is None:
        return pack
    names = [f.name for f in pack.formats]
    if syntax not in names:
        known = ", ".join(names) or "none"
        raise InputError(pack.name, f"unknown citation syntax {syntax!r} (known: {known})")
    return pack.model_copy(update={"syntax": syntax})


def packs_dir() -> Path:
    """Where the shipped packs are: inside the wheel, or the repository's ``rules/``."""
    packaged = Path(__file__).parent / "_rules"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "rules"


def load_pack(name_or_path: str | Path = "default") -> RulePack:
    """Load a pack by shipped name (``default``) or by path, following ``extends``."""
    data = _load_raw(name_or_path, seen=set())
    data["source"] = str(_locate(name_or_path))
    try:
        return RulePack.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(name_or_path, f"invalid rule pack: {where}: {first['msg']}") from None


def _locate(name_or_path: str | Path) -> Path:
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.exists():
        return candidate
    return packs_dir() / f"{name_or_path}.toml"


def _load_raw(name_or_path: str | Path, seen: set[Path]) -> dict[str, Any]:
    path = _locate(name_or_path).resolve()
    if path in seen:
        raise InputError(path, "rule pack extends itself")
    seen.add(path)
    data = read_toml(path, "rule pack")
    parent = data.pop("extends", None)
    if parent is None:
        return data
    base_ref = parent if not str(parent).endswith(".toml") else path.parent / parent
    return merge_tables(_load_raw(base_ref, seen), data)


def merge_tables(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Merge ``override`` into ``base``: tables recursively, everything else replaced."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_tables(merged[key], value)
        else:
            merged[key] = value
    return merged
