"""Name extraction and comparison, Chinese and English."""

import pytest

from citecheck.attribution.chinese import person_names
from citecheck.attribution.matching import AliasBook, NameMatch, compare_names
from citecheck.attribution.names import (
    credited_part,
    find_author_roles,
    find_authors,
    find_finding_attributions,
    find_presenters,
    find_speakers,
    find_talk_roles,
    remark_content,
    remark_said,
)
from citecheck.attribution.verdicts import match_person


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ICLR 2025 大会论文视频讲座由Yi Ren主讲，以幻灯片形式讲解", "Yi Ren"),
        ("讲解视频：ICLR 2025 预讲会技术展示，主讲：姚云驰", "姚云驰"),
        ("视频讲解：ICLR 2025 大会主讲报告（Yi Ren，详见下文）", "Yi Ren"),
        ("主讲人王伟介绍了方法", "王伟"),
        ("视频由主持人介绍，主讲人是论文第一作者Mara Okafor。", "Mara Okafor"),
        ("主讲者为作者姚云驰", "姚云驰"),
        ("The talk was presented by Danica J. Sutherland at ICLR.", "Danica J. Sutherland"),
        ("The speaker (Yi Ren) explains the squeezing effect.", "Yi Ren"),
        (
            "The talk was given by the first author, Wenjie Tang, and chaired by Xiao Ma.",
            "Wenjie Tang",
        ),
        ("It was delivered by its third author Yuxin Sun.", "Yuxin Sun"),
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
        ("王伟等人发现了这一现象", "王伟", None),
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
        ("姚云驰", "Yi Ren", NameMatch.DIFFERENT),
        ("任毅", "Yi Ren", NameMatch.SAME),
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


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("陈浩然", "Haoran Chen"),
        ("陈浩然", "Chen Haoran"),
        ("陈浩然", "Chen Hao-ran"),
        ("陈浩然", "Hao-Ran Chen"),
        ("陈浩然", "H. Chen"),
        ("Haoran Chen", "陈浩然"),
        ("Chen Hao-ran", "陈浩然"),
        ("欧阳娜娜", "Nana Ouyang"),
        ("单雨", "Shan Yu"),
        ("吕晓燕", "Lu Xiaoyan"),  # ü as everyday romanisation writes it
        ("吕晓燕", "Xiaoyan Lyu"),  # … as a passport does
        ("吕晓燕", "Lv Xiaoyan"),
    ],
)
def test_pinyin_matches_both_orders_with_or_without_hyphen(a: str, b: str) -> None:
    assert compare_names(a, b) is NameMatch.SAME


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("陈浩然", "Haoran Zhou", NameMatch.DIFFERENT),
        ("陈浩然", "Hao-ming Chen", NameMatch.DIFFERENT),
        ("周雨桐", "Haoran Chen", NameMatch.DIFFERENT),
        ("陈大文", "Chan Tai Man", NameMatch.UNKNOWN),  # Cantonese: pinyin cannot tell
        ("周雨桐", "Priya Natarajan", NameMatch.UNKNOWN),  # not pinyin at all
        ("唐书", "Shuyi Tang", NameMatch.UNKNOWN),  # a name cut short reads as a prefix
        ("吕晓燕", "Lu Xiaoyun", NameMatch.DIFFERENT),
    ],
)
def test_pinyin_mismatch_or_another_romanisation(a: str, b: str, expected: NameMatch) -> None:
    assert compare_names(a, b) is expected


@pytest.mark.parametrize(
    "text",
    [
        "论文作者来自浙江大学、上海人工智能实验室和苏黎世联邦理工学院",
        "以及第一作者的其他工作",
        "本文的第一作者来自上海人工智能实验室",
    ],
)
def test_places_and_role_words_are_not_names(text: str) -> None:
    found = find_presenters(text) + find_talk_roles(text) + find_author_roles(text)
    assert found == []


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("主持人周雨桐开场介绍了讲者", "moderator", "周雨桐"),
        ("讲座由陈浩然主讲，浙江大学的周雨桐主持", "moderator", "周雨桐"),
        ("The moderator, Priya Natarajan, opened the session", "moderator", "Priya Natarajan"),
        ("moderated by Rahul Iyer", "moderator", "Rahul Iyer"),
        ("the session was chaired by Rahul Iyer", "moderator", "Rahul Iyer"),
        ("观众 Priya Natarajan 提问校准头能否迁移", "audience", "Priya Natarajan"),
        ("An audience member, Wang Lei, asked about quality", "audience", "Wang Lei"),
        ("Li Na from the audience asked whether it holds", "audience", "Li Na"),
    ],
)
def test_talk_roles_are_found(text: str, role: str, name: str) -> None:
    assert [(m.role, m.name) for m in find_talk_roles(text)] == [(role, name)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("姚云驰在视频中指出挤压效应的成因", "姚云驰"),
        ("陈浩然在讲座中强调，弃答率过高会损害用户体验", "陈浩然"),
        ("林乔雨回答，困惑度只上升了 0.6", "林乔雨"),
        ("Rahul Iyer explained that freezing the router halves the drift", "Rahul Iyer"),
        (
            "When Priya Natarajan asked whether it was a weak point, the guest agreed",
            "Priya Natarajan",
        ),
        ("Han Lu, a student at the College of Electrical Engineering, asked about holidays", ""),
        ("Chair Liqun Zhao asked how fast the model runs on a Jetson board", "Liqun Zhao"),
    ],
)
def test_remark_speakers_are_found(text: str, name: str) -> None:
    assert [m.name for m in find_speakers(text)] == ([name] if name else [])


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("第一作者为陈浩然（Haoran Chen）", "first", "陈浩然"),
        ("通讯作者是赵文杰", "corresponding", "赵文杰"),
        ("赵文杰是本文的通讯作者", "corresponding", "赵文杰"),
        ("Wei Zhang (张伟) is the corresponding author", "corresponding", "Wei Zhang"),
        ("The first author of the paper is Sofia Marquez", "first", "Sofia Marquez"),
    ],
)
def test_author_roles_are_found(text: str, role: str, name: str) -> None:
    assert [(m.role, m.name) for m in find_author_roles(text)] == [(role, name)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Lin Qiao-yu 在演讲中介绍，改变语序会降低检测率", "改变语序会降低检测率"),
        ("林乔雨回答：困惑度只上升了 0.6", "困惑度只上升了 0.6"),
        ("Haoran Chen answered that with BM25 the ECE rose", "with BM25 the ECE rose"),
        ("陈浩然还现场演示了一个系统", None),
        ("The speaker notes that it works", None),
    ],
)
def test_remark_content_drops_the_speaker_lead_in(text: str, content: str | None) -> None:
    assert remark_content(text) == content


