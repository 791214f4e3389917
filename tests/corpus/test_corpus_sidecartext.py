"""Video sidecars as plain text, tables and XML: timestamped transcripts (one turn a
line, or Otter / Descript turns), Kodi ``.nfo`` metadata, CSV / TSV slide and
keyframe lists; every shape's variants, and a bad file recorded, never raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.corpus.sidecars import SpeakerRecord, role_of, split_role
from citecheck.corpus.video import VideoEvidence


def _video(folder: Path, name: str = "video.mp4", **files: str | bytes) -> VideoEvidence:
    (folder / name).write_bytes(b"\x00\x00\x00\x18ftypmp42")
    for file_name, content in files.items():
        path = folder / file_name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return VideoEvidence(folder / name, root=folder)


# ---------------------------------------------------------------- plain-text transcripts

TITLED = "圆桌讨论｜专用模型还有必要吗？\nRecorded 2025-06-21 14:30\n\n{first}\n\n{second}\n"


@pytest.mark.parametrize(
    ("first", "second", "speaker", "start", "said"),
    [
        ("许念 (00:00:04): 各位下午好。", "郑凯 (00:01:02): 谢谢。", "许念", 4.0, "各位下午好。"),
        ("Sofia Brandt (06:19): I think yes.", "许念 (07:00): 好。", "Sofia Brandt", 379.0, None),
        ("许念（00:00:04）：各位下午好。", "郑凯（00:01:02）：谢谢。", "许念", 4.0, "各位下午好。"),
        ("[00:00:04] Jane Doe: Hello there.", "[00:01:02] Li Wei: Hi.", "Jane Doe", 4.0, None),
        ("00:00:04 Jane Doe: Hello there.", "00:01:02 Li Wei: Hi.", "Jane Doe", 4.0, None),
        ("(00:00:04) 郑凯：大家好。", "(00:01:02) 许念：谢谢。", "郑凯", 4.0, "大家好。"),
        ("- **Jane Doe** (00:00:04): Hello there.", "- **Li** (01:02): Hi.", "Jane Doe", 4.0, None),
        ("[00:00:04.500] no speaker named here", "[00:01:02] next", None, 4.5, None),
    ],
)
def test_one_turn_a_line_in_every_shape(
    tmp_path: Path, first: str, second: str, speaker: str | None, start: float, said: str | None
) -> None:
    text = TITLED.format(first=first, second=second)
    video = _video(tmp_path, **{"video.transcript.txt": text})
    opening, following = video.segments
    assert (opening.speaker, opening.start) == (speaker, start)
    assert opening.end == following.start  # a turn ends where the next begins
    if said is not None:
        assert opening.text == said
    assert video.read_all() == []


@pytest.mark.parametrize("header", ["Jane Doe  0:42", "Jane Doe 00:00:42", "Jane Doe (0:42)"])
def test_otter_and_descript_turns_take_the_lines_under_them(tmp_path: Path, header: str) -> None:
    text = f"Team sync\n\n{header}\nFirst line,\nsecond line.\n\nSpeaker 2  1:05\nReply.\n"
    segments = _video(tmp_path, **{"video.transcript.txt": text}).segments
    assert [(s.speaker, s.start, s.end, s.text) for s in segments] == [
        ("Jane Doe", 42.0, 65.0, "First line, second line."),
        (None, 65.0, 65.0, "Reply."),  # an unresolved diarisation label names nobody
    ]


@pytest.mark.parametrize(
    "text",
    [
        "[00:00.000 --> 00:04.000]  Hello there.\n[00:04.000 --> 00:09.500]  Next.\n",
        "1\n00:00:00,000 --> 00:00:04,000\nHello there.\n\n"
        "2\n00:00:04,000 --> 00:00:09,500\nNext.\n",
        "Jane (0:00 - 0:04): Hello there.\nLi (0:04 - 0:09.5): Next.\n",
    ],
)
def test_a_line_may_give_the_turn_its_end(tmp_path: Path, text: str) -> None:
    segments = _video(tmp_path, **{"video.txt": text}).segments
    assert [(s.start, s.end, s.text) for s in segments] == [
        (0.0, 4.0, "Hello there."),
        (4.0, 9.5, "Next."),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "video.transcript.txt",
        "video.mp4.transcript.txt",
        "video.txt",
        "transcript.txt",
        "video.transcript.md",
        "transcript.md",
    ],
)
def test_plain_transcript_sidecar_names(tmp_path: Path, name: str) -> None:
    text = "# Transcript\n\n## Part one\n\n郑凯 (00:01:02): 结果见这张表。\n"
    [segment] = _video(tmp_path, **{name: text}).segments
    assert (segment.speaker, segment.start, segment.text) == ("郑凯", 62.0, "结果见这张表。")


def test_markdown_headings_between_turns_are_not_speech(tmp_path: Path) -> None:
    text = "A (00:00:01): one.\n\n## Q&A\n\nB (00:00:09): two.\n"
    segments = _video(tmp_path, **{"transcript.md": text}).segments
    assert [s.text for s in segments] == ["one.", "two."]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("Notes on the talk.\nNo times anywhere.\n", "no timestamped lines"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
    ],
)
def test_a_transcript_without_timestamped_turns_is_a_problem(
    tmp_path: Path, content: str | bytes, problem: str
) -> None:
    video = _video(tmp_path, **{"video.transcript.txt": content})
    assert video.segments == []
    [recorded] = video.read_all()
    assert (recorded.path, recorded.kind) == ("video.transcript.txt", "transcript")
    assert problem in recorded.problem and "Name (00:01:02): text" in recorded.expected


# ---------------------------------------------------------------- Kodi .nfo

NFO = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- written by a media manager -->
<movie>
  <title>圆桌讨论｜专用模型还有必要吗？</title>
  <originaltitle>Panel: do we still need specialised models?</originaltitle>
  <plot>时序预测分论坛圆桌讨论。主持：许念（《能源数智》周刊主编）。
  嘉宾：郑凯（蓝云能源）、Sofia Brandt（KTH）。</plot>
  <runtime>15</runtime>
  <premiered>2025-06-21</premiered>
  <studio>能源数智周刊</studio>
  <actor><name>许念</name><role>主持人</role><order>0</order></actor>
  <actor><name>郑凯</name><role>嘉宾（PRISM 论文第三作者）</role></actor>
  <actor><name>Sofia Brandt</name><role>嘉宾（远程连线）</role></actor>
  <actor><role>嘉宾</role></actor>
  <fileinfo><streamdetails><video><durationinseconds>888</durationinseconds></video>
  </streamdetails></fileinfo>
</movie>
"""


