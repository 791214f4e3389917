"""Splitting a block segment into sentences, for Chinese and English alike.

Candidate boundaries follow the rule of spaCy's sentencizer: a sentence starts at
the first non-punctuation character after a run of sentence-final punctuation
(``。！？!?.；…``). spaCy itself is not loaded: its import and the jieba
dictionary cost seconds per process, which a pre-commit hook cannot afford, and
the jieba tokens only served to keep identifiers such as ``Qwen1.5-0.5B`` whole,
which the protected spans below do; a test checks the result against the real
spaCy pipeline on the seed reports. Boundaries are then dropped where the
punctuation sits inside a citation bracket, a URL, a number or identifier
(``73.5%``, ``pdf.pdf``), an abbreviation (``et al.``, ``e.g.``, ``Fig. 3``) or
an initial (``Danica J. Sutherland``), and a citation right after
sentence-final punctuation (``…。[Doc: pdf.pdf]``) is moved into the sentence
before it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

PUNCT_CHARS = ["。", "！", "？", "!", "?", ".", "；", "…", "……", "．"]
_PROTECTED_RE = re.compile(
    r"\[[^\[\]\n]*\]"
    r"|https?://[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+[A-Za-z0-9/]"
    r"|www\.[A-Za-z0-9\-._~/?#=%&]+[A-Za-z0-9/]"
    r"|\b(?:et\s+al|e\.g|i\.e|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|Tab|No|Dr|Mr|Ms|Prof|pp|p)\."
    r"|[A-Za-z0-9_]+(?:[.\-/:][A-Za-z0-9_]+)+"
    r"|\b[A-Z]\.(?=\s*[A-Z])",
    re.IGNORECASE,
)
_FINAL_CHARS = "".join(PUNCT_CHARS)
_SPACE_RE = re.compile(r"\s*")
_ATTACHED_RE = re.compile(r"\s*(?:\[[^\[\]\n]*\](?!\()|[”’」』）)】\"'。！？!?；…])")


_CANDIDATE_RE = re.compile(
    "[" + re.escape(_FINAL_CHARS) + "]+" + r"[\"'”’」』）)】\]\-—:：,，、*]*"
)


def candidate_starts(text: str) -> list[int]:
    """Where the sentencizer rule would start a new sentence (before the checks)."""
    return [m.end() for m in _CANDIDATE_RE.finditer(text) if m.end() < len(text)]


def split_sentences(text: str, citations: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the sentences of ``text``, whitespace trimmed.

    ``citations`` are the ``[start, end)`` spans of the citation markers the pack's
    formats found in ``text`` (``【3†source】``, ``[2][4]``): never cut inside, and
    kept with the sentence they follow.
    """
    if not text.strip():
        return []
    protected = _Spans(_merged([m.span() for m in _PROTECTED_RE.finditer(text)], citations))
    starts = {start: end for start, end in citations}
    cuts = [0]
    for candidate in candidate_starts(text):
        boundary = _boundary(text, candidate, protected)
        if boundary is None:
            continue
        boundary = _past_attached(text, boundary, starts)
        if cuts[-1] < boundary < len(text):
            cuts.append(boundary)
    cuts.append(len(text))
    spans = [_strip(text, start, end) for start, end in itertools.pairwise(cuts)]
    return [span for span in spans if span[1] > span[0]]


def _last_char_before(text: str, boundary: int) -> int:
    index = boundary - 1
    while index > 0 and text[index].isspace():
        index -= 1
    return index


def _boundary(text: str, candidate: int, protected: _Spans) -> int | None:
    """Where a sentence really starts near spaCy's ``candidate``; ``None`` for no split.

    A candidate inside a protected span (``[Doc: pdf.pdf]``, ``e.g.``) moves to the
    span's start when sentence punctuation precedes the span, else it is dropped.
    """
    enclosing = protected.holding(candidate, strictly_after_start=True)
    if enclosing is not None:
        before = _last_char_before(text, enclosing)
        return enclosing if enclosing > 0 and text[before] in _FINAL_CHARS else None
    if candidate == 0 or protected.holding(_last_char_before(text, candidate)) is not None:
        return None
    return candidate


class _Spans:
    """Sorted, disjoint ``[start, end)`` spans, asked which one holds an offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def holding(self, index: int, *, strictly_after_start: bool = False) -> int | None:
        """The start of the span holding ``index`` (``start < index`` when strict)."""
        find = bisect.bisect_left if strictly_after_start else bisect.bisect_right
        position = find(self.starts, index) - 1
        if position >= 0 and index < self.spans[position][1]:
            return self.starts[position]
        return None


def _merged(spans: list[tuple[int, int]], more: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` and ``more`` as sorted, disjoint spans (overlapping ones joined)."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted([*spans, *more]):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _past_attached(text: str, boundary: int, citations: dict[int, int]) -> int:
    """Move ``boundary`` past closing quotes and citations that follow it."""
    while True:
        if match := _ATTACHED_RE.match(text, boundary):
            boundary = match.end()
            continue
        after = _SPACE_RE.match(text, boundary).end()  # type: ignore[union-attr]
        if after in citations:
            boundary = citations[after]
            continue
        return boundary


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
