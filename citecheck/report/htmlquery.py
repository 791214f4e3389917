"""A request exported as HTML (a learning platform's assignment page, a wiki page) read
as the Markdown-like text the requirement readers understand: headings as ``## …``,
ordered list items numbered ``1.``, other items as ``- …``, paragraphs and table
rows on lines of their own, tags and comments dropped, entities decoded."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|body|div|section|article|h[1-6]|p|ul|ol)\b",
    re.IGNORECASE | re.DOTALL,
)
_BLOCKS = frozenset({"p", "div", "section", "article", "tr", "table", "br", "ul", "ol", "li"})
_HEADINGS = {f"h{n}": "#" * n for n in range(1, 7)}


def is_html(text: str) -> bool:
    """Whether ``text`` is an HTML document or fragment rather than prose or Markdown."""
    return bool(_HTML_START.match(text))


def html_as_text(html: str) -> str:
    """``html`` as plain lines (see the module docstring)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    lines = (line.strip() for line in "".join(reader.out).splitlines())
    return "\n".join(line for line in lines if line)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [next number] for <ol>, [] for <ul>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HEADINGS:
            self.out.append(f"\n\n{_HEADINGS[tag]} ")
        elif tag == "ol":
            self.lists.append([1])
        elif tag == "ul":
            self.lists.append([])
        elif tag == "li":
            numbering = self.lists[-1] if self.lists else []
            if numbering:
                self.out.append(f"\n{numbering[0]}. ")
                numbering[0] += 1
            else:
                self.out.append("\n- ")
        elif tag in ("td", "th"):
            self.out.append(" | ")
        elif tag in _BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag in _HEADINGS or tag in _BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        self.out.append(re.sub(r"\s+", " ", data))
