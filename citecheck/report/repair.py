"""A damaged report read on a repaired view, its positions mapped back to the file.

A report that is UTF-8 decoded as cp1252 (mojibake) is parsed on its repair
(:func:`citecheck.textutil.demojibake`), so names, video cues and claims in it
are checked like clean ones; every span's column is then mapped back to the
file as written. Line breaks survive the damage, so lines stay the same.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from citecheck.models import Report, Span
from citecheck.textutil import LineIndex, demojibake, reencode_char


@dataclass(frozen=True)
class RepairedView:
    """The repaired text and, per line, the raw column of each repaired column."""

    text: str
    columns: list[list[int]]
    raw_lines: LineIndex  # where each line starts in the raw text

    def raw_offset(self, line: int, raw_column: int) -> int:
        """The 0-based offset in the raw text of a 1-based (line, raw column)."""
        if not 1 <= line <= self.raw_lines.line_count:
            return raw_column - 1
        return self.raw_lines.line_start(line) + raw_column - 1

    def raw_column(self, line: int, column: int) -> int:
        """The 1-based column in the raw file of a 1-based (line, column) of the repair."""
        if not 1 <= line <= len(self.columns):
            return column
        mapping = self.columns[line - 1]
        return mapping[min(column - 1, len(mapping) - 1)] + 1


def _line_columns(raw_line: str) -> list[int]:
    """Raw character index where each repaired character of one line starts, then the end."""
    encoded = [reencode_char(ch) for ch in raw_line]
    raw_of_byte = [i for i, b in enumerate(encoded) for _ in b]
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    starts: list[int] = []
    pending = 0
    data = b"".join(encoded)
    for index in range(len(data)):
        out = decoder.decode(data[index : index + 1])
        starts += [pending] + [index] * (len(out) - 1) if out else []
        if out:
            pending = index if decoder.getstate()[0] else index + 1
    starts += [pending] * len(decoder.decode(b"", final=True))
    columns = [raw_of_byte[b] if b < len(raw_of_byte) else len(raw_line) for b in starts]
    return [*columns, len(raw_line)]


def repaired_view(raw: str) -> RepairedView | None:
    """The repaired view of mojibake text, None when it is not mojibake or the repair
    does not keep the lines."""
    repaired = demojibake(raw)
    if repaired is None or repaired.count("\n") != raw.count("\n"):
        return None
    columns = [_line_columns(line) for line in raw.split("\n")]
    return RepairedView(repaired, columns, LineIndex(raw))


def _mapped(span: Span, view: RepairedView) -> Span:
    column = view.raw_column(span.line, span.column)
    end_column = view.raw_column(span.end_line, span.end_column)
    return span.model_copy(
        update={
            "column": column,
            "end_column": end_column,
            "start": view.raw_offset(span.line, column),
            "end": view.raw_offset(span.end_line, end_column),
        }
    )


def map_back(report: Report, view: RepairedView) -> Report:
    """The report with every claim and citation span's columns and offsets in the raw file."""
    citations = [c.model_copy(update={"span": _mapped(c.span, view)}) for c in report.citations]
    claims = []
    for claim in report.claims:
        inside = [c.model_copy(update={"span": _mapped(c.span, view)}) for c in claim.citations]
        claims.append(
            claim.model_copy(update={"span": _mapped(claim.span, view), "citations": inside})
        )
    return report.model_copy(update={"claims": claims, "citations": citations})
