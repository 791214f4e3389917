"""Run logs saved as chat transcripts (OpenAI and Anthropic tool messages), listings
written as text in a tool's result, and finding a task folder's run log."""

from __future__ import annotations

import json
from pathlib import Path

from citecheck.corpus.trace import find_trace, parse_trace

SEARCH_RESULT = (
    'rag_search: 2 results for "moe routing" (index: long_context.json)\n\n'
    '#1  score=0.87  title="MoE 路由详解"  chunk=0\nMoE 的门控网络……\n\n'
    '#2  score=0.81  title="Top-k gating in practice"  chunk=3\nThe router picks k experts.'
)
CONTEXT_RESULT = (
    'rag_get_context: title="MoE 路由详解" chunk=2 window=1\n\n'
    "[chunk 1]\n负载均衡损失……\n\n[chunk 2]\n专家容量……"
)
OPENAI = {
    "run_id": "r1",
    "messages": [
        {"role": "user", "content": "Write the report."},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "rag_search"}},
                {"id": "c2", "type": "function", "function": {"name": "video_frames"}},
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": SEARCH_RESULT},
        {
            "role": "tool",
            "tool_call_id": "c2",
            "content": "ERROR video_frames: ffmpeg exited with status 1\nNo frames.",
        },
        {
            "role": "assistant",
            "tool_calls": [{"id": "c3", "function": {"name": "rag_get_context"}}],
        },
        {
            "role": "tool",
            "tool_call_id": "c3",
            "name": "rag_get_context",
            "content": CONTEXT_RESULT,
        },
    ],
}


def test_openai_messages_give_calls_failures_and_text_listings() -> None:
    trace = parse_trace(json.dumps(OPENAI, ensure_ascii=False))
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("rag_search", True),
        ("video_frames", False),
        ("rag_get_context", True),
    ]
    assert trace.tool_calls[1].error == "ERROR video_frames: ffmpeg exited with status 1"
    assert trace.was_retrieved("MoE 路由详解", 0) is True
    assert trace.was_retrieved("Top-k gating in practice", 3) is True
    assert trace.was_retrieved("MoE 路由详解", 1) is True  # a [chunk 1] header of the window
    assert trace.was_retrieved("MoE 路由详解", 5) is False  # every listing shows its total
    assert trace.all_video_calls_failed(["video"]) is True


def test_a_text_listing_short_of_its_announced_results_proves_no_absence() -> None:
    cut = SEARCH_RESULT.replace("2 results", "5 results")
    messages = [
        {"role": "assistant", "tool_calls": [{"id": "a", "function": {"name": "rag_search"}}]},
        {"role": "tool", "tool_call_id": "a", "content": cut},
    ]
    trace = parse_trace(json.dumps(messages))
    assert trace.was_retrieved("MoE 路由详解", 0) is True
    assert trace.was_retrieved("MoE 路由详解", 7) is None


def test_anthropic_blocks_with_json_results_and_an_error_flag() -> None:
    messages = [
        {
            "role": "assistant",
            "content": [
                {"type": "text", "text": "Searching."},
                {"type": "tool_use", "id": "t1", "name": "search_docs", "input": {"q": "x"}},
                {"type": "tool_use", "id": "t2", "name": "watch_video", "input": {}},
            ],
        },
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "t1",
                    "content": json.dumps({"hits": [{"title": "CTC 详解", "chunk": 4}]}),
                },
                {
                    "type": "tool_result",
                    "tool_use_id": "t2",
                    "content": "timeout",
                    "is_error": True,
                },
            ],
        },
    ]
    lines = "\n".join(json.dumps(m, ensure_ascii=False) for m in messages)  # as JSON lines
    trace = parse_trace(lines)
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("search_docs", True),
        ("watch_video", False),
    ]
    assert trace.was_retrieved("CTC 详解", 4) is True
    assert trace.was_retrieved("CTC 详解", 0) is False


def test_the_folder_log_that_records_the_most_calls_is_found(tmp_path: Path) -> None:
    (tmp_path / "query.md").write_text("Write a report.", encoding="utf-8")
    (tmp_path / "notes_log.txt").write_text("nothing recorded here", encoding="utf-8")
    short = {"messages": OPENAI["messages"][:4]}
    (tmp_path / "run_short.json").write_text(json.dumps(short), encoding="utf-8")
    (tmp_path / "logs").mkdir()
    whole = tmp_path / "logs" / "agent_messages.json"
    whole.write_text(json.dumps(OPENAI, ensure_ascii=False), encoding="utf-8")
    found = find_trace(tmp_path)
    assert found is not None and Path(found.path) == whole


def test_no_log_a_binary_log_or_one_outside_the_folder_is_no_trace(tmp_path: Path) -> None:
    task = tmp_path / "task"
    task.mkdir()
    assert find_trace(task) is None
    (task / "trace.log").write_bytes(b"\x00\x01binary")
    outside = tmp_path / "elsewhere.json"
    outside.write_text(json.dumps(OPENAI), encoding="utf-8")
    (task / "run.json").symlink_to(outside)
    assert find_trace(task) is None
