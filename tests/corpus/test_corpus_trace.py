"""Trace: tool calls, retrieval listings, truncation, grounding; seed 002."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.corpus.trace import load_trace, parse_trace, same_title
from citecheck.errors import InputError

SYNTHETIC = """\
    Message: Connecting to server 'tool-rag' to call tool 'rag_search'
  2025-12-04 07:33:29 [INFO] ✅ ToolManager | Tool Call Success
    Message: Connecting to server 'tool-video' to call tool 'video_understanding'
  2025-12-04 07:34:19 [ERROR] ❌ ToolManager | Tool Call Failed
    Message: Error: Failed to call tool 'video_understanding': timeout
--- Message 4 (user) ---
=== RAG Search Results ===
Query: 'attention'
Results Found: 2

Result 1
Citation: [long_context: "Attention Is All You Need", chunk 3]
Title: Attention Is All You Need
Chunk Index: 3
--- Content ---
Title: not a header line
Result 2
Title: Scaling Laws
Chunk Index: 0
--- Message 5 (user) ---
"""


def test_synthetic_log() -> None:
    trace = parse_trace(SYNTHETIC)
    assert [(c.tool, c.server, c.ok, c.line) for c in trace.tool_calls] == [
        ("rag_search", "tool-rag", True, 1),
        ("video_understanding", "tool-video", False, 3),
    ]
    assert trace.tool_calls[1].error == "Failed to call tool 'video_understanding': timeout"
    (listing,) = trace.retrievals
    assert listing.tool == "rag_search" and listing.query == "attention" and listing.complete
    assert [(r.title, r.chunk) for r in listing.results] == [
        ("Attention Is All You Need", 3),
        ("Scaling Laws", 0),
    ]
    assert trace.was_retrieved("attention is all you need", 3) is True
    assert trace.was_retrieved("Attention Is All You Need", 4) is False
    assert trace.all_video_calls_failed() is True


def test_chunks_fetched_by_id_count_as_retrieved() -> None:
    log = """\
<tool_name>rag_get_context</tool_name>
--- Message 18 (user) ---
=== RAG Context ===
Title: Scaling Laws
Chunks returned: 2

============================================================
Citation: [long_context: "Scaling Laws", chunk 2]
============================================================
the text of chunk 2
============================================================
Citation: [long_context: "Scaling Laws", chunk 3]
============================================================
the text of chunk 3
--- Message 19 (assistant) ---
"""
    trace = parse_trace(log)
    [listing] = trace.retrievals
    assert (listing.tool, listing.complete) == ("rag_get_context", True)
    assert [(r.title, r.chunk) for r in listing.results] == [
        ("Scaling Laws", 2),
        ("Scaling Laws", 3),
    ]
    assert trace.was_retrieved("Scaling Laws", 3) is True
    assert trace.was_retrieved("Scaling Laws", 4) is False


def test_truncated_listing_makes_absence_unknown() -> None:
    cut = SYNTHETIC.replace(
        "Result 2\nTitle: Scaling Laws\nChunk Index: 0\n", "Res... [truncated]\n"
    )
    trace = parse_trace(cut)
    assert not trace.retrievals[0].complete
    assert trace.was_retrieved("Attention Is All You Need", 3) is True
    assert trace.was_retrieved("Scaling Laws", 0) is None


def test_no_video_calls_and_no_listings() -> None:
    trace = parse_trace("nothing happened here\n")
    assert trace.all_video_calls_failed() is None
    assert trace.was_retrieved("Anything", 0) is None


def test_same_title_tolerates_shortening_and_lost_bytes() -> None:
    full = (
        "写给“纯小白”的大语言模型入门指南，（非常详细）零基础入门到精通，收藏这一篇就够了-CSDN博客"
    )
    damaged = (
        "写给“纯\ufffd白\ufffd的大\ufffd言模\ufffd入门指\ufffd，（\ufffd常详细）零基础入门到精通"
    )
    assert same_title("写给“纯小白”的大语言模型入门指南", damaged)
    assert same_title(full, damaged)
    assert not same_title("什么是大模型的Scaling Law", damaged)


@pytest.mark.parametrize("suffix", [".txt", ".repaired.txt"])
def test_seed_002(seed, suffix: str) -> None:
    trace = load_trace(seed("002", suffix))
    assert trace.repaired_encoding == (suffix == ".txt")
    video = trace.video_calls()
    assert [c.tool for c in video] == [
        "video_understanding_advanced",
        "video_temporal_qa",
        "video_extract_keyframes",
    ]
    assert trace.all_video_calls_failed() is True
    assert all("TaskGroup" in (c.error or "") for c in video)
    assert [r.tool for r in trace.retrievals] == ["rag_search", "rag_search", "rag_get_context"]
    first = trace.retrievals[0]
    assert first.announced == 8 and not first.complete
    assert [r.chunk for r in first.results] == [0, 0, 2]
    assert first.results[0].title.startswith("Transformer模")
    shortened = "写给“纯小白”的大语言模型入门指南"
    assert trace.was_retrieved(shortened, 2) is True
    assert trace.was_retrieved(shortened, 7) is None


def test_unreadable_traces(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_trace(tmp_path / "missing.log")
    binary = tmp_path / "run.log"
    binary.write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError, match="binary"):
        load_trace(binary)


JSON_LINES = "\n".join(
    [
        '{"event": "run_start", "tools": ["rag_search", "video_qa"]}',
        '{"event": "tool_call", "call_id": "c1", "tool": "rag_search", "args": {"query": "LoRA"}}',
        '{"event": "tool_result", "call_id": "c1", "tool": "rag_search", "status": "ok",'
        ' "result": {"query": "LoRA", "total_hits": 2, "hits": [{"title": "LoRA 原理", "chunk": 0,'
        ' "text": "…"}, {"title": "MoE 路由", "chunk": 2, "text": "…"}]}}',
        '{"event": "tool_result", "call_id": "c2", "tool": "rag_get_context", "status": "ok",'
        ' "result": {"title": "CTC 详解", "chunks": [{"chunk": 1, "text": "…"}]}}',
        '{"event": "tool_result", "call_id": "c3", "tool": "video_qa", "status": "error",'
        ' "error": "unhandled errors in a TaskGroup"}',
    ]
)


def test_json_lines_logs_give_calls_and_listings() -> None:
    trace = parse_trace(JSON_LINES)
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("rag_search", True),
        ("rag_get_context", True),
        ("video_qa", False),
    ]
    assert trace.tool_calls[2].error == "unhandled errors in a TaskGroup"
    assert trace.was_retrieved("MoE 路由", 2) is True
    assert trace.was_retrieved("CTC 详解", 1) is True  # the title is the listing's own
    assert trace.was_retrieved("LoRA 原理", 1) is False  # every listing is complete
    assert trace.all_video_calls_failed(["video"]) is True


def test_a_json_listing_short_of_its_total_proves_no_absence() -> None:
    cut = (
        '{"tool": "rag_search", "status": "ok", "result": {"total_hits": 3,'
        ' "hits": [{"title": "LoRA 原理", "chunk": 0}]}}'
    )
    trace = parse_trace(cut)
    assert trace.was_retrieved("LoRA 原理", 0) is True
    assert trace.was_retrieved("LoRA 原理", 1) is None
