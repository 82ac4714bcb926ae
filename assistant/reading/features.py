"""What the reader's fitted heads see of a message: its embedding, the strongest of its clauses' embeddings, the rule
cues, and its words and word pairs (tf-idf over a vocabulary fitted with the heads). The same code serves fitting
(evals/reading_fit.py) and use."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from assistant.dates import find_when
from assistant.knowledge.embed import embed
from assistant.reading import cues
from assistant.reading.spans import clauses

ENCODER = "minilm"  # 7 ms a message on 2 cores, already loaded for the guard; the coefficients were fitted on it
CUE_NAMES = [*cues.RULES, "timeframe", "feeling", "figure_of_speech", "question_mark"]
_TOKEN = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class Vocabulary:
    """Words and word pairs seen in at least two training messages, with their inverse document frequencies.
    `weight` scales the block against the embedding (chosen by cross-validation in evals/reading_fit.py)."""
    index: dict[str, int]
    idf: np.ndarray
    weight: float

    @classmethod
    def fit(cls, texts: list[str], weight: float, min_df: int = 2) -> "Vocabulary":
        df = Counter(t for text in texts for t in set(terms(text)))
        kept = sorted(t for t, n in df.items() if n >= min_df)
        idf = np.array([math.log((1 + len(texts)) / (1 + df[t])) + 1 for t in kept], dtype=np.float32)
        return cls({t: i for i, t in enumerate(kept)}, idf, weight)

    def as_dict(self) -> dict:
        return {"terms": list(self.index), "idf": [round(float(x), 5) for x in self.idf], "weight": self.weight}

    @classmethod
    def from_dict(cls, data: dict) -> "Vocabulary":
        return cls({t: i for i, t in enumerate(data["terms"])}, np.asarray(data["idf"], dtype=np.float32),
                   float(data["weight"]))

    def rows(self, texts: list[str]) -> np.ndarray:
        """Sublinear tf-idf, each row of unit length, times the block's weight."""
        out = np.zeros((len(texts), len(self.index)), dtype=np.float32)
        for r, text in enumerate(texts):
            for term, n in Counter(terms(text)).items():
                if (i := self.index.get(term)) is not None:
                    out[r, i] = (1 + math.log(n)) * self.idf[i]
            if (norm := float(np.linalg.norm(out[r]))) > 0:
                out[r] *= self.weight / norm
        return out


def terms(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower().replace("’", "'"))
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@cache
def shipped_vocabulary() -> Vocabulary:
    return Vocabulary.from_dict(json.loads(Path(__file__).with_name("reader.json").read_text())["vocabulary"])


def cue_vector(text: str) -> list[float]:
    hits = [float(bool(rx.search(text))) for rx in cues.RULES.values()]
    return hits + [float(find_when(text) is not None), float(bool(cues.feelings(text))),
                   float(bool(cues.FIGURES_OF_SPEECH.search(text))), float("?" in text)]


def _extra(text: str) -> list[float]:
    return cue_vector(text) + [min(len(text.split()), 60) / 60]


def featurize(texts: list[str], vocabulary: Vocabulary | None = None) -> np.ndarray:
    """One row per message: [message vector | element-wise max over its clauses' vectors | cues | length | words]."""
    return featurize_with_clauses(texts, vocabulary)[0]


def featurize_with_clauses(texts: list[str], vocabulary: Vocabulary | None = None
                           ) -> tuple[np.ndarray, list[list[str]], list[np.ndarray]]:
    """The message rows, each message's clauses, and a row per clause read as a message of its own (to find
    which clause says a thing), from one pass of the encoder."""
    vocabulary = vocabulary or shipped_vocabulary()
    pieces = [clauses(t) for t in texts]
    flat = [t or "." for t in texts] + [c for p in pieces for c in p]
    vectors = np.asarray(embed(flat, model=ENCODER), dtype=np.float32)
    words = vocabulary.rows(flat)
    whole, rest = vectors[: len(texts)], vectors[len(texts):]
    rows, clause_rows, at = [], [], len(texts)
    for i, (text, p) in enumerate(zip(texts, pieces)):
        own = rest[at - len(texts): at - len(texts) + len(p)]
        rows.append(np.concatenate([whole[i], own.max(axis=0), _extra(text), words[i]]))
        clause_rows.append(np.hstack([own, own, np.asarray([_extra(c) for c in p], dtype=np.float32), words[at: at + len(p)]]))
        at += len(p)
    return np.vstack(rows).astype(np.float32), pieces, clause_rows
