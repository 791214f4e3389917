"""Finding citation brackets and reading the sources, pages and chunks they name.

A bracket holds parts separated by commas or semicolons. ``LABEL: payload`` (a label
of one of the rule pack's citation syntaxes, or any short label before a file name
with a known ending: ``[Source: pdf.pdf, page 2]``) opens a target; a locator glued
to the file name (``video.mp4 08:54``, ``pdf.pdf (p. 4)``) is read as one; later
parts such as ``page 9``, ``14–15`` or ``chunk 2`` add locators to it; parts before
any label that read like ``Holtzman et al. 2020`` are attributions. A bracket whose whole text is an
alias (``[Long Context Document Collection]``) names a collection. A Markdown link
to a file of the task folder (``[pdf.pdf, page 4](pdf.pdf#page=4)``, ``[the talk,
03:52](video.mp4#t=232)``) cites that file: its text when it cites the file as a
bracket would, else the file at the place its ``#page=`` / ``#t=`` fragment names.
Links to web pages belong to the marker formats (:mod:`citecheck.report.markers`);
brackets without any of these are not citations. A bracket
that opens a labelled target but reaches the end of its line unclosed is still a
citation (``closed=False``), so that it is checked and reported, not ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from citecheck.models import Attribution, Citation, CitationTarget, Span
from citecheck.rulepack import CitationSyntax, Locators, RulePack
from citecheck.textutil import LineIndex

BRACKET_RE = re.compile(r"(?<!!)\[([^\[\]\n]+)\](?!\()")
UNCLOSED_RE = re.compile(r"(?<!!)\[([^\[\]\n]+)$", re.MULTILINE)
_LOCAL_FILE_ENDINGS = "pdf|mp4|mkv|webm|mov|avi|m4v|mp3|wav|m4a|docx?|html?|txt|md|json"
LOCAL_LINK_RE = re.compile(
    r"(?<!!)\[(?P<text>[^\[\]\n]+)\]\((?:\./)?(?P<file>[^()\s#?:/\\]+\."
    rf"(?:{_LOCAL_FILE_ENDINGS}))(?:#(?P<fragment>[^()\s]*))?\)",
    re.IGNORECASE,
)
"""A Markdown link to a file beside the report's sources (no scheme, no folder)."""
_FRAGMENT_PAGE = re.compile(r"^(?:page|p)=(\d+)$", re.IGNORECASE)
_FRAGMENT_TIME = re.compile(r"^t=(\d+)(?:\.\d+)?s?$", re.IGNORECASE)
_LOCATOR_NEXT = re.compile(r"^\s*(?:$|[,，;；(（@]|\d)")
_LINK_LABEL = "Source"
"""The label a local link's target is read under (any label before a file name opens one)."""
_QUOTES = '"“”《》「」'
_NUMBERS = r"\d+(?:\s*[-–—~]\s*\d+)?(?:\s*(?:,|，|、|and|&)\s*\d+(?:\s*[-–—~]\s*\d+)?)*"
_RANGE_RE = re.compile(r"(\d+)(?:\s*[-–—~]\s*(\d+))?")
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}[a-z]?$")
# Name words are possessive and ``and`` needs spaces around it, so that no text
# can be split into names in more than one way (no exponential backtracking).
_NAME = r"[A-Z][\w'\-]++(?:\s++[A-Z][\w'\-]++)*+"
_ATTRIBUTION_RE = re.compile(
    rf"^(?P<names>{_NAME}(?:(?:\s*+[,&]\s*+|\s++and\s++){_NAME})*+)"
    r"(?P<etal>\s+et\s*al\.?)?"
    r"(?:\s*,?\s*\(?(?P<year>(?:19|20)\d{2})[a-z]?\)?)?$"
)
_GLUED_LOCATOR = re.compile(
    r"^(?P<file>.+?\.[A-Za-z0-9]{1,5})(?:\s+|\s*[(（]\s*)"
    r"(?P<rest>(?:@?\s*\d|page\b|pages\b|p\.|pp\.|第|chunk\b)[^)）]*)[)）]?\s*$",
    re.IGNORECASE,
)
"""A file name followed by a locator or timestamp with no comma between them
("video.mp4 08:54", "pdf.pdf (p. 4)", "video.mp4 @ 03:12")."""
_FILE_NAME = (
    r"[^\s,，;；\"“”:/\\]+\.(?:pdf|mp4|mkv|webm|mov|avi|m4v|mp3|wav|m4a|docx?|html?|txt|md)"
)
_OTHER_LABEL_FILE = re.compile(
    rf"(?P<label>[^\W\d_][\w ]{{0,15}}?)\s*[:：]\s*(?={_FILE_NAME}(?:$|[\s(（@]))",
    re.IGNORECASE,
)
"""A label the pack does not know, followed by a file name with a known ending."""
_MAX_RANGE = 500
_CLOCK = r"(?:\d{1,2}:)?\d{1,3}:\d{2}(?:[.,]\d+)?"
_TIMESTAMP_RE = re.compile(rf"^@?\s*(?P<first>{_CLOCK})(?:\s*[-–—~]\s*(?P<last>{_CLOCK}))?$")
"""A point or span of a video: ``12:20``, ``00:12:20``, ``@03:12``, ``12:20–12:49``."""
# ``page -3`` and ``chunk 1e9`` name no page or chunk: kept as numbers, so that they
# resolve as out of range instead of being dropped (which would cite the whole source).
_ODD_NUMBER = r"[-−]\s*\d{1,18}|\d{1,18}(?:\.\d+)?[eE]\+?\d{1,3}"
_ODD_LIMIT = 10**18


