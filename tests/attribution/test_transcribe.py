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
