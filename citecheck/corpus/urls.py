"""URLs as store keys: the same page however an agent wrote its address.

``https://www.Example.com/a/?utm_source=chatgpt.com#top`` and ``http://example.com/a``
name one page: the scheme, ``www.``, the host's case, a trailing slash, the fragment
and tracking parameters (``utm_*``, ``fbclid``, ``gclid`` …) do not count.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref", "ref_src", "igshid", "si"}
)
_TRAILING = ".,;:!?)]}>'\"，。；："


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(TRACKING_PREFIXES) or lowered in TRACKING_NAMES


def clean_url(url: str) -> str:
    """``url`` without the punctuation a sentence or a bracket glued to its end."""
    return url.strip().strip("<>").rstrip(_TRAILING)


def normalise_url(url: str) -> str:
    """The store key of ``url``: host without ``www.`` (lower case), path without a
    trailing slash, query without tracking parameters (sorted), no scheme or fragment."""
    parts = urlsplit(clean_url(url))
    host = (parts.hostname or "").removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)
    )
    key = f"{host}{path}"
    return f"{key}?{urlencode(query)}" if query else key
