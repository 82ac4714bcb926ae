"""The `waymark` command: how scripts, evals and benchmarks drive the product without a browser."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from assistant.settings import Settings, get_settings
from assistant.users import ROLES


def _fail(message: str, code: int = 2) -> int:
    print(f"waymark: {message}", file=sys.stderr)
    return code


def cmd_serve(args, settings: Settings) -> int:
    from assistant.llm.embedded import EmbeddedModelError, shared_embedded_server

    env = dict(os.environ)
    server = None
    if settings.uses_embedded_model and not settings.embedded_url:
        print("Starting the embedded model (SmolLM2-135M on llama.cpp, on this machine)...", flush=True)
        try:
            server = shared_embedded_server(n_ctx=settings.embedded_ctx, threads=settings.embedded_threads,
                                            log_dir=settings.ensure_data_dir(), timeout_s=settings.embedded_start_timeout_s)
        except EmbeddedModelError as exc:
            return _fail(str(exc))
        env["WAYMARK_EMBEDDED_URL"] = server.base_url
    from assistant.users import auth_secret, load_users

    if load_users(settings):
        # Several workers behind one load balancer must share one secret: a value in the environment wins.
        env.setdefault("CHAINLIT_AUTH_SECRET", auth_secret(settings))
        print("Sign-in required: accounts come from the users file (waymark users add).", flush=True)
    else:
        print("Single-person mode: no users file, so no sign-in (add accounts with `waymark users add`).", flush=True)
    app = Path(__file__).parent / "ui" / "app.py"
    port = str(args.port or settings.port)
    print(f"Waymark will be on http://{settings.host}:{port}", flush=True)
    cmd = [sys.executable, "-m", "chainlit", "run", str(app), "--headless", "--host", settings.host, "--port", port]
    app_proc = subprocess.Popen(cmd, env=env, cwd=Path(__file__).resolve().parent.parent)
    threading.Thread(target=_announce_ready, args=(f"http://{settings.host}:{port}", app_proc), daemon=True).start()
    # Stopping `waymark serve` (a service manager's SIGTERM) must stop the app too, not orphan it on its port.
    signal.signal(signal.SIGTERM, lambda signum, _frame: app_proc.send_signal(signum))
    try:
        return app_proc.wait()
    except KeyboardInterrupt:  # Ctrl-C reached the whole foreground group; let the app finish its shutdown
        app_proc.wait()
        return 0
    finally:
        if server:
            server.stop()


def _announce_ready(url: str, app_proc: subprocess.Popen, every_s: float = 1.0) -> None:
    """Print "ready" once the app can serve a turn (its /ready answers 200), not merely once it listens."""
    import httpx

    print("Loading the models (about a minute on first start)...", flush=True)
    while app_proc.poll() is None:
        try:
            if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                print(f"Waymark is ready: {url}", flush=True)
                return
        except httpx.HTTPError:
            pass
        time.sleep(every_s)


async def _replay(args, settings: Settings) -> int:
    from assistant.coach import open_coach
    from assistant.llm import LLMError
    from assistant.replay import ScriptError, load_turns, render, replay

    try:
        turns = load_turns(Path(args.file))
    except ScriptError as exc:
        return _fail(str(exc))
    try:
        async with open_coach(settings) as coach:
            results, goals = await replay(coach, turns, user=args.user, thread_id=args.thread)
    except LLMError as exc:
        return _fail(str(exc))
    print(render(results, goals, as_json=args.json))
    return 0


def cmd_ingest(args, settings: Settings) -> int:
    from tqdm import tqdm

    from assistant.knowledge.documents import SUPPORTED, DocumentError, document_chunks
    from assistant.knowledge.index import SemanticIndex, chroma_client
    from assistant.knowledge.library import Library
    from assistant.knowledge.notes import NoteError

    try:
        library = Library.from_folder(settings.knowledge_dir)
    except NoteError as exc:
        return _fail(f"the guidance library has a broken note: {exc}")
    quiet = args.json
    if not quiet:
        print(f"Loading the embedding model and the index at {settings.chroma_host or settings.chroma_path} ...", flush=True)
    try:
        index = SemanticIndex(chroma_client(settings), settings.guidance_embedder)
    except Exception as exc:
        return _fail(f"cannot open the guidance index: {exc}")
    report = index.sync_library(library, progress=lambda xs: tqdm(xs, desc="guidance notes", unit="note", disable=quiet))
    files: list[Path] = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        elif path.exists():
            files.append(path)
        else:
            report.skipped.append(f"{raw}: no such file or folder")
    # Documents uploaded in the UI are kept in the data folder; taking them in on every ingest means a new
    # or rebuilt index (say, after switching the guidance embedder) still holds them.
    if settings.documents_dir.is_dir():
        files += sorted(p for p in settings.documents_dir.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED)
    files = list({p.resolve(): p for p in files}.values())
    for path in tqdm(files, desc="your documents", unit="file", disable=quiet or not files):
        try:
            note_id, title, chunks, text = document_chunks(path)
            if index.add_document(note_id, title, chunks, text):
                report.added += 1
            else:
                report.unchanged += 1
            report.chunks += len(chunks)
        except DocumentError as exc:
            report.skipped.append(str(exc))
    summary = {**report.as_dict(), "indexed_chunks": index.count()}
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"Indexed: {report.added} new or changed, {report.unchanged} unchanged, {report.removed} removed; "
              f"{summary['indexed_chunks']} chunks in the index.")
        for line in report.skipped:
            print(f"  skipped {line}")
    return 0


def cmd_search(args, settings: Settings) -> int:
    from assistant.knowledge.index import open_index
    from assistant.knowledge.library import Library
    from assistant.knowledge.retriever import Retriever

    library = Library.from_folder(settings.knowledge_dir)
    retriever = Retriever(library, open_index(settings, library))
    result = retriever.search(args.query, phase=args.phase, stage=args.stage, k=args.k)
    rows = [{"id": p.note_id, "chunk": p.id, "title": p.title, "score": round(p.score, 4), "text": p.text}
            for p in result.passages]
    if args.json:
        print(json.dumps({"query": args.query, "results": rows, "degraded": result.degraded}, ensure_ascii=False))
        return 0
    if result.degraded:
        print(f"({result.degraded})")
    for i, r in enumerate(rows, start=1):
        print(f"{i}. {r['title']}  [{r['id']}]  score {r['score']}\n   {r['text'][:300].replace(chr(10), ' ')}\n")
    return 0


def cmd_review(args, settings: Settings) -> int:
    from tqdm import tqdm

    from assistant.review.parse import TranscriptError, read_transcript
    from assistant.review.report import html_report, markdown
    from assistant.review.review import review

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if args.json:
            return
        if bar is None:
            bar = tqdm(total=total, desc="helper turns", unit="turn", file=sys.stderr)
        bar.update(done - bar.n)

    try:
        result = review(read_transcript(Path(args.file)), helper=args.helper, progress=progress)
    except TranscriptError as exc:
        return _fail(str(exc))
    finally:
        if bar is not None:
            bar.close()
    if args.html:
        Path(args.html).write_text(html_report(result), encoding="utf-8")
    if args.md:
        Path(args.md).write_text(markdown(result), encoding="utf-8")
    if args.json:
        keys = ("helper", "helper_detection", "utterances", "metrics", "miti", "goals", "flagged", "strengths")
        print(json.dumps({k: result[k] for k in keys}, ensure_ascii=False))
    else:
        print(markdown(result))
    return 0


async def _eval(args, settings: Settings) -> int:
    import re
    from dataclasses import asdict
    from datetime import date

    from assistant.coach import open_coach
    from assistant.llm import LLMError
    from evals import report as eval_report
    from evals.runner import aggregate, load_scenarios, run_naive, run_waymark, score_run

    if args.model:
        settings = settings.model_copy(update={"model": args.model})
    scenarios = load_scenarios(args.suite)
    runs: dict = {}
    try:
        async with open_coach(settings) as coach:
            model = await coach.deps.llm.model_name()
            for i, scenario in enumerate(scenarios, start=1):
                if not args.json:
                    print(f"[{i}/{len(scenarios)}] {scenario['id']}", file=sys.stderr, flush=True)
                pair = {"waymark": await run_waymark(coach, scenario), "naive": await run_naive(coach.deps.llm, scenario)}
                runs[scenario["id"]] = {k: {"turns": [asdict(t) for t in r.turns], "goals": r.goals, "score": score_run(r)}
                                        for k, r in pair.items()}
    except LLMError as exc:
        return _fail(str(exc))
    systems = {name: aggregate([r[name]["score"] for r in runs.values()]) for name in ("waymark", "naive")}
    summary = {"model": model, "suite": args.suite, "scenarios": len(scenarios), "systems": systems}
    stem = f"{date.today().isoformat()}-{re.sub(r'[^A-Za-z0-9.-]+', '-', model)[:40]}-{args.suite}"
    path = eval_report.write(summary, runs, Path(args.out), stem)
    if not args.json:
        print(f"report: {path}", file=sys.stderr)
    print(json.dumps({"model": model, "scenarios": len(scenarios), "systems": systems}))
    return 0


def cmd_goals(args, settings: Settings) -> int:
    from assistant.goals import GoalStore, GoalStoreError, NotYours
    from assistant.goals.export import to_ics, to_markdown

    try:
        store = GoalStore(settings.goals_url)
        if args.action == "list":
            goals = store.list_goals(args.user)
            if args.json:
                print(json.dumps(goals, ensure_ascii=False))
            else:
                for g in goals:
                    print(f"#{g['id']} [{g['status']}] ({g['kind']}) {g['statement']} — next check-in {g['next_check_in']}")
                if not goals:
                    print(f"No goals for {args.user}.")
        elif args.action == "show":
            goal = store.get_goal(args.user, args.id)
            print(json.dumps(goal, ensure_ascii=False) if args.json else to_markdown(args.user, [goal]))
        elif args.action == "export":
            goals = store.list_goals(args.user)
            data = to_ics(args.user, goals) if args.format == "ics" else to_markdown(args.user, goals).encode()
            if args.out:
                Path(args.out).write_bytes(data)
                print(f"wrote {args.out}")
            else:
                sys.stdout.write(data.decode())
        elif args.action == "share":
            store.share(args.user, args.id, args.mentor)
            print(f"goal {args.id} is now visible to {args.mentor}")
        elif args.action == "delete":
            goal = store.get_goal(args.user, args.id)
            backup = settings.ensure_data_dir() / f"deleted-goal-{args.user}-{args.id}.md"
            backup.write_text(to_markdown(args.user, [goal]), encoding="utf-8")
            if not args.yes:
                return _fail(f"deleting goal {args.id} needs --yes (an export was written to {backup})")
            store.delete_goal(args.user, args.id)
            print(f"deleted goal {args.id}; its export is at {backup}")
    except NotYours as exc:
        return _fail(str(exc))
    except GoalStoreError as exc:
        return _fail(str(exc))
    return 0


def cmd_prep(args, settings: Settings) -> int:
    from assistant.goals import GoalStore, GoalStoreError
    from assistant.knowledge.index import open_index
    from assistant.knowledge.library import Library
    from assistant.knowledge.retriever import Retriever
    from assistant.prep.plan import NotShared, build_plan, to_html, to_markdown

    try:
        store = GoalStore(settings.goals_url)
        if args.note:
            store.add_mentor_note(args.mentor, args.mentee, notes=args.note, follow_ups=args.follow_ups or "",
                                  stage=args.stage)
            print(f"note saved for {args.mentee}")
            return 0
        library = Library.from_folder(settings.knowledge_dir)
        plan = build_plan(store, library, Retriever(library, open_index(settings, library)),
                          mentor=args.mentor, mentee=args.mentee, stage=args.stage)
    except (NotShared, GoalStoreError) as exc:
        return _fail(str(exc))
    if args.out:
        out = Path(args.out)
        out.write_text(to_html(plan) if out.suffix.lower() in (".html", ".htm") else to_markdown(plan), encoding="utf-8")
    print(json.dumps(plan.contract(), ensure_ascii=False) if args.json else to_markdown(plan))
    return 0


def cmd_users(args, settings: Settings) -> int:
    import getpass

    from assistant.users import add_user, load_users

    if args.action == "list":
        for name, user in load_users(settings).items():
            print(f"{name}\t{user['role']}")
        return 0
    password = args.password or getpass.getpass(f"Password for {args.name}: ")
    try:
        add_user(settings, args.name, password, args.role)
    except ValueError as exc:
        return _fail(str(exc))
    print(f"added {args.name} ({args.role})")
    return 0


@contextlib.asynccontextmanager
async def _graph(settings: Settings):
    """The conversation graph over its checkpoints, for reading or deleting a person's conversations."""
    from assistant.graph.build import build_graph
    from assistant.graph.checkpoint import open_checkpointer

    async with open_checkpointer(settings) as saver:
        yield build_graph(saver)


