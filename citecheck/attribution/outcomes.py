"""What the attribution stage found in one report, as plain data the rules filter.

:class:`ReportAttribution` is computed once per report (lazily, on the first
rule that asks, see :meth:`citecheck.checks.base.LintContext.attribution`):
one :class:`AttributionOutcome` per named person that was or could not be
checked, one :class:`VideoOutcome` per claim about a video, and the sidecars
that could not be read. The CC3xx/CC4xx/CC902 rules only pick slices of it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from citecheck.models import Citation, Claim, Evidence, Severity

OutcomeKind = Literal["presenter", "role", "remark", "author", "author-role", "finding", "details"]
"""What was checked: the talk's presenter, another talk role (moderator, audience),
a remark given to a speaker, a listed author or affiliation, a first/corresponding
author, a finding credited to someone, the year or venue of an attributed work."""

Verdict = Literal["ok", "wrong", "unverifiable"]
VideoVerdict = Literal["fabricated", "unverifiable", "speculative", "supported"]


class AttributionOutcome(BaseModel):
    """One named person checked against the corpus."""

    kind: OutcomeKind
    verdict: Verdict
    claim: Claim
    name: str
    message: str
    evidence: list[Evidence] = Field(default_factory=list)
    fix: str | None = None
    citation: Citation | None = None
    severity: Severity | None = Field(
        None, description="set where the rule's own severity is too strong for the evidence"
    )


class VideoOutcome(BaseModel):
    """The verdict on one claim about a video, with the evidence looked at."""

    claim: Claim
    verdict: VideoVerdict
    message: str
    evidence: list[Evidence] = Field(default_factory=list)
    fix: str | None = None
    severity: Severity | None = None


class ReportAttribution(BaseModel):
    """Every attribution and video outcome of one report, in reading order."""

    attributions: list[AttributionOutcome] = Field(default_factory=list)
    videos: list[VideoOutcome] = Field(default_factory=list)
