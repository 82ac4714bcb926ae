"""Write what the person chose into the goal store: the goal with its first actions, then their check-in date."""

from __future__ import annotations

import asyncio
from datetime import date

from langgraph.runtime import Runtime

from assistant.goals import GoalStoreError
from assistant.graph import checkin
from assistant.graph.deps import Deps
from assistant.graph.state import CoachState
from assistant.prompts import load_prompt


async def save(state: CoachState, runtime: Runtime[Deps]) -> dict:
    store = runtime.context.goals
    chosen = dict(state["move"])
    owner = state.get("user_id", "me")
    try:
        if chosen["kind"] == "save_goal":
            draft = state["draft"]
            goal = await asyncio.to_thread(
                store.create_goal, owner, draft["statement"], kind=draft.get("kind", "developmental"),
                smarty=draft, actions=[(t, date.fromisoformat(d)) for t, d in chosen["actions"]],
                thread_id=state.get("thread_id"),
            )
            listing = "\n".join(f"- {a['text']} (by {a['due']})" for a in goal["actions"])
            chosen["preface"] = load_prompt("saved", actions=listing, check_in=goal["next_check_in"])
            chosen["question"] = runtime.context.library.question("schedule", "when").text
            return {"move": chosen, "saved_goal_id": goal["id"]}
        if chosen["kind"] == "set_check_in":
            goal_id = state.get("saved_goal_id")
            if chosen.get("check_in") and goal_id:
                goal = await asyncio.to_thread(store.revise, owner, goal_id, why="check-in date chosen by the person",
                                               next_check_in=date.fromisoformat(chosen["check_in"]))
            else:
                goal = await asyncio.to_thread(store.get_goal, owner, goal_id)
            chosen["preface"] = load_prompt("checkin_set", check_in=goal["next_check_in"])
            q = runtime.context.library.question("invite", "more")
            chosen["question"] = q.text if q else ""
            return {"move": chosen}
        if chosen["kind"] == "forget":
            gone = await asyncio.to_thread(runtime.context.memory.forget, owner, about=chosen["topic"])
            chosen["preface"] = (f"Done. I've forgotten what you said about {chosen['topic']} ({len(gone)} remembered "
                                 "item(s), and your messages about it in our conversations). It won't be learned again.")
            chosen["forgotten"] = [chosen["topic"]]
            return {"move": chosen}
        if chosen["kind"] == "save_check_in":
            record = state["check_in"]
            answers = record["answers"]
            revised = checkin.wants_change(answers.get("still_yours", ""))
            goal = await asyncio.to_thread(
                store.record_check_in, owner, record["goal_id"], progress=checkin.progress_from(answers.get("progress", "")),
                helped=answers.get("helped", ""), obstacles=answers.get("obstacles", ""),
                feelings=checkin.feelings_in(list(answers.values())), next_steps=answers.get("next", ""),
                milestone=answers["progress"] if checkin.milestone_in(answers.get("progress", "")) else None,
            )
            if revised:
                goal = await asyncio.to_thread(store.revise, owner, record["goal_id"],
                                               why=f"re-examined at a check-in: {answers['still_yours']}",
                                               statement=answers["still_yours"])
            last = goal["check_ins"][-1]
            note = " The goal is revised in your words; the earlier version is kept." if revised else ""
            chosen["preface"] = (f"Recorded: progress {last['progress']}%, and your next steps.{note} "
                                 f"The next check-in is proposed for {goal['next_check_in']}.")
            q = runtime.context.library.question("invite", "more")
            chosen["question"] = q.text if q else ""
            return {"move": chosen, "check_in": None}
    except GoalStoreError as exc:
        chosen["preface"] = f"I couldn't save this just now: {exc} Your draft is kept in this conversation."
        return {"move": chosen, "phase": "actions" if chosen["kind"] == "save_goal" else state.get("phase")}
    return {}
