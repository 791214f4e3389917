# ruff: noqa: E501  (report lines, cues and labels are data: one line each, so line numbers stay exact)
"""Write the independent attribution task folders ``corpora/attribution2`` deterministically.

Usage: ``python corpora/attribution2/build.py``

Three task folders in shapes the attribution code was not written around, each
with its own paper PDF (rendered here with pymupdf, author blocks carrying
affiliation markers and a corresponding-author mark), a talk with three speakers
(presenter, moderator, audience member) in Chinese and English, sidecars in
different shapes, the task's query in a file of the folder, and reports with
planted errors and correct statements as traps.

``tune/`` is for tuning; ``heldout/`` is only scored once the code is done.
The labels of each folder go to ``<split>/<folder>.labels.json``, next to (not
inside) the task folder: the code never reads them. A label is
``{"report", "line", "category", "note"}``; ``line`` null matches any line.
A trap is ``{"report", "line", "note"}``: a correct statement that must not be
flagged as an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent
PAGE = pymupdf.paper_rect("a4")
MARGIN = 60
MEDIA_STUB = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


# ------------------------------------------------------------------ reports


@dataclass
class Report:
    """A report written line by line; planted errors and traps tagged per line."""

    name: str
    lines: list[str] = field(default_factory=list)
    labels: list[dict[str, object]] = field(default_factory=list)
    traps: list[dict[str, object]] = field(default_factory=list)

    def add(self, text: str = "", *, error: str | None = None, trap: str | None = None,
            note: str = "") -> None:  # fmt: skip
        self.lines.append(text)
        line = len(self.lines)
        if error:
            self.labels.append({"report": self.name, "line": line, "category": error,
                                "note": note})  # fmt: skip
        if trap:
            self.traps.append({"report": self.name, "line": line, "note": trap})

    def missing(self, category: str, note: str) -> None:
        self.labels.append({"report": self.name, "line": None, "category": category,
                            "note": note})  # fmt: skip


def write_task(split: str, task: str, reports: list[Report]) -> Path:
    folder = ROOT / split / task
    (folder / "reports").mkdir(parents=True, exist_ok=True)
    labels, traps = [], []
    for report in reports:
        (folder / report.name).write_text("\n".join(report.lines) + "\n", encoding="utf-8")
        labels += report.labels
        traps += report.traps
    payload = {"task": task, "reports": [r.name for r in reports], "labels": labels,
               "traps": traps}  # fmt: skip
    (ROOT / split / f"{task}.labels.json").write_text(
        json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return folder


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def srt_time(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d},{int(seconds % 1 * 1000):03d}"


# ------------------------------------------------------------------ PDFs


@dataclass
class Run:
    """A piece of text on one line; ``rise`` > 0 makes it a small superscript."""

    text: str
    size: float = 10.0
    rise: float = 0.0


def write_paper(path: Path, head: list[list[Run]], body_pages: list[str], title: str) -> None:
    """Page 1: the head lines (title, author block, ...) run by run, then body text;
    the following pages: plain text boxes."""
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE.width, height=PAGE.height)
    font = pymupdf.Font("cjk")  # built in; has the markers ¹²³†‡ that helv lacks
    page.insert_font(fontname="head", fontbuffer=font.buffer)
    y = MARGIN + 20
    for line in head:
        size = max(r.size for r in line)
        x = (PAGE.width - sum(font.text_length(r.text, fontsize=r.size) for r in line)) / 2
        for run in line:
            page.insert_text((x, y - run.rise), run.text, fontsize=run.size, fontname="head")
            x += font.text_length(run.text, fontsize=run.size)
        y += size * 1.6
    box = pymupdf.Rect(MARGIN, y + 10, PAGE.width - MARGIN, PAGE.height - MARGIN)
    if page.insert_textbox(box, body_pages[0], fontsize=9.5, fontname="helv") < 0:
        raise SystemExit(f"{path}: page 1 overflows")
    for number, text in enumerate(body_pages[1:], start=2):
        page = doc.new_page(width=PAGE.width, height=PAGE.height)
        box = pymupdf.Rect(MARGIN, MARGIN, PAGE.width - MARGIN, PAGE.height - MARGIN)
        if page.insert_textbox(box, text, fontsize=9.5, fontname="helv") < 0:
            raise SystemExit(f"{path}: page {number} overflows")
    doc.set_metadata({"title": title, "creationDate": "D:20250301000000Z",
                      "modDate": "D:20250301000000Z"})  # fmt: skip
    doc.subset_fonts()
    doc.save(path, garbage=4, deflate=True, no_new_id=True)


def sup(text: str) -> Run:
    return Run(text, size=6.5, rise=4.0)


# ================================================================== task 1 (tune)

SELECTRAG_TITLE = "Calibrated Abstention for Retrieval-Augmented Question Answering"
SELECTRAG_PAGES = [
    """Abstract

