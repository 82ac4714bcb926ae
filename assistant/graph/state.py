"""The self-coaching conversation's state: what the graph knows, turn after turn, checkpointed per thread."""

from __future__ import annotations

import operator
from typing import Annotated, NotRequired, TypedDict


class Message(TypedDict):
    role: str  # "user" or "assistant"
    content: str


class GoalMention(TypedDict):
    text: str  # the goal in the person's words
    whose: str  # "theirs", "someone_else" or "unclear"
    by: str  # who it came from, in their words ("my manager"), or "me"
    turn: int  # when it was said
    in_their_words: NotRequired[bool]  # said by the person as theirs, then "company set it": its date was theirs to say


class Draft(TypedDict, total=False):
    statement: str  # the goal, as the person said it
    specific: str
    measurable: str
    achievable: str
    relevant: str
    time_bound: str  # their date words, with the date they mean
    yours: str  # filled only when they confirm
    kind: str  # career / developmental / enabling / emotional
    said_at: dict[str, int]  # the turn each part came from, so a trainer can trace it
    actions: list[str]  # first steps named before they were asked for
    check_in: str  # a check-in date named before it was asked for
    asked_parts: list[str]  # the parts asked for, each once
    asked_again: list[str]  # the parts asked a second time after an answer about something else: never a third
    shown: bool  # the whole draft has been shown


class Pending(TypedDict):
    kind: str  # horizon / stage / examine / smarty / advice / actions / schedule / checkin / invite / connect
    key: str  # which horizon, angle, SMARTY part or step


class CheckIn(TypedDict):
    goal_id: int
    statement: str
    answers: dict[str, str]  # step -> their words


class CoachState(TypedDict, total=False):
    user_id: str  # whose conversation: goals and profile are stored under this name
    thread_id: str  # the conversation's id, kept with the goals it produced
    turn: int  # mentee turns so far
    user_text: str  # this turn's message
    history: Annotated[list[Message], operator.add]  # every message; nodes return only what they add
    reading: dict  # this turn's reading of the message (assistant.reading.Reading), made before the plan
    notice: str | None  # a plain message about bad input, shown instead of coaching
    profile: dict[str, list[dict]]  # facts about the person, each {"text", "turn"}, in their own words
    stage_of_career: str | None  # early / mid / late, only when the person said so
    horizons: dict[str, int]  # exploration horizon -> answers given about it
    asked: list[str]  # ids of vetted questions already asked, so none repeats
    pending: Pending | None  # the question just asked: the next message is read against it
    goals_mentioned: list[GoalMention]  # every goal the person named, in their words
    focus_goal: GoalMention | None  # the goal being examined and drafted
    examined: list[str]  # examination angles covered for the focus goal
    advice_asks: int  # times the person asked to be told what to do
    check_in_wish: str  # a check-in date they named before the goal was saved (ISO), used when it is
    offered: list[str]  # the options the last reply listed, so that "the second one" can be taken up
    advice_welcome: bool  # they asked for or permitted options: the guard lets options through
    insisted: bool  # they asked to go straight to a goal
    safety: bool  # a safety reply was given: coaching waits until the person asks to return to it
    safety_turns: int  # replies since the safety reply, so the follow-ups vary
    phase: str  # explore / examine / draft / confirm / actions / checkin_date / done / checkin
    draft: Draft  # SMARTY parts in the person's words
    saved_goal_id: int | None  # the stored goal this conversation produced
    check_in: CheckIn | None  # a check-in under way
    move: dict  # this turn's Move (moves.Move.as_dict)
    reply: str  # the reply sent this turn
    guard: dict  # the guard's verdict on the reply and what was done to pass it
    retrieved: list[dict]  # guidance notes used this turn: {"id", "title"}
    retrieval_note: str | None  # why guidance came from keyword search only, when it did
    summary: str  # a bounded summary of the person, for a model that reads or writes
