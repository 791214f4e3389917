"""The default judge: citecheck's own multilingual cross-encoder.

Each evidence text is cut to the window the model reads (the best-matching
sentence and its neighbours, :mod:`citecheck.judge.nli.windows`), every
(claim, window) pair of a batch goes through the model in one call, and the
claim's verdict comes from its windows: supported when one window entails it,
contradicted when the window that best matches it contradicts it with confidence.

Decisions use the thresholds shipped in the bundle's manifest, chosen on held-out
dev splits for precision (``training/calibrate.py``); a verdict is ``confident``
only beyond them. This is the model's reading only: the decision layer
(:mod:`citecheck.judge.decision`) checks it against the whole cited text, aligns
the claim's numbers with the source's, and decides what is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from citecheck.judge.lexical import analyse, describe_conflicts, is_small_count
from citecheck.judge.nli.model import Calibration, NliModel, shared_model
from citecheck.judge.nli.verdict_cache import VerdictCache
from citecheck.judge.nli.windows import window_evidence
from citecheck.judge.numerals import extract_quantities
from citecheck.models import Evidence, Verdict

SUPPORTED, UNSUPPORTED, CONTRADICTED = 0, 1, 2


@dataclass(frozen=True)
class _Window:
    index: int  # which evidence text
    text: str


class NliJudge:
    """Claims judged by the shipped cross-encoder (or another bundle of the same format)."""

    def __init__(
        self,
        model: NliModel | None = None,
        calibration: Calibration | None = None,
        cache: VerdictCache | None = None,
    ) -> None:
        self._model = model
        self._calibration = calibration
        self.cache = cache
        self.name = "nli"

    @property
    def model(self) -> NliModel:
        """The cross-encoder, loaded on first use."""
        if self._model is None:
            self._model = shared_model()
        return self._model

    @property
    def fingerprint(self) -> str:
        """The model's name (its checksum, input length) and the thresholds in use."""
        cal = self.calibration
        thresholds = (cal.supported_min, cal.unsupported_max, cal.contradicted_min)
        return f"{self.model.name}:{thresholds}"

    @property
    def calibration(self) -> Calibration:
        """Explicit thresholds, else the bundle's."""
        return self._calibration or self.model.manifest.calibration

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        """Judge one claim against its evidence texts."""
        return self.judge_batch([(claim, evidence)])[0]

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        """Judge every pair with one pass of the model over all their windows."""
        windows = [
            [
                _Window(i, window_evidence(claim, text))
                for i, text in enumerate(evidence)
                if text.strip()
            ]
            for claim, evidence in pairs
        ]
        flat = [(claim, w.text) for (claim, _), ws in zip(pairs, windows, strict=True) for w in ws]
        probs = self._probabilities(flat)
        verdicts, start = [], 0
        for (claim, _), ws in zip(pairs, windows, strict=True):
            verdicts.append(self._verdict(claim, ws, probs[start : start + len(ws)]))
            start += len(ws)
        return verdicts

    def _probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        if self.cache is None:
            return self.model.probabilities(pairs)
        return self.cache.probabilities(self.model, pairs)

    def _verdict(self, claim: str, windows: list[_Window], probs: np.ndarray) -> Verdict:
        if not windows:
            return Verdict(label="unsupported", score=0.0, backend=self.name, reason="no evidence")
        cal = self.calibration
        numbers = _Numbers.of(claim, windows)
        best = numbers.best_window(probs[:, SUPPORTED], cal.supported_min)
        p_supported = float(probs[best, SUPPORTED])
        # the window most about the claim: the least "unrelated" one
        aligned = int(np.argmin(probs[:, UNSUPPORTED]))
        p_contradicted = float(probs[aligned, CONTRADICTED])
        shown = windows[best]
        if p_supported >= cal.supported_min:
            label, confident = "supported", True
            reason = f"P(supported)={p_supported:.2f}"
        elif p_contradicted >= cal.contradicted_min:
            label, confident, shown = "contradicted", True, windows[aligned]
            reason = f"P(contradicted)={p_contradicted:.2f}"
        else:
            label = "unsupported"
            confident = p_supported < cal.unsupported_max
            reason = f"P(supported)={p_supported:.2f}: the evidence does not state the claim"
        conflicts = analyse(claim, [shown.text]).conflicts if label == "contradicted" else []
        if conflicts:
            reason += f": {describe_conflicts(conflicts)}"
        return Verdict(
            label=label,
            score=round(p_supported, 4),
            p_contradicted=round(p_contradicted, 4),
            confident=confident,
            backend=self.name,
            evidence=[
                Evidence(source="evidence", locator=f"text {shown.index + 1}", text=shown.text)
            ],
            evidence_span=shown.text,
            reason=reason,
            conflicts=conflicts,
        )


@dataclass(frozen=True)
class _Numbers:
    """What the claim measures (percentages, scores, numbers beyond a small count) and
    how many of those values each window leaves unstated, worked out once per claim."""

    measured: int
    unstated: list[int]

    @classmethod
    def of(cls, claim: str, windows: list[_Window]) -> _Numbers:
        measured = [q for q in extract_quantities(claim) if not is_small_count(q)]
        unstated = []
        for window in windows if measured else []:
            stated = extract_quantities(window.text)
            unstated.append(sum(not any(q.matches(e) for e in stated) for q in measured))
        return cls(len(measured), unstated or [0] * len(windows))

    def best_window(self, p_supported: np.ndarray, supported_min: float) -> int:
        """The most supported window; for a claim with numbers, the most supported of
        the windows above ``supported_min`` that state the most of them (the sentence a
        number was read from, not a row of the same table that merely shares the topic)."""
        top = int(np.argmax(p_supported))
        if not self.measured:
            return top
        above = [i for i, p in enumerate(p_supported) if p >= supported_min] or [top]
        return min(above, key=lambda i: (self.unstated[i], -p_supported[i]))
