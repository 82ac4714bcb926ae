"""The Chainlit app. It only translates between Chainlit and the graph; coaching lives in assistant/graph."""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack

import chainlit as cl

from assistant.coach import Coach, open_coach
from assistant.llm import LLMError
from assistant.settings import get_settings

log = logging.getLogger(__name__)

PROFILES = {
    "Self-coaching": "Explore who you are and want to become, examine goals you arrived with, and draft your own.",
    "Session prep": "For mentors: prepare a session around a mentee's shared goals, without arriving with answers.",
    "Transcript review": "For trainers: review a mentoring or coaching transcript for imposed goals and advice.",
}
STARTERS = [
    ("Someone else's goal", "My manager wants me to get a certification by June, and I'm not sure it's what I want."),
    ("No idea yet", "I don't really know what I want from my career right now."),
    ("Too many goals", "I want to get promoted, run a marathon and learn Spanish this year."),
    ("Just tell me", "Just tell me what my goal should be."),
]

_stack = AsyncExitStack()
_coach: Coach | None = None
_lock = asyncio.Lock()


async def coach() -> Coach:
    """One coach per app process: the model, the index and the checkpointer are shared by every conversation."""
    global _coach
    async with _lock:
        if _coach is None:
            _coach = await _stack.enter_async_context(open_coach(get_settings()))
    return _coach


@cl.on_app_shutdown
async def shutdown() -> None:
    await _stack.aclose()


@cl.set_chat_profiles
async def chat_profiles(user: cl.User | None = None, language: str | None = None):
    return [cl.ChatProfile(name=name, markdown_description=text, default=(name == "Self-coaching"))
            for name, text in PROFILES.items()]


@cl.set_starters
async def starters(user: cl.User | None = None, language: str | None = None):
    return [cl.Starter(label=label, message=message) for label, message in STARTERS]


def _user_id() -> str:
    user = cl.user_session.get("user")
    return user.identifier if user else "local"


@cl.on_chat_start
async def start() -> None:
    try:
        c = await coach()
    except LLMError as exc:
        await cl.ErrorMessage(content=f"Waymark can't reach its model: {exc}").send()
        return
    endpoint = c.deps.llm.endpoint
    if not endpoint.on_machine:
        await cl.Message(content=f"Note: replies come from a hosted model at {endpoint.base_url}. "
                                 "Names, emails and phone numbers are redacted before text is sent.").send()
    profile = cl.user_session.get("chat_profile") or "Self-coaching"
    if profile != "Self-coaching":
        await cl.Message(content=f"**{profile}** is being built. For now, the Self-coaching conversation is ready.").send()


async def run_turn(text: str) -> None:
    c = await coach()
    thread_id = cl.context.session.thread_id
    msg = cl.Message(content="")

    async def on_event(event: dict) -> None:
        if "replace" in event:
            msg.content = event["replace"]
            await msg.update()
        elif event.get("token"):
            await msg.stream_token(event["token"])

    try:
        result = await c.turn(thread_id, _user_id(), text, on_event)
    except LLMError as exc:
        await cl.ErrorMessage(content=f"The model did not answer ({exc}). Your message is kept; try again.").send()
        return
    if not msg.content:
        msg.content = result.assistant
    await msg.send()
    await show_steps(result)
    if result.awaiting:
        await cl.Message(content="Choose, or type your own changes:", actions=[
            cl.Action(name="draft_decision", payload={"action": "accept"}, label="Accept — it's mine"),
            cl.Action(name="draft_edit", payload={}, label="Edit a part"),
            cl.Action(name="draft_decision", payload={"action": "reject"}, label="Set it aside"),
        ]).send()


async def show_steps(result) -> None:
    guard = result.imposition
    async with cl.Step(name="Non-imposition guard", type="tool", default_open=False) as step:
        caught = "; ".join(guard["caught"]) or "nothing"
        step.output = f"Sent reply flagged: {guard['flagged']} (score {guard['score']}). Caught in drafts: {caught}. Action: {guard['action']}."
    if result.retrieved or result.retrieval_note:
        async with cl.Step(name="Guidance used", type="retrieval", default_open=False) as step:
            lines = [f"- {r['title']} (`{r['id']}`)" for r in result.retrieved]
            if result.retrieval_note and "not loaded" not in result.retrieval_note:
                lines.append(f"\n_{result.retrieval_note}_")
            step.output = "\n".join(lines) or "none"


@cl.on_message
async def on_message(message: cl.Message) -> None:
    await run_turn(message.content)


@cl.action_callback("draft_decision")
async def on_decision(action: cl.Action) -> None:
    await action.remove()
    await run_turn(action.payload["action"])


@cl.action_callback("draft_edit")
async def on_edit(action: cl.Action) -> None:
    await action.remove()
    answer = await cl.AskUserMessage(content='Which part would you like to change? For example "measurable: ...".',
                                     timeout=600).send()
    if answer:
        await run_turn("edit: " + answer["output"])
