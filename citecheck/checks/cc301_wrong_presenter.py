"""CC301 wrong-presenter."""

from __future__ import annotations

from citecheck.attribution.assess import AttributionOutcome
from citecheck.attribution.rulebase import AttributionRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class WrongPresenter(AttributionRule):
    """The report names a presenter the video's evidence contradicts.

    The presenter written in the report (主讲：X, 由X主讲, X在视频中指出,
    "presented by X", "the speaker (X) explains") is compared with the
    presenter and speakers in the video meta and the transcript's speaker
    labels. Latin names match by surname and initials; a Chinese and a Latin
    name are compared only through an alias the corpus gives (otherwise see
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
    summary = "presenter named in the report disagrees with the video"

    def selects(self, outcome: AttributionOutcome) -> bool:
        return outcome.kind == "presenter" and outcome.verdict == "wrong"
