"""Which words say each part of a goal, learned: a linear-chain CRF per part (goal, measure, timeframe, action,
reason, feasibility) that tags the message's words as inside or outside the part, fitted on the labelled spans of
the understanding set (evals/tagger_fit.py). The rules' own finds are features here, so the tagger learns where
they are right and reaches the phrasings they miss ("wanna save up for a motorbike", "practice test score become
over 750") without a rule per phrasing.

The models are not committed: they are built from the committed labelled messages the first time they are needed
(`make setup` does it; about a minute on 2 cores), into a folder named by a hash of the data, this recipe and the
code that makes the features, so a change to any of them builds new ones."""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.reading import cues

log = logging.getLogger(__name__)
PARTS = ("goal", "measure", "timeframe", "action", "reason", "feasibility")
ROOT = Path(__file__).resolve().parents[2]
UNDERSTANDING = ROOT / "evals" / "understanding"
# L1 keeps the models small (about 2 MB for all six) and L2 smooths the rest; chosen once on the folds of
# evals/tagger_fit.py, not tuned further.
RECIPE = {"c1": 0.05, "c2": 0.02, "max_iterations": 200, "feature.possible_transitions": True}
_lock = threading.Lock()
_tagging = threading.Lock()
_TOKEN = re.compile(r"[\w£$€%]+(?:['’][\w]+)*|[^\w\s]")
# The rules that say where a part might be; each marks the words of its match as a feature.
_RULES = {
    "own": cues.OWN_GOAL, "other": cues.OTHER_GOAL, "duty": cues.DUTY_GOAL, "measure": cues.MEASURE,
    "action": cues.ACTION, "reason": cues.REASON, "feasible": cues.FEASIBILITY, "burden": cues.BURDEN,
    "room": cues.MAKES_ROOM, "unsure": cues.UNSURE,
}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _marks(text: str, toks: list[Token]) -> list[set[str]]:
    """For each token, the rules whose match covers it (and, for the goal rules, whether it is in the goal group)."""
    from assistant.dates import timeframe_words

    marks: list[set[str]] = [set() for _ in toks]

    def mark(name: str, start: int, end: int) -> None:
        for i, t in enumerate(toks):
            if t.start >= start and t.end <= end:
                marks[i].add(name)

    for name, rx in _RULES.items():
        for m in rx.finditer(text):
            mark(name, m.start(), m.end())
            if "goal" in rx.groupindex and m.group("goal"):
                mark(name + ":goal", m.start("goal"), m.end("goal"))
    if (when := timeframe_words(text)) and (at := text.lower().find(when.lower())) >= 0:
        mark("when", at, at + len(when))
    return marks


def _shape(word: str) -> str:
    s = re.sub(r"[A-Z]", "A", re.sub(r"[a-z]", "a", re.sub(r"\d", "0", word)))
    return re.sub(r"(.)\1+", r"\1", s)


def features(text: str, toks: list[Token] | None = None) -> list[list[str]]:
    toks = tokens(text) if toks is None else toks
    marks = _marks(text, toks)
    low = [t.text.lower().replace("’", "'") for t in toks]
    sentence_start = [i == 0 or low[i - 1] in {".", "!", "?"} for i in range(len(toks))]
    out = []
    n = len(toks)
    for i, w in enumerate(low):
        f = [f"w={w}", f"suf3={w[-3:]}", f"pre3={w[:3]}", f"shape={_shape(toks[i].text)}", f"pos={min(i, 6)}",
             f"rel={int(4 * i / max(n, 1))}", "first" if sentence_start[i] else "", f"n={min(n // 8, 5)}"]
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            f.append(f"w{d:+d}={low[j] if 0 <= j < n else ('<s>' if j < 0 else '</s>')}")
        f.append(f"bi-1={low[i - 1] if i else '<s>'}|{w}")
        f.append(f"bi+1={w}|{low[i + 1] if i + 1 < n else '</s>'}")
        f += [f"rule={m}" for m in sorted(marks[i])]
        # a rule that starts just before this word: "want to | save up"
        if i and marks[i - 1] - marks[i]:
            f += [f"after={m}" for m in sorted(marks[i - 1] - marks[i])]
        out.append([x for x in f if x])
    return out


