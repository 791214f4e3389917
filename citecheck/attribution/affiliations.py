"""An affiliation written in a report compared with the affiliations a paper gives.

Affiliations are written many ways: "Shanghai AI Lab" is the paper's "Shanghai
Artificial Intelligence Laboratory", "ETH Zürich" its "Department of Computer
Science, ETH Zürich", "UBC" its "University of British Columbia". So the
comparison is lenient: an affiliation is the paper's when every content word
of it (abbreviations expanded, accents and case dropped, an acronym read as
the initials of the paper's words) is in one of the paper's affiliations, or
its distinctive words (the ones that are not "university", "department",
"science" …) all are.

A Chinese affiliation against an English paper goes through the bilingual
dictionary and pinyin, word by word (浙江 → Zhejiang, 爱丁堡 → Edinburgh, 上海 →
shanghai): SAME when that finds it, else UNKNOWN, never DIFFERENT, since a miss
across languages proves nothing (北京 is "Peking" as often as "Beijing"). Against
a Chinese page it is DIFFERENT only when it names an institution and not one
character of its distinctive words is on the page (浙大 abbreviates 浙江大学).
A Latin affiliation is DIFFERENT only when it names an institution (university,
institute, laboratory, company) and none of its distinctive words or acronyms
is anywhere on the page. UNKNOWN is reported as nothing.

Roles ("通讯作者", "corresponding author", "first author") written among the
affiliations are not affiliations: :func:`split_roles` takes them out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from citecheck.attribution.matching import NameMatch
from citecheck.textutil import CJK_RE

_ROLES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"共同第一作者|co-first author|equal contribution", re.I), "equal"),
    (re.compile(r"(?:通讯|通信)作者|corresponding author", re.I), "corresponding"),
    (re.compile(r"第一作者|first author", re.I), "first"),
]
_ROLE_LEFTOVER = re.compile(r"^[\s,，、;；和及与]*(?:and|&)?[\s,，、;；]*$|^(?:为|是|兼)$", re.I)
_ABBREVIATIONS = {
    "ai": "artificial intelligence",
    "lab": "laboratory",
    "labs": "laboratory",
    "univ": "university",
    "uni": "university",
    "inst": "institute",
    "dept": "department",
    "tech": "technology",
    "sci": "science",
    "natl": "national",
    "intl": "international",
    "cs": "computer science",
}
_STOP_TEXT = "of the and at for in de la le der des du di von van & a an"
_STOP = frozenset(_STOP_TEXT.split())
_GENERIC_TEXT = (
    "univer colleg instit labora depart school academ facult center centr scienc techno "
    "engine nation key state compan corpor inc ltd group divisi program graduat resear "
    "studi comput inform artifi intell federa polyte normal hospit medica"
)
_GENERIC_STEMS = frozenset(_GENERIC_TEXT.split())
"""Stems of words every institution has: an affiliation is told apart by the others."""
_INSTITUTION_EN = re.compile(
    r"universit|institut|laborator|\blab\b|academy|\binc\b|corporation|company|hochschule", re.I
)
_INSTITUTION_ZH = re.compile(r"大学|研究院|研究所|实验室|公司|科学院|学院|研究中心")


@dataclass(frozen=True)
class Affiliations:
    """A paper's affiliations and its first page, ready to compare with."""

    listed: tuple[str, ...]
    page: str


def split_roles(text: str) -> tuple[str, list[str]]:
    """(the affiliation without role words, the roles named): '浙江大学，通讯作者' gives
    ('浙江大学', ['corresponding'])."""
    roles: list[str] = []
    for pattern, role in _ROLES:
        if pattern.search(text):
            roles.append(role)
            text = pattern.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,，、;；")
    text = re.sub(r"(?:[\s,，、;；]+(?:and|&|和|及|与|兼))+$", "", text, flags=re.I)
    text = text.strip(" ,，、;；")
    return ("" if _ROLE_LEFTOVER.match(text) else text), roles


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    """Content words of a Latin affiliation, abbreviations expanded."""
    words: list[str] = []
    for word in re.findall(r"[a-z]+|[0-9]+", _plain(text)):
        words += _ABBREVIATIONS.get(word, word).split()
    return [w for w in words if w not in _STOP]


def _stems(text: str) -> set[str]:
    from citecheck.judge.glossary import stem

    return {stem(w) for w in _words(text)}


