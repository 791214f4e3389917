"""Citation markers read from a passage: the text shown to the reader and the surnames."""

from citecheck.attribution.markers import find_markers


def test_author_year_markers_keep_their_own_brackets() -> None:
    markers = find_markers("as Holtzman et al. (2020) showed, and (Rafailov et al., 2023).", [])
    assert [m.text for m in markers] == ["Holtzman et al. (2020)", "Rafailov et al., 2023"]
    assert [(m.surnames, m.year) for m in markers] == [(("Holtzman",), 2020), (("Rafailov",), 2023)]
