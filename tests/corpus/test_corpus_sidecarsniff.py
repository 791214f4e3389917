"""Sidecars known by their content: ffmetadata chapters, edit decision lists, show
notes, and speech-service JSON whose segments sit deep in the document."""

from __future__ import annotations

import json
from pathlib import Path

from citecheck.corpus.sidecars import MetaRecord, SegmentRecord, in_seconds, segments_in
from citecheck.corpus.sidecarsniff import sniff
from citecheck.corpus.video import VideoEvidence

FFMETADATA = """;FFMETADATA1
title=EP37 live: SchemaLoom
comment=主持：程一帆。嘉宾：叶欣然（论文第一作者）。
date=2025-09-13

[CHAPTER]
TIMEBASE=1/1000
START=79600
END=125300
title=主持人谈券商数仓经历
"""
EDL = """TITLE: EP37_PROGRAM
FCM: NON-DROP FRAME

001  AX       V     C        00:00:00:00 00:00:47:22 01:00:00:00 01:00:47:22
* FROM CLIP NAME: CAM_A_WIDE.MXF
* COMMENT: 舞台左侧为主持人，右侧为嘉宾。

002  AX       V     C        00:00:00:00 00:00:31:18 01:00:47:22 01:01:19:15
* FROM CLIP NAME: SLIDE_01_TITLE.PNG
* LOC: 01:00:47:22 GREEN   幻灯片1 标题页
"""
NOTES = """# EP37｜现场录制

**主持**：程一帆（Yifan Cheng），前券商数据仓库工程师

**嘉宾**：叶欣然（Xinran Ye），论文第一作者

**现场提问**：吕思远（某城商行 DBA）；Priya Natarajan（访问学者）

转写中的说话人标签对应如下：spk_0 = 程一帆（主持），spk_1 = 叶欣然，spk_3 = Priya Natarajan。
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ffmetadata_tags_are_meta_and_its_chapters_notes(tmp_path: Path) -> None:
    path = _file(tmp_path, "talk.ffmetadata.txt", FFMETADATA)
    meta = sniff(path).meta
    assert meta is not None and meta.title == "EP37 live: SchemaLoom"
    assert meta.moderator == "程一帆"  # credited in the comment
    assert "date: 2025-09-13" in meta.facts
    [chapter] = sniff(path).frames
    assert (chapter.time, chapter.text) == (79.6, "chapter: 主持人谈券商数仓经历")


def test_an_edit_list_gives_what_is_on_screen_from_program_time(tmp_path: Path) -> None:
    frames = sniff(_file(tmp_path, "talk.edl", EDL)).frames
    assert [(f.time, f.text) for f in frames] == [
        (0.0, "CAM_A_WIDE.MXF | 舞台左侧为主持人，右侧为嘉宾。"),
        (47.0, "SLIDE_01_TITLE.PNG | 幻灯片1 标题页"),
    ]
    assert sniff(_file(tmp_path, "talk2.edl", EDL)).meta is None


def test_show_notes_credit_people_by_role_and_map_diarisation_labels(tmp_path: Path) -> None:
    meta = sniff(_file(tmp_path, "talk.shownotes.md", NOTES)).meta
    assert meta is not None and meta.title == "EP37｜现场录制"
    people = {p.name: (p.role, p.id, p.aliases, p.note) for p in meta.speakers}
    assert people["程一帆"] == ("主持", "spk_0", ["Yifan Cheng"], None)
    assert people["吕思远"] == ("现场提问", None, [], "某城商行 DBA")
    assert people["Priya Natarajan"][1] == "spk_3"
    assert sniff(_file(tmp_path, "talk.readme.md", "Just notes.\nNo people.")).meta is None


def test_segments_deep_in_a_speech_service_document_are_found() -> None:
    aws = {
        "results": {
            "items": [{"start_time": "0.3", "alternatives": [{"content": "大家"}]}] * 9,
            "audio_segments": [
                {
                    "start_time": "0.00",
                    "end_time": "21.40",
                    "speaker_label": "spk_0",
                    "transcript": "大家晚上好。",
                },
            ],
        }
    }
    [segment] = [SegmentRecord.model_validate(s) for s in segments_in(aws, ("transcript",))]
    assert (segment.start, segment.end, segment.speaker) == (0.0, 21.4, "spk_0")
    assert segments_in(aws) is aws  # no text keys: nothing is searched for


def test_the_video_reads_sniffed_sidecars_and_merges_their_people(tmp_path: Path) -> None:
    (tmp_path / "talk.mp4").write_bytes(b"")
    _file(tmp_path, "talk.shownotes.md", NOTES)
    _file(tmp_path, "talk.ffmetadata.txt", FFMETADATA)
    _file(tmp_path, "talk.edl", EDL)
    segments = [{"start_time": "0", "end_time": "5", "speaker_label": "spk_0", "transcript": "好"}]
    _file(tmp_path, "talk.transcribe.json", json.dumps({"results": {"audio_segments": segments}}))
    _file(tmp_path, "talk.cfg.json", json.dumps({"quality": "high"}))  # no transcript: passed over
    video = VideoEvidence(tmp_path / "talk.mp4")
    assert [(s.speaker, s.text) for s in video.segments] == [("程一帆", "好")]
    assert len(video.keyframes) == 3 and video.problems == []
    assert video.moderator is not None and video.moderator.name == "程一帆"


def test_a_meta_is_filled_from_another_without_losing_its_own() -> None:
    own = MetaRecord.model_validate(
        {"title": "A", "speakers": [{"name": "程一帆", "role": "host"}]}
    )
    other = MetaRecord.model_validate(
        {"title": "B", "language": "zh", "speakers": [{"name": "程一帆", "id": "spk_0"}, "叶欣然"]}
    )
    merged = own.filled_from(other)
    assert (merged.title, merged.language) == ("A", "zh")
    assert [(p.name, p.role, p.id) for p in merged.speakers] == [
        ("程一帆", "host", "spk_0"),
        ("叶欣然", None, None),
    ]


TEXTGRID = """File type = "ooTextFile"
Object class = "TextGrid"

