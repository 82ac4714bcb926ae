"""Remember only what the person said, in words they would recognise: the goal they are working on and what
matters to them, each a span of their own message. Kept across conversations unless learning is paused or they
asked to forget it."""

from __future__ import annotations

import asyncio

from langgraph.runtime import Runtime

from assistant.graph.deps import Deps
from assistant.graph.moves import MOVES, Kind
from assistant.graph.state import CoachState
from assistant.memory.profile import summary_from
from assistant.reading import Reading
from assistant.reading.model import grounded
from assistant.text import clip_words

FACT_WORDS = 16
MAX_ITEMS = 5  # per field in the running summary, so a model's context stays bounded however long the talk


def facts_in(r: Reading, state: CoachState) -> list[tuple[str, str]]:
    """(field, words) worth remembering from this message; every one is the person's own words, verbatim."""
    out = []
    focus = state.get("focus_goal") or {}
    if r.goal and focus.get("whose") == "theirs":
        out.append(("goal", r.goal))
    if r.reason:
        out.append(("why", r.reason))
    return [(f, clip_words(w, FACT_WORDS)) for f, w in out if grounded(w, r.text)]


async def remember(state: CoachState, runtime: Runtime[Deps]) -> dict:
    kind = Kind((state.get("move") or {}).get("kind", "notice"))
    if not state.get("reading") or not MOVES[kind].coaching or kind == Kind.FORGET:
        return {}
    r = Reading.from_dict(state["reading"])
    owner, thread, turn = state.get("user_id", ""), state.get("thread_id"), state.get("turn", 0)
    profile = {k: list(v) for k, v in (state.get("profile") or {}).items()}
    memory = runtime.context.memory
    for field, words in facts_in(r, state):
        if words.lower() in {f["text"].lower() for f in profile.get(field, [])}:
            continue
        profile.setdefault(field, []).append({"text": words, "turn": turn})
        await asyncio.to_thread(memory.learn, owner, field, words, source_words=r.text, thread_id=thread)
    if state.get("stage_of_career"):
        await asyncio.to_thread(memory.learn, owner, "career_stage", state["stage_of_career"], source_words=r.text,
                                thread_id=thread)
    facts = [{"field": f, "text": i["text"]} for f, items in profile.items() for i in items]
    return {"profile": profile, "summary": summary_from(facts, MAX_ITEMS)}
