"""Precision and recall of the wrong-speaker and fabricated-video-detail rules.

Runs the full pipeline (``citecheck.api.check``) on every case folder of
``corpora/attribution/tune`` and ``corpora/attribution/heldout``. A case holds
``report.md``, its video evidence, an optional ``trace.log`` and ``labels.json``
listing the planted defects as ``{line, category}``. A finding is a true positive
when its (case, line, category) is labelled; every other error or warning of
these two categories (on a trap or a clean line) is a false positive. Info
findings (the judge's grey zone) are prompts for a person, not verdicts, and are
not counted.

    .venv/bin/python benchmarks/bench_attribution.py             # with the pipeline's judge
    .venv/bin/python benchmarks/bench_attribution.py --no-judge  # rules' lexical fallback
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from citecheck.config import Config
from citecheck.pipeline import LintOptions, Stages, default_stages, lint

CATEGORIES = ("wrong-speaker", "fabricated-video-detail")
ROOT = Path(__file__).resolve().parent.parent / "corpora" / "attribution"


class NoJudge:
    """A support service that judges nothing, so rules use their lexical fallback."""

    def judge_claim(self, claim: Any, resolutions: Any) -> None:
        return None

    def judge_units(self, claim: Any, units: Any) -> None:
        return None


def score_case(case: Path, stages: Stages) -> Counter[tuple[str, str]]:
    """Counts of (category, 'tp'|'fp'|'fn') for one case folder."""
    labels = json.loads((case / "labels.json").read_text(encoding="utf-8"))["labels"]
    expected = {(label["line"], label["category"]) for label in labels}
    trace = case / "trace.log"
    options = LintOptions(
        corpus=case, trace=trace if trace.is_file() else None,
        config=Config(select=["CC3", "CC4"]), stages=stages,
    )  # fmt: skip
    result = lint([case / "report.md"], options)
    found = {
        (f.line, f.category)
        for f in result.findings
        if f.category in CATEGORIES and f.severity.value != "info"  # info: a prompt, no verdict
    }
    counts: Counter[tuple[str, str]] = Counter()
    for line, category in found:
        counts[(category, "tp" if (line, category) in expected else "fp")] += 1
        if (line, category) not in expected:
            print(f"  FP {case.name}:{line} {category}", file=sys.stderr)
    for line, category in expected - found:
        counts[(category, "fn")] += 1
        print(f"  FN {case.name}:{line} {category}", file=sys.stderr)
    return counts


def ratio(part: int, whole: int) -> float:
    """part / whole, 1.0 when there is nothing to count."""
    return part / whole if whole else 1.0


def main() -> None:
    """Print per-split, per-category precision and recall."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-judge", action="store_true", help="use the rules' lexical fallback")
    args = parser.parse_args()
    stages = default_stages()
    if args.no_judge:
        stages = dataclasses.replace(stages, make_support=lambda *_: NoJudge())
    for split in ("tune", "heldout"):
        totals: Counter[tuple[str, str]] = Counter()
        for case in sorted(p for p in (ROOT / split).iterdir() if p.is_dir()):
            totals += score_case(case, stages)
        for category in CATEGORIES:
            tp, fp, fn = (totals[(category, k)] for k in ("tp", "fp", "fn"))
            print(
                f"{split:8s} {category:24s} precision {ratio(tp, tp + fp):.2f} "
                f"recall {ratio(tp, tp + fn):.2f}  (tp={tp} fp={fp} fn={fn})"
            )


if __name__ == "__main__":
    main()
