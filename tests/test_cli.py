"""The `waymark` command as scripts and evals use it, run as a real subprocess against the fake model."""

from __future__ import annotations

import json

import pytest

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
        assert t["llm_calls"] == 0 and t["latency_ms"] > 0  # the embedded default's reader and writer are local
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


def test_options_may_come_before_or_after_positional_arguments(tmp_path, env):
    from assistant.goals import GoalStore
    from assistant.memory.profile import Memory

    store = GoalStore(f"sqlite:///{tmp_path / 'data' / 'waymark.sqlite'}")
    goal = store.create_goal("ana", "write weekly", kind="developmental", smarty={})
    memory = Memory(store)
    memory.learn("ana", "why", "because writing calms me", source_words="because writing calms me", thread_id=None)
    [fact] = memory.profile("ana")
    for args in (("goals", "show", str(goal["id"]), "--user", "ana"), ("goals", "show", "--user", "ana", str(goal["id"])),
                 ("goals", "--user", "ana", "show", str(goal["id"]))):
        done = waymark(*args, env=env)
        assert done.returncode == 0 and "write weekly" in done.stdout, (args, done.stderr)
    for args in (("users", "add", "maria", "--role", "mentor", "--password", "pw-123456"),
                 ("users", "add", "--role", "mentor", "--password", "pw-123456", "mario")):
        assert waymark(*args, env=env).returncode == 0, args
    listed = waymark("users", "list", env=env).stdout
    assert "maria\tmentor" in listed and "mario\tmentor" in listed
    done = waymark("memory", "forget", "--user", "ana", str(fact["id"]), env=env)
    assert done.returncode == 0 and "forgot 1 item" in done.stdout, done.stderr
    assert memory.profile("ana") == []


def test_forgetting_never_starts_the_model(tmp_path, env):
    """`memory forget --about` rewrites checkpoints only: with no model reachable at all, it still works."""
    done = waymark("memory", "forget", "--user", "ana", "--about", "my manager",
                   env={**env, "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    assert done.returncode == 0 and "forgot 0 item" in done.stdout, done.stderr


def test_search_and_review_never_start_the_chat_model(tmp_path, env):
    """With no model reachable at all, the commands that need none still answer, and say what they are loading."""
    down = {**env, "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}
    found = waymark("search", "my boss chose this goal for me", "--json", env=down)
    assert found.returncode == 0 and json.loads(found.stdout)["results"], found.stderr
    transcript = tmp_path / "t.txt"
    transcript.write_text("Coach: What would you like to talk about?\nClient: My promotion.\nCoach: What would it give you?\n")
    reviewed = waymark("review", str(transcript), env=down)
    assert reviewed.returncode == 0 and "Transcript review" in reviewed.stdout, reviewed.stderr
    assert "Loading" in reviewed.stderr  # a progress line before the models load


def test_a_replay_script_keeps_every_turn_as_typed(tmp_path):
    from assistant.replay import ScriptError, load_turns

    script = tmp_path / "s.yaml"
    script.write_text("- hello\n- yes\n- 3\n- no\n- {user: 'on'}\n")
    assert load_turns(script) == ["hello", "yes", "3", "no", "on"]  # YAML would read yes/no/on as booleans
    script.write_text("- hello\n- [a, b]\n")
    with pytest.raises(ScriptError, match="turn 2 is not text"):
        load_turns(script)
