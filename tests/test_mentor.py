"""The mentor's side: a prep conversation of its own, every mentee at a glance, nothing unshared ever shown, and
nothing a mentor says learned as a fact about the mentee."""

from __future__ import annotations

import json
from datetime import date, timedelta

from assistant.goals import GoalStore
from assistant.guard import check_reply
from assistant.prep.mentees import overview
from tests.conftest import waymark


def seed(tmp_path) -> GoalStore:
    store = GoalStore(f"sqlite:///{tmp_path / 'data' / 'waymark.sqlite'}")
    ana = store.create_goal("ana", "lead one real project by June", kind="career", smarty={})
    store.share("ana", ana["id"], "maria")
    store.create_goal("ana", "leave my job next year", kind="career", smarty={})  # not shared with anyone
    bo = store.create_goal("bo", "speak at one meetup this spring", kind="developmental", smarty={})
    store.share("bo", bo["id"], "maria")
    store.revise("bo", bo["id"], why="test: overdue", next_check_in=date.today() - timedelta(days=9))
    cy = store.create_goal("cy", "finish the data course", kind="developmental", smarty={})
    store.share("cy", cy["id"], "zoe")  # another mentor's mentee
    for progress in (20, 20, 20):
        store.record_check_in("ana", ana["id"], progress=progress)
    return store


def test_my_mentees_puts_who_needs_attention_first_and_shows_only_what_was_shared(tmp_path):
    store = seed(tmp_path)
    rows = overview(store, "maria")
    assert [r["mentee"] for r in rows] == ["bo", "ana"]  # bo's check-in is overdue
    assert rows[0]["overdue"] == 1 and "overdue" in rows[0]["attention"][0]
    assert rows[1]["stalled"] == 1  # three check-ins at 20%
    shown = json.dumps(rows)
    assert "leave my job" not in shown and "finish the data course" not in shown


def test_mentees_command(tmp_path, env):
    seed(tmp_path)
    done = waymark("mentees", "--mentor", "maria", "--json", env=env)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["mentee"] for r in rows] == ["bo", "ana"] and "leave my job" not in done.stdout


def test_a_prep_conversation_answers_the_mentor_with_cited_options_and_open_questions(tmp_path, env):
    store = seed(tmp_path)
    script = tmp_path / "maria.txt"
    script.write_text("How do I raise that her goal sounds like her manager's and not her own?\n"
                      "We agreed: Ana will ask her manager which part of the project she can own, by Friday.\n"
                      "That is all very helpful, thank you kindly.\n")
    done = waymark("replay", "--as", "mentor", "--mentee", "ana", "--user", "maria", "--json", str(script), env=env)
    assert done.returncode == 0, done.stderr
    first, second, third = [json.loads(line) for line in done.stdout.strip().splitlines()]
    assert first["sources"] and all(f"`{s}`" in first["assistant"] for s in first["sources"])
    # each approach is shown as whole sentences of guidance, not a note's example lines or a line cut mid-sentence
    approaches = [line for line in first["assistant"].splitlines() if line.startswith("- **")]
    assert approaches and all(line.rstrip().endswith((".", "?", "!", "”", '"')) for line in approaches), approaches
    assert not any("What you might hear" in line for line in approaches)
    for line in approaches:  # the heading is shown once, in bold, not again as the gist's first words
        heading = line.split("**")[1].split(" — ")[-1]
        assert not line.split("]: ", 1)[1].startswith(heading), line
    # thanks with nothing asked closes the turn instead of listing more approaches
    assert not third["sources"] and "- **" not in third["assistant"] and "ana" in third["assistant"]
    assert {"examine-ready-made-goal", "smarty-yours"} & set(first["sources"])
    assert first["questions"] and all(q.endswith("?") and not check_reply(q).flagged for q in first["questions"])
    assert "leave my job" not in first["assistant"]
    assert second["recorded"]["follow_ups"].startswith("Ana will ask her manager")
    assert store.mentor_notes("maria", "ana")[-1]["follow_ups"].startswith("Ana will ask her manager")
    from assistant.memory.profile import Memory

    assert Memory(store).profile("ana") == [] and Memory(store).profile("maria") == []


def test_a_mentor_without_a_share_is_refused(tmp_path, env):
    seed(tmp_path)
    script = tmp_path / "zoe.txt"
    script.write_text("How do I start?\n")
    done = waymark("replay", "--as", "mentor", "--mentee", "ana", "--user", "zoe", str(script), env=env)
    assert done.returncode == 2 and "has not shared" in done.stderr and "lead one real project" not in done.stdout
