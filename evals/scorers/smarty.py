"""SMARTY completeness of drafted goals, and ownership: how much of a goal's wording is the person's own."""

from __future__ import annotations

from assistant.text import content_words
from evals.transcript import Run

KEYS = ("specific", "measurable", "achievable", "relevant", "time_bound", "yours")


def smarty_complete(goal: dict) -> bool:
    return all(str(goal.get("smarty", {}).get(k, "")).strip() for k in KEYS)


def ownership(goal: dict, run: Run) -> float:
    said = set(content_words(" ".join(t.user for t in run.turns)))
    words = content_words(goal.get("statement", ""))
    return sum(w in said for w in words) / len(words) if words else 0.0


def smarty_scores(run: Run) -> dict:
    if not run.goals:
        return {"smarty_complete_rate": None, "ownership": None}
    return {"smarty_complete_rate": sum(map(smarty_complete, run.goals)) / len(run.goals),
            "ownership": sum(ownership(g, run) for g in run.goals) / len(run.goals)}
