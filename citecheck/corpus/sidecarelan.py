"""ELAN annotation documents (``.eaf``, EAF 2.x/3.x), as linguists and captioners
export a talk they annotated by hand.

Times sit in ``TIME_ORDER`` (``TIME_SLOT`` ids with milliseconds, the only unit EAF
writes); each ``TIER`` holds ``ALIGNABLE_ANNOTATION``s between two slots, or
``REF_ANNOTATION``s that take the times of the annotation they refer to. A tier is
read by what it says of itself:

- a tier with a ``PARTICIPANT`` is what that person said: transcript segments with the
  participant as speaker. Its ``TIER_ID`` often gives the person's role and the label a
  speech service used for them (``host (A)``): the person becomes a speaker of the
  meta with that role and with the label as id, so a diarised transcript's ``A`` is
  read as the name;
- a tier whose id or linguistic type names what is seen (``slides``, ``visual``,
  ``screen``, ``frames``, ``ocr``) holds notes of what was on screen;
- any other tier (``notes``, ``comment``) holds stated facts of the recording;
- ``PROPERTY`` elements of the header (``event``) are facts too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from citecheck.corpus.sidecars import (
    FACTS_KEY,
    FACTS_MAX,
    KeyframeRecord,
    MetaRecord,
    SegmentRecord,
)

ROOT_TAG = "ANNOTATION_DOCUMENT"
_VISUAL_TIER = re.compile(r"slide|visual|screen|frame|ocr|shot|camera|画面|幻灯", re.IGNORECASE)
_ROLE_AND_LABEL = re.compile(r"^\s*(?P<role>.*?)\s*[(（\[](?P<label>[^)）\]]{1,12})[)）\]]\s*$")
_MS_PER_SECOND = 1000.0


class ElanDocument:
    """The speakers, transcript, screen notes and facts of one ELAN document."""

    def __init__(self, root: ET.Element) -> None:
        self._slots = {
            slot.get("TIME_SLOT_ID", ""): slot.get("TIME_VALUE") for slot in root.iter("TIME_SLOT")
        }
        self._times: dict[str, tuple[float, float | None]] = {}
        self.segments: list[SegmentRecord] = []
        self.frames: list[KeyframeRecord] = []
        facts = [
            f"{p.get('NAME')}: {p.text.strip()}"
            for p in root.iter("PROPERTY")
            if p.text and p.text.strip() and not p.get("NAME", "").startswith("lastUsed")
        ]
        people: list[dict[str, Any]] = []
        for tier in root.iter("TIER"):
            annotations = self._annotations(tier)
            participant = (tier.get("PARTICIPANT") or "").strip()
            if participant:
                people.append(_person(participant, tier.get("TIER_ID", "")))
                self.segments += [
                    SegmentRecord(start=start, end=end, speaker=participant, text=text)
                    for start, end, text in annotations
                ]
            elif _VISUAL_TIER.search(f"{tier.get('TIER_ID')} {tier.get('LINGUISTIC_TYPE_REF')}"):
                self.frames += [KeyframeRecord(time=at, text=text) for at, _, text in annotations]
            else:
                facts += [text for _, _, text in annotations]
        self.meta = (
            MetaRecord.model_validate({"speakers": _distinct(people), FACTS_KEY: facts[:FACTS_MAX]})
            if people or facts
            else None
        )

    def _annotations(self, tier: ET.Element) -> list[tuple[float, float | None, str]]:
        """(start, end, text) of every annotation of a tier that has a time and a text."""
        read = []
        for annotation in tier.iter():
            times = self._annotation_times(annotation)
            if times is None:
                continue
            self._times[annotation.get("ANNOTATION_ID", "")] = times
            value = annotation.findtext("ANNOTATION_VALUE", "").strip()
            if value:
                read.append((times[0], times[1], value))
        return read

    def _annotation_times(self, annotation: ET.Element) -> tuple[float, float | None] | None:
        if annotation.tag == "REF_ANNOTATION":
            return self._times.get(annotation.get("ANNOTATION_REF", ""))
        if annotation.tag != "ALIGNABLE_ANNOTATION":
            return None
        start = self._seconds(annotation.get("TIME_SLOT_REF1"))
        return None if start is None else (start, self._seconds(annotation.get("TIME_SLOT_REF2")))

    def _seconds(self, slot: str | None) -> float | None:
        value = self._slots.get(slot or "")
        try:
            return float(value) / _MS_PER_SECOND if value is not None else None
        except ValueError:
            return None


def _person(name: str, tier_id: str) -> dict[str, Any]:
    """A participant, with the role and label its tier id gives (``host (A)``)."""
    found = _ROLE_AND_LABEL.match(tier_id)
    role = (found["role"] if found else tier_id).strip() or None
    return {"name": name, "role": role, "id": found["label"].strip() if found else None}


def _distinct(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per participant (a person may speak on several tiers)."""
    return list({person["name"]: person for person in reversed(people)}.values())[::-1]
