"""Commands that talk: serve the app, replay a script, run the evals."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

from assistant.cli.common import fail, loading
from assistant.services import Services


def add_parsers(sub) -> None:
    p = sub.add_parser("serve", help="start the Chainlit app")
    p.add_argument("--port", type=int, default=None)
    p.set_defaults(run=serve)

    p = sub.add_parser("replay", help="play a mentee's (or a mentor's) turns through Waymark")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--user", default="replay", help="whose data this is")
    p.add_argument("--thread", default=None, help="continue this conversation id instead of starting a new one")
    p.add_argument("--as", dest="role", choices=["mentee", "mentor"], default="mentee",
                   help="mentor: play a session-prep conversation about --mentee")
    p.add_argument("--mentee", default=None, help="with --as mentor: the mentee being prepared for")
    p.set_defaults(run=replay)

    p = sub.add_parser("eval", help="run the behavioural evals, Waymark beside a naive chatbot on the same model")
    p.add_argument("--suite", choices=["core", "full"], default="full")
    p.add_argument("--model", default=None, help="model name at the endpoint (default: the embedded model)")
    p.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / "evals" / "reports"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-baseline", action="store_true",
                   help="Waymark only: skip the naive chatbot (minutes instead of most of an hour on the embedded model)")
    p.set_defaults(run=run_eval)


def serve(args, services: Services) -> int:
    from assistant.llm.embedded import EmbeddedModelError, shared_embedded_server
    from assistant.users import auth_secret, load_users

    settings = services.settings
    env = dict(os.environ)
    server = None
    if settings.uses_embedded_model and not settings.embedded_url:
        print("Starting the embedded model (SmolLM2-135M on llama.cpp, on this machine)...", flush=True)
        try:
            server = shared_embedded_server(n_ctx=settings.embedded_ctx, threads=settings.embedded_threads,
                                            log_dir=settings.ensure_data_dir(), timeout_s=settings.embedded_start_timeout_s)
        except EmbeddedModelError as exc:
            return fail(str(exc))
        env["WAYMARK_EMBEDDED_URL"] = server.base_url
    if load_users(settings):
        # Several workers behind one load balancer must share one secret: a value in the environment wins.
        env.setdefault("CHAINLIT_AUTH_SECRET", auth_secret(settings))
        print("Sign-in required: accounts come from the users file (waymark users add).", flush=True)
    else:
        print("Single-person mode: no users file, so no sign-in (add accounts with `waymark users add`).", flush=True)
    app = Path(__file__).resolve().parents[1] / "ui" / "app.py"
    port = str(args.port or settings.port)
    url = f"http://{settings.host}:{port}"
    print(f"Waymark will be on {url}", flush=True)
    cmd = [sys.executable, "-m", "chainlit", "run", str(app), "--headless", "--host", settings.host, "--port", port]
    app_proc = subprocess.Popen(cmd, env=env, cwd=Path(__file__).resolve().parents[2])
    threading.Thread(target=announce_ready, args=(url, app_proc), daemon=True).start()
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


def announce_ready(url: str, app_proc: subprocess.Popen, every_s: float = 1.0) -> None:
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


async def replay(args, services: Services) -> int:
    from assistant.llm import LLMError
    from assistant.replay import ScriptError, load_turns, render, replay as play

    try:
        turns = load_turns(Path(args.file))
    except ScriptError as exc:
        return fail(str(exc))
    if args.role == "mentor":
        if not args.mentee:
            return fail("replay --as mentor needs --mentee NAME")
        from assistant.prep.conversation import NotShared, replay_prep

        loading("the guidance index", args.json)
        try:
            lines = await replay_prep(services, mentor=args.user, mentee=args.mentee, turns=turns, as_json=args.json)
        except NotShared as exc:
            return fail(str(exc))
        print(lines)
        return 0
    loading("the models (the reader, the guard, the guidance index and the chat model)", args.json)
    try:
        async with services.coach() as coach:
            results, goals = await play(coach, turns, user=args.user, thread_id=args.thread)
    except LLMError as exc:
        return fail(str(exc))
    print(render(results, goals, as_json=args.json))
    return 0


async def run_eval(args, services: Services) -> int:
    from assistant.llm import LLMError
    from evals import report as eval_report
    from evals.runner import aggregate, load_scenarios, run_naive, run_waymark, score_run

    if args.model:
        services = Services(services.settings.model_copy(update={"model": args.model}))
    scenarios = load_scenarios(args.suite)
    runs: dict = {}
    loading("the models", args.json)
    try:
        async with services.coach() as coach:
            model = await coach.deps.llm.model_name()
            for i, scenario in enumerate(scenarios, start=1):
                if not args.json:
                    print(f"[{i}/{len(scenarios)}] {scenario['id']}", file=sys.stderr, flush=True)
                pair = {"waymark": await run_waymark(coach, scenario)}
                if not args.no_baseline:
                    pair["naive"] = await run_naive(coach.deps.llm, scenario)
                runs[scenario["id"]] = {k: {"turns": [asdict(t) for t in r.turns], "goals": r.goals, "score": score_run(r),
                                            "tags": scenario.get("tags", [])} for k, r in pair.items()}
    except LLMError as exc:
        return fail(str(exc))
    names = ("waymark",) if args.no_baseline else ("waymark", "naive")
    systems = {name: aggregate([r[name]["score"] for r in runs.values()]) for name in names}
    summary = {"model": model, "suite": args.suite, "scenarios": len(scenarios), "systems": systems}
    stem = f"{date.today().isoformat()}-{re.sub(r'[^A-Za-z0-9.-]+', '-', model)[:40]}-{args.suite}" + \
        ("-waymark-only" if args.no_baseline else "")
    path = eval_report.write(summary, runs, Path(args.out), stem)
    if not args.json:
        print(f"report: {path}", file=sys.stderr)
    print(json.dumps({"model": model, "scenarios": len(scenarios), "systems": systems}))
    return 0
