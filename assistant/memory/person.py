"""Everything held about one person across the stores: conversations (checkpoints), profile, goals."""

from __future__ import annotations

import asyncio

from assistant.memory.export import bundle
from assistant.memory.profile import Memory


async def conversations(graph, threads: list[str]) -> dict[str, list[dict]]:
    out = {}
    for t in threads:
        values = (await graph.aget_state({"configurable": {"thread_id": t}})).values
        if values:
            out[t] = values.get("history", [])
    return out


async def export_person(graph, memory: Memory, owner: str) -> dict:
    threads = await asyncio.to_thread(memory.threads, owner)
    return bundle(owner, await asyncio.to_thread(memory.profile, owner),
                  await asyncio.to_thread(memory.store.list_goals, owner), await conversations(graph, threads))


async def delete_conversations(graph, threads: list[str]) -> None:
    for t in threads:
        await graph.checkpointer.adelete_thread(t)


async def delete_person(graph, memory: Memory, owner: str) -> dict:
    """Every conversation checkpoint, then every row about the person; nobody else's data is touched."""
    threads = await asyncio.to_thread(memory.threads, owner)
    await delete_conversations(graph, threads)
    counts = await asyncio.to_thread(memory.delete_everything, owner)
    return {"conversations": len(threads), **counts}


async def scrub_conversations(graph, memory: Memory, owner: str, topics: list[str]) -> None:
    """Remove what the person asked to forget from every checkpoint of every one of their conversations. Needs
    only the graph over its checkpoints: no model, no index."""
    from assistant.memory.scrub import scrub_values

    facts = await asyncio.to_thread(memory.profile, owner)
    for thread_id in await asyncio.to_thread(memory.threads, owner):
        config = {"configurable": {"thread_id": thread_id}}
        snapshot = await graph.aget_state(config)
        if not snapshot.values:
            continue
        values = scrub_values(snapshot.values, topics, facts)
        await graph.checkpointer.adelete_thread(thread_id)
        await graph.aupdate_state(config, values, as_node="remember")
