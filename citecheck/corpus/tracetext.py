"""Retrieval listings written as text inside a tool's result, as chat-style run logs
keep them: every line that names a title and a chunk index is a chunk the call
returned (``#1  score=0.87  title="…"  chunk=0``, ``Title: …`` then ``Chunk: 2`` on
the next line, ``[long_context: "…", chunk 2]``), and a bare ``[chunk 1]`` header
belongs to the last title named (``rag_get_context: title="…" chunk=2 window=1``
followed by ``[chunk 1]`` and ``[chunk 2]``). A first line announcing ``5 results``
makes the listing complete once it shows five; a cut result never is.
"""

from __future__ import annotations

import re

from citecheck.corpus.tracecalls import TRUNCATED, Retrieval, RetrievedChunk, ToolCall

_TITLE = re.compile(
    r"""\b(?:title|doc_title|document)\s*[=:：]\s*(?:"(?P<double>[^"]+)"|'(?P<single>[^']+)'"""
    r"""|(?P<bare>[^"'\s].*?))\s*(?=\s{2,}|\s*[,;|]?\s*\bchunk\b|\s*$)""",
    re.IGNORECASE,
)
_CITED = re.compile(r"""\[[^\[\]:]{1,40}:\s*"(?P<title>[^"]+)",\s*chunk\s*(?P<chunk>\d+)\]""")
_CHUNK = re.compile(r"\bchunk(?:[ _](?:id|index|idx|no))?\s*[=:：#]?\s*(\d+)", re.IGNORECASE)
_ANNOUNCED = re.compile(r"\b(\d+)\s+(?:results?|hits?|chunks?|documents?|passages?)\b", re.I)


def printed_call(
    tool: str, line: int, output: str, error: str | None, arguments: str = ""
) -> tuple[ToolCall, Retrieval | None]:
    """A tool call a console log printed, failed when ``error`` is given, and the chunks
    its ``output`` lists when it succeeded (the console readers' shared last step)."""
    call = ToolCall(
        tool=tool, server="", ok=error is None, error=error, line=line, arguments=arguments
    )
    return call, (text_listing(output, tool, line) if error is None else None)


def text_listing(result: str, tool: str, line: int) -> Retrieval | None:
    """The chunks a tool's text ``result`` lists, None when it names none."""
    chunks: list[RetrievedChunk] = []
    title: str | None = None
    for row in result.splitlines():
        if cited := _CITED.search(row):
            chunks.append(RetrievedChunk(title=cited["title"], chunk=int(cited["chunk"])))
            continue
        if named := _TITLE.search(row):
            title = named["double"] or named["single"] or named["bare"]
        index = _CHUNK.search(row)
        if title is not None and index is not None:
            chunks.append(RetrievedChunk(title=title, chunk=int(index.group(1))))
    if not chunks:
        return None
    first = result.lstrip().split("\n", 1)[0]
    announced = int(found.group(1)) if (found := _ANNOUNCED.search(first)) else None
    unique = list({(c.title, c.chunk): c for c in chunks}.values())
    truncated = TRUNCATED in result
    return Retrieval(
        tool=tool,
        results=unique,
        announced=announced,
        complete=not truncated and (announced is None or len(unique) >= announced),
        line=line,
    )
