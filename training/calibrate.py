"""Choose the cross-encoder's decision thresholds on the dev splits, precision first.

    python -m training.calibrate --bundle citecheck/judge/data/nli --dev training/work/data

Runs the exported bundle over the calibration half of the dev splits training never
saw (en, zh, zh-en, en-zh; :func:`dev_half` splits each by example group, so the
other half stays untouched for ``benchmarks/bench_judge.py`` to report on) and
writes into the bundle's manifest:

- ``supported_min``: the P(supported) cut with the best mean balanced accuracy over
  the languages;
- ``unsupported_max``: the highest cut below which "not supported" is right at least
  ``--precision`` of the time in every language (CC201 errors);
- ``contradicted_min``: the lowest P(contradicted) cut at which "contradicted" is
  right at least ``--precision`` of the time on the three-way rows (CC202 errors).

The measurements behind each choice go into the manifest too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from citecheck.judge.nli.model import NliModel
from training.data import group_key
from training.train_nli import read_jsonl

LANGS = ("en", "zh", "zh-en", "en-zh")
# files whose "unsupported" may hide a contradiction: no three-way truth
TWO_WAY = ("rte", "qags", "pawsx", "summedits", "aggrefact", "halueval", "wice")
_GRID = np.round(np.arange(0.02, 0.99, 0.01), 2)


def dev_half(row: dict) -> int:
    """0 for the calibration half, 1 for the report half (stable per example group)."""
    key = group_key(row["id"].split("~")[0].removesuffix("-en-zh"))
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 2


def balanced_accuracy(truth: np.ndarray, predicted: np.ndarray) -> float:
    """Mean recall of the two classes (the classes present)."""
    recalls = [
        float((predicted[truth == c] == c).mean()) for c in (True, False) if (truth == c).any()
    ]
    return float(np.mean(recalls)) if recalls else float("nan")


def precision(truth: np.ndarray, predicted: np.ndarray) -> float:
    return float(truth[predicted].mean()) if predicted.any() else float("nan")


def predict(model: NliModel, rows: list[dict]) -> np.ndarray:
    return model.probabilities([(r["claim"], r["evidence"]) for r in rows])


def choose(dev: dict[str, tuple[list[dict], np.ndarray]], target: float) -> dict:
    """The three thresholds and what they measure on ``dev``."""
    supported = {
        lang: np.array([r["label"] == "supported" for r in rows]) for lang, (rows, _) in dev.items()
    }
    p_s = {lang: probs[:, 0] for lang, (_, probs) in dev.items()}

    def mean_bacc(cut: float) -> float:
        return float(np.mean([balanced_accuracy(supported[g], p_s[g] >= cut) for g in dev]))

    supported_min = float(max(_GRID, key=mean_bacc))

    def unsupported_precision(cut: float) -> float:
        values = [precision(~supported[g], p_s[g] < cut) for g in dev]
        return (
            min(v for v in values if not np.isnan(v))
            if any(not np.isnan(v) for v in values)
            else 0.0
        )

    usable = [c for c in _GRID if c <= supported_min and unsupported_precision(c) >= target]
    unsupported_max = float(max(usable)) if usable else 0.02

    three_way = [
        (r, p)
        for rows, probs in dev.values()
        for r, p in zip(rows, probs, strict=True)
        if not any(r.get("file", "").startswith(t) for t in TWO_WAY)
    ]
    truth_c = np.array([r["label"] == "contradicted" for r, _ in three_way])
    p_c = np.array([p[2] for _, p in three_way])
    not_supported = np.array([p[0] < supported_min for _, p in three_way])
    usable_c = [c for c in _GRID if precision(truth_c, (p_c >= c) & not_supported) >= target]
    contradicted_min = float(min(usable_c)) if usable_c else 0.99
    flagged = (p_c >= contradicted_min) & not_supported
    return {
        "supported_min": supported_min,
        "unsupported_max": unsupported_max,
        "contradicted_min": contradicted_min,
        "measured": {
            "target_precision": target,
            "balanced_accuracy": {
                g: round(balanced_accuracy(supported[g], p_s[g] >= supported_min), 4) for g in dev
            },
            "unsupported_precision_min_over_langs": round(
                unsupported_precision(unsupported_max), 4
            ),
            "unsupported_recall": {
                g: round(float((p_s[g][~supported[g]] < unsupported_max).mean()), 4) for g in dev
            },
            "contradicted_precision": round(precision(truth_c, flagged), 4),
            "contradicted_recall": round(
                float(flagged[truth_c].mean()) if truth_c.any() else 0.0, 4
            ),
            "dev_rows": {g: len(rows) for g, (rows, _) in dev.items()},
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", type=Path, default=Path("citecheck/judge/data/nli"))
    parser.add_argument("--dev", type=Path, default=Path("training/work/data"))
    parser.add_argument("--precision", type=float, default=0.9)
    args = parser.parse_args()
    model = NliModel(args.bundle)
    dev = {}
    for lang in LANGS:
        rows = [r for r in read_jsonl(args.dev / f"dev-{lang}.jsonl") if dev_half(r) == 0]
        dev[lang] = (rows, predict(model, rows))
    calibration = choose(dev, args.precision)
    manifest_path = args.bundle / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["calibration"] = calibration
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(calibration, indent=1))


if __name__ == "__main__":
    main()
