"""Who is credited: affiliations and roles of authors, co-authors of a cited work,
pronouns, and the misses that need positive evidence (a wrong corresponding author, a
moderator's remark, a blog writer's own run, a method credited to another work's authors)."""

from __future__ import annotations

from citecheck.attribution.affiliations import compare_affiliation, paper_affiliations, split_roles
from citecheck.attribution.matching import NameMatch
from citecheck.attribution.paper import _cited_elsewhere
from citecheck.checks.base import LintContext, all_rules
from citecheck.models import Finding, SourceUnit
from citecheck.resolve.resolver import resolve_citations
from citecheck.rulepack import RulePack
from tests.fakes import (
    FakeBib,
    FakeCollection,
    FakeCorpus,
    FakeMeta,
    FakePdf,
    FakeVideo,
    make_report,
    segment,
)

LAYOUT = [
    "Aiko Mori¹, Tomás Ruiz², Wei Zhang¹,²*",
    "¹School of Computing, Kyushu University · ²Basque Center for Artificial Intelligence",
    "*Corresponding author: wz@example.org",
]
FIRST_PAGE = "\n".join(["Sparse Routing for Long Inputs", *LAYOUT])
PAPER = FakePdf(
    pages=[
        FIRST_PAGE,
        "Prior routers score tokens by recency (Lindgren et al., 2022) or keep landmarks "
        "(Okonkwo and Lam, 2023).\n\n"
        "RecencyGate (Lindgren et al., 2022) keeps the most recent tokens of every layer.\n\n"
        "LandmarkKeep (Okonkwo and Lam, 2023) stores one landmark token per block.\n\n"
        "Okonkwo and Lam (2023) identified landmark heads that copy from distant blocks.",
    ],
    layout=LAYOUT,
    bib=[
        FakeBib(["Eva Lindgren", "Kai Berg"], 2022, "Recency routing", "ACL", "Lindgren, E. 2022."),
        FakeBib(["Ada Okonkwo", "Min Lam"], 2023, "Landmarks", "ACL", "Okonkwo, A., Lam, M. 2023."),
    ],
)
PAPER_CORPUS = FakeCorpus(pdfs={"pdf.pdf": PAPER})


def _codes(findings: list) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in findings if f.code.startswith("CC3"))


# ------------------------------------------------------------ affiliations


def test_latin_affiliations_match_leniently() -> None:
    paper = paper_affiliations(
        [
            "Shanghai Artificial Intelligence Laboratory",
            "Department of Computer Science, ETH Zürich",
        ],
        "Ana Li¹, Bo Wu² ¹Shanghai Artificial Intelligence Laboratory ²Department of "
        "Computer Science, ETH Zürich",
    )
    for written in ["Shanghai AI Lab", "Shanghai AI Laboratory", "ETH Zürich", "ETH Zurich"]:
        assert compare_affiliation(written, paper) is NameMatch.SAME, written
    assert compare_affiliation("Stanford University", paper) is NameMatch.DIFFERENT
    assert compare_affiliation("Zhejiang", paper) is NameMatch.UNKNOWN  # names no institution


def test_chinese_affiliation_against_english_paper_is_never_wrong() -> None:
    paper = paper_affiliations(
        ["School of Informatics, University of Edinburgh", "Peking University"],
        "¹School of Informatics, University of Edinburgh ²Peking University",
    )
    assert compare_affiliation("爱丁堡大学", paper) is NameMatch.SAME
    # 北京 is "Peking" here, not "Beijing": a miss across languages proves nothing
    assert compare_affiliation("北京大学", paper) is not NameMatch.DIFFERENT
    assert compare_affiliation("清华大学", paper) is not NameMatch.DIFFERENT


def test_roles_are_taken_out_of_affiliations() -> None:
    assert split_roles("浙江大学、上海人工智能实验室，通讯作者") == (
        "浙江大学、上海人工智能实验室",
        ["corresponding"],
    )
    assert split_roles("corresponding author") == ("", ["corresponding"])
    assert split_roles("Kyushu University") == ("Kyushu University", [])


def test_author_line_with_chinese_affiliations_and_a_role(lint_text) -> None:
    report = (
        "作者：Aiko Mori（九州大学）、Tomás Ruiz（巴斯克人工智能中心）、"
        "Wei Zhang（九州大学，通讯作者）[文档: pdf.pdf, page 1]\n"
    )
    assert _codes(lint_text(report, PAPER_CORPUS)) == []


