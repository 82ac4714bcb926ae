"""An alternative for one flagged helper turn, written from that turn and what the person had just said: the
same idea offered with permission first, as one option among others; or, when the turn carries no idea to keep
(a goal set for the person), a reflection of the person's words and an open question. Never one stock sentence
for every turn: the trainer should be able to say it in that moment."""

from __future__ import annotations

import re

from assistant.reading import Reading
from assistant.reading.reflect import reflections
from assistant.text import sentences

# The directive frame and the idea it carries: "you should cut down to two drinks" -> "cut down to two drinks".
# Strong frames are looked for first: in "it would be my recommendation that you fall below 14 a week ... your
# willingness to try to make some improvements" the advice is the recommendation, not the "try to".
_IDEA = r"\s+(?P<idea>[^.!?\n]{3,160})"
STRONG = re.compile(
    r"\b(?:i think |i really think |honestly,? )?(?:you (?:really )?(?:should|need to|must|have to|ought to|'?ve got to|gotta)|"
    r"why don'?t you|i (?:would |'d )?(?:recommend|suggest|advise)(?: that you| you)?(?: to)?|"
    r"(?:it would be |it'?s |it is )?my (?:advice|recommendation|suggestion)(?: (?:is|would be))?(?: to| that you| that)?"
    r"(?:,? at some point,?)?(?: you)?(?: would| should)?|"
    r"i want you to|it(?: would be|'s| is) (?:best|better|important|wise|good) (?:for you )?(?:to|that you)|make sure (?:that )?you)"
    + _IDEA, re.I)
WEAK = re.compile(r"\b(?:you (?:might want to|could try(?: to)?)|(?<!and )try to|(?:just |simply )try)" + _IDEA, re.I)


# "I just wanted to review a couple of things" -> "review a couple of things": what the helper meant to do, which
# the alternative asks permission for.
WANTED_TO = re.compile(r"\bI (?:just |really )?(?:wanted|want|wanna|would like|'d like|was going) to (?:just )?"
                       r"(?P<act>(?:show|review|go over|let you know|share|tell|talk|look|mention|give|explain|ask)[^.!?\n]{0,160})", re.I)


def _directive(text: str) -> re.Match | None:
    return STRONG.search(text) or WEAK.search(text)


_SWAP = {"you": "they", "your": "their", "yours": "theirs", "yourself": "themselves", "you're": "they're",
         "you've": "they've", "you'll": "they'll", "you'd": "they'd"}
_VERB_FIX = {"they is": "they are", "they was": "they were", "they has": "they have", "they does": "they do"}


def _as_others_do(idea: str) -> str:
    """Second person to third, so the idea reads as what some people do: "cut back on your shifts" -> "... their shifts"."""
    words = [(_SWAP.get(w.lower(), w)) for w in idea.split()]
    text = " ".join(words)
    text = re.sub(r"\b(?:they|i think they) (?:really )?(?:should|need to|must|have to|ought to)\s+", "", text)  # "and you should stop" -> "and stop"
    for wrong, right in _VERB_FIX.items():
        text = re.sub(rf"\b{wrong}\b", right, text)
    return text.strip(" ,;:")


def _question_for(previous: Reading | None) -> str:
    """An open question that follows from what the person had just said."""
    if previous is None:
        return "What ideas do you already have about this?"
    if previous.has("asks_advice"):
        return "Before I add anything, what have you already thought of or tried?"
    if previous.has("unsure"):
        return "What would help you decide?"
    if previous.any_goal:
        return "What would reaching that give you?"
    if previous.feelings or previous.has("feeling"):
        return "What would make this feel more manageable for you?"
    if previous.reason:
        return "What would you like to do with that?"
    return "How would you like to take this forward?"


def alternative(text: str, labels: list[str], previous: Reading | None) -> str:
    """A non-directive way to make this turn, for a trainer to show: keeps the helper's idea, offered with permission,
    or reflects the person and asks an open question."""
    # A few words ("Okay, like what?") hold nothing to reflect; a stock line about them would ring false.
    said_something = previous is not None and len(previous.text.split()) >= 5
    heard = reflections(previous, limit=1) if said_something else []
    found = _directive(text)
    if found and "goal_imposition" not in labels:
        idea = _as_others_do(found["idea"])
        opener = heard[0] + " " if heard else ""
        if previous is not None and previous.has("asks_advice"):
            ask = "You asked what I think, so here is one idea, yours to take or leave: "
        else:
            ask = "Would it be all right if I mentioned one thing some people try? "
        some = "some " if ask.endswith(": ") else "Some "
        return f"{opener}{ask}{some}{'people ' if not idea.lower().startswith('people') else ''}{idea}. How would that fit for you, if at all?"
    if "goal_imposition" in labels:
        if heard:
            return f"{heard[0]} {_question_for(previous)}"
        return _question_for(previous)
    # Information given unasked: the same information, with permission asked first, in the helper's own terms.
    opener = heard[0] + " " if heard else ""
    intent = WANTED_TO.search(text)
    if intent:
        act = intent["act"].strip(" ,;:")
        act = " ".join(act.split()[:16]) + (" ..." if len(act.split()) > 16 else "")
        return f"{opener}Would it be all right to {act}? Then I'd like to hear what you make of it."
    first = next((s for s in sentences(text) if len(s.split()) > 3), text).strip().rstrip(".!")
    topic = re.sub(r"^(?:(?:so|well|okay|ok|um|uh|yeah|and|but|mm-hmm)[,.\s]+)+", "", first, flags=re.I)
    topic = topic if len(topic.split()) <= 14 else " ".join(topic.split()[:14]) + " ..."
    return (f"{opener}Would it be all right if I shared something here? (\"{topic}\") Then I'd like to hear what you "
            "make of it.")
