"""CC304 wrong-reference-details."""

from __future__ import annotations

from citecheck.attribution.outcomes import AttributionOutcome
from citecheck.checks._outcome_rules import AttributionRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class WrongReferenceDetails(AttributionRule):
    """An attributed work carries a year or venue its reference entry contradicts.

    The year and venue written with an attribution ("Holtzman et al. 2019",
    "Holtzman et al. (ICLR 2020)") are compared with the entry of that first
    author in the cited PDF's bibliography.

    Anti-pattern
    ------------
    The reference list has "Holtzman, A. … ICLR, 2020"::

        Holtzman et al. (2018) showed that beam search degenerates [Doc: pdf.pdf, page 3]

    Best practice
    -------------
    Use the year and venue of the reference entry::

        Holtzman et al. (2020) showed that beam search degenerates [Doc: pdf.pdf, page 3]
    """

    code = "CC304"
    slug = "wrong-reference-details"
    category = Category.WRONG_SPEAKER
    severity = Severity.WARNING
    summary = "The year or venue of an attributed work disagrees with its reference entry."

    def selects(self, outcome: AttributionOutcome) -> bool:
        return outcome.kind == "details" and outcome.verdict == "wrong"
