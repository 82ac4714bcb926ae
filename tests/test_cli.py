"""The `waymark` command as scripts and evals use it, run as a real subprocess against the fake model."""

from __future__ import annotations

import json

from tests.conftest import waymark

CONTRACT = {"turn", "user", "assistant", "phase", "imposition", "retrieved", "llm_calls", "latency_ms"}


def test_replay_json_follows_the_contract(tmp_path, env, fake):
    fake.chat_fn = lambda body: "It sounds like this matters to you."
    script = tmp_path / "mentee.yaml"
    script.write_text("turns:\n  - My manager wants me to get a PMP certification by June.\n  - It would give me credibility.\n")
    done = waymark("replay", str(script), "--json", "--user", "sam", env=env)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.strip().splitlines()]
    turns, final = lines[:-1], lines[-1]
    assert len(turns) == 2 and set(final) == {"goals"}
    for i, t in enumerate(turns, start=1):
        assert CONTRACT <= set(t) and t["turn"] == i
        assert set(t["imposition"]) >= {"flagged", "score", "reasons"} and t["imposition"]["flagged"] is False
        assert t["llm_calls"] >= 1 and t["latency_ms"] > 0
    assert turns[0]["phase"] == "examine"
    assert any("examine" in r for r in turns[0]["retrieved"])


def test_replay_reads_one_turn_per_line(tmp_path, env, fake):
    script = tmp_path / "mentee.txt"
    script.write_text("I don't know what I want.\n\nI like teaching.\n")
    done = waymark("replay", str(script), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("mentee:") == 2


def test_replay_names_the_line_of_a_malformed_script(tmp_path, env):
    script = tmp_path / "bad.yaml"
    script.write_text("turns:\n  - fine\n  - [unclosed\n")
    done = waymark("replay", str(script), env=env)
    assert done.returncode == 2
    assert "not valid YAML" in done.stderr and "line" in done.stderr


def test_replay_with_the_endpoint_down_says_which_setting_to_fix(tmp_path, env):
    script = tmp_path / "m.txt"
    script.write_text("hello\n")
    done = waymark("replay", str(script), env={**env, "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    assert done.returncode == 2
    assert "OPENAI_BASE_URL" in done.stderr and "Traceback" not in done.stderr
