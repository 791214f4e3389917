"""Running citecheck the way a careless or hostile user would, and telling a
clean one-line error from a crash: the demo corpus's PDF, video sidecars and
trace, plus a small collection (the 4 MB demo collection is not needed to break
things)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from citecheck.cli import main

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"
DEMO_FILES = (
    "pdf.pdf",
    "trace.log",
    "video.mp4",
    "video.meta.json",
    "video.keyframes.json",
    "video.transcript.json",
)
COLLECTION = [
    {"title": "Sampling methods for text generation", "content": "Top-p sampling keeps " * 40},
    {"title": "重复惩罚机制分析", "content": "重复惩罚降低了重复率。" * 60},
]
REPORT = (
    "# 阅读报告\n\n"
    "论文提出了新的方法[文档: pdf.pdf, page 1]。\n\n"
    '博客讨论了采样[long_context: "Sampling methods for text generation", chunk 0]。\n'
)
SECRET = "OUTSIDE-SECRET-7f3a"
"""Text that lives only outside the task folder."""


@dataclass
class Outcome:
    """What one ``citecheck`` run printed and returned."""

    code: int
    stdout: str
    stderr: str


def run_cli(*args: object) -> Outcome:
    """``citecheck ARGS`` in-process, stdout and stderr kept apart."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    return Outcome(result.exit_code, result.stdout, result.stderr)


def run_process(*args: object, timeout: float = 60, stdin: str | None = None) -> Outcome:
    """``citecheck ARGS`` in a child process, killed after ``timeout`` seconds (a hang)."""
    command = [sys.executable, "-c", "from citecheck.cli import main; main()", *map(str, args)]
    done = subprocess.run(command, capture_output=True, timeout=timeout, input=stdin, check=False)
    decode = lambda data: data.decode("utf-8", errors="replace")  # noqa: E731
    return Outcome(done.returncode, decode(done.stdout), decode(done.stderr))


def assert_clean_error(outcome: Outcome, *fragments: str) -> None:
    """Exit 2 with one line ``citecheck: <file>: <problem>`` holding ``fragments``."""
    lines = outcome.stderr.strip().splitlines()
    assert outcome.code == 2, outcome
    assert len(lines) == 1 and lines[0].startswith("citecheck: "), outcome
    assert "internal error" not in lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def assert_sidecar_warning(outcome: Outcome, *fragments: str) -> None:
    """A sidecar citecheck cannot read is a CC902 warning naming it and the problem,
    and the lint goes on (exit 0 or 1, not 2)."""
    assert outcome.code in (0, 1), outcome
    assert "internal error" not in outcome.stderr
    assert "CC902" in outcome.stdout, outcome
    for fragment in fragments:
        assert fragment in outcome.stdout, (fragment, outcome.stdout[-2000:])
