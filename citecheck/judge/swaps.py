"""A name swapped for another of its kind: "8 H100 GPUs" where the source says "8 A100 GPUs".

No number of such a claim is wrong, and a model reads the two sentences as the same.
:func:`swapped_name` finds the second signal: a model, hardware or dataset name of
the claim (one with a digit in its head: H100, A100, RTX4090, Qwen2.5) occurs nowhere
in the cited text, and a sentence of it puts another name of the same shape (letters
and digits in the same pattern: A100 for H100) in a clause that renders the claim's
clause around the name (:data:`ALIGNED` of its words, :data:`ALIGNED_MIN_WORDS` in
full). A name the claim also writes is never the rival ("A100 and H100").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.judge.coverage import claim_units, sentence_terms
from citecheck.judge.lexical import extract_identifiers
from citecheck.textutil import plain_sentences

ALIGNED = 0.6
"""Share of the claim clause's words the rival's clause must render."""
ALIGNED_MIN_WORDS = 2
"""Words of the claim clause the rival's clause must render in full."""

_CLAUSE_BREAK = re.compile(r"[;；。：！？!?、，,\n]|[.](?=\s|$)|\s(?:and|while|whereas|but)\s")
_HEAD = re.compile(r"[A-Za-z0-9.]+")


@dataclass(frozen=True)
class SwappedName:
    """The claim's name, the source's name in its place, and the source's sentence."""

    claim_name: str
    source_name: str
    sentence: str


def swapped_name(claim: str, evidence: Sequence[str]) -> SwappedName | None:
    """The first name of ``claim`` that the cited text never writes and puts another
    name of the same shape in place of, in a clause aligned with the claim's."""
    text = " ".join(evidence)
    folded = _fold(text)
    named = {_fold(n) for n in extract_identifiers(claim)}
    for name in extract_identifiers(claim):
        shape = _head_shape(name)
        if shape is None or _fold(name) in folded:
            continue
        units = claim_units(_clause_without(claim, name))
        if len(units) < ALIGNED_MIN_WORDS:
            continue
        for sentence in (s for passage in evidence for s in plain_sentences(passage)):
            for rival in extract_identifiers(sentence):
                if _head_shape(rival) != shape or any(_fold(rival).startswith(n) for n in named):
                    continue
                terms = sentence_terms(_clause_without(sentence, rival))
                scores = [u.coverage(terms) for u in units]
                full = sum(s == 1.0 for s in scores)
                if sum(scores) / len(units) >= ALIGNED and full >= ALIGNED_MIN_WORDS:
                    return SwappedName(name, rival, sentence)
    return None


def _head_shape(name: str) -> str | None:
    """The letter/digit pattern of a name's head ("H100" and "A100-40GB": "a9"), for
    heads with a digit; None for others ("Llama-3.1-8B" is a family and a version)."""
    head = _HEAD.match(name)
    if head is None or not re.search(r"\d", head.group(0)) or not head.group(0)[0].isalpha():
        return None
    return re.sub(r"\d+(?:\.\d+)*", "9", re.sub(r"[A-Za-z]+", "a", head.group(0)))


def _clause_without(text: str, name: str) -> str:
    """The clause of ``text`` around the first ``name``, without it."""
    at = text.find(name)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    after = _CLAUSE_BREAK.search(text, at + len(name))
    start = breaks[-1] if breaks else 0
    end = after.start() if after else len(text)
    return text[start:at] + " " + text[at + len(name) : end]


def _fold(text: str) -> str:
    return re.sub(r"[-_\s]", "", text).casefold()
