"""Inputs that used to end in "internal error": now one line naming the file, or a
finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.judge import glossary
from citecheck.judge.numerals import extract_quantities, parse_chinese_number
from tests.hardening.hostile import Outcome, assert_clean_error, assert_sidecar_warning, run_cli

LINT = ("lint", "--select", "CC1,CC4,CC9")
VIDEO_REPORT = "# 报告\n\n演讲者介绍了方法[视频: video.mp4]。\n"
DEEP = "[" * 100_000 + "]" * 100_000


def _lint_video(task: Path) -> Outcome:
    (task / "report.md").write_text(VIDEO_REPORT, encoding="utf-8")
    return run_cli(*LINT, task / "report.md", "--corpus", task, "--format", "json")


@pytest.mark.parametrize(
    ("sidecar", "content", "problem"),
    [
        ("video.transcript.json", '[{"start": NaN, "end": 1, "text": "t"}]', "NaN"),
        ("video.transcript.json", '[{"start": 0, "end": Infinity, "text": "t"}]', "Infinity"),
        ("video.keyframes.json", '[{"time": -Infinity, "text": "t"}]', "-Infinity"),
        ("video.transcript.json", DEEP, "nested too deeply"),
        ("video.meta.json", "[1, 2]", "valid dictionary"),
        ("video.srt", "\xff\xfe garbage", "not UTF-8"),
    ],
    ids=["nan-start", "infinite-end", "infinite-keyframe", "deep", "list-meta", "binary-srt"],
)
def test_bad_sidecars_are_warnings_naming_file_and_problem(
    task: Path, sidecar: str, content: str, problem: str
) -> None:
    (task / sidecar).write_bytes(content.encode("latin-1" if sidecar == "video.srt" else "utf-8"))
    assert_sidecar_warning(_lint_video(task), sidecar, problem)


def test_lone_surrogates_in_a_transcript_are_replaced(task: Path) -> None:
    (task / "video.transcript.json").write_text(
        '[{"start": 0, "end": 2, "speaker": "A", "text": "bad \\ud800 text"}]', encoding="utf-8"
    )
    outcome = _lint_video(task)
    assert outcome.code in (0, 1), outcome
    json.loads(outcome.stdout)


def test_lone_surrogates_in_collection_titles_are_replaced(task: Path) -> None:
    (task / "long_context.json").write_text(
        '[{"title": "Sampling \\udc80 methods", "content": "text text text"}]', encoding="utf-8"
    )
    outcome = run_cli(*LINT, task / "report.md", "--format", "json")
    assert outcome.code in (0, 1), outcome
    assert "\ufffd" in outcome.stdout or "\\ufffd" in outcome.stdout


def test_deeply_nested_collection_is_one_line_error(task: Path) -> None:
    (task / "long_context.json").write_text("[" + DEEP + "]", encoding="utf-8")
    assert_clean_error(run_cli(*LINT, task / "report.md"), "long_context.json", "nested")


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ('{"title": "Sampling methods for text generation", "chunk": 0, "text": null}', "line 1"),
        ('{"title": null, "chunk": 0, "text": "t"}', "line 1"),
        ('{"title": "T", "chunk": -1, "text": "t"}', "line 1"),
        ("[1, 2, 3]", "line 1"),
        (DEEP, "line 1"),
    ],
    ids=["null-text", "null-title", "negative-chunk", "list-row", "deep-row"],
)
def test_bad_chunk_map_rows_name_the_line(task: Path, row: str, problem: str) -> None:
    (task / "long_context.chunks.jsonl").write_text(row + "\n", encoding="utf-8")
    assert_clean_error(run_cli(*LINT, task / "report.md"), "chunks.jsonl", problem)


def test_a_collection_that_is_a_directory(task: Path) -> None:
    (task / "long_context.json").unlink()
    (task / "long_context.json").mkdir()
    assert_clean_error(run_cli(*LINT, task / "report.md"), "long_context.json", "directory")


def test_forty_yi_is_no_number() -> None:
    assert parse_chinese_number("一" + "亿" * 40) is None
    assert extract_quantities("一" + "亿" * 40 + "元") == []
    assert parse_chinese_number("三亿") == 300_000_000


def test_a_reverse_index_cache_of_the_wrong_shape_is_rebuilt(
    user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(glossary, "SHIPPED_INDEX_DIR", user_cache / "nothing shipped")
    cache_file = user_cache / "citecheck" / f"reverse-index-{glossary._reverse_index_key()}.json"
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    built = {"neural": frozenset("神经")}
    monkeypatch.setattr(glossary, "_build_reverse_index", lambda: built)
    for wrong in ("[1, 2]", '{"neural": 5}', '"text"'):
        cache_file.write_text(wrong, encoding="utf-8")
        assert glossary._reverse_index.__wrapped__() == built


def test_a_gbk_named_report_gives_valid_json_and_sarif(task: Path) -> None:
    name = Path((b"\xc4\xe3\xba\xc3.md").decode("utf-8", "surrogateescape"))
    report = task / name
    report.write_text(REPORT_TEXT, encoding="utf-8")
    outcome = run_cli(*LINT, report, "--format", "json")
    assert outcome.code in (0, 1), outcome
    json.loads(outcome.stdout.encode("utf-8"))
    sarif = task / "out.sarif"
    outcome = run_cli(*LINT, report, "--format", "sarif", "-o", sarif)
    assert outcome.code in (0, 1), outcome
    json.loads(sarif.read_text(encoding="utf-8"))


REPORT_TEXT = "# 报告\n\n论文提出了新的方法[文档: missing.pdf]。\n"
