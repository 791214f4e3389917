"""Who wrote what: authors, first and corresponding authors, and credited findings.

Authors and affiliations a report lists are compared with the PDF's author
block (markers stripped, roles read from the marks, see
:mod:`citecheck.corpus.authorblock`); "X is the first / corresponding author"
with the author holding that role; a finding credited to X with the citation
markers of the sentence that backs it (or with the paper's own authors when it
cites nobody); the year and venue given with an attributed work with the
bibliography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.attribution.affiliations import (
    compare_affiliation,
    paper_affiliations,
    split_affiliations,
    split_roles,
)
from citecheck.attribution.markers import (
    Marker,
    attached_markers,
    entries_for,
    find_markers,
    surname_of,
)
from citecheck.attribution.matching import AliasBook, NameMatch, match_against
from citecheck.attribution.names import (
    NameMention,
    find_author_roles,
    find_authors,
    find_finding_attributions,
    is_cjk_name,
)
from citecheck.attribution.outcomes import AttributionOutcome
from citecheck.attribution.overlap import rank_by_overlap, tokens
from citecheck.attribution.stage import Sources
from citecheck.attribution.verdicts import match_people, name_outcome
from citecheck.corpus.authorblock import AuthorBlock
from citecheck.corpus.pdf import BibEntry, PdfDocument
from citecheck.models import Citation, Claim, Evidence, SourceUnit
from citecheck.report.claims import claim_body
from citecheck.textutil import plain_sentences

_VENUE = re.compile(
    r"\b(ICLR|NeurIPS|NIPS|ICML|ACL|EMNLP|NAACL|AAAI|IJCAI|CVPR|ICCV|ECCV|COLING|TACL|JMLR)\b"
)


def assess_paper_people(sources: Sources, claim: Claim) -> list[AttributionOutcome]:
    """Outcomes for the authors, author roles and credited findings a claim names."""
    outcomes = [
        *_authors(sources, claim),
        *_author_roles(sources, claim),
        *_findings(sources, claim),
        *_writers_own_work(sources, claim),
    ]
    unique = {(o.kind, o.name, o.verdict, o.message): o for o in outcomes}
    return list(unique.values())


def _pdf_aliases(sources: Sources, pdf: PdfDocument) -> AliasBook:
    """Names the first page writes both ways ('Yi Ren（任毅）'), read once per report."""

    def read() -> AliasBook:
        book = AliasBook()
        if pdf.page_count:
            book.add_from_text(pdf.page_text(1))
        return book

    aliases: AliasBook = sources.memo(f"pdf-aliases:{pdf.name}", read)
    return aliases


def _block_evidence(pdf_name: str, block: AuthorBlock) -> list[Evidence]:
    listed = ", ".join(
        " ".join(a.names) + (f" ({', '.join(a.roles)})" if a.roles else "") for a in block.authors
    )
    return [Evidence(source=pdf_name, locator="page 1, author block", text=listed)]


def _cited_paper(sources: Sources, claim: Claim) -> tuple[str, PdfDocument, AuthorBlock] | None:
    """The PDF the claim cites, by name, with its first-page author block."""
    pdf_name, pdf = sources.pdf(claim)
    if pdf is None:
        return None
    return pdf_name or "", pdf, sources.author_block(pdf)


def _authors(sources: Sources, claim: Claim) -> list[AttributionOutcome]:
    mentions = find_authors(claim.text)
    paper = _cited_paper(sources, claim) if mentions else None
    if paper is None:
        return []
    pdf_name, pdf, block = paper
    known = [name for a in block.authors for name in a.names]
    evidence = _block_evidence(pdf_name, block)
    outcomes = []
    for mention in mentions:
        if not known:
            outcomes.append(
                AttributionOutcome(
                    kind="author",
                    verdict="unverifiable",
                    claim=claim,
                    name=mention.name,
                    message=f"author '{mention.name}' cannot be checked: the PDF names no authors",
                )
            )
            continue
        people = [a.names for a in block.authors]
        match = match_people(mention.name, people, _pdf_aliases(sources, pdf))
        outcomes.append(
            name_outcome(
                kind="author",
                match=match,
                claim=claim,
                name=mention.name,
                known=known,
                evidence=evidence,
                what="the paper's authors are",
            )
        )
        if match is not NameMatch.SAME or not mention.affiliation:
            continue
        affiliation, roles = split_roles(mention.affiliation)
        outcomes += _affiliation(sources, claim, mention.name, affiliation, pdf_name, pdf, block)
        for role in roles:
            outcome = _role_outcome(sources, claim, mention.name, role, pdf_name, pdf, block)
            outcomes += [outcome] if outcome else []
    return outcomes


def _affiliation(
    sources: Sources,
    claim: Claim,
    name: str,
    affiliation: str,
    pdf_name: str,
    pdf: PdfDocument,
    block: AuthorBlock,
) -> list[AttributionOutcome]:
    """A ``wrong`` outcome for each affiliation that certainly names an institution the first
    page does not (see :mod:`citecheck.attribution.affiliations`); nothing otherwise."""
    page = pdf.page_text(1) if pdf.page_count else ""
    if not (block.affiliations or page.strip()):
        return []
    basis = sources.memo(
        f"affiliations:{pdf.name}", lambda: paper_affiliations(block.affiliations, page)
    )
    listed = "; ".join(block.affiliations) or page[:300]
    evidence = [Evidence(source=pdf_name, locator="page 1, affiliations", text=listed[:300])]
    return [
        AttributionOutcome(
            kind="author",
            verdict="wrong",
            claim=claim,
            name=name,
            message=f"affiliation '{part}' of {name} is not in the paper, which lists {listed}",
            evidence=evidence,
            fix="copy the affiliation from the paper's first page",
        )
        for part in split_affiliations(affiliation)
        if compare_affiliation(part, basis) is NameMatch.DIFFERENT
    ]


def _author_roles(sources: Sources, claim: Claim) -> list[AttributionOutcome]:
    mentions = find_author_roles(claim.text)
    paper = _cited_paper(sources, claim) if mentions else None
    if paper is None:
        return []
    pdf_name, pdf, block = paper
    outcomes = []
    for mention in mentions:
        outcome = _role_outcome(
            sources, claim, mention.name, mention.role or "first", pdf_name, pdf, block
        )
        outcomes += [outcome] if outcome else []
    return outcomes


def _role_outcome(
    sources: Sources,
    claim: Claim,
    name: str,
    role: str,
    pdf_name: str,
    pdf: PdfDocument,
    block: AuthorBlock,
) -> AttributionOutcome | None:
    """``name`` said to hold an author role (first, corresponding, equal) against the
    author the paper's marks give it."""
    holders = block.with_role(
        "first" if role == "first" else "equal" if role == "equal" else "corresponding"
    )
    if not holders:
        if not block.authors or role == "equal":
            return None
        return AttributionOutcome(
            kind="author-role",
            verdict="unverifiable",
            claim=claim,
            name=name,
            message=f"'{name}' is called the {role} author, but the paper marks no {role} author",
            evidence=_block_evidence(pdf_name, block),
        )
    match = match_people(name, [h.names for h in holders], _pdf_aliases(sources, pdf))
    if role == "equal" and match is not NameMatch.SAME:
        return None  # equal contribution is often left unmarked
    return name_outcome(
        kind="author-role",
        match=match,
        claim=claim,
        name=name,
        known=[h.name for h in holders],
        evidence=_block_evidence(pdf_name, block),
        what=f"the paper's {role} author is",
    )


