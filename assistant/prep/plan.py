"""A session plan for a mentor: grounded in what the mentee chose to share, with questions, not answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from assistant.goals import GoalStore
from assistant.guard import check_reply
from assistant.knowledge.library import Library
from assistant.knowledge.retriever import Retriever

STAGE_FOCUS = {
    "early": ("skills and defining goals", "stage-early"),
    "mid": ("reassessing objectives and widening networks", "stage-mid"),
    "late": ("legacy, passing on, and what comes next", "stage-late"),
}
REMINDER = ("Arrive with questions, not answers: no goal, solution or advice before you understand how your mentee "
            "sees it; offer advice only when asked or with permission, and as options.")


class NotShared(PermissionError):
    """The mentee has shared nothing with this mentor."""


@dataclass
class Plan:
    mentee: str
    mentor: str
    stage: str
    stage_focus: str
    goals_reviewed: list[dict]
    agenda: list[dict]
    questions: list[str]
    support: dict
    celebrate: list[str]
    reminder: str
    sources: list[str] = field(default_factory=list)
    last_time: dict = field(default_factory=dict)  # the mentor's latest note and agreed follow-ups, if any

    def contract(self) -> dict:
        keys = ("mentee", "stage", "goals_reviewed", "agenda", "questions", "support", "celebrate", "sources", "last_time")
        return {k: v for k, v in asdict(self).items() if k in keys}


def _vetted(questions: list[str]) -> list[str]:
    """Every question passes the same non-imposition guard as chat replies, and is a question."""
    return [q for q in dict.fromkeys(questions) if q.rstrip().endswith("?") and not check_reply(q).flagged]


def build_plan(store: GoalStore, library: Library, retriever: Retriever, *, mentor: str, mentee: str,
               stage: str | None = None) -> Plan:
    goals = store.shared_with(mentor, mentee)
    notes = store.mentor_notes(mentor, mentee)
    if not goals and not notes:
        raise NotShared(f"{mentee} has not shared any goals with {mentor}.")
    stage = stage or next((n["stage"] for n in reversed(notes) if n["stage"]), None) or "unknown"
    focus, stage_note = STAGE_FOCUS.get(stage, ("ask where they see themselves in their working life", "career-stage-overview"))
    reviewed = []
    celebrate, obstacles = [], []
    for g in goals:
        last = g["check_ins"][-1] if g["check_ins"] else None
        reviewed.append({"id": g["id"], "statement": g["statement"], "kind": g["kind"], "status": g["status"],
                         "progress": last["progress"] if last else None, "next_check_in": g["next_check_in"],
                         "last_obstacles": last["obstacles"] if last else ""})
        celebrate += [f"{m['text']} ({m['reached']})" for m in g["milestones"]]
        if last and last["obstacles"]:
            obstacles.append(last["obstacles"])

    def q(set_name: str, key: str | None = None) -> str | None:
        found = library.question(set_name, key)
        return found.text if found else None

    agenda = [{"item": "Open: what the mentee wants from today", "minutes": 5, "why": "their priorities lead the session"}]
    questions = [q("prep", "open")]
    if goals:
        agenda.append({"item": "Review progress on the shared goals", "minutes": 15,
                       "why": "notice what moved and mark it before looking at gaps"})
        questions += [q("prep", "progress"), q("checkin", "helped")]
    if celebrate:
        agenda.append({"item": "Celebrate milestones", "minutes": 5, "why": "specific recognition builds confidence"})
        questions.append(q("celebrate", "took"))
    if obstacles or goals:
        agenda.append({"item": "Explore what got in the way", "minutes": 10, "why": "curiosity, not blame, finds the cause"})
        questions += [q("stall", "in_the_way"), q("stall", "smaller")]
    agenda.append({"item": "Re-examine: is each goal still theirs?", "minutes": 10, "why": "goals evolve; ownership is rechecked"})
    questions.append(q("checkin", "still_yours"))
    agenda.append({"item": f"Career-stage focus: {focus}", "minutes": 10, "why": "stage shapes the focus, never the goal"})
    questions += [library.notes[stage_note].questions[0].text if library.notes[stage_note].questions else None]
    agenda.append({"item": "Close: next steps in their words, and a check-in date they choose", "minutes": 5,
                   "why": "the mentee owns the plan and the date"})
    questions.append(q("prep", "next"))
    agenda = agenda[:6]

    topic = " ".join(g["statement"] for g in goals) + " " + " ".join(obstacles)
    found = retriever.search(f"mentor session support {topic}", phase="support", k=3)
    instrumental = library.options("instrumental-support")[:3]
    psychosocial = library.options("psychosocial-support")[:2]
    sources = list(dict.fromkeys(["session-structure", "checkin-review", "troubleshooting-stalls", stage_note,
                                  "instrumental-support", "psychosocial-support", "mentor-must-not"]
                                 + [n["id"] for n in found.notes]))
    follow_ups = [n["follow_ups"] for n in notes if n["follow_ups"]]
    said = [n["notes"] for n in notes if n["notes"]]
    last_time = {"follow_ups": follow_ups[-1], "note": said[-1] if said else ""} if follow_ups else \
        ({"follow_ups": "", "note": said[-1]} if said else {})
    return Plan(mentee=mentee, mentor=mentor, stage=stage, stage_focus=focus, goals_reviewed=reviewed, agenda=agenda,
                questions=_vetted([x for x in questions if x]),
                support={"instrumental": instrumental, "psychosocial": psychosocial},
                celebrate=celebrate, reminder=REMINDER, sources=sources, last_time=last_time)


def to_markdown(plan: Plan) -> str:
    lines = [f"# Session plan: {plan.mentee}", "", f"Prepared for {plan.mentor}. Career stage: {plan.stage} "
             f"(focus: {plan.stage_focus}).", ""]
    if plan.last_time.get("follow_ups"):
        lines += [f"Last time you agreed to: {plan.last_time['follow_ups']}", ""]
    if plan.last_time.get("note"):
        lines += [f"Your note from last time: {plan.last_time['note']}", ""]
    lines += ["## Where they stand", ""]
    for g in plan.goals_reviewed:
        progress = f"{g['progress']}%" if g["progress"] is not None else "no check-in yet"
        lines.append(f"- “{g['statement']}” ({g['kind']}, {g['status']}): {progress}; next check-in {g['next_check_in']}"
                     + (f"; last obstacles: {g['last_obstacles']}" if g["last_obstacles"] else ""))
    lines += ["", "## Agenda", ""] + [f"{i}. {a['item']} — {a['minutes']} min ({a['why']})" for i, a in enumerate(plan.agenda, 1)]
    lines += ["", "## Open questions", ""] + [f"- {q}" for q in plan.questions]
    lines += ["", "## Support you could offer, if they want it", "", "Instrumental:"]
    lines += [f"- {s}" for s in plan.support["instrumental"]] + ["", "Psychosocial:"]
    lines += [f"- {s}" for s in plan.support["psychosocial"]]
    lines += ["", "## To celebrate", ""] + ([f"- {c}" for c in plan.celebrate] or ["- Nothing recorded yet; ask what went well."])
    lines += ["", "## Remember", "", plan.reminder, "", f"Sources: {', '.join(plan.sources)}"]
    return "\n".join(lines) + "\n"


def to_html(plan: Plan) -> str:
    import html

    body = []
    for line in to_markdown(plan).splitlines():
        e = html.escape(line)
        if line.startswith("# "):
            body.append(f"<h1>{e[2:]}</h1>")
        elif line.startswith("## "):
            body.append(f"<h2>{e[3:]}</h2>")
        elif line.startswith("- "):
            body.append(f"<li>{e[2:]}</li>")
        elif line[:2].rstrip(".").isdigit():
            body.append(f"<li class='agenda'>{e}</li>")
        elif line.strip():
            body.append(f"<p>{e}</p>")
    style = "body{font-family:Georgia,serif;max-width:760px;margin:2em auto}li{margin:.3em 0}@media print{body{margin:1cm}}"
    return f"<!doctype html><html><head><meta charset='utf-8'><title>Session plan</title><style>{style}</style></head><body>{''.join(body)}</body></html>"
