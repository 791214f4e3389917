"""resolve_citations: every target ends in the right status with the right units."""

from __future__ import annotations

import os

import pytest

from citecheck.report.parse import parse_text
from citecheck.resolve.resolver import NO_CORPUS, claim_for_citation, resolve_citations
from tests.fakes import FakeMeta, FakeTrace


@pytest.fixture
def resolve_one(report_of, corpus, pack):
    """Resolve the single bracket of a one-sentence report."""

    def resolve(bracket, trace=None):
        (resolution,) = resolve_citations(report_of(f"句子{bracket}。"), corpus, trace, pack)
        return resolution

    return resolve


def test_whole_pdf_resolves_to_every_page(resolve_one):
    resolution = resolve_one("[Doc: pdf.pdf]")
    assert resolution.status == "resolved"
    assert [u.page for u in resolution.units] == [1, 2, 3]
    assert resolution.unit_count == 3


def test_page_list_and_en_dash_range_resolve_to_those_pages(resolve_one):
    assert [u.page for u in resolve_one("[Doc: pdf.pdf, page 1, 3]").units] == [1, 3]
    ranged = resolve_one("[文档: pdf.pdf, page 2–3]")
    assert ranged.status == "resolved"
    assert "second page text" in ranged.units[0].text


def test_page_past_the_end_is_out_of_range_and_keeps_the_valid_pages(resolve_one):
    resolution = resolve_one("[Doc: pdf.pdf, page 2, 18]")
    assert resolution.status == "out-of-range"
    assert resolution.missing == [18]
    assert [u.page for u in resolution.units] == [2]


def test_missing_file_is_unresolvable_with_nearest_names(resolve_one):
    resolution = resolve_one("[Doc: pdf2.pdf]")
    assert resolution.status == "unresolvable"
    assert resolution.candidates[0].name == "pdf.pdf"


def test_parent_path_is_outside_corpus_and_never_opened(resolve_one, corpus):
    resolution = resolve_one("[Doc: ../../etc/passwd]")
    assert resolution.status == "outside-corpus"
    assert resolution.units == []
    assert corpus.opened == []


def test_symlink_leaving_the_corpus_is_outside_and_never_opened(resolve_one, corpus, tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"not for the linter")
    os.symlink(secret, corpus.root / "link.pdf")
    resolution = resolve_one("[Doc: link.pdf]")
    assert resolution.status == "outside-corpus"
    assert corpus.opened == []


def test_video_resolves_to_its_evidence_units(resolve_one):
    resolution = resolve_one("[视频: video.mp4]")
    assert resolution.status == "resolved"
    assert [u.kind for u in resolution.units] == ["segment"]


def test_a_timestamp_past_the_declared_end_of_the_video_is_out_of_range(resolve_one, corpus):
    corpus.video("video.mp4").meta = FakeMeta(duration_s=984)
    late = resolve_one("[Video: video.mp4, 17:45]")
    assert (late.status, late.missing, late.unit_count) == ("out-of-range", [1065], 984)
    span = resolve_one("[视频: video.mp4, 00:16:00–00:16:24]")
    assert span.status == "resolved"  # the last second of the video is still in it


def test_a_timestamp_of_a_video_of_unknown_length_resolves(resolve_one):
    assert resolve_one("[视频: video.mp4, 59:59]").status == "resolved"


def test_collection_alias_without_title_is_vague(resolve_one):
    assert resolve_one("[Long Context Document Collection]").status == "vague"


def test_exact_title_with_chunk_list_resolves_those_chunks(resolve_one):
    resolution = resolve_one('[long_context: "Exact Title", chunk 1, chunk 3]')
    assert resolution.status == "resolved"
    assert [u.chunk for u in resolution.units] == [1, 3]
    assert resolution.match.method == "exact"


def test_title_without_chunk_means_every_chunk(resolve_one):
    resolution = resolve_one('[long_context: "Exact Title"]')
    assert [u.chunk for u in resolution.units] == [0, 1, 2, 3, 4]
    assert resolution.retrieved is None


def test_shortened_title_resolves_to_the_full_one(resolve_one):
    resolution = resolve_one('[long_context: "Transformer模型PyTorch实现", chunk 1]')
    assert resolution.status == "resolved"
    assert resolution.match.title.endswith("-CSDN博客")
    assert resolution.units[0].text == "Transformer chunk 1"


def test_unknown_title_is_unresolvable_with_scored_candidates(resolve_one, pack):
    resolution = resolve_one('[long_context: "Filler document numbr 7 abut", chunk 0]')
    assert resolution.status == "unresolvable"
    assert len(resolution.candidates) == pack.thresholds.title_candidates
    scores = [c.score for c in resolution.candidates]
    assert all(s is not None and 0 < s < pack.thresholds.title_fuzzy_min for s in scores)


