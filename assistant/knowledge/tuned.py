"""The guidance encoder tuned to this library, the default: all-MiniLM-L6-v2, fine-tuned on questions people type
about each note (evals/retrieval/questions.yaml, the train split only) and the "What you might hear" lines in the
notes, with in-batch and hard negatives (the multiple-negatives ranking loss, as sentence-transformers defines it,
written as a plain torch loop); beside it, a note prior (a logistic regression over its vectors of the same
questions and of the notes' sections) that the retriever blends in. Small and fast like MiniLM, and it knows this
domain's words.

The weights are not committed (90 MB): `make setup` builds them from the committed questions and notes (about five
minutes on 2 cores, once), into a folder named by a hash of the training data and this recipe, so a change to
either builds a new encoder and the index, which records its encoder, re-embeds. Building beats committing here:
the repository stays small and the weights can always be traced to the data.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import re
import sys
import threading
from pathlib import Path

import yaml

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "evals" / "retrieval" / "questions.yaml"
# One epoch over 1,148 questions and 128 tokens of each note builds in about five minutes on 2 cores. Two epochs
# took ten and ranked no better beyond noise (test split main@3 0.971 against 0.949, held-out 0.893 against 0.893;
# evals/reports/retrieval.md): more questions beat longer training, and `make setup` stays short.
RECIPE = {"epochs": 1, "batch": 16, "lr": 3e-5, "scale": 20.0, "max_len": 128, "seed": 7, "version": 2,
          "prior_c": 4.0}
# At query time each note is read to 256 tokens, as the index always did.
READ_LEN = 256
_lock = threading.Lock()


def training_pairs(knowledge: Path) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(question, note id) pairs from the train split and the notes' own example lines; and each note's text."""
    notes = _notes(knowledge)
    texts = {nid: f"{n.title}\n" + "\n".join(c.text for c in n.chunks()) for nid, n in notes.items()}
    pairs = [(q["q"], q["relevant"][0]) for q in yaml.safe_load(QUESTIONS.read_text()) if q.get("split") == "train"]
    for nid, n in notes.items():
        heard = re.search(r"^## What you might hear\n(.*?)(?=^## |\Z)", n.body, flags=re.M | re.S)
        if heard:
            pairs += [(line.strip(" -“”\"").strip(), nid) for line in heard.group(1).splitlines() if line.strip().startswith("-")]
    return pairs, texts


def _notes(knowledge: Path) -> dict:
    from assistant.knowledge.notes import load_library

    return {n.id: n for n in load_library(knowledge)}


def sections(knowledge: Path) -> list[tuple[str, str]]:
    """(note id, text) of every section, as the index embeds them."""
    return [(nid, c.titled()) for nid, n in _notes(knowledge).items() for c in n.chunks()]


def fingerprint(pairs: list[tuple[str, str]], texts: dict[str, str]) -> str:
    h = hashlib.sha256(json.dumps([RECIPE, pairs, sorted(texts.items())]).encode())
    return h.hexdigest()[:12]


def models_home() -> Path:
    return Path(os.environ.get("WAYMARK_MODELS_DIR") or Path(sys.prefix) / "waymark-models")


def tuned_path(knowledge: Path) -> Path:
    """The tuned encoder for today's questions and notes, built first if it is not there yet."""
    pairs, texts = training_pairs(knowledge)
    out = models_home() / f"guidance-minilm-{fingerprint(pairs, texts)}"
    with _lock:
        if not (out / "config.json").exists():
            log.warning("tuning the guidance encoder on %d questions (once, about five minutes on 2 cores)", len(pairs))
            train(pairs, texts, out, sections(knowledge))
    return out


