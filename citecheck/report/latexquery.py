"""A request written as LaTeX source (a course handout's ``.tex`` saved as the query) read
as the Markdown-like text the requirement readers understand.

What the compiled handout would show, and only that: ``%`` comments are dropped (an
obsolete requirement kept in a comment is no requirement), the body is what lies
between ``\\begin{document}`` and ``\\end{document}`` (the title kept), sectioning
commands become headings, ``enumerate`` items are numbered ``1.`` and ``itemize`` items
``- …``, a ``tabular`` row is a line of ``|``-separated cells, ``\\verb|…|`` and the
arguments of formatting commands (``\\textbf``, ``\\emph``, ``\\textcolor{red}{…}``) are
kept as text, other commands dropped, ``--`` read as a dash.
"""

from __future__ import annotations

import re

_LATEX_MARKS = re.compile(
    r"\\documentclass|\\begin\{document\}|\\section\*?\{|\\begin\{enumerate\}"
)
_COMMENT = re.compile(r"(?<!\\)%.*$", re.MULTILINE)
_VERB = re.compile(r"\\verb\*?(?P<d>[^\sa-zA-Z])(?P<body>.*?)(?P=d)")
_TITLE = re.compile(r"\\title\{(?P<title>[^{}]*)\}")
_HEADING = re.compile(
    r"\\(?P<level>section|subsection|subsubsection|paragraph)\*?\{(?P<title>[^{}]*)\}"
)
_HEADING_MARKS = {"section": "## ", "subsection": "### ", "subsubsection": "#### ", "paragraph": ""}
_LIST = re.compile(
    r"\\(?P<edge>begin|end)\{(?P<kind>enumerate|itemize|description)\}(?:\[[^\]]*\])?"
)
_ITEM = re.compile(r"\\item(?:\[(?P<label>[^\]]*)\])?\s*")
_ROW_END = re.compile(r"\s*\\\\(?:\[[^\]]*\])?\s*")
_RULES = re.compile(r"\\(?:toprule|midrule|bottomrule|hline|cline\{[^}]*\})")
_TABULAR = re.compile(
    r"\\(?:begin|end)\{(?:tabular|tabularx|longtable|table|center)\*?\}"
    r"(?:\[[^\]]*\])?(?:\{(?:[^{}]|\{[^{}]*\})*\})*"
)
_FIRST_OF_TWO = re.compile(r"\\(?:textcolor|colorbox|href|foreignlanguage)\{[^{}]*\}")
"""Commands whose first argument is no text (a colour, a URL, a language)."""
_ARGUMENT = re.compile(r"\\[a-zA-Z]+\*?(?:\[[^\]]*\])?\{(?P<arg>[^{}]*)\}")
_COMMAND = re.compile(r"\\[a-zA-Z]+\*?(?:\[[^\]]*\])?")
_ESCAPED = {r"\_": "_", r"\%": "%", r"\&": "&", r"\#": "#", r"\$": "$", r"\{": "{", r"\}": "}"}


def is_latex(text: str) -> bool:
    """Whether ``text`` is LaTeX source rather than prose or Markdown."""
    return bool(_LATEX_MARKS.search(text))


def latex_as_text(source: str) -> str:
    """``source`` as plain lines (see the module docstring)."""
    text = _COMMENT.sub("", source)
    verbatim: list[str] = []
    text = _VERB.sub(lambda m: _hold(verbatim, m["body"]), text)
    title = _TITLE.search(text)
    body = text.split(r"\begin{document}", 1)[-1].split(r"\end{document}", 1)[0]
    body = _HEADING.sub(lambda m: f"\n\n{_HEADING_MARKS[m['level']]}{m['title']}\n", body)
    body = _numbered_items(body)
    body = _RULES.sub("", _TABULAR.sub("\n", body))
    body = _ROW_END.sub("\n", body).replace("&", " | ")
    body = _FIRST_OF_TWO.sub("", body)
    while _ARGUMENT.search(body):  # innermost first: \textbf{\emph{x}}
        body = _ARGUMENT.sub(lambda m: m["arg"], body)
    body = _COMMAND.sub("", body).replace("--", "–").replace("~", " ")
    body = re.sub(r"(?<!\\)[{}]", "", body)
    for escaped, plain in _ESCAPED.items():
        body = body.replace(escaped, plain)
    body = re.sub(r"\x00(\d+)\x00", lambda m: verbatim[int(m[1])], body)
    heading = f"# {title['title']}\n" if title else ""
    lines = (line.strip() for line in (heading + body).splitlines())
    return "\n".join(line for line in lines if line)


def _hold(verbatim: list[str], body: str) -> str:
    """A placeholder for verbatim text, put back after the commands are gone."""
    verbatim.append(body)
    return f"\x00{len(verbatim) - 1}\x00"


def _numbered_items(body: str) -> str:
    """Each ``\\item`` on a line of its own, numbered in an ``enumerate``, a bullet in an
    ``itemize``, its own label in a ``description``."""
    out: list[str] = []
    counters: list[list[int]] = []  # per open list: [the next number], [] for bullets
    position = 0
    for found in re.finditer(f"{_LIST.pattern}|{_ITEM.pattern}", body):
        out.append(body[position : found.start()])
        position = found.end()
        if found["edge"] == "begin":
            counters.append([1] if found["kind"] == "enumerate" else [])
        elif found["edge"] == "end":
            counters = counters[:-1]
        elif found["label"] is not None:
            out.append(f"\n- {found['label']} ")
        elif counters and counters[-1]:
            out.append(f"\n{counters[-1][0]}. ")
            counters[-1][0] += 1
        else:
            out.append("\n- ")
    out.append(body[position:])
    return "".join(out)
