"""Deterministic chunking of collection documents into numbered chunks.

Reports cite ``[long_context: "<title>", chunk N]`` with N counted from 0, so the
collection index must cut a document exactly the same way on every run. The
rule is simple and recorded in the index (``describe()``), so a change of
parameters rebuilds the index instead of silently shifting chunk numbers:

1. the document text is ``title + "\\n" + text`` (chunk 0 starts with the title);
2. it is split into paragraphs at line breaks, paragraphs longer than
   ``max_chars`` into sentences (after ``。！？!?.;；`` and line ends), and
   sentences still longer than ``max_chars`` into hard slices;
3. pieces are packed greedily, in order, into chunks of at most ``max_chars``
   characters (pieces joined with ``"\\n"`` when they were paragraphs);
4. with ``overlap > 0`` every chunk after the first is prefixed by the last
   ``overlap`` characters of the chunk before it.

When the agent's own chunking is known, a chunk map (``<stem>.chunks.jsonl``)
overrides this for the titles it lists; see :mod:`citecheck.corpus.collection`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

SENTENCE_END = re.compile(r"(?<=[。！？!?;；])|(?<=\.)(?=\s)")
PARAGRAPH_BREAK = re.compile(r"\n+")


@dataclass(frozen=True)
class Chunker:
    """Cuts ``title`` + ``text`` into chunks of at most ``max_chars`` characters."""

    max_chars: int = 1000
    overlap: int = 0
    name: str = "paragraph-sentence"

    def __post_init__(self) -> None:
        if self.max_chars < 1 or not 0 <= self.overlap < self.max_chars:
            raise ValueError("need max_chars >= 1 and 0 <= overlap < max_chars")

    def describe(self) -> dict[str, Any]:
        """The name and parameters, stored in the collection index."""
        return {"name": self.name, "max_chars": self.max_chars, "overlap": self.overlap}

    def chunks(self, title: str, text: str) -> list[str]:
        """The chunks of one document, in order; never empty."""
        packed = self._pack(self._pieces(f"{title}\n{text}".strip()))
        if not packed:
            return [title]
        if not self.overlap:
            return packed
        return [packed[0]] + [prev[-self.overlap :] + cur for prev, cur in pairwise(packed)]

    def _pieces(self, text: str) -> list[tuple[str, str]]:
        """(separator, piece) pairs no longer than ``max_chars``."""
        pieces: list[tuple[str, str]] = []
        for paragraph in PARAGRAPH_BREAK.split(text):
            if not paragraph.strip():
                continue
            if len(paragraph) <= self.max_chars:
                pieces.append(("\n", paragraph))
                continue
            for index, sentence in enumerate(s for s in SENTENCE_END.split(paragraph) if s):
                separator = "\n" if index == 0 else ""
                for start in range(0, len(sentence), self.max_chars):
                    pieces.append((separator, sentence[start : start + self.max_chars]))
                    separator = ""
        return pieces

    def _pack(self, pieces: list[tuple[str, str]]) -> list[str]:
        chunks: list[str] = []
        current = ""
        for separator, piece in pieces:
            joined = f"{current}{separator}{piece}" if current else piece
            if len(joined) <= self.max_chars:
                current = joined
            else:
                chunks.append(current)
                current = piece
        if current:
            chunks.append(current)
        return chunks
