"""Fake stages and rules for the pipeline and CLI tests (the fakes live in tests/fakes).

The pipeline and CLI are tested against these, so the tests prove the
pipeline's own behaviour (selection, severities, suppressions, output, exit
codes) whether or not the real parser, corpus and rules have landed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from citecheck import api, pipeline
from citecheck.checks import base
from citecheck.checks.base import Rule
from citecheck.errors import InputError
from citecheck.models import Citation, Claim, Finding, Report, Result, Span, Suppression
from citecheck.pipeline import LintOptions, Stages
from citecheck.report.citations import citation_id
from tests.fakes import FAKE_RULES, FakeCorpus, FakeSupport, fake_rule_by_name

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


def fake_discover(folder: Path, config: object = None) -> FakeCorpus | None:
    for candidate in (folder, *folder.parents):
        if any(candidate.glob("*.pdf")):
            return FakeCorpus(candidate)
    return None


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
        find_trace=lambda folder: None,
        resolve=lambda report, corpus, trace, pack: [],
        is_suppressed=fake_is_suppressed,
        make_support=make_support,
    )
    monkeypatch.setattr("citecheck.pipeline.default_stages", lambda: stages)
    return stages


@pytest.fixture
def fake_rules(monkeypatch: pytest.MonkeyPatch) -> list[type[Rule]]:
    """Every ``lint()`` of the test, also the CLI's and the API's, runs the three fake
    rules above: they are passed as ``LintOptions.rules``, the registry is untouched."""
    real_lint = pipeline.lint

    def lint_with_fake_rules(
        paths: Sequence[str | Path], options: LintOptions | None = None
    ) -> Result:
        return real_lint(paths, replace(options or LintOptions(), rules=FAKE_RULES))

    monkeypatch.setattr(pipeline, "lint", lint_with_fake_rules)
    monkeypatch.setattr(api, "lint", lint_with_fake_rules)
    monkeypatch.setattr(base, "rule_by_name", fake_rule_by_name)  # `citecheck explain`
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
