"""PDF tables become one evidence unit per row, every cell named by its column."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from citecheck.corpus.pdf import PdfDocument
from citecheck.corpus.tables import text_tables

ROWS = [
    ("Model", "Dataset", "Accuracy"),
    ("Qwen2.5-7B", "GSM8K", "73.5"),
    ("Qwen2.5-7B", "MATH", "41.2"),
    ("Llama-3-8B", "GSM8K", "68.0"),
]


def _text_table_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    lines = ["Results are averaged over three seeds.", "", "表 2：不同模型在两个数据集上的准确率"]
    lines += ["    ".join(f"{cell:<12}" for cell in row) for row in ROWS]
    lines += ["", "The gap is largest on MATH."]
    page.insert_text((50, 72), "\n".join(lines), fontname="china-s", fontsize=9)
    doc.save(path)
    return path


def _ruled_table_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((50, 60), "Table 3: Accuracy of two models on two benchmarks.", fontsize=10)
    left, top, width, height = 50, 80, 150, 24
    for r, row in enumerate(ROWS):
        for c, cell in enumerate(row):
            page.insert_text((left + c * width + 4, top + r * height + 16), cell, fontsize=10)
    for r in range(len(ROWS) + 1):
        y = top + r * height
        page.draw_line((left, y), (left + 3 * width, y))
    for c in range(4):
        x = left + c * width
        page.draw_line((x, top), (x, top + len(ROWS) * height))
    doc.save(path)
    return path


def test_a_space_aligned_table_under_a_caption_becomes_rows() -> None:
    text = (
        "Intro.\nTable 1: Win rates.\nModel   Method    Win rate\n"
        "A-1   DPO   51.2%\nB-2   SFT   49.0%\nAfter."
    )
    [table] = text_tables(text)
    assert (table.label, table.caption) == ("Table 1", "Win rates.")
    assert table.header == ["Model", "Method", "Win rate"]
    assert table.rows == [["A-1", "DPO", "51.2%"], ["B-2", "SFT", "49.0%"]]


def test_prose_is_not_a_table() -> None:
    assert text_tables("Table 1 shows the results.\nThe model wins.\nIt is fast.") == []


def test_text_table_rows_are_evidence_units(tmp_path) -> None:
    pdf = PdfDocument(_text_table_pdf(tmp_path / "t.pdf"))
    rows = [u for u in pdf.passages(1) if u.kind == "table-row"]
    assert [u.locator for u in rows] == [f"page 1, 表 2, row {i}" for i in (1, 2, 3)]
    assert "Model: Qwen2.5-7B · Dataset: MATH · Accuracy: 41.2" in rows[1].text
    assert rows[1].text.startswith("表 2 (不同模型在两个数据集上的准确率)")
    assert any(u.kind == "passage" and "three seeds" in u.text for u in pdf.passages(1))


def test_ruled_table_rows_keep_row_and_column_together(tmp_path) -> None:
    pdf = PdfDocument(_ruled_table_pdf(tmp_path / "r.pdf"))
    rows = [u for u in pdf.passages(1) if u.kind == "table-row"]
    assert len(rows) == 3
    assert rows[2].locator == "page 1, Table 3, row 3"
    assert "Model: Llama-3-8B · Dataset: GSM8K · Accuracy: 68.0" in rows[2].text
    assert "Accuracy of two models" in rows[2].text


def test_cells_placed_one_by_one_are_regrouped_into_rows(tmp_path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((50, 60), "Table 2: Identification on the test set.", fontsize=10)
    for r, row in enumerate(
        [("System", "Top-1", "Top-5"), ("GPT-4o", "61.9", "80.3"), ("PestLens", "78.4", "94.6")]
    ):
        for c, cell in enumerate(row):  # each cell its own text object, so its own line
            page.insert_text((50 + c * 120, 90 + r * 18), cell, fontsize=10)
    doc.save(tmp_path / "p.pdf")
    rows = [u for u in PdfDocument(tmp_path / "p.pdf").passages(1) if u.kind == "table-row"]
    assert [u.text for u in rows] == [
        "Table 2 (Identification on the test set.) · System: GPT-4o · Top-1: 61.9 · Top-5: 80.3",
        "Table 2 (Identification on the test set.) · System: PestLens · Top-1: 78.4 · Top-5: 94.6",
    ]
