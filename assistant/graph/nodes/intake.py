"""Take in the mentee's message: validate it, keep it, and read the rule-based signals."""

from __future__ import annotations

from langgraph.runtime import Runtime

from assistant.graph import signals
from assistant.graph.deps import Deps
from assistant.graph.state import CoachState
from assistant.prompts import load_prompt


def take_in(state: CoachState, text: str, max_chars: int) -> dict:
    """The update for one incoming message. The message is always kept in history, even when refused."""
    text = text or ""
    history = list(state.get("history", [])) + [{"role": "user", "content": text}]
    update: dict = {"user_text": text, "history": history, "turn": state.get("turn", 0) + 1, "notice": None}
    if not text.strip():
        update["notice"] = load_prompt("notice_empty")
    elif len(text) > max_chars:
        update["notice"] = load_prompt("notice_too_long", length=f"{len(text):,}", limit=f"{max_chars:,}")
    return update


async def intake(state: CoachState, runtime: Runtime[Deps]) -> dict:
    return take_in(state, state.get("user_text", ""), runtime.context.settings.max_message_chars)


def read_signals(text: str) -> signals.Signals:
    return signals.read(text)
