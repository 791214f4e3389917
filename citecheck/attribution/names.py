"""Find the people a claim names, and in what capacity.

Works on Chinese and English report text. Every pattern is anchored on a cue
(主讲, 主持人, 观众, 通讯作者, 等提出, 在讲座中指出, presented by, moderator,
et al. showed, corresponding author, X said), so ordinary capitalised words are
not taken for names. A Chinese name is never a fixed-width window of
characters: the cue marks a stretch of text, and the name in it is the person
name jieba's segmenter finds there (see :mod:`citecheck.attribution.chinese`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from citecheck.attribution.chinese import person_names
from citecheck.textutil import CJK_CHARS, LATIN_LETTERS, LATIN_UPPER

MentionKind = Literal["presenter", "role", "remark", "author", "author-role", "finding"]
Side = Literal["after", "before"]
"""Where the name stands relative to its cue: after (主讲：X) or before (X主讲)."""

_WORD = rf"[{LATIN_UPPER}][{LATIN_LETTERS}'\-]+"
LATIN_NAME = rf"{_WORD}(?:[ \u00a0]+(?:[A-Z]\.|{_WORD})){{0,3}}"
_SLOT = rf"[{CJK_CHARS}·]{{2,10}}"
NAME = rf"(?P<name>{LATIN_NAME}|{_SLOT})"
"""A name after its cue: the stretch is greedy and the name must open it."""
NAME_B = rf"(?P<name>{LATIN_NAME}|{_SLOT}?)"
"""A name before its cue: the stretch is lazy and the name must close it."""
_NOT_NAMES = {"the", "this", "that", "an", "a", "in", "at", "then", "finally", "first"}
_PRONOUNS = {"he", "she", "they", "we", "it", "his", "her", "their", "its", "i", "you"}
"""Pronouns are not names: a pronoun is never compared with anyone (他/她 are never jieba
person names)."""
_NOT_NAMES |= _PRONOUNS
_NOT_NAMES |= {
    "video",
    "speaker",
    "presenter",
    "author",
    "authors",
    "moderator",
    "host",
    "audience",
}

_AUTHOR_APPOSITIVE = (
    r"(?:(?:the|its|one of the)\s+(?:(?:first|second|third|fourth|fifth|last|lead|senior|"
    r"corresponding)\s+)?(?:co-?)?authors?(?:\s+of the (?:paper|work))?,?\s+)?"
)
"""'the first author, ' in 'given by the first author, Wenjie Tang': who X is, before X."""
_PRESENTER: list[tuple[str, Side]] = [
    (rf"主讲(?:人|者|嘉宾|报告)?\s*[：:（(]\s*{NAME}", "after"),
    (
        rf"主讲(?:人|者)\s*(?:是|为)?\s*(?:论文的?)?(?:第[一二三四五]作者|通讯作者|作者)?\s*{NAME}",
        "after",
    ),
    (rf"由\s*{NAME_B}\s*(?:主讲|演讲|报告)", "before"),
    (rf"{NAME_B}\s*主讲(?!报告|内容|部分|环节|人)", "before"),
    (rf"(?:[Pp]resented|[Dd]elivered|[Gg]iven) by\s+{_AUTHOR_APPOSITIVE}{NAME}", "after"),
    (rf"(?:[Ss]peaker|[Pp]resenter|[Ll]ecturer)\s*[,(:：]\s*{NAME}", "after"),
    (rf"{NAME_B}'s (?:talk|lecture|presentation)", "before"),
]
_MODERATOR: list[tuple[str, Side]] = [
    (rf"主持(?:人|者)?\s*(?:[：:]|是|为)?\s*{NAME}", "after"),
    (rf"{NAME_B}\s*(?:担任|负责)?\s*主持", "before"),
    (rf"(?:[Mm]oderated|[Cc]haired|[Hh]osted) by\s+{NAME}", "after"),
    (rf"(?:[Mm]oderator|[Hh]ost|[Ss]ession chair)\s*[,:：]?\s+{NAME}", "after"),
]
_AUDIENCE: list[tuple[str, Side]] = [
    (rf"(?:观众|听众|提问者)\s*[：:]?\s*{NAME}", "after"),
    (rf"[Aa]udience member\s*,?\s+{NAME}", "after"),
    (rf"{NAME_B}\s+from the audience", "before"),
]
_PAPER_IS = r"\s*(?:[（(][^)）]*[)）])?\s*(?:是|为)\s*(?:论文|本文|该文|该论文)?的?"
_QUALIFIER = r"[^，。；,;：:、]{1,24}?的\s*"
"""'苏黎世联邦理工学院的' in '通讯作者为苏黎世联邦理工学院的 X': who X is, before X."""
_WHO_IS = r"(?:\s*\([^)]*\))?,?\s+(?:who\s+)?is\s+the"
_AUTHOR_ROLES: list[tuple[str, Side, str]] = [
    # a co-first author shares the first place: equal contribution, not "the" first author
    (rf"(?:共同|并列)第一作者(?:之一)?\s*(?:为|是)?\s*{NAME}", "after", "equal"),
    (rf"{NAME_B}{_PAPER_IS}(?:共同|并列)第一作者", "before", "equal"),
    (rf"co-first\s+authors?,?\s+{NAME}", "after", "equal"),
    (
        rf"{NAME_B}{_WHO_IS}\s+(?:a\s+|one\s+of\s+the\s+(?:two\s+)?)?co-first\s+author",
        "before",
        "equal",
    ),
    (rf"第一作者\s*(?:为|是)?\s*{NAME}", "after", "first"),
    (rf"(?:通讯|通信)作者\s*(?:为|是)?\s*{NAME}", "after", "corresponding"),
    (rf"第一作者\s*(?:为|是)\s*{_QUALIFIER}{NAME}", "after", "first"),
    (rf"(?:通讯|通信)作者\s*(?:为|是)\s*{_QUALIFIER}{NAME}", "after", "corresponding"),
    (rf"{NAME_B}{_PAPER_IS}第一作者", "before", "first"),
    (rf"{NAME_B}{_PAPER_IS}(?:通讯|通信)作者", "before", "corresponding"),
    (rf"{NAME_B}{_WHO_IS}\s+first\s+author", "before", "first"),
    (rf"{NAME_B}{_WHO_IS}\s+corresponding\s+author", "before", "corresponding"),
    (rf"[Tt]he\s+first\s+author(?:\s+of\s+the\s+(?:paper|work))?\s+is\s+{NAME}", "after", "first"),
    (
        rf"[Tt]he\s+corresponding\s+author(?:\s+of\s+the\s+(?:paper|work))?\s+is\s+{NAME}",
        "after",
        "corresponding",
    ),
]
_SPEECH_ZH = (
    r"指出|强调|表示|提到|介绍|回答|提问|补充|说|认为|解释|宣布|展示|演示|谈到|总结|问道|分享|讲到"
    r"|预告|透露|问到|问起|追问|询问|感慨|感叹|坦言|笑称"
)
_SPEECH_EN = (
    r"said|says|explained|explains|noted|answered|asked|argued|pointed out|stressed|"
    r"emphasi[sz]ed|mentioned|added|showed|shows|reported|described|introduced|opened|claimed|"
    r"remarked|remarks|commented|replied|responded|recalled|suggested|admitted|acknowledged"
)
_IN_TALK = (
    r"(?:在(?:(?:讲座|演讲|视频|报告|分享|发言|问答)中"
    r"|(?:结尾|开场|最后|末尾|问答环节|问答阶段)(?:时|处)?))?"
)
_ADVERB_ZH = r"(?:还|也|则|进一步|首先|最后|开场|随后)?"
_TITLE_ZH = r"(?:老师|教授|博士|先生|女士|同学|研究员)?"
"""A title after a name ("吴建国老师还感慨"), which the name does not include."""
_REMARK: list[tuple[str, Side]] = [
    (rf"{NAME_B}{_TITLE_ZH}\s*{_IN_TALK}\s*{_ADVERB_ZH}\s*(?:{_SPEECH_ZH})", "before"),
    (
        rf"(?<!\bof )(?<!\bfrom )(?<!\bat )(?<!\bin )(?<!\bby )"
        rf"{NAME_B}(?:\s+from the audience)?,?\s+(?:(?:also|then|first|later|finally)\s+)?"
        rf"(?:{_SPEECH_EN})\b",
        "before",
    ),
]

_YEAR = r"(?:[（(]?\s*(?:[A-Z][A-Za-z]+,?\s+)?(?P<year>\d{4})\s*[)）]?)"
_EN_VERBS = (
    "showed|shows|show|proposed|propose|found|find|demonstrated|demonstrate|argued|argue"
    "|proved|prove|introduced|reported|observed"
)
_AND_ZH = r"\s*(?:和|与|及|、|&)\s*"
_AND_EN = r"\s*(?:and|&)\s*"
_SECOND = rf"(?P<second>{LATIN_NAME}|{_SLOT}?)"
_BY_ZH = r"(?:提出|发明|设计|引入|首次提出|最早提出)"
_FINDING: list[tuple[str, Side]] = [
    (
        rf"由\s*(?P<name>{LATIN_NAME}|{_SLOT}?)(?:{_AND_ZH}{_SECOND})?\s*等?人?\s*"
        rf"(?:[（(]\s*(?P<year>\d{{4}})\s*[)）])?\s*(?:于\s*\d{{4}}\s*年)?\s*{_BY_ZH}",
        "after",
    ),
    (
        rf"(?:proposed|introduced|developed|invented|devised) by\s+(?P<name>{LATIN_NAME})"
        rf"(?:{_AND_EN}(?P<second>{LATIN_NAME}))?(?:\s+et al\.?)?,?\s*{_YEAR}?",
        "after",
    ),
    (
        rf"(?P<name>{LATIN_NAME}){_AND_EN}(?P<second>{LATIN_NAME}),?\s*{_YEAR}?\s*"
        rf"(?:{_EN_VERBS})\b",
        "before",
    ),
    (
        rf"{NAME_B}{_AND_ZH}{_SECOND}\s*(?:[（(]\s*(?P<year>\d{{4}})\s*[)）])?\s*(?:的研究|的工作)?\s*"
        r"(?:提出|证明|指出|发现|表明|认为|揭示|报告)",
        "before",
    ),
    (
        rf"{NAME_B}\s*等人?\s*(?:[（(]\s*(?P<year>\d{{4}})\s*[)）])?\s*(?:的研究|的工作)?\s*"
        r"(?:提出|证明|指出|发现|表明|认为|揭示|报告)",
        "before",
    ),
    (rf"(?P<name>{LATIN_NAME})\s+et al\.?,?\s*{_YEAR}?\s*(?:{_EN_VERBS})", "before"),
    (
        rf"(?:[Aa]ccording to|[Aa]s shown by)\s+(?P<name>{LATIN_NAME})(?: et al\.?)?,?\s*{_YEAR}?",
        "after",
    ),
    (rf"(?:根据|据)\s*{NAME}\s*等人?\s*(?:[（(]\s*(?P<year>\d{{4}})\s*[)）])?", "after"),
]

_AUTHOR_LINE = re.compile(r"(?:作者|Authors?|By)\s*[：:]\s*(?P<list>.+)", re.IGNORECASE)
_PAREN = re.compile(r"[（(](?P<inner>[^()（）]*)[)）]")


@dataclass(frozen=True)
class NameMention:
    """A person named in report text, with where and why it was read as a name.

    ``role`` is the talk role (moderator, audience) of a ``role`` mention or the
    author role (first, corresponding) of an ``author-role`` mention.
    """

    name: str
    kind: MentionKind
    start: int
    end: int
    year: int | None = None
    affiliation: str | None = None
    role: str | None = None


def is_cjk_name(name: str) -> bool:
    """True when the name is written in Chinese characters."""
    return bool(re.fullmatch(rf"[{CJK_CHARS}·]+", name.strip()))


_BODIES = frozenset(
    {"engineering", "science", "sciences", "university", "college", "school", "institute"}
    | {"department", "faculty", "laboratory", "lab", "centre", "center", "academy"}
    | {"hospital", "company", "group", "team"}
)
"""Last words of organisations: "College of Electrical Engineering, asked" names nobody."""


def _names_a_body(name: str) -> bool:
    """Whether a Latin 'name' is an organisation's ("Electrical Engineering")."""
    words = name.split()
    return bool(words) and words[-1].casefold() in _BODIES


