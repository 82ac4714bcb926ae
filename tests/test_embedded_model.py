"""The default path: no endpoint configured, so Waymark starts the embedded llama.cpp model.

By default the embedded model neither reads nor writes (the local reader and the templates measured better on
it; see the README); set to write, it writes the reflections through the same guard."""

from __future__ import annotations

import json

import httpx
import pytest

from assistant.llm.embedded import start_embedded_server
from assistant.prompts import load_prompt
from tests.conftest import waymark

pytestmark = pytest.mark.slow

SCRIPT = "- My manager wants me to get a PMP certification by June.\n- I guess it would help me lead projects.\n"


def _replay(tmp_path, env, **extra):
    env = {k: v for k, v in env.items() if k not in ("OPENAI_BASE_URL", "OPENAI_API_KEY")} | extra
    script = tmp_path / "two.yaml"
    script.write_text(SCRIPT)
    done = waymark("replay", str(script), "--json", env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    turns = [json.loads(line) for line in done.stdout.strip().splitlines()][:-1]
    assert len(turns) == 2
    for t in turns:
        assert t["assistant"].strip().endswith("?")
        assert t["imposition"]["flagged"] is False
    assert turns[0]["phase"] == "examine"
    return turns


def test_replay_on_the_embedded_model_with_the_model_writing(tmp_path, env):
    turns = _replay(tmp_path, env, WAYMARK_WRITER="model")
    assert all(t["llm_calls"] >= 1 for t in turns)
    down = load_prompt("notice_model_down").strip()
    assert not any(down in t["assistant"] for t in turns)  # llama.cpp answered: no turn fell back for want of it


def test_the_embedded_server_answers_a_long_prompt_and_stays_up(tmp_path):
    """A prompt of a few hundred tokens is what crashed llama.cpp's AMX path on some Xeons (embedded_server.py)."""
    server = start_embedded_server(n_ctx=2048, threads=2, log_dir=tmp_path, timeout_s=120)
    try:
        prompt = [{"role": "system", "content": "You are a careful coach who listens. " * 40},
                  {"role": "user", "content": "I want to lead the design reviews by spring."}]
        answer = httpx.post(f"{server.base_url}/chat/completions", json={"messages": prompt, "max_tokens": 24},
                            timeout=120)
        assert answer.status_code == 200
        assert answer.json()["choices"][0]["message"]["content"].strip()
        assert answer.json()["usage"]["prompt_tokens"] > 200
        assert server.process.poll() is None
    finally:
        server.stop()


def test_replay_on_the_embedded_default_reads_locally(tmp_path, env):
    env = {k: v for k, v in env.items() if k not in ("WAYMARK_READER", "WAYMARK_WRITER")}
    turns = _replay(tmp_path, env)
    assert "PMP" in turns[0]["assistant"] or "certification" in turns[0]["assistant"]
