"""Small fakes for the stages and rules other modules provide.

The pipeline and CLI are tested against these, so the tests prove the
pipeline's own behaviour (selection, severities, suppressions, output, exit
codes) whether or not the real parser, corpus and rules have landed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest

from citecheck.checks import base
from citecheck.checks.base import LintContext, Rule
from citecheck.errors import InputError
from citecheck.models import (
    Category,
    Citation,
    Claim,
    Finding,
    Report,
    Severity,
    Span,
    Suppression,
    Verdict,
)
from citecheck.pipeline import Stages
from citecheck.report.citations import citation_id

BRACKET = re.compile(r"\[[^\]]+\]")
SUPPRESSION = re.compile(r"<!-- citecheck: (disable-next-line|disable-file)\s*([^>]*?)\s*-->")


def _span(line: int, column: int, end_column: int) -> Span:
    return Span(line=line, column=column, end_line=line, end_column=end_column, start=0, end=0)


def fake_parse(path: Path, pack: object) -> Report:
    """One claim per non-blank line; ``[...]`` brackets are its citations."""
    if not path.is_file():
        raise InputError(path, "no such file")
    text = path.read_text(encoding="utf-8")
    claims, suppressions = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        comment = SUPPRESSION.search(line)
        if comment:
            scope = "file" if comment.group(1) == "disable-file" else "next-line"
            target = number if scope == "file" else number + 1
            suppressions.append(
                Suppression(scope=scope, line=target, codes=comment.group(2).split())
            )
        elif line.strip():
            citations = []
            for m in BRACKET.finditer(line):
                span = _span(number, m.start() + 1, m.end() + 1)
                citations.append(Citation(id=citation_id(span), text=m.group(), span=span))
            claims.append(
                Claim(
                    id=f"c{number}",
                    text=BRACKET.sub("", line).strip(),
                    raw=line,
                    span=_span(number, 1, len(line) + 1),
                    citations=citations,
                )
            )
    return Report(
        path=str(path),
        text=text,
        claims=claims,
        citations=[c for claim in claims for c in claim.citations],
        suppressions=suppressions,
    )


def fake_is_suppressed(finding: Finding, suppressions: list[Suppression]) -> bool:
    return any(
        (s.scope == "file" or s.line == finding.line)
        and (not s.codes or finding.code in s.codes or finding.slug in s.codes)
        for s in suppressions
    )


@dataclass
class FakeCorpus:
    root: Path


def fake_discover(folder: Path, config: object = None) -> FakeCorpus | None:
    for candidate in (folder, *folder.parents):
        if any(candidate.glob("*.pdf")):
            return FakeCorpus(candidate)
    return None


@dataclass
class FakeSupport:
    """Counts what it was asked; every claim containing 'false' is unsupported."""

    created: list[object] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def judge_claim(self, claim: Claim, resolutions: list) -> SimpleNamespace:
        self.asked.append(claim.id)
        label = "unsupported" if "false" in claim.text else "supported"
        return SimpleNamespace(verdict=Verdict(label=label, score=0.1, backend="fake-judge"))

    def judge_claims(self, items: list) -> list[SimpleNamespace]:
        return [self.judge_claim(claim, resolutions) for claim, resolutions in items]

    def judge_units(self, claim: Claim, units: list) -> SimpleNamespace:
        return self.judge_claim(claim, [])


@pytest.fixture
def support() -> FakeSupport:
    return FakeSupport()


@pytest.fixture
def fake_stages(monkeypatch: pytest.MonkeyPatch, support: FakeSupport) -> Stages:
    """Fake stages, also what ``pipeline.default_stages()`` returns during the test."""

    def make_support(corpus: object, pack: object, config: object) -> FakeSupport:
        support.created.append(corpus)
        return support

    stages = Stages(
        parse_report=fake_parse,
        open_corpus=lambda root, config: FakeCorpus(root),
        discover_corpus=fake_discover,
        load_trace=lambda path: SimpleNamespace(path=path),
        resolve=lambda report, corpus, trace, pack: [],
        is_suppressed=fake_is_suppressed,
        make_support=make_support,
    )
    monkeypatch.setattr("citecheck.pipeline.default_stages", lambda: stages)
    return stages


class MissingSource(Rule):
    """Flags citations that name a missing source.

    Anti-pattern
    ------------
    ``Revenue grew [Doc: missing.pdf]`` cites a file that is not there.

    Best practice
    -------------
    ``Revenue grew [Doc: report.pdf, page 2]`` cites a file of the corpus.
    """

    code = "CC101"
    slug = "citation-unresolvable"
    category = Category.CITATION_UNRESOLVABLE
    severity = Severity.ERROR
    summary = "Citation names a source that is not in the corpus."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for claim in ctx.report.claims:
            for citation in claim.citations:
                if "missing" in citation.text:
                    yield self.finding(
                        ctx,
                        citation.span,
                        "cited source not found",
                        claim=claim,
                        citation=citation,
                        fix="cite a file of the corpus",
                    )


class Uncited(Rule):
    """Flags claims without a citation.

    Anti-pattern
    ------------
    ``Sales doubled.`` with no bracket.

    Best practice
    -------------
    ``Sales doubled [Doc: report.pdf, page 3].``
    """

    code = "CC203"
    slug = "uncited-claim"
    category = Category.UNCITED_CLAIM
    severity = Severity.WARNING
    summary = "Claim carries no citation."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for claim in ctx.report.claims:
            if not claim.citations:
                yield self.finding(ctx, claim.span, "claim has no citation", claim=claim)


class Unsupported(Rule):
    """Flags cited claims the judge finds unsupported.

    Anti-pattern
    ------------
    ``The sky is green [Doc: a.pdf]`` when a.pdf says it is blue.

    Best practice
    -------------
    ``The sky is blue [Doc: a.pdf, page 1]``.
    """

    code = "CC201"
    slug = "unsupported-claim"
    category = Category.UNSUPPORTED_CLAIM
    severity = Severity.ERROR
    summary = "The cited evidence does not support the claim."

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        assert ctx.judge is not None
        for claim in ctx.report.claims:
            if claim.citations:
                judgement = ctx.judge(claim)
                if judgement.verdict.label == "unsupported":
                    yield self.finding(
                        ctx,
                        claim.span,
                        "evidence does not support the claim",
                        claim=claim,
                        citation=claim.citations[0],
                        score=judgement.verdict.score,
                        backend=judgement.verdict.backend,
                    )


FAKE_RULES = [MissingSource, Uncited, Unsupported]


@pytest.fixture
def fake_rules(monkeypatch: pytest.MonkeyPatch) -> list[type[Rule]]:
    """Replace the rule registry with the three fake rules above."""
    monkeypatch.setattr(base, "_REGISTRY", {rule.code: rule for rule in FAKE_RULES})
    monkeypatch.setattr(base, "_import_rule_modules", lambda: None)
    return FAKE_RULES


@pytest.fixture
def task(tmp_path: Path) -> Path:
    """A task folder with a source and three reports: clean, warning-only, failing."""
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-fake")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "clean.md").write_text("Sky is blue [Doc: paper.pdf]\n", encoding="utf-8")
    (reports / "warn.md").write_text(
        "Sky is blue [Doc: paper.pdf]\nSales doubled.\n", encoding="utf-8"
    )
    (reports / "bad.md").write_text(
        "Sky is blue [Doc: missing.pdf]\nThis is false [Doc: paper.pdf]\nSales doubled.\n",
        encoding="utf-8",
    )
    return tmp_path
