"""Loading a cross-encoder bundle: export, checksums, calibration, the judge, its cache."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from citecheck.errors import InputError
from citecheck.judge.base import JudgeConfig
from citecheck.judge.factory import make_judge
from citecheck.judge.nli.e5file import E5File, packaged_e5_path
from citecheck.judge.nli.judge import NliJudge
from citecheck.judge.nli.model import DEFAULT_BUNDLE, Calibration, NliModel
from citecheck.judge.nli.verdict_cache import VerdictCache

torch = pytest.importorskip("torch")
pytest.importorskip("onnx")


def tiny_bundle(folder: Path, favoured: int) -> Path:
    """A one-layer cross-encoder, exported the way training/export.py ships one.

    The head's bias makes label ``favoured`` win for every pair, so the test can
    tell that its weights, not the shipped ones, were loaded.
    """
    from transformers import BertConfig, BertModel

    from training.export import write_bundle
    from training.train_nli import PairClassifier

    e5 = E5File(packaged_e5_path())
    config = BertConfig(
        vocab_size=8,
        hidden_size=384,
        num_hidden_layers=1,
        num_attention_heads=12,
        intermediate_size=64,
        max_position_embeddings=512,
        type_vocab_size=2,
    )
    torch.manual_seed(0)
    model = PairClassifier(BertModel(config, add_pooling_layer=False), 384).eval()
    with torch.no_grad():
        model.head.weight.zero_()
        model.head.bias.copy_(torch.tensor([0.0, 0.0, 0.0]))
        model.head.bias[favoured] = 5.0
    write_bundle(model, folder, e5, max_length=64)
    return folder


def test_a_fine_tuned_model_goes_through_the_shipped_loading_path(tmp_path) -> None:
    bundle = tiny_bundle(tmp_path / "bundle", favoured=2)
    model = NliModel(bundle, threads=1)
    probs = model.probabilities([("claim", "evidence"), ("另一个说法", "另一段证据" * 40)])
    assert probs.shape == (2, 3)
    assert (probs.argmax(axis=1) == 2).all()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-4)


def test_a_changed_graph_or_embedding_file_is_refused_by_checksum(tmp_path) -> None:
    bundle = tiny_bundle(tmp_path / "bundle", favoured=0)
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["e5_sha256"] = "0" * 64
    (bundle / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(InputError, match="checksum differs"):
        NliModel(bundle)
    (bundle / "manifest.json").write_text("{not json")
    with pytest.raises(InputError, match="cannot read the cross-encoder manifest"):
        NliModel(bundle)


def test_the_shipped_bundle_loads_offline_from_a_clean_user_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = NliModel(DEFAULT_BUNDLE, threads=1)
    assert not {"e5", "tokenizer", "_session"} & set(vars(model))  # nothing loaded yet
    short = ("The sky is blue.", "The sky is blue today.")
    alone = model.probabilities([short])
    assert {"e5", "tokenizer", "_session"} <= set(vars(model))
    filler = "The experiments cover four models and two datasets. " * 20
    long = ("论文在四个模型上做了实验。", filler)
    together = model.probabilities([long, short])
    assert alone.shape == (1, 3)
    # a pair's scores do not depend on the other pairs of the call
    np.testing.assert_allclose(together[1], alone[0], atol=1e-6)
    assert not (tmp_path / "empty-cache").exists()  # nothing assembled or written


def test_the_default_judge_reads_its_thresholds_from_the_shipped_manifest() -> None:
    judge = make_judge(JudgeConfig())
    assert isinstance(judge, NliJudge)
    shipped = json.loads((DEFAULT_BUNDLE / "manifest.json").read_text())["calibration"]
    assert judge.calibration.supported_min == shipped["supported_min"]
    assert judge.calibration.unsupported_max == shipped["unsupported_max"]
    assert judge.calibration.contradicted_min == shipped["contradicted_min"]
    override = make_judge(JudgeConfig(supported_min=0.8))
    assert isinstance(override, NliJudge)
    assert override.calibration.supported_min == 0.8
    assert override.calibration.contradicted_min == shipped["contradicted_min"]


class CountingModel:
    """A stand-in model: P(supported) is 0.9 when the claim's words are in the window."""

    name = "counting"

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.manifest = type("M", (), {"calibration": Calibration()})()

    def probabilities(self, pairs, max_length=None) -> np.ndarray:
        self.seen.extend(pairs)
        rows = [
            [0.9, 0.05, 0.05] if c.lower() in e.lower() else [0.02, 0.08, 0.9] for c, e in pairs
        ]
        return np.array(rows, dtype=np.float32).reshape(len(pairs), 3)


def test_verdicts_come_from_the_best_window_and_are_cached(tmp_path) -> None:
    model = CountingModel()
    cache = VerdictCache(tmp_path / "verdicts.sqlite")
    judge = NliJudge(model, Calibration(0.5, 0.1, 0.7), cache)  # type: ignore[arg-type]
    pairs = [
        ("DPO was introduced in 2023", ["Unrelated text.", "dpo was introduced in 2023 by them."]),
        ("The win rate is 40%", ["The win rate is 51%."]),
    ]
    first = judge.judge_batch(pairs)
    assert [v.label for v in first] == ["supported", "contradicted"]
    assert first[0].evidence_span == "dpo was introduced in 2023 by them."
    assert first[1].confident and "51%" in first[1].reason  # the lexical check names the value
    calls = len(model.seen)
    again = NliJudge(model, Calibration(0.5, 0.1, 0.7), VerdictCache(tmp_path / "verdicts.sqlite"))  # type: ignore[arg-type]
    assert [v.label for v in again.judge_batch(pairs)] == ["supported", "contradicted"]
    assert len(model.seen) == calls  # a warm run sends nothing through the model


def test_grey_zone_is_not_confident() -> None:
    class Grey(CountingModel):
        def probabilities(self, pairs, max_length=None) -> np.ndarray:
            return np.tile(np.array([[0.3, 0.6, 0.1]], dtype=np.float32), (len(pairs), 1))

    verdict = NliJudge(Grey(), Calibration(0.5, 0.1, 0.7)).judge("a claim", ["some text"])  # type: ignore[arg-type]
    assert (verdict.label, verdict.confident) == ("unsupported", False)
    assert NliJudge(Grey(), Calibration(0.5, 0.1, 0.7)).judge("claim", [])  # type: ignore[arg-type]