Retrieval-augmented question answering systems answer confidently even when the retriever
returns nothing relevant. We present SelectRAG, a reader with a lightweight calibration head
that reads the question and the retrieved passages and predicts whether the answer will be
correct; below a threshold the system abstains. On Natural Questions, at 80% coverage,
SelectRAG raises accuracy from 71.3% to 84.6% and lowers the expected calibration error
(ECE) from 0.142 to 0.038. The head transfers to a BM25 retriever without retraining, with
ECE rising only to 0.051.

1 Introduction

Retrieval-augmented generation conditions a generator on passages fetched from a large
corpus (Lewis et al., 2020). Large language models are known to be reasonably well
calibrated about whether they know an answer (Kadavath et al., 2022), yet this knowledge is
rarely used to decide when a retrieval system should stay silent. Modern neural networks are
often over-confident, and temperature scaling is a simple remedy (Guo et al., 2017).

We propose SelectRAG, which adds a calibration head on top of the reader and trains it with
a selective-prediction loss. Our contributions are a calibration head that needs no change
to the retriever, an abstention threshold chosen on a development set for a target
coverage, and a study of transfer across retrievers.""",
    """2 Related Work

Selective prediction lets a classifier abstain on inputs it is unsure about (Geifman and
El-Yaniv, 2017). Dense passage retrieval replaced sparse retrieval for open-domain question
answering (Karpukhin et al., 2020). Kadavath et al. (2022) showed that language models
mostly know what they know when asked to evaluate their own answers.

3 Method

The calibration head of SelectRAG is a two-layer MLP over the reader's pooled hidden state.
It is trained for 3 epochs with a binary cross-entropy loss on whether the reader's answer
matches the gold answer. At inference time the system abstains whenever the predicted
confidence is below a threshold tau selected for 80% coverage on the development set.

4 Experiments

On Natural Questions at 80% coverage, accuracy rises from 71.3% to 84.6%; on TriviaQA from
78.0% to 88.2%. ECE falls from 0.142 to 0.038. Replacing the dense retriever with BM25
without retraining the head raises ECE only to 0.051.

References