# ------------------------------------------------------------------ findings


def _finding_mentions(claim: Claim, citation: Citation) -> list[NameMention]:
    mentions = list(find_finding_attributions(claim.text))
    for attribution in citation.attributions:
        for name in attribution.names:
            mentions.append(NameMention(name, "finding", 0, 0, attribution.year))
    return mentions


def _cited_units(
    sources: Sources, citation: Citation, pdf: PdfDocument, pages: list[int]
) -> list[SourceUnit]:
    resolved = [u for r in sources.resolutions_for(citation) for u in r.units]
    if resolved:
        return resolved
    numbers = pages or list(range(1, pdf.page_count + 1))
    return [u for n in numbers if 1 <= n <= pdf.page_count for u in pdf.passages(n)]


def _supporting_unit(sources: Sources, claim: Claim, units: list[SourceUnit]) -> SourceUnit | None:
    judgement = sources.judge(claim, units)
    if judgement is not None and judgement.best_unit is not None:
        best = judgement.best_unit  # may be one sentence of a unit: give the whole unit
        same = (u for u in units if (u.source, u.locator) == (best.source, best.locator))
        return next(same, best)
    ranked = rank_by_overlap(claim.text, units, k=1)
    return ranked[0].unit if ranked and ranked[0].score > 0 else None


