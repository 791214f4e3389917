"""The judge contract: claim text × evidence texts → :class:`~citecheck.models.Verdict`.

Every backend (lexical, learned verifier, NLI cross-encoder, LLM) implements
:class:`Judge`; :func:`citecheck.judge.factory.make_judge` builds one from a
:class:`JudgeConfig`. The backend that decided is named in every verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, Field

from citecheck.models import Verdict
from citecheck.textutil import plain_sentences

BackendName = Literal["default", "nli", "lexical", "verifier", "crossencoder", "llm"]


class JudgeConfig(BaseModel):
    """Which backend judges, and its settings."""

    backend: BackendName = "default"
    model: str | None = Field(
        default=None,
        description=(
            "nli: a bundle folder (model.onnx + manifest.json); crossencoder: local path or "
            "model name; verifier: weights JSON path"
        ),
    )
    llm_url: str | None = Field(
        default=None, description="OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1"
    )
    llm_model: str | None = None
    llm_api_key_env: str = "OPENAI_API_KEY"
    timeout_s: float = 60.0
    # None: the backend's own calibration (the nli bundle ships its thresholds)
    supported_min: float | None = Field(default=None, ge=0.0, le=1.0)
    unsupported_max: float | None = Field(default=None, ge=0.0, le=1.0)
    contradicted_min: float | None = Field(default=None, ge=0.0, le=1.0)


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


class SequentialBatchMixin:
    """``judge_batch`` for backends that have no faster batched path."""

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        """Judge the pairs one by one, in order."""
        return [self.judge(claim, evidence) for claim, evidence in pairs]  # type: ignore[attr-defined]


def evidence_sentences(evidence: Sequence[str]) -> list[str]:
    """All sentences of all evidence texts, in order."""
    return [s for text in evidence for s in plain_sentences(text)]
