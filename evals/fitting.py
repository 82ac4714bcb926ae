"""Fitting a linear head (logistic regression) over reading features, with its threshold chosen by
cross-validation on the training half only. Shared by the understanding and safety fit scripts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

C_GRID = (0.25, 1.0, 4.0)


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


def cv_scores(X: np.ndarray, y: np.ndarray, C: float, seed: int = 0) -> np.ndarray:
    """Out-of-fold probabilities on the training half."""
    out = np.zeros(len(y))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    for tr, va in folds.split(X, y):
        model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X[tr], y[tr])
        out[va] = model.predict_proba(X[va])[:, 1]
    return out


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


def fit_head(X: np.ndarray, y: np.ndarray, rule: np.ndarray | None, *, seed: int = 0) -> tuple[dict, dict]:
    """The head to ship (fitted on all of X) and what cross-validation said about it."""
    trials = []
    for C in C_GRID:
        scores = cv_scores(X, y, C, seed)
        t_plain, f_plain = best_threshold(y, scores)
        trials.append((f_plain, C, t_plain, False, scores))
        if rule is not None:
            t_rule, f_rule = best_threshold(y, scores, rule)
            trials.append((f_rule, C, t_rule, True, scores))
    f_cv, C, threshold, rule_decides, scores = max(trials, key=lambda t: t[0])
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X, y)
    head = {"coef": [round(float(c), 6) for c in model.coef_[0]], "intercept": round(float(model.intercept_[0]), 6),
            "threshold": threshold, "rule_decides": rule_decides}
    return head, {"cv_f1": round(f_cv, 3), "C": C, "threshold": threshold, "rule_decides": rule_decides,
                  "positives": int(y.sum()), "oof_scores": scores}
