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
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from citecheck.batch.worker import AuditWorker, TaskJob, TaskOutcome
from citecheck.config import Config

_worker: AuditWorker | None = None


def _start_worker(config_json: str) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = AuditWorker(Config.model_validate_json(config_json))


def _run_in_worker(job: TaskJob) -> TaskOutcome:
    assert _worker is not None, "worker not started"
    return _worker.run(job)


class LocalEngine:
    """Runs jobs on this machine with ``workers`` processes (0: one per CPU)."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers or os.cpu_count() or 1

    def __call__(self, jobs: Sequence[TaskJob], config: Config) -> Iterator[TaskOutcome]:
        """Each job's outcome, as it finishes."""
        if self.workers == 1 or len(jobs) <= 1:
            worker = AuditWorker(config)
            for job in jobs:
                yield worker.run(job)
            return
        remaining = list(reversed(jobs))
        while remaining:
            yield from self._pool_run(remaining, config)

    def _pool_run(self, remaining: list[TaskJob], config: Config) -> Iterator[TaskOutcome]:
        """Run ``remaining`` (consumed from the end) until done or the pool breaks."""
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(config.model_dump_json(),),
        )
        running: dict[Future[TaskOutcome], TaskJob] = {}
        finished = False
        try:
            while remaining or running:
                while remaining and len(running) < self.workers * 2:
                    job = remaining.pop()
                    running[pool.submit(_run_in_worker, job)] = job
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    job = running.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        yield _died(job)
                        for lost in running.values():
                            yield _died(lost)
                        return
            finished = True
        finally:
            if finished:
                pool.shutdown()
            else:
                _stop(pool)


def _died(job: TaskJob) -> TaskOutcome:
    return TaskOutcome(
        folder=job.folder,
        key=job.key,
        error="internal error: the worker process died while this task was in it",
        seconds=0.0,
        worker_peak_rss_mb=0.0,
    )


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the pool now: cancel what is queued and end the workers."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
