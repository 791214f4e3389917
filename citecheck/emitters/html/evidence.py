"""An evidence passage as HTML with the sentence that matches the claim emphasised.

The sentence sharing most with the claim (numbers count most, then Latin words
and CJK character pairs) is wrapped in ``<strong class="match">``; inside the
passage, numbers the claim also states are marked ``num``; in the matched
sentence, when a claim number is missing there, the numbers of its kind (percent
or not) that the claim does not state are marked ``num-other``: where a
contradiction usually shows. Long passages are cut around the matched sentence.
"""

from __future__ import annotations

import re
from html import escape

from citecheck.textutil import CJK_RUN_RE, plain_sentences

NUMBER_RE = re.compile(r"(?<![A-Za-z0-9.])\d+(?:[.,]\d+)*%?(?![A-Za-z0-9])")
"""A number standing alone: not the digits of a name such as ``Pythia-410M`` or ``Qwen1.5``."""
MIN_MATCH_SCORE = 3
"""A sentence is emphasised only when it shares a number or three words with the claim."""
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9\-]{2,}")
CONTEXT_CHARS = 240
"""Characters kept on each side of the matched sentence."""
UNMATCHED_CHARS = 400
"""Characters kept of a passage with no matching sentence."""


def _terms(text: str) -> tuple[set[str], set[str]]:
    """The numbers of ``text``, and its words and CJK character pairs."""
    numbers = set(NUMBER_RE.findall(text))
    words = {w.casefold() for w in _WORD_RE.findall(text)}
    for run in CJK_RUN_RE.findall(text):
        words.update(run[i : i + 2] for i in range(len(run) - 1))
    return numbers, words


def _best_sentence(passage: str, claim: str) -> tuple[int, int] | None:
    """Offsets of the sentence of ``passage`` sharing most with ``claim``; None if none does."""
    claim_numbers, claim_words = _terms(claim)
    best: tuple[int, int] | None = None
    best_score = MIN_MATCH_SCORE - 1
    cursor = 0
    for sentence in plain_sentences(passage):
        start = passage.find(sentence, cursor)
        if start < 0:
            continue
        cursor = start + len(sentence)
        numbers, words = _terms(sentence)
        score = 3 * len(numbers & claim_numbers) + len(words & claim_words)
        if score > best_score:
            best, best_score = (start, cursor), score
    return best


def _numbers_html(text: str, claim_numbers: set[str], other: set[bool]) -> str:
    """``text`` escaped, with numbers the claim states marked ``num`` and, where ``other``
    holds their kind (percent or not), numbers the claim does not state marked ``num-other``."""
    html, last = [], 0
    for match in NUMBER_RE.finditer(text):
        number = match.group()
        shared = number in claim_numbers
        kind = "num" if shared else ("num-other" if number.endswith("%") in other else "")
        html.append(escape(text[last : match.start()]))
        html.append(f'<mark class="{kind}">{escape(number)}</mark>' if kind else escape(number))
        last = match.end()
    html.append(escape(text[last:]))
    return "".join(html)


def _clip_left(text: str, limit: int) -> str:
    return text if len(text) <= limit else "…" + text[-limit:]


def _clip_right(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def passage_html(passage: str, claim: str | None) -> str:
    """``passage`` as HTML, emphasised against ``claim`` (plain and clipped without one)."""
    flat = " ".join(passage.split())
    sentence = _best_sentence(flat, claim) if claim else None
    claim_numbers = set(NUMBER_RE.findall(claim or ""))
    if sentence is None:
        return _numbers_html(_clip_right(flat, UNMATCHED_CHARS), claim_numbers, set())
    start, end = sentence
    matched = flat[start:end]
    missing = claim_numbers - set(NUMBER_RE.findall(matched))
    before = _clip_left(flat[:start], CONTEXT_CHARS)
    after = _clip_right(flat[end:], CONTEXT_CHARS)
    return (
        _numbers_html(before, claim_numbers, set())
        + '<strong class="match">'
        + _numbers_html(matched, claim_numbers, {n.endswith("%") for n in missing})
        + "</strong>"
        + _numbers_html(after, claim_numbers, set())
    )
