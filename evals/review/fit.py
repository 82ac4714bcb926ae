"""Fit and validate the helper-utterance classifiers on the AnnoMI dev split (never committed; read in place).

Cross-validation is grouped by transcript, thresholds are chosen inside each training fold, and the figures
are printed beside a keyword-list baseline. With --save, the model refitted on all of the split is written
to assistant/reading/utterance.json (coefficients and thresholds only; no data).

Run: .venv/bin/python evals/review/fit.py [--save] [--json]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.reading.utterance import feature_matrix  # noqa: E402
from assistant.review.keywords import keyword_advice  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "annomi-dev" / "annomi-full-dev.csv"
MODEL = ROOT / "assistant" / "reading" / "utterance.json"
CACHE = ROOT / ".waymark" / "annomi-features.npz"
LABELS = ["open_question", "closed_question", "simple_reflection", "complex_reflection",
          "information", "advice", "negotiation", "options"]


def read_rows() -> list[dict]:
    """One row per annotator and utterance, as the split has them."""
    return list(csv.DictReader(DATA.open(encoding="utf-8")))


def row_labels(r: dict) -> set[str]:
    """Which of LABELS one annotator gave one helper utterance."""
    given = {f"{r['question_subtype']}_question", f"{r['reflection_subtype']}_reflection", r["therapist_input_subtype"]}
    return given & set(LABELS)


def load(rows: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Helper utterances with 'any annotator' labels, each with the person's previous turn; and transcript quality."""
    quality = {r["transcript_id"]: r["mi_quality"] for r in rows}
    by_key: dict[tuple, dict] = {}
    last_client: dict[str, str] = {}
    ordered = sorted(rows, key=lambda r: (int(r["transcript_id"]), int(r["utterance_id"])))
    for r in ordered:
        tid = r["transcript_id"]
        if r["interlocutor"] == "client":
            last_client[tid] = r["utterance_text"]
            continue
        key = (tid, int(r["utterance_id"]))
        u = by_key.setdefault(key, {"transcript": tid, "text": r["utterance_text"], "previous": last_client.get(tid, ""),
                                    **{lab: 0 for lab in LABELS}})
        for lab in row_labels(r):
            u[lab] = 1
    return list(by_key.values()), quality


def annotator_agreement(rows: list[dict]) -> dict:
    """How far the experts agree with each other, per label, where several labelled the same utterance.

    Each ordered pair of annotators counts one as the reference and the other as the prediction, so the F1 is
    symmetric: the ceiling a classifier can be expected to approach on these labels.
    """
    by_utt: dict[tuple, dict[str, set]] = defaultdict(dict)
    for r in rows:
        if r["interlocutor"] == "therapist":
            by_utt[(r["transcript_id"], r["utterance_id"])][r["annotator_id"]] = row_labels(r)
    shared = {k: v for k, v in by_utt.items() if len(v) >= 2}
    out: dict = {"utterances": len(shared), "transcripts": len({k[0] for k in shared}), "f1": {}}
    for lab in LABELS:
        tp = fp = fn = 0
        for annotators in shared.values():
            for a, b in itertools.permutations(annotators.values(), 2):
                tp += lab in a and lab in b
                fp += lab in b and lab not in a
                fn += lab in a and lab not in b
        out["f1"][lab] = round(2 * tp / (2 * tp + fp + fn), 3) if tp + fp + fn else None
    return out


def features(utts: list[dict]) -> np.ndarray:
    if CACHE.exists():
        cached = np.load(CACHE)
        if cached["X"].shape[0] == len(utts):
            return cached["X"]
    X = feature_matrix([u["text"] for u in utts], [u["previous"] for u in utts], progress=True)
    CACHE.parent.mkdir(exist_ok=True)
    np.savez_compressed(CACHE, X=X)
    return X


def fit_one(X: np.ndarray, y: np.ndarray, C: float = 0.2) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(X, y)


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    grid = np.linspace(0.1, 0.95, 35)
    return float(max(grid, key=lambda t: f1_score(y, p >= t, zero_division=0)))


def inner_threshold(X, y, groups) -> float:
    """A threshold chosen on out-of-fold predictions of the training data only."""
    oof = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=4).split(X, y, groups):
        oof[te] = fit_one(X[tr], y[tr]).predict_proba(X[te])[:, 1]
    return best_threshold(oof, y)


