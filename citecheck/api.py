"""The Python API for agent pipelines: :func:`check` and :func:`revision_list`.

``check`` returns the same :class:`~citecheck.models.Result` that
``citecheck lint --format json`` prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citecheck.config import Config, load_config
from citecheck.errors import UsageError
from citecheck.models import Result
from citecheck.pipeline import LintOptions, lint


def check(
    report: str | Path,
    corpus: str | Path | None = None,
    trace: str | Path | None = None,
    *,
    query: str | Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    pack: str | None = None,
    judge: dict[str, Any] | None = None,
    config: Config | str | Path | None = None,
) -> Result:
    """Lint one report (or a folder of reports) and return the result.

    ``config`` is a :class:`Config`, a config file, or ``None`` to look for
    ``.citecheck.toml``/``pyproject.toml`` upward from the report, as the CLI
    does; the keyword arguments override it. Raises
    :class:`~citecheck.errors.InputError` for unusable input. ``query`` names a file
    holding the task's request (else the report's own, else the task folder's).
    """
    _expect(report, (str, Path), "report", "a path")
    for name, value in (("corpus", corpus), ("trace", trace), ("query", query)):
        _expect(value, (str, Path, type(None)), name, "a path or None")
    path = Path(report)
    base = config if isinstance(config, Config) else load_config(path.parent, config)
    settings = base.with_overrides(select=select, ignore=ignore, pack=pack, judge=judge)
    options = LintOptions(
        corpus=Path(corpus) if corpus is not None else None,
        trace=Path(trace) if trace is not None else None,
        query=Path(query) if query is not None else None,
        config=settings,
    )
    return lint([path], options)


def revision_list(result: Result) -> list[dict[str, Any]]:
    """What an agent should fix: one compact dict per finding, in report order."""
    _expect(result, (Result,), "result", "the Result that check() returns")
    return [
        {
            "path": finding.path,
            "line": finding.line,
            "code": finding.code,
            "severity": finding.severity.value,
            "claim": finding.claim,
            "citation": finding.citation,
            "problem": finding.message,
            "fix": finding.fix,
        }
        for finding in result.findings
    ]


def _expect(value: object, types: tuple[type, ...], name: str, wanted: str) -> None:
    """Refuse a wrongly typed argument with citecheck's own error, naming it."""
    if not isinstance(value, types):
        raise UsageError(f"{name} must be {wanted}, not {type(value).__name__}")
