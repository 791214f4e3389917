"""Citation resolution: each citation target → the exact source units it names, or why not.

:func:`resolve_citations` is the only entry point. It reads the corpus through the
contract in ``docs/ARCHITECTURE.md`` (``Corpus.safe_path``, ``pdf``, ``collection``,
``video``) and never opens a file that lies outside the corpus. Each distinct
target is resolved once per report, however often the report repeats it.

Numbering: PDF pages are 1-based, collection chunks 0-based (as the agents' RAG
tools print them). An empty page or chunk list means the whole source.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from citecheck.corpus.video import format_time, is_video_target
from citecheck.errors import InputError, OutsideCorpusError
from citecheck.models import (
    DEFAULT_COLLECTION,
    Citation,
    CitationTarget,
    Claim,
    Report,
    Resolution,
    ResolutionStatus,
    ScoredCandidate,
    TitleMatch,
)
from citecheck.resolve.outcome import Outcome
from citecheck.resolve.web import WEB_KINDS, report_web_store, resolve_web
from citecheck.safeio import is_regular_file
from citecheck.textutil import number_runs

if TYPE_CHECKING:
    from citecheck.corpus.collection import TitleLookup
    from citecheck.corpus.folder import Corpus
    from citecheck.corpus.trace import Trace
    from citecheck.corpus.web import WebStore
    from citecheck.rulepack import RulePack

NO_CORPUS = "no corpus given or found"
TIME_SLACK_S = 1
"""A cited second this far past the declared end still counts (rounding of the two)."""


_NO_TEXT_LAYER = (
    "{} has no text layer (a scanned or image-only PDF?): there is no text to check against"
)


def resolve_citations(
    report: Report, corpus: Corpus | None, trace: Trace | None, pack: RulePack
) -> list[Resolution]:
    """One :class:`Resolution` per (citation, target) of ``report``, in reading order."""
    resolver = _Resolver(corpus, trace, pack, report)
    return [
        resolver.resolve(target).to_resolution(citation, target)
        for citation in report.citations
        for target in citation.targets
    ]


def claim_for_citation(report: Report, citation: Citation) -> Claim | None:
    """The claim that carries ``citation`` itself (not by inheritance), if any, else
    the first that inherits it."""
    return _claims_by_citation(report).get(citation.id)


_claim_index: list[tuple[Report, int, dict[str, Claim]]] = []


def _claims_by_citation(report: Report) -> dict[str, Claim]:
    """Citation id → its claim, built once per report (kept for the latest one)."""
    if _claim_index:
        cached, count, index = _claim_index[0]
        if cached is report and count == len(report.claims):
            return index
    index = {}
    for claim in report.claims:
        for held in claim.citations:
            key = held.id
            if key not in index or (index[key].inherited and not claim.inherited):
                index[key] = claim
    _claim_index[:] = [(report, len(report.claims), index)]
    return index


class _Resolver:
    """Resolves targets against one corpus and trace, memoising per distinct target."""

    def __init__(
        self,
        corpus: Corpus | None,
        trace: Trace | None,
        pack: RulePack,
        report: Report,
    ) -> None:
        self.corpus = corpus
        self.report = report
        self.trace = trace
        self.pack = pack
        self._memo: dict[tuple[object, ...], Outcome] = {}
        self._lookups: dict[tuple[str, str], TitleLookup] = {}
        self._web: list[WebStore | None] = []

    def resolve(self, target: CitationTarget) -> Outcome:
        key = (
            target.kind,
            target.source,
            target.title,
            tuple(target.pages),
            tuple(target.chunks),
            target.syntax,
            tuple(target.lines),
            tuple(target.times),
        )
        if key not in self._memo:
            self._memo[key] = self._resolve(target)
        return self._memo[key]

    def _resolve(self, target: CitationTarget) -> Outcome:
        if target.kind in WEB_KINDS and (self.corpus or self.report.embedded_sources):
            outcome = resolve_web(target, self.report.references, self._web_store())
            in_collection = self._collection_document(target)
            if outcome.status == "unresolvable" and in_collection is not None:
                return self.resolve(in_collection)
            return outcome
        if self.corpus is None:
            return Outcome("unresolvable", detail=NO_CORPUS)
        if target.kind == "collection":
            return self._resolve_collection(self.corpus, target)
        return self._resolve_file(self.corpus, target)

    def _collection_document(self, target: CitationTarget) -> CitationTarget | None:
        """A link no web store holds, read as the collection document its text titles
        (``[Title, chunk 2](https://…)``, the page as the collection keeps it); None
        when the text titles no document of the folder's collection."""
        if target.kind != "url" or not target.title or self.corpus is None:
            return None
        collection = self.corpus.collection()
        if collection is None:
            return None
        min_score = self.pack.thresholds.title_fuzzy_min
        if collection.lookup(target.title, min_score=min_score, k=1).match is None:
            return None
        return target.model_copy(update={"kind": "collection", "source": DEFAULT_COLLECTION})

    def _web_store(self) -> WebStore | None:
        """The web pages citations reach: the folder's and the report's own, read once."""
        if not self._web:
            folder = self.corpus.web() if self.corpus is not None else None
            self._web.append(report_web_store(self.report, folder))
        return self._web[0]

    # ------------------------------------------------------------------ files

    def _resolve_file(self, corpus: Corpus, target: CitationTarget) -> Outcome:
        try:
            path = corpus.safe_path(target.source)
        except OutsideCorpusError as error:  # reported, never read
            return Outcome("outside-corpus", detail=error.problem)
        except InputError as error:  # a name the system cannot resolve
            return Outcome("unresolvable", detail=error.problem)
        if not is_regular_file(path):
            nearest = corpus.nearest_names(target.source, self.pack.thresholds.title_candidates)
            return Outcome(
                "unresolvable",
                candidates=[ScoredCandidate(name=name) for name in nearest],
                detail=f"no file named {target.source!r} in the corpus",
            )
        if is_video_target(target):
            return self._resolve_video(corpus, target)
        if PurePath(target.source).suffix.lower() == ".pdf":
            return self._resolve_pdf(corpus, target)
        return Outcome("resolved", detail="not a PDF or video: its content is not indexed")

    def _resolve_video(self, corpus: Corpus, target: CitationTarget) -> Outcome:
        """A video's segments and keyframes; out of range when a cited timestamp lies
        past the end the video declares (its meta or its file header)."""
        video = corpus.video(target.source)
        length = video.declared_length
        past = [t for t in target.times if length is not None and t > length + TIME_SLACK_S]
        if past:
            return Outcome(
                "out-of-range",
                missing=past,
                unit_count=round(length or 0),
                detail=f"{target.source} runs {format_time(length or 0)}",
            )
        return Outcome("resolved", units=[*video.segments, *video.keyframes])

    def _resolve_pdf(self, corpus: Corpus, target: CitationTarget) -> Outcome:
        document = corpus.pdf(target.source)  # InputError (corrupt, encrypted…) ends the run
        if document is None:
            return Outcome("unresolvable", detail=f"{target.source!r} is not a readable PDF")
        count = document.page_count
        if not target.pages:
            units = document.all_passages()
            if not units:
                return Outcome("unresolvable", detail=_NO_TEXT_LAYER.format("it"))
            return Outcome("resolved", units=units, unit_count=count)
        valid, missing = _split_in_range(target.pages, range(1, count + 1))
        units = [unit for page in valid for unit in document.passages(page)]
        if valid and not units:
            pages = ", ".join(str(page) for page in valid)
            return Outcome("unresolvable", detail=_NO_TEXT_LAYER.format(f"page {pages}"))
        status: ResolutionStatus = "out-of-range" if missing else "resolved"
        outcome = Outcome(status, units=units, missing=missing, unit_count=count)
        read = self.trace.pages_read(target.source) if self.trace is not None else None
        if read is not None:
            never = [page for page in valid if page not in read]
            outcome.retrieved, outcome.never_retrieved = not never, never
            outcome.detail = f"the trace reads pages {number_runs(sorted(read))} of {target.source}"
        return outcome

    # ------------------------------------------------------------ collections

    def _resolve_collection(self, corpus: Corpus, target: CitationTarget) -> Outcome:
        if not target.title:
            return Outcome(
                "vague",
                detail=f"{target.raw or target.source!r} names no document of the collection",
            )
        collection = corpus.collection(target.source)
        if collection is None:
            return Outcome("unresolvable", detail=f"no collection named {target.source!r}")
        lookup = self._lookups.get((target.source, target.title))
        if lookup is None:
            lookup = collection.lookup(
                target.title,
                min_score=self.pack.thresholds.title_fuzzy_min,
                k=self.pack.thresholds.title_candidates,
            )
            self._lookups[target.source, target.title] = lookup
        if lookup.same_title:
            indices = ", ".join(str(i) for i in lookup.same_title)
            return Outcome(
                "vague",
                candidates=[
                    ScoredCandidate(name=f"{target.title} (document {i})", score=100.0)
                    for i in lookup.same_title
                ],
                detail=f"{len(lookup.same_title)} documents in {target.source!r} are titled "
                f"{target.title!r} (documents {indices}); the citation cannot say which",
            )
        if lookup.match is None:
            return Outcome(
                "unresolvable",
                candidates=[
                    ScoredCandidate(name=title, score=float(score))
                    for title, score in lookup.candidates
                    if score >= self.pack.thresholds.title_suggestion_min
                ],
                detail=f"no document titled {target.title!r} in {target.source!r}",
            )
        match = lookup.match
        numbers = collection.chunk_numbers(match.doc_index)
        count = len(numbers)
        valid, missing = _split_in_range(target.chunks or numbers, set(numbers))
        units = [u for n in valid if (u := collection.chunk(match.doc_index, n)) is not None]
        status: ResolutionStatus = "out-of-range" if missing else "resolved"
        outcome = Outcome(status, units=units, match=match, missing=missing, unit_count=count)
        if target.chunks:
            outcome.retrieved, outcome.never_retrieved = self._grounding(target.title, match, valid)
        return outcome

    def _grounding(
        self, cited_title: str, match: TitleMatch, chunks: list[int]
    ) -> tuple[bool | None, list[int]]:
        """Whether the trace shows the agent retrieved ``chunks``, and which it never did."""
        if self.trace is None or not chunks:
            return None, []
        titles = dict.fromkeys([match.title, cited_title])  # the trace may hold either spelling
        answers = {n: [self.trace.was_retrieved(t, n) for t in titles] for n in chunks}
        never = [n for n, seen in answers.items() if seen and all(a is False for a in seen)]
        if never:
            return False, never
        if all(any(a is True for a in seen) for seen in answers.values()):
            return True, []
        return None, []


def _split_in_range(numbers: list[int], valid: range | set[int]) -> tuple[list[int], list[int]]:
    """``numbers`` split into those inside ``valid`` and those outside, each de-duplicated."""
    unique = list(dict.fromkeys(numbers))
    return [n for n in unique if n in valid], [n for n in unique if n not in valid]
