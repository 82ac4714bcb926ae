"""Small helpers shared by the reader's fit script and its reports: reading labelled JSONL, F1, thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def load_jsonl(*paths: Path) -> list[dict]:
    rows = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


def f1(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(((pred == 1) & (y == 1)).sum())
    p = tp / max(pred.sum(), 1)
    r = tp / max(y.sum(), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(y: np.ndarray, scores: np.ndarray, rule: np.ndarray | None = None) -> tuple[float, float]:
    """(threshold, F1) maximising F1 of `score >= t` (or the rule) on out-of-fold scores."""
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.96, 0.01):
        pred = (scores >= t).astype(int)
        if rule is not None:
            pred = pred | rule
        score = f1(y, pred)[2]
        if score > best[1] + 1e-9:
            best = (float(round(t, 2)), score)
    return best
