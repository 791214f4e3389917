"""Run logs exported as MLflow traces (``mlflow.get_trace(...).to_json()``, or the UI's
export): ``{"info": …, "data": {"spans": [...]}}``.

Every span becomes one event of the JSON readers
(:func:`citecheck.corpus.tracejson.from_events`). Its ``attributes`` hold JSON-encoded
strings, decoded once more: a span whose ``mlflow.spanType`` is ``TOOL`` or
``RETRIEVER`` is a call of its ``name`` with ``mlflow.spanInputs`` as its arguments and
``mlflow.spanOutputs`` as its result (a retriever's documents ``{page_content,
metadata: {title, chunk}}`` are the chunks it returned); ``status_code`` ``ERROR``
means it failed, with the status message or its ``exception`` event as the error.
Chat-model, agent and chain spans are no tool calls. Each event is placed on the line
its ``span_id`` is written on.
"""

from __future__ import annotations

import json
from typing import Any

from citecheck.corpus.tracejson import field_lines

_MARK = '"mlflow.spanType"'
_TOOL_KINDS = ("TOOL", "RETRIEVER")


def mlflow_events(text: str) -> list[tuple[int, dict[str, Any]]] | None:
    """The spans of an MLflow trace export as tool events with their lines; None when
    the text is no such export."""
    if _MARK not in text:
        return None
    try:
        document = json.loads(text)
    except ValueError:
        return None
    spans = _spans(document)
    lines = field_lines(text, "span_id")
    events = [(lines.get(_span_id(span), 1), _event(span)) for span in spans]
    return events or None


def _spans(document: Any) -> list[dict[str, Any]]:
    """``data.spans`` of one trace, or of each trace of a list of them."""
    traces = document if isinstance(document, list) else [document]
    found = []
    for trace in traces:
        data = trace.get("data") if isinstance(trace, dict) else None
        spans = data.get("spans") if isinstance(data, dict) else None
        found += [s for s in spans if isinstance(s, dict)] if isinstance(spans, list) else []
    return found


def _span_id(span: dict[str, Any]) -> str:
    context = span.get("context")
    return str(context.get("span_id", "")) if isinstance(context, dict) else ""


def _decoded(value: Any) -> Any:
    """An attribute as MLflow writes it, a JSON string, read back; else as given."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _event(span: dict[str, Any]) -> dict[str, Any]:
    """One span as an event the JSON readers understand."""
    attributes = span.get("attributes")
    attributes = attributes if isinstance(attributes, dict) else {}
    kind = str(_decoded(attributes.get("mlflow.spanType", ""))).upper()
    event: dict[str, Any] = {"name": span.get("name"), "type": kind.casefold() or "span"}
    if kind not in _TOOL_KINDS:
        return event
    failed = str(span.get("status_code", "")).upper() == "ERROR"
    event["tool"] = str(span.get("name") or kind.casefold())
    event["status"] = "error" if failed else "ok"
    if failed:
        event["error"] = span.get("status_message") or _exception(span) or "error"
    if "mlflow.spanInputs" in attributes:
        event["arguments"] = _decoded(attributes["mlflow.spanInputs"])
    event["result"] = _decoded(attributes.get("mlflow.spanOutputs"))
    return event


def _exception(span: dict[str, Any]) -> str | None:
    for event in span.get("events") or []:
        attributes = event.get("attributes") if isinstance(event, dict) else None
        if isinstance(attributes, dict) and attributes.get("exception.message"):
            return str(attributes["exception.message"])
    return None