def test_nfo_gives_title_length_speakers_and_roles(tmp_path: Path) -> None:
    video = _video(tmp_path, **{"video.nfo": NFO})
    meta = video.meta
    assert meta.title == "圆桌讨论｜专用模型还有必要吗？"
    assert meta.duration_s == 888  # durationinseconds wins over runtime minutes
    assert [(s.name, s.role, s.note, s.normal_role) for s in meta.speakers] == [
        ("许念", "主持人", None, "moderator"),
        ("郑凯", "嘉宾", "PRISM 论文第三作者", "panelist"),
        ("Sofia Brandt", "嘉宾", "远程连线", "panelist"),
    ]
    assert meta.description is not None and meta.description.startswith("时序预测分论坛")
    assert meta.moderator == "许念"  # credited in the plot, as in a yt-dlp description
    assert video.moderator is not None and video.moderator.role == "主持人"
    assert video.presenter is None  # a panel: guests are not presenters
    assert "888 seconds, about 15 minutes" in video.length[0].text
    assert video.read_all() == []


@pytest.mark.parametrize("name", ["video.mp4.nfo", "movie.nfo"])
def test_nfo_with_runtime_minutes_and_a_scraper_url_after_it(tmp_path: Path, name: str) -> None:
    nfo = (
        "<episodedetails><title>PolyTone</title><runtime>11 min</runtime>"
        "<plot>主讲：方子谦（灵音科技）；主持：钟慧敏。</plot></episodedetails>\n"
        "https://www.themoviedb.org/movie/12345\n"
    )
    video = _video(tmp_path, **{name: nfo})
    assert (video.meta.title, video.meta.duration_s) == ("PolyTone", 660)
    assert video.presenter is not None and video.presenter.name == "方子谦"
    assert video.moderator is not None and video.moderator.name == "钟慧敏"
    assert video.problems == []


