"""Which options to list when a person asks for some: the few nearest in meaning to what they have said, so a
retiree hears about volunteering part-time and a new graduate about short experiences, not the same three."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from assistant.knowledge.embed import embed

LISTED = 3


@lru_cache(maxsize=4)
def _vectors(options: tuple[str, ...]) -> np.ndarray:
    return np.asarray(embed(list(options), model="minilm"))


def closest(options: list[str], said: str, k: int = LISTED) -> list[str]:
    """The k options closest to `said` (their goal and recent words), in that order; the first k when they have
    said nothing to go on."""
    options = list(dict.fromkeys(options))
    if not said.strip() or len(options) <= k:
        return options[:k]
    query = np.asarray(embed([said], model="minilm"))[0]
    order = np.argsort(-(_vectors(tuple(options)) @ query), kind="stable")
    return [options[i] for i in order[:k]]
