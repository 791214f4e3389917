"""How citecheck's time grows with each input dimension: linear work keeps the ratio
per 10× input near 10 (target ≤ 12×).

Dimensions: report size (parse and lint of 0.1, 1 and 10 MB reports) and trace size
(10 and 100 MB), and the shapes a red team found quadratic (issue 16): one paragraph
of 1k/10k/100k one-line cited sentences (parse), a collection of 10k/100k/1M tiny
documents (the first lint, which builds its index), a ``video.meta.json`` of
100/1k/10k speakers (lint with the speaker rules), and an HTML audit of a report
with 200/2k/20k inline finding spans (render).

Reports are built from varied paragraphs, bullets, tables and headings with
citations into the demo corpus (``corpora/demo``); lint runs rules that need no
model, so the numbers measure citecheck's own work. Traces repeat the retrieval
listings and tool calls of the MiroFlow run-log format.

    .venv/bin/python benchmarks/bench_scaling.py            # all sizes
    .venv/bin/python benchmarks/bench_scaling.py --quick    # the two smaller sizes of each
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_html import stress_result
from citecheck.config import Config
from citecheck.corpus.trace import load_trace
from citecheck.emitters.html import render
from citecheck.pipeline import LintOptions, lint
from citecheck.report.parse import parse_report
from citecheck.rulepack import RulePack, load_pack

DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"
MB = 1_000_000
TARGET_RATIO = 12.0


def report_text(size: int) -> str:
    """A report of about ``size`` bytes: sections of mixed blocks, every claim cited."""
    parts = ["# 阅读报告\n\n"]
    total, section = 0, 0
    while total < size:
        section += 1
        block = (
            f"## 第 {section} 节 方法与结果\n\n"
            f"论文在第 {section % 14 + 1} 页报告了 {section * 3}% 的提升"
            f"[文档: pdf.pdf, page {section % 14 + 1}]。作者还比较了 {section} 个基线。\n\n"
            f'- 检索到的文档讨论了量化[long_context: "Transformer 架构", chunk {section % 5}]。\n'
            f"- The speaker explains step {section} of the method [视频: video.mp4].\n\n"
            "| 模型 | 分数 |\n|---|---|\n"
            f"| A{section} | {section % 97}.5 |\n| B{section} | {section % 89}.1 |\n\n"
        )
        parts.append(block)
        total += len(block.encode("utf-8"))
    return "".join(parts)


def trace_text(size: int) -> str:
    """A run log of about ``size`` bytes of tool calls and retrieval listings."""
    parts: list[str] = []
    total, call = 0, 0
    while total < size:
        call += 1
        block = (
            f"--- Message {call} ---\n"
            "Message: Connecting to server 'tool-rag' to call tool 'rag_search'\n"
            "... ✅ ToolManager | Tool Call Success\n"
            "=== RAG Search Results ===\n"
            f"Query: 'question {call}'\n"
            "Results Found: 3\n"
            + "".join(
                f'Result {n}\nCitation: [long_context: "Document {call % 50}", chunk {n}]\n'
                f"Text: passage {call}-{n} about the method and its evaluation.\n"
                for n in range(1, 4)
            )
        )
        parts.append(block)
        total += len(block.encode("utf-8"))
    return "".join(parts)


REPEATS = 2


def timed(work: Callable[[], object]) -> float:
    """The best of :data:`REPEATS` runs: other load on the machine only adds time."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def print_series(name: str, sizes: list[int], seconds: list[float], unit: str = "MB") -> bool:
    """Print one row per size with the growth per 10× input; True when all ≤ target."""
    within = True
    for index, (size, took) in enumerate(zip(sizes, seconds, strict=True)):
        ratio = ""
        if index:
            growth = took / max(seconds[index - 1], 1e-6)
            per_10x = growth ** (1 / max(1e-9, math.log10(size / sizes[index - 1])))
            within = within and per_10x <= TARGET_RATIO
            ratio = f"  ×{per_10x:.1f} per 10× input"
        shown = f"{size / MB:>9.1f} MB" if unit == "MB" else f"{size:>9,} {unit}"
        print(f"{name:<16} {shown:<16} {took:8.2f} s{ratio}")
    return within


def paragraph_report(path: Path, sentences: int, *, one_line: bool = False) -> Path:
    """One paragraph of ``sentences`` cited sentences with bold and code spans, one per
    line (no blank line between) or all on one line."""
    body = (" " if one_line else "\n").join(
        f"The **method** reaches {n % 97}.5 on `bench-{n}` [Doc: pdf.pdf, page {n % 14 + 1}]."
        for n in range(sentences)
    )
    path.write_text(f"# Report\n\n{body}\n", encoding="utf-8")
    return path