_SENTENCE_OPENER = re.compile(
    r"^(?:(?:When|While|After|Before|As|Although|Though|If|Because|Since|Once|Until|Whereas"
    r"|Then|Later|Next|Finally|Also|Here|There|So|But|And|Yet|Meanwhile|Afterwards)\s+)?"
    r"(?:(?:Chair|Host|Moderator|Presenter|Speaker|Guest|Panelist|Professor|Prof\.?|Dr\.?"
    r"|Mr\.?|Ms\.?|Mrs\.?)\s+)?(?=[A-Z])"
)
"""A capitalised word opening a sentence, or a title, before a name: neither is part of it
("When Priya Natarajan asked", "Chair Liqun Zhao asked")."""


def clean_name(name: str) -> str:
    """Strip spaces and a trailing 'et al.'."""
    return re.sub(r"\s+et al\.?$", "", name.strip().replace("\u00a0", " "))


def _person_in(
    text: str, start: int, end: int, side: Side, known: Collection[str] = ()
) -> tuple[str, int] | None:
    """The Chinese person name right at the cue, opening text[start:end] when it
    follows the cue, closing it when it precedes the cue: one jieba finds, or one of
    the ``known`` names of the sources (方子谦, which jieba does not read as a name)."""
    jieba = next(
        (
            (found.name, found.start)
            for found in person_names(text)
            if ((found.start == start) if side == "after" else (found.end == end >= found.start))
        ),
        None,
    )
    for name in sorted(known, key=len, reverse=True):
        # a known name wins over a shorter one jieba cut from it (明哲 of 顾明哲)
        at = start if side == "after" else end - len(name)
        if at >= 0 and text.startswith(name, at) and (jieba is None or len(name) > len(jieba[0])):
            return name, at
    return jieba  # None: no name right at the cue, something else stands between them


