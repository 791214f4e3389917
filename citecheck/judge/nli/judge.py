"""The default judge: citecheck's own multilingual cross-encoder.

Each evidence text is cut to the window the model reads (the best-matching
sentence and its neighbours, :mod:`citecheck.judge.nli.windows`), every
(claim, window) pair of a batch goes through the model in one call, and the
claim's verdict comes from its windows: supported when one window entails it,
contradicted when the window that best matches it contradicts it with confidence.

Decisions use the thresholds shipped in the bundle's manifest, chosen on held-out
dev splits for precision (``training/calibrate.py``); a verdict is ``confident``
only beyond them, and the rules report the grey zone as an info prompt. The
lexical checks add what they are precise at: when the model finds the claim not
supported and the same window states a different number, year or name, the
verdict names both values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from citecheck.judge.lexical import LexicalAnalysis, analyse, describe_conflicts, is_small_count
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
        conflicts = []
        rival = (
            _number_rival(claim, windows, probs[:, SUPPORTED], best, numbers)
            if p_supported >= cal.supported_min
            else None
        )
        if rival is not None:
            aligned, lexical = rival
            conflicts = lexical.conflicts
            label, confident, shown = "contradicted", True, windows[aligned]
            reason = (
                f"P(supported)={p_supported:.2f} from a passage without the claim's numbers, but "
                f"the passage that states them says {describe_conflicts(conflicts)}"
            )
        elif p_supported >= cal.supported_min and numbers.states_none(best):
            label, confident = "unsupported", False
            reason = f"P(supported)={p_supported:.2f}, but the passage states none of its numbers"
        elif p_supported >= cal.supported_min:
            label, confident = "supported", True
            reason = f"P(supported)={p_supported:.2f}"
        else:
            lexical = analyse(claim, [windows[aligned].text])
            conflicts = lexical.conflicts
            if p_contradicted >= cal.contradicted_min or _same_sentence_other_number(
                claim, lexical
            ):
                label, confident, shown = "contradicted", True, windows[aligned]
                reason = f"P(contradicted)={p_contradicted:.2f}"
                if conflicts:
                    reason += f": {describe_conflicts(conflicts)}"
            else:
                label = "unsupported"
                confident = p_supported < cal.unsupported_max
                reason = f"P(supported)={p_supported:.2f}: the evidence does not state the claim"
                if conflicts and p_contradicted >= cal.contradicted_min / 2:
                    reason += f" (the passage says {describe_conflicts(conflicts)})"
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


_NUMBER_KINDS = frozenset({"number", "percent", "points", "year"})


def _same_sentence_other_number(claim: str, lexical: LexicalAnalysis) -> bool:
    """The lexical check where it is precise: the aligned window shares a number with
    the claim (so it is about the same thing) and states another one, which the claim
    does not mention, where the claim has a number of the same kind ("from 31% to 78%"
    against "from 31% to 87%"). A rival the claim states itself is another fact of a
    multi-fact claim, not a contradiction."""
    changed = [
        c
        for c in lexical.conflicts
        if c.kind in _NUMBER_KINDS and c.evidence_value and c.evidence_value not in claim
    ]
    return bool(changed) and 0.0 < lexical.quantity_coverage < 1.0


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

    def states_none(self, window: int) -> bool:
        """The claim measures something and the window states none of its values:
        whatever the model reads there (the same model in another table row), it is
        not this claim's source."""
        return self.measured > 0 and self.unstated[window] == self.measured

    def best_window(self, p_supported: np.ndarray, supported_min: float) -> int:
        """The most supported window; for a claim with numbers, the most supported of
        the windows above ``supported_min`` that state the most of them (the sentence a
        number was read from, not a row of the same table that merely shares the topic)."""
        top = int(np.argmax(p_supported))
        if not self.measured:
            return top
        above = [i for i, p in enumerate(p_supported) if p >= supported_min] or [top]
        return min(above, key=lambda i: (self.unstated[i], -p_supported[i]))


def _number_rival(
    claim: str, windows: list[_Window], p_supported: np.ndarray, best: int, numbers: _Numbers
) -> tuple[int, LexicalAnalysis] | None:
    """A window that contradicts a supported verdict on the claim's numbers: the model
    backs the claim from a window that does not state all of them (another table row,
    a sentence with one of them), while a window shares one and states another in its
    place ("from 31% to 78%" against "from 31% to 87%"). Windows are tried from the
    most supported down."""
    if not numbers.measured or numbers.unstated[best] == 0:
        return None
    for index in np.argsort(-p_supported):
        lexical = analyse(claim, [windows[int(index)].text])
        if _same_sentence_other_number(claim, lexical):
            return int(index), lexical
    return None
