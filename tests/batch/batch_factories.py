"""Task folders in the shapes an agent pipeline leaves behind, for the audit tests.

A task folder gets the shared paper and collection (hard links, so no test
rebuilds a PDF) and a report in one of three shapes: a task file (``## Query`` /
``## Final Report``), a run log ending in a final answer, or a plain markdown
report. ``bad_pages`` cites pages past the paper's end, which the resolution
rules report; ``broken_pdf`` puts garbage where the PDF should be.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from citecheck.batch.engines.local import run_in_worker
from citecheck.batch.worker import TaskJob, TaskOutcome
from tests.corpus.corpus_factories import build_collection, build_paper

TITLES = ["大模型微调的学习动态综述", "Direct Preference Optimization explained", "注意力机制入门"]


@dataclass(frozen=True)
class SharedSources:
    """A paper (4 pages) and a collection, built once per test session."""

    pdf: Path
    collection: Path

    @classmethod
    def build(cls, folder: Path) -> SharedSources:
        return cls(
            pdf=build_paper(folder / "pdf.pdf", body_pages=2),
            collection=build_collection(folder / "long_context.json", TITLES),
        )

    def link_into(self, folder: Path) -> None:
        """Hard-link (or copy) the sources into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        for source in (self.pdf, self.collection):
            target = folder / source.name
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)


def report_body(variant: int, bad_pages: bool) -> str:
    """A short report whose wording and citations vary with ``variant``."""
    page = 9 + variant if bad_pages else 2 + variant % 2
    chunk = 7 if bad_pages else 0
    title = TITLES[variant % len(TITLES)]
    return (
        f"# 学习报告 {variant}\n\n"
        f"论文研究了微调中的学习动态问题，第{variant}版总结如下[文档: pdf.pdf, page {page}]。\n\n"
        f'- 该综述讨论了相关工作[long_context: "{title}", chunk {chunk}]。\n'
        f"- The authors decompose the change of log-probability into terms "
        f"[Doc: pdf.pdf, page {page}].\n"
    )


def task_file(variant: int, bad_pages: bool = False) -> str:
    """A task file: query, final report, summary."""
    return (
        f"# Task Report: {variant:03d}\n\nGenerated at: 2025-12-03 16:18:47\n\n"
        "## Query\n\n请根据论文撰写一份学习报告。\n\n"
        f"## Final Report\n\n{report_body(variant, bad_pages)}\n"
        "## Summary\n\nThe report was generated.\n"
    )


def run_log(variant: int, bad_pages: bool = False) -> str:
    """A run log with one successful tool call and a final answer."""
    bar = "=" * 80
    return (
        f"{bar}\nTURN-BY-TURN EXECUTION LOG\n{bar}\nTask ID: folder_task_{variant:03d}\n"
        "Status: success\n\n"
        "  2025-12-08 07:12:17 [INFO] ▶️ ToolManager | Tool Call Start\n"
        "    Message: Connecting to server 'tool-rag' to call tool 'rag_search'\n"
        "  2025-12-08 07:12:20 [INFO] ✅ ToolManager | Tool Call Success\n"
        "    Message: Tool 'rag_search' (server: 'tool-rag') called successfully.\n\n"
        f"{bar}\nFINAL ANSWER\n{bar}\n\n{report_body(variant, bad_pages)}"
    )


def make_task(
    root: Path,
    name: str,
    sources: SharedSources,
    shape: str = "task",
    variant: int = 0,
    bad_pages: bool = False,
    broken_pdf: bool = False,
) -> Path:
    """A task folder ``root/name`` with a report of ``shape`` (task | log | plain)."""
    folder = root / name
    sources.link_into(folder)
    if broken_pdf:
        (folder / "pdf.pdf").unlink()
        (folder / "pdf.pdf").write_bytes(b"%PDF-1.7 this is not really a PDF\n")
    if shape == "task":
        (folder / "task_report.txt").write_text(task_file(variant, bad_pages), encoding="utf-8")
    elif shape == "log":
        (folder / "run.log").write_text(run_log(variant, bad_pages), encoding="utf-8")
    else:
        (folder / "report.md").write_text(report_body(variant, bad_pages), encoding="utf-8")
    return folder


def die_on_poison(job: TaskJob) -> TaskOutcome:
    """A pool job runner whose process dies on folders named ``poison*``."""
    if Path(job.folder).name.startswith("poison"):
        os._exit(3)
    return run_in_worker(job)
