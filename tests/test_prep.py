"""Session prep: a plan from what the mentee shared, questions that pass the guard, refusal for others."""

from __future__ import annotations

import json

from assistant.goals import GoalStore
from assistant.guard import check_reply
from tests.conftest import waymark
from tests.test_coaching import FULL


def test_prep_after_a_replayed_conversation(tmp_path, env, fake):
    fake.chat_fn = lambda body: "It sounds like this matters to you."
    script = tmp_path / "ana.yaml"
    script.write_text(json.dumps(FULL + ["accept", "Ask Ana for a coffee chat by Friday, volunteer for the next project next week",
                                         "That date is fine."]))
    assert waymark("replay", str(script), "--user", "ana", env=env).returncode == 0
    store = GoalStore(f"sqlite:///{tmp_path / 'data' / 'waymark.sqlite'}")
    [goal] = store.list_goals("ana")
    store.share("ana", goal["id"], "maria")

    done = waymark("prep", "--mentee", "ana", "--mentor", "maria", "--stage", "mid", "--json", "--out", str(tmp_path / "p.html"),
                   env=env)
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    assert set(plan) == {"mentee", "stage", "goals_reviewed", "agenda", "questions", "support", "celebrate", "sources",
                         "last_time"}
    assert [g["statement"] for g in plan["goals_reviewed"]] == [goal["statement"]]
    assert 3 <= len(plan["agenda"]) <= 6 and all({"item", "minutes", "why"} <= set(a) for a in plan["agenda"])
    assert len(plan["questions"]) >= 3
    for q in plan["questions"]:
        assert q.endswith("?") and not check_reply(q).flagged
    assert plan["support"]["instrumental"] and plan["support"]["psychosocial"]
    assert "stage-mid" in plan["sources"]
    assert "<h1>" in (tmp_path / "p.html").read_text()

    refused = waymark("prep", "--mentee", "ana", "--mentor", "zoe", env=env)
    assert refused.returncode == 2 and "has not shared" in refused.stderr and goal["statement"] not in refused.stdout


def test_mentor_notes_are_kept_and_the_check_in_is_only_proposed(tmp_path, env):
    store = GoalStore(f"sqlite:///{tmp_path / 'data' / 'waymark.sqlite'}")
    g = store.create_goal("ana", "write weekly", kind="developmental", smarty={})
    store.share("ana", g["id"], "maria")
    done = waymark("prep", "--mentee", "ana", "--mentor", "maria", "--note", "Talked about pacing", "--follow-ups",
                   "Ana drafts one post", "--stage", "early", env=env)
    assert done.returncode == 0
    [note] = store.mentor_notes("maria", "ana")
    assert note["follow_ups"] == "Ana drafts one post" and store.mentor_notes("zoe", "ana") == []
    assert store.get_goal("ana", g["id"])["next_check_in"] == g["next_check_in"]  # the mentee owns the date
    plan = json.loads(waymark("prep", "--mentee", "ana", "--mentor", "maria", "--json", env=env).stdout)
    assert plan["stage"] == "early" and plan["last_time"]["follow_ups"] == "Ana drafts one post"
    opening = waymark("prep", "--mentee", "ana", "--mentor", "maria", env=env).stdout
    assert "Last time you agreed to: Ana drafts one post" in opening
