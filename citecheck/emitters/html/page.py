"""The audit page: header and counts, triage toolbar, per-report overview, report sections.

One self-contained file: the CSS and the small script are inlined from
``assets/``, nothing is fetched. The JSON result (exactly ``--format json``) is
embedded in ``<script type="application/json" id="citecheck-result">``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path

from citecheck.emitters import jsonfmt
from citecheck.emitters.html.document import DocumentRenderer
from citecheck.emitters.html.findings import finding_panel
from citecheck.emitters.html.ids import finding_ids, report_id
from citecheck.emitters.html.inline import SEVERITY_ORDER, InlineRenderer
from citecheck.emitters.html.marks import Mark, finding_marks
from citecheck.errors import InputError
from citecheck.models import Finding, Result
from citecheck.report.envelope import read_report_file
from citecheck.safeio import confine
from citecheck.textutil import LineIndex, detect_lang

SEVERITIES = tuple(reversed(SEVERITY_ORDER))


@dataclass(frozen=True)
class HtmlOptions:
    """How to render the page.

    ``texts`` maps a report path (as in ``Result.files``) to its text; a report
    missing there is read from its file through the report decoder, and only
    that file is read; with ``confine_to`` only when it (symlinks resolved) lies
    in that folder. ``title`` heads the page.
    """

    title: str = "citecheck audit"
    texts: Mapping[str, str] = field(default_factory=dict)
    confine_to: Path | None = None


def _asset(name: str) -> str:
    return (resources.files("citecheck.emitters.html") / "assets" / name).read_text("utf-8")


def embedded_json(result: Result) -> str:
    """``--format json`` with every ``<`` as ``\\u003c``: the same JSON, and no ``</script>``."""
    return jsonfmt.render(result).replace("<", "\\u003c")


@dataclass(frozen=True)
class _ReportText:
    """A report's text (None when it cannot be had, and ``problem`` says why) and the
    field of its file it came from (an API response's answer)."""

    text: str | None
    origin: str | None = None
    problem: str | None = None


def _report_text(path: str, options: HtmlOptions) -> _ReportText:
    if path in options.texts:
        return _ReportText(options.texts[path])
    try:
        if options.confine_to is not None:
            confine(Path(path), options.confine_to)
        read = read_report_file(path)
    except InputError as error:
        return _ReportText(None, problem=str(error))
    return _ReportText(read.text, read.envelope.origin if read.envelope else None)


def _chip(group: str, value: str, count: int) -> str:
    return (
        f'<button type="button" class="chip" data-group="{group}" data-value="{escape(value)}" '
        f'aria-pressed="false">{escape(value)} <span class="n">{count}</span></button>'
    )


def _chips(group: str, counts: Counter[str], values: list[str]) -> str:
    chips = "".join(_chip(group, value, counts[value]) for value in values)
    return f'<div class="chips" role="group" aria-label="{group}">{chips}</div>'


def _toolbar(findings: list[Finding]) -> str:
    severities = Counter(f.severity.value for f in findings)
    categories = Counter(f.category for f in findings)
    codes = Counter(f.code for f in findings)
    return (
        '<nav id="toolbar" hidden><div class="row">'
        '<input type="search" id="search" placeholder="search findings (/)" aria-label="search">'
        f"{_chips('severity', severities, list(SEVERITIES))}"
        '<button type="button" id="prev" title="previous finding (k)">◀ prev</button>'
        '<button type="button" id="next" title="next finding (j)">next ▶</button>'
        '<button type="button" id="fold" title="open or fold every finding">open all</button>'
        '<button type="button" id="reset">clear filters</button>'
        f'<span id="shown" aria-live="polite">{len(findings)} of {len(findings)} shown</span>'
        f'</div><div class="row"><span class="label">category</span>'
        f"{_chips('category', categories, sorted(categories))}</div>"
        f'<div class="row"><span class="label">rule</span>{_chips("code", codes, sorted(codes))}'
        "</div></nav>"
    )


def _cards(result: Result) -> str:
    counts = result.summary.by_severity
    cards = [
        f'<div class="card sev-{level}"><b data-count="{level}">{counts.get(level, 0)}</b>'
        f"{level}</div>"
        for level in SEVERITIES
    ]
    cards += [
        f'<div class="card"><b>{value}</b>{name}</div>'
        for name, value in (
            ("reports", result.summary.files),
            ("claims", result.summary.claims),
            ("citations", result.summary.citations),
        )
    ]
    return f'<div class="cards">{"".join(cards)}</div>'


def _overview(paths: list[str], findings: list[Finding]) -> str:
    head = "".join(f'<th class="sev-{level}">{level}</th>' for level in SEVERITIES)
    rows = []
    for path in paths:
        rid = report_id(path)
        mine = [f for f in findings if f.path == path]
        cells = "".join(
            f'<td class="num" data-count="{rid}:{level}">'
            f"{sum(f.severity.value == level for f in mine)}</td>"
            for level in SEVERITIES
        )
        rows.append(
            f'<tr><td><a href="#{rid}">{escape(path)}</a></td>'
            f'<td class="num" data-count="{rid}">{len(mine)}</td>{cells}</tr>'
        )
    return (
        '<section id="overview"><h2>Reports</h2><div class="table-wrap"><table>'
        f"<tr><th>report</th><th>findings</th>{head}</tr>{''.join(rows)}</table></div></section>"
    )


def _section(path: str, findings: list[Finding], ids: list[str], options: HtmlOptions) -> str:
    rid = report_id(path)
    shown = _report_text(path, options)
    text = shown.text
    placed: set[str] = set()
    if text is None:
        problem = escape(shown.problem or "")
        document = f'<p class="unavailable">report text not shown: {problem}</p>'
        lang = "en"
    else:
        index = LineIndex(text)
        marks: list[Mark] = []
        for finding, finding_id in zip(findings, ids, strict=True):
            marks.extend(finding_marks(text, index, finding, finding_id))
        inline = InlineRenderer(text, marks)
        document = DocumentRenderer(text, inline, rid).render()
        placed = inline.anchored
        lang = "zh-Hans" if detect_lang(text) == "zh" else "en"
    panels = "".join(
        finding_panel(finding, finding_id, rid, placed=finding_id in placed)
        for finding, finding_id in zip(findings, ids, strict=True)
    )
    listing = panels or '<p class="clean">No findings.</p>'
    origin = f'<span class="origin">{escape(shown.origin)}</span> ' if shown.origin else ""
    return (
        f'<section class="report" id="{rid}" data-path="{escape(path)}">'
        f'<h2><span class="path">{escape(path)}</span> {origin}'
        f'<span class="tally"><span data-count="{rid}">{len(findings)}</span> findings</span></h2>'
        f'<div class="panes"><article class="doc" lang="{lang}">{document}</article>'
        f'<aside class="findings" aria-label="findings of {escape(path)}">{listing}</aside>'
        "</div></section>"
    )


def _place(pair: tuple[Finding, str]) -> tuple[int, int]:
    return pair[0].line, pair[0].column


def render(result: Result, options: HtmlOptions | None = None) -> str:
    """The whole audit page for ``result``."""
    options = options or HtmlOptions()
    paths = list(dict.fromkeys([*result.files, *(f.path for f in result.findings)]))
    named = list(zip(result.findings, finding_ids(result.findings), strict=True))
    sections = []
    for path in paths:
        mine = sorted((pair for pair in named if pair[0].path == path), key=_place)
        sections.append(_section(path, [f for f, _ in mine], [i for _, i in mine], options))
    judge = escape(result.summary.judge_backend or "not needed")
    corpus = escape(result.corpus or "discovered per report")
    overview = _overview(paths, result.findings) if len(paths) > 1 else ""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(options.title)}</title><style>{_asset('audit.css')}</style></head>"
        f'<body><header id="top"><h1>{escape(options.title)}</h1>'
        f'<p class="meta">corpus: {corpus} · judge: {judge} · '
        f"citecheck {escape(result.version)}</p>{_cards(result)}</header>"
        f"{_toolbar(result.findings)}<main>{overview}{''.join(sections)}</main>"
        f'<script type="application/json" id="citecheck-result">{embedded_json(result)}</script>'
        f"<script>{_asset('audit.js')}</script></body></html>\n"
    )
