"""Small fakes of the corpus, video, PDF and trace objects the attribution rules read.

They follow the contracts in docs/ARCHITECTURE.md, so these tests pass whether
or not the real corpus modules have landed. Reports are split one claim per
line, with citations found by the real citation parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from citecheck.corpus.sidecars import MetaRecord, SidecarProblem
from citecheck.corpus.video import VideoEvidence
from citecheck.models import Claim, Report, Section, SourceUnit, Span
from citecheck.report.citations import find_citations
from citecheck.rulepack import RulePack

FakeMeta = MetaRecord  # the real schema: speakers as strings or objects, with roles


@dataclass
class FakeVideo:
    segments: list[SourceUnit] = field(default_factory=list)
    keyframes: list[SourceUnit] = field(default_factory=list)
    meta: MetaRecord = field(default_factory=MetaRecord)
    problems: list[SidecarProblem] = field(default_factory=list)

    presenter = VideoEvidence.presenter  # the real lookups, over this fake's meta
    speaker_named = VideoEvidence.speaker_named

    def read_all(self) -> list[SidecarProblem]:
        return self.problems

    @property
    def has_transcript(self) -> bool:
        return bool(self.segments)

    @property
    def has_evidence(self) -> bool:
        return bool(self.segments or self.keyframes or self.meta.presenter or self.meta.speakers)


@dataclass
class FakeBib:
    authors: list[str]
    year: int | None
    title: str
    venue: str | None
    raw: str
    page: int = 12


@dataclass
class FakePdfMeta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None


@dataclass
class FakePdf:
    pages: list[str]
    name: str = "pdf.pdf"
    metadata: FakePdfMeta = field(default_factory=FakePdfMeta)
    bib: list[FakeBib] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page_text(self, n: int) -> str:
        return self.pages[n - 1]

    def page_lines(self, n: int) -> list[list[dict[str, Any]]]:
        return []  # no layout: the author block falls back to the metadata

    def passages(self, n: int) -> list[SourceUnit]:
        return [
            SourceUnit(
                source="pdf.pdf", kind="passage", locator=f"page {n}, ¶{i + 1}", text=para, page=n
            )
            for i, para in enumerate(self.pages[n - 1].split("\n\n"))
        ]

    def bibliography(self) -> list[FakeBib]:
        return self.bib


@dataclass
class FakeCorpus:
    videos: dict[str, FakeVideo] = field(default_factory=dict)
    pdfs: dict[str, FakePdf] = field(default_factory=dict)

    def file_names(self) -> list[str]:
        return sorted([*self.videos, *self.pdfs])

    def video(self, name: str) -> FakeVideo:
        return self.videos.get(name, FakeVideo())

    def pdf(self, name: str) -> FakePdf | None:
        return self.pdfs.get(name)


@dataclass
class FakeCall:
    tool: str
    ok: bool
    line: int


@dataclass
class FakeTrace:
    calls: list[FakeCall]

    def video_calls(self, video_tools: Any = ("video",)) -> list[FakeCall]:
        return self.calls

    def all_video_calls_failed(self, video_tools: Any = ("video",)) -> bool | None:
        return all(not c.ok for c in self.calls) if self.calls else None


def _clock(seconds: float) -> str:
    return f"{int(seconds) // 60:02d}:{int(seconds) % 60:02d}"


def segment(start: float, end: float, text: str, speaker: str | None = None) -> SourceUnit:
    """A transcript segment with an mm:ss locator."""
    locator = (
        f"{int(start) // 60:02d}:{int(start) % 60:02d}-{int(end) // 60:02d}:{int(end) % 60:02d}"
    )
    return SourceUnit(
        source="video.mp4",
        kind="segment",
        locator=locator,
        text=text,
        start=start,
        end=end,
        speaker=speaker,
    )


def keyframe(time: float, text: str) -> SourceUnit:
    """A keyframe note."""
    return SourceUnit(
        source="video.mp4", kind="keyframe", locator=f"frame @{time:.0f}s", text=text, start=time
    )


_BULLET = re.compile(r"^\s*(?:[-*+]\s+|>\s*)")


def make_report(text: str, pack: RulePack, path: str = "report.md") -> Report:
    """One claim per non-empty line; '#' lines are headings that open sections."""
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
