"""Which report sentences carry a checkable claim, and the parts a citation must support.

A citation supports a sentence only if it supports *all* of it, so compound
sentences ("A；同时 B", "A, while B") are split into their clauses and each is
judged on its own. Headings, reference lists, lead-ins ("论文结构包括："),
questions and meta sentences about the report itself are not claims.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from citecheck.models import Claim
from citecheck.textutil import CJK_RE, LATIN_WORD_RE

MIN_CJK_CHARS = 8
MIN_LATIN_WORDS = 5

_BRACKET_CITATION = re.compile(r"\[[^\[\]]*\]")
_MARKDOWN_MARKERS = re.compile(r"^\s*(?:[-*+>]|#{1,6}|\d+[.)](?!\d)|（\d+）|\(\d+\))\s*|[*`]+")
_LEAD_IN_END = re.compile(r"[:：]\s*$")
_QUESTION_END = re.compile(r"[?？]\s*$")
# sentences about the report itself ("本报告梳理……", "This report reviews …"); 本文
# only with a future or ordering word: in a reading report it is often the paper read
_META = re.compile(
    r"^(?:本(?:报告|文|节|章|部分)(?:将|主要|首先|接下来|下面|以下)|"
    r"本(?:报告|节|章|部分)(?:梳理|介绍|回顾|讨论|分析|总结|概述|探讨|综述|聚焦|考察|围绕|旨在|"
    r"从|对|就)|"
    r"下面(?:将|我们)|以下(?:将|为|是)|接下来|综上所述[，,]?$|"
    r"(?:in )?this (?:report|section|chapter|overview|brief) (?:will|first|then|reviews|examines|"
    r"describes|covers|summari[sz]es|discusses|outlines|looks at|focuses|surveys|presents|"
    r"explores|considers|sets out)|below,? we|as follows"
    # a note on how the agent gathered its sources: about the run, not the sources
    r"|(?:an? )?notes? on (?:the )?(?:sources|method|process)\b|(?:资料|材料|来源)说明[:：])",
    re.IGNORECASE,
)

_SELF_LENGTH = re.compile(r"\d[\d,]*\s*(?:余|多)?\s*(?:个)?(?:字|words?|characters)", re.IGNORECASE)
_SELF_WORDS = re.compile(
    r"全文|本文|本报告|报告|正文|全篇|总?字数|篇幅|共计?|总计|合计|大约|约|左右|结构完整|内容完整|"
    r"引用规范|格式规范|完整|规范|word count|length|total|in total|this report|the report|"
    r"approximately|about|around|roughly|~",
    re.IGNORECASE,
)

_ZH_SPLITTERS = re.compile(r"；|，(?=同时|并且|而且|此外|另外|而(?!言))")
_EN_SPLITTERS = re.compile(r";\s+|,\s+(?=(?:while|whereas|and|but)\s)", re.IGNORECASE)
_LEADING_CONNECTIVE = re.compile(r"^(?:同时|并且|而且|此外|另外|而|(?:while|whereas|and|but)\s+)")

_NUMBER = re.compile(r"(?<![A-Za-z\d])\d+(?:[.,]\d+)*\s*(?:%|％|倍|个|万|亿|篇|年|x|×)?")
_ENUMERATOR = re.compile(r"^\s*(?:（\d+）|\(\d+\)|\d+[.)、](?!\d))")
# \b would see no boundary between CJK and Latin letters: use ASCII look-arounds.
_IDENTIFIER = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"[A-Za-z]+[-.]?\d[A-Za-z0-9_.\-]*"  # Qwen1.5-0.5B, GPT-4, Pythia-410M
    r"|[A-Z][a-z]+[A-Z][A-Za-z]+"  # UltraFeedback, DeepSeek
    r"|[A-Z][A-Za-z]*-[A-Z]{2,}"  # Anthropic-HH
    r"|arXiv:\S+"
    r")(?![A-Za-z0-9])"
)
_NAMED_RESULT = re.compile(
    r"提升了|提高了|降低了|下降了|达到|超过|优于|领先|准确率|召回率|胜率|最先进|"
    r"outperform|achiev|state[- ]of[- ]the[- ]art|SOTA|accuracy|win rate|improv\w* by",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"“[^”]{12,}”|\"[^\"]{12,}\"")


def claim_body(claim: Claim) -> str:
    """The claim's text without its citation brackets and markdown markers."""
    text = claim.text
    for citation in claim.citations:
        text = text.replace(citation.text, "")
    text = _BRACKET_CITATION.sub("", text) if claim.citations else text
    return _MARKDOWN_MARKERS.sub("", text).strip()


