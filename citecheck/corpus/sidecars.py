"""The shapes video sidecars come in, one declarative schema per kind.

Each schema is a pydantic model whose fields list the names people and tools
use for them (``time | t | timestamp | start``, ``text | description | caption |
ocr``, …), so a new spelling is one more alias, not a special case in code:

- :class:`MetaRecord`: ``.meta.json`` (or the same as YAML / TOML): title, presenter,
  moderator, language, aliases, description (``plot``), declared transcript and
  keyframe paths, and ``speakers`` as strings, as objects (``name``,
  ``name_en``/``aliases``, ``role``, ``affiliation``, ``id`` of a diarisation label,
  ``note``) or as a ``{label: name or object}`` table; a role written with more
  words ("嘉宾（论文第三作者）") keeps the role word as ``role`` and the rest as ``note``;
- :class:`SegmentRecord`: transcript JSON (a list, or whisper / WhisperX
  ``{"segments": [...]}``);
- :class:`KeyframeRecord`: keyframe notes.

The ``*_SHAPE`` strings describe each file format a reader expects, for the
problem recorded when a sidecar cannot be read.

Times are seconds or ``HH:MM:SS(.mmm)`` strings.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator, model_validator

Role = Literal["presenter", "moderator", "panelist", "audience"]

ROLE_WORDS: dict[Role, tuple[str, ...]] = {
    "presenter": (
        "presenter",
        "speaker",
        "lecturer",
        "keynote",
        "主讲",
        "讲者",
        "演讲者",
        "报告人",
    ),
    "moderator": ("moderator", "host", "chair", "主持"),
    "panelist": ("panelist", "panellist", "guest", "discussant", "嘉宾", "与谈"),
    "audience": ("audience", "questioner", "attendee", "观众", "提问", "听众"),
}
"""Words that name each role, as written in meta files and reports; the first role
whose word a text holds is its role ("guest speaker" presents, "主讲嘉宾" too)."""

META_SHAPE = (
    '{"title", "presenter", "speakers": ["Name", …] or [{"name", "name_en", "aliases", "role", '
    '"affiliation", "id"}, …], "transcript", "keyframes", "language", "aliases"}'
)
TRANSCRIPT_SHAPE = (
    '[{"start", "end", "text", "speaker"}, …] or {"segments": [...]} (whisper / WhisperX)'
)
KEYFRAMES_SHAPE = (
    '[{"time" | "t" | "timestamp" | "start" | "start_time", "text" | "description" | "caption" '
    '| "summary" | "ocr_text"}, …] or {"scenes": [...]}'
)
SUBTITLES_SHAPE = (
    "SRT, WebVTT or YouTube SBV cues (a timestamps line, '00:00:01,000 --> 00:00:04,000' or "
    "'0:00:01.000,0:00:04.000', then the text), UTF-8"
)
ASS_SHAPE = (
    "ASS/SSA subtitles: an [Events] section whose 'Format:' line names Start, End, Name and "
    "Text, then 'Dialogue:' lines in that order; UTF-8"
)
TTML_SHAPE = (
    'TTML/DFXP XML without DOCTYPE: <tt><body><div><p begin="00:00:01.000" end=… '
    "ttm:agent=…>text</p>"
)
TEXT_TRANSCRIPT_SHAPE = (
    "timestamped turns, one a line: 'Name (00:01:02): text', '[00:01:02] Name: text', "
    "'00:01:02 Name: text', '[00:01:02 --> 00:01:05] text', or 'Name  1:02' over the lines "
    "of the turn; UTF-8"
)
NFO_SHAPE = (
    "Kodi .nfo XML without DOCTYPE: <movie> with <title>, <plot>, <runtime> (minutes), "
    "<fileinfo><streamdetails><video><durationinseconds>, <actor><name/><role/></actor>"
)
FRAME_TABLE_SHAPE = (
    "CSV/TSV with a header naming a time column (start, time, timestamp, t, at, begin, 时间, "
    "开始) and text columns (title, on_screen_text, ocr, description, caption, notes, 描述…)"
)
STRUCTURED_META_SHAPE = f"a YAML or TOML mapping of the fields of a .meta.json: {META_SHAPE}"
FRAME_LIST_SHAPE = (
    "TOML [[slides]] tables, a YAML list, or a mapping holding one such list; each item with a "
    "time field (start, time, timestamp, t, at, begin, 时间, 开始) and text fields (title, "
    "on_screen, description, notes…)"
)

_CREDIT_END = r"（(,，;；、。！？|/\n"
"""What ends a credited name: a bracket, a list or sentence mark, a new line."""
_FULL_STOP = r"(?<=[^\W\d_]{2})(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)\.(?=\s|$)"
"""A full stop after a word, not an initial or "Dr.": "Host: Wei Siqi. The corresponding
author …" credits Wei Siqi, "Host: Dr. J. Smith." Dr. J. Smith."""
_CREDIT_NAME = (
    rf"(?P<name>[^\s{_CREDIT_END}][^{_CREDIT_END}]{{0,40}}?)\s*(?=[{_CREDIT_END}]|{_FULL_STOP}|$)"
)
_CREDITS = {
    "presenter": re.compile(
        r"(?:(?:主讲人?|讲者|报告人|演讲者)\s*[:：]?"
        r"|(?<![A-Za-z-])(?:(?:Speaker|Presenter)\s*[:：]|Presented by))\s*" + _CREDIT_NAME,
        re.IGNORECASE,
    ),
    "moderator": re.compile(
        r"(?:主持人?\s*[:：]?|(?<![A-Za-z-])(?:(?:Moderator|Host|Chair)\s*[:：]|Moderated by))\s*"
        + _CREDIT_NAME,
        re.IGNORECASE,
    ),
}
"""Credits in a video page's free-text description: the name after its role word (an
English role word with its colon: "a small presenter-camera inset" credits nobody)."""
FACTS_MAX = 200
"""Values of a meta kept as facts: enough for any real one, bounded for a hostile one."""
_FACT_VALUE_MAX_CHARS = 300
FACTS_KEY = "\x00facts"
"""Where the facts travel through validation: no key a meta file can hold (a NUL)."""
_NESTING_MAX = 6
_NESTED_SECTIONS = ("talk", "event", "recording", "video", "session", "media")
_PERSON_FIELDS = ("presenter", "speaker", "lecturer", "main_speaker", "moderator", "host", "chair")
_ISO_DURATION = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
_CREDIT_FIELDS = {
    "presenter": ("presenter", "lecturer", "main_speaker"),
    "moderator": ("moderator", "host", "chair"),
}
_DESCRIPTION_FIELDS = ("description", "plot", "outline", "synopsis", "summary")
"""Where a meta keeps the free text of a video page (yt-dlp, Kodi, a CMS)."""
_RATIONAL_SECONDS = re.compile(r"^\s*(?P<num>\d+)/(?P<den>\d+)s\s*$")
_CLOCK = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d+)?)\s*$")


