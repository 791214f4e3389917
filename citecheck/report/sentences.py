"""Splitting a block segment into sentences, for Chinese and English alike.

spaCy's blank Chinese pipeline with the jieba segmenter and a sentencizer finds
the candidate boundaries (it keeps ``Qwen1.5-0.5B`` in one token; the default
character segmenter does not). The sentencizer also splits on ``；`` and ``……``
here. Boundaries are then dropped where the punctuation sits inside a citation
bracket, a URL, a number or identifier (``73.5%``, ``pdf.pdf``), an abbreviation
(``et al.``, ``e.g.``, ``Fig. 3``) or an initial (``Danica J. Sutherland``), and
a citation right after sentence-final punctuation (``…。[Doc: pdf.pdf]``) is moved
into the sentence before it.
"""

from __future__ import annotations

import itertools
import logging
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

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
_ATTACHED_RE = re.compile(r"\s*(?:\[[^\[\]\n]*\](?!\()|[”’」』）)】\"'。！？!?；…])")


@cache
def _nlp() -> Language:
    """The blank Chinese pipeline with jieba and a sentencizer, built once."""
    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("sentencizer", config={"punct_chars": PUNCT_CHARS})
    return nlp


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the sentences of ``text``, whitespace trimmed."""
    if not text.strip():
        return []
    protected = [m.span() for m in _PROTECTED_RE.finditer(text)]
    cuts = [0]
    for sentence in _nlp()(text).sents:
        boundary = _boundary(text, sentence.start_char, protected)
        if boundary is None:
            continue
        boundary = _past_attached(text, boundary)
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


def _boundary(text: str, candidate: int, protected: list[tuple[int, int]]) -> int | None:
    """Where a sentence really starts near spaCy's ``candidate``; ``None`` for no split.

    A candidate inside a protected span (``[Doc: pdf.pdf]``, ``e.g.``) moves to the
    span's start when sentence punctuation precedes the span, else it is dropped.
    """
    enclosing = next((start for start, end in protected if start < candidate < end), None)
    if enclosing is not None:
        before = _last_char_before(text, enclosing)
        return enclosing if enclosing > 0 and text[before] in _FINAL_CHARS else None
    if candidate == 0 or _inside(_last_char_before(text, candidate), protected):
        return None
    return candidate


def _inside(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in spans)


def _past_attached(text: str, boundary: int) -> int:
    """Move ``boundary`` past closing quotes and citation brackets that follow it."""
    while match := _ATTACHED_RE.match(text, boundary):
        boundary = match.end()
    return boundary


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
