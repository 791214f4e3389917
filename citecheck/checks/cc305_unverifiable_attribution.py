"""CC305 unverifiable-attribution."""

from __future__ import annotations

from citecheck.attribution.assess import AttributionOutcome
from citecheck.attribution.rulebase import AttributionRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class UnverifiableAttribution(AttributionRule):
    """A named presenter, author or originator cannot be checked against the corpus.

    Reported instead of CC301–CC303 when the corpus gives no way to decide:
    no transcript speaker labels or video meta, a paper without author
    metadata, or a Chinese name against a Latin one with no alias saying
    whether they are the same person (transliteration is not identity).

    Anti-pattern
    ------------
    The transcript labels the speaker "Yi Ren" and gives no Chinese name::

        主讲：任毅

    Best practice
    -------------
    Write the name as the source does, or add the alias to ``video.meta.json``
    (``"aliases": {"Yi Ren": ["任毅"]}``)::

        主讲：Yi Ren（任毅）
    """

    code = "CC305"
    slug = "unverifiable-attribution"
    category = Category.WRONG_SPEAKER
    severity = Severity.WARNING
    summary = "attribution cannot be checked against the corpus"

    def selects(self, outcome: AttributionOutcome) -> bool:
        return outcome.verdict == "unverifiable"
