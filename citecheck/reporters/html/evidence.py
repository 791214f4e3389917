"""An evidence passage as HTML with the sentence that matches the claim emphasised.

The sentence sharing most with the claim (numbers count most, then Latin words
and CJK character pairs) is wrapped in ``<strong class="match">``; inside the
passage, numbers the claim also states are marked ``num``, and in the matched
sentence the numbers the claim does not state are marked ``num-other`` (where a
contradiction usually shows). Long passages are cut around the matched sentence.
"""

from __future__ import annotations

import re
from html import escape

from citecheck.textutil import CJK_RUN_RE, plain_sentences

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*%?")
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
    best_score = 0
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


def _numbers_html(text: str, claim_numbers: set[str], *, matched: bool) -> str:
    """``text`` escaped, numbers marked: shared with the claim, or (matched) other."""
    html, last = [], 0
    for match in NUMBER_RE.finditer(text):
        number = match.group()
        kind = "num" if number in claim_numbers else ("num-other" if matched else "")
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
        return _numbers_html(_clip_right(flat, UNMATCHED_CHARS), claim_numbers, matched=False)
    start, end = sentence
    before = _clip_left(flat[:start], CONTEXT_CHARS)
    after = _clip_right(flat[end:], CONTEXT_CHARS)
    return (
        _numbers_html(before, claim_numbers, matched=False)
        + '<strong class="match">'
        + _numbers_html(flat[start:end], claim_numbers, matched=True)
        + "</strong>"
        + _numbers_html(after, claim_numbers, matched=False)
    )
