"""Synthetic pairs for the defects agent-written reports really have.

From supported (claim, evidence) pairs:
- a number or year in the claim changed (contradicted, when the evidence states the
  original number);
- a direction reversed (improves → degrades, 提高 → 降低; contradicted);
- a model or dataset name swapped for another (contradicted, when the evidence names
  the original);
- two names in the claim swapped, subject for object (unsupported);
- the evidence of a neighbouring pair from the same file, the nearest by word overlap
  (unsupported);
- the claim joined to an unrelated claim, one part supported and one not (unsupported).

And table rows read against a claim (:func:`table_pairs`): the right cell (supported),
another row's or column's cell (contradicted), the caption alone (unsupported), in
English and Chinese claims against English rows.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable

_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")
_DIRECTIONS = [
    ("increases", "decreases"),
    ("increased", "decreased"),
    ("improves", "degrades"),
    ("improved", "worsened"),
    ("higher", "lower"),
    ("more", "fewer"),
    ("larger", "smaller"),
    ("better", "worse"),
    ("outperforms", "underperforms"),
    ("rises", "falls"),
    ("提高", "降低"),
    ("增加", "减少"),
    ("上升", "下降"),
    ("优于", "劣于"),
    ("增强", "削弱"),
    ("高于", "低于"),
    ("超过", "不及"),
    ("扩大", "缩小"),
    ("更多", "更少"),
    ("加快", "减慢"),
]
MODELS = [
    "GPT-4",
    "GPT-3.5",
    "LLaMA-2-7B",
    "Llama-3-8B",
    "Qwen2.5-7B",
    "Qwen1.5-0.5B",
    "Mistral-7B",
    "BERT-base",
    "RoBERTa-large",
    "T5-XL",
    "Pythia-410M",
    "Pythia-1.4B",
    "Gemma-2B",
    "DeepSeek-V2",
]
DATASETS = [
    "GSM8K",
    "MMLU",
    "HumanEval",
    "MATH",
    "TriviaQA",
    "SQuAD",
    "HellaSwag",
    "ARC-Challenge",
    "AlpacaEval",
    "MT-Bench",
    "C-Eval",
    "CMMLU",
    "WikiText-103",
    "BoolQ",
]
METHODS = ["DPO", "PPO", "SFT", "LoRA", "TideKV", "SimPO", "KTO", "ORPO", "RLHF", "H2O"]
_NAME_RE = re.compile(
    "|".join(re.escape(n) for n in sorted(MODELS + DATASETS + METHODS, key=len, reverse=True))
)


def _changed_number(rng: random.Random, value: str) -> str:
    if "." in value:
        whole, frac = value.split(".")
        delta = rng.choice([-3, -2, -1, 1, 2, 5])
        return f"{max(0, int(whole) + delta)}.{frac}"
    number = int(value)
    if 1900 <= number <= 2030:
        return str(number + rng.choice([-3, -2, -1, 1, 2]))
    return str(max(0, number + rng.choice([-7, -3, -2, -1, 1, 2, 3, 10])) or number + 1)


def number_change(row: dict, rng: random.Random) -> dict | None:
    """Change a number that the evidence also states."""
    hits = [m for m in _NUMBER.finditer(row["claim"]) if m.group() in row["evidence"]]
    if not hits:
        return None
    hit = rng.choice(hits)
    new = _changed_number(rng, hit.group())
    if new == hit.group() or new in row["evidence"]:
        return None
    claim = row["claim"][: hit.start()] + new + row["claim"][hit.end() :]
    return _derived(row, claim, row["evidence"], "contradicted", "number")


def direction_flip(row: dict, rng: random.Random) -> dict | None:
    """Reverse a direction word of the claim."""
    options = [(a, b) for a, b in _DIRECTIONS if a in row["claim"]]
    options += [(b, a) for a, b in _DIRECTIONS if b in row["claim"]]
    if not options:
        return None
    old, new = rng.choice(options)
    if re.fullmatch(r"[a-z]+", old) and not re.search(rf"\b{old}\b", row["claim"]):
        return None
    claim = row["claim"].replace(old, new, 1)
    return _derived(row, claim, row["evidence"], "contradicted", "direction")


def name_swap(row: dict, rng: random.Random) -> dict | None:
    """Replace a model, dataset or method name the evidence names."""
    hits = [m for m in _NAME_RE.finditer(row["claim"]) if m.group() in row["evidence"]]
    if not hits:
        return None
    hit = rng.choice(hits)
    pool = next(p for p in (MODELS, DATASETS, METHODS) if hit.group() in p)
    new = rng.choice([n for n in pool if n != hit.group() and n not in row["evidence"]])
    claim = row["claim"][: hit.start()] + new + row["claim"][hit.end() :]
    return _derived(row, claim, row["evidence"], "contradicted", "name")


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?\b")


def role_swap(row: dict, rng: random.Random) -> dict | None:
    """Swap two distinct names of the claim (subject and object)."""
    names = list(dict.fromkeys(m.group() for m in _CAPITALISED.finditer(row["claim"])))
    names = [n for n in names if n in row["evidence"]]
    if len(names) < 2 or row["claim"].index(names[0]) == 0:
        return None
    a, b = names[0], names[1]
    claim = row["claim"].replace(a, "\0").replace(b, a).replace("\0", b)
    if claim == row["claim"]:
        return None
    return _derived(row, claim, row["evidence"], "unsupported", "swap")


def _derived(row: dict, claim: str, evidence: str, label: str, kind: str) -> dict:
    return {
        "id": f"{row['id']}~{kind}",
        "claim": claim,
        "evidence": evidence,
        "label": label,
        "lang": row["lang"],
        "file": f"synthetic-{kind}",
    }


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w{3,}", text.lower())) | set(re.findall(r"[\u4e00-\u9fff]{2}", text))


def neighbour_evidence(rows: list[dict], rng: random.Random, count: int) -> list[dict]:
    """Claims paired with the most similar evidence of another row of the same file."""
    by_file: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_file[r["file"]].append(r)
    out = []
    for _ in range(count):
        row = rng.choice(rows)
        others = [
            o
            for o in rng.sample(by_file[row["file"]], min(12, len(by_file[row["file"]])))
            if o["evidence"] != row["evidence"]
        ]
        if not others:
            continue
        claim_words = _words(row["claim"])
        nearest = max(others, key=lambda o: len(claim_words & _words(o["evidence"])))
        if row["claim"] in nearest["evidence"]:
            continue
        out.append(_derived(row, row["claim"], nearest["evidence"], "unsupported", "neighbour"))
    return out


def conjunction(rows: list[dict], rng: random.Random, count: int) -> list[dict]:
    """A supported claim joined to another row's claim: half supported is unsupported."""
    out = []
    for _ in range(count):
        row, other = rng.sample(rows, 2)
        if other["lang"] != row["lang"] or other["claim"] in row["evidence"]:
            continue
        first = row["claim"].rstrip("。.!！ ")
        second = other["claim"].rstrip("。.!！ ")
        if row["lang"] == "zh":
            claim = f"{first}，并且{second}。"
        else:
            claim = f"{first}, and {second[:1].lower()}{second[1:]}."
        if rng.random() < 0.5:
            claim = (
                f"{second}，并且{first}。"
                if row["lang"] == "zh"
                else f"{second}, and {first[:1].lower()}{first[1:]}."
            )
        out.append(_derived(row, claim, row["evidence"], "unsupported", "conjunction"))
    return out


