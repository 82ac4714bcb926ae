"""Small text helpers shared by the guard, the graph and the scorers."""

from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i i'd i'll i'm i've if in into is it it's its itself just let's me more most my myself no nor not now
of off on once only or other our ours ourselves out over own really same she should so some such than that that's the
their theirs them themselves then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours yourself yourselves also like get got want wants
sounds think feel know maybe much many well yeah yes okay ok thing things lot bit kind sort
""".split())


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 2]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def overlap(candidate: str, source: str) -> float:
    """Share of the candidate's content words that also occur in the source."""
    cand = content_words(candidate)
    if not cand:
        return 0.0
    src = set(content_words(source))
    return sum(1 for w in cand if w in src) / len(cand)


def clip_words(text: str, limit: int) -> str:
    parts = text.split()
    return text.strip() if len(parts) <= limit else " ".join(parts[:limit]).rstrip(",;:") + "…"


_SWAPS = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "am": "are",
    "i'm": "you're", "i've": "you've", "i'll": "you'll", "i'd": "you'd", "we": "you", "our": "your", "us": "you",
}


def second_person(text: str) -> str:
    """Turn the person's first-person words into a reflection: 'my manager wants me' -> 'your manager wants you'."""
    def swap(match: re.Match) -> str:
        word = match.group(0)
        return _SWAPS.get(word.lower().replace("’", "'"), word)

    return re.sub(r"\byou was\b", "you were", WORD.sub(swap, text))
