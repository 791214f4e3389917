"""PDF tables as row-wise evidence: "Table 1 · Model: Qwen1.5-0.5B · Win rate: 58.9%".

A number in a claim must be compared with the cell of the same row and column, not
with whatever number sits nearest in the page's text. Each table row becomes one
evidence unit that repeats the table's label, a short caption and every column
header next to its cell, so retrieval can pick the aligned row and the judge reads
the row with its meaning.

Tables are found by pymupdf's table finder where the PDF draws them (ruled
tables); otherwise by layout in the page text: a ``Table N``/``表N`` caption followed
by a header line and rows whose cells are separated by runs of spaces; otherwise, on a
page with such a caption, the same in the page's lines regrouped into visual rows
(cells the PDF places one by one, each its own line).
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from typing import Any, Protocol

from citecheck.models import SourceUnit

_CAPTION = re.compile(r"^\s*((?:Table|TABLE|Tab\.)\s*\d+|表\s*\d+)\s*[:：.]?\s*(.*)$")
_CELL_GAP = re.compile(r"\s{2,}|\t")
CAPTION_CHARS = 80
MIN_COLUMNS = 2
MIN_ROWS = 2
MIN_RULES = 4  # drawn lines a page needs before the ruled-table finder runs


class PdfPage(Protocol):
    """What this module asks of a pymupdf page (``fitz.Page``)."""

    def get_text(self, option: str) -> Any: ...

    def get_drawings(self) -> list[Any]: ...

    def find_tables(self) -> Any: ...


@dataclass(frozen=True)
class Table:
    """One table: its label ("Table 1"), caption, column headers and body rows."""

    label: str
    caption: str
    header: list[str]
    rows: list[list[str]]


def row_text(table: Table, row: list[str]) -> str:
    """One row as evidence text, every cell named by its column header."""
    caption = table.caption[:CAPTION_CHARS].rstrip()
    head = f"{table.label} ({caption})" if caption else table.label
    cells = [f"{h}: {c}" if h else c for h, c in zip(table.header, row, strict=False) if c]
    return " · ".join([head, *cells])


def table_row_units(page: PdfPage, page_number: int, source: str) -> list[SourceUnit]:
    """Evidence units, one per table row, for a pymupdf page."""
    text = str(page.get_text("text"))
    tables = ruled_tables(page) or text_tables(text) or _placed_tables(page, text)
    return [
        SourceUnit(
            source=source,
            kind="table-row",
            locator=f"page {page_number}, {table.label}, row {i}",
            text=row_text(table, row),
            page=page_number,
        )
        for table in tables
        for i, row in enumerate(table.rows, start=1)
    ]


def ruled_tables(page: PdfPage) -> list[Table]:
    """Tables pymupdf's finder detects from the page's drawn lines.

    Pages with hardly any vector drawings cannot hold a ruled table, and the
    finder costs tens of milliseconds a page, so they are skipped.
    """
    if len(page.get_drawings()) < MIN_RULES:
        return []
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints advice on stdout
            found = page.find_tables()
    except Exception:  # the finder fails on odd pages; the text fallback remains
        return []
    captions = [(top, m) for top, _, line in _placed_lines(page) if (m := _CAPTION.match(line))]
    tables = []
    for number, candidate in enumerate(found.tables, start=1):
        cells = [[_clean(c) for c in row] for row in candidate.extract()]
        if len(cells) < MIN_ROWS + 1 or len(cells[0]) < MIN_COLUMNS:
            continue
        top = candidate.bbox[1]
        above = [m for y, m in captions if y <= top] or [m for _, m in captions]
        label, caption = (
            (above[-1].group(1), above[-1].group(2)) if above else (f"Table {number}", "")
        )
        tables.append(Table(_label(label), caption, cells[0], cells[1:]))
    return tables


def text_tables(text: str) -> list[Table]:
    """Space-aligned tables under a caption line in plain page text."""
    lines = text.splitlines()
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        caption = _CAPTION.match(lines[i])
        if not caption:
            i += 1
            continue
        label, words = _label(caption.group(1)), [caption.group(2).strip()]
        j = i + 1
        while j < len(lines) and len(_cells(lines[j])) < MIN_COLUMNS + 1 and j - i <= 3:
            words.append(lines[j].strip())
            j += 1
        if j >= len(lines):
            break
        header = _cells(lines[j])
        rows = []
        k = j + 1
        while k < len(lines) and len(_cells(lines[k])) == len(header):
            rows.append(_cells(lines[k]))
            k += 1
        if len(header) >= MIN_COLUMNS and len(rows) >= MIN_ROWS:
            tables.append(Table(label, " ".join(w for w in words if w), header, rows))
            i = k
        else:
            i = j
    return tables


def _placed_tables(page: PdfPage, text: str) -> list[Table]:
    """Tables whose cells the PDF places one by one (each its own text line): the page's
    lines regrouped into visual rows, cells in reading order, then read as text tables.
    Only a page with a table caption is regrouped."""
    if not any(_CAPTION.match(line) for line in text.splitlines()):
        return []
    rows: list[tuple[float, list[tuple[float, str]]]] = []
    for top, left, said in sorted(_placed_lines(page)):
        if rows and abs(rows[-1][0] - top) <= _ROW_SLACK:
            rows[-1][1].append((left, said))
        else:
            rows.append((top, [(left, said)]))
    regrouped = ["   ".join(said for _, said in sorted(cells)) for _, cells in rows]
    return [t for t in text_tables("\n".join(regrouped)) if not _numeric_header(t.header)]


_NUMERIC_CELL = re.compile(r"^[\d\s.,/%()+\-−–]+$")


def _numeric_header(header: list[str]) -> bool:
    """A "header" of measured values: a data row taken for the header because the real
    one was read as part of the caption (its cells set too close to split)."""
    return sum(bool(_NUMERIC_CELL.match(cell)) for cell in header) * 2 >= len(header)


_ROW_SLACK = 2.0
"""Points by which the tops of a row's cells may differ."""


def _placed_lines(page: PdfPage) -> list[tuple[float, float, str]]:
    """(top, left, text) of every text line of the page."""
    out = []
    for block in page.get_text("dict").get("blocks", []):
        for line in block.get("lines", []):
            said = "".join(span.get("text", "") for span in line.get("spans", [])).strip()
            if said:
                out.append((float(line["bbox"][1]), float(line["bbox"][0]), said))
    return out


def _cells(line: str) -> list[str]:
    return [c for c in _CELL_GAP.split(line.strip()) if c]


def _clean(cell: object) -> str:
    return " ".join(str(cell or "").split())


def _label(raw: str) -> str:
    return " ".join(raw.replace("Tab.", "Table").replace("TABLE", "Table").split())
