"""Guidance retrieval for the graph: semantic (Chroma) blended with lexical, filtered by phase and stage."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from assistant.knowledge.library import Library, Passage

log = logging.getLogger(__name__)


@dataclass
class SearchResult:
    passages: list[Passage]
    degraded: str | None = None  # why semantic search was not used, when it was not
    notes: list[dict] = field(default_factory=list)


class Retriever:
    """Searches the library. `semantic` is an index with .search(query, phase, stage, k), and optionally
    .prior(query) (P(note | question)), or None."""

    # Lexical weight 0 by measurement (evals/retrieval/measure.py): with the tuned encoder and its prior, blending
    # BM25 in at 0.1 changes nothing that matters (test split MRR 0.863 -> 0.866, main@3 0.942 either way); with
    # mpnet and MiniLM it lowered recall@3. BM25 stays the whole of search when Chroma is unavailable.
    def __init__(self, library: Library, semantic=None, *, lexical_weight: float = 0.0):
        self.library = library
        self.semantic = semantic
        self.lexical_weight = lexical_weight

    def search(self, query: str, *, phase: str | None = None, stage: str | None = None, k: int = 3) -> SearchResult:
        degraded = None
        semantic: list[Passage] = []
        if self.semantic is not None:
            try:
                semantic = self.semantic.search(query, phase=phase, stage=stage, k=max(k * 4, 12))
            except Exception as exc:  # Chroma down or broken: answer from the lexical index, and say so
                log.warning("semantic search unavailable: %s", type(exc).__name__)
                degraded = "The guidance index is unavailable; using keyword search only."
        else:
            degraded = "semantic index not loaded"
        lexical = self.library.lexical_search(query, phase=phase, stage=stage, k=max(k * 4, 12))
        notes = with_prior(per_note(semantic), self._prior(query)) if semantic else []
        ranked = blend(notes, best_per_note(lexical), self.lexical_weight) if semantic else best_per_note(lexical)
        passages = ranked[:k]
        return SearchResult(passages, degraded, [p.brief() for p in passages])

    def _prior(self, query: str) -> dict[str, float]:
        prior = getattr(self.semantic, "prior", None)
        return prior(query) if prior else {}


def with_prior(notes: list[Passage], prior: dict[str, float]) -> list[Passage]:
    """Each note's likeness to the question, blended with how likely people who ask this mean that note.

    Only notes the (phase- and stage-filtered) search found are ranked, so the prior never brings in a note the
    filter excluded.
    """
    if not prior:
        return notes
    from assistant.knowledge.tuned import NotePrior

    w = NotePrior.WEIGHT
    # A programme's own documents are not among the notes the prior was fitted on: they keep their likeness as it is
    # rather than count as improbable, so the library never buries them (a monthly mentor-lunch document, asked about
    # in its own words, ranks first).
    scored = [Passage(**{**p.__dict__, "score": round((1 - w) * p.score + w * prior.get(p.note_id, p.score), 4)}) for p in notes]
    return sorted(scored, key=lambda p: -p.score)


def best_per_note(passages: list[Passage]) -> list[Passage]:
    """One passage per note, the best one, in rank order: three chunks of one note are one answer."""
    seen: set[str] = set()
    out = []
    for p in passages:
        if p.note_id not in seen:
            seen.add(p.note_id)
            out.append(p)
    return out


NOT_SHOWN = ("What you might hear", "Questions")


def per_note(passages: list[Passage]) -> list[Passage]:
    """One passage per note, scored half by its best section and half by the note as a whole.

    The section is what is shown; a note whose sections or whole vector fell outside the results counts the
    lowest score seen for the missing half, so it is neither dropped nor favoured.
    """
    floor = min((p.score for p in passages), default=0.0)
    whole = {p.note_id: p for p in passages if p.meta.get("level") == "note"}
    best: dict[str, Passage] = {}
    showable: dict[str, Passage] = {}
    for p in passages:
        if p.meta.get("level") != "note" and (p.note_id not in best or p.score > best[p.note_id].score):
            best[p.note_id] = p
        if (p.meta.get("level") != "note" and p.heading not in NOT_SHOWN
                and (p.note_id not in showable or p.score > showable[p.note_id].score)):
            showable[p.note_id] = p
    scored = []
    for note_id in best.keys() | whole.keys():
        # A note's example lines and question list match questions well but read badly as guidance: the best of
        # its other sections is shown, or the note from its start.
        shown = showable.get(note_id) or whole.get(note_id) or best[note_id]
        section = best[note_id].score if note_id in best else floor
        overall = whole[note_id].score if note_id in whole else floor
        scored.append(Passage(**{**shown.__dict__, "score": round((section + overall) / 2, 4)}))
    return sorted(scored, key=lambda p: -p.score)


def blend(semantic: list[Passage], lexical: list[Passage], weight: float) -> list[Passage]:
    """Weighted sum of max-normalised scores per note; a note found by one signal only still counts."""
    def norm(ps: list[Passage]) -> dict[str, float]:
        top = max((p.score for p in ps), default=0.0) or 1.0
        return {p.note_id: p.score / top for p in ps}

    sem, lex = norm(semantic), norm(lexical)
    by_id = {p.note_id: p for p in lexical + semantic}  # the semantic passage is the one shown, where there is one
    ranked = sorted(by_id, key=lambda i: -((1 - weight) * sem.get(i, 0.0) + weight * lex.get(i, 0.0)))
    return [Passage(**{**by_id[i].__dict__, "score": round((1 - weight) * sem.get(i, 0.0) + weight * lex.get(i, 0.0), 4)})
            for i in ranked]
