"""Retrieve guidance for this turn's move and the person's career stage."""

from __future__ import annotations

import asyncio

from langgraph.runtime import Runtime

from assistant.graph.deps import Deps
from assistant.graph.moves import Kind, Move
from assistant.graph.state import CoachState
from assistant.knowledge.options import what_they_said


async def retrieve(state: CoachState, runtime: Runtime[Deps]) -> dict:
    move = Move.from_dict(state["move"])
    if move.info.guidance is None:
        return {"retrieved": [], "retrieval_note": None}
    query = " ".join(filter(None, [state.get("user_text", "")[:500], move.question]))
    phase = move.info.guidance
    if move.kind == Kind.OPTIONS:  # the guidance beside options is about their goal and their ask, in any phase
        query, phase = f"{what_they_said(state)} {state.get('user_text', '')}"[-2000:], None
    # The embedding model is CPU-bound; keep the event loop free for other conversations.
    result = await asyncio.to_thread(
        runtime.context.retriever.search, query, phase=phase, stage=state.get("stage_of_career"), k=3,
    )
    return {"retrieved": result.notes, "retrieval_note": result.degraded}
