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
from collections import defaultdict
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Generic, TypeVar

from citecheck.attribution.chinese import is_other_romanisation, is_pinyin, readings
from citecheck.attribution.names import is_cjk_name
from citecheck.textutil import CJK_NAME, LATIN_LETTERS, LATIN_UPPER

T = TypeVar("T")


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
        self._group_of: dict[str, set[str]] = {}  # a name's key → its whole group

    def add(self, names: Iterable[str]) -> None:
        """Record that all ``names`` are one person (merging existing groups)."""
        group = {_key(n) for n in names if n and n.strip()}
        if len(group) < 2:
            return
        merged = set(group)
        for key in group:
            merged |= self._group_of.get(key, set())
        for key in merged:
            self._group_of[key] = merged

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
        return self._group_of.get(key, set()) - {key}


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


def _romanised_words(latin: str) -> list[str]:
    """The words of a Latin name as pinyin would spell them ('Hao-ran' → 'haoran')."""
    words = [re.sub(r"[\-'’]", "", t) for t in re.split(r"[\s.]+", _key(latin)) if t]
    return [w for w in words if w]


def _surname_readings(chinese: str) -> set[str]:
    return {surname for surname, _ in readings(chinese.replace("·", ""))}


def _compare_across(chinese: str, latin: str) -> NameMatch:
    """A Chinese name against a Latin one, through the Chinese name's pinyin."""
    words = _romanised_words(latin)
    if not words:
        return NameMatch.UNKNOWN
    if len(words) == 1:
        forms = {(words[0], "")}
    else:
        forms = {(words[0], "".join(words[1:])), (words[-1], "".join(words[:-1]))}
    other_spelling = cut_short = False
    for surname, given in readings(chinese.replace("·", "")):
        for latin_surname, latin_given in forms:
            other_spelling = other_spelling or is_other_romanisation(surname, latin_surname)
            if latin_surname != surname:
                continue
            if not latin_given or latin_given == given:
                return NameMatch.SAME
            if len(latin_given) == 1 and given.startswith(latin_given):  # "H. Chen"
                return NameMatch.SAME
            # 唐书 for Shuyi Tang: a name the segmenter cut short reads as a prefix
            cut_short = cut_short or (bool(given) and latin_given.startswith(given))
    if other_spelling or cut_short or not all(is_pinyin(w) for w in words):
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


def index_keys(name: str) -> set[str]:
    """The keys a :class:`NameIndex` files ``name`` under.

    Whenever :func:`compare_names` (aliases aside) finds ``a`` and ``b`` the SAME,
    ``probe_keys(a)`` and ``index_keys(b)`` share a key: Latin names that are the
    same share a token that is the last of one of them; a Chinese name and a Latin
    one share the surname's pinyin as the Latin name's first or last word; two
    Chinese names are equal.
    """
    if is_cjk_name(name):
        return {f"cjk:{_key(name)}", *(f"pinyin:{s}" for s in _surname_readings(name))}
    tokens, words = _latin_tokens(name), _romanised_words(name)
    keys = {f"token:{t}" for t in tokens} | {f"last:{t}" for t in tokens[-1:]}
    return keys | {f"romanised:{w}" for w in words[:1] + words[-1:]}


def probe_keys(name: str) -> set[str]:
    """The keys to look ``name`` up by in a :class:`NameIndex` (see :func:`index_keys`)."""
    if is_cjk_name(name):
        return {f"cjk:{_key(name)}", *(f"romanised:{s}" for s in _surname_readings(name))}
    tokens, words = _latin_tokens(name), _romanised_words(name)
    keys = {f"last:{t}" for t in tokens} | {f"token:{t}" for t in tokens[-1:]}
    return keys | {f"pinyin:{w}" for w in words[:1] + words[-1:]}


class NameIndex(Generic[T]):
    """Items (people) filed under the names they go by, for finding the ones a name may
    denote without comparing it with every item: a cast of 10,000 speakers is
    de-duplicated in linear time.

    ``aliases`` must be complete before items are added: an item is filed under its
    names and their aliases.
    """

    def __init__(self, aliases: AliasBook | None = None) -> None:
        self._aliases = aliases
        self._items: list[T] = []
        self._by_key: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, item: T, names: Iterable[str]) -> None:
        """File ``item`` under ``names``."""
        position = len(self._items)
        self._items.append(item)
        for key in set().union(*map(index_keys, self._spellings(names))):
            self._by_key[key].append(position)

    def candidates(self, name: str) -> list[T]:
        """The items, in the order added, that ``name`` may be the SAME as; every item
        :func:`compare_names` finds the SAME is among them."""
        keys = set().union(*map(probe_keys, self._spellings([name])))
        positions = {p for key in keys for p in self._by_key.get(key, ())}
        return [self._items[p] for p in sorted(positions)]

    def _spellings(self, names: Iterable[str]) -> set[str]:
        spellings = set(names)
        if self._aliases is not None:
            for name in list(spellings):
                spellings |= self._aliases.aliases_of(name)
        return spellings
