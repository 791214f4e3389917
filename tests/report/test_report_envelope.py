"""Reports inside API responses: Perplexity, OpenAI chat annotations, Responses objects,
agent result objects; positions in the answer text and the field named in every output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import citecheck
from citecheck.batch.discovery import discover_tasks
from citecheck.cli import main
from citecheck.errors import InputError
from citecheck.pipeline import expand_report_paths
from citecheck.report import envelope
from citecheck.report.envelope import is_envelope_file, read_envelope
from citecheck.report.parse import parse_report
from citecheck.rulepack import load_pack

RESOLUTION = ["CC101", "CC111", "CC121"]
IEA = "https://www.iea.org/reports/renewables-2023?utm_source=perplexity"
CONTENT = (
    "<think>\nThe user wants figures; source [9] may help. 1,000 GW?\n</think>\n"
    "# Renewables in 2023\n"
    "\n"
    "Capacity additions rose by almost 50% to about 510 GW in 2023 [1]. "
    "Offshore wind added 10.8 GW [2].\n"
    "Solar module prices halved [3]. Hydropower grew too [4].\n"
)


def perplexity(**changes: object) -> dict[str, object]:
    response: dict[str, object] = {
        "id": "r1",
        "model": "sonar-reasoning-pro",
        "citations": [IEA, "https://example.org/wind", "https://example.net/never-read"],
        "search_results": [
            {
                "title": "Renewables 2023",
                "url": "https://iea.org/reports/renewables-2023/",
                "date": "2024-01-11",
                "snippet": "Renewable capacity additions increased by almost 50% to nearly"
                " 510 gigawatts in 2023.",
            },
            {
                "title": "Offshore wind",
                "url": "https://example.org/wind",
                "snippet": "Offshore wind installations reached 10.8 GW in 2023.",
            },
        ],
        "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": CONTENT}}],
    }
    response.update(changes)
    return response


def write(folder: Path, data: object, name: str = "response.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_the_answer_is_the_report_and_the_think_block_is_not(tmp_path: Path) -> None:
    report = parse_report(write(tmp_path, perplexity()), load_pack())
    assert report.text == CONTENT
    assert report.text_origin == "choices[0].message.content"
    keys = [t.key for c in report.citations for t in c.targets]
    assert keys == ["1", "2", "3", "4"], "the [9] inside <think> is not a citation"
    assert not any("1,000 GW" in claim.text for claim in report.claims)
    assert [(e.key, e.url) for e in report.references][:2] == [
        ("1", IEA),
        ("2", "https://example.org/wind"),
    ]
    first = report.citations[0]
    line = CONTENT.splitlines()[first.span.line - 1]
    assert line[first.span.column - 1 : first.span.end_column - 1] == "[1]"


def test_citations_resolve_to_search_result_snippets(tmp_path: Path) -> None:
    result = citecheck.check(write(tmp_path, perplexity()), select=RESOLUTION)
    found = {(f.code, f.line, f.citation) for f in result.findings}
    assert found == {("CC121", 7, "[3]"), ("CC101", 7, "[4]")}
    ungrounded = next(f for f in result.findings if f.code == "CC121")
    assert "never-read" in ungrounded.message and "search_results" in ungrounded.message
    assert all(f.origin == "choices[0].message.content" for f in result.findings)


def test_without_a_citations_list_markers_number_the_search_results(tmp_path: Path) -> None:
    data = perplexity()
    del data["citations"]
    result = citecheck.check(write(tmp_path, data), select=RESOLUTION)
    assert {(f.code, f.citation) for f in result.findings} == {("CC101", "[3]"), ("CC101", "[4]")}


def test_openai_url_citation_annotations_are_citations(tmp_path: Path) -> None:
    link = "([iea.org](https://www.iea.org/reports/renewables-2023?utm_source=openai))"
    content = f"Capacity additions rose by almost 50% in 2023 {link}.\n"
    start = content.index(link)
    note = {
        "type": "url_citation",
        "url_citation": {
            "start_index": start,
            "end_index": start + len(link),
            "url": "https://www.iea.org/reports/renewables-2023?utm_source=openai",
            "title": "Renewables 2023",
        },
    }
    message = {"role": "assistant", "content": content, "annotations": [note]}
    report = parse_report(
        write(tmp_path, {"object": "chat.completion", "choices": [{"message": message}]}),
        load_pack(),
    )
    assert len(report.citations) == 1, "the annotated link is one citation, not two"
    (target,) = report.citations[0].targets
    assert (target.kind, target.syntax) == ("url", "url_citation")
    assert report.citations[0].text == link


def test_responses_object_joins_output_text_and_shifts_annotations(tmp_path: Path) -> None:
    first, second = "Intro sentence without sources.", "Offshore wind added 10.8 GW (wind)."
    mark = second.index("(wind)")
    data = {
        "object": "response",
        "output": [
            {"type": "web_search_call", "status": "completed"},
            {"type": "message", "content": [{"type": "output_text", "text": first}]},
            {
                "type": "message",
                "content": [
                    {
                        "type": "output_text",
                        "text": second,
                        "annotations": [
                            {
                                "type": "url_citation",
                                "start_index": mark,
                                "end_index": mark + 6,
                                "url": "https://example.org/wind",
                                "title": "Offshore wind",
                            }
                        ],
                    }
                ],
            },
        ],
    }
    report = parse_report(write(tmp_path, data), load_pack())
    assert report.text == f"{first}\n\n{second}"
    assert [c.text for c in report.citations] == ["(wind)"]
    assert report.citations[0].span.line == 3
    assert report.text_origin == "output[].content[].text"


def test_agent_result_object_with_a_report_field(tmp_path: Path) -> None:
    text = "# Wind\n\nOffshore wind added 10.8 GW [1]. Onshore grew [2][3].\n"
    report = parse_report(write(tmp_path, {"final_report": text, "notes": "x"}), load_pack())
    assert report.text_origin == "final_report"
    assert [c.text for c in report.citations] == ["[1]", "[2]", "[3]"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be an object"),
        ('{"choices": [{"message": {"content": ""}}]}', "no text in choices[0]"),
        ('{"title": "a collection?"}', "must be an API response"),
    ],
)
def test_json_that_holds_no_report_is_a_one_line_error(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(problem)):
        read_envelope(text, path)
    outcome = CliRunner().invoke(main, ["lint", str(path)])
    assert outcome.exit_code == 2
    assert str(path) in outcome.output and problem in outcome.output
    assert len(outcome.output.strip().splitlines()) == 1


def test_outputs_name_the_field_the_positions_are_in(tmp_path: Path) -> None:
    path = str(write(tmp_path, perplexity()))
    base = ["lint", path, "--select", "CC101"]
    text = CliRunner().invoke(main, base).output
    assert f"{path}[choices[0].message.content]:7:" in text
    sarif = json.loads(CliRunner().invoke(main, [*base, "--format", "sarif"]).output)
    (location,) = sarif["runs"][0]["results"][0]["locations"]
    assert "region" not in location["physicalLocation"], "lines are not the file's lines"
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "choices[0].message.content"
    assert location["properties"]["regionInOrigin"]["startLine"] == 7
    github = CliRunner().invoke(main, [*base, "--format", "github"]).output
    assert "line=" not in github and "choices[0].message.content%3A7%3A" not in github
    assert "::choices[0].message.content:7:" in github
    html = CliRunner().invoke(main, [*base, "--format", "html"]).output
    assert "Hydropower grew too" in html and '<span class="origin">' in html
    assert "sonar-reasoning-pro" not in html, "the page shows the answer, not the JSON"


def test_folders_and_audits_find_responses_but_not_other_json(tmp_path: Path) -> None:
    response = write(tmp_path, perplexity())
    (tmp_path / "notes.json").write_text('{"content_type": "x", "items": []}', encoding="utf-8")
    (tmp_path / "meta.json").write_text('{"content": 3}', encoding="utf-8")
    assert is_envelope_file(response)
    assert not is_envelope_file(tmp_path / "notes.json")
    assert not is_envelope_file(tmp_path / "meta.json")
    assert expand_report_paths([tmp_path]) == [response]
    (tmp_path / "sources.jsonl").write_text(
        json.dumps({"url": "https://example.org/wind", "title": "w", "content": "text"}) + "\n",
        encoding="utf-8",
    )
    found = discover_tasks([tmp_path], load_pack())
    assert [list(task.reports) for task in found.tasks] == [[response.resolve()]]


def test_a_response_is_a_task_without_source_files(tmp_path: Path) -> None:
    response = write(tmp_path, perplexity())
    found = discover_tasks([tmp_path], load_pack())
    assert [list(task.reports) for task in found.tasks] == [[response.resolve()]]
    assert not found.skipped


def test_deep_nesting_is_a_one_line_error_and_big_json_is_not_parsed_to_sniff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"report": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    outcome = CliRunner().invoke(main, ["lint", str(deep)])
    assert outcome.exit_code == 2 and "nested too deeply" in outcome.output
    response = write(tmp_path, perplexity())
    assert is_envelope_file(response)
    monkeypatch.setattr(envelope, "ENVELOPE_SNIFF_LIMIT", response.stat().st_size - 1)
    assert not is_envelope_file(response), "a file that size is a collection, not an answer"
    assert citecheck.check(response, select=["CC101"]).findings, "named, it is still read"
