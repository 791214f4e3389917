"""``citecheck judge`` on pairs files a careless user writes."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.hardening.hostile import assert_clean_error, run_cli


def _judge(tmp_path: Path, content: bytes) -> tuple[int, str, str]:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_bytes(content)
    outcome = run_cli("judge", "--pairs", pairs, "--backend", "lexical")
    return outcome.code, outcome.stdout, outcome.stderr


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ('{"id": 1, "claim": "", "evidence": "e"}', '"claim" is empty'),
        ('{"id": 1, "claim": "  ", "evidence": "e"}', '"claim" is empty'),
        ('{"id": NaN, "claim": "c", "evidence": "e"}', "NaN"),
        ('{"id": Infinity, "claim": "c", "evidence": "e"}', "Infinity"),
    ],
)
def test_bad_rows_are_refused_with_their_line(tmp_path: Path, row: str, problem: str) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(row + "\n", encoding="utf-8")
    outcome = run_cli("judge", "--pairs", pairs, "--backend", "lexical")
    assert_clean_error(outcome, "pairs.jsonl:1", problem)


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    row = json.dumps({"id": "a", "claim": "增长了 5%", "evidence": "增长了 5%"}, ensure_ascii=False)
    code, stdout, _ = _judge(tmp_path, codecs.BOM_UTF8 + row.encode("utf-8") + b"\n")
    assert code == 0
    assert json.loads(stdout)["id"] == "a"


def test_lone_surrogates_give_valid_json_lines(tmp_path: Path) -> None:
    row = '{"id": "x\\ud800", "claim": "bad \\ud800 claim", "evidence": ["e \\udfff"]}'
    code, stdout, _ = _judge(tmp_path, row.encode("utf-8") + b"\n")
    assert code == 0
    assert json.loads(stdout)["id"] == "x\ufffd"


@pytest.mark.parametrize("claim", ["x", "!!!", "。。"])
def test_a_claim_without_content_words_is_not_judged(tmp_path: Path, claim: str) -> None:
    row = json.dumps({"id": "a", "claim": claim, "evidence": "x !!! anything at all"})
    code, stdout, _ = _judge(tmp_path, (row + "\n").encode("utf-8"))
    verdict = json.loads(stdout.splitlines()[0])
    assert code in (0, 1)
    assert verdict["label"] != "supported"
    assert "not judged" in json.dumps(verdict)
