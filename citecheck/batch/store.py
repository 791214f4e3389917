"""The audit results store: one SQLite file that survives interruption.

One row per task result (keyed by folder and content key, see
:mod:`citecheck.batch.fingerprint`), one row per finding, one row per run and
the tasks each run covered. Every task is committed as soon as it is done, so a
run killed halfway keeps what it finished and the next run skips it.

SQLite rather than DuckDB: it ships with Python, and the audit's work is many
small transactional writes (a task and its findings, committed one at a time)
with small aggregate reads, where SQLite is the faster of the two
(``benchmarks/bench_audit_store.py`` measures both).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citecheck import __version__
from citecheck.batch.fingerprint import TaskKey
from citecheck.batch.worker import TaskOutcome
from citecheck.errors import InputError
from citecheck.models import Result, Severity

SCHEMA_VERSION = "1"
APPLICATION_ID = 0x43434155
"""SQLite's application id of a citecheck audit store ("CCAU")."""
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL NOT NULL, finished REAL,
    status TEXT NOT NULL, version TEXT NOT NULL, settings TEXT NOT NULL, roots TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
    folder TEXT NOT NULL, key TEXT NOT NULL, report_hash TEXT NOT NULL,
    sources_hash TEXT NOT NULL, version TEXT NOT NULL, status TEXT NOT NULL, error TEXT,
    result_json TEXT, findings INTEGER NOT NULL, errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL, infos INTEGER NOT NULL, seconds REAL NOT NULL,
    worker_peak_rss_mb REAL NOT NULL, finished REAL NOT NULL, PRIMARY KEY (folder, key));
CREATE TABLE IF NOT EXISTS findings (
    folder TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, code TEXT NOT NULL,
    slug TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL, path TEXT NOT NULL,
    line INTEGER NOT NULL, message TEXT NOT NULL, PRIMARY KEY (folder, key, seq));
CREATE TABLE IF NOT EXISTS run_tasks (
    run_id INTEGER NOT NULL, folder TEXT NOT NULL, key TEXT NOT NULL,
    reused INTEGER NOT NULL, PRIMARY KEY (run_id, folder));