def _supporting_sentence(claim: Claim, mention: NameMention, unit: SourceUnit) -> str:
    """The sentence of the passage sharing most content with the claim, not counting
    the credited name and year (they say who, not what); the whole passage when no
    sentence shares anything."""
    wanted = tokens(claim_body(claim)) - tokens(f"{mention.name} {mention.year or ''}")
    # lines of a PDF passage are not sentences, nor does one end inside "et al."
    text = re.sub(r"\s*\n\s*", " ", unit.text).replace("et al.", "et al")
    scored = [(len(wanted & tokens(s)), s) for s in plain_sentences(text)]
    best = max(scored, default=(0, unit.text))
    return best[1] if best[0] > 0 else unit.text


def _findings(sources: Sources, claim: Claim) -> list[AttributionOutcome]:
    outcomes: list[AttributionOutcome] = []
    corpus = sources.inputs.corpus
    for citation, target in sources.pdf_targets(claim):
        mentions = _finding_mentions(claim, citation)
        if not mentions or corpus is None:
            continue
        pdf = corpus.pdf(target.source)
        if pdf is None:
            continue
        bibliography = sources.bibliography(pdf)
        units = _cited_units(sources, citation, pdf, target.pages)
        named = _named_works(claim, mentions, [*units, *pdf.all_passages()], bibliography)
        unit = None if named else _supporting_unit(sources, claim, units)
        for mention in _dedupe(mentions):
            if named:
                outcomes.append(_named_work_finding(claim, citation, mention, named))
            elif unit is not None:
                found = _finding(sources, claim, citation, mention, unit, pdf, bibliography)
                outcomes += [found] if found is not None else []
            outcomes += _details(claim, citation, mention, target.source, bibliography)
    return outcomes


_AUTHORS_VOICE = re.compile(r"\b(?:we|our|us)\b|本文|我们|本研究", re.IGNORECASE)
"""The paper speaking of its own work: 'We find…', '本文提出…'."""
_WORK_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[A-Z][A-Z0-9]{2,}[a-z]*)(?![\w-])"
)
"""A method or model as papers name it: HeavyKeep, StreamingLLM, H2O, SnapKV, BERT."""


@dataclass(frozen=True)
class _NamedWork:
    """A work the claim names, with the markers the paper writes right after it."""

    term: str
    markers: list[Marker]
    unit: SourceUnit


def _named_works(
    claim: Claim, mentions: list[NameMention], units: list[SourceUnit], bibliography: list[BibEntry]
) -> list[_NamedWork]:
    """The works the claim names ("HeavyKeep 由 X 提出") that the paper credits with a
    marker written right after the name ("HeavyKeep (Marwick et al., 2023)"), searched in the
    cited passages first, then in the whole paper."""
    credited = {m.name.casefold() for m in mentions}
    terms = dict.fromkeys(
        t for t in _WORK_NAME.findall(claim_body(claim)) if t.casefold() not in credited
    )
    works = []
    for term in terms:
        for unit in units:
            markers = attached_markers(unit.text, term, bibliography)
            if markers:
                works.append(_NamedWork(term, markers, unit))
                break
    return works


def _named_work_finding(
    claim: Claim, citation: Citation, mention: NameMention, works: list[_NamedWork]
) -> AttributionOutcome:
    known = [s for w in works for m in w.markers for s in m.surnames]
    credited = "; ".join(f"{w.term} ({', '.join(m.text for m in w.markers)})" for w in works)
    name = mention.name if is_cjk_name(mention.name) else surname_of(mention.name)
    return name_outcome(
        kind="finding",
        match=match_against(name, known),
        claim=claim,
        name=mention.name,
        known=known,
        evidence=[
            Evidence(source=w.unit.source, locator=w.unit.locator, text=w.unit.text[:400])
            for w in works
        ],
        what=f"the paper credits {credited}, naming",
        citation=citation,
    )


_CITES = r"(?:\bcit(?:es|ed|ing)|\brefers to|引用了?|援引)\s*"
"""What a claim says just before a name it says the paper cites ("the paper cites Chow")."""


