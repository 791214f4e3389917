"""Lexical checks: what hallucinations usually change, compared claim vs evidence.

Numbers (incl. Chinese numerals and percentages), years, model and dataset
identifiers (``Qwen1.5``, ``Pythia-2.8B``, ``Anthropic-HH``, ``GPT-4``), Latin
named entities and negation cues. Numbers and identifiers are language-neutral,
so a Chinese claim is checked against English evidence the same way.
:func:`analyse` returns the conflicts (with both values) and the overlap
measures the learned verifier uses; :class:`LexicalJudge` is the rule-only
backend built on them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from citecheck.judge.base import SequentialBatchMixin, evidence_sentences
from citecheck.judge.numerals import Quantity, extract_quantities
from citecheck.models import Conflict, Evidence, Verdict
from citecheck.textutil import CJK_RE, CJK_RUN_RE

_IDENTIFIER = re.compile(
    r"(?<![\w\-])(?:"
    r"[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)+"  # Pythia-2.8B, Anthropic-HH, GPT-4
    r"|[A-Za-z]+\d[A-Za-z0-9.]*[A-Za-z0-9]|[A-Za-z]+\d"  # Qwen1.5, T5, GPT4o
    r"|[A-Z][a-z]*[A-Z][A-Za-z]*"  # DPO, LLaMA, RoBERTa, DeepSpeed
    r")(?![\w\-])"
)
_ENTITY = re.compile(r"(?<![\w\-])[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)*")
_EN_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
TABLE_LINE_NUMBERS = 3
"""Numbers that make a 'sentence' a flattened table row, whose 未 / no is a label's."""
_EN_NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|cannot|without|fails? to|failed to|unable to|"
    r"lacks?|\w+n't)\b",
    re.IGNORECASE,
)
_ZH_NEGATION = re.compile(
    r"不(?![同断仅少过管论久错但止足])|没有|没(?!有)|未(?!来)|无法|并非|非(?!常)|无(?!论)"
)
_EN_STOPWORD_TEXT = (
    "a an the of to in on at by for with from and or as is are was were be been being it its "
    "this that these those which who whom whose what when where how than then there their they "
    "he she his her him we our you your i me my also has have had do does did can could will "
    "would should may might must into over under about after before during while such so very "
    "more most other some any each all both only just s"
)
_EN_STOPWORDS = frozenset(_EN_STOPWORD_TEXT.split())
_SENTENCE_INITIAL_TEXT = (
    "The This That These Those It In On At For With From And But Or As He She They We "
    "However Also After Before During When While Its Their His Her A An"
)
_SENTENCE_INITIAL_WORDS = frozenset(_SENTENCE_INITIAL_TEXT.split())
# connectives and quantifiers that open sentences; capitalised there, they are no names
_DISCOURSE_TEXT = (
    "yet still together meanwhile moreover furthermore therefore thus hence overall instead "
    "although though because since despite even here today now notably similarly likewise "
    "indeed finally first second third next last many several few one two three much "
    "nevertheless nonetheless accordingly consequently additionally altogether besides"
)
_NOT_NAMES = _EN_STOPWORDS | frozenset(_DISCOURSE_TEXT.split())


@lru_cache(maxsize=8192)
def is_chinese(text: str) -> bool:
    """True when CJK characters make up a noticeable share of the text."""
    letters = sum(ch.isalpha() for ch in text)
    return letters > 0 and len(CJK_RE.findall(text)) / letters >= 0.2


def _normalise_identifier(token: str) -> str:
    return re.sub(r"[-_\s]", "", token).casefold()


def extract_identifiers(text: str) -> list[str]:
    """Model/dataset identifiers and acronyms as written, in order."""
    return [m.group(0).rstrip(".") for m in _IDENTIFIER.finditer(text)]


def extract_entities(text: str) -> list[str]:
    """Capitalised Latin names that are not identifiers or sentence-initial function words."""
    identifiers = {_normalise_identifier(i) for i in extract_identifiers(text)}
    names = []
    for m in _ENTITY.finditer(text):
        words = [
            w
            for w in m.group(0).split()
            if w not in _SENTENCE_INITIAL_WORDS and w.lower() not in _NOT_NAMES
        ]
        if words and _normalise_identifier(" ".join(words)) not in identifiers:
            names.append(" ".join(words))
    return names


def negation_count(text: str) -> int:
    """How many negation cues (zh and en) the text holds."""
    return len(_EN_NEGATION.findall(text)) + len(_ZH_NEGATION.findall(text))


