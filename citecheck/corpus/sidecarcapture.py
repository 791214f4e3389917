"""Lecture-capture exports in XML (Panopto, Kaltura, Opencast and the like), read by
what their elements hold rather than by one vendor's schema:

- an element with a ``role`` and a ``name`` (``<Participant role="Presenter"
  name="沈佳琪" latinName="Jiaqi Shen" captionLabel="Shen Jiaqi"/>``), or a ``role`` and a
  short text of its own (a podcast feed's ``<podcast:person role="host">Wei Siqi
  </podcast:person>``), is a person, its other name attributes aliases (the caption
  label among them);
- an element with a start time (``time``, ``start``, ``begin``) and text of its own or of
  its children (``<Slide time="00:06:00"><Title>…</Title><OcrText>…</OcrText>``) is a note
  of what was on screen at that time;
- the session's ``Name`` / ``Title``, ``Duration`` and ``Description`` are meta, and every
  attribute and short text is kept as a stated fact (``Stream type=Camera
  recorded=false``); a longer text (a feed item's description) is kept sentence by
  sentence.

The file is untrusted: one declaring a DOCTYPE or entities is refused.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from citecheck.corpus.sidecars import FACTS_KEY, FACTS_MAX, KeyframeRecord, MetaRecord, seconds

_PERSON_NAMES = ("name", "displayName", "fullName")
_ALIAS_ATTRIBUTES = ("latinName", "englishName", "name_en", "captionLabel", "label", "alias")
_TIME_ATTRIBUTES = ("time", "start", "begin", "startTime", "offset")
_TEXT_ATTRIBUTES = ("text", "title")
_FACT_TEXT_MAX = 200
_NAME_MAX = 60
_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\n+")


def capture_meta(root: ET.Element) -> MetaRecord | None:
    """The people, title, length, description and facts of a capture export; None when
    it names no person and no title."""
    people = [_person(e) for e in root.iter() if e.get("role") and _name_of(e)]
    title = _first_text(root, ("Name", "Title", "name", "title"))
    if not people and not title:
        return None
    duration = _first_text(root, ("Duration", "duration", "Length"))
    fields: dict[str, Any] = {
        "title": title,
        "description": _first_text(root, ("Description", "description", "Abstract")),
        "duration_s": duration,
        "speakers": people,
    }
    meta = {k: v for k, v in fields.items() if v}
    return MetaRecord.model_validate({**meta, FACTS_KEY: xml_facts(root)})


def capture_frames(root: ET.Element) -> list[KeyframeRecord]:
    """A note per timed element (a slide, a chapter) with its own and its children's text."""
    frames = []
    for element in root.iter():
        at = next((element.get(a) for a in _TIME_ATTRIBUTES if element.get(a)), None)
        if at is None:
            continue
        said = [t.strip() for t in _texts(element) if t.strip()]
        try:
            time = float(seconds(at))
        except (TypeError, ValueError):
            continue
        if said:
            frames.append(KeyframeRecord(time=time, text=" | ".join(said)))
    return frames


def _texts(element: ET.Element) -> list[str]:
    """An element's and its children's text, and their ``text`` / ``title`` attributes
    (an OPML outline keeps its words there: ``<outline text="第3页 · 动机" start="…">``)."""
    return [
        said
        for node in element.iter()
        for said in [*(node.get(a) or "" for a in _TEXT_ATTRIBUTES), node.text or ""]
    ]


def _person(element: ET.Element) -> dict[str, Any]:
    name = _name_of(element) or ""
    aliases = [element.get(a) for a in _ALIAS_ATTRIBUTES if element.get(a)]
    return {
        "name": name,
        "role": element.get("role"),
        "aliases": [a for a in dict.fromkeys(aliases) if a and a != name],
        "affiliation": element.get("affiliation") or None,
        "note": element.get("note") or None,
    }


def _name_of(element: ET.Element) -> str | None:
    named = next((element.get(a) for a in _PERSON_NAMES if element.get(a)), None)
    own = (element.text or "").strip()
    if named is None and element.get("role") and len(element) == 0 and len(own) <= _NAME_MAX:
        return own or None
    return named


def _first_text(root: ET.Element, tags: tuple[str, ...]) -> str | None:
    for element in root.iter():
        if _local(element.tag) in tags and element.text and element.text.strip():
            return element.text.strip()
    return None


def xml_facts(root: ET.Element) -> list[str]:
    """Every attribute and short text of an XML document as a stated fact (``tag: text``),
    a longer text sentence by sentence."""
    facts = []
    for element in root.iter():
        tag = _local(element.tag)
        attributes = " ".join(f"{k}={v}" for k, v in element.attrib.items())
        own = (element.text or "").strip()
        if attributes:
            facts.append(f"{tag}: {attributes}")
        if own and len(own) <= _FACT_TEXT_MAX:
            facts.append(f"{tag}: {own}")
        elif own:
            facts += [
                s.strip() for s in _SENTENCE.split(own) if 0 < len(s.strip()) <= _FACT_TEXT_MAX
            ]
    return facts[:FACTS_MAX]


def _local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]
