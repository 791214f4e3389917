"""CC111 citation-out-of-range."""

from __future__ import annotations

from citecheck.checks._resolution import ResolutionRule, describe_target
from citecheck.checks.base import LintContext, register
from citecheck.corpus.video import format_time
from citecheck.models import Category, Evidence, Resolution, Severity
from citecheck.textutil import number_runs


@register
class CitationOutOfRange(ResolutionRule):
    """A citation names a page, chunk or moment the cited source does not have.

    PDF pages count from 1; collection chunks count from 0, as the retrieval tools
    print them. A page past the end of the PDF, a chunk past the end of the
    document, or a timestamp past the end of the video (as its meta or its file
    header declares the length) cannot hold the cited statement.

    Anti-pattern
    ------------
    The PDF has 15 pages::

        实验结果见附录表 7[Doc: pdf.pdf, page 18]。

    Best practice
    -------------
    Cite the page that holds the statement::

        实验结果见附录表 7[Doc: pdf.pdf, page 14]。
    """

    code = "CC111"
    slug = "citation-out-of-range"
    category = Category.CITATION_OUT_OF_RANGE
    severity = Severity.ERROR
    summary = "A citation names a page, chunk or timestamp that does not exist in the source."
    status = "out-of-range"

    def message(self, ctx: LintContext, resolution: Resolution) -> str:
        if resolution.target.times:
            stamps = ", ".join(format_time(t) for t in resolution.missing)
            return (
                f"{stamps} is past the end of {resolution.target.source}, which runs "
                f"{format_time(resolution.unit_count or 0)}"
            )
        unit = self._unit(resolution)
        numbers = number_runs(resolution.missing)
        named = f"{unit}s" if len(resolution.missing) > 1 else unit
        container = {"chunk": "document", "line": "numbered page"}.get(unit, "PDF")
        return (
            f"{named} {numbers} of a {resolution.unit_count}-{unit} {container}"
            f" ({describe_target(resolution.target)}) does not exist"
        )

    def evidence(self, ctx: LintContext, resolution: Resolution) -> list[Evidence]:
        if resolution.target.times:
            length = format_time(resolution.unit_count or 0)
            return [Evidence(source=resolution.target.source, locator="length", text=length)]
        return [
            Evidence(
                source=resolution.target.source,
                locator=describe_target(resolution.target),
                text=f"{resolution.unit_count} {self._unit(resolution)}s; valid:"
                f" {self._valid_range(resolution).removeprefix('a ')}",
            )
        ]

    def fix(self, ctx: LintContext, resolution: Resolution) -> str:
        if resolution.target.times:
            return "cite the moment of the video that holds the statement"
        return f"cite {self._valid_range(resolution)} that holds the statement"

    @staticmethod
    def _unit(resolution: Resolution) -> str:
        if resolution.target.lines:
            return "line"
        return "chunk" if resolution.target.kind == "collection" else "page"

    def _valid_range(self, resolution: Resolution) -> str:
        count = resolution.unit_count or 0
        first = 0 if self._unit(resolution) == "chunk" else 1
        return f"a {self._unit(resolution)} from {first} to {first + count - 1}"
