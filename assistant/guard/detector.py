"""The fitted advice detector from transcript review, shared by the guard.

Fitted on expert-labelled counselling transcripts (see evals/review/fit.py). The guard uses it at a
high-precision operating point: the rules catch the plain directives; the detector catches advice phrased
without the usual words.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=2048)
def advice_probability(sentence: str) -> float | None:
    from assistant.review.classify import MODEL_PATH, probabilities

    if not MODEL_PATH.exists():
        return None
    return float(probabilities([sentence], [""])["advice"][0])
