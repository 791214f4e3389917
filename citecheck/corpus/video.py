"""What can be known about a video without watching it: its sidecar files.

For ``talk.mp4`` citecheck reads, when present next to it:

- ``talk.srt`` / ``talk.vtt``: subtitles; a speaker comes from a ``Name: text``
  prefix or a WebVTT ``<v Name>`` voice tag;
- ``talk.transcript.json`` or ``talk.json``: segments ``[{start, end, speaker, text}]``
  (or ``{"segments": [...]}``), times in seconds;
- ``talk.meta.json``: ``{title, speakers, presenter, language, aliases}``;
- ``talk.keyframes.json``: keyframe notes ``[{time, text}]``.

Without any of them the evidence is empty, and every concrete claim about the
video is unverifiable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationError

from citecheck.errors import InputError
from citecheck.models import CitationTarget, SourceUnit
from citecheck.safeio import confine, read_text, require_regular_file
from citecheck.textutil import scrub_json_strings

MEDIA_SUFFIXES = frozenset(
    {".mp4", ".mkv", ".webm", ".mov", ".avi", ".m4v", ".mp3", ".wav", ".m4a"}
)
"""File endings of the talks and recordings a report may cite."""


def is_video_target(target: CitationTarget) -> bool:
    """A citation target naming a video or recording (by syntax or file ending)."""
    return target.syntax == "video" or Path(target.source).suffix.lower() in MEDIA_SUFFIXES


CUE_TIME = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*"
    r"(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})"
)
VOICE_TAG = re.compile(r"^<v(?:\.[\w.]+)?\s+([^>]+)>")
TAG = re.compile(r"</?[^>]+>")
SPEAKER_PREFIX = re.compile(r"^\s*([^\s:：][^:：]{0,29}?)\s*[:：]\s*(\S.*)$")
VTT_SKIPPED_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")


if TYPE_CHECKING:
    from citecheck.corpus.transcribe import Transcription


class VideoMeta(BaseModel):
    """Metadata of a video from its ``.meta.json`` sidecar."""

    title: str | None = None
    speakers: list[str] = Field(default_factory=list)
    presenter: str | None = None
    language: str | None = None
    aliases: dict[str, list[str]] = Field(
        default_factory=dict, description="other spellings of a person's name"
    )


class _Segment(BaseModel):
    start: float
    end: float | None = None
    speaker: str | None = None
    text: str


class _Keyframe(BaseModel):
    time: float
    text: str


def format_time(seconds: float) -> str:
    """``HH:MM:SS`` for a time in seconds."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def parse_time(stamp: str) -> float:
    """Seconds of an SRT/VTT timestamp (``01:02:03,500``, ``02:03.500``)."""
    parts = stamp.replace(",", ".").split(":")
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


def split_speaker(text: str) -> tuple[str | None, str]:
    """A ``<v Name>`` tag or ``Name: text`` prefix split from the cue text."""
    voice = VOICE_TAG.match(text)
    if voice:
        return voice.group(1).strip(), TAG.sub("", text).strip()
    text = TAG.sub("", text).strip()
    prefixed = SPEAKER_PREFIX.match(text)
    if prefixed and not prefixed.group(1).isdigit():
        return prefixed.group(1), prefixed.group(2)
    return None, text


def parse_cues(path: Path) -> list[_Segment]:
    """The cues of an SRT or WebVTT file."""
    content = read_text(path, "subtitles")
    segments: list[_Segment] = []
    line_number = 1
    for block in re.split(r"\n[ \t]*\n", content.replace("\r\n", "\n")):
        lines = block.strip("\n").split("\n")
        block_line = line_number
        line_number += block.count("\n") + 2
        if not block.strip() or lines[0].startswith(VTT_SKIPPED_BLOCKS):
            continue
        timed = [(i, m) for i, ln in enumerate(lines[:2]) if (m := CUE_TIME.match(ln))]
        if not timed:
            raise InputError(path, f"malformed subtitle cue near line {block_line}: no timestamps")
        timing, times = timed[0]
        speaker, text = split_speaker(" ".join(ln.strip() for ln in lines[timing + 1 :]))
        segments.append(
            _Segment(
                start=parse_time(times["start"]),
                end=parse_time(times["end"]),
                speaker=speaker,
                text=text,
            )
        )
    return segments


