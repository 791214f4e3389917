"""Presenter, moderator and audience roles, and remarks checked against transcript turns."""

from citecheck.attribution.talk import _words_favour
from citecheck.checks.base import LintContext, all_rules
from citecheck.models import Claim, ClaimJudgement, SourceUnit, Verdict
from tests.fakes import FakeCorpus, FakeMeta, FakeVideo, make_report, segment

TALK = [
    segment(0, 12, "大家好，欢迎来到本期讲座。今天请到陈浩然博士介绍校准弃答。", "周雨桐"),
    segment(
        12,
        35,
        "我们的方法叫 SelectRAG，在证据不足时选择弃答，准确率从 71.3% 提高到 84.6%。",
        "陈浩然",
    ),
    segment(
        90, 110, "我想补充一点：弃答率过高会损害用户体验，这在工业部署里是个现实问题。", "周雨桐"
    ),
    segment(
        110,
        140,
        "Does the calibration head transfer to a new retriever without retraining?",
        "Priya Natarajan",
    ),
]
META = FakeMeta(
    speakers=[
        {"name": "周雨桐", "name_en": "Yutong Zhou", "role": "moderator"},
        {"name": "陈浩然", "name_en": "Haoran Chen", "role": "presenter"},
        {"name": "Priya Natarajan", "role": "audience"},
    ]
)
CORPUS = FakeCorpus(videos={"video.mp4": FakeVideo(segments=TALK, meta=META)})


def _codes(findings: list) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in findings if f.code.startswith("CC3"))


def test_moderators_remark_given_to_the_presenter_is_misattributed(lint_text) -> None:
    report = (
        "# 视频补充要点\n"
        "陈浩然在讲座中强调，弃答率过高会损害用户体验，这是工业部署中的现实问题"
        " [视频: video.mp4]。\n"
    )
    findings = lint_text(report, CORPUS)
    assert _codes(findings) == [("CC303", 2)]
    [finding] = [f for f in findings if f.code == "CC303"]
    assert "周雨桐" in finding.message and "moderator" in finding.message
    assert finding.evidence[0].locator == "01:30-01:50"


def test_a_remark_cited_at_a_turn_of_the_person_it_is_credited_to_is_not_misattributed(
    lint_text,
) -> None:
    remark = "陈浩然在讲座中强调，弃答率过高会损害用户体验，这是工业部署中的现实问题"
    at_his_turn = f"# 视频补充要点\n{remark} [视频: video.mp4, 00:20]。\n"
    assert _codes(lint_text(at_his_turn, CORPUS)) == []
    at_hers = f"# 视频补充要点\n{remark} [视频: video.mp4, 01:35]。\n"
    assert _codes(lint_text(at_hers, CORPUS)) == [("CC303", 2)]


def test_remark_given_to_whoever_said_it_is_fine(lint_text) -> None:
    report = (
        "# 视频补充要点\n"
        "主持人周雨桐补充说，弃答率过高会损害用户体验，这是工业部署中的现实问题"
        " [视频: video.mp4]。\n"
        "Haoran Chen 在讲座中指出，SelectRAG 在证据不足时选择弃答，准确率从 71.3% 提高到 84.6% "
        "[视频: video.mp4]。\n"
    )
    assert _codes(lint_text(report, CORPUS)) == []


def test_presenter_named_as_the_moderator_is_wrong_and_says_who_she_is(lint_text) -> None:
    findings = lint_text("讲座主讲人：周雨桐 [视频: video.mp4]\n", CORPUS)
    [finding] = [f for f in findings if f.code == "CC301"]
    assert "陈浩然" in finding.message
    assert "周雨桐 (Yutong Zhou) is the moderator" in finding.message


def test_wrong_moderator_and_right_roles(lint_text) -> None:
    report = (
        "The moderator, Priya Natarajan, opened the session [Video: video.mp4].\n"
        "主持人 Yutong Zhou 介绍了讲者 [视频: video.mp4]。\n"
        "观众 Priya Natarajan 提问校准头能否迁移到新的检索器 [视频: video.mp4]。\n"
        "讲座由 Chen Hao-ran 主讲 [视频: video.mp4]。\n"
    )
    assert _codes(lint_text(report, CORPUS)) == [("CC301", 1)]


def test_role_nobody_holds_is_no_evidence(lint_text) -> None:
    meta = FakeMeta(presenter="Mei Tanaka", speakers=["Mei Tanaka", "Rahul Iyer"])
    corpus = FakeCorpus(videos={"video.mp4": FakeVideo(segments=TALK[:1], meta=meta)})
    assert _codes(lint_text("The talk was moderated by Rahul Iyer.\n", corpus)) == []


def test_english_remark_on_a_chinese_turn_is_checked_through_the_dictionary(lint_text) -> None:
    report = (
        "# Talk highlights\n"
        "Haoran Chen stressed that too many abstentions hurt the user experience in industrial "
        "deployments [Video: video.mp4].\n"
        "The moderator, Yutong Zhou, added that too many abstentions hurt the user experience "
        "[Video: video.mp4].\n"
    )
    findings = lint_text(report, CORPUS)
    assert _codes(findings) == [("CC303", 2)]


def test_english_claims_on_a_chinese_talk(lint_text) -> None:
    report = (
        "# Talk highlights\n"
        "SelectRAG abstains when the evidence is insufficient [Video: video.mp4].\n"
        "The system has been deployed in a hospital since last year [Video: video.mp4].\n"
    )
    found = [(f.line, f.code, f.severity.value) for f in lint_text(report, CORPUS)]
    # the judge alone finds neither: a prompt to check each, never a fabrication
    assert found == [(2, "CC402", "info"), (3, "CC402", "info")]


