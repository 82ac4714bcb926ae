"""The Chainlit app. It only translates between Chainlit and Waymark's graph and pipelines; no coaching lives here."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import shutil
from contextlib import AsyncExitStack
from pathlib import Path

import chainlit as cl
import plotly.graph_objects as go
from chainlit.context import local_steps
from chainlit.server import app as web_app
from starlette.responses import JSONResponse
from starlette.routing import Route

from assistant.coach import Coach, open_coach
from assistant.llm import LLMError
from assistant.prompts import load_prompt
from assistant.services import Services
from assistant.usecases import delete_person, export_person, forget
from assistant.settings import get_settings
from assistant.users import load_users, verify

log = logging.getLogger(__name__)

PROFILES = {
    "Self-coaching": "Explore who you are and want to become, examine goals you arrived with, and draft your own.",
    "Session prep": "For mentors: prepare a session around a mentee's shared goals, without arriving with answers.",
    "Transcript review": "For trainers: review a mentoring or coaching transcript for imposed goals and advice.",
    "Guidance library": "For mentors and programme admins: add your programme's own documents to the guidance Waymark draws on.",
}
STARTERS = [
    ("Someone else's goal", "My manager wants me to get a certification by June, and I'm not sure it's what I want."),
    ("No idea yet", "I don't really know what I want from my career right now."),
    ("Too many goals", "I want to get promoted, run a marathon and learn Spanish this year."),
    ("Just tell me", "Just tell me what my goal should be."),
]
DOCUMENT_TYPES = {"text/markdown": [".md", ".markdown"], "text/plain": [".txt"], "application/pdf": [".pdf"],
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"]}
TRANSCRIPT_TYPES = {"text/plain": [".txt"], "text/vtt": [".vtt"], "application/x-subrip": [".srt"],
                    "application/json": [".json"], "text/csv": [".csv"]}
DISCLOSURE = ("Hello, I'm Waymark, an AI companion for goal-setting — not a therapist or a crisis service. "
              "{where} Mentors only see goals you choose to share. I'll ask more than I tell: your goals stay yours.")

def asks(callback):
    """Action callbacks run inside an HTTP request; one that waits for the person must not hold that request open."""
    async def start(action: cl.Action) -> None:
        asyncio.get_running_loop().create_task(callback(action))  # the task copies Chainlit's context

    start.__name__ = callback.__name__
    return start


_stack = AsyncExitStack()
_coach: Coach | None = None
_lock = asyncio.Lock()
_ready = asyncio.Event()  # set once a turn can be served: models loaded, index open, reader warm
NOTE_AFTER_S = 1.0  # how long a page waits for the warm-up before it is told why it waits


async def coach() -> Coach:
    """One coach per app process: the model, the index and the checkpointer are shared by every conversation."""
    global _coach
    async with _lock:
        if _coach is None:
            _coach = await _stack.enter_async_context(open_coach(get_settings()))
            await _coach.warm()
            _ready.set()
    return _coach


async def ready_endpoint(request) -> JSONResponse:
    """GET /ready: 200 once a turn can be served, 503 while the models load. `waymark serve`, the browser tests
    and the benchmark wait on it."""
    return JSONResponse({"ready": _ready.is_set()}, status_code=200 if _ready.is_set() else 503)


# Chainlit serves its page from a catch-all route; ours goes in front of it.
web_app.router.routes.insert(0, Route("/ready", ready_endpoint, methods=["GET"]))


@cl.on_app_startup
async def warm_up() -> None:
    """Load the model seam, the embedding models and the index before the first person arrives."""
    asyncio.get_running_loop().create_task(coach())


@cl.on_app_shutdown
async def shutdown() -> None:
    await _stack.aclose()


def _async_url(url: str) -> str:
    return url.replace("sqlite:///", "sqlite+aiosqlite:///", 1) if url.startswith("sqlite:///") else url


if load_users(get_settings()):  # with a users file, every page and socket needs a signed-in person

    @cl.data_layer
    def data_layer():
        """Chat history for the browser, in the same database as goals (its tables come from our migrations)."""
        from chainlit.data.sql_alchemy import SQLAlchemyDataLayer

        from assistant.goals import GoalStore

        settings = get_settings()
        GoalStore(settings.goals_url)  # applies the migrations, Chainlit's tables included
        return SQLAlchemyDataLayer(conninfo=_async_url(settings.goals_url))

    @cl.on_chat_resume
    async def resume(thread: dict) -> None:
        """The browser shows the history; the graph's own checkpoint under the same thread id holds the state."""
        meta = thread.get("metadata") or {}
        meta = json.loads(meta) if isinstance(meta, str) else meta  # stored as text, for SQLite
        cl.user_session.set("chat_profile", meta.get("chat_profile") or "Self-coaching")

    @cl.password_auth_callback
    def sign_in(username: str, password: str) -> cl.User | None:
        user = verify(get_settings(), username, password)
        return cl.User(identifier=username, metadata={"role": user["role"]}) if user else None