Yonatan Geifman and Ran El-Yaniv. 2017. Selective classification for deep neural networks.
In NeurIPS.
Chuan Guo, Geoff Pleiss, Yu Sun, and Kilian Q. Weinberger. 2017. On calibration of modern
neural networks. In ICML.
Saurav Kadavath, Tom Conerly, Amanda Askell, et al. 2022. Language models (mostly) know
what they know. arXiv preprint.
Vladimir Karpukhin, Barlas Oguz, Sewon Min, et al. 2020. Dense passage retrieval for
open-domain question answering. In EMNLP.
Patrick Lewis, Ethan Perez, Aleksandra Piktus, et al. 2020. Retrieval-augmented generation
for knowledge-intensive NLP tasks. In NeurIPS.""",
]
SELECTRAG_HEAD = [
    [Run("Proceedings of NAACL 2025", size=8)],
    [Run(SELECTRAG_TITLE, size=15)],
    [
        Run(
            "Haoran Chen\u00b9\u2020   Sofia Marquez\u00b2\u2020   Jun-ho Park\u00b9   Lukas Weber\u00b3*",
            11,
        )
    ],
    [
        Run(
            "\u00b9Zhejiang University   \u00b2Universidad de Buenos Aires   \u00b3ETH Z\u00fcrich",
            9,
        )
    ],
    [Run("\u2020Equal contribution.   *Corresponding author: lukas.weber@inf.ethz.ch", 8)],
]


def task_selectrag() -> None:
    reports = []
    r = Report("reports/report_a.md")
    r.add("# SelectRAG 论文与讲座学习报告")
    r.add()
    r.add("## 一、论文基本信息")
    r.add()
    r.add("- 标题：Calibrated Abstention for Retrieval-Augmented Question Answering（NAACL 2025）")
    r.add("- 作者：Haoran Chen、Sofia Marquez、Jun-ho Park、Lukas Weber [文档: paper.pdf, page 1]",
          trap="author line right; the PDF marks names with ¹²³†*")  # fmt: skip
    r.add("- 第一作者为陈浩然（Haoran Chen），通讯作者为 Lukas Weber [文档: paper.pdf, page 1]。",
          trap="first author in Chinese, corresponding author right")  # fmt: skip
    r.add("- 讲座：由陈浩然主讲，浙江大学的周雨桐主持 [视频: video.mp4]。",
          trap="presenter and moderator right; 浙江大学 is no person")  # fmt: skip
    r.add()
    r.add("## 二、核心方法")
    r.add()
    r.add(
        "SelectRAG 在读取器之上加入校准头，置信度低于阈值时系统选择弃答 [文档: paper.pdf, page 1]。"
    )
    r.add("Lewis 等提出了检索增强生成的框架 [文档: paper.pdf, page 1]。",
          trap="finding credited as the paper credits it")  # fmt: skip
    r.add("Kadavath 等指出语言模型大体知道自己知道什么 [文档: paper.pdf, page 2]。",
          trap="finding credited as the paper credits it")  # fmt: skip
    r.add("校准头是一个两层 MLP，训练 3 个 epoch [文档: paper.pdf, page 2]。")
    r.add()
    r.add("## 三、实验结果")
    r.add()
    r.add(
        "在 Natural Questions 上覆盖率为 80% 时，准确率从 71.3% 提升到 84.6% [文档: paper.pdf, page 2]。"
    )
    r.add()
    r.add("## 四、视频补充要点")
    r.add()
    r.add("主持人周雨桐开场介绍了这项发表在 NAACL 2025 的工作 [视频: video.mp4]。",
          trap="moderator's remark given to the moderator")  # fmt: skip
    r.add("Chen Hao-ran 在讲座中指出，覆盖率 80% 时准确率从 71.3% 提高到 84.6% [视频: video.mp4]。",
          trap="presenter in surname-first hyphenated pinyin; the transcript labels him 陈浩然")  # fmt: skip
    r.add("讲者展示了可靠性曲线的幻灯片，ECE 从 0.142 降到 0.038 [视频: video.mp4]。",
          trap="backed by transcript and keyframe")  # fmt: skip
    r.add("观众 Priya Natarajan 提问校准头能否迁移到新的检索器 [视频: video.mp4]。",
          trap="audience question given to the audience member")  # fmt: skip
    r.add("陈浩然还现场演示了一个医疗问答系统，演示中系统拒绝回答了 3 个问题 [视频: video.mp4]。",
          error="fabricated-video-detail", note="no live demo in the talk")  # fmt: skip
    r.add()
    r.add("## 五、总结与思考")
    r.add()
    r.add("SelectRAG 的思路简单，值得在检索问答系统中尝试。")
    r.add()
    r.add("（全文约1500字，结构完整，引用规范）", trap="statement about the report itself")
    reports.append(r)

    r = Report("reports/report_b.md")
    r.add("# 学习报告：检索增强问答中的校准弃答")
    r.add()
    r.add("## 1. 论文基本信息")
    r.add()
    r.add("论文作者为 Haoran Chen 等四人，来自浙江大学、布宜诺斯艾利斯大学和苏黎世联邦理工学院 [文档: paper.pdf, page 1]。",
          trap="affiliations in Chinese are no names")  # fmt: skip
    r.add("本文的通讯作者是 Haoran Chen [文档: paper.pdf, page 1]。",
          error="wrong-speaker", note="corresponding author is Lukas Weber")  # fmt: skip
    r.add("讲座主讲人：周雨桐 [视频: video.mp4]",
          error="wrong-speaker", note="周雨桐 is the moderator; the presenter is 陈浩然")  # fmt: skip
    r.add()
    r.add("## 2. 核心方法")
    r.add()
    r.add("Guo 等提出了 SelectRAG 的校准头，用两层 MLP 预测答案是否正确 [文档: paper.pdf, page 2]。",
          error="wrong-speaker", note="the calibration head is the paper's own work")  # fmt: skip
    r.add("Karpukhin 等提出的稠密检索取代了稀疏检索 [文档: paper.pdf, page 2]。",
          trap="finding credited as the paper credits it")  # fmt: skip
    r.add()
    r.add("## 3. 实验结果")
    r.add()
    r.add("在 TriviaQA 上准确率从 78.0% 提升到 88.2% [文档: paper.pdf, page 2]。")
    r.add()
    r.add("## 4. 视频补充要点")
    r.add()
    r.add("主持人 Yutong Zhou 在开场介绍了讲者 [视频: video.mp4]。",
          trap="moderator named by her meta name_en")  # fmt: skip
    r.add("陈浩然在讲座中强调，弃答率过高会损害用户体验，这是工业部署中的现实问题 [视频: video.mp4]。",
          error="wrong-speaker", note="the moderator 周雨桐 said this, not the presenter")  # fmt: skip
    r.add("讲者在视频最后宣布代码将于下个月开源 [视频: video.mp4]。",
          error="fabricated-video-detail", note="never said")  # fmt: skip
    r.add("陈浩然回答说，换成 BM25 检索器后未重新训练，ECE 只上升到 0.051 [视频: video.mp4]。",
          trap="presenter's answer given to the presenter")  # fmt: skip
    r.add("陈浩然提问，校准头能否在不重新训练的情况下迁移到新的检索器 [视频: video.mp4]。",
          error="wrong-speaker", note="Priya Natarajan asked this, in English")  # fmt: skip
    r.add("观众提出的问题是校准头能否迁移到新的检索器而无需重新训练 [视频: video.mp4]。",
          trap="Chinese claim on the English question, backed")  # fmt: skip
    reports.append(r)
    r.missing("missing-section", "query.md asks for 总结与思考")

    r = Report("reports/report_c.md")
    r.add("# Reading report: SelectRAG")
    r.add()
    r.add("## 1. Paper information")
    r.add()
    r.add("Chen Haoran is the first author of the paper [Doc: paper.pdf, page 1].",
          trap="first author, surname first")  # fmt: skip
    r.add("Lukas Weber is the corresponding author [Doc: paper.pdf, page 1].", trap="right")
    r.add("The first author of the paper is Sofia Marquez [Doc: paper.pdf, page 1].",
          error="wrong-speaker", note="first author is Haoran Chen (equal contribution is no first authorship)")  # fmt: skip
    r.add()
    r.add("## 2. Core method")
    r.add()
    r.add(
        "A two-layer MLP head predicts whether the reader's answer is correct [Doc: paper.pdf, page 2]."
    )
    r.add()
    r.add("## 3. Results")
    r.add()
    r.add("ECE falls from 0.142 to 0.038 [Doc: paper.pdf, page 2].")
    r.add()
    r.add("## 4. Video highlights")
    r.add()
    r.add("The talk was presented by Sofia Marquez [Video: video.mp4].",
          error="wrong-speaker", note="presenter is Haoran Chen")  # fmt: skip
    r.add("The moderator, Priya Natarajan, opened the session [Video: video.mp4].",
          error="wrong-speaker", note="Priya Natarajan asked a question from the audience")  # fmt: skip
    r.add("Haoran Chen answered that with BM25 the ECE only rose to 0.051 [Video: video.mp4].",
          trap="presenter's answer")  # fmt: skip
    r.add("In the video, the speaker walks through results on a medical QA benchmark [Video: video.mp4].",
          error="fabricated-video-detail", note="no medical benchmark in the talk")  # fmt: skip
    r.add()
    r.add("## 5. Summary and reflections")
    r.add()
    r.add("Abstention is a cheap way to make RAG systems more trustworthy.")
    r.add()
    r.add("Word count: approximately 1,200 words", trap="statement about the report itself")
    reports.append(r)

    r = Report("reports/report_d.md")
    r.add("# SelectRAG talk notes (English notes on a Chinese talk)")
    r.add()
    r.add("## Summary and reflections")
    r.add()
    r.add("Abstention makes retrieval QA more honest [Doc: paper.pdf, page 1].")
    r.add()
    r.add("## Talk highlights")
    r.add()
    r.add("Haoran Chen explained that the calibration head reads the question and the retrieved passages and outputs a confidence [Video: video.mp4].",
          trap="cross-language: the turn is in Chinese")  # fmt: skip
    r.add("The moderator, Yutong Zhou, added that too many abstentions hurt the user experience in industrial deployments [Video: video.mp4].",
          trap="cross-language remark, right speaker")  # fmt: skip
    r.add("According to the talk, switching to BM25 without retraining raised ECE only to 0.051 [Video: video.mp4].",
          trap="cross-language, backed")  # fmt: skip
    r.add("Yutong Zhou closed the session by thanking the speaker [Video: video.mp4].",
          trap="cross-language, backed")  # fmt: skip
    r.add("Haoran Chen said that the system has been deployed in a hospital since last year [Video: video.mp4].",
          error="fabricated-video-detail", note="never said")  # fmt: skip
    r.add("Haoran Chen stressed that too many abstentions hurt the user experience in industrial deployments [Video: video.mp4].",
          error="wrong-speaker", note="the moderator said it, in Chinese")  # fmt: skip
    reports.append(r)

    folder = write_task("tune", "selectrag", reports)
    write_paper(folder / "paper.pdf", SELECTRAG_HEAD, SELECTRAG_PAGES, SELECTRAG_TITLE)
    (folder / "video.mp4").write_bytes(MEDIA_STUB)
    write_json(folder / "video.meta.json", {
        "title": "NLP 前沿讲座：检索增强问答中的校准弃答",
        "language": "zh",
        "speakers": [
            {"name": "周雨桐", "name_en": "Yutong Zhou", "role": "moderator", "affiliation": "浙江大学"},
            {"name": "陈浩然", "name_en": "Haoran Chen", "role": "presenter",
             "affiliation": "Zhejiang University"},
            {"name": "Priya Natarajan", "role": "audience"},
        ],
    })  # fmt: skip
    cues = [
        (0, 12, "[周雨桐] 大家好，欢迎来到本期 NLP 前沿讲座。今天我们请到浙江大学的陈浩然博士，介绍他们发表在 NAACL 2025 的校准弃答工作。"),
        (12, 35, "[陈浩然] 谢谢雨桐。检索增强问答的一个老问题是：检索不到证据时模型仍然自信地作答。我们的方法叫 SelectRAG，在证据不足时选择弃答。"),
        (35, 65, "[陈浩然] 核心是一个校准头，它读取问题和检索段落，输出置信度，低于阈值就弃答。在 Natural Questions 上覆盖率保持 80% 时，准确率从 71.3% 提高到 84.6%。"),
        (65, 90, "[陈浩然] 这张图是可靠性曲线，校准误差 ECE 从 0.142 降到 0.038。"),
        (90, 110, "[周雨桐] 我想补充一点：弃答率过高会损害用户体验，这在工业部署里是个现实问题。"),
        (110, 140, "[Priya Natarajan] Thanks for the talk. Does the calibration head transfer to a new retriever without retraining?"),
        (140, 165, "[陈浩然] 好问题。换成 BM25 检索器后我们没有重新训练，ECE 只上升到 0.051，所以基本可以迁移。"),
        (165, 180, "[周雨桐] 感谢浩然的精彩分享，今天的讲座就到这里。"),
    ]  # fmt: skip
    blocks = [
        f"{i}\n{srt_time(a)} --> {srt_time(b)}\n{text}\n" for i, (a, b, text) in enumerate(cues, 1)
    ]
    (folder / "video.zh.srt").write_text("\n".join(blocks), encoding="utf-8")
    write_json(folder / "video.keyframes.json", [
        {"timestamp": 40, "caption": "Slide: SelectRAG architecture - retriever, reader, calibration head"},
        {"timestamp": 70, "caption": "Slide: reliability diagram, ECE 0.142 -> 0.038"},
        {"timestamp": 115, "caption": "Q&A: audience member at the microphone"},
    ])  # fmt: skip
    (folder / "query.md").write_text(
        "# 任务\n\n请阅读 paper.pdf 并观看讲座 video.mp4，撰写一份中文学习报告，不少于600字。"
        "报告须包含以下部分：（1）论文基本信息；（2）核心方法；（3）实验结果；"
        "（4）视频补充要点；（5）总结与思考。\n",
        encoding="utf-8",
    )


# ================================================================== task 2 (held out)

WATERMARK_TITLE = "Paraphrase-Robust Token Watermarks Are Less Robust Than Reported"
WATERMARK_PAGES = [
    """Abstract