def _scan(
    text: str,
    patterns: list[tuple[str, Side]],
    kind: MentionKind,
    role: str | None = None,
    known: Collection[str] = (),
) -> list[NameMention]:
    found: dict[int, NameMention] = {}
    for pattern, side in patterns:
        for match in re.finditer(pattern, text):
            year = match.groupdict().get("year")
            groups = [g for g in ("name", "second") if match.groupdict().get(g)]
            for group in groups:
                raw, start = match.group(group), match.start(group)
                # the first of two names closes its stretch only when read before the cue
                group_side: Side = "before" if group == "second" or len(groups) > 1 else side
                if is_cjk_name(raw):
                    person = _person_in(text, start, start + len(raw), group_side, known)
                    if person is None and group_side != side:
                        person = _person_in(text, start, start + len(raw), side, known)
                    if person is None:
                        continue
                    name, start = person
                else:
                    opener = _SENTENCE_OPENER.match(raw)  # "When Priya Natarajan asked"
                    skipped = opener.end() if opener else 0
                    start += skipped
                    name = clean_name(raw[skipped:])
                if len(name) < 2 or name.casefold() in _NOT_NAMES or _names_a_body(name):
                    continue
                mention = NameMention(
                    name, kind, start, start + len(name), int(year) if year else None, role=role
                )
                found.setdefault(start, mention)
    return _drop_nested(sorted(found.values(), key=lambda m: (m.start, -m.end)))


