"""--output never destroys an input: a report, the trace, a corpus source, or a
hard link or symlink to one."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.hardening.hostile import assert_clean_error, run_cli

LINT = ("lint", "--select", "CC1")


def _linked(task: Path, kind: str, target: str) -> Path:
    link = task / f"{kind}-link.out"
    (os.link if kind == "hard" else os.symlink)(task / target, link)
    return link


@pytest.mark.parametrize(
    "victim", ["pdf.pdf", "long_context.json", "video.meta.json", "video.transcript.json"]
)
def test_output_onto_a_corpus_source_is_refused(task: Path, victim: str) -> None:
    before = (task / victim).read_bytes()
    outcome = run_cli(*LINT, task / "report.md", "--corpus", task, "-o", task / victim)
    assert_clean_error(outcome, victim, "would overwrite")
    assert (task / victim).read_bytes() == before


def test_output_onto_a_discovered_corpus_source_is_refused(task: Path) -> None:
    before = (task / "pdf.pdf").read_bytes()
    outcome = run_cli(*LINT, task / "report.md", "-o", task / "pdf.pdf")
    assert_clean_error(outcome, "would overwrite")
    assert (task / "pdf.pdf").read_bytes() == before


def test_output_onto_the_trace_is_refused(task: Path) -> None:
    before = (task / "trace.log").read_bytes()
    outcome = run_cli(
        *LINT, task / "report.md", "--trace", task / "trace.log", "-o", task / "trace.log"
    )
    assert_clean_error(outcome, "trace.log", "would overwrite")
    assert (task / "trace.log").read_bytes() == before


@pytest.mark.parametrize(
    ("kind", "target"),
    [("hard", "report.md"), ("symbolic", "report.md"), ("hard", "pdf.pdf"), ("hard", "trace.log")],
)
def test_output_through_a_link_to_an_input_is_refused(task: Path, kind: str, target: str) -> None:
    link = _linked(task, kind, target)
    before = (task / target).read_bytes()
    outcome = run_cli(
        *LINT, task / "report.md", "--corpus", task, "--trace", task / "trace.log", "-o", link
    )
    assert_clean_error(outcome, "would overwrite")
    assert (task / target).read_bytes() == before


def test_an_ordinary_output_in_the_corpus_is_written_and_rewritten(task: Path) -> None:
    audit = task / "audit.json"
    for _ in range(2):
        outcome = run_cli(*LINT, task / "report.md", "--format", "json", "-o", audit)
        assert outcome.code in (0, 1), outcome
        assert audit.read_text(encoding="utf-8").lstrip().startswith("{")


def test_a_full_disk_leaves_the_previous_output_whole(
    task: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audit = task / "audit.txt"
    audit.write_text("previous audit\n", encoding="utf-8")
    real_write = Path.write_text

    def disk_full(self: Path, *args: object, **kwargs: object) -> int:
        if self.name.endswith(".tmp"):
            real_write(self, "half")  # type: ignore[arg-type]
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", disk_full)
    outcome = run_cli(*LINT, task / "report.md", "-o", audit)
    assert_clean_error(outcome, "audit.txt", "cannot write output", "No space left")
    assert audit.read_text(encoding="utf-8") == "previous audit\n"
    assert not [p for p in task.iterdir() if p.name.endswith(".tmp")]
