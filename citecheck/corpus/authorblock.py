"""The author block of a paper's first page, read as a person reads it.

From the first page's layout (pymupdf spans: font size and baseline), the lines
between the title (the largest font) and the abstract are sorted into author
lines, affiliation lines, email lines and footnotes. Affiliation markers are
stripped from names: superscript spans (smaller or raised), Unicode
superscripts (¹²³), symbols (``*†‡§¶``) and digits or single letters glued to
a name (``Tanaka1,2``). The markers then give each author roles: the first
author, the corresponding author (the mark a footnote calls "corresponding",
or a mark on an email address) and equal contribution. An author grid (ACM style:
bold names side by side, each over its affiliation, place and e-mail) is read cell
by cell, left to right and row by row, whatever order the baselines put its lines in.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from citecheck.textutil import CJK_NAME, CJK_RE, LATIN_LETTERS, LATIN_UPPER

AuthorRole = Literal["first", "corresponding", "equal"]

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SYMBOLS = "*∗†‡§¶#✉"
_MARK_CHARS = f"0-9{_SUPERSCRIPTS}{_SYMBOLS},"
_ABSTRACT = re.compile(r"^\s*(?:abstract|摘\s*要)\b", re.I)  # 摘\u3000要 in Chinese journals
_LETTER_SPACED = re.compile(r"^\s*(?:[A-Z] ){4,}[A-Z]\b")
"""A heading set in spaced capitals ("A B S T R A C T", "A R T I C L E  I N F O"), as
Elsevier journals set the abstract and the article-info box: the authors end there."""
_AFFILIATION = re.compile(
    r"universit|institut|college|school|laborator|\blab\b|department|research|academy|"
    r"inc\.|corp|google|microsoft|openai|deepmind|大学|学院|研究院|研究所|实验室",
    re.I,
)
_CORRESPONDING = re.compile(r"correspond|contact author|通讯作者|通信作者", re.I)
_NAMED_CORRESPONDING = re.compile(
    r"(?:corresponding authors?|contact authors?|通讯作者|通信作者)\s*[:：]\s*"
    r"(?P<names>[^()（）\n:：@]+?)[\s.。]*(?=[(（)）]|$)",
    re.I,
)
_EQUAL = re.compile(r"equal(?:ly)? contribut|contributed equally|共同第一|同等贡献", re.I)
_WORD = rf"[{LATIN_UPPER}][{LATIN_LETTERS}'\-]*"
_NAME = re.compile(
    rf"(?P<name>{_WORD}\.?(?:[ \u00a0](?:{_WORD}\.?|de|van|von|der|la)){{0,4}}"
    rf"|{CJK_NAME})"
    rf"(?P<marks>(?:\s*\^\{{[^}}]*\}}|[{_MARK_CHARS}]|(?<=[a-z])[a-e](?![a-z]))*)"
)
_MARK_TOKEN = re.compile(rf"[0-9]+|[{_SUPERSCRIPTS}]|[{_SYMBOLS}]|[a-e]")
_WRAPPED_NAME = re.compile(rf"(?:,|\band)\s*(?:{_WORD})?\s*$")
"""An author line that stops inside the list: after a comma, "and", or a first name."""
_VENUE = re.compile(
    r"\b(?:Proceedings|Findings of|camera-ready|preprint|arXiv|Conference on|Workshop on)\b", re.I
)
"""A venue line under the authors ("Proceedings of NAACL 2025 (Long Papers)")."""
_NOT_NAMES = re.compile(
    r"^(?:and|The|Abstract|Proceedings|Findings|Published|arXiv"
    r"|(?:Student |Senior |Life )?(?:Member|Fellow)|IEEE)\b"
)
"""Words an author line holds that are no names: IEEE membership grades among them."""
_COLUMN_HEADER = re.compile(
    r"^(?:[\s/·|,，;；]*(?:作者|姓名|单位|机构|角色|职责|邮箱|authors?|names?|affiliations?"
    r"|institutions?|roles?|e-?mail))+[\s/·|,，;；]*$",
    re.I,
)
"""The header row of an author table ("作者 / Author    单位 / Affiliation · 角色 / Role")."""
_ROLE_PHRASE = re.compile(
    r"(?:co-)?first authors?|(?:corresponding|contact) authors?|(?:共同)?第一作者|通讯作者|通信作者"
    r"|\[[a-z](?:\s*,\s*[a-z])*\]",
    re.I,
)
"""An author table's role column and bracketed affiliation letters ("[a, c]"): no names."""
_FIRST_MARK = re.compile(rf"\^\{{|[{_SYMBOLS}]")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})
_BOLD = 16
"""pymupdf's span flag for a bold font."""
_ROW_SLACK = 2.0
"""Points by which the tops of names in one row of an author grid may differ."""
_AFFILIATION_CUT = re.compile(r"\^\{[^}]*\}|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\s{3,}|\s*[·•;；]\s*")


