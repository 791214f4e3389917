"""Source lists whose entries cite the sources themselves, followed from their markers."""

from __future__ import annotations

from citecheck.report.parse import parse_text
from citecheck.rulepack import RulePack

NUMBERED = (
    "论文共有六位作者[1]。\n\n"
    "知乎博主复现了预训练[7]，讲座也提到了[8][2]。\n\n"
    "### 参考来源\n\n"
    "[1] pdf.pdf, page 1\n"
    "[2] pdf.pdf, page 6\n"
    '[7] long_context: "论文解读 | TactiFold-知乎", chunk 1\n'
    "[8] video.mp4, 00:41\n"
)


def _cited(text: str, pack: RulePack) -> list[tuple[int, str, list[tuple[str, list[int]]]]]:
    report = parse_text(text, "r.md", pack)
    return [
        (c.span.line, c.text, [(t.source, t.pages or t.chunks or t.times) for t in c.targets])
        for c in report.citations
    ]


def test_a_numbered_source_list_of_unbracketed_locators_defines_its_numbers(
    pack: RulePack,
) -> None:
    assert _cited(NUMBERED, pack) == [
        (1, "[1]", [("pdf.pdf", [1])]),
        (3, "[7]", [("long_context", [1])]),
        (3, "[8]", [("video.mp4", [41])]),
        (3, "[2]", [("pdf.pdf", [6])]),
    ]
    report = parse_text(NUMBERED, "r.md", pack)
    assert all(c.in_reference_list for c in report.claims if c.span.line >= 7)


def test_a_numbered_list_of_files_defines_and_a_list_of_prose_does_not(pack: RulePack) -> None:
    claims = "The gate starts near 0.1 [2] and ends near 0.9 [1].\n\n"
    files = claims + "1. pdf.pdf, page 3\n2. pdf.pdf, page 4\n"
    assert [targets for _, _, targets in _cited(files, pack)] == [
        [("pdf.pdf", [4])],
        [("pdf.pdf", [3])],
    ]
    prose = claims + "1. Lee and Kim (2023) study touch.\n2. Ng (2024).\n"
    assert [targets for _, _, targets in _cited(prose, pack)] == [[("2", [])], [("1", [])]]


def test_a_chatgpt_source_list_defines_its_markers_and_its_numbers_cite_nothing(
    pack: RulePack,
) -> None:
    text = (
        "模型由何悦宁报告【1†source】，幻灯片另有说明【2†source】。\n\n"
        "### 来源\n\n"
        "【1†source】 pdf.pdf, page 1\n"
        "【2†source】 floodbrief_talk_slides.pptx, slide 6\n"
    )
    cited = _cited(text, pack)
    assert [(line, targets) for line, _, targets in cited] == [
        (1, [("pdf.pdf", [1])]),
        (1, [("2", [])]),  # an entry that names no source: the marker stays a reference
    ]
