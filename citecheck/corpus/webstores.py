"""Reading the shapes in which agents leave their web sources, into a :class:`WebStore`.

- a JSONL of fetched pages, one ``{"url", "title", "content"}`` a line
  (open_deep_research; ``raw_content``/``text`` are read as well);
- STORM's ``url_to_info.json``: ``url_to_unified_index`` {url: n} and
  ``url_to_info`` {url: {title, description, snippets}};
- an index ``[{"url", "file", "title", "n"?}]`` of saved pages next to it (HTML reduced
  to its main text, .md/.txt as they are, .pdf by page); a ``.txt`` page listed with an
  ``n`` is a numbered source whose line N is what ``L N`` names (ChatGPT).

:func:`find_web_store` reads every such file directly in a task folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from citecheck.corpus.htmltext import main_text
from citecheck.corpus.web import WebPage, WebStore, page_from_snippets, page_from_text
from citecheck.errors import InputError
from citecheck.safeio import confine, is_regular_file, read_head

SNIFF_BYTES = 4096
STORM_FILE = "url_to_info.json"
_CONTENT_KEYS = ("content", "raw_content", "text", "page_content")
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"unreadable web source file: {error}") from None


def load_jsonl(path: Path) -> WebStore:
    """Pages from a JSONL fetch log; lines without a URL or text are skipped."""
    store = WebStore(origins=[path.name])
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"unreadable web source file: {error}") from None
    for line in lines:
        try:
            record = json.loads(line) if line.strip() else None
        except json.JSONDecodeError:
            continue
        if not isinstance(record, dict) or not isinstance(record.get("url"), str):
            continue
        text = next((record[k] for k in _CONTENT_KEYS if isinstance(record.get(k), str)), "")
        store.add(page_from_text(record["url"], record.get("title"), text), record.get("n"))
    return store


def load_storm(path: Path) -> WebStore:
    """STORM's ``url_to_info.json``: snippets per URL and the article's numbering."""
    data = _read_json(path)
    if not isinstance(data, dict):
        raise InputError(path, "expected an object with url_to_info and url_to_unified_index")
    store = WebStore(origins=[path.name])
    numbers = data.get("url_to_unified_index") or {}
    for url, info in (data.get("url_to_info") or {}).items():
        info = info if isinstance(info, dict) else {}
        snippets = [info.get("description") or "", *(info.get("snippets") or [])]
        store.add(page_from_snippets(url, info.get("title"), [str(s) for s in snippets]))
    for url, number in numbers.items():
        store.numbers.setdefault(str(number), url)
    return store


def load_index(path: Path, root: Path) -> WebStore:
    """Saved pages listed by an index ``[{"url", "file", "title", "n"?}]``."""
    data = _read_json(path)
    if not isinstance(data, list):
        raise InputError(path, 'expected a list of {"url", "file", "title"}')
    store = WebStore(origins=[path.name])
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        page = _saved_page(item, root)
        if page is not None:
            store.add(page, item.get("n"))
    return store


def _saved_page(item: dict[str, Any], root: Path) -> WebPage | None:
    url, title, name = item["url"], item.get("title"), item.get("file")
    if not isinstance(name, str):
        return page_from_snippets(url, title, [str(item.get("snippet") or "")])
    path = confine(root / name, root, shown=name)
    if not is_regular_file(path):
        return None  # listed but not saved: the page is not in the store
    return page_from_text(url, title, _page_text(path), numbered=item.get("n") is not None)


def _page_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from citecheck.corpus.pdf import PdfDocument

        document = PdfDocument(path)
        return "\n".join(document.page_text(n) for n in range(1, document.page_count + 1))
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    return main_text(text) if suffix in _HTML_SUFFIXES else text


def store_kind(path: Path) -> str | None:
    """Which store shape ``path`` is (``jsonl``, ``storm``, ``index``), from its first bytes."""
    if not is_regular_file(path) or path.name.startswith("."):
        return None
    if path.name == STORM_FILE:
        return "storm"
    if path.suffix.lower() not in (".jsonl", ".json"):
        return None
    head = read_head(path, "web source", SNIFF_BYTES).decode("utf-8", errors="ignore")
    head = head.lstrip("\ufeff \t\r\n")
    if path.suffix.lower() == ".jsonl":
        return "jsonl" if head.startswith("{") and '"url"' in head else None
    if head.startswith("[") and '"url"' in head and ('"file"' in head or '"snippet"' in head):
        return "index"
    return None


def find_web_store(root: Path) -> WebStore | None:
    """Every web source file directly in ``root`` read into one store; None if there is none."""
    loaders = {
        "jsonl": load_jsonl,
        "storm": load_storm,
        "index": lambda path: load_index(path, root),
    }
    found: WebStore | None = None
    for path in sorted(root.iterdir()):
        kind = store_kind(path)
        if kind is None:
            continue
        store = loaders[kind](path)
        if found is None:
            found = store
        else:
            found.merge(store)
    return found
