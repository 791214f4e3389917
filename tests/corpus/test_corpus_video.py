"""VideoEvidence: SRT/VTT/JSON transcripts, metadata, keyframes, bad sidecars."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from citecheck.corpus.video import VideoEvidence

SRT = """1
00:00:01,000 --> 00:00:04,500
Yi Ren: Today we talk about learning dynamics.

2
00:01:02,000 --> 00:01:10,000
The squeezing effect appears in DPO.
"""
VTT = """WEBVTT

NOTE recorded live

intro
00:02.000 --> 00:05.000 align:start
<v Danica Sutherland>Thanks for having me.</v>

01:00:00.000 --> 01:00:03.000
主持人：欢迎大家。
"""


def video_with(tmp_path: Path, **sidecars: str) -> VideoEvidence:
    for suffix, content in sidecars.items():
        (tmp_path / f"talk{suffix.replace('_', '.')}").write_text(content, encoding="utf-8")
    return VideoEvidence(tmp_path / "talk.mp4")


def test_no_sidecars_means_no_evidence(tmp_path: Path) -> None:
    video = VideoEvidence(tmp_path / "talk.mp4")
    assert video.segments == [] and video.keyframes == []
    assert not video.has_transcript and not video.has_evidence


def test_srt_segments_with_speakers(tmp_path: Path) -> None:
    segments = video_with(tmp_path, _srt=SRT).segments
    assert [s.locator for s in segments] == ["00:00:01–00:00:04", "00:01:02–00:01:10"]
    assert segments[0].speaker == "Yi Ren"
    assert segments[0].text == "Today we talk about learning dynamics."
    assert (segments[1].speaker, segments[1].start, segments[1].end) == (None, 62.0, 70.0)
    assert all(s.kind == "segment" and s.source == "talk.mp4" for s in segments)


def test_vtt_voice_tags_and_colon_prefixes(tmp_path: Path) -> None:
    segments = video_with(tmp_path, _vtt=VTT).segments
    assert [(s.speaker, s.text) for s in segments] == [
        ("Danica Sutherland", "Thanks for having me."),
        ("主持人", "欢迎大家。"),
    ]
    assert segments[1].locator == "01:00:00–01:00:03"


@pytest.mark.parametrize("suffix", ["_transcript_json", "_json"])
def test_json_segments(tmp_path: Path, suffix: str) -> None:
    rows = [{"start": 190, "end": 195.5, "speaker": "A", "text": "slide two"}]
    payload = json.dumps({"segments": rows} if suffix == "_json" else rows)
    video = video_with(tmp_path, **{suffix: payload})
    assert video.has_transcript
    assert video.segments[0].locator == "00:03:10–00:03:15"
    assert video.segments[0].speaker == "A"


def test_meta_and_keyframes(tmp_path: Path) -> None:
    meta = {
        "title": "LLM 微调",
        "speakers": ["Yi Ren"],
        "presenter": "Yi Ren",
        "language": "en",
        "aliases": {"Yi Ren": ["任毅"]},
    }
    frames = [{"time": 190, "text": "Slide: squeezing effect"}]
    video = video_with(tmp_path, _meta_json=json.dumps(meta), _keyframes_json=json.dumps(frames))
    assert video.meta.presenter == "Yi Ren" and video.meta.aliases == {"Yi Ren": ["任毅"]}
    assert video.keyframes[0].locator == "@00:03:10"
    assert video.keyframes[0].kind == "keyframe" and video.keyframes[0].start == 190
    assert video.has_evidence and not video.has_transcript


@pytest.mark.parametrize(
    ("sidecar", "content", "problem", "expected"),
    [
        ("_meta_json", "{not json", "invalid JSON", "speakers"),
        ("_keyframes_json", '[{"text": "no time"}]', "time", "timestamp"),
        ("_transcript_json", '{"segments": 3}', "expected a JSON list", "segments"),
        ("_srt", "1\nnot a time\nhello\n", "malformed subtitle cue near line 1", "SRT"),
    ],
)
def test_bad_sidecars_are_recorded_not_raised(
    tmp_path: Path, sidecar: str, content: str, problem: str, expected: str
) -> None:
    video = video_with(tmp_path, **{sidecar: content})
    problems = video.read_all()
    assert [p.path for p in problems] == ["talk" + sidecar.replace("_", ".")]
    assert problem in problems[0].problem and expected in problems[0].expected
    assert not video.segments and not video.keyframes and video.meta.title is None


def test_the_length_comes_from_the_meta_else_where_the_transcript_ends(tmp_path: Path) -> None:
    assert VideoEvidence(tmp_path / "talk.mp4").length == []
    (unit,) = video_with(tmp_path, _srt=SRT).length
    assert (unit.kind, unit.locator) == ("meta", "length 00:01:10")
    assert unit.text == "The video runs 00:01:10: 70 seconds, about 1 minutes."
    meta = json.dumps({"title": "A talk", "duration_s": 912})
    (unit,) = video_with(tmp_path, _meta_json=meta).length
    assert "912 seconds, about 15 minutes" in unit.text
    clock = json.dumps({"title": "A talk", "duration": "15:12"})
    assert "912 seconds" in video_with(tmp_path, _meta_json=clock).length[0].text
    odd = json.dumps({"title": "A talk", "duration": "a quarter hour"})
    assert video_with(tmp_path, _meta_json=odd).meta.title == "A talk"  # still read


def _mp4(timescale: int, duration: int, version: int = 0) -> bytes:
    """A media file of boxes only: ftyp, a free box, moov holding mvhd."""
    if version == 1:
        times = struct.pack(">QQIQ", 0, 0, timescale, duration)
    else:
        times = struct.pack(">IIII", 0, 0, timescale, duration)
    mvhd_body = bytes([version, 0, 0, 0]) + times + bytes(80)
    mvhd = struct.pack(">I4s", 8 + len(mvhd_body), b"mvhd") + mvhd_body
    moov = struct.pack(">I4s", 8 + len(mvhd), b"moov") + mvhd
    ftyp = struct.pack(">I4s4sI", 16, b"ftyp", b"isom", 0)
    free = struct.pack(">I4s", 16, b"free") + bytes(8)
    return ftyp + free + moov


def test_the_length_comes_from_the_media_header_when_no_meta_gives_it(tmp_path: Path) -> None:
    (tmp_path / "talk.mp4").write_bytes(_mp4(1000, 984_000))
    assert VideoEvidence(tmp_path / "talk.mp4").declared_length == 984.0
    (tmp_path / "long.mp4").write_bytes(_mp4(600, 600 * 5000, version=1))
    assert VideoEvidence(tmp_path / "long.mp4").declared_length == 5000.0
    (tmp_path / "cut.mp4").write_bytes(_mp4(1000, 984_000)[:40])  # moov cut off
    assert VideoEvidence(tmp_path / "cut.mp4").declared_length is None
    (tmp_path / "text.mp4").write_text("not a video", encoding="utf-8")
    assert VideoEvidence(tmp_path / "text.mp4").declared_length is None
    meta = json.dumps({"title": "A talk", "duration_s": 900})
    assert video_with(tmp_path, _meta_json=meta).declared_length == 900.0  # the meta first


def test_what_the_meta_states_is_one_unit_of_key_value_lines(tmp_path: Path) -> None:
    meta = {
        "title": "炉边对话",
        "event": {"name": "青年论坛", "date": "2025-09-20", "city": "武汉"},
        "participants": [
            {"name": "唐亦凡", "role": "host"},
            {"name": "Pan Xinyi", "role": "guest"},
        ],
        "recorded": True,
    }
    (unit,) = video_with(tmp_path, _meta_json=json.dumps(meta, ensure_ascii=False)).stated
    lines = unit.text.splitlines()
    assert (unit.kind, unit.locator) == ("meta", "meta")
    assert "event.date: 2025-09-20" in lines and "participants.name: Pan Xinyi" in lines
    assert not any(line.startswith(("date:", "recorded")) for line in lines)  # no copies, no flags
    assert VideoEvidence(tmp_path / "none.mp4").stated == []
