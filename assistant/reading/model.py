"""A capable model's reading of a message, and how it joins the local one: the model reads intents and the goal's
parts; the local rules and recogniser stay as the rails (risk is never lowered, and a part the model names must
be the person's own words)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from pydantic import BaseModel, Field

from assistant.reading.reader import INTENTS, Reading

Intent = Literal[INTENTS]  # type: ignore[valid-type]


class ModelReading(BaseModel):
    intents: list[Intent] = Field(default_factory=list, description="every intent the message expresses")
    goal: str = Field(default="", description="a goal the person holds as their own, copied word for word, or ''")
    other_goal: str = Field(default="", description="a goal someone else holds for them, copied word for word, or ''")
    other_by: str = Field(default="", description="who that goal came from, in their words ('my manager'), or ''")
    measure: str = Field(default="", description="how they would know they got there, copied, or ''")
    timeframe: str = Field(default="", description="a date or period for the goal, copied, or ''")
    actions: list[str] = Field(default_factory=list, description="concrete steps they will take, copied")
    reason: str = Field(default="", description="why it matters to them, copied, or ''")
    feasibility: str = Field(default="", description="why it is within reach (or not), copied, or ''")
    risk: Literal["none", "possible", "high"] = "none"


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("’", "'")))


def grounded(span: str, text: str) -> bool:
    """The span is the person's own words: found, word for word, in what they wrote."""
    return bool(span.strip()) and _norm(span) in _norm(text)


def join(local: Reading, model: ModelReading) -> Reading:
    """The model's reading added to the local one: what either reads is read (the local reading stays as the rails);
    a part of the goal is the model's words only where they are the person's own; risk is never lowered."""
    text = local.text
    intents = (set(model.intents) | set(local.intents)) - {"distress"}
    if local.risk.level == "high":
        intents.add("distress")

    def part(mine: str, theirs: str) -> str:
        return theirs if grounded(theirs, text) else mine

    actions = tuple(a for a in model.actions if grounded(a, text)) or local.actions
    return replace(
        local,
        intents=tuple(i for i in INTENTS if i in intents),
        goal=part(local.goal, model.goal) if "goal_own" in intents else "",
        other_goal=part(local.other_goal, model.other_goal) if "goal_other" in intents else "",
        other_by=part(local.other_by, model.other_by) or local.other_by,
        measure=part(local.measure, model.measure) if "measure" in intents else "",
        timeframe=part(local.timeframe, model.timeframe) if "timeframe" in intents else "",
        actions=actions if "action" in intents else (),
        reason=part(local.reason, model.reason) if "reason" in intents else "",
        feasibility=part(local.feasibility, model.feasibility) if "feasibility" in intents else "",
        feelings=local.feelings if "feeling" in intents else (),
    )
