"""The Ray engine: an actor pool, each actor an :class:`AuditWorker` holding the models.

The driver submits one job per idle actor, collects outcomes as they finish and
writes them to the store itself; nothing but job descriptions and result JSON
crosses the object store. Every node must see the task folders at the same
paths (a shared filesystem) and have citecheck installed; model caches are per
node (``~/.cache/citecheck``). An actor that dies fails the one task it held
and is replaced.

Connects with ``ray.init(address=...)`` unless Ray is already initialised (as a
test or a notebook may have done), and shuts down only what it started.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from citecheck.batch.worker import AuditWorker, TaskJob, TaskOutcome
from citecheck.config import Config
from citecheck.errors import UsageError


class _AuditActor:
    """A Ray actor around one :class:`AuditWorker`."""

    def __init__(self, config_json: str) -> None:
        self.worker = AuditWorker(Config.model_validate_json(config_json))

    def run(self, job: TaskJob) -> str:
        return self.worker.run(job).model_dump_json()


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'citecheck-lint[ray]'") from None
    return ray


class RayEngine:
    """Runs jobs on a Ray cluster with ``workers`` actors (0: one per cluster CPU)."""

    def __init__(self, workers: int = 0, address: str | None = None) -> None:
        _ray()  # fail before the run starts when Ray is missing
        self.workers = workers
        self.address = address

    def __call__(self, jobs: Sequence[TaskJob], config: Config) -> Iterator[TaskOutcome]:
        """Each job's outcome, as it finishes."""
        ray = _ray()
        started_here = not ray.is_initialized()
        if started_here:
            ray.init(address=self.address, log_to_driver=False, include_dashboard=False)
        actor_class = ray.remote(num_cpus=1)(_AuditActor)
        config_json = config.model_dump_json()
        count = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        idle = [actor_class.remote(config_json) for _ in range(min(count, len(jobs)) or 1)]
        pending = list(reversed(jobs))
        running: dict[Any, tuple[TaskJob, Any]] = {}
        try:
            while pending or running:
                while pending and idle:
                    job, actor = pending.pop(), idle.pop()
                    running[actor.run.remote(job)] = (job, actor)
                done, _ = ray.wait(list(running), num_returns=1)
                job, actor = running.pop(done[0])
                try:
                    yield TaskOutcome.model_validate_json(ray.get(done[0]))
                    idle.append(actor)
                except ray.exceptions.RayError as error:
                    yield _lost(job, error)
                    ray.kill(actor)
                    idle.append(actor_class.remote(config_json))
        finally:
            for actor in idle + [actor for _, actor in running.values()]:
                ray.kill(actor)
            if started_here:
                ray.shutdown()


def _lost(job: TaskJob, error: Exception) -> TaskOutcome:
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return TaskOutcome(
        folder=job.folder,
        key=job.key,
        error=f"internal error: Ray lost the task: {type(error).__name__}: {first_line}",
        seconds=0.0,
        worker_peak_rss_mb=0.0,
    )
