"""resolve_citations against the real corpus folder (PDF, collection JSON, symlinks)."""

from __future__ import annotations

import json
import os

import pytest

from citecheck.resolve.resolver import resolve_citations

folder = pytest.importorskip("citecheck.corpus.folder")

FULL = "大模型推理优化技术万字长文总结！非常详细收藏我这一篇就够了-CSDN博客"
PARAGRAPH = "KV缓存与批处理可以提升推理效率。" * 30


@pytest.fixture
def real_corpus(tmp_path, pdf_maker):
    """A task folder with a 3-page PDF and a 50-document collection, opened for real."""
    root = tmp_path / "task"
    root.mkdir()
    pdf_maker(root / "pdf.pdf", ["page one", "page two", "page three"])
    documents = [{"title": f"填充文档第{i}篇：主题{i * 7}", "content": "短文。"} for i in range(49)]
    documents.append({"title": FULL, "content": "\n".join([PARAGRAPH] * 4)})
    (root / "long_context.json").write_text(json.dumps(documents, ensure_ascii=False))
    outside = tmp_path / "outside.pdf"
    pdf_maker(outside, ["secret"])
    os.symlink(outside, root / "escape.pdf")
    return folder.Corpus.open(root, cache_dir=tmp_path / "cache")


def statuses(report_of, corpus, pack, text):
    return [(r.status, r.missing) for r in resolve_citations(report_of(text), corpus, None, pack)]


def test_real_corpus_resolves_pages_titles_and_chunks(report_of, real_corpus, pack):
    chunks = real_corpus.collection().chunk_count(49)
    assert chunks > 1
    text = "\n".join(
        [
            "甲[Doc: pdf.pdf, page 2–3]。",
            "乙[Doc: pdf.pdf, page 18]。",
            f'丙[long_context: "{FULL}", chunk 0, chunk 1]。',
            '丁[long_context: "大模型推理优化技术万字长文总结", chunk 1]。',
            f'戊[long_context: "{FULL}", chunk {chunks + 2}]。',
            '己[long_context: "量子计算机的历史与未来展望", chunk 0]。',
        ]
    )
    assert statuses(report_of, real_corpus, pack, text) == [
        ("resolved", []),
        ("out-of-range", [18]),
        ("resolved", []),
        ("resolved", []),
        ("out-of-range", [chunks + 2]),
        ("unresolvable", []),
    ]


def test_real_corpus_reports_escapes_without_reading_them(report_of, real_corpus, pack):
    text = "甲[Doc: ../outside.pdf]。乙[Doc: escape.pdf]。丙[Doc: /etc/passwd]。"
    resolutions = resolve_citations(report_of(text), real_corpus, None, pack)
    assert [r.status for r in resolutions] == ["outside-corpus"] * 3
    assert all(r.units == [] for r in resolutions)
