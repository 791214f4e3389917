"""Build the configured judge backend."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from citecheck.errors import UsageError
from citecheck.judge.base import Judge, JudgeConfig

if TYPE_CHECKING:  # the features module imports numpy; keep `import factory` cheap
    from citecheck.judge.features import QueryPassageEmbedder


def make_judge(
    config: JudgeConfig | None = None, embedder: QueryPassageEmbedder | None = None
) -> Judge:
    """The judge ``config`` asks for; ``default`` is the offline verifier.

    ``embedder`` serves the verifier's cross-language features; pass a cached one
    so evidence sentences shared by many claims are embedded once.

    ``default``/``verifier``: learned verifier + lexical conflicts (``model`` may
    name another weights JSON); ``lexical``: rules only; ``crossencoder``: an NLI
    model (``model`` required); ``llm``: an OpenAI-compatible endpoint
    (``llm_url`` and ``llm_model`` required).
    """
    config = config or JudgeConfig()
    if config.backend in ("default", "verifier"):
        from citecheck.judge.verifier import VerifierJudge, VerifierWeights

        weights = VerifierWeights.load(Path(config.model)) if config.model else None
        return VerifierJudge(weights=weights, embedder=embedder, supported_min=config.supported_min)
    if config.backend == "lexical":
        from citecheck.judge.lexical import LexicalJudge

        return LexicalJudge(supported_min=config.supported_min)
    if config.backend == "crossencoder":
        if not config.model:
            raise UsageError("the crossencoder backend needs a model path or name")
        from citecheck.judge.crossencoder import CrossEncoderJudge

        return CrossEncoderJudge(config.model, config.supported_min, config.contradicted_min)
    if not (config.llm_url and config.llm_model):
        raise UsageError("the llm backend needs llm_url and llm_model")
    from citecheck.judge.llm import LlmJudge

    return LlmJudge(config.llm_url, config.llm_model, config.llm_api_key_env, config.timeout_s)
