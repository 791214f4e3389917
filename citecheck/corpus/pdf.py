"""A PDF addressed the way reports address it: 1-based pages and passages inside them.

Uses pymupdf (AGPL-3.0), imported on first use. Besides text, it reads what the
speaker and reference rules need: the paper's title, authors, venue and year
from the first page and the PDF metadata, and the entries of its References
section (author-year style, e.g. ``Ari Holtzman, Jan Buys, and Yejin Choi. The
curious case of neural text degeneration. In ICLR, 2020.``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, Field

from citecheck.corpus import tables
from citecheck.derived import DerivedStore, code_fingerprint, file_digest
from citecheck.errors import InputError
from citecheck.models import SourceUnit
from citecheck.safeio import read_head
from citecheck.textutil import CJK_RE

if TYPE_CHECKING:
    import pymupdf

PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024
PASSAGE_MIN_CHARS = 300
PASSAGE_MAX_CHARS = 800
REFERENCE_HEADINGS = re.compile(r"^\s*(\d+\s*)?(references|bibliography|参考文献)\s*$", re.I)
APPENDIX_HEADING = re.compile(r"^\s*(appendix|appendices|[A-Z]\s+[A-Z][A-Za-z ]{3,})\s*$")
ABSTRACT_LINE = re.compile(r"^\s*(abstract|摘要)\b", re.I)
AFFILIATION_WORDS = re.compile(
    r"universit|institut|college|school|laborator|\blab\b|department|research|academy|"
    r"inc\.|corp|google|microsoft|meta\b|openai|deepmind|amii|大学|学院|研究院|@",
    re.I,
)
VENUE_PATTERNS = (
    re.compile(
        r"(?:published|accepted) as an? (?:conference|workshop) paper at (\w+)\s+(\d{4})", re.I
    ),
    re.compile(
        r"\b(ICLR|NeurIPS|ICML|ACL|EMNLP|NAACL|CVPR|ICCV|ECCV|AAAI|IJCAI|COLING|KDD)\s*'?(\d{4})"
    ),
)
ARXIV_ID = re.compile(r"arXiv:(\d{2})(\d{2})\.\d{4,5}")
YEAR = re.compile(r"\b(19\d{2}|20\d{2})[a-z]?\b")
# authors end at the first period after a word of 2+ lowercase letters or "et al."
AUTHORS_END = re.compile(r"^(.+?(?:[a-z\u00c0-\u024f]{2}|et al))\.\s+(.+)$", re.S)
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Za-z0-9])")
AUTHOR_SPLIT = re.compile(r",\s*and\s+|\s+and\s+|\s*&\s*|,\s*")
FOOTNOTE_MARKS = re.compile(r"[\d*†‡§¶∗,]+$")
_SPAN_KEYS = ("text", "size", "bbox", "origin", "flags")
T = TypeVar("T")


class PdfMeta(BaseModel):
    """What the first page and the PDF metadata say about the paper."""

    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    venue: str | None = None
    year: int | None = None


class BibEntry(BaseModel):
    """One entry of the paper's reference list."""

    authors: list[str] = Field(default_factory=list, description="full names as printed")
    surnames: list[str] = Field(default_factory=list)
    year: int | None = None
    title: str | None = None
    venue: str | None = None
    raw: str
    page: int


def _load_pymupdf() -> Any:
    """pymupdf, with MuPDF's own messages kept off stdout (they would corrupt json
    and sarif output); problems are reported through exceptions instead."""
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    return pymupdf


def _json_native(value: Any) -> Any:
    """A span field as it reads back from the store (tuples become lists)."""
    return list(value) if isinstance(value, tuple) else value


