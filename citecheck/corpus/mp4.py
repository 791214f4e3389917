"""How long an MP4/MOV file says it runs: the duration in its ``moov/mvhd`` box.

Only box headers are read (seeking past ``mdat``), so a multi-gigabyte recording
costs a few reads; a file that is no ISO media file, or whose header is cut or
lies, gives no length rather than an error.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

MAX_BOXES = 1000
"""Boxes looked at before giving up: real files have a handful at each level."""
_HEADER = 8


def declared_seconds(path: Path) -> float | None:
    """The movie header's duration in seconds; None when the file declares none."""
    try:
        with path.open("rb") as media:
            size = path.stat().st_size
            moov = _find_box(media, 0, size, b"moov")
            if moov is None:
                return None
            mvhd = _find_box(media, moov[0], moov[1], b"mvhd")
            return _duration(media, mvhd[0]) if mvhd is not None else None
    except (OSError, struct.error, ValueError):
        return None


def _find_box(media: BinaryIO, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    """The (content start, content end) of the first ``kind`` box in [start, end)."""
    position = start
    for _ in range(MAX_BOXES):
        if position + _HEADER > end:
            return None
        media.seek(position)
        size, found = struct.unpack(">I4s", media.read(_HEADER))
        header = _HEADER
        if size == 1:  # a 64-bit size follows the type
            (size,) = struct.unpack(">Q", media.read(8))
            header += 8
        elif size == 0:  # the box runs to the end of its container
            size = end - position
        if size < header or position + size > end:
            return None
        if found == kind:
            return position + header, position + size
        position += size
    return None


def _duration(media: BinaryIO, content: int) -> float | None:
    media.seek(content)
    version = media.read(4)[0]
    if version == 1:
        _, _, timescale, duration = struct.unpack(">QQIQ", media.read(28))
    else:
        _, _, timescale, duration = struct.unpack(">IIII", media.read(16))
    if timescale == 0 or duration in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
        return None
    return duration / timescale
