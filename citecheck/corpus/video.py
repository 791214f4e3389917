"""What can be known about a video without watching it: its sidecar files.

For ``talk.mp4`` citecheck reads, when present next to it (shapes and field
aliases in :mod:`citecheck.corpus.sidecars`):

- subtitles ``talk.<ext>``, ``talk.mp4.<ext>``, ``talk.<lang>.<ext>`` (``video.zh.srt``,
  ``video.en.vtt``), ``transcript.<ext>`` or ``subtitles.<ext>``, for SRT ``.srt``, WebVTT
  ``.vtt``, YouTube ``.sbv`` (``0:00:01.000,0:00:04.000`` over the text), (Advanced)
  SubStation Alpha ``.ass`` / ``.ssa`` (the ``Dialogue:`` lines of ``[Events]`` in its
  ``Format:`` order, the speaker in Name, override tags dropped) and TTML / DFXP
  ``.ttml`` / ``.dfxp`` (``<p begin end|dur ttm:agent>``; DOCTYPE / entities refused); a
  speaker otherwise comes from a ``Name: text`` or ``[Name] text`` prefix or a WebVTT
  ``<v Name>`` tag;
- transcript JSON ``talk.transcript.json``, ``talk.json`` or ``transcript.json``:
  segments ``[{start, end, speaker, text}]``, or whisper / WhisperX ``{"segments": …}``;
- plain-text transcripts ``talk.transcript.txt``, ``talk.mp4.transcript.txt``,
  ``talk.txt``, ``transcript.txt``, ``talk.transcript.md`` or ``transcript.md``: one
  timestamped turn a line (``Name (00:01:02): text``, ``[00:01:02] Name: text``,
  whisper's ``[00:00.000 --> 00:04.000] text``) or Otter / Descript turns (``Name  0:42``
  over the turn's lines); a turn without an end ends where the next begins;
- ``talk.meta.json`` (or ``talk.mp4.meta.json``, or yt-dlp's ``talk.info.json``, whose
  description may credit the presenter and moderator), the same fields as YAML or TOML
  ``talk.meta.yaml|yml|toml`` (``talk.mp4.meta.yaml`` …), the folder's ``talk.json``,
  ``meta.json`` or ``meta|talk.yaml|yml|toml``, else a media manager's Kodi ``talk.nfo``
  / ``talk.mp4.nfo`` / ``movie.nfo`` (title, length, actors and their roles, the plot as
  the description): title, presenter, speakers, language, aliases, and the paths of
  transcripts and keyframe notes it declares;
- keyframe notes ``talk.keyframes.json``, ``talk.frames.json``, a scene detector's
  ``talk.scenes.json`` / ``talk.shots.json`` (summary and OCR text), ``keyframes.json``,
  Markdown ``talk.keyframes.md``, or a list of slides, keyframes, frames, scenes, shots
  or chapters as a CSV / TSV table or a YAML / TOML list (``talk.slides.csv``,
  ``talk.keyframes.tsv``, ``talk.slides.toml`` with ``[[slides]]`` tables,
  ``talk.chapters.yaml``, ``slides.csv|tsv|yaml|yml|toml``, ``keyframes.*``): one frame
  per row or item at its time field, its text the other fields'.

Each format's reader is in :mod:`citecheck.corpus.sidecartext` (text, tables, ASS /
TTML subtitles, ``.nfo``, YAML / TOML) or here (SRT / WebVTT / SBV, JSON, Markdown
notes), picked by file ending (:func:`reader_for`).

Speaker labels that are diarisation ids (``SPEAKER_00``) are replaced by the
name the meta gives that id. A sidecar that cannot be read is left out and
recorded in :attr:`VideoEvidence.problems` with the shape that was expected:
one bad file never stops the lint. Without any sidecar the evidence is empty,
and every concrete claim about the video is unverifiable.
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from citecheck.corpus.mp4 import declared_seconds
from citecheck.corpus.sidecars import (
    ASS_SHAPE,
    FACTS_KEY,
    FRAME_LIST_SHAPE,
    FRAME_TABLE_SHAPE,
    KEYFRAMES_SHAPE,
    META_SHAPE,
    NFO_SHAPE,
    SEGMENT_TEXT_KEYS,
    STRUCTURED_META_SHAPE,
    SUBTITLES_SHAPE,
    TEXT_TRANSCRIPT_SHAPE,
    TRANSCRIPT_SHAPE,
    TTML_SHAPE,
    KeyframeRecord,
    MetaRecord,
    Role,
    SegmentRecord,
    SidecarProblem,
    SpeakerRecord,
    facts_of,
    in_seconds,
    segments_in,
    speakers_in,
)
from citecheck.corpus.sidecarsniff import Sniffed, known_document, sniff
from citecheck.corpus.sidecartext import (
    parse_turns,
    read_ass,
    read_frame_list,
    read_frame_table,
    read_meta_document,
    read_nfo,
    read_ttml,
    split_speaker,
)
from citecheck.errors import InputError
from citecheck.models import CitationTarget, SourceUnit
from citecheck.safeio import confine, is_regular_file, read_text, require_regular_file
from citecheck.textutil import scrub_json_strings

MEDIA_SUFFIXES = frozenset(
    {".mp4", ".mkv", ".webm", ".mov", ".avi", ".m4v", ".mp3", ".wav", ".m4a"}
)
"""File endings of the talks and recordings a report may cite."""


TRANSCRIPT_JSON_SUFFIXES = (".transcript.json", ".whisperx.json", ".whisper.json", ".asr.json")
"""Transcript JSON beside a video: citecheck's name, or the tool that wrote it."""
STRUCTURED_EXTS = ("yaml", "yml", "toml")
"""Endings of YAML and TOML sidecars, read like JSON ones."""
GENERIC_META_NAMES = (
    "talk.json",
    "meta.json",
    *(f"{base}.{ext}" for ext in STRUCTURED_EXTS for base in ("meta", "talk")),
)
"""Meta files of the one talk of a task folder, whatever the video is called."""
META_SUFFIXES = (".meta.json", ".info.json")
"""Sidecars describing a video: citecheck's meta, or yt-dlp's ``--write-info-json``."""
STRUCTURED_META_SUFFIXES = tuple(f".meta.{ext}" for ext in STRUCTURED_EXTS)
"""The same meta written as YAML or TOML."""
KEYFRAME_SUFFIXES = (
    ".keyframes.json",
    ".frames.json",
    ".scenes.json",
    ".shots.json",
    ".chapters.json",
)
"""Sidecars of what is on screen: keyframe notes, a scene detector's scenes, or a
podcast's chapters (Podcasting 2.0 ``{"chapters": [{"startTime", "title"}]}``)."""
FRAME_LIST_EXTS = ("csv", "tsv", *STRUCTURED_EXTS)
KEYFRAME_TABLE_SUFFIXES = tuple(
    f".{kind}.{ext}"
    for ext in FRAME_LIST_EXTS
    for kind in ("slides", "keyframes", "frames", "scenes", "shots", "chapters")
)
"""CSV / TSV tables and YAML / TOML lists of slides, keyframes, scenes or chapters."""
SUBTITLE_SUFFIXES = (".srt", ".vtt", ".ass", ".ssa", ".sbv", ".ttml", ".dfxp")
"""Subtitle files: SRT, WebVTT, (Advanced) SubStation Alpha, YouTube SBV, TTML / DFXP."""
TEXT_TRANSCRIPT_NAMES = (
    "{stem}.transcript.txt",
    "{name}.transcript.txt",
    "{stem}.txt",
    "transcript.txt",
    "{stem}.transcript.md",
    "{name}.transcript.md",
    "transcript.md",
)
"""Plain-text transcripts beside ``talk.mp4`` (``{stem}`` ``talk``, ``{name}`` ``talk.mp4``)."""
SIDECAR_JSON_SUFFIXES = (
    *META_SUFFIXES,
    *KEYFRAME_SUFFIXES,
    *TRANSCRIPT_JSON_SUFFIXES,
    ".speakers.json",
)
"""JSON files that belong to a video, never a document collection."""


