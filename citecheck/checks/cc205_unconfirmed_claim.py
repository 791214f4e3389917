"""CC205 unconfirmed-claim: the judge could neither confirm nor reject the claim."""

from __future__ import annotations

from typing import ClassVar

from citecheck.checks.base import register
from citecheck.checks.cc201_unsupported_claim import UnsupportedClaim
from citecheck.models import Category, Severity


@register
class UnconfirmedClaim(UnsupportedClaim):
    """A cited claim the judge could not confirm from the cited source, nor reject.

    The claim scored in the judge's calibrated grey zone: not supported, but not
    confidently unsupported either (the cross-encoder's thresholds are chosen on
    held-out dev data for precision). The best passage is on topic but does not
    plainly state the claim, which is where free paraphrases across languages
    land, so this is a prompt for a person to compare claim and evidence, not a
    verdict; it is ``info`` by default and does not fail a run.

    Anti-pattern
    ------------
    A sentence that blends the page with the writer's own gloss::

        这说明DPO在所有场景下都优于RLHF [文档: pdf.pdf, page 3]。

    Best practice
    -------------
    Keep to what the page says, and mark the gloss as one's own::

        论文在两个离线数据集上比较了DPO与RLHF [文档: pdf.pdf, page 3]；笔者认为……
    """

    code = "CC205"
    slug = "unconfirmed-claim"
    category = Category.UNSUPPORTED_CLAIM
    severity = Severity.INFO
    summary = "The judge could neither confirm nor reject a cited claim; check it by hand."
    confident: ClassVar[bool] = False
    verb: ClassVar[str] = "does not plainly state this claim; check it"