def role_of(text: str | None) -> Role | None:
    """The role a word such as 'Moderator', '主持人' or 'keynote speaker' names."""
    folded = (text or "").casefold()
    for role, words in ROLE_WORDS.items():
        if any(word in folded for word in words):
            return role
    return None


_INTERPRETER = re.compile(r"interpret|translat|口译|译员|翻译|传译", re.IGNORECASE)


def is_interpreter(role: str | None) -> bool:
    """Whether a part as written ("consecutive interpreter", "口译") is an interpreter's:
    a person of the talk in none of its roles, whose turns render another's words."""
    return bool(role) and _INTERPRETER.search(role or "") is not None


_ROLE_PARTS = re.compile(r"\s*[（()）,，;；、/|·]\s*")


def split_role(text: str) -> tuple[str, str | None]:
    """A role as written split into the words naming the role and the rest, the note:
    "嘉宾（PRISM 论文第三作者）" is ("嘉宾", "PRISM 论文第三作者"), "Moderator, editor of
    X" is ("Moderator", "editor of X"); a text naming no role is all role."""
    parts = [part for part in _ROLE_PARTS.split(text.strip()) if part]
    named = next((i for i, part in enumerate(parts) if role_of(part)), None)
    if named is None or len(parts) < 2:
        return text.strip(), None
    return parts[named], ", ".join(part for i, part in enumerate(parts) if i != named)


