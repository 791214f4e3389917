"""Author–date citations (APA, Harvard) followed through the report's reference list.

An entry of the list names its authors (or a group, or, with no author, the title)
before the year, and where the source lies in the task folder::

    Zhou, Y., Okoye, R., … & Feng, G. (2025). RetroWeave: … https://doi.org/… (pdf.pdf)
    Adeyemi, K. (n.d.). *Why LLMs struggle*. Medium. https://… (long_context, chunks 0–3)
    AI4S Reading Club. (2025, October 18). *Talk 31* [Video recording]. video.mp4

A citation in the text, ``(Zhou et al., 2025, p. 6)``, ``(Adeyemi, n.d., chunk 2)``,
``("USPTO数据集全解析," n.d., chunk 0)``, ``(AI4S Reading Club, 2025, 14:46)``, several
joined by ``;``, cites the entry whose first author, group or title its key names, at
the page, chunk or time it gives: the file the entry names, or the collection
document it titles. An entry that points at nothing in the folder makes no citation;
entry lines are a reference list, never claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.models import DEFAULT_COLLECTION, Citation, CitationTarget
from citecheck.report.citations import citation_id, clock_seconds, expand_numbers
from citecheck.textutil import LineIndex

_YEAR = r"(?:19|20)\d{2}[a-z]?|n\.\s?d\."
_ENTRY = re.compile(
    rf"^[ \t]*(?:[-*+]\s+|\d+[.)]\s+)?(?P<head>[^()\n]{{2,400}}?)\.?\s*"
    rf"\((?P<year>{_YEAR})(?:,[^)\n]*)?\)\.\s*(?P<rest>.*)$",
    re.MULTILINE,
)
_FILE = re.compile(r"[\w.\-]+\.(?:pdf|mp4|mkv|webm|mov|m4v|mp3|wav|m4a)\b", re.IGNORECASE)
_COLLECTION = re.compile(rf"\b{DEFAULT_COLLECTION}\b")
_TITLE_AFTER_YEAR = re.compile(r"^\s*\*?(?P<title>[^*\n]+?)\*?(?:\.\s|\s\[|$)")
_GROUP = re.compile(r"\(([^()\n]{3,400})\)")
_CITE = re.compile(
    rf"^\s*(?P<key>[^,;]+?|\"[^\"]+\"|“[^”]+”)\s*,?\s*(?P<year>{_YEAR})\s*(?:,\s*(?P<locator>.+?))?\s*$"
)
_PAGES = re.compile(r"^(?:pp?\.|pages?)\s*(?P<n>\d+(?:\s*[-–]\s*\d+)?)$", re.IGNORECASE)
_CHUNKS = re.compile(r"^chunks?\s*(?P<n>\d+(?:\s*[-–,]\s*\d+)*)$", re.IGNORECASE)
_CLOCK = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}$")
_ET_AL = re.compile(r"\s+(?:et\s+al\.?|and\s+\S+|&\s*\S+)\s*$", re.IGNORECASE)
_QUOTES = "\"“”'‘’,，"


@dataclass(frozen=True)
class _Entry:
    """One reference-list entry: how citations name it, and what it points at."""

    keys: tuple[str, ...]
    line: int
    file: str | None
    title: str | None  # the collection document's title, when it points at the collection


def author_date_citations(
    text: str, offset: int, index: LineIndex
) -> tuple[list[Citation], frozenset[int]]:
    """The author–date citations of ``text`` (a report region at file ``offset``) that
    an entry of its reference list resolves, and the file lines of those entries."""
    entries = _entries(text, offset, index)
    if not entries:
        return [], frozenset()
    lines = frozenset(e.line for e in entries)
    found = []
    for group in _GROUP.finditer(text):
        start = offset + group.start()
        if index.position(start)[0] in lines:
            continue
        targets = _targets(group.group(1), entries, group.group(0))
        if targets:
            span = index.span(start, offset + group.end())
            found.append(
                Citation(id=citation_id(span), text=group.group(0), span=span, targets=targets)
            )
    return found, lines


def _entries(text: str, offset: int, index: LineIndex) -> list[_Entry]:
    entries = []
    for found in _ENTRY.finditer(text):
        head, rest = found["head"].strip(" *"), found["rest"]
        file = next((m.group(0) for m in _FILE.finditer(rest)), None)
        in_collection = _COLLECTION.search(rest) is not None
        if file is None and not in_collection:
            continue  # it points at nothing in the task folder
        author_first = "," in head and not _looks_like_title(head)
        after_year = _TITLE_AFTER_YEAR.match(rest)
        title = (after_year["title"].strip() if after_year else None) if author_first else head
        keys = (head.split(",", 1)[0].strip(),) if author_first else (head,)
        line = index.position(offset + found.start())[0]
        entries.append(_Entry(keys, line, file, title if in_collection and not file else None))
    return entries


def _looks_like_title(head: str) -> bool:
    """A head with no "Surname, I." pattern: a title or a group (no author list)."""
    return re.search(r"[A-Za-z\u00c0-\u024f'\-]+,\s+[A-Z](?:\.|,|\s|$)", head) is None


def _targets(body: str, entries: list[_Entry], raw: str) -> list[CitationTarget]:
    targets = []
    for part in body.split(";"):
        cited = _CITE.match(part)
        if cited is None:
            return []  # not every part is an author–date citation: not one
        entry = _entry_for(cited["key"], entries)
        if entry is None:
            return []
        target = _target(entry, (cited["locator"] or "").strip(), raw)
        if target is None:
            return []
        targets.append(target)
    return targets


def _entry_for(key: str, entries: list[_Entry]) -> _Entry | None:
    name = _ET_AL.sub("", key.strip().strip(_QUOTES)).strip(_QUOTES + " ")
    if not name:
        return None
    for entry in entries:
        for own in entry.keys:
            if own.casefold() == name.casefold() or own.casefold().startswith(name.casefold()):
                return entry
    return None


def _target(entry: _Entry, locator: str, raw: str) -> CitationTarget | None:
    pages = chunks = times = []  # type: list[int]
    if locator:
        if found := _PAGES.match(locator):
            pages = expand_numbers(found["n"])
        elif found := _CHUNKS.match(locator):
            chunks = expand_numbers(found["n"])
        elif _CLOCK.match(locator):
            times = [clock_seconds(locator)]
        else:
            return None
    if entry.file is not None:
        return CitationTarget(
            kind="file", source=entry.file, pages=pages, times=times, syntax="author-date", raw=raw
        )
    return CitationTarget(
        kind="collection",
        source=DEFAULT_COLLECTION,
        title=entry.title,
        chunks=chunks,
        syntax="author-date",
        raw=raw,
    )
