"""Reading a TOML settings file (a config file or a rule pack) as plain data.

Both may come with a task folder, so both are untrusted data: the file must be a
regular UTF-8 file under a size cap, valid TOML, and nested no deeper than
:data:`MAX_DEPTH` tables and arrays (deeper nesting ends tomllib, or a later
recursive step, in a RecursionError). Every problem is an :class:`InputError`
naming the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from citecheck.errors import InputError
from citecheck.safeio import read_text

TOML_LIMIT = 4 * 1024 * 1024
"""Largest settings file read (4 MiB; shipped packs are a few KiB)."""
MAX_DEPTH = 32
"""Deepest nesting of tables and arrays a settings file may have."""


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """The top-level table of the TOML file ``path`` (``what`` names it in errors)."""
    text = read_text(path, what, TOML_LIMIT)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(path, f"invalid TOML: {error}") from None
    except RecursionError:
        raise InputError(path, f"{what} is nested too deeply") from None
    if nesting_depth(data) > MAX_DEPTH:
        raise InputError(path, f"{what} is nested too deeply (limit {MAX_DEPTH} levels)")
    return data


def nesting_depth(value: Any) -> int:
    """How many tables and arrays deep ``value`` goes (a scalar is 0), without recursion."""
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict | list):
            deepest = max(deepest, depth + 1)
            pending.extend((child, depth + 1) for child in children)
    return deepest
