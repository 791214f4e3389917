"""One decision layer: a backend's reading becomes an error only when the cited text agrees.

Every backend (the shipped cross-encoder, ``crossencoder``, ``llm``, ``lexical``,
``verifier``) reads a claim against a few evidence windows and returns a verdict.
A model reads topic better than digits, and a window can miss the sentence that
states the claim, so one model score is one signal. :func:`decide` checks that
reading against the *whole* cited text (every passage of the cited pages, the
chunk, the transcript) and marks a verdict ``confident`` — which the rules report
as an error — only when a second, independent signal agrees:

- **contradicted**: an aligned quantity disagrees (:mod:`.quantities`: the same
  subject and metric states another value, and nothing aligned states the claim's)
  — that is positive evidence by itself; a model's contradiction without one
  needs a fact of the claim that the cited text lacks, or a conflicting name or
  negation in the window it read. A claim about all ("every category, including
  code completion") whose named term the cited text makes the exception ("code
  completion is the only category in which it does not lead", :mod:`.exceptions`)
  is contradicted when the model does not find it stated (grey when it does), and
  so is a claim whose name the cited text replaces with another of its kind in an
  aligned clause ("8 H100 GPUs" for "8 A100 GPUs", :mod:`.swaps`; a replaced
  value when the model finds it stated). A
  claim the model does not find whose number the cited text lacks, where a weakly
  aligned statement gives another value, is contradicted too (both signals agree;
  the category follows the value);
- **unsupported**: the model does not find the claim in the windows it read
  (below its support threshold), and a specific fact of the claim (a number, a
  model or dataset identifier, a Latin name) occurs nowhere in the cited text;
- **supported** stays supported unless a number the claim measures is neither
  stated (aligned) in the cited text nor in the window the backend read: then it
  is unconfirmed — or, when a weakly aligned statement gives another value of the
  same measure (°C, km, GW, a percentage) in its place, an unconfirmed
  contradiction with ``replaced`` set (one signal: CC206 reports it as a warning).

Everything else is the grey zone (``confident=False``), which CC205 reports as
info. The layer is deterministic and model-free, so the same policy applies to
every backend and to ``citecheck judge``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.judge.exceptions import EXCEPTION, StatedException, stated_exception
from citecheck.judge.lexical import (
    extract_entities,
    extract_identifiers,
    is_chinese,
)
from citecheck.judge.quantities import QuantityCheck, align_quantities, is_bare_count
from citecheck.judge.swaps import SwappedName, swapped_name
from citecheck.models import Conflict, Verdict

_MODEL_CONFLICT_KINDS = frozenset({"identifier", "negation"})
_SPECIFIC = re.compile(r"\d|[A-Z].*[A-Z]")  # Llama-3.1-8B, TideKV, GQA; not "retrieval-style"
_ACRONYM = re.compile(r"[A-Z](?=(?:[a-z]?[A-Z]){1,4}[a-z]?$)[A-Za-z]{1,5}")  # GQA, MoE, LoRA
_FAMILY = re.compile(r"[A-Za-z]{3,}")
_WORD = re.compile(r"[A-Za-z]+")
_SIZE = re.compile(r"\d+(?:\.\d+)?[BKMT]", re.IGNORECASE)


def decide(claim: str, verdict: Verdict, evidence: Sequence[str]) -> Verdict:
    """The verdict on ``claim`` once the whole cited text ``evidence`` has been consulted."""
    if not any(text.strip() for text in evidence):
        return verdict
    checks = align_quantities(claim, evidence)
    contradicted = [c for c in checks if c.status == "contradicted"]
    if contradicted:
        return _aligned_contradiction(verdict, contradicted)
    exception = stated_exception(claim, evidence)
    if exception is not None:  # two signals unless the model read the claim as stated
        return _excepted(verdict, exception, confident=verdict.label != "supported")
    swap = swapped_name(claim, evidence)
    if swap is not None:  # likewise: a model reads "8 H100 GPUs" and "8 A100 GPUs" as one
        return _swapped(verdict, swap)
    missing = missing_facts(claim, evidence, checks, small_counts=False)
    if verdict.label == "supported":
        read = verdict.evidence_span or ""
        unstated = [
            c
            for c in checks
            if c.status != "stated"
            and c.claim.quantity.raw not in read
            and not is_bare_count(c.claim)
        ]
        if not unstated:
            return verdict
        replaced = [c for c in unstated if _same_measure(c)]
        if replaced:  # one signal against the model's reading: reported, not an error
            return _aligned_contradiction(verdict, replaced).model_copy(
                update={"confident": False, "replaced": True}
            )
        return verdict.model_copy(
            update={
                "label": "unsupported",
                "confident": False,
                "reason": f"{verdict.reason}, but {_unstated_reason(unstated)}",
            }
        )
    if verdict.label == "contradicted":
        named = any(c.kind in _MODEL_CONFLICT_KINDS for c in verdict.conflicts)
        if verdict.confident and named:
            return _with_missing(verdict, missing)
        if verdict.confident and missing:  # what the cited text lacks is a fact, not a value
            return _with_missing(verdict, missing).model_copy(update={"label": "unsupported"})
        return verdict.model_copy(
            update={
                "confident": False,
                "reason": f"{verdict.reason}; no aligned value or missing fact confirms it",
            }
        )
    if missing:  # the model does not find it, and the cited text lacks a fact of it
        replaced = [c for c in checks if c.stand_in is not None]
        if replaced:  # the number is absent, and the text states another in its place
            return _aligned_contradiction(verdict, replaced)
        return _with_missing(verdict, missing).model_copy(update={"confident": True})
    return verdict.model_copy(update={"confident": False})


def missing_facts(
    claim: str,
    evidence: Sequence[str],
    checks: list[QuantityCheck] | None = None,
    *,
    small_counts: bool = True,
) -> list[str]:
    """The claim's specific facts that occur nowhere in the evidence: numbers it
    measures (``small_counts=False`` leaves out counts up to twelve, the weakest of
    them), model/dataset identifiers and, when claim and evidence share a script,
    capitalised Latin names."""
    text = " ".join(evidence)
    folded = _fold(text)
    checks = align_quantities(claim, evidence) if checks is None else checks
    claim = _LEAD_LABEL.sub("", claim)  # "Authors and affiliations: …" names no 'Authors'
    same_script = is_chinese(claim) == is_chinese(text)
    missing = [
        c.claim.quantity.raw
        for c in checks
        if not c.present
        and (small_counts or not is_bare_count(c.claim))
        and not _in_a_name(c.claim.quantity.raw, text)
    ]
    for name in extract_identifiers(claim):
        if not _SPECIFIC.search(name) or _fold(name) in folded or _named_by_family(name, text):
            continue
        if _ACRONYM.fullmatch(name) and (not same_script or _spelled_out(name, text)):
            continue  # GQA: "grouped-query attention", or a translated term
        missing.append(name)
    if same_script or not is_chinese(text):
        names = [_fold(i) for i in extract_identifiers(claim)]
        missing += [
            e
            for e in extract_entities(claim)
            if _fold(e) not in folded
            and not any(_fold(e) in n for n in names)
            and not any(_fold(alias) in folded for alias in _written_beside(e, claim))
        ]
    return list(dict.fromkeys(missing))


_LEAD_LABEL = re.compile(
    r"^\s*(?:[A-Z][A-Za-z]*(?: [A-Za-z]+){0,4}|[\u4e00-\u9fff]{1,8})\s*[:：]\s+"
)
"""A list item's label before its statement ("Authors and affiliations: ", "作者： ")."""


