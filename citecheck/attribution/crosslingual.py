"""English claims about Chinese evidence, read through the bilingual dictionary.

The support judge measures how much of a Chinese claim an English sentence
renders, but not the other way round, so an English sentence about a Chinese
talk gets no lexical reading at all. Here every Chinese word of a transcript
turn or keyframe note is glossed with its English stems (CC-CEDICT and the
field glossaries, :mod:`citecheck.judge.glossary`) and the share of the claim's
content stems found there is its coverage. Proper names are left out of the
claim (transcripts rarely spell them in Latin letters); numbers and acronyms
stay.
"""

from __future__ import annotations

import re

from citecheck.models import SourceUnit
from citecheck.textutil import CJK_RE

_CLAIM_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*|\d+(?:\.\d+)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def is_across_languages(claim: str, units: list[SourceUnit]) -> bool:
    """An English claim (no Chinese characters) compared with evidence holding Chinese."""
    return not CJK_RE.search(claim) and any(CJK_RE.search(u.text) for u in units)


def _claim_stems(claim: str) -> set[str]:
    from citecheck.judge.glossary import STOPWORDS, stem

    words = _CLAIM_WORD.findall(claim)
    kept = [w for w in words if not (w[0].isupper() and w[1:].islower())]  # names out
    return {stem(w) for w in kept if w.lower() not in STOPWORDS}


def _evidence_stems(text: str) -> set[str]:
    from citecheck.judge.glossary import english_stems, glosses, segment

    stems = set(english_stems(text)) | set(_NUMBER.findall(text))
    for word in segment(text):
        stems |= glosses(word)
    return stems


def glossed_coverage(
    claim: str, units: list[SourceUnit], width: int = 1
) -> tuple[float, SourceUnit | None]:
    """The best share of the claim's content stems that ``width`` consecutive units render
    (glossed), and the first unit of that window."""
    wanted = _claim_stems(claim)
    if not wanted or not units:
        return 0.0, None
    stems = [_evidence_stems(u.text) for u in units]
    best, where = 0.0, None
    for index in range(len(units)):
        window = set().union(*stems[index : index + width])
        share = len(wanted & window) / len(wanted)
        if share > best:
            best, where = share, units[index]
    return best, where