def _join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space between CJK characters, dehyphenate English."""
    text = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if not text:
            text = line
        elif text.endswith("-") and line[:1].islower():
            text = text[:-1] + line
        elif CJK_RE.match(text[-1]) and CJK_RE.match(line[0]):
            text += line
        else:
            text += " " + line
    return text


def parse_bib_entry(raw: str, page: int) -> BibEntry:
    """Split an author-year reference into authors, title, venue and year."""
    text = " ".join(raw.split())
    years = YEAR.findall(text)
    head = AUTHORS_END.match(text)
    if head is None:
        return BibEntry(raw=text, page=page, year=int(years[-1]) if years else None)
    authors_part, rest = head.groups()
    authors = [a.strip() for a in AUTHOR_SPLIT.split(authors_part) if a.strip()]
    parts = SENTENCE_END.split(rest, maxsplit=1)
    title = parts[0].rstrip(".")
    venue_part = parts[1] if len(parts) > 1 else ""
    venue = re.sub(r"^In\s+", "", YEAR.sub("", venue_part)).strip(" ,.;:") or None
    return BibEntry(
        authors=authors,
        surnames=[words[-1] for a in authors if (words := a.replace("et al", "").split())],
        year=int(years[-1]) if years else None,
        title=title or None,
        venue=venue,
        raw=text,
        page=page,
    )


class PdfDocument:
    """Pages, passages, metadata and bibliography of one PDF file.

    With a :class:`~citecheck.derived.DerivedStore`, what pymupdf reads from a page
    (text, blocks, spans, table rows) is stored under the file's SHA-256 and the
    fingerprint of this code, and the file is opened only when something asked for
    is not stored yet: a second lint of an unchanged PDF runs no layout analysis.
    """

    def __init__(self, path: str | Path, store: DerivedStore | None = None) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self._store = store
        self._key = (
            (code_fingerprint(__name__, tables.__name__), file_digest(self.path)) if store else ()
        )
        self._opened: pymupdf.Document | None = None
        self.page_count: int = self._derived("page_count", lambda: self._doc.page_count)
        self.passages = lru_cache(maxsize=None)(self._passages)  # type: ignore[method-assign]

    def _derived(
        self,
        part: str,
        derive: Callable[[], T],
        encode: Callable[[T], Any] = lambda value: value,
        decode: Callable[[Any], T] = lambda raw: raw,
    ) -> T:
        if self._store is None:
            return derive()
        return self._store.get_or_derive((*self._key, part), derive, encode, decode)

    @property
    def _doc(self) -> pymupdf.Document:
        """The open document, opened (and checked) on first use."""
        if self._opened is None:
            self._opened = self._open()
        return self._opened

    def _open(self) -> pymupdf.Document:
        pymupdf = _load_pymupdf()
        head = read_head(self.path, "PDF", PDF_HEADER_WINDOW)
        if head and PDF_MAGIC not in head:
            raise InputError(self.path, "not a PDF (no %PDF- header); is it another format?")
        try:
            doc = pymupdf.open(self.path, filetype="pdf")
        except pymupdf.EmptyFileError:
            raise InputError(self.path, "empty file, not a PDF") from None
        except (pymupdf.FileDataError, RuntimeError, ValueError):
            raise InputError(self.path, "corrupt or not a PDF") from None
        if doc.needs_pass or doc.is_encrypted:
            raise InputError(self.path, "encrypted PDF cannot be read")
        if doc.page_count == 0:
            raise InputError(self.path, "PDF has no pages")
        return doc

    def _page(self, n: int) -> Any:
        self._check_page(n)
        return self._doc[n - 1]

    def _check_page(self, n: int) -> None:
        if not 1 <= n <= self.page_count:
            raise IndexError(f"{self.name} has pages 1-{self.page_count}, not {n}")

    def page_text(self, n: int) -> str:
        """The plain text of page ``n`` (1-based)."""
        self._check_page(n)
        return self._derived(f"text {n}", lambda: str(self._page(n).get_text("text")))

    def page_lines(self, n: int) -> list[list[dict[str, Any]]]:
        """The text spans of each line of page ``n``, in reading order (pymupdf
        ``dict`` spans reduced to ``text``, ``size``, ``bbox``, ``origin``, ``flags``)."""
        self._check_page(n)
        return self._derived(f"lines {n}", lambda: self._read_lines(n))

    def _read_lines(self, n: int) -> list[list[dict[str, Any]]]:
        blocks = self._page(n).get_text("dict", sort=True)["blocks"]
        lines = [
            [{key: _json_native(span[key]) for key in _SPAN_KEYS} for span in line["spans"]]
            for block in blocks
            for line in block.get("lines", [])
        ]
        return [spans for spans in lines if any(s["text"].strip() for s in spans)]

    def _blocks(self, n: int) -> list[str]:
        """The text blocks of page ``n`` in reading order, lines joined."""
        self._check_page(n)
        return self._derived(f"blocks {n}", lambda: self._read_blocks(n))

    def _read_blocks(self, n: int) -> list[str]:
        blocks = self._page(n).get_text("blocks", sort=True)
        texts = (_join_lines(str(b[4]).splitlines()) for b in blocks if b[6] == 0)
        return [t for t in texts if t]

    def _table_rows(self, n: int) -> list[SourceUnit]:
        return self._derived(
            f"table rows {n}",
            lambda: tables.table_row_units(self._page(n), n, self.name),
            encode=lambda units: [unit.model_dump(mode="json") for unit in units],
            decode=lambda raw: [SourceUnit.model_validate(unit) for unit in raw],
        )

    def _passages(self, n: int) -> list[SourceUnit]:
        """Paragraph-level passages of page ``n`` (blocks merged to ~300-800 chars),
        then one unit per table row (:mod:`citecheck.corpus.tables`)."""
        merged: list[str] = []
        for block in self._blocks(n):
            if (
                merged
                and len(merged[-1]) < PASSAGE_MIN_CHARS
                and (len(merged[-1]) + len(block) < PASSAGE_MAX_CHARS)
            ):
                merged[-1] = f"{merged[-1]}\n{block}"
            else:
                merged.append(block)
        passages = [
            SourceUnit(
                source=self.name,
                kind="passage",
                locator=f"page {n}, passage {i}",
                text=text,
                page=n,
            )
            for i, text in enumerate(merged, start=1)
        ]
        return passages + self._table_rows(n)

    def all_passages(self) -> list[SourceUnit]:
        """The passages of every page, in order."""
        return [p for n in range(1, self.page_count + 1) for p in self.passages(n)]

    # ------------------------------------------------------------ metadata

    def _first_page_lines(self) -> list[tuple[str, float]]:
        """(text, largest font size) per line of page 1."""
        lines: list[tuple[str, float]] = []
        for line in self.page_lines(1):
            spans = [s for s in line if s["text"].strip()]
            text = "".join(s["text"] for s in spans).strip()
            lines.append((text, max(s["size"] for s in spans)))
        return lines

    @cached_property
    def metadata(self) -> PdfMeta:
        """Title, authors, affiliations, venue and year of the paper."""
        info = self._derived("info", lambda: dict(self._doc.metadata or {}))
        lines = self._first_page_lines()
        title, authors, affiliations = None, [], []
        if lines:
            largest = max(size for _, size in lines)
            title_rows = [i for i, (_, size) in enumerate(lines) if size >= largest - 0.5]
            title = _join_lines([lines[i][0] for i in title_rows])
            after_title = lines[title_rows[-1] + 1 :]
            for text, _ in after_title:
                if ABSTRACT_LINE.match(text):
                    break
                if AFFILIATION_WORDS.search(text):
                    affiliations.append(text)
                else:
                    authors.extend(self._names(text))
        if not authors and info.get("author"):
            authors = self._names(info["author"])
        venue, year = self._venue_and_year(self.page_text(1))
        return PdfMeta(
            title=title or info.get("title") or None,
            authors=authors,
            affiliations=affiliations,
            venue=venue,
            year=year,
        )

    @staticmethod
    def _names(line: str) -> list[str]:
        names = (FOOTNOTE_MARKS.sub("", n).strip() for n in AUTHOR_SPLIT.split(line))
        return [n for n in names if n and not n.isdigit()]

    @staticmethod
    def _venue_and_year(text: str) -> tuple[str | None, int | None]:
        for pattern in VENUE_PATTERNS:
            found = pattern.search(text)
            if found:
                return found.group(1), int(found.group(2))
        arxiv = ARXIV_ID.search(text)
        if arxiv:
            return "arXiv", 2000 + int(arxiv.group(1))
        return None, None

    # ------------------------------------------------------------ references

    def bibliography(self) -> list[BibEntry]:
        """The entries of the References section, in order."""
        entries: list[tuple[str, int]] = []
        in_references = False
        for n in range(1, self.page_count + 1):
            for block in self._blocks(n):
                if not in_references:
                    in_references = bool(REFERENCE_HEADINGS.match(block))
                    continue
                if APPENDIX_HEADING.match(block):
                    return [parse_bib_entry(raw, page) for raw, page in entries]
                if entries and not entries[-1][0].rstrip().endswith((".", "。")):
                    entries[-1] = (f"{entries[-1][0]} {block}", entries[-1][1])
                else:
                    entries.append((block, n))
        return [parse_bib_entry(raw, page) for raw, page in entries]
