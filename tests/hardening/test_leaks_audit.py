"""The HTML audit shows only what lies in the task folder: a report swapped for a
symlink to a file outside it after the audit ran is not embedded (issue 18)."""

from __future__ import annotations

from pathlib import Path

from tests.hardening.hostile import SECRET, run_cli


def test_a_report_swapped_for_an_outside_symlink_is_not_embedded(
    task: Path, outside: Path, tmp_path: Path
) -> None:
    (task / "trace.log").unlink()  # its final answer would be the task's report
    store = tmp_path / "s.sqlite"
    assert run_cli("audit", "--select", "CC1", task.parent, "--store", store).code in (0, 1)
    (outside / "secret.md").write_text(f"# {SECRET}\n\n{SECRET}\n", encoding="utf-8")
    (task / "report.md").unlink()
    (task / "report.md").symlink_to(outside / "secret.md")
    html = tmp_path / "html"
    outcome = run_cli("audit", "--summary", "--store", store, "--format", "html", "-o", html)
    assert outcome.code in (0, 1), outcome
    pages = [page.read_text(encoding="utf-8") for page in html.rglob("*.html")]
    assert len(pages) >= 2
    assert not [page for page in pages if SECRET in page]
