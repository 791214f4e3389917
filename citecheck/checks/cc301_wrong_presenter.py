"""CC301 wrong-presenter."""

from __future__ import annotations

from citecheck.attribution.outcomes import AttributionOutcome
from citecheck.checks._outcome_rules import AttributionRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class WrongPresenter(AttributionRule):
    """The report names a presenter, moderator or audience member the video contradicts.

    The presenter written in the report (主讲：X, 由X主讲, "presented by X",
    "the speaker (X) explains") is compared with the person the video meta
    gives that role (else with the meta's speakers and the transcript's speaker
    labels); a moderator (主持人X, "moderated by X") or audience member (观众X,
    "X from the audience") with the person holding that role. Latin names match
    by surname and initials, a Chinese and a Latin name through pinyin (陈浩然 =
    Haoran Chen = Chen Hao-ran) or an alias the corpus gives. It is an error only
    with positive evidence of a different person in that role (otherwise see
    CC305).

    Anti-pattern
    ------------
    The transcript's speaker label is "Yi Ren" and the meta lists the alias
    任毅, but the report says::

        讲解视频：ICLR 2025 预讲会技术展示，主讲：姚云驰

    Best practice
    -------------
    Name the presenter the video names::

        讲解视频：ICLR 2025 大会报告，主讲：Yi Ren
    """

    code = "CC301"
    slug = "wrong-presenter"
    category = Category.WRONG_SPEAKER
    severity = Severity.ERROR
    summary = "A presenter or other talk role named in the report disagrees with the video."

    def selects(self, outcome: AttributionOutcome) -> bool:
        return outcome.kind in ("presenter", "role") and outcome.verdict == "wrong"
