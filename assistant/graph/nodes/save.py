"""Write what the person chose into the goal store, and add what was stored to the move's facts for the
renderer: the goal with its first steps, the check-in date, a check-in, or what was forgotten."""

from __future__ import annotations

import asyncio
from datetime import date

from langgraph.runtime import Runtime

from assistant.goals import GoalStoreError
from assistant.graph import checkin
from assistant.graph.deps import Deps
from assistant.graph.moves import Kind, Move
from assistant.graph.state import CoachState


async def _add_steps(store, owner: str, goal_id, state: CoachState, facts: dict, update: dict) -> dict:
    """The move's steps added to the saved goal; the draft follows the store, only once the steps are kept."""
    goal = await asyncio.to_thread(store.add_actions, owner, goal_id,
                                   [(t, date.fromisoformat(d)) for t, d in facts["actions"]])
    facts["saved_actions"] = goal["actions"]
    draft = state.get("draft") or {}
    update["draft"] = {**draft, "actions": [*draft.get("actions", []), *(t for t, _ in facts["actions"])]}
    return goal


async def save(state: CoachState, runtime: Runtime[Deps]) -> dict:
    store = runtime.context.goals
    move = Move.from_dict(state["move"])
    facts = move.facts
    owner = state.get("user_id", "me")
    update: dict = {}
    try:
        if move.kind == Kind.SAVE_GOAL:
            draft = state["draft"]
            goal = await asyncio.to_thread(
                store.create_goal, owner, draft["statement"], kind=draft.get("kind", "developmental"),
                smarty=draft, actions=[(t, date.fromisoformat(d)) for t, d in facts["actions"]],
                thread_id=state.get("thread_id"),
            )
            if facts.get("check_in"):  # a check-in date they named while giving their steps: theirs, not the proposal
                goal = await asyncio.to_thread(store.revise, owner, goal["id"], why="check-in date chosen by the person",
                                               next_check_in=date.fromisoformat(facts["check_in"]))
            facts.update(saved_actions=goal["actions"], next_check_in=goal["next_check_in"])
            update["saved_goal_id"] = goal["id"]
            move.question = runtime.context.library.question("schedule", "when").text
        elif move.kind == Kind.ADD_STEPS:
            move.question = runtime.context.library.question("schedule", "when").text
            if not state.get("saved_goal_id"):
                raise GoalStoreError("there is no saved goal to add these steps to")
            await _add_steps(store, owner, state["saved_goal_id"], state, facts, update)
        elif move.kind == Kind.REVISE_SAVED:
            draft = facts["draft"]
            await asyncio.to_thread(store.revise, owner, state["saved_goal_id"], why="changed by the person after saving",
                                    statement=draft["statement"], smarty={k: draft[k] for k in facts["added"] if k in draft})
        elif move.kind == Kind.SET_CHECK_IN:
            goal_id = state.get("saved_goal_id")
            if facts.get("check_in") and goal_id:
                goal = await asyncio.to_thread(store.revise, owner, goal_id, why="check-in date chosen by the person",
                                               next_check_in=date.fromisoformat(facts["check_in"]))
            else:
                goal = await asyncio.to_thread(store.get_goal, owner, goal_id)
            if facts.get("actions") and goal_id:  # a step said with the date ("I'll sit down with my husband ...")
                goal = await _add_steps(store, owner, goal_id, state, facts, update)
            facts["next_check_in"] = goal["next_check_in"]
            # Someone saying goodbye is not asked what else is on their mind.
            move.question = "" if facts.get("farewell") else runtime.context.library.question("invite", "more").text
        elif move.kind == Kind.FORGET:
            gone = await asyncio.to_thread(runtime.context.memory.forget, owner, about=facts["topic"])
            facts.update(count=len(gone), forgotten=[facts["topic"]])
        elif move.kind == Kind.SAVE_CHECK_IN:
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
            facts.update(progress=goal["check_ins"][-1]["progress"], next_check_in=goal["next_check_in"], revised=revised)
            move.question = runtime.context.library.question("invite", "more").text
            update["check_in"] = None
    except GoalStoreError as exc:
        facts["save_error"] = str(exc)
        if move.kind == Kind.SAVE_GOAL:
            update["phase"] = "actions"
            move.pending = {"kind": "actions", "key": "actions"}
            update["pending"] = move.pending
    update["move"] = move.as_dict()
    return update
