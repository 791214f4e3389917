"""An audit killed halfway keeps what it finished, and the next run resumes from there.

The audit runs as a real CLI process in its own session; the test kills that
session (SIGKILL: no chance to clean up) or interrupts it (SIGINT: Ctrl-C)
once the store shows some tasks done.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from citecheck.batch.store import AuditStore
from tests.batch.batch_factories import SharedSources, make_task

TASKS = 40
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def many(tmp_path: Path, shared_sources: SharedSources) -> Path:
    root = tmp_path / "tasks"
    shapes = ("task", "log", "plain")
    for index in range(TASKS):
        make_task(
            root,
            f"t{index:02d}",
            shared_sources,
            shapes[index % 3],
            index,
            bad_pages=index % 4 == 0,
        )
    return root


def start_audit(
    root: Path, store: Path, jobs: int = 1, select: str = "CC1"
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        # a user cache of its own: verdicts cached by earlier runs would finish the
        # tasks before the signal lands
        "XDG_CACHE_HOME": str(store.parent / "user-cache"),
    }
    # as from an interactive shell: a runner started in the background (`cmd &`) passes
    # on an ignored SIGINT, and Ctrl-C would then never reach the audit
    command = (
        "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from citecheck.cli import main; main()"
    )
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            command,
            "audit",
            str(root),
            "--store",
            str(store),
            "--select",
            select,
            "--jobs",
            str(jobs),
            "--no-progress",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def stored_tasks(store: Path) -> int:
    if not store.exists():
        return 0
    try:
        with sqlite3.connect(store, timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM tasks").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def wait_for_tasks(process: subprocess.Popen[bytes], store: Path, at_least: int) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = stored_tasks(store)
        if done >= at_least:
            return done
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.02)
    raise AssertionError("the audit stored nothing within two minutes")


def run_to_end(root: Path, store: Path) -> int:
    process = start_audit(root, store)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 1, err
    return process.returncode


def test_killed_run_resumes_without_redoing_finished_tasks(many: Path, tmp_path: Path) -> None:
    store = tmp_path / "audit.sqlite"
    process = start_audit(many, store)
    wait_for_tasks(process, store, at_least=3)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    kept = stored_tasks(store)
    assert 3 <= kept < TASKS

    run_to_end(many, store)
    results = AuditStore(store)
    try:
        first, second = results.runs()
        assert first.status == "running"  # killed: never marked complete
        resumed = results.run_tasks(second.id)
        assert len(resumed) == TASKS
        assert sum(t.reused for t in resumed) == kept
        assert all(t.status == "ok" for t in resumed)
    finally:
        results.close()

    fresh = tmp_path / "fresh.sqlite"
    run_to_end(many, fresh)
    clean = AuditStore(fresh)
    try:
        expected = [(t.folder, t.result_json) for t in clean.run_tasks(clean.runs()[0].id)]
    finally:
        clean.close()
    assert [(t.folder, t.result_json) for t in resumed] == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_stops_cleanly_and_marks_the_run_interrupted(
    many: Path, tmp_path: Path, jobs: int
) -> None:
    store = tmp_path / "audit.sqlite"
    # the support rules make each task slow enough that the signal lands mid-run even
    # when this process is starved of CPU (resolution rules alone finish 40 tasks at once)
    process = start_audit(many, store, jobs, select="CC1,CC2")
    wait_for_tasks(process, store, at_least=2)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)

    assert process.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "citecheck: interrupted"
    results = AuditStore(store)
    try:
        (run,) = results.runs()
        assert run.status == "interrupted"
        assert 2 <= len(results.run_tasks(run.id)) < TASKS
    finally:
        results.close()
