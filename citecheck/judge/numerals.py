"""Numbers as written in zh and en text → comparable values.

Handles Arabic numerals with thousands separators and decimals, Chinese
numerals (``两千二百五十``, ``七十三点五``, ``二〇二三``), mixed forms
(``1.5万``, ``3千``), scale words (``2.5 billion``, ``7B``), percentages
(``73.5%``, ``百分之七十三点五``, ``三成``, ``73.5 percent``) and years
(``2023年``, ``in 2023``). Each quantity has a kind so that only like is
compared with like: a year never contradicts a percentage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

QuantityKind = Literal["percent", "points", "year", "month", "number"]

_ZH_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}
_ZH_NUM_CHARS = "".join(_ZH_DIGITS) + "".join(_ZH_UNITS) + "".join(_ZH_BIG)
_EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_SCALES |= {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}  # 5k, 2.5m
_EN_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "half": 0.5,
    "double": 2,
    "doubled": 2,
    "doubles": 2,
    "twice": 2,
    "triple": 3,
    "tripled": 3,
    "triples": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quadruples": 4,
}


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its value, its kind and the text it came from."""

    value: float
    kind: QuantityKind
    raw: str
    decimals: int = 0

    def matches(self, other: Quantity) -> bool:
        """Same kind and equal value, allowing the coarser side's rounding."""
        if self.kind != other.kind:
            return False
        places = min(self.decimals, other.decimals)
        if round(self.value, places) == round(other.value, places):
            return True
        return abs(self.value - other.value) <= 1e-9 * max(1.0, abs(self.value))


def english_number(word: str) -> int | None:
    """The value of an English number word ("three" → 3), None for another word."""
    value = _EN_WORDS.get(word.casefold())
    return int(value) if value is not None else None


def parse_chinese_number(text: str) -> float | None:
    """Value of a Chinese numeral such as ``两千二百五十`` or ``七十三点五``; None if not one."""
    if not text or any(ch not in _ZH_NUM_CHARS + "点" for ch in text):
        return None
    whole, _, frac = text.partition("点")
    if frac and any(ch not in _ZH_DIGITS for ch in frac):
        return None
    value = _parse_zh_integer(whole) if whole else 0
    if value is None:
        return None
    try:
        if frac:
            return float(f"{int(value)}." + "".join(str(_ZH_DIGITS[c]) for c in frac))
        return float(value)
    except OverflowError:  # 一亿亿…亿: no quantity a claim could state
        return None


def _parse_zh_integer(text: str) -> int | None:
    if all(ch in _ZH_DIGITS for ch in text):  # digit-by-digit: 二〇二三
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (1 if digit is None else digit) * _ZH_UNITS[ch]
            digit = None
        elif ch in _ZH_BIG:
            section += digit or 0
            total = (total + section) * _ZH_BIG[ch] if ch == "亿" else total + section * _ZH_BIG[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH_NUM = f"[{_ZH_NUM_CHARS}]+(?:点[{''.join(_ZH_DIGITS)}]+)?"
# a unit written against its number: 512KB, 16GB, 30ms, 3.5Hz, 10km, 5kg
_GLUED_UNIT = r"(?:[KMGT]i?B|ms|[kMG]?Hz|km|kg|mm|cm|kW|MW|GW|Wh|kWh|mAh)(?![A-Za-z])"
_EN_SCALE_RE = "|".join(sorted(_EN_SCALES, key=len, reverse=True))
_EN_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_EN_UNIT_VALUES = {
    w: n
    for n, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], start=1
    )
}
_EN_UNITS = "|".join(_EN_UNIT_VALUES)
_QUANTITY_RE = re.compile(
    rf"(?P<zhpct>百分之(?P<zhpctnum>{_ZH_NUM}|{_NUM}))"
    rf"|(?P<arabic>(?<![A-Za-z0-9_.])(?<![A-Za-z0-9_.]-)(?<!\d,)(?P<num>{_NUM})(?:\s*(?P<zhbig>[万亿]+))?"
    rf"(?:\s*(?:(?P<pp>个?百分点|个点|分(?![钟之秒])|percentage points?\b|points?\b)"
    rf"|(?P<pct>%|％|percent\b|per cent\b|成(?![功为立就果员本长熟]))))?"
    rf"(?:\s*(?P<scale>(?:{_EN_SCALE_RE})\b))?(?P<year>\s*年)?)"
    rf"(?:(?={_GLUED_UNIT})|(?![A-Za-z0-9_]|\.\d))"
    rf"|(?P<zh>(?P<zhnum>{_ZH_NUM})(?P<zhsuffix>成(?![功立就果员本长熟])|年|倍|个|次|名|位|项|种|篇|层|%|％)?)"
    rf"|(?P<word>\b(?:{_EN_TENS}-(?:{_EN_UNITS})|{'|'.join(_EN_WORDS)})\b)",
    re.IGNORECASE,
)
_COUNTER_AFTER = re.compile(
    r"\s*(?:字|词|个|条|篇|名|人|项|次|份|words?\b|characters?\b|tokens?\b|questions?\b|"
    r"documents?\b|samples?\b|prompts?\b|examples?\b|pairs?\b|steps?\b|people\b)",
    re.IGNORECASE,
)
"""A counter after a number: "2000字", "2,000 prompts" count things, whatever the value."""
_ERA_AFTER = re.compile(r"\s*(?:年代|世纪)")
_YEAR_CONTEXT_CHARS = 32  # how far back a year's cue word ("in", "于") is looked for
_YEAR_CONTEXT = re.compile(r"(?:\bin|\bsince|\bby|\buntil|\bfrom|\bof|于|在)\s*$", re.IGNORECASE)


