"""What a run log records: tool calls and the retrieval listings they returned, in
whichever log format they were read from (:mod:`citecheck.corpus.trace` and the
format readers beside it)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, Field

TRUNCATED = "[truncated]"
"""What a log writes where it cut a message: a listing holding it proves no absence."""
FAILED_RESULT = re.compile(r"^\s*(?:Error|Exception|ToolException|Traceback)\b", re.IGNORECASE)
"""A line opening a tool's result that says the call failed (``ERROR video_frames: …``)."""


class ToolCall(BaseModel):
    """One tool call of the run and whether it succeeded."""

    tool: str
    server: str
    ok: bool
    error: str | None = None
    line: int
    arguments: str = ""
    """What the call was asked, as the log prints it (``{"path": "talk.srt"}``)."""

    def names_file(self, names: Iterable[str]) -> bool:
        """Whether the call's arguments name one of the files ``names``."""
        return any(name and name in self.arguments for name in names)


class RetrievedChunk(BaseModel):
    """One chunk a retrieval listing showed the agent."""

    title: str
    chunk: int


class Retrieval(BaseModel):
    """One listing of retrieval results in the log."""

    tool: str
    query: str | None = None
    results: list[RetrievedChunk] = Field(default_factory=list)
    announced: int | None = None
    complete: bool
    line: int