def _acronyms(text: str) -> set[str]:
    """Initials of the capitalised words of an affiliation ('University of British Columbia'
    → 'ubc'), and every run of them."""
    capitals = [w[0].casefold() for w in re.findall(r"[A-Z][A-Za-z]+", text)]
    size = len(capitals)
    return {"".join(capitals[i:j]) for i in range(size) for j in range(i + 2, size + 1)}


def _latin_match(affiliation: str, paper: Affiliations) -> NameMatch:
    from citecheck.judge.glossary import stem

    acronyms = {w.casefold() for w in re.findall(r"\b[A-Z]{2,6}\b", affiliation)}
    acronyms -= {w for w in _ABBREVIATIONS}
    wanted = {stem(w) for w in _words(affiliation) if w not in acronyms}
    distinctive = {w for w in wanted if w not in _GENERIC_STEMS}
    for listed in paper.listed:
        have = _stems(listed)
        initials = _acronyms(listed) | {w.casefold() for w in re.findall(r"\b[A-Z]{2,6}\b", listed)}
        if not acronyms <= initials:
            continue
        if wanted <= have or (distinctive and distinctive <= have):
            return NameMatch.SAME
    page = _stems(paper.page) | _acronyms(paper.page)
    page |= {w.casefold() for w in re.findall(r"\b[A-Z]{2,6}\b", paper.page)}
    named = distinctive | acronyms
    if CJK_RE.search(" ".join(paper.listed) or paper.page):
        return NameMatch.UNKNOWN  # a Chinese page: a miss across languages proves nothing
    if named and not (named & page) and _INSTITUTION_EN.search(affiliation):
        return NameMatch.DIFFERENT
    return NameMatch.UNKNOWN


@lru_cache(maxsize=1024)
def _word_forms(word: str) -> frozenset[str]:
    """English stems (dictionary glosses) and the pinyin spellings of one Chinese word."""
    from citecheck.attribution.chinese import pinyin_spellings
    from citecheck.judge.glossary import glosses, stem

    return frozenset({*glosses(word), *(stem(s) for s in pinyin_spellings(word))})


def _cjk_words(affiliation: str) -> list[str]:
    """The content words of a Chinese affiliation, an institution word split off the name
    before it (浙江大学 → 浙江, 大学), so that the name is told apart from the kind."""
    from citecheck.judge.glossary import is_function_word, segment

    spaced = _INSTITUTION_ZH.sub(lambda m: f" {m.group(0)} ", affiliation)
    return [
        w
        for part in spaced.split()
        for w in segment(part)
        if CJK_RE.search(w) and not is_function_word(w)
    ]


def _cjk_match(affiliation: str, paper: Affiliations) -> NameMatch:
    words = _cjk_words(affiliation)
    forms = {w: _word_forms(w) for w in words}
    distinctive = [w for w in words if not forms[w] & _GENERIC_STEMS]
    if not distinctive:
        return NameMatch.UNKNOWN
    for listed in paper.listed:
        have = _stems(listed)
        if all(forms[w] & have for w in distinctive):
            return NameMatch.SAME
    if not CJK_RE.search(paper.page) or not _INSTITUTION_ZH.search(affiliation):
        return NameMatch.UNKNOWN  # across languages a miss proves nothing (北京 / Peking)
    # a Chinese page: not a character of the name on it (浙大 abbreviates 浙江大学)
    characters = {c for w in distinctive for c in w}
    return NameMatch.UNKNOWN if characters & set(paper.page) else NameMatch.DIFFERENT


def compare_affiliation(affiliation: str, paper: Affiliations) -> NameMatch:
    """SAME when ``affiliation`` is one of the paper's, DIFFERENT when it certainly names an
    institution the page does not, else UNKNOWN."""
    affiliation = affiliation.strip()
    if not affiliation:
        return NameMatch.UNKNOWN
    if CJK_RE.search(affiliation):
        if any(CJK_RE.search(a) for a in paper.listed) and _plain(affiliation) in _plain(
            " ".join(paper.listed) + paper.page
        ):
            return NameMatch.SAME
        return _cjk_match(affiliation, paper)
    return _latin_match(affiliation, paper)


def split_affiliations(text: str) -> list[str]:
    """The affiliations of one parenthesis: 'A & B', 'A；B', 'A、B', 'A and B'."""
    parts = re.split(r"\s*(?:&|＆|;|；|、|，| and )\s*", text)
    return [p.strip() for p in parts if p and p.strip()]


def paper_affiliations(listed: Sequence[str], page: str) -> Affiliations:
    """The comparison basis for one paper."""
    return Affiliations(tuple(listed), page)
