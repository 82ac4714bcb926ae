"""Reading a check-in from the person's words: how far along, what is worth celebrating, whether the goal changed."""

from __future__ import annotations

import re

PERCENT = re.compile(r"\b(\d{1,3})\s*(%|percent|per cent)", re.I)
PROGRESS_WORDS = [
    (re.compile(r"\b(done|finished|completed|achieved|reached it|all of it)\b", re.I), 100),
    (re.compile(r"\b(almost|nearly|most of|mostly)\b", re.I), 80),
    (re.compile(r"\b(half|halfway|half way)\b", re.I), 50),
    (re.compile(r"\b(haven'?t|have not|nothing|not (started|at all|much)|no progress|stalled|stuck)\b", re.I), 5),
    (re.compile(r"\b(a (little|bit)|some|started|a few|slowly)\b", re.I), 25),
]
MILESTONE = re.compile(r"\b(i (finally )?(did|finished|completed|published|launched|passed|got|gave|ran|managed|shipped|led))\b", re.I)
CHANGED = re.compile(r"\b(change|changed|instead|smaller|more realistic|different|rather|adjust|scale (it )?(back|down)|"
                     r"not (mine|for me)|drop|pause)\b", re.I)
FEELING = re.compile(r"\b(feel\w*|embarrass\w*|proud|frustrat\w*|anxious|happy|relieved|disappoint\w*|guilty|excited)\b", re.I)


def progress_from(text: str) -> int:
    if m := PERCENT.search(text):
        return max(0, min(100, int(m[1])))
    for rx, value in PROGRESS_WORDS:
        if rx.search(text):
            return value
    return 25


def milestone_in(text: str) -> bool:
    return bool(MILESTONE.search(text))


def wants_change(text: str) -> bool:
    return bool(CHANGED.search(text))


def feelings_in(texts: list[str]) -> str:
    return " ".join(t for t in texts if FEELING.search(t))[:500]


CHECKIN_INTENT = re.compile(r"\b(check[- ]?in|i'?m back|back again|update on my goal|progress on my goal|my goal was)\b", re.I)
