"""Project configuration: ``.citecheck.toml`` or ``[tool.citecheck]`` in ``pyproject.toml``.

The search starts at a folder and walks up to the filesystem root; in each
folder ``.citecheck.toml`` wins over ``pyproject.toml``, and a ``pyproject.toml``
counts only when it has a ``[tool.citecheck]`` table. Command-line options
override what the file says (:meth:`Config.with_overrides`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from citecheck.errors import InputError
from citecheck.models import Severity
from citecheck.tomlfile import read_toml

FailOn = Literal["error", "warning", "info", "never"]
OutputFormat = Literal["text", "json", "sarif", "github", "html"]

BackendName = Literal["default", "nli", "lexical", "verifier", "crossencoder", "llm"]

CONFIG_FILE = ".citecheck.toml"
PYPROJECT = "pyproject.toml"


class JudgeConfig(BaseModel):
    """Which backend judges, and its settings (the ``[judge]`` table)."""

    model_config = ConfigDict(extra="forbid")

    backend: BackendName = "default"
    model: str | None = Field(
        default=None,
        description=(
            "nli: a bundle folder (model.onnx + manifest.json); crossencoder: local path or "
            "model name; verifier: weights JSON path"
        ),
    )
    llm_url: str | None = Field(
        default=None, description="OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1"
    )
    llm_model: str | None = None
    llm_api_key_env: str = "OPENAI_API_KEY"
    timeout_s: float = 60.0
    # None: the backend's own calibration (the nli bundle ships its thresholds)
    supported_min: float | None = Field(default=None, ge=0.0, le=1.0)
    unsupported_max: float | None = Field(default=None, ge=0.0, le=1.0)
    contradicted_min: float | None = Field(default=None, ge=0.0, le=1.0)


class Config(BaseModel):
    """Settings of a lint run; every field has a default, so an empty file is valid."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    fail_on: FailOn = "error"
    pack: str = "default"
    # the pack's citation format to use ("numbered", "chatgpt" …); None detects it
    syntax: str | None = None
    severity: dict[str, Severity] = Field(default_factory=dict)
    judge: dict[str, Any] = Field(default_factory=dict)
    cache_dir: str | None = None
    # model that transcribes a video with no transcript ("tiny.en", a model folder, or "off")
    transcribe: str = "tiny.en"
    format: OutputFormat = "text"
    source: str | None = Field(default=None, exclude=True, description="file read, if any")

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with every override that is not ``None`` (or empty) applied."""
        given = {key: value for key, value in overrides.items() if value not in (None, [], ())}
        return self.model_copy(update=given)


def load_config(start_dir: str | Path, explicit: str | Path | None = None) -> Config:
    """The configuration for a run started in ``start_dir``.

    ``explicit`` (``--config FILE``) skips the search; for a ``pyproject.toml`` it
    reads ``[tool.citecheck]``, for any other file the top-level table. Raises
    :class:`InputError` naming the file for a missing file, invalid TOML, an
    unknown key or a bad value.
    """
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(path, "config file not found")
        table = _read_table(path)
        return _validate(path, table if table is not None else {})
    for folder in _upward(Path(start_dir)):
        for name in (CONFIG_FILE, PYPROJECT):
            path = folder / name
            if path.is_file():
                table = _read_table(path)
                if table is not None:
                    return _validate(path, table)
    return Config()


def _upward(start: Path) -> list[Path]:
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    return [folder, *folder.parents]


def _read_table(path: Path) -> dict[str, Any] | None:
    """The citecheck table of ``path``; ``None`` for a pyproject without one."""
    data = read_toml(path, "config file")
    if path.name != PYPROJECT:
        return data
    table = data.get("tool", {}).get("citecheck")
    if table is not None and not isinstance(table, dict):
        raise InputError(path, "[tool.citecheck] must be a table")
    return table


def _validate(path: Path, table: dict[str, Any]) -> Config:
    """The config of ``table``, its ``[judge]`` table checked too (not only once a
    rule first asks the judge)."""
    normalised = {key.replace("-", "_"): value for key, value in table.items()}
    try:
        config = Config.model_validate(normalised)
        JudgeConfig.model_validate(config.judge)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        if error.title == JudgeConfig.__name__:
            where = f"judge.{where}"
        if first["type"] == "extra_forbidden":
            raise InputError(path, f"unknown config key '{where}'") from None
        raise InputError(path, f"invalid config value for '{where}': {first['msg']}") from None
    return config.model_copy(update={"source": str(path), **_relative_paths(path.parent, config)})


def _relative_paths(base: Path, config: Config) -> dict[str, Any]:
    """Pack files and cache folders named in a config file are relative to that file."""
    update: dict[str, Any] = {}
    if config.pack.endswith(".toml") and not Path(config.pack).is_absolute():
        update["pack"] = str(base / config.pack)
    if config.cache_dir and not Path(config.cache_dir).is_absolute():
        update["cache_dir"] = str(base / config.cache_dir)
    return update
