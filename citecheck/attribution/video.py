"""Check what a report says about a video against the video evidence.

A claim is about the video when it cites one or stands in a section about the
video (a heading, or a numbered line such as '（4）视频补充要点', matching
``pack.video.section_patterns``). :func:`assess_video_claims` gives each such
claim one :class:`VideoOutcome`: fabricated on two signals (the trace shows every
video tool call failed, or every picture tool failed and no note states a visual
claim, or it names a kind of visual no note mentions), unverifiable (no evidence,
a visual claim without keyframe notes, or the judge alone not finding it),
speculative (generic text passed off as the video's content) or supported. A
claim that says itself it was not taken from the video (未能获取视频, not verified
against the video) is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from citecheck.attribution.crosslingual import glossed_coverage, is_across_languages
from citecheck.attribution.names import find_presenters, find_talk_roles, remark_content
from citecheck.attribution.outcomes import VideoOutcome
from citecheck.attribution.overlap import rank_by_overlap, window_support
from citecheck.attribution.stage import Sources
from citecheck.corpus.video import is_video_target
from citecheck.judge.decision import missing_facts
from citecheck.judge.glossary import english_stems, glosses, is_function_word, segment
from citecheck.models import Claim, Evidence, Severity, SourceUnit
from citecheck.report.claims import claim_body, is_checkable
from citecheck.textutil import demojibake

if TYPE_CHECKING:
    from citecheck.corpus.trace import ToolCall

SUPPORT_MIN = 0.5
GLOSSED_UNSUPPORTED_MAX = 0.25
"""An English claim whose content the Chinese evidence renders (glossed) less than this
is not backed, whatever the judge's grey zone says."""
HEDGED_SUPPORT_MIN = 0.5
"""A hedged sentence (通常会…, typically) passes as video content only when the judge
backs it at least this plainly: a guess that merely shares the talk's topic (a Q&A
session, a compute question) scores just above the calibrated support bar."""
BLIND_COVERAGE_MAX = 0.3
"""A visual claim the agent could not have seen (every picture tool failed) is fabricated
when no window of the evidence states more than this share of its wording: the second
signal, beside the judge's not reading it as stated."""
KIND_SUPPORT_MIN = 0.7
"""A kind of visual (a heat map, an animation) that no note mentions is fabricated unless
the judge backs the claim at least this plainly: notes name what is on screen, and a
judge reading "a slide showed X" near a note of that slide scores just above its bar."""
PRESENTER_LINE_MAX_CHARS = 60
_PSEUDO_HEADING = re.compile(
    r"^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）.、]|#+)\s*\S.{0,30}(?<![。！？；.!?;])$"
)
_DISCLAIMER = re.compile(
    r"未能(?:直接)?(?:获取|观看|访问|解析)|无法(?:获取|观看|访问|解析)|暂未能|并非(?:来自)?视频|非视频内容"
    r"|未经视频(?:核实|验证)|not (?:taken |drawn )?from the video"
    r"|could not (?:be )?(?:access|watch|open|analy[sz])e?d?|tools? failed"
    r"|not verified against the video|unavailable",
    re.IGNORECASE,
)


def readable(text: str) -> str:
    """The text with mojibake repaired where it can be (seed 002 is damaged like that)."""
    return demojibake(text) or text


def _matches_any(text: str, patterns: list[str]) -> bool:
    """Whether ``text`` holds one of ``patterns``: an English one as a whole word (or
    its plural: "screen" is not in "screening"), any other anywhere."""
    lowered = readable(text).casefold()
    return any(_term(p).search(lowered) for p in patterns)


@cache
def _term(pattern: str) -> re.Pattern[str]:
    word = re.escape(pattern.casefold())
    if pattern.isascii() and pattern[:1].isalpha():
        return re.compile(rf"\b{word}(?:s|es)?\b")
    return re.compile(word)


