"""Matching a title whose bytes were partly lost (U+FFFD) against intact titles.

Each U+FFFD stands for up to :data:`LOST_CHARS_PER_REPLACEMENT` lost characters,
so ``写给“纯\ufffd白`` matches the normalised ``写给纯小白…``. A regular expression
with one optional gap per U+FFFD backtracks exponentially on titles such as
``DPO直接`` + U+FFFD×18 + ``Z``; :class:`DamagedTitle` instead tracks the set of
positions each intact piece can end at, which costs at most
``pieces × len(text) × gap`` steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.textutil import normalise_title

LOST_CHARS_PER_REPLACEMENT = 3
MIN_INTACT_CHARS = 4
REPLACEMENT_RUN_RE = re.compile("\ufffd+")


@dataclass(frozen=True)
class DamagedTitle:
    """The intact pieces of a damaged title (normalised) and the gap before each next one."""

    first: str
    rest: tuple[tuple[int, str], ...]
    """(most characters lost, next intact piece) pairs, in order."""
    tail_gap: int
    """Most characters lost after the last intact piece."""

    @classmethod
    def parse(cls, title: str) -> DamagedTitle | None:
        """The damaged title, or None without U+FFFD or with under four intact characters."""
        if "\ufffd" not in title:
            return None
        pieces = [normalise_title(piece) for piece in REPLACEMENT_RUN_RE.split(title)]
        gaps = [len(run) * LOST_CHARS_PER_REPLACEMENT for run in REPLACEMENT_RUN_RE.findall(title)]
        if sum(len(piece) for piece in pieces) < MIN_INTACT_CHARS:
            return None
        rest: list[tuple[int, str]] = []
        pending = 0
        for gap, piece in zip(gaps, pieces[1:], strict=True):
            pending += gap
            if piece:  # a piece that normalises to nothing merges its two gaps
                rest.append((pending, piece))
                pending = 0
        return cls(pieces[0], tuple(rest), pending)

    def _ends(self, text: str) -> list[set[int]]:
        """For each intact piece, the positions in ``text`` where it can end."""
        if not text.startswith(self.first):
            return []
        stages = [{len(self.first)}]
        for gap, piece in self.rest:
            reached = {
                start + len(piece)
                for end in stages[-1]
                for start in range(end, min(end + gap, len(text)) + 1)
                if text.startswith(piece, start)
            }
            if not reached:
                break
            stages.append(reached)
        return stages

    def is_prefix_of(self, text: str) -> bool:
        """Whether ``text`` starts with the whole damaged title (gaps filled by anything)."""
        return len(self._ends(text)) == len(self.rest) + 1

    def is_shortened(self, text: str) -> bool:
        """Whether ``text`` is the damaged title cut short: it ends inside a piece's
        trailing gap or right after a piece, every earlier piece present."""
        stages = self._ends(text)
        gaps = [gap for gap, _ in self.rest] + [self.tail_gap]
        return any(
            end <= len(text) <= end + gaps[index]
            for index, ends in enumerate(stages)
            for end in ends
        )
