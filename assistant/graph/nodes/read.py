"""Read the message before anything is planned: the local reader always (rules and fitted classifiers, risk
included), and a capable model's reading on top when the settings say so."""

from __future__ import annotations

import asyncio
import logging

from langgraph.runtime import Runtime

from assistant.graph.deps import Deps
from assistant.graph.state import CoachState
from assistant.llm import LLMError
from assistant.prompts import load_prompt
from assistant.reading import read as read_locally
from assistant.reading.model import ModelReading, join

log = logging.getLogger(__name__)
PROMPT_CHARS = 1500  # the longest slice of a message the model ever sees


def expecting(state: CoachState) -> str | None:
    """The intent the last question invited, so a terse answer to it is read as one ("by june", "3 talks")."""
    pending = state.get("pending") or {}
    if pending.get("kind") == "smarty":
        return {"measurable": "measure", "time_bound": "timeframe", "achievable": "feasibility", "relevant": "reason",
                "specific": "goal_own", "yours": "goal_own"}.get(pending.get("key"))
    if pending.get("kind") == "examine":  # "how much of it is yours?" is answered with feelings and values, not goals
        return {"why": "reason"}.get(pending.get("key"))
    if pending.get("kind") == "invite":
        return "goal_own"
    if pending.get("kind") == "actions":
        return "action"
    return None


async def read(state: CoachState, runtime: Runtime[Deps]) -> dict:
    if state.get("notice"):
        return {"reading": None}
    text = state.get("user_text", "")
    deps = runtime.context
    # The encoder is CPU-bound; keep the event loop serving other conversations meanwhile.
    reading = await asyncio.to_thread(read_locally, text, expecting(state))
    if deps.settings.model_reads and reading.risk.level != "high":
        summary = state.get("summary", "")
        messages = [{"role": "system", "content": load_prompt("read", summary=f"Known so far: {summary}" if summary else "")},
                    {"role": "user", "content": text[:PROMPT_CHARS]}]
        try:
            reading = join(reading, await deps.llm.structured(messages, ModelReading, max_tokens=400))
        except LLMError as exc:  # the local reading stands
            log.info("the model's reading was skipped: %s", exc)
    return {"reading": reading.as_dict()}
