"""Citation formats as pack data: markers, reference entries, detection, --syntax."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.errors import InputError
from citecheck.models import Report
from citecheck.report.claims import is_checkable
from citecheck.report.formats import detect_formats
from citecheck.report.parse import parse_text
from citecheck.rulepack import RulePack, load_pack, with_syntax


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def _targets(report: Report) -> list[tuple[str, str, str | None]]:
    return [(c.text, t.kind, t.key or t.url) for c in report.citations for t in c.targets]


def _cited(report: Report) -> dict[str, int]:
    """Checkable claim text → how many citations it carries."""
    return {c.text: len(c.citations) for c in report.claims if is_checkable(c)}


ODR = """# Scaling

Transformers were introduced by Vaswani and colleagues in 2017 [1]. They rely on attention \
layers and positional encodings [2][4]. Scaling laws hold across five orders of magnitude \
[1, 3]. Mixture of experts models scale further still [1–3].

### Sources

[1] Attention Is All You Need: https://arxiv.org/abs/1706.03762
[2] The Illustrated Transformer: https://jalammar.github.io/illustrated-transformer/
[3] Scaling Laws — https://arxiv.org/abs/2001.08361
- [4] https://example.org/moe
"""


def test_numbered_markers_and_sources_list(pack: RulePack) -> None:
    report = parse_text(ODR, "r.md", pack)
    assert _targets(report) == [
        ("[1]", "reference", "1"),
        ("[2]", "reference", "2"),
        ("[4]", "reference", "4"),
        ("[1, 3]", "reference", "1"),
        ("[1, 3]", "reference", "3"),
        ("[1–3]", "reference", "1"),
        ("[1–3]", "reference", "2"),
        ("[1–3]", "reference", "3"),
    ]
    assert [(e.key, e.url, e.title) for e in report.references] == [
        ("1", "https://arxiv.org/abs/1706.03762", "Attention Is All You Need"),
        ("2", "https://jalammar.github.io/illustrated-transformer/", "The Illustrated Transformer"),
        ("3", "https://arxiv.org/abs/2001.08361", "Scaling Laws"),
        ("4", "https://example.org/moe", None),
    ]
    assert all(count >= 1 for count in _cited(report).values())
    assert len(_cited(report)) == 4


def test_chatgpt_markers_with_line_ranges(pack: RulePack) -> None:
    text = (
        "GPT-4 scored 86.4% on the MMLU benchmark in the report.【3†source】 "
        "The system card lists a context window of 32,000 tokens.【5†L10-L14】 "
        "其训练数据截止于二〇二一年九月，之后的事件模型并不知道。【3:1†source】\n"
    )
    report = parse_text(text, "r.md", pack)
    assert [(c.text, c.targets[0].key, c.targets[0].lines) for c in report.citations] == [
        ("【3†source】", "3", []),
        ("【5†L10-L14】", "5", [10, 11, 12, 13, 14]),
        ("【3:1†source】", "3", []),
    ]
    assert list(_cited(report).values()) == [1, 1, 1]
    assert report.claims[0].text.endswith("in the report.")


def test_footnotes_gemini_and_links(pack: RulePack) -> None:
    text = (
        "RLHF was popularised by InstructGPT in early 2022.[^rlhf]\n\n"
        "Gemini reports long context recall above ninety percent [cite: 1, 8].\n\n"
        "Retrieval helps small models answer questions ([RAG paper](https://arxiv.org/abs/2005.11401)).\n\n"
        "## References\n\n"
        "[^rlhf]: Training language models to follow instructions, https://arxiv.org/abs/2203.02155\n"
        "- [RAG paper](https://arxiv.org/abs/2005.11401)\n"
    )
    report = parse_text(text, "r.md", pack)
    assert _targets(report) == [
        ("[^rlhf]", "reference", "rlhf"),
        ("[cite: 1, 8]", "reference", "1"),
        ("[cite: 1, 8]", "reference", "8"),
        (
            "[RAG paper](https://arxiv.org/abs/2005.11401)",
            "url",
            "https://arxiv.org/abs/2005.11401",
        ),
    ]
    assert {e.syntax for e in report.references} == {"footnotes", "links"}


def test_footnotes_whose_definitions_cite_the_sources_cite_them_where_they_stand(
    pack: RulePack,
) -> None:
    text = (
        "SchemaPrune keeps 30 columns.[^4]\n\n"
        "The graph has co-join edges.[^6][^4]\n\n"
        "[^4]: [文档: pdf.pdf, page 2]\n"
        '[^6]: [long_context: "Schema posts", chunk 1]\n'
        "[^9]: [文档: pdf.pdf, page 9]\n"
    )
    report = parse_text(text, "r.md", pack)
    cited = [
        (c.text, c.span.line, [(t.source, t.pages or t.chunks) for t in c.targets])
        for c in report.citations
    ]
    assert cited == [
        ("[^4]", 1, [("pdf.pdf", [2])]),
        ("[^6]", 3, [("long_context", [1])]),
        ("[^4]", 3, [("pdf.pdf", [2])]),
        ("[文档: pdf.pdf, page 9]", 7, [("pdf.pdf", [9])]),  # defined, never used: kept
    ]
    definitions = [c for c in report.claims if c.span.line >= 5]
    assert definitions and all(c.in_reference_list for c in definitions)


def test_labelled_report_detects_no_marker_format(pack: RulePack) -> None:
    text = "KV 缓存可减少重复计算，推理速度提升了 3 倍[文档: pdf.pdf, page 9]。见表 [1]。\n"
    assert detect_formats(text, pack).names == ["labelled"]
    report = parse_text(text, "r.md", pack)
    assert [c.text for c in report.citations] == ["[文档: pdf.pdf, page 9]"]


def test_mixed_formats_in_one_report(pack: RulePack) -> None:
    text = (
        "KV 缓存可减少重复计算，推理速度提升了 3 倍[文档: pdf.pdf, page 9]。"
        "量化把显存占用降低了一半以上[1]。剪枝进一步压缩了模型的规模[2]。\n\n"
        "## 参考资料\n\n[1] 量化综述: https://example.com/quant\n[2] https://example.com/prune\n"
    )
    assert detect_formats(text, pack).names == ["labelled", "numbered"]
    report = parse_text(text, "r.md", pack)
    assert [c.targets[0].kind for c in report.citations] == ["file", "reference", "reference"]
    assert list(_cited(report).values()) == [1, 1, 1]


def test_syntax_override(pack: RulePack) -> None:
    forced = with_syntax(pack, "numbered")
    text = "A claim that says something specific in 2020 [文档: pdf.pdf]. Another one here [1].\n"
    assert detect_formats(text, forced).names == ["numbered"]
    assert [c.text for c in parse_text(text, "r.md", forced).citations] == ["[1]"]
    with pytest.raises(InputError, match="unknown citation syntax"):
        with_syntax(pack, "nonesuch")


def test_format_only_in_a_user_pack(tmp_path: Path) -> None:
    """A new agent's format is data: a user pack, no code change."""
    user = tmp_path / "agent.toml"
    user.write_text(
        """
name = "my-agent"
extends = "default"

[[formats]]
name = "labelled"
kind = "labelled"

[[formats]]
name = "source-tags"
detect_min = 1
markers = [{ pattern = '<<src:(?P<ref>\\d+)>>' }]
entries = ['^SRC (?P<n>\\d+) = (?P<url>https?://\\S+)$']
""",
        encoding="utf-8",
    )
    pack = load_pack(user)
    text = (
        "Solar capacity grew by forty percent in 2023 worldwide.<<src:7>>\n\n"
        "## Sources\n\nSRC 7 = https://example.com/solar\n"
    )
    report = parse_text(text, "r.md", pack)
    assert _targets(report) == [("<<src:7>>", "reference", "7")]
    assert [(e.key, e.url) for e in report.references] == [("7", "https://example.com/solar")]
    assert list(_cited(report).values()) == [1]


def test_bad_user_pattern_is_an_input_error(tmp_path: Path) -> None:
    user = tmp_path / "bad.toml"
    user.write_text(
        'name = "bad"\n[[formats]]\nname = "x"\nmarkers = [{ pattern = "(" }]\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="invalid citation pattern"):
        parse_text("text\n", "r.md", load_pack(user))


def test_a_marker_line_closes_its_bullet_and_an_unheaded_list_is_no_claim(pack: RulePack) -> None:
    text = (
        "【核心观点】\n\n"
        "- Toyota plans limited production in 2027–28.\n"
        "  【2†source】\n"
        "- Pilot cells cost 400 to 800 dollars per kWh in 2024.【4†L4-L5】\n\n"
        "[2] Toyota roadmap 2027 — https://example.com/toyota-2027\n"
        "[4] Cell costs 2024 — https://example.com/costs\n"
    )
    report = parse_text(text, "r.md", pack)
    cited = _cited(report)
    assert cited == {
        "Toyota plans limited production in 2027–28.": 1,
        "Pilot cells cost 400 to 800 dollars per kWh in 2024.": 1,
    }, "entry lines are no claims; the marker line cites the bullet above it"
    assert [s.title for s in report.sections] == ["核心观点"], "a bracketed title is a heading"
