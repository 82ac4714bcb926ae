"""Measure the reader's intents on the understanding test half, which is never used for fitting or tuning
(run through `python -m evals.reading_fit`).

The report (evals/reports/understanding.json and .md) gives per-intent precision, recall and F1 on the test half,
how well each part of a goal is found (token F1 of the span against the labelled words), and every error.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import numpy as np

from assistant.reading import INTENTS, read_many
from evals.fitting import f1

HERE = Path(__file__).parent
REPORTS = HERE.parent / "reports"
SLOTS = ("goal", "measure", "timeframe", "reason", "feasibility")
TARGET = 0.90


_WORD = re.compile(r"[a-z0-9']+")


def token_f1(found: str, gold: str) -> float:
    a, b = _WORD.findall(found.lower()), _WORD.findall(gold.lower())
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def measure(test: list[dict]) -> dict:
    read_many(["warm-up"])  # loading the models (and a first-time index of the risk examples) is not reading time
    started = time.perf_counter()
    readings = read_many([r["text"] for r in test])
    per_message_ms = (time.perf_counter() - started) * 1000 / max(len(test), 1)
    per_intent, errors = {}, []
    for intent in INTENTS:
        if intent == "distress":
            continue  # measured on the safety set, by evals/safety/measure.py
        y = np.array([int(intent in r["intents"]) for r in test])
        pred = np.array([int(intent in rd.intents) for rd in readings])
        p, r, f = f1(y, pred)
        per_intent[intent] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "support": int(y.sum()),
                              "met": bool(f >= TARGET)}
    for row, rd in zip(test, readings):
        gold, got = set(row["intents"]), set(rd.intents)
        if gold != got:
            errors.append({"text": row["text"], "missed": sorted(gold - got), "false": sorted(got - gold)})
    slots = {}
    for slot in SLOTS:
        pairs = [(getattr(rd, slot) if slot != "goal" else (rd.goal or rd.other_goal or rd.duty_goal), row.get(slot, ""))
                 for row, rd in zip(test, readings) if row.get(slot)]
        slots[slot] = {"labelled": len(pairs), "found": sum(bool(a) for a, _ in pairs),
                       "token_f1": round(float(np.mean([token_f1(a, b) for a, b in pairs])), 3) if pairs else None}
    macro = float(np.mean([v["f1"] for v in per_intent.values()]))
    return {"test_messages": len(test), "macro_f1": round(macro, 3), "target_f1": TARGET,
            "intents_meeting_target": int(sum(v["met"] for v in per_intent.values())), "intents": per_intent,
            "slots": slots, "ms_per_message": round(per_message_ms, 1), "errors": errors}


def write_report(result: dict, cv: dict | None) -> None:
    REPORTS.mkdir(exist_ok=True)
    if cv is not None:
        result["cross_validation_on_train"] = cv
    (REPORTS / "understanding.json").write_text(json.dumps(result, indent=1, ensure_ascii=False, default=float) + "\n")
    lines = ["# Understanding: intents read from a mentee's message", "",
             f"Test half: {result['test_messages']} messages written apart from the training half and never used to fit "
             f"or tune. Target: F1 >= {TARGET} per intent. Macro F1 {result['macro_f1']}; "
             f"{result['intents_meeting_target']} of {len(result['intents'])} intents meet the target. "
             f"Reading takes {result['ms_per_message']} ms a message (batched, 2 cores).", "",
             "| intent | precision | recall | F1 | support | target |", "| --- | --- | --- | --- | --- | --- |"]
    for name, v in result["intents"].items():
        lines.append(f"| {name} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} | {'met' if v['met'] else 'short'} |")
    lines += ["", "Parts of a goal found in the person's words (token F1 of the found span against the labelled one):", "",
              "| part | labelled | found | token F1 |", "| --- | --- | --- | --- |"]
    for name, v in result["slots"].items():
        lines.append(f"| {name} | {v['labelled']} | {v['found']} | {v['token_f1']} |")
    lines += ["", f"## Every message read differently from its label ({len(result['errors'])})", ""]
    for e in result["errors"]:
        lines.append(f"- {e['text']!r}: missed {', '.join(e['missed']) or '-'}; extra {', '.join(e['false']) or '-'}")
    (REPORTS / "understanding.md").write_text("\n".join(lines) + "\n")
