"""Premature goal: a goal drafted before the person stated one of their own, and before two exploration horizons
were touched, without the person insisting. Drafting a goal the person stated as theirs is uptake, not
imposition (DESIGN.md: a person with a concrete goal of their own sees a draft within two turns)."""

from __future__ import annotations

import re

from assistant.reading.cues import HORIZON_CUES, SKIP_AHEAD
from assistant.reading.spans import goal_mentions
from evals.transcript import Run

DRAFTING = re.compile(r"(here'?s|here is) (a|the|your) (draft|goal|smart)|\bs\.?m\.?a\.?r\.?t\.?y? goal\b|\*\*goal:?\*\*|^\s*goal:|"
                      r"specific:.*\n.*measurable:|your goal (could|would|should|is|will) be", re.I | re.M)
DRAFT_MOVES = {"present_draft"}
# A horizon also counts as explored when the reply asked about it and the person answered.
ASKED = {
    "identity": re.compile(r"\b(who are you|who you are|become|get in the way|most like yourself)\b", re.I),
    "values": re.compile(r"\b(care about|matters?|proud|difference|important to you)\b", re.I),
    "support": re.compile(r"\b(support\w*|in your corner|resources|help)\b", re.I),
    "contribution": re.compile(r"\b(contribute|achieve|look(ing)? back|status quo|wrong with)\b", re.I),
}


def drafted_at(run: Run) -> int | None:
    """The first turn (1-based) whose reply drafts a goal."""
    for i, t in enumerate(run.turns, start=1):
        if t.meta.get("move") in DRAFT_MOVES or DRAFTING.search(t.assistant):
            return i
    return None


def premature_goal(run: Run) -> bool:
    at = drafted_at(run)
    if at is None:
        return False
    said = [t.user for t in run.turns[:at]]
    if any(SKIP_AHEAD.search(u) for u in said):
        return False
    goal_marks = [m["turn"] for m in run.scenario.get("statements") or [] if m["kind"] == "goal"]
    if goal_marks and min(goal_marks) <= at:  # the scenario marks where the person stated a goal of their own
        return False
    if any(whose == "theirs" for u in said for _, whose, _ in goal_mentions(u)):
        return False
    touched = {h for u in said for h, rx in HORIZON_CUES.items() if rx.search(u)}
    questions = [q for t in run.turns[:at - 1] for q in t.assistant.split("\n") if q.rstrip().endswith("?")]
    touched |= {h for q in questions for h, rx in ASKED.items() if rx.search(q)}
    return len(touched) < 2
