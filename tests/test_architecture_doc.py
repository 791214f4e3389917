"""docs/ARCHITECTURE.md and the README's layout section are checked against the code:
the rule table against the registry, every path they name against the tree, and the
rule docstrings (SARIF's descriptions) against one style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from citecheck.checks.base import Rule, all_rules

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"
README = ROOT / "README.md"
_TABLE_ROW = re.compile(r"^\| (CC\d{3}) \| ([a-z-]+) \| ([a-z-]+) \| ([a-z]+) \|$", re.M)
_PATH = re.compile(r"(?<![\w/.])((?:citecheck|training|benchmarks|rules|tests)/[\w/.-]*\w)")


def _documented_paths(text: str) -> set[str]:
    return {m.group(1).rstrip(".") for m in _PATH.finditer(text)}


def test_rule_table_matches_the_registry() -> None:
    documented = _TABLE_ROW.findall(ARCHITECTURE.read_text(encoding="utf-8"))
    registered = [(r.code, r.slug, r.category.value, r.severity.value) for r in all_rules()]
    assert documented == registered


@pytest.mark.parametrize("doc", [ARCHITECTURE, README], ids=lambda p: p.name)
def test_every_path_the_docs_name_exists(doc: Path) -> None:
    names = _documented_paths(doc.read_text(encoding="utf-8"))
    assert names, f"{doc.name} names no paths: the pattern is wrong"
    missing = sorted(n for n in names if not (ROOT / n).exists())
    assert missing == []


def test_every_package_folder_is_in_the_readme_layout() -> None:
    readme = README.read_text(encoding="utf-8")
    folders = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "citecheck").iterdir()
        if p.is_dir() and (p / "__init__.py").is_file()
    }
    assert sorted(f for f in folders if f"{f}/" not in readme) == []


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_summary_is_one_sentence_and_docstring_has_both_examples(rule: type[Rule]) -> None:
    summary = rule.summary
    assert summary[0].isupper() and summary.endswith(".") and "\n" not in summary
    assert len(summary) <= 100
    doc = rule.__doc__ or ""
    assert "Anti-pattern" in doc and "Best practice" in doc
