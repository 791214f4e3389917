"""Cheap lexical overlap between a claim and source units.

Used to pick the passage or transcript segment a claim is about when no judge
is wired in (``LintContext.judge_units`` is None), and as the support fallback
for video claims. Tokens are Latin words, numbers and Chinese character bigrams,
so "SFT", "squeezing" and "挤压效应" all count.
"""

from __future__ import annotations

import itertools
import re

from citecheck.models import ScoredUnit, SourceUnit
from citecheck.textutil import CJK_RE, CJK_RUN_RE

MIN_COMPARABLE_TOKENS = 3
_STOPWORDS = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are"}
_STOPWORDS |= {"was", "were", "be", "this", "that", "it", "as", "by", "at", "from", "its", "their"}
_STOPWORDS |= {"then", "also", "how"}
_STOPWORDS |= {"video", "talk", "speaker", "presenter", "explains", "shows"}  # a talk's own words
_CJK_STOP = set("的了是在和与及并也将对其中这那一个我们他她它们")
_CJK_STOP_BIGRAMS = {"视频", "讲解", "讲者", "主讲", "演讲", "报告", "部分", "内容"}


def tokens(text: str) -> set[str]:
    """Content tokens of a text: Latin words, numbers and CJK bigrams."""
    lowered = text.casefold()
    found = {w for w in re.findall(r"[a-z0-9][a-z0-9.+\-]*", lowered) if w not in _STOPWORDS}
    for run in CJK_RUN_RE.findall(lowered):
        chars = [c for c in run if c not in _CJK_STOP]
        found.update(a + b for a, b in itertools.pairwise(chars) if a + b not in _CJK_STOP_BIGRAMS)
    return {t.rstrip(".") for t in found if len(t.rstrip(".")) >= 2}


def rank_by_overlap(claim: str, units: list[SourceUnit], k: int = 3) -> list[ScoredUnit]:
    """The ``k`` units holding most of the claim's tokens, best first."""
    wanted = tokens(claim)
    if not wanted:
        return []
    scored = []
    for unit in units:
        share = len(wanted & tokens(unit.text)) / len(wanted)
        scored.append(ScoredUnit(unit, share, lexical_score=share))
    return sorted(scored, key=lambda s: s.score, reverse=True)[:k]


def _comparable(claim_tokens: set[str], units: list[SourceUnit]) -> set[str]:
    """Claim tokens in a script the evidence uses: Chinese bigrams are dropped for an
    all-Latin transcript, where they could never match."""
    if any(CJK_RE.search(u.text) for u in units):
        return claim_tokens
    return {t for t in claim_tokens if not CJK_RE.search(t)}


def window_support(claim: str, units: list[SourceUnit], width: int = 2) -> float:
    """Best share of (comparable) claim tokens found in ``width`` consecutive units."""
    wanted = _comparable(tokens(claim), units)
    if len(wanted) < MIN_COMPARABLE_TOKENS or not units:
        return 0.0
    best = 0.0
    for i in range(len(units)):
        window = set().union(*(tokens(u.text) for u in units[i : i + width]))
        best = max(best, len(wanted & window) / len(wanted))
    return best
