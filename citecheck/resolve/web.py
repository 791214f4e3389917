"""Resolving a marker or link to the web page the agent fetched.

``kind="reference"`` (``[3]``, ``【3†L10-L14】``, ``[^3]``): the key's entry in the
report's reference list (same format first), else the store's own numbering
(STORM's unified index, an index's ``n``), gives a URL; ``kind="url"``: the link's
URL. The URL is then looked up in the corpus's :class:`WebStore`:

- no entry and no number → ``unresolvable`` (CC101), naming the keys the list has;
- a link to a URL neither fetched nor in the report's reference list (when it has
  one) → ``unresolvable``: it points at nothing the agent listed or read;
- a URL not in a complete store → ``resolved`` with no units and ``retrieved=False``
  (CC121: the agent cites a page it lists but never fetched); not in an incomplete store, or
  no store at all → ``unresolvable``;
- a line range beyond the numbered page → ``out-of-range`` (CC111) with the lines
  that exist as its units.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.corpus.urls import normalise_url
from citecheck.corpus.web import WebPage, WebStore, page_from_snippets
from citecheck.models import CitationTarget, ReferenceEntry, Report
from citecheck.resolve.outcome import Outcome

WEB_KINDS = frozenset({"reference", "url"})
NO_WEB_STORE = (
    "the task folder has no web sources (a fetch-log .jsonl, STORM's url_to_info.json"
    " or a saved-pages index .json)"
)


def report_web_store(report: Report, folder: WebStore | None) -> WebStore | None:
    """The folder's web store plus the sources the report file itself carries (a
    Perplexity response's ``search_results``: what it read is their snippets)."""
    if not report.embedded_sources:
        return folder
    store = WebStore(origins=[f"the search_results of {Path(report.path).name}"])
    for source in report.embedded_sources:
        page = page_from_snippets(source.url, source.title, [source.snippet])
        store.add(page, source.number)
    if folder is not None:
        store.merge(folder)
    return store


def resolve_web(
    target: CitationTarget, references: list[ReferenceEntry], store: WebStore | None
) -> Outcome:
    """The outcome of one reference or URL target against ``store``."""
    url = target.url if target.kind == "url" else _url_for_key(target, references, store)
    if url is None:
        return Outcome("unresolvable", detail=_no_entry(target, references, store))
    if store is None:
        return Outcome("unresolvable", detail=f"{url}: {NO_WEB_STORE}")
    page = store.page(url)
    if page is None:
        held = f"the {len(store.pages)} pages of {', '.join(store.origins) or 'the web sources'}"
        if target.kind == "url" and _unlisted(url, references):
            return Outcome(
                "unresolvable",
                detail=f"{url} is neither in the report's reference list nor among {held}",
            )
        if store.complete:
            return Outcome(
                "resolved",
                retrieved=False,
                detail=f"{url} was never fetched: it is not among {held}",
            )
        return Outcome("unresolvable", detail=f"{url} is not among {held}")
    if target.lines:
        return _line_range(page, target.lines)
    return Outcome("resolved", units=list(page.units), unit_count=len(page.units), detail=url)


def _unlisted(url: str, references: list[ReferenceEntry]) -> bool:
    """A link to a page the report's reference list (when it has one) does not name:
    it points at nothing the agent listed or read."""
    listed = {normalise_url(entry.url) for entry in references}
    return bool(listed) and normalise_url(url) not in listed


def _url_for_key(
    target: CitationTarget, references: list[ReferenceEntry], store: WebStore | None
) -> str | None:
    """The URL the key of ``target`` stands for: its entry, else the store's numbering."""
    keyed = [e for e in references if e.key is not None and e.key == target.key]
    same_format = [e for e in keyed if e.syntax == target.syntax]
    if same_format or keyed:
        return (same_format or keyed)[0].url
    return store.url_for(target.key) if store is not None and target.key else None


def _no_entry(
    target: CitationTarget, references: list[ReferenceEntry], store: WebStore | None
) -> str:
    keys = [e.key for e in references if e.key is not None]
    if keys:
        listed = ", ".join(dict.fromkeys(keys))
        return f"source {target.key} is not in the reference list (it lists {listed})"
    if store is not None and store.numbers:
        numbered = ", ".join(sorted(store.numbers, key=lambda k: (len(k), k)))
        return f"the web sources number no source {target.key} (they number {numbered})"
    return f"marker {target.raw!r} has no reference list entry and the sources are not numbered"


def _line_range(page: WebPage, lines: list[int]) -> Outcome:
    unit, missing = page.line_range(lines)
    count = len(page.lines or [])
    units = [unit] if unit is not None else []
    if missing:
        return Outcome("out-of-range", units=units, missing=missing, unit_count=count)
    return Outcome("resolved", units=units, unit_count=count, detail=page.url)
