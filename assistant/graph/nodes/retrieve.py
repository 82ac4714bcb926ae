"""Retrieve guidance for this turn's phase and the person's career stage."""

from __future__ import annotations

import asyncio

from langgraph.runtime import Runtime

from assistant.graph.deps import Deps
from assistant.graph.state import CoachState

PHASE_OF_MOVE = {
    "explore": "explore", "stage": "explore", "invite_goal": "explore", "examine": "examine", "connect": "examine",
    "draft_ask": "draft", "present_draft": "draft", "actions_ask": "draft", "actions_retry": "draft", "save_goal": "draft",
    "set_check_in": "review", "checkin_open": "review", "checkin_ask": "review", "save_check_in": "review",
    "after_safety": "support", "rejected": "explore", "advice_gate": "support", "options": "support", "safety": "safety",
}


async def retrieve(state: CoachState, runtime: Runtime[Deps]) -> dict:
    chosen = state["move"]
    if chosen["kind"] == "notice":
        return {"retrieved": []}
    query = " ".join(filter(None, [state.get("user_text", "")[:500], chosen.get("question", "")]))
    # The embedding model is CPU-bound; keep the event loop free for other conversations.
    result = await asyncio.to_thread(
        runtime.context.retriever.search, query,
        phase=PHASE_OF_MOVE.get(chosen["kind"]), stage=state.get("stage_of_career"), k=3,
    )
    return {"retrieved": result.notes, "retrieval_note": result.degraded}
