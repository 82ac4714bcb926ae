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
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score,
                             roc_auc_score)
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.reading.utterance import feature_matrix  # noqa: E402
from assistant.review.classify import decide  # noqa: E402
from assistant.review.context import NAMES as CONTEXT_NAMES  # noqa: E402
from assistant.review.context import context_features  # noqa: E402
from assistant.review.keywords import keyword_advice  # noqa: E402
from assistant.review.review import helper_context  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "annomi-dev" / "annomi-full-dev.csv"
MODEL = ROOT / "assistant" / "reading" / "utterance.json"
ADVICE = ROOT / "assistant" / "review" / "advice.json"
REPORT = ROOT / "evals" / "reports" / "review-validation.json"
PR_CHART = ROOT / "assistant" / "review" / "advice-pr.png"
FINDING_PRECISION = 0.80  # a flagged turn a trainer reads must be right 8 times in 10
ADVICE_C = 0.05  # chosen by grouped CV over 0.05 / 0.2 / 1.0 (average precision 0.246 / 0.239 / 0.201)
CACHE = ROOT / ".waymark" / "annomi-features.npz"
LABELS = ["open_question", "closed_question", "simple_reflection", "complex_reflection",
          "information", "advice", "negotiation", "options"]
INPUT = ["information", "advice", "negotiation", "options"]  # AnnoMI's kinds of therapist input


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
    utts = list(by_key.values())
    seq: dict[str, dict[int, tuple[str, str]]] = defaultdict(dict)
    for r in ordered:
        seq[r["transcript_id"]][int(r["utterance_id"])] = ("person" if r["interlocutor"] == "client" else "helper",
                                                           r["utterance_text"])
    context: dict[tuple, tuple] = {}
    for tid, by_id in seq.items():
        ids = sorted(by_id)
        helper_ids = [i for i in ids if by_id[i][0] == "helper"]
        prev, prev_helper, permission = helper_context([by_id[i] for i in ids])
        context.update({(tid, i): (h, p) for i, h, p in zip(helper_ids, prev_helper, permission)})
    for key, u in by_key.items():
        u["previous_helper"], u["permission"] = context[key]
        u["utterance_id"] = key[1]
    return utts, quality


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


def precise_threshold(p: np.ndarray, y: np.ndarray, target: float = FINDING_PRECISION, least: int = 3) -> float:
    """The lowest threshold at which at least `least` flagged turns are right `target` of the time; above every
    score (nothing flagged) when no threshold gets there."""
    best = float(p.max()) + 1e-6 if len(p) else 1.0
    for t in np.unique(p)[::-1]:
        flagged = p >= t
        if flagged.sum() >= least and y[flagged].mean() >= target:
            best = float(t)
    return best


def advice_thresholds(X, y, y_input, groups) -> tuple[float, float]:
    """(finding, possible), chosen on out-of-fold predictions of the training data only. `possible` is the advice
    head's best F1 against the advice label; `finding` is where its flags are some kind of input (advice,
    information, negotiation or options, by the annotator) 8 times in 10: the experts' line between advice and
    information is too unsteady to reach that precision against "advice" alone (see the README)."""
    oof = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=4).split(X, y, groups):
        oof[te] = fit_one(X[tr], y[tr], ADVICE_C).predict_proba(X[te])[:, 1]
    possible = best_threshold(oof, y)
    return max(precise_threshold(oof, y_input), possible), possible


# AnnoMI's labels, as the reviewer's own labels say them (reflections phrased as questions count as reflections).
# "advice" is what the reviewer claims (a finding, or advice it saw offered with permission); "possibly" is not
# a claim, so it is scored apart, as "advice_or_possibly".
AS_REVIEWER = {"open_question": ("open_question", {"open_question"}),
               "closed_question": ("closed_question", {"closed_question"}),
               "simple_reflection": ("simple_reflection", {"simple_reflection"}),
               "complex_reflection": ("complex_reflection", {"complex_reflection"}),
               "information": ("information", {"information"}),
               "advice": ("advice", {"advice", "advice_with_permission"}),
               "advice_or_possibly": ("advice", {"advice", "possible_advice", "advice_with_permission"})}
