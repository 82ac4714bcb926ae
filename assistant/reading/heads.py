"""Fitted linear heads over features.featurize: one logistic regression per output, with its threshold.
Coefficients live in JSON beside this module (reader.json), written by evals/reading_fit.py."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Head:
    coef: np.ndarray
    intercept: float
    threshold: float
    rule_decides: bool  # a rule hit alone turns the label on (the rule was measured precise enough)


@cache
def load_heads(name: str) -> dict[str, Head]:
    path = Path(__file__).with_name(f"{name}.json")
    data = json.loads(path.read_text())
    return {label: Head(np.asarray(h["coef"], dtype=np.float32), float(h["intercept"]), float(h["threshold"]),
                        bool(h.get("rule_decides", False)))
            for label, h in data["heads"].items()}


def probabilities(heads: dict[str, Head], X: np.ndarray) -> dict[str, np.ndarray]:
    return {label: 1 / (1 + np.exp(-(X @ h.coef + h.intercept))) for label, h in heads.items()}
