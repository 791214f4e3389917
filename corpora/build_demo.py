"""Write the demo task folder ``corpora/demo`` deterministically.

Usage: ``python corpora/build_demo.py [--out corpora/demo] [--fillers 3000]``

It writes the paper PDF, the document collection (15 relevant articles plus
seeded filler documents) with the agent's chunk map, a few seconds of silent
video with its transcript, metadata and keyframe sidecars, and the agent's run
log. The reports in ``reports/`` and ``expected.json`` are hand-written and are
not touched. The text of the sources lives in ``demo_paper.py``,
``demo_web.py`` and ``demo_video.py`` next to this script.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parent))

import demo_paper
import demo_video
import demo_web

CHUNK_CHARS = 400  # the agent's RAG tool chunked at 400 characters (see the chunk map)
PAGE_RECT = pymupdf.paper_rect("a4")
MARGIN = 64
SEED = 20250424


# ------------------------------------------------------------------------- PDF


def write_pdf(path: Path) -> int:
    """Render the paper, one text box per page; returns the page count."""
    doc = pymupdf.open()
    box = pymupdf.Rect(MARGIN, MARGIN, PAGE_RECT.width - MARGIN, PAGE_RECT.height - MARGIN)
    for number, text in enumerate(demo_paper.PAGES, start=1):
        page = doc.new_page(width=PAGE_RECT.width, height=PAGE_RECT.height)
        left = page.insert_textbox(box, text, fontsize=9.5, fontname="helv")
        if left < 0:
            raise SystemExit(f"page {number} overflows its text box by {-left:.0f} pt")
        page.insert_text((PAGE_RECT.width / 2 - 4, PAGE_RECT.height - 30), str(number), fontsize=9)
    doc.set_metadata(
        {
            "title": demo_paper.TITLE.title(),
            "author": ", ".join(demo_paper.AUTHORS),
            "subject": demo_paper.VENUE,
            "creationDate": "D:20250301000000Z",
            "modDate": "D:20250301000000Z",
        }
    )
    doc.save(path, garbage=4, deflate=True, no_new_id=True)
    return len(demo_paper.PAGES)


# ------------------------------------------------------------------ collection


def chunk_document(title: str, paragraphs: list[str]) -> list[str]:
    """The default chunker's rule: title line, then paragraphs packed to CHUNK_CHARS."""
    chunks: list[str] = []
    current = ""
    for piece in [title, *paragraphs]:
        if len(piece) > CHUNK_CHARS:
            raise ValueError(f"paragraph of {title!r} longer than {CHUNK_CHARS} characters")
        joined = f"{current}\n{piece}" if current else piece
        if len(joined) <= CHUNK_CHARS:
            current = joined
        else:
            chunks.append(current)
            current = piece
    chunks.append(current)
    return chunks


_TOPICS = [
    "大模型",
    "向量数据库",
    "知识图谱",
    "推荐系统",
    "计算机视觉",
    "语音识别",
    "强化学习",
    "联邦学习",
    "图神经网络",
    "扩散模型",
    "多模态",
    "检索增强生成",
    "模型量化",
    "分布式训练",
    "提示工程",
    "智能体",
    "数据标注",
    "云原生",
    "边缘计算",
    "自动驾驶",
    "机器翻译",
    "文本分类",
    "时间序列预测",
]
_FORMS = [
    "入门教程：从零开始的{n}个步骤",
    "实战笔记（附完整代码）",
    "面试题整理：高频考点{n}道",
    "学习路线图，收藏这一篇就够了",
    "原理详解与应用场景分析",
    "踩坑记录：{n}个常见错误",
    "行业报告解读（{year}年）",
    "开源项目推荐TOP{n}",
    "部署指南：环境配置全过程",
    "课程笔记第{n}讲",
]
_SITES = [
    "-CSDN博客",
    "_百度百科",
    "-知乎",
    "-今日头条",
    "-哔哩哔哩",
    "-腾讯云开发者社区",
    "-人人文库",
]
_SENTENCES = [
    "{topic}近年来发展迅速，已经在{field}等领域得到广泛应用。",
    "本文整理了{topic}的基本概念、常用工具和典型案例，适合初学者阅读。",
    "在实际项目中，{topic}的效果很大程度上取决于数据质量和工程实现。",
    "很多读者在学习{topic}时会遇到环境配置问题，下面给出{n}个常见解决办法。",
    "据统计，{year}年国内{topic}相关岗位的招聘需求同比增长了{pct}%。",
    "{topic}与传统方法相比，优势在于可扩展性强、维护成本低。",
    "如果你对{topic}感兴趣，建议先掌握Python基础和线性代数知识。",
    "文末附有学习资料和参考链接，欢迎点赞、收藏、关注。",
    "以下内容根据公开课程和官方文档整理，如有错误欢迎在评论区指出。",
    "{topic}的核心流程可以概括为数据准备、模型构建、训练评估和上线部署四个阶段。",
]
_FIELDS = ["金融", "医疗", "教育", "电商", "制造", "政务", "交通", "能源"]