xmin = 0
xmax = 60
tiers? <exists>
size = 2
item []:
    item [1]:
        class = "IntervalTier"
        name = "Zhao Liqun"
        xmin = 0
        xmax = 60
        intervals: size = 2
        intervals [1]:
            xmin = 0
            xmax = 0.6
            text = ""
        intervals [2]:
            xmin = 0.6
            xmax = 21.4
            text = "欢迎来到读书会，我是主持人赵立群。"
    item [2]:
        class = "IntervalTier"
        name = "Shen Jiaqi"
        xmin = 0
        xmax = 60
        intervals: size = 1
        intervals [1]:
            xmin = 21.9
            xmax = 40.2
            text = "He said ""fold it"" twice."
"""
CAPTURE = """<?xml version="1.0" encoding="utf-8"?>
<SessionExport>
  <Session><Name>读书会 第18期</Name><Duration unit="seconds">1072</Duration>
    <Participants>
      <Participant role="Host" name="赵立群" latinName="Liqun Zhao" captionLabel="Zhao Liqun"/>
      <Participant role="Presenter" name="沈佳琪" captionLabel="Shen Jiaqi" note="third author"/>
    </Participants>
  </Session>
  <Streams><Stream type="Camera" recorded="false" reason="camera source not connected"/></Streams>
  <Slides>
    <Slide number="5" time="00:06:00"><Title>Touch gate</Title>
      <ImageDescription>A line plot of the gate value.</ImageDescription></Slide>
  </Slides>
</SessionExport>
"""
DESCRIPTION = """【读书会第18期】TactiFold

本期主持：赵立群（上海交通大学）
主讲：沈佳琪（论文第三作者）
说明：本次录屏只有幻灯片画面和声音，没有摄像头画面。

