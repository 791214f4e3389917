"""Check every attribution in a report against the corpus.

:func:`assess_attributions` yields one :class:`AttributionOutcome` per named
person that could be checked or not: presenters against the video's meta and
speaker labels, authors and affiliations against the PDF's metadata, findings
against the citation markers of the passage that supports them, and years and
venues against the PDF's bibliography. The wrong-speaker rules (CC301–CC305)
each report one slice of these outcomes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from rapidfuzz import fuzz

from citecheck.attribution.markers import entries_for, find_markers, surname_of
from citecheck.attribution.matching import AliasBook, NameMatch, match_against
from citecheck.attribution.names import (
    NameMention,
    find_authors,
    find_finding_attributions,
    find_presenters,
    is_cjk_name,
)
from citecheck.attribution.overlap import rank_by_overlap
from citecheck.attribution.sources import pdf_for, pdf_targets, video_evidence
from citecheck.checks.base import LintContext
from citecheck.models import Citation, Claim, Evidence, SourceUnit

OutcomeKind = Literal["presenter", "author", "finding", "details"]
Verdict = Literal["ok", "wrong", "unverifiable"]

_DIARISATION_LABEL = re.compile(r"^(?:speaker|spk|说话人|发言人)[\s_\-]*\w{0,3}$", re.IGNORECASE)
_VENUE = re.compile(
    r"\b(ICLR|NeurIPS|NIPS|ICML|ACL|EMNLP|NAACL|AAAI|IJCAI|CVPR|ICCV|ECCV|COLING|TACL|JMLR)\b"
)
_AFFILIATION_SPLIT = re.compile(r"\s*(?:&|＆|;|；|、| and )\s*")


@dataclass
class AttributionOutcome:
    """One named person checked against the corpus."""

    kind: OutcomeKind
    verdict: Verdict
    claim: Claim
    name: str
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    fix: str | None = None
    citation: Citation | None = None


def assess_attributions(ctx: LintContext) -> Iterator[AttributionOutcome]:
    """Every attribution outcome of the report, in reading order."""
    for claim in ctx.report.claims:
        if claim.in_reference_list:
            continue
        yield from _assess_presenters(ctx, claim)
        yield from _assess_authors(ctx, claim)
        yield from _assess_findings(ctx, claim)


# ------------------------------------------------------------------ presenter


def _speaker_evidence(video_name: str, video: Any) -> tuple[list[str], list[Evidence]]:
    meta = video.meta
    names: list[str] = []
    evidence: list[Evidence] = []
    labelled = [("meta.presenter", meta.presenter)] if meta.presenter else []
    labelled += [("meta.speakers", name) for name in meta.speakers or []]
    for locator, name in labelled:
        if name not in names:
            names.append(name)
            evidence.append(Evidence(source=video_name, locator=locator, text=name))
    for segment in video.segments:
        speaker = (segment.speaker or "").strip()
        if speaker and not _DIARISATION_LABEL.match(speaker) and speaker not in names:
            names.append(speaker)
            evidence.append(Evidence(source=video_name, locator=segment.locator, text=speaker))
    return names, evidence


def _video_aliases(video: Any) -> AliasBook:
    book = AliasBook()
    book.add_mapping(getattr(video.meta, "aliases", None) or {})
    for text in [video.meta.title or "", *(s.text for s in video.segments)]:
        book.add_from_text(text)
    return book


def _assess_presenters(ctx: LintContext, claim: Claim) -> Iterator[AttributionOutcome]:
    mentions = find_presenters(claim.text)
    if not mentions:
        return
    video_name, video = video_evidence(ctx, claim)
    known, evidence = _speaker_evidence(video_name or "", video) if video else ([], [])
    aliases = _video_aliases(video) if video else AliasBook()
    for mention in mentions:
        if not known:
            yield AttributionOutcome(
                "presenter", "unverifiable", claim, mention.name,
                f"presenter '{mention.name}' cannot be checked: the folder has no transcript "
                "speaker labels or video meta naming the presenter",
                fix="add the video's transcript with speaker labels or a video.meta.json",
            )  # fmt: skip
            continue
        outcome = match_against(mention.name, known, aliases)
        presenter = video.meta.presenter if video else None
        yield _name_outcome(
            "presenter", outcome, claim, mention, [presenter] if presenter else known, evidence,
            what="the video names the presenter as" if presenter else "the video's speakers are",
        )  # fmt: skip


def _name_outcome(
    kind: OutcomeKind,
    outcome: NameMatch,
    claim: Claim,
    mention: NameMention,
    known: list[str],
    evidence: list[Evidence],
    *,
    what: str,
    citation: Citation | None = None,
) -> AttributionOutcome:
    listed = ", ".join(dict.fromkeys(known))
    if outcome is NameMatch.SAME:
        return AttributionOutcome(kind, "ok", claim, mention.name, "", evidence, citation=citation)
    if outcome is NameMatch.DIFFERENT:
        return AttributionOutcome(
            kind, "wrong", claim, mention.name,
            f"'{mention.name}' disagrees with the source: {what} {listed}",
            evidence, fix=f"replace '{mention.name}' with {listed}", citation=citation,
        )  # fmt: skip
    return AttributionOutcome(
        kind, "unverifiable", claim, mention.name,
        f"'{mention.name}' cannot be compared with {listed}: different scripts and no alias "
        "in the corpus says whether they are the same person",
        evidence, fix="write the name as the source does, or give an alias in the video meta",
        citation=citation,
    )  # fmt: skip


# ------------------------------------------------------------------ authors


def _pdf_aliases(pdf: Any) -> AliasBook:
    book = AliasBook()
    if pdf.page_count:
        book.add_from_text(pdf.page_text(1))
    return book


def _assess_authors(ctx: LintContext, claim: Claim) -> Iterator[AttributionOutcome]:
    mentions = find_authors(claim.text)
    if not mentions:
        return
    pdf_name, pdf = pdf_for(ctx, claim)
    if pdf is None:
        return
    meta = pdf.metadata
    known = list(meta.authors or [])
    evidence = [Evidence(source=pdf_name or "", locator="metadata.authors", text=", ".join(known))]
    for mention in mentions:
        if not known:
            yield AttributionOutcome(
                "author", "unverifiable", claim, mention.name,
                f"author '{mention.name}' cannot be checked: the PDF names no authors",
            )  # fmt: skip
            continue
        outcome = match_against(mention.name, known, _pdf_aliases(pdf))
        yield _name_outcome(
            "author", outcome, claim, mention, known, evidence, what="the paper's authors are"
        )
        if outcome is NameMatch.SAME and mention.affiliation:
            yield from _assess_affiliation(claim, mention, pdf_name or "", pdf)


def _assess_affiliation(
    claim: Claim, mention: NameMention, pdf_name: str, pdf: Any
) -> Iterator[AttributionOutcome]:
    listed = list(pdf.metadata.affiliations or [])
    haystack = " ".join(listed) or (pdf.page_text(1) if pdf.page_count else "")
    if not haystack.strip():
        return
    for part in _AFFILIATION_SPLIT.split(mention.affiliation or ""):
        if len(part) >= 3 and fuzz.partial_ratio(part.casefold(), haystack.casefold()) < 85:
            yield AttributionOutcome(
                "author", "wrong", claim, mention.name,
                f"affiliation '{part}' of {mention.name} is not in the paper",
                [Evidence(source=pdf_name, locator="metadata.affiliations", text=haystack[:300])],
                fix="copy the affiliation from the paper's first page",
            )  # fmt: skip


# ------------------------------------------------------------------ findings


def _finding_mentions(claim: Claim, citation: Citation) -> list[NameMention]:
    mentions = list(find_finding_attributions(claim.text))
    for attribution in citation.attributions:
        for name in attribution.names:
            mentions.append(NameMention(name, "finding", 0, 0, attribution.year))
    return mentions


def _cited_units(ctx: LintContext, citation: Citation, pdf: Any, pages: list[int]) -> list[Any]:
    resolved = [u for r in ctx.resolutions_for(citation) for u in r.units]
    if resolved:
        return resolved
    numbers = pages or list(range(1, pdf.page_count + 1))
    return [u for n in numbers if 1 <= n <= pdf.page_count for u in pdf.passages(n)]


def _supporting_unit(ctx: LintContext, claim: Claim, units: list[SourceUnit]) -> SourceUnit | None:
    if ctx.judge_units is not None:
        judgement = ctx.judge_units(claim, units)
        if judgement is not None and judgement.best_unit is not None:
            return judgement.best_unit
    ranked = rank_by_overlap(claim.text, units, k=1)
    return ranked[0].unit if ranked and ranked[0].score > 0 else None


def _assess_findings(ctx: LintContext, claim: Claim) -> Iterator[AttributionOutcome]:
    for citation, target in pdf_targets(claim):
        mentions = _finding_mentions(claim, citation)
        if not mentions or ctx.corpus is None:
            continue
        pdf = ctx.corpus.pdf(target.source)
        if pdf is None:
            continue
        bibliography = list(pdf.bibliography())
        unit = _supporting_unit(ctx, claim, _cited_units(ctx, citation, pdf, target.pages))
        for mention in _dedupe(mentions):
            if unit is not None:
                yield _finding_outcome(claim, citation, mention, unit, pdf, bibliography)
            yield from _details_outcome(claim, citation, mention, target.source, bibliography)


def _dedupe(mentions: list[NameMention]) -> list[NameMention]:
    seen: dict[str, NameMention] = {}
    for mention in mentions:
        key = surname_of(mention.name).casefold()
        if key not in seen or (seen[key].year is None and mention.year is not None):
            seen[key] = mention
    return list(seen.values())


def _finding_outcome(
    claim: Claim,
    citation: Citation,
    mention: NameMention,
    unit: SourceUnit,
    pdf: Any,
    bibliography: list[Any],
) -> AttributionOutcome:
    markers = find_markers(unit.text, bibliography)
    evidence = [Evidence(source=unit.source, locator=unit.locator, text=unit.text[:400])]
    if markers:
        known = [s for m in markers for s in m.surnames]
        what = f"the passage cites {', '.join(m.text for m in markers)}, naming"
    else:
        known = list(pdf.metadata.authors or [])
        what = "the passage gives no citation, so it is the paper's own work, by"
    if not known:
        return AttributionOutcome(
            "finding", "unverifiable", claim, mention.name,
            f"no one is named for this statement in {unit.locator}", evidence,
            citation=citation,
        )  # fmt: skip
    name = mention.name if is_cjk_name(mention.name) else surname_of(mention.name)
    outcome = match_against(name, known)
    return _name_outcome(
        "finding", outcome, claim, mention, known, evidence, what=what, citation=citation
    )


def _details_outcome(
    claim: Claim, citation: Citation, mention: NameMention, pdf_name: str, bibliography: list[Any]
) -> Iterator[AttributionOutcome]:
    if is_cjk_name(mention.name):
        return
    entries = entries_for(surname_of(mention.name), bibliography)
    if not entries:
        return
    evidence = [
        Evidence(source=pdf_name, locator=f"references, page {e.page}", text=e.raw) for e in entries
    ]
    if mention.year is not None and all(e.year != mention.year for e in entries):
        years = ", ".join(str(e.year) for e in entries)
        yield AttributionOutcome(
            "details", "wrong", claim, mention.name,
            f"{mention.name} is dated {mention.year}, but the bibliography has {years}",
            evidence, fix=f"use the year from the reference list ({years})", citation=citation,
        )  # fmt: skip
    venue = _VENUE.search(claim.text[mention.end : mention.end + 40]) if mention.end else None
    listed_venues = [(e.venue or e.raw).casefold() for e in entries]
    if venue and not any(venue.group(1).casefold() in v for v in listed_venues):
        yield AttributionOutcome(
            "details", "wrong", claim, mention.name,
            f"{mention.name} is placed at {venue.group(1)}, which the bibliography does not say",
            evidence, fix="use the venue from the reference list", citation=citation,
        )  # fmt: skip
