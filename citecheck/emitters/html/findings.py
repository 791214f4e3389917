"""A finding as a ``<details>`` panel: head line, then claim, citation, evidence, score, fix.

Panels are open in the HTML, so without JavaScript everything is visible; the
script folds them for triage. Each carries the machine-readable attributes
``data-code``, ``data-severity``, ``data-category``, ``data-line`` (and
``data-report``, the id of its report's section).
"""

from __future__ import annotations

from html import escape

from citecheck.emitters.html.evidence import passage_html
from citecheck.models import Finding


def _evidence(finding: Finding) -> str:
    if not finding.evidence:
        return '<span class="none">no source passage looked at</span>'
    items = "".join(
        f'<li><span class="src">{escape(item.source)} · {escape(item.locator)}</span>'
        f'<div class="passage">{passage_html(item.text, finding.claim)}</div></li>'
        for item in finding.evidence
    )
    return f'<ol class="evidence">{items}</ol>'


def _score(finding: Finding) -> str | None:
    if finding.score is None:
        return None
    backend = f' <span class="backend">{escape(finding.backend)}</span>' if finding.backend else ""
    return f'<span class="score">{finding.score:.2f}</span>{backend}'


def finding_panel(finding: Finding, finding_id: str, report: str, *, placed: bool) -> str:
    """The panel of ``finding``; ``placed`` says whether its span is in the rendered text."""
    level = escape(finding.severity.value)
    rows: list[tuple[str, str | None]] = [
        ("claim", f"<blockquote>{escape(finding.claim)}</blockquote>" if finding.claim else None),
        (
            "citation",
            f'<span class="src">{escape(finding.citation)}</span>' if finding.citation else None,
        ),
        ("evidence", _evidence(finding)),
        ("score", _score(finding)),
        ("fix", f'<span class="fix">{escape(finding.fix)}</span>' if finding.fix else None),
    ]
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value)
    place = f"L{finding.line}:{finding.column}"
    target = f"at-{finding_id}" if placed else report
    return (
        f'<details class="finding sev-{level}" id="{escape(finding_id)}" open '
        f'data-code="{escape(finding.code)}" data-severity="{level}" '
        f'data-category="{escape(finding.category)}" data-line="{finding.line}" '
        f'data-report="{escape(report)}">'
        f'<summary><span class="badge sev-{level}">{level}</span> '
        f'<span class="code">{escape(finding.code)}</span> '
        f'<span class="slug">{escape(finding.slug)}</span> '
        f'<a class="loc" href="#{escape(target)}" title="show in the report">{place}</a>'
        f'<span class="msg">{escape(finding.message)}</span></summary>'
        f'<dl class="body">{details}</dl></details>'
    )
