"""Which corpus source a claim is about: the video or PDF it cites, else the only one.

Rules read the corpus only through :class:`~citecheck.checks.base.LintContext`;
these helpers pick the source object a claim concerns.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from pathlib import PurePosixPath
from typing import Any

from citecheck.checks.base import LintContext
from citecheck.corpus.video import MEDIA_SUFFIXES, is_video_target
from citecheck.models import Citation, CitationTarget, Claim


def is_pdf_target(target: CitationTarget) -> bool:
    """A citation target naming a PDF file."""
    return target.kind == "file" and target.source.lower().endswith(".pdf")


def _corpus_files(ctx: LintContext, suffixes: AbstractSet[str]) -> list[str]:
    if ctx.corpus is None:
        return []
    return [n for n in ctx.corpus.file_names() if PurePosixPath(n).suffix.lower() in suffixes]


def video_name_for(ctx: LintContext, claim: Claim | None = None) -> str | None:
    """The video a claim cites, else the corpus's only video, else None."""
    if claim is not None:
        for citation in claim.citations:
            for target in citation.targets:
                if is_video_target(target):
                    return target.source
    videos = _corpus_files(ctx, MEDIA_SUFFIXES)
    return videos[0] if len(videos) == 1 else None


def video_evidence(ctx: LintContext, claim: Claim | None = None) -> tuple[str | None, Any]:
    """(video name, VideoEvidence or None) for a claim."""
    name = video_name_for(ctx, claim)
    if name is None or ctx.corpus is None:
        return name, None
    return name, ctx.corpus.video(name)


def pdf_targets(claim: Claim) -> list[tuple[Citation, CitationTarget]]:
    """The PDF targets a claim cites, with their citation bracket."""
    return [(c, t) for c in claim.citations for t in c.targets if is_pdf_target(t)]


def pdf_for(ctx: LintContext, claim: Claim) -> tuple[str | None, Any]:
    """(name, PdfDocument or None): the PDF a claim cites, else the corpus's only PDF."""
    cited = pdf_targets(claim)
    names = [t.source for _, t in cited] or _corpus_files(ctx, {".pdf"})
    if ctx.corpus is None or len(set(names)) != 1:
        return (names[0] if names else None), None
    return names[0], ctx.corpus.pdf(names[0])