def _drop_nested(mentions: list[NameMention]) -> list[NameMention]:
    """Keep the longest of overlapping mentions ('Yi Ren' over its tail 'Ren')."""
    kept: list[NameMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def find_presenters(text: str, known: Collection[str] = ()) -> list[NameMention]:
    """Names the text gives as the talk's presenter (主讲：X, presented by X, …);
    ``known`` names of the sources count as Chinese names where jieba finds none."""
    return _scan(text, _PRESENTER, "presenter", known=known)


def find_talk_roles(text: str, known: Collection[str] = ()) -> list[NameMention]:
    """Names the text gives another talk role: moderator (主持人X, moderated by X) or
    audience member (观众X, X from the audience)."""
    return [
        *_scan(text, _MODERATOR, "role", "moderator", known),
        *_scan(text, _AUDIENCE, "role", "audience", known),
    ]


def find_speakers(text: str, known: Collection[str] = ()) -> list[NameMention]:
    """Names the text credits with something said in the talk (X在讲座中指出, X said)."""
    return _scan(text, _REMARK, "remark", known=known)


_SPEECH_VERB_ZH = rf"^\s*{_TITLE_ZH}\s*{_IN_TALK}\s*{_ADVERB_ZH}\s*(?:{_SPEECH_ZH})(?:说|道)?\s*"
_LEAD_IN_ZH = re.compile(_SPEECH_VERB_ZH + r"[，,:：]\s*")
_SPEECH_ZH_AFTER_NAME = re.compile(_SPEECH_VERB_ZH + r"[，,:：]?\s*")
_LEAD_IN_EN = re.compile(rf"^(?:\s+from the audience)?\s+(?:{_SPEECH_EN})(?:\s+that)?[,:]?\s+")


def remark_content(text: str) -> str | None:
    """What a sentence opening with a speaker lead-in says was said: the text after
    "X在讲座中指出，" or "X said that"; None without such a lead-in."""
    for mention in find_speakers(text):
        if mention.start > 2:
            break
        rest = text[mention.end :]
        lead_in = _LEAD_IN_ZH.match(rest) or _LEAD_IN_EN.match(rest)
        if lead_in and rest[lead_in.end() :].strip():
            return rest[lead_in.end() :]
    return None


_NEW_SUBJECT = re.compile(
    r"[，,；;]\s*(?:随后|然后|接着|之后|其后|再由|and then|then|while|whereas)?\s*"
    r"(?:讲者|主讲人|演讲者|报告人|主持人|观众|提问者|[她他](?![们的])|回答|答复|得到的答复"
    r"|the (?:speaker|presenter|moderator|host|audience|answer|reply|response)\b|she\b|he\b)",
    re.IGNORECASE,
)


def credited_part(text: str, mention: NameMention, others: Collection[NameMention] = ()) -> str:
    """The part of ``text`` credited to ``mention``: up to the clause where another
    subject takes over ("X开场介绍，随后讲者用…" credits X only with the opening), or
    where another of the ``others`` mentioned is credited ("X asked …; Chen answered");
    from the clause of the mention on ("钟岚问…，Melnyk 说…" credits Melnyk with the
    answer only, whether or not 钟岚 was read as a speaker)."""
    before = [other.end for other in others if other.end <= mention.start]
    clause = _CLAUSE_BREAK.search(text[: mention.start][::-1])
    start = mention.start - clause.start() if clause else 0
    if before and max(before) > start:  # "郑凯 (then) 付一辰回答…" in one clause
        start = mention.start
    return text[start : _credit_end(text, mention, others)].lstrip()


_CLAUSE_BREAK = re.compile(r"[，,；;。:：]")


def _credit_end(text: str, mention: NameMention, others: Collection[NameMention]) -> int:
    later = _NEW_SUBJECT.search(text, mention.end)
    ends = [later.start()] if later else []
    ends += [other.start for other in others if other.start >= mention.end]
    return min(ends, default=len(text))


def remark_said(text: str, mention: NameMention, others: Collection[NameMention] = ()) -> str:
    """What ``text`` says ``mention`` said: the text after the name and its speech verb
    up to the end of its :func:`credited_part` (empty for "主持人X开场介绍", which credits
    an act, not words)."""
    rest = text[mention.end : _credit_end(text, mention, others)]
    lead = _SPEECH_ZH_AFTER_NAME.match(rest) or _LEAD_IN_EN.match(rest)
    return rest[lead.end() :] if lead else rest


def find_author_roles(text: str) -> list[NameMention]:
    """Names the text calls the paper's first or corresponding author."""
    mentions: list[NameMention] = []
    for pattern, side, role in _AUTHOR_ROLES:
        mentions += _scan(text, [(pattern, side)], "author-role", role)
    return _drop_nested(sorted(mentions, key=lambda m: (m.start, -m.end)))


def find_finding_attributions(text: str) -> list[NameMention]:
    """Names the text credits with a finding (X等提出, X et al. showed, according to X)."""
    return _scan(text, _FINDING, "finding")


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
    name_match = re.match(rf"{LATIN_NAME}|[{CJK_CHARS}·]{{2,4}}(?![{CJK_CHARS}])", name_part)
    if not name_match or (is_cjk_name(name_match.group(0)) and not person_names(name_part)):
        return None
    name = clean_name(name_match.group(0))
    start = offset + piece.find(name_match.group(0))
    return NameMention(name, "author", start, start + len(name), affiliation=affiliation)
