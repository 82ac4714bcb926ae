"""MITI figures of a conversation, by the project's own transcript reviewer (assistant/review): the reflection-to-
question ratio and the share of complex reflections. Each reply is split into sentences, as a MITI coder codes
each complete thought; the lines of a drafted goal are left out (they are the person's words, not behaviour)."""

from __future__ import annotations

from assistant.review.parse import Turn as Said
from assistant.review.review import review
from assistant.text import sentences
from evals.scorers.listening import _prose
from evals.transcript import Run

HELPER = "Helper"


def transcript(run: Run) -> list[Said]:
    out: list[Said] = []
    for n, t in enumerate(run.turns, start=1):
        out.append(Said("Person", t.user, n))
        out += [Said(HELPER, s, n) for s in sentences(_prose(t.assistant))]
    return out


def miti_counts(run: Run) -> dict:
    """Counts a report can pool across scenarios: questions, reflections, complex reflections."""
    said = transcript(run)
    if not any(s.speaker == HELPER for s in said):
        return {"questions": 0, "reflections": 0, "complex": 0}
    helpers = [u for u in review(said, helper=HELPER)["utterances"] if u["role"] == "helper"]
    labels = [set(u["labels"]) for u in helpers]
    return {"questions": sum(bool(lab & {"open_question", "closed_question"}) for lab in labels),
            "reflections": sum(bool(lab & {"simple_reflection", "complex_reflection"}) for lab in labels),
            "complex": sum("complex_reflection" in lab for lab in labels)}
