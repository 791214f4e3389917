"""The LLM backend against a real OpenAI-compatible HTTP server on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from citecheck.errors import InputError
from citecheck.judge.llm import LlmJudge


class ChatHandler(BaseHTTPRequestHandler):
    replies: ClassVar[list[str]] = []
    requests: ClassVar[list[dict]] = []
    status = 200

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(
            {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
        )
        if self.status != 200:
            self.send_error(self.status, "boom")
            return
        content = type(self).replies.pop(0)
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    ChatHandler.replies, ChatHandler.requests, ChatHandler.status = [], [], 200
    httpd = HTTPServer(("127.0.0.1", 0), ChatHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_llm_verdicts_in_order_with_api_key(server, monkeypatch):
    monkeypatch.setenv("TEST_LLM_KEY", "sk-test")
    ChatHandler.replies = [
        json.dumps(
            {
                "label": "supported",
                "score": 0.93,
                "evidence_span": "DPO was introduced in 2023.",
                "reason": "same year",
            }
        ),
        'Sure: {"label": "contradicted", "score": 0.05, "evidence_span": null, '
        '"reason": "year differs"}',
    ]
    judge = LlmJudge(server, "tiny", api_key_env="TEST_LLM_KEY", timeout_s=5)
    first, second = judge.judge_batch(
        [
            ("DPO 于2023年提出。", ["DPO was introduced in 2023."]),
            ("DPO came out in 2019.", ["DPO was introduced in 2023."]),
        ]
    )
    assert (first.label, first.score, first.backend) == ("supported", 0.93, "llm:tiny")
    assert first.evidence_span == "DPO was introduced in 2023."
    assert (second.label, second.reason) == ("contradicted", "year differs")
    request = ChatHandler.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer sk-test"
    assert (
        request["body"]["model"] == "tiny"
        and "DPO 于2023年提出" in request["body"]["messages"][1]["content"]
    )


def test_llm_non_json_answer_is_clear_error(server):
    ChatHandler.replies = ["I think it is fine."]
    with pytest.raises(InputError, match="not a JSON verdict"):
        LlmJudge(server, "tiny", timeout_s=5).judge("c", ["e"])


def test_llm_http_error_names_endpoint(server):
    ChatHandler.status = 500
    with pytest.raises(InputError, match=r"chat/completions: HTTP 500"):
        LlmJudge(server, "tiny", timeout_s=5).judge("c", ["e"])


def test_llm_unreachable_endpoint():
    with pytest.raises(InputError, match="request failed"):
        LlmJudge("http://127.0.0.1:9/v1", "tiny", timeout_s=2).judge("c", ["e"])