def test_a_name_of_the_sources_is_a_name_where_jieba_finds_none() -> None:
    text = "方子谦还提到，声调错误约占全部错误的一半"
    assert find_speakers(text) == []  # jieba does not read 方子谦 as a person name
    assert [m.name for m in find_speakers(text, known={"方子谦", "钟慧敏"})] == ["方子谦"]
    # a known name must stand right at the cue, not somewhere in the stretch
    assert find_speakers("方子谦的同事还提到，声调错误约占一半", known={"方子谦"}) == []


def test_each_speaker_is_credited_only_with_their_own_clause() -> None:
    text = "The chair, Min Zhou, asked whether it combines with quantisation; Chen answered no."
    speakers = find_speakers(text)
    assert [m.name for m in speakers] == ["Min Zhou", "Chen"]
    part = credited_part(text, speakers[0], speakers)
    assert part.endswith("quantisation; ") and "answered" not in part
    # the later speaker is credited from their own clause on, not with the question
    assert credited_part(text, speakers[1], speakers) == "Chen answered no."
    zh = "研究生郑凯提问该方法能否用于全参数微调，付一辰回答团队没有试过。"
    people = [m for m in find_speakers(zh, known={"郑凯", "付一辰"})]
    assert [m.name for m in people] == ["郑凯", "付一辰"]
    assert credited_part(zh, people[1], people) == "付一辰回答团队没有试过。"
    assert remark_said(zh, people[1], people) == "团队没有试过。"


def test_a_bound_morpheme_after_a_two_character_name_ends_the_name() -> None:
    # jieba reads 唐书 (a book) and 怡 (a morpheme that is no word of its own)
    assert [n.name for n in person_names("第一作者唐书怡正在爱丁堡大学访问")] == ["唐书怡"]
    assert [n.name for n in person_names("李明在会上说")] == ["李明"]  # 在 is a word


def test_a_surname_read_as_a_noun_before_a_two_character_name_is_the_names_start() -> None:
    # jieba reads 顾 as a noun and 明哲 as the name
    assert [n.name for n in person_names("讲座由河海大学的顾明哲主持")] == ["顾明哲"]


def test_a_person_written_in_both_scripts_is_told_apart_by_the_latin_spelling() -> None:
    # 'Chow' may be a romanisation of many surnames; the source's own Latin spelling decides
    assert match_person("Chow", ["田嘉禾"]) is NameMatch.UNKNOWN
    assert match_person("Chow", ["田嘉禾", "Jiahe Tian"]) is NameMatch.DIFFERENT
    assert match_person("Tian", ["田嘉禾", "Jiahe Tian"]) is NameMatch.SAME


def test_a_co_first_author_is_credited_with_equal_contribution_not_the_first_place() -> None:
    roles = [
        (m.name, m.role) for m in find_author_roles("主讲人是论文的共同第一作者 Oksana Melnyk")
    ]
    assert roles == [("Oksana Melnyk", "equal")]
    assert [(m.name, m.role) for m in find_author_roles("第一作者为田嘉禾")] == [
        ("田嘉禾", "first")
    ]


def test_a_title_after_the_name_leads_into_a_remark() -> None:
    aside = "吴建国老师还感慨自己上学时常因跳步被扣分"
    [mention] = find_speakers(aside, known={"吴建国"})
    assert (mention.name, remark_said(aside, mention)) == ("吴建国", "自己上学时常因跳步被扣分")
    # a bare 问 is no cue: "边飞边问" names no one
    assert find_speakers("像无人机边飞边问这样的实时场景还做不到") == []
