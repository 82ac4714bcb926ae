"""Decide this turn's move. The coaching discipline lives here, in plain rules, not in the model."""

from __future__ import annotations

import re
from datetime import date

from langgraph.runtime import Runtime

from assistant.dates import find_when, parse_when, time_bound_from
from assistant.graph import checkin
from assistant.graph import signals as sig_mod
from assistant.graph.deps import Deps
from assistant.graph.goalwords import goal_kind, parse_actions
from assistant.graph.state import CoachState
from assistant.knowledge.library import Library
from assistant.prompts import load_prompt
from assistant.memory.profile import summary_from
from assistant.text import clip_words, overlap

HORIZONS = ("identity", "values", "support", "contribution")
EXAMINE_ORDER = {
    "theirs": ("why", "why_now", "larger", "replace", "yours"),
    "unclear": ("why", "yours", "why_now", "replace", "larger"),
    "someone_else": ("why", "yours", "replace", "why_now", "larger"),
}
EXAMINE_NEEDED = {"theirs": 2, "unclear": 2, "someone_else": 3}
SMARTY_ASK_ORDER = ("measurable", "time_bound", "achievable", "relevant")
MIN_HORIZONS = 2
# Answers to "starting out, in the middle, or later?": read only right after that question was asked.
STAGE_ANSWERS = [(re.compile(r"\b(start\w*|begin\w*|early|new|beginning)\b", re.I), "early"),
                 (re.compile(r"\b(middle|mid)\b", re.I), "mid"),
                 (re.compile(r"\b(later?|end|final|towards? the end)\b", re.I), "late")]


def explored(state: CoachState) -> list[str]:
    return [h for h in HORIZONS if state.get("horizons", {}).get(h, 0) > 0]


def move(kind: str, *, phase: str, question=None, preface: str = "", reflect: bool = True, reason: str = "",
         pending: dict | None = None, **extra) -> dict:
    return {"kind": kind, "phase": phase, "question": question.text if question else "",
            "question_id": question.id if question else None, "preface": preface, "reflect": reflect,
            "reason": reason, "pending": pending, **extra}


