"""A fake agent trace: tool calls (video rules) and retrievals (chunk citations)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class FakeCall:
    """One tool call of the trace."""

    tool: str
    ok: bool
    line: int
    arguments: str = ""


@dataclass
class FakeHit:
    """One retrieved chunk."""

    title: str
    chunk: int


@dataclass
class FakeRetrieval:
    """One retrieval tool call and the chunks it returned."""

    tool: str
    query: str
    results: list[FakeHit]
    complete: bool
    line: int


@dataclass
class FakeTrace:
    """Calls and retrievals, with the lookups of the trace contract (docs/ARCHITECTURE.md)."""

    calls: list[FakeCall] = field(default_factory=list)
    retrievals: list[FakeRetrieval] = field(default_factory=list)
    pages: dict[str, set[int]] = field(default_factory=dict)  # pages read, by file

    def video_calls(self, video_tools: Iterable[str] = ("video",)) -> list[FakeCall]:
        return self.calls

    def pages_read(self, name: str) -> set[int] | None:
        return self.pages.get(name)

    def read_any(self, names: Iterable[str]) -> bool:
        return any(c.ok and any(n in c.arguments for n in names) for c in self.calls)

    def all_video_calls_failed(self, video_tools: Iterable[str] = ("video",)) -> bool | None:
        return all(not c.ok for c in self.calls) if self.calls else None

    def was_retrieved(self, title: str, chunk: int) -> bool | None:
        """True if retrieved; False if not and every retrieval was complete; else None."""
        if any(h.title == title and h.chunk == chunk for r in self.retrievals for h in r.results):
            return True
        return False if all(r.complete for r in self.retrievals) else None
