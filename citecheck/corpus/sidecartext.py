"""Readers of a video's sidecars written as plain text, tables, XML, YAML or TOML.

:mod:`citecheck.corpus.video` finds the files; each reader here turns one into the
records of :mod:`citecheck.corpus.sidecars`, or raises an :class:`InputError`
naming what is wrong with it:

- :func:`parse_turns`: a plain-text transcript, one timestamped turn a line
  (``许念 (00:00:04): …``, ``[00:01:02] Name: …``, ``00:01:02 Name: …``, whisper's
  ``[00:00.000 --> 00:04.000] …``, an SRT saved as text) or an Otter / Descript
  export (``Name  0:42`` over the lines of the turn);
- :func:`read_ass`, :func:`read_ttml`: ASS / SSA and TTML / DFXP subtitles;
- :func:`read_frame_table`, :func:`read_frame_list`: a CSV / TSV table, or a YAML /
  TOML list, of keyframes, slides, scenes or chapters, each row or item made a frame
  by :func:`frame_of`;
- :func:`read_nfo`: a media manager's Kodi-style ``.nfo`` XML; :func:`parse_xml`
  refuses DOCTYPE and entity declarations in it and in TTML;
- :func:`read_meta_document`: a ``.meta.json``'s fields as YAML or TOML
  (:func:`load_document`: ``tomllib``, PyYAML's safe loader without aliases);
- :func:`split_speaker`: the speaker label at the start of a line of speech.

Times are read by :func:`citecheck.corpus.sidecars.seconds` (seconds, ``mm:ss``,
``hh:mm:ss(.mmm)``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from citecheck.corpus.sidecars import KeyframeRecord, MetaRecord, SegmentRecord, seconds
from citecheck.errors import InputError
from citecheck.safeio import read_text
from citecheck.textutil import scrub_surrogates

VOICE_TAG = re.compile(r"^<v(?:\.[\w.]+)?\s+([^>]+)>")
TAG = re.compile(r"</?[^>]+>")
SPEAKER_PREFIX = re.compile(r"^\s*([^\s:：][^:：]{0,29}?)\s*[:：]\s*(\S.*)$")
BRACKET_SPEAKER = re.compile(r"^\s*[\[【]([^\]】\d][^\]】]{0,29})[\]】]\s*(\S.*)$")


def split_speaker(text: str) -> tuple[str | None, str]:
    """A ``<v Name>`` tag or ``Name: text`` prefix split from the cue text (after the
    ``>>`` that marks a new speaker in broadcast captions)."""
    voice = VOICE_TAG.match(text)
    if voice:
        return voice.group(1).strip(), TAG.sub("", text).strip()
    text = TAG.sub("", text).strip().removeprefix(">>").lstrip()
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
    segments = turns_of(read_text(path, "transcript"))
    if not segments:
        raise InputError(path, "no timestamped lines: no transcript turn could be read")
    return segments


def turns_of(text: str) -> list[SegmentRecord]:
    """The turns of a plain-text transcript's text (see :func:`parse_turns`); none when
    no line opens one."""
    turns: list[_Turn] = []
    for raw in text.splitlines():
        line = _MARKUP.sub("", raw.strip()).strip()
        opened = _turn(line) if line else None
        if opened is not None:
            turns.append(opened)
        elif turns and line and not _NOT_SPEECH.match(raw.strip()):
            turns[-1].lines.append(line)
    for turn, following in itertools.pairwise(turns):
        if turn.end is None and following.start >= turn.start:
            turn.end = following.start
    return [
        SegmentRecord(start=t.start, end=t.end, speaker=t.speaker, text=" ".join(t.lines))
        for t in turns
        if t.lines
    ]


# ---------------------------------------------------------------- ASS / SSA and TTML subtitles

_OVERRIDE = re.compile(r"\{[^}]*\}")
r"""An ASS override block ("{\i1}", "{\pos(10,20)}") or a comment in braces: never shown."""
_ASS_BREAK = re.compile(r"\\[Nnh]")


def read_ass(path: Path) -> list[SegmentRecord]:
    r"""The ``Dialogue:`` lines of an Advanced SubStation Alpha (``.ass``) or SSA
    subtitle file: its ``[Events]`` section's ``Format:`` line names the fields of
    each (``Start``, ``End``, ``Name``, ``Text``, in any order, Text last); the Name
    is the speaker, else a ``Name:`` prefix of the text. Override blocks ``{\...}``
    are dropped and line breaks ``\N`` read as spaces; ``Comment:`` lines and other
    sections are skipped. No Format line before a Dialogue line, a line with too few
    fields or a time that is not one is an :class:`InputError`; so is a file
    without dialogue."""
    section = ""
    fields: list[str] = []
    segments: list[SegmentRecord] = []
    for number, line in enumerate(read_text(path, "subtitles").splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped.casefold()
            continue
        kind, _, value = stripped.partition(":")
        if section != "[events]" or kind.strip().casefold() not in ("format", "dialogue"):
            continue
        if kind.strip().casefold() == "format":
            fields = [field.strip().casefold() for field in value.split(",")]
        elif not {"start", "end", "text"} <= set(fields):
            raise InputError(path, f"line {number}: no Format line naming Start, End, Text")
        else:
            values = value.split(",", len(fields) - 1)  # the last field (Text) keeps its commas
            segments.append(_dialogue(path, number, dict(zip(fields, values, strict=False))))
    if not segments:
        raise InputError(path, "no Dialogue lines in an [Events] section")
    return [segment for segment in segments if segment.text]


def _dialogue(path: Path, number: int, line: dict[str, str]) -> SegmentRecord:
    if "text" not in line:
        raise InputError(path, f"line {number}: fewer fields than the Format line names")
    start, end = seconds(line["start"]), seconds(line["end"])
    if not all(isinstance(t, float | int) and 0 <= t < math.inf for t in (start, end)):
        raise InputError(path, f"line {number}: {line['start']!r}-{line['end']!r} is no time")
    text = " ".join(_ASS_BREAK.sub(" ", _OVERRIDE.sub("", line["text"])).split())
    name = line.get("name", "").strip() or line.get("actor", "").strip()
    speaker, said = (name, text) if name else split_speaker(text)
    return SegmentRecord(start=start, end=end, speaker=speaker, text=said)


_TTML_CLOCK = re.compile(r"^(\d{1,4}):(\d{2}):(\d{2})(?:(\.\d+)|:(\d+(?:\.\d+)?))?$")
_TTML_OFFSET = re.compile(r"^(\d+(?:\.\d+)?)(h|ms|m|s|f|t)$")
_TTML_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}


@dataclass
class _TtmlClock:
    """How a TTML document counts frames and ticks (``ttp:frameRate``, ``ttp:tickRate``)."""

    frame_rate: float
    tick_rate: float

    def seconds(self, stamp: str) -> float | None:
        """Seconds of a clock time (``00:00:01.500``, ``00:00:01:12`` frames) or an
        offset (``1.5s``, ``1500ms``, ``36f``, ``10000000t``); None for anything else."""
        clock, offset = _TTML_CLOCK.match(stamp.strip()), _TTML_OFFSET.match(stamp.strip())
        if clock:
            hours, minutes, secs, fraction, frames = clock.groups()
            whole = int(hours) * 3600 + int(minutes) * 60 + int(secs) + float(fraction or 0)
            time = whole + float(frames or 0) / self.frame_rate
        elif offset:
            count, unit = float(offset.group(1)), offset.group(2)
            per = {"f": self.frame_rate, "t": self.tick_rate}.get(unit)
            time = count / per if per else count * _TTML_UNITS[unit]
        else:
            return None
        return time if time < math.inf else None


def _local(name: str) -> str:
    """An XML name without its namespace (``{http://www.w3.org/ns/ttml}p`` is ``p``)."""
    return name.rpartition("}")[2]


def _attribute(element: ET.Element, local: str) -> str | None:
    return next((v for k, v in element.attrib.items() if _local(k) == local), None)


def _rate(root: ET.Element, local: str, default: float) -> float:
    try:
        rate = float(_attribute(root, local) or default)
    except ValueError:
        return default
    return rate if 0 < rate < math.inf else default


def read_ttml(path: Path) -> list[SegmentRecord]:
    """The ``<p>`` captions of a TTML / DFXP document (``<tt>``): ``begin`` and
    ``end`` (or ``dur``) on the ``<p>`` or an element around it, clock times or
    offsets; the speaker is the ``ttm:agent`` of the ``<p>`` or around it, by the
    ``<ttm:name>`` its ``<ttm:agent>`` declares, else as written; ``<br/>`` is a
    space. Refused like an ``.nfo`` when it declares a DOCTYPE or entities; a ``<p>``
    with no begin or a time that is not one is an :class:`InputError`, so is a
    document with no ``<p>``."""
    root = parse_xml(path, read_text(path, "subtitles"), "TTML")
    if _local(root.tag) != "tt":
        raise InputError(path, f"<{_local(root.tag)}> is not a TTML <tt> document")
    clock = _TtmlClock(_rate(root, "frameRate", 30.0), _rate(root, "tickRate", 1.0))
    agents = {
        _attribute(agent, "id"): " ".join("".join(name.itertext()).split())
        for agent in root.iter()
        if _local(agent.tag) == "agent"
        for name in agent
        if _local(name.tag) == "name"
    }
    captions: list[SegmentRecord] = []
    _ttml_captions(path, root, {}, clock, agents, captions)
    if not captions:
        raise InputError(path, "no <p> captions")
    return [caption for caption in captions if caption.text]


def _ttml_captions(
    path: Path,
    element: ET.Element,
    inherited: dict[str, str],
    clock: _TtmlClock,
    agents: dict[str | None, str],
    captions: list[SegmentRecord],
) -> None:
    """The captions of ``element``'s ``<p>`` descendants, with the timing and agent
    attributes of the elements around them."""
    here = {**inherited}
    for local in ("begin", "end", "dur", "agent"):
        value = _attribute(element, local)
        if value is not None:
            here[local] = value
    if _local(element.tag) != "p":
        for child in element:
            if _local(child.tag) not in ("head", "metadata", "styling", "layout"):
                _ttml_captions(path, child, here, clock, agents, captions)
        return
    number = len(captions) + 1
    start = clock.seconds(here.get("begin", ""))
    if start is None:
        raise InputError(path, f"<p> {number}: begin {here.get('begin')!r} is not a time")
    end = clock.seconds(here["end"]) if "end" in here else None
    if end is None and "dur" in here and (length := clock.seconds(here["dur"])) is not None:
        end = start + length
    text = " ".join(_ttml_text(element).split())
    agent = here.get("agent", "").split()
    speaker, said = (agents.get(agent[0], agent[0]), text) if agent else split_speaker(text)
    captions.append(SegmentRecord(start=start, end=end, speaker=speaker, text=said))


def _ttml_text(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if _local(child.tag) == "br" else _ttml_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


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
    ignored) gives the row's time; the row becomes a frame as :func:`frame_of`
    makes one (a repeated column name keeps its first column). Rows with no text
    are left out; a header without a time column, or a row whose time is not one,
    is an :class:`InputError`.
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
    timed = time_field(rows[0])
    if timed is None:
        raise InputError(path, f"no time column in the header {rows[0]}")
    frames: list[KeyframeRecord | None] = []
    for number, row in enumerate(rows[1:], start=2):
        cells: dict[str, str] = {}
        for name, cell in zip(rows[0], row, strict=False):
            cells.setdefault(name, cell)
        frames.append(_row_frame(path, f"row {number}", cells, timed))
    return [frame for frame in frames if frame is not None]


def time_field(names: Iterable[str]) -> str | None:
    """The first of a row's field names that names its time (:data:`_TIME_COLUMNS`)."""
    return next((name for name in names if _column(name) in _TIME_COLUMNS), None)


def frame_of(row: Mapping[str, Any], timed: str) -> KeyframeRecord | None:
    """The keyframe of one row of a frame list, a table's row or a TOML / YAML item:
    at the time under ``timed`` (seconds, ``mm:ss`` or ``hh:mm:ss(.ms)``), its text
    every other non-empty field but end times and ids (:data:`_SKIPPED_COLUMNS`),
    descriptions as they are and the rest after their name ("slide title: …"), a
    list of values joined by "; ". None for a row with no text; a :class:`ValueError`
    when the time is not one."""
    time = seconds(_value(row.get(timed)))
    if isinstance(time, bool) or not isinstance(time, float | int) or not 0 <= time < math.inf:
        raise ValueError(f"{_value(row.get(timed))!r} is not a time")
    said = [
        value if _column(name) in _BARE_COLUMNS else f"{_label(name)}: {value}"
        for name, value in ((name, _value(raw)) for name, raw in row.items())
        if value and name != timed and _column(name) not in _SKIPPED_COLUMNS
    ]
    return KeyframeRecord(time=float(time), text=" | ".join(said)) if said else None


def _row_frame(path: Path, where: str, row: Mapping[str, Any], timed: str) -> KeyframeRecord | None:
    try:
        return frame_of(row, timed)
    except ValueError as error:
        raise InputError(path, f"{where}: {error}") from None


def _value(raw: Any) -> str:
    """A field's value as text: a string stripped, a number written out, a list of
    them joined; "" for what says nothing (empty, a flag, a nested table)."""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, list):
        return "; ".join(v for v in map(_value, raw) if v)
    return ""


def _label(header: str) -> str:
    return re.sub(r"[_\-]+", " ", header).strip()


# ---------------------------------------------------------------- YAML / TOML documents

_FRAME_LISTS = ("slides", "slide", "keyframes", "frames", "scenes", "shots", "chapters")
"""Keys of a document's list of frames, when it holds more than one list."""


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader refusing anchors and aliases: a sidecar is untrusted, and
    aliases nested in aliases make a small file an exponentially large value."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases are refused", mark)
        return super().compose_node(parent, index)


