"""What Waymark remembers: visible, correctable, forgettable for good, exportable, deletable; private by default."""

from __future__ import annotations

import json

from assistant.coach import open_coach
from tests.conftest import waymark


def facts_model(fake):
    """A model whose understanding step reports what the message says about obstacles and supports."""
    def answer(body, schema):
        text = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")
        out = {"obstacles": [], "supports": []}
        if "micromanages" in text:
            out["obstacles"] = ["my manager micromanages me"]
        if "sister" in text:
            out["supports"] = ["my sister listens"]
        return out
    fake.structured_fn = answer
    fake.chat_fn = lambda body: "It sounds like that matters to you."


async def test_forget_really_forgets(settings, fake):
    facts_model(fake)
    async with open_coach(settings) as coach:
        await coach.turn("a1", "ana", "My manager micromanages me and it drains me.")
        await coach.turn("a1", "ana", "My sister listens when things are hard.")
        assert {f["text"] for f in coach.deps.memory.profile("ana")} == {"my manager micromanages me", "my sister listens"}
        reply = await coach.turn("a1", "ana", "Please forget what I said about my manager.")
        assert reply.move["kind"] == "forget" and "forgotten" in reply.assistant
        assert {f["text"] for f in coach.deps.memory.profile("ana")} == {"my sister listens"}
        history = " ".join(m["content"] for m in (await coach.state("a1"))["history"])
        assert "micromanages" not in history and "[forgotten at your request]" in history
        fake.requests.clear()
        await coach.turn("a1", "ana", "Anyway, my manager micromanages me again today.")  # said again: still not learned
        await coach.turn("a2", "ana", "Hello again.")
        assert "my manager micromanages me" not in {f["text"] for f in coach.deps.memory.profile("ana")}
        later = [m["content"] for r in fake.requests[2:] for m in r["messages"]]
        assert not any("micromanages" in c for c in later)


async def test_a_returning_person_is_greeted_with_what_they_shared(settings, fake):
    facts_model(fake)
    async with open_coach(settings) as coach:
        await coach.turn("b1", "bo", "My sister listens when I need it.")
        first = await coach.turn("b2", "bo", "I'm back to think about my career.")
        assert "Welcome back" in first.assistant and "my sister listens" in first.assistant
        assert any("my sister listens" in m["content"] for r in fake.requests for m in r["messages"] if m["role"] == "system")


async def test_paused_learning_learns_nothing(settings, fake):
    facts_model(fake)
    async with open_coach(settings) as coach:
        coach.deps.memory.set_learning("cy", False)
        await coach.turn("c1", "cy", "My sister listens.")
        assert coach.deps.memory.profile("cy") == []


async def test_one_person_cannot_continue_anothers_conversation(settings, fake):
    async with open_coach(settings) as coach:
        await coach.turn("private", "ana", "I want to change jobs.")
        try:
            await coach.turn("private", "bo", "What did she say?")
            raise AssertionError("bo reached ana's conversation")
        except PermissionError:
            pass


async def test_redaction_happens_before_the_request_leaves(settings, fake):
    settings.redact = "always"
    async with open_coach(settings) as coach:
        await coach.turn("r1", "ana", "I told Priya Sharma at priya@example.com, call me on +44 7700 900123.")
    sent = fake.sent_text()
    assert "priya@example.com" not in sent and "7700 900123" not in sent and "Priya" not in sent
    assert "[email]" in sent and "[phone]" in sent and "[name]" in sent


def test_export_round_trips_and_delete_removes_only_that_person(tmp_path, env, fake):
    facts_model(fake)
    for user, text in (("ana", "My sister listens and I want to lead a team."), ("bo", "My sister listens to me too.")):
        script = tmp_path / f"{user}.txt"
        script.write_text(text + "\n")
        assert waymark("replay", str(script), "--user", user, env=env).returncode == 0
    out = tmp_path / "ana-export"
    assert waymark("memory", "export", "--user", "ana", "--out", str(out), env=env).returncode == 0
    data = json.loads(out.with_suffix(".json").read_text())
    shown = json.loads(waymark("memory", "show", "--user", "ana", "--json", env=env).stdout)
    assert data["profile"] == shown["profile"] and data["profile"]
    [history] = data["conversations"].values()
    assert history[0]["content"] == "My sister listens and I want to lead a team."
    assert "Everything Waymark holds about ana" in out.with_suffix(".md").read_text()

    refused = waymark("memory", "delete", "--user", "ana", env=env)
    assert refused.returncode == 2
    done = waymark("memory", "delete", "--user", "ana", "--yes", env=env)
    assert done.returncode == 0, done.stderr
    gone = json.loads(waymark("memory", "show", "--user", "ana", "--json", env=env).stdout)
    assert gone["profile"] == []
    again = tmp_path / "ana-after"
    waymark("memory", "export", "--user", "ana", "--out", str(again), env=env)
    assert json.loads(again.with_suffix(".json").read_text())["conversations"] == {}
    bo = json.loads(waymark("memory", "show", "--user", "bo", "--json", env=env).stdout)
    assert bo["profile"]
    bo_out = tmp_path / "bo"
    waymark("memory", "export", "--user", "bo", "--out", str(bo_out), env=env)
    assert json.loads(bo_out.with_suffix(".json").read_text())["conversations"]
