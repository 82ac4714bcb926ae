"""Choose the safety neighbours' k and thresholds on the training half, then measure on the test half, which is
never used for fitting or tuning.

    .venv/bin/python -m evals.safety.fit             # choose, write assistant/reading/risk.json, measure
    .venv/bin/python -m evals.safety.fit --report    # measure the shipped settings only
    .venv/bin/python -m evals.safety.fit --compare   # also the logistic head over MiniLM and the cues, same folds

Out of fold means one whole training file (one batch, written apart from the others) left out at a time, so a
message is scored by examples that do not include its own batch's near-twins; the understanding set's messages are
spread over the same folds (and so are the short everyday chat messages). Recall comes first: `low` (a gentle check on safety, no coaching that turn) is set
where the rules and the neighbours together cost at most LOW_FALSE_ALARMS of the hard negatives out of fold;
`threshold` (the safety reply, which holds the conversation there) at REPLY_FALSE_ALARMS.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from assistant.reading import risk_neighbours
from assistant.reading.risk import risk_rule

K_GRID = (5, 10, 20)
LOW_FALSE_ALARMS = 0.04  # the target is 5% on the test half; the rules' own false alarms count in this
REPLY_FALSE_ALARMS = 0.01
FOLDS_SEED = 0


# Short everyday chat ("hi again", "bye") and late-career talk ("I'd like to leave something that lasts") are
# kinds of ordinary mentee message, not batches with their own voice: spread over the folds like the understanding
# set, and counted with the everyday messages, not the hard negatives.
EVERYDAY = ("safety/train-batch-safe-everyday", "safety/train-batch-safe-legacy")


def folds(sources: list[str]) -> np.ndarray:
    files = sorted({s for s in sources if s.startswith("safety/") and s not in EVERYDAY})
    fold = np.array([files.index(s) if s in files else -1 for s in sources])
    spread = np.random.default_rng(FOLDS_SEED).integers(0, len(files), int((fold == -1).sum()))
    fold[fold == -1] = spread
    return fold


def out_of_fold(vectors: np.ndarray, labels: np.ndarray, fold: np.ndarray, k: int) -> np.ndarray:
    oof = np.zeros(len(labels))
    for f in np.unique(fold):
        test, train = fold == f, fold != f
        oof[test] = risk_neighbours.neighbour_scores(vectors[test], vectors[train], labels[train], k)
    return oof


SENTENCE_GRID = tuple(round(0.80 + 0.01 * i, 2) for i in range(20))


def sentence_scores(texts: list[str], vectors: np.ndarray, labels: np.ndarray, fold: np.ndarray, k: int) -> np.ndarray:
    """Out of fold, the score of each message's most worrying sentence (0 for a message of one sentence)."""
    pieces = [(i, c) for i, t in enumerate(texts) for c in risk_neighbours.clauses(t)]
    owner = np.array([i for i, _ in pieces])
    pvecs = risk_neighbours.embed_cached([c for _, c in pieces], "example-sentences", "sentences of the examples")
    out = np.zeros(len(texts))
    for f in np.unique(fold):
        sel = fold[owner] == f
        if sel.any():
            found = risk_neighbours.neighbour_scores(pvecs[sel], vectors[fold != f], labels[fold != f], k)
            np.maximum.at(out, owner[sel], found)
    return out


def choose(oof: np.ndarray, labels: np.ndarray, hard: np.ndarray, rule: np.ndarray,
           sentence: np.ndarray | None = None) -> dict:
    """Thresholds from the hard negatives the rules leave alone, so rules and neighbours together stay in budget.
    `sentence` marks messages whose worst sentence already earns the gentle check: they spend the same budget."""
    early = rule | (sentence if sentence is not None else False)

    def threshold(share: float, already: np.ndarray) -> float:
        left = hard & ~already
        room = max(share * hard.sum() - (hard & already).sum(), 0) / max(left.sum(), 1)
        return float(np.quantile(oof[left], 1 - room))

    low = threshold(LOW_FALSE_ALARMS, early)
    high = max(threshold(REPLY_FALSE_ALARMS, rule), low)
    flagged, replied = early | (oof >= low), rule | (oof >= high)
    return {"threshold": round(high, 4), "low": round(low, 4),
            "cv_recall": round(float(flagged[labels].mean()), 3),
            "cv_recall_safety_reply": round(float(replied[labels].mean()), 3),
            "cv_false_alarms_hard_negatives": round(float(flagged[hard].mean()), 3),
            "cv_false_alarms_everyday": round(float(flagged[~labels & ~hard].mean()), 3),
            "cv_recall_rules_alone": round(float(rule[labels].mean()), 3)}


