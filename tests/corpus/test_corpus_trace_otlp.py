"""Run logs exported as OpenTelemetry OTLP/JSON with OpenInference attributes: tool
spans, retriever spans with their documents, failed spans, pages a reader asked for."""

from __future__ import annotations

import json

from citecheck.corpus.trace import parse_trace


def _attributes(**values: object) -> list[dict[str, object]]:
    def typed(value: object) -> dict[str, object]:
        return {"intValue": str(value)} if isinstance(value, int) else {"stringValue": value}

    return [{"key": key.replace("__", "."), "value": typed(v)} for key, v in values.items()]


def _span(name: str, kind: str, code: int = 1, message: str = "", **values: object) -> dict:
    span = {
        "name": name,
        "attributes": _attributes(openinference__span__kind=kind, **values),
        "status": {"code": code, **({"message": message} if message else {})},
    }
    return span


def _request(*spans: dict) -> str:
    return json.dumps({"resourceSpans": [{"scopeSpans": [{"spans": list(spans)}]}]})


DOCUMENTS = {
    "retrieval.documents.0.document.metadata": json.dumps({"title": "Post A", "chunk": 0}),
    "retrieval.documents.1.document.metadata": json.dumps({"title": "Post A", "chunk": 2}),
}
LOG = "\n".join(
    [
        _request(_span("ChatCompletion", "LLM", output__value="tool_call read_pdf")),
        _request(
            _span(
                "read_pdf",
                "TOOL",
                tool__name="read_pdf",
                input__value='{"path": "pdf.pdf", "pages": "1-5"}',
            ),
            _span(
                "retrieve",
                "RETRIEVER",
                input__value="allusions",
                **{k.replace(".", "__"): v for k, v in DOCUMENTS.items()},
            ),
        ),
        _request(
            _span(
                "video_extract_keyframes",
                "TOOL",
                code=2,
                message="RuntimeError: no video track",
                tool__name="video_extract_keyframes",
                input__value='{"path": "video.mp4"}',
            ),
            _span(
                "read_pdf",
                "TOOL",
                tool__name="read_pdf",
                input__value='{"path": "pdf.pdf", "start_page": 6, "end_page": 9}',
            ),
        ),
    ]
)


def test_tool_and_retriever_spans_are_calls_and_listings() -> None:
    trace = parse_trace(LOG)
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("read_pdf", True),
        ("retrieve", True),
        ("video_extract_keyframes", False),
        ("read_pdf", True),
    ]
    assert trace.tool_calls[2].error == "RuntimeError: no video track"
    assert trace.was_retrieved("Post A", 2) is True
    assert trace.was_retrieved("Post A", 1) is False
    assert [c.line for c in trace.tool_calls] == [2, 2, 3, 3]


def test_the_pages_a_reader_asked_for_are_the_pages_read() -> None:
    trace = parse_trace(LOG)
    assert trace.pages_read("pdf.pdf") == set(range(1, 10))
    whole = LOG.replace('\\"start_page\\": 6, \\"end_page\\": 9', '\\"pages\\": \\"all\\"')
    assert parse_trace(whole).pages_read("pdf.pdf") is None  # one read took it whole
    assert trace.pages_read("other.pdf") is None


def test_one_otlp_document_over_many_lines_is_read_too() -> None:
    document = json.dumps(json.loads(LOG.splitlines()[1]), indent=2)
    trace = parse_trace(document)
    assert [c.tool for c in trace.tool_calls] == ["read_pdf", "retrieve"]
