"""The process pool: a worker that dies fails only its own task."""

from __future__ import annotations

from pathlib import Path

from citecheck.batch.discovery import discover_tasks
from citecheck.batch.engines.local import DIED, LocalEngine
from citecheck.batch.worker import TaskJob
from citecheck.config import Config
from citecheck.rulepack import load_pack
from tests.batch.batch_factories import SharedSources, die_on_poison, make_task


def test_a_dying_worker_fails_only_the_task_that_killed_it(
    tmp_path: Path, shared_sources: SharedSources
) -> None:
    root = tmp_path / "tasks"
    for index in range(5):
        make_task(root, f"t{index}", shared_sources, ("task", "log", "plain")[index % 3], index)
    make_task(root, "poison", shared_sources, "task")
    jobs = [
        TaskJob(str(t.folder), f"k{n}", tuple(map(str, t.reports)), None)
        for n, t in enumerate(discover_tasks([root], load_pack()).tasks)
    ]

    outcomes = list(LocalEngine(workers=2, run_job=die_on_poison)(jobs, Config(select=["CC1"])))

    errors = {Path(o.folder).name: o.error for o in outcomes}
    assert len(outcomes) == len(jobs) == 6
    assert errors.pop("poison") == DIED
    assert errors == {f"t{index}": None for index in range(5)}
