"""Run logs saved as a chat transcript: the message list of a tool-using conversation,
as a JSON document (``{"messages": […]}`` or the bare list) or one message per line.

- OpenAI style: an assistant message's ``tool_calls`` (``{"id", "function": {"name"}}``)
  answered by ``{"role": "tool", "tool_call_id", "content"}`` messages (or the older
  ``{"role": "function", "name", "content"}``);
- Anthropic style: ``{"type": "tool_use", "id", "name"}`` content blocks answered by
  ``{"type": "tool_result", "tool_use_id", "content", "is_error"}`` blocks.

Each answer is a tool call, failed when it is marked as an error or its text opens
with one (``ERROR video_frames: …``). Its chunks come from the result as JSON
(:func:`citecheck.corpus.tracejson.listings`) or as text
(:func:`citecheck.corpus.tracetext.text_listing`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from citecheck.corpus.tracecalls import FAILED_RESULT, Retrieval, ToolCall
from citecheck.corpus.tracejson import listings
from citecheck.corpus.tracetext import text_listing

MESSAGE_LIST_KEYS = ("messages", "conversation", "history", "transcript", "chat")
"""Keys under which a saved run keeps its message list."""


def chat_messages(
    text: str, events: list[tuple[int, dict[str, Any]]] | None
) -> list[dict[str, Any]] | None:
    """The messages of a chat-transcript log: the whole ``text`` as a JSON document, or
    its JSON-lines ``events`` when they are messages; None when it is neither."""
    if events is not None:
        documents: list[Any] = [event for _, event in events]
    else:
        try:
            documents = [json.loads(text)]
        except ValueError:
            return None
    messages = documents if _are_messages(documents) else None
    if messages is None and len(documents) == 1:  # the whole run saved on one line
        messages = _message_list(documents[0])
    if messages is None or not _are_messages(messages):
        return None
    return [m for m in messages if isinstance(m, dict)]


def _are_messages(items: list[Any]) -> bool:
    return any(isinstance(m, dict) and "role" in m for m in items)


def _message_list(document: Any) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in MESSAGE_LIST_KEYS:
            if isinstance(document.get(key), list):
                return list(document[key])
    return None


def from_messages(messages: list[dict[str, Any]]) -> tuple[list[Retrieval], list[ToolCall]]:
    """Tool calls and retrieval listings of a chat transcript (:func:`chat_messages`);
    a call's line is its answer's position in the message list (1-based)."""
    requests: dict[str, tuple[str, str]] = {}
    retrievals: list[Retrieval] = []
    calls: list[ToolCall] = []
    for position, message in enumerate(messages, start=1):
        requests.update(_requested(message))
        for call_id, name, result, is_error in _answers(message):
            requested, arguments = requests.get(call_id or "", ("", ""))
            tool = name or requested or "tool"
            text = _as_text(result)
            failed = is_error or FAILED_RESULT.match(text) is not None
            error = text.strip().split("\n", 1)[0] if failed else None
            calls.append(
                ToolCall(
                    tool=tool,
                    server="",
                    ok=not failed,
                    error=error,
                    line=position,
                    arguments=arguments,
                )
            )
            retrievals.extend(_retrievals(result, text, tool, position))
    return retrievals, calls


def _requested(message: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """(tool name, arguments as text) by call id, from the calls a message makes."""
    found = {}
    for call in message.get("tool_calls") or []:
        if isinstance(call, dict):
            function = call.get("function")
            asked = function if isinstance(function, dict) else call
            if isinstance(asked.get("name"), str):
                found[str(call.get("id", ""))] = (asked["name"], _as_text(asked.get("arguments")))
    for block in _blocks(message):
        if block.get("type") == "tool_use" and isinstance(block.get("name"), str):
            found[str(block.get("id", ""))] = (block["name"], _as_text(block.get("input")))
    return found


def _answers(message: dict[str, Any]) -> Iterator[tuple[str | None, str | None, Any, bool]]:
    """(call id, tool name, result, marked as an error) of each tool result a message
    carries."""
    if message.get("role") in ("tool", "function"):
        name = message.get("name")
        yield (
            message.get("tool_call_id"),
            name if isinstance(name, str) else None,
            message.get("content"),
            message.get("is_error") is True,
        )
    for block in _blocks(message):
        if block.get("type") == "tool_result":
            yield (
                block.get("tool_use_id"),
                None,
                block.get("content"),
                block.get("is_error") is True,
            )


def _blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    content = message.get("content")
    return [b for b in content if isinstance(b, dict)] if isinstance(content, list) else []


def _as_text(result: Any) -> str:
    """A result as text: a string as it is, content blocks by their text."""
    if isinstance(result, str):
        return result
    if isinstance(result, list):
        return "\n".join(str(b.get("text", "")) if isinstance(b, dict) else str(b) for b in result)
    return json.dumps(result, ensure_ascii=False) if result is not None else ""


def _retrievals(result: Any, text: str, tool: str, line: int) -> list[Retrieval]:
    structured = result
    if isinstance(result, str) and result.lstrip()[:1] in ("{", "["):
        try:
            structured = json.loads(result)
        except ValueError:
            structured = None
    if not isinstance(structured, str) and structured is not None:
        found = list(listings(structured, tool, line))
        if found:
            return found
    listing = text_listing(text, tool, line)
    return [listing] if listing else []
