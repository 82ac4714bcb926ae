"""The reader's own encoder: all-MiniLM-L6-v2 fine-tuned on the labelled mentee messages in evals/ (intents, and
risk to safety), with one output per intent and one for risk. A frozen sentence encoder does not tell "I'm dying
to get into product" from "I want to die"; fine-tuned on hard negatives, it does.

The weights are not committed: they are built from the committed training data the first time they are needed
(`make setup` does it: about three minutes on 2 cores), in a folder named by a hash of that data and of this
recipe, so a change to either builds a new one and an old one is never used by mistake.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import sys
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from assistant.knowledge.embed import _minilm_path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
DATA = [ROOT / "evals" / "understanding", ROOT / "evals" / "safety"]
INTENT_LABELS = ("goal_own", "goal_other", "goal_duty", "measure", "timeframe", "action", "reason", "feasibility",
                 "asks_advice", "permission", "skip_ahead", "change_mind", "feeling", "off_topic",
                 "question_to_waymark", "unsure", "agree")
OUTPUTS = INTENT_LABELS + ("crisis",)
RECIPE = {"epochs": 6, "batch": 16, "lr_encoder": 4e-5, "lr_head": 2e-3, "max_len": 96, "seed": 13, "version": 1}
_lock = threading.Lock()


def training_rows(folders: list[Path] = DATA, *, exclude: set[str] = frozenset()) -> list[dict]:
    """Every training message: {"text", "targets": {output: 0/1}, "mask": {output: 0/1}}. The understanding set
    labels every output; the safety set labels risk only, so its intents do not count in the loss."""
    rows = []
    for folder in folders:
        for path in sorted(folder.glob("train*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                r = json.loads(line)
                if r["text"] in exclude:
                    continue
                if "intents" in r:
                    targets = {o: int(o in r["intents"]) for o in INTENT_LABELS} | {"crisis": int("distress" in r["intents"])}
                    mask = {o: 1 for o in OUTPUTS}
                else:
                    targets = {o: 0 for o in INTENT_LABELS} | {"crisis": int(r["label"] == "crisis")}
                    mask = {o: 0 for o in INTENT_LABELS} | {"crisis": 1}
                rows.append({"text": r["text"], "targets": targets, "mask": mask})
    return rows


def data_hash(rows: list[dict]) -> str:
    h = hashlib.sha256(json.dumps(RECIPE, sort_keys=True).encode())
    for r in rows:
        h.update(json.dumps(r, sort_keys=True).encode())
    return h.hexdigest()[:12]


def models_home() -> Path:
    return Path(os.environ.get("WAYMARK_MODELS_DIR") or Path(sys.prefix) / "waymark-models")


def train(rows: list[dict], out: Path, *, progress: bool = False) -> None:
    """Fine-tune the encoder and its heads on `rows`; write them to `out` (atomically)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(RECIPE["seed"])
    random.seed(RECIPE["seed"])
    base = _minilm_path()
    tok = AutoTokenizer.from_pretrained(str(base))
    encoder = AutoModel.from_pretrained(str(base))
    head = torch.nn.Linear(encoder.config.hidden_size, len(OUTPUTS))
    optim = torch.optim.AdamW([{"params": encoder.parameters(), "lr": RECIPE["lr_encoder"]},
                               {"params": head.parameters(), "lr": RECIPE["lr_head"]}], weight_decay=0.01)
    Y = torch.tensor([[r["targets"][o] for o in OUTPUTS] for r in rows], dtype=torch.float32)
    M = torch.tensor([[r["mask"][o] for o in OUTPUTS] for r in rows], dtype=torch.float32)
    pos = (Y * M).sum(0)
    neg = ((1 - Y) * M).sum(0)
    pos_weight = torch.clamp(neg / torch.clamp(pos, min=1), max=8.0)  # rare intents weigh more, within reason
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none", pos_weight=pos_weight)
    order = list(range(len(rows)))
    steps = RECIPE["epochs"] * ((len(rows) + RECIPE["batch"] - 1) // RECIPE["batch"])
    sched = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
    encoder.train()
    done = 0
    for epoch in range(RECIPE["epochs"]):
        random.shuffle(order)
        for start in range(0, len(order), RECIPE["batch"]):
            idx = order[start:start + RECIPE["batch"]]
            batch = tok([rows[i]["text"] for i in idx], padding=True, truncation=True, max_length=RECIPE["max_len"],
                        return_tensors="pt")
            logits = head(_pool(encoder(**batch).last_hidden_state, batch["attention_mask"]))
            loss = (loss_fn(logits, Y[idx]) * M[idx]).sum() / M[idx].sum()
            optim.zero_grad()
            loss.backward()
            optim.step()
            sched.step()
            done += 1
        if progress:
            print(f"  reader: epoch {epoch + 1}/{RECIPE['epochs']} done ({done}/{steps} steps)", file=sys.stderr, flush=True)
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    encoder.save_pretrained(str(tmp))
    tok.save_pretrained(str(tmp))
    torch.save(head.state_dict(), tmp / "head.pt")
    (tmp / "outputs.json").write_text(json.dumps({"outputs": OUTPUTS, "recipe": RECIPE, "trained_on": len(rows)}))
    try:
        tmp.rename(out)
    except OSError:  # another process finished first; theirs is the same model
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


def _pool(hidden, mask):
    m = mask.unsqueeze(-1).float()
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1e-6)


@dataclass
class TunedReader:
    tokenizer: object
    encoder: object
    head: object

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """One row per text, one column per output (OUTPUTS), in [0, 1]."""
        import torch

        out = []
        with torch.inference_mode():
            for start in range(0, len(texts), 64):
                batch = self.tokenizer(texts[start:start + 64], padding=True, truncation=True,
                                       max_length=RECIPE["max_len"] * 2, return_tensors="pt")
                logits = self.head(_pool(self.encoder(**batch).last_hidden_state, batch["attention_mask"]))
                out.append(torch.sigmoid(logits).numpy())
        return np.vstack(out) if out else np.zeros((0, len(OUTPUTS)))


def ensure_model(progress: bool = False) -> Path:
    """The folder of the reader built from today's training data, building it first if it is not there yet."""
    rows = training_rows()
    out = models_home() / f"reader-{data_hash(rows)}"
    with _lock:
        if not (out / "head.pt").exists():
            log.warning("building the reader from %d labelled messages (once, a few minutes)", len(rows))
            if progress:
                print(f"Building the reader from {len(rows)} labelled messages (once; a few minutes on 2 cores)...",
                      file=sys.stderr, flush=True)
            train(rows, out, progress=progress)
    return out


@cache
def load_reader(folder: Path | None = None) -> TunedReader:
    import torch
    from transformers import AutoModel, AutoTokenizer

    folder = folder or ensure_model()
    encoder = AutoModel.from_pretrained(str(folder)).eval()
    head = torch.nn.Linear(encoder.config.hidden_size, len(OUTPUTS))
    head.load_state_dict(torch.load(folder / "head.pt"))
    head.eval()
    return TunedReader(AutoTokenizer.from_pretrained(str(folder)), encoder, head)


if __name__ == "__main__":  # `make setup`: build the reader now rather than at the first message
    print(f"reader: {ensure_model(progress=True)}")