def _unshown(text: str, units: list[SourceUnit], kinds: list[list[str]]) -> list[str]:
    """The kinds of visual (an animation, a radar chart) the claim says the video
    showed that no keyframe note or transcript segment mentions by any of its names,
    verbatim or through the words of a name in one note (every word of "radar chart"; a Chinese
    name through the English words the glossary renders it with). A mention a note
    negates ("no live demo, no flood footage and no error bars were shown", "没有演示")
    says it was not shown, and so does the claim's own ("no live demo was given")."""
    said = _NEGATED.sub(" ", readable(text)).casefold()  # "no live demo was given" shows none
    claimed = [
        (named[0], group)
        for group in kinds
        if (named := [name for name in group if name.casefold() in said])
    ]
    if not claimed:  # most claims name no kind: the transcript is not read for them
        return []
    notes = [_NEGATED.sub(" ", u.text).casefold() for u in units]
    shown = [(note, set(english_stems(note))) for note in notes]
    return [
        name
        for name, group in claimed
        if not any(_mentioned(other, note, stems) for other in group for note, stems in shown)
    ]


_NEGATED = re.compile(
    r"\b(?:no|not|without|never|nor)\b[^,.;:!?，。；：！？]*?(?=\band\b|[,.;:!?，。；：！？]|$)"
    r"|(?:没有|并没有|并无|并未|未曾|未展示|未出现|未播放|不含|不包括)[^，。；：！？,.;:!?]*",
    re.IGNORECASE | re.MULTILINE,
)
"""A phrase that says something was not there ("no flood footage", "没有现场演示"), up
to the end of its clause or the next "and"."""


_DENIAL_FILLER = frozenset(
    english_stems(
        "no not without never nor any there was were is are be been being shown show showed "
        "displayed display visible appeared appear used filmed seen on in at of during"
    )
)
"""Words of a denial that say how a thing was absent, not what was absent."""


def _denied(text: str, units: list[SourceUnit], cited: list[int]) -> tuple[SourceUnit, str] | None:
    """A note of the video that says what the claim describes was not there ("No live
    demo, no terminal and no code were shown", "没有延迟图"): every content word of one
    of its denials is in the claim (through the glossary across languages). A whole-video
    note (the meta) denies it at any time; a keyframe note only for a claim that cites no
    time or a time the note covers (up to the next note). A claim that itself says
    something was not shown is never read as showing it."""
    if _NEGATED.search(readable(text)):
        return None
    claim_stems = _stems_of(text)
    notes = sorted((u for u in units if u.kind == "keyframe"), key=lambda u: u.start or 0.0)
    # what the notes show, in their own words only: glosses are too loose to affirm
    affirmed = [(k, set(english_stems(k))) for u in units if (k := _NEGATED.sub(" ", u.text))]
    for unit in units:
        if unit.kind not in ("keyframe", "meta") or not _covers_time(unit, notes, cited):
            continue
        for denial in _NEGATED.finditer(unit.text):
            said = denial.group(0)
            if _said_in(said, text, claim_stems) and not any(
                _said_in(said, kept, stems) for kept, stems in affirmed
            ):  # a thing another note shows ("a QR code") is not denied by "no code"
                return unit, said.strip()
    return None


def _stems_of(text: str) -> set[str]:
    """English stems of a text's words and of the glosses of its Chinese words."""
    return set(english_stems(text)) | {g for w in segment(text) for g in glosses(w)}


def _covers_time(unit: SourceUnit, notes: list[SourceUnit], cited: list[int]) -> bool:
    if unit.kind != "keyframe" or not cited or unit.start is None:
        return True
    later = [n.start for n in notes if n.start is not None and n.start > unit.start]
    end = min(later, default=float("inf"))
    return any(unit.start <= t < end for t in cited)


def _said_in(denial: str, text: str, claim_stems: set[str]) -> bool:
    """Whether every content word of a denial is in a text: English stems by prefix,
    Chinese words verbatim or by a gloss among the claim's stems."""
    english = [w for w in english_stems(denial) if w not in _DENIAL_FILLER]
    chinese = [w for w in segment(_NEGATION_WORDS.sub("", denial)) if not is_function_word(w)]
    if not english and not chinese:
        return False
    return all(
        any(a.startswith(b) or b.startswith(a) for b in claim_stems) for a in english
    ) and all(w in text or glosses(w) & claim_stems for w in chinese)


