"""A request exported as HTML or written as LaTeX is read as the text its requirement
readers understand."""

from __future__ import annotations

import json
from pathlib import Path

from citecheck.report.query import find_query_file, read_query
from citecheck.requirements.derive import derive_requirements

PAGE = """\
<!-- Exported from Canvas LMS -->
<div class="assignment-page">
<h1>作业 3：论文研读报告</h1>
<h2>报告结构（必须依次包含以下三个部分）</h2>
<ol>
  <li><strong>论文概况</strong>：题目、作者。</li>
  <li><strong>实验结果</strong>：<u>必须包含一张对比表</u>。</li>
  <li><strong>不足与展望</strong></li>
</ol>
<h2>篇幅</h2>
<p>正文 1800&ndash;3200 字。</p>
</div>
"""


def test_an_html_request_reads_as_headings_numbered_items_and_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "query.md"
    path.write_text(PAGE, encoding="utf-8")
    text = read_query(path)
    assert "<" not in text and "## 报告结构（必须依次包含以下三个部分）" in text
    assert "2. 实验结果：必须包含一张对比表。" in text.splitlines()
    derived = derive_requirements(text, "zh")
    assert [s.name for s in derived.sections] == ["论文概况", "实验结果", "不足与展望"]
    assert (derived.length.min, derived.length.max) == (1800, 3200) if derived.length else False


def test_markdown_stays_as_written(tmp_path: Path) -> None:
    path = tmp_path / "query.md"
    path.write_text("# Task\n\nWrite <b>two</b> parts.\n", encoding="utf-8")
    assert read_query(path) == "# Task\n\nWrite <b>two</b> parts."


def test_an_org_mode_task_file_is_the_folders_query(tmp_path: Path) -> None:
    (tmp_path / "query.org").write_text("* TODO 报告\n** 必须包含的部分\n", encoding="utf-8")
    assert find_query_file(tmp_path) == tmp_path / "query.org"
    (tmp_path / "query.md").write_text("# Task\n", encoding="utf-8")
    assert find_query_file(tmp_path) == tmp_path / "query.md"  # Markdown first


HANDOUT = r"""% !TEX program = xelatex
\documentclass{ctexart}
\usepackage{booktabs}
\title{课程作业：论文阅读报告}
\begin{document}
\maketitle
\section*{报告结构}
\begin{enumerate}[label=\textbf{\chinese*、}]
  \item \textbf{论文信息}：题目、\emph{全部}作者。
  \item \textbf{实验结果}：\textcolor{red}{必须包含一个对比表格}。
\end{enumerate}
\section*{引用格式}
\begin{tabular}{@{}ll@{}}
\toprule
来源 & 格式 \\
论文 & \verb|[文档: pdf.pdf, page N]| \\
\bottomrule
\end{tabular}
\section*{篇幅}
正文 1600--3000 字（引用标记不计入）。
% 旧版要求（已作废）：正文不少于 3500 字。
\end{document}
"""


def test_a_latex_handout_reads_as_what_it_would_show(tmp_path: Path) -> None:
    path = tmp_path / "query.md"
    path.write_text(HANDOUT, encoding="utf-8")
    text = read_query(path)
    lines = text.splitlines()
    assert lines[0] == "# 课程作业：论文阅读报告"
    assert "1. 论文信息：题目、全部作者。" in lines
    assert "2. 实验结果：必须包含一个对比表格。" in lines
    assert "论文  |  [文档: pdf.pdf, page N]" in lines  # \verb kept verbatim, cells split
    assert "3500" not in text and "\\" not in text  # the comment and the commands are gone
    derived = derive_requirements(text, "zh")
    assert [s.name for s in derived.sections] == ["论文信息", "实验结果"]
    assert derived.length is not None and (derived.length.min, derived.length.max) == (1600, 3000)


def test_a_tex_file_is_a_folders_query(tmp_path: Path) -> None:
    (tmp_path / "query.tex").write_text(HANDOUT, encoding="utf-8")
    assert find_query_file(tmp_path) == tmp_path / "query.tex"


NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "source": ["# 作业\n", "\n", "## 要求\n"]},
        {
            "cell_type": "markdown",
            "source": [
                "1. 报告分三个部分：\n",
                "   - 一、基本信息；\n",
                "   - 二、实验结果：必须包含一张对比表；\n",
                "   - 三、个人思考。\n",
                "2. 篇幅：中文 1500–3000 字。\n",
                "3. ~~旧版要求：不少于 3500 字~~（已取消）\n",
            ],
        },
        {"cell_type": "code", "source": ["ZH_RANGE = (1500, 9000)\n"]},
    ],
    "nbformat": 4,
}


def test_a_notebooks_markdown_cells_are_the_request_and_struck_text_is_cancelled(
    tmp_path: Path,
) -> None:
    path = tmp_path / "assignment.ipynb"
    path.write_text(json.dumps(NOTEBOOK, ensure_ascii=False), encoding="utf-8")
    assert find_query_file(tmp_path) == path
    text = read_query(path)
    assert "ZH_RANGE" not in text and "3500" not in text  # a code cell; a struck requirement
    derived = derive_requirements(text, "zh")
    # the nested parts only: "2. 篇幅" resumes the outer list and is no section
    assert [s.name for s in derived.sections] == ["一、基本信息", "二、实验结果", "三、个人思考"]
    assert derived.length is not None and (derived.length.min, derived.length.max) == (1500, 3000)
