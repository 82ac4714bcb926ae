"""One conversation turn through the self-coaching graph: the single entry point for the UI, replay and evals."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from langgraph.types import Command

from assistant.goals import GoalStore
from assistant.graph.build import build_graph
from assistant.graph.checkpoint import open_checkpointer
from assistant.graph.deps import Deps
from assistant.knowledge.library import Library
from assistant.knowledge.retriever import Retriever
from assistant.llm import LLM, start_meter
from assistant.memory.profile import Memory
from assistant.settings import Settings

TokenSink = Callable[[dict], Awaitable[None]]


@dataclass
class TurnResult:
    turn: int
    user: str
    assistant: str
    phase: str
    move: dict
    imposition: dict
    retrieved: list[dict]
    llm_calls: int
    latency_ms: float
    model_ms: float
    first_token_ms: float | None
    awaiting: dict | None = None  # the drafted goal waiting for accept / edit / reject
    retrieval_note: str | None = None
    prompt_tokens: list[int] = field(default_factory=list)

    def contract(self) -> dict:
        """The `waymark replay --json` line for this turn (see DESIGN.md)."""
        return {
            "turn": self.turn, "user": self.user, "assistant": self.assistant, "phase": self.phase,
            "move": self.move.get("kind"),
            "imposition": self.imposition, "retrieved": [r["id"] for r in self.retrieved],
            "llm_calls": self.llm_calls, "latency_ms": round(self.latency_ms, 1),
        }


class Coach:
    def __init__(self, deps: Deps, graph):
        self.deps = deps
        self.graph = graph

    async def turn(self, thread_id: str, user_id: str, text: str, on_event: TokenSink | None = None) -> TurnResult:
        owner = await asyncio.to_thread(self.deps.memory.thread_owner, thread_id)
        if owner is not None and owner != user_id:
            raise PermissionError("This conversation belongs to someone else.")
        await asyncio.to_thread(self.deps.memory.note_thread, user_id, thread_id)
        config = {"configurable": {"thread_id": thread_id}}
        snapshot = await self.graph.aget_state(config)
        paused = bool(snapshot.next) and any(t.interrupts for t in snapshot.tasks)
        payload = Command(resume=text) if paused else {"user_text": text, "user_id": user_id, "thread_id": thread_id}
        if snapshot.next and not paused:
            # The last turn was cut off (the process died mid-turn): finish it from its checkpoint first. If the
            # person is re-sending that same message, the finished turn is the answer, so nothing is duplicated.
            cut_text = snapshot.values.get("user_text")
            if cut_text == text or (not snapshot.values and snapshot.next == ("intake",)):
                payload = None
            else:
                async for _ in self.graph.astream(None, config, context=self.deps):
                    pass
        meter = start_meter()
        started = time.perf_counter()
        first: float | None = None
        async for mode, chunk in self.graph.astream(payload, config, context=self.deps, stream_mode=["custom", "updates"]):
            if mode == "custom" and on_event is not None:
                if first is None and chunk.get("token"):
                    first = time.perf_counter() - started
                await on_event(chunk)
        elapsed = time.perf_counter() - started
        state = (await self.graph.aget_state(config))
        forgotten = state.values.get("move", {}).get("facts", {}).get("forgotten")
        if forgotten:
            await self.scrub(user_id, forgotten)
            state = await self.graph.aget_state(config)
        values = state.values
        awaiting = None
        for task in state.tasks:
            for intr in task.interrupts:
                awaiting = intr.value
        guard = values.get("guard", {})
        return TurnResult(
            turn=values.get("turn", 0), user=text, assistant=values.get("reply", ""),
            phase=values.get("move", {}).get("phase", values.get("phase", "")), move=values.get("move", {}),
            imposition={"flagged": guard.get("flagged", False), "score": guard.get("score", 0.0),
                        "reasons": guard.get("reasons", []), "caught": guard.get("caught", []),
                        "action": guard.get("action", "")},
            retrieved=values.get("retrieved", []), llm_calls=meter.count, latency_ms=elapsed * 1000,
            model_ms=meter.model_seconds * 1000, first_token_ms=first * 1000 if first is not None else None,
            awaiting=awaiting, retrieval_note=values.get("retrieval_note"),
            prompt_tokens=[c.prompt_tokens for c in meter.calls],
        )

    async def scrub(self, user_id: str, topics: list[str]) -> None:
        """Remove what the person asked to forget from every checkpoint of every one of their conversations."""
        from assistant.memory.person import scrub_conversations

        await scrub_conversations(self.graph, self.deps.memory, user_id, topics)

    async def warm(self) -> None:
        """Load every model a turn uses (the reader's encoder, the guard's detector, the guidance index) now, so the
        first person's first turn does not wait for them."""
        from assistant.guard import check_reply
        from assistant.reading import read

        def load() -> None:
            read("Hello, I'd like to think about my goals.")
            check_reply("What would you like to work toward?")
            self.deps.retriever.search("goals", k=1)

        await asyncio.to_thread(load)

    async def state(self, thread_id: str) -> dict:
        return (await self.graph.aget_state({"configurable": {"thread_id": thread_id}})).values


def build_deps(settings: Settings, *, semantic: bool = True) -> Deps:
    library = Library.from_folder(settings.knowledge_dir)
    index = None
    if semantic:
        from assistant.knowledge.index import open_index

        index = open_index(settings, library)
    goals = GoalStore(settings.goals_url)
    return Deps(settings=settings, llm=LLM.from_settings(settings), library=library,
                retriever=Retriever(library, index), goals=goals, memory=Memory(goals))


@asynccontextmanager
async def open_coach(settings: Settings, *, semantic: bool = True) -> AsyncIterator[Coach]:
    """A coach with its checkpointer open; conversations survive a restart through it."""
    settings.ensure_data_dir()
    # Loading the embedding model and syncing the index take seconds: keep the event loop serving meanwhile.
    deps = await asyncio.to_thread(build_deps, settings, semantic=semantic)
    await deps.llm.check()
    async with open_checkpointer(settings) as saver:
        yield Coach(deps, build_graph(saver))
