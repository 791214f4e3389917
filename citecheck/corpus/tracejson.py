"""Run logs written as JSON lines (one event object per line, as agent frameworks
write them) or as one exported JSON document holding a list of events (an OpenAI
Agents SDK trace's ``spans``, a LangSmith / Langfuse export's ``runs`` or
``observations``): an event that names a tool and reports an outcome (``status``,
``error``, ``result`` …) is a tool call, its fields read through a wrapper such as
``span_data``; every list in its result (a JSON string parsed first) whose items name
a title and a chunk index (``{"hits": [{"title", "chunk"}]}``, ``{"title", "chunks":
[{"chunk"}]}``) is a retrieval listing, complete when it holds the total it announces.
A Weights & Biases Weave calls export (``op_name``, ``inputs``, ``output``,
``exception``, one call a line) is read the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from citecheck.corpus.tracecalls import Retrieval, RetrievedChunk, ToolCall
from citecheck.corpus.tracetext import text_listing

# the keys agent frameworks use for a tool's name, its outcome, its
# result, and the titles, chunk indexes and totals of the chunks a retrieval returned
JSON_LOG_SHARE = 0.8
"""Share of a log's lines that must be JSON objects for it to be read as JSON lines."""
TOOL_KEYS = ("tool", "tool_name", "function", "name")
OUTCOME_KEYS = ("status", "result", "output", "error", "is_error", "ok", "success")
RESULT_KEYS = ("result", "output", "outputs", "content", "response")
ARGUMENT_KEYS = ("arguments", "args", "input", "inputs", "tool_input", "parameters", "params")
FAILED_STATUSES = frozenset({"error", "failed", "failure", "timeout", "exception", "cancelled"})
TITLE_KEYS = ("title", "doc_title", "document_title", "source_title")
CHUNK_KEYS = ("chunk", "chunk_id", "chunk_index", "chunk_idx")
TOTAL_KEYS = ("total_hits", "total", "num_results", "results_found", "count")
EVENT_LIST_KEYS = ("spans", "events", "runs", "observations", "steps", "records", "child_runs")
"""Where an exported run document keeps its events."""
WRAPPER_KEYS = ("span_data", "data", "attributes", "payload")
"""Where an event keeps its own fields (``{"span_data": {"type", "name", "output"}}``)."""
NOT_TOOL_TYPES = frozenset(
    {"agent", "response", "generation", "handoff", "guardrail", "llm", "chain", "prompt", "parser"}
)
"""Event types (``type``, LangSmith's ``run_type``) that are no tool call, though they may
report an error."""
TYPE_KEYS = ("type", "run_type")
TREE_DEPTH_MAX = 64
"""Nesting of a run tree followed: far beyond any real agent's."""


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


def document_events(text: str) -> list[tuple[int, dict[str, Any]]] | None:
    """The events of a run exported as one JSON document (a list of events, or one
    under :data:`EVENT_LIST_KEYS`), each with the line its ``id`` is written on (1 when
    it has none); None when the text is no such document."""
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if isinstance(document, dict) and not any(
        isinstance(document.get(k), list) for k in EVENT_LIST_KEYS
    ):
        return None
    if not isinstance(document, dict | list):
        return None
    events = [_unwrapped(e) for e in _tree_events(document, 0)]
    lines = field_lines(text)
    return [(lines.get(str(e.get("id")), 1), e) for e in events] or None


def _tree_events(node: Any, depth: int) -> list[dict[str, Any]]:
    """Every event of a document, a run tree's nested ``child_runs`` included, in
    order: a node and then its children."""
    if depth > TREE_DEPTH_MAX:
        return []
    if isinstance(node, list):
        return [e for item in node if isinstance(item, dict) for e in _tree_events(item, depth + 1)]
    children = [node[k] for k in EVENT_LIST_KEYS if isinstance(node.get(k), list)]
    own = [{k: v for k, v in node.items() if k not in EVENT_LIST_KEYS}]
    return own + [e for child in children for e in _tree_events(child, depth + 1)]


def _unwrapped(event: dict[str, Any]) -> dict[str, Any]:
    """An event with the fields of its wrapper (``span_data``) beside its own."""
    for key in WRAPPER_KEYS:
        inner = event.get(key)
        if isinstance(inner, dict):
            return {**inner, **{k: v for k, v in event.items() if v is not None and k != key}}
    return event


