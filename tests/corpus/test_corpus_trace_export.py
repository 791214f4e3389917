"""Runs exported as one JSON document of events (an OpenAI Agents SDK trace's spans)."""

from __future__ import annotations

import json

from citecheck.corpus.trace import parse_trace


def _span(ident: str, data: dict, error: dict | None = None) -> dict:
    return {"object": "trace.span", "id": ident, "span_data": data, "error": error}


SEARCH = {"query": "q", "results": [{"title": "MinHash 入门", "chunk": 1, "text": "…"}]}
EXPORT = {
    "object": "trace",
    "id": "trace_1",
    "spans": [
        _span("span_agent", {"type": "agent", "name": "Writer", "tools": ["rag_search"]}),
        _span(
            "span_search", {"type": "function", "name": "rag_search", "output": json.dumps(SEARCH)}
        ),
        _span(
            "span_chunk",
            {
                "type": "function",
                "name": "rag_get_chunk",
                "output": '{"title": "BIRD", "chunk": 0}',
            },
        ),
        _span("span_reply", {"type": "response", "response_id": "resp_1"}),
        _span(
            "span_frames",
            {"type": "function", "name": "video_keyframes", "output": None},
            {"message": "Error running tool", "data": {"error": "ffmpeg: no stream"}},
        ),
    ],
}


def test_spans_of_an_exported_trace_are_calls_with_listings() -> None:
    text = json.dumps(EXPORT, ensure_ascii=False, indent=2)
    trace = parse_trace(text)
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("rag_search", True),
        ("rag_get_chunk", True),
        ("video_keyframes", False),
    ]
    failed = trace.tool_calls[2]
    assert failed.error == "Error running tool: ffmpeg: no stream"
    assert text.splitlines()[failed.line - 1].strip().startswith('"id": "span_frames"')
    assert trace.was_retrieved("MinHash 入门", 1) is True
    assert trace.was_retrieved("BIRD", 0) is True  # one chunk fetched by its index
    assert trace.was_retrieved("MinHash 入门", 0) is False
    assert trace.all_video_calls_failed(["video"]) is True


def test_a_json_document_without_events_is_no_run() -> None:
    assert parse_trace(json.dumps({"title": "notes", "items": 3})).recorded == 0
