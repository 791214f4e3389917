"""SQLite vs DuckDB for the audit store: the write and read pattern of a nightly audit.

Writes ``--tasks`` task rows with ``--findings`` finding rows each, one
transaction per task (as the driver commits each task the moment it is done,
so an interrupted run keeps it), then runs the summary's reads: counts by rule
and by category over the run, and the ten worst tasks. Prints seconds for each
engine. DuckDB is measured only when it is installed (``pip install duckdb``);
the store uses SQLite (see ``citecheck/batch/store.py``).

Usage: ``python benchmarks/bench_audit_store.py [--tasks 2000] [--findings 20]``
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CODES = ["CC101", "CC111", "CC201", "CC202", "CC203", "CC301", "CC401", "CC501"]
TASKS_DDL = "CREATE TABLE tasks (folder TEXT, key TEXT, errors INTEGER, result_json TEXT)"
FINDINGS_DDL = (
    "CREATE TABLE findings (folder TEXT, key TEXT, seq INTEGER, code TEXT,"
    " category TEXT, severity TEXT, message TEXT)"
)
READS = [
    "SELECT code, COUNT(*) FROM findings GROUP BY code ORDER BY code",
    "SELECT category, COUNT(*) FROM findings GROUP BY category ORDER BY category",
    "SELECT folder, errors FROM tasks ORDER BY errors DESC, folder LIMIT 10",
]


def rows(task: int, findings: int) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    folder, key = f"/audit/task-{task:05d}", f"{task:064x}"
    found = [
        (
            folder,
            key,
            seq,
            CODES[(task + seq) % len(CODES)],
            f"cat-{seq % 5}",
            "error",
            "page 9 of a 4-page PDF (pdf.pdf) does not exist " * 2,
        )
        for seq in range(findings)
    ]
    return (folder, key, task % 7, '{"findings": []}' * 40), found


def measure(label: str, connect: Callable[[Path], Any], folder: Path, tasks: int, n: int) -> None:
    db = connect(folder / f"{label}.db")
    db.execute(TASKS_DDL)
    db.execute(FINDINGS_DDL)
    started = time.perf_counter()
    for task in range(tasks):
        task_row, finding_rows = rows(task, n)
        db.execute("BEGIN TRANSACTION")
        db.execute("INSERT INTO tasks VALUES (?, ?, ?, ?)", task_row)
        db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?)", finding_rows)
        db.execute("COMMIT")
    written = time.perf_counter() - started
    started = time.perf_counter()
    for query in READS:
        db.execute(query).fetchall()
    read = time.perf_counter() - started
    db.close()
    print(
        f"{label:>7}: write {written:6.2f} s ({tasks / written:8.0f} tasks/s)  "
        f"summary reads {read * 1000:7.1f} ms"
    )


def _sqlite(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--findings", type=int, default=20)
    args = parser.parse_args()
    print(f"{args.tasks} tasks x {args.findings} findings, one transaction per task")
    with tempfile.TemporaryDirectory() as folder:
        measure("sqlite", _sqlite, Path(folder), args.tasks, args.findings)
        try:
            import duckdb
        except ImportError:
            print(" duckdb: not installed (pip install duckdb to compare)")
            return
        measure(
            "duckdb",
            lambda path: duckdb.connect(str(path)),
            Path(folder),
            args.tasks,
            args.findings,
        )


if __name__ == "__main__":
    main()
