"""CC401–CC403: claims about a video against transcript, keyframes and trace."""

from citecheck.checks.base import LintContext, all_rules
from citecheck.models import ClaimJudgement, Verdict
from tests.fakes import (
    FakeCall,
    FakeCorpus,
    FakeMeta,
    FakeTrace,
    FakeVideo,
    keyframe,
    make_report,
    segment,
)

TRANSCRIPT = [
    segment(0, 10, "Today I explain the learning dynamics of LLM finetuning.", "Yi Ren"),
    segment(10, 25, "The squeezing effect: DPO pushes probability mass to the most likely token."),
    segment(25, 40, "We start from an MNIST example to show how one update changes predictions."),
]
KEYFRAMES = [keyframe(12, "Slide: animation of a probability distribution being squeezed")]


def _corpus(with_keyframes: bool = True, keyframes: list | None = None) -> FakeCorpus:
    frames = (keyframes or KEYFRAMES) if with_keyframes else []
    video = FakeVideo(TRANSCRIPT, frames, FakeMeta(presenter="Yi Ren"))
    return FakeCorpus(videos={"video.mp4": video})


def _by_code(findings: list) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for f in findings:
        if f.code.startswith("CC4"):
            found.setdefault(f.code, []).append(f.line)
    return found


def test_backed_statements_pass(lint_text) -> None:
    report = (
        "## Video notes\n"
        "The talk starts from an MNIST example showing how one update changes predictions.\n"
        "The squeezing effect pushes probability mass to the most likely token "
        "[Video: video.mp4].\n"
        "视频用动画展示了 probability distribution being squeezed [视频: video.mp4]。\n"
    )
    assert _by_code(lint_text(report, _corpus())) == {}


def test_invented_detail_is_fabricated_with_timestamps(lint_text) -> None:
    report = "## Video notes\nThe presenter demos a live coding session in PyTorch on stage.\n"
    [finding] = lint_text(report, _corpus())
    assert (finding.code, finding.line) == ("CC401", 2)
    assert "00:" in finding.message and finding.evidence[0].locator.startswith("00:")


def test_visual_claim_without_keyframes_is_unverifiable(lint_text) -> None:
    report = "## 视频补充要点\n讲者用幻灯片展示了实验表格与对比曲线 [视频: video.mp4]。\n"
    assert _by_code(lint_text(report, _corpus(with_keyframes=False))) == {"CC402": [2]}


def test_no_evidence_makes_details_unverifiable(lint_text) -> None:
    report = "（4）视频补充要点\n视频从MNIST类比出发讲解学习动态[视频: video.mp4]。\n"
    corpus = FakeCorpus(videos={"video.mp4": FakeVideo()})
    [finding] = lint_text(report, corpus)
    assert (finding.code, finding.line, finding.severity.value) == ("CC402", 2, "info")


def test_failed_video_calls_make_details_fabricated(lint_text) -> None:
    report = "（4）视频补充要点\n视频从MNIST类比出发讲解学习动态[视频: video.mp4]。\n"
    trace = FakeTrace([FakeCall("video_understanding", False, 104)])
    [finding] = lint_text(report, FakeCorpus(videos={"video.mp4": FakeVideo()}), trace)
    assert (finding.code, finding.line, finding.severity.value) == ("CC401", 2, "error")
    assert "104" in finding.message


def test_speculation_is_flagged_and_disclaimer_is_not(lint_text) -> None:
    report = (
        "## 视频要点\n"
        "视频通常会以LLM发展历程为切入点，讲解主流微调方法。\n"
        "由于工具故障，未能获取视频内容，本节不描述视频。\n"
    )
    assert _by_code(lint_text(report, _corpus())) == {"CC403": [2]}


def test_claims_outside_video_sections_are_ignored(lint_text) -> None:
    report = "## 方法\n作者通常会使用动画解释模型。\n"
    assert _by_code(lint_text(report, FakeCorpus())) == {}


def test_presenter_line_is_left_to_the_speaker_rules(lint_text) -> None:
    report = "# Paper\nPresented by Danica Sutherland at ICLR 2025 [Video: video.mp4].\n"
    codes = {f.code for f in lint_text(report, _corpus())}
    assert codes == {"CC301"}


