"""Small text helpers shared by the parser, the corpus and the rules.

Everything here is pure string work: language detection by script, the length
count used by report requirements, title normalisation for fuzzy matching, and
detection and repair of mojibake (UTF-8 bytes that were decoded as cp1252 or
latin-1, as in the seed run log ``002_…``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Any, Literal

from citecheck.models import Span

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""The one CJK ideograph class (Extension A, Unified, Compatibility), for ``[...]``."""
CJK_RE = re.compile(f"[{CJK_CHARS}]")
CJK_RUN_RE = re.compile(f"[{CJK_CHARS}]+")
CJK_NAME = f"[{CJK_CHARS}]{{2,4}}"
LATIN_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
"""Capital Latin letters, accented ones included (Tomás, Zürich, Øster): a character class body."""
LATIN_LETTERS = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
"""Latin letters of either case, accented ones included: a character class body."""
"""A Chinese name written out: two to four ideographs."""
_PLAIN_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=[.])(?=\s+[\"'(\[“]?[A-Z0-9])|\n+")
LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
LATIN_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-_']*")
CJK_PUNCT_CHARS = (
    "\u3000-\u303f"  # CJK symbols and punctuation
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full-width forms, no letters/digits
    "\ufe10-\ufe1f\ufe30-\ufe4f"  # vertical and small forms
    "\u2014\u2026\u2018\u2019\u201c\u201d\u00b7"  # — … ‘ ’ “ ” ·
)
"""Punctuation a Chinese word processor counts in 字数: the CJK symbols block
(``。、《》「」【】``), full-width forms (``，：；！？（）``), vertical and small
forms, and the marks Chinese text shares with Western typography (``——……“”‘’·``)."""
CJK_PUNCT_RE = re.compile(f"[{CJK_PUNCT_CHARS}]")
_WP_WORD_RE = re.compile(f"[^\\s{CJK_CHARS}{CJK_PUNCT_CHARS}]+")
_LETTER_OR_DIGIT_RE = re.compile(r"[^\W_]")
_MARKUP_ONLY_RE = re.compile(r"[*#_>|`~=\-]+")

# A UTF-8 lead byte (0xC2-0xEF) followed by a continuation byte (0x80-0xBF),
# both shown as cp1252 (or latin-1 where cp1252 leaves the byte undefined).


def _byte_as_cp1252(value: int) -> str:
    try:
        return bytes([value]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(value)


_LEADS = "".join(_byte_as_cp1252(b) for b in range(0xC2, 0xF0))
_CONTINUATIONS = "".join(_byte_as_cp1252(b) for b in range(0x80, 0xC0))
MOJIBAKE_RE = re.compile(f"[{re.escape(_LEADS)}][{re.escape(_CONTINUATIONS)}]")

REPLACEMENT_CHAR = "\ufffd"


def plain_sentences(text: str, max_chars: int = 400) -> list[str]:
    """Sentences of source text (zh and en punctuation, line breaks), for evidence.

    Unlike the report parser this knows no markdown or citations. Pieces longer
    than ``max_chars`` are cut at whitespace or hard, so one run-on line cannot
    dominate.
    """
    pieces: list[str] = []
    for part in _PLAIN_SENTENCE_END.split(text):
        part = part.strip()
        while len(part) > max_chars:
            cut = part.rfind(" ", 0, max_chars)
            cut = cut if cut > max_chars // 2 else max_chars
            pieces.append(part[:cut].strip())
            part = part[cut:].strip()
        if part:
            pieces.append(part)
    return pieces


def cjk_count(text: str) -> int:
    """How many CJK ideographs ``text`` holds."""
    return len(CJK_RE.findall(text))


def cjk_ratio(text: str) -> float:
    """Share of CJK ideographs among all letters (CJK ideographs plus Latin letters)."""
    cjk = cjk_count(text)
    letters = cjk + len(LATIN_LETTER_RE.findall(text))
    return cjk / letters if letters else 0.0


def detect_lang(text: str) -> Literal["zh", "en"]:
    """``"zh"`` when CJK makes up at least a tenth of the letters, else ``"en"``.

    A tenth is enough because Chinese technical prose is full of Latin terms
    (``Transformer``, ``DPO``) that each contribute many letters.
    """
    return "zh" if cjk_ratio(text) >= 0.1 else "en"


def count_length(text: str, exclude_citations_re: re.Pattern[str] | None = None) -> int:
    """Length as Chinese assignments count it: CJK characters plus Latin words.

    A run of ``[A-Za-z0-9][A-Za-z0-9.+\\-_']*`` counts as one word. When
    ``exclude_citations_re`` is given, its matches (citation brackets) are not counted.
    """
    if exclude_citations_re is not None:
        text = exclude_citations_re.sub(" ", text)
    return cjk_count(text) + len(LATIN_WORD_RE.findall(text))


def count_word_processor(text: str) -> int:
    """Length as a word processor's 字数 counts it (Word, WPS): every CJK character,
    every piece of CJK or full-width punctuation, and every other run of non-space
    characters (a Latin word, a number such as ``GPT-4`` or ``96.4%``, a symbol
    such as ``×``) counts one. Markdown markup (``**``, ``#``, a bullet's ``-``)
    counts nothing.
    """
    words = sum(1 for w in _WP_WORD_RE.findall(text) if not _MARKUP_ONLY_RE.fullmatch(w))
    return cjk_count(text) + len(CJK_PUNCT_RE.findall(text)) + words


def count_whitespace_words(text: str) -> int:
    """Whitespace-separated tokens holding a letter or digit: an English word count."""
    return sum(1 for w in text.split() if _LETTER_OR_DIGIT_RE.search(w))


def count_non_whitespace(text: str) -> int:
    """Every character that is not whitespace."""
    return sum(1 for ch in text if not ch.isspace())


def normalise_title(title: str) -> str:
    """A title reduced for comparison: NFKC, casefolded, letters and digits only.

    Site suffixes such as ``-CSDN博客`` are kept; fuzzy matching copes with them.
    """
    folded = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def mojibake_markers(text: str) -> int:
    """How many UTF-8 byte pairs in ``text`` look like they were shown as cp1252."""
    return len(MOJIBAKE_RE.findall(text))


def reencode_char(ch: str) -> bytes:
    """The bytes one character of mojibake most likely came from (read as cp1252)."""
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return bytes([ord(ch)]) if ord(ch) < 256 else ch.encode("utf-8")


def _reencode(text: str) -> bytes:
    """The bytes ``text`` was most likely decoded from, if it was read as cp1252."""
    return b"".join(reencode_char(ch) for ch in text)


def demojibake(text: str) -> str | None:
    """Repair UTF-8 text that was decoded as cp1252/latin-1; ``None`` if it is not that.

    Bytes lost in the original mis-decoding become U+FFFD. The repair is only
    accepted when it holds far more CJK and fewer mojibake markers than the input.
    """
    markers = mojibake_markers(text)
    if markers < 2:
        return None
    repaired = _reencode(text).decode("utf-8", errors="replace")
    more_cjk = cjk_count(repaired) >= 2 * cjk_count(text) + 2
    fewer_markers = mojibake_markers(repaired) < markers / 2
    return repaired if more_cjk and fewer_markers else None


def replacement_chars(text: str) -> int:
    """How many U+FFFD replacement characters ``text`` holds."""
    return text.count(REPLACEMENT_CHAR)


def looks_damaged(text: str) -> bool:
    """True for mojibake or for text with many U+FFFD replacement characters."""
    if replacement_chars(text) >= max(3, len(text) // 1000):
        return True
    return demojibake(text) is not None


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def scrub_surrogates(text: str) -> str:
    """``text`` with lone surrogates (``"\\ud800"`` in JSON) replaced by U+FFFD,
    so that it can be written as UTF-8."""
    return _SURROGATE_RE.sub(REPLACEMENT_CHAR, text)


def scrub_json_strings(value: Any) -> Any:
    """A parsed JSON value with :func:`scrub_surrogates` applied to every string in it."""
    if isinstance(value, str):
        return scrub_surrogates(value)
    if isinstance(value, list):
        return [scrub_json_strings(item) for item in value]
    if isinstance(value, dict):
        return {scrub_surrogates(k): scrub_json_strings(v) for k, v in value.items()}
    return value


def escape_controls(text: str) -> str:
    """``text`` with C0/C1 control characters (ESC, BEL, CR, …; not tab or newline)
    shown as ``\\x1b``-style escapes, so source text cannot drive a terminal or
    forge a line of CI output."""
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def escape_line(text: str) -> str:
    """``text`` as one line of output: :func:`escape_controls`, and newline and tab
    escaped too, so a name (a task folder) cannot start a line of its own."""
    return escape_controls(text).replace("\n", "\\n").replace("\t", "\\t")


class LineIndex:
    """Maps 0-based offsets of a text to 1-based lines and columns (code points)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._length = len(text)

    @property
    def line_count(self) -> int:
        """How many lines the text has (a final newline opens an empty last line)."""
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """The offset where 1-based ``line`` (``1 <= line <= line_count``) starts."""
        return self._starts[line - 1]

    def offset(self, line: int, column: int) -> int:
        """The offset of 1-based ``line:column``, clamped to the text and the line's end."""
        if line > len(self._starts):
            return self._length
        start = self._starts[max(line, 1) - 1]
        line_end = self._starts[line] - 1 if line < len(self._starts) else self._length
        return min(start + max(column, 1) - 1, line_end)

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` of ``offset``, both 1-based."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``[start, end)``; ``end_column`` is exclusive."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            start=start,
            end=end,
        )


def number_runs(numbers: list[int]) -> str:
    """``[3, 4, 5, 9]`` → ``"3–5, 9"``: consecutive numbers shown as one run."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)
