"""Readers of a video's sidecars written as plain text, tables or XML.

:mod:`citecheck.corpus.video` finds the files; each reader here turns one into the
records of :mod:`citecheck.corpus.sidecars`, or raises an :class:`InputError`
naming what is wrong with it:

- :func:`parse_turns`: a plain-text transcript, one timestamped turn a line
  (``许念 (00:00:04): …``, ``[00:01:02] Name: …``, ``00:01:02 Name: …``, whisper's
  ``[00:00.000 --> 00:04.000] …``, an SRT saved as text) or an Otter / Descript
  export (``Name  0:42`` over the lines of the turn);
- :func:`read_frame_table`: a CSV / TSV list of keyframes, slides or scenes;
- :func:`read_nfo`: a media manager's Kodi-style ``.nfo`` XML;
- :func:`split_speaker`: the speaker label at the start of a line of speech.

Times are read by :func:`citecheck.corpus.sidecars.seconds` (seconds, ``mm:ss``,
``hh:mm:ss(.mmm)``).
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from citecheck.corpus.sidecars import KeyframeRecord, MetaRecord, SegmentRecord, seconds
from citecheck.errors import InputError
from citecheck.safeio import read_text

VOICE_TAG = re.compile(r"^<v(?:\.[\w.]+)?\s+([^>]+)>")
TAG = re.compile(r"</?[^>]+>")
SPEAKER_PREFIX = re.compile(r"^\s*([^\s:：][^:：]{0,29}?)\s*[:：]\s*(\S.*)$")
BRACKET_SPEAKER = re.compile(r"^\s*[\[【]([^\]】\d][^\]】]{0,29})[\]】]\s*(\S.*)$")


def split_speaker(text: str) -> tuple[str | None, str]:
    """A ``<v Name>`` tag or ``Name: text`` prefix split from the cue text."""
    voice = VOICE_TAG.match(text)
    if voice:
        return voice.group(1).strip(), TAG.sub("", text).strip()
    text = TAG.sub("", text).strip()
    bracketed = BRACKET_SPEAKER.match(text)
    if bracketed:
        return bracketed.group(1).strip(), bracketed.group(2)
    prefixed = SPEAKER_PREFIX.match(text)
    if prefixed and not prefixed.group(1).isdigit() and not set("[]()") & set(prefixed.group(1)):
        return prefixed.group(1), prefixed.group(2)
    return None, text


# ---------------------------------------------------------------- plain-text turns

_TIME = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
_SPAN = rf"(?P<time>{_TIME})(?:\s*(?:-->|[-–—~]|to)\s*(?P<end>{_TIME}))?"
"""A start time, and an end after it ("00:01:02 --> 00:01:05", "0:42 - 0:50")."""
_NAME = r"[^\s\[\]()（）【】:：#][^\[\]()（）【】:：]{0,39}?"
_OPEN, _CLOSE = r"[\[(（【]", r"[\])）】]"
_TURN_LINES = (
    # 许念 (00:00:04): text · Name [02:05] text · "Name (0:42)" over the turn's lines
    re.compile(rf"^(?P<speaker>{_NAME})\s*{_OPEN}\s*{_SPAN}\s*{_CLOSE}\s*[:：]?\s*(?P<said>.*)$"),
    # [00:01:02] Name: text · (00:01:02) Name: text · 00:01:02 Name: text · 0:42 alone ·
    # whisper's "[00:00.000 --> 00:04.000]  text" · an SRT's "00:00:01,000 --> 00:00:04,000"
    re.compile(rf"^{_OPEN}?\s*{_SPAN}\s*{_CLOSE}?\s*[-–—|]?\s*(?P<said>.*)$"),
    # Otter / Descript: "Name  0:42" or "Name 00:00:42" alone, the turn on the lines under it
    re.compile(rf"^(?P<speaker>{_NAME})\s+(?P<time>{_TIME})(?P<end>)(?P<said>)$"),
)
_MARKUP = re.compile(r"^(?:[-*+>•]\s+)+|\*\*")
_NOT_A_NAME = re.compile(r"\d{3,}|\d[-/.]\d")
"""A date or a number in what stands where a speaker's name would: a title line."""
_NOT_SPEECH = re.compile(r"^(?:#|---|\d+$)")
"""Lines inside a turn that are no speech: a Markdown heading or rule, a cue number."""


