"""Take in the mentee's message: keep it, count the turn, and say plainly when it cannot be read."""

from __future__ import annotations

from langgraph.runtime import Runtime

from assistant.graph.deps import Deps
from assistant.graph.state import CoachState
from assistant.prompts import load_prompt


def take_in(state: CoachState, text: str, max_chars: int) -> dict:
    """The update for one incoming message. The message is always kept in history, even when refused."""
    text = text or ""
    update: dict = {"user_text": text, "history": [{"role": "user", "content": text}], "turn": state.get("turn", 0) + 1,
                    "notice": None}
    if not text.strip():
        update["notice"] = load_prompt("notice_empty")
    elif len(text) > max_chars:
        update["notice"] = load_prompt("notice_too_long", length=f"{len(text):,}", limit=f"{max_chars:,}")
    return update


async def intake(state: CoachState, runtime: Runtime[Deps]) -> dict:
    return take_in(state, state.get("user_text", ""), runtime.context.settings.max_message_chars)
