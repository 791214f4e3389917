"""Adobe XMP sidecars (``talk.xmp``, as Premiere, Bridge or Lightroom write them).

What an editor's XMP packet tells about a recording:

- ``dc:title`` and ``dc:description`` (their ``rdf:li`` items) are the title and the
  description;
- ``dc:creator`` and ``dc:contributor`` items are people, a bracket after a name saying
  their role ("付一辰（主讲）", "Jane Roe (moderator)") or their Latin name;
- ``xmpDM:duration`` of the resource (``xmpDM:value`` × ``xmpDM:scale``, e.g. ``1056`` ×
  ``1/1`` or ``26400`` × ``1/25``) is how long the recording runs;
- each marker of ``xmpDM:Tracks`` is a note of what was on screen from its
  ``xmpDM:startTime``, which counts frames at its track's ``xmpDM:frameRate`` (``f25``,
  ``f30000s1001``; the clip's ``xmpDM:videoFrameRate`` when the track names none): its
  name and comment are the note's text;
- every attribute and short text (``xmpDM:logComment`` among them) is a stated fact.

A marker whose time cannot be placed (no frame rate anywhere) is left out rather than
read as seconds: a frame count read as seconds puts a slide at the wrong minute.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from fractions import Fraction
from typing import Any

from citecheck.corpus.sidecarcapture import xml_facts
from citecheck.corpus.sidecars import FACTS_KEY, KeyframeRecord, MetaRecord, written_person

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DM = "{http://ns.adobe.com/xmp/1.0/DynamicMedia/}"
ROOT_TAGS = ("{adobe:ns:meta/}xmpmeta", f"{_RDF}RDF")
"""The root of an XMP packet: ``x:xmpmeta``, or a bare ``rdf:RDF``."""
_FRAME_RATE = re.compile(r"^f(?P<rate>\d+)(?:s(?P<per>\d+))?$")


def is_xmp(root: ET.Element) -> bool:
    """Whether a parsed XML document is an XMP packet."""
    return root.tag in ROOT_TAGS


class XmpPacket:
    """The meta and screen notes of one XMP packet."""

    def __init__(self, root: ET.Element) -> None:
        self._root = root
        self._clip_rate = _clip_frame_rate(root)

    @property
    def meta(self) -> MetaRecord:
        """Title, description, length, people and facts."""
        people = [
            person
            for tag in ("creator", "contributor")
            for written in _items(self._root, f"{_DC}{tag}")
            if (person := written_person(written)) is not None
        ]
        fields: dict[str, Any] = {
            "title": next(iter(_items(self._root, f"{_DC}title")), None),
            "description": " ".join(_items(self._root, f"{_DC}description")) or None,
            "duration_s": _resource_duration(self._root),
            "speakers": people,
        }
        meta = {k: v for k, v in fields.items() if v}
        return MetaRecord.model_validate({**meta, FACTS_KEY: xml_facts(self._root)})

    @property
    def frames(self) -> list[KeyframeRecord]:
        """A note per marker, at its start in seconds."""
        frames = []
        for track in self._root.iter(f"{_DM}Tracks"):
            for item in track.iter(f"{_RDF}li"):
                markers = item.find(f"{_DM}markers")
                if markers is None:
                    continue
                rate = _frame_rate(_field(item, "frameRate")) or self._clip_rate
                frames += [
                    note for marker in markers.iter(f"{_RDF}li") if (note := _note(marker, rate))
                ]
        return frames


def _note(marker: ET.Element, rate: Fraction | None) -> KeyframeRecord | None:
    start = _field(marker, "startTime")
    said = [text for tag in ("name", "comment") if (text := _field(marker, tag))]
    if rate is None or start is None or not said or not start.isdigit():
        return None
    return KeyframeRecord(time=float(int(start) / rate), text=" | ".join(said))


def _field(element: ET.Element, name: str) -> str | None:
    """An ``xmpDM:`` field of a struct, written as a child element or an attribute."""
    child = element.find(f"{_DM}{name}")
    value = child.text if child is not None else element.get(f"{_DM}{name}")
    return value.strip() if value and value.strip() else None


def _items(root: ET.Element, tag: str) -> list[str]:
    """The texts of a ``dc:`` property's ``rdf:li`` items (or its own text)."""
    found = []
    for prop in root.iter(tag):
        items = [li.text.strip() for li in prop.iter(f"{_RDF}li") if li.text and li.text.strip()]
        found += items or ([prop.text.strip()] if prop.text and prop.text.strip() else [])
    return found


def _frame_rate(written: str | None) -> Fraction | None:
    """``f25`` → 25, ``f30000s1001`` → 30000/1001; None for anything else."""
    rate = _FRAME_RATE.match(written or "")
    if rate is None or int(rate["rate"]) == 0 or int(rate["per"] or 1) == 0:
        return None
    return Fraction(int(rate["rate"]), int(rate["per"] or 1))


def _clip_frame_rate(root: ET.Element) -> Fraction | None:
    """The clip's ``xmpDM:videoFrameRate`` (``25.000000``, ``29.97``, ``f25``)."""
    for element in root.iter():
        written = element.get(f"{_DM}videoFrameRate")
        if written is None:
            child = element.find(f"{_DM}videoFrameRate")
            written = child.text if child is not None else None
        if written:
            try:
                return _frame_rate(written.strip()) or Fraction(written.strip()) or None
            except ValueError:
                return None
    return None


def _resource_duration(root: ET.Element) -> float | None:
    """The resource's own ``xmpDM:duration`` (a direct property of an
    ``rdf:Description``, not a marker's): value × scale seconds."""
    for description in root.iter(f"{_RDF}Description"):
        duration = description.find(f"{_DM}duration")
        if duration is None:
            continue
        value, scale = _field(duration, "value"), _field(duration, "scale") or "1/1"
        try:
            return float(Fraction(value or "") * Fraction(scale))
        except (ValueError, ZeroDivisionError):
            return None
    return None
