"""Run logs in AutoGen AgentChat's console format: event rules, FunctionCall requests
and FunctionExecutionResult reprs whose content is a Python string literal."""

from __future__ import annotations

from citecheck.corpus.trace import parse_trace

LISTING = (
    "Found 2 results for query \\'router\\':\\n\\n"
    "[1] score=0.86 | source=long_context.json | title=论文解读 | MoE 路由-CSDN博客 | chunk=0\\n"
    "路由器把每个 token 送给两个专家。\\n\\n"
    "[2] score=0.70 | source=long_context.json | title=Top-k gating in practice | chunk=3\\n"
    "The router picks k experts."
)
FAILED = (
    "[FunctionExecutionResult(content=\"RuntimeError: no decodable stream in 'talk.mp4'\", "
    "call_id='call_2', is_error=True)]"
)
READ = "call_id='call_3', is_error=False"
LOG = f"""\
---------- TextMessage (user) ----------
Write the reading notes.
---------- ToolCallRequestEvent (report_agent) ----------
[FunctionCall(id='call_1', arguments='{{"query": "router", "top_k": 2}}', name='rag_search')]
---------- ToolCallExecutionEvent (report_agent) ----------
[FunctionExecutionResult(content='{LISTING}', name='rag_search', call_id='call_1', is_error=False)]
---------- ToolCallRequestEvent (report_agent) ----------
[FunctionCall(id='call_2', arguments='{{"path": "talk.mp4"}}', name='video_keyframes')]
---------- ToolCallExecutionEvent (report_agent) ----------
{FAILED}
---------- ToolCallRequestEvent (report_agent) ----------
[FunctionCall(id='call_3', arguments='{{"path": "talk.eaf"}}', name='read_file')]
---------- ToolCallExecutionEvent (report_agent) ----------
[FunctionExecutionResult(content='<ANNOTATION_DOCUMENT/>', name='read_file', {READ})]
"""


def test_calls_outcomes_and_listings_of_an_agentchat_stream() -> None:
    trace = parse_trace(LOG)
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("rag_search", True),
        ("video_keyframes", False),  # named by its request: older results carry no name
        ("read_file", True),
    ]
    assert trace.tool_calls[1].error == "RuntimeError: no decodable stream in 'talk.mp4'"
    assert trace.was_retrieved("论文解读 | MoE 路由-CSDN博客", 0) is True
    assert trace.was_retrieved("Top-k gating in practice", 3) is True
    assert trace.was_retrieved("Top-k gating in practice", 4) is False


def test_a_call_keeps_the_arguments_it_was_asked_with() -> None:
    trace = parse_trace(LOG)
    assert trace.tool_calls[2].names_file(["talk.eaf", "talk.srt"])
    assert not trace.tool_calls[0].names_file(["talk.eaf"])


def test_a_result_line_is_where_it_is_printed() -> None:
    trace = parse_trace(LOG)
    lines = LOG.splitlines()
    assert [lines[c.line - 1].startswith("[FunctionExecutionResult") for c in trace.tool_calls] == [
        True,
        True,
        True,
    ]
