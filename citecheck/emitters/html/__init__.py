"""The HTML audit: the report text with its findings highlighted, for people to review.

``render(result, options)`` is the entry point (the ``lint --format html``
output and, per task, the batch audit's pages); see :mod:`.page` for the
layout and :class:`HtmlOptions` for what a caller may pass.
"""

from __future__ import annotations

from citecheck.emitters.html.page import HtmlOptions, embedded_json, render

__all__ = ["HtmlOptions", "embedded_json", "render"]
