"""Rule-based readings of a mentee's message. The graph routes on these: they are fast, and unlike a tiny
model they never invent a goal the person did not state."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

_I = re.IGNORECASE

CRISIS = re.compile(
    r"\b(kill(ing)? myself|end (my|it all)|suicid\w*|self[- ]harm|hurt(ing)? myself|cut(ting)? myself|"
    r"don'?t want to (live|be alive|be here)|no reason to live|better off (dead|without me)|want to die|"
    r"overdose|(he|she|they|partner|husband|wife) (hits|hit|beats|beat|hurts|threatens) me|being abused|abusive (partner|relationship)|"
    r"not safe at home|can'?t go on)\b", _I)

INJECTION = re.compile(
    r"(ignore|disregard|forget) (all |any )?(the )?(previous|prior|above|earlier|your) (instructions|rules|prompts?)|"
    r"\bsystem prompt\b|\byou are now\b|\bact as\b|\bjailbreak\b|\bdeveloper mode\b|\bnew instructions\b", _I)

ADVICE_REQUEST = re.compile(
    r"\b(just )?tell me what (to do|i should do|my goal should be|to aim for)|what should i (do|aim|choose|pick|focus)|"
    r"what (would|do) you (recommend|suggest|advise|do)|any (advice|tips|suggestions|ideas)|give me (some )?(advice|tips|ideas|options)|"
    r"can you (suggest|recommend|advise)|what'?s the best (way|thing|option)|pick (one|a goal) for me|"
    r"set (a|my) goal for me|choose for me|decide for me", _I)

PERMISSION = re.compile(
    r"^\s*(yes|yeah|yep|sure|ok(ay)?|please|go ahead)\b.*|\b(i'?d (like|love) (some )?(ideas|options|suggestions))|"
    r"\b(yes,? (please|options|ideas))|\bstill want (some )?(ideas|options|advice)|\bshare (some |your )?(ideas|options)", _I)

INSIST = re.compile(
    r"\b(let'?s|can we|i want to|i'?d like to) (just )?(set|write|draft|make|define|nail down) (the|a|my) goal|"
    r"\bskip (this|the questions|ahead)|\bi (already )?know (exactly )?what (my goal is|i want)|\bstop asking\b|"
    r"\bjust (help me )?(write|draft|set) (it|the goal|my goal)", _I)

OTHER_PEOPLE = (
    r"(?P<who>(?:my |our |the )?(?:manager|boss|supervisor|line manager|team lead|lead|director|company|employer|organi[sz]ation|hr|"
    r"parents?|mum|mom|dad|father|mother|family|partner|wife|husband|girlfriend|boyfriend|spouse|teacher|"
    r"mentor|coach|professor|advisor|everyone|people|they))"
)
# A goal runs to the end of its clause: "I want to X and I'd like to Y" holds two goals.
GOAL = r"(?P<goal>[^.!?\n]{3,160}?)(?=\s*,?\s+(?:and|but|because|so|although|though)\s+(?:i|i'?d|i'?m|my|also)\b|[.!?\n;]|$)"
OTHER_GOAL = re.compile(
    OTHER_PEOPLE + r" (really )?(wants?|expects?|told|tells|asked|asks|needs?|insists?|pushes|pushed|thinks? i should|"
    r"says? i should|said i should|would like) (me )?(to )?" + GOAL, _I)
OWN_GOAL = re.compile(
    r"\b(my goal is( to)?|i want to|i'?d (really )?like to|i would like to|i hope to|i wish i could|i'?m aiming to|"
    r"i aim to|i plan to|i dream of|my dream is( to)?|i'?m hoping to)\s+" + GOAL, _I)
DUTY_GOAL = re.compile(
    r"\b(i (need|have|ought) to|i should|i'?m supposed to|i must|i'?ve got to|i'?m meant to)\s+" + GOAL, _I)

EARLY = re.compile(r"\b(student|graduat\w+|intern(ship)?|first (job|role|year)|junior|entry[- ]level|just (started|joined)|"
                   r"new to (the|this|my)|early (in|career)|apprentice\w*)\b", _I)
MID = re.compile(r"\b(senior|mid[- ]career|team lead|manager of|managing|(5|6|7|8|9|ten|1\d|eight|nine|fifteen) years|"
                 r"promotion|career change|changing careers|middle manager)\b", _I)
LATE = re.compile(r"\b(retire\w*|late career|later career|last (few )?years|legacy|(2\d|3\d|twenty|thirty) years|"
                  r"winding down|end of my career|succession|pass on)\b", _I)

HORIZON_CUES = {
    "identity": re.compile(r"\b(who i am|i am (a|an)|become|the kind of|person i|i see myself|my role|as a person|strengths?|"
                           r"what gets in (the|my) way|holds? me back)\b", _I),
    "values": re.compile(r"\b(care about|matters? to me|important to me|value|values|meaningful|because i|believe in|passion\w*|love)\b", _I),
    "support": re.compile(r"\b(support\w*|mentor\w*|network|colleagues?|friends?|my partner|family|help(s|ed)? me|on my own|alone|resources)\b", _I),
    "contribution": re.compile(r"\b(contribut\w+|difference|impact|legacy|give back|others|achieve|look back|satisf\w+|status quo|community)\b", _I),
}

FORGET = re.compile(r"\bforget (?:what i (?:said|told you|wrote)|everything i said|that i said|that)(?: about| regarding)?\s*(?P<topic>[^.!?\n]*)", _I)

LOW_CONFIDENCE = re.compile(r"\b(not good enough|failed|failure|setback|rejected|laid off|fired|anxious|nervous|"
                            r"scared|afraid|overwhelmed|stuck|lost|doubt\w*|imposter|can'?t do|useless|burn(ed|t)? out|exhausted)\b", _I)
CHANGE_MIND = re.compile(r"\b(changed my mind|actually,? (i|no)|on second thought|not sure that'?s (it|what i want)|"
                         r"i don'?t want that anymore|scratch that)\b", _I)


@dataclass
class GoalMention:
    text: str  # the person's words for the goal
    whose: str  # "theirs", "someone_else" or "unclear"
    by: str  # who the goal came from, in the person's words ("my manager"), or "me"


@dataclass
class Signals:
    crisis: bool
    injection: bool
    asks_advice: bool
    permission: bool
    insists: bool
    changed_mind: bool
    low_confidence: bool
    stage: str | None
    horizons: list[str]
    goals: list[GoalMention]

    def as_dict(self) -> dict:
        return asdict(self)


def _clean_goal(text: str) -> str:
    text = re.split(r"\b(but|because|although|though|so that|and i|and my)\b", text, maxsplit=1, flags=_I)[0]
    return text.strip(" ,;:-").rstrip()


def goal_mentions(text: str) -> list[GoalMention]:
    found: list[GoalMention] = []
    for m in OTHER_GOAL.finditer(text):
        found.append(GoalMention(_clean_goal(m.group("goal")), "someone_else", m.group("who").strip().lower()))
    for m in OWN_GOAL.finditer(text):
        found.append(GoalMention(_clean_goal(m.group("goal")), "theirs", "me"))
    for m in DUTY_GOAL.finditer(text):
        found.append(GoalMention(_clean_goal(m.group("goal")), "unclear", "me"))
    unique: dict[str, GoalMention] = {}
    for g in found:
        key = g.text.lower()
        if len(g.text.split()) >= 2 and key not in unique:
            unique[key] = g
    return list(unique.values())


def career_stage(text: str) -> str | None:
    for stage, rx in (("late", LATE), ("early", EARLY), ("mid", MID)):
        if rx.search(text):
            return stage
    return None


def read(text: str) -> Signals:
    return Signals(
        crisis=bool(CRISIS.search(text)),
        injection=bool(INJECTION.search(text)),
        asks_advice=bool(ADVICE_REQUEST.search(text)),
        permission=bool(PERMISSION.search(text)),
        insists=bool(INSIST.search(text)),
        changed_mind=bool(CHANGE_MIND.search(text)),
        low_confidence=bool(LOW_CONFIDENCE.search(text)),
        stage=career_stage(text),
        horizons=[h for h, rx in HORIZON_CUES.items() if rx.search(text)],
        goals=goal_mentions(text),
    )
