"""LLM judge over an OpenAI-compatible chat-completions HTTP API (stdlib urllib only).

For pipelines that already run a model. The model is asked for a JSON object
``{"label", "score", "evidence_span", "reason"}``; anything else is an error
that names the endpoint. The API key, if any, is read from the environment
variable the config names (never from a file).
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from typing import Any

from citecheck.errors import InputError
from citecheck.judge.base import SequentialBatchMixin
from citecheck.models import Evidence, Verdict

SYSTEM_PROMPT = (
    "You check whether EVIDENCE supports a CLAIM. The claim and evidence may be in different "
    "languages. Answer with one JSON object only: "
    '{"label": "supported" | "contradicted" | "unsupported", '
    '"score": probability (0-1) that the evidence fully supports the claim, '
    '"evidence_span": the exact evidence sentence you relied on, or null, '
    '"reason": one short sentence}. Partial support is "unsupported"; a changed number, '
    'date, name or negation is "contradicted".'
)
_LABELS = {"supported", "contradicted", "unsupported"}


class LlmJudge(SequentialBatchMixin):
    """Ask a chat model for a verdict, one request per claim."""

    name = "llm"

    def __init__(
        self, url: str, model: str, api_key_env: str = "OPENAI_API_KEY", timeout_s: float = 60.0
    ) -> None:
        self.endpoint = url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key_env = api_key_env
        self.timeout_s = timeout_s

    def judge(self, claim: str, evidence: list[str]) -> Verdict:
        """Send one claim and its evidence; parse the model's JSON verdict."""
        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": _user_message(claim, evidence)},
            ],
        }
        answer = self._post(body)
        try:
            content = answer["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise InputError(self.endpoint, "reply has no choices[0].message.content") from exc
        return self._verdict(content, evidence)

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        key = os.environ.get(self.api_key_env)
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(
            self.endpoint, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise InputError(self.endpoint, f"HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise InputError(self.endpoint, f"request failed: {exc}") from exc
        except ValueError as exc:
            raise InputError(self.endpoint, "reply is not JSON") from exc

    def _verdict(self, content: str, evidence: list[str]) -> Verdict:
        match = re.search(r"\{.*\}", content, re.DOTALL)
        try:
            data = json.loads(match.group(0) if match else content)
            label = str(data["label"]).lower()
            score = min(
                1.0, max(0.0, float(data.get("score", 1.0 if label == "supported" else 0.0)))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(
                self.endpoint, f"model answer is not a JSON verdict: {content[:80]!r}"
            ) from exc
        if label not in _LABELS:
            raise InputError(self.endpoint, f"model answered unknown label {label!r}")
        span = data.get("evidence_span") or None
        shown = [Evidence(source="evidence", locator="llm", text=str(span))] if span else []
        return Verdict(
            label=label,  # type: ignore[arg-type]
            score=round(score, 4),
            backend=f"{self.name}:{self.model}",
            evidence=shown,
            evidence_span=span,
            reason=str(data.get("reason", "")),
        )


def _user_message(claim: str, evidence: list[str]) -> str:
    numbered = "\n".join(f"[{i + 1}] {text}" for i, text in enumerate(evidence))
    return f"CLAIM:\n{claim}\n\nEVIDENCE:\n{numbered}"
