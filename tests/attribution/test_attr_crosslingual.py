"""Glossed coverage: how much of an English claim Chinese evidence renders."""

from citecheck.attribution.crosslingual import glossed_coverage, is_across_languages
from tests.fakes import segment

TURNS = [
    segment(0, 10, "核心是一个校准头，它读取问题和检索段落，输出置信度。", "陈浩然"),
    segment(10, 20, "感谢浩然的精彩分享，今天的讲座就到这里。", "周雨桐"),
]


def test_only_english_claims_on_chinese_evidence_are_across_languages() -> None:
    assert is_across_languages("The head outputs a confidence", TURNS)
    assert not is_across_languages("校准头输出置信度", TURNS)
    assert not is_across_languages("The head outputs a confidence", [segment(0, 1, "Hello")])


def test_a_rendered_claim_covers_more_than_an_invented_one() -> None:
    rendered, turn = glossed_coverage("the calibration head outputs a confidence", TURNS)
    invented, _ = glossed_coverage("the system was deployed in a hospital last year", TURNS)
    assert rendered >= 0.5 > 0.25 > invented
    assert turn is TURNS[0]


def test_names_do_not_count_against_a_claim() -> None:
    named, _ = glossed_coverage("According to Haoran Chen, the head outputs a confidence", TURNS)
    plain, _ = glossed_coverage("According to him, the head outputs a confidence", TURNS)
    assert named == plain > 0
