"""What nodes need from the outside world, handed to the graph as its run-time context."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.goals import GoalStore
from assistant.knowledge.library import Library
from assistant.knowledge.retriever import Retriever
from assistant.llm import LLM
from assistant.memory.profile import Memory
from assistant.settings import Settings


@dataclass
class Deps:
    settings: Settings
    llm: LLM
    library: Library
    retriever: Retriever
    goals: GoalStore
    memory: Memory
