"""A worker creates the judge and its embedder once and reuses them for every task."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from citecheck.batch.worker import AuditWorker, TaskJob
from citecheck.config import Config
from citecheck.models import Verdict
from citecheck.support import service as support
from tests.batch.batch_factories import SharedSources, make_task


class CountingJudge:
    """Supports every claim; counts how often it was asked."""

    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        self.calls += 1
        return Verdict(label="supported", score=0.9, backend=self.name)

    def judge_batch(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        return [self.judge(claim, evidence) for claim, evidence in pairs]


class FlatEmbedder:
    """Every text gets the same unit vector: ranking is by order, no model loads."""

    name = "flat"
    dim = 4

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.full((len(texts), self.dim), 0.5, dtype=np.float32)

    embed_passages = embed_queries


def test_models_are_made_once_for_many_tasks(
    tmp_path: Path, shared_sources: SharedSources, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[CountingJudge] = []

    def make_models(pack, judge_config, cache_folder):  # type: ignore[no-untyped-def]
        made.append(CountingJudge())
        return made[-1], FlatEmbedder()

    monkeypatch.setattr(support, "make_judge_and_embedder", make_models)
    worker = AuditWorker(Config(select=["CC201"]))
    outcomes = []
    for index, shape in enumerate(("task", "log", "plain")):
        folder = make_task(tmp_path, f"t{index}", shared_sources, shape, index)
        report = next(p for p in folder.iterdir() if p.suffix in (".txt", ".log", ".md"))
        job = TaskJob(folder=str(folder), key=f"k{index}", reports=(str(report),), trace=None)
        outcomes.append(worker.run(job))

    assert [o.error for o in outcomes] == [None, None, None]
    assert len(made) == 1
    assert made[0].calls >= 3  # every task's claims reached the one judge
    assert all("counting" in (o.result_json or "") for o in outcomes)


def test_a_crash_inside_a_task_becomes_its_one_line_error(
    tmp_path: Path, shared_sources: SharedSources, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(pack, judge_config, cache_folder):  # type: ignore[no-untyped-def]
        raise RuntimeError("model file\ntruncated")

    monkeypatch.setattr(support, "make_judge_and_embedder", explode)
    folder = make_task(tmp_path, "t", shared_sources, "task")
    job = TaskJob(str(folder), "k", (str(folder / "task_report.txt"),), None)

    outcome = AuditWorker(Config(select=["CC201"])).run(job)

    # a crash inside a rule is that rule's internal-error finding (issue 18), kept
    # in the task's result; the audit counts the task as failed (exit bit 4)
    assert outcome.error is None and outcome.result_json is not None
    assert '"internal-error"' in outcome.result_json
    assert "RuntimeError: model file" in outcome.result_json