@dataclass(frozen=True)
class _Grammar:
    """The pack's citation syntaxes compiled into regular expressions; ``files`` is
    the syntax a file name after a label the pack does not know is read with."""

    label_re: re.Pattern[str]
    syntaxes: dict[str, CitationSyntax]
    aliases: dict[str, CitationSyntax]
    locator_re: re.Pattern[str]
    locator_kind: dict[str, str]
    files: CitationSyntax | None = None


@dataclass
class _Target:
    syntax: CitationSyntax
    label: str
    source: str
    title: str | None
    raw_start: int
    pages: dict[int, None] = field(default_factory=dict)
    chunks: dict[int, None] = field(default_factory=dict)
    times: dict[int, None] = field(default_factory=dict)


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=16)
def _grammar_for(pack_json: str) -> _Grammar:
    pack = RulePack.model_validate_json(pack_json)
    syntaxes = {label.casefold(): s for s in pack.citations for label in s.labels}
    aliases = {alias.casefold(): s for s in pack.citations for alias in s.aliases}
    label_re = re.compile(
        rf"(?P<label>{_alternatives([lab for s in pack.citations for lab in s.labels])})"
        r"\s*[:：]\s*",
        re.IGNORECASE,
    )
    locator_kind = _locator_kinds(pack.locators)
    locator_re = re.compile(
        rf"^(?:(?P<word>{_alternatives(list(locator_kind))})\s*"
        rf"(?:(?P<numbers>{_NUMBERS})|(?P<odd>{_ODD_NUMBER}))"
        rf"|第?\s*(?P<numbers2>{_NUMBERS})\s*(?P<suffix>[页块]))$",
        re.IGNORECASE,
    )
    files = next((s for s in pack.citations if s.kind == "file"), None)
    return _Grammar(label_re, syntaxes, aliases, locator_re, locator_kind, files)


def _locator_kinds(locators: Locators) -> dict[str, str]:
    kinds = {word.casefold(): "page" for word in locators.page}
    kinds.update({word.casefold(): "chunk" for word in locators.chunk})
    return kinds


def _grammar(pack: RulePack) -> _Grammar:
    return _grammar_for(pack.model_dump_json(include={"name", "citations", "locators"}))


def citation_id(span: Span) -> str:
    """The id of the citation bracket at ``span``: where it opens, ``L<line>:<column>``."""
    return f"L{span.line}:{span.column}"


def find_citations(
    text: str, pack: RulePack, offset: int = 0, *, index: LineIndex | None = None
) -> list[Citation]:
    """Every citation bracket in ``text``, with spans in the whole file.

    ``offset`` is where ``text`` starts in the file and ``index`` maps the file's
    offsets to lines; without ``index``, ``text`` is taken to be the whole file.
    """
    grammar = _grammar(pack)
    lines = index or LineIndex(text)
    found: list[Citation] = []
    matches = [(m, True) for m in BRACKET_RE.finditer(text)]
    matches += [(m, False) for m in UNCLOSED_RE.finditer(text)]
    matches += [(m, True) for m in LOCAL_LINK_RE.finditer(text)]
    for match, closed in sorted(matches, key=lambda pair: pair[0].start()):
        body = _local_link_body(match) if match.re is LOCAL_LINK_RE else match.group(1)
        parsed = parse_bracket(body, grammar)
        if parsed is None or not (closed or parsed[0]):
            continue  # an unclosed bracket counts only when it opens a labelled target
        targets, attributions = parsed
        start, end = offset + match.start(), offset + match.end()
        span = lines.span(start, end)
        found.append(
            Citation(
                id=citation_id(span),
                text=match.group(0),
                span=span,
                targets=targets,
                attributions=attributions,
                closed=closed,
            )
        )
    return found


