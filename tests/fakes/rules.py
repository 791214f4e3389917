"""Three fake rules, passed to ``lint()`` as ``LintOptions(rules=FAKE_RULES)``.

They prove the pipeline's own behaviour (selection, severities, suppressions,
laziness of the judge) independently of the real rules. Their codes and slugs
are the real rules' ones, so config and ``--select`` names resolve as usual.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checks.base import LintContext, Rule
from citecheck.models import Category, Finding, Severity


class MissingSource(Rule):
    """Flags citations that name a missing source.

    Anti-pattern
    ------------
    ``Revenue grew [Doc: missing.pdf]`` cites a file that is not there.

    Best practice
    -------------
    ``Revenue grew [Doc: report.pdf, page 2]`` cites a file of the corpus.
    """

    code = "CC101"
    slug = "citation-unresolvable"
    category = Category.CITATION_UNRESOLVABLE
    severity = Severity.ERROR
    summary = "Citation names a source that is not in the corpus."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for claim in ctx.report.claims:
            for citation in claim.citations:
                if "missing" in citation.text:
                    yield self.finding(
                        ctx,
                        citation.span,
                        "cited source not found",
                        claim=claim,
                        citation=citation,
                        fix="cite a file of the corpus",
                    )


class Uncited(Rule):
    """Flags claims without a citation.

    Anti-pattern
    ------------
    ``Sales doubled.`` with no bracket.

    Best practice
    -------------
    ``Sales doubled [Doc: report.pdf, page 3].``
    """

    code = "CC203"
    slug = "uncited-claim"
    category = Category.UNCITED_CLAIM
    severity = Severity.WARNING
    summary = "Claim carries no citation."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for claim in ctx.report.claims:
            if not claim.citations:
                yield self.finding(ctx, claim.span, "claim has no citation", claim=claim)


class Unsupported(Rule):
    """Flags cited claims the judge finds unsupported.

    Anti-pattern
    ------------
    ``The sky is green [Doc: a.pdf]`` when a.pdf says it is blue.

    Best practice
    -------------
    ``The sky is blue [Doc: a.pdf, page 1]``.
    """

    code = "CC201"
    slug = "unsupported-claim"
    category = Category.UNSUPPORTED_CLAIM
    severity = Severity.ERROR
    summary = "The cited evidence does not support the claim."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        assert ctx.judge is not None
        for claim in ctx.report.claims:
            if claim.citations:
                judgement = ctx.judge(claim)
                if judgement is not None and judgement.verdict.label == "unsupported":
                    yield self.finding(
                        ctx,
                        claim.span,
                        "evidence does not support the claim",
                        claim=claim,
                        citation=claim.citations[0],
                        score=judgement.verdict.score,
                        backend=judgement.verdict.backend,
                    )


FAKE_RULES = [MissingSource, Uncited, Unsupported]


def fake_rule_by_name(name: str) -> type[Rule] | None:
    """``rule_by_name`` over the fake rules: code (``CC203``) or slug."""
    return next((r for r in FAKE_RULES if name.upper() == r.code or name.lower() == r.slug), None)
