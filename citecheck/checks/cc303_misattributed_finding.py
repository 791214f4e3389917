"""CC303 misattributed-finding."""

from __future__ import annotations

from citecheck.attribution.assess import AttributionOutcome
from citecheck.attribution.rulebase import AttributionRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class MisattributedFinding(AttributionRule):
    """A finding or quote is credited to someone the cited passage does not credit.

    For "X等提出/证明/指出…", "X et al. (2020) showed…", "according to X" and
    mixed brackets such as ``[Holtzman et al. 2020, 文档: pdf.pdf, page 14]``,
    the passage of the cited pages that supports the statement is found, and
    the citation markers in it (``(Holtzman et al., 2020)``, ``[12]`` resolved
    through the reference list) must name X. A passage without markers is the
    paper's own work, so X must be one of its authors.

    Anti-pattern
    ------------
    Page 3 says "nucleus sampling (Holtzman et al., 2020) avoids degeneration"::

        Rafailov等提出了核采样方法 [文档: pdf.pdf, page 3]

    Best practice
    -------------
    Credit the work the passage cites::

        Holtzman等提出了核采样方法 [文档: pdf.pdf, page 3]
    """

    code = "CC303"
    slug = "misattributed-finding"
    category = Category.WRONG_SPEAKER
    severity = Severity.ERROR
    summary = "finding credited to someone the cited passage does not credit"

    def selects(self, outcome: AttributionOutcome) -> bool:
        return outcome.kind == "finding" and outcome.verdict == "wrong"
