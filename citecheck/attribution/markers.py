"""Citation markers inside a source passage and the people they name.

A passage attributes a statement through markers such as ``(Holtzman et al.,
2020)``, ``Rafailov et al. (2023)`` or ``[12]``; numeric markers are resolved
through the PDF's bibliography (entries written ``[12] …`` or in list order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from citecheck.textutil import LATIN_LETTERS, LATIN_UPPER

if TYPE_CHECKING:
    from citecheck.corpus.pdf import BibEntry

_SURNAME = rf"[{LATIN_UPPER}][{LATIN_LETTERS}'\-]+"

_AUTHOR_YEAR = re.compile(
    rf"(?P<surname>{_SURNAME})"
    rf"(?:(?P<etal>\s+et al\.?)|\s+(?:and|&)\s+(?P<second>{_SURNAME}))?"
    r"(?:,\s*|\s+(?P<open>\())(?P<year>(?:19|20)\d{2})(?(open)\))"
)
_NUMERIC = re.compile(r"\[(?P<nums>\d+(?:\s*[,\-–]\s*\d+)*)\]")
_RAW_NUMBER = re.compile(r"^\s*\[(\d+)\]")


@dataclass(frozen=True)
class Marker:
    """One citation marker in a passage and the surnames it stands for."""

    text: str
    surnames: tuple[str, ...]
    year: int | None


def _numbers(spec: str) -> list[int]:
    result: list[int] = []
    for part in re.split(r"\s*,\s*", spec):
        bounds = re.split(r"\s*[\-–]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            result.extend(range(int(bounds[0]), int(bounds[1]) + 1))
        elif part.strip().isdigit():
            result.append(int(part))
    return result


def _entry_by_number(bibliography: list[BibEntry], number: int) -> BibEntry | None:
    for entry in bibliography:
        found = _RAW_NUMBER.match(entry.raw or "")
        if found and int(found.group(1)) == number:
            return entry
    return bibliography[number - 1] if 0 < number <= len(bibliography) else None


def surname_of(name: str) -> str:
    """The surname of a Latin author name ('Holtzman, Ari' and 'Ari Holtzman' → Holtzman)."""
    name = name.strip()
    if "," in name:
        return name.split(",")[0].strip()
    parts = name.split()
    return parts[-1] if parts else name


def find_markers(text: str, bibliography: list[BibEntry]) -> list[Marker]:
    """Every citation marker in ``text``, numeric ones resolved via the bibliography."""
    markers = [_author_year(m, bibliography) for m in _AUTHOR_YEAR.finditer(text)]
    for match in _NUMERIC.finditer(text):
        for number in _numbers(match.group("nums")):
            entry = _entry_by_number(bibliography, number)
            if entry is not None and entry.authors:
                names = tuple(surname_of(a) for a in entry.authors)
                markers.append(Marker(f"[{number}]", names, entry.year))
    return markers


def _author_year(match: re.Match[str], bibliography: list[BibEntry]) -> Marker:
    """``Wen and Abara (2024)`` names both; ``Marwick et al., 2023`` names every author
    of the reference entry with that first author and year, when the list has one."""
    year = int(match.group("year"))
    surnames = [match.group("surname")]
    if match.group("second"):
        surnames.append(match.group("second"))
    elif match.group("etal"):
        for entry in entries_for(surnames[0], bibliography):
            if entry.year in (None, year):
                surnames += [surname_of(a) for a in entry.authors[1:]]
    return Marker(match.group(0), tuple(dict.fromkeys(surnames)), year)


def attached_markers(text: str, term: str, bibliography: list[BibEntry]) -> list[Marker]:
    """The markers written right after ``term`` in ``text``: ``HeavyKeep (Marwick et al.,
    2023)`` credits HeavyKeep to Marwick et al.; several mentions give several markers."""
    found: list[Marker] = []
    for mention in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])\s*", text):
        rest = text[mention.end() :]
        paren = re.match(r"[(（\[]([^()（）\[\]]{3,120})[)）\]]", rest)
        if paren is None:
            continue
        inner = paren.group(0) if paren.group(0).startswith("[") else paren.group(1)
        found += [
            m for m in find_markers(inner, bibliography) if inner.strip().startswith(m.text[:3])
        ]
    return found


def entries_for(surname: str, bibliography: list[BibEntry]) -> list[BibEntry]:
    """Bibliography entries whose first author has this surname."""
    key = surname.casefold()
    return [e for e in bibliography if e.authors and surname_of(e.authors[0]).casefold() == key]
