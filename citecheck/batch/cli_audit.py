"""``citecheck audit ROOT...``: lint every task folder under the roots into a store.

Exit codes: 0 clean; bit 1 set when a finding reached ``--fail-on``; bit 4 set
when a task could not be linted (so 5 is both); 2 usage or input error before
the batch ran; 130 interrupted (what was done is kept in the store).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from citecheck.batch.engines import ENGINES
from citecheck.batch.output import BATCH_FORMATS, render_json, render_jsonl, render_text
from citecheck.errors import UsageError
from citecheck.textutil import escape_line

if TYPE_CHECKING:  # the store and the pipeline load only when the command runs
    from citecheck.batch.store import StoredTask
    from citecheck.batch.summary import AuditSummary

DEFAULT_STORE = "citecheck-audit.sqlite"


@click.command("audit")
@click.argument("roots", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--store",
    type=click.Path(path_type=Path),
    default=DEFAULT_STORE,
    show_default=True,
    help="Results database (SQLite); reruns skip what it holds.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    help="Workers; 0: one per CPU. Default: 1 locally, one per cluster CPU on Ray.",
)
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True)
@click.option("--address", help="Ray cluster to join (--engine ray), e.g. auto.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(BATCH_FORMATS),
    default="text",
    show_default=True,
    help="Output format; html writes a folder (--output).",
)
@click.option(
    "--summary",
    is_flag=True,
    help="Print counts, worst tasks and change since the previous run "
    "(without ROOT: of the last run in the store).",
)
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes, slugs.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes, slugs.")
@click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "info", "never")),
    help="Lowest level that fails.",
)
@click.option("--pack", help="Rule pack: a shipped name or a .toml file.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Config file.")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Write output here (a folder for --format html).",
)
@click.option("--no-progress", is_flag=True, help="No progress bar or progress lines.")
def audit_command(
    roots: tuple[Path, ...],
    store: Path,
    jobs: int | None,
    engine: str,
    address: str | None,
    fmt: str,
    summary: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    pack: str | None,
    config_file: Path | None,
    output: Path | None,
    no_progress: bool,
) -> int:
    """Audit every task folder under ROOT... (a report, its sources, its run log)."""
    from citecheck.batch.audit import AuditOptions, audit_exit_code, run_audit
    from citecheck.batch.html_index import write_batch_html
    from citecheck.batch.store import AuditStore
    from citecheck.batch.summary import summarise_run
    from citecheck.checks.base import check_rule_names, split_codes
    from citecheck.config import load_config

    if fmt == "html" and output is None:
        raise UsageError("--format html writes a folder: give it with --output")
    config = load_config(roots[0] if roots else Path.cwd(), config_file).with_overrides(
        select=split_codes(select), ignore=split_codes(ignore), fail_on=fail_on, pack=pack
    )
    check_rule_names(config.select, "--select")
    check_rule_names(config.ignore, "--ignore")
    if roots:
        options = AuditOptions(
            store=store,
            config=config,
            jobs=(0 if engine == "ray" else 1) if jobs is None else jobs,
            engine=engine,
            address=address,
            progress=not no_progress,
            outputs=[output] if output else [],
        )
        run = run_audit(list(roots), options)
        if not no_progress:
            for path, reason in run.discovery.skipped:
                shown = escape_line(str(path))
                click.echo(f"citecheck audit: skipped {shown}: {escape_line(reason)}", err=True)
        run_id: int | None = run.run_id
    elif summary:
        if not store.is_file():
            raise UsageError(f"{store}: no audit store here (run `citecheck audit ROOT` first)")
        run_id = None
    else:
        raise UsageError("give at least one ROOT to audit, or --summary for the last run")
    results = AuditStore(store)
    try:
        overview = summarise_run(results, run_id)
        tasks = results.run_tasks(overview.run)
    finally:
        results.close()
    if output is not None:
        _refuse_output_over_stored_tasks(output, tasks)
    if fmt == "html" and output is not None:
        index = write_batch_html(output, tasks, overview)
        click.echo(f"HTML audit: {index}", err=True)
    else:
        _emit(_render(fmt, summary, tasks, overview), output)
    return audit_exit_code(tasks, config.fail_on)


def _render(fmt: str, summary: bool, tasks: list[StoredTask], overview: AuditSummary) -> str:
    from citecheck.batch.summary import render_summary_text

    if summary:
        if fmt == "text":
            return render_summary_text(overview)
        return overview.model_dump_json(indent=2 if fmt == "json" else None) + "\n"
    if fmt == "json":
        return render_json(tasks, overview)
    if fmt == "jsonl":
        return render_jsonl(tasks)
    return render_text(tasks, overview)


def _refuse_output_over_stored_tasks(output: Path, tasks: list[StoredTask]) -> None:
    """``--output`` may not land in a task folder of the run shown, nor on one of its
    reports (``--summary`` reads them from the store, not from a discovery)."""
    from citecheck.batch.audit import refuse_outputs_over_tasks

    results = [task.result() for task in tasks]
    files = [Path(name) for result in results if result for name in result.files]
    refuse_outputs_over_tasks([output], [Path(task.folder) for task in tasks], files)


def _emit(text: str, output: Path | None) -> None:
    from citecheck.emitters.destination import write_output

    if output is None:
        click.echo(text, nl=False)
        return
    write_output(output, text)