def content_size(text: str) -> int:
    """CJK characters plus Latin words: how much a fragment says."""
    cjk = len(CJK_RE.findall(text))
    latin = len(LATIN_WORD_RE.findall(CJK_RE.sub(" ", text)))
    return cjk + latin


def _has_content(text: str, lang: Literal["zh", "en"]) -> bool:
    if lang == "zh" or CJK_RE.search(text):
        return content_size(text) >= MIN_CJK_CHARS
    return len(LATIN_WORD_RE.findall(text)) >= MIN_LATIN_WORDS


def is_about_the_report(text: str) -> bool:
    """True for a statement about the report itself: its length, and words such as
    结构完整 or 引用规范 (（全文约5000字，结构完整）, "Word count: approximately 3,200
    words"). The length rule checks those; they are no claims about the sources."""
    if not _SELF_LENGTH.search(text):
        return False
    rest = _SELF_WORDS.sub(" ", _SELF_LENGTH.sub(" ", text))
    return content_size(rest) <= 1


def is_checkable(claim: Claim) -> bool:
    """True when the sentence states something a source could support.

    Skipped: headings, reference-list lines, code, lead-ins ending in a colon,
    questions, meta sentences about the report, statements about the report
    itself (its length), and fragments too short to say anything.
    """
    if claim.block in ("heading", "code") or claim.in_reference_list:
        return False
    body = claim_body(claim)
    if _LEAD_IN_END.search(body) or _QUESTION_END.search(body):
        return False
    if _META.search(body) or is_about_the_report(body):
        return False
    return _has_content(body, claim.lang)


def split_claim(text: str, lang: Literal["zh", "en"] = "zh") -> list[str]:
    """The clauses of a compound sentence that each need support.

    Splits on ``；`` and on ``，同时/并且/而且/此外/而`` (zh) or ``;`` and
    ``, while/whereas/and/but`` (en). A piece too short to carry content is
    joined to the one before it, so the result never holds bare fragments.
    """
    chinese = lang == "zh" or bool(CJK_RE.search(text))
    splitter, joiner = (_ZH_SPLITTERS, "，") if chinese else (_EN_SPLITTERS, ", ")
    parts: list[str] = []
    for piece in (p.strip(" ，,;；") for p in splitter.split(text)):
        if not piece:
            continue
        if parts and not (_has_content(piece, lang) and _has_content(parts[-1], lang)):
            parts[-1] = f"{parts[-1]}{joiner}{piece}"
        else:
            parts.append(_LEADING_CONNECTIVE.sub("", piece) if parts else piece)
    return parts or [text.strip()]


TOPIC_MIN_CLAIMS = 5
"""Claims of a report an identifier must occur in to be the report's topic."""


def report_topics(claims: Sequence[Claim]) -> frozenset[str]:
    """Identifiers the report keeps coming back to (the method it reads, say): a
    sentence naming one of them is not specific for that alone."""
    counts = Counter(
        name for claim in claims for name in {m.group(0) for m in _IDENTIFIER.finditer(claim.text)}
    )
    return frozenset(name for name, n in counts.items() if n >= TOPIC_MIN_CLAIMS)


_OWN_VIEW = re.compile(
    r"^(?:我的(?:疑问|问题|看法|观点|理解|判断)(?:是|在于)?|我(?:个人)?(?:认为|觉得|猜测|怀疑|好奇)"
    r"|笔者(?:认为|觉得|猜测)|个人(?:认为|看法|观点)|从[^，,。]{1,12}(?:角度|视角)看"
    r"|in my (?:view|opinion)|i (?:think|wonder|suspect)|my (?:question|view|guess) is)",
    re.IGNORECASE,
)
"""The writer speaking for themselves ("我的疑问是：…", "In my view, …"): a view or a
question of the report's own, which no source is cited for."""


def is_own_view(claim: Claim) -> bool:
    """Whether the sentence opens as the writer's own view or question."""
    return _OWN_VIEW.match(_ENUMERATOR.sub("", claim_body(claim)).lstrip()) is not None


def is_specific_factual(claim: Claim, topics: frozenset[str] = frozenset()) -> bool:
    """True when the sentence states a checkable specific: a number, percentage
    or year, a model/dataset identifier other than the report's ``topics``, a named
    result or a direct quote."""
    body = _ENUMERATOR.sub("", claim_body(claim))
    return bool(
        _NUMBER.search(body)
        or any(m.group(0) not in topics for m in _IDENTIFIER.finditer(body))
        or _NAMED_RESULT.search(body)
        or _QUOTE.search(body)
    )
