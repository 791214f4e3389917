"""CC902 unreadable-sidecar."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule, register
from citecheck.models import Category, Evidence, Finding, Severity
from citecheck.requirements.measure import region_start_span


@register
class UnreadableSidecar(Rule):
    """A video sidecar (meta, transcript, keyframe notes) could not be read.

    The file is left out and the lint goes on without its evidence, so claims
    about the video may be reported as unverifiable. The finding names the file,
    what is wrong with it and the shape that was expected.

    Anti-pattern
    ------------
    ``video.keyframes.json`` holds entries without a time::

        [{"note": "Slide: reliability diagram"}]

    Best practice
    -------------
    Give every entry a time and a text, under any of the accepted names::

        [{"timestamp": 70, "caption": "Slide: reliability diagram"}]
    """

    code = "CC902"
    slug = "unreadable-sidecar"
    category = Category.INPUT_QUALITY
    severity = Severity.WARNING
    summary = "A video sidecar could not be read; its evidence was left out."

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        for problem in ctx.sidecar_problems():
            expected = f"; expected {problem.expected}" if problem.expected else ""
            yield self.finding(
                ctx,
                region_start_span(ctx.report),
                f"{problem.kind} sidecar {problem.path} was not read: {problem.problem}{expected}",
                evidence=[
                    Evidence(source=problem.path, locator=problem.kind, text=problem.problem)
                ],
                fix=f"fix {problem.path} to the expected shape, or remove it",
            )