async def _export_person(settings: Settings, memory, user: str) -> dict:
    from assistant.memory.person import export_person

    async with _graph(settings) as graph:
        return await export_person(graph, memory, user)


async def _delete_person(settings: Settings, memory, user: str) -> dict:
    from assistant.memory.person import delete_person

    async with _graph(settings) as graph:
        return await delete_person(graph, memory, user)


def cmd_memory(args, settings: Settings) -> int:
    from assistant.goals import GoalStore
    from assistant.memory.export import to_markdown
    from assistant.memory.profile import Memory

    memory = Memory(GoalStore(settings.goals_url))
    user = args.user
    if args.action == "show":
        facts = memory.profile(user)
        if args.json:
            print(json.dumps({"learning": memory.learning(user), "profile": facts}, ensure_ascii=False))
        else:
            print(f"Learning is {'on' if memory.learning(user) else 'paused'} for {user}.")
            for f in facts:
                print(f"#{f['id']} ({f['field']}) {f['text']}  — from “{f['source_words'][:80]}” {f['at'][:10]}")
        return 0
    if args.action == "edit":
        if args.id is None or not args.text:
            return _fail("memory edit needs an item id and --text")
        try:
            memory.correct(user, args.id, args.text)
        except KeyError as exc:
            return _fail(str(exc))
        print(f"item {args.id} corrected")
        return 0
    if args.action == "forget":
        if args.id is None and not args.about:
            return _fail("memory forget needs an item id or --about TOPIC")
        gone = memory.forget(user, fact_id=args.id, about=args.about)
        if args.about:
            asyncio.run(_scrub(settings, memory, user, [args.about]))
        print(f"forgot {len(gone)} item(s); they will not be learned again")
        return 0
    if args.action in ("pause", "resume"):
        memory.set_learning(user, args.action == "resume")
        print(f"learning {'resumed' if args.action == 'resume' else 'paused'} for {user}")
        return 0
    data = asyncio.run(_export_person(settings, memory, user))
    if args.action == "export" or (args.action == "delete" and args.out):
        out = Path(args.out or f"waymark-{user}-export")
        out.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        out.with_suffix(".md").write_text(to_markdown(data), encoding="utf-8")
        print(f"exported to {out.with_suffix('.json')} and {out.with_suffix('.md')}")
    if args.action == "delete":
        if not args.yes:
            return _fail(f"deleting everything Waymark holds about {user} needs --yes (add --out FILE to export first)")
        counts = asyncio.run(_delete_person(settings, memory, user))
        print(f"deleted everything held about {user}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


async def _scrub(settings: Settings, memory, user: str, topics: list[str]) -> None:
    """Forgetting rewrites checkpoints: it opens the graph over them, never the model or the index."""
    from assistant.memory.person import scrub_conversations

    async with _graph(settings) as graph:
        await scrub_conversations(graph, memory, user, topics)


async def _delete_threads(settings: Settings, threads: list[str]) -> None:
    from assistant.memory.person import delete_conversations

    async with _graph(settings) as graph:
        await delete_conversations(graph, threads)


def cmd_retention(args, settings: Settings) -> int:
    """Delete conversations older than N days; goals, check-ins and the profile are kept."""
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import select

    from assistant.goals import GoalStore
    from assistant.goals.models import Thread

    days = args.days or settings.retention_days
    if not days:
        return _fail("set --days N or WAYMARK_RETENTION_DAYS")
    store = GoalStore(settings.goals_url)
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    with store.session() as s:
        old = [t for t in s.scalars(select(Thread)) if (t.last_at.replace(tzinfo=t.last_at.tzinfo or timezone.utc)) < cutoff]
        ids = [t.thread_id for t in old]
        for t in old:
            s.delete(t)
    asyncio.run(_delete_threads(settings, ids))
    print(json.dumps({"deleted_conversations": len(ids), "older_than_days": days}) if args.json
          else f"deleted {len(ids)} conversation(s) older than {days} days; goals kept")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="waymark", description="Waymark: goal-setting in mentoring, in your own words.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress (never message content)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="start the Chainlit app")
    p.add_argument("--port", type=int, default=None)

    p = sub.add_parser("replay", help="play a mentee's turns through the self-coaching graph")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--user", default="replay", help="whose data this is")
    p.add_argument("--thread", default=None, help="continue this conversation id instead of starting a new one")

    p = sub.add_parser("ingest", help="(re)build the guidance index; add your own documents (uploads kept in the "
                                      "data folder's documents/ are always taken in)")
    p.add_argument("paths", nargs="*", help="files or folders of Markdown, text, PDF or DOCX to add")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="top guidance passages for a query")
    p.add_argument("query")
    p.add_argument("--stage", choices=["early", "mid", "late"], default=None)
    p.add_argument("--phase", choices=["explore", "examine", "draft", "review", "support", "safety"], default=None)
    p.add_argument("-k", type=int, default=3)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("review", help="review a mentoring or coaching transcript")
    p.add_argument("file", help="txt with speaker labels, WebVTT, SRT, JSON or CSV")
    p.add_argument("--helper", default=None, help="the helper's speaker name (detected when absent)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--html", default=None, metavar="OUT", help="also write an HTML report")
    p.add_argument("--md", default=None, metavar="OUT", help="also write a Markdown report")

    p = sub.add_parser("eval", help="run the behavioural evals, Waymark beside a naive chatbot on the same model")
    p.add_argument("--suite", choices=["core", "full"], default="full")
    p.add_argument("--model", default=None, help="model name at the endpoint (default: the embedded model)")
    p.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "evals" / "reports"))
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("goals", help="a person's goal record: list, show, export, share, delete")
    p.add_argument("action", choices=["list", "show", "export", "share", "delete"])
    p.add_argument("id", nargs="?", type=int, help="goal id (show, share, delete)")
    p.add_argument("--user", required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("--format", choices=["md", "ics"], default="md")
    p.add_argument("--out", default=None)
    p.add_argument("--mentor", default=None, help="share: the mentor who may see this goal")
    p.add_argument("--yes", action="store_true", help="delete: confirm")

    p = sub.add_parser("prep", help="a session plan for a mentor, from the goals a mentee shared")
    p.add_argument("--mentee", required=True)
    p.add_argument("--mentor", default=os.environ.get("USER", "mentor"))
    p.add_argument("--stage", choices=["early", "mid", "late"], default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", default=None, help="write Markdown, or print-friendly HTML for .html")
    p.add_argument("--note", default=None, help="record notes after the session instead of planning")
    p.add_argument("--follow-ups", default=None)

    p = sub.add_parser("users", help="accounts for the UI (password sign-in)")
    p.add_argument("action", choices=["add", "list"])
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=list(ROLES), default="mentee")
    p.add_argument("--password", default=None, help="omit to be asked")

    p = sub.add_parser("memory", help="what Waymark remembers about a person: show, edit, forget, export, delete")
    p.add_argument("action", choices=["show", "edit", "forget", "pause", "resume", "export", "delete"])
    p.add_argument("id", nargs="?", type=int)
    p.add_argument("--user", required=True)
    p.add_argument("--text", default=None, help="edit: the corrected wording")
    p.add_argument("--about", default=None, help="forget: every item about this topic")
    p.add_argument("--out", default=None, help="export (or export before delete) to OUT.json and OUT.md")
    p.add_argument("--yes", action="store_true", help="delete: confirm")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("retention", help="delete conversations older than N days (goals are kept); run on a schedule")
    p.add_argument("--days", type=int, default=None)
    p.add_argument("--json", action="store_true")

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if problem := _missing_argument(args):
        return _fail(problem)
    command = COMMANDS[args.command]
    result = command(args, get_settings())
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def _missing_argument(args) -> str | None:
    """Arguments argparse cannot require on its own, because they depend on the action."""
    if args.command == "goals" and args.action in ("show", "share", "delete") and args.id is None:
        return f"goals {args.action} needs a goal id"
    if args.command == "goals" and args.action == "share" and not args.mentor:
        return "goals share needs --mentor NAME"
    if args.command == "users" and args.action == "add" and not args.name:
        return "users add needs a name"
    return None


COMMANDS = {"serve": cmd_serve, "replay": _replay, "ingest": cmd_ingest, "search": cmd_search, "review": cmd_review,
            "goals": cmd_goals, "memory": cmd_memory, "retention": cmd_retention, "users": cmd_users, "prep": cmd_prep,
            "eval": _eval}


if __name__ == "__main__":
    sys.exit(main())
