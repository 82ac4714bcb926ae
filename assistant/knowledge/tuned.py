"""The guidance encoder tuned to this library: all-MiniLM-L6-v2, fine-tuned on questions people type about each
note (evals/retrieval/questions.yaml, the train split only) and the "What you might hear" lines in the notes, with
in-batch and hard negatives (the multiple-negatives ranking loss, as sentence-transformers defines it, written as
a plain torch loop). Small and fast like MiniLM, and it knows this domain's words.

The weights are not committed (90 MB): they are built from the committed questions and notes the first time they
are needed (with WAYMARK_GUIDANCE_EMBEDDER=tuned, or `python -m assistant.knowledge.tuned`), into a folder named by a hash of the training data
and this recipe, so a change to either builds a new encoder and the index, which records its encoder, re-embeds.
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
RECIPE = {"epochs": 4, "batch": 16, "lr": 3e-5, "scale": 20.0, "max_len": 256, "seed": 7, "version": 1}
_lock = threading.Lock()


def training_pairs(knowledge: Path) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(question, note id) pairs from the train split and the notes' own example lines; and each note's text."""
    from assistant.knowledge.notes import load_library

    notes = {n.id: n for n in load_library(knowledge)}
    texts = {nid: f"{n.title}\n" + "\n".join(c.text for c in n.chunks()) for nid, n in notes.items()}
    pairs = [(q["q"], q["relevant"][0]) for q in yaml.safe_load(QUESTIONS.read_text()) if q.get("split") == "train"]
    for nid, n in notes.items():
        heard = re.search(r"^## What you might hear\n(.*?)(?=^## |\Z)", n.body, flags=re.M | re.S)
        if heard:
            pairs += [(line.strip(" -“”\"").strip(), nid) for line in heard.group(1).splitlines() if line.strip().startswith("-")]
    return pairs, texts


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
            log.warning("tuning the guidance encoder on %d questions (once, under a minute)", len(pairs))
            train(pairs, texts, out)
    return out


def train(pairs: list[tuple[str, str]], texts: dict[str, str], out: Path) -> None:
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
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    model.save(str(tmp))
    try:
        tmp.rename(out)
    except OSError:  # another process built the same encoder first
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    print(f"guidance encoder: {tuned_path(ROOT / 'knowledge')}")
