"""Which options to list when a person asks for some: the few nearest in meaning to what they have said, so a
retiree hears about volunteering part-time and a new graduate about short experiences, not the same three."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from assistant.knowledge.embed import embed
from assistant.text import clip_words, content_words

LISTED = 3


def what_they_said(state: dict) -> str:
    """Their goal, if there is one, and their last few messages: what the options should be near."""
    focus = (state.get("focus_goal") or {}).get("text", "")
    recent = [m["content"] for m in state.get("history", []) if m.get("role") == "user"][-3:]
    return " ".join([state.get("draft", {}).get("statement", "") or focus, *recent])[-2000:]


@lru_cache(maxsize=4)
def _vectors(options: tuple[str, ...]) -> np.ndarray:
    return np.asarray(embed(list(options), model="minilm"))


def nearest_varied(note_of: dict[str, str], said: str, now: str = "", k: int = LISTED) -> list[str]:
    """The k options nearest to what they said and asked just now, at most one from each guidance note: as close to
    the person as the encoder can place them, and as varied as the notes. (Taking one option from each note that
    retrieval ranked first listed "find a short course" to a physio asking how to fit writing around clinic work;
    ranking every option by itself lists "fit it around their main work in small fixed slots" first.)"""
    options = list(note_of)
    texts = [t for t in (said, now) if t.strip()]
    if not texts:
        return options[:k]
    scores = _vectors(tuple(options)) @ np.asarray(embed(texts, model="minilm")).sum(axis=0)
    chosen: list[str] = []
    notes: set[str] = set()
    for i in np.argsort(-scores, kind="stable"):
        if note_of[options[i]] not in notes:
            notes.add(note_of[options[i]])
            chosen.append(options[i])
            if len(chosen) == k:
                break
    return chosen


# "the second one", "option 3"; a bare "first" or "last" only in a short message ("for the first few weeks" is not a pick)
ORDINAL = re.compile(r"\b(?:(first|1st)|(second|2nd|middle)|(third|3rd|last))\b( one| option| idea)?|"
                     r"\b(?:option|number|no\.?|#) ?([123])\b|^\W*([123])\W*$", re.I)
# "the fixed hour one", "the diary idea": the words by which they name the option they picked
NAMED = re.compile(r"\b(?:the|that) ((?:\w+[ -]){0,3}\w+) (?:one|idea|option|thing)\b", re.I)


def _stem(word: str) -> str:
    return word[:5]  # "diary"/"diaries", "protect"/"protecting": enough to match an option's words on a few letters


def picked(options: list[str], text: str) -> str | None:
    """Which of the options just listed the person chose, if they chose one: by position ("the second one"), or by
    words only that option has ("the fixed hour one", "i like the diary idea"). None when their message is about
    something else; a word every option shares picks nothing."""
    if not options:
        return None
    if m := ORDINAL.search(text):
        if m[1] or m[2] or m[3]:
            index = 0 if m[1] else 1 if m[2] else len(options) - 1
        else:
            index = int(m[5] or m[6]) - 1
        if index < len(options) and (m[4] or m[5] or m[6] or len(text.split()) <= 6):
            return options[index]
    named = NAMED.search(text)
    if named and (found := _most_shared(options, named[1], at_least=1)):
        return found
    # "i like the buddy one. pair each of them with one of my experienced pickers ...": named their own way, but
    # described in the option's own terms
    return _most_shared(options, text, at_least=2 if not named else 3)


def _most_shared(options: list[str], text: str, at_least: int) -> str | None:
    said = {_stem(w) for w in content_words(text)}
    shared = [len(said & {_stem(w) for w in content_words(o.removeprefix("Some people "))}) for o in options]
    best = max(range(len(options)), key=lambda i: shared[i])
    runner_up = max((s for i, s in enumerate(shared) if i != best), default=0)
    return options[best] if shared[best] >= at_least and shared[best] > runner_up else None


def as_step(option: str, text: str) -> str:
    """The option as a first step of theirs, with what they added in their own words: "set aside a fixed hour in
    the week…: tuesday and thursday evenings"."""
    step = option.removeprefix("Some people ").rstrip(".")
    step = re.split(r",? (?:and|rather than|before|like|such as) |, ", step, maxsplit=1)[0]
    step = " ".join(step.split()[:12])
    m = ORDINAL.search(text)
    picking = m and (m[4] or m[5] or m[6])
    theirs = NAMED.sub("", re.sub(rf"\b(?:the\s+)?{re.escape(m[0])}", "", text, count=1, flags=re.I) if picking else text)
    theirs = re.sub(r"^\W*(?:i'?d (?:go with|pick|try)|i (?:like|pick|choose)|let'?s (?:go with|do)|ok(?:ay)?|yes|yeah)\b\W*", "",
                    theirs.strip(), flags=re.I).strip(" .,;:-")
    if len(content_words(theirs)) >= 6:
        return theirs  # they said how, at length: their words are the step
    return f"{step}: {theirs}" if content_words(theirs) else step


def called(text: str) -> str:
    """What they called the option they picked ("the fixed hour one", "the second one"), for the reply to say back."""
    if m := NAMED.search(text):
        return m[0].lower().replace("that ", "the ", 1)
    return m[0].lower() if (m := ORDINAL.search(text)) and (m[4] or m[5]) else "that one"