def filler_documents(count: int, rng: random.Random) -> Iterable[dict[str, str]]:
    """Plausible but irrelevant web pages, as the real collections are mostly noise."""
    seen: set[str] = set()
    while len(seen) < count:
        topic = rng.choice(_TOPICS)
        values = {
            "topic": topic,
            "n": rng.randint(3, 30),
            "year": rng.randint(2019, 2025),
            "pct": rng.randint(5, 80),
            "field": "、".join(rng.sample(_FIELDS, 2)),
        }
        title = topic + rng.choice(_FORMS).format(**values) + rng.choice(_SITES)
        if title in seen:
            title = f"{title}（{len(seen)}）"
        seen.add(title)
        paragraphs = [
            "".join(rng.choice(_SENTENCES).format(**values) for _ in range(rng.randint(3, 6)))
            for _ in range(rng.randint(2, 4))
        ]
        yield {"title": title, "content": "\n".join(paragraphs)}


def write_collection(out: Path, fillers: int) -> int:
    """long_context.json (relevant articles spread among fillers) and its chunk map."""
    rng = random.Random(SEED)
    documents = list(filler_documents(fillers, rng))
    for title, paragraphs in demo_web.ARTICLES:
        documents.insert(
            rng.randrange(len(documents) + 1), {"title": title, "content": "\n".join(paragraphs)}
        )
    with (out / "long_context.json").open("w", encoding="utf-8") as handle:
        json.dump(documents, handle, ensure_ascii=False, indent=1)
    with (out / "long_context.chunks.jsonl").open("w", encoding="utf-8") as handle:
        for title, paragraphs in demo_web.ARTICLES:
            for number, text in enumerate(chunk_document(title, paragraphs)):
                row = {"title": title, "chunk": number, "text": text}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(documents)


# ----------------------------------------------------------------------- video


