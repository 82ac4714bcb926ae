"""Decide this turn's move from the reading of the message and what the conversation already holds.
The coaching discipline lives here, in plain rules: safety first, then uptake (what the person offers is
taken up now), then examination of goals that came from elsewhere, drafting from their words, and the
exploration horizons only for people without a goal."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from langgraph.runtime import Runtime

from assistant.dates import MOVED_TO, find_when, moved_to
from assistant.graph import checkin, drafting
from assistant.graph.deps import Deps
from assistant.graph.goalwords import dated_steps, parse_actions, sharpens
from assistant.graph.moves import Kind, Move
from assistant.graph.state import CoachState, GoalMention
from assistant.knowledge.library import Library
from assistant.knowledge.options import NAMED, as_step, called, picked
from assistant.numbers import number_change
from assistant.reading import Reading
from assistant.prompts import load_prompt
from assistant.reading.cues import (CHANGE_MIND, DISTANCE, FAREWELL, GREETING, MINE, OPTIONS_ASKED, PLAIN_GOAL, QUESTION_TO_WAYMARK, REASON,
                                    RETURN_TO_GOALS, SELF_ASKED_MEASURE, SET_BY, THANKS)
from assistant.reading.cues import ACTION, counts_things_done, feelings
from assistant.reading.answers import (ASKS_CHECK_IN, CHECK_IN, FIRST_ASKED, ON_THE_WAY, NOT_A_GOAL, NOT_A_STEP, OWN_PLAN, PLAN_HELP, REJECT, SAVE, SET_ASIDE, STEPS_LABEL,
                                       named_goal, terse_goal, unanswerable)
from assistant.reading.reflect import generic_goal, gist, goal_as_reason, two_parts
from assistant.text import clip_words, content_words, overlap

HORIZONS = ("identity", "values", "support", "contribution")
# Angles asked of a goal brought in from elsewhere before inviting the person's own version of it.
EXAMINE_ORDER = {"someone_else": ("yours", "why", "replace"), "unclear": ("why", "yours", "replace"),
                 "theirs": ("why",)}
EXAMINE_NEEDED = {"someone_else": 2, "unclear": 2, "theirs": 1}
INVITE_AFTER_HORIZONS = 3
# Answers to "starting out, in the middle, or later?": read only right after that question was asked.
STAGE_ANSWERS = [(re.compile(r"\b(start\w*|begin\w*|early|new|beginning)\b", re.I), "early"),
                 (re.compile(r"\b(middle|mid)\b", re.I), "mid"),
                 (re.compile(r"\b(later?|end|final|towards? the end)\b", re.I), "late")]
# The reason head's ceiling for an answer to "what would it give you?" that sharpens the goal rather than says why:
# "run a small weekend supper club of my own first" 0.14; "earn enough to buy a house for my family" 0.88
SHARPENS_NOT_WHY = 0.3
_DECLINES = re.compile(r"\bbut no\W*(?:$|[.!,;])|\b(?:no thanks|no thank you|turn (?:it|them|him|her) down|not my (?:road|path|thing|plan))\b", re.I)
# "I'll let you know next Friday how it went": said to Waymark, about the check-in, not a step
TO_WAYMARK = re.compile(r"\b(?:let you know|tell you|talk to you|see you|speak to you|update you)\b", re.I)
NOT_THEN = re.compile(r"\b(?:won'?t|will not|don'?t|do not|never)\s+\w+", re.I)  # "I won't tell my supervisor this week"
# A "no" that corrects the draft rather than setting it aside: "no scratch that, ... september then"
CORRECTION = re.compile(r"\b(?:scratch that|make (?:it|that)|let'?s say|change (?:it|that) to|move it to|instead|then\b(?=[,.]))", re.I)
IF_IT_SAYS = re.compile(r"^\W*(?:(?:yeah|yes|ok(?:ay)?|right)\W+)?(?:(?:that'?s it|thats it|exactly)\W+)?if (?:(?:it|that|the draft|the goal) (?:says|reads)|what we'?ve (?:arrived at|got|landed on|ended up with) is(?: roughly)?)\s+(?P<words>[^.!?]{5,300}?),?"
                        r"\s+then\s+(?:yes|yeah|that'?s it|thats it|i'?m in|deal|agreed|it'?s mine|that'?s mine)\b", re.I)
# "yeah thats it. first paying wildlife trip on my own boat by 30 june, thats mine not hers": a yes, the goal said
# again their way, and whose it is
SAID_AS_MINE = re.compile(r"^\W*(?:yeah|yes|yep|yh)\W+(?:that'?s it|thats it|exactly)\W+(?P<words>[^.!?]{10,200}?),?\s+"
                          r"(?:that'?s|thats|it'?s|its) (?:all )?mine\b", re.I)
_OWNED = re.compile(r"^\W*(?:(?:and|so|yes|yeah|ok)\W+)?(?:that|this|it)(?:'s| is) (?:all |really |definitely )?mine\b", re.I)
ACCEPT = re.compile(r"^\W*(accept(ed)?|yes|yep|yeah|looks (good|right)|that'?s (it|mine|right)|i accept|confirm(ed)?|"
                    r"perfect|great|sounds (good|right)|it is|it'?s mine|agreed|ok(ay)?)\b", re.I)
FIELD = re.compile(r"^\s*(statement|goal|specific|measurable|achievable|relevant|time[- _]?bound|when)\s*[:=-]\s*(.+)$", re.I | re.M)
FIELD_NAMES = {"goal": "statement", "when": "time_bound", "time bound": "time_bound", "time-bound": "time_bound",
               "timebound": "time_bound"}


# "like I said", "I'll know by then if she's signed it", "if she says no": an aside, a measure, a condition
_NOT_A_STEP_OPENING = re.compile(r"^\W*(?:(?:like|as) i (?:said|say)\b|if\b|i'?ll know\b|i will know\b|i'?d know\b|by then\b)", re.I)
_ALTERNATIVE = re.compile(r"\b(?:(?:the |my )?other option|another option|alternatively|the alternative|or else i could|"
                          r"or instead)\b", re.I)


def _steps_listed(text: str, today: date) -> list[str]:
    """The steps a message lists after any "Steps:" label: no asides, measures, conditions or things already done."""
    return [t for t, _ in parse_actions(STEPS_LABEL.sub("", text), today)
            if len(t.split()) >= 3 and not _NOT_A_STEP_OPENING.match(t) and not drafting.only_past(t)]


def closest(goals: list[GoalMention], text: str) -> GoalMention | None:
    """Which of the goals just laid side by side the person chose ("QA, I think" for "moving into quality
    assurance"): by their words, else by meaning, with the sentence encoder the reader already holds."""
    best = max(goals, key=lambda g: overlap(g["text"], text))
    if overlap(best["text"], text) >= 0.3:
        return best
    said = set(re.findall(r"\b[A-Z]{2,4}\b", text))
    for g in goals:  # "QA" for "quality assurance", "PM" for "project management"
        words = [w for w in re.findall(r"[A-Za-z]+", g["text"]) if len(w) > 2]
        initials = {"".join(w[0] for w in words[i:i + n]).upper() for n in (2, 3, 4) for i in range(len(words) - n + 1)}
        if said & initials:
            return g
    from assistant.knowledge.embed import embed

    vectors = embed([text] + [g["text"] for g in goals], model="minilm")
    sims = [sum(a * b for a, b in zip(vectors[0], v)) for v in vectors[1:]]
    i = max(range(len(goals)), key=lambda j: sims[j])
    return goals[i] if sims[i] >= 0.3 else None


MAX_STEP_WORDS = 15
_ANOTHER_STEP = re.compile(r"^\W*(?!(?:make it|go (?:with|for)|take it|try the|get back|look,|look i)\b)(?:and |also |plus |then |oh and )?(?:cut|stop|quit|start|save|set up|drop|skip|sell|swap|switch|"
                           r"put|pay|open|cancel|limit|track|walk|cycle|practise|practice|study|learn|revise|ask|email|call|ring|"
                           r"book|text|message|write|read|apply|send|meet|buy|join|sign up|register|enrol|find|look|check|talk|"
                           r"speak|visit|make|finish|print|post|get|try|take|go)\b", re.I)
ASIDE_WITH_A_GOAL = 0.75  # the off-topic head's score an aside needs while a goal is in hand
_CHECK_IN_PURPOSE = re.compile(r"^\W*(?:(?:and|so|to)\s+)?see (?:if|whether|how)\b", re.I)
_WHY_AFTER = re.compile(r"\s+(?:because|cos|since|so that|but)\b", re.I)


def _another_step(text: str) -> bool:
    """Asked for another step, "and cut the energy drinks. rip monster" is one: a verb first, said briefly."""
    return bool(_ANOTHER_STEP.match(text)) and len(text.split()) <= 12


def _with_their_whens(pieces: list[str], today) -> list[str]:
    """ "also gotta tell dad. not looking forward to that one. prob sunday after dinner": beside a step, a piece that
    only says when joins it, and a feeling about it is no step of its own. A list with no word of a step in it
    ("cv tonight, the shop on saturday") is kept as it is."""
    if not any(ACTION.search(p) for p in pieces):
        return pieces
    out: list[str] = []
    for p in pieces:
        if ACTION.search(p) or not out:
            out.append(p)
        elif _ONLY_WHEN.match(p) and find_when(p, today):
            out[-1] = f"{out[-1]}, {p}"
        elif not (feelings(p) or _FEELING_ABOUT_IT.search(p)):
            out.append(p)
    return out


_ONLY_WHEN = re.compile(r"^\W*(?:prob(?:ably)?|prolly|maybe|likely|on|this|next|by|after|before|around|sometime)\b", re.I)
_FEELING_ABOUT_IT = re.compile(r"\b(?:not )?looking forward to\b|\bdreading\b|\bnervous about\b|\bwish me luck\b", re.I)


def _without_why(step: str) -> str:
    """ "ask my uncle for lessons because it would save money" -> "ask my uncle for lessons": the step, not its why."""
    return _WHY_AFTER.split(step, maxsplit=1)[0].strip(" ,.")


class Planner:
    """One turn's decision. Reads the state and this turn's reading; writes `update` and returns the Move."""

    def __init__(self, state: CoachState, library: Library, *, goals=None, memory=None, today: date | None = None):
        self.state = state
        self.lib = library
        self.goals = goals  # the goal store, to open a check-in when one is due
        self.memory = memory  # what the person allowed Waymark to remember across conversations
        self.today = today or date.today()
        self.r = Reading.from_dict(state["reading"]) if state.get("reading") else None
        self.text = state.get("user_text", "")
        self.turn = state.get("turn", 0)
        self.update: dict = {}
        self.fresh: list[GoalMention] = []
        self.added: list[str] = []  # draft parts this message filled
        self.earlier_goal = ""  # the goal this message moved away from
        self.noted_check_in = ""  # a check-in date asked for while drafting, said back in this reply
        self.answers_why = False  # a goal-like answer to "what would it give you?": why it matters
        self.picked = ""  # what they called the option they chose from the ones just listed
        self.because = ""  # a goal-like phrase said as the reason for their goal

    # -- helpers -----------------------------------------------------------------------------------
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

    def move(self, kind: Kind, *, phase: str | None = None, question=None, reason: str = "",
             pending: dict | None = None, **facts) -> Move:
        if self.noted_check_in and kind in (Kind.DRAFT_ASK, Kind.PRESENT_DRAFT, Kind.EXAMINE):
            facts.setdefault("check_in_noted", self.noted_check_in)
        return Move(kind, phase or self.get("phase") or "explore", reason=reason,
                    question_id=question.id if question else None, question=question.text if question else "",
                    pending=pending, facts=facts)

    @property
    def last_kind(self) -> str | None:
        return (self.state.get("move") or {}).get("kind")

    @property
    def pending(self) -> dict:
        return self.state.get("pending") or {}

    # -- the decision --------------------------------------------------------------------------------
    def decide(self) -> Move:
        phase = self.state.get("phase") or "explore"
        if self.state.get("notice"):
            return self.move(Kind.NOTICE, reason="the message could not be taken in")
        r = self.r
        if r.risk.level == "high":
            self.update.update(safety=True, safety_turns=0)
            return self.move(Kind.SAFETY, reason=f"a risk to life or safety ({r.risk.why}): human help first")
        if r.risk.level == "possible" and not self.state.get("safety"):
            if phase in ("explore", "examine", "draft"):
                # "date wise... first one on saturday 28th march": if the check was needless, nothing they said is
                # lost; the reply still only asks after them
                self.absorb()
            elif phase == "confirm":
                draft, _ = drafting.absorb(self.state.get("draft") or {}, r, self.turn, self.today, keep_given=True)
                self.update["draft"] = drafting.finish(draft)
            return self.move(Kind.SAFETY_CHECK, reason="words that may mean a risk to safety: a gentle check, no coaching")
        if self.state.get("safety"):
            if not RETURN_TO_GOALS.search(self.text) and not r.has("skip_ahead"):
                step = self.state.get("safety_turns", 0)
                self.update["safety_turns"] = step + 1
                return self.move(Kind.AFTER_SAFETY, step=step,
                                 reason="after a safety reply the person leads; coaching waits until they ask for it")
            self.update["safety"] = False
        if r.forget_topic:
            return self.move(Kind.FORGET, question=self.lib.question("invite", "more"), topic=r.forget_topic,
                             reason="the person asked Waymark to forget something")
        if phase == "draft" and (IF_IT_SAYS.match(self.text) or SAID_AS_MINE.match(self.text)) and (self.state.get("focus_goal") or {}).get("whose") == "theirs":
            return self.confirm()  # "If it says X by Y, then that's mine": the goal in their words, and a yes
        if phase == "confirm":
            return self.confirm()
        self.absorb()
        greeting = self.remember() if self.turn == 1 else ""
        chosen = self.choose(self.get("phase") or phase)
        if greeting and chosen.kind != Kind.CHECKIN_OPEN:
            chosen.facts["greeting_goal"] = greeting
        if self.added:
            chosen.facts.setdefault("added", self.added)
        if self.earlier_goal:
            chosen.facts["earlier_goal"] = self.earlier_goal
        if self.answers_why:
            chosen.facts["why_answer"] = True
        if self.picked:
            chosen.facts["picked"] = self.picked
        return chosen

    # -- taking in what the message holds, whatever was asked -------------------------------------
    def absorb(self) -> None:
        r, s = self.r, self.state
        horizons = dict(s.get("horizons", {}))
        for h in r.horizons:
            horizons[h] = horizons.get(h, 0) + 1
        if self.pending.get("kind") == "horizon":
            horizons[self.pending["key"]] = horizons.get(self.pending["key"], 0) + 1
        self.update["horizons"] = horizons
        stage = r.stage
        if self.pending.get("kind") == "stage" and not stage:
            stage = next((v for rx, v in STAGE_ANSWERS if rx.search(self.text)), None)
        if stage:
            self.update["stage_of_career"] = stage
        if r.has("skip_ahead"):
            self.update["insisted"] = True
        if self.pending.get("kind") == "examine":
            self.update["examined"] = sorted(set(s.get("examined", [])) | {self.pending["key"]})
        if s.get("phase") in ("done",) and (r.goal or r.other_goal):
            self.update.update(phase="explore", focus_goal=None, draft={}, examined=[], saved_goal_id=None)
        if self.get("phase") in ("actions", "checkin_date", "checkin"):
            return  # steps and dates for a goal already accepted: nothing here is a new goal or a part of one
        if self.get("phase") == "done":
            self.take_goals()  # the goal is saved: only a new goal starts anything; its parts are not redrafted
            return
        if self.set_by_someone_else():
            return
        self.take_goals()
        self.take_parts()

    def set_by_someone_else(self) -> bool:
        """ "company set it. its in my review", said of the goal they named as if theirs: it is someone else's, to be
        examined as such; the message is about whose it is, not a part of it."""
        focus, r = self.get("focus_goal"), self.r
        if not focus or focus["whose"] != "theirs" or r.any_goal or not (m := SET_BY.search(self.text)):
            return False
        who = (m["who"] or "someone else").lower().removeprefix("the ").removeprefix("our ")
        self.update.update(focus_goal={**focus, "whose": "someone_else", "by": who, "in_their_words": True},
                           examined=[], phase="examine")
        return True

    def take_goals(self) -> None:
        r = self.r
        mentioned = list(self.state.get("goals_mentioned", []))
        known = {g["text"].lower() for g in mentioned}
        said = []
        if r.other_goal and not generic_goal(r.other_goal):  # "my daughter says I need a goal" names no goal
            said.append(GoalMention(text=r.other_goal, whose="someone_else", by=r.other_by, turn=self.turn))
        if r.duty_goal and not r.goal:
            said.append(GoalMention(text=r.duty_goal, whose="unclear", by="me", turn=self.turn))
        goals = r.goals or ((r.goal,) if r.goal else ())
        if named := named_goal(self.text, goals):
            # "my goal is change to data science master ... before that i want finish 3 courses": one goal, named as
            # such; the other wants are its parts, not goals to choose between
            goals = (named,)
        for words in goals:
            if len(goals) >= 2 and goal_as_reason(self.text, words):
                self.because = words  # "pass the exam by February, because I want to move into the platform team": why
                continue
            said.append(GoalMention(text=words, whose="theirs", by="me", turn=self.turn))
        if self.pending.get("key") in ("yours", "specific", "invite") and not r.has(
                "skip_ahead", "agree", "change_mind", "feeling", "asks_advice", "question_to_waymark", "unsure", "permission",
                "distress", "off_topic") and not STEPS_LABEL.match(self.text) and (terse := terse_goal(self.text)) \
                and not any(g["whose"] == "theirs" and overlap(terse, g["text"]) >= 0.5 for g in said):
            # asked for the goal in their own words, "the revision guide i guess" is it, however plainly said; "head
            # of year feels like someone elses goal" after it is about the other goal, not a goal
            said = [g for g in said if not NOT_A_GOAL.search(g["text"])]
            if not any(g["whose"] == "theirs" for g in said):
                said.append(GoalMention(text=terse, whose="theirs", by="me", turn=self.turn))
        self.fresh = [g for g in said if g["text"].lower() not in known]
        self.update["goals_mentioned"] = mentioned + self.fresh
        own_now = [g for g in self.fresh if g["whose"] == "theirs"]
        focus = self.get("focus_goal")
        if self.pending.get("kind") == "connect" and not own_now and mentioned:
            if chosen := closest(mentioned[-4:], self.text):
                self.set_focus(chosen)
            return
        theirs = [g for g in mentioned[-4:] if g["whose"] == "theirs"]
        if not own_now and focus is None and len(theirs) >= 2 and (short := terse_goal(self.text)) \
                and not re.search(r"\b(?:not|no|neither|nor)\b", short, re.I) \
                and (best := max(theirs, key=lambda g: overlap(g["text"], short))) and overlap(best["text"], short) >= 0.3:
            # "Other option is standing for branch secretary ..." then "Hm. Training, I think.": one of the goals they
            # have been weighing, chosen by name
            self.set_focus(best)
            return
        asked_for_goal = self.pending.get("kind") in ("invite", "connect") or self.pending.get("key") in ("specific", "yours")
        plain = bool(r.goals) or len(self.text.split()) <= 4 or bool(PLAIN_GOAL.search(self.text) and r.goal)
        if own_now and focus and focus["whose"] == "theirs" and not (plain or asked_for_goal or r.has("change_mind")):
            own_now = []  # with a goal already in hand, only words that plainly state a goal change it
        if own_now and focus and focus["whose"] == "theirs" and _ALTERNATIVE.search(self.text) \
                and overlap(focus["text"], own_now[-1]["text"]) < 0.5:
            # "Other option is standing for branch secretary. Or neither ...": a second goal beside the first, to
            # weigh side by side, not the first one's why or its rewording
            self.fresh = [focus, *self.fresh]
            return
        # asked why it matters, or answering as if asked ("Because it's the part I'm good at. And I want the last
        # stretch of my working life to be something I chose"): a want said there is the why, not a new goal
        asked_why = self.pending in ({"kind": "examine", "key": "why"}, {"kind": "smarty", "key": "relevant"}) \
            or bool(re.match(r"\W*(?:because|'?cause|cos|coz|it matters)\b", self.text, re.I))
        if (own_now and focus and focus["whose"] == "theirs" and asked_why
                and r.goals and not r.has("change_mind") and not (sharpens(focus["text"], own_now[-1]["text"]) and r.scores.get("reason", 1.0) < SHARPENS_NOT_WHY)):
            # Their own goal, then "what would it give you?" -- "I want to be the one who ...": why it matters, not a
            # new goal. (Asked about someone else's goal, "what I want is ..." is their own version: taken as a goal.)
            own_now = []
            self.answers_why = True
        if own_now and focus and STEPS_LABEL.match(self.text):
            own_now = []  # "Right so steps. Monday I'll email the college ...": the steps toward it, not a new goal
        if own_now and focus and SELF_ASKED_MEASURE.match(self.text):
            own_now = []  # "How would I know it's working? ... if I'm the one Ciarán brings on the farm calls": the measure
        if (own_now and focus and focus["whose"] == "theirs" and r.reason and REASON.search(self.text)
                and own_now[-1]["text"].lower() in r.reason.lower() and not r.has("change_mind")):
            own_now = []  # "it matters because I want to work with the sickest patients": why, not a new goal
        if own_now:
            goal = own_now[-1]
            if focus and focus["whose"] == "theirs" and not self.r.has("change_mind"):
                # Their own goal said again, their way ("something like becoming..."): a refinement, not a new goal.
                self.update["focus_goal"] = goal
                before = self.get("draft") or {}
                self.update["draft"] = drafting.restate(before, goal["text"], self.turn, self.today)
                self.added += [p for p in ("specific", "time_bound") if self.update["draft"].get(p) != before.get(p)]
            else:
                if focus is not None and focus["whose"] == "theirs":
                    self.earlier_goal = focus["text"]
                self.set_focus(goal, keep_examined=focus is not None and focus["whose"] != "theirs")
            return
        # "My mother she want me do medicine ... But I like nursing, I choose it": with their own goal in hand, a
        # change of mind is said as one ("actually, scrap that"), not read into a "but"
        changed = r.has("change_mind") and (focus is None or focus["whose"] != "theirs"
                                            or bool(CHANGE_MIND.search(self.text) or DISTANCE.search(self.text)))
        if focus is None or changed:
            other = next((g for g in self.fresh if g["whose"] != "theirs"), None)
            if other:
                self.set_focus(other)
            elif changed and focus is not None and not (r.timeframe or r.measure):
                # "actually March is too soon, let's make it the end of June" changes a part, not the goal
                self.earlier_goal = focus["text"]
                self.update.update(focus_goal=None, draft={}, examined=[], phase="explore")

    def set_focus(self, goal: GoalMention, *, keep_examined: bool = False) -> None:
        self.update["focus_goal"] = goal
        if not keep_examined:
            self.update["examined"] = []
        draft = drafting.start(goal["text"], self.turn, self.today) if goal["whose"] == "theirs" else {}
        # Parts said before any goal was named (a date, a measure, a first step) belong to the first goal; parts
        # said about someone else's goal, or about a goal the person moved away from, do not.
        before = self.state.get("focus_goal")
        if before and before.get("in_their_words") and (earlier := self.state.get("draft") or {}).get("time_bound") \
                and "time_bound" not in draft:
            draft["time_bound"] = earlier["time_bound"]  # "get aws pro cert by march. company set it": the date was theirs to say
        if before is None:
            earlier = self.get("draft") or {}
            said_at = earlier.get("said_at", {})
            for part in ("measurable", "achievable", "relevant", "time_bound", "actions"):
                # A value voiced while exploring ("I care about fairness") is not yet why *this* goal matters:
                # only a reason given with the goal, or just before it, is carried into it.
                stale = part == "relevant" and said_at.get(part, self.turn) < self.turn - 1
                if part in earlier and part not in draft and not stale:
                    draft[part] = earlier[part]
            draft["said_at"] = {**earlier.get("said_at", {}), **draft.get("said_at", {})}
        self.update["draft"] = draft
        if self.get("phase") in ("draft", "confirm") and goal["whose"] != "theirs":
            self.update["phase"] = "examine"

    def take_parts(self) -> None:
        if self.get("phase") in ("checkin", "actions", "checkin_date"):
            return
        expecting = None
        if self.pending.get("kind") == "smarty":
            expecting = self.pending["key"]
        elif self.pending == {"kind": "examine", "key": "why"}:
            expecting = "relevant"
        focus = self.get("focus_goal")
        r = self.r
        asked_in = next((x for x in re.split(r"(?<=[.!?])\s+", self.text) if ASKS_CHECK_IN.search(x)), "")
        if asked_in and (when := find_when(asked_in, self.today)):
            # "check in sun 9 feb?": when to look at it together, kept for the save (and said so); not when the
            # goal is due ("By end of March. Could we check in mid February?" keeps March as the deadline)
            self.update["check_in_wish"] = self.noted_check_in = when[0].isoformat()
            if r.timeframe and r.timeframe in asked_in:
                r = replace(r, timeframe="")
        draft, added = drafting.absorb(self.get("draft") or {}, r, self.turn, self.today, expecting,
                                       goal_is_theirs=focus is None or focus["whose"] == "theirs",
                                       no_goal_yet=focus is None)
        if self.last_kind == Kind.OPTIONS and self.state.get("offered"):
            # "which of these, or what would you do differently?": a choice, or their own way, is a step of theirs
            choice = picked(self.state["offered"], self.text)
            # "actually no make that the jan 2028 intake": a change to the draft, not a way of their own to try
            own_way = (not choice and not unanswerable(self.r, self.text) and len(content_words(self.text)) >= 2
                       and not self.r.has("change_mind")
                       and bool(self.r.has("action") or NAMED.search(self.text) or OWN_PLAN.search(self.text))
                       # a story around it ("my husband's cousin went part-time ... I've wondered about mediation") is
                       # read as a story; only a step said as one, or said briefly, goes in as their way
                       and (bool(self.r.actions) or len(self.text.split()) <= 20))
            if choice or own_way:  # it answers the options, so a hunch that it is a measure or a reason is set aside
                before = self.get("draft") or {}
                for part in [p for p in added if p in drafting.SAID_OUTRIGHT and not drafting.said_outright(p, self.text)]:
                    draft = {**draft, part: before.get(part)} if before.get(part) else {k: v for k, v in draft.items() if k != part}
                    added.remove(part)
            own = list(self.r.actions) or [self.text.strip()]  # the steps, not the story around them
            steps = [as_step(choice, self.text)] if choice else [clip_words(o, drafting.PART_WORDS) for o in own] if own_way else []
            if new := [s for s in steps if s and s not in draft.get("actions", [])]:
                draft = {**draft, "actions": [*draft.get("actions", []), *new]}
                added.append("actions")
            self.picked = called(self.text) if choice else "your own way" if own_way else ""
        if expecting and expecting not in added and self.pending.get("kind") == "smarty" and \
                (added or self.r.has("asks_advice", "question_to_waymark", "permission")):
            # asked for one part, they gave another or asked something of their own: the question was not
            # answered, so it may be asked again once theirs is taken up; but only once, or the same question
            # follows them turn after turn while they talk about something else
            again = draft.get("asked_again", [])
            if expecting not in again:
                draft = {**draft, "asked_parts": [p for p in draft.get("asked_parts", []) if p != expecting],
                         "asked_again": [*again, expecting]}
        named = named_goal(self.text, self.r.goals)
        if named and not draft.get("measurable") and (self.get("focus_goal") or {}).get("whose") == "theirs" \
                and ON_THE_WAY.search(self.text):
            # "my goal is change to data science master ... before that i want finish 3 online courses and make 2
            # project": the want that counts things done is how they would know, said with the goal they named
            counts = [w for w in self.r.goals if w != named and counts_things_done(w)]
            if counts:
                draft = {**draft, "measurable": clip_words(counts[0], drafting.PART_WORDS),
                         "said_at": {**draft.get("said_at", {}), "measurable": self.turn}}
                added.append("measurable")
        if self.because and not draft.get("relevant") and (self.get("focus_goal") or {}).get("whose") == "theirs":
            draft = {**draft, "relevant": clip_words(self.because, drafting.PART_WORDS),
                     "said_at": {**draft.get("said_at", {}), "relevant": self.turn}}
            added.append("relevant")
        if self.answers_why and "relevant" not in added:
            draft = {**draft, "relevant": clip_words(self.text.strip(), drafting.PART_WORDS),
                     "said_at": {**draft.get("said_at", {}), "relevant": self.turn}}
            added.append("relevant")
        self.added += added
        self.update["draft"] = draft

    def own_view(self) -> bool:
        """After the offer of options, "ok. this week i sign up for the python course" answers its other half (what
        have you already considered?): their own view, not a yes to the options."""
        return bool(self.r.actions) or (len(self.text.split()) > 6 and not self.r.has("permission", "asks_advice"))

    # -- choosing the move ---------------------------------------------------------------------------
    def choose(self, phase: str) -> Move:
        r = self.r
        if phase == "checkin":
            return self.next_check_in_step()
        if self.turn == 1 and (opened := self.open_check_in()):
            return opened
        if phase in ("done", "checkin_date", "actions") and (revised := self.revise_saved()):
            return revised
        if phase == "actions":
            return self.take_actions()
        if phase == "checkin_date":
            return self.take_check_in_date()
        news = bool(self.fresh or self.added)
        # "dont want that tbh. hate heights lol. and its his thing not mine": distance from a goal, not an aside
        aside = r.has("off_topic") and not news and not GREETING.search(self.text) and not DISTANCE.search(self.text)
        if aside and self.get("focus_goal") and r.scores.get("off_topic", 1.0) < ASIDE_WITH_A_GOAL:
            # with a goal in hand, "prob gonna blow it tho lol" and "cut the energy drinks. rip monster" are about it,
            # however slangy; only a plain aside ("did you see the match?", 0.95 and up) is set aside
            aside = False
        # "becoming the one who owns the lab's quality data? is that even a thing": a question about their goal, which
        # is taken up; only a plain question about Waymark ("who can read this?") is answered beside one.
        # "any advice on how to do that?" is addressed to Waymark but asks about their goal: the advice path takes it.
        about = (r.has("question_to_waymark") and not r.has("asks_advice") and not SAVE.search(self.text)
                 and (not news or bool(QUESTION_TO_WAYMARK.search(self.text))))
        if about or aside:
            return self.move(Kind.ASIDE, pending=self.state.get("pending"),
                             topic="about" if about else "off_topic",
                             question_text=self.repeat_question(),
                             reason="a question about Waymark, or an aside: answered briefly, then back to them")
        own_goal_now = any(g["whose"] == "theirs" for g in self.fresh)
        focus = self.get("focus_goal")
        if focus and focus["whose"] == "theirs" and PLAN_HELP.search(self.text) and not OPTIONS_ASKED.search(self.text):
            own_goal_now = True  # "can you help me plan it out?" with their own goal in hand: planning, not the answer
        offered = self.last_kind in (Kind.ADVICE_OFFER, Kind.OPTIONS) or self.state.get("advice_asks", 0)
        if not own_goal_now and not self.picked and (r.has("asks_advice") or OPTIONS_ASKED.search(self.text) or
                                                     (r.has("permission") and offered) or
                                 (r.has("agree") and self.last_kind == Kind.ADVICE_OFFER and not self.own_view())):
            return self.advice()  # a goal of their own with "can you help me plan it?" is planned, not answered
        own_fresh = [g for g in self.fresh if g["whose"] == "theirs"]
        if len(own_fresh) >= 2 or (len(self.fresh) >= 3):
            self.update["focus_goal"] = None
            self.update["draft"] = {}
            q = self.ask("connect", "connect")
            return self.move(Kind.CONNECT, phase="examine", question=q, goals=[gist(g["text"]) or clip_words(g["text"], 8) for g in self.fresh],
                             pending={"kind": "connect", "key": "connect"}, reason="several goals at once: their choice")
        # "Shall we say the middle of January for checking in? By then I should know ...": the date, not a new duty
        if phase == "done" and not own_fresh and (CHECK_IN.search(self.text) or ASKS_CHECK_IN.search(self.text)) \
                and (found := self.check_in_when()):
            return self.move(Kind.SET_CHECK_IN, phase="done", check_in=found[0].isoformat(),
                             farewell=bool(FAREWELL.search(self.text)), reason="a new check-in date for the saved goal")
        if phase == "done" and not self.fresh and not self.added:
            # "thanks, save it" after the check-in date: it is stored; showing the draft again would ask for it twice
            thanks = bool(FAREWELL.search(self.text) or THANKS.search(self.text))
            return self.move(Kind.ALREADY_SAVED, phase="done", farewell=thanks,
                             question=None if thanks else self.ask("invite", "more"),
                             reason="the goal is saved already: said so, nothing drafted again")
        if two_parts(self.text) and not own_fresh and phase in ("explore", "examine", "draft") \
                and (q := self.lib.question("examine", "sides", exclude=self.asked())):
            # "part of me wants the promotion ... but part of me has wanted to teach maths for years": the pull both
            # ways is what they brought; asking for a measure next would walk past it
            self.update["asked"] = sorted(self.asked() | {q.id})
            return self.move(Kind.EXAMINE, question=q, pending={"kind": "sides", "key": "sides"},
                             reason="two sides of them pulling different ways: what each gives, before any part of a goal")
        if self.get("focus_goal") is not None:
            return self.goal_move()
        if r.other_goal and generic_goal(r.other_goal):
            # "my daughter says I need a goal": a push with no goal in it; what would be theirs, if anything?
            return self.move(Kind.INVITE_GOAL, phase="explore", question_text=load_prompt("pushed_question"),
                             pending={"kind": "invite", "key": "invite"}, reason="pushed to have a goal: what would be their own")
        if self.get("insisted") or set(self.added) & {"measurable", "achievable", "actions"} or self.r.actions:
            q = self.ask("invite", "invite")
            why = "wants to go to a goal" if self.get("insisted") else "a measure or a step given before any goal"
            return self.move(Kind.INVITE_GOAL, phase="explore", question=q, pending={"kind": "invite", "key": "invite"},
                             draft=self.get("draft") or {}, reason=f"{why}: the goal in their words")
        return self.explore()

    def revise_saved(self) -> Move | None:
        """ "the exam got moved to 14 March", after saving: the saved goal changes, in their words."""
        r = self.r
        saved = bool(self.get("saved_goal_id")) and self.get("phase") != "actions"
        if self.fresh or not (saved or self.get("phase") == "actions") or CHECK_IN.search(self.text) or not (
                number_change(self.text) or (r.timeframe and (MOVED_TO.search(self.text) or r.has("change_mind")))):
            return None
        draft, changed = drafting.absorb(self.get("draft") or {}, r, self.turn, self.today, keep_given=True)
        before = self.get("draft") or {}
        changed = [p for p in ("statement", "measurable", "time_bound") if p in changed or draft.get(p) != before.get(p)]
        if not changed:
            return None
        self.update["draft"] = draft
        if not saved:  # accepted, steps still to come: the draft changes, and the steps question stands
            return self.move(Kind.ACTIONS_RETRY, phase="actions", question=self.lib.question("actions", "actions"), count=0,
                             draft=draft, added=changed, pending={"kind": "actions", "key": "actions"},
                             reason="a part of the accepted goal changed before its steps: the draft follows")
        return self.move(Kind.REVISE_SAVED, phase="done", draft=draft, added=changed,
                         question=self.ask("invite", "more"), reason="a part of the saved goal changed: revised")

    def repeat_question(self) -> str:
        last = self.state.get("move") or {}
        q = self.lib.question_by_id(last["question_id"]) if last.get("question_id") else None
        # a second aside in a row keeps the question the first one came back to
        return q.text if q else (last.get("facts") or {}).get("question_text") or self.lib.question("invite", "more").text

    def advice(self) -> Move:
        asks = self.state.get("advice_asks", 0)
        self.update["advice_asks"] = asks + (1 if self.r.has("asks_advice") else 0)
        granted = (self.r.has("permission") or (self.r.has("agree") and self.last_kind == Kind.ADVICE_OFFER)
                   or bool(OPTIONS_ASKED.search(self.text)))
        if asks == 0 and not granted:
            q = self.ask("advice", "gate")
            return self.move(Kind.ADVICE_OFFER, question=q, pending={"kind": "advice", "key": "gate"},
                             reason="asked for the answer: acknowledged, options offered with their permission")
        self.update["advice_welcome"] = True
        again = self.last_kind == Kind.OPTIONS  # "ok, share some options" right after them: not the same list twice
        return self.move(Kind.OPTIONS, reason="asked again, or gave permission: options, the choice theirs", again=again,
                         question_text="Which of these, if any, fits you, or what would you do differently?")

    def goal_move(self) -> Move:
        focus = self.get("focus_goal")
        whose = focus["whose"]
        examined = self.get("examined", [])
        draft = self.get("draft") or {}
        insisted = self.get("insisted", False)
        needed = EXAMINE_NEEDED[whose]
        if whose == "theirs" and draft.get("relevant"):
            needed = 0  # why it matters is already said: that was the one ownership question's job
        if whose != "theirs" and self.pending.get("kind") == "examine" and DISTANCE.search(self.text) and not insisted:
            # "I don't care much about managing people": their distance is the answer; what would they work toward?
            q = self.ask("invite", "invite")
            return self.move(Kind.INVITE_GOAL, phase="examine", question=q, pending={"kind": "invite", "key": "invite"},
                             reason=f"distance from {focus['by']}'s goal: what they would work toward instead")
        if len(examined) < needed and not insisted:
            key = next(k for k in EXAMINE_ORDER[whose] if k not in examined)
            q = self.ask("examine", key)
            # Their own goal, concrete enough to draft, goes in the draft at once: the question is about it.
            show = whose == "theirs" and (drafting.is_concrete(draft) or len(draft.get("statement", "").split()) >= 4)
            if show:
                draft = {**draft, "shown": True}
                self.update["draft"] = draft
            return self.move(Kind.EXAMINE, phase="examine", question=q, pending={"kind": "examine", "key": key},
                             draft=draft if show else {}, show_draft=show,
                             reason=f"a goal {'of their own' if whose == 'theirs' else 'from ' + focus['by']}: '{key}' first")
        if whose != "theirs":
            if self.pending == {"kind": "smarty", "key": "yours"}:
                # Asked for their own version and none came: no pressing; explore what matters to them instead.
                return self.explore()
            q = self.ask("smarty", "yours")
            return self.move(Kind.DRAFT_ASK, phase="draft", question=q, pending={"kind": "smarty", "key": "yours"},
                             reason="examined: the goal in their own words", insist=insisted and len(examined) < needed)
        return self.draft_step(insist=insisted and len(examined) < needed)

    def draft_step(self, insist: bool = False) -> Move:
        """Ask for the first open part not asked yet; once each open part has been asked for, show the draft for
        confirmation with what is still open marked (a part is asked for once, never again and again)."""
        draft = dict(self.get("draft") or {})
        asked = list(draft.get("asked_parts", []))
        self.update["phase"] = "draft"
        vague = len(draft.get("statement", "").split()) < 4 and "specific" not in asked
        todo = (["specific"] if vague else []) + [p for p in drafting.open_parts(draft) if p not in asked]
        if not vague and all(draft.get(p) for p in ("measurable", "time_bound", "relevant")):
            todo = []  # what, how much, by when and why are theirs already: plan it; what is open shows as open
        if todo:
            part = todo[0]
            show = part != "specific" and (not draft.get("shown") or "specific" in self.added)
            draft.update(asked_parts=asked + [part], shown=draft.get("shown") or show)
            self.update["draft"] = draft
            q = self.ask("smarty", part)
            return self.move(Kind.DRAFT_ASK, phase="draft", question=q, pending={"kind": "smarty", "key": part},
                             draft=draft, show_draft=show, insist=insist,
                             reason=f"drafting from their words: '{part}' is still open")
        draft = drafting.finish({**draft, "shown": True})
        self.update["draft"] = draft
        self.update["phase"] = "confirm"
        return self.move(Kind.PRESENT_DRAFT, phase="confirm", draft=draft,
                         reason="every part in their words, or asked for once: theirs to confirm or edit")

    def explore(self) -> Move:
        horizons = self.get("horizons", {})
        done = [h for h in HORIZONS if horizons.get(h, 0) > 0]
        if len(done) >= INVITE_AFTER_HORIZONS or self.r.has("unsure") and len(done) >= 2:
            q = self.ask("invite", "invite")
            if q and q.id not in set(self.state.get("asked", [])):
                return self.move(Kind.INVITE_GOAL, phase="explore", question=q, pending={"kind": "invite", "key": "invite"},
                                 reason=f"{len(done)} horizons explored: what would they work toward")
        if not self.get("stage_of_career") and self.turn >= 3 and not any(a.startswith("career-stage") for a in self.asked()):
            q = self.ask("stage", "stage")
            return self.move(Kind.STAGE, phase="explore", question=q, pending={"kind": "stage", "key": "stage"},
                             reason="career stage unknown: ask, never assume")
        order = sorted(HORIZONS, key=lambda h: (horizons.get(h, 0), HORIZONS.index(h)))
        for h in order:
            q = self.ask(f"horizon:{h}")
            if q is not None:
                return self.move(Kind.EXPLORE, phase="explore", question=q, pending={"kind": "horizon", "key": h},
                                 reason=f"no goal yet: exploring {h}, the horizon least covered", horizon=h)
        q = self.ask("invite", "more") or self.lib.question("invite", "invite")
        return self.move(Kind.INVITE_GOAL, phase="explore", question=q, pending={"kind": "invite", "key": "invite"},
                         reason="every exploration question asked")

    # -- the drafted goal: accept, edit, set aside ------------------------------------------------------
    def confirm(self) -> Move:
        draft = dict(self.state.get("draft") or {})
        text = self.text.strip()
        r = self.r
        if r.has("question_to_waymark") and QUESTION_TO_WAYMARK.search(text) and not (
                r.any_goal or r.measure or r.timeframe or r.feasibility or r.reason or r.actions):
            # "btw is this chat private?" with the draft on the table: answered, then the draft is still theirs to judge
            return self.move(Kind.ASIDE, phase="confirm", pending=self.state.get("pending"), topic="about",
                             question_text=load_prompt("draft_question"), reason="a question about Waymark while confirming")
        if (r.has("asks_advice") or OPTIONS_ASKED.search(text)) and not ACCEPT.match(text) and not FIELD.search(text) \
                and not PLAN_HELP.search(text) and not FIRST_ASKED.search(text) and not drafting.SWAP.search(text) and not (
                r.any_goal or r.measure or r.timeframe or r.feasibility or r.reason or r.actions):
            # "What do other designers do? Just tell me what is better": heard and answered with the offer; the draft
            # waits (in the drafting phase, so a "yes please" is a yes to the options, not to the draft)
            self.update["phase"] = "draft"
            return self.advice()
        edits = {FIELD_NAMES.get(k.lower(), k.lower()): v.strip() for k, v in FIELD.findall(text.removeprefix("edit:"))}
        if (changed := drafting.swapped(draft, text)) and not edits and not (r.timeframe or r.measure):
            # "change 'supervising' to 'mentoring' ... with that change, yes, that is mine"
            if (ACCEPT.match(text) or MINE.search(text)) and not drafting.DOUBT.search(text):
                move = self.accept(drafting.finish(changed), r)
                move.facts.update(accepted_now=True, accepted_words=changed.get("statement", ""))
                return move
            edits = {p: changed[p] for p in drafting.WORDED if changed.get(p) != draft.get(p)}
        if text.lower() in ("accept", "reject"):
            action = text.lower()
        elif edits or text.lower().startswith("edit:"):
            action = "edit"
        elif REJECT.match(text) and not (SET_ASIDE.match(text) is None and (r.timeframe or r.measure or r.goal)
                                         and CORRECTION.search(text) and not DISTANCE.search(text)):
            # "no scratch that, ... september then": a "no" that gives a new date or number corrects the draft
            action = "reject"
        elif ACCEPT.match(text) and not (r.goal or r.measure or r.timeframe or r.feasibility):
            action = "accept"
        else:
            action = "edit"
        if action == "edit" and r.actions and not (edits or r.goal or r.measure or r.feasibility or r.reason) \
                and not _DECLINES.search(text) and not r.has("unsure", "change_mind"):
            # first steps in answer to the draft: they have moved on to doing it ("I will tell my colleagues thank
            # you, but no" turns something else down: no step, and no yes; "Not sure about the manager bit ... I'll
            # ask her then" is a doubt with a step in it, not a yes)
            action = "accept"
        if action == "edit" and (PLAN_HELP.search(text) or FIRST_ASKED.search(text)) and not (edits or r.goal or r.measure or r.timeframe):
            action = "accept"  # "can you help me plan it out?": the draft stands; they have moved on to doing it
        if STEPS_LABEL.match(text) and (listed := _steps_listed(text, self.today)):
            action = "accept"  # "first steps: buy the course and ..., and take one practice exam"
            r = replace(r, actions=tuple(listed))
        if action == "edit" and ASKS_CHECK_IN.search(text) and not (edits or r.goal or r.feasibility or r.reason) \
                and not (r.measure and not re.match(r"i(?:'ll| will) know\b", r.measure, re.I)) \
                and not drafting.DOUBT.search(text) and not r.has("change_mind", "unsure"):
            action = "accept"  # "can u check in w me on 16 july?": they have moved on to doing it; the date is the check-in's
        said_as_mine = SAID_AS_MINE.match(text)
        if said_as_mine and not overlap(said_as_mine["words"], draft.get("statement", "")):
            said_as_mine = None  # "yeah thats it. as long as the kids are fine, its mine": not the goal said again
        if (conditional := IF_IT_SAYS.match(text) or said_as_mine) and not drafting.DOUBT.search(text[conditional.end():]) and (
                overlap(conditional["words"], draft.get("statement", "")) >= drafting.RESTATED
                or len(content_words(conditional["words"])) >= 4):
            # "If it says part-time bookkeeping for two or three clients, three mornings a week, by the end of March,
            # then yes": a yes to the goal in the words they just gave, which become its words
            draft = drafting.finish(drafting.restate(draft, conditional["words"], self.turn, self.today))
            action = "accept"
        last_said = (re.split(r"(?<=[.!?])\s+", text) or [""])[-1]
        if action == "edit" and not edits and not r.has("unsure", "change_mind") and not drafting.DOUBT.search(text) \
                and ((ACCEPT.match(text) and MINE.search(text)) or _OWNED.match(last_said)):
            # "yeah thats it. one supper club for 12 on saturday 28th march ... thats mine": their last words on it,
            # and a yes: what they restate fills what was open, and the goal is theirs. A part they change ("yes it's
            # mine, but make it 3 clients") is an edit: the draft is shown again first.
            restated = drafting.revised(draft, r, self.turn, self.today)
            if all(restated.get(p) == draft.get(p) for p in drafting.ASK_ORDER if draft.get(p)):
                draft = drafting.finish(restated)
                action = "accept"
        if action == "accept":
            move = self.accept(draft, r)
            move.facts["accepted_now"] = True
            if draft.get("statement") != (self.state.get("draft") or {}).get("statement"):
                move.facts["accepted_words"] = draft["statement"]  # "if it says X, then that's mine": X, said back
            return move
        if action == "reject":
            self.update.update(draft={}, focus_goal=None, examined=[], phase="explore")
            q = self.lib.question("invite", "invite")
            return self.move(Kind.REJECTED, phase="explore", question=q, pending={"kind": "invite", "key": "invite"},
                             reason="draft set aside by the person")
        before = dict(draft)
        if edits:
            for part, words in edits.items():
                draft[part] = drafting.dated(words, self.today) if part == "time_bound" else words
                if part == "statement":
                    draft["specific"] = words
        else:
            draft = drafting.revised(draft, r, self.turn, self.today)
        draft = drafting.finish(draft)
        self.update.update(draft=draft, phase="confirm")
        # what changed is named first: "fifteen, properly done, rather than twenty" is heard when it is shown back
        changed = [p for p in ("statement", *drafting.ASK_ORDER) if draft.get(p) and draft.get(p) != before.get(p)]
        if not changed and draft.get("actions") == before.get("actions"):
            # nothing of the draft moved ("Is that a bit cowardly?", "my daughter will be unbearable"): the same draft
            # again, whole, would answer them with a wall of text they have already read
            # what they said again that the draft already holds is named, so they see it was heard and kept
            already = [p for p in ("statement", *drafting.ASK_ORDER, "actions")
                       if draft.get(p) and overlap(" ".join(draft[p]) if p == "actions" else drafting.undated(draft[p]), text) >= 0.5]
            return self.move(Kind.PRESENT_DRAFT, phase="confirm", draft=draft, unchanged=True, already=already,
                             reason="draft as it was: theirs to confirm")
        return self.move(Kind.PRESENT_DRAFT, phase="confirm", draft=draft, changed=changed, reason="edited by the person")

    def accept(self, draft: dict, r: Reading) -> Move:
        """The draft is theirs: saved now if the steps are named, else their first steps are asked for."""
        text = self.text.strip()
        if ASKS_CHECK_IN.search(text):  # "Could we check in on Saturday the 19th?": kept for the save
            self.check_in_wish()
        draft["yours"] = "confirmed by you"
        # "can u check in w me on 16 july? see if ive sent them all": what the check-in is for, not a step
        steps = [a for a in r.actions if not ASKS_CHECK_IN.search(a) and not _CHECK_IN_PURPOSE.match(a)]
        draft["actions"] = list(dict.fromkeys([*draft.get("actions", []), *steps]))
        self.update["draft"] = draft  # the move's phase stands: saved now, or asking for the first steps
        steps = draft.get("actions", [])
        if len(steps) >= 2 or (steps and SAVE.search(self.text)):
            return self.save_with(steps, reason="accepted, and the first steps were already named")
        if steps:  # one step of theirs is in already: another, or save it as it is; not "what is the first step?"
            return self.move(Kind.ACTIONS_ASK, phase="actions", pending={"kind": "actions", "key": "actions"},
                             steps=steps, reason="accepted, with a first step already named: another, or save")
        if OPTIONS_ASKED.search(self.text) or FIRST_ASKED.search(self.text):
            # "got any ideas where to start?", "so what do I do first?": the draft stands, and asking for ideas is
            # the permission to list some
            self.update["advice_welcome"] = True
            return self.move(Kind.OPTIONS, phase="actions", pending={"kind": "actions", "key": "actions"}, again=False,
                             reason="accepted, and asked for ideas for a first step: options, the choice theirs")
        q = self.lib.question("actions", "actions")
        return self.move(Kind.ACTIONS_ASK, phase="actions", question=q, pending={"kind": "actions", "key": "actions"},
                         reason="accepted: their first steps")

    # -- first steps and the check-in date ----------------------------------------------------------------
    def save_with(self, actions: list[str], reason: str) -> Move:
        steps = [(text, when.isoformat()) for text, when in dated_steps(actions[:5], self.today)]
        wish = self.get("check_in_wish")
        self.update["check_in_wish"] = None  # used for this goal; a later goal in the conversation starts without it
        return self.move(Kind.SAVE_GOAL, phase="checkin_date", actions=steps, pending={"kind": "schedule", "key": "when"},
                         reason=reason, **({"check_in": wish, "check_in_theirs": True} if wish else {}))

    def check_in_when(self) -> tuple | None:
        """The date said for the check-in: the one in the sentence that asks for it first ("I'll sit down with my
        husband this weekend ... Could we check in at the end of January?": January), else any in the message; a date
        moved to ("the 20th? No, I'm on call the 20th ... Let's say the 21st") is the one they settled on."""
        if (words := moved_to(self.text, self.today)) and (moved := find_when(words, self.today)):
            return moved
        if m := CHECK_IN.search(self.text):
            said_in = next((x for x in re.split(r"(?<=[.!?])\s+", self.text) if m.group(0) in x), "")
            if found := find_when(said_in, self.today):
                return found
        return find_when(self.text, self.today)

    def check_in_wish(self) -> bool:
        """ "check in on the 20th?", said when asked for steps: the check-in date they want, kept for the save."""
        if not CHECK_IN.search(self.text) or not (found := self.check_in_when()):
            return False
        self.update["check_in_wish"] = found[0].isoformat()
        return True

    def take_actions(self) -> Move:
        named = list((self.get("draft") or {}).get("actions", []))
        if self.check_in_wish():
            if named:
                return self.save_with(named, reason="steps already named; the check-in date they asked for kept")
            q = self.lib.question("actions", "actions")
            return self.move(Kind.ACTIONS_RETRY, phase="actions", question=q, count=0, check_in_noted=self.update["check_in_wish"],
                             pending={"kind": "actions", "key": "actions"}, reason="a check-in date, kept; no step named yet")
        as_is = named and (SAVE.search(self.text) or re.match(r"^\W*(no|nope|nothing|that'?s (it|all|enough)|as it is|just that)\b", self.text, re.I))
        # "i did the cloud practitioner last year": how things stand, not a step; a question is not one either
        # only a message that reads as steps is split into steps: "oh wait, the exam got moved" is news, not a plan
        steps_said = self.r.has("action") or bool(self.r.actions) or bool(STEPS_LABEL.match(self.text)) \
            or _another_step(self.text)
        parsed = [] if as_is or not steps_said else self.steps_named()
        actions = list(dict.fromkeys(named + parsed))
        if not actions:  # one step the person chose is a plan; asking for a second would be the questionnaire again
            q = self.lib.question("actions", "actions")
            return self.move(Kind.ACTIONS_RETRY, phase="actions", question=q, count=0,
                             pending={"kind": "actions", "key": "actions"}, reason="no step named")
        return self.save_with(actions, reason="steps chosen: save the goal")

    def steps_named(self) -> list[str]:
        """The steps this message lists, in their words: not what has happened, not a question, not how things are."""
        named = [t for t in _steps_listed(self.text, self.today) if not t.rstrip().endswith("?") and not NOT_A_STEP.search(t)]
        return _with_their_whens(named, self.today)

    def step_said_in_passing(self, saved: list[str]) -> list[str]:
        """ "maybe I will work some days as dental nurse after all because ...": the step, without its why."""
        if not ACTION.search(self.text):
            return []
        steps = [_without_why(t) for t in self.steps_named()]
        return [t for t in steps if t not in saved and ACTION.search(t) and 3 <= len(t.split()) <= MAX_STEP_WORDS][:5]

    def add_steps(self, steps: list[str], saved: list[str], reason: str) -> Move:
        """Steps added to the saved goal while the check-in date is still being asked: dated after the saved ones."""
        dated = [(t, when.isoformat()) for t, when in dated_steps(steps, self.today, after=len(saved))]
        return self.move(Kind.ADD_STEPS, phase="checkin_date", actions=dated, pending={"kind": "schedule", "key": "when"},
                         reason=reason)

    def take_check_in_date(self) -> Move:
        saved = (self.get("draft") or {}).get("actions", [])
        about_check_in = bool(CHECK_IN.search(self.text) or TO_WAYMARK.search(self.text)
                              or (self.text.rstrip().endswith("?") and find_when(self.text, self.today)))
        another = _another_step(self.text) and not find_when(self.text, self.today) \
            and not MOVED_TO.search(self.text)  # "try the 9th" is the date
        if not about_check_in and (self.r.actions or STEPS_LABEL.match(self.text) or another):
            # "First steps, then. I'll ring Pat this week. I'll ask Mrs Dodds on Tuesday": steps, said when asked for
            # a check-in date; Tuesday is when a step happens, not the check-in
            if steps := [t for t in (_without_why(t) for t in self.steps_named()) if t not in saved][:5]:
                return self.add_steps(steps, saved, "more steps, given when asked for the check-in: added; the date question stands")
        found = self.check_in_when()
        if not found and not about_check_in and (steps := self.step_said_in_passing(saved)):
            # "And maybe I will work some days as dental nurse after all, because it helps with money": a step, not
            # a yes to the proposed date
            return self.add_steps(steps, saved, "a step said in passing when asked for the check-in: added; the date question stands")
        if found and not about_check_in and NOT_THEN.search(" ".join(re.split(r"[.,;]", self.text.split(found[1])[0])[-1].split()[-5:])):
            found = None  # "I've decided I won't tell my supervisor this week": when something will not happen
        # "And I'll sit down with my husband this weekend ... Could we check in at the end of January?": the step
        # said beside the date is kept too
        beside = [t for t in self.steps_named() if t not in saved and not CHECK_IN.search(t) and not TO_WAYMARK.search(t)
                  and not FAREWELL.search(t)][:5] \
            if about_check_in and self.r.actions else []
        dated = [(t, when.isoformat()) for t, when in dated_steps(beside, self.today, after=len(saved))]
        # "To be honest, I am little bit worried ...", said when asked about the date: the proposed date stands, and
        # what they said is heard first
        heard = {"reflect": True} if not found and not about_check_in and len(self.text.split()) > 6 else {}
        return self.move(Kind.SET_CHECK_IN, phase="done", check_in=found[0].isoformat() if found else None,
                         farewell=bool(FAREWELL.search(self.text)), reason="the person chose the check-in date",
                         **({"actions": dated} if dated else {}), **heard)

    # -- returning people and check-ins ---------------------------------------------------------------------
    def remember(self) -> str:
        """A returning person's remembered facts seed this conversation; the greeting names only the goal they were
        working on, in a few of their own words (never a label such as their career stage)."""
        if self.memory is None:
            return ""
        facts = self.memory.profile(self.state.get("user_id", ""))
        if not facts:
            return ""
        profile: dict[str, list[dict]] = {}
        for f in facts:
            profile.setdefault(f["field"], []).append({"text": f["text"], "turn": 0})
        self.update["profile"] = profile
        goals = [f["text"] for f in facts if f["field"] == "goal"]
        if not goals:
            return ""
        return gist(goals[-1], 8, as_noun=True)

    def open_check_in(self) -> Move | None:
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
        return self.move(Kind.CHECKIN_OPEN, phase="checkin", question=q, statement=goal["statement"],
                         pending={"kind": "checkin", "key": "progress"}, reason="a check-in is due: progress first")

    def next_check_in_step(self) -> Move:
        record = dict(self.get("check_in") or {})
        answers = dict(record.get("answers", {}))
        key = self.pending.get("key")
        if key:
            answers[key] = clip_words(self.text.strip(), 60)
        record["answers"] = answers
        self.update["check_in"] = record
        milestone = key == "progress" and checkin.milestone_in(self.text)
        for step, set_name, q_key in (("helped", "checkin", "helped"), ("obstacles", "stall", "in_the_way"),
                                      ("still_yours", "checkin", "still_yours"), ("next", "checkin", "next")):
            if step not in answers:
                q = self.lib.question(set_name, q_key)
                return self.move(Kind.CHECKIN_ASK, phase="checkin", question=q, milestone=milestone,
                                 pending={"kind": "checkin", "key": step}, reason=f"check-in: {step}")
        return self.move(Kind.SAVE_CHECK_IN, phase="done", reason="check-in complete: record it")


async def plan(state: CoachState, runtime: Runtime[Deps]) -> dict:
    planner = Planner(state, runtime.context.library, goals=runtime.context.goals, memory=runtime.context.memory)
    chosen = planner.decide()
    update = planner.update
    update["move"] = chosen.as_dict()
    update["pending"] = chosen.pending
    update.setdefault("phase", chosen.phase)
    return update
