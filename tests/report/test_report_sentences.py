"""Sentence splitting for Chinese and English, including the known pitfalls."""

from __future__ import annotations

import time

import pytest

from citecheck.report.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_chinese_splits_on_full_stop_semicolon_and_ellipsis() -> None:
    assert sentences("第一句。第二句；第三句……第四句！") == [
        "第一句。",
        "第二句；",
        "第三句……",
        "第四句！",
    ]


def test_citation_after_final_punctuation_joins_the_sentence_before() -> None:
    text = "模型很好。[Doc: pdf.pdf][文档: pdf.pdf, page 2-6] 下一句。"
    assert sentences(text) == ["模型很好。[Doc: pdf.pdf][文档: pdf.pdf, page 2-6]", "下一句。"]


@pytest.mark.parametrize(
    "text",
    [
        "准确率达到73.5%，优于基线。",
        "Holtzman et al. 2020 发现了退化现象。",
        "例如 e.g. Fig. 3 显示了曲线。",
        "代码见 https://github.com/Joshua-Ren/Learning_dynamics_LLM 仓库。",
        "模型Qwen1.5-0.5B与Pythia-410M被测试。",
        "作者是Danica J. Sutherland教授。",
        '引用[long_context: "a. b", chunk 1]在句中。',
    ],
)
def test_no_split_inside_protected_text(text: str) -> None:
    assert sentences(text) == [text]


def test_english_sentences() -> None:
    text = "DPO squeezes mass. See Fig. 2 for details! Does it hold? Yes.[Doc: pdf.pdf] Done"
    assert sentences(text) == [
        "DPO squeezes mass.",
        "See Fig. 2 for details!",
        "Does it hold?",
        "Yes.[Doc: pdf.pdf]",
        "Done",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert sentences("他说：“好。”然后走了。") == ["他说：“好。”", "然后走了。"]


def test_a_3000_character_report_splits_fast() -> None:
    split_sentences("预热。")
    text = "大模型微调会引发挤压效应，论文给出了解释。[Doc: pdf.pdf]" * 100
    began = time.perf_counter()
    assert len(split_sentences(text)) == 100
    assert time.perf_counter() - began < 1.0