def compare_logistic(texts: list[str], labels: np.ndarray, fold: np.ndarray, hard: np.ndarray, rule: np.ndarray) -> dict:
    """The recogniser this replaced: a logistic head over the reader's features (MiniLM, the strongest clause, the
    cues and, since 2026-12-02, the reader's words block)."""
    from sklearn.linear_model import LogisticRegression

    from assistant.reading.features import featurize

    X = featurize(texts)
    oof = np.zeros(len(labels))
    for f in np.unique(fold):
        model = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced").fit(X[fold != f], labels[fold != f])
        oof[fold == f] = model.predict_proba(X[fold == f])[:, 1]
    return choose(oof, labels, hard, rule)


def fit(compare: bool) -> dict:
    texts, labels, sources = risk_neighbours.examples()
    hard = np.array([s.startswith("safety/") and s not in EVERYDAY for s in sources]) & ~labels
    rule = np.array([(found := risk_rule(t)) is not None and found[2] != "read" for t in texts])
    fold = folds(sources)
    vectors, _ = risk_neighbours.reference()  # the same examples in the same order, embedded once and kept
    trials = {}
    for k in K_GRID:
        whole = out_of_fold(vectors, labels, fold, k)
        trials[(k, None)] = choose(whole, labels, hard, rule)
        print(f"  k={k:<3d} whole messages only {trials[(k, None)]}", flush=True)
        worst = sentence_scores(texts, vectors, labels, fold, k)
        # A sentence that would earn the safety reply on its own ("The other night I stood on the bridge on the way
        # home for a long time") earns at least the gentle check inside a longer message: no cut above the reply's.
        grid = [c for c in SENTENCE_GRID if c <= trials[(k, None)]["threshold"]]
        if not grid:
            continue
        for cut in grid:
            trials[(k, cut)] = choose(whole, labels, hard, rule, worst >= cut)
        cut = max(grid, key=lambda c: (trials[(k, c)]["cv_recall"], c))
        print(f"  k={k:<3d} sentences at {cut} {trials[(k, cut)]}", flush=True)
    k, cut = max(trials, key=lambda kc: (trials[kc]["cv_recall"], -kc[0], kc[1] is None, kc[1] or 0))
    settings = {"encoder": "all-mpnet-base-v2", "k": k, "sentence_low": cut,
                **{n: trials[(k, cut)][n] for n in ("threshold", "low")},
                "trained_on": len(texts), "cross_validation": trials[(k, cut)],
                "cross_validation_whole_messages_only": trials[(k, None)], "folds": "one training file left out at a time"}
    if compare:
        settings["compared"] = {"logistic head over MiniLM and cues": compare_logistic(texts, labels, fold, hard, rule)}
        print(f"  logistic {settings['compared']}", flush=True)
    risk_neighbours.SETTINGS.write_text(json.dumps(settings, indent=1) + "\n")
    risk_neighbours.settings.cache_clear()
    return settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", action="store_true", help="measure the shipped settings without fitting")
    parser.add_argument("--compare", action="store_true", help="also fit the logistic head on the same folds")
    args = parser.parse_args()
    settings = risk_neighbours.settings() if args.report else fit(args.compare)
    from evals.safety.measure import measure, write_report

    result = measure()
    write_report(result, settings)
    print(json.dumps({k: result[k] for k in ("recall", "false_alarm_rate", "confusion")}))


if __name__ == "__main__":
    main()
