"""Linting one task folder inside a worker, with the models loaded once per worker.

A worker (a pool process or a Ray actor) holds one :class:`AuditWorker`. The
judge and its embedder are created on the first claim any task asks about and
reused for every later task, whatever backend the configuration names; only
the :class:`~citecheck.support.service.SupportService` around them is built per corpus.
Any exception a task raises becomes its one-line error, so one bad folder
never stops the batch.
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from citecheck.config import Config
from citecheck.errors import CitecheckError
from citecheck.pipeline import LintOptions, Stages, default_stages, lint
from citecheck.rulepack import RulePack
from citecheck.usercache import user_cache_dir

if TYPE_CHECKING:
    from citecheck.corpus.folder import Corpus
    from citecheck.evidence.embedder import Embedder
    from citecheck.judge.base import Judge
    from citecheck.support.service import SupportService


@dataclass(frozen=True)
class TaskJob:
    """What a worker needs to lint one task; plain data, so it pickles."""

    folder: str
    key: str
    reports: tuple[str, ...]
    trace: str | None


class TaskOutcome(BaseModel):
    """What came of one task: the result JSON, or the one-line error."""

    folder: str
    key: str
    result_json: str | None = None
    error: str | None = None
    seconds: float
    worker_peak_rss_mb: float


class AuditWorker:
    """Lints task folders one after another under one configuration."""

    def __init__(self, config: Config) -> None:
        self.cache = Path(config.cache_dir) if config.cache_dir else user_cache_dir() / "audit"
        self.config = config.model_copy(update={"cache_dir": str(self.cache)})
        self._models: tuple[Judge, Embedder] | None = None
        self.stages: Stages = replace(default_stages(), make_support=self._support)

    def run(self, job: TaskJob) -> TaskOutcome:
        """Lint ``job``'s reports against its folder; never raises for a bad task."""
        started = time.perf_counter()
        result_json = error = None
        try:
            options = LintOptions(
                corpus=Path(job.folder),
                trace=Path(job.trace) if job.trace else None,
                config=self.config,
                stages=self.stages,
            )
            result_json = lint(list(job.reports), options).model_dump_json()
        except CitecheckError as failure:
            error = str(failure)
        except Exception as failure:  # a crash in one task must not end the batch
            error = f"internal error: {type(failure).__name__}: {failure}"
        return TaskOutcome(
            folder=job.folder,
            key=job.key,
            result_json=result_json,
            error=" ".join(error.split()) if error else None,
            seconds=round(time.perf_counter() - started, 3),
            worker_peak_rss_mb=peak_rss_mb(),
        )

    def _support(self, corpus: Corpus | None, pack: RulePack, config: Config) -> SupportService:
        from citecheck.support.service import SupportService, make_judge_and_embedder

        if self._models is None:
            self._models = make_judge_and_embedder(pack, config.judge, self.cache)
        judge, embedder = self._models
        return SupportService(corpus, judge, embedder, pack)


def peak_rss_mb() -> float:
    """This process's peak resident memory in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1 << 20 if sys.platform == "darwin" else 1 << 10), 1)
