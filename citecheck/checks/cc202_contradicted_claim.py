"""CC202 contradicted-claim: the cited source says something different."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from citecheck.checks._support import cited_as, iter_judged_claims, judgement_finding
from citecheck.checks.base import LintContext, Rule, register
from citecheck.judge.exceptions import EXCEPTION
from citecheck.models import Category, Conflict, Finding, Severity


@register
class ContradictedClaim(Rule):
    """A cited claim that its cited source contradicts: a different number,
    date, name, model or dataset, a negation, or a claim about all whose named
    term the source makes the exception.

    The message names each conflicting value and shows both sides, so the fix
    is usually to copy the source's value.

    Anti-pattern
    ------------
    The paper trains Pythia-410M, not Pythia-2.8B::

        作者在 Anthropic-HH 上微调了 Pythia-2.8B [文档: pdf.pdf, page 6]。

    Best practice
    -------------
    Use the source's own figures and names::

        作者在 Anthropic-HH 上微调了 Pythia-410M [文档: pdf.pdf, page 6]。
    """

    code = "CC202"
    slug = "contradicted-claim"
    category = Category.CONTRADICTED_CLAIM
    severity = Severity.ERROR
    summary = "A cited claim is contradicted by the cited source."
    # confirmed contradictions (two signals agree); CC206 takes the replaced values
    confirmed: ClassVar[bool] = True
    verb: ClassVar[str] = "contradicts this claim"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """One finding per cited claim judged contradicted at its cited location
        (and not supported at another)."""
        for claim, judgement in iter_judged_claims(ctx):
            verdict = judgement.verdict
            if verdict.label != "contradicted" or judgement.elsewhere is not None:
                continue
            if not (verdict.confident if self.confirmed else verdict.replaced):
                continue
            details = "; ".join(_describe(c) for c in verdict.conflicts) or verdict.reason
            span = f' Source: "{verdict.evidence_span}"' if verdict.evidence_span else ""
            yield judgement_finding(
                self,
                ctx,
                claim,
                verdict,
                f"{cited_as(claim)} {self.verb}: {details}.{span}",
                fix=_fix(verdict.conflicts),
            )


def _describe(conflict: Conflict) -> str:
    if conflict.kind == EXCEPTION:
        return (
            f"the claim includes '{conflict.claim_value}' in what it says of all, "
            "the source makes it the exception"
        )
    source_says = conflict.evidence_value or "something else"
    unit = " in another unit" if conflict.evidence_value == conflict.claim_value else ""
    return (
        f"{conflict.kind}: the claim says '{conflict.claim_value}', "
        f"the source says '{source_says}'{unit}"
    )


def _fix(conflicts: list[Conflict]) -> str:
    excepted = [c.claim_value for c in conflicts if c.kind == EXCEPTION]
    if excepted:
        return f"state the exception the source gives for '{excepted[0]}'"
    changes = [f"'{c.claim_value}' -> '{c.evidence_value}'" for c in conflicts if c.evidence_value]
    if changes:
        return "use the source's values: " + ", ".join(changes)
    return "correct the claim to match the cited passage, or remove it"
