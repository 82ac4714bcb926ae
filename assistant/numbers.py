"""A number the person changes: "10 is too many, make it 6", "let's say three instead of five". The draft keeps
their words and swaps only the number, the way a moved date swaps only the date (drafting.redated)."""

from __future__ import annotations

import re

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_N = r"(?:\d+(?:\.\d+)?|" + "|".join(WORDS) + r"|thirty|forty|fifty|a hundred|hundred)"
_JUDGED = r"(?:too many|too much|too few|too little|too high|too low|a lot|a stretch|too ambitious|unrealistic|not enough)"
_MAKE = r"(?:make it|let'?s (?:say|make it|go with|do)|say|go with|change it to|i'?ll do|do|maybe|more like|rather)"
_SOFT = r"(?:(?:so|actually|honestly|maybe|let'?s|i think),?\s+)*"
CHANGE = [
    # "10 is too many, make it 6"
    re.compile(rf"\b(?P<old>{_N})\b[^.!?]{{0,30}}?\b(?:is|are|'s|would be|feels?|sounds?)\s+(?:like |probably |maybe |a bit |way |far )?"
               rf"{_JUDGED}\b(?:[,;.!]?\s*{_SOFT}(?:{_MAKE}\s+)?|[^.!?]{{1,30}}?[,;.!]?\s*{_SOFT}{_MAKE}\s+)(?P<new>{_N})\b", re.I),
    # "make it 6 instead of 10", "6 instead of 10"
    re.compile(rf"\b(?:{_MAKE}\s+)?(?P<new>{_N})\b(?:\s+\w+){{0,2}}?\s+instead of\s+(?P<old>{_N})\b", re.I),
    # "can we change 40 to 30", "change the 40 to 30"
    re.compile(rf"\b(?:change|swap|drop|cut|lower|raise|bump)\s+(?:the\s+|it\s+from\s+|from\s+)?(?P<old>{_N})\b"
               rf"(?:\s+[a-z-]+){{0,2}}?\s+(?:to|for|down to|up to)\s+(?P<new>{_N})\b", re.I),
    # "make it three starters, not two", "6 not 10", "let's say fifteen, properly done, rather than twenty rushed"
    re.compile(rf"(?:\b{_MAKE}\s+|^\W*)(?P<new>{_N})\b(?:,?\s+[a-z-]+){{0,3}}?,?\s+(?:not|rather than)\s+(?P<old>{_N})\b", re.I),
    # "I'd rather send three I'm proud of than five rushed ones"
    re.compile(rf"\brather\s+(?:[a-z]+\s+)?(?P<new>{_N})\b[^.!?,]{{0,30}}?\bthan\s+(?P<old>{_N})\b", re.I),
    # "Not 10 clients, let's say 5"
    re.compile(rf"\bnot\s+(?P<old>{_N})\b(?:\s+[a-z-]+){{0,2}}?[,;.]?\s*{_SOFT}{_MAKE}\s+(?P<new>{_N})\b", re.I),
    # "make it 6 instead", "actually, let's say 6"
    re.compile(rf"\b(?:actually|instead|no)\b[,\s]+(?:{_MAKE})\s+(?P<new>{_N})\b|\b(?:make it|change it to)\s+(?P<new2>{_N})\b"
               rf"(?:\s+\w+){{0,3}}?\s+instead\b", re.I),
]


def _value(word: str) -> float | None:
    w = word.lower()
    if w in WORDS:
        return float(WORDS.index(w))
    try:
        return float(w)
    except ValueError:
        return {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "hundred": 100.0, "a hundred": 100.0}.get(w)


def number_change(text: str) -> tuple[str | None, str] | None:
    """(old, new) when the message changes a number; old is None when they name only the new one."""
    for rx in CHANGE:
        if m := rx.search(text):
            found = m.groupdict()
            new = found.get("new") or found.get("new2")
            old = found.get("old")
            if new and (old is None or _value(old) != _value(new)):
                return old, new
    return None


# "Wait, not three days. I said days but I meant three mornings": the same number, another thing counted
_INSTEAD = re.compile(rf"\bnot (?P<old>{_N} [a-z]+)\b[^?]{{0,80}}?\b(?:i meant|i mean|make it|more like|it'?s|say)\s+(?P<new>{_N} [a-z]+)\b", re.I)


def phrase_change(text: str) -> tuple[str, str] | None:
    """(old words, new words) when the message swaps what a number counts: "not three days ... I meant three mornings"."""
    if (m := _INSTEAD.search(text)) and m["old"].lower() != m["new"].lower():
        return m["old"], m["new"]
    return None


_NUMBER = re.compile(rf"\b{_N}\b", re.I)


def renumbered(words: str, old: str | None, new: str) -> str:
    """Their words with the old number replaced by the new one ("ten a month" -> "6 a month"); with no old number
    named, the one number in their words; unchanged when neither is there to replace."""
    found = [m for m in _NUMBER.finditer(words)]
    if old is not None:
        found = [m for m in found if _value(m.group()) == _value(old)]
    if len(found) != 1:
        return words
    m = found[0]
    return words[:m.start()] + new + words[m.end():]


_UNITS = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|times?|percent|%|am|pm|o'?clock)"
COUNTED = re.compile(rf"(?<!\bthe )(?<!\bmy )(?<!\bour )\b(?P<n>(?!one\b){_N})\s+(?!{_UNITS}\b)(?:[a-z-]+\s+){{0,2}}?(?!{_UNITS}\b)[a-z-]+s\b", re.I)


def counted(goal_words: str) -> str:
    """The count inside a goal, in their words ("publish ten short articles by September" -> "ten short
    articles"): how much, said with the goal. "" when it names no count of things (hours and dates are not)."""
    m = COUNTED.search(goal_words)
    return m[0] if m else ""
