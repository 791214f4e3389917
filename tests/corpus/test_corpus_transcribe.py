"""Transcription on demand with faster-whisper and the packaged tiny.en model."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from citecheck.corpus.transcribe import Transcription, transcribe, whisper_available

SENTENCE = "The squeezing effect appears during preference optimisation."


def _speech_to_mp4(folder: Path) -> Path:
    """Synthesise SENTENCE with espeak-ng and encode it as AAC audio in an MP4 file."""
    av = pytest.importorskip("av")
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (apt-get install -y espeak-ng)")
    wav = folder / "speech.wav"
    subprocess.run(["espeak-ng", "-s", "140", "-w", str(wav), SENTENCE], check=True)
    media = folder / "talk.mp4"
    with av.open(str(wav)) as source, av.open(str(media), "w") as target:
        stream = target.add_stream("aac", rate=16000)
        for frame in source.decode(audio=0):
            frame.pts = None
            for packet in stream.encode(frame):
                target.mux(packet)
        for packet in stream.encode(None):
            target.mux(packet)
    return media


@pytest.mark.slow
def test_english_speech_is_transcribed_and_cached(tmp_path: Path) -> None:
    if not whisper_available():
        pytest.skip("faster-whisper extra not installed")
    media = _speech_to_mp4(tmp_path)
    cache = tmp_path / ".citecheck-cache"
    first = transcribe(media, cache)
    assert first.error is None, first.error
    words = " ".join(s.text for s in first.segments).casefold()
    assert "squeezing" in words and "effect" in words
    assert len(list(cache.glob("transcript-talk-*.json"))) == 1
    second = transcribe(media, cache)
    assert second.segments == first.segments


def test_language_the_model_cannot_do_is_refused(tmp_path: Path) -> None:
    media = tmp_path / "talk.mp4"
    media.write_bytes(b"not decoded: refused before loading")
    result = transcribe(media, tmp_path, language="zh")
    assert result == Transcription("tiny.en", "zh", error="cannot transcribe zh with tiny.en")
    assert not list(tmp_path.glob("transcript-*.json"))


@pytest.mark.slow
def test_corpus_transcribes_a_video_without_transcript_once(tmp_path: Path) -> None:
    if not whisper_available():
        pytest.skip("faster-whisper extra not installed")
    from citecheck.corpus.folder import Corpus

    _speech_to_mp4(tmp_path)
    video = Corpus.open(tmp_path, transcribe_model="tiny.en").video("talk.mp4")
    assert video.has_transcript, video.transcription_error
    assert "squeezing" in " ".join(s.text for s in video.segments).casefold()
    assert video.segments[0].kind == "segment" and video.segments[0].start is not None
    assert list((tmp_path / ".citecheck-cache").glob("transcript-talk-*.json"))


def test_corpus_reports_why_a_video_stays_untranscribed(tmp_path: Path) -> None:
    from citecheck.corpus.folder import Corpus

    (tmp_path / "talk.mp4").write_bytes(b"placeholder")
    (tmp_path / "talk.meta.json").write_text('{"language": "zh"}', encoding="utf-8")
    video = Corpus.open(tmp_path, transcribe_model="tiny.en").video("talk.mp4")
    assert video.segments == []
    if whisper_available():
        assert video.transcription_error == "cannot transcribe zh with tiny.en"
    off = Corpus.open(tmp_path, transcribe_model=None).video("talk.mp4")
    assert off.segments == [] and off.transcription_error is None


@pytest.mark.slow
def test_undecodable_media_gives_an_error_not_a_crash(tmp_path: Path) -> None:
    if not whisper_available():
        pytest.skip("faster-whisper extra not installed")
    media = tmp_path / "talk.mp4"
    media.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    result = transcribe(media, tmp_path)
    assert result.segments == [] and result.error and result.error.startswith("cannot decode")
    assert not list(tmp_path.glob("transcript-*.json"))
