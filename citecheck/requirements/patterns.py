"""A rule pack's regular expressions, run under a bounded matcher.

A pack is data: it may come with a task folder, written by anyone. Its patterns
run on the ``regex`` engine with a time limit per report, so a pattern that
backtracks exponentially (``(a|a)+$``) ends the run with one line naming the pack
and the pattern, never a hang. ``regex`` also matches some such patterns
(``(a+)+$``) without backtracking at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

from citecheck.errors import InputError
from citecheck.rulepack import RulePack

MATCH_SECONDS = 2.0
"""Longest one pattern may take over one text (the shipped ones take microseconds)."""


class PackPattern:
    """One compiled pack pattern (case-insensitive) that knows where it came from."""

    def __init__(self, source: str, owner: str) -> None:
        self.source = source
        self.owner = owner
        try:
            self._compiled: Any = regex.compile(source, regex.IGNORECASE | regex.VERSION0)
        except regex.error as error:
            raise InputError(owner, f"invalid pattern {source!r}: {error}") from None

    @property
    def groupindex(self) -> dict[str, int]:
        """Named groups and their numbers."""
        return dict(self._compiled.groupindex)

    def finditer(self, text: str) -> Iterator[Any]:
        """Every match in ``text``; :class:`InputError` past :data:`MATCH_SECONDS`."""
        try:
            yield from list(self._compiled.finditer(text, timeout=MATCH_SECONDS))
        except TimeoutError:
            raise self._too_slow() from None

    def search(self, text: str) -> Any | None:
        """The first match in ``text``; :class:`InputError` past :data:`MATCH_SECONDS`."""
        try:
            return self._compiled.search(text, timeout=MATCH_SECONDS)
        except TimeoutError:
            raise self._too_slow() from None

    def _too_slow(self) -> InputError:
        return InputError(
            self.owner,
            f"pattern {self.source!r} took over {MATCH_SECONDS:g} s"
            " (it backtracks exponentially; rewrite it)",
        )


def pack_owner(pack: RulePack) -> str:
    """How errors name a pack: its file when it has one."""
    return pack.source or f"rule pack {pack.name}"


@lru_cache(maxsize=256)
def _compiled(source: str, owner: str) -> PackPattern:
    return PackPattern(source, owner)


def pack_patterns(patterns: list[str], owner: str) -> list[PackPattern]:
    """``patterns`` compiled (memoised), or :class:`InputError` naming ``owner``."""
    return [_compiled(source, owner) for source in patterns]
