"""A document collection (``long_context.json``) addressed by title and chunk number.

Real collections hold ~12,000 documents in a >100 MB JSON array, and a report
cites a few dozen chunks, so the file is never loaded whole. The first open
streams the array once (:func:`iter_documents`) and writes a SQLite index to the
cache dir: every document's title, normalised title, and byte offset and length
in the file. Later opens read only the index; a cited chunk costs one seek, one
``json.loads`` of that document and the deterministic :class:`Chunker`.

The index is keyed by the file's identity (absolute path, size, mtime_ns), the
chunker's description and the chunk map's identity; any change rebuilds it.

Accepted layouts: a top-level list of documents, or an object holding the list
under ``documents``, ``data`` or ``docs``. A document is an object with its
title under ``title`` (or ``name``) and its text under ``content``, ``text``,
``body`` or ``page_content``.

A chunk map ``<stem>.chunks.jsonl`` next to the collection (rows
``{"title", "chunk", "text"}``) replaces the chunker for the titles it lists:
use it when the agent's own chunking is known.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process

from citecheck.cachedir import CacheError, prepare_cache_dir
from citecheck.corpus.chunker import Chunker
from citecheck.corpus.damaged import DamagedTitle
from citecheck.errors import InputError
from citecheck.models import SourceUnit, TitleMatch
from citecheck.rulepack import Thresholds
from citecheck.safeio import (
    confine,
    is_regular_file,
    read_text,
    replacing,
    require_regular_file,
)
from citecheck.textutil import demojibake, normalise_title, scrub_surrogates

DOCUMENT_LIST_KEYS = ("documents", "data", "docs")
TITLE_KEYS = ("title", "name")
TEXT_KEYS = ("content", "text", "body", "page_content")
READ_SIZE = 1 << 22
_WHITESPACE = re.compile(r"\s*")
INDEX_VERSION = 1
MIN_PREFIX_CHARS = 4
DEFAULT_THRESHOLDS = Thresholds()
MAX_DOCUMENT_CHARS = 64 << 20
"""The longest single document of a collection (whole collections may be larger)."""
MAX_CHUNK = 1_000_000
"""The highest chunk number a chunk map may give."""


class TitleLookup(BaseModel):
    """The document a cited title resolves to (or ``None``) and the nearest titles."""

    match: TitleMatch | None = None
    candidates: list[tuple[str, float]] = Field(default_factory=list)
    # documents that all carry the cited title: the citation cannot say which
    same_title: list[int] = Field(default_factory=list)


@dataclass(frozen=True)
class RawDocument:
    """Where one document of the collection lies in the file."""

    doc_index: int
    title: str
    offset: int
    length: int


def document_title_and_text(document: Any) -> tuple[str, str]:
    """The title and text of one parsed document object (empty strings if absent)."""
    if not isinstance(document, dict):
        return "", scrub_surrogates(document) if isinstance(document, str) else ""

    def first(keys: tuple[str, ...]) -> str:
        found = next((document[k] for k in keys if isinstance(document.get(k), str)), "")
        return scrub_surrogates(found)

    return first(TITLE_KEYS), first(TEXT_KEYS)


class _JsonStream:
    """Incremental JSON reading over buffered reads, tracking byte offsets."""

    def __init__(self, handle: BinaryIO, path: Path) -> None:
        self._handle = handle
        self._path = path
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
        self._json = json.JSONDecoder()
        self._buffer = ""
        self._pos = 0
        self._byte_pos = 0
        self._eof = False
        head = handle.read(len(codecs.BOM_UTF8))
        if head == codecs.BOM_UTF8:
            self._byte_pos = len(head)
        else:
            self._buffer = self._decode(head)

    def _decode(self, data: bytes) -> str:
        try:
            return self._decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise InputError(self._path, "collection is not valid UTF-8") from None

    def _fill(self) -> bool:
        if self._eof:
            return False
        # read at least as much as is pending, so one long document costs a few
        # doubling reads instead of a copy of the whole buffer every 4 MiB
        data = self._handle.read(max(READ_SIZE, len(self._buffer) - self._pos))
        self._eof = not data
        self._buffer = self._buffer[self._pos :] + self._decode(data)
        self._pos = 0
        return not self._eof

    def _advance(self, new_pos: int) -> None:
        self._byte_pos += len(self._buffer[self._pos : new_pos].encode("utf-8"))
        self._pos = new_pos

    def peek(self) -> str:
        """The next non-whitespace character, without consuming it ('' at the end)."""
        while True:  # matching at the position: slicing the rest would copy the buffer
            self._advance(_after_whitespace(self._buffer, self._pos))
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not self._fill():
                return ""

    def expect(self, wanted: str) -> None:
        """Consume ``wanted`` or fail with a one-line error."""
        found = self.peek()
        if found != wanted:
            raise InputError(
                self._path, f"invalid collection JSON: expected {wanted!r} at byte {self._byte_pos}"
            )
        self._advance(self._pos + 1)

    def value(self) -> tuple[Any, int, int]:
        """The next JSON value with its byte offset and byte length."""
        self.peek()
        while True:
            try:
                parsed, end = self._json.raw_decode(self._buffer, self._pos)
                break
            except RecursionError:
                raise InputError(self._path, "invalid collection JSON: nested too deeply") from None
            except json.JSONDecodeError as error:
                if len(self._buffer) - self._pos > MAX_DOCUMENT_CHARS:
                    raise InputError(
                        self._path,
                        f"the document at byte {self._byte_pos} is over"
                        f" {MAX_DOCUMENT_CHARS // (1 << 20)} Mi characters; split it",
                    ) from None
                if not self._fill():
                    raise InputError(
                        self._path,
                        f"invalid collection JSON: {error.msg} near byte {self._byte_pos}",
                    ) from None
            except ValueError:  # Python's int-string limit (4,300 digits)
                raise InputError(
                    self._path,
                    f"invalid collection JSON: a number too long near byte {self._byte_pos}",
                ) from None
        offset = self._byte_pos
        self._advance(end)
        return parsed, offset, self._byte_pos - offset


def _after_whitespace(text: str, pos: int) -> int:
    """The position of the first non-whitespace character of ``text`` from ``pos``."""
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


def iter_documents(path: Path) -> Iterator[RawDocument]:
    """Stream the documents of a collection file without loading it whole."""
    with path.open("rb") as handle:
        stream = _JsonStream(handle, path)
        start = stream.peek()
        if start == "{":
            _enter_document_list(stream, path)
        elif start != "[":
            raise InputError(
                path, "collection JSON must be a list of documents or an object holding one"
            )
        yield from _iter_array(stream, path)


def _enter_document_list(stream: _JsonStream, path: Path) -> None:
    """Consume an object up to the '[' of its documents list."""
    stream.expect("{")
    while stream.peek() == '"':
        key, _, _ = stream.value()
        stream.expect(":")
        if key in DOCUMENT_LIST_KEYS and stream.peek() == "[":
            return
        stream.value()
        if stream.peek() == ",":
            stream.expect(",")
    raise InputError(
        path, f"collection JSON object has no list under {'/'.join(DOCUMENT_LIST_KEYS)}"
    )


def _iter_array(stream: _JsonStream, path: Path) -> Iterator[RawDocument]:
    stream.expect("[")
    if stream.peek() == "]":
        return
    doc_index = 0
    while True:
        document, offset, length = stream.value()
        title, _ = document_title_and_text(document)
        yield RawDocument(doc_index, title, offset, length)
        doc_index += 1
        separator = stream.peek()
        if separator == "]":
            return
        stream.expect(",")


def read_chunk_map(path: Path) -> Iterator[tuple[str, int, str]]:
    """(title, chunk, text) rows of a ``.chunks.jsonl`` chunk map.

    Titles and texts must be strings, chunks integers in ``0..MAX_CHUNK``; any
    other row is an :class:`InputError` naming the file and line.
    """
    text = read_text(path, "chunk map")
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        row = _chunk_map_row(line)
        if row is None:
            raise InputError(
                path,
                f'line {line_number}: expected {{"title": string, "chunk": 0..{MAX_CHUNK},'
                ' "text": string}',
            )
        yield row


def _chunk_map_row(line: str) -> tuple[str, int, str] | None:
    try:
        row = json.loads(line)
    except (ValueError, RecursionError):  # bad JSON, or a number over 4,300 digits
        return None
    if not isinstance(row, dict):
        return None
    title, chunk, text = row.get("title"), row.get("chunk"), row.get("text")
    if not (isinstance(title, str) and isinstance(text, str)):
        return None
    if isinstance(chunk, str) and chunk.strip().isdecimal() and len(chunk.strip()) <= 7:
        chunk = int(chunk)  # "chunk": "3", as some exporters write it
    if isinstance(chunk, bool) or not isinstance(chunk, int) or not 0 <= chunk <= MAX_CHUNK:
        return None
    return scrub_surrogates(title), chunk, scrub_surrogates(text)


def _file_identity(path: Path) -> dict[str, Any]:
    stat = path.stat()
    return {"path": str(path.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


class Collection:
    """A collection file with its title index, chunking and optional chunk map."""

    def __init__(
        self,
        path: str | Path,
        cache_dir: str | Path,
        chunk_size: int = 1000,
        root: str | Path | None = None,
    ) -> None:
        """Open the collection at ``path``; its chunk map must resolve inside ``root``
        (default: the collection's folder)."""
        self.path = Path(path)
        require_regular_file(self.path, "collection")
        self.root = Path(root) if root is not None else self.path.resolve().parent
        self.name = self.path.name
        self.chunker = Chunker(max_chars=chunk_size)
        self.chunk_map_path = self._find_chunk_map()
        index_name = hashlib.sha1(str(self.path.resolve()).encode()).hexdigest()[:16]
        self.index_path = Path(cache_dir) / f"collection-{index_name}.sqlite"
        self._db = self._open_index()
        rows = self._db.execute(
            "SELECT doc_index, title, norm_title FROM documents ORDER BY doc_index"
        )
        self._titles: list[tuple[int, str, str]] = rows.fetchall()
        self._by_index = {doc_index: title for doc_index, title, _ in self._titles}
        self._norm_titles = [norm for _, _, norm in self._titles]
        self._chunks = lru_cache(maxsize=256)(self._compute_chunks)

    # ------------------------------------------------------------ index

    def _find_chunk_map(self) -> Path | None:
        for name in (f"{self.path.stem}.chunks.jsonl", f"{self.path.name}.chunks.jsonl"):
            candidate = self.path.with_name(name)
            if candidate.exists() or candidate.is_symlink():
                confine(candidate, self.root)
                require_regular_file(candidate, "chunk map")
                return candidate
        return None

    def _identity(self) -> str:
        return json.dumps(
            {
                "version": INDEX_VERSION,
                "collection": _file_identity(self.path),
                "chunker": self.chunker.describe(),
                "chunk_map": _file_identity(self.chunk_map_path) if self.chunk_map_path else None,
            },
            sort_keys=True,
        )

    def _open_index(self) -> sqlite3.Connection:
        """The cached index when it matches; else a rebuilt one, in memory when the
        cache cannot be written (a cache is only an optimisation)."""
        identity = self._identity()
        if is_regular_file(self.index_path):
            db = sqlite3.connect(self.index_path)
            try:
                row = db.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone()
                if row and row[0] == identity:
                    return db
            except sqlite3.DatabaseError:
                pass
            db.close()
        try:
            prepare_cache_dir(self.index_path.parent)
            self._build_index(identity)
        except (CacheError, OSError, sqlite3.OperationalError):  # read-only, disk full
            memory = sqlite3.connect(":memory:")
            self._fill_index(memory, identity)
            return memory
        return sqlite3.connect(self.index_path)

    def _build_index(self, identity: str) -> None:
        with replacing(self.index_path) as partial:
            db = sqlite3.connect(partial)
            try:
                self._fill_index(db, identity)
            finally:
                db.close()

    def _fill_index(self, db: sqlite3.Connection, identity: str) -> None:
        """Write the title index (and the chunk map) into an empty database."""
        db.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE documents (doc_index INTEGER PRIMARY KEY, title TEXT,
                norm_title TEXT, offset INTEGER, length INTEGER);
            CREATE TABLE chunk_map (title TEXT, chunk INTEGER, text TEXT,
                PRIMARY KEY (title, chunk));
            """
        )
        db.executemany(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
            (
                (d.doc_index, d.title, normalise_title(d.title), d.offset, d.length)
                for d in iter_documents(self.path)
            ),
        )
        if self.chunk_map_path:
            db.executemany(
                "INSERT OR REPLACE INTO chunk_map VALUES (?, ?, ?)",
                read_chunk_map(self.chunk_map_path),
            )
        db.execute("CREATE INDEX documents_title ON documents (title)")
        db.execute("CREATE INDEX documents_norm ON documents (norm_title)")
        db.execute("INSERT INTO meta VALUES ('identity', ?)", (identity,))
        db.commit()

    # ------------------------------------------------------------ titles

    def __len__(self) -> int:
        return len(self._titles)

    def titles(self) -> list[str]:
        """All document titles, in collection order."""
        return [title for _, title, _ in self._titles]

    def title(self, doc_index: int) -> str | None:
        """The title of one document, or ``None`` when there is no such document."""
        return self._by_index.get(doc_index)

    def lookup(
        self,
        title: str,
        *,
        min_score: float = DEFAULT_THRESHOLDS.title_fuzzy_min,
        k: int = DEFAULT_THRESHOLDS.title_candidates,
    ) -> TitleLookup:
        """Resolve a cited title: exact, normalised, demojibaked, prefix, then fuzzy.

        When no exact, normalised, repaired or prefix match exists, ``candidates``
        holds the ``k`` nearest titles with their rapidfuzz WRatio
        scores (0-100), so an unresolved title can suggest alternatives.
        """
        repaired = demojibake(title)
        query = normalise_title(repaired or title)
        twins = self._documents_titled(title)
        if len(twins) > 1:
            return TitleLookup(candidates=[(title, 100.0)] * len(twins), same_title=twins)
        match = self._exact_or_normalised(title, "exact", "normalised")
        if match is None and repaired:
            match = self._exact_or_normalised(repaired, "demojibaked", "demojibaked")
        match = match or self._prefix(query) or self._damaged(repaired or title, query)
        if match is not None:
            return TitleLookup(match=match)
        nearest = self._nearest(query, max(k, 1))
        if nearest and nearest[0][2] >= min_score:
            doc_index, best_title, score = nearest[0]
            match = TitleMatch(title=best_title, method="fuzzy", score=score, doc_index=doc_index)
        return TitleLookup(match=match, candidates=[(t, s) for _, t, s in nearest[:k]])

    def _documents_titled(self, title: str) -> list[int]:
        """The indices of the documents whose title is exactly ``title`` (a few at most)."""
        rows = self._db.execute(
            "SELECT doc_index FROM documents WHERE title = ? ORDER BY doc_index LIMIT 5", (title,)
        ).fetchall()
        return [int(row[0]) for row in rows]

    def _exact_or_normalised(self, title: str, exact: str, normalised: str) -> TitleMatch | None:
        row = self._db.execute(
            "SELECT doc_index, title FROM documents WHERE title = ? ORDER BY doc_index LIMIT 1",
            (title,),
        ).fetchone()
        method = exact
        if row is None and (norm := normalise_title(title)):
            row = self._db.execute(
                "SELECT doc_index, title FROM documents WHERE norm_title = ?"
                " ORDER BY doc_index LIMIT 1",
                (norm,),
            ).fetchone()
            method = normalised
        if row is None:
            return None
        return TitleMatch(title=row[1], method=method, score=100.0, doc_index=row[0])  # type: ignore[arg-type]

    def _prefix(self, query: str) -> TitleMatch | None:
        if len(query) < MIN_PREFIX_CHARS:
            return None
        hits = [
            (len(norm), i) for i, norm in enumerate(self._norm_titles) if norm.startswith(query)
        ]
        if not hits:
            return None
        length, position = min(hits)
        doc_index, title, _ = self._titles[position]
        score = round(100.0 * len(query) / length, 1)
        return TitleMatch(title=title, method="prefix", score=score, doc_index=doc_index)

    def _damaged(self, title: str, query: str) -> TitleMatch | None:
        """The first title a damaged (U+FFFD) title matches as a prefix, if any."""
        damaged = DamagedTitle.parse(title)
        if damaged is None:
            return None
        for position, norm in enumerate(self._norm_titles):
            if damaged.is_prefix_of(norm):
                doc_index, found, _ = self._titles[position]
                score = round(float(fuzz.WRatio(query, norm)), 1)
                return TitleMatch(title=found, method="fuzzy", score=score, doc_index=doc_index)
        return None

    def _nearest(self, query: str, k: int) -> list[tuple[int, str, float]]:
        """(doc_index, title, WRatio score) of the ``k`` titles nearest ``query``."""
        if not query or not self._norm_titles:
            return []
        found = process.extract(
            query, self._norm_titles, scorer=fuzz.WRatio, limit=k, score_cutoff=1
        )
        return [(*self._titles[i][:2], round(float(score), 1)) for _, score, i in found]

    # ------------------------------------------------------------ chunks

    def document_text(self, doc_index: int) -> str | None:
        """The text of one document, read with a single seek."""
        row = self._db.execute(
            "SELECT offset, length FROM documents WHERE doc_index = ?", (doc_index,)
        ).fetchone()
        if row is None:
            return None
        with self.path.open("rb") as handle:
            handle.seek(row[0])
            raw = handle.read(row[1])
        try:
            return document_title_and_text(json.loads(raw))[1]
        except ValueError:  # bad JSON or UTF-8: the file is no longer what was indexed
            raise InputError(
                self.path, "collection changed while citecheck was reading it"
            ) from None

    def _compute_chunks(self, doc_index: int) -> dict[int, str]:
        """Chunk number → text: the chunk map's rows for the title, else the chunker's."""
        title = self._by_index.get(doc_index)
        if title is None:
            return {}
        mapped = dict(
            self._db.execute(
                "SELECT chunk, text FROM chunk_map WHERE title = ? ORDER BY chunk", (title,)
            )
        )
        if mapped:
            return mapped
        return dict(enumerate(self.chunker.chunks(title, self.document_text(doc_index) or "")))

    def chunk_count(self, doc_index: int) -> int:
        """How many chunks a document has (0 when there is no such document)."""
        return len(self._chunks(doc_index))

    def chunk_numbers(self, doc_index: int) -> list[int]:
        """The numbers of a document's chunks, ascending (a chunk map may leave gaps)."""
        return list(self._chunks(doc_index))

    def chunk(self, doc_index: int, n: int) -> SourceUnit | None:
        """Chunk ``n`` (0-based) of a document, or ``None`` when out of range."""
        chunks = self._chunks(doc_index)
        if n not in chunks:
            return None
        title = self._by_index[doc_index]
        return SourceUnit(
            source=self.name,
            kind="chunk",
            locator=f'chunk {n} of "{title}"',
            text=chunks[n],
            chunk=n,
            title=title,
        )
