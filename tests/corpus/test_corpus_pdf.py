"""PdfDocument: pages, passages, metadata, bibliography and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.corpus.pdf import PdfDocument, parse_bib_entry
from citecheck.derived import DerivedStore
from citecheck.errors import InputError
from tests.corpus.corpus_factories import REFERENCES, TITLE, build_encrypted, build_paper


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> PdfDocument:
    return PdfDocument(build_paper(tmp_path_factory.mktemp("pdf") / "paper.pdf", body_pages=2))


def test_pages_are_one_based(paper: PdfDocument) -> None:
    assert paper.page_count == 4
    assert "Learning Dynamics" in paper.page_text(1)
    assert "Section 3.1." in paper.page_text(3)
    with pytest.raises(IndexError):
        paper.page_text(5)


def test_passages_are_paragraphs_with_locators(paper: PdfDocument) -> None:
    passages = paper.passages(2)
    assert [p.locator for p in passages] == [f"page 2, passage {i}" for i in (1, 2, 3)]
    assert all(p.kind == "passage" and p.page == 2 and p.source == "paper.pdf" for p in passages)
    assert passages[1].text.startswith("Section 2.2.")
    assert all(300 <= len(p.text) <= 800 for p in passages)
    assert len(paper.all_passages()) >= 1 + 3 + 3 + 1


def test_metadata_from_first_page(paper: PdfDocument) -> None:
    meta = paper.metadata
    assert meta.title == TITLE
    assert meta.authors == ["Yi Ren", "Danica J. Sutherland"]
    assert meta.affiliations == ["University of British Columbia"]
    assert (meta.venue, meta.year) == ("ICLR", 2025)


def test_bibliography_parses_author_year_entries(paper: PdfDocument) -> None:
    entries = paper.bibliography()
    assert len(entries) == len(REFERENCES)
    holtzman = entries[0]
    assert holtzman.authors == ["Ari Holtzman", "Jan Buys", "Li Du", "Maxwell Forbes", "Yejin Choi"]
    assert holtzman.surnames[0] == "Holtzman"
    assert holtzman.title == "The curious case of neural text degeneration"
    assert (holtzman.venue, holtzman.year, holtzman.page) == ("ICLR", 2020, 4)
    assert entries[1].surnames == ["Rafailov", "Sharma", "Mitchell", "Ermon", "Manning", "Finn"]
    assert entries[2].year == 2018


def test_bib_entry_with_et_al_and_without_structure() -> None:
    entry = parse_bib_entry("Yi Ren et al. Learning dynamics. arXiv preprint, 2024.", page=9)
    assert entry.authors == ["Yi Ren et al"] and entry.surnames == ["Ren"]
    assert entry.year == 2024 and entry.title == "Learning dynamics"
    bare = parse_bib_entry("ACME 2019", page=1)
    assert bare.authors == [] and bare.year == 2019


def test_encrypted_pdf_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="encrypted PDF cannot be read"):
        PdfDocument(build_encrypted(tmp_path / "locked.pdf"))


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty file"), (b"%PDF-1.7\nthis is not really a pdf", "corrupt or not a PDF")],
)
def test_empty_or_corrupt_pdf_is_an_input_error(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as caught:
        PdfDocument(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == content


def test_a_stored_pdf_is_read_again_without_opening_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_paper(tmp_path / "paper.pdf", body_pages=2)
    store = DerivedStore(tmp_path / "derived.sqlite")
    first = PdfDocument(path, store)
    read = [first.all_passages(), first.metadata, first.page_lines(2)]

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("pymupdf opened although every page was stored")

    monkeypatch.setattr(PdfDocument, "_open", refuse)
    second = PdfDocument(path, store)
    assert [second.all_passages(), second.metadata, second.page_lines(2)] == read
    assert second.page_count == first.page_count


def test_a_changed_pdf_is_not_served_from_the_store(tmp_path: Path) -> None:
    path = build_paper(tmp_path / "paper.pdf", body_pages=2)
    store = DerivedStore(tmp_path / "derived.sqlite")
    assert PdfDocument(path, store).page_count == 4
    build_paper(path, body_pages=3)
    assert PdfDocument(path, store).page_count == 5
