"""How parse and lint time grow with input size: reports of 0.1, 1 and 10 MB, traces
of 10 and 100 MB. Linear work keeps the ratio per 10× input near 10 (target ≤ 12×).

Reports are built from varied paragraphs, bullets, tables and headings with
citations into the demo corpus (``corpora/demo``); lint runs the rules that need
no model (CC1xx, CC5xx, CC9xx), so the numbers measure citecheck's own work.
Traces repeat the retrieval listings and tool calls of the MiroFlow run-log format.

    .venv/bin/python benchmarks/bench_scaling.py            # all sizes
    .venv/bin/python benchmarks/bench_scaling.py --quick    # 0.1/1 MB reports, 1/10 MB traces
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from citecheck.config import Config
from citecheck.corpus.trace import load_trace
from citecheck.pipeline import LintOptions, lint
from citecheck.report.parse import parse_report
from citecheck.rulepack import load_pack

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


def print_series(name: str, sizes: list[int], seconds: list[float]) -> bool:
    """Print one row per size with the ratio to the previous size; True when all ≤ target."""
    within = True
    for index, (size, took) in enumerate(zip(sizes, seconds, strict=True)):
        ratio = ""
        if index:
            growth = took / max(seconds[index - 1], 1e-6)
            per_10x = growth ** (1 / max(1e-9, _log10(size / sizes[index - 1])))
            within = within and per_10x <= TARGET_RATIO
            ratio = f"  ×{per_10x:.1f} per 10× input"
        print(f"{name:<14} {size / MB:>7.1f} MB  {took:8.2f} s{ratio}")
    return within


def _log10(value: float) -> float:
    import math

    return math.log10(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (about 20 s)")
    args = parser.parse_args()
    report_sizes = [MB // 10, MB] if args.quick else [MB // 10, MB, 10 * MB]
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
    print(f"linear (≤ {TARGET_RATIO:.0f}× per 10× input): {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