def test_chunk_past_the_end_is_out_of_range(resolve_one):
    resolution = resolve_one('[long_context: "Exact Title", chunk 7]')
    assert resolution.status == "out-of-range"
    assert resolution.missing == [7]
    assert resolution.unit_count == 5


def test_no_corpus_makes_every_target_unresolvable(report_of, pack):
    report = report_of('甲[Doc: pdf.pdf]。乙[long_context: "Exact Title", chunk 1]。')
    resolutions = resolve_citations(report, None, None, pack)
    assert [(r.status, r.detail) for r in resolutions] == [("unresolvable", NO_CORPUS)] * 2


def test_each_distinct_title_is_looked_up_once(report_of, corpus, collection, pack):
    text = "\n".join(f'句{n}[long_context: "Exact Title", chunk {n % 3}]。' for n in range(6))
    resolutions = resolve_citations(report_of(text), corpus, None, pack)
    assert len(resolutions) == 6
    assert collection.lookups == ["Exact Title"]


def test_citation_resolutions_keep_reading_order_and_their_claim(report_of, corpus, pack):
    report = report_of("第一句[Doc: pdf.pdf, page 1]。\n第二句[Doc: pdf.pdf, page 9]。")
    first, second = resolve_citations(report, corpus, None, pack)
    assert (first.status, second.status) == ("resolved", "out-of-range")
    assert claim_for_citation(report, second.citation).text.startswith("第二句")


# ------------------------------------------------------------------ trace grounding


def test_complete_trace_without_the_chunk_marks_it_never_retrieved(resolve_one, trace_of):
    trace = trace_of([("Exact Title", 0), ("Exact Title", 2)])
    bracket = '[long_context: "Exact Title", chunk 2, chunk 3]'
    resolution = resolve_one(bracket, trace)
    assert resolution.retrieved is False
    assert resolution.never_retrieved == [3]


def test_retrieved_chunk_is_grounded_under_the_full_title(resolve_one, trace_of):
    full = "Transformer模型PyTorch实现：从原理到代码完全解析-CSDN博客"
    trace = trace_of([(full, 1)])
    bracket = '[long_context: "Transformer模型PyTorch实现", chunk 1]'
    resolution = resolve_one(bracket, trace)
    assert resolution.retrieved is True
    assert resolution.never_retrieved == []


def test_truncated_trace_settles_nothing(resolve_one, trace_of):
    trace = trace_of([("Exact Title", 0)], complete=False)
    resolution = resolve_one('[long_context: "Exact Title", chunk 3]', trace)
    assert resolution.retrieved is None


def test_a_markdown_link_to_a_task_file_cites_it_at_its_fragment(report_of, corpus, pack):
    text = (
        "甲[pdf.pdf, page 2](pdf.pdf#page=2)。乙[paper](pdf.pdf#page=3)。丙[talk](video.mp4#t=1)。"
    )
    resolutions = resolve_citations(report_of(text), corpus, None, pack)
    assert [(r.target.source, r.target.pages, r.target.times) for r in resolutions] == [
        ("pdf.pdf", [2], []),
        ("pdf.pdf", [3], []),
        ("video.mp4", [], [1]),
    ]
    assert [u.text.strip() for u in resolutions[0].units] == ["second page text"]


def test_a_web_link_titled_as_a_collection_document_resolves_to_its_chunks(report_of, corpus, pack):
    link = "[Exact Title, chunk 2](https://blog.example.com/p/1)"
    text = f"A claim ({link}).\n\n## References\n\n- [Exact Title](https://blog.example.com/p/1)\n"
    (resolution,) = resolve_citations(parse_text(text, "r.md", pack), corpus, None, pack)
    assert (resolution.status, resolution.target.chunks) == ("resolved", [2])
    assert [u.text for u in resolution.units] == ["exact chunk 2"]
    unknown = text.replace("Exact Title", "A page nobody kept")
    (other,) = resolve_citations(parse_text(unknown, "r.md", pack), corpus, None, pack)
    assert other.status == "unresolvable"


def test_a_pdf_page_outside_every_page_range_the_trace_read_was_never_read(resolve_one, corpus):
    read = FakeTrace(pages={"pdf.pdf": {1, 2}})
    page_three = resolve_one("[Doc: pdf.pdf, page 3]", read)
    assert (page_three.retrieved, page_three.never_retrieved) == (False, [3])
    assert resolve_one("[Doc: pdf.pdf, page 2]", read).retrieved is True
    assert resolve_one("[Doc: pdf.pdf, page 3]", FakeTrace()).retrieved is None