Token-level watermarks for language model output are said to survive paraphrasing. We
re-evaluate three published schemes under five paraphrasers and find that detection
rates fall from 97% to between 41% and 63% once the paraphraser is instructed to change
word order. A simple defence, SynthMark, that keys the watermark on syntactic roles rather
than on tokens keeps detection at 88% under the same attacks.

1 Introduction

Kirchenbauer et al. (2023) proposed a green-list watermark that biases generation towards
a pseudo-random subset of the vocabulary. Paraphrasing attacks rewrite a watermarked text
with a second model (Krishna et al., 2023). We show that reported robustness depends on
paraphrasers that barely reorder words.""",
    """2 Method

SynthMark assigns the green list from the dependency role of the previous token instead of
its identity. We train no additional model; the parser is an off-the-shelf dependency
parser. Detection uses a one-sided z-test with threshold 4.

3 Results

Under the word-order paraphraser, detection of the green-list watermark falls to 41%,
while SynthMark keeps 88% at a false-positive rate of 1%. Text quality, measured by
perplexity under a 7B model, degrades by 0.6 points.

References

John Kirchenbauer, Jonas Geiping, Yuxin Wen, et al. 2023. A watermark for large language
models. In ICML.
Kalpesh Krishna, Yixiao Song, Marzena Karpinska, et al. 2023. Paraphrasing evades
detectors of AI-generated text. In NeurIPS.""",
]
WATERMARK_HEAD = [
    [Run("Findings of EMNLP 2025", size=8)],
    [Run(WATERMARK_TITLE, size=14)],
    [Run("Qiaoyu Lin", 11), sup("1"), Run("     Wen-Jie Zhao", 11), sup("2,*"),
     Run("     Amara Okeke", 11), sup("1"), Run("     Dmitri Volkov", 11), sup("2")],
    [sup("1"), Run("Fudan University, Shanghai     ", 9), sup("2"), Run("University of Toronto", 9)],
    [sup("*"), Run("Corresponding author. wjzhao@cs.toronto.edu", 8)],
]  # fmt: skip


def task_watermark() -> None:
    reports = []
    r = Report("reports/watermark_zh.md")
    r.add("# 水印鲁棒性论文阅读报告")
    r.add()
    r.add("**一、论文基本信息**")
    r.add()
    r.add("作者：Qiaoyu Lin, Wen-Jie Zhao, Amara Okeke, Dmitri Volkov [文档: paper.pdf, page 1]",
          trap="authors right; PDF has small raised markers")  # fmt: skip
    r.add("第一作者林乔雨来自复旦大学，通讯作者是赵文杰（Wen-Jie Zhao）[文档: paper.pdf, page 1]。",
          trap="first and corresponding author right, in Chinese")  # fmt: skip
    r.add("讲座由林乔雨主讲，多伦多大学的 Dmitri Volkov 担任主持 [视频: talk.mp4]。",
          trap="presenter and moderator right")  # fmt: skip
    r.add()
    r.add("**二、核心内容**")
    r.add()
    r.add("Kirchenbauer 等提出了基于绿色词表的水印方法 [文档: paper.pdf, page 1]。",
          trap="credited as the paper credits it")  # fmt: skip
    r.add("Krishna 等提出了 SynthMark，用句法角色决定绿色词表 [文档: paper.pdf, page 2]。",
          error="wrong-speaker", note="SynthMark is the paper's own method")  # fmt: skip
    r.add()
    r.add("**三、视频补充要点**")
    r.add()
    r.add("Lin Qiao-yu 在演讲中介绍，改变语序的改写会让检测率从 97% 降到 41% 左右 [视频: talk.mp4]。",
          trap="presenter, surname-first hyphenated pinyin")  # fmt: skip
    r.add("主持人王磊提问 SynthMark 对文本质量的影响 [视频: talk.mp4]。",
          error="wrong-speaker", note="王磊 is an audience member; the moderator is Dmitri Volkov")  # fmt: skip
    r.add("林乔雨回答，困惑度只上升了 0.6 [视频: talk.mp4]。", trap="presenter's answer")
    r.add("林乔雨在演讲中指出，水印研究需要更严格的评测标准，不能只看少改语序的改写器 [视频: talk.mp4]。",
          error="wrong-speaker", note="the moderator Dmitri Volkov said this")  # fmt: skip
    r.add("视频中展示了一段实时攻击演示，攻击者在 10 秒内去除了水印 [视频: talk.mp4]。",
          error="fabricated-video-detail", note="no live attack demo")  # fmt: skip
    r.add()
    r.add("**四、个人思考**")
    r.add()
    r.add("句法层面的水印是一个有意思的方向。")
    r.add()
    r.add("（本报告约800字）", trap="statement about the report itself")
    reports.append(r)

    r = Report("reports/watermark_en.md")
    r.add("# Reading report: token watermarks under paraphrase")
    r.add()
    r.add("## Basic information")
    r.add()
    r.add("Authors: Qiaoyu Lin, Wen-Jie Zhao, Amara Okeke, Dmitri Volkov [Doc: paper.pdf, page 1]",
          trap="right")  # fmt: skip
    r.add("The corresponding author is Qiaoyu Lin [Doc: paper.pdf, page 1].",
          error="wrong-speaker", note="corresponding author is Wen-Jie Zhao")  # fmt: skip
    r.add("The talk was given by Dmitri Volkov [Video: talk.mp4].",
          error="wrong-speaker", note="Volkov moderated; Qiaoyu Lin presented")  # fmt: skip
    r.add()
    r.add("## Content")
    r.add()
    r.add("Kirchenbauer et al. (2023) proposed the green-list watermark [Doc: paper.pdf, page 1].",
          trap="right")  # fmt: skip
    r.add("Detection falls to 41% under the word-order paraphraser [Doc: paper.pdf, page 2].")
    r.add()
    r.add("## Talk highlights")
    r.add()
    r.add("Presented by Qiaoyu Lin, the talk opens with the 97% detection rate reported in earlier work [Video: talk.mp4].",
          trap="presenter right")  # fmt: skip
    r.add("An audience member, Wang Lei, asked how SynthMark affects text quality [Video: talk.mp4].",
          trap="audience member in pinyin; the meta gives 王磊 only")  # fmt: skip
    r.add("Qiaoyu Lin said that the parser runs on a GPU cluster with 64 A100s [Video: talk.mp4].",
          error="fabricated-video-detail", note="never said")  # fmt: skip
    r.add("The slides show a table of five paraphrasers [Video: talk.mp4].",
          trap="keyframe shows it")  # fmt: skip
    r.add()
    r.add("Word count: about 650 words.", trap="statement about the report itself")
    reports.append(r)

    folder = write_task("heldout", "watermark", reports)
    write_paper(folder / "paper.pdf", WATERMARK_HEAD, WATERMARK_PAGES, WATERMARK_TITLE)
    (folder / "talk.mp4").write_bytes(MEDIA_STUB)
    write_json(folder / "talk.meta.json", {
        "title": "Watermarks under paraphrase (reading group recording)",
        "presenter": "林乔雨",
        "transcript": "sidecars/talk_whisperx.json",
        "keyframes": "sidecars/frames.json",
        "speakers": [
            {"id": "SPEAKER_00", "name": "Dmitri Volkov", "role": "moderator",
             "affiliation": "University of Toronto"},
            {"id": "SPEAKER_01", "name": "林乔雨", "aliases": ["Qiaoyu Lin"], "role": "presenter"},
            {"id": "SPEAKER_02", "name": "王磊", "role": "audience"},
        ],
    })  # fmt: skip
    segments = [
        (0.0, 14.2, "SPEAKER_00", "Welcome everyone. Today Qiaoyu Lin from Fudan will tell us why watermarks break under paraphrasing."),
        (14.2, 40.8, "SPEAKER_01", "谢谢 Dmitri。之前的工作报告说，水印在改写后检测率仍有 97%。"),
        (40.8, 71.5, "SPEAKER_01", "但是只要让改写模型改变语序，检测率就掉到 41% 到 63% 之间。我们测了五种改写器。"),
        (71.5, 98.0, "SPEAKER_01", "我们的方法 SynthMark 用依存句法角色来决定绿色词表，在同样的攻击下检测率还有 88%。"),
        (98.0, 118.3, "SPEAKER_00", "I would add that watermark papers need stricter evaluation; paraphrasers that barely reorder words are not enough."),
        (118.3, 135.0, "SPEAKER_02", "请问 SynthMark 对生成文本的质量有多大影响？"),
        (135.0, 152.6, "SPEAKER_01", "影响很小，用 7B 模型测的困惑度只上升了 0.6。"),
        (152.6, 160.0, "SPEAKER_00", "Thank you, Qiaoyu. Let's thank our speaker."),
    ]  # fmt: skip
    write_json(folder / "sidecars" / "talk_whisperx.json", {
        "language": "zh",
        "segments": [{"start": a, "end": b, "speaker": s, "text": t,
                      "words": []} for a, b, s, t in segments],
    })  # fmt: skip
    write_json(folder / "sidecars" / "frames.json", [
        {"t": 20.0, "ocr": "Prior work: 97% detection after paraphrase"},
        {"t": 55.0, "ocr": "Table: five paraphrasers, detection 41%-63% with word-order change"},
        {"t": 80.0, "ocr": "SynthMark: green list keyed on dependency role"},
    ])  # fmt: skip
    (folder / "task.md").write_text(
        "Task: read paper.pdf and watch talk.mp4, then write a reading report of at least 300 words.\n"
        "The report must include: Basic information; Content; Talk highlights.\n",
        encoding="utf-8",
    )


# ================================================================== task 3 (held out)

ROUTER_TITLE = "Mixture-of-Experts Routers Forget: Measuring Expert Drift in Continual Pretraining"
ROUTER_PAGES = [
    """Abstract

