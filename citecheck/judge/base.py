"""The judge contract: claim text × evidence texts → :class:`~citecheck.models.Verdict`.

Every backend (lexical, learned verifier, NLI cross-encoder, LLM) implements
:class:`Judge`; :func:`citecheck.judge.factory.make_judge` builds one from a
:class:`JudgeConfig`. The backend that decided is named in every verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from citecheck.config import BackendName as BackendName
from citecheck.config import JudgeConfig as JudgeConfig
from citecheck.models import Verdict
from citecheck.textutil import plain_sentences


@runtime_checkable
class Judge(Protocol):
    """A backend deciding whether evidence supports a claim."""

    name: str

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        """Judge one claim against its evidence texts."""
        ...

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        """Judge many (claim, evidence) pairs; the answer keeps input order."""
        ...


@runtime_checkable
class DeterministicJudge(Judge, Protocol):
    """A judge whose verdicts are fixed by the claim, the evidence and ``fingerprint``
    (the model's checksum and thresholds), so they may be kept between runs."""

    fingerprint: str


class SequentialBatchMixin:
    """``judge_batch`` for backends that have no faster batched path."""

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        """Judge the pairs one by one, in order."""
        return [self.judge(claim, evidence) for claim, evidence in pairs]  # type: ignore[attr-defined]


def evidence_sentences(evidence: Sequence[str]) -> list[str]:
    """All sentences of all evidence texts, in order."""
    return [s for text in evidence for s in plain_sentences(text)]