@cl.set_chat_profiles
async def chat_profiles(user: cl.User | None = None, language: str | None = None):
    return [cl.ChatProfile(name=name, markdown_description=text, default=(name == "Self-coaching"))
            for name, text in PROFILES.items()]


@cl.set_starters
async def starters(user: cl.User | None = None, language: str | None = None):
    return [cl.Starter(label=label, message=message) for label, message in STARTERS]


def _user() -> tuple[str, str]:
    user = cl.user_session.get("user")
    return (user.identifier, (user.metadata or {}).get("role", "mentee")) if user else ("local", "mentee")


def _may(*roles: str) -> bool:
    """Whether the signed-in person has one of these roles; in single-person mode (no accounts) they do."""
    return _user()[1] in roles or not load_users(get_settings())


def _profile() -> str:
    return cl.user_session.get("chat_profile") or "Self-coaching"


async def _say_why_it_waits() -> cl.Message | None:
    """While the models load (a minute or more on a fresh machine), a note on the page says why it waits; returns
    it, to be removed when the wait ends.

    The page may open a second socket after its first (once it knows the chat profile) and clear what the first
    one received: the session then moves to the new socket, and the note is said again there."""
    session = cl.context.session
    note, said_on = None, None
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(_ready.wait(), timeout=NOTE_AFTER_S)  # nearly ready: no note flashes by
    try:
        while not _ready.is_set():
            if session.socket_id != said_on:
                note, said_on = cl.Message(content=load_prompt("getting_ready")), session.socket_id
                await note.send()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_ready.wait(), timeout=0.5)
    except asyncio.CancelledError:
        pass
    return note


@contextlib.contextmanager
def _top_level():
    """Messages said inside hang at the top of the page, not under Chainlit's "on_chat_start" step: a page that
    reconnects as it opens never receives that step and drops every message under it, leaving the page blank.
    (Not for AskFileMessage, which Chainlit files under its parent step.)"""
    token = local_steps.set(None)
    try:
        yield
    finally:
        local_steps.reset(token)


@cl.on_chat_start
async def start() -> None:
    with _top_level():
        saying = asyncio.create_task(_say_why_it_waits())
        try:
            c = await coach()
        except LLMError as exc:
            await cl.ErrorMessage(content=f"Waymark can't reach its model: {exc}").send()
            return
        finally:
            saying.cancel()
            waiting = await asyncio.gather(saying, return_exceptions=True)
        if isinstance(waiting[0], cl.Message):
            await waiting[0].remove()
    endpoint = c.deps.llm.endpoint
    where = ("Everything stays on this machine." if endpoint.on_machine else
             f"**Replies come from a hosted model at {endpoint.base_url}**; names, emails and phone numbers are "
             "redacted before text is sent. Your goals and history are stored on this machine.")
    profile = _profile()
    if profile == "Transcript review":
        await review_upload()
    elif profile == "Session prep":
        await prep_start()
    elif profile == "Guidance library":
        await library_upload()
    else:
        with _top_level():
            await cl.Message(content=DISCLOSURE.format(where=where), actions=[
                cl.Action(name="show_goals", payload={}, label="Your goals"),
                cl.Action(name="show_memory", payload={}, label="What you remember"),
            ]).send()


# -- Self-coaching -----------------------------------------------------------------------------

async def run_turn(text: str) -> None:
    c = await coach()
    name, _ = _user()
    thread_id = cl.user_session.get("waymark_thread") or cl.context.session.thread_id
    msg = cl.Message(content="")

    async def on_event(event: dict) -> None:
        if "replace" in event:
            msg.content = event["replace"]
            await msg.update()
        elif event.get("token"):
            await msg.stream_token(event["token"])

    try:
        result = await c.turn(thread_id, name, text, on_event)
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
    name = "Checked: no advice or goal imposed" if not guard["flagged"] else "Checked: reply replaced to avoid imposing"
    async with cl.Step(name=name, type="tool", default_open=False) as step:
        caught = "; ".join(guard["caught"]) or "nothing"
        step.output = (f"The reply was checked before it was sent: flagged {guard['flagged']} (score {guard['score']}). "
                       f"Caught on the way: {caught}. Action: {guard['action']}. Why this move: {result.move.get('reason', '')}.")
    if result.retrieved or result.retrieval_note:
        async with cl.Step(name="Guidance drawn on", type="retrieval", default_open=False) as step:
            lines = [f"- {r['title']} (`{r['id']}`)" for r in result.retrieved]
            if result.retrieval_note and "not loaded" not in result.retrieval_note:
                lines.append(f"\n_{result.retrieval_note}_")
            step.output = "\n".join(lines) or "none"