def test_role_among_affiliations_is_checked_as_a_role(lint_text) -> None:
    report = "Authors: Aiko Mori (Kyushu University, corresponding author) [Doc: pdf.pdf, page 1]\n"
    findings = lint_text(report, PAPER_CORPUS)
    assert _codes(findings) == [("CC302", 1)]
    assert "corresponding author is Wei Zhang" in findings[0].message


def test_affiliation_of_another_institution_is_wrong(lint_text) -> None:
    report = "Authors: Aiko Mori (Kyushu University), Wei Zhang (Osaka University)\n"
    findings = lint_text(report, PAPER_CORPUS)
    assert _codes(findings) == [("CC302", 1)]
    assert "Osaka University" in findings[0].message


def test_wrong_corresponding_author_with_a_qualifier(lint_text) -> None:
    right = "其中通讯作者为九州大学的 Wei Zhang [文档: pdf.pdf, page 1]。\n"
    assert _codes(lint_text(right, PAPER_CORPUS)) == []
    wrong = "其中通讯作者为巴斯克人工智能中心的 Tomás Ruiz [文档: pdf.pdf, page 1]。\n"
    findings = lint_text(wrong, PAPER_CORPUS)
    assert _codes(findings) == [("CC302", 1)]
    assert "Wei Zhang" in findings[0].message
    english = "Tomás Ruiz (Basque Center), who is the corresponding author [Doc: pdf.pdf, page 1]\n"
    assert _codes(lint_text(english, PAPER_CORPUS)) == [("CC302", 1)]


# ------------------------------------------------------------ findings


def test_second_author_of_a_cited_work_is_its_author(lint_text) -> None:
    report = (
        "Landmark heads copy from distant blocks [Okonkwo and Lam 2023, Doc: pdf.pdf, page 2].\n"
        "Okonkwo and Lam (2023) identified landmark heads that copy from distant blocks "
        "[Doc: pdf.pdf, page 2].\n"
    )
    assert _codes(lint_text(report, PAPER_CORPUS)) == []


def test_each_work_of_a_bracket_is_credited_by_its_own_citation(lint_text) -> None:
    report = (
        "RecencyGate (Lindgren et al., 2022) keeps the most recent tokens of every layer, and "
        "LandmarkKeep (Okonkwo and Lam, 2023) stores one landmark token per block "
        "[Lindgren et al. 2022, Okonkwo and Lam 2023, Doc: pdf.pdf, page 2].\n"
    )
    assert _codes(lint_text(report, PAPER_CORPUS)) == []


def test_a_person_another_citation_of_the_passage_or_page_names_is_cited_there() -> None:
    page = SourceUnit(source="pdf.pdf", kind="passage", locator="page 2", text=PAPER.pages[1])
    assert _cited_elsewhere("Okonkwo", page, PAPER.bib)  # LandmarkKeep (Okonkwo and Lam, 2023)
    assert not _cited_elsewhere("Moreau", page, PAPER.bib)
    # the sentence chosen is the authors' own; the page's related work cites the person
    ours = SourceUnit(
        source="pdf.pdf", kind="passage", locator="page 2", text="We route by score.", page=2
    )
    assert not _cited_elsewhere("Okonkwo", ours, PAPER.bib)
    assert _cited_elsewhere("Okonkwo", ours, PAPER.bib, PAPER)


def test_method_credited_to_the_authors_of_another(lint_text) -> None:
    right = (
        "LandmarkKeep 由 Okonkwo 和 Lam 提出，每个块保留一个地标 token [文档: pdf.pdf, page 2]。\n"
    )
    assert _codes(lint_text(right, PAPER_CORPUS)) == []
    wrong = (
        "RecencyGate was proposed by Okonkwo and Lam to keep recent tokens "
        "[Doc: pdf.pdf, page 2].\n"
    )
    findings = lint_text(wrong, PAPER_CORPUS)
    assert _codes(findings) == [("CC303", 1), ("CC303", 1)]
    assert all("Lindgren" in f.message for f in findings)


# ------------------------------------------------------------ talk


