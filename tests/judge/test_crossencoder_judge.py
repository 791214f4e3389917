"""The CrossEncoder backend's real code path, with a tiny BERT built in the test."""

import pytest

from citecheck.judge.crossencoder import CrossEncoderJudge, label_indices

ID2LABEL = {0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"}


def test_label_indices_from_config_names():
    assert label_indices(ID2LABEL) == {"contradiction": 0, "entailment": 1, "neutral": 2}
    assert label_indices({0: "LABEL_0", 1: "LABEL_1"}) == {"entailment": 1, "neutral": 0}
    with pytest.raises(ValueError, match="entailment"):
        label_indices({0: "a", 1: "b", 2: "c"})


def build_tiny_nli_model(path, forced_label: int) -> str:
    """A 3-label BertForSequenceClassification whose classifier bias forces one label."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    words = [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
        "dpo",
        "was",
        "in",
        "2023",
        "2019",
        "the",
    ]
    (path / "vocab.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer(str(path / "vocab.txt"))
    config = BertConfig(
        vocab_size=len(words),
        hidden_size=8,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=16,
        max_position_embeddings=64,
        num_labels=3,
        id2label=ID2LABEL,
        label2id={v: k for k, v in ID2LABEL.items()},
    )
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([-5.0, -5.0, -5.0]))
        model.classifier.bias[forced_label] = 5.0
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return str(path)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("forced", "label"), [(1, "supported"), (0, "contradicted"), (2, "unsupported")]
)
def test_crossencoder_backend_reads_labels_from_config(tmp_path, monkeypatch, forced, label):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    judge = CrossEncoderJudge(build_tiny_nli_model(tmp_path, forced))
    verdicts = judge.judge_batch(
        [
            ("dpo was in 2023", ["The dpo was in 2023. The dpo."]),
            ("dpo in 2019", ["dpo was in 2023"]),
        ]
    )
    assert [v.label for v in verdicts] == [label, label]
    assert all(v.backend == "crossencoder" for v in verdicts)
    assert (verdicts[0].score > 0.99) == (forced == 1)
    assert verdicts[0].evidence_span in {"The dpo was in 2023.", "The dpo."}