def extract_quantities(text: str) -> list[Quantity]:
    """Every number, percentage and year in ``text``, in order."""
    return [found.quantity for found in find_quantities(text)]


@dataclass(frozen=True)
class FoundQuantity:
    """A quantity and where it stands in the text (``start``/``end`` offsets)."""

    quantity: Quantity
    start: int
    end: int


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every number, percentage and year in ``text`` with its offsets, in order."""
    found: list[FoundQuantity] = []
    for m in _QUANTITY_RE.finditer(text):
        if _ERA_AFTER.match(text, m.end() - 1 if m.group(0).endswith("年") else m.end()):
            continue  # 20世纪30年代 names a period, not two quantities
        quantity = _quantity_from_match(m, text)
        if quantity is not None:
            found.append(FoundQuantity(quantity, m.start(), m.end()))
    return found


def _decimals(number: str) -> int:
    return len(number.partition(".")[2]) if "." in number else 0


def _quantity_from_match(m: re.Match[str], text: str) -> Quantity | None:
    raw = m.group(0).strip()
    if m.group("zhpct"):
        num = m.group("zhpctnum")
        value = parse_chinese_number(num) if not num[0].isdigit() else float(num.replace(",", ""))
        return None if value is None else Quantity(value, "percent", raw, _zh_decimals(num))
    if m.group("arabic"):
        return _arabic_quantity(m, text, raw)
    if m.group("zh"):
        return _chinese_quantity(m, raw)
    tens, _, unit = m.group("word").lower().partition("-")  # "twenty-five": 20 + 5
    return Quantity(float(_EN_WORDS[tens] + _EN_UNIT_VALUES.get(unit, 0)), "number", raw)


def _zh_decimals(num: str) -> int:
    return len(num.partition("点")[2]) or _decimals(num)


def _arabic_quantity(m: re.Match[str], text: str, raw: str) -> Quantity:
    number = m.group("num")
    value = float(number.replace(",", ""))
    decimals = _decimals(number)
    for ch in m.group("zhbig") or "":
        value *= _ZH_BIG[ch]
    if m.group("pp"):
        return Quantity(value, "points", raw, decimals)
    pct = (m.group("pct") or "").strip().lower()
    if pct:
        return Quantity(value * 10 if pct == "成" else value, "percent", raw, decimals)
    if m.group("scale"):
        return Quantity(value * _EN_SCALES[m.group("scale").lower()], "number", raw, decimals)
    is_year_shape = "," not in number and "." not in number and 1000 <= value <= 2100
    if (
        is_year_shape
        and not _COUNTER_AFTER.match(text, m.end())
        and (
            m.group("year")
            or _YEAR_CONTEXT.search(text, max(0, m.start() - _YEAR_CONTEXT_CHARS), m.start())
            or 1900 <= value <= 2100
        )
    ):
        return Quantity(value, "year", raw)
    return Quantity(value, "number", raw, decimals)


def _chinese_quantity(m: re.Match[str], raw: str) -> Quantity | None:
    num, suffix = m.group("zhnum"), m.group("zhsuffix") or ""
    if num in {"一", "万", "亿", "千", "百", "十"} and suffix not in {"倍", "成"}:
        return None  # 一些, 千万 (by all means), 十分 (very): words, not quantities
    if len(num) == 1 and not suffix:
        return None
    value = parse_chinese_number(num)
    if value is None:
        return None
    decimals = _zh_decimals(num)
    if suffix == "成":
        return Quantity(value * 10, "percent", raw, decimals)
    if suffix in {"%", "％"}:
        return Quantity(value, "percent", raw, decimals)
    if suffix == "年" and all(ch in _ZH_DIGITS for ch in num) and len(num) == 4:
        return Quantity(value, "year", raw)
    return Quantity(value, "number", raw, decimals)
