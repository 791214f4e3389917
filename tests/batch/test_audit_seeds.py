"""Discovery and audit on the real agent outputs in ../shared/seeds (not written for this code)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from citecheck.batch.audit import AuditOptions, run_audit
from citecheck.batch.discovery import discover_tasks
from citecheck.config import Config
from citecheck.rulepack import load_pack
from tests.batch.batch_factories import SharedSources


def test_real_task_files_and_run_logs_are_classed_right(
    tmp_path: Path, shared_sources: SharedSources, seed: Callable[..., Path]
) -> None:
    both = tmp_path / "root" / "with-task-file"
    shared_sources.link_into(both)
    shutil.copyfile(seed("000"), both / "task_005.txt")
    shutil.copyfile(seed("002"), both / "run_005.txt")
    only_log = tmp_path / "root" / "log-only"
    shared_sources.link_into(only_log)
    shutil.copyfile(seed("002"), only_log / "run_005.txt")

    found = {t.folder.name: t for t in discover_tasks([tmp_path / "root"], load_pack()).tasks}

    assert [p.name for p in found["with-task-file"].reports] == ["task_005.txt"]
    assert found["with-task-file"].trace == both.resolve() / "run_005.txt"
    assert [p.name for p in found["log-only"].reports] == ["run_005.txt"]
    assert found["log-only"].trace == only_log.resolve() / "run_005.txt"


def test_every_seed_audits_without_failing(
    tmp_path: Path, shared_sources: SharedSources, seeds: Path
) -> None:
    root = tmp_path / "root"
    names = sorted(p.name for p in seeds.glob("*.txt"))
    for name in names:
        folder = root / Path(name).stem
        shared_sources.link_into(folder)
        shutil.copyfile(seeds / name, folder / name)

    run = run_audit(
        [root],
        AuditOptions(store=tmp_path / "a.sqlite", config=Config(select=["CC1"]), progress=False),
    )

    assert len(run.tasks) == len(names)
    assert [t.error for t in run.tasks] == [None] * len(names)
    assert all(t.findings > 0 for t in run.tasks)  # they cite sources these folders lack
