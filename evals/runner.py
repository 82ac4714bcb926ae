"""Run every scenario through Waymark and through a naive one-prompt chatbot on the same model, then score both."""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path

import yaml

from assistant.coach import Coach
from assistant.llm import LLM, LLMError, start_meter
from evals.scorers.examination import examined
from evals.scorers.imposition import imposing_turns
from evals.scorers.listening import median_turns_to_draft, parroting, re_asks, turns_to_draft, uptake
from evals.scorers.mentor import mentor_scores
from evals.scorers.miti import miti_counts
from evals.scorers.premature import DRAFTING, premature_goal
from evals.scorers.questions import question_scores
from evals.scorers.safety import safety_rate
from evals.scorers.smarty import KEYS, ownership, smarty_complete
from evals.scorers.support import support_balance
from evals.transcript import Run, Turn

HERE = Path(__file__).parent
SCENARIOS = HERE / "scenarios"
NAIVE_PROMPT = (HERE / "naive_prompt.md").read_text().strip()
NAIVE_RECENT = 12  # messages of history the naive bot sees: the same bounded context budget as a simple chatbot


def load_scenarios(suite: str) -> list[dict]:
    items = [yaml.safe_load(p.read_text()) for p in sorted(SCENARIOS.glob("*.yaml"))]
    for s in items:
        bad = [t for t in s["turns"] if not isinstance(t, str)]
        if bad:  # YAML reads a bare yes/no as a boolean: a scenario must quote it
            raise ValueError(f"scenario {s['id']}: turn {bad[0]!r} is not text; quote it")
    return [s for s in items if suite == "full" or "core" in s.get("tags", [])]


async def run_mentor(coach: Coach, scenario: dict) -> Run:
    """A mentor's prep conversation about a mentee seeded with shared and unshared goals."""
    from langgraph.checkpoint.memory import InMemorySaver

    from assistant.prep.conversation import PrepDeps, build_prep_graph, prep_turn

    tag = uuid.uuid4().hex[:6]
    mentor, mentee = f"{scenario['mentor']}-{tag}", f"{scenario['mentee']}-{tag}"
    store, memory = coach.deps.goals, coach.deps.memory
    for statement in scenario.get("shared", []):
        goal = store.create_goal(mentee, statement, kind="career", smarty={})
        store.share(mentee, goal["id"], mentor)
    for statement in scenario.get("unshared", []):
        store.create_goal(mentee, statement, kind="career", smarty={})
    deps = PrepDeps(store, coach.deps.library, coach.deps.retriever)
    graph = build_prep_graph(InMemorySaver())
    started, turns = time.perf_counter(), []
    for text in scenario["turns"]:
        r = await prep_turn(graph, deps, mentor=mentor, mentee=mentee, text=text, thread_id=f"prep-{tag}")
        turns.append(Turn(text, r["assistant"], {"kind": "record" if r["recorded"] else "answer", "sources": r["sources"],
                                                 "questions": r["questions"], "move": "prep"}))
    learned = len(memory.profile(mentee)) + len(memory.profile(mentor))
    return Run(scenario, "waymark", turns, [], 0, time.perf_counter() - started, extra={"facts_learned": learned})


async def run_waymark(coach: Coach, scenario: dict) -> Run:
    user = f"eval-{scenario['id']}-{uuid.uuid4().hex[:6]}"
    thread = f"{user}-thread"
    turns = []
    calls = 0
    started = time.perf_counter()
    if scenario.get("as") == "mentor":
        return await run_mentor(coach, scenario)
    for text in scenario["turns"]:
        r = await coach.turn(thread, user, text)
        calls += r.llm_calls
        turns.append(Turn(text, r.assistant, {"move": r.move.get("kind"), "phase": r.phase, "guard": r.imposition}))
    goals = coach.deps.goals.list_goals(user)
    if not goals:
        draft = (await coach.state(thread)).get("draft") or {}
        if draft.get("statement") and any(t.meta["move"] == "present_draft" for t in turns):
            goals = [{"statement": draft["statement"], "smarty": {k: draft.get(k, "") for k in KEYS}}]
    return Run(scenario, "waymark", turns, goals, calls, time.perf_counter() - started)


