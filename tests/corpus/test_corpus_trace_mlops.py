"""Run logs exported as MLflow traces: tool and retriever spans whose attributes are
JSON strings, failed spans with their exception events, chat spans that are no calls; and
Weights & Biases Weave call exports."""

from __future__ import annotations

import json

from citecheck.corpus.trace import parse_trace


def _span(name: str, kind: str, inputs: object, outputs: object, **status: object) -> dict:
    return {
        "name": name,
        "context": {"span_id": f"0x{name}-{kind}"},
        "status_code": status.get("code", "OK"),
        "status_message": status.get("message", ""),
        "attributes": {
            "mlflow.spanType": json.dumps(kind),
            "mlflow.spanInputs": json.dumps(inputs),
            "mlflow.spanOutputs": json.dumps(outputs),
        },
        "events": status.get("events", []),
    }


DOCUMENTS = [
    {"page_content": "…", "metadata": {"title": "Post A", "chunk": 0, "source": "lc.json"}},
    {"page_content": "…", "metadata": {"title": "Post B", "chunk": 2, "source": "lc.json"}},
]
TIMEOUT = {
    "code": "ERROR",
    "events": [{"name": "exception", "attributes": {"exception.message": "exceeded 120 s"}}],
}
EXPORT = json.dumps(
    {
        "info": {"request_id": "tr-1", "status": "OK"},
        "data": {
            "spans": [
                _span("ChatOpenAI", "CHAT_MODEL", {"messages": []}, {"generations": []}),
                _span("read_pdf", "TOOL", {"path": "pdf.pdf", "pages": "1-9"}, {"num_pages": 9}),
                _span("rag_search", "TOOL", {"query": "lora"}, "Found 2 documents."),
                _span("VectorStoreRetriever", "RETRIEVER", {"query": "lora"}, DOCUMENTS),
                _span("video_keyframes", "TOOL", {"path": "video.mp4"}, None, **TIMEOUT),
            ]
        },
    },
    indent=1,
)


def test_an_mlflow_export_gives_tool_calls_retrieved_chunks_and_failures() -> None:
    trace = parse_trace(EXPORT, "mlflow_trace.json")
    calls = [(c.tool, c.ok, c.error) for c in trace.tool_calls]
    assert calls == [
        ("read_pdf", True, None),
        ("rag_search", True, None),
        ("VectorStoreRetriever", True, None),
        ("video_keyframes", False, "exceeded 120 s"),  # the exception event's message
    ]
    assert trace.was_retrieved("Post B", 2) is True
    assert trace.was_retrieved("Post B", 1) is False
    assert trace.pages_read("pdf.pdf") == set(range(1, 10))
    # each call is placed on the line its span id is written on
    assert all(c.line > 1 for c in trace.tool_calls)


def _weave(op: str, inputs: object, output: object, exception: str | None = None) -> str:
    name = f"weave:///team/project/op/{op}:0aa4b6dcc98d0abd"
    call = {"op_name": name, "inputs": inputs, "output": output, "exception": exception}
    return json.dumps(call, ensure_ascii=False)


def test_a_weave_calls_export_gives_tool_calls_and_listings_but_no_model_calls() -> None:
    lines = [
        _weave("openai.chat.completions.create", {"model": "m"}, {"choices": []}),
        _weave("rag_search", {"query": "q"}, {"results": [{"title": "Post A", "chunk": 1}]}),
        _weave("video_qa", {"path": "video.mp4"}, None, "TimeoutError: did not finish"),
    ]
    trace = parse_trace("\n".join(lines), "weave_calls.jsonl")
    assert [(c.tool, c.ok, c.error) for c in trace.tool_calls] == [
        ("rag_search", True, None),
        ("video_qa", False, "TimeoutError: did not finish"),
    ]
    assert trace.was_retrieved("Post A", 1) is True
