"""Citation brackets: every form seen in the seeds, with exact spans."""

from __future__ import annotations

import pytest

from citecheck.models import Citation
from citecheck.report.citations import expand_numbers, find_citations
from citecheck.rulepack import RulePack

COLLECTION_TITLE = (
    "写给“纯小白”的大语言模型入门指南，（非常详细）零基础入门到精通，收藏这一篇就够了-CSDN博客"
)


def only(text: str, pack: RulePack) -> Citation:
    found = find_citations(text, pack)
    assert len(found) == 1, found
    citation = found[0]
    assert text[citation.span.start : citation.span.end] == citation.text
    return citation


@pytest.mark.parametrize(
    ("bracket", "source", "pages"),
    [
        ("[Doc: pdf.pdf]", "pdf.pdf", []),
        ("[文档: pdf.pdf, page 9, 14]", "pdf.pdf", [9, 14]),
        ("[文档: pdf.pdf, page 2-6]", "pdf.pdf", [2, 3, 4, 5, 6]),
        ("[文档: pdf.pdf, page 3, 14–15]", "pdf.pdf", [3, 14, 15]),
        ("[文档: pdf.pdf, page 2, 6, 13]", "pdf.pdf", [2, 6, 13]),
        ("[视频: video.mp4]", "video.mp4", []),
    ],
)
def test_file_citations_name_source_and_pages(
    pack: RulePack, bracket: str, source: str, pages: list[int]
) -> None:
    citation = only(f"结论成立。{bracket}", pack)
    assert citation.text == bracket
    (target,) = citation.targets
    assert (target.kind, target.source, target.pages) == ("file", source, pages)
    assert target.raw == bracket[1:-1]


def test_collection_title_keeps_inner_quotes_and_commas(pack: RulePack) -> None:
    bracket = f'[long_context: "{COLLECTION_TITLE}", chunk 1, chunk 2]'
    (target,) = only(bracket, pack).targets
    assert target.kind == "collection"
    assert target.source == "long_context"
    assert target.title == COLLECTION_TITLE
    assert target.chunks == [1, 2]
    assert target.syntax == "collection"


def test_mojibake_title_is_text_between_outer_quotes(pack: RulePack) -> None:
    damaged = "å†™ç»™â€œçº¯å°ç™½â€çš„å¤§è¯è¨€æ¨¡å‹"
    (target,) = only(f'[long_context: "{damaged}", chunk 2]', pack).targets
    assert (target.title, target.chunks) == (damaged, [2])


def test_adjacent_brackets_are_two_citations_with_exact_spans(pack: RulePack) -> None:
    text = '前文。\n模型[long_context: "A", chunk 1][long_context: "B", chunk 3]。'
    first, second = find_citations(text, pack)
    assert (first.span.line, first.span.column) == (2, 3)
    assert second.span.start == first.span.end
    assert second.span.end_column == second.span.column + len(second.text)
    assert [first.targets[0].title, second.targets[0].title] == ["A", "B"]


def test_mixed_bracket_has_attribution_and_location(pack: RulePack) -> None:
    citation = only("[Holtzman et al. 2020, 文档: pdf.pdf, page 14]", pack)
    (attribution,) = citation.attributions
    assert attribution.names == ["Holtzman"]
    assert (attribution.year, attribution.et_al) == (2020, True)
    (target,) = citation.targets
    assert (target.source, target.pages) == ("pdf.pdf", [14])


def test_alias_names_the_collection(pack: RulePack) -> None:
    (target,) = only("见[Long Context Document Collection]", pack).targets
    assert (target.kind, target.source, target.title) == ("collection", "long_context", None)


@pytest.mark.parametrize(
    "text", ["see [the docs](https://x.org)", "[注意] 这不是引用", "![img](a.png)", "[1]"]
)
def test_links_and_plain_brackets_are_not_citations(pack: RulePack, text: str) -> None:
    assert find_citations(text, pack) == []


def test_offset_and_index_place_fragment_citations_in_the_file(pack: RulePack) -> None:
    from citecheck.textutil import LineIndex

    whole = "第一行\n第二行[Doc: pdf.pdf]"
    fragment_start = whole.index("第二行")
    (citation,) = find_citations(
        whole[fragment_start:], pack, fragment_start, index=LineIndex(whole)
    )
    assert whole[citation.span.start : citation.span.end] == "[Doc: pdf.pdf]"
    assert (citation.span.line, citation.span.column) == (2, 4)


def test_expand_numbers_handles_ranges_and_dashes() -> None:
    assert expand_numbers("3, 14–15") == [3, 14, 15]
    assert expand_numbers("2-4") == [2, 3, 4]
    assert expand_numbers("9-2") == [9, 2]


@pytest.mark.parametrize(
    ("text", "source", "pages"),
    [
        ("[Video: video.mp4 08:54]", "video.mp4", []),
        ("[视频：video.mp4 @12:03–12:40]", "video.mp4", []),
        ("[Doc: pdf.pdf page 3]", "pdf.pdf", [3]),
        ("[Doc: my paper.pdf]", "my paper.pdf", []),
        ("[Doc: pdf.pdf (p. 4)]", "pdf.pdf", [4]),
        ("[文档: pdf.pdf（第4页）]", "pdf.pdf", [4]),
        ("[视频: video.mp4 @ 03:12]", "video.mp4", []),
    ],
)
def test_a_locator_glued_to_the_file_name(
    pack: RulePack, text: str, source: str, pages: list[int]
) -> None:
    [citation] = find_citations(text, pack)
    assert [(t.source, t.pages) for t in citation.targets] == [(source, pages)]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("[Video: video.mp4, 17:45]", [1065]),
        ("[视频: video.mp4, 00:12:20–00:12:49]", [740, 769]),
        ("[视频：video.mp4 @12:03]", [723]),
        ("[Video: video.mp4, 1:02:03.500]", [3723]),
        ("[Video: video.mp4, 05:20, 06:03]", [320, 363]),
        ("[视频: video.mp4]", []),
    ],
)
def test_video_timestamps_are_read_as_seconds(pack: RulePack, text: str, times: list[int]) -> None:
    [citation] = find_citations(text, pack)
    assert [t.times for t in citation.targets] == [times]
    assert citation.targets[0].pages == []


def test_a_label_the_pack_does_not_know_before_a_file_name(pack: RulePack) -> None:
    [source] = find_citations("[Source: pdf.pdf, page 2]", pack)
    assert [(t.source, t.pages) for t in source.targets] == [("pdf.pdf", [2])]
    [chinese] = find_citations("[来源：pdf.pdf，第2页]", pack)
    assert [(t.source, t.pages) for t in chinese.targets] == [("pdf.pdf", [2])]
    # a URL or a sentence after an unknown label is no file citation
    assert find_citations("[Source: https://a.com/x.pdf]", pack) == []
    assert find_citations("[Note: see pdf.pdf]", pack) == []


def test_semicolons_part_targets_and_book_quotes_hold_a_title(pack: RulePack) -> None:
    [both] = find_citations("[Doc: pdf.pdf, p.4; Video: video.mp4]", pack)
    assert [(t.source, t.pages) for t in both.targets] == [("pdf.pdf", [4]), ("video.mp4", [])]
    [quoted] = find_citations("[long_context: 《Attention Sink 解析》, chunk 2]", pack)
    assert [(t.title, t.chunks) for t in quoted.targets] == [("Attention Sink 解析", [2])]
    [store] = find_citations('[资料库: "Attention Sink 解析", chunk 1]', pack)
    assert [(t.source, t.chunks) for t in store.targets] == [("long_context", [1])]
