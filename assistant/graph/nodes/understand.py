"""Understand the turn (structured output) and keep only what the person's own words support."""

from __future__ import annotations

import asyncio
import logging
from typing import Literal

from langgraph.runtime import Runtime
from pydantic import BaseModel, Field

from assistant.graph.deps import Deps
from assistant.graph.state import CoachState
from assistant.llm import LLMError
from assistant.memory.profile import summary_from
from assistant.prompts import load_prompt
from assistant.text import clip_words, overlap

log = logging.getLogger(__name__)

FACT_FIELDS = ("role", "values", "strengths", "interests", "supports", "obstacles")
GROUNDED = 0.6  # a fact is kept only when most of its words are the person's
MAX_ITEMS = 5  # per field in the running summary, so context stays bounded however long the talk


class Understanding(BaseModel):
    role: str = Field(default="", description="their job or role, in their words")
    values: list[str] = Field(default_factory=list, description="what they care about")
    strengths: list[str] = Field(default_factory=list)
    interests: list[str] = Field(default_factory=list)
    supports: list[str] = Field(default_factory=list, description="people or resources that help them")
    obstacles: list[str] = Field(default_factory=list, description="what gets in their way")
    stated_goal: str = ""
    whose_goal: Literal["none", "theirs", "someone_else", "unclear"] = "none"
    emotional_tone: Literal["neutral", "positive", "anxious", "low", "frustrated", "mixed"] = "neutral"
    asks_for_advice: bool = False
    safety_risk: Literal["none", "possible", "high"] = "none"


def grounded(items: list[str], text: str) -> list[str]:
    return [clip_words(i.strip(), 12) for i in items if i.strip() and overlap(i, text) >= GROUNDED]


def merge(state: CoachState, u: Understanding, text: str) -> dict:
    """Facts the person's words support go into the profile; the summary is rebuilt from it, bounded."""
    turn = state.get("turn", 0)
    profile = {k: list(v) for k, v in (state.get("profile") or {}).items()}
    for field in FACT_FIELDS:
        value = getattr(u, field)
        for item in grounded([value] if isinstance(value, str) else value, text):
            known = {f["text"].lower() for f in profile.get(field, [])}
            if item.lower() not in known:
                profile.setdefault(field, []).append({"text": item, "turn": turn})
    update: dict = {"profile": profile, "summary": summarise(profile, state),
                    "understanding": {**u.model_dump(), "grounded_goal": bool(grounded([u.stated_goal], text))}}
    if u.stated_goal and grounded([u.stated_goal], text):
        mentioned = list(state.get("goals_mentioned", []))
        if not any(overlap(u.stated_goal, g["text"]) >= 0.5 for g in mentioned):
            whose = u.whose_goal if u.whose_goal != "none" else "unclear"
            mentioned.append({"text": clip_words(u.stated_goal, 25), "whose": whose, "by": "understanding", "turn": turn})
            update["goals_mentioned"] = mentioned
    return update


def summarise(profile: dict, state: CoachState) -> str:
    facts = [{"field": field, "text": item["text"]} for field in FACT_FIELDS for item in profile.get(field, [])]
    parts = [summary_from(facts, MAX_ITEMS)] if facts else []
    if state.get("stage_of_career"):
        parts.append(f"career stage: {state['stage_of_career']}")
    if state.get("focus_goal"):
        parts.append(f"goal in their words: {state['focus_goal']['text']}")
    return clip_words(". ".join(parts), 120)


async def remember(state: CoachState, runtime: Runtime[Deps], update: dict) -> None:
    """Grounded facts outlive the conversation, unless learning is paused or the person asked to forget them."""
    before = {(f, i["text"]) for f, items in (state.get("profile") or {}).items() for i in items}
    owner, thread = state.get("user_id", ""), state.get("thread_id")
    for field, items in (update.get("profile") or {}).items():
        for item in items:
            if (field, item["text"]) not in before:
                await asyncio.to_thread(runtime.context.memory.learn, owner, field, item["text"],
                                        source_words=state.get("user_text", ""), thread_id=thread)
    if state.get("stage_of_career"):
        await asyncio.to_thread(runtime.context.memory.learn, owner, "career_stage", state["stage_of_career"],
                                source_words=state.get("user_text", ""), thread_id=thread)


async def understand(state: CoachState, runtime: Runtime[Deps]) -> dict:
    if state["move"]["kind"] in ("notice", "safety", "forget"):
        return {}
    text = state.get("user_text", "")
    summary = state.get("summary", "")
    messages = [{"role": "system", "content": load_prompt("understand", summary=f"Known so far: {summary}" if summary else "")},
                {"role": "user", "content": text[:1500]}]
    try:
        reading = await runtime.context.llm.structured(messages, Understanding, max_tokens=250)
    except LLMError as exc:  # the turn is already answered; the rule-based reading stands
        log.info("understanding skipped: %s", exc)
        return {"summary": summarise(state.get("profile") or {}, state)}
    update = merge(state, reading, text)
    await remember(state, runtime, update)
    return update