def train(pairs: list[tuple[str, str]], texts: dict[str, str], out: Path, note_sections: list[tuple[str, str]]) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    from assistant.knowledge.embed import _minilm_path

    torch.manual_seed(RECIPE["seed"])
    rng = random.Random(RECIPE["seed"])
    model = SentenceTransformer(str(_minilm_path()), device="cpu")
    model.max_seq_length = RECIPE["max_len"]
    ids = sorted(texts)
    with torch.no_grad():  # the hard negative for each question: the wrong note the base model ranks highest
        notes = model.encode([texts[i] for i in ids], normalize_embeddings=True, convert_to_tensor=True)
        asked = model.encode([q for q, _ in pairs], normalize_embeddings=True, convert_to_tensor=True)
    ranked = (asked @ notes.T).argsort(dim=1, descending=True)
    hard = [next(ids[j] for j in ranked[i].tolist() if ids[j] != nid) for i, (_, nid) in enumerate(pairs)]
    optim = torch.optim.AdamW(model.parameters(), lr=RECIPE["lr"])
    model.train()
    order = list(range(len(pairs)))

    def embed(batch: list[str]):
        features = model.tokenize(batch)
        return torch.nn.functional.normalize(model(features)["sentence_embedding"], dim=-1)

    for _ in range(RECIPE["epochs"]):
        rng.shuffle(order)
        for start in range(0, len(order), RECIPE["batch"]):
            idx = order[start:start + RECIPE["batch"]]
            targets = [pairs[i][1] for i in idx] + [hard[i] for i in idx]
            q = embed([pairs[i][0] for i in idx])
            p = embed([texts[t] for t in targets])
            scores = q @ p.T * RECIPE["scale"]
            # Another question's positive is a negative only when it is a different note.
            same = torch.tensor([[targets[j] == pairs[i][1] and j != n for j in range(len(targets))] for n, i in enumerate(idx)])
            scores = scores.masked_fill(same, -1e4)
            loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(idx)))
            optim.zero_grad()
            loss.backward()
            optim.step()
    model.eval()
    model.max_seq_length = READ_LEN
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    model.save(str(tmp))
    fit_prior(model, pairs, texts, note_sections, tmp / PRIOR_FILE)
    try:
        tmp.rename(out)
    except OSError:  # another process built the same encoder first
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


def fit_prior(model, pairs: list[tuple[str, str]], texts: dict[str, str], note_sections: list[tuple[str, str]],
              path: Path) -> None:
    """Which note a question is about, learnt from the same questions, every section and every whole note.

    The encoder ranks by likeness to a note's text; the prior knows how people asked about each note. Blended
    half and half (NotePrior.WEIGHT) they ranked better than either alone, on folds of the train half.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    examples = [*pairs, *((text, nid) for nid, text in note_sections), *((text, nid) for nid, text in texts.items())]
    vectors = model.encode([text for text, _ in examples], normalize_embeddings=True, convert_to_numpy=True)
    fitted = LogisticRegression(C=RECIPE["prior_c"], max_iter=3000).fit(vectors, [nid for _, nid in examples])
    np.savez(path, coef=fitted.coef_, intercept=fitted.intercept_, notes=np.array(fitted.classes_))


PRIOR_FILE = "note-prior.npz"


class NotePrior:
    """P(note | question) from the tuned encoder's vector of the question: a softmax over the fitted weights."""

    WEIGHT = 0.5  # chosen on 5 folds of the 420 newer train questions, among 0, 0.3, 0.5 and 0.7

    def __init__(self, folder: Path):
        import numpy as np

        saved = np.load(folder / PRIOR_FILE)
        self.coef, self.intercept, self.notes = saved["coef"], saved["intercept"], [str(n) for n in saved["notes"]]

    def probabilities(self, vector) -> dict[str, float]:
        import numpy as np

        logits = self.coef @ np.asarray(vector, dtype=np.float32) + self.intercept
        odds = np.exp(logits - logits.max())
        return dict(zip(self.notes, (odds / odds.sum()).tolist()))


if __name__ == "__main__":
    print(f"guidance encoder: {tuned_path(ROOT / 'knowledge')}")
