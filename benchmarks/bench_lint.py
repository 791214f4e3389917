"""Lint benchmark (issue 2): a 12,000-document collection, first and warm runs.

Generates a task folder (in a temporary directory, or ``--workdir``): a
long_context.json of 12,000 documents of 8-10 KB each (over 100 MB), a 15-page
PDF and a 3,000-字 report with about 60 claims citing about 40 chunks. Then it
runs ``citecheck lint REPORT --corpus DIR --select CC1 --format json`` twice as
a subprocess, measuring wall time including interpreter start-up and the peak
RSS of the child, and prints them against the targets:

- first lint (builds the collection index) <= 60 s
- second lint (warm: index reused) <= 2 s
- peak memory <= 1 GB

With ``--full`` every rule runs, the support judge (the cross-encoder) included,
and the targets are those of the full lint: first run <= 10 s, warm <= 2 s.

Usage: ``python benchmarks/bench_lint.py [--workdir DIR] [--documents 12000] [--full]``
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pymupdf

TARGET_FIRST_S = 60.0
TARGET_FULL_FIRST_S = 10.0
TARGET_WARM_S = 2.0
TARGET_PEAK_MB = 1024.0
PDF_PAGES = 15
CITED_DOCUMENTS = 20
CHUNKS_PER_CITED_DOCUMENT = 2
CLAIMS = 60

_WORDS = [
    "大模型",
    "微调",
    "偏好",
    "对齐",
    "数据",
    "训练",
    "推理",
    "注意力",
    "概率",
    "分布",
    "梯度",
    "损失",
    "评估",
    "部署",
    "量化",
    "检索",
    "知识",
    "生成",
    "解码",
    "参数",
    "优化",
    "样本",
    "标注",
    "指令",
    "奖励",
    "策略",
    "采样",
    "上下文",
    "向量",
    "架构",
]


def _paragraph(rng: random.Random, chars: int) -> str:
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = "".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 14))) + "。"
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)


def write_collection(path: Path, documents: int, rng: random.Random) -> list[str]:
    """Stream ~8-10 KB documents into a JSON array; returns the titles."""
    titles = [
        f"大模型技术文章第{i}篇：{rng.choice(_WORDS)}{rng.choice(_WORDS)}实践-CSDN博客"
        for i in range(documents)
    ]
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[\n")
        for index, title in enumerate(titles):
            # ~3,000 CJK characters is ~9 KB of UTF-8
            paragraphs = [_paragraph(rng, rng.randint(500, 700)) for _ in range(5)]
            record = {"title": title, "content": "\n".join(paragraphs)}
            handle.write(json.dumps(record, ensure_ascii=False))
            handle.write(",\n" if index < documents - 1 else "\n")
        handle.write("]\n")
    return titles


def write_pdf(path: Path, rng: random.Random) -> None:
    """A 15-page English PDF with enough text per page to be realistic."""
    doc = pymupdf.open()
    words = [
        "preference",
        "model",
        "policy",
        "gradient",
        "mass",
        "probability",
        "response",
        "chosen",
        "rejected",
        "kernel",
    ]
    for number in range(1, PDF_PAGES + 1):
        page = doc.new_page()
        text = " ".join(rng.choice(words) for _ in range(420))
        page.insert_textbox(
            pymupdf.Rect(60, 60, 535, 780), f"Section {number}. {text}.", fontsize=9
        )
    doc.save(path)


def write_report(path: Path, titles: list[str], rng: random.Random) -> tuple[int, int]:
    """A ~3,000-字 Chinese report; returns (claims, distinct cited chunks)."""
    cited = rng.sample(titles, CITED_DOCUMENTS)
    chunks = [(title, n) for title in cited for n in range(CHUNKS_PER_CITED_DOCUMENT)]
    lines = ["# 大模型偏好微调学习报告", ""]
    for index in range(CLAIMS):
        title, chunk = chunks[index % len(chunks)]
        if index % 3 == 2:
            citation = f"[文档: pdf.pdf, page {index % PDF_PAGES + 1}]"
        else:
            citation = f'[long_context: "{title}", chunk {chunk}]'
        lines.append(_paragraph(rng, 45) + citation)
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return CLAIMS, len(chunks)


@dataclass
class Run:
    """One timed lint run."""

    wall_s: float
    exit_code: int
    findings: int | None


def lint_once(command: list[str]) -> Run:
    """Run the CLI once; wall time includes interpreter start-up."""
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"citecheck exited {completed.returncode}")
    findings = len(json.loads(completed.stdout)["findings"]) if completed.stdout.strip() else None
    return Run(wall, completed.returncode, findings)


def peak_child_rss_mb() -> float:
    """Peak resident memory of any finished child so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, help="where to generate the corpus (kept)")
    parser.add_argument("--documents", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=12000)
    parser.add_argument("--full", action="store_true", help="all rules, the judge included")
    args = parser.parse_args()
    target_first = TARGET_FULL_FIRST_S if args.full else TARGET_FIRST_S

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="citecheck-bench-"))
    corpus = workdir / "task"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    titles = write_collection(corpus / "long_context.json", args.documents, rng)
    write_pdf(corpus / "pdf.pdf", rng)
    report = workdir / "report.md"
    claims, cited_chunks = write_report(report, titles, rng)
    size_mb = (corpus / "long_context.json").stat().st_size / 1e6
    print(
        f"corpus: {args.documents} documents, {size_mb:.1f} MB, {PDF_PAGES}-page PDF "
        f"(generated in {time.perf_counter() - started:.1f} s)"
    )
    print(f"report: {claims} claims citing {cited_chunks} chunks")

    cli = shutil.which("citecheck", path=str(Path(sys.executable).parent)) or "citecheck"
    command = [
        cli,
        "lint",
        str(report),
        "--corpus",
        str(corpus),
        *([] if args.full else ["--select", "CC1"]),
        "--format",
        "json",
    ]
    print("command:", " ".join(command))
    first = lint_once(command)
    warm = lint_once(command)
    peak = peak_child_rss_mb()

    print(
        f"first lint (index build): {first.wall_s:6.2f} s   target <= {target_first:.0f} s   "
        f"{_verdict(first.wall_s <= target_first)}"
    )
    print(
        f"second lint (warm):       {warm.wall_s:6.2f} s   target <= {TARGET_WARM_S:.0f} s   "
        f"{_verdict(warm.wall_s <= TARGET_WARM_S)}"
    )
    print(
        f"peak RSS (child):         {peak:6.0f} MB  target <= {TARGET_PEAK_MB:.0f} MB "
        f"{_verdict(peak <= TARGET_PEAK_MB)}"
    )
    print(
        f"findings: first {first.findings}, warm {warm.findings} "
        f"(exit {first.exit_code}/{warm.exit_code})"
    )
    if args.workdir is None:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
