"""Run logs in CrewAI's verbose console format: tool headers, quoted inputs, outputs
up to the next header, and CrewAI's own error line for a failed call."""

from __future__ import annotations

from citecheck.corpus.trace import parse_trace

LOG = """\
\x1b[1m\x1b[95m# Agent:\x1b[00m \x1b[1m\x1b[92mLiterature Researcher\x1b[00m
## Using tool: read_pdf
## Tool Input:
"{"path": "pdf.pdf", "pages": "1-5"}"
## Tool Output:
--- page 1 of 9 ---
RetroWeave: …

# Agent: Literature Researcher
## Thought: search the collection
## Using tool: rag_search
## Tool Input:
"{"query": "templates", "top_k": 2}"
## Tool Output:
Results Found: 2
[1] score=0.81
Title: 反应模板是什么？RDChiral模板抽取实战-CSDN博客
Chunk: 1
Text: 模板……
[2] score=0.77
Title: USPTO数据集全解析-知乎
Chunk: 0
Text: USPTO……

# Agent: Video Analyst
## Using tool: video_keyframes
## Tool Input:
"{"video": "video.mp4", "interval_s": 30}"
## Tool Output:


I encountered an error while trying to use the tool. This was the error: ffmpeg exited with code 1.
"""


def test_calls_outcomes_listings_and_pages_of_a_crewai_log() -> None:
    trace = parse_trace(LOG)
    assert [(c.tool, c.ok) for c in trace.tool_calls] == [
        ("read_pdf", True),
        ("rag_search", True),
        ("video_keyframes", False),
    ]
    assert trace.was_retrieved("反应模板是什么？RDChiral模板抽取实战-CSDN博客", 1) is True
    assert trace.was_retrieved("USPTO数据集全解析-知乎", 1) is False
    assert trace.pages_read("pdf.pdf") == {1, 2, 3, 4, 5}  # the input inside CrewAI's quotes
    assert trace.all_video_calls_failed(["video"]) is True
