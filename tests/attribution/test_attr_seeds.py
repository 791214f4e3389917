"""The seeds through the full pipeline: 002's video section, and 000/001's presenters."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from citecheck.api import check

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
MINE = ["CC3", "CC4"]


def _seed(pattern: str) -> Path:
    found = sorted(SEEDS.glob(pattern)) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {pattern} not found under {SEEDS}")
    return found[0]


def _video_section_lines() -> list[int]:
    """Lines of the final report's '（4）视频补充…' section that describe the video
    (items A.–D.), read from the repaired seed; the damaged one has the same lines."""
    lines = _seed("002_*.repaired.txt").read_text(encoding="utf-8").splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("（4）视频补充"))
    return [i + 1 for i in range(start, start + 8) if lines[i][:2] in {"A.", "B.", "C.", "D."}]


@pytest.mark.slow
@pytest.mark.parametrize("pattern", ["002_*.repaired.txt", "002_*[0-9a-f].txt"])
def test_seed_002_video_section_is_fabricated(pattern: str, tmp_path: Path) -> None:
    seed = _seed(pattern)
    report = tmp_path / seed.name
    shutil.copy(seed, report)
    result = check(report, corpus=tmp_path, trace=seed, select=MINE)
    fabricated = {f.line for f in result.findings if f.code == "CC401"}
    expected = _video_section_lines()
    assert expected and set(expected) <= fabricated
    assert all(f.severity.value == "error" for f in result.findings if f.code == "CC401")


def _presenter_corpus(folder: Path, aliases: dict[str, list[str]] | None) -> None:
    (folder / "video.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    segments = [
        {"start": 0.0, "end": 6.0, "speaker": "Yi Ren",
         "text": "Hello, I am Yi Ren from UBC. This talk is on learning dynamics."},
        {"start": 6.0, "end": 14.0, "speaker": "Yi Ren",
         "text": "We explain the squeezing effect in DPO with an MNIST example."},
    ]  # fmt: skip
    (folder / "video.transcript.json").write_text(json.dumps(segments), encoding="utf-8")
    meta = {"title": "Learning Dynamics of LLM Finetuning", "presenter": "Yi Ren",
            "speakers": ["Yi Ren"], "language": "en", "aliases": aliases or {}}  # fmt: skip
    (folder / "video.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _presenter_findings(seed: Path, folder: Path) -> set[tuple[str, str]]:
    report = folder / seed.name
    shutil.copy(seed, report)
    result = check(report, corpus=folder, select=["CC301", "CC305"])
    text = report.read_text(encoding="utf-8").splitlines()
    return {(f.code, text[f.line - 1]) for f in result.findings}


@pytest.mark.parametrize(
    ("aliases", "code"), [({"Yi Ren": ["任毅"]}, "CC301"), (None, "CC305")]
)  # fmt: skip
def test_seed_001_presenter_disagrees_with_transcript(aliases, code, tmp_path: Path) -> None:
    """姚云驰 vs the transcript's Yi Ren: wrong when the meta gives Yi Ren's Chinese name,
    only unverifiable when nothing ties the two scripts together."""
    _presenter_corpus(tmp_path, aliases)
    found = _presenter_findings(_seed("001_*.txt"), tmp_path)
    assert found and all(c == code and "姚云驰" in line for c, line in found)


def test_seed_000_presenter_agrees_with_transcript(tmp_path: Path) -> None:
    _presenter_corpus(tmp_path, {"Yi Ren": ["任毅"]})
    assert _presenter_findings(_seed("000_*.txt"), tmp_path) == set()


@pytest.mark.parametrize("pattern", ["000_*.txt", "001_*.txt"])
def test_seed_presenters_without_transcript_are_unverifiable(pattern: str, tmp_path: Path) -> None:
    (tmp_path / "video.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    seed = _seed(pattern)
    report = tmp_path / seed.name
    shutil.copy(seed, report)
    result = check(report, corpus=tmp_path, select=["CC301", "CC305", "CC401", "CC402"])
    codes = {f.code for f in result.findings}
    assert "CC305" in codes
    assert codes <= {"CC305", "CC402"}
    assert all(f.severity.value == "warning" for f in result.findings)