def write_video(path: Path, seconds: int = 3) -> None:
    """A few seconds of silent, slowly changing grey frames (MPEG-4 part 2)."""
    import av
    import numpy as np

    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("mpeg4", rate=5)
        stream.width, stream.height, stream.pix_fmt = 96, 64, "yuv420p"
        for index in range(seconds * 5):
            shade = 40 + index * 10
            image = np.full((64, 96, 3), shade, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def write_video_sidecars(out: Path) -> None:
    """Transcript, metadata and keyframe notes next to video.mp4."""
    _write_json(out / "video.transcript.json", demo_video.transcript_segments())
    _write_json(out / "video.meta.json", demo_video.META)
    _write_json(out / "video.keyframes.json", demo_video.KEYFRAMES)


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------- trace


def _chunk_text(title: str, number: int) -> str:
    paragraphs = dict(demo_web.ARTICLES)[title]
    return chunk_document(title, paragraphs)[number]


def _article(prefix: str) -> str:
    matches = [title for title, _ in demo_web.ARTICLES if title.startswith(prefix)]
    if len(matches) != 1:
        raise KeyError(prefix)
    return matches[0]


# (tool, query, [(title prefix, chunk)], cut) per RAG call; ``cut`` truncates the
# message inside the last result's content, after every announced result was listed
RAG_CALLS: list[tuple[str, str, list[tuple[str, int]], bool]] = [
    (
        "rag_search",
        "DPO 直接偏好优化 原理 负梯度 off-policy",
        [
            ("DPO直接偏好优化", 0),
            ("DPO直接偏好优化", 1),
            ("直接偏好优化_百度百科", 0),
            ("Softmax函数", 0),
            ("On-policy与Off-policy", 0),
        ],
        False,
    ),
    (
        "rag_search",
        "Transformer 自注意力 位置编码 SFT 监督微调",
        [
            ("Transformer模型详解", 0),
            ("Transformer模型详解", 1),
            ("大模型微调SFT", 0),
            ("一文读懂RLHF", 0),
            ("PPO算法", 0),
        ],
        False,
    ),
    (
        "rag_get_context",
        "大模型 复读 文本退化 幻觉 NTK 训练动态",
        [("大模型为什么会复读", 0), ("大模型幻觉问题综述", 0), ("神经正切核NTK入门", 0)],
        True,
    ),
    (
        "rag_search",
        "Pythia Qwen1.5 UltraFeedback Anthropic HH 数据集",
        [
            ("Pythia模型系列", 0),
            ("Qwen1.5技术解读", 0),
            ("UltraFeedback数据集详解", 0),
            ("Anthropic HH-RLHF数据集", 0),
        ],
        False,
    ),
]

VIDEO_CALLS = ["video_understanding_advanced", "video_extract_keyframes"]
TASK_DIR = "/data/bench/demo_017"


def rag_message(tool: str, query: str, hits: list[tuple[str, int]], cut: bool) -> str:
    """A RAG tool result as the agent saw it, in the format of seed 002."""
    search = tool == "rag_search"
    lines = [
        "=== RAG Search Results ===" if search else "=== RAG Context for Query ===",
        f"Query: '{query}'",
        f"Source File: {TASK_DIR}/long_context.json.chunks.db",
        f"{'Results Found' if search else 'Documents Retrieved'}: {len(hits)}",
        "",
    ]
    if not search:
        lines += ["--- Retrieved Context with Sources ---", ""]
    rule = "=" * 60 if search else "=" * 50
    for rank, (prefix, number) in enumerate(hits, start=1):
        title = _article(prefix)
        citation = f'[long_context: "{title}", chunk {number}]'
        lines += [
            "",
            rule,
            f"{'Result' if search else 'Source'} {rank}",
            f"Citation: {citation}",
            rule,
        ]
        lines += [
            f"Relevance Score: {0.61 - rank * 0.03:.3f}",
            f"Chunk Index: {number}",
            f"Title: {title}",
            "",
        ]
        body = _chunk_text(title, number)
        if cut and rank == len(hits):
            lines.append(body[:120] + "... [truncated]")
        else:
            lines += ["--- Content ---" if search else "", f"(Cite as: {citation})", body]
    return "\n".join(lines)


def write_trace(path: Path) -> None:
    """The agent's run log: four RAG calls, two successful video calls, the answer."""
    clock = _Clock()
    out = [
        "=" * 80,
        "TURN-BY-TURN EXECUTION LOG",
        "=" * 80,
        "Task ID: folder_task_017",
        "Status: success",
        "",
        f"  {clock.tick(0)} [INFO] Main | Task Start",
        f"  {clock.tick(5)} [INFO] 🔧 ToolManager | Tool Definitions Success",
    ]
    calls: list[tuple[str, str, str | None]] = [
        ("tool-rag", tool, rag_message(tool, query, hits, cut))
        for tool, query, hits, cut in RAG_CALLS
    ]
    calls += [("tool-video-enhanced", tool, None) for tool in VIDEO_CALLS]
    results: list[str] = []
    for turn, (server, tool, message) in enumerate(calls, start=1):
        out += ["", "-" * 80, f"TURN {turn}", "-" * 80]
        out += [
            f"  {clock.tick(12)} [INFO] 👑 Main Agent | Turn: {turn} | Tool Calls",
            "    Message: Number of tool calls detected: 1",
            f"  {clock.tick(0)} [INFO] ▶️ ToolManager | Tool Call Start",
            f"    Message: Connecting to server '{server}' to call tool '{tool}'",
            f"  {clock.tick(3)} [INFO] ✅ ToolManager | Tool Call Success",
            f"    Message: Tool '{tool}' (server: '{server}') called successfully.",
        ]
        results.append(message or _video_result(tool))
    out += ["", "=" * 80, "MAIN AGENT MESSAGE HISTORY", "=" * 80]
    for index, message in enumerate(results):
        out += ["", f"--- Message {2 * index + 4} (user) ---", message]
    out += ["", "=" * 80, "FINAL ANSWER", "=" * 80, "(see reports/reading-report.md)", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def _video_result(tool: str) -> str:
    if tool == "video_extract_keyframes":
        notes = [f"[{k['time']:.0f}s] {k['text']}" for k in demo_video.KEYFRAMES]
        return "Keyframes extracted: " + str(len(notes)) + "\n" + "\n".join(notes)
    return "Video summary: " + " ".join(
        f"[{s['start']:.0f}s {s['speaker']}] {s['text']}"
        for s in demo_video.transcript_segments()[:6]
    )


class _Clock:
    """Log timestamps that advance by whole seconds."""

    def __init__(self) -> None:
        self.seconds = 7 * 3600 + 12 * 60

    def tick(self, step: int) -> str:
        self.seconds += step
        h, rest = divmod(self.seconds, 3600)
        return f"2025-12-08 {h:02d}:{rest // 60:02d}:{rest % 60:02d}"


# ------------------------------------------------------------------------ main


def build(out: Path, fillers: int) -> dict[str, int]:
    """Write every generated file of the demo folder; returns a few counts."""
    out.mkdir(parents=True, exist_ok=True)
    pages = write_pdf(out / "pdf.pdf")
    documents = write_collection(out, fillers)
    write_video(out / "video.mp4")
    write_video_sidecars(out)
    write_trace(out / "trace.log")
    return {"pages": pages, "documents": documents}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "demo")
    parser.add_argument("--fillers", type=int, default=3000)
    args = parser.parse_args()
    counts = build(args.out, args.fillers)
    print(f"wrote {args.out}: {counts['pages']} PDF pages, {counts['documents']} documents")


if __name__ == "__main__":
    main()