def _local_link_body(link: re.Match[str]) -> str:
    """What a link to a task file cites, as a bracket would: ``Source: pdf.pdf, page 4``."""
    text, name = link["text"].strip(), link["file"]
    cites_as_bracket = text.casefold().startswith(name.casefold()) and _LOCATOR_NEXT.match(
        text[len(name) :]
    )
    if cites_as_bracket:  # [pdf.pdf, page 9, 14](pdf.pdf), not [pdf.pdf — the paper](pdf.pdf)
        return f"{_LINK_LABEL}: {text}"
    fragment = link["fragment"] or ""
    if page := _FRAGMENT_PAGE.match(fragment):
        return f"{_LINK_LABEL}: {name}, page {page.group(1)}"
    if time := _FRAGMENT_TIME.match(fragment):
        minutes, seconds = divmod(int(time.group(1)), 60)
        return f"{_LINK_LABEL}: {name}, {minutes:02d}:{seconds:02d}"
    return f"{_LINK_LABEL}: {name}"


def parse_bracket(
    body: str, grammar: _Grammar
) -> tuple[list[CitationTarget], list[Attribution]] | None:
    """The targets and attributions of one bracket body; ``None`` if it is no citation."""
    alias = grammar.aliases.get(body.strip().casefold())
    if alias is not None:
        return [_collection_target(alias, None, body.strip())], []
    targets: list[_Target] = []
    attributions: list[Attribution] = []
    pending_names: Attribution | None = None
    for part_start, part in _parts(body, grammar):
        labelled = _label_of(part, grammar)
        if labelled is not None:
            targets.append(_open_target(part, *labelled, part_start, grammar))
            continue
        if targets:
            _add_locator(targets[-1], part, grammar)
            continue
        attribution = _attribution(part)
        if attribution is not None:
            attributions.append(attribution)
            pending_names = attribution if attribution.year is None else None
        elif pending_names is not None and _YEAR_RE.match(part):
            pending_names.year = int(part[:4])
            pending_names.raw += f", {part}"
            pending_names = None
        else:
            return None
    if not targets and not any(a.year for a in attributions):
        return None
    ends = [t.raw_start for t in targets[1:]] + [len(body)]
    finished = [_finish(t, body[t.raw_start : ends[i]]) for i, t in enumerate(targets)]
    return finished, attributions


def _parts(body: str, grammar: _Grammar) -> Iterator[tuple[int, str]]:
    """Comma-separated parts of ``body``; a quoted title is one part with its commas."""
    pos = 0
    while pos < len(body):
        while pos < len(body) and body[pos] in " \t,，;；":
            pos += 1
        if pos >= len(body):
            return
        end = _part_end(body, pos, grammar)
        part = body[pos:end].strip()
        if part:
            yield pos, part
        pos = end


def _part_end(body: str, pos: int, grammar: _Grammar) -> int:
    label = grammar.label_re.match(body, pos)
    if label is not None and label.end() < len(body) and body[label.end()] in _QUOTES:
        close = _closing_quote(body, label.end(), grammar)
        if close is not None:
            following = re.compile(r"[^,，;；]*").match(body, close + 1)
            return following.end() if following else close + 1
    ends = [i for sep in ",，;；" if (i := body.find(sep, pos)) >= 0]
    return min(ends) if ends else len(body)


def _closing_quote(body: str, open_at: int, grammar: _Grammar) -> int | None:
    """The last quote before the first locator part (``, chunk 2``) or the end."""
    limit = len(body)
    for sep in re.finditer(r"[,，]\s*", body[open_at + 1 :]):
        rest_start = open_at + 1 + sep.end()
        next_sep = re.search(r"[,，]", body[rest_start:])
        candidate = body[rest_start : rest_start + next_sep.start() if next_sep else len(body)]
        if grammar.locator_re.match(candidate.strip()) or grammar.label_re.match(candidate):
            limit = open_at + 1 + sep.start()
            break
    closes = [i for i in range(open_at + 1, limit) if body[i] in _QUOTES]
    return closes[-1] if closes else None


