"""A name compared with the people a source gives, turned into an outcome."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.attribution.matching import AliasBook, NameMatch, compare_names
from citecheck.attribution.names import is_cjk_name
from citecheck.attribution.outcomes import AttributionOutcome, OutcomeKind
from citecheck.models import Citation, Claim, Evidence


def match_person(
    name: str, spellings: Sequence[str], aliases: AliasBook | None = None
) -> NameMatch:
    """``name`` against one person written several ways: SAME when any spelling is,
    DIFFERENT when every spelling is, or every one in the name's own script (a person the
    source writes 田嘉禾 and Jiahe Tian is not 'Chow', whatever 田's romanisations)."""
    outcomes = {s: compare_names(name, s, aliases) for s in spellings}
    if NameMatch.SAME in outcomes.values():
        return NameMatch.SAME
    own_script = [o for s, o in outcomes.items() if is_cjk_name(s) == is_cjk_name(name)]
    if set(outcomes.values()) == {NameMatch.DIFFERENT} or (
        own_script and set(own_script) == {NameMatch.DIFFERENT}
    ):
        return NameMatch.DIFFERENT
    return NameMatch.UNKNOWN


def match_people(
    name: str, people: Sequence[Sequence[str]], aliases: AliasBook | None = None
) -> NameMatch:
    """``name`` against several people: SAME if it is one of them, DIFFERENT if it is
    certainly none, else UNKNOWN."""
    outcomes = {match_person(name, p, aliases) for p in people}
    if not outcomes:
        return NameMatch.UNKNOWN
    if NameMatch.SAME in outcomes:
        return NameMatch.SAME
    return NameMatch.UNKNOWN if NameMatch.UNKNOWN in outcomes else NameMatch.DIFFERENT


def shown(spellings: Sequence[str]) -> str:
    """'陈浩然 (Haoran Chen)' for a person written several ways."""
    first, *others = spellings
    return f"{first} ({', '.join(others)})" if others else first


def name_outcome(
    kind: OutcomeKind,
    match: NameMatch,
    claim: Claim,
    name: str,
    known: Sequence[str],
    evidence: list[Evidence],
    *,
    what: str,
    citation: Citation | None = None,
) -> AttributionOutcome:
    """ok / wrong / unverifiable for ``name`` compared with the ``known`` people."""
    listed = ", ".join(dict.fromkeys(known))
    if match is NameMatch.SAME:
        return AttributionOutcome(
            kind=kind,
            verdict="ok",
            claim=claim,
            name=name,
            message="",
            evidence=evidence,
            citation=citation,
        )
    if match is NameMatch.DIFFERENT:
        return AttributionOutcome(
            kind=kind,
            verdict="wrong",
            claim=claim,
            name=name,
            message=f"'{name}' disagrees with the source: {what} {listed}",
            evidence=evidence,
            fix=f"replace '{name}' with {listed}",
            citation=citation,
        )
    return AttributionOutcome(
        kind=kind,
        verdict="unverifiable",
        claim=claim,
        name=name,
        message=f"'{name}' cannot be compared with {listed}: no pinyin reading or alias "
        "in the corpus says whether they are the same person",
        evidence=evidence,
        fix="write the name as the source does, or give an alias in the meta",
        citation=citation,
    )
