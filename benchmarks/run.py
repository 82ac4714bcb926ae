"""Waymark's benchmarks, measured side by side in one run on this machine. Prints tables, then one JSON line.

Run: make bench   (or .venv/bin/python benchmarks/run.py [--quick])
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.coach import open_coach  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from evals.runner import NAIVE_PROMPT, load_scenarios  # noqa: E402
from tests.fake_openai import FakeOpenAIServer  # noqa: E402


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pctl(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


async def embedded_turns(data: Path) -> dict:
    """Turn time and time to the reply on the embedded default (local reader, template writer), beside the naive
    bot's first token on the same model; and the reader's own cost per message."""
    settings = Settings(data_dir=data / "embedded")
    turns = [t for s in load_scenarios("full") if s["id"] in ("manager-goal", "no-idea", "setback") for t in s["turns"]]
    async with open_coach(settings) as coach:
        llm = coach.deps.llm
        await llm.complete([{"role": "user", "content": "warm up"}], max_tokens=4)
        await coach.warm()
        wall, model, first_text, calls = [], [], [], []
        for i, text in enumerate(turns):
            seen: list[float] = []

            async def on_event(e, seen=seen):
                seen.append(time.perf_counter())

            start = time.perf_counter()
            r = await coach.turn(f"bench-{i // 12}", "bench", text, on_event)
            wall.append(r.latency_ms)
            model.append(r.model_ms)
            calls.append(r.llm_calls)
            if seen:
                first_text.append((seen[0] - start) * 1000)
        ttft_n, naive_ms = [], []
        history: list[dict] = []
        for text in turns:
            history.append({"role": "user", "content": text})
            start = time.perf_counter()
            first, out = None, []
            async for tok in llm.stream_chat([{"role": "system", "content": NAIVE_PROMPT}] + history[-12:], max_tokens=200):
                first = first or time.perf_counter() - start
                out.append(tok)
            ttft_n.append(first * 1000)
            naive_ms.append((time.perf_counter() - start) * 1000)
            history.append({"role": "assistant", "content": "".join(out)})
        from assistant.reading import read

        texts = turns * 3
        t = time.perf_counter()
        for text in texts:
            read(text)
        read_ms = (time.perf_counter() - t) * 1000 / len(texts)
        server_rss = 0.0
        from assistant.llm import embedded

        if embedded._server is not None:
            server_rss = rss_mb(embedded._server.process.pid)
        return {
            "turns": len(turns), "turn_ms_p50": statistics.median(wall), "turn_ms_p95": pctl(wall, 0.95),
            "model_ms_per_turn": statistics.mean(model), "llm_calls_per_turn": statistics.mean(calls),
            "reply_ms_p50": statistics.median(first_text), "naive_first_token_ms_p50": statistics.median(ttft_n),
            "naive_whole_reply_ms_p50": statistics.median(naive_ms),
            "reply_ratio": statistics.median(first_text) / statistics.median(ttft_n), "read_ms_per_message": read_ms,
            "rss_app_mb": rss_mb(), "rss_model_server_mb": server_rss,
        }


def first_output(data: Path) -> dict:
    """Seconds from starting a command to its first line of output, in a fresh process (#21): models load each time."""
    script = data / "first.txt"
    script.write_text("I want to lead a team one day.\n")
    transcript = data / "t.txt"
    transcript.write_text("Coach: What would you like to talk about?\nClient: My promotion.\nCoach: What would it give you?\n")
    env = {**os.environ, "WAYMARK_DATA_DIR": str(data / "embedded")}
    out = {}
    for name, args in (("search", ["search", "my boss chose my goal"]), ("review", ["review", str(transcript)]),
                       ("replay", ["replay", str(script)])):
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", *args], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        proc.stdout.readline()
        out[f"{name}_first_output_s"] = round(time.perf_counter() - t, 1)
        proc.wait(timeout=600)
    return out


HELPER_LINES = ["What would you like to talk about today?", "It sounds like the new role has been weighing on you.",
                "You should ask your manager for a clear plan before you say yes.",
                "So on one hand you like the money, but on the other hand the hours worry you?",
                "Would it be all right if I shared what some people in your position have tried?",
                "What matters most to you in how this turns out?"]
PERSON_LINES = ["My manager wants me to take the team lead job.", "I don't know, the hours would be long.",
                "What do you think I should do?", "Yes, go on.", "I want more time with my kids, honestly.",
                "Maybe I could ask for a trial period first."]


def review_100() -> dict:
    """Seconds to review a 100-utterance transcript once the models are loaded (#20: at most 5 s on 2 cores)."""
    from assistant.review.parse import Turn
    from assistant.review.review import review

    turns = [Turn("Coach" if i % 2 == 0 else "Client",
                  (HELPER_LINES if i % 2 == 0 else PERSON_LINES)[(i // 2) % 6] + (f" ({i})" if i >= 12 else ""), i + 1)
             for i in range(100)]
    review(turns[:6])  # load the models
    t = time.perf_counter()
    review(turns)
    return {"review_100_utterances_s": round(time.perf_counter() - t, 2)}


async def long_conversation(data: Path, fake) -> dict:
    """Prompt tokens sent per turn stay bounded: turn 40 against turn 10 of one long conversation."""
    fake.reset()
    fake.chat_fn = lambda body: "It sounds like that matters to you."
    settings = Settings(openai_base_url=fake.base_url, data_dir=data / "long", chroma_dir=data / "embedded" / "chroma",
                        reader="model", writer="model")  # the prompts a capable model is sent
    per_turn = []
    async with open_coach(settings) as coach:
        for i in range(40):
            r = await coach.turn("long", "long", f"Turn {i}: I keep thinking about my work, my team and what I care about, "
                                                f"like fairness and learning, and my friend Sam who supports me.")
            per_turn.append(sum(r.prompt_tokens))
    return {"prompt_tokens_turn10": per_turn[9], "prompt_tokens_turn40": per_turn[39],
            "prompt_tokens_growth": per_turn[39] / max(per_turn[9], 1)}


def retrieval_10k(data: Path, n: int) -> dict:
    """Search latency with n chunks indexed (the library plus synthetic passages)."""
    import random

    from assistant.knowledge.index import SemanticIndex, chroma_client
    from assistant.knowledge.library import Library
    from assistant.knowledge.retriever import Retriever

    random.seed(7)
    words = ("goal mentor feedback career values support confidence network skill project team learning plan time "
             "promotion review progress habit growth purpose stress balance manager training course colleague").split()
    settings = Settings(data_dir=data / "r10k")
    library = Library.from_folder(settings.knowledge_dir)
    index = SemanticIndex(chroma_client(settings), settings.guidance_embedder)
    t = time.perf_counter()
    index.sync_library(library)
    library_s = time.perf_counter() - t
    passages = [" ".join(random.choice(words) for _ in range(40)) for _ in range(n)]
    t = time.perf_counter()
    vectors = index.embed(passages)
    embed_s = time.perf_counter() - t
    meta = {"note_id": "synthetic", "title": "synthetic", "heading": "", "sha": "", "origin": "bench",
            "phase_explore": True, "phase_examine": True, "phase_draft": True, "phase_review": True,
            "phase_support": True, "phase_safety": False, "stage_any": True, "stage_early": False, "stage_mid": False,
            "stage_late": False}
    t = time.perf_counter()
    for s in range(0, n, 2000):
        index.collection.add(ids=[f"syn-{i}" for i in range(s, min(n, s + 2000))], embeddings=vectors[s:s + 2000],
                             documents=passages[s:s + 2000], metadatas=[meta] * len(passages[s:s + 2000]))
    add_s = time.perf_counter() - t
    retriever = Retriever(library, index)
    queries = ["my boss chose this goal for me", "how do I get feedback", "I feel stuck", "what do I care about",
               "I want to retire well", "I have too many goals"] * 40
    for q in queries[:12]:  # the first queries after a bulk add load the index; the app warms up the same way
        retriever.search(q, phase="explore", k=3)
    times = []
    for q in queries:
        t = time.perf_counter()
        retriever.search(q, phase="explore", k=3)
        times.append((time.perf_counter() - t) * 1000)
    return {"chunks": index.count(), "library_ingest_s": library_s, "embed_1000_s": embed_s / n * 1000,
            "add_s": add_s, "retrieval_p50_ms": pctl(times, 0.5), "retrieval_p95_ms": pctl(times, 0.95)}


async def concurrent_sessions(data: Path, fake, sessions: int, delay: float) -> dict:
    """Simultaneous conversations through the real Chainlit server, as socket.io clients on loopback."""
    import httpx
    import socketio

    fake.reset()
    fake.delay_s = delay
    fake.chat_fn = lambda body: "It sounds like that matters to you."
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "bench", "WAYMARK_DATA_DIR": str(data / "conc"),
           "WAYMARK_CHROMA_DIR": str(data / "embedded" / "chroma"),
           "WAYMARK_READER": "local", "WAYMARK_WRITER": "template"}  # the embedded default's path: no model call
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(360):  # the readiness endpoint: models loaded, a turn can be served
            try:
                if httpx.get(f"{url}/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.5)

        async def one(i: int) -> tuple[float, str | None]:
            sio = socketio.AsyncClient()
            greeted, sent, replied, done = asyncio.Event(), asyncio.Event(), asyncio.Event(), asyncio.Event()
            greeting = []

            def on_message(*_):
                replied.set() if sent.is_set() else greeting.append(1)

            def on_task_end(*_):
                # The greeting's task must be over before the timed message goes out, or its late
                # messages would be taken for the reply (a warm-up "turn" once measured 67 ms that way).
                if sent.is_set():
                    if replied.is_set():
                        done.set()
                elif greeting:
                    greeted.set()

            sio.on("new_message", on_message)
            sio.on("stream_start", on_message)
            sio.on("task_end", on_task_end)
            try:
                await sio.connect(url, socketio_path="/ws/socket.io", transports=["websocket"],
                                  auth={"clientType": "webapp", "sessionId": str(uuid.uuid4()), "threadId": None,
                                        "userEnv": "{}", "chatProfile": "Self-coaching"})
                await sio.emit("connection_successful")
                await asyncio.wait_for(greeted.wait(), 120)
                start = time.perf_counter()
                sent.set()
                await sio.emit("client_message", {"message": {"id": str(uuid.uuid4()), "threadId": "", "name": "User",
                                                              "type": "user_message", "output": "I want to lead a team.",
                                                              "createdAt": "2026-01-01T00:00:00Z"}, "fileReferences": []})
                await asyncio.wait_for(done.wait(), 120)
                return time.perf_counter() - start, None
            except Exception as exc:  # a benchmark reports errors, it does not stop at them
                return 0.0, f"{type(exc).__name__}: {exc}"
            finally:
                await sio.disconnect()

        warm = await one(-1)
        results = await asyncio.gather(*(one(i) for i in range(sessions)))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the app under `waymark serve` too
        proc.wait(timeout=30)
    ok = [t for t, err in results if err is None]
    errors = [err for _, err in results if err]
    calls_per_turn = 0  # the embedded default reads and writes locally: no model call in a turn
    added = [(t - calls_per_turn * delay) * 1000 for t in ok]
    return {"concurrent_sessions": sessions, "concurrent_errors": len(errors), "errors": errors[:3],
            "turn_s_single": warm[0], "turn_s_p95": pctl(ok, 0.95) if ok else None,
            "added_latency_p95_ms": pctl(added, 0.95) if added else None}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1,000 chunks and 5 sessions, for a smoke run")
    args = parser.parse_args()
    out: dict = {"machine": machine()}
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAIServer() as fake:
        data = Path(tmp)
        print("== embedded model: Waymark beside the naive bot", flush=True)
        out["embedded"] = await embedded_turns(data)
        print(json.dumps(out["embedded"], indent=1), flush=True)
        print("== long conversation (prompt growth)", flush=True)
        out["long"] = await long_conversation(data, fake)
        print(json.dumps(out["long"], indent=1), flush=True)
        print("== retrieval at scale", flush=True)
        out["retrieval"] = await asyncio.to_thread(retrieval_10k, data, 1000 if args.quick else 10000)
        print(json.dumps(out["retrieval"], indent=1), flush=True)
        print("== time to first output of a command (fresh process)", flush=True)
        out["first_output"] = await asyncio.to_thread(first_output, data)
        print(json.dumps(out["first_output"], indent=1), flush=True)
        print("== transcript review: 100 utterances, models loaded", flush=True)
        out["review"] = await asyncio.to_thread(review_100)
        print(json.dumps(out["review"], indent=1), flush=True)
        print("== concurrent sessions through Chainlit", flush=True)
        out["concurrency"] = await concurrent_sessions(data, fake, 5 if args.quick else 20, 0.25)
        print(json.dumps(out["concurrency"], indent=1), flush=True)
    e, c = out["embedded"], out["concurrency"]
    line = {
        "turn_ms_p50": round(e["turn_ms_p50"], 1), "reply_ms_p50": round(e["reply_ms_p50"], 1),
        "reply_ratio": round(e["reply_ratio"], 3), "llm_calls_per_turn": round(e["llm_calls_per_turn"], 2),
        "read_ms_per_message": round(e["read_ms_per_message"], 1), **out["first_output"], **out["review"],
        "prompt_tokens_growth": round(out["long"]["prompt_tokens_growth"], 3),
        "retrieval_p95_ms_10k": round(out["retrieval"]["retrieval_p95_ms"], 1),
        "concurrent_sessions": c["concurrent_sessions"], "concurrent_errors": c["concurrent_errors"],
        "added_latency_p95_ms": None if c["added_latency_p95_ms"] is None else round(c["added_latency_p95_ms"], 1),
        "rss_app_mb": round(e["rss_app_mb"]), "rss_model_server_mb": round(e["rss_model_server_mb"]),
    }
    (ROOT / "benchmarks" / "last-run.json").write_text(json.dumps({"machine": out["machine"], "details": out, "summary": line}, indent=1))
    print(json.dumps(line))


if __name__ == "__main__":
    asyncio.run(main())
