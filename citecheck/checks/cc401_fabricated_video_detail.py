"""CC401 fabricated-video-detail."""

from __future__ import annotations

from citecheck.checks._outcome_rules import VideoRule
from citecheck.checks.base import register
from citecheck.models import Category, Severity


@register
class FabricatedVideoDetail(VideoRule):
    """A statement about the video that the agent cannot have seen or the evidence denies.

    Every claim cited to a video, or written in a section about the video, is
    checked against the transcript segments and keyframe notes; the finding
    lists the timestamps looked at. It is fabricated when the agent's trace
    shows every video tool call failed, when the evidence does not back it, or
    when it says the video showed a kind of visual (an animation, a whiteboard:
    ``[video] shown_kinds``) that no keyframe note or segment mentions, or names what a
    note says was not there ("No latency chart"), and the judge does not plainly read
    the claim as stated.

    Anti-pattern
    ------------
    All three video tool calls in the trace failed, yet the report says::

        （4）视频补充要点
        讲者通过概率分布动态变化动画，清晰分析负梯度如何推高头部概率[视频: video.mp4]。

    Best practice
    -------------
    Say the video could not be analysed, and describe only what was seen::

        （4）视频补充要点
        视频未能获取（工具调用失败），本节不含视频内容。
    """

    code = "CC401"
    slug = "fabricated-video-detail"
    category = Category.FABRICATED_VIDEO_DETAIL
    severity = Severity.ERROR
    summary = "A video detail is not backed by the transcript or keyframes."
    verdict = "fabricated"
