"""Chinese person names: found with a segmenter, read aloud in pinyin.

:func:`person_names` runs jieba's part-of-speech segmenter (imported on first
use: it costs seconds) and keeps the tokens it tags as person names (``nr``)
that start with a known surname; a lone surname token followed by a short
given-name token (陈 + 浩然) is joined. Place names that jieba tags ``nr``
(苏黎世) are dropped when an institution word follows. :func:`readings` gives a
name's (surname, given name) in toneless pinyin for comparison with Latin
spellings (see :mod:`citecheck.attribution.matching`).
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from citecheck.derived import DERIVED_FILE, DerivedStore, code_fingerprint
from citecheck.textutil import CJK_RE
from citecheck.usercache import user_cache_dir

COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "钟离",
        "端木",
    ]
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
    "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆"
    "农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋"
    "商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟"
    "冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来"
    "扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾"
    "茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
"""Common Chinese surnames (single characters) and the compound ones above."""

_INSTITUTION_AFTER = re.compile(
    r"^\s*(?:联邦|大学|学院|研究院|研究所|实验室|公司|集团|理工|科技|市|省)"
)
_GIVEN_TAGS_EXCLUDED = {
    "p",
    "v",
    "vn",
    "d",
    "c",
    "u",
    "uj",
    "ul",
    "f",
    "m",
    "q",
    "r",
    "x",
    "eng",
    "y",
}
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie"
    r"|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)"
)
_PINYIN_WORD = re.compile(rf"^(?:{_PINYIN_SYLLABLE})+$")


@dataclass(frozen=True)
class FoundName:
    """A Chinese person name in a text, with its offsets."""

    name: str
    start: int
    end: int


def surname_length(name: str) -> int:
    """Characters of the name's surname: 2 for a compound surname, 1 for a known single
    one, 0 when it does not start with a known surname."""
    if name[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if name[:1] in SURNAMES else 0


def is_person_name(name: str) -> bool:
    """Two to four Chinese characters starting with a known surname."""
    return 2 <= len(name) <= 4 and surname_length(name) > 0 and len(name) > surname_length(name)


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _posseg() -> Any:
    return _jieba().posseg


def chinese_words(text: str) -> list[str]:
    """The words of a Chinese text as jieba segments it (whitespace dropped)."""
    return [w for w in _jieba().cut(text) if w.strip()]


@lru_cache(maxsize=4096)
def person_names(text: str) -> tuple[FoundName, ...]:
    """The Chinese person names jieba finds in ``text``, in order.

    Kept in the user cache's derived store, so a text read before (the same report
    linted again) needs no segmenter: loading jieba's dictionaries costs more than a
    second.
    """
    return _derived_store().get_or_derive(
        (code_fingerprint(__name__, packages=("jieba",)), "person names", text),
        lambda: _segmented_person_names(text),
        encode=lambda names: [[n.name, n.start, n.end] for n in names],
        decode=lambda raw: tuple(FoundName(str(n), int(s), int(e)) for n, s, e in raw),
    )


@lru_cache(maxsize=1)
def _derived_store() -> DerivedStore:
    return DerivedStore(user_cache_dir() / DERIVED_FILE)


def _segmented_person_names(text: str) -> tuple[FoundName, ...]:
    tokens = [(t.word, t.flag) for t in _posseg().cut(text)]
    offsets = list(itertools.accumulate((len(w) for w, _ in tokens), initial=0))
    found: list[FoundName] = []
    index = 0
    while index < len(tokens):
        word, flag = tokens[index]
        start = offsets[index]
        if flag == "nr" and len(word) == 1 and word in SURNAMES and index + 1 < len(tokens):
            given, given_flag = tokens[index + 1]
            if 1 <= len(given) <= 2 and given_flag not in _GIVEN_TAGS_EXCLUDED and _is_cjk(given):
                word, index = word + given, index + 1
        elif flag in _SURNAME_NOUN_TAGS and len(word) == 1 and word in SURNAMES:
            given, given_flag = tokens[index + 1] if index + 1 < len(tokens) else ("", "")
            if given_flag == "nr" and len(given) == 2:
                word, flag, index = word + given, "nr", index + 1  # 顾 (n) + 明哲 (nr)
        if flag == "nr" and len(word) == 2 and index + 1 < len(tokens):
            bound, bound_flag = tokens[index + 1]
            if len(bound) == 1 and _is_cjk(bound) and _MORPHEME_TAG.fullmatch(bound_flag):
                word, index = word + bound, index + 1  # 唐书 + 怡: a morpheme ends the name
        end = start + len(word)
        if flag == "nr" and is_person_name(word) and not _INSTITUTION_AFTER.match(text[end:]):
            found.append(FoundName(word, start, end))
        index += 1
    return tuple(found)


_SURNAME_NOUN_TAGS = frozenset({"n", "ng", "g"})
"""Tags jieba gives a lone surname it read as a noun (顾 in 顾|明哲): with a two-character
name after it, the surname and the given name are one name."""
_MORPHEME_TAG = re.compile(r"[a-z]?g")
"""jieba's tags of bound morphemes (vg, ng, ag, g): characters that stand in no word of
their own. One right after a two-character name is the name's last character
(唐书|怡 is 唐书怡), never a word after it."""


def _is_cjk(text: str) -> bool:
    return all(CJK_RE.match(c) for c in text)


SPELLINGS_LIMIT = 64
"""Most pinyin spellings :func:`pinyin_spellings` gives one word (its polyphonic
characters multiply them)."""


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, str]:
    """pypinyin's character table: code point (as a decimal string) → its readings
    with tone marks, comma-separated.

    Read from the package's JSON file without importing pypinyin: the import also
    loads its phrase dictionary (about 50 MB), which names and affiliations do not
    need (every reading of every character is tried instead).
    """
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pypinyin is not installed")
    table = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    loaded: dict[str, str] = json.loads(table.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=8192)
def character_readings(character: str) -> tuple[str, ...]:
    """Toneless readings of one character, most common first, ü written v (单 → dan,
    shan, chan) and then as names spell it without the dots (吕 → lv, lu, lyu); a
    character that is not Chinese reads as itself."""
    marked = _pinyin_table().get(str(ord(character)))
    if marked is None:
        return (character,)
    toneless = [_toneless(reading) for reading in marked.split(",")]
    undotted = [spelled for t in toneless if "v" in t for spelled in _undotted(t)]
    return tuple(dict.fromkeys([*toneless, *undotted]))


def _undotted(reading: str) -> tuple[str, str]:
    """lü as passports (lyu) and everyday romanisation (lu) write it."""
    return reading.replace("v", "u"), reading.replace("v", "yu")


def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def readings(name: str) -> set[tuple[str, str]]:
    """Toneless pinyin (surname, given name) pairs of a Chinese name, one per reading of
    its polyphonic characters (单 → dan / shan)."""
    cut = surname_length(name) or 1
    options = [sorted(character_readings(c))[:3] for c in name]
    result = set()
    for combination in itertools.product(*options):
        result.add(("".join(combination[:cut]), "".join(combination[cut:])))
    return result


def pinyin_spellings(text: str) -> frozenset[str]:
    """Toneless pinyin of a Chinese text with syllables joined, one spelling per reading
    of its polyphonic characters (重庆 → chongqing, zhongqing, …), at most
    :data:`SPELLINGS_LIMIT`."""
    options = [character_readings(c) for c in text]
    combinations = itertools.islice(itertools.product(*options), SPELLINGS_LIMIT)
    return frozenset("".join(combination) for combination in combinations)


OTHER_ROMANISATIONS: dict[str, frozenset[str]] = {
    pinyin: frozenset(spellings.split())
    for pinyin, spellings in {
        "chen": "chan tan chin",
        "huang": "wong hwang",
        "wang": "wong",
        "li": "lee lei",
        "zhang": "cheung chang",
        "cai": "tsai choi",
        "xu": "hsu tsui hui",
        "liu": "lau lew",
        "wu": "ng woo",
        "zhou": "chow chou",
        "lin": "lam",
        "guo": "kuo kwok",
        "he": "ho",
        "zheng": "cheng chang",
        "xie": "tse hsieh",
        "yang": "yeung",
        "zhao": "chiu chao",
        "hu": "woo",
        "liang": "leung",
        "luo": "law lo",
        "jiang": "chiang",
        "qiu": "chiu yau",
        "zhu": "chu",
        "cao": "tso",
        "ye": "yip",
        "deng": "tang teng",
        "xiao": "siu hsiao",
    }.items()
}
"""Surname spellings of Wade–Giles and Cantonese romanisation: a name spelt so is not
pinyin, and pinyin cannot say whether it is the same person."""


def is_other_romanisation(pinyin_surname: str, latin_surname: str) -> bool:
    """Whether ``latin_surname`` is a non-pinyin spelling of ``pinyin_surname`` (陈: Chan)."""
    return latin_surname in OTHER_ROMANISATIONS.get(pinyin_surname, frozenset())


def is_pinyin(word: str) -> bool:
    """Whether a Latin word splits into Mandarin pinyin syllables (Haoran, Zhao; not Chan)."""
    return bool(_PINYIN_WORD.match(word.casefold().replace("ü", "v")))
