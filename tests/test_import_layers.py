"""The import-layer contract: a stage imports only stages at its own layer or below.

The table is the data flow of docs/ARCHITECTURE.md, bottom up. A module that needs
something from a higher layer is in the wrong place (a rule helper belongs in
``checks/``, not in the stage whose output it filters), and this test says which
import breaks the contract. Imports under ``if TYPE_CHECKING:`` and inside functions
count too: they are the same dependency, only deferred.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "citecheck"

LAYERS: dict[str, int] = {
    # shared data and errors
    "": 0,  # citecheck/__init__.py
    "models": 0,
    "errors": 0,
    # pure helpers and settings
    "textutil": 1,
    "rulepack": 1,
    "usercache": 1,
    "safeio": 1,
    "cachedir": 1,
    "derived": 1,
    "gcpause": 1,
    "onnxrun": 1,
    "config": 1,
    "tomlfile": 1,
    # reading inputs; judging text pairs
    "report": 2,
    "corpus": 2,
    "evidence": 2,
    "judge": 2,
    # stages over a parsed report and its corpus
    "resolve": 3,
    "support": 3,
    "attribution": 3,
    "requirements": 3,
    # rules: filters over what the stages computed
    "checks": 4,
    # running rules and writing results
    "pipeline": 5,
    "emitters": 5,
    "api": 5,
    "batch": 6,
    "cli": 7,
}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return [(line, name) for line, name in found if name.split(".")[0] == "citecheck"]


def test_every_stage_is_in_the_layer_table() -> None:
    stages = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    stages = {s for s in stages if not s.startswith(("_", "."))}
    assert stages - LAYERS.keys() == set(), "add new stages to LAYERS"


def test_no_stage_imports_a_higher_one() -> None:
    broken = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        own = _stage(".".join(p for p in relative.parts if p != "__init__"))
        for line, name in _imports(path):
            target = _stage(name)
            if LAYERS[target] > LAYERS[own]:
                broken.append(f"{relative}.py:{line} ({own}) imports {name} ({target})")
    assert not broken, "\n".join(broken)
