"""CC301–CC305 on Chinese and English reports against fake corpora."""

from tests.fakes import FakeBib, FakeCorpus, FakeMeta, FakePdf, FakePdfMeta, FakeVideo, segment

TALK = [
    segment(0, 8, "Hi everyone, I'm Yi Ren, and today I talk about learning dynamics.", "Yi Ren"),
    segment(8, 20, "The squeezing effect appears when DPO pushes probability mass.", "Yi Ren"),
]


def _video_corpus(aliases: dict[str, list[str]] | None = None) -> FakeCorpus:
    meta = FakeMeta(presenter="Yi Ren", aliases=aliases or {})
    return FakeCorpus(videos={"video.mp4": FakeVideo(segments=TALK, meta=meta)})


def _codes(findings: list, prefix: str = "CC3") -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in findings if f.code.startswith(prefix))


def test_presenter_right_in_english_and_chinese(lint_text) -> None:
    report = "# Talk\nThe talk was presented by Yi Ren [Video: video.mp4].\n主讲：Yi Ren\n"
    assert _codes(lint_text(report, _video_corpus())) == []


def test_presenter_wrong_in_english(lint_text) -> None:
    findings = lint_text("The talk was presented by Danica Sutherland.\n", _video_corpus())
    [finding] = [f for f in findings if f.code == "CC301"]
    assert "Yi Ren" in finding.message and finding.evidence[0].text == "Yi Ren"
    assert finding.severity.value == "error"


def test_chinese_presenter_with_alias_is_wrong(lint_text) -> None:
    findings = lint_text("主讲：姚云驰\n", _video_corpus({"Yi Ren": ["任毅"]}))
    assert _codes(findings) == [("CC301", 1)]


def test_chinese_alias_of_presenter_is_accepted(lint_text) -> None:
    assert _codes(lint_text("主讲：任毅\n", _video_corpus({"Yi Ren": ["任毅"]}))) == []


def test_chinese_name_matches_its_pinyin_without_alias(lint_text) -> None:
    assert _codes(lint_text("主讲：任毅\n", _video_corpus())) == []
    assert _codes(lint_text("主讲：姚云驰\n", _video_corpus())) == [("CC301", 1)]


def test_other_romanisation_without_alias_stays_unverifiable(lint_text) -> None:
    talk = [segment(0, 8, "Good morning, I am Chan Tai Man.", "Chan Tai Man")]
    meta = FakeMeta(presenter="Chan Tai Man")
    corpus = FakeCorpus(videos={"video.mp4": FakeVideo(segments=talk, meta=meta)})
    findings = lint_text("主讲：陈大文\n", corpus)
    assert _codes(findings) == [("CC305", 1)]
    assert findings[0].severity.value == "warning"


def test_presenter_without_any_speaker_evidence_is_unverifiable(lint_text) -> None:
    corpus = FakeCorpus(videos={"video.mp4": FakeVideo()})
    assert _codes(lint_text("由Yi Ren主讲\n", corpus)) == [("CC305", 1)]


PAPER = FakePdf(
    pages=[
        "Learning Dynamics of LLM Finetuning\nYi Ren, Danica J. Sutherland\n"
        "University of British Columbia; Amii",
        "Greedy decoding degenerates into repetition (Holtzman et al., 2020).\n\n"
        "Preference optimisation can be done without a reward model (Rafailov et al., 2023).",
        "We find that DPO squeezes probability mass towards the most likely token.",
    ],
    metadata=FakePdfMeta(
        authors=["Yi Ren", "Danica J. Sutherland"],
        affiliations=["University of British Columbia", "Amii"],
    ),
    bib=[
        FakeBib(
            authors=["Ari Holtzman", "Jan Buys"],
            year=2020,
            title="The curious case of neural text degeneration",
            venue="ICLR",
            raw="Holtzman, A., Buys, J. The curious case… ICLR, 2020.",
        ),
        FakeBib(
            authors=["Rafael Rafailov"],
            year=2023,
            title="Direct preference optimization",
            venue="NeurIPS",
            raw="Rafailov, R. et al. Direct preference optimization. NeurIPS, 2023.",
        ),
    ],
)
PAPER_CORPUS = FakeCorpus(pdfs={"pdf.pdf": PAPER})


def test_authors_right_and_wrong(lint_text) -> None:
    right = "作者：Yi Ren（University of British Columbia），Danica J. Sutherland（Amii）\n"
    assert _codes(lint_text(right, PAPER_CORPUS)) == []
    wrong = "Authors: Yi Ren, Tom Smith\n"
    findings = lint_text(wrong, PAPER_CORPUS)
    assert _codes(findings) == [("CC302", 1)]
    assert "Tom Smith" in findings[0].message


def test_wrong_affiliation_is_reported(lint_text) -> None:
    findings = lint_text("作者：Yi Ren（Stanford University）\n", PAPER_CORPUS)
    assert _codes(findings) == [("CC302", 1)]
    assert "Stanford University" in findings[0].message