def naive_goals(turns: list[Turn]) -> list[dict]:
    """Goals the naive bot drafted, read from its text: a 'Goal:' line or 'your goal could be ...', plus labelled criteria."""
    goals = []
    for t in turns:
        if not DRAFTING.search(t.assistant):
            continue
        m = re.search(r"(?:\*\*goal:?\*\*|^\s*goal:|your goal (?:could|would|should|is|will) be(?: to)?)\s*(?P<g>[^\n.]+)",
                      t.assistant, re.I | re.M)
        smarty = {k: (re.search(rf"{k.replace('_', '[- ]?')}\W*:\s*(?P<v>[^\n]+)", t.assistant, re.I) or {}) for k in KEYS}
        goals.append({"statement": m["g"].strip() if m else "",
                      "smarty": {k: (v["v"] if v else "") for k, v in smarty.items()}})
    return goals


async def run_naive(llm: LLM, scenario: dict) -> Run:
    history: list[dict] = []
    turns = []
    meter = start_meter()
    started = time.perf_counter()
    for text in scenario["turns"]:
        history.append({"role": "user", "content": text[:1500]})
        messages = [{"role": "system", "content": NAIVE_PROMPT}] + history[-NAIVE_RECENT:]
        try:
            reply = (await llm.complete(messages, max_tokens=200, temperature=0.3)).strip()
        except LLMError as exc:
            reply = f"(no reply: {exc})"
        history.append({"role": "assistant", "content": reply})
        turns.append(Turn(text, reply))
    return Run(scenario, "naive", turns, naive_goals(turns), meter.count, time.perf_counter() - started)


def score_run(run: Run) -> dict:
    q = question_scores(run)
    return {
        "imposing_turns": imposing_turns(run), "turns": len(run.turns),
        "open_question_rate": q["open_question_rate"], "reflection_rate": q["reflection_rate"],
        "premature_goal": premature_goal(run), "examined": examined(run),
        "smarty_complete": [smarty_complete(g) for g in run.goals], "ownership": [ownership(g, run) for g in run.goals],
        "safety_rate": safety_rate(run), "support_balance": support_balance(run),
        "uptake": uptake(run), "re_asks": re_asks(run), "parroting_turns": parroting(run),
        "turns_to_draft": turns_to_draft(run), "miti": miti_counts(run), "mentor": mentor_scores(run),
        "llm_calls": run.llm_calls, "seconds": round(run.seconds, 2),
    }


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 3) if values else None


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def aggregate(all_scores: list[dict]) -> dict:
    mentor = [s["mentor"] for s in all_scores if s["mentor"] is not None]
    scores = [s for s in all_scores if s["mentor"] is None]  # the mentee's measures, over mentee conversations
    turns = sum(s["turns"] for s in scores)
    crisis = [s["safety_rate"] for s in scores if s["safety_rate"] is not None]
    miti = {k: sum(s["miti"][k] for s in scores) for k in ("questions", "reflections", "complex")}
    to_draft = [s["turns_to_draft"] for s in scores if s["turns_to_draft"] is not None]
    return {
        "uptake_rate": _ratio(sum(s["uptake"]["taken_up"] for s in scores), sum(s["uptake"]["statements"] for s in scores)),
        "re_ask_rate": _ratio(sum(len(s["re_asks"]["re_asking"]) for s in scores), sum(s["re_asks"]["replies"] for s in scores)),
        "parroting_rate": _ratio(sum(len(s["parroting_turns"]) for s in scores), turns),
        "turns_to_draft": median_turns_to_draft(to_draft),
        "drafts_reached": f"{sum(v >= 0 for v in to_draft)}/{len(to_draft)}",
        "reflection_to_question": _ratio(miti["reflections"], miti["questions"]),
        "complex_reflection_share": _ratio(miti["complex"], miti["reflections"]),
        "imposition_rate": round(sum(len(s["imposing_turns"]) for s in scores) / max(turns, 1), 3),
        "open_question_rate": _mean(s["open_question_rate"] for s in scores),
        "reflection_rate": _mean(s["reflection_rate"] for s in scores),
        "premature_goal_rate": _mean(float(s["premature_goal"]) for s in scores),
        "examination_rate": _mean(float(s["examined"]) for s in scores if s["examined"] is not None),
        "smarty_complete_rate": _mean(float(v) for s in scores for v in s["smarty_complete"]),
        "ownership": _mean(v for s in scores for v in s["ownership"]),
        "safety_rate": _mean(crisis),
        "support_balance": _mean(s["support_balance"] for s in scores),
        "llm_calls_per_turn": round(sum(s["llm_calls"] for s in scores) / max(turns, 1), 2),
        **{f"mentor_{k}": _mean(float(m[k]) for m in mentor) for k in ("grounded", "cited", "questions_open", "no_mentee_facts",
                                                                       "no_goal_imposed")},
    }
