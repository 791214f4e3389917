"""Sidecars known by what they hold rather than by their ending.

A file named after the video with an ending no reader claims (``talk.ffmetadata.txt``,
``talk.edl``, ``talk.shownotes.md``, ``talk.TextGrid``, ``talk.panopto.xml``, ``talk.eaf``,
``talk.xmp``) is recognised by its content:

- a Praat TextGrid (:mod:`citecheck.corpus.sidecarpraat`): a transcript, tier by speaker;
- an ELAN annotation document (:mod:`citecheck.corpus.sidecarelan`): speakers by
  tier, their transcript, screen notes and facts;
- a schema.org VideoObject in JSON-LD (:mod:`citecheck.corpus.sidecarjsonld`): title,
  length, people by role and chapters;
- a web player's files (:mod:`citecheck.corpus.sidecarplayer`): YouTube JSON3 captions,
  a Podlove Web Player config, an HLS playlist's described date ranges;
- a Final Cut Pro project (:mod:`citecheck.corpus.sidecarfcpxml`): people from
  keywords, markers as screen notes, length and facts;
- an Adobe XMP packet (:mod:`citecheck.corpus.sidecarxmp`): title, people, length,
  markers as screen notes and facts;
- other XML (:mod:`citecheck.corpus.sidecarcapture`): a lecture-capture export's people,
  slides and facts;
- an ffmpeg ``;FFMETADATA1`` file: its global ``key=value`` tags are meta (``title``,
  ``comment`` as the description, whose credits name the host and guest, ``date``…)
  and each ``[CHAPTER]`` (``TIMEBASE``, ``START``, ``title``) is a note at its start;
- a CMX3600 edit decision list (``TITLE:``, ``FCM:``, numbered events with source and
  record timecodes): each event is a note of what is on screen from its record-in
  time, counted from the first event's, with its clip name, ``* LOC:`` and
  ``* COMMENT:`` lines;
- a meeting's saved chat (Zoom's ``00:05:41 From 马骏 to Everyone:``): each message a
  turn of its sender;
- a transcript export of named, timestamped turns (Otter's ``Name  0:42`` over the
  paragraph, three turns or more);
- show notes or a video page's description that credit people by role (``**主持**：程一帆
  （Yifan Cheng），…``, ``本期主持：…``, ``Guest: …``) or map diarisation labels to names
  (``spk_0 = 程一帆``): meta with those people, every line kept as a stated fact, and
  a chapter list of three timestamped lines or more (``00:41 项目起源``) as notes.

Anything else is not a sidecar and is passed over without a problem.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.corpus.sidecarcapture import capture_frames, capture_meta
from citecheck.corpus.sidecarelan import ROOT_TAG as ELAN_ROOT
from citecheck.corpus.sidecarelan import ElanDocument
from citecheck.corpus.sidecarfcpxml import ROOT_TAG as FCPXML_ROOT
from citecheck.corpus.sidecarfcpxml import FcpxmlProject
from citecheck.corpus.sidecarjsonld import is_video_object, jsonld_frames, jsonld_meta
from citecheck.corpus.sidecarplayer import (
    is_json3,
    is_playlist,
    is_podlove,
    json3_segments,
    playlist_frames,
    podlove_chapters,
    podlove_meta,
)
from citecheck.corpus.sidecarpraat import HEADER as TEXTGRID_HEADER
from citecheck.corpus.sidecarpraat import read_textgrid
from citecheck.corpus.sidecars import (
    FACTS_KEY,
    FACTS_MAX,
    KeyframeRecord,
    MetaRecord,
    SegmentRecord,
    seconds,
    written_person,
)
from citecheck.corpus.sidecartext import parse_xml, turns_of
from citecheck.corpus.sidecarxmp import XmpPacket, is_xmp
from citecheck.errors import InputError
from citecheck.safeio import read_text

SNIFF_LIMIT_CHARS = 200_000
"""Characters of a candidate read to recognise it; real sidecars of these kinds are smaller."""
_FFMETA_HEADER = ";FFMETADATA1"
_FFMETA_ESCAPE = re.compile(r"\\(.)")
_EDL_EVENT = re.compile(
    r"^\s*\d{3,6}\s+\S+\s+\S+\s+\S+\s+(?:\d{1,3}\s+)?"
    r"(?:\d\d:\d\d:\d\d[:;.]\d\d\s+){2}(?P<rec_in>\d\d:\d\d:\d\d)[:;.]\d\d\s+\d\d:\d\d:\d\d[:;.]\d\d"
)
_EDL_NOTE = re.compile(r"^\s*\*\s*(?:FROM CLIP NAME|LOC|COMMENT)\s*:\s*(?P<text>.+?)\s*$", re.I)
_EDL_LOC_PREFIX = re.compile(r"^\d\d:\d\d:\d\d[:;.]\d\d\s+(?:[A-Z]+\s+)?")
_ROLE_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?[*_]*(?P<role>(?:本期|本场|现场|特邀)?(?:主持人?|嘉宾|主讲人?|讲者|现场提问|观众提问|提问|与谈人?"
    r"|Hosts?|Guests?|Speakers?|Moderators?|Panelists?|Audience(?: questions?)?|Questions? from))"
    r"[*_]*\s*[:：][*_]*\s*(?P<people>.+)$",
    re.IGNORECASE,
)
_LABEL_MAP = re.compile(
    r"(?P<id>\b(?:spk|speaker)[_\s-]?\d{1,3}\b|说话人\s*\d{1,3})\s*[=＝:：→]\s*"
    r"(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}|[^（(，,；;。\s]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sniffed:
    """What one candidate file turned out to hold (all empty for no sidecar)."""

    meta: MetaRecord | None = None
    frames: list[KeyframeRecord] = field(default_factory=list)
    segments: list[SegmentRecord] = field(default_factory=list)


def sniff(path: Path) -> Sniffed:
    """Read ``path`` once and recognise it: a Praat TextGrid (segments), an ffmetadata
    file (meta and chapters), a lecture-capture XML export (meta and slides), an edit
    decision list (frames) or show notes (meta and a chapter list); nothing otherwise."""
    text = _head(path)
    if text is None:
        return Sniffed()
    if _is_textgrid(text):
        try:
            return Sniffed(segments=read_textgrid(text))
        except ValueError:  # a time that is no number: no transcript rather than a crash
            return Sniffed()
    if text.startswith(_FFMETA_HEADER):
        return Sniffed(meta=_ffmetadata_meta(text), frames=_ffmetadata_chapters(text))
    if text.startswith("<"):
        root = _xml_root(path, text)
        if root is None:
            return Sniffed()
        if root.tag == ELAN_ROOT:
            elan = ElanDocument(root)
            return Sniffed(meta=elan.meta, frames=elan.frames, segments=elan.segments)
        if root.tag == FCPXML_ROOT:
            project = FcpxmlProject(root)
            return Sniffed(meta=project.meta, frames=project.frames)
        if is_xmp(root):
            packet = XmpPacket(root)
            return Sniffed(meta=packet.meta, frames=packet.frames)
        return Sniffed(meta=capture_meta(root), frames=capture_frames(root))
    known = known_document(_json(text)) if text.startswith("{") else None
    if known is not None:
        return known
    if is_playlist(text):
        return Sniffed(frames=playlist_frames(text))
    edited = _edl_events(text)
    if edited:
        return Sniffed(frames=edited)
    chat = _meeting_chat(text)
    if chat:
        return Sniffed(segments=chat)
    spoken = _speaker_turns(text)
    if spoken:
        return Sniffed(segments=spoken)
    return Sniffed(meta=_show_notes_meta(text), frames=_chapter_lines(text))


_CHAT_HEADER = re.compile(
    r"^(?P<at>\d{1,2}:\d{2}:\d{2})\s+From\s+(?P<who>.+?)\s+to\s+(?:.+?)\s*:\s*(?P<said>.*)$"
)
_CHAT_NAME_NOTE = re.compile(r"\s*[（(][^）)]*[）)]\s*$")


def _meeting_chat(text: str) -> list[SegmentRecord]:
    """A meeting's saved chat (Zoom's ``00:05:41 From 马骏 to Everyone:`` then the message
    on indented lines): each message a turn of its sender, a note after the name
    ("秦月（主持人）") dropped."""
    turns: list[SegmentRecord] = []
    for line in text.splitlines():
        header = _CHAT_HEADER.match(line)
        if header:
            who = _CHAT_NAME_NOTE.sub("", header["who"]).strip()
            at = float(seconds(header["at"]))
            turns.append(SegmentRecord(start=at, end=at, speaker=who, text=header["said"]))
        elif turns and line.strip():
            last = turns[-1]
            turns[-1] = last.model_copy(update={"text": f"{last.text} {line.strip()}".strip()})
    return [t for t in turns if t.text]


_TURNS_MIN = 3


def _speaker_turns(text: str) -> list[SegmentRecord]:
    """A transcript export under a name no reader claims (Otter's ``talk.otter.txt``:
    "Liang Zimo  0:00" over each paragraph): three timestamped turns or more, each by a
    named speaker (a chapter list names none)."""
    turns = turns_of(text)
    if len(turns) < _TURNS_MIN or not all(t.speaker for t in turns):
        return []
    return turns


def known_document(document: Any) -> Sniffed | None:
    """A JSON sidecar known by its shape: a schema.org VideoObject, YouTube JSON3
    captions or a Podlove Web Player config; None for any other document."""
    if is_video_object(document):
        return Sniffed(meta=jsonld_meta(document), frames=jsonld_frames(document))
    if is_json3(document):
        return Sniffed(segments=json3_segments(document))
    if is_podlove(document):
        return Sniffed(meta=podlove_meta(document), frames=podlove_chapters(document))
    return None


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _is_textgrid(text: str) -> bool:
    return TEXTGRID_HEADER in text[:200]


def _xml_root(path: Path, text: str) -> ET.Element | None:
    try:
        return parse_xml(path, text, "an XML sidecar")
    except InputError:
        return None


_CHAPTER = re.compile(
    r"^\s*(?:[-*+]\s+)?(?P<at>(?:\d{1,2}:)?\d{1,2}:\d{2})\s+(?P<title>\S.{0,120})$"
)
_CHAPTERS_MIN = 3
"""Timestamped lines a text must hold for them to be its chapter list."""


def _chapter_lines(text: str) -> list[KeyframeRecord]:
    """A description's or show notes' chapter list (``00:41 项目起源``), three lines or more."""
    found = [m for line in text.splitlines() if (m := _CHAPTER.match(line))]
    if len(found) < _CHAPTERS_MIN:
        return []
    return [
        KeyframeRecord(time=seconds(m["at"]), text=f"chapter: {m['title'].strip()}") for m in found
    ]


def _head(path: Path) -> str | None:
    """The start of a candidate's text (no byte-order mark, no leading blank lines)."""
    try:
        return read_text(path, "sidecar")[:SNIFF_LIMIT_CHARS].lstrip("\ufeff \t\r\n")
    except InputError:  # a file that cannot be read is no sidecar
        return None


