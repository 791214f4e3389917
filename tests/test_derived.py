"""DerivedStore: values kept under input digest and code fingerprint, an optimisation
only (a damaged database or an undecodable value is derived again)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from citecheck.derived import DerivedStore, code_fingerprint, file_digest


def test_a_stored_value_is_served_without_deriving_again(tmp_path: Path) -> None:
    calls: list[int] = []

    def derive() -> list[int]:
        calls.append(1)
        return [1, 2, 3]

    first = DerivedStore(tmp_path / "d.sqlite").get_or_derive(("code", "input", "part"), derive)
    again = DerivedStore(tmp_path / "d.sqlite").get_or_derive(("code", "input", "part"), derive)
    assert first == again == [1, 2, 3]
    assert len(calls) == 1


def test_another_code_fingerprint_or_input_is_another_key(tmp_path: Path) -> None:
    store = DerivedStore(tmp_path / "d.sqlite")
    store.put(("code-1", "input", "part"), "old")
    assert store.get(("code-2", "input", "part"), str) is None
    assert store.get(("code-1", "other input", "part"), str) is None
    assert store.get(("code-1", "input", "part"), str) == "old"


def test_a_value_that_does_not_decode_is_derived_again(tmp_path: Path) -> None:
    store = DerivedStore(tmp_path / "d.sqlite")
    store.put(("k",), {"unexpected": "shape"})
    value = store.get_or_derive(("k",), lambda: [4], decode=lambda raw: [int(x) for x in raw["n"]])
    assert value == [4]
    assert store.get(("k",), lambda raw: list(raw)) == [4]


def test_a_damaged_database_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    path.write_bytes(b"\x93not a database\x00" * 64)
    store = DerivedStore(path)
    assert store.get_or_derive(("k",), lambda: "fresh") == "fresh"
    assert DerivedStore(path).get(("k",), str) == "fresh"


def test_code_fingerprint_follows_the_modules_named() -> None:
    assert code_fingerprint("citecheck.derived") == code_fingerprint("citecheck.derived")
    assert code_fingerprint("citecheck.derived") != code_fingerprint("citecheck.errors")
    assert code_fingerprint("citecheck.derived") != code_fingerprint(
        "citecheck.derived", packages=("pydantic",)
    )


def test_file_digest_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    data = b"x" * 3_000_000
    (tmp_path / "f").write_bytes(data)
    assert file_digest(tmp_path / "f") == hashlib.sha256(data).hexdigest()
