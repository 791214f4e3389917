"""A tiny DOM built with the standard library's HTML parser, and findings to render."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from citecheck.models import Evidence, Finding, Result, Severity
from citecheck.pipeline import summarise

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


@dataclass
class Node:
    """An element: tag, attributes, children (nodes and strings)."""

    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        """All text inside, as a browser's ``textContent``."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        """This node and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        """Elements named ``tag`` (``*`` for any) whose attributes hold ``attrs``;
        ``class_`` matches one class among several."""
        found = []
        for node in self.iter():
            if tag not in ("*", node.tag):
                continue
            wanted = dict(attrs)
            klass = wanted.pop("class_", None)
            if klass and klass not in (node.attrs.get("class") or "").split():
                continue
            if all(node.attrs.get(k.replace("_", "-")) == v for k, v in wanted.items()):
                found.append(node)
        return found

    def by_id(self, ident: str) -> Node:
        """The element with id ``ident``; fails when there is none or several."""
        (node,) = [n for n in self.iter() if n.attrs.get("id") == ident]
        return node


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
        raise AssertionError(f"stray </{tag}>")

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _parse_html(page: str) -> Node:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert [n.tag for n in builder.stack] == ["#document"], "unclosed elements"
    return builder.root


@pytest.fixture
def parse_html() -> Callable[[str], Node]:
    """``parse_html(page)``: the page as a :class:`Node` tree; unclosed elements fail."""
    return _parse_html


def _make_finding(**changes: object) -> Finding:
    """A finding on line 1 of ``reports/a.md`` with every field set."""
    values: dict[str, object] = {
        "code": "CC201",
        "slug": "unsupported-claim",
        "category": "unsupported-claim",
        "severity": Severity.ERROR,
        "path": "reports/a.md",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 2,
        "message": "the cited page does not state this",
        "claim": "claim",
        "citation": None,
        "evidence": [Evidence(source="paper.pdf", locator="page 2", text="some passage")],
        "score": 0.12,
        "fix": "cite the page that states it",
        "backend": "lexical",
    }
    return Finding(**{**values, **changes})  # type: ignore[arg-type]


@pytest.fixture
def make_finding() -> Callable[..., Finding]:
    """``make_finding(**changes)``: a finding on line 1 of ``reports/a.md``, fields set."""
    return _make_finding


@pytest.fixture
def result_of() -> Callable[..., Result]:
    """``result_of(finding, …, files=[…])``: a Result holding those findings."""

    def build(*findings: Finding, files: list[str] | None = None) -> Result:
        paths = files or sorted({f.path for f in findings} or {"reports/a.md"})
        return Result(
            version="0.1.0",
            corpus="task",
            files=paths,
            findings=list(findings),
            summary=summarise(list(findings), len(paths), 7, 3, []),
        )

    return build
