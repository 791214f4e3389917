"""Run logs in smolagents' console format (rich panels captured as text).

A ``ToolCallingAgent`` prints every call in a panel and its outcome below it::

    ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ Step 4 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
    ╭──────────────────────────────────────────────────────────────────────╮
    │ Calling tool: 'rag_search' with arguments: {'query': '…', 'top_k': 5} │
    ╰──────────────────────────────────────────────────────────────────────╯
    Observations: Found 5 results for query '…':
    [1] score=0.861 | title: <title> | chunk: 0
    …
    [Step 4: Duration 2.10 seconds| Input tokens: 14,309 | Output tokens: 57]

and a failed call as ``Error executing tool 'x' with arguments {…}: TimeoutError: …``
instead of the observations. What a call printed up to the next panel, step rule or
step summary is its result; the chunks it lists are read by
:func:`citecheck.corpus.tracetext.text_listing`.
"""

from __future__ import annotations

import re

from citecheck.corpus.tracecalls import Retrieval, ToolCall
from citecheck.corpus.tracetext import printed_call

CALLING = re.compile(r"^[\s│┃]*Calling tool:\s*'([^']+)'")
_PANEL_END = re.compile(r"^\s*╰")
_RESULT_END = re.compile(r"^\s*(?:\[Step \d+\b|━{3,}|╭)")
_OBSERVATIONS = re.compile(r"^\s*Observations?:\s*")
_FAILED = re.compile(r"^\s*(?:Error (?:executing|in|when executing) tool\b|Error:)", re.I)


def tool_steps(lines: list[str]) -> tuple[list[Retrieval], list[ToolCall]] | None:
    """Retrieval listings and tool calls of a smolagents console log; None when the
    log holds no ``Calling tool:`` line."""
    starts = [
        (index, found.group(1), line[found.end() :])
        for index, line in enumerate(lines)
        if (found := CALLING.match(line))
    ]
    if not starts:
        return None
    retrievals: list[Retrieval] = []
    calls: list[ToolCall] = []
    for index, tool, arguments in starts:
        output = _result(lines, index)
        failure = next((line for line in output if line.strip()), "")
        error = failure.strip() if _FAILED.match(failure) else None
        text = _OBSERVATIONS.sub("", "\n".join(output), count=1)
        call, listing = printed_call(tool, index + 1, text, error, arguments)
        calls.append(call)
        retrievals += [listing] if listing else []
    return retrievals, calls


def _result(lines: list[str], call: int) -> list[str]:
    """What the call on ``lines[call]`` printed after its panel (if any) closed."""
    start = call
    if lines[call].lstrip().startswith(("│", "┃")):
        closing = (i for i in range(call + 1, len(lines)) if _PANEL_END.match(lines[i]))
        start = next(closing, len(lines))
    output: list[str] = []
    for line in lines[start + 1 :]:
        if _RESULT_END.match(line):
            break
        output.append(line)
    return output
