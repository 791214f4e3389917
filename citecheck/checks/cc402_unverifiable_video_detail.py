"""CC402 unverifiable-video-detail."""

from __future__ import annotations

from citecheck.checks._outcome_rules import VideoRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class UnverifiableVideoDetail(VideoRule):
    """A concrete video detail that nothing in the folder can confirm.

    Reported when a visual claim (slides, animations, on-stage scenes) has only
    a transcript to go on, and as info when the folder holds no transcript,
    keyframe notes or meta for the video at all: nothing read speaks against
    the claim, and a warning on every line of the video section says only that
    once per line.

    Anti-pattern
    ------------
    The folder holds ``video.mp4`` and nothing else::

        视频以幻灯片形式系统讲解论文背景[视频: video.mp4]。

    Best practice
    -------------
    Ship the transcript and keyframe notes with the video, or say what was
    checked::

        video.mp4, video.srt, video.keyframes.json
    """

    code = "CC402"
    slug = "unverifiable-video-detail"
    category = Category.FABRICATED_VIDEO_DETAIL
    severity = Severity.WARNING
    summary = "A video detail cannot be checked: nothing in the folder holds evidence for it."
    verdict = "unverifiable"
