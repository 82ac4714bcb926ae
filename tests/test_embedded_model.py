"""The default path: no endpoint configured, so Waymark starts the embedded llama.cpp model.

By default the embedded model neither reads nor writes (the local reader and the templates measured better on
it; see the README); set to write, it writes the reflections through the same guard."""

from __future__ import annotations

import json

import pytest

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
    assert all(t["llm_calls"] >= 1 for t in turns)  # llama.cpp really wrote (or was asked to write) each reflection


def test_replay_on_the_embedded_default_reads_locally(tmp_path, env):
    env = {k: v for k, v in env.items() if k not in ("WAYMARK_READER", "WAYMARK_WRITER")}
    turns = _replay(tmp_path, env)
    assert "PMP" in turns[0]["assistant"] or "certification" in turns[0]["assistant"]
