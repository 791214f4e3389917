"""GitHub Actions workflow commands: one ``::error file=…::message`` line per finding."""

from __future__ import annotations

from citecheck.models import Finding, Result
from citecheck.textutil import escape_controls

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it; other
    control characters (ESC, BEL, …) are shown as ``\\x1b``-style escapes."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(escaped)


def escape_property(text: str) -> str:
    """Escape a property value; ``:`` and ``,`` delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    properties: dict[str, object] = {"file": finding.path}
    message = finding.message
    if finding.origin is None:
        properties |= {
            "line": finding.line,
            "col": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
        }
    else:  # lines of one JSON field's text are not the file's: a file-level annotation
        message = f"{finding.origin}:{finding.line}:{finding.column}: {message}"
    properties["title"] = f"{finding.code} {finding.slug}"
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    if finding.fix:
        message += f"\nFix: {finding.fix}"
    return f"::{LEVELS[finding.severity.value]} {props}::{escape_data(message)}"


def render(result: Result) -> str:
    """All annotations, one per line."""
    return "".join(annotation(finding) + "\n" for finding in result.findings)
