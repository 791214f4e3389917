"""A task folder: the sources a report may cite, addressed by file name.

:class:`Corpus` confines every name a report gives to the folder
(:meth:`Corpus.safe_path`), loads each source once on first use, and keeps its
indexes in a cache dir (``<root>/.citecheck-cache``, or
``~/.cache/citecheck/<sha1 of root>`` when the root is read-only).
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz, process

from citecheck.cachedir import usable_as_cache
from citecheck.corpus.collection import DOCUMENT_LIST_KEYS, Collection
from citecheck.corpus.pdf import PdfDocument
from citecheck.corpus.video import (
    MEDIA_SUFFIXES,
    SIDECAR_JSON_SUFFIXES,
    Transcriber,
    VideoEvidence,
)
from citecheck.corpus.web import WebStore
from citecheck.corpus.webstores import find_web_store, store_kind
from citecheck.derived import DERIVED_FILE, DerivedStore
from citecheck.errors import InputError, OutsideCorpusError
from citecheck.models import DEFAULT_COLLECTION
from citecheck.safeio import confine, is_regular_file, read_head
from citecheck.usercache import user_cache_dir

TRANSCRIPT_SUFFIXES = frozenset({".srt", ".vtt"})
CACHE_DIR_NAME = ".citecheck-cache"
COLLECTION_SNIFF_BYTES = 4096
MAX_LISTED_FILES = 20_000
"""Most corpus files listed for "did you mean" suggestions (``--corpus /`` is allowed)."""


def looks_like_collection(path: Path) -> bool:
    """Whether a JSON file starts like a document collection (a list, or an object
    with a documents list), judged from its first bytes only."""
    if path.suffix != ".json" or path.name.endswith(SIDECAR_JSON_SUFFIXES):
        return False
    data = read_head(path, "collection", COLLECTION_SNIFF_BYTES)
    head = data.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if head.startswith("["):
        return head[1:].lstrip().startswith("{")
    return head.startswith("{") and any(f'"{key}"' in head for key in DOCUMENT_LIST_KEYS)


def holds_sources(folder: Path) -> bool:
    """Whether ``folder`` directly holds a PDF, a collection, a video, a transcript or
    a web source file (a fetch log, STORM's url_to_info.json, a saved-pages index)."""
    for entry in folder.iterdir():
        if not is_regular_file(entry):
            continue
        suffix = entry.suffix.lower()
        if suffix == ".pdf" or suffix in MEDIA_SUFFIXES or suffix in TRANSCRIPT_SUFFIXES:
            return True
        if suffix == ".json" and looks_like_collection(entry):
            return True
        if store_kind(entry) is not None:
            return True
    return False


def default_cache_dir(root: Path) -> Path:
    """``<root>/.citecheck-cache`` when writable and citecheck's own (absent, or a real
    folder carrying its tag: never a symlink, a file, or a cache shipped with the
    corpus), else a per-root user cache."""
    local = root / CACHE_DIR_NAME
    if usable_as_cache(local) and os.access(local if local.is_dir() else root, os.W_OK):
        return local
    digest = hashlib.sha1(str(root).encode()).hexdigest()
    return user_cache_dir() / digest


class Corpus:
    """The sources of one task folder; every accessor is memoised."""

    def __init__(self, root: Path, cache_dir: Path, transcribe_model: str | None = None) -> None:
        self.root = root
        self.cache_dir = cache_dir
        self.transcribe_model = transcribe_model
        self._pdfs: dict[str, PdfDocument] = {}
        self._collections: dict[str, Collection | None] = {}
        self._videos: dict[str, VideoEvidence] = {}
        self._web: list[WebStore | None] = []

    @classmethod
    def open(
        cls,
        root: str | Path,
        cache_dir: str | Path | None = None,
        transcribe_model: str | None = None,
    ) -> Corpus:
        """The corpus rooted at ``root``; :class:`InputError` when it is no folder.

        ``transcribe_model`` (e.g. ``"tiny.en"`` or a model folder) transcribes a
        video that comes without a transcript, when faster-whisper is installed.
        """
        folder = Path(root).resolve()
        if not folder.is_dir():
            raise InputError(root, "corpus folder not found")
        cache = Path(cache_dir) if cache_dir else default_cache_dir(folder)
        return cls(folder, cache, transcribe_model)

    @classmethod
    def discover(
        cls,
        start: str | Path,
        cache_dir: str | Path | None = None,
        transcribe_model: str | None = None,
    ) -> Corpus | None:
        """The nearest folder, from ``start`` (or its parent, for a file) upwards,
        that holds sources, opened like :meth:`open`; None when there is none."""
        begin = Path(start).resolve()
        folder = begin if begin.is_dir() else begin.parent
        for candidate in (folder, *folder.parents):
            try:
                if holds_sources(candidate):
                    return cls.open(candidate, cache_dir, transcribe_model)
            except OSError:
                continue
        return None

    # ------------------------------------------------------------ names

    def safe_path(self, name: str) -> Path:
        """The path of ``name`` inside the corpus; never opens it.

        :class:`OutsideCorpusError` for absolute names, ``..`` escapes and
        symlinks whose target leaves the root; :class:`InputError` for names the
        system cannot resolve (over 255 bytes, a symlink loop).
        """
        candidate = Path(name)
        if candidate.is_absolute() or candidate.drive:
            raise OutsideCorpusError(name, "absolute path: citations must name files in the corpus")
        path = confine(self.root / candidate, self.root, shown=name)
        if _exists(path):
            return path
        for form in ("NFC", "NFD"):  # café.pdf cited in one Unicode form, stored in the other
            other = unicodedata.normalize(form, name)
            if other != name and _exists(self.root / other):
                return confine(self.root / other, self.root, shown=name)
        return path

    def file_names(self) -> list[str]:
        """Names (relative to the root) of the regular files in the corpus, cache and
        unreadable folders left out, symlinked folders not entered, at most
        :data:`MAX_LISTED_FILES` of them."""
        names: list[str] = []
        for folder, subfolders, files in os.walk(self.root):
            subfolders[:] = sorted(name for name in subfolders if name != CACHE_DIR_NAME)
            for name in sorted(files):
                path = Path(folder) / name
                if is_regular_file(path):
                    names.append(str(path.relative_to(self.root)))
                if len(names) >= MAX_LISTED_FILES:
                    return sorted(names)
        return sorted(names)

    def nearest_names(self, name: str, k: int = 3) -> list[str]:
        """The ``k`` corpus file names most like ``name`` (rapidfuzz WRatio)."""
        found = process.extract(name, self.file_names(), scorer=fuzz.WRatio, limit=k)
        return [choice for choice, _, _ in found]

    # ------------------------------------------------------------ sources

    @cached_property
    def derived(self) -> DerivedStore:
        """What is derived from this corpus's files, kept in its cache folder."""
        return DerivedStore(self.cache_dir / DERIVED_FILE)

    def pdf(self, name: str) -> PdfDocument | None:
        """The PDF called ``name``; None when there is no such file."""
        path = self.safe_path(name)
        if name not in self._pdfs:
            if not is_regular_file(path):
                return None
            self._pdfs[name] = PdfDocument(path, self.derived)
        return self._pdfs[name]

    def collection(self, name: str = DEFAULT_COLLECTION) -> Collection | None:
        """The collection ``<name>.json`` (or any ``<name>*.json`` collection file)."""
        if name not in self._collections:
            self._collections[name] = self._load_collection(name)
        return self._collections[name]

    def _load_collection(self, name: str) -> Collection | None:
        stem = name.removesuffix(".json")
        exact = self.safe_path(f"{stem}.json")
        if exact.is_dir():
            raise InputError(exact, "collection is a directory, expected a JSON file")
        globbed = sorted(self.root.glob(f"{stem}*.json"))
        candidates = [exact] if exact.exists() else [p for p in globbed if is_regular_file(p)]
        for path in candidates:
            if path.resolve().is_relative_to(self.root) and looks_like_collection(path):
                return Collection(path, self.cache_dir, root=self.root)
        if exact.exists():
            problem = "is empty" if exact.stat().st_size == 0 else "does not start like one"
            raise InputError(exact, f"not a document collection: the file {problem}")
        return None

    def web(self) -> WebStore | None:
        """The web pages the agent fetched, from the folder's web source files (None: none)."""
        if not self._web:
            self._web.append(find_web_store(self.root))
        return self._web[0]

    def _transcriber(self) -> Transcriber | None:
        from citecheck.corpus.transcribe import transcribe, whisper_available

        model = self.transcribe_model
        if not model or not whisper_available():
            return None
        return lambda media, language: transcribe(
            media, self.cache_dir, model=model, language=language
        )

    def video(self, name: str) -> VideoEvidence:
        """The evidence known about the video ``name`` (empty without sidecars)."""
        if name not in self._videos:
            self._videos[name] = VideoEvidence(
                self.safe_path(name), self._transcriber(), root=self.root
            )
        return self._videos[name]


def _exists(path: Path) -> bool:
    """Whether ``path`` names something; a name the system cannot look up
    (too long, a symlink loop) is simply not there, for the resolver to report."""
    try:
        return path.exists()
    except OSError:
        return False
