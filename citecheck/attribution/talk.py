"""Who did what in a talk: presenter, moderator, audience, and who said a remark.

The cast of a talk comes from its meta (names, aliases, roles) and its
transcript's speaker labels. A presenter or role named in the report is
compared with the person the meta gives that role; a remark credited to X
("X在讲座中强调…", "X said that…") is compared with the speaker of the
transcript turn that backs it. Precision first: a ``wrong`` verdict needs
positive evidence of a different person (in the same role, or in the turn that
says it); anything less is ``unverifiable`` or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.attribution.crosslingual import glossed_coverage, is_across_languages
from citecheck.attribution.matching import AliasBook, NameIndex, NameMatch
from citecheck.attribution.names import (
    NameMention,
    credited_part,
    find_presenters,
    find_speakers,
    find_talk_roles,
    is_cjk_name,
    remark_content,
    remark_said,
)
from citecheck.attribution.outcomes import AttributionOutcome
from citecheck.attribution.overlap import rank_by_overlap
from citecheck.attribution.stage import Sources
from citecheck.attribution.verdicts import match_people, match_person, name_outcome, shown
from citecheck.corpus.sidecars import is_interpreter
from citecheck.corpus.video import VideoEvidence
from citecheck.models import Claim, Evidence, SourceUnit
from citecheck.report.claims import content_size

REMARK_OVERLAP_MIN = 0.5
"""Share of a remark's tokens a turn must hold to back it, without a judge."""
REMARK_CONTENT_MIN = 4
"""A remark must say at least this much (CJK characters plus Latin words) to be looked
for in the transcript."""


@dataclass
class Person:
    """One person of the talk: every spelling of the name, and the role if known."""

    names: list[str]
    role: str | None = None
    evidence: Evidence | None = None
    interpreter: bool = False


class Cast:
    """The people of one talk, and the aliases that tie their spellings together.

    The aliases are complete before the first person is added (a person is filed
    under the aliases of its names, :class:`~citecheck.attribution.matching.NameIndex`).
    """

    def __init__(self, video_name: str, aliases: AliasBook | None = None) -> None:
        self.video_name = video_name
        self.aliases = aliases or AliasBook()
        self.people: list[Person] = []
        self._index: NameIndex[Person] = NameIndex(self.aliases)

    def add(self, person: Person) -> None:
        """Add ``person`` to the cast."""
        self.people.append(person)
        self._index.add(person, person.names)

    @property
    def chinese_names(self) -> frozenset[str]:
        """Every spelling of a cast member's name in Chinese characters."""
        return frozenset(n for p in self.people for n in p.names if is_cjk_name(n))

    def holding(self, role: str) -> list[Person]:
        """The people the meta gives ``role``."""
        return [p for p in self.people if p.role == role]

    def matching(self, name: str) -> Person | None:
        """The person ``name`` certainly denotes, if any."""
        return next(
            (
                p
                for p in self._index.candidates(name)
                if match_person(name, p.names, self.aliases) is NameMatch.SAME
            ),
            None,
        )


def cast_of(video_name: str, video: VideoEvidence) -> Cast:
    """The cast from the meta (presenter first) and the transcript's speaker labels."""
    meta = video.meta
    presenter = video.presenter
    records = [*([presenter] if presenter else []), *meta.speakers]
    aliases = AliasBook()
    aliases.add_mapping(meta.aliases)
    for text in [meta.title or "", *(s.text for s in video.segments)]:
        aliases.add_from_text(text)
    for record in records:
        aliases.add(record.names)
    cast = Cast(video_name, aliases)
    for record in records:
        if cast.matching(record.name) is None:
            role = "presenter" if record is presenter else record.normal_role
            cast.add(
                Person(
                    names=record.names,
                    role=role or record.normal_role,
                    evidence=Evidence(source=video_name, locator="meta", text=shown(record.names)),
                    interpreter=is_interpreter(record.role),
                )
            )
    if meta.moderator and cast.matching(meta.moderator) is None:
        cast.add(Person([meta.moderator], "moderator"))
    for segment in video.segments:
        if segment.speaker and cast.matching(segment.speaker) is None:
            cast.add(
                Person(
                    names=[segment.speaker],
                    evidence=Evidence(
                        source=video_name, locator=segment.locator, text=segment.speaker
                    ),
                )
            )
    return cast