章节：
00:00 开场与嘉宾介绍
00:41 项目起源
01:50 纯视觉VLA为什么叠不好衣服
"""


def test_a_textgrid_is_a_transcript_tier_by_speaker(tmp_path: Path) -> None:
    (tmp_path / "talk.mp4").write_bytes(b"")
    _file(tmp_path, "talk.TextGrid", TEXTGRID)
    _file(tmp_path, "talk.panopto.xml", CAPTURE)
    video = VideoEvidence(tmp_path / "talk.mp4")
    assert [(s.start, s.speaker, s.text) for s in video.segments] == [
        (
            0.6,
            "赵立群",
            "欢迎来到读书会，我是主持人赵立群。",
        ),  # the tier named by its caption label
        (21.9, "沈佳琪", 'He said "fold it" twice.'),
    ]


def test_a_capture_export_gives_people_slides_length_and_facts(tmp_path: Path) -> None:
    path = _file(tmp_path, "talk.panopto.xml", CAPTURE)
    meta = sniff(path).meta
    assert meta is not None and (meta.title, meta.duration_s) == ("读书会 第18期", 1072.0)
    people = {p.name: (p.role, p.aliases) for p in meta.speakers}
    assert people == {
        "赵立群": ("Host", ["Liqun Zhao", "Zhao Liqun"]),
        "沈佳琪": ("Presenter", ["Shen Jiaqi"]),
    }
    assert any("recorded=false" in fact for fact in meta.facts)
    [slide] = sniff(path).frames
    assert (slide.time, slide.text) == (360.0, "Touch gate | A line plot of the gate value.")


def test_a_video_page_description_credits_and_lists_chapters(tmp_path: Path) -> None:
    path = _file(tmp_path, "talk.description.txt", DESCRIPTION)
    meta = sniff(path).meta
    assert meta is not None
    assert {p.name: p.role for p in meta.speakers} == {"赵立群": "本期主持", "沈佳琪": "主讲"}
    assert "说明：本次录屏只有幻灯片画面和声音，没有摄像头画面。" in meta.facts
    assert [(f.time, f.text) for f in sniff(path).frames] == [
        (0.0, "chapter: 开场与嘉宾介绍"),
        (41.0, "chapter: 项目起源"),
        (110.0, "chapter: 纯视觉VLA为什么叠不好衣服"),
    ]


ELAN = """\
<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
    <PROPERTY NAME="lastUsedAnnotationId">4</PROPERTY>
    <PROPERTY NAME="event">Frontier Lecture No. 12, Nanjing</PROPERTY>
  </HEADER>
  <TIME_ORDER>
    <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/>
    <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="34000"/>
    <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="35500"/>
    <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="68000"/>
  </TIME_ORDER>
  <TIER LINGUISTIC_TYPE_REF="translation-en" TIER_ID="host (A)" PARTICIPANT="Gu Mingzhe">
    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
      <ANNOTATION_VALUE>Welcome; host introduces Dr He Yuening.</ANNOTATION_VALUE>
    </ALIGNABLE_ANNOTATION></ANNOTATION>
  </TIER>
  <TIER LINGUISTIC_TYPE_REF="translation-en" TIER_ID="presenter (B)" PARTICIPANT="He Yuening">
    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
      <ANNOTATION_VALUE>Why briefs go wrong.</ANNOTATION_VALUE>
    </ALIGNABLE_ANNOTATION></ANNOTATION>
  </TIER>
  <TIER LINGUISTIC_TYPE_REF="gloss" TIER_ID="gloss" PARENT_REF="presenter (B)"
        PARTICIPANT="He Yuening">
    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a2">
      <ANNOTATION_VALUE>为什么简报会出错。</ANNOTATION_VALUE>
    </REF_ANNOTATION></ANNOTATION>
  </TIER>
  <TIER LINGUISTIC_TYPE_REF="visual" TIER_ID="slides">
    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a4" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
      <ANNOTATION_VALUE>Slide 1: title, six author names.</ANNOTATION_VALUE>
    </ALIGNABLE_ANNOTATION></ANNOTATION>
  </TIER>
  <TIER LINGUISTIC_TYPE_REF="comment" TIER_ID="notes">
    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a5" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts4">
      <ANNOTATION_VALUE>No live demo was shown.</ANNOTATION_VALUE>
    </ALIGNABLE_ANNOTATION></ANNOTATION>
  </TIER>