def field_lines(text: str, field: str = "id") -> dict[str, int]:
    """The line each ``"<field>": "…"`` is first written on, found in one pass over the
    text (a run of thousands of events is not searched once per event)."""
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for found in re.finditer(rf'"{re.escape(field)}"\s*:\s*"((?:[^"\\]|\\.)*)"', text):
        line += text.count("\n", counted, found.start())
        counted = found.start()
        lines.setdefault(found.group(1), line)
    return lines


def _event_tool(event: dict[str, Any]) -> str | None:
    if any(str(event.get(key, "")).casefold() in NOT_TOOL_TYPES for key in TYPE_KEYS):
        return None
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
    return not failed, (_error_text(error) if error else None)


def _error_text(error: Any) -> str:
    """An error as one line: a message with its detail (``{"message", "data": {"error"}}``)."""
    if isinstance(error, dict):
        detail = error.get("data")
        said = [error.get("message"), detail.get("error") if isinstance(detail, dict) else None]
        return ": ".join(str(part) for part in said if part) or json.dumps(error)
    return str(error)


def listings(payload: Any, tool: str, line: int) -> Iterable[Retrieval]:
    """Every list of chunks in a tool's result: items naming a title (or under a parent
    that does) and a chunk index; a parent's total says whether the list is complete.
    A result that is itself one chunk (``{"title", "chunk", "text"}``) lists that one."""
    if isinstance(payload, dict):
        if single := _chunks([payload], None):  # one chunk fetched by its index
            yield Retrieval(tool=tool, results=single, complete=True, line=line)
            return
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
    elif isinstance(payload, str) and (written := text_listing(payload, tool, line)):
        yield written  # a listing written as text ("cite as: [long_context: "T", chunk 0]")


def _chunks(items: list[Any], title: str | None) -> list[RetrievedChunk]:
    found = []
    for item in items:
        if not isinstance(item, dict):
            continue
        meta = item.get("metadata")  # a retriever's documents: {page_content, metadata}
        fields = {**meta, **item} if isinstance(meta, dict) else item
        own = next((fields[k] for k in TITLE_KEYS if isinstance(fields.get(k), str)), title)
        index = next((fields[k] for k in CHUNK_KEYS if isinstance(fields.get(k), int)), None)
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
    for line, written in events:
        event = _weave_call(written) if isinstance(written.get("op_name"), str) else written
        tool = _event_tool(event)
        outcome = _event_outcome(event)
        if tool is None or outcome is None:
            continue
        ok, error = outcome
        asked = " ".join(_as_text(event.get(key)) for key in ARGUMENT_KEYS if key in event)
        calls.append(ToolCall(tool=tool, server="", ok=ok, error=error, line=line, arguments=asked))
        for key in RESULT_KEYS:
            retrievals.extend(listings(_parsed(event.get(key)), tool, line))
    return retrievals, calls


_WEAVE_OP = re.compile(r"(?:^|/)(?:op/)?(?P<name>[^/:]+)(?::[0-9a-f]+)?$")
_MODEL_OPS = re.compile(r"chat|completion|openai|anthropic|llm|embed", re.IGNORECASE)


def _weave_call(event: dict[str, Any]) -> dict[str, Any]:
    """A Weights & Biases Weave call (``op_name`` ``weave:///…/op/rag_search:<digest>``,
    ``inputs``, ``output``, ``exception``) as an event the readers understand; a model
    call is no tool call."""
    found = _WEAVE_OP.search(event["op_name"])
    name = found["name"] if found else event["op_name"]
    if _MODEL_OPS.search(name):
        return {"type": "llm"}
    failed = event.get("exception")
    return {
        "tool": name,
        "status": "error" if failed else "ok",
        **({"error": failed} if failed else {}),
        "inputs": event.get("inputs"),
        "output": event.get("output"),
    }


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _parsed(result: Any) -> Any:
    """A result written as a JSON string (as exported spans keep it) parsed; else as is."""
    if isinstance(result, str) and result.lstrip().startswith(("{", "[")):
        try:
            return json.loads(result)
        except ValueError:
            return result
    return result