class PaperAuthor(BaseModel):
    """One author as the first page lists them."""

    name: str
    other_names: list[str] = Field(
        default_factory=list, description="the name in the other script, written beside it"
    )
    marks: list[str] = Field(default_factory=list, description="affiliation and footnote marks")
    roles: list[AuthorRole] = Field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """The name and its other-script forms."""
        return [self.name, *self.other_names]


class AuthorBlock(BaseModel):
    """Authors (markers stripped, with roles) and affiliations of a paper."""

    authors: list[PaperAuthor] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)

    def with_role(self, role: AuthorRole) -> list[PaperAuthor]:
        """The authors holding ``role``."""
        return [a for a in self.authors if role in a.roles]


def _line_text(spans: list[dict[str, Any]]) -> str:
    """The line with superscript spans (smaller, or raised above the baseline) as ``^{…}``."""
    size = max(s["size"] for s in spans)
    baseline = max(s["origin"][1] for s in spans if s["size"] >= size - 0.1)
    parts = []
    for span in spans:
        raised = span["origin"][1] < baseline - 1.0 or span["size"] < 0.8 * size
        text = span["text"]
        parts.append(f"^{{{text.strip()}}}" if raised and text.strip() else text)
    return "".join(parts).translate(_LIGATURES)


def _marks(text: str) -> list[str]:
    inner = re.sub(r"\^\{([^}]*)\}", r"\1", text)
    marks = [_normal_mark(m) for m in _MARK_TOKEN.findall(inner)]
    return list(dict.fromkeys(marks))


def _normal_mark(mark: str) -> str:
    if mark in _SUPERSCRIPTS:
        return str(_SUPERSCRIPTS.index(mark))
    return "*" if mark == "∗" else mark


def _leading_marks(text: str) -> list[str]:
    found = re.match(rf"\s*((?:\^\{{[^}}]*\}}|[{_SUPERSCRIPTS}{_SYMBOLS}0-9])+)", text)
    return _marks(found.group(1)) if found else []


def _strip_marks(text: str) -> str:
    text = re.sub(r"\^\{[^}]*\}", " ", text)
    return re.sub(rf"[{_SUPERSCRIPTS}{_SYMBOLS}]", " ", text).strip()


_SPACED_HAN_NAME = re.compile(
    r"(?:(?<=^)|(?<=[，,、\s]))([\u4e00-\u9fff])[\u3000 ]([\u4e00-\u9fff])(?=\^|\s*(?:[，,、]|$))"
)
"""A two-character name set with a space to the width of three (田\u3000野)."""


def _names(line: str) -> list[PaperAuthor]:
    authors: list[PaperAuthor] = []
    spans: list[tuple[int, int]] = []
    line = _ROLE_PHRASE.sub(" ", _SPACED_HAN_NAME.sub(r"\1\2", line))
    for found in _NAME.finditer(line):
        name = found.group("name").strip()
        han = CJK_RE.match(name) is not None  # 田野: two characters make a Chinese name
        if len(name) < (2 if han else 3) or _NOT_NAMES.match(name) or (" " not in name and not han):
            continue
        authors.append(PaperAuthor(name=name, marks=_marks(found.group("marks"))))
        spans.append((found.start(), found.end()))
    return _bilingual(line, authors, spans)