_EDITS: list[Callable[[dict, random.Random], dict | None]] = [
    number_change,
    direction_flip,
    name_swap,
    role_swap,
]


def synthesize(supported: list[dict], rng: random.Random) -> list[dict]:
    """Every applicable single edit of each supported pair, plus neighbours and conjunctions."""
    out: list[dict] = []
    for row in supported:
        for edit in _EDITS:
            derived = edit(row, rng)
            if derived is not None:
                out.append(derived)
    if len(supported) >= 2:
        out += neighbour_evidence(supported, rng, len(supported) // 8)
        out += conjunction(supported, rng, len(supported) // 10)
    return out


_METRICS = [
    ("accuracy", "准确率"),
    ("F1", "F1"),
    ("pass@1", "pass@1"),
    ("exact match", "精确匹配率"),
    ("win rate", "胜率"),
]


def table_pairs(rng: random.Random, count: int) -> list[dict]:
    """Claims read against row-wise table evidence ("Table 3 · model · dataset · value")."""
    out = []
    for i in range(count):
        table = rng.randint(1, 9)
        metric, metric_zh = rng.choice(_METRICS)
        models = rng.sample(MODELS, 3)
        datasets = rng.sample(DATASETS, 3)
        cells = {(m, d): f"{rng.uniform(20, 95):.1f}" for m in models for d in datasets}
        caption = f"Table {table}: {metric} of {', '.join(models)} on {', '.join(datasets)}."
        rows = [f"Table {table} · {m} · {d} · {cells[m, d]}" for m in models for d in datasets]
        model, dataset = rng.choice(models), rng.choice(datasets)
        zh = rng.random() < 0.4
        kind = rng.choices(["right", "row", "column", "caption"], weights=[4, 2, 2, 1])[0]
        if kind == "right":
            value, label, evidence = cells[model, dataset], "supported", rows
        elif kind == "row":
            other = rng.choice([m for m in models if cells[m, dataset] != cells[model, dataset]])
            value, label, evidence = cells[other, dataset], "contradicted", rows
        elif kind == "column":
            other = rng.choice([d for d in datasets if cells[model, d] != cells[model, dataset]])
            value, label, evidence = cells[model, other], "contradicted", rows
        else:
            value, label, evidence = cells[model, dataset], "unsupported", []
        if zh:
            claim = f"表{table}显示，{model}在{dataset}上的{metric_zh}为{value}。"
        else:
            claim = f"According to Table {table}, {model} reaches {value} {metric} on {dataset}."
        lines = [caption, *rng.sample(evidence, min(len(evidence), 4))]
        if (
            label != "unsupported"
            and f"Table {table} · {model} · {dataset} · {cells[model, dataset]}" not in lines
        ):
            lines[-1] = f"Table {table} · {model} · {dataset} · {cells[model, dataset]}"
        out.append(
            {
                "id": f"table-{i}",
                "claim": claim,
                "evidence": "\n".join(lines),
                "label": label,
                "lang": "zh-en" if zh else "en",
                "file": "synthetic-table",
            }
        )
    return out
