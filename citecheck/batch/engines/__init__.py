"""Engines run task jobs and yield their outcomes as they finish, in any order.

``local`` uses this machine (in-process for one job, else a process pool);
``ray`` a Ray cluster. The driver alone writes outcomes to the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keep `citecheck --help` from importing the pipeline
    from citecheck.batch.worker import TaskJob, TaskOutcome
    from citecheck.config import Config

Engine = Callable[[Sequence["TaskJob"], "Config"], Iterator["TaskOutcome"]]
ENGINES = ("local", "ray")


def make_engine(name: str, jobs: int, address: str | None = None) -> Engine:
    """The engine called ``name`` with ``jobs`` workers (0: one per CPU)."""
    if name == "ray":
        from citecheck.batch.engines.ray_engine import RayEngine

        return RayEngine(workers=jobs, address=address)
    from citecheck.batch.engines.local import LocalEngine

    return LocalEngine(workers=jobs)
