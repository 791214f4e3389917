"""Demo corpus benchmark: planted defects found, and what else the lint reports.

    .venv/bin/python -m benchmarks.bench_demo

``corpora/demo/expected.json`` lists the defects planted in the demo reports (and one
real defect citecheck found). The test suite requires every one of them to be found
and the clean report to have no error; this script also counts the errors and
warnings that are *not* planted — the judge's false positives, or defects nobody
planted — and prints each, so they are measured instead of locked in as expected.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from citecheck.pipeline import LintOptions, lint

DEMO = Path(__file__).resolve().parents[1] / "corpora" / "demo"


def main() -> None:
    expected = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
    planted = {(e["report"], e["line"], e["code"]) for e in expected}
    started = time.perf_counter()
    result = lint([DEMO / "reports"], LintOptions(corpus=DEMO, trace=DEMO / "trace.log"))
    elapsed = time.perf_counter() - started
    found = {
        (Path(f.path).name, f.line, f.code): f
        for f in result.findings
        if f.severity.value in {"error", "warning"}
    }
    hit = planted & found.keys()
    print(
        f"planted defects found: {len(hit)} / {len(planted)} "
        f"({elapsed:.1f} s, {result.summary.claims} claims)"
    )
    for key in sorted(planted - found.keys()):
        print("  missed ", *key)
    extra = sorted(found.keys() - planted)
    errors = sum(found[k].severity.value == "error" for k in extra)
    print(f"not planted: {len(extra)} ({errors} errors, {len(extra) - errors} warnings)")
    for key in extra:
        f = found[key]
        print(f"  {f.severity.value:<7} {key[0]}:{key[1]} {key[2]} {f.message[:110]}")


if __name__ == "__main__":
    main()