_WRITTEN_PERSON = re.compile(
    r"^\s*(?P<name>[^（(,，;；、]+?)\s*(?:[（(](?P<inner>[^）)]*)[）)])?\s*(?:[,，].*)?$"
)
_LATIN_NAME = re.compile(r"^[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}$")


def written_person(text: str, role: str | None = None) -> dict[str, Any] | None:
    """A person as credits write one, with what the brackets after the name say: a
    Latin alias ("程一帆（Yifan Cheng）"), a role when none is given ("付一辰（主讲）"),
    else a note ("吕思远（某城商行 DBA）"); None when no name is written."""
    person = _WRITTEN_PERSON.match(text)
    name = person["name"].strip(" *_") if person else ""
    if person is None or not name:
        return None
    entry: dict[str, Any] = {"name": name, "role": role}
    inner = (person["inner"] or "").strip()
    if _LATIN_NAME.match(inner):
        entry["aliases"] = [inner]
    elif inner and role is None and role_of(inner):
        entry["role"] = inner
    elif inner:
        entry["note"] = inner
    return entry


def seconds(value: Any) -> Any:
    """Seconds from a number, an ``HH:MM:SS(.mmm)`` / ``MM:SS`` string, an ISO duration
    (``PT14M31S``) or a rational time (``8875/25s``); other values as given."""
    if isinstance(value, str):
        iso = _ISO_DURATION.match(value.strip())
        if iso and any(iso.groups()):  # "PT14M31S"
            d, h, m, s = (float(g or 0) for g in iso.group("d", "h", "m", "s"))
            return d * 86400 + h * 3600 + m * 60 + s
        rational = _RATIONAL_SECONDS.match(value)
        if rational:  # FCPXML's "8875/25s"
            denominator = int(rational["den"] or 1)
            return int(rational["num"]) / denominator if denominator else value
        clock = _CLOCK.match(value)
        if clock:
            hours, minutes, secs = clock.groups()
            return float(hours or 0) * 3600 + int(minutes) * 60 + float(secs.replace(",", "."))
        stripped = value.strip().removesuffix("s")
        try:
            return float(stripped)
        except ValueError:
            return value
    return value


