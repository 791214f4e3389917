"""Run logs written as JSON lines (one event object per line, as agent frameworks
write them): an event that names a tool and reports an outcome (``status``,
``error``, ``result`` …) is a tool call; every list in its result whose items name a
title and a chunk index (``{"hits": [{"title", "chunk"}]}``, ``{"title", "chunks":
[{"chunk"}]}``) is a retrieval listing, complete when it holds the total it announces.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from citecheck.corpus.tracecalls import Retrieval, RetrievedChunk, ToolCall

# the keys agent frameworks use for a tool's name, its outcome, its
# result, and the titles, chunk indexes and totals of the chunks a retrieval returned
JSON_LOG_SHARE = 0.8
"""Share of a log's lines that must be JSON objects for it to be read as JSON lines."""
TOOL_KEYS = ("tool", "tool_name", "function", "name")
OUTCOME_KEYS = ("status", "result", "output", "error", "is_error", "ok", "success")
RESULT_KEYS = ("result", "output", "content", "response")
FAILED_STATUSES = frozenset({"error", "failed", "failure", "timeout", "exception", "cancelled"})
TITLE_KEYS = ("title", "doc_title", "document_title", "source_title")
CHUNK_KEYS = ("chunk", "chunk_id", "chunk_index", "chunk_idx")
TOTAL_KEYS = ("total_hits", "total", "num_results", "results_found", "count")


def json_events(lines: list[str]) -> list[tuple[int, dict[str, Any]]] | None:
    """The events of a JSON-lines log (one JSON object per line, as agent frameworks
    write them), with their line numbers; None when the log is not one."""
    events: list[tuple[int, dict[str, Any]]] = []
    written = 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        written += 1
        if stripped.startswith("{"):
            try:
                event = json.loads(stripped)
            except ValueError:
                continue
            if isinstance(event, dict):
                events.append((number, event))
    return events if events and len(events) >= JSON_LOG_SHARE * written else None


def _event_tool(event: dict[str, Any]) -> str | None:
    for key in TOOL_KEYS:
        value = event.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return str(value["name"])  # {"function": {"name": …}}
    return None


def _event_outcome(event: dict[str, Any]) -> tuple[bool, str | None] | None:
    """Whether a tool's result event reports success, and its error; None for an event
    that reports no outcome (the call itself, a message)."""
    if not any(key in event for key in OUTCOME_KEYS):
        return None
    status = str(event.get("status", "")).casefold()
    error = event.get("error")
    failed = (
        status in FAILED_STATUSES
        or event.get("is_error") is True
        or event.get("ok") is False
        or event.get("success") is False
        or bool(error)
    )
    return not failed, (str(error) if error else None)


def listings(payload: Any, tool: str, line: int) -> Iterable[Retrieval]:
    """Every list of chunks in a tool's result: items naming a title (or under a parent
    that does) and a chunk index; a parent's total says whether the list is complete."""
    if isinstance(payload, dict):
        title = next((payload[k] for k in TITLE_KEYS if isinstance(payload.get(k), str)), None)
        announced = next((payload[k] for k in TOTAL_KEYS if isinstance(payload.get(k), int)), None)
        for value in payload.values():
            if isinstance(value, list) and (chunks := _chunks(value, title)):
                truncated = payload.get("truncated") is True
                complete = not truncated and (announced is None or len(chunks) >= announced)
                yield Retrieval(
                    tool=tool,
                    query=payload.get("query") if isinstance(payload.get("query"), str) else None,
                    results=chunks,
                    announced=announced,
                    complete=complete,
                    line=line,
                )
            else:
                yield from listings(value, tool, line)
    elif isinstance(payload, list):
        for item in payload:
            yield from listings(item, tool, line)


def _chunks(items: list[Any], title: str | None) -> list[RetrievedChunk]:
    found = []
    for item in items:
        if not isinstance(item, dict):
            continue
        own = next((item[k] for k in TITLE_KEYS if isinstance(item.get(k), str)), title)
        index = next((item[k] for k in CHUNK_KEYS if isinstance(item.get(k), int)), None)
        if own is not None and index is not None:
            found.append(RetrievedChunk(title=own, chunk=index))
    return found


def from_events(
    events: list[tuple[int, dict[str, Any]]],
) -> tuple[list[Retrieval], list[ToolCall]]:
    """Tool calls (from the events that report an outcome) and retrieval listings of
    a JSON-lines log (:func:`json_events`)."""
    retrievals: list[Retrieval] = []
    calls: list[ToolCall] = []
    for line, event in events:
        tool = _event_tool(event)
        outcome = _event_outcome(event)
        if tool is None or outcome is None:
            continue
        ok, error = outcome
        calls.append(ToolCall(tool=tool, server="", ok=ok, error=error, line=line))
        for key in RESULT_KEYS:
            retrievals.extend(listings(event.get(key), tool, line))
    return retrievals, calls
