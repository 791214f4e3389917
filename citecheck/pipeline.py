"""One lint run: reports in, :class:`~citecheck.models.Result` out.

For each report: parse it, find its corpus (explicit, or the nearest enclosing
folder holding sources; opened once per corpus root), resolve its citations,
build a :class:`~citecheck.checks.base.LintContext`, run the selected rules,
apply severity overrides and inline suppressions. The support judge is created
on the first claim a rule asks about, so a run whose rules never ask (e.g.
``--select CC1``) never loads a model.

The stages other modules provide are gathered in :class:`Stages` so that tests
can run the pipeline on small fakes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citecheck import __version__
from citecheck.checks._crash import guarded_check, has_crashed
from citecheck.checks.base import LintContext, Rule, rule_by_name, select_rules
from citecheck.config import Config, FailOn
from citecheck.errors import InputError
from citecheck.gcpause import collector_paused
from citecheck.models import (
    Claim,
    ClaimJudgement,
    Finding,
    Report,
    Resolution,
    Result,
    Severity,
    SourceUnit,
    Summary,
    Suppression,
)
from citecheck.report.envelope import is_envelope_file
from citecheck.report.query import find_query_file, is_query_file, read_query, with_query
from citecheck.rulepack import RulePack, load_pack, with_syntax
from citecheck.safeio import require_regular_file

if TYPE_CHECKING:
    from citecheck.corpus.folder import Corpus
    from citecheck.corpus.trace import Trace
    from citecheck.support.service import SupportService

REPORT_SUFFIXES = (".md", ".markdown", ".txt")
EXIT_RULE_CRASHED = 2
SKIPPED_FOLDERS = {".citecheck-cache", "__pycache__", "node_modules"}


@dataclass(frozen=True)
class Stages:
    """The functions of other modules the pipeline calls, in one swappable place."""

    parse_report: Callable[[Path, RulePack], Report]
    open_corpus: Callable[[Path, Config], Corpus]
    discover_corpus: Callable[[Path, Config], Corpus | None]
    load_trace: Callable[[Path], Trace]
    find_trace: Callable[[Path], Trace | None]
    resolve: Callable[[Report, Corpus | None, Trace | None, RulePack], list[Resolution]]
    is_suppressed: Callable[[Finding, list[Suppression]], bool]
    make_support: Callable[[Corpus | None, RulePack, Config], SupportService]


def default_stages() -> Stages:
    """The real stages. Imported here, not at module import, to keep the CLI quick."""
    from citecheck.corpus.folder import Corpus
    from citecheck.corpus.trace import find_trace, load_trace
    from citecheck.report.parse import parse_report
    from citecheck.report.suppress import is_suppressed
    from citecheck.resolve.resolver import resolve_citations

    return Stages(
        parse_report=parse_report,
        open_corpus=lambda root, config: Corpus.open(root, *_corpus_settings(config)),
        discover_corpus=lambda start, config: Corpus.discover(start, *_corpus_settings(config)),
        load_trace=load_trace,
        find_trace=find_trace,
        resolve=resolve_citations,
        is_suppressed=is_suppressed,
        make_support=_make_support,
    )


def _corpus_settings(config: Config) -> tuple[str | None, str | None]:
    """Cache folder and transcription model (None when switched off) for a corpus."""
    model = None if config.transcribe in ("", "off", "none") else config.transcribe
    return config.cache_dir, model


def _make_support(corpus: Corpus | None, pack: RulePack, config: Config) -> SupportService:
    from citecheck.support.service import make_support_service  # loads models: only on demand

    return make_support_service(corpus, pack, config.judge, cache_dir=config.cache_dir)


@dataclass
class LintOptions:
    """What a run needs besides the report paths."""

    corpus: Path | None = None
    trace: Path | None = None
    query: Path | None = None
    config: Config = field(default_factory=Config)
    stages: Stages | None = None
    rules: Sequence[type[Rule]] | None = None  # None: the registered rules


def lint(paths: Sequence[str | Path], options: LintOptions | None = None) -> Result:
    """Lint every report named by ``paths`` (files, or folders of ``*.md``/``*.txt``).

    Without ``options.trace``, each report's task folder is searched for its run log
    (:func:`citecheck.corpus.trace.find_trace`), as it is for its query.

    Raises :class:`InputError` for inputs that prevent the run: a missing report,
    corpus or trace, an unreadable report, a corrupt source a citation needs.
    """
    options = options or LintOptions()
    config = options.config
    report_paths = expand_report_paths(paths)
    corpus_root = _checked_folder(options.corpus) if options.corpus else None
    trace_path = _checked_file(options.trace, "trace file") if options.trace else None
    stages = options.stages or default_stages()
    pack = with_syntax(load_pack(config.pack), config.syntax)
    rules = [rule() for rule in select_rules(config.select, config.ignore, among=options.rules)]
    overrides = severity_overrides(
        [(pack.name, pack.severity), (config.source or "config", config.severity)]
    )
    corpora = _CorpusFinder(stages, corpus_root, config)
    trace = stages.load_trace(trace_path) if trace_path else None
    explicit_query = (
        read_query(_checked_file(options.query, "query file")) if options.query else None
    )
    folder_queries: dict[int, str | None] = {}
    folder_traces: dict[int, Trace | None] = {}
    judges: dict[int, _LazyJudge] = {}

    findings: list[Finding] = []
    claims = citations = 0
    for path in report_paths:
        corpus = corpora.for_report(path)
        if id(corpus) not in folder_queries:
            found = find_query_file(Path(corpus.root)) if corpus is not None else None
            folder_queries[id(corpus)] = read_query(found) if found else None
        if trace_path is None and id(corpus) not in folder_traces:
            found_trace = stages.find_trace(Path(corpus.root)) if corpus is not None else None
            folder_traces[id(corpus)] = found_trace
        report_trace = trace if trace_path else folder_traces[id(corpus)]
        report = with_query(
            stages.parse_report(path, pack), explicit_query, folder_queries[id(corpus)]
        )
        judge = judges.setdefault(id(corpus), _LazyJudge(stages, corpus, pack, config))
        with collector_paused():  # linear time on big reports (see citecheck.gcpause)
            ctx = LintContext(
                report=report,
                pack=pack,
                corpus=corpus,
                trace=report_trace,
                resolutions=stages.resolve(report, corpus, report_trace, pack),
            )
            ctx.judge = judge.for_context(ctx)
            ctx.judge_units = judge.judge_units
            findings.extend(run_rules(rules, ctx, overrides, stages.is_suppressed))
        claims += len(report.claims)
        citations += len(report.citations)

    findings.sort(key=lambda f: (f.path, f.line, f.column, f.code))
    backends = sorted({name for judge in judges.values() for name in judge.backends})
    return Result(
        version=__version__,
        corpus=str(options.corpus) if options.corpus else corpora.single_root(),
        files=[str(path) for path in report_paths],
        findings=findings,
        summary=summarise(findings, len(report_paths), claims, citations, backends),
    )


def run_rules(
    rules: Iterable[Rule],
    ctx: LintContext,
    overrides: dict[str, Severity],
    is_suppressed: Callable[[Finding, list[Suppression]], bool],
) -> list[Finding]:
    """The findings of ``rules`` on one report, re-levelled and minus suppressed ones;
    a rule that crashes is one internal-error finding (:mod:`citecheck.checks._crash`).
    In a report that is one field of its file, each finding names that field."""
    kept = []
    origin = ctx.report.text_origin
    for rule in rules:
        for finding in guarded_check(rule, ctx):
            level = overrides.get(finding.code)
            if level is not None:
                finding = finding.model_copy(update={"severity": level})
            if origin is not None:
                finding = finding.model_copy(update={"origin": origin})
            if not is_suppressed(finding, ctx.report.suppressions):
                kept.append(finding)
    return kept


def severity_overrides(tables: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, Severity]:
    """Merge ``(source, {code or slug: level})`` tables, later ones winning, keyed by code."""
    merged: dict[str, Severity] = {}
    for source, table in tables:
        for name, level in table.items():
            rule = rule_by_name(name)
            if rule is None:
                raise InputError(source, f"severity override '{name}' names no rule")
            try:
                merged[rule.code] = Severity(level)
            except ValueError:
                raise InputError(source, f"unknown severity '{level}' for {name}") from None
    return merged


def summarise(
    findings: list[Finding], files: int, claims: int, citations: int, backends: list[str]
) -> Summary:
    """Counts by severity (every level present) and by code (sorted)."""
    by_severity = Counter(f.severity.value for f in findings)
    by_code = Counter(f.code for f in findings)
    return Summary(
        files=files,
        claims=claims,
        citations=citations,
        findings=len(findings),
        by_severity={level.value: by_severity[level.value] for level in Severity},
        by_code=dict(sorted(by_code.items())),
        judge_backend="+".join(backends) or None,
    )


def exit_code(result: Result, fail_on: FailOn) -> int:
    """2 when a rule crashed (:data:`EXIT_RULE_CRASHED`); else 1 when a finding is at
    or above ``fail_on``, else 0."""
    if has_crashed(result.findings):
        return EXIT_RULE_CRASHED
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(f.severity.rank >= threshold for f in result.findings))


def expand_report_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files as given; folders expanded to their reports, sorted. Missing paths raise."""
    if not paths:
        raise InputError(".", "no report given")
    reports: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_report_file(p, path))
            if not found:
                raise InputError(path, "folder holds no reports (*.md, *.txt, API responses)")
            reports.extend(found)
        elif path.exists():
            reports.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return list(dict.fromkeys(reports))


