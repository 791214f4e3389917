"""Build the cross-encoder's training set and its held-out dev splits.

Reads the labelled pairs in ``../shared/data/nli-train`` (never copied into the repo),
holds out dev groups per language before anything else sees them, samples a capped
number of rows per file, adds both directions of the cross-lingual pairs and the
synthetic agent-report defects, and writes JSONL files into a work folder:

    train.jsonl, dev-en.jsonl, dev-zh.jsonl, dev-zh-en.jsonl, dev-synthetic.jsonl, manifest.json

A dev group is every row that shares an underlying example: the en, zh and zh-en rows
of one XNLI or PAWS-X item, or both directions of a SICK pair. Holding out groups,
not rows, keeps a translation of a dev pair out of training.

Deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from citecheck.judge.nli.windows import window_evidence
from training.synthetic import synthesize, table_pairs

LABELS = ("supported", "unsupported", "contradicted")

# rows sampled per file for training (after the dev hold-out); None = all
TRAIN_CAPS: dict[str, int | None] = {
    "anli_dev": 3000,
    "averitec_dev": 400,
    "breaking_nli": 1500,
    "citation_integrity": 2500,
    "climate_fever": 2000,
    "control_nli": 800,
    "covidfact": 1500,
    "fever_symmetric": 1000,
    "fool_me_twice": 2000,
    "halueval_qa_gen": 800,
    "healthver": 2200,
    "pawsx_en": 1200,
    "qags": 500,
    "rte_glue": 1800,
    "sick": 3000,
    "summedits": 1200,
    "wice_train_partial": 300,
    "xnli_en_dev": None,
    "cmnli_dev": 5000,
    "cnsd_snli": 4000,
    "pawsx_zh": 2200,
    "xnli_zh_dev": None,
    "pawsx_zh_en": None,
    "xnli_zh_en_dev": None,
}
# files whose dev rows make up the per-language dev splits, and how many groups each
DEV_GROUPS: dict[str, int] = {
    "anli_dev": 120,
    "citation_integrity": 80,
    "healthver": 80,
    "fever_symmetric": 60,
    "climate_fever": 60,
    "rte_glue": 60,
    "sick": 60,
    "xnli_en_dev": 0,  # its groups are drawn through the aligned XNLI pool below
    "cmnli_dev": 150,
    "cnsd_snli": 100,
}
ALIGNED_DEV_GROUPS = {"xnli": 220, "pawsx": 160}  # shared by en, zh and zh-en rows
# files under a permissive licence (MIT, Apache-2.0, CC BY-SA, ODC-BY, PAWS-X free use)
PERMISSIVE = {
    "breaking_nli",
    "citation_integrity",
    "fever_symmetric",
    "fool_me_twice",
    "halueval_qa_gen",
    "summedits",
    "wice_train_partial",
    "pawsx_en",
}
_ALIGNED_ID = re.compile(r"^(xnli|pawsx)-(.+?)-(\d+)-(en|zh|zh-en)$")
_SICK_ID = re.compile(r"^(sick-.+)-(AB|BA)$")


def group_key(row_id: str) -> str:
    """Rows that share an underlying example share this key."""
    if m := _ALIGNED_ID.match(row_id):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    if m := _SICK_ID.match(row_id):
        return m.group(1)
    return row_id


def read_rows(path: Path) -> list[dict]:
    """The JSONL rows of one data file, each tagged with its file stem."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            row["file"] = path.stem
            rows.append(row)
    return rows


def choose_dev_groups(by_file: dict[str, list[dict]], rng: random.Random) -> set[str]:
    """Group keys held out of training."""
    held: set[str] = set()
    for name, count in DEV_GROUPS.items():
        keys = sorted({group_key(r["id"]) for r in by_file.get(name, [])})
        held.update(rng.sample(keys, min(count, len(keys))))
    for family, count in ALIGNED_DEV_GROUPS.items():
        keys = sorted(
            {
                group_key(r["id"])
                for name, rows in by_file.items()
                if name.startswith(family)
                for r in rows
            }
        )
        held.update(rng.sample(keys, min(count, len(keys))))
    return held


