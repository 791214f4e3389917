"""Reports that arrive inside an API response: the JSON a research agent's API returned.

Three shapes are read:

- a chat completion (Perplexity, OpenAI): the report is ``choices[0].message.content``;
  Perplexity adds ``citations`` (the URLs its ``[n]`` markers number) and
  ``search_results`` (``{title, url, date, snippet}``: what it read of each page);
  OpenAI adds ``message.annotations`` of type ``url_citation`` with the character
  range of the text they cite;
- an OpenAI Responses object (``"object": "response"``): the ``output_text`` parts of
  its ``message`` items, each with ``url_citation`` annotations;
- an agent's result object with the report in a named field (open_deep_research's
  ``final_report``, GPT-Researcher's ``report``: :data:`REPORT_FIELDS`).

Top-level ``citations`` and ``search_results`` are read from any of them.

The report text is what gets linted; a leading ``<think>`` block in it is left to
:func:`citecheck.report.extract.locate_report`. Positions in findings are positions in
that text, and :attr:`Envelope.origin` names the field it came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.errors import InputError
from citecheck.models import EmbeddedSource, ReferenceEntry
from citecheck.report.decode import DecodedText, read_text
from citecheck.safeio import is_regular_file, read_head

ENVELOPE_SYNTAX = "url_citation"
_SNIFF_BYTES = 1 << 16
ENVELOPE_SNIFF_LIMIT = 16 * 1024 * 1024
"""Folder expansion and the audit parse a ``.json`` file to see whether it holds a
report only up to this size (a response is kilobytes; a collection may be gigabytes).
A larger file given by name is still read as a report."""
# fields that hold the whole report in an agent's result object, most specific first
REPORT_FIELDS = ("final_report", "report", "answer", "output_text", "markdown", "content")
_SNIFF_RE = re.compile(
    r'"choices"\s*:\s*\[|"object"\s*:\s*"response"|"(?:' + "|".join(REPORT_FIELDS) + r')"\s*:\s*"'
)


@dataclass(frozen=True)
class Annotation:
    """An ``url_citation``: the text range ``[start, end)`` it covers and the page."""

    start: int
    end: int
    url: str
    title: str | None


@dataclass(frozen=True)
class Envelope:
    """The report text of an API response and the sources the response carries."""

    text: str
    origin: str
    references: list[ReferenceEntry] = field(default_factory=list)
    sources: list[EmbeddedSource] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)


def is_envelope_file(path: Path) -> bool:
    """Whether ``path`` is a ``.json`` file holding a report (:func:`read_envelope` reads
    it); its first bytes decide for anything else (a collection, a sidecar)."""
    if path.suffix.lower() != ".json" or not is_regular_file(path):
        return False
    if path.stat().st_size > ENVELOPE_SNIFF_LIMIT:
        return False  # a document collection, not an answer: never parsed to find out
    try:
        head = read_head(path, "report", _SNIFF_BYTES).decode("utf-8", errors="ignore")
        if not head.lstrip("\ufeff \t\r\n").startswith("{") or not _SNIFF_RE.search(head):
            return False
        read_envelope(read_text(path).text, path)
    except InputError:
        return False
    return True


@dataclass(frozen=True)
class ReportFile:
    """A report file read: its decoded text, and the response around the report if any."""

    decoded: DecodedText
    envelope: Envelope | None

    @property
    def text(self) -> str:
        """The report text: the whole file, or the response's answer."""
        return self.envelope.text if self.envelope else self.decoded.text


def read_report_file(path: str | Path) -> ReportFile:
    """Read the report at ``path``; a ``.json`` file must be an API response."""
    decoded = read_text(path)
    if Path(path).suffix.lower() != ".json":
        return ReportFile(decoded, None)
    return ReportFile(decoded, read_envelope(decoded.text, path))


