"""Reading a report file into text, whatever encoding the agent wrote it in."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from citecheck.errors import InputError
from citecheck.safeio import REPORT_LIMIT, read_bytes
from citecheck.textutil import looks_damaged

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACKS = ("utf-8", "gb18030")
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LONE_CR_RE = re.compile(r"\r(?!\n)")


@dataclass(frozen=True)
class DecodedText:
    """A decoded report: its text, the encoding used, and whether it looks damaged."""

    text: str
    encoding: str
    damaged: bool


def read_text(path: str | Path) -> DecodedText:
    """Decode ``path``: a BOM decides (UTF-8, UTF-16), else UTF-8, else GB18030.

    Raises :class:`InputError` for a missing file, a directory, a FIFO or device,
    a file over :data:`~citecheck.safeio.REPORT_LIMIT`, a binary file and an empty
    or whitespace-only file. The file is only read, never changed. Old Mac line
    endings (a lone CR) become newlines, offsets unchanged.
    """
    file = Path(path)
    data = read_bytes(file, "report", REPORT_LIMIT)
    text, encoding = _decode(file, data)
    text = _LONE_CR_RE.sub("\n", text)
    if not text.strip():
        raise InputError(file, "file is empty")
    if len(_CONTROL_RE.findall(text)) > max(2, len(text) // 100):
        raise InputError(file, "binary file (control characters), expected a text report")
    return DecodedText(text=text, encoding=encoding, damaged=looks_damaged(text))


def _decode(file: Path, data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(file, f"invalid {encoding} text after its BOM") from None
    if b"\x00" in data:
        raise InputError(file, "binary file (NUL bytes), expected a text report")
    for encoding in _FALLBACKS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(file, "cannot decode as UTF-8 or GB18030 (binary file?)")
