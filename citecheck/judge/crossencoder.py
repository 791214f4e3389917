"""NLI cross-encoder backend (sentence-transformers ``CrossEncoder``).

Any local path or model name the user configures (a multilingual NLI model, a
MiniCheck model…). Which output is entailment / contradiction / neutral is read
from the model config's ``id2label``; a two-label model is read as
(not supported, supported). ``sentence_transformers`` is imported on first use
only (it costs seconds), and is an optional dependency (``pip install
citecheck-lint[nli]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from citecheck.errors import InputError
from citecheck.judge.base import evidence_sentences
from citecheck.models import Evidence, Verdict


def label_indices(id2label: dict[int, str]) -> dict[str, int]:
    """Map ``entailment``/``contradiction``/``neutral`` to output indices.

    Names are matched loosely (``ENTAILMENT``, ``entail``, ``supported``…);
    with two labels and no recognisable names, index 1 is entailment.
    """
    found: dict[str, int] = {}
    for index, name in id2label.items():
        lowered = str(name).lower()
        if lowered.startswith(("entail", "support")):
            found["entailment"] = int(index)
        elif lowered.startswith(("contradict", "refute")):
            found["contradiction"] = int(index)
        elif lowered.startswith(("neutral", "not", "unsupport")):
            found["neutral"] = int(index)
    if "entailment" not in found:
        if len(id2label) != 2:
            raise ValueError(f"cannot tell which output is entailment in {id2label}")
        found = {"entailment": 1, "neutral": 0}
    return found


class CrossEncoderJudge:
    """Judge each evidence sentence with an NLI cross-encoder; keep the best."""

    name = "crossencoder"

    def __init__(
        self, model: str, supported_min: float = 0.5, contradicted_min: float = 0.5
    ) -> None:
        self.model_name = model
        self.supported_min = supported_min
        self.contradicted_min = contradicted_min
        self._model: Any = None
        self._labels: dict[str, int] = {}

    def _load(self) -> Any:
        if self._model is None:
            try:
                from sentence_transformers import CrossEncoder
            except ImportError as exc:
                hint = "needs sentence-transformers: pip install 'citecheck-lint[nli]'"
                raise InputError(self.model_name, hint) from exc
            try:
                model = CrossEncoder(self.model_name)
            except (OSError, ValueError) as exc:
                raise InputError(self.model_name, f"cannot load cross-encoder: {exc}") from exc
            self._labels = label_indices(dict(model.model.config.id2label))
            self._model = model
        return self._model

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        """Judge one claim against its evidence."""
        return self.judge_batch([(claim, evidence)])[0]

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        """Score all (sentence, claim) pairs in one model call, then decide per claim."""
        model = self._load()
        sentences = [evidence_sentences(ev) for _, ev in pairs]
        inputs = [
            (s, claim) for (claim, _), sents in zip(pairs, sentences, strict=True) for s in sents
        ]
        probs = self._probabilities(model, inputs) if inputs else np.zeros((0, len(self._labels)))
        verdicts, start = [], 0
        for sents in sentences:
            verdicts.append(self._decide(sents, probs[start : start + len(sents)]))
            start += len(sents)
        return verdicts

    def _probabilities(self, model: Any, inputs: list[tuple[str, str]]) -> np.ndarray:
        logits = np.asarray(model.predict(inputs, apply_softmax=False, convert_to_numpy=True))
        if logits.ndim == 1:  # a single-logit model: sigmoid of the support logit
            support = 1.0 / (1.0 + np.exp(-logits))
            return np.stack([1.0 - support, support], axis=1)
        exp = np.exp(logits - logits.max(axis=1, keepdims=True))
        return exp / exp.sum(axis=1, keepdims=True)

    def _decide(self, sentences: list[str], probs: np.ndarray) -> Verdict:
        if not sentences:
            return Verdict(label="unsupported", score=0.0, backend=self.name, reason="no evidence")
        entail = probs[:, self._labels["entailment"]]
        best = int(np.argmax(entail))
        score = round(float(entail[best]), 4)
        contra_index = self._labels.get("contradiction")
        contra = probs[:, contra_index] if contra_index is not None else np.zeros(len(sentences))
        worst = int(np.argmax(contra))
        if score >= self.supported_min:
            label, span = "supported", sentences[best]
            reason = f"entailment {score:.2f} from {self.model_name}"
        elif contra[worst] >= self.contradicted_min:
            label, span = "contradicted", sentences[worst]
            reason = f"contradiction {contra[worst]:.2f} from {self.model_name}"
        else:
            label, span = "unsupported", sentences[best]
            reason = f"best entailment {score:.2f} < {self.supported_min} ({self.model_name})"
        index = sentences.index(span)
        return Verdict(
            label=label,
            score=score,
            backend=self.name,
            evidence_span=span,
            reason=reason,
            evidence=[Evidence(source="evidence", locator=f"sentence {index + 1}", text=span)],
        )