def read_envelope(text: str, path: str | Path) -> Envelope:
    """The report inside the API response ``text`` (the file ``path``); :class:`InputError`
    when it is not JSON or not a response shape with a text answer."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON: {error}") from None
    except RecursionError:
        raise InputError(path, "not a report: JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError(path, f"a JSON report must be an object, not {type(data).__name__}")
    if isinstance(data.get("choices"), list):
        text, origin, annotations = _chat_completion(data, path)
    elif isinstance(data.get("output"), list):
        text, origin, annotations = _response(data, path)
    else:
        text, origin, annotations = _report_field(data, path)
    sources = _search_results(data.get("search_results"))
    titles = {source.url: source.title for source in sources}
    references = [
        ReferenceEntry(key=str(n), url=url, title=titles.get(url), line=0, syntax="numbered")
        for n, url in enumerate(_strings(data.get("citations")), start=1)
    ]
    return Envelope(text, origin, references, sources, annotations)


_Answer = tuple[str, str, list[Annotation]]


def _chat_completion(data: dict[str, Any], path: str | Path) -> _Answer:
    choices = data["choices"]
    message = choices[0].get("message") if choices and isinstance(choices[0], dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str) or not content.strip():
        raise InputError(path, "the response has no text in choices[0].message.content")
    notes = message.get("annotations") if isinstance(message, dict) else None
    return content, "choices[0].message.content", _annotations(notes, len(content), nested=True)


def _report_field(data: dict[str, Any], path: str | Path) -> _Answer:
    """An agent's result object holding the report in a named field (``final_report``)."""
    for key in REPORT_FIELDS:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value, key, []
    raise InputError(
        path,
        "a JSON report must be an API response (choices[0].message.content, Responses"
        f" output text) or an object with the report in one of: {', '.join(REPORT_FIELDS)}",
    )


def _response(data: dict[str, Any], path: str | Path) -> _Answer:
    """The ``output_text`` parts of a Responses object, joined by blank lines."""
    texts: list[str] = []
    annotations: list[Annotation] = []
    origins: list[str] = []
    offset = 0
    for i, item in enumerate(data["output"]):
        if not isinstance(item, dict) or item.get("type") != "message":
            continue
        for j, part in enumerate(item.get("content") or []):
            if not isinstance(part, dict) or not isinstance(part.get("text"), str):
                continue
            if part.get("type") not in ("output_text", "text"):
                continue
            text = part["text"]
            for note in _annotations(part.get("annotations"), len(text), nested=False):
                annotations.append(
                    Annotation(note.start + offset, note.end + offset, note.url, note.title)
                )
            texts.append(text)
            origins.append(f"output[{i}].content[{j}].text")
            offset += len(text) + 2
    if not "".join(texts).strip():
        raise InputError(path, "the response has no output_text in its message items")
    origin = origins[0] if len(origins) == 1 else "output[].content[].text"
    return "\n\n".join(texts), origin, annotations


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _search_results(value: object) -> list[EmbeddedSource]:
    """Perplexity's ``search_results``, numbered in order (its ``[n]`` when no ``citations``)."""
    if not isinstance(value, list):
        return []
    sources = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, dict) and isinstance(item.get("url"), str):
            sources.append(
                EmbeddedSource(
                    url=item["url"],
                    title=_text(item.get("title")),
                    snippet=_text(item.get("snippet")) or "",
                    date=_text(item.get("date")),
                    number=number,
                )
            )
    return sources


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _annotations(value: object, length: int, *, nested: bool) -> list[Annotation]:
    """``url_citation`` annotations whose range lies inside a text of ``length``.

    Chat completions nest the fields under ``url_citation``; Responses keep them flat."""
    found = []
    for note in value if isinstance(value, list) else []:
        if not isinstance(note, dict) or note.get("type") != "url_citation":
            continue
        fields = note.get("url_citation") if nested else note
        if not isinstance(fields, dict) or not isinstance(fields.get("url"), str):
            continue
        start, end = fields.get("start_index"), fields.get("end_index")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
            found.append(Annotation(start, end, fields["url"], _text(fields.get("title"))))
    return found
