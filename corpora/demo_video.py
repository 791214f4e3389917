"""Evidence about the demo talk: transcript segments, metadata and keyframe notes.

The host introduces the first author, who then presents the paper. Times are in
seconds. Keyframe notes describe what the slides show, nothing more.
"""

HOST = "Daniel Brooks"
PRESENTER = "Mara Okafor"

META = {
    "title": (
        "ICLR 2025 Oral: Where Does the Probability Go? Mass Migration in Preference Finetuning"
    ),
    "speakers": [HOST, PRESENTER],
    "presenter": PRESENTER,
    "language": "en",
}

_LINES: list[tuple[str, str]] = [
    (
        HOST,
        "Welcome back to the alignment session. Our next speaker is Mara Okafor from the "
        "University of Edinburgh, the first author of the paper on mass migration in "
        "preference finetuning.",
    ),
    (PRESENTER, "Thank you, Daniel. This is joint work with Wei-Lin Chen and Tomas Lindqvist."),
    (
        PRESENTER,
        "Everybody who has run DPO for a few epochs has seen this curve: the loss goes down, "
        "but the log-probability of the chosen responses goes down too.",
    ),
    (
        PRESENTER,
        "Our question is simple. When DPO removes probability from the rejected response, "
        "where does that probability go?",
    ),
    (
        PRESENTER,
        "We decompose every update into three factors: an anchor term, a kernel term and a "
        "residual term. Only the residual term depends on the loss.",
    ),
    (
        PRESENTER,
        "If the rejected response is already very unlikely, pushing it down moves the mass "
        "to the most likely response. We call this mass migration.",
    ),
    (
        PRESENTER,
        "On Qwen1.5-0.5B the chosen log-probability ends 4.7 nats lower after eight epochs, "
        "and the argmax share climbs from 31 percent to 78 percent.",
    ),
    (
        PRESENTER,
        "You can see it in the outputs as well. The repetition rate goes from about three "
        "percent to more than eleven percent, and answers start borrowing phrases from other "
        "questions.",
    ),
    (
        PRESENTER,
        "Our fix is called Mirror-SFT. Before DPO, we do two epochs of SFT on both the chosen "
        "and the rejected responses.",
    ),
    (
        PRESENTER,
        "That lifts the rejected responses out of the tail. The decline of chosen "
        "log-probabilities shrinks by 62 percent, and the win rate goes from 51.2 to 58.9 "
        "percent on Anthropic-HH.",
    ),
    (
        PRESENTER,
        "On-policy DPO does not squeeze at all in our runs, but it cost us about three times "
        "the compute.",
    ),
    (
        PRESENTER,
        "One honest limitation: our largest model has 1.8 billion parameters, so we cannot "
        "say yet how big the effect is for much larger models.",
    ),
    (
        PRESENTER,
        "The code and the probing sets are on GitHub. Thank you, and I am happy to take questions.",
    ),
    (
        HOST,
        "Thank you, Mara. We have time for one question. Does Mirror-SFT make the model "
        "more harmful, since it trains on rejected answers?",
    ),
    (
        PRESENTER,
        "We checked that. Harmlessness stays within one point before DPO and is higher "
        "after DPO, because DPO then pushes the rejected answers down effectively.",
    ),
]

_SEGMENT_SECONDS = 14.0


def transcript_segments() -> list[dict[str, object]]:
    """The talk as ``{start, end, speaker, text}`` segments, back to back."""
    segments = []
    for index, (speaker, text) in enumerate(_LINES):
        start = round(index * _SEGMENT_SECONDS, 1)
        segments.append(
            {
                "start": start,
                "end": round(start + _SEGMENT_SECONDS - 0.5, 1),
                "speaker": speaker,
                "text": text,
            }
        )
    return segments


KEYFRAMES: list[dict[str, object]] = [
    {
        "time": 2.0,
        "text": "Session slide: 'ICLR 2025 Oral Session 4C: Alignment'. Host at a lectern.",
    },
    {
        "time": 16.0,
        "text": "Title slide: 'Where Does the Probability Go? Mass Migration in Preference "
        "Finetuning', Mara Okafor, Wei-Lin Chen, Tomas Lindqvist; University of Edinburgh, "
        "NUS, KTH logos.",
    },
    {
        "time": 30.0,
        "text": "Slide: line plot of chosen and rejected log-probability over DPO epochs; both "
        "curves fall after epoch 1.",
    },
    {
        "time": 58.0,
        "text": "Slide: equation Delta log pi = - eta A K G with the three factors labelled "
        "anchor, kernel and residual.",
    },
    {
        "time": 86.0,
        "text": "Slide: bar chart 'argmax share' for Qwen1.5-0.5B, 31% before DPO and 78% after "
        "8 epochs.",
    },
    {
        "time": 114.0,
        "text": "Slide: diagram of Mirror-SFT: SFT on chosen and rejected responses for 2 epochs, "
        "then DPO.",
    },
    {
        "time": 128.0,
        "text": "Slide: Table 1 excerpt with win rates 51.2% (off-policy DPO) and 58.9% "
        "(Mirror-SFT + DPO).",
    },
    {"time": 170.0, "text": "Slide: 'Thank you! github.com/mokafor/mass-migration'."},
]
