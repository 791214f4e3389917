"""Author–date citations followed through the report's reference list to the files,
collection documents and times its entries point at."""

from __future__ import annotations

from citecheck.report.parse import parse_text
from citecheck.rulepack import load_pack

MEDIUM = "https://m.example/x"
DOI = "https://doi.org/10.1/x"
REPORT = f"""\
# Report

The planner reaches 58.9% top-1 accuracy (Zhou et al., 2025, p. 6).
A primer explains templates ("反应模板是什么," n.d., chunk 1); a teacher agrees \
(Adeyemi, n.d., chunk 2).
The host opened the session (AI4S Reading Club, 2025, 00:36).
Nobody lists this one (Smith, 2020, p. 3).

## Further notes

AI4S Reading Club. (2025, October 18). *Talk 31* [Video recording]. video.mp4
Adeyemi, K. (n.d.). *Why LLMs still struggle with retrosynthesis*. {MEDIUM} (long_context)
反应模板是什么？RDChiral模板抽取实战. (n.d.). CSDN博客. https://b.example/y (long_context, chunk 1)
Zhou, Y., Okoye, R., & Feng, G. (2025). RetroWeave: planning. Springer. {DOI} (pdf.pdf)
"""


def _targets(report):
    return [
        (c.span.line, [(t.kind, t.source, t.title, t.pages, t.chunks, t.times) for t in c.targets])
        for c in report.citations
    ]


def test_each_citation_reaches_what_its_entry_points_at() -> None:
    report = parse_text(REPORT, "r.md", load_pack())
    primer = "反应模板是什么？RDChiral模板抽取实战"
    teacher = "Why LLMs still struggle with retrosynthesis"
    assert _targets(report) == [
        (3, [("file", "pdf.pdf", None, [6], [], [])]),
        (4, [("collection", "long_context", primer, [], [1], [])]),
        (4, [("collection", "long_context", teacher, [], [2], [])]),
        (5, [("file", "video.mp4", None, [], [], [36])]),
    ]


def test_entry_lines_are_a_list_and_an_unlisted_author_cites_nothing() -> None:
    report = parse_text(REPORT, "r.md", load_pack())
    listed = {c.span.line for c in report.claims if c.in_reference_list}
    assert listed == set(range(10, 14))  # the reference list holds no claim
    assert 6 not in {line for line, _ in _targets(report)}  # "Smith, 2020" names no entry
