"""Quantities in context: a claim's number is compared only with the same quantity.

A :class:`Mention` is a number with its unit and what it is about: the words of
the clause it stands in, or, in a table-row unit (``Table 4 (…) · Method: TideKV ·
Throughput (tokens/ s): 260``, see :mod:`citecheck.corpus.tables`), its column
header, its row's key and the caption. A claim's mention *aligns* with an evidence
mention when their units agree and the evidence context renders the claim clause's
words (through the bilingual glossary, so a Chinese claim aligns with an English
table cell), unless the mention is about another subject: the evidence's tables
label rows and columns with models and methods, and a cell or sentence naming one
the claim does not, while the claim names one it does not, is about something else.

:func:`align_quantities` says of every number a claim measures whether the evidence
*states* it (an aligned mention of the same value; "about" allows 10 %), *contradicts*
it (no aligned mention of its value, and a strongly aligned mention of another value
of the same kind and unit), or is silent, and whether the value occurs anywhere in the
evidence at all. A contradiction thus needs the same quantity, not a number nearby:
"96 tokens/s" is never compared with "30.8 GiB" in another column, nor one model's
1.1 with another model's 1.0 in the next row.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from citecheck.judge.coverage import (
    ClaimUnit,
    SentenceTerms,
    claim_units,
    renders_name,
    sentence_terms,
)
from citecheck.judge.lexical import extract_identifiers, is_small_count
from citecheck.judge.numerals import FoundQuantity, Quantity, find_quantities

WEAK_ALIGNMENT = 0.3
"""Context coverage from which an equal value counts as stating the claim's number."""
STRONG_ALIGNMENT = 0.6
"""Context coverage from which another value contradicts it."""
STRONG_MIN_WORDS = 2
"""Claim-clause words a contradicting context must render in full."""
PREFIX_MIN = 4
"""Shortest stem that matches its longer forms by prefix."""
APPROX_TOLERANCE = 0.1
"""Most relative difference an "about" number allows ("about 40%" for 38.2%)."""
APPROX_FLOOR = 0.01
"""Relative difference an "about" number always allows ("约 92%" for 91.4%)."""
CROWDED_NUMBERS = 3
"""A prose clause with at least this many numbers, more numbers than words, is a
flattened table line whose columns are lost: it can state the claim's value, never
contradict it."""
ROW_VALUES_CLAIMED = 2
"""Claim values a table row must hold for the claim to be read as restating it."""
FULL_ALIGNMENT = 0.9
"""Context coverage at which a rival renders the claim clause as a whole."""
OUTALIGN_MARGIN = 0.4
"""How much better a rival must be aligned than the claim's value, stated of a
loosely related clause, to contradict it."""
MIN_CHECKED_VALUE = 2
"""Whole numbers below this ("one", 1) are not facts worth checking."""
MAX_RIVAL_RATIO = 10.0
"""A value more than this many times larger or smaller is taken for another quantity."""

DURATION = "duration"
RATIO = "times"
CELSIUS = "celsius"
FAHRENHEIT = "fahrenheit"
TEMPERATURE_FACTOR = 9 / 5
"""Fahrenheit degrees to one Celsius degree."""
_TIME_SPENT = re.compile(
    r"历时|耗时|用时|花了|花费|持续|为期|长达|\b(?:took|takes|lasted|lasts|spent|spanned|over|for)\b",
    re.IGNORECASE,
)
_UNITS: list[tuple[str, float, str]] = [
    ("times", 1.0, r"×|(?<![A-Za-z])x(?![A-Za-z])|倍|fold\b|times\b"),
    ("throughput", 1.0, r"(?:tokens?|tok)\s*/\s*s"),
    ("memory", 1.0, r"KiB\b|KB\b"),
    ("memory", 1024.0, r"MiB\b|MB\b"),
    ("memory", 1024.0**2, r"GiB\b|GB\b"),
    ("memory", 1024.0**3, r"TiB\b|TB\b"),
    ("ms", 1.0, r"ms\b|毫秒"),
    ("token", 1.0, r"tokens?\b|token"),
    ("step", 1.0, r"steps?\b|步"),
    ("layer", 1.0, r"layers?\b|层"),
    ("head", 1.0, r"heads?\b|个头|头"),
    # durations, in days: "约四个月" is four months, not a bare 4 elsewhere on the page
    (DURATION, 1 / 86400, r"sec(?:ond)?s?\b|s\b(?![.'’-])|秒(?!杀)"),  # "9.8 s per image"
    (DURATION, 1 / 1440, r"min(?:ute)?s?\b|分钟"),
    (DURATION, 1 / 24, r"hours?\b|hrs?\b|h\b(?![.'’-])|小时"),  # "(61 h)"
    (DURATION, 1.0, r"days?\b|天(?![津下])"),
    (DURATION, 7.0, r"weeks?\b|周(?![年期])|星期"),
    (DURATION, 30.44, r"months?\b|个月|(?<=个)月"),
    (DURATION, 365.25, r"years?\b|年(?![代级度份])"),
    # physical units, scaled to one base unit per class, so "over 620 miles" and
    # "more than 1,000 km" are the same distance; Celsius and Fahrenheit never compare
    ("length", 1000.0, r"km\b|kilomet(?:re|er)s?\b|公里|千米"),
    ("length", 1609.344, r"miles?\b|mi\b|英里"),
    ("length", 1.0, r"m\b|met(?:re|er)s?\b|米"),
    ("power", 1e-3, r"W\b|watts?\b|瓦(?!时)"),
    ("power", 1.0, r"kW\b|kilowatts?\b|千瓦(?!时)"),
    ("power", 1e3, r"MW\b|megawatts?\b|兆瓦(?!时)"),
    ("power", 1e6, r"GW\b|gigawatts?\b|吉瓦(?!时)"),
    ("power", 1e9, r"TW\b|terawatts?\b|太瓦(?!时)"),
    ("energy", 1.0, r"kWh\b|千瓦时|度电"),
    ("energy", 1e3, r"MWh\b"),
    ("energy", 1e6, r"GWh\b"),
    ("energy", 1e9, r"TWh\b"),
    ("mass", 1.0, r"kg\b|kilograms?\b|公斤|千克"),
    ("mass", 1000.0, r"t\b|tonnes?\b|tons?\b|吨"),
    (CELSIUS, 1.0, r"°\s*C\b|℃|degrees Celsius|摄氏度"),
    (FAHRENHEIT, 1.0, r"°\s*F\b|℉|degrees Fahrenheit|华氏度"),
]
_UNIT_AFTER = [
    (name, scale, re.compile(rf"[\s\-]*(?:个\s*)?(?:{pattern})", re.IGNORECASE))
    for name, scale, pattern in _UNITS
]
_UNIT_IN_HEADER = [
    (name, scale, re.compile(rf"(?<![A-Za-z])(?:{pattern})", re.IGNORECASE))
    for name, scale, pattern in _UNITS
]
# "–3", "-3.5": the upper bound of a range, whose unit is the range's ("from 31% to
# 78%" and "升至" are changes, not ranges)
_RANGE_UPPER = re.compile(r"\s*[–—~-]\s*\d+(?:[.,]\d+)?")
_RANGE_LOWER_BEFORE = re.compile(r"\d(?:[.,]\d+)?\s*%?\s*[–—~-]\s*$")
_HYPHEN_UPPER = re.compile(r"-(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<pct>\s*%)?(?![\w.-])")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MONTH_DATE = re.compile(
    r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?)?,?\s+)?"
    r"(?P<year>(?:19|20)\d{2})\b"
    r"|(?P<zh_year>(?:19|20)\d{2})\s*年\s*(?P<zh_month>\d{1,2})\s*月"
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|％|percent\b|per cent\b)")
_APPROX_BEFORE = re.compile(
    r"(?:(?:约|大约|大概)(?:减少|降低|下降|缩短|节省|提升|提高|增加|增长)了?"  # 约减少六成
    r"|约为?|大约|大概|近|接近|将近|超过|逾|约合|about|around|approximately|roughly|nearly|"
    r"almost|over|more than|up to|~|≈)\s*$",
    re.IGNORECASE,
)
# a lower bound: the claim's "七成以上" is not stated by a source's 63%
_ABOVE_BEFORE = re.compile(
    r"(?:超过|逾|至少|不少于|不低于|more than|over|above|at least|in excess of|upwards of)\s*$",
    re.IGNORECASE,
)
_ABOVE_AFTER = re.compile(r"^\s*(?:以上|多|余)")
ABOVE_SLACK = 0.02
"""How far below a "more than" value a source's value may fall (rounding)."""
_APPROX_AFTER = re.compile(r"^\s*(?:左右|多|余|以上|上下)")
# a difference: "高 2.7 分", "高出二点七", "2.7 points higher", "13.8 points above", "by 2.7",
# a signed value;
# never a level: "the higher BLEU (23.0 vs 22.3)" states two levels
_RELATIVE_BEFORE = re.compile(
    r"(?:高出?了?|低了?|多出?了?|少了?|提升了?|提高了?|降低了?|下降了?|增加了?|减少了?|领先|落后"
    r"|增长了?|快了?|慢了?|\bby|\b(?:loses|lost|drops?|dropped|falls?|fell|gains?|gained"
    r"|adds?|added|improves?|improved|cuts?|saves?|saved))"
    r"\s*(?:约|大约|大概|近|接近|将近|超过|about|around|nearly|roughly)?\s*$"
    r"|(?:^|[\s(（,，;；:：])[+＋\-−]$",  # a signed change: "(27.9 to 23.6, -4.3)", "+3.8"
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]")
_COSTS = re.compile(r"\bcosts?\s*$", re.IGNORECASE)
_POINTS_AFTER = re.compile(r"^\s*(?:points?|pp|percentage points?)\b", re.IGNORECASE)
""""costs 8.5 points" is a drop; "costs 128 KiB per token" is an amount."""
_RELATIVE_HEADER = re.compile(
    r"\b(?:change|delta|diff(?:erence)?|gain|drop|improvement|increase|decrease)\b|Δ|变化|差值|提升|下降|增幅|降幅",
    re.IGNORECASE,
)
"""A table column of differences ("Change in AlluAcc", "Δ", "提升")."""
_RELATIVE_AFTER = re.compile(
    r"^\s*(?:%|％|个百分点|百分点|个点|分|(?:(?![\d(（])[^\s,;，；。]{1,12}\s+){0,2}?)\s*"
    r"(?:higher|lower|more|less|fewer|above|below|better|worse|ahead|behind|faster|slower"
    r"|larger|smaller|greater|hotter|colder|warmer|cooler|cheaper|longer|shorter|bigger"
    r"|wider|deeper|heavier|lighter|up|down)\b",
    re.IGNORECASE,
)
# the conjunctions "以及", "和" ("和平", "总和" are words) and "and" join clauses of
# their own quantities: "4 个锚点 token 和最近 128 个 token"
_CLAUSE_BREAK = re.compile(
    r"[;；。：！？!?、\n]|以及|(?<![总温缓饱调柔暖祥])和(?![平谐睦蔼缓])|(?<![或])或(?![许者是多])|(?<!\d)[,，]|[,，](?!\d{3})"
    r"|[.:](?=\s|$)|\s(?:and|while|whereas|but)\s"
)
_COUNTED = re.compile(r"\s?([A-Za-z][A-Za-z-]{2,}|[\u4e00-\u9fff]{2})")
_NOT_COUNTED = frozenset(
    {"and", "are", "but", "for", "from", "into", "per", "than", "the", "that", "then"}
    | {"times", "was", "were", "with"}
)
"""Words after a number that say nothing of what it counts."""
_SENTENCE_BREAK = re.compile(r"[;；。！？!?\n]|[.](?=\s|$)")
_LABEL_BEFORE = re.compile(
    r"(?:Table|Tab\.|Figure|Fig\.|Section|Sec\.|Eq\.|Appendix|Algorithm|page|p\.|表|图|第)\s*$",
    re.IGNORECASE,
)
_HEADING_NUMBER_AFTER = re.compile(r"^\s+[A-Z]")
_HEADING_START = re.compile(r"(?:^|\n|[.。]\s)\s*$")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*")
# words around a number that say nothing about which quantity it is
_CONTEXT_STOPWORDS = frozenset(
    ("约 大约 每 时 个 后 至 从 到 为 仅 达 分 倍 点 共 由 降至 提升至").split()  # noqa: SIM905
)
_CELL_SEPARATOR = " · "
_WORDS = re.compile(r"[A-Za-z]{2,}|[\u4e00-\u9fff]+")
_TABLE_ROW = re.compile(r"^Table\s*\S+.*? · ", re.DOTALL)
_NUMERIC = re.compile(r"^[\d.,]+[A-Za-z]?$")
Status = Literal["stated", "contradicted", "silent"]


@dataclass(frozen=True)
class Mention:
    """A number in text with its unit class, whether it is approximate, and its context."""

    quantity: Quantity
    unit: str
    scale: float
    approx: bool
    context: str
    text: str
    sentence: str = ""
    row_key: str = ""
    table: str = ""
    column: str = ""  # a table cell's header, and which of the cell's numbers it is
    labels: frozenset[str] = frozenset()
    crowded: bool = False  # a clause of many numbers: a flattened table line
    range_bound: bool = False  # a bound of a range ("50–70%"): rivals only another bound
    above: bool = False  # "more than", "超过", "以上": a value below it is not stated
    counted: str = ""  # the word right after the number: what it counts ("81 tiles")
    relative: bool = False  # a difference ("2.7 points higher", "高 2.7"), not a level

    @property
    def base_value(self) -> float:
        """The value in its unit class's base unit (KiB for memory)."""
        return self.quantity.value * self.scale


@dataclass(frozen=True)
class QuantityCheck:
    """What the evidence says of one number of a claim."""

    claim: Mention
    status: Status
    present: bool  # the value occurs anywhere in the evidence
    rival: Mention | None = None
    near: Mention | None = None  # a weakly aligned other value, when not contradicted

    @property
    def stand_in(self) -> Mention | None:
        """The weakly aligned other value, where it may stand in the claim's number's
        place: the value is absent, and the other's sentence names no model, method or
        term the claim's does not ("TideKV reaches 73.5% accuracy" is not in the place
        of "human accuracy is about 92%")."""
        near = self.near
        if self.present or near is None or _names_another(near, self.claim):
            return None
        return near


def mentions_in(text: str) -> tuple[Mention, ...]:
    """Every number of a text with its context; table-row units cell by cell."""
    if _TABLE_ROW.match(text):
        return _row_mentions(text)
    return _prose_mentions(text)


@lru_cache(maxsize=16384)
def _prose_mentions(text: str) -> tuple[Mention, ...]:
    found = []
    numbers = find_quantities(text)
    months = _month_dates(text)
    previous: tuple[FoundQuantity, bool] | None = None
    for item in [*numbers, *_hyphen_range_uppers(text, numbers), *months]:
        if _is_label(text, item) or _inside_a_date(item, months):
            continue
        clause = _clause(text, item.start, item.end)
        sentence = _clause(text, item.start, item.end, _SENTENCE_BREAK)
        upper = _RANGE_UPPER.match(text, item.end)
        unit, scale = _unit_after(text, item, upper)
        relative = (
            _marked(text, item, _RELATIVE_BEFORE, _RELATIVE_AFTER)
            or _costs_points(text, item)
            or (previous is not None and _coordinated(text, previous, item))
        )
        previous = (item, relative)
        if relative and not _WORD.search(_without_numbers(clause)):
            clause = sentence  # "(27.9 to 23.6, -4.3)": a bare change is of its sentence
        found.append(
            Mention(
                quantity=_range_kind(text, item, upper),
                unit=unit,
                scale=scale,
                approx=_marked(text, item, _APPROX_BEFORE, _APPROX_AFTER),
                above=_marked(text, item, _ABOVE_BEFORE, _ABOVE_AFTER),
                context=_without_numbers(clause),
                text=clause.strip(),
                sentence=_without_numbers(sentence),
                labels=identifiers(sentence),
                crowded=_is_table_line(clause),
                range_bound=upper is not None or _is_range_upper(text, item),
                counted=_counted_word(text, item.end),
                relative=relative,
            )
        )
    return tuple(found)


def _coordinated(text: str, previous: tuple[FoundQuantity, bool], item: FoundQuantity) -> bool:
    """Whether ``item`` is a difference listed right after one of the same kind ("costs
    8.5 points on USPTO-190 and 10.9 points on PharmaRoute-120")."""
    before, was_relative = previous
    kinds = {before.quantity.kind, item.quantity.kind}
    if not was_relative or (len(kinds) > 1 and kinds != {"number", "points"}):
        return False
    between = text[before.end : item.start]
    return len(between) <= COORDINATED_GAP and _COORDINATION.search(between) is not None


COORDINATED_GAP = 40
_COORDINATION = re.compile(
    r"^[^。.;；!?！？]*?(?:\band\b|\bor\b|和|及|与|、|,|，)[^。.;；!?！？]*$"
)


@lru_cache(maxsize=16384)
def _row_mentions(text: str) -> tuple[Mention, ...]:
    caption, *cells = text.split(_CELL_SEPARATOR)
    if not cells:
        return ()
    key = _cell_value(cells[0])
    found = []
    for cell in cells[1:]:
        header, _, value = cell.partition(":")
        unit, scale = _unit_in(header)
        percent = "%" in header or "%" in caption
        for position, item in enumerate(find_quantities(value)):
            quantity = item.quantity
            if percent and quantity.kind == "number":
                quantity = Quantity(quantity.value, "percent", quantity.raw, quantity.decimals)
            after_unit, after_scale = _unit_after(value, item, _RANGE_UPPER.match(value, item.end))
            found.append(
                Mention(
                    quantity=quantity,
                    unit=after_unit or unit,
                    scale=after_scale if after_unit else scale,
                    approx=False,
                    context=_without_numbers(f"{header} {key} {caption}"),
                    text=text,
                    row_key=key,
                    table=caption,
                    column=f"{header.strip()}#{position}",
                    labels=identifiers(f"{header} {key}"),
                    relative=_RELATIVE_HEADER.search(header) is not None,
                )
            )
    return tuple(found)


def _counted_word(text: str, end: int) -> str:
    """The word right after a number, as what it counts: "tiles" in "81 tiles", "专家"
    in "8 专家"; none after a dimension's "x", a preposition or a unit word."""
    found = _COUNTED.match(text, end)
    if found is None:
        return ""
    word = found.group(1).casefold()
    if word in _NOT_COUNTED:
        return ""
    return re.sub(r"(?:es|s)$", "", word) if word.isascii() else word


def _is_table_line(clause: str) -> bool:
    numbers = len(find_quantities(clause))
    words = len(_WORDS.findall(_without_numbers(clause)))
    return numbers >= CROWDED_NUMBERS and numbers > words


def _is_label(text: str, item: FoundQuantity) -> bool:
    """Table 5, page 3, a section number "6.4 Efficiency": a label, not a quantity."""
    if _LABEL_BEFORE.search(text[max(0, item.start - 12) : item.start]):
        return True
    if not _SECTION_NUMBER.fullmatch(item.quantity.raw):
        return False  # "68K ShareGPT conversations" at a line's start is a quantity
    line_start = _HEADING_START.search(text[: item.start]) is not None
    return line_start and bool(_HEADING_NUMBER_AFTER.match(text[item.end : item.end + 3]))


def _cell_value(cell: str) -> str:
    return cell.partition(":")[2].strip() or cell.strip()


def identifiers(text: str) -> frozenset[str]:
    """The model, method and dataset identifiers a text names, normalised."""
    return frozenset(_normalise(i) for i in extract_identifiers(text))


def _clause(text: str, start: int, end: int, breaker: re.Pattern[str] | None = None) -> str:
    breaker = breaker or _CLAUSE_BREAK
    breaks = [m.end() for m in breaker.finditer(text, 0, start)]
    after = breaker.search(text, end)
    return text[breaks[-1] if breaks else 0 : after.start() if after else len(text)]


def _without_numbers(text: str) -> str:
    for item in reversed(find_quantities(text)):
        text = text[: item.start] + " " + text[item.end :]
    return text


def _unit_after(
    text: str, item: FoundQuantity, upper: re.Match[str] | None = None
) -> tuple[str, float]:
    """The unit written after a number, or after ``upper``, the upper bound of the
    range it opens ("2–3 °C": both are °C)."""
    if item.quantity.raw.endswith("倍"):
        return "times", 1.0
    if item.quantity.raw.endswith("年") and item.quantity.kind != "year":
        return DURATION, 365.25  # 两年, 三年: the reader keeps 年 with the numeral
    for start in (item.end, upper.end() if upper else None):
        if start is None:
            continue
        for name, scale, pattern in _UNIT_AFTER:
            if name == DURATION and item.quantity.kind == "year":
                continue  # 2023年 is a date, not 2,023 years
            if pattern.match(text, start, start + 16):
                return name, scale
    return "", 1.0


def _is_range_upper(text: str, item: FoundQuantity) -> bool:
    return bool(_RANGE_LOWER_BEFORE.search(text[max(0, item.start - 24) : item.start]))


def _hyphen_range_uppers(text: str, numbers: list[FoundQuantity]) -> list[FoundQuantity]:
    """The upper bound of "30-40%", which the numeral reader skips (a number after a
    hyphen is read only where no letter precedes it: never "Llama-3")."""
    found = []
    starts = {item.start for item in numbers}
    for item in numbers:
        match = _HYPHEN_UPPER.match(text, item.end)
        if match is None or match.start("num") in starts:
            continue
        number = match.group("num")
        kind = "percent" if match.group("pct") else item.quantity.kind
        if kind not in ("percent", "number"):
            continue
        decimals = len(number.partition(".")[2])
        value = float(number.replace(",", ""))
        quantity = Quantity(value, kind, match.group(0).strip("- "), decimals)
        found.append(FoundQuantity(quantity, match.start("num"), match.end()))
    return found


def _inside_a_date(item: FoundQuantity, months: list[FoundQuantity]) -> bool:
    """A year, month or day number written inside a date ("2025 年 8 月 3–7 日"): the
    date is the fact, its parts are not numbers of their own."""
    return item.quantity.kind != "month" and any(
        m.start <= item.start and item.end <= m.end for m in months
    )


def _month_dates(text: str) -> list[FoundQuantity]:
    """Months of a year ("April 2024", "17 August 2023", "August 3-7, 2025", "2024年8月")
    as one value each: a changed month is a changed fact, where a bare year is too loose
    to compare."""
    found = []
    for match in _MONTH_DATE.finditer(text):
        groups = match.groupdict()
        if groups.get("zh_year"):
            year, month = int(groups["zh_year"]), int(groups["zh_month"])
        else:
            year, month = int(groups["year"]), _MONTHS[groups["month"][:3].lower()]
        if 1 <= month <= 12:
            value = float(year * 12 + month - 1)
            quantity = Quantity(value=value, kind="month", raw=match.group(0))
            found.append(FoundQuantity(quantity, match.start(), match.end()))
    return found


def _range_kind(text: str, item: FoundQuantity, upper: re.Match[str] | None) -> Quantity:
    """The lower bound of a percentage range ("50–70%", "70-90%") is a percentage too."""
    quantity = item.quantity
    if quantity.kind != "number" or upper is None or not _PERCENT_AFTER.match(text, upper.end()):
        return quantity
    return replace(quantity, kind="percent")


def _unit_in(header: str) -> tuple[str, float]:
    for name, scale, pattern in _UNIT_IN_HEADER:
        if pattern.search(header):
            return name, scale
    return "", 1.0


def _marked(
    text: str, item: FoundQuantity, before: re.Pattern[str], after: re.Pattern[str]
) -> bool:
    """Whether a cue stands right before the number or right after it (约 / 左右,
    超过 / 以上)."""
    preceding = text[max(0, item.start - 16) : item.start]
    return bool(before.search(preceding) or after.match(text[item.end :]))


def _costs_points(text: str, item: FoundQuantity) -> bool:
    """Whether the number is points something costs ("costs 8.5 points"): a drop."""
    preceding = text[max(0, item.start - 16) : item.start]
    points = item.quantity.kind == "points" or _POINTS_AFTER.match(text[item.end :])
    return bool(_COSTS.search(preceding) and points)


# ---------------------------------------------------------------------- values


def same_value(claim: Mention, other: Mention) -> bool:
    """Whether two mentions state the same value, leniently: a number may be a
    percentage or points without its sign, a change without its minus ("drops 4.9"
    for -4.9), a fraction may be a percentage, and an approximate number allows
    :data:`APPROX_TOLERANCE`."""
    if not _unit_can_state(claim, other):
        return False
    a, b = claim.quantity, other.quantity
    if (a.kind == "year") != (b.kind == "year"):
        return False
    converted = _temperatures(claim, other)
    if converted:  # each side rounded in its own scale
        factor = TEMPERATURE_FACTOR if claim.unit == FAHRENHEIT else 1 / TEMPERATURE_FACTOR
        slack = (10.0**-a.decimals + 10.0**-b.decimals * factor) / 2
        return any(abs(a.value - value) <= slack for value in converted)
    # a plain number is read in the claim's unit ("16" in a "GiB" column states "16 GiB")
    # a unitless claim number is read in the other's unit ("about 9.8" for "9.8 秒")
    candidates = [other.base_value / claim.scale if other.unit and claim.unit else b.value]
    if a.kind == "percent" and b.kind != "percent" and b.value <= 1:
        candidates.append(b.value * 100)
    for value in candidates:
        if round(abs(value), a.decimals) == round(abs(a.value), a.decimals):
            return True  # a change may drop its sign in words ("costs 4.9 points" for -4.9)
        if claim.above and value < a.value * (1 - ABOVE_SLACK):
            continue  # "七成以上" is not 63%
        if (claim.approx or other.approx) and abs(a.value - value) <= _approx_slack(claim, other):
            return True
    return False


def _temperatures(claim: Mention, other: Mention) -> list[float]:
    """The other's temperature in the claim's scale, as a reading (110 °F: 43.3 °C)
    and as a difference (a 4.3 °F rise: 2.4 °C); empty unless the scales differ.
    Either may state the claim's value; neither ever contradicts it."""
    scales = (claim.unit, other.unit)
    value = other.quantity.value
    if scales == (CELSIUS, FAHRENHEIT):
        return [(value - 32) / TEMPERATURE_FACTOR, value / TEMPERATURE_FACTOR]
    if scales == (FAHRENHEIT, CELSIUS):
        return [value * TEMPERATURE_FACTOR + 32, value * TEMPERATURE_FACTOR]
    return []


def _approx_slack(claim: Mention, other: Mention) -> float:
    """How far an approximate value may lie from the other: as far as its own
    precision says ("about 40%" is rounded to tens, "约 92%" to units, "约2250字" to
    tens, so not 2,000), within :data:`APPROX_FLOOR` and :data:`APPROX_TOLERANCE`."""
    slack = 0.0
    for mention in (claim, other):
        if mention.approx:
            value = abs(mention.quantity.value)
            precision = _last_digit_unit(mention.quantity)
            own = min(APPROX_TOLERANCE * value, max(precision, APPROX_FLOOR * value))
            slack = max(slack, own * mention.scale / claim.scale)
    return slack


def _last_digit_unit(quantity: Quantity) -> float:
    """The place of a number's last significant digit: 0.1 for 73.5, 10 for 2250,
    1000 for 2000 (one for a whole number of one digit)."""
    if quantity.decimals:
        return 10.0**-quantity.decimals
    whole = round(abs(quantity.value))
    unit = 1.0
    while whole and whole % 10 == 0 and whole >= 10:
        whole //= 10
        unit *= 10
    return unit


def _unit_can_state(claim: Mention, other: Mention) -> bool:
    """The same unit class, or one side unitless, or two temperature scales; a
    duration is stated by a duration ("四个月" is not the "4" of "Table 4") or by the
    same unitless number when either has decimals ("0.21 秒" by an RTF of 0.21,
    "六十一小时" by an "Hours" column's 61.0), though an
    aligned unitless value may still rival it ("31 consecutive days")."""
    if DURATION in (claim.unit, other.unit):
        measured = claim.quantity.decimals > 0 or other.quantity.decimals > 0  # 61.0, 0.21
        exact = measured and not (claim.unit and other.unit)
        return claim.unit == other.unit or exact  # "约需 0.21 秒" for an RTF of 0.21
    if {claim.unit, other.unit} == {CELSIUS, FAHRENHEIT}:
        return True
    return not (claim.unit and other.unit and claim.unit != other.unit)


def is_bare_count(mention: Mention) -> bool:
    """A small unitless count (:func:`is_small_count`). A small duration is one too,
    unless its clause says something lasted that long ("历时约四个月", "took 3
    weeks"): "前 5 分钟" and "at minute 5" are positions in a talk, which no
    sentence states."""
    if not is_small_count(mention.quantity):
        return False
    return mention.unit != DURATION or not _TIME_SPENT.search(mention.context)


def _comparable(claim: Mention, other: Mention) -> bool:
    """Same kind (numbers and points count as one), the same unit class, both
    bounds of ranges or neither (a range often gives another scenario's spread), and
    both differences or both levels ("高 2.7 分" is no BLEU of 23.0; a ratio, "提升 3.2
    倍" or "2.7×", is one either way)."""
    if claim.range_bound != other.range_bound:
        return False
    if claim.relative != other.relative and not claim.unit == other.unit == RATIO:
        return False
    kinds = {claim.quantity.kind, other.quantity.kind}
    if "year" in kinds or (len(kinds) > 1 and kinds != {"number", "points"}):
        return False
    if claim.unit and other.unit and claim.unit != other.unit:
        return False
    low, high = sorted((abs(claim.base_value), abs(other.base_value)))
    return high <= MAX_RIVAL_RATIO * low


# ------------------------------------------------------------------- alignment


@lru_cache(maxsize=4096)
def _context_units(context: str) -> tuple[ClaimUnit, ...]:
    return tuple(
        u
        for u in claim_units(context)
        if not _NUMERIC.match(u.text) and u.text not in _CONTEXT_STOPWORDS
    )


def alignment(claim: Mention, other: Mention, *, lenient: bool = False) -> tuple[float, int]:
    """How much of the claim clause the other mention's context renders: the
    weighted share of its words, and how many it renders in full. ``lenient``
    (for finding the claim's value stated) lets a clause with no words of its own
    ("4K, 8K and 16K") stand for its sentence."""
    units = _context_units(claim.context)
    if lenient:
        units = units or _context_units(claim.sentence)
    if not units:
        return 0.0, 0
    wide = lenient and not _context_units(other.context)
    terms = sentence_terms(other.sentence if wide else other.context)
    scores = [_unit_coverage(u, terms) for u in units]
    return sum(scores) / len(units), sum(s == 1.0 for s in scores)


def _unit_coverage(unit: ClaimUnit, terms: SentenceTerms) -> float:
    """A word's coverage, where a stem also matches a longer or shorter form of
    itself ("drop" and "dropped", whose crude stem is "dropp")."""
    covered = unit.coverage(terms)
    if covered == 1.0:
        return covered
    forms = terms.terms if unit.characters else terms.terms | terms.glossed
    for stem in unit.stems:
        if len(stem) >= PREFIX_MIN and any(
            t.startswith(stem) or (len(t) >= PREFIX_MIN and stem.startswith(t)) for t in forms
        ):
            return 1.0
    return covered


def _normalise(identifier: str) -> str:
    return re.sub(r"[-_\s]", "", identifier).casefold()


def _names_another(other: Mention, mine: Mention) -> bool:
    """Whether ``other``'s sentence names a model, method or term ``mine``'s does
    not: neither by name nor, in a Chinese claim, in translation (多文档问答 renders
    "multi-document QA"; a model's name is only ever named). A lower-case compound
    ("non-redlined") is a word, not a name."""
    unnamed = {label for label in other.labels if not _named(label, mine.labels)}
    if not unnamed:
        return False
    written = extract_identifiers(other.sentence or other.context)
    common = {  # "non-redlined", "multi-document": words, not names
        _normalise(name) for name in written if name.islower() or renders_name(name, mine.sentence)
    }
    return bool(unnamed - common)


def _named(name: str, names: frozenset[str]) -> bool:
    """``name`` is one of ``names``, or one holds the other (Llama-3.1-8B-Instruct)."""
    return any(name in n or n in name for n in names)


def _label_dimensions(evidence: Sequence[Mention]) -> list[frozenset[str]]:
    """The subjects the evidence's tables label, one set per table dimension: the
    identifiers of its row keys, and those of its column headers."""
    rows: dict[str, set[str]] = {}
    columns: dict[str, set[str]] = {}
    for m in evidence:
        if not m.table:
            continue
        keys = identifiers(m.row_key)
        rows.setdefault(m.table, set()).update(keys)
        columns.setdefault(m.table, set()).update(m.labels - keys)
    return [frozenset(d) for d in (*rows.values(), *columns.values()) if d]


def _about_other_subject(
    claim_ids: frozenset[str], dimensions: list[frozenset[str]]
) -> Callable[[Mention], bool]:
    """Whether a mention is about another subject than the claim: along one table
    dimension (the models of the columns, the methods of the rows) it names a
    subject the claim does not, and the claim names one it does not. "With
    Qwen2.5-7B, TideKV reaches 73.5%" is not about Llama-3.1-8B with TideKV."""
    mine = [frozenset(s for s in d if _named(s, claim_ids)) for d in dimensions]

    def other(mention: Mention) -> bool:
        for dimension, claimed in zip(dimensions, mine, strict=True):
            theirs = frozenset(s for s in dimension if _named(s, mention.labels))
            if theirs - claimed and claimed - theirs:
                return True
        return False

    return other


def _beside_the_claimed_rows(
    mine: list[Mention], theirs: list[Mention], claim_ids: frozenset[str]
) -> Callable[[Mention], bool]:
    """Whether a table cell is in another row of a table where rows hold two or more
    of the claim's values: the claim restates those rows ("from 0.187 to 0.199" is
    the full model's row and the ablated one's), so the table's other rows are about
    other subjects, unless the claim names their key."""
    counts: dict[tuple[str, str], int] = {}
    for m in theirs:
        if m.table and any(same_value(c, m) for c in mine):
            counts[(m.table, m.row_key)] = counts.get((m.table, m.row_key), 0) + 1
    claimed: dict[str, set[str]] = {}
    for (table, row), count in counts.items():
        if count >= ROW_VALUES_CLAIMED:
            claimed.setdefault(table, set()).add(row)

    def beside(mention: Mention) -> bool:
        rows = claimed.get(mention.table)
        return (
            rows is not None
            and mention.row_key not in rows
            and not identifiers(mention.row_key) & claim_ids
        )

    return beside


