"""Audit runs through the real stages: reuse of unchanged tasks, isolated failures,
exit codes, the summary and the batch outputs."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.batch.audit import AuditOptions, run_audit
from citecheck.batch.store import AuditStore
from citecheck.cli import main
from citecheck.config import Config
from tests.batch.batch_factories import SharedSources, make_task, report_body

CHEAP = Config(select=["CC1", "CC5"])


@pytest.fixture
def tree(tmp_path: Path, shared_sources: SharedSources) -> Path:
    root = tmp_path / "tasks"
    make_task(root, "alpha", shared_sources, "task", variant=0, bad_pages=True)
    make_task(root, "beta", shared_sources, "log", variant=1)
    make_task(root, "gamma", shared_sources, "plain", variant=2)
    make_task(root, "delta", shared_sources, "task", variant=3)
    return root


def audit(root: Path, store: Path, config: Config = CHEAP, jobs: int = 1):
    options = AuditOptions(store=store, config=config, jobs=jobs, progress=False)
    return run_audit([root], options)


def cli(*args: object):
    return CliRunner().invoke(main, ["audit", *map(str, args), "--no-progress"])


def test_second_run_reuses_every_unchanged_task(tree: Path, tmp_path: Path) -> None:
    store = tmp_path / "audit.sqlite"
    first = audit(tree, store)
    second = audit(tree, store)

    assert [t.reused for t in first.tasks] == [False] * 4
    assert [t.reused for t in second.tasks] == [True] * 4
    assert [t.result_json for t in second.tasks] == [t.result_json for t in first.tasks]


def test_a_changed_report_or_source_reruns_only_its_task(tree: Path, tmp_path: Path) -> None:
    store = tmp_path / "audit.sqlite"
    audit(tree, store)
    (tree / "gamma" / "report.md").write_text(report_body(2, bad_pages=True), encoding="utf-8")
    (tree / "delta" / "long_context.json").unlink()
    (tree / "delta" / "long_context.json").write_text('[{"title": "x", "content": "y"}]', "utf-8")

    again = {Path(t.folder).name: t for t in audit(tree, store).tasks}

    assert {name for name, t in again.items() if not t.reused} == {"gamma", "delta"}
    assert again["gamma"].errors > 0


def test_other_rules_selected_means_a_different_key(tree: Path, tmp_path: Path) -> None:
    store = tmp_path / "audit.sqlite"
    audit(tree, store)
    rerun = audit(tree, store, Config(select=["CC5"]))

    assert not any(t.reused for t in rerun.tasks)
    assert all(t.errors == 0 for t in rerun.tasks if Path(t.folder).name == "alpha")


def test_a_failing_task_is_recorded_and_the_batch_goes_on(
    tree: Path, tmp_path: Path, shared_sources: SharedSources
) -> None:
    make_task(tree, "broken", shared_sources, "task", variant=4, broken_pdf=True)
    outcome = cli(tree, "--store", tmp_path / "audit.sqlite", "--select", "CC1")

    assert outcome.exit_code == 5, outcome.output
    lines = dict(line.split(": ", 1) for line in outcome.output.splitlines() if ": " in line)
    broken = str((tree / "broken").resolve())
    assert lines[broken] == f"FAILED: {broken}/pdf.pdf: corrupt or not a PDF"
    assert sum(1 for value in lines.values() if value.endswith("info")) == 4


def test_exit_code_says_findings_and_failures_apart(
    tree: Path, tmp_path: Path, shared_sources: SharedSources
) -> None:
    store = tmp_path / "audit.sqlite"
    assert cli(tree, "--store", store, "--select", "CC1").exit_code == 1
    assert cli(tree, "--store", store, "--select", "CC1", "--fail-on", "never").exit_code == 0
    make_task(tree, "broken", shared_sources, "task", broken_pdf=True)
    assert cli(tree, "--store", store, "--select", "CC1", "--fail-on", "never").exit_code == 4


def test_failed_tasks_are_retried_on_the_next_run(
    tree: Path, tmp_path: Path, shared_sources: SharedSources
) -> None:
    store = tmp_path / "audit.sqlite"
    make_task(tree, "broken", shared_sources, "task", broken_pdf=True)
    audit(tree, store)
    rerun = {Path(t.folder).name: t for t in audit(tree, store).tasks}

    assert not rerun["broken"].reused and rerun["broken"].status == "failed"
    assert all(t.reused for name, t in rerun.items() if name != "broken")


def test_store_has_one_row_per_finding_keyed_by_the_task(tree: Path, tmp_path: Path) -> None:
    store = tmp_path / "audit.sqlite"
    run = audit(tree, store)
    db = sqlite3.connect(store)
    rows = db.execute("SELECT folder, key, code, severity FROM findings").fetchall()

    stored_findings = sum(len(t.result().findings) for t in run.tasks)
    assert len(rows) == stored_findings > 0
    keys = {(t.folder, t.key) for t in run.tasks}
    assert {(folder, key) for folder, key, _, _ in rows} <= keys
    assert {code for _, _, code, _ in rows} == {"CC111"}


def test_summary_counts_and_change_since_previous_run(tree: Path, tmp_path: Path) -> None:
    store = tmp_path / "audit.sqlite"
    cli(tree, "--store", store, "--select", "CC1")
    (tree / "delta" / "task_report.txt").write_text(
        (tree / "delta" / "task_report.txt").read_text("utf-8").replace("page 3", "page 30"),
        encoding="utf-8",
    )
    cli(tree, "--store", store, "--select", "CC1")
    outcome = cli("--summary", "--store", store, "--format", "json")

    summary = json.loads(outcome.output)
    assert outcome.exit_code == 1
    assert summary["tasks"] == 4 and summary["ran"] == 1 and summary["reused"] == 3
    assert summary["by_code"] == {"CC111": summary["findings"]}
    assert summary["by_category"] == {"citation-out-of-range": summary["findings"]}
    assert summary["worst"][0]["folder"].endswith("alpha")
    change = summary["change"]
    assert change["previous_run"] == 1 and change["findings"] == 2
    assert change["by_code"] == {"CC111": 2}
    assert [Path(f).name for f in change["more_errors"]] == ["delta"]

    text = cli("--summary", "--store", store).output
    assert re.search(r"since run 1: findings \+2", text)
    assert re.search(r"CC111\s+" + str(summary["findings"]), text)


def test_jsonl_has_one_line_per_task_with_its_lint_result(tree: Path, tmp_path: Path) -> None:
    outcome = cli(tree, "--store", tmp_path / "a.sqlite", "--select", "CC1", "--format", "jsonl")

    records = [json.loads(line) for line in outcome.output.splitlines()]
    assert [Path(r["folder"]).name for r in records] == ["alpha", "beta", "delta", "gamma"]
    alpha = records[0]["result"]
    assert alpha["summary"]["by_code"] == {"CC111": len(alpha["findings"])}
    assert all(f["path"].startswith(records[0]["folder"]) for f in alpha["findings"])


def test_html_index_links_a_page_per_task(
    tree: Path, tmp_path: Path, shared_sources: SharedSources
) -> None:
    make_task(tree, "broken", shared_sources, "task", broken_pdf=True)
    out = tmp_path / "html"
    outcome = cli(
        tree, "--store", tmp_path / "a.sqlite", "--select", "CC1", "--format", "html", "-o", out
    )
    assert outcome.exit_code == 5, outcome.output

    index = (out / "index.html").read_text("utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert len(links) == 4
    assert all((out / link).is_file() for link in links)
    assert "corrupt or not a PDF" in index
    alpha_page = next(link for link in links if "alpha" in link)
    assert "CC111" in (out / alpha_page).read_text("utf-8")


def test_jobs_two_stores_what_jobs_one_stores(tree: Path, tmp_path: Path) -> None:
    one = audit(tree, tmp_path / "one.sqlite", jobs=1)
    two = audit(tree, tmp_path / "two.sqlite", jobs=2)

    assert [(t.folder, t.key, t.result_json) for t in two.tasks] == [
        (t.folder, t.key, t.result_json) for t in one.tasks
    ]
    assert all(t.worker_peak_rss_mb > 0 for t in two.tasks)


def test_store_api_reads_back_a_run(tree: Path, tmp_path: Path) -> None:
    store_path = tmp_path / "audit.sqlite"
    run = audit(tree, store_path)
    store = AuditStore(store_path)
    try:
        assert [r.status for r in store.runs()] == ["complete"]
        assert store.finding_counts(run.run_id, "severity") == {"error": run.tasks[0].errors}
    finally:
        store.close()
