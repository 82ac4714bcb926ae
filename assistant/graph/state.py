"""The self-coaching conversation's state: what the graph knows, turn after turn, checkpointed per thread."""

from __future__ import annotations

from typing import Any, TypedDict


class CoachState(TypedDict, total=False):
    user_id: str  # whose conversation: goals and profile are stored under this name
    thread_id: str  # the conversation's id, kept with the goals it produced
    turn: int  # mentee turns so far; examination deadlines count in these
    user_text: str  # this turn's message, validated
    history: list[dict]  # every turn as {"role", "content"}; only the recent ones are sent to the model
    profile: dict[str, list[dict]]  # facts about the person, each {"text", "turn"}, in their own words
    stage_of_career: str | None  # early / mid / late, only when the person said so
    horizons: dict[str, int]  # exploration horizon -> answers given about it
    asked: list[str]  # ids of vetted questions already asked, so none repeats
    pending: dict | None  # the question just asked: {"id", "kind", "key"}; the next answer is read against it
    goals_mentioned: list[dict]  # goals in the person's words: {"text", "whose", "by", "turn"}
    focus_goal: dict | None  # the goal being examined and drafted
    examined: list[str]  # examination angles covered for the focus goal: why, why_now, yours, larger, replace
    advice_asks: int  # times the person asked to be told what to do; options come only after the first
    advice_welcome: bool  # the person asked for or permitted options; the guard lets options through
    insisted: bool  # the person asked to go straight to a goal; the graph says what it skips
    phase: str  # explore / examine / draft / confirm / actions / checkin_date / done / safety
    draft: dict  # SMARTY fields in the person's words
    saved_goal_id: int | None  # the stored goal this conversation produced
    check_in: dict | None  # a check-in under way: {"goal_id", "statement", "answers": {step: their words}}
    move: dict  # what the graph decided to do this turn, and why
    reply: str  # the reply sent this turn
    guard: dict  # the guard's verdict on the reply and what was done: sent / rewritten / fallback
    retrieved: list[dict]  # guidance notes used this turn: {"id", "title"}
    retrieval_note: str | None  # why guidance came from keyword search only, when it did
    summary: str  # a running summary of the person that stays bounded however long the talk
    notice: str | None  # a plain message about bad input or a failed model call, shown instead of coaching
    understanding: dict[str, Any]  # the last structured reading of the person's message
