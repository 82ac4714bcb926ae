"""The default path: no endpoint configured, so Waymark starts the embedded llama.cpp model and coaches on it."""

from __future__ import annotations

import json

import pytest

from tests.conftest import waymark

pytestmark = pytest.mark.slow


def test_replay_on_the_embedded_model(tmp_path, env):
    env = {k: v for k, v in env.items() if k not in ("OPENAI_BASE_URL", "OPENAI_API_KEY")}
    script = tmp_path / "two.yaml"
    script.write_text("- My manager wants me to get a PMP certification by June.\n- I guess it would help me lead projects.\n")
    done = waymark("replay", str(script), "--json", env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    turns = [json.loads(line) for line in done.stdout.strip().splitlines()][:-1]
    assert len(turns) == 2
    for t in turns:
        assert t["assistant"].strip().endswith("?")
        assert t["imposition"]["flagged"] is False
        assert t["llm_calls"] >= 1
    assert turns[0]["phase"] == "examine"
