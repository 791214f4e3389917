"""Run logs in CrewAI's verbose console format (``Crew(verbose=True)``, colour codes
stripped before this reads)::

    # Agent: Literature Researcher
    ## Thought: …
    ## Using tool: rag_search
    ## Tool Input:
    "{"query": "…", "top_k": 5}"
    ## Tool Output:
    Results Found: 4
    Title: <title>
    Chunk: 1
    …

A call's output runs to the next agent, thought, tool or answer header; one that opens
with CrewAI's ``I encountered an error while trying to use the tool`` (or an error or
exception) failed. The chunks an output lists are read by
:func:`citecheck.corpus.tracetext.text_listing`.
"""

from __future__ import annotations

import re

from citecheck.corpus.tracecalls import FAILED_RESULT, Retrieval, ToolCall
from citecheck.corpus.tracetext import printed_call

USING_TOOL = re.compile(r"^\s*#{1,3}\s*Using tool:\s*(\S.*?)\s*$")
_INPUT = re.compile(r"^\s*#{1,3}\s*Tool Input:\s*(.*)$")
_OUTPUT = re.compile(r"^\s*#{1,3}\s*Tool Output:\s*(.*)$")
_HEADER = re.compile(r"^\s*#{1,3}\s*(?:Agent|Thought|Using tool|Final Answer|Task):")
_CREW_ERROR = re.compile(r"^\s*I encountered an error while trying to use the tool", re.I)


def crew_steps(lines: list[str]) -> tuple[list[Retrieval], list[ToolCall]] | None:
    """Retrieval listings and tool calls of a CrewAI verbose log; None when the log
    holds no ``## Using tool:`` header."""
    starts = [
        (index, found.group(1))
        for index, line in enumerate(lines)
        if (found := USING_TOOL.match(line))
    ]
    if not starts:
        return None
    retrievals: list[Retrieval] = []
    calls: list[ToolCall] = []
    for index, tool in starts:
        asked, output = _sections(lines, index)
        said = [line for line in output if line.strip()]
        first = said[0] if said else ""
        failed = _CREW_ERROR.match(first) or FAILED_RESULT.match(first)
        error = first.strip() if failed else None
        call, listing = printed_call(tool, index + 1, "\n".join(output), error, asked)
        calls.append(call)
        retrievals += [listing] if listing else []
    return retrievals, calls


def _sections(lines: list[str], start: int) -> tuple[str, list[str]]:
    """(the tool input, the output lines) of the call whose header is ``lines[start]``."""
    asked: list[str] = []
    output: list[str] = []
    current: list[str] | None = None
    for line in lines[start + 1 :]:
        if found := _INPUT.match(line):
            current = asked
            asked.append(found.group(1))
        elif found := _OUTPUT.match(line):
            current = output
            output.append(found.group(1))
        elif _HEADER.match(line):
            break
        elif current is not None:
            current.append(line)
    return " ".join(a.strip() for a in asked if a.strip()), output
