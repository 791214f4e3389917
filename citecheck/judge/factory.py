"""Build the configured judge backend."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from citecheck.errors import UsageError
from citecheck.judge.base import Judge, JudgeConfig

VERDICTS_FILE = "verdicts.sqlite"

if TYPE_CHECKING:  # the features module imports numpy; keep `import factory` cheap
    from citecheck.judge.features import QueryPassageEmbedder


def make_judge(
    config: JudgeConfig | None = None,
    embedder: QueryPassageEmbedder | None = None,
    cache_dir: Path | None = None,
) -> Judge:
    """The judge ``config`` asks for; ``default`` is citecheck's own cross-encoder.

    ``default``/``nli``: the shipped multilingual cross-encoder (``model`` may name
    another bundle folder), its verdicts cached in ``cache_dir``; ``verifier``: the
    older learned verifier + lexical conflicts (``model`` may name another weights
    JSON; ``embedder`` serves its cross-language features); ``lexical``: rules only;
    ``crossencoder``: a sentence-transformers NLI model (``model`` required);
    ``llm``: an OpenAI-compatible endpoint (``llm_url`` and ``llm_model`` required).
    Thresholds left unset come from the backend's calibration.
    """
    config = config or JudgeConfig()
    if config.backend in ("default", "nli"):
        return _nli_judge(config, cache_dir)
    supported_min = 0.5 if config.supported_min is None else config.supported_min
    contradicted_min = 0.5 if config.contradicted_min is None else config.contradicted_min
    if config.backend == "verifier":
        from citecheck.judge.verifier import VerifierJudge, VerifierWeights

        weights = VerifierWeights.load(Path(config.model)) if config.model else None
        return VerifierJudge(
            weights=weights,
            embedder=embedder,
            supported_min=supported_min,
            unsupported_max=0.1 if config.unsupported_max is None else config.unsupported_max,
        )
    if config.backend == "lexical":
        from citecheck.judge.lexical import LexicalJudge

        return LexicalJudge(supported_min=supported_min)
    if config.backend == "crossencoder":
        if not config.model:
            raise UsageError("the crossencoder backend needs a model path or name")
        from citecheck.judge.crossencoder import CrossEncoderJudge

        return CrossEncoderJudge(config.model, supported_min, contradicted_min)
    if not (config.llm_url and config.llm_model):
        raise UsageError("the llm backend needs llm_url and llm_model")
    from citecheck.judge.llm import LlmJudge

    return LlmJudge(config.llm_url, config.llm_model, config.llm_api_key_env, config.timeout_s)


def _nli_judge(config: JudgeConfig, cache_dir: Path | None) -> Judge:
    from citecheck.judge.nli.judge import NliJudge
    from citecheck.judge.nli.model import DEFAULT_BUNDLE, NliModel, shared_model
    from citecheck.judge.nli.verdict_cache import VerdictCache

    model = NliModel(Path(config.model)) if config.model else shared_model(DEFAULT_BUNDLE)
    shipped = model.manifest.calibration
    overrides = {
        name: value
        for name in ("supported_min", "unsupported_max", "contradicted_min")
        if (value := getattr(config, name)) is not None
    }
    calibration = replace(shipped, **overrides) if overrides else shipped
    cache = VerdictCache(cache_dir / VERDICTS_FILE) if cache_dir is not None else None
    return NliJudge(model, calibration, cache)
