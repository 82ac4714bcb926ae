"""Exports of a person's goal record: Markdown to read, ICS for calendars (one event per upcoming check-in)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from icalendar import Calendar, Event

LABELS = {"specific": "Specific", "measurable": "Measurable", "achievable": "Achievable", "relevant": "Relevant",
          "time_bound": "Time-bound", "yours": "Yours"}


def to_markdown(owner: str, goals: list[dict]) -> str:
    lines = [f"# Goals of {owner}", ""]
    if not goals:
        lines.append("No goals recorded yet.")
    for g in goals:
        lines += [f"## {g['statement']}", "", f"- Kind: {g['kind']} · Status: {g['status']} · Next check-in: {g['next_check_in']}"]
        lines += [f"- {LABELS[k]}: {v}" for k, v in g["smarty"].items() if v]
        if g["actions"]:
            lines += ["", "### First actions"] + [f"- [{'x' if a['done'] else ' '}] {a['text']} (by {a['due']})" for a in g["actions"]]
        if g["check_ins"]:
            lines += ["", "### Check-ins"] + [f"- {c['on']}: {c['progress']}% — helped: {c['helped'] or '—'}; "
                                              f"in the way: {c['obstacles'] or '—'}; next: {c['next_steps'] or '—'}"
                                              for c in g["check_ins"]]
        if g["milestones"]:
            lines += ["", "### Milestones"] + [f"- {m['reached']}: {m['text']}" for m in g["milestones"]]
        lines += ["", "### Revisions"] + [f"- {r['at'][:10]}: {r['why']}" for r in g["revisions"]] + [""]
    return "\n".join(lines) + "\n"


def to_ics(owner: str, goals: list[dict], today: date | None = None) -> bytes:
    today = today or date.today()
    cal = Calendar()
    cal.add("prodid", "-//Waymark//goal check-ins//EN")
    cal.add("version", "2.0")
    for g in goals:
        if g["status"] != "active" or not g["next_check_in"]:
            continue
        when = date.fromisoformat(g["next_check_in"])
        if when < today:
            continue
        ev = Event()
        ev.add("uid", f"waymark-goal-{g['id']}-checkin-{when.isoformat()}@waymark.local")
        ev.add("dtstamp", datetime.now(timezone.utc))
        ev.add("dtstart", when)
        ev.add("summary", f"Waymark check-in: {g['statement'][:80]}")
        ev.add("description", f"How is it going with your goal, in your words: {g['statement']}")
        cal.add_component(ev)
    return cal.to_ical()