BOOTSTRAP = 1000


def f1(a: set, b: set, keys: list) -> float | None:
    tp = sum(k in a and k in b for k in keys)
    fp = sum(k in b and k not in a for k in keys)
    fn = sum(k in a and k not in b for k in keys)
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None


def _mean_f1(said: dict[str, set], mine: set, keys: list) -> tuple[float | None, float | None]:
    """(reviewer vs each annotator, annotators vs each other), each a mean F1 over the same utterances `keys`."""
    annotators = sorted(said)
    vs_each = [v for a in annotators if (v := f1(said[a], mine, keys)) is not None]
    pairs = [v for a, b in itertools.combinations(annotators, 2) if (v := f1(said[a], said[b], keys)) is not None]
    return (float(np.mean(vs_each)) if vs_each else None), (float(np.mean(pairs)) if pairs else None)


def _f1_weighted(x: np.ndarray, y: np.ndarray, W: np.ndarray) -> np.ndarray:
    """F1 of prediction y against reference x under each row of utterance weights W (nan where both are empty)."""
    tp, fp, fn = W @ (x * y), W @ ((1 - x) * y), W @ (x * (1 - y))
    with np.errstate(invalid="ignore", divide="ignore"):
        return 2 * tp / (2 * tp + fp + fn)


def _bootstrap_f1(A: np.ndarray, m: np.ndarray, W: np.ndarray) -> tuple[list, list, list]:
    r = np.nanmean([_f1_weighted(a, m, W) for a in A], axis=0)
    pairs = np.nanmean([_f1_weighted(A[i], A[j], W) for i, j in itertools.combinations(range(len(A)), 2)], axis=0)
    ok = ~np.isnan(r) & ~np.isnan(pairs)
    return list(r[ok]), list(pairs[ok]), list((r - pairs)[ok])


def against_experts(rows: list[dict], reviewer: dict[tuple, set[str]]) -> dict:
    """On the utterances several experts labelled: per label, the reviewer's F1 against each annotator (mean), and
    each annotator's F1 against each other (mean over pairs), on the same utterances. 188 utterances from five
    sessions is a small sample, so each figure carries a 90% interval from resampling the utterances, and the
    gap (reviewer minus annotators) its own interval from the same resamples."""
    by_utt: dict[tuple, dict[str, set]] = defaultdict(dict)
    for r in rows:
        if r["interlocutor"] == "therapist":
            by_utt[(r["transcript_id"], int(r["utterance_id"]))][r["annotator_id"]] = row_labels(r)
    shared = {k: v for k, v in by_utt.items() if len(v) >= 2}
    keys = sorted(shared)
    annotators = sorted({a for v in shared.values() for a in v})
    out: dict = {"utterances": len(keys), "transcripts": len({k[0] for k in keys}), "annotators": len(annotators),
                 "labels": {}}
    rng = np.random.default_rng(0)
    samples = [rng.integers(0, len(keys), len(keys)) for _ in range(BOOTSTRAP)]
    for name, (theirs, ours) in AS_REVIEWER.items():
        said = {a: {k for k in keys if theirs in shared[k].get(a, set())} for a in annotators}
        mine = {k for k in keys if reviewer.get(k, set()) & ours}
        r_f1, a_f1 = _mean_f1(said, mine, keys)
        # Resampled utterances as weights (how often each is drawn), so one resample is a few matrix products.
        A = np.array([[k in said[a] for k in keys] for a in annotators], dtype=float)
        m = np.array([k in mine for k in keys], dtype=float)
        W = np.array([np.bincount(idx, minlength=len(keys)) for idx in samples], dtype=float)
        rs, as_, gaps = _bootstrap_f1(A, m, W)
        ci = lambda v: [round(float(np.quantile(v, 0.05)), 3), round(float(np.quantile(v, 0.95)), 3)] if v else None
        out["labels"][name] = {"reviewer_vs_annotators": round(r_f1, 3) if r_f1 is not None else None,
                               "annotators_pairwise": round(a_f1, 3) if a_f1 is not None else None,
                               "reviewer_said": len(mine),
                               "annotators_said_mean": round(float(np.mean([len(v) for v in said.values()])), 1),
                               "reviewer_90": ci(rs), "annotators_90": ci(as_), "gap_90": ci(gaps)}
    # The precision rule a trainer's flag is held to, "right if any annotator said advice", applied to an expert:
    # each annotator's advice labels against the other nine; and to the reviewer's findings against all ten.
    flagged = right = 0
    for k in keys:
        for a, labs in shared[k].items():
            if "advice" in labs:
                flagged += 1
                right += any("advice" in other for b, other in shared[k].items() if b != a)
    mine = [k for k in keys if "advice" in reviewer.get(k, set())]
    out["advice_precision_any_other_annotator"] = {
        "an_expert": round(right / flagged, 3) if flagged else None, "expert_flags": flagged,
        "reviewer_findings": round(sum(any("advice" in v for v in shared[k].values()) for k in mine) / len(mine), 3) if mine else None,
        "reviewer_flags": len(mine)}
    return out