def _in_a_name(raw: str, text: str) -> bool:
    """A size written as names write it ("7B", "8K") that the text gives inside one
    ("Qwen2.5-7B-Instruct", "Llama-3-8K"), or an identifying number it gives inside a
    code: stated, though no number is read there."""
    code_like = _CODE_NUMBER.fullmatch(raw) is not None  # an arXiv id or grant number
    if not _SIZE.fullmatch(raw) and not code_like:
        return False
    return re.search(rf"(?<![\d.]){re.escape(raw)}(?!\d)", text, re.IGNORECASE) is not None


_CODE_NUMBER = re.compile(r"\d{4,}\.\d{4,}|\d{7,}")
"""A number that names something ("2507.14382", "42471390"), written inside a code
("arXiv:2507.14382v2") where no number is read."""


def _written_beside(name: str, claim: str) -> list[str]:
    """The other script's form the claim gives a name in brackets: 方子谦 in
    "Fang Ziqian（方子谦）" or in "方子谦（Fang Ziqian）"."""
    quoted = re.escape(name)
    return [
        found.group("alias")
        for pattern in (
            rf"{quoted}\s*[（(]\s*(?P<alias>[^()（）]{{1,20}}?)\s*[)）]",
            rf"(?P<alias>[^\s()（），,。；;]{{1,20}})\s*[（(]\s*{quoted}\s*[)）]",
        )
        if (found := re.search(pattern, claim))
    ]


