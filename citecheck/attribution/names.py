"""Find the people a claim names: presenters, authors and originators of findings.

Works on Chinese and English report text. Patterns are deliberately anchored on
cue words (主讲, 在视频中指出, presented by, 等提出, et al. showed, according to)
so ordinary capitalised words are not taken for names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

MentionKind = Literal["presenter", "author", "finding"]

_CJK = "\u4e00-\u9fff"
LATIN_NAME = r"[A-Z][a-zA-Z'\-]+(?:[ \u00a0]+(?:[A-Z]\.|[A-Z][a-zA-Z'\-]+)){0,3}"
# Chinese names: 2-4 characters; trailing characters that start a verb are trimmed.
_CJK_NAME = rf"[{_CJK}]{{2,4}}"
_VERB_STARTS = "在主讲指强提表介等说认发证做是的和与以了对通用"
_NOT_NAMES = {
    "the", "this", "that", "video", "speaker", "presenter", "author", "authors",
    "大会", "会议", "本次", "视频", "讲座", "课程", "论文", "报告", "作者", "研究", "团队",
    "讲者", "讲解者", "演讲者", "报告人", "主持人", "嘉宾", "老师", "教授",
}  # fmt: skip

_PRESENTER_PATTERNS = [
    rf"主讲(?:人|者|嘉宾|报告)?\s*[：:（(]\s*(?P<name>{LATIN_NAME}|{_CJK_NAME})",
    rf"主讲(?:人|者)\s*(?:是|为)?\s*(?:论文的?)?(?:第[一二三四五]作者|通讯作者|作者)?\s*"
    rf"(?P<name>{LATIN_NAME}|{_CJK_NAME})",
    rf"由\s*(?P<name>{LATIN_NAME}|{_CJK_NAME}?)\s*主讲",
    rf"(?:^|[\s，,。：:（(、；;])(?P<name>{LATIN_NAME}|{_CJK_NAME})\s*"
    r"(?:主讲(?!报告|内容|部分|环节)|在视频中|在讲座中|在演讲中)",
    rf"(?:[Pp]resented|[Dd]elivered|[Gg]iven) by\s+(?P<name>{LATIN_NAME})",
    rf"(?:speaker|presenter|lecturer)\s*[,(:]\s*(?P<name>{LATIN_NAME})",
    rf"(?P<name>{LATIN_NAME})'s (?:talk|lecture|presentation)",
]

_YEAR = r"(?:[（(]?\s*(?:[A-Z][A-Za-z]+,?\s+)?(?P<year>\d{4})\s*[)）]?)"
_EN_VERBS = (
    "showed|shows|show|proposed|propose|found|find|demonstrated|demonstrate|argued|argue"
    "|proved|prove|introduced|reported|observed"
)
_FINDING_PATTERNS = [
    rf"(?P<name>{LATIN_NAME}|{_CJK_NAME})\s*等人?\s*(?:[（(]\s*(?P<year>\d{{4}})\s*[)）])?\s*(?:的研究|的工作)?\s*(?:提出|证明|指出|发现|表明|认为|揭示|报告)",
    rf"(?P<name>{LATIN_NAME})\s+et al\.?,?\s*{_YEAR}?\s*(?:{_EN_VERBS})",
    rf"(?:[Aa]ccording to|[Aa]s shown by)\s+(?P<name>{LATIN_NAME})(?: et al\.?)?,?\s*{_YEAR}?",
    rf"(?:根据|据)\s*(?P<name>{LATIN_NAME}|{_CJK_NAME})\s*等人?\s*(?:[（(]\s*(?P<year>\d{{4}})\s*[)）])?",
]

_AUTHOR_LINE = re.compile(r"(?:作者|Authors?|By)\s*[：:]\s*(?P<list>.+)", re.IGNORECASE)
_PAREN = re.compile(r"[（(](?P<inner>[^()（）]*)[)）]")


@dataclass(frozen=True)
class NameMention:
    """A person named in report text, with where and why it was read as a name."""

    name: str
    kind: MentionKind
    start: int
    end: int
    year: int | None = None
    affiliation: str | None = None


def is_cjk_name(name: str) -> bool:
    """True when the name is written in Chinese characters."""
    return bool(re.fullmatch(rf"[{_CJK}·]+", name.strip()))


def clean_name(name: str) -> str:
    """Strip spaces, a trailing 'et al.' and verb characters glued to a Chinese name."""
    name = re.sub(r"\s+et al\.?$", "", name.strip().replace("\u00a0", " "))
    if is_cjk_name(name):
        cut = next((i for i in range(2, len(name)) if name[i] in _VERB_STARTS), len(name))
        name = name[:cut]
    return name


def _is_plausible(name: str) -> bool:
    return len(name) >= 2 and name.casefold() not in _NOT_NAMES


def _scan(text: str, patterns: list[str], kind: MentionKind) -> list[NameMention]:
    found: dict[tuple[int, str], NameMention] = {}
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            raw = match.group("name")
            if not raw:
                continue
            name = clean_name(raw)
            if not _is_plausible(name):
                continue
            year = match.groupdict().get("year")
            start = match.start("name")
            key = (start, kind)
            if key not in found:
                found[key] = NameMention(
                    name, kind, start, start + len(raw), int(year) if year else None
                )
    return _drop_nested(sorted(found.values(), key=lambda m: (m.start, -m.end)))


def _drop_nested(mentions: list[NameMention]) -> list[NameMention]:
    """Keep the longest of overlapping mentions ('Yi Ren' over its tail 'Ren')."""
    kept: list[NameMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def find_presenters(text: str) -> list[NameMention]:
    """Names the text gives as the talk's presenter (主讲：X, presented by X, …)."""
    return _scan(text, _PRESENTER_PATTERNS, "presenter")


def find_finding_attributions(text: str) -> list[NameMention]:
    """Names the text credits with a finding (X等提出, X et al. showed, according to X)."""
    return _scan(text, _FINDING_PATTERNS, "finding")


def find_authors(text: str) -> list[NameMention]:
    """Authors listed on an '作者：…' / 'Authors: …' line, with their affiliations.

    ``作者：Yi Ren（UBC），Danica J. Sutherland（UBC & Amii）`` gives two mentions.
    """
    line = _AUTHOR_LINE.search(text)
    if not line:
        return []
    mentions = []
    offset = line.start("list")
    body = line.group("list")
    # split on separators outside parentheses
    depth, piece_start = 0, 0
    for index, char in enumerate(body + "，"):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and (char in ",，;；、" or body[index:].startswith(" and ")):
            mention = _author_piece(body[piece_start:index], offset + piece_start)
            if mention:
                mentions.append(mention)
            piece_start = index + (5 if body[index:].startswith(" and ") else 1)
    return mentions


def _author_piece(piece: str, offset: int) -> NameMention | None:
    paren = _PAREN.search(piece)
    affiliation = paren.group("inner").strip() if paren else None
    name_part = _PAREN.sub("", piece).strip(" *\t")
    name_match = re.match(rf"{LATIN_NAME}|{_CJK_NAME}", name_part)
    if not name_match:
        return None
    name = clean_name(name_match.group(0))
    start = offset + piece.find(name_match.group(0))
    return NameMention(name, "author", start, start + len(name), affiliation=affiliation)
