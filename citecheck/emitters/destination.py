"""Writing ``--output`` without ever destroying an input.

An output path is refused when it is (or is a hard link or symlink to) a file the
run reads: a report being linted, the trace, the query, the config file or rule
pack, or a file of a task folder: a source (a PDF, a collection or chunk map, a
video or one of its sidecars), the task's query file or a config file. The file
is written to a temporary sibling and renamed into place, so a full disk leaves
the old output whole (a device or pipe such as ``/dev/stdout`` is written in
place).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from citecheck.config import CONFIG_FILE, PYPROJECT
from citecheck.corpus.folder import CACHE_DIR_NAME, looks_like_collection
from citecheck.corpus.trace import is_trace_name
from citecheck.corpus.video import MEDIA_SUFFIXES
from citecheck.errors import InputError, UsageError
from citecheck.report.query import is_query_file
from citecheck.safeio import atomic_write_text, is_regular_file, os_problem

SOURCE_SUFFIXES = frozenset({".pdf", ".jsonl", ".srt", ".vtt", *MEDIA_SUFFIXES})
"""File endings of what a corpus cites (besides collection and sidecar JSON)."""
SIDECAR_JSON_ENDINGS = (".transcript.json", ".meta.json", ".keyframes.json")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def is_source_file(path: Path) -> bool:
    """Whether a corpus file is something a run reads: a PDF, media, subtitles, a chunk
    map, a sidecar (any file named after a video beside it, ``video.nfo``,
    ``video.slides.csv``), a file named like a run log, or a JSON file that looks like
    a collection."""
    suffix = path.suffix.lower()
    if suffix in SOURCE_SUFFIXES or _beside_a_video(path) or is_trace_name(path):
        return True
    if suffix != ".json":
        return False
    if path.name.endswith(SIDECAR_JSON_ENDINGS):
        return True
    if any(path.with_suffix(media).exists() for media in MEDIA_SUFFIXES):
        return True
    try:
        return looks_like_collection(path)
    except InputError:
        return True


def _beside_a_video(path: Path) -> bool:
    stem = path.name.split(".", 1)[0]
    return "." in path.name and any(
        (path.parent / f"{stem}{media}").exists() for media in MEDIA_SUFFIXES
    )


def is_task_input(path: Path) -> bool:
    """Whether a file of a task folder is read by a run: a source, the task's query
    file, or a config file (``.citecheck.toml``, ``pyproject.toml``)."""
    return path.name in (CONFIG_FILE, PYPROJECT) or is_query_file(path) or is_source_file(path)


def corpus_sources(root: Path) -> Iterator[Path]:
    """The files under ``root`` a run reads (the cache folder excluded)."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name != CACHE_DIR_NAME]
        for name in files:
            if is_task_input(Path(folder) / name):
                yield Path(folder) / name


def refuse_input_as_output(output: Path, reports: list[Path], others: list[Path]) -> None:
    """:class:`UsageError` when ``output`` exists and is (a link to) one of ``reports``,
    one of the files in ``others`` (trace, query, config, pack), or an input of a
    corpus folder in ``others`` (:func:`is_task_input`)."""
    target = _identity(output)
    if target is None:
        return
    resolved = output.resolve()

    def same(path: Path) -> bool:
        return path.resolve() == resolved or _identity(path) == target

    if any(same(report) for report in reports):
        raise UsageError(f"{output}: --output would overwrite an input report")
    files = [path for path in others if not path.is_dir()]
    folders = [path for path in others if path.is_dir()]
    for path in [*files, *(source for folder in folders for source in corpus_sources(folder))]:
        if same(path):
            raise UsageError(f"{output}: --output would overwrite the input {path}")


def write_output(output: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``output``: a regular file (or a new one) through a
    temporary sibling and a rename; a device or pipe (``/dev/stdout``) in place."""
    try:
        if output.exists() and not is_regular_file(output):
            output.write_text(text, encoding="utf-8")
            return
        atomic_write_text(output, text)
    except OSError as error:
        raise UsageError(f"{output}: cannot write output: {os_problem(error)}") from None