@cl.on_message
async def on_message(message: cl.Message) -> None:
    profile = _profile()
    if profile == "Transcript review":
        await review_upload()
    elif profile == "Session prep" and not cl.user_session.get("prep_mentee"):
        await prep_for(message.content.strip())
    elif profile == "Session prep":
        await prep_message(message.content)
    elif profile == "Guidance library":
        await library_upload()
    else:
        await run_turn(message.content)


@cl.action_callback("draft_decision")
async def on_decision(action: cl.Action) -> None:
    await action.remove()
    await run_turn(action.payload["action"])


@cl.action_callback("draft_edit")
@asks
async def on_edit(action: cl.Action) -> None:
    await action.remove()
    answer = await cl.AskUserMessage(content='Which part would you like to change? For example "measurable: ...".',
                                     timeout=600).send()
    if answer:
        await run_turn("edit: " + answer["output"])


@cl.action_callback("show_goals")
async def on_show_goals(action: cl.Action) -> None:
    c = await coach()
    name, _ = _user()
    goals = await asyncio.to_thread(c.deps.goals.list_goals, name)
    if not goals:
        await cl.Message(content="No goals saved yet. They appear here once you've drafted and confirmed one.").send()
        return
    lines = []
    for g in goals:
        actions = "; ".join(f"{'✓' if a['done'] else '○'} {a['text']} (by {a['due']})" for a in g["actions"])
        lines.append(f"**{g['statement']}** — {g['kind']}, {g['status']}, next check-in {g['next_check_in']}"
                     + (f"\n  First actions: {actions}" if actions else ""))
    fig = go.Figure()
    for g in goals:
        if g["check_ins"]:
            fig.add_trace(go.Scatter(x=[c["on"] for c in g["check_ins"]], y=[c["progress"] for c in g["check_ins"]],
                                     mode="lines+markers", name=g["statement"][:40]))
    fig.update_layout(title="Progress at each check-in", yaxis={"range": [0, 100], "title": "%"}, height=320)
    elements = [cl.Plotly(name="progress", figure=fig, display="inline")] if fig.data else []
    await cl.Message(content="\n\n".join(lines), elements=elements).send()


@cl.action_callback("show_memory")
async def on_show_memory(action: cl.Action) -> None:
    c = await coach()
    name, _ = _user()
    memory = c.deps.memory
    facts = await asyncio.to_thread(memory.profile, name)
    learning = await asyncio.to_thread(memory.learning, name)
    lines = [f"Learning is **{'on' if learning else 'paused'}**. Everything below came from your own words; "
             "it is stored on this machine and mentors never see it."]
    lines += [f"- #{f['id']} ({f['field']}) {f['text']} — from “{f['source_words'][:100]}”, {f['at'][:10]}" for f in facts] or \
             ["- Nothing yet."]
    actions = [cl.Action(name="forget_item", payload={"id": f["id"]}, label=f"Forget: {f['text'][:30]}") for f in facts[:10]]
    actions.append(cl.Action(name="toggle_learning", payload={"on": not learning},
                             label="Resume learning" if not learning else "Pause learning"))
    actions += [cl.Action(name="correct_item", payload={}, label="Correct an item"),
                cl.Action(name="export_all", payload={}, label="Export everything"),
                cl.Action(name="delete_all", payload={}, label="Delete everything")]
    await cl.Message(content="\n".join(lines) + "\n\nYou can also type, for example, “forget what I said about my manager”.",
                     actions=actions).send()


@cl.action_callback("forget_item")
async def on_forget_item(action: cl.Action) -> None:
    c = await coach()
    name, _ = _user()
    await forget(Services.of_coach(c), name, fact_id=action.payload["id"])
    await action.remove()
    await cl.Message(content="Forgotten, and it won't be learned again.").send()


