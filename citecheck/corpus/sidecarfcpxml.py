"""Final Cut Pro X projects (``talk.fcpxml``), as an editor exports the cut of a talk.

- Times are rational seconds (``8875/25s``, ``0s``); a marker's time on the clip's
  own timeline is placed on the project's as the clip's ``offset`` plus the marker's
  ``start`` less the clip's ``start``.
- Each ``marker`` and ``chapter-marker`` is a note of what is on screen from its time:
  its ``value`` and ``note``; markers at the same time make one note.
- A ``keyword`` whose value names a person and a role ("梁子墨 / Liang Zimo — host",
  "Jane Roe — presenter; first author") is a person of the talk, the names on the left
  of the dash one person in several spellings.
- The sequence's ``duration`` (else the first asset's) is the length; the event's name
  the title; every attribute and note a stated fact.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from citecheck.corpus.sidecarcapture import xml_facts
from citecheck.corpus.sidecars import (
    FACTS_KEY,
    KeyframeRecord,
    MetaRecord,
    is_interpreter,
    role_of,
    seconds,
)

ROOT_TAG = "fcpxml"
_MARKERS = ("marker", "chapter-marker")
_CLIPS = ("asset-clip", "clip", "ref-clip", "sync-clip", "mc-clip", "video")
_ROLE_DASH = re.compile(r"\s+[—–-]{1,2}\s+")


class FcpxmlProject:
    """The meta and screen notes of one FCPXML document."""

    def __init__(self, root: ET.Element) -> None:
        self._root = root

    @property
    def meta(self) -> MetaRecord:
        """Title, length, people and facts."""
        people = [
            person
            for keyword in self._root.iter("keyword")
            if (person := _person(keyword.get("value") or "")) is not None
        ]
        event = next(self._root.iter("event"), None)
        lengths = [e.get("duration") for tag in ("sequence", "asset") for e in self._root.iter(tag)]
        fields: dict[str, Any] = {
            "title": event.get("name") if event is not None else None,
            "duration_s": next((_time(d) for d in lengths if _time(d) is not None), None),
            "speakers": people,
        }
        meta = {k: v for k, v in fields.items() if v}
        return MetaRecord.model_validate({**meta, FACTS_KEY: xml_facts(self._root)})

    @property
    def frames(self) -> list[KeyframeRecord]:
        """One note per marker time, on the project's timeline."""
        notes: dict[float, list[str]] = {}
        for clip in (e for e in self._root.iter() if e.tag in _CLIPS):
            shift = (_time(clip.get("offset")) or 0.0) - (_time(clip.get("start")) or 0.0)
            for marker in (e for e in clip if e.tag in _MARKERS):
                start = _time(marker.get("start"))
                said = [t for a in ("value", "note") if (t := (marker.get(a) or "").strip())]
                if start is not None and said:
                    notes.setdefault(max(start + shift, 0.0), []).extend(said)
        return [
            KeyframeRecord(time=time, text=" | ".join(dict.fromkeys(texts)))
            for time, texts in sorted(notes.items())
        ]


def _time(value: str | None) -> float | None:
    read = seconds(value) if value else None
    return float(read) if isinstance(read, int | float) else None


def _person(value: str) -> dict[str, Any] | None:
    """A keyword that credits a person with a role; None for any other keyword."""
    parts = _ROLE_DASH.split(value, maxsplit=1)
    if len(parts) != 2 or not (role_of(parts[1]) or is_interpreter(parts[1])):
        return None
    spellings = [name.strip() for name in parts[0].split("/") if name.strip()]
    if not spellings:
        return None
    aliases = [a for a in dict.fromkeys(spellings[1:]) if a != spellings[0]]
    return {"name": spellings[0], "aliases": aliases, "role": parts[1].strip()}
