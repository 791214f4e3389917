"""Decoding report files and refusing unusable ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from citecheck.errors import InputError
from citecheck.report.decode import read_text

TEXT = "《报告》\n模型很好。[Doc: pdf.pdf]\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "report.md"
    path.write_bytes(data)
    decoded = read_text(path)
    assert (decoded.text, decoded.encoding, decoded.damaged) == (TEXT, encoding, False)
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (bytes([0x80, 0xFF, 0x80, 0xFF]), "decode"),
    ],
)
def test_unusable_files_raise_input_error_naming_the_path(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_text(path)
    assert str(path) in str(error.value)
    assert problem in str(error.value)
    assert "\n" not in str(error.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_text(tmp_path / "nope.md")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_seed_002_raw_and_repaired_are_damaged(seed: Callable[..., Path]) -> None:
    assert read_text(seed("002")).damaged
    assert read_text(seed("002", ".repaired.txt")).damaged
    assert not read_text(seed("000")).damaged
