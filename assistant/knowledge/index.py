"""The Chroma index of guidance: embedded locally, re-ingested only where a file's content changed."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import chromadb

from assistant.knowledge.embed import embed
from assistant.knowledge.library import Library, Passage
from assistant.knowledge.notes import PHASES, STAGES, Chunk
from assistant.settings import Settings

log = logging.getLogger(__name__)
COLLECTION = "waymark-guidance"
INDEX_FORMAT = "2"  # bump when what is stored per note changes: every note is then re-indexed once


def versioned(sha: str) -> str:
    return f"{INDEX_FORMAT}:{sha}"


def _flags(meta: dict) -> dict:
    """Chroma filters on exact values, so each phase and stage becomes its own boolean."""
    phases = set(meta.get("phase", "").split(","))
    stages = set(meta.get("career_stage", "any").split(","))
    return {**{f"phase_{p}": p in phases for p in PHASES}, **{f"stage_{s}": s in stages for s in STAGES}}


def where(phase: str | None, stage: str | None) -> dict | None:
    clauses = []
    if phase:
        clauses.append({f"phase_{phase}": True})
    if stage and stage != "any":
        clauses.append({"$or": [{f"stage_{stage}": True}, {"stage_any": True}]})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def admits(meta: dict, phase: str | None, stage: str | None) -> bool:
    """The same test as `where`, on a result's metadata."""
    if phase and not meta.get(f"phase_{phase}"):
        return False
    return not (stage and stage != "any") or bool(meta.get(f"stage_{stage}") or meta.get("stage_any"))


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = 0
    skipped: list[str] = field(default_factory=list)  # "path: why", never fatal

    def as_dict(self) -> dict:
        return self.__dict__


def encoder_id(embedder: str) -> str:
    """What built an index's vectors: the model's name, and for the tuned encoder the data it was tuned on."""
    if embedder == "tuned":
        from assistant.knowledge.tuned import ROOT, tuned_path

        return tuned_path(ROOT / "knowledge").name
    return embedder