_NEGATION_WORDS = re.compile(
    r"没有|并没有|并无|并未|未曾|未展示|未出现|未播放|不含|不包括|展示|出现|播放"
)


def _mentioned(name: str, shown: str, stems: set[str]) -> bool:
    """``name`` verbatim in ``shown``, or every word of it among ``stems`` (the
    stemmer cuts unevenly: anim / animat), or, a Chinese name, one of its glosses."""
    if name.casefold() in shown:
        return True
    words = english_stems(name)
    if words:
        return all(any(a.startswith(b) or b.startswith(a) for b in stems) for a in words)
    return any(a.startswith(b) or b.startswith(a) for a in glosses(name) for b in stems)


def video_claims(sources: Sources) -> list[Claim]:
    """Claims about a video: citing one, or written in a section about one."""
    report = sources.inputs.report
    patterns = sources.inputs.pack.video.section_patterns
    chosen: list[Claim] = []
    in_video_section = False
    video_section_titles = {s.title for s in report.sections if _matches_any(s.title, patterns)}
    for claim in report.claims:
        if claim.in_reference_list:
            continue
        if claim.block == "heading" or _PSEUDO_HEADING.match(readable(claim.text)):
            in_video_section = _matches_any(claim.text, patterns)
            continue
        if _only_names_presenter(claim) or not is_checkable(claim):
            continue
        cites_video = any(is_video_target(t) for c in claim.citations for t in c.targets)
        if cites_video or in_video_section or claim.section in video_section_titles:
            chosen.append(claim)
    return chosen


def is_video_claim(sources: Sources, claim: Claim) -> bool:
    """Whether ``claim`` is about a video, as :func:`video_claims` decides (once per report)."""
    return claim.id in sources.memo("video-claims", lambda: {c.id for c in video_claims(sources)})


def _only_names_presenter(claim: Claim) -> bool:
    """A line that only says who presents or moderates (checked by CC301/CC305, not as a
    video detail)."""
    mentions = find_presenters(claim.text) + find_talk_roles(claim.text)
    rest = claim.text
    for citation in claim.citations:
        rest = rest.replace(citation.text, "")
    return bool(mentions) and len(rest) <= PRESENTER_LINE_MAX_CHARS


def _timestamps(evidence: list[Evidence]) -> str:
    return ", ".join(dict.fromkeys(e.locator for e in evidence)) or "none"


def _evidence(video_name: str, units: list[SourceUnit]) -> list[Evidence]:
    return [Evidence(source=video_name, locator=u.locator, text=u.text) for u in units]


Support = Literal["supported", "unconfirmed", "unsupported"]


@dataclass
class _Reading:
    """What the judge (or the lexical fallback) made of a video claim."""

    support: Support
    looked_at: list[Evidence]
    score: float | None = None  # the judge's P(supported); None on the lexical path

    @property
    def plainly_supported(self) -> bool:
        """Supported, and by the judge at least :data:`HEDGED_SUPPORT_MIN`."""
        plain = self.score is None or self.score >= HEDGED_SUPPORT_MIN
        return self.support == "supported" and plain


def _support(sources: Sources, claim: Claim, units: list[SourceUnit], name: str) -> _Reading:
    """The judge's reading, its grey zone (see CC205) kept apart, with the
    segments and keyframes it compared; the lexical fallback without a judge.

    A remark's speaker lead-in ("X在讲座中指出，", "X said that") is left out: who
    said it is the remark check's question, what was said is this one's. An
    English claim on Chinese evidence, which neither the judge nor the overlap
    can read, is settled by its glossed coverage (:mod:`.crosslingual`)."""
    content = remark_content(claim.text)
    if content is not None:
        claim = claim.model_copy(update={"text": content, "raw": content})
    nearest = _evidence(name, [s.unit for s in rank_by_overlap(claim.text, units, k=3)])
    if not units:
        return _Reading("unsupported", nearest)
    judgement = sources.judge(claim, units)
    if judgement is None:
        if window_support(claim.text, units) >= SUPPORT_MIN:
            return _Reading("supported", nearest)
        reading = _Reading("unsupported", nearest)
    else:
        verdict = judgement.verdict
        looked_at = [e for e in verdict.evidence if e.source == name] or nearest
        if verdict.label == "supported":
            return _Reading("supported", looked_at, verdict.score)
        grey = not verdict.confident  # unconfirmed, a contradiction included
        reading = _Reading("unconfirmed" if grey else "unsupported", looked_at, verdict.score)
    return (
        _glossed(claim, units, name, reading) if is_across_languages(claim.text, units) else reading
    )


