"""Fit the span tagger (assistant/reading/tagger.py): one CRF per part of a goal, on the labelled spans of the
understanding training half, and measure it by cross-validation there (folds over the hand-written messages;
the composed ones are always trained on, never scored). The test half is never used here.

    .venv/bin/python -m evals.tagger_fit    # cross-validate (about five minutes), write evals/reports/span-tagger.json

The shipped taggers are built from the same messages by `make setup` (assistant/reading/tagger.py).

For each part it prints the token F1 of the found span against the labelled one, over the messages that have the
part (as evals/understanding/measure.py does), and how often a span is found where none is labelled.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np

from assistant.reading import tagger
from evals.understanding.measure import token_f1

REPORT = Path(__file__).resolve().parent / "reports" / "span-tagger.json"
FOLDS = 5


def _tag_with(path: Path, texts: list[str], seqs: list) -> list[str]:
    """What the shipped reader would take from each text with this model: the surest stretch, tidied."""
    import pycrfsuite

    from assistant.reading.spans import tidy

    t = pycrfsuite.Tagger()
    t.open(str(path))
    out = []
    for text, (toks, feats) in zip(texts, seqs):
        out.append(tidy(tagger.surest(text, toks, feats, t).span) if toks else "")
    t.close()
    return out


def score(found: list[str], gold: list[str]) -> dict:
    labelled = [token_f1(f, g) for f, g in zip(found, gold) if g]
    unlabelled = [bool(f) for f, g in zip(found, gold) if not g]
    return {"labelled": len(labelled), "token_f1": round(float(np.mean(labelled)), 3) if labelled else None,
            "found_where_none": round(float(np.mean(unlabelled)), 3) if unlabelled else None}


def folds(composed: list[bool]) -> np.ndarray:
    """The same folds as the reader's heads (evals/reading_fit.py); composed messages are always trained on and
    never scored."""
    fold = np.random.default_rng(0).integers(0, FOLDS, len(composed))
    fold[np.array(composed, dtype=bool)] = -1
    return fold


def cross_validate(rows: list[dict]) -> dict[str, dict]:
    """Per part, the spans found in each hand-written message by taggers fitted without its fold, scored."""
    fold = folds([r["composed"] for r in rows])
    seqs = tagger.sequences(rows)
    found = {part: [""] * len(rows) for part in tagger.PARTS}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            held = [i for i, f in enumerate(fold) if f == k]
            for part in tagger.PARTS:
                path = Path(tmp) / f"{part}-{k}.crfsuite"
                kept = [i for i, f in enumerate(fold) if f != k]
                tagger.train([rows[i] for i in kept], [seqs[i] for i in kept], part, path)
                for i, span in zip(held, _tag_with(path, [rows[i]["text"] for i in held], [seqs[i] for i in held])):
                    found[part][i] = span
            print(f"  tagger fold {k + 1}/{FOLDS}", flush=True)
    scored = [i for i, r in enumerate(rows) if not r["composed"]]
    out = {}
    for part in tagger.PARTS:
        out[part] = score([found[part][i] for i in scored], [rows[i].get(part, "") for i in scored])
        print(" ", part, out[part], flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args = parser.parse_args()
    rows = tagger.training_rows()
    cv = cross_validate(rows)
    REPORT.write_text(json.dumps({"recipe": tagger.RECIPE, "folds": FOLDS, "hand_written": sum(not r["composed"] for r in rows),
                                  "parts": cv}, indent=1) + "\n")
    print("  taggers:", tagger.model_dir(), flush=True)


if __name__ == "__main__":
    main()
