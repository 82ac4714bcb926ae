"""Reflections: one sentence that gives the person's words back. The model phrases; rules check; a template stands by."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from assistant.text import clip_words, content_words, overlap, second_person, sentences

GROUNDED = 0.25  # share of the reflection's content words that must come from the person's message
MAX_WORDS = 40
_YOU = re.compile(r"^(you|your|you're|you've|you'd|you'll)\b", re.I)
_OPENERS = re.compile(r"^(it sounds like|it seems|so you|you|your|it's|that sounds)\b", re.I)
# A reflection gives the person's words back; the model speaking of itself ("I", "my") or agreeing ("you're right") is not one.
_NOT_REFLECTION = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my|myself)\b|^you'?re (right|correct)", re.I)


def template_reflection(text: str) -> str:
    """A reflection built only from the person's words: the safe fallback."""
    first = (sentences(text) or [text])[0]
    first = clip_words(first, 25).rstrip(".!?…,; ")
    if len(content_words(first)) < 2:
        return "Thank you for saying that."
    swapped = second_person(first)
    if _YOU.match(swapped):
        return f"It sounds like {swapped[0].lower()}{swapped[1:]}."
    return f"You said: “{first}.”"


def usable_reflection(candidate: str, user_text: str) -> bool:
    """Grounded in the person's words, short, and not a question (the graph asks the one question)."""
    c = candidate.strip()
    return (bool(_OPENERS.match(c)) and not _NOT_REFLECTION.search(c) and not c.endswith("?")
            and len(c.split()) <= MAX_WORDS and overlap(c, user_text) >= GROUNDED)


async def first_sentence(tokens: AsyncIterator[str]) -> str:
    """Read the stream only until its first full sentence; the rest is never generated."""
    buffer = ""
    try:
        async for token in tokens:
            buffer += token
            if "\n" in buffer.strip():
                return buffer.strip().split("\n")[0].strip()
            parts = sentences(buffer)
            if len(parts) > 1:
                return parts[0]
    finally:
        await tokens.aclose()
    return (sentences(buffer) or [""])[0]
