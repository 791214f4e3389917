"""CC303 misattributed-finding."""

from __future__ import annotations

from citecheck.attribution.outcomes import AttributionOutcome
from citecheck.checks._outcome_rules import AttributionRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class MisattributedFinding(AttributionRule):
    """A finding, quote or remark is credited to someone the source does not credit.

    For "X等提出/证明/指出…", "X et al. (2020) showed…", "according to X" and
    mixed brackets such as ``[Holtzman et al. 2020, 文档: pdf.pdf, page 14]``,
    the passage of the cited pages that supports the statement is found, and
    the citation markers in it (``(Holtzman et al., 2020)``, ``[12]`` resolved
    through the reference list) must name X. A passage without markers is the
    paper's own work, so X must be one of its authors. A work the claim names
    ("HeavyKeep 由 X 提出", "proposed by X") is credited by the marker the paper writes
    right after its name. A cited blog chunk whose writer reports their own run
    (笔者复现, "we reproduced on our RTX 4090") must not be credited to the paper's
    authors.

    A remark in a talk credited to X (X在讲座中强调…, "X said that …") is
    compared with the speaker of the transcript turn that backs it: it is an
    error when that turn is certainly someone else's and no turn of X's backs it.

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
    summary = "A finding or remark is credited to someone the source does not credit."

    def selects(self, outcome: AttributionOutcome) -> bool:
        return outcome.kind in ("finding", "remark") and outcome.verdict == "wrong"
