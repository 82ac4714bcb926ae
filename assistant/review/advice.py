"""The reviewer's advice head: a helper turn's features (utterance.py) plus its context (context.py), fitted on
the AnnoMI dev split by evals/review/fit.py. Two thresholds: `finding`, where out-of-fold precision reached 0.80
(a trainer reads a flagged turn as a claim, so it must be right), and `possible`, the best-F1 point, below which
nothing is shown. The guard keeps the context-free head in utterance.json: Waymark's own sentences have no
person's request to weigh."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).with_name("advice.json")


@lru_cache(maxsize=1)
def model() -> dict:
    return json.loads(MODEL_PATH.read_text())


def scores(X: np.ndarray, context: np.ndarray) -> np.ndarray:
    m = model()
    z = np.hstack([X, context]) @ np.array(m["coef"]) + m["intercept"]
    return 1 / (1 + np.exp(-z))


def thresholds() -> tuple[float, float]:
    """(finding, possible)."""
    m = model()
    return m["finding"], m["possible"]
