"""Run logs in smolagents' console format: panels per tool call, observations and
errors below them, listings written as text."""

from __future__ import annotations

from citecheck.corpus.trace import parse_trace

RULE = "━" * 30
LOG = f"""\
╭──────────────── New run ────────────────╮
│ Write the reading notes.                │
╰─ OpenAIServerModel - qwen ──────────────╯
{RULE} Step 1 {RULE}
╭─────────────────────────────────────────╮
│ Calling tool: 'rag_search' with arguments: {{'query': 'router', 'top_k': 2}} │
╰─────────────────────────────────────────╯
Observations: Found 2 results for query 'router':
[1] score=0.861 | title: 论文解读 | MoE 路由-CSDN博客 | chunk: 0
路由器把每个 token 送给两个专家。
[2] score=0.702 | title: Top-k gating in practice | chunk: 3
The router picks k experts.
[Step 1: Duration 2.10 seconds| Input tokens: 14,309 | Output tokens: 57]
{RULE} Step 2 {RULE}
╭─────────────────────────────────────────╮
│ Calling tool: 'video_transcribe' with arguments: {{'path': 'video.mp4'}} │
╰─────────────────────────────────────────╯
Error executing tool 'video_transcribe' with arguments {{'path': 'video.mp4'}}: TimeoutError: busy
Please try again or use another tool
[Step 2: Duration 120.32 seconds| Input tokens: 17,591 | Output tokens: 38]
{RULE} Step 3 {RULE}
╭─────────────────────────────────────────╮
│ Calling tool: 'video_slides' with arguments: {{'path': 'video.mp4'}}   │
╰─────────────────────────────────────────╯
Observations: slide 1 00:00:00 title slide
[Step 3: Duration 0.20 seconds| Input tokens: 18,000 | Output tokens: 20]
"""


def test_calls_failures_and_listings_of_a_smolagents_log() -> None:
    trace = parse_trace(LOG)
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("rag_search", True),
        ("video_transcribe", False),
        ("video_slides", True),
    ]
    assert trace.tool_calls[1].error is not None
    assert trace.tool_calls[1].error.startswith("Error executing tool 'video_transcribe'")
    assert trace.was_retrieved("论文解读 | MoE 路由-CSDN博客", 0) is True
    assert trace.was_retrieved("Top-k gating in practice", 3) is True
    assert trace.was_retrieved("论文解读 | MoE 路由-CSDN博客", 1) is False
    assert trace.all_video_calls_failed(["video"]) is False


def test_a_listing_short_of_the_results_it_announces_proves_no_absence() -> None:
    trace = parse_trace(LOG.replace("Found 2 results", "Found 5 results"))
    assert trace.was_retrieved("论文解读 | MoE 路由-CSDN博客", 1) is None


def test_a_log_whose_every_video_call_failed() -> None:
    trace = parse_trace(LOG.replace("Observations: slide 1", "Error: could not decode slide 1"))
    assert trace.all_video_calls_failed(["video"]) is True