def directiveness_features(labels: dict[str, np.ndarray]) -> np.ndarray:
    """Per transcript: shares of helper turns with each predicted label."""
    return np.array([labels[lab].mean() for lab in LABELS])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--save", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not DATA.exists():
        print(json.dumps({"skipped": f"{DATA} not present"}))
        return
    rows = read_rows()
    utts, quality = load(rows)
    groups = np.array([u["transcript"] for u in utts])
    t0 = time.perf_counter()
    X = features(utts)
    feat_s = time.perf_counter() - t0
    Y = {lab: np.array([u[lab] for u in utts]) for lab in LABELS}

    oof_pred = {lab: np.zeros(len(utts), dtype=bool) for lab in LABELS}
    oof_prob = {lab: np.zeros(len(utts)) for lab in LABELS}
    for tr, te in GroupKFold(n_splits=5).split(X, groups=groups):
        for lab in LABELS:
            y = Y[lab]
            model = fit_one(X[tr], y[tr])
            threshold = inner_threshold(X[tr], y[tr], groups[tr])
            oof_prob[lab][te] = model.predict_proba(X[te])[:, 1]
            oof_pred[lab][te] = oof_prob[lab][te] >= threshold

    report: dict = {"utterances": len(utts), "transcripts": len(set(groups)), "labels": {}}
    for lab in LABELS:
        y = Y[lab]
        report["labels"][lab] = {"support": int(y.sum()),
                                 "precision": round(precision_score(y, oof_pred[lab], zero_division=0), 3),
                                 "recall": round(recall_score(y, oof_pred[lab], zero_division=0), 3),
                                 "f1": round(f1_score(y, oof_pred[lab], zero_division=0), 3)}
    kw = np.array([keyword_advice(u["text"]) for u in utts])
    report["keyword_baseline_advice"] = {"precision": round(precision_score(Y["advice"], kw, zero_division=0), 3),
                                         "recall": round(recall_score(Y["advice"], kw, zero_division=0), 3),
                                         "f1": round(f1_score(Y["advice"], kw, zero_division=0), 3)}

    # Transcript level: directiveness from predicted label shares, its weights fitted across transcripts (CV).
    tids = sorted(set(groups), key=int)
    T = np.array([directiveness_features({lab: oof_pred[lab][groups == t] for lab in LABELS}) for t in tids])
    low = np.array([quality[t] == "low" for t in tids]).astype(int)
    kw_share = np.array([kw[groups == t].mean() for t in tids])
    oof_dir = np.zeros(len(tids))
    for tr, te in GroupKFold(n_splits=5).split(T, groups=np.array(tids)):
        m = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(T[tr], low[tr])
        oof_dir[te] = m.predict_proba(T[te])[:, 1]
    report["directiveness_auc"] = round(roc_auc_score(low, oof_dir), 3)
    report["keyword_baseline_auc"] = round(roc_auc_score(low, kw_share), 3)
    report["feature_seconds_per_100"] = round(feat_s / len(utts) * 100, 2)
    report["annotator_agreement"] = annotator_agreement(rows)

    if args.save:
        final = {}
        for lab in LABELS:
            m = fit_one(X, Y[lab])
            final[lab] = {"coef": [round(float(c), 6) for c in m.coef_[0]], "intercept": round(float(m.intercept_[0]), 6),
                          "threshold": round(inner_threshold(X, Y[lab], groups), 3)}
        dm = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(T, low)
        final["directiveness"] = {"labels": LABELS, "coef": [round(float(c), 6) for c in dm.coef_[0]],
                                  "intercept": round(float(dm.intercept_[0]), 6)}
        MODEL.write_text(json.dumps({"fitted_on": "AnnoMI dev split (91 transcripts), any-annotator labels",
                                     "validation": report, "labels": final}, indent=1))
    if args.json:
        print(json.dumps(report))
        return
    print(f"{report['utterances']} helper utterances in {report['transcripts']} transcripts; grouped 5-fold CV\n")
    print(f"{'label':<20}{'support':>8}{'P':>7}{'R':>7}{'F1':>7}")
    for lab, r in report["labels"].items():
        print(f"{lab:<20}{r['support']:>8}{r['precision']:>7}{r['recall']:>7}{r['f1']:>7}")
    b = report["keyword_baseline_advice"]
    print(f"{'advice (keywords)':<20}{'':>8}{b['precision']:>7}{b['recall']:>7}{b['f1']:>7}")
    print(f"\ndirectiveness AUC (low vs high quality): {report['directiveness_auc']}  "
          f"keyword baseline: {report['keyword_baseline_auc']}")
    print(f"features: {report['feature_seconds_per_100']} s per 100 utterances")
    agree = report["annotator_agreement"]
    print(f"\nexperts' agreement with each other (pairwise F1, {agree['utterances']} utterances labelled by "
          f"several annotators in {agree['transcripts']} transcripts):")
    print("  " + ", ".join(f"{lab} {f1}" for lab, f1 in agree["f1"].items()))


if __name__ == "__main__":
    main()