def test_an_endless_nfo_length_is_no_length(tmp_path: Path) -> None:
    nfo = "<movie><title>T</title><fileinfo><streamdetails><video>"
    nfo += "<durationinseconds>inf</durationinseconds></video></streamdetails></fileinfo></movie>"
    video = _video(tmp_path, **{"video.nfo": nfo})
    assert video.meta.title == "T" and video.length == [] and video.problems == []


def test_a_json_meta_beside_an_nfo_is_the_one_read(tmp_path: Path) -> None:
    video = _video(tmp_path, **{"video.nfo": NFO, "video.meta.json": '{"title": "JSON"}'})
    assert video.meta.title == "JSON"


@pytest.mark.parametrize(
    ("nfo", "problem"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE movie [<!ENTITY lol "lol">]>\n'
            "<movie><title>&lol;</title></movie>",
            "DOCTYPE or entities",
        ),
        ('<!ENTITY x SYSTEM "file:///etc/passwd"><movie/>', "DOCTYPE or entities"),
        ("<movie><title>unclosed</movie>", "invalid XML"),
        ("<movie><genre>讲座</genre></movie>", "no title, plot, actor or length"),
    ],
)
def test_a_bad_nfo_is_a_problem(tmp_path: Path, nfo: str, problem: str) -> None:
    video = _video(tmp_path, **{"video.nfo": nfo})
    assert video.meta.title is None and not video.has_evidence
    [recorded] = video.read_all()
    assert (recorded.path, recorded.kind) == ("video.nfo", "meta")
    assert problem in recorded.problem and "<durationinseconds>" in recorded.expected


# ---------------------------------------------------------------- CSV / TSV frame lists

SLIDES = (
    "start,end,shot,slide_no,slide_title,on_screen_text,description\n"
    "00:00:00,00:00:58,camera,,,大会 · 杭州,舞台全景。\n"
    '00:03:00,00:03:38,slide,4,主要结果,"MSE: 0.187, 0.201",三行一列的表格。\n'
    "00:03:38,00:04:16,,,,,\n"
)


def test_slide_list_gives_one_keyframe_per_row_with_its_columns(tmp_path: Path) -> None:
    frames = _video(tmp_path, **{"video.slides.csv": SLIDES}).keyframes
    assert [(f.start, f.locator) for f in frames] == [(0.0, "@00:00:00"), (180.0, "@00:03:00")]
    assert frames[0].text == "shot: camera | on screen text: 大会 · 杭州 | 舞台全景。"
    assert frames[1].text == (
        "shot: slide | slide no: 4 | slide title: 主要结果 | on screen text: MSE: 0.187, 0.201"
        " | 三行一列的表格。"
    )


