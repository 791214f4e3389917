"""Numbers in zh and en text become comparable quantities."""

import pytest

from citecheck.judge.numerals import Quantity, extract_quantities, parse_chinese_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两千二百五十", 2250),
        ("七十三点五", 73.5),
        ("二〇二三", 2023),
        ("十五", 15),
        ("三亿五千万", 350_000_000),
    ],
)
def test_chinese_numerals(text, value):
    assert parse_chinese_number(text) == pytest.approx(value)


def test_not_a_chinese_numeral():
    assert parse_chinese_number("模型") is None


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("准确率为百分之七十三点五", "accuracy of 73.5%"),
        ("约三成用户", "about 30% of users"),
        ("两千二百五十个样本", "2,250 samples"),
        ("1.5万条数据", "15,000 examples"),
        ("2023年发布", "released in 2023"),
        ("3.5亿参数", "350 million parameters"),
        ("批大小为十六", "at batch size sixteen"),
        ("二十五个 GPU", "twenty-five GPUs"),
    ],
)
def test_zh_and_en_forms_match(zh, en):
    (q_zh,), (q_en,) = extract_quantities(zh), extract_quantities(en)
    assert q_zh.matches(q_en), (q_zh, q_en)


def test_kinds_keep_years_and_percentages_apart():
    year = extract_quantities("in 2023")[0]
    assert year.kind == "year"
    assert not year.matches(Quantity(2023.0, "number", "2023"))


def test_identifier_digits_and_word_numerals_are_not_quantities():
    assert extract_quantities("Qwen1.5 beat Pythia-2.8B and GPT-4") == []
    assert extract_quantities("一些研究十分重要") == []


def test_rounding_of_coarser_side():
    assert extract_quantities("73.52%")[0].matches(extract_quantities("73.5%")[0])
    assert not extract_quantities("75%")[0].matches(extract_quantities("73.5%")[0])
    assert not extract_quantities("73.6%")[0].matches(extract_quantities("73.5%")[0])
    assert extract_quantities("73.5%")[0].matches(extract_quantities("百分之七十三点五")[0])


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("份额约提高6个百分点", "the share rises by about 6 points"),
        ("提高了6个百分点", "a gain of 6 percentage points"),
    ],
)
def test_percentage_points_match_points_not_percentages(claim, evidence):
    (said,) = extract_quantities(claim)
    (source,) = extract_quantities(evidence)
    assert said.kind == "points" and said.matches(source)
    assert not said.matches(Quantity(6.0, "percent", "6%"))


def test_points_shares_and_periods_in_chinese() -> None:
    assert [q.kind for q in extract_quantities("高出 2.8 分，只差 0.6 个点")] == [
        "points",
        "points",
    ]
    assert [q.value for q in extract_quantities("其中约四成为中文对话")] == [40.0]
    # a period is no quantity; minutes are no points
    assert extract_quantities("20世纪30年代") == []
    assert [q.kind for q in extract_quantities("前3分钟")] == ["number"]
