"""The decision layer: one signal is the grey zone, two that agree are an error."""

from __future__ import annotations

import pytest

from citecheck.judge.decision import decide, missing_facts
from citecheck.models import Verdict

PAGE = [
    "We evaluate OrcaKV on Llama-3.1-8B with grouped-query attention. The benchmark has "
    "1,240 questions over 312 documents.",
    "OrcaKV raises decoding throughput by 2.7× at a 32K context.",
]


def model(label: str, *, confident: bool = True, score: float = 0.1) -> Verdict:
    """A stand-in backend's reading: only the label, the score and its confidence."""
    return Verdict(label=label, score=score, backend="stand-in", confident=confident)  # type: ignore[arg-type]


def test_one_signal_unsupported_is_grey() -> None:
    # the model finds nothing, but every fact of the claim is on the page
    verdict = decide("The benchmark has 1,240 questions", model("unsupported"), PAGE)
    assert (verdict.label, verdict.confident) == ("unsupported", False)


def test_model_and_a_missing_fact_agree_on_an_error() -> None:
    claim = "Twelve annotators wrote the 1,240 questions in 4 months for Mistral-7B"
    verdict = decide(claim, model("unsupported", confident=False, score=0.3), PAGE)
    assert (verdict.label, verdict.confident) == ("unsupported", True)
    assert "Mistral-7B" in verdict.reason


def test_a_duration_the_page_never_states_is_a_missing_fact_however_small() -> None:
    claim = "The 1,240 questions took annotators about four months"
    verdict = decide(claim, model("unsupported", confident=False, score=0.2), PAGE)
    assert (verdict.label, verdict.confident) == ("unsupported", True)
    # a bare small count stays too weak to be a fact on its own, and so does a
    # position in a talk ("in the first 5 minutes"), which no sentence states
    count = decide("The 1,240 questions came from four teams", model("unsupported"), PAGE)
    assert count.confident is False
    position = "讲者在前 5 分钟介绍了 1,240 个问题的来源"
    assert decide(position, model("unsupported"), PAGE).confident is False


def test_a_model_contradiction_without_a_second_signal_is_grey() -> None:
    verdict = decide("The benchmark has 1,240 questions", model("contradicted"), PAGE)
    assert (verdict.label, verdict.confident) == ("contradicted", False)


def test_an_aligned_quantity_contradicts_whatever_the_model_read() -> None:
    verdict = decide("OrcaKV 将吞吐量提升至 3.2 倍", model("supported", score=0.9), PAGE)
    assert (verdict.label, verdict.confident) == ("contradicted", True)
    assert [(c.claim_value, c.evidence_value) for c in verdict.conflicts] == [("3.2", "2.7")]
    assert verdict.evidence_span is not None and "2.7×" in verdict.evidence_span


def test_a_supported_reading_with_a_number_the_page_lacks_is_unconfirmed() -> None:
    verdict = decide("Its cache holds 4,096 entries", model("supported", score=0.9), PAGE)
    assert (verdict.label, verdict.confident) == ("unsupported", False)
    supported = decide("The benchmark has 312 documents", model("supported", score=0.9), PAGE)
    assert (supported.label, supported.confident) == ("supported", True)


HEAT = [
    "Across 112 US cities, neighbourhoods that were redlined in the 1930s are on average"
    " 2.4 °C hotter in summer than non-redlined areas."
]


def test_another_value_of_the_same_measure_in_place_of_the_claims_is_one_signal() -> None:
    claim = "在美国112个城市中，20世纪30年代被划为红线区的社区夏季平均比非红线区高4.2 °C"
    verdict = decide(claim, model("supported", score=0.5), HEAT)
    assert (verdict.label, verdict.confident, verdict.replaced) == ("contradicted", False, True)
    assert [(c.claim_value, c.evidence_value) for c in verdict.conflicts] == [("4.2", "2.4")]
    # a number of no stated measure is only unconfirmed: the stand-in may be anything
    bare = claim.replace(" °C", "")
    other = decide(bare, model("supported", score=0.5), HEAT)
    assert (other.label, other.confident, other.replaced) == ("unsupported", False, False)


