"""Cross-lingual coverage: how much of a claim's wording an evidence sentence renders.

Each Chinese content word of a claim is looked up in the bilingual dictionary
(:mod:`citecheck.judge.glossary`) and scored against an evidence sentence:

- 1.0 when one of its English glosses (stemmed) or the word itself occurs (a
  Chinese word is never rendered by the glosses of the sentence's Chinese words);
- otherwise, scaled by :data:`BACKOFF_WEIGHT`, the share of its characters
  whose own glosses occur (下降 misses "descent", but 降 glosses "descend");
- or, scaled by :data:`REVERSE_WEIGHT`, the share of its characters that the
  sentence writes or its English words are consistently rendered with
  (``neural`` → 神, 经);

the best of the three counts. A Latin word or number of the claim counts when
its stem, or the stem of a word the field glossary gives for the same term
(rise / increase), occurs. For an English claim this is stemmed token coverage.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from citecheck.judge.glossary import (
    STOPWORDS,
    english_stems,
    english_synonyms,
    glosses,
    is_function_word,
    reverse_characters,
    segment,
    stem,
)

WINDOW_SENTENCES = 3
BACKOFF_WEIGHT = 0.5
REVERSE_WEIGHT = 0.5

_LATIN_IN_CLAIM = re.compile(r"[A-Za-z0-9]+(?:\.[0-9]+)?")
_NAME_WORD = re.compile(r"[A-Za-z]+")
_ACRONYM = re.compile(r"[A-Z]{2,5}")


@dataclass(frozen=True)
class SentenceTerms:
    """What one evidence sentence offers: its English stems and Chinese words
    (``terms``), the glosses of those words (``glossed``: what renders an English
    claim word), and the characters it renders (its own, and those its English
    words are consistently translated with)."""

    terms: frozenset[str]
    characters: frozenset[str]
    glossed: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def sentence_terms(sentence: str) -> SentenceTerms:
    """English stems, Chinese words and their glosses, and the characters rendered."""
    stems = english_stems(sentence)
    words = segment(sentence)
    glossed: set[str] = set()
    for word in words:
        glossed |= glosses(word)
    own = {ch for word in words for ch in word}
    return SentenceTerms(
        frozenset([*stems, *words]), reverse_characters(stems) | own, frozenset(glossed)
    )


@dataclass(frozen=True)
class ClaimUnit:
    """One checkable word of a claim and what counts as rendering it.

    ``stems`` cover the whole word; ``characters`` are its content characters
    with their own gloss stems, for the back-offs (empty for Latin words).
    """

    text: str
    stems: frozenset[str]
    characters: tuple[tuple[str, frozenset[str]], ...] = ()

    def coverage(self, sentence: SentenceTerms) -> float:
        """1.0 when the sentence renders the word, a lower weight for a partial back-off.

        A Chinese word is rendered by Chinese words or English ones, never by the
        glosses of Chinese words: 差 glosses "differ", "point" and "not", and gloss
        meeting gloss made 只差 render 不同 and 提示.
        """
        if not self.characters:  # a Latin word: also rendered by a Chinese word's gloss
            return 1.0 if not self.stems.isdisjoint(sentence.terms | sentence.glossed) else 0.0
        if not self.stems.isdisjoint(sentence.terms):
            return 1.0
        glossed = sum(not g.isdisjoint(sentence.terms) for _, g in self.characters)
        rendered = sum(ch in sentence.characters for ch, _ in self.characters)
        share = 1.0 / len(self.characters)
        return max(BACKOFF_WEIGHT * glossed * share, REVERSE_WEIGHT * rendered * share)


def _content_characters(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    chars = [ch for ch in word if not is_function_word(ch)] or list(word)
    return tuple((ch, glosses(ch)) for ch in chars)


def claim_units(claim: str) -> list[ClaimUnit]:
    """Chinese content words (with glosses and characters) and Latin words/numbers of a claim."""
    units = [ClaimUnit(w, glosses(w) | {w}, _content_characters(w)) for w in segment(claim)]
    synonyms = english_synonyms()
    for token in _LATIN_IN_CLAIM.findall(claim):
        if token.lower() not in STOPWORDS:
            stemmed = stem(token)
            units.append(ClaimUnit(token, synonyms.get(stemmed, frozenset()) | {stemmed}))
    return units


@dataclass(frozen=True)
class GlossCoverage:
    """How much of a claim the best evidence sentence / window covers.

    Coverages are weighted word shares; ``uncovered_words`` counts the words
    the best window renders in no way at all, not even by a back-off.
    """

    sentence_coverage: float
    window_coverage: float
    uncovered_words: int
    claim_words: int
    sentence_scores: tuple[float, ...]

    @property
    def log_uncovered(self) -> float:
        """``log1p`` of the words the best window leaves uncovered."""
        return math.log1p(self.uncovered_words)


def gloss_coverage(claim: str, sentences: Sequence[str]) -> GlossCoverage:
    """Coverage of the claim's words by each sentence and by the best window of sentences.

    A window is up to :data:`WINDOW_SENTENCES` consecutive sentences; each word
    counts with its best coverage inside the window. ``sentence_scores`` holds
    the per-sentence coverage, for ranking.
    """
    units = claim_units(claim)
    if not units or not sentences:
        empty = 1.0 if not units else 0.0
        scores = tuple(empty for _ in sentences)
        return GlossCoverage(empty, empty, 0, len(units), scores)
    rows = [[u.coverage(sentence_terms(s)) for u in units] for s in sentences]
    scores = tuple(sum(row) / len(units) for row in rows)
    best_window = [0.0] * len(units)
    for start in range(max(1, len(sentences) - WINDOW_SENTENCES + 1)):
        window = [max(col) for col in zip(*rows[start : start + WINDOW_SENTENCES], strict=True)]
        if sum(window) > sum(best_window):
            best_window = window
    return GlossCoverage(
        sentence_coverage=max(scores),
        window_coverage=sum(best_window) / len(units),
        uncovered_words=sum(c == 0.0 for c in best_window),
        claim_words=len(units),
        sentence_scores=scores,
    )


def renders_name(name: str, sentence: str) -> bool:
    """Whether a Chinese ``sentence`` renders an English term of the source's: every
    word of "multi-document" through a gloss of its Chinese words (多, 文档), an
    acronym ("QA") through one Chinese word whose glosses begin with its letters
    (问答: question, answer). A model or method name (digits, inner capitals) is
    never rendered: it is only ever named."""
    words = _NAME_WORD.findall(name)
    if not words or re.search(r"\d", name) or any(_inner_capital(w) for w in words):
        return False
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        initials = [{g[0] for g in glosses(w)} for w in segment(sentence)]
        return any(all(ch in firsts for ch in words[0].lower()) for firsts in initials)
    terms = sentence_terms(sentence)
    offered = terms.terms | terms.glossed
    return all(
        any(t.startswith(stem(w)[:4]) or stem(w).startswith(t) for t in offered if len(t) >= 4)
        for w in words
        if w.lower() not in STOPWORDS
    )


def _inner_capital(word: str) -> bool:
    """TideKV, SnapSelect: a capital after the first letter of a word that is not all capitals."""
    return not word.isupper() and any(ch.isupper() for ch in word[1:])
