"""The outcome of resolving one citation target, before it becomes a :class:`Resolution`."""

from __future__ import annotations

from dataclasses import dataclass, field

from citecheck.models import (
    Citation,
    CitationTarget,
    Resolution,
    ResolutionStatus,
    ScoredCandidate,
    SourceUnit,
    TitleMatch,
)


@dataclass
class Outcome:
    """What resolving one target found; copied into a :class:`Resolution`."""

    status: ResolutionStatus
    units: list[SourceUnit] = field(default_factory=list)
    match: TitleMatch | None = None
    candidates: list[ScoredCandidate] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)
    unit_count: int | None = None
    retrieved: bool | None = None
    never_retrieved: list[int] = field(default_factory=list)
    detail: str = ""

    def to_resolution(self, citation: Citation, target: CitationTarget) -> Resolution:
        """The :class:`Resolution` of ``target`` of ``citation``."""
        return Resolution(
            citation=citation,
            target=target,
            status=self.status,
            units=self.units,
            match=self.match,
            candidates=self.candidates,
            missing=self.missing,
            unit_count=self.unit_count,
            retrieved=self.retrieved,
            never_retrieved=self.never_retrieved,
            detail=self.detail,
        )