def _bilingual(
    line: str, authors: list[PaperAuthor], spans: list[tuple[int, int]]
) -> list[PaperAuthor]:
    """One author of a line that writes one person in both scripts side by side, with
    nothing but spaces between ("田嘉禾  Jiahe Tian †", an author table's cell)."""
    if len(authors) != 2 or line[spans[0][1] : spans[1][0]].strip():
        return authors
    han = [a for a in authors if CJK_RE.match(a.name)]
    if len(han) != 1:
        return authors
    latin = authors[1] if han[0] is authors[0] else authors[0]
    marks = list(dict.fromkeys([*han[0].marks, *latin.marks]))
    return [PaperAuthor(name=han[0].name, other_names=[latin.name], marks=marks)]


def read_author_block(lines: list[list[dict[str, Any]]]) -> AuthorBlock:
    """The author block of a first page given as lines of pymupdf spans."""
    lines = [spans for spans in lines if not _vertical(spans)]  # arXiv's margin stamp
    if not lines:
        return AuthorBlock()
    sizes = [max(s["size"] for s in spans) for spans in lines]
    largest = max(sizes)
    title_rows = [i for i, size in enumerate(sizes) if size >= largest - 0.5]
    author_lines: list[str] = []
    affiliation_lines: list[str] = []
    corresponding: set[str] = set()
    equal: set[str] = set()
    named: set[str] = set()  # "Corresponding author: Xue Luo" names them outright
    area = _author_area(lines[title_rows[-1] + 1 :])
    cells = _grid_cells(area)
    if cells is not None:  # a grid: each cell's first line is a name, its second a place
        area = []
        author_lines = [_line_text([cell[0]]) for cell in cells]
        affiliation_lines = [
            _line_text([cell[1]]) for cell in cells if len(cell) > 1 and "@" not in cell[1]["text"]
        ]
    continues_prose = False
    for spans in area:
        text = _line_text(spans)
        plain = _strip_marks(text)
        leading = _leading_marks(text)
        notes = _footnotes(text)
        named |= _named_corresponding(text)
        if notes and not _names(_FIRST_MARK.split(text, maxsplit=1)[0]):
            _file_notes(notes, corresponding, equal)
            continue
        if _COLUMN_HEADER.match(plain):
            continue
        marked = _names(text) if _CORRESPONDING.search(plain) else []
        if len(marked) == 1:  # an author table's row: "聂曼 Man Nie ✉  [a] 通讯作者"
            named.add(_folded(marked[0].name))
        if "@" in plain:
            continue
        if leading or _AFFILIATION.search(plain):
            affiliation_lines.append(text)
            continue
        if _is_prose(plain) or continues_prose:  # a sentence, and the lines it wraps onto
            continues_prose = not _SENTENCE_END.search(plain)
            continue
        if not _VENUE.search(plain):
            author_lines.append(text)
    authors = [author for line in _unwrapped(author_lines) for author in _names(line)]
    texts = [_line_text(spans) for spans in lines]
    for text in texts[title_rows[-1] + 1 :]:
        if _leading_marks(text):  # footnotes at the foot of the page
            _file_notes([n for n in _footnotes(text) if n[0]], corresponding, equal)
    for text, following in zip(texts, [*texts[1:], ""], strict=True):
        # anywhere on the page, wrapped or not: "… (Corresponding author: / Zhengrong Mao.)"
        named |= _named_corresponding(f"{text} {following}")
        named |= _emailed_corresponding(f"{text} {following}", authors)
    affiliation_lines = affiliation_lines or _foot_affiliations(texts[title_rows[-1] + 1 :])
    affiliations = _affiliations(affiliation_lines)
    named &= {_folded(author.name) for author in authors}  # a name the list does not hold
    for index, author in enumerate(authors):
        roles: list[AuthorRole] = ["first"] if index == 0 else []
        by_mark = not named and bool(set(author.marks) & corresponding)
        roles += ["corresponding"] if by_mark or _folded(author.name) in named else []
        roles += ["equal"] if set(author.marks) & equal else []
        author.roles = roles
    return AuthorBlock(authors=authors, affiliations=affiliations)