class Planner:
    """One turn's decision, from the state, this message's signals and the vetted question bank."""

    def __init__(self, state: CoachState, library: Library, today: date | None = None, goals=None, memory=None):
        self.memory = memory  # what the person allowed Waymark to remember across conversations
        self.state = state
        self.lib = library
        self.goals = goals  # the goal store, to open a check-in when one is due
        self.today = today or date.today()
        self.text = state.get("user_text", "")
        self.sig = sig_mod.read(self.text)
        self.update: dict = {}

    # -- helpers -------------------------------------------------------------------------
    def get(self, key, default=None):
        return self.update.get(key, self.state.get(key, default))

    def asked(self) -> set[str]:
        return set(self.get("asked", []))

    def ask(self, set_name: str, key: str | None = None):
        q = self.lib.question(set_name, key, exclude=self.asked())
        if q is None and key is not None:
            q = self.lib.question(set_name, key)  # a specific question may be asked again (a new goal, say)
        if q is not None:
            self.update["asked"] = sorted(self.asked() | {q.id})
        return q

    # -- reading the answer to what we asked last ----------------------------------------
    def absorb(self) -> None:
        s, sig = self.state, self.sig
        horizons = dict(s.get("horizons", {}))
        for h in sig.horizons:
            horizons[h] = horizons.get(h, 0) + 1
        pending = s.get("pending") or {}
        if pending.get("kind") == "horizon":
            horizons[pending["key"]] = horizons.get(pending["key"], 0) + 1
        self.update["horizons"] = horizons

        stage = sig.stage
        if pending.get("kind") == "stage" and not stage:
            stage = next((v for rx, v in STAGE_ANSWERS if rx.search(self.text)), None)
        if stage:
            self.update["stage_of_career"] = stage

        mentioned = list(s.get("goals_mentioned", []))
        known = {g["text"].lower() for g in mentioned}
        fresh = [g for g in sig.goals if g.text.lower() not in known]
        mentioned += [{"text": g.text, "whose": g.whose, "by": g.by, "turn": s.get("turn", 0)} for g in fresh]
        self.update["goals_mentioned"] = mentioned
        self.fresh_goals = fresh

        focus = s.get("focus_goal")
        if pending.get("kind") == "connect" and mentioned:
            best = max(mentioned, key=lambda g: overlap(g["text"], self.text))
            if overlap(best["text"], self.text) >= 0.3:
                focus = best
            elif fresh:
                focus = mentioned[-len(fresh)]
        if (focus is None or sig.changed_mind) and len(fresh) == 1:
            focus = mentioned[-1]
            self.update["examined"] = []
            if sig.changed_mind and s.get("phase") in ("draft", "confirm"):
                self.update["phase"] = "examine"
                self.update["draft"] = {}
        if focus is not s.get("focus_goal"):
            self.update["focus_goal"] = focus
        if pending.get("kind") == "examine":
            self.update["examined"] = sorted(set(self.get("examined", [])) | {pending["key"]})
        if pending.get("kind") == "smarty":
            draft = dict(self.get("draft", {}) or {})
            words = clip_words(self.text.strip(), 40)
            if pending["key"] == "yours":  # their restatement replaces the borrowed wording, date included
                draft["statement"] = words
                draft["specific"] = words
                draft["time_bound"] = time_bound_from(words, self.today)
            elif pending["key"] == "time_bound":
                found = find_when(words, self.today)
                draft["time_bound"] = f"{words} ({found[0].isoformat()})" if found else words
            else:
                draft[pending["key"]] = words
            self.update["draft"] = draft
        if sig.insists:
            self.update["insisted"] = True

    # -- deciding ------------------------------------------------------------------------
    def decide(self) -> dict:
        s, sig = self.state, self.sig
        phase = s.get("phase") or "explore"
        if s.get("notice"):
            return move("notice", phase=phase, reflect=False, reason="the message could not be taken in")
        if sig.crisis or (s.get("understanding", {}).get("safety_risk") == "high" and sig.low_confidence):
            return move("safety", phase=phase, reflect=False, reason="language of crisis, harm or abuse")
        if m := sig_mod.FORGET.search(self.text):
            topic = m["topic"].strip() or self.text
            return move("forget", phase=phase, question=self.lib.question("invite", "more"), reflect=False,
                        reason="the person asked Waymark to forget something", topic=topic, pending=None)
        self.absorb()
        greeting = self.remember() if s.get("turn", 0) == 1 else ""
        chosen = self.choose(phase)
        if greeting and chosen["kind"] not in ("checkin_open", "safety"):
            chosen["preface"] = f"{greeting} {chosen.get('preface', '')}".strip()
        return chosen

    def remember(self) -> str:
        """A returning person's remembered facts seed this conversation, and are named in a short greeting."""
        if self.memory is None:
            return ""
        facts = self.memory.profile(self.state.get("user_id", ""))
        if not facts:
            return ""
        profile: dict[str, list[dict]] = {}
        for f in facts:
            profile.setdefault(f["field"], []).append({"text": f["text"], "turn": 0})
        self.update["profile"] = profile
        self.update["summary"] = summary_from(facts)
        named = "; ".join(f"“{f['text']}”" for f in facts[-2:])
        return f"Welcome back. Last time you mentioned {named}. (You can see or change what I remember at any time.)"

    def choose(self, phase: str) -> dict:
        s = self.state
        if (s.get("move") or {}).get("kind") == "safety":  # after a disclosure, the person leads; no return to goals
            q = self.lib.question("wellbeing", "after")
            return move("after_safety", phase=phase, question=q, reason="checking in on them after a safety reply",
                        pending=None)
        if phase == "checkin":
            return self.next_check_in_step()
        if s.get("turn", 0) == 1 and (opened := self.open_check_in()):
            return opened
        if phase == "actions":
            return self.take_actions()
        if phase == "checkin_date":
            return self.take_check_in_date()
        if self.sig.asks_advice or (s.get("advice_asks", 0) and self.sig.permission and (s.get("move") or {}).get("kind") == "advice_gate"):
            return self.advice()
        if phase == "draft":
            return self.next_draft_step()
        return self.explore_or_examine()

    def advice(self) -> dict:
        asks = self.state.get("advice_asks", 0)
        self.update["advice_asks"] = asks + 1
        if asks == 0 and not self.sig.permission:
            q = self.ask("advice", "gate")
            return move("advice_gate", phase="explore", question=q, preface=load_prompt("advice_gate"), reflect=False,
                        reason="asked to be told what to do: their view first", pending={"kind": "advice", "key": "gate"})
        self.update["advice_welcome"] = True
        return move("options", phase=self.state.get("phase") or "explore", reflect=False,
                    reason="asked again, or gave permission: options, the choice theirs", pending=None)

    def explore_or_examine(self) -> dict:
        s = self.state
        focus = self.get("focus_goal")
        mentioned = self.get("goals_mentioned", [])
        done_horizons = explored({"horizons": self.get("horizons", {})})
        insisted = self.get("insisted", False)

        if focus is None and len(self.fresh_goals) >= 2:
            q = self.ask("connect", "connect")
            listing = "; ".join(f'"{g.text}"' for g in self.fresh_goals)
            return move("connect", phase="examine", question=q, preface=load_prompt("connect", goals=listing),
                        reflect=False, reason="several goals at once: their connections, their choice",
                        pending={"kind": "connect", "key": "connect"})

        if focus is not None:
            whose = focus.get("whose", "unclear")
            examined = self.get("examined", [])
            needed = EXAMINE_NEEDED[whose]
            last_kind = (s.get("move") or {}).get("kind")
            if len(examined) < needed and not insisted:
                if last_kind == "examine" and len(done_horizons) < MIN_HORIZONS:
                    return self.explore_move("exploring wide between examination questions")
                key = next(k for k in EXAMINE_ORDER[whose] if k not in examined)
                q = self.ask("examine", key)
                return move("examine", phase="examine", question=q, reason=f"a ready-made goal ({whose}): examine '{key}'",
                            pending={"kind": "examine", "key": key})
            if len(done_horizons) < MIN_HORIZONS and not insisted:
                return self.explore_move("fewer than two horizons explored before drafting")
            return self.start_draft(done_horizons)

        if insisted:
            q = self.ask("invite", "invite")
            return move("invite_goal", phase="explore", question=q, reason="wants to go to a goal: in their words",
                        pending={"kind": "invite", "key": "invite"})
        if len(done_horizons) < len(HORIZONS):
            if not self.get("stage_of_career") and s.get("turn", 0) >= 3 and not any(a.startswith("career-stage") for a in self.asked()):
                q = self.ask("stage", "stage")
                return move("stage", phase="explore", question=q, reason="career stage unknown: ask, never assume",
                            pending={"kind": "stage", "key": "stage"})
            return self.explore_move("exploring wide before any goal")
        q = self.ask("invite", "invite") or self.ask("invite")
        return move("invite_goal", phase="explore", question=q, reason="all four horizons explored: what would they work toward",
                    pending={"kind": "invite", "key": "invite"})

    def explore_move(self, reason: str) -> dict:
        horizons = self.get("horizons", {})
        order = sorted(HORIZONS, key=lambda h: (horizons.get(h, 0), HORIZONS.index(h)))
        for h in order:
            q = self.ask(f"horizon:{h}")
            if q is not None:
                return move("explore", phase="explore", question=q, reason=f"{reason}: {h}", horizon=h,
                            pending={"kind": "horizon", "key": h})
        q = self.ask("invite", "more") or self.lib.question("invite", "invite")
        return move("invite_goal", phase="explore", question=q, reason="every exploration question asked",
                    pending={"kind": "invite", "key": "invite"})

    def start_draft(self, done_horizons: list[str]) -> dict:
        focus = self.get("focus_goal")
        draft = {"statement": focus["text"], "specific": focus["text"], "source_turn": focus.get("turn")}
        if when := time_bound_from(focus["text"], self.today):
            draft["time_bound"] = when
        preface = ""
        skipped = [h for h in HORIZONS if h not in done_horizons]
        if self.get("insisted") and len(done_horizons) < MIN_HORIZONS:
            preface = load_prompt("insist", skipped="exploring " + ", ".join(skipped))
        self.update["draft"] = draft
        self.update["phase"] = "draft"
        if focus.get("whose") != "theirs":
            q = self.ask("smarty", "yours")
            return move("draft_ask", phase="draft", question=q, preface=preface, reason="drafting: the goal in their own words",
                        pending={"kind": "smarty", "key": "yours"})
        return self.next_draft_step(preface=preface)

    def next_draft_step(self, preface: str = "") -> dict:
        self.update["phase"] = "draft"
        draft = self.get("draft", {}) or {}
        if len(draft.get("statement", "").split()) < 4 and "specific_asked" not in draft:
            draft = {**draft, "specific_asked": True}
            self.update["draft"] = draft
            q = self.ask("smarty", "specific")
            return move("draft_ask", phase="draft", question=q, preface=preface, reason="drafting: specific",
                        pending={"kind": "smarty", "key": "specific"})
        for key in SMARTY_ASK_ORDER:
            if not draft.get(key):
                q = self.ask("smarty", key)
                return move("draft_ask", phase="draft", question=q, preface=preface, reason=f"drafting: {key}",
                            pending={"kind": "smarty", "key": key})
        kind = goal_kind(draft["statement"])
        self.update["draft"] = {**draft, "kind": kind}
        self.update["phase"] = "confirm"
        text = load_prompt("draft", kind=kind, **{k: draft.get(k, "") for k in
                           ("statement", "specific", "measurable", "achievable", "relevant", "time_bound")})
        return move("present_draft", phase="confirm", reflect=True, preface=text, reason="every criterion filled: confirm",
                    question_text=load_prompt("draft_question"), pending=None)

    # -- check-ins ----------------------------------------------------------------------------
    def open_check_in(self) -> dict | None:
        """A returning person with a check-in due (or who asks for one) starts with their goal, not a blank slate."""
        if self.goals is None:
            return None
        owner = self.state.get("user_id", "")
        due = self.goals.due_check_ins(owner, self.today)
        if not due and checkin.CHECKIN_INTENT.search(self.text):
            due = [g for g in self.goals.list_goals(owner) if g["status"] == "active"][-1:]
        if not due:
            return None
        goal = due[0]
        self.update["phase"] = "checkin"
        self.update["check_in"] = {"goal_id": goal["id"], "statement": goal["statement"], "answers": {}}
        q = self.lib.question("checkin", "progress")
        preface = f"Welcome back. Your goal, in your words: “{goal['statement']}”."
        return move("checkin_open", phase="checkin", question=q, preface=preface, reflect=False,
                    reason="a check-in is due: progress first", pending={"kind": "checkin", "key": "progress"})

    def next_check_in_step(self) -> dict:
        record = dict(self.get("check_in") or {})
        answers = dict(record.get("answers", {}))
        key = (self.state.get("pending") or {}).get("key")
        if key:
            answers[key] = clip_words(self.text.strip(), 60)
        record["answers"] = answers
        self.update["check_in"] = record
        preface = ""
        if key == "progress" and checkin.milestone_in(self.text):
            preface = f"That's worth marking: “{clip_words(self.text.strip(), 30)}”. It took real effort to get there."
        for step, set_name, q_key in (("helped", "checkin", "helped"), ("obstacles", "stall", "in_the_way"),
                                      ("still_yours", "checkin", "still_yours"), ("next", "checkin", "next")):
            if step not in answers:
                q = self.lib.question(set_name, q_key)
                return move("checkin_ask", phase="checkin", question=q, preface=preface, reason=f"check-in: {step}",
                            pending={"kind": "checkin", "key": step})
        return move("save_check_in", phase="done", reflect=True, reason="check-in complete: record it", pending=None)

    def take_actions(self) -> dict:
        actions = parse_actions(self.text, self.today)
        if len(actions) < 2:
            q = self.lib.question("actions", "actions")
            return move("actions_retry", phase="actions", question=q, preface=load_prompt("actions_retry", count=len(actions)),
                        reflect=False, reason="fewer than two actions named", pending={"kind": "actions", "key": "actions"})
        return move("save_goal", phase="checkin_date", reflect=True, reason="actions chosen: save the goal",
                    actions=[(t, d.isoformat()) for t, d in actions], pending={"kind": "schedule", "key": "when"})

    def take_check_in_date(self) -> dict:
        when = parse_when(self.text, self.today)
        return move("set_check_in", phase="done", reflect=False, reason="the person chose the check-in date",
                    check_in=when.isoformat() if when else None, pending=None)


async def plan(state: CoachState, runtime: Runtime[Deps]) -> dict:
    planner = Planner(state, runtime.context.library, goals=runtime.context.goals, memory=runtime.context.memory)
    chosen = planner.decide()
    update = planner.update
    update["move"] = chosen
    update["pending"] = chosen.get("pending")
    update.setdefault("phase", chosen["phase"])
    return update