def _judged(
    pack,
    score: float,
    confident: bool = True,
    label: str = "unsupported",
    claim: str = "The presenter compares three optimisers on stage [Video: video.mp4].",
    keyframes: list | None = None,
    trace: FakeTrace | None = None,
) -> list:
    """CC4xx findings for one video claim that a stand-in judge labels ``label`` at ``score``."""
    report = make_report(f"## Video notes\n{claim}\n", pack)
    verdict = Verdict(label=label, score=score, confident=confident, backend="fake")

    def judge_units(claim, units):
        return ClaimJudgement(claim_id=claim.id, verdict=verdict, units_checked=units)

    corpus = _corpus(keyframes=keyframes)
    ctx = LintContext(report=report, pack=pack, corpus=corpus, trace=trace, judge_units=judge_units)
    rules = [rule() for rule in all_rules() if rule.code.startswith("CC4")]
    return [finding for rule in rules for finding in rule.check(ctx)]


def test_judge_grey_zone_is_an_info_prompt_not_a_fabrication(pack) -> None:
    [finding] = _judged(pack, 0.3, confident=False)
    assert (finding.code, finding.severity.value) == ("CC402", "info")
    assert "check it against timestamps 00:" in finding.message


def test_a_detail_only_the_judge_rejects_is_unverifiable_not_fabricated(pack) -> None:
    [finding] = _judged(pack, 0.02)
    assert (finding.code, finding.severity.value) == ("CC402", "info")
    assert "timestamps looked at: 00:" in finding.message


HEDGED = "Talks like this one usually end with a long Q&A on compute cost [Video: video.mp4]."


def test_hedged_claim_that_the_judge_barely_supports_is_speculative(pack) -> None:
    [finding] = _judged(pack, 0.35, label="supported", claim=HEDGED)
    assert (finding.code, finding.severity.value) == ("CC403", "warning")


def test_hedged_claim_that_the_judge_plainly_supports_passes(pack) -> None:
    assert _judged(pack, 0.8, label="supported", claim=HEDGED) == []


def test_a_kind_of_visual_no_note_mentions_is_fabricated_when_the_judge_agrees(pack) -> None:
    whiteboard = "The presenter works the update out on a whiteboard [Video: video.mp4]."
    [finding] = _judged(pack, 0.3, confident=False, claim=whiteboard)
    assert (finding.code, finding.severity.value) == ("CC401", "error")
    assert "whiteboard appears in no keyframe note" in finding.message
    # the keyframe shows an animation (in English): the Chinese claim's 动画 was seen
    animation = "视频用动画演示了概率分布被挤压的过程 [视频: video.mp4]。"
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=animation)] == ["CC402"]
    # the judge reading the claim plainly as stated outweighs the missing word alone …
    assert _judged(pack, 0.8, label="supported", claim=whiteboard) == []
    # … but not a judge that only just backs it
    barely = _judged(pack, 0.55, label="supported", claim=whiteboard)
    assert [f.code for f in barely] == ["CC401"]
    # a claim that says the kind was not shown claims nothing about it
    none = "No whiteboard was used; the presenter kept to slides [Video: video.mp4]."
    assert _judged(pack, 0.55, label="supported", claim=none) == []


def test_a_kind_of_visual_is_seen_under_any_of_its_names(pack) -> None:
    radar = "结果页用一张雷达图对比了四种方法 [视频: video.mp4]。"
    [finding] = _judged(pack, 0.3, confident=False, claim=radar)
    assert (finding.code, finding.severity.value) == ("CC401", "error")
    assert "雷达图 appears in no keyframe note" in finding.message
    # a note in English names the same kind: seen
    frames = [keyframe(30, "Slide: a radar chart comparing four methods")]
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=radar, keyframes=frames)] == [
        "CC402"
    ]
    # another chart is not that kind: every word of a name must be there
    bars = [keyframe(30, "Slide: a bar chart comparing four methods")]
    english = "The results slide shows a radar chart of the four methods [Video: video.mp4]."
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=english, keyframes=bars)] == [
        "CC401"
    ]


BLIND = FakeTrace(
    [FakeCall("video_transcribe", True, 10), FakeCall("video_scene_describe", False, 20)]
)
SEEING = FakeTrace(
    [FakeCall("video_transcribe", True, 10), FakeCall("video_scene_describe", True, 20)]
)


def test_a_visual_detail_the_agent_could_not_have_seen_is_fabricated(pack) -> None:
    armchairs = "The camera shows two armchairs before a fake fireplace [Video: video.mp4]."
    [finding] = _judged(pack, 0.3, confident=False, claim=armchairs, trace=BLIND)
    assert (finding.code, finding.severity.value) == ("CC401", "error")
    assert "trace lines 20" in finding.message
    # another cited source may carry it: the failed picture tools say nothing of that one
    cited = armchairs.replace("[Video: video.mp4]", "[Video: video.mp4][Doc: pdf.pdf]")
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=cited, trace=BLIND)] == [
        "CC402"
    ]
    # the picture tool worked: the judge's grey zone alone is an info prompt
    [grey] = _judged(pack, 0.3, confident=False, claim=armchairs, trace=SEEING)
    assert (grey.code, grey.severity.value) == ("CC402", "info")