@pytest.mark.parametrize(
    ("name", "table", "start", "text"),
    [
        ("video.keyframes.tsv", "time\tocr\n1:10\tECE 0.038\n", 70.0, "ocr: ECE 0.038"),
        ("video.frames.csv", "时间,描述\n70.5,流程图\n", 70.5, "流程图"),
        ("slides.csv", "Timestamp;Caption\n00:01:10.200;Title slide\n", 70.2, "Title slide"),
        ("keyframes.csv", "id,Start (s),Notes\n3,70,red arrow\n", 70.0, "Notes: red arrow"),
        ("video.scenes.csv", 't,summary\n70,"two\nlines"\n', 70.0, "two\nlines"),
        ("video.mp4.shots.tsv", "开始\t画面文字\n00:01:10\t标题页\n", 70.0, "画面文字: 标题页"),
    ],
)
def test_frame_table_variants(
    tmp_path: Path, name: str, table: str, start: float, text: str
) -> None:
    video = _video(tmp_path, **{name: table})
    [frame] = video.keyframes
    assert (frame.start, frame.text) == (pytest.approx(start), text)
    assert video.read_all() == []


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ("slide_title,description\n标题页,白底蓝字\n", "no time column"),
        ("start,description\nsoon,白底蓝字\n", "row 2: 'soon' is not a time"),
        ("start,description\n0,ok\ninf,白底蓝字\n", "row 3: 'inf' is not a time"),
        ("\n\n", "empty table"),
    ],
)
def test_a_bad_frame_table_is_a_problem(tmp_path: Path, table: str, problem: str) -> None:
    video = _video(tmp_path, **{"video.slides.csv": table})
    assert video.keyframes == []
    [recorded] = video.read_all()
    assert (recorded.path, recorded.kind) == ("video.slides.csv", "keyframes")
    assert problem in recorded.problem and "time column" in recorded.expected


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize(
    ("written", "role", "note", "normal"),
    [
        ("嘉宾（PRISM 论文第三作者）", "嘉宾", "PRISM 论文第三作者", "panelist"),
        ("Moderator, editor of Energy Weekly", "Moderator", "editor of Energy Weekly", "moderator"),
        ("主讲嘉宾", "主讲嘉宾", None, "presenter"),
        ("guest speaker", "guest speaker", None, "presenter"),
        ("Panelist / remote", "Panelist", "remote", "panelist"),
        ("Dr. Strange (cameo)", "Dr. Strange (cameo)", None, None),
    ],
)
def test_a_role_keeps_its_other_words_as_the_note(
    written: str, role: str, note: str | None, normal: str | None
) -> None:
    assert split_role(written) == (role, note)
    person = SpeakerRecord.model_validate({"name": "X", "role": written})
    assert (person.role, person.note, person.normal_role) == (role, note, normal)
    assert role_of(written) == normal


def test_a_plain_text_panel_with_nfo_and_slides(tmp_path: Path) -> None:
    transcript = (
        "圆桌讨论\n\n许念 (00:00:04): 欢迎。\n\n郑凯 (00:01:02): PRISM 的结果。\n\n"
        "韩露 (00:10:14): 我想问一个问题。\n"
    )
    video = _video(
        tmp_path,
        **{"video.transcript.txt": transcript, "video.nfo": NFO, "video.slides.csv": SLIDES},
    )
    assert [(s.speaker, s.locator) for s in video.segments] == [
        ("许念", "00:00:04–00:01:02"),
        ("郑凯", "00:01:02–00:10:14"),
        ("韩露", "00:10:14–00:10:14"),
    ]
    assert [k.start for k in video.keyframes] == [0.0, 180.0]
    assert video.moderator is not None and video.moderator.name == "许念"
    assert video.meta.duration_s == 888 and video.has_transcript and video.read_all() == []


# ---------------------------------------------------------------- ASS / SSA, SBV, TTML subtitles

ASS = (
    "\ufeff[Script Info]\r\nTitle: 炉边对话\r\nScriptType: v4.00+\r\n\r\n"
    "[V4+ Styles]\r\nFormat: Name, Fontname, Fontsize\r\nStyle: Host,Arial,54\r\n\r\n"
    "[Events]\r\n{format}\r\n"
    "Comment: 0,0:00:00.00,0:00:04.00,Host,,0,0,0,,{{字幕：志愿者组}}\r\n"
    "Dialogue: 0,0:00:04.20,0:00:17.80,Host,唐亦凡,0,0,0,,{{\\i1}}各位晚上好，{{\\i0}}欢迎。\\N"
    "我是主持人, 唐亦凡。\r\n"
    "Dialogue: 0,0:01:10.20,0:01:34.90,Guest,,0,0,0,,潘欣怡：2023年, 我们在湖北。\r\n"
)
ASS_FORMAT = "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text"