@dataclass
class _Turn:
    start: float
    end: float | None
    speaker: str | None
    lines: list[str]


def _turn(line: str) -> _Turn | None:
    """The turn a line opens; None for any other line."""
    for pattern in _TURN_LINES:
        found = pattern.match(line)
        start = seconds(found["time"]) if found else None
        if found is None or not isinstance(start, float | int):
            continue
        end = seconds(found["end"]) if found["end"] else None
        end = float(end) if isinstance(end, float | int) and end >= start else None
        if "speaker" not in found.groupdict():
            speaker, said = split_speaker(found["said"])
        elif _NOT_A_NAME.search(found["speaker"]):
            continue
        else:
            speaker, said = found["speaker"].strip(), found["said"]
        return _Turn(float(start), end, speaker or None, [said.strip()] if said.strip() else [])
    return None


def parse_turns(path: Path) -> list[SegmentRecord]:
    """The turns of a plain-text (or Markdown) transcript, as segments that end where
    the line gives an end, else where the next begins.

    A turn opens with a timestamped line in any of the shapes of
    :data:`citecheck.corpus.sidecars.TEXT_TRANSCRIPT_SHAPE`; the lines after it that
    open none continue it. Title lines before the first turn, Markdown headings and
    bare cue numbers are skipped; list bullets and bold markers around a name are
    ignored. A file with no timestamped line is an :class:`InputError`, not an empty
    transcript.
    """
    turns: list[_Turn] = []
    for raw in read_text(path, "transcript").splitlines():
        line = _MARKUP.sub("", raw.strip()).strip()
        opened = _turn(line) if line else None
        if opened is not None:
            turns.append(opened)
        elif turns and line and not _NOT_SPEECH.match(raw.strip()):
            turns[-1].lines.append(line)
    if not turns:
        raise InputError(path, "no timestamped lines: no transcript turn could be read")
    for turn, following in itertools.pairwise(turns):
        if turn.end is None and following.start >= turn.start:
            turn.end = following.start
    return [
        SegmentRecord(start=t.start, end=t.end, speaker=t.speaker, text=" ".join(t.lines))
        for t in turns
        if t.lines
    ]


# ---------------------------------------------------------------- CSV / TSV frame lists

_TIME_COLUMNS = frozenset(
    [
        "start",
        "time",
        "timestamp",
        "t",
        "at",
        "begin",
        "start_time",
        "start_sec",
        "seconds",
        "time_s",
        "时间",
        "开始",
        "开始时间",
        "时间点",
        "时间戳",
        "时间码",
    ]
)
"""Header names of the time of a frame (after :func:`_column`)."""
_SKIPPED_COLUMNS = frozenset(
    [
        "end",
        "stop",
        "to",
        "end_time",
        "duration",
        "结束",
        "结束时间",
        "时长",
        "id",
        "index",
        "idx",
        "#",
        "序号",
        "编号",
    ]
)
"""Columns that say nothing of what is on screen: when it ends, its number in the list."""
_BARE_COLUMNS = frozenset(
    ["text", "description", "caption", "summary", "content", "描述", "内容", "说明"]
)
"""Text columns shown as they are; any other column is shown as ``name: value``."""
_UNIT = re.compile(r"\s*[(（\[][^)）\]]*[)）\]]\s*$")


def _column(name: str) -> str:
    """A header cell compared by its words: "Start (s)" is ``start``, "Slide-Title"
    ``slide_title``."""
    return re.sub(r"[\s\-]+", "_", _UNIT.sub("", name).strip().casefold())


def _delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    return max((",", "\t", ";"), key=header.count)


