"""Judge benchmark: binary balanced accuracy per dataset and language, and throughput.

Run from the repository root (needs ../shared/data/nli-dev):

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/bench_judge.py [--limit 200] [--lodo]
        [--crossencoder PATH_OR_NAME]

Datasets the shipped verifier was trained on (WiCE, BEGIN-wow, xling-train) are marked
"(train)"; the others are held out. ``--lodo`` refits the same-language head leaving one
English dataset out at a time, so no number depends on tuning to one dataset.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

import click
import numpy as np

from citecheck.judge.base import Judge
from citecheck.judge.datasets import LabelledPair, dataset_sources, load_dataset
from citecheck.judge.features import SAME_LANGUAGE_FEATURES
from citecheck.judge.lexical import LexicalJudge
from citecheck.judge.train import (
    CROSS_LANGUAGE_TRAINING,
    SAME_LANGUAGE_TRAINING,
    fit_logistic,
    labels,
    same_language_matrix,
)
from citecheck.judge.verifier import VerifierJudge

DATASETS = ("wice", "begin-wow", "begin-cmu", "begin-tc", "ocnli", "xling-train", "xling-test")
TRAINED_ON = {*SAME_LANGUAGE_TRAINING, *CROSS_LANGUAGE_TRAINING}


def balanced_accuracy(truth: Sequence[bool], predicted: Sequence[bool]) -> float:
    """Mean of the recall on supported and on not-supported pairs."""
    t, p = np.array(truth), np.array(predicted)
    recalls = [float((p[t == cls] == cls).mean()) for cls in (True, False) if (t == cls).any()]
    return float(np.mean(recalls))


def evaluate(judge: Judge, pairs: Sequence[LabelledPair]) -> tuple[float, float]:
    """Balanced accuracy and pairs per second of one judge on some pairs."""
    start = time.perf_counter()
    verdicts = judge.judge_batch([(p.claim, p.evidence) for p in pairs])
    elapsed = time.perf_counter() - start
    accuracy = balanced_accuracy(
        [p.supported for p in pairs], [v.label == "supported" for v in verdicts]
    )
    return accuracy, len(pairs) / elapsed


def long_cross_lingual_pairs(count: int = 40, min_chars: int = 1500) -> list[LabelledPair]:
    """xling-test claims, each against its passage padded with other passages to ~2k chars.

    The claim's own passage sits in the middle, so the judge has to find it.
    """
    pairs = load_dataset("xling-test")
    passages = list(dict.fromkeys(p.evidence[0] for p in load_dataset("xling-train")))
    padded = []
    for k, pair in enumerate(pairs[:count]):
        before, after, i = [], [], k
        while len(" ".join([*before, pair.evidence[0], *after])) < min_chars:
            (before if i % 2 else after).append(passages[i % len(passages)])
            i += 1
        text = " ".join([*before, pair.evidence[0], *after])[:2000]
        padded.append(LabelledPair(pair.claim, [text], pair.supported, "xling-long", "zh/en"))
    return padded


def lodo_table(limit: int) -> None:
    """Leave-one-dataset-out balanced accuracy of the same-language head."""
    english = ("wice", "begin-wow", "begin-cmu", "begin-tc")
    data = {name: load_dataset(name, limit=limit) for name in english}
    features = {name: same_language_matrix(pairs) for name, pairs in data.items()}
    click.echo("\nleave-one-dataset-out (same-language head, refit without the held-out set):")
    for held_out in (*english, "ocnli"):
        train = [n for n in english if n != held_out]
        head = fit_logistic(
            np.vstack([features[n] for n in train]),
            np.concatenate([labels(data[n]) for n in train]),
            SAME_LANGUAGE_FEATURES,
        )
        pairs = data.get(held_out) or load_dataset(held_out, limit=limit)
        x = features.get(held_out, same_language_matrix(pairs))
        predicted = [head.probability(row) >= 0.5 for row in x]
        score = balanced_accuracy([p.supported for p in pairs], predicted)
        click.echo(f"  held out {held_out:<10} trained on {'+'.join(train):<28} {score:.3f}")


@click.command()
@click.option("--limit", default=200, show_default=True, help="pairs sampled per dataset (seed 0)")
@click.option("--lodo", is_flag=True, help="also print a leave-one-dataset-out table")
@click.option("--crossencoder", default=None, help="also benchmark this CrossEncoder model")
def main(limit: int, lodo: bool, crossencoder: str | None) -> None:
    """Print balanced accuracy per dataset/language/backend and throughput."""
    click.echo("command: HF_HUB_OFFLINE=1 .venv/bin/python " + " ".join(sys.argv))
    judges: list[Judge] = [LexicalJudge(), VerifierJudge()]
    if crossencoder:
        from citecheck.judge.crossencoder import CrossEncoderJudge

        judges.append(CrossEncoderJudge(crossencoder))
    sources = dataset_sources()
    click.echo(
        f"{'dataset':<12} {'lang':<6} {'n':>4}  " + "  ".join(f"{j.name:>18}" for j in judges)
    )
    for name in DATASETS:
        path = sources[name][0]
        if not path.exists():
            click.echo(f"{name:<12} missing: {path}")
            continue
        pairs = load_dataset(name, limit=limit)
        cells = [evaluate(judge, pairs) for judge in judges]
        mark = " (train)" if name in TRAINED_ON else ""
        click.echo(
            f"{name:<12} {pairs[0].lang:<6} {len(pairs):>4}  "
            + "  ".join(f"{acc:.3f} @ {rate:6.1f}/s" for acc, rate in cells)
            + f"   file: {path}{mark}"
        )
    long_pairs = [p for p in load_dataset("wice") if 1500 <= len(p.evidence[0]) <= 2000][:60]
    for judge in judges:
        _, rate = evaluate(judge, long_pairs)
        click.echo(f"throughput {judge.name}: {rate:.1f} pairs/s on {len(long_pairs)} en pairs "
                   "with 1,500-2,000-character evidence")  # fmt: skip
    cross_pairs = long_cross_lingual_pairs()
    for judge in judges:
        accuracy, rate = evaluate(judge, cross_pairs)
        click.echo(
            f"throughput {judge.name}: {rate:.1f} pairs/s on {len(cross_pairs)} zh/en pairs with "
            f"1,500-2,000-character evidence (balanced accuracy {accuracy:.3f})"
        )
    if lodo:
        lodo_table(limit)


if __name__ == "__main__":
    main()