def against_one_annotator(rows: list[dict], utts: list[dict], reviewer: list[list[str]]) -> dict:
    """The reviewer's labels (out of fold) against the one expert who labelled each of the other transcripts: a
    sample twenty times larger than the ten-annotator one, with no expert pair to compare against."""
    annotators: dict[tuple, set] = defaultdict(set)
    for r in rows:
        if r["interlocutor"] == "therapist":
            annotators[(r["transcript_id"], int(r["utterance_id"]))].add(r["annotator_id"])
    one = [i for i, u in enumerate(utts) if len(annotators[(u["transcript"], u["utterance_id"])]) == 1]
    out: dict = {"utterances": len(one), "transcripts": len({utts[i]["transcript"] for i in one}), "labels": {}}
    for name, (theirs, ours) in AS_REVIEWER.items():
        said = {i for i in one if utts[i][theirs]}
        mine = {i for i in one if set(reviewer[i]) & ours}
        out["labels"][name] = {"f1": round(f1(said, mine, one), 3), "reviewer_said": len(mine), "annotator_said": len(said)}
    return out


def pr_chart(y: np.ndarray, y_in: np.ndarray, p: np.ndarray, finding: float, possible: float) -> tuple[list, bytes]:
    """The advice head's out-of-fold precision-recall curve, with both thresholds marked; (points, PNG)."""
    import io

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    prec, rec, th = precision_recall_curve(y, p)
    step = max(1, len(th) // 60)
    points = [[round(float(rec[i]), 3), round(float(prec[i]), 3), round(float(th[i]), 3)] for i in range(0, len(th), step)]
    fig, ax = plt.subplots(figsize=(5, 3.4), dpi=110)
    ax.plot(rec, prec, color="#2a6", label="precision against advice")
    order = np.argsort(-p)
    ax.plot(np.cumsum(y[order]) / y.sum(), np.cumsum(y_in[order]) / np.arange(1, len(p) + 1), color="#36c", lw=0.9,
            label="precision against any input (advice, information, ...)")
    for t, name, colour in ((finding, "finding", "#c33"), (possible, "possibly", "#888")):
        flagged = p >= t
        if flagged.any():
            ax.scatter([y[flagged].sum() / y.sum()] * 2, [y[flagged].mean(), y_in[flagged].mean()], color=colour, zorder=3,
                       label=f"{name} (score >= {t:.2f})")
    ax.axhline(FINDING_PRECISION, ls=":", color="#c33", lw=0.8)
    ax.set_xlabel("recall (advice, any annotator)")
    ax.set_ylabel("precision")
    ax.set_title("Advice flags, out-of-fold on the AnnoMI dev split", fontsize=9)
    ax.legend(fontsize=7)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return points, buf.getvalue()


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
    C = np.array([context_features(u["text"], u["previous"], u["previous_helper"]) for u in utts])
    XA = np.hstack([X, C])
    texts = [u["text"] for u in utts]
    permission = [u["permission"] for u in utts]

    y_input = np.max([Y[lab] for lab in INPUT], axis=0)
    oof_pred = {lab: np.zeros(len(utts), dtype=bool) for lab in LABELS}
    oof_prob = {lab: np.zeros(len(utts)) for lab in LABELS}
    advice_p = np.zeros(len(utts))
    reviewer: list[list[str]] = [[] for _ in utts]
    for tr, te in GroupKFold(n_splits=5).split(X, groups=groups):
        cuts = {}
        for lab in LABELS:
            y = Y[lab]
            model = fit_one(X[tr], y[tr])
            cuts[lab] = inner_threshold(X[tr], y[tr], groups[tr])
            oof_prob[lab][te] = model.predict_proba(X[te])[:, 1]
            oof_pred[lab][te] = oof_prob[lab][te] >= cuts[lab]
        advice_p[te] = fit_one(XA[tr], Y["advice"][tr], ADVICE_C).predict_proba(XA[te])[:, 1]
        cut_pair = advice_thresholds(XA[tr], Y["advice"][tr], y_input[tr], groups[tr])
        labels = decide([texts[i] for i in te], {lab: oof_prob[lab][te] for lab in LABELS}, advice_p[te], cuts, cut_pair,
                        [permission[i] for i in te])
        for i, lab in zip(te, labels):
            reviewer[i] = lab

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
    y_adv, y_in = Y["advice"].astype(bool), y_input.astype(bool)

    def flags(name: str) -> dict:
        on = np.array([name in labs for labs in reviewer])
        return {"flagged": int(on.sum()), "advice": int((on & y_adv).sum()),
                "precision_advice": round(float(y_adv[on].mean()), 3) if on.any() else None,
                "recall_advice": round(float((on & y_adv).sum() / y_adv.sum()), 3),
                "precision_any_input": round(float(y_in[on].mean()), 3) if on.any() else None}
    report["advice_flags"] = {"finding": flags("advice"), "possibly": flags("possible_advice"),
                              "with_permission": flags("advice_with_permission"),
                              "context_head_average_precision": round(float(average_precision_score(y_adv, advice_p)), 3),
                              "context_free_head_average_precision": round(float(average_precision_score(y_adv, oof_prob["advice"])), 3)}
    report["against_experts"] = against_experts(rows, {(u["transcript"], u["utterance_id"]): set(r) for u, r in zip(utts, reviewer)})
    report["against_one_annotator"] = against_one_annotator(rows, utts, reviewer)

    # Transcript level: directiveness from predicted label shares, its weights fitted across transcripts, each
    # transcript scored by a model that never saw it; then the same model on each transcript's first 16
    # utterances (which takes length away), beside length alone.
    tids = sorted(set(groups), key=int)
    uid = np.array([u["utterance_id"] for u in utts])
    T = np.array([directiveness_features({lab: oof_pred[lab][groups == t] for lab in LABELS}) for t in tids])
    windows = {n: np.array([directiveness_features({lab: oof_pred[lab][(groups == t) & (uid < n)] for lab in LABELS})
                            for t in tids]) for n in (16, 32)}
    low = np.array([quality[t] == "low" for t in tids]).astype(int)
    kw_share = np.array([kw[groups == t].mean() for t in tids])
    length = np.array([(groups == t).sum() for t in tids])
    oof_dir = np.zeros(len(tids))
    oof_window = {n: np.zeros(len(tids)) for n in windows}
    for i in range(len(tids)):
        keep = np.arange(len(tids)) != i
        m = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(T[keep], low[keep])
        oof_dir[i] = m.predict_proba(T[i:i + 1])[0, 1]
        for n, W in windows.items():
            oof_window[n][i] = m.predict_proba(W[i:i + 1])[0, 1]
    report["directiveness_auc"] = round(roc_auc_score(low, oof_dir), 3)
    for n in windows:
        report[f"directiveness_auc_first_{n}_utterances"] = round(roc_auc_score(low, oof_window[n]), 3)
    report["length_only_auc"] = round(roc_auc_score(low, -length), 3)  # shorter transcripts are the low ones here
    report["directiveness_validation"] = "leave one transcript out"
    report["keyword_baseline_auc"] = round(roc_auc_score(low, kw_share), 3)
    # None when the features came from the cache: the speed that counts is in make bench (review_100_utterances_s)
    report["feature_seconds_per_100"] = round(feat_s / len(utts) * 100, 2) if feat_s > 1 else None
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
                                     "validation": {k: report[k] for k in ("labels", "directiveness_auc")},
                                     "labels": final}, indent=1))
        am = fit_one(XA, Y["advice"], ADVICE_C)
        finding, possible = advice_thresholds(XA, Y["advice"], y_input, groups)
        ADVICE.write_text(json.dumps({
            "fitted_on": "AnnoMI dev split (91 transcripts), any-annotator advice labels",
            "features": "utterance.feature_matrix + context.context_features (" + ", ".join(CONTEXT_NAMES) + ")",
            "C": ADVICE_C, "finding": round(finding, 4), "possible": round(possible, 4),
            "trust": (f"Out of fold on the AnnoMI dev split, a turn flagged as advice was some kind of input (advice, "
                      f"information, negotiation or options) {report['advice_flags']['finding']['precision_any_input']:.0%} "
                      f"of the time, and labelled advice itself {report['advice_flags']['finding']['precision_advice']:.0%} "
                      f"of the time (the experts draw the line between advice and information differently from each "
                      f"other: their pairwise F1 on advice is {report['annotator_agreement']['f1']['advice']}). Turns "
                      f"listed as 'possibly' were input {report['advice_flags']['possibly']['precision_any_input']:.0%} "
                      f"of the time. Read flags as moments to look at, not verdicts."),
            "coef": [round(float(c), 6) for c in am.coef_[0]], "intercept": round(float(am.intercept_[0]), 6)}, indent=1))
        points, png = pr_chart(y_adv, y_in, advice_p, finding, possible)
        report["advice_pr_curve"] = {"recall_precision_threshold": points, "finding": round(finding, 4), "possible": round(possible, 4)}
        PR_CHART.write_bytes(png)
        REPORT.write_text(json.dumps(report, indent=1))
    if args.json:
        print(json.dumps(report))
        return
    print(f"{report['utterances']} helper utterances in {report['transcripts']} transcripts; grouped 5-fold CV\n")
    print(f"{'label':<20}{'support':>8}{'P':>7}{'R':>7}{'F1':>7}")
    for lab, r in report["labels"].items():
        print(f"{lab:<20}{r['support']:>8}{r['precision']:>7}{r['recall']:>7}{r['f1']:>7}")
    b = report["keyword_baseline_advice"]
    print(f"{'advice (keywords)':<20}{'':>8}{b['precision']:>7}{b['recall']:>7}{b['f1']:>7}")
    print("\nadvice flags (the reviewer's labels, out of fold):", json.dumps(report["advice_flags"]))
    e = report["against_experts"]
    print(f"\nagainst the experts ({e['utterances']} utterances, {e['annotators']} annotators each): "
          "label: reviewer vs each annotator / annotators vs each other (mean F1)")
    for lab, v in e["labels"].items():
        print(f"  {lab:<20}{v['reviewer_vs_annotators']!s:>7} / {v['annotators_pairwise']!s:<7} (reviewer said {v['reviewer_said']}, "
              f"each annotator {v['annotators_said_mean']}; 90%: {v['reviewer_90']} / {v['annotators_90']}, gap {v['gap_90']})")
    o = report["against_one_annotator"]
    print(f"\nagainst the one annotator of each other transcript ({o['utterances']} utterances): "
          + ", ".join(f"{lab} {v['f1']}" for lab, v in o["labels"].items()))
    print(f"\ndirectiveness AUC (low vs high quality, leave one transcript out): {report['directiveness_auc']}; "
          f"first 16 utterances: {report['directiveness_auc_first_16_utterances']}; first 32: "
          f"{report['directiveness_auc_first_32_utterances']}; length alone: {report['length_only_auc']}; "
          f"keyword baseline: {report['keyword_baseline_auc']}")
    print(f"features: {report['feature_seconds_per_100']} s per 100 utterances")


if __name__ == "__main__":
    main()
