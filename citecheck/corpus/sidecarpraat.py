"""Praat TextGrid transcripts (the long "ooTextFile" format): one tier per speaker,
each non-empty interval a segment spoken by the tier's name (``name = "Zhao Liqun"``,
``xmin`` / ``xmax`` in seconds, ``text = "…"`` with ``""`` for a quote)."""

from __future__ import annotations

import re

from citecheck.corpus.sidecars import SegmentRecord

HEADER = 'Object class = "TextGrid"'
_FIELD = re.compile(r'^\s*(?P<key>name|xmin|xmax|text|class)\s*=\s*(?P<value>"(?:[^"]|"")*"|\S+)')


def read_textgrid(text: str) -> list[SegmentRecord]:
    """The spoken intervals of every interval tier, named by the tier."""
    segments: list[SegmentRecord] = []
    tier: str | None = None
    interval: dict[str, str] = {}
    for line in text.splitlines():
        found = _FIELD.match(line)
        if found is None:
            continue
        key, value = found.group("key"), _unquoted(found.group("value"))
        if key == "class":
            tier, interval = None, {}
        elif key == "name":
            tier = value
        elif key == "xmin":
            interval = {"xmin": value}
        elif key == "xmax" and "xmin" in interval:
            interval["xmax"] = value
        elif key == "text" and "xmax" in interval:
            if value.strip():
                segments.append(
                    SegmentRecord(
                        start=float(interval["xmin"]),
                        end=float(interval["xmax"]),
                        speaker=tier or None,
                        text=value,
                    )
                )
            interval = {}
    return segments


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('""', '"')
    return value
