"""The goal record over time: revisions, atomic check-ins, exports, isolation, and storage faults."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from assistant.goals import GoalStore, GoalStoreError, NotYours
from assistant.goals.export import to_ics
from tests.conftest import waymark

SMARTY = {"specific": "lead a project", "measurable": "it ships", "achievable": "I run parts now",
          "relevant": "I like building", "time_bound": "by June", "yours": "confirmed"}


@pytest.fixture
def store(tmp_path) -> GoalStore:
    return GoalStore(f"sqlite:///{tmp_path / 'goals.sqlite'}")


def test_edits_make_revisions_and_nothing_is_lost(store):
    g = store.create_goal("ana", "lead a project", kind="career", smarty=SMARTY, actions=[("ask Sam", date(2027, 1, 5))])
    store.revise("ana", g["id"], why="narrowed", statement="lead the spring project")
    g2 = store.revise("ana", g["id"], why="date moved", smarty={"time_bound": "by July"})
    assert [r["why"] for r in g2["revisions"]] == ["drafted together and confirmed", "narrowed", "date moved"]
    assert g2["revisions"][1]["before"]["statement"] == "lead a project"
    assert g2["smarty"]["time_bound"] == "by July" and g2["smarty"]["specific"] == "lead a project"


def test_two_tabs_editing_the_same_goal_last_write_wins_with_both_revisions(tmp_path):
    url = f"sqlite:///{tmp_path / 'g.sqlite'}"
    tab1, tab2 = GoalStore(url), GoalStore(url)
    g = tab1.create_goal("ana", "write more", kind="developmental", smarty=SMARTY)
    tab1.revise("ana", g["id"], why="tab one", statement="write weekly")
    tab2.revise("ana", g["id"], why="tab two", statement="write monthly")
    final = tab1.get_goal("ana", g["id"])
    assert final["statement"] == "write monthly"
    assert [r["after"]["statement"] for r in final["revisions"][1:]] == ["write weekly", "write monthly"]


def test_a_check_in_is_saved_whole_or_not_at_all(store, tmp_path):
    g = store.create_goal("ana", "run 10k", kind="developmental", smarty=SMARTY)
    with sqlite3.connect(tmp_path / "goals.sqlite") as db:  # a fault inside the transaction, at the database
        db.execute("CREATE TRIGGER fail AFTER INSERT ON goal_revisions WHEN NEW.why LIKE 'check-in%' "
                   "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    with pytest.raises(GoalStoreError):
        store.record_check_in("ana", g["id"], progress=40, helped="a friend", milestone="first 5k")
    after = store.get_goal("ana", g["id"])
    assert after["check_ins"] == [] and after["milestones"] == [] and after["next_check_in"] == g["next_check_in"]


def test_one_person_can_never_reach_anothers_goal(store):
    g = store.create_goal("ana", "secret goal", kind="emotional", smarty=SMARTY)
    for call in (lambda: store.get_goal("bo", g["id"]), lambda: store.revise("bo", g["id"], why="x", statement="y"),
                 lambda: store.delete_goal("bo", g["id"]), lambda: store.record_check_in("bo", g["id"], progress=1),
                 lambda: store.share("bo", g["id"], "mentor")):
        with pytest.raises(NotYours):
            call()
    assert store.list_goals("bo") == [] and store.get_goal("ana", g["id"])["statement"] == "secret goal"


def test_mentors_see_only_shared_goals(store):
    a = store.create_goal("ana", "shared goal", kind="career", smarty=SMARTY)
    store.create_goal("ana", "private goal", kind="career", smarty=SMARTY)
    store.share("ana", a["id"], "maria")
    assert [g["statement"] for g in store.shared_with("maria", "ana")] == ["shared goal"]
    assert store.shared_with("zoe", "ana") == []


def test_ics_export_has_one_event_per_upcoming_check_in(store):
    store.create_goal("ana", "goal one", kind="career", smarty=SMARTY, next_check_in=date.today() + timedelta(days=30))
    store.create_goal("ana", "goal two", kind="career", smarty=SMARTY, next_check_in=date.today() + timedelta(days=60))
    cal = Calendar.from_ical(to_ics("ana", store.list_goals("ana")))
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == 2 and all("Waymark check-in" in str(e["summary"]) for e in events)


def test_a_read_only_database_gives_a_clear_error_and_is_untouched(store, tmp_path):
    g = store.create_goal("ana", "keep me", kind="career", smarty=SMARTY)
    path = tmp_path / "goals.sqlite"
    before = path.read_bytes()
    ro = GoalStore(f"sqlite:///file:{path}?mode=ro&uri=true")  # tests run as root, so chmod would not stop writes
    with pytest.raises(GoalStoreError, match="read-only"):
        ro.revise("ana", g["id"], why="x", statement="changed")
    assert path.read_bytes() == before


def test_a_corrupt_database_gives_a_clear_error_and_is_untouched(tmp_path):
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(GoalStoreError, match="damaged"):
        GoalStore(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_goals_cli_list_json_and_isolation(tmp_path, env):
    store = GoalStore(f"sqlite:///{tmp_path / 'data' / 'waymark.sqlite'}")
    g = store.create_goal("ana", "lead a project", kind="career", smarty=SMARTY, actions=[("ask Sam", date(2027, 1, 5))])
    out = json.loads(waymark("goals", "list", "--user", "ana", "--json", env=env).stdout)
    assert set(out[0]) >= {"statement", "kind", "smarty", "revisions", "actions", "check_ins", "next_check_in"}
    assert set(out[0]["smarty"]) == {"specific", "measurable", "achievable", "relevant", "time_bound", "yours"}
    date.fromisoformat(out[0]["next_check_in"])
    denied = waymark("goals", "show", str(g["id"]), "--user", "bo", env=env)
    assert denied.returncode == 2 and "lead a project" not in denied.stdout
    ics = tmp_path / "c.ics"
    assert waymark("goals", "export", "--user", "ana", "--format", "ics", "--out", str(ics), env=env).returncode == 0
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    refused = waymark("goals", "delete", str(g["id"]), "--user", "ana", env=env)
    assert refused.returncode == 2 and store.list_goals("ana")
    assert waymark("goals", "delete", str(g["id"]), "--user", "ana", "--yes", env=env).returncode == 0
    assert store.list_goals("ana") == [] and list((tmp_path / "data").glob("deleted-goal-ana-*.md"))


def test_a_locked_database_gives_a_clear_error_and_nothing_half_written(store, tmp_path):
    g = store.create_goal("ana", "keep me whole", kind="career", smarty=SMARTY)
    holder = sqlite3.connect(tmp_path / "goals.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process holds the write lock past the busy timeout
    try:
        with pytest.raises(GoalStoreError, match="busy"):
            store.record_check_in("ana", g["id"], progress=50, helped="x", milestone="m")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    after = store.get_goal("ana", g["id"])
    assert after["check_ins"] == [] and after["milestones"] == [] and len(after["revisions"]) == 1
