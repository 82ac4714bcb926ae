"""Every mentee at a glance, for one mentor: who needs attention first (an overdue check-in, a stalled goal), what
changed since the last session, and what to celebrate. Built only from goals the mentee chose to share."""

from __future__ import annotations

from datetime import date, datetime

from assistant.goals import GoalStore

STALLED_AFTER = 2  # check-ins in a row without progress


def _stalled(goal: dict) -> bool:
    progress = [c["progress"] for c in goal["check_ins"]][-(STALLED_AFTER + 1):]
    return len(progress) > STALLED_AFTER and all(p <= progress[0] for p in progress[1:])


def mentee_summary(store: GoalStore, mentor: str, mentee: str, today: date) -> dict:
    goals = store.shared_with(mentor, mentee)
    notes = store.mentor_notes(mentor, mentee)
    last_session = datetime.fromisoformat(notes[-1]["at"]).date() if notes else None
    rows, overdue, stalled, revised, celebrate, check_ins = [], 0, 0, 0, [], []
    for g in goals:
        due = date.fromisoformat(g["next_check_in"]) if g["next_check_in"] else None
        late = g["status"] == "active" and due is not None and due < today
        stuck = g["status"] == "active" and _stalled(g)
        changes = [r for r in g["revisions"] if last_session is None or datetime.fromisoformat(r["at"]).date() > last_session]
        wins = [m["text"] for m in g["milestones"]
                if last_session is None or (m["reached"] and date.fromisoformat(m["reached"]) > last_session)]
        overdue += late
        stalled += stuck
        revised += len(changes)
        celebrate += wins
        check_ins += [c["on"] for c in g["check_ins"]]
        rows.append({"id": g["id"], "statement": g["statement"], "status": g["status"], "kind": g["kind"],
                     "progress": [c["progress"] for c in g["check_ins"]], "next_check_in": g["next_check_in"],
                     "overdue_days": (today - due).days if late else 0, "stalled": stuck,
                     "revisions_since_last_session": len(changes), "to_celebrate": wins})
    next_dates = [r["next_check_in"] for r in rows if r["next_check_in"] and r["status"] == "active"]
    return {"mentee": mentee, "goals": rows, "last_check_in": max(check_ins) if check_ins else None,
            "next_check_in": min(next_dates) if next_dates else None, "overdue": overdue, "stalled": stalled,
            "revisions_since_last_session": revised, "to_celebrate": celebrate,
            "last_session": last_session.isoformat() if last_session else None,
            "attention": _attention(overdue, stalled, rows)}


def _attention(overdue: int, stalled: int, rows: list[dict]) -> list[str]:
    out = []
    if overdue:
        out.append(f"check-in overdue ({max(r['overdue_days'] for r in rows)} days)")
    if stalled:
        out.append("a goal has not moved over two check-ins")
    if any(r["revisions_since_last_session"] for r in rows):
        out.append("goals revised since your last session")
    if any(r["to_celebrate"] for r in rows):
        out.append("milestones to celebrate")
    return out


def overview(store: GoalStore, mentor: str, today: date | None = None) -> list[dict]:
    """One summary per mentee who shares goals with this mentor, who needs attention first."""
    today = today or date.today()
    rows = [mentee_summary(store, mentor, m, today) for m in store.mentees_of(mentor)]
    return sorted(rows, key=lambda r: (-r["overdue"], -r["stalled"], -r["revisions_since_last_session"],
                                       -len(r["to_celebrate"]), r["next_check_in"] or "9999", r["mentee"]))


def to_markdown(rows: list[dict], mentor: str) -> str:
    if not rows:
        return f"Nobody shares goals with {mentor} yet. Mentees choose what to share, goal by goal.\n"
    lines = [f"# My mentees ({mentor})", "", "Who needs attention first; only goals each mentee chose to share.", ""]
    for r in rows:
        flags = "; ".join(r["attention"]) or "on track"
        lines.append(f"## {r['mentee']} — {flags}")
        lines.append(f"Last check-in {r['last_check_in'] or 'none yet'}; next {r['next_check_in'] or 'not set'}.")
        for g in r["goals"]:
            progress = f"{g['progress'][-1]}%" if g["progress"] else "no check-in yet"
            lines.append(f"- “{g['statement']}” ({g['status']}): {progress}"
                         + (f", **overdue {g['overdue_days']} days**" if g["overdue_days"] else "")
                         + (", **stalled**" if g["stalled"] else ""))
        if r["to_celebrate"]:
            lines.append("To celebrate: " + "; ".join(r["to_celebrate"]))
        lines.append("")
    return "\n".join(lines)
