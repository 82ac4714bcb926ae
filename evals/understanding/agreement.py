"""How far careful readers agree on the v4 understanding half, next to how far the reader agrees with them.

The v4 half was labelled by its writers; two more annotators labelled the same 150 messages from `GUIDE.md` and
the texts alone (`v4-second-a.jsonl`, `v4-second-b.jsonl`), seeing neither the writers' labels nor each other's.
The report in evals/reports was made while v4 was the test half; it has since joined training
(`train-v4test.jsonl`), so a re-run measures the annotators as before but the reader on messages it was fitted on.
Per intent, this prints each annotator pair's F1 (F1 is symmetric, so no one is "gold") and the reader's F1 against
each annotator, as #20 scores the transcript reviewer against the experts.

    .venv/bin/python -m evals.understanding.agreement    # writes evals/reports/understanding-agreement.json and .md
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np

from assistant.reading import INTENTS, read_many
from evals.fitting import f1
from evals.understanding.measure import REPORTS, TARGET

HERE = Path(__file__).parent
ANNOTATORS = {"writers": HERE / "train-v4test.jsonl", "second-a": HERE / "v4-second-a.jsonl",
              "second-b": HERE / "v4-second-b.jsonl"}


def load(path: Path) -> list[set[str]]:
    return [set(json.loads(line)["intents"]) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pair_f1(a: list[set[str]], b: list[set[str]], intent: str) -> float | None:
    """F1 of one labelling against another for one intent; None when neither uses it."""
    x = np.array([intent in s for s in a], dtype=int)
    y = np.array([intent in s for s in b], dtype=int)
    if not x.any() and not y.any():
        return None
    return f1(x, y)[2]


def mean(values: list[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return round(float(np.mean(found)), 3) if found else None


def agreement() -> dict:
    labels = {name: load(path) for name, path in ANNOTATORS.items()}
    texts = [json.loads(line)["text"] for line in ANNOTATORS["writers"].read_text(encoding="utf-8").splitlines() if line.strip()]
    if any(len(v) != len(texts) for v in labels.values()):
        raise ValueError("every annotator must label the same messages, in the same order")
    reader = [set(r.intents) for r in read_many(texts)]
    per_intent = {}
    for intent in INTENTS:
        if intent == "distress":
            continue  # measured on the safety set
        pairs = {f"{a} ~ {b}": pair_f1(labels[a], labels[b], intent) for a, b in itertools.combinations(labels, 2)}
        versus = {f"reader ~ {a}": pair_f1(reader, labels[a], intent) for a in labels}
        per_intent[intent] = {"annotators_mean_pairwise_f1": mean(list(pairs.values())),
                              "reader_mean_f1": mean(list(versus.values())),
                              "support": {a: sum(intent in s for s in labels[a]) for a in labels},
                              "pairs": {k: None if v is None else round(v, 3) for k, v in {**pairs, **versus}.items()}}
    for v in per_intent.values():
        human, ours = v["annotators_mean_pairwise_f1"], v["reader_mean_f1"]
        v["reader_at_or_above_annotators"] = bool(human is not None and ours is not None and ours >= human)
        v["annotators_reach_target"] = bool(human is not None and human >= TARGET)
    return {"messages": len(texts), "target_f1": TARGET, "annotators": {k: str(p.name) for k, p in ANNOTATORS.items()},
            "macro_annotators_mean_pairwise_f1": mean([v["annotators_mean_pairwise_f1"] for v in per_intent.values()]),
            "macro_reader_mean_f1": mean([v["reader_mean_f1"] for v in per_intent.values()]),
            "intents_annotators_reach_target": sum(v["annotators_reach_target"] for v in per_intent.values()),
            "intents_reader_at_or_above_annotators": sum(v["reader_at_or_above_annotators"] for v in per_intent.values()),
            "intents": per_intent}


def write_report(result: dict) -> None:
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "understanding-agreement.json").write_text(json.dumps(result, indent=1) + "\n")
    lines = ["# Understanding: how far careful readers agree, and the reader beside them", "",
             f"The {result['messages']} test messages, labelled three times from the same guide: by their writers and by "
             "two annotators who saw only the guide and the texts. F1 per intent between each pair of annotators, and "
             "the reader's F1 against each annotator (mean of three).", "",
             f"Macro F1 between annotators: **{result['macro_annotators_mean_pairwise_f1']}**; the reader against "
             f"annotators: **{result['macro_reader_mean_f1']}**. Annotators reach the {TARGET} target on "
             f"{result['intents_annotators_reach_target']} of {len(result['intents'])} intents; the reader is at or above "
             f"the annotators' agreement on {result['intents_reader_at_or_above_annotators']}.", "",
             "| intent | annotators (mean pairwise F1) | reader (mean F1) | support (writers / a / b) |",
             "| --- | --- | --- | --- |"]
    for name, v in result["intents"].items():
        support = " / ".join(str(n) for n in v["support"].values())
        lines.append(f"| {name} | {v['annotators_mean_pairwise_f1']} | {v['reader_mean_f1']} | {support} |")
    (REPORTS / "understanding-agreement.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    result = agreement()
    write_report(result)
    print(json.dumps({k: v for k, v in result.items() if k != "intents"}))
    for name, v in result["intents"].items():
        print(f"  {name:20s} annotators {v['annotators_mean_pairwise_f1']}  reader {v['reader_mean_f1']}")


if __name__ == "__main__":
    main()
