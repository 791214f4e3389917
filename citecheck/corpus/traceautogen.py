"""Run logs in AutoGen AgentChat's console format (``Console(team.run_stream(…))``).

Every event is printed under a rule naming its type and source, and tool calls and
their outcomes as the reprs of AutoGen's dataclasses::

    ---------- ToolCallRequestEvent (report_agent) ----------
    [FunctionCall(id='call_02', arguments='{"query": "…"}', name='rag_search')]
    ---------- ToolCallExecutionEvent (report_agent) ----------
    [FunctionExecutionResult(content='Found 6 results…\\n[1] … | title=… | chunk=0\\n…',
     name='rag_search', call_id='call_02', is_error=False)]

A result's ``content`` is a Python string literal (escaped newlines and quotes); once
read, the chunks it lists are read by :func:`citecheck.corpus.tracetext.text_listing`.
Older AutoGen versions print no ``name`` in the result: it is then the name of the
request with the same call id.
"""

from __future__ import annotations

import ast
import re

from citecheck.corpus.tracecalls import Retrieval, ToolCall
from citecheck.corpus.tracetext import printed_call

_LITERAL = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
_REQUEST = re.compile(
    rf"FunctionCall\(id=(?P<id>{_LITERAL}),\s*arguments=(?P<arguments>{_LITERAL}),"
    rf"\s*name=(?P<name>{_LITERAL})\)"
)
_RESULT = re.compile(
    rf"FunctionExecutionResult\(content=(?P<content>{_LITERAL})"
    rf"(?:,\s*name=(?P<name>{_LITERAL}))?,\s*call_id=(?P<id>{_LITERAL})"
    r"(?:,\s*is_error=(?P<error>True|False))?\)",
    re.DOTALL,
)
_EVENT_RULE = re.compile(r"^-{6,} \w*Event \([^)]*\) -{6,}\s*$", re.MULTILINE)


def agentchat_events(text: str) -> tuple[list[Retrieval], list[ToolCall]] | None:
    """Retrieval listings and tool calls of an AutoGen console stream; None when the
    text prints no ``…Event (source)`` rule or no function call result."""
    if not _EVENT_RULE.search(text):
        return None
    requests = {
        _read(m["id"]): (_read(m["name"]), _read(m["arguments"])) for m in _REQUEST.finditer(text)
    }
    retrievals: list[Retrieval] = []
    calls: list[ToolCall] = []
    line, counted = 1, 0
    for found in _RESULT.finditer(text):
        call_id = _read(found["id"])
        requested, arguments = requests.get(call_id, ("", ""))
        tool = _read(found["name"]) if found["name"] else requested
        content = _read(found["content"])
        line, counted = line + text.count("\n", counted, found.start()), found.start()
        error = content.strip().split("\n", 1)[0] if found["error"] == "True" else None
        call, listing = printed_call(tool, line, content, error, arguments)
        calls.append(call)
        retrievals += [listing] if listing else []
    return (retrievals, calls) if calls else None


def _read(literal: str) -> str:
    """The value of a Python string literal as a repr prints it."""
    try:
        value = ast.literal_eval(literal)
    except (SyntaxError, ValueError):
        return literal[1:-1]
    return value if isinstance(value, str) else literal[1:-1]
