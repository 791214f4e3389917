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


def _run(name: str, run_type: str, outputs: dict | None, error: str | None = None, **kw) -> dict:
    return {
        "id": f"run-{name}-{run_type}",
        "name": name,
        "run_type": run_type,
        "outputs": outputs,
        "error": error,
        **kw,
    }


RUN_TREE = _run(
    "research_agent",
    "chain",
    {"messages": []},
    child_runs=[
        _run(
            "tools",
            "chain",
            {"messages": []},
            child_runs=[
                _run(
                    "rag_search",
                    "tool",
                    {"output": 'Found 1 result:\n[1] [long_context: "GelSight 原理", chunk 0]'},
                    child_runs=[
                        _run(
                            "LongContextRetriever",
                            "retriever",
                            {
                                "documents": [
                                    {
                                        "page_content": "…",
                                        "metadata": {"title": "ACT 精读", "chunk": 2},
                                    }
                                ]
                            },
                        )
                    ],
                ),
                _run("video_frames", "tool", None, "Traceback (most recent call last):\n  ffmpeg"),
            ],
        )
    ],
)


def test_a_langsmith_run_tree_is_read_through_its_child_runs() -> None:
    trace = parse_trace(json.dumps(RUN_TREE, ensure_ascii=False, indent=1))
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("rag_search", True),
        ("LongContextRetriever", True),
        ("video_frames", False),
    ]
    assert trace.was_retrieved("GelSight 原理", 0) is True  # written as text in the output
    assert trace.was_retrieved("ACT 精读", 2) is True  # a retriever's document metadata
    assert trace.was_retrieved("ACT 精读", 1) is False
