"""Precision and recall of the wrong-speaker and fabricated-video-detail rules.

Runs the full pipeline (``citecheck.pipeline.lint``) on two sets of corpora, each
split into ``tune`` and ``heldout``:

- ``corpora/attribution/<split>/<case>/``: one ``report.md`` with its video
  evidence, an optional ``trace.log`` and ``labels.json`` (``{line, category}``);
- ``corpora/attribution2/<split>/<task>/``: independent task folders (paper,
  talk, sidecars in several shapes, a query file) whose reports lie in
  ``reports/``; their labels are in ``<split>/<task>.labels.json`` next to the
  folder (the code never reads them), with ``traps``: correct statements that
  must not be flagged.

A finding is a true positive when its (report, line, category) is labelled (a
label with line null matches any line); every other error or warning of the
scored categories is a false positive. ``missing-section`` scores CC501 alone.
Info findings (the judge's grey zone) are prompts for a person, not verdicts,
and are not counted.

    .venv/bin/python benchmarks/bench_attribution.py             # with the pipeline's judge
    .venv/bin/python benchmarks/bench_attribution.py --no-judge  # rules' lexical fallback
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citecheck.config import Config
from citecheck.errors import InputError
from citecheck.models import Finding
from citecheck.pipeline import LintOptions, Stages, default_stages, lint

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
SPLITS = ("tune", "heldout")
CATEGORIES = ("wrong-speaker", "fabricated-video-detail", "missing-section")


@dataclass
class Case:
    """Reports linted against one corpus, with their labels and traps."""

    name: str
    corpus: Path
    reports: list[Path]
    trace: Path | None
    expected: set[tuple[str, int | None, str]]
    traps: set[tuple[str, int]]


class NoJudge:
    """A support service that judges nothing, so rules use their lexical fallback."""

    def judge_claim(self, claim: Any, resolutions: Any) -> None:
        return None

    def judge_units(self, claim: Any, units: Any) -> None:
        return None


def old_cases(split: str) -> list[Case]:
    """The single-report cases of ``corpora/attribution/<split>``."""
    cases = []
    for folder in sorted(p for p in (CORPORA / "attribution" / split).iterdir() if p.is_dir()):
        labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["labels"]
        trace = folder / "trace.log"
        cases.append(
            Case(
                name=folder.name,
                corpus=folder,
                reports=[folder / "report.md"],
                trace=trace if trace.is_file() else None,
                expected={("report.md", label["line"], label["category"]) for label in labels},
                traps=set(),
            )
        )
    return cases


def new_cases(split: str) -> list[Case]:
    """The task folders of ``corpora/attribution2/<split>``, labels read from beside them."""
    cases = []
    for path in sorted((CORPORA / "attribution2" / split).glob("*.labels.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        folder = path.parent / data["task"]
        cases.append(
            Case(
                name=data["task"],
                corpus=folder,
                reports=[folder / name for name in data["reports"]],
                trace=None,
                expected={
                    (label["report"], label["line"], label["category"]) for label in data["labels"]
                },
                traps={(trap["report"], trap["line"]) for trap in data["traps"]},
            )
        )
    return cases


def scored_category(finding: Finding) -> str | None:
    """The benchmark category of a finding, None when it is not scored."""
    if finding.severity.value == "info":  # a prompt for a person, no verdict
        return None
    if finding.code == "CC501":
        return "missing-section"
    return finding.category if finding.category in CATEGORIES else None


def score_case(case: Case, stages: Stages) -> Counter[tuple[str, str]]:
    """Counts of (category, 'tp'|'fp'|'fn'|'trap') for one case."""
    options = LintOptions(
        corpus=case.corpus,
        trace=case.trace,
        config=Config(select=["CC3", "CC4", "CC501"]),
        stages=stages,
    )
    try:
        findings = lint(case.reports, options).findings
    except InputError as error:  # the lint stopped: every label is missed
        print(f"  ERROR {case.name}: {error}", file=sys.stderr)
        findings = []
    found: set[tuple[str, int, str]] = set()
    for finding in findings:
        category = scored_category(finding)
        if category is not None:
            found.add(
                (Path(finding.path).relative_to(case.corpus).as_posix(), finding.line, category)
            )
    counts: Counter[tuple[str, str]] = Counter()
    matched: set[tuple[str, int | None, str]] = set()
    for report, line, category in sorted(found):
        label = next(
            (e for e in [(report, line, category), (report, None, category)] if e in case.expected),
            None,
        )
        if label is not None:
            counts[(category, "tp")] += 1
            matched.add(label)
            continue
        counts[(category, "fp")] += 1
        trap = (report, line) in case.traps
        counts[(category, "trap")] += trap
        print(
            f"  FP {case.name}/{report}:{line} {category}{' (trap)' if trap else ''}",
            file=sys.stderr,
        )
    for report, line, category in sorted(case.expected - matched, key=str):
        counts[(category, "fn")] += 1
        print(f"  FN {case.name}/{report}:{line} {category}", file=sys.stderr)
    return counts


def ratio(part: int, whole: int) -> float:
    """part / whole, 1.0 when there is nothing to count."""
    return part / whole if whole else 1.0


def main() -> None:
    """Print per-corpus, per-split, per-category precision and recall."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-judge", action="store_true", help="use the rules' lexical fallback")
    parser.add_argument("--split", choices=SPLITS, action="append", help="only these splits")
    args = parser.parse_args()
    stages = default_stages()
    if args.no_judge:
        stages = dataclasses.replace(stages, make_support=lambda *_: NoJudge())
    for corpus, cases_of in (("attribution", old_cases), ("attribution2", new_cases)):
        for split in args.split or SPLITS:
            totals: Counter[tuple[str, str]] = Counter()
            for case in cases_of(split):
                totals += score_case(case, stages)
            for category in CATEGORIES:
                tp, fp, fn, trap = (totals[(category, k)] for k in ("tp", "fp", "fn", "trap"))
                if tp + fp + fn == 0:
                    continue
                print(
                    f"{corpus:12s} {split:8s} {category:24s} precision {ratio(tp, tp + fp):.2f} "
                    f"recall {ratio(tp, tp + fn):.2f}  "
                    f"(tp={tp} fp={fp} fn={fn} traps flagged={trap})"
                )


if __name__ == "__main__":
    main()