def content_tokens(text: str) -> list[str]:
    """Comparable content units: stemmed English words and Chinese character bigrams."""
    tokens = [w[:6] for w in _EN_WORD.findall(text.lower()) if w not in _EN_STOPWORDS]
    for run in CJK_RUN_RE.findall(text):
        tokens.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return tokens


def has_content(claim: str) -> bool:
    """Whether a claim says anything checkable: a word of two letters or more, a
    Chinese character, a number or an identifier ("x" and "!!!" say nothing)."""
    words = [t for t in content_tokens(claim) if len(t) > 1 or not t.isascii()]
    return bool(words or extract_quantities(claim) or extract_identifiers(claim))


def _bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


def _coverage(needles: Sequence[Hashable], haystack: AbstractSet[Hashable]) -> float:
    return sum(n in haystack for n in needles) / len(needles) if needles else 1.0


@dataclass
class LexicalAnalysis:
    """Conflicts and overlap of one claim against its evidence sentences."""

    cross_lingual: bool
    sentences: list[str]
    best_index: int | None
    conflicts: list[Conflict] = field(default_factory=list)
    token_coverage: float = 0.0
    best_sentence_coverage: float = 0.0
    bigram_coverage: float = 0.0
    quantity_coverage: float = 1.0
    identifier_coverage: float = 1.0
    entity_coverage: float = 1.0
    claim_quantities: int = 0
    claim_identifiers: int = 0
    claim_entities: int = 0
    negation_mismatch: bool = False
    claim_tokens: int = 0
    missing_tokens: int = 0

    @property
    def best_sentence(self) -> str | None:
        """The evidence sentence that matches the claim best, if any."""
        return None if self.best_index is None else self.sentences[self.best_index]


def analyse(claim: str, evidence: Sequence[str]) -> LexicalAnalysis:
    """Compare a claim with its evidence texts: overlaps and concrete conflicts."""
    sentences = evidence_sentences(evidence)
    full = " ".join(sentences)
    cross = is_chinese(claim) != is_chinese(full) if full else False
    claim_tokens = content_tokens(claim)
    sentence_tokens = [content_tokens(s) for s in sentences]
    evidence_tokens = {t for toks in sentence_tokens for t in toks}
    anchors = _anchors(claim)
    scores = [
        _coverage(claim_tokens, set(toks)) * (0 if cross else 1) + _anchor_overlap(anchors, s)
        for s, toks in zip(sentences, sentence_tokens, strict=True)
    ]
    best = max(range(len(sentences)), key=scores.__getitem__) if sentences else None
    analysis = LexicalAnalysis(cross_lingual=cross, sentences=sentences, best_index=best)
    if best is None:
        return analysis
    focus = sorted(range(len(sentences)), key=scores.__getitem__, reverse=True)[:3]
    focus_text = " ".join(sentences[i] for i in focus)
    _compare_quantities(claim, full, focus_text, analysis)
    _compare_identifiers(claim, full, focus_text, analysis)
    entities = extract_entities(claim)
    analysis.claim_entities = len(entities)
    folded = full.casefold()
    analysis.entity_coverage = (
        sum(e.casefold() in folded for e in entities) / len(entities) if entities else 1.0
    )
    analysis.claim_tokens = len(claim_tokens)
    analysis.token_coverage = _coverage(claim_tokens, evidence_tokens)
    analysis.missing_tokens = sum(t not in evidence_tokens for t in claim_tokens)
    analysis.best_sentence_coverage = max(_coverage(claim_tokens, set(t)) for t in sentence_tokens)
    evidence_bigrams = set().union(*(_bigrams(t) for t in sentence_tokens))
    analysis.bigram_coverage = _coverage(list(_bigrams(claim_tokens)), evidence_bigrams)
    claim_negated = negation_count(claim) % 2 == 1
    best_negated = negation_count(sentences[best]) % 2 == 1
    analysis.negation_mismatch = claim_negated != best_negated
    tabular = len(extract_quantities(sentences[best])) >= TABLE_LINE_NUMBERS  # "g(未分级) 0.2"
    if (
        analysis.negation_mismatch
        and not cross
        and not tabular
        and analysis.best_sentence_coverage >= 0.6
    ):
        analysis.conflicts.append(
            Conflict(kind="negation", claim_value=claim, evidence_value=sentences[best])
        )
    return analysis


def _anchors(claim: str) -> list[str]:
    values = [q.raw for q in extract_quantities(claim)]
    return values + extract_identifiers(claim) + extract_entities(claim)


def _anchor_overlap(anchors: list[str], sentence: str) -> float:
    folded = sentence.casefold()
    return 0.5 * sum(a.casefold() in folded for a in anchors)


