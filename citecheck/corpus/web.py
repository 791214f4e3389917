"""Web sources: the pages an agent fetched, keyed by normalised URL.

A :class:`WebStore` holds :class:`WebPage` s (passages, snippets, or numbered lines)
and the agent's own numbering of its sources (STORM's ``url_to_unified_index``, an
index's ``n``), so a marker ``[3]`` can reach a page without a reference list. The
store shapes are read by :mod:`citecheck.corpus.webstores`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citecheck.corpus.chunker import Chunker
from citecheck.corpus.urls import normalise_url
from citecheck.models import SourceUnit

PASSAGE_CHUNKER = Chunker(max_chars=600, name="web-passage")


@dataclass
class WebPage:
    """One fetched page: its passages or snippets, and its lines when it is numbered."""

    url: str
    title: str | None
    units: list[SourceUnit]
    lines: list[str] | None = None

    def line_range(self, numbers: list[int]) -> tuple[SourceUnit | None, list[int]]:
        """The unit holding lines ``numbers`` (1-based) and the numbers beyond the page."""
        lines = self.lines if self.lines is not None else []
        valid = [n for n in numbers if 1 <= n <= len(lines)]
        missing = [n for n in numbers if not 1 <= n <= len(lines)]
        if not valid:
            return None, missing
        first, last = min(valid), max(valid)
        unit = SourceUnit(
            source=self.url,
            kind="lines",
            locator=f"L{first}-L{last}",
            text="\n".join(lines[first - 1 : last]),
            title=self.title,
        )
        return unit, missing


def page_from_text(url: str, title: str | None, text: str, *, numbered: bool = False) -> WebPage:
    """A page whose ``text`` is cut into passages (and kept as lines when ``numbered``)."""
    units = [
        SourceUnit(source=url, kind="passage", locator=f"passage {i + 1}", text=piece, title=title)
        for i, piece in enumerate(PASSAGE_CHUNKER.chunks(title or "", text))
    ]
    return WebPage(url, title, units, text.splitlines() if numbered else None)


def page_from_snippets(url: str, title: str | None, snippets: list[str]) -> WebPage:
    """A page known only by the snippets the agent's search returned."""
    units = [
        SourceUnit(source=url, kind="snippet", locator=f"snippet {i + 1}", text=text, title=title)
        for i, text in enumerate(s for s in snippets if s and s.strip())
    ]
    return WebPage(url, title, units)


@dataclass
class WebStore:
    """Fetched pages by normalised URL, and the agent's numbering of them.

    ``complete`` says the store lists everything the agent fetched (a fetch log, a
    saved-pages index): a cited URL missing from it was never read.
    """

    pages: dict[str, WebPage] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)
    complete: bool = True
    origins: list[str] = field(default_factory=list)

    def add(self, page: WebPage, number: str | int | None = None) -> None:
        """Add ``page`` (a second copy of a URL adds its units to the first)."""
        key = normalise_url(page.url)
        held = self.pages.get(key)
        if held is None:
            self.pages[key] = page
        else:
            held.units.extend(page.units)
            held.lines = held.lines or page.lines
            held.title = held.title or page.title
        if number is not None:
            self.numbers.setdefault(str(number), page.url)

    def page(self, url: str) -> WebPage | None:
        """The page fetched from ``url`` (normalised), if any."""
        return self.pages.get(normalise_url(url))

    def url_for(self, key: str) -> str | None:
        """The URL the agent numbered ``key``, if it numbered its sources."""
        return self.numbers.get(key)

    def merge(self, other: WebStore) -> None:
        """Add every page and number of ``other``."""
        for page in other.pages.values():
            self.add(page)
        for key, url in other.numbers.items():
            self.numbers.setdefault(key, url)
        self.complete = self.complete and other.complete
        self.origins.extend(other.origins)
