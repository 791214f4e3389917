"""Which sentences are checkable claims, how compound ones split, which need a citation."""

from __future__ import annotations

import pytest

from citecheck.report.claims import (
    claim_body,
    is_checkable,
    is_own_view,
    is_specific_factual,
    report_topics,
    split_claim,
)
from tests import fakes


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("核心内容摘要", {"block": "heading"}),
        (
            "Rafailov et al. Direct Preference Optimization. NeurIPS 2023.",
            {"in_reference_list": True},
        ),
        ("论文结构包括：", {}),
        ("The paper is organised as follows:", {"lang": "en"}),
        ("为什么DPO会导致重复输出？", {}),
        ("本报告将首先介绍论文的基本信息", {}),
        ("本报告梳理回收工艺、欧美政策以及2023—2024年的市场环境。", {}),
        ("This report reviews how batteries were recycled in 2023–2024.", {"lang": "en"}),
        ("详见下文", {}),
        ("See below.", {"lang": "en"}),
        (
            "A note on the sources: the run could not extract any frames from video.mp4.",
            {"lang": "en"},
        ),
        ("资料说明：本次运行读取了论文全部 10 页和字幕文件。", {}),
    ],
)
def test_non_claims_are_skipped(text: str, fields: dict) -> None:
    assert not is_checkable(fakes.make_claim(text, **fields))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("作者借助神经切线核度量样本之间的相似性", "zh"),
        ("DPO squeezes probability mass towards the most likely token.", "en"),
    ],
)
def test_factual_sentences_are_checkable(text: str, lang: str) -> None:
    assert is_checkable(fakes.make_claim(text, lang=lang))


def test_claim_body_drops_citation_brackets_and_bullets() -> None:
    citation = fakes.make_citation("[Doc: pdf.pdf]")
    claim = fakes.make_claim("- 论文聚焦学习动态问题[Doc: pdf.pdf]。", citations=[citation])
    assert claim_body(claim) == "论文聚焦学习动态问题。"


def test_chinese_compound_sentence_splits_into_clauses() -> None:
    text = (
        "SFT阶段会拉升目标响应的概率，同时DPO会压迫所有非最大概率响应；"
        "最终概率质量集中到少数token。"
    )
    assert split_claim(text, "zh") == [
        "SFT阶段会拉升目标响应的概率",
        "DPO会压迫所有非最大概率响应",
        "最终概率质量集中到少数token。",
    ]


def test_english_clauses_split_on_while_but_not_on_plain_and() -> None:
    compound = "SFT raises the target response probability, while DPO squeezes all other responses."
    assert split_claim(compound, "en") == [
        "SFT raises the target response probability",
        "DPO squeezes all other responses.",
    ]
    simple = "SFT and DPO are the two finetuning methods the paper analyses."
    assert split_claim(simple, "en") == [simple]


def test_fragments_without_content_stay_attached() -> None:
    assert split_claim("作者提出了新的训练方法，而且有效。", "zh") == [
        "作者提出了新的训练方法，而且有效。"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "该方法将胜率提高了12.5%",
        "作者在Anthropic-HH数据集上进行了实验",
        "实验使用了Qwen1.5-0.5B模型",
        "The method outperforms all baselines on the benchmark.",
        "论文发表于2025年的会议上",
        "作者写道“模型会将概率质量集中到最可能的输出上”",
    ],
)
def test_specific_factual_sentences(text: str) -> None:
    assert is_specific_factual(fakes.make_claim(text))


@pytest.mark.parametrize(
    "text", ["（2）作者介绍了学习动态的基本概念", "这一视角有助于理解微调中的反直觉现象"]
)
def test_generic_sentences_are_not_specific(text: str) -> None:
    assert not is_specific_factual(fakes.make_claim(text))


def test_the_reports_topic_alone_does_not_make_a_sentence_specific() -> None:
    """A report about OrcaKV names it everywhere: a transition sentence naming only
    it is not a specific fact, one naming another model or a number still is."""
    claims = [fakes.make_claim(f"OrcaKV 的第{n}个特点很重要") for n in "一二三四五"]
    topics = report_topics(claims)
    assert topics == frozenset({"OrcaKV"})
    assert not is_specific_factual(fakes.make_claim("OrcaKV 正是针对这两点进行改进"), topics)
    assert is_specific_factual(fakes.make_claim("OrcaKV 在 Qwen1.5-0.5B 上测试"), topics)
    assert is_specific_factual(fakes.make_claim("OrcaKV 将显存减少了 81%"), topics)


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("我的疑问是：论文没有给出 GeoTalker 的调参细节。", True),
        ("从临床使用者的角度看，逐句标注出处降低了核对成本。", True),
        ("In my view, the 24-table budget is too small for 4,000 tables.", True),
        ("论文没有给出 GeoTalker 的调参细节。", False),
        ("I-JEPA reaches 81.2% on ImageNet.", False),
    ],
)
def test_the_writers_own_view_is_recognised(text: str, own: bool) -> None:
    assert is_own_view(fakes.make_claim(text)) is own
