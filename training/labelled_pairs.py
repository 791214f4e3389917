"""Labelled claim/evidence pairs for training and benchmarking the judge.

Reads the development sets in ``../shared/data/nli-dev/`` (WiCE, BEGIN, OCNLI)
and the project's own zh-claim / en-evidence set ``corpora/xling/pairs.jsonl``.
Labels are binary: supported vs not (partial support counts as not supported).
The files are read where they lie; nothing is copied into the package.
"""

from __future__ import annotations

import csv
import json
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
XLING_PATH = REPO_ROOT / "corpora" / "xling" / "pairs.jsonl"


@dataclass(frozen=True)
class LabelledPair:
    """A claim, its evidence texts and whether the evidence supports it."""

    claim: str
    evidence: list[str]
    supported: bool
    dataset: str
    lang: str  # "en/en", "zh/zh" or "zh/en" (claim/evidence)
    label: str = ""


def nli_dev_dir() -> Path:
    """``$CITECHECK_NLI_DEV`` or ``<repo>/../shared/data/nli-dev``."""
    return Path(os.environ.get("CITECHECK_NLI_DEV", REPO_ROOT.parent / "shared/data/nli-dev"))


def load_wice(path: Path) -> Iterator[LabelledPair]:
    """WiCE oracle chunks: ``supported`` vs partially/not supported."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            yield LabelledPair(
                claim=row["claim"],
                evidence=[" ".join(row["evidence"])],
                supported=row["label"] == "supported",
                dataset="wice",
                lang="en/en",
                label=row["label"],
            )


def load_begin(path: Path) -> Iterator[LabelledPair]:
    """BEGIN: the dialogue response judged against its knowledge snippet."""
    name = "begin-" + path.stem.rsplit("_", 1)[-1]
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            label = row["begin_label"]
            yield LabelledPair(
                claim=row["response"],
                evidence=[row["knowledge"]],
                supported=label == "Fully attributable",
                dataset=name,
                lang="en/en",
                label=label,
            )


def load_ocnli(path: Path) -> Iterator[LabelledPair]:
    """OCNLI: hypothesis judged against premise; entailment vs neutral/contradiction."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["label"] in {"entailment", "neutral", "contradiction"}:
                yield LabelledPair(
                    claim=row["sentence2"],
                    evidence=[row["sentence1"]],
                    supported=row["label"] == "entailment",
                    dataset="ocnli",
                    lang="zh/zh",
                    label=row["label"],
                )


def load_xling(path: Path = XLING_PATH, split: str | None = None) -> Iterator[LabelledPair]:
    """The project's zh-claim / en-evidence pairs, optionally one split only."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if split is None or row["split"] == split:
                yield LabelledPair(
                    claim=row["claim"],
                    evidence=[row["evidence"]],
                    supported=row["label"] == "supported",
                    dataset=f"xling-{row['split']}",
                    lang="zh/en",
                    label=row["label"],
                )


def dataset_sources(
    root: Path | None = None,
) -> dict[str, tuple[Path, Callable[[], Iterator[LabelledPair]]]]:
    """Every known dataset: name → (file, loader)."""
    d = root or nli_dev_dir()
    files = {
        "wice": (d / "wice_oracle_chunks_claim_dev.jsonl", load_wice),
        "begin-wow": (d / "begin_dev_wow.tsv", load_begin),
        "begin-cmu": (d / "begin_dev_cmu.tsv", load_begin),
        "begin-tc": (d / "begin_dev_tc.tsv", load_begin),
        "ocnli": (d / "ocnli_train.3k.json", load_ocnli),
    }
    sources = {name: (path, _bind(loader, path)) for name, (path, loader) in files.items()}
    sources["xling-train"] = (XLING_PATH, lambda: load_xling(split="train"))
    sources["xling-test"] = (XLING_PATH, lambda: load_xling(split="test"))
    return sources


def _bind(
    loader: Callable[[Path], Iterator[LabelledPair]], path: Path
) -> Callable[[], Iterator[LabelledPair]]:
    return lambda: loader(path)


def load_dataset(name: str, limit: int | None = None, seed: int = 0) -> list[LabelledPair]:
    """One dataset by name; with ``limit``, a seeded random sample of that size."""
    path, loader = dataset_sources()[name]
    if not path.exists():
        raise FileNotFoundError(path)
    pairs = list(loader())
    if limit is not None and len(pairs) > limit:
        pairs = random.Random(seed).sample(pairs, limit)
    return pairs