def load_document(path: Path, what: str) -> Any:
    """A TOML (``.toml``) or YAML document as plain values: text keys, and dates and
    times as ISO strings (``00:01:10``); an :class:`InputError` when it is not one.
    YAML is read safely (no tags constructing objects), and without aliases."""
    text = read_text(path, what)
    try:
        if path.suffix.lower() == ".toml":
            return _plain(tomllib.loads(text))
        return _plain(yaml.load(text, Loader=_NoAliasLoader))  # a SafeLoader
    except tomllib.TOMLDecodeError as error:
        raise InputError(path, f"invalid TOML: {error}") from None
    except ValueError as error:  # an integer of more digits than Python converts
        raise InputError(path, f"invalid {path.suffix[1:].upper()}: {error}") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise InputError(path, f"invalid YAML: {error.problem}{where}") from None
    except yaml.YAMLError as error:
        raise InputError(path, "invalid YAML: " + " ".join(str(error).split())) from None
    except RecursionError:
        raise InputError(path, f"invalid {path.suffix[1:].upper()}: nested too deeply") from None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {scrub_surrogates(str(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return scrub_surrogates(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if value is None or isinstance(value, int | float):
        return value
    return None  # binary and other YAML-only values say nothing a sidecar needs


def read_meta_document(path: Path) -> MetaRecord:
    """The meta of a YAML or TOML meta file, read like a ``.meta.json`` (the same
    field names, nested sections and people)."""
    return MetaRecord.model_validate(load_document(path, "meta"))


def read_frame_list(path: Path) -> list[KeyframeRecord]:
    """One keyframe per item of a YAML or TOML list of slides, keyframes, scenes or
    chapters: a TOML array of tables (``[[slides]]``), a YAML list, or a mapping
    holding one list of items (else the one named like :data:`_FRAME_LISTS`). Each
    item becomes a frame as :func:`frame_of` makes one, at its first time field;
    items with no text are left out. An item that is no mapping, has no time field
    or a time that is not one is an :class:`InputError`."""
    items = _frame_items(path, load_document(path, "keyframes"))
    frames: list[KeyframeRecord | None] = []
    for number, item in enumerate(items, start=1):
        timed = time_field(item) if isinstance(item, dict) else None
        if not isinstance(item, dict) or timed is None:
            raise InputError(path, f"item {number}: expected a mapping with a time field")
        frames.append(_row_frame(path, f"item {number}", item, timed))
    return [frame for frame in frames if frame is not None]


def _frame_items(path: Path, data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    lists = {
        key: value
        for key, value in (data.items() if isinstance(data, dict) else ())
        if isinstance(value, list) and any(isinstance(item, dict) for item in value)
    }
    if len(lists) > 1:
        lists = {k: v for k, v in lists.items() if _column(k) in _FRAME_LISTS}
    if len(lists) != 1:
        raise InputError(path, "expected a list of frames, or a mapping holding one")
    return next(iter(lists.values()))


# ---------------------------------------------------------------- Kodi .nfo

_DECLARATIONS = re.compile(r"<!\s*ENTITY|<!\s*DOCTYPE[^>\[]*\[", re.IGNORECASE)
"""What an untrusted XML file may not declare: entities, or a DOCTYPE with an internal
subset; a bare ``<!DOCTYPE fcpxml>`` names its kind and declares nothing."""
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


def parse_xml(path: Path, text: str, what: str) -> ET.Element:
    """The root of an untrusted XML sidecar: one declaring entities or a DOCTYPE with an
    internal subset is refused rather than parsed, and text after the root element (a scraper's URL
    line) is ignored."""
    if _DECLARATIONS.search(text):
        raise InputError(path, f"refused: {what} may not declare a DOCTYPE or entities")
    try:
        return ET.fromstring(text[: text.rfind(">") + 1])
    except ET.ParseError as error:
        raise InputError(path, f"invalid XML: {error}") from None
    except RecursionError:
        raise InputError(path, "invalid XML: nested too deeply") from None


def read_nfo(path: Path) -> MetaRecord:
    """The meta of a Kodi-style ``.nfo`` (``<movie>``, ``<episodedetails>``,
    ``<musicvideo>``…): ``title`` (else ``originaltitle``), the length
    (:func:`_nfo_length`), ``<actor>`` name and role as speakers, and the ``plot``
    as the description, whose credits ("主持：许念") name the presenter and moderator.

    The file is untrusted: one declaring a DOCTYPE or entities is refused rather
    than parsed, and text after the root element (a scraper's URL line) is ignored.
    """
    root = parse_xml(path, read_text(path, "meta"), "an .nfo")
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
