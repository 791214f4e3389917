"""A rule that crashes becomes one finding naming it, so the other rules still run.

Like sqlfluff's crawl: an unexpected exception inside ``Rule.check`` is a bug of
that rule, not of the report; the finding (category ``internal-error``, severity
error) says which rule and what it raised, and the run exits 2 at the end.
citecheck's own errors (:class:`~citecheck.errors.CitecheckError`: an input that
cannot be used) still end the run with their one line.
"""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.base import LintContext, Rule
from citecheck.errors import CitecheckError
from citecheck.models import Category, Finding, Severity

INTERNAL_ERROR = Category.INTERNAL_ERROR.value


def guarded_check(rule: Rule, ctx: LintContext) -> list[Finding]:
    """The findings of ``rule``, or one internal-error finding when it raises."""
    try:
        return list(rule.check(ctx))
    except CitecheckError:
        raise
    # any bug of one rule, reported as a finding
    except Exception as error:
        return [crash_finding(rule, ctx, error)]


def crash_finding(rule: Rule, ctx: LintContext, error: Exception) -> Finding:
    """The finding that reports ``rule`` raising ``error`` on ``ctx.report``."""
    return Finding(
        code=rule.code,
        slug=rule.slug,
        category=INTERNAL_ERROR,
        severity=Severity.ERROR,
        path=ctx.report.path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        message=(
            f"rule {rule.code} ({rule.slug}) crashed: {type(error).__name__}: {error};"
            " its findings for this report are missing (a bug: please report it with the input)"
        ),
    )


def has_crashed(findings: Iterable[Finding]) -> bool:
    """Whether any finding stands for a rule's crash."""
    return any(finding.category == INTERNAL_ERROR for finding in findings)
