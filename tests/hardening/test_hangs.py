"""Small hostile inputs finish quickly: no exponential regex, no quadratic pass, no
blocking read, no unbounded memory. Each bound is a hang guard, far above the
measured time (``benchmarks/bench_scaling.py`` measures growth)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from citecheck.corpus import collection
from citecheck.corpus.damaged import DamagedTitle
from citecheck.corpus.trace import parse_trace, same_title
from citecheck.judge.numerals import extract_quantities
from citecheck.report.parse import parse_text
from citecheck.rulepack import load_pack
from tests.hardening.hostile import assert_clean_error, run_cli, run_process

GUARD_SECONDS = 15.0


def within_guard(work: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = work()
    assert time.perf_counter() - start < GUARD_SECONDS
    return result


def _parse(text: str) -> object:
    return parse_text(text, "r.md", load_pack())


@pytest.mark.parametrize(
    "text",
    [
        "# t\n\n说法[Xa" + "andXa" * 30 + "!]。\n",  # 'and' is separator and name
        "# t\n\n说法[Xa" + " and Xa" * 40 + "!]。\n",
        "# t\n\n说法[" + "A, " * 3000 + "!]。\n",
    ],
    ids=["glued-and", "spaced-and", "many-names"],
)
def test_attribution_lookalikes_parse_quickly(text: str) -> None:
    report = within_guard(lambda: _parse(text))
    assert report.citations == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "damaged",
    [
        "DPO直接" + "\ufffd" * 18 + "Z",
        "DPO直接" + "\ufffdx" * 18 + "Z",
        "\ufffd".join("abcdefghij" * 3),
    ],
)
def test_damaged_titles_match_quickly(damaged: str) -> None:
    title = DamagedTitle.parse(damaged)
    assert title is not None
    other = "dpo直接" + "x" * 200
    within_guard(lambda: (title.is_prefix_of(other), title.is_shortened(other)))
    assert within_guard(lambda: same_title(damaged, "DPO直接" + "x" * 200)) in (True, False)


def test_a_damaged_title_still_matches_what_it_lost() -> None:
    title = DamagedTitle.parse("写给“纯\ufffd白的大模型入门")
    assert title is not None and title.is_prefix_of("写给纯小白的大模型入门指南")
    assert title.is_shortened("写给纯小白")
    assert not title.is_prefix_of("写给纯小白看的书")


def test_four_hundred_page_ranges_in_one_bracket(task: Path) -> None:
    ranges = ", ".join(f"{500 * i + 1}-{500 * i + 500}" for i in range(400))
    (task / "report.md").write_text(f"# t\n\n说法[文档: pdf.pdf, page {ranges}]。\n", "utf-8")
    outcome = within_guard(lambda: run_cli("lint", task / "report.md", "--select", "CC111"))
    assert outcome.code == 1  # type: ignore[attr-defined]
    assert "15–200000" in outcome.stdout  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "# t\n\n" + "".join(f"第{i}句[文档: pdf.pdf, page {i % 9 + 1}]。" for i in range(10_000)),
        "# t\n\n| a | b |\n|---|---|\n"
        + "".join(f"| 行{i} | 值{i}[文档: pdf.pdf] |\n" for i in range(5000)),
        "".join(f"{'#' * (i % 4 + 1)} 节{i}\n\n段落{i}[文档: pdf.pdf]。\n\n" for i in range(5000)),
    ],
    ids=["10k-citations", "5k-table-rows", "5k-sections"],
)
def test_large_reports_parse_in_linear_time(text: str) -> None:
    report = within_guard(lambda: _parse(text))
    assert len(report.claims) >= 5000  # type: ignore[attr-defined]


def test_number_extraction_on_a_long_claim() -> None:
    claim = "增长了 5% 并在 2020 年达到 3 倍。" * 10_000  # ~250 KB
    found = within_guard(lambda: extract_quantities(claim))
    assert len(found) == 30_000  # type: ignore[arg-type]


def test_a_long_trace_of_listings() -> None:
    listing = (
        "=== RAG Search Results ===\nQuery: 'q'\nResults Found: 1\nResult 1\n"
        'Citation: [long_context: "Doc", chunk 1]\n'
    )
    trace = within_guard(lambda: parse_trace(listing * 40_000))
    assert len(trace.retrievals) == 40_000  # type: ignore[attr-defined]


@pytest.mark.parametrize("where", ["report.md", "long_context.json", "trace.log"])
def test_a_fifo_is_refused_not_waited_on(task: Path, where: str) -> None:
    fifo = task / ("fifo.md" if where == "report.md" else where)
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    report = fifo if where == "report.md" else task / "report.md"
    args = ["lint", report, "--corpus", task, "--select", "CC1"]
    if where == "trace.log":
        args += ["--trace", fifo]
    assert_clean_error(run_process(*args, timeout=60), fifo.name, "not a regular file")


def test_dev_zero_is_refused() -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero")
    assert_clean_error(run_process("lint", zero, timeout=60), "/dev/zero", "not a regular file")


def test_a_huge_chunk_number_in_a_chunk_map_is_refused(task: Path) -> None:
    row = {"title": "Sampling methods for text generation", "chunk": 1_000_000_000, "text": "t"}
    (task / "long_context.chunks.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    outcome = within_guard(lambda: run_cli("lint", task / "report.md", "--select", "CC1"))
    assert_clean_error(outcome, "long_context.chunks.jsonl", "line 1")  # type: ignore[arg-type]


def test_an_oversized_document_in_the_collection_is_refused(
    task: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(collection, "MAX_DOCUMENT_CHARS", 1 << 20)  # 1 Mi instead of 64 Mi
    monkeypatch.setattr(collection, "READ_SIZE", 1 << 16)
    documents = [{"title": "small", "content": "x"}, {"title": "huge", "content": "文" * (3 << 20)}]
    (task / "long_context.json").write_text(json.dumps(documents), encoding="utf-8")
    outcome = within_guard(lambda: run_cli("lint", task / "report.md", "--select", "CC1"))
    assert_clean_error(outcome, "long_context.json", "is over 1 Mi characters")  # type: ignore[arg-type]