</ANNOTATION_DOCUMENT>
"""


def test_an_elan_document_gives_people_by_tier_speech_slides_and_notes(tmp_path: Path) -> None:
    read = sniff(_file(tmp_path, "talk.eaf", ELAN))
    assert read.meta is not None
    people = {p.name: (p.role, p.id) for p in read.meta.speakers}
    assert people == {"Gu Mingzhe": ("host", "A"), "He Yuening": ("presenter", "B")}
    assert [(s.start, s.end, s.speaker) for s in read.segments] == [
        (0.0, 34.0, "Gu Mingzhe"),
        (35.5, 68.0, "He Yuening"),
        (35.5, 68.0, "He Yuening"),  # a gloss referring to the annotation takes its times
    ]
    assert [(f.time, f.text) for f in read.frames] == [(35.5, "Slide 1: title, six author names.")]
    assert read.meta.facts == ["event: Frontier Lecture No. 12, Nanjing", "No live demo was shown."]


def test_a_diarised_transcript_in_milliseconds_is_named_through_the_elan_tiers(
    tmp_path: Path,
) -> None:
    (tmp_path / "talk.mp4").write_bytes(b"")
    _file(tmp_path, "talk.eaf", ELAN)
    utterances = [
        {"speaker": "A", "start": 0, "end": 34000, "text": "欢迎，我是主持人。"},
        {"speaker": "B", "start": 35500, "end": 968000, "text": "谢谢。"},
    ]
    document = {"audio_duration": 1000, "utterances": utterances}
    _file(tmp_path, "talk.assemblyai.json", json.dumps(document))
    video = VideoEvidence(tmp_path / "talk.mp4")
    spoken = [(s.start, s.end, s.speaker) for s in video.segments if s.text.endswith("。")]
    assert (0.0, 34.0, "Gu Mingzhe") in spoken
    assert (35.5, 968.0, "He Yuening") in spoken


def test_times_in_seconds_are_kept_as_they_are() -> None:
    segments = [SegmentRecord(start=0, end=900, text="a"), SegmentRecord(start=9, text="b")]
    assert in_seconds({"duration": 1000}, segments) == segments
    assert in_seconds({}, segments) == segments
    long = [SegmentRecord(start=0, end=5_400_000, text="a")]
    assert in_seconds({}, long)[0].end == 5400.0  # whole numbers past a day: milliseconds


RSS = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel><title>Lunch Talks</title>
    <item>
      <title>Episode 23</title>
      <description><![CDATA[Xu Ruolan presents the paper on behalf of the first author, who is \
visiting Edinburgh this term and could not attend in person. Host: Wei Siqi. The \
corresponding author joins the Q&A from the audience.
Recording: slides with a small presenter-camera inset at the lower right.
During the Q&A the final slide stays on screen. No live demo was given.]]></description>
      <podcast:person role="host" group="cast">Wei Siqi</podcast:person>
      <podcast:person role="guest" group="cast">Xu Ruolan</podcast:person>
    </item>
  </channel>
</rss>
"""
CHAPTERS = {
    "version": "1.2.0",
    "chapters": [
        {"startTime": 0, "title": "Opening | slide 1: title page"},
        {"startTime": 52, "endTime": 74, "title": "Motivation | slide 2: text only"},
    ],
}


def test_a_podcast_feed_names_people_by_role_and_states_its_description(tmp_path: Path) -> None:
    meta = sniff(_file(tmp_path, "talk.rss.xml", RSS)).meta
    assert meta is not None
    assert {p.name: p.role for p in meta.speakers} == {"Wei Siqi": "host", "Xu Ruolan": "guest"}
    assert meta.moderator == "Wei Siqi"  # the description's credit ends with its sentence
    assert meta.presenter is None  # "presenter-camera inset" credits nobody
    assert "No live demo was given." in meta.facts  # a long text is kept sentence by sentence


def test_podcast_chapters_are_notes_of_what_is_on_screen(tmp_path: Path) -> None:
    (tmp_path / "talk.mp4").write_bytes(b"")
    _file(tmp_path, "talk.chapters.json", json.dumps(CHAPTERS))
    video = VideoEvidence(tmp_path / "talk.mp4")
    assert [(k.start, k.text) for k in video.keyframes] == [
        (0.0, "Opening | slide 1: title page"),
        (52.0, "Motivation | slide 2: text only"),
    ]


