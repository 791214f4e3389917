"""What a report is required to be: the rule pack's sections and length bounds, plus
those read from the user's request.

The effective requirements of a report are the rule pack's own plus those read
from the user's request (``report.query``) when ``requirements.derive_from_query``
is on. The pack wins where both set a length: it is explicit configuration.

Reading the request:

- ``字数在2000至3000字`` / ``between 2000 and 3000 words`` → 2000–3000;
- ``1000字左右`` / ``约1000字`` / ``about 1000 words`` → 1000 ± 20 % (800–1200),
  the slack a reader grants "about" (:data:`ABOUT_SLACK`);
- ``不少于2000字`` / ``at least 2000 words`` → a minimum, ``不超过…`` / ``at most…`` a maximum;
- ``包含以下部分：（1）A；（2）B`` / ``include the following sections: A, B`` /
  ``Required sections:`` followed by a numbered or bulleted list → sections. A
  section named in another language than the report's headings is not required
  of it: a name cannot be matched across languages with certainty.
"""

from __future__ import annotations

import re
from typing import Literal

from citecheck.models import Report
from citecheck.rulepack import LengthRequirement, Requirements, RulePack, SectionRequirement
from citecheck.textutil import detect_lang

ABOUT_SLACK = 0.2
"""Relative slack around an "about N" length request."""

_NUMBER = r"(\d[\d,]*)"
_RANGE_SEP = r"\s*(?:至|到|-|–|—|~|～|to|and)\s*"
_LENGTH_PATTERNS: list[tuple[str, str]] = [
    (
        "range",
        _NUMBER + r"\s*(?:字|个字|words?)?" + _RANGE_SEP + _NUMBER + r"\s*(?:个)?(?:字|words?)",
    ),
    ("about", _NUMBER + r"\s*(?:个)?字\s*左右"),
    ("about", r"(?:约|大约|大概)\s*" + _NUMBER + r"\s*(?:个)?字"),
    ("about", r"(?:about|around|approximately|roughly|~)\s*" + _NUMBER + r"\s*words?"),
    ("min", r"(?:不少于|不低于|至少)\s*" + _NUMBER + r"\s*(?:个)?字"),
    ("min", r"(?:不少于|不低于|至少)\s*" + _NUMBER + r"\s*(?:个)?(?:单词|词|words?)"),
    ("min", _NUMBER + r"\s*(?:个)?字以上"),
    ("min", r"(?:at least|no fewer than|minimum of)\s*" + _NUMBER + r"\s*words?"),
    ("max", r"(?:不超过|不多于|最多)\s*" + _NUMBER + r"\s*(?:个)?字"),
    ("max", _NUMBER + r"\s*(?:个)?字(?:以内|以下)"),
    ("max", r"(?:at most|no more than|up to|maximum of)\s*" + _NUMBER + r"\s*words?"),
]
_IN_WORDS = re.compile(r"words?|单词|(?<!字)词", re.IGNORECASE)
Counting = Literal["cjk_chars+latin_words", "words"]

_SECTION_INTRO = re.compile(
    r"(?:包含|包括|涵盖)(?:以下|如下)(?:几个)?(?:部分|内容|章节|板块)\s*[:：]?"
    r"|(?:包含|包括|涵盖)\s*[:：]"
    r"|(?:必须|须|应)?(?:包含|包括)?的?(?:章节|部分)(?:如下|有)\s*[:：]?"
    r"|\b(?:include|contain|cover)s?\s+(?:the\s+following\s+)?(?:sections|parts)\s*[:：]?"
    r"|\b(?:include|contain|cover)s?\s*[:：]"
    r"|\b(?:required|following)\s+(?:sections|parts)\s*[:：]?",
    re.IGNORECASE,
)
_ENUMERATOR = re.compile(r"[（(]\s*\d+\s*[）)]|\b\d+[.、)]\s|[；;、,，]|\band\b")
_LIST_ITEM = re.compile(
    r"^\s*(?:[-*•]|\d{1,2}\s*[.)、．]|[（(]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]+、)\s*(?P<name>\S.*?)\s*$"
)
_NAME_TRIM = " ：:.。;；*#"


def requirements_for(report: Report, pack: RulePack) -> Requirements:
    """The requirements ``report`` must meet: the pack's, plus those its query states."""
    own = pack.requirements
    if not (own.derive_from_query and report.query):
        return own
    derived = derive_requirements(report.query)
    headings = " ".join(s.title for s in report.sections)
    if headings:
        language = detect_lang(headings)
        derived.sections = [s for s in derived.sections if detect_lang(s.name) == language]
    known = {s.name for s in own.sections}
    return own.model_copy(
        update={
            "sections": [*own.sections, *(s for s in derived.sections if s.name not in known)],
            "length": own.length or derived.length,
        }
    )


def derive_requirements(query: str) -> Requirements:
    """Sections and length bounds stated in a user's request (Chinese or English)."""
    return Requirements(sections=_derive_sections(query), length=_derive_length(query))


def _derive_length(query: str) -> LengthRequirement | None:
    low: int | None = None
    high: int | None = None
    counting: Counting = "cjk_chars+latin_words"
    for kind, pattern in _LENGTH_PATTERNS:
        match = re.search(pattern, query, re.IGNORECASE)
        if match is None:
            continue
        numbers = [to_int(g) for g in match.groups()]
        counting = "words" if _IN_WORDS.search(match.group(0)) else counting
        if kind == "range":
            return LengthRequirement(min=min(numbers), max=max(numbers), counting=counting)
        if kind == "about":
            return LengthRequirement(
                min=round(numbers[0] * (1 - ABOUT_SLACK)),
                max=round(numbers[0] * (1 + ABOUT_SLACK)),
                counting=counting,
            )
        if kind == "min":
            low = numbers[0] if low is None else low
        else:
            high = numbers[0] if high is None else high
    if low is None and high is None:
        return None
    return LengthRequirement(min=low, max=high, counting=counting)


def _derive_sections(query: str) -> list[SectionRequirement]:
    """The sections listed after the first section intro: on its line, or as the
    numbered or bulleted lines that follow it."""
    match = _SECTION_INTRO.search(query)
    if match is None:
        return []
    rest = query[match.end() :]
    first, _, following = rest.partition("\n")
    inline = re.split(r"[。\n]|\.(?:\s|$)", first)[0]
    names = [part.strip(_NAME_TRIM) for part in _ENUMERATOR.split(inline)]
    if not any(names):
        names = []
        for line in following.splitlines():
            item = _LIST_ITEM.match(line)
            if item is None:
                if line.strip():
                    break
                continue
            names.append(item.group("name").strip(_NAME_TRIM))
    return [SectionRequirement(name=n, patterns=[re.escape(n)]) for n in dict.fromkeys(names) if n]


def to_int(number: str) -> int:
    """``"2,000"`` → 2000."""
    return int(number.replace(",", ""))