def _glossed(claim: Claim, units: list[SourceUnit], name: str, reading: _Reading) -> _Reading:
    """An unbacked reading of an English claim on Chinese evidence, revised by how much
    of it the evidence renders through the dictionary."""
    coverage, unit = glossed_coverage(claim.text, units, width=2)
    if coverage >= SUPPORT_MIN and unit is not None:
        return _Reading("unconfirmed", [*_evidence(name, [unit]), *reading.looked_at][:3])
    if coverage < GLOSSED_UNSUPPORTED_MAX:
        return _Reading("unsupported", reading.looked_at)
    return reading


def _wording_covered(claim: Claim, units: list[SourceUnit]) -> float:
    """The best share of the claim's wording a window of the evidence states: its
    words, or the words the glossary renders where the evidence is (partly) in the
    other language (a Chinese claim against an English recording's details)."""
    glossed = glossed_coverage(claim.text, units, width=2)[0]
    if is_across_languages(claim.text, units):
        return glossed
    return max(window_support(claim.text, units), glossed)


def _lines(calls: list[ToolCall]) -> str:
    return ", ".join(str(c.line) for c in calls)


def _never_seen(claim: Claim, looked_at: list[Evidence], said: str, fix: str) -> VideoOutcome:
    """Fabricated: the trace shows the agent could not have seen what the claim says."""
    return VideoOutcome(
        claim=claim,
        verdict="fabricated",
        message=f"{said}; timestamps looked at: {_timestamps(looked_at)}",
        evidence=looked_at,
        fix=fix,
    )


def _failed_calls(sources: Sources, visual_only: bool = False) -> list[ToolCall]:
    """The trace's video tool calls (only those that look at the picture, with
    ``visual_only``) when every one of them failed; none otherwise. Every call failing
    says the agent never had the talk only when no other call read a file of it (its
    transcript or notes); that it saw no picture holds either way."""
    trace = sources.inputs.trace
    cues = sources.inputs.pack.video
    if trace is None:
        return []
    sidecars = [name for video in sources.all_videos() for name in video.sidecar_names]
    if not visual_only and trace.read_any(sidecars):
        return []
    calls = trace.video_calls(cues.video_tools or ["video"])
    if visual_only:
        words = [w.casefold() for w in cues.visual_tools]
        calls = [c for c in calls if any(w in c.tool.casefold() for w in words)]
    return calls if calls and not any(c.ok for c in calls) else []


def assess_video_claims(sources: Sources) -> Iterator[VideoOutcome]:
    """One outcome per claim about a video (disclaimers excepted), in reading order."""
    failed = _failed_calls(sources)
    blind = _failed_calls(sources, visual_only=True)
    for claim in video_claims(sources):
        if _DISCLAIMER.search(readable(claim.text)):
            continue
        yield _assess(sources, claim, failed, blind)


