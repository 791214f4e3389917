"""Inputs that used to give a wrong answer without a word: now the right finding or
a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from tests.hardening.hostile import assert_clean_error, assert_sidecar_warning, run_cli, run_process

LINT = ("lint", "--select", "CC1", "--format", "json")
TITLE = "Sampling methods for text generation"


def _findings(task: Path, report: str, *extra: object) -> list[dict[str, object]]:
    (task / "report.md").write_text(report, encoding="utf-8")
    outcome = run_cli(*LINT, task / "report.md", "--corpus", task, *extra)
    assert outcome.code in (0, 1), outcome
    return list(json.loads(outcome.stdout)["findings"])


def _codes_and_lines(findings: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(f["code"], f["line"]) for f in findings]


@pytest.mark.parametrize(
    "citation",
    [
        "[文档: pdf.pdf, page -3]",
        "[Doc: pdf.pdf, page 1e9]",
        f'[long_context: "{TITLE}", chunk 1e9]',
    ],
)
def test_impossible_locators_are_out_of_range(task: Path, citation: str) -> None:
    findings = _findings(task, f"# 报告\n\n方法很好{citation}。\n")
    assert _codes_and_lines(findings) == [("CC111", 3)]


def test_a_chunk_in_a_chunk_map_gap_is_out_of_range(task: Path) -> None:
    rows = [{"title": TITLE, "chunk": n, "text": f"mapped chunk {n}"} for n in (0, 5)]
    (task / "long_context.chunks.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    report = (
        f'# 报告\n\n第三块[long_context: "{TITLE}", chunk 3]。\n\n'
        f'第五块[long_context: "{TITLE}", chunk 5]。\n'
    )
    # the folder's trace (found without --trace) never retrieved chunk 5: CC121 there
    findings = [f for f in _findings(task, report) if f["code"] != "CC121"]
    assert _codes_and_lines(findings) == [("CC111", 3)]
    assert "chunk 3" in str(findings[0]["message"])


def test_cr_only_line_endings_keep_their_lines(task: Path) -> None:
    report = "# 报告\r\r第一句[文档: missing.pdf]。\r\r第二句[文档: gone.pdf]。\r"
    assert _codes_and_lines(_findings(task, report)) == [("CC101", 3), ("CC101", 5)]


def test_an_unclosed_citation_is_a_finding_and_still_checked(task: Path) -> None:
    (task / "report.md").write_text(
        "# 报告\n\n表 3 给出了结果[文档: pdf.pdf, page 99\n\n普通的[括号文字\n", encoding="utf-8"
    )
    outcome = run_cli(
        "lint", "--select", "CC105,CC111", "--format", "json", task / "report.md", "--corpus", task
    )
    found = _codes_and_lines(json.loads(outcome.stdout)["findings"])
    assert found == [("CC105", 3), ("CC111", 3)]


def _image_only_pdf(path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(72, 72, 300, 300), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    doc.save(path)


def test_an_image_only_pdf_says_it_has_no_text(task: Path) -> None:
    _image_only_pdf(task / "scan.pdf")
    findings = _findings(task, "# 报告\n\n扫描件说明了方法[文档: scan.pdf, page 1]。\n")
    assert _codes_and_lines(findings) == [("CC101", 3)]
    assert "no text layer" in str(findings[0]["message"])


def test_an_html_file_named_pdf_is_not_read_as_a_pdf(task: Path) -> None:
    (task / "fake.pdf").write_text("<html><body><p>方法很好</p></body></html>", encoding="utf-8")
    (task / "report.md").write_text("# 报告\n\n方法很好[文档: fake.pdf]。\n", encoding="utf-8")
    assert_clean_error(run_cli(*LINT, task / "report.md"), "fake.pdf", "not a PDF")


def test_mupdf_messages_stay_out_of_json_output(task: Path) -> None:
    data = (task / "pdf.pdf").read_bytes()
    stream = data.find(b"stream")
    broken = data[: stream + 200] + data[stream + 400 :]  # MuPDF: "zlib error: …" on stdout
    (task / "pdf.pdf").write_bytes(broken)
    (task / "report.md").write_text("# 报告\n\n方法[文档: pdf.pdf, page 1]。\n", encoding="utf-8")
    outcome = run_process(*LINT, task / "report.md", timeout=120)
    assert "MuPDF" not in outcome.stdout
    json.loads(outcome.stdout)


@pytest.mark.parametrize(
    ("setup", "fragments"),
    [
        ("trace-dir", ("trace", "is a directory")),
        ("empty-collection", ("long_context.json", "is empty")),
        ("list-meta", ("video.meta.json", "valid dictionary")),
    ],
)
def test_messages_say_what_is_wrong(task: Path, setup: str, fragments: tuple[str, ...]) -> None:
    args: list[object] = [task / "report.md", "--corpus", task]
    if setup == "trace-dir":
        (task / "trace").mkdir()
        args += ["--trace", task / "trace"]
    elif setup == "empty-collection":
        (task / "long_context.json").write_text("", encoding="utf-8")
    else:
        (task / "video.meta.json").write_text("[1, 2]", encoding="utf-8")
        for sidecar in ("video.transcript.json", "video.keyframes.json"):
            (task / sidecar).unlink()  # so that the rules turn to the metadata
        (task / "report.md").write_text("# 报告\n\n演讲者说[视频: video.mp4]。\n", encoding="utf-8")
    outcome = run_cli("lint", "--select", "CC1,CC3,CC4,CC9", *args)
    if setup == "list-meta":  # a sidecar is evidence, not an input: warned about, lint goes on
        assert_sidecar_warning(outcome, *fragments)
    else:
        assert_clean_error(outcome, *fragments)
    assert "invalid entry: :" not in outcome.stderr + outcome.stdout


def test_a_file_name_cited_in_nfc_resolves_to_its_nfd_file(task: Path) -> None:
    import unicodedata

    stored = unicodedata.normalize("NFD", "café.pdf")
    (task / "pdf.pdf").rename(task / stored)
    cited = unicodedata.normalize("NFC", "café.pdf")
    findings = _findings(task, f"Greedy decoding repeats itself [Doc: {cited}, page 1].\n")
    assert [f["code"] for f in findings if str(f["code"]).startswith("CC10")] == []


def test_two_documents_with_the_cited_title_are_an_ambiguity_with_both_as_candidates(
    task: Path,
) -> None:
    twins = [
        {"title": TITLE, "content": "Top-p sampling keeps " * 40},
        {"title": TITLE, "content": "Beam search is greedy. " * 40},
    ]
    (task / "long_context.json").write_text(json.dumps(twins), encoding="utf-8")
    findings = _findings(task, f'Top-p keeps a nucleus [long_context: "{TITLE}", chunk 0].\n')
    assert [f["code"] for f in findings] == ["CC103"]
    message = str(findings[0]["message"])
    assert "2 documents" in message and "documents 0, 1" in message


def test_a_claim_between_two_comments_is_shown_in_the_html_audit(task: Path) -> None:
    line = "<!-- a --> Greedy decoding repeats itself [文档: pdf.pdf, page 99] <!-- b -->\n"
    (task / "report.md").write_text(line, encoding="utf-8")
    outcome = run_cli(
        "lint", task / "report.md", "--corpus", task, "--select", "CC1", "--format", "html"
    )
    assert outcome.code == 1
    body = outcome.stdout.split('id="citecheck-result"')[0]
    assert "Greedy decoding repeats itself" in body