def _says_cited(text: str, name: str) -> bool:
    """Whether the claim says the paper cites ``name`` rather than crediting it with a
    finding ("the paper cites Chow (1970) and …", "论文引用了 Chow 1970")."""
    return re.search(_CITES + re.escape(name), text, re.IGNORECASE) is not None


def _cited_elsewhere(
    name: str,
    unit: SourceUnit,
    bibliography: list[BibEntry],
    pdf: PdfDocument | None = None,
) -> bool:
    """Whether another citation of the cited passage names ``name`` ("TieMerge (Osei and
    Lindahl, 2023)" beside "DareDrop (Kimura et al., 2024)"), or, given the ``pdf``, of
    the cited page ("the paper cites Chow (1970)", while the sentence the judge chose is
    the authors' own)."""
    texts = [p.text for p in pdf.passages(unit.page)] if pdf and unit.page else [unit.text]
    named = [s for text in texts for m in find_markers(text, bibliography) for s in m.surnames]
    return match_against(name, named) is NameMatch.SAME


def _dedupe(mentions: list[NameMention]) -> list[NameMention]:
    seen: dict[str, NameMention] = {}
    for mention in mentions:
        key = surname_of(mention.name).casefold()
        if key not in seen or (seen[key].year is None and mention.year is not None):
            seen[key] = mention
    return list(seen.values())


def _finding(
    sources: Sources,
    claim: Claim,
    citation: Citation,
    mention: NameMention,
    unit: SourceUnit,
    pdf: PdfDocument,
    bibliography: list[BibEntry],
) -> AttributionOutcome | None:
    """Who the backing sentence credits: the works it cites, else, when it speaks in
    the first person, the paper's authors; None when it says neither."""
    sentence = _supporting_sentence(claim, mention, unit)
    markers = find_markers(sentence, bibliography)
    evidence = [Evidence(source=unit.source, locator=unit.locator, text=sentence[:400])]
    if markers:
        people = [[s] for m in markers for s in m.surnames]
        what = f"the passage cites {', '.join(m.text for m in markers)}, naming"
    elif _AUTHORS_VOICE.search(sentence):
        people = [a.names for a in sources.author_block(pdf).authors]
        what = "the passage presents it as the paper's own work, by"
    else:
        return None  # no citation and no "we": whose work it is, the passage does not say
    known = [name for person in people for name in person]
    if not known:
        return AttributionOutcome(
            kind="finding",
            verdict="unverifiable",
            claim=claim,
            name=mention.name,
            message=f"no one is named for this statement in {unit.locator}",
            evidence=evidence,
            citation=citation,
        )
    name = mention.name if is_cjk_name(mention.name) else surname_of(mention.name)
    match = match_people(name, people)
    # "the paper cites Chow (1970)" credits a citation: any citation of the page states it
    page = pdf if _says_cited(claim.text, mention.name) else None
    elsewhere = (markers or page) and _cited_elsewhere(name, unit, bibliography, page)
    if match is NameMatch.DIFFERENT and elsewhere:
        return None  # the passage cites this person too: the sentence chosen may be another's
    return name_outcome(
        kind="finding",
        match=match,
        claim=claim,
        name=mention.name,
        known=known,
        evidence=evidence,
        what=what,
        citation=citation,
    )


def _details(
    claim: Claim,
    citation: Citation,
    mention: NameMention,
    pdf_name: str,
    bibliography: list[BibEntry],
) -> list[AttributionOutcome]:
    if is_cjk_name(mention.name):
        return []
    entries = entries_for(surname_of(mention.name), bibliography)
    if not entries:
        return []
    evidence = [
        Evidence(source=pdf_name, locator=f"references, page {e.page}", text=e.raw) for e in entries
    ]
    outcomes = []
    if mention.year is not None and all(e.year != mention.year for e in entries):
        years = ", ".join(str(e.year) for e in entries)
        outcomes.append(
            AttributionOutcome(
                kind="details",
                verdict="wrong",
                claim=claim,
                name=mention.name,
                message=f"{mention.name} is dated {mention.year}, but the bibliography has {years}",
                evidence=evidence,
                fix=f"use the year from the reference list ({years})",
                citation=citation,
            )
        )
    venue = _VENUE.search(claim.text[mention.end : mention.end + 40]) if mention.end else None
    listed_venues = [(e.venue or e.raw).casefold() for e in entries]
    if venue and not any(venue.group(1).casefold() in v for v in listed_venues):
        outcomes.append(
            AttributionOutcome(
                kind="details",
                verdict="wrong",
                claim=claim,
                name=mention.name,
                message=f"{mention.name} is placed at {venue.group(1)}, which the bibliography "
                "does not say",
                evidence=evidence,
                fix="use the venue from the reference list",
                citation=citation,
            )
        )
    return outcomes


