"""The fitted advice detector, shared with transcript review. Until a model file exists, rules stand alone."""

from __future__ import annotations


def advice_probability(sentence: str) -> float | None:
    return None
