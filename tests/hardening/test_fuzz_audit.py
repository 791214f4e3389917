"""Property: ``citecheck audit`` over random trees of task folders (odd names,
symlinks that loop, dangle or leave the root, FIFOs, unreadable and junk files)
never crashes and never writes anywhere but the store and ``-o`` (issue 18).

``AUDIT_FUZZ_EXAMPLES`` sets the number of trees (default 25)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hardening.hostile import DEMO, SECRET, assert_clean_error, run_cli

FOLDERS = ("", "a", "a/b", "c", "c/.hidden", "d")
ODD_NAMES = (
    "report.md",
    "r\x1b]0;x\x07.md",
    "line\n::error file=x::forged.md",
    "cafe\u0301.md",
    "café.pdf",
    " .md",
    "-o.md",
    "x" * 200 + ".md",
    "query.md",
    "long_context.json",
    "trace.log",
    ".citecheck-cache",
    "文档.txt",
)
KINDS = (
    "report",
    "task-file",
    "pdf",
    "collection",
    "junk",
    "empty",
    "loop-link",
    "outside-link",
    "parent-link",
    "dangling-link",
    "unreadable",
    "fifo",
    "folder",
)
REPORT = "# 报告\n\n论文提出了方法[文档: pdf.pdf, page 1]。\n"
TASK_FILE = "## Final Report\n\n结论[文档: pdf.pdf, page 2]。\n\n## Summary\n"
COLLECTION = '[{"title": "T", "content": "' + "text " * 50 + '"}]'

entries = st.lists(
    st.tuples(
        st.sampled_from(FOLDERS),
        st.sampled_from(ODD_NAMES)
        | st.text(
            st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
            min_size=1,
            max_size=12,
        ),
        st.sampled_from(KINDS),
    ),
    min_size=1,
    max_size=14,
)


def _make(path: Path, kind: str, outside: Path) -> None:
    """One entry of the tree; names the file system refuses are skipped."""
    writers = {
        "report": lambda: path.write_text(REPORT, encoding="utf-8"),
        "task-file": lambda: path.write_text(TASK_FILE, encoding="utf-8"),
        "pdf": lambda: shutil.copyfile(DEMO / "pdf.pdf", path),
        "collection": lambda: path.write_text(COLLECTION, encoding="utf-8"),
        "junk": lambda: path.write_bytes(b"\xff\x00\xfe" * 64),
        "empty": lambda: path.write_bytes(b""),
        "loop-link": lambda: path.symlink_to(path.name),
        "outside-link": lambda: path.symlink_to(outside / "secret.md"),
        "parent-link": lambda: path.symlink_to(".."),
        "dangling-link": lambda: path.symlink_to("nowhere/at/all"),
        "unreadable": lambda: (path.write_text(REPORT, encoding="utf-8"), path.chmod(0)),
        "fifo": lambda: os.mkfifo(path),
        "folder": lambda: path.mkdir(),
    }
    if path.is_symlink() or path.exists():
        return  # a name drawn twice: writing into an earlier FIFO would block forever
    with contextlib.suppress(OSError):  # a name too long, a folder where a file is, …
        writers[kind]()


def _snapshot(root: Path) -> dict[str, tuple[int, int, int, str]]:
    """Every entry under ``root`` (links not followed): mode, size, mtime, content hash."""
    seen = {}
    for folder, subfolders, files in os.walk(root):
        for name in [*subfolders, *files]:
            path = Path(folder) / name
            info = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink() and info.st_mode & 0o444:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            seen[str(path)] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return seen


@settings(
    max_examples=int(os.environ.get("AUDIT_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(tree=entries)
def test_the_audit_survives_any_tree_and_writes_only_its_outputs(
    tree: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    base = Path(tempfile.mkdtemp(dir=tmp_path))
    root, outside, out, settings_dir = (base / n for n in ("root", "outside", "out", "cfg"))
    for folder in (root, outside, out, settings_dir):
        folder.mkdir()
    (outside / "secret.md").write_text(SECRET, encoding="utf-8")
    config = settings_dir / "cc.toml"
    config.write_text(f'cache_dir = "{base / "cache"}"\ntranscribe = "off"\n', encoding="utf-8")
    for folder, name, kind in tree:
        (root / folder).mkdir(parents=True, exist_ok=True)
        _make(root / folder / name, kind, outside)
    before = _snapshot(root), _snapshot(outside)
    outcome = run_cli(
        "audit", root, "--select", "CC1", "--config", config, "--no-progress",
        "--store", out / "s.sqlite", "--format", "json", "-o", out / "out.json",
    )  # fmt: skip
    assert "internal error" not in outcome.stderr, outcome
    if outcome.code == 2:
        assert_clean_error(outcome)
    else:
        assert outcome.code in (0, 1, 4, 5), outcome
        assert SECRET not in (out / "out.json").read_text(encoding="utf-8")
    assert (_snapshot(root), _snapshot(outside)) == before
    written = {path.name for path in out.iterdir()}
    assert written <= {"s.sqlite", "s.sqlite-wal", "s.sqlite-shm", "out.json"}, written