@cl.action_callback("correct_item")
@asks
async def on_correct_item(action: cl.Action) -> None:
    c = await coach()
    name, _ = _user()
    answer = await cl.AskUserMessage(content="Which item, and how should it read? For example “3: my manager supports me”.",
                                     timeout=600).send()
    if not answer:
        return
    number, _, text = answer["output"].partition(":")
    try:
        fact = await asyncio.to_thread(c.deps.memory.correct, name, int(number.strip().lstrip("#")), text.strip())
    except (ValueError, KeyError):
        await cl.Message(content="I couldn't find that item number; “What you remember” lists them.").send()
        return
    await cl.Message(content=f"Corrected: “{fact['text']}”.").send()


@cl.action_callback("export_all")
async def on_export_all(action: cl.Action) -> None:
    import json as _json

    from assistant.memory.export import to_markdown

    c = await coach()
    name, _ = _user()
    data = await export_person(Services.of_coach(c), name)
    await cl.Message(content="Everything Waymark holds about you:", elements=[
        cl.File(name=f"waymark-{name}.json", content=_json.dumps(data, ensure_ascii=False, indent=1).encode(),
                display="inline", mime="application/json"),
        cl.File(name=f"waymark-{name}.md", content=to_markdown(data).encode(), display="inline", mime="text/markdown"),
    ]).send()


