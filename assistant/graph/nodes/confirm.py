"""Pause for the person to accept, edit or set aside the drafted goal (LangGraph interrupt). Their answer is
taken in as a message and read like any other; the plan decides what it means."""

from __future__ import annotations

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from assistant.graph.deps import Deps
from assistant.graph.nodes.intake import take_in
from assistant.graph.state import CoachState


async def confirm(state: CoachState, runtime: Runtime[Deps]) -> dict:
    value = interrupt({"draft": state.get("draft", {}), "options": ["accept", "edit", "reject"]})
    if isinstance(value, dict):  # a button: {"action": "accept"} or {"action": "edit", "text": ...}
        value = value.get("text") or value.get("action", "")
    return take_in(state, str(value or ""), runtime.context.settings.max_message_chars)
