"""Human-readable text: ``path:line:col CODE slug message``, then evidence and fix.

A report that is one field of its file (an API response) reads
``path[choices[0].message.content]:line:col``: the position is in that field's text."""

from __future__ import annotations

import click

from citecheck.models import Finding, Result, Severity
from citecheck.textutil import escape_controls

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
EVIDENCE_CHARS = 160


def one_line(text: str) -> str:
    """``text`` safe to print as one line: controls escaped, newlines shown as ``\\n``."""
    return escape_controls(text).replace("\n", "\\n")


def shorten(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = one_line(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def format_finding(finding: Finding, *, color: bool = False) -> str:
    """The head line of a finding and its indented details."""
    code = finding.code
    if color:
        code = click.style(code, fg=COLOURS[finding.severity], bold=True)
    place = one_line(finding.path) + (f"[{one_line(finding.origin)}]" if finding.origin else "")
    lines = [
        f"{place}:{finding.line}:{finding.column} {code} {finding.slug} {one_line(finding.message)}"
    ]
    if finding.claim:
        lines.append(f"    claim: {shorten(finding.claim)}")
    if finding.citation:
        lines.append(f"    citation: {one_line(finding.citation)}")
    for item in finding.evidence:
        lines.append(
            f"    evidence: {one_line(item.source)} {one_line(item.locator)}: {shorten(item.text)}"
        )
    if finding.fix:
        lines.append(f"    fix: {one_line(finding.fix)}")
    return "\n".join(lines)


def summary_line(result: Result) -> str:
    """Counts of findings, files, claims and the judge that ran."""
    counts = result.summary.by_severity
    parts = [
        f"{result.summary.findings} findings "
        f"({counts.get('error', 0)} errors, {counts.get('warning', 0)} warnings, "
        f"{counts.get('info', 0)} info)",
        f"{result.summary.files} files, {result.summary.claims} claims, "
        f"{result.summary.citations} citations",
    ]
    if result.summary.judge_backend:
        parts.append(f"judge: {result.summary.judge_backend}")
    return "; ".join(parts)


def render(result: Result, *, color: bool = False) -> str:
    """Every finding, a blank line between them, then the summary line."""
    blocks = [format_finding(finding, color=color) for finding in result.findings]
    blocks.append(summary_line(result))
    return "\n\n".join(blocks) + "\n"
