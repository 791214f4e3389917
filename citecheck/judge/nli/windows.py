"""Cut long evidence down to the window a cross-encoder can read.

A pair must fit the model's input (about 160 tokens), so evidence longer than a few
sentences is reduced to the best-matching sentence and its neighbours, up to a
character budget that depends on the script (a Chinese character is about one
token, an English word about 1.3). Training and the judge use the same cut.
"""

from __future__ import annotations

import re

from citecheck.textutil import CJK_RE, cjk_ratio, plain_sentences

_WORD = re.compile(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*")
EN_BUDGET = 420
ZH_BUDGET = 170


def _keys(text: str) -> set[str]:
    lowered = text.lower()
    words = {w for w in _WORD.findall(lowered) if len(w) > 2 or w.isdigit()}
    cjk = "".join(CJK_RE.findall(text))
    return words | {cjk[i : i + 2] for i in range(len(cjk) - 1)}


def budget_for(text: str) -> int:
    """Character budget for evidence in ``text``'s script."""
    ratio = cjk_ratio(text)
    return int(EN_BUDGET - (EN_BUDGET - ZH_BUDGET) * ratio)


def window_evidence(claim: str, evidence: str) -> str:
    """``evidence`` itself when short, else the best sentence with its neighbours."""
    budget = budget_for(evidence)
    if len(evidence) <= budget:
        return evidence
    sentences = plain_sentences(evidence, max_chars=budget)
    if not sentences:
        return evidence[:budget]
    claim_keys = _keys(claim)
    scores = [len(claim_keys & _keys(s)) for s in sentences]
    best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
    lo = hi = best
    size = len(sentences[best])
    while True:
        grown = False
        for candidate in (lo - 1, hi + 1):
            if 0 <= candidate < len(sentences) and size + len(sentences[candidate]) + 1 <= budget:
                size += len(sentences[candidate]) + 1
                lo, hi = min(lo, candidate), max(hi, candidate)
                grown = True
        if not grown:
            break
    return " ".join(sentences[lo : hi + 1])