def read_json(path: Path) -> Any:
    """A sidecar's JSON, or an :class:`InputError` naming the file.

    ``NaN``/``Infinity`` are refused, lone surrogates become U+FFFD.
    """
    try:
        data = json.loads(read_text(path, "sidecar"), parse_constant=_refuse_constant)
        return scrub_json_strings(data)
    except json.JSONDecodeError as error:
        raise InputError(path, f"invalid JSON: {error}") from None
    except RecursionError:
        raise InputError(path, "invalid JSON: nested too deeply") from None
    except ValueError as error:
        raise InputError(path, f"invalid JSON: {error}") from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a sidecar may hold")


def _problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"invalid entry: {where}: {first['msg']}" if where else f"invalid: {first['msg']}"


def _validated(path: Path, model: type[BaseModel], items: Any) -> list[Any]:
    if not isinstance(items, list):
        raise InputError(path, "expected a JSON list")
    try:
        return [model.model_validate(item) for item in items]
    except ValidationError as error:
        raise InputError(path, _problem(error)) from None


Transcriber = Callable[[Path, str | None], "Transcription"]
"""Transcribes a media file in a declared language (None: detect)."""


class VideoEvidence:
    """Transcript segments, keyframe notes and metadata of one video.

    With no transcript sidecar, a ``transcriber`` (when given and the media file
    exists) supplies the segments; ``transcription_error`` then says why there
    are none, e.g. a language the model cannot do.
    """

    def __init__(
        self,
        video_path: str | Path,
        transcriber: Transcriber | None = None,
        root: str | Path | None = None,
    ) -> None:
        """Evidence of the video at ``video_path``; sidecars must resolve inside
        ``root`` (default: the video's folder)."""
        self.path = Path(video_path)
        self.root = Path(root) if root is not None else self.path.resolve().parent
        self.name = self.path.name
        self._transcriber = transcriber
        self.transcription_error: str | None = None

    def _sidecar(self, suffix: str) -> Path | None:
        candidate = self.path.with_name(self.path.stem + suffix)
        if not (candidate.exists() or candidate.is_symlink()):
            return None
        confine(candidate, self.root)
        require_regular_file(candidate, "sidecar")
        return candidate

    @cached_property
    def segments(self) -> list[SourceUnit]:
        """Transcript segments (kind ``segment``) from every transcript sidecar."""
        raw: list[_Segment] = []
        for suffix in (".srt", ".vtt"):
            if path := self._sidecar(suffix):
                raw.extend(parse_cues(path))
        for suffix in (".transcript.json", ".json"):
            if path := self._sidecar(suffix):
                data = read_json(path)
                items = data.get("segments") if isinstance(data, dict) else data
                raw.extend(_validated(path, _Segment, items))
        if not raw:
            raw = self._transcribed()
        return [self._segment_unit(s) for s in sorted(raw, key=lambda s: s.start)]

    def _transcribed(self) -> list[_Segment]:
        if self._transcriber is None or not self.path.is_file():
            return []
        result = self._transcriber(self.path, self.meta.language)
        self.transcription_error = result.error
        return [_Segment(start=s.start, end=s.end, text=s.text) for s in result.segments]

    def _segment_unit(self, segment: _Segment) -> SourceUnit:
        end = segment.end if segment.end is not None else segment.start
        return SourceUnit(
            source=self.name,
            kind="segment",
            locator=f"{format_time(segment.start)}–{format_time(end)}",
            text=segment.text,
            start=segment.start,
            end=end,
            speaker=segment.speaker,
        )

    @cached_property
    def keyframes(self) -> list[SourceUnit]:
        """Keyframe notes (kind ``keyframe``) from ``.keyframes.json``."""
        path = self._sidecar(".keyframes.json")
        if path is None:
            return []
        frames = _validated(path, _Keyframe, read_json(path))
        return [
            SourceUnit(
                source=self.name,
                kind="keyframe",
                locator=f"@{format_time(frame.time)}",
                text=frame.text,
                start=frame.time,
            )
            for frame in frames
        ]

    @cached_property
    def meta(self) -> VideoMeta:
        """Metadata from ``.meta.json``; empty when there is none."""
        path = self._sidecar(".meta.json")
        if path is None:
            return VideoMeta()
        data = read_json(path)
        if not isinstance(data, dict):
            raise InputError(path, "expected a JSON object {title, speakers, presenter, language}")
        try:
            return VideoMeta.model_validate(data)
        except ValidationError as error:
            raise InputError(path, _problem(error)) from None

    @property
    def has_transcript(self) -> bool:
        """Whether any transcript segment is known."""
        return bool(self.segments)

    @property
    def has_evidence(self) -> bool:
        """Whether anything at all is known about the video's content."""
        meta = self.meta
        return bool(
            self.segments or self.keyframes or meta.title or meta.speakers or meta.presenter
        )