@pytest.mark.parametrize(
    "name", ["video.ass", "video.mp4.ass", "video.zh.ssa", "subtitles.ass", "transcript.ssa"]
)
def test_ass_dialogue_lines_by_their_format_line(tmp_path: Path, name: str) -> None:
    video = _video(tmp_path, **{name: ASS.format(format=ASS_FORMAT)})
    assert [(s.speaker, s.start, s.end, s.text) for s in video.segments] == [
        ("唐亦凡", 4.2, 17.8, "各位晚上好，欢迎。 我是主持人, 唐亦凡。"),
        ("潘欣怡", 70.2, 94.9, "2023年, 我们在湖北。"),  # no Name: the text's prefix
    ]
    assert video.read_all() == []


def test_ass_fields_in_another_order(tmp_path: Path) -> None:
    ssa = "[Events]\nFormat: Marked, Name, End, Start, Text\n"
    ssa += "Dialogue: Marked=0,Li,0:00:09.00,0:00:02.5,Hi, all\n"
    [segment] = _video(tmp_path, **{"video.ssa": ssa}).segments
    assert (segment.speaker, segment.start, segment.end, segment.text) == (
        "Li",
        2.5,
        9.0,
        "Hi, all",
    )


def test_sbv_cues_with_speaker_prefixes(tmp_path: Path) -> None:
    sbv = (
        "0:00:01.000,0:00:04.000\nJane Doe: Hello\nthere.\n\n0:00:04.500,0:00:06.000\n>> Li: Hi.\n"
    )
    video = _video(tmp_path, **{"video.en.sbv": sbv})
    assert [(s.speaker, s.start, s.end, s.text) for s in video.segments] == [
        ("Jane Doe", 1.0, 4.0, "Hello there."),
        ("Li", 4.5, 6.0, "Hi."),
    ]
    assert video.read_all() == []


TTML = """<?xml version="1.0" encoding="utf-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:tickRate="10000000" xml:lang="zh">
  <head><metadata>
    <ttm:agent type="person" xml:id="host"><ttm:name type="full">唐亦凡</ttm:name></ttm:agent>
  </metadata></head>
  <body><div>
    <p begin="00:00:04.200" end="00:00:17.800" ttm:agent="host">各位晚上好，<br/>欢迎。</p>
    <p begin="701000000t" dur="2.5s" ttm:agent="SPEAKER_01"><span>2023年</span>我们在湖北。</p>
    <p begin="95s" end="96s">Jane: <span tts:fontStyle="italic" xmlns:tts="x">right</span>.</p>
  </div></body>
</tt>
"""