def test_a_visual_detail_a_keyframe_note_states_is_not_fabricated_when_blind(pack) -> None:
    noted = (
        "The slide shows an animation of a probability distribution being squeezed "
        "[Video: video.mp4]."
    )
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=noted, trace=BLIND)] == [
        "CC402"
    ]
    # "screening" holds no visual term: it is no claim about the picture
    screening = "Screening takes half a day with six annotators in the room [Video: video.mp4]."
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=screening, trace=BLIND)] == [
        "CC402"
    ]


def test_applause_no_subtitle_marks_is_fabricated_when_the_judge_agrees(pack) -> None:
    applause = "The audience burst into applause at the squeezing slide [Video: video.mp4]."
    [finding] = _judged(pack, 0.3, confident=False, claim=applause)
    assert (finding.code, "applause appears in no keyframe note" in finding.message) == (
        "CC401",
        True,
    )
    marked = [keyframe(12, "Slide: squeezing"), segment(40, 41, "[Applause]")]
    assert [
        f.code for f in _judged(pack, 0.3, confident=False, claim=applause, keyframes=marked)
    ] == ["CC402"]


def test_a_kind_of_visual_a_note_says_was_not_shown_is_not_seen(pack) -> None:
    demo = "The presenter gave a live demo of the pilot interface [Video: video.mp4]."
    negated = [keyframe(30, "Annotator note: no live demo and no screenshots were shown.")]
    [finding] = _judged(pack, 0.3, confident=False, claim=demo, keyframes=negated)
    assert (finding.code, "live demo appears in no keyframe note" in finding.message) == (
        "CC401",
        True,
    )
    shown = [keyframe(30, "The presenter runs a live demo of the interface.")]
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=demo, keyframes=shown)] == [
        "CC402"
    ]


def test_failed_video_tools_say_nothing_when_the_agent_read_the_talks_transcript(
    lint_text,
) -> None:
    report = "（4）视频补充要点\n视频从MNIST类比出发讲解学习动态[视频: video.mp4]。\n"
    failed = FakeCall("video_understanding", False, 104)
    read = FakeCall("read_file", True, 110, arguments='{"path": "video.eaf"}')
    corpus = FakeCorpus(videos={"video.mp4": FakeVideo(sidecar_names=["video.eaf"])})
    findings = lint_text(report, corpus, FakeTrace([failed, read]))
    assert [(f.code, f.severity.value) for f in findings] == [("CC402", "info")]


def test_a_visual_a_note_denies_at_the_cited_time_is_fabricated_when_the_judge_agrees(
    pack,
) -> None:
    frames = [
        keyframe(600, "Deployment: text-only slide, '4 business lines'. No latency chart."),
        keyframe(700, "Q&A slide with a QR code."),
    ]
    chart = "The deployment slide showed a latency chart [Video: video.mp4, 10:45]."
    [finding] = _judged(pack, 0.3, confident=False, claim=chart, keyframes=frames)
    assert (finding.code, finding.severity.value) == ("CC401", "error")
    assert "says 'No latency chart'" in finding.message
    # a slide's denial holds only while that slide is up, and never against the judge
    later = chart.replace("10:45", "11:50")
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=later, keyframes=frames)] == [
        "CC402"
    ]
    assert _judged(pack, 0.8, label="supported", claim=chart, keyframes=frames) == []


def test_a_denial_is_read_across_languages_and_not_against_what_another_note_shows(
    pack,
) -> None:
    frames = [
        keyframe(0, "Title slide. No terminal and no code were shown in the whole talk."),
        keyframe(700, "Q&A slide with a QR code linking to the paper."),
    ]
    terminal = "随后讲者现场打开终端演示了合并过程 [视频: video.mp4, 06:10]。"
    [finding] = _judged(pack, 0.3, confident=False, claim=terminal, keyframes=frames)
    assert (finding.code, "the note at frame @0s says 'No terminal" in finding.message) == (
        "CC401",
        True,
    )
    # "no code" is not read against a slide that shows a QR code
    qr = "The Q&A slide showed a QR code linking to the paper [Video: video.mp4, 11:50]."
    assert [f.code for f in _judged(pack, 0.3, confident=False, claim=qr, keyframes=frames)] == [
        "CC402"
    ]
    # a claim that itself says it was not shown agrees with the note
    none = "讲者没有在屏幕上打开终端 [视频: video.mp4, 06:10]。"
    found = _judged(pack, 0.3, confident=False, claim=none, keyframes=frames)
    assert "CC401" not in [f.code for f in found]