def assess_talk_people(sources: Sources, claim: Claim) -> list[AttributionOutcome]:
    """Outcomes for the presenters, roles and remarks a claim names."""
    video_name, video = sources.video(claim)
    name = video_name or ""
    cast: Cast = sources.memo(f"cast:{name}", lambda: cast_of(name, video)) if video else Cast(name)
    known = cast.chinese_names
    presenters = find_presenters(claim.text, known)
    roles = find_talk_roles(claim.text, known)
    remarks = find_speakers(claim.text, known) if _about_video(sources, claim) else []
    if not (presenters or roles or remarks):
        return []
    outcomes = [_presenter(cast, claim, m) for m in presenters]
    outcomes += [o for m in roles if (o := _role(cast, claim, m))]
    if video is not None:
        outcomes += [o for m in remarks if (o := _remark(sources, cast, video, claim, m, remarks))]
    return outcomes


def _about_video(sources: Sources, claim: Claim) -> bool:
    from citecheck.attribution.video import is_video_claim

    return is_video_claim(sources, claim)


def _evidence(people: list[Person]) -> list[Evidence]:
    return [p.evidence for p in people if p.evidence is not None]


def _presenter(cast: Cast, claim: Claim, mention: NameMention) -> AttributionOutcome:
    if not cast.people:
        return AttributionOutcome(
            kind="presenter",
            verdict="unverifiable",
            claim=claim,
            name=mention.name,
            message=f"presenter '{mention.name}' cannot be checked: the folder has no "
            "transcript speaker labels or video meta naming the presenter",
            fix="add the video's transcript with speaker labels or a video.meta.json",
        )
    holders = cast.holding("presenter")
    people = holders or cast.people
    match = match_people(mention.name, [p.names for p in people], cast.aliases)
    what = "the video names the presenter as" if holders else "the video's speakers are"
    outcome = name_outcome(
        kind="presenter",
        match=match,
        claim=claim,
        name=mention.name,
        known=[shown(p.names) for p in people],
        evidence=_evidence(people),
        what=what,
    )
    return _with_actual_role(outcome, cast, mention.name)


def _with_actual_role(outcome: AttributionOutcome, cast: Cast, name: str) -> AttributionOutcome:
    """A wrong outcome says what role the named person really had, when the cast says."""
    person = cast.matching(name)
    if outcome.verdict != "wrong" or person is None or person.role is None:
        return outcome
    return outcome.model_copy(
        update={"message": f"{outcome.message}; {shown(person.names)} is the {person.role}"}
    )


def _role(cast: Cast, claim: Claim, mention: NameMention) -> AttributionOutcome | None:
    role = mention.role or ""
    holders = cast.holding(role)
    if not holders:
        person = cast.matching(mention.name)
        if person is None or person.role is None or person.role == role:
            return None  # nobody is known to hold the role: no evidence either way
        return AttributionOutcome(
            kind="role",
            verdict="wrong",
            claim=claim,
            name=mention.name,
            message=f"'{mention.name}' is called the {role}, but the video gives "
            f"{shown(person.names)} as the {person.role}",
            evidence=_evidence([person]),
            fix=f"give {mention.name} the role the video gives",
        )
    match = match_people(mention.name, [p.names for p in holders], cast.aliases)
    outcome = name_outcome(
        kind="role",
        match=match,
        claim=claim,
        name=mention.name,
        known=[shown(p.names) for p in holders],
        evidence=_evidence(holders),
        what=f"the video names the {role} as",
    )
    return _with_actual_role(outcome, cast, mention.name)


def _backing_turn(sources: Sources, claim: Claim, turns: list[SourceUnit]) -> SourceUnit | None:
    """The transcript turn that backs the claim, None when none does: the judge's
    best unit, else (an English remark on a Chinese turn, which the judge cannot
    read) the turn rendering most of it through the dictionary."""
    judgement = sources.judge(claim, turns)
    backed = judgement is not None and judgement.verdict.label == "supported"
    if backed and judgement is not None and judgement.best_unit is not None:
        return judgement.best_unit
    content = remark_content(claim.text) or claim.text
    if is_across_languages(content, turns):
        coverage, turn = glossed_coverage(content, turns)
        return turn if coverage >= REMARK_OVERLAP_MIN else None
    if judgement is not None:
        return None
    ranked = rank_by_overlap(claim.text, turns, k=1)
    return ranked[0].unit if ranked and ranked[0].score >= REMARK_OVERLAP_MIN else None


CITED_TIME_SLACK_S = 2.0
"""How far before a turn a cited timestamp may fall and still point at it (no turn holds it)."""


