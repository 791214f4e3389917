"""CC305 unverifiable-attribution."""

from __future__ import annotations

from citecheck.attribution.outcomes import AttributionOutcome
from citecheck.checks._outcome_rules import AttributionRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class UnverifiableAttribution(AttributionRule):
    """A named presenter, author or originator cannot be checked against the corpus.

    Reported instead of CC301–CC303 when the corpus gives no way to decide:
    no transcript speaker labels or video meta, a paper without author
    metadata or no mark for the role named, or a Chinese name against a Latin
    one in another romanisation than pinyin (Chan, Tsai) with no alias saying
    whether they are the same person.

    Anti-pattern
    ------------
    The transcript labels the speaker "Chan Tai Man", and pinyin cannot say
    whether that is 陈大文::

        主讲：陈大文

    Best practice
    -------------
    Write the name as the source does, or add the alias to ``video.meta.json``
    (``"aliases": {"Chan Tai Man": ["陈大文"]}``)::

        主讲：Chan Tai Man（陈大文）
    """

    code = "CC305"
    slug = "unverifiable-attribution"
    category = Category.WRONG_SPEAKER
    severity = Severity.WARNING
    summary = "An attribution cannot be checked against the corpus."

    def selects(self, outcome: AttributionOutcome) -> bool:
        return outcome.verdict == "unverifiable"
