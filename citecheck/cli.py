"""The ``citecheck`` command: ``lint``, ``audit``, ``rules``, ``explain``, ``judge``, ``--version``.

Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or input
error. Every error is one line on stderr, ``citecheck: <path>: <problem>``;
never a traceback (``CITECHECK_DEBUG=1`` re-raises for developers).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from citecheck import __version__
from citecheck.batch.cli_audit import audit_command
from citecheck.checks.base import check_rule_names, split_codes
from citecheck.errors import CitecheckError, UsageError
from citecheck.judge.cli_judge import judge_command

if TYPE_CHECKING:
    from citecheck.config import Config

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("text", "json", "sarif", "github", "html")
FAIL_LEVELS = ("error", "warning", "info", "never")


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    click.echo(f"citecheck: {message}", err=True)
    return code


class CitecheckGroup(click.Group):
    """A click group that turns every error into one line and an exit code."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        **extra: Any,
    ) -> int:
        try:
            outcome = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as error:
            return _fail(" ".join(error.format_message().split()))
        except CitecheckError as error:
            return _fail(str(error))
        except (KeyboardInterrupt, click.Abort):
            return _fail("interrupted", EXIT_INTERRUPTED)
        except Exception as error:
            if os.environ.get("CITECHECK_DEBUG"):
                raise
            return _fail(f"internal error: {type(error).__name__}: {error}")
        return outcome if isinstance(outcome, int) else EXIT_CLEAN


@click.group(cls=CitecheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="citecheck", message="%(prog)s %(version)s"
)
def main() -> None:
    """Citation-grounded verification linter for AI-written research reports."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--corpus", type=click.Path(path_type=Path), help="Task folder of sources.")
@click.option(
    "--trace",
    type=click.Path(path_type=Path),
    help="The agent's run log (default: the log found in the task folder).",
)
@click.option("--query", type=click.Path(path_type=Path), help="File holding the task's request.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format.")
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes, slugs.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes, slugs.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), help="Lowest level that fails.")
@click.option("--pack", help="Rule pack: a shipped name or a .toml file.")
@click.option("--syntax", help="Citation format of the pack to use (default: detected).")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Config file.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write output here.")
def lint(
    paths: tuple[Path, ...],
    corpus: Path | None,
    trace: Path | None,
    query: Path | None,
    fmt: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    pack: str | None,
    syntax: str | None,
    config_file: Path | None,
    output: Path | None,
) -> int:
    """Check reports (files, or folders of *.md/*.txt) against their sources."""
    from citecheck.config import load_config
    from citecheck.emitters import render
    from citecheck.emitters.destination import refuse_input_as_output, write_output
    from citecheck.pipeline import LintOptions, exit_code, expand_report_paths
    from citecheck.pipeline import lint as run_lint
    from citecheck.textutil import scrub_surrogates

    config = load_config(paths[0], config_file).with_overrides(
        select=split_codes(select),
        ignore=split_codes(ignore),
        fail_on=fail_on,
        pack=pack,
        syntax=syntax,
        format=fmt,
    )
    check_rule_names(config.select, "--select")
    check_rule_names(config.ignore, "--ignore")
    if output is not None:
        reports = expand_report_paths(paths)
        read = [*(path for path in (trace, query) if path), *_config_files(config)]
        refuse_input_as_output(output, reports, [*_corpus_folders(reports, corpus), *read])
    result = run_lint(paths, LintOptions(corpus=corpus, trace=trace, query=query, config=config))
    color = output is None and config.format == "text" and sys.stdout.isatty()
    rendered = scrub_surrogates(render(result, config.format, color=color))  # undecodable names
    if output is None:
        click.echo(rendered, nl=False)
    else:
        write_output(output, rendered)
    return exit_code(result, config.fail_on)


def _corpus_folders(reports: list[Path], corpus: Path | None) -> list[Path]:
    """The corpus folders (given, or discovered from each report)."""
    from citecheck.corpus.folder import Corpus

    folders = {corpus} if corpus else set()
    for report in reports if corpus is None else []:
        found = Corpus.discover(report)
        if found is not None:
            folders.add(found.root)
    return sorted(folders)


def _config_files(config: Config) -> list[Path]:
    """The config file and the rule-pack file a run read, if any."""
    files = [Path(config.source)] if config.source else []
    return [*files, *([Path(config.pack)] if config.pack.endswith(".toml") else [])]


@main.command()
def rules() -> None:
    """List every rule: code, slug, category and default severity."""
    from citecheck.checks.base import all_rules

    table = [(r.code, r.slug, r.category.value, r.severity.value) for r in all_rules()]
    header = ("code", "slug", "category", "severity")
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(len(header))]
    for row in [header, *table]:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Show a rule's documentation, with a bad and a good example."""
    from citecheck.checks.base import rule_by_name

    rule = rule_by_name(code)
    if rule is None:
        raise UsageError(f"{code}: no such rule (see `citecheck rules`)")
    click.echo(f"{rule.code} {rule.slug}  [{rule.category.value}, default {rule.severity.value}]")
    click.echo()
    click.echo(rule.doc())


main.add_command(judge_command)
main.add_command(audit_command)