def _foot_affiliations(texts: list[str]) -> list[str]:
    """Affiliations listed at the foot of the page by their number ("¹ School of …",
    a wrapped one joined with its next line), for a block whose author lines are
    followed by none; the list ends at the first line that is neither."""
    listed: list[str] = []
    for text in texts:
        raised = text.startswith("^{") or text[:1] in _SUPERSCRIPTS  # not a body line's digit
        numbered = raised and _leading_marks(text) and _leading_marks(text)[0].isdigit()
        if numbered and not _footnotes(text):
            listed.append(text)
        elif listed and not _leading_marks(text) and not _SENTENCE_END.search(listed[-1]):
            listed[-1] = f"{listed[-1]} {text}"
        elif listed:
            break
    return [t for t in listed if _AFFILIATION.search(t) or "," in t]


_SENTENCE_END = re.compile(r"[.。]\s*$")


_CORRESPONDENCE_EMAIL = re.compile(r"correspond\w*[^@\n]{0,40}?\b([\w.+-]+)@", re.IGNORECASE)


def _emailed_corresponding(text: str, authors: list[PaperAuthor]) -> set[str]:
    """The author an e-mail-only correspondence note names ("Correspondence to:
    hanruoxi@sjtu.edu.cn" is Ruoxi Han): the one author whose name its address spells."""
    found: set[str] = set()
    for match in _CORRESPONDENCE_EMAIL.finditer(text):
        local = re.sub(r"[^a-z]", "", match.group(1).casefold())
        spelled = [a for a in authors if local in _address_forms(a.name)]
        if len(spelled) == 1:
            found.add(_folded(spelled[0].name))
    return found


def _address_forms(name: str) -> set[str]:
    """How an address may spell a name: given and family name joined either way, or
    one of them with the other's initial."""
    parts = [p for p in re.split(r"[\s.\-]+", _folded(name)) if p.isalpha()]
    if len(parts) < 2:
        return set()
    first, last = parts[0], parts[-1]
    return {first + last, last + first, first[0] + last, last + first[0], first + last[0]}


def _vertical(spans: list[dict[str, Any]]) -> bool:
    """A line set sideways (taller than wide), as arXiv stamps its identifier in the margin."""
    box = spans[0].get("bbox")
    if box is None or len(spans) > 1:
        return False
    x0, y0, x1, y1 = box
    return (y1 - y0) > 2 * (x1 - x0) and len(spans[0]["text"].strip()) > 3


def _author_area(lines: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """The lines after the title up to the abstract (or the first line of body text)."""
    area = []
    for spans in lines:
        plain = _strip_marks(_line_text(spans))
        if _ABSTRACT.match(plain) or _LETTER_SPACED.match(plain) or len(plain) > 160:
            break
        area.append(spans)
    return area


def _grid_cells(area: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]] | None:
    """The cells of an author grid (ACM style: a bold name over its affiliation, place and
    e-mail, several names side by side), each its spans top to bottom, in reading order
    (rows, then left to right); None when the area is no grid."""
    spans = [s for line in area for s in line if s["text"].strip()]
    names = [s for s in spans if s.get("flags", 0) & _BOLD]
    rows = _rows(names)
    if not any(len(row) >= 2 for row in rows):
        return None
    cells: dict[int, list[dict[str, Any]]] = {id(name): [name] for name in names}
    for span in spans:
        if id(span) in cells:
            continue
        owner = _cell_owner(span, names)
        if owner is not None:
            cells[id(owner)].append(span)
    ordered = [name for row in rows for name in sorted(row, key=lambda s: s["bbox"][0])]
    grid = [sorted(cells[id(name)], key=lambda s: s["bbox"][1]) for name in ordered]
    # a list of bold names on one line ("Ana Li¹, Bo Wu²") is no grid: cells stack lines
    return grid if all(len(_rows(cell)) >= 2 for cell in grid) else None


