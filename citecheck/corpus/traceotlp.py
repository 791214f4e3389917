"""Run logs exported as OpenTelemetry traces in OTLP/JSON (an exporter's file, one
``{"resourceSpans": …}`` request per line, or one such document), as OpenInference
instrumentation (LlamaIndex, LangChain, smolagents via Arize Phoenix) writes them.

Every span of ``resourceSpans[].scopeSpans[].spans[]`` becomes one event of the JSON
readers (:func:`citecheck.corpus.tracejson.from_events`): its attributes
(``[{"key", "value": {"stringValue" | "intValue" | …}}]``) are flattened; a span of kind
``TOOL`` is a call of ``tool.name`` with ``input.value`` as its arguments and
``output.value`` as its result; a ``RETRIEVER`` span's ``retrieval.documents.N.document
.metadata`` (a JSON string naming title and chunk) are the chunks it returned; a span
whose ``status.code`` is 2 (``STATUS_CODE_ERROR``) failed, with the status message or
its ``exception`` event as the error. LLM, agent and chain spans are no tool calls.
"""

from __future__ import annotations

import json
import re
from typing import Any

_MARK = '"resourceSpans"'
_ERROR_CODES = (2, "2", "STATUS_CODE_ERROR")
_TOOL_KINDS = ("TOOL", "RETRIEVER")
_DOCUMENT = re.compile(r"^retrieval\.documents\.(\d+)\.document\.(\w+)$")
_EXCEPTION_MESSAGE = "exception.message"


def otlp_events(text: str, lines: list[str]) -> list[tuple[int, dict[str, Any]]] | None:
    """The spans of an OTLP/JSON export as tool events with their lines; None when
    the text is no such export."""
    if _MARK not in text:
        return None
    requests = [(number, line) for number, line in enumerate(lines, start=1) if _MARK in line]
    parsed = [(number, _loaded(line)) for number, line in requests]
    if not all(isinstance(request, dict) for _, request in parsed):
        parsed = [(1, _loaded(text))]  # one document written over many lines
    events = [
        (number, _event(span))
        for number, request in parsed
        if isinstance(request, dict)
        for span in _spans(request)
    ]
    return events or None


def _loaded(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _spans(request: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        span
        for resource in _list(request.get("resourceSpans"))
        for scope in _list(
            resource.get("scopeSpans") or resource.get("instrumentationLibrarySpans")
        )
        for span in _list(scope.get("spans"))
    ]


def _list(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _event(span: dict[str, Any]) -> dict[str, Any]:
    """One span as an event the JSON readers understand."""
    attributes = _flattened(span.get("attributes"))
    kind = str(attributes.get("openinference.span.kind", "")).upper()
    event: dict[str, Any] = {"name": span.get("name"), "type": kind.casefold() or "span"}
    if kind not in _TOOL_KINDS:
        return event
    status = span.get("status")
    status = status if isinstance(status, dict) else {}
    failed = status.get("code") in _ERROR_CODES
    event["tool"] = str(attributes.get("tool.name") or span.get("name") or kind.casefold())
    event["status"] = "error" if failed else "ok"
    if failed:
        event["error"] = status.get("message") or _exception(span) or "error"
    if "input.value" in attributes:
        event["arguments"] = attributes["input.value"]
    documents = _documents(attributes)
    event["result"] = {"documents": documents} if documents else attributes.get("output.value")
    return event


def _flattened(attributes: Any) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for attribute in _list(attributes):
        value = attribute.get("value")
        if isinstance(attribute.get("key"), str) and isinstance(value, dict) and value:
            flat[attribute["key"]] = next(iter(value.values()))
    return flat


def _documents(attributes: dict[str, Any]) -> list[dict[str, Any]]:
    """A retriever span's documents, in order, each its fields with its metadata parsed."""
    documents: dict[int, dict[str, Any]] = {}
    for key, value in attributes.items():
        found = _DOCUMENT.match(key)
        if found is None:
            continue
        field = found.group(2)
        parsed = _loaded(value) if field == "metadata" and isinstance(value, str) else value
        documents.setdefault(int(found.group(1)), {})[field] = parsed
    return [documents[n] for n in sorted(documents)]


def _exception(span: dict[str, Any]) -> str | None:
    for event in _list(span.get("events")):
        message = _flattened(event.get("attributes")).get(_EXCEPTION_MESSAGE)
        if message:
            return str(message)
    return None
