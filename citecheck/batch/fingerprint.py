"""The content key of a task: what must change for its stored result to be stale.

A task's key hashes its folder, the bytes of its reports, the bytes of every
other file it owns (sources and trace), the citecheck version and the settings
that change findings (rules selected, severities, the rule pack's contents, the
judge). A file's digest is remembered by (path, size, mtime) so that a rerun
reads a large unchanged collection only once.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from citecheck import __version__
from citecheck.batch.discovery import TaskFolder
from citecheck.config import Config
from citecheck.derived import file_digest as file_sha256
from citecheck.rulepack import RulePack

# settings that change what is printed or when the run fails, not the findings
PRESENTATION_FIELDS = {"format", "fail_on", "source", "cache_dir"}


class DigestMemo(Protocol):
    """Remembers file digests by file identity."""

    def digest_for(self, path: str, size: int, mtime_ns: int) -> str | None:
        """The digest stored for this identity, if any."""

    def remember_digest(self, path: str, size: int, mtime_ns: int, digest: str) -> None:
        """Store a digest for this identity."""


@dataclass(frozen=True)
class TaskKey:
    """The key of a task's stored result and the two content hashes it is made of."""

    key: str
    report_hash: str
    sources_hash: str


def settings_fingerprint(config: Config, pack: RulePack) -> str:
    """A digest of the citecheck version and the settings that change findings."""
    settings = config.model_dump(mode="json", exclude=PRESENTATION_FIELDS)
    text = json.dumps(
        {"version": __version__, "config": settings, "pack": pack.model_dump(mode="json")},
        sort_keys=True,
        ensure_ascii=False,
    )
    return _sha256(text.encode("utf-8"))


def task_key(task: TaskFolder, settings: str, memo: DigestMemo | None = None) -> TaskKey:
    """The key of ``task`` under ``settings`` (from :func:`settings_fingerprint`)."""
    reports = set(task.reports)
    report_hash = _files_hash(task.folder, sorted(reports), memo)
    sources_hash = _files_hash(task.folder, [p for p in task.files if p not in reports], memo)
    key = _sha256("\n".join([settings, str(task.folder), report_hash, sources_hash]).encode())
    return TaskKey(key=key, report_hash=report_hash, sources_hash=sources_hash)


def _files_hash(folder: Path, files: list[Path], memo: DigestMemo | None) -> str:
    lines = [f"{path.relative_to(folder)}\t{file_digest(path, memo)}" for path in files]
    return _sha256("\n".join(lines).encode("utf-8"))


def file_digest(path: Path, memo: DigestMemo | None = None) -> str:
    """The SHA-256 of a file's bytes, taken from ``memo`` when its identity is known."""
    stat = path.stat()
    if memo is not None:
        known = memo.digest_for(str(path), stat.st_size, stat.st_mtime_ns)
        if known is not None:
            return known
    hexdigest = file_sha256(path)
    if memo is not None:
        memo.remember_digest(str(path), stat.st_size, stat.st_mtime_ns, hexdigest)
    return hexdigest


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
