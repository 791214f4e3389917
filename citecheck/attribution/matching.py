"""Decide whether two written names denote the same person.

Latin names compare by surname and, where both give them, first-name initials
("Ren" = "Yi Ren" = "Y. Ren"; "Ren Yi" in Chinese order too). Chinese names
compare exactly. A Chinese and a Latin name compare through pinyin, in both
name orders and with or without hyphen (陈浩然 = Haoran Chen = Chen Hao-ran);
they are DIFFERENT only when the Latin name is plain pinyin that reads
otherwise, and UNKNOWN when it is another romanisation (Chan, Tsai) that pinyin
cannot settle. An alias the corpus gives (video meta, or a name written both
ways in a source) is used as well.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from enum import StrEnum

from citecheck.attribution.chinese import is_other_romanisation, is_pinyin, readings
from citecheck.attribution.names import is_cjk_name
from citecheck.textutil import CJK_NAME, LATIN_LETTERS, LATIN_UPPER


class NameMatch(StrEnum):
    """Outcome of comparing two names."""

    SAME = "same"
    DIFFERENT = "different"
    UNKNOWN = "unknown"


_LATIN = rf"[{LATIN_UPPER}][{LATIN_LETTERS}'\-]+(?: [{LATIN_UPPER}][{LATIN_LETTERS}'\-.]+){{0,3}}"
_BOTH_WAYS = re.compile(
    rf"(?P<latin>{_LATIN})\s*[（(]\s*(?P<cjk>{CJK_NAME})\s*[)）]"
    rf"|(?P<cjk2>{CJK_NAME})\s*[（(]\s*(?P<latin2>{_LATIN})\s*[)）]"
)


class AliasBook:
    """Groups of names known to denote one person."""

    def __init__(self) -> None:
        self._groups: list[set[str]] = []

    def add(self, names: Iterable[str]) -> None:
        """Record that all ``names`` are one person (merging existing groups)."""
        group = {_key(n) for n in names if n and n.strip()}
        if len(group) < 2:
            return
        merged = [g for g in self._groups if g & group]
        for g in merged:
            group |= g
            self._groups.remove(g)
        self._groups.append(group)

    def add_mapping(self, aliases: Mapping[str, Iterable[str]] | Iterable[Iterable[str]]) -> None:
        """Add aliases given as ``{name: [alias, …]}`` or as ``[[name, alias, …], …]``."""
        if isinstance(aliases, Mapping):
            for name, others in aliases.items():
                self.add([name, *([others] if isinstance(others, str) else others)])
        else:
            for group in aliases:
                self.add(list(group))

    def add_from_text(self, text: str) -> None:
        """Learn aliases from text that writes a name both ways: 'Yi Ren（任毅）'."""
        for match in _BOTH_WAYS.finditer(text):
            latin = match.group("latin") or match.group("latin2")
            cjk = match.group("cjk") or match.group("cjk2")
            self.add([latin, cjk])

    def aliases_of(self, name: str) -> set[str]:
        """Every name recorded as the same person as ``name`` (excluding itself)."""
        key = _key(name)
        for group in self._groups:
            if key in group:
                return group - {key}
        return set()


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.strip())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).casefold()


def _latin_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s.\-]+", _key(name)) if t]


def _compare_latin(a: str, b: str) -> NameMatch:
    ta, tb = _latin_tokens(a), _latin_tokens(b)
    if not ta or not tb:
        return NameMatch.UNKNOWN
    if sorted(ta) == sorted(tb):
        return NameMatch.SAME
    if ta[-1] != tb[-1]:
        # "Ren Yi" (surname first) against "Yi Ren"
        if len(ta) > 1 and len(tb) > 1 and ta[0] == tb[-1] and ta[-1] == tb[0]:
            return NameMatch.SAME
        if (len(ta) == 1 and ta[0] in tb) or (len(tb) == 1 and tb[0] in ta):
            return NameMatch.SAME
        return NameMatch.DIFFERENT
    if len(ta) == 1 or len(tb) == 1:
        return NameMatch.SAME
    return NameMatch.SAME if ta[0][0] == tb[0][0] else NameMatch.DIFFERENT


def _compare_across(chinese: str, latin: str) -> NameMatch:
    """A Chinese name against a Latin one, through the Chinese name's pinyin."""
    words = [re.sub(r"[\-'’]", "", t) for t in re.split(r"[\s.]+", _key(latin)) if t]
    words = [w for w in words if w]
    if not words:
        return NameMatch.UNKNOWN
    if len(words) == 1:
        forms = {(words[0], "")}
    else:
        forms = {(words[0], "".join(words[1:])), (words[-1], "".join(words[:-1]))}
    other_spelling = False
    for surname, given in readings(chinese.replace("·", "")):
        for latin_surname, latin_given in forms:
            other_spelling = other_spelling or is_other_romanisation(surname, latin_surname)
            if latin_surname != surname:
                continue
            if not latin_given or latin_given == given:
                return NameMatch.SAME
            if len(latin_given) == 1 and given.startswith(latin_given):  # "H. Chen"
                return NameMatch.SAME
    if other_spelling or not all(is_pinyin(w) for w in words):
        return NameMatch.UNKNOWN
    return NameMatch.DIFFERENT


def _compare_direct(a: str, b: str) -> NameMatch:
    cjk_a, cjk_b = is_cjk_name(a), is_cjk_name(b)
    if cjk_a and cjk_b:
        return NameMatch.SAME if _key(a) == _key(b) else NameMatch.DIFFERENT
    if cjk_a:
        return _compare_across(a, b)
    if cjk_b:
        return _compare_across(b, a)
    return _compare_latin(a, b)


def compare_names(a: str, b: str, aliases: AliasBook | None = None) -> NameMatch:
    """Whether names ``a`` and ``b`` denote the same person, as far as can be told."""
    direct = _compare_direct(a, b)
    if direct is not NameMatch.UNKNOWN or aliases is None:
        return direct
    outcomes = {
        _compare_direct(x, y)
        for x in (a, *aliases.aliases_of(a))
        for y in (b, *aliases.aliases_of(b))
    }
    if NameMatch.SAME in outcomes:
        return NameMatch.SAME
    if NameMatch.DIFFERENT in outcomes:
        return NameMatch.DIFFERENT
    return NameMatch.UNKNOWN


def match_against(name: str, known: Iterable[str], aliases: AliasBook | None = None) -> NameMatch:
    """Compare ``name`` with every known name: SAME if any is, UNKNOWN if any cannot be told."""
    outcomes = {compare_names(name, k, aliases) for k in known}
    if not outcomes:
        return NameMatch.UNKNOWN
    if NameMatch.SAME in outcomes:
        return NameMatch.SAME
    if NameMatch.UNKNOWN in outcomes:
        return NameMatch.UNKNOWN
    return NameMatch.DIFFERENT
