"""Inputs of the audit, the corpus and the caches that used to end in "internal
error": now a finding, a skipped entry, a rebuilt cache or one line (issue 18)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from citecheck.judge.nli.verdict_cache import VerdictCache
from tests.hardening.hostile import assert_clean_error, run_cli

LINT = ("lint", "--select", "CC1")
AUDIT = ("audit", "--select", "CC1", "--no-progress")


class _Model:
    name = "fake"

    def probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        return np.full((len(pairs), 3), 1 / 3, dtype=np.float32)


def test_a_self_looping_symlink_in_an_audit_root_is_passed_over(task: Path, tmp_path: Path) -> None:
    os.symlink("loop.md", task / "loop.md")
    os.symlink("loop.md", task.parent / "loop.md")
    outcome = run_cli(*AUDIT, task.parent, "--store", tmp_path / "s.sqlite")
    assert outcome.code in (0, 1), outcome
    assert "1 tasks (1 linted" in outcome.stdout


@pytest.mark.parametrize("make", [lambda p: os.symlink("nowhere/at/all", p), os.mkfifo])
def test_a_dangling_link_or_fifo_in_a_task_folder_is_passed_over(
    task: Path, tmp_path: Path, make: object
) -> None:
    make(task / "entry")  # type: ignore[operator]
    outcome = run_cli(*AUDIT, task, "--store", tmp_path / "s.sqlite")
    assert outcome.code in (0, 1), outcome
    assert "1 tasks (1 linted" in outcome.stdout


@pytest.mark.parametrize("field", ["n", "content"])
def test_a_100000_digit_integer_in_a_collection_is_no_crash(task: Path, field: str) -> None:
    number = "9" * 100_000
    documents = f'[{{"title": "Sampling methods for text generation", "{field}": {number}}}]'
    if field == "n":
        documents = documents.replace("}]", ', "content": "Top-p sampling"}]')
    (task / "long_context.json").write_text(documents, encoding="utf-8")
    outcome = run_cli(*LINT, task / "report.md")
    assert "internal error" not in outcome.stderr, outcome
    if outcome.code == 2:
        assert_clean_error(outcome, "long_context.json")


@pytest.mark.parametrize("corpus", ["/", "/proc"])
def test_a_system_folder_as_corpus_is_no_crash(task: Path, corpus: str) -> None:
    outcome = run_cli(*LINT, task / "report.md", "--corpus", corpus)
    assert "internal error" not in outcome.stderr, outcome
    assert outcome.code in (0, 1, 2), outcome
    if outcome.code == 2:
        assert_clean_error(outcome, corpus)


def test_a_damaged_verdict_cache_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "verdicts.sqlite"
    path.parent.mkdir()
    path.write_bytes(os.urandom(8192))
    cache = VerdictCache(path)
    probabilities = cache.probabilities(_Model(), [("claim", "evidence")])
    assert probabilities.shape == (1, 3)
    cache.close()
    assert VerdictCache(path).probabilities(_Model(), [("claim", "evidence")]).shape == (1, 3)
