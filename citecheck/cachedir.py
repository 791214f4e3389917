"""Cache folders citecheck owns: created marked, trusted only when marked.

A cache is an optimisation, never an input. A corpus could ship a
``.citecheck-cache`` of its own (a symlink to anywhere, a file, a folder of
prepared indexes); citecheck uses a folder as its cache only when it is a real
directory (no symlink) that carries the ``CACHEDIR.TAG`` citecheck writes when
it creates one. The ``.gitignore`` holding ``*`` keeps git and pre-commit out.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from citecheck.errors import InputError
from citecheck.safeio import is_regular_file, os_problem

TAG_NAME = "CACHEDIR.TAG"
TAG_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by citecheck.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
GITIGNORE_TEXT = "# Automatically created by citecheck.\n*\n"


class CacheError(InputError):
    """A cache folder cannot be used; callers fall back to working without it."""


def is_owned_cache(folder: Path) -> bool:
    """Whether ``folder`` is a real directory carrying citecheck's cache tag."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    tag = folder / TAG_NAME
    try:
        return not tag.is_symlink() and tag.read_text(encoding="utf-8") == TAG_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def usable_as_cache(folder: Path) -> bool:
    """Whether citecheck may write into ``folder``: absent (it will be created) or owned."""
    if folder.is_symlink():
        return False
    return not folder.exists() or is_owned_cache(folder)


def prepare_cache_dir(folder: Path) -> Path:
    """Create ``folder`` (and its parents) marked as citecheck's cache; return it.

    :class:`CacheError` when it is a file or cannot be created. Which folder may
    be trusted as a cache is :func:`usable_as_cache`'s question, asked before.
    """
    if folder.exists() and not folder.is_dir():
        raise CacheError(folder, "cache folder is a file, expected a directory")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in ((TAG_NAME, TAG_TEXT), (".gitignore", GITIGNORE_TEXT)):
            marker = folder / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CacheError(folder, f"cannot create cache folder: {os_problem(error)}") from None
    return folder


def open_cache_db(path: Path, schema: str) -> sqlite3.Connection:
    """The SQLite cache at ``path`` with ``schema`` (``CREATE TABLE IF NOT EXISTS``),
    shared by threads. Every cache database opens through here: a damaged file is
    moved aside to ``*.corrupt`` and rebuilt, and a cache that cannot be written at
    all lives in memory (a cache only saves time)."""
    for attempt in range(2):
        try:
            prepare_cache_dir(path.parent)
            db = sqlite3.connect(path, timeout=30, check_same_thread=False)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(schema)
                db.commit()
            except sqlite3.DatabaseError:
                db.close()
                if attempt == 0 and is_regular_file(path):
                    os.replace(path, path.with_name(path.name + ".corrupt"))
                    continue
                raise
            return db
        except (CacheError, OSError, sqlite3.DatabaseError):
            break
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    memory.executescript(schema)
    return memory