REV = {
    "monologues": [
        {
            "speaker": 0,
            "speaker_name": "Qin Yue",
            "elements": [
                {"type": "text", "value": "大家晚上好", "ts": 3.0, "end_ts": 3.9},
                {"type": "punct", "value": "，"},
                {"type": "text", "value": "我是主持人秦月", "ts": 3.9, "end_ts": 8.8},
                {"type": "punct", "value": "。"},
            ],
        }
    ]
}
ZOOM_CHAT = """\
00:05:41 From 马骏 to Everyone:
\t模板库11.8万条是去重以后的数字吗？
00:10:02 From 秦月（主持人） to Everyone:
\t收到，问答环节我帮你念～
"""
OPML = """\
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Slides</title></head><body>
  <outline text="第3页 · 动机" start="00:01:12" end="00:02:23">
    <outline text="500 reactions audited · 18.4% hallucinated" type="on_screen_text"/>
  </outline>
</body></opml>
"""


def test_a_rev_transcript_a_meeting_chat_and_a_slide_outline(tmp_path: Path) -> None:
    (tmp_path / "talk.mp4").write_bytes(b"")
    _file(tmp_path, "talk.rev.json", json.dumps(REV))
    _file(tmp_path, "talk.zoom_chat.txt", ZOOM_CHAT)
    _file(tmp_path, "talk.slides.opml", OPML)
    _file(tmp_path, "talk.zoom.json", json.dumps({"topic": "读书会第31期", "duration": 17}))
    video = VideoEvidence(tmp_path / "talk.mp4")
    assert [(s.start, s.end, s.speaker, s.text) for s in video.segments] == [
        (3.0, 8.8, "Qin Yue", "大家晚上好，我是主持人秦月。"),
        (341.0, 341.0, "马骏", "模板库11.8万条是去重以后的数字吗？"),
        (602.0, 602.0, "秦月", "收到，问答环节我帮你念～"),  # the note after the name dropped
    ]
    assert [(k.start, k.text) for k in video.keyframes] == [
        (72.0, "第3页 · 动机 | 500 reactions audited · 18.4% hallucinated")
    ]
    assert "topic: 读书会第31期" in video.meta.facts  # an unknown JSON's values are facts
    assert video.declared_length is None  # never a length in units it does not share


XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmpDM="http://ns.adobe.com/xmp/1.0/DynamicMedia/" xmpDM:videoFrameRate="29.97">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Reading group 7</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>Mara Quist (presenter)</rdf:li></rdf:Seq></dc:creator>
   <dc:contributor><rdf:Bag><rdf:li>欧阳岚（主持人）</rdf:li></rdf:Bag></dc:contributor>
   <xmpDM:duration xmpDM:value="30000" xmpDM:scale="1/25"/>
   <xmpDM:logComment>No live demo was shown.</xmpDM:logComment>
   <xmpDM:Tracks><rdf:Bag>
    <rdf:li rdf:parseType="Resource">
     <xmpDM:frameRate>f25</xmpDM:frameRate>
     <xmpDM:markers><rdf:Seq>
      <rdf:li rdf:parseType="Resource">
       <xmpDM:startTime>1500</xmpDM:startTime><xmpDM:duration>9000</xmpDM:duration>
       <xmpDM:name>Method</xmpDM:name><xmpDM:comment>Three boxes, left to right.</xmpDM:comment>
      </rdf:li>
     </rdf:Seq></xmpDM:markers>
    </rdf:li>
    <rdf:li rdf:parseType="Resource">
     <xmpDM:markers><rdf:Seq>
      <rdf:li xmpDM:startTime="2997" xmpDM:name="Results"/>
     </rdf:Seq></xmpDM:markers>
    </rdf:li>
   </rdf:Bag></xmpDM:Tracks>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
