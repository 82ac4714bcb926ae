"""The mentor's own conversation after a session plan: a graph beside the mentee's, not a branch of it.

A mentor asks how to approach something; advice to the mentor is what they asked for, so Waymark answers with a
few approaches from the guidance library, each citing its note, plus questions the mentor could ask, each passing
the same non-imposition guard as a reply to a mentee. A mentor who records a note or a follow-up has it kept as a
mentor note, never as a fact about the mentee (nothing here touches the mentee's memory). Only goals the mentee
chose to share are ever read."""

from __future__ import annotations

import asyncio
import json
import operator
import re
from dataclasses import dataclass
from typing import Annotated, TypedDict

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime

from assistant.goals import GoalStore
from assistant.guard import check_reply
from assistant.knowledge.library import Library
from assistant.knowledge.retriever import NOT_SHOWN, Retriever
from assistant.prep.plan import NotShared
from assistant.prompts import load_prompt
from assistant.reading import directive
from assistant.text import overlap, sentences

__all__ = ["NotShared", "PrepDeps", "build_prep_graph", "prep_turn", "replay_prep"]

NOTE = re.compile(r"^\s*(note|notes|we agreed|agreed|follow[- ]?ups?|next time|after the session)\b\s*[:,-]?\s*(?P<text>.+)",
                  re.I | re.S)
APPROACHES = 3
THANKS = re.compile(r"\b(?:thanks|thank you|cheers|much appreciated|that(?:'s| is| was) (?:all )?(?:very |really )?helpful)\b", re.I)
QUESTIONS = 3


class PrepState(TypedDict, total=False):
    mentor: str  # who is preparing
    mentee: str  # whom they are preparing for
    turn: int
    user_text: str  # the mentor's message this turn
    history: Annotated[list[dict], operator.add]  # every message; nodes return only what they add
    reply: str
    sources: list[str]  # note ids the reply cites
    questions: list[str]  # questions suggested for the mentee, each guard-checked
    recorded: dict | None  # a mentor note saved this turn


@dataclass
class PrepDeps:
    goals: GoalStore
    library: Library
    retriever: Retriever


def vetted_questions(texts: list[str]) -> list[str]:
    """Questions meant for the mentee: open, ending in a question mark, and passing the non-imposition guard."""
    return [q for q in dict.fromkeys(texts) if q.rstrip().endswith("?") and not check_reply(q).flagged]


def _imposes_a_goal(text: str) -> bool:
    return any(directive.is_goal_imposition(h) for h in directive.rule_hits(text))


async def take(state: PrepState, runtime: Runtime[PrepDeps]) -> dict:
    text = state.get("user_text", "")
    return {"turn": state.get("turn", 0) + 1, "history": [{"role": "mentor", "content": text}], "recorded": None}


def after_take(state: PrepState) -> str:
    return "record" if NOTE.match(state.get("user_text", "")) else "answer"


async def record(state: PrepState, runtime: Runtime[PrepDeps]) -> dict:
    text = NOTE.match(state["user_text"])["text"].strip()
    agreed = bool(re.match(r"\s*(we agreed|agreed|follow)", state["user_text"], re.I))
    note = await asyncio.to_thread(runtime.context.goals.add_mentor_note, state["mentor"], state["mentee"],
                                   notes="" if agreed else text, follow_ups=text if agreed else "")
    reply = load_prompt("prep_recorded", mentee=state["mentee"],
                        what="follow-up" if agreed else "note")
    return {"reply": reply, "recorded": note, "sources": [], "questions": [],
            "history": [{"role": "assistant", "content": reply}]}


