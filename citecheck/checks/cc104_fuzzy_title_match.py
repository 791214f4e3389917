"""CC104 fuzzy-title-match."""

from __future__ import annotations

from citecheck.checks._resolution import ResolutionRule
from citecheck.checks.base import LintContext, register
from citecheck.models import Category, Evidence, Resolution, Severity, TitleMatch

# a shortened title that is a prefix of exactly one title is a correct citation
CONFIDENT_METHODS = frozenset({"exact", "normalised", "prefix"})


@register
class FuzzyTitleMatch(ResolutionRule):
    """A cited title matched a document only approximately: confirm it is the one meant.

    Titles that match exactly, after normalisation (case, width, punctuation,
    spaces), or as the shortened start of a title raise nothing. Titles that only
    matched by fuzzy similarity or after repairing damaged encoding are reported
    with the matched title and its score, so a person can confirm the match
    before trusting the checks built on it.

    Anti-pattern
    ------------
    A title with a typo resolves only by similarity::

        [long_context: "Transfromer模型PyTorch实线：从原理到代码", chunk 1]

    Best practice
    -------------
    Copy the title as the collection lists it::

        [long_context: "Transformer模型PyTorch实现：从原理到代码完全解析-CSDN博客", chunk 1]
    """

    code = "CC104"
    slug = "fuzzy-title-match"
    category = Category.CITATION_UNRESOLVABLE
    severity = Severity.INFO
    summary = "A cited title matched only approximately; confirm the matched document."

    def selects(self, resolution: Resolution) -> bool:
        match = resolution.match
        return match is not None and match.method not in CONFIDENT_METHODS

    def message(self, ctx: LintContext, resolution: Resolution) -> str:
        match = _match(resolution)
        return (
            f'cited title "{resolution.target.title}" matched "{match.title}"'
            f" only by {match.method} matching (score {match.score:.0f}); confirm it is"
            " the document meant"
        )

    def evidence(self, ctx: LintContext, resolution: Resolution) -> list[Evidence]:
        match = _match(resolution)
        return [
            Evidence(
                source=resolution.target.source,
                locator=f"document {match.doc_index}",
                text=match.title,
            )
        ]

    def fix(self, ctx: LintContext, resolution: Resolution) -> str:
        return f'cite the title as the collection lists it: "{_match(resolution).title}"'


def _match(resolution: Resolution) -> TitleMatch:
    """The title match of a selected resolution (:meth:`FuzzyTitleMatch.selects` saw it)."""
    assert resolution.match is not None
    return resolution.match