def reverse_lingual(rows: Iterable[dict]) -> list[dict]:
    """English claim against Chinese evidence, built from the aligned en and zh rows."""
    en: dict[str, dict] = {}
    zh: dict[str, dict] = {}
    for row in rows:
        if not _ALIGNED_ID.match(row["id"]):
            continue
        key = group_key(row["id"])
        if row["lang"] == "en":
            en[key] = row
        elif row["lang"] == "zh":
            zh[key] = row
    out = []
    for key in sorted(en.keys() & zh.keys()):
        a, b = en[key], zh[key]
        if a["label"] != b["label"]:
            continue
        out.append(
            {
                "id": f"{key}-en-zh",
                "claim": a["claim"],
                "evidence": b["evidence"],
                "label": a["label"],
                "lang": "en-zh",
                "file": a["file"].replace("_en", "_en_zh"),
            }
        )
    return out


def prepare(data_dir: Path, out_dir: Path, seed: int, permissive_only: bool) -> dict:
    """Write the training and dev files; returns the manifest."""
    rng = random.Random(seed)
    by_file = {p.stem: read_rows(p) for p in sorted(data_dir.glob("*.jsonl"))}
    if permissive_only:
        by_file = {k: v for k, v in by_file.items() if k in PERMISSIVE}
    held = choose_dev_groups(by_file, rng)
    all_rows = [r for rows in by_file.values() for r in rows]
    crossed = reverse_lingual(all_rows)

    dev: dict[str, list[dict]] = defaultdict(list)
    train: list[dict] = []
    for name, rows in sorted(by_file.items()):
        kept = [r for r in rows if group_key(r["id"]) not in held]
        for r in rows:
            if group_key(r["id"]) in held:
                dev[r["lang"]].append(r)
        cap = TRAIN_CAPS.get(name, 0)
        if cap is not None and len(kept) > cap:
            kept = rng.sample(kept, cap)
        train.extend(kept)
    for r in crossed:
        (dev["en-zh"] if group_key(r["id"].removesuffix("-en-zh")) in held else train).append(r)

    synthetic_train = synthesize([r for r in train if r["label"] == "supported"], rng)
    synthetic_dev = synthesize(
        [r for lang in ("en", "zh") for r in dev[lang] if r["label"] == "supported"], rng
    )
    tables_train, tables_dev = table_pairs(rng, 1600), table_pairs(random.Random(seed + 1), 300)
    train.extend(synthetic_train + tables_train)
    dev["synthetic"] = synthetic_dev + tables_dev

    for row in train:
        row["evidence"] = window_evidence(row["claim"], row["evidence"])
    for rows in dev.values():
        for row in rows:
            row["evidence"] = window_evidence(row["claim"], row["evidence"])
    rng.shuffle(train)

    out_dir.mkdir(parents=True, exist_ok=True)
    _write(out_dir / "train.jsonl", train)
    for lang, rows in dev.items():
        _write(out_dir / f"dev-{lang}.jsonl", rows)
    manifest = {
        "seed": seed,
        "permissive_only": permissive_only,
        "files": sorted(by_file),
        "train_rows": len(train),
        "train_by_file": _count(train, "file"),
        "train_by_label": _count(train, "label"),
        "dev_rows": {lang: len(rows) for lang, rows in dev.items()},
        "held_groups": len(held),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def _count(rows: list[dict], key: str) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r[key]] += 1
    return dict(sorted(counts.items()))


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for r in rows:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/nli-train"))
    parser.add_argument("--out", type=Path, default=Path("training/work/data"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--permissive-only", action="store_true")
    args = parser.parse_args()
    manifest = prepare(args.data, args.out, args.seed, args.permissive_only)
    print(json.dumps(manifest, indent=1))


if __name__ == "__main__":
    main()
