"""What a scorer sees: one system's run of one scenario."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Turn:
    user: str
    assistant: str
    meta: dict = field(default_factory=dict)  # Waymark's move, phase and guard verdict; empty for the naive bot


@dataclass
class Run:
    scenario: dict
    system: str  # "waymark" or "naive"
    turns: list[Turn]
    goals: list[dict] = field(default_factory=list)  # drafted goals: {"statement", "smarty": {six keys}}
    llm_calls: int = 0
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)  # what a scorer needs beyond the turns (facts learned, say)
