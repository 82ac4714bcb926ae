"""The safety recogniser's second layer, for what the rules (risk.py) do not name: how close a message sits to the
labelled crisis messages against how close it sits to the labelled safe ones (hard negatives, and the ordinary
mentee messages of the understanding set), in all-mpnet-base-v2's space.

Why neighbours and this encoder: left out one whole batch of messages at a time (each written apart from the
others), a logistic head over MiniLM and the rule cues caught 0.61 of the crisis messages at 3% false alarms on the
hard negatives; the ten nearest neighbours in mpnet's space caught 0.82 (evals/safety/fit.py prints the
comparison). A head leans on the cues the older batches taught it; neighbours carry what each example says.

The examples' vectors are built once from the committed training files (about 2 minutes on 2 cores, in
`make setup`) into a file named by a hash of those files, so new examples rebuild it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from functools import cache
from pathlib import Path

import numpy as np

from assistant.knowledge.embed import embed
from assistant.knowledge.tuned import models_home
from assistant.text import sentences

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
SAFETY = ROOT / "evals" / "safety"
UNDERSTANDING = ROOT / "evals" / "understanding"
SETTINGS = Path(__file__).with_name("risk.json")  # k and thresholds, written by evals/safety/fit.py
ENCODER = "mpnet"
SHARPNESS = 20.0  # turns a difference of cosine similarities into a score between 0 and 1
_lock = threading.Lock()


def examples() -> tuple[list[str], np.ndarray, list[str]]:
    """Every training message, whether it is a crisis, and which file (batch) it came from."""
    texts, labels, sources = [], [], []
    for path in sorted(UNDERSTANDING.glob("train*.jsonl")) + sorted(SAFETY.glob("train*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(row["label"] == "crisis" if "label" in row else "distress" in row["intents"])
                sources.append(f"{path.parent.name}/{path.stem}")
    return texts, np.asarray(labels, dtype=bool), sources


@cache
def settings() -> dict:
    return json.loads(SETTINGS.read_text())


def _fingerprint(texts: list[str], labels: np.ndarray) -> str:
    data = json.dumps([texts, labels.tolist(), ENCODER]).encode()
    return hashlib.sha256(data).hexdigest()[:12]


@cache
def reference() -> tuple[np.ndarray, np.ndarray]:
    """The examples' unit vectors and labels, from the cache file or built (and saved) now."""
    texts, labels, _ = examples()
    return embed_cached(texts, "neighbours", "labelled safety examples (about two minutes)",
                        _fingerprint(texts, labels)), labels


def embed_cached(texts: list[str], name: str, what: str, key: str | None = None) -> np.ndarray:
    """Vectors for a fixed list of texts (the examples, or their sentences), built once and kept under `key`
    (by default a hash of the texts)."""
    key = key or _fingerprint(texts, np.zeros(0, dtype=bool))
    path = models_home() / f"safety-{name}-{key}.npy"
    with _lock:
        if path.exists():
            return np.load(path)
        log.warning("embedding %d %s, once", len(texts), what)
        vectors = np.asarray(embed(texts, model=ENCODER, progress=True), dtype=np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, vectors)
        tmp.replace(path)  # another process building at once loses the race harmlessly
        return vectors


def neighbour_scores(queries: np.ndarray, vectors: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Mean similarity to the k nearest crisis examples minus that to the k nearest safe ones, squashed to 0..1."""
    sims = queries @ vectors.T
    crisis = np.sort(np.where(labels, sims, -1.0), axis=1)[:, -k:].mean(axis=1)
    safe = np.sort(np.where(labels, -1.0, sims), axis=1)[:, -k:].mean(axis=1)
    return 1 / (1 + np.exp(-(crisis - safe) * SHARPNESS))


MIN_CLAUSE_WORDS = 4


def clauses(text: str) -> list[str]:
    """The sentences of a message of several, each also scored on its own: a risk said in one sentence of a long
    career message is diluted in the message's single vector."""
    parts = [s for s in sentences(text) if len(s.split()) >= MIN_CLAUSE_WORDS]
    return parts if len(parts) >= 2 else []


def with_sentences(whole: np.ndarray, sentence_best: np.ndarray, sentence_low: float | None, low: float) -> np.ndarray:
    """A sentence scored at or above its own threshold earns the message at least the gentle check. A sentence gets
    its own threshold because a short text sits closer to everything than a message does (evals/safety/fit.py)."""
    whole = np.asarray(whole, dtype=np.float64)  # in float32, `low` itself rounds to just under `low`
    if sentence_low is None:
        return whole
    return np.where(sentence_best >= sentence_low, np.maximum(whole, low), whole)


_recent: dict[str, float] = {}  # the reviewer and the evals read the same messages many times over
RECENT = 4096


def scores(texts: list[str]) -> np.ndarray:
    known = {t: _recent[t] for t in texts if t in _recent}
    if new := [t for t in dict.fromkeys(texts) if t not in known]:
        vectors, labels = reference()
        k, sentence_low = settings()["k"], settings().get("sentence_low")
        parts = [(i, c) for i, t in enumerate(new) for c in (clauses(t) if sentence_low is not None else [])]
        queries = np.asarray(embed([t or "." for t in new] + [c for _, c in parts], model=ENCODER), dtype=np.float32)
        found = neighbour_scores(queries, vectors, labels, k)
        sentence_best = np.zeros(len(new))
        for (i, _), score in zip(parts, found[len(new):]):
            sentence_best[i] = max(sentence_best[i], score)  # the most worrying sentence speaks for the message
        best = with_sentences(found[:len(new)], sentence_best, sentence_low, settings()["low"])
        fresh = dict(zip(new, best.tolist()))
        if len(_recent) + len(fresh) > RECENT:
            _recent.clear()
        _recent.update(fresh)
        known.update(fresh)
    return np.asarray([known[t] for t in texts], dtype=np.float64)
