"""Sidecars in the shapes they come in: meta speakers, transcript names and formats,
diarisation labels, whisper / WhisperX JSON, keyframe field names, declared paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.corpus.video import VideoEvidence

CUE = "1\n00:00:01,000 --> 00:00:04,000\n{text}\n"


def _write(folder: Path, name: str, content: object) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")


def _video(folder: Path, name: str = "video.mp4") -> VideoEvidence:
    (folder / name).write_bytes(b"\x00\x00\x00\x18ftypmp42")
    return VideoEvidence(folder / name, root=folder)


def test_meta_speakers_as_objects_with_roles_and_english_names(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "video.meta.json",
        {
            "speakers": [
                {
                    "name": "周雨桐",
                    "name_en": "Yutong Zhou",
                    "role": "Moderator",
                    "affiliation": "浙大",
                },
                {"full_name": "陈浩然", "aliases": "Haoran Chen", "type": "keynote speaker"},
                "Priya Natarajan",
            ]
        },
    )
    video = _video(tmp_path)
    speakers = video.meta.speakers
    assert [s.names for s in speakers] == [
        ["周雨桐", "Yutong Zhou"],
        ["陈浩然", "Haoran Chen"],
        ["Priya Natarajan"],
    ]
    assert [s.normal_role for s in speakers] == ["moderator", "presenter", None]
    assert video.presenter is not None and video.presenter.name == "陈浩然"
    assert video.read_all() == []


def test_presenter_field_and_speaker_table_keyed_by_diarisation_id(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "video.meta.json",
        {
            "presenter": "Qiaoyu Lin",
            "speakers": {
                "SPEAKER_00": {"name": "Dmitri Volkov", "role": "host"},
                "SPEAKER_01": "Qiaoyu Lin",
            },
        },
    )
    _write(
        tmp_path,
        "video.json",
        {
            "segments": [
                {"start": 0.0, "end": 3.5, "speaker": "SPEAKER_00", "text": " Welcome."},
                {"start": 3.5, "end": 9.0, "speaker": "SPEAKER_01", "text": " Thanks, Dmitri."},
                {"start": 9.0, "end": 12.0, "speaker": "SPEAKER_02", "text": "A question."},
            ]
        },
    )
    video = _video(tmp_path)
    assert video.presenter is not None and video.presenter.id == "SPEAKER_01"
    assert [s.speaker for s in video.segments] == ["Dmitri Volkov", "Qiaoyu Lin", None]
    assert video.segments[0].text == "Welcome."
    assert video.meta.speakers[0].normal_role == "moderator"


@pytest.mark.parametrize(
    "name", ["video.srt", "video.mp4.srt", "video.zh.srt", "video.en.vtt", "transcript.srt"]
)
def test_transcript_sidecar_names(tmp_path: Path, name: str) -> None:
    cue = CUE.format(text="Hello everyone.")
    _write(
        tmp_path,
        name,
        f"WEBVTT\n\n{cue.split(chr(10), 1)[1]}".replace(",", ".") if name.endswith(".vtt") else cue,
    )
    [segment] = _video(tmp_path).segments
    assert (segment.text, segment.start, segment.end) == ("Hello everyone.", 1.0, 4.0)


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("陈浩然：大家好。", "陈浩然", "大家好。"),
        ("[Priya Natarajan] Does it transfer?", "Priya Natarajan", "Does it transfer?"),
        ("【周雨桐】欢迎大家。", "周雨桐", "欢迎大家。"),
        ("<v Mei Tanaka>Thanks Rahul.</v>", "Mei Tanaka", "Thanks Rahul."),
        ("[00:01] no speaker here", None, "[00:01] no speaker here"),
    ],
)
def test_speaker_label_forms(tmp_path: Path, text: str, speaker: str | None, said: str) -> None:
    _write(tmp_path, "video.srt", CUE.format(text=text))
    [segment] = _video(tmp_path).segments
    assert (segment.speaker, segment.text) == (speaker, said)


def test_diarisation_labels_in_subtitles_map_through_the_meta(tmp_path: Path) -> None:
    _write(tmp_path, "video.meta.json", {"speakers": [{"id": "SPEAKER_00", "name": "李娜"}]})
    _write(tmp_path, "video.srt", CUE.format(text="SPEAKER_00: 我想问一个问题。"))
    [segment] = _video(tmp_path).segments
    assert segment.speaker == "李娜"


def test_whisperx_json_with_words_and_language(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "video.transcript.json",
        {
            "language": "zh",
            "segments": [
                {
                    "start": "00:00:01.5",
                    "end": "00:00:03",
                    "text": "你好",
                    "speaker": "SPEAKER_01",
                    "words": [{"word": "你好", "start": 1.5, "end": 3.0}],
                },
            ],
        },
    )
    [segment] = _video(tmp_path).segments
    assert (segment.start, segment.end, segment.text, segment.speaker) == (1.5, 3.0, "你好", None)


@pytest.mark.parametrize(
    ("time_key", "text_key"),
    [("time", "text"), ("t", "ocr"), ("timestamp", "caption"), ("start", "description")],
)
def test_keyframe_field_aliases(tmp_path: Path, time_key: str, text_key: str) -> None:
    _write(tmp_path, "video.keyframes.json", [{time_key: 70, text_key: "Slide: ECE 0.038"}])
    [frame] = _video(tmp_path).keyframes
    assert (frame.start, frame.text, frame.locator) == (70.0, "Slide: ECE 0.038", "@00:01:10")


def test_paths_declared_in_the_meta(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "talk.meta.json",
        {"transcript": "sidecars/asr.json", "keyframes": ["sidecars/frames.json"]},
    )
    _write(tmp_path, "sidecars/asr.json", [{"start": 2, "end": 5, "text": "Hi."}])
    _write(tmp_path, "sidecars/frames.json", [{"t": 3, "caption": "Title slide"}])
    video = _video(tmp_path, "talk.mp4")
    assert [s.text for s in video.segments] == ["Hi."]
    assert [k.text for k in video.keyframes] == ["Title slide"]


def test_declared_path_outside_the_task_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "task"
    folder.mkdir()
    _write(tmp_path, "secret.json", [{"start": 0, "text": "outside"}])
    _write(folder, "video.meta.json", {"transcript": "../secret.json"})
    video = _video(folder)
    assert video.segments == []
    [problem] = video.read_all()
    assert problem.kind == "transcript" and "outside the task folder" in problem.problem


def test_one_bad_sidecar_leaves_the_others_readable(tmp_path: Path) -> None:
    _write(tmp_path, "video.meta.json", {"speakers": 42})  # not a list or a table
    _write(tmp_path, "video.srt", CUE.format(text="Hello."))
    video = _video(tmp_path)
    assert [s.text for s in video.segments] == ["Hello."]
    [problem] = video.read_all()
    assert problem.path == "video.meta.json" and problem.kind == "meta"
    assert '"speakers"' in problem.expected


def test_scene_detector_output_with_summary_and_ocr_text(tmp_path: Path) -> None:
    scenes = {
        "detector": "PySceneDetect",
        "scenes": [
            {
                "scene_id": 1,
                "start_time": "00:01:10.200",
                "end_time": "00:02:06.500",
                "summary": "Slide with a table of six syllables.",
                "ocr_text": "诗 史 试 | 55 35 33",
            }
        ],
    }
    _write(tmp_path, "video.scenes.json", scenes)
    [frame] = _video(tmp_path).keyframes
    assert frame.start == pytest.approx(70.2)
    assert "table of six syllables" in frame.text and "诗 史 试" in frame.text


def test_yt_dlp_info_json_credits_people_in_its_description(tmp_path: Path) -> None:
    info = {
        "title": "PolyTone（NAACL 2025）",
        "description": "主讲：方子谦（灵音科技，论文第四作者）；主持：钟慧敏（港科大）。",
        "uploader": "语音技术沙龙",
        "duration": 658,
        "subtitles": {"zh-Hans": [{"ext": "srt", "filepath": "video.srt"}, {"ext": "json3"}]},
    }
    _write(tmp_path, "video.info.json", info)
    _write(tmp_path, "video.srt", CUE.format(text="方子谦：大家好。"))
    video = _video(tmp_path)
    assert (video.meta.presenter, video.meta.moderator) == ("方子谦", "钟慧敏")
    assert video.meta.duration_s == 658 and video.meta.transcript == ["video.srt"]
    assert video.presenter is not None and video.presenter.name == "方子谦"
    assert video.problems == []
    # the uploader is not the presenter, and a field the file gives wins over its description
    _write(tmp_path, "video.info.json", {**info, "presenter": "Ziqian Fang"})
    assert _video(tmp_path).meta.presenter == "Ziqian Fang"