def _label_of(part: str, grammar: _Grammar) -> tuple[re.Match[str], CitationSyntax] | None:
    """The label opening ``part`` and its syntax: one of the pack's, or any short label
    before a file name ("[Source: pdf.pdf, page 2]", "[来源：video.mp4]")."""
    label = grammar.label_re.match(part)
    if label is not None:
        return label, grammar.syntaxes[label.group("label").casefold()]
    other = _OTHER_LABEL_FILE.match(part)
    if other is not None and grammar.files is not None:
        return other, grammar.files
    return None


def _open_target(
    part: str, label: re.Match[str], syntax: CitationSyntax, part_start: int, grammar: _Grammar
) -> _Target:
    payload = part[label.end() :].strip()
    title: str | None = None
    source = payload
    glued = _GLUED_LOCATOR.match(payload) if syntax.kind != "collection" else None
    if glued is not None:  # "video.mp4 08:54", "pdf.pdf page 3": a locator without its comma
        target = _Target(syntax, label.group("label"), glued.group("file"), None, part_start)
        _add_locator(target, glued.group("rest"), grammar)
        return target
    if syntax.kind == "collection":
        source = syntax.collection or label.group("label")
        title = payload
        if payload and payload[0] in _QUOTES:
            close = max(payload.rfind(q) for q in _QUOTES)
            title = payload[1:close] if close > 0 else payload[1:]
        title = title.strip() or None
    return _Target(syntax, label.group("label"), source, title, part_start)


def _add_locator(target: _Target, part: str, grammar: _Grammar) -> None:
    """Add the pages, chunks or video timestamps of ``part``; bare numbers continue
    the last kind."""
    if stamp := _TIMESTAMP_RE.match(part.strip()):
        ends = [stamp.group("first"), stamp.group("last")]
        target.times.update(dict.fromkeys(clock_seconds(end) for end in ends if end))
        return
    match = grammar.locator_re.match(part.strip())
    if match is not None:
        word = (match.group("word") or "").casefold()
        suffix = match.group("suffix") or ""
        kind = grammar.locator_kind.get(word) or ("page" if suffix == "页" else "chunk")
        if match.group("odd"):
            bucket = target.pages if kind == "page" else target.chunks
            bucket[_odd_number(match.group("odd"))] = None
            return
        numbers = match.group("numbers") or match.group("numbers2")
        _numbers_into(target, kind, numbers)
        return
    if re.fullmatch(_NUMBERS, part.strip()):
        kind = "chunk" if target.chunks and not target.pages else "page"
        if target.syntax.kind == "collection" and not target.pages:
            kind = "chunk"
        _numbers_into(target, kind, part)


def clock_seconds(clock: str) -> int:
    """``"1:02:03"`` → 3723 whole seconds (a fraction after ``.`` or ``,`` dropped)."""
    seconds = 0
    for part in re.split(r"[.,]", clock)[0].split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def _numbers_into(target: _Target, kind: str, numbers: str) -> None:
    bucket = target.pages if kind == "page" else target.chunks
    bucket.update(dict.fromkeys(expand_numbers(numbers)))


def _odd_number(text: str) -> int:
    """The integer a negative or exponent-written locator stands for, bounded."""
    compact = re.sub(r"\s+", "", text).replace("−", "-")
    value = float(compact) if "e" in compact.lower() else int(compact)
    return int(max(-_ODD_LIMIT, min(_ODD_LIMIT, value)))


def expand_numbers(numbers: str) -> list[int]:
    """``"3, 14–15"`` → ``[3, 14, 15]``; reversed or huge ranges keep their two ends."""
    values: list[int] = []
    for match in _RANGE_RE.finditer(numbers):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if first <= last <= first + _MAX_RANGE:
            values.extend(range(first, last + 1))
        else:
            values.extend([first, last])
    return values


def _attribution(part: str) -> Attribution | None:
    match = _ATTRIBUTION_RE.match(part.strip())
    if match is None:
        return None
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))]
    year = match.group("year")
    return Attribution(
        names=[n for n in names if n],
        year=int(year) if year else None,
        et_al=bool(match.group("etal")),
        raw=part.strip(),
    )


def _collection_target(syntax: CitationSyntax, title: str | None, raw: str) -> CitationTarget:
    return CitationTarget(
        kind="collection",
        source=syntax.collection or syntax.name,
        title=title,
        syntax=syntax.name,
        raw=raw,
    )


def _finish(target: _Target, raw: str) -> CitationTarget:
    return CitationTarget(
        kind=target.syntax.kind,
        source=target.source,
        title=target.title,
        pages=list(target.pages),
        chunks=list(target.chunks),
        times=list(target.times),
        syntax=target.syntax.name,
        raw=raw.strip().rstrip(",，").strip(),
    )
