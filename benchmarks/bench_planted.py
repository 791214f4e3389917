"""Planted-error corpus benchmark: precision and recall per category and per rule.

    .venv/bin/python -m benchmarks.bench_planted [--root DIR] [--task task01] [--show]

The planted corpus (``shared/corpora/planted``, found above the checkout) holds task
folders of reading reports written independently of citecheck, with planted defects
and correct "trap" lines in ``labels.json``. Every report is linted in this process
(models load once) with its task folder's trace, and findings are matched to the
labels the way ``shared/tools/score_planted.py`` matches them: same report, a line
within one of the label's, and the label's category (or one of its ``also``
categories); info findings never count. A trap is flagged when an error of a
labelled category lands on its line.

Each task folder is scored on its own and then together, so the folder tuned on and
the one held out are reported separately. The other agents' corpus has the same
shape (``--root corpora/agents``: one task folder per citation format, API responses
among the reports), so it is scored per format the same way. ``--show`` lists every
wrong finding and every missed defect. The precision gate: a rule whose error findings are below
:data:`PRECISION_GATE` here ships at warning (docs/ARCHITECTURE.md says which).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from citecheck.models import Finding
from citecheck.pipeline import LintOptions, lint

PRECISION_GATE = 0.9
SLACK = 1


def default_root() -> Path | None:
    """``shared/corpora/planted`` in the nearest folder above this checkout that has it."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "corpora" / "planted"
        if (candidate / "labels.json").is_file():
            return candidate
    return None


@dataclass(frozen=True)
class Scored:
    """One error or warning finding of a report, with what the labels say of it."""

    report: str
    finding: Finding
    right: bool


def lint_task(root: Path, task: Path) -> list[tuple[str, Finding]]:
    """(report path relative to root, finding) for every report of one task folder."""
    trace = task / "trace.log"
    rows = []
    for report in sorted((task / "reports").iterdir()):
        if report.suffix not in {".md", ".txt", ".json"}:
            continue
        options = LintOptions(corpus=task, trace=trace if trace.exists() else None)
        result = lint([report], options)
        rel = report.relative_to(root).as_posix()
        rows += [(rel, f) for f in result.findings if _severity(f) != "info"]
    return rows


def _category(finding: Finding) -> str:
    return str(finding.model_dump(mode="json")["category"])


def _severity(finding: Finding) -> str:
    return str(finding.model_dump(mode="json")["severity"])


def _near(report: str, line: int, label: dict) -> bool:
    return report == label["report"] and abs(line - int(label["line"])) <= SLACK


def _categories(label: dict) -> set[str]:
    return {label["category"], *label.get("also", [])}


def score(rows: Iterable[tuple[str, Finding]], defects: list[dict]) -> list[Scored]:
    """Each finding marked right when a defect of its category is on its line."""
    return [
        Scored(
            report,
            f,
            any(_near(report, f.line, d) and _category(f) in _categories(d) for d in defects),
        )
        for report, f in rows
    ]


def print_table(title: str, scored: list[Scored], defects: list[dict], traps: list[dict]) -> None:
    """Per-category recall and precision, per-rule precision, traps flagged."""
    print(f"\n== {title}")
    categories = sorted({d["category"] for d in defects})
    for category in categories:
        gold = [d for d in defects if d["category"] == category]
        found = sum(
            any(
                _near(s.report, s.finding.line, d) and _category(s.finding) in _categories(d)
                for s in scored
            )
            for d in gold
        )
        mine = [s for s in scored if _category(s.finding) == category]
        right = sum(s.right for s in mine)
        precision = right / len(mine) if mine else 1.0
        print(
            f"  {category:26s} gold={len(gold):3d} found={found:3d} "
            f"recall={found / max(len(gold), 1):.2f} findings={len(mine):3d} "
            f"precision={precision:.2f}"
        )
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for s in scored:
        key = f"{s.finding.code}({_severity(s.finding)[0]})"
        by_rule[key]["right" if s.right else "wrong"] += 1
    print(
        "  by rule:",
        ", ".join(
            f"{k} {c['right']}/{c['right'] + c['wrong']}" for k, c in sorted(by_rule.items())
        ),
    )
    flagged = [
        t
        for t in traps
        if any(
            s.report == t["report"]
            and s.finding.line == int(t["line"])
            and _severity(s.finding) == "error"
            and _category(s.finding) in categories
            for s in scored
        )
    ]
    found_all = sum(
        any(
            _near(s.report, s.finding.line, d) and _category(s.finding) in _categories(d)
            for s in scored
        )
        for d in defects
    )
    right_all = sum(s.right for s in scored if _category(s.finding) in categories)
    mine_all = sum(_category(s.finding) in categories for s in scored)
    print(
        f"  planted recall={found_all / max(len(defects), 1):.2f} "
        f"precision={right_all / max(mine_all, 1):.2f} findings={mine_all} "
        f"traps_flagged={len(flagged)}/{len(traps)}"
    )


def show(scored: list[Scored], defects: list[dict]) -> None:
    """Every wrong finding and every missed defect, with the label's note."""
    print("  wrong findings:")
    for s in scored:
        if not s.right:
            f = s.finding
            print(f"    {s.report}:{f.line} {f.code} {_severity(f)}: {f.message[:220]}")
    print("  missed defects:")
    for d in defects:
        if not any(
            _near(s.report, s.finding.line, d) and _category(s.finding) in _categories(d)
            for s in scored
        ):
            print(f"    {d['report']}:{d['line']} {d['category']}: {d['note'][:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=default_root())
    parser.add_argument("--task", action="append", default=[], help="only these task folders")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    if args.root is None:
        raise SystemExit("no planted corpus found (shared/corpora/planted); pass --root")
    labels = json.loads((args.root / "labels.json").read_text(encoding="utf-8"))
    tasks = sorted(p for p in args.root.iterdir() if (p / "reports").is_dir())
    tasks = [t for t in tasks if not args.task or t.name in args.task]
    everything: list[Scored] = []
    for task in tasks:
        prefix = f"{task.name}/"
        defects = [d for d in labels["defects"] if d["report"].startswith(prefix)]
        traps = [t for t in labels["traps"] if t["report"].startswith(prefix)]
        scored = score(lint_task(args.root, task), defects)
        everything += scored
        print_table(task.name, scored, defects, traps)
        if args.show:
            show(scored, defects)
    if len(tasks) > 1:
        print_table("all tasks", everything, labels["defects"], labels["traps"])
    print_gate(everything)


def print_gate(scored: list[Scored]) -> None:
    """The rules whose findings here are right less often than the gate asks, with
    the severity they ship at: an error among them must be downgraded."""
    by_rule: dict[str, list[bool]] = defaultdict(list)
    severity: dict[str, str] = {}
    for s in scored:
        by_rule[s.finding.code].append(s.right)
        severity[s.finding.code] = _severity(s.finding)
    below = {c: sum(r) / len(r) for c, r in by_rule.items() if sum(r) / len(r) < PRECISION_GATE}
    listed = ", ".join(
        f"{c} {p:.2f} ({'ERROR: ship at warning' if severity[c] == 'error' else severity[c]})"
        for c, p in sorted(below.items())
    )
    print(f"\nprecision gate ({PRECISION_GATE}): below it: {listed or 'none'}")


if __name__ == "__main__":
    main()
