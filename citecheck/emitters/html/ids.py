"""Element ids that survive a rerun: built from what a finding is, not where it is listed."""

from __future__ import annotations

import hashlib

from citecheck.emitters.sarif import fingerprint
from citecheck.models import Finding


def report_id(path: str) -> str:
    """The id of a report's section: ``r-`` and a hash of its path."""
    return "r-" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:10]


def finding_ids(findings: list[Finding]) -> list[str]:
    """One id per finding: its code and SARIF fingerprint (code, path, claim), made unique.

    The fingerprint ignores the line, so a link to a finding keeps working after
    the paragraph above it grows; two findings with the same fingerprint get
    ``-2``, ``-3``… in the order they are listed.
    """
    ids: list[str] = []
    seen: dict[str, int] = {}
    for finding in findings:
        base = f"f-{finding.code.lower()}-{fingerprint(finding)[:12]}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids
