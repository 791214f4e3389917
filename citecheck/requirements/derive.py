"""What a report is required to be: the rule pack's sections and length bounds, plus
those read from the user's request.

The effective requirements of a report are the rule pack's own plus those read
from the user's request (``report.query``) when ``requirements.derive_from_query``
is on. The pack wins where both set a length: it is explicit configuration.

A request may state its requirements twice, in Chinese and in an English
variant (``English variant (used for the English reports): … Length: 1,500 to
2,500 words``). Each requirement is then taken from the part in the report's
language, and from the other part only when its own says nothing of it.

Reading the request:

- ``字数在2000至3000字`` / ``between 2000 and 3000 words`` → 2000–3000;
- ``1000字左右`` / ``约1000字`` / ``about 1000 words`` → 1000 ± 20 % (800–1200),
  the slack a reader grants "about" (:data:`ABOUT_SLACK`);
- ``不少于2000字`` / ``at least 2000 words`` → a minimum, ``不超过…`` / ``at most…`` a maximum;
- sections: a numbered list introduced as sections or parts (``包含以下四个部分：
  （1）A；（2）B``, ``the same four required sections — (1) A, (2) B — citing…``,
  ``1. A`` lines under ``Required sections:``), or an unnumbered one after an intro
  (``include the following sections: A, B and C``, ``including: A, B``, bullets
  under ``Required sections:``). A section name is what an item says before its
  first comma, colon, dash or parenthesis (``（1）论文基本信息（标题、作者）`` →
  ``论文基本信息``); parenthetical and ``例如``/``e.g.`` examples and citation
  brackets are never sections, and an item longer than a heading
  (:data:`MAX_NAME_HAN`, :data:`MAX_NAME_WORDS`) is a sentence, not a name.
  A section named in another language than the report's headings is not required
  of it: a name cannot be matched across languages with certainty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from citecheck.judge.numerals import english_number, parse_chinese_number
from citecheck.models import Report
from citecheck.rulepack import (
    LengthRequirement,
    Requirements,
    RulePack,
    SectionRequirement,
    TableRequirement,
)
from citecheck.textutil import LATIN_LETTER_RE, LineIndex, cjk_count, detect_lang

Language = Literal["zh", "en"]

ABOUT_SLACK = 0.2
"""Relative slack around an "about N" length request."""
MAX_NAME_HAN = 12
"""Most Han characters a Chinese section name has; a longer item is a sentence."""
MAX_NAME_WORDS = 6
"""Most words an English section name has; a longer item is a sentence."""

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

_CN_DIGITS = "一二三四五六七八九十"
_SECTION_NOUN = re.compile(
    r"部分|章节|板块|小节|模块|结构|大纲|\b(?:sections?|parts?|headings?|chapters?|structure|outline)\b",
    re.IGNORECASE,
)
"""Words that make the numbered list after them a list of sections."""
_INSTRUCTIONS = re.compile(r"要求|规则|注意|规范|\b(?:requirements?|rules?|instructions?)\b", re.I)
"""Words that make a numbered list after a bare intro (``要求包括：``) one of instructions."""
_SECTION_INTRO = re.compile(
    r"(?:包含|包括|涵盖|分为)(?:以下|如下)?(?:[\d一二三四五六七八九十几]+个)?"
    r"(?:部分|内容|章节|板块|小节|方面)\s*[:：]?"
    r"|(?:包含|包括|涵盖)\s*[:：]"
    r"|(?:章节|部分|结构)(?:如下|有)?\s*[:：]"
    r"|\b(?:include|contain|cover|have)s?\s+(?:the\s+following|these)?\s*(?:\w+\s+)?"
    r"(?:required\s+)?(?:sections|parts|headings)\s*[:：]?"
    r"|\b(?:including|includes?|contains?)\s*[:：]"
    r"|\b(?:required|following)\s+(?:sections|parts|headings)\s*[:：]?"
    r"|\b(?:sections|structure|outline)\s*[:：]",
    re.IGNORECASE,
)
"""An intro after which an unnumbered list of sections follows, inline or as bullets."""
_ENUMERATORS: dict[str, re.Pattern[str]] = {
    "(n)": re.compile(r"[（(【〔]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)】〕]"),
    "n.": re.compile(r"(?:^|(?<=[\s:：；;，,。]))(\d{1,2})\s*[.．、)）](?!\d)", re.MULTILINE),
    "一、": re.compile(r"(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,3})\s*、"),
    "①": re.compile(r"([①②③④⑤⑥⑦⑧⑨⑩])"),
}
"""Numbered-list markers, by style: ``（1）``/``(一)``/``【一】``, ``1.``/``1、``, ``一、``,
``①``."""
_LIST_ITEM = re.compile(
    r"^\s*(?:[-*•·]|\d{1,2}\s*[.)、．]|[（(]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]+、)\s*(?P<name>\S.*?)\s*$"
)
_NAME_END = re.compile(
    r"[，,；;。：:（(\[【—–\n!?！？]|\s-\s|\.(?:\s|$)|例如|比如|诸如|such as|e\.g\b|i\.e\b",
    re.IGNORECASE,
)
"""Where a list item's name ends and its explanation, example or next sentence begins."""
_PARENTHETICAL = re.compile(r"（[^（）]*）|\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
_INLINE_END = re.compile(r"[。\n!?！？]|\.(?:\s|$)|例如|比如|such as|e\.g\b", re.IGNORECASE)
_QUOTED = re.compile(
    r"「(?P<name>[^「」]{1,30})」|“(?P<name2>[^“”]{1,40})”|\"(?P<name3>[^\"]{1,40})\""
)
_EN_COUNTS = {
    word: n
    for n, word in enumerate(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=2
    )
}
_SENTENCE_SPLIT = re.compile(r"(?<=[。！？!?\n])|(?<=\.)\s+(?=[A-Z\"“「])")
_COUNTED_SECTIONS = re.compile(
    r"([\d一二三四五六七八九十]{1,3}|two|three|four|five|six|seven|eight|nine|ten)\s*个?\s*"
    r"(?:部分|章节|板块|小节|模块|\b(?:sections|parts|headings|chapters)\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[。!?！？\n]|\.(?:\s|$)")
_ITEM_SPLIT = re.compile(r"[,，、;；]")
_LAST_ITEM_SPLIT = re.compile(r"\s+(?:and|or|&)\s+|以及|及|和|与", re.IGNORECASE)
_NAME_TRIM = " \t：:.。;；,，*#\"'“”‘’「」《》"


_TABLE_ASKED = re.compile(
    r"(?:包含|包括|含有|附上?|给出|制作|列出|使用|用|以|提供|至少|一张|一个|画)[^。；;\n|]{0,12}?"
    r"(?:表格|(?:对比|比较|汇总|结果|统计)表)"
    r"|\b(?:with|include|includes|including|contain|containing|add|provide|present|give|use)\b"
    r"[^.;:\n]{0,25}?\btables?\b",
    re.IGNORECASE,
)
_TABLE_OR = re.compile(
    r"表格或|或(?:用)?表格|\btables?\s+or\b|\bor\s+(?:as\s+)?(?:a\s+)?table", re.I
)
_NO_TABLE = re.compile(r"不要|不用|无需|不必|勿|避免|\b(?:no|not|without|avoid)\b", re.I)


def requirements_for(report: Report, pack: RulePack) -> Requirements:
    """The requirements ``report`` must meet: the pack's, plus those its query states
    (in the report's language where the query states them in two)."""
    own = pack.requirements
    if not (own.derive_from_query and report.query):
        return own
    derived = derive_requirements(report.query, report_language(report))
    headings = " ".join(s.title for s in report.sections)
    if headings:
        language = detect_lang(headings)
        derived.sections = [s for s in derived.sections if detect_lang(s.name) == language]
    known = {s.name for s in own.sections}
    sections = [*own.sections, *(s for s in derived.sections if s.name not in known)]
    dropped = {s.name for s in derived.sections} - {s.name for s in sections}
    tables = [  # a table asked for in a section of the other language is still asked for
        t.model_copy(update={"section": None}) if t.section in dropped else t
        for t in derived.tables
    ]
    return own.model_copy(
        update={
            "sections": sections,
            "length": own.length or derived.length,
            "tables": [*own.tables, *(t for t in tables if t not in own.tables)],
        }
    )


def region_bounds(report: Report) -> tuple[int, int]:
    """Offsets ``(start, end)`` of the report region inside ``report.text``."""
    lines = LineIndex(report.text)
    start = lines.line_start(min(max(report.region_start_line, 1), lines.line_count))
    last = report.region_end_line
    end = (
        len(report.text) if last is None or last >= lines.line_count else lines.line_start(last + 1)
    )
    return start, end


def report_language(report: Report) -> Language:
    """The language the report region is written in."""
    start, end = region_bounds(report)
    return detect_lang(report.text[start:end])


def derive_requirements(query: str, language: Language | None = None) -> Requirements:
    """Sections and length bounds stated in a user's request (Chinese or English).

    With ``language``, each requirement comes from the part of the request in that
    language when that part states it (see :func:`language_parts`), else from the
    first other part that does; without, from the first place the request states it."""
    texts = [query]
    if language is not None:
        parts = language_parts(query)
        ordered = sorted(parts, key=lambda lang: lang != language)
        texts = [parts[lang] for lang in ordered] + texts
    stated = next(((text, found) for text in texts if (found := _derive_sections(text))), None)
    sections = stated[1] if stated else []
    asked = [stated[0]] if stated else texts
    tables = next((asks for text in asked if (asks := derive_tables(text, sections))), [])
    length = next((bound for text in texts if (bound := _derive_length(text, language))), None)
    return Requirements(sections=sections, length=length, tables=tables)


def _row_name(before: str) -> str | None:
    """The part a row of a Markdown table of required parts names before the cell that
    asks for a table (``| 三 | 实验与结果 | **至少一张表格** |`` → 实验与结果)."""
    if not before.lstrip().startswith("|"):
        return None
    cells = [c.strip(" *") for c in before.split("|")[:-1]]
    names = [c for c in cells if c and _numeral(c) is None and not c.isdigit()]
    return names[-1] if names else None


_AT_LEAST_ROWS = re.compile(
    r"(?:至少|不少于)\s*(?:列出|包含|列|对比|比较)?\s*(?P<zh>\d+|[一二两三四五六七八九十]+)\s*(?:个|种|家|项)?"
    r"\s*(?:系统|模型|方法|基线|算法|对比对象)"
    r"|\bat least (?P<en>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:systems|models|methods|baselines|approaches|rows)\b",
    re.IGNORECASE,
)


def _rows_asked(line: str) -> int | None:
    """How many systems a table asked for on this line must list ("至少列出三个系统
    （含 PestLens）", "a comparison table of at least three systems"); None when unsaid."""
    found = _AT_LEAST_ROWS.search(line)
    if found is None:
        return None
    written = found["zh"] or found["en"]
    if written.isdigit():
        return int(written)
    value = english_number(written) or parse_chinese_number(written)
    return int(value) if value else None


def derive_tables(query: str, sections: list[SectionRequirement]) -> list[TableRequirement]:
    """The tables a request asks for ("三、实验结果：必须包含一张表格", "Results — with at
    least one table"), each in the section named last before it on its line, if any;
    never one it rules out ("不要使用表格", "no tables") or offers as one way among
    others ("用一张表格或逐项列举")."""
    found: list[TableRequirement] = []
    for match in _TABLE_ASKED.finditer(query):
        line_start = query.rfind("\n", 0, match.start()) + 1
        before = query[line_start : match.start()]
        around = query[max(line_start, match.start() - 8) : match.end() + 8]
        if _NO_TABLE.search(around) or _TABLE_OR.search(around):
            continue  # ruled out, or one way among others ("用一张表格或逐项列举")
        named = [(before.rfind(s.name), s) for s in sections if s.name in before]
        part = max(named, key=lambda found: found[0])[1] if named else None
        section = part.name if part else _row_name(before)
        line_end = query.find("\n", match.end())
        rows = _rows_asked(query[line_start : line_end if line_end >= 0 else len(query)])
        requirement = TableRequirement(
            section=section, number=part.number if part else None, min_rows=rows
        )
        if requirement not in found:
            found.append(requirement)
    placed = [t for t in found if t.section is not None]
    return placed or found  # "a table" said again without its part is the same table


def language_parts(query: str) -> dict[Language, str]:
    """The request's sentences gathered by language, in order (first language first).

    Sentences are cut at ``。！？`` and at ``. `` ; a list-item line belongs to the
    language of the line that introduces it, and a piece without letters to the one
    before it."""
    parts: dict[Language, list[str]] = {}
    current: Language | None = None
    for line in query.splitlines():
        item = _LIST_ITEM.match(line)
        pieces = [line] if item and current else re.split(r"(?<=[。！？])|(?<=[.!?])\s+", line)
        for number, piece in enumerate(pieces):
            if _has_letters(piece) and not (item and current):
                current = detect_lang(piece)
            if current is None:
                continue
            chunks = parts.setdefault(current, [])
            chunks.append(("\n" if number == 0 else " ") + piece)
    return {lang: "".join(chunks).strip() for lang, chunks in parts.items()}


def _has_letters(text: str) -> bool:
    return bool(cjk_count(text) or LATIN_LETTER_RE.search(text))


def _derive_length(query: str, language: Language | None = None) -> LengthRequirement | None:
    """The length bounds ``query`` states; where it states them in both units ("1500–3300
    字 … in English, 1,300–1,900 words"), those in the unit of ``language`` (字 for a
    Chinese report, words for an English one)."""
    stated = [
        (kind, match)
        for kind, pattern in _LENGTH_PATTERNS
        if (match := re.search(pattern, query, re.IGNORECASE))
    ]
    suited = "words" if language == "en" else "cjk_chars+latin_words"
    fitting = [(kind, m) for kind, m in stated if unit_of(m.group(0)) == suited]
    low: int | None = None
    high: int | None = None
    counting: Counting = "cjk_chars+latin_words"
    for kind, match in fitting if language is not None and fitting else stated:
        numbers = [to_int(g) for g in match.groups()]
        counting = "words" if unit_of(match.group(0)) == "words" else counting
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


@dataclass(frozen=True)
class _Marker:
    style: str
    number: int
    start: int
    end: int


def _derive_sections(query: str) -> list[SectionRequirement]:
    """The first list of sections the request states: numbered (after words naming
    sections) or after a section intro, whichever comes first."""
    numbered = _numbered_sections(query)
    intro = _SECTION_INTRO.search(query)
    if numbered and (intro is None or _same_sentence(query, intro.end(), numbered[0])):
        return numbered[1]
    listed = _listed_sections(query[intro.end() :]) if intro is not None else []
    return listed or (numbered[1] if numbered else []) or _quoted_sections(query)


def _quoted_sections(query: str) -> list[SectionRequirement]:
    """Quoted names in the sentence that names sections ("须包含「研究背景」「方法概述」…
    五个部分", 'the same five parts — "Background", "Method overview" … — each under its
    own heading'): when the sentence counts them, the run of that many quotes nearest
    the count, so a quoted report title beside them is left out."""
    for sentence in _SENTENCE_SPLIT.split(query):
        noun = _SECTION_NOUN.search(sentence)
        quotes = list(_QUOTED.finditer(sentence))
        if noun is None or len(quotes) < 2:
            continue
        items = [next(g for g in q.groups() if g) for q in quotes]
        count = _COUNTED_SECTIONS.search(sentence)
        if count is not None:
            said = count.group(1).lower()
            wanted = _EN_COUNTS.get(said) or _numeral(said) or len(items)
            after = [i for i, q in enumerate(quotes) if q.start() >= count.end()]
            if 2 <= wanted < len(items):
                first = after[0] if len(after) >= wanted else len(items) - wanted
                items = items[first : first + wanted]
        names = _names(items, [None] * len(items))
        if names:
            return names
    return []


def _same_sentence(query: str, start: int, end: int) -> bool:
    """Whether no sentence ends between ``start`` and ``end`` ("包含以下五个部分，并按顺序
    使用这些标题：一、…": the numbered list is the one the intro announces)."""
    return end >= start and _SENTENCE_END.search(query, start, end) is None


def _numbered_sections(query: str) -> tuple[int, list[SectionRequirement]] | None:
    """(where it starts, sections) of the first numbered list 1, 2, … introduced as
    sections, parts or a structure; None when there is none."""
    runs: list[list[_Marker]] = []
    for style, pattern in _ENUMERATORS.items():
        markers = [
            _Marker(style, n, m.start(), m.end())
            for m in pattern.finditer(query)
            if (n := _numeral(m.group(1))) is not None
        ]
        run: list[_Marker] = []
        for marker in markers:
            if run and marker.number == run[-1].number + 1:
                run.append(marker)
            elif marker.number == 1:
                if len(run) >= 2:
                    runs.append(run)
                run = [marker]
        if len(run) >= 2:
            runs.append(run)
    for run in sorted(runs, key=lambda r: r[0].start):
        lead_in = _lead_in(query, run[0].start)
        named = _SECTION_NOUN.search(lead_in) or (
            _SECTION_INTRO.search(lead_in) and not _INSTRUCTIONS.search(lead_in)
        )
        if not named:
            continue
        ends = [m.start for m in run[1:]] + [len(query)]
        items = [query[m.end : end] for m, end in zip(run, ends, strict=True)]
        names = _names(items, [m.number for m in run])
        if names:
            return run[0].start, names
    return None


def _lead_in(query: str, start: int) -> str:
    """The text of the sentence before a list's first marker (at most 80 characters);
    when only list markup stands there (a task list's ``- [ ]``), the paragraph or
    heading above it (``## 必须包含的部分``)."""
    before = query[max(0, start - 80) : start]
    cut = max(before.rfind("。"), before.rfind(". "), before.rfind("\n\n"))
    if not _has_words(before[cut + 1 :]) and cut > 0:
        above = before[:cut].rstrip()
        cut = max(above.rfind("。"), above.rfind(". "), above.rfind("\n\n"))
        return above[cut + 1 :]
    return before[cut + 1 :]


def _has_words(text: str) -> bool:
    return any(c.isalpha() for c in text.replace("[ ]", "").replace("[x]", ""))


def _listed_sections(rest: str) -> list[SectionRequirement]:
    """The unnumbered list after a section intro: on its line, or as the list-item
    lines that follow it, up to one set further out (the outer list resuming)."""
    first, _, following = rest.partition("\n")
    if first.strip():
        first = _PARENTHETICAL.sub("", first)
        end = _INLINE_END.search(first)
        inline = first[: end.start()] if end else first
        items = _ITEM_SPLIT.split(inline)
        if len(items) >= 2:
            items[-1:] = _LAST_ITEM_SPLIT.split(items[-1], maxsplit=1)
        return _names(items, [None] * len(items))
    items = []
    numbers: list[int | None] = []
    indent: int | None = None
    for line in following.splitlines():
        item = _LIST_ITEM.match(line)
        if item is None:
            if line.strip():
                break
            continue
        depth = len(line) - len(line.lstrip())
        if indent is not None and depth < indent:
            break  # an item of the list above ("3. 篇幅" after the nested parts): done
        indent = depth if indent is None else indent
        items.append(item.group("name"))
        numbered = heading_number(line)
        numbers.append(numbered[1] if numbered else None)
    return _names(items, numbers)


def _names(items: list[str], numbers: list[int | None]) -> list[SectionRequirement]:
    """Sections named by list items; none when fewer than half the items read as a
    section name (the list is then one of instructions, not of sections)."""
    found: dict[str, SectionRequirement] = {}
    for item, number in zip(items, numbers, strict=True):
        name = section_name(item)
        if name and name not in found:
            found[name] = SectionRequirement(name=name, patterns=[re.escape(name)], number=number)
    return list(found.values()) if 2 * len(found) >= len(items) else []


def section_name(item: str) -> str | None:
    """The section name a list item gives, None when it gives none: the words before
    its first separator, and short enough to be a heading."""
    end = _NAME_END.search(item)
    name = (item[: end.start()] if end else item).strip(_NAME_TRIM)
    name = re.sub(r"等$", "", name).strip(_NAME_TRIM)
    if not _has_letters(name):
        return None
    if detect_lang(name) == "zh":
        return name if cjk_count(name) <= MAX_NAME_HAN and len(name) <= 2 * MAX_NAME_HAN else None
    return name if len(name.split()) <= MAX_NAME_WORDS else None


def _numeral(text: str) -> int | None:
    """``"4"``, ``"四"``, ``"十二"``, ``"④"`` → the number."""
    if text.isdigit() and text.isascii():
        return int(text)
    if text in "①②③④⑤⑥⑦⑧⑨⑩":
        return "①②③④⑤⑥⑦⑧⑨⑩".index(text) + 1
    if all(ch in _CN_DIGITS for ch in text):
        if text == "十":
            return 10
        tens, _, units = text.rpartition("十")
        if "十" not in text:
            return _CN_DIGITS.index(text) + 1 if len(text) == 1 else None
        return (_CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
            _CN_DIGITS.index(units) + 1 if units else 0
        )
    return None


def heading_number(title: str) -> tuple[str, int] | None:
    """(style, number) of a heading's leading enumerator: ``（4）总结`` → ("(n)", 4),
    ``四、总结`` → ("一、", 4), ``4. Summary`` → ("n.", 4); else the requirement it
    says it answers (``一、…（对应要求（1））``); None when unnumbered."""
    text = title.strip(" #*")
    for style, pattern in _ENUMERATORS.items():
        match = pattern.match(text)
        if match and (number := _numeral(match.group(1))) is not None:
            return style, number
    match = re.match(r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:部分|章|节)", text)
    match = match or re.match(r"(?:part|section)\s+(\d{1,2})\b", text, re.IGNORECASE)
    if match and (number := _numeral(match.group(1))) is not None:
        return "part", number
    return None


def unit_of(text: str) -> Counting:
    """The counting a length written as ``text`` means: ``words`` for ``3,200 words``
    or ``1500个单词``, ``cjk_chars+latin_words`` for ``2250字``."""
    return "words" if _IN_WORDS.search(text) else "cjk_chars+latin_words"


def to_int(number: str) -> int:
    """``"2,000"`` → 2000."""
    return int(number.replace(",", ""))