class SemanticIndex:
    def __init__(self, client, embedder: str):
        self.client = client
        self.embedder = embedder
        self._last: tuple[str | None, list[float]] = (None, [])
        self._prior = None
        # One collection per embedding model: vectors of different models (and sizes) never share an index,
        # so switching models builds a fresh index instead of failing on a dimension mismatch.
        name = COLLECTION if embedder == "minilm" else f"{COLLECTION}-{embedder}"
        built_by = encoder_id(embedder)
        self.collection = client.get_or_create_collection(name, embedding_function=None,
                                                          metadata={"hnsw:space": "cosine", "encoder": built_by})
        if (self.collection.metadata or {}).get("encoder") != built_by:
            # The index records the encoder that built it: vectors of another encoder (a re-tuned one, say) are
            # never mixed with this one's; the collection starts again and the sync re-embeds every note.
            log.warning("the guidance index was built by another encoder; re-embedding it with %s", built_by)
            client.delete_collection(name)
            self.collection = client.get_or_create_collection(name, embedding_function=None,
                                                              metadata={"hnsw:space": "cosine", "encoder": built_by})

    def embed(self, texts: list[str]) -> list[list[float]]:
        return embed(texts, model=self.embedder)

    def _query_vector(self, query: str) -> list[float]:
        # search() and prior() read the same question in one turn: it is embedded once.
        if self._last[0] != query:
            self._last = (query, self.embed([query])[0])
        return self._last[1]

    def prior(self, query: str) -> dict[str, float]:
        """P(note | question) where the encoder was tuned to this library's questions; otherwise nothing."""
        if self.embedder != "tuned":
            return {}
        if self._prior is None:
            from assistant.knowledge.tuned import ROOT, NotePrior, tuned_path

            self._prior = NotePrior(tuned_path(ROOT / "knowledge"))
        return self._prior.probabilities(self._query_vector(query))

    def search(self, query: str, *, phase: str | None = None, stage: str | None = None, k: int = 3) -> list[Passage]:
        vector = [self._query_vector(query)]
        # Chroma's metadata pre-filter costs tens of milliseconds at 10,000 chunks; ranking a wider window
        # unfiltered and filtering it here costs a few. Only when the window holds too few matches does Chroma
        # filter after all, so a narrow filter still finds everything it should.
        # The window's size was measured (benchmarks/run.py): narrower ones fell back too often to pay off.
        size, filters = max(6 * k, k + 60), where(phase, stage)
        window = self._query(vector, size, None)
        hits = [p for p in window if admits(p.meta, phase, stage)][:k]
        if len(hits) < k and len(window) >= size and filters is not None:
            hits = self._query(vector, k, filters)
        return hits

    def _query(self, vector, n: int, filters: dict | None) -> list[Passage]:
        res = self.collection.query(query_embeddings=vector, n_results=n, where=filters,
                                    include=["documents", "metadatas", "distances"])
        return [Passage(cid, meta["note_id"], meta["title"], meta.get("heading", ""), doc, 1.0 - dist, meta)
                for cid, doc, meta, dist in zip(res["ids"][0], res["documents"][0], res["metadatas"][0],
                                                res["distances"][0])]

    def _hashes(self, source_kind: str) -> dict[str, str]:
        got = self.collection.get(where={"origin": source_kind}, include=["metadatas"])
        return {m["note_id"]: m["sha"] for m in got["metadatas"]}

    def _replace(self, note_id: str, chunks: list[Chunk], sha: str, origin: str) -> None:
        self.collection.delete(where={"note_id": note_id})
        if not chunks:
            return
        # Besides its sections, each note is indexed whole: a question often matches what a note is about
        # better than any one of its sections (measured in evals/retrieval/: recall@3 up on both query sets).
        whole = Chunk(f"{note_id}:note", note_id, chunks[0].title, "", "\n".join(c.text for c in chunks), chunks[0].meta)
        entries = [*chunks, whole]
        # Two calls: in one batch every short section would be padded to the whole note's length (3x slower).
        vectors = self.embed([c.titled() for c in chunks]) + self.embed([whole.titled()])
        metas = [{**{k: v for k, v in c.meta.items() if isinstance(v, (str, int, float, bool))}, **_flags(c.meta),
                  "note_id": note_id, "title": c.title, "heading": c.heading, "sha": versioned(sha), "origin": origin,
                  "level": "note" if c is whole else "section"}
                 for c in entries]
        for start in range(0, len(entries), 2000):  # Chroma caps one batch
            end = start + 2000
            self.collection.upsert(ids=[c.id for c in entries[start:end]], embeddings=vectors[start:end],
                                   documents=[c.text for c in entries[start:end]], metadatas=metas[start:end])

    def sync_library(self, library: Library, progress: Callable[[Iterable], Iterable] = lambda x: x) -> IngestReport:
        report = IngestReport()
        known = self._hashes("library")
        for note in progress(list(library.notes.values())):
            chunks = note.chunks()
            report.chunks += len(chunks)
            if known.get(note.id) == versioned(note.sha):
                report.unchanged += 1
                continue
            self._replace(note.id, chunks, note.sha, "library")
            report.added += 1
        for gone in set(known) - set(library.notes):
            self.collection.delete(where={"note_id": gone})
            report.removed += 1
        return report

    def add_document(self, note_id: str, title: str, chunks: list[Chunk], text: str) -> bool:
        """A program's own document; returns False when it was already indexed unchanged."""
        sha = hashlib.sha256(text.encode()).hexdigest()
        if self._hashes("program").get(note_id) == versioned(sha):
            return False
        self._replace(note_id, chunks, sha, "program")
        return True

    def count(self) -> int:
        return self.collection.count()


def chroma_client(settings: Settings):
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port)
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path))


def open_index(settings: Settings, library: Library) -> SemanticIndex | None:
    """The index, brought up to date with the library; None (keyword search only) if Chroma cannot be opened."""
    try:
        index = SemanticIndex(chroma_client(settings), settings.guidance_embedder)
        index.sync_library(library)
        index.search("warm-up", k=1)  # load the embedding model and the index now, not in someone's first turn
        return index
    except Exception as exc:  # a missing or broken Chroma must not stop the conversation
        log.warning("guidance index unavailable (%s); keyword search only", exc)
        return None