# ------------------------------------------------- a blog writer's own work

_PAPER_AUTHORS = re.compile(
    r"^[^，。；,;]{0,16}?(?:(?:论文|原文|本文)的|(?<![笔博帖主的])(?:论文|原文|本文)?)作者"
    r"(?:们|团队)?(?![：:])"
    r"|^[^,;.]{0,40}?\b[Tt]he (?:paper's |original )?authors\b(?! of (?:the|this) (?:blog|post))"
)
"""The claim credits the paper's authors: '作者还在…', 'The authors also measured…' (not
the writer of something else: '知乎速读的作者按 token 数粗算')."""
_FIRST_PERSON = re.compile(
    r"笔者|本人|博主|我们?(?:自己|用|在|跑|复现|实测|测了|测试|试了|尝试)|我自己"
    r"|\b(?:I|we) (?:reproduced|re-ran|reran|ran|tried|tested|measured|benchmarked)\b"
    r"|\b(?:my|our) own\b"
)
"""The writer of a blog post speaking of their own run: 笔者复现, 我用…跑了, "we reproduced"."""
_CREDITS_WRITER = re.compile(
    r"博主|笔者|博文作者|博客作者|文章作者|帖主|\bblogger\b"
    r"|\b(?:the|a) (?:blog )?post'?s? (?:author|writer)\b"
    r"|\b(?:the|its) (?:blog's )?(?:author|writer) of (?:the|this|a) (?:blog|post)\b",
    re.IGNORECASE,
)
"""The claim credits the blog post's writer ("一位博主用作者开源的模型跑了…"): the
作者 it also names owns the model, not the run."""
_THIRD_PERSON = re.compile(r"作者|论文|原文|\b(?:the|The) (?:authors|paper)\b")


def _writers_own_work(sources: Sources, claim: Claim) -> list[AttributionOutcome]:
    """What a cited blog post's writer did (笔者复现…, "we reproduced on our RTX 4090")
    credited to the paper's authors: an error when the paragraph of the cited chunk that
    states the claim speaks in the first person and refers to the authors in the third."""
    body = claim_body(claim)
    if not _PAPER_AUTHORS.search(body) or _CREDITS_WRITER.search(body):
        return []
    outcomes = []
    for citation in claim.citations:
        units = [
            u
            for r in sources.resolutions_for(citation)
            if r.status == "resolved"
            for u in r.units
            if u.kind == "chunk"
        ]
        unit = _supporting_unit(sources, claim, units) if units else None
        if unit is None or not _THIRD_PERSON.search(unit.text):
            continue
        paragraph = _stating_paragraph(claim, unit.text)
        own = _FIRST_PERSON.search(paragraph) if paragraph else None
        if paragraph is None or own is None:
            continue
        where = f'"{unit.title}", {unit.locator}' if unit.title else unit.locator
        outcomes.append(
            AttributionOutcome(
                kind="finding",
                verdict="wrong",
                claim=claim,
                name="作者" if re.search("作者", claim.text) else "the authors",
                message=f"this is credited to the paper's authors, but {where} reports the "
                f"writer's own work ('{own.group(0)}'): {paragraph[:80]}",
                evidence=[Evidence(source=unit.source, locator=unit.locator, text=paragraph)],
                fix="credit the blog post's writer, or cite the paper for the authors' results",
                citation=citation,
            )
        )
    return outcomes


def _stating_paragraph(claim: Claim, text: str) -> str | None:
    """The paragraph (line) of a chunk sharing most content with the claim, None when none
    shares anything."""
    wanted = tokens(claim_body(claim))
    scored = [(len(wanted & tokens(p)), p.strip()) for p in text.splitlines() if p.strip()]
    best = max(scored, default=(0, ""))
    return best[1] if best[0] > 0 else None
