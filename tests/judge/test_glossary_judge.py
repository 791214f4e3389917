"""CC-CEDICT glossing: segmentation, stemming and cross-lingual coverage of a claim."""

import numpy as np

from citecheck.judge.coverage import claim_units, gloss_coverage, renders_name
from citecheck.judge.features import (
    CROSS_LANGUAGE_FEATURES,
    MAX_EMBEDDED_SENTENCES,
    cross_language_vector,
)
from citecheck.judge.glossary import glosses, segment, stem
from citecheck.judge.lexical import analyse

NTK_SENTENCE = (
    "The neural tangent kernel describes the evolution of a network's outputs "
    "under gradient descent in the infinite-width limit."
)


class CountingEmbedder:
    """Constant vectors; records how many passages it was asked to embed."""

    def __init__(self) -> None:
        self.passages = 0

    def embed_queries(self, texts):
        return np.ones((len(texts), 4)) / 2.0

    def embed_passages(self, texts):
        self.passages += len(texts)
        return np.ones((len(texts), 4)) / 2.0


def test_stem_joins_inflections_and_derivations():
    assert stem("describes") == stem("described") == stem("description") == stem("describe")
    assert stem("networks") == stem("network")
    assert stem("2023") == "2023"
    assert stem("company") != stem("compare")


def test_segment_prefers_dictionary_words_and_drops_function_words():
    words = segment("网络输出在梯度下降中的演化由一个核描述")
    assert words == ["网络", "输出", "梯度下降", "演化", "核", "描述"]  # 梯度下降: ML glossary
    assert "的" not in segment("模型的输出")


def test_glosses_come_from_the_definitions_without_notes():
    assert stem("gradient") in glosses("梯度")
    assert stem("network") in glosses("网络")
    assert glosses("没有这个词汇啊啊") == frozenset()


def test_faithful_chinese_paraphrase_is_covered_by_english_sentence():
    claim = "网络输出在梯度下降中的演化由一个核描述"
    coverage = gloss_coverage(claim, ["Cats sleep a lot.", NTK_SENTENCE])
    assert coverage.sentence_scores[0] < coverage.sentence_scores[1]
    assert coverage.sentence_coverage >= 0.7
    assert coverage.uncovered_words <= 2


def test_unrelated_chinese_claim_is_not_covered():
    coverage = gloss_coverage("该方法已被多家大型科技公司的生产系统采用", [NTK_SENTENCE])
    assert coverage.sentence_coverage < 0.1  # at most a weak character back-off
    assert coverage.uncovered_words >= coverage.claim_words - 1 > 0


def test_window_joins_consecutive_sentences():
    claim = "网络输出梯度，公司采用该系统"
    sentences = ["The network outputs a gradient.", "Companies adopt the system."]
    coverage = gloss_coverage(claim, sentences)
    assert coverage.window_coverage == 1.0 > coverage.sentence_coverage


def test_english_claim_reduces_to_token_coverage():
    units = claim_units("Gradient descent trains cats")
    assert [u.text for u in units] == ["Gradient", "descent", "trains", "cats"]
    coverage = gloss_coverage("Gradient descent trains cats", [NTK_SENTENCE])
    assert coverage.sentence_coverage == 0.5  # gradient and descent are in it
    assert coverage.uncovered_words == 2


def test_latin_tokens_and_numbers_in_chinese_claim_must_appear():
    covered = gloss_coverage("DPO 于2023年提出", ["DPO was proposed in 2023."])
    changed = gloss_coverage("DPO 于2021年提出", ["DPO was proposed in 2023."])
    assert covered.sentence_coverage > changed.sentence_coverage


def test_cross_language_vector_embeds_only_the_best_covering_sentences():
    evidence = [" ".join(f"Unrelated filler sentence number {i}." for i in range(20))]
    evidence.append(NTK_SENTENCE)
    claim = "网络输出在梯度下降中的演化由一个核描述"
    a = analyse(claim, evidence)
    embedder = CountingEmbedder()
    features, best = cross_language_vector(claim, a, embedder)
    assert embedder.passages == MAX_EMBEDDED_SENTENCES
    values = dict(zip(CROSS_LANGUAGE_FEATURES, features, strict=True))
    assert values["gloss_sentence_coverage"] >= 0.7
    assert best is not None


def test_a_chinese_sentence_renders_terms_but_never_names() -> None:
    sentence = "Llama-3.1-8B 的多文档问答上 TideKV 比 SnapSelect 高出 分"
    assert renders_name("multi-document", sentence) and renders_name("QA", sentence)
    # model and method names are only ever named; an unrelated term is not rendered
    assert not renders_name("SnapSelect", sentence) and not renders_name("Llama-3.1-8B", sentence)
    assert not renders_name("summarisation", sentence) and not renders_name("GQA", sentence)