We measure how the routers of mixture-of-experts language models change during continual
pretraining on a new domain. Over 40B tokens of code, 31% of the tokens that were routed to
an expert before continual pretraining are routed elsewhere afterwards, and perplexity on
the original domain rises by 9%. Freezing the router for the first 10% of steps halves the
drift and the perplexity increase.

1 Introduction

Sparse mixture-of-experts layers route each token to a few experts (Shazeer et al., 2017).
Switch Transformers simplified routing to a single expert per token (Fedus et al., 2022).
Catastrophic forgetting in continual learning is a long-standing problem (Kirkpatrick et
al., 2017). We introduce expert drift, the share of tokens whose top expert changes.""",
    """2 Results

Expert drift reaches 31% after 40B tokens. Freezing the router for the first 10% of steps
reduces drift to 15% and the perplexity increase on the original domain from 9% to 4%.

References

William Fedus, Barret Zoph, and Noam Shazeer. 2022. Switch transformers. JMLR.
James Kirkpatrick, Razvan Pascanu, Neil Rabinowitz, et al. 2017. Overcoming catastrophic
forgetting in neural networks. PNAS.
Noam Shazeer, Azalia Mirhoseini, Krzysztof Maziarz, et al. 2017. Outrageously large neural
networks: the sparsely-gated mixture-of-experts layer. In ICLR.""",
]
ROUTER_HEAD = [
    [Run("arXiv preprint, 2025", size=8)],
    [Run(ROUTER_TITLE, size=13)],
    [Run("Mei Tanaka1,2   Oskar Lindgren2   Wei Zhang1,*", 11)],
    [Run("1Kyoto University   2Chalmers University of Technology", 9)],
    [Run("mei.tanaka@kyoto-u.ac.jp   oskar.lindgren@chalmers.se   *zhangwei@kyoto-u.ac.jp", 8)],
]


def task_router() -> None:
    r = Report("reports/router_report.md")
    r.add("# Expert drift: a reading report")
    r.add()
    r.add("## Summary")
    r.add()
    r.add("Authors: Mei Tanaka, Oskar Lindgren, Wei Zhang [Doc: paper.pdf, page 1]", trap="right")
    r.add("Wei Zhang (张伟) is the corresponding author [Doc: paper.pdf, page 1].",
          trap="corresponding author right")  # fmt: skip
    r.add("Over 40B tokens, 31% of tokens change their top expert [Doc: paper.pdf, page 1].")
    r.add()
    r.add("## Method")
    r.add()
    r.add("Fedus et al. (2022) simplified routing to one expert per token [Doc: paper.pdf, page 1].",
          trap="right")  # fmt: skip
    r.add("Kirkpatrick et al. (2017) introduced expert drift [Doc: paper.pdf, page 1].",
          error="wrong-speaker", note="expert drift is the paper's own measure")  # fmt: skip
    r.add()
    r.add("## Talk highlights")
    r.add()
    r.add("The talk was given by Mei Tanaka and moderated by Rahul Iyer [Video: video.mp4].",
          trap="both right")  # fmt: skip
    r.add("Rahul Iyer explained that freezing the router halves the drift [Video: video.mp4].",
          error="wrong-speaker", note="the presenter Mei Tanaka explained it; Iyer moderated")  # fmt: skip
    r.add("Li Na from the audience asked whether the result holds for dense models [Video: video.mp4].",
          trap="audience question, pinyin of 李娜")  # fmt: skip
    r.add("Mei Tanaka showed a slide with the drift curve over 40B tokens [Video: video.mp4].",
          trap="keyframe shows it")  # fmt: skip
    r.add("The speaker also reported that drift is lower for models with more than 64 experts [Video: video.mp4].",
          error="fabricated-video-detail", note="never said")  # fmt: skip
    r.add("Presenter: Oskar Lindgren", error="wrong-speaker", note="presenter is Mei Tanaka")
    r.add()
    r.add("(about 350 words)", trap="statement about the report itself")
    r.missing("missing-section", "prompt.txt asks for a Critique section")

    folder = write_task("heldout", "router", [r])
    write_paper(folder / "paper.pdf", ROUTER_HEAD, ROUTER_PAGES, ROUTER_TITLE)
    (folder / "video.mp4").write_bytes(MEDIA_STUB)
    write_json(folder / "video.meta.json", {
        "title": "Expert drift in continual pretraining",
        "presenter": "Mei Tanaka",
        "speakers": ["Mei Tanaka", "Rahul Iyer", "李娜"],
        "language": "en",
    })  # fmt: skip
    cues = [
        (0, 10, "Rahul Iyer", "Good afternoon. I'm Rahul Iyer and I'll moderate today. Our speaker is Mei Tanaka."),
        (10, 38, "Mei Tanaka", "Thanks Rahul. When we continue pretraining an MoE model on code, 31% of tokens change their top expert after 40B tokens."),
        (38, 60, "Mei Tanaka", "This slide shows the drift curve. Freezing the router for the first 10% of steps halves the drift."),
        (60, 75, "李娜", "Thank you. 我想问一下，这个结论对 dense 模型也成立吗？"),
        (75, 92, "Mei Tanaka", "Dense models have no router, so we measure forgetting only through perplexity there."),
        (92, 100, "Rahul Iyer", "Let's thank Mei again."),
    ]  # fmt: skip
    vtt = ["WEBVTT", ""]
    for a, b, who, text in cues:
        stamp = f"{srt_time(a).replace(',', '.')} --> {srt_time(b).replace(',', '.')}"
        vtt += [stamp, f"<v {who}>{text}", ""]
    (folder / "video.en.vtt").write_text("\n".join(vtt), encoding="utf-8")
    write_json(folder / "video.keyframes.json", [
        {"start": 45, "description": "Slide: expert drift curve over 40B tokens of code"},
        {"start": 62, "description": "Audience member at the microphone"},
    ])  # fmt: skip
    (folder / "prompt.txt").write_text(
        "Write an English reading report (at least 150 words) on paper.pdf and video.mp4.\n"
        "Required sections:\n1) Summary\n2) Method\n3) Talk highlights\n4) Critique\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    task_selectrag()
    task_watermark()
    task_router()
