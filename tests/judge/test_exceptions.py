"""A universal claim against the exception its source states."""

from __future__ import annotations

import pytest

from citecheck.judge.decision import decide
from citecheck.judge.exceptions import stated_exception
from citecheck.models import Verdict

PAGE = [
    "OrcaKV achieves the best average on all three models. Code completion is the only "
    "category in which OrcaKV does not lead: it is 0.8 points behind SnapSelect."
]


@pytest.mark.parametrize(
    ("claim", "term"),
    [
        (
            "OrcaKV beats every baseline in every category, including code completion.",
            "code completion",
        ),
        ("OrcaKV 在包括代码补全在内的所有任务类别上都优于所有基线。", "Code completion"),
    ],
)
def test_a_term_the_claim_includes_in_all_that_the_source_excepts(claim: str, term: str) -> None:
    found = stated_exception(claim, PAGE)
    assert found is not None and found.term.casefold() == term.casefold()
    assert found.sentence.startswith("Code completion is the only category")


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        # the claim states the exception itself
        ("OrcaKV leads in every category except code completion.", PAGE),
        # the claim names the term but does not count it among all
        ("All methods do poorly on code completion.", PAGE),
        # the claim does not name the excepted term
        ("OrcaKV achieves the best average on all three models.", PAGE),
        # no claim about all
        ("OrcaKV is strong on code completion.", PAGE),
        # an exception of another term
        ("All models improve on every benchmark, including GSM8K.", ["All improve, except MMLU."]),
    ],
)
def test_no_exception_without_a_named_term_in_a_claim_about_all(
    claim: str, evidence: list[str]
) -> None:
    assert stated_exception(claim, evidence) is None


def test_chinese_exceptions_and_names_are_read() -> None:
    page = ["除代码补全外，OrcaKV 在所有任务上都领先。"]
    found = stated_exception("OrcaKV 在代码补全等所有任务上都领先。", page)
    assert found is not None and found.term == "代码补全"
    mmlu = stated_exception(
        "All models improve on every benchmark, including MMLU.",
        ["All models improve, with the exception of MMLU where two regress."],
    )
    assert mmlu is not None and mmlu.term == "MMLU"


def test_the_exception_is_a_second_signal_in_the_decision_layer() -> None:
    claim = "OrcaKV beats every baseline in every category, including code completion."
    unread = Verdict(label="unsupported", score=0.2, backend="stand-in", confident=False)
    verdict = decide(claim, unread, PAGE)
    assert (verdict.label, verdict.confident) == ("contradicted", True)
    assert verdict.conflicts[0].kind == "exception"
    assert "code completion" in verdict.reason.casefold()
    read = Verdict(label="supported", score=0.8, backend="stand-in", confident=True)
    assert (decide(claim, read, PAGE).label, decide(claim, read, PAGE).confident) == (
        "contradicted",
        False,
    )
