"""``citecheck judge --pairs FILE.jsonl --format jsonl``: judge claim/evidence pairs.

Input rows: ``{"id", "claim", "evidence"}`` (evidence a string or a list of
strings). Output: one JSON line per row, in input order:
``{"id", "label", "score", "backend", "evidence_span", "reason"}``. This
contract is stable. Invalid input is one line naming file and line; exit 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from citecheck.errors import CitecheckError, InputError
from citecheck.judge.base import JudgeConfig
from citecheck.safeio import read_text
from citecheck.textutil import scrub_surrogates


def read_pairs(path: Path) -> list[tuple[Any, str, list[str]]]:
    """Parse the pairs file into (id, claim, evidence list); InputError on bad rows."""
    lines = read_text(path, "pairs file").splitlines()
    rows = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            rows.append(_parse_row(path, number, line))
    return rows


def _parse_row(path: Path, number: int, line: str) -> tuple[Any, str, list[str]]:
    where = f"{path}:{number}"
    try:
        row = json.loads(line, parse_constant=_refuse_constant)
    except RecursionError:
        raise InputError(where, "invalid JSON (nested too deeply)") from None
    except ValueError as exc:
        raise InputError(where, f"invalid JSON ({exc.args[0].split(':')[0]})") from exc
    if not isinstance(row, dict) or not isinstance(row.get("claim"), str):
        raise InputError(where, 'expected an object with a string "claim"')
    if not row["claim"].strip():
        raise InputError(where, '"claim" is empty')
    evidence = row.get("evidence")
    if isinstance(evidence, str):
        evidence = [evidence]
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        raise InputError(where, '"evidence" must be a string or a list of strings')
    row_id = row.get("id", number)
    if isinstance(row_id, str):
        row_id = scrub_surrogates(row_id)
    return row_id, scrub_surrogates(row["claim"]), [scrub_surrogates(e) for e in evidence]


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


@click.command("judge")
@click.option(
    "--pairs",
    "pairs_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSONL of {id, claim, evidence}",
)
@click.option(
    "--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True
)
@click.option(
    "--backend",
    type=click.Choice(["default", "lexical", "verifier", "crossencoder", "llm"]),
    default="default",
    show_default=True,
)
@click.option(
    "--model", default=None, help="crossencoder model path/name, or verifier weights JSON"
)
@click.option("--llm-url", default=None, help="OpenAI-compatible base URL (…/v1)")
@click.option("--llm-model", default=None)
@click.option("--llm-api-key-env", default="OPENAI_API_KEY", show_default=True)
def judge_command(
    pairs_path: Path,
    output_format: str,
    backend: str,
    model: str | None,
    llm_url: str | None,
    llm_model: str | None,
    llm_api_key_env: str,
) -> None:
    """Judge claim/evidence pairs and print one JSON verdict per line."""
    from citecheck.judge.factory import make_judge

    try:
        rows = read_pairs(pairs_path)
        config = JudgeConfig(
            backend=backend,  # type: ignore[arg-type]
            model=model,
            llm_url=llm_url,
            llm_model=llm_model,
            llm_api_key_env=llm_api_key_env,
        )
        judge = make_judge(config)
        verdicts = judge.judge_batch([(claim, evidence) for _, claim, evidence in rows])
    except CitecheckError as exc:
        click.echo(f"citecheck: {exc}", err=True)
        sys.exit(2)
    for (row_id, _, _), verdict in zip(rows, verdicts, strict=True):
        record = {
            "id": row_id,
            "label": verdict.label,
            "score": verdict.score,
            "backend": verdict.backend,
            "evidence_span": verdict.evidence_span,
            "reason": verdict.reason,
        }
        click.echo(json.dumps(record, ensure_ascii=False))
