"""The pre-commit hook, run by the real ``pre-commit try-repo`` in a scratch git repo.

Building the hook's environment installs citecheck from PyPI-resolved
dependencies, so this needs network access to the package index (CI has it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _make_task_repo(repo: Path) -> None:
    import pymupdf

    repo.mkdir()
    _git(repo, "init", "-q")
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), "The survey covered 120 participants in 2021.")
    document.save(repo / "paper.pdf")
    (repo / "good.md").write_text(
        "# Findings\n\nThe survey covered 120 participants [Doc: paper.pdf, page 1].\n",
        encoding="utf-8",
    )
    (repo / "bad.md").write_text(
        "# Findings\n\nThe survey covered 120 participants [Doc: missing.pdf, page 1].\n",
        encoding="utf-8",
    )
    _git(repo, "add", ".")


def _try_repo(repo: Path, report: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPO_ROOT), "citecheck", "--files", report],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
def test_hook_fails_on_bad_report_and_passes_good_one(tmp_path: Path) -> None:
    if not PRE_COMMIT.exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git not installed")
    repo = tmp_path / "task"
    _make_task_repo(repo)
    home = tmp_path / "pre-commit-home"

    bad = _try_repo(repo, "bad.md", home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "CC101" in bad.stdout and "missing.pdf" in bad.stdout

    good = _try_repo(repo, "good.md", home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
