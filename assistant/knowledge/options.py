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


def closest(options: list[str], said: str, now: str = "", k: int = LISTED) -> list[str]:
    """The k options closest to `said` (their goal and recent words) and to `now` (what they asked just now: "how
    do I fit it in" is about time, whatever the goal), in that order; the first k when they have said nothing."""
    options = list(dict.fromkeys(options))
    texts = [t for t in (said, now) if t.strip()]
    if not texts or len(options) <= k:
        return options[:k]
    scores = _vectors(tuple(options)) @ np.asarray(embed(texts, model="minilm")).sum(axis=0)
    order = np.argsort(-scores, kind="stable")
    return [options[i] for i in order[:k]]


def from_notes(options_of, note_ids: list[str], all_options: list[str], said: str, now: str = "",
               k: int = LISTED) -> list[str]:
    """One option from each of the notes retrieval ranked nearest to what they said, in that order (the one
    closest to their words, where a note has several), then the nearest of the rest: options as varied as the
    notes, and as close to the person as the guidance search can place them."""
    chosen: list[str] = []
    for note_id in note_ids:
        fresh = [o for o in options_of(note_id) if o not in chosen]
        if fresh:
            chosen += closest(fresh, said, now, k=1)
        if len(chosen) == k:
            return chosen
    return chosen + closest([o for o in all_options if o not in chosen], said, now, k=k - len(chosen))


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
    said = {_stem(w) for w in content_words(NAMED.search(text)[1] if NAMED.search(text) else text)}
    shared = [len(said & {_stem(w) for w in content_words(o.removeprefix("Some people "))}) for o in options]
    best = max(range(len(options)), key=lambda i: shared[i])
    runner_up = max((s for i, s in enumerate(shared) if i != best), default=0)
    enough = shared[best] >= 2 or (shared[best] == 1 and NAMED.search(text) is not None)
    return options[best] if enough and shared[best] > runner_up else None


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
    return f"{step}: {theirs}" if len(content_words(theirs)) >= 1 else step


def called(text: str) -> str:
    """What they called the option they picked ("the fixed hour one", "the second one"), for the reply to say back."""
    if m := NAMED.search(text):
        return m[0].lower().replace("that ", "the ", 1)
    return m[0].lower() if (m := ORDINAL.search(text)) and (m[4] or m[5]) else "that one"