def _compare_quantities(claim: str, full: str, focus: str, out: LexicalAnalysis) -> None:
    claim_q = extract_quantities(claim)
    evidence_q = extract_quantities(full)
    focus_q = extract_quantities(focus)
    out.claim_quantities = len(claim_q)
    matched = [q for q in claim_q if any(q.matches(e) for e in evidence_q)]
    out.quantity_coverage = len(matched) / len(claim_q) if claim_q else 1.0
    for q in claim_q:
        if q in matched or is_small_count(q):
            continue
        rivals = [e for e in focus_q if e.kind == q.kind]
        if rivals:
            nearest = min(rivals, key=lambda e: abs(e.value - q.value))
            out.conflicts.append(
                Conflict(kind=q.kind, claim_value=q.raw, evidence_value=nearest.raw)
            )


SMALL_COUNT_MAX = 12


def is_small_count(q: Quantity) -> bool:
    """A small unitless integer (2 epochs, four GPUs): such counts fill sentences
    about unrelated things, so a different one nearby is no contradiction. It
    still lowers the claim's quantity coverage."""
    return q.kind == "number" and q.decimals == 0 and q.value <= SMALL_COUNT_MAX


def _stem(identifier: str) -> str:
    return re.match(r"[a-z]*", _normalise_identifier(identifier)).group(0)  # type: ignore[union-attr]


def _compare_identifiers(claim: str, full: str, focus: str, out: LexicalAnalysis) -> None:
    claim_ids = extract_identifiers(claim)
    evidence_text = _normalise_identifier(full)
    out.claim_identifiers = len(claim_ids)
    present = [i for i in claim_ids if _normalise_identifier(i) in evidence_text]
    out.identifier_coverage = len(present) / len(claim_ids) if claim_ids else 1.0
    focus_ids = extract_identifiers(focus)
    for ident in claim_ids:
        if ident in present:
            continue
        stem = _stem(ident)
        rivals = [f for f in focus_ids if stem and _stem(f) == stem]
        if rivals:
            out.conflicts.append(
                Conflict(kind="identifier", claim_value=ident, evidence_value=rivals[0])
            )


def describe_conflicts(conflicts: Sequence[Conflict]) -> str:
    """One readable line naming each conflict with both values."""
    parts = []
    for c in conflicts:
        if c.kind == "negation":
            parts.append("negation differs from the closest evidence sentence")
        else:
            parts.append(f"{c.kind} '{c.claim_value}' vs evidence '{c.evidence_value}'")
    return "; ".join(parts)


def verdict_evidence(analysis: LexicalAnalysis) -> list[Evidence]:
    """The closest evidence sentence, as an :class:`Evidence` a finding can show."""
    best = analysis.best_sentence
    if best is None:
        return []
    return [Evidence(source="evidence", locator=f"sentence {analysis.best_index + 1}", text=best)]  # type: ignore[operator]


class LexicalJudge(SequentialBatchMixin):
    """Rule-only backend: conflicts → contradicted, full coverage → supported."""

    name = "lexical"

    def __init__(self, supported_min: float = 0.5) -> None:
        self.supported_min = supported_min

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        """Judge by conflicts and by how much of the claim the evidence covers."""
        if not has_content(claim):
            return Verdict(
                label="unsupported",
                score=0.0,
                confident=False,
                backend=self.name,
                reason="the claim has no content words: not judged",
            )
        a = analyse(claim, evidence)
        if a.best_index is None:
            return Verdict(label="unsupported", score=0.0, backend=self.name, reason="no evidence")
        coverage = min(a.quantity_coverage, a.identifier_coverage, a.entity_coverage)
        anchored = a.claim_quantities + a.claim_identifiers + a.claim_entities > 0
        if a.cross_lingual:  # only language-neutral anchors can be compared
            overlap = 1.0 if anchored else 0.0
        else:
            overlap = a.bigram_coverage * 0.5 + a.token_coverage * 0.5
        score = round(0.0 if a.conflicts else overlap * coverage, 4)
        if a.conflicts:
            label, reason = "contradicted", describe_conflicts(a.conflicts)
        elif score >= self.supported_min:
            label, reason = "supported", f"evidence covers {a.token_coverage:.0%} of claim terms"
        else:
            label, reason = "unsupported", f"evidence covers {a.token_coverage:.0%} of claim terms"
        return Verdict(
            label=label,
            score=score,
            backend=self.name,
            evidence=verdict_evidence(a),
            evidence_span=a.best_sentence,
            reason=reason,
            conflicts=a.conflicts,
        )