def align_quantities(claim: str, evidence: Sequence[str]) -> list[QuantityCheck]:
    """What the evidence says of each number of the claim (from two up). Small counts
    and years are never contradicted, since they fill sentences about other things:
    they are only stated or not."""
    mine = [m for m in mentions_in(claim) if not _trivial(m.quantity)]
    if not mine:
        return []
    theirs = [m for text in evidence for m in mentions_in(text)]
    claim_ids = identifiers(claim)
    other = _about_other_subject(claim_ids, _label_dimensions(theirs))
    off_row = _beside_the_claimed_rows(mine, theirs, claim_ids)
    relevant = [m for m in theirs if not other(m) and not off_row(m)]
    checks = [_check(m, theirs, relevant, mine) for m in mine]
    stated = [c.claim for c in checks if c.status == "stated"]
    given = [c.claim for c in checks if c.present]
    columns = _named_rows_by_column(theirs, claim_ids)
    changes = _stated_changes(evidence)
    groups = _operand_groups(theirs)
    return [
        _in_another_unit(
            _worked_out_in_the_text(
                _from_a_stated_change(
                    _from_the_rival_clause(
                        _from_named_rows(
                            _derived(_in_place_of_a_stated_value(c, stated), given), columns
                        )
                    ),
                    changes,
                ),
                groups,
            ),
            theirs,
        )
        for c in checks
    ]


def _in_another_unit(check: QuantityCheck, theirs: list[Mention]) -> QuantityCheck:
    """A value the cited text gives with the same digits in another unit of the same kind
    ("2.3 分钟" for "2.3 s", "0.38 ms" for "0.38 s"), and nowhere in the claim's unit:
    the unit is wrong."""
    mine = check.claim
    if check.status != "silent" or check.present or not mine.unit:
        return check
    rival = next(
        (
            m
            for m in theirs
            if m.unit == mine.unit
            and m.quantity.raw.strip() == mine.quantity.raw.strip()
            and not math.isclose(m.scale, mine.scale)
        ),
        None,
    )
    return QuantityCheck(mine, "contradicted", False, rival) if rival else check


def _operand_groups(theirs: list[Mention]) -> list[list[float]]:
    """The values the cited text gives together: one sentence's, one table row's, one
    table column's."""
    groups: dict[tuple[str, str], list[float]] = {}
    for m in theirs:
        keys = [("row", m.row_key), ("column", f"{m.table}|{m.column}")] if m.table else []
        for key in keys or [("sentence", m.sentence or m.text)]:
            groups.setdefault(key, []).append(m.quantity.value)
    return list(groups.values())


def _worked_out_in_the_text(check: QuantityCheck, groups: list[list[float]]) -> QuantityCheck:
    """A difference the claim states ("高出 18.6 个百分点") that two values the cited text
    gives together work out to ("57.1% against 38.5%"): stated, unless an aligned value
    contradicts it."""
    if check.status in ("stated", "contradicted") or check.present or not check.claim.relative:
        return check
    if any(_works_out(check.claim.quantity, values) for values in groups):
        return QuantityCheck(check.claim, "stated", True)
    return check


_CHANGE = re.compile(
    r"(?:from|由|从)\s*(?P<a>-?\d[\d,]*(?:\.\d+)?)\s*%?\s*"
    r"(?:to|提升至|提升到|提高至|提高到|增加到|增至|升至|降至|降到|下降到|减少到|到|至)\s*"
    r"(?P<b>-?\d[\d,]*(?:\.\d+)?)"
    r"|(?P<c>-?\d[\d,]*(?:\.\d+)?)\s*%?\s*(?:→|->)\s*(?P<d>-?\d[\d,]*(?:\.\d+)?)",
    re.IGNORECASE,
)
"""A change the evidence states as two values: "from 78.2% to 89.4%", "由78.2%提高到89.4%",
"3.9 → 2.3"."""


def _stated_changes(evidence: Sequence[str]) -> list[tuple[float, float]]:
    pairs = []
    for text in evidence:
        for found in _CHANGE.finditer(text):
            first, second = (found["a"], found["b"]) if found["a"] else (found["c"], found["d"])
            pairs.append((float(first.replace(",", "")), float(second.replace(",", ""))))
    return pairs


def _from_a_stated_change(
    check: QuantityCheck, changes: list[tuple[float, float]]
) -> QuantityCheck:
    """A difference or relative change of a change the evidence states ("11.2 points"
    for "from 78.2% to 89.4%") is stated by it, whatever else the claim's clause reads
    like: a number with decimals or of two digits or more, never a bare count."""
    mine = check.claim.quantity
    if check.status == "stated" or (mine.decimals == 0 and mine.value < MIN_DERIVED_VALUE):
        return check
    if any(_works_out(mine, list(pair)) for pair in changes):
        return QuantityCheck(check.claim, "stated", True)
    return check


def _named_rows_by_column(theirs: list[Mention], claim_ids: frozenset[str]) -> list[list[Mention]]:
    """The cells of the table rows the claim names by key, one list per table column the
    claim names too (a pair of rows differs by many values across a wide table)."""
    columns: dict[tuple[str, str], list[Mention]] = {}
    for m in theirs:
        header = m.column.rpartition("#")[0]
        if m.table and identifiers(m.row_key) & claim_ids and identifiers(header) & claim_ids:
            columns.setdefault((m.table, m.column), []).append(m)
    return [cells for cells in columns.values() if len(cells) >= 2]


def _from_named_rows(check: QuantityCheck, columns: list[list[Mention]]) -> QuantityCheck:
    """A difference or ratio of two rows the claim names, in one column of the table
    ("PRISM 与 MoTSE 的 MSE 相差 0.014" for 0.187 and 0.201), is stated by the table."""
    if check.status == "stated":
        return check
    for cells in columns:
        if _works_out(check.claim.quantity, [c.quantity.value for c in cells]):
            return QuantityCheck(check.claim, "stated", True)
    return check


