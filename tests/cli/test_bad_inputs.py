"""Bad inputs through the real stages: exit 2 with one line naming the file, or a finding.

These need the real parser and corpus loader; they skip until those land.
"""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

pytest.importorskip("citecheck.report.parse")
pytest.importorskip("citecheck.report.suppress")
pytest.importorskip("citecheck.corpus.folder")
pytest.importorskip("citecheck.corpus.trace")

from citecheck.cli import main

CHEAP_RULES = ("--select", "CC1,CC5,CC9")


def lint(*args: object):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return CliRunner().invoke(main, ["lint", *map(str, args), *CHEAP_RULES])


def assert_one_line_error(outcome, path: Path) -> None:
    assert outcome.exit_code == 2, outcome.output
    lines = outcome.output.strip().splitlines()
    assert len(lines) == 1, outcome.output
    assert lines[0].startswith(f"citecheck: {path}: ")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:

    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "The survey covered 120 participants.")
    document.save(tmp_path / "paper.pdf")
    return tmp_path


def report(folder: Path, text: str, name: str = "report.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_binary_report(corpus: Path) -> None:
    path = corpus / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    before = path.read_bytes()
    assert_one_line_error(lint(path, "--corpus", corpus), path)
    assert path.read_bytes() == before


def test_empty_report(corpus: Path) -> None:
    path = corpus / "empty.md"
    path.write_bytes(b"")
    assert_one_line_error(lint(path, "--corpus", corpus), path)


def _encrypted_pdf(path: Path) -> None:
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "secret")
    document.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.write_bytes(b"%PDF-1.7\nthis is not a pdf at all\n"), "corrupt"),
        (lambda p: p.write_bytes(b""), "empty"),
        (_encrypted_pdf, "encrypted"),
    ],
)
def test_unreadable_cited_pdf_is_an_input_error(corpus: Path, make, problem: str) -> None:
    broken = corpus / "broken.pdf"
    make(broken)
    path = report(corpus, "# R\n\nThe survey covered 120 people [Doc: broken.pdf, page 1].\n")
    before = path.read_bytes()
    outcome = lint(path, "--corpus", corpus)
    assert_one_line_error(outcome, broken)
    assert problem in outcome.output.casefold()
    assert path.read_bytes() == before


def test_invalid_collection_json(corpus: Path) -> None:
    collection = corpus / "long_context.json"
    collection.write_text('[{"title": "A", "content": ', encoding="utf-8")
    path = report(corpus, '# R\n\nA fact [long_context: "A", chunk 1].\n')
    assert_one_line_error(lint(path, "--corpus", corpus), collection)


def test_citation_outside_corpus_is_a_finding_not_a_read(corpus: Path) -> None:
    secret = corpus.parent / "secret.pdf"
    secret.write_bytes(b"%PDF-1.7 never read")
    (corpus / "link.pdf").symlink_to(secret)
    path = report(
        corpus,
        "# R\n\nA fact [Doc: ../../etc/passwd].\n\nAnother fact [Doc: link.pdf, page 1].\n",
    )
    outcome = CliRunner().invoke(
        main, ["lint", str(path), "--corpus", str(corpus), "--select", "CC102", "--format", "json"]
    )
    assert outcome.exit_code == 1, outcome.output
    assert outcome.output.count('"code": "CC102"') == 2


def test_suppression_comment_in_real_report(corpus: Path) -> None:
    text = "# R\n\n<!-- citecheck: disable-next-line CC102 -->\nA fact [Doc: ../../etc/passwd].\n"
    path = report(corpus, text)
    outcome = CliRunner().invoke(
        main, ["lint", str(path), "--corpus", str(corpus), "--select", "CC102"]
    )
    assert outcome.exit_code == 0, outcome.output


def test_damaged_encoding_seed_is_a_warning_not_an_error(seeds: Path) -> None:
    seed = next(iter(sorted(seeds.glob("002_*[0-9a-f].txt"))), None)
    if seed is None:
        pytest.skip("shared seeds not present")
    before = seed.read_bytes()
    outcome = CliRunner().invoke(
        main, ["lint", str(seed), "--select", "CC901", "--format", "json", "--fail-on", "never"]
    )
    assert outcome.exit_code == 0, outcome.output
    assert '"code": "CC901"' in outcome.output
    assert seed.read_bytes() == before
