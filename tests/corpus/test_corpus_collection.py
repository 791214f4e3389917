"""Collection: streamed index, title lookup, chunking, chunk maps, index reuse."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from citecheck.corpus import collection as collection_module
from citecheck.corpus.collection import Collection
from citecheck.errors import InputError
from tests.corpus.corpus_factories import build_collection

LONG_TITLE = (
    "写给“纯小白”的大语言模型入门指南，（非常详细）零基础入门到精通，收藏这一篇就够了-CSDN博客"
)
FFN_TITLE = "Transformer 核心解密：FFN 前馈神经网络的深度解析与应用_模型_注意力_表达能力"
N_DOCS = 2000


def generated_titles() -> list[str]:
    topics = [
        "推理优化",
        "注意力机制",
        "量化部署",
        "微调实践",
        "数据清洗",
        "评测基准",
        "检索增强",
        "多模态",
    ]
    titles = [f"{topics[i % 8]}第{i}讲：从原理到实战-{i * 7919 % 10007}" for i in range(N_DOCS)]
    titles[17] = LONG_TITLE
    titles[58] = FFN_TITLE
    titles[99] = "Scaling Laws for Neural Language Models"
    return titles


@pytest.fixture(scope="module")
def collection_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_collection(
        tmp_path_factory.mktemp("coll") / "long_context.json", generated_titles()
    )


@pytest.fixture(scope="module")
def coll(collection_file: Path) -> Collection:
    return Collection(collection_file, collection_file.parent / "cache")


def test_exact_and_normalised_lookup(coll: Collection) -> None:
    assert len(coll) == N_DOCS
    exact = coll.lookup(LONG_TITLE).match
    assert exact is not None and (exact.method, exact.doc_index, exact.score) == ("exact", 17, 100)
    spaced = coll.lookup("scaling laws for neural  language models.").match
    assert spaced is not None and (spaced.method, spaced.doc_index) == ("normalised", 99)


def test_shortened_title_matches_by_prefix(coll: Collection) -> None:
    match = coll.lookup("写给“纯小白”的大语言模型入门指南").match
    assert match is not None and (match.method, match.doc_index) == ("prefix", 17)
    ffn = coll.lookup("Transformer 核心解密：FFN 前馈神经网络的深度解析").match
    assert ffn is not None and ffn.doc_index == 58


def test_mojibake_title_is_repaired(coll: Collection) -> None:
    mojibake = FFN_TITLE.encode("utf-8").decode("cp1252", errors="ignore")
    match = coll.lookup(mojibake).match
    assert match is not None and match.doc_index == 58
    assert match.method in {"demojibaked", "fuzzy"}


def test_title_with_lost_bytes_still_matches(coll: Collection) -> None:
    damaged = "写给“纯\ufffd白\ufffd的大\ufffd言模\ufffd入门指\ufffd"  # as in seed 002
    match = coll.lookup(damaged).match
    assert match is not None and match.doc_index == 17


def test_fuzzy_match_and_candidates(coll: Collection) -> None:
    typo = "Scaling Law for Neural Languge Models"
    result = coll.lookup(typo)
    assert (
        result.match is not None and result.match.method == "fuzzy" and result.match.doc_index == 99
    )
    assert 85 <= result.match.score < 100
    assert result.candidates[0][0] == "Scaling Laws for Neural Language Models"


def test_unknown_title_gives_candidates_only(coll: Collection) -> None:
    result = coll.lookup("量化部署第12讲：完全不同的标题", k=3)
    assert result.match is None
    assert len(result.candidates) == 3
    assert all(title.startswith("量化部署") for title, _ in result.candidates)


def test_chunks_are_deterministic_and_bounded(coll: Collection) -> None:
    count = coll.chunk_count(17)
    assert count >= 2
    first = coll.chunk(17, 0)
    assert first is not None and first.text.startswith(LONG_TITLE + "\n")
    assert first.locator == f'chunk 0 of "{LONG_TITLE}"' and first.kind == "chunk"
    texts = [coll.chunk(17, n).text for n in range(count)]  # type: ignore[union-attr]
    assert all(len(t) <= coll.chunker.max_chars for t in texts)
    assert "文档17的第2段" in texts[-1]


def test_chunk_out_of_range_is_none(coll: Collection) -> None:
    assert coll.chunk(17, coll.chunk_count(17)) is None
    assert coll.chunk(17, -1) is None
    assert coll.chunk(N_DOCS + 5, 0) is None and coll.chunk_count(N_DOCS + 5) == 0


def test_index_is_reused_without_reading_json(
    collection_file: Path, coll: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_read(path: Path) -> None:
        raise AssertionError("the JSON was re-read")

    monkeypatch.setattr(collection_module, "iter_documents", must_not_read)
    started = time.perf_counter()
    again = Collection(collection_file, collection_file.parent / "cache")
    match = again.lookup("写给“纯小白”的大语言模型入门指南").match
    assert time.perf_counter() - started < 1.0
    assert match is not None and match.doc_index == 17
    assert again.chunk(17, 0) == coll.chunk(17, 0)


def test_index_is_rebuilt_when_the_file_changes(tmp_path: Path) -> None:
    path = build_collection(tmp_path / "long_context.json", ["Alpha title", "Beta title"])
    assert Collection(path, tmp_path / "cache").lookup("Beta title").match is not None
    build_collection(path, ["Gamma title only"])
    rebuilt = Collection(path, tmp_path / "cache")
    assert len(rebuilt) == 1
    assert rebuilt.lookup("Gamma title only").match is not None


def test_chunk_map_overrides_chunker(tmp_path: Path) -> None:
    path = build_collection(tmp_path / "long_context.json", ["Mapped doc", "Plain doc"])
    rows = [{"title": "Mapped doc", "chunk": n, "text": f"agent chunk {n}"} for n in range(3)]
    (tmp_path / "long_context.chunks.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows), encoding="utf-8"
    )
    coll = Collection(path, tmp_path / "cache")
    assert coll.chunk_count(0) == 3
    assert coll.chunk(0, 2).text == "agent chunk 2"  # type: ignore[union-attr]
    assert coll.chunk(1, 0).text.startswith("Plain doc\n")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "payload",
    [
        {"documents": [{"title": "A", "text": "alpha"}, {"title": "B", "body": "beta"}]},
        {
            "meta": {"n": 2},
            "docs": [{"title": "A", "page_content": "alpha"}, {"title": "B", "text": "beta"}],
        },
    ],
)
def test_liberal_layouts(tmp_path: Path, payload: dict) -> None:
    path = tmp_path / "long_context.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    coll = Collection(path, tmp_path / "cache")
    assert coll.titles() == ["A", "B"]
    assert coll.chunk(1, 0).text == "B\nbeta"  # type: ignore[union-attr]


@pytest.mark.parametrize("content", ['[{"title": "A", "text": "x"}, {"title": ', '"just a string"'])
def test_broken_collection_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "long_context.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="collection"):
        Collection(path, tmp_path / "cache")
