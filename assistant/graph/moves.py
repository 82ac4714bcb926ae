"""Every kind of move the coach can make, and what each implies. Routing, retrieval, rendering and the UI ask
this table instead of comparing strings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    NOTICE = "notice"  # the message could not be taken in (empty, too long)
    SAFETY = "safety"  # a risk to life or safety: human help, no coaching
    SAFETY_CHECK = "safety_check"  # a possible risk: a gentle question about safety, help named, no coaching
    AFTER_SAFETY = "after_safety"  # staying with the person after a safety reply, while they lead
    FORGET = "forget"  # the person asked Waymark to forget something
    ASIDE = "aside"  # a question about Waymark, or an aside, answered briefly; then back to them
    EXPLORE = "explore"  # a horizon question, for a person without a goal yet
    STAGE = "stage"  # career stage, asked never assumed
    INVITE_GOAL = "invite_goal"  # what would they like to work toward, in their words
    EXAMINE = "examine"  # a goal brought in ready-made: why, why now, whose, how big, what it replaces
    CONNECT = "connect"  # several goals at once: their connections, their choice
    ADVICE_OFFER = "advice_offer"  # a request for the answer, acknowledged: options offered with their permission
    OPTIONS = "options"  # options, asked for or permitted, the choice theirs
    DRAFT_ASK = "draft_ask"  # the draft so far, and the one part still open
    PRESENT_DRAFT = "present_draft"  # every part in their words: accept, edit or set aside
    ACTIONS_ASK = "actions_ask"  # accepted: their first steps
    ACTIONS_RETRY = "actions_retry"  # no step caught
    SAVE_GOAL = "save_goal"  # the goal and its first steps, stored
    SET_CHECK_IN = "set_check_in"  # the check-in date they chose, stored
    ADD_STEPS = "add_steps"  # more first steps named after saving: added to the saved goal; the check-in question stands
    REVISE_SAVED = "revise_saved"  # a date moved or a number changed after saving: the saved goal is revised
    ALREADY_SAVED = "already_saved"  # "save it" or "thanks" once the goal is stored: said so, nothing drafted again
    REJECTED = "rejected"  # the draft set aside
    CHECKIN_OPEN = "checkin_open"  # a check-in due: progress first
    CHECKIN_ASK = "checkin_ask"  # the next check-in question
    SAVE_CHECK_IN = "save_check_in"  # the check-in, stored


@dataclass(frozen=True)
class KindInfo:
    guidance: str | None  # the guidance phase retrieved for this move (None: no retrieval)
    saves: bool = False  # the move writes to the goal store (the save node runs)
    reflects: bool = True  # a reflection of the person's message leads the reply
    coaching: bool = True  # False: no goals, drafts, buttons or starters around this reply
    confirms: bool = False  # the graph pauses for accept / edit / set aside


MOVES: dict[Kind, KindInfo] = {
    Kind.NOTICE: KindInfo(None, reflects=False, coaching=False),
    Kind.SAFETY: KindInfo("safety", reflects=False, coaching=False),
    Kind.SAFETY_CHECK: KindInfo("safety", reflects=False, coaching=False),
    Kind.AFTER_SAFETY: KindInfo("support", reflects=False, coaching=False),
    Kind.FORGET: KindInfo(None, saves=True, reflects=False),
    Kind.ASIDE: KindInfo(None, reflects=False),
    Kind.EXPLORE: KindInfo("explore"),
    Kind.STAGE: KindInfo("explore"),
    Kind.INVITE_GOAL: KindInfo("explore"),
    Kind.EXAMINE: KindInfo("examine"),
    Kind.CONNECT: KindInfo("examine"),
    Kind.ADVICE_OFFER: KindInfo("support"),
    Kind.OPTIONS: KindInfo("support", reflects=False),
    Kind.DRAFT_ASK: KindInfo("draft"),
    Kind.PRESENT_DRAFT: KindInfo("draft", confirms=True),
    Kind.ACTIONS_ASK: KindInfo("draft", reflects=False),
    Kind.ACTIONS_RETRY: KindInfo("draft", reflects=False),
    Kind.SAVE_GOAL: KindInfo("draft", saves=True, reflects=False),
    Kind.SET_CHECK_IN: KindInfo("review", saves=True, reflects=False),
    Kind.ADD_STEPS: KindInfo(None, saves=True, reflects=False),
    Kind.REVISE_SAVED: KindInfo(None, saves=True, reflects=False),
    Kind.ALREADY_SAVED: KindInfo(None, reflects=False),
    Kind.REJECTED: KindInfo("explore", reflects=False),
    Kind.CHECKIN_OPEN: KindInfo("review", reflects=False),
    Kind.CHECKIN_ASK: KindInfo("review"),
    Kind.SAVE_CHECK_IN: KindInfo("review", saves=True),
}


@dataclass
class Move:
    """What the coach does this turn and why; nodes add facts, the renderer turns it into sentences."""

    kind: Kind
    phase: str  # the conversation's phase after this move: explore / examine / draft / confirm / actions / ...
    reason: str = ""  # why, in plain words: shown in replay and the UI's step
    question_id: str | None = None  # the vetted question asked, from the guidance library
    question: str = ""  # its text
    pending: dict | None = None  # what the next message is read against: {"kind", "key"}
    facts: dict = field(default_factory=dict)  # what the renderer needs: draft, added parts, saved goal, options...

    @property
    def info(self) -> KindInfo:
        return MOVES[self.kind]

    def as_dict(self) -> dict:
        out = asdict(self)
        out["kind"] = str(self.kind)
        return out

    @classmethod
    def from_dict(cls, data: dict | None) -> "Move | None":
        if not data:
            return None
        return cls(**{**data, "kind": Kind(data["kind"])})
