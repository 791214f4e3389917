"""The attribution stage: every attribution and video outcome of one report, once.

:func:`assess_report` reads what earlier stages computed (the parsed report,
its citation resolutions, the corpus, the trace, the judge) through any object
shaped like :class:`AttributionInputs` (the lint context is one) and returns a
:class:`~citecheck.attribution.outcomes.ReportAttribution`. :class:`Sources`
picks the source each claim is about from the resolutions, and keeps the file
list, bibliographies and author blocks it looked up, so nothing is read twice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from citecheck.attribution.outcomes import ReportAttribution
from citecheck.corpus.video import MEDIA_SUFFIXES, is_video_target
from citecheck.models import (
    Citation,
    CitationTarget,
    Claim,
    ClaimJudgement,
    Report,
    Resolution,
    SourceUnit,
)

if TYPE_CHECKING:
    from citecheck.corpus.authorblock import AuthorBlock
    from citecheck.corpus.folder import Corpus
    from citecheck.corpus.pdf import BibEntry, PdfDocument
    from citecheck.corpus.sidecars import SidecarProblem
    from citecheck.corpus.trace import Trace
    from citecheck.corpus.video import VideoEvidence
    from citecheck.rulepack import RulePack

_T = TypeVar("_T")


class AttributionInputs(Protocol):
    """What the stage reads: the outputs of parsing, resolving and judging."""

    report: Report
    pack: RulePack
    corpus: Corpus | None
    trace: Trace | None
    resolutions: list[Resolution]
    judge_units: Callable[[Claim, list[SourceUnit]], ClaimJudgement | None] | None


def is_pdf_target(target: CitationTarget) -> bool:
    """A citation target naming a PDF file."""
    return target.kind == "file" and target.source.lower().endswith(".pdf")


class Sources:
    """The corpus sources one report's claims are about, each looked up once."""

    def __init__(self, inputs: AttributionInputs) -> None:
        self.inputs = inputs
        corpus = inputs.corpus
        self.files = corpus.file_names() if corpus is not None else []
        self._bibliographies: dict[str, list[BibEntry]] = {}
        self._author_blocks: dict[str, AuthorBlock] = {}
        self._memo: dict[str, Any] = {}
        self._by_citation: dict[str, list[Resolution]] = {}
        for resolution in inputs.resolutions:
            self._by_citation.setdefault(resolution.citation.id, []).append(resolution)

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()`` once per report under ``key``."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast("_T", self._memo[key])

    def resolutions_for(self, citation: Citation) -> list[Resolution]:
        """The resolutions of one citation bracket, in target order."""
        return self._by_citation.get(citation.id, [])

    def _files_with(self, suffixes: frozenset[str]) -> list[str]:
        return [n for n in self.files if PurePosixPath(n).suffix.lower() in suffixes]

    def video_name(self, claim: Claim | None = None) -> str | None:
        """The video a claim's citations resolve to, else the one it names, else the
        corpus's only video."""
        for citation in claim.citations if claim else []:
            for resolution in self.resolutions_for(citation):
                if resolution.status == "resolved" and is_video_target(resolution.target):
                    return resolution.target.source
            for target in citation.targets:
                if is_video_target(target):
                    return target.source
        videos = self._files_with(MEDIA_SUFFIXES)
        return videos[0] if len(videos) == 1 else None

    def video(self, claim: Claim | None = None) -> tuple[str | None, VideoEvidence | None]:
        """(video name, its evidence or None) for a claim."""
        name = self.video_name(claim)
        corpus = self.inputs.corpus
        if name is None or corpus is None:
            return name, None
        return name, corpus.video(name)

    def all_videos(self) -> list[VideoEvidence]:
        """Evidence of every video in the corpus."""
        corpus = self.inputs.corpus
        if corpus is None:
            return []
        return [corpus.video(name) for name in self._files_with(MEDIA_SUFFIXES)]

    def pdf_targets(self, claim: Claim) -> list[tuple[Citation, CitationTarget]]:
        """The PDF targets a claim cites, with their citation bracket."""
        return [(c, t) for c in claim.citations for t in c.targets if is_pdf_target(t)]

    def pdf(self, claim: Claim) -> tuple[str | None, PdfDocument | None]:
        """(name, PdfDocument or None): the PDF a claim cites, else the corpus's only PDF."""
        cited = [t.source for _, t in self.pdf_targets(claim)]
        names = cited or self._files_with(frozenset({".pdf"}))
        corpus = self.inputs.corpus
        if corpus is None or len(set(names)) != 1:
            return (names[0] if names else None), None
        return names[0], corpus.pdf(names[0])

    def bibliography(self, pdf: PdfDocument) -> list[BibEntry]:
        """The PDF's reference entries (read once)."""
        if pdf.name not in self._bibliographies:
            self._bibliographies[pdf.name] = list(pdf.bibliography())
        return self._bibliographies[pdf.name]

    def author_block(self, pdf: PdfDocument) -> AuthorBlock:
        """The PDF's author block (read once); metadata authors when the layout gives none."""
        from citecheck.corpus.authorblock import AuthorBlock, PaperAuthor, read_author_block

        if pdf.name not in self._author_blocks:
            block = read_author_block(pdf.page_lines(1)) if pdf.page_count else AuthorBlock()
            if not block.authors:
                meta = pdf.metadata
                authors = [
                    PaperAuthor(name=n, roles=["first"] if i == 0 else [])
                    for i, n in enumerate(meta.authors or [])
                ]
                block = AuthorBlock(authors=authors, affiliations=list(meta.affiliations or []))
            self._author_blocks[pdf.name] = block
        return self._author_blocks[pdf.name]

    def judge(self, claim: Claim, units: list[SourceUnit]) -> ClaimJudgement | None:
        """The judge's reading of ``claim`` against ``units``; None without a judge. Read
        once per report for the same claim text and units (a remark's turn is asked of
        the judge by several checks)."""
        judge_units = self.inputs.judge_units
        if judge_units is None or not units:
            return None
        key = f"judge:{claim.id}:{claim.text}:" + "|".join(
            f"{u.source}@{u.locator}@{hash(u.text)}" for u in units
        )
        return self.memo(key, lambda: judge_units(claim, units))


def assess_report(inputs: AttributionInputs) -> ReportAttribution:
    """Every attribution and video outcome of the report."""
    from citecheck.attribution.paper import assess_paper_people
    from citecheck.attribution.talk import assess_talk_people
    from citecheck.attribution.video import assess_video_claims

    sources = Sources(inputs)
    attributions = []
    for claim in inputs.report.claims:
        if claim.in_reference_list:
            continue
        attributions += assess_talk_people(sources, claim)
        attributions += assess_paper_people(sources, claim)
    videos = list(assess_video_claims(sources))
    return ReportAttribution(attributions=attributions, videos=videos)


def sidecar_problems(inputs: AttributionInputs) -> list[SidecarProblem]:
    """The corpus's video sidecars that could not be read (nothing judged)."""
    return [p for video in Sources(inputs).all_videos() for p in video.read_all()]