def _rows(spans: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Spans grouped into rows of (nearly) the same top edge, top to bottom."""
    rows: list[list[dict[str, Any]]] = []
    for span in sorted(spans, key=lambda s: s["bbox"][1]):
        if rows and abs(rows[-1][0]["bbox"][1] - span["bbox"][1]) <= _ROW_SLACK:
            rows[-1].append(span)
        else:
            rows.append([span])
    return rows


def _cell_owner(span: dict[str, Any], names: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The nearest name above ``span`` in its column (their centres closer than half the
    wider of the two)."""
    x0, top, x1, _ = span["bbox"]
    centre = (x0 + x1) / 2

    def in_column(name: dict[str, Any]) -> bool:
        nx0, _, nx1, _ = name["bbox"]
        return abs((nx0 + nx1) / 2 - centre) < max(x1 - x0, nx1 - nx0) / 2

    above = [n for n in names if n["bbox"][1] <= top and in_column(n)]
    return max(above, key=lambda n: n["bbox"][1]) if above else None


_PROSE_WORDS_MIN = 4
_NAME_PARTICLES = frozenset({"and", "de", "van", "von", "der", "la", "di", "da", "del", "du"})


def _is_prose(line: str) -> bool:
    """A sentence under the title ("The full list of contributors … is given on page
    9."), not a line of names: it holds several lower-case words that no name has."""
    words = re.findall(r"[A-Za-z][\w'-]*", line)
    lower = [w for w in words if w[0].islower() and w not in _NAME_PARTICLES]
    return len(lower) >= _PROSE_WORDS_MIN


def _unwrapped(lines: list[str]) -> list[str]:
    """Author lines with a name wrapped over two lines joined ("…, Xue" / "Luo²·⁴")."""
    joined: list[str] = []
    for line in lines:
        if joined and _WRAPPED_NAME.search(joined[-1]):
            joined[-1] = f"{joined[-1].rstrip()} {line.lstrip()}"
        else:
            joined.append(line)
    return joined


def _file_notes(notes: list[tuple[str, str]], corresponding: set[str], equal: set[str]) -> None:
    """File each (mark, note) under the role its note gives the mark's authors: the
    role the note opens with ("* Equal contribution. Corresponding author: X" makes *
    equal contribution; the corresponding author is named, not marked)."""
    for mark, note in notes:
        roles = [
            (found.start(), role)
            for role, pattern in ((corresponding, _CORRESPONDING), (equal, _EQUAL))
            if (found := pattern.search(note))
        ]
        if re.match(r"\s*[\w.\-]+@", note):
            roles.append((0, corresponding))
        if roles:
            min(roles, key=lambda pair: pair[0])[1].add(mark)


def _named_corresponding(text: str) -> set[str]:
    """The authors a "Corresponding author(s): X and Y (email)" note names, folded."""
    found = _NAMED_CORRESPONDING.search(_strip_marks(text))
    if found is None:
        return set()
    names = re.split(r"\s*(?:,|，|;|；|、|\band\b|&)\s*", found.group("names"))
    return {_folded(name) for name in names if name.strip(" .。")}


def _folded(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" .。").casefold()


def _affiliations(lines: list[str]) -> list[str]:
    """The affiliations of the affiliation lines, split at their marks and separators; a
    line that continues a wrapped one ("…, ³Department" / "of Computer Science, ETH") is
    joined to it first."""
    joined: list[str] = []
    for line in lines:
        previous = _AFFILIATION_CUT.split(joined[-1])[-1].strip() if joined else ""
        wrapped = bool(previous) and (
            line.lstrip()[:1].islower()
            or " " not in previous
            or re.search(r"(?:,|\bof|\band|&|-)$", previous) is not None
        )
        if wrapped and not _leading_marks(line):
            joined[-1] = f"{joined[-1].rstrip()} {line.lstrip()}"
        else:
            joined.append(line)
    parts = [p for line in joined for p in _AFFILIATION_CUT.split(line)]
    cleaned = (p.strip().lstrip(f"0123456789{_SYMBOLS} ").strip() for p in parts)
    return [p for p in cleaned if p]


def _footnotes(text: str) -> list[tuple[str, str]]:
    """(mark, note) pairs of a footnote or email line: ``†Equal contribution. *Corresponding
    author: …`` or ``… *zhangwei@…``; empty for any other line."""
    inner = re.sub(r"\^\{([^}]*)\}", r"\1", text)
    pairs = [
        (_normal_mark(m.group(1)), m.group(2))
        for m in re.finditer(rf"([{_SYMBOLS}])\s*([^{_SYMBOLS}]*)", inner)
    ]
    described = [
        (mark, note)
        for mark, note in pairs
        if _CORRESPONDING.search(note) or _EQUAL.search(note) or re.match(r"\s*[\w.\-]+@", note)
    ]
    return described if described or "@" not in inner else [("", inner)]
