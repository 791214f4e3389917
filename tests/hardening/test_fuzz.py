"""Property-based fuzzing of everything that reads outside text: the report parser,
citation syntaxes, sidecar loaders, chunk maps and the trace reader, and the
whole ``lint`` command on random reports.

Property: any input yields a result or an :class:`InputError` naming the file
(the CLI's one clean line), never another exception, and takes time bounded by
a constant plus a per-character cost (linear growth). CI runs the ``ci`` profile
(a few dozen examples per target); ``make fuzz`` runs the ``fuzz`` profile.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.corpus.collection import read_chunk_map
from citecheck.corpus.trace import parse_trace
from citecheck.corpus.video import VideoEvidence, parse_cues
from citecheck.errors import InputError
from citecheck.report.decode import read_text
from citecheck.report.parse import parse_text
from citecheck.rulepack import load_pack
from tests.hardening.hostile import assert_clean_error, run_cli

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PACK = load_pack()
FIXED_SECONDS = 2.0
SECONDS_PER_CHAR = 50e-6
T = TypeVar("T")

# Pieces real reports and logs are made of, so that random text reaches deep paths.
REPORT_PIECES = [
    "# ",
    "## ",
    "\n",
    "\n\n",
    "\r",
    "- ",
    "1. ",
    "| a | b |\n|---|---|\n",
    "```\n",
    "> ",
    "[",
    "]",
    "(",
    ")",
    "[文档: pdf.pdf",
    "[Doc: pdf.pdf, page ",
    "[视频: video.mp4]",
    '[long_context: "',
    '", chunk ',
    "page ",
    "pp. ",
    "第",
    "页",
    "块",
    "chunk ",
    "-",
    "–",
    ",",
    "，",
    "、",
    " and ",
    "et al.",
    "2020",
    "1e9",
    "-3",
    "\ufffd",
    "。",
    ".",
    "!",
    "?",
    "…",
    "“",
    "”",
    '"',
    "Holtzman",
    "Xa",
    "and",
    "<!-- citecheck: disable-next-line CC201 -->",
    "## Final Report",
    "## Summary",
    "FINAL ANSWER",
    "主讲：",
    "张三",
    "的",
    "方法",
    " ",
    "\t",
    "\x1b",
    "\x00",
    "\u200b",
    "\ud7ff",
    "亿",
    "万",
    "百分之",
    "%",
    "73.5",
]
TRACE_PIECES = [
    "=== RAG Search Results ===\n",
    "=== RAG Context for Query ===\n",
    "Query: 'q'\n",
    "Results Found: ",
    "Documents Retrieved: ",
    "Result 1\n",
    "Source 2\n",
    'Citation: [long_context: "',
    '", chunk ',
    "]\n",
    "Title: ",
    "Chunk Index: ",
    "--- Message 3 ---\n",
    "Message: Connecting to server 'tool-rag' to call tool 'rag_search'\n",
    "Tool Call Success\n",
    "Tool Call Failed\n",
    "Message: Error: boom\n",
    "<tool_name>video_tool</tool_name>\n",
    "... [truncated]",
    "\ufffd",
    "Ã©",
    "文档",
    "\n",
    "7",
    "99999999999999999999",
    " ",
]
SRT_PIECES = [
    "1\n",
    "00:00:01,000 --> 00:00:04,000\n",
    "01:02:03.5 --> 99:59:59,999\n",
    "WEBVTT\n",
    "NOTE x\n",
    "<v Alice>",
    "</v>",
    "Bob: ",
    "text",
    "\n\n",
    "\r\n",
    ":",
    "-->",
    " ",
]


def composed(pieces: list[str], max_size: int = 60) -> st.SearchStrategy[str]:
    """Text glued from known pieces and arbitrary characters."""
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=8))
    return st.lists(piece, max_size=max_size).map("".join)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["start", "end", "time", "text", "speaker", "title", "segments"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["start", "end", "time", "text", "speaker", "title", "segments", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)
JSON_TEXT = st.one_of(
    JSON_VALUES.map(json.dumps),
    composed(['{"start": ', '"end": ', "NaN", "Infinity", "[", "]", "{", "}", ",", '"'], 30),
)


def survives(work: Callable[[], T], size: int) -> T | None:
    """Run ``work``: a value or an InputError with a message, within the time bound."""
    start = time.perf_counter()
    try:
        return work()
    except InputError as error:
        assert error.path and error.problem and "\n" not in str(error)
        return None
    finally:
        assert time.perf_counter() - start < FIXED_SECONDS + SECONDS_PER_CHAR * size


@given(composed(REPORT_PIECES))
def test_fuzz_report_parser(text: str) -> None:
    report = survives(lambda: parse_text(text, "fuzz.md", PACK), len(text))
    assert report is not None
    for claim in report.claims:
        assert 1 <= claim.span.line <= text.count("\n") + text.count("\r") + 1


@given(composed(REPORT_PIECES[10:40], max_size=40))
def test_fuzz_citation_syntaxes(body: str) -> None:
    text = f"说法[{body}]。\n另一句[文档: {body}\n"
    report = survives(lambda: parse_text(text, "fuzz.md", PACK), len(text))
    assert report is not None
    for citation in report.citations:
        for target in citation.targets:
            assert all(abs(n) <= 10**18 for n in (*target.pages, *target.chunks))


@given(st.binary(max_size=300))
def test_fuzz_report_decoding(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("decode") / "r.md"
    path.write_bytes(data)
    survives(lambda: read_text(path), len(data))


@given(composed(TRACE_PIECES, max_size=80))
def test_fuzz_trace_reader(text: str) -> None:
    trace = survives(lambda: parse_trace(text, "fuzz.log"), len(text))
    assert trace is not None
    for retrieval in trace.retrievals:
        assert retrieval.line >= 1


@given(composed(SRT_PIECES, max_size=40))
def test_fuzz_subtitles(tmp_path_factory: Any, text: str) -> None:
    path = tmp_path_factory.mktemp("srt") / "talk.srt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    survives(lambda: parse_cues(path), len(text))


PLAIN_SIDECAR_PIECES = [
    "许念 (00:00:04): ",
    "[01:02:03.5] ",
    "Jane  0:42\n",
    "\n",
    "start,end,slide_title,description\n",
    "00:01:10,",
    "时间\t描述\n",
    '"',
    "<movie><title>",
    "</title><actor><name>X</name><role>嘉宾（远程）</role></actor>",
    "<runtime>15</runtime></movie>",
    "<!DOCTYPE",
    "[Events]\n",
    "Format: Layer, Start, End, Style, Name, Text\n",
    "Dialogue: 0,0:00:01.00,0:00:02.50,,许念,{\\i1}hi\\N",
    "0:00:01.000,0:00:04.000\n",
    '<tt xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"',
    ' ttp:tickRate="0"><body><p begin="',
    '1.5s" dur="10t" ttm:agent="a">',
    "<br/></p></body></tt>",
    "[[slides]]\nstart = ",
    'title = "',
    "- time: ",
    "talk:\n  speakers:\n    - name: ",
    "&a [1]\n",
    "*a",
    ":",
    "9" * 30,
]
PLAIN_SIDECAR_SUFFIXES = [".transcript.txt", ".slides.csv", ".frames.tsv", ".nfo"]
PLAIN_SIDECAR_SUFFIXES += [".ass", ".ssa", ".sbv", ".ttml", ".dfxp"]
PLAIN_SIDECAR_SUFFIXES += [".meta.yaml", ".meta.toml", ".slides.toml", ".keyframes.yaml"]


@given(
    composed(PLAIN_SIDECAR_PIECES, max_size=30),
    st.sampled_from(PLAIN_SIDECAR_SUFFIXES),
)
def test_fuzz_plain_video_sidecars(tmp_path_factory: Any, text: str, suffix: str) -> None:
    folder: Path = tmp_path_factory.mktemp("plain")
    (folder / f"talk{suffix}").write_text(text, encoding="utf-8", errors="surrogatepass")
    video = VideoEvidence(folder / "talk.mp4")
    survives(lambda: (video.segments, video.keyframes, video.meta, video.read_all()), len(text))


VIDEO_SIDECARS = [".transcript.json", ".keyframes.json", ".meta.json", ".transcript.txt"]
VIDEO_SIDECARS += [".slides.csv", ".keyframes.tsv", ".nfo", ".ass", ".sbv", ".ttml"]
VIDEO_SIDECARS += [".meta.yaml", ".meta.yml", ".meta.toml", ".slides.toml", ".chapters.yaml"]


@given(JSON_TEXT, st.sampled_from(VIDEO_SIDECARS))
def test_fuzz_video_sidecars(tmp_path_factory: Any, content: str, suffix: str) -> None:
    folder: Path = tmp_path_factory.mktemp("video")
    (folder / f"talk{suffix}").write_text(content, encoding="utf-8", errors="surrogatepass")
    video = VideoEvidence(folder / "talk.mp4")
    survives(lambda: (video.segments, video.keyframes, video.meta, video.has_evidence), 0)


@given(st.lists(JSON_TEXT, max_size=5))
def test_fuzz_chunk_maps(tmp_path_factory: Any, rows: list[str]) -> None:
    path = tmp_path_factory.mktemp("chunks") / "long_context.chunks.jsonl"
    path.write_text("\n".join(rows), encoding="utf-8", errors="surrogatepass")
    survives(lambda: list(read_chunk_map(path)), sum(map(len, rows)))


@settings(max_examples=min(settings().max_examples, 25))
@given(composed(REPORT_PIECES, max_size=40))
def test_fuzz_lint_end_to_end(task: Path, text: str) -> None:
    report = task / "fuzz.md"
    report.write_text(text, encoding="utf-8", errors="surrogatepass")
    start = time.perf_counter()
    outcome = run_cli("lint", report, "--corpus", task, "--select", "CC1,CC5,CC9")
    assert time.perf_counter() - start < FIXED_SECONDS + SECONDS_PER_CHAR * len(text)
    if outcome.code == 2:
        assert_clean_error(outcome)
    else:
        assert outcome.code in (0, 1), outcome
