"""Reading a helper's utterance (a mentor's, a counsellor's, or Waymark's own): the fitted AnnoMI label heads
(utterance.json) over its embedding, its relation to what the person just said, and a few surface cues. The same
features serve fitting (evals/review/fit.py) and use; the guard and the transcript reviewer both read through here."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.knowledge.embed import embed
from assistant.text import content_words, overlap

CUES = [
    r"\?\s*$", r"\?", r"^(what|how|why|where|when|who|which|tell me)\b", r"^(do|does|did|is|are|was|were|have|has|can|could|would|will|should)\b",
    r"\b(you should|you need to|you must|you have to|you ought|why don't you|i recommend|i suggest|my advice|try to|make sure)\b",
    r"\b(it sounds like|sounds like|so you|you feel|you're feeling|you're saying|you mean|it seems)\b",
    r"\b(would it be ok|would you like|may i|can i share|if you('d| would) like|is it ok if)\b",
    r"\b(it's up to you|your choice|you decide|you know best|it's your decision)\b",
    r"\b(great|well done|good job|impressive|you've worked hard|that's a strength)\b",
    r"\b(some people|one option|options|you could|you might)\b",
    r"\b(research|studies|evidence|per cent|percent|risk|doctor|medication)\b",
]
_cues = [re.compile(c, re.I) for c in CUES]


def surface(text: str, previous: str) -> list[float]:
    words = len(text.split())
    return [float(bool(rx.search(text))) for rx in _cues] + [
        min(words, 80) / 80, overlap(text, previous) if previous else 0.0,
        len(content_words(text)) / max(words, 1), text.lower().count(" you") / max(words, 1),
    ]


def feature_matrix(texts: list[str], previous: list[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
    """One row per utterance: embedding (384), embedding-similarity to the previous person turn, surface cues."""
    # MiniLM whatever the guidance index uses: the fitted coefficients in utterance.json were learnt on its vectors.
    e_text = np.asarray(embed(texts, model="minilm", batch_size=batch_size, progress=progress))
    e_prev = np.asarray(embed([p or "" for p in previous], model="minilm", batch_size=batch_size, progress=progress))
    sim = (e_text * e_prev).sum(axis=1, keepdims=True)
    extra = np.asarray([surface(t, p) for t, p in zip(texts, previous)])
    return np.hstack([e_text, sim, extra])


MODEL_PATH = Path(__file__).with_name("utterance.json")


@lru_cache(maxsize=1)
def fitted() -> dict:
    return json.loads(MODEL_PATH.read_text())["labels"]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def probabilities(texts: list[str], previous: list[str], X: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Fitted probabilities per AnnoMI label for each utterance (given the person's previous turn); pass X, the
    feature_matrix of these utterances, when it is already computed."""
    X = feature_matrix(texts, previous) if X is None else X
    return {lab: _sigmoid(X @ np.array(m["coef"]) + m["intercept"])
            for lab, m in fitted().items() if lab != "directiveness"}


def thresholds() -> dict[str, float]:
    return {lab: m["threshold"] for lab, m in fitted().items() if lab != "directiveness"}


@lru_cache(maxsize=2048)
def advice_probability(sentence: str) -> float:
    """How advice-like one sentence reads, on its own (the guard's detector)."""
    return float(probabilities([sentence], [""])["advice"][0])
