"""Examination: when a ready-made goal appears, is it examined (why, why now, whose, how big, what it replaces)
within the next three replies?"""

from __future__ import annotations

import re

from assistant.reading.spans import goal_mentions
from assistant.text import sentences
from evals.transcript import Run

EXAMINING = re.compile(r"\b(why|give you|matters?|yours|your own|someone else|right (moment|time)|why now|make room|"
                       r"stop doing|replace|larger|bundled|part of|draws you|mean to you|want (it|this) for)\b", re.I)


def examined(run: Run) -> bool | None:
    """None when no ready-made goal appears; else whether one of the next three replies examines it."""
    first = next((i for i, t in enumerate(run.turns) if goal_mentions(t.user)), None)
    if first is None:
        return None
    for t in run.turns[first:first + 3]:
        if t.meta.get("move") == "examine":
            return True
        if any(s.endswith("?") and EXAMINING.search(s) for s in sentences(t.assistant)):
            return True
    return False
