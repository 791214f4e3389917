"""A numeric claim is not supported from a window without its numbers, and a window
that states another number in their place contradicts it, whatever the model reads."""

from __future__ import annotations

import numpy as np

from citecheck.judge.nli.judge import NliJudge
from citecheck.judge.nli.model import Calibration


class TopicModel:
    """A stand-in for a model that reads the topic and not the numbers: P(supported)
    0.8 for any window about the argmax share, a shade more for table rows."""

    name = "topic"

    def __init__(self) -> None:
        self.manifest = type("M", (), {"calibration": Calibration()})()

    def probabilities(self, pairs, max_length=None) -> np.ndarray:
        rows = []
        for _, window in pairs:
            on_topic = "argmax share" in window
            p = (0.85 if "·" in window else 0.8) if on_topic else 0.02
            rows.append([p, 1 - p - 0.01, 0.01])
        return np.array(rows, dtype=np.float32).reshape(len(pairs), 3)


ROW = "Table 1 · Model: Qwen · Method: on-policy DPO · argmax share: 38%"
SENTENCE = "At the same time the argmax share rises from 31% to 78% on Qwen."


def _judge(claim: str, windows: list[str]):
    judge = NliJudge(TopicModel(), Calibration(0.5, 0.1, 0.9))  # type: ignore[arg-type]
    return judge.judge(claim, windows)


def test_a_changed_number_is_contradicted_by_the_sentence_it_was_taken_from() -> None:
    verdict = _judge("The argmax share rises from 31% to 87% on Qwen.", [ROW, SENTENCE])
    assert (verdict.label, verdict.confident) == ("contradicted", True)
    assert verdict.evidence_span == SENTENCE
    assert "78%" in verdict.reason


def test_a_window_without_any_of_the_claims_numbers_supports_nothing() -> None:
    verdict = _judge("The argmax share rises from 31% to 87% on Qwen.", [ROW])
    assert (verdict.label, verdict.confident) == ("unsupported", False)
    assert "none of its numbers" in verdict.reason


def test_the_right_numbers_and_a_claim_without_numbers_stay_supported() -> None:
    assert _judge("The argmax share rises from 31% to 78% on Qwen.", [ROW, SENTENCE]).label == (
        "supported"
    )
    assert _judge("The argmax share rises on Qwen.", [ROW, SENTENCE]).label == "supported"
