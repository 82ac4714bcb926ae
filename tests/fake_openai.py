"""A scripted model behind the real OpenAI chat-completions HTTP protocol, on loopback.

The code under test uses the real `openai` client against this server, so retries, streaming
and JSON parsing run exactly as they do in production. Tests script what the "model" says.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ChatFn = Callable[[dict], str]
StructuredFn = Callable[[dict, dict], Any]


def example_for(schema: dict, defs: dict | None = None) -> Any:
    """A minimal instance of a JSON schema: what a cautious model would answer."""
    defs = defs if defs is not None else schema.get("$defs", {})
    if "$ref" in schema:
        return example_for(defs[schema["$ref"].split("/")[-1]], defs)
    if "default" in schema:
        return schema["default"]
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        return example_for(schema["anyOf"][0], defs)
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = kind[0]
    if kind == "object":
        return {name: example_for(sub, defs) for name, sub in schema.get("properties", {}).items()}
    return {"array": [], "string": "", "boolean": False, "integer": 0, "number": 0.0, "null": None}[kind]


def schema_of(body: dict) -> dict | None:
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return fmt["json_schema"]["schema"]
    if fmt.get("type") == "json_object":
        return fmt.get("schema", {"type": "object"})
    return None


def last_user(body: dict) -> str:
    return next((m["content"] for m in reversed(body["messages"]) if m["role"] == "user"), "")


@dataclass
class Fault:
    status: int = 500  # HTTP status, or 0 for "hang past the client's timeout", -1 for "drop the stream"
    hang_s: float = 0.0


@dataclass
class FakeModel:
    """The script: what the model answers, which requests fail, and every request received."""

    base_url: str = ""
    requests: list[dict] = field(default_factory=list)
    delay_s: float = 0.0
    token_delay_s: float = 0.0
    models_gate: threading.Event | None = None  # when set, GET /models waits for it: holds an app in its warm-up
    _chat_queue: deque = field(default_factory=deque)
    _structured_queue: deque = field(default_factory=deque)
    _faults: deque = field(default_factory=deque)
    chat_fn: ChatFn | None = None
    structured_fn: StructuredFn | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self._chat_queue.clear()
            self._structured_queue.clear()
            self._faults.clear()
            self.chat_fn = self.structured_fn = None
            self.delay_s = self.token_delay_s = 0.0
            self.models_gate = None

    def say(self, *texts: str) -> None:
        """Queue chat replies, used in order; after them, chat_fn or the default."""
        self._chat_queue.extend(texts)

    def answer(self, *objects: Any) -> None:
        """Queue structured answers (dicts, or raw strings to send broken JSON)."""
        self._structured_queue.extend(objects)

    def fail(self, status: int = 500, times: int = 1, hang_s: float = 0.0) -> None:
        self._faults.extend(Fault(status, hang_s) for _ in range(times))

    @property
    def chat_requests(self) -> list[dict]:
        return [r for r in self.requests if schema_of(r) is None]

    @property
    def structured_requests(self) -> list[dict]:
        return [r for r in self.requests if schema_of(r) is not None]

    def sent_text(self) -> str:
        """Everything any request carried, to assert what left the process."""
        return "\n".join(m["content"] for r in self.requests for m in r["messages"])

    def _next_fault(self) -> Fault | None:
        with self.lock:
            return self._faults.popleft() if self._faults else None

    def _content(self, body: dict) -> str:
        schema = schema_of(body)
        with self.lock:
            if schema is not None:
                if self._structured_queue:
                    value = self._structured_queue.popleft()
                elif self.structured_fn:
                    value = self.structured_fn(body, schema)
                else:
                    value = example_for(schema)
                return value if isinstance(value, str) else json.dumps(value)
            if self._chat_queue:
                return self._chat_queue.popleft()
            if self.chat_fn:
                return self.chat_fn(body)
            return "Thank you for sharing that with me."


def _handler(model: FakeModel) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def _json(self, status: int, payload: dict) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/models"):
                if model.models_gate is not None:
                    model.models_gate.wait(timeout=600)
                self._json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model", "owned_by": "tests"}]})
            else:
                self._json(404, {"error": {"message": "not found"}})

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._json(404, {"error": {"message": "not found"}})
                return
            with model.lock:
                model.requests.append(body)
            fault = model._next_fault()
            if model.delay_s:
                time.sleep(model.delay_s)
            if fault and fault.status == 0:
                time.sleep(fault.hang_s)
                return
            if fault and fault.status > 0:
                self._json(fault.status, {"error": {"message": f"scripted {fault.status}", "type": "server_error"}})
                return
            if fault and fault.status == -1:
                self._stream("", drop=True)
                return
            content = model._content(body)
            if body.get("stream"):
                self._stream(content, drop=False)
            else:
                self._json(200, {
                    "id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion", "created": int(time.time()),
                    "model": body.get("model", "fake-model"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": sum(len(m["content"]) for m in body["messages"]) // 4,
                              "completion_tokens": len(content) // 4,
                              "total_tokens": 0},
                })

        def _stream(self, content: str, drop: bool) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("connection", "close")
            self.end_headers()
            ident = f"chatcmpl-{uuid.uuid4().hex}"

            def chunk(delta: dict, finish: str | None = None) -> bytes:
                payload = {"id": ident, "object": "chat.completion.chunk", "created": int(time.time()),
                           "model": "fake-model", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                return f"data: {json.dumps(payload)}\n\n".encode()

            self.wfile.write(chunk({"role": "assistant"}))
            if drop:
                self.wfile.write(b"data: {\"id\": \"broken")
                self.wfile.flush()
                self.close_connection = True
                return
            pieces = [w + " " for w in content.split(" ")]
            pieces[-1] = pieces[-1][:-1]
            for piece in pieces:
                if model.token_delay_s:
                    time.sleep(model.token_delay_s)
                self.wfile.write(chunk({"content": piece}))
                self.wfile.flush()
            self.wfile.write(chunk({}, "stop"))
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True

    return Handler


class FakeOpenAIServer:
    def __init__(self) -> None:
        self.model = FakeModel()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.model))
        self._server.daemon_threads = True
        self.model.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeModel:
        self._thread.start()
        return self.model

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


if __name__ == "__main__":  # a standalone fake for benchmarks and manual runs
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    with FakeOpenAIServer() as fake:
        fake.delay_s = args.delay
        print(fake.base_url, flush=True)
        threading.Event().wait()
