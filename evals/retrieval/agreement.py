"""How far two careful readers agree on which note answers a question, scored the way the retriever is scored.

The writers labelled each test question with its main note and, for more than half of them, a "closely related"
second note; recall@3 then asks the retriever for both. Two more annotators (second-a.yaml, second-b.yaml) read
the same 165 questions with only the notes' ids, titles, purposes and headings. Each labeller's notes, taken as a
ranking, are scored against each other's labels with the retriever's own measure (measure.py: recall@3, MRR,
main@3) and the share of questions given a second note is counted. What one reader reaches against another is
the ceiling a ranking can be asked to reach against either.

Run: .venv/bin/python -m evals.retrieval.agreement   (writes evals/reports/retrieval-agreement.{json,md})
"""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

import yaml

from evals.retrieval.measure import score

HERE = Path(__file__).parent
REPORTS = HERE.parent / "reports"


def labels() -> dict[str, dict[str, dict[str, list[str]]]]:
    """labeller -> test set -> question -> notes."""
    writers: dict[str, dict[str, list[str]]] = {"test": {}, "heldout": {}}
    for q in yaml.safe_load((HERE / "questions.yaml").read_text()):
        if q["split"] == "test":
            writers["test"][q["q"]] = q["relevant"]
    for q in yaml.safe_load((HERE / "heldout.yaml").read_text()):
        writers["heldout"][q["q"]] = q["relevant"]
    out = {"writers": writers}
    for who in ("a", "b"):
        mine: dict[str, dict[str, list[str]]] = {"test": {}, "heldout": {}}
        for q in yaml.safe_load((HERE / f"second-{who}.yaml").read_text()):
            mine[q["split"]][q["q"]] = q["relevant"]
        out[f"annotator {who.upper()}"] = mine
    return out


def agreement() -> dict:
    every = labels()
    report: dict = {}
    for test_set in ("test", "heldout"):
        questions = sorted(every["writers"][test_set])
        rows = []
        for ranker, gold in permutations(every, 2):
            scored = [score(every[ranker][test_set][q], every[gold][test_set][q]) for q in questions]
            rows.append({"ranking": ranker, "labels": gold,
                         "recall@3": round(sum(s[0] for s in scored) / len(scored), 3),
                         "mrr": round(sum(s[1] for s in scored) / len(scored), 3),
                         "main@3": round(sum(s[2] for s in scored) / len(scored), 3)})
        seconds = {who: round(sum(len(every[who][test_set][q]) > 1 for q in questions) / len(questions), 3) for who in every}
        report[test_set] = {"questions": len(questions), "share_with_a_second_note": seconds, "pairs": rows}
    return report


def markdown(report: dict) -> str:
    lines = ["# Retrieval labels: how far careful readers agree", "",
             "Each labeller's notes, read as a ranking, scored against another's labels with measure.py's measures.", ""]
    for test_set, r in report.items():
        lines += [f"## {test_set} ({r['questions']} questions)", "",
                  "Share given a second note: " + ", ".join(f"{k} {v:.0%}" for k, v in r["share_with_a_second_note"].items()), "",
                  "| ranking | against the labels of | recall@3 | MRR | main@3 |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {p['ranking']} | {p['labels']} | {p['recall@3']} | {p['mrr']} | {p['main@3']} |" for p in r["pairs"]]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    report = agreement()
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "retrieval-agreement.json").write_text(json.dumps(report, indent=2) + "\n")
    (REPORTS / "retrieval-agreement.md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
