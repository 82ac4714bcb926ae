"""One verdict per reply: rules first (cheap, explainable), then the fitted detector where one is present."""

from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass, field

from assistant.reading import directive as rules
from assistant.reading.utterance import advice_probability
from assistant.text import sentences

DETECTOR_THRESHOLD = 0.8  # high precision: a false alarm costs a rewrite of a good reply


@dataclass
class Verdict:
    flagged: bool
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def check_reply(text: str, *, advice_welcome: bool = False) -> Verdict:
    """Flag a reply that imposes a goal, or gives advice unasked or without permission.

    With `advice_welcome` (the person asked, or gave permission), advice offered as options passes;
    telling them what their goal is never does.
    """
    reasons: list[str] = []
    score = 0.0
    for sentence in sentences(text) or [text]:
        hits = rules.rule_hits(sentence)
        if advice_welcome and rules.offers_options(sentence):
            hits = [h for h in hits if rules.is_goal_imposition(h)]
        reasons += hits
        if hits:
            score = 1.0
        # Questions are the coach's tool; the detector scores statements only.
        if not sentence.rstrip().endswith("?"):
            p = advice_probability(sentence)
            if p >= DETECTOR_THRESHOLD and not (advice_welcome and rules.offers_options(sentence)):
                reasons.append(f"detector: advice-like ({p:.2f})")
            score = max(score, p)
    return Verdict(flagged=bool(reasons), score=round(score, 3), reasons=sorted(set(reasons)))


async def check_reply_off_loop(text: str, *, advice_welcome: bool = False) -> Verdict:
    """check_reply in a worker thread: the detector runs the embedding model, and the event loop serves
    every other conversation meanwhile."""
    return await asyncio.to_thread(check_reply, text, advice_welcome=advice_welcome)
