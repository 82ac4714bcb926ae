"""A small BM25 index: the lexical signal blended with semantic search, and the whole of search when Chroma is away."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from assistant.text import content_words


def _terms(text: str) -> list[str]:
    # A light stemmer: plural and -ing forms meet their base, so "goals" finds "goal".
    out = []
    for w in content_words(text):
        for suffix in ("ing", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.append(w)
    return out


class BM25:
    def __init__(self, docs: Sequence[str], k1: float = 1.4, b: float = 0.75):
        self.k1, self.b = k1, b
        self.lengths = []
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            counts = Counter(_terms(doc))
            self.lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                self.postings[term].append((i, tf))
        self.n = len(self.lengths)
        self.avg = (sum(self.lengths) / self.n) if self.n else 0.0

    def scores(self, query: str) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for term in set(_terms(query)):
            posting = self.postings.get(term)
            if not posting:
                continue
            idf = math.log(1 + (self.n - len(posting) + 0.5) / (len(posting) + 0.5))
            for doc, tf in posting:
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[doc] / (self.avg or 1))
                out[doc] += idf * tf * (self.k1 + 1) / norm
        return out