def _talk() -> FakeCorpus:
    segments = [
        segment(0, 10, "今天由我来报告稀疏路由的工作，第一作者没能到场。", "张伟"),
        segment(10, 20, "我们的路由器在长输入上把显存降低了一半。", "张伟"),
        segment(
            20, 30, "我补充一点，我们组在混合专家模型上也看到专家之间的注意力差异更大。", "李娜"
        ),
    ]
    meta = FakeMeta.model_validate(
        {
            "speakers": [
                {"name": "张伟", "name_en": "Wei Zhang", "role": "presenter"},
                {"name": "李娜", "name_en": "Na Li", "role": "session chair / moderator"},
            ]
        }
    )
    return FakeCorpus(videos={"video.mp4": FakeVideo(segments=segments, meta=meta)})


def test_a_pronoun_is_never_credited(lint_text) -> None:
    report = (
        "- The talk was given by Wei Zhang. He explained that the first author could not "
        "attend [Video: video.mp4].\n"
        "- She said that their group saw larger differences between experts in mixture of "
        "experts models [Video: video.mp4].\n"
    )
    assert _codes(lint_text(report, _talk())) == []


def test_moderator_remark_credited_to_the_presenter(lint_text) -> None:
    right = (
        "- 主持人李娜补充说，她们组在混合专家模型上看到专家之间的注意力差异更大 [视频: video.mp4]\n"
    )
    assert _codes(lint_text(right, _talk())) == []
    wrong = (
        "- 张伟还补充说，他们组在混合专家模型上看到专家之间的注意力差异更大 [视频: video.mp4]。\n"
    )
    findings = lint_text(wrong, _talk())
    assert _codes(findings) == [("CC303", 1)]
    assert "李娜" in findings[0].message


# ------------------------------------------------------------ a blog writer's own run

BLOG = "论文解读 | 稀疏路由"
BLOG_CHUNKS = [
    f"{BLOG}\n作者提出的路由器在 A100 上吞吐量提升 2.1 倍。",
    "四、笔者复现\n我用作者开源的代码在一张 RTX 4090 上跑了一遍，吞吐量提升约 1.4 倍。",
]


def _blog_corpus() -> FakeCorpus:
    return FakeCorpus(
        pdfs={"pdf.pdf": PAPER}, collections={"long_context": FakeCollection([(BLOG, BLOG_CHUNKS)])}
    )


def _lint_resolved(text: str, pack: RulePack) -> list[Finding]:
    """This area's rules with the citations resolved, as the pipeline gives them."""
    corpus = _blog_corpus()
    report = make_report(text, pack)
    resolutions = resolve_citations(report, corpus, None, pack)  # type: ignore[arg-type]
    ctx = LintContext(report=report, pack=pack, corpus=corpus, resolutions=resolutions)
    rules = [r() for r in all_rules() if r.code.startswith("CC30")]
    return [f for rule in rules for f in rule.check(ctx)]


def test_blog_writers_own_run_credited_to_the_authors(pack: RulePack) -> None:
    wrong = (
        f'作者还在单张 RTX 4090 上测试，吞吐量提升约 1.4 倍 [long_context: "{BLOG}", chunk 1]。\n'
    )
    findings = _lint_resolved(wrong, pack)
    assert _codes(findings) == [("CC303", 1)]
    assert "writer's own work" in findings[0].message
    right = f'博主在单张 RTX 4090 上复现，吞吐量提升约 1.4 倍 [long_context: "{BLOG}", chunk 1]。\n'
    assert _codes(_lint_resolved(right, pack)) == []
    # the writer runs the authors' code: 作者 owns the code, the run is the blogger's
    owner = (
        f"一位博主用作者开源的代码在一张 RTX 4090 上跑了一遍，吞吐量提升约 1.4 倍 "
        f'[long_context: "{BLOG}", chunk 1]。\n'
    )
    assert _codes(_lint_resolved(owner, pack)) == []
    authors = f'作者报告在 A100 上吞吐量提升 2.1 倍 [long_context: "{BLOG}", chunk 0]。\n'
    assert _codes(_lint_resolved(authors, pack)) == []
    # the writer of the cited post, named by what they wrote, is no author of the paper
    post = (
        f"这篇速读的作者在单张 RTX 4090 上测试，吞吐量提升约 1.4 倍 "
        f'[long_context: "{BLOG}", chunk 1]。\n'
    )
    assert _codes(_lint_resolved(post, pack)) == []
