"""SupportService: where it searches, in which order, and how clause verdicts combine."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.derived import DerivedStore
from citecheck.judge.base import SequentialBatchMixin
from citecheck.models import CitationTarget, TitleMatch, Verdict
from citecheck.rulepack import RulePack, Thresholds
from citecheck.support.service import SupportService
from tests import fakes
from tests.fakes import FakeJudge

CLAIM = "The squeezing effect appears under DPO training"
FILLER = {n: f"Page {n} discusses unrelated experimental details." for n in range(1, 7)}


def service(corpus, judge, embedder, neighbour_pages: int = 1) -> SupportService:
    pack = RulePack(name="test", thresholds=Thresholds(neighbour_pages=neighbour_pages))
    return SupportService(corpus, judge, embedder, pack)


def pdf_corpus(**pages: str):
    texts = {**FILLER, **{int(k[1:]): v for k, v in pages.items()}}
    return fakes.FakeCorpus(pdfs={"pdf.pdf": fakes.pdf_with_pages(texts)})


def cited_claim(text: str = CLAIM, pages=(3,), lang="en"):
    citation = fakes.make_citation(f"[Doc: pdf.pdf, page {pages}]", pages=pages)
    claim = fakes.make_claim(text, citations=[citation], lang=lang)
    return claim, [fakes.make_resolution(citation)]


def judged_pages(call: tuple[str, list[str]]) -> set[int]:
    return {int(text.split()[1]) for text in call[1] if text.startswith("Page ")}


def test_supported_at_the_cited_page_stops_there(fake_judge, embedder) -> None:
    corpus = pdf_corpus(p3=f"Page 3 shows that {CLAIM.lower()}.")
    claim, resolutions = cited_claim()
    judgement = service(corpus, fake_judge, embedder).judge_claim(claim, resolutions)
    assert judgement.verdict.label == "supported"
    assert judgement.elsewhere is None
    assert len(fake_judge.calls) == 1
    assert judgement.best_unit.locator == "page 3"


def test_cited_page_first_then_neighbours(fake_judge, embedder) -> None:
    corpus = pdf_corpus(p4=f"Page 4 shows that {CLAIM.lower()}.")
    claim, resolutions = cited_claim()
    judgement = service(corpus, fake_judge, embedder).judge_claim(claim, resolutions)
    assert [judged_pages(call) for call in fake_judge.calls] == [{3}, {2, 4}]
    assert judgement.verdict.label == "unsupported"
    assert judgement.elsewhere.locator == "page 4"
    assert [u.page for u in judgement.units_checked] == [3]


def test_rest_of_the_pdf_is_searched_after_the_neighbours(fake_judge, embedder) -> None:
    corpus = pdf_corpus(p6=f"Page 6 shows that {CLAIM.lower()}.")
    claim, resolutions = cited_claim()
    judgement = service(corpus, fake_judge, embedder).judge_claim(claim, resolutions)
    assert [judged_pages(call) for call in fake_judge.calls] == [{3}, {2, 4}, {1, 5, 6}]
    assert judgement.elsewhere.locator == "page 6"


def test_unsupported_everywhere_has_no_elsewhere(fake_judge, embedder) -> None:
    claim, resolutions = cited_claim()
    judgement = service(pdf_corpus(), fake_judge, embedder).judge_claim(claim, resolutions)
    assert judgement.verdict.label == "unsupported"
    assert judgement.elsewhere is None
    assert [e.locator for e in judgement.verdict.evidence] == ["page 3"]


def test_whole_document_citation_searches_every_page(fake_judge, embedder) -> None:
    corpus = pdf_corpus(p5=f"Page 5 shows that {CLAIM.lower()}.")
    claim, resolutions = cited_claim(pages=())
    judgement = service(corpus, fake_judge, embedder).judge_claim(claim, resolutions)
    assert judgement.verdict.label == "supported"
    assert [u.page for u in judgement.units_checked] == [1, 2, 3, 4, 5, 6]
    assert len(fake_judge.calls) == 1


PART_A = "alpha grows steadily during the sft stage"
PART_B = "beta shrinks steadily during the dpo stage"


@pytest.mark.parametrize(
    ("page_text", "label"),
    [
        (f"Page 3: {PART_A}.", "unsupported"),
        (f"Page 3: {PART_A}. Also {PART_B}.", "supported"),
        (f"Page 3: {PART_A}. It is not {PART_B}.", "contradicted"),
    ],
)
def test_every_clause_must_be_supported(fake_judge, embedder, page_text, label) -> None:
    corpus = pdf_corpus(p3=page_text)
    claim, resolutions = cited_claim(text=f"{PART_A}; {PART_B}.")
    judgement = service(corpus, fake_judge, embedder, neighbour_pages=0).judge_claim(
        claim, resolutions
    )
    assert judgement.part_texts == [PART_A, f"{PART_B}."]
    assert judgement.parts[0].label == "supported"
    assert judgement.verdict.label == label
    if label != "supported":
        assert PART_B in judgement.verdict.reason
        assert judgement.verdict.score == min(p.score for p in judgement.parts)


def test_unresolved_citations_are_not_judged(fake_judge, embedder) -> None:
    citation = fakes.make_citation()
    resolution = fakes.make_resolution(citation, status="out-of-range")
    claim = fakes.make_claim(CLAIM, citations=[citation])
    svc = service(pdf_corpus(), fake_judge, embedder)
    assert svc.judge_claim(claim, [resolution]) is None
    assert fake_judge.calls == []


def test_video_citation_uses_transcript_and_skips_when_there_is_none(fake_judge, embedder) -> None:
    citation = fakes.make_citation("[视频: video.mp4]", source="video.mp4", pages=())
    claim = fakes.make_claim(CLAIM, citations=[citation])
    resolution = fakes.make_resolution(citation)
    segment = fakes.make_unit(f"Speaker: {CLAIM}.", 0, source="video.mp4").model_copy(
        update={"kind": "segment", "locator": "00:01:00"}
    )
    with_transcript = fakes.FakeCorpus(videos={"video.mp4": fakes.FakeVideo(segments=[segment])})
    judged = service(with_transcript, fake_judge, embedder).judge_claim(claim, [resolution])
    assert judged.verdict.label == "supported"
    assert (
        service(fakes.FakeCorpus(), fake_judge, embedder).judge_claim(claim, [resolution]) is None
    )


def test_chunk_citation_looks_at_neighbour_chunks(fake_judge, embedder) -> None:
    chunks = {
        (0, n): fakes.make_unit(f"Chunk {n} text.", 0, source="long_context").model_copy(
            update={"kind": "chunk", "locator": f"chunk {n}", "chunk": n}
        )
        for n in (1, 2, 3)
    }
    chunks[(0, 3)] = chunks[(0, 3)].model_copy(update={"text": f"Chunk 3 says {CLAIM.lower()}."})
    corpus = fakes.FakeCorpus(collections={"long_context": fakes.FakeCollection(chunks)})
    target = CitationTarget(kind="collection", source="long_context", title="T", chunks=[2])
    citation = fakes.make_citation().model_copy(update={"targets": [target]})
    resolution = fakes.make_resolution(
        citation,
        units=[chunks[(0, 2)]],
        match=TitleMatch(title="T", method="exact", score=100.0, doc_index=0),
    )
    claim = fakes.make_claim(CLAIM, citations=[citation])
    judgement = service(corpus, fake_judge, embedder).judge_claim(claim, [resolution])
    assert judgement.elsewhere.locator == "chunk 3"
    assert {u.locator for u in judgement.units_checked} == {"chunk 2"}


def test_judge_units_judges_the_given_units_only(fake_judge, embedder) -> None:
    svc = service(fakes.FakeCorpus(), fake_judge, embedder)
    claim = fakes.make_claim(CLAIM)
    assert svc.judge_units(claim, []) is None
    unit = fakes.make_unit(f"It is not {CLAIM.lower()}.", 2)
    assert svc.judge_units(claim, [unit]).verdict.label == "contradicted"


class SpanJudge(SequentialBatchMixin):
    """Points at one evidence sentence and never supports, like a strict text-only judge."""

    name = "span"

    def __init__(self, span: str) -> None:
        self.span = span

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        return Verdict(label="unsupported", score=0.1, backend=self.name, evidence_span=self.span)


def test_findings_show_located_windows_with_the_judges_pick_first(embedder) -> None:
    corpus = pdf_corpus(p2="Page 2 mentions DPO once.")
    claim, resolutions = cited_claim(pages=(2, 3))
    judge = SpanJudge("Page 3 discusses unrelated")
    svc = service(corpus, judge, embedder, neighbour_pages=0)
    evidence = svc.judge_claim(claim, resolutions).verdict.evidence
    assert [e.locator for e in evidence] == ["page 3", "page 2"]


def test_make_support_service_wires_judge_config_and_cache(tmp_path, monkeypatch) -> None:
    import sys
    import types

    from citecheck.evidence.embedder import CachedEmbedder
    from citecheck.support.service import make_support_service

    seen = []
    factory = types.ModuleType("citecheck.judge.factory")
    factory.make_judge = lambda config, embedder, cache_dir: (
        seen.append((config, embedder, cache_dir)) or fakes.FakeJudge()
    )
    monkeypatch.setitem(sys.modules, "citecheck.judge.factory", factory)
    pack = RulePack(name="test", thresholds=Thresholds(supported_min=0.7))

    svc = make_support_service(None, pack, {"backend": "lexical"}, cache_dir=tmp_path / "c")

    assert isinstance(svc.embedder, CachedEmbedder)
    assert svc.embedder.path == tmp_path / "c" / "embeddings.sqlite"
    config, judge_embedder, judge_cache = seen[0]
    assert (config.backend, config.supported_min) == ("lexical", 0.7)
    assert config.unsupported_max is None  # unset in the pack: the judge's calibration
    assert judge_embedder is svc.embedder  # the judge embeds through the same cache
    assert judge_cache == tmp_path / "c"  # and caches verdicts in the same folder
    assert svc.judge.name == "fake"


class BatchCountingJudge(SequentialBatchMixin):
    """Counts batch calls: a claim is supported when its text is in the evidence."""

    name = "batch"

    def __init__(self) -> None:
        self.batches: list[int] = []

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        found = any(claim.casefold().rstrip(".") in e.casefold() for e in evidence)
        label = "supported" if found else "unsupported"
        return Verdict(label=label, score=0.9 if found else 0.05, backend=self.name)

    def judge_batch(self, pairs):
        self.batches.append(len(pairs))
        return super().judge_batch(pairs)


def test_claims_of_a_report_are_judged_in_one_batch_per_tier(embedder) -> None:
    corpus = pdf_corpus(p3=f"Page 3 shows that {CLAIM.lower()}.")
    judge = BatchCountingJudge()
    items = [cited_claim(), cited_claim("Page 5 reports a 40% gain", pages=(5,))]
    judged = service(corpus, judge, embedder).judge_claims(items)
    assert [j.verdict.label for j in judged] == ["supported", "unsupported"]
    # the cited tier of both claims in one call, then each later tier of the second
    assert judge.batches == [2, 1, 1]


def test_a_compound_claim_names_the_part_that_fails(embedder) -> None:
    corpus = pdf_corpus(p3=f"Page 3 shows that {CLAIM.lower()}.")
    text = f"{CLAIM}, and it doubles the win rate on every benchmark"
    judgement = service(corpus, BatchCountingJudge(), embedder).judge_claim(*cited_claim(text))
    assert judgement.verdict.label == "unsupported"
    assert [v.label for v in judgement.parts] == ["supported", "unsupported"]
    assert "doubles the win rate" in judgement.verdict.reason
    assert CLAIM not in judgement.verdict.reason


class _AlwaysUnsupported(SequentialBatchMixin):
    """A backend that never finds support, confidently or not: one signal only."""

    def __init__(self, name: str, confident: bool) -> None:
        self.name = name
        self.confident = confident

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        return Verdict(label="unsupported", score=0.05, backend=self.name, confident=self.confident)


@pytest.mark.parametrize("backend", ["nli", "crossencoder", "llm", "lexical"])
@pytest.mark.parametrize("confident", [True, False])
def test_every_backend_goes_through_one_decision_layer(embedder, backend, confident) -> None:
    """One signal (the backend) is the grey zone; with a fact the cited page lacks,
    two signals agree and the verdict is confirmed, whichever backend read it."""
    corpus = pdf_corpus(p3="Page 3 reports 1,240 questions on Llama-3.1-8B.")
    judge = _AlwaysUnsupported(backend, confident)
    on_page, _ = cited_claim("The benchmark has 1,240 questions on Llama-3.1-8B")
    off_page, _ = cited_claim("The benchmark questions were written on Qwen2.5-7B")
    _, resolutions = cited_claim()
    checked = service(corpus, judge, embedder)
    grey = checked.judge_claim(on_page, resolutions)
    confirmed = checked.judge_claim(off_page, resolutions)
    assert grey is not None and (grey.verdict.label, grey.verdict.confident) == (
        "unsupported",
        False,
    )
    assert confirmed is not None and confirmed.verdict.confident
    assert "Qwen2.5-7B" in confirmed.verdict.reason


class FingerprintedJudge(FakeJudge):
    """The fake judge declaring that its verdicts depend on its inputs only."""

    fingerprint = "fake-1"


@pytest.mark.parametrize(("judge_class", "calls_again"), [(FingerprintedJudge, 0), (FakeJudge, 1)])
def test_a_stored_tier_is_not_judged_again_by_a_deterministic_judge(
    tmp_path: Path, embedder, judge_class: type[FakeJudge], calls_again: int
) -> None:
    corpus = pdf_corpus(p3=f"Page 3 shows that {CLAIM.lower()}.")
    claim, resolutions = cited_claim()
    pack = RulePack(name="test", thresholds=Thresholds(neighbour_pages=1))
    judgements, judges = [], []
    for _ in range(2):
        judge = judge_class()
        store = DerivedStore(tmp_path / "derived.sqlite")
        judgements.append(
            SupportService(corpus, judge, embedder, pack, store).judge_claim(claim, resolutions)
        )
        judges.append(judge)
    assert len(judges[0].calls) == 1
    assert len(judges[1].calls) == calls_again
    assert judgements[0] == judgements[1]
