"""Opening the files citecheck is given, safely: confined, regular, bounded.

Every input file (report, trace, sidecar, chunk map, collection, PDF) is opened
through this module, so that the same rules hold everywhere:

- :func:`confine`: a path must stay inside its folder after symlinks are
  followed (the rule citations obey);
- :func:`require_regular_file`: FIFOs, devices and directories are refused
  before anything is opened, so ``mkfifo r.md`` or ``/dev/zero`` cannot hang or
  fill memory;
- :func:`read_bytes`: at most ``limit`` bytes are read, a bigger file is an error;
- every :class:`OSError` (a name over 255 bytes, a symlink loop, no permission)
  becomes an :class:`~citecheck.errors.InputError` naming the file.

Files citecheck writes (outputs, caches, indexes) go through :func:`replacing`
(or :func:`atomic_write_text` / :func:`atomic_write_bytes` built on it), so a
reader never sees half a file and a failed write leaves the old one whole.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from citecheck.errors import InputError, OutsideCorpusError

MIB = 1 << 20
REPORT_LIMIT = 64 * MIB
"""The largest report file read (a long report is well under 1 MiB)."""
TRACE_LIMIT = 1024 * MIB
"""The largest run log read."""
SIDECAR_LIMIT = 64 * MIB
"""The largest sidecar (transcript, subtitles, metadata, keyframes, chunk map)."""


def os_problem(error: OSError) -> str:
    """A short description of an OS error, without the path it names."""
    return error.strerror or type(error).__name__


def confine(path: Path, root: Path, shown: str | Path | None = None) -> Path:
    """``path`` with symlinks resolved; :class:`OutsideCorpusError` when it leaves ``root``.

    ``shown`` is the name used in the error (default: ``path``).
    """
    label = shown if shown is not None else path
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as error:
        problem = os_problem(error) if isinstance(error, OSError) else "symlink loop"
        raise InputError(label, f"cannot resolve: {problem}") from None
    if not resolved.is_relative_to(root.resolve()):
        raise OutsideCorpusError(label, f"points outside the corpus folder {root}")
    return resolved


def is_regular_file(path: Path) -> bool:
    """Whether ``path`` (symlinks followed) is a regular file; False on any OS error."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def require_regular_file(path: Path, what: str = "file") -> os.stat_result:
    """The stat of ``path``; :class:`InputError` unless it is an existing regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(path, f"{what} not found") from None
    except OSError as error:
        raise InputError(path, f"cannot read {what}: {os_problem(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, f"{what} is a directory, expected a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, f"{what} is not a regular file (a FIFO or device?)")
    return info


def read_bytes(path: Path, what: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or an :class:`InputError`."""
    info = require_regular_file(path, what)
    if info.st_size > limit:
        raise InputError(path, f"{what} is too large ({_size(info.st_size)}, limit {_size(limit)})")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(path, f"cannot read {what}: {os_problem(error)}") from None
    if len(data) > limit:
        raise InputError(path, f"{what} grew past the limit of {_size(limit)} while being read")
    return data


def read_head(path: Path, what: str, count: int) -> bytes:
    """The first ``count`` bytes of a regular file, or an :class:`InputError`."""
    require_regular_file(path, what)
    try:
        with path.open("rb") as handle:
            return handle.read(count)
    except OSError as error:
        raise InputError(path, f"cannot read {what}: {os_problem(error)}") from None


def read_text(path: Path, what: str, limit: int = SIDECAR_LIMIT) -> str:
    """A UTF-8 (optionally BOM-prefixed) text file read like :func:`read_bytes`."""
    try:
        return read_bytes(path, what, limit).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"{what} is not UTF-8 (byte {error.start})") from None


def _size(count: int) -> str:
    return f"{count / MIB:.1f} MiB" if count >= MIB else f"{count} bytes"


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary sibling of ``path`` to write instead; renamed over ``path`` when the
    block ends normally, removed when it fails, so ``path`` is either old or whole new.

    The sibling is hidden and per process (``.NAME.PID.tmp``). :class:`OSError` is
    the caller's to handle.
    """
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through :func:`replacing`."""
    with replacing(path) as partial:
        partial.write_text(text, encoding="utf-8")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through :func:`replacing`."""
    with replacing(path) as partial:
        partial.write_bytes(data)