@pytest.mark.parametrize("name", ["video.ttml", "video.zh.dfxp", "subtitles.ttml"])
def test_ttml_captions_with_agents_and_offsets(tmp_path: Path, name: str) -> None:
    meta = '{"speakers": [{"name": "潘欣怡", "id": "SPEAKER_01"}]}'
    video = _video(tmp_path, **{name: TTML, "video.meta.json": meta})
    assert [(s.speaker, s.start, s.end, s.text) for s in video.segments] == [
        ("唐亦凡", 4.2, 17.8, "各位晚上好， 欢迎。"),
        ("潘欣怡", 70.1, 72.6, "2023年我们在湖北。"),  # ticks; the meta names the agent
        ("Jane", 95.0, 96.0, "right."),
    ]
    assert video.read_all() == []


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("video.ass", "[Script Info]\nTitle: x\n", "no Dialogue lines"),
        ("video.ass", "[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,,,x\n", "no Format line"),
        ("video.ssa", f"[Events]\n{ASS_FORMAT}\nDialogue: 0,soon,0:00:02.00\n", "fewer fields"),
        ("video.ass", f"[Events]\n{ASS_FORMAT}\nDialogue: 0,soon,1,S,,0,0,0,,x\n", "no time"),
        ("video.sbv", "Hello there.\n", "no timestamps"),
        ("video.ttml", '<!DOCTYPE tt [<!ENTITY a "b">]><tt><p begin="1s">&a;</p></tt>', "DOCTYPE"),
        ("video.ttml", "<movie><p begin='1s'>x</p></movie>", "not a TTML <tt> document"),
        ("video.dfxp", "<tt><body><p>no time</p></body></tt>", "begin None is not a time"),
        ("video.dfxp", "<tt><body><p begin='soon'>x</p></body></tt>", "'soon' is not a time"),
        ("video.ttml", "<tt><body><p begin='1s'>x</body></tt>", "invalid XML"),
        ("video.ttml", "<tt><body/></tt>", "no <p> captions"),
    ],
)
def test_a_bad_subtitle_file_is_a_problem(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    video = _video(tmp_path, **{name: content})
    assert video.segments == []
    [recorded] = video.read_all()
    assert (recorded.path, recorded.kind) == (name, "transcript")
    assert problem in recorded.problem and recorded.expected


# ---------------------------------------------------------------- YAML / TOML meta

META_YAML = """# exported from the media archive
title: "炉边对话 | TerraLens"
event:
  name: 遥感智能青年论坛
  date: 2025-09-20
language: [zh, en]
duration: "00:16:24"
participants:
  - name: 唐亦凡
    role: host
  - {name: 潘欣怡, name_en: Xinyi Pan, role: 嘉宾（论文第三作者）}
  - name: Marco Bianchi
    role: audience
"""
META_TOML = """
[event]
name = "遥感智能青年论坛"
date = 2025-09-20
[talk]
title = "炉边对话 | TerraLens"
language = "zh"
length_s = 984
duration = "00:16:24"
[[talk.speakers]]
name = "唐亦凡"
role = "host"
[[talk.speakers]]
name = "潘欣怡"
name_en = "Xinyi Pan"
role = "嘉宾（论文第三作者）"
[[talk.speakers]]
name = "Marco Bianchi"
role = "audience"
"""


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("video.meta.yaml", META_YAML),
        ("video.mp4.meta.yml", META_YAML),
        ("meta.yaml", META_YAML),
        ("talk.yaml", META_YAML),
        ("video.meta.toml", META_TOML),  # nested sections, flattened like the JSON meta's
        ("talk.toml", META_TOML),
    ],
)
def test_yaml_and_toml_meta_read_like_the_json_meta(
    tmp_path: Path, name: str, content: str
) -> None:
    video = _video(tmp_path, **{name: content})
    meta = video.meta
    assert (meta.title, meta.duration_s, meta.language) == ("炉边对话 | TerraLens", 984, "zh")
    assert [(s.name, s.role, s.note, s.normal_role) for s in meta.speakers] == [
        ("唐亦凡", "host", None, "moderator"),
        ("潘欣怡", "嘉宾", "论文第三作者", "panelist"),
        ("Marco Bianchi", "audience", None, "audience"),
    ]
    assert video.moderator is not None and video.moderator.name == "唐亦凡"
    assert video.speaker_named("Xinyi Pan") is not None
    assert video.read_all() == []


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("video.meta.yaml", "title: [unclosed\n", "invalid YAML"),
        ("video.meta.yaml", "a: &x [1]\nb: *x\n", "aliases are refused"),
        ("video.meta.yml", "title: !!python/object:os.system x\n", "invalid YAML"),
        ("video.meta.yaml", "- just\n- a list\n", "invalid"),
        ("video.meta.toml", 'title = "unclosed\n', "invalid TOML"),
        ("talk.toml", "speakers = 3", "invalid entry: speakers"),
    ],
)
def test_a_bad_yaml_or_toml_meta_is_a_problem(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    video = _video(tmp_path, **{name: content})
    assert video.meta.title is None and not video.has_evidence
    [recorded] = video.read_all()
    assert (recorded.path, recorded.kind) == (name, "meta")
    assert problem in recorded.problem and "YAML or TOML" in recorded.expected
    assert "\n" not in recorded.problem


# ---------------------------------------------------------------- YAML / TOML frame lists

SLIDES_TOML = """# slide timeline
source = "video.mp4"
slide_count = 3
tags = ["remote sensing"]

[[slide]]
index = 1
start = "00:00:00"
end = "00:01:09"
title = "TerraLens"
on_screen = "标题页：论文题目。"

[[slide]]
index = 2
start = 00:01:10
title = "起点"
bullets = ["耕地保护", "每周上千张图"]
description = "一张农田卫星影像。"

[[slide]]
index = 3
start = 200
"""


def test_toml_slide_tables_give_one_keyframe_each_like_a_csv_row(tmp_path: Path) -> None:
    video = _video(tmp_path, **{"video.slides.toml": SLIDES_TOML})
    assert [(f.start, f.text) for f in video.keyframes] == [
        (0.0, "title: TerraLens | on screen: 标题页：论文题目。"),
        (70.0, "title: 起点 | bullets: 耕地保护; 每周上千张图 | 一张农田卫星影像。"),
    ]  # the third slide says nothing but its time
    assert video.read_all() == []


@pytest.mark.parametrize(
    ("name", "content", "start", "text"),
    [
        ("video.keyframes.yaml", "- time: 1:10\n  ocr: ECE 0.038\n", 70.0, "ocr: ECE 0.038"),
        ("video.chapters.yml", "chapters:\n  - {t: 70.5, caption: 流程图}\n", 70.5, "流程图"),
        ("slides.yaml", "title: x\nslides:\n- 时间: '00:01:10'\n  内容: 标题页\n", 70.0, "标题页"),
        (
            "keyframes.toml",
            '[[frames]]\nat = "70s"\nnotes = "red arrow"\n',
            70.0,
            "notes: red arrow",
        ),
        ("video.mp4.scenes.toml", "[[scenes]]\nbegin = 70\nsummary = 'two'\n", 70.0, "two"),
    ],
)
def test_frame_list_variants(
    tmp_path: Path, name: str, content: str, start: float, text: str
) -> None:
    video = _video(tmp_path, **{name: content})
    [frame] = video.keyframes
    assert (frame.start, frame.text) == (pytest.approx(start), text)
    assert video.read_all() == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[slide]]\ntitle = 'no time'\n", "item 1: expected a mapping with a time field"),
        ("[[slide]]\nstart = 'soon'\ntitle = 'x'\n", "item 1: 'soon' is not a time"),
        ("[[slide]]\nstart = 0\n[[slide]]\nstart = inf\ntitle = 'x'\n", "item 2: 'inf' is not"),
        ("title = 'no list'\n", "expected a list of frames"),
        ("[[slide]\n", "invalid TOML"),
    ],
)
def test_a_bad_frame_list_is_a_problem(tmp_path: Path, content: str, problem: str) -> None:
    video = _video(tmp_path, **{"video.slides.toml": content})
    assert video.keyframes == []
    [recorded] = video.read_all()
    assert (recorded.path, recorded.kind) == ("video.slides.toml", "keyframes")
    assert problem in recorded.problem and "[[slides]]" in recorded.expected


def test_a_fireside_chat_with_ass_yaml_meta_and_toml_slides(tmp_path: Path) -> None:
    meta = META_YAML + "subtitles: video.ass\nslides: video.slides.toml\n"
    video = _video(
        tmp_path,
        **{
            "video.ass": ASS.format(format=ASS_FORMAT),
            "video.meta.yaml": meta,
            "video.slides.toml": SLIDES_TOML,
        },
    )
    # declared in the meta and named after the video: read once
    assert [(s.speaker, s.locator) for s in video.segments] == [
        ("唐亦凡", "00:00:04–00:00:17"),
        ("潘欣怡", "00:01:10–00:01:34"),
    ]
    assert [k.locator for k in video.keyframes] == ["@00:00:00", "@00:01:10"]
    assert video.meta.title == "炉边对话 | TerraLens" and video.meta.duration_s == 984
    assert video.moderator is not None and video.moderator.name == "唐亦凡"
    assert "984 seconds" in video.length[0].text
    assert video.has_transcript and video.read_all() == []
