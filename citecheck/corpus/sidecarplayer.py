"""What a web video player is given beside the video: captions, its config and the
stream's playlist.

- YouTube JSON3 captions (``talk.json3``: ``{"events": [{"tStartMs", "dDurationMs",
  "segs": [{"utf8"}]}]}``): one segment per event with text, in seconds; a speaker named
  in brackets at the start of a cue ("(宋佳琪) 各位…", "[Jane] …") speaks the following
  cues until another is named.
- A Podlove Web Player config (``talk.podlove.json``: ``title``, ``summary``,
  ``duration`` as a clock, ``chapters`` with ``start`` and ``title``, ``contributors``
  with ``name``, ``role.title`` / ``role.slug`` and ``comment``): meta and chapter notes;
  a guest whose comment says they present is a presenter.
- An HLS playlist (``talk.m3u8``): each ``#EXT-X-DATERANGE`` with an ``X-`` attribute
  describing it (``X-TITLE``, ``X-VISUAL``, ``X-COMMENT``…) is a note of what is on
  screen from its ``START-DATE`` less the playlist's ``#EXT-X-PROGRAM-DATE-TIME`` (its
  segments' durations are no statement of the talk's length: the media header is).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from citecheck.corpus.sidecars import (
    FACTS_KEY,
    KeyframeRecord,
    MetaRecord,
    SegmentRecord,
    facts_of,
    role_of,
    seconds,
)

_CUE_SPEAKER = re.compile(r"^\s*[(（\[](?P<name>[^()（）\[\]]{1,40})[)）\]]\s*(?P<said>.*)$", re.S)
_PRESENTS = re.compile(r"\bpresent(?:s|ed|ing)?\b|主讲|作报告", re.IGNORECASE)
_PLAYLIST_HEADER = "#EXTM3U"
_DATERANGE = re.compile(r"^#EXT-X-DATERANGE:(?P<attributes>.+)$", re.M)
_ATTRIBUTE = re.compile(r'(?P<key>[A-Z0-9-]+)=(?:"(?P<quoted>[^"]*)"|(?P<plain>[^,]*))')
_PROGRAM_START = re.compile(r"^#EXT-X-PROGRAM-DATE-TIME:(?P<at>\S+)", re.M)


def is_json3(document: Any) -> bool:
    """Whether a parsed JSON document is YouTube JSON3 captions."""
    events = document.get("events") if isinstance(document, dict) else None
    return isinstance(events, list) and any(
        isinstance(e, dict) and "tStartMs" in e and "segs" in e for e in events
    )


def json3_segments(document: dict[str, Any]) -> list[SegmentRecord]:
    """The captions, each cue a segment, its speaker carried from the last named one."""
    segments: list[SegmentRecord] = []
    speaker: str | None = None
    for event in document["events"]:
        if not isinstance(event, dict) or not isinstance(event.get("segs"), list):
            continue
        text = "".join(s.get("utf8", "") for s in event["segs"] if isinstance(s, dict)).strip()
        if not text:
            continue
        named = _CUE_SPEAKER.match(text)
        if named:
            speaker, text = named["name"].strip(), named["said"].strip()
        start = float(event.get("tStartMs", 0)) / 1000
        length = float(event.get("dDurationMs", 0)) / 1000
        segments.append(SegmentRecord(start=start, end=start + length, speaker=speaker, text=text))
    return segments


def is_podlove(document: Any) -> bool:
    """Whether a parsed JSON document is a Podlove Web Player config."""
    return (
        isinstance(document, dict)
        and (
            isinstance(document.get("contributors"), list)
            or isinstance(document.get("chapters"), list)
        )
        and ("show" in document or "audio" in document or "version" in document)
    )


def podlove_meta(document: dict[str, Any]) -> MetaRecord:
    """Title, summary, length, people by role and facts of a Podlove config."""
    people = []
    for person in document.get("contributors") or []:
        if not isinstance(person, dict) or not isinstance(person.get("name"), str):
            continue
        role = person.get("role")
        written = (
            " ".join(str(role.get(k, "")) for k in ("title", "slug"))
            if isinstance(role, dict)
            else ""
        )
        note = str(person.get("comment") or "")
        if role_of(written) in (None, "panelist") and _PRESENTS.search(note):
            written = f"presenter ({written.strip()})"  # a guest who "presents results"
        people.append({"name": person["name"], "role": written.strip() or None, "note": note})
    length = seconds(document.get("duration")) if document.get("duration") else None
    fields: dict[str, Any] = {
        "title": document.get("title"),
        "description": document.get("summary") or document.get("subtitle"),
        "duration_s": length if isinstance(length, int | float) else None,
        "speakers": people,
    }
    meta = {k: v for k, v in fields.items() if v}
    return MetaRecord.model_validate({**meta, FACTS_KEY: facts_of(document)})


def podlove_chapters(document: dict[str, Any]) -> list[KeyframeRecord]:
    """A chapter note per chapter with a start and a title."""
    frames = []
    for chapter in document.get("chapters") or []:
        at = seconds(chapter.get("start")) if isinstance(chapter, dict) else None
        if isinstance(at, int | float) and chapter.get("title"):
            frames.append(KeyframeRecord(time=float(at), text=f"chapter: {chapter['title']}"))
    return frames


def is_playlist(text: str) -> bool:
    """Whether a text is an HLS playlist."""
    return text.startswith(_PLAYLIST_HEADER)


def playlist_frames(text: str) -> list[KeyframeRecord]:
    """A note per described date range, at its offset from the programme's start."""
    start = _PROGRAM_START.search(text)
    origin = _when(start["at"]) if start else None
    frames = []
    for found in _DATERANGE.finditer(text):
        attributes = {
            m["key"]: m["quoted"] if m["quoted"] is not None else m["plain"]
            for m in _ATTRIBUTE.finditer(found["attributes"])
        }
        said = [value for key, value in attributes.items() if key.startswith("X-") and value]
        began = _when(attributes.get("START-DATE", ""))
        if origin is None or began is None or not said:
            continue
        frames.append(KeyframeRecord(time=(began - origin).total_seconds(), text=" | ".join(said)))
    return frames


def _when(written: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(written)
    except ValueError:
        return None