def read_frame_table(path: Path) -> list[KeyframeRecord]:
    """One keyframe per row of a CSV / TSV list of keyframes, slides or scenes.

    The header's first time column (:data:`_TIME_COLUMNS`: ``start``, ``time``,
    ``timestamp``, ``t``, ``at``, ``begin``, ``时间``, ``开始`` …, a unit in brackets
    ignored) gives the row's time, in seconds, ``mm:ss`` or ``hh:mm:ss(.ms)``; its
    text joins every other non-empty cell but end times and ids, descriptions as
    they are and the rest after their column name ("slide title: …"). Rows with
    no text are left out; a header without a time column, or a row whose time is
    not one, is an :class:`InputError`.
    """
    text = read_text(path, "keyframes")
    header = next((line for line in text.splitlines() if line.strip()), "")
    try:
        table = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(path, header))
        rows = [row for row in table if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise InputError(path, f"invalid CSV: {error}") from None
    if not rows:
        raise InputError(path, "empty table: expected a header and one row per frame")
    columns = [_column(cell) for cell in rows[0]]
    timed = next((i for i, name in enumerate(columns) if name in _TIME_COLUMNS), None)
    if timed is None:
        raise InputError(path, f"no time column in the header {rows[0]}")
    frames = []
    for number, row in enumerate(rows[1:], start=2):
        cell = row[timed].strip() if timed < len(row) else ""
        time = seconds(cell)
        if not isinstance(time, float | int) or not 0 <= time < math.inf:
            raise InputError(path, f"row {number}: {cell!r} is not a time")
        said = [
            value.strip()
            if columns[i] in _BARE_COLUMNS
            else f"{_label(rows[0][i])}: {value.strip()}"
            for i, value in enumerate(row[: len(columns)])
            if value.strip() and i != timed and columns[i] not in _SKIPPED_COLUMNS
        ]
        if said:
            frames.append(KeyframeRecord(time=float(time), text=" | ".join(said)))
    return frames


def _label(header: str) -> str:
    return re.sub(r"[_\-]+", " ", header).strip()


# ---------------------------------------------------------------- Kodi .nfo

_DECLARATIONS = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_MINUTES = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:min(?:ute)?s?|分钟|分)?\s*$", re.IGNORECASE)


def _first_text(root: ET.Element, *paths: str) -> str | None:
    for where in paths:
        found = root.findtext(where)
        if found and found.strip():
            return found.strip()
    return None


def _nfo_length(root: ET.Element) -> float | str | None:
    """Seconds from ``durationinseconds``, else the ``runtime`` (or an old Kodi's
    stream ``duration``) in minutes; a clock or ISO length is read as one."""
    exact = _first_text(root, "fileinfo/streamdetails/video/durationinseconds")
    if exact is not None:
        return exact
    runtime = _first_text(root, "runtime", "fileinfo/streamdetails/video/duration")
    if runtime is None:
        return None
    minutes = _MINUTES.match(runtime)
    return float(minutes.group(1)) * 60 if minutes else runtime


def read_nfo(path: Path) -> MetaRecord:
    """The meta of a Kodi-style ``.nfo`` (``<movie>``, ``<episodedetails>``,
    ``<musicvideo>``…): ``title`` (else ``originaltitle``), the length
    (:func:`_nfo_length`), ``<actor>`` name and role as speakers, and the ``plot``
    as the description, whose credits ("主持：许念") name the presenter and moderator.

    The file is untrusted: one declaring a DOCTYPE or entities is refused rather
    than parsed, and text after the root element (a scraper's URL line) is ignored.
    """
    text = read_text(path, "meta")
    if _DECLARATIONS.search(text):
        raise InputError(path, "refused: an .nfo may not declare a DOCTYPE or entities")
    try:
        root = ET.fromstring(text[: text.rfind(">") + 1])
    except ET.ParseError as error:
        raise InputError(path, f"invalid XML: {error}") from None
    people = [
        {"name": _first_text(actor, "name"), "role": _first_text(actor, "role")}
        for actor in root.iter("actor")
    ]
    meta = {
        "title": _first_text(root, "title", "originaltitle", "sorttitle"),
        "plot": _first_text(root, "plot", "outline"),
        "duration_s": _nfo_length(root),
        "speakers": [p for p in people if p["name"]],
    }
    if not any(meta.values()):
        raise InputError(path, f"<{root.tag}> holds no title, plot, actor or length")
    return MetaRecord.model_validate({k: v for k, v in meta.items() if v})
