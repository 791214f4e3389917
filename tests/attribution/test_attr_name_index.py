"""NameIndex: looking a name up among the people it may denote finds every person
compare_names finds the SAME, without comparing it with all of them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.attribution.matching import AliasBook, NameIndex, NameMatch, compare_names

LATIN_GIVEN = ["Yi", "Y.", "Haoran", "Hao-ran", "H.", "Min", "Danica J.", "Mara"]
LATIN_SURNAMES = ["Ren", "Chen", "Zhou", "Sutherland", "Okafor", "Chan", "Lin"]
CHINESE = ["陈浩然", "周敏", "任毅", "林巧玉", "陈浩", "单雄", "欧阳娜娜"]


@st.composite
def names(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["given surname", "surname given", "surname", "chinese"]))
    if kind == "chinese":
        return draw(st.sampled_from(CHINESE))
    given, surname = draw(st.sampled_from(LATIN_GIVEN)), draw(st.sampled_from(LATIN_SURNAMES))
    return {"given surname": f"{given} {surname}", "surname given": f"{surname} {given}"}.get(
        kind, surname
    )


@settings(max_examples=150, deadline=None)
@given(
    people=st.lists(st.lists(names(), min_size=1, max_size=2), min_size=1, max_size=8),
    alias_pairs=st.lists(st.tuples(names(), names()), max_size=3),
    query=names(),
)
def test_every_same_person_is_a_candidate(
    people: list[list[str]], alias_pairs: list[tuple[str, str]], query: str
) -> None:
    aliases = AliasBook()
    for pair in alias_pairs:
        aliases.add(pair)
    index: NameIndex[int] = NameIndex(aliases)
    for number, spellings in enumerate(people):
        index.add(number, spellings)
    same = [
        number
        for number, spellings in enumerate(people)
        if any(compare_names(query, s, aliases) is NameMatch.SAME for s in spellings)
    ]
    candidates = index.candidates(query)
    assert set(same) <= set(candidates)
    assert candidates == sorted(candidates)  # in the order added


def test_unrelated_people_are_not_candidates() -> None:
    index: NameIndex[str] = NameIndex()
    for n in range(1000):
        index.add(f"speaker {n}", [f"Speaker Number{n}"])
    index.add("presenter", ["Mara Okafor"])
    assert index.candidates("M. Okafor") == ["presenter"]
    assert index.candidates("Speaker Number7") == ["speaker 7"]


def test_aliases_merge_into_one_group() -> None:
    book = AliasBook()
    book.add(["陈浩然", "Haoran Chen"])
    book.add(["Chen Haoran", "Haoran Chen"])
    assert book.aliases_of("陈浩然") == {"haoran chen", "chen haoran"}
    assert book.aliases_of("Nobody") == set()
