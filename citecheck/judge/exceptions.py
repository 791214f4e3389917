"""A universal claim against the exception its source states.

"TideKV outperforms every baseline in every category, including code completion"
cited to a page that says "Code completion is the only category in which TideKV
does not lead" is contradicted, though no number of it is wrong and a model reads
the two as close. :func:`stated_exception` finds that second signal: the claim
speaks of all (every, all, 所有, 均 …) without an exception of its own, counts a
named term in (including, even, 包括, 在内, 等: "all methods do poorly on code
completion" does not), and a sentence of the cited text makes that term the
exception ("X is the only … not", "except X", "除 X 外", "唯独 X"). The term must
be named by the claim — verbatim, or for a Chinese claim through the glossary's
English renderings of its words — so an exception about something the claim does
not mention never counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from citecheck.judge.glossary import english_stems, glosses, segment
from citecheck.judge.lexical import is_chinese
from citecheck.textutil import plain_sentences

_UNIVERSAL = re.compile(
    r"\b(?:every|all|each|across the board|without exception)\b"
    r"|所有|全部|每[个一项类种]|均|都|无一例外|一律|全面",
    re.IGNORECASE,
)
_OWN_EXCEPTION = re.compile(
    r"\b(?:except|apart from|other than|but not|save for|only|not|no|never)\b|n't"
    r"|除|唯|仅|只有|以外|之外|不(?![同断少仅错])|没有|未",
    re.IGNORECASE,
)
_INCLUDES = re.compile(
    r"\b(?:including|includes|included|even|as well as|together with)\b"
    r"|包括|包含|甚至|乃至|连同|在内|等(?![于同待级])",
    re.IGNORECASE,
)
_TERM = r"[A-Za-z][\w\-]*(?: [A-Za-z][\w\-]*){0,3}"
_NEGATIVE = r"(?:not|n't|fails?|trails?|lags?|loses?|falls? behind|underperforms?)"
_EXCEPTIONS = (
    # "Code completion is the only category in which TideKV does not lead"
    re.compile(
        rf"(?P<term>{_TERM}) (?:is|was|remains) the (?:only|sole|one) [\w\- ]{{0,40}}?"
        rf"\b(?:in which|where|on which|for which|that|whose)\b[^.;]*?\b{_NEGATIVE}",
        re.IGNORECASE,
    ),
    # "leads in every category except (for) code completion"
    re.compile(rf"\b(?:except(?: for| on| in)?|with the exception of) (?P<term>{_TERM})", re.I),
    # "除代码补全外", "唯独在代码补全上", "只有代码补全任务没有领先"
    re.compile(
        r"除(?:了)?(?:在)?(?P<term>[\u4e00-\u9fff\w\-]{2,12}?)(?:任务|方面|上)?(?:之|以)?外"
    ),
    re.compile(r"唯(?:独|一)(?:在)?(?P<term>[\u4e00-\u9fff\w\-]{2,12}?)(?:任务|方面)?(?:上|中)"),
)
EXCEPTION = "exception"
"""The kind of the :class:`~citecheck.models.Conflict` an excepted term gives."""
_NAME = re.compile(r"[A-Z][A-Za-z]*[A-Z0-9][\w\-.]*")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|on|in|for)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class StatedException:
    """The term the claim includes and the source sentence that excepts it."""

    term: str
    sentence: str


def stated_exception(claim: str, evidence: Sequence[str]) -> StatedException | None:
    """The exception a sentence of ``evidence`` states for a term a universal
    ``claim`` names, or None."""
    if not _UNIVERSAL.search(claim) or _OWN_EXCEPTION.search(claim):
        return None
    if not _INCLUDES.search(claim):  # "all methods do poorly on X" does not count X in
        return None
    for sentence, term in _exceptions(evidence):
        named = _named_part(claim, term)
        if named is not None:
            return StatedException(named, sentence)
    return None


def _exceptions(evidence: Sequence[str]) -> Iterator[tuple[str, str]]:
    for text in evidence:
        for sentence in plain_sentences(text):
            for pattern in _EXCEPTIONS:
                for match in pattern.finditer(sentence):
                    term = _LEADING_ARTICLE.sub("", match.group("term").strip())
                    if term:
                        yield sentence, term


def _named_part(claim: str, term: str) -> str | None:
    """The longest run of the term's words that the claim names: verbatim, or — a
    Chinese claim, an English run of two or more content words — every word through
    the glossary's renderings of the claim's words."""
    words = term.split()
    runs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    runs.sort(key=len, reverse=True)
    named = next((run for run in runs if _specific(run) and _contains(claim, run)), None)
    if named is not None or not is_chinese(claim):
        return named
    rendered: set[str] = set()
    for word in segment(claim):
        rendered |= glosses(word)
    glossed = (run for run in runs if len(set(english_stems(run))) >= 2)
    return next((run for run in glossed if set(english_stems(run)) <= rendered), None)


def _contains(claim: str, run: str) -> bool:
    if is_chinese(run):
        return run in claim
    return re.search(rf"(?<![\w-]){re.escape(run)}(?![\w-])", claim, re.IGNORECASE) is not None


def _specific(run: str) -> bool:
    """Two or more content words, a Chinese term, a name (MMLU, GSM8K) or one word of
    five letters or more."""
    content = english_stems(run)
    if len(content) >= 2 or is_chinese(run):
        return True
    return len(content) == 1 and (len(run) >= 5 or _NAME.fullmatch(run) is not None)