def _same_measure(check: QuantityCheck) -> bool:
    """A claim number absent from the cited text whose weakly aligned stand-in is of
    the same explicit measure: a unit class (°C, km, GW …), both percentages, or
    points ("高出 2.8 分") against a gain the source writes bare ("+3.8")."""
    near = check.stand_in
    if near is None:
        return False
    claim = check.claim
    if claim.unit:
        return claim.unit == near.unit
    kinds = claim.quantity.kind, near.quantity.kind
    return kinds == ("percent", "percent") or (kinds[0] == "points" and kinds[1] != "percent")


def _named_by_family(name: str, text: str) -> bool:
    """ "Llama-3.1-8B" where the text says "Llama" (a talk, a blog) and no other
    version of it: the family is named, and nothing contradicts the version."""
    family = _FAMILY.match(name)
    if family is None or family.group(0) == name:
        return False
    versions = [i for i in extract_identifiers(text) if _fold(i).startswith(_fold(family.group(0)))]
    mentioned = re.search(rf"(?<![A-Za-z]){re.escape(family.group(0))}(?![A-Za-z])", text, re.I)
    return mentioned is not None and not versions


def _spelled_out(acronym: str, text: str) -> bool:
    """Whether words of ``text`` begin with the acronym's letters, in order: all of
    them (MoE: mixture of experts) or its capitals (LoRA: low-rank adaptation)."""
    initials = "".join(w[0] for w in _WORD.findall(text)).casefold()
    capitals = "".join(ch for ch in acronym if ch.isupper()).casefold()
    return acronym.casefold() in initials or capitals in initials


def _fold(text: str) -> str:
    return re.sub(r"[-_\s]", "", text).casefold()


def _unstated_reason(unstated: list[QuantityCheck]) -> str:
    """Why the claim's numbers are unconfirmed: the cited text lacks them, or gives
    them only where nothing ties them to what the claim says (a flattened table)."""
    absent = [c.claim.quantity.raw for c in unstated if not c.present]
    loose = [c.claim.quantity.raw for c in unstated if c.present]
    said = [f"the cited text never states {_listed(absent)}"] if absent else []
    if loose:
        said.append(f"nothing ties {_listed(loose)} in the cited text to what the claim says")
    return "; ".join(said)


def _listed(values: list[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _with_missing(verdict: Verdict, missing: list[str]) -> Verdict:
    if not missing:
        return verdict
    return verdict.model_copy(
        update={"reason": f"{verdict.reason}; the cited text never states {_listed(missing)}"}
    )


def _excepted(verdict: Verdict, exception: StatedException, *, confident: bool) -> Verdict:
    return verdict.model_copy(
        update={
            "label": "contradicted",
            "confident": confident,
            "conflicts": [
                Conflict(
                    kind=EXCEPTION,
                    claim_value=exception.term,
                    evidence_value=exception.sentence,
                )
            ],
            "evidence_span": exception.sentence,
            "reason": f"the claim includes '{exception.term}' in what it says of all; "
            "the source makes it the exception",
        }
    )


def _swapped(verdict: Verdict, swap: SwappedName) -> Verdict:
    """Contradicted by a name of the same kind in the claim's place: an error when the
    model does not read the claim as stated either, else a replaced value (CC206)."""
    supported = verdict.label == "supported"
    return verdict.model_copy(
        update={
            "label": "contradicted",
            "confident": not supported,
            "replaced": supported,
            "conflicts": [
                Conflict(kind="name", claim_value=swap.claim_name, evidence_value=swap.source_name)
            ],
            "evidence_span": swap.sentence,
            "reason": f"the claim says '{swap.claim_name}', the source says "
            f"'{swap.source_name}' in its place",
        }
    )


def _aligned_contradiction(verdict: Verdict, checks: list[QuantityCheck]) -> Verdict:
    rivals = [(c, c.rival or c.near) for c in checks]
    conflicts = [
        Conflict(
            kind=c.claim.quantity.kind,
            claim_value=c.claim.quantity.raw,
            evidence_value=r.quantity.raw if r else None,
        )
        for c, r in rivals
    ]
    first = rivals[0][1]
    said = "; ".join(
        f"the claim says '{c.claim.quantity.raw}', the source says "
        f"'{r.quantity.raw if r else '?'}'"
        + (" in another unit" if r and r.quantity.raw == c.claim.quantity.raw else "")
        + " for the same quantity"
        for c, r in rivals
    )
    return verdict.model_copy(
        update={
            "label": "contradicted",
            "confident": True,
            "conflicts": conflicts,
            "evidence_span": first.text if first else verdict.evidence_span,
            "reason": said,
        }
    )
