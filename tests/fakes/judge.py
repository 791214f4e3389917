"""A fake judge, a fake support service and a counting embedder."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np

from citecheck.models import Claim, Resolution, SourceUnit, Verdict


class FakeJudge:
    """Supported when the evidence contains the claim text, contradicted when it
    contains 'not <claim>'; records every call."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        self.calls.append((claim, list(evidence)))
        wanted = claim.casefold().rstrip("。.")
        texts = [e.casefold() for e in evidence]
        if any(f"not {wanted}" in t for t in texts):
            return Verdict(label="contradicted", score=0.05, backend=self.name, reason="negated")
        if any(wanted in t for t in texts):
            return Verdict(label="supported", score=0.95, backend=self.name, reason="found")
        return Verdict(label="unsupported", score=0.2, backend=self.name, reason="absent")

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        return [self.judge(c, e) for c, e in pairs]


@dataclass
class FakeSupport:
    """A support service that counts what it was asked; every claim containing
    'false' is unsupported."""

    created: list[object] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def judge_claim(self, claim: Claim, resolutions: list[Resolution]) -> SimpleNamespace:
        self.asked.append(claim.id)
        label = "unsupported" if "false" in claim.text else "supported"
        return SimpleNamespace(verdict=Verdict(label=label, score=0.1, backend="fake-judge"))

    def judge_claims(self, items: list[tuple[Claim, list[Resolution]]]) -> list[SimpleNamespace]:
        return [self.judge_claim(claim, resolutions) for claim, resolutions in items]

    def judge_units(self, claim: Claim, units: list[SourceUnit]) -> SimpleNamespace:
        return self.judge_claim(claim, [])


class CountingEmbedder:
    """Deterministic character-trigram hashing embedder that counts what it embeds."""

    name = "counting"
    dim = 64

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for i in range(max(1, len(text) - 2)):
                digest = hashlib.md5(text[i : i + 3].encode()).digest()
                row[digest[0] % self.dim] += 1.0
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1.0, norms)
