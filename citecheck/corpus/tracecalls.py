"""What a run log records: tool calls and the retrieval listings they returned, in
whichever log format they were read from (:mod:`citecheck.corpus.trace` and the
format readers beside it)."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, Field

from citecheck.report.citations import expand_numbers

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

    def pages_asked(self) -> list[int] | None:
        """The pages the call asked for (``{"pages": "1-5"}``, ``{"page": 3}``,
        ``{"start_page": 6, "end_page": 9}``); None when it names none: the whole file."""
        asked = _arguments(self.arguments)
        for key in _PAGE_KEYS:
            value = asked.get(key)
            if isinstance(value, int) and not isinstance(value, bool):
                return [value]
            if isinstance(value, list) and value and all(isinstance(v, int) for v in value):
                return list(value)
            if isinstance(value, str) and _PAGE_SPEC.fullmatch(value.strip()):
                return expand_numbers(value)
        first, last = asked.get("start_page"), asked.get("end_page")
        if isinstance(first, int) and isinstance(last, int) and 0 < last - first < _PAGES_MAX:
            return list(range(first, last + 1))
        return None


_PAGE_KEYS = ("pages", "page", "page_range", "page_numbers")
_PAGE_SPEC = re.compile(r"\d+(?:\s*[-–,，、]\s*\d+)*")
_PAGES_MAX = 10_000


def _arguments(text: str) -> dict[str, Any]:
    """A call's arguments as a mapping: JSON, or a Python dict as consoles print it,
    bare or inside the quotes a log wrapped it in (CrewAI's ``"{"path": "a.pdf"}"``)."""
    text = text.strip()
    if len(text) > 2 and text[0] == text[-1] == '"' and text[1] == "{":
        text = text[1:-1]
    for read in (json.loads, ast.literal_eval):
        try:
            value = read(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            continue
        if isinstance(value, dict):
            return value
    return {}


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
