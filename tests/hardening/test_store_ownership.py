"""``--store`` is refused unless it is citecheck's own audit store (its SQLite
application id, or the marker table of stores made before it): another
application's database is not given citecheck's tables, and a text file never
becomes a database (issue 18)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from citecheck.batch.store import AuditStore
from tests.hardening.hostile import assert_clean_error, run_cli

AUDIT = ("audit", "--select", "CC1", "--no-progress")


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master")}


def test_another_applications_database_is_refused(task: Path, tmp_path: Path) -> None:
    store = tmp_path / "app.sqlite"
    with sqlite3.connect(store) as db:
        db.execute("CREATE TABLE users (name TEXT)")
    before = store.read_bytes()
    outcome = run_cli(*AUDIT, task.parent, "--store", store)
    assert_clean_error(outcome, "app.sqlite", "not a citecheck audit store")
    assert _tables(store) == {"users"}
    assert store.read_bytes() == before


@pytest.mark.parametrize("content", ["", "# my notes\n"], ids=["empty", "text"])
def test_a_text_file_as_store_is_refused(task: Path, tmp_path: Path, content: str) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(content, encoding="utf-8")
    outcome = run_cli(*AUDIT, task.parent, "--store", notes)
    assert_clean_error(outcome, "notes.md", "not a citecheck audit store")
    assert notes.read_text(encoding="utf-8") == content


def test_a_store_is_reopened_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    AuditStore(path).close()
    AuditStore(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] != 0
