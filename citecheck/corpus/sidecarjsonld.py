"""A schema.org ``VideoObject`` in JSON-LD (``talk.jsonld``, as a video page embeds it).

- ``name`` and ``description`` are the title and description (whose credits, "主讲：X；
  主持：Y", name people too); ``duration`` (ISO 8601, ``PT16M43S``) the length;
- people are the ``Person`` values of ``actor``, ``contributor``, ``creator``,
  ``director``, ``performer`` and ``author``, each directly or wrapped in a ``Role``
  (``{"@type": "Role", "roleName": "主持人", "contributor": {"@type": "Person", …}}``):
  the role its ``roleName`` (a ``performer`` presents); ``alternateName`` its aliases;
  its ``description`` a note;
- each ``Clip`` of ``hasPart`` (``name``, ``startOffset`` in seconds) is a chapter note;
- every plain value is a stated fact.
"""

from __future__ import annotations

from typing import Any

from citecheck.corpus.sidecars import FACTS_KEY, KeyframeRecord, MetaRecord, facts_of, seconds

_PEOPLE = ("actor", "contributor", "creator", "director", "performer", "author")


def is_video_object(document: Any) -> bool:
    """Whether a parsed JSON document is a schema.org VideoObject."""
    return isinstance(document, dict) and str(document.get("@type", "")).endswith("VideoObject")


def jsonld_meta(document: dict[str, Any]) -> MetaRecord:
    """Title, description, length, people and facts of a VideoObject."""
    people = [
        person
        for key in _PEOPLE
        for value in _listed(document.get(key))
        if (person := _person(value, key)) is not None
    ]
    length = seconds(document.get("duration")) if document.get("duration") else None
    fields: dict[str, Any] = {
        "title": document.get("name"),
        "description": document.get("description"),
        "duration_s": length if isinstance(length, int | float) else None,
        "speakers": people,
    }
    meta = {k: v for k, v in fields.items() if isinstance(v, str | int | float | list) and v}
    return MetaRecord.model_validate({**meta, FACTS_KEY: facts_of(document)})


def jsonld_frames(document: dict[str, Any]) -> list[KeyframeRecord]:
    """A chapter note per ``hasPart`` clip with a name and a start."""
    frames = []
    for clip in _listed(document.get("hasPart")):
        start = seconds(clip.get("startOffset"))
        if isinstance(start, int | float) and isinstance(clip.get("name"), str):
            frames.append(KeyframeRecord(time=float(start), text=f"chapter: {clip['name']}"))
    return frames


def _listed(value: Any) -> list[dict[str, Any]]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, dict)]


def _person(value: dict[str, Any], key: str) -> dict[str, Any] | None:
    """A Person, or a Role wrapping one (under the same property name or ``@type``
    Person), as a speaker of the meta; None for an organisation."""
    role = value.get("roleName") if value.get("@type") == "Role" else None
    inner = next((v for v in _listed(value.get(key)) if v.get("@type") == "Person"), None)
    person = inner if role is not None and inner is not None else value
    name = person.get("name")
    if person.get("@type") != "Person" or not isinstance(name, str):
        return None
    aliases = [a for a in _strings(person.get("alternateName")) if a != name]
    note = person.get("description") if isinstance(person.get("description"), str) else None
    return {
        "name": name,
        "aliases": aliases,
        "role": role or ("presenter" if key == "performer" else None),
        "note": note,
    }


def _strings(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]