"""


def test_an_xmp_packet_gives_people_length_and_markers_in_frames(tmp_path: Path) -> None:
    read = sniff(_file(tmp_path, "talk.xmp", XMP))
    assert read.meta is not None
    assert read.meta.title == "Reading group 7"
    # the resource's own duration (value × scale), not a marker's frame count
    assert read.meta.duration_s == 1200.0
    people = {p.name: p.role for p in read.meta.speakers}
    assert people == {"Mara Quist": "presenter", "欧阳岚": "主持人"}
    assert "logComment: No live demo was shown." in read.meta.facts
    # frames at the track's rate (f25), else at the clip's (29.97)
    assert [(f.time, f.text) for f in read.frames] == [
        (60.0, "Method | Three boxes, left to right."),
        (100.0, "Results"),
    ]


FCPXML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE fcpxml>
<fcpxml version="1.10">
 <library><event name="Forum 7 · PestLens"><project name="cut">
  <sequence duration="25075/25s">
   <note>There is no live demonstration.</note>
   <spine>
    <asset-clip offset="10s" start="4s" duration="25075/25s">
     <keyword start="0s" duration="100s" value="梁子墨 / Liang Zimo — host"/>
     <keyword start="0s" duration="100s" value="温晓彤 / Wen Xiaotong — consecutive interpreter"/>
     <keyword start="0s" duration="100s" value="results — slide topic"/>
     <chapter-marker start="2629/25s" value="Slide 2 · Data"/>
     <marker start="2629/25s" value="Slide 2" note="Map with 37 station dots."/>
    </asset-clip>
   </spine>
  </sequence>
 </project></event></library>
</fcpxml>
"""
JSONLD = {
    "@context": "https://schema.org",
    "@type": "VideoObject",
    "name": "Forum 7",
    "duration": "PT16M43S",
    "contributor": [
        {
            "@type": "Role",
            "roleName": "主讲人",
            "contributor": {"@type": "Person", "name": "Oksana Melnyk"},
        },
        {"@type": "Person", "name": "钟岚", "alternateName": "Zhong Lan"},
        {"@type": "Organization", "name": "农业AI青年论坛"},
    ],
    "hasPart": [{"@type": "Clip", "name": "问答", "startOffset": 630, "endOffset": 915}],
}
OTTER = """Liang Zimo  0:00
各位晚上好，欢迎来到论坛第七期。

Oksana Melnyk  0:38
Thank you, Zimo. The project started in 2022.

Wen Xiaotong  1:12
谢谢子墨。项目始于2022年。

Transcribed by https://otter.ai
"""


def test_an_fcpxml_project_gives_people_by_keyword_markers_on_the_timeline_and_length(
    tmp_path: Path,
) -> None:
    read = sniff(_file(tmp_path, "talk.fcpxml", FCPXML))  # a bare DOCTYPE declares nothing
    assert read.meta is not None
    assert (read.meta.title, read.meta.duration_s) == ("Forum 7 · PestLens", 1003.0)
    people = {p.name: (p.role, p.aliases) for p in read.meta.speakers}
    assert people == {
        "梁子墨": ("host", ["Liang Zimo"]),
        "温晓彤": ("consecutive interpreter", ["Wen Xiaotong"]),
    }
    # the clip starts at 4 s of its media and sits at 10 s of the project: 105.16 + 6
    assert [(round(f.time, 2), f.text) for f in read.frames] == [
        (111.16, "Slide 2 · Data | Slide 2 | Map with 37 station dots.")
    ]
    assert "note: There is no live demonstration." in read.meta.facts


def test_a_schema_org_video_object_gives_people_by_role_length_and_chapters(
    tmp_path: Path,
) -> None:
    read = sniff(_file(tmp_path, "talk.jsonld", json.dumps(JSONLD, ensure_ascii=False)))
    assert read.meta is not None and read.meta.duration_s == 1003.0
    people = {p.name: (p.role, p.aliases) for p in read.meta.speakers}
    assert people == {"Oksana Melnyk": ("主讲人", []), "钟岚": (None, ["Zhong Lan"])}
    assert [(f.time, f.text) for f in read.frames] == [(630.0, "chapter: 问答")]