@pytest.mark.parametrize(
    ("claim", "missing"),
    [
        ("OrcaKV uses GQA", []),  # spelled out on the page
        ("OrcaKV needs a retrieval-style cache", []),  # not a name
        ("OrcaKV runs on Qwen2.5-7B", ["Qwen2.5-7B"]),
        ("OrcaKV 在 Llama-3.1-8B 上测试", []),
    ],
)
def test_missing_facts(claim: str, missing: list[str]) -> None:
    assert missing_facts(claim, PAGE) == missing


def test_mixed_case_acronyms_are_spelled_out_by_their_letters_or_capitals() -> None:
    page = [
        "We have not evaluated mixture-of-experts targets; the drafter uses low-rank adaptation."
    ]
    assert missing_facts("OrcaKV was never tested on MoE targets", page) == ["OrcaKV"]
    assert missing_facts("The drafter is trained with LoRA", page) == []
    assert missing_facts("The drafter is trained with QLoRA", page) == ["QLoRA"]


def test_a_missing_number_with_another_value_in_its_place_is_a_contradiction() -> None:
    # the model finds nothing, 1,420 is nowhere, and the benchmark's count is 1,240
    verdict = decide("该基准包含 1,420 道题目", model("unsupported", score=0.2), PAGE)
    assert (verdict.label, verdict.confident) == ("contradicted", True)
    assert [(c.claim_value, c.evidence_value) for c in verdict.conflicts] == [("1,420", "1,240")]


def test_a_flattened_table_line_never_contradicts() -> None:
    line = ["Llama-3.1-8B Full cache 43.2 41.5 27.8 68.9 52.3 57.9 48.6"]
    verdict = decide("Llama-3.1-8B 的全量缓存平均分为 47.3", model("supported", score=0.8), line)
    assert verdict.label != "contradicted"


def test_a_swapped_name_is_an_error_only_when_the_model_agrees() -> None:
    page = ["The drafter trains in 14 hours on 8 A100 GPUs."]
    claim = "The drafter trains in 14 hours on 8 H100 GPUs"
    doubted = decide(claim, model("unsupported", confident=False, score=0.2), page)
    assert (doubted.label, doubted.confident) == ("contradicted", True)
    assert [(c.claim_value, c.evidence_value) for c in doubted.conflicts] == [("H100", "A100")]
    read = decide(claim, model("supported", score=0.9), page)
    assert (read.label, read.confident, read.replaced) == ("contradicted", False, True)


def test_a_number_on_the_page_but_not_of_the_claim_is_not_called_absent() -> None:
    page = ["Method Full cache 61.2 74.1 49.7 TideKV 59.8 73.5 47.6"]
    verdict = decide("全量缓存的准确率为 74.1%", model("supported", score=0.4), page)
    assert verdict.confident is False
    assert "never states" not in verdict.reason and "'74.1%'" in verdict.reason


def test_a_latin_name_written_beside_its_chinese_form_is_not_missing() -> None:
    said = ["大家好，我是灵音科技语音组的方子谦，是这篇论文的第四作者。"]
    assert missing_facts("Fang Ziqian（方子谦）是论文的第四作者", said) == []
    assert missing_facts("方子谦（Fang Ziqian）是论文的第四作者", said) == []
    assert missing_facts("Fang Ziqian 是论文的第四作者", said) == ["Fang Ziqian"]


def test_a_size_written_inside_a_model_name_is_not_missing() -> None:
    page = ["We use Qwen2.5-7B-Instruct as the language model."]
    assert missing_facts("论文没有在比 7B 更大的语言模型上做实验", page) == []
    assert missing_facts("论文在 14B 的语言模型上做了实验", page) == ["14B"]


def test_an_identifying_number_written_inside_a_code_is_stated() -> None:
    stamp = ["arXiv:2507.14382v2  [cs.RO]  18 Jul 2025"]
    assert missing_facts("预印本编号 2507.14382，仍在审稿中", stamp) == []
    assert missing_facts("预印本编号 2507.14383，仍在审稿中", stamp) == ["2507.14383"]


def test_a_list_items_label_is_no_fact() -> None:
    page = ["Yutong Guo and Zhengrong Mao are with LIESMARS, Wuhan University."]
    assert missing_facts("Authors and affiliations: Yutong Guo (LIESMARS)", page) == []
    assert missing_facts("Authors: Yutong Guo and Henrik Olsen", page) == ["Henrik Olsen"]