def _ffmetadata_sections(text: str) -> list[dict[str, str]]:
    """The global tags, then one dict per section (``[CHAPTER]``, ``[STREAM]``)."""
    sections: list[dict[str, str]] = [{}]
    for line in text.splitlines()[1:]:
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            sections.append({"[section]": stripped[1:-1].upper()})
            continue
        key, sep, value = stripped.partition("=")
        if sep:
            sections[-1][key.strip().casefold()] = _FFMETA_ESCAPE.sub(r"\1", value.strip())
    return sections


def _ffmetadata_meta(text: str) -> MetaRecord | None:
    tags = _ffmetadata_sections(text)[0]
    if not tags:
        return None
    fields = {
        "title": tags.get("title"),
        "description": tags.get("comment") or tags.get("description"),
        "language": tags.get("language"),
    }
    facts = [f"{key}: {value}" for key, value in tags.items()]
    return MetaRecord.model_validate({**{k: v for k, v in fields.items() if v}, FACTS_KEY: facts})


def _ffmetadata_chapters(text: str) -> list[KeyframeRecord]:
    frames = []
    for section in _ffmetadata_sections(text)[1:]:
        if section.get("[section]") != "CHAPTER" or "start" not in section:
            continue
        numerator, _, denominator = section.get("timebase", "1/1000").partition("/")
        try:
            start = int(section["start"]) * int(numerator) / int(denominator or 1)
        except (ValueError, ZeroDivisionError):
            continue
        title = section.get("title", "").strip()
        if title:
            frames.append(KeyframeRecord(time=start, text=f"chapter: {title}"))
    return frames


