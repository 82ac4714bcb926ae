"""How the replies ask and listen: share of replies with an open question, with a reflection, and their balance."""

from __future__ import annotations

from assistant.review.classify import label_utterances
from assistant.text import sentences
from evals.transcript import Run


def reply_labels(run: Run) -> list[set[str]]:
    """Labels per reply, read sentence by sentence: a reply can reflect and then ask."""
    parts = [(i, s) for i, t in enumerate(run.turns) for s in (sentences(t.assistant) or [t.assistant])]
    labels = label_utterances([s for _, s in parts], [run.turns[i].user for i, _ in parts], [False] * len(parts))
    out: list[set[str]] = [set() for _ in run.turns]
    for (i, _), lab in zip(parts, labels):
        out[i] |= set(lab)
    return out


def question_scores(run: Run) -> dict:
    labels = reply_labels(run)
    n = max(len(labels), 1)
    open_q = sum("open_question" in lab for lab in labels)
    questions = sum(bool(lab & {"open_question", "closed_question"}) for lab in labels)
    reflections = sum(bool(lab & {"simple_reflection", "complex_reflection"}) for lab in labels)
    return {"open_question_rate": open_q / n, "reflection_rate": reflections / n,
            "reflection_to_question": reflections / questions if questions else None}
