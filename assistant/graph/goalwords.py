"""Reading goal kinds and first actions from the person's own words."""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.dates import find_when, parse_when
from assistant.reading.spans import step_pieces
from assistant.text import content_words

KIND_CUES = {
    "emotional": r"\b(confiden\w*|stress\w*|anxi\w*|calm|balance|wellbeing|well-being|feel\w*|burn\w*|happ\w+|nerv\w+|worr\w+|self-esteem)\b",
    "enabling": r"\b(network\w*|time|budget|resources?|sponsor|mentor|introduc\w+|support|childcare|funding|tools?|find (a|someone))\b",
    "career": r"\b(promot\w+|job|role|career|certif\w+|salary|position|manager|director|lead(er|ership)?|hired|interview\w*|title|pmp|degree)\b",
    "developmental": r"\b(learn\w*|skill\w*|improv\w+|develop\w*|get better|practi[cs]e|master|speak\w*|writ\w+|present\w*|study|course)\b",
}


def goal_kind(text: str) -> str:
    """Career, developmental, enabling or emotional: the first kind whose cues appear; developmental otherwise."""
    scores = {k: len(re.findall(rx, text, re.I)) for k, rx in KIND_CUES.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else "developmental"


def _split_at_and(part: str) -> list[str]:
    """ "talk to my gaffer on Monday and check the day rota next week": an "and" right after a step's own when
    starts the next step; "agree the scope and the budget" stays one."""
    for m in re.finditer(r"\s+and\s+", part):
        left, right = part[: m.start()], part[m.end():]
        if len(right.split()) >= 2 and (when := find_when(left)) and left.rstrip(" ,").endswith(when[1]):
            return [left.strip(" ,"), *_split_at_and(right)]
    return [part]


def parse_actions(text: str, today: date | None = None) -> list[tuple[str, date]]:
    """Two to five actions from a list the person wrote; each keeps their words and gets a date (theirs, or spaced weeks)."""
    today = today or date.today()
    steps: list[tuple[str, date]] = []
    for p in (p for p in step_pieces(text) if len(p.split()) >= 2):
        pieces = [re.sub(r"^(?:and )?(?:then )?", "", piece, flags=re.I) for piece in _split_at_and(p)]
        shared = parse_when(pieces[0], today)  # "ring the office tomorrow and ask what the survey needs": one day
        steps += [(s, parse_when(s, today) or shared or today + timedelta(weeks=2 * (len(steps) + i + 1)))
                  for i, s in enumerate(pieces)]
    return steps[:5]


def dated_steps(steps: list[str], today: date, after: int = 0) -> list[tuple[str, date]]:
    """Each step with its date: the one its words name, or the next free fortnight after the `after` steps already
    dated."""
    return [(s, parse_when(s, today) or today + timedelta(weeks=2 * (after + i + 1))) for i, s in enumerate(steps)]


# A goal said as something to be or to feel ("be the one who designs things", "feel proud again", "show my kids
# ..."): in answer to "what would it give you?", that is why the goal matters.
WHY_WORDS = re.compile(r"^\W*(?:be|become|feel|show|prove|know|have|matter|make (?:a|my) (?:difference|mark))\b", re.I)
TO_DO = re.compile(r"^\W*(?:[a-z]+ing\b|(?:a|an|the|my|more|some|better)\b)", re.I)


def sharpens(before: str, after: str) -> bool:
    """ "cooking my own food", then "run a small weekend supper club of my own first": a want named as a thing or
    an activity, then something to do about it, in more words. The second is their goal made concrete, not why
    the first matters."""
    # ("mediation", then "train as a community mediator and volunteer two days a week": a topic, then the goal in it)
    topic = len(before.split()) <= 2 and any(w[:5] in {x[:5] for x in content_words(after)} for w in content_words(before))
    return ((bool(TO_DO.match(before)) or topic) and not WHY_WORDS.match(after) and not TO_DO.match(after)
            and len(content_words(after)) > len(content_words(before)))