def _is_report_file(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts[:-1]
    hidden = any(part.startswith(".") or part in SKIPPED_FOLDERS for part in parts)
    if hidden:
        return False
    if path.suffix.lower() in REPORT_SUFFIXES:
        return path.is_file() and not is_query_file(path)
    return is_envelope_file(path)


def _checked_folder(path: Path) -> Path:
    if not path.exists():
        raise InputError(path, "corpus folder not found")
    if not path.is_dir():
        raise InputError(path, "corpus is not a folder")
    return path


def _checked_file(path: Path, what: str) -> Path:
    require_regular_file(path, what)
    return path


class _CorpusFinder:
    """The corpus of each report: the explicit one, or discovered and cached per root."""

    def __init__(self, stages: Stages, explicit: Path | None, config: Config) -> None:
        self._stages = stages
        self._config = config
        self._explicit = stages.open_corpus(explicit, config) if explicit else None
        self._by_folder: dict[Path, Corpus | None] = {}
        self._by_root: dict[Path, Corpus] = {}

    def for_report(self, report: Path) -> Corpus | None:
        if self._explicit is not None:
            return self._explicit
        folder = report.resolve().parent
        if folder not in self._by_folder:
            found = self._stages.discover_corpus(folder, self._config)
            if found is not None:
                found = self._by_root.setdefault(Path(found.root).resolve(), found)
            self._by_folder[folder] = found
        return self._by_folder[folder]

    def single_root(self) -> str | None:
        roots = list(self._by_root)
        return str(roots[0]) if len(roots) == 1 else None


class _LazyJudge:
    """Judges claims for one corpus, creating the support service on first use."""

    def __init__(self, stages: Stages, corpus: Corpus | None, pack: RulePack, config: Config):
        self._create = lambda: stages.make_support(corpus, pack, config)
        self._service: SupportService | None = None
        self._memo: dict[tuple[str, ...], ClaimJudgement | None] = {}
        self.backends: set[str] = set()

    @property
    def service(self) -> SupportService:
        if self._service is None:
            self._service = self._create()
        return self._service

    def for_context(self, ctx: LintContext) -> Callable[[Claim], ClaimJudgement | None]:
        """``LintContext.judge``: a claim against what its own citations resolve to."""

        def resolutions(claim: Claim) -> list[Resolution]:
            return [r for c in claim.citations for r in ctx.resolutions_for(c)]

        def judge_claim(claim: Claim) -> ClaimJudgement | None:
            key = (ctx.report.path, claim.id)
            if key not in self._memo:
                self._prefetch(ctx, resolutions)
            return self._remember(key, lambda: self.service.judge_claim(claim, resolutions(claim)))

        return judge_claim

    def _prefetch(self, ctx: LintContext, resolutions: Callable[[Claim], list[Resolution]]) -> None:
        """Judge every claim the support rules will ask about in one batch."""
        from citecheck.support.service import is_judged

        todo = [
            c
            for c in ctx.report.claims
            if is_judged(c) and (ctx.report.path, c.id) not in self._memo
        ]
        judged = self.service.judge_claims([(c, resolutions(c)) for c in todo])
        for claim, judgement in zip(todo, judged, strict=True):
            self._store((ctx.report.path, claim.id), judgement)

    def judge_units(self, claim: Claim, units: list[SourceUnit]) -> ClaimJudgement | None:
        """``LintContext.judge_units``: a claim against units a rule chose."""
        key = (claim.id, claim.text, *(f"{u.source}#{u.locator}" for u in units))
        return self._remember(key, lambda: self.service.judge_units(claim, units))

    def _remember(
        self, key: tuple[str, ...], compute: Callable[[], ClaimJudgement | None]
    ) -> ClaimJudgement | None:
        if key not in self._memo:
            self._store(key, compute())
        return self._memo[key]

    def _store(self, key: tuple[str, ...], judgement: ClaimJudgement | None) -> None:
        if judgement is not None:
            self.backends.add(judgement.verdict.backend)
        self._memo[key] = judgement
