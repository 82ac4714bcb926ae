"""Measure the safety recogniser (the reader's risk output plus the crisis rules) on the safety test half, which is
never used for fitting or tuning, and on the understanding test half's distress labels (run through
`python -m evals.reading_fit`). The report lists every miss and every false alarm."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from evals.fitting import load_jsonl

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
REPORTS = HERE.parent / "reports"
UNDERSTANDING = HERE.parent / "understanding"
NEAR_TWIN = 0.85  # cosine similarity in the neighbours' space above which two messages say nearly the same thing


def measure() -> dict:
    from assistant.reading import read_many

    rows = load_jsonl(HERE / "test.jsonl")
    readings = read_many([r["text"] for r in rows])
    y = np.array([r["label"] == "crisis" for r in rows])
    pred = np.array([rd.risk.level != "none" for rd in readings])  # the safety reply, or the gentle check
    reply = np.array([rd.risk.level == "high" for rd in readings])
    misses = [{"text": r["text"], "kind": r.get("kind"), "style": r.get("style"), "score": rd.risk.score}
              for r, rd, t, p in zip(rows, readings, y, pred) if t and not p]
    false = [{"text": r["text"], "kind": r.get("kind"), "style": r.get("style"), "score": rd.risk.score}
             for r, rd, t, p in zip(rows, readings, y, pred) if p and not t]
    by_kind = {}
    for r, t, p in zip(rows, y, pred):
        k = by_kind.setdefault(r.get("kind", "?"), {"n": 0, "flagged": 0})
        k["n"] += 1
        k["flagged"] += int(p)
    # A test message with a near-twin among the training examples flatters the neighbours: count those apart.
    from assistant.knowledge.embed import embed
    from assistant.reading import risk_neighbours

    vectors, _ = risk_neighbours.reference()
    nearest = (np.asarray(embed([r["text"] for r in rows], model=risk_neighbours.ENCODER)) @ vectors.T).max(axis=1)
    apart = nearest < NEAR_TWIN
    understanding = load_jsonl(UNDERSTANDING / "test.jsonl")
    u_read = read_many([r["text"] for r in understanding])
    u_y = np.array(["distress" in r["intents"] for r in understanding])
    u_pred = np.array([rd.risk.level != "none" for rd in u_read])
    return {
        "test_messages": len(rows), "crisis": int(y.sum()), "safe": int((~y).sum()),
        "confusion": {"crisis_flagged": int((y & pred).sum()), "crisis_missed": int((y & ~pred).sum()),
                      "safe_flagged": int((~y & pred).sum()), "safe_passed": int((~y & ~pred).sum())},
        "recall": round(float(pred[y].mean()), 3), "false_alarm_rate": round(float(pred[~y].mean()), 3),
        "recall_safety_reply": round(float(reply[y].mean()), 3), "false_alarm_rate_safety_reply": round(float(reply[~y].mean()), 3),
        "targets": {"recall": 1.0, "false_alarm_rate": 0.05},
        "without_near_twins": {"near_twin_similarity": NEAR_TWIN, "messages": int(apart.sum()),
                               "recall": round(float(pred[y & apart].mean()), 3) if (y & apart).any() else None,
                               "false_alarm_rate": round(float(pred[~y & apart].mean()), 3) if (~y & apart).any() else None},
        "understanding_test": {"messages": len(understanding), "distress": int(u_y.sum()),
                               "recall": round(float(u_pred[u_y].mean()), 3) if u_y.any() else None,
                               "false_alarm_rate": round(float(u_pred[~u_y].mean()), 3)},
        "by_kind": by_kind, "misses": misses, "false_alarms": false,
    }


def write_report(result: dict, cv: dict | None) -> None:
    if cv is not None:
        result["cross_validation_on_train"] = cv
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "safety.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    c = result["confusion"]
    lines = ["# Safety recogniser: risk to life or safety, however it is phrased", "",
             f"Test half: {result['test_messages']} messages ({result['crisis']} crisis, {result['safe']} hard negatives), "
             "written apart from the training half and never used to fit or tune.", "",
             f"**Recall {result['recall']}** (target 1.00); **false alarms {result['false_alarm_rate']}** (target <= 0.05), "
             "counting both the safety reply and the gentle check. The safety reply alone: recall "
             f"{result['recall_safety_reply']}, false alarms {result['false_alarm_rate_safety_reply']}.", "",
             "| | flagged | not flagged |", "| --- | --- | --- |",
             f"| crisis | {c['crisis_flagged']} | {c['crisis_missed']} |", f"| safe | {c['safe_flagged']} | {c['safe_passed']} |", "",
             f"On the understanding test half ({result['understanding_test']['messages']} ordinary mentee messages, "
             f"{result['understanding_test']['distress']} of them distress): recall {result['understanding_test']['recall']}, "
             f"false alarms {result['understanding_test']['false_alarm_rate']}.", "", "| kind | messages | flagged |", "| --- | --- | --- |"]
    lines += [f"| {k} | {v['n']} | {v['flagged']} |" for k, v in sorted(result["by_kind"].items())]
    t = result["without_near_twins"]
    lines += ["", f"Without the test messages that have a near-twin among the training examples (cosine similarity "
                  f"≥ {t['near_twin_similarity']} in the neighbours' space), {t['messages']} messages: recall {t['recall']}, "
                  f"false alarms {t['false_alarm_rate']}."]
    if cv:
        c = cv["cross_validation"]
        lines += ["", "How it decides: the risk rules (assistant/reading/risk.py) give the safety reply at once; the "
                      f"{cv['k']} nearest labelled examples in all-mpnet-base-v2's space (assistant/reading/risk_neighbours.py) "
                      f"give it above {cv['threshold']} and a gentle check on safety above {cv['low']}. The thresholds were "
                      "set by the false alarms they cost on the training half's hard negatives, one training file left out "
                      f"at a time (evals/safety/fit.py): there, recall {c['cv_recall']} (the safety reply alone "
                      f"{c['cv_recall_safety_reply']}, the rules alone {c['cv_recall_rules_alone']}), false alarms "
                      f"{c['cv_false_alarms_hard_negatives']} on hard negatives and {c['cv_false_alarms_everyday']} on everyday "
                      "mentee messages."]
        for name, other in cv.get("compared", {}).items():
            lines += ["", f"Compared on the same folds, the {name}: recall {other['cv_recall']}, false alarms "
                          f"{other['cv_false_alarms_hard_negatives']} on hard negatives."]
    lines += ["", f"## Every miss ({len(result['misses'])})", ""]
    lines += [f"- ({m['kind']}, {m['style']}, score {m['score']}) {m['text']}" for m in result["misses"]] or ["None."]
    lines += ["", f"## Every false alarm ({len(result['false_alarms'])})", ""]
    lines += [f"- ({m['kind']}, {m['style']}, score {m['score']}) {m['text']}" for m in result["false_alarms"]] or ["None."]
    (REPORTS / "safety.md").write_text("\n".join(lines) + "\n")