def _turns_at_cited_times(claim: Claim, turns: list[SourceUnit]) -> list[SourceUnit]:
    """The turns each of the claim's video citations points at: those overlapping the
    cited second (a ``13:08`` covers 788–789 s, so a turn ending at 787.6 is not
    pointed at and one starting at 788.1 is), else one starting within
    :data:`CITED_TIME_SLACK_S` after it."""
    times = [t for c in claim.citations for target in c.targets for t in target.times]
    pointed = []
    for time in times:
        spans = [(u, u.start, u.end or u.start) for u in turns if u.start is not None]
        holding = [u for u, start, end in spans if start < time + 1 and end > time]
        slack = CITED_TIME_SLACK_S
        near = [u for u, start, _ in spans if 0 < start - time <= slack]
        pointed += holding or near[:1]
    return pointed


def _no_weaker(sources: Sources, claim: Claim, own: list[SourceUnit], other: SourceUnit) -> bool:
    """Whether the judge backs the claim by the named person's turns at least as plainly
    as by the other speaker's turn (a short remark is "backed" by an unrelated turn of
    the moderator's introduction, at a lower score than by the question itself)."""
    mine, theirs = sources.judge(claim, own), sources.judge(claim, [other])
    if mine is None or theirs is None:
        return True
    return mine.verdict.score >= theirs.verdict.score


def _interpreted(cast: Cast, turns: list[SourceUnit], turn: SourceUnit) -> Person | None:
    """The person whose words an interpreter's ``turn`` renders: the speaker of the turn
    just before it, when that is someone else (an interpreter's turn after their own is
    their own remark)."""
    at = turn.start
    earlier = [
        (t.start, t) for t in turns if t.start is not None and at is not None and t.start < at
    ]
    if not earlier:
        return None
    previous = max(earlier, key=lambda pair: pair[0])[1]
    rendered = cast.matching(previous.speaker or "")
    return rendered if rendered is not cast.matching(turn.speaker or "") else None


def _words_favour(said: str, own: list[SourceUnit], other: SourceUnit) -> bool:
    """Whether a turn of the credited person holds more of the remark's words than the
    other speaker's turn the judge chose (an answer read against the question before it)."""
    mine = rank_by_overlap(said, own, k=1)
    theirs = rank_by_overlap(said, [other], k=1)
    return bool(mine) and mine[0].score > (theirs[0].score if theirs else 0.0)


def _remark(
    sources: Sources,
    cast: Cast,
    video: VideoEvidence,
    claim: Claim,
    mention: NameMention,
    speakers: list[NameMention],
) -> AttributionOutcome | None:
    part = credited_part(claim.text, mention, speakers)
    said = remark_said(claim.text, mention, speakers)
    for citation in claim.citations:
        said = said.replace(citation.text, "")
    if content_size(said) < REMARK_CONTENT_MIN:
        return None  # an act credited ("X开场介绍"), no words to find in a turn
    turns = [s for s in video.segments if s.speaker]
    credited = claim.model_copy(update={"text": part, "raw": part}) if part != claim.text else claim
    turn = _backing_turn(sources, credited, turns) if turns else None
    if turn is None or not turn.speaker:
        return None  # nothing in the transcript says it: the video rules judge that
    speaker = cast.matching(turn.speaker)
    spellings = speaker.names if speaker else [turn.speaker]
    match = match_person(mention.name, spellings, cast.aliases)
    if match is not NameMatch.DIFFERENT:
        return None
    named = cast.matching(mention.name)
    own = [t for t in turns if named and cast.matching(t.speaker or "") is named]
    if any(turn in own for turn in _turns_at_cited_times(claim, turns)):
        return None  # the claim points at a turn of the named person
    if (
        own
        and _backing_turn(sources, credited, own) is not None
        and _no_weaker(sources, credited, own, turn)
    ):
        return None  # the named person said it too, as plainly
    if own and _words_favour(part, own, turn):
        return None  # the named person's own turn holds more of its words: no agreement
    if speaker and speaker.interpreter and _interpreted(cast, turns, turn) is named:
        return None  # the interpreter's rendering of the named person's turn
    role = f", the {speaker.role}," if speaker and speaker.role else ""
    return AttributionOutcome(
        kind="remark",
        verdict="wrong",
        claim=claim,
        name=mention.name,
        message=f"this is credited to '{mention.name}', but in the transcript "
        f"{shown(spellings)}{role} says it at {turn.locator}",
        evidence=[
            Evidence(
                source=cast.video_name, locator=turn.locator, text=f"{turn.speaker}: {turn.text}"
            )
        ],
        fix=f"credit the remark to {spellings[0]}",
    )
