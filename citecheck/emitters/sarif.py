"""SARIF 2.1.0: rule metadata, real levels, regions and stable fingerprints."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from citecheck.checks.base import Rule, all_rules
from citecheck.models import Finding, Result

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def fingerprint(finding: Finding) -> str:
    """Hash of code, path and claim text (not the line: moving a paragraph keeps it)."""
    subject = " ".join((finding.claim or finding.message).split())
    key = "\0".join((finding.code, finding.path, subject))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass"))  # undecodable file names
    return digest.hexdigest()[:32]


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference; an absolute one as a ``file:`` URI."""
    given = Path(path)
    return given.as_uri() if given.is_absolute() else quote(os.fsencode(given.as_posix()))


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    """``reportingDescriptor`` of a rule, its documentation as full description and help."""
    doc = rule.doc()
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc.split("\n\n")[0]},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"category": rule.category.value, "tags": [rule.category.value]},
    }


def sarif_result(finding: Finding, rule_index: int | None) -> dict[str, Any]:
    """One SARIF ``result`` for a finding; ``rule_index`` into ``tool.driver.rules``."""
    text = finding.message if not finding.fix else f"{finding.message} Fix: {finding.fix}"
    located = {} if rule_index is None else {"ruleIndex": rule_index}
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.path)}}
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.origin is None:
        physical["region"] = region
    else:  # the position is in one JSON field's text, not in the file's lines
        location["logicalLocations"] = [{"fullyQualifiedName": finding.origin, "kind": "member"}]
        location["properties"] = {"regionInOrigin": region}
    return {
        "ruleId": finding.code,
        **located,
        "level": LEVELS[finding.severity.value],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"citecheck/v1": fingerprint(finding)},
        "properties": {
            "slug": finding.slug,
            "category": finding.category,
            "claim": finding.claim,
            "citation": finding.citation,
            "score": finding.score,
            "evidence": [item.model_dump() for item in finding.evidence],
        },
    }


def build_log(result: Result) -> dict[str, Any]:
    """The whole SARIF log as a dict."""
    rules = {rule.code: rule for rule in all_rules()}
    order = list(rules)
    index = {code: position for position, code in enumerate(order)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citecheck",
                        "version": result.version,
                        "semanticVersion": result.version,
                        "rules": [rule_descriptor(rules[code]) for code in order],
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                "columnKind": "unicodeCodePoints",
                "results": [sarif_result(f, index.get(f.code)) for f in result.findings],
            }
        ],
    }


def render(result: Result) -> str:
    """The SARIF log as indented JSON."""
    return json.dumps(build_log(result), ensure_ascii=False, indent=2) + "\n"