def test_an_act_credited_to_the_moderator_is_not_a_remark_of_what_follows(lint_text) -> None:
    report = (
        "# 视频补充要点\n"
        "视频由主持人周雨桐开场介绍，随后讲者说明 SelectRAG 在证据不足时选择弃答，"
        "准确率从 71.3% 提高到 84.6% [视频: video.mp4]。\n"
    )
    assert _codes(lint_text(report, CORPUS)) == []


def test_a_misattributed_remark_is_caught_before_another_subject_takes_over(lint_text) -> None:
    report = (
        "# 视频补充要点\n"
        "陈浩然在讲座中强调，弃答率过高会损害用户体验，这是工业部署中的现实问题，"
        "随后主持人宣布进入问答 [视频: video.mp4]。\n"
    )
    assert _codes(lint_text(report, CORPUS)) == [("CC303", 2)]


def test_a_question_is_credited_to_who_asked_and_the_answer_to_nobody_named(lint_text) -> None:
    report = (
        "# Talk notes\n"
        "In the Q&A, Priya Natarajan asked whether the head transfers to a new retriever; "
        "the answer was that SelectRAG raises accuracy from 71.3% to 84.6% [Video: video.mp4].\n"
        "Q&A 中，观众 Priya Natarajan 询问校准头能否迁移，回答是 SelectRAG 把准确率从 71.3% "
        "提高到 84.6% [视频: video.mp4]。\n"
    )
    assert _codes(lint_text(report, CORPUS)) == []


def test_an_answer_cited_at_the_question_before_it_is_not_misattributed(lint_text) -> None:
    talk = [
        segment(
            800,
            838,
            "老师好，我是研究生郑凯。想问一下，这个方法能不能用在全参数微调的模型上？",
            "郑凯",
        ),
        segment(
            840, 878, "我们没有试过。全参数微调的更新不是低秩的，子空间对齐那一步要改。", "付一辰"
        ),
    ]
    meta = FakeMeta(speakers=[{"name": "付一辰", "role": "presenter"}, {"name": "郑凯"}])
    corpus = FakeCorpus(videos={"video.mp4": FakeVideo(segments=talk, meta=meta)})
    report = (
        "# 视频补充要点\n"
        "郑凯提问该方法能否用于全参数微调的模型，付一辰回答团队没有试过，子空间对齐一步需要修改"
        " [视频: video.mp4, 13:20]。\n"
    )
    assert [c for c in _codes(lint_text(report, corpus)) if c[0] == "CC303"] == []


def test_the_words_of_a_remark_favour_the_turn_that_says_them() -> None:
    question = segment(800, 838, "想问一下，这个方法能不能用在全参数微调的模型上？", "郑凯")
    answer = segment(840, 878, "我们没有试过。子空间对齐那一步要改。", "付一辰")
    said = "回答团队没有试过，子空间对齐一步需要修改"
    assert _words_favour(said, [answer], question)
    assert not _words_favour(said, [question], answer)


def test_an_interpreters_rendering_is_the_interpreted_speakers_but_her_own_remark_is_hers(
    pack,
) -> None:
    talk = [
        segment(
            840, 870, "In the pilot we added a hard filter against banned pesticides.", "Melnyk"
        ),
        segment(
            870, 900, "在试点里，他们加了一道针对禁用农药的硬过滤，这类回答会被直接拦下。", "温晓彤"
        ),
        segment(900, 920, "我作为译员插一句：我老家在广西种甘蔗，农户最怕的就是用错药。", "温晓彤"),
    ]
    meta = FakeMeta(
        speakers=[
            {"name": "Melnyk", "role": "presenter"},
            {"name": "温晓彤", "aliases": ["Wen Xiaotong"], "role": "consecutive interpreter"},
        ]
    )
    corpus = FakeCorpus(videos={"video.mp4": FakeVideo(segments=talk, meta=meta)})

    def judge_units(claim: Claim, units: list[SourceUnit]) -> ClaimJudgement:
        """Supported by the unit sharing the most characters with the claim, if it shares
        ten or more."""
        best = max(units, key=lambda u: len(set(u.text) & set(claim.text)))
        shared = len(set(best.text) & set(claim.text)) >= 10
        label = "supported" if shared else "unsupported"
        verdict = Verdict(label=label, score=0.9 if shared else 0.05, confident=True, backend="t")
        return ClaimJudgement(claim_id=claim.id, verdict=verdict, best_unit=best)

    rendered = "Melnyk 说试点中加入了针对禁用农药的硬过滤，这类回答会被直接拦下 [视频: video.mp4]。"
    own = "Melnyk 还提到自己老家在广西种甘蔗，农户最怕的就是用错药 [视频: video.mp4]。"
    report = make_report(f"# 视频补充要点\n{rendered}\n{own}\n", pack)
    ctx = LintContext(report=report, pack=pack, corpus=corpus, judge_units=judge_units)
    found = [f for rule in all_rules() if rule.code == "CC303" for f in rule().check(ctx)]
    # the rendering of her turn is Melnyk's words; the interpreter's own remark is not
    assert [(f.code, f.line) for f in found] == [("CC303", 3)]
    assert "温晓彤" in found[0].message
