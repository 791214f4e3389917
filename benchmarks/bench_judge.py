"""Judge benchmark: the cross-encoder against the old verifier, on data neither tuned on.

Run from the repository root (needs ../shared/data/nli-train and nli-dev):

    .venv/bin/python -m benchmarks.bench_judge [--limit 400] [--skip-verifier]

Prints, per language:

1. the report half of the dev splits that training never saw (``training/data.py``
   holds out whole example groups; ``training/calibrate.py`` chose the thresholds on
   the other half): balanced accuracy of supported vs not, and precision/recall of
   ``contradicted``, for the shipped cross-encoder and the old verifier;
2. labelled sets used neither to train nor to calibrate the cross-encoder (WiCE,
   BEGIN, OCNLI; the project's own zh/en pairs), same measures where they apply;
3. cross-encoder throughput on 2 threads at 128 and 256 tokens per pair.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import click
import numpy as np

from citecheck.judge.base import Judge
from citecheck.judge.nli.judge import NliJudge
from citecheck.judge.nli.model import NliModel
from citecheck.judge.verifier import VerifierJudge
from training.calibrate import balanced_accuracy, dev_half
from training.data import prepare
from training.labelled_pairs import LabelledPair, dataset_sources, load_dataset
from training.train_nli import read_jsonl

DEV_SPLITS = ("en", "zh", "zh-en", "en-zh", "synthetic")
EXTERNAL = ("wice", "begin-wow", "begin-cmu", "begin-tc", "ocnli", "xling-test", "xling-train")
VERIFIER_TRAINED_ON = {"wice", "begin-wow", "xling-train"}


def scores(judge: Judge, pairs: Sequence[tuple[str, list[str], str]]) -> dict[str, float]:
    """Balanced accuracy, contradicted precision/recall and pairs/s of one judge."""
    start = time.perf_counter()
    verdicts = judge.judge_batch([(claim, evidence) for claim, evidence, _ in pairs])
    rate = len(pairs) / (time.perf_counter() - start)
    truth = np.array([label for _, _, label in pairs])
    said = np.array([v.label for v in verdicts])
    flagged, contradicted = said == "contradicted", truth == "contradicted"
    return {
        "bacc": balanced_accuracy(truth == "supported", said == "supported"),
        "c_p": float(contradicted[flagged].mean()) if flagged.any() else float("nan"),
        "c_r": float(flagged[contradicted].mean()) if contradicted.any() else float("nan"),
        "rate": rate,
    }


def cell(s: dict[str, float], three_way: bool) -> str:
    contra = f"  C P/R {s['c_p']:.2f}/{s['c_r']:.2f}" if three_way else " " * 16
    return f"bacc {s['bacc']:.3f}{contra}  {s['rate']:6.1f}/s"


def dev_pairs(folder: Path, split: str, limit: int) -> list[tuple[str, list[str], str]]:
    rows = [r for r in read_jsonl(folder / f"dev-{split}.jsonl") if dev_half(r) == 1]
    rows = rows[:limit]
    return [(r["claim"], [r["evidence"]], r["label"]) for r in rows]


def external_pairs(name: str, limit: int) -> list[tuple[str, list[str], str]]:
    pairs: list[LabelledPair] = load_dataset(name, limit=limit)
    out = []
    for p in pairs:
        label = "supported" if p.supported else "unsupported"
        if p.label in ("contradiction", "contradicted", "refuted"):
            label = "contradicted"
        out.append((p.claim, p.evidence, label))
    return out


def throughput(model: NliModel, tokens: int, count: int = 96) -> float:
    """Pairs per second when every pair fills ``tokens`` tokens."""
    claim = "The method improves the win rate on the benchmark by a small margin."
    filler = "The experiments use four models and two datasets with three seeds each. " * 40
    pairs = [(f"{claim} ({i})", filler) for i in range(count)]
    model.probabilities(pairs[:8], max_length=tokens)  # warm-up
    start = time.perf_counter()
    model.probabilities(pairs, max_length=tokens)
    return count / (time.perf_counter() - start)


@click.command()
@click.option("--limit", default=400, show_default=True, help="pairs per split or dataset")
@click.option("--skip-verifier", is_flag=True, help="only the cross-encoder (faster)")
@click.option("--data", type=Path, default=Path("../shared/data/nli-train"), show_default=True)
def main(limit: int, skip_verifier: bool, data: Path) -> None:
    """Print balanced accuracy and contradiction P/R per language and backend, and speed."""
    click.echo("command: .venv/bin/python -m benchmarks.bench_judge " + " ".join(sys.argv[1:]))
    model = NliModel(threads=2)
    judges: list[Judge] = [NliJudge(model)]
    if not skip_verifier:
        judges.append(VerifierJudge())
    click.echo(f"cross-encoder bundle {model.bundle} ({model.name})")
    header = "  ".join(f"{j.name:>44}" for j in judges)
    with tempfile.TemporaryDirectory() as tmp:
        prepare(data, Path(tmp), seed=13, permissive_only=False)
        click.echo("\n1. dev splits never trained on (report half; thresholds chosen on the other)")
        click.echo(f"{'split':<12} {'n':>4}  {header}")
        for split in DEV_SPLITS:
            pairs = dev_pairs(Path(tmp), split, limit)
            row = "  ".join(f"{cell(scores(j, pairs), True):>44}" for j in judges)
            click.echo(f"{split:<12} {len(pairs):>4}  {row}")
    click.echo("\n2. labelled sets the cross-encoder never trained or calibrated on")
    click.echo(f"{'dataset':<12} {'n':>4}  {header}")
    sources = dataset_sources()
    for name in EXTERNAL:
        if not sources[name][0].exists():
            click.echo(f"{name:<12} missing: {sources[name][0]}")
            continue
        pairs = external_pairs(name, limit)
        three_way = any(label == "contradicted" for _, _, label in pairs)
        row = "  ".join(f"{cell(scores(j, pairs), three_way):>44}" for j in judges)
        mark = "  (verifier trained on it)" if name in VERIFIER_TRAINED_ON else ""
        click.echo(f"{name:<12} {len(pairs):>4}  {row}{mark}")
    click.echo("\n3. cross-encoder throughput, 2 threads, int8, one pair per run")
    for tokens in (128, 256):
        click.echo(f"  {tokens} tokens per pair: {throughput(model, tokens):.1f} pairs/s")


if __name__ == "__main__":
    main()
