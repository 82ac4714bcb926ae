"""Compose and send the reply: a reflection phrased by the model, checked by the guard, then the graph's question."""

from __future__ import annotations

import logging

from langgraph.config import get_stream_writer
from langgraph.runtime import Runtime

from assistant.graph import signals
from assistant.graph.deps import Deps
from assistant.graph.reflection import first_sentence, template_reflection, usable_reflection
from assistant.graph.state import CoachState
from assistant.guard import check_reply_off_loop as check
from assistant.llm import LLMError
from assistant.prompts import load_prompt

log = logging.getLogger(__name__)

SAFE_QUESTION = "What matters most to you about this?"
PROMPT_CHARS = 1500  # the longest slice of a message the model ever sees


def _emit(text: str = "", replace: str | None = None) -> None:
    try:
        get_stream_writer()({"replace": replace} if replace is not None else {"token": text})
    except RuntimeError:  # outside a streaming run (tests calling the node directly)
        pass


async def _model_reflection(deps: Deps, user_text: str, summary: str) -> tuple[str, list[str], str]:
    """(reflection, reasons caught, action). Rewritten once when the guard flags it; else the template."""
    caught: list[str] = []
    context = f"What you know about the person so far: {summary}" if summary else ""
    messages = [{"role": "system", "content": load_prompt("reflect", context=context)},
                {"role": "user", "content": user_text[:PROMPT_CHARS]}]
    try:
        candidate = await first_sentence(deps.llm.stream_chat(messages, max_tokens=60, temperature=0.2))
    except LLMError as exc:
        log.warning("reflection call failed: %s", exc)
        return template_reflection(user_text), caught, "model_error"
    verdict = await check(candidate)
    if not verdict.flagged:
        return (candidate, caught, "sent") if usable_reflection(candidate, user_text) else (template_reflection(user_text), caught, "template")
    caught += verdict.reasons
    try:
        rewrite = await first_sentence(deps.llm.stream_chat(
            [{"role": "user", "content": load_prompt("rewrite", user=user_text[:PROMPT_CHARS], text=candidate)}],
            max_tokens=60, temperature=0.0))
    except LLMError:
        return template_reflection(user_text), caught, "fallback"
    second = await check(rewrite)
    if not second.flagged and usable_reflection(rewrite, user_text):
        return rewrite, caught, "rewritten"
    caught += second.reasons
    return template_reflection(user_text), caught, "fallback"


def _options_preface(state: CoachState, deps: Deps) -> str:
    options: list[str] = []
    for note in state.get("retrieved", []):
        options += deps.library.options(note["id"])
    options += deps.library.options("advice-with-permission")
    unique = list(dict.fromkeys(options))[:3]
    return load_prompt("options", options="\n".join(f"- {o}" for o in unique))


async def compose(state: CoachState, runtime: Runtime[Deps]) -> dict:
    deps = runtime.context
    chosen = dict(state["move"])
    user_text = state.get("user_text", "")
    kind = chosen["kind"]

    if kind in ("notice", "safety"):
        text = state["notice"] if kind == "notice" else load_prompt("safety")
        _emit(text)
        return _send(state, text, await check(text), [], kind)

    parts: list[str] = []
    caught: list[str] = []
    action = "sent"
    injected = signals.INJECTION.search(user_text) is not None
    if injected:
        parts.append(load_prompt("injection"))
    elif chosen.get("reflect"):
        reflection, caught, action = await _model_reflection(deps, user_text, state.get("summary", ""))
        parts.append(reflection)
    if kind == "options":
        chosen["preface"] = _options_preface(state, deps)
        chosen["question"] = "Which of these, if any, fits you, or what would you do differently?"
    for piece in (chosen.get("preface"), chosen.get("question") or chosen.get("question_text")):
        if piece:
            parts.append(piece)
    if action == "model_error":
        parts.append(load_prompt("notice_model_down"))
    for i, part in enumerate(parts):  # each part has passed the guard (vetted texts are tested to pass it)
        _emit(("\n\n" if i else "") + part)
    reply = "\n\n".join(parts)
    advice_welcome = bool(state.get("advice_welcome")) and kind == "options"
    verdict = await check(reply, advice_welcome=advice_welcome)
    if verdict.flagged:  # the assembled reply still reads as imposing: send the safest reply there is
        caught += verdict.reasons
        question = chosen.get("question") or SAFE_QUESTION
        reply = f"{template_reflection(user_text)}\n\n{question}"
        verdict = await check(reply)
        if verdict.flagged:
            reply = f"{template_reflection(user_text)}\n\n{SAFE_QUESTION}"
            verdict = await check(reply)
        action = "fallback"
        _emit(replace=reply)
    return _send(state, reply, verdict, caught, action, chosen)


def _send(state: CoachState, reply: str, verdict, caught: list[str], action: str, chosen: dict | None = None) -> dict:
    """The reply as the graph records it, with the guard's verdict and what was done to pass it."""
    history = list(state.get("history", [])) + [{"role": "assistant", "content": reply}]
    update = {"reply": reply, "history": history,
              "guard": {**verdict.as_dict(), "caught": caught, "action": action}}
    if chosen is not None:
        update["move"] = chosen
    return update