def bio(text: str, toks: list[Token], span: str) -> list[str]:
    """Inside/outside labels for the (first) place `span` occurs in text."""
    labels = ["O"] * len(toks)
    if not span:
        return labels
    at = text.find(span)
    if at < 0:
        at = text.lower().find(span.lower())
    if at < 0:
        return labels
    inside = [i for i, t in enumerate(toks) if t.start >= at and t.end <= at + len(span)]
    for k, i in enumerate(inside):
        labels[i] = "B" if k == 0 else "I"
    return labels


def training_rows() -> list[dict]:
    """Every training message of the understanding set, hand-written and composed (`composed` says which)."""
    rows = []
    for path in sorted(UNDERSTANDING.glob("train*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append({**json.loads(line), "composed": "generated" in path.name})
    return rows


def sequences(rows: list[dict]) -> list[tuple[list[Token], list[list[str]]]]:
    """Each row's words and their features: made once, they serve every part and every fold."""
    return [(toks, features(r["text"], toks)) for r in rows for toks in [tokens(r["text"])]]


def train(rows: list[dict], seqs: list[tuple[list[Token], list[list[str]]]], part: str, path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for r, (toks, feats) in zip(rows, seqs):
        if toks:
            trainer.append(feats, bio(r["text"], toks, r.get(part, "")))
    trainer.set_params(RECIPE)
    trainer.train(str(path))


@lru_cache(maxsize=1)
def model_dir() -> Path:
    """The taggers for today's labelled messages and feature code, built first if they are not there yet."""
    import pycrfsuite

    from assistant import dates
    from assistant.knowledge.tuned import models_home

    rows = training_rows()
    # what the features are made of (the rules and dates they mark too), and the library that fits them
    code = [inspect.getsource(f) for f in (tokens, _marks, _shape, features, bio, sequences, train)] + [
        _TOKEN.pattern, *(Path(m.__file__).read_text(encoding="utf-8") for m in (cues, dates)),
        getattr(pycrfsuite, "__version__", "")]
    digest = hashlib.sha256(json.dumps([RECIPE, code, [[r["text"], *(r.get(p, "") for p in PARTS)] for r in rows]])
                            .encode()).hexdigest()[:12]
    out = models_home() / f"span-tagger-{digest}"
    with _lock:
        if not all((out / f"{part}.crfsuite").exists() for part in PARTS):
            log.warning("fitting the span tagger on %d labelled messages (once, about a minute on 2 cores)", len(rows))
            out.mkdir(parents=True, exist_ok=True)
            seqs = sequences(rows)
            for part in PARTS:
                partial = out / f"{part}.crfsuite.{os.getpid()}"  # another process may be building the same
                train(rows, seqs, part, partial)
                partial.replace(out / f"{part}.crfsuite")
    return out


@lru_cache(maxsize=None)
def _tagger(part: str):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_dir() / f"{part}.crfsuite"))
    return tagger


@dataclass(frozen=True)
class Tagged:
    span: str
    sureness: float  # the mean probability, word by word, that the span's words are inside the part


def _runs(labels: list[str]) -> list[tuple[int, int]]:
    """The stretches of tagged words, as (first, last) token indices."""
    out, i = [], 0
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        j = i
        while j + 1 < len(labels) and labels[j + 1] == "I":
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def surest(text: str, toks: list[Token], feats: list[list[str]], t) -> Tagged:
    """The stretch of words tagger `t` tags that it is surest of, or ("", 0). A pycrfsuite tagger keeps the last
    sequence it tagged for its marginals, so callers hold its lock."""
    labels = t.tag(feats)
    best = Tagged("", 0.0)
    for first, last in _runs(labels):
        sure = sum(1.0 - t.marginal("O", i) for i in range(first, last + 1)) / (last - first + 1)
        if sure > best.sureness:
            best = Tagged(text[toks[first].start:toks[last].end], sure)
    return best


def tag_all(text: str, parts: tuple[str, ...] = PARTS) -> dict[str, Tagged]:
    """Per part asked for, the stretch of the person's words the tagger is surest says it ("" when it tags none).
    Of two stretches ("my manager wants me to do the PMP but I'd rather lead one real project"), the surer one."""
    toks = tokens(text)
    if not toks:
        return {part: Tagged("", 0.0) for part in parts}
    feats = features(text, toks)
    with _tagging:  # turns are read on worker threads; the taggers are shared
        return {part: surest(text, toks, feats, _tagger(part)) for part in parts}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print("span tagger ready:", model_dir())
