"""One verdict per reply: rules first (cheap, explainable), then the fitted detector where one is present."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from assistant.reading import directive as rules
from assistant.reading.utterance import advice_probability
from assistant.text import sentences

DETECTOR_THRESHOLD = 0.8  # high precision: a false alarm costs a rewrite of a good reply
# "- **Measurable:** I will book it when ...": a line of the draft, its label ours and its words theirs
_DRAFT_LINE = re.compile(r"^\W{0,3}\*\*[^*]{1,40}:\*\*\s*(?P<words>.+?)(?:\s*\(\d{4}-\d{2}-\d{2}\))?\s*$")
_QUOTE_MIN_WORDS = 3


@dataclass
class Verdict:
    flagged: bool
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[\w']+", text.lower()))


def _their_draft_line(line: str, theirs: list[str]) -> bool:
    """A draft line whose words are word for word what the person wrote ("- **Measurable:** I think January is too
    soon, I am not ready ...") is their voice, not Waymark's: it can no more impose on them than they can on
    themselves. Only a labelled draft line counts; a sentence of Waymark's own that happens to repeat them does not."""
    m = _DRAFT_LINE.match(line)
    # first steps are listed with "; ", and two clauses of one part ("... here I am nobody … I want my daughter to
    # see ...") are joined with " … "
    pieces = [_norm(p) for p in re.split(r";\s+|\s+…\s+", m["words"])] if m else []
    return bool(pieces) and all(len(p.split()) >= _QUOTE_MIN_WORDS and any(f" {p} " in f" {t} " for t in theirs)
                                for p in pieces)


def check_reply(text: str, *, advice_welcome: bool = False, theirs: Sequence[str] = ()) -> Verdict:
    """Flag a reply that imposes a goal, or gives advice unasked or without permission.

    With `advice_welcome` (the person asked, or gave permission), advice offered as options passes;
    telling them what their goal is never does. `theirs`: the person's own messages; a line of the draft that
    quotes one of them word for word is not judged as Waymark's.
    """
    reasons: list[str] = []
    score = 0.0
    said = [_norm(t) for t in theirs]
    ours = "\n".join(line for line in text.splitlines() if not (said and _their_draft_line(line, said)))
    for sentence in sentences(ours) or [ours]:
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


async def check_reply_off_loop(text: str, *, advice_welcome: bool = False, theirs: Sequence[str] = ()) -> Verdict:
    """check_reply in a worker thread: the detector runs the embedding model, and the event loop serves
    every other conversation meanwhile."""
    return await asyncio.to_thread(check_reply, text, advice_welcome=advice_welcome, theirs=theirs)
