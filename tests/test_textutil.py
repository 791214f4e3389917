"""Language, length, title and mojibake helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from citecheck.textutil import (
    LineIndex,
    cjk_ratio,
    count_length,
    demojibake,
    detect_lang,
    looks_damaged,
    normalise_title,
)


def test_cjk_ratio_and_language() -> None:
    assert cjk_ratio("") == 0.0
    assert cjk_ratio("大模型") == 1.0
    assert detect_lang("Transformer作为大模型的基座，采用编码器结构。") == "zh"
    assert detect_lang("The squeezing effect concentrates probability mass.") == "en"


def test_count_length_counts_cjk_chars_and_latin_words() -> None:
    text = "微调DPO模型Qwen1.5-0.5B很好。[Doc: pdf.pdf]"
    assert count_length(text) == 6 + 2 + 2  # 6 汉字, DPO, Qwen1.5-0.5B, Doc, pdf.pdf
    assert count_length(text, re.compile(r"\[[^\]]*\]")) == 6 + 2


def test_normalise_title_ignores_case_width_and_punctuation() -> None:
    assert normalise_title("Transformer 核心解密：FFN") == normalise_title(
        "transformer核心解密:ＦＦＮ"
    )


def as_cp1252(data: bytes) -> str:
    """``data`` shown the way a cp1252 reader shows it (latin-1 for undefined bytes)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def test_demojibake_repairs_utf8_read_as_cp1252() -> None:
    original = "《大模型技术论文阅读报告》 with English"
    damaged = as_cp1252(original.encode("utf-8"))
    assert damaged != original
    assert demojibake(damaged) == original
    assert demojibake(original) is None
    assert demojibake("plain English text") is None


def test_looks_damaged_for_replacement_characters() -> None:
    assert looks_damaged("大模\ufffd技术\ufffd文\ufffd")
    assert not looks_damaged("大模型技术论文")


def test_seed_002_mojibake_is_detected_and_repaired(seed: Callable[..., Path]) -> None:
    raw = seed("002").read_text(encoding="utf-8")
    repaired = demojibake(raw)
    assert repaired is not None
    assert "技术论文阅读报告" in repaired
    assert looks_damaged(raw)


def test_line_index_offset_inverts_position() -> None:
    text = "第一行\r\nsecond line\n\nlast"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        assert index.offset(*index.position(offset)) == offset
    assert index.offset(2, 99) == text.index("\n\nlast")
    assert index.offset(9, 1) == len(text)
