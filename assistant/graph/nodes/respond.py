"""Write and send the reply: reflections (templates, or the model where it writes), the renderer's sentences,
and the non-imposition guard over all of it before a word reaches the person."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from langgraph.config import get_stream_writer
from langgraph.runtime import Runtime

from assistant.graph.deps import Deps
from assistant.graph.moves import Kind, Move
from assistant.graph.render import render
from assistant.graph.state import CoachState
from assistant.guard import check_reply_off_loop as check
from assistant.knowledge.options import nearest_varied, what_they_said
from assistant.llm import LLMError
from assistant.prompts import load_prompt
from assistant.reading import Reading
from assistant.reading.reflect import copied_run, reflections
from assistant.safety import load_resources

log = logging.getLogger(__name__)
SAFE_QUESTION = "What matters most to you about this?"
PROMPT_CHARS = 1500
MAX_REFLECTION_WORDS = 60


def _emit(text: str = "", replace: str | None = None) -> None:
    try:
        get_stream_writer()({"replace": replace} if replace is not None else {"token": text})
    except RuntimeError:  # outside a streaming run (tests calling the node directly)
        pass


def template_reflections(state: CoachState, r: Reading) -> list[str]:
    focus = state.get("focus_goal") or {}
    other_by = focus.get("by", "") if focus.get("whose") == "someone_else" else ""
    facts = (state.get("move") or {}).get("facts", {})
    before = tuple((state.get("guard") or {}).get("reflections") or ())  # the last reply's, not to be said again
    if state.get("focus_goal") and (state.get("move") or {}).get("kind") in ("draft_ask", "examine", "present_draft"):
        # with a goal in hand, a measure or a date is reflected only if the draft took it: "another one starts next
        # week" is not their deadline, and saying "next week, then" would tell them it was
        added = facts.get("added", []) or facts.get("changed", [])  # "edited by the person": what they changed
        r = replace(r, measure=r.measure if "measurable" in added else "", timeframe=r.timeframe if "time_bound" in added else "")
    return reflections(r, other_by=other_by, earlier_goal=facts.get("earlier_goal", ""), goal_is_why=facts.get("why_answer", False),
                       goal_in_hand=bool(state.get("focus_goal")), avoid=before)


async def model_reflection(deps: Deps, state: CoachState, r: Reading) -> tuple[list[str], list[str], bool]:
    """(the model's reflection, or [] when it did not pass; what the guard caught; whether the model failed)."""
    notes = ", ".join(filter(None, [f"feelings: {', '.join(r.feelings)}" if r.feelings else "",
                                     f"their goal: {r.goal}" if r.goal else "",
                                     f"someone else's goal for them: {r.other_goal} ({r.other_by})" if r.other_goal else ""]))
    messages = [{"role": "system", "content": load_prompt("reflect", context=notes)},
                {"role": "user", "content": r.text[:PROMPT_CHARS]}]
    try:
        text = (await deps.llm.complete(messages, max_tokens=90, temperature=0.3)).strip()
    except LLMError as exc:
        log.info("reflection by the model skipped: %s", exc)
        return [], [], True
    verdict = await check(text)
    usable = (not verdict.flagged and text and not text.rstrip().endswith("?") and not copied_run(text, r.text)
              and len(text.split()) <= MAX_REFLECTION_WORDS and not _speaks_of_itself(text))
    return ([text] if usable else []), verdict.reasons, False


def _speaks_of_itself(text: str) -> bool:
    import re

    return bool(re.search(r"\b(i|i'm|i've|me|my)\b", text, re.I))


async def respond(state: CoachState, runtime: Runtime[Deps]) -> dict:
    deps = runtime.context
    move = Move.from_dict(state["move"])
    r = Reading.from_dict(state["reading"]) if state.get("reading") else None
    resources = load_resources(deps.settings.safety_resources)
    caught: list[str] = []
    action = "sent"
    said: list[str] = []
    if r is not None and (move.info.reflects or move.facts.get("reflect")) and not r.injection:
        if deps.settings.model_writes:
            said, caught, failed = await model_reflection(deps, state, r)
            action = "model" if said else "model_error" if failed else "template"
        if not said:
            said = template_reflections(state, r)
    options: list[str] = []
    if move.kind == Kind.OPTIONS:
        options = await asyncio.to_thread(nearest_varied, deps.library.option_notes(), what_they_said(state),
                                          state.get("user_text", ""))
    reply = render(move, reflections=said, notice=state.get("notice"), injection=bool(r and r.injection),
                   options=options, resources=resources)
    if action == "model_error":  # say so first, so that their question stays the last thing they read
        reply.parts.insert(0, load_prompt("notice_model_down"))
    text = reply.text
    advice_welcome = bool(state.get("advice_welcome")) and move.kind == Kind.OPTIONS
    theirs = [m["content"] for m in state.get("history", []) if m.get("role") == "user"] + [state.get("user_text", "")]
    verdict = await check(text, advice_welcome=advice_welcome, theirs=theirs)
    if verdict.flagged:  # the assembled reply still reads as imposing: drop the reflection, keep the question
        caught += verdict.reasons
        move.facts.pop("greeting_goal", None)
        text = render(move, reflections=[], notice=state.get("notice"), options=options, resources=resources).text or SAFE_QUESTION
        verdict = await check(text, advice_welcome=advice_welcome, theirs=theirs)
        if verdict.flagged:
            text = SAFE_QUESTION
            verdict = await check(text)
        action = "fallback"
    _emit(text)
    return {"reply": text, "history": [{"role": "assistant", "content": text}], "offered": options,
            "guard": {**verdict.as_dict(), "caught": caught, "action": action,
                      "reflections": reply.reflections if action != "fallback" else []}}