def test_an_otter_export_under_its_own_name_is_a_transcript(tmp_path: Path) -> None:
    read = sniff(_file(tmp_path, "talk.otter.txt", OTTER))
    assert [(s.start, s.end, s.speaker) for s in read.segments] == [
        (0.0, 38.0, "Liang Zimo"),
        (38.0, 72.0, "Oksana Melnyk"),
        (72.0, None, "Wen Xiaotong"),
    ]
    # a chapter list names no speaker: show notes, not a transcript
    chapters = "00:41 项目起源\n05:10 方法\n12:30 问答\n"
    assert sniff(_file(tmp_path, "talk.shownotes.md", chapters)).segments == []


JSON3 = {
    "wireMagic": "pb3",
    "events": [
        {"tStartMs": 0, "dDurationMs": 947000},
        {"tStartMs": 0, "dDurationMs": 11000, "segs": [{"utf8": "(宋佳琪) 欢迎来到第十八期。"}]},
        {"tStartMs": 11000, "dDurationMs": 9000, "segs": [{"utf8": "今天请到两位研究员。"}]},
        {"tStartMs": 32000, "dDurationMs": 13000, "segs": [{"utf8": "(董昊宇) 谢谢宋老师。"}]},
    ],
}
PODLOVE = {
    "version": 5,
    "title": "第18期",
    "duration": "00:15:47.000",
    "chapters": [{"start": "00:01:10.000", "title": "只看答案的批改不够"}],
    "contributors": [
        {"name": "Jiaqi Song", "role": {"title": "Moderator", "slug": "moderator"}},
        {"name": "Ananya Gupta", "role": {"slug": "guest"}, "comment": "presents the results"},
        {"name": "Yue Lin", "role": {"slug": "guest"}, "comment": "graduate student"},
    ],
}
PLAYLIST = "\n".join(
    [
        "#EXTM3U",
        "#EXT-X-PROGRAM-DATE-TIME:2025-09-20T14:00:00.000+08:00",
        '#EXT-X-DATERANGE:ID="s1",START-DATE="2025-09-20T14:01:10.000+08:00",DURATION=80,'
        'X-TITLE="Why",X-VISUAL="A photographed solution."',
        "#EXTINF:6.000,",
        "seg_00000.ts",
        '#EXT-X-DATERANGE:ID="ad",START-DATE="2025-09-20T14:02:00.000+08:00",DURATION=5',
    ]
)


def test_a_web_players_captions_config_and_playlist(tmp_path: Path) -> None:
    captions = sniff(_file(tmp_path, "talk.json3", json.dumps(JSON3, ensure_ascii=False)))
    # a speaker named at a cue speaks the cues after it until another is named
    assert [(s.start, s.speaker, s.text) for s in captions.segments] == [
        (0.0, "宋佳琪", "欢迎来到第十八期。"),
        (11.0, "宋佳琪", "今天请到两位研究员。"),
        (32.0, "董昊宇", "谢谢宋老师。"),
    ]
    config = sniff(_file(tmp_path, "talk.podlove", json.dumps(PODLOVE, ensure_ascii=False)))
    assert config.meta is not None and config.meta.duration_s == 947.0
    roles = {p.name: p.normal_role for p in config.meta.speakers}
    assert roles == {"Jiaqi Song": "moderator", "Ananya Gupta": "presenter", "Yue Lin": "panelist"}
    assert [(f.time, f.text) for f in config.frames] == [(70.0, "chapter: 只看答案的批改不够")]
    stream = sniff(_file(tmp_path, "talk.m3u8", PLAYLIST))
    # offsets from the programme's start; a range that describes nothing is no note
    assert [(f.time, f.text) for f in stream.frames] == [(70.0, "Why | A photographed solution.")]


def test_a_player_config_named_like_a_json_sidecar_is_read_as_one(tmp_path: Path) -> None:
    _file(tmp_path, "talk.podlove.json", json.dumps(PODLOVE, ensure_ascii=False))
    video = VideoEvidence(tmp_path / "talk.mp4")
    assert video.moderator is not None and video.moderator.name == "Jiaqi Song"
