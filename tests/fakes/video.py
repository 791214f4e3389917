"""A fake video: transcript segments, keyframe notes, the ``.meta.json`` record."""

from __future__ import annotations

from dataclasses import dataclass, field

from citecheck.corpus.sidecars import MetaRecord, SidecarProblem
from citecheck.corpus.video import VideoEvidence
from citecheck.models import SourceUnit

FakeMeta = MetaRecord  # the real schema: speakers as strings or objects, with roles


@dataclass
class FakeVideo:
    """The evidence of one video, as :class:`citecheck.corpus.video.VideoEvidence` gives it."""

    segments: list[SourceUnit] = field(default_factory=list)
    keyframes: list[SourceUnit] = field(default_factory=list)
    meta: MetaRecord = field(default_factory=MetaRecord)
    problems: list[SidecarProblem] = field(default_factory=list)
    name: str = "video.mp4"
    sidecar_names: list[str] = field(default_factory=list)

    presenter = VideoEvidence.presenter  # the real lookups, over this fake's meta
    speaker_named = VideoEvidence.speaker_named
    length = VideoEvidence.length
    stated = VideoEvidence.stated

    @property
    def declared_length(self) -> float | None:
        return self.meta.duration_s  # a fake has no media file to read a header from

    def read_all(self) -> list[SidecarProblem]:
        return self.problems

    @property
    def has_transcript(self) -> bool:
        return bool(self.segments)

    @property
    def has_evidence(self) -> bool:
        return bool(self.segments or self.keyframes or self.meta.presenter or self.meta.speakers)


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