def _from_the_rival_clause(check: QuantityCheck) -> QuantityCheck:
    """A number worked out from two values of the very clause that seemed to contradict
    it, or to stand in its place ("低 4.3 个点" for "from 27.9 to 23.6"), is stated by
    that clause."""
    rival = check.rival or check.near
    if check.status == "stated" or rival is None or rival.table:
        return check
    values = [m.quantity.value for m in mentions_in(rival.text) if _comparable(check.claim, m)]
    if _works_out(check.claim.quantity, values):
        return QuantityCheck(check.claim, "stated", True)
    return check


MIN_DERIVED_VALUE = 10
"""Whole numbers below this are too easily a difference of two values by chance."""


def _works_out(mine: Quantity, values: list[float]) -> bool:
    """Whether ``mine`` is a difference, ratio or relative change (%) of two ``values``,
    at the precision it is written in."""
    for i, x in enumerate(values):
        for j, y in enumerate(values):
            if i == j or not y:
                continue
            results = [x - y, x / y, (x - y) / y * 100]
            if any(
                round(abs(r), mine.decimals) == round(mine.value, mine.decimals) for r in results
            ):
                return True
    return False


def _derived(check: QuantityCheck, operands: list[Mention]) -> QuantityCheck:
    """A number the claim works out from two of its own values that the cited text
    gives ("lowers CER by 2.7 points, from 16.9 to 14.2"; "高出 5.5 个百分点（77.9 对
    72.4）"; "-25%, 5.3% to 4.0%") is stated with them, whatever else the text says."""
    if check.status == "stated":
        return check
    if _works_out(check.claim.quantity, [a.quantity.value for a in operands]):
        return QuantityCheck(check.claim, "stated", True)
    return check


def _in_place_of_a_stated_value(check: QuantityCheck, stated: list[Mention]) -> QuantityCheck:
    """A weakly aligned other value that stands beside another of the claim's numbers
    ("rises from 31% to 78%" for "from 31% to 87%") is the same quantity: the
    statement the claim was taken from, with one value changed."""
    near = check.near
    if check.status != "silent" or check.present or near is None:
        return check
    beside = mentions_in(near.text) if not near.table else ()
    if any(same_value(s, m) for s in stated for m in beside if m.quantity != near.quantity):
        return QuantityCheck(check.claim, "contradicted", check.present, near)
    return check


def _trivial(quantity: Quantity) -> bool:
    """ "one", "1": not a fact worth checking."""
    return (
        quantity.kind == "number" and quantity.decimals == 0 and quantity.value < MIN_CHECKED_VALUE
    )


def _check(
    mine: Mention, everything: list[Mention], relevant: list[Mention], claimed: list[Mention]
) -> QuantityCheck:
    """What the evidence says of one of the claim's numbers; a value the claim states
    itself (another fact of a multi-fact claim) is never its rival. The claim's value
    stated of a loosely related clause ("during the first 32 decoding steps") does not
    stand against another value stated of the claim's very clause ("recomputed every
    128 decoding steps"): that is the number changed."""
    equal = [alignment(mine, m, lenient=True)[0] for m in relevant if same_value(mine, m)]
    stated_by = max(equal, default=0.0)
    present = any(same_value(mine, m) for m in everything)
    if mine.quantity.kind == "year" or is_bare_count(mine):
        return QuantityCheck(mine, "stated" if stated_by >= WEAK_ALIGNMENT else "silent", present)
    rivals = [
        (alignment(mine, m), m)
        for m in relevant
        if not m.crowded
        and _comparable(mine, m)
        and not any(same_value(c, m) for c in claimed)
        and not is_bare_count(m)
    ]
    strong = [(a, m) for a, m in rivals if a[0] >= STRONG_ALIGNMENT and a[1] >= STRONG_MIN_WORDS]
    best = max(strong, key=lambda r: r[0], default=None)
    if stated_by >= WEAK_ALIGNMENT and not _outaligned(mine, stated_by, best):
        return QuantityCheck(mine, "stated", True)
    if best is not None and _stated_in_its_place(mine, relevant, best[1], claimed):
        return QuantityCheck(mine, "silent", present)
    if best is not None:
        return QuantityCheck(mine, "contradicted", present, best[1])
    weak = [(a, m) for a, m in rivals if a[0] >= WEAK_ALIGNMENT]
    near = max(weak, key=lambda r: r[0])[1] if weak else None
    return QuantityCheck(mine, "silent", present, near=near)


def _stated_in_its_place(
    mine: Mention, relevant: list[Mention], rival: Mention, claimed: list[Mention]
) -> bool:
    """Whether the evidence states the claim's very value of what the claim means by it,
    though the rival's clause reads closer: the value counts the same thing ("81 tiles")
    and the rival something else ("448 x 448 input"), or its sentence renders the
    claim's sentence, its only value, at least as well as the rival's does (a clause
    that lost its subject, "平均分下降 2.5 分", reads like every drop)."""
    equal = [m for m in relevant if same_value(mine, m)]
    counts_it = mine.counted and rival.counted != mine.counted
    if counts_it and any(m.counted == mine.counted for m in equal):
        return True
    if sum(c.sentence == mine.sentence for c in claimed) > 1:
        return False  # two values in one sentence: the sentence cannot tell them apart
    against = _sentence_alignment(mine, rival)
    return any(_sentence_alignment(mine, m) >= max(against, WEAK_ALIGNMENT) for m in equal)


def _sentence_alignment(mine: Mention, other: Mention) -> float:
    """How much of the claim's sentence the other's sentence renders."""
    whole, theirs = replace(mine, context=mine.sentence), replace(other, context=other.sentence)
    return alignment(whole, theirs)[0]


def _outaligned(
    mine: Mention, stated_by: float, rival: tuple[tuple[float, int], Mention] | None
) -> bool:
    """Whether a rival renders the whole claim clause where the equal value's
    context renders only part of it, and its sentence names no model, method or
    term the claim's sentence does not (it may be about another subject)."""
    if rival is None or stated_by >= STRONG_ALIGNMENT:
        return False
    (coverage, _), other = rival
    if _names_another(other, mine):
        return False
    return coverage >= FULL_ALIGNMENT and coverage - stated_by >= OUTALIGN_MARGIN
