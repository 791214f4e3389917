"""Every file citecheck opens stays inside the task folder, and the cache folder is
citecheck's own: never a symlink, never a shipped input, always marked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from citecheck.cachedir import GITIGNORE_TEXT, TAG_NAME, TAG_TEXT
from citecheck.corpus.folder import CACHE_DIR_NAME, default_cache_dir
from citecheck.evidence.embedder import CachedEmbedder
from tests.hardening.hostile import SECRET, assert_clean_error, assert_sidecar_warning, run_cli

SRT = f"1\n00:00:01,000 --> 00:00:04,000\nSpeaker: {SECRET}\n"
SIDECARS = {
    "video.srt": SRT,
    "video.transcript.json": json.dumps([{"start": 0, "end": 2, "text": SECRET}]),
    "video.keyframes.json": json.dumps([{"time": 1, "text": SECRET}]),
    "long_context.chunks.jsonl": json.dumps(
        {"title": "Sampling methods for text generation", "chunk": 0, "text": SECRET}
    ),
}
VIDEO_REPORT = "# 报告\n\n演讲者介绍了方法[视频: video.mp4]。\n"


@pytest.mark.parametrize("sidecar", sorted(SIDECARS))
def test_a_sidecar_symlinked_out_of_the_corpus_is_refused(
    task: Path, outside: Path, sidecar: str
) -> None:
    (outside / sidecar).write_text(SIDECARS[sidecar], encoding="utf-8")
    (task / sidecar).unlink(missing_ok=True)
    (task / sidecar).symlink_to(outside / sidecar)
    (task / "report.md").write_text(
        VIDEO_REPORT + '博客[long_context: "Sampling methods for text generation", chunk 0]。\n',
        encoding="utf-8",
    )
    outcome = run_cli("lint", task / "report.md", "--corpus", task, "--format", "json")
    assert SECRET not in outcome.stdout + outcome.stderr
    if sidecar.startswith("video."):  # video evidence: warned about, the lint goes on
        assert_sidecar_warning(outcome, sidecar, "outside the corpus")
    else:  # the chunk map decides what a citation means: an input error
        assert_clean_error(outcome, sidecar, "outside the corpus")


def test_a_symlinked_cache_folder_is_never_written_through(task: Path, outside: Path) -> None:
    (task / CACHE_DIR_NAME).symlink_to(outside, target_is_directory=True)
    outcome = run_cli("lint", task / "report.md", "--select", "CC1")
    assert outcome.code in (0, 1), outcome
    assert list(outside.iterdir()) == []
    assert default_cache_dir(task) != task / CACHE_DIR_NAME


def test_a_cache_shipped_with_the_corpus_is_not_used(task: Path) -> None:
    shipped = task / CACHE_DIR_NAME
    shipped.mkdir()
    (shipped / "embeddings.sqlite").write_bytes(b"prepared verdicts")
    assert default_cache_dir(task) != shipped
    run_cli("lint", task / "report.md", "--select", "CC1")
    assert sorted(p.name for p in shipped.iterdir()) == ["embeddings.sqlite"]


def test_a_cache_file_in_place_of_the_folder_is_worked_around(task: Path) -> None:
    (task / CACHE_DIR_NAME).write_text("not a folder", encoding="utf-8")
    outcome = run_cli("lint", task / "report.md", "--select", "CC1")
    assert outcome.code in (0, 1), outcome
    assert (task / CACHE_DIR_NAME).read_text(encoding="utf-8") == "not a folder"


def test_the_cache_folder_is_marked_for_git_and_backup_tools(task: Path) -> None:
    run_cli("lint", task / "report.md", "--select", "CC1")
    cache = task / CACHE_DIR_NAME
    assert (cache / TAG_NAME).read_text(encoding="utf-8") == TAG_TEXT
    assert TAG_TEXT.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache / ".gitignore").read_text(encoding="utf-8") == GITIGNORE_TEXT
    assert "*" in GITIGNORE_TEXT.splitlines()


def test_an_unwritable_cache_still_lints(task: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = task.parent / "no-cache-here"
    blocker.write_text("a file where the user cache would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    (task / CACHE_DIR_NAME).write_text("not a folder", encoding="utf-8")
    outcome = run_cli("lint", task / "report.md", "--select", "CC1", "--format", "json")
    assert outcome.code in (0, 1), outcome
    assert json.loads(outcome.stdout)["summary"]["citations"] == 2


def test_a_configured_cache_dir_that_does_not_exist_is_created(task: Path) -> None:
    cache = task.parent / "deep" / "er" / "cache"
    (task / ".citecheck.toml").write_text(f'cache_dir = "{cache}"\n', encoding="utf-8")
    outcome = run_cli("lint", task / "report.md", "--select", "CC1")
    assert outcome.code in (0, 1), outcome
    assert (cache / TAG_NAME).is_file()


class _Inner:
    """An embedder whose vectors say which call made them."""

    name = "fake-model"
    dim = 4

    def __init__(self) -> None:
        self.calls = 0

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        return np.ones((len(texts), self.dim), dtype=np.float32)

    embed_passages = embed_queries


def test_cached_vectors_of_another_size_are_recomputed(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "embeddings.sqlite"
    wide = _Inner()
    wide.dim = 8
    CachedEmbedder(wide, path).embed_queries(["same text"])  # type: ignore[arg-type]
    inner = _Inner()
    vectors = CachedEmbedder(inner, path).embed_queries(["same text"])  # type: ignore[arg-type]
    assert vectors.shape == (1, 4)
    assert inner.calls == 1


@pytest.mark.parametrize("damage", [b"garbage" * 100, b"SQLite format 3\x00" + b"\x00" * 50])
def test_a_damaged_embedding_cache_is_rebuilt(tmp_path: Path, damage: bytes) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "embeddings.sqlite").write_bytes(damage)
    for _ in range(2):  # the run after a damaged one works too
        inner = _Inner()
        vectors = CachedEmbedder(inner, folder / "embeddings.sqlite").embed_queries(["x"])  # type: ignore[arg-type]
        assert vectors.shape == (1, 4)


def test_citations_of_names_the_system_cannot_resolve_are_findings(task: Path) -> None:
    loop = task / "loop.pdf"
    os.symlink(loop, loop)
    long_name = "长" * 120 + ".pdf"  # 360 bytes: over NAME_MAX
    (task / "report.md").write_text(
        f"# 报告\n\n第一句[文档: {long_name}]。\n\n第二句[文档: loop.pdf]。\n", encoding="utf-8"
    )
    outcome = run_cli("lint", task / "report.md", "--select", "CC1", "--format", "json")
    assert outcome.code == 1, outcome
    codes = [f["code"] for f in json.loads(outcome.stdout)["findings"]]
    assert codes == ["CC101", "CC101"]
