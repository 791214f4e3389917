"""Locating the report inside task files and run logs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from citecheck.report.extract import locate_report
from citecheck.rulepack import RulePack

TASK = """# Task Report: 005

## Query

写一份报告。## Final Report 只是引用。

## Final Report

《报告》
正文。[Doc: pdf.pdf]

## Summary

done
"""

LOG = """==========
TURN LOG
==========
output the FINAL ANSWER to the original question.
================================================================================
FINAL ANSWER
================================================================================
《报告》
正文。
"""


def test_task_file_region_is_between_last_marker_and_summary(pack: RulePack) -> None:
    region = locate_report(TASK, pack.layout)
    assert TASK[region.start : region.end].strip() == "《报告》\n正文。[Doc: pdf.pdf]"
    assert region.query == "写一份报告。## Final Report 只是引用。"


def test_run_log_region_starts_after_the_banner(pack: RulePack) -> None:
    region = locate_report(LOG, pack.layout)
    assert LOG[region.start : region.end] == "《报告》\n正文。\n"
    assert region.query is None


def test_plain_report_is_the_whole_text(pack: RulePack) -> None:
    text = "# 报告\n正文。\n"
    region = locate_report(text, pack.layout)
    assert (region.start, region.end, region.query) == (0, len(text), None)


def test_real_seeds(seed: Callable[..., Path], pack: RulePack) -> None:
    task = seed("000").read_text(encoding="utf-8")
    region = locate_report(task, pack.layout)
    report = task[region.start : region.end]
    assert report.startswith("《大模型技术论文阅读报告》")
    assert "## Summary" not in report and "\\boxed" not in report
    assert region.query is not None and "字数在2000至3000字" in region.query
    log = seed("002", ".repaired.txt").read_text(encoding="utf-8")
    log_region = locate_report(log, pack.layout)
    assert log[log_region.start :].startswith("《大模")
    assert log_region.end == len(log)
