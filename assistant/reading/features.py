"""What the reader's fitted heads see of a message: its embedding, the strongest of its clauses' embeddings, and
the rule cues. The same code serves fitting (evals/reading_fit.py) and use."""

from __future__ import annotations

import numpy as np

from assistant.dates import find_when
from assistant.knowledge.embed import embed
from assistant.reading import cues
from assistant.reading.spans import clauses

ENCODER = "minilm"  # 7 ms a message on 2 cores, already loaded for the guard; the coefficients were fitted on it
CUE_NAMES = [*cues.RULES, "timeframe", "feeling", "figure_of_speech", "question_mark"]


def cue_vector(text: str) -> list[float]:
    hits = [float(bool(rx.search(text))) for rx in cues.RULES.values()]
    return hits + [float(find_when(text) is not None), float(bool(cues.feelings(text))),
                   float(bool(cues.FIGURES_OF_SPEECH.search(text))), float("?" in text)]


def _extra(text: str) -> list[float]:
    return cue_vector(text) + [min(len(text.split()), 60) / 60]


def featurize(texts: list[str]) -> np.ndarray:
    """One row per message: [message vector | element-wise max over its clauses' vectors | cues | length]."""
    return featurize_with_clauses(texts)[0]


def featurize_with_clauses(texts: list[str]) -> tuple[np.ndarray, list[list[str]], list[np.ndarray]]:
    """The message rows, each message's clauses, and a row per clause read as a message of its own (to find
    which clause says a thing), from one pass of the encoder."""
    pieces = [clauses(t) for t in texts]
    flat = [t or "." for t in texts] + [c for p in pieces for c in p]
    vectors = np.asarray(embed(flat, model=ENCODER), dtype=np.float32)
    whole, rest = vectors[: len(texts)], vectors[len(texts):]
    rows, clause_rows, at = [], [], 0
    for text, p in zip(texts, pieces):
        own = rest[at: at + len(p)]
        at += len(p)
        rows.append(np.concatenate([whole[len(rows)], own.max(axis=0), _extra(text)]))
        clause_rows.append(np.hstack([own, own, np.asarray([_extra(c) for c in p], dtype=np.float32)]))
    return np.vstack(rows).astype(np.float32), pieces, clause_rows
