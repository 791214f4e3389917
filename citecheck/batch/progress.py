"""Progress of an audit: a tqdm bar on a terminal, one plain line per task otherwise."""

from __future__ import annotations

import sys
from typing import Protocol, TextIO

from citecheck.batch.worker import TaskOutcome
from citecheck.textutil import escape_line


class Progress(Protocol):
    """Told about every task as the batch goes."""

    def reused(self, folder: str) -> None:
        """A task whose stored result was still valid."""

    def finished(self, outcome: TaskOutcome) -> None:
        """A task that ran."""

    def close(self) -> None:
        """The batch ended (or was interrupted)."""


def outcome_line(outcome: TaskOutcome) -> str:
    """``ok <folder> (1.2 s)`` or ``FAILED <folder>: <error>``, escaped to one line."""
    folder = escape_line(outcome.folder)
    if outcome.error:
        return f"FAILED {folder}: {escape_line(outcome.error)}"
    return f"ok {folder} ({outcome.seconds:.1f} s)"


class LineProgress:
    """One line per task that ran, ``[done/total]`` first: for logs and pipes."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream

    def reused(self, folder: str) -> None:
        """Counted, not printed: a nightly log lists only the work done."""
        self.done += 1

    def finished(self, outcome: TaskOutcome) -> None:
        """Print the task's line."""
        self.done += 1
        print(
            f"citecheck audit [{self.done}/{self.total}] {outcome_line(outcome)}", file=self.stream
        )
        self.stream.flush()

    def close(self) -> None:
        """Nothing to close."""


class BarProgress:
    """A tqdm bar; failures are printed above it."""

    def __init__(self, total: int, stream: TextIO) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, file=stream, unit="task", desc="citecheck audit")

    def reused(self, folder: str) -> None:
        """Advance the bar."""
        self.bar.update(1)

    def finished(self, outcome: TaskOutcome) -> None:
        """Advance the bar; write failures above it."""
        if outcome.error:
            self.bar.write(outcome_line(outcome))
        self.bar.update(1)

    def close(self) -> None:
        """Close the bar."""
        self.bar.close()


class NoProgress:
    """Silent."""

    def reused(self, folder: str) -> None:
        """Nothing."""

    def finished(self, outcome: TaskOutcome) -> None:
        """Nothing."""

    def close(self) -> None:
        """Nothing."""


def make_progress(total: int, enabled: bool = True, stream: TextIO | None = None) -> Progress:
    """A bar when ``stream`` (stderr by default) is a terminal, lines when it is not."""
    out = stream or sys.stderr
    if not enabled:
        return NoProgress()
    return BarProgress(total, out) if out.isatty() else LineProgress(total, out)