CLAIMED_ENDINGS = (
    *MEDIA_SUFFIXES,
    *SUBTITLE_SUFFIXES,
    ".json",
    *STRUCTURED_META_SUFFIXES,
    *KEYFRAME_TABLE_SUFFIXES,
    ".keyframes.md",
    ".transcript.txt",
    ".transcript.md",
    ".nfo",
)
"""Endings a reader claims; a file named after the video with another is sniffed."""


def is_video_target(target: CitationTarget) -> bool:
    """A citation target naming a video or recording (by syntax or file ending)."""
    return target.syntax == "video" or Path(target.source).suffix.lower() in MEDIA_SUFFIXES


CUE_TIME = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*(?:-->|,)\s*"
    r"(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})"
)
"""The timing line of a cue: SRT / WebVTT ``start --> end``, YouTube SBV ``start,end``."""
VTT_SKIPPED_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")


if TYPE_CHECKING:
    from citecheck.corpus.transcribe import Transcription


VideoMeta = MetaRecord
"""Metadata of a video from its ``.meta.json`` sidecar."""


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


def parse_cues(path: Path) -> list[SegmentRecord]:
    """The cues of an SRT, WebVTT or SBV file."""
    content = read_text(path, "subtitles")
    segments: list[SegmentRecord] = []
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
            SegmentRecord(
                start=parse_time(times["start"]),
                end=parse_time(times["end"]),
                speaker=speaker,
                text=text,
            )
        )
    return segments