CREATE TABLE IF NOT EXISTS file_digests (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    digest TEXT NOT NULL);
"""


@dataclass(frozen=True)
class StoredTask:
    """A task result as stored."""

    folder: str
    key: str
    status: str
    error: str | None
    result_json: str | None
    findings: int
    errors: int
    warnings: int
    infos: int
    seconds: float
    worker_peak_rss_mb: float
    reused: bool = False

    def count(self, level: Severity) -> int:
        """How many findings of ``level`` the task has."""
        return {"error": self.errors, "warning": self.warnings, "info": self.infos}[level.value]

    def result(self) -> Result | None:
        """The lint result, for a task that ran."""
        return Result.model_validate_json(self.result_json) if self.result_json else None


@dataclass(frozen=True)
class RunRecord:
    """One audit run."""

    id: int
    started: float
    finished: float | None
    status: str
    version: str
    settings: str
    roots: list[str]


class AuditStore:
    """The SQLite results store; only the driver process writes to it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise InputError(self.path, "audit store is a folder, not a database file")
        try:
            existed = self.path.exists()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30)
            if existed:
                self._refuse_foreign()
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._check_schema()
        except sqlite3.DatabaseError as error:
            raise InputError(self.path, f"not a citecheck audit store: {error}") from None
        except OSError as error:
            raise InputError(self.path, f"cannot open audit store: {error.strerror}") from None

    def _refuse_foreign(self) -> None:
        """:class:`InputError` unless the existing file is a citecheck store: its
        application id, or (stores made before the id) the ``meta`` schema row."""
        if self.path.stat().st_size == 0:
            self._db.close()
            raise InputError(self.path, "not a citecheck audit store: an empty file")
        owner = self._db.execute("PRAGMA application_id").fetchone()[0]
        if owner == APPLICATION_ID or (owner == 0 and self._has_schema_row()):
            return
        self._db.close()
        raise InputError(self.path, "not a citecheck audit store: another application's database")

    def _has_schema_row(self) -> bool:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError:  # no meta table
            return False
        return row is not None

    def _check_schema(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            with self._db:
                self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif row[0] != SCHEMA_VERSION:
            raise InputError(self.path, f"audit store schema {row[0]}, expected {SCHEMA_VERSION}")

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._db:
            yield self._db

    # ------------------------------------------------------------ runs

    def begin_run(self, roots: list[str], settings: str) -> int:
        """Record the start of a run; its id."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (started, status, version, settings, roots)"
                " VALUES (?, 'running', ?, ?, ?)",
                (time.time(), __version__, settings, json.dumps(roots)),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, status: str) -> None:
        """Mark a run ``complete`` or ``interrupted``."""
        with self._transaction() as db:
            db.execute(
                "UPDATE runs SET finished = ?, status = ? WHERE id = ?",
                (time.time(), status, run_id),
            )

    def runs(self) -> list[RunRecord]:
        """Every run, oldest first."""
        rows = self._db.execute(
            "SELECT id, started, finished, status, version, settings, roots FROM runs ORDER BY id"
        )
        return [
            RunRecord(
                id=row[0],
                started=row[1],
                finished=row[2],
                status=row[3],
                version=row[4],
                settings=row[5],
                roots=json.loads(row[6]),
            )
            for row in rows
        ]

    def previous_complete_run(self, run_id: int) -> RunRecord | None:
        """The last complete run before ``run_id``."""
        earlier = [r for r in self.runs() if r.id < run_id and r.status == "complete"]
        return earlier[-1] if earlier else None

    # ------------------------------------------------------------ tasks

    def stored(self, folder: str, key: str) -> StoredTask | None:
        """The stored result of ``folder`` under ``key``, if any."""
        row = self._db.execute(
            f"SELECT {_TASK_COLUMNS} FROM tasks WHERE folder = ? AND key = ?", (folder, key)
        ).fetchone()
        return _stored_task(row) if row else None

    def record(self, run_id: int, outcome: TaskOutcome, task_key: TaskKey) -> None:
        """Store a finished task, its findings, and that ``run_id`` covered it."""
        result = Result.model_validate_json(outcome.result_json) if outcome.result_json else None
        severities = result.summary.by_severity if result else {}
        with self._transaction() as db:
            db.execute(
                "DELETE FROM findings WHERE folder = ? AND key = ?", (outcome.folder, outcome.key)
            )
            db.execute(
                "INSERT OR REPLACE INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    outcome.folder,
                    outcome.key,
                    task_key.report_hash,
                    task_key.sources_hash,
                    __version__,
                    "ok" if result else "failed",
                    outcome.error,
                    outcome.result_json,
                    len(result.findings) if result else 0,
                    severities.get("error", 0),
                    severities.get("warning", 0),
                    severities.get("info", 0),
                    outcome.seconds,
                    outcome.worker_peak_rss_mb,
                    time.time(),
                ),
            )
            if result:
                db.executemany(
                    "INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [
                        (
                            outcome.folder,
                            outcome.key,
                            seq,
                            f.code,
                            f.slug,
                            f.category,
                            f.severity.value,
                            f.path,
                            f.line,
                            f.message,
                        )
                        for seq, f in enumerate(result.findings)
                    ],
                )
            self._cover(db, run_id, outcome.folder, outcome.key, reused=False)

    def reuse(self, run_id: int, folder: str, key: str) -> None:
        """Record that ``run_id`` covered ``folder`` with its stored result."""
        with self._transaction() as db:
            self._cover(db, run_id, folder, key, reused=True)

    @staticmethod
    def _cover(db: sqlite3.Connection, run_id: int, folder: str, key: str, reused: bool) -> None:
        db.execute(
            "INSERT OR REPLACE INTO run_tasks VALUES (?, ?, ?, ?)", (run_id, folder, key, reused)
        )

    def run_tasks(self, run_id: int) -> list[StoredTask]:
        """The tasks ``run_id`` covered, by folder."""
        columns = ", ".join(f"t.{c.strip()}" for c in _TASK_COLUMNS.split(","))
        rows = self._db.execute(
            f"SELECT {columns}, r.reused FROM run_tasks r"
            " JOIN tasks t ON t.folder = r.folder AND t.key = r.key"
            " WHERE r.run_id = ? ORDER BY r.folder",
            (run_id,),
        )
        return [_stored_task(row[:-1], reused=bool(row[-1])) for row in rows]

    def finding_counts(self, run_id: int, column: str) -> dict[str, int]:
        """Findings of the tasks ``run_id`` covered, counted by ``code``,
        ``category`` or ``severity``."""
        if column not in ("code", "category", "severity"):
            raise ValueError(column)
        rows = self._db.execute(
            f"SELECT f.{column}, COUNT(*) FROM run_tasks r"
            " JOIN findings f ON f.folder = r.folder AND f.key = r.key"
            f" WHERE r.run_id = ? GROUP BY f.{column} ORDER BY f.{column}",
            (run_id,),
        )
        return dict(rows.fetchall())

    # ------------------------------------------------------------ file digests

    def digest_for(self, path: str, size: int, mtime_ns: int) -> str | None:
        """The digest remembered for this file identity, if any."""
        row = self._db.execute(
            "SELECT digest FROM file_digests WHERE path = ? AND size = ? AND mtime_ns = ?",
            (path, size, mtime_ns),
        ).fetchone()
        return row[0] if row else None

    def remember_digest(self, path: str, size: int, mtime_ns: int, digest: str) -> None:
        """Remember a file's digest (committed with the next write)."""
        self._db.execute(
            "INSERT OR REPLACE INTO file_digests VALUES (?, ?, ?, ?)",
            (path, size, mtime_ns, digest),
        )


_TASK_COLUMNS = (
    "folder, key, status, error, result_json, findings, errors, warnings, infos,"
    " seconds, worker_peak_rss_mb"
)


def _stored_task(row: tuple[Any, ...], reused: bool = False) -> StoredTask:
    """A :class:`StoredTask` from a row of ``_TASK_COLUMNS``."""
    names = [name.strip() for name in _TASK_COLUMNS.split(",")]
    return StoredTask(**dict(zip(names, row, strict=True)), reused=reused)
