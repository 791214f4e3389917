"""From a report claim to a verdict: where to look, what to show the judge, how to combine.

For each claim the service builds search *tiers* from the claim's resolved
citations:

1. the cited units themselves (a whole-document PDF citation: every passage;
   a page citation: that page; a chunk citation: that chunk; a video: its
   transcript segments and keyframe notes);
2. their neighbours (``pack.thresholds.neighbour_pages`` / ``neighbour_chunks``);
3. for a PDF page citation, the rest of the document.

Every part of a compound claim (:func:`citecheck.report.claims.split_claim`) is judged
against the best evidence windows of the cited tier: the claim is supported
only if every part is, and contradicted if any part is. When the cited tier
does not support the claim but a later tier does, ``elsewhere`` names the unit
that does, which CC204 turns into "cite page 14, not page 9".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from citecheck.corpus.video import is_video_target
from citecheck.derived import DERIVED_FILE, DerivedStore, package_fingerprint
from citecheck.evidence.embedder import CachedEmbedder, Embedder
from citecheck.evidence.onnx_embedder import OnnxE5Embedder
from citecheck.evidence.retrieve import rank_many
from citecheck.judge.base import DeterministicJudge
from citecheck.judge.decision import decide
from citecheck.models import (
    Claim,
    ClaimJudgement,
    Evidence,
    Label,
    Resolution,
    ScoredUnit,
    SourceUnit,
    Verdict,
)
from citecheck.report.claims import claim_body, is_checkable, split_claim
from citecheck.rulepack import RulePack
from citecheck.usercache import user_cache_dir

if TYPE_CHECKING:
    from citecheck.corpus.folder import Corpus
    from citecheck.corpus.pdf import PdfDocument
    from citecheck.judge.base import Judge, JudgeConfig

TOP_K = 3
EMBEDDINGS_FILE = "embeddings.sqlite"


class _TierResult(BaseModel):
    verdict: Verdict
    parts: list[Verdict]
    best_unit: SourceUnit | None


class SupportService:
    """Judges report claims against the corpus units their citations name."""

    def __init__(
        self,
        corpus: Corpus | None,
        judge: Judge,
        embedder: Embedder,
        pack: RulePack,
        store: DerivedStore | None = None,
    ) -> None:
        """``store`` keeps each tier's judgement between runs, for a judge whose verdicts
        are fixed by its inputs (:class:`~citecheck.judge.base.DeterministicJudge`)."""
        self.corpus = corpus
        self.judge = judge
        self.embedder = embedder
        self.pack = pack
        self._store = store
        self._deterministic = judge if isinstance(judge, DeterministicJudge) else None

    def judge_claim(self, claim: Claim, resolutions: list[Resolution]) -> ClaimJudgement | None:
        """Judge ``claim`` against what its resolutions name, then their surroundings.

        None when nothing can be searched: every citation failed to resolve
        (the resolution rules report that) or a video citation has no evidence
        (the video rules report that).
        """
        return self.judge_claims([(claim, resolutions)])[0]

    def judge_claims(
        self, items: Sequence[tuple[Claim, list[Resolution]]]
    ) -> list[ClaimJudgement | None]:
        """:meth:`judge_claim` for many claims, with one judge call per search tier.

        A batching judge (the cross-encoder) then scores every claim of a report
        in one pass instead of one call per claim.
        """
        plans = [
            (claim, self.search_tiers([r for r in resolutions if r.status == "resolved"]))
            for claim, resolutions in items
        ]
        return self._judge_plans(plans)

    def judge_units(self, claim: Claim, units: list[SourceUnit]) -> ClaimJudgement | None:
        """Judge ``claim`` against units a rule chose itself; None for no units."""
        return self._judge_plans([(claim, [units] if units else [])])[0]

    def search_tiers(self, resolutions: list[Resolution]) -> list[list[SourceUnit]]:
        """Units to search, cited first, then neighbours, then the rest of a PDF.

        Empty tiers are dropped; an empty result means there is nothing to search.
        """
        cited, neighbours, rest = _UnitSet(), _UnitSet(), _UnitSet()
        for resolution in resolutions:
            cited.add(self._cited_units(resolution))
        for resolution in resolutions:
            neighbours.add(u for u in self._neighbour_units(resolution) if u not in cited)
        for resolution in resolutions:
            rest.add(
                u for u in self._other_pages(resolution) if u not in cited and u not in neighbours
            )
        if not cited.units:
            return []
        return [tier.units for tier in (cited, neighbours, rest) if tier.units]

    # ------------------------------------------------------------------ judging

    def _judge_plans(
        self, plans: list[tuple[Claim, list[list[SourceUnit]]]]
    ) -> list[ClaimJudgement | None]:
        """Judge each claim at its cited tier; claims not supported there, at later tiers."""
        parts = [split_claim(claim_body(claim), claim.lang) for claim, _ in plans]
        live = [i for i, (_, tiers) in enumerate(plans) if tiers]
        cited = self._judge_tier_batch([(parts[i], plans[i][1][0]) for i in live])
        at_cited = dict(zip(live, cited, strict=True))
        elsewhere: dict[int, SourceUnit | None] = {}
        waiting = [i for i in live if _worth_searching_elsewhere(at_cited[i].verdict)]
        for level in (1, 2):
            waiting = [i for i in waiting if len(plans[i][1]) > level]
            found = self._judge_tier_batch([(parts[i], plans[i][1][level]) for i in waiting])
            for i, result in zip(waiting, found, strict=True):
                if result.verdict.label == "supported":
                    elsewhere[i] = result.best_unit
            waiting = [i for i in waiting if i not in elsewhere]
        return [
            ClaimJudgement(
                claim_id=claim.id,
                verdict=at_cited[i].verdict,
                parts=at_cited[i].parts,
                part_texts=parts[i],
                units_checked=tiers[0],
                best_unit=at_cited[i].best_unit,
                elsewhere=elsewhere.get(i),
            )
            if i in at_cited
            else None
            for i, (claim, tiers) in enumerate(plans)
        ]

    def _judge_tier_batch(
        self, requests: list[tuple[list[str], list[SourceUnit]]]
    ) -> list[_TierResult]:
        """Each request's judgement: stored by an earlier run with the same code, judge,
        embedder, parts and units, else computed (the misses in one batch)."""
        store, judge = self._store, self._deterministic
        if store is None or judge is None:
            return self._compute_tier_batch(requests)
        prefix = (package_fingerprint(), "tier", judge.fingerprint, self.embedder.name)
        keys = [(*prefix, _request_text(request)) for request in requests]
        found = [store.get(key, _TierResult.model_validate) for key in keys]
        missing = [i for i, result in enumerate(found) if result is None]
        computed = self._compute_tier_batch([requests[i] for i in missing])
        for i, result in zip(missing, computed, strict=True):
            store.put(keys[i], result.model_dump(mode="json"))
            found[i] = result
        return [result for result in found if result is not None]

    def _compute_tier_batch(
        self, requests: list[tuple[list[str], list[SourceUnit]]]
    ) -> list[_TierResult]:
        """Every part of every request judged in one ``judge_batch`` call."""
        flat = rank_many(
            [(part, units) for part_texts, units in requests for part in part_texts],
            self.embedder,
            k=TOP_K,
            cheap_scorer=gloss_scores,
        )
        ranked_in_order = iter(flat)
        ranked_parts = [[next(ranked_in_order) for _ in part_texts] for part_texts, _ in requests]
        pairs = [
            (part, [r.unit.text for r in ranked])
            for (part_texts, _), ranked_list in zip(requests, ranked_parts, strict=True)
            for part, ranked in zip(part_texts, ranked_list, strict=True)
        ]
        verdicts = iter(self.judge.judge_batch(pairs) if pairs else [])
        results = []
        for (part_texts, units), ranked_list in zip(requests, ranked_parts, strict=True):
            texts = [u.labelled_text for u in units]
            judged = [
                _decided(part, next(verdicts), ranked, units, texts)
                for part, ranked in zip(part_texts, ranked_list, strict=True)
            ]
            shown = [v.model_copy(update={"evidence": _shown(v, r)}) for v, r in judged]
            # a supported part names the unit the judge read it in; others the best-ranked
            tops = [
                _judged_first(v, r)[0] if v.label == "supported" else r[0] for v, r in judged if r
            ]
            best = max(tops, key=lambda s: s.score) if tops else None
            results.append(
                _TierResult(
                    verdict=combine_verdicts(part_texts, shown),
                    parts=shown,
                    best_unit=best.unit if best else None,
                )
            )
        return results

    # ------------------------------------------------------------------ units

    def _cited_units(self, resolution: Resolution) -> list[SourceUnit]:
        if resolution.units:
            return resolution.units
        target = resolution.target
        pdf = self._pdf(target.source)
        if pdf is not None:
            if target.pages:
                return [u for page in target.pages for u in pdf.passages(page)]
            return list(pdf.all_passages())
        if target.kind == "file" and self.corpus is not None:
            video = self.corpus.video(target.source)
            return [*video.segments, *video.keyframes]
        return []

    def _neighbour_units(self, resolution: Resolution) -> list[SourceUnit]:
        target = resolution.target
        if target.kind == "collection":
            return self._neighbour_chunks(resolution)
        pdf = self._pdf(target.source)
        if pdf is None or not target.pages:
            return []
        pages = _neighbours(target.pages, self.pack.thresholds.neighbour_pages)
        return [u for page in pages if 1 <= page <= pdf.page_count for u in pdf.passages(page)]

    def _neighbour_chunks(self, resolution: Resolution) -> list[SourceUnit]:
        target = resolution.target
        if self.corpus is None or resolution.match is None or not target.chunks:
            return []
        collection = self.corpus.collection(target.source)
        if collection is None:
            return []
        doc_index = resolution.match.doc_index
        wanted = _neighbours(target.chunks, self.pack.thresholds.neighbour_chunks)
        chunks = (collection.chunk(doc_index, n) for n in wanted if n >= 0)
        return [c for c in chunks if c is not None]

    def _other_pages(self, resolution: Resolution) -> list[SourceUnit]:
        pdf = self._pdf(resolution.target.source)
        if pdf is None or not resolution.target.pages:
            return []
        cited = set(resolution.target.pages)
        return [u for p in range(1, pdf.page_count + 1) if p not in cited for u in pdf.passages(p)]

    def _pdf(self, source: str) -> PdfDocument | None:
        if self.corpus is None or not source.casefold().endswith(".pdf"):
            return None
        return self.corpus.pdf(source)


class _UnitSet:
    """Units in insertion order without duplicates (same source, locator and text)."""

    def __init__(self) -> None:
        self.units: list[SourceUnit] = []
        self._keys: set[tuple[str, str, str]] = set()

    def add(self, units: Iterable[SourceUnit]) -> None:
        for unit in units:
            key = _unit_key(unit)
            if key not in self._keys:
                self._keys.add(key)
                self.units.append(unit)

    def __contains__(self, unit: SourceUnit) -> bool:
        return _unit_key(unit) in self._keys


def _unit_key(unit: SourceUnit) -> tuple[str, str, str]:
    return (unit.source, unit.locator, unit.text)


def _neighbours(numbers: list[int], distance: int) -> list[int]:
    """Numbers within ``distance`` of any of ``numbers``, excluding them, sorted."""
    cited = set(numbers)
    near = {n + d for n in cited for d in range(-distance, distance + 1)}
    return sorted(near - cited)


def _decided(
    part: str, verdict: Verdict, ranked: list[ScoredUnit], units: list[SourceUnit], texts: list[str]
) -> tuple[Verdict, list[ScoredUnit]]:
    """The judge's verdict through the decision layer, over every unit of the tier; the
    unit that states what the layer found (an aligned value) joins those shown."""
    decided = decide(part, verdict, texts)
    span = decided.evidence_span
    if not span or any(span in r.unit.text for r in ranked):
        return decided, ranked
    holder = next((u for u in units if span in u.text), None)
    if holder is None:
        return decided, ranked
    return decided, [ScoredUnit(unit=holder, score=0.0), *ranked]


def _judged_first(verdict: Verdict, ranked: list[ScoredUnit]) -> list[ScoredUnit]:
    """The units the judge saw, the one holding its evidence span first (judges only
    see texts, not locators)."""
    span = verdict.evidence_span or ""
    return sorted(ranked, key=lambda r: not (span and span in r.unit.text))


def _shown(verdict: Verdict, ranked: list[ScoredUnit]) -> list[Evidence]:
    """The windows the judge saw, with their locators, the judged one first."""
    order = _judged_first(verdict, ranked)
    return [Evidence(source=r.unit.source, locator=r.unit.locator, text=r.unit.text) for r in order]


def combine_verdicts(part_texts: list[str], verdicts: list[Verdict]) -> Verdict:
    """One verdict for a whole claim from the verdicts on its parts.

    Confirmed failures first: contradicted if a part's contradiction is confirmed,
    else unsupported if a part's lack of support is; then the grey zone
    (contradicted before unsupported); supported only if every part is. The score
    (P(supported)) is the weakest part's; the reason names the parts that failed.
    """
    if len(verdicts) == 1:
        return verdicts[0]
    label, confident = _combined_label(verdicts)
    failing = [(t, v) for t, v in zip(part_texts, verdicts, strict=True) if v.label != "supported"]
    weakest = min(verdicts, key=lambda v: v.score)
    reason = "; ".join(f"part '{text}' is {v.label}: {v.reason}" for text, v in failing)
    evidence: list[Evidence] = []
    for verdict in verdicts:
        evidence.extend(e for e in verdict.evidence if e not in evidence)
    return Verdict(
        label=label,
        score=weakest.score,
        confident=confident,
        backend=verdicts[0].backend,
        evidence=evidence,
        evidence_span=(failing[0][1] if failing else weakest).evidence_span,
        reason=reason or "every part is supported",
        conflicts=[c for v in verdicts for c in v.conflicts],
        replaced=label == "contradicted"
        and not confident
        and any(v.replaced for v in verdicts if v.label == label and not v.confident),
    )


def _worth_searching_elsewhere(verdict: Verdict) -> bool:
    """Not supported at the cited location, and not a confirmed contradiction there
    (the cited unit states another value: that is the finding, wherever else the
    claim's topic comes up)."""
    return verdict.label == "unsupported" or (
        verdict.label == "contradicted" and not verdict.confident
    )


def _combined_label(verdicts: list[Verdict]) -> tuple[Label, bool]:
    """The whole claim's label and whether it is confirmed, from its parts'."""
    for confident in (True, False):
        for label in ("contradicted", "unsupported"):
            if any(v.label == label and v.confident == confident for v in verdicts):
                return label, confident
    return "supported", True


def gloss_scores(claim: str, texts: Sequence[str]) -> Sequence[float]:
    """Dictionary coverage of the claim by each text: finds English windows for a
    Chinese claim without embedding them (the retrieval prefilter)."""
    from citecheck.judge.coverage import gloss_coverage

    return gloss_coverage(claim, texts).sentence_scores


def is_judged(claim: Claim) -> bool:
    """Whether the support rules judge ``claim``: cited, checkable, not only a video."""
    return bool(claim.citations) and is_checkable(claim) and not _cites_only_video(claim)


def _cites_only_video(claim: Claim) -> bool:
    targets = [t for citation in claim.citations for t in citation.targets]
    return bool(targets) and all(is_video_target(t) for t in targets)


def _request_text(request: tuple[list[str], list[SourceUnit]]) -> str:
    """A tier request (claim parts and units) as text, for its key in the derived store."""
    parts, units = request
    return json.dumps([parts, [u.model_dump(mode="json") for u in units]], ensure_ascii=False)


def make_support_service(
    corpus: Corpus | None,
    pack: RulePack,
    judge_config: JudgeConfig | dict[str, Any] | None = None,
    cache_dir: str | Path | None = None,
) -> SupportService:
    """The default service: the configured judge and e5 embeddings cached in SQLite.

    Thresholds the judge config leaves unset come from the rule pack. The cache
    lives in ``cache_dir``, else the corpus cache folder, else ``~/.cache/citecheck``.
    """
    folder = Path(cache_dir) if cache_dir else _default_cache_dir(corpus)
    judge, embedder = make_judge_and_embedder(pack, judge_config, folder)
    if corpus is not None and folder == Path(corpus.cache_dir):
        store = corpus.derived  # the PDFs' store: one connection to the file
    else:
        store = DerivedStore(folder / DERIVED_FILE)
    return SupportService(corpus, judge, embedder, pack, store)


def make_judge_and_embedder(
    pack: RulePack, judge_config: JudgeConfig | dict[str, Any] | None, cache_folder: Path
) -> tuple[Judge, Embedder]:
    """The configured judge and its embedder (caching in ``cache_folder``), which
    hold the models: callers that lint many corpora create them once and build a
    :class:`SupportService` per corpus around them."""
    from citecheck.judge.base import JudgeConfig
    from citecheck.judge.factory import make_judge

    if not isinstance(judge_config, JudgeConfig):
        thresholds = pack.thresholds
        defaults = {
            "supported_min": thresholds.supported_min,
            "unsupported_max": thresholds.unsupported_max,
            "contradicted_min": thresholds.contradicted_min,
        }
        defaults = {k: v for k, v in defaults.items() if v is not None}
        judge_config = JudgeConfig.model_validate({**defaults, **(judge_config or {})})
    embedder = CachedEmbedder(OnnxE5Embedder(), cache_folder / EMBEDDINGS_FILE)
    return make_judge(judge_config, embedder, cache_dir=cache_folder), embedder


def _default_cache_dir(corpus: Corpus | None) -> Path:
    if corpus is not None:
        return Path(corpus.cache_dir)
    return user_cache_dir()