def _assess(
    sources: Sources, claim: Claim, failed: list[ToolCall], blind: list[ToolCall]
) -> VideoOutcome:
    video_name, video = sources.video(claim)
    name = video_name or "video"
    segments = list(video.segments) if video else []
    keyframes = list(video.keyframes) if video else []
    units = segments + keyframes + (video.length + video.stated if video else [])
    reading = _support(sources, claim, units, name)
    supported = reading.support == "supported"
    looked_at = reading.looked_at
    if failed and not supported:
        return _never_seen(
            claim,
            looked_at,
            f"describes the video, but every video tool call in the trace failed "
            f"(lines {_lines(failed)}); the agent never saw it",
            "remove the video detail or mark it as not verified",
        )
    video_terms = sources.inputs.pack.video
    if _matches_any(claim.text, video_terms.speculative_terms) and not reading.plainly_supported:
        return VideoOutcome(
            claim=claim,
            verdict="speculative",
            message="generic or speculative text is presented as the video's content",
            evidence=looked_at,
            fix="say what the video shows, with a timestamp, or drop it",
        )
    if not video or not video.has_evidence:
        return VideoOutcome(
            claim=claim,
            verdict="unverifiable",
            message=f"no transcript, keyframe notes or meta for {name}: "
            "this detail cannot be checked",
            fix="add a transcript (.srt/.vtt/.transcript.json) or keyframe notes next to the video",
            severity=Severity.INFO,  # nothing read speaks against it: a prompt per claim
        )
    visual = _matches_any(claim.text, video_terms.visual_terms)
    unseen = (
        missing_facts(claim_body(claim), [u.labelled_text for u in units], small_counts=False)
        if visual and keyframes
        else []
    )
    if keyframes and (reading.score or 0.0) < KIND_SUPPORT_MIN:
        # a kind of visual no note mentions, the judge not reading it plainly
        unseen += _unshown(claim.text, units, video_terms.shown_kinds)
    times = [t for c in claim.citations for target in c.targets for t in target.times]
    denial = _denied(claim_body(claim), units, times) if visual and not supported else None
    if denial is not None:  # a note says it was not there, the judge agreeing
        note, said = denial
        return VideoOutcome(
            claim=claim,
            verdict="fabricated",
            message=f"describes what is on screen, but the note at {note.locator} says "
            f"'{said}'; timestamps looked at: {_timestamps(looked_at)}",
            evidence=[*_evidence(name, [note]), *looked_at][:3],
            fix="describe only what the keyframes or transcript show",
        )
    only_video = all(is_video_target(t) for c in claim.citations for t in c.targets)
    unseeable = visual and blind and only_video  # another cited source may carry it
    if unseeable and not supported and _wording_covered(claim, units) < BLIND_COVERAGE_MAX:
        return _never_seen(
            claim,
            looked_at,
            f"describes what is on screen, but every call of a tool that looks at the picture "
            f"failed (trace lines {_lines(blind)}) and no slide or keyframe note or transcript "
            "segment states it",
            "describe only what the slide or keyframe notes and transcript show",
        )
    if unseen:  # what is on screen is in the keyframe notes, whatever the judge reads
        return VideoOutcome(
            claim=claim,
            verdict="fabricated",
            message=f"describes what is on screen, but {', '.join(unseen)} appears in no keyframe "
            f"note or transcript segment; timestamps looked at: {_timestamps(looked_at)}",
            evidence=looked_at,
            fix="describe only what the keyframes or transcript show",
        )
    if supported:
        return VideoOutcome(claim=claim, verdict="supported", message="", evidence=looked_at)
    if visual and not keyframes:
        return VideoOutcome(
            claim=claim,
            verdict="unverifiable",
            message="describes what is on screen, but there are no keyframe notes to check it "
            f"against; transcript timestamps looked at: {_timestamps(looked_at)}",
            evidence=looked_at,
            fix="add keyframe notes (video.keyframes.json)",
        )
    if reading.support == "unconfirmed":
        return VideoOutcome(
            claim=claim,
            verdict="unverifiable",
            message="the transcript and keyframes do not plainly state this; check it against "
            f"timestamps {_timestamps(looked_at)}",
            evidence=looked_at,
            fix="compare with the timestamps shown, and cite one",
            severity=Severity.INFO,
        )
    # the judge alone: talk-only facts in Chinese numerals, or a claim whose other half
    # is the paper's, read as unsupported just as well (on the six planted corpora every
    # such claim was right), so this is a prompt to check, not a finding
    return VideoOutcome(
        claim=claim,
        verdict="unverifiable",
        message="the transcript and keyframes do not state this; "
        f"timestamps looked at: {_timestamps(looked_at)}",
        evidence=looked_at,
        fix="compare with the timestamps shown, and cite the moment that states it",
        severity=Severity.INFO,
    )
