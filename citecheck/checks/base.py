"""The rule contract, the context rules read, and the rule registry.

A rule is a class in its own module under :mod:`citecheck.checks`, registered
with :func:`register`. Its docstring is its documentation (``citecheck explain``
prints it) and must contain an ``Anti-pattern`` and a ``Best practice`` section
with a bad and a good example.

Rules only *read*: the parsed report, the resolutions, the judgements and the
loaded corpus. They never open files or load models themselves; the pipeline
builds those once and hands them over in :class:`LintContext`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from citecheck.errors import UsageError
from citecheck.models import (
    Category,
    Citation,
    Claim,
    ClaimJudgement,
    Evidence,
    Finding,
    Report,
    Resolution,
    Severity,
    SourceUnit,
    Span,
)

if TYPE_CHECKING:  # imported for type checking only: keeps rule import cheap
    from citecheck.attribution.outcomes import ReportAttribution
    from citecheck.corpus.folder import Corpus
    from citecheck.corpus.sidecars import SidecarProblem
    from citecheck.corpus.trace import Trace
    from citecheck.rulepack import RulePack


@dataclass
class LintContext:
    """Everything a rule may look at for one report.

    ``judge`` is a callable the pipeline provides; it judges a claim against the
    units its citations resolve to, on first request, and caches the answer, so
    rules that never ask for support never load a model. ``judge_units`` judges
    a claim against units a rule chose itself (e.g. transcript segments for a
    sentence in a video section that carries no citation).
    """

    report: Report
    pack: RulePack
    corpus: Corpus | None = None
    trace: Trace | None = None
    resolutions: list[Resolution] = field(default_factory=list)
    judge: Callable[[Claim], ClaimJudgement | None] | None = None
    judge_units: Callable[[Claim, list[SourceUnit]], ClaimJudgement | None] | None = None
    _attribution: ReportAttribution | None = field(default=None, repr=False)

    def attribution(self) -> ReportAttribution:
        """The attribution stage's outcomes for this report, computed on first request."""
        if self._attribution is None:
            from citecheck.attribution.stage import assess_report

            self._attribution = assess_report(self)
        return self._attribution

    def sidecar_problems(self) -> list[SidecarProblem]:
        """The video sidecars that could not be read (without the attribution stage)."""
        from citecheck.attribution.stage import sidecar_problems

        return sidecar_problems(self)

    _by_citation: tuple[int, int, dict[str, list[Resolution]]] | None = field(
        default=None, init=False, repr=False
    )

    def resolutions_for(self, citation: Citation) -> list[Resolution]:
        """The resolutions of one citation bracket, in target order."""
        built = self._by_citation
        if built is None or built[:2] != (id(self.resolutions), len(self.resolutions)):
            index: dict[str, list[Resolution]] = {}
            for resolution in self.resolutions:
                index.setdefault(resolution.citation.id, []).append(resolution)
            built = self._by_citation = (id(self.resolutions), len(self.resolutions), index)
        return list(built[2].get(citation.id, []))


class Rule:
    """Base class of every rule. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    slug: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str]

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        """Yield the findings of this rule for one report."""
        raise NotImplementedError

    def finding(
        self,
        ctx: LintContext,
        span: Span,
        message: str,
        *,
        claim: Claim | None = None,
        citation: Citation | None = None,
        evidence: list[Evidence] | None = None,
        score: float | None = None,
        fix: str | None = None,
        backend: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a finding carrying this rule's code, slug, category and severity."""
        return Finding(
            code=self.code,
            slug=self.slug,
            category=self.category.value,
            severity=severity or self.severity,
            path=ctx.report.path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            message=message,
            claim=claim.text if claim else None,
            citation=citation.text if citation else None,
            evidence=evidence or [],
            score=score,
            fix=fix,
            backend=backend,
        )

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation, dedented."""
        return inspect.cleandoc(cls.__doc__ or cls.summary)


_REGISTRY: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator adding a rule to the registry under its code."""
    for attr in ("code", "slug", "category", "summary"):
        if not hasattr(rule, attr):
            raise TypeError(f"rule {rule.__name__} lacks {attr}")
    if rule.code in _REGISTRY and _REGISTRY[rule.code] is not rule:
        raise ValueError(f"duplicate rule code {rule.code}")
    _REGISTRY[rule.code] = rule
    return rule


def all_rules() -> list[type[Rule]]:
    """Every registered rule, sorted by code. Imports all rule modules once."""
    _import_rule_modules()
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def rule_by_name(name: str) -> type[Rule] | None:
    """Look a rule up by code (``CC101``) or slug (``citation-unresolvable``)."""
    for rule in all_rules():
        if name.upper() == rule.code or name.lower() == rule.slug:
            return rule
    return None


def select_rules(
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    among: Iterable[type[Rule]] | None = None,
) -> list[type[Rule]]:
    """Rules chosen ruff-style: a code, a code prefix (``CC2``), a slug or a category,
    from ``among`` (default: every registered rule)."""
    chosen = list(all_rules() if among is None else among)
    picks = [s for s in select if s]
    if picks:
        chosen = [r for r in chosen if any(_matches(r, s) for s in picks)]
    drops = [s for s in ignore if s]
    return [r for r in chosen if not any(_matches(r, s) for s in drops)]


def _matches(rule: type[Rule], name: str) -> bool:
    name = name.strip()
    return (
        rule.code.startswith(name.upper())
        or rule.slug == name.lower()
        or rule.category.value == name.lower()
        or name.upper() == "ALL"
    )


def _import_rule_modules() -> None:
    import citecheck.checks as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name != "base" and not info.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{info.name}")


def split_codes(values: tuple[str, ...]) -> list[str]:
    """``--select CC1,CC2 --select CC301`` → ``["CC1", "CC2", "CC301"]``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def check_rule_names(names: list[str], option: str) -> None:
    """A usage error for a code, prefix or slug that matches no rule."""
    for name in names:
        if not select_rules([name]):
            raise UsageError(f"{option}: '{name}' matches no rule (see `citecheck rules`)")