async def answer(state: PrepState, runtime: Runtime[PrepDeps]) -> dict:
    deps = runtime.context
    text = state.get("user_text", "")
    if THANKS.search(text) and "?" not in text:  # thanks with nothing asked: no list of approaches to close on
        reply = load_prompt("prep_thanks", mentee=state["mentee"])
        return {"reply": reply, "sources": [], "questions": [], "history": [{"role": "assistant", "content": reply}]}
    goals = await asyncio.to_thread(deps.goals.shared_with, state["mentor"], state["mentee"])
    found = await asyncio.to_thread(deps.retriever.search, text, k=6)
    approaches, sources, asked = [], [], []
    for passage in found.passages:
        if passage.note_id in sources or len(approaches) >= APPROACHES:
            continue
        note = deps.library.notes.get(passage.note_id)
        shown, heading = passage.text, passage.heading
        if heading in NOT_SHOWN and note and note.chunks():  # example lines are not guidance: the note's opening is
            shown, heading = note.chunks()[0].text, note.chunks()[0].heading
        shown = " ".join(shown.split())  # notes are hard-wrapped: a line is not a sentence
        if heading and shown.startswith(heading):  # a section's text opens with its heading, already in bold
            shown = shown[len(heading):].lstrip()
        gist = " ".join(sentences(shown)[:2])
        if not gist or _imposes_a_goal(gist):
            continue
        heading = f" — {heading}" if heading and heading != passage.title else ""
        approaches.append(f"- **{passage.title}{heading}** [`{passage.note_id}`]: {gist}")
        sources.append(passage.note_id)
        asked += [q.text for q in (note.questions if note else [])]
    questions = vetted_questions(asked)[:QUESTIONS]
    relevant = [g["statement"] for g in goals if overlap(g["statement"], text) >= 0.2 or overlap(text, g["statement"]) >= 0.2]
    blocks = [load_prompt("prep_approaches") + "\n" + "\n".join(approaches) if approaches else load_prompt("prep_nothing_found")]
    if relevant:
        blocks.append(load_prompt("prep_shared_goal", mentee=state["mentee"], goal=relevant[0]))
    if questions:
        blocks.append(load_prompt("prep_questions", mentee=state["mentee"]) + "\n" + "\n".join(f"- {q}" for q in questions))
    reply = "\n\n".join(blocks)
    return {"reply": reply, "sources": sources, "questions": questions,
            "history": [{"role": "assistant", "content": reply}]}


def build_prep_graph(checkpointer=None):
    g = StateGraph(PrepState, context_schema=PrepDeps)
    g.add_node("take", take)
    g.add_node("record", record)
    g.add_node("answer", answer)
    g.add_edge(START, "take")
    g.add_conditional_edges("take", after_take, ["record", "answer"])
    g.add_edge("record", END)
    g.add_edge("answer", END)
    return g.compile(checkpointer=checkpointer)


async def prep_turn(graph, deps: PrepDeps, *, mentor: str, mentee: str, text: str, thread_id: str) -> dict:
    """One mentor turn; refused when the mentee shares nothing with this mentor."""
    if not deps.goals.shared_with(mentor, mentee) and not deps.goals.mentor_notes(mentor, mentee):
        raise NotShared(f"{mentee} has not shared any goals with {mentor}.")
    config = {"configurable": {"thread_id": thread_id}}
    await graph.ainvoke({"user_text": text, "mentor": mentor, "mentee": mentee}, config, context=deps)
    values = (await graph.aget_state(config)).values
    return {"turn": values["turn"], "user": text, "assistant": values["reply"], "sources": values.get("sources", []),
            "questions": values.get("questions", []), "recorded": values.get("recorded")}


async def replay_prep(services, *, mentor: str, mentee: str, turns: list[str], as_json: bool) -> str:
    """`waymark replay --as mentor`: a prep conversation from the command line."""
    import uuid

    from assistant.graph.checkpoint import open_checkpointer

    deps = PrepDeps(services.goals, services.library, services.retriever)
    thread = f"prep-{mentor}-{mentee}-{uuid.uuid4().hex[:8]}"
    async with open_checkpointer(services.settings) as saver:
        graph = build_prep_graph(saver)
        results = [await prep_turn(graph, deps, mentor=mentor, mentee=mentee, text=t, thread_id=thread) for t in turns]
    if as_json:
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in results)
    return "\n".join(f"mentor: {r['user']}\nwaymark:\n{r['assistant']}\n" for r in results)
