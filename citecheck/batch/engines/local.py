"""The local engine: tasks in this process (one job) or in a process pool.

Pool workers are started with ``spawn`` (no model state or OpenMP threads
inherited from the driver), ignore Ctrl-C (the driver handles it and stops the
pool), and each keeps one :class:`~citecheck.batch.worker.AuditWorker`, so the
models load once per worker. A worker that dies fails the tasks it held; the
pool is restarted for the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from citecheck.batch.worker import AuditWorker, TaskJob, TaskOutcome
from citecheck.config import Config

_worker: AuditWorker | None = None
DIED = "internal error: the worker process died while linting this task"


def _start_worker(config_json: str) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = AuditWorker(Config.model_validate_json(config_json))


def run_in_worker(job: TaskJob) -> TaskOutcome:
    """Lint ``job`` with this pool process's worker."""
    assert _worker is not None, "worker not started"
    return _worker.run(job)


class LocalEngine:
    """Runs jobs on this machine with ``workers`` processes (0: one per CPU).

    With one worker the jobs run in this process: a hard crash (a segfault in a
    native library) then ends the run, which the next run resumes. With more,
    a worker that dies breaks the pool; the jobs it held are rerun one at a
    time in a pool of their own, so only the job that kills its worker again
    is recorded as failed. ``run_job`` is the module-level function a pool
    process calls per job.
    """

    def __init__(
        self, workers: int = 1, run_job: Callable[[TaskJob], TaskOutcome] = run_in_worker
    ) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.run_job = run_job

    def __call__(self, jobs: Sequence[TaskJob], config: Config) -> Iterator[TaskOutcome]:
        """Each job's outcome, as it finishes."""
        if self.workers == 1:
            worker = AuditWorker(config)
            for job in jobs:
                yield worker.run(job)
            return
        remaining = list(reversed(jobs))
        while remaining:
            suspects = yield from self._pool_run(remaining, config, self.workers)
            for suspect in suspects:
                if (yield from self._pool_run([suspect], config, 1)):
                    yield _failed(suspect, DIED)

    def _pool_run(
        self, remaining: list[TaskJob], config: Config, workers: int
    ) -> Generator[TaskOutcome, None, list[TaskJob]]:
        """Run ``remaining`` (consumed from the end) in a new pool; return the jobs
        that were in it when it broke (none when it did not)."""
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(config.model_dump_json(),),
        )
        running: dict[Future[TaskOutcome], TaskJob] = {}
        lost: list[TaskJob] = []
        finished = False
        try:
            while remaining or running:
                while remaining and len(running) < workers * 2:
                    job = remaining.pop()
                    running[pool.submit(self.run_job, job)] = job
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    job = running.pop(future)
                    error = future.exception()
                    if isinstance(error, BrokenProcessPool):
                        lost.append(job)
                    elif error is not None:
                        yield _failed(job, f"internal error: {type(error).__name__}: {error}")
                    else:
                        yield future.result()
                if lost:
                    return [*lost, *running.values()]
            finished = True
            return []
        finally:
            if finished:
                pool.shutdown()
            else:
                _stop(pool)


def _failed(job: TaskJob, error: str) -> TaskOutcome:
    return TaskOutcome(
        folder=job.folder, key=job.key, error=error, seconds=0.0, worker_peak_rss_mb=0.0
    )


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the pool now: cancel what is queued and end the workers."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
