"""Run logs in LangChain's verbose AgentExecutor format.

``Invoking: `rag_search` with `{…}``` opens a tool call, and what it printed until
the next invocation is its result. Every dict in that result that names a title and
a chunk index (``Document(metadata={'title': …, 'chunk': 2, …}, page_content=…)``,
or the same as JSON) is a chunk the call retrieved; a result that opens with an
error or exception is a failed call. Colour codes are stripped before this reads.
"""

from __future__ import annotations

import re

from citecheck.corpus.tracecalls import (
    FAILED_RESULT,
    TRUNCATED,
    Retrieval,
    RetrievedChunk,
    ToolCall,
)
from citecheck.corpus.tracejson import CHUNK_KEYS, TITLE_KEYS

INVOKING = re.compile(r"^\s*Invoking:\s*`([^`]+)`")
_DICT = re.compile(r"\{[^{}]*\}")
_TITLE = re.compile(
    rf"""['"](?:{"|".join(TITLE_KEYS)})['"]\s*:\s*"""
    r"""(?:'(?P<single>(?:\\.|[^'\\])*)'|"(?P<double>(?:\\.|[^"\\])*)")"""
)
_CHUNK = re.compile(rf"""['"](?:{"|".join(CHUNK_KEYS)})['"]\s*:\s*(\d+)""")
"""A title and a chunk index under the keys a JSON-lines log uses for them."""
_LOOKED_AT = 3
"""Lines of a result read for an error opening it."""


def invocations(lines: list[str]) -> tuple[list[Retrieval], list[ToolCall]] | None:
    """Retrieval listings and tool calls of a LangChain verbose log; None when the
    log holds no ``Invoking:`` line."""
    starts = [
        (index, found.group(1), line[found.end() :])
        for index, line in enumerate(lines)
        if (found := INVOKING.match(line))
    ]
    if not starts:
        return None
    retrievals: list[Retrieval] = []
    calls: list[ToolCall] = []
    for number, (index, tool, arguments) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        output = [line for line in lines[index + 1 : end] if line.strip()]
        failure = next((line for line in output[:_LOOKED_AT] if FAILED_RESULT.match(line)), None)
        calls.append(
            ToolCall(
                tool=tool,
                server="",
                ok=failure is None,
                error=failure.strip() if failure else None,
                line=index + 1,
                arguments=arguments,
            )
        )
        text = "\n".join(output)
        chunks = [chunk for found in _DICT.finditer(text) if (chunk := _chunk(found.group(0)))]
        if chunks:
            retrievals.append(
                Retrieval(tool=tool, results=chunks, complete=TRUNCATED not in text, line=index + 1)
            )
    return retrievals, calls


def _chunk(mapping: str) -> RetrievedChunk | None:
    title, chunk = _TITLE.search(mapping), _CHUNK.search(mapping)
    if title is None or chunk is None:
        return None
    written = title.group("single") if title.group("single") is not None else title.group("double")
    return RetrievedChunk(title=re.sub(r"\\(.)", r"\1", written), chunk=int(chunk.group(1)))
