"""A self-contained HTML audit page: summary, then findings by report and by category.

Inline CSS only, no scripts, no external assets; every piece of report or source
text is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from citecheck.models import Finding, Result

STYLE = """
:root { --error:#b42318; --warning:#b54708; --info:#175cd3; --line:#e4e7ec; --muted:#667085; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans",
       "Noto Sans CJK SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; color:#101828; background:#f9fafb; margin:0; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px;
  margin: 40px 0 12px;
  padding-bottom: 6px;
  border-bottom: 2px solid var(--line);
  }
h3 { font-size: 16px; margin: 24px 0 10px; color: #344054; }
.meta { color: var(--muted); margin: 0 0 24px; word-break: break-all; }
table { border-collapse: collapse;
  background: #fff;
  border: 1px solid var(--line);
  margin: 8px 0 16px;
  }
th, td { padding: 6px 14px;
  border-bottom: 1px solid var(--line);
  text-align: left;
  vertical-align: top;
  }
th { background: #f2f4f7; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.card { background:#fff;
  border:1px solid var(--line);
  border-radius:8px;
  padding:12px 18px;
  min-width:130px;
  }
.card b { display:block; font-size: 24px; }
.card.error b { color: var(--error); } .card.warning b { color: var(--warning); }
.card.info b { color: var(--info); }
.finding { background:#fff; border:1px solid var(--line); border-left: 5px solid var(--muted);
           border-radius: 6px; padding: 12px 16px; margin: 10px 0; }
.finding.error { border-left-color: var(--error);
  }
.finding.warning { border-left-color: var(--warning);
  }
.finding.info { border-left-color: var(--info); }
.head { display:flex; gap:10px; align-items:baseline; flex-wrap:wrap; }
.badge { font-size:12px;
  font-weight:700;
  text-transform:uppercase;
  padding:1px 8px;
  border-radius:10px;
         color:#fff; background: var(--muted); }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-weight:600;
  }
.loc { color: var(--muted); font-size: 13px; }
.message { margin: 6px 0; }
dl { display:grid; grid-template-columns: 90px 1fr; gap: 4px 12px; margin: 8px 0 0; }
dt { color: var(--muted); font-size: 13px; padding-top: 2px; }
dd { margin: 0; overflow-wrap: anywhere; }
blockquote { margin: 0; padding: 4px 10px; background:#f2f4f7; border-radius: 4px; }
ul.evidence { margin: 0; padding-left: 18px; }
ul.evidence li { margin-bottom: 4px; }
.src { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; color:#344054; }
.fix { color: #027a48; }
.clean { color: #027a48; font-weight: 600; }
"""

SEVERITIES = ("error", "warning", "info")
EVIDENCE_CHARS = 400


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EVIDENCE_CHARS else flat[: EVIDENCE_CHARS - 1] + "…"


def finding_card(finding: Finding) -> str:
    """One finding: code, place, message, claim, citation, evidence and fix."""
    level = finding.severity.value
    rows = []
    if finding.claim:
        rows.append(("claim", f"<blockquote>{escape(finding.claim)}</blockquote>"))
    if finding.citation:
        rows.append(("citation", f'<span class="src">{escape(finding.citation)}</span>'))
    evidence = "".join(
        f'<li><span class="src">{escape(e.source)} · {escape(e.locator)}</span><br>'
        f"{escape(_clip(e.text))}</li>"
        for e in finding.evidence
    )
    rows.append(
        ("evidence", f'<ul class="evidence">{evidence}</ul>' if evidence else "none looked at")
    )
    if finding.score is not None:
        rows.append(("score", f"{finding.score:.2f}" + _backend(finding)))
    if finding.fix:
        rows.append(("fix", f'<span class="fix">{escape(finding.fix)}</span>'))
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (
        f'<div class="finding {level}"><div class="head">'
        f'<span class="badge {level}">{level}</span>'
        f'<span class="code">{escape(finding.code)}</span> {escape(finding.slug)}'
        f'<span class="loc">{escape(finding.path)}:{finding.line}:{finding.column}</span></div>'
        f'<div class="message">{escape(finding.message)}</div><dl>{details}</dl></div>'
    )


def _backend(finding: Finding) -> str:
    return f" ({escape(finding.backend)})" if finding.backend else ""


def summary_section(result: Result) -> str:
    """Counters, then a table of findings per report and category."""
    counts = result.summary.by_severity
    cards = "".join(
        f'<div class="card {level}"><b>{counts.get(level, 0)}</b>{level}</div>'
        for level in SEVERITIES
    )
    cards += "".join(
        f'<div class="card"><b>{value}</b>{name}</div>'
        for name, value in (
            ("reports", result.summary.files),
            ("claims", result.summary.claims),
            ("citations", result.summary.citations),
        )
    )
    categories = sorted({f.category for f in result.findings})
    header = "".join(f"<th>{escape(c)}</th>" for c in categories)
    rows = []
    for path in result.files:
        mine = [f for f in result.findings if f.path == path]
        cells = "".join(
            f'<td class="num">{sum(f.category == c for f in mine) or ""}</td>' for c in categories
        )
        rows.append(f'<tr><td>{escape(path)}</td><td class="num">{len(mine)}</td>{cells}</tr>')
    table = f"<table><tr><th>report</th><th>findings</th>{header}</tr>{''.join(rows)}</table>"
    return f"<h2>Summary</h2><div class='cards'>{cards}</div>{table}"


def report_section(path: str, findings: list[Finding]) -> str:
    """One report's findings, grouped by category."""
    if not findings:
        return f'<h2>{escape(path)}</h2><p class="clean">No findings.</p>'
    by_category: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_category[finding.category].append(finding)
    groups = "".join(
        f"<h3>{escape(category)} ({len(items)})</h3>" + "".join(map(finding_card, items))
        for category, items in sorted(by_category.items())
    )
    return f"<h2>{escape(path)}</h2>{groups}"


def render(result: Result) -> str:
    """The whole page."""
    judge = escape(result.summary.judge_backend or "not needed")
    corpus = escape(result.corpus or "discovered per report")
    sections = "".join(
        report_section(path, [f for f in result.findings if f.path == path])
        for path in result.files
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>citecheck audit</title><style>{STYLE}</style></head><body><main>"
        "<h1>citecheck audit</h1>"
        f'<p class="meta">corpus: {corpus} · judge: {judge} · '
        f"citecheck {escape(result.version)}</p>"
        f"{summary_section(result)}{sections}</main></body></html>\n"
    )
