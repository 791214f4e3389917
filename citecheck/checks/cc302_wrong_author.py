"""CC302 wrong-author."""

from __future__ import annotations

from citecheck.attribution.outcomes import AttributionOutcome
from citecheck.checks._outcome_rules import AttributionRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class WrongAuthor(AttributionRule):
    """The report lists an author, author role or affiliation the cited paper does not have.

    An '作者：…' / 'Authors: …' line is compared with the author block of the
    PDF's first page (affiliation markers ¹²³ * † stripped): every listed author
    must be one of the paper's authors. An affiliation written after a name is an
    error only when it names an institution found nowhere on the first page
    ("Shanghai AI Lab" is "Shanghai Artificial Intelligence Laboratory"; a Chinese
    affiliation against an English paper is matched through the dictionary and
    pinyin, and never reported when that fails). A role written there (通讯作者,
    corresponding author) is checked as a role. "X is the first / corresponding author"
    (第一作者为X, 通讯作者是X) must name the author the paper marks so: the first
    listed, or the one its ``*``/"Corresponding author" footnote marks.

    Anti-pattern
    ------------
    The paper is by Yi Ren and Danica J. Sutherland (UBC & Amii)::

        作者：Yi Ren（Stanford University），Tom Smith（UBC）

    Best practice
    -------------
    Copy authors and affiliations from the paper::

        作者：Yi Ren（University of British Columbia），Danica J. Sutherland（UBC & Amii）
    """

    code = "CC302"
    slug = "wrong-author"
    category = Category.WRONG_SPEAKER
    severity = Severity.ERROR
    summary = "An author, author role or affiliation disagrees with the cited paper."

    def selects(self, outcome: AttributionOutcome) -> bool:
        return outcome.kind in ("author", "author-role") and outcome.verdict == "wrong"
