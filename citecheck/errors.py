"""Errors that end a run with exit code 2 and a one-line message."""

from __future__ import annotations

from pathlib import Path


class CitecheckError(Exception):
    """Base of citecheck's own errors."""


class InputError(CitecheckError):
    """A file citecheck was given cannot be used: missing, unreadable, corrupt.

    ``str(error)`` is the one line the CLI prints: ``<path>: <problem>``.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UsageError(CitecheckError):
    """The command line or configuration asks for something impossible."""


class OutsideCorpusError(InputError):
    """A name (a citation, a sidecar, a symlink) points outside the corpus folder."""