_MARKDOWN_FRAME = re.compile(
    r"^(?:#{1,6}|[-*])\s*\[?(?P<time>(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d+)?)\]?\s*(?P<title>.*)$"
)


def _keyframe_notes(path: Path) -> list[KeyframeRecord]:
    """Keyframe notes from JSON, or from Markdown: a heading or bullet that opens with a
    timestamp ("## [00:02:05] 幻灯片4 · 流程图") and the lines under it."""
    if path.suffix != ".md":
        return _validated(path, KeyframeRecord, segments_in(read_json(path)))
    frames: list[dict[str, str]] = []
    for line in read_text(path, "keyframes").splitlines():
        opening = _MARKDOWN_FRAME.match(line.strip())
        if opening:
            frames.append({"time": opening.group("time"), "text": opening.group("title")})
        elif frames and line.strip() and not line.lstrip().startswith("#"):
            frames[-1]["text"] = f"{frames[-1]['text']} {line.strip()}".strip()
    return _validated(path, KeyframeRecord, frames)


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


def _json_transcript(path: Path) -> list[SegmentRecord]:
    document = read_json(path)
    segments = _validated(path, SegmentRecord, segments_in(document, SEGMENT_TEXT_KEYS))
    return in_seconds(document, segments)


def _sniffed_json(path: Path) -> Sniffed:
    """The segments of a JSON file that may hold a transcript; else its plain values as
    stated facts (a meeting's recording details: ``topic``, ``recording_type``), never
    as fields, whose units such a file does not share (Zoom gives minutes)."""
    try:
        document = read_json(path)
    except InputError:
        return Sniffed()
    known = known_document(document)
    if known is not None:  # captions or a player's config named talk.<kind>.json
        return known
    try:
        segments = _validated(path, SegmentRecord, segments_in(document, SEGMENT_TEXT_KEYS))
    except (InputError, ValidationError):
        segments = []
    if segments:
        return Sniffed(segments=in_seconds(document, segments))
    return Sniffed(meta=MetaRecord.model_validate({FACTS_KEY: facts_of(document)}))


def _json_meta(path: Path) -> MetaRecord:
    return MetaRecord.model_validate(read_json(path))


Reader = tuple[str, Callable[[Path], Any]]
"""The shape a sidecar is expected in, and the function reading it."""
TRANSCRIPT_READERS: dict[str, Reader] = {
    ".json": (TRANSCRIPT_SHAPE, _json_transcript),
    ".txt": (TEXT_TRANSCRIPT_SHAPE, parse_turns),
    ".md": (TEXT_TRANSCRIPT_SHAPE, parse_turns),
    ".ass": (ASS_SHAPE, read_ass),
    ".ssa": (ASS_SHAPE, read_ass),
    ".ttml": (TTML_SHAPE, read_ttml),
    ".dfxp": (TTML_SHAPE, read_ttml),
}
KEYFRAME_READERS: dict[str, Reader] = {
    ".csv": (FRAME_TABLE_SHAPE, read_frame_table),
    ".tsv": (FRAME_TABLE_SHAPE, read_frame_table),
    **{f".{ext}": (FRAME_LIST_SHAPE, read_frame_list) for ext in STRUCTURED_EXTS},
}
META_READERS: dict[str, Reader] = {
    ".nfo": (NFO_SHAPE, read_nfo),
    **{f".{ext}": (STRUCTURED_META_SHAPE, read_meta_document) for ext in STRUCTURED_EXTS},
}
"""Readers by file ending; any other transcript is SRT / WebVTT / SBV subtitles, any
other keyframes file or meta JSON (keyframe notes may be Markdown)."""


def reader_for(path: Path, readers: dict[str, Reader], default: Reader) -> Reader:
    """The reader of a sidecar by its ending, else ``default``."""
    return readers.get(path.suffix.lower(), default)


