"""CC403 speculative-video-content."""

from __future__ import annotations

from citecheck.checks._outcome_rules import VideoRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class SpeculativeVideoContent(VideoRule):
    """Generic or speculative text passed off as what the video contains.

    Sentences about the video that guess (通常会…, 推测…, typically, presumably)
    instead of reporting, and that the evidence does not back. Sentences that
    say themselves they are not from the video are not reported.

    Anti-pattern
    ------------
    ::

        视频通常会以LLM发展历程为切入点，讲解主流微调方法。

    Best practice
    -------------
    Report what the video shows, or mark the guess as not from the video::

        视频在 00:02:10 介绍了 SFT 与 DPO 的对比。
    """

    code = "CC403"
    slug = "speculative-video-content"
    category = Category.FABRICATED_VIDEO_DETAIL
    severity = Severity.WARNING
    summary = "Speculative text is presented as the video's content."
    verdict = "speculative"
