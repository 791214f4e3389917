"""What an agent run log shows the agent did: tool calls and retrieved chunks.

Reads logs in the format of the MiroFlow agent runs (seed ``002_…``)::

    Message: Connecting to server 'tool-rag' to call tool 'rag_search'
    ... ✅ ToolManager | Tool Call Success            (or ❌ … | Tool Call Failed
                                                        Message: Error: …)
    === RAG Search Results ===                        (or === RAG Context for Query ===)
    Query: '…'
    Results Found: 8                                  (or Documents Retrieved: 8)
    Result 1                                          (or Source 1)
    Citation: [long_context: "<title>", chunk 2]      (or Title: … / Chunk Index: 2)

    === RAG Context ===                               (chunks fetched by id)
    Chunks returned: 2
    Citation: [long_context: "<title>", chunk 2]      (one per chunk, no "Result N")

as a chat transcript (:mod:`citecheck.corpus.tracechat`: OpenAI or Anthropic
messages), as a LangChain verbose log (:mod:`citecheck.corpus.tracelangchain`), as a
smolagents console log (:mod:`citecheck.corpus.tracesmolagents`), as a CrewAI
verbose log (:mod:`citecheck.corpus.tracecrewai`), as an AutoGen
AgentChat console stream (:mod:`citecheck.corpus.traceautogen`), or as
an OpenTelemetry OTLP/JSON export (:mod:`citecheck.corpus.traceotlp`), or as
JSON lines (one event per line): an event that names a tool and reports an
outcome (``status``, ``error``, ``result`` …) is a tool call; every list in its
result whose items name a title and a chunk index (``{"hits": [{"title", "chunk"}]}``,
``{"title", "chunks": [{"chunk"}]}``) is a retrieval listing.

A listing is *complete* when it shows as many results as it announces; logs cut
messages with ``... [truncated]``, and a cut listing cannot prove that a chunk
was never retrieved. Logs damaged into mojibake are repaired on load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from citecheck.corpus.damaged import DamagedTitle
from citecheck.corpus.traceautogen import agentchat_events
from citecheck.corpus.tracecalls import TRUNCATED, Retrieval, RetrievedChunk, ToolCall
from citecheck.corpus.tracechat import chat_messages, from_messages
from citecheck.corpus.tracecrewai import crew_steps
from citecheck.corpus.tracejson import document_events, from_events, json_events
from citecheck.corpus.tracelangchain import invocations
from citecheck.corpus.tracemlflow import mlflow_events
from citecheck.corpus.traceotlp import otlp_events
from citecheck.corpus.tracesmolagents import tool_steps
from citecheck.errors import InputError
from citecheck.gcpause import collector_paused
from citecheck.rulepack import Thresholds
from citecheck.safeio import TRACE_LIMIT, confine, is_regular_file, read_bytes
from citecheck.textutil import demojibake, normalise_title

CONNECT = re.compile(r"Connecting to server '([^']*)' to call tool '([^']*)'")
CALL_OK = re.compile(r"Tool Call Success")
CALL_FAILED = re.compile(r"Tool Call Failed")
MESSAGE = re.compile(r"^\s*Message:\s*(?:Error:\s*)?(.*)$")
LISTING_HEADER = re.compile(r"^=== (RAG Search Results|RAG Context for Query|RAG Context) ===\s*$")
LISTING_TOOLS = {
    "RAG Search Results": "rag_search",
    "RAG Context for Query": "rag_get_context",
    "RAG Context": "rag_get_context",
}
TOOL_NAME_TAG = re.compile(r"<tool_name>\s*([^<\s]+)\s*</tool_name>")
QUERY = re.compile(r"^Query:\s*'?(.*?)'?\s*$")
ANNOUNCED = re.compile(r"^(?:Results Found|Documents Retrieved|Chunks returned):\s*(\d+)")
RESULT_START = re.compile(r"^(?:Result|Source)\s+\d+\s*$")
CITATION = re.compile(r'^Citation:\s*\[[^:\]]+:\s*"(.+)",\s*chunk\s+(\d+)\]')
TITLE = re.compile(r"^Title:\s*(.+?)\s*$")
CHUNK_INDEX = re.compile(r"^Chunk Index:\s*(\d+)")
_COLOUR = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
"""ANSI colour codes, which verbose logs keep when written to a file."""
MIN_PREFIX_CHARS = 4


def same_title(cited: str, seen: str, min_score: float = Thresholds().title_fuzzy_min) -> bool:
    """Whether two spellings name the same document: equal once normalised (and
    repaired), one a prefix of the other (U+FFFD standing for lost characters), or
    a rapidfuzz WRatio >= ``min_score``."""
    cited, seen = demojibake(cited) or cited, demojibake(seen) or seen
    a, b = normalise_title(cited), normalise_title(seen)
    if not a or not b:
        return False
    if a == b:
        return True
    for damaged, other in ((cited, b), (seen, a)):
        title = DamagedTitle.parse(damaged)
        if title is None:
            continue
        if len(other) >= MIN_PREFIX_CHARS and title.is_shortened(other):
            return True
        if title.is_prefix_of(other):
            return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= MIN_PREFIX_CHARS and longer.startswith(shorter):
        return True
    return fuzz.WRatio(a, b) >= min_score


class Trace(BaseModel):
    """The tool calls and retrieval listings of one agent run log."""

    path: str
    retrievals: list[Retrieval] = Field(default_factory=list)
    tool_calls: list[ToolCall] = Field(default_factory=list)
    repaired_encoding: bool = False

    @property
    def recorded(self) -> int:
        """How many tool calls and retrieval listings the log records."""
        return len(self.tool_calls) + len(self.retrievals)

    def was_retrieved(self, title: str, chunk: int) -> bool | None:
        """True if a listing shows the chunk; False only when the log holds listings
        and every one is complete; None otherwise (no listings, or a truncated one)."""
        for retrieval in self.retrievals:
            for seen in retrieval.results:
                if seen.chunk == chunk and same_title(title, seen.title):
                    return True
        if self.retrievals and all(r.complete for r in self.retrievals):
            return False
        return None

    def video_calls(self, video_tools: Iterable[str] = ("video",)) -> list[ToolCall]:
        """Tool calls whose tool name contains one of ``video_tools``."""
        names = [name.casefold() for name in video_tools]
        return [c for c in self.tool_calls if any(n in c.tool.casefold() for n in names)]

    def pages_read(self, name: str) -> set[int] | None:
        """The pages of the file ``name`` that calls which succeeded asked for; None
        when no call names the file or one read it whole (no pages asked)."""
        reads = [c for c in self.tool_calls if c.ok and c.names_file([name])]
        asked = [c.pages_asked() for c in reads]
        if not asked or any(pages is None for pages in asked):
            return None
        return {page for pages in asked if pages for page in pages}

    def read_any(self, names: Iterable[str]) -> bool:
        """Whether a call that succeeded was asked for one of the files ``names``."""
        wanted = list(names)
        return any(call.ok and call.names_file(wanted) for call in self.tool_calls)

    def all_video_calls_failed(self, video_tools: Iterable[str] = ("video",)) -> bool | None:
        """Whether every video tool call failed; None when there was none."""
        calls = self.video_calls(video_tools)
        return all(not c.ok for c in calls) if calls else None


def _parse_tool_calls(lines: list[str]) -> list[ToolCall]:
    calls: list[ToolCall] = []
    pending: tuple[str, str, int] | None = None
    for number, line in enumerate(lines, start=1):
        connect = CONNECT.search(line)
        if connect:
            pending = (connect.group(1), connect.group(2), number)
        elif pending and (CALL_OK.search(line) or CALL_FAILED.search(line)):
            server, tool, at = pending
            ok = CALL_OK.search(line) is not None
            error = None
            if not ok and number < len(lines) and (message := MESSAGE.match(lines[number])):
                error = message.group(1).strip()
            calls.append(ToolCall(tool=tool, server=server, ok=ok, error=error, line=at))
            pending = None
    return calls


def _parse_listing(lines: list[str], start: int, tool: str) -> Retrieval:
    """The listing whose header is ``lines[start]``, up to the end of its message."""
    query: str | None = None
    announced: int | None = None
    entries: list[dict[str, str | int]] = []
    truncated = False
    for position in range(start + 1, len(lines)):
        line = lines[position]
        if LISTING_HEADER.match(line) or line.startswith("--- Message "):
            break
        truncated = truncated or line.rstrip().endswith(f"... {TRUNCATED}")
        if query is None and (found := QUERY.match(line)):
            query = found.group(1)
        elif announced is None and (found := ANNOUNCED.match(line)):
            announced = int(found.group(1))
        elif RESULT_START.match(line):
            entries.append({})
        elif found := CITATION.match(line):
            if not entries or "chunk" in entries[-1]:  # chunks by id: no "Result N" lines
                entries.append({})
            entries[-1].setdefault("title", found.group(1))
            entries[-1].setdefault("chunk", int(found.group(2)))
        elif entries and (found := TITLE.match(line)):
            entries[-1].setdefault("title", found.group(1))
        elif entries and (found := CHUNK_INDEX.match(line)):
            entries[-1].setdefault("chunk", int(found.group(1)))
    results = [
        RetrievedChunk(title=str(e["title"]), chunk=int(e["chunk"]))
        for e in entries
        if "title" in e and "chunk" in e
    ]
    complete = len(results) >= announced if announced is not None else not truncated
    return Retrieval(
        tool=tool,
        query=query,
        results=results,
        announced=announced,
        complete=complete,
        line=start + 1,
    )


def _parse_retrievals(lines: list[str]) -> list[Retrieval]:
    retrievals: list[Retrieval] = []
    last_tool: str | None = None
    for index, line in enumerate(lines):
        tag = TOOL_NAME_TAG.search(line)
        if tag:
            last_tool = tag.group(1)
        header = LISTING_HEADER.match(line)
        if header:
            tool = last_tool or LISTING_TOOLS[header.group(1)]
            retrievals.append(_parse_listing(lines, index, tool))
    return retrievals


def parse_trace(text: str, path: str = "<trace>") -> Trace:
    """Parse the text of a run log: a chat transcript, JSON lines, a LangChain verbose
    log, a smolagents or AutoGen console log or the MiroFlow text format (repairing
    mojibake first)."""
    repaired = demojibake(text)
    lines = _COLOUR.sub("", repaired or text).splitlines()
    with collector_paused():
        events = (
            otlp_events(repaired or text, lines)
            or mlflow_events(repaired or text)
            or json_events(lines)
            or document_events(repaired or text)
        )
        messages = chat_messages(repaired or text, events)
        if messages is not None:
            retrievals, calls = from_messages(messages)
        elif events is not None:
            retrievals, calls = from_events(events)
        elif (
            console := invocations(lines)
            or tool_steps(lines)
            or crew_steps(lines)
            or agentchat_events("\n".join(lines))
        ) is not None:
            retrievals, calls = console
        else:
            retrievals, calls = _parse_retrievals(lines), _parse_tool_calls(lines)
        return Trace(
            path=path,
            retrievals=retrievals,
            tool_calls=calls,
            repaired_encoding=repaired is not None,
        )


def load_trace(path: str | Path) -> Trace:
    """Read and parse an agent run log; :class:`InputError` when it cannot be read."""
    source = Path(path)
    data = read_bytes(source, "trace file", TRACE_LIMIT)
    if b"\x00" in data:
        raise InputError(source, "trace is a binary file, not a log")
    return parse_trace(data.decode("utf-8", errors="replace"), str(source))


TRACE_NAME_WORDS = (
    "trace",
    "log",
    "run",
    "agent",
    "messages",
    "history",
    "steps",
    "calls",
    "spans",
    "events",
)
"""Words in the name of a file that may be a task folder's run log."""
TRACE_SUFFIXES = frozenset({".log", ".txt", ".json", ".jsonl", ".ndjson"})
TRACE_FOLDERS = ("", "logs", "log", "traces", "trace", "runs")
"""Where in a task folder a run log is looked for: the folder itself and these."""


def find_trace(folder: Path) -> Trace | None:
    """The run log of a task folder, for a lint given none: among the files named like
    a log (:data:`TRACE_NAME_WORDS`) in :data:`TRACE_FOLDERS`, the one that records
    the most tool calls and listings; None when no file records any. A file that is a
    link out of the folder, unreadable or binary is passed over."""
    best: Trace | None = None
    for candidate in _trace_candidates(folder):
        try:
            confine(candidate, folder)
            trace = load_trace(candidate)
        except InputError:
            continue
        if trace.recorded and (best is None or trace.recorded > best.recorded):
            best = trace
    return best


def _trace_candidates(folder: Path) -> list[Path]:
    found = []
    for sub in TRACE_FOLDERS:
        place = folder / sub
        if not place.is_dir() or (sub and place.is_symlink()):
            continue
        found += [e for e in sorted(place.iterdir()) if is_trace_name(e) and is_regular_file(e)]
    return found


def is_trace_name(path: Path) -> bool:
    """Whether a file is named like a run log (:data:`TRACE_NAME_WORDS`, a log's ending)."""
    name = path.name.casefold()
    return path.suffix.casefold() in TRACE_SUFFIXES and any(w in name for w in TRACE_NAME_WORDS)
