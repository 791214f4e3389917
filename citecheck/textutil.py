"""Small text helpers shared by the report parser, the corpus and the rules.

Minimal version written by the corpus layer (title matching needs it); the
owner of this module extends it per ``docs/ARCHITECTURE.md``.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
# Characters UTF-8 bytes turn into when read as cp1252/latin-1: lead bytes of
# multi-byte sequences (Ã Â â å æ ç è é ä ï ð …) followed by continuation bytes.
MOJIBAKE = re.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def normalise_title(title: str) -> str:
    """A title reduced for comparison: NFKC, casefolded, without punctuation,
    whitespace, control characters or U+FFFD. Site suffixes such as
    ``-CSDN博客`` are kept (fuzzy matching copes with them)."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return "".join(
        ch
        for ch in folded
        if ch != REPLACEMENT and unicodedata.category(ch)[0] not in {"P", "Z", "C"}
    )


def _cp1252_byte(ch: str) -> int | None:
    """The byte a cp1252 (or, for C1 controls, latin-1) decoder turned into ``ch``."""
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(ch) if 0x80 <= ord(ch) <= 0x9F else None


def demojibake(text: str) -> str | None:
    """Repair UTF-8 text that was decoded as cp1252/latin-1.

    Characters that cannot come from such a decoding (CJK, emoji) are kept as
    they are; bytes lost in the damage become U+FFFD. Returns ``None`` when the
    text shows no mojibake.
    """
    if not MOJIBAKE.search(text):
        return None
    out: list[str] = []
    pending = bytearray()
    for ch in text:
        byte = _cp1252_byte(ch) if ord(ch) > 0x7F else ord(ch)
        if byte is None:
            out.append(pending.decode("utf-8", errors="replace"))
            pending.clear()
            out.append(ch)
        else:
            pending.append(byte)
    out.append(pending.decode("utf-8", errors="replace"))
    repaired = "".join(out)
    return repaired if repaired != text else None


def looks_damaged(text: str) -> bool:
    """Whether ``text`` holds mojibake or U+FFFD replacement characters."""
    return REPLACEMENT in text or MOJIBAKE.search(text) is not None