def tiny_collection_task(folder: Path, documents: int) -> Path:
    """A task folder whose collection holds ``documents`` one-line documents; its report."""
    folder.mkdir()
    shutil.copy(DEMO / "pdf.pdf", folder / "pdf.pdf")
    rows = [{"title": f"Note {n}", "content": f"tiny note {n}"} for n in range(documents)]
    (folder / "long_context.json").write_text(json.dumps(rows), encoding="utf-8")
    report = folder / "report.md"
    report.write_text('# R\n\nA claim [long_context: "Note 7", chunk 1].\n', encoding="utf-8")
    return report


def crowded_talk_task(folder: Path, speakers: int) -> Path:
    """The demo task with a video meta naming ``speakers`` audience members; its report."""
    shutil.copytree(DEMO, folder, ignore=shutil.ignore_patterns(".citecheck-cache", "reports"))
    cast = [{"name": f"Listener Number{n}", "role": "audience member"} for n in range(speakers)]
    meta = {"title": "Talk", "presenter": "Mara Okafor", "speakers": cast, "language": "en"}
    (folder / "video.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    report = folder / "report.md"
    report.write_text(
        "# R\n\nMara Okafor presents the method [Video: video.mp4].\n\n"
        "Daniel Brooks explains the results [Video: video.mp4].\n",
        encoding="utf-8",
    )
    return report


def first_lint(build: Callable[[Path], Path], scratch: Path, config: Config) -> float:
    """The best of :data:`REPEATS` first lints, each of a freshly built task folder."""
    best = float("inf")
    for repeat in range(REPEATS):
        report = build(scratch / f"task-{time.monotonic_ns()}-{repeat}")
        start = time.perf_counter()
        lint([report], LintOptions(corpus=report.parent, config=config))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the two smaller sizes of each")
    args = parser.parse_args()
    steps = 2 if args.quick else 3
    report_sizes = [MB // 10, MB, 10 * MB][:steps]
    trace_sizes = [MB, 10 * MB] if args.quick else [10 * MB, 100 * MB]
    pack = load_pack()
    config = Config().with_overrides(select=["CC1", "CC5", "CC9"])
    ok = True
    with tempfile.TemporaryDirectory() as scratch:
        reports = []
        for size in report_sizes:
            path = Path(scratch) / f"report-{size}.md"
            path.write_text(report_text(size), encoding="utf-8")
            reports.append(path)
        lint(reports[:1], LintOptions(corpus=DEMO, config=config))  # warm the corpus index
        load_trace_text = trace_text(MB // 10)  # and the trace reader's first-call costs
        (Path(scratch) / "warm.log").write_text(load_trace_text, encoding="utf-8")
        load_trace(Path(scratch) / "warm.log")
        parse_times = [timed(lambda p=path: parse_report(p, pack)) for path in reports]
        ok &= print_series("report parse", report_sizes, parse_times)
        lint_times = [
            timed(lambda p=path: lint([p], LintOptions(corpus=DEMO, config=config)))
            for path in reports
        ]
        ok &= print_series("report lint", report_sizes, lint_times)
        trace_times = []
        for size in trace_sizes:
            path = Path(scratch) / f"trace-{size}.log"
            path.write_text(trace_text(size), encoding="utf-8")
            trace_times.append(timed(lambda p=path: load_trace(p)))
            path.unlink()
        ok &= print_series("trace load", trace_sizes, trace_times)
        ok &= _red_team_dimensions(Path(scratch), steps, pack)
    print(f"linear (≤ {TARGET_RATIO:.0f}× per 10× input): {'yes' if ok else 'NO'}")


def _red_team_dimensions(scratch: Path, steps: int, pack: RulePack) -> bool:
    """The input shapes issue 16 found quadratic, at ×10 steps."""
    ok = True
    lines = [1_000, 10_000, 100_000][:steps]
    paragraphs = [paragraph_report(scratch / f"paragraph-{n}.md", n) for n in lines]
    times = [timed(lambda p=path: parse_report(p, pack)) for path in paragraphs]
    ok &= print_series("paragraph parse", lines, times, "lines")

    resolution = Config().with_overrides(select=["CC1"])
    documents = [10_000, 100_000, 1_000_000][:steps]
    times = [
        first_lint(lambda f, n=n: tiny_collection_task(f, n), scratch, resolution)
        for n in documents
    ]
    ok &= print_series("collection lint", documents, times, "docs")

    speaker_rules = Config().with_overrides(select=["CC3", "CC4"], transcribe="off")
    first_lint(lambda f: crowded_talk_task(f, 10), scratch, speaker_rules)  # load jieba, pinyin
    speakers = [100, 1_000, 10_000][:steps]
    times = [
        first_lint(lambda f, n=n: crowded_talk_task(f, n), scratch, speaker_rules) for n in speakers
    ]
    ok &= print_series("speakers lint", speakers, times, "speakers")

    spans = [200, 2_000, 20_000][:steps]
    results = [
        stress_result(paragraph_report(scratch / f"spans-{n}.md", n // 2, one_line=True))
        for n in spans
    ]
    times = [timed(lambda r=result: render(r)) for result in results]
    ok &= print_series("html render", [len(r.findings) for r in results], times, "spans")
    return ok


if __name__ == "__main__":
    main()
