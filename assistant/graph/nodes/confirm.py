"""Pause for the person to accept, edit or reject the drafted goal (LangGraph interrupt)."""

from __future__ import annotations

import re

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from assistant.graph.deps import Deps
from assistant.graph.nodes.intake import take_in
from assistant.graph.nodes.plan import move
from assistant.graph.state import CoachState
from assistant.prompts import load_prompt
from assistant.text import clip_words

ACCEPT = re.compile(r"^\s*(accept(ed)?|yes|yep|yeah|looks (good|right)|that'?s (it|mine|right)|i accept|confirm(ed)?|"
                    r"perfect|great|sounds (good|right)|it is|it'?s mine|agreed|ok(ay)?)\b", re.I)
REJECT = re.compile(r"^\s*(reject(ed)?|no\b|nope|not mine|set it aside|scrap|drop it|it doesn'?t feel|it isn'?t|that'?s not)", re.I)
FIELD = re.compile(r"^\s*(statement|goal|specific|measurable|achievable|relevant|time[- _]?bound|when)\s*[:=-]\s*(.+)$", re.I | re.M)
FIELD_NAMES = {"goal": "statement", "when": "time_bound", "time bound": "time_bound", "time-bound": "time_bound",
               "timebound": "time_bound", "time_bound": "time_bound"}


def decision(value) -> tuple[str, str]:
    """('accept'|'reject'|'edit', the person's words) from a button payload or free text."""
    if isinstance(value, dict):
        return value.get("action", "edit"), value.get("text", "")
    text = str(value or "")
    if text.lower().startswith("edit:"):
        return "edit", text[5:].strip()
    if REJECT.match(text):
        return "reject", text
    if ACCEPT.match(text):
        return "accept", text
    return "edit", text


async def confirm(state: CoachState, runtime: Runtime[Deps]) -> dict:
    value = interrupt({"draft": state.get("draft", {}), "options": ["accept", "edit", "reject"]})
    action, words = decision(value)
    update = take_in(state, words or action, runtime.context.settings.max_message_chars)
    library = runtime.context.library
    draft = dict(state.get("draft", {}))
    if action == "accept":
        draft["yours"] = f"Confirmed in your words: “{clip_words(words or 'accept', 20)}”"
        update["draft"] = draft
        q = library.question("actions", "actions")
        update["move"] = move("actions_ask", phase="actions", question=q, reflect=False,
                              preface="Thank you. The goal is yours, as you wrote it.", reason="accepted: their first actions",
                              pending={"kind": "actions", "key": "actions"})
        update["phase"] = "actions"
    elif action == "reject":
        update["draft"] = {}
        update["focus_goal"] = None
        update["examined"] = []
        q = library.question("invite", "invite")
        update["move"] = move("rejected", phase="explore", question=q, reflect=False, preface=load_prompt("rejected"),
                              reason="draft set aside by the person", pending={"kind": "invite", "key": "invite"})
        update["phase"] = "explore"
    else:
        edits = {FIELD_NAMES.get(k.lower(), k.lower()): clip_words(v.strip(), 40) for k, v in FIELD.findall(words)}
        if not edits and words.strip():
            edits = {"statement": clip_words(words.strip(), 40), "specific": clip_words(words.strip(), 40)}
        draft.update(edits)
        update["draft"] = draft
        text = load_prompt("draft", kind=draft.get("kind", "developmental"), **{k: draft.get(k, "") for k in
                           ("statement", "specific", "measurable", "achievable", "relevant", "time_bound")})
        update["move"] = move("present_draft", phase="confirm", reflect=False, preface=text, reason="edited by the person",
                              question_text=load_prompt("draft_question"), pending=None)
        update["phase"] = "confirm"
    update["pending"] = update["move"]["pending"]
    return update
