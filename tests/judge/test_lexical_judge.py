"""Lexical checks: numbers, years, identifiers, entities and negation, zh and en."""

from citecheck.judge.lexical import (
    LexicalJudge,
    analyse,
    extract_entities,
    extract_identifiers,
    negation_count,
)

EVIDENCE = [
    "DPO was introduced by Rafailov et al. in 2023. "
    "It reached a 73.5% win rate on Anthropic-HH with Pythia-2.8B. "
    "The method does not require a reward model."
]


def conflict_kinds(claim):
    return {c.kind for c in analyse(claim, EVIDENCE).conflicts}


def test_identifiers():
    assert extract_identifiers("Qwen1.5 和 Pythia-2.8B 在 Anthropic-HH 上对比 GPT-4 与 DPO") == [
        "Qwen1.5",
        "Pythia-2.8B",
        "Anthropic-HH",
        "GPT-4",
        "DPO",
    ]


def test_entities_skip_sentence_initial_words():
    assert extract_entities("The paper by Alexander Fleming was cited.") == ["Alexander Fleming"]
    text = "Yet auctions awarded 56 GW. Together these suggest a slump. Most of it went to Orsted."
    assert extract_entities(text) == ["Orsted"], "connectives and quantifiers are no names"


def test_negation_cues():
    assert negation_count("The method does not require it.") == 1
    assert negation_count("该方法无法泛化。") == 1
    assert negation_count("不同的方法") == 0  # 不同 = different, not a negation


def test_year_conflict_en_and_zh():
    assert conflict_kinds("Rafailov et al. introduced DPO in 2021.") == {"year"}
    assert conflict_kinds("DPO 由 Rafailov 等人于2021年提出。") == {"year"}
    assert conflict_kinds("DPO 由 Rafailov 等人于2023年提出。") == set()


def test_percentage_conflict_en_and_zh():
    assert conflict_kinds("It reached an 80% win rate on Anthropic-HH.") == {"percent"}
    assert conflict_kinds("在 Anthropic-HH 上胜率为百分之八十。") == {"percent"}
    assert conflict_kinds("在 Anthropic-HH 上胜率为百分之七十三点五。") == set()


def test_identifier_conflict_en_and_zh():
    assert conflict_kinds("It was tested with Pythia-1.4B.") == {"identifier"}
    assert conflict_kinds("实验使用了 Pythia-1.4B。") == {"identifier"}


def test_entity_missing_lowers_coverage():
    assert analyse("DPO was introduced by Rafailov.", EVIDENCE).entity_coverage == 1.0
    assert analyse("DPO was introduced by Schulman.", EVIDENCE).entity_coverage == 0.0
    assert analyse("DPO 由 Schulman 提出。", EVIDENCE).entity_coverage == 0.0


def test_negation_conflict_en_and_zh():
    assert conflict_kinds("The method does require a reward model.") == {"negation"}
    zh_evidence = ["该方法在微调过程中不需要从语言模型中采样。"]
    assert {
        c.kind for c in analyse("该方法在微调过程中需要从语言模型中采样。", zh_evidence).conflicts
    } == {"negation"}


def test_lexical_judge_labels():
    judge = LexicalJudge()
    assert judge.judge("The method does not require a reward model.", EVIDENCE).label == "supported"
    contradicted = judge.judge("DPO reached a 80% win rate.", EVIDENCE)
    assert contradicted.label == "contradicted"
    assert contradicted.conflicts[0].evidence_value == "73.5%"
    assert (
        judge.judge("DPO was the most cited paper of the decade.", EVIDENCE).label == "unsupported"
    )
    assert judge.judge("anything", []).label == "unsupported"


def test_small_counts_lower_coverage_but_do_not_contradict():
    a = analyse("模型训练了2个epoch。", ["We train on four GPUs and report the win rate."])
    assert a.quantity_coverage == 0.0
    assert a.conflicts == []
    b = analyse("胜率为73.5%。", ["The win rate is 78%."])
    assert [c.kind for c in b.conflicts] == ["percent"]


def test_a_negation_word_in_a_flattened_table_row_is_a_label() -> None:
    row = ["证据等级重排 g(A) / g(B) / g(C) / g(未分级) 1.0 / 0.6 / 0.3 / 0.2 保留段落数 6"]
    claim = "证据等级权重为 g(A)=1.0、g(B)=0.6、g(C)=0.3，保留段落数 6。"
    assert [c.kind for c in analyse(claim, row).conflicts if c.kind == "negation"] == []
    prose = ["该方法使用教师模型进行蒸馏。"]
    assert [c.kind for c in analyse("该方法没有使用教师模型。", prose).conflicts] == ["negation"]
