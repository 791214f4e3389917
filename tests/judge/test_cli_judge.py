"""``citecheck judge --pairs FILE.jsonl --format jsonl``: contract, order and errors."""

import json

from click.testing import CliRunner

from citecheck.judge.cli_judge import judge_command

EVIDENCE = "DPO was introduced by Rafailov et al. in 2023. It reached a 73.5% win rate."


def run(tmp_path, lines, *args):
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = path.read_bytes()
    result = CliRunner().invoke(judge_command, ["--pairs", str(path), "--format", "jsonl", *args])
    assert path.read_bytes() == before  # input is never modified
    return result


def test_contract_and_input_order(tmp_path):
    rows = [
        {"id": "b", "claim": "DPO reached an 80% win rate.", "evidence": EVIDENCE},
        {"id": "a", "claim": "Rafailov et al. introduced DPO in 2023.", "evidence": [EVIDENCE]},
        {"id": 3, "claim": "The moon is made of cheese.", "evidence": []},
    ]
    result = run(tmp_path, [json.dumps(r) for r in rows], "--backend", "lexical")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["b", "a", 3]
    assert [o["label"] for o in out] == ["contradicted", "supported", "unsupported"]
    for o in out:
        assert set(o) == {"id", "label", "score", "backend", "evidence_span", "reason"}
        assert 0.0 <= o["score"] <= 1.0 and o["backend"] == "lexical"
    assert "73.5%" in out[0]["reason"]


def test_default_backend_is_the_cross_encoder(tmp_path):
    row = {"id": 1, "claim": "Rafailov et al. introduced DPO in 2023.", "evidence": EVIDENCE}
    result = run(tmp_path, [json.dumps(row)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["backend"] == "nli"


def test_invalid_jsonl_names_file_and_line(tmp_path):
    good = json.dumps({"id": 1, "claim": "c", "evidence": "e"})
    result = run(tmp_path, [good, "{broken"])
    assert result.exit_code == 2
    assert "pairs.jsonl:2: invalid JSON" in result.output
    assert "Traceback" not in result.output


def test_wrong_evidence_type_is_rejected(tmp_path):
    result = run(tmp_path, [json.dumps({"id": 1, "claim": "c", "evidence": 5})])
    assert result.exit_code == 2
    assert "pairs.jsonl:1" in result.output and "evidence" in result.output


def test_missing_llm_settings_is_usage_error(tmp_path):
    result = run(
        tmp_path, [json.dumps({"id": 1, "claim": "c", "evidence": "e"})], "--backend", "llm"
    )
    assert result.exit_code == 2 and "llm_url" in result.output
