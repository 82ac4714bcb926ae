"""Choose the reader's thresholds by cross-validation on the training halves, then measure the shipped reader on
the test halves (understanding and safety), which are never used for fitting or tuning.

    .venv/bin/python -m evals.reading_fit            # 5-fold CV (five fine-tunes), write the thresholds, then measure
    .venv/bin/python -m evals.reading_fit --report   # measure only

Thresholds: per intent, the one that maximises F1 on the out-of-fold probabilities (a rule decides alone where
it was measured precise on the training half); for risk, the highest that still catches every crisis message out
of fold, less a margin. Written to assistant/reading/thresholds.json with the hash of the data they came from.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np

from assistant.reading import cues
from assistant.reading.tuned import OUTPUTS, data_hash, load_reader, train, training_rows
from evals.fitting import best_threshold, f1

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = ROOT / "assistant" / "reading" / "thresholds.json"
FOLDS = 5
CRISIS_MARGIN = 0.7
RULE_PRECISION = 0.95


def rule_hits(texts: list[str], output: str) -> np.ndarray | None:
    from assistant.reading.spans import timeframe_span

    if output == "timeframe":
        return np.array([int(bool(timeframe_span(t))) for t in texts])
    if output == "feeling":
        return np.array([int(bool(cues.feelings(t))) for t in texts])
    rx = cues.RULES.get("distress" if output == "crisis" else output)
    return np.array([int(bool(rx.search(t))) for t in texts]) if rx is not None else None


def out_of_fold(rows: list[dict]) -> np.ndarray:
    rng = np.random.default_rng(0)
    fold = rng.integers(0, FOLDS, len(rows))
    probs = np.zeros((len(rows), len(OUTPUTS)))
    for k in range(FOLDS):
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "reader"
            train([r for r, f in zip(rows, fold) if f != k], out)
            reader = load_reader(out)
            held = [i for i, f in enumerate(fold) if f == k]
            probs[held] = reader.probabilities([rows[i]["text"] for i in held])
            load_reader.cache_clear()
        print(f"fold {k + 1}/{FOLDS}: {time.perf_counter() - started:.0f} s", flush=True)
    return probs


def frozen_out_of_fold(rows: list[dict]) -> np.ndarray:
    """The alternative measured against fine-tuning: logistic regression over the frozen encoder's vectors (the
    message and the strongest of its clauses) and the rule cues, on the same folds."""
    from sklearn.linear_model import LogisticRegression

    from assistant.knowledge.embed import embed
    from assistant.reading.spans import clauses

    texts = [r["text"] for r in rows]
    pieces = [clauses(t) for t in texts]
    vectors = np.asarray(embed(texts + [c for p in pieces for c in p], model="minilm"))
    whole, rest, pooled, at = vectors[: len(texts)], vectors[len(texts):], [], 0
    for p in pieces:
        pooled.append(rest[at: at + len(p)].max(axis=0))
        at += len(p)
    cue_rows = [[float(bool(rx.search(t))) for rx in cues.RULES.values()] for t in texts]
    X = np.hstack([whole, np.vstack(pooled), np.asarray(cue_rows)])
    fold = np.random.default_rng(0).integers(0, FOLDS, len(rows))
    probs = np.zeros((len(rows), len(OUTPUTS)))
    for j, name in enumerate(OUTPUTS):
        keep = np.array([r["mask"][name] for r in rows]) == 1
        y = np.array([r["targets"][name] for r in rows])
        for k in range(FOLDS):
            train_on = keep & (fold != k)
            if y[train_on].sum() < 2:
                continue
            model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(X[train_on], y[train_on])
            probs[fold == k, j] = model.predict_proba(X[fold == k])[:, 1]
    return probs


def choose(rows: list[dict], probs: np.ndarray) -> dict:
    texts = [r["text"] for r in rows]
    out = {}
    for j, name in enumerate(OUTPUTS):
        keep = np.array([r["mask"][name] for r in rows]) == 1
        y = np.array([r["targets"][name] for r in rows])[keep]
        p = probs[keep, j]
        rule = rule_hits(texts, name)
        rule = rule[keep] if rule is not None else None
        precise = rule is not None and rule.sum() > 0 and (y[rule == 1].mean() >= RULE_PRECISION)
        if name == "crisis":
            missed = (y == 1) & ((rule == 0) if rule is not None else True)
            t = float(p[missed].min()) * CRISIS_MARGIN if missed.any() else 0.5
            pred = (p >= t) | (rule == 1 if precise else False)
            out[name] = {"threshold": round(t, 4), "rule_decides": bool(precise),
                         "cv_recall": round(float(pred[y == 1].mean()), 3), "cv_false_alarms": round(float(pred[y == 0].mean()), 3),
                         "positives": int(y.sum())}
            continue
        t, score = best_threshold(y, p, rule if precise else None)
        pr, rc, _ = f1(y, ((p >= t) | ((rule == 1) if precise else False)).astype(int))
        out[name] = {"threshold": t, "rule_decides": bool(precise), "cv_f1": round(score, 3),
                     "cv_precision": round(pr, 3), "cv_recall": round(rc, 3), "positives": int(y.sum())}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", action="store_true", help="measure the shipped reader without cross-validation")
    parser.add_argument("--compare", action="store_true", help="also cross-validate the frozen-encoder alternative")
    args = parser.parse_args()
    rows = training_rows()
    if args.compare:
        frozen = choose(rows, frozen_out_of_fold(rows))
        print("frozen encoder + logistic regression, same folds:")
        for name, v in frozen.items():
            print(f"  {name:20s} {v}")
    if not args.report:
        chosen = choose(rows, out_of_fold(rows))
        THRESHOLDS.write_text(json.dumps({"data": data_hash(rows), "trained_on": len(rows), "outputs": chosen}, indent=1) + "\n")
        for name, v in chosen.items():
            print(f"  {name:20s} {v}")
    from evals.safety.measure import measure as measure_safety, write_report as write_safety
    from evals.understanding.measure import measure as measure_understanding, write_report as write_understanding

    understanding_test = ROOT / "evals" / "understanding" / "test.jsonl"
    if understanding_test.exists():
        from evals.fitting import load_jsonl

        result = measure_understanding(load_jsonl(understanding_test))
        write_understanding(result, None)
        print(json.dumps({k: result[k] for k in ("macro_f1", "intents_meeting_target", "ms_per_message")}))
    if (ROOT / "evals" / "safety" / "test.jsonl").exists():
        result = measure_safety()
        write_safety(result, json.loads(THRESHOLDS.read_text())["outputs"]["crisis"])
        print(json.dumps({k: result[k] for k in ("recall", "false_alarm_rate", "confusion")}))


if __name__ == "__main__":
    main()
