"""Name extraction and comparison, Chinese and English."""

import pytest

from citecheck.attribution.matching import AliasBook, NameMatch, compare_names
from citecheck.attribution.names import find_authors, find_finding_attributions, find_presenters


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ICLR 2025 大会论文视频讲座由Yi Ren主讲，以幻灯片形式讲解", "Yi Ren"),
        ("讲解视频：ICLR 2025 预讲会技术展示，主讲：姚云驰", "姚云驰"),
        ("视频讲解：ICLR 2025 大会主讲报告（Yi Ren，详见下文）", "Yi Ren"),
        ("主讲人王伟介绍了方法", "王伟"),
        ("视频由主持人介绍，主讲人是论文第一作者Mara Okafor。", "Mara Okafor"),
        ("主讲者为作者姚云驰", "姚云驰"),
        ("姚云驰在视频中指出挤压效应的成因", "姚云驰"),
        ("The talk was presented by Danica J. Sutherland at ICLR.", "Danica J. Sutherland"),
        ("The speaker (Yi Ren) explains the squeezing effect.", "Yi Ren"),
    ],
)
def test_presenter_is_found(text: str, name: str) -> None:
    assert [m.name for m in find_presenters(text)] == [name]


def test_unnamed_speaker_gives_no_presenter() -> None:
    assert find_presenters("The speaker explains the squeezing effect.") == []


@pytest.mark.parametrize(
    ("text", "name", "year"),
    [
        ("Holtzman等提出核采样", "Holtzman", None),
        ("Holtzman et al. (2020) showed that beam search degenerates", "Holtzman", 2020),
        ("according to Rafailov et al. 2023, DPO is simple", "Rafailov", 2023),
        ("根据Ouyang等（2022）的研究，RLHF有效", "Ouyang", 2022),
        ("张三等人发现了这一现象", "张三", None),
    ],
)
def test_finding_attribution_is_found(text: str, name: str, year: int | None) -> None:
    [mention] = find_finding_attributions(text)
    assert (mention.name, mention.year) == (name, year)


def test_author_line_gives_names_and_affiliations() -> None:
    text = "作者：Yi Ren（University of British Columbia），Danica J. Sutherland（UBC & Amii）"
    mentions = find_authors(text)
    assert [(m.name, m.affiliation) for m in mentions] == [
        ("Yi Ren", "University of British Columbia"),
        ("Danica J. Sutherland", "UBC & Amii"),
    ]
    assert text[mentions[1].start : mentions[1].end] == "Danica J. Sutherland"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ren", "Yi Ren", NameMatch.SAME),
        ("Y. Ren", "Yi Ren", NameMatch.SAME),
        ("Ren Yi", "Yi Ren", NameMatch.SAME),
        ("Sutherland", "Yi Ren", NameMatch.DIFFERENT),
        ("Xi Ren", "Yi Ren", NameMatch.DIFFERENT),
        ("姚云驰", "姚云驰", NameMatch.SAME),
        ("姚云驰", "任毅", NameMatch.DIFFERENT),
        ("姚云驰", "Yi Ren", NameMatch.UNKNOWN),
        ("任毅", "Yi Ren", NameMatch.UNKNOWN),
    ],
)
def test_compare_without_aliases(a: str, b: str, expected: NameMatch) -> None:
    assert compare_names(a, b) is expected


def test_alias_makes_scripts_comparable() -> None:
    book = AliasBook()
    book.add_mapping({"Yi Ren": ["任毅"]})
    assert compare_names("任毅", "Y. Ren", book) is NameMatch.SAME
    assert compare_names("姚云驰", "Yi Ren", book) is NameMatch.DIFFERENT


def test_alias_learned_from_text_written_both_ways() -> None:
    book = AliasBook()
    book.add_from_text("大家好，我是 Yi Ren（任毅），来自 UBC。")
    assert compare_names("任毅", "Yi Ren", book) is NameMatch.SAME


@pytest.mark.parametrize("text", ["讲者在视频中现场演示了代码", "主持人在视频中介绍了嘉宾"])
def test_role_nouns_are_not_presenter_names(text: str) -> None:
    assert find_presenters(text) == []
