"""A fake PDF: pages of passages, metadata and a bibliography; and a real-PDF writer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymupdf

from citecheck.models import SourceUnit


@dataclass
class FakeBib:
    """One bibliography entry."""

    authors: list[str]
    year: int | None
    title: str
    venue: str | None
    raw: str
    page: int = 12


@dataclass
class FakePdfMeta:
    """The document metadata the author block falls back to."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None


@dataclass
class FakePdf:
    """Pages addressed like :class:`citecheck.corpus.pdf.PdfDocument`.

    ``pages`` is either one text per page (each ``\\n\\n`` paragraph a passage
    ``page N, ¶i``) or the passages of each page number.
    """

    pages: Sequence[str] | Mapping[int, list[SourceUnit]]
    name: str = "pdf.pdf"
    metadata: FakePdfMeta = field(default_factory=FakePdfMeta)
    bib: list[FakeBib] = field(default_factory=list)
    layout: list[str] = field(default_factory=list)
    """Lines of the first page under its title, as one span each (Unicode superscripts and
    ``*`` marks stay in the text); empty: no layout, the metadata gives the authors."""
    units: dict[int, list[SourceUnit]] = field(init=False)

    def __post_init__(self) -> None:
        if isinstance(self.pages, Mapping):
            self.units = dict(self.pages)
        else:
            self.units = {
                n: [
                    SourceUnit(
                        source=self.name,
                        kind="passage",
                        locator=f"page {n}, ¶{i + 1}",
                        text=para,
                        page=n,
                    )
                    for i, para in enumerate(text.split("\n\n"))
                ]
                for n, text in enumerate(self.pages, start=1)
            }

    @classmethod
    def read(cls, path: Path) -> FakePdf:
        """A real PDF read with pymupdf: one passage ``page N`` per page."""
        with pymupdf.open(path) as document:
            texts = [page.get_text() for page in document]
        units = {
            n: [SourceUnit(source=path.name, kind="passage", locator=f"page {n}", text=t, page=n)]
            for n, t in enumerate(texts, start=1)
        }
        return cls(units, name=path.name)

    @property
    def page_count(self) -> int:
        return max(self.units, default=0)

    def page_text(self, n: int) -> str:
        if n not in self.units:
            raise IndexError(n)
        return "\n\n".join(unit.text for unit in self.units[n])

    def page_lines(self, n: int) -> list[list[dict[str, Any]]]:
        if n != 1 or not self.layout:
            return []  # no layout: the author block falls back to the metadata
        rows = [("A Title In The Largest Font", 16.0), *((t, 10.0) for t in self.layout)]
        return [
            [{"text": text, "size": size, "origin": (60.0, 80.0 + 20 * i)}]
            for i, (text, size) in enumerate([*rows, ("Abstract", 11.0)])
        ]

    def passages(self, n: int) -> list[SourceUnit]:
        return self.units.get(n, [])

    def all_passages(self) -> list[SourceUnit]:
        return [u for page in sorted(self.units) for u in self.units[page]]

    def bibliography(self) -> list[FakeBib]:
        return self.bib


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A real PDF with one line of text per page."""
    document = pymupdf.open()
    for text in pages:
        document.new_page().insert_text((72, 72), text)
    document.save(path)
    document.close()
    return path