def test_finding_attributed_to_cited_work(lint_text) -> None:
    report = (
        "Holtzman et al. (2020) showed that greedy decoding degenerates into repetition "
        "[Doc: pdf.pdf, page 2].\n"
        "Rafailov等提出无需奖励模型的偏好优化 preference optimisation reward model "
        "[文档: pdf.pdf, page 2]。\n"
    )
    assert _codes(lint_text(report, PAPER_CORPUS)) == []


def test_finding_misattributed(lint_text) -> None:
    report = (
        "According to Rafailov, greedy decoding degenerates into repetition "
        "[Doc: pdf.pdf, page 2].\n"
    )
    findings = lint_text(report, PAPER_CORPUS)
    assert _codes(findings) == [("CC303", 1)]
    assert "Holtzman" in findings[0].message
    assert findings[0].evidence[0].locator.startswith("page 2")


def test_own_finding_credited_to_outsider_in_chinese(lint_text) -> None:
    report = (
        "Holtzman等发现 DPO squeezes probability mass towards the most likely token "
        "[文档: pdf.pdf, page 3]。\n"
    )
    assert _codes(lint_text(report, PAPER_CORPUS)) == [("CC303", 1)]


def test_mixed_bracket_with_wrong_year(lint_text) -> None:
    bracket = "[Holtzman et al. 2018, 文档: pdf.pdf, page 2]"
    report = f"Greedy decoding degenerates into repetition {bracket}.\n"
    findings = lint_text(report, PAPER_CORPUS)
    assert _codes(findings) == [("CC304", 1)]
    assert "2020" in findings[0].message


def test_wrong_venue_is_reported(lint_text) -> None:
    report = (
        "Holtzman et al. (NeurIPS 2020) showed that greedy decoding degenerates into repetition "
        "[Doc: pdf.pdf, page 2].\n"
    )
    assert _codes(lint_text(report, PAPER_CORPUS)) == [("CC304", 1)]


def test_wrong_presenter_message_names_the_presenter_not_the_host(lint_text) -> None:
    host = segment(0, 4, "Welcome. Our next speaker is Yi Ren.", "Daniel Brooks")
    meta = FakeMeta(presenter="Yi Ren", speakers=["Daniel Brooks"])
    corpus = FakeCorpus(videos={"video.mp4": FakeVideo(segments=[host, *TALK], meta=meta)})
    [finding] = [f for f in lint_text("主讲：Wei-Lin Chen\n", corpus) if f.code == "CC301"]
    assert finding.message.endswith("the video names the presenter as Yi Ren")
    assert finding.fix == "replace 'Wei-Lin Chen' with Yi Ren"
    assert _codes(lint_text("Daniel Brooks在视频中指出了会议安排。\n", corpus)) == []


def test_finding_is_credited_by_the_sentence_that_states_it(lint_text) -> None:
    """The passage cites Kirkpatrick in one sentence and states the paper's own measure in
    the next: crediting the measure to Kirkpatrick is wrong, crediting forgetting is right."""
    pdf = FakePdf(
        pages=[
            "Forgetting is a long-standing problem (Kirkpatrick et al., 2017). We introduce "
            "expert drift, the share of tokens whose top expert changes."
        ],
        metadata=FakePdfMeta(authors=["Mei Tanaka", "Wei Zhang"]),
        bib=[
            FakeBib(
                authors=["James Kirkpatrick"],
                year=2017,
                title="Overcoming forgetting",
                venue="PNAS",
                raw="Kirkpatrick, J. Overcoming forgetting. PNAS, 2017.",
            )
        ],
    )
    corpus = FakeCorpus(pdfs={"pdf.pdf": pdf})
    report = (
        "Kirkpatrick et al. (2017) introduced expert drift, the share of tokens whose top "
        "expert changes [Doc: pdf.pdf, page 1].\n"
        "Kirkpatrick et al. (2017) showed that forgetting is a long-standing problem "
        "[Doc: pdf.pdf, page 1].\n"
        "The paper cites Kirkpatrick for forgetting and introduces expert drift, the share "
        "of tokens whose top expert changes [Kirkpatrick 2017, Doc: pdf.pdf, page 1].\n"
    )
    # the third line says the paper cites him; the page does: no credit of the measure
    assert _codes(lint_text(report, corpus)) == [("CC303", 1)]


def test_first_and_corresponding_author_need_the_papers_marks(lint_text) -> None:
    findings = lint_text(
        "Yi Ren is the first author [Doc: pdf.pdf, page 1].\n"
        "The first author of the paper is Danica J. Sutherland [Doc: pdf.pdf, page 1].\n"
        "通讯作者是 Yi Ren [文档: pdf.pdf, page 1]。\n",
        PAPER_CORPUS,
    )
    assert _codes(findings) == [("CC302", 2), ("CC305", 3)]  # the fake marks no one
