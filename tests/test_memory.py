"""What Waymark remembers: visible, correctable, forgettable for good, exportable, deletable; private by default."""

from __future__ import annotations

import json

from assistant.coach import open_coach
from tests.conftest import waymark


async def test_forget_really_forgets(settings, fake):
    async with open_coach(settings) as coach:
        await coach.turn("a1", "ana", "I want to leave my job because my manager micromanages me.")
        await coach.turn("a1", "ana", "I'd love to write children's books, because my sister reads to her kids every night.")
        remembered = {f["text"] for f in coach.deps.memory.profile("ana")}
        assert "because my manager micromanages me" in remembered and "write children's books" in remembered
        reply = await coach.turn("a1", "ana", "Please forget what I said about my manager.")
        assert reply.move["kind"] == "forget" and "forgotten" in reply.assistant
        remembered = {f["text"] for f in coach.deps.memory.profile("ana")}
        assert not any("micromanages" in t for t in remembered) and "write children's books" in remembered
        history = " ".join(m["content"] for m in (await coach.state("a1"))["history"])
        assert "micromanages" not in history and "[forgotten at your request]" in history
        await coach.turn("a1", "ana", "Anyway, I want to leave because my manager micromanages me again.")  # not relearned
        await coach.turn("a2", "ana", "Hello again.")
        assert not any("micromanages" in f["text"] for f in coach.deps.memory.profile("ana"))


async def test_a_returning_person_is_greeted_with_what_they_shared(settings, fake):
    async with open_coach(settings) as coach:
        await coach.turn("b1", "bo", "I'd love to write children's books one day.")
        first = await coach.turn("b2", "bo", "I'm back to think about my career.")
        assert "Welcome back. Last time you were weighing up writing children's books" in first.assistant


async def test_paused_learning_learns_nothing(settings, fake):
    async with open_coach(settings) as coach:
        coach.deps.memory.set_learning("cy", False)
        await coach.turn("c1", "cy", "I want to run a marathon because my sister did.")
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
    settings = settings.model_copy(update={"redact": "always", "reader": "model", "writer": "model"})
    async with open_coach(settings) as coach:
        await coach.turn("r1", "ana", "I told Priya Sharma at priya@example.com, call me on +44 7700 900123.")
    sent = fake.sent_text()
    assert "priya@example.com" not in sent and "7700 900123" not in sent and "Priya" not in sent
    assert "[email]" in sent and "[phone]" in sent and "[name]" in sent


def test_export_round_trips_and_delete_removes_only_that_person(tmp_path, env, fake):
    for user, text in (("ana", "I want to lead a team because I love helping people grow."),
                       ("bo", "I'd like to teach again because I miss the classroom.")):
        script = tmp_path / f"{user}.txt"
        script.write_text(text + "\n")
        assert waymark("replay", str(script), "--user", user, env=env).returncode == 0
    out = tmp_path / "ana-export"
    assert waymark("memory", "export", "--user", "ana", "--out", str(out), env=env).returncode == 0
    data = json.loads(out.with_suffix(".json").read_text())
    shown = json.loads(waymark("memory", "show", "--user", "ana", "--json", env=env).stdout)
    assert data["profile"] == shown["profile"] and data["profile"]
    [history] = data["conversations"].values()
    assert history[0]["content"] == "I want to lead a team because I love helping people grow."
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