def _distinct(paths: list[Path]) -> list[Path]:
    """``paths`` without a file found twice (declared in the meta and named after the video)."""
    found: dict[Path, Path] = {}
    for path in paths:
        found.setdefault(path.resolve(), path)
    return list(found.values())


Transcriber = Callable[[Path, str | None], "Transcription"]
"""Transcribes a media file in a declared language (None: detect)."""

_DIARISATION_ID = re.compile(r"^(?:speaker|spk|说话人|发言人)[\s_\-]*\w{0,3}$", re.IGNORECASE)


def is_diarisation_id(label: str) -> bool:
    """True for anonymous speaker labels such as ``SPEAKER_00`` or ``说话人1``."""
    return bool(_DIARISATION_ID.match(label.strip()))


class VideoEvidence:
    """Transcript segments, keyframe notes and metadata of one video.

    With no transcript sidecar, a ``transcriber`` (when given and the media file
    exists) supplies the segments; ``transcription_error`` then says why there
    are none, e.g. a language the model cannot do. Paths the meta declares must
    stay inside ``root`` (the task folder; the video's folder when not given).
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
        self.name = self.path.name
        self.root = (Path(root) if root is not None else self.path.parent).resolve()
        self._transcriber = transcriber
        self.transcription_error: str | None = None
        self.problems: list[SidecarProblem] = []

    # ------------------------------------------------------------ finding sidecars

    def _existing(self, names: list[str], kind: str) -> list[Path]:
        """Sidecars of a ``kind`` present next to the video; one that is a link out of
        the task folder or not a regular file is recorded as a problem and never read."""
        found = []
        for name in names:
            path = self.path.with_name(name)
            if not (path.exists() or path.is_symlink()):
                continue
            try:
                confine(path, self.root)
                require_regular_file(path, "sidecar")
            except InputError as error:
                self._record(path, kind, error.problem, "a regular file in the task folder")
                continue
            found.append(path)
        return list(dict.fromkeys(found))

    def _declared(self, paths: list[str], kind: str) -> list[Path]:
        meta_path = self._meta_path()
        folder = meta_path.parent if meta_path else self.path.parent
        chosen = []
        for declared in paths:
            candidate = (folder / declared).resolve()
            if not candidate.is_relative_to(self.root):
                self._record(folder / declared, kind, "points outside the task folder", "")
            elif candidate.is_file():
                chosen.append(candidate)
            else:
                self._record(folder / declared, kind, "declared in the meta but not found", "")
        return chosen

    def _meta_path(self) -> Path | None:
        stem, name = self.path.stem, self.name
        suffixes = (*META_SUFFIXES, *STRUCTURED_META_SUFFIXES)
        own = [f"{base}{s}" for s in suffixes for base in (stem, name)]
        nfo = [f"{stem}.nfo", f"{name}.nfo"]
        found = self._existing([*own, *nfo, *GENERIC_META_NAMES, "movie.nfo"], "meta")
        return found[0] if found else None

    def _speaker_map(self, meta: MetaRecord) -> list[SpeakerRecord]:
        """The people of a diarisation map beside the video (``speakers.json``: a
        ``{label: name or person}`` table, or one under ``"speakers"``), or one the
        ``meta`` declares."""
        paths = self._declared(meta.speaker_map, "meta") + self._existing(
            [f"{self.path.stem}.speakers.json", "speakers.json"], "meta"
        )
        for path in dict.fromkeys(paths):
            read = self._read(
                path,
                "meta",
                META_SHAPE,
                lambda p: MetaRecord.model_validate({"speakers": speakers_in(read_json(p))}),
            )
            if read is not None and read.speakers:
                return read.speakers
        return []

    def _subtitle_paths(self) -> list[Path]:
        stem, name = self.path.stem, self.name
        names = [f"{base}{s}" for base in (stem, name) for s in SUBTITLE_SUFFIXES]
        tagged = sorted(
            p.name
            for p in self.path.parent.glob(f"{stem}.*")
            if p.suffix.lower() in SUBTITLE_SUFFIXES and p.name not in names
        )
        generic = [f"{base}{s}" for base in ("transcript", "subtitles") for s in SUBTITLE_SUFFIXES]
        return self._existing([*names, *tagged, *generic], "transcript")

    def _transcript_file_paths(self) -> list[Path]:
        stem = self.path.stem
        names = [f"{stem}{suffix}" for suffix in TRANSCRIPT_JSON_SUFFIXES]
        plain = [n.format(stem=stem, name=self.name) for n in TEXT_TRANSCRIPT_NAMES]
        return self._existing([*names, f"{stem}.json", "transcript.json", *plain], "transcript")

    @cached_property
    def _sniffed(self) -> list[Sniffed]:
        """Files named after the video (``talk.*``) that no reader claims by their
        ending (``talk.edl``, ``talk.ffmetadata.txt``, ``talk.shownotes.md``), each read
        once for what its content shows it to be (:mod:`citecheck.corpus.sidecarsniff`)."""
        names = sorted(
            p.name
            for p in self.path.parent.glob(f"{self.path.stem}.*")
            if not p.name.casefold().endswith(CLAIMED_ENDINGS) and p.name != f"{self.path.stem}.txt"
        )
        others = [_sniffed_json(path) for path in self._other_json_paths()]
        return [*(sniff(path) for path in self._existing(names, "meta")), *others]

    def _other_json_paths(self) -> list[Path]:
        """JSON files named after the video that no known ending places
        (``talk.transcribe.json``, ``talk.deepgram.json``): a speech service's output
        whose segments :func:`segments_in` may find."""
        known = (*SIDECAR_JSON_SUFFIXES, *STRUCTURED_META_SUFFIXES)
        names = sorted(
            p.name
            for p in self.path.parent.glob(f"{self.path.stem}.*.json")
            if not p.name.casefold().endswith(known)
        )
        return self._existing(names, "transcript")

    # ------------------------------------------------------------ reading them

    def _record(self, path: Path, kind: Any, problem: str, expected: str) -> None:
        try:
            shown = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            shown = str(path)
        self.problems.append(
            SidecarProblem(path=shown, kind=kind, problem=problem, expected=expected)
        )

    def _read(self, path: Path, kind: Any, expected: str, read: Callable[[Path], Any]) -> Any:
        """``read(path)``, or None with the problem recorded."""
        try:
            return read(path)
        except InputError as error:
            self._record(path, kind, error.problem, expected)
        except ValidationError as error:
            self._record(path, kind, _problem(error), expected)
        return None

    @cached_property
    def segments(self) -> list[SourceUnit]:
        """Transcript segments (kind ``segment``) from every transcript sidecar."""
        raw: list[SegmentRecord] = []
        declared = self._declared(self.meta.transcript, "transcript")
        for path in _distinct([*declared, *self._subtitle_paths(), *self._transcript_file_paths()]):
            shape, read = reader_for(path, TRANSCRIPT_READERS, (SUBTITLES_SHAPE, parse_cues))
            raw.extend(self._read(path, "transcript", shape, read) or [])
        for sniffed in self._sniffed:  # a TextGrid, a speech service's JSON: known by content
            raw.extend(sniffed.segments)
        if not raw:
            raw = self._transcribed()
        return [self._segment_unit(s) for s in sorted(raw, key=lambda s: s.start)]

    def _transcribed(self) -> list[SegmentRecord]:
        if self._transcriber is None or not self.path.is_file():
            return []
        result = self._transcriber(self.path, self.meta.language)
        self.transcription_error = result.error
        return [SegmentRecord(start=s.start, end=s.end, text=s.text) for s in result.segments]

    def speaker_named(self, label: str | None) -> SpeakerRecord | None:
        """The meta's person behind a transcript label (a name, an alias or a diarisation id)."""
        if not label:
            return None
        key = label.strip().casefold()
        for person in self.meta.speakers:
            if (person.id or "").casefold() == key or key in (n.casefold() for n in person.names):
                return person
        return None

    def _segment_unit(self, segment: SegmentRecord) -> SourceUnit:
        end = segment.end if segment.end is not None else segment.start
        person = self.speaker_named(segment.speaker)
        speaker = person.name if person else segment.speaker
        if speaker and is_diarisation_id(speaker):
            speaker = None  # an anonymous label the meta does not resolve says nothing
        return SourceUnit(
            source=self.name,
            kind="segment",
            locator=f"{format_time(segment.start)}–{format_time(end)}",
            text=segment.text,
            start=segment.start,
            end=end,
            speaker=speaker,
        )

    @cached_property
    def keyframes(self) -> list[SourceUnit]:
        """Keyframe notes (kind ``keyframe``) from the keyframes sidecars."""
        stem, name = self.path.stem, self.name
        suffixes = [*KEYFRAME_SUFFIXES, ".keyframes.md", *KEYFRAME_TABLE_SUFFIXES]
        generic = ["keyframes.json", "scenes.json", "keyframes.md"]
        generic += [f"{kind}.{ext}" for ext in FRAME_LIST_EXTS for kind in ("slides", "keyframes")]
        paths = self._declared(self.meta.keyframes, "keyframes") + self._existing(
            [f"{base}{s}" for s in suffixes for base in (stem, name)] + generic, "keyframes"
        )
        frames: list[KeyframeRecord] = []
        for path in _distinct(paths):
            shape, read = reader_for(path, KEYFRAME_READERS, (KEYFRAMES_SHAPE, _keyframe_notes))
            frames.extend(self._read(path, "keyframes", shape, read) or [])
        for sniffed in self._sniffed:  # chapters, edit lists, slides: known by content
            frames.extend(sniffed.frames)
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
    def declared_length(self) -> float | None:
        """How long the video runs, in seconds, by what declares it: the meta's
        ``duration_s``, else the media file's own header; None when neither does."""
        if self.meta.duration_s is not None:
            return self.meta.duration_s
        try:
            confine(self.path, self.root)
        except InputError:
            return None
        return declared_seconds(self.path) if is_regular_file(self.path) else None

    @cached_property
    def length(self) -> list[SourceUnit]:
        """The video's length as a unit (kind ``meta``), for claims of how long the talk
        runs: its :attr:`declared_length`, else where the transcript ends; none unknown."""
        seconds = self.declared_length
        if seconds is None and self.segments:
            seconds = max(s.end or s.start or 0.0 for s in self.segments) or None
        if seconds is None:
            return []
        # English only: a unit in another script would change what the script-aware
        # overlap of a claim with the transcript compares; numbers align across languages
        text = (
            f"The video runs {format_time(seconds)}: {seconds:.0f} seconds, "
            f"about {round(seconds / 60)} minutes."
        )
        return [
            SourceUnit(
                source=self.name, kind="meta", locator=f"length {format_time(seconds)}", text=text
            )
        ]

    @cached_property
    def stated(self) -> list[SourceUnit]:
        """What the meta sidecar states (event, venue, date, people) as one unit (kind
        ``meta``), for claims about the recording rather than what is said in it."""
        facts = self.meta.facts
        if not facts:
            return []
        return [SourceUnit(source=self.name, kind="meta", locator="meta", text="\n".join(facts))]

    @cached_property
    def meta(self) -> MetaRecord:
        """Metadata from the meta sidecar, with the people of a diarisation map when it
        names none; empty when there is none or it is unreadable."""
        path = self._meta_path()
        read = None
        if path is not None:
            shape, reader = reader_for(path, META_READERS, (META_SHAPE, _json_meta))
            read = self._read(path, "meta", shape, reader)
        meta = read or MetaRecord()
        for sniffed in self._sniffed:  # show notes, ffmetadata, XML exports: known by content
            meta = meta.filled_from(sniffed.meta) if sniffed.meta is not None else meta
        if not meta.speakers:
            meta = meta.model_copy(update={"speakers": self._speaker_map(meta)})
        return meta

    @property
    def presenter(self) -> SpeakerRecord | None:
        """The presenter: the meta's ``presenter`` field, else the speaker whose role it is."""
        return role_holder(self, "presenter", self.meta.presenter)

    @property
    def moderator(self) -> SpeakerRecord | None:
        """The moderator: the meta's ``moderator`` field, else the speaker whose role it is."""
        return role_holder(self, "moderator", self.meta.moderator)

    @cached_property
    def sidecar_names(self) -> list[str]:
        """Names of the files beside the video that are named after it (``talk.srt``,
        ``talk.eaf``): what an agent could have read of the talk without opening it."""
        named = self.path.parent.glob(f"{glob.escape(self.path.stem)}.*")
        return sorted(p.name for p in named if p != self.path)

    def read_all(self) -> list[SidecarProblem]:
        """Read every sidecar; the problems met on the way."""
        _ = self.meta, self.segments, self.keyframes
        return self.problems

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


def role_holder(video: VideoEvidence, role: Role, named: str | None) -> SpeakerRecord | None:
    """Who holds ``role`` in the video: the person the meta ``named`` for it (one of
    its speakers when they match), else the first speaker whose role it is."""
    if named:
        return video.speaker_named(named) or SpeakerRecord(name=named, role=role)
    return next((p for p in video.meta.speakers if p.normal_role == role), None)