def _edl_events(text: str) -> list[KeyframeRecord]:
    events: list[tuple[float, list[str]]] = []
    for line in text.splitlines():
        if found := _EDL_EVENT.match(line):
            hours, minutes, secs = (int(part) for part in found.group("rec_in").split(":"))
            events.append((hours * 3600 + minutes * 60 + secs, []))
        elif events and (note := _EDL_NOTE.match(line)):
            events[-1][1].append(_EDL_LOC_PREFIX.sub("", note.group("text")))
    if not events:
        return []
    origin = events[0][0]
    return [
        KeyframeRecord(time=at - origin, text=" | ".join(notes)) for at, notes in events if notes
    ]


def _show_notes_meta(text: str) -> MetaRecord | None:
    lines = text.splitlines()
    people: dict[str, dict[str, object]] = {}
    for line in lines:
        if found := _ROLE_LINE.match(line):
            for written in re.split(r"\s*[;；、/]\s*", found.group("people")):
                person = written_person(written, found.group("role"))
                if person is not None:
                    people.setdefault(person["name"], person)
        for mapped in _LABEL_MAP.finditer(line):
            name = mapped.group("name").strip(" *_")
            people.setdefault(name, {"name": name})["id"] = mapped.group("id")
    if not people:
        return None
    facts = [line.strip(" #>*-") for line in lines if line.strip(" #>*-")]
    title = next((line.lstrip("# ").strip() for line in lines if line.startswith("# ")), None)
    meta = {"speakers": list(people.values()), FACTS_KEY: facts[:FACTS_MAX]}
    return MetaRecord.model_validate({**meta, **({"title": title} if title else {})})
