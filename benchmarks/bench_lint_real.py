"""Lint speed on a real report (issue 16): cold, warm and peak memory, whole process.

The report is a Chinese reading report of the planted corpus (4.1k characters, an
11-page PDF, a 1,530-document collection, a talk with its transcript). Each cold
run lints a fresh copy of the task folder with an empty user cache (no
``.citecheck-cache``, no assembled tokenizer or name cache); each warm run lints
the last copy again with nothing changed. Every rule runs, the judge included.
Wall time includes interpreter start-up; memory is the peak RSS of that one child
(``wait4``). Medians are printed against the targets:

- warm <= 1.5 s, cold <= 10 s, peak <= 400 MB

Usage: ``python benchmarks/bench_lint_real.py [--task DIR] [--report REL] [--cold 3] [--warm 5]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TARGET_WARM_S = 1.5
TARGET_COLD_S = 10.0
TARGET_PEAK_MB = 400.0
DEFAULT_TASK = Path(__file__).resolve().parents[2] / "shared/corpora/planted/task01"
DEFAULT_REPORT = "reports/r01_zh.md"


@dataclass(frozen=True)
class Run:
    """One whole-process lint."""

    wall_s: float
    peak_mb: float
    exit_code: int


def lint_once(command: list[str], env: dict[str, str]) -> Run:
    """Run ``command`` once and measure its wall time and its own peak RSS."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read() if child.stderr else ""
    if child.returncode not in (0, 1):
        sys.stderr.write(stderr)
        raise SystemExit(f"citecheck exited {child.returncode}")
    return Run(wall, usage.ru_maxrss / 1024, child.returncode)


def fresh_copy(task: Path, into: Path) -> Path:
    """A copy of ``task`` without any cache citecheck left in it."""
    copy = into / task.name
    shutil.copytree(task, copy, ignore=shutil.ignore_patterns(".citecheck-cache"))
    return copy


def _line(label: str, runs: list[Run], target: float, unit: str, value: str) -> str:
    values = [getattr(run, value) for run in runs]
    median = statistics.median(values)
    verdict = "ok" if median <= target else "OVER TARGET"
    shown = " ".join(f"{v:.2f}" if unit == "s" else f"{v:.0f}" for v in values)
    head = f"{label:<6} median {median:7.2f} {unit:<2} target <= {target:g} {unit}"
    return f"{head}  {verdict}  ({shown})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", type=Path, default=DEFAULT_TASK, help="the task folder")
    parser.add_argument("--report", default=DEFAULT_REPORT, help="report, relative to --task")
    parser.add_argument("--cold", type=int, default=3, help="cold runs")
    parser.add_argument("--warm", type=int, default=5, help="warm runs")
    args = parser.parse_args()
    if not (args.task / args.report).is_file():
        raise SystemExit(f"{args.task / args.report}: no such report (give --task and --report)")

    cli = shutil.which("citecheck", path=str(Path(sys.executable).parent)) or "citecheck"
    cold: list[Run] = []
    warm: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="citecheck-bench-") as scratch:
        for n in range(args.cold):
            run_dir = Path(scratch) / f"run{n}"
            env = {**os.environ, "XDG_CACHE_HOME": str(run_dir / "user-cache")}
            copy = fresh_copy(args.task, run_dir)
            command = [cli, "lint", str(copy / args.report), "--corpus", str(copy)]
            command += ["--format", "json"]
            if n == 0:
                shown = [*command[:2], str(args.task / args.report), "--corpus", str(args.task)]
                print("command:", " ".join([*shown, *command[5:]]), "(on a fresh copy)")
            cold.append(lint_once(command, env))
        warm = [lint_once(command, env) for _ in range(args.warm)]
    print(_line("cold", cold, TARGET_COLD_S, "s", "wall_s"))
    print(_line("warm", warm, TARGET_WARM_S, "s", "wall_s"))
    print(_line("peak", cold, TARGET_PEAK_MB, "MB", "peak_mb") + "  (cold runs)")
    print(_line("peak", warm, TARGET_PEAK_MB, "MB", "peak_mb") + "  (warm runs)")
    print(f"exit codes: cold {[r.exit_code for r in cold]}, warm {[r.exit_code for r in warm]}")


if __name__ == "__main__":
    main()
