"""Batch-audit benchmark (issue 11): reports per minute for --jobs 1, --jobs 2 and Ray.

Generates ``--count`` task folders (default 200) in a temporary directory (or
``--workdir``). Every folder gets the demo corpus's sources as hard links (the
paper, the 4 MB collection and its chunk map, the video sidecars, the
run log) and one report: one of the demo reports, half of them wrapped as task
files (``## Query`` / ``## Final Report``), with the numbers outside citations
shifted by the task's number so that claims differ from task to task (some
become contradicted). Then it runs ``citecheck audit`` as a subprocess, each
configuration with a fresh store and a fresh model cache:

- ``--jobs 1``, ``--jobs 2`` and ``--engine ray --jobs 2`` (a local Ray);
- ``--jobs 1`` again on the first store, where nothing changed.

It prints wall time, reports per minute, the speed-up over ``--jobs 1`` (whole
run, and the judge-heavy part: the run minus the unchanged rerun, which is
what discovery and hashing cost), peak memory per worker (from the store), and
the unchanged rerun as a share of the first run. Targets: rerun <= 5 % of the
first; ``--jobs 2`` >= 1.7x ``--jobs 1`` on the judge-heavy part (2 idle cores).

Usage: ``python benchmarks/bench_audit.py [--count 200] [--select CC2] [--no-ray]``
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpora" / "demo"
SOURCES = (
    "pdf.pdf",
    "long_context.json",
    "long_context.chunks.jsonl",
    "video.mp4",
    "video.meta.json",
    "video.transcript.json",
    "video.keyframes.json",
    "trace.log",
)
TARGET_RERUN_SHARE = 0.05
TARGET_SPEEDUP = 1.7
CITATION = re.compile(r"\[[^\]]*\]")
NUMBER = re.compile(r"\d+")


def shifted(text: str, by: int) -> str:
    """``text`` with every number outside citation brackets raised by ``by``."""
    pieces, last = [], 0
    for bracket in CITATION.finditer(text):
        outside = text[last : bracket.start()]
        pieces.append(NUMBER.sub(lambda m: str(int(m.group()) + by), outside))
        pieces.append(bracket.group())
        last = bracket.end()
    pieces.append(NUMBER.sub(lambda m: str(int(m.group()) + by), text[last:]))
    return "".join(pieces)


def generate(root: Path, count: int) -> None:
    """``count`` task folders under ``root`` sharing the demo sources."""
    reports = sorted((DEMO / "reports").glob("*.md"))
    for index in range(count):
        folder = root / f"task-{index:04d}"
        folder.mkdir(parents=True)
        for name in SOURCES:
            try:
                os.link(DEMO / name, folder / name)
            except OSError:
                shutil.copyfile(DEMO / name, folder / name)
        body = shifted(reports[index % len(reports)].read_text("utf-8"), index % 4)
        if index % 2:
            text = (
                f"# Task Report: {index}\n\n## Query\n\n写一份报告。\n\n## Final Report\n\n{body}"
            )
            (folder / "task.txt").write_text(text + "\n## Summary\n\ndone\n", encoding="utf-8")
        else:
            (folder / "report.md").write_text(body, encoding="utf-8")


def audit(root: Path, store: Path, cache: Path, extra: list[str]) -> float:
    """Wall seconds of one ``citecheck audit`` run (exit 0, 1, 4 or 5 accepted)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "HF_HUB_OFFLINE": "1"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-c", "from citecheck.cli import main; main()", "audit"]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, str(root), "--store", str(store), "--format", "jsonl", "--no-progress", *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1, 4, 5):
        raise SystemExit(f"audit failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return seconds


def worker_memory(store: Path) -> tuple[float, int]:
    """Peak RSS of the biggest worker (MiB) and the number of failed tasks."""
    with sqlite3.connect(store) as db:
        peak = db.execute("SELECT MAX(worker_peak_rss_mb) FROM tasks").fetchone()[0] or 0.0
        failed = db.execute("SELECT COUNT(*) FROM tasks WHERE status = 'failed'").fetchone()[0]
    return float(peak), int(failed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--select", default="", help="rules to run (default: all)")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray run")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-audit-"))
    root = work / "tasks"
    generate(root, args.count)
    select = ["--select", args.select] if args.select else []
    print(
        f"{args.count} task folders in {root}; {os.cpu_count()} CPUs; rules: {args.select or 'all'}"
    )

    configs = [("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"])]
    try:
        import ray  # noqa: F401

        if not args.no_ray:
            configs.append(("ray local", ["--engine", "ray", "--jobs", "2"]))
    except ImportError:
        print("ray local: skipped (ray is not installed)")
    seconds: dict[str, float] = {}
    for label, extra in configs:
        tag = label.replace(" ", "").replace("-", "")
        store = work / f"{tag}.sqlite"
        seconds[label] = audit(root, store, work / f"cache-{tag}", select + extra)
        peak, failed = worker_memory(store)
        rate = args.count / seconds[label] * 60
        print(
            f"{label:>9}: {seconds[label]:7.1f} s  {rate:7.1f} reports/min  "
            f"peak {peak:6.1f} MiB per worker  {failed} failed"
        )
    rerun = audit(root, work / "jobs1.sqlite", work / "cache-jobs1", [*select, "--jobs", "1"])
    share = rerun / seconds["--jobs 1"]
    verdict = "meets" if share <= TARGET_RERUN_SHARE else "misses"
    print(f"unchanged rerun: {rerun:.1f} s = {share:.1%} of the first ({verdict} <= 5 %)")
    base = seconds["--jobs 1"] - rerun
    for label in seconds:
        if label == "--jobs 1":
            continue
        whole = seconds["--jobs 1"] / seconds[label]
        heavy = base / max(seconds[label] - rerun, 1e-9)
        verdict = "meets" if heavy >= TARGET_SPEEDUP else "misses"
        print(
            f"speed-up {label}: {whole:.2f}x whole run, {heavy:.2f}x judge-heavy part "
            f"({verdict} >= {TARGET_SPEEDUP}x)"
        )
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
