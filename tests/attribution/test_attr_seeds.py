"""The seeds through the full pipeline: 002's video section, and 000/001's presenters."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from citecheck.api import check

MINE = ["CC3", "CC4"]
SEED_002_RAW = "002_744ccd5e22ef43cd.txt"
SEED_002_REPAIRED = "002_744ccd5e22ef43cd.repaired.txt"


def _seed(seeds: Path, pattern: str) -> Path:
    found = sorted(seeds.glob(pattern))
    if not found:
        pytest.skip(f"seed {pattern} not found under {seeds}")
    return found[0]


def _video_section_lines(seeds: Path) -> list[int]:
    """Lines of the final report's '（4）视频补充…' section that describe the video
    (items A.–D.), read from the repaired seed; the damaged one has the same lines."""
    lines = _seed(seeds, SEED_002_REPAIRED).read_text(encoding="utf-8").splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("（4）视频补充"))
    return [i + 1 for i in range(start, start + 8) if lines[i][:2] in {"A.", "B.", "C.", "D."}]


@pytest.mark.slow
@pytest.mark.parametrize("name", [SEED_002_REPAIRED, SEED_002_RAW])  # exact names: no glob
def test_seed_002_video_section_is_fabricated(name: str, tmp_path: Path, seeds: Path) -> None:
    seed = _seed(seeds, name)
    report = tmp_path / seed.name
    shutil.copy(seed, report)
    result = check(report, corpus=tmp_path, trace=seed, select=MINE)
    fabricated = {f.line for f in result.findings if f.code == "CC401"}
    expected = _video_section_lines(seeds)
    assert expected and set(expected) <= fabricated
    assert all(f.severity.value == "error" for f in result.findings if f.code == "CC401")


def _presenter_corpus(folder: Path, aliases: dict[str, list[str]] | None) -> None:
    (folder / "video.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    segments = [
        {
            "start": 0.0,
            "end": 6.0,
            "speaker": "Yi Ren",
            "text": "Hello, I am Yi Ren from UBC. This talk is on learning dynamics.",
        },
        {
            "start": 6.0,
            "end": 14.0,
            "speaker": "Yi Ren",
            "text": "We explain the squeezing effect in DPO with an MNIST example.",
        },
    ]
    (folder / "video.transcript.json").write_text(json.dumps(segments), encoding="utf-8")
    meta = {
        "title": "Learning Dynamics of LLM Finetuning",
        "presenter": "Yi Ren",
        "speakers": ["Yi Ren"],
        "language": "en",
        "aliases": aliases or {},
    }
    (folder / "video.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _presenter_findings(seed: Path, folder: Path) -> set[tuple[str, str]]:
    report = folder / seed.name
    shutil.copy(seed, report)
    result = check(report, corpus=folder, select=["CC301", "CC305"])
    text = report.read_text(encoding="utf-8").splitlines()
    return {(f.code, text[f.line - 1]) for f in result.findings}


@pytest.mark.parametrize("aliases", [{"Yi Ren": ["任毅"]}, None])
def test_seed_001_presenter_disagrees_with_transcript(aliases, tmp_path: Path, seeds: Path) -> None:
    """姚云驰 vs the transcript's Yi Ren: wrong with the meta's alias 任毅, and wrong without
    it too, since 姚云驰 reads yao yunchi in pinyin, not Yi Ren."""
    _presenter_corpus(tmp_path, aliases)
    found = _presenter_findings(_seed(seeds, "001_*.txt"), tmp_path)
    assert found and all(c == "CC301" and "姚云驰" in line for c, line in found)


def test_seed_000_presenter_agrees_with_transcript(tmp_path: Path, seeds: Path) -> None:
    _presenter_corpus(tmp_path, {"Yi Ren": ["任毅"]})
    assert _presenter_findings(_seed(seeds, "000_*.txt"), tmp_path) == set()


@pytest.mark.parametrize("pattern", ["000_*.txt", "001_*.txt"])
def test_seed_presenters_without_transcript_are_unverifiable(
    pattern: str, tmp_path: Path, seeds: Path
) -> None:
    (tmp_path / "video.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    seed = _seed(seeds, pattern)
    report = tmp_path / seed.name
    shutil.copy(seed, report)
    result = check(report, corpus=tmp_path, select=["CC301", "CC305", "CC401", "CC402"])
    codes = {f.code for f in result.findings}
    assert "CC305" in codes
    assert codes <= {"CC305", "CC402"}
    expected = {"CC305": "warning", "CC402": "info"}  # no evidence at all: a prompt per claim
    assert all(f.severity.value == expected[f.code] for f in result.findings)


@pytest.mark.slow
def test_seed_002_raw_findings_point_into_the_raw_file(tmp_path: Path, seeds: Path) -> None:
    """The mojibake seed is judged on its repair, but lines and columns are the raw file's:
    each CC401 column points at the damaged bytes of the item ('A.' is plain ASCII)."""
    seed = _seed(seeds, SEED_002_RAW)
    report = tmp_path / seed.name
    shutil.copy(seed, report)
    result = check(report, corpus=tmp_path, trace=seed, select=MINE)
    raw_lines = report.read_text(encoding="utf-8").splitlines()
    repaired_lines = _seed(seeds, SEED_002_REPAIRED).read_text(encoding="utf-8").splitlines()
    findings = [f for f in result.findings if f.code == "CC401"]
    assert findings
    for finding in findings:
        raw = raw_lines[finding.line - 1]
        assert raw != repaired_lines[finding.line - 1]  # the raw line is damaged
        assert 1 <= finding.column <= finding.end_column <= len(raw) + 1
    item_columns = {f.column for f in findings if raw_lines[f.line - 1][:2] in {"A.", "B."}}
    assert item_columns == {4}  # after "A. ": the same column in raw and repaired text
