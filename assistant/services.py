"""One place that opens the app's parts, each only when a command first needs it. `waymark goals` opens the
goal store alone; `waymark memory forget` opens the store and the graph over its checkpoints, never the model or
the index; `waymark replay` opens everything."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cached_property

from assistant.settings import Settings


class Services:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._graph = None  # a graph already open (the app's), used instead of opening the checkpoints again

    @classmethod
    def of_coach(cls, coach) -> "Services":
        """The parts a running coach already holds, so the UI's use cases reuse them instead of opening more."""
        services = cls(coach.deps.settings)
        services.__dict__.update(library=coach.deps.library, index=coach.deps.retriever.semantic,
                                 retriever=coach.deps.retriever, goals=coach.deps.goals, memory=coach.deps.memory)
        services._graph = coach.graph
        return services

    @cached_property
    def library(self):
        from assistant.knowledge.library import Library

        return Library.from_folder(self.settings.knowledge_dir)

    @cached_property
    def index(self):
        """The guidance index, synced with the library; None when Chroma cannot be opened (keyword search then)."""
        from assistant.knowledge.index import open_index

        return open_index(self.settings, self.library)

    @cached_property
    def retriever(self):
        from assistant.knowledge.retriever import Retriever

        return Retriever(self.library, self.index)

    @cached_property
    def goals(self):
        from assistant.goals import GoalStore

        return GoalStore(self.settings.goals_url)

    @cached_property
    def memory(self):
        from assistant.memory.profile import Memory

        return Memory(self.goals)

    @asynccontextmanager
    async def graph(self) -> AsyncIterator:
        """The self-coaching graph over its checkpoints, to read, scrub or delete conversations. No model."""
        from assistant.graph.build import build_graph
        from assistant.graph.checkpoint import open_checkpointer

        if self._graph is not None:
            yield self._graph
            return
        async with open_checkpointer(self.settings) as saver:
            yield build_graph(saver)

    @asynccontextmanager
    async def coach(self) -> AsyncIterator:
        """Everything a conversation needs: the model (the embedded one starts here), the index, the graph."""
        from assistant.coach import open_coach

        async with open_coach(self.settings) as coach:
            yield coach
