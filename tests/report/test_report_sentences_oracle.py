"""The rule-based splitter agrees with spaCy's jieba + sentencizer pipeline.

spaCy is the reference implementation of the boundary rule; citecheck does not
load it at run time (see citecheck/report/sentences.py). This test runs both on
every paragraph of the seed reports and requires the same sentences, with one
intended difference: spaCy starts a sentence after an opening bracket
(``；（2）核心…`` → ``2）核心…``), citecheck before it.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from citecheck.report import sentences

OPENING = "（(「『“‘《【"


def _spacy_candidates():
    spacy = pytest.importorskip("spacy")
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("sentencizer", config={"punct_chars": sentences.PUNCT_CHARS})

    def starts(text: str) -> list[int]:
        found = [sent.start_char for sent in list(nlp(text).sents)[1:]]
        return [_before_opening_brackets(text, start) for start in found]

    return starts


def _before_opening_brackets(text: str, start: int) -> int:
    while start > 0 and text[start - 1] in OPENING:
        start -= 1
    return start


@pytest.mark.slow
def test_rule_based_boundaries_match_spacy_on_seed_paragraphs(monkeypatch, seeds: Path):
    reports = sorted(seeds.glob("00[0134]_*.txt"))
    if not reports:
        pytest.skip("seed reports not present")
    paragraphs = [
        para
        for seed in reports
        for para in seed.read_text(encoding="utf-8").split("\n\n")
        if para.strip()
    ]
    ours = [sentences.split_sentences(p) for p in paragraphs]
    monkeypatch.setattr(sentences, "candidate_starts", _spacy_candidates())
    reference = [sentences.split_sentences(p) for p in paragraphs]
    differing = [
        (p[:80], o, r) for p, o, r in zip(paragraphs, ours, reference, strict=True) if o != r
    ]
    assert len(paragraphs) > 100
    assert not differing, differing[:3]
