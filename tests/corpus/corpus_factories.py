"""Builds small PDFs with pymupdf for the corpus tests."""

from __future__ import annotations

from pathlib import Path

import pymupdf

TITLE = "Learning Dynamics of LLM Finetuning"
BODY = (
    "Learning dynamics describe how learning one example changes the model's "
    "prediction on other examples. We decompose the change of the log-probability "
    "into three terms and study supervised finetuning and preference optimisation. "
)
REFERENCES = [
    "Ari Holtzman, Jan Buys, Li Du, Maxwell Forbes, and Yejin Choi. The curious case "
    "of neural text degeneration. In ICLR, 2020.",
    "Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D. "
    "Manning, and Chelsea Finn. Direct preference optimization: Your language model "
    "is secretly a reward model. In NeurIPS, 2023.",
    "Arthur Jacot, Franck Gabriel, and Clement Hongler. Neural tangent kernel: "
    "Convergence and generalization in neural networks. In NeurIPS, 2018.",
]


def _paragraph(page: pymupdf.Page, y: float, text: str, size: float = 10) -> float:
    """Write ``text`` wrapped in a box starting at ``y``; return the y after it."""
    rect = pymupdf.Rect(72, y, 540, y + 200)
    left = page.insert_textbox(rect, text, fontsize=size)
    return y + (200 - left) + 14


def build_paper(path: Path, body_pages: int = 2) -> Path:
    """A paper: title page with authors and abstract, body pages, a References page."""
    doc = pymupdf.open()
    first = doc.new_page()
    first.insert_text((72, 50), "Published as a conference paper at ICLR 2025", fontsize=8)
    first.insert_text((72, 100), TITLE, fontsize=18)
    first.insert_text((72, 130), "Yi Ren, Danica J. Sutherland", fontsize=11)
    first.insert_text((72, 145), "University of British Columbia", fontsize=9)
    first.insert_text((72, 175), "Abstract", fontsize=11)
    _paragraph(first, 185, BODY * 2)
    for number in range(body_pages):
        page = doc.new_page()
        y = 72.0
        for paragraph in range(3):
            y = _paragraph(page, y, f"Section {number + 2}.{paragraph + 1}. " + BODY * 2)
    refs = doc.new_page()
    refs.insert_text((72, 72), "References", fontsize=12)
    y = 90.0
    for entry in REFERENCES:
        y = _paragraph(refs, y, entry, size=9)
    doc.save(path)
    doc.close()
    return path


def build_encrypted(path: Path) -> Path:
    """A one-page PDF that needs a password."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    doc.close()
    return path


def build_collection(path: Path, titles: list[str], paragraphs: int = 3) -> Path:
    """A collection JSON with one document per title; each body names its index."""
    import json

    documents = [
        {
            "title": title,
            "content": "\n".join(f"文档{i}的第{p}段。" * 40 for p in range(paragraphs)),
        }
        for i, title in enumerate(titles)
    ]
    path.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    return path
