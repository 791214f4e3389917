"""Coverage back-offs: a word's characters, and English words rendered back into characters."""

import pytest

from citecheck.judge.coverage import (
    BACKOFF_WEIGHT,
    REVERSE_WEIGHT,
    ClaimUnit,
    claim_units,
    gloss_coverage,
    sentence_terms,
)
from citecheck.judge.glossary import reverse_characters, segment, stem


def unit(text: str) -> ClaimUnit:
    (found,) = claim_units(text)
    return found


def test_character_glosses_count_at_a_lower_weight():
    # 降温 is glossed "to cool down" only; its character 降 glosses "descend"
    cooling = unit("降温")
    assert cooling.coverage(sentence_terms("The plane cooled quickly.")) == 1.0
    partial = cooling.coverage(sentence_terms("The plane descended slowly."))
    assert partial == pytest.approx(BACKOFF_WEIGHT / 2)  # one of its two characters
    assert cooling.coverage(sentence_terms("Cats sleep a lot.")) == 0.0


def test_function_characters_do_not_dilute_the_back_off():
    decline = unit("下降")
    assert [ch for ch, _ in decline.characters] == ["降"]  # 下 is a function character
    bare = ClaimUnit("下降", frozenset(), decline.characters)
    assert bare.coverage(sentence_terms("It descends.")) == pytest.approx(BACKOFF_WEIGHT)


def test_words_unknown_to_the_dictionary_are_split_into_characters():
    assert segment("帕拉蒂尼山") == ["帕", "拉", "蒂", "尼", "山"]


def test_reverse_lookup_maps_english_words_to_the_characters_that_render_them():
    assert {"神", "经"} <= reverse_characters([stem("neural")])
    assert reverse_characters(["zzzzzz"]) == frozenset()
    # a stem rendered in many unrelated ways keeps none of its characters
    assert "痛" not in reverse_characters([stem("neural")])


def test_reverse_lookup_covers_a_word_the_forward_glosses_miss():
    unglossed = ClaimUnit("神经", frozenset(), (("神", frozenset()), ("经", frozenset())))
    assert unglossed.coverage(sentence_terms("A neural model.")) == pytest.approx(REVERSE_WEIGHT)
    assert unglossed.coverage(sentence_terms("A model.")) == 0.0


def test_back_offs_raise_coverage_of_a_free_paraphrase_but_leave_added_details_uncovered():
    sentence = ["The rejected response loses probability while the plane descended."]
    coverage = gloss_coverage("被拒回答的概率降温，公司采用", sentence)
    assert 0.0 < coverage.window_coverage < 1.0
    assert coverage.uncovered_words >= 2  # 公司 and 采用 are rendered in no way
