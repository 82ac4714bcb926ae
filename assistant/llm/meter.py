"""Counts model calls per turn without threading a counter through every node."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field


@dataclass
class CallRecord:
    kind: str  # "chat" or "structured"
    seconds: float
    prompt_tokens: int
    completion_tokens: int
    first_token_s: float | None = None
    ok: bool = True


@dataclass
class Meter:
    calls: list[CallRecord] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.calls)

    @property
    def model_seconds(self) -> float:
        return sum(c.seconds for c in self.calls)


_current: contextvars.ContextVar[Meter | None] = contextvars.ContextVar("waymark_meter", default=None)


def start_meter() -> Meter:
    """A fresh meter for this task and the tasks it spawns (asyncio copies the context)."""
    meter = Meter()
    _current.set(meter)
    return meter


def record(call: CallRecord) -> None:
    meter = _current.get()
    if meter is not None:
        meter.calls.append(call)
