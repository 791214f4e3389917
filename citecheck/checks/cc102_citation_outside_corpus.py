"""CC102 citation-outside-corpus."""

from __future__ import annotations

from citecheck.checks._resolution import ResolutionRule
from citecheck.checks.base import LintContext, register
from citecheck.models import Category, Resolution, Severity


@register
class CitationOutsideCorpus(ResolutionRule):
    """A citation points at a path outside the corpus folder.

    ``..`` segments, absolute paths and symlinks that leave the corpus folder are
    never opened: a report must not make the linter read arbitrary files. The
    citation is reported and its claim stays unverified.

    Anti-pattern
    ------------
    ::

        配置文件中记录了全部用户[Doc: ../../etc/passwd]。

    Best practice
    -------------
    Cite sources by their name inside the corpus folder::

        作者在第 9 页给出了分解公式[Doc: pdf.pdf, page 9]。
    """

    code = "CC102"
    slug = "citation-outside-corpus"
    category = Category.CITATION_UNRESOLVABLE
    severity = Severity.ERROR
    summary = "A citation points outside the corpus folder; it is reported, never read."
    status = "outside-corpus"

    def message(self, ctx: LintContext, resolution: Resolution) -> str:
        return (
            f"{resolution.target.source!r} lies outside the corpus folder"
            f" ({resolution.detail}); it was not read"
        )

    def fix(self, ctx: LintContext, resolution: Resolution) -> str:
        return "cite a file inside the corpus folder, by its name relative to that folder"
