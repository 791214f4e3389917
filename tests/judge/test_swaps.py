"""A name swapped for another of its kind in an aligned clause."""

from __future__ import annotations

from citecheck.judge.swaps import swapped_name

PAGE = [
    "It is trained for two epochs on 68K conversations, which takes 14 hours on 8 A100-40GB "
    "GPUs for Llama-3.1-8B-Instruct. Evaluation uses one H800 GPU per target.",
]


def test_a_name_of_the_same_shape_in_the_claims_clause_is_a_swap() -> None:
    swap = swapped_name("Training takes 14 hours on 8 H100 GPUs.", PAGE)
    assert swap is not None
    assert (swap.claim_name, swap.source_name) == ("H100", "A100-40GB")
    assert "14 hours" in swap.sentence


def test_no_swap_without_an_aligned_clause_or_with_the_name_on_the_page() -> None:
    # the page names A100 for training: a claim about serving aligns with neither clause
    assert swapped_name("The demo was served from an RTX4090 laptop.", PAGE) is None
    # a name the page writes is stated, whatever the model reads
    assert swapped_name("Evaluation uses one H800 GPU per target.", PAGE) is None
    # a name the claim writes itself is never the rival
    assert swapped_name("Trained on 8 A100 GPUs in 14 hours, served on H100 GPUs.", PAGE) is None


def test_family_names_are_left_to_the_quantities() -> None:
    # Llama-3.1-70B against Llama-3.1-8B-Instruct: a family and a version, not a swap
    assert swapped_name("It takes 14 hours on 8 GPUs for Llama-3.1-70B.", PAGE) is None
