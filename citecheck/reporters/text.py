"""Human-readable text: ``path:line:col CODE slug message``, then evidence and fix."""

from __future__ import annotations

import click

from citecheck.models import Finding, Result, Severity

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
EVIDENCE_CHARS = 160


def shorten(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def format_finding(finding: Finding, *, color: bool = False) -> str:
    """The head line of a finding and its indented details."""
    code = finding.code
    if color:
        code = click.style(code, fg=COLOURS[finding.severity], bold=True)
    lines = [
        f"{finding.path}:{finding.line}:{finding.column} {code} {finding.slug} {finding.message}"
    ]
    if finding.claim:
        lines.append(f"    claim: {shorten(finding.claim)}")
    if finding.citation:
        lines.append(f"    citation: {finding.citation}")
    for item in finding.evidence:
        lines.append(f"    evidence: {item.source} {item.locator}: {shorten(item.text)}")
    if finding.fix:
        lines.append(f"    fix: {finding.fix}")
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