@cl.action_callback("delete_all")
@asks
async def on_delete_all(action: cl.Action) -> None:
    c = await coach()
    name, _ = _user()
    sure = await cl.AskActionMessage(
        content="Delete everything Waymark holds about you — conversations, goals, check-ins and what it remembers? "
                "Export first if you want a copy. This cannot be undone.",
        actions=[cl.Action(name="yes", payload={"value": "yes"}, label="Delete everything"),
                 cl.Action(name="no", payload={"value": "no"}, label="Keep it")], timeout=600).send()
    if not sure or sure.get("payload", {}).get("value") != "yes":
        await cl.Message(content="Nothing was deleted.").send()
        return
    counts = await delete_person(Services.of_coach(c), name)
    await cl.Message(content="Deleted: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()) + ".").send()


@cl.action_callback("toggle_learning")
async def on_toggle_learning(action: cl.Action) -> None:
    c = await coach()
    name, _ = _user()
    await asyncio.to_thread(c.deps.memory.set_learning, name, action.payload["on"])
    await cl.Message(content="Learning resumed." if action.payload["on"] else "Learning paused: I won't add anything new.").send()


# -- Transcript review ---------------------------------------------------------------------------

async def review_upload() -> None:
    from assistant.review.parse import TranscriptError, read_transcript
    from assistant.review.report import html_report, markdown, timeline_png
    from assistant.review.review import review

    files = await cl.AskFileMessage(
        content="Upload a transcript to review: text with speaker labels, Zoom or Teams WebVTT, SRT, JSON or CSV (up to 5 MB).",
        accept=TRANSCRIPT_TYPES, max_size_mb=5, timeout=3600).send()
    if not files:
        return
    upload = files[0]
    try:
        result = await asyncio.to_thread(review, read_transcript(Path(upload.path)))
    except TranscriptError as exc:
        await cl.ErrorMessage(content=f"I couldn't read that transcript: {exc}").send()
        return
    chart = await asyncio.to_thread(timeline_png, result)
    report = await asyncio.to_thread(html_report, result)
    await cl.Message(content=markdown(result), elements=[
        cl.Image(name="timeline", content=chart, display="inline", mime="image/png"),
        cl.File(name="transcript-review.html", content=report.encode(), display="inline", mime="text/html"),
    ]).send()


# -- Guidance library ------------------------------------------------------------------------------

async def library_upload() -> None:
    """A mentor or admin adds a programme document; it is kept in the data folder and indexed like `waymark ingest`."""
    from assistant.knowledge.documents import MAX_BYTES

    if not _may("mentor", "trainer", "admin"):
        await cl.Message(content="Adding documents to the guidance library is for mentors and programme admins.").send()
        return
    c = await coach()
    index = c.deps.retriever.semantic
    if index is None:
        await cl.ErrorMessage(content="The guidance index is unavailable just now, so documents can't be added. "
                                      "Nothing was changed; try again once it is back (`waymark ingest` checks it).").send()
        return
    while True:  # one document at a time, until the person stops uploading
        files = await cl.AskFileMessage(
            content="Upload a document for the guidance library: Markdown, text, PDF or Word (.docx), up to "
                    f"{MAX_BYTES // (1024 * 1024)} MB. Its text is treated as reference material, never as instructions.",
            accept=DOCUMENT_TYPES, max_size_mb=MAX_BYTES // (1024 * 1024), timeout=3600).send()
        if not files:
            return
        await cl.Message(content=await add_document(files[0])).send()


async def add_document(upload) -> str:
    """Keep the file and index it (the same use case as `waymark ingest PATH`); say what happened."""
    from assistant.usecases import add_document as add

    added = await asyncio.to_thread(add, Services.of_coach(await coach()), Path(upload.path), upload.name)
    if not added.ok:
        return f"I couldn't add that document: {added.problem}. The library is unchanged."
    check = f" A search for its opening words now finds **{added.found_title}**." if added.found_title else ""
    plural = "s" if added.passages != 1 else ""
    status = (f"Added **{added.title}** ({added.passages} passage{plural})." if added.changed
              else f"**{added.title}** was already in the library, unchanged.")
    return status + check


# -- Session prep ----------------------------------------------------------------------------------

_prep_graph = None


async def prep_graph():
    """The mentor's own conversation graph, on its own checkpoints: never the mentee's self-coaching graph."""
    global _prep_graph
    if _prep_graph is None:
        from assistant.graph.checkpoint import open_checkpointer
        from assistant.prep.conversation import build_prep_graph

        _prep_graph = build_prep_graph(await _stack.enter_async_context(open_checkpointer(get_settings())))
    return _prep_graph


async def prep_start() -> None:
    if not _may("mentor", "trainer"):
        await cl.Message(content="Session prep is for mentors. Your account is a mentee account.").send()
        return
    await show_mentees()
    await cl.Message(content="Which mentee are you preparing to meet? Choose above, or type their name.").send()


async def show_mentees() -> None:
    """My mentees: who needs attention first, a small chart each, and a button to prepare."""
    from assistant.prep.mentees import overview, to_markdown

    c = await coach()
    mentor, _ = _user()
    rows = await asyncio.to_thread(overview, c.deps.goals, mentor)
    elements, actions = [], []
    for r in rows:
        fig = go.Figure()
        for g in r["goals"]:
            if g["progress"]:
                fig.add_trace(go.Scatter(y=g["progress"], mode="lines+markers", name=g["statement"][:30]))
        if fig.data:
            fig.update_layout(title=f"{r['mentee']}: progress at each check-in", yaxis={"range": [0, 100], "title": "%"},
                              height=220, margin={"t": 40, "b": 20, "l": 40, "r": 10}, showlegend=False)
            elements.append(cl.Plotly(name=f"progress-{r['mentee']}", figure=fig, display="inline"))
        actions.append(cl.Action(name="prepare_for", payload={"mentee": r["mentee"]}, label=f"Prepare for {r['mentee']}"))
    await cl.Message(content=to_markdown(rows, mentor), elements=elements, actions=actions).send()


@cl.action_callback("prepare_for")
async def on_prepare_for(action: cl.Action) -> None:
    await prep_for(action.payload["mentee"])


async def prep_for(mentee: str) -> None:
    from assistant.prep.plan import NotShared, build_plan, to_html, to_markdown

    c = await coach()
    mentor, _ = _user()
    try:
        plan = await asyncio.to_thread(build_plan, c.deps.goals, c.deps.library, c.deps.retriever,
                                       mentor=mentor, mentee=mentee)
    except NotShared as exc:
        await cl.Message(content=f"{exc} Only goals a mentee chooses to share are visible to their mentor.").send()
        return
    cl.user_session.set("prep_mentee", mentee)
    cl.user_session.set("prep_thread", f"prep-{mentor}-{mentee}-{cl.context.session.thread_id}")
    await cl.Message(content=to_markdown(plan) + "\n\n" + load_prompt("prep_invite", mentee=mentee), elements=[
        cl.File(name=f"session-plan-{mentee}.html", content=to_html(plan).encode(), display="inline", mime="text/html"),
    ]).send()


async def prep_message(text: str) -> None:
    """A mentor's message after the plan: their own prep conversation (approaches, questions, notes)."""
    from assistant.prep.conversation import NotShared, PrepDeps, prep_turn

    c = await coach()
    mentor, _ = _user()
    mentee = cl.user_session.get("prep_mentee")
    deps = PrepDeps(c.deps.goals, c.deps.library, c.deps.retriever)
    try:
        result = await prep_turn(await prep_graph(), deps, mentor=mentor, mentee=mentee, text=text,
                                 thread_id=cl.user_session.get("prep_thread"))
    except NotShared as exc:
        await cl.Message(content=str(exc)).send()
        return
    await cl.Message(content=result["assistant"]).send()
    if result["sources"]:
        async with cl.Step(name="Guidance drawn on", type="retrieval", default_open=False) as step:
            step.output = "\n".join(f"- `{s}`" for s in result["sources"])
