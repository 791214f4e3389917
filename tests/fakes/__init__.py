"""The fakes and builders every test folder shares: ``from tests.fakes import FakeCorpus``.

They follow the contracts in docs/ARCHITECTURE.md and implement only what the
code under test calls, so a test proves one module's behaviour whether or not
the real corpus, trace, judge and rules behave.
"""

from tests.fakes.builders import (
    build_report,
    make_citation,
    make_claim,
    make_report,
    make_resolution,
    make_span,
    make_unit,
    pdf_with_pages,
)
from tests.fakes.corpus import FakeCollection, FakeCorpus, FakeLookup
from tests.fakes.judge import CountingEmbedder, FakeJudge, FakeSupport
from tests.fakes.pdf import FakeBib, FakePdf, FakePdfMeta, make_pdf
from tests.fakes.rules import FAKE_RULES, MissingSource, Uncited, Unsupported, fake_rule_by_name
from tests.fakes.trace import FakeCall, FakeHit, FakeRetrieval, FakeTrace
from tests.fakes.video import FakeMeta, FakeVideo, keyframe, segment

__all__ = [
    "FAKE_RULES",
    "CountingEmbedder",
    "FakeBib",
    "FakeCall",
    "FakeCollection",
    "FakeCorpus",
    "FakeHit",
    "FakeJudge",
    "FakeLookup",
    "FakeMeta",
    "FakePdf",
    "FakePdfMeta",
    "FakeRetrieval",
    "FakeSupport",
    "FakeTrace",
    "FakeVideo",
    "MissingSource",
    "Uncited",
    "Unsupported",
    "build_report",
    "fake_rule_by_name",
    "keyframe",
    "make_citation",
    "make_claim",
    "make_pdf",
    "make_report",
    "make_resolution",
    "make_span",
    "make_unit",
    "pdf_with_pages",
    "segment",
]
