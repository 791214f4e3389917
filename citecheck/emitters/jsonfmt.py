"""The JSON contract: exactly :class:`~citecheck.models.Result`, keys in model order."""

from __future__ import annotations

import json

from citecheck.models import Result


def render(result: Result) -> str:
    """One JSON object: version, corpus, files, findings, summary."""
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