def _aliases(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class SpeakerRecord(BaseModel):
    """One person of a talk as a meta file lists them."""

    model_config = ConfigDict(extra="ignore")

    name: str = Field(validation_alias=_aliases("name", "full_name", "display_name", "zh"))
    name_en: str | None = Field(
        None, validation_alias=_aliases("name_en", "english_name", "latin_name", "en")
    )
    aliases: list[str] = Field(
        default_factory=list, validation_alias=_aliases("aliases", "alias", "other_names")
    )
    role: str | None = Field(None, validation_alias=_aliases("role", "type", "part"))
    affiliation: str | None = Field(
        None, validation_alias=_aliases("affiliation", "organization", "org", "institution")
    )
    id: str | None = Field(
        None, validation_alias=_aliases("id", "label", "speaker_id", "diarization_id")
    )
    note: str | None = Field(None, validation_alias=_aliases("note", "notes", "bio"))

    @model_validator(mode="before")
    @classmethod
    def _role_and_note(cls, data: Any) -> Any:
        """A role with more words than the role ("嘉宾（远程连线）") and no note: the
        other words are the note."""
        if not isinstance(data, dict) or any(data.get(k) for k in ("note", "notes", "bio")):
            return data
        key = next((k for k in ("role", "type", "part") if isinstance(data.get(k), str)), None)
        if key is None:
            return data
        role, note = split_role(data[key])
        return {**data, key: role, "note": note} if note else data

    @field_validator("aliases", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def names(self) -> list[str]:
        """Every spelling of this person's name, the main one first."""
        return list(
            dict.fromkeys([self.name, *([self.name_en] if self.name_en else []), *self.aliases])
        )

    @property
    def normal_role(self) -> Role | None:
        """The role as one of presenter / moderator / audience."""
        return role_of(self.role)


_SNAKE_CASE = re.compile(r"^[a-z]+(?:_[a-z]+)+$")


def facts_of(document: Any) -> list[str]:
    """Every plain value of a JSON document as a ``key: value`` fact (at most
    :data:`FACTS_MAX`), for a sidecar no reader knows (a meeting's recording details)."""
    return list(dict.fromkeys(_leaves(document, "")))[:FACTS_MAX]


def _leaves(value: Any, key: str, depth: int = 0) -> Iterator[str]:
    """``key: value`` for every plain value under ``value`` (lists read item by item)."""
    if depth > _NESTING_MAX:
        return
    if isinstance(value, dict):
        for inner, item in value.items():
            yield from _leaves(item, f"{key}.{inner}" if key else str(inner), depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item, key, depth + 1)
    elif isinstance(value, str | int | float | datetime.date) and not isinstance(value, bool):
        text = str(value).strip()
        if _SNAKE_CASE.match(text):  # "shared_screen_with_speaker_view" says words
            text = text.replace("_", " ")
        if text and key:
            yield f"{key}: {text[:_FACT_VALUE_MAX_CHARS]}"


class MetaRecord(BaseModel):
    """A video's ``.meta.json``."""

    model_config = ConfigDict(extra="ignore")

    title: str | None = Field(None, validation_alias=_aliases("title", "name", "topic"))
    presenter: str | None = Field(
        None, validation_alias=_aliases("presenter", "lecturer", "main_speaker")
    )
    moderator: str | None = Field(None, validation_alias=_aliases("moderator", "host", "chair"))
    speakers: list[SpeakerRecord] = Field(
        default_factory=list, validation_alias=_aliases("speakers", "people", "participants")
    )
    language: str | None = Field(None, validation_alias=_aliases("language", "lang", "locale"))
    description: str | None = Field(None, validation_alias=_aliases(*_DESCRIPTION_FIELDS))
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    transcript: list[str] = Field(
        default_factory=list,
        validation_alias=_aliases("transcript", "transcripts", "subtitles", "captions"),
    )
    keyframes: list[str] = Field(
        default_factory=list, validation_alias=_aliases("keyframes", "frames", "keyframe_notes")
    )
    speaker_map: list[str] = Field(
        default_factory=list,
        validation_alias=_aliases("speaker_map", "speakers_file", "diarization_map"),
    )
    duration_s: float | None = Field(
        None, validation_alias=_aliases("duration_s", "duration_seconds", "duration", "length_s")
    )
    facts: list[str] = Field(default_factory=list, validation_alias=FACTS_KEY)
    """Every plain value the meta gives, as ``key: value`` lines (``event.date: 2025-09-20``):
    what it says of the event, venue, date and people, for claims about the recording."""

    @model_validator(mode="before")
    @classmethod
    def _flattened(cls, data: Any) -> Any:
        """A meta that nests its fields (``{"event": {"chair"}, "talk": {"title",
        "presenter": {"name"}}, "recording": {"duration", "transcript"}}``) read as a
        flat one: a field the top level lacks is taken from the first section giving
        it, and a person given as an object stands for their name."""
        if not isinstance(data, dict):
            return data
        flat = dict(data)
        for section in _NESTED_SECTIONS:
            inner = data.get(section)
            if isinstance(inner, dict):
                for key, value in inner.items():
                    flat.setdefault(key, value)
        for key in _PERSON_FIELDS:
            person = flat.get(key)
            if isinstance(person, dict) and isinstance(person.get("name"), str):
                flat[key] = person["name"]
        return flat

    @model_validator(mode="before")
    @classmethod
    def _credits_in_description(cls, data: Any) -> Any:
        """A video page's description ("主讲：X（…）；主持：Y", "Speaker: X"), as yt-dlp's
        ``.info.json`` keeps it (or a media manager's ``plot``), names the presenter and
        moderator no field names."""
        if not isinstance(data, dict):
            return data
        description = next((data[k] for k in _DESCRIPTION_FIELDS if data.get(k)), None)
        if not isinstance(description, str):
            return data
        credited = {}
        for field, pattern in _CREDITS.items():
            found = pattern.search(description)
            if found and not any(data.get(key) for key in _CREDIT_FIELDS[field]):
                credited[field] = found.group("name").strip()
        return {**data, **credited}

    @model_validator(mode="before")
    @classmethod
    def _stated_facts(cls, data: Any) -> Any:
        """The meta's plain values as ``key: value`` lines, nested keys joined by dots,
        read before the other validators add to it (pydantic runs the last one first)."""
        if not isinstance(data, dict) or FACTS_KEY in data:
            return data
        return {**data, FACTS_KEY: list(dict.fromkeys(_leaves(data, "")))[:FACTS_MAX]}

    @field_validator("duration_s", mode="before")
    @classmethod
    def _length(cls, value: Any) -> Any:
        """A length in seconds, or as a clock ("15:12", "00:15:12", "912s"); anything
        else ("about a quarter hour") is no length rather than an unreadable meta."""
        try:
            length = float(seconds(value))
        except (TypeError, ValueError):
            return None
        return length if 0 < length < math.inf else None

    @field_validator("language", mode="before")
    @classmethod
    def _first_language(cls, value: Any) -> Any:
        """Languages as a list (``[zh, en]``): the first is the talk's."""
        if isinstance(value, list):
            return next((v for v in value if isinstance(v, str)), None)
        return value

    @field_validator("description", mode="before")
    @classmethod
    def _free_text(cls, value: Any) -> Any:
        """A description that is not text (a CMS's ``{"summary": {...}}``) is none."""
        return value if isinstance(value, str) else None

    @field_validator("speakers", mode="before")
    @classmethod
    def _speaker_list(cls, value: Any) -> Any:
        if isinstance(value, dict):  # {"SPEAKER_00": "Name"} or {"SPEAKER_00": {...}}
            value = [
                {**(v if isinstance(v, dict) else {"name": v}), "id": k} for k, v in value.items()
            ]
        if isinstance(value, list):  # a label the map leaves unnamed names nobody
            listed = [{"name": v} if isinstance(v, str) else v for v in value]
            return [v for v in listed if not (isinstance(v, dict) and _unnamed(v))]
        return value

    def filled_from(self, other: MetaRecord) -> MetaRecord:
        """This meta with what it leaves empty taken from ``other`` (another sidecar's):
        its unset fields, the people it does not name (a person both name gains the
        other's diarisation id and aliases), and the other's facts after its own."""
        update: dict[str, Any] = {
            field: getattr(other, field)
            for field in (
                "title",
                "presenter",
                "moderator",
                "language",
                "description",
                "duration_s",
            )
            if getattr(self, field) is None and getattr(other, field) is not None
        }
        people = {person.name: person for person in self.speakers}
        for person in other.speakers:
            known = people.get(person.name)
            if known is None:
                people[person.name] = person
                continue
            people[person.name] = known.model_copy(
                update={
                    "id": known.id or person.id,
                    "role": known.role or person.role,
                    "aliases": list(dict.fromkeys([*known.aliases, *person.aliases])),
                }
            )
        update["speakers"] = list(people.values())
        update["facts"] = list(dict.fromkeys([*self.facts, *other.facts]))[:FACTS_MAX]
        return self.model_copy(update=update)

    @field_validator("transcript", "keyframes", "speaker_map", mode="before")
    @classmethod
    def _paths(cls, value: Any) -> Any:
        """Paths as one string, a list, or yt-dlp's ``{"zh-Hans": [{"filepath": …}]}``
        (entries with no local path declare nothing)."""
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            value = [entry for entries in value.values() for entry in _as_list(entries)]
        if isinstance(value, list):
            return [_local_path(entry) for entry in value if _local_path(entry) is not None]
        return value

    @field_validator("aliases", mode="before")
    @classmethod
    def _alias_lists(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: [v] if isinstance(v, str) else v for k, v in value.items()}
        return value


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _local_path(entry: Any) -> str | None:
    """A declared sidecar's path: the string itself, or an entry's ``filepath``/``path``."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        path = entry.get("filepath") or entry.get("path")
        return path if isinstance(path, str) else None
    return None


SEGMENT_TEXT_KEYS = ("text", "content", "sentence", "transcript")
"""Where a transcript segment holds what was said."""


class SegmentRecord(BaseModel):
    """One transcript segment."""

    model_config = ConfigDict(extra="ignore")

    start: float = Field(validation_alias=_aliases("start", "begin", "from", "start_time"))
    end: float | None = Field(None, validation_alias=_aliases("end", "stop", "to", "end_time"))
    speaker: str | None = Field(
        None,
        validation_alias=_aliases("speaker", "speaker_id", "speaker_label", "spk", "who", "label"),
    )
    text: str = Field(validation_alias=_aliases(*SEGMENT_TEXT_KEYS))

    @field_validator("start", "end", mode="before")
    @classmethod
    def _times(cls, value: Any) -> Any:
        return seconds(value)

    @field_validator("text")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()


_KEYFRAME_TEXTS = (
    "text",
    "title",
    "description",
    "caption",
    "summary",
    "note",
    "ocr",
    "ocr_text",
    "slide_text",
    "slide",
)
"""What a keyframe or scene note may say of the frame; every one present is kept
(a scene detector's summary and the slide's OCR text say different things)."""


class KeyframeRecord(BaseModel):
    """One keyframe note, or one detected scene with its summary and OCR text."""

    model_config = ConfigDict(extra="ignore")

    time: float = Field(
        validation_alias=_aliases(
            "time",
            "t",
            "timestamp",
            "start",
            "start_time",
            "startTime",
            "start_sec",
            "seconds",
            "at",
        )
    )
    text: str

    @model_validator(mode="before")
    @classmethod
    def _joined_text(cls, data: Any) -> Any:
        if not isinstance(data, dict) or isinstance(data.get("text"), str):
            return data
        said = [data[key] for key in _KEYFRAME_TEXTS if isinstance(data.get(key), str)]
        return {**data, "text": " | ".join(s.strip() for s in said if s.strip())} if said else data

    @field_validator("time", mode="before")
    @classmethod
    def _time(cls, value: Any) -> Any:
        return seconds(value)


def _unnamed(person: dict[str, Any]) -> bool:
    return not any(isinstance(person.get(k), str) for k in ("name", "full_name", "display_name"))


def speakers_in(data: Any) -> Any:
    """The speaker table of a diarisation map (``{"speakers": {...}}`` or the table)."""
    if isinstance(data, dict) and isinstance(data.get("speakers"), dict | list):
        return data["speakers"]
    return data


SEGMENT_LIST_KEYS = (
    "segments",
    "results",
    "utterances",
    "cues",
    "keyframes",
    "frames",
    "scenes",
    "chapters",
)
"""Where a transcript or keyframes document keeps its list of items."""


def segments_in(data: Any, text_keys: tuple[str, ...] = ()) -> Any:
    """The item list of a transcript or keyframes JSON document: a list, or
    ``{"segments": […]}``, ``{"scenes": […]}`` …; else, with ``text_keys``, the longest
    list nested in it whose items give a start time and one of ``text_keys`` (AWS
    Transcribe's ``results.audio_segments``, Deepgram's ``results.utterances``)."""
    if isinstance(data, dict):
        if isinstance(data.get("monologues"), list):
            return [turn for m in data["monologues"] if (turn := _monologue(m)) is not None]
        for key in SEGMENT_LIST_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        if text_keys:
            timed = _timed_lists(data, text_keys, depth=0)
            return max(timed, key=len, default=data)
    return data


def in_seconds(document: Any, segments: list[SegmentRecord]) -> list[SegmentRecord]:
    """``segments`` with times in seconds: speech services that count in milliseconds
    (AssemblyAI's ``utterances``, ``start_ms``) are scaled down. Milliseconds are told
    by the document's own length in seconds (``audio_duration``, ``duration``): the
    segments run past it more than :data:`_MS_OVERRUN` times; with no length given,
    by whole-number times that run past a day."""
    last = max((s.end if s.end is not None else s.start for s in segments), default=0.0)
    declared = _declared_seconds(document)
    if declared:
        in_ms = last > declared * _MS_OVERRUN
    else:
        in_ms = last > _SECONDS_PER_DAY and all(float(s.start).is_integer() for s in segments)
    if not in_ms:
        return segments
    return [
        s.model_copy(
            update={"start": s.start / 1000, "end": s.end / 1000 if s.end is not None else None}
        )
        for s in segments
    ]


_DURATION_KEYS = ("audio_duration", "duration", "duration_s", "duration_seconds", "length")
_MS_OVERRUN = 10
_SECONDS_PER_DAY = 86_400


def _declared_seconds(document: Any) -> float | None:
    if not isinstance(document, dict):
        return None
    for key in _DURATION_KEYS:
        value = seconds(document.get(key))
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            return float(value)
    return None


def _monologue(monologue: Any) -> dict[str, Any] | None:
    """A Rev.com transcript's monologue (``{"speaker_name", "elements": [{"type", "value",
    "ts", "end_ts"}]}``) as one segment: its words joined, from its first timed word to
    its last."""
    if not isinstance(monologue, dict) or not isinstance(monologue.get("elements"), list):
        return None
    elements = [e for e in monologue["elements"] if isinstance(e, dict)]
    timed = [e for e in elements if isinstance(e.get("ts"), int | float)]
    if not timed:
        return None
    speaker = monologue.get("speaker_name") or monologue.get("speaker")
    return {
        "start": timed[0]["ts"],
        "end": timed[-1].get("end_ts", timed[-1]["ts"]),
        "speaker": str(speaker) if speaker is not None else None,
        "text": "".join(str(e.get("value", "")) for e in elements),
    }


_START_KEYS = ("start", "begin", "from", "start_time", "startTime", "start_ms", "time", "ts")
_NESTING_SEARCHED = 4


def _timed_lists(data: Any, text_keys: tuple[str, ...], depth: int) -> list[list[Any]]:
    """Lists under ``data`` whose first items each hold a start and a text key."""
    if depth > _NESTING_SEARCHED:
        return []
    if isinstance(data, list):
        head = data[:_ITEMS_SNIFFED]
        timed = bool(head) and all(
            isinstance(item, dict)
            and any(k in item for k in _START_KEYS)
            and any(isinstance(item.get(k), str) for k in text_keys)
            for item in head
        )
        return [data] if timed else []
    if isinstance(data, dict):
        return [
            found for value in data.values() for found in _timed_lists(value, text_keys, depth + 1)
        ]
    return []


_ITEMS_SNIFFED = 5
"""Items of a nested list looked at to call it a list of timed segments."""


class SidecarProblem(BaseModel):
    """A sidecar file citecheck could not read, and the shape it expected."""

    path: str = Field(description="the file, relative to the task folder where possible")
    kind: Literal["meta", "transcript", "keyframes"]
    problem: str
    expected: str
